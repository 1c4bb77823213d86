"""Notices of substantive change (WP260 para. 29: people are actively told of material changes): when a version
changes what is done with their data or narrows a right, a ready-to-send notice in each language says what changes,
from when, and what the person can do. `privacy-center release` (or `privacy-center notice`) saves it beside the
frozen version (`data/versions/<slug>/<version>.notice.<lang>.txt`); the history page shows the saved notice under
its version, as it was sent. A version with editorial changes only gets none. Every sentence comes from the wording
files and the data of that version, each on one line (a line break in the data cannot forge another line)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import phrases
from .changelog import Entry
from .history import notice_name, snapshot_folder
from .model import NOT_STATED, Company
from .wording import Wording, prefix


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


@dataclass(frozen=True)
class Block:
    """A piece of a saved notice as the history page shows it: a paragraph, or the items of a list."""

    kind: str  # "paragraph" or "list"
    lines: tuple[str, ...]


def notice_path(company_file: Path, slug: str, version: str, language: str) -> Path:
    """`data/versions/<slug>/<version>.notice.<lang>.txt`, beside the frozen version."""
    return snapshot_folder(company_file, slug) / notice_name(version, language)


def _line(text: str) -> str:
    """A sentence on one line: every run of spaces, tabs and line breaks of the data becomes one space."""
    return " ".join(text.split())


def change_notice(entry: Entry, words: Wording, default: str, site_url: str = "") -> ChangeNotice | None:
    """The notice of a version with material changes, in the wording's language; None for any other version.
    Its addresses: the company's notice (whichever version is in force when it is read, announcing a later one) and
    the version's changes on the history page, which stay at the same address."""
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
        words("change_notice.compare", version=version, url=f"{root}history/#v{version.replace('.', '-')}"),
    ]
    rights = [right for right in company.rights.offered if right.code != "complaint"]
    if rights:
        names = [_lower_first(words(f"right.{right.code}.name")) for right in rights]
        actions.append(words("change_notice.rights", rights=phrases.join(names, words)))
        if ways := company.rights.contact.ways(phone=False):
            actions.append(words("change_notice.write_to", contact=phrases.alternatives(ways.values(), words)))
    if company.rights.has("complaint"):
        authority = words(f"authority.{company.authority.code}.in_sentence")
        actions.append(words("change_notice.complaint", authority=authority))
    footer = f"{words('label.version')} {version}"
    if entry.hash:
        footer += f" · {words('history.content_hash')}{words('punct.colon')}{entry.hash}"
    return ChangeNotice(
        language=words.language,
        subject=_line(words(f"change_notice.subject{dated}", company=name, version=version, date=when)),
        intro=_line(words(f"change_notice.intro{dated}", company=name, version=version, date=when)),
        changes=tuple(_line(phrases.change(item, words)) for item in entry.changes if item.material),
        summary=_line(words("change_notice.summary", summary=phrases.localize(entry.version.summary, words))),
        actions=tuple(_line(action) for action in actions),
        footer=footer,
    )


def _lower_first(name: str) -> str:
    """A right's name inside a sentence: `Droit d'accès` -> `droit d'accès`, `Right of access` -> `right of access`."""
    return name[:1].lower() + name[1:]


def notices_of(
    entry: Entry, languages: Sequence[str], words: Mapping[str, Wording], site_url: str
) -> dict[str, ChangeNotice]:
    """A version's notice in each language (the first is the site's default), or none when it is not material."""
    found = {language: change_notice(entry, words[language], languages[0], site_url) for language in languages}
    return {language: notice for language, notice in found.items() if notice is not None}


def blocks(text: str) -> tuple[Block, ...]:
    """A saved notice as the history page shows it: paragraphs, and the lines starting with `- ` as list items."""
    found: list[Block] = []
    for part in text.strip().split("\n\n"):
        lines = [line.strip() for line in part.splitlines() if line.strip()]
        items = [line[2:] for line in lines if line.startswith("- ")]
        text_lines = [line for line in lines if not line.startswith("- ")]
        if text_lines:
            found.append(Block("paragraph", (" ".join(text_lines),)))
        if items:
            found.append(Block("list", tuple(items)))
    return tuple(found)


def saved_notices(company_file: Path, company: Company, languages: Sequence[str]) -> dict[str, dict[str, str]]:
    """The notices saved beside the company's frozen versions, by version and language (validate has checked that
    each is a UTF-8 text file of a frozen version, in a site language)."""
    found: dict[str, dict[str, str]] = {}
    for version in company.versions:
        for language in languages:
            path = notice_path(company_file, company.slug, version.version, language)
            if path.is_file() and not path.is_symlink():
                text = path.read_text(encoding="utf-8", errors="replace")
                found.setdefault(version.version, {})[language] = text
    return found
