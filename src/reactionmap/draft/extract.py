"""Find who reacted in an article, with the words that show it: actors, stance cues, quotes, dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from reactionmap.draft.article import Article, Paragraph
from reactionmap.draft.dates import find_date
from reactionmap.draft.lexicon import Lexicon

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
OPENERS = {
    "while",
    "whereas",
    "although",
    "though",
}  # tokens between a speaker and its verb ("Moscow, which ..., said")
HEADING_TOKENS = 9
DASH_ITEM_RE = re.compile(r"^([^.!?\"“”:]{2,60}?)\s+[—–]\s+\S")  # "Germany — Chancellor ..."
ITEM_RE = re.compile(r"^((?:[^:.!?\"“”]|\.(?=\S)){2,80}?)\s*(?:\([^)]*\))?\s*:\s+\S")
HEADING_NOUNS = {"position", "response", "reaction", "reactions", "stance", "statement", "view"}
HONORIFICS = {"sir", "dame", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "general"}
NAME_PARTICLES = {
    "da",
    "de",
    "del",
    "dos",
    "das",
    "do",
    "van",
    "von",
    "der",
    "bin",
    "al",
    "el",
    "la",
}
POSSESSIVE = {"'s", "’s", "'", "’"}
STANCE_ORDER = ("condemn", "support", "concern", "neutral")  # ties go to the earlier key


@dataclass
class Mention:
    """A span naming a state or organization."""

    start: int
    end: int
    kind: str
    code: str
    text: str
    role_end: int = -1  # end of a role right after it ("Foreign Minister"), or -1
    blocked: str = ""  # why it is not a speaker here, or ""

    @property
    def strong(self) -> bool:
        return self.role_end >= 0 or self.kind == "institution"


@dataclass
class StanceCue:
    start: int
    end: int
    stance: str
    weight: int
    text: str
    negated: str = ""  # the negation that turned it around
    hedged: str = ""


@dataclass
class Clause:
    """A clause of a sentence: its tokens, speakers, and what it says."""

    start: int
    end: int
    subjects: list[Mention] = field(default_factory=list)
    predicate: int = -1
    carried: bool = False


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
    state = _State()
    out: list[Finding] = []
    docs = lex.nlp.pipe(p.text for p in article.paragraphs)
    for index, (paragraph, doc) in enumerate(zip(article.paragraphs, docs, strict=True)):
        _paragraph(index, paragraph, doc, lex, article_date, state, out)
    return out


@dataclass
class _State:
    section: str = ""  # actor named by the last heading
    default_cue: str = ""  # the heading or list lead that named it
    current: list[str] = field(default_factory=list)  # actors of the last clause that spoke
    names: dict[str, str] = field(default_factory=dict)  # speaker's name or surname -> code
    last: Finding | None = None


def _paragraph(index, paragraph: Paragraph, doc, lex: Lexicon, article_date, state, out):
    strings = lex.nlp.vocab.strings
    in_quote = _in_quote(doc, paragraph.quotes)
    words = _word_labels(doc, lex)
    mentions = _mentions(doc, lex, words, in_quote)
    item_end, item_code = _item(doc, paragraph.text, mentions)
    heading = _is_heading(doc, paragraph.text, in_quote)
    if heading and paragraph.text.isupper():
        # "GERMANY" as a live blog's heading: read it as "Germany".
        titled = lex.nlp.make_doc(paragraph.text.title())
        if len(titled) == len(doc):
            mentions = _mentions(titled, lex, _word_labels(titled, lex), in_quote)
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
        state.last = None
        for mention in mentions:
            _register_speaker(doc, mention.end, mention.code, state, words)
    default = item_code or state.section
    if item_code:
        state.default_cue = (
            f"the list lead '{paragraph.text[: doc[item_end - 1].idx].strip()[:60]}'"
        )
    if item_end is not None:
        state.current = [item_code] if item_code else []
    cues = _stance_cues(doc, words, strings)
    named = frozenset(i for m in mentions for i in range(m.start, m.end))  # "States" is no verb
    for sentence in _sentences(doc, in_quote):
        if item_end is not None and sentence.end <= item_end:
            continue
        start = max(sentence.start, item_end or 0)
        for clause in _clauses(doc, start, sentence.end, words, mentions, in_quote, named):
            codes, how, by_code = _speakers(doc, clause, mentions, words, in_quote, state)
            if not codes:
                if clause.predicate < 0 and not paragraph.continues:
                    continue
                codes, how = _carry(doc, clause, words, in_quote, state, default)
                if not codes:
                    continue
                clause.carried = True
            elif clause.predicate < 0 and not (heading and _has(cues, clause)):
                continue  # a name and a stance word but no verb: no one is reported speaking
            state.current = codes
            for code in codes:
                cue_mention = by_code.get(code) if by_code else None
                finding = _finding_for(code, index, clause, how, cue_mention, paragraph, out)
                _fill(finding, doc, sentence, clause, cues, mentions, words, in_quote, paragraph)
                _fill_date(finding, doc, clause, in_quote, article_date)
                if cue_mention is not None and len(codes) == 1:
                    speaker, role = _speaker_of(doc, cue_mention)
                    if speaker and not finding.speaker:
                        finding.speaker, finding.speaker_role = speaker, role
                        for part in {speaker, speaker.split()[-1]}:
                            state.names[part] = code
                elif clause.carried and len(codes) == 1 and not finding.speaker:
                    speaker, role = _speaker(doc, clause, words, in_quote)
                    if speaker:
                        finding.speaker, finding.speaker_role = speaker, role
                        for part in {speaker, speaker.split()[-1]}:
                            state.names.setdefault(part, code)


def _in_quote(doc, quotes: list[tuple[int, int]]) -> list[bool]:
    """Per token: whether it starts inside a quotation (one pass over tokens and spans)."""
    flags, spans, k = [], sorted(quotes), 0
    for token in doc:
        while k < len(spans) and spans[k][1] <= token.idx:
            k += 1
        flags.append(k < len(spans) and spans[k][0] <= token.idx)
    return flags


# ---- token labels ---------------------------------------------------------------------------------
class _Labels(dict):
    """kind -> spans from the word matcher, with the token sets looked up per token (so a long
    paragraph costs linear time)."""

    def __init__(self) -> None:
        super().__init__()
        self._covered: dict[str, set[int]] = {}
        self._stance_starts: set[int] | None = None

    def covered(self, kind: str) -> set[int]:
        if kind not in self._covered:
            self._covered[kind] = {i for a, b in self.get(kind, []) for i in range(a, b)}
        return self._covered[kind]

    def stance_starts(self) -> set[int]:
        if self._stance_starts is None:
            self._stance_starts = {
                a for k, spans in self.items() if k.startswith("stance:") for a, _ in spans
            }
        return self._stance_starts


def _word_labels(doc, lex: Lexicon) -> _Labels:
    """kind -> spans, from the word matcher (stance cues kept under their own labels)."""
    strings = lex.nlp.vocab.strings
    labels = _Labels()
    for match_id, start, end in lex.words(doc):
        labels.setdefault(strings[match_id], []).append((start, end))
    return labels


def _starts(words, kind) -> dict[int, int]:
    """start -> longest end of the spans of one kind."""
    out: dict[int, int] = {}
    for start, end in words.get(kind, []):
        out[start] = max(out.get(start, start), end)
    return out


def _covers(words: _Labels, kind, i) -> bool:
    return i in words.covered(kind)


def _mentions(doc, lex: Lexicon, words, in_quote) -> list[Mention]:
    """Actor mentions outside quotations, longest first, each judged speaker or not."""
    from spacy.util import filter_spans

    strings = lex.nlp.vocab.strings
    spans = []
    for match_id, start, end in lex.actors(doc):
        span = doc[start:end]
        span.label_ = strings[match_id]
        spans.append(span)
    roles = _starts(words, "role")
    mentions = []
    for span in filter_spans(spans):
        kind, _, code = span.label_.partition(":")
        if kind == "block" or in_quote[span.start]:
            continue
        mention = Mention(span.start, span.end, kind, code, span.text)
        after = span.end
        if after < len(doc) and doc[after].text in POSSESSIVE:
            after += 1
        if after in roles:
            mention.role_end = roles[after]
        mention.blocked = _blocked(doc, mention, words, lex, roles)
        if not mention.blocked and mentions and mentions[-1].blocked.startswith("after"):
            # "allies of Washington and Caracas": a name joined to a blocked one is blocked too.
            gap = [t.lower_ for t in doc[_name_end(doc, mentions[-1]) : mention.start]]
            if {"and", "or"} & set(gap) and all(w in (",", "and", "or", "the") for w in gap):
                mention.blocked = mentions[-1].blocked
        mentions.append(mention)
    return mentions


def _blocked(doc, m: Mention, words, lex: Lexicon, roles) -> str:
    """Why a mention is not a speaker here ("" when it may be one)."""
    before = doc[m.start - 1] if m.start else None
    if before is not None and before.lower_ == "the" and m.start > 1:
        before = doc[m.start - 2]
    nxt = doc[m.end] if m.end < len(doc) else None
    if m.start and _covers(words, "former", m.start - 1):
        return "former"
    if m.kind == "demonym" and m.role_end < 0:
        return "adjective"
    prefixed = before is not None and before.i == m.start - 1 and before.i > 0
    if m.kind == "institution" and prefixed and before.is_alpha and before.text[:1].isupper():
        return "part of a longer name"  # "Federal Foreign Office" is not the UK's
    if nxt is not None and nxt.text in POSSESSIVE and m.role_end < 0:
        return "possessive"
    if m.role_end < 0 and nxt is not None and _covers(words, "object", m.end):
        return "object"
    if m.kind == "capital" or m.text in lex.person_too:
        # "Santiago Peña", "President Santiago ...": a person, not a government.
        verb = _covers(words, "speech", m.end) or _is_stance_word(words, m.end)
        capital_next = nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct
        if capital_next and not verb and m.role_end < 0:
            return "person"
        if m.start and _covers(words, "role", m.start - 1) and doc[m.start - 1].text[:1].isupper():
            return "person"
    if before is not None and _covers(words, "preposition", before.i):
        word = before.lower_
        k = before.i - 1
        while k > 0 and before.i - k < 5 and doc[k].text[:1].isupper() and doc[k].is_alpha:
            if _covers(words, "role", k):
                break
            k -= 1  # "President Javier Milei of Argentina": a role, a name, then "of"
        role_before = k >= 0 and _covers(words, "role", k)
        if (word in ("from", "for") and (m.strong or role_before)) or (
            word == "of" and role_before
        ):
            return ""
        if word == "like" or (word == "in" and _apposed_person(doc, m.end)):
            return ""  # "Trump's ally in Argentina, Javier Milei, wrote ..."
        return f"after '{before.text}'"
    return ""


def _apposed_person(doc, i) -> bool:
    """A person's name set off by commas right after a mention: ", Javier Milei,"."""
    if i >= len(doc) or doc[i].text != ",":
        return False
    name = _name_at(doc, i + 1)
    end = i + 1 + len(name.split())
    return bool(name) and end < len(doc) and doc[end].text == ","


