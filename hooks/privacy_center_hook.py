"""MkDocs glue: validate the data, add the generated pages so mkdocs-static-i18n localizes them, tidy the nav.

This is the only module that imports mkdocs; the work happens in the privacy_center package.
"""

from __future__ import annotations

import logging
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markdown.extensions.toc import slugify as toc_slugify
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from privacy_center.model.model import Company
from privacy_center.render import search
from privacy_center.render.chrome import (
    CONFIG_KEY,
    FOOTER_LINKS,
    ChromeConfigError,
    Footer,
    language_index,
    print_block,
    theme_safe_slugify,
)
from privacy_center.render.csp import with_policy
from privacy_center.render.pages import PAGE_ORDER
from privacy_center.site import serving
from privacy_center.site.build import Site, SiteDataError, build_site
from privacy_center.site.checker import summary
from privacy_center.site.options import read_options
from privacy_center.source import cache
from privacy_center.source.perf import gc_paused
from privacy_center.source.progress import Stages, bar, report
from privacy_center.source.publish import PublishError, discard, in_force_day, prepare, publish, site_date
from privacy_center.source.wording import load_wording

log = logging.getLogger("mkdocs.hooks.privacy_center")
# The report of bad data under `mkdocs serve`: outside the "mkdocs" logger, whose strict mode would turn it into a
# failed build (and a stuck server) when the site built is deliberately the report.
serve_log = logging.getLogger("privacy_center.serve")
if not serve_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    serve_log.addHandler(_handler)
    serve_log.setLevel(logging.INFO)  # the data folder's watch, gone and back (serving.FolderKeeper), is told too
    serve_log.propagate = False
GENERATOR = "privacy-center"


@dataclass
class _Built:
    """What on_config made of the data for this build, read by the later events."""

    site: Site | None = None  # the checked and rendered site
    companies: dict[str, Company] = field(default_factory=dict)  # by slug, once, not once per page
    site_date: str = ""  # the date every page shows as updated
    footer: Footer | None = None  # the footer's links
    not_found: dict[str, str] = field(default_factory=dict)  # each language's 404 page
    markdown_config: str = ""  # what a page's Markdown conversion depends on, besides the page
    files_key: str = ""  # what links resolve to
    alternate: tuple[Any, Any] | None = None  # extra.alternate as i18n left it, while the 404 page is rendered

    @property
    def shown(self) -> Site:
        assert self.site is not None, "on_config builds the site before any other event"
        return self.site

    @property
    def links(self) -> Footer:
        assert self.footer is not None, "on_config reads the footer's links before any page"
        return self.footer


@dataclass
class _Publishing:
    """What on_startup announced, and the build being published (staged beside the site folder)."""

    command: str = ""
    dirty: bool = False
    config: MkDocsConfig | None = None
    target: Path | None = None
    staging: Path | None = None
    site_dir: str = ""
    built: bool = False  # the outer build's on_post_build finished
    failed: bool = False  # on_build_error ran


@dataclass
class _Progress:
    """On a terminal: the time of each stage of the outer build, when it started, the pages built so far, and while
    a language's pages are built, its progress bar and stage timer (closed by an ExitStack)."""

    stages: Stages = field(default_factory=Stages)
    started: float = 0.0
    pages: int = 0
    bar: ExitStack | None = None
    advance: Callable[[], None] | None = None


@dataclass
class _Hook:
    """The hook's state, on one object: MkDocs loads this file again for every rebuild of `mkdocs serve`."""

    built: _Built = field(default_factory=_Built)
    publishing: _Publishing = field(default_factory=_Publishing)
    progress: _Progress = field(default_factory=_Progress)


_hook = _Hook()


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
    inner = _inner_build(config)  # i18n's inner builds run on_config again
    try:
        options = read_options(config.extra, languages)  # every problem of extra.privacy_center at once
        today = in_force_day()
        if not inner:
            _hook.progress = _Progress(started=time.perf_counter())
        with gc_paused(), _hook.progress.stages.timing("companies"):  # the checked and rendered site lives for the
            # whole build: kept out of full collections
            site = build_site(
                data_dir,
                languages,
                default,
                today,
                config.site_url or "",
                options.publish_register,
                preview=serving.serving(),  # unreleased edits previewed under a banner, not an error page
            )
        serving.succeeded(site)
    except (PublishError, ChromeConfigError) as error:
        raise Abort(f"privacy-center: {error}") from None
    except SiteDataError as error:
        if not serving.serving():
            raise Abort(f"privacy-center: the data has errors\n{error}") from None
        site = serving.failed(str(error), data_dir, languages, default)
        if not inner:  # once per rebuild, as a report: a traceback would leave the server stuck on a failed build
            serve_log.error(f"privacy-center: the data has errors; the pages show this report\n{error}")
    built = _hook.built
    built.site_date = site_date([v.day for c in site.companies for v in c.versions], today).isoformat()
    if built.site is not site and serving.report() is None:
        log.info(f"privacy-center: {summary(site.result)} ('privacy-center validate' lists the warnings)")
    built.site = site
    built.companies = {company.slug: company for company in site.companies}
    built.footer = options.footer
    if not inner:
        built.not_found = {}
        _stage(config)
        serving.RENDERED.new_build()
    _permalink_title(config)
    _theme_safe_ids(config)
    built.markdown_config = repr((config.markdown_extensions, config.mdx_configs))
    return config


