"""Reproducible output: two builds of the same data are byte-identical whatever the day, the time zone or the
project's path; the only date that may vary is SOURCE_DATE_EPOCH's, which the build then honours."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT, make_project

FAKE_CLOCK = Path(__file__).parent / "fake_clock.py"
YEAR = 365 * 24 * 3600
# Dated versions (the demo company's four) and an undated one (Coopo's only version, frozen as 1.0).
UNDATED = "coopo"


def project_at(folder: Path) -> Path:
    folder.mkdir(parents=True)
    make_project(folder, data_dir=FIXTURES / "history" / "data")
    shutil.copy(ROOT / "data" / f"{UNDATED}.yaml", folder / "data")
    shutil.copytree(ROOT / "data" / "versions" / UNDATED, folder / "data" / "versions" / UNDATED)
    return folder


def build(project: Path, out: Path, zone: str, shift: float, epoch: str | None = None, seed: str = "0") -> Path:
    """`mkdocs build --strict -d out` in a subprocess whose clock is moved by `shift` seconds, in time zone `zone`,
    with its own string hash seed (the order of sets and of unsorted dicts built from them)."""
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env.update(NO_MKDOCS_2_WARNING="1", TZ=zone, PYTHONHASHSEED=seed)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    command = [sys.executable, str(FAKE_CLOCK), str(shift), "build", "--strict", "-q", "-d", str(out)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def differences(first: Path, second: Path) -> list[str]:
    """Every file present in one tree only or with different bytes."""
    names = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    others = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    found = sorted(names ^ others)
    found += sorted(n for n in names & others if (first / n).read_bytes() != (second / n).read_bytes())
    return found


def test_two_builds_on_other_days_zones_and_paths_are_byte_identical(tmp_path: Path) -> None:
    # Kiritimati is UTC+14 and Adak UTC-10: at most hours of the day, their calendar days differ.
    project = project_at(tmp_path / "a" / "project")
    first = build(project, tmp_path / "site-a", "Pacific/Kiritimati", 0, seed="1")
    second = build(
        project_at(tmp_path / "b" / "elsewhere" / "privacy"),
        tmp_path / "site-b",
        "America/Adak",
        3 * YEAR + 11 * 3600,
        seed="2",
    )
    assert differences(first, second) == []
    again = build(project, tmp_path / "site-c", "Europe/Paris", 40 * 24 * 3600, seed="3")  # warm .cache/ this time
    assert differences(first, again) == []
    assert len(list(first.rglob("*.html"))) > 20
    # The dates the site carries come from the data: the latest stated version date, the epoch for an undated one.
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {"2026-06-01"}
    feed = (first / UNDATED / "feed.xml").read_text(encoding="utf-8")
    assert re.findall(r"<updated>(.*?)</updated>", feed) == ["1970-01-01T00:00:00Z"] * 2


def test_source_date_epoch_is_honoured_and_nothing_else_matters(tmp_path: Path) -> None:
    epoch = "1790000000"  # 2026-09-21T14:13:20Z, after every version of the data
    first = build(project_at(tmp_path / "a" / "project"), tmp_path / "site-a", "Asia/Kathmandu", 0, epoch, "4")
    second = build(
        project_at(tmp_path / "b" / "project"), tmp_path / "site-b", "America/St_Johns", 5 * YEAR + 7 * 3600, epoch, "5"
    )
    assert differences(first, second) == []
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {"2026-09-21"}
    feed = (first / UNDATED / "feed.xml").read_text(encoding="utf-8")
    assert "1970-01-01T00:00:00Z" in feed  # an undated version is not dated with SOURCE_DATE_EPOCH's day either
    gzip_mtime = int.from_bytes((first / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert gzip_mtime == 1789948800  # 2026-09-21T00:00:00Z: the sitemap's own date


def statuses(site: Path) -> dict[str, str]:
    """The demo company's versions and their status (in force, superseded, upcoming), from versions.json."""
    index = json.loads((site / "versions.json").read_text(encoding="utf-8"))
    demo = next(company for company in index["companies"] if company["slug"] == "demo")
    return {version["version"]: version["status"] for version in demo["versions"]}


def test_the_in_force_version_follows_source_date_epoch(tmp_path: Path) -> None:
    """A version announced for a later date is upcoming before it and in force from it: the build's clock decides
    only through SOURCE_DATE_EPOCH when it is set (a clock years later changes nothing)."""
    project = project_at(tmp_path / "project")
    before = build(project, tmp_path / "before", "UTC", 5 * YEAR, "1748649600")  # 2025-05-31T00:00:00Z
    on_the_day = build(project, tmp_path / "on", "Pacific/Kiritimati", 0, "1748736000")  # 2025-06-01T00:00:00Z
    assert statuses(before) == {"1.0": "in_force", "1.1": "upcoming", "2.0": "upcoming", "3.0": "upcoming"}
    assert statuses(on_the_day) == {"1.0": "superseded", "1.1": "in_force", "2.0": "upcoming", "3.0": "upcoming"}
