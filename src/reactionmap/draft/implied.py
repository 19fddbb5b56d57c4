"""The actor of a clause that names no speaker: its subject, a gathering, a junta, "on behalf of"."""

from __future__ import annotations

from reactionmap.draft.clauses import Clause
from reactionmap.draft.finding import GATHERINGS
from reactionmap.draft.lexicon import Lexicon
from reactionmap.draft.reading import Reading
from reactionmap.draft.tokens import (
    covers,
    name_span,
    starts,
)

# The words of a sentence that only brings an actor in ("Then there is Qatar.", "Next comes
# Qatar.", "Finally, Qatar."): the actor is the one the next sentence refers back to.
INTRODUCING = {
    "then", "there", "is", "are", "was", "comes", "come", "came", "next", "finally", "lastly",
    "last", "and", "now", "also", "to", "turn", "turning", "as", "for",
}  # fmt: skip


def introduced_actor(text: Reading, clause: Clause) -> str:
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


def place_opener(text: Reading, clause: Clause) -> str:
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


QUOTE_OPENERS = {'"', "“"}
TENSE = {"has", "have", "had"}  # between the state and its quoted participle


def reported_subject(text: Reading, clause: Clause) -> tuple[list[str], str]:
    """The speaker of a clause whose officer names no state of its own and whose reported
    words open with the state they speak for ("From Kabul, the government's spokesman said
    Afghanistan \\"respects ...\\""): that state, when its quotation follows its name at once.
    A state named before the verb other than that one (an EU spokesperson) leaves no speaker."""
    doc, p = text.doc, clause.predicate
    if p < 0 or not covers(text.words, "speech", p):
        return [], ""
    roles = starts(text.words, "role")
    if not any(clause.start <= r < p for r in roles):
        return [], ""
    k = p + 1 + (p + 1 < clause.end and doc[p + 1].lower_ == "that")
    named = next((m for m in text.mentions if m.start == k and not text.in_quote[k]), None)
    if named is None or named.end >= len(doc):
        return [], ""
    q = named.end + int(doc[named.end].lower_ in TENSE)  # 'said China had "noted ..."' too
    if q >= len(doc) or doc[q].text not in QUOTE_OPENERS:
        return [], ""
    before = [m for m in text.mentions if clause.start <= m.start < p]
    if any(m.code != named.code for m in before):
        return [], ""
    return [named.code], f"'{named.text}', whose words its officer reports"
