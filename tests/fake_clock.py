"""Run the mkdocs CLI under a shifted clock: `python fake_clock.py SECONDS mkdocs-args...`.

Every way Python code reads the time (time.time, date.today, datetime.now/utcnow/today) is moved by SECONDS,
before mkdocs or the project is imported, so a build believes it runs on another day."""

from __future__ import annotations

import datetime
import sys
import time

SHIFT = float(sys.argv[1])
_real_time = time.time


def _fake_time() -> float:
    return _real_time() + SHIFT


class FakeDate(datetime.date):
    @classmethod
    def today(cls) -> FakeDate:
        return cls.fromtimestamp(_fake_time())


class FakeDateTime(datetime.datetime):
    @classmethod
    def now(cls, tz: datetime.tzinfo | None = None) -> FakeDateTime:
        return cls.fromtimestamp(_fake_time(), tz)

    @classmethod
    def utcnow(cls) -> FakeDateTime:
        return cls.fromtimestamp(_fake_time(), datetime.UTC).replace(tzinfo=None)

    @classmethod
    def today(cls) -> FakeDateTime:
        return cls.fromtimestamp(_fake_time())


time.time = _fake_time
datetime.date = FakeDate  # type: ignore[misc]
datetime.datetime = FakeDateTime  # type: ignore[misc]

if __name__ == "__main__":
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", *sys.argv[2:]]
    cli()
