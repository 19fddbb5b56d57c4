"""The timer around one script run under AppTest: the app's code, executed and timed, no patching.

Streamlit has no public hook around a script run. Rather than replace its ScriptRunner's private
methods, the bench hands AppTest bench/apptest_entry.py, which calls ``run_app``: it executes
the app (app.py or the baseline) with the globals a script run gives it, and records how long
that took, under pyinstrument when asked. The app's code is compiled once per process, as a
server's script cache does (AppTest alone would compile it again on every run).
"""

from __future__ import annotations

import time
from pathlib import Path

app: str = ""  # the script to time, set by the worker before the first run
profile = False  # profile the next runs with pyinstrument
seconds: list[float] = []  # one per run, in order
profiles: list[str] = []  # pyinstrument's text, one per profiled run
_compiled: dict = {}


def run_app() -> None:
    """Run ``app`` once, as its own __main__, and record the time (also when it stops early:
    st.stop and st.rerun end a run by raising)."""
    if app not in _compiled:
        _compiled[app] = compile(Path(app).read_text(encoding="utf-8"), app, "exec")
    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
    start = time.perf_counter()
    try:
        exec(_compiled[app], {"__name__": "__main__", "__file__": app})  # noqa: S102
    finally:
        seconds.append(time.perf_counter() - start)
        if profiler is not None:
            profiler.stop()
            profiles.append(profiler.output_text(unicode=False, color=False, show_all=True))
