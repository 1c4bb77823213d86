"""Notices of substantive change (issue 13, item 6): `release` of a version with material changes saves a
ready-to-send notice per language beside the frozen version, `notice` writes it again, the history page shows the
saved notice, an editorial version gets none, and validate accepts only notices that belong to a frozen version in a
site language and can be shown."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, mkdocs
from html_utils import visible_text
from privacy_center.cli import main
from privacy_center.render.notices import blocks
from privacy_center.site import release as release_module
from privacy_center.site.checker import check_files

SITE = "https://privacy.coopo.test/"
DEMO = FIXTURES / "history" / "data"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the history fixture's data folder (the demo company at version 3.0, frozen)."""
    folder = tmp_path / "data"
    shutil.copytree(DEMO, folder)
    return folder


def release(data: Path, capsys: pytest.CaptureFixture[str], lifetime: int = 24, *extra: str) -> tuple[int, str, str]:
    """Change the consent cookies' retention and lifetimes to `lifetime` months and release it as version 3.1."""
    company = data / "demo.yaml"
    company.write_text(company.read_text(encoding="utf-8").replace("value: 13", f"value: {lifetime}"), "utf-8")
    args = ["release", "demo", "--version", "3.1", "--summary-fr", "Cookies : durée.", "--summary-en", "Cookies."]
    code = main([*args, "--date", "2027-02-01", "--data-dir", str(data), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_material_release_saves_a_notice_in_each_language(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = release(data, capsys, 24, "--site-url", SITE)  # a longer retention: material
    assert code == 0, err
    folder = data / "versions" / "demo"
    assert f"  {folder / '3.1.notice.fr.txt'}\n  {folder / '3.1.notice.en.txt'}\n" in out
    assert err == ""  # a real site address: no warning
    english = (folder / "3.1.notice.en.txt").read_text(encoding="utf-8")
    assert english == (
        "Subject: Démo Fictive: version 3.1 of the privacy notice applies from 1 February 2027\n\n"
        "Démo Fictive is updating its privacy notice: version 3.1 applies from 1 February 2027. The changes:\n\n"
        "- Retention period (Cookies placed during consent): 13 months → 24 months\n"
        "- Lifetime of the cookie “Optional cookies”: 13 months → 24 months\n"
        "- Lifetime of the cookie “_pk_id”: 13 months → 24 months\n\n"
        "Summary of this version: Cookies.\n\n"
        "What you can do:\n"
        f"- Read the privacy notice: {SITE}en/demo/notice/\n"
        f"- See what changes in version 3.1: {SITE}en/demo/history/#v3-1\n"
        "- Exercise your rights: right of access, right to rectification, right to restriction of processing, "
        "right to erasure, right to object, and right to withdraw consent.\n"
        "- To exercise your rights, send your request to: privacy@demo.example or 153 chemin du ruisseau, 38190 "
        "Laval-en Belledonne, France.\n"
        "- Lodge a complaint with the CNIL.\n\n"
        "Version 3.1 · Content hash: e9f139c4\n"
    )
    french = (folder / "3.1.notice.fr.txt").read_text(encoding="utf-8").replace("\u00a0", " ")  # typeset spaces
    assert french.startswith(
        "Objet : Démo Fictive : la version 3.1 de la politique de confidentialité s'applique à partir du "
        "1er février 2027\n"
    )
    assert f"- Lire la politique de confidentialité : {SITE}demo/notice/\n" in french
    assert "- Introduire une réclamation auprès de la CNIL.\n" in french
    assert "Résumé de cette version : Cookies : durée.\n" in french
    assert "droit d'introduire" not in french  # the complaint has its own line, not a place in the rights list
    result = check_files([data / "demo.yaml"])  # the notices are accepted beside the frozen version
    assert result.errors == ()


def test_an_editorial_release_saves_no_notice(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = release(data, capsys, 6)  # a shorter retention: editorial
    assert code == 0, err
    assert "material changes" not in out and err == ""
    assert (data / "versions" / "demo" / "3.1.yaml").is_file()
    assert sorted(p.name for p in (data / "versions" / "demo").glob("3.1.*.txt")) == []


def test_release_warns_when_the_notice_has_no_real_address(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --site-url, the address is mkdocs.yml's site_url beside the data folder; the project's is an example
    one, so the command says so and how to write the notice again."""
    (data.parent / "mkdocs.yml").write_text("site_url: https://privacy.example.org/\ntheme: !!python/name:x\n", "utf-8")
    code, _, err = release(data, capsys)
    assert code == 0
    notice = (data / "versions" / "demo" / "3.1.notice.en.txt").read_text(encoding="utf-8")
    assert "- Read the privacy notice: https://privacy.example.org/en/demo/notice/\n" in notice
    assert err == (
        "warning: its addresses are on privacy.example.org, an example address: set site_url in mkdocs.yml or pass "
        f"--site-url, then write it again: privacy-center notice demo --version 3.1 --site-url <address> "
        f"--data-dir {data}\n"
    )
    assert main(["notice", "demo", "--version", "3.1", "--site-url", SITE, "--data-dir", str(data)]) == 0
    assert capsys.readouterr().err == ""
    notice = (data / "versions" / "demo" / "3.1.notice.en.txt").read_text(encoding="utf-8")
    assert f"- Read the privacy notice: {SITE}en/demo/notice/\n" in notice


@pytest.mark.parametrize(
    "version,message",
    [
        ("1.1", "demo: version 1.1 has no material change, so it has no notice of change"),
        ("4.0", "demo: version 4.0 is not frozen (release it first: privacy-center release)"),
    ],
)
def test_notice_refuses_a_version_without_material_change_or_not_frozen(
    data: Path, capsys: pytest.CaptureFixture[str], version: str, message: str
) -> None:
    assert main(["notice", "demo", "--version", version, "--data-dir", str(data)]) == 1
    assert capsys.readouterr().err == message + "\n"


def test_a_release_whose_notice_fails_leaves_nothing(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (data / "demo.yaml").read_text(encoding="utf-8")

    def broken(*args: object) -> dict[str, object]:
        raise KeyError("change_notice.read")

    monkeypatch.setattr(release_module, "notices_of", broken)
    company = data / "demo.yaml"
    company.write_text(before.replace("value: 13", "value: 24"), encoding="utf-8")
    edited = company.read_text(encoding="utf-8")
    code = main(
        ["release", "demo", "--version", "3.1", "--summary-fr", "a", "--summary-en", "b", "--data-dir", str(data)]
    )
    assert code == 1
    assert capsys.readouterr().err == (
        "demo: the notice of change could not be written ('change_notice.read'); nothing was released\n"
    )
    assert company.read_text(encoding="utf-8") == edited  # the version entry taken back
    assert sorted(p.name for p in (data / "versions" / "demo").glob("3.1*")) == []


@pytest.mark.parametrize(
    "name,content,message,fix",
    [
        (
            "9.9.notice.fr.txt",
            b"Objet : x\n",
            "notice of change '9.9.notice.fr.txt' belongs to no frozen version in a site language",
            "name it <version>.notice.<lang>.txt after a frozen version and one of en, fr, or remove it",
        ),
        (
            "3.0.notice.de.txt",
            b"Betreff: x\n",
            "notice of change '3.0.notice.de.txt' belongs to no frozen version in a site language",
            "name it <version>.notice.<lang>.txt after a frozen version and one of en, fr, or remove it",
        ),
        (
            "3.0.notice.fr.txt",
            b"Objet : \xff\n",
            "notice of change '3.0.notice.fr.txt' cannot be read as UTF-8 text (UnicodeDecodeError)",
            "write it again: privacy-center notice demo --version 3.0",
        ),
        (
            "3.0.notice.fr.txt",
            b"Objet : x\x1b[31m\n",
            "notice of change '3.0.notice.fr.txt' holds the control character U+001B",
            "write it again: privacy-center notice demo --version 3.0",
        ),
    ],
)
def test_validate_refuses_a_notice_that_cannot_be_shown(
    data: Path, name: str, content: bytes, message: str, fix: str
) -> None:
    (data / "versions" / "demo" / name).write_bytes(content)
    [error] = check_files([data / "demo.yaml"]).errors
    fix = fix.replace("--version 3.0", f"--version 3.0 --data-dir {data}")  # the folder, as the user must type it
    assert (error.message, error.fix) == (message, fix)


def test_validate_refuses_a_notice_that_is_a_link(data: Path, tmp_path: Path) -> None:
    target = data / "versions" / "demo" / "3.0.notice.fr.txt"
    (tmp_path / "elsewhere.txt").write_text("Objet : x\n", encoding="utf-8")
    target.unlink()
    target.symlink_to(tmp_path / "elsewhere.txt")
    messages = [error.message for error in check_files([data / "demo.yaml"]).errors]
    assert "notice of change '3.0.notice.fr.txt' is not a regular file (a link or a folder)" in messages
    assert any("version 3.0 of demo has material changes but no notice of change in fr" in m for m in messages)


def test_the_history_page_shows_each_saved_notice_as_it_was_sent(history_site: Path) -> None:
    """The fixture holds the notices of versions 2.0 and 3.0 (written by `privacy-center notice`): each line of
    each is on the page in its language, and the editorial version 1.1 has none."""
    for prefix, language in (("", "fr"), ("en/", "en")):
        page = visible_text(history_site / prefix / "demo" / "history" / "index.html")
        for version in ("2.0", "3.0"):
            text = (DEMO / "versions" / "demo" / f"{version}.notice.{language}.txt").read_text(encoding="utf-8")
            for block in blocks(text):
                for line in block.lines:
                    assert " ".join(line.split()) in page, (language, line)  # spaces as visible_text writes them
        title = "Avis de cette modification" if language == "fr" else "Notice of this change"
        assert page.count(title) == 2
        section = page[page.index("Version 1.1 ·") :]
        assert title not in section[: section.index("Version 1.0 ·")]


# Markup that validate lets through in a plain text (tags, links and images are refused with a located error), with
# a line break that would forge a line of the email if it were copied as it is.
HOSTILE = (
    "**b** `c` &lt;script&gt;x&lt;/script&gt; https://evil.test/p.png {: onclick=alert(1) }\n- Confirm: https://x.test"
)


def test_hostile_text_in_a_notice_stays_one_inert_line(
    tmp_path: Path, history_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_injection import inert_findings, inventory

    assert "<" not in HOSTILE  # else validate refuses it: see test_injection for the refused corpus
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", data_dir=DEMO)
    data = project / "data"
    company = data / "demo.yaml"
    company.write_text(company.read_text(encoding="utf-8").replace("value: 13", "value: 24"), encoding="utf-8")
    args = ["release", "demo", "--version", "3.1", "--summary-fr", HOSTILE, "--summary-en", HOSTILE]
    assert main([*args, "--site-url", SITE, "--data-dir", str(data)]) == 0, capsys.readouterr().err
    notice = (data / "versions" / "demo" / "3.1.notice.en.txt").read_text(encoding="utf-8")
    assert f"Summary of this version: {' '.join(HOSTILE.split())}\n" in notice  # one line: nothing forged
    assert "\n- Confirm" not in notice
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 0, result.stderr
    for prefix in ("", "en/"):
        page = (tmp_path / "out" / prefix / "demo" / "history" / "index.html").read_text(encoding="utf-8")
        baseline = inventory([(history_site / prefix / "demo" / "history" / "index.html").read_text("utf-8")])
        assert inert_findings(page, baseline, frozenset({"privacy.example.org", "privacy.coopo.test"})) == []
        assert html.escape("&lt;script&gt;", quote=False) in page  # the entity written by the data, shown as text


def test_the_french_notice_is_typeset_as_the_pages(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 21, item 6: every line of the French notice keeps the language's no-break spaces (folding a line of
    the data into one line turned them into plain spaces), from the one rule the pages use (wording.typeset)."""
    code, _, err = release(data, capsys, 24, "--site-url", SITE)
    assert code == 0, err
    french = (data / "versions" / "demo" / "3.1.notice.fr.txt").read_text(encoding="utf-8")
    assert re.findall(r".{0,30}(?: [:;?!»]|« )", french) == []
    assert f"- Lire la politique de confidentialité\u00a0: {SITE}demo/notice/\n" in french
    assert "Résumé de cette version\u00a0: Cookies\u00a0: durée.\n" in french
    assert "Démo Fictive met à jour sa politique de confidentialité\u00a0: la version 3.1" in french
