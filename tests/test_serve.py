"""`mkdocs serve` rebuilds the pages when a company file changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, freeze, make_project

pytestmark = pytest.mark.slow  # a live `mkdocs serve`, waited on while it rebuilds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_data_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path, [FIXTURES / "valid" / "minimal.yaml"])
    port = free_port()
    url = f"http://127.0.0.1:{port}/en/minimal/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(lambda: "Mailer Ltd" in fetch(url)), "the site was not served"
        data = project / "data" / "minimal.yaml"
        data.write_text(data.read_text(encoding="utf-8").replace("Mailer Ltd", "Postman GmbH"), encoding="utf-8")
        summaries = ["--summary-fr", "Prestataire", "--summary-en", "Provider", "--date", "2026-01-16"]
        release = [sys.executable, "-m", "privacy_center.cli", "release", "minimal", "--version", "1.1", *summaries]
        subprocess.run(release, cwd=project, check=True, capture_output=True)  # an edit is published by a release
        assert wait_for(lambda: "Postman GmbH" in fetch(url)), "the page was not rebuilt after the data changed"
    finally:
        server.terminate()
        server.wait(timeout=20)


class Served:
    """`mkdocs serve` on a project on a free port; its stderr kept in a file to look for tracebacks."""

    def __init__(self, project: Path) -> None:
        self.port = free_port()
        self.stderr_path = project / "serve-stderr.log"
        self.stderr = self.stderr_path.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            stdout=subprocess.DEVNULL,
            stderr=self.stderr,
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def get(self, path: str, timeout: float = 60.0) -> tuple[int, str, float]:
        """Status, text and seconds taken by one request (an error status still has a page)."""
        start = time.monotonic()
        try:
            with urllib.request.urlopen(self.url(path), timeout=timeout) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        return status, body.decode("utf-8"), time.monotonic() - start

    def log(self) -> str:
        if not self.stderr.closed:
            self.stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.stderr.close()


# The report quotes the data: a value that would be markup shows as text, escaped.
BAD_SLUG = 'slug: "<i>minimal</i>"'
REPORT = "is not a valid slug"
ESCAPED_VALUE = "&#39;&lt;i&gt;minimal&lt;/i&gt;&#39;"


def shows_report(html: str) -> bool:
    """The banner with the report, the data it quotes escaped and never as a tag."""
    return 'class="pc-serve-report"' in html and REPORT in html and ESCAPED_VALUE in html and "<i>minimal" not in html


def test_serve_shows_the_report_while_the_data_is_broken_then_recovers(tmp_path: Path) -> None:
    project = make_project(tmp_path, [FIXTURES / "valid" / "minimal.yaml"])
    data = project / "data" / "minimal.yaml"
    good = data.read_text(encoding="utf-8")
    server = Served(project)
    try:
        assert wait_for(lambda: "Mailer Ltd" in server.get("en/minimal/")[1]), "the site was not served"
        data.write_text(good.replace("slug: minimal", BAD_SLUG), encoding="utf-8")
        assert wait_for(lambda: shows_report(server.get("en/minimal/")[1]), 30), "the report never showed"
        for path in ("", "en/minimal/", "minimal/notice/", "en/no-such-page/"):
            _, html, seconds = server.get(path, timeout=10)
            assert seconds < 2, f"/{path} took {seconds:.1f} s while the data is broken"
            assert shows_report(html), f"/{path} does not show the report"
        status, html, _ = server.get("en/minimal/")
        assert status == 200 and "Mailer Ltd" in html, "the previous good page is not kept under the report"
        data.write_text(good, encoding="utf-8")
        assert wait_for(lambda: "pc-serve-report" not in server.get("en/minimal/")[1], 30), "no recovery"
        assert "Mailer Ltd" in server.get("en/minimal/")[1]
    finally:
        server.stop()
    log = server.log()
    assert "Traceback" not in log, log
    assert log.count(REPORT) == 1, f"the report should be printed once for the one broken rebuild:\n{log}"


def test_serve_starts_on_broken_data_with_the_report_at_every_address(tmp_path: Path) -> None:
    project = make_project(tmp_path, [FIXTURES / "valid" / "minimal.yaml"])
    data = project / "data" / "minimal.yaml"
    good = data.read_text(encoding="utf-8")
    data.write_text(good.replace("slug: minimal", BAD_SLUG), encoding="utf-8")
    server = Served(project)
    try:
        assert wait_for(lambda: server.get("", timeout=10)[0] == 200, 60), "the home page was not served"
        for path in ("", "en/", "minimal/", "en/minimal/", "en/minimal/notice/"):
            _, html, seconds = server.get(path, timeout=10)
            assert seconds < 2, f"/{path} took {seconds:.1f} s"
            assert shows_report(html), f"/{path} does not show the report"
        assert server.get("minimal/")[0] == 200, "no error page at the company's address"
        assert "Erreurs dans les données" in server.get("")[1]
        assert "Data errors" in server.get("en/minimal/")[1]
        data.write_text(good, encoding="utf-8")
        assert wait_for(lambda: "Mailer Ltd" in server.get("en/minimal/")[1], 30), "no recovery"
        assert "pc-serve-report" not in server.get("en/minimal/")[1]
    finally:
        server.stop()
    log = server.log()
    assert "Traceback" not in log, log
    assert log.count(REPORT) == 1, log


def test_an_edit_rechecks_and_rerenders_only_the_changed_company(tmp_path: Path, monkeypatch) -> None:
    """The per-company cache behind the edit loop: the other companies' check and pages are reused as they are,
    and the site equals one built from scratch."""
    from datetime import date

    from privacy_center.site import build as site

    data = tmp_path / "data"
    data.mkdir()
    (data / "full.yaml").write_bytes((FIXTURES / "valid" / "full.yaml").read_bytes())
    freeze(data)
    draft = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace('"2026-01-15"', "not_stated")
    (data / "minimal.yaml").write_text(draft, encoding="utf-8")  # a draft, never released: edits need no release
    checked: list[str] = []
    check_company = site.check_company

    def counted(path: Path, *rest: Any) -> site.CompanyBuild:
        checked.append(path.name)
        return check_company(path, *rest)

    monkeypatch.setattr(site, "check_company", counted)
    monkeypatch.setattr(site, "_companies", {})
    monkeypatch.setattr(site, "_cache", {})

    def build() -> site.Site:
        checked.clear()
        return site.build_site(data, ["fr", "en"], "fr", today=date(2026, 1, 1))

    first = build()
    assert sorted(checked) == ["full.yaml", "minimal.yaml"]
    minimal = data / "minimal.yaml"
    good = minimal.read_text(encoding="utf-8")
    minimal.write_text(good.replace("Mailer Ltd", "Postman GmbH"), encoding="utf-8")
    edited = build()
    assert checked == ["minimal.yaml"], "an unchanged company was checked again"
    full_pages = [page for page in first.pages if page.path.startswith("full/")]
    assert full_pages and all(any(page is again for again in edited.pages) for page in full_pages), (
        "an unchanged company's pages were rendered again"
    )
    assert any("Postman GmbH" in page.content for page in edited.pages)
    site._companies.clear()
    site._cache.clear()
    assert build() == edited, "the cached build differs from a build from scratch"

    frozen = data / "versions" / "minimal"
    frozen.mkdir(parents=True)
    (frozen / "1.0.yaml").write_text(minimal.read_text(encoding="utf-8"), encoding="utf-8")
    build()
    assert checked == ["minimal.yaml"], "a new frozen version did not re-check its company (only it)"

    minimal.write_text(good.replace("slug: minimal", BAD_SLUG), encoding="utf-8")
    try:
        build()
    except site.SiteDataError as error:
        assert REPORT in str(error)
    else:
        raise AssertionError("broken data built")
    assert checked == ["minimal.yaml"]


def test_a_serve_rebuild_equals_a_fresh_build(tmp_path: Path, monkeypatch) -> None:
    """What a serve rebuild reuses (each company's check and pages, each page's Markdown conversion, the compiled
    theme) gives the same site, byte for byte, as a build from scratch of the same data."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from privacy_center.site import build as site
    from privacy_center.site import serving

    (tmp_path / "project").mkdir()
    project = make_project(
        tmp_path / "project", [FIXTURES / "valid" / "minimal.yaml", FIXTURES / "valid" / "full.yaml"]
    )
    data = project / "data" / "minimal.yaml"
    good = data.read_text(encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def build_into(folder: Path, fresh: bool) -> None:
        if fresh:
            monkeypatch.setattr(site, "_companies", {})
            monkeypatch.setattr(site, "_cache", {})
            monkeypatch.setattr(serving, "RENDERED", serving.RenderCache())
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(folder))
        config.site_url = "http://127.0.0.1:8000/"
        if fresh:
            config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")

    data.write_text(good.replace("Mailer Ltd", "Postman GmbH"), encoding="utf-8")
    build_into(tmp_path / "rebuilt", fresh=True)
    data.write_text(good, encoding="utf-8")
    build_into(tmp_path / "rebuilt", fresh=False)  # the rebuild after an edit, reusing what did not change
    build_into(tmp_path / "fresh", fresh=True)
    rebuilt = {
        p.relative_to(tmp_path / "rebuilt"): p.read_bytes() for p in (tmp_path / "rebuilt").rglob("*") if p.is_file()
    }
    fresh = {p.relative_to(tmp_path / "fresh"): p.read_bytes() for p in (tmp_path / "fresh").rglob("*") if p.is_file()}
    assert sorted(rebuilt) == sorted(fresh)
    differ = [str(path) for path in fresh if rebuilt[path] != fresh[path]]
    assert not differ, f"a rebuild differs from a fresh build in {differ}"
    assert b"Mailer Ltd" in fresh[Path("en/minimal/index.html")]


