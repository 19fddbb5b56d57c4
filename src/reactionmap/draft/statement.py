"""Whether a clause reports a statement, or only speculation or background about an actor.

A row needs a reporting verb or stance cue the article attributes to an actor. A clause gives
none when its verb is
- denied: a reporting verb under a negation ("had not said whether", "has not commented",
  "has yet to comment"), or saying nothing ("has said nothing so far"), with no other
  reporting verb after it ("has not confirmed ..., but Vice President Delcy Rodriguez said" is
  a statement; a reporting word after "of", "the", "a" ... is a noun, not a verb: "had not
  commented by the time of writing"), also after an aside set off by commas ("Malaysia, which
  also claims the reef, had not commented": the aside's verb is not the actor's);
- speculation: "whether", "unclear", "expected", "likely" ... before its verb ("It remains to
  be seen whether the United States will call it a coup", "Analysts expect France to
  condemn"), unless the verb reports what was said after a comma ("It was unclear where he
  was, France said"); or a modal just before the verb ("will call", "would say") with no
  other reporting verb after it;
- someone else's: a relative clause between the named actor and the verb ("Nigeria and Benin
  are members of ECOWAS, which has condemned ..."), unless it is an aside set off by commas
  right after the name ("Qatar, which mediated that ceasefire, urged restraint");
- silent: the words before its verb say the actor "made no statement" or "issued no comment"
  ("Lebanon's government has made no statement, the paper noted": the paper's verb);
- no one's: the clause's subject is "Nothing" or "None" and it holds no reporting verb ("Nothing
  in Baku's words welcomes or opposes the withdrawal": the writer says what was not said);
- an act: "recalled" with no quotation in the clause ("Kenya recalled its ambassador");
- anonymous: the clause says its source is not named ("Diplomats in Brussels said privately",
  "speaking on condition of anonymity", "who asked not to be named"), even with a quotation.
A clause holding a quotation always reports words said.
"""

from __future__ import annotations

from reactionmap.draft.clauses import Clause
from reactionmap.draft.mentions import Mention, name_end
from reactionmap.draft.tokens import Labels, is_stance_word

SPECULATION = {
    "whether", "unclear", "uncertain", "unknown", "expect", "expects", "expected", "likely",
    "unlikely", "poised", "speculation", "speculated", "rumoured", "rumored", "rumour", "rumours",
    "rumor", "rumors", "unconfirmed", "unverified",
}  # fmt: skip
# Words that say the source is not named ("diplomats said privately", "speaking on condition of
# anonymity", "who asked not to be named"): whoever they are, no actor is reported speaking.
ANONYMOUS = {"privately", "anonymity", "anonymously", "unnamed", "unidentified"}
NOT_NAMED = {"named", "identified"}  # "asked not to be named", "declined to be identified"
MODALS = {"will", "would", "may", "might", "could", "should", "shall", "can"}
NOT_YET = {"yet"}  # "has yet to comment"
SILENT = {"nothing", "little"}
NO_ONE = {
    "nothing",
    "none",
    "neither",
}  # "Nothing in Baku's words welcomes ...": no one's  # "has said nothing so far", "has said little": silence
# "made no statement", "issued no comment": the writer says the actor was silent.
SILENT_VERBS = {"made", "make", "makes", "issued", "issue", "issues", "gave", "given", "released"}
SILENT_NOUNS = {"statement", "statements", "comment", "comments", "reaction", "response"}
RELATIVES = {"which", "who", "whose", "that"}
# "recalled" reports words only with a quotation ('recalled "its support"'); without one it is
# an act ("recalled its ambassador").
RECALL = {"recalled", "recalls"}
AN_ACT = "an act, not words"
NOUN_BEFORE = {"of", "the", "a", "an", "its", "their", "his", "her", "for", "before", "after"}
NEGATION_REACH = 3
MODAL_REACH = 4  # words between a modal and the verb it governs ("may yet try to mediate")  # tokens between a negation and the verb it denies


