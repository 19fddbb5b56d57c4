"""Quote cards as escaped HTML: actor, stance badge, speaker, date, words and source."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import pandas as pd

from reactionmap.schema import Scale, safe_url

# Markdown's active characters (and ':' for emoji codes and bare links), escaped one by one.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")
# Bare links ("https://...", "www.") and icon or emoji codes (":material/home:", ":smile:")
# are found in the text *after* escapes are undone: a word joiner (U+2060, invisible) after
# each ':' and inside "www." breaks them without changing what a reader sees.
WORD_JOINER = "\u2060"
LINK_OR_CODE_RE = re.compile(r":|www(?=\\\.)", re.IGNORECASE)


def escape_markdown(text: object) -> str:
    """Outside text made inert for Streamlit's Markdown (titles, captions, labels): no links
    (not even bare ones), no images, no emphasis, no HTML, no icon or emoji codes."""
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return LINK_OR_CODE_RE.sub(lambda m: m.group(0) + WORD_JOINER, escaped)


CARD_CSS = """
<style>
.rm-card{border:1px solid #ddd;border-radius:8px;padding:.7rem .9rem;margin:0 0 .7rem 0;background:#fff}
.rm-card.rm-selected{border:2px solid #111}
.rm-head{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-bottom:.3rem}
.rm-actor{font-weight:650;font-size:1.02rem}
.rm-badge{border-radius:999px;padding:.05rem .55rem;font-size:.78rem;border:1px solid rgba(0,0,0,.25)}
.rm-meta{color:#444;font-size:.85rem}
.rm-quote{margin:.35rem 0;padding-left:.7rem;border-left:3px solid #bbb;font-size:.98rem}
.rm-summary{margin:.35rem 0;font-size:.95rem;color:#222}
.rm-label{font-size:.75rem;color:#555;text-transform:uppercase;letter-spacing:.03em}
.rm-source{font-size:.8rem;color:#444;overflow-wrap:anywhere}
@media (max-width:640px){h1{font-size:1.7rem !important;line-height:1.2 !important}}
</style>
"""


def text_color(background: str) -> str:
    """Black or white, whichever reads better on a #RRGGBB background."""
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#fff"


def source_html(name: str, url: str) -> str:
    """A link when the URL is plain http(s), else the name (and URL) as text."""
    label = html.escape(name or url or "source not given")
    if url and safe_url(url):
        return (
            f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">{label}</a>'
        )
    if url:
        return f"{label} ({html.escape(url)})"
    return label


def card_html(row: Mapping, scale: Scale, selected: bool = False) -> str:
    """One statement as a card; every piece of outside text is escaped."""
    color = scale.color(row["stance"])
    badge = (
        f'<span class="rm-badge" style="background:{color};color:{text_color(color)}">'
        f"{html.escape(scale.label(row['stance']))}</span>"
    )
    who = ", ".join(html.escape(p) for p in (row["speaker"], row["speaker_role"]) if p)
    meta = " · ".join(p for p in (who, html.escape(row["date_label"])) if p)
    if row["quote"]:
        body = f'<blockquote class="rm-quote">“{html.escape(row["quote"])}”</blockquote>'
        if row["summary"]:
            body += (
                f'<div class="rm-summary"><span class="rm-label">Summary</span> '
                f"{html.escape(row['summary'])}</div>"
            )
    else:
        body = (
            f'<div class="rm-summary"><span class="rm-label">Summary, no direct quote</span> '
            f"{html.escape(row['summary'])}</div>"
        )
    classes = "rm-card rm-selected" if selected else "rm-card"
    return (
        f'<div class="{classes}" data-iso3="{html.escape(row["actor_iso3"], quote=True)}">'
        f'<div class="rm-head"><span class="rm-actor">{html.escape(row["actor"])}</span>{badge}</div>'
        f'<div class="rm-meta">{meta}</div>{body}'
        f'<div class="rm-source">Source: {source_html(row["source_name"], row["source_url"])}</div>'
        "</div>"
    )


def order_cards(statements: pd.DataFrame, selected: str | None) -> pd.DataFrame:
    """Newest first, the selected country's statements before all others."""
    ordered = statements.sort_values(["when", "row"], ascending=[False, True], kind="stable")
    if selected:
        first = ordered["actor_iso3"] == selected
        ordered = pd.concat([ordered[first], ordered[~first]])
    return ordered
