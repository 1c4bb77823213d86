"""Record and freeze a new version of a company's policy: the one way a change reaches the public site.

The company file is edited as text (a version entry appended to `versions:`), so its comments and layout stay
as the authors wrote them; then the file is copied to `data/versions/<slug>/<version>.yaml`.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from .checker import FileCheck, check_file, check_files, default_context, display_name
from ..source.versions import (
    content_hash,
    next_version,
    notice_name,
    release_command,
    snapshot_files,
    snapshot_folder,
    snapshot_folder_problem,
    version_key,
)
from ..source.loader import SILENCE, load_file, not_regular
from ..render.notices import notice_path, notices_of
from ..source.publish import in_force_day, write_whole
from ..render.pages import notice_text
from ..render.scaffold import with_schema_line_for
from .build import company_of
from ..source.wording import load_wording

# What `validate` says about a company with no version yet: the one error a release itself fixes.
FIRST_RELEASE_MESSAGES = ("no version recorded yet", "the versions list is empty")


def _is_version(version: str) -> bool:
    return bool(re.fullmatch(r"[0-9]+(\.[0-9]+)*", version))


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
    notices: tuple[Path, ...] = ()  # the notices of change, one per language, when the version is material


def version_entry(version: str, effective: str, summary_fr: str, summary_en: str, indent: int) -> str:
    """The YAML text of one `versions` item; JSON strings are valid YAML double-quoted scalars."""
    pad = " " * indent
    return (
        f"{pad}- version: {json.dumps(version)}\n{pad}  date: {json.dumps(effective)}\n{pad}  summary:\n"
        f"{pad}    fr: {json.dumps(summary_fr, ensure_ascii=False)}\n"
        f"{pad}    en: {json.dumps(summary_en, ensure_ascii=False)}\n"
    )


def _appended(path: Path, version: str, effective: str, summary_fr: str, summary_en: str) -> str:
    """The file's text with the entry added at its end, where `versions:` must be the last field; a file with no
    `versions` yet (a new company) gets the field, with this first entry, at its end."""
    document, errors = load_file(path)
    if document is None or errors:
        raise ReleaseError(errors[0].format() if errors else f"{path}: cannot be read")
    text = path.read_text(encoding="utf-8")
    if isinstance(document.data, dict) and "versions" not in document.data:
        return text.rstrip("\n") + "\nversions:\n" + version_entry(version, effective, summary_fr, summary_en, 2)
    if not document.data.get("versions"):
        line = document.position(("versions",))[0]
        raise ReleaseError(f"{path}:{line}: 'versions' is empty (delete that line: the release writes the list)")
    if list(document.data)[-1] != "versions":
        raise ReleaseError(
            f"{path}: 'versions' must be the last field of the file to append a version to it "
            f"(move the versions list to the end)"
        )
    first_item = text.splitlines()[document.position(("versions", 0))[0] - 1]
    indent = len(first_item) - len(first_item.lstrip(" "))
    return text.rstrip("\n") + "\n" + version_entry(version, effective, summary_fr, summary_en, indent)


def _stage(stage: Path, path: Path, slug: str, text: str, frozen: Mapping[str, Path], version: str, copy: str) -> Path:
    """The company file as released (`text`) and its frozen versions with the new one (`copy`), copied into the
    folder `stage`, to check them and write the notices before anything is published; the staged company file."""
    staged = stage / "data" / path.name
    folder = snapshot_folder(staged, slug)
    folder.mkdir(parents=True)
    staged.write_text(text, encoding="utf-8")
    for name, source in frozen.items():
        if not_regular(source):  # a link or a pipe is never read
            raise ReleaseError(f"{display_name(source)}: not a regular file (run privacy-center validate)")
        shutil.copyfile(source, folder / f"{name}.yaml")
    (folder / f"{version}.yaml").write_text(copy, encoding="utf-8")
    return staged


def _prepared(
    path: Path,
    slug: str,
    text: str,
    frozen: Mapping[str, Path],
    version: str,
    copy: str,
    languages: Sequence[str],
    site_url: str,
) -> tuple[Mapping[str, Any], dict[str, str]]:
    """The released data and its notices of change, made in a temporary folder (`_stage`) and checked there once:
    nothing is published until all of it is ready; an error leaves every file as it was."""
    stage = Path(tempfile.mkdtemp(prefix="privacy-center-release-"))
    try:  # checked and its notices written in the stage: nothing is published until all of it is ready
        staged = _stage(stage, path, slug, text, frozen, version, copy)
        check = check_file(staged, default_context(), notices=False)  # once: its errors, then its notices
        errors = [*check.errors, *(f for f in check.frozen_findings if f.severity == "error")]
        if errors or check.loaded is None:
            staged_root, data_dir = display_name(stage / "data"), display_name(path.parent)
            shown = "\n".join(replace(d, file=d.file.replace(staged_root, data_dir, 1)).format() for d in errors)
            raise ReleaseError(shown + "\nthe file was left unchanged")
        data = check.loaded.data
        texts = _notice_texts(check, version, languages, site_url)
    except ReleaseError:
        raise
    except Exception as error:
        raise ReleaseError(
            f"{slug}: the notice of change could not be written ({error}); nothing was released"
        ) from error
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return data, texts


def release(
    path: Path,
    version: str,
    summary_fr: str | None,
    summary_en: str | None,
    effective: str | None = None,
    languages: Sequence[str] = ("fr", "en"),
    site_url: str = "",
    amend: bool = False,
    base: str | None = None,
) -> Released:
    """Append version `version` (unless it is already the last one listed) and freeze the file under that number;
    when its changes are material, save the notice of change in each language beside it (`languages`, the site's
    default first; `site_url` for the addresses in the notice). With `amend`, freeze the latest released version
    again from the working file, while it is not published (`_amendable`)."""
    result = check_files([path], releases=False)
    first = [d for d in result.errors if d.path in ("", "versions") and d.message in FIRST_RELEASE_MESSAGES]
    if len(first) < len(result.errors):
        raise ReleaseError(
            "\n".join(d.format() for d in result.errors if d not in first) + "\nfix these errors before releasing"
        )
    document = result.documents[0] if result.documents else load_file(path)[0]
    if document is None:  # unreadable: check_files above already reported it as an error
        raise ReleaseError(f"{path}: cannot read the file")
    data = document.data
    slug = data["slug"]
    if problem := snapshot_folder_problem(path, slug, display_name):  # nothing written through a link or a file
        raise ReleaseError(problem.format())
    listed = [entry["version"] for entry in data.get("versions") or []]
    frozen = snapshot_files(path, slug)
    given = (summary_fr, summary_en, effective)
    if amend:
        _amendable(path, slug, version, listed, frozen, data["versions"][-1].get("date") if listed else None, base)
        frozen = {number: copy for number, copy in frozen.items() if number != version}
    elif version in frozen:
        raise ReleaseError(
            f"{slug}: version {version} is already frozen (choose a higher number; to correct it before it is "
            f"published: privacy-center release {slug} --version {version} --amend)"
        )
    appended = not listed or version != listed[-1]
    original = text = path.read_text(encoding="utf-8")
    if appended:
        summaries = _new_version(slug, version, listed, *given)
        text = _appended(path, version, effective or date.today().isoformat(), *summaries)
    elif any(value is not None for value in given):
        raise ReleaseError(
            f"{slug}: version {version} is already listed in the file, with its own date and summary: set them in "
            "the file's last versions entry (date: YYYY-MM-DD), then release "
            + ("--amend " if amend else "")
            + "without --date or --summary"
        )
    target = snapshot_folder(path, slug) / f"{version}.yaml"
    copy = with_schema_line_for(text, target)
    data, texts = _prepared(path, slug, text, frozen, version, copy, languages, site_url)
    # Published in the order that leaves, if killed between two steps, a state validate reports with the command
    # that completes it: the listed version (release freezes it), the frozen copy (notice writes its notices).
    if text != original:
        write_whole(path, text.encode("utf-8"))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_whole(target, copy.encode("utf-8"))
    notices = tuple(_write(path, slug, version, texts))
    for stale in target.parent.glob(notice_name(version, "*")):  # left by an earlier freeze of this number
        if stale not in notices:
            stale.unlink()
    return Released(slug, version, content_hash(data), target, appended, notices)


def _new_version(
    slug: str, version: str, listed: Sequence[str], summary_fr: str | None, summary_en: str | None, effective: str | None
) -> tuple[str, str]:
    """A version to append: a number above the last listed, its summaries, and no placeholder left from a hint;
    the summaries, or every problem at once."""
    if not _is_version(version):
        raise ReleaseError(f"{slug}: '{version}' is not a version number (write numbers separated by dots, e.g. 1.0)")
    if listed and version_key(version) <= version_key(listed[-1]):
        raise ReleaseError(f"{slug}: version {version} must be higher than the last listed version {listed[-1]}")
    if not summary_fr or not summary_en:
        raise ReleaseError(f"{slug}: a new version needs --summary-fr and --summary-en (what changed, for readers)")
    left = []
    if "..." in (summary_fr, summary_en):
        left.append('--summary-fr/--summary-en "...": write what changed, for readers')
    if effective == "YYYY-MM-DD":
        left.append(
            "--date YYYY-MM-DD: write the date the policy takes effect, as the policy gives it (e.g. --date "
            f"{date.today().isoformat()}; a future date announces the version)"
        )
    if left:
        raise ReleaseError("\n".join(f"{slug}: {problem}" for problem in left))
    return summary_fr, summary_en


def _amendable(
    path: Path,
    slug: str,
    version: str,
    listed: Sequence[str],
    frozen: Mapping[str, Path],
    effective: str | None,
    base: str | None,
) -> None:
    """A released version may be frozen again (a typo found in review) while nobody can have read it: it is the
    latest, and it is not yet in force, or it is not yet in the base branch (`base`, a git revision). Refused
    otherwise: a published notice is never rewritten, a new version says what changed."""
    latest = listed[-1] if listed else None
    if version != latest or version not in frozen:
        raise ReleaseError(
            f"{slug}: --amend freezes the latest released version again ({latest or 'none yet'}), not {version}"
        )
    if effective is None or effective == SILENCE or date.fromisoformat(effective) > in_force_day():
        return  # announced, not in force: the site shows the version in force until that day
    if base is not None:
        from .review import ReviewError, git_text, merge_base  # git only for this check

        try:
            published = git_text(merge_base(base, path), frozen[version]) is not None
        except ReviewError as error:
            raise ReleaseError(f"{slug}: {error}") from None
        if not published:
            return
    where = f" and is in {base}" if base is not None else ""
    raise ReleaseError(
        f"{slug}: version {version} is in force since {effective}{where}: a published version is not rewritten; "
        f"release a new one ({release_command(str(path), next_version(version))}); if {version} is not yet merged, "
        "say into which branch: --amend --base origin/main"
    )


def notice_texts(path: Path, version: str, languages: Sequence[str], site_url: str) -> dict[str, str]:
    """The notice of change of a frozen version in each language (none when its changes are editorial only)."""
    return _notice_texts(check_file(path, default_context(), notices=False), version, languages, site_url)


def _notice_texts(check: FileCheck, version: str, languages: Sequence[str], site_url: str) -> dict[str, str]:
    """The notice of change of a frozen version of a checked file, in each language."""
    path = check.path
    modelled = company_of(check, in_force_day())
    entry = next((e for e in modelled[1] if e.version.version == version), None) if modelled else None
    if entry is None or entry.company is None:
        raise ReleaseError(
            f"{path}: version {version} cannot be read back with its frozen copy (run privacy-center validate)"
        )
    words = {language: load_wording(language) for language in languages}
    return {language: notice_text(n) for language, n in notices_of(entry, languages, words, site_url).items()}


def _write(path: Path, slug: str, version: str, texts: Mapping[str, str]) -> Iterator[Path]:
    for language, text in texts.items():
        target = notice_path(path, slug, version, language)
        write_whole(target, text.encode("utf-8"))
        yield target


def write_notices(path: Path, version: str, languages: Sequence[str], site_url: str) -> tuple[Path, ...]:
    """Write the notice of change of an already frozen version again (a new site address, new wording): refused
    for a version that is not frozen or has no material change."""
    document, errors = load_file(path)
    if document is None or errors or not isinstance(document.data, dict):
        raise ReleaseError(errors[0].format() if errors else f"{path}: cannot be read")
    slug = document.data.get("slug", "")
    if version not in snapshot_files(path, slug):
        raise ReleaseError(f"{slug}: version {version} is not frozen (release it first: privacy-center release)")
    texts = notice_texts(path, version, languages, site_url)
    if not texts:
        raise ReleaseError(f"{slug}: version {version} has no material change, so it has no notice of change")
    return tuple(_write(path, slug, version, texts))
