"""Draft a reactions table from a news article: proposed rows a person reviews, each traceable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from reactionmap.contract.dates import DAY_RULE, parse_day
from reactionmap.contract.statements import STATEMENT_COLUMNS
from reactionmap.draft.article import Article, ArticleRefused, decode, read_article
from reactionmap.draft.cues import decide_stance, effective_stance, effective_weight
from reactionmap.draft.extract import findings
from reactionmap.draft.finding import Evidence, Finding
from reactionmap.draft.lexicon import lexicon
from reactionmap.draft.merge import within
from reactionmap.draft.quotes import joined
from reactionmap.draft.relative import Against
from reactionmap.draft.relative_notes import turned_notes
from reactionmap.draft.shared import take_shared

__all__ = ["ArticleRefused", "Draft", "decode", "draft_article", "read_article"]
SUMMARY_CHARS = 600


@dataclass
class Draft:
    """Proposed statements (the data contract's columns) and, per statement_id, the evidence."""

    rows: pd.DataFrame
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    article: Article | None = None


def draft_article(
    text: str,
    *,
    name: str = "",
    date: str | dt.date | None = None,
    source_name: str = "",
    source_url: str = "",
    targets: tuple[str, ...] | list[str] = (),
    same_day: bool = False,
    taken_ids: set[str] | frozenset[str] = frozenset(),
    against: tuple[str, ...] | list[str] = (),
) -> Draft:
    """Draft the statements an article reports.

    ``date`` is the article's date (weekdays are counted back from it; without it, the day
    the article's ``published:`` line gives), and every row's ``reported``; ``targets`` are the
    event's target and parties, coded ``party``; ``same_day`` dates a statement the text does
    not date to the article's day. ``taken_ids`` are statement ids already in the event.
    ``against`` are the codes of whom the event's action was taken against (parties too): a
    statement of support for them opposes the action (draft.relative). A state among them is
    coded ``party``; an organization among them only (the UN whose base was attacked) is not:
    being attacked does not make it a side, so its rows are coded by its words; an organization
    the reader names among ``targets`` too (the EU a tariff is laid on) is a side: ``party``.
    """
    article = read_article(text, name)
    lex = lexicon()
    day = _as_day(date) or _as_day(article.date)
    source_name = source_name or article.meta.get("publisher", "")
    source_url = source_url or article.meta.get("url", "")
    hit = frozenset(t.strip().upper() for t in against if t.strip())
    named = {t.strip().upper() for t in targets if t.strip()}
    parties = named | hit
    rows, sentences, shares = [], [], []
    states = frozenset(c for c in parties if not lex.resolver.is_organization(c))
    event = Against(hit, parties=frozenset(parties), states=states) if parties else None
    sides = {c for c in parties if c in named or not lex.resolver.is_organization(c)}
    for finding in findings(article, lex, day, event):
        row = _row(finding, lex.resolver, sides, day, same_day)
        if hidden := article.paragraphs[finding.paragraph].invisible:
            row["notes"] += f"; invisible characters taken out of its paragraph: {hidden}"
        row["source_name"], row["source_url"] = source_name, source_url
        rows.append(row)
        sentences.append(finding.evidence)
        shares.append(_shares(finding, sides))
    take_shared(rows, shares)  # "shares the position of" another actor: its stance (draft.shared)
    rows, sentences = within(rows, sentences)  # a statement the article reports twice: one row
    evidence, ids = {}, _Ids(taken_ids)
    for row, found in zip(rows, sentences, strict=True):
        row["statement_id"] = ids.new(f"{row['actor_iso3'].lower()}-d")
        evidence[row["statement_id"]] = found
    frame = pd.DataFrame(rows, columns=list(STATEMENT_COLUMNS)).fillna("")
    return Draft(frame.astype(str), evidence, article)


class _Ids:
    """New statement ids, as contract.statements.new_statement_id gives them (the first of
    prefix01, prefix02, ... not taken), counting on from the last one given per prefix: an
    article of many rows for one actor costs linear time, not quadratic."""

    def __init__(self, taken: set[str] | frozenset[str]) -> None:
        self.used = set(taken)
        self.next: dict[str, int] = {}

    def new(self, prefix: str) -> str:
        n = self.next.get(prefix, 1)
        while f"{prefix}{n:02d}" in self.used:
            n += 1
        self.next[prefix] = n + 1
        self.used.add(f"{prefix}{n:02d}")
        return f"{prefix}{n:02d}"


def _as_day(value: str | dt.date | None) -> dt.date | None:
    """The article's day (dates.parse_day's rule), None when not given; ValueError when it is
    not a day."""
    if not value:
        return None
    day = parse_day(value)
    if day is None:
        raise ValueError(f"date {value!r} is not a day: write it as {DAY_RULE}")
    return day.date()


def _shares(finding: Finding, parties: set[str]) -> str:
    """The actor whose position the row's deciding cue shares, or "" (draft.shared)."""
    if finding.code in parties:
        return ""
    _, deciding, _ = decide_stance(finding.cues)
    return deciding.shares if deciding is not None and not deciding.turned else ""


def _row(finding: Finding, resolver, parties: set[str], day, same_day: bool) -> dict[str, str]:
    code = finding.code
    how = f" ({finding.how})" if finding.how else ""
    notes = [f"draft: actor from {finding.actor_cue}{how}"]
    if code in parties:
        stance = "party"
        notes.append("party to the event (--target), so stance party")
    else:
        stance, deciding, others = decide_stance(finding.cues)
        if deciding is None:
            stance = "neutral"
            notes.append("no stance cue: neutral until a reader decides")
        else:
            how = f"'{deciding.text}'"
            if deciding.negated:
                how = f"'{deciding.negated} … {deciding.text}' (negated)"
            elif deciding.hedged:
                how += f" (hedged by '{deciding.hedged}')"
            notes.append(f"stance {stance} from {how}")
            notes += turned_notes(finding.cues)
            if others:
                listed = ", ".join(f"'{c.text}' ({effective_stance(c)})" for c in others[:4])
                if effective_weight(deciding) > max(effective_weight(c) for c in others):
                    why = f"took the stronger, {stance}"
                else:
                    why = f"as strong: took {stance}, with more cues or read first"
                notes.append(f"cues disagree: {listed}; {why}")
    if finding.date:
        date, precision = finding.date, "day"
        notes.append(f"date from '{finding.date_words}'")
    elif same_day and day is not None:
        date, precision = day.isoformat(), "day"
        notes.append("date: the article's day, as the reader said")
    else:
        date, precision = "", "unknown"
        if finding.date_note:
            notes.append(f"date not fixed: {finding.date_note}")
    # reported: the article's own day. A source cannot report a statement before it is made:
    # a text date after the article's day (a time zone apart, or a slip) is left to the reader.
    reported = day.isoformat() if day is not None else ""
    if reported and date[:10] > reported:
        notes.append(f"reported left empty: the date {date} is after the article's {reported}")
        reported = ""
    summary = " ".join(s.strip() for s in finding.sentences)
    if len(summary) > SUMMARY_CHARS:
        summary = summary[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return {
        "actor": resolver.country_name(code),
        "actor_iso3": code,
        "actor_type": "organization" if resolver.is_organization(code) else "state",
        "stance": stance,
        "date": date,
        "date_precision": precision,
        "reported": reported,
        "speaker": finding.speaker,
        "speaker_role": finding.speaker_role,
        "quote": joined(finding.quotes),
        "summary": summary,
        "notes": "; ".join(notes),
    }
