"""Stance cues aimed at something other than the event: a people or a crowd, terrorism, reports."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reactionmap.draft.cues import StanceCue

OBJECT_REACH = 8  # tokens after a cue that may hold its object
# Those a siding cue may stand with who are neither a side of the event nor its action.
CROWDS = {
    "people", "peoples", "protesters", "protestors", "demonstrators", "citizens", "voters",
    "opposition", "crowds", "society",
}  # fmt: skip
# Terrorism in general: condemning it is not condemning an action taken against it.
TERRORISM = {"terrorism", "terrorists", "terror"}
# An attack by militants ("the terrorist attack on the pilgrims"): when a state acted on another,
# condemning it condemns what came before the act, not the act.
MILITANT = {"terrorist", "militant", "militants"}
# Words that say a wrong is only reported, not the speaker's own charge.
REPORTED = {("reports", "of"), ("allegations", "of"), ("claims", "of"), ("accounts", "of")}
SENTENCE_ENDS = {".", ";", "!", "?"}


def side_with_crowd(doc, cues: list[StanceCue], actors, against) -> None:
    """Turn each siding cue ("stand with", "solidarity with") whose object is a people or a
    crowd ("the Georgian people", "the protesters") to ``neutral``, unless it names whom the
    action was taken against (draft.relative turns that one): it sides with them, not with the
    event's action, so the row's other cues decide. Only beside a criticism in the same
    paragraph: "stands with the people of X in this difficult hour" after a disaster, with no
    reproach, is solidarity with the event's party."""
    critical = any(c.stance in ("condemn", "concern") and not c.negated for c in cues)
    for cue in cues:
        words = cue.text.lower().split()
        siding = words[-1] == "with" or words[0] == "solidarity"
        if cue.stance != "support" or cue.negated or cue.turned or not siding:
            continue
        end = cue.end
        while end < min(len(doc), cue.end + OBJECT_REACH) and not doc[end].is_punct:
            end += 1
        if any(k in actors and actors[k][1] in against for k in range(cue.end, end)):
            continue  # "solidarity with the people of Niger", whose government was ousted
        crowd = next((k for k in range(cue.end, end) if doc[k].lower_ in CROWDS), None)
        if crowd is not None and critical:
            cue.turned, cue.toward = "neutral", doc[cue.end : crowd + 1].text
            cue.aimed = f"sides with {cue.toward!r}, who dispute the event, not with its action"


def condemn_terrorism(doc, cues: list[StanceCue], acted: bool = False) -> None:
    """Turn each condemnation whose object is terrorism in general ("condemns PKK terrorism",
    "condemn terrorism in all its forms") or a practice in all its forms ("condemns
    hostage-taking in all its forms") to ``neutral``: it condemns those an operation is
    aimed at, not the operation; the row's other cues decide. When a state acted on another
    (``acted``), a militant attack ("condemns the terrorist attack") is such an object too: the
    attack that led to the act, not the act."""
    words = TERRORISM | MILITANT if acted else TERRORISM
    for cue in cues:
        if cue.stance != "condemn" or cue.negated or cue.turned:
            continue
        for k in range(cue.end, min(len(doc), cue.end + OBJECT_REACH)):
            if doc[k].is_punct and doc[k].text != "-":  # "hostage-taking" is one word
                break
            if doc[k].lower_ in words or _in_all_forms(doc, k):
                militant = doc[k].lower_ in MILITANT
                cue.turned, cue.toward = "neutral", doc[cue.end : k + 1 + militant].text
                cue.aimed = (
                    f"condemns {cue.toward!r}, which came before the act, not the act"
                    if militant
                    else f"condemns {cue.toward!r}, those an operation is aimed at, not it"
                )
                break


def _in_all_forms(doc, k: int) -> bool:
    """Whether a practice is condemned in general ("hostage-taking in all its forms")."""
    return [t.lower_ for t in doc[k + 1 : k + 5]] == ["in", "all", "its", "forms"]