def _permalink_title(config: MkDocsConfig) -> None:
    """The tooltip of the ¶ link beside each heading (the toc extension's `permalink_title`) in the language being
    built, from its wording (`chrome.permalink_title`): mkdocs-static-i18n may not override `mdx_configs` per
    language, but runs on_config before building each one, and each page's Markdown reads the config it finds."""
    toc = config.mdx_configs.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = load_wording(_current_language(config))("chrome.permalink_title")


def _theme_safe_ids(config: MkDocsConfig) -> None:
    """Heading ids never start with `__`, the prefix of the theme's own ids (`<script id="__config">`): a section
    titled "__config" would otherwise come first in the page and break the theme's JavaScript."""
    toc = config.mdx_configs.setdefault("toc", {})
    toc["slugify"] = theme_safe_slugify(toc.get("slugify") or toc_slugify)


def _inner_build(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n builds one language inside the outer build (its events run once more)."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def on_startup(command: str, dirty: bool) -> None:
    """Remember which command runs: only `mkdocs build` (and gh-deploy, which builds first) publishes atomically;
    `mkdocs serve` keeps serving while the data has errors (see serving.py), where `mkdocs build` stops."""
    _hook.publishing = _Publishing(command=command, dirty=dirty)
    serving.start(command)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    """Keep watching the data folder when it is moved away and back (watchdog would stop for good; serving.py)."""
    serving.keep_watching(server, Path(config.config_file_path).parent / "data")
    return server


def _is_serve_folder(site_dir: str) -> bool:
    """`mkdocs serve --clean` announces the command `build` but serves a folder it made with mkdtemp('mkdocs_')."""
    path = Path(site_dir)
    return path.name.startswith("mkdocs_") and path.parent == Path(tempfile.gettempdir())


def _stage(config: MkDocsConfig) -> None:
    """The outer build writes into a staging folder beside the site folder; on_shutdown swaps it in on success."""
    publishing = _hook.publishing
    if publishing.command not in ("build", "gh-deploy") or publishing.target is not None:
        return  # serve builds into its own temporary folder; a build run from Python without the CLI is left alone
    if _is_serve_folder(config.site_dir):
        return
    target = Path(config.site_dir)
    target = target.resolve() if target.is_symlink() else target  # a linked site folder: swap the real one
    try:
        staging = prepare(target, dirty=publishing.dirty)
    except OSError as error:
        raise Abort(f"privacy-center: {target}: cannot prepare the build beside the site ({error})") from None
    publishing.config, publishing.target, publishing.staging = config, target, staging
    publishing.site_dir = config.site_dir
    config.site_dir = str(staging)


def on_build_error(error: Exception) -> None:
    """Any failure (the strict-mode warning check included) keeps the previous site: nothing is swapped."""
    _hook.publishing.failed = True
    _pages_done()


def on_shutdown() -> None:
    """Publish the staging folder if the whole build succeeded, else throw it away; the site folder is either the
    previous site or the new one, whole, at every moment."""
    publishing = _hook.publishing
    config, target, staging = publishing.config, publishing.target, publishing.staging
    if config is None or target is None or staging is None:
        return
    publishing.config = publishing.target = publishing.staging = None
    config.site_dir = publishing.site_dir  # gh-deploy reads it after on_shutdown
    interrupted = sys.exc_info()[0] is not None  # on_shutdown runs in a `finally`: Ctrl-C skips on_build_error
    if publishing.built and not publishing.failed and not interrupted:
        try:
            publish(staging, target)
        except PublishError as error:
            raise Abort(f"privacy-center: {error}") from None
        log.info(f"privacy-center: published the site to {target}")
    else:
        discard(staging)
        if target.exists():
            log.info(f"privacy-center: the build failed; the previous site in {target} is left as it was")


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """Every page's date (sitemap `lastmod`, the gzipped sitemap's time) is the site date, not the build day."""
    page.update_date = _hook.built.site_date
    return page


def _current_language(config: MkDocsConfig) -> str:
    """The language being built: mkdocs-static-i18n builds the site once per language."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or _languages(config)[1]


@event_priority(50)
def _add_pages(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page as if it were in docs/, so i18n pairs `x.md` with `x.en.md`."""
    for page in _hook.built.shown.pages:
        files.append(File(page.path, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-200)
def _restore_content(files: Files, config: MkDocsConfig) -> Files:
    """After i18n rebuilt the File objects, give the generated ones their content back."""
    contents = {page.path: page.content for page in _hook.built.shown.pages}
    for file in files:
        if file.src_uri in contents:
            file.content_string = contents[file.src_uri]
            file.generated_by = GENERATOR
    _hook.built.files_key = repr(sorted((file.src_uri, file.dest_uri) for file in files))  # what links resolve to
    _pages_start(len(files.documentation_pages()), _current_language(config))
    return files


def _pages_start(pages: int, language: str) -> None:
    """A progress bar for one language's pages (shown on a terminal only; see privacy_center.source.progress), timed
    as a stage of the build until _pages_done closes both."""
    _pages_done()
    stack = ExitStack()
    progress = _hook.progress
    stack.enter_context(progress.stages.timing(f"pages {language}"))
    progress.bar, progress.advance = stack, stack.enter_context(bar(pages, f"pages ({language})"))
    progress.pages += pages


def _pages_done(config: MkDocsConfig | None = None) -> None:
    """Close the bar of the language just built, which ends its stage."""
    progress = _hook.progress
    stack, progress.bar, progress.advance = progress.bar, None, None
    if stack is not None:
        stack.close()


on_files = CombinedEvent(_add_pages, _restore_content)


@event_priority(-200)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Title each company section with the company's name, order its pages for reading, keep archives out of it."""
    language = _current_language(config)
    typeset = load_wording(language).typeset  # as the company's pages write its name
    names = {company.slug: typeset(company.name.get(language)) for company in _hook.built.shown.companies}
    for item in nav.items:
        if not isinstance(item, Section):
            continue
        pages = [child for child in item.children if isinstance(child, Page)]  # the versions/ folder is left out
        slug = pages[0].file.src_uri.split("/")[0] if pages else ""
        if slug in names:
            item.title = escape(names[slug])  # the theme prints nav titles unescaped
            item.children = sorted(
                pages,
                key=lambda child: PAGE_ORDER.get(Path(child.file.src_uri).name.split(".")[0], 99),  # type: ignore[attr-defined]
            )
    _relink(nav)
    return nav


def _relink(nav: Navigation) -> None:
    """Recompute the reading order and previous/next links after reordering sections."""

    def pages(items: list[Any]) -> list[Page]:
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
        if serving.serving():
            _reuse_conversion(page)
        for key in THEME_TEXT_META:
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        parts = page.file.src_uri.split("/")
        companies = _hook.built.companies
        if len(parts) == 2 and parts[0] in companies:  # a company page; archived versions say their own version
            block = print_block(companies[parts[0]], _current_language(config))
            page.meta["pc_print"] = {key: escape(value) for key, value in block.items()}
            if parts[1].split(".")[0] == "activities":
                page.meta["hide"] = ["toc"]  # one wide table and no heading: the table takes the TOC's column
    return markdown


def _reuse_conversion(page: Page) -> None:
    """Under `mkdocs serve`, convert the page's Markdown only when it, its address or the site's files changed since
    the last rebuild: an edit converts the changed company's pages, not every page again."""

    def render(config: MkDocsConfig, files: Files) -> None:
        key = (
            page.file.src_uri,
            page.file.dest_uri,
            page.markdown or "",
            _hook.built.files_key,
            _hook.built.markdown_config,
        )
        found = serving.RENDERED.get(key)
        if found is None:
            Page.render(page, config, files)
            links = tuple(
                (file.src_uri, tuple(sorted(anchors.items())))
                for file, anchors in (page.links_to_anchors or {}).items()
            )
            serving.RENDERED.put(
                key,
                serving.Rendered(
                    page.content or "",
                    page.toc,
                    page._title_from_render,
                    frozenset(page.present_anchor_ids or ()),
                    links,
                ),
            )
            return
        page.content = found.content
        page.toc = found.toc  # type: ignore[assignment]
        page._title_from_render = found.title
        page.present_anchor_ids = set(found.anchors)
        by_path = {src: dict(anchors) for src, anchors in found.links}
        page.links_to_anchors = {
            file: by_path[file.src_uri] for src in by_path if (file := files.get_file_from_path(src)) is not None
        }

    page.render = render  # type: ignore[method-assign]


# The end of a table cell, row or caption, or a line break, directly followed by more content.
CELL_END = re.compile(r"(</(?:td|th|tr|caption|thead|tbody)>|<br>)(?=[^\s])")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A line break after table cells and <br> (invisible: table layout and line starts ignore it), so search
    snippets do not glue two cells or lines into one word; the table of contents typeset as the page is."""
    _typeset_toc(page.toc, load_wording(_current_language(config)).typeset)
    return CELL_END.sub("\\1\n", html) if page.file.generated_by == GENERATOR else html


def _typeset_toc(items: Iterable[AnchorLink], typeset: Callable[[str], str]) -> None:
    """The language's one typographic rule on the titles of the table of contents (Material's TOC, the search
    index's section titles): the toc extension rebuilds each title from the heading's text with every run of white
    space, no-break spaces included, turned into a plain space (French `Qui sommes-nous ?` lost its U+202F)."""
    for item in items:
        item.title = typeset(item.title)
        _typeset_toc(item.children, typeset)


@event_priority(10)  # before Material's search plugin (0), which then skips the pages indexed here
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Index a generated page for search with the entries Material's parser would make, read in a third of its time
    (privacy_center.render.search); a page that reading does not cover is left to Material."""
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    if page.file.generated_by != GENERATOR or plugin is None or index is None or not plugin.config.enabled:
        return context
    meta = page.meta.get("search") or {}
    found = None if meta.get("exclude") else search.sections(page.content or "")
    if found is not None:
        for section in found:
            index.create_entry_for_section(section, page.toc, page.url, page)
        page.meta["search"] = {**meta, "exclude": True}  # indexed: Material's plugin passes over it
    return context


def _write_assets(config: MkDocsConfig) -> None:
    """Write the Atom feeds, the version index and the sitemaps beside the pages."""
    for asset in _hook.built.shown.assets:
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
        if language in _hook.built.not_found:
            (root / "404.html").write_text(_hook.built.not_found[language], encoding="utf-8")


def _built(config: MkDocsConfig) -> None:
    """The outer build's last post-build step (after i18n built every language): the site is complete."""
    if not _inner_build(config):
        _hook.publishing.built = True
        progress = _hook.progress
        if progress.started:
            report("site", progress.pages, progress.started, progress.stages, unit="pages")


on_post_build = CombinedEvent(
    event_priority(50)(_pages_done),  # before i18n (-100) builds the next language
    event_priority(0)(_write_assets),
    event_priority(-200)(_split_by_language),
    event_priority(-1000)(_built),
)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Give theme templates our wording in the language being built, the footer links, and the root of that
    language (search loads that language's index from there)."""
    _, default = _languages(config)
    language = _current_language(config)
    env.bytecode_cache = cache.THEME_BYTECODE  # serve makes a new environment per build: compile the theme once
    env.globals["pc_t"] = load_wording(language)
    env.globals["pc_serve_report"] = serving.banner(language)  # empty unless `mkdocs serve` has bad data
    env.globals["pc_language_root"] = "" if language == default else language
    env.globals["pc_footer"] = [
        (key, _hook.built.links.link(key, language), f"extra.{CONFIG_KEY}.{key}") for key in FOOTER_LINKS
    ]
    return env


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """The 404 page's language switcher leads to the other language's 404 page, not to the last page built."""
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n is not None:
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
        _hook.built.alternate = (config.extra.get("alternate"), vars(config.extra).get("alternate"))
        config.extra["alternate"] = links
        config.extra.alternate = links  # type: ignore[attr-defined]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page carries a Content-Security-Policy that allows nothing but the site itself."""
    if (advance := _hook.progress.advance) is not None:
        advance()
    return with_policy(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Theme pages that are not documents (the 404 page) carry the same policy; each language's 404 page is kept
    and written to its language's root once every language is built."""
    if template_name == "404.html":
        restored = _hook.built.alternate or (None, None)
        config.extra["alternate"], config.extra.alternate = restored  # type: ignore[attr-defined]
        _hook.built.alternate = None
        _hook.built.not_found[_current_language(config)] = with_policy(output_content)
    return with_policy(output_content) if template_name.endswith(".html") else output_content
