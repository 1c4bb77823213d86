"""Notices of substantive change (WP260 para. 29: people are actively told of material changes): when a version
changes what is done with their data or narrows a right, a ready-to-send notice in each language says what changes,
from when, and what the person can do. `privacy-center release` (or `privacy-center notice`) saves it beside the
frozen version (`data/versions/<slug>/<version>.notice.<lang>.txt`); the history page shows the saved notice under
its version, as it was sent. A version with editorial changes only gets none. Every sentence comes from the wording
files and the data of that version, each on one line (a line break in the data cannot forge another line)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..history.changelog import Entry
from ..model import statements
from ..model.model import NOT_STATED, Company
from ..source.versions import notice_name, snapshot_folder
from ..source.wording import Wording, prefix
from . import phrases


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


# Any run of white space but the no-break spaces of typography and of Babel's numbers (U+00A0, U+202F, U+2007).
_SPACES = re.compile(r"[^\S\u00a0\u202f\u2007]+")


def _line(text: str, words: Wording) -> str:
    """A sentence on one line: every run of spaces, tabs and line breaks of the data becomes one space, the
    language's no-break spaces are kept, and the language's one typographic rule applies (as on the pages)."""
    return words.typeset(_SPACES.sub(" ", text).strip())


def change_notice(entry: Entry, words: Wording, default: str, site_url: str = "") -> ChangeNotice | None:
    """The notice of a version with material changes, in the wording's language; None for any other version.
    Its addresses: the company's notice (whichever version is in force when it is read, announcing a later one) and
    the version's changes on the history page, which stay at the same address."""
    company = entry.company
    if company is None or not entry.material:
        return None
    version, day = entry.version.version, entry.version.date
    name = phrases.localize(company.name, words)
    dated = "" if day is NOT_STATED else "_dated"
    when = phrases.date(day, words)
    root = f"{site_url.rstrip('/')}/{prefix(words.language, default)}{company.slug}/"
    actions = [
        words("change_notice.read", url=f"{root}notice/"),
        words("change_notice.compare", version=version, url=f"{root}history/#v{version.replace('.', '-')}"),
    ]
    found = statements.of(company)
    rights = [r for r in found.rights if r.channel != "authority" and r.right.code != "complaint"]
    if rights:
        names = [_lower_first(words(f"right.{r.right.code}.name")) for r in rights]
        actions.append(words("change_notice.rights", rights=phrases.join(names, words)))
        # the rights contact, for the rights exercised there (never for a right the policy gives other means for)
        written = [r for r in rights if r.channel == "contact" and r.contact is not None]
        if written and (ways := written[0].contact.ways(phone=False)):  # type: ignore[union-attr]
            contact = phrases.alternatives(ways.values(), words)
            if len(written) == len(rights):
                actions.append(words("change_notice.write_to", contact=contact))
            else:
                some = phrases.join([_lower_first(words(f"right.{r.right.code}.name")) for r in written], words)
                actions.append(words("change_notice.write_to_some", rights=some, contact=contact))
        elif found.channel == "controller" and found.rights_controller is not None:
            controller = phrases.localize(found.rights_controller, words)
            actions.append(words("layer.act.controller", controller=controller))
            if found.unserved:
                names = [phrases.localize(p.name, words) for p in found.unserved]
                actions.append(words("layer.act.unserved", purposes=phrases.join(names, words)))
    if any(r.channel == "authority" for r in found.rights):
        authority = words(f"authority.{company.authority.code}.in_sentence")
        actions.append(words("change_notice.complaint", authority=authority))
    footer = f"{words('label.version')} {version}"
    if entry.hash:
        footer += f" · {words('history.content_hash')}{words('punct.colon')}{entry.hash}"
    return ChangeNotice(
        language=words.language,
        subject=_line(words(f"change_notice.subject{dated}", company=name, version=version, date=when), words),
        intro=_line(words(f"change_notice.intro{dated}", company=name, version=version, date=when), words),
        changes=tuple(_line(phrases.change(item, words), words) for item in entry.changes if item.material),
        summary=_line(words("change_notice.summary", summary=phrases.localize(entry.version.summary, words)), words),
        actions=tuple(_line(action, words) for action in actions),
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