def reported_wrongs(doc, cues: list[StanceCue]) -> None:
    """A wrong the sentence only reports ("notes reports of serious irregularities, including
    ... breaches of ballot secrecy"): a condemning word after "reports of", "allegations of"
    and the like, up to the sentence's end, is read as ``concern``. A condemnation the speaker
    says with a verb of its own (weight 3: "and condemns the violence") keeps its stance."""
    from reactionmap.draft.cues import verbal  # draft.cues calls this module: imported late

    reported_from = -1
    cue_at = {cue.start: cue for cue in cues}
    for i, token in enumerate(doc):
        if token.text in SENTENCE_ENDS:
            reported_from = -1
        elif i and (doc[i - 1].lower_, token.lower_) in REPORTED:
            reported_from = i
        cue = cue_at.get(i)
        if cue and reported_from >= 0 and cue.stance == "condemn":
            said = cue.weight >= 3 and verbal(cue.text.split()[0].lower())
            cue.stance = cue.stance if said else "concern"


# Words that open a reserve after a concession ("recognised ... concerns but urged ...").
RESERVES = {"but", "however", "nonetheless", "nevertheless", "yet", "still"}
RESERVE_PHRASES = {("at", "the", "same", "time")}
# Support that only grants the acting side a point ("legitimate security concerns",
# "understands the position"), which a reserve after it outweighs; a welcome is not one.
CONCESSIONS = {"legitimate", "understands", "understand", "understood", "understanding"}
# A call after the reserve is the reserve's stance even without a stance word of its own.
RESERVE_REACH = 40  # tokens a concession's sentence, and the reserve's, are read for (linear time)
CALL_WORDS = {"urged", "urges", "urge", "urging", "called", "calls", "call", "asked", "must"}


def conceded(doc, cues: list[StanceCue]) -> None:
    """A concession followed by a reserve ("understands X's legitimate security concerns. At
    the same time, we call for proportionality", "recognised ... concerns but urged ...
    restraint"): a support cue that only grants a point (CONCESSIONS), read before "but",
    "however", "at the same time" and the like, in its sentence or opening the next, with a
    call, a concern or a condemnation after the reserve, is read as ``concern``: the reserve is
    the speaker's stance."""
    ends = [i for i, t in enumerate(doc) if t.text in SENTENCE_ENDS] + [len(doc)]
    against = [c.start for c in cues if c.stance in ("concern", "condemn")]  # in reading order
    for cue in cues:
        granted = any(w in CONCESSIONS for w in cue.text.lower().split())
        if cue.stance != "support" or cue.negated or cue.turned or not granted:
            continue
        at = bisect_left(ends, cue.end)
        stop = min(ends[at], cue.end + RESERVE_REACH)
        after = min(ends[at + 1] if at + 1 < len(ends) else len(doc), stop + RESERVE_REACH)
        reserve = next((k for k in range(cue.end, stop) if doc[k].lower_ in RESERVES), None)
        opener = stop + 1
        phrase = tuple(t.lower_ for t in doc[opener : opener + 4])
        opens = opener < len(doc) and (doc[opener].lower_ in RESERVES or phrase in RESERVE_PHRASES)
        if reserve is None and opens:
            reserve, stop = opener, after
        if reserve is None:
            continue
        called = any(doc[k].lower_ in CALL_WORDS for k in range(reserve, stop))
        k = bisect_right(against, reserve)
        if called or (k < len(against) and against[k] < stop):
            cue.turned, cue.toward = "concern", doc[reserve:stop].text
            cue.aimed = f"is followed by a reserve, {doc[reserve].text!r}: read as concern"


# Words that only say how strongly a verb's stance is meant ("condemns settler terrorism in the
# strongest terms"): they are aimed where the verb before them is.
INTENSIFIERS = {"strongest terms", "strongest possible terms", "strongly", "firmly"}
INTENSIFIER_REACH = 8  # tokens from the verb's cue to its intensifier


def follow_verb(doc, cues: list[StanceCue]) -> None:
    """An intensifier just after a cue turned away from the event turns with it."""
    before: StanceCue | None = None
    for cue in cues:
        near = before is not None and cue.start - before.end <= INTENSIFIER_REACH
        gap = doc[before.end : cue.start] if before is not None else []
        if (
            before is not None
            and near
            and before.turned
            and cue.text.lower() in INTENSIFIERS
            and not cue.turned
            and not any(t.text in SENTENCE_ENDS for t in gap)
        ):
            cue.turned, cue.toward = before.turned, before.toward
            cue.aimed = f"says how strongly '{before.text}' is meant, which is turned"
        before = cue
