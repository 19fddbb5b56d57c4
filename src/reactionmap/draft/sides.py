"""More words naming the side an action was taken against: an organization's bodies and people.

When the side acted against is an organization (``--against EU``), its own names are not the
only words for it: "the Commission" or "the Council" (the last word of a name of its body that
organizations.csv gives, after "the") and "our European friends" (the adjective its name
begins with, before a word for people or partners) name it too, so backing them ("We stand
united behind the Commission", "stands with our European friends") opposes the action, as
backing "the EU" does. The rulers a coup put in place are not the side it hit: a nationality
after "new" or "transitional" ("the new Chadian authorities") names who took power.
"""

from __future__ import annotations

from reactionmap.places.resolver import CountryResolver

NEW_RULERS = {"new", "transitional", "interim"}
BODY_WORDS = {"commission", "council", "parliament", "secretariat", "union"}


def organization_sides(doc, codes, resolver: CountryResolver, people: set[str]) -> dict[int, int]:
    """First token -> token after the words naming an organization among ``codes``."""
    bodies: set[str] = set()
    adjectives: set[str] = set()
    for organization in resolver.organizations():
        if organization.code not in codes:
            continue
        for name in (organization.name, *organization.aliases):
            words = name.split()
            if len(words) > 1 and words[-1].lower() in BODY_WORDS:
                bodies.add(words[-1].lower())
            if len(words) > 1 and words[0].endswith("an") and words[0][0].isupper():
                adjectives.add(words[0])
    side: dict[int, int] = {}
    for i in range(1, len(doc)):
        body = doc[i].lower_ in bodies and doc[i - 1].lower_ == "the" and doc[i].text[0].isupper()
        if body or (doc[i - 1].text in adjectives and doc[i].lower_ in people):
            side[i - 1] = i + 1
    return side
