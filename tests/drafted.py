"""What the drafter makes of a sentence written for a rule's test: its rows, one actor's row, its stances."""

from __future__ import annotations

import pandas as pd

from reactionmap.draft import draft_article


def rows_of(text: str, **options) -> pd.DataFrame:
    """The draft's rows for ``text`` (``options``: draft_article's, such as targets)."""
    return draft_article(text, **options).rows


def one(rows: pd.DataFrame, code: str) -> pd.Series:
    """The one row of ``code``; fails, naming the codes found, when there is none or more."""
    found = rows[rows["actor_iso3"] == code]
    assert len(found) == 1, (code, list(rows["actor_iso3"]))
    return found.iloc[0]


def stance_of(text: str, code: str, **options) -> str:
    """The stance of ``code``'s one row in the draft of ``text``."""
    return one(rows_of(text, **options), code)["stance"]


def coded(text: str, **options) -> dict[str, str]:
    """Each actor's stance in the draft of ``text``, one row per actor (checked)."""
    rows = rows_of(text, **options)
    assert rows["actor_iso3"].is_unique, list(rows["actor_iso3"])
    return dict(zip(rows["actor_iso3"], rows["stance"], strict=True))


def round_up(*paragraphs: str, published: str, title: str = "Reactions") -> str:
    """A round-up written for a test: header lines (its day), a title, a standfirst, then one
    paragraph per argument, as a newsroom's text file holds them."""
    head = f"published: {published}\n\n{title}\n\nA round-up written for the tests.\n\n"
    return head + "\n\n".join(paragraphs)
