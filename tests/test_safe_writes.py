"""Saves at once keep every row, and a writer killed at any step of `import --force`, `publish`
or a draft save leaves the previous or the new version whole, never a mix (issue 19)."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import tomllib
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from reactionmap.contract.event import EVENT_FILE, STATEMENTS_FILE
from reactionmap.contract.paths import ENV_VAR
from reactionmap.intake import writers
from reactionmap.intake.events import list_events, load_event
from reactionmap.intake.tables import read_csv_text

SAVERS = 8  # processes saving to one event at once
ROUNDS = 20  # times they all save at once


def _save_rounds(events: str, who: int, start: multiprocessing.synchronize.Barrier) -> None:
    """One saver: each round, wait for the others, then save one row (as the page's Save)."""
    os.environ[ENV_VAR] = events
    from reactionmap.draft.save import save_draft

    for n in range(ROUNDS):
        start.wait(timeout=120)
        row = {"statement_id": f"w{who}-{n}", "actor": "France", "stance": "condemn"}
        save_draft(pd.DataFrame([row]), "shared", title="Shared")


def test_eight_saves_at_once_twenty_times_keep_every_row(events_env):
    context = multiprocessing.get_context("fork")  # eight copies of this process: no start-up
    start = context.Barrier(SAVERS)
    savers = [
        context.Process(target=_save_rounds, args=(str(events_env), who, start))
        for who in range(SAVERS)
    ]
    with warnings.catch_warnings():  # the savers only save
        warnings.simplefilter("ignore", DeprecationWarning)
        for saver in savers:
            saver.start()
    for saver in savers:
        saver.join(timeout=300)
    assert [s.exitcode for s in savers] == [0] * SAVERS
    ids = pd.read_csv(events_env / "shared" / STATEMENTS_FILE, dtype=str)["statement_id"]
    expected = [f"w{who}-{n}" for who in range(SAVERS) for n in range(ROUNDS)]
    assert sorted(ids) == sorted(expected)  # every row of every save, each once
    event = load_event("shared")
    assert not event.problems and len(event.statements) == SAVERS * ROUNDS


# --- killed writers -------------------------------------------------------------------------

# The writer's steps: each call it makes to the system (create, write and sync, chmod, rename,
# swap, remove). A writer killed just before step k has done steps 1..k-1.
STEPS = {
    "os": ("open", "close", "fsync", "chmod", "fchmod", "replace", "rename", "mkdir"),
    "shutil": ("copytree", "rmtree"),
    "tempfile": ("mkstemp", "mkdtemp"),
}


class Tripwire:
    """A stand-in for a module the writer calls: counts the steps, and SIGKILLs this process
    just before step ``kill_at`` (never, when 0)."""

    def __init__(self, module, names: tuple[str, ...], counter: list[int], kill_at: int):
        self._module, self._names, self._counter, self._kill_at = module, names, counter, kill_at

    def __getattr__(self, name: str):
        real = getattr(self._module, name)
        if name not in self._names:
            return real

        def step(*args, **kwargs):
            self._counter[0] += 1
            if self._counter[0] == self._kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return step


def _run_tripped(action: Callable[[], object], kill_at: int) -> int:
    """Run ``action`` with the writer's steps counted (and killed at ``kill_at``); the count."""
    import shutil as shutil_
    import tempfile

    counter = [0]
    modules = {"os": os, "shutil": shutil_, "tempfile": tempfile}
    saved = {name: getattr(writers, name) for name in (*STEPS, "_exchange")}
    try:
        for name, names in STEPS.items():
            setattr(writers, name, Tripwire(modules[name], names, counter, kill_at))
        wire = Tripwire(writers, ("_exchange",), counter, kill_at)
        writers._exchange = wire.__getattr__("_exchange")  # type: ignore[method-assign]
        action()
    finally:
        for name, module in saved.items():
            setattr(writers, name, module)
    return counter[0]


def _killed_at(action: Callable[[], object], kill_at: int) -> None:
    """Run ``action`` in a forked copy of this process, SIGKILLed just before step kill_at."""
    context = multiprocessing.get_context("fork")
    with warnings.catch_warnings():  # the child only runs the writer, then is killed
        warnings.simplefilter("ignore", DeprecationWarning)
        child = context.Process(target=_run_tripped, args=(action, kill_at))
        child.start()
    child.join(timeout=60)
    assert child.exitcode == -signal.SIGKILL, f"the writer was not killed at step {kill_at}"


def _kill_at_every_kind_of_step(
    action: Callable[[], object],
    kills: int,
    reset: Callable[[], None],
    whole: Callable[[], None],
) -> None:
    """Count ``action``'s steps, then kill it ``kills`` times at random steps (the first and
    the last among them), each time from the old version (``reset()``); after each kill
    ``whole()`` asserts the old version or the new one is there, whole."""
    reset()
    steps = _run_tripped(action, 0)  # done once whole: the new version is in place
    whole()
    assert steps > 3
    if steps <= kills:  # every step once, then random ones
        points = [*range(1, steps + 1), *random.choices(range(1, steps + 1), k=kills - steps)]
    else:  # the first and the last step, and random ones between
        points = [1, steps, *random.sample(range(2, steps), kills - 2)]
    print(f"{steps} steps; killed at {sorted(points)}")
    for kill_at in points:
        reset()
        _killed_at(action, kill_at)
        whole()


def _table(tmp_path: Path, version: str) -> Path:
    path = tmp_path / f"table-{version}.csv"
    rows = "".join(f"{country},condemn,{version}\n" for country in ("France", "Chile", "Japan"))
    path.write_text("actor,stance,summary\n" + rows, encoding="utf-8")
    return path


def _read(folder: Path) -> tuple[str, pd.DataFrame]:
    """An event's title and rows, read as `check` reads them; a row it cannot read fails."""
    title = tomllib.loads((folder / EVENT_FILE).read_text(encoding="utf-8"))["title"]
    rows, problems = read_csv_text((folder / STATEMENTS_FILE).read_bytes(), STATEMENTS_FILE)
    assert rows is not None and not problems, problems
    return title, rows


def _no_temporary_file_visible(events: Path, event_id: str) -> None:
    """`check` sees the event and nothing a writer left: no other event, no stray file in it."""
    assert list_events(events) == [event_id]
    assert sorted(p.name for p in (events / event_id).iterdir()) == [EVENT_FILE, STATEMENTS_FILE]


def test_a_killed_import_force_leaves_one_whole_version(events_env, tmp_path, cli):
    def import_(version: str) -> None:
        table = str(_table(tmp_path, version))
        code, _, err = cli("import", table, "--event-id", "imp", "--force", "--title", version)
        assert code == 0, err

    import_("old")
    old = {name: (events_env / "imp" / name).read_bytes() for name in (EVENT_FILE, STATEMENTS_FILE)}

    def reset() -> None:
        with writers.folder_lock(events_env / "imp"):
            writers.replace_files(events_env / "imp", old)

    def whole() -> None:
        title, rows = _read(events_env / "imp")
        assert title in ("old", "new")
        assert set(rows["summary"]) == {title} and len(rows) == 3, "files from two imports"
        _no_temporary_file_visible(events_env, "imp")

    _kill_at_every_kind_of_step(lambda: import_("new"), 14, reset, whole)
    assert cli("check", "imp")[0] == 0


def test_a_killed_publish_leaves_the_old_page_or_the_new(events_env, tmp_path, cli):
    out = tmp_path / "site"
    cli("import", str(_table(tmp_path, "v")), "--event-id", "pub")

    def publish(region: str) -> bytes:
        code, _, err = cli("publish", "pub", "--out", str(out), "--region", region)
        assert code == 0, err
        return (out / "index.html").read_bytes()

    new_page, old_page = publish("Europe"), publish("Americas")
    assert new_page != old_page

    def whole() -> None:
        page = (out / "index.html").read_bytes()
        assert page in (old_page, new_page), f"index.html is neither page ({len(page)} bytes)"
        assert [p.name for p in out.iterdir() if not p.name.endswith(".part")] == ["index.html"]

    reset = lambda: writers.write_file(out / "index.html", old_page)  # noqa: E731
    _kill_at_every_kind_of_step(lambda: publish("Europe"), 8, reset, whole)
    publish("Europe")  # the next writer removes what the killed ones left
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]


