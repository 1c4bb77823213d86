"""Frozen versions of a company's data: where they live, how they are identified, which one is in force.

A version is frozen by `privacy-center release`, which copies `data/<slug>.yaml` to
`data/versions/<slug>/<version>.yaml`. The archive therefore lives in the data folder itself and the build never
needs git history (it works on a shallow clone or a tarball).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic
from .diagnostics import Path as DataPath
from .limits import MAX_NOTICE_CHARS, MAX_VERSION_CHARS
from .loader import SILENCE, Document, odd_name
from .safety import FORBIDDEN_CHAR, name_problem, printable_name

SNAPSHOT_FOLDER = "versions"


def version_key(version: str) -> tuple[int, ...]:
    """Order version numbers numerically: 1.10 comes after 1.9."""
    return tuple(int(part) for part in version.split("."))


def snapshot_folder(company_file: Path, slug: str) -> Path:
    """`data/versions/<slug>/`, beside the company file."""
    return company_file.parent / SNAPSHOT_FOLDER / slug


VERSION_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)*")
# The notice of change `privacy-center release` saves beside a material version (notices.py).
NOTICE_NAME = re.compile(r"(?P<version>[0-9]+(?:\.[0-9]+)*)\.notice\.(?P<lang>[a-z]{2,3})\.txt")


NOTICE = "notice"  # the command that writes a version's notices of change again


def notice_name(version: str, language: str) -> str:
    """The file name of a version's notice of change in one language: `1.2.notice.fr.txt`."""
    return f"{version}.notice.{language}.txt"


def notice_problem(path: Path) -> str | None:
    """Why a saved notice cannot be shown on the history page: a link, not UTF-8 text, too long, a control."""
    if path.is_symlink() or not path.is_file():
        return "is not a regular file (a link or a folder)"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return f"cannot be read as UTF-8 text ({error.__class__.__name__})"
    if len(text) > MAX_NOTICE_CHARS:
        return f"holds {len(text)} characters, more than {MAX_NOTICE_CHARS}"
    if found := FORBIDDEN_CHAR.search(text):  # what no text of the data may hold either
        return f"holds the control character U+{ord(found.group()):04X}"
    return None


def is_version_number(version: str) -> bool:
    """Numbers separated by single dots (1.0, 2, 1.10), short enough to compare as numbers."""
    return len(version) <= MAX_VERSION_CHARS and bool(VERSION_NUMBER.fullmatch(version))


def _real_folder(path: Path) -> bool:
    """Whether `path` is a folder and not a link to one (links out of data/ are never followed)."""
    return path.is_dir() and not path.is_symlink()


def folder_problem(path: Path, display: Callable[[Path], str]) -> Diagnostic | None:
    """The error for a `versions` or `versions/<slug>` entry that exists but is a link or not a folder."""
    if _real_folder(path) or not (path.exists() or path.is_symlink()):
        return None
    if path.is_symlink():
        return _misplaced(
            display(path),
            "is a link: only regular files and folders inside data/ are read, and no link is followed",
            "replace the link with the folder itself, or remove it",
        )
    return _misplaced(
        display(path),
        f"is not a folder: frozen versions live in {SNAPSHOT_FOLDER}/<slug>/<version>.yaml",
        "rename or remove it; privacy-center release then creates the folder",
    )


def snapshot_folder_problem(company_file: Path, slug: str, display: Callable[[Path], str]) -> Diagnostic | None:
    """Why a company's frozen versions cannot be read or written: `versions` or `versions/<slug>` is a link or not
    a folder."""
    root = company_file.parent / SNAPSHOT_FOLDER
    return folder_problem(root, display) or folder_problem(snapshot_folder(company_file, slug), display)


def snapshot_files(company_file: Path, slug: str) -> dict[str, Path]:
    """Frozen versions of one company, oldest first, by version number (misnamed entries: `snapshot_problems`).
    Every `<version>.yaml` entry but a folder is listed, so a link or a pipe is refused by the loader, unread; none
    when `versions` or `versions/<slug>` is a link or not a folder (`snapshot_problems` reports it)."""
    folder = snapshot_folder(company_file, slug)
    if not (_real_folder(folder.parent) and _real_folder(folder)):
        return {}
    found = {path.stem: path for path in folder.iterdir() if path.suffix == ".yaml"}
    valid = {version: path for version, path in found.items() if is_version_number(version) and not _real_folder(path)}
    return dict(sorted(valid.items(), key=lambda item: version_key(item[0])))


def _misplaced(display: str, message: str, fix: str) -> Diagnostic:
    return Diagnostic(display, 1, 1, "", message, fix)


