"""In a real headless Chromium: no request leaves the site, and pages read fully without JavaScript."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from test_site import LANGS, PAGES, SLUGS

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that keeps the test output free of access logs."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A built site on a loopback port, as a visitor's browser would fetch it."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The seeds' site, served."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def history_server(history_site: Path) -> Iterator[str]:
    """The history fixture site, served: the only build with an archived (superseded) version page."""
    with serve(history_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def foreign_requests(browser, base: str, paths: list[str], javascript: bool = True) -> dict[str, list[str]]:
    """Load each page and return, per page, the hosts other than the site that the browser contacted."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    foreign: dict[str, list[str]] = {}
    for path in paths:
        requests.clear()
        page.goto(f"{base}/{path}", wait_until="networkidle")
        hosts = sorted(
            {urlparse(u).netloc for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")}
            - {urlparse(base).netloc}
        )
        if hosts:
            foreign[path] = hosts
    context.close()
    return foreign


ALL_PAGES = [f"{prefix}{extra}" for prefix in LANGS.values() for extra in ("", "changes/")] + [
    f"{prefix}{slug}/{p}" for prefix in LANGS.values() for slug in SLUGS for p in PAGES
]
# One page of each type the site generates, per language (the 404 page exists once, at the root). The archive of a
# superseded version only exists in the history fixture site, whose demo company has several versions.
PAGE_TYPES = {
    "home": "",
    "overview": "coopo/",
    "notice": "coopo/notice/",
    "activities": "coopo/activities/",
    "rights": "coopo/rights/",
    "cookies": "coopo/cookies/",
    "history": "coopo/history/",
    "changes": "changes/",
}
ARCHIVE = "demo/versions/1.0/"
NOT_FOUND = "404.html"


def test_no_request_to_any_third_party(browser, server: str) -> None:
    assert foreign_requests(browser, server, ALL_PAGES) == {}


def test_the_check_catches_a_third_party_script(browser, server: str, site: Path) -> None:
    # the same check, on a page with a third-party script added: it must report it
    page_file = site / "coopo" / "index.html"
    original = page_file.read_text(encoding="utf-8")
    page_file.write_text(
        original.replace("</head>", '<script src="https://cdn.example.com/x.js"></script></head>'), encoding="utf-8"
    )
    try:
        found = foreign_requests(browser, server, ["coopo/"])
    finally:
        page_file.write_text(original, encoding="utf-8")
    assert found == {"coopo/": ["cdn.example.com"]}


@pytest.mark.parametrize("language", LANGS)
def test_notice_reads_without_javascript(browser, server: str, language: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/{LANGS[language]}coopo/notice/")
    text = page.inner_text("article")
    context.close()
    assert "rgpd@coopo.fr" in text and "Framer" in text and ("13 mois" in text or "13 months" in text)


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_screenshots(browser, server: str, width: int, height: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for name, path in [("home", ""), ("overview", "coopo/"), ("rights", "coopo/rights/"), ("home-en", "en/")]:
        page.goto(f"{server}/{path}", wait_until="networkidle")
        target = ARTIFACTS / f"{name}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
    context.close()


def search(browser, url: str, query: str) -> tuple[list[str], str]:
    """The result links and text the theme's search shows for a query, typed as a visitor would."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    links: list[str] = []
    results = ""
    for _ in range(30):  # the search worker builds its index in the background: type again until it answers
        page.fill("input.md-search__input", "")
        page.type("input.md-search__input", query)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=1_000)
        except playwright.TimeoutError:
            continue
        links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
        results = page.inner_text(".md-search-result")
        break
    context.close()
    return links, results


@pytest.mark.parametrize("language,query,expected", [("fr", "Framer", "Coopo"), ("en", "Framer", "Coopo")])
def test_search_finds_a_company(browser, server: str, language: str, query: str, expected: str) -> None:
    _, results = search(browser, f"{server}/{LANGS[language]}", query)
    assert expected in results


def test_pages_keep_to_their_security_policy_and_store_nothing(browser, server: str) -> None:
    """The CSP blocks nothing the site needs, and no page or search leaves a cookie or stored value behind."""
    context = browser.new_context()
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    for path in ALL_PAGES:
        page.goto(f"{server}/{path}", wait_until="networkidle")
    page.fill("input.md-search__input", "Coopo")
    page.wait_for_timeout(1_000)
    stored = page.evaluate("[localStorage.length, sessionStorage.length]")
    cookies = context.cookies()
    context.close()
    assert refused == [] and stored == [0, 0] and cookies == []


@pytest.mark.parametrize("language", LANGS)
def test_page_weight_per_page_type(browser, server: str, history_server: str, language: str) -> None:
    """Requests and bytes a visitor's browser fetches per page type, all from the site (figures in tests/artifacts)."""
    import json

    ARTIFACTS.mkdir(exist_ok=True)
    prefix = LANGS[language]
    urls = {name: f"{server}/{prefix}{path}" for name, path in PAGE_TYPES.items()}
    urls["archive"] = f"{history_server}/{prefix}{ARCHIVE}"
    if not prefix:
        urls["not-found"] = f"{server}/{NOT_FOUND}"
    figures = {}
    for name, url in urls.items():
        context = browser.new_context()  # a fresh cache, as a first visit
        page = context.new_page()
        requests = []
        page.on("requestfinished", requests.append)
        page.goto(url, wait_until="networkidle")
        sizes = [r.sizes() for r in requests]
        hosts = {urlparse(r.url).netloc for r in requests}
        context.close()
        assert hosts == {urlparse(url).netloc}
        figures[name] = {
            "requests": len(requests),
            "bytes": sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes),
        }
    (ARTIFACTS / f"page-weight-{language}.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    assert all(f["requests"] > 0 and f["bytes"] > 10_000 for f in figures.values())
