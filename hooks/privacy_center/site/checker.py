"""Run the whole check (YAML, schema, semantic rules, completeness) over a set of company files."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..history.changelog import material_versions
from ..check.completeness import completeness
from ..source.diagnostics import Diagnostic, sort_key
from ..source.versions import (
    notice_name,
    release_command,
    release_findings,
    snapshot_files,
    snapshot_folder,
    snapshot_problems,
    stale_translations,
)
from ..source.loader import Document, body, load_bytes, load_file, read_file
from ..model.model import Company
from ..source.perf import without_gc
from ..source.progress import Stages, bar, report
from ..check.resolve import company_from_data
from ..check.rules import RuleContext, check_rules, duplicate_slugs
from ..source.safety import printable_name
from ..check.schema import check_schema
from ..source.wording import available_languages, load_wording


@dataclass(frozen=True)
class CheckResult:
    """Documents that passed every check, and all findings sorted by file and line."""

    documents: tuple[Document, ...]
    errors: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]
    files: int

    @property
    def ok(self) -> bool:
        """True when nothing blocks publishing."""
        return not self.errors


def data_files(data_dir: Path) -> list[Path]:
    """The company files of a data folder, in a stable order: every `*.yaml` and `*.yml` entry, so that a link, a
    folder or a pipe named like one is reported by the check (load_file) rather than followed or skipped."""
    entries = sorted(data_dir.iterdir()) if data_dir.is_dir() else []
    return [p for p in entries if p.suffix == ".yaml"] + [p for p in entries if p.suffix == ".yml"]


def display_name(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when possible, control and invisible
    characters escaped so it prints on one line."""
    try:
        shown = os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        shown = str(path)
    return printable_name(shown)  # a line break in a name would forge output lines (a CI annotation): escaped


def default_context(preview: bool = False) -> RuleContext:
    """Languages from the locale files; codes from the first language's wording; the names the site reserves; with
    `preview` (`mkdocs serve`), unreleased edits are warnings to show, not errors."""
    from .build import reserved_slugs  # here, not at the top: the site module imports this one

    languages = available_languages()
    return RuleContext(
        languages=languages, wording=load_wording(languages[0]), reserved=reserved_slugs, preview=preview
    )


def check_documents(documents: Iterable[Document], context: RuleContext | None = None) -> CheckResult:
    """Schema, then semantic rules on schema-valid documents, then completeness on valid ones."""
    context = context or default_context()
    documents = list(documents)
    errors: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    valid: list[Document] = []
    for document in documents:
        found = check_schema(document)
        if not found:
            found = check_rules(document, context)
        if found:
            errors.extend(found)
            continue
        valid.append(document)
        warnings.extend(completeness(document))
    errors.extend(duplicate_slugs(documents))
    bad = {e.file for e in errors}
    return CheckResult(
        documents=tuple(d for d in valid if d.file not in bad),
        errors=tuple(sorted(errors, key=sort_key)),
        warnings=tuple(sorted(warnings, key=sort_key)),
        files=len(documents),
    )


def _load(paths: Iterable[Path]) -> tuple[list[Document], list[Diagnostic]]:
    """Parse files; a file that does not parse is reported, never raised."""
    documents: list[Document] = []
    load_errors: list[Diagnostic] = []
    for path in paths:
        document, errors = load_file(path, display_name(path))
        load_errors.extend(errors)
        if document is not None and not errors:
            documents.append(document)
    return documents, load_errors


