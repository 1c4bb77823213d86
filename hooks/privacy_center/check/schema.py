"""The JSON Schema check: compiled once per process, errors turned into located diagnostics.

Valid files (the common case) are confirmed by fastjsonschema's compiled validator, about 15 times faster;
only a file it rejects goes through jsonschema, whose errors carry the paths the messages need. jsonschema is
imported only then: with its format checkers it takes over a second to import, longer than checking 200 files.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

from ..source import cache
from ..source.diagnostics import Diagnostic
from ..source.diagnostics import Path as DataPath
from ..source.loader import SILENCE, Document
from ..source.versions import release_command

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_PATH = Path(__file__).parent.parent / "schema" / "company.schema.json"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The company schema, read once (tests/test_validation.py checks it against the Draft 2020-12 meta-schema)."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    """The reference validator, reused for every file, whose errors explain what is wrong."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@lru_cache(maxsize=1)
def fast_validator() -> Any:
    """The same schema compiled to Python code (kept in the cache folder, if any): a quick yes for valid files."""
    inputs = SCHEMA_PATH.read_bytes() + fastjsonschema.VERSION.encode() + _BARE_RAISE.pattern.encode()
    code = cache.cached_code("schema-validator", inputs, _validator_source)
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    return namespace["root_validator"]


# A raise in fastjsonschema's code: one line that builds the message and a literal of the rule's whole definition.
# Only the "no" matters here (jsonschema explains), and every branch an `if` or `anyOf` rejects raises, in valid
# files too (about 90 per company file): a bare exception instead. (Its detailed_exceptions=False fails on `const`.)
_BARE_RAISE = re.compile(r"^( *)raise JsonSchemaValueException\(.*\)$", re.MULTILINE)


def _validator_source() -> str:
    """fastjsonschema's code for our schema, naming its root function (the first it defines) `root_validator`."""
    code = fastjsonschema.compile_to_code(copy.deepcopy(schema()))  # it rewrites $ref in place: keep ours intact
    code = _BARE_RAISE.sub(r'\1raise JsonSchemaValueException("invalid")', code)
    root = re.search(r"^def (\w+)\(", code, re.MULTILINE)
    if root is None:
        raise RuntimeError("fastjsonschema generated no function for the company schema")
    return f"{code}\nroot_validator = {root.group(1)}\n"


def is_valid_fast(data: Any) -> bool:
    """True when the compiled validator accepts the data."""
    try:
        fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def check_schema(document: Document) -> list[Diagnostic]:
    """All schema errors of one document, one diagnostic each, deepest cause first."""
    if is_valid_fast(document.data):
        return []
    errors = [_deepest(error) for error in validator().iter_errors(document.data)]
    patterned = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    # A value failing both its format and its pattern gets one message: the pattern's, which says what to fix.
    errors = [e for e in errors if not (e.validator == "format" and tuple(e.absolute_path) in patterned)]
    try:
        found = [_diagnostic(document, error) for error in errors]
    finally:  # the caches hold this document's identity: never let another document reuse them
        _ACCEPTS.clear()
        _BEFORE.clear()
    unique = {(d.line, d.column, d.path, d.message): d for d in found}
    return list(unique.values())


