"""Baseline for the scale figures: `check` and `export --format csv` as a newcomer would write them.

    python bench/baseline_cli.py check EVENT_ID
    python bench/baseline_cli.py export EVENT_ID --format csv

Reads REACTIONMAP_DATA_DIR (or the shipped data/) like the app; plain pandas, no resolution of
names beyond pycountry's ISO3 lookup, no detailed problem report.
"""

import os
import sys
from pathlib import Path

import pandas as pd
import pycountry

REPO = Path(__file__).resolve().parents[1]
ROOT = Path(os.environ.get("REACTIONMAP_DATA_DIR") or REPO / "data")
EVENTS = ROOT / "events" if (ROOT / "events").is_dir() else ROOT
STANCES = {"condemn", "concern", "neutral", "support", "party"}

command, event_id = sys.argv[1], sys.argv[2]
df = pd.read_csv(EVENTS / event_id / "statements.csv", keep_default_na=False)
if command == "check":
    codes = {c.alpha_3 for c in pycountry.countries}
    bad_stance = df[~df["stance"].isin(STANCES)]
    bad_code = df[(df["actor_type"] == "state") & ~df["actor_iso3"].isin(codes)]
    bad_date = df[pd.to_datetime(df["date"], format="mixed", errors="coerce").isna()]
    print(
        f"{len(df)} rows; {len(bad_stance)} bad stance, {len(bad_code)} bad iso3, {len(bad_date)} bad date"
    )
    sys.exit(1 if len(bad_stance) + len(bad_code) + len(bad_date) else 0)
df["when"] = pd.to_datetime(df["date"], format="mixed", errors="coerce")
latest = df.sort_values("when").groupby("actor_iso3").tail(1)
latest["count"] = latest["actor_iso3"].map(df["actor_iso3"].value_counts())
sys.stdout.write(latest.drop(columns=["when"]).to_csv(index=False))
