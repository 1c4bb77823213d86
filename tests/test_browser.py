"""In a real headless Chromium: no request leaves the site, and pages read fully without JavaScript."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from test_site import LANGS, PAGES, SLUGS

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"),
    pytest.mark.slow,
]
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


def launched_browser() -> Iterator:
    """Debian's Chromium, headless, for the session (the `browser` fixture of conftest.py)."""
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@dataclass
class Visit:
    """Everything one load of a page shows, recorded once for every check that needs it (a first visit: a fresh
    context, so an empty cache, no cookie and no storage)."""

    url: str
    requests: list[str] = field(default_factory=list)  # every URL the browser asked for
    sizes: list[int] = field(default_factory=list)  # headers + body bytes of each finished request
    finished_hosts: set[str] = field(default_factory=set)  # hosts of the finished requests
    console_errors: list[str] = field(default_factory=list)  # console errors, failed requests, HTTP errors
    csp_refusals: list[str] = field(default_factory=list)  # console messages of the Content-Security-Policy
    stored: list[int] = field(default_factory=list)  # [localStorage.length, sessionStorage.length] once settled
    cookies: list[dict[str, object]] = field(default_factory=list)

    @property
    def foreign_hosts(self) -> list[str]:
        """The hosts other than the site's that the page contacted."""
        site = urlparse(self.url).netloc
        schemes = ("http", "https", "ws", "wss")
        return sorted({urlparse(u).netloc for u in self.requests if urlparse(u).scheme in schemes} - {site})


