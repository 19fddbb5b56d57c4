"""Who speaks in a clause: its subjects and reporting verbs, and the speaker it refers back to."""

from __future__ import annotations

from dataclasses import dataclass, field

from reactionmap.draft.clauses import Clause, participle_opener
from reactionmap.draft.cues import StanceCue, verbal
from reactionmap.draft.mentions import Mention, name_end
from reactionmap.draft.tokens import (
    POSSESSIVE,
    covers,
    is_stance_word,
    name_at,
    name_span,
    starting_in,
    starts,
)
from reactionmap.draft.vote_lists import listed_voters

SUBJECT_REACH = 12


SUBJECT_PRONOUNS = {"he", "she", "it", "they", "we"}


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


def has_cue(cues: list[StanceCue], clause: Clause) -> bool:
    return any(clause.start <= c.start < clause.end for c in cues)


def speakers_of(doc, clause: Clause, mentions, words, in_quote):
    """Codes of the clause's speakers, how they were found, and the mention that named them."""
    inside = [m for m in starting_in(mentions, clause.start, clause.end) if not m.blocked]
    if not inside:
        return [], "", {}
    p = clause.predicate
    chosen: list[Mention] = listed_voters(doc, clause.start, clause.end, inside, words)
    if chosen:
        pass  # "Those voting against included Belarus and Syria" (draft.vote_lists)
    elif p < 0:
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
        # '"...," said Germany's foreign minister.'; not '..., a researcher at a Dakar think
        # tank': a speaker who is not a government, whose place names no speaker
        near = after and after[0].start - p <= 8
        if not chosen and not opening and near and not _others_before(words, p, after[0].start):
            chosen = chain_forward(doc, after)

    named: dict[str, Mention] = {}
    for m in chosen:
        named.setdefault(m.code, m)
    listed = (
        p < 0 and chosen and chosen[0].start > clause.start and doc[clause.start].lower_ == "those"
    )
    return list(named), LISTED if listed else "", named


# and how or where it spoke (", in a statement issued by Malaysia as chair,", ", on Monday,").
ASIDE_OPENERS = {
    "who", "whose", "which", "a", "an", "in", "on", "through", "via",
    "one", "traditionally", "historically", "long",  # ", traditionally one of Israel's allies,"
    "where", "all", "both", "each",  # ", where thousands have fled,", ", all of which left ...,"
}  # fmt: skip
# A speaker's circumstances set off by commas before a plain reporting verb (", speaking at a
# news conference in Dakar on Monday, said"): as long as they are, they do not part the two.
PARTICIPLES = {"speaking", "addressing", "talking", "writing", "answering", "responding"}
VOTE_VERBS = {"voted", "abstained"}
# How a speaker spoke, set off by commas before any verb (", in a message posted on X,
# warmly congratulated"): the medium, not background, so it never parts the two.
MEANS = {"in", "through", "via"}
LISTED = "a list of votes that names it"  # how a state named in "Those voting against ..." speaks


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
    openers = ASIDE_OPENERS | PARTICIPLES if plain else {"who", "whose"} | MEANS
    start = end
    if plain and end + 1 < p and doc[end].text == ",":
        name, after = name_span(doc, end + 1)  # "foreign minister, Ndèye Diagne, speaking ..."
        if name and after + 1 < p and doc[after].text == ",":
            start = after if doc[after + 1].lower_ in PARTICIPLES else end
    if (
        start + 1 < p
        and doc[start].text == ","
        and (doc[start + 1].lower_ in openers or (plain and _whose_aside(doc, start + 1, p)))
    ):
        last = next((k for k in range(p - 1, start + 1, -1) if doc[k].text == ","), -1)
        if last > start + 1 and p - last <= 3 and not any(in_quote[end:p]):
            return last + 1
    return end


def _whose_aside(doc, i: int, p: int) -> bool:
    """Whether an aside opens at ``i`` with another's name and its possessive ("China,
    Pakistan's closest ally and a big investor, said"): whose friend the speaker is, not who
    speaks."""
    return (
        i + 2 < p
        and doc[i].is_alpha
        and doc[i].text[:1].isupper()
        and doc[i + 1].text in POSSESSIVE
    )


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
        if holds_chair(doc, name_end(doc, after[0])):
            return []  # "issued by Peru, which holds the bloc's rotating presidency": the bloc's
        return chain_forward(doc, after)
    return []


# An organization's chair named after a state: ", which holds the group's rotating presidency".
HOLDS = {"holds", "held", "holding"}
CHAIRS = {"presidency", "chair", "chairmanship", "chairship"}
CHAIR_REACH = 8  # tokens from "which" to the chair


def holds_chair(doc, end: int) -> bool:
    """Whether ", which (currently) holds ... presidency" or "chair" follows a name ending at
    ``end``: a statement it issued as its organization's chair is the organization's."""
    words = [t.lower_ for t in doc[end : end + CHAIR_REACH]]
    if words[:2] != [",", "which"]:
        return False
    held = next((k for k, w in enumerate(words) if w in HOLDS), None)
    return held is not None and any(w in CHAIRS for w in words[held:])


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
        if m.kind == "organization" and [t.lower_ for t in gap] == [",", "including"]:
            chain = [m]  # "The Group of Seven, including Canada and Italy, said": its members
            continue  # are named, the statement is the organization's
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
    if not region and _others_after(doc, clause, words, in_quote, p):
        return [], ""  # '"...," said Park Ji-hoon, an analyst at ...': not the last speaker's
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


def _others_after(doc, clause: Clause, words, in_quote, p: int) -> bool:
    """Whether the speaker named after the verb is one who is not a government ('"...," said
    Park Ji-hoon, an analyst at Hanul Securities'; "traders said")."""
    return any(covers(words, "others", i) for i in range(p + 1, clause.end) if not in_quote[i])


def _others_before(words, p: int, start: int) -> bool:
    """Whether a word for someone who is not a government lies between the verb and a name."""
    return any(covers(words, "others", i) for i in range(p + 1, start))
