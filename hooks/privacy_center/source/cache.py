"""Where compiled artefacts (schema validator code, template bytecode) are kept between builds.

Compiling the schema and the templates costs about 0.4 s per process, as much as checking and rendering
20 companies; a build that reuses them starts at once. No cache is used until a caller sets a folder.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType

from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache

from ..source.publish import write_whole

_folder: list[Path] = []


def set_folder(folder: Path | None) -> None:
    """Keep compiled artefacts in this folder from now on (None: compile in memory every time)."""
    _folder[:] = [folder] if folder is not None else []


def folder() -> Path | None:
    """The cache folder, created on first use, or None when caching is off."""
    if not _folder:
        return None
    _folder[0].mkdir(parents=True, exist_ok=True)
    return _folder[0]


def cached_code(name: str, inputs: bytes, make: Callable[[], str]) -> CodeType:
    """Python code generated from `inputs`, compiled once: its bytecode is reused while inputs and Python match."""
    where = folder()
    if where is None:
        return compile(make(), f"<{name}>", "exec")
    path = where / f"{name}-{hashlib.sha256(inputs + sys.version.encode()).hexdigest()[:16]}.marshal"
    try:
        loaded = marshal.loads(path.read_bytes())
        if isinstance(loaded, CodeType):
            return loaded
        raise ValueError(f"{path} holds no code object")
    except (OSError, EOFError, ValueError, TypeError):
        code = compile(make(), f"<{name}>", "exec")
        write_whole(path, marshal.dumps(code))  # a concurrent build never reads half a file
        return code


class ThemeBytecodeCache(BytecodeCache):
    """Compiled theme templates kept in memory for the whole process (and in the cache folder, if any).

    MkDocs makes a new theme environment on every build, so `mkdocs serve` would compile Material's templates
    again after every edit (about a third of a rebuild of 5 companies). Jinja checks each entry against the
    template's source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self._memory: dict[str, bytes] = {}

    def _disk(self) -> FileSystemBytecodeCache | None:
        where = folder()
        if where is None:
            return None
        (where / "theme").mkdir(exist_ok=True)
        return FileSystemBytecodeCache(str(where / "theme"))

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._memory:
            bucket.bytecode_from_string(self._memory[bucket.key])
            return
        disk = self._disk()
        if disk is not None:
            disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._memory[bucket.key] = bucket.bytecode_to_string()
        disk = self._disk()
        if disk is not None:
            disk.dump_bytecode(bucket)


THEME_BYTECODE = ThemeBytecodeCache()
