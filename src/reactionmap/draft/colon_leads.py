"""A speaker's short lead before a colon and its quotation: "The UAE went further: "..."."""

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
