"""Every quote in every shipped event is copied verbatim from a source kept in shared/sources."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO.parent / "shared" / "sources"
ARTICLE = SOURCES / "venezuela-2026-01-04-reactions.txt"


def test_every_venezuela_quote_fragment_is_in_the_article():
    if not ARTICLE.exists():
        # CI always has shared/ beside the clone; a laptop may not.
        if os.environ.get("CI") == "true":
            pytest.fail(f"the source article {ARTICLE.name} is missing beside the repo")
        pytest.skip("the shared sources folder is not beside the repo")
    article = ARTICLE.read_text(encoding="utf-8")
    table = pd.read_csv(
        REPO / "data/events/venezuela-2026-01/statements.csv", dtype=str, keep_default_na=False
    )
    quoted = table[table["quote"] != ""]
    assert len(quoted) >= 10
    for statement_id, quote in zip(quoted["statement_id"], quoted["quote"], strict=True):
        for fragment in quote.split(" … "):
            assert fragment in article, f"{statement_id}: {fragment!r} is not in the source"
