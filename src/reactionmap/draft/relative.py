"""Stance relative to the event: support for whom the action was taken against opposes it.

The stance scale is about the event, not about whoever a cue names. With ``against`` (the
actors an action was taken against: a coup's ousted government, the country attacked), a
support cue ("supports", "stands with", "solidarity with", "backs") whose object is one of
them, one of their leaders the article names ("Niger's President Mohamed Bazoum", "the ousted
president"), their people ("the people of Guyana", "the Togolese people"), or "him"/"her"
after such a leader in the paragraph, opposes the action. Siding with the party hit is the
mirror of siding with whoever acted (``support``), so it reads ``condemn``, as a newsroom coder
codes "The United States supports President Amevi" after a coup; a hedged cue ("appeared to
back") reads ``concern``. "The Togolese soldiers" who made the coup are not the side it hit:
a nationality word counts only before a government's role or its people ("people",
"citizens", "our Italian colleagues"); "the government of Benin" and "the people and the
government of Benin" reach the side from the role or people before "of". A negated cue stays
neutral, as every negated cue does.

With the event's parties (``--target`` and ``against``), a condemnation is read against its
object too:
- rejecting a reproach of someone else ("rejected the condemnation", "rejected the criticism")
  defends whom it reproaches: ``support``, and the reproach named is no cue of its own; but
  rejecting accusations or allegations ("rejected accusations that it backs the group") answers
  a reproach made to the speaker, and says nothing of the event: ``neutral``, weighing as
  little as a negated cue, and the accusation's words up to the next punctuation ("that it
  backs the group") are no cue of the speaker's;
- welcoming action against the authors of the event ("welcomes the arrest of the attackers")
  condemns what they did: ``condemn``; so does welcoming the end of it for those it held
  ("welcomed the release of the hostages") or its failure ("welcomed the failure of the
  attempt"), and, with ``against``, backing forces that stayed loyal ("salutes the loyalty of
  the armed forces");
- respecting "the sovereign decisions" of no party that acted ("of states") backs no one:
  ``neutral``;
- a condemnation aimed at an actor outside the event ("rejected interference by the United
  States", when the United States is no party) says nothing about the event: it reads
  ``neutral`` and weighs as little as a negated cue, so the row's other cues decide;
- with ``against``, a condemning verb whose object is whom the action was taken against
  ("accused Madrid of ...", Spain acted against) takes the side of whoever acted: ``support``;
- rejecting the region being made an arena of others' quarrels ("rejects turning the region
  into an arena for settling scores", "a battlefield", "proxy wars") asks for calm and blames
  no one: ``concern``;
- an accusation rejected may be dismissed on the way ("rejected baseless accusations"): still
  an accusation made to the speaker, ``neutral``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reactionmap.draft.cues import StanceCue, verbal
from reactionmap.draft.lexicon import Lexicon
from reactionmap.draft.objects import condemn_terrorism, follow_verb, side_with_crowd
from reactionmap.draft.relative_rules import (
    ACCUSATION_ENDS,
    ACCUSATIONS,
    ACT_PRONOUNS,
    DISMISSIVE,
    OBJECT_LINKS,
    PEOPLE,
    PRONOUNS,
    REACH,
    REPROACHES,
    SIDE_WORDS,
    STOPS,
    arena_words,
    back_loyal,
    call_to_withdraw,
    defer_outside,
    hit_object,
    is_practice,
    oppose_sanctions,
    outside_actor,
    shield_acting,
    side_outside,
    welcome_sanction,
    widen_to_role,
)
from reactionmap.draft.shared import possessive_shares, share_position
from reactionmap.draft.sides import NEW_RULERS, organization_sides
from reactionmap.draft.tokens import POSSESSIVE, name_at, starts
from reactionmap.draft.votes import judge_act


@dataclass
class Against:
    """Whom the event's action was taken against, and their leaders the article has named."""

    codes: frozenset[str]
    leaders: set[str] = field(default_factory=set)  # names and surnames
    parties: frozenset[str] = frozenset()  # the event's parties: targets and codes
    states: frozenset[str] = frozenset()  # the parties that are states, not organizations

    def turn(self, doc, lex: Lexicon, words, cues: list[StanceCue]) -> None:
        """Learn the leaders the paragraph names, then turn each support cue whose object is
        the side the action was taken against, and each condemnation of a reproach or of an
        actor outside the event (the module's rules), noting the words."""
        strings = lex.nlp.vocab.strings
        actors: dict[int, tuple[int, str]] = {}  # start -> (end, code), inside quotations too
        kinds: dict[int, str] = {}
        for match_id, start, end in lex.actors(doc):
            kind, _, code = strings[match_id].partition(":")
            if end > actors.get(start, (start, ""))[0]:
                actors[start], kinds[start] = (end, code), kind
        if self.parties:
            self._aim(doc, cues, actors, self.parties | self.codes, self.codes)
            welcome_sanction(doc, cues)
            side_outside(doc, cues, actors, self.parties | self.codes)
            side_with_crowd(doc, cues, actors, self.codes)
            condemn_terrorism(doc, cues, acted=bool(self.codes and self.parties - self.codes))
            defer_outside(doc, cues, actors, self.parties - self.codes)
            oppose_sanctions(doc, cues, actors, self.parties - self.codes)
            if self.codes or len(self.parties) == 1:  # who acted is known
                shield_acting(doc, cues, actors, self.parties - self.codes)
                call_to_withdraw(doc, cues, actors, self.parties - self.codes)
            follow_verb(doc, cues)
            possessive_shares(doc, cues, actors, self.parties | self.codes)
            share_position(doc, cues, actors, self.parties | self.codes)
        if not self.codes:
            return
        judge_act(doc, cues, self.states - self.codes)  # a state acted on another (draft.votes)
        roles = starts(words, "role")
        side: dict[int, int] = {}  # first token -> token after the words naming the side
        for start, (end, code) in actors.items():
            nxt = doc[end].lower_ if end < len(doc) else ""
            if kinds[start] == "demonym" and end not in roles and nxt not in PEOPLE:
                continue  # "the Togolese soldiers": not the side the coup hit
            if start and doc[start - 1].lower_ in NEW_RULERS:
                continue  # "the new Chadian authorities": who took power, not whom it hit
            if code in self.codes:
                side[start] = end
                after = end + (1 if end < len(doc) and doc[end].text in POSSESSIVE else 0)
                if after in roles:
                    self._leader(doc, roles[after])
        for i, token in enumerate(doc):
            if token.lower_ in SIDE_WORDS and i + 1 in roles:
                side[i] = roles[i + 1]  # "the ousted president"
                self._leader(doc, roles[i + 1])
        widen_to_role(doc, side, roles)
        for start, end in organization_sides(doc, self.codes, lex.resolver, PEOPLE).items():
            side.setdefault(start, end)
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
        back_loyal(doc, cues)

    def _person(self, token) -> bool:
        return token.text in self.leaders or token.lower_ in SIDE_WORDS

    def _leader(self, doc, at: int) -> None:
        name = name_at(doc, at)
        if name:
            self.leaders |= {name.split()[-1]}

    @staticmethod
    def _turn(doc, cue: StanceCue, side: dict[int, int], actors) -> None:
        for j in range(cue.end, min(len(doc), cue.end + REACH)):
            if j == cue.end and doc[j].lower_ in ACT_PRONOUNS:
                return  # "Bratislava backs it, and Kyiv says ...": it, the act, is the object
            if doc[j - 1 : j + 1].text == ", and":
                return  # ", and Kyiv says": a new clause with its own subject
            if j in side:
                cue.turned = "concern" if cue.hedged else "condemn"
                cue.toward = doc[j : side[j]].text
                return
            if doc[j].lower_ in STOPS or j in actors or doc[j - 1 : j + 1].text == "and that":
                return  # "and that Tokyo had ...": a new reported clause, not the cue's object

    @staticmethod
    def _aim(doc, cues: list[StanceCue], actors, parties, hit=frozenset()) -> None:
        """Read each condemnation against its object: a reproach it rejects, an actor outside
        the event, whom the action was taken against (``hit``), the region made an arena
        (the module's rules)."""
        by_start = {cue.start: cue for cue in cues}
        for cue in list(cues):
            if cue.stance != "condemn" or cue.negated or cue.turned:
                continue
            j = cue.end
            while j < len(doc) and j - cue.end < REACH and doc[j].lower_ in OBJECT_LINKS:
                j += 1
            if arena := arena_words(doc, cue.end):
                cue.turned, cue.toward = "concern", arena
                continue
            while j < len(doc) and j - cue.end < REACH and doc[j].lower_ in DISMISSIVE:
                j += 1
            if j < len(doc) and doc[j].lower_ in ACCUSATIONS:
                cue.turned, cue.toward = "neutral", doc[cue.end : j + 1].text.strip(' "“”')
                end = j + 1
                while end < len(doc) and doc[end].text not in ACCUSATION_ENDS:
                    end += 1
                for other in [c for c in cues if j <= c.start < end]:
                    cues.remove(other)  # what the accusation says ("that it backs") is not said
                continue
            if j < len(doc) and is_practice(doc, j):
                cue.turned, cue.toward = "neutral", doc[cue.end : j + 1].text.strip(' "“”')
                continue
            if j < len(doc) and doc[j].lower_ in REPROACHES and j != cue.start:
                cue.turned, cue.toward = "support", doc[cue.end : j + 1].text.strip(' "“”')
                if j in by_start and by_start[j] in cues:
                    cues.remove(by_start[j])  # "the condemnation" it rejects is no cue
                continue
            if verbal(cue.text.lower()):
                outside = outside_actor(doc, cue, actors, parties)
                if outside:
                    cue.turned, cue.toward = "neutral", outside
                elif hit_name := hit_object(doc, cue, actors, hit, parties - hit):
                    cue.turned, cue.toward, cue.blames_hit = "support", hit_name, True
