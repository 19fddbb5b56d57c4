"""The person who speaks for an actor, and their role, from the words around its name or verb."""

from __future__ import annotations

from reactionmap.draft.clauses import Clause
from reactionmap.draft.mentions import Mention, remit_and_name
from reactionmap.draft.tokens import (
    POSSESSIVE,
    name_at,
)


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
