"""A paragraph read once: its quotations, words, mentions and cues, heading or list lead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reactionmap.draft.article import Paragraph
from reactionmap.draft.blocks import issuer_heading
from reactionmap.draft.cues import StanceCue, stance_cues
from reactionmap.draft.lexicon import Lexicon
from reactionmap.draft.mentions import Mention, find_mentions
from reactionmap.draft.tokens import (
    Labels,
    quote_flags,
    word_labels,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


HEADING_TOKENS = 9


DASH_ITEM_RE = re.compile(r"^([^.!?\"“”:]{2,60}?)\s+[—–]\s+\S")  # "Germany — Chancellor ..."


ITEM_RE = re.compile(r"^((?:[^:.!?\"“”]|\.(?=\S)){2,80}?)\s*(?:\([^)]*\))?\s*:\s+\S")
# A run-in heading: a paragraph that opens with an actor's name alone and a full stop ("3.1
# Russia. The foreign ministry's spokeswoman said ...", a briefing's numbered paragraphs).
RUN_IN_RE = re.compile(r"^([^.!?\"“”:,;]{2,40}?)\.\s+(?=[A-Z])")


# A transcript's turn label for its own journalists ("ANCHOR:", "CORRESPONDENT (Bangkok):",
# "DIPLOMATIC REPORTER:"): the place in brackets is where they report from, not who speaks.
# A fact-check's label over the words a government really said ("What was actually said: ...",
# "What they really said: ..."): a question, not a sentence, though it holds a reporting verb.
LABEL_WORDS = {"what", "how"}
JOURNALISTS = {
    "anchor", "presenter", "host", "co-host", "correspondent", "reporter", "interviewer",
    "newsreader", "narrator", "moderator", "announcer", "editor",
}  # fmt: skip


@dataclass
class Reading:
    """One paragraph as the drafter reads it: its tokens and what they hold, found once."""

    index: int
    paragraph: Paragraph
    doc: Doc
    in_quote: list[bool]  # per token
    words: Labels
    mentions: list[Mention]
    cues: list[StanceCue]
    named: frozenset[int]  # tokens inside a name: "States" is no verb
    heading: bool
    item_end: int | None  # a list item's first token after its lead ("China: ...")
    item_code: str  # the actor the lead names, "" when none or several
    under_lead: bool = False  # a sub-bullet's entry under the bullet that names its actor


def read_paragraph(index: int, paragraph: Paragraph, doc, lex: Lexicon) -> Reading:
    """The paragraph's quotations, words, mentions, cues, and whether it is a heading or a list
    item with a lead."""
    in_quote = quote_flags(doc, paragraph.quotes)
    words = word_labels(doc, lex)
    mentions = find_mentions(doc, lex, words, in_quote)
    item_end, item_code = _item(doc, paragraph.text, mentions, words)
    if item_end is not None and not item_code:
        mentions, item_code = _capital_lead(doc, paragraph.text, mentions, item_end, in_quote, lex)
    heading = _is_heading(doc, paragraph.text) or issuer_heading(paragraph.text)
    if heading and paragraph.text.isupper():
        # "GERMANY" as a live blog's heading: read it as "Germany".
        titled = lex.nlp.make_doc(paragraph.text.title())
        if len(titled) == len(doc):
            mentions = find_mentions(titled, lex, word_labels(titled, lex), in_quote)
    return Reading(
        index=index,
        paragraph=paragraph,
        doc=doc,
        in_quote=in_quote,
        words=words,
        mentions=mentions,
        cues=stance_cues(doc, words, lex.nlp.vocab.strings),
        named=frozenset(i for m in mentions for i in range(m.start, m.end)),
        heading=heading,
        item_end=item_end,
        item_code=item_code,
    )


def _item(doc, text: str, mentions: list[Mention], words: Labels) -> tuple[int | None, str]:
    """A list item's lead ("China: ...", "Somaliland (limited recognition): ...", a run-in
    heading "Russia. The foreign ministry said ..."): the token
    where its text starts, and the actor the lead names ("" when it names none or several).
    A lead with a reporting verb ('France said: "..."') is a sentence, not a lead, unless it
    asks a question ("What was actually said:", a fact-check's label)."""
    match = ITEM_RE.match(text)
    shouted = match is not None and match.group(1).isupper()  # "UNITED STATES:" has no verb
    label = match is not None and match.group(1).split()[0].lower() in LABEL_WORDS
    if (
        match
        and not shouted
        and not label
        and any(i < token_at(doc, match.end(1)) for i in words.covered("speech"))
    ):
        return None, ""
    if match and _lead_words(match.group(1)) <= 6:
        mark = text.index(":", match.end(1))
    elif (match := RUN_IN_RE.match(text)) and _name_only(doc, match.end(1), mentions):
        mark = match.end(1)
    elif (match := DASH_ITEM_RE.match(text)) and len(match.group(1).split()) <= 4:
        mark = match.end(1)
        lead = [m for m in mentions if m.end <= token_at(doc, mark)]
        if not lead:
            return None, ""  # "MOSCOW, Jan. 4 – ...": a dateline, not a list lead
    else:
        return None, ""
    # the token that holds the mark ("Bangkok):" is one token "):" in spaCy's reading)
    end = next((t.i for t in doc if t.idx + len(t) > mark), len(doc)) + 1
    if match.re is ITEM_RE and match.group(1).split()[-1].lower() in JOURNALISTS:
        return end, ""  # "CORRESPONDENT (Bangkok):": a transcript's turn names no actor
    codes = {m.code for m in mentions if m.end <= end}
    return end, codes.pop() if len(codes) == 1 else ""


# When a post's lead says it was said ("EU High Representative Ana Ruiz this evening:"): not
# one of the lead's words, as a flag or a mark is not.
LEAD_TIME_RE = re.compile(
    r"\s+(?:(?:late|early)\s+)?(?:this\s+(?:morning|afternoon|evening)|today|tonight|yesterday"
    r"|just now|minutes ago)$",
    re.I,
)


def _lead_words(lead: str) -> int:
    """The words of a list item's lead, not counting a flag, a mark or when it was said."""
    return sum(any(c.isalpha() for c in w) for w in LEAD_TIME_RE.sub("", lead).split())


def _name_only(doc, end_char: int, mentions: list[Mention]) -> bool:
    """Whether the words before ``end_char`` are one actor's name and nothing else ("Russia",
    "The United States"): a run-in heading, not a sentence ("Russia objected.")."""
    end = token_at(doc, end_char)
    first = 1 if len(doc) and doc[0].lower_ == "the" else 0
    return any(m.start == first and m.end == end for m in mentions)


def _capital_lead(
    doc, text: str, mentions: list[Mention], end: int, in_quote, lex: Lexicon
) -> tuple[list[Mention], str]:
    """A factbox's lead in capitals ("* UNITED STATES: ...", "* NORWAY, IRELAND: ..."): its
    names read as written in running text ("United States"), and the actor it names."""
    cut = doc[end - 1].idx
    lead = text[:cut]
    if not any(c.isalpha() for c in lead) or not lead.isupper():
        return mentions, ""
    titled = lex.nlp.make_doc(lead.title() + text[cut:])
    if len(titled) != len(doc):
        return mentions, ""
    named = [m for m in find_mentions(titled, lex, word_labels(titled, lex), in_quote)]
    lead_mentions = [m for m in named if m.end <= end]
    codes = {m.code for m in lead_mentions}
    rest = [m for m in mentions if m.start >= end]
    return lead_mentions + rest, codes.pop() if len(codes) == 1 else ""


def token_at(doc, char: int) -> int:
    return next((t.i for t in doc if t.idx >= char), len(doc))


def _is_heading(doc, text: str) -> bool:
    words = [t for t in doc if not t.is_punct and not t.is_space and t.text.strip()]
    bare = text.rstrip().rstrip("”\"’'").rstrip()
    return (
        0 < len(words) <= HEADING_TOKENS
        and not bare.endswith((".", ":", ";", ","))
        and text.lstrip()[:1] not in "“\"‘'"
    )
