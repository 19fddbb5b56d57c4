"""Copy the pinned JavaScript that published pages inline into static/vendor/, and the one the
accessibility tests inject into tests/vendor/, each with its licence.

Run from anywhere: `.venv/bin/python scripts/vendor_js.py` (or `make vendor`). It runs `npm ci` in
scripts/ when the pinned packages are not installed there, then writes:

- static/vendor/plotly.js-geo-dist-min/plotly-geo.min.js and LICENSE   plotly.js's geo bundle
- static/vendor/topojson-client/topojson-client.min.js and LICENSE     TopoJSON -> GeoJSON
- tests/vendor/axe-core/axe.min.js, LICENSE and LICENSE-3RD-PARTY.txt   axe-core, for
  tests/test_accessibility.py only (never served, never in a published page)

Versions are pinned in scripts/package.json and scripts/package-lock.json. The output is
byte-for-byte the packages' own files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
NODE_MODULES = SCRIPTS / "node_modules"
VENDOR = ROOT / "static" / "vendor"
TEST_VENDOR = ROOT / "tests" / "vendor"

# package -> (version, files to copy from the package, the folder they go to)
PINNED = {
    "plotly.js-geo-dist-min": ("3.7.0", ["plotly-geo.min.js", "LICENSE"], VENDOR),
    "topojson-client": ("3.1.0", ["dist/topojson-client.min.js", "LICENSE"], VENDOR),
    "axe-core": ("4.14.1", ["axe.min.js", "LICENSE", "LICENSE-3RD-PARTY.txt"], TEST_VENDOR),
}


def installed_version(name: str) -> str | None:
    manifest = NODE_MODULES / name / "package.json"
    return json.loads(manifest.read_text())["version"] if manifest.exists() else None


def main() -> int:
    if any(installed_version(n) != v for n, (v, *_) in PINNED.items()):
        print("npm ci --prefix scripts ...", file=sys.stderr)
        subprocess.run(
            ["npm", "ci", "--prefix", str(SCRIPTS), "--no-audit", "--no-fund"], check=True
        )
    for name, (version, files, folder) in PINNED.items():
        found = installed_version(name)
        if found != version:
            print(f"{name}: installed {found}, pinned {version}", file=sys.stderr)
            return 1
        target = folder / name
        target.mkdir(parents=True, exist_ok=True)
        for file in files:
            shutil.copyfile(NODE_MODULES / name / file, target / Path(file).name)
        print(f"{name} {version} -> {target.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
