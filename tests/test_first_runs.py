"""The drafter's first runs: every blind batch has one on record, and the docs' table agrees."""

from __future__ import annotations

import re
from pathlib import Path

from bench.first_runs import batches, first_run

DOCS = Path(__file__).resolve().parent.parent / "docs" / "drafting.md"
ROW = re.compile(r"^\| (\d+) \| .+ \| ([\d.]+)% \| ([\d.]+)% \| ([\d.]+)% \| (.+) \|$")


def docs_table() -> dict[int, tuple[float, float, float, bool]]:
    """docs/drafting.md's first-runs table: batch -> (precision, recall, stance in %, met)."""
    rows = (ROW.match(line) for line in DOCS.read_text(encoding="utf-8").splitlines())
    return {
        int(m[1]): (float(m[2]), float(m[3]), float(m[4]), "met" in m[5] and "missed" not in m[5])
        for m in rows
        if m
    }


def test_every_blind_batch_has_its_first_run_on_record():
    missing = [n for n in batches() if first_run(n) is None]
    assert not missing, f"batches with no '## First run' figures in their README: {missing}"


def test_the_docs_table_of_first_runs_is_each_readme_s_first_run():
    table = docs_table()
    assert sorted(table) == batches(), "docs/drafting.md's first-runs table lists other batches"
    for n, (precision, recall, stance, met) in table.items():
        run = first_run(n)
        figures = run.figures()
        recorded = (figures["precision"], figures["recall"], figures["stance"])
        for name, docs, readme in zip(
            ("P", "R", "S"), (precision, recall, stance), recorded, strict=True
        ):
            assert abs(docs - 100 * readme) < 0.051, f"batch {n}: {name} {docs}% in the docs"
        assert met == run.met(), f"batch {n}: the docs say {'met' if met else 'missed'}"
