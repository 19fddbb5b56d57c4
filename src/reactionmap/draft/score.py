"""Score a draft against a reviewed table: actor precision and recall, stance accuracy, quotes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from reactionmap.draft.quotes import misquoted

ORDER = ("party", "condemn", "support", "concern", "neutral")


@dataclass
class Score:
    """How a draft compares with a person's coding of the same article(s)."""

    found: set[str] = field(default_factory=set)
    expected: set[str] = field(default_factory=set)
    stance_right: int = 0
    stance_wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (actor, draft, coded)

    @property
    def precision(self) -> float:
        return len(self.found & self.expected) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return len(self.found & self.expected) / len(self.expected) if self.expected else 1.0

    @property
    def stance_accuracy(self) -> float:
        total = self.stance_right + len(self.stance_wrong)
        return self.stance_right / total if total else 1.0

    def add(self, other: Score, prefix: str) -> None:
        self.found |= {f"{prefix}:{a}" for a in other.found}
        self.expected |= {f"{prefix}:{a}" for a in other.expected}
        self.stance_right += other.stance_right
        self.stance_wrong += [(f"{prefix}:{a}", d, c) for a, d, c in other.stance_wrong]


def actor_stances(rows: pd.DataFrame) -> dict[str, str]:
    """One stance per actor code: the most frequent of its rows (rows without a stance cue
    count only when the actor has no other), ties in the order party, condemn, support, ..."""
    out: dict[str, str] = {}
    for code, group in rows.groupby("actor_iso3", sort=False):
        cued = group[
            ~group.get("notes", pd.Series("", index=group.index)).str.contains("no stance cue")
        ]
        counts = Counter((cued if len(cued) else group)["stance"])
        out[str(code)] = max(
            counts, key=lambda s: (counts[s], -ORDER.index(s) if s in ORDER else -99)
        )
    return out


def score(draft: dict[str, str], coded: dict[str, str]) -> Score:
    """Compare actor -> stance maps (a draft's and a person's) for one article."""
    result = Score(set(draft), set(coded))
    for actor in sorted(set(draft) & set(coded)):  # in order: two runs print the same
        if draft[actor] == coded[actor]:
            result.stance_right += 1
        else:
            result.stance_wrong.append((actor, draft[actor], coded[actor]))
    return result


def unquoted(quotes: pd.Series, text: str) -> list[str]:
    """Quote runs (split at " … ") that do not stand in the text verbatim and in order
    (draft.quotes.misquoted)."""
    return [run for quote in quotes for run in misquoted(quote, text)]
