"""The rules that read a stance cue against its object, and the words they look for."""

from __future__ import annotations

from reactionmap.draft.cues import StanceCue

REACH = 8  # tokens after a cue that may hold its object
SIDE_WORDS = {"ousted", "deposed", "toppled", "overthrown", "detained", "elected", "legitimate"}
PRONOUNS = {"him", "her"}
ACT_PRONOUNS = {"it", "this"}  # a support cue's object that is the act itself ("backs it")
PEOPLE = {
    "people", "peoples", "nation", "population", "citizens", "nationals", "colleagues",
    "friends", "brothers", "sisters", "diplomats", "staff", "neighbours", "neighbors",
    "partners", "allies", "counterparts",
}  # fmt: skip
REPROACHES = {"condemnation", "condemnations", "criticism", "criticisms", "censure"}
ACCUSATIONS = {
    "accusation", "accusations", "allegation", "allegations", "charge", "charges",
    "insinuation", "insinuations", "suggestion", "suggestions",
}  # fmt: skip
# Ways of handling an event that a condemnation may be aimed at instead of the event itself:
# "opposes the politicisation of humanitarian issues" says nothing of the event; interference
# only when it is in "other countries" in general, not in a party's affairs.
PRACTICES = {"politicisation", "politicization", "politicising", "politicizing"}
GENERAL_INTERFERENCE = {"interference", "meddling"}
OTHERS = {"other countries", "other states", "other nations", "any country", "any state"}
# Words that dismiss an accusation between the verb and it ("rejected baseless accusations").
DISMISSIVE = {
    "baseless", "unfounded", "groundless", "false", "absurd", "fabricated", "unsubstantiated",
    "spurious", "such", "these", "those", "all",
}  # fmt: skip
# The region made the field of others' quarrels ("rejects turning the region into an arena for
# settling scores"): rejecting that asks for calm, it does not condemn the act.
ARENAS = {"arena", "arenas", "battlefield", "battleground", "battlegrounds", "theatre", "theater"}
SCORES = {("settling", "scores"), ("settle", "scores"), ("proxy", "war"), ("proxy", "wars")}
ACCUSATION_ENDS = {",", ";", ".", "!", "?", '"', "“", "”"}
# Action against the event's authors ("the arrest of the attackers"): welcoming it condemns them.
SANCTIONS = {"arrest", "arrests", "capture", "prosecution", "trial", "conviction", "sentencing"}
AUTHORS = {
    "attackers", "perpetrators", "culprits", "assailants", "gunmen", "killers", "plotters",
    "those", "authors", "suspects",
}  # fmt: skip
# The end of the action for those it held ("the release of the hostages"): welcoming it sides
# with them, and so condemns the action.
RELEASES = {"release", "freeing", "liberation"}
# The act's failure ("welcomed the failure of the attempt"): welcoming it opposes the act.
FAILURES = {"failure", "foiling", "thwarting", "defeat", "collapse", "quelling", "suppression"}
# Forces that stayed loyal to the side acted against ("salutes the loyalty of the armed forces
# to the republican institutions", "praised the loyal troops"): backing them opposes the act.
LOYALTY = {"loyalty", "loyal", "loyalist", "loyalists"}
HELD = {"hostages", "captives", "detainees", "abductees", "diplomats", "staff"}
OBJECT_LINKS = {"the", "a", "an", "any", "all", "its", "this", "that", "these", '"', "“", "”"}
# Words between a siding cue and whom it sides with: "solidarity with Japan", "stands with the".
SIDE_LINKS = {"with", "the", "full", "its", "our", "their", "firm", "unwavering", "total"}
# Penalties on whoever acted: opposing them shields it ("oppose new sanctions against X").
PENALTIES = {"sanctions", "sanction", "penalties", "pressure", "punishment", "measures"}
PENALTY_REACH = 16  # tokens after an opposing cue that may hold the penalty it opposes
CLAUSE_ENDS = {".", ";", "!", "?", '"', "”", "but", "while"}
# Words that end a cue's object before it reaches a name: "supports the strikes on Venezuela"
# supports the strikes, not Venezuela.
STOPS = {"against", "on", "in", "into", "over", "at", "by", ".", ";", "!", "?", "but", "while"}


def arena_words(doc, end: int) -> str:
    """The words after a condemnation up to an arena or a quarrel it rejects the region being
    made ("turning the region into an arena for settling scores"), or "": within REACH + 4
    tokens, before the clause ends."""
    for k in range(end, min(len(doc), end + REACH + 4)):
        word = doc[k].lower_
        if word in CLAUSE_ENDS:
            return ""
        pair = (word, doc[k + 1].lower_) if k + 1 < len(doc) else ("", "")
        if word in ARENAS or pair in SCORES:
            return doc[end : k + (2 if pair in SCORES else 1)].text.strip(' "“”')
    return ""


