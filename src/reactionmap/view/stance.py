"""Derive the per-actor stance table as of a date: the latest statement on or before it."""

from __future__ import annotations

import pandas as pd

from reactionmap.contract.dates import made_by
from reactionmap.contract.scale import DISAGREE_KEY, NO_STATEMENT_KEY
from reactionmap.view import memo

STANCE_COLUMNS = (
    "actor",
    "actor_iso3",
    "actor_type",
    "stance",
    "statement_count",
    "latest_date",  # as the data gives it: YYYY-MM-DD (a time, if given), YYYY-MM, or ""
    "latest_date_precision",  # day, month or unknown
    "latest_date_label",  # as a reader reads it: "3 Jan 2026", "January 2026 (day not reported)"
    "latest_text",
    "latest_is_quote",
    "speaker",
    "speaker_role",
    "source_name",
    "source_url",
    "statement_id",
    "inherited_from",
    "stances",  # the stances of the statements that count, "; "-joined (two or more: disagree)
    "accounts",  # where they disagree: each stance with its latest statement, one per line
)


def as_of(statements: pd.DataFrame, date: pd.Timestamp | None) -> pd.DataFrame:
    """The statements that can have been made on or before the end of ``date`` (dates.made_by)."""
    if date is None:
        return statements
    return statements[made_by(statements["when"], date)]


def statement_text(statements: pd.DataFrame) -> pd.Series:
    """The words a reader sees for each statement: the quote, else the summary."""
    return statements["quote"].where(statements["quote"] != "", statements["summary"])


def actor_key(frame: pd.DataFrame) -> pd.Series:
    """Whom a row speaks for: its code; for actor_type other (a former president, a party),
    its own name too, so that it never stands for its country."""
    other = frame["actor_type"] == "other"
    return frame["actor_iso3"].mask(other, frame["actor_iso3"] + ":" + frame["actor"])


def actor_keys(statements: pd.DataFrame, everyone: pd.DataFrame | None = None) -> pd.Series:
    """actor_key of ``statements``, looked up in everyone's (worked out once, view.memo) when
    they are some of ``everyone``'s rows (a view's)."""
    if everyone is None:
        return actor_key(statements)
    keys = memo.by_statements(everyone, "actor key", lambda: actor_key(everyone))
    return keys.loc[statements.index]


def latest_order(statements: pd.DataFrame, newest_first: bool = False) -> pd.DataFrame:
    """Statements in the order that decides which is an actor's latest: by the earliest time
    each can have been made; among those that may fall on the same day, one dated to that day
    after one known only to its month (or not at all), as the latest known for sure; then file
    order. An actor's last row is its latest; ``newest_first`` reverses the order (the cards)."""
    exact = statements["date_precision"] == "day"
    ordered = statements.assign(_exact=exact).sort_values(
        ["when", "_exact", "row"], ascending=not newest_first, kind="stable"
    )
    return ordered.drop(columns="_exact")


def counting(statements: pd.DataFrame, keys: pd.Series) -> pd.Series:
    """True for each statement that still counts: no other statement of its actor (``keys``)
    was certainly made after it (made_from later than its made_until). Statements whose days
    are not known precisely enough to order them all count: when they disagree in stance, the
    actor's sources disagree."""
    if "made_until" not in statements:
        return pd.Series(True, index=statements.index)
    newest_start = statements["made_from"].groupby(keys).transform("max")
    return statements["made_until"].isna() | (statements["made_until"] >= newest_start)


def _accounts(rows: pd.DataFrame) -> dict[str, str]:
    """Each actor's (``_key``) disagreeing statements as one line per stance: the stance, its
    latest statement's words, its source and date (rows in latest_order)."""
    sides: dict[str, dict[str, tuple]] = {}
    columns = ["_key", "stance", "quote", "summary", "source_name", "date_label"]
    for key, stance, quote, summary, source, label in rows[columns].itertuples(index=False):
        sides.setdefault(key, {}).pop(stance, None)  # in the order of each side's last words
        sides[key].setdefault(stance, (quote, summary, source, label))
    accounts = {}
    for key, by_stance in sides.items():
        lines = []
        for stance, (quote, summary, source, label) in by_stance.items():
            text = f"“{quote}”" if quote else summary
            where = " · ".join(p for p in (source, label) if p)
            lines.append(f"{stance}: {text}" + (f" ({where})" if where else ""))
        accounts[key] = "\n".join(lines)
    return accounts


def stance_table(statements: pd.DataFrame, date: pd.Timestamp | None = None) -> pd.DataFrame:
    """One row per actor: its latest statement's stance as of ``date`` and how many it made.

    An actor is a country or organization code, or an actor_type other by its own name. When
    the statements that count (``counting``) disagree in stance, the stance is 'disagree'
    and ``stances`` and ``accounts`` give each side; the latest statement's words still fill
    the other columns."""
    known = as_of(statements, date)
    known = known[known["actor_iso3"] != ""]
    if known.empty:
        return pd.DataFrame(columns=list(STANCE_COLUMNS)).astype({"statement_count": int})
    ordered = latest_order(known)
    ordered = ordered.assign(_key=actor_key(ordered))
    latest = ordered.groupby("_key", sort=False).tail(1).set_index("_key")
    counts = ordered.groupby("_key").size()
    live = ordered[counting(ordered, ordered["_key"])]
    sides = live.drop_duplicates(["_key", "stance"], keep="last")
    stances = sides.groupby("_key", sort=False)["stance"].agg("; ".join).reindex(latest.index)
    split = sides["_key"].duplicated(keep=False)
    accounts = pd.Series("", index=latest.index, dtype=object)
    found = _accounts(live[live["_key"].isin(set(sides.loc[split, "_key"]))])
    accounts[list(found)] = list(found.values())
    disagree = accounts != ""
    table = pd.DataFrame(
        {
            "actor_iso3": latest["actor_iso3"],
            "actor": latest["actor"],
            "actor_type": latest["actor_type"],
            "stance": latest["stance"].mask(disagree, DISAGREE_KEY),
            "statement_count": counts.reindex(latest.index).astype(int),
            "latest_date": latest["date"],
            "latest_date_precision": latest["date_precision"],
            "latest_date_label": latest["date_label"],
            "latest_text": statement_text(latest),
            "latest_is_quote": latest["quote"] != "",
            "speaker": latest["speaker"],
            "speaker_role": latest["speaker_role"],
            "source_name": latest["source_name"],
            "source_url": latest["source_url"],
            "statement_id": latest["statement_id"],
            "inherited_from": "",
            "stances": stances.fillna(latest["stance"]),
            "accounts": accounts,
        }
    )
    return table[list(STANCE_COLUMNS)].sort_values("actor", kind="stable").reset_index(drop=True)


