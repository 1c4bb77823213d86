"""Atomic publishing: `mkdocs build` (with or without -d) replaces the site only when the whole build succeeded;
a failure, a strict-mode warning or a kill at any moment leaves the previous site byte for byte."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, mkdocs
from privacy_center.source import publish
from privacy_center.source.publish import PublishError

MINIMAL = FIXTURES / "valid" / "minimal.yaml"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, with each file's SHA-256: equal snapshots mean byte-identical trees."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        found[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
    return found


def leftovers(target: Path) -> list[str]:
    """Staging or aside folders a build left beside the site folder."""
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}."))


def add_page(project: Path, name: str, body: str) -> None:
    """A docs page in both languages (i18n suffix structure)."""
    (project / "docs" / f"{name}.md").write_text(f"# {name}\n\n{body}\n", encoding="utf-8")
    (project / "docs" / f"{name}.en.md").write_text(f"# {name}\n\n{body}\n", encoding="utf-8")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A project around one company, built once into its default site/ folder (the README's command)."""
    root = tmp_path / "project"
    root.mkdir()
    make_project(root, [MINIMAL])
    result = mkdocs("build", cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "index.html").is_file()
    return root


def test_broken_data_leaves_the_previous_site_intact(project: Path) -> None:
    site = project / "site"
    before = snapshot(site)
    company = project / "data" / "minimal.yaml"
    company.write_text(company.read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8")
    result = mkdocs("build", cwd=project)
    assert result.returncode == 1
    assert "the data has errors" in result.stdout + result.stderr
    assert snapshot(site) == before
    assert leftovers(site) == []


@pytest.mark.parametrize("args", [("--strict",), ()], ids=["--strict", "config strict"])
def test_a_strict_mode_warning_fails_the_build_and_leaves_the_site_intact(
    project: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    out = tmp_path / "published"
    assert mkdocs("build", "-d", str(out), cwd=project).returncode == 0
    before = snapshot(out)
    add_page(project, "broken", "[a page that does not exist](missing.md)")  # a warning, raised after rendering
    result = mkdocs("build", *args, "-d", str(out), cwd=project)
    assert result.returncode == 1
    assert "in strict mode" in result.stdout + result.stderr
    assert snapshot(out) == before
    assert not (out / "broken").exists()
    assert leftovers(out) == []


def test_success_replaces_the_site_with_and_without_d(project: Path, tmp_path: Path) -> None:
    site = project / "site"
    add_page(project, "added", "A page added after the first build.")
    assert mkdocs("build", cwd=project).returncode == 0
    assert (site / "added" / "index.html").is_file() and (site / "en" / "added" / "index.html").is_file()
    assert leftovers(site) == []
    for suffix in (".md", ".en.md"):
        (project / "docs" / f"added{suffix}").unlink()
    out = tmp_path / "elsewhere" / "out"  # -d into a folder that does not exist yet, then over the built one
    for _ in range(2):
        result = mkdocs("build", "--strict", "-d", str(out), cwd=project)
        assert result.returncode == 0, result.stderr
        assert (out / "index.html").is_file() and not (out / "added").exists()  # a clean build: no stale page
        assert leftovers(out) == []
    assert mkdocs("build", cwd=project).returncode == 0
    assert not (site / "added").exists()
    assert snapshot(site) == snapshot(out)


def start_build(project: Path, *args: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", *args],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def written(site: Path, since: float) -> list[Path]:
    """Files the running build wrote, in the site folder or in a staging folder beside it."""
    found = []
    for folder in [site, *site.parent.glob(f".{site.name}.building-*")]:
        for parent, _, names in os.walk(folder):  # folders may vanish while we look: os.walk skips them
            for name in names:
                path = Path(parent) / name
                try:
                    if path.stat().st_mtime >= since:
                        found.append(path)
                except FileNotFoundError:
                    continue
    return found


# When to kill: a condition on what the build wrote so far, or a fraction of a whole build's time (measured on this
# machine first, so that the moments fall inside the build however fast the machine is).
MOMENTS: dict[str, Callable[[Path, float, float], bool]] = {
    "first file written": lambda site, since, f: bool(written(site, since)),
    "20 files written": lambda site, since, f: len(written(site, since)) >= 20,
    "English pages written": lambda site, since, f: any("en" in p.parts for p in written(site, since)),
    "at 30 % of a build": lambda site, since, f: f >= 0.3,
    "at 60 % of a build": lambda site, since, f: f >= 0.6,
    "at 85 % of a build": lambda site, since, f: f >= 0.85,
    "at 95 % of a build": lambda site, since, f: f >= 0.95,
}


def build_time(project: Path, out: Path) -> float:
    """Seconds one whole build of the project takes here (the same command, into another folder)."""
    start = time.monotonic()
    build = start_build(project, "-d", str(out))
    assert build.wait() == 0
    return time.monotonic() - start


def test_a_killed_build_leaves_the_previous_site_intact_and_the_next_build_cleans_up(
    project: Path, tmp_path: Path
) -> None:
    site = project / "site"
    before = snapshot(site)
    add_page(project, "added", "A page the killed builds would have published.")
    whole = build_time(project, tmp_path / "timed")
    new = snapshot(tmp_path / "timed")  # the whole new site, as every build of this project writes it
    killed, staged = [], []
    for moment, reached in MOMENTS.items():
        since = time.time() - 0.01
        build = start_build(project)
        start = time.monotonic()
        while build.poll() is None and not reached(site, since, (time.monotonic() - start) / whole):
            time.sleep(0.005)
        if build.poll() is None:
            build.send_signal(signal.SIGKILL)
            killed.append(moment)
        build.wait()
        if build.returncode == 0:  # finished before the moment came: its site is the one to keep from now on
            before = snapshot(site)
            continue
        # the previous site byte for byte, or the whole new one when the kill came in the instant after the swap
        assert snapshot(site) in (before, new), f"killed when {moment}: the site changed"
        if any(site.parent.glob(".site.building-*")):
            staged.append(moment)
    assert len(killed) >= 5, f"too few builds were killed mid-way: {killed}"
    assert staged, "no kill came before the swap: none left a staging folder for the next build to clean up"
    result = mkdocs("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (site / "added" / "index.html").is_file()
    assert leftovers(site) == []


# The publishing functions on their own: the swap, its fallback, and recovery from a kill mid-swap.


def tree(folder: Path, marker: str) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text(marker, encoding="utf-8")
    (folder / "sub" / "page.html").write_text(marker, encoding="utf-8")
    return folder


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    first, second = tree(tmp_path / "a", "a"), tree(tmp_path / "b", "b")
    if not publish.exchange(first, second):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here")
    assert (first / "index.html").read_text() == "b" and (second / "index.html").read_text() == "a"


@pytest.mark.parametrize("atomic", [True, False], ids=["exchange", "fallback"])
def test_publish_replaces_the_target_and_removes_the_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, atomic: bool
) -> None:
    if not atomic:
        monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    target = tree(tmp_path / "site", "old")
    staging = publish.prepare(target)
    assert staging == tmp_path / f".site.building-{os.getpid()}" and list(staging.iterdir()) == []
    tree(staging, "new")
    publish.publish(staging, target)
    assert snapshot(target) == snapshot(tree(tmp_path / "expected", "new"))
    assert leftovers(target) == []


def test_first_publish_renames_the_staging_folder_into_place(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "site"
    staging = tree(publish.prepare(target), "new")
    publish.publish(staging, target)
    assert (target / "index.html").read_text() == "new" and leftovers(target) == []


def test_a_dirty_build_starts_from_a_copy_of_the_site(tmp_path: Path) -> None:
    target = tree(tmp_path / "site", "old")
    staging = publish.prepare(target, dirty=True)
    assert snapshot(staging) == snapshot(target)


def test_recovery_puts_back_a_site_left_aside_by_a_kill_between_the_two_renames(tmp_path: Path) -> None:
    target = tmp_path / "site"
    pid = dead_pid()
    tree(publish.aside_dir(target, pid), "old")  # the fallback renamed the site aside, then the process died
    tree(publish.staging_dir(target, pid), "half")
    done = publish.recover(target)
    assert (target / "index.html").read_text() == "old"
    assert leftovers(target) == [] and len(done) == 2


def test_recovery_removes_dead_builds_and_keeps_live_ones(tmp_path: Path) -> None:
    target = tree(tmp_path / "site", "current")
    dead = publish.staging_dir(target, dead_pid())
    tree(dead, "half")
    tree(publish.aside_dir(target, dead_pid()), "old")  # killed after the new site was renamed in
    live = publish.staging_dir(target, os.getppid())  # a build that still runs (here: the test runner's parent)
    live.mkdir()
    publish.recover(target)
    assert leftovers(target) == [live.name]
    assert (target / "index.html").read_text() == "current"


def test_source_date_epoch_sets_the_in_force_day_and_the_site_date(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert publish.in_force_day() == date(2026, 1, 1)
    assert publish.site_date([date(2025, 3, 1)], date(2030, 1, 1)) == date(2026, 1, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    dates = [None, date(2025, 3, 1), date(2024, 1, 1), date(2031, 5, 1)]
    assert publish.site_date(dates, date(2030, 1, 1)) == date(2025, 3, 1)  # a version announced later: not yet
    assert publish.site_date([None], date(2030, 1, 1)) == date(1970, 1, 1)  # never the build day


@pytest.mark.parametrize("value", ["yesterday", "-5", "99999999999999999999"])
def test_a_bad_source_date_epoch_is_refused_with_a_hint(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(PublishError, match=r"SOURCE_DATE_EPOCH=.*\(.*git log -1 --format=%ct"):
        publish.in_force_day()


def test_a_linked_site_folder_stays_a_link_to_the_published_site(project: Path, tmp_path: Path) -> None:
    real = tree(tmp_path / "www" / "privacy", "old")
    link = tmp_path / "public"
    link.symlink_to(real, target_is_directory=True)
    result = mkdocs("build", "-d", str(link), cwd=project)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == real
    assert snapshot(real) == snapshot(project / "site")
    assert leftovers(real) == [] and leftovers(link) == []


def test_ctrl_c_discards_the_unfinished_build_and_keeps_the_site(project: Path) -> None:
    site = project / "site"
    before = snapshot(site)
    add_page(project, "added", "A page the interrupted build would have published.")
    since = time.time() - 0.01
    build = start_build(project)
    while build.poll() is None and not any("en" in p.parts for p in written(site, since)):
        time.sleep(0.005)
    assert build.poll() is None, "the build ended before it could be interrupted"
    build.send_signal(signal.SIGINT)  # KeyboardInterrupt: mkdocs skips on_build_error but runs on_shutdown
    assert build.wait(timeout=60) != 0
    assert snapshot(site) == before
    assert leftovers(site) == []  # an interrupted build cleans up after itself