def hit_object(doc, cue: StanceCue, actors, hit, acting) -> str:
    """The words naming whom the action was taken against when a condemning verb takes them
    as its object ("accused Madrid of ...", "blamed the Spanish government"), or ""."""
    j = cue.end + (1 if cue.end < len(doc) and doc[cue.end].lower_ == "the" else 0)
    if j in actors and actors[j][1] in hit and actors[j][1] not in acting:
        return doc[j : actors[j][0]].text
    return ""


def is_practice(doc, j: int) -> bool:
    """Whether the object at ``j`` is a way of handling events in general (PRACTICES), or
    interference in "other countries" with no party named."""
    word = doc[j].lower_
    if word in PRACTICES:
        return True
    if word not in GENERAL_INTERFERENCE:
        return False
    after = doc[j + 1 : j + 1 + REACH]
    pairs = {f"{a.lower_} {b.lower_}" for a, b in zip(after, after[1:], strict=False)}
    return bool(pairs & OTHERS)


def welcome_sanction(doc, cues: list[StanceCue]) -> None:
    """Turn each welcome of action against the event's authors ("welcomes the arrest of the
    attackers", "welcomed the arrests of those responsible") to ``condemn``."""
    for cue in cues:
        if cue.stance != "support" or cue.negated or cue.turned:
            continue
        j = cue.end
        while j < len(doc) and j - cue.end < REACH and doc[j].lower_ in OBJECT_LINKS:
            j += 1
        if j + 2 < len(doc) and doc[j].lower_ in SANCTIONS and doc[j + 1].lower_ == "of":
            k = j + 2 + (1 if doc[j + 2].lower_ in ("the", "all") else 0)
            if k < len(doc) and doc[k].lower_ in AUTHORS:
                cue.turned, cue.toward = "condemn", doc[j : k + 1].text
        if j + 2 < len(doc) and doc[j].lower_ in RELEASES and doc[j + 1].lower_ == "of":
            k = j + 2
            while k < len(doc) and k - j < 5 and doc[k].lower_ in ("the", "all", "its", "their"):
                k += 1
            if k < len(doc) and doc[k].lower_ in HELD:
                cue.turned, cue.toward = "condemn", doc[j : k + 1].text
        if j + 1 < len(doc) and doc[j].lower_ in FAILURES and doc[j + 1].lower_ == "of":
            cue.turned, cue.toward = "condemn", doc[j : min(len(doc), j + 4)].text


def side_outside(doc, cues: list[StanceCue], actors, parties) -> None:
    """Turn each siding cue ("stands with", "solidarity with") whose object is an actor outside
    the event ("stands with Latvia", when Latvia is no party) to ``neutral``: it backs that
    actor, not the event's action, so the row's other cues decide."""
    for cue in cues:
        if cue.stance != "support" or cue.negated or cue.turned:
            continue
        words = cue.text.lower().split()
        if not (words[-1] in ("with", "by") or words[0] == "solidarity"):
            continue
        j = cue.end
        while j < len(doc) and j - cue.end < REACH and doc[j].lower_ in SIDE_LINKS:
            j += 1
        if j in actors and actors[j][1] not in parties:
            cue.turned, cue.toward = "neutral", doc[j : actors[j][0]].text


def defer_outside(doc, cues: list[StanceCue], actors, acting) -> None:
    """Turn each deference ("respects the sovereign decisions of ...") whose object names no
    party that acted to ``neutral``: respecting "the sovereign decisions of states" in general
    backs no one; "of Venezuela", the state that acted, takes its side."""
    for cue in cues:
        if not cue.text.lower().startswith("respect") or cue.negated or cue.turned:
            continue
        for j in range(cue.end, min(len(doc), cue.end + REACH)):
            if j in actors and actors[j][1] in acting:
                break
            if doc[j].lower_ in STOPS or doc[j].text in CLAUSE_ENDS or doc[j].text == ",":
                cue.turned, cue.toward = "neutral", doc[cue.end : j].text or cue.text
                break
        else:
            cue.turned, cue.toward = "neutral", doc[cue.end : cue.end + REACH].text


def oppose_sanctions(doc, cues: list[StanceCue], actors, acting) -> None:
    """Turn each opposing cue ("will oppose any attempt ... new sanctions against Pyongyang")
    whose object, before the clause ends, is a penalty on a party that acted, to ``support``:
    shielding whoever acted takes its side."""
    for cue in cues:
        if cue.stance != "condemn" or cue.negated or cue.turned:
            continue
        for j in range(cue.end, min(len(doc) - 2, cue.end + PENALTY_REACH)):
            if doc[j].text in CLAUSE_ENDS:
                break
            if doc[j].lower_ in PENALTIES and doc[j + 1].lower_ in ("against", "on"):
                k = j + 2 + (1 if doc[j + 2].lower_ == "the" else 0)
                if k in actors and actors[k][1] in acting:
                    cue.turned, cue.toward = "support", doc[j : actors[k][0]].text
                break


