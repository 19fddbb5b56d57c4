"""Find who reacted in an article, with the words that show it: actors, stance cues, quotes, dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reactionmap.draft.article import Article, Paragraph
from reactionmap.draft.blocks import Block, handle_post, issuer_heading, issuer_part, withdrawn
from reactionmap.draft.cues import StanceCue, decide_stance, stance_cues, verbal
from reactionmap.draft.dates import could_date, find_date, heading_day
from reactionmap.draft.lexicon import Lexicon
from reactionmap.draft.mentions import Mention, find_mentions, name_end
from reactionmap.draft.quotes import Run, quote_run
from reactionmap.draft.relative import Against
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
from reactionmap.draft.statement import not_a_statement
from reactionmap.draft.tables import Columns, header, row_cells, rule_line, words_start
from reactionmap.draft.tokens import (
    Labels,
    char_end,
    covers,
    name_span,
    quote_flags,
    starting_in,
    starts,
    word_labels,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Evidence", "Finding", "Run", "StanceCue", "decide_stance", "findings"]

HEADING_TOKENS = 9


DASH_ITEM_RE = re.compile(r"^([^.!?\"“”:]{2,60}?)\s+[—–]\s+\S")  # "Germany — Chancellor ..."


ITEM_RE = re.compile(r"^((?:[^:.!?\"“”]|\.(?=\S)){2,80}?)\s*(?:\([^)]*\))?\s*:\s+\S")
# A run-in heading: a paragraph that opens with an actor's name alone and a full stop ("3.1
# Russia. The foreign ministry's spokeswoman said ...", a briefing's numbered paragraphs).
RUN_IN_RE = re.compile(r"^([^.!?\"“”:,;]{2,40}?)\.\s+(?=[A-Z])")


# A transcript's turn label for its own journalists ("ANCHOR:", "CORRESPONDENT (Bangkok):",
# "DIPLOMATIC REPORTER:"): the place in brackets is where they report from, not who speaks.
JOURNALISTS = {
    "anchor", "presenter", "host", "co-host", "correspondent", "reporter", "interviewer",
    "newsreader", "narrator", "moderator", "announcer", "editor",
}  # fmt: skip
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
    quotes: list[Run]  # the quotations in it, each one run of the paragraph's words
    marks: list[tuple[int, int, str]]


@dataclass
class Finding:
    """What the article says one actor said: one draft row."""

    code: str
    paragraph: int
    actor_cue: str
    how: str  # which kind of cue decided the actor
    cues: list[StanceCue] = field(default_factory=list)
    quotes: list[Run] = field(default_factory=list)  # in the article's order
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
        """Take in a clause of this actor's: its sentence, new cues and quotations (each a run
        of the source's words, kept in the article's order), and the evidence, merged with the
        last when it is another clause of the same sentence."""
        if ("sentence", words.sentence) not in self._held:
            self._held.add(("sentence", words.sentence))
            self.sentences.append(words.sentence)
        for cue in words.cues:
            key = ("cue", *vars(cue).values())  # equal cues (==) have equal keys
            if key not in self._held:
                self._held.add(key)
                self.cues.append(cue)
        for run in words.quotes:
            if run.text and run not in self.quotes:
                self.quotes.append(run)
        self.quotes.sort()
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


def findings(
    article: Article, lex: Lexicon, article_date: dt.date | None, against: Against | None = None
) -> list[Finding]:
    """Every (actor, paragraph) the article reports as saying something, in reading order;
    with ``against``, support cues for whom the action was taken against are turned
    (draft.relative)."""
    state = State()
    days = Gatherings()
    block = Block()
    out: list[Finding] = []
    docs = lex.nlp.pipe(p.text for p in article.paragraphs)
    # The day of a live blog's last day heading ("Tuesday 14 July"): its entries' "today",
    # "this morning" and weekdays count from it, not from the article's date. It does not date
    # an entry that has no such words: a heading says when the entry was posted.
    counted_from = article_date
    table: Columns | None = None  # the header of the table being read (draft.tables)
    row: list[str] | None = None  # the cells of the row being read
    for index, (paragraph, doc) in enumerate(zip(article.paragraphs, docs, strict=True)):
        if day := heading_day(paragraph.text, article_date):
            counted_from = dt.date.fromisoformat(day)
        text = read_paragraph(index, paragraph, doc, lex)
        if table is not None and (row := row_cells(paragraph.text, table)) is not None:
            text, row_day = _table_row(text, table, row, counted_from)
        elif table is not None and rule_line(paragraph.text):
            continue  # a Markdown table's rule under its header
        else:
            row, row_day = None, ("", "")
            if table is not None:
                state.current = []  # the table has ended: its last row's actor says no more
            table = header(paragraph.text)
            if table is not None:
                continue  # a tracker's header names its columns and says nothing
        framed = _framed_post(text, block)
        block.framed = ""
        if framed == "withdrawn":
            continue  # a deleted post's words are not the actor's position
        if against is not None:
            against.turn(doc, lex, text.words, text.cues)
        default = follow_lead(text, state)
        if text.heading:
            default = _open_block(text, state, block, counted_from)
        if framed:
            state.default_cue = f"the line before the post, which names {framed}"
        gone: dict[int, bool] = {}  # sentence start -> whether it says a post was deleted
        subject: tuple[int, str] = (-1, "")  # (sentence, actor) a clause of it is about
        before: tuple[int, str] = (-1, "")  # (end, actor) of the last sentence about one actor
        for sentence, clause in clauses(text):
            opening = _opening_actor(text, clause)
            codes, how, by_code = clause_actors(text, clause, state, default)
            if not codes and row is not None and text.item_code and _quotes(text, clause):
                # 'Algeria | | ... | In a statement on Saturday: "Algeria calls for calm ..."'
                codes, how = [text.item_code], f"{state.default_cue}, whose words it quotes"
            if not codes:
                earlier = subject[1] if subject[0] == sentence.start else opening
                if not earlier and before[0] == sentence.start:
                    earlier = before[1]  # "Iran has weighed in. Foreign ministry spokesman ..."
                codes, how = role_after_subject(
                    text, clause, earlier or _place_opener(text, clause)
                )
            if not codes and before[0] == sentence.start and _only_quoted(text, clause):
                # 'Canada's foreign minister, Anita Anand, spoke at length. "We condemn ...':
                # a quotation standing alone after a sentence about one actor is its words.
                codes, how = [before[1]], f"a quotation after a sentence about {before[1]}"
            if not codes:
                codes, how = on_behalf(text, clause)
            if not codes and block.issuer and _only_quoted(text, clause):
                # a digest's block: the quotation under "Statement by the Ministry of ..."
                codes, how = [block.issuer], f"the quotation under the heading '{block.heading}'"
            if codes and _reports_withdrawn(text, sentence, gone):
                state.current = codes  # "posted ... and deleted it": no longer its position
                continue
            if not codes and against is not None:
                codes, how = junta(text, clause, against.parties, lex)
            if not codes:
                codes, how = gathering(text, clause, lex)
            if not codes:
                if len(state.current) == 1:
                    subject = (sentence.start, state.current[0])
                who = opening or _opening_officer(text, clause)
                if who and state.current == [who]:
                    before = (sentence.end, who)
                if introduced := _introduced(text, clause):
                    # "Then there is Qatar. Its energy minister said ...": the one the words
                    # after refer back to
                    state.current, before = [introduced], (sentence.end, introduced)
                continue
            if row is not None and text.item_code and codes != [text.item_code]:
                # "Germany | ... | Said Berlin deplored the seizure, stood by France": a
                # tracker's row is one actor's words, whoever else they name.
                codes, how = [text.item_code], state.default_cue
            subject = (sentence.start, codes[0] if len(codes) == 1 else "")
            before = (sentence.end, subject[1])
            state.current = codes
            for code in codes:
                mention = by_code.get(code)
                finding = _same_row(code, text, clause, out)
                if finding is None and framed and out and out[-1].paragraph == index - 1:
                    finding = out[-1] if out[-1].code == code else None  # the line, then its post
                if finding is None:
                    finding = _new_row(code, text.index, how, mention)
                    out.append(finding)
                finding.add(clause_words(text, sentence, clause, code))
                date, date_words, note = clause_date(text, clause, counted_from)
                if row_day[0]:
                    date, date_words, note = *row_day, ""  # a tracker's Date cell
                if not date and block.issuer == code and block.day:
                    date, date_words, note = block.day, block.heading, ""
                if not date and framed == code and block.framed_day:
                    date, date_words, note = block.framed_day, block.framed_words, ""
                if date:
                    days.learn(text, clause, date, date_words)
                else:
                    date, date_words = days.referred(text, clause)
                if date and date > finding.date:
                    # the latest day the row's clauses fix: "was informed on Wednesday night,
                    # ... said in a statement on Thursday" is Thursday's statement
                    finding.date, finding.date_words, finding.date_note = date, date_words, ""
                elif note and not finding.date and not finding.date_note:
                    finding.date_words, finding.date_note = date_words, note
                speaker, role, with_actor = clause_speaker(text, clause, mention, len(codes))
                if speaker and not finding.speaker:
                    finding.speaker, finding.speaker_role = speaker, role
                    state.remember(speaker, code, over_earlier=with_actor)
        _frame(text, block, counted_from)
    return out


def _table_row(
    text: Reading, table: Columns, row: list[str], counted_from
) -> tuple[Reading, tuple[str, str]]:
    """A tracker's row read as a list item: its actor cell (else its speaker cell) is the lead
    and names the actor, its words cell is the item; and the day its Date cell fixes."""
    line, doc = text.paragraph.text, text.doc
    start = words_start(line, table)
    end = _token_at(doc, start) if start < len(line) else len(doc)
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


def _open_block(text: Reading, state: State, block: Block, counted_from) -> str:
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


def _framed_post(text: Reading, block: Block) -> str:
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


def _frame(text: Reading, block: Block, counted_from) -> None:
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


def _reports_withdrawn(text: Reading, sentence: Span, gone: dict[int, bool]) -> bool:
    """Whether the sentence says the statement it reports was deleted or withdrawn (read once
    per sentence: ``gone`` keeps the answers)."""
    if sentence.start not in gone:
        doc, words = text.doc, text.paragraph.text
        gone[sentence.start] = withdrawn(
            words[doc[sentence.start].idx : char_end(doc, sentence.end)]
        )
    return gone[sentence.start]


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
    if lead := _lead_for_office(text, codes, by_code, state.default_cue):
        return [text.item_code], lead, {}
    if codes:
        quoted = _quoted_after_role(text, clause, list(by_code.values()))
        if (
            clause.predicate < 0
            and not quoted
            and not (text.heading and has_cue(text.cues, clause))
        ):
            if not text.heading and _opening_actor(text, clause) in codes:
                # "Ghana closed its border": no statement, but "it" or "Foreign Minister
                # Kwame Ofori-Mensah" just after refers to Ghana.
                state.current = codes
            return [], "", {}  # a name and a stance word but no verb: no one is reported speaking
        if not_a_statement(doc, clause, words, in_quote, list(by_code.values())):
            return [], "", {}  # speculation or background about them (draft.statement)
        return codes, how, by_code
    if clause.predicate < 0 and text.item_code and _only_quoted(text, clause):
        # "Kazakhstan – "We welcome ..."[15]": an entry that is only a quotation is its lead's.
        return [text.item_code], f"{state.default_cue}, whose entry is only a quotation", {}
    if (quoting := _quote_before_verb(text, clause)) is not None:
        # 'The UN Secretary-General "welcomes ...", his spokesperson said': the quotation's
        # speaker opens the clause; the reporting verb after it names who relayed it.
        return [quoting.code], "", {quoting.code: quoting}
    if (named := _quoted_after_that(text, clause)) is not None:
        # 'Spokesperson Lin Jiaqi said that China "hopes ..."': a government quoted speaking
        # of itself, by an officer whose state the clause does not name.
        return [named.code], "", {named.code: named}
    if clause.predicate < 0 and not text.paragraph.continues:
        if who := _opening_actor(text, clause) or _opening_officer(text, clause):
            # "Tuvalu's foreign minister, Losa Teafa, was the bluntest.": no statement, but the
            # "he said" of the quotation after it is Tuvalu's, not the last speaker's.
            state.current = [who]
        return [], "", {}
    if not_a_statement(doc, clause, words, in_quote, []):
        return [], "", {}
    if _former_subject(text, clause):
        state.current = []  # "Former President Tadeusz Wrona ... called": no government speaks
        return [], "", {}
    codes, how = carry(doc, clause, words, in_quote, state, default)
    clause.carried = bool(codes)
    return codes, how, {}


def _lead_for_office(
    text: Reading, codes: list[str], by_code: dict[str, Mention], lead: str
) -> str:
    """How a list entry's lead speaks for an office the word lists give to another state but
    whose name any state's may bear ("Pakistan – The Foreign Office welcomed ..."), or ""."""
    if len(codes) != 1 or not text.item_code or codes[0] == text.item_code:
        return ""
    m = by_code.get(codes[0])
    generic = m is not None and m.kind == "institution" and covers(text.words, "role", m.start)
    return f"'{m.text}' under {lead}" if generic and m is not None else ""


