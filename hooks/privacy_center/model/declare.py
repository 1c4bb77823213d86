"""The words to declare a field of the company file once, and the JSON Schema generated from the declarations.

A `Field` holds all that is said of one field: the type of its value, whether it is required, its title,
description and examples (the schema's annotations, the editor's hover text and the field reference), how the diff
classifies a change to it (`Change`), the completeness rules that read it and, for a top-level field, the heading
of the notice it is shown under. A `Record` is a mapping of declared fields; any other value is a `Node` of JSON
Schema keywords. `declaration.py` declares every field; `json_schema` turns the declarations into the published
schema (`schema/company.schema.json`, committed and tested equal to what this module generates)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal, get_args, get_origin

Json = Any
"""A JSON value (mapping, list, string, number, boolean, null) where nodes may stand among the values."""


class Change(Enum):
    """How the diff classifies a change to a field (Article 29 Working Party, WP260 rev.01, §26–29: a change to
    who the controller is, how to reach it, what data is processed, why, for how long, who receives it, where it
    goes, the rights and the authority is material and must be brought to people's attention; notes, layout and
    wording are editorial)."""

    MATERIAL = "material"
    EDITORIAL = "editorial"


MATERIAL = Change.MATERIAL
EDITORIAL = Change.EDITORIAL


@dataclass(frozen=True)
class Node:
    """A value's JSON Schema keywords (`type`, `$ref`, `anyOf`, `items`…), nodes and records among them, with the
    node's own annotations when it is a named definition or a branch that carries a title."""

    keywords: Mapping[str, Json]
    title: str | None = None
    description: str | None = None
    examples: tuple[Json, ...] = ()


@dataclass(frozen=True)
class Field:
    """One field of a mapping in the company file, declared once."""

    name: str
    type: Node | Record
    change: Change
    title: str
    description: str
    examples: tuple[Json, ...]
    required: bool = False
    rules: tuple[str, ...] = ()  # the completeness rules (completeness.py) that read this field
    heading: str | None = None  # top-level fields: the wording key of the notice heading it is shown under
    label: str | None = None  # the wording key that names it: its line on the notice, its changes in the diff
    vocabulary: str | None = None  # a code: the locale section that words it (`legal_form` -> legal_form.<code>)


@dataclass(frozen=True)
class Record:
    """A mapping of declared fields; no other key is allowed unless `closed` is false."""

    fields: tuple[Field, ...]
    title: str | None = None
    description: str | None = None
    examples: tuple[Json, ...] = ()
    keywords: Mapping[str, Json] = field(default_factory=dict)  # further constraints (anyOf of required keys…)
    closed: bool = True


def ref(name: str) -> Node:
    """A reference to the named definition (`#/$defs/<name>`)."""
    return Node({"$ref": f"#/$defs/{name}"})


def codes(vocabulary: object) -> list[str]:
    """The codes of a vocabulary of the model (a `Literal`, possibly of Literals), in its order: the vocabulary is
    declared once, with the GDPR article in its docstring, and the schema's `enum` is made from it."""
    found: list[str] = []
    for code in get_args(vocabulary):
        found.extend(codes(code) if get_origin(code) is Literal else [code])
    return found


def any_of(*branches: Node | Record) -> Node:
    """A value that matches at least one of the branches, tried in order."""
    return Node({"anyOf": list(branches)})


def including(
    items: Node | Record,
    *,
    title: str,
    description: str,
    items_title: str,
    items_description: str,
    items_examples: tuple[Json, ...],
    examples: tuple[Json, ...] = (),
) -> Record:
    """`{including: [...]}`: a list the policy gives as examples only ("such as", "notamment"), never the full one;
    a list that becomes non-exhaustive is a material change."""
    field = Field(
        "including",
        items,
        MATERIAL,
        title=items_title,
        description=items_description,
        examples=items_examples,
        required=True,
    )
    return Record((field,), title=title, description=description, examples=examples)


def _annotations(title: str | None, description: str | None) -> dict[str, Json]:
    found: dict[str, Json] = {}
    if title is not None:
        found["title"] = title
    if description is not None:
        found["description"] = description
        found["markdownDescription"] = description  # what editors show on hover, rendered as Markdown
    return found


def _value(value: Json) -> Json:
    if isinstance(value, Node | Record):
        return node_schema(value)
    if isinstance(value, Mapping):
        return {key: _value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_value(item) for item in value]
    return value


def node_schema(node: Node | Record) -> dict[str, Json]:
    """The JSON Schema of one node or record, annotations first and examples last."""
    schema = _annotations(node.title, node.description)
    if isinstance(node, Record):
        schema["type"] = "object"
        if node.closed:
            schema["additionalProperties"] = False
        required = [item.name for item in node.fields if item.required]
        if required:
            schema["required"] = required
        schema["properties"] = {item.name: field_schema(item) for item in node.fields}
    schema.update(_value(dict(node.keywords)))
    if node.examples:
        schema["examples"] = _value(node.examples)
    return schema


def field_schema(item: Field) -> dict[str, Json]:
    """A field's schema: its annotations around its type's keywords."""
    schema = _annotations(item.title, item.description)
    schema.update(node_schema(item.type))
    if item.vocabulary is not None:  # an annotation for tools: the wording group that names the codes
        schema["x-vocabulary"] = item.vocabulary
    schema["examples"] = _value(item.examples)
    return schema


def json_schema(root: Record, head: Mapping[str, Json], definitions: Mapping[str, Node | Record]) -> dict[str, Json]:
    """The whole schema: `head` (`$schema`, `$id`), the root record, then the named definitions."""
    schema = dict(head)
    schema.update(node_schema(root))
    schema["$defs"] = {name: node_schema(node) for name, node in definitions.items()}
    return schema


def walk(record: Record, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Field]]:
    """Every field declared in a record and the records nested in its fields' types (references not followed)."""
    for item in record.fields:
        yield (*path, item.name), item
        yield from _nested(item.type, (*path, item.name))


def _nested(value: Json, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Field]]:
    if isinstance(value, Record):
        yield from walk(value, path)
    elif isinstance(value, Node):
        yield from _nested(value.keywords, path)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _nested(item, path)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _nested(item, path)


def records(node: Json, definitions: Mapping[str, Node | Record]) -> Iterator[Record]:
    """The records a value of this type may be: the node itself, the definitions it refers to, its branches
    (`anyOf`, `oneOf`, `allOf`) and, for a list, its items'."""
    if isinstance(node, Record):
        yield node
    elif isinstance(node, Node):
        target = node.keywords.get("$ref")
        if isinstance(target, str):
            yield from records(definitions[target.rsplit("/", 1)[-1]], definitions)
        for key in ("anyOf", "oneOf", "allOf"):
            for branch in node.keywords.get(key, ()):
                yield from records(branch, definitions)
        yield from records(node.keywords.get("items"), definitions)


def member(owner: Field | Node | Record, name: str, definitions: Mapping[str, Node | Record]) -> Field | None:
    """The field `name` of a record, or of what a type or a field's value may be (the first of its records that
    declares it); None when none is declared."""
    for record in records(owner.type if isinstance(owner, Field) else owner, definitions):
        for item in record.fields:
            if item.name == name:
                return item
    return None
