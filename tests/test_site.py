"""Real site builds: what a visitor gets, per company and per language."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest
import yaml
from conftest import FIXTURES, ROOT, freeze, make_project, mkdocs
from html_utils import is_third_party, parse, visible_text
from privacy_center.source.wording import load_wording

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
        "<caption>Processing activities (purpose, legal basis, data, retention and recipients) — Coopo</caption>"
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
    freeze(project / "data")
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


# Issue 21, item 6: French typography and wording on every surface, from the same rules.
LOOSE = re.compile(r" [:;?!»]|« ")  # a plain space where French typography puts a no-break one (wording.typeset)


class _Surfaces(HTMLParser):
    """What a page shows besides its article: the text of every navigation link (Material's table of contents and
    nav, built from the headings) and every tooltip (`title` attribute), character references decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.titles: list[str] = []
        self._link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if attributes.get("title"):
            self.titles.append(attributes["title"])
        if tag == "a" and "md-nav__link" in attributes.get("class", "").split():
            self._link = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.links.append("".join(self._link).strip())
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link.append(data)


def surfaces(path: Path) -> _Surfaces:
    found: _Surfaces = parse(path, _Surfaces)
    return found


def test_french_toc_nav_and_tooltips_are_typeset_as_the_page(site: Path) -> None:
    """The toc extension folds every space of a heading, no-break ones included, into a plain one: the hook gives
    each TOC title the language's one typographic rule back (French `Qui sommes-nous ?` with U+202F)."""
    french = [path for path in site.rglob("*.html") if path.relative_to(site).parts[0] != "en"]
    assert len(french) > 6 * len(SLUGS)
    loose = {}
    for path in french:
        found = surfaces(path)
        bad = [text for text in found.links + found.titles if LOOSE.search(text)]
        if bad:
            loose[str(path.relative_to(site))] = bad
    assert loose == {}
    overview = surfaces(page_file(site, "fr", "coopo", ""))
    assert "Qui sommes-nous\u202f?" in overview.links
    text = {str(path.relative_to(site)): "".join(parse(path).text) for path in french}  # no-break spaces kept
    assert {page: LOOSE.findall(found) for page, found in text.items() if LOOSE.search(found)} == {}  # retention texts
    notice = surfaces(page_file(site, "fr", "coopo", "notice/"))
    assert "Cookies\u00a0: améliorer l'interactivité du site et nos services" in notice.links


def test_permalinks_are_titled_in_the_page_language(site: Path) -> None:
    """The ¶ beside each heading: its tooltip from the page language's wording (`chrome.permalink_title`)."""
    assert {language: load_wording(language)("chrome.permalink_title") for language in LANGS} == {
        "fr": "Lien permanent",
        "en": "Permanent link",
    }
    for language in LANGS:
        expected = load_wording(language)("chrome.permalink_title")
        for slug in SLUGS:
            for page in PAGES:
                html = page_file(site, language, slug, page).read_text(encoding="utf-8")
                titles = re.findall(r'<a class="headerlink" href="#[^"]*" title="([^"]*)"', html)
                assert titles, (language, slug, page)
                assert set(titles) == {expected}, (language, slug, page)


def test_captions_read_well_with_any_company_name(site: Path) -> None:
    """No possessive built around a company name ("Recipients of Anonymous publisher (terms of use)'s data"): each
    caption and the data map's title name the company after a dash."""
    for language in LANGS:
        words = load_wording(language)
        for slug in SLUGS:
            name = yaml.safe_load((ROOT / "data" / f"{slug}.yaml").read_text(encoding="utf-8"))["name"]
            name = words.typeset(name[language] if isinstance(name, dict) else name)
            html = "".join(page_file(site, language, slug, page).read_text(encoding="utf-8") for page in PAGES)
            captions = [
                unescape(caption)
                for caption in re.findall(r"<caption>(.*?)</caption>|<title id=\"pc-map-title\">(.*?)</title>", html)
                for caption in caption
                if caption
            ]
            assert captions, (language, slug)
            for caption in captions:
                assert caption.endswith(f" — {name}"), caption
                assert not re.search(rf"(\bof|\bde|d'|'s)\s*{re.escape(name)}|{re.escape(name)}'s", caption), caption
    publisher = page_file(site, "en", "publisher-cgu", "notice/").read_text(encoding="utf-8")
    assert "<caption>Recipients of the data — Anonymous publisher (terms of use)</caption>" in publisher


LETTER = re.compile(r'<h2 id="pc-letter">.*', re.S)  # the printable letter: its "Name:" lines are blanks to fill in


@pytest.mark.parametrize("language", LANGS)
def test_no_label_is_printed_without_its_value(site: Path, language: str) -> None:
    """A paragraph, list item or cell that ends with a label's colon is followed by its value: a list or a table
    (saas-provider's rights page printed five bare "How to exercise it:" labels)."""
    bare = []
    for slug in SLUGS:
        for page in PAGES:
            source = LETTER.sub("</article>", page_file(site, language, slug, page).read_text(encoding="utf-8"))
            article = html5lib.parse(source, namespaceHTMLElements=False).find(".//article")
            assert article is not None
            parents = {child: parent for parent in article.iter() for child in parent}
            for element in (element for element in article.iter() if element.tag in ("p", "li", "td", "dd")):
                if any(child.tag in ("ul", "ol", "table", "dl") for child in element):
                    continue
                if not "".join(element.itertext()).strip().endswith(":"):
                    continue
                siblings = list(parents[element])
                after = siblings[siblings.index(element) + 1 :]
                if not after or after[0].tag not in ("ul", "ol", "table", "dl"):
                    bare.append((slug, page, "".join(element.itertext()).strip()))
    assert bare == []


CODE = re.compile(r"(?<![\w@./:-])[a-z]+(?:_[a-z0-9]+)+(?![\w@.-])")  # a snake_case code, not part of an address


def test_no_raw_code_in_visible_text(site: Path) -> None:
    """A code of the data (`outside_eu`, the id of a transfer the policy names by nothing) is never shown: the gaps
    box names such a transfer by its place among the policy's transfers (`gaps.unnamed_transfer`, test_gaps.py)."""
    codes = {}
    for language in LANGS:
        for slug in SLUGS:
            for page in PAGES:
                found = CODE.findall(visible_text(page_file(site, language, slug, page)))
                if found:
                    codes[f"{language} {slug} {page}"] = found
    assert codes == {}


def test_no_list_marker_is_printed_as_text(site: Path) -> None:
    """A list that Markdown did not read as one (no blank line before it) shows its `- ` to the visitor."""
    found = [
        f"{path.relative_to(site)}: {match.group(0)[:80]!r}"
        for path in sorted(site.rglob("*.html"))
        for match in re.finditer(r"<p>[^<]*\n- ", path.read_text(encoding="utf-8"))
    ]
    assert found == []
