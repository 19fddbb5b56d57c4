"""The "Your own table" page: a table uploaded or pasted (or the UN voting file), mapped and fixable."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from reactionmap.contract import problems
from reactionmap.contract.event import Event
from reactionmap.contract.scale import SCALE_PRESETS
from reactionmap.draw.cards import escape_markdown as md
from reactionmap.intake import digests, reader_words, stance_words, unvotes
from reactionmap.intake.columns import guess_columns, reader_headers, with_columns
from reactionmap.intake.kept import KeptTable, table_to_show
from reactionmap.intake.statements import still_standing
from reactionmap.intake.tables import FORMATS, MAX_BYTES, TableRefused
from reactionmap.pages import caches, dashboard
from reactionmap.view.state import UPLOAD_PAGE

UN_FILE = "UNGA_voting.csv"  # how the UN Digital Library's bulk file is usually saved
SCALE_NAMES = {"default": "Reactions (condemn … support)", "vote": "Vote (yes/no/…)"}


def un_vote_upload(name: str, data: bytes) -> tuple[Event, str]:
    """The UN voting file: pick a resolution (the newest first), map its vote."""
    tag = digests.of_bytes(data)
    try:
        found = caches.un_scan(name, tag, data, None)
    except ValueError as err:  # pyarrow's parse errors are ValueErrors too
        st.error(f"{md(name)} has the UN voting file's header but cannot be read: {md(err)}")
        st.stop()
    listing = found.resolutions
    symbols = list(listing["symbol"])
    titles = dict(zip(listing["symbol"], listing["date"] + " · " + listing["title"], strict=True))
    st.title("UN General Assembly vote", anchor=False)
    symbol = st.selectbox(
        f"Resolution ({len(symbols)} in this {found.layout}-layout file, newest first)",
        symbols,
        format_func=lambda s: f"{s} · {titles[s][:90]}",  # options are plain text
        key=f"resolution|{tag}",
    )
    dates = dict(zip(listing["symbol"], listing["date"], strict=True))
    refusal = unvotes.date_refusal(name, symbol, dates[symbol])
    if refusal:
        st.error(md(refusal))
        st.stop()
    event = caches.un_event(name, tag, symbol, data)
    st.header(md(event.title), anchor=False)
    day = f"{event.date:%-d %B %Y}" if event.date_known else "date not given"
    st.caption(
        f"{day} · UN Digital Library voting file ({found.layout} layout) · "
        "scale: vote (Y, N, A; X, NV or blank for non-voting)"
    )
    if event.summary:
        st.caption(md(event.summary))
    return event, f"un:{tag}:{symbol}"


def table_upload(name: str, data: bytes, kept: KeptTable) -> tuple[Event, str, DeltaGenerator]:
    """Any table, in the order a reader works: which columns hold the countries and the stance,
    the scale (detected), the values no scale reads, then the map, then the problems and the
    table to fix. Returns the event, its content key and the place for the map."""
    st.title("Map your own table", anchor=False)
    st.caption(
        "Only a country column and a stance column are required; any other column of the data "
        "contract is used when present. Every good row is mapped; the rows to fix are listed "
        "under the map, above your table."
    )
    tag = digests.of_bytes(data)
    try:
        raw, read_problems = caches.upload(name, tag, data)
    except TableRefused as err:
        st.error(f"Refused: {md(err)}")
        if len(data) > MAX_BYTES:
            st.caption(
                "Import it on the command line instead, then choose it in *Event* on the "
                "*Event map*:"
            )
            plain = name.replace("`", "'")  # inline code shows the rest as it is
            st.markdown(f"`reactionmap import {plain} --event-id my-event`")
        st.stop()
    columns = [str(c) for c in raw.columns]
    raw = raw.set_axis(columns, axis=1)
    actor_guess, stance_guess = guess_columns(columns)
    left, middle, right = st.columns(3)
    actor_col = column_picker(
        left, "Countries are in column", columns, actor_guess, f"actor_col|{tag}"
    )
    stance_col = column_picker(
        middle, "Stance is in column", columns, stance_guess, f"stance_col|{tag}"
    )
    # The scale is detected on the file as it came, so the reader's choice is not reset
    # by an edit.
    guess = stance_words.detect_scale(raw[stance_col] if stance_col else pd.Series(dtype=str))
    # The page in the order a reader works; the table is read first (the map follows its
    # fixes), and shown under the map.
    values_place, map_place, problems_place = st.container(), st.container(), st.container()
    st.header("Your table", anchor=False)
    st.caption("Fix a cell here and the map follows.")
    # Row labels as in a spreadsheet (the header is row 1), the numbers problems give. The
    # table and the fixes made to it stay for the session (KeptTable).
    editor_key = f"editor-{tag}"
    base = kept.start(raw, editor_open=editor_key in st.session_state)
    numbered = base.set_axis(problems.Problem.row_of(pd.RangeIndex(len(base))), axis=0)
    edited = st.data_editor(numbered, num_rows="dynamic", width="stretch", key=editor_key)
    edited = edited.reset_index(drop=True)
    kept.keep(edited)
    standing = still_standing(read_problems, raw, edited)  # a fixed row is checked afresh
    table = with_columns(edited, actor_col, stance_col)
    values = table["stance"] if stance_col else pd.Series(dtype=str)
    names = list(SCALE_PRESETS)
    scale_name = right.radio(
        "Stance scale",
        names,
        index=names.index(guess.name),
        format_func=SCALE_NAMES.get,
        key=f"scale|{tag}|{stance_col}",
        horizontal=True,
    )
    if guess.total:
        right.caption(
            f"Detected {SCALE_NAMES[guess.name]}: it reads {guess.matched} of {guess.total} "
            "stances." + ("" if scale_name == guess.name else " You chose another.")
        )
    scale = SCALE_PRESETS[scale_name]
    words = stance_words.value_table(values, scale)
    if (words["key"] == "").any():
        with values_place:
            st.markdown("**Match your values to the scale.** Choose the stance each value means.")
            chosen = st.data_editor(
                words,
                hide_index=True,
                disabled=["value", "rows"],
                column_config={
                    "key": st.column_config.SelectboxColumn(
                        "stance",
                        options=list(scale.keys),
                        format_func=lambda key: scale.label(str(key)),
                        help="leave empty to keep it unmapped",
                    )
                },
                key=f"values|{tag}|{stance_col}|{scale_name}",
            )
        mapping = dict(zip(chosen["value"], chosen["key"].fillna(""), strict=True))
        table["stance"] = stance_words.apply_value_map(table["stance"], mapping)
    table_digest = digests.of_frame(table)  # headers count too
    event = caches.table_event(name, table_digest, scale_name, table, standing)
    if event.problems:
        resolver = caches.resolver()
        headers = reader_headers(columns, actor_col, stance_col)
        # An error while rows wait for a fix; a warning for notes on rows that are mapped.
        box = problems_place.error if reader_words.rows_waiting(event) else problems_place.warning
        box(reader_words.reader_summary(event))
        problems_place.dataframe(
            reader_words.reader_frame(event, headers, resolver.country_name),
            hide_index=True,
            width="stretch",
            column_config={"problem": st.column_config.TextColumn("problem", width="large")},
        )
    return event, f"table:{table_digest}:{scale_name}", map_place


def main() -> None:
    if "event" in st.query_params:  # the page's address names it: no event of the map's
        del st.query_params["event"]
    with st.sidebar:
        upload = st.file_uploader(
            f"Table (CSV, Excel .xlsx or JSON, up to {MAX_BYTES // 2**20} MB)",
            type=list(FORMATS),
            max_upload_size=MAX_BYTES // 2**20 + 1,
            help="A table with a country column and a stance or vote column, or the UN "
            "Digital Library's General Assembly voting file.",
        )
        st.caption(
            f"Over {MAX_BYTES // 2**20} MB, like the UN Digital Library's full voting file? "
            "Import one resolution on the command line, then choose it in *Event* on the "
            "*Event map*:"
        )
        # Inline code, not st.code: no syntax-highlighter bundle for one line.
        st.markdown(f"`reactionmap import {UN_FILE} --resolution A/RES/ES-11/1`")
        pasted = st.text_area("…or paste CSV or tab-separated rows", height=100)
    # The table brought in stays for the session: another page and back finds it (and the
    # fixes made to it) again.
    kept = st.session_state.setdefault("kept_table", KeptTable())
    shown = table_to_show((upload.name, upload.getvalue()) if upload else None, pasted, kept)
    if shown is None:
        st.title("Map your own table", anchor=False)
        st.info("Upload a file or paste a table in the sidebar to map it.")
        st.stop()
    name, data, earlier = shown
    kept.bring(name, data)
    if earlier:
        st.caption(f"The table brought in earlier in this session: {md(name)}.")
    if unvotes.is_voting_file(name, data):
        event, key = un_vote_upload(name, data)
        dashboard.show(event, key, UPLOAD_PAGE)
    else:
        event, key, map_place = table_upload(name, data, kept)
        dashboard.show(event, key, UPLOAD_PAGE, map_place=map_place, list_problems=False)


def column_picker(place, label: str, columns: list[str], guess: str | None, key: str):
    """A column chooser, starting on the column the header suggests (none when none does)."""
    return place.selectbox(
        label,
        columns,
        index=columns.index(guess) if guess else None,
        placeholder="choose a column",
        key=key,
    )


if __name__ == "__main__":  # run by st.navigation as the page's script
    main()
