"""The "Draft from an article" page: proposed rows beside their sentences, fixed, saved or downloaded."""

# The drafter (spaCy) is imported only when this page runs: the dashboard never loads it.

from __future__ import annotations

import pandas as pd
import streamlit as st

from reactionmap.contract.scale import DEFAULT_SCALE
from reactionmap.contract.statements import DATE_PRECISIONS, statements_csv
from reactionmap.draw.cards import escape_markdown as md
from reactionmap.intake import digests
from reactionmap.pages import caches, site
from reactionmap.view.state import MAP_PAGE

ARTICLE_TYPES = ["txt", "html", "htm"]
MAX_PASTED = 20  # pasted articles at once; more come as uploads


def with_reported(rows: pd.DataFrame, date) -> pd.DataFrame:
    """The rows with the article's ``date`` as ``reported`` where it is empty and the row's own
    date is not after it (a source cannot report a statement before it is made)."""
    if not date or "reported" not in rows:
        return rows
    day = f"{date:%Y-%m-%d}"
    empty = rows["reported"].fillna("").eq("") & ~(rows["date"].fillna("").str[:10] > day)
    return rows.assign(reported=rows["reported"].mask(empty, day))


def save_draft_rows(
    rows: pd.DataFrame, event_id: str, title: str, date, targets, source, url, sources=None
):
    """The Save button: write the rows; the next run opens the event's map. ``sources``: the
    (name, url, day) of each article when several were drafted."""
    from reactionmap.draft.save import DraftNotSaved, save_draft

    day = f"{date:%Y-%m-%d}" if date else ""
    if sources:  # several articles: each row reports its own article's day; the event's is
        days = sorted(d for _, _, d in sources if d)  # the earliest, unless one is given
        day = day or (days[0] if days else "")
    try:
        folder, count, created = save_draft(
            with_reported(rows, date), event_id, title=title, date=day, targets=targets,
            source_name=source, source_url=url,
            sources=[(name, link) for name, link, _ in sources] if sources else None,
        )  # fmt: skip
    except DraftNotSaved as err:
        st.session_state["draft_error"] = str(err)
        return
    st.session_state["draft_error"] = ""
    st.session_state["draft_open"] = folder.name
    st.session_state["draft_saved"] = (
        f"{'Created' if created else 'Added to'} {folder.name}: {count} row(s) from the draft."
    )


