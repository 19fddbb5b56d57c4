"""The page's sentences about an event and a view, as escaped Markdown (no Streamlit here)."""

from __future__ import annotations

import pandas as pd

from reactionmap.contract.event import Event
from reactionmap.contract.scale import Scale
from reactionmap.draw.cards import escape_markdown as md
from reactionmap.draw.timeline import day_milestones
from reactionmap.places.former import is_former
from reactionmap.view import memo
from reactionmap.view.stance import actor_keys

TIMELINE_KEY = (
    "Each band is the stance the map shows for that actor, day by day. A dot is a statement "
    "dated to the day; an open dot one the source dates only to its month, at the first day it "
    'may fall on, with a line over the days it may fall on. The black line is the "As of" date.'
)  # quoted, not *emphasized*: an italic is a 138 KB font file of its own for a new visitor


def statements_count(statements: pd.DataFrame, everyone: pd.DataFrame | None = None) -> str:
    """'98 statements by 34 actors': the one way the page counts statements and who made
    them (an actor is a country or organization, or someone who speaks for no government by
    name: view.stance.actor_key), in the header, over the cards and on the published page.
    ``everyone``: the event's statements, of which ``statements`` are some (stance.actor_keys)."""
    actors = int(actor_keys(statements, everyone).nunique())
    return (
        f"{len(statements)} statement{'s' * (len(statements) != 1)} "
        f"by {actors} actor{'s' * (actors != 1)}"
    )


def event_line(event: Event) -> str:
    """Under the title: the event's date (or that it is not given) and who said how much
    (counted once per event's statements)."""
    day = f"{event.date:%-d %B %Y}" if event.date_known else "Date not given"
    count = memo.by_statements(
        event.statements, "statements count", lambda: statements_count(event.statements)
    )
    return f"{day} · {count}"


def problems_line(event: Event) -> str:
    """Above the problems table: how many problems, and how many rows wait for a fix."""
    unmapped = event.input_rows - len(event.statements)
    return (
        f"{len(event.problems)} problem(s): {unmapped} of {event.input_rows} row(s) are not "
        "mapped until fixed. Each problem names its file, rows and column; identical ones "
        "are listed once."
    )


def not_on_map(missing: pd.DataFrame, scale: Scale, with_words: bool) -> list[str]:
    """One warning per kind of actor the map cannot draw (former states, codes with no shape),
    naming each with its stance: listed, never dropped."""
    former = missing["actor_iso3"].map(is_former).astype(bool)
    where = f"They are in {'the cards, ' if with_words else ''}the table and the downloads."
    lines = []
    for rows, why in (
        (missing[former], "Not on today's map (members that no longer exist, never drawn on a "
         "successor's shape): "),
        (missing[~former], "Not on the map (no shape or marker for their code): "),
    ):  # fmt: skip
        if len(rows):
            named = ", ".join(
                f"{md(a)} ({md(c)}): {md(scale.label(k))}"
                for a, c, k in zip(rows["actor"], rows["actor_iso3"], rows["stance"], strict=True)
            )
            lines.append(f"{why}{named}. {where}")
    return lines


def milestone_list(milestones: list[dict]) -> list[str]:
    """The milestones the timeline numbers on their day's line, one line each: its number,
    its day and its words."""
    return [
        f"**{number}** · {pd.Timestamp(m['date'][:10]):%-d %b %Y} · {md(m.get('label', ''))}"
        for number, m in enumerate(day_milestones(milestones), start=1)
    ]


def off_the_timeline(timeline: pd.DataFrame, milestones: list[dict]) -> list[str]:
    """What the timeline cannot place: actors whose statements have no date, milestones with
    no day."""
    lines = []
    undated = timeline[timeline["date_precision"] == "unknown"]
    told = undated["reported"] != "" if "reported" in undated else undated["actor"] == ""
    if told.any():
        lines.append(
            "No dot on the timeline, date not given (the stance counts from the day its source "
            "reported it): " + ", ".join(md(a) for a in undated.loc[told, "actor"].unique())
        )
    if (~told).any():
        lines.append(
            "No dot on the timeline, date not reported (the stance counts from the event's day): "
            + ", ".join(md(a) for a in undated.loc[~told, "actor"].unique())
        )
    placed = day_milestones(milestones)
    for milestone in milestones:
        if milestone not in placed:
            lines.append(
                "Milestone not on the timeline, day not reported: "
                f"{md(milestone.get('label', ''))} ({md(milestone.get('date', 'no date'))})"
            )
    return lines
