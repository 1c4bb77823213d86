"""MkDocs glue: validate the data, add the generated pages so mkdocs-static-i18n localizes them, tidy the nav.

This is the only module that imports mkdocs; the work happens in the privacy_center package.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from privacy_center import cache
from privacy_center.checker import summary
from privacy_center.chrome import (
    CONFIG_KEY,
    FOOTER_LINKS,
    ChromeConfigError,
    footer_config,
    language_index,
    print_block,
)
from privacy_center.csp import with_policy
from privacy_center.perf import gc_paused, theme_bytecode_cache
from privacy_center.render import PAGE_ORDER
from privacy_center.site import SiteDataError, build_site
from privacy_center.wording import load_wording

log = logging.getLogger("mkdocs.hooks.privacy_center")
GENERATOR = "privacy-center"
_state: dict = {}  # "site": the checked and rendered Site; "footer": the footer links; "404": each language's 404 page


def _languages(config: MkDocsConfig) -> tuple[list[str], str]:
    """The site languages and the default one, as configured for mkdocs-static-i18n."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise Abort("privacy-center: the i18n plugin (mkdocs-static-i18n) must be enabled in mkdocs.yml")
    languages = [lang.locale for lang in i18n.config.languages]
    default = next((lang.locale for lang in i18n.config.languages if lang.default), languages[0])
    return languages, default


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check and render everything before the site folder is touched, so bad data never yields a half-built site."""
    project = Path(config.config_file_path).parent
    data_dir = project / "data"
    cache.set_folder(project / ".cache" / "privacy-center")
    languages, default = _languages(config)
    try:
        with gc_paused():  # the checked and rendered site lives for the whole build: kept out of full collections
            site = build_site(data_dir, languages, default, site_url=config.site_url or "")
    except SiteDataError as error:
        raise Abort(f"privacy-center: the data has errors\n{error}") from None
    if _state.get("site") is not site:
        log.info(f"privacy-center: {summary(site.result)} ('privacy-center validate' lists the warnings)")
    _state["site"] = site
    _state["companies"] = {company.slug: company for company in site.companies}  # looked up once per page
    try:
        _state["footer"] = footer_config(config.extra, languages)
    except ChromeConfigError as error:
        raise Abort(f"privacy-center: {error}") from None
    if not getattr(config.plugins.get("i18n"), "building", False):  # i18n's inner builds run on_config again
        _state["404"] = {}
    return config


def _current_language(config: MkDocsConfig) -> str:
    """The language being built: mkdocs-static-i18n builds the site once per language."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or _languages(config)[1]


