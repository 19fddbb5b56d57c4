"""Rebuild data/draft/countries.csv (names, capitals, demonyms per state) from npm's world-countries.

    npm install --prefix scripts --no-audit --no-fund
    .venv/bin/python scripts/build_draft_lists.py

Every row is checked against the project's resolver: a name is kept only when
reactionmap.countries resolves it to the same code. A cue that would name two states
(Congolese, Dominican) is left out, and so is a cue listed in LEFT_OUT below, with its reason.
Hand-reviewed additions live in data/draft/cues.csv, never here.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from reactionmap.places.resolver import default_resolver  # noqa: E402

SOURCE = REPO / "scripts" / "node_modules" / "world-countries" / "countries.json"
UN_STATES = REPO / "data" / "boundaries" / "un_states.csv"
OUT = REPO / "data" / "draft" / "countries.csv"
EXTRA_STATES = {"XKX": "UNK", "TWN": "TWN"}  # our code -> world-countries' cca3

# Cues that are common English words or name something else far more often than a government.
LEFT_OUT = {
    "Victoria": "a person's name far more often than Seychelles' capital",
    "Kingston": "also Norfolk Island's capital, and a common place name",
    "Georgetown": "a common place name (Washington D.C., Penang, ...)",
    "Washington D.C.": "written as Washington; see cues.csv",
    "Amsterdam": "the seat of government is The Hague; see cues.csv",
    "Jerusalem": "its status is disputed; Israel's government is named in cues.csv",
    "Vatican": "the demonym is the country's name; see cues.csv",
    "Djibouti": "the capital has the country's name",
    "Luxembourg": "the capital has the country's name",
    "Monaco": "the capital has the country's name",
    "Singapore": "the capital has the country's name",
    "Vatican City": "the capital has the country's name",
    "Sucre": "a person's name too; Bolivia's government sits in La Paz (cues.csv)",
}


def split_names(text: str) -> list[str]:
    parts = text.replace(" or ", ",").split(",")
    return [p.strip() for p in parts if p.strip()]


def main() -> int:
    if not SOURCE.is_file():
        print(f"missing {SOURCE.relative_to(REPO)}: run `npm install --prefix scripts` first")
        return 1
    package = json.loads((SOURCE.parents[0] / "package.json").read_text(encoding="utf-8"))
    records = {c["cca3"]: c for c in json.loads(SOURCE.read_text(encoding="utf-8"))}
    with UN_STATES.open(encoding="utf-8") as handle:
        codes = [row["iso3"] for row in csv.DictReader(handle)]
    codes += list(EXTRA_STATES)
    resolver = default_resolver()
    rows, owners = [], defaultdict(set)
    for code in sorted(codes):
        record = records[EXTRA_STATES.get(code, code)]
        names = [record["name"]["common"], record["name"]["official"]]
        names += [n for n in record.get("altSpellings", []) if len(n) > 3]
        # A name is a cue only if the project's own resolver agrees on the code.
        names = [n for n in dict.fromkeys(names) if resolver.try_resolve(n, "state")[0] == code]
        capitals = [c for c in record.get("capital", []) if c not in LEFT_OUT]
        demonyms = []
        for form in record.get("demonyms", {}).get("eng", {}).values():
            demonyms += [d for d in split_names(form) if d not in LEFT_OUT]
        demonyms = list(dict.fromkeys(demonyms))
        for cue in capitals + demonyms:
            owners[cue].add(code)
        rows.append({"iso3": code, "names": names, "capitals": capitals, "demonyms": demonyms})
    shared = {cue for cue, found in owners.items() if len(found) > 1}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["iso3", "names", "capitals", "demonyms"])
        for row in rows:
            writer.writerow(
                [
                    row["iso3"],
                    "|".join(row["names"]),
                    "|".join(c for c in row["capitals"] if c not in shared),
                    "|".join(d for d in row["demonyms"] if d not in shared),
                ]
            )
    print(
        f"wrote {OUT.relative_to(REPO)}: {len(rows)} states from world-countries "
        f"{package['version']}; left out as shared: {', '.join(sorted(shared)) or 'none'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
