"""Who speaks in a clause: sentences and clauses, reporting verbs, subjects, and referring back."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reactionmap.draft.cues import StanceCue, verbal
from reactionmap.draft.mentions import Mention, name_end, remit_and_name
from reactionmap.draft.tokens import (
    POSSESSIVE,
    covers,
    is_stance_word,
    name_at,
    name_span,
    starting_in,
    starts,
)

SUBJECT_REACH = 12


SUBJECT_PRONOUNS = {"he", "she", "it", "they", "we"}


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


OPENERS = {
    "while",
    "whereas",
    "although",
    "though",
}  # tokens between a speaker and its verb ("Moscow, which ..., said")


@dataclass
class Clause:
    """A clause of a sentence: its tokens, speakers, and what it says."""

    start: int
    end: int
    subjects: list[Mention] = field(default_factory=list)
    predicate: int = -1
    carried: bool = False


@dataclass
class State:
    """What the reading so far says about who is speaking."""

    section: str = ""  # actor named by the last heading
    default_cue: str = ""  # the heading or list lead that named it
    current: list[str] = field(default_factory=list)  # actors of the last clause that spoke
    names: dict[str, str] = field(default_factory=dict)  # speaker's name or surname -> code

    def remember(self, name: str, code: str, over_earlier: bool = False) -> None:
        """From here on, the person's name and surname refer to ``code``; an earlier actor
        they referred to is kept unless ``over_earlier``."""
        for part in {name, name.split()[-1]}:
            if over_earlier:
                self.names[part] = code
            else:
                self.names.setdefault(part, code)


@dataclass
class Span:
    start: int
    end: int


def sentences(doc, in_quote) -> list[Span]:
    """Sentences, with no break inside a quotation (a quoted speech is one unit)."""
    spans: list[Span] = []
    for sent in doc.sents:
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
            and any(t.lower_ == "in" for t in doc[max(0, i - 5) : i - 2])
        )
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


def has_cue(cues: list[StanceCue], clause: Clause) -> bool:
    return any(clause.start <= c.start < clause.end for c in cues)


def speakers_of(doc, clause: Clause, mentions, words, in_quote):
    """Codes of the clause's speakers, how they were found, and the mention that named them."""
    inside = [m for m in starting_in(mentions, clause.start, clause.end) if not m.blocked]
    if not inside:
        return [], "", {}
    p = clause.predicate
    chosen: list[Mention] = []
    if p < 0:
        chosen = inside  # a headline or a list item: no verb, the names are the speakers
    else:
        plain = covers(words, "speech", p) or doc[p].lower_ in VOTE_VERBS
        before = before_aside(doc, [m for m in inside if m.end <= p], p, in_quote, plain)
        if before:
            chain = chain_back(doc, before)
            end = name_end(doc, chain[-1])
            start = after_relative(doc, end, p, in_quote, plain)
            between = {t.lower_ for t in doc[start:p]}
            others = any(covers(words, "others", i) for i in range(start, p))  # "analysts said"
            if p - start <= SUBJECT_REACH and not between & SUBJECT_PRONOUNS and not others:
                chosen = chain
        by = agents(doc, clause, inside, words, in_quote)
        # "The G7 said in a joint statement issued by France": the subject said it, not France
        chosen += [m for m in by if m.start < p] if chosen else by
        opening = [i for i in range(clause.start, p) if not in_quote[i] and not doc[i].is_punct]
        after = [m for m in inside if m.start > p]
        if not chosen and not opening and after and after[0].start - p <= 8:
            chosen = chain_forward(doc, after)  # '"...," said Germany's foreign minister.'

    named: dict[str, Mention] = {}
    for m in chosen:
        named.setdefault(m.code, m)
    return list(named), "", named


# and how or where it spoke (", in a statement issued by Malaysia as chair,", ", on Monday,").
ASIDE_OPENERS = {"who", "whose", "which", "a", "an", "in", "on", "through", "via"}
# A speaker's circumstances set off by commas before a plain reporting verb (", speaking at a
# news conference in Dakar on Monday, said"): as long as they are, they do not part the two.
PARTICIPLES = {"speaking", "addressing", "talking", "writing", "answering", "responding"}
VOTE_VERBS = {"voted", "abstained"}


