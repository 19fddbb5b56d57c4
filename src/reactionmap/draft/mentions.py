"""Names of states and organizations in a sentence, each judged a possible speaker or not."""

from __future__ import annotations

from dataclasses import dataclass

from reactionmap.draft.lexicon import Lexicon
from reactionmap.draft.tokens import POSSESSIVE, covers, is_stance_word, name_at, name_span, starts


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


def find_mentions(doc, lex: Lexicon, words, in_quote) -> list[Mention]:
    """Actor mentions outside quotations, longest first, each judged speaker or not."""
    from spacy.util import filter_spans

    strings = lex.nlp.vocab.strings
    spans = []
    for match_id, start, end in lex.actors(doc):
        span = doc[start:end]
        span.label_ = strings[match_id]
        spans.append(span)
    roles = starts(words, "role")
    mentions: list[Mention] = []
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
        elif after > span.end and (role := role_after_words(doc, after, words, roles)) >= 0:
            mention.role_end = (
                role  # "India's external affairs ministry", "Turkey's defence ministry"
            )
        while 0 <= mention.role_end < len(doc) and mention.role_end in roles:
            mention.role_end = roles[mention.role_end]  # "foreign ministry spokesman": one role
        mention.blocked = blocked_reason(doc, mention, words, lex, roles)
        if not mention.blocked and mentions and mentions[-1].blocked.startswith("after"):
            # "allies of Washington and Caracas": a name joined to a blocked one is blocked too.
            gap = [t.lower_ for t in doc[name_end(doc, mentions[-1]) : mention.start]]
            if {"and", "or"} & set(gap) and all(w in (",", "and", "or", "the") for w in gap):
                mention.blocked = mentions[-1].blocked
        mentions.append(mention)
    by_capital(mentions)
    return mentions


def blocked_reason(doc, m: Mention, words, lex: Lexicon, roles) -> str:
    """Why a mention is not a speaker here ("" when it may be one)."""
    before = doc[m.start - 1] if m.start else None
    if before is not None and before.lower_ == "the" and m.start > 1:
        before = doc[m.start - 2]
    nxt = doc[m.end] if m.end < len(doc) else None
    if m.start and covers(words, "former", m.start - 1):
        return "former"
    relative = m.start > 1 and doc[m.start - 1].lower_ in ("which", "whom")
    if relative and covers(words, "preposition", m.start - 2):
        return "in a relative clause"  # "the OIC, of which Guyana is a member, said"
    if before is not None and before.lower_ in ("which", "whom") and doc[before.i - 1].text == ",":
        # ", which Qatar and the UAE offered to finance": what they did to something else, told
        # as background (a name joined to it is blocked too: the reason opens "after").
        return f"after '{before.text}': in a relative clause"
    if m.kind == "demonym" and m.role_end < 0:
        return "adjective"
    if _office_after_possessive(doc, m, words):
        return "an office of the state named before it"  # "Austria's Federal Foreign Office"
    prefixed = before is not None and before.i == m.start - 1 and before.i > 0
    if (
        m.kind == "institution"
        and before is not None
        and prefixed
        and before.is_alpha
        and before.text[:1].isupper()
        and before.lower_ not in ("a", "an")  # "A State Department spokesperson said"
    ):
        return "part of a longer name"  # "Federal Foreign Office" is not the UK's
    if nxt is not None and nxt.text in POSSESSIVE and m.role_end < 0:
        return "possessive"
    if m.role_end < 0 and nxt is not None and covers(words, "object", m.end):
        return "object"
    if m.kind == "capital" or m.text in lex.person_too:
        # "Santiago Peña", "President Santiago ...": a person, not a government.
        verb = covers(words, "speech", m.end) or is_stance_word(words, m.end)
        capital_next = nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct
        if capital_next and not verb and m.role_end < 0:
            return "person"
        if m.start and covers(words, "role", m.start - 1) and doc[m.start - 1].text[:1].isupper():
            return "person"
        previous = doc[m.start - 1] if m.start else None
        first_name = previous is not None and previous.is_alpha and not previous.is_stop
        if (
            first_name
            and previous is not None
            and previous.text[:1].isupper()
            and not covers(words, "role", previous.i)
        ):
            return "person"  # "Michael Jordan said": a first name before it
    if before is not None and covers(words, "preposition", before.i):
        word = before.lower_
        k = before.i - 1
        while k > 0 and before.i - k < 5 and doc[k].text[:1].isupper() and doc[k].is_alpha:
            if covers(words, "role", k):
                break
            k -= 1  # "President Javier Milei of Argentina": a role, a name, then "of"
        role_before = k >= 0 and covers(words, "role", k)
        if word == "of" and role_before and former_role(doc, k, words):
            return "former"  # "led by a former prime minister of Lesotho": no one's officer now
        if (word in ("from", "for") and (m.strong or role_before)) or (
            word == "of" and role_before
        ):
            return ""
        if word == "of" and before.i and doc[before.i - 1].lower_ in WORDS_OF:
            return ""  # "carried the words of the Arab League's Secretary-General, who said"
        if word in ("in", "at") and _setting_then_role(doc, before.i, m.end, words, roles):
            return ""  # "In Brazil, President Ana Lima spoke ...": the state of the role after it
        if word == "in" and before.i and doc[before.i - 1].lower_ in POSTED:
            return "where another state's envoy is posted"  # "Chile's ambassador in Lima, ..."
        if word == "like" or (word == "in" and apposed_person(doc, m.end)):
            return ""  # "Trump's ally in Argentina, Javier Milei, wrote ..."
        if (
            word == "in"
            and m.kind == "capital"
            and before.i
            and covers(words, "role", before.i - 1)
            and doc[before.i - 1].lower_ not in POSTED
        ):
            # "the foreign ministry in Paris said": the ministry of the capital's state; but an
            # embassy or an ambassador in a capital ("the US embassy in Madrid", "Chile's
            # ambassador in Lima") is another state's, posted there.
            return ""
        return f"after '{before.text}'"
    return ""


