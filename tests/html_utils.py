"""Read built pages the way a visitor's browser would: visible text, and every resource the page loads."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

LOADING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
    "input": "src",
}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.loads: list[str] = []
        self.links: list[dict[str, str]] = []
        self.html_lang = ""
        self._skip = 0
        self._in_article = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = attributes.get("lang", "")
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "article":
            self._in_article += 1
        if tag in LOADING and attributes.get(LOADING[tag]):
            self.loads.append(attributes[LOADING[tag]])
        if tag == "link":
            self.links.append(attributes)
            if attributes.get("rel") in ("stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"):
                self.loads.append(attributes.get("href", ""))
        if tag == "a":
            self.links.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "article":
            self._in_article -= 1
        if tag in ("p", "li", "h1", "h2", "h3", "tr", "td", "th", "caption", "br"):
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip and self._in_article:
            self.text.append(data)


def parse(path: Path, parser: type[HTMLParser] = _Page) -> Any:
    """Parse one built HTML file (with this module's page reader, or the parser given)."""
    page = parser()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def visible_text(path: Path) -> str:
    """The article's text as a visitor reads it, whitespace folded."""
    return " ".join(html.unescape("".join(parse(path).text)).split())


LANG_PREFIX = {"fr": "", "en": "en/"}


def page_file(site: Path, language: str, slug: str, name: str) -> Path:
    """A built company page: `[en/]<slug>/<name>/index.html` (name "" for the overview)."""
    return site / LANG_PREFIX[language] / slug / name / "index.html"


def page_text(site: Path, language: str, slug: str, name: str) -> str:
    """A company page's visible text on one line: no-break spaces (French typography) read as spaces, without the
    headings' permalink signs."""
    text = visible_text(page_file(site, language, slug, name)).replace("\u202f", " ").replace("\u00a0", " ")
    return " ".join(text.replace("¶", "").split())


def page_source(site: Path, language: str, slug: str, name: str) -> str:
    """A company page's HTML, no-break spaces read as spaces."""
    return (
        page_file(site, language, slug, name).read_text(encoding="utf-8").replace("\u202f", " ").replace("\u00a0", " ")
    )


def is_third_party(url: str) -> bool:
    """True for an absolute URL or a protocol-relative one: anything not served by the site itself."""
    lowered = url.strip().lower()
    return lowered.startswith(("http://", "https://", "//"))
