"""The site's chrome on real builds: one company's navigation, the footer, language-pure search, no missing file
looked up by the theme, the print block, and a company page whose size does not depend on the number of companies."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import FIXTURES, make_project, mkdocs
from html_utils import parse
from privacy_center.site.options import OptionsError, read_options
from test_site import LANGS, PAGES, SLUGS, page_file

NAV_LINK = re.compile(r'<a href="([^"]*)" class="md-nav__link[^"]*"')
ORIGIN = "http://site.test/"


def sidebar(path: Path) -> str:
    """The primary sidebar's HTML of a built page."""
    html = path.read_text(encoding="utf-8")
    return html[
        html.index('class="md-sidebar md-sidebar--primary"') : html.index('class="md-sidebar md-sidebar--secondary"')
    ]


@pytest.mark.parametrize("language", LANGS)
def test_a_company_page_lists_only_that_companys_pages(site: Path, language: str) -> None:
    for slug in SLUGS:
        nav = sidebar(page_file(site, language, slug, "notice/"))
        targets = set(NAV_LINK.findall(nav))
        others = [other for other in SLUGS if other != slug and any(f"/{other}/" in t for t in targets)]
        assert others == [], (slug, targets)
        assert {"../", "../activities/", "../rights/"} <= targets, targets  # its own pages
        assert targets & {"../..", "../../"}  # the way back to the list of companies


def test_the_home_page_sidebar_lists_no_company(site: Path) -> None:
    targets = set(NAV_LINK.findall(sidebar(site / "index.html")))
    assert not any(f"{slug}/" in target for slug in SLUGS for target in targets), targets


@pytest.mark.parametrize(
    "path,words",
    [
        (
            "coopo/index.html",
            "Mentions légales : adresse non configurée (clé extra.privacy_center.legal_notice de mkdocs.yml)",
        ),
        ("en/404.html", "Legal notice: address not configured (key extra.privacy_center.legal_notice in mkdocs.yml)"),
    ],
)
def test_the_footer_says_which_key_to_set_when_a_link_is_not_configured(site: Path, path: str, words: str) -> None:
    html = (site / path).read_text(encoding="utf-8").replace("\u00a0", " ")
    assert words in html


def test_footer_links_are_read_from_the_site_configuration() -> None:
    footer = read_options(
        {
            "privacy_center": {
                "contact": "mailto:dpo@site.test",
                "legal_notice": {"fr": "https://site.test/mentions/", "en": "https://site.test/legal/"},
            }
        },
        ["fr", "en"],
    ).footer
    assert footer.link("contact", "en") == "mailto:dpo@site.test"
    assert footer.link("legal_notice", "fr") == "https://site.test/mentions/"
    assert read_options({}, ["fr", "en"]).footer.link("contact", "fr") is None
    assert read_options({}, ["fr", "en"]).publish_register is False


@pytest.mark.parametrize(
    "section,message",
    [
        (
            {"contact": "javascript:alert(1)"},
            "extra.privacy_center.contact: link scheme 'javascript:' in "
            "'javascript:alert(1)' (fr) (write an https: URL or a mailto: address)",
        ),
        (
            {"legal_notice": {"fr": "https://site.test/"}},
            "extra.privacy_center.legal_notice: expected one address, or one per language (fr, en)",
        ),
        (
            {"imprint": "https://site.test/"},
            "extra.privacy_center.imprint: unknown key (expected one of contact, legal_notice, publish_register)",
        ),
    ],
)
def test_footer_links_that_are_not_plain_addresses_are_refused(section: dict, message: str) -> None:
    with pytest.raises(OptionsError) as error:
        read_options({"privacy_center": section}, ["fr", "en"])
    assert str(error.value) == f"mkdocs.yml: {message}"


def test_every_problem_of_the_options_is_said_at_once() -> None:
    section = {"imprint": "x", "publish_register": "yes", "contact": "javascript:alert(1)"}
    with pytest.raises(OptionsError) as error:
        read_options({"privacy_center": section}, ["fr", "en"])
    assert str(error.value).splitlines() == [
        "mkdocs.yml: extra.privacy_center.imprint: unknown key (expected one of contact, legal_notice, "
        "publish_register)",
        "mkdocs.yml: extra.privacy_center.publish_register: expected true or false, not 'yes'",
        "mkdocs.yml: extra.privacy_center.contact: link scheme 'javascript:' in 'javascript:alert(1)' (fr) "
        "(write an https: URL or a mailto: address)",
    ]


def test_a_configured_footer_link_reaches_every_page(tmp_path: Path) -> None:
    project = make_project(tmp_path, [FIXTURES / "valid" / "minimal.yaml"])
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("extra:\n", "extra:\n  privacy_center:\n    legal_notice: https://site.test/legal/\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 0, result.stderr
    for path in ("minimal/notice/index.html", "en/index.html", "404.html", "en/404.html"):
        links = {link.get("href"): link for link in parse(tmp_path / "out" / path).links}
        assert "https://site.test/legal/" in links, path


def test_each_language_searches_its_own_index(site: Path) -> None:
    french = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert french["config"]["lang"] == ["fr"] and english["config"]["lang"] == ["en"]
    assert [d["location"] for d in french["docs"] if d["location"].startswith("en/")] == []
    english_titles = {d["title"] for d in english["docs"]}
    french_titles = {d["title"] for d in french["docs"]}
    assert "Coopo: Full notice" in english_titles and "Coopo\u00a0: Politique complète" in french_titles
    assert [t for t in english_titles if re.search("Politique complète|Vos droits|Traitements", t)] == []
    assert [t for t in french_titles if re.search("Full notice|Your rights|Processing activities", t)] == []
    # an English page's search base is /en/, so its worker loads /en/search/search_index.json
    for language, prefix in LANGS.items():
        html = page_file(site, language, "coopo", "notice/").read_text(encoding="utf-8")
        found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.DOTALL)
        assert found, language
        config = json.loads(found.group(1))
        page_url = urljoin(ORIGIN, f"{prefix}coopo/notice/")
        assert urljoin(urljoin(page_url, config["base"]), "search/search_index.json") == urljoin(
            ORIGIN, f"{prefix}search/search_index.json"
        )


