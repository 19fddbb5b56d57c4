"""A vote on a resolution about a party's act: a yes judges the act, when one party acted on another.

Two framings of a vote share the same words. Where the resolution is itself the event, taken
against a state (``--target SDN --against SDN``: every party is one the action was taken
against) or for one (no ``against``), a yes backs the resolution: ``support``, a no
``condemn``. Where one party acted on another (``--target RUS UKR --against UKR``: Russia
acted, Ukraine was acted on), the event is that act and a resolution voted on judges it: a yes
opposes the act (``condemn``), a no shields it (``support``); an abstention stays ``neutral``
either way. Where the party that acted is an organization (the EU's sanctions), its members'
votes are how it acted: a yes backs the act, as the word lists read it. Sponsoring the text
is its yes; so is welcoming, backing or praising the text, the resolution, its adoption or the
vote ("welcomed the adoption").
"""

from __future__ import annotations

from reactionmap.draft.cues import StanceCue

YES = {
    "voted in favour", "voted in favor", "voted for", "voted yes", "those voting in favour",
    "those voting in favor", "those voting for", "those in favour", "those in favor",
    "those who voted in favour", "those who voted for",
}  # fmt: skip
NO = {"voted against", "voted no", "those voting against", "those who voted against"}
SPONSOR = ("introduced the", "sponsored the", "co-sponsored the", "drafted the")
RESOLUTIONS = {"adoption", "resolution", "text", "vote", "draft"}


def judge_act(doc, cues: list[StanceCue], acting: frozenset[str]) -> None:
    """Turn each yes or no vote to its stance towards the act of ``acting`` (the parties that
    acted, where another party was acted on), noting whose act it judges."""
    if not acting:
        return
    who = " and ".join(sorted(acting))
    for cue in cues:
        word = cue.text.lower()
        if cue.negated or cue.turned:
            continue
        if word in NO:
            cue.turned = "support"
        elif word in YES or word.startswith(SPONSOR) or _welcomes_text(doc, cue):
            cue.turned = "condemn"
        else:
            continue
        cue.toward = f"a resolution on the act of {who}"


def _welcomes_text(doc, cue: StanceCue) -> bool:
    """Whether a support cue's object is the resolution voted on ("welcomed the adoption")."""
    after = doc[cue.end : cue.end + 2]
    return (
        cue.stance == "support"
        and len(after) == 2
        and after[0].lower_ in ("the", "its", "this")
        and after[1].lower_ in RESOLUTIONS
    )