def _quotes(text: Reading, clause: Clause) -> bool:
    """Whether a clause holds a quotation."""
    return any(text.in_quote[clause.start : clause.end])


def _only_quoted(text: Reading, clause: Clause) -> bool:
    """Whether a clause is a quotation and nothing else but marks (reference marks too)."""
    tokens = range(clause.start, clause.end)
    quoted = any(text.in_quote[i] for i in tokens)
    return quoted and not any(
        not text.in_quote[i] and any(c.isalpha() for c in text.doc[i].text) for i in tokens
    )


def _former_subject(text: Reading, clause: Clause) -> bool:
    """Whether the clause's subject is someone who no longer holds office ("Former President
    Tadeusz Wrona, speaking in a personal capacity, called ..."): a former word, then a role."""
    i = clause.start
    while i < clause.end and (text.doc[i].is_punct or text.doc[i].lower_ in ("the", "a", "an")):
        i += 1
    return covers(text.words, "former", i) and covers(text.words, "role", i + 1)


def _quoted_after_role(text: Reading, clause: Clause, named: list[Mention]) -> bool:
    """Whether an actor's officer is followed right away (or after one verb: 'extended') by a
    quotation that holds a stance cue ('Guinea's president "warmly congratulates ..."'): the
    verb is in the quoted words."""
    doc = text.doc
    for m in named:
        if m.role_end < 0:
            continue
        end = name_end(doc, m)
        if end + 1 < clause.end and doc[end].is_lower and verbal(doc[end].lower_):
            end += 1  # 'Tanzania's foreign ministry extended "its warmest congratulations"'
        opens = end < clause.end and doc[end].text in ('"', "“") and not text.in_quote[end]
        inside = end + 1 < len(doc) and text.in_quote[end + 1]
        if (
            opens
            and inside
            and any(end < c.start < clause.end and text.in_quote[c.start] for c in text.cues)
        ):
            return True
    return False


