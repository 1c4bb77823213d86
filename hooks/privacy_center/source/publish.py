"""Atomic publishing and reproducible dates for `mkdocs build` (plain functions: the hook is the only mkdocs glue).

Publishing: the build writes into a staging folder beside the target (`<parent>/.<name>.building-<pid>`, same
file system, so a rename is atomic) and the staging folder replaces the target only once the whole build, strict
checks included, has succeeded. On Linux the two folders are exchanged in one `renameat2(RENAME_EXCHANGE)` call;
elsewhere (or on a file system without it) the old site is renamed aside (`.<name>.previous-<pid>`), the new one
renamed in, then the old one deleted, and the next build puts an aside site back if a kill left the target missing.
At any moment a reader (or a kill) sees either the previous site or the new one, each whole.

Dates: a build reads the clock for one decision only, which version of a notice is in force (a version may be
announced for a later date). That day comes from `SOURCE_DATE_EPOCH` when it is set, else from the UTC clock, so the
time zone never matters. Every date the site prints or that a file carries (sitemap `lastmod`, gzip time) is the
site date: `SOURCE_DATE_EPOCH`'s day when set, else the latest date any version states, never the build day.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import functools
import os
import shutil
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path

BUILDING = ".building-"
PREVIOUS = ".previous-"
RENAME_EXCHANGE = 2  # linux/fs.h: atomically exchange two existing paths
AT_FDCWD = -100  # linux/fcntl.h: paths relative to the working directory
EPOCH = date(1970, 1, 1)  # the site date when neither SOURCE_DATE_EPOCH nor any version states a date


class PublishError(Exception):
    """The site could not be published (the previous one is left as it was)."""


def write_whole(target: Path, content: bytes) -> None:
    """Write `content` to `target` whole or not at all: into a new file beside it (same file system), then renamed
    over it, so that a reader or a kill never meets half a file."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def staging_dir(target: Path, pid: int | None = None) -> Path:
    """Where a build by process `pid` (this one by default) writes before it is published."""
    return target.parent / f".{target.name}{BUILDING}{os.getpid() if pid is None else pid}"


def aside_dir(target: Path, pid: int | None = None) -> Path:
    """Where the previous site waits while the fallback swap (two renames) is under way."""
    return target.parent / f".{target.name}{PREVIOUS}{os.getpid() if pid is None else pid}"


def _alive(pid: int) -> bool:
    """Whether a process with this id runs (its staging folder is in use)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _leftovers(target: Path, marker: str) -> list[tuple[Path, int]]:
    """Folders beside the target left by builds of other processes, with their process ids."""
    prefix = f".{target.name}{marker}"
    found = []
    if target.parent.is_dir():
        for path in target.parent.iterdir():
            pid = path.name[len(prefix) :]
            if path.name.startswith(prefix) and pid.isdigit():
                found.append((path, int(pid)))
    return sorted(found)


def _remove(path: Path) -> None:
    """Delete a folder (or a file) if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def recover(target: Path) -> list[str]:
    """Undo what a killed build left beside the target: an aside site goes back in place when the target is missing
    (a kill between the fallback's two renames); other staging and aside folders of dead processes are deleted.
    Returns what was done, one line each."""
    done = []
    for path, pid in _leftovers(target, PREVIOUS):
        if _alive(pid):
            continue
        if not target.exists() and not target.is_symlink():
            os.rename(path, target)
            done.append(f"{target}: restored the previous site from {path.name} (a build was stopped while swapping)")
        else:
            _remove(path)
            done.append(f"{path}: removed the previous site a stopped build left aside")
    for path, pid in _leftovers(target, BUILDING):
        if not _alive(pid):
            _remove(path)
            done.append(f"{path}: removed the unfinished build of a stopped process")
    return done


def prepare(target: Path, dirty: bool = False) -> Path:
    """Recover from stopped builds, then make this build's empty staging folder beside the target (a copy of the
    current site for `--dirty`, which rebuilds only what changed)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    staging = staging_dir(target)
    _remove(staging)
    if dirty and target.is_dir():
        shutil.copytree(target, staging, symlinks=True)
    else:
        staging.mkdir()
    return staging


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """The C library's renameat2, or None where it does not exist (not Linux, or a C library older than glibc 2.28)."""
    name = ctypes.util.find_library("c")
    try:
        function = ctypes.CDLL(name, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one atomic step; False when the system cannot (the caller falls back)."""
    function = _renameat2()
    if function is None:
        return False
    result = function(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # old kernel, or a file system without the flag
    raise OSError(code, f"cannot exchange {first} and {second}: {os.strerror(code)}")


def publish(staging: Path, target: Path) -> None:
    """Put the finished build in the target's place atomically and delete the previous site."""
    try:
        if not target.exists() and not target.is_symlink():
            os.rename(staging, target)  # a first build: nothing to keep
            return
        if exchange(staging, target):
            _remove(staging)  # now the previous site
            return
        aside = aside_dir(target)
        _remove(aside)
        os.rename(target, aside)
        os.rename(staging, target)
        _remove(aside)
    except OSError as error:
        raise PublishError(
            f"{target}: the built site could not be put in place ({error}); it is left in {staging} "
            "(check the permissions of the folder that holds the site, then build again)"
        ) from None


def discard(staging: Path) -> None:
    """Throw away a failed build: the target was never touched."""
    _remove(staging)


def source_date_epoch() -> datetime | None:
    """The reproducible-builds date (https://reproducible-builds.org/specs/source-date-epoch/), or None if unset."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise PublishError(
            f"SOURCE_DATE_EPOCH={value!r}: not a number of seconds since 1970-01-01 "
            "(set it to a whole number, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it)"
        )
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (OverflowError, OSError, ValueError):
        raise PublishError(
            f"SOURCE_DATE_EPOCH={value}: out of range (use the time of the last commit: git log -1 --format=%ct)"
        ) from None


def in_force_day() -> date:
    """The day that decides which version is in force: SOURCE_DATE_EPOCH's day if set, else today in UTC (a site
    with a version announced for a later date must be built again on that date)."""
    stamp = source_date_epoch()
    return (stamp or datetime.now(UTC)).date()


def site_date(version_dates: Iterable[date | None], today: date) -> date:
    """The date a built file carries where a format wants one (sitemap `lastmod`, gzip header): SOURCE_DATE_EPOCH's
    day if set, else the latest date a version states that has come by `today` (the in-force day; None, a date
    not stated, is skipped), else 1970-01-01. Never the build day, so two builds of the
    same data are identical."""
    stamp = source_date_epoch()
    if stamp is not None:
        return stamp.date()
    return max((day for day in version_dates if day is not None and day <= today), default=EPOCH)