def _is_stance_word(words: _Labels, i) -> bool:
    return i in words.stance_starts()


def _stance_cues(doc, words, strings) -> list[StanceCue]:
    """Stance cues (longest match wins), with the negation or hedge just before them."""
    found = []
    for kind, spans in words.items():
        if kind.startswith("stance:"):
            _, stance, weight = kind.split(":")
            found += [(s, e, stance, int(weight)) for s, e in spans]
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    cues, taken = [], set()
    negations_by_end: dict[int, list[tuple[int, int]]] = {}
    for span in words.get("negation", []):
        negations_by_end.setdefault(span[1], []).append(span)
    hedges_by_end: dict[int, list[tuple[int, int]]] = {}
    for span in words.get("hedge", []):
        hedges_by_end.setdefault(span[1], []).append(span)
    for start, end, stance, weight in found:
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        cue = StanceCue(start, end, stance, weight, doc[start:end].text)
        window = max(0, start - 4)
        near_ends = range(window, start + 1)
        negations = [n for e in near_ends for n in negations_by_end.get(e, [])]
        hedges = [h for e in near_ends for h in hedges_by_end.get(e, [])]
        for ns, ne in sorted(negations, key=lambda span: (span[0], -span[1])):
            near = window <= ns and ne <= start
            if near and not cue.negated and not any(doc[k].is_punct for k in range(ne, start)):
                cue.negated = doc[ns:ne].text  # the longest: "did not", not "not"
        for hs, he in hedges:
            if window <= hs and he <= start:
                cue.hedged = doc[hs:he].text
        cues.append(cue)
    return cues


