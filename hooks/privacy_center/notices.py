"""Notices of substantive change (WP260 para. 29: people are actively told of material changes): when a version
changes what is done with their data or narrows a right, a ready-to-send notice in each language says what changes,
from when, and what the person can do. `privacy-center release` saves it beside the frozen version
(`data/versions/<slug>/<version>.notice.<lang>.txt`); the history page shows it under that version. A version with
editorial changes only gets none. Every sentence comes from the wording files and the data of that version."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import phrases
from .changelog import Entry
from .history import NOT_STATED, snapshot_folder
from .model import Company
from .wording import Wording, prefix

NOTICE_SUFFIX = ".notice"


@dataclass(frozen=True)
class ChangeNotice:
    """One notice in one language: its subject line, what changes, and what the person can do."""

    language: str
    subject: str
    intro: str
    changes: tuple[str, ...]
    summary: str
    actions: tuple[str, ...]
    footer: str


def notice_path(company_file: Path, slug: str, version: str, language: str) -> Path:
    """`data/versions/<slug>/<version>.notice.<lang>.txt`, beside the frozen version."""
    return snapshot_folder(company_file, slug) / f"{version}{NOTICE_SUFFIX}.{language}.txt"


def change_notice(entry: Entry, words: Wording, default: str, site_url: str = "") -> ChangeNotice | None:
    """The notice of a version with material changes, in the wording's language; None for any other version."""
    company = entry.company
    if company is None or not entry.material:
        return None
    version, day = entry.version.version, entry.version.date
    name = phrases.localize(company.name, words)
    dated = "" if day == NOT_STATED else "_dated"
    when = phrases.date(day, words)
    root = f"{site_url.rstrip('/')}/{prefix(words.language, default)}{company.slug}/"
    actions = [
        words("change_notice.read", url=f"{root}notice/"),
        words("change_notice.compare", url=f"{root}history/#v{version.replace('.', '-')}"),
    ]
    if company.rights.offered:
        rights = [_lower_first(words(f"right.{right.code}.name")) for right in company.rights.offered]
        actions.append(words("change_notice.rights", rights=phrases.join(rights, words)))
    if (contact := _ways(company, words)) is not None:
        actions.append(words("change_notice.write_to", contact=contact))
    if company.rights.has("complaint"):
        actions.append(
            words("change_notice.complaint", authority=words(f"authority.{company.authority.code}.in_sentence"))
        )
    footer = f"{words('label.version')} {version}"
    if entry.hash:
        footer += f" · {words('history.content_hash')}{words('punct.colon')}{entry.hash}"
    return ChangeNotice(
        language=words.language,
        subject=words(f"change_notice.subject{dated}", company=name, date=when),
        intro=words(f"change_notice.intro{dated}", company=name, version=version, date=when),
        changes=tuple(phrases.change(item, words) for item in entry.changes if item.material),
        summary=words("change_notice.summary", summary=phrases.localize(entry.version.summary, words)),
        actions=tuple(actions),
        footer=footer,
    )


def _lower_first(name: str) -> str:
    """A right's name inside a sentence: `Droit d'accès` -> `droit d'accès`, `Right of access` -> `right of access`."""
    return name[:1].lower() + name[1:]


def _ways(company: Company, words: Wording) -> str | None:
    """Where to write to exercise one's rights, as the policy gives it: email, postal address, web form."""
    point = company.rights.contact
    ways = [way for way in (point.email, point.postal_address, point.web_form) if way and way != NOT_STATED]
    return phrases.alternatives(ways, words) if ways else None
