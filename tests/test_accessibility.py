"""Accessible, valid HTML, proven in a real browser: axe-core on every page type, the Nu HTML Checker on every page,
and a language switcher that keeps the visitor on the same page."""

from __future__ import annotations

import collections
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT
from test_browser import ARCHIVE, ARTIFACTS, CHROMIUM, NOT_FOUND, PAGE_TYPES
from test_site import LANGS

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
pytestmark = pytest.mark.slow  # Chromium, axe-core and the Java HTML checker on two built sites
needs_axe = pytest.mark.skipif(
    not AXE.is_file(), reason="node_modules/axe-core is missing: run `npm ci` (.ci/run does)"
)

AXE_PAGES = (
    [
        pytest.param("site", f"{prefix}{path}", id=f"{language}-{name}")
        for language, prefix in LANGS.items()
        for name, path in PAGE_TYPES.items()
    ]
    + [pytest.param("site", NOT_FOUND, id="fr-not-found")]
    + [pytest.param("history", f"{prefix}{ARCHIVE}", id=f"{language}-archive") for language, prefix in LANGS.items()]
)
FAILING_IMPACTS = ("serious", "critical")

# Serious or critical axe findings that come from mkdocs-material's own markup AND cannot be fixed from this project
# (templates, overrides/, docs/assets/privacy-center.css): {(rule id, first target selector): why}. Empty on purpose:
# each entry needs a reason here, and anything our side can fix is fixed instead.
AXE_ALLOWED: dict[tuple[str, str], str] = {}

# Nu HTML Checker errors in markup that mkdocs-material writes and this project cannot change without forking a theme
# template: (message substring, substring of the offending markup, why it is the theme's). Matched on both, so the
# same error in our own markup still fails.
VNU_ALLOWED: list[tuple[str, str, str]] = [
    (
        "The empty string is not a valid integer",
        'class="md-nav__link',
        # material/templates/partials/nav-item.html: `{% set tabindex = "0" if not is_section %}` then
        # `tabindex="{{ tabindex }}"`, so with the navigation.sections feature every section label gets tabindex="".
        # Browsers ignore it (no effect on keyboard order); fixing it means forking nav-item.html or dropping the
        # feature.
        "theme: section labels of the navigation (partials/nav-item.html)",
    ),
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        'class="md-toggle"',
        # material/templates/base.html writes the drawer and search toggles as
        # <input type="checkbox" autocomplete="off">
        # outside any block; only a fork of base.html could drop the attribute.
        "theme: the hidden #__drawer and #__search checkbox toggles (base.html)",
    ),
    (
        "must be the ID of a non-hidden form control",
        'for="__toc"',
        # material/templates/partials/toc.html labels the table of contents for="__toc", but nav-item.html only writes
        # <input id="__toc"> for a page that is not a section index (navigation.indexes), e.g. a company's overview.
        "theme: table-of-contents title on section index pages (partials/toc.html)",
    ),
]


def axe_violations(browser, url: str) -> list[dict]:
    """Load the page as a visitor would, inject axe-core and return its violations (every impact)."""
    # The pages' Content-Security-Policy only allows the theme's own inline scripts, and add_script_tag injects an
    # inline one: bypass the policy for the checker only (it does not change what axe sees).
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        page.add_script_tag(path=str(AXE))
        return page.evaluate("""async () => {
            const results = await axe.run(document, {resultTypes: ['violations']});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ')), html: v.nodes.map(n => n.html),
                summary: v.nodes[0] ? v.nodes[0].failureSummary : ''}));
        }""")
    finally:
        context.close()


@needs_chromium
@needs_axe
@pytest.mark.parametrize("which,path", AXE_PAGES)
def test_axe_finds_no_serious_violation(
    browser, server: str, which: str, path: str, request: pytest.FixtureRequest
) -> None:
    """Each page type passes axe-core with no serious or critical violation, in both languages."""
    base = server if which == "site" else request.getfixturevalue("history_server")
    violations = axe_violations(browser, f"{base}/{path}")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{request.node.callspec.id}.json").write_text(json.dumps(violations, indent=2), encoding="utf-8")
    failing = [
        (v["id"], v["impact"], v["help"], v["targets"][0] if v["targets"] else "")
        for v in violations
        if v["impact"] in FAILING_IMPACTS and (v["id"], v["targets"][0] if v["targets"] else "") not in AXE_ALLOWED
    ]
    counts = dict(collections.Counter(v["impact"] for v in violations))
    assert failing == [], f"axe on /{path} (all impacts: {counts}):\n" + "\n".join(map(str, failing))