def before_aside(doc, before: list[Mention], p: int, in_quote, plain: bool) -> list[Mention]:
    """The mentions up to the subject, when an aside set off by commas parts it from the verb
    ("Hungary, which had declined to join the EU statement, abstained"; "Comoros, a member of
    the Arab League, abstained"): the names inside the aside are not the speaker."""
    for n, m in enumerate(before):
        end = name_end(doc, m)
        if after_relative(doc, end, p, in_quote, plain) > end:
            return before[: n + 1]
    return before


def after_relative(doc, end: int, p: int, in_quote, plain: bool = False) -> int:
    """Where the words between a speaker and its verb start, past an aside set off by commas:
    a relative clause about a person ("The president of the ECOWAS Commission, who was in
    Georgetown for a trade forum, said") or about what is the speaker's (", whose observer
    mission deployed ...,"), and, before a plain reporting verb or a vote (``plain``: "said",
    "abstained"), an aside about a government (", which shares membership of ...,", ", a
    member of the Arab League,") or the speaker's circumstances (", speaking to reporters in
    Dakar on Monday,"): the aside's length does not part the speaker from the verb.
    Before another verb ("accused"), a long ", which ...," clause about a government is often
    background, and still does."""
    openers = ASIDE_OPENERS | PARTICIPLES if plain else {"who", "whose"}
    start = end
    if plain and end + 1 < p and doc[end].text == ",":
        name, after = name_span(doc, end + 1)  # "foreign minister, Ndèye Diagne, speaking ..."
        if name and after + 1 < p and doc[after].text == ",":
            start = after if doc[after + 1].lower_ in PARTICIPLES else end
    if start + 1 < p and doc[start].text == "," and doc[start + 1].lower_ in openers:
        last = next((k for k in range(p - 1, start + 1, -1) if doc[k].text == ","), -1)
        if last > start + 1 and p - last <= 3 and not any(in_quote[end:p]):
            return last + 1
    return end


def agents(doc, clause: Clause, inside: list[Mention], words, in_quote) -> list[Mention]:
    """Speakers after a passive verb: "condemned by Iran and Russia", "a statement released by
    the Mexican foreign ministry"."""
    for i in range(clause.start + 1, clause.end):
        if doc[i].lower_ != "by" or in_quote[i] or not reports(doc, i - 1, words):
            continue
        after = [m for m in inside if m.start > i]
        if not after:
            return []
        gap = [t.lower_ for t in doc[i + 1 : after[0].start]]
        if len(gap) > 10 or any(w in ("that", "which", "who", "what", "whose") for w in gap):
            return []
        if doc[min(name_end(doc, after[0]), len(doc) - 1)].lower_ == "as":
            return []  # "issued by the Philippines as the group's chair": the group's words
        return chain_forward(doc, after)
    return []


def reports(doc, i, words) -> bool:
    return covers(words, "speech", i) or (is_stance_word(words, i) and verbal(doc[i].lower_))


def chain_forward(doc, after: list[Mention]) -> list[Mention]:
    chain = [after[0]]
    link = {",", "and", "as", "well", "the", "&", "also"}
    for m in after[1:]:
        end = chain[-1].role_end if chain[-1].role_end >= 0 else chain[-1].end
        gap = [t for t in doc[end : m.start]]
        if all(t.lower_ in link or t.text[:1].isupper() for t in gap) and len(gap) <= 8:
            chain.append(m)
        else:
            break
    return chain


def chain_back(doc, before: list[Mention]) -> list[Mention]:
    """The last group of mentions joined by commas and "and" (a list of speakers)."""
    chain = [before[-1]]
    for m in reversed(before[:-1]):
        gap = list(doc[m.end : chain[0].start])
        link = {",", "and", "as", "well", "the", "&", "including", "like", "such", "other"}
        if m.role_end >= 0:
            gap = list(doc[m.role_end : chain[0].start])
            if all(t.lower_ in link or t.text[:1].isupper() for t in gap) and len(gap) <= 8:
                chain.insert(0, m)
                continue
        if gap and all(w.lower_ in link for w in gap):
            chain.insert(0, m)
        else:
            break
    return chain


