"""Who speaks in a block: an issuer's heading over a digest's statement, a framing line over a post."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reactionmap.draft.dates import find_date

# "Statement by the Ministry of ...", "Press release — Federal Foreign Office", "Comment by the
# Official Representative of ...", "Readout of ...", "Joint communiqué from ...": a document's
# kind, then who issued it.
ISSUER_RE = re.compile(
    r"^(?:(?:joint|press|official|written|formal|full|public)\s+)?"
    r"(?:statement|release|communiqu[eé]|comments?|remarks|readout|read-out|declaration|"
    r"message|briefing)"
    r"(?:\s+(?:by|of|from|issued\s+by|attributable\s+to)\s|\s*[—–:-]\s)",
    re.I,
)
# "France, Ministry for Europe and Foreign Affairs, 22 March (summarised)": a state, then the
# office that issued the statement.
OFFICE_RE = re.compile(
    r"^[A-Z][\w'’ .-]{1,40},\s+(?:the\s+)?(?:ministry|office|department|presidency|embassy|"
    r"permanent mission|mission|government|chancellery|cabinet|spokesperson|foreign)\b",
    re.I,
)
# What a heading's words after these are about, not who issued it ("... on the situation in
# northern Iraq").
TOPIC_RE = re.compile(r"\s(?:on|regarding|concerning|about|following|after|in response to)\s", re.I)
HEADING_WORDS = 30
# "@MFA_Ukraine: "..."": a post quoted after its account's handle.
HANDLE_RE = re.compile(r"^@\w{1,30}\s*:")
# A post or statement deleted, withdrawn or taken down: not the actor's position.
WITHDRAWN_RE = re.compile(
    r"\b(?:deleted|retracted|removed|withdrew|withdrawn|took\s+down|taken\s+down|erased)\s+"
    r"(?:it|them|the\s+(?:post|tweet|message|statement|comment|video))\b",
    re.I,
)


def issuer_heading(text: str) -> bool:
    """Whether a paragraph is a digest's heading naming who issued the block below it: a
    document's kind and its issuer, or a state and its office, with no sentence's end."""
    bare = text.strip()
    if not bare or bare[:1] in "“\"‘'" or bare.endswith((".", ":", ";", ",", "!", "?")):
        return False
    if len(bare.split()) > HEADING_WORDS:
        return False
    return bool(ISSUER_RE.match(bare) or OFFICE_RE.match(bare))


def issuer_part(text: str) -> int:
    """Where a heading's issuer ends: at the first word that says what it is about, or its end."""
    match = TOPIC_RE.search(text)
    return match.start() if match else len(text)


def handle_post(text: str) -> bool:
    """Whether a paragraph is a post quoted after its account's handle ("@handle: "...")."""
    return bool(HANDLE_RE.match(text.strip()))


def withdrawn(text: str) -> bool:
    """Whether words say a post or statement was deleted, withdrawn or taken down."""
    return bool(WITHDRAWN_RE.search(text))


@dataclass
class Block:
    """The actor a digest's heading or a framing line names for the paragraphs under it."""

    issuer: str = ""  # the actor an issuer heading names; "" outside such a block
    heading: str = ""  # the heading's words, for the notes
    day: str = ""  # the day the heading gives ("21 March"), YYYY-MM-DD, or ""
    framed: str = ""  # the actor a line ending with a colon introduces, for the next paragraph
    framed_withdrawn: bool = False  # that line says the post was deleted
    framed_day: str = ""  # the day that line gives ("on Monday night"), or ""
    framed_words: str = ""  # the words that fix it

    def open(self, code: str, heading: str, article_date: dt.date | None) -> None:
        """An issuer heading starts a block: its actor, its words and its day."""
        self.issuer, self.heading = code, heading.strip()[:60]
        self.day = find_date(heading, article_date)[0] if code else ""