@event_priority(50)
def _add_pages(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page as if it were in docs/, so i18n pairs `x.md` with `x.en.md`."""
    for page in _state["site"].pages:
        files.append(File(page.path, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-200)
def _restore_content(files: Files, config: MkDocsConfig) -> Files:
    """After i18n rebuilt the File objects, give the generated ones their content back."""
    contents = {page.path: page.content for page in _state["site"].pages}
    for file in files:
        if file.src_uri in contents:
            file.content_string = contents[file.src_uri]
            file.generated_by = GENERATOR
    return files


on_files = CombinedEvent(_add_pages, _restore_content)


@event_priority(-200)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Title each company section with the company's name, order its pages for reading, keep archives out of it."""
    language = _current_language(config)
    names = {company.slug: company.name.get(language) for company in _state["site"].companies}
    for item in nav.items:
        if not isinstance(item, Section):
            continue
        pages = [child for child in item.children if isinstance(child, Page)]  # the versions/ folder is left out
        slug = pages[0].file.src_uri.split("/")[0] if pages else ""
        if slug in names:
            item.title = escape(names[slug])  # the theme prints nav titles unescaped
            item.children = sorted(
                pages, key=lambda child: PAGE_ORDER.get(Path(child.file.src_uri).name.split(".")[0], 99)
            )
    _relink(nav)
    return nav


def _relink(nav: Navigation) -> None:
    """Recompute the reading order and previous/next links after reordering sections."""

    def pages(items: list) -> list[Page]:
        found: list[Page] = []
        for item in items:
            if isinstance(item, Page):
                found.append(item)
            if isinstance(item, Section):
                found.extend(pages(item.children))
        return found

    nav.pages = pages(nav.items)
    for index, page in enumerate(nav.pages):
        page.previous_page = nav.pages[index - 1] if index > 0 else None
        page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None


# Front-matter fields the theme (or overrides/main.html) prints without escaping: <title>, meta description, nav,
# header, tabs, footer, and the search index, whose titles Material's JavaScript inserts as HTML.
THEME_TEXT_META = ("title", "html_title", "description")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Escape the data-derived front matter of our pages once, before any page (or the search index) reads it;
    give a company page its print block (overrides/main.html) and the activities table the TOC's width."""
    if page.file.generated_by == GENERATOR:
        for key in THEME_TEXT_META:
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        parts = page.file.src_uri.split("/")
        companies = _state["companies"]
        if len(parts) == 2 and parts[0] in companies:  # a company page; archived versions say their own version
            block = print_block(companies[parts[0]], _current_language(config))
            page.meta["pc_print"] = {key: escape(value) for key, value in block.items()}
            if parts[1].split(".")[0] == "activities":
                page.meta["hide"] = ["toc"]  # one wide table and no heading: the table takes the TOC's column
    return markdown


# The end of a table cell, row or caption, or a line break, directly followed by more content.
CELL_END = re.compile(r"(</(?:td|th|tr|caption|thead|tbody)>|<br>)(?=[^\s])")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A line break after table cells and <br> (invisible: table layout and line starts ignore it), so search
    snippets do not glue two cells or lines into one word."""
    return CELL_END.sub("\\1\n", html) if page.file.generated_by == GENERATOR else html


def _write_assets(config: MkDocsConfig) -> None:
    """Write the Atom feeds, the version index and the sitemaps beside the pages."""
    for asset in _state["site"].assets:
        target = Path(config.site_dir) / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(asset.content, encoding="utf-8")


def _split_by_language(config: MkDocsConfig) -> None:
    """Once every language is built (i18n merged their search entries into one index): one search index and one 404
    page per language, each at its language's root, so a page searches its own language only."""
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # an inner build of mkdocs-static-i18n: the outer build finishes the job
    languages, default = _languages(config)
    site_dir = Path(config.site_dir)
    index = site_dir / "search" / "search_index.json"
    merged = index.read_text(encoding="utf-8") if index.is_file() else None
    for language in languages:
        root = site_dir if language == default else site_dir / language
        if merged is not None:
            (root / "search").mkdir(parents=True, exist_ok=True)
            (root / "search" / "search_index.json").write_text(
                language_index(merged, language, default, languages), encoding="utf-8"
            )
        if language in _state["404"]:
            (root / "404.html").write_text(_state["404"][language], encoding="utf-8")


on_post_build = CombinedEvent(event_priority(0)(_write_assets), event_priority(-200)(_split_by_language))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Give theme templates our wording in the language being built, the footer links, and the root of that
    language (search loads that language's index from there)."""
    _, default = _languages(config)
    language = _current_language(config)
    env.globals["pc_t"] = load_wording(language)
    env.globals["pc_language_root"] = "" if language == default else language
    env.globals["pc_footer"] = [
        (key, _state["footer"].link(key, language), f"extra.{CONFIG_KEY}.{key}") for key in FOOTER_LINKS
    ]
    return theme_bytecode_cache(env)


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The 404 page's language switcher leads to the other language's 404 page, not to the last page built."""
    if template_name == "404.html":
        i18n = config.plugins.get("i18n")
        root = urlsplit(config.site_url or "/").path.rstrip("/")
        _, default = _languages(config)
        links = [
            {
                "name": lang.name,
                "lang": lang.locale,
                "link": f"{root}/404.html" if lang.locale == default else f"{root}/{lang.locale}/404.html",
            }
            for lang in i18n.config.languages
            if lang.build
        ]
        # i18n sets extra.alternate as an attribute, which hides the mapping's item from templates: set both
        _state["alternate"] = (config.extra.get("alternate"), vars(config.extra).get("alternate"))
        config.extra["alternate"] = links
        config.extra.alternate = links
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page carries a Content-Security-Policy that allows nothing but the site itself."""
    return with_policy(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Theme pages that are not documents (the 404 page) carry the same policy; each language's 404 page is kept
    and written to its language's root once every language is built."""
    if template_name == "404.html":
        config.extra["alternate"], config.extra.alternate = _state.pop("alternate", (None, None))
        _state["404"][_current_language(config)] = with_policy(output_content)
    return with_policy(output_content) if template_name.endswith(".html") else output_content
