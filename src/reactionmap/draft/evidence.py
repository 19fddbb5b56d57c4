"""The sentences a draft row came from, as escaped HTML with the deciding words marked."""

from __future__ import annotations

import html

from reactionmap.draft.finding import Evidence

EVIDENCE_CSS = """<style>
.rm-evidence { font-size: .92rem; line-height: 1.45; margin: 0 0 .4rem 0; }
.rm-evidence mark.rm-actor { background: #cfe3f5; padding: 0 .15em; border-radius: 3px; }
.rm-evidence mark.rm-stance { background: #fde2b8; padding: 0 .15em; border-radius: 3px; }
</style>"""
KINDS = ("actor", "stance")


def evidence_html(evidence: list[Evidence]) -> str:
    """Each sentence, escaped, with the actor and stance words in <mark> (never raw text)."""
    parts = []
    for item in evidence:
        marks = sorted((m for m in item.marks if m[2] in KINDS), key=lambda m: (m[0], -m[1]))
        out, at = [], 0
        for start, end, kind in marks:
            if start < at or end > len(item.text) or start >= end:
                continue  # overlapping or out of range: leave the words unmarked
            out.append(html.escape(item.text[at:start]))
            out.append(f'<mark class="rm-{kind}">{html.escape(item.text[start:end])}</mark>')
            at = end
        out.append(html.escape(item.text[at:]))
        parts.append(f'<p class="rm-evidence">{"".join(out)}</p>')
    return "".join(parts)


def rows_evidence_html(rows: list[dict], evidence: dict[str, list[Evidence]]) -> str:
    """For each (edited) row, its id, actor and stance over the sentence it came from; a row
    added by hand says it has none. Every piece of text escaped."""
    blocks = []
    for row in rows:
        found = evidence.get(row["statement_id"])
        head = html.escape(f"{row['statement_id']} · {row['actor']} · {row['stance']}")
        body = evidence_html(found) if found else "<p><i>Added by hand: no source sentence.</i></p>"
        blocks.append(f"<div><b>{head}</b>{body}</div>")
    return EVIDENCE_CSS + "".join(blocks)