def _quote_before_verb(text: Reading, clause: Clause) -> Mention | None:
    """The actor that opens a clause and is followed right away (after its officer's ", Name,")
    by a quotation holding a stance cue, with the clause's reporting verb after the quotation
    ('SADC's executive secretary, Jane Doe, "congratulates ...", the bloc said'), or None."""
    code = _opening_actor(text, clause)
    m = next((m for m in text.mentions if clause.start <= m.start < clause.end), None)
    if not code or m is None or m.code != code:
        return None
    doc, end = text.doc, name_end(text.doc, m)
    if m.role_end >= 0 and end == m.role_end and end < clause.end and doc[end].text == ",":
        name, after = name_span(doc, end + 1)
        end = after + 1 if name and after < clause.end and doc[after].text == "," else end
    end = _past_aside(text, end, clause.end)
    if not (end + 1 < clause.end and doc[end].text in ('"', "“") and text.in_quote[end + 1]):
        return None
    close = end + 1
    while close < clause.end and text.in_quote[close]:
        close += 1
    cued = any(end < c.start < close for c in text.cues)
    return m if cued and close <= clause.predicate < clause.end else None


THAT_REACH = 8  # tokens between a reporting verb and the "that" after it ("said on Tuesday that")


def _quoted_after_that(text: Reading, clause: Clause) -> Mention | None:
    """The actor named right after a reporting verb's "that" and followed right away by a
    quotation ('told reporters in Belgrade that Serbia "has the right ..."', 'saying in a
    televised address that Albania "strongly condemns ..."'), or None."""
    doc, in_quote, speech = text.doc, text.in_quote, text.words.covered("speech")
    starts = {m.start: m for m in text.mentions if not m.blocked}
    for i in range(clause.start + 1, clause.end - 2):
        if in_quote[i] or doc[i].lower_ != "that" or i + 1 not in starts:
            continue
        if not any(k in speech for k in range(max(clause.start, i - THAT_REACH), i)):
            continue
        m = starts[i + 1]
        end = name_end(doc, m)
        if end + 1 < clause.end and doc[end].text in ('"', "“") and in_quote[end + 1]:
            return m
    return None


