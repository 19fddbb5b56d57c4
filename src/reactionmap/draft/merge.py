"""The same statement reported by several articles, as one row that lists every source.

Two rows drafted from different articles are the same statement when they have the same actor
and either

- the same quote: the same words (case and punctuation aside), or a run of QUOTE_RUN words
  in both (of the shorter quote's whole words when it has fewer, but at least SHORTEST: "deep
  concern" alone is a phrase many statements use), or
- the same stance on the same day (both rows dated, to the same day), in overlapping words: at
  least half of the shorter summary's words of four letters or more are in the other's.

Rows of one article are never merged with each other (the drafter already gives one row per
actor and clause). The merged row is the first article's (in the order the articles were
given): its quote, date and source stand, as the data contract has one source per row; its
notes list every other article that reports it, and its evidence holds every article's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reactionmap.draft.extract import Evidence

QUOTE_RUN = 8
SHORTEST = 3
OVERLAP = 0.5
_WORD = re.compile(r"\w+")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON = frozenset({
    "said", "says", "that", "with", "this", "from", "have", "were", "they", "their", "which",
    "would", "will", "been", "also", "about", "after", "into", "over", "than", "them", "then",
    "there", "these", "when", "where", "while",
})  # fmt: skip


@dataclass
class Drafted:
    """One article's draft rows (as dicts), with where it came from."""

    label: str  # how the notes name the article: its source name and url, or its file name
    rows: list[dict[str, str]]
    evidence: dict[str, list[Evidence]]


@dataclass
class _Group:
    base: dict[str, str]
    labels: list[str]
    why: list[str] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)
    members: list[dict[str, str]] = field(default_factory=list)


def same_statement(a: dict[str, str], b: dict[str, str]) -> str:
    """Why two rows are the same statement ("same quote", ...), or "" when they are not."""
    if a["actor_iso3"] != b["actor_iso3"]:
        return ""
    qa, qb = _runs(a["quote"]), _runs(b["quote"])
    if qa and (qa == qb or _share_run(qa, qb)):
        return "the same quote"
    day_a, day_b = a["date"][:10], b["date"][:10]
    if a["stance"] == b["stance"] and day_a and day_a == day_b:
        wa, wb = _long_words(a["summary"]), _long_words(b["summary"])
        shorter = min(wa, wb, key=len)
        if shorter and len(wa & wb) >= OVERLAP * len(shorter):
            return "the same stance on the same day, in overlapping words"
    return ""


def merge(drafted: list[Drafted]) -> tuple[list[dict[str, str]], dict[str, list[Evidence]]]:
    """The rows of every article, the same statement once (see the module's rule), in the
    order first reported; and each row's evidence."""
    groups: list[_Group] = []
    by_actor: dict[str, list[_Group]] = {}
    for index, article in enumerate(drafted):
        for row in article.rows:
            group = _match(by_actor.get(row["actor_iso3"], []), row, index)
            if group is None:
                group = _Group(dict(row), [article.label], articles={index}, members=[row])
                groups.append(group)
                by_actor.setdefault(row["actor_iso3"], []).append(group)
                continue
            group.why.append(_why(group, row))
            group.labels.append(article.label)
            group.articles.add(index)
            group.members.append(row)
    evidence_of = {sid: ev for article in drafted for sid, ev in article.evidence.items()}
    rows, evidence = [], {}
    for group in groups:
        row = group.base
        if len(group.members) > 1:
            others = "; ".join(
                f"{label}: {why}" for label, why in zip(group.labels[1:], group.why, strict=True)
            )
            row["notes"] += f"; also reported by {len(group.members) - 1} more: {others}"
            stances = {m["stance"] for m in group.members}
            if len(stances) > 1:
                row["notes"] += (
                    f"; the articles' drafts differ in stance: {', '.join(sorted(stances))}"
                )
        rows.append(row)
        evidence[row["statement_id"]] = [
            item for m in group.members for item in evidence_of.get(m["statement_id"], [])
        ]
    return rows, evidence


def _match(groups: list[_Group], row: dict[str, str], article: int) -> _Group | None:
    for group in groups:
        if article not in group.articles and any(same_statement(m, row) for m in group.members):
            return group
    return None


def _why(group: _Group, row: dict[str, str]) -> str:
    return next(why for m in group.members if (why := same_statement(m, row)))


def _runs(quote: str) -> list[list[str]]:
    """A quote's continuous runs (split at " … "), each as its lower-case words."""
    runs = [[w.lower() for w in _WORD.findall(run)] for run in quote.split(" … ")]
    return [run for run in runs if run]


def _long_words(text: str) -> set[str]:
    return {w.lower() for w in _LONG_WORD.findall(text)} - _COMMON


def _share_run(a: list[list[str]], b: list[list[str]]) -> bool:
    """Whether two quotes share a run of QUOTE_RUN words, or of the shorter quote's words
    when it has fewer (at least SHORTEST), inside one continuous run of each."""
    n = min(QUOTE_RUN, sum(map(len, a)), sum(map(len, b)))
    if n < SHORTEST:
        return False
    grams = {tuple(run[i : i + n]) for run in a for i in range(len(run) - n + 1)}
    return any(tuple(run[i : i + n]) in grams for run in b for i in range(len(run) - n + 1))