# ---- paragraphs, sentences, clauses ----------------------------------------------------------------
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


@dataclass
class _Span:
    start: int
    end: int


def _sentences(doc, in_quote) -> list[_Span]:
    """Sentences, with no break inside a quotation (a quoted speech is one unit)."""
    spans: list[_Span] = []
    for sent in doc.sents:
        if spans and (in_quote[sent.start] or _opens_inside(doc, sent.start, in_quote)):
            spans[-1].end = sent.end
        else:
            spans.append(_Span(sent.start, sent.end))
    return spans


def _opens_inside(doc, i, in_quote) -> bool:
    # A closing mark that starts a new sentence by mistake ('... concern.” We ...').
    return doc[i].text in ("”", '"', "’") and i > 0 and in_quote[i - 1]


def _clauses(doc, start, end, words, mentions, in_quote, named=frozenset()) -> list[Clause]:
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
    bounds = [start, *breaks, end]
    clauses: list[Clause] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        clause = Clause(a, b)
        if clauses and a != hard and not any(a <= m.start < b and not m.blocked for m in mentions):
            clauses[-1].end = b
        else:
            clauses.append(clause)
    for clause in clauses:
        clause.predicate = _predicate(doc, clause, words, in_quote, named)
    return clauses


def _predicate(doc, clause: Clause, words, in_quote, named=frozenset()) -> int:
    """The first verb that reports speech or a stance in the clause, outside quotations."""
    speech = words.covered("speech")
    for i in range(clause.start, clause.end):
        if in_quote[i] or i in named or (i and doc[i - 1].lower_ in STATEMENT_NOUNS):
            continue  # "a statement released Saturday" names the statement, not its verb
        if i in speech or (_is_stance_word(words, i) and _verbal(doc[i].lower_)):
            return i
    return -1


