"""A paragraph's sentences and clauses, and the verb that reports each clause's words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reactionmap.draft.cues import verbal
from reactionmap.draft.mentions import Mention, name_end
from reactionmap.draft.tokens import (
    covers,
    is_stance_word,
    starting_in,
)

STATEMENT_NOUNS = {
    "statement",
    "communique",
    "communiqué",
    "note",
    "post",
    "message",
    "letter",
    "video",
}


# Words before a noun: a reporting or stance word right after one is a noun ("repeated the
# condemnation in a call", "issued a warning"), not the clause's verb (nor after a noun that
# makes one with it: "a telephone call").
DETERMINERS = {"a", "an", "the", "his", "her", "its", "their", "our", "this", "telephone", "phone"}


# Words opening a sentence of two contrasted clauses: "While X welcomed ..., Y condemned ...".
OPENERS = {"while", "whereas", "although", "though"}


@dataclass
class Clause:
    """A clause of a sentence: its tokens, speakers, and what it says."""

    start: int
    end: int
    subjects: list[Mention] = field(default_factory=list)
    predicate: int = -1
    carried: bool = False


@dataclass
class Span:
    start: int
    end: int


def sentences(doc, in_quote) -> list[Span]:
    """Sentences, with no break inside a quotation (a quoted speech is one unit)."""
    spans: list[Span] = []
    for sent in _split_at_platform(doc, doc.sents, in_quote):
        if spans and _opening_mark_left_behind(doc, sent.start, in_quote):
            # 'was the bluntest. "Tuvalu condemns ...," he said': the sentencizer kept the
            # opening mark with the sentence before; the quotation starts a sentence of its own.
            spans[-1].end = sent.start - 1
            spans.append(Span(sent.start - 1, sent.end))
            continue
        if spans and spans[-1].start < sent.start and _said_after_quote(doc, sent.start, in_quote):
            spans[-1].end = sent.end  # '"... released immediately," he said on Twitter.'
            continue
        if spans and (in_quote[sent.start] or opens_inside(doc, sent.start, in_quote)):
            spans[-1].end = sent.end
        else:
            spans.append(Span(sent.start, sent.end))
    return spans


PLATFORM_BEFORE = {"on", "via"}


def _split_at_platform(doc, sents, in_quote):
    """The sentencizer's sentences, each cut after "on X." before a capital: the platform X
    ends its sentence ("in a post on X. France's ministry said"), the tokenizer reads "X." as
    an initial."""
    for sent in sents:
        start = sent.start
        for i in range(sent.start + 1, sent.end - 1):
            cut = doc[i].text == "X." and doc[i - 1].lower_ in PLATFORM_BEFORE
            if cut and not in_quote[i] and doc[i + 1].text[:1].isupper():
                yield Span(start, i + 1)
                start = i + 1
        yield Span(start, sent.end)


def _opening_mark_left_behind(doc, i, in_quote) -> bool:
    """Whether a sentence that starts inside a quotation follows its opening mark, itself just
    after the end of the sentence before (outside quotations)."""
    return (
        i >= 2
        and in_quote[i]
        and doc[i - 1].text in ('"', "“")
        and not in_quote[i - 1]
        and doc[i - 2].text in (".", "!", "?")
        and not in_quote[i - 2]
    )


def _said_after_quote(doc, i, in_quote) -> bool:
    """Whether a sentence opens in lower case right after a quotation's closing mark and comma
    ('"...," he said'): it goes on from the quotation."""
    return (
        i >= 2
        and doc[i].is_lower
        and not in_quote[i]
        and doc[i - 1].text in ('"', "”")
        and doc[i - 2].text == ","
    )


def opens_inside(doc, i, in_quote) -> bool:
    # A closing mark that starts a new sentence by mistake ('... concern.” We ...').
    return doc[i].text in ("”", '"', "’") and i > 0 and in_quote[i - 1]


def split_clauses(doc, start, end, words, mentions, in_quote, named=frozenset()) -> list[Clause]:
    """Split at "while", "but", ";" ... when the new part names its own speaker; otherwise
    the part stays with the clause before it."""
    breaks = sorted(s for s, _ in words.get("clause", []) if start < s < end and not in_quote[s])
    hard = None
    if doc[start].lower_ in OPENERS:
        # "While X welcomed ..., Y condemned ...": the comma ends the first clause.
        hard = next(
            (i + 1 for i in range(start, end) if doc[i].text == "," and not in_quote[i]), None
        )
        if hard is not None and hard < end:
            breaks = sorted({*breaks, hard})
    breaks = sorted({*breaks, *_second_speakers(doc, start, end, words, mentions, in_quote, named)})
    breaks = sorted({*breaks, *_comma_speakers(doc, start, end, words, mentions, in_quote)})
    bounds = [start, *breaks, end]
    clauses: list[Clause] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        clause = Clause(a, b)
        if clauses and a != hard and not any(a <= m.start < b and not m.blocked for m in mentions):
            clauses[-1].end = b
        else:
            clauses.append(clause)
    for clause in clauses:
        clause.predicate = predicate(doc, clause, words, in_quote, named)
    return clauses


REFERENCE_MARKS_RE = re.compile(r"(?:\[\d+\])+$")


def _second_speakers(doc, start, end, words, mentions, in_quote, named) -> list[int]:
    """Where a sentence's second speaker starts, after a comma and "and", when the part before
    has its own reporting verb ('Armenia's prime minister called it "...", and Azerbaijan's
    president, Elnur Mammadli, said ...'), or a name its own reporting verb follows (", and
    Singapore said it regretted ..."); a list of names before one verb ("France, Germany, and
    Italy condemned") stays one clause."""
    found: list[int] = []
    first = -1  # the sentence's first verb, found once (linear time), when a candidate asks
    for m in starting_in(mentions, start + 2, end):
        a = m.start - 1 - (1 if doc[m.start - 1].lower_ == "the" else 0)
        if m.blocked or a <= start or doc[a].lower_ != "and" or in_quote[a]:
            continue
        verb = name_end(doc, m)
        if m.role_end < 0 and not (verb < end and covers(words, "speech", verb)):
            continue  # a bare name must be followed by its own reporting verb
        before = doc.text[max(0, doc[a].idx - 16) : doc[a].idx].rstrip()
        comma = REFERENCE_MARKS_RE.sub("", before).rstrip('"”’').endswith(",")
        if comma and first < 0:
            first = predicate(doc, Clause(start, end), words, in_quote, named)
        if comma and 0 <= first < a:
            found.append(a)
    return found


def _comma_speakers(doc, start, end, words, mentions, in_quote) -> list[int]:
    """Where a speaker starts right after a comma with its own verb, when the part before has a
    speaker and a cue of its own ("G7 and NATO condemn, China urges restraint"): each part is
    its speaker's. A list of names before one verb ("France, Germany said") stays one clause."""
    found: list[int] = []
    spoken = -1  # the first cue or reporting verb after the sentence's first speaker
    inside = [m for m in starting_in(mentions, start, end) if not m.blocked]
    if inside:
        for i in range(name_end(doc, inside[0]), end):
            if not in_quote[i] and (covers(words, "speech", i) or is_stance_word(words, i)):
                spoken = i
                break
    for m in inside[1:]:
        comma = m.start - 1
        verb = name_end(doc, m)
        if spoken < 0 or comma <= spoken or doc[comma].text != "," or in_quote[comma]:
            continue
        if verb < end and (covers(words, "speech", verb) or is_stance_word(words, verb)):
            found.append(m.start)
    return found


def predicate(doc, clause: Clause, words, in_quote, named=frozenset()) -> int:
    """The first verb that reports speech or a stance in the clause, outside quotations."""
    speech = words.covered("speech")
    opener = clause.start
    if participle_opener(doc, clause, in_quote):
        # "Speaking on behalf of the 27 member states, the ambassador said": no verb before
        # the comma that closes the participle's phrase.
        opener = next(k for k in range(clause.start + 1, clause.end) if doc[k].text == ",")
    for i in range(opener, clause.end):
        named_statement = i and doc[i - 1].lower_ in STATEMENT_NOUNS
        set_off = (
            i > 1
            and doc[i - 1].text == ","
            and doc[i - 2].lower_ in STATEMENT_NOUNS
            and any(
                t.lower_ == "in" and (t.i == 0 or doc[t.i - 1].text != ",")
                for t in doc[max(0, i - 5) : i - 2]
            )
        )  # but "Turkey's ministry, in a written statement, said": an aside, then its verb
        noun = i and doc[i - 1].lower_ in DETERMINERS  # "in a call", "a summons"
        if in_quote[i] or i in named or named_statement or set_off or noun:
            # "a statement released Saturday", "In its statement, issued in Addis Ababa on
            # Wednesday, the AU called": the words name the statement, not its verb (but "The
            # AU's statement, issued after a meeting, said" is the statement's subject)
            continue
        infinitive = (
            i > 0 and doc[i - 1].lower_ == "to"
        )  # "the only one to side with", "refused to condemn"
        if i == clause.start and participle_opener(doc, clause, in_quote):
            continue  # "Asked about the strike, the NATO Secretary General said"
        if i in speech or (is_stance_word(words, i) and (verbal(doc[i].lower_) or infinitive)):
            return i
    return -1


def participle_opener(doc, clause: Clause, in_quote) -> bool:
    """Whether the clause opens with a participle that a comma closes ("Asked about the strike,
    ...", "Speaking to reporters, ..."): the phrase is not the clause's verb."""
    first = doc[clause.start]
    if not first.text[:1].isupper() or not first.lower_.endswith(("ed", "ing")):
        return False
    return any(
        doc[k].text == "," and not in_quote[k] for k in range(clause.start + 1, clause.end - 1)
    )
