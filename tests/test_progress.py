"""Progress on a terminal: a bar and a closing line with each stage's time when many files are checked or built,
nothing when the output is not a terminal (logs, pipes) or the files are few."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from privacy_center.site.checker import check_files
from privacy_center.source.progress import MIN_FILES, Stages, bar, report

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # the bar's cursor moves and erasures


def closing_line(shown: str) -> str:
    return ANSI.sub("", shown).strip().splitlines()[-1]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def company_files(folder: Path, count: int) -> list[Path]:
    """`count` valid company files: copies of coopo.yaml under their own slugs."""
    text = (ROOT / "data" / "coopo.yaml").read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        path = folder / f"coopo-{index:03d}.yaml"
        path.write_text(text.replace("\nslug: coopo\n", f"\nslug: coopo-{index:03d}\n"), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_check_of_many_files_on_a_terminal_shows_progress_and_stages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    result = check_files(company_files(tmp_path, MIN_FILES))
    assert result.errors == ()
    shown = terminal.getvalue()
    assert "checking company files" in shown  # the bar, drawn at least once
    closing = closing_line(shown)
    stages = r"load \d+\.\d\d s, check \d+\.\d\d s, frozen versions \d+\.\d\d s"
    assert re.fullmatch(rf"check: {MIN_FILES} files in \d+\.\d\d s \({stages}\)", closing), closing


def test_nothing_when_not_on_a_terminal_or_few_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = io.StringIO()
    monkeypatch.setattr("sys.stderr", log)
    check_files(company_files(tmp_path, MIN_FILES))
    assert log.getvalue() == ""
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    few = tmp_path / "few"
    few.mkdir()
    check_files(company_files(few, MIN_FILES - 1))
    assert terminal.getvalue() == ""


def test_stages_add_up_and_keep_their_order() -> None:
    stages = Stages()
    for stage in ("load", "check", "load"):
        with stages.timing(stage):
            pass
    assert list(stages.seconds) == ["load", "check"]
    terminal = Terminal()
    with bar(MIN_FILES, "work", terminal) as advance:
        for _ in range(MIN_FILES):
            advance()
    report("work", MIN_FILES, 0.0, stages, terminal)
    assert re.fullmatch(
        r"work: 20 files in \d+\.\d\d s \(load \d\.\d\d s, check \d\.\d\d s\)", closing_line(terminal.getvalue())
    )


def test_a_build_of_many_companies_on_a_terminal_reports_its_stages(tmp_path: Path) -> None:
    """The hook's check and render of the companies, as `mkdocs build` runs it on a terminal."""
    import subprocess
    import sys

    from conftest import make_project

    project = make_project(tmp_path)
    company_files(project / "data", MIN_FILES)
    shutil.rmtree(project / "data" / "versions", ignore_errors=True)
    script = (
        "import io, sys\n"
        "class T(io.StringIO):\n"
        "    def isatty(self): return True\n"
        "sys.stderr = T()\n"
        "from pathlib import Path\n"
        "from privacy_center.site.build import build_site\n"
        "build_site(Path('data'), ['fr', 'en'], 'fr')\n"
        "sys.__stdout__.write(sys.stderr.getvalue())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    closing = closing_line(done.stdout)
    assert closing.startswith(f"companies checked and rendered: {MIN_FILES} files in "), closing
    assert "render " in closing and "load " in closing


def test_mkdocs_build_on_a_terminal_shows_page_progress_and_the_stages(tmp_path: Path) -> None:
    """`mkdocs build` run on a real terminal (a pseudo-terminal here): a bar per language's pages, then one line
    with the time of each stage of the build."""
    import os
    import pty
    import subprocess
    import sys

    from conftest import make_project

    project = make_project(tmp_path)
    company_files(project / "data", MIN_FILES)
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "100"}
    done = subprocess.Popen(command, cwd=project, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert done.wait(timeout=300) == 0
    shown = ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))
    assert "pages (fr)" in shown and "pages (en)" in shown  # the bars
    line = next(line for line in shown.splitlines() if line.startswith("site: "))
    pattern = r"site: \d+ pages in \d+\.\d\d s \(companies \d+\.\d\d s, pages fr \d+\.\d\d s, pages en \d+\.\d\d s\)"
    assert re.fullmatch(pattern, line.strip()), line
