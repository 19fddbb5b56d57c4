"""A stance taken from another actor's: "fully shares the position of our Chinese partners".

Sharing the position of an actor outside the event says nothing of the event by itself: it takes
that actor's stance. The cue is marked with the actor it names (``shares``) while the paragraph
is read; once every row of the article is drafted, a row decided by such a cue takes the stance
of the named actor's row, when the article has one that is not itself taken from another's.
Sharing a party's position stays ``support`` (on its side, as "stands with").
"""

from __future__ import annotations

from reactionmap.draft.cues import StanceCue

SHARE_REACH = 8  # tokens after the cue that may name whose position is shared
SHARE_WORDS = {"position", "positions", "view", "views", "stance", "assessment"}


def share_position(doc, cues: list[StanceCue], actors, parties) -> None:
    """Mark each support cue that shares a position ("shares the position of") with the code of
    the actor it names after it, within SHARE_REACH tokens and before punctuation, when that
    actor is no party to the event."""
    for cue in cues:
        if cue.stance != "support" or cue.negated or cue.turned:
            continue
        if not SHARE_WORDS & set(cue.text.lower().split()):
            continue
        for k in range(cue.end, min(len(doc), cue.end + SHARE_REACH)):
            if doc[k].is_punct and doc[k].text not in ('"', "“", "”"):
                break
            if k in actors:
                code = actors[k][1]
                cue.shares = "" if code in parties else code
                break


def take_shared(rows: list[dict[str, str]], shares: list[str]) -> None:
    """Give each row decided by a shared position (``shares[i]``, the code named) the stance of
    that actor's row in the article, with a note; rows whose stance is their own come first."""
    own: dict[str, str] = {}
    for row, code in zip(rows, shares, strict=True):
        if not code and row["stance"] != "party":
            own.setdefault(row["actor_iso3"], row["stance"])
    for row, code in zip(rows, shares, strict=True):
        if code and code in own:
            row["stance"] = own[code]
            row["notes"] += (
                f"; stance {own[code]} from {code}'s row: sharing its position takes its stance"
            )


SHARE_VERBS = {"share", "shares", "shared", "sharing"}
POSSESSIVE_MARKS = {"'s", "’s"}


def possessive_shares(doc, cues: list[StanceCue], actors, parties) -> None:
    """Add a support cue for "shared Niamey's position" (a verb of sharing, an actor, its
    possessive and a word of SHARE_WORDS), marked with that actor as "shares the position of"
    is, when it is no party to the event."""
    for i in range(len(doc) - 3):
        if doc[i].lower_ not in SHARE_VERBS or i + 1 not in actors:
            continue
        end, code = actors[i + 1]
        if end + 1 >= len(doc) or doc[end].text not in POSSESSIVE_MARKS:
            continue
        if doc[end + 1].lower_ not in SHARE_WORDS or any(c.start <= i < c.end for c in cues):
            continue
        shares = "" if code in parties else code
        text = doc[i : end + 2].text
        cues.append(StanceCue(i, end + 2, "support", 2, text, shares=shares))
    cues.sort(key=lambda c: c.start)