ASIDE_REACH = 20  # tokens an aside between an actor and its quotation may hold
COPULAS = {"is", "was", "are", "were"}


def _past_aside(text: Reading, end: int, stop: int) -> int:
    """The token after an aside that stands between an actor's name and its quotation: a
    bracketed abbreviation ("(ECOWAS)"), words set off by commas ("Trinidad and Tobago,
    Venezuela's closest neighbour, ...", ", for its part,", ", which has troops there,"), then
    a copula ("was"); ``end`` itself when there is none. Bounded: linear in the clause."""
    doc, in_quote = text.doc, text.in_quote
    if end < stop and doc[end].text in ("(", ","):
        close = ")" if doc[end].text == "(" else ","
        for k in range(end + 1, min(stop, end + 1 + ASIDE_REACH)):
            if in_quote[k] or doc[k].text in ('"', "“", "”", ";", "."):
                break
            if doc[k].text == close:
                end = k + 1 + (1 if close == ")" and k + 1 < stop and doc[k + 1].text == "," else 0)
                break
    if end < stop and doc[end].lower_ in COPULAS:
        end += 1
    return end


def _opening_actor(text: Reading, clause: Clause) -> str:
    """The actor whose name opens the clause, its subject ("Ghana closed ...", "The military
    government of Burkina Faso took ..."), or ""."""
    first = next((m for m in text.mentions if clause.start <= m.start < clause.end), None)
    if first is None or first.blocked:
        return ""
    head = [t for t in text.doc[clause.start : first.start] if not t.is_punct]
    plain = all(
        t.lower_ in ("the", "of") or covers(text.words, "role", t.i) or t.is_lower for t in head
    )
    return first.code if plain and len(head) <= 5 else ""


