"""Load YAML with line numbers, refusing duplicate keys and silent retyping of dates or yes/no."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path as FsPath
from typing import Any

import yaml

from .diagnostics import Diagnostic, Path, format_path

try:  # libyaml's parser when present; the Python one otherwise.
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class StrictLoader(_BaseLoader):  # type: ignore[misc]
    """A loader that resolves only true/false, integers and null; everything else stays a string."""


StrictLoader.yaml_implicit_resolvers = {}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""])

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"


@dataclass
class Document:
    """A parsed file: its data and where each YAML path starts, for error messages."""

    file: str
    data: Any
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    @cached_property
    def nodes(self) -> list[tuple[Path, Any]]:
        """Every (path, value) pair, depth first: walked once, shared by all the rules."""
        found: list[tuple[Path, Any]] = []
        stack: list[tuple[Path, Any]] = [((), self.data)]
        while stack:
            path, value = stack.pop()
            found.append((path, value))
            if isinstance(value, dict):
                stack.extend(((*path, key), child) for key, child in reversed(value.items()))
            elif isinstance(value, list):
                stack.extend(((*path, index), child) for index, child in reversed(list(enumerate(value))))
        return found

    def position(self, path: Path) -> tuple[int, int]:
        """Line and column of the deepest known node on `path` (1-based)."""
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def diagnostic(self, path: Path, message: str, fix: str = "", severity: str = "error") -> Diagnostic:
        """A finding located at `path` in this document."""
        line, column = self.position(path)
        return Diagnostic(self.file, line, column, format_path(path), message, fix, severity)  # type: ignore[arg-type]


class _Builder:
    """Turn a composed node tree into plain data, recording marks and refusing duplicate keys."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Path, tuple[int, int]] = {}
        self.errors: list[Diagnostic] = []

    def build(self, node: yaml.Node, path: Path) -> Any:
        mark = node.start_mark
        self.marks[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self._key(key_node, path)
                if key is None:
                    continue
                if key in result:
                    first = self.marks[(*path, key)]
                    self.errors.append(
                        Diagnostic(
                            self.file,
                            key_node.start_mark.line + 1,
                            key_node.start_mark.column + 1,
                            format_path((*path, key)),
                            f"duplicate key '{key}' (first given at line {first[0]})",
                            "keep one of the two entries",
                        )
                    )
                    continue
                result[key] = self.build(value_node, (*path, key))
                self.marks[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # the third and last kind of node the composer makes
        return self._scalar(node, path)

    def _key(self, node: yaml.Node, path: Path) -> str | None:
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        self.errors.append(
            Diagnostic(
                self.file,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                format_path(path),
                "a mapping key must be a plain string",
                "write the key as text",
            )
        )
        return None

    def _scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        if node.tag == _BOOL:
            return node.value == "true"
        if node.tag == _INT:
            return int(node.value)
        if node.tag == _NULL:
            return None
        if node.tag != _STR:
            mark = node.start_mark
            self.errors.append(
                Diagnostic(
                    self.file,
                    mark.line + 1,
                    mark.column + 1,
                    format_path(path),
                    f"unsupported YAML tag {node.tag}",
                    "remove the tag and write plain text",
                )
            )
        return node.value


def load_text(text: str, file: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML text; return the document and any syntax or duplicate-key errors."""
    try:
        node = yaml.compose(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [
            Diagnostic(
                file,
                line,
                column,
                "",
                f"YAML syntax error: {problem}",
                "fix the indentation or quoting at this position",
            )
        ]
    except yaml.reader.ReaderError as exc:  # a character YAML refuses in a file (a raw control character...)
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        return None, [
            Diagnostic(
                file,
                line,
                column,
                "",
                f"character U+{exc.character:04X} is not allowed in YAML",
                "remove it: control characters are not allowed in any text",
            )
        ]
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        return None, [Diagnostic(file, 1, 1, "", f"YAML error: {exc}", "check the file is valid YAML")]
    if node is None:
        return None, [Diagnostic(file, 1, 1, "", "the file is empty", "start from an existing file in data/")]
    builder = _Builder(file)
    data = builder.build(node, ())
    return Document(file, data, builder.marks), builder.errors


def load_file(path: FsPath, display: str | None = None) -> tuple[Document | None, list[Diagnostic]]:
    """Read and parse one YAML file, reporting unreadable files as diagnostics."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [
            Diagnostic(name, 1, 1, "", f"cannot read file: {exc}", "check the path and that the file is UTF-8")
        ]
    return load_text(text, name)