def snapshot_problems(
    data_dir: Path, display: Callable[[Path], str], languages: Collection[str] = ()
) -> list[Diagnostic]:
    """What in `data/versions/` is not a frozen version of a known company: a file or folder beside the company
    folders, a folder with no `data/<slug>.yaml`, an entry of a company folder that is neither `<version>.yaml`
    nor the notice of change of a frozen version in one of the site `languages` (`<version>.notice.<lang>.txt`)."""
    if data_dir.is_symlink():  # the data folder itself: what a link points at is not reviewed with the project
        return [
            _misplaced(
                display(data_dir),
                "is a link: only regular files and folders inside the project's data folder are read",
                "replace the link with the folder itself",
            )
        ]
    root = data_dir / SNAPSHOT_FOLDER
    if wrong := folder_problem(root, display):
        return [wrong]
    if not root.is_dir():
        return []
    found: list[Diagnostic] = []
    for folder in sorted(root.iterdir()):
        if odd := name_problem(folder.name):  # refused before its name is put in a message
            found.append(odd_name(printable_name(display(folder)), odd))
            continue
        if folder.is_symlink() and (wrong := folder_problem(folder, display)):
            found.append(wrong)
            continue
        if not folder.is_dir():
            found.append(
                _misplaced(
                    display(folder),
                    f"{SNAPSHOT_FOLDER}/ holds one folder per company, not files",
                    f"move it to {SNAPSHOT_FOLDER}/<slug>/<version>.yaml, or remove it",
                )
            )
            continue
        if not any((data_dir / f"{folder.name}{suffix}").is_file() for suffix in (".yaml", ".yml")):
            found.append(
                _misplaced(
                    display(folder),
                    f"frozen versions of '{folder.name}', a company with no file {folder.name}.yaml",
                    f"restore {display(data_dir / folder.name)}.yaml, or remove the folder",
                )
            )
            continue
        for entry in sorted(folder.iterdir()):
            if odd := name_problem(entry.name):
                found.append(odd_name(printable_name(display(entry)), odd))
                continue
            if entry.suffix == ".yaml" and is_version_number(entry.stem) and not _real_folder(entry):
                continue  # a frozen version, or a link or pipe in its place that the loader refuses unread
            notice = NOTICE_NAME.fullmatch(entry.name)
            if notice:
                frozen = folder / f"{notice['version']}.yaml"
                if not (frozen.is_file() and not frozen.is_symlink() and notice["lang"] in languages):
                    found.append(
                        _misplaced(
                            display(entry),
                            f"notice of change '{entry.name}' belongs to no frozen version in a site language",
                            f"name it <version>.notice.<lang>.txt after a frozen version and one of "
                            f"{', '.join(sorted(languages))}, or remove it",
                        )
                    )
                elif problem := notice_problem(entry):
                    found.append(
                        _misplaced(
                            display(entry),
                            f"notice of change '{entry.name}' {problem}",
                            "write it again: "
                            + release_command(
                                str(data_dir / f"{folder.name}.yaml"), notice["version"], False, "notice"
                            ),
                        )
                    )
                continue
            what = "a folder" if entry.is_dir() else "a file"
            found.append(
                _misplaced(
                    display(entry),
                    f"{what} named '{entry.name}' is not a frozen version",
                    "frozen versions are files named <version>.yaml, such as 1.0.yaml, written by "
                    "'privacy-center release': rename it or remove it",
                )
            )
    return found


def content_hash(data: Mapping[str, Any]) -> str:
    """A short fingerprint of what a notice says (the version list left out), to cite the exact text a person saw."""
    content = {key: value for key, value in data.items() if key != "versions"}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


