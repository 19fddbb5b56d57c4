"""A vote's tally bar: scale order, scale colours, every count written, empty stances left out."""

from __future__ import annotations

import pandas as pd

from reactionmap.contract.scale import VOTE_SCALE
from reactionmap.draw.tally import tally_figure
from reactionmap.view.sections import has_text


def test_tally_bar_in_scale_order_with_counts():
    counts = pd.Series({"yes": 141, "no": 5, "abstain": 35, "absent": 0})
    fig = tally_figure(counts, VOTE_SCALE)
    assert [t.name for t in fig.data] == ["Yes", "No", "Abstained"]  # no empty part
    assert [t.x[0] for t in fig.data] == [141, 5, 35]
    assert [t.marker.color for t in fig.data] == ["#009E73", "#D55E00", "#F0E442"]
    assert fig.data[0].text == ("Yes: 141",)
    assert tally_figure(counts, VOTE_SCALE, short=True).data[0].text == ("141",)


def test_rows_with_words():
    rows = pd.DataFrame({"quote": ["", ""], "summary": ["", ""]})
    assert not has_text(rows)
    assert has_text(rows.assign(summary=["", "Backed it."]))