# The words of a sentence that only brings an actor in ("Then there is Qatar.", "Next comes
# Qatar.", "Finally, Qatar."): the actor is the one the next sentence refers back to.
INTRODUCING = {
    "then", "there", "is", "are", "was", "comes", "come", "came", "next", "finally", "lastly",
    "last", "and", "now", "also", "to", "turn", "turning", "as", "for",
}  # fmt: skip


def _introduced(text: Reading, clause: Clause) -> str:
    """The one actor a clause only brings in, naming it and nothing else but INTRODUCING
    words ("Then there is Qatar."), or ""."""
    named = [m for m in text.mentions if clause.start <= m.start < clause.end]
    if len(named) != 1 or named[0].blocked or any(text.in_quote[clause.start : clause.end]):
        return ""
    m = named[0]
    rest = [t for t in text.doc[clause.start : clause.end] if not t.is_punct]
    words = [t for t in rest if not m.start <= t.i < m.end]
    if not words or len(words) > 4:
        return ""
    return m.code if all(t.lower_ in INTRODUCING for t in words) else ""


def _opening_officer(text: Reading, clause: Clause) -> str:
    """The actor whose officer opens the clause ("Tuvalu's foreign minister, ... was"), or ""."""
    first = next((m for m in text.mentions if clause.start <= m.start < clause.end), None)
    if first is None or first.start != clause.start or first.blocked != "possessive":
        return ""
    return first.code if first.role_end >= 0 else ""


def _place_opener(text: Reading, clause: Clause) -> str:
    """The state whose capital opens the clause as its place ("In Washington, Secretary of
    State Daniel Hargrove said ..."), or ""."""
    doc, start = text.doc, clause.start
    for m in text.mentions:
        opens = m.start == start + 1 and doc[start].lower_ == "in" and m.kind == "capital"
        if opens and m.end < clause.end and doc[m.end].text == ",":
            return m.code
    return ""


