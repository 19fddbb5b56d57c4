"""Every budget of `make bench` in one table: a row passes when reactionmap's value is at most its limit."""

from __future__ import annotations

from bench.common import Row

# key: (limit, unit). The keys name the rows of bench/README.md's table of figures.
BUDGETS: dict[str, tuple[float, str]] = {
    "interaction": (30, "KB"),  # bytes received per filter change
    "geometry_first_load": (200, "KB"),
    "geometry_second_load": (0, "KB"),  # the shapes come from the browser's cache
    "first_map": (1.5, "s"),  # first map drawn, new browser profile or repeat visit
    "published_size": (1.6, "MB"),  # the published index.html, everything inlined
    "published_first_map": (1.0, "s"),  # opened from disk, no network
    "published_scale_size": (5, "MB"),  # the page of a generated 100,000-statement event
    "redraw": (300, "ms"),  # map redrawn after a filter change
    "script_warm": (50, "ms"),  # server script run, warm (also with the region changed)
    "script_cold": (1.5, "s"),  # the first run in a new process
    "memory_one_page": (250, "MB"),
    "memory_per_page": (5, "MB"),
    "scale_check": (5, "s"),  # `reactionmap check` on 100,000 statements
    "scale_export": (1, "s"),  # CSV export of the same
    "scale_rerun": (200, "ms"),  # warm rerun at that scale (also with the region changed)
    "un_import_time": (10, "s"),  # bench/un_import.py: import one resolution, list them all
    "un_import_memory": (1024, "MB"),  # its peak resident memory
    # bench/group_network.py: a new visitor (empty cache) through `make serve`, beside direct Streamlit
    "network_fast4g": (6, "s"),  # first map, 9 Mbit/s and 170 ms
    "network_fast4g_ratio": (0.45, "x"),  # ... and that against direct Streamlit, same run
    "network_slow": (22, "s"),  # first map, 1.6 Mbit/s and 300 ms
    "network_new_visit": (3.5, "MB"),  # bytes on the wire of a new visit
    "click_visible": (200, "ms"),  # real server: pointerdown to the new map shown (pill, region)
    "click_script": (250, "ms"),  # real server: pointerdown to the script run's end
    "click_cpu": (80, "ms"),  # server process CPU per rerun, a view not seen before
}
# Figures that pass when reactionmap's value is at least the limit.
MINIMUMS: dict[str, tuple[float, str]] = {
    "clicks_per_s": (12, "/s"),  # reruns one process completes, 50 sessions open and clicking
}


def limit(key: str) -> float:
    return float(BUDGETS[key][0])


def text(key: str) -> str:
    """The budget as the table shows it: '<= 30 KB', or '0' for none at all."""
    value, unit = BUDGETS[key]
    return "0" if value == 0 else f"<= {value:g} {unit}"


def budget_row(key: str, figure: str, label: str, app, base=None, **extra) -> Row:
    """A table row measured against ``BUDGETS[key]``, in its unit."""
    return Row(figure, label, BUDGETS[key][1], app, base, limit(key), text(key), **extra)
