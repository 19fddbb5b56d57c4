"""Quote cards as escaped HTML: actor, stance badge, speaker, date, words and source."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from reactionmap.contract.cells import safe_url
from reactionmap.contract.scale import Scale
from reactionmap.view import memo
from reactionmap.view.stance import actor_key, actor_keys, latest_order

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
.rm-earlier{margin-top:.45rem;font-size:.9rem}
.rm-earlier summary{cursor:pointer;color:#333}
.rm-earlier-item{border-top:1px solid #eee;margin-top:.4rem;padding-top:.4rem}
@media (max-width:640px){h1{font-size:1.7rem !important;line-height:1.2 !important}}
</style>
"""


def relative_luminance(color: str) -> float:
    """WCAG 2's relative luminance of a #RRGGBB (or #RGB) colour: 0 black, 1 white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    digits = color.lstrip("#")
    digits = "".join(d * 2 for d in digits) if len(digits) == 3 else digits
    r, g, b = (linear(int(digits[i : i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white). Text
    needs 4.5 (3 when large), a focus indicator or a control's edge 3."""
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# Where the keyboard is: a 2 px near-black ring (#111, 16:1 or more on white and on the
# sidebar's grey) around every control, where Streamlit shows a half-transparent tint of its
# primary colour (2.5:1), a faint background, or nothing. A control whose focused element is
# hidden (a slider's thumb, a toggle) or sits in a box (a select) rings the part one sees; a
# box that fills its container (a select, a text field, a grid, the map's buttons), and a
# card's links and folds (which Tab may reach flush with the scrolling main box's edge, or
# which a late layout shift may push there), are ringed just inside their edge, where the
# container, which scrolls, does not cut the ring off.
FOCUS_RING = "outline:2px solid #111 !important;outline-offset:2px !important"
INSET_RING = "outline:2px solid #111 !important;outline-offset:-2px !important"
FOCUS_RULE = (
    ':is(a,button,summary,[role=button],[tabindex="0"]):not(input,textarea):focus-visible'
    f"{{{FOCUS_RING}}}"
)
FOCUS_CSS = f"""<style>
:focus-visible{{scroll-margin:.75rem}}
{FOCUS_RULE}
[data-testid=stSlider] [data-rac]:has(> div > input:focus-visible),
:is([data-testid=stCheckbox],[data-testid=stRadio]) label:has(input:focus-visible){{{FOCUS_RING}}}
:is([data-testid=stSelectbox],[data-testid=stMultiSelect]) [role=group]:has(input:focus-visible),
:is([data-testid=stTextArea],[data-testid=stTextInput],[data-testid=stDateInput],
  [data-testid=stNumberInput])
  div:has(> :is(input,textarea):focus-visible),
[data-testid=stPlotlyChart] .modebar-btn:focus-visible,main[data-testid=stMain]:focus-visible,
[data-testid=stExpander] summary:focus-visible,
[data-testid=stHtml] :is(a,summary):focus-visible,
[data-testid=stDataFrameResizable] :is(div,canvas):focus-visible{{{INSET_RING}}}
/* A closed sidebar (a phone's, or one the reader closed) slides out of sight but would keep
   its controls in the tab order: once it has slid, it is hidden, to its help buttons (which
   set their own visibility). */
[data-testid=stSidebar][data-collapsed=true],[data-testid=stSidebar][data-collapsed=true] *
  {{visibility:hidden !important;transition:visibility 0s .3s !important}}
</style>"""


def text_color(background: str) -> str:
    """Black or white, whichever has the higher WCAG contrast on a #RRGGBB background (a
    brightness threshold put white on the Okabe-Ito orange #D55E00: 3.9:1; black is 5.4:1)."""
    black = contrast_ratio(background, "#000000")
    return "#000" if black >= contrast_ratio(background, "#FFFFFF") else "#fff"


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


def _statement_html(row: Mapping, scale: Scale) -> tuple[str, str]:
    """A statement as (its stance badge, its speaker, date, words and source): the badge goes
    in the card's head beside the actor. Every piece of outside text is escaped."""
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
    source = source_html(row["source_name"], row["source_url"])
    return (
        badge,
        f'<div class="rm-meta">{meta}</div>{body}<div class="rm-source">Source: {source}</div>',
    )


def card_html(
    row: Mapping, scale: Scale, selected: bool = False, earlier: Sequence[Mapping] = ()
) -> str:
    """One actor's card: its latest statement, and its ``earlier`` ones (newest first) folded
    under it."""
    badge, body = _statement_html(row, scale)
    classes = "rm-card rm-selected" if selected else "rm-card"
    folded = ""
    if earlier:
        items = "".join(
            '<div class="rm-earlier-item"><div class="rm-head">{}</div>{}</div>'.format(
                *_statement_html(r, scale)
            )
            for r in earlier
        )
        count = f"{len(earlier)} earlier statement{'s' if len(earlier) > 1 else ''}"
        folded = f'<details class="rm-earlier"><summary>{count}</summary>{items}</details>'
    return (
        f'<div class="{classes}" data-iso3="{html.escape(row["actor_iso3"], quote=True)}">'
        f'<div class="rm-head"><span class="rm-actor">{html.escape(row["actor"])}</span>{badge}</div>'
        f"{body}{folded}</div>"
    )