def test_search_snippets_keep_table_cells_apart(site: Path) -> None:
    english = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = next(d["text"] for d in english["docs"] if d["location"] == "coopo/activities/")
    assert "Purpose Legal basis Data Retention Recipients" in text
    assert "Consent GDPR Art. 6(1)(a)" in text


def test_every_sitemap_the_theme_looks_up_exists(site: Path) -> None:
    """Material's JavaScript fetches `sitemap.xml` relative to every <link rel=alternate> of a page (a 404 in the
    console when it is missing): each of those files is built."""
    missing: dict[str, str] = {}
    for path in sorted(site.rglob("*.html")):
        url = urljoin(ORIGIN, path.relative_to(site).as_posix().removesuffix("index.html"))
        if path.name == "404.html":
            url = urljoin(ORIGIN, path.relative_to(site).as_posix())  # served at any depth: its links are absolute
        for link in parse(path).links:
            if link.get("rel") == "alternate" and "href" in link and "hreflang" not in link:
                target = urljoin(urljoin(url, link["href"]), "sitemap.xml").removeprefix(ORIGIN)
                if not (site / target).is_file():
                    missing.setdefault(target, path.relative_to(site).as_posix())
        assert [link for link in parse(path).links if link.get("rel") == "alternate" and "hreflang" in link] == [], path
    assert missing == {}


@pytest.mark.parametrize(
    "language,slug,expected",
    [
        (
            "fr",
            "actifpilot",
            [
                "Entreprise",
                "ActifPilot",
                "Version",
                "1.0",
                "Date d'entrée en vigueur",
                "9 mars 2026",
                "Adresse de la page",
                "https://privacy.example.org/actifpilot/notice/",
            ],
        ),
        (
            "en",
            "actifpilot",
            [
                "Company",
                "ActifPilot",
                "Version",
                "1.0",
                "Effective date",
                "9 March 2026",
                "Page address",
                "https://privacy.example.org/en/actifpilot/notice/",
            ],
        ),
        # No effective date in the policy: no "not stated" line in print either (the page's gaps box says it).
        (
            "fr",
            "coppernic",
            [
                "Entreprise",
                "Coppernic",
                "Version",
                "1.0",
                "Adresse de la page",
                "https://privacy.example.org/coppernic/notice/",
            ],
        ),
        (
            "en",
            "coppernic",
            [
                "Company",
                "Coppernic",
                "Version",
                "1.0",
                "Page address",
                "https://privacy.example.org/en/coppernic/notice/",
            ],
        ),
    ],
)
def test_a_printed_company_page_starts_with_whose_notice_and_which_version(
    site: Path, language: str, slug: str, expected: list[str]
) -> None:
    html = page_file(site, language, slug, "notice/").read_text(encoding="utf-8")
    head = re.search(r'<aside class="pc-print-head" aria-hidden="true">(.*?)</aside>', html, re.DOTALL)
    assert head
    block = head.group(1)
    assert [html_module.unescape(v) for v in re.findall(r"<d[td][^>]*>([^<]*)</d[td]>", block)][
        : len(expected)
    ] == expected
    css = (site / "assets" / "privacy-center.css").read_text(encoding="utf-8")
    assert "break-before: page" not in css and "page-break-before" not in css
    assert re.search(r"@media screen \{\s*\.pc-print-head \{\s*display: none;", css)


def test_the_activities_table_takes_the_width_of_the_empty_toc(site: Path) -> None:
    for language in LANGS:
        html = page_file(site, language, "coopo", "activities/").read_text(encoding="utf-8")
        assert re.search(r'<div class="md-sidebar md-sidebar--secondary"[^>]*hidden', html)
        assert not re.search(
            r'<div class="md-sidebar md-sidebar--secondary"[^>]*hidden',
            page_file(site, language, "coopo", "notice/").read_text(encoding="utf-8"),
        )


def companies(folder: Path, count: int) -> Path:
    """`count` copies of the minimal fixture, each with its own slug and name (`company-001`, `Company 001`)."""
    folder.mkdir()
    seed = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    for index in range(1, count + 1):
        text = seed.replace("\nslug: minimal\n", f"\nslug: company-{index:03d}\n", 1)
        text = text.replace("\nname: Minimal\n", f"\nname: Company {index:03d}\n", 1)
        assert text.count(f"company-{index:03d}") == 1 and f"Company {index:03d}" in text
        (folder / f"company-{index:03d}.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_company_pages_size_does_not_depend_on_the_number_of_companies(tmp_path: Path) -> None:
    sizes = {}
    for count in (5, 40):
        (tmp_path / f"project-{count}").mkdir()
        project = make_project(tmp_path / f"project-{count}", data_dir=companies(tmp_path / f"data-{count}", count))
        out = tmp_path / f"site-{count}"
        result = mkdocs("build", "--strict", "-d", str(out), cwd=project)
        assert result.returncode == 0, result.stderr
        sizes[count] = {
            f"{prefix}{page}": (out / prefix / "company-001" / page / "index.html").stat().st_size
            for prefix in LANGS.values()
            for page in PAGES
        }
    grown = {
        page: (sizes[5][page], sizes[40][page]) for page in sizes[5] if abs(sizes[40][page] - sizes[5][page]) > 64
    }  # a few bytes: link numbers such as __nav_3
    assert grown == {}
