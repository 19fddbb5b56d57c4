"""Whom a heading, a list lead, an issuer's block, a framed post or a tracker's row says speaks."""

from __future__ import annotations

from dataclasses import replace

from reactionmap.draft.blocks import Block, handle_post, issuer_heading, issuer_part, withdrawn
from reactionmap.draft.clauses import Span, sentences
from reactionmap.draft.dates import find_date
from reactionmap.draft.reading import Reading, token_at
from reactionmap.draft.speakers import State, register_speaker
from reactionmap.draft.tables import Columns, words_start
from reactionmap.draft.tokens import (
    char_end,
)

HEADING_NOUNS = {"position", "response", "reaction", "reactions", "stance", "statement", "view"}


def table_row(
    text: Reading, table: Columns, row: list[str], counted_from
) -> tuple[Reading, tuple[str, str]]:
    """A tracker's row read as a list item: its actor cell (else its speaker cell) is the lead
    and names the actor, its words cell is the item; and the day its Date cell fixes."""
    line, doc = text.paragraph.text, text.doc
    start = words_start(line, table)
    end = token_at(doc, start) if start < len(line) else len(doc)
    codes: set[str] = set()
    for column in (table.actor, table.who):
        if column < 0 or not row[column] or codes:
            continue
        at = line.find(row[column])
        codes = {
            m.code
            for m in text.mentions
            if m.end <= end and at <= doc[m.start].idx < at + len(row[column])
        }
    day = ("", "")
    if table.date >= 0 and row[table.date]:
        found = find_date(row[table.date], counted_from)[0]
        day = (found, row[table.date]) if found else day
    code = codes.pop() if len(codes) == 1 else ""
    return replace(text, item_end=end, item_code=code), day


def open_block(text: Reading, state: State, block: Block, counted_from) -> str:
    """A heading: an issuer's heading ("Statement by the Ministry of Foreign Affairs of the
    Republic of Iraq, 20 March") names who speaks in the paragraphs below it, and their day;
    any other heading closes such a block. Returns the actor a clause falls back on."""
    words = text.paragraph.text
    if not issuer_heading(words):
        block.open("", "", None)
        return state.section
    cut = issuer_part(words)
    codes = {m.code for m in text.mentions if text.doc[m.start].idx < cut}
    code = codes.pop() if len(codes) == 1 else ""
    block.open(code, words, counted_from)
    state.section, state.current = code, [code] if code else []
    state.default_cue = f"the issuer heading '{block.heading}'"
    return code


def framed_post(text: Reading, block: Block) -> str:
    """The actor whose post this paragraph quotes after its handle ("@handle: "...") when
    the line before introduced it ("Latvia's foreign ministry:"), "withdrawn" when that line
    says the post was deleted, or ""."""
    if not block.framed or not handle_post(text.paragraph.text) or text.item_end is None:
        return ""
    if block.framed_withdrawn:
        return "withdrawn"
    if not text.item_code:
        text.item_code = block.framed
    return text.item_code


def frame(text: Reading, block: Block, counted_from) -> None:
    """After a paragraph: the actor it introduces when it ends with a colon, a line framing
    the post below it ("Russia's foreign ministry followed on Monday night:"), and its day."""
    words = text.paragraph.text.rstrip()
    if text.heading or not words.endswith(":") or text.item_end is not None:
        return
    sentence = sentences(text.doc, text.in_quote)[-1]
    named = [
        m for m in text.mentions if not text.in_quote[m.start] and m.blocked in ("", "possessive")
    ]
    last = {m.code for m in named if m.start >= sentence.start}
    codes = last or {m.code for m in named}
    if len(codes) != 1:
        return
    block.framed = codes.pop()
    block.framed_withdrawn = withdrawn(words)
    block.framed_day, block.framed_words, _ = find_date(words, counted_from)


def reports_withdrawn(text: Reading, sentence: Span, gone: dict[int, bool]) -> bool:
    """Whether the sentence says the statement it reports was deleted or withdrawn (read once
    per sentence: ``gone`` keeps the answers)."""
    if sentence.start not in gone:
        doc, words = text.doc, text.paragraph.text
        gone[sentence.start] = withdrawn(
            words[doc[sentence.start].idx : char_end(doc, sentence.end)]
        )
    return gone[sentence.start]


def heading_actor(text: Reading) -> str:
    """The actor a heading names as a speaker ("India's Position", "Venezuelan response"), and
    no other ("US Attacks Venezuela" names no section's actor): "" when none or several."""
    doc, mentions = text.doc, text.mentions
    named = {m.code for m in mentions if m.blocked not in ("adjective", "former")}
    speakers = {m.code for m in mentions if m.blocked in ("", "possessive")}
    speakers |= {
        m.code
        for m in mentions
        if m.kind == "demonym" and m.end < len(doc) and doc[m.end].lower_ in HEADING_NOUNS
    }
    codes = named | speakers
    return codes.pop() if len(codes) == 1 and speakers else ""


def follow_lead(text: Reading, state: State) -> str:
    """A heading names who speaks in the paragraphs below it, a list item's lead who speaks in
    the item: the reading's state follows them. Returns the actor a clause that names no
    speaker falls back on."""
    if text.heading:
        state.section = heading_actor(text)
        state.default_cue = f"the heading '{text.paragraph.text.strip()[:60]}'"
        state.current = [state.section] if state.section else []
        for mention in text.mentions:
            register_speaker(text.doc, mention.end, mention.code, state, text.words)
    if text.item_code and text.item_end is not None:
        lead = text.paragraph.text[: text.doc[text.item_end - 1].idx].strip()
        state.default_cue = f"the list lead '{lead[:60]}'"
    if text.item_end is not None:
        state.current = [text.item_code] if text.item_code else []
    return text.item_code or state.section


TOP_MARKS = "•·▪∙*"  # a list's own bullets; other marks ("–", "-", "◦") open its sub-entries


def sub_entry(text: Reading, lead: str) -> str:
    """A bullet that names an actor ("• US — State Dept, Mon 13/7") leads the entries on the
    sub-bullets under it ("– "condemns the seizure"; calls for ..."): such an entry, with no
    lead of its own, is the lead's. Returns the lead the next paragraph may fall under."""
    mark = text.paragraph.bullet
    if text.item_end is not None:
        return text.item_code if mark in TOP_MARKS and mark else ""
    if lead and mark and mark not in TOP_MARKS:
        text.item_code, text.under_lead, text.heading = lead, True, False  # an entry, no heading
        return lead
    return ""
