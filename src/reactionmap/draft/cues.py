"""Stance cues with their negations and hedges, and the rule that decides a row's stance."""

from __future__ import annotations

from dataclasses import dataclass

from reactionmap.draft.objects import conceded, reported_wrongs

STANCE_ORDER = ("condemn", "support", "concern", "neutral")  # ties go to the earlier key
# Words that say the speaker is watching, not what it thinks: any other cue decides over them
# ("is closely monitoring the situation and urged all parties ...": the call).
WATCHING = {
    "monitoring", "closely monitoring", "following the situation", "following closely",
    "following the situation closely", "takes note", "took note", "take note", "taken note",
}  # fmt: skip
# A delegation's vote: where a row holds one, the vote decides whatever else the explanation
# says (reservations in a yes vote stay support, criticism in an abstention stays neutral).
VOTES = {
    "voted in favour", "voted in favor", "voted for", "voted yes", "voted against", "voted no",
    "abstained", "abstain", "abstaining", "abstention",
    "those voting in favour", "those voting in favor", "those voting for", "those in favour",
    "those in favor", "those who voted in favour", "those who voted for",
    "those voting against", "those who voted against",
}  # fmt: skip


@dataclass
class StanceCue:
    start: int
    end: int
    stance: str
    weight: int
    text: str
    negated: str = ""  # the negation that turned it around
    hedged: str = ""
    turned: str = ""  # its stance relative to the event, when it supports whom the action hit
    toward: str = ""  # the words naming them (draft.relative)
    aside: bool = False  # in a relative clause set off by commas (", which also abstained,")
    aimed: str = ""  # why it was turned, when draft.objects turned it
    blames_hit: bool = False  # a condemnation of whom the action was taken against
    shares: str = ""  # the actor whose position it shares, outside the event (draft.shared)


# A cue quoted as a word ('does not use the word "condemn"', 'used the words "serious
# consequences"'): the word is named, not said, and is no stance.
WORD_NOUNS = {"word", "words", "term", "terms", "phrase", "expression"}
QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’"}


def _word_named(doc, start: int, end: int) -> bool:
    return (
        start > 1
        and doc[start - 1].text in QUOTE_MARKS
        and doc[start - 2].lower_ in WORD_NOUNS
        and end < len(doc)
        and doc[end].text in QUOTE_MARKS
    )


def stance_cues(doc, words, strings) -> list[StanceCue]:
    """Stance cues (longest match wins), with the negation or hedge just before them."""
    found = []
    for kind, spans in words.items():
        if kind.startswith("stance:"):
            _, stance, weight = kind.split(":")
            found += [(s, e, stance, int(weight)) for s, e in spans]
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    cues: list[StanceCue] = []
    taken: set[int] = set()
    negations_by_end: dict[int, list[tuple[int, int]]] = {}
    for span in words.get("negation", []):
        negations_by_end.setdefault(span[1], []).append(span)
    hedges_by_end: dict[int, list[tuple[int, int]]] = {}
    for span in words.get("hedge", []):
        hedges_by_end.setdefault(span[1], []).append(span)
    for start, end, stance, weight in found:
        if any(i in taken for i in range(start, end)) or _word_named(doc, start, end):
            continue
        taken.update(range(start, end))
        cue = StanceCue(start, end, stance, weight, doc[start:end].text)
        window = max(0, start - 4)
        near_ends = range(window, start + 1)
        negations = [n for e in near_ends for n in negations_by_end.get(e, [])]
        hedges = [h for e in near_ends for h in hedges_by_end.get(e, [])]
        for ns, ne in sorted(negations, key=lambda span: (span[0], -span[1])):
            near = (window <= ns or ne == start) and ne <= start  # a long one just before
            if near and not cue.negated and not any(doc[k].is_punct for k in range(ne, start)):
                cue.negated = doc[ns:ne].text  # the longest: "did not", not "not"
        for hs, he in hedges:
            if window <= hs and he <= start:
                cue.hedged = doc[hs:he].text
        cue.aside = in_aside(doc, start)
        cues.append(cue)
    reported_wrongs(doc, cues)
    conceded(doc, cues)
    return _calls_without_object_cue(doc, cues)


CALLS = {"called for", "calls for", "call for", "calling for"}
CALL_REACH = 4  # tokens from a call to a cue that is its object


