"""`make bench` (draft part): the drafter's first runs on the held-out batches, pooled.

    .venv/bin/python bench/first_runs.py             # every batch with a first run on record
    .venv/bin/python bench/first_runs.py --from 32   # and the batches from the 32nd on, pooled

Each held-out batch (tests/data/draft/heldout*/, from the fourth on) was written blind to the
drafter and its README records the drafter's first run on it, before any rule was tuned on it:
bench/draft.py's lines for the batch, in the "## First run" section's first block (or, in the
fourth and fifth batches, a table). This prints each batch's first-run actor precision and
recall and stance accuracy, whether it met issue 18's bar, and the figures pooled over the
batches (actors and stances summed, not averaged): what a reviewer can expect of a new article.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "draft"
BAR = {"precision": 0.95, "recall": 0.95, "stance": 0.85}  # issue 18's bar (quotes: all)
FIRST_BATCH = 4  # the first written blind, with its first run on record
ARTICLE = re.compile(r"^\s+(\S+\.(?:txt|html|md))\s")
STANCE = re.compile(r"stance accuracy [\d.]+% \((\d+)/(\d+)\)")
QUOTES = re.compile(r"quotes not verbatim in order: (\d+)")
CELL = re.compile(r"([\d.]+)%(?: \((\d+)/(\d+)\))?")


@dataclass
class FirstRun:
    """One batch's first run: actors coded, found and extra; stances right of those found."""

    batch: int
    coded: int
    found: int
    extra: int
    stance_right: int
    stance_of: int
    quotes_off: int

    def figures(self) -> dict[str, float]:
        """Precision, recall and stance accuracy."""
        return {
            "precision": self.found / max(self.found + self.extra, 1),
            "recall": self.found / max(self.coded, 1),
            "stance": self.stance_right / max(self.stance_of, 1),
        }

    def met(self) -> bool:
        """Whether this run meets issue 18's bar."""
        return self.quotes_off == 0 and all(v >= BAR[k] for k, v in self.figures().items())


def folder(batch: int) -> Path:
    """A batch's folder (the first is plain heldout/)."""
    return HELDOUT / ("heldout" if batch == 1 else f"heldout{batch}")


def batches() -> list[int]:
    """Every held-out batch from FIRST_BATCH on, in order."""
    found = (re.fullmatch(r"heldout(\d*)", p.name) for p in HELDOUT.iterdir() if p.is_dir())
    numbers = sorted(int(m.group(1) or 1) for m in found if m)
    return [n for n in numbers if n >= FIRST_BATCH]


def section(batch: int) -> str:
    """The text of a batch README's last "## First run" section ('' when it has none): the
    fourth batch has two, before and after a round of rules tuned on another batch, and
    docs/drafting.md's table takes the later."""
    text = (folder(batch) / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"^## First run\b.*?$(.*?)(?=^## |\Z)", text, re.S | re.M)
    return found[-1] if found else ""


def first_run(batch: int) -> FirstRun | None:
    """The batch's first run as its README records it (None when it records none)."""
    body = section(batch)
    with open(folder(batch) / "expected.csv", encoding="utf-8") as rows:
        coded = Counter(row["article"] for row in csv.DictReader(rows))
    block = re.search(r"```\n(.*?)```", body, re.S)
    if block:
        return from_lines(batch, block.group(1), coded)
    table = {
        row[0].strip(): row[-1].strip()
        for line in body.splitlines()
        if line.startswith("| ") and len(row := line.strip("|").split("|")) > 2
    }
    if "actors recall" in table:
        return from_table(batch, table, sum(coded.values()))
    return None


def from_lines(batch: int, lines: str, coded: Counter) -> FirstRun:
    """bench/draft.py's lines for a batch: per article, its missed and extra actors."""
    missed = extra = 0
    total = 0
    for line in lines.splitlines():
        if not (article := ARTICLE.match(line)):
            continue
        total += coded[article.group(1)]
        for word, count in (("missed", 0), ("extra", 1)):
            names = re.search(rf"\b{word} (\S+)", line)
            n = len(names.group(1).split(",")) if names else 0
            missed, extra = (missed + n, extra) if count == 0 else (missed, extra + n)
    stance = STANCE.search(lines)
    quotes = QUOTES.search(lines)
    if not stance or not quotes:
        raise SystemExit(f"batch {batch}: its first run has no overall line (README.md)")
    return FirstRun(
        batch, total, total - missed, extra, int(stance[1]), int(stance[2]), int(quotes[1])
    )


def from_table(batch: int, table: dict[str, str], coded: int) -> FirstRun:
    """The fourth and fifth batches' table: the 'both' column's figures."""
    precision, recall, stance = (
        CELL.match(table[k]) for k in ("actors precision", "actors recall", "stance accuracy")
    )
    if not (precision and recall and stance and stance[2]):
        raise SystemExit(f"batch {batch}: its first-run table cannot be read (README.md)")
    found = round(float(recall[1]) / 100 * coded)
    extra = round(found / (float(precision[1]) / 100)) - found
    return FirstRun(batch, coded, found, extra, int(stance[2]), int(stance[3]), 0)


def pooled(runs: list[FirstRun]) -> FirstRun:
    """The runs' actors and stances summed, as one run."""
    return FirstRun(
        0,
        sum(r.coded for r in runs),
        sum(r.found for r in runs),
        sum(r.extra for r in runs),
        sum(r.stance_right for r in runs),
        sum(r.stance_of for r in runs),
        sum(r.quotes_off for r in runs),
    )


def line(label: str, run: FirstRun) -> str:
    """One printed line: the figures and the bar."""
    f = run.figures()
    return (
        f"  {label:<22} precision {f['precision']:6.1%}  recall {f['recall']:6.1%}  "
        f"stance {f['stance']:6.1%} ({run.stance_right}/{run.stance_of})  "
        f"{'met' if run.met() else 'missed'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="start", type=int, help="also pool from this batch on")
    args = parser.parse_args()
    runs = []
    print("First runs on the held-out batches (each before any rule was tuned on it)")
    for batch in batches():
        run = first_run(batch)
        if run is None:
            raise SystemExit(
                f"batch {batch} has no first run on record ({folder(batch)}/README.md)"
            )
        runs.append(run)
        print(line(f"batch {batch}", run))
    met = sum(r.met() for r in runs)
    print(f"  met the bar on first sight: {met} of {len(runs)} batches")
    print(line(f"pooled, {runs[0].batch} to {runs[-1].batch}", pooled(runs)))
    for start in [args.start] if args.start else []:
        later = [r for r in runs if r.batch >= start]
        print(line(f"pooled, {start} to {runs[-1].batch}", pooled(later)))
        print(f"  met the bar on first sight: {sum(r.met() for r in later)} of {len(later)}")


if __name__ == "__main__":
    main()