def not_a_statement(
    doc, clause: Clause, words: Labels, in_quote: list[bool], speakers: list[Mention]
) -> str:
    """Why the clause reports no statement by its speakers (the module's rules), "" when it
    does: the clause's verb (``clause.predicate``) must be set."""
    p = clause.predicate
    if p >= 0 and (why := _anonymous(doc, clause, in_quote)):
        return why
    if p < 0 or any(in_quote[clause.start : clause.end]):
        return ""
    if doc[p].lower_ in RECALL:
        return f"'{doc[p].text}' with no quotation: {AN_ACT}"
    before = [i for i in range(clause.start, p) if not in_quote[i]]
    speech = words.covered("speech")
    if doc[clause.start].lower_ in NO_ONE and not speech & set(range(clause.start, clause.end)):
        return f"'{doc[clause.start].text}' ... '{doc[p].text}': no one's words"
    later = [
        i
        for i in range(p + 1, clause.end)
        if i in speech and not _denied(doc, i, words) and doc[i - 1].lower_ not in NOUN_BEFORE
    ]
    if p in speech and _denied(doc, p, words) and not later:
        return f"'{doc[p].text}' is denied"
    if speakers and (why := _denied_after_aside(doc, clause, words, speakers, p)):
        return why
    if p in speech and p + 1 < clause.end and doc[p + 1].lower_ in SILENT and not later:
        return f"'{doc[p].text} {doc[p + 1].text}': no statement"
    if (silent := _no_statement(doc, before)) >= 0:
        return f"'{doc[silent : silent + 3].text}': no statement"
    for i in before:
        if doc[i].lower_ in SPECULATION:
            commas = [k for k in range(i, p) if doc[k].text == ","]
            # "..., France said" reports a statement; "..., traders said" only their guess
            said_after = (
                p in speech and commas and not words.covered("others") & set(range(commas[-1], p))
            )
            if not said_after:
                return f"'{doc[i].text}': speculation"
    if not later and (modal := _modal_before(doc, clause.start, p, in_quote)) >= 0:
        return f"'{doc[modal : p + 1].text}': not said"
    named = [m for m in speakers if m.end <= p]
    if named:
        last = _past_relative_aside(doc, max(name_end(doc, m) for m in named), p)
        for i in range(last, p):
            if doc[i].lower_ in RELATIVES and not all(t.text == "," for t in doc[last:i]):
                return f"'{doc[i].text} {doc[p].text}': someone else's verb"
    return ""


def _no_statement(doc, before: list[int]) -> int:
    """Where the words before the verb say the actor made no statement ("Lebanon's government
    has made no statement on the closure, the paper noted"), or -1."""
    for i in before:
        if (
            doc[i].lower_ in SILENT_VERBS
            and i + 2 < len(doc)
            and doc[i + 1].lower_ == "no"
            and doc[i + 2].lower_ in SILENT_NOUNS
        ):
            return i
    return -1


def _past_relative_aside(doc, last: int, p: int) -> int:
    """Where the words after a name go on past a relative clause set off by commas ("Qatar and
    Turkey, which mediated that ceasefire, urged"): such an aside tells who the actor is, and
    the verb after its closing comma is the actor's own; ``last`` when there is none."""
    if last + 1 >= p or doc[last].text != "," or doc[last + 1].lower_ not in ("which", "who"):
        return last
    for k in range(last + 2, p):
        if doc[k].text == ",":
            return k + 1
    return last


def _denied_after_aside(doc, clause: Clause, words: Labels, speakers: list[Mention], p: int) -> str:
    """The actor's own verb denied past an aside that holds the clause's verb ("Malaysia, which
    also claims the reef, had not commented"): why, or "" when the verb is not in such an aside
    or a reporting verb after it is not denied."""
    last = max((name_end(doc, m) for m in speakers if m.end <= p), default=-1)
    if last < 0 or last + 1 >= p or doc[last].text != ",":
        return ""
    if doc[last + 1].lower_ not in ("which", "who"):
        return ""
    close = next((k for k in range(p + 1, clause.end) if doc[k].text == ","), -1)
    if close < 0 or any(is_stance_word(words, k) for k in range(last, close)):
        return ""  # "Chad, which condemned the coup, had not commented on the talks"
    speech = words.covered("speech")
    verbs = [i for i in range(close + 1, clause.end) if i in speech]
    if verbs and all(_denied(doc, i, words) for i in verbs):
        return f"'{doc[verbs[0]].text}' is denied"
    return ""


def _anonymous(doc, clause: Clause, in_quote: list[bool]) -> str:
    """The words by which the clause, outside its quotations, says its source is not named, or
    ""."""
    for token in doc[clause.start : clause.end]:
        i, word = token.i, token.lower_
        if in_quote[i] or not (word in ANONYMOUS or word in NOT_NAMED):
            continue
        negated = i >= 2 and word in NOT_NAMED and doc[i - 1].lower_ == "be"
        if word in ANONYMOUS or (negated and doc[i - 2].lower_ in ("not", "to")):
            return f"'{doc[i].text}': an anonymous source"
    return ""


def _modal_before(doc, start: int, p: int, in_quote: list[bool]) -> int:
    """A modal that governs the verb ("would say", "may try to mediate", "could well seek to
    broker"): within MODAL_REACH words before it, with only words between them, or -1."""
    for k in range(p - 1, max(start, p - 1 - MODAL_REACH) - 1, -1):
        if in_quote[k] or not doc[k].is_alpha:
            return -1
        if doc[k].lower_ in MODALS:
            return k
    return -1


def _denied(doc, p: int, words: Labels) -> bool:
    """A negation ("not", "declined to") or "yet to" ends within reach before the verb, with
    no punctuation between them."""
    ends = {end for _, end in words.get("negation", [])}
    for k in range(max(0, p - NEGATION_REACH), p):
        if (k + 1 in ends or doc[k].lower_ in NOT_YET) and not any(
            doc[j].is_punct for j in range(k + 1, p)
        ):
            return True
    return False
