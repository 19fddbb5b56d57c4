"""The cross-table of two events (stance in A against stance in B) as escaped, accessible HTML."""

from __future__ import annotations

import html

import pandas as pd

CSS = """
.rm-cross { overflow-x: auto; margin-bottom: 1rem; }
.rm-cross:focus-visible { outline: 2px solid #111; outline-offset: 2px; }
.rm-cross table { border-collapse: collapse; font-size: 0.9rem; }
.rm-cross th, .rm-cross td { border: 1px solid #ddd; padding: 0.3rem 0.5rem;
  vertical-align: top; text-align: left; min-width: 6rem; }
.rm-cross thead th { background: #f4f4f4; }
.rm-cross tbody th { background: #f9f9f9; font-weight: 600; }
.rm-cross .rm-count { font-weight: 600; }
.rm-cross caption { text-align: left; padding-bottom: 0.3rem; }
"""


def cross_html(cross: pd.DataFrame, caption: str) -> str:
    """view.compare.cross_table as a table: a header cell for each stance in B (columns) and in
    A (rows), each cell its count and its countries' names. It scrolls sideways in a box that
    the keyboard can reach and that names itself (a phone is narrower than seven columns)."""
    label = html.escape(caption)
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in cross.columns)
    rows = []
    for stance, cells in cross.iterrows():
        tds = "".join(
            f'<td><span class="rm-count">{c.count}</span>: {html.escape(", ".join(c.names))}</td>'
            if c.count
            else "<td></td>"
            for c in cells
        )
        rows.append(f'<tr><th scope="row">{html.escape(str(stance))}</th>{tds}</tr>')
    return (
        f'<style>{CSS}</style><div class="rm-cross" tabindex="0" role="region" '
        f'aria-label="{label}"><table><caption>{label}</caption><thead><tr>'
        f"<td>A \\ B</td>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
