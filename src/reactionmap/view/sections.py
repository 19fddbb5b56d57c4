"""Which parts a page shows for an event: a vote's tally, cards, the As-of slider, the timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from reactionmap.contract.event import Event
from reactionmap.contract.scale import VOTE_SCALE
from reactionmap.view.compose import as_of_range
from reactionmap.view.stance import actor_key


def has_text(statements: pd.DataFrame, every: bool = False) -> bool:
    """Whether any (or ``every``) statement carries words, a quote or a summary; a vote's rows
    carry none."""
    words = (statements["quote"] != "") | (statements["summary"] != "")
    return bool(words.all() if every else words.any())


@dataclass(frozen=True)
class Sections:
    """What the page holds for one event, whatever the reader's filters."""

    first: dt.date  # the As-of slider's first and last day
    last: dt.date
    dated: bool  # some statement has a date; else no As of, no timeline, no date claimed
    words: bool  # some statement carries words: cards, and hover text that quotes
    words_only: bool  # some, not all, carry words: cards only for those that do
    tally: str  # the tally bar's heading ("Vote", "Tally"), "" for none
    timeline: bool
    disagree: bool = True  # some actor's statements differ in stance: its sources may disagree

    @property
    def slider(self) -> bool:
        """An As-of slider, when the statements span more than one day."""
        return self.first < self.last


def sections(event: Event) -> Sections:
    """A vote (the vote scale, or rows with no words) shows a tally, the map and the table, with
    no empty cards; an event with no dates shows no slider and no timeline; a vote's one day,
    with no words, shows no timeline either."""
    statements = event.statements
    first, last, undated = as_of_range(statements)
    words = has_text(statements)
    vote = event.scale.keys == VOTE_SCALE.keys
    return Sections(
        first=first,
        last=last,
        dated=not undated,
        words=words,
        words_only=words and not has_text(statements, every=True),
        tally="Vote" if vote else ("Tally" if not words else ""),
        timeline=not undated and (first < last or words),
        disagree=bool(
            len(statements)
            and statements.groupby(actor_key(statements))["stance"].nunique().gt(1).any()
        ),
    )
