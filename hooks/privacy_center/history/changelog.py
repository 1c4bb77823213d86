"""A company's changelog: each version with its date, summary, content hash and the changes computed from data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ..model.model import Company, Version
from ..source.versions import in_force_index
from .diff import Change, diff, is_material


@dataclass(frozen=True)
class Entry:
    """One version as the changelog shows it."""

    version: Version
    hash: str | None  # None when the version was never frozen
    changes: tuple[Change, ...]
    first: bool
    status: str  # "in_force", "superseded" or "upcoming"
    company: Company | None = field(default=None, compare=False)  # the notice as it was (or will be) at this version

    @property
    def material(self) -> bool:
        """Whether a reader should look: the version widens processing or narrows a right."""
        return is_material(self.changes)


def changelog(
    company: Company, frozen: Mapping[str, Company], hashes: Mapping[str, str], today: date
) -> tuple[Entry, ...]:
    """Every listed version, newest first; changes are computed between consecutive frozen versions."""
    versions = company.versions
    current = in_force_index([v.day for v in versions], today)
    entries = []
    previous: Company | None = None
    for index, version in enumerate(versions):
        snapshot = frozen.get(version.version, company if index == len(versions) - 1 else None)
        changes = tuple(diff(previous, snapshot)) if previous is not None and snapshot is not None else ()
        status = "in_force" if index == current else ("upcoming" if index > current else "superseded")
        entries.append(Entry(version, hashes.get(version.version), changes, index == 0, status, snapshot))
        previous = snapshot or previous
    return tuple(reversed(entries))


def material_versions(frozen: Mapping[str, Company]) -> list[str]:
    """The frozen versions (oldest first, as given) whose changes from the one before are material: each must have
    its notice of change, as the changelog marks them."""
    found: list[str] = []
    previous: Company | None = None
    for version, company in frozen.items():
        if previous is not None and is_material(tuple(diff(previous, company))):
            found.append(version)
        previous = company
    return found


def in_force(entries: tuple[Entry, ...]) -> Entry:
    """The entry whose notice applies today."""
    return next(entry for entry in entries if entry.status == "in_force")
