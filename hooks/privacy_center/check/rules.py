"""Semantic rules the JSON Schema cannot express; each rule is a small pure function over one document."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Any

from babel.numbers import list_currencies

from ..model.model import general_interest
from ..source.countries import REGION_GROUP, is_country
from ..source.diagnostics import Diagnostic, Path
from ..source.limits import MAX_MARKDOWN_LINES, MAX_MARKDOWN_NESTING, MAX_MARKDOWN_TOTAL, MAX_YEAR, MIN_YEAR
from ..source.loader import SILENCE, Document
from ..source.safety import (
    AUTOLINK,
    FORBIDDEN_CHAR,
    FORBIDDEN_IN_LINE,
    INVISIBLE_CHAR,
    MARKDOWN_IMAGE,
    MARKDOWN_LINK,
    RAW_HTML,
    UNSAFE_LINK,
    markdown_problems,
)
from ..source.versions import SNAPSHOT_FOLDER, version_key
from ..source.wording import Wording
from .schema import is_markdown_field, markdown_fields


@dataclass(frozen=True)
class RuleContext:
    """What every rule may consult besides the document: the site languages and their wording."""

    languages: tuple[str, ...]
    wording: Wording  # the first language's wording, used for the list of known codes
    # the names the built site uses at its root, with why (site.reserved_slugs: only the site knows them), by languages
    reserved: Callable[[tuple[str, ...]], Mapping[str, str]]
    # `mkdocs serve`: edits to a released company not yet released are previewed (a banner says so), not refused
    preview: bool = False


Rule = Callable[[Document, RuleContext], Iterable[Diagnostic]]


def _is_language(key: Any) -> bool:
    return isinstance(key, str) and len(key) == 2 and "a" <= key[0] <= "z" and "a" <= key[1] <= "z"


def is_text(value: Any) -> bool:
    """A per-language text is a mapping of two-letter language codes to strings."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(_is_language(k) and isinstance(v, str) for k, v in value.items())
    )


def _ids(items: Any) -> set[str]:
    return {item["id"] for item in items or [] if isinstance(item, dict) and "id" in item}


