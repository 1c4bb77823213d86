"""The company schema documents itself, so an author can write a company file from it and one example alone.

Every property and every definition has a `title` and a `description` (and a `markdownDescription`, the same
text, where it holds code); every property, and every definition whose value can be a string with a `format` or
`pattern` (an email, a URL, a date, an identifier, a country code...), has `examples`; and every example is
valid against the subschema it illustrates.

Which subschemas count (the same rule as the script that wrote the documentation):
- every entry of a `$defs` map, at any depth;
- every entry of a `properties` map found in the root, in a target, or in a subschema reached from one through
  `allOf`, `anyOf`, `oneOf`, `prefixItems`, `items`, `additionalProperties`, `then`, `else`, `not`, `contains` or
  `dependentSchemas`;
- except a property whose schema is a boolean (the `kind: true` stubs of the retention `then` clauses, which
  only let `kind` stand beside `additionalProperties: false`; `kind` itself is documented once), and except
  everything under an `if` (a condition that picks a branch, not a field an author writes).
A value "can be a formatted string" when its schema, or one reached through `$ref` or the branches of
`anyOf`/`oneOf`/`allOf`, has a `format` or a `pattern` (not through `items`: a list is documented as a list).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conftest import ROOT
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_PATH = ROOT / "hooks/privacy_center/schema/company.schema.json"
_WALK_ONE = ("items", "additionalProperties", "then", "else", "not", "contains")
_WALK_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
_MISSING = object()


def _schema() -> dict[str, Any]:
    return json.loads(Path(SCHEMA_PATH).read_text(encoding="utf-8"))


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _resolve(schema: Any, pointer: str) -> Any:
    node = schema
    for token in pointer.split("/")[1:] if pointer else []:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return _MISSING
    return node


def targets(node: Any, pointer: str = "", in_if: bool = False) -> Iterator[tuple[str, Any]]:
    """(JSON pointer, schema) of every property and definition that must be documented (module docstring)."""
    if not isinstance(node, dict):
        return
    if isinstance(node.get("properties"), dict) and not in_if:
        for name, sub in node["properties"].items():
            if isinstance(sub, bool):
                continue
            child = f"{pointer}/properties/{_escape(name)}"
            yield child, sub
            yield from targets(sub, child)
    if isinstance(node.get("$defs"), dict):
        for name, sub in node["$defs"].items():
            child = f"{pointer}/$defs/{_escape(name)}"
            yield child, sub
            yield from targets(sub, child, in_if)
    for key in _WALK_MANY:
        for index, sub in enumerate(node[key] if isinstance(node.get(key), list) else []):
            yield from targets(sub, f"{pointer}/{key}/{index}", in_if)
    for key in _WALK_ONE:
        yield from targets(node.get(key), f"{pointer}/{key}", in_if)
    if isinstance(node.get("dependentSchemas"), dict):
        for name, sub in node["dependentSchemas"].items():
            yield from targets(sub, f"{pointer}/dependentSchemas/{_escape(name)}", in_if)
    yield from targets(node.get("if"), f"{pointer}/if", True)


def can_be_formatted_string(schema: dict, node: Any, seen: frozenset[str] = frozenset()) -> bool:
    """True when the value may be a string with a format or a pattern (through $ref and anyOf/oneOf/allOf)."""
    if not isinstance(node, dict):
        return False
    if "format" in node or "pattern" in node:
        return True
    ref = node.get("$ref")
    if (
        isinstance(ref, str)
        and ref.startswith("#")
        and ref not in seen
        and can_be_formatted_string(schema, _resolve(schema, ref[1:]), seen | {ref})
    ):
        return True
    return any(
        can_be_formatted_string(schema, sub, seen) for key in ("anyOf", "oneOf", "allOf") for sub in node.get(key) or []
    )


def _report(problems: list[str], what: str) -> str:
    return f"{len(problems)} {what} (JSON pointers into {SCHEMA_PATH.name}):\n" + "\n".join(problems)


def test_the_walk_reaches_every_kind_of_target() -> None:
    """A walk that found nothing would make the other tests pass vacuously."""
    schema = _schema()
    found = {pointer for pointer, _ in targets(schema)}
    expected = {f"/properties/{_escape(name)}" for name in schema["properties"]}
    expected |= {f"/$defs/{_escape(name)}" for name in schema["$defs"]}
    assert expected - found == set()
    text = json.dumps(schema)
    if '"anyOf"' in text:
        assert any("/anyOf/" in pointer for pointer in found), "no property inside an anyOf branch was reached"
    if '"then"' in text:
        assert any("/then/properties/" in pointer for pointer in found), "no property of a then clause was reached"
    assert not any("/if/" in pointer for pointer in found)


def test_every_property_and_definition_has_a_title_and_a_description() -> None:
    problems = [
        f"{pointer}: no {' and no '.join(key for key in ('title', 'description') if not node.get(key))}"
        for pointer, node in targets(_schema())
        if not (
            isinstance(node.get("title"), str)
            and node["title"].strip()
            and isinstance(node.get("description"), str)
            and node["description"].strip()
        )
    ]
    assert not problems, _report(problems, "properties or definitions lack a title or a description")


def test_every_formatted_string_has_examples() -> None:
    schema = _schema()
    problems = [
        f"{pointer}: a formatted string without examples"
        for pointer, node in targets(schema)
        if can_be_formatted_string(schema, node) and not node.get("examples")
    ]
    assert not problems, _report(problems, "properties or definitions need examples")


def test_every_property_has_examples() -> None:
    """Editors offer a property's examples as completions (yaml-language-server): every field an author writes has
    some, formatted or not."""
    problems = [
        f"{pointer}: a property without examples"
        for pointer, node in targets(_schema())
        if "/properties/" in pointer.rsplit("/$defs/", 1)[-1] and not node.get("examples")
    ]
    assert not problems, _report(problems, "properties need examples")


def test_markdown_descriptions_say_what_the_descriptions_say() -> None:
    """yaml-language-server shows `markdownDescription` (code in backticks rendered) where a text has code; it
    must not drift from `description`, which other editors and the field reference show."""
    problems = []
    for pointer, node in targets(_schema()):
        description = node.get("description", "")
        if "markdownDescription" in node and node["markdownDescription"] != description:
            problems.append(f"{pointer}: markdownDescription differs from description")
        elif "markdownDescription" not in node and "`" in description:
            problems.append(f"{pointer}: a description with code and no markdownDescription")
    assert not problems, _report(problems, "descriptions for editors are out of step")


def test_every_example_is_valid_against_its_own_subschema() -> None:
    schema = _schema()
    base = schema.get("$id", "urn:privacy-center:company-schema")
    registry = Registry().with_resource(base, Resource.from_contents(schema))
    problems = []
    checked = 0
    for pointer, node in [("", schema), *targets(schema)]:
        examples = node.get("examples", [])
        if not isinstance(examples, list):
            problems.append(f"{pointer}: examples must be a list")
            continue
        validator = Draft202012Validator(
            {"$ref": f"{base}#{pointer}"}, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        for index, example in enumerate(examples):
            checked += 1
            for error in validator.iter_errors(example):
                where = "/".join(map(str, error.absolute_path))
                problems.append(
                    f"{pointer}/examples/{index} {json.dumps(example, ensure_ascii=False)}: "
                    f"{error.message}{f' (at {where})' if where else ''}"
                )
    assert not problems, _report(problems, "examples do not match their subschema")
    assert checked, "the schema gives no example at all"
