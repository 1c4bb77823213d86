"""Which notice a person saw on a given day: the version in force then, its content hash and where it is
(`privacy-center at <slug> <date>`, the same intervals as the site's `versions.json`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..history.changelog import Entry
from ..model.model import Company
from ..render.feeds import validity, version_urls


class NoNotice(Exception):
    """No version can be named for that day; the message says why and what to do."""


@dataclass(frozen=True)
class NoticeAt:
    """The version in force on a day, as a consent record cites it."""

    slug: str
    version: str
    hash: str | None  # None for a version that was never frozen (not released yet)
    status: str  # "in_force", "superseded" or "upcoming" (announced) as of the site's day
    valid_from: str
    valid_until: str | None  # None: still in force, or the next version is not dated
    urls: dict[str, str]  # per language, relative to the site root
    undated_later: tuple[str, ...] = ()  # later versions with no effective date: one of them may apply instead


def notice_at(
    company: Company, entries: Sequence[Entry], day: date, languages: Sequence[str], default: str
) -> NoticeAt:
    """The version whose validity interval holds `day` (from its effective date, included, to the next one's)."""
    rows = validity(entries)  # oldest first
    started = [row for row in rows if row["valid_from"] is not None and row["valid_from"] <= day.isoformat()]
    undated = [row["version"] for row in rows if row["valid_from"] is None]
    if not started:
        dated = [row for row in rows if row["valid_from"] is not None]
        if dated:
            first = dated[0]
            raise NoNotice(
                f"{company.slug}: no version was in force on {day.isoformat()}: the first dated one, "
                f"{first['version']}, applies from {first['valid_from']}"
            )
        raise NoNotice(
            f"{company.slug}: no version has an effective date ({', '.join(undated)}), so which applied on "
            f"{day.isoformat()} cannot be told (write each version's date in the file)"
        )
    row = started[-1]
    later = rows[rows.index(row) + 1 :]
    return NoticeAt(
        slug=company.slug,
        version=row["version"],
        hash=row["hash"],
        status=row["status"],
        valid_from=row["valid_from"],
        valid_until=row["valid_until"],
        urls=version_urls(company, row["version"], languages, default),
        undated_later=tuple(r["version"] for r in later if r["valid_from"] is None),
    )


def describe(found: NoticeAt, site_url: str = "") -> str:
    """What `privacy-center at` prints: the version and hash, its interval, and its address in each language."""
    until = f" until {found.valid_until}" if found.valid_until else ""
    state = {"upcoming": " (announced: not yet in force on the site's day)"}.get(found.status, "")
    digest = f"content hash {found.hash}" if found.hash else "not frozen yet"
    lines = [f"{found.slug} {found.version} ({digest}), in force from {found.valid_from}{until}{state}"]
    base = site_url.rstrip("/") + "/"
    lines += [f"  {language}: {base}{path}" for language, path in found.urls.items()]
    if found.undated_later:
        lines.append(
            f"  note: later version(s) {', '.join(found.undated_later)} have no effective date and may apply instead"
        )
    return "\n".join(lines)
