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
from reactionmap.draft.objects import condemn_terrorism, side_with_crowd
from reactionmap.draft.tokens import POSSESSIVE, name_at, starts

REACH = 8  # tokens after a cue that may hold its object
SIDE_WORDS = {"ousted", "deposed", "toppled", "overthrown", "detained", "elected", "legitimate"}
PRONOUNS = {"him", "her"}
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


@dataclass
class Against:
    """Whom the event's action was taken against, and their leaders the article has named."""

    codes: frozenset[str]
    leaders: set[str] = field(default_factory=set)  # names and surnames
    parties: frozenset[str] = frozenset()  # the event's parties: targets and codes

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
            _welcome_sanction(doc, cues)
            _side_outside(doc, cues, actors, self.parties | self.codes)
            side_with_crowd(doc, cues, actors, self.codes)
            condemn_terrorism(doc, cues)
            _defer_outside(doc, cues, actors, self.parties - self.codes)
            _oppose_sanctions(doc, cues, actors, self.parties - self.codes)
            if self.codes or len(self.parties) == 1:  # who acted is known
                _shield_acting(doc, cues, actors, self.parties - self.codes)
                _call_to_withdraw(doc, cues, actors, self.parties - self.codes)
        if not self.codes:
            return
        roles = starts(words, "role")
        side: dict[int, int] = {}  # first token -> token after the words naming the side
        for start, (end, code) in actors.items():
            nxt = doc[end].lower_ if end < len(doc) else ""
            if kinds[start] == "demonym" and end not in roles and nxt not in PEOPLE:
                continue  # "the Togolese soldiers": not the side the coup hit
            if code in self.codes:
                side[start] = end
                after = end + (1 if end < len(doc) and doc[end].text in POSSESSIVE else 0)
                if after in roles:
                    self._leader(doc, roles[after])
        for i, token in enumerate(doc):
            if token.lower_ in SIDE_WORDS and i + 1 in roles:
                side[i] = roles[i + 1]  # "the ousted president"
                self._leader(doc, roles[i + 1])
        _widen_to_role(doc, side, roles)
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
        _back_loyal(doc, cues)

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
                cue.turned = "concern" if cue.hedged else "condemn"
                cue.toward = doc[j : side[j]].text
                return
            if doc[j].lower_ in STOPS or j in actors:
                return

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
            if arena := _arena(doc, cue.end):
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
            if j < len(doc) and _practice(doc, j):
                cue.turned, cue.toward = "neutral", doc[cue.end : j + 1].text.strip(' "“”')
                continue
            if j < len(doc) and doc[j].lower_ in REPROACHES and j != cue.start:
                cue.turned, cue.toward = "support", doc[cue.end : j + 1].text.strip(' "“”')
                if j in by_start and by_start[j] in cues:
                    cues.remove(by_start[j])  # "the condemnation" it rejects is no cue
                continue
            if verbal(cue.text.lower()):
                outside = _outside_actor(doc, cue, actors, parties)
                if outside:
                    cue.turned, cue.toward = "neutral", outside
                elif hit_name := _hit_object(doc, cue, actors, hit, parties - hit):
                    cue.turned, cue.toward, cue.blames_hit = "support", hit_name, True


def _arena(doc, end: int) -> str:
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


def _hit_object(doc, cue: StanceCue, actors, hit, acting) -> str:
    """The words naming whom the action was taken against when a condemning verb takes them
    as its object ("accused Madrid of ...", "blamed the Spanish government"), or ""."""
    j = cue.end + (1 if cue.end < len(doc) and doc[cue.end].lower_ == "the" else 0)
    if j in actors and actors[j][1] in hit and actors[j][1] not in acting:
        return doc[j : actors[j][0]].text
    return ""


def _practice(doc, j: int) -> bool:
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


def _welcome_sanction(doc, cues: list[StanceCue]) -> None:
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


def _side_outside(doc, cues: list[StanceCue], actors, parties) -> None:
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


def _defer_outside(doc, cues: list[StanceCue], actors, acting) -> None:
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


def _oppose_sanctions(doc, cues: list[StanceCue], actors, acting) -> None:
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


def _shield_acting(doc, cues: list[StanceCue], actors, acting) -> None:
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


def _call_to_withdraw(doc, cues: list[StanceCue], actors, acting) -> None:
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


def _widen_to_role(doc, side: dict[int, int], roles: dict[int, int]) -> None:
    """Let the side acted against start at the role or people whose it is: "the government of
    Benin", "the brotherly people and the government of Benin" (where the name stands too far
    after the cue), as "Benin's government" does."""
    by_end = {end: start for start, end in roles.items()}
    for start, end in list(side.items()):
        if start < 2 or doc[start - 1].lower_ != "of":
            continue
        if start - 1 in by_end:
            side.setdefault(by_end[start - 1], end)
        elif doc[start - 2].lower_ in PEOPLE:
            side.setdefault(start - 2, end)


def _back_loyal(doc, cues: list[StanceCue]) -> None:
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


def _outside_actor(doc, cue: StanceCue, actors, parties) -> str:
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


def turned_notes(cues: list[StanceCue]) -> list[str]:
    """A note for each cue read relative to the event, for the draft row's notes."""
    notes = []
    for cue in cues:
        if not cue.turned or cue.negated:
            continue
        if cue.aimed:  # draft.objects says why
            notes.append(f"stance turned: '{cue.text}' {cue.aimed}, and the other cues decide")
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
