"""Every export is announced and linked from the company pages (issue 13, item 7): each company page announces the
notice's data files with `<link rel="alternate">`, the full notice and each archived version link them, every
address resolves to a file of the built site, and each announced folder has the sitemap.xml the theme's JavaScript
fetches beside every `rel=alternate` link (a 404 otherwise)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

SEEDS = ["actifpilot", "coopo", "coppernic", "publisher-cgu", "saas-provider"]
PAGES = ["", "notice/", "activities/", "rights/", "cookies/", "history/"]
ROOT_URL = "https://site.test/"


class Links(HTMLParser):
    """The page's <link rel="alternate"> in <head> and the links of its article, as (type, href)."""

    def __init__(self) -> None:
        super().__init__()
        self.alternate: list[tuple[str, str]] = []
        self.article: list[tuple[str, str]] = []
        self._article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "article":
            self._article += 1
        if tag == "link" and found.get("rel") == "alternate":
            self.alternate.append((found.get("type", ""), found["href"]))
        if tag == "a" and self._article and found.get("type"):
            self.article.append((found["type"], found["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article -= 1


def links(site: Path, url: str) -> Links:
    parser = Links()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


def target(url: str, href: str) -> str:
    """The site path an href of the page at `url` points to."""
    return urljoin(ROOT_URL + url, href).removeprefix(ROOT_URL)


def expected(slug: str, language: str, version: str | None = None) -> list[tuple[str, str]]:
    folder = f"{slug}/versions/{version}/" if version else f"{slug}/"
    files = [("application/json", f"{folder}privacy.json"), ("application/ld+json", f"{folder}privacy.jsonld")]
    if version is None:
        files.append(("application/yaml", f"{slug}/fides.{language}.yml"))
    return [*files, ("application/json", "versions.json")]


@pytest.mark.parametrize("language,prefix", [("fr", ""), ("en", "en/")])
def test_every_company_page_announces_the_notice_as_data(site: Path, language: str, prefix: str) -> None:
    for slug in SEEDS:
        for page in PAGES:
            url = f"{prefix}{slug}/{page}"
            found = [(kind, target(url, href)) for kind, href in links(site, url).alternate if "atom" not in kind]
            assert found == expected(slug, language), url
            for _, path in found:
                assert (site / path).is_file(), (url, path)
                assert (site / path).parent.joinpath("sitemap.xml").is_file(), path  # the theme fetches it
        notice = f"{prefix}{slug}/notice/"
        assert [(kind, target(notice, href)) for kind, href in links(site, notice).article] == expected(slug, language)


@pytest.mark.parametrize("language,prefix", [("fr", ""), ("en", "en/")])
def test_each_archived_version_links_its_own_data(history_site: Path, language: str, prefix: str) -> None:
    for version in ("1.0", "1.1", "2.0"):
        url = f"{prefix}demo/versions/{version}/"
        page = links(history_site, url)
        announced = [(kind, target(url, href)) for kind, href in page.alternate if "atom" not in kind]
        assert announced == expected("demo", language, version), url
        assert [(kind, target(url, href)) for kind, href in page.article] == announced
        for _, path in announced:
            assert (history_site / path).is_file() and (history_site / path).parent.joinpath("sitemap.xml").is_file()
