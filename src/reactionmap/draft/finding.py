"""A draft row's findings and what one clause adds to it: its words, day and speaker."""

from __future__ import annotations

from dataclasses import dataclass, field

from reactionmap.draft.clauses import Clause, Span
from reactionmap.draft.cues import StanceCue
from reactionmap.draft.dates import could_date, find_date
from reactionmap.draft.mentions import Mention
from reactionmap.draft.persons import speaker_before_verb, speaker_of
from reactionmap.draft.quotes import Run, quote_run
from reactionmap.draft.reading import Reading
from reactionmap.draft.tokens import (
    char_end,
    starting_in,
)


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


def same_row(code: str, text: Reading, clause: Clause, out: list[Finding]) -> Finding | None:
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


def new_row(code: str, index: int, how: str, mention: Mention | None) -> Finding:
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