def texts_in_every_language(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A text given in one language only would make the site fall back silently: refuse it."""
    complete = set(ctx.languages)
    for path, value in doc.nodes:
        if type(value) is not dict:  # most nodes are strings: no call for them
            continue
        if value.keys() == complete and all(type(text) is str for text in value.values()):
            continue  # most mappings are texts given in every language
        if not is_text(value):
            continue
        for language in ctx.languages:
            if language not in value:
                given = ", ".join(sorted(value))
                yield doc.diagnostic(
                    path, f"text has no '{language}' version (only {given})", f"add '{language}:' with the translation"
                )
        for language in sorted(set(value) - set(ctx.languages)):
            yield doc.diagnostic(
                (*path, language),
                f"'{language}' is not a site language",
                "remove it, or rename it to a site language the text lacks ("
                + ", ".join(ctx.languages)
                + "); a new site language needs its own file in hooks/privacy_center/locales/",
            )


@lru_cache(maxsize=1 << 14)  # every document repeats the same paths: the schema walk is done once per path
def is_rich_text(path: Path) -> bool:
    """Markdown written in the data (rendered with |md): the fields the schema marks `$defs/markdown_text`."""
    return is_markdown_field(path)


_MARKDOWN_MESSAGES = {
    "raw_html": ("raw HTML is not allowed in text", "write plain text or Markdown (**bold**, [link](https://...))"),
    "element": ("raw HTML is not allowed in text", "write plain text or Markdown (**bold**, [link](https://...))"),
    "image": (
        "images are not allowed (the site loads nothing from elsewhere)",
        "link to the image instead: [description](https://...)",
    ),
    "attribute": ("attribute lists ({: ...}) are not allowed", "remove the {: ...} part: the site's style applies"),
    "structure": (
        "headings, tables and code are not allowed in a Markdown text (only emphasis, lists, quotes and links)",
        "put each heading in a section's title, write a table as a list, and code as plain text without '#', '|' "
        "rows, backticks or a 4-space indent",
    ),
    "reference": (
        "reference links ('[text][name]' with a '[name]: address' line) are not supported",
        "write the link inline: [text](https://...)",
    ),
    "nesting": (
        f"quotes, lists or indentation nest more than {MAX_MARKDOWN_NESTING} levels deep",
        "flatten the text: fewer '>', list markers or leading spaces at the start of its lines",
    ),
}


def _markdown_diagnostics(doc: Document, path: Path, text: str) -> Iterator[Diagnostic]:
    """One diagnostic per kind of live markup found by parsing the Markdown as the site does."""
    said: set[str] = set()
    for kind, detail in markdown_problems(text):
        if kind == "link":
            message = (
                f"{detail} is not allowed"
                if detail.startswith("link scheme")
                else "a link without https://, mailto: or tel: is not allowed"
            )
            fix = (
                "link to an https://, http://, mailto: or tel: address"
                if detail.startswith("link scheme")
                else "write the full address, e.g. [text](https://example.org/page)"
            )
        else:
            message, fix = _MARKDOWN_MESSAGES[kind]
        if message not in said:
            said.add(message)
            yield doc.diagnostic(path, message, fix)


def safe_text(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """No raw HTML and no script links in any text, so an edit cannot put live markup on a page.

    Markdown bodies are parsed as the site parses them (links are checked after the browser's own normalisation);
    other texts are printed as plain text, where a regex suffices."""
    markdown_total, over_total = 0, False  # past MAX_MARKDOWN_TOTAL: said once, and no more texts parsed
    roots = {field[0] for field in markdown_fields()}  # most texts are under none of them: no lookup for those
    for path, text in doc.nodes:
        if type(text) is not str:
            continue
        if path and path[0] in roots and is_rich_text(path):
            markdown_total += len(text)
            if text.count("\n") >= MAX_MARKDOWN_LINES:
                yield doc.diagnostic(
                    path,
                    f"a Markdown text of {text.count(chr(10)) + 1:,} lines (at most {MAX_MARKDOWN_LINES})",
                    "join the lines of each paragraph, or split the clause into several sections",
                )
            elif markdown_total > MAX_MARKDOWN_TOTAL and not over_total:
                over_total = True
                yield doc.diagnostic(
                    path,
                    f"the Markdown texts of the file add up to more than {MAX_MARKDOWN_TOTAL:,} characters",
                    "keep sections to clauses that fit no field, summarised; link to the full policy",
                )
            elif not over_total:
                yield from _markdown_diagnostics(doc, path, text)
            continue
        tag = "<" in text  # raw HTML and autolinks need one; Markdown links "](", script links ":"
        if tag or "](" in text:
            yield from _markdown_in_plain_text(doc, path, text)
        if tag and RAW_HTML.search(AUTOLINK.sub("", text)):
            yield doc.diagnostic(
                path,
                "raw HTML is not allowed in text",
                "write plain text without tags; Markdown formatting belongs in sections[].body",
            )
        if ":" in text and UNSAFE_LINK.search(text):
            yield doc.diagnostic(
                path,
                "javascript:, vbscript: and data: links are not allowed",
                "remove the address: a plain text is never a link",
            )


_PLAIN_TEXT = "this field is plain text, shown as written"
_AS_PLAIN = "write the address as plain text, e.g. 'see https://example.org/page'"


def _markdown_in_plain_text(doc: Document, path: Path, text: str) -> Iterator[Diagnostic]:
    """Markdown link and image syntax and autolinks in a plain text would appear raw on the page: refuse them."""
    if MARKDOWN_IMAGE.search(text):
        yield doc.diagnostic(
            path,
            f"Markdown image syntax ![...](...) is not allowed: {_PLAIN_TEXT}",
            f"{_AS_PLAIN}; the site shows no image from the data",
        )
    if MARKDOWN_LINK.search(MARKDOWN_IMAGE.sub("", text)):
        yield doc.diagnostic(
            path,
            f"Markdown link syntax [...](...) is not allowed: {_PLAIN_TEXT}",
            f"{_AS_PLAIN}, or move the clause into sections, whose body is Markdown",
        )
    if AUTOLINK.search(text):
        yield doc.diagnostic(
            path,
            f"autolink <...> is not allowed: {_PLAIN_TEXT}",
            "remove the angle brackets and write the address as plain text",
        )


# Texts per language that are names or titles: printed on one line (an e-mail's subject, a heading, a feed title).
ONE_LINE_TEXTS = frozenset({"name", "collective_name", "label", "title", "group"})


# What no string may hold (a tab or a line break may stand in a text per language): one search over a whole file.
_REFUSED_ANYWHERE = re.compile(f"{FORBIDDEN_CHAR.pattern}|{INVISIBLE_CHAR.pattern}")


def no_control_characters(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Control characters, separators, lone surrogates, bidi controls and zero-width characters are invisible,
    break feeds and can hide markup or reorder text (safety.INVISIBLE_CHAR): refuse them. Texts per language may hold
    tabs and line breaks; one-line values (names, addresses, emails) may not."""
    strings = [(path, value) for path, value in doc.nodes if isinstance(value, str)]
    if not _REFUSED_ANYWHERE.search("\n".join(value for _, value in strings)):  # one search for the whole file
        strings = [(path, value) for path, value in strings if "\n" in value or "\t" in value]
    for path, value in strings:
        if invisible := INVISIBLE_CHAR.search(value):
            yield doc.diagnostic(
                path,
                f"invisible character U+{ord(invisible.group(0)):04X} is not allowed here",
                "remove the character: bidi controls and zero-width characters reorder or hide the text; "
                "no-break spaces U+00A0 and U+202F are fine",
            )
            continue
        if not FORBIDDEN_IN_LINE.search(value):  # the strict test first: most pass
            continue
        field = next((part for part in reversed(path[:-1]) if isinstance(part, str)), "")
        text = is_text(_value_at(doc.data, path[:-1]))
        one_line = text and field in ONE_LINE_TEXTS  # a name or title: in a subject line, a heading, a feed title
        found = (FORBIDDEN_CHAR if text and not one_line else FORBIDDEN_IN_LINE).search(value)
        if found:
            code = ord(found.group(0))
            what = "line break or tab" if found.group(0) in "\t\n" else "control character"
            yield doc.diagnostic(
                path,
                f"{what} U+{code:04X} is not allowed here",
                f"remove it; a {field} is one line in every language"
                if one_line
                else "remove it; line breaks and tabs are allowed only in texts per language",
            )


def _value_at(data: Any, path: Path) -> Any:
    """The value at `path` in a document's data (None where the path leads nowhere)."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def slug_matches_file(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """The file name is the slug (a frozen version's folder is), so a company is found where its URL says."""
    file = FsPath(doc.file)
    frozen = file.parent.parent.name == SNAPSHOT_FOLDER
    stem = file.parent.name if frozen else file.stem
    slug = doc.data.get("slug")
    if isinstance(slug, str) and slug != stem and slug not in _reserved(ctx):  # a reserved slug: one error, there
        yield doc.diagnostic(
            ("slug",),
            f"slug '{slug}' differs from the file name '{stem}.yaml'",
            f"rename the file to {slug}.yaml or set slug: {stem}",
        )


def _reserved(ctx: RuleContext) -> Mapping[str, str]:
    return ctx.reserved(tuple(ctx.languages))


def slug_not_reserved(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A slug is the company's folder at the site's root: it may not be a name the site itself uses there (`changes`
    would replace /changes/, `en` the English site)."""
    slug = doc.data.get("slug")
    reason = _reserved(ctx).get(slug) if isinstance(slug, str) else None
    if reason is not None:
        other = f"{slug}-company"
        yield doc.diagnostic(
            ("slug",),
            f"slug '{slug}' is reserved: /{slug}/ is {reason}",
            f"choose another slug and name the file after it, e.g. slug: {other} in {other}.yaml",
        )


def transfer_items(doc: Document) -> Iterator[tuple[Path, Any]]:
    """(path, transfer) of every transfer, listed plainly or as `{including: [...]}` (given as examples)."""
    transfers = doc.data.get("transfers")
    if isinstance(transfers, dict):
        yield from listed_items(transfers.get("items"), ("transfers", "items"))


def unique_ids(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Ids are what purposes refer to: each list must use an id once."""
    lists = ["purposes", "data_categories", "data_subjects", "retention_rules", "recipients", "sections"]
    groups: list[list[tuple[Path, Any]]] = [list(listed_items(doc.data.get(name), (name,))) for name in lists]
    groups.append(list(transfer_items(doc)))
    for items in groups:
        seen: dict[str, Path] = {}
        for path, item in items:
            ident = item.get("id")
            if ident in seen:
                line = doc.position(seen[ident])[0]
                yield doc.diagnostic(
                    (*path, "id"), f"id '{ident}' is already used at line {line}", "give each entry its own id"
                )
            else:
                seen[ident] = path


_REFERENCES = [
    ("data_categories", "data_categories", "data category"),
    ("data_subjects", "data_subjects", "data subject"),
    ("retention", "retention_rules", "retention rule"),
    ("recipients", "recipients", "recipient"),
]


def listed_items(value: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    """(path, item) of a list written plainly or as `{including: [...]}` (non-exhaustive); nothing otherwise."""
    if isinstance(value, dict) and isinstance(value.get("including"), list):
        value, path = value["including"], (*path, "including")
    if isinstance(value, list):
        yield from (((*path, position), item) for position, item in enumerate(value))


def references_exist(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A purpose may only cite data categories, subjects, retention rules and recipients that are defined."""
    for index, purpose in enumerate(doc.data.get("purposes", [])):
        for field, target, noun in _REFERENCES:
            known = _ids(doc.data.get(target))
            for path, ident in listed_items(purpose.get(field), ("purposes", index, field)):
                if ident not in known:
                    yield doc.diagnostic(
                        path,
                        f"unknown {noun} '{ident}'",
                        f"define it under {target} or use one of: {', '.join(sorted(known)) or '(none defined)'}",
                    )
    known = _ids(doc.data.get("recipients"))
    for path, transfer in transfer_items(doc):
        if "recipient" in transfer and transfer["recipient"] not in known:
            yield doc.diagnostic(
                (*path, "recipient"), f"unknown recipient '{transfer['recipient']}'", "define it under recipients"
            )
    purposes = _ids(doc.data.get("purposes"))
    for path, transfer in transfer_items(doc):
        for position, ident in enumerate(transfer.get("purposes", [])):
            if ident not in purposes:
                yield doc.diagnostic(
                    (*path, "purposes", position),
                    f"unknown purpose '{ident}'",
                    f"define it under purposes or use one of: {', '.join(sorted(purposes))}",
                )


def _contact_points(doc: Document) -> Iterator[tuple[Path, Any]]:
    """Every contact point of the file: the general contact, the DPO's and the rights contact."""
    contacts = doc.data.get("contacts", {})
    yield ("contacts", "general"), contacts.get("general")
    if isinstance(contacts.get("dpo"), dict):
        yield ("contacts", "dpo", "contact"), contacts["dpo"].get("contact")
    yield ("rights", "contact"), doc.data.get("rights", {}).get("contact")
    for index, right in enumerate(doc.data.get("rights", {}).get("offered", [])):
        if isinstance(right, dict) and "contact" in right:
            yield ("rights", "offered", index, "contact"), right["contact"]


def attention_has_postal_address(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """`attention` is the reference line of a letter: it is printed above a postal address, so it needs one."""
    for path, point in _contact_points(doc):
        if isinstance(point, dict) and "attention" in point and point.get("postal_address", SILENCE) == SILENCE:
            yield doc.diagnostic(
                (*path, "attention"),
                "attention line without a postal address to print it above",
                "add postal_address to this contact point, or remove attention",
            )


def sources_listed_once(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A purpose's sources name each code once (Art. 14(2)(f)): a second entry would say the same thing twice."""
    for index, purpose in enumerate(doc.data.get("purposes", [])):
        seen: set[str] = set()
        for path, item in listed_items(purpose.get("source"), ("purposes", index, "source")):
            code = str(item.get("code") if isinstance(item, dict) else item)
            if code in seen:
                yield doc.diagnostic(
                    path,
                    f"source '{code}' is listed twice",
                    "keep one entry per code; put the policy's words in that entry's detail",
                )
            seen.add(code)


def all_recipients_exist(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """`recipients: all` means every recipient of the top-level list: it needs that list to say something (the
    top-level data_categories, which `data_categories: all` reads, may not be empty: the schema says so)."""
    if doc.data.get("recipients"):
        return
    for index, purpose in enumerate(doc.data.get("purposes", [])):
        if purpose.get("recipients") == "all":
            yield doc.diagnostic(
                ("purposes", index, "recipients"),
                "recipients: all, but the top-level recipients list is empty",
                "list the company's recipients under the top-level 'recipients:', or give this "
                "purpose's recipient ids, none or not_stated",
            )


def joint_facts_need_joint_controllers(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A collective name and an arrangement belong to joint controllers (Art. 26): without them they say nothing."""
    company = doc.data.get("company")
    if not isinstance(company, dict) or company.get("joint_controllers"):
        return
    for name in ("collective_name", "joint_arrangement"):
        if name in company:
            yield doc.diagnostic(
                ("company", name),
                f"{name} without joint_controllers",
                f"list the other joint controllers under company.joint_controllers, or remove {name}",
            )


def shared_recipients_contradict_none(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A recipient `shared` by every purpose contradicts a purpose whose data, the policy says, goes to no one."""
    shared = [r.get("id") for r in doc.data.get("recipients") or [] if isinstance(r, dict) and r.get("shared") is True]
    if not shared:
        return
    for index, purpose in enumerate(doc.data.get("purposes", [])):
        if purpose.get("recipients") == "none":
            yield doc.diagnostic(
                ("purposes", index, "recipients"),
                f"recipients: none, but recipient '{shared[0]}' is shared by every purpose",
                f"remove shared: true from recipient '{shared[0]}' and list it on the purposes it "
                "serves, or give this purpose's recipients instead of none",
            )


def transfers_have_safeguards(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A transfer outside the EU needs its safeguard named, or an explicit not_stated."""
    for path, transfer in transfer_items(doc):
        if transfer.get("safeguards") == []:
            yield doc.diagnostic(
                (*path, "safeguards"),
                "transfer lists no safeguard",
                "name adequacy, scc, bcr or derogation, or write not_stated if the policy gives none",
            )


def _bases(doc: Document) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, purpose in enumerate(doc.data.get("purposes", [])):
        if isinstance(purpose.get("legal_bases"), list):
            for position, basis in enumerate(purpose["legal_bases"]):
                yield ("purposes", index, "legal_bases", position), basis
    for position, basis in enumerate(doc.data.get("legal_bases_overview", [])):
        yield ("legal_bases_overview", position), basis


def legitimate_interest_stated(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Art. 13(1)(d): a legitimate-interest basis must say which interest (or record that the policy does not).

    A purpose's basis may leave it out when legal_bases_overview states one interest for all processing: it cites
    that general interest (model.general_interest)."""
    general = general_interest(doc.data.get("legal_bases_overview")) is not None
    for path, basis in _bases(doc):
        if basis.get("basis") == "legitimate_interests" and "interest" not in basis:
            if general and path[0] == "purposes":
                continue
            yield doc.diagnostic(
                path,
                "legal basis legitimate_interests without the interest pursued",
                "add 'interest: {fr: ..., en: ...}', or 'interest: not_stated' if the policy gives "
                "none; if it states one interest for all processing, give it once in a "
                "legitimate_interests entry of legal_bases_overview",
            )


def consent_has_withdrawal(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Art. 13(2)(c): where consent is a basis, the notice says how to withdraw it (or records that it does not)."""
    uses_consent = any(basis.get("basis") == "consent" for _, basis in _bases(doc))
    rights = doc.data.get("rights", {})
    recorded = {r.get("code") for r in rights.get("offered", [])} | set(rights.get("not_stated", []))
    if uses_consent and "withdraw_consent" not in recorded:
        yield doc.diagnostic(
            ("rights", "offered"),
            "consent is a legal basis but nothing says how to withdraw it",
            "add '- code: withdraw_consent' to rights.offered (with 'how:' where the policy says how), "
            "or withdraw_consent to rights.not_stated",
        )


def rights_listed_once(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A right is either offered or recorded as not stated, once."""
    rights = doc.data.get("rights", {})
    seen: set[str] = set()
    for index, right in enumerate(rights.get("offered", [])):
        if right.get("code") in seen:
            yield doc.diagnostic(
                ("rights", "offered", index), f"right '{right['code']}' is listed twice", "keep one entry"
            )
        seen.add(right.get("code"))
    for index, code in enumerate(rights.get("not_stated", [])):
        if code in seen:
            yield doc.diagnostic(
                ("rights", "not_stated", index),
                f"right '{code}' is both offered and not stated",
                "remove it from one of the two lists",
            )


CHANNELS = ("email", "postal_address", "phone", "web_form")


def right_contact_has_channel(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A right's own `contact` is the different address the policy gives for it (Art. 12(2)): it names one."""
    for index, right in enumerate(doc.data.get("rights", {}).get("offered", [])):
        contact = right.get("contact")
        if isinstance(contact, dict) and all(contact.get(key, SILENCE) == SILENCE for key in CHANNELS):
            yield doc.diagnostic(
                ("rights", "offered", index, "contact"),
                f"right '{right['code']}' has a contact with no email, postal address, phone or web form",
                "add the address the policy gives for this right, or remove contact: "
                "the right is then exercised at rights.contact",
            )


def complaint_goes_to_the_authority(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A complaint is lodged with the supervisory authority (Art. 77), whose addresses the rights page prints from
    `supervisory_authority`: the company gives no address of its own for it."""
    for index, right in enumerate(doc.data.get("rights", {}).get("offered", [])):
        if right.get("code") == "complaint" and "contact" in right:
            yield doc.diagnostic(
                ("rights", "offered", index, "contact"),
                "the complaint right has its own contact, but a complaint goes to the supervisory authority",
                "remove contact here; write the authority's addresses as "
                "supervisory_authority.complaint_url and postal_address",
            )


def processor_has_obligations(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Art. 28: a processor's notice describes what it does on the controller's behalf."""
    if doc.data.get("role") in ("processor", "controller_and_processor") and "processor_obligations" not in doc.data:
        yield doc.diagnostic(
            ("role",),
            f"role {doc.data['role']} without processor_obligations",
            "add processor_obligations with the controller and the operations carried out",
        )


ROLE_FITS: dict[str, frozenset[str]] = {
    "controller": frozenset({"controller", "joint_controller", "other_controller"}),
    "processor": frozenset({"processor", "other_controller"}),
    "controller_and_processor": frozenset({"controller", "joint_controller", "processor", "other_controller"}),
}
"""The purpose roles each company role allows (GDPR Art. 4(7), 4(8), 26, 28)."""


def _acts_as(role: Any) -> Any:
    return role.get("acts_as") if isinstance(role, dict) else role


def purpose_roles(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A company that is controller for some purposes and processor for others says which, purpose by purpose; a
    purpose's role fits the company's role; `rights.via_controller` belongs to a processor."""
    role = doc.data.get("role")
    purposes = doc.data.get("purposes", [])
    allowed = ROLE_FITS.get(role, frozenset())
    for index, purpose in enumerate(purposes):
        given = purpose.get("role")
        if given is None and role == "controller_and_processor":
            yield doc.diagnostic(
                ("purposes", index),
                "the company is controller_and_processor, but this purpose does not say which it is",
                "add 'role: controller', or 'role: {acts_as: processor, on_behalf_of: {fr: ..., en: ...}}', "
                "with on_behalf_of: not_stated if the policy does not name the controller",
            )
        elif given is not None and _acts_as(given) not in allowed:
            yield doc.diagnostic(
                ("purposes", index, "role"),
                f"role {_acts_as(given)} does not fit the company's role {role}",
                "set the company's role to controller_and_processor, or correct this purpose's role",
            )
    acts = {_acts_as(p.get("role")) for p in purposes} - {"other_controller"}
    one_kind = "processor" not in acts or not acts & {"controller", "joint_controller"}
    if role == "controller_and_processor" and purposes and None not in acts and one_kind:
        yield doc.diagnostic(
            ("role",),
            "role controller_and_processor, but no purpose has the other role",
            "set role: controller or role: processor, the one role its purposes have",
        )
    if "via_controller" in doc.data.get("rights", {}) and role not in ("processor", "controller_and_processor"):
        yield doc.diagnostic(
            ("rights", "via_controller"),
            f"rights exercised with the controller, but the company's role is {role}",
            "remove via_controller, or set the company's role to processor or controller_and_processor",
        )


def versions_in_order(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Versions are listed oldest first, with increasing numbers and dates, so history reads in order."""
    previous: dict[str, Any] | None = None
    for index, version in enumerate(doc.data.get("versions", [])):
        if previous is not None:
            if version_key(version["version"]) <= version_key(previous["version"]):
                yield doc.diagnostic(
                    ("versions", index, "version"),
                    f"version {version['version']} does not follow {previous['version']}",
                    "list versions oldest first with increasing numbers",
                )
            if SILENCE not in (version["date"], previous["date"]) and version["date"] < previous["date"]:
                yield doc.diagnostic(
                    ("versions", index, "date"),
                    f"date {version['date']} is earlier than version {previous['version']}'s {previous['date']}",
                    "list versions oldest first, in date order",
                )
        previous = version


_DATE = re.compile(r"^([0-9]{4})-[0-9]{2}-[0-9]{2}$")


def dates_in_range(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A date (a version's, a DPO registration's) is a real day of the years MIN_YEAR..MAX_YEAR: year 0000 or 9999
    is a typing mistake, and Python cannot compare or print dates before year 1 or after 9999."""
    for path, value in doc.nodes:
        if not (path and path[-1] == "date" and isinstance(value, str)):
            continue
        found = _DATE.match(value)
        if found is None:
            continue
        if not MIN_YEAR <= int(found.group(1)) <= MAX_YEAR:
            yield doc.diagnostic(
                path,
                f"year {found.group(1)} is outside {MIN_YEAR}..{MAX_YEAR}",
                "write the date as YYYY-MM-DD with the year the policy gives",
            )
            continue
        try:
            date.fromisoformat(value)
        except ValueError:
            yield doc.diagnostic(path, f"'{value}' is not a real day", "write a real date as YYYY-MM-DD")


def _code_checks(doc: Document) -> Iterator[tuple[Path, str, str]]:
    """(path, wording group, code) for every controlled code the wording must define."""
    data = doc.data
    for index, item in enumerate(data.get("data_categories", [])):
        if "code" in item:
            yield ("data_categories", index, "code"), "data_category", item["code"]
    for index, item in enumerate(data.get("data_subjects", [])):
        if "code" in item:
            yield ("data_subjects", index, "code"), "data_subject", item["code"]
    form = data.get("company", {}).get("legal_form")
    if form and form != SILENCE:
        yield ("company", "legal_form"), "legal_form", form
    if "country" in data.get("company", {}):
        yield ("company", "country"), "country", data["company"]["country"]
    yield ("supervisory_authority", "code"), "authority", data.get("supervisory_authority", {}).get("code", "")
    dpo = data.get("contacts", {}).get("dpo")
    if isinstance(dpo, dict) and "authority" in dpo.get("registration", {}):
        yield ("contacts", "dpo", "registration", "authority"), "authority", dpo["registration"]["authority"]
    for index, item in enumerate(data.get("recipients", [])):
        if item.get("location", SILENCE) != SILENCE:
            yield ("recipients", index, "location"), "country", item["location"]
    for where, item in transfer_items(doc):
        for path, code in listed_items(item.get("destination"), (*where, "destination")):
            yield path, "country", code
    for path, value in doc.nodes:
        if path and path[-1] == "event" and isinstance(value, str):
            yield path, "event", value


def _unknown_place(path: Path, code: str, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A destination is an ISO 3166-1 alpha-2 country (pycountry's list, no hand-kept one) or a worded region."""
    if is_country(code) or ctx.wording.has(f"{REGION_GROUP}.{code}"):
        return
    regions = ", ".join(ctx.wording.codes(REGION_GROUP))
    capitals = f"write it in capitals: {code.upper()}; " if is_country(code.upper()) else ""
    yield doc.diagnostic(
        path,
        f"unknown country code '{code}'",
        f"{capitals}use an ISO 3166-1 alpha-2 code such as FR, or one of the regions: {regions}",
    )


def codes_are_known(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Controlled values must have wording in every language file; countries are ISO 3166-1 codes."""
    for path, group, code in _code_checks(doc):
        if group == "country":
            yield from _unknown_place(path, code, doc, ctx)
        elif not ctx.wording.has(f"{group}.{code}"):
            known = ", ".join(ctx.wording.codes(group))
            yield doc.diagnostic(
                path,
                f"unknown {group.replace('_', ' ')} code '{code}'",
                f"use one of: {known}; or add it to every file in hooks/privacy_center/locales/",
            )


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def currencies_are_known(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """An amount's currency is an ISO 4217 code Babel knows (and so can write in every language)."""
    known = _currencies()
    for path, value in doc.nodes:
        if path and path[-1] == "currency" and isinstance(value, str) and value not in known:
            yield doc.diagnostic(
                path,
                f"unknown currency code '{value}'",
                "use an ISO 4217 currency code in capitals, such as EUR, USD or CHF",
            )


def duration_ranges(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A range ("5 to 10 years") runs upwards and is not also a bound: "up to 5 to 10 years" says nothing clear."""
    for path, value in doc.nodes:
        if not (isinstance(value, dict) and "unit" in value and "to" in value):
            continue
        low, high = value.get("value"), value.get("to")
        if isinstance(low, int) and isinstance(high, int) and high <= low:
            yield doc.diagnostic(
                (*path, "to"),
                f"range end to: {high} is not greater than value: {low}",
                "give the lower count in value and the upper one in to, or remove to for a single length",
            )
        if "bound" in value:
            yield doc.diagnostic(
                (*path, "bound"),
                f"a range (value: {low} to: {high}) cannot also have a bound",
                "remove bound: the range gives both ends, or remove to and keep the bound",
            )


def one_general_retention_rule(doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
    """At most one retention rule is the general one ("most data is kept..."): it is printed first, alone."""
    first: int | None = None
    for index, rule in enumerate(doc.data.get("retention_rules", [])):
        if rule.get("general") is not True:
            continue
        if first is None:
            first = index
            continue
        line = doc.position(("retention_rules", first))[0]
        yield doc.diagnostic(
            ("retention_rules", index, "general"),
            f"a second general retention rule (the general rule is at line {line})",
            "keep general: true on the one rule the policy gives for most data and remove it here",
        )


RULES: tuple[Rule, ...] = (
    texts_in_every_language,
    safe_text,
    no_control_characters,
    slug_matches_file,
    slug_not_reserved,
    unique_ids,
    references_exist,
    transfers_have_safeguards,
    legitimate_interest_stated,
    consent_has_withdrawal,
    rights_listed_once,
    processor_has_obligations,
    purpose_roles,
    versions_in_order,
    dates_in_range,
    codes_are_known,
    currencies_are_known,
    sources_listed_once,
    all_recipients_exist,
    attention_has_postal_address,
    duration_ranges,
    one_general_retention_rule,
    joint_facts_need_joint_controllers,
    shared_recipients_contradict_none,
    right_contact_has_channel,
    complaint_goes_to_the_authority,
)


def check_rules(doc: Document, ctx: RuleContext) -> list[Diagnostic]:
    """Run every semantic rule on a schema-valid document."""
    return [diagnostic for rule in RULES for diagnostic in rule(doc, ctx)]


def duplicate_slugs(docs: list[Document]) -> list[Diagnostic]:
    """Two files with the same slug would publish to the same URL."""
    first: dict[str, Document] = {}
    found: list[Diagnostic] = []
    for doc in docs:
        slug = doc.data.get("slug") if isinstance(doc.data, dict) else None
        if not isinstance(slug, str):
            continue
        if slug in first:
            found.append(
                doc.diagnostic(
                    ("slug",), f"slug '{slug}' is already used by {first[slug].file}", "give each company its own slug"
                )
            )
        else:
            first[slug] = doc
    return found
