"""Hostile and careless input (issue 11, item 1): each input that once ended in a Python traceback, an explosion of
memory or a build of minutes now ends, quickly, in a compiler-style report. The limits are in limits.py; each also
has an invalid fixture in tests/fixtures/invalid/ with its exact message."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, mkdocs
from privacy_center.site.checker import check_files
from privacy_center.source.limits import MAX_FILE_BYTES

MINIMAL = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
LINE = re.compile(r"^\S[^\n]*:\d+:\d+: (?:warning: )?\S[^\n]*: [^\n]+$")


def data_folder(tmp: Path, text: str | bytes = MINIMAL, frozen: str | bytes | None = MINIMAL) -> Path:
    """A data folder with minimal.yaml and, unless None, its frozen version 1.0."""
    data = tmp / "data"
    (data / "versions" / "minimal").mkdir(parents=True)
    target = data / "minimal.yaml"
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    if frozen is not None:
        copy = data / "versions" / "minimal" / "1.0.yaml"
        copy.write_bytes(frozen if isinstance(frozen, bytes) else frozen.encode("utf-8"))
    return data


def errors_of(data: Path) -> list[str]:
    result = check_files(sorted(data.glob("*.yaml")))
    lines = [d.format() for d in result.errors]
    assert all(LINE.match(line) for line in lines), lines
    return lines


def test_the_minimal_folder_is_valid(tmp_path: Path) -> None:
    assert errors_of(data_folder(tmp_path)) == []


def test_500_deep_nesting_is_refused_without_recursion(tmp_path: Path) -> None:
    data = data_folder(tmp_path, MINIMAL + "extra: " + "[" * 500 + "]" * 500 + "\n", None)
    (error,) = errors_of(data)
    assert "nested more than 32 levels deep" in error
    data = data_folder(tmp_path / "map", MINIMAL + "extra: " + "{a: " * 500 + "1" + "}" * 500 + "\n", None)
    assert "nested more than 32 levels deep" in errors_of(data)[0]


@pytest.mark.parametrize("levels", [7, 16])
def test_alias_bombs_are_refused_at_once(tmp_path: Path, levels: int) -> None:
    bomb = "b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"b{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9)}]\n" for i in range(1, levels)
    )
    started = time.perf_counter()
    (error,) = errors_of(data_folder(tmp_path, MINIMAL + bomb, None))
    assert time.perf_counter() - started < 2
    assert "the file holds more than 100,000 values (aliases counted each time they are used)" in error


def test_aliases_within_the_limits_still_work(tmp_path: Path) -> None:
    text = MINIMAL.replace("role: controller", "role: &role controller").replace(
        "  legal_form: sas", "  legal_form: sas\n  trade_names: [*role]"
    )
    assert errors_of(data_folder(tmp_path, text, text)) == []


@pytest.mark.parametrize(
    ("frozen", "message"),
    [
        ("- a\n- b\n", "(document): expected a mapping, got list ['a', 'b']"),
        ("hello\n", "(document): expected a mapping, got str 'hello'"),
        ("", "(document): the file is empty"),
        (b"\xff\xfe", "(document): byte 0xFF is not UTF-8"),
    ],
)
def test_a_frozen_version_that_is_not_a_company_file_is_reported(
    tmp_path: Path, frozen: str | bytes, message: str
) -> None:
    errors = errors_of(data_folder(tmp_path, MINIMAL, frozen))
    assert len(errors) == 1, errors
    assert errors[0].startswith(os.path.relpath(tmp_path / "data" / "versions" / "minimal" / "1.0.yaml") + ":1:1:")
    assert message in errors[0]


@pytest.mark.parametrize("name", ["1..0.yaml", "x.yaml", "1.0.yml", ".yaml", "1.0.yaml.bak", "9" * 30 + ".yaml"])
def test_misnamed_version_files_are_reported(tmp_path: Path, name: str) -> None:
    data = data_folder(tmp_path)
    (data / "versions" / "minimal" / name).write_text(MINIMAL, encoding="utf-8")
    (error,) = errors_of(data)
    assert f"a file named '{name}' is not a frozen version" in error
    assert "rename it or remove it" in error


def test_the_build_refuses_a_misnamed_version_file_as_validate_does(tmp_path: Path) -> None:
    """The build checks each company file on its own (and keeps it while unchanged): what spans files, such as the
    names in versions/, must still stop it."""
    from privacy_center.site.build import SiteDataError, build_site

    data = data_folder(tmp_path)
    build_site(data, ["fr", "en"], "fr")
    (data / "versions" / "minimal" / "1..0.yaml").write_text(MINIMAL, encoding="utf-8")
    with pytest.raises(SiteDataError, match=r"a file named '1\.\.0\.yaml' is not a frozen version"):
        build_site(data, ["fr", "en"], "fr")


def test_a_folder_named_like_a_version_and_an_unknown_company_are_reported(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    (data / "versions" / "minimal" / "1.1.yaml").mkdir()
    (data / "versions" / "nobody").mkdir()
    (data / "versions" / "stray.yaml").write_text("x: 1\n", encoding="utf-8")
    errors = errors_of(data)
    assert len(errors) == 3, errors
    assert "a folder named '1.1.yaml' is not a frozen version" in errors[0]
    assert "frozen versions of 'nobody', a company with no file nobody.yaml" in errors[1]
    assert "versions/ holds one folder per company, not files" in errors[2]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("0000-01-15", "'0000-01-15' is not a valid date"),
        ("9999-99-99", "'9999-99-99' is not a valid date"),
        ("2201-01-01", "'2201-01-01' is not a date of the years 1900 to 2200"),
    ],
)
def test_dates_out_of_range_are_refused(tmp_path: Path, date: str, message: str) -> None:
    text = MINIMAL.replace('date: "2026-01-15"', f'date: "{date}"')
    (error,) = errors_of(data_folder(tmp_path, text, None))
    assert message in error


def test_odd_bytes_and_sizes(tmp_path: Path) -> None:
    cases: dict[str, tuple[str | bytes, str]] = {
        "huge-int": (
            MINIMAL.replace("schema_version: 1", "schema_version: " + "9" * 5000),
            "5,000 digits is too large",
        ),
        "non-utf8": (MINIMAL.encode().replace(b"Minimal SAS", b"Minimal \xe9 SAS"), ":7:23: (document): byte 0xE9"),
        "nul": (MINIMAL.replace("Minimal SAS", "Minimal \x00 SAS"), "character U+0000 is not allowed in YAML"),
        "too-big": (MINIMAL + "# " + "x" * MAX_FILE_BYTES, "more than the limit of 1,048,576 (1 MiB)"),
        "int-key": (MINIMAL + "1: a\n", "unknown field '1'"),
        "tag": (MINIMAL.replace("role: controller", "role: !!int controller"), "unsupported YAML tag"),
        "two-documents": (MINIMAL + "---\nx: 1\n", "expected a single document in the stream"),
    }
    for name, (text, message) in cases.items():
        errors = errors_of(data_folder(tmp_path / name, text, None))
        assert len(errors) == 1 and message in errors[0], (name, errors)
    for name, text in {"bom": "\ufeff" + MINIMAL, "crlf": MINIMAL.replace("\n", "\r\n")}.items():
        assert errors_of(data_folder(tmp_path / name, text.encode("utf-8"))) == [], name


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "privacy_center.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


HOSTILE = {
    "nesting": MINIMAL + "extra: " + "[" * 3000 + "]" * 3000 + "\n",
    "bomb": MINIMAL
    + "b0: &b0 [l, l, l, l, l, l, l, l, l]\n"
    + "".join(f"b{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9)}]\n" for i in range(1, 16)),
    "year": MINIMAL.replace('date: "2026-01-15"', 'date: "0000-01-01"'),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_the_command_line_reports_hostile_data_without_a_traceback(tmp_path: Path, kind: str) -> None:
    data_folder(tmp_path, HOSTILE[kind], HOSTILE[kind])
    runs = {
        "validate": _cli("validate", cwd=tmp_path),
        "diff": _cli("diff", cwd=tmp_path),
        "release": _cli(
            "release", "minimal", "--version", "1.1", "--summary-fr", "a", "--summary-en", "b", cwd=tmp_path
        ),
    }
    for command, run in runs.items():
        assert run.returncode in (0, 1), (command, run.returncode)
        assert "Traceback" not in run.stdout + run.stderr, (command, run.stderr[-2000:])
    assert runs["validate"].returncode == 1
    assert runs["release"].returncode == 1
    assert not (tmp_path / "data" / "versions" / "minimal" / "1.1.yaml").exists()


def test_validate_piped_into_a_closed_reader_does_not_raise(tmp_path: Path) -> None:
    data_folder(tmp_path, MINIMAL.replace("role: controller", "role: x"), None)
    pipe = subprocess.run(
        f"{sys.executable} -m privacy_center.cli validate | head -c 1",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in pipe.stderr, pipe.stderr


def test_mkdocs_build_stops_on_hostile_data_with_the_report(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    data_folder(project, HOSTILE["year"], HOSTILE["year"])
    data_folder(project / "more", HOSTILE["nesting"], None)
    (project / "more" / "data" / "minimal.yaml").rename(project / "data" / "deep.yaml")
    run = mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=project)
    assert run.returncode == 1
    output = run.stdout + run.stderr
    assert "Traceback" not in output, output[-3000:]
    assert "data/deep.yaml:88:39: extra[0]" in output and "nested more than 32 levels deep" in output
    assert "versions[0].date: '0000-01-01' is not a valid date" in output


WORST = {  # validating text that used to cost the most per character (Markdown and regex backtracking)
    "[": "[" * 9999,
    "<a": "<a " * 3333,
    "](": "](" + " " * 9990,
}  # three texts of 10,000 characters in two languages: the file's Markdown limit of 60,000


def _worst_company() -> str:
    body = "".join(
        f"  - id: worst_{index}\n    title: {{fr: Clause, en: Clause}}\n    body:\n"
        f"      fr: {text!r}\n      en: {text!r}\n"
        for index, text in enumerate(WORST.values())
    )
    return (
        MINIMAL.replace("name: Minimal", "name: " + "N" * 300, 1)
        .replace("Envoi de la newsletter", "'" + "[" * 19000 + "'")
        .replace("automated_decisions:", f"sections:\n{body}automated_decisions:")
    )


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_worst_case_text_builds_within_a_bounded_multiple_of_a_normal_build(tmp_path: Path) -> None:
    """Maximal strings that pass validate (sections at the Markdown limits, a 300-character name, 19,000 brackets
    in a plain text) build within 5 times the time of the same minimal company, and the site grows by a bounded
    multiple of the data's size."""
    worst = _worst_company()
    assert errors_of(data_folder(tmp_path / "check", worst, worst)) == []
    timings, sizes = {}, {}
    for name, text in (("normal", MINIMAL), ("worst", worst)):
        (tmp_path / name).mkdir()
        project = make_project(tmp_path / name)
        data_folder(project, text, text)
        started = time.perf_counter()
        run = mkdocs("build", "--strict", "-d", str(tmp_path / f"{name}-site"), cwd=project)
        timings[name] = time.perf_counter() - started
        assert run.returncode == 0, run.stderr[-3000:]
        sizes[name] = _size(tmp_path / f"{name}-site")
    print(f"build times {timings}, site sizes {sizes}")
    assert timings["worst"] < 5 * timings["normal"], timings
    assert sizes["worst"] - sizes["normal"] < 60 * len(worst.encode()), (sizes, len(worst))
