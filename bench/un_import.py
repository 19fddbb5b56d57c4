"""`make bench`: import one resolution from a synthetic 900,000-row UN GA voting file.

The file is generated at run time in a temporary directory (the 2026 layout, ~4,700 made-up
resolutions of 193 members each, long titles as the catalogue writes them) and deleted
afterwards: it is never committed. Timed: `reactionmap import FILE --resolution SYMBOL` and
`reactionmap resolutions FILE`, each in a fresh process (interpreter start included); memory
is the process's peak resident set size.

    .venv/bin/python bench/un_import.py [--rows 900000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench import budgets  # noqa: E402
from reactionmap.intake.unvotes import LAYOUT_2026  # noqa: E402

BUDGET_SECONDS = budgets.limit("un_import_time")
BUDGET_MB = budgets.limit("un_import_memory")
MEMBERS = 193


def synthetic_file(path: Path, rows: int, seed: int = 8) -> str:
    """Write the file; return the symbol of a resolution in the middle of it."""
    rng = np.random.default_rng(seed)
    import pycountry

    codes = [c.alpha_3 for c in pycountry.countries][:MEMBERS]
    names = [c.name.upper() for c in pycountry.countries][:MEMBERS]
    count = -(-rows // MEMBERS)
    res = np.repeat(np.arange(count), MEMBERS)[:rows]
    member = np.tile(np.arange(MEMBERS), count)[:rows]
    symbols = np.array([f"A/RES/{1 + i // 100}/{1000 + i}" for i in range(count)], dtype=object)
    days = np.datetime64("1946-01-10") + (np.arange(count) * 6).astype("timedelta64[D]")
    dates = np.datetime_as_string(days, unit="D").astype(object)
    titles = np.array(
        [
            f"SYNTHETIC BENCH RESOLUTION {i}: made-up text on nothing real, repeated to the "
            "length of a catalogue title : resolution / adopted by the General Assembly"
            for i in range(count)
        ],
        dtype=object,
    )
    votes = rng.choice(
        np.array(["Y", "N", "A", "X"], dtype=object), size=rows, p=[0.7, 0.1, 0.12, 0.08]
    )
    columns = {
        "undl_id": (4_000_000 + res).astype(str),
        "ms_code": np.array(codes, dtype=object)[member],
        "ms_name": np.array(names, dtype=object)[member],
        "ms_vote": votes,
        "date": dates[res],
        "session": (1 + res // 100).astype(str),
        "resolution": symbols[res],
        "draft": np.char.add("A/L.", res.astype(str)).astype(object),
        "committee_report": np.full(rows, "", dtype=object),
        "meeting": np.char.add("A/PV.", res.astype(str)).astype(object),
        "title": titles[res],
        "agenda_title": np.full(rows, "Synthetic agenda item", dtype=object),
        "subjects": np.full(rows, "SYNTHETIC--BENCHMARK", dtype=object),
        "vote_note": np.full(rows, "", dtype=object),
        "total_yes": np.full(rows, "135.0", dtype=object),
        "total_no": np.full(rows, "19.0", dtype=object),
        "total_abstentions": np.full(rows, "23.0", dtype=object),
        "total_non_voting": np.full(rows, "16.0", dtype=object),
        "total_ms": np.full(rows, "193.0", dtype=object),
        "undl_link": np.char.add(
            "https://digitallibrary.un.org/record/", (4_000_000 + res).astype(str)
        ).astype(object),
    }
    table = pa.table({name: pa.array(columns[name], pa.string()) for name in LAYOUT_2026})
    pacsv.write_csv(table, path, pacsv.WriteOptions(quoting_style="needed"))
    return str(symbols[count // 2])


def timed(command: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MB, exit code) of a command in a fresh process; wait4 gives that child's
    own peak resident set size (kB), whatever earlier children used."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=900_000)
    parser.add_argument("--make", help=argparse.SUPPRESS)  # internal: write the file only
    args = parser.parse_args()
    if args.make:
        print(synthetic_file(Path(args.make), args.rows))
        return 0
    cli = [sys.executable, "-m", "reactionmap.cli"]
    with tempfile.TemporaryDirectory(prefix="un-bench-") as tmp:
        source = Path(tmp) / "UNGA_voting_synthetic.csv"
        start = time.perf_counter()
        # Made in a process of its own: a child forked from a big parent would report the
        # parent's memory as its own peak.
        symbol = subprocess.run(
            [sys.executable, __file__, "--rows", str(args.rows), "--make", str(source)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        made = time.perf_counter() - start
        size = source.stat().st_size / 1e6
        print(
            f"UN import bench: synthetic file {args.rows:,} rows, {size:.0f} MB "
            f"(made in {made:.1f} s, deleted afterwards); resolution {symbol}"
        )
        runs = [
            ("import one resolution", [*cli, "import", str(source), "--resolution", symbol,
                                       "--out", str(Path(tmp) / "event")]),
            ("list resolutions", [*cli, "resolutions", str(source)]),
        ]  # fmt: skip
        print(f"{'figure':<24} | {'time':>7} | {'peak memory':>11} | budget        | pass?")
        ok = True
        budget_text = f"<= {BUDGET_SECONDS:g} s, {BUDGET_MB / 1024:g} GB"
        for label, command in runs:
            seconds, megabytes, code = timed(command)
            passed = code == 0 and seconds <= BUDGET_SECONDS and megabytes <= BUDGET_MB
            ok &= passed
            print(
                f"{label:<24} | {seconds:>5.2f} s | {megabytes:>8.0f} MB | {budget_text:<13} | "
                f"{'yes' if passed else 'NO'}{'' if code == 0 else f' (exit {code})'}"
            )
        rows = (Path(tmp) / "event" / "statements.csv").read_text(encoding="utf-8").count("\n") - 1
        print(f"imported rows: {rows} (expected {MEMBERS})")
        ok &= rows == MEMBERS
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
