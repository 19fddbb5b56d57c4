"""The UN Digital Library's General Assembly voting file: find one resolution, make it an event."""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from reactionmap.contract.dates import DAY_RULE, parse_day
from reactionmap.contract.event import UNDATED, Event
from reactionmap.contract.scale import VOTE_SCALE
from reactionmap.contract.statements import STATEMENT_COLUMNS
from reactionmap.intake.stance_words import to_keys
from reactionmap.intake.statements import prepare_statements
from reactionmap.places.former import former_members
from reactionmap.places.resolver import CountryResolver, default_resolver, normalize

# The header as published in 2026; the 2024 layout is the same without vote_note.
LAYOUT_2026 = (
    "undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
    "committee_report", "meeting", "title", "agenda_title", "subjects", "vote_note",
    "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link",
)  # fmt: skip
LAYOUT_2024 = tuple(c for c in LAYOUT_2026 if c != "vote_note")
NEEDED = ("ms_code", "ms_name", "ms_vote", "date", "resolution", "title")
READ = (*NEEDED, "undl_link", "vote_note", "total_yes", "total_no", "total_abstentions",
        "total_non_voting")  # fmt: skip
SOURCE_NAME = "UN Digital Library"
BLOCK_BYTES = 8 << 20  # 8 MiB blocks: memory stays bounded whatever the file's size
# The catalogue's tail after the title proper: "… : resolution / adopted by the General Assembly".
_TITLE_TAIL = re.compile(
    r"\s*(?::\s*(?:draft\s+)?resolution\b.*|/\s*adopted by the General Assembly.*)$",
    re.IGNORECASE | re.DOTALL,
)

Source = str | Path | bytes | BinaryIO


def layout(columns: list[str] | tuple[str, ...]) -> str | None:
    """'2026' or '2024' when a header is the UN voting file's (by its column names), else None."""
    names = {str(c).strip().lower() for c in columns}
    if not set(NEEDED) <= names:
        return None
    return "2026" if "vote_note" in names else "2024"


def read_header(source: Source) -> list[str]:
    """The column names on a CSV file's first line."""
    with _open(source) as handle:
        line = handle.readline(1 << 16).decode("utf-8-sig", errors="replace")
    if not line.strip():
        return []
    return [str(c) for c in pd.read_csv(io.StringIO(line), dtype=str, nrows=0).columns]


def is_voting_file(name: str, data: bytes) -> bool:
    """Whether a table brought in is the UN voting file: a CSV (or .txt) with its header."""
    return name.lower().endswith((".csv", ".txt")) and layout(read_header(data)) is not None


def _open(source: Source) -> contextlib.AbstractContextManager[BinaryIO]:
    """A binary handle on the source; one the caller passed in is rewound, not closed."""
    if isinstance(source, bytes):
        return io.BytesIO(source)
    if isinstance(source, str | Path):
        return open(source, "rb")  # noqa: SIM115 - closed by the caller's `with`
    source.seek(0)
    return contextlib.nullcontext(source)


@dataclass
class Scan:
    """One pass over the file: what it holds, and the rows of the resolution asked for."""

    layout: str
    resolutions: pd.DataFrame  # symbol, date, title, rows; newest first
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)  # the chosen resolution's rows


def scan(source: Source, symbol: str | None = None) -> Scan:
    """Stream the file in blocks (pyarrow), keeping only the list of resolutions and the rows
    of ``symbol`` (matched ignoring case and surrounding spaces)."""
    columns = [c.strip().lower() for c in read_header(source)]
    found = layout(columns)
    if found is None:
        missing = [c for c in NEEDED if c not in columns]
        raise ValueError(
            f"not the UN voting file's layout: columns {', '.join(missing)} are missing "
            f"(its header is {', '.join(columns[:8])}…)"
        )
    wanted = [c for c in READ if c in columns]
    target = symbol.strip().upper() if symbol else None
    try:  # most files have no line break inside a cell: twice as fast to parse
        listings, kept = _stream(source, columns, wanted, target, newlines_in_values=False)
    except pa.ArrowInvalid:  # a quoted cell spans lines: read again, the careful way
        listings, kept = _stream(source, columns, wanted, target, newlines_in_values=True)
    listing = _listing(listings)
    rows = pa.concat_tables(kept).to_pandas() if kept else pd.DataFrame(columns=wanted)
    return Scan(found, listing, rows.reset_index(drop=True))


