"""Review a policy change before it merges: the semantic diff of the data as Markdown for a pull-request comment.

The working tree's company files are compared with their latest frozen version, or with the same files at any git
revision (`--base origin/main`), and the changes are written in every site language.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .checker import check_documents, data_files, display_name
from ..source.diagnostics import Diagnostic
from ..history.diff import Change, diff, is_material
from ..source.versions import snapshot_files
from ..source.loader import Document, load_bytes, load_file
from ..model.model import Company, Text
from ..render.pages import environment, md_escape, template_context
from ..check.resolve import company_from_data
from ..source.wording import load_wording


def gfm_escape(value: Any) -> Any:
    """Plain text for GitHub's Markdown (the comment's reader): the pages' escaping, and `~` too, which GitHub reads
    as strikethrough (`~~text~~`) where the pages' Markdown does not (there `\\~` would print its backslash)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return md_escape(value).replace("~", "\\~")


class ReviewError(Exception):
    """The comparison cannot be made (a file does not pass the check, git cannot show a revision)."""


@dataclass(frozen=True)
class Review:
    """One company's change between a base and the working tree."""

    slug: str
    name: Text
    base: str  # what it is compared with: "1.0" (frozen) or a git revision
    changes: tuple[Change, ...]
    status: str  # "changed", "unchanged", "added" or "removed"
    to: str | None = None  # the frozen version compared, when it is not the working file

    @property
    def material(self) -> bool:
        """Whether reviewers should read closely."""
        return is_material(self.changes)


def _company(loaded: tuple[Document | None, list[Diagnostic]], file: str) -> Company:
    """A company from a loaded file (load_file, load_bytes), refusing data that does not pass the check."""
    document, errors = loaded
    if document is None or errors:
        raise ReviewError("\n".join(e.format() for e in errors))
    result = check_documents([document])
    if result.errors:
        raise ReviewError("\n".join(e.format() for e in result.errors))
    return company_from_data(document.data, file)


def _top(path: Path) -> str:
    """The root of the git repository holding `path`."""
    try:
        return subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=path.parent, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        raise ReviewError(f"{path}: not in a git repository ({error})") from None


def merge_base(revision: str, path: Path) -> str:
    """The commit where HEAD left `revision`: what a branch changed is compared with it, so the changes made on
    `revision` since (another merge to main) are not reported reversed."""
    found = subprocess.run(["git", "merge-base", revision, "HEAD"], cwd=_top(path), capture_output=True, text=True)
    if found.returncode:
        said = found.stderr.strip() or "no common ancestor"
        raise ReviewError(
            f"git cannot find where HEAD left {revision}: {said} (fetch it first: git fetch origin; or name a commit)"
        )
    return found.stdout.strip()


def git_text(revision: str, path: Path) -> bytes | None:
    """The file's bytes as they were at `revision`, or None when it did not exist there."""
    top = _top(path)
    try:  # the folder resolved, not the file: a link is not followed out of the repository
        relative = (path.parent.resolve() / path.name).relative_to(Path(top).resolve()).as_posix()
    except ValueError:
        raise ReviewError(f"{display_name(path)}:1:1: (document): is outside the git repository {top}") from None
    shown = subprocess.run(["git", "show", f"{revision}:{relative}"], cwd=top, capture_output=True)
    if shown.returncode:
        said = shown.stderr.decode("utf-8", "replace")
        if "does not exist" in said or "exists on disk, but not in" in said:
            return None
        raise ReviewError(f"git cannot show {revision}:{relative}: {said.strip()}")
    return shown.stdout


def _frozen(frozen: dict[str, Path], version: str, name: str) -> Company:
    """One frozen version of a company, or an error that lists the versions there are."""
    if version not in frozen:
        there = ", ".join(frozen) or "none yet"
        raise ReviewError(
            f"{name}: no frozen version {version} (frozen: {there}; `privacy-center release` freezes the working "
            "file as a version)"
        )
    return _company(load_file(frozen[version], display_name(frozen[version])), name)


def review_versions(path: Path, start: str | None, end: str | None) -> Review:
    """Compare two versions of one company: frozen `start` (default: the version before `end`, or the latest) with
    frozen `end` (default: the working file)."""
    name = display_name(path)
    current = _company(load_file(path, name), name)
    frozen = snapshot_files(path, current.slug)
    numbers = list(frozen)
    if start is None:
        earlier = numbers[: numbers.index(end)] if end in numbers else numbers
        if not earlier:
            raise ReviewError(f"{name}: no frozen version before {end or 'the working file'} to compare with")
        start = earlier[-1]
    old = _frozen(frozen, start, name)
    new = current if end is None else _frozen(frozen, end, name)
    changes = tuple(diff(old, new))
    return Review(new.slug, new.name, start, changes, "changed" if changes else "unchanged", end)


def review_file(path: Path, base: str | None, named: str | None = None) -> Review:
    """Compare one working-tree file with its base (a git revision, named `named` if given, or else its latest
    frozen version)."""
    name = display_name(path)
    new = _company(load_file(path, name), name)  # a link, folder, pipe or non-UTF-8 file: a located error
    if base is not None:
        raw, label = git_text(base, path), named or base
        old = None if raw is None else _company(load_bytes(raw, f"{base}:{name}"), name)
    else:
        frozen = snapshot_files(path, new.slug)
        latest = list(frozen)[-1] if frozen else None
        label = latest or "-"
        old = _company(load_file(frozen[latest], display_name(frozen[latest])), name) if latest else None
    if old is None:
        return Review(new.slug, new.name, label, (), "added")
    changes = tuple(diff(old, new))
    return Review(new.slug, new.name, label, changes, "changed" if changes else "unchanged")


@pass_context
def _gfm_finalize(context: Context, value: Any) -> Any:
    """gfm_escape as the overlay's finalize: it takes the context, as the pages' finalize does, since both
    environments share the compiled templates (render/pages.py, BYTECODE_FILES)."""
    return gfm_escape(value)


def removed_files(data_dir: Path, base: str) -> list[str]:
    """Company files present at `base` but gone from the working tree."""
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{base}", f"{data_dir.as_posix()}/"], capture_output=True, text=True
    )
    names = {Path(line).name for line in listed.stdout.splitlines() if line.endswith((".yaml", ".yml"))}
    present = {p.name for p in data_files(data_dir)}
    return sorted(names - present)


def review(
    paths: Sequence[Path],
    base: str | None,
    languages: Sequence[str],
    default: str,
    versions: tuple[str | None, str | None] = (None, None),
    named: str | None = None,
) -> tuple[str, list[Review]]:
    """The Markdown comment for a set of company files, and the reviews it is made of: each file compared with
    `base` (a git revision, named `named` in the comment), with two of its versions (`versions`: from, to), or with
    its latest frozen version."""
    if any(versions):
        reviews = [review_versions(path, *versions) for path in paths]
    else:
        reviews = [review_file(path, base, named) for path in paths]
    return markdown(reviews, languages, default), reviews


def markdown(reviews: Sequence[Review], languages: Sequence[str], default: str) -> str:
    """The reviews as one Markdown comment, in every language."""
    env = environment().overlay(finalize=_gfm_finalize)
    parts = []
    for language in languages:
        context = template_context(load_wording(language), languages, default)
        parts.append(env.get_template("review.md.j2").render(context, reviews=reviews))
    return "\n".join(parts)