def test_serve_keeps_watching_after_the_data_folder_is_moved_away_and_back(tmp_path: Path) -> None:
    """Issue 22, item 11: watchdog stops watching a folder that disappears; the hook watches it again when it is
    back, so a file broken afterwards shows the report instead of the old pages."""
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", [FIXTURES / "valid" / "minimal.yaml"])
    data = project / "data"
    server = Served(project)
    try:
        assert wait_for(lambda: "Mailer Ltd" in server.get("en/minimal/")[1]), "the site was not served"
        data.rename(tmp_path / "away")
        assert wait_for(lambda: "was moved away or deleted" in server.log(), 30), server.log()
        (tmp_path / "away").rename(data)
        assert wait_for(lambda: "is back: watching it again" in server.log(), 30), server.log()
        assert wait_for(lambda: "Mailer Ltd" in server.get("en/minimal/")[1], 30), "not rebuilt once back"
        good = (data / "minimal.yaml").read_text(encoding="utf-8")
        (data / "minimal.yaml").write_text(good.replace("slug: minimal", BAD_SLUG), encoding="utf-8")
        assert wait_for(lambda: shows_report(server.get("en/minimal/")[1]), 30), "the edit after the move was not seen"
    finally:
        server.stop()
    assert "Traceback" not in server.log(), server.log()


