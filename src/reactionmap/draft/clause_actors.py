"""Who a clause reports speaking: the actors it names, or the speaker it refers back to."""

from __future__ import annotations

from reactionmap.draft.clauses import Clause
from reactionmap.draft.colon_leads import anaphor_then_quote, past_colon_lead
from reactionmap.draft.cues import verbal
from reactionmap.draft.mentions import Mention, name_end
from reactionmap.draft.reading import Reading
from reactionmap.draft.speakers import LISTED, State, carry, has_cue, speakers_of
from reactionmap.draft.statement import AN_ACT, not_a_statement
from reactionmap.draft.tokens import (
    covers,
    name_span,
)


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
            and how != LISTED
            and not (text.heading and has_cue(text.cues, clause))
        ):
            if not text.heading and opening_actor(text, clause) in codes:
                # "Ghana closed its border": no statement, but "it" or "Foreign Minister
                # Kwame Ofori-Mensah" just after refers to Ghana.
                state.current = codes
            return [], "", {}  # a name and a stance word but no verb: no one is reported speaking
        if why := not_a_statement(doc, clause, words, in_quote, list(by_code.values())):
            if why.endswith(AN_ACT) and opening_actor(text, clause) in codes:
                state.current = codes  # "Kenya recalled its ambassador. ... it called"
            return [], "", {}  # speculation or background about them (draft.statement)
        return codes, how, by_code
    if clause.predicate < 0 and text.item_code and only_quoted(text, clause):
        # "Kazakhstan – "We welcome ..."[15]": an entry that is only a quotation is its lead's.
        return [text.item_code], f"{state.default_cue}, whose entry is only a quotation", {}
    if _lead_words(text, clause):
        # '• US — State Dept' then '– "condemns the seizure"; the rebels "must withdraw"':
        # a sub-bullet with no verb of its own is the words of the actor its bullet names;
        # 'GCC Secretary-General ...: the Council "calls for restraint"' is the lead's.
        return [text.item_code], f"{state.default_cue}, whose entry this is", {}
    if (quoting := _quote_before_verb(text, clause)) is not None:
        # 'The UN Secretary-General "welcomes ...", his spokesperson said': the quotation's
        # speaker opens the clause; the reporting verb after it names who relayed it.
        return [quoting.code], "", {quoting.code: quoting}
    if (named := _quoted_after_that(text, clause)) is not None:
        # 'Spokesperson Lin Jiaqi said that China "hopes ..."': a government quoted speaking
        # of itself, by an officer whose state the clause does not name.
        return [named.code], "", {named.code: named}
    if clause.predicate < 0 and state.current and _anaphor_quoted(text, clause):
        return list(state.current), REFERS, {}  # 'The bloc "firmly rejects ..."'
    if clause.predicate < 0 and not text.paragraph.continues:
        if who := opening_actor(text, clause) or opening_officer(text, clause):
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


REFERS = "words that refer back to the last speaker, before its quotation"


def _anaphor_quoted(text: Reading, clause: Clause) -> bool:
    """'The bloc "firmly rejects ..."': words that refer back, then a quotation with a cue."""
    end = text.words.starts_of("anaphor").get(clause.start, -1)
    return anaphor_then_quote(text.doc, text.in_quote, end, text.cues, clause.end)


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


def _lead_words(text: Reading, clause: Clause) -> bool:
    """Whether a clause with no verb and a stance cue is the words of its list item's lead: a
    sub-bullet's entry, or a quotation naming no other actor."""
    if clause.predicate >= 0 or not text.item_code or not has_cue(text.cues, clause):
        return False
    return text.under_lead or (has_quote(text, clause) and not _names_actor(text, clause))


def _names_actor(text: Reading, clause: Clause) -> bool:
    """Whether a clause names an actor (one that may speak) anywhere in it."""
    return any(clause.start <= m.start < clause.end and not m.blocked for m in text.mentions)


def has_quote(text: Reading, clause: Clause) -> bool:
    """Whether a clause holds a quotation."""
    return any(text.in_quote[clause.start : clause.end])


