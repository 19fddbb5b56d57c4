"""The same statement reported by several articles, as one row that lists every source.

Two rows drafted from different articles are the same statement when they have the same actor
and either

- the same quote: the same words (case and punctuation aside), or a run of QUOTE_RUN words
  in both (of the shorter quote's whole words when it has fewer, but at least SHORTEST: "deep
  concern" alone is a phrase many statements use), or
- the same stance on the same day (both rows dated, to the same day), in overlapping words: at
  least half of the shorter summary's words of four letters or more are in the other's.

Within one article (``within``), the drafter gives a row per actor and paragraph, and an
article may report one statement twice (its lead, then its words; or the same words again at
the end). Two rows of one article and one actor are one statement when they have the same
quote (as above), or when one has neither quote nor day and the other has a quote and the
same stance: the lead's "The African Union condemned the takeover" is the statement quoted
below it; or when one has neither quote nor day and the next row is the same actor's, quoted
(a live page's heading, "16:20 GMT - Russia stops short of condemning", then its entry): the
quoted row's stance stands. When the two reports differ in stance and the standing row's is
neutral, the other report's stance is taken. The row with the quote stands (the first, when several), with a day and a speaker one of
them gives; its notes say the article reports it again, and its evidence holds both sentences.
Across articles, rows of one article are not merged again with each other. The merged row is the first article's (in the order the articles were
given): its quote, date and source stand, as the data contract has one source per row; its
notes list every other article that reports it, and its evidence holds every article's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reactionmap.draft.finding import Evidence

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


def within(
    rows: list[dict[str, str]], evidence: list[list[Evidence]]
) -> tuple[list[dict[str, str]], list[list[Evidence]]]:
    """One article's rows (and each row's evidence, in the same order) with the statement it
    reports twice as one row (the module's rule for one article), in reading order. Quotes
    are looked up by their word runs, so an article of many rows costs linear time."""
    into = list(range(len(rows)))  # each row's standing row
    index = _QuoteIndex()
    for i, row in enumerate(rows):
        runs = _runs(row["quote"])
        if runs:
            same = index.find(row["actor_iso3"], runs)
            if same is None:
                index.add(row["actor_iso3"], runs, i)
            else:
                into[i] = same
    first_quoted: dict[tuple[str, str], int] = {}
    for j, row in enumerate(rows):
        if row["quote"] and into[j] == j:
            first_quoted.setdefault((row["actor_iso3"], row["stance"]), j)
    for i, row in enumerate(rows):  # a lead with neither quote nor day: the quoted row
        if not row["quote"] and not row["date"]:
            into[i] = first_quoted.get((row["actor_iso3"], row["stance"]), i)
            following = rows[i + 1] if i + 1 < len(rows) else None
            if following and following["actor_iso3"] == row["actor_iso3"] and following["quote"]:
                into[i] = into[i + 1]  # a live page's heading, then its entry: the entry's row
    groups: dict[int, list[int]] = {}
    for i, j in enumerate(into):
        groups.setdefault(j, []).append(i)
    kept, kept_evidence = [], []
    for j, members in sorted(groups.items()):
        row = dict(rows[j])
        for i in members:
            if i != j:
                _fold(row, rows[i])
        kept.append(row)
        kept_evidence.append([e for i in members for e in evidence[i]])
    return kept, kept_evidence


def _fold(row: dict[str, str], other: dict[str, str]) -> None:
    """Take another report of the row's statement into it: a note, and the day and speaker
    the row lacks."""
    why = "the same quote" if other["quote"] else "its lead, with no quote and no day"
    row["notes"] += f"; the article reports it again ({why}): {_start(other['summary'])}"
    if other["stance"] != row["stance"]:
        if row["stance"] == "neutral" and other["quote"]:
            row["stance"] = other["stance"]  # the report that takes a side says more
            row["notes"] += f"; stance {other['stance']} from that report (this one read neutral)"
        else:
            row["notes"] += f"; that report read {other['stance']}, this one stands"
    if not row["date"] and other["date"]:
        row["date"], row["date_precision"] = other["date"], other["date_precision"]
        row["notes"] += f"; its date from that report ({other['date']})"
    if not row["speaker"] and other["speaker"]:
        row["speaker"], row["speaker_role"] = other["speaker"], other["speaker_role"]


class _QuoteIndex:
    """Quotes of one article by actor, looked up as same_statement's quote rule reads them:
    the same runs, or a shared run of n words (n the smaller of QUOTE_RUN and both quotes'
    lengths, at least SHORTEST) inside one continuous run of each."""

    def __init__(self) -> None:
        self.exact: dict[tuple, int] = {}
        self.grams: dict[tuple, int] = {}  # (actor, n, gram) for n up to min(QUOTE_RUN, length)
        self.short: dict[tuple, int] = {}  # (actor, words) of a one-run quote under QUOTE_RUN

    def add(self, actor: str, runs: list[list[str]], row: int) -> None:
        self.exact.setdefault((actor, tuple(map(tuple, runs))), row)
        length = sum(map(len, runs))
        for n in range(SHORTEST, min(QUOTE_RUN, length) + 1):
            for run in runs:
                for k in range(len(run) - n + 1):
                    self.grams.setdefault((actor, n, tuple(run[k : k + n])), row)
        if len(runs) == 1 and SHORTEST <= length < QUOTE_RUN:
            self.short.setdefault((actor, tuple(runs[0])), row)

    def find(self, actor: str, runs: list[list[str]]) -> int | None:
        found = []
        if (exact := self.exact.get((actor, tuple(map(tuple, runs))))) is not None:
            found.append(exact)
        length = sum(map(len, runs))
        most = min(QUOTE_RUN, length)
        for run in runs:
            for n in range(SHORTEST, most + 1):
                table, key = (self.grams, (actor, n)) if n == most else (self.short, (actor,))
                for k in range(len(run) - n + 1):
                    if (row := table.get((*key, tuple(run[k : k + n])))) is not None:
                        found.append(row)
        return min(found) if found else None


def same_in_article(a: dict[str, str], b: dict[str, str]) -> bool:
    """Whether two rows of one article have one actor and the same quote (the rule ``within``
    reads through its index)."""
    if a["actor_iso3"] != b["actor_iso3"]:
        return False
    qa, qb = _runs(a["quote"]), _runs(b["quote"])
    return bool(qa) and (qa == qb or _share_run(qa, qb))


def _start(summary: str) -> str:
    return repr(summary if len(summary) <= 80 else summary[:79].rsplit(" ", 1)[0] + "…")
