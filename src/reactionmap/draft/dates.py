"""Statement dates the text fixes: weekdays and month days, read against the article's own date."""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_PATTERNS = [
    re.compile(
        rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?", re.I
    ),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+(?P<year>\d{{4}}))?", re.I),
    re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I),
    re.compile(
        r"\b(?P<relative>today|yesterday|this morning|this afternoon|this evening|tonight)\b",
        re.I,
    ),
]
# A date used as an adjective ("the January 3 attack", "a Saturday call") names another moment,
# as does one that owns a noun ("Thursday's events").
_ATTRIBUTIVE = re.compile(r"\b(the|a|an|since|until|till|before|by|last|next|this)\s*$", re.I)
_OWNER = re.compile(r"^['\u2019]s\b")


def _dateline(before: str) -> bool:
    """Whether the text before a date is a dateline's place ("MOSCOW, Jan. 4, 2026 –",
    "LOMÉ, Nov 14", "ANKARA/BAGHDAD, May 20"): it dates the article, not a statement."""
    place = before.rstrip()
    if not place.endswith(","):
        return False
    place = place[:-1]
    return place.isupper() and all(c.isalpha() or c in " .'-/" for c in place)


# Words that place a statement in time without fixing its day ("released overnight" may be
# either day; "earlier this week" any of several): the row gets no day, not a heading's.
_UNFIXED = re.compile(
    r"\b(overnight|earlier this week|earlier in the week|last week|in recent days|"
    r"over the weekend)\b",
    re.I,
)
# A live blog's day heading, a paragraph of its own ("Tuesday 14 July", "Monday, July 13 2026").
_DAY_HEADING = re.compile(
    r"^\s*(?P<weekday>" + "|".join(WEEKDAYS) + r"),?\s+(?P<rest>[A-Za-z0-9 ,.]{3,24}?)\s*$", re.I
)


def could_date(text: str) -> bool:
    """Whether the text may hold a date find_date reads (a number, a weekday, "today",
    "this morning" ... or "yesterday") or words that fix none ("overnight"): a quick test that
    spares reading the rest."""
    return (
        any(pattern.search(text) for pattern in _PATTERNS[2:])
        or any(c.isdigit() for c in text)
        or bool(_UNFIXED.search(text))
    )


def heading_day(text: str, article_date: dt.date | None) -> str:
    """YYYY-MM-DD of a live blog's day heading ("Tuesday 14 July"), the year from the article's
    date, when the weekday agrees with the day; "" for any other paragraph."""
    match = _DAY_HEADING.match(text)
    if match is None or article_date is None:
        return ""
    rest = match.group("rest")
    if not any(p.fullmatch(rest.strip(" ,.")) for p in _PATTERNS[:2]):
        return ""
    day, _, _ = find_date(rest, article_date)
    weekday = WEEKDAYS.index(match.group("weekday").lower())
    return day if day and dt.date.fromisoformat(day).weekday() == weekday else ""


def find_date(text: str, article_date: dt.date | None) -> tuple[str, str, str]:
    """(YYYY-MM-DD, the words that fix it, a note) for the first date the text fixes, or
    ("", words, why not) when a date is written but cannot be fixed, or ("", "", "")."""
    found: list[tuple[int, re.Match]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            before = text[: match.start()]
            owner = _OWNER.match(text[match.end() :])
            if not _ATTRIBUTIVE.search(before) and not _dateline(before) and not owner:
                found.append((match.start(), match))
    if not found:
        if unfixed := _UNFIXED.search(text):
            return "", unfixed.group(0), f"'{unfixed.group(0)}' fixes no one day"
        return "", "", ""
    match = min(found, key=lambda pair: pair[0])[1]
    words = match.group(0)
    groups = match.groupdict()
    if groups.get("weekday"):
        if article_date is None:
            return "", words, f"'{words}' but no article date (--date) to count from"
        back = (article_date.weekday() - WEEKDAYS.index(groups["weekday"].lower())) % 7
        return (article_date - dt.timedelta(days=back)).isoformat(), words, ""
    if groups.get("relative"):
        if article_date is None:
            return "", words, f"'{words}' but no article date (--date) to count from"
        back = 1 if groups["relative"].lower() == "yesterday" else 0
        return (article_date - dt.timedelta(days=back)).isoformat(), words, ""
    month, day = MONTHS[groups["month"].lower()], int(groups["day"])
    if groups.get("year"):
        year = int(groups["year"])
    elif article_date is not None:
        year = article_date.year
        if (month, day) > (article_date.month, article_date.day + 1):
            year -= 1  # "December 30" in an article of 2 January
    else:
        return "", words, f"'{words}' gives no year and there is no article date (--date)"
    try:
        return dt.date(year, month, day).isoformat(), words, ""
    except ValueError:
        return "", words, f"'{words}' is not a real day"


_LEADING_WEEKDAY = re.compile(r"^\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.I)


def written_day(text: str) -> str:
    """YYYY-MM-DD of the day a header line opens with, written with its year ("July 27,
    2023", "Thu 27 Jul 2023 10:41 GMT"), or "" when it opens with none ("not stated (reports
    events of 3 January 2026)" dates the events, not the article) or it is not a real day."""
    text = _LEADING_WEEKDAY.sub("", text).lstrip()
    for pattern in _PATTERNS[:2]:
        match = pattern.match(text)
        if match and match.group("year"):
            month = MONTHS[match.group("month").lower()]
            try:
                return dt.date(int(match.group("year")), month, int(match.group("day"))).isoformat()
            except ValueError:
                return ""
    return ""