def only_quoted(text: Reading, clause: Clause) -> bool:
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
    verb is in the quoted words. A state's own name counts too where the quotation opens with
    the verb ('... on Thursday: Pakistan "condemns this attack"')."""
    doc = text.doc
    for m in named:
        end = name_end(doc, m)
        if m.role_end < 0 and not _verb_quoted(text, end, clause.end):
            continue
        if end + 1 < clause.end and doc[end].is_lower and verbal(doc[end].lower_):
            end += 1  # 'Tanzania's foreign ministry extended "its warmest congratulations"'
        elif m.role_end < 0 and end + 1 < clause.end and doc[end].lower_ in HELPERS:
            end += 1  # 'China has "noted the reports"'
        if m.role_end >= 0:
            end = _past_colon(text, end, clause.end)  # 'Spain's prime minister was briefer:'
        opens = end < clause.end and doc[end].text in ('"', "“") and not text.in_quote[end]
        inside = end + 1 < len(doc) and text.in_quote[end + 1]
        if (
            opens
            and inside
            and any(end < c.start < clause.end and text.in_quote[c.start] for c in text.cues)
        ):
            return True
    return False


COLON_REACH = 8  # tokens between an officer and the colon before their quoted words


def _past_colon(text: Reading, end: int, stop: int) -> int:
    """The token after a colon that closes a few words about an officer, with no verb that
    reports and no other name ('... prime minister was briefer on Tuesday: "..."'), or ``end``."""
    speech, starts = text.words.covered("speech"), {m.start for m in text.mentions}
    for k in range(end, min(stop, end + COLON_REACH)):
        if text.in_quote[k] or k in speech or k in starts:
            return end
        if text.doc[k].text == ":":
            return k + 1
    return end


def _verb_quoted(text: Reading, end: int, stop: int) -> bool:
    """Whether a quotation opens at ``end`` with a verb in the present ('"condemns ...'),
    the quoted words of whoever is named just before it; or after "has" or "is", a participle
    or an adjective ('China has "noted ..."', 'Peru is "deeply troubled"')."""
    doc = text.doc
    helped = end < stop and doc[end].lower_ in HELPERS  # 'China has "noted ..."'
    end += helped
    first = end + 1
    return (
        first < stop
        and doc[end].text in ('"', "“")
        and text.in_quote[first]
        and doc[first].is_lower
        and (helped or (doc[first].lower_.endswith("s") and verbal(doc[first].lower_)))
    )


def _quote_before_verb(text: Reading, clause: Clause) -> Mention | None:
    """The actor that opens a clause and is followed right away (after its officer's ", Name,")
    by a quotation holding a stance cue, with the clause's reporting verb after the quotation
    ('SADC's executive secretary, Jane Doe, "congratulates ...", the bloc said'), or None."""
    code = opening_actor(text, clause)
    m = next((m for m in text.mentions if clause.start <= m.start < clause.end), None)
    if not code or m is None or m.code != code:
        return None
    doc, end = text.doc, name_end(text.doc, m)
    if m.role_end >= 0 and end == m.role_end and end < clause.end and doc[end].text == ",":
        name, after = name_span(doc, end + 1)
        end = after + 1 if name and after < clause.end and doc[after].text == "," else end
    end = _past_aside(text, end, clause.end)
    end = past_colon_lead(doc, text.in_quote, end, clause.end)  # "The UAE went further: "...""
    if not (end + 1 < clause.end and doc[end].text in ('"', "“") and text.in_quote[end + 1]):
        return None
    close = end + 1
    while close < clause.end and text.in_quote[close]:
        close += 1
    cued = any(end < c.start < close for c in text.cues)
    return m if cued and close <= clause.predicate < clause.end else None


THAT_REACH = 8  # tokens between a reporting verb and the "that" after it ("said on Tuesday that")


def _quoted_after_that(text: Reading, clause: Clause) -> Mention | None:
    """The actor named right after a reporting verb's "that" and followed right away (past an
    aside, or its own reporting verb) by a quotation ('told reporters in Belgrade that Serbia
    "has the right ..."', 'It reported that the UAE's foreign ministry had expressed "..."'),
    or None; not after a columnist's, a newspaper's or an analyst's verb, whose words they are."""
    doc, in_quote, speech = text.doc, text.in_quote, text.words.covered("speech")
    starts = {m.start: m for m in text.mentions if not m.blocked}
    for i in range(clause.start + 1, clause.end - 2):
        at = i + 2 if i + 2 < clause.end and doc[i + 1].lower_ == "the" else i + 1
        told = doc[i].lower_ in HEARERS and doc[i - 1].lower_ in ("told", "tells", "assured")
        if in_quote[i] or not (doc[i].lower_ == "that" or told) or at not in starts:
            continue
        if not any(k in speech for k in range(max(clause.start, i - THAT_REACH), i)):
            continue
        if any(doc[k].lower_ in PRESS for k in range(clause.start, i)):
            continue  # 'the columnist suggested that Washington "could ..."': his words
        m = starts[at]
        end = _past_aside(text, name_end(doc, m), clause.end)
        if doc[end - 1].lower_ in COPULAS and m.kind == "capital":
            end = name_end(doc, m)  # 'that Brussels was "in close contact"': a place, maybe
            # (but 'that Guinea was "concerned ..."': a state's name is the state)
        end = _past_verb(text, end, clause.end)
        if end + 1 < clause.end and doc[end].text in ('"', "“") and in_quote[end + 1]:
            return m
        if _told_in_person(text, clause, i, end):
            return m  # 'He told me the United States understands ...': the state he speaks for
    return None


AUXILIARIES = {"had", "has", "have", "was", "were"}
HEARERS = {"me", "us"}  # who a minister was told something by a government: 'told me'


def _told_in_person(text: Reading, clause: Clause, i: int, end: int) -> bool:
    """Whether the words after 'told me (that)' open with the named state's own verb and
    hold a stance cue ('He told me that Ghana condemns ...'): the teller spoke for it, even
    without a quotation; ``i`` is the "that" or the hearer, ``end`` the token after the name."""
    doc = text.doc
    hearer = doc[i].lower_ in HEARERS or doc[i - 1].lower_ in HEARERS
    verb = end < clause.end and doc[end].is_lower and doc[end].lower_.endswith("s")
    return hearer and verb and has_cue(text.cues, clause)


HELPERS = {"has", "have", "is", "are"}  # between a name and its quoted participle or adjective
# Who writes opinion in a paper: a name after their verb's "that" is what they write about.
PRESS = {"columnist", "columnists", "editorial", "editorials", "commentator", "commentators"}


def _past_verb(text: Reading, end: int, stop: int) -> int:
    """The token after an actor's own reporting verb, with its auxiliary ('... reported that
    the UAE's foreign ministry had expressed "full solidarity"'); ``end`` when there is none."""
    doc, k = text.doc, end
    while k < stop and doc[k].lower_ in AUXILIARIES:
        k += 1
    return k + 1 if k < stop and k in text.words.covered("speech") else end


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


def opening_actor(text: Reading, clause: Clause) -> str:
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


def opening_officer(text: Reading, clause: Clause) -> str:
    """The actor whose officer opens the clause ("Tuvalu's foreign minister, ... was"), or ""."""
    first = next((m for m in text.mentions if clause.start <= m.start < clause.end), None)
    if first is None or first.start != clause.start or first.blocked != "possessive":
        return ""
    return first.code if first.role_end >= 0 else ""
