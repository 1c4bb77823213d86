"""Keep the build and the check linear in the number of companies: the theme's compiled templates kept between
builds, and Python's cyclic garbage collector kept off the long-lived data (it would rescan every company's
documents, models and pages at each full collection)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

from jinja2 import Environment, FileSystemBytecodeCache

from . import cache

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic collection while this block allocates (loading and checking builds long-lived trees, few
    cycles); what survives it is moved out of the collector's reach (gc.freeze), and collection is restored."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # the data just built lives as long as the process: full collections no longer rescan it
        if was_enabled:
            gc.enable()


def without_gc(function: Callable[P, R]) -> Callable[P, R]:
    """Decorator form of gc_paused."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with gc_paused():
            return function(*args, **kwargs)

    return run


def theme_bytecode_cache(env: Environment) -> Environment:
    """Keep the theme's compiled templates in the cache folder (if any), keyed by each template's source, so a
    build does not compile Material's templates again (about 0.5 s per build)."""
    where = cache.folder()
    if where is not None and env.bytecode_cache is None:
        folder = Path(where) / "theme"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
