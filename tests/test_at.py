"""`privacy-center at <slug> <date>`: which notice a person saw on a day, as versions.json says it, on the demo
company with four versions (1.0 from 2025-01-15, 1.1 from 2025-06-01, 2.0 from 2026-01-10, 3.0 from 2026-06-01)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import FIXTURES

HISTORY = FIXTURES / "history" / "data"
SITE = "https://privacy.example.org"


def at(
    day: str, *, today: str | None = None, slug: str = "demo", data: Path = HISTORY
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if today is not None:
        moment = datetime.fromisoformat(today).replace(tzinfo=UTC)
        env["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    command = [sys.executable, "-m", "privacy_center.cli", "at", slug, day, "--data-dir", str(data), "--site-url", SITE]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_before_the_first_version() -> None:
    done = at("2024-12-31")
    assert done.returncode == 1 and done.stdout == ""
    assert (
        done.stderr
        == "demo: no version was in force on 2024-12-31: the first dated one, 1.0, applies from 2025-01-15\n"
    )


@pytest.mark.parametrize(
    ("day", "version", "until"),
    [
        ("2025-01-15", "1.0", "2025-06-01"),  # its first day
        ("2025-03-01", "1.0", "2025-06-01"),  # between two versions
        ("2025-05-31", "1.0", "2025-06-01"),  # its last day
        ("2025-06-01", "1.1", "2026-01-10"),  # a change date: the new version
        ("2026-01-10", "2.0", "2026-06-01"),
    ],
)
def test_between_versions_and_on_change_dates(day: str, version: str, until: str) -> None:
    done = at(day, today="2026-12-01")
    assert done.returncode == 0, done.stderr
    first, fr, en = done.stdout.splitlines()
    assert first.startswith(f"demo {version} (content hash ") and first.endswith(
        f"), in force from {first.split(' from ')[1]}"
    )
    assert f"until {until}" in first
    assert fr == f"  fr: {SITE}/demo/versions/{version}/" and en == f"  en: {SITE}/en/demo/versions/{version}/"


def test_the_version_in_force_today_is_the_full_notice() -> None:
    done = at("2026-12-01", today="2026-12-01")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == [f"  fr: {SITE}/demo/notice/", f"  en: {SITE}/en/demo/notice/"]
    assert "until" not in done.stdout


def test_an_announced_version() -> None:
    """On 2026-03-01, 3.0 is announced for 2026-06-01: a day after that gets 3.0, marked as announced, at its own
    address; the day itself gets 2.0, the notice then in force."""
    later = at("2026-07-01", today="2026-03-01")
    assert later.returncode == 0, later.stderr
    assert "demo 3.0 (content hash " in later.stdout
    assert "in force from 2026-06-01 (announced: not yet in force on the site's day)" in later.stdout
    assert f"  fr: {SITE}/demo/versions/3.0/" in later.stdout
    now = at("2026-03-01", today="2026-03-01")
    assert "demo 2.0 (content hash " in now.stdout and f"  fr: {SITE}/demo/notice/" in now.stdout


def test_it_says_what_versions_json_says(history_site: Path) -> None:
    """The printed version, hash and addresses are those of the site's version index for that day."""
    index = json.loads((history_site / "versions.json").read_text(encoding="utf-8"))
    (demo,) = [company for company in index["companies"] if company["slug"] == "demo"]
    for row in demo["versions"]:
        done = at(row["valid_from"])
        assert done.stdout.startswith(f"demo {row['version']} (content hash {row['hash']}), in force from ")
        for language, path in row["urls"].items():
            assert f"  {language}: {SITE}/{path}\n" in done.stdout


def test_undated_versions_cannot_be_placed(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    new = subprocess.run(
        [sys.executable, "-m", "privacy_center.cli", "new", "acme"], cwd=tmp_path, capture_output=True, timeout=120
    )
    assert new.returncode == 0
    done = at("2026-01-01", slug="acme", data=tmp_path / "data")
    assert done.returncode == 1
    assert done.stderr == (
        "acme: no version has an effective date (1.0), so which applied on 2026-01-01 cannot be told "
        "(write each version's date in the file)\n"
    )


@pytest.mark.parametrize(
    ("slug", "day", "message"),
    [
        ("nobody", "2026-01-01", "nobody.yaml:1:1: (document): no such company file (check the slug)"),
        ("demo", "2026-13-01", "privacy-center: '2026-13-01' is not a date (write it as YYYY-MM-DD)"),
    ],
)
def test_errors(slug: str, day: str, message: str) -> None:
    done = at(day, slug=slug)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.rstrip("\n").endswith(message)