def _calls_without_object_cue(doc, cues: list[StanceCue]) -> list[StanceCue]:
    """The cues, less each call whose object is a cue of its own ("calls for his immediate
    release", "called for a peaceful resolution"): the call takes its object's stance, it adds
    no other."""
    kept = []
    for n, cue in enumerate(cues):
        nxt = cues[n + 1] if n + 1 < len(cues) else None
        near = nxt is not None and nxt.start - cue.end <= CALL_REACH
        if (
            cue.text.lower() in CALLS
            and near
            and not any(doc[k].is_punct for k in range(cue.end, nxt.start if nxt else cue.end))
        ):
            continue
        if cue.stance == "support" and not cue.negated and _backs_a_call(doc, cue, nxt):
            continue
        kept.append(cue)
    return kept


BACK_REACH = 5  # tokens from a support verb to the call it backs ("backed the EU observers' call")


def _backs_a_call(doc, cue: StanceCue, nxt: StanceCue | None) -> bool:
    """Whether a support cue's object is someone's call ("backed the observers' call for a
    recount", "supports calls for an inquiry"): it backs what is called for, whose cue decides."""
    if nxt is None or nxt.text.lower() not in CALLS or nxt.start - cue.end > BACK_REACH:
        return False
    between = range(cue.end, nxt.start)
    return not any(doc[k].is_punct and doc[k].text not in ("'", "’", "'s", "’s") for k in between)


def in_aside(doc, start: int) -> bool:
    """Whether a cue stands in a relative clause set off by a comma (", which also abstained,"):
    what it says is background to the sentence's own verb."""
    for k in range(start - 1, max(-1, start - 8), -1):
        if doc[k].lower_ in ("which", "who") and k and doc[k - 1].text == ",":
            return True
        if doc[k].is_punct:
            return False
    return False


# Past forms of stance phrases' verbs without the regular ending ("had taken note", "stood with").
IRREGULAR_PAST = {"took", "taken", "stood"}


def verbal(word: str) -> bool:
    """Whether a word may be a verb: a regular ending, or an irregular past (IRREGULAR_PAST)."""
    if word in IRREGULAR_PAST:
        return True
    return word.endswith(("ed", "s", "ing")) and not word.endswith(("tion", "tions", "ness", "ss"))


def effective_stance(cue: StanceCue) -> str:
    return "neutral" if cue.negated else cue.turned or cue.stance


def effective_weight(cue: StanceCue) -> int:
    """A negated cue, or one aimed outside the event (draft.relative), weighs 1; a hedged one
    a step less than its own weight."""
    if cue.negated or cue.turned == "neutral":
        return 1
    return max(1, cue.weight - (1 if cue.hedged else 0))


def decide_stance(cues: list[StanceCue]) -> tuple[str, StanceCue | None, list[StanceCue]]:
    """(stance, the deciding cue, the cues that disagree): the strongest cue wins; a negated
    cue counts as neutral and a hedged one one step weaker; ties go to more cues, then to the
    cue read first (the main verb: "praised the news by sharing a video denouncing ...");
    watching words (WATCHING) decide only when no other cue does, and a vote (VOTES) decides
    over every other cue, unless it is told in a relative clause (", which also abstained,")."""
    if not cues:
        return "", None, []
    votes = [c for c in cues if c.text.lower() in VOTES and not c.negated and not c.aside]
    stated = [cue for cue in cues if cue.text.lower() not in WATCHING]
    deciders = votes or stated or cues
    scored = [(effective_stance(cue), effective_weight(cue), cue) for cue in deciders]
    best: dict[str, tuple[int, int, int, int]] = {}
    for position, (stance, weight, cue) in enumerate(scored):
        top, plain, count, first = best.get(stance, (0, 0, 0, -position))
        plain = max(plain, weight) if not cue.hedged else plain
        best[stance] = (max(top, weight), plain, count + 1, first)
    winner = max(best, key=lambda s: (*best[s], -STANCE_ORDER.index(s)))
    deciding = max((c for s, w, c in scored if s == winner), key=lambda c: c.weight)
    kept = cues if votes else deciders
    others = [c for c in kept if effective_stance(c) != winner]
    return winner, deciding, others