def _deepest(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf, follow the branch that matches the value's type, so the message is specific."""
    while error.validator in ("oneOf", "anyOf") and error.context:
        if all(e.validator == "required" for e in error.context):
            return error  # a mapping that needs one of several fields: say which ones
        too_long = any(e.validator == "maxLength" for e in error.context)
        if _per_language(error.instance) and _wants_one_string(error.validator_value) and not too_long:
            return error  # a text per language where one string is wanted: say so, not "unknown field 'fr'"
        depth = len(error.absolute_path)
        candidates = [
            e for e in error.context if e.validator not in ("type", "const", "enum") or len(e.absolute_path) > depth
        ]  # a wrong value inside the matching branch
        if not candidates:
            return error
        error = max(candidates, key=_reach)
    return error


def _reach(error: ValidationError) -> int:
    """How deep into the value an error (or, for anyOf/oneOf, any of its branches) points: the branch that got
    furthest into the value is the one the author meant."""
    return max([len(error.absolute_path)] + [_reach(e) for e in error.context or ()])


def _describe(schema: Any) -> str:
    """A short human description of what a (sub)schema accepts."""
    if not isinstance(schema, dict):
        return "a valid value"
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        return {
            "not_stated": "not_stated",
            "text": "a text per language ({fr: ..., en: ...})",
            "markdown_text": "a text per language ({fr: ..., en: ...})",
            "duration": "a duration ({value: 13, unit: months})",
            "id": "an identifier (lower_snake_case)",
            "email": "an email address",
            "url": "an http(s) URL",
            "date": "a date YYYY-MM-DD",
            "money": "an amount ({amount: 100000, currency: EUR})",
            "other_safeguard": "{other: {fr: ..., en: ...}} for another instrument",
        }.get(name, name)
    if "including" in schema.get("properties", {}):
        return "{including: [...]}"
    if schema.get("type") == "object" and schema.get("required") and schema.get("properties"):
        return "{" + ", ".join(f"{name}: ..." for name in schema["required"]) + "}"
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    if "type" in schema:
        return {
            "array": "a list",
            "object": "a mapping",
            "string": "a single string",
            "boolean": "true or false",
            "integer": "a whole number",
        }.get(schema["type"], str(schema["type"]))
    return "a valid value"


_FORMAT_FIXES = {
    "date": "write a real date as YYYY-MM-DD",
    "email": "write an address such as privacy@example.com",
    "uri": "write a full URL such as https://example.com/",
}
_PATTERNS = {
    "^https?://": ("is not an http(s) URL", "write a URL starting with https://"),
    "^[a-z0-9]+(-[a-z0-9]+)*$": ("is not a valid slug", "use lower-case letters, digits and dashes, e.g. my-company"),
    "^[a-z0-9]+(_[a-z0-9]+)*$": (
        "is not a valid identifier",
        "use lower-case letters, digits and underscores, e.g. contact_form",
    ),
    "^[0-9]+(\\.[0-9]+)*$": ("is not a version number", 'write numbers separated by dots, e.g. "1.2"'),
    "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$": (
        "is not a date of the years 1900 to 2200",
        "write the date as YYYY-MM-DD, with the year the policy gives",
    ),
    "^[A-Z]{3}$": ("is not a currency code", "write an ISO 4217 currency code in capitals, such as EUR"),
    "^([A-Z]{2,3}|[a-z_]+)$": (
        "is not a country or region code",
        "use an ISO 3166-1 alpha-2 code such as FR, or a region such as EU or north_america",
    ),
}

# The email and URL patterns also refuse spaces, line breaks (Python's `$` matches before a final newline, hence
# the lookahead) and characters that have a meaning in HTML or Markdown.
_FORMAT_PATTERNS = {
    "email": (
        "is not a single email address",
        "write one address such as privacy@example.com, without spaces, line breaks or brackets",
    ),
    "uri": (
        "is not a plain http(s) address",
        "write one URL such as https://example.com/page, without spaces, "
        "line breaks, quotes or brackets; percent-encode them",
    ),
}


def first_release_hint(file: str = "") -> str:
    """The command that records a company's first version (README, "Publishing a new version"); the data folder is
    named when the file is not in ./data, where the command looks by default."""
    return f"run: {release_command(file or 'data/<slug>.yaml', '1.0')} to record and freeze the first version"


# Per check_schema call: (schema part, field, value) -> accepts; and the document's own error paths.
_ACCEPTS: dict[tuple[int, str, Any], bool] = {}
_BEFORE: dict[int, list[DataPath]] = {}


def accepts_here(error: ValidationError, data: Any, path: DataPath, value: Any) -> bool:
    """`accepts`, asked once per part of the schema and field: every purpose missing the same field gets the same
    hint, and a file of a thousand faulty items costs a thousand lookups, not a thousand validations."""
    key = (id(error.schema), str(path[-1]) if path else "", value)
    if key not in _ACCEPTS:
        _ACCEPTS[key] = accepts(data, path, value)
    return _ACCEPTS[key]


def accepts(data: Any, path: DataPath, value: Any) -> bool:
    """True when the schema accepts `value` at `path` of `data`: a hint suggests a value only if it is allowed."""

    def about(found: Iterable[DataPath]) -> list[DataPath]:
        return [p for p in found if p[: len(path)] == path or path[: len(p)] == p]

    def error_paths(instance: Any) -> list[DataPath]:
        return [tuple(_deepest(e).absolute_path) for e in validator().iter_errors(instance)]

    trial = copy.deepcopy(data)
    target = trial
    try:
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
    except (KeyError, IndexError, TypeError):
        return False
    if id(data) not in _BEFORE:  # the document's own errors, found once per check_schema call
        _BEFORE[id(data)] = error_paths(data)
    before = about(_BEFORE[id(data)])
    after = about(error_paths(trial))
    # Refused if an error stays at or below `path`, or one at an enclosing field (anyOf) did not go away.
    return not [p for p in after if p[: len(path)] == path] and (not after or len(after) < len(before))


Message = tuple[str, str, DataPath]  # what is wrong, how to fix it, and the path to point at


def _required(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    missing = str(error.message).split("'")[1]
    if path == () and missing == "versions":
        return "no version recorded yet", first_release_hint(file), path
    if accepts_here(error, data, (*path, missing), SILENCE):
        return (
            f"missing required field '{missing}'",
            f"add '{missing}:' here, or '{missing}: not_stated' if the policy says nothing",
            path,
        )
    return f"missing required field '{missing}'", f"add '{missing}:' here", path


def _additional(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    extras = sorted(set(error.instance) - set(error.schema.get("properties", {})))
    allowed = ", ".join(sorted(error.schema.get("properties", {})))
    extra = extras[0] if extras else "?"
    return f"unknown field '{extra}'", f"remove it or use one of: {allowed}", (*path, extra)


def _enum(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    return (
        f"'{error.instance}' is not an allowed value",
        "use one of: " + ", ".join(map(str, error.validator_value)),
        path,
    )


def _const(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    return f"expected {error.validator_value!r}, got {error.instance!r}", f"write {error.validator_value!r}", path


def _type(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    expected = _describe({"type": error.validator_value})
    hint = ", in quotes" if error.validator_value == "string" else ""
    if error.validator_value == "boolean" and isinstance(error.instance, str):
        hint = "; 'yes' and 'no' are read as text here"
    return (
        f"expected {expected}, got {type(error.instance).__name__} {error.instance!r}",
        f"write {expected}{hint}",
        path,
    )


def _format(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    fix = _FORMAT_FIXES.get(error.validator_value, f"write a valid {error.validator_value}")
    return f"{error.instance!r} is not a valid {error.validator_value}", fix, path


def _pattern(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    if error.schema.get("format") in _FORMAT_PATTERNS:
        what, fix = _FORMAT_PATTERNS[error.schema["format"]]
        if error.schema["format"] == "uri" and not re.match(r"https?://", str(error.instance)):
            what, fix = _PATTERNS["^https?://"]
        return f"{error.instance!r} {what}", fix, path
    what, fix = _PATTERNS.get(
        error.validator_value, ("does not have the expected form", f"match the pattern {error.validator_value}")
    )
    return f"{error.instance!r} {what}", fix, path


def _empty(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    if error.validator == "minItems" and error.validator_value > 1:
        return (
            f"has {len(error.instance)} {'entry' if len(error.instance) == 1 else 'entries'}, needs at least "
            f"{error.validator_value}",
            f"give at least {error.validator_value} entries, or write a single period instead",
            path,
        )
    if path == ("versions",):
        return "the versions list is empty", f"delete the 'versions:' line, then {first_release_hint(file)}", path
    if accepts_here(error, data, path, SILENCE):
        return "is empty", "give at least one entry, or write not_stated", path
    return "is empty", "give at least one entry", path


def _too_long(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    return (
        f"{_short(error.instance)} is {len(error.instance):,} characters long, more than {error.validator_value:,}",
        f"shorten it to {error.validator_value:,} characters at most",
        path,
    )


def _too_small(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    if error.validator == "exclusiveMinimum":
        return f"{error.instance!r} is too small", f"use a value above {error.validator_value}", path
    return f"{error.instance!r} is too small", f"use a value of at least {error.validator_value}", path


def _alternatives(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    if all(set(branch) == {"required"} for branch in error.validator_value):
        fields = [f"'{name}'" for branch in error.validator_value for name in branch["required"]]
        return (
            f"needs {' or '.join(fields)}",
            f"add {' or '.join(f'{f[:-1]}:{f[-1]}' for f in fields)}, or both",
            path,
        )
    options = " or ".join(_describe(s) for s in error.validator_value)
    if _per_language(error.instance) and _wants_one_string(error.validator_value):
        return (
            f"{_short(error.instance)} is a text per language, but this field takes one string for every language",
            "write " + options.replace("a single string", "a plain string (one name for every language)"),
            path,
        )
    quote = (
        ", in quotes"
        if isinstance(error.instance, (int, bool)) and ("a text" in options or "a single string" in options)
        else ""
    )
    return f"{_short(error.instance)} is not {options}", f"write {options}{quote}", path


def _not(error: ValidationError, data: Any, file: str, path: DataPath) -> Message:
    return f"{error.instance!r} is not allowed here", "write the value the policy gives", path


# One function per kind of schema failure (jsonschema's validator keyword).
_MESSAGES: dict[str, Callable[[ValidationError, Any, str, DataPath], Message]] = {
    "required": _required,
    "additionalProperties": _additional,
    "enum": _enum,
    "const": _const,
    "type": _type,
    "format": _format,
    "pattern": _pattern,
    "minItems": _empty,
    "minProperties": _empty,
    "minLength": _empty,
    "maxLength": _too_long,
    "minimum": _too_small,
    "exclusiveMinimum": _too_small,
    "oneOf": _alternatives,
    "anyOf": _alternatives,
    "not": _not,
}


def _message(error: ValidationError, data: Any = None, file: str = "") -> Message:
    """Message, fix and the path to point at, per kind of schema failure (the document's data and file: hints)."""
    path = tuple(error.absolute_path)
    handler = _MESSAGES.get(str(error.validator))
    if handler is None:
        return error.message, "see the schema in hooks/privacy_center/schema/company.schema.json", path
    return handler(error, data, file, path)


def _wants_one_string(branches: Any) -> bool:
    """True when the alternatives take a plain string but no text per language."""
    described = [_describe(branch) for branch in branches]
    return "a single string" in described and _describe({"$ref": "#/$defs/text"}) not in described


def _per_language(value: Any) -> bool:
    """A mapping shaped like a text per language ({fr: ..., en: ...}): two-letter keys, string values."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(
            isinstance(k, str) and len(k) == 2 and k.isalpha() and k.islower() and isinstance(v, str)
            for k, v in value.items()
        )
    )


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _diagnostic(document: Document, error: ValidationError) -> Diagnostic:
    message, fix, path = _message(error, document.data, document.file)
    return document.diagnostic(path, message, fix)


MARKDOWN_DEF = "#/$defs/markdown_text"


@lru_cache(maxsize=1)
def markdown_fields() -> frozenset[tuple[str, ...]]:
    """Where the schema reads a text as Markdown: the path of every field that refers to `$defs/markdown_text`,
    with `*` for any list index or key (`("sections", "*", "body")`). Every other text is plain."""
    root = schema()
    found: set[tuple[str, ...]] = set()

    def walk(node: Any, where: tuple[str, ...], refs: tuple[str, ...]) -> None:
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if ref == MARKDOWN_DEF:
            found.add(where)
        elif isinstance(ref, str) and ref.startswith("#/$defs/") and ref not in refs:
            walk(root["$defs"][ref.rsplit("/", 1)[-1]], where, (*refs, ref))
        for key, child in node.get("properties", {}).items():
            walk(child, (*where, key), refs)
        for key in ("items", "additionalProperties"):
            walk(node.get(key), (*where, "*"), refs)
        for key in ("anyOf", "oneOf", "allOf"):
            for child in node.get(key, []):
                walk(child, where, refs)
        for key in ("if", "then", "else", "not"):
            walk(node.get(key), where, refs)

    walk(root, (), ())
    return frozenset(found)


def is_markdown_field(path: DataPath) -> bool:
    """True when the value at `path` (a text, or one of its languages) is a Markdown field of the schema."""
    for pattern in markdown_fields():
        for candidate in (path, path[:-1]):
            if len(candidate) == len(pattern) and all(
                want == "*" or want == part for want, part in zip(pattern, candidate, strict=False)
            ):
                return True
    return False


def schema_paths(errors: Iterable[Diagnostic]) -> set[str]:
    """Paths that already failed the schema, so semantic rules do not report them twice."""
    return {d.path for d in errors}
