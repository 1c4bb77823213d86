"""Keep the build and the check linear in the number of companies: Python's cyclic garbage collector kept off the
long-lived data (it would rescan every company's documents, models and pages at each full collection)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No full collection while this block allocates: loading and checking build long-lived trees with few cycles,
    and each full collection would rescan all of them. Young collections still run, so the short-lived cycles of a
    first build (compiling the schema validator and the templates) are freed. What survives is then moved out of the
    collector's reach (gc.freeze) and the thresholds are restored."""
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], 1 << 30)
    try:
        yield
    finally:
        gc.collect(1)  # the young garbage goes before the rest is frozen
        gc.freeze()  # the data just built lives as long as the process: full collections no longer rescan it
        gc.set_threshold(*thresholds)


def without_gc(function: Callable[P, R]) -> Callable[P, R]:
    """Decorator form of gc_paused."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with gc_paused():
            return function(*args, **kwargs)

    return run