def _body(raw: bytes) -> str | None:
    try:
        return body(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None  # parsed, so that the byte is reported where it is


def _load_frozen(document: Document, paths: Iterable[Path]) -> tuple[list[Document], list[Diagnostic]]:
    """Parse a company's frozen copies; one whose text is the company file's after its leading comments (the
    released version not edited since, the usual case) holds the same data, so it is not parsed again."""
    snapshots: list[Document] = []
    errors: list[Diagnostic] = []
    for path in paths:
        name = display_name(path)
        raw, found = read_file(path, name)
        if raw is not None and document.body is not None and _body(raw) == document.body:
            snapshots.append(Document(name, document.data, body=document.body))
            continue
        if raw is not None:
            loaded, found = load_bytes(raw, name)
            if loaded is not None and not found:
                snapshots.append(loaded)
        errors.extend(found)
    return snapshots, errors


def check_frozen(
    documents: Iterable[Document], context: RuleContext, notices: bool = True
) -> tuple[dict[str, dict[str, Document]], dict[str, dict[str, Company]], list[Diagnostic]]:
    """Load each company's frozen versions, check them, and compare the data with the latest one; where there are
    several, model them (returned, for the changelog) to check that each material version has its notices (unless
    `notices` is off, as while a release writes them)."""
    frozen: dict[str, dict[str, Document]] = {}
    models: dict[str, dict[str, Company]] = {}
    errors: list[Diagnostic] = []
    for document in documents:
        slug = document.data["slug"]
        files = snapshot_files(Path(document.file), slug)
        snapshots, load_errors = _load_frozen(document, files.values())
        errors.extend(load_errors)
        broken = bool(load_errors)
        for snapshot in snapshots:
            if snapshot.body == document.body:
                continue  # the checked company file's own data
            found = check_schema(snapshot) or check_rules(snapshot, context)
            errors.extend(found)
            broken = broken or bool(found)
        if broken:  # compared with a frozen version that is not a company file, the data would only raise
            continue
        frozen[slug] = {Path(s.file).stem: s for s in snapshots}
        found = release_findings(document, {v: s.data for v, s in frozen[slug].items()}, context.preview)
        errors.extend(found)
        errors.extend(stale_translations(document, {v: s.data for v, s in frozen[slug].items()}))
        if len(frozen[slug]) > 1 and not any(f.severity == "error" for f in found):
            models[slug] = {version: company_from_data(s.data, s.file) for version, s in frozen[slug].items()}
            if notices:
                errors.extend(unsent_notices(document, models[slug], context.languages))
    return frozen, models, errors


def unsent_notices(document: Document, frozen: Mapping[str, Company], languages: Sequence[str]) -> list[Diagnostic]:
    """An error for each material version whose notice of change is missing in a site language: a release killed
    before writing them, or notices deleted, would otherwise publish a material change nobody was told of. Every
    frozen version is listed (release_findings found nothing before this runs)."""
    slug = document.data["slug"]
    listed = [entry["version"] for entry in document.data.get("versions", [])]
    folder = snapshot_folder(Path(document.file), slug)
    found = []
    for version in material_versions(frozen):
        missing = [
            language
            for language in languages
            if not ((notice := folder / notice_name(version, language)).is_file() and not notice.is_symlink())
        ]
        if missing:
            found.append(
                document.diagnostic(
                    ("versions", listed.index(version), "version"),
                    f"version {version} of {slug} has material changes but no notice of change in "
                    f"{', '.join(missing)} ({folder / notice_name(version, missing[0])})",
                    f"run: {release_command(document.file, version, False, 'notice')}",
                )
            )
    return found


@dataclass(frozen=True)
class FileCheck:
    """What one company file's check found on its own: all but duplicate slugs, which span files (see combine).
    It depends on the file and its frozen versions only, so a build may keep it while neither changes."""

    path: Path
    loaded: Document | None  # the parsed file, valid or not (duplicate slugs are looked for across all files)
    errors: tuple[Diagnostic, ...]  # load, schema and rule errors
    warnings: tuple[Diagnostic, ...]  # completeness warnings
    frozen: Mapping[str, Document]  # version -> checked frozen copy
    frozen_findings: tuple[Diagnostic, ...]  # errors and warnings about the frozen versions
    models: Mapping[str, Company] = field(default_factory=dict)  # version -> model, where several are frozen


def check_file(
    path: Path, context: RuleContext, releases: bool = True, stages: Stages | None = None, notices: bool = True
) -> FileCheck:
    """Load and check one file, then its frozen versions (unless `releases` is off, as while releasing) and their
    notices of change (unless `notices` is off, as while a release writes them); with `stages`, the time of each
    step is added there."""
    stages = stages or Stages()
    with stages.timing("load"):
        loaded, load_errors = load_file(path, display_name(path))
    if loaded is None or load_errors:
        return FileCheck(path, None, tuple(load_errors), (), {}, ())
    with stages.timing("check"):
        result = check_documents([loaded], context)
    with stages.timing("frozen versions"):
        frozen, models, findings = (
            check_frozen(result.documents, context, notices) if releases and result.documents else ({}, {}, [])
        )
    slug = loaded.data.get("slug") if isinstance(loaded.data, dict) else None
    versions = frozen.get(slug, {}) if isinstance(slug, str) else {}
    modelled = models.get(slug, {}) if isinstance(slug, str) else {}
    return FileCheck(path, loaded, result.errors, result.warnings, versions, tuple(findings), modelled)


def combine(checks: Sequence[FileCheck], releases: bool = True) -> CheckResult:
    """The check of a set of files from each file's own findings, plus what spans files: duplicate slugs and (with
    `releases`) what in each folder's `versions/` is not a frozen version of a known company."""
    loaded = [check.loaded for check in checks if check.loaded is not None]
    duplicates = duplicate_slugs(loaded)
    bad = {d.file for d in duplicates} | {d.file for check in checks for d in check.errors}
    passed = [(check, check.loaded) for check in checks if check.loaded is not None and check.loaded.file not in bad]
    findings = [finding for check, _ in passed for finding in check.frozen_findings]
    if releases:
        for folder in sorted({check.path.parent for check in checks}):
            findings.extend(snapshot_problems(folder, display_name, available_languages()))
    release_errors = [f for f in findings if f.severity == "error"]
    bad |= {f.file for f in release_errors}
    errors = [d for check in checks for d in check.errors] + duplicates + release_errors
    warnings = [w for check in checks for w in check.warnings] + [f for f in findings if f.severity == "warning"]
    return CheckResult(
        documents=tuple(document for _, document in passed if document.file not in bad),
        errors=tuple(sorted(errors, key=sort_key)),
        warnings=tuple(sorted(warnings, key=sort_key)),
        files=len(checks),
    )


@without_gc  # a check builds long-lived trees with few cycles: full collections were a third of its time
def check_files(paths: Iterable[Path], context: RuleContext | None = None, releases: bool = True) -> CheckResult:
    """Load and check files, then their frozen versions (unless `releases` is off, as while releasing). On a
    terminal, many files show a progress bar and a closing line with the time of each stage (progress.py)."""
    context = context or default_context()
    paths = list(paths)
    started, stages, checks = time.perf_counter(), Stages(), []
    with bar(len(paths), "checking company files") as advance:
        for path in paths:
            checks.append(check_file(path, context, releases, stages))
            advance()
    result = combine(checks, releases)
    report("check", len(paths), started, stages)
    return result


def plural(count: int, word: str, words: str | None = None) -> str:
    """A count and its noun: `1 file`, `2 files`; `words` where the plural is not the noun and an s."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def summary(result: CheckResult) -> str:
    """The closing line of a check, like a compiler's."""

    return (
        f"{plural(result.files, 'file')} checked: {plural(len(result.errors), 'error')}, "
        f"{plural(len(result.warnings), 'completeness warning')}"
    )
