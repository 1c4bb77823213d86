"""Fixture-driven validation tests: valid files pass; each invalid file fails for exactly one stated reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, freeze
from privacy_center.cli import main
from privacy_center.site.checker import check_files, display_name
from privacy_center.source.safety import INVISIBLE_CHAR

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
VALID = sorted((FIXTURES / "valid").glob("*.yaml"))
SEEDS = sorted((ROOT / "data").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (.+)$", re.M)


def expected(path: Path) -> list[str]:
    """The diagnostics an invalid fixture declares in its `# expect:` header lines."""
    return [f"{display_name(path)}:{line}" for line in EXPECT.findall(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", VALID + SEEDS, ids=lambda p: p.name)
def test_valid_files_pass(path: Path) -> None:
    # a fixture is a company file, not a data folder with its releases (test_release, test_hardening); a seed is both
    result = check_files([path], releases=path in SEEDS)
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
    assert lines[0].endswith(
        "role: 'controler' is not an allowed value (use one of: controller, processor, controller_and_processor)"
    )
    assert ":5:1: role:" in lines[0]
    assert "recipients[0].kind: 'procesor' is not an allowed value" in lines[1]


def test_duplicate_slugs_across_files(tmp_path: Path) -> None:
    source = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "minimal.yaml", tmp_path / "b" / "minimal.yaml"
    first.write_text(source, encoding="utf-8")
    second.write_text(source, encoding="utf-8")
    lines = [d.format() for d in check_files([first, second], releases=False).errors]
    assert len(lines) == 1
    assert (
        lines[0] == f"{display_name(second)}:3:1: slug: slug 'minimal' is already used by {display_name(first)} "
        "(give each company its own slug)"
    )


def test_cli_exit_status_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "minimal.yaml").write_bytes((FIXTURES / "valid" / "minimal.yaml").read_bytes())
    assert main(["validate", str(freeze(tmp_path) / "minimal.yaml")]) == 0
    assert capsys.readouterr().out.strip().endswith("1 file checked: 0 errors, 0 completeness warnings")
    bad = INVALID[0]
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert expected(bad)[0] in out
    assert "1 file checked: 1 error" in out


@pytest.mark.parametrize("path", VALID + SEEDS + INVALID, ids=lambda p: p.name)
def test_fast_and_reference_schema_validators_agree(path: Path) -> None:
    from privacy_center.check.schema import is_valid_fast, validator
    from privacy_center.source.loader import load_file

    document, errors = load_file(path)
    if document is None or errors:
        pytest.skip("not loadable: the schema is never consulted")
    assert is_valid_fast(document.data) == validator().is_valid(document.data)


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    from jsonschema import Draft202012Validator
    from privacy_center.check.schema import schema

    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema())


def test_the_schema_validator_cached_on_disk_gives_the_same_answers(tmp_path: Path) -> None:
    import fastjsonschema
    from privacy_center.check.schema import fast_validator
    from privacy_center.source import cache
    from privacy_center.source.loader import load_file

    document, _ = load_file(SEEDS[0])
    assert document is not None
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


# Each hint that can be followed mechanically is followed, and the file re-checked: a hint must never suggest a value
# the schema or the rules then refuse (as `not_stated` where only a text is allowed). Hints naming `not_stated` must
# all be covered here, so a new one is tested too.
def _parse_path(text: str) -> tuple:
    return tuple(int(index) if index else key for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", text))


def _at(data, path: tuple):
    for part in path:
        data = data[part]
    return data


def _set(data, path: tuple, value: object) -> object:
    """Set the value at the path, and give it back (a hint's lambda below sets, then gives the path)."""
    _at(data, path[:-1])[path[-1]] = value
    return value


def _plain(value: str) -> str:
    value = re.sub(r"!?\[([^\]]*)\]\(([^)]*)\)", r"\1: \2", value)
    return re.sub(r"<([^<>\s]+)>", r"\1", value)


HINTS = [  # (pattern on the fix, how to follow it: data, path, match -> the path whose error must be gone)
    (r"'(\w+): not_stated'", lambda data, path, m: (_set(data, (*path, m.group(1)), "not_stated"), path)[1]),
    (
        r"(\w+) to rights\.not_stated",
        lambda data, path, m: (data["rights"].setdefault("not_stated", []).append(m.group(1)), path)[1],
    ),
    (
        r"(?:write|or) not_stated|write a text or not_stated",
        lambda data, path, m: (_set(data, path, "not_stated"), path)[1],
    ),
    (r"^use one of: ([^,;]+)[,;]", lambda data, path, m: (_set(data, path, m.group(1)), path)[1]),
    (r"^define it under \w+ or use one of: (\w+)", lambda data, path, m: (_set(data, path, m.group(1)), path)[1]),
    (r"^remove it(?:,)? or (?:use|rename)", lambda data, path, m: (_at(data, path[:-1]).pop(path[-1]), path)[1]),
    (
        r"write the address as plain text|remove the angle brackets",
        lambda data, path, m: (_set(data, path, _plain(_at(data, path))), path)[1],
    ),
    (
        r"^add '(\w+):' with the translation",
        lambda data, path, m: (_set(data, (*path, m.group(1)), "translation"), path)[1],
    ),
    (r"^keep one entry$", lambda data, path, m: (_at(data, path[:-1]).pop(path[-1]), path)[1]),
    (r", or remove (\w+)$", lambda data, path, m: (_at(data, path[:-1]).pop(m.group(1)), path)[1]),
    (r"^add 'role: (\w+)'", lambda data, path, m: (_set(data, (*path, "role"), m.group(1)), path)[1]),
    (
        r"^remove the character: bidi controls",
        lambda data, path, m: (_set(data, path, INVISIBLE_CHAR.sub("", _at(data, path))), path)[1],
    ),
]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_each_hint_works_when_followed(path: Path) -> None:
    import copy

    from privacy_center.site.checker import check_documents
    from privacy_center.source.loader import Document, load_file

    document, errors = load_file(path, display_name(path))
    if document is None or errors:
        pytest.skip("not loadable: the hint is about the YAML itself")
    for error in check_files([path]).errors:
        followed = [(apply, match) for pattern, apply in HINTS if (match := re.search(pattern, error.fix))]
        if "not_stated" in error.fix:
            assert followed, (
                f"{error.format()}: a hint naming not_stated must be followed by this test (add it to HINTS)"
            )
        for apply, match in followed[:1]:
            data = copy.deepcopy(document.data)
            where = apply(data, _parse_path(error.path), match)
            again = check_documents([Document(document.file, data, document.marks)])
            left = [
                d.format()
                for d in again.errors
                if d.path == error.path or d.path.startswith(error.path + ".") or d.message == error.message
            ]
            assert left == [], f"following '{error.fix}' at {where} still fails: {left}"


# A file name is printed in every diagnostic about the file: a line break in it would forge output lines (a GitHub
# Actions `::error` annotation in a CI log), a bidi override would reorder the line. Such a name is refused before
# anything about the file is read, and shown escaped.
FORGED = "evil\n::error file=x.yaml,line=1::forged\u202e.yaml"


def test_a_file_name_with_a_line_break_is_refused_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    data = tmp_path / "data"
    (data / "versions" / "minimal").mkdir(parents=True)
    source = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (data / FORGED).write_text(source, encoding="utf-8")
    (data / "minimal.yaml").write_text(source, encoding="utf-8")
    (data / "versions" / "minimal" / "1.0\n::error::x.yaml").write_text("", encoding="utf-8")
    (data / "versions" / "bad\rfolder").mkdir()
    assert main(["validate", "--data-dir", str(data)]) == 1
    out = capsys.readouterr().out
    assert "\r" not in out and "\u202e" not in out
    lines = out.splitlines()
    assert not [line for line in lines if line.startswith("::")]
    refused = [line for line in lines if "the file name holds" in line]
    assert len(refused) == 3, out
    assert any(
        line.endswith(
            "versions/bad\\rfolder:1:1: (document): the file name holds the line break, control or invisible "
            "character U+000D (shown escaped) (rename the file with letters, digits, '-', '_' and '.' only)"
        )
        for line in refused
    )
    assert "evil\\n::error file=x.yaml,line=1::forged\\u202e.yaml:1:1: (document):" in out
    assert "versions/minimal/1.0\\n::error::x.yaml:1:1: (document):" in out
    assert display_name(data / FORGED).endswith("data/evil\\n::error file=x.yaml,line=1::forged\\u202e.yaml")
