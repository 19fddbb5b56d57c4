"""A list of votes ("Those voting against included Belarus, Nicaragua and Syria"): its voters.

A sentence that opens with the voters of one side ("Those voting against", "Those in favour")
and then "included", "were" or "are" names, after that verb, the states that voted so: each is
a speaker of the sentence (its vote, the sentence's cue, is its stance), though it stands where
a verb's object would.
"""

from __future__ import annotations

from reactionmap.draft.mentions import Mention

LIST_VERBS = {"included", "include", "includes", "were", "are", "was"}
REACH = 6  # tokens from "Those" to the list's verb ("Those who voted in favour included")


def listed_voters(doc, start: int, end: int, inside: list[Mention], words) -> list[Mention]:
    """The states a list of votes between ``start`` and ``end`` names, or []."""
    if start >= end or doc[start].lower_ != "those":
        return []
    ends = [
        e for k, spans in words.items() if k.startswith("stance:") for s, e in spans if s == start
    ]
    if not ends:
        return []
    cue = max(ends)
    verb = next((i for i in range(cue, min(end, cue + REACH)) if doc[i].lower_ in LIST_VERBS), None)
    if verb is None:
        return []
    return [m for m in inside if m.start > verb]
