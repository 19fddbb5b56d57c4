"""Find who reacted in an article, with the words that show it: actors, stance cues, quotes, dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from reactionmap.draft.article import Article, Paragraph
from reactionmap.draft.cues import StanceCue, decide_stance, stance_cues
from reactionmap.draft.dates import find_date
from reactionmap.draft.lexicon import Lexicon
from reactionmap.draft.mentions import Mention, find_mentions
from reactionmap.draft.speakers import (
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
from reactionmap.draft.tokens import char_end, quote_flags, word_labels

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


def findings(article: Article, lex: Lexicon, article_date: dt.date | None) -> list[Finding]:
    """Every (actor, paragraph) the article reports as saying something, in reading order."""
    state = State()
    out: list[Finding] = []
    docs = lex.nlp.pipe(p.text for p in article.paragraphs)
    for index, (paragraph, doc) in enumerate(zip(article.paragraphs, docs, strict=True)):
        _paragraph(index, paragraph, doc, lex, article_date, state, out)
    return out


def _paragraph(index, paragraph: Paragraph, doc, lex: Lexicon, article_date, state, out):
    strings = lex.nlp.vocab.strings
    in_quote = quote_flags(doc, paragraph.quotes)
    words = word_labels(doc, lex)
    mentions = find_mentions(doc, lex, words, in_quote)
    item_end, item_code = _item(doc, paragraph.text, mentions)
    heading = _is_heading(doc, paragraph.text, in_quote)
    if heading and paragraph.text.isupper():
        # "GERMANY" as a live blog's heading: read it as "Germany".
        titled = lex.nlp.make_doc(paragraph.text.title())
        if len(titled) == len(doc):
            mentions = find_mentions(titled, lex, word_labels(titled, lex), in_quote)
    if heading:
        # The heading's actor: one it names as a speaker ("India's Position", "Venezuelan
        # response"), and no other ("US Attacks Venezuela" names no section's actor).
        named = {m.code for m in mentions if m.blocked not in ("adjective", "former")}
        speakers = {m.code for m in mentions if m.blocked in ("", "possessive")}
        speakers |= {
            m.code
            for m in mentions
            if m.kind == "demonym" and m.end < len(doc) and doc[m.end].lower_ in HEADING_NOUNS
        }
        codes = named | speakers
        state.section = codes.pop() if len(codes) == 1 and speakers else ""
        state.default_cue = f"the heading '{paragraph.text.strip()[:60]}'"
        state.current = [state.section] if state.section else []
        for mention in mentions:
            register_speaker(doc, mention.end, mention.code, state, words)
    default = item_code or state.section
    if item_code:
        state.default_cue = (
            f"the list lead '{paragraph.text[: doc[item_end - 1].idx].strip()[:60]}'"
        )
    if item_end is not None:
        state.current = [item_code] if item_code else []
    cues = stance_cues(doc, words, strings)
    named = frozenset(i for m in mentions for i in range(m.start, m.end))  # "States" is no verb
    for sentence in sentences(doc, in_quote):
        if item_end is not None and sentence.end <= item_end:
            continue
        start = max(sentence.start, item_end or 0)
        for clause in split_clauses(doc, start, sentence.end, words, mentions, in_quote, named):
            codes, how, by_code = speakers_of(doc, clause, mentions, words, in_quote, state)
            if not codes:
                if clause.predicate < 0 and not paragraph.continues:
                    continue
                codes, how = carry(doc, clause, words, in_quote, state, default)
                if not codes:
                    continue
                clause.carried = True
            elif clause.predicate < 0 and not (heading and has_cue(cues, clause)):
                continue  # a name and a stance word but no verb: no one is reported speaking
            state.current = codes
            for code in codes:
                cue_mention = by_code.get(code) if by_code else None
                finding = _finding_for(code, index, clause, how, cue_mention, paragraph, out)
                _fill(finding, doc, sentence, clause, cues, mentions, words, in_quote, paragraph)
                _fill_date(finding, doc, clause, in_quote, article_date)
                if cue_mention is not None and len(codes) == 1:
                    speaker, role = speaker_of(doc, cue_mention)
                    if speaker and not finding.speaker:
                        finding.speaker, finding.speaker_role = speaker, role
                        for part in {speaker, speaker.split()[-1]}:
                            state.names[part] = code
                elif clause.carried and len(codes) == 1 and not finding.speaker:
                    speaker, role = speaker_before_verb(doc, clause, words, in_quote)
                    if speaker:
                        finding.speaker, finding.speaker_role = speaker, role
                        for part in {speaker, speaker.split()[-1]}:
                            state.names.setdefault(part, code)


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


def _is_heading(doc, text: str, in_quote) -> bool:
    words = [t for t in doc if not t.is_punct and not t.is_space and t.text.strip()]
    bare = text.rstrip().rstrip("”\"’'").rstrip()
    return (
        0 < len(words) <= HEADING_TOKENS
        and not bare.endswith((".", ":", ";", ","))
        and text.lstrip()[:1] not in "“\"‘'"
    )


def _finding_for(code, index, clause, how, mention, paragraph, out: list[Finding]) -> Finding:
    """The row this clause adds to: the same actor's row in this paragraph, or the row just
    before when the paragraph goes on with its quotation; otherwise a new row."""
    for finding in reversed(out):
        if finding.paragraph == index and finding.code == code:
            return finding
        if finding.paragraph != index:
            break
    last = out[-1] if out else None
    if paragraph.continues and clause.carried and last is not None and last.code == code:
        return last
    cue = f"'{mention.text}'" if mention is not None else how
    finding = Finding(code, index, cue, "" if mention is None else mention.kind)
    out.append(finding)
    return finding


def _fill(finding: Finding, doc, sentence, clause, cues, mentions, words, in_quote, paragraph):
    sentence_text = doc[sentence.start : sentence.end].text
    if sentence_text not in finding.sentences:
        finding.sentences.append(sentence_text)
    offset = doc[sentence.start].idx
    clause_lo, clause_hi = doc[clause.start].idx, char_end(doc, clause.end)
    sentence_hi = char_end(doc, sentence.end)
    marks: list[tuple[int, int, str]] = []
    for m in mentions:
        if clause.start <= m.start < clause.end and m.code == finding.code and not m.blocked:
            end = m.role_end if m.role_end >= 0 else m.end
            marks.append((doc[m.start].idx - offset, char_end(doc, end) - offset, "actor"))
    for cue in cues:
        if clause.start <= cue.start < clause.end:
            if cue not in finding.cues:
                finding.cues.append(cue)
            marks.append((doc[cue.start].idx - offset, char_end(doc, cue.end) - offset, "stance"))
    for a, b in paragraph.quotes:
        if clause_lo <= b and a < clause_hi:
            quote = paragraph.text[a:b].strip().rstrip(",;:").strip()
            if paragraph.continues and a == paragraph.quotes[0][0] and finding.quotes:
                finding.quotes[-1] += "\n" + quote
            elif quote and quote not in finding.quotes:
                finding.quotes.append(quote)
            lo, hi = max(a, offset), min(b, sentence_hi)
            if lo < hi:
                marks.append((lo - offset, hi - offset, "quote"))
    if finding.evidence and finding.evidence[-1].text == sentence_text:
        marks += finding.evidence[-1].marks  # another clause of the same sentence
        finding.evidence.pop()
    finding.evidence.append(Evidence(sentence_text, sorted(set(marks))))


def _fill_date(finding: Finding, doc, clause, in_quote, article_date):
    if finding.date or finding.date_note:
        return
    parts = []
    for i in range(clause.start, clause.end):
        parts.append("" if in_quote[i] else doc[i].text_with_ws)
    date, words, note = find_date("".join(parts), article_date)
    finding.date, finding.date_words, finding.date_note = date, words, note
