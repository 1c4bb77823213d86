"""Fixture-driven validation tests: valid files pass; each invalid file fails for exactly one stated reason."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from privacy_center.checker import check_files, display_name
from privacy_center.cli import main

from conftest import FIXTURES, ROOT

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
VALID = sorted((FIXTURES / "valid").glob("*.yaml"))
SEEDS = sorted((ROOT / "data").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (.+)$", re.M)


def expected(path: Path) -> list[str]:
    """The diagnostics an invalid fixture declares in its `# expect:` header lines."""
    return [f"{display_name(path)}:{line}" for line in EXPECT.findall(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", VALID + SEEDS, ids=lambda p: p.name)
def test_valid_files_pass(path: Path) -> None:
    result = check_files([path])
    assert [d.format() for d in result.errors] == []
    assert len(result.documents) == 1


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_reports_exactly_its_reason(path: Path) -> None:
    want = expected(path)
    assert want, f"{path.name} has no '# expect:' line"
    result = check_files([path])
    assert [d.format() for d in result.errors] == want
    assert result.documents == ()


def test_invalid_fixtures_cover_every_reason() -> None:
    # one file per reason: no two fixtures declare the same message
    messages = [re.sub(r"^\S+: ", "", line.split(": ", 1)[1]) for path in INVALID for line in expected(path)]
    assert len(messages) == len(set(messages))
    assert len(INVALID) >= 20


def test_all_errors_reported_at_once(tmp_path: Path) -> None:
    source = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    broken = source.replace("role: controller", "role: controler").replace("kind: processor", "kind: procesor")
    path = tmp_path / "minimal.yaml"
    path.write_text(broken, encoding="utf-8")
    lines = [d.format() for d in check_files([path]).errors]
    assert len(lines) == 2
    assert lines[0].endswith("role: 'controler' is not an allowed value (use one of: controller, processor, controller_and_processor)")
    assert ":5:1: role:" in lines[0]
    assert "recipients[0].kind: 'procesor' is not an allowed value" in lines[1]


def test_duplicate_slugs_across_files(tmp_path: Path) -> None:
    source = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "minimal.yaml", tmp_path / "b" / "minimal.yaml"
    first.write_text(source, encoding="utf-8")
    second.write_text(source, encoding="utf-8")
    lines = [d.format() for d in check_files([first, second]).errors]
    assert len(lines) == 1
    assert lines[0] == f"{display_name(second)}:3:1: slug: slug 'minimal' is already used by {display_name(first)} (give each company its own slug)"


def test_cli_exit_status_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "valid" / "minimal.yaml")]) == 0
    assert capsys.readouterr().out.strip().endswith("1 file checked: 0 errors, 0 completeness warnings")
    bad = INVALID[0]
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert expected(bad)[0] in out
    assert "1 file checked: 1 error" in out


@pytest.mark.parametrize("path", VALID + SEEDS + INVALID, ids=lambda p: p.name)
def test_fast_and_reference_schema_validators_agree(path: Path) -> None:
    from privacy_center.loader import load_file
    from privacy_center.schema import is_valid_fast, validator
    document, errors = load_file(path)
    if document is None or errors:
        pytest.skip("not loadable: the schema is never consulted")
    assert is_valid_fast(document.data) == validator().is_valid(document.data)


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    from jsonschema import Draft202012Validator
    from privacy_center.schema import schema
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema())


def test_the_schema_validator_cached_on_disk_gives_the_same_answers(tmp_path: Path) -> None:
    import fastjsonschema
    from privacy_center import cache
    from privacy_center.loader import load_file
    from privacy_center.schema import fast_validator
    document, _ = load_file(SEEDS[0])
    try:
        cache.set_folder(tmp_path)
        fast_validator.cache_clear()
        fast_validator()  # compiles and writes the code
        assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["schema"]
        fast_validator.cache_clear()
        validate = fast_validator()  # reads the code back
        validate(document.data)
        with pytest.raises(fastjsonschema.JsonSchemaException):
            validate({**document.data, "role": "owner"})
    finally:
        cache.set_folder(None)
        fast_validator.cache_clear()
