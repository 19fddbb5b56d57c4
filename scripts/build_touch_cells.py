"""Rebuild the phone map's touch cells, static/boundaries/touch-<view>.geojson (draw.touch).

Run from anywhere: `.venv/bin/python scripts/build_touch_cells.py`. Run it again whenever the
shapes, the dots, a region's frame or the phone's map size change: tests/test_touch.py fails
until the shipped files are what reactionmap.draw.touch builds. The output is deterministic.
"""

from __future__ import annotations

import sys

from reactionmap.draw import touch


def main() -> int:
    for region in touch.VIEWS:
        collection = touch.build_cells(region)
        path = touch.cells_path(region)
        path.write_text(touch.cells_text(collection), encoding="utf-8")
        print(f"{path.name}: {len(collection['features'])} cells, {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
