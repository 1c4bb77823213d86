"""Render the model into Markdown pages through Jinja templates, one set per language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from markdown.extensions.toc import slugify
from markupsafe import Markup, escape

from ..history.changelog import Entry
from ..model.model import NOT_STATED, Alternatives, Company, Including, PurposeRole
from ..source import cache
from ..source.safety import defuse_markdown
from ..source.wording import Wording, load_wording
from . import datamap, gaps, identity, layer, phrases, tables
from .notices import ChangeNotice, blocks
from .outputs import OUTPUTS
from .phrases import is_none, is_stated

TEMPLATES_DIR = Path(__file__).parent.parent / "templates"
# Jinja checks cached bytecode against the template's source only, not the environment it was compiled for: the
# name changes with what the compiled code expects (here, a finalize that takes the context, as `finalize`).
BYTECODE_FILES = "__jinja2_context_finalize_%s.cache"

# Company pages in reading order: (page id, template). The page id is the file name without extension.
COMPANY_PAGES: tuple[tuple[str, str], ...] = (
    ("index", "overview.md.j2"),
    ("notice", "notice.md.j2"),
    ("activities", "activities.md.j2"),
    ("rights", "rights.md.j2"),
    ("cookies", "cookies.md.j2"),
    ("history", "history.md.j2"),
)
PAGE_ORDER = {page: index for index, (page, _) in enumerate(COMPANY_PAGES)}

_MD_SPECIAL = re.compile(
    r"[\\`*_{}\[\]()#+\-.!|]"
)  # Python-Markdown's escapable characters; <>& are HTML-escaped after
# Line breaks and runs of spaces in a value become one space (a value never starts a Markdown block); the
# no-break spaces of typography and of Babel's numbers (U+00A0, U+202F, U+2007) are kept: no Markdown meaning.
_SPACES = re.compile(r"[^\S\u00a0\u202f\u2007]+")


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes (relative to docs/), its language, and its Markdown."""

    path: str
    language: str
    content: str