def shield_acting(doc, cues: list[StanceCue], actors, acting) -> None:
    """Read a condemnation aimed at attacks on a party that acted as taking that party's side:
    "rejected the media lynching against the sister Republic of X" (its object is an attack
    "against" X, before the clause ends) is ``support``; and "solidarity with X against the
    slanders of imperialism" condemns X's accusers, not the act, so ``neutral``."""
    for cue in cues:
        if cue.stance != "condemn" or cue.negated or cue.turned:
            continue
        for j in range(cue.end, min(len(doc) - 1, cue.end + PENALTY_REACH)):
            if doc[j].text in SHIELD_ENDS:  # a quotation mark may open the object
                break
            if doc[j].lower_ == "against":
                party = _acting_after(doc, j + 1, actors, acting)
                if party:
                    cue.turned, cue.toward = "support", doc[cue.end : party].text
                break
        for j in range(cue.start - 1, max(-1, cue.start - SHIELD_REACH), -1):
            if doc[j].text in CLAUSE_ENDS or doc[j].text == ",":
                break
            if doc[j].lower_ == "against":
                sided = [c for c in cues if c.stance == "support" and c.end <= j]
                named = any(k in actors and actors[k][1] in acting for k in range(j - 4, j))
                if sided and named and not sided[-1].negated:
                    cue.turned, cue.toward = "neutral", doc[j : cue.end].text
                break


CALLS_ON = {"calls on", "called on", "call on", "calling on"}
# What a call asks the side that acted to undo: "to pull its forces back", "to halt".
UNDO = {"withdraw", "pull", "halt", "stop", "cease", "end", "reverse", "retreat", "leave"}


def call_to_withdraw(doc, cues: list[StanceCue], actors, acting) -> None:
    """Turn each call on the party that acted to undo its act ("calls on X to pull its forces
    back", "called on X to halt the offensive") to ``condemn``: it is addressed to one side and
    asks it to stop, unlike a call on "both sides" (``concern``)."""
    for cue in cues:
        if cue.text.lower() not in CALLS_ON or cue.negated or cue.turned:
            continue
        j = cue.end
        if j in actors and actors[j][1] in acting:
            k = actors[j][0]
            k += 1 if k < len(doc) and doc[k].text in ('"', "“") else 0  # 'on X "to pull ...'
            if k + 1 < len(doc) and doc[k].lower_ == "to" and doc[k + 1].lower_ in UNDO:
                cue.turned, cue.toward = "condemn", doc[j : k + 2].text
                cue.weight = max(cue.weight, 3)  # a demand, as strong as a condemnation


def widen_to_role(doc, side: dict[int, int], roles: dict[int, int]) -> None:
    """Let the side acted against start at the role or people whose it is: "the government of
    Benin", "the brotherly people and the government of Benin" (where the name stands too far
    after the cue), as "Benin's government" does; people also "in" it ("our brothers and
    sisters in Benin")."""
    by_end = {end: start for start, end in roles.items()}
    for start, end in list(side.items()):
        if start < 2 or doc[start - 1].lower_ not in ("of", "in"):
            continue
        if start - 1 in by_end and doc[start - 1].lower_ == "of":
            side.setdefault(by_end[start - 1], end)
        elif doc[start - 2].lower_ in PEOPLE:
            side.setdefault(start - 2, end)


def back_loyal(doc, cues: list[StanceCue]) -> None:
    """Turn each support cue whose object, before the clause ends, is forces that stayed loyal
    ("salutes the loyalty of the armed forces", "praised the loyal troops") to ``condemn``: they
    stood by the side the action was taken against."""
    for cue in cues:
        if cue.stance != "support" or cue.negated or cue.turned:
            continue
        for j in range(cue.end, min(len(doc), cue.end + REACH)):
            if doc[j].lower_ in STOPS or doc[j].text in CLAUSE_ENDS:
                break
            if doc[j].lower_ in LOYALTY:
                cue.turned, cue.toward = "condemn", doc[j : min(len(doc), j + 6)].text
                break


SHIELD_ENDS = {".", ";", "!", "?", ",", "but", "while"}
SHIELD_REACH = 8  # tokens back from a condemnation to the "against" that aims it at accusers


def _acting_after(doc, k: int, actors, acting) -> int:
    """The end of a party that acted named within a few words after ``k`` ("the sister
    Republic of X"), or 0."""
    for i in range(k, min(len(doc), k + 4)):
        if i in actors and actors[i][1] in acting:
            return actors[i][0]
    return 0


def outside_actor(doc, cue: StanceCue, actors, parties) -> str:
    """The words naming an actor outside the event that a condemning verb is aimed at: its
    object ("rejected the United States") or the agent of its object ("rejected interference
    by the United States"), or ""."""
    j = cue.end + (1 if cue.end < len(doc) and doc[cue.end].lower_ == "the" else 0)
    if j not in actors:
        for k in range(cue.end, min(len(doc), cue.end + REACH)):
            if doc[k].lower_ in STOPS or doc[k].text in (",", ";"):
                if doc[k].lower_ != "by":
                    return ""
                j = k + 1 + (1 if k + 1 < len(doc) and doc[k + 1].lower_ == "the" else 0)
                break
    if j in actors and actors[j][1] not in parties:
        return doc[j : actors[j][0]].text
    return ""