def carry(doc, clause: Clause, words, in_quote, state: State, default: str):
    """The speaker of a clause that names none: the last speaker when the clause refers back
    ("he", "the ministry", a quotation), a speaker named earlier, or the heading's actor."""
    p = clause.predicate if clause.predicate >= 0 else clause.end
    start = clause.start
    if participle_opener(doc, clause, in_quote):
        # "Asked about it on Tuesday, the ministry's spokesperson ... said": the subject
        # opens after the participle's phrase.
        start = next(k for k in range(clause.start + 1, clause.end) if doc[k].text == ",") + 1
    region = [i for i in range(start, p) if not in_quote[i] and not doc[i].is_punct]
    anaphors = starts(words, "anaphor")
    for i in region:
        token = doc[i]
        if token.text in state.names:
            return [state.names[token.text]], f"'{token.text}', a speaker named earlier"
    if default:
        return [default], state.default_cue
    ends = {end for start, end in words.get("anaphor", []) if start in anaphors}
    # "The Foreign Ministry said", "A spokesperson said", in a paragraph about one country: a
    # role, no one's name.
    bare_role = (
        len(region) > 1
        and doc[region[0]].lower_ in ("the", "a", "an")
        and all(covers(words, "role", i) for i in region[1:])
    )
    if not region or region[0] in anaphors or any(p - 3 < e <= p for e in ends) or bare_role:
        return list(state.current), "words that refer back to the last speaker"
    # An unknown person or body speaks: later "he"/"it" must not fall back on an older actor.
    capitals = [doc[i] for i in region if doc[i].text[:1].isupper() and i != clause.start]
    if capitals or doc[region[0]].text[:1].isupper():
        state.current = []
    return [], ""


def register_speaker(doc, start, code, state: State, words):
    roles = starts(words, "role")
    i = start
    if i < len(doc) and doc[i].text in POSSESSIVE:
        i += 1
    if i not in roles:
        return  # only "French President Emmanuel Macron": a role, then the name
    name = name_at(doc, roles[i])
    if name:
        state.remember(name, code)


def speaker_of(doc, m: Mention) -> tuple[str, str]:
    """The person named right after a mention's role ("German Foreign Minister Heiko Maas")."""
    if m.role_end < 0:
        return "", ""
    name = name_at(doc, m.role_end)
    comma = _past_remit(doc, m.role_end)
    if not name and doc[comma : comma + 1].text == ",":
        name = name_at(doc, comma + 1)  # "Canada's foreign minister, Anita Anand, said"
    if not name:
        name = remit_and_name(doc, m.role_end)[0]  # "minister of state for ..., Khalid al-Mannai,"
    if not name:
        name = _name_before(doc, m.start)  # "Kaja Kallas, the EU's top diplomat, said"
    after = m.end + (1 if doc[m.end].text in POSSESSIVE else 0)
    return (name, doc[after : m.role_end].text) if name else ("", "")


REMIT_REACH = 8


def _past_remit(doc, i: int) -> int:
    """The token after a role's remit ("for Foreign Affairs and Security Policy", "for
    Africa"): capitalised words after "for" or "of", joined by "and"; ``i`` when none."""
    if i >= len(doc) or doc[i].lower_ not in ("for", "of"):
        return i
    k = i + 1
    while (
        k < len(doc)
        and k - i <= REMIT_REACH
        and (doc[k].text[:1].isupper() or doc[k].lower_ in ("and", "the", "&"))
    ):
        k += 1
    return k if k > i + 1 else i


def _name_before(doc, i: int) -> str:
    """A person's name set before a mention by a comma: "Kaja Kallas, the EU's ..."."""
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    if i < 3 or doc[i - 1].text != ",":
        return ""
    first = i - 1
    while (
        first > 0
        and i - 1 - first < 4
        and doc[first - 1].is_alpha
        and doc[first - 1].text[:1].isupper()
    ):
        first -= 1
    name = name_at(doc, first)
    return name if name and len(name.split()) == i - 1 - first else ""


def speaker_before_verb(doc, clause: Clause, words, in_quote) -> tuple[str, str]:
    """The named person and role just before the clause's verb ("Foreign Minister Heiko Maas
    said")."""
    p = clause.predicate if clause.predicate >= 0 else clause.end
    for start, end in sorted(words.get("role", [])):
        if not (clause.start <= start and end <= p) or in_quote[start]:
            continue
        name = name_at(doc, end)
        if name and p - (end + len(name.split())) <= 3:
            first = start
            while (
                first > clause.start
                and start - first < 3
                and doc[first - 1].is_alpha
                and doc[first - 1].text[:1].isupper()
                and doc[first - 1].lower_ not in {"the", "a", "an", "its", "his", "her"}
            ):
                first -= 1
            return name, doc[first:end].text
    return "", ""
