"""What a visitor gets, checked in a real headless Chromium (issue 10): no console error on any page type, search
in the page's language only, the first layer and the data map on the overview, and a notice that prints short."""

from __future__ import annotations

import re

import pytest
from test_browser import (
    ARTIFACTS,
    CHROMIUM,
    PAGE_TYPES,
    SETTLE_MS,
    Visit,
    page_type_url,
    search,
    visit,
)
from test_site import LANGS

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"),
    pytest.mark.slow,
]
MAX_PRINTED_PAGES = 10  # Coppernic's full notice, A4, in each language (issue 10)


def console_errors(browser, url: str) -> list[str]:
    """Console errors and failed requests while a page loads and settles (the same recording as `visits`)."""
    return visit(browser, url, settle_ms=SETTLE_MS).console_errors


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("kind", [*PAGE_TYPES, "not-found"])
def test_no_console_error_on_any_page_type(
    visits: dict[str, Visit], server: str, history_server: str, language: str, kind: str
) -> None:
    assert visits[page_type_url(server, history_server, language, kind)].console_errors == []


def test_the_console_check_can_fail(browser, server: str) -> None:
    assert console_errors(browser, f"{server}/coopo/missing-page/") != []


@pytest.mark.parametrize("language,query", [("fr", "cookies"), ("en", "cookies"), ("fr", "Coopo"), ("en", "Coopo")])
def test_search_returns_pages_of_the_page_language_only(
    browser,
    server: str,
    language: str,
    query: str,
) -> None:
    links, _ = search(browser, f"{server}/{LANGS[language]}", query)
    assert links, "the search found nothing"
    english = [link for link in links if "/en/" in link]
    assert english == (links if language == "en" else [])


@pytest.mark.parametrize(
    "language,facts",
    [
        ("fr", ["Exercer vos droits", "vendues", "hors de l'Union européenne", "consentement", "automatisée"]),
        ("en", ["Exercise your rights", "sold", "outside the European Union", "consent", "automated"]),
    ],
)
def test_first_layer_and_data_map_on_the_first_screens_of_a_phone(
    browser,
    server: str,
    language: str,
    facts: list[str],
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server}/{LANGS[language]}coppernic/", wait_until="networkidle")
    top = page.evaluate("""() => { const out = []; const walk = document.createTreeWalker(
        document.querySelector('article'), NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) { const r = walk.currentNode.parentElement.getBoundingClientRect();
          if (r.top + window.scrollY < 2 * 844) out.push(walk.currentNode.textContent); }
        return out.join(' '); }""")
    svg = page.eval_on_selector(
        "svg.pc-map__svg",
        "e => [e.getAttribute('role'), e.querySelector('title').textContent,"
        " e.querySelector('desc').textContent.length]",
    )
    context.close()
    text = re.sub(r"\s+", " ", top.replace("\u00a0", " ").replace("\u202f", " "))
    assert [fact for fact in facts if fact.lower() not in text.lower()] == []
    assert svg[0] == "img" and "Coppernic" in svg[1] and svg[2] > 50


@pytest.mark.parametrize("language", LANGS)
def test_coppernic_notice_prints_within_the_page_budget(browser, server: str, language: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/{LANGS[language]}coppernic/notice/", wait_until="networkidle")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    context.close()
    target = ARTIFACTS / f"coppernic-notice-{language}.pdf"
    target.write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= MAX_PRINTED_PAGES, f"{pages} printed pages"


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_visitor_screenshots(browser, server: str, width: int, height: int) -> None:
    """Overview, notice and rights pages of a company, kept as artifacts to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for name, path in [
        ("coppernic-overview", "coppernic/"),
        ("coppernic-notice", "coppernic/notice/"),
        ("coppernic-rights", "coppernic/rights/"),
        ("coppernic-overview-en", "en/coppernic/"),
    ]:
        page.goto(f"{server}/{path}", wait_until="networkidle")
        target = ARTIFACTS / f"{name}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
    context.close()
