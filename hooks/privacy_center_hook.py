"""MkDocs glue: validate the data, add the generated pages so mkdocs-static-i18n localizes them, tidy the nav.

This is the only module that imports mkdocs; the work happens in the privacy_center package.
"""
from __future__ import annotations

import logging
from pathlib import Path

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
from privacy_center.csp import with_policy
from privacy_center.render import PAGE_ORDER
from privacy_center.site import Site, SiteDataError, build_site
from privacy_center.wording import load_wording

log = logging.getLogger("mkdocs.hooks.privacy_center")
GENERATOR = "privacy-center"
_state: dict[str, Site] = {}


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
        site = build_site(data_dir, languages, default, site_url=config.site_url or "")
    except SiteDataError as error:
        raise Abort(f"privacy-center: the data has errors\n{error}") from None
    if _state.get("site") is not site:
        log.info(f"privacy-center: {summary(site.result)} ('privacy-center validate' lists the warnings)")
    _state["site"] = site
    return config


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
    i18n = config.plugins.get("i18n")
    language = getattr(i18n, "current_language", None) or _languages(config)[1]
    names = {company.slug: company.name.get(language) for company in _state["site"].companies}
    for item in nav.items:
        if not isinstance(item, Section):
            continue
        pages = [child for child in item.children if isinstance(child, Page)]  # the versions/ folder is left out
        slug = pages[0].file.src_uri.split("/")[0] if pages else ""
        if slug in names:
            item.title = escape(names[slug])  # the theme prints nav titles unescaped
            item.children = sorted(pages, key=lambda child: PAGE_ORDER.get(Path(child.file.src_uri).name.split(".")[0], 99))
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
    """Escape the data-derived front matter of our pages once, before any page (or the search index) reads it."""
    if page.file.generated_by == GENERATOR:
        for key in THEME_TEXT_META:
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    """Write the Atom feeds and the version index beside the pages."""
    for asset in _state["site"].assets:
        target = Path(config.site_dir) / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(asset.content, encoding="utf-8")


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Give theme templates (the 404 page) our wording, default language first."""
    languages, default = _languages(config)
    env.globals["pc_words"] = {code: load_wording(code) for code in [default] + [c for c in languages if c != default]}
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page carries a Content-Security-Policy that allows nothing but the site itself."""
    return with_policy(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Theme pages that are not documents (the 404 page) carry the same policy."""
    return with_policy(output_content) if template_name.endswith(".html") else output_content