def in_force_index(days: Sequence[date | None], today: date) -> int:
    """The index of the version in force on `today`: the latest one whose date has come (or is not stated: None)."""
    current = 0
    for index, day in enumerate(days):
        if day is None or day <= today:
            current = index
    return current


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Top-level fields whose content differs, to say in one line what an unannounced change touched."""
    keys = (set(old) | set(new)) - {"versions"}
    return sorted(key for key in keys if old.get(key) != new.get(key))


def next_version(version: str) -> str:
    """The version number a release would most likely take next: 1.0 -> 1.1."""
    parts = version.split(".")
    return ".".join([*parts[:-1], str(int(parts[-1]) + 1)])


def release_command(file: str, version: str, summaries: bool = True, command: str = "release", extra: str = "") -> str:
    """The `privacy-center release` command (or another `command` on one version, with `extra` options) for a
    company file, as a user types it from the working folder: the slug is the file's name, and the data folder is
    named when it is not ./data (the command's default). A new version's release names its summaries and its date
    (the policy's effective date, not the day the command is run) for the user to fill in."""
    path = Path(file)
    folder = "" if path.parent.resolve() == Path("data").resolve() else f" --data-dir {path.parent}"
    summary = ' --summary-fr "..." --summary-en "..." --date YYYY-MM-DD' if summaries else ""
    return f"privacy-center {command} {path.stem} --version {version}{summary}{extra}{folder}"


def _entry_kept(
    doc: Document, slug: str, index: int, version: str, copy: Mapping[str, Any], latest: bool
) -> Iterator[Diagnostic]:
    """A released version's entry (its date and summary) stays as it was frozen: the history, the feeds and the
    notices of change quote it. The frozen copy's own entry for that version is the last of its list."""
    entries = copy.get("versions") if isinstance(copy, Mapping) else None
    released = entries[-1] if isinstance(entries, list) and entries and isinstance(entries[-1], Mapping) else None
    entry = doc.data["versions"][index]
    if released is None or released.get("version") != version or released == entry:
        return
    changed = sorted(key for key in set(entry) | set(released) if entry.get(key) != released.get(key))
    fix = f"put it back as in {snapshot_folder(Path(doc.file), slug) / f'{version}.yaml'}"
    if latest:
        fix += f"; before the version is published: {release_command(doc.file, version, False, extra=' --amend')}"
    yield doc.diagnostic(
        ("versions", index),
        f"the entry of released version {version} differs from its frozen copy ({', '.join(changed)})",
        fix,
    )


UNRELEASED = "unreleased"
"""The rule of the finding that a released company's file has changed since its latest frozen version."""


def release_findings(doc: Document, frozen: Mapping[str, Any], preview: bool = False) -> list[Diagnostic]:
    """Errors when the data and its frozen versions disagree: an unannounced change can never be published, and
    every listed version has its frozen copy (deleting the copies does not silence the check)."""
    slug = doc.data.get("slug", "")
    listed = [entry["version"] for entry in doc.data.get("versions", [])]
    last = len(listed) - 1
    found: list[Diagnostic] = []
    for version in frozen:
        if version not in listed:
            found.append(
                doc.diagnostic(
                    ("versions",),
                    f"frozen version {version} of {slug} is missing from versions",
                    f"add version {version} back, or delete {SNAPSHOT_FOLDER}/{slug}/{version}.yaml",
                )
            )
    latest = list(frozen)[-1] if frozen else None
    entries = doc.data.get("versions", [])
    if not frozen and len(entries) == 1 and entries[0].get("date") == SILENCE:
        return found  # the draft `privacy-center new` writes: one undated version, never released (a warning says)
    for index, version in enumerate(listed):
        if version in frozen:
            found.extend(_entry_kept(doc, slug, index, version, frozen[version], index == last))
            continue
        copy = snapshot_folder(Path(doc.file), slug) / f"{version}.yaml"
        if index == last and (latest is None or version_key(version) > version_key(latest)):
            fix = f"run: {release_command(doc.file, version, summaries=False)}"  # release freezes the last listed
        else:
            fix = (
                f"restore it: git restore --source=<the last commit that had it> {copy}; "
                f"or remove version {version} from versions"
            )
        found.append(
            doc.diagnostic(("versions", index, "version"), f"version {version} of {slug} is listed but not frozen", fix)
        )
    if latest is not None and listed and listed[-1] == latest:
        changed = changed_fields(frozen[latest], doc.data)
        if changed:  # under `mkdocs serve`, a preview of the edits: a warning the pages show in a banner
            finding = doc.diagnostic(
                ("versions", last, "version"),
                f"{slug} differs from its frozen version {latest} (changed: {', '.join(changed)}) "
                f"but no new version is recorded",
                f"run: {release_command(doc.file, next_version(latest))}",
                "warning" if preview else "error",
            )
            found.append(replace(finding, rule=UNRELEASED))
    return found


def _texts(value: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, Mapping[str, str]]]:
    """Every per-language text in a data tree, with its path."""
    if isinstance(value, Mapping):
        if value and all(isinstance(k, str) and len(k) == 2 and isinstance(v, str) for k, v in value.items()):
            yield path, value
            return
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def stale_translations(doc: Document, frozen: Mapping[str, Any]) -> list[Diagnostic]:
    """Warn when a text changed in one language since the latest frozen version but not in the other."""
    if not frozen:
        return []
    latest = list(frozen)[-1]
    if frozen[latest] is doc.data:  # the frozen copy is the file itself (checker._load_frozen): nothing changed
        return []
    before = dict(_texts({k: v for k, v in frozen[latest].items() if k != "versions"}))
    found = []
    for path, now in _texts({k: v for k, v in doc.data.items() if k != "versions"}):
        was = before.get(path)
        if was is None or set(was) != set(now):
            continue
        changed = sorted(lang for lang in now if now[lang] != was[lang])
        if changed and len(changed) < len(now):
            same = sorted(set(now) - set(changed))
            found.append(
                doc.diagnostic(
                    path,
                    f"the {', '.join(changed)} text changed since version {latest} but the "
                    f"{', '.join(same)} text did not: the translation may be stale",
                    f"check that the {', '.join(same)} text still says the same",
                    "warning",
                )
            )
    return found
