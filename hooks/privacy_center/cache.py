"""Where compiled artefacts (schema validator code, template bytecode) are kept between builds.

Compiling the schema and the templates costs about 0.4 s per process, as much as checking and rendering
20 companies; a build that reuses them starts at once. No cache is used until a caller sets a folder.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable

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


def cached_text(name: str, inputs: bytes, make: Callable[[], str]) -> str:
    """Text derived from `inputs`, made once and reused while the inputs are the same."""
    where = folder()
    if where is None:
        return make()
    path = where / f"{name}-{hashlib.sha256(inputs).hexdigest()[:16]}"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        text = make()
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)  # atomic: a concurrent build never reads half a file
        return text
