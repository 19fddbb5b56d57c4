"""The note that says why each stance cue was read relative to the event (draft.relative)."""

from __future__ import annotations

from reactionmap.draft.cues import StanceCue
from reactionmap.draft.relative_rules import (
    ACCUSATIONS,
    CALLS_ON,
    FAILURES,
    GENERAL_INTERFERENCE,
    LOYALTY,
    PENALTIES,
    PRACTICES,
    RELEASES,
    SANCTIONS,
)


def turned_notes(cues: list[StanceCue]) -> list[str]:
    """A note for each cue read relative to the event, for the draft row's notes."""
    notes = []
    for cue in cues:
        if not cue.turned or cue.negated:
            continue
        if cue.aimed:  # draft.objects says why
            notes.append(f"stance turned: '{cue.text}' {cue.aimed}, and the other cues decide")
            continue
        if cue.toward.startswith("a resolution on the act of "):  # draft.votes
            yes = cue.turned == "condemn"
            notes.append(
                f"stance turned: '{cue.text}' {cue.toward!r}, where one party acted on another: "
                f"a {'yes opposes' if yes else 'no shields'} the act, read as {cue.turned}"
            )
            continue
        if cue.text.lower() in CALLS_ON and cue.turned == "condemn":
            notes.append(
                f"stance turned: '{cue.text}' {cue.toward!r}, the side that acted, to undo its "
                "act: read as condemn"
            )
        elif cue.stance == "condemn" and cue.toward.split()[0].lower() == "against":
            notes.append(
                f"stance turned: '{cue.text}' is aimed at {cue.toward!r}, the accusers of a "
                "party that acted, not the act: read as neutral, and the other cues decide"
            )
        elif (
            cue.stance == "support"
            and cue.turned == "condemn"
            and cue.toward.split()[0].lower() in SANCTIONS
        ):
            notes.append(
                f"stance turned: '{cue.text}' welcomes {cue.toward!r}, action against the "
                "event's authors: read as condemn"
            )
        elif cue.stance == "support" and cue.toward.split()[0].lower() in FAILURES:
            notes.append(
                f"stance turned: '{cue.text}' welcomes {cue.toward!r}, the failure of the act: "
                "read as condemn"
            )
        elif cue.stance == "support" and cue.toward.split()[0].lower() in LOYALTY:
            notes.append(
                f"stance turned: '{cue.text}' backs {cue.toward!r}, forces that stood by the "
                "side the action was taken against (--against): read as condemn"
            )
        elif cue.stance == "support" and cue.toward.split()[0].lower() in RELEASES:
            notes.append(
                f"stance turned: '{cue.text}' welcomes {cue.toward!r}, the end of the action "
                "for those it held, which sides with them: read as condemn"
            )
        elif cue.stance == "support" and cue.turned != "neutral":
            notes.append(
                f"stance turned: '{cue.text}' backs {cue.toward!r}, whom the action was taken "
                f"against (--against), which opposes the action: read as {cue.turned}"
            )
        elif cue.turned == "neutral" and cue.toward.split()[-1].lower() in ACCUSATIONS:
            notes.append(
                f"stance turned: '{cue.text}' answers {cue.toward!r} made to the speaker, which "
                "says nothing of the event: read as neutral, and the other cues decide"
            )
        elif cue.turned == "neutral" and _practice_words(cue.toward):
            notes.append(
                f"stance turned: '{cue.text}' is aimed at {cue.toward!r}, a way of handling "
                "events in general, not the event: read as neutral, and the other cues decide"
            )
        elif cue.turned == "support" and cue.toward.split()[0].lower() in PENALTIES:
            notes.append(
                f"stance turned: '{cue.text}' opposes {cue.toward!r}, a penalty on a party that "
                "acted, which takes its side: read as support"
            )
        elif cue.stance == "support" and cue.turned == "neutral":
            notes.append(
                f"stance turned: '{cue.text}' sides with {cue.toward!r}, no party to the event "
                "(--target, --against): read as neutral, and the other cues decide"
            )
        elif cue.blames_hit:
            notes.append(
                f"stance turned: '{cue.text}' is aimed at {cue.toward!r}, whom the action was "
                "taken against (--against), which takes the side of whoever acted: read as "
                "support"
            )
        elif cue.turned == "concern" and cue.stance == "condemn":
            notes.append(
                f"stance turned: '{cue.text}' rejects {cue.toward!r}, the region made a field "
                "of quarrels, which asks for calm and blames no one: read as concern"
            )
        elif cue.turned == "support" and " against " in f" {cue.toward} ":
            notes.append(
                f"stance turned: '{cue.text}' rejects {cue.toward!r}, an attack on a party "
                "that acted, which takes its side: read as support"
            )
        elif cue.turned == "support":
            notes.append(
                f"stance turned: '{cue.text}' rejects {cue.toward!r}, which defends whom it "
                "reproaches: read as support"
            )
        else:
            notes.append(
                f"stance turned: '{cue.text}' is aimed at {cue.toward!r}, no party to the event "
                "(--target, --against): read as neutral, and the other cues decide"
            )
    return notes


def _practice_words(toward: str) -> bool:
    last = toward.split()[-1].lower() if toward else ""
    return last in PRACTICES or last in GENERAL_INTERFERENCE
