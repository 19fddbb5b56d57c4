"""Find who reacted in an article, with the words that show it: actors, stance cues, quotes, dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reactionmap.draft.article import Article, Paragraph
from reactionmap.draft.cues import StanceCue, decide_stance, stance_cues
from reactionmap.draft.dates import find_date
from reactionmap.draft.lexicon import Lexicon
from reactionmap.draft.mentions import Mention, find_mentions
from reactionmap.draft.speakers import (
    Clause,
    Span,
    State,
    carry,
    has_cue,
    register_speaker,
    sentences,
    speaker_before_verb,
    speaker_of,
    speakers_of,
    split_clauses,
)
from reactionmap.draft.tokens import Labels, char_end, quote_flags, starting_in, word_labels

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Evidence", "Finding", "StanceCue", "decide_stance", "findings"]

HEADING_TOKENS = 9


DASH_ITEM_RE = re.compile(r"^([^.!?\"“”:]{2,60}?)\s+[—–]\s+\S")  # "Germany — Chancellor ..."


ITEM_RE = re.compile(r"^((?:[^:.!?\"“”]|\.(?=\S)){2,80}?)\s*(?:\([^)]*\))?\s*:\s+\S")


HEADING_NOUNS = {"position", "response", "reaction", "reactions", "stance", "statement", "view"}


@dataclass
class Evidence:
    """A sentence a row came from, with the spans (char offsets) that decided actor and stance."""

    text: str
    marks: list[tuple[int, int, str]]  # (start, end, "actor" | "stance" | "quote" | "date")


@dataclass
class ClauseWords:
    """What one clause says for one actor: its sentence, the stance cues and quotations in it,
    and the marks that show them in the sentence."""

    sentence: str
    cues: list[StanceCue]
    quotes: list[tuple[str, bool]]  # (quotation, whether it goes on from the paragraph before)
    marks: list[tuple[int, int, str]]


@dataclass
class Finding:
    """What the article says one actor said: one draft row."""

    code: str
    paragraph: int
    actor_cue: str
    how: str  # which kind of cue decided the actor
    cues: list[StanceCue] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    speaker: str = ""
    speaker_role: str = ""
    date: str = ""
    date_words: str = ""
    date_note: str = ""
    # What sentences and cues holds, to look up in one step (a paragraph of many sentences of
    # one actor's would be quadratic in the lists); add is the only writer of all four.
    _held: set = field(default_factory=set, repr=False, compare=False)

    def add(self, words: ClauseWords) -> None:
        """Take in a clause of this actor's: its sentence, new cues and quotations (one that
        goes on from the paragraph before is joined to the last, with a line break), and the
        evidence, merged with the last when it is another clause of the same sentence."""
        if ("sentence", words.sentence) not in self._held:
            self._held.add(("sentence", words.sentence))
            self.sentences.append(words.sentence)
        for cue in words.cues:
            key = ("cue", *vars(cue).values())  # equal cues (==) have equal keys
            if key not in self._held:
                self._held.add(key)
                self.cues.append(cue)
        for quote, goes_on in words.quotes:
            if goes_on and self.quotes:
                self.quotes[-1] += "\n" + quote
            elif quote and quote not in self.quotes:
                self.quotes.append(quote)
        marks = words.marks
        if self.evidence and self.evidence[-1].text == words.sentence:
            marks = [*marks, *self.evidence.pop().marks]
        self.evidence.append(Evidence(words.sentence, sorted(set(marks))))


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


def findings(article: Article, lex: Lexicon, article_date: dt.date | None) -> list[Finding]:
    """Every (actor, paragraph) the article reports as saying something, in reading order."""
    state = State()
    out: list[Finding] = []
    docs = lex.nlp.pipe(p.text for p in article.paragraphs)
    for index, (paragraph, doc) in enumerate(zip(article.paragraphs, docs, strict=True)):
        text = read_paragraph(index, paragraph, doc, lex)
        default = follow_lead(text, state)
        for sentence, clause in clauses(text):
            codes, how, by_code = clause_actors(text, clause, state, default)
            if not codes:
                continue
            state.current = codes
            for code in codes:
                mention = by_code.get(code)
                finding = _same_row(code, text, clause, out)
                if finding is None:
                    finding = _new_row(code, text.index, how, mention)
                    out.append(finding)
                finding.add(clause_words(text, sentence, clause, code))
                if not finding.date and not finding.date_note:
                    found = clause_date(text, clause, article_date)
                    finding.date, finding.date_words, finding.date_note = found
                speaker, role, with_actor = clause_speaker(text, clause, mention, len(codes))
                if speaker and not finding.speaker:
                    finding.speaker, finding.speaker_role = speaker, role
                    state.remember(speaker, code, over_earlier=with_actor)
    return out


def read_paragraph(index: int, paragraph: Paragraph, doc, lex: Lexicon) -> Reading:
    """The paragraph's quotations, words, mentions, cues, and whether it is a heading or a list
    item with a lead."""
    in_quote = quote_flags(doc, paragraph.quotes)
    words = word_labels(doc, lex)
    mentions = find_mentions(doc, lex, words, in_quote)
    item_end, item_code = _item(doc, paragraph.text, mentions)
    heading = _is_heading(doc, paragraph.text)
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


def clauses(text: Reading) -> list[tuple[Span, Clause]]:
    """Each clause with its sentence, in reading order; a list item's lead is no clause."""
    found = []
    for sentence in sentences(text.doc, text.in_quote):
        if text.item_end is not None and sentence.end <= text.item_end:
            continue
        start = max(sentence.start, text.item_end or 0)
        for clause in split_clauses(
            text.doc, start, sentence.end, text.words, text.mentions, text.in_quote, text.named
        ):
            found.append((sentence, clause))
    return found