def role_after_subject(text: Reading, clause: Clause, code: str) -> tuple[list[str], str]:
    """The actor of a verb whose subject is a role and a person's name and no country ("...,
    and Foreign Minister Kwame Ofori-Mensah called ..."), when the sentence is about one actor
    before it ("Ghana closed its eastern border on Thursday") or opens at its capital ("In
    Washington, Secretary of State ..."), or about one actor in the sentence before ("Iran has
    weighed in. Foreign ministry spokesman Reza Karimifar said ...", '... "deeply troubled".
    "...," spokesperson Dana Whitfield said'): that actor."""
    doc, p = text.doc, clause.predicate
    if not code or p < 0:
        return [], ""
    roles = starts(text.words, "role")
    for r, name_start in roles.items():
        quoted = r > clause.start and doc[r - 1].text in ('"', "”")  # '...," spokesperson X said'
        if not clause.start <= r < p or not (doc[r].text[:1].isupper() or quoted):
            continue
        opens = (
            r == clause.start
            or quoted
            or doc[r - 1].lower_ in (",", "and", "but", "while", "where", "when")
        )
        while name_start in roles:  # "Foreign ministry spokesman Reza Karimifar": roles in a row
            name_start = roles[name_start]
        name, end = name_span(doc, name_start)
        if opens and name and end == p:
            return [code], f"'{doc[r:end].text}' after {code} earlier in the sentence"
    return [], ""


GATHERINGS = {"session", "meeting", "summit", "conference", "assembly"}


@dataclass
class Gatherings:
    """The days the article fixes for a gathering ("an emergency session ... on Wednesday
    night"), so that a clause that refers back to it ("Mexico abstained in the vote") takes its
    day, when the article has dated one such day only."""

    days: dict[str, str] = field(default_factory=dict)  # day -> the words that fixed it

    def learn(self, text: Reading, clause: Clause, date: str, words: str) -> None:
        tokens = text.doc[clause.start : clause.end]
        if any(t.lower_ in GATHERINGS and not text.in_quote[t.i] for t in tokens):
            self.days.setdefault(date, words)

    def referred(self, text: Reading, clause: Clause) -> tuple[str, str]:
        """(day, words) for a clause that names "the vote", "the session" ... and no day, outside
        quotations and not "before the vote" (an explanation given before it)."""
        if len(self.days) != 1:
            return "", ""
        doc = text.doc
        for i in range(clause.start + 1, clause.end):
            noun = doc[i].lower_
            if text.in_quote[i] or (i > 1 and doc[i - 2].lower_ in ("before", "ahead")):
                continue  # quoted words, or "before the vote": no day of the gathering's
            if doc[i - 1].lower_ == "the" and (noun in GATHERINGS or noun == "vote"):
                ((day, words),) = self.days.items()
                return day, f"{words}' for 'the {noun}"
        return "", ""


def gathering(text: Reading, clause: Clause, lex: Lexicon) -> tuple[list[str], str]:
    """The speaker of a clause that opens at an organization's gathering and names no other
    speaker ("At an emergency session of the Organization of American States' Permanent
    Council ..., member states adopted a resolution that \"condemns ...\""): the organization,
    when the clause reports words (a quotation or a reporting verb)."""
    doc = text.doc
    quoted = any(text.in_quote[clause.start : clause.end])
    if clause.predicate < 0 and not quoted:
        return [], ""
    for m in text.mentions:
        if not clause.start <= m.start < clause.end or m.blocked == "object":
            continue
        g = m.start - 1 - (1 if doc[m.start - 1].lower_ == "the" else 0)
        at = g > clause.start and doc[g].lower_ == "of" and doc[g - 1].lower_ in GATHERINGS
        if at and lex.resolver.is_organization(m.code):
            return [m.code], f"'{doc[g - 1 : m.end].text}', whose members speak"
    return [], ""