def main() -> None:
    # Saved: the event's map opens (the map page shows what was saved).
    if opened := st.session_state.pop("draft_open", ""):
        st.switch_page(site.page(MAP_PAGE), query_params={"event": opened})

    from reactionmap.draft import ArticleRefused, decode
    from reactionmap.draft.evidence import rows_evidence_html
    from reactionmap.draft.save import existing_event
    from reactionmap.draft.worker import DraftBusy, pool

    pool().warm()  # spaCy loads in a worker while the reader pastes

    st.title("Draft from an article", anchor=False)
    st.caption(
        "Paste news articles or upload them (.txt or .html). Each proposed row is a draft: read "
        "it beside the sentence it came from (actor words in blue, stance words in orange), fix "
        "it in the table, then save the rows to an event or download them. Nothing is saved "
        "until you press Save. Several articles make one table, the same statement once."
    )
    uploads = st.file_uploader(
        "Articles (.txt or .html)", type=ARTICLE_TYPES, max_upload_size=5,
        accept_multiple_files=True, key="draft_uploads",
    )  # fmt: skip
    pasted_count = int(
        st.number_input("Pasted articles", min_value=1, max_value=MAX_PASTED, key="draft_pasted")
    )
    pasted = [
        st.text_area(
            "…or paste the article's text" if n == 1 else f"Article {n}'s text",
            height=180 if n == 1 else 120,
            key="draft_text" if n == 1 else f"draft_text_{n}",
        )
        for n in range(1, pasted_count + 1)
    ]
    given = [(upload.name, upload.getvalue()) for upload in uploads or []]
    given += [
        ("pasted.txt" if n == 1 else f"pasted-{n}.txt", text.encode())
        for n, text in enumerate(pasted, start=1)
        if text.strip()
    ]
    several = len(given) > 1
    left, middle, right = st.columns(3)
    date = left.date_input("Article date (for 'on Sunday')", value=None, key="draft_date")
    source = middle.text_input("Source name", key="draft_source", disabled=several)
    url = right.text_input("Source URL", key="draft_url", disabled=several)
    if several:
        st.caption(
            f"{len(given)} articles: each is cited by its own `url:`, `publisher:` and "
            "`published:` lines (or its page's meta tags); the date above dates only those "
            "that give none. The same statement reported by several articles is one row, the "
            "first article's, whose notes list the others."
        )
    countries = caches.world()[0]
    names = dict(zip(countries["iso3"], countries["name"], strict=True))
    targets = st.multiselect(
        "Target and parties of the event (coded 'party')",
        sorted(names, key=lambda code: names[code]),
        format_func=lambda code: names[code],
        key="draft_targets",
    )
    against = st.multiselect(
        "Taken against (a coup's ousted government, the country attacked; coded 'party')",
        sorted(names, key=lambda code: names[code]),
        format_func=lambda code: names[code],
        key="draft_against",
        help='Support for them opposes the action: "supports the ousted president" or '
        '"solidarity with" the country attacked is read as condemning it (the notes say so).',
    )
    parties = [*targets, *(code for code in against if code not in targets)]
    same_day = st.checkbox("The reactions are from the article's day", key="draft_same_day")
    if not any(data.strip() for _, data in given):
        st.info("Paste an article or upload some to draft their reactions.")
        return
    try:
        texts = [(decode(data, name), name) for name, data in given if data.strip()]
    except ArticleRefused as err:
        st.error(f"Refused: {md(err)}")
        return
    day = f"{date}" if date else None
    # Drafted in another process, with a time limit: the server goes on serving other pages.
    with st.spinner("Drafting the articles…" if several else "Drafting the article…"):
        try:
            if several:
                key = digests.of_bytes(repr((texts, day, targets, same_day, against)).encode())
                outcome = caches.draft_many(
                    key, texts, day, tuple(targets), same_day, tuple(against)
                )
            else:
                (text, name), data = texts[0], given[0][1]
                options = (day, tuple(targets), same_day, source, url, tuple(against))
                key = digests.of_bytes(data + repr(options).encode())
                outcome = caches.draft(key, text, name, *options)
        except DraftBusy as err:
            st.error(md(err))
            return
    if outcome.refused:
        st.error(md(outcome.refused))
        return
    result = outcome.draft
    sources = [(s.source_name, s.source_url, s.date) for s in outcome.sources]
    # ``reported`` is the article's date, filled when the rows are saved (with_reported): the
    # date given after an edit then changes no row, and the editor keeps the reader's edits.
    # Several articles: each row keeps its own article's day, as drafted.
    rows = result.rows if several else result.rows.assign(reported="")
    if rows.empty:
        st.warning("No government or organization reacting was found in this text.")
        return
    st.header(f"Proposed statements ({len(rows)})", anchor=False)
    edited = st.data_editor(
        rows,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        # Keyed by the proposed rows: an option that does not change them keeps the reader's edits.
        key=f"draft-editor-{digests.of_bytes(statements_csv(rows))}",
        column_config={
            "stance": st.column_config.SelectboxColumn(
                "stance", options=list(DEFAULT_SCALE.keys), required=True
            ),
            "date_precision": st.column_config.SelectboxColumn(
                "date_precision", options=list(DATE_PRECISIONS)
            ),
            "quote": st.column_config.TextColumn("quote", width="medium"),
            "summary": st.column_config.TextColumn("summary", width="large"),
        },
    )
    with st.expander("Where each row came from", expanded=True):
        st.html(rows_evidence_html(edited.to_dict("records"), result.evidence))
    st.header("Save or download", anchor=False)
    left, right = st.columns(2)
    event_id = left.text_input("Event id (new or existing)", key="draft_event_id").strip()
    title = right.text_input("Title of a new event", key="draft_title")
    exists, missing = False, []
    if event_id:
        try:
            event = existing_event(event_id)
        except ValueError as err:
            st.error(md(err))
            event_id = ""
        else:
            exists, missing = event.exists, [p for p in event.parties if p not in parties]
    if missing:
        st.warning(
            f"{md(event_id)}'s parties {md(', '.join(missing))} are not in *Target and parties* "
            "or *Taken against* above: add them so their rows are coded party."
        )
    if event_id:
        first = min((d for _, _, d in sources if d), default="")
        st.caption(
            f"Adds the rows to **{md(event_id)}**."
            if exists
            else f"Creates the event **{md(event_id)}**, "
            + (
                f"dated {date or first}."
                if date or first
                else "undated (give the article date to date it)."
            )
        )
    st.button(
        "Save to the event and open its map",
        disabled=not event_id,
        on_click=save_draft_rows,
        args=(
            edited,
            event_id,
            title,
            date,
            parties,
            rows.at[0, "source_name"],
            rows.at[0, "source_url"],
            sources if several else None,
        ),
        type="primary",
    )
    if st.session_state.get("draft_error"):
        st.error(md(st.session_state["draft_error"]))
    st.download_button(
        "Download these rows (CSV)",
        statements_csv(edited),
        "draft-statements.csv",
        "text/csv",
        on_click="ignore",
    )


if __name__ == "__main__":  # run by st.navigation as the page's script
    main()