def test_a_killed_draft_save_keeps_every_old_row_and_adds_all_or_none(events_env):
    from reactionmap.draft.save import save_draft

    first = pd.DataFrame(
        [{"statement_id": f"a{i}", "actor": "France", "stance": "condemn"} for i in range(5)]
    )
    save_draft(first, "drafts", title="Drafts")
    before = (events_env / "drafts" / STATEMENTS_FILE).read_bytes()
    more = pd.DataFrame(
        [{"statement_id": f"b{i}", "actor": "Chile", "stance": "concern"} for i in range(4)]
    )
    done = {"a0", "a1", "a2", "a3", "a4", "b0", "b1", "b2", "b3"}

    def whole() -> None:
        ids = set(_read(events_env / "drafts")[1]["statement_id"])
        assert ids in ({"a0", "a1", "a2", "a3", "a4"}, done), f"a mix: {sorted(ids)}"
        _no_temporary_file_visible(events_env, "drafts")

    def reset() -> None:
        with writers.folder_lock(events_env / "drafts"):
            writers.replace_files(events_env / "drafts", {STATEMENTS_FILE: before})

    _kill_at_every_kind_of_step(lambda: save_draft(more, "drafts"), 28, reset, whole)
    hidden = [p.name for p in events_env.iterdir() if p.name.startswith(".")]
    assert all(name.endswith(".lock") or ".new-" in name for name in hidden)
    reset()  # the next writer clears what the killed ones left
    assert sorted(p.name for p in events_env.iterdir()) == [".drafts.lock", "drafts"]
    assert not load_event("drafts").problems
