"""Real site builds: what a visitor gets, per company and per language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, make_project, mkdocs
from html_utils import is_third_party, parse, visible_text

PAGES = ["", "notice/", "activities/", "rights/", "cookies/", "history/"]
SLUGS = sorted(p.stem for p in (ROOT / "data").glob("*.yaml"))
FACTS = yaml.safe_load((Path(__file__).parent / "seed_facts.yaml").read_text(encoding="utf-8"))
LANGS = {"fr": "", "en": "en/"}


def page_file(site: Path, language: str, slug: str, page: str) -> Path:
    return site / LANGS[language] / slug / page / "index.html"


def company_text(site: Path, language: str, slug: str) -> str:
    return " ".join(visible_text(page_file(site, language, slug, page)) for page in PAGES)


def test_the_five_seed_companies_are_published() -> None:
    assert sorted(FACTS) == SLUGS


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_company_page_exists_in_both_languages(site: Path, slug: str, language: str) -> None:
    for page in PAGES:
        path = page_file(site, language, slug, page)
        assert path.is_file(), path
        assert parse(path).html_lang == language


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("slug", sorted(FACTS))
def test_seed_facts_are_findable(site: Path, slug: str, language: str) -> None:
    text = company_text(site, language, slug)
    facts = FACTS[slug].get("both", []) + FACTS[slug].get(language, [])
    missing = [fact for fact in facts if str(fact) not in text]
    assert missing == []


@pytest.mark.parametrize("slug", SLUGS)
def test_no_language_leaks_into_the_other(site: Path, slug: str) -> None:
    french = company_text(site, "fr", slug)
    english = company_text(site, "en", slug)
    for marker in ("La politique ne le précise pas", "Base légale", "Conservation"):
        assert marker not in english
    for marker in ("Not stated in the policy", "Legal basis", "Retention"):
        assert marker not in french


def test_home_lists_every_company_in_both_languages(site: Path) -> None:
    names = [yaml.safe_load((ROOT / "data" / f"{slug}.yaml").read_text(encoding="utf-8"))["name"] for slug in SLUGS]
    for language, prefix in LANGS.items():
        home = site / prefix / "index.html"
        text = visible_text(home)
        shown = [name[language] if isinstance(name, dict) else name for name in names]
        assert [name for name in shown if name not in text] == []
        hrefs = {link.get("href") for link in parse(home).links}
        assert all(f"{slug}/" in hrefs for slug in SLUGS), hrefs


@pytest.mark.parametrize("slug", SLUGS)
def test_language_switcher_points_to_the_same_page(site: Path, slug: str) -> None:
    """The switcher leads to the same page in the other language (hreflang alternates live in /sitemap.xml: the
    theme's JavaScript would fetch a sitemap.xml beside every <link rel=alternate hreflang> of a page)."""
    for page in PAGES:
        depth = "../" * (1 + page.count("/"))
        french = parse(page_file(site, "fr", slug, page))
        switch = {link["hreflang"]: link["href"] for link in french.links if "md-select__link" in link.get("class", "")}
        assert switch == {"fr": "./", "en": f"{depth}en/{slug}/{page}"}
        english = parse(page_file(site, "en", slug, page))
        switch = {a["hreflang"]: a["href"] for a in english.links if "md-select__link" in a.get("class", "")}
        assert switch == {"fr": f"../{depth}{slug}/{page}", "en": "./"}
        links = french.links + english.links
        assert [link for link in links if link.get("rel") == "alternate" and "hreflang" in link] == []


def test_no_page_loads_a_third_party_resource(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 2 * (1 + 6 * len(SLUGS))
    offending = {str(p.relative_to(site)): [u for u in parse(p).loads if is_third_party(u)] for p in pages}
    assert {k: v for k, v in offending.items() if v} == {}
    for sheet in site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", text), sheet


def test_rights_page_has_ready_to_use_email_links(site: Path) -> None:
    for language in LANGS:
        links = [link["href"] for link in parse(page_file(site, language, "coopo", "rights/")).links if "href" in link]
        mailtos = [h for h in links if h.startswith("mailto:rgpd@coopo.fr?subject=")]
        assert len(mailtos) >= 6


def test_activities_table_has_caption_and_headers(site: Path) -> None:
    source = page_file(site, "en", "coopo", "activities/").read_text(encoding="utf-8")
    assert (
        "<caption>Processing activities of Coopo: purpose, legal basis, data, retention and recipients</caption>"
        in source
    )
    assert '<th scope="col">Legal basis</th>' in source
    assert '<th scope="row">Responding to your contact request</th>' in source


def test_generated_pages_have_no_edit_link_and_search_knows_them(site: Path) -> None:
    source = page_file(site, "fr", "coopo", "notice/").read_text(encoding="utf-8")
    assert "md-content__button" not in source
    french = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    english = (site / "en" / "search" / "search_index.json").read_text(encoding="utf-8")  # one index per language
    for slug in SLUGS:
        assert f'"location":"{slug}/' in french
        assert f'"location":"{slug}/' in english


def test_bad_data_stops_the_build_with_the_report_and_no_site(tmp_path: Path) -> None:
    project = make_project(
        tmp_path,
        [
            FIXTURES / "valid" / "minimal.yaml",
            FIXTURES / "invalid" / "unknown-recipient.yaml",
            FIXTURES / "invalid" / "duplicate-key.yaml",
        ],
    )
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "data/unknown-recipient.yaml:33:26: purposes[0].recipients[1]: unknown recipient 'crm'" in output
    assert "data/duplicate-key.yaml:6:1: name: duplicate key 'name' (first given at line 5)" in output
    assert "2 error(s): the site was not built" in output
    assert "Traceback" not in output
    assert not (project / "site").exists()


def test_hostile_markdown_in_a_section_never_becomes_markup(tmp_path: Path) -> None:
    source = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    hostile = source + (
        'sections:\n  - id: terms\n    title:\n      fr: "Conditions *importantes* [lien] https://example.org"\n'
        '      en: "Terms with a pipe | and {: .x } braces"\n    body:\n'
        '      fr: "Un **paragraphe** avec un [lien](https://example.org)."\n'
        '      en: "A **paragraph** with a [link](https://example.org)."\n'
    )
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", [])
    (project / "data" / "minimal.yaml").write_text(hostile, encoding="utf-8")
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 0, result.stderr
    french = (tmp_path / "out" / "minimal" / "notice" / "index.html").read_text(encoding="utf-8")
    english = (tmp_path / "out" / "en" / "minimal" / "notice" / "index.html").read_text(encoding="utf-8")
    # a plain field stays text: no emphasis, no link, no attribute list (Markdown link syntax is refused there)
    assert "Conditions *importantes* [lien] https://example.org" in visible_text(
        tmp_path / "out" / "minimal" / "notice" / "index.html"
    )
    assert "Terms with a pipe | and {: .x } braces" in visible_text(
        tmp_path / "out" / "en" / "minimal" / "notice" / "index.html"
    )
    # a Markdown field keeps its formatting
    assert "<strong>paragraphe</strong>" in french and '<a href="https://example.org">lien</a>' in french
    assert "<strong>paragraph</strong>" in english


def test_money_keeps_babels_no_break_spaces_on_the_page(site: Path) -> None:
    """Share capital by Babel: the French page keeps its narrow and plain no-break spaces (`100 000 €`)."""
    french = page_file(site, "fr", "coppernic", "notice/").read_text(encoding="utf-8")
    assert "Capital social\u00a0: 100\u202f000\u00a0€" in french
    assert "Share capital: €100,000" in page_file(site, "en", "coppernic", "notice/").read_text(encoding="utf-8")