def _verbal(word: str) -> bool:
    return word.endswith(("ed", "s", "ing")) and not word.endswith(("tion", "tions", "ness", "ss"))


def _has(cues: list[StanceCue], clause: Clause) -> bool:
    return any(clause.start <= c.start < clause.end for c in cues)


def _quotes_in(doc, clause: Clause, in_quote) -> bool:
    return any(in_quote[i] for i in range(clause.start, clause.end))


# ---- who speaks ------------------------------------------------------------------------------------
def _speakers(doc, clause: Clause, mentions, words, in_quote, state):
    """Codes of the clause's speakers, how they were found, and the mention that named them."""
    inside = [m for m in mentions if clause.start <= m.start < clause.end and not m.blocked]
    if not inside:
        return [], "", {}
    p = clause.predicate
    chosen: list[Mention] = []
    if p < 0:
        chosen = inside  # a headline or a list item: no verb, the names are the speakers
    else:
        before = [m for m in inside if m.end <= p]
        if before:
            chain = _chain(doc, before)
            end = _name_end(doc, chain[-1])
            between = {t.lower_ for t in doc[end:p]}
            others = any(_covers(words, "others", i) for i in range(end, p))  # "analysts said"
            if p - end <= SUBJECT_REACH and not between & SUBJECT_PRONOUNS and not others:
                chosen = chain
        chosen += _agents(doc, clause, inside, words, in_quote)
        opening = [i for i in range(clause.start, p) if not in_quote[i] and not doc[i].is_punct]
        after = [m for m in inside if m.start > p]
        if not chosen and not opening and after and after[0].start - p <= 8:
            chosen = _chain_forward(doc, after)  # '"...," said Germany's foreign minister.'

    named = {}
    for m in chosen:
        named.setdefault(m.code, m)
    return list(named), "", named