def inherit(
    table: pd.DataFrame, organizations: dict[str, tuple[str, ...]], names: dict[str, str]
) -> pd.DataFrame:
    """Add rows for members of the chosen organizations that said nothing themselves.

    ``organizations`` maps an organization code to its member codes. An inherited row takes
    the organization's stance and text and names it in ``inherited_from``; its own
    statement_count is 0. A member of two organizations that spoke takes the first listed.
    """
    own = set(table.loc[table["actor_type"] != "other", "actor_iso3"])
    rows = []
    for code, members in organizations.items():
        spoke = table[table["actor_iso3"] == code]
        if spoke.empty:
            continue
        source = spoke.iloc[0]
        for member in members:
            if member in own:
                continue
            own.add(member)
            row = source.to_dict()
            row.update(
                actor=names.get(member, member),
                actor_iso3=member,
                actor_type="state",
                statement_count=0,
                inherited_from=source["actor"],
            )
            rows.append(row)
    if not rows:
        return table
    return pd.concat([table, pd.DataFrame(rows)], ignore_index=True)


def date_range(statements: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The as-of range: from the first day a statement counts from to the last one, the day
    by which every statement is known. A statement known only to its month counts from the
    month's first possible day: the range never runs on to the month's end, where nothing
    more is known (a page would say "as of 31 January" of data that ends on the 5th)."""
    return statements["when"].min().normalize(), statements["when"].max().normalize()


def stance_spans(
    statements: pd.DataFrame, until: pd.Timestamp, everyone: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each actor's stance day by day, by the map's own rule (stance_table): from each day a
    statement counts from, the stance as of that day, up to the next change or to the end of
    ``until``. One row per span: key (actor_key), actor, stance, start, end (exclusive,
    midnight), statement_id (the latest statement then). A page that draws these and a map
    drawn for any day in them show the same stance, 'disagree' included.

    ``everyone``: the event's statements, of which ``statements`` hold each of their actors'
    every statement (a view's timeline): their spans are cut from everyone's, which are worked
    out once (view.memo), since an actor's spans depend on its own statements only."""
    known = statements[statements["actor_iso3"] != ""]
    if everyone is None or known.empty:
        spans = open_spans(statements)
    else:
        every = memo.by_statements(everyone, "open_spans", lambda: open_spans(everyone))
        spans = every[every["key"].isin(set(actor_key(known)))]
    end = pd.Timestamp(until).normalize() + pd.Timedelta(days=1)
    return spans.assign(end=spans["end"].fillna(end)).reset_index(drop=True)


def open_spans(statements: pd.DataFrame) -> pd.DataFrame:
    """stance_spans with no end (NaT) for each actor's last span, the one still held."""
    columns = ["key", "actor", "stance", "start", "end", "statement_id"]
    known = statements[statements["actor_iso3"] != ""]
    if known.empty:
        return pd.DataFrame(columns=columns)
    ordered = latest_order(known)
    ordered = ordered.assign(key=actor_key(ordered), start=ordered["when"].dt.normalize())
    # An actor's stance can change only on a day one of its statements counts from.
    days = ordered.drop_duplicates(["key", "start"])[["key", "start"]]
    per_day = []
    for day in sorted(days["start"].unique()):
        keys = set(days.loc[days["start"] == day, "key"])
        mine = ordered[ordered["key"].isin(keys)]
        table = stance_table(mine, pd.Timestamp(day))
        table = table.assign(key=actor_key(table), start=pd.Timestamp(day))
        per_day.append(table[["key", "actor", "stance", "start", "statement_id"]])
    daily = pd.concat(per_day, ignore_index=True).sort_values(["key", "start"], kind="stable")
    changed = daily["stance"].ne(daily.groupby("key")["stance"].shift())
    spans = daily[changed].copy()
    spans["end"] = spans.groupby("key")["start"].shift(-1)
    order = ordered.groupby("key", sort=False)["when"].min().sort_values(kind="stable")
    spans["_first"] = spans["key"].map(order.rank(method="first"))
    spans = spans.sort_values(["_first", "start"], kind="stable")
    return spans[columns].reset_index(drop=True)


def stance_counts(table: pd.DataFrame, keys: tuple[str, ...]) -> pd.Series:
    """How many actors hold each stance, in scale order, 'none' excluded."""
    return (
        table["stance"]
        .value_counts()
        .reindex(keys, fill_value=0)
        .drop(NO_STATEMENT_KEY, errors="ignore")
    )