def _stream(
    source: Source,
    columns: list[str],
    wanted: list[str],
    target: str | None,
    newlines_in_values: bool,
) -> tuple[list[pa.Table], list[pa.Table]]:
    """(per-block lists of resolutions, the blocks' rows of ``target``), one block at a time."""
    listings, kept = [], []
    with _open(source) as handle:
        reader = pacsv.open_csv(
            handle,
            read_options=pacsv.ReadOptions(
                block_size=BLOCK_BYTES, column_names=columns, skip_rows=1
            ),
            parse_options=pacsv.ParseOptions(newlines_in_values=newlines_in_values),
            convert_options=pacsv.ConvertOptions(
                include_columns=wanted,
                column_types={c: pa.string() for c in wanted},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        for batch in reader:
            table = pa.Table.from_batches([batch])
            listings.append(
                table.group_by(["resolution", "date", "title"], use_threads=False).aggregate(
                    [([], "count_all")]
                )
            )
            if target:
                # Compare the few distinct symbols of the block, not every row.
                symbols = pc.unique(table["resolution"]).to_pylist()
                match = [v for v in symbols if v.strip().upper() == target]
                if match:
                    kept.append(table.filter(pc.is_in(table["resolution"], pa.array(match))))
    return listings, kept


def _listing(parts: list[pa.Table]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame(columns=["symbol", "date", "title", "rows"])
    frame = pa.concat_tables(parts).to_pandas()
    frame = frame.groupby(["resolution", "date", "title"], as_index=False, sort=False).sum()
    frame = frame.rename(columns={"resolution": "symbol", "count_all": "rows"})
    frame["title"] = frame["title"].map(clean_title)
    frame["date"] = frame["date"].str[:10]
    # One line per symbol: its first date and title as the file gives them.
    frame = frame.groupby("symbol", as_index=False, sort=False).agg(
        date=("date", "min"), title=("title", "first"), rows=("rows", "sum")
    )
    order = frame.assign(_date=pd.to_datetime(frame["date"].map(parse_day)))
    order = order.sort_values(["_date", "symbol"], ascending=[False, False], kind="stable")
    return order.drop(columns="_date").reset_index(drop=True)


def clean_title(title: str) -> str:
    """The title proper, without the catalogue's ": resolution / adopted by the General Assembly"."""
    text = _TITLE_TAIL.sub("", str(title)).strip(" :/")
    return re.sub(r"\s+", " ", text) or str(title).strip()


def listing_text(resolutions: pd.DataFrame, limit: int | None = None) -> str:
    """The resolutions as aligned lines: symbol, date, title."""
    shown = resolutions if limit is None else resolutions.head(limit)
    width = max([len(s) for s in shown["symbol"]] + [6])
    lines = [
        f"{s:<{width}}  {d:<10}  {t}"
        for s, d, t in shown[["symbol", "date", "title"]].itertuples(index=False)
    ]
    if limit is not None and len(resolutions) > limit:
        lines.append(
            f"… and {len(resolutions) - limit} more (`reactionmap resolutions FILE` lists them all)"
        )
    return "\n".join(lines)


def event_id_for(symbol: str) -> str:
    """A folder name for a resolution: A/RES/ES-11/1 -> unga-es-11-1."""
    core = re.sub(r"^A/RES/", "", symbol.strip(), flags=re.IGNORECASE)
    return "unga-" + (re.sub(r"[^a-z0-9]+", "-", core.lower()).strip("-") or "vote")


def member_code(
    code: str, name: str, date: pd.Timestamp, resolver: CountryResolver | None = None
) -> str:
    """The code a member is drawn by: a former member's own code (USSR -> SUN; West Germany
    before 3 October 1990 -> GFR), else its ISO3 code, else its name resolved; '' if none."""
    resolver = resolver or default_resolver()
    folded = {_key(code), _key(name)} - {""}
    for member in former_members().values():
        if folded & {_key(n) for n in (member.code, *member.names)}:
            return member.code
        shared = {_key(n) for n in member.shared_names}
        if folded & shared and not pd.isna(date) and date <= member.last_day:
            return member.code
    for text in (code, name):
        found, _ = resolver.try_resolve(text.strip(), "state") if text.strip() else (None, None)
        if found:
            return found
    return ""


def _key(text: str) -> str:
    """A name as compared with the list of former members: case, accents, commas, dots ignored."""
    return " ".join(normalize(str(text).replace(",", " ")).split())


@dataclass
class VoteEvent:
    """What `import` writes for one resolution: the event's description and one row per member."""

    event_id: str
    title: str
    date: str
    summary: str
    sources: list[dict]
    statements: pd.DataFrame


def vote_event(
    rows: pd.DataFrame, symbol: str, event_id: str | None = None, resolver=None
) -> VoteEvent:
    """One statement row per member of a resolution's rows; the vote as cast is kept in notes."""
    rows = rows.reset_index(drop=True)
    dates = rows["date"].str[:10]
    written = dates.mode().iloc[0] if len(dates) else ""
    # The event's day only when the file gives one; the rows keep what it wrote (check names it).
    date = written if parse_day(written) is not None else ""
    when = pd.to_datetime(date or None)
    symbol = rows["resolution"].iloc[0].strip() if len(rows) else symbol
    pairs = {(c, n) for c, n in zip(rows["ms_code"], rows["ms_name"], strict=True)}
    codes = {pair: member_code(*pair, when, resolver) for pair in pairs}
    cast = rows["ms_vote"].str.strip()
    # Blank, X and NV all record a member that did not vote.
    stance = to_keys(cast.mask(cast == "", "X"), VOTE_SCALE)
    notes = "vote recorded as " + cast.mask(cast == "", "blank (non-voting)")
    if "vote_note" in rows:
        notes = notes.where(rows["vote_note"].str.strip() == "", notes + "; " + rows["vote_note"])
    ids = rows["ms_code"].str.strip()
    ids = ids.where(
        (ids != "") & ~ids.duplicated(keep=False), "row-" + (rows.index + 2).astype(str)
    )
    link = next((u for u in rows.get("undl_link", pd.Series(dtype=str)) if u.strip()), "")
    statements = pd.DataFrame(
        {
            "statement_id": ids,
            "actor": rows["ms_name"].str.strip(),
            "actor_iso3": [codes[p] for p in zip(rows["ms_code"], rows["ms_name"], strict=True)],
            "actor_type": "state",
            "stance": stance,
            "date": written,
            "date_precision": "day" if written else "unknown",
            "source_name": SOURCE_NAME,
            "source_url": link,
            "notes": notes,
        }
    ).reindex(columns=list(STATEMENT_COLUMNS), fill_value="")
    title = clean_title(rows["title"].iloc[0]) if len(rows) else symbol
    return VoteEvent(
        event_id=event_id or event_id_for(symbol),
        title=f"{title} ({symbol})",
        date=date,
        summary=_summary(rows, symbol, date),
        sources=[{"name": f"{SOURCE_NAME}: {symbol}", "url": link}] if link else [],
        statements=statements,
    )


def date_refusal(file: str, symbol: str, written: str) -> str:
    """Why a resolution cannot be mapped from its date ('' when it can): the file gives a
    date that is not a day. No date at all is allowed (the vote is then undated)."""
    if not written.strip() or parse_day(written) is not None:
        return ""
    return (
        f"{file}: resolution {symbol} is dated {written[:40]!r}, which is not a day "
        f"({DAY_RULE}); fix its rows' date column in {file}, or choose another resolution"
    )


def _summary(rows: pd.DataFrame, symbol: str, date: str) -> str:
    """The file's own totals, when it has them."""
    text = f"Recorded vote of the UN General Assembly on resolution {symbol}"
    text += f", {date}." if date else "."
    parts = []
    for column, label in (
        ("total_yes", "in favour"),
        ("total_no", "against"),
        ("total_abstentions", "abstentions"),
        ("total_non_voting", "non-voting"),
    ):
        if column in rows and len(rows) and rows[column].iloc[0].strip():
            value = pd.to_numeric(rows[column].iloc[0], errors="coerce")
            if not pd.isna(value):
                parts.append(f"{int(value)} {label}")
    if parts:
        text += f" Totals as published by the {SOURCE_NAME}: {', '.join(parts)}."
    return text


def to_event(vote: VoteEvent, file: str, resolver: CountryResolver | None = None) -> Event:
    """The page's Event for one resolution: the same rows `import` writes, checked."""
    date = pd.Timestamp(vote.date) if vote.date else UNDATED
    statements, problems = prepare_statements(
        vote.statements, VOTE_SCALE, date, file, resolver=resolver, strict=True
    )
    return Event(
        id=vote.event_id,
        title=vote.title,
        date=date,
        summary=vote.summary,
        sources=vote.sources,
        scale=VOTE_SCALE,
        statements=statements,
        problems=problems,
        input_rows=len(vote.statements),
        date_known=bool(vote.date),
    )
