"""Where compiled artefacts (schema validator code, template bytecode) are kept between builds.

Compiling the schema and the templates costs about 0.4 s per process, as much as checking and rendering
20 companies; a build that reuses them starts at once. No cache is used until a caller sets a folder.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType

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
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(code))
        partial.replace(path)  # atomic: a concurrent build never reads half a file
        return code
