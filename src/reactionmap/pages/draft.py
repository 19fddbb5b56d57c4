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


def with_reported(rows: pd.DataFrame, date) -> pd.DataFrame:
    """The rows with the article's ``date`` as ``reported`` where it is empty and the row's own
    date is not after it (a source cannot report a statement before it is made)."""
    if not date or "reported" not in rows:
        return rows
    day = f"{date:%Y-%m-%d}"
    empty = rows["reported"].fillna("").eq("") & ~(rows["date"].fillna("").str[:10] > day)
    return rows.assign(reported=rows["reported"].mask(empty, day))


def save_draft_rows(rows: pd.DataFrame, event_id: str, title: str, date, targets, source, url):
    """The Save button: write the rows; the next run opens the event's map."""
    from reactionmap.draft.save import DraftNotSaved, save_draft

    try:
        folder, count, created = save_draft(
            with_reported(rows, date), event_id, title=title, date=f"{date:%Y-%m-%d}" if date else "",
            targets=targets, source_name=source, source_url=url,
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
        "Paste a news article or upload it (.txt or .html). Each proposed row is a draft: read it "
        "beside the sentence it came from (actor words in blue, stance words in orange), fix it "
        "in the table, then save the rows to an event or download them. Nothing is saved until "
        "you press Save."
    )
    upload = st.file_uploader("Article (.txt or .html)", type=ARTICLE_TYPES, max_upload_size=5)
    pasted = st.text_area("…or paste the article's text", height=180, key="draft_text")
    left, middle, right = st.columns(3)
    date = left.date_input("Article date (for 'on Sunday')", value=None, key="draft_date")
    source = middle.text_input("Source name", key="draft_source")
    url = right.text_input("Source URL", key="draft_url")
    countries = caches.world()[0]
    names = dict(zip(countries["iso3"], countries["name"], strict=True))
    targets = st.multiselect(
        "Target and parties of the event (coded 'party')",
        sorted(names, key=lambda code: names[code]),
        format_func=lambda code: names[code],
        key="draft_targets",
    )
    same_day = st.checkbox("The reactions are from the article's day", key="draft_same_day")
    name, data = (upload.name, upload.getvalue()) if upload else ("pasted.txt", pasted.encode())
    if not data.strip():
        st.info("Paste an article or upload one to draft its reactions.")
        return
    try:
        text = decode(data, name)
    except ArticleRefused as err:
        st.error(f"Refused: {md(err)}")
        return
    options = (f"{date}" if date else None, tuple(targets), same_day, source, url)
    key = digests.of_bytes(data + repr(options).encode())
    # Drafted in another process, with a time limit: the server goes on serving other pages.
    with st.spinner("Drafting the article…"):
        try:
            outcome = caches.draft(key, text, name, *options)
        except DraftBusy as err:
            st.error(md(err))
            return
    if outcome.refused:
        st.error(md(outcome.refused))
        return
    result = outcome.draft
    # ``reported`` is the article's date, filled when the rows are saved (with_reported): the
    # date given after an edit then changes no row, and the editor keeps the reader's edits.
    rows = result.rows.assign(reported="")
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
            exists, missing = event.exists, [p for p in event.parties if p not in targets]
    if missing:
        st.warning(
            f"{md(event_id)}'s parties {md(', '.join(missing))} are not in *Target and parties* "
            "above: add them so their rows are coded party."
        )
    if event_id:
        st.caption(
            f"Adds the rows to **{md(event_id)}**."
            if exists
            else f"Creates the event **{md(event_id)}**, "
            + (f"dated {date}." if date else "undated (give the article date to date it).")
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
            targets,
            rows.at[0, "source_name"],
            rows.at[0, "source_url"],
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