def _setting_then_role(doc, at: int, end: int, words, roles) -> bool:
    """Whether "In <state>," opens the sentence at ``at`` and a role follows the comma ("In
    Brazil, President Ana Lima said"): the role is that state's, as "In Washington, a State
    Department spokesperson said" is the United States'; "And at the Arab League in Cairo,
    the secretary-general said" is the League's (its seat's city, named after it, no actor)."""
    if at and doc[at - 1].lower_ in ("and", "but"):
        at -= 1  # "And at the Arab League, ..."
    opens = at == 0 or doc[at - 1].text in (".", "!", "?", "\n") or doc[at - 1].is_space
    if end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].text[:1].isupper():
        end += 2  # "at the Arab League in Cairo,": the seat's city (one or two words)
        end += end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha
    after = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ in ("the", "a", "an", "its"))
    if not (opens and end < len(doc) and doc[end].text == ","):
        return False
    return after in roles or role_after_words(doc, after, words, roles) >= 0  # "Asia minister"


# Roles posted in another state's capital: "in" the capital after them names where, not whose.
POSTED = {"embassy", "embassies", "ambassador", "ambassadors", "envoy", "consulate", "consul"}

# Nouns for what someone said: the actor after their "of" said it ("the words of", "the
# statement of").
WORDS_OF = {"words", "statement", "remarks", "reply", "comments"}


# A short name two states share, and the capital that tells which one a paragraph means:
# "Congo's government spokesman ... told a news conference in Kinshasa" is the DR Congo.
SHARED_NAMES = {"Congo": {"COD", "COG"}}


def _office_after_possessive(doc, m: Mention, words) -> bool:
    """Whether an institution whose title ends in a role ("Federal Foreign Office") follows a
    possessive ("Austria's"): the state before it speaks through that office, whichever state
    the title names alone."""
    if m.kind != "institution" or not covers(words, "role", m.end - 1):
        return False
    k = m.start - 1
    return k >= 0 and doc[k].text in POSSESSIVE