def vnu_command(*paths: Path) -> list[str]:
    """The Nu HTML Checker over whole folders, errors only, JSON on stdout."""
    return [
        JAVA or "java",
        "-jar",
        str(VNU),
        "--format",
        "json",
        "--errors-only",
        "--skip-non-html",
        "--stdout",
        *map(str, paths),
    ]


@pytest.fixture(scope="module")
def vnu_messages(site: Path, history_site: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """Every error the Nu HTML Checker reports on both built sites and on a deliberately broken canary page."""
    if JAVA is None:
        pytest.skip("no Java runtime: the Nu HTML Checker needs one (.ci/run installs default-jre-headless)")
    if not VNU.is_file():
        pytest.skip("node_modules/vnu-jar/build/dist/vnu.jar is missing: run `npm ci` (.ci/run does)")
    canary = tmp_path_factory.mktemp("vnu-canary")
    (canary / "canary.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>canary</title></head><body><img src="x.png"></body></html>',
        encoding="utf-8",
    )
    # one invocation for everything: the JVM takes seconds to start
    result = subprocess.run(vnu_command(site, history_site, canary), capture_output=True, text=True, timeout=600)
    assert result.stdout.strip(), f"the checker printed no report (exit {result.returncode}): {result.stderr}"
    messages = json.loads(result.stdout)["messages"]
    roots = {"site": site, "history": history_site, "canary": canary}
    for message in messages:  # file:/tmp/.../site0/coopo/index.html -> site:coopo/index.html
        path = Path(urlparse(message.get("url", "")).path)
        message["page"] = next(
            (
                f"{name}:{path.relative_to(root).as_posix()}"
                for name, root in roots.items()
                if path.is_relative_to(root)
            ),
            message.get("url", ""),
        )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "vnu.json").write_text(json.dumps(messages, indent=2, ensure_ascii=False), encoding="utf-8")
    return messages


def allowed(message: dict) -> bool:
    """Whether a checker error is theme markup listed in VNU_ALLOWED."""
    return any(
        text in message.get("message", "") and markup in message.get("extract", "") for text, markup, _ in VNU_ALLOWED
    )


def test_the_html_checker_reports_an_invalid_page(vnu_messages: list[dict]) -> None:
    """The canary proves the checker ran and parsed its report: an image without alt text is an error."""
    assert any(m["page"] == "canary:canary.html" and "alt" in m["message"] for m in vnu_messages), vnu_messages[:3]


def test_every_page_is_valid_html(vnu_messages: list[dict]) -> None:
    """Every built page of both sites is valid HTML, apart from the theme's listed markup."""
    errors = [
        m
        for m in vnu_messages
        if not m["page"].startswith("canary:") and m.get("type") in ("error", "non-document-error") and not allowed(m)
    ]
    listed = "\n".join(
        f"{m['page']}:{m.get('lastLine', '?')}: {m['message']} | {m.get('extract', '').strip()[:160]}"
        for m in errors[:40]
    )
    assert errors == [], f"{len(errors)} HTML errors, first ones:\n{listed}"


@needs_chromium
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("path", ["", "coopo/notice/", "coopo/rights/"], ids=["home", "notice", "rights"])
def test_language_switcher_keeps_the_page(browser, server: str, path: str, javascript: bool) -> None:
    """The language selector leads from a French page to the same page in English, and back."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(f"{server}/{path}", wait_until="networkidle")
        for language, expected in (("en", f"/en/{path}"), ("fr", f"/{path}")):
            page.hover(".md-select")  # the list of languages opens on hover (or focus), as for a visitor
            page.click(f'.md-select__link[hreflang="{language}"]')
            page.wait_for_url(f"{server}{expected}")
            page.wait_for_load_state("networkidle")
            assert urlparse(page.url).path == expected
            assert page.get_attribute("html", "lang") == language
    finally:
        context.close()
