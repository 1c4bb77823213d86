"""Notices of substantive change (issue 13, item 6): `release` of a version with material changes saves a
ready-to-send notice per language beside the frozen version, the history page shows it, an editorial version gets
none, and validate accepts only notices that belong to a frozen version in a site language."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES
from html_utils import visible_text
from privacy_center.checker import check_files, default_context
from privacy_center.cli import main
from privacy_center.notices import change_notice
from privacy_center.publish import in_force_day
from privacy_center.site import check_company
from privacy_center.wording import load_wording

SITE = "https://privacy.example.org/"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the history fixture's data folder (the demo company at version 3.0, frozen)."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "history" / "data", folder)
    return folder


def release(data: Path, lifetime: int, capsys: pytest.CaptureFixture[str]) -> str:
    """Change the consent cookies' retention and lifetimes to `lifetime` months and release it as version 3.1."""
    company = data / "demo.yaml"
    company.write_text(company.read_text(encoding="utf-8").replace("value: 13", f"value: {lifetime}"), "utf-8")
    args = ["release", "demo", "--version", "3.1", "--summary-fr", "Cookies : durée.", "--summary-en", "Cookies."]
    code = main([*args, "--date", "2027-02-01", "--site-url", SITE, "--data-dir", str(data)])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_a_material_release_saves_a_notice_in_each_language(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = release(data, 24, capsys)  # a longer retention: material
    folder = data / "versions" / "demo"
    assert f"  {folder / '3.1.notice.fr.txt'}\n  {folder / '3.1.notice.en.txt'}\n" in out
    english = (folder / "3.1.notice.en.txt").read_text(encoding="utf-8")
    assert english.startswith(
        "Subject: Démo Fictive: our privacy notice changes on 1 February 2027\n\n"
        "Démo Fictive is updating its privacy notice: version 3.1 applies from 1 February 2027. It changes what is "
        "done with your personal data:\n\n"
        "- Retention period (Cookies placed during consent): 13 months → 24 months\n"
        "- Lifetime of the cookie “Optional cookies”: 13 months → 24 months\n"
        "- Lifetime of the cookie “_pk_id”: 13 months → 24 months\n\n"
        "In the company's words: Cookies.\n\n"
        "What you can do:\n"
        f"- Read the new notice: {SITE}en/demo/notice/\n"
        f"- See every change since the previous version: {SITE}en/demo/history/#v3-1\n"
        "- Exercise your rights: right of access, right to rectification, right to restriction of processing, "
        "right to erasure, right to object, right to lodge a complaint, and right to withdraw consent.\n"
        "- To do so, write to privacy@demo.example or 153 chemin du ruisseau, 38190 Laval-en Belledonne, France.\n"
        "- Lodge a complaint with the CNIL.\n\n"
        "Version 3.1 · Content hash: "
    ), english
    french = (folder / "3.1.notice.fr.txt").read_text(encoding="utf-8")
    french = french.replace("\u00a0", " ")  # French typesetting: a no-break space before a colon
    assert french.startswith("Objet : Démo Fictive : notre politique de confidentialité change le 1er février 2027\n")
    assert f"- Lire la nouvelle politique : {SITE}demo/notice/\n" in french
    assert "- Introduire une réclamation auprès de la CNIL.\n" in french
    assert "Selon l'entreprise : Cookies : durée.\n" in french
    result = check_files([data / "demo.yaml"])  # the notices are accepted beside the frozen version
    assert (result.errors, [w for w in result.warnings if "notice" in w.message]) == ((), [])


def test_an_editorial_release_saves_no_notice(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = release(data, 6, capsys)  # a shorter retention: editorial
    assert "material changes" not in out
    assert (data / "versions" / "demo" / "3.1.yaml").is_file()
    assert sorted(p.name for p in (data / "versions" / "demo").glob("*.txt")) == []


@pytest.mark.parametrize(
    "name,fix",
    [
        ("9.9.notice.fr.txt", "name it <version>.notice.<lang>.txt after a frozen version and one of en, fr"),
        ("3.0.notice.de.txt", "name it <version>.notice.<lang>.txt after a frozen version and one of en, fr"),
    ],
)
def test_validate_refuses_a_notice_of_no_frozen_version_or_language(data: Path, name: str, fix: str) -> None:
    (data / "versions" / "demo" / name).write_text("Subject: x\n", encoding="utf-8")
    [error] = check_files([data / "demo.yaml"]).errors
    assert error.message == f"notice of change '{name}' belongs to no frozen version in a site language"
    assert error.fix == f"{fix}, or remove it"


def test_the_history_page_shows_the_notice_of_each_material_version(history_site: Path) -> None:
    build = check_company(
        FIXTURES / "history" / "data" / "demo.yaml", default_context(), (), ["fr", "en"], "fr", in_force_day()
    )
    for prefix, language in (("", "fr"), ("en/", "en")):
        words = load_wording(language)
        page = visible_text(history_site / prefix / "demo" / "history" / "index.html")
        for entry in build.changelog:
            notice = change_notice(entry, words, "fr", SITE)
            if not entry.material:
                assert notice is None, entry.version.version  # 1.0 (first) and 1.1 (editorial only)
                continue
            assert notice is not None
            subject = f"{words('change_notice.subject_label')}{words('punct.colon')}{notice.subject}"
            for line in (subject, notice.intro, *notice.changes, notice.summary, *notice.actions, notice.footer):
                assert " ".join(line.split()) in page, (language, line)  # spaces as visible_text writes them
        assert page.count(words("change_notice.title")) == 2  # versions 2.0 and 3.0


# Markup that validate lets through in a plain text (tags, links and images are refused with a located error)
HOSTILE = (
    "**b** `c` &lt;script&gt;x&lt;/script&gt; https://evil.test/p.png {: onclick=alert(1) } javascript&colon;x [^1]"
)


def test_the_notice_on_the_history_page_keeps_hostile_text_inert(tmp_path: Path, history_site: Path) -> None:
    """The version summary (free text, outside the content hash) quoted by the notice: shown as text, adding
    nothing to the page that the templates did not write."""
    from conftest import make_project, mkdocs
    from test_injection import inert_findings, inventory

    assert "<" not in HOSTILE  # else validate refuses it: see test_injection for the refused corpus

    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", data_dir=FIXTURES / "history" / "data")
    company = project / "data" / "demo.yaml"
    text = company.read_text(encoding="utf-8")
    last = text.rindex("  summary:")
    head, tail = text[:last], text[last:]
    tail = re.sub(r"(\n\s+(fr|en): ).*", lambda m: m.group(1) + json.dumps(HOSTILE), tail, count=2)
    company.write_text(head + tail, encoding="utf-8")
    assert check_files([company]).errors == ()
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 0, result.stderr
    for prefix in ("", "en/"):
        page = (tmp_path / "out" / prefix / "demo" / "history" / "index.html").read_text(encoding="utf-8")
        baseline = inventory([(history_site / prefix / "demo" / "history" / "index.html").read_text("utf-8")])
        assert inert_findings(page, baseline, frozenset({"privacy.example.org"})) == []
        shown = visible_text(tmp_path / "out" / prefix / "demo" / "history" / "index.html")
        # as text (its entities read as characters, as everywhere on the site): the table, the version, the notice
        assert shown.count(html.unescape(HOSTILE)) == 3
