"""Results computed from an event's statements, kept while those statements live (a click reuses them)."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import pandas as pd

KEPT = 256  # results kept in all, the least recently used dropped first

_lock = threading.Lock()
_results: OrderedDict[tuple[int, Hashable], tuple[weakref.ref, Any]] = OrderedDict()


def by_statements(statements: pd.DataFrame, key: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()``, once per ``statements`` frame (the very object, never a copy) and ``key``
    (what else the result depends on). Callers must not change what they get: it is shared.
    A frame that is gone takes its results with it (its id may be another frame's later)."""
    slot = (id(statements), key)
    with _lock:
        found = _results.get(slot)
        if found is not None and found[0]() is statements:
            _results.move_to_end(slot)
            return found[1]
    result = compute()  # outside the lock: two sessions may compute the same result at once
    with _lock:
        _results[slot] = (weakref.ref(statements), result)
        while len(_results) > KEPT:
            _results.popitem(last=False)
    return result


def clear() -> None:
    """Forget every result (tests)."""
    with _lock:
        _results.clear()
