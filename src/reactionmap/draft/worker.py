"""Drafting in worker processes with a time limit, so that no article stalls the server's pages."""

from __future__ import annotations

import multiprocessing
import queue
import threading
import traceback
from dataclasses import dataclass
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


def _serve(conn) -> None:
    """A worker's loop: load the drafter once, then draft each article sent, until the pipe
    closes."""
    from reactionmap.draft import draft_article
    from reactionmap.draft.lexicon import lexicon

    lexicon()
    while True:
        try:
            kwargs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = Outcome(draft=draft_article(**kwargs))
        except ValueError as err:  # ArticleRefused, or a date that is not a day
            answer = Outcome(refused=f"Refused: {err}")
        except Exception:  # the server's log has it; the reader is told drafting failed
            traceback.print_exc()
            answer = Outcome(refused="Not drafted: the drafter failed (the server's log says why).")
        conn.send(answer)


class _Worker:
    """One process that drafts articles, one at a time, through a pipe."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a threaded server
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def draft(self, kwargs: dict, seconds: float) -> Outcome:
        """The worker's answer; stopped (and the process ended) past ``seconds``."""
        try:
            self.conn.send(kwargs)
            if self.conn.poll(seconds):
                return self.conn.recv()
        except (EOFError, OSError):  # the process died (out of memory, killed)
            self.stop()
            return Outcome(refused="Not drafted: the drafter's process ended unexpectedly.")
        self.stop()
        return Outcome(
            refused=f"Stopped: drafting took longer than {seconds:g} s, the time limit for one "
            "article. Cut it into parts and draft each, or draft it with `reactionmap draft`."
        )

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    @property
    def alive(self) -> bool:
        return self.process.is_alive() and not self.conn.closed


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
        """draft_article(**kwargs) in a worker, stopped past ``seconds``; DraftBusy when no
        worker is free within ``seconds``."""
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