# Words before a role that a possessive's name leaves open ("India's external affairs
# ministry") but that say the person is not the government's ("Niger's ousted president").
NOT_THE_GOVERNMENT = {
    "ousted", "deposed", "detained", "toppled", "jailed", "exiled", "former", "opposition", "party",
}  # fmt: skip
ROLE_REACH = 2  # words between "'s" and the role: lowercase, or capitalised up to the role


def role_after_words(doc, i: int, words, roles) -> int:
    """The end of a role that follows a possessive after at most ROLE_REACH lowercase words
    ("'s external affairs ministry"), or two such remits joined by one "and" ("'s trade and
    industry minister", "'s Middle East and North Africa minister"), or -1."""
    titled, reach, joined = False, i + ROLE_REACH, False
    for k in range(i, len(doc)):
        token = doc[k]
        if token.lower_ == "and" and not joined and i < k <= reach and k + 1 not in roles:
            joined, reach, titled = True, k + 1 + ROLE_REACH, False
            continue  # the title's second remit: "trade and industry"
        if k >= reach:
            return -1
        if not token.is_alpha or token.lower_ in NOT_THE_GOVERNMENT:
            return -1
        if token.text.islower() and titled:
            return -1
        if token.text.isupper() and len(token) > 1 and k + 1 in roles:
            return roles[k + 1]  # a body's short name right before its role ("'s KCNA news agency")
        titled = token.text.istitle()
        if not token.text.islower() and not titled:
            return -1  # capitalised words only up to the role ("'s Nuclear Safety Commission")
        if covers(words, "former", k) or covers(words, "speech", k) or is_stance_word(words, k):
            return -1
        if k + 1 in roles:
            return roles[k + 1]
    return -1


def by_capital(mentions: list[Mention]) -> None:
    """Give a shared short name (SHARED_NAMES) the code of the one state among its readings
    whose capital the same paragraph names."""
    capitals = {m.code for m in mentions if m.kind == "capital"}
    for m in mentions:
        named = SHARED_NAMES.get(m.text, set()) & capitals
        if m.kind == "name" and len(named) == 1:
            m.code = named.pop()


def former_role(doc, k: int, words) -> bool:
    """Whether the role that ends at token k has a former word before it ("a former prime
    minister", "the ex-president"), a capitalised name between them or not."""
    while k >= 0 and not covers(words, "former", k):
        if not (covers(words, "role", k) or doc[k].text == "-" or doc[k].text[:1].isupper()):
            return False
        k -= 1
    return k >= 0


def apposed_person(doc, i) -> bool:
    """A person's name set off by commas right after a mention: ", Javier Milei,"."""
    if i >= len(doc) or doc[i].text != ",":
        return False
    name = name_at(doc, i + 1)
    end = i + 1 + len(name.split())
    return bool(name) and end < len(doc) and doc[end].text == ","


def name_end(doc, m: Mention) -> int:
    """Where a speaker's words end: after its role and the person's name, if any."""
    if m.role_end < 0:
        return m.end
    name, end = name_span(doc, m.role_end)
    if name:
        return end
    name, end = remit_and_name(doc, m.role_end)
    return end if name else m.role_end


REMIT_WORDS = 6  # lowercase words of a role's remit before ", Name,"


def remit_and_name(doc, i: int) -> tuple[str, int]:
    """The person's name set off by commas after a role's lowercase remit ("minister of state
    for foreign affairs, Khalid bin Rashid al-Mannai, said") and the token after it, or ("", i)."""
    k = i
    while k < len(doc) and k - i < REMIT_WORDS and doc[k].is_alpha and doc[k].text.islower():
        k += 1
    if k == i or k >= len(doc) or doc[k].text != ",":
        return "", i
    name, end = name_span(doc, k + 1)
    return (name, end) if name and end < len(doc) and doc[end].text == "," else ("", i)