def md_escape(value: Any) -> Any:
    """Escape Markdown syntax in plain text so data can never become links, emphasis or attributes."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _md_escaped(value)


@lru_cache(maxsize=1 << 16)  # the same wording and data texts are printed on many pages
def _md_escaped(text: str) -> str:
    return _MD_SPECIAL.sub(_backslash, _SPACES.sub(" ", text))


def _backslash(found: re.Match[str]) -> str:
    return "\\" + found.group()  # a function, not the template r"\\\1": expanding a template per match is slower


@pass_context
def finalize(context: Context, value: Any) -> Any:
    """What the page environment prints for a value, chosen by the template's kind, as autoescape is: a Markdown
    template (`.md.j2`) Markdown-escapes plain text (autoescape then HTML-escapes it); an HTML template
    (`.html.j2`: the tables) only HTML-escapes, through autoescape. A macro prints by its own template's rule.
    NOT_STATED is never printed as a value: a template that would is a bug, stopped here."""
    if value is NOT_STATED:  # silence has its own words: a template tests `is stated` before it prints a value
        raise TypeError(f"{context.name}: prints NOT_STATED; test the value with `is stated` first")
    if context.name is not None and context.name.endswith(".html.j2"):
        return value
    return md_escape(value)


def rich_text(value: str) -> Markup:
    """Markdown written in the data: kept as Markdown, but raw HTML, attributes and script links are defused."""
    return Markup(defuse_markdown(value))


def html_text(value: Any) -> Markup:
    """Plain text for an HTML context (tables): HTML-escaped, no Markdown escaping."""
    return escape(value)


def url(value: str) -> Markup:
    """A URL safe inside a Markdown link or an href."""
    return Markup(escape(quote(value, safe=":/?#&=@%+,;~")))


def mailto(address: str, subject: str, body: str = "") -> Markup:
    """A ready-to-use mailto: link with a subject line and, when given, a body (RFC 6068).

    Every part is percent-encoded (`&`, `?`, `#`, `=` and line breaks included), so no value can add a header
    (`&bcc=`), end the address or the link; line breaks in the body are sent as CRLF, as RFC 6068 asks."""
    link = f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}"
    if body:
        link += "&body=" + quote(body.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    return Markup(escape(link))


def anchor(heading: str) -> str:
    """The id Python-Markdown's toc extension gives a heading with this text (`Transferts hors de l'UE` ->
    `transferts-hors-de-lue`), to link to a section of another page from its wording."""
    return slugify(heading, "-")


def join(items: Iterable[Any], name: Callable[[Any], Any] | None, words: Wording) -> Any:
    """Items (or each item's name) as a list in running text, joined by the language's rules.

    Items that are already markup (a macro's output) stay as they are; the others are escaped like any value.
    A list the policy gives as examples (an Including) reads `notamment A et B` / `including A and B`."""
    parts = [name(item) if name else item for item in items]
    if not any(isinstance(part, Markup) for part in parts):
        return phrases.listed(items, parts, words)
    safe = [part if isinstance(part, Markup) else escape(md_escape(str(part))) for part in parts]
    joined = Markup(phrases.alternatives(safe, words) if isinstance(items, Alternatives) else phrases.join(safe, words))
    if not isinstance(items, Including):
        return joined
    before, _, after = words("list.including", items="\0").partition("\0")
    return escape(md_escape(before)) + joined + escape(md_escape(after))


def is_including(value: Any) -> bool:
    """Jinja test: a list the policy gives as examples ("such as", "notamment")."""
    return isinstance(value, Including)


_templates_code: list[object] = [None]


def refresh_templates(code: object) -> None:
    """Templates are read once per process, not checked on disk at every render (each page imports the macros
    again); when the package's files change (`code`, site.code_fingerprint()), they are read again."""
    if code != _templates_code[0]:
        environment.cache_clear()
        xml_environment.cache_clear()
        _templates_code[0] = code


@lru_cache(maxsize=None)
def environment() -> Environment:
    """One Jinja environment per process; templates are compiled once (and kept in the cache folder, if any)."""
    where = cache.folder()
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        auto_reload=False,  # refresh_templates() reloads them when the code changes
        bytecode_cache=FileSystemBytecodeCache(str(where), BYTECODE_FILES) if where is not None else None,
        autoescape=select_autoescape(default=True, default_for_string=True, enabled_extensions=("j2",)),
        undefined=StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Front matter is YAML read by mkdocs: keep non-ASCII as is (ASCII escapes split emoji into lone surrogates).
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    env.filters.update(md=rich_text, h=html_text, url=url)
    env.tests["stated"] = is_stated
    env.tests["none_stated"] = is_none
    env.tests["including"] = is_including
    env.globals.update(mailto=mailto, NOT_STATED=NOT_STATED)
    return env


@lru_cache(maxsize=None)
def xml_environment() -> Environment:
    """Templates for XML and HTML snippets (feeds, the CSP tag): escaped, without the Markdown escaping of pages."""
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        auto_reload=False,
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=1)
def _text_environment() -> Environment:
    """Plain-text templates: nothing escaped (the notice file is not markup; every value in it comes from the
    wording files or the checked data, each on one line)."""
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


def notice_text(notice: ChangeNotice) -> str:
    """A notice of change as a plain-text email, subject line first."""
    template = _text_environment().get_template("change_notice.txt.j2")
    return template.render(n=notice, t=load_wording(notice.language))


def data_map(company: Company, words: Wording) -> Markup:
    """The company's data map as one inline SVG block (datamap.py lays it out; the template escapes every value)."""
    drawing = (
        xml_environment()
        .get_template("datamap.svg.j2")
        .render(map=datamap.layout(company, words), padding=datamap.PADDING - 4, line_height=datamap.LINE_HEIGHT)
    )
    # One HTML block for Markdown: no blank line inside, no line that Markdown could read as indented code.
    return Markup("".join(line.strip() + ("\n" if line.endswith(">") else " ") for line in drawing.splitlines()))


def template_context(words: Wording, languages: Sequence[str], default: str) -> dict[str, Any]:
    """What every template sees: the language, the wording, and phrase helpers bound to that language."""
    context: dict[str, Any] = {
        "lang": words.language,
        "colon": words("punct.colon"),
        "semicolon": words("punct.semicolon"),
        "full_stop": lambda before: "" if str(before).rstrip()[-1:] in (".", "!", "?", "…") else ".",
        "t": words,
        "tr": lambda value: phrases.localize(value, words),
        "retention": lambda period: phrases.retention(period, words),
        "join": lambda items, name=None: join(items, name, words),
        "listing": lambda items: phrases.including(
            items, words("punct.list").join(phrases.localize(item, words) for item in items), words
        ),
        "category_name": lambda category: phrases.category_name(category, words),
        "subject_name": lambda subject: phrases.subject_name(subject, words),
        "source_name": lambda source: phrases.source_name(source, words),
        "country": lambda code: phrases.country(code, words),
        "safeguard": lambda item: phrases.safeguard(item, words),
        "partner_names": lambda names: phrases.partner_names(names, words),
        "registration": lambda item: phrases.registration(item, words),
        "purpose_name": lambda purpose: phrases.localize(purpose.name, words),
        "cookie_purpose": lambda code: words(f"cookie_purpose.{code}"),
        "basis_short": lambda basis: words(f"legal_basis.{basis.basis}.name"),
        "recipient_plain": lambda r: phrases.recipient_name(r, words),
        "recipient_details": lambda r, name: phrases.recipient_details(r, name, words),
        "recipients_of": lambda purpose, shared: phrases.purpose_recipients(purpose.recipients, shared, words),
        "date": lambda value: phrases.date(value, words),
        "data_map": lambda company: data_map(company, words),
        "anchor": lambda key: anchor(str(words(key))),
        "key_facts": layer.key_facts,
        "table_of": lambda kind, company: tables.TABLES[kind](company, context),
        "automated_answer": layer.automated,
        "short_quotes": lambda statement: layer.quotes(statement, words),
        "role_line": lambda company: layer.role_line(company, words),
        "identity_lines": lambda company: identity.identity_lines(company, words),
        "role_name": lambda role: phrases.purpose_role(PurposeRole(role.acts_as, role.on_behalf_of), words),
        "change": lambda item: phrases.change(item, words),
        "export_links": lambda slug, depth, version=None: export_links(slug, depth, words, default, version),
        "base": "",
        "languages": languages,
        "default_language": default,
        "page_ids": [page for page, _ in COMPANY_PAGES],
        **gaps.context(words),
    }
    return context


def export_links(
    slug: str, depth: int, words: Wording, default: str, version: str | None = None
) -> list[dict[str, str]]:
    """The data files of a notice (of `version`, else the one in force) and the site's versions.json, as links
    relative to a page `depth` folders below its language's root (the files are published once, at the default
    language's paths): `key`, `type`, `href` and `title`."""
    up = "../" * (depth + (0 if words.language == default else 1))
    base = f"{up}{slug}/versions/{version}/" if version else f"{up}{slug}/"
    files = [
        (output.key, output.media_type, base + output.name(words.language))
        for output in OUTPUTS
        if output.linked and (output.per_version or not version)
    ]
    files.append(("versions", "application/json", f"{up}versions.json"))
    return [{"key": key, "type": kind, "href": href, "title": words(f"exports.{key}")} for key, kind, href in files]


def page_path(page: str, language: str, default: str, folder: str = "") -> str:
    """The docs-relative path of a page in suffix mode: `x/notice.md` for the default language,
    `x/notice.en.md` otherwise."""
    suffix = "" if language == default else f".{language}"
    return f"{folder}/{page}{suffix}.md" if folder else f"{page}{suffix}.md"


def render_company(
    company: Company,
    languages: Sequence[str],
    default: str,
    changelog: Sequence[Entry] = (),
    notices: Mapping[str, Mapping[str, str]] | None = None,
) -> Iterable[Page]:
    """Every page of one company in every language; the history page shows the `notices` of change saved beside
    the frozen versions (by version, then language)."""
    env = environment()
    for language in languages:
        words = load_wording(language)
        context = template_context(words, languages, default)
        shown = {version: blocks(saved[language]) for version, saved in (notices or {}).items() if language in saved}
        for page, template in COMPANY_PAGES:
            content = env.get_template(template).render(
                context, company=company, page=page, changelog=changelog, notices=shown
            )
            yield Page(page_path(page, language, default, company.slug), language, content)


def render_archive(company: Company, entry: Entry, slug: str, languages: Sequence[str], default: str) -> Iterable[Page]:
    """A frozen version's full notice at `<slug>/versions/<version>/`, marked as superseded or upcoming."""
    env = environment()
    for language in languages:
        context = template_context(load_wording(language), languages, default)
        content = env.get_template("archive.md.j2").render(
            context, company=company, entry=entry, page="notice", base="../", changelog=()
        )
        yield Page(page_path(company.current_version.version, language, default, f"{slug}/versions"), language, content)


def render_home(companies: Sequence[Company], languages: Sequence[str], default: str) -> Iterable[Page]:
    """The home page listing every company, in every language."""
    env = environment()
    for language in languages:
        context = template_context(load_wording(language), languages, default)
        content = env.get_template("home.md.j2").render(context, companies=companies)
        yield Page(page_path("index", language, default), language, content)


def render_changes(
    companies: Sequence[Company],
    changelogs: Mapping[str, Sequence[Entry]],
    languages: Sequence[str],
    default: str,
    limit: int = 50,
) -> Iterable[Page]:
    """The site-wide "recent changes" page: the latest versions across companies, newest first."""
    items = [(company, entry) for company in companies for entry in changelogs.get(company.slug, ())]
    items.sort(key=lambda item: (item[1].version.date is not NOT_STATED, item[1].version.date), reverse=True)
    env = environment()
    for language in languages:
        context = template_context(load_wording(language), languages, default)
        content = env.get_template("changes.md.j2").render(context, items=items[:limit])
        yield Page(page_path("changes", language, default), language, content)


def render_company_pages(
    company: Company,
    languages: Sequence[str],
    default: str,
    entries: Sequence[Entry] = (),
    notices: Mapping[str, Mapping[str, str]] | None = None,
) -> list[Page]:
    """One company's pages and the full notice of each of its other versions: what depends on that company only."""
    pages = list(render_company(company, languages, default, entries, notices))
    for entry in entries:
        if entry.company is not None and entry.version.version != company.current_version.version:
            pages.extend(render_archive(entry.company, entry, company.slug, languages, default))
    return pages