def _name_end(doc, m: Mention) -> int:
    """Where a speaker's words end: after its role and the person's name, if any."""
    if m.role_end < 0:
        return m.end
    name, end = _name_span(doc, m.role_end)
    return end if name else m.role_end


def _agents(doc, clause: Clause, inside: list[Mention], words, in_quote) -> list[Mention]:
    """Speakers after a passive verb: "condemned by Iran and Russia", "a statement released by
    the Mexican foreign ministry"."""
    for i in range(clause.start + 1, clause.end):
        if doc[i].lower_ != "by" or in_quote[i] or not _reports(doc, i - 1, words):
            continue
        after = [m for m in inside if m.start > i]
        if not after:
            return []
        gap = [t.lower_ for t in doc[i + 1 : after[0].start]]
        if len(gap) > 10 or any(w in ("that", "which", "who", "what", "whose") for w in gap):
            return []
        return _chain_forward(doc, after)
    return []


def _reports(doc, i, words) -> bool:
    return _covers(words, "speech", i) or (_is_stance_word(words, i) and _verbal(doc[i].lower_))


def _chain_forward(doc, after: list[Mention]) -> list[Mention]:
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


def _chain(doc, before: list[Mention]) -> list[Mention]:
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


def _carry(doc, clause: Clause, words, in_quote, state: _State, default: str):
    """The speaker of a clause that names none: the last speaker when the clause refers back
    ("he", "the ministry", a quotation), a speaker named earlier, or the heading's actor."""
    p = clause.predicate if clause.predicate >= 0 else clause.end
    region = [i for i in range(clause.start, p) if not in_quote[i] and not doc[i].is_punct]
    anaphors = _starts(words, "anaphor")
    for i in region:
        token = doc[i]
        if token.text in state.names:
            return [state.names[token.text]], f"'{token.text}', a speaker named earlier"
    if default:
        return [default], state.default_cue
    ends = {end for start, end in words.get("anaphor", []) if start in anaphors}
    if not region or region[0] in anaphors or any(p - 3 < e <= p for e in ends):
        return list(state.current), "words that refer back to the last speaker"
    # An unknown person or body speaks: later "he"/"it" must not fall back on an older actor.
    capitals = [doc[i] for i in region if doc[i].text[:1].isupper() and i != clause.start]
    if capitals or doc[region[0]].text[:1].isupper():
        state.current = []
    return [], ""


def _register_speaker(doc, start, code, state: _State, words):
    roles = _starts(words, "role")
    i = start
    if i < len(doc) and doc[i].text in POSSESSIVE:
        i += 1
    if i not in roles:
        return  # only "French President Emmanuel Macron": a role, then the name
    name = _name_at(doc, roles[i])
    if name:
        for part in {name, name.split()[-1]}:
            state.names.setdefault(part, code)


def _name_at(doc, i) -> str:
    """A person's name starting at token i: capitalised words (and particles), up to five."""
    return _name_span(doc, i)[0]