def on_behalf(text: Reading, clause: Clause) -> tuple[list[str], str]:
    """The speaker of a clause that names no other and opens by saying for whom its speaker
    speaks ("Speaking on behalf of the European Union, the ambassador said ..."; "On behalf of
    the African Union, its envoy said ..."): that actor."""
    doc, p = text.doc, clause.predicate
    if p < 0:
        return [], ""
    for m in text.mentions:
        if not clause.start <= m.start < p or text.in_quote[m.start]:
            continue
        lead = [t.lower_ for t in doc[max(clause.start, m.start - 3) : m.start]]
        if lead[-1:] == ["the"]:
            lead = lead[:-1]
        if lead[-2:] == ["behalf", "of"] or lead[-2:] == ["speaking", "for"]:
            return [m.code], f"'{doc[m.start - 3 : m.end].text}', for whom its speaker speaks"
    return [], ""


def junta(text: Reading, clause: Clause, parties, lex: Lexicon) -> tuple[list[str], str]:
    """The speaker of a clause whose subject is those who seized power ("The coup leaders,
    who call themselves ..., said"): the event's one party state (--target, --against), and
    no one when it has several or none."""
    states = [code for code in parties if not lex.resolver.is_organization(code)]
    p = clause.predicate
    if len(states) != 1 or p < 0:
        return [], ""
    for a, b in text.words.get("junta", []):
        if clause.start <= a < p and not text.in_quote[a]:
            return states, f"'{text.doc[a:b].text}', who seized power in the event's one party"
    return [], ""


def _item(doc, text: str, mentions: list[Mention], words: Labels) -> tuple[int | None, str]:
    """A list item's lead ("China: ...", "Somaliland (limited recognition): ...", a run-in
    heading "Russia. The foreign ministry said ..."): the token
    where its text starts, and the actor the lead names ("" when it names none or several).
    A lead with a reporting verb ('France said: "..."') is a sentence, not a lead."""
    match = ITEM_RE.match(text)
    shouted = match is not None and match.group(1).isupper()  # "UNITED STATES:" has no verb
    if (
        match
        and not shouted
        and any(i < _token_at(doc, match.end(1)) for i in words.covered("speech"))
    ):
        return None, ""
    if match and len(match.group(1).split()) <= 6:
        mark = text.index(":", match.end(1))
    elif (match := RUN_IN_RE.match(text)) and _name_only(doc, match.end(1), mentions):
        mark = match.end(1)
    elif (match := DASH_ITEM_RE.match(text)) and len(match.group(1).split()) <= 4:
        mark = match.end(1)
        lead = [m for m in mentions if m.end <= _token_at(doc, mark)]
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


def _name_only(doc, end_char: int, mentions: list[Mention]) -> bool:
    """Whether the words before ``end_char`` are one actor's name and nothing else ("Russia",
    "The United States"): a run-in heading, not a sentence ("Russia objected.")."""
    end = _token_at(doc, end_char)
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
            quotes.append(quote_run(text.index, paragraph.text, a, b))
            lo, hi = max(a, offset), min(b, sentence_hi)
            if lo < hi:
                marks.append((lo - offset, hi - offset, "quote"))
    return ClauseWords(doc[sentence.start : sentence.end].text, cues, quotes, marks)


RELATIVE_DATE_WORDS = {"where", "which", "who", "whom", "whose", "after"}


def clause_date(text: Reading, clause: Clause, article_date) -> tuple[str, str, str]:
    """(date, the words that fix it, why none is fixed) from the clause's words outside
    quotations (draft.dates.find_date): the latest day of its sentences, leaving out what a
    clause set off by a comma says of something else (", where soldiers detained the
    president late on Wednesday")."""
    doc, aside = text.doc, False
    if not could_date(text.paragraph.text[doc[clause.start].idx : char_end(doc, clause.end)]):
        return "", "", ""
    parts: list[list[str]] = [[]]
    for i in range(clause.start, clause.end):
        token = doc[i]
        if text.in_quote[i]:
            continue
        if token.text == "," and i + 1 < clause.end:
            aside = doc[i + 1].lower_ in RELATIVE_DATE_WORDS
        if not aside:
            parts[-1].append(token.text_with_ws)
        if token.text in (".", "!", "?"):
            parts.append([])
            aside = False
    found = [find_date("".join(part), article_date) for part in parts if part]
    dated = [f for f in found if f[0]]
    if dated:
        return max(dated, key=lambda f: f[0])
    return next((f for f in found if f[2]), ("", "", ""))


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
