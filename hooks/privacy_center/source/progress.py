"""Progress and a per-stage summary on a terminal, for checks and builds of many company files (with rich); nothing
at all when the output is not a terminal (CI logs, pipes, tests) or the files are few."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

MIN_FILES = 20  # below this, a check is over before a bar would be read


class Stages:
    """Seconds spent in each stage (load, check, versions, render), summed over files, in the order first met."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start

    def summary(self) -> str:
        return ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in self.seconds.items())


def shown(total: int, stream: TextIO | None = None) -> bool:
    """True when progress is worth showing: many files, and a terminal to show it on."""
    stream = stream or sys.stderr
    return total >= MIN_FILES and stream.isatty()


@contextmanager
def bar(total: int, what: str, stream: TextIO | None = None) -> Iterator[Callable[[], None]]:
    """A progress bar of `total` steps on the terminal (erased when done); yields the function that advances it.
    Where progress is not shown, the function does nothing."""
    stream = stream or sys.stderr
    if not shown(total, stream):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(file=stream), transient=True) as progress:
        task = progress.add_task(what, total=total)
        yield lambda: progress.advance(task)


def report(
    what: str, count: int, started: float, stages: Stages, stream: TextIO | None = None, unit: str = "files"
) -> None:
    """One closing line on the terminal: how much was done, how long it took, and each stage's share."""
    stream = stream or sys.stderr
    if shown(count, stream):
        seconds = time.perf_counter() - started
        print(f"{what}: {count} {unit} in {seconds:.2f} s ({stages.summary()})", file=stream)