def order_cards(statements: pd.DataFrame, selected: str | None) -> pd.DataFrame:
    """Newest first (the order the map reads an actor's latest statement in, reversed), the
    selected country's statements before all others."""
    ordered = latest_order(statements, newest_first=True)
    if selected:
        first = ordered["actor_iso3"] == selected
        ordered = pd.concat([ordered[first], ordered[~first]])
    return ordered


def actor_cards(
    statements: pd.DataFrame,
    scale: Scale,
    selected: str | None = None,
    everyone: pd.DataFrame | None = None,
) -> list[str]:
    """One card per actor, newest first (the selected country's first): its latest statement,
    the others folded under it. ``everyone``: the event's statements, of which ``statements``
    are some (a view's): their order, rows and actors are read once for everyone (view.memo)."""
    if everyone is None:
        ordered = order_cards(statements, selected)
        rows = ordered.to_dict("records")
        keyed: Iterable[tuple[str, dict]] = zip(actor_key(ordered), rows, strict=True)
    else:
        rank, records, keys = memo.by_statements(everyone, "cards", lambda: _book(everyone))
        labels = sorted(statements.index, key=rank.__getitem__)
        if selected:
            chosen = {label for label in labels if records[label]["actor_iso3"] == selected}
            labels = [label for label in labels if label in chosen] + [
                label for label in labels if label not in chosen
            ]
        keyed = ((keys[label], records[label]) for label in labels)
    groups: dict[str, list[dict]] = {}
    for key, row in keyed:
        groups.setdefault(key, []).append(row)
    return [
        card_html(latest, scale, bool(selected) and latest["actor_iso3"] == selected, rest)
        for latest, *rest in groups.values()
    ]


def _book(everyone: pd.DataFrame) -> tuple[dict, dict, dict]:
    """Every statement's place in the cards' order (order_cards), its row and its actor, by
    row label."""
    ordered = order_cards(everyone, None)
    labels = ordered.index.tolist()
    return (
        {label: place for place, label in enumerate(labels)},
        dict(zip(labels, ordered.to_dict("records"), strict=True)),
        dict(zip(labels, actor_key(ordered), strict=True)),
    )


def actor_count(statements: pd.DataFrame, everyone: pd.DataFrame | None = None) -> int:
    """How many cards actor_cards makes: one per actor (``everyone``: stance.actor_keys)."""
    return int(actor_keys(statements, everyone).nunique())


# Visually hidden, still read by screen readers (the usual clip pattern).
SR_ONLY_CSS = (
    ".rm-sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
    "clip:rect(0,0,0,0);clip-path:inset(50%);white-space:nowrap;border:0}"
)
HINT_CSS = f"""<style>
.rm-hint{{color:#555;font-size:.875rem;margin:0}}
.rm-tap{{display:none}}
@media (hover:none){{.rm-tap{{display:inline}}.rm-hover{{display:none}}}}
{SR_ONLY_CSS}
</style>"""


def hint_html(when: str, pointer: str, touch: str, described: str = "") -> str:
    """The line under the map: the date, and what to do with a pointer, or (where the screen
    has no hover, as phones do) with a finger. ``described``: the map in words, for screen
    readers only (the map itself is a picture they cannot read)."""
    about = f'<span class="rm-sr-only">{html.escape(described)} </span>' if described else ""
    return (
        f'{HINT_CSS}<p class="rm-hint">{about}{html.escape(when)} '
        f'<span class="rm-hover">{html.escape(pointer)}</span>'
        f'<span class="rm-tap">{html.escape(touch)}</span></p>'
    )


def selected_html(
    name: str,
    statements: pd.DataFrame,
    scale: Scale,
    code: str,
    as_of: pd.Timestamp,
    everyone: pd.DataFrame | None = None,
) -> str:
    """The selected country's card, right under the map where a tap leaves the reader's eyes,
    or a line saying it made no statement."""
    found = actor_cards(statements, scale, code, everyone)
    body = "".join(found) or (
        f'<p class="rm-hint"><b>{html.escape(name)}</b>: no statement recorded as of '
        f"{as_of:%-d %B %Y}.</p>"
    )
    return (
        f'<div class="rm-picked" data-iso3="{html.escape(code, quote=True)}">{body}'
        '<p class="rm-hint">Click the sea, or the country again, to clear.</p></div>'
    )