class Recorder:
    """One tab that records, for each page it loads, everything the browser checks look at."""

    def __init__(self, context) -> None:
        self.context = context
        self.page = context.new_page()
        self.seen = Visit("")
        self.finished: list = []
        page = self.page
        page.on("request", lambda request: self.seen.requests.append(request.url))
        page.on("requestfinished", lambda request: self.finished.append(request))
        page.on("requestfailed", lambda request: self.seen.console_errors.append(f"failed: {request.url}"))
        page.on("response", self._response)
        page.on("console", self._console)

    def _response(self, response) -> None:
        if response.status >= 400 and not response.url.endswith("/404.html"):
            self.seen.console_errors.append(f"{response.status}: {response.url}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.seen.console_errors.append(message.text)
        if "Content Security Policy" in message.text:
            self.seen.csp_refusals.append(message.text)

    def load(self, url: str, settle_ms: int = 0, javascript: bool = True) -> Visit:
        """Load `url` until the network is idle (then `settle_ms` more) and return what it showed."""
        self.seen, self.finished = Visit(url), []
        self.page.goto(url, wait_until="networkidle")
        if settle_ms:
            self.page.wait_for_timeout(settle_ms)
        for request in self.finished:
            sizes = request.sizes()
            self.seen.sizes.append(sizes["responseBodySize"] + sizes["responseHeadersSize"])
            self.seen.finished_hosts.add(urlparse(request.url).netloc)
        if javascript:
            self.seen.stored = self.page.evaluate("[localStorage.length, sessionStorage.length]")
        self.seen.cookies = self.context.cookies()
        return self.seen


def visit(browser, url: str, javascript: bool = True, settle_ms: int = 0) -> Visit:
    """Load a page once in a fresh context (a first visit: empty cache, no cookie, no storage) and record it."""
    context = browser.new_context(java_script_enabled=javascript)
    try:
        return Recorder(context).load(url, settle_ms, javascript)
    finally:
        context.close()


def foreign_requests(browser, base: str, paths: list[str], javascript: bool = True) -> dict[str, list[str]]:
    """Load each page and return, per page, the hosts other than the site that the browser contacted."""
    foreign: dict[str, list[str]] = {}
    for path in paths:
        hosts = visit(browser, f"{base}/{path}", javascript).foreign_hosts
        if hosts:
            foreign[path] = hosts
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
SETTLE_MS = 300  # after the network is idle, time for late console errors on the page types checked for them


def visit_all(browser, server: str, history_server: str) -> dict[str, Visit]:
    """Every page of the seeds' site and the history site's archive page, each loaded once (the `visits` fixture of
    conftest.py, for the session): the tests below and in test_browser_visitor.py read their checks from it. Each
    page type in each language (404 and archive included) is a first visit in a fresh context (page weight, late
    console errors); the other pages share one tab, as a visitor browsing the site (a warm cache), recorded the
    same way."""
    typed = [f"{server}/{prefix}{path}" for prefix in LANGS.values() for path in [*PAGE_TYPES.values(), NOT_FOUND]]
    typed += [f"{history_server}/{prefix}{ARCHIVE}" for prefix in LANGS.values()]
    found = {url: visit(browser, url, settle_ms=SETTLE_MS) for url in typed}
    context = browser.new_context()
    try:
        tab = Recorder(context)
        for url in [f"{server}/{path}" for path in ALL_PAGES]:
            if url not in found:
                found[url] = tab.load(url)
    finally:
        context.close()
    return found


def page_type_url(server: str, history_server: str, language: str, kind: str) -> str:
    """The URL of one page type in one language, as `visits` loaded it."""
    prefix = LANGS[language]
    if kind == "archive":
        return f"{history_server}/{prefix}{ARCHIVE}"
    return f"{server}/{prefix}{NOT_FOUND if kind == 'not-found' else PAGE_TYPES[kind]}"


def test_no_request_to_any_third_party(visits: dict[str, Visit]) -> None:
    foreign = {url: seen.foreign_hosts for url, seen in visits.items() if seen.foreign_hosts}
    assert len(visits) >= len(ALL_PAGES) and foreign == {}


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


def test_pages_keep_to_their_security_policy_and_store_nothing(visits: dict[str, Visit]) -> None:
    """The CSP blocks nothing the site needs, and no page leaves a cookie or stored value behind."""
    refused = {url: seen.csp_refusals for url, seen in visits.items() if seen.csp_refusals}
    stored = {url: seen.stored for url, seen in visits.items() if seen.stored != [0, 0]}
    cookies = {url: seen.cookies for url, seen in visits.items() if seen.cookies}
    assert refused == {}, f"the Content-Security-Policy refused: {refused}"
    assert stored == {}, f"[localStorage, sessionStorage] entries left: {stored}"
    assert cookies == {}, f"cookies set: {cookies}"


def test_a_search_stores_nothing(browser, server: str) -> None:
    """Searching (the theme's search worker and its input) leaves no cookie or stored value behind."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{server}/", wait_until="networkidle")
        page.fill("input.md-search__input", "Coopo")
        page.wait_for_timeout(1_000)
        stored = page.evaluate("[localStorage.length, sessionStorage.length]")
        cookies = context.cookies()
    finally:
        context.close()
    assert stored == [0, 0] and cookies == []


@pytest.mark.parametrize("language", LANGS)
def test_page_weight_per_page_type(visits: dict[str, Visit], server: str, history_server: str, language: str) -> None:
    """Requests and bytes a visitor's browser fetches per page type, all from the site (figures in tests/artifacts)."""
    ARTIFACTS.mkdir(exist_ok=True)
    kinds = [*PAGE_TYPES, "archive"] + (["not-found"] if not LANGS[language] else [])
    figures = {}
    for kind in kinds:
        url = page_type_url(server, history_server, language, kind)
        seen = visits[url]  # a fresh context: an empty cache, as a first visit
        assert seen.finished_hosts == {urlparse(url).netloc}, f"{kind}: requests to {seen.finished_hosts}"
        figures[kind] = {"requests": len(seen.sizes), "bytes": sum(seen.sizes)}
    (ARTIFACTS / f"page-weight-{language}.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    light = {kind: f for kind, f in figures.items() if not (f["requests"] > 0 and f["bytes"] > 10_000)}
    assert light == {}, f"pages with no request or under 10 kB: {light}"
