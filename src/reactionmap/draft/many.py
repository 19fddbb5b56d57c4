"""Several articles drafted into one table: each read with its own header, the same statement once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

import pandas as pd

from reactionmap.contract.statements import STATEMENT_COLUMNS
from reactionmap.draft import Draft, draft_article, read_article
from reactionmap.draft.merge import Drafted, merge


@dataclass(frozen=True)
class Source:
    """One article of a many-article draft: its name, and what its header says."""

    name: str
    source_name: str
    source_url: str
    date: str  # the day it was drafted with (its header's, else the one given), or ""
    own_date: bool  # whether that day is the header's own
    rows: int  # the rows drafted from it, before the same statements were merged


def draft_articles(
    articles: Sequence[tuple[str, str]],
    *,
    date: str | dt.date | None = None,
    targets: tuple[str, ...] | list[str] = (),
    against: tuple[str, ...] | list[str] = (),
    same_day: bool = False,
    taken_ids: set[str] | frozenset[str] = frozenset(),
) -> tuple[Draft, list[Source]]:
    """Each (text, name) article drafted with its own header's day, url and publisher (``date``
    only for an article whose header gives no day), into one table where the same statement
    reported by several articles is one row (draft.merge's rule); ``targets`` and ``against``
    as draft_article takes them. ArticleRefused names the article over a limit."""
    taken = set(taken_ids)
    drafted, sources = [], []
    for text, name in articles:
        own = read_article(text, name).date
        made = draft_article(
            text, name=name, date=own or date, targets=targets, against=against,
            same_day=same_day, taken_ids=taken,
        )  # fmt: skip
        meta = made.article.meta if made.article else {}
        source = Source(
            PurePath(name).name,
            meta.get("publisher", ""),
            meta.get("url", ""),
            own or (str(date) if date else ""),
            bool(own),
            len(made.rows),
        )
        taken |= set(made.rows["statement_id"])
        sources.append(source)
        drafted.append(Drafted(label(source), made.rows.to_dict("records"), made.evidence))
    rows, evidence = merge(drafted)
    frame = pd.DataFrame(rows, columns=list(STATEMENT_COLUMNS)).fillna("").astype(str)
    return Draft(frame, evidence), sources


def label(source: Source) -> str:
    """How a row's notes name an article: its file name, then its publisher and address."""
    more = ", ".join(part for part in (source.source_name, source.source_url) if part)
    return f"{source.name} ({more})" if more else source.name