def _name_span(doc, i) -> tuple[str, int]:
    """(the name starting at token i or "", the token after it)."""
    parts: list[str] = []
    while i < len(doc) and len(parts) < 6:
        token = doc[i]
        text = token.text
        if text.lower() in HONORIFICS and not parts:
            i += 1
            continue
        if text == "-" and parts and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
            parts[-1] += "-" + doc[i + 1].text
            i += 2
            continue
        if (
            text[:1].isupper()
            and text.isalpha()
            or (
                parts
                and text.lower() in NAME_PARTICLES
                and i + 1 < len(doc)
                and doc[i + 1].text[:1].isupper()
            )
        ):
            parts.append(text)
            i += 1
            continue
        break
    return (" ".join(parts), i) if len(parts) >= 2 else ("", i)


def _speaker_of(doc, m: Mention) -> tuple[str, str]:
    """The person named right after a mention's role ("German Foreign Minister Heiko Maas")."""
    if m.role_end < 0:
        return "", ""
    name = _name_at(doc, m.role_end)
    if not name and doc[m.role_end : m.role_end + 1].text == ",":
        name = _name_at(doc, m.role_end + 1)  # "Canada's foreign minister, Anita Anand, said"
    after = m.end + (1 if doc[m.end].text in POSSESSIVE else 0)
    return (name, doc[after : m.role_end].text) if name else ("", "")


def _speaker(doc, clause: Clause, words, in_quote) -> tuple[str, str]:
    """The named person and role just before the clause's verb ("Foreign Minister Heiko Maas
    said")."""
    p = clause.predicate if clause.predicate >= 0 else clause.end
    for start, end in sorted(words.get("role", [])):
        if not (clause.start <= start and end <= p) or in_quote[start]:
            continue
        name = _name_at(doc, end)
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


# ---- what is said ----------------------------------------------------------------------------------
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
    clause_lo, clause_hi = doc[clause.start].idx, _char_end(doc, clause.end)
    sentence_hi = _char_end(doc, sentence.end)
    marks: list[tuple[int, int, str]] = []
    for m in mentions:
        if clause.start <= m.start < clause.end and m.code == finding.code and not m.blocked:
            end = m.role_end if m.role_end >= 0 else m.end
            marks.append((doc[m.start].idx - offset, _char_end(doc, end) - offset, "actor"))
    for cue in cues:
        if clause.start <= cue.start < clause.end:
            if cue not in finding.cues:
                finding.cues.append(cue)
            marks.append((doc[cue.start].idx - offset, _char_end(doc, cue.end) - offset, "stance"))
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


def _char_end(doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def _fill_date(finding: Finding, doc, clause, in_quote, article_date):
    if finding.date or finding.date_note:
        return
    parts = []
    for i in range(clause.start, clause.end):
        parts.append("" if in_quote[i] else doc[i].text_with_ws)
    date, words, note = find_date("".join(parts), article_date)
    finding.date, finding.date_words, finding.date_note = date, words, note


def decide_stance(cues: list[StanceCue]) -> tuple[str, StanceCue | None, list[StanceCue]]:
    """(stance, the deciding cue, the cues that disagree): the strongest cue wins; a negated
    cue counts as neutral and a hedged one one step weaker; ties go to more cues, then to the
    cue read first (the main verb: "praised the news by sharing a video denouncing ...")."""
    if not cues:
        return "", None, []
    scored = []
    for cue in cues:
        stance = "neutral" if cue.negated else cue.stance
        weight = 1 if cue.negated else max(1, cue.weight - (1 if cue.hedged else 0))
        scored.append((stance, weight, cue))
    best: dict[str, tuple[int, int, int, int]] = {}
    for position, (stance, weight, cue) in enumerate(scored):
        top, plain, count, first = best.get(stance, (0, 0, 0, -position))
        plain = max(plain, weight) if not cue.hedged else plain
        best[stance] = (max(top, weight), plain, count + 1, first)
    winner = max(best, key=lambda s: (*best[s], -STANCE_ORDER.index(s)))
    deciding = max((c for s, w, c in scored if s == winner), key=lambda c: c.weight)
    others = [c for s, _, c in scored if s != winner]
    return winner, deciding, others
