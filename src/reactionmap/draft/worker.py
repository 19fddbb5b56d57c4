"""Drafting in worker processes with a time limit, so that no article stalls the server's pages."""

from __future__ import annotations

import os
import pickle
import queue
import select
import subprocess
import sys
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any

WORKERS = 2  # articles drafted at once; a third reader waits for one of them
SECONDS = 60  # the time limit of one draft: a 2,000,000-character article takes about 15 s


class DraftBusy(RuntimeError):
    """Every worker stayed busy with other readers' articles for the whole time limit."""


@dataclass
class Outcome:
    """A finished draft, or why there is none (refused, or stopped at the time limit)."""

    draft: Any = None  # reactionmap.draft.Draft; its module loads spaCy, imported in the worker
    refused: str = ""
    sources: list[Any] = field(default_factory=list)  # draft.many.Source, one per article


def _draft(kwargs: dict) -> Outcome:
    """draft_article(**kwargs), or draft_articles(**kwargs) when they give ``articles``: the
    whole set within the one time limit."""
    from reactionmap.draft import draft_article
    from reactionmap.draft.many import draft_articles

    if "articles" in kwargs:
        made, sources = draft_articles(**kwargs)
        return Outcome(draft=made, sources=sources)
    return Outcome(draft=draft_article(**kwargs))


def _serve() -> None:
    """A worker's loop (``python -m reactionmap.draft.worker``): load the drafter once, then
    draft each article read from standard input, answering on standard output, until it ends."""
    from reactionmap.draft.lexicon import lexicon

    answers, sys.stdout = sys.stdout.buffer, sys.stderr  # a stray print never mixes in
    lexicon()
    while True:
        try:
            kwargs = pickle.load(sys.stdin.buffer)
        except EOFError:
            return
        try:
            answer = _draft(kwargs)
        except ValueError as err:  # ArticleRefused, or a date that is not a day
            answer = Outcome(refused=f"Refused: {err}")
        except Exception:  # the server's log has it; the reader is told drafting failed
            traceback.print_exc()
            answer = Outcome(refused="Not drafted: the drafter failed (the server's log says why).")
        pickle.dump(answer, answers)
        answers.flush()


class _Worker:
    """One process that drafts articles, one at a time, through its standard input and output.
    A process of its own, not multiprocessing's: that would run the server's main script (a
    Streamlit page) again in the child."""

    def __init__(self) -> None:
        path = os.pathsep.join(p for p in sys.path if p)  # where the server found this package
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reactionmap.draft.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": path},
        )

    def draft(self, kwargs: dict, seconds: float) -> Outcome:
        """The worker's answer; stopped (and the process ended) past ``seconds``."""
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        try:
            pickle.dump(kwargs, stdin)
            stdin.flush()
            if select.select([stdout], [], [], seconds)[0]:
                return pickle.load(stdout)
        except (EOFError, OSError, pickle.UnpicklingError):  # the process died (memory, kill)
            self.stop()
            return Outcome(refused="Not drafted: the drafter's process ended unexpectedly.")
        self.stop()
        return Outcome(
            refused=f"Stopped: drafting took longer than {seconds:g} s, the time limit for one "
            "draft. Cut the article into parts, or give fewer articles at once, or draft them "
            "with `reactionmap draft`."
        )

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()

    @property
    def alive(self) -> bool:
        return self.process.poll() is None


class Pool:
    """At most ``size`` workers, started when first needed and kept warm; one stopped at the
    time limit is replaced by a fresh one on the next draft."""

    def __init__(self, size: int = WORKERS) -> None:
        self.size = size
        self.slots = threading.BoundedSemaphore(size)
        self.idle: queue.LifoQueue[_Worker] = queue.LifoQueue()

    def warm(self) -> None:
        """Start a worker now (spaCy loads in it), unless one is idle or all are busy."""
        if self.idle.empty() and self.slots.acquire(blocking=False):
            try:
                self.idle.put(_Worker())
            finally:
                self.slots.release()

    def draft(self, seconds: float = SECONDS, **kwargs) -> Outcome:
        """draft_article(**kwargs) in a worker (draft_articles with ``articles=[(text, name),
        ...]``), stopped past ``seconds``; DraftBusy when no worker is free within ``seconds``."""
        if not self.slots.acquire(timeout=seconds):
            raise DraftBusy(
                f"Not drafted: all {self.size} drafters were busy with other articles for "
                f"{seconds:g} s. Try again in a minute."
            )
        try:
            worker = self._take()
            answer = worker.draft(kwargs, seconds)
            if worker.alive:
                self.idle.put(worker)
            return answer
        finally:
            self.slots.release()

    def _take(self) -> _Worker:
        while True:
            try:
                worker = self.idle.get_nowait()
            except queue.Empty:
                return _Worker()
            if worker.alive:
                return worker


_pool: Pool | None = None
_pool_lock = threading.Lock()


def pool() -> Pool:
    """The process's one pool (the server's pages share it)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = Pool()
        return _pool


__all__ = ["SECONDS", "WORKERS", "DraftBusy", "Outcome", "Pool", "pool"]


if __name__ == "__main__":  # run by the module's own name, so that answers unpickle as such
    from reactionmap.draft import worker

    worker._serve()