def clause_actors(
    text: Reading, clause: Clause, state: State, default: str
) -> tuple[list[str], str, dict[str, Mention]]:
    """Who speaks in a clause (codes, [] for no one), how they were found, and the mention that
    names each: the speakers it names; else the speaker it refers back to, or ``default``
    (then the clause is marked carried)."""
    doc, words, in_quote = text.doc, text.words, text.in_quote
    codes, how, by_code = speakers_of(doc, clause, text.mentions, words, in_quote)
    if codes:
        if clause.predicate < 0 and not (text.heading and has_cue(text.cues, clause)):
            return [], "", {}  # a name and a stance word but no verb: no one is reported speaking
        return codes, how, by_code
    if clause.predicate < 0 and not text.paragraph.continues:
        return [], "", {}
    codes, how = carry(doc, clause, words, in_quote, state, default)
    clause.carried = bool(codes)
    return codes, how, {}


def _item(doc, text: str, mentions: list[Mention]) -> tuple[int | None, str]:
    """A list item's lead ("China: ...", "Somaliland (limited recognition): ..."): the token
    where its text starts, and the actor the lead names ("" when it names none or several)."""
    match = ITEM_RE.match(text)
    if match and len(match.group(1).split()) <= 6:
        mark = text.index(":", match.end(1))
    elif (match := DASH_ITEM_RE.match(text)) and len(match.group(1).split()) <= 4:
        mark = match.end(1)
        lead = [m for m in mentions if m.end <= _token_at(doc, mark)]
        if not lead:
            return None, ""  # "MOSCOW, Jan. 4 – ...": a dateline, not a list lead
    else:
        return None, ""
    end = _token_at(doc, mark) + 1
    codes = {m.code for m in mentions if m.end <= end}
    return end, codes.pop() if len(codes) == 1 else ""


def _token_at(doc, char: int) -> int:
    return next((t.i for t in doc if t.idx >= char), len(doc))


def _is_heading(doc, text: str) -> bool:
    words = [t for t in doc if not t.is_punct and not t.is_space and t.text.strip()]
    bare = text.rstrip().rstrip("”\"’'").rstrip()
    return (
        0 < len(words) <= HEADING_TOKENS
        and not bare.endswith((".", ":", ";", ","))
        and text.lstrip()[:1] not in "“\"‘'"
    )


def _same_row(code: str, text: Reading, clause: Clause, out: list[Finding]) -> Finding | None:
    """The row this clause adds to, if there is one: the same actor's row in this paragraph,
    or the row just before when the paragraph goes on with its quotation."""
    for finding in reversed(out):
        if finding.paragraph == text.index and finding.code == code:
            return finding
        if finding.paragraph != text.index:
            break
    last = out[-1] if out else None
    if text.paragraph.continues and clause.carried and last is not None and last.code == code:
        return last
    return None


def _new_row(code: str, index: int, how: str, mention: Mention | None) -> Finding:
    """A new row for an actor, noting the words that named it (or how it was found)."""
    cue = f"'{mention.text}'" if mention is not None else how
    return Finding(code, index, cue, "" if mention is None else mention.kind)


def clause_words(text: Reading, sentence: Span, clause: Clause, code: str) -> ClauseWords:
    """What the clause says for ``code``: its sentence, the cues and quotations inside it, and
    the marks (actor, stance, quote) in the sentence's characters."""
    doc, paragraph = text.doc, text.paragraph
    offset = doc[sentence.start].idx
    clause_lo, clause_hi = doc[clause.start].idx, char_end(doc, clause.end)
    sentence_hi = char_end(doc, sentence.end)
    marks: list[tuple[int, int, str]] = []
    for m in starting_in(text.mentions, clause.start, clause.end):
        if m.code == code and not m.blocked:
            end = m.role_end if m.role_end >= 0 else m.end
            marks.append((doc[m.start].idx - offset, char_end(doc, end) - offset, "actor"))
    cues = list(starting_in(text.cues, clause.start, clause.end))
    for cue in cues:
        marks.append((doc[cue.start].idx - offset, char_end(doc, cue.end) - offset, "stance"))
    quotes = []
    for a, b in paragraph.quotes:
        if clause_lo <= b and a < clause_hi:
            quote = paragraph.text[a:b].strip().rstrip(",;:").strip()
            quotes.append((quote, paragraph.continues and a == paragraph.quotes[0][0]))
            lo, hi = max(a, offset), min(b, sentence_hi)
            if lo < hi:
                marks.append((lo - offset, hi - offset, "quote"))
    return ClauseWords(doc[sentence.start : sentence.end].text, cues, quotes, marks)


def clause_date(text: Reading, clause: Clause, article_date) -> tuple[str, str, str]:
    """(date, the words that fix it, why none is fixed) from the clause's words outside
    quotations (draft.dates.find_date)."""
    parts = []
    for i in range(clause.start, clause.end):
        parts.append("" if text.in_quote[i] else text.doc[i].text_with_ws)
    return find_date("".join(parts), article_date)


def clause_speaker(
    text: Reading, clause: Clause, mention: Mention | None, actors: int
) -> tuple[str, str, bool]:
    """The person who speaks for a clause's one actor and their role ("", "" when none), and
    whether they were named with the actor's mention ("German Foreign Minister Heiko Maas"),
    rather than before the verb of a clause carried from an earlier speaker."""
    if actors != 1:
        return "", "", False
    if mention is not None:
        return (*speaker_of(text.doc, mention), True)
    if clause.carried:
        return (*speaker_before_verb(text.doc, clause, text.words, text.in_quote), False)
    return "", "", False