def test_serve_previews_unreleased_edits_under_a_banner(tmp_path: Path) -> None:
    """An edit to a released company is shown by `mkdocs serve` at once, under a banner that says it is not yet a
    version and gives the release command (validate and mkdocs build still refuse it); the release removes it."""
    project = make_project(tmp_path, [FIXTURES / "valid" / "minimal.yaml"])
    data = project / "data" / "minimal.yaml"
    server = Served(project)
    try:
        assert wait_for(lambda: "Mailer Ltd" in server.get("en/minimal/")[1]), "the site was not served"
        data.write_text(data.read_text(encoding="utf-8").replace("Mailer Ltd", "Postman GmbH"), encoding="utf-8")
        assert wait_for(lambda: "Postman GmbH" in server.get("en/minimal/notice/")[1], 30), "the edit is not shown"
        _, html, _ = server.get("en/minimal/notice/")
        assert 'class="pc-serve-report"' in html and "Unreleased edits" in html
        assert "minimal differs from its frozen version 1.0 (changed: recipients)" in html
        assert "privacy-center release minimal --version 1.1" in html
        assert "Modifications non publiées" in server.get("minimal/")[1]
        summaries = ["--summary-fr", "Prestataire", "--summary-en", "Provider", "--date", "2026-01-16"]
        release = [sys.executable, "-m", "privacy_center.cli", "release", "minimal", "--version", "1.1", *summaries]
        subprocess.run(release, cwd=project, check=True, capture_output=True)
        assert wait_for(lambda: "pc-serve-report" not in server.get("en/minimal/notice/")[1], 30), "banner stays"
    finally:
        server.stop()
    assert "Traceback" not in server.log(), server.log()
