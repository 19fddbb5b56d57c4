"""Stance relative to the event: support for whom the action was taken against opposes it.

The stance scale is about the event, not about whoever a cue names. With ``against`` (the
actors an action was taken against: a coup's ousted government, the country attacked), a
support cue ("supports", "stands with", "solidarity with", "backs") whose object is one of
them, one of their leaders the article names ("Niger's President Mohamed Bazoum", "the ousted
president"), or "him"/"her" after such a leader in the paragraph, opposes the action. The rule
for how strongly: a cue of weight 3 ("backs", "welcomed") or one said with an intensifier just
before it ("firmly supports", "full solidarity") is ``condemn``; any other (weight 2, or hedged)
is ``concern``. A negated cue stays neutral, as every negated cue does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reactionmap.draft.cues import StanceCue
from reactionmap.draft.lexicon import Lexicon
from reactionmap.draft.tokens import POSSESSIVE, name_at, starts

REACH = 8  # tokens after a cue that may hold its object
SIDE_WORDS = {"ousted", "deposed", "toppled", "overthrown", "detained", "elected", "legitimate"}
INTENSIFIERS = {
    "strongly", "firmly", "resolutely", "fully", "full", "unwavering", "unequivocally",
    "total", "complete", "steadfast", "unconditional", "firm", "strong", "unreserved",
}  # fmt: skip
PRONOUNS = {"him", "her"}
# Words that end a cue's object before it reaches a name: "supports the strikes on Venezuela"
# supports the strikes, not Venezuela.
STOPS = {"against", "on", "in", "into", "over", "at", "by", ".", ";", "!", "?", "but", "while"}


@dataclass
class Against:
    """Whom the event's action was taken against, and their leaders the article has named."""

    codes: frozenset[str]
    leaders: set[str] = field(default_factory=set)  # names and surnames

    def turn(self, doc, lex: Lexicon, words, cues: list[StanceCue]) -> None:
        """Learn the leaders the paragraph names, then turn each support cue whose object is
        the side the action was taken against (the module's rule), noting the words."""
        if not self.codes:
            return
        strings = lex.nlp.vocab.strings
        actors: dict[int, tuple[int, str]] = {}  # start -> (end, code), inside quotations too
        for match_id, start, end in lex.actors(doc):
            code = strings[match_id].partition(":")[2]
            if end > actors.get(start, (start, ""))[0]:
                actors[start] = (end, code)
        roles = starts(words, "role")
        side: dict[int, int] = {}  # first token -> token after the words naming the side
        for start, (end, code) in actors.items():
            if code in self.codes:
                side[start] = end
                after = end + (1 if end < len(doc) and doc[end].text in POSSESSIVE else 0)
                if after in roles:
                    self._leader(doc, roles[after])
        for i, token in enumerate(doc):
            if token.lower_ in SIDE_WORDS and i + 1 in roles:
                side[i] = roles[i + 1]  # "the ousted president"
                self._leader(doc, roles[i + 1])
        for i, token in enumerate(doc):
            if token.text in self.leaders:
                side.setdefault(i, i + 1)
        for i, token in enumerate(doc):
            named = (s for s in side if s < i)
            if token.lower_ in PRONOUNS and any(self._person(doc[s]) for s in named):
                side.setdefault(i, i + 1)  # "supports him", after the ousted president
        for cue in cues:
            if cue.stance == "support" and not cue.negated:
                self._turn(doc, cue, side, actors)

    def _person(self, token) -> bool:
        return token.text in self.leaders or token.lower_ in SIDE_WORDS

    def _leader(self, doc, at: int) -> None:
        name = name_at(doc, at)
        if name:
            self.leaders |= {name.split()[-1]}

    @staticmethod
    def _turn(doc, cue: StanceCue, side: dict[int, int], actors) -> None:
        for j in range(cue.end, min(len(doc), cue.end + REACH)):
            if j in side:
                strong = cue.weight >= 3 or any(
                    doc[k].lower_ in INTENSIFIERS for k in range(max(0, cue.start - 2), cue.start)
                )
                cue.turned = "condemn" if strong and not cue.hedged else "concern"
                cue.toward = doc[j : side[j]].text
                return
            if doc[j].lower_ in STOPS or j in actors:
                return


def turned_notes(cues: list[StanceCue]) -> list[str]:
    """A note for each cue read relative to the event, for the draft row's notes."""
    return [
        f"stance turned: '{cue.text}' backs {cue.toward!r}, whom the action was taken against "
        f"(--against), which opposes the action: read as {cue.turned}"
        for cue in cues
        if cue.turned and not cue.negated
    ]
