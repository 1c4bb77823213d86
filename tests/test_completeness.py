"""The completeness report, tested like the validator: one fixture per rule in tests/fixtures/incomplete/, each
declaring its exact warnings (`# warn: line:col: path: message [GDPR Art. ...]`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES
from privacy_center.check import completeness as report
from privacy_center.site.checker import check_files
from privacy_center.source.loader import load_file

INCOMPLETE = sorted((FIXTURES / "incomplete").glob("*.yaml"))
WARN = re.compile(r"^# (?:warn|also): (.+)$", re.M)  # `also`: a warning of another rule the gap cannot go without
OWN = re.compile(r"^# warn: (.+)$", re.M)


def fixture_of(rule) -> Path:
    return FIXTURES / "incomplete" / f"{rule.__name__.replace('_', '-')}.yaml"


def declared(path: Path) -> list[str]:
    return WARN.findall(path.read_text(encoding="utf-8"))


def reported(path: Path) -> list[str]:
    document, errors = load_file(path)
    assert document is not None and not errors
    return [f"{w.line}:{w.column}: {w.path}: {w.message}" for w in report.completeness(document)]


def test_every_rule_has_its_fixture() -> None:
    missing = [
        f"{rule.__name__} -> tests/fixtures/incomplete/{fixture_of(rule).name}"
        for rule in report.ALL_RULES
        if not fixture_of(rule).is_file()
    ]
    assert missing == [], (
        f"add one fixture per completeness rule (copy valid/minimal.yaml, leave one fact out, "
        f"declare its '# warn:' lines): {missing}"
    )
    assert {fixture_of(rule) for rule in report.ALL_RULES} == set(INCOMPLETE), "a fixture names no rule"


@pytest.mark.parametrize("rule", report.ALL_RULES, ids=lambda rule: rule.__name__)
def test_each_rule_names_its_article(rule) -> None:
    assert re.match(r"Art\. \d+\(\d\)", rule.__doc__ or ""), f"{rule.__name__}: start the docstring with its article"


@pytest.mark.parametrize("path", INCOMPLETE, ids=lambda p: p.stem)
def test_incomplete_fixture_is_valid_and_reports_exactly_its_warnings(path: Path) -> None:
    want = declared(path)
    assert want, f"{path.name} has no '# warn:' line"
    result = check_files([path], releases=False)  # a fixture is a company file, without releases
    assert [d.format() for d in result.errors] == []
    assert reported(path) == want
    assert [f"{w.line}:{w.column}: {w.path}: {w.message}" for w in result.warnings] == sorted(
        want, key=lambda line: (int(line.split(":")[0]), int(line.split(":")[1]), line.split(": ", 2)[2])
    )


@pytest.mark.parametrize("rule", report.ALL_RULES, ids=lambda rule: rule.__name__)
def test_each_rule_finds_its_gap_in_its_fixture(rule) -> None:
    document, _ = load_file(fixture_of(rule))
    assert document is not None
    if rule in report.PURPOSE_RULES:
        found = [
            w
            for index, purpose in enumerate(document.data["purposes"])
            for w in rule(document, ("purposes", index), purpose)
        ]
    elif rule in report.TRANSFER_RULES:
        found = [
            w
            for index, item in enumerate(document.data["transfers"]["items"])
            for w in rule(document, ("transfers", "items", index), item)
        ]
    else:
        found = list(rule(document))
    assert found, f"{rule.__name__} finds nothing in {fixture_of(rule).name}"
    assert [f"{w.line}:{w.column}: {w.path}: {w.message}" for w in found] == OWN.findall(
        fixture_of(rule).read_text(encoding="utf-8")
    )


def test_complete_files_get_no_warning() -> None:
    assert reported(FIXTURES / "valid" / "minimal.yaml") == []
