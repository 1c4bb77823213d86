"""Record and freeze a new version of a company's policy: the one way a change reaches the public site.

The company file is edited as text (a version entry appended to `versions:`), so its comments and layout stay
as the authors wrote them; then the file is copied to `data/versions/<slug>/<version>.yaml`.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .checker import check_files
from .history import content_hash, snapshot_files, snapshot_folder, version_key
from .loader import load_file


class ReleaseError(Exception):
    """The release cannot be made; the message says why and what to do."""


@dataclass(frozen=True)
class Released:
    """What a release did, for the command's summary line."""

    slug: str
    version: str
    hash: str
    snapshot: Path
    appended: bool


def version_entry(version: str, effective: str, summary_fr: str, summary_en: str, indent: int) -> str:
    """The YAML text of one `versions` item; JSON strings are valid YAML double-quoted scalars."""
    pad = " " * indent
    return (f"{pad}- version: {json.dumps(version)}\n{pad}  date: {json.dumps(effective)}\n{pad}  summary:\n"
            f"{pad}    fr: {json.dumps(summary_fr, ensure_ascii=False)}\n"
            f"{pad}    en: {json.dumps(summary_en, ensure_ascii=False)}\n")


def _append_version(path: Path, version: str, effective: str, summary_fr: str, summary_en: str) -> None:
    """Add the entry at the end of the file, where `versions:` must be the last field."""
    document, errors = load_file(path)
    if document is None or errors:
        raise ReleaseError(errors[0].format() if errors else f"{path}: cannot be read")
    if list(document.data)[-1] != "versions":
        raise ReleaseError(f"{path}: 'versions' must be the last field of the file to append a version to it "
                           f"(move the versions list to the end)")
    text = path.read_text(encoding="utf-8")
    first_item = text.splitlines()[document.position(("versions", 0))[0] - 1]
    indent = len(first_item) - len(first_item.lstrip(" "))
    path.write_text(text.rstrip("\n") + "\n" + version_entry(version, effective, summary_fr, summary_en, indent),
                    encoding="utf-8")


def release(path: Path, version: str, summary_fr: str | None, summary_en: str | None,
            effective: str | None = None) -> Released:
    """Append version `version` (unless it is already the last one listed) and freeze the file under that number."""
    result = check_files([path], releases=False)
    if result.errors:
        raise ReleaseError("\n".join(d.format() for d in result.errors) + "\nfix these errors before releasing")
    data = result.documents[0].data
    slug = data["slug"]
    listed = [entry["version"] for entry in data["versions"]]
    frozen = snapshot_files(path, slug)
    if version in frozen:
        raise ReleaseError(f"{slug}: version {version} is already frozen (choose a higher number)")
    appended = version != listed[-1]
    if appended:
        if version_key(version) <= version_key(listed[-1]):
            raise ReleaseError(f"{slug}: version {version} must be higher than the last listed version {listed[-1]}")
        if not summary_fr or not summary_en:
            raise ReleaseError(f"{slug}: a new version needs --summary-fr and --summary-en (what changed, for readers)")
        original = path.read_text(encoding="utf-8")
        _append_version(path, version, effective or date.today().isoformat(), summary_fr, summary_en)
        check = check_files([path], releases=False)
        if check.errors:
            path.write_text(original, encoding="utf-8")
            raise ReleaseError("\n".join(d.format() for d in check.errors) + "\nthe file was left unchanged")
        data = check.documents[0].data
    target = snapshot_folder(path, slug) / f"{version}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)
    return Released(slug, version, content_hash(data), target, appended)
