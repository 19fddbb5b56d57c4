"""Short leads that own the quotation after them: "The UAE went further: "..."", "The bloc "..."."""

from __future__ import annotations

COLON_LEAD = 4  # words between a speaker's name and the colon ("went further", "was blunter")
OPENING_MARKS = ('"', "“")


def past_colon_lead(doc, in_quote, end: int, stop: int) -> int:
    """Where a quotation opens after a speaker's short lead and its colon ("went further:",
    "was blunter still:"), so the quotation is the speaker's; ``end`` when there is none."""
    k = end
    while k < stop and k - end < COLON_LEAD and doc[k].is_alpha and doc[k].is_lower:
        k += 1
    if k == end or k + 2 >= stop or doc[k].text != ":" or in_quote[k]:
        return end
    opens = doc[k + 1].text in OPENING_MARKS and in_quote[k + 2]
    return k + 1 if opens else end


def anaphor_then_quote(doc, in_quote, end: int, cues, stop: int) -> bool:
    """Whether words that refer back ("The bloc", "The ministry"), ending at ``end``, open a
    clause with no verb of its own and a quotation holding a stance cue follows them right
    away ('The bloc "firmly rejects ..."'): the quotation is the last speaker's words."""
    if end < 0 or end + 1 >= stop or doc[end].text not in OPENING_MARKS or not in_quote[end + 1]:
        return False
    close = end + 1
    while close < stop and in_quote[close]:
        close += 1
    return any(end < c.start < close for c in cues)
