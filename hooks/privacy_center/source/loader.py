"""Load YAML with line numbers, refusing duplicate keys, silent retyping of dates or yes/no, and anything beyond the
limits of limits.py (size, nesting, items, aliases, text length), iteratively: no input can raise or explode."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, cast

import yaml

from .diagnostics import Diagnostic, Path, format_path
from .limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_INT_DIGITS, MAX_ITEMS, MAX_KEY, MAX_NODES, MAX_STRING, MAX_TEXT_TOTAL
from .safety import name_problem, printable_name

try:  # libyaml's parser when present; the Python one otherwise.
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class StrictLoader(_BaseLoader):  # type: ignore[misc]
    """A loader that resolves only true/false, integers and null; everything else stays a string."""


class _PythonParser(yaml.SafeLoader):
    """PyYAML's own parser, for what libyaml refuses before the builder sees it: libyaml 0.2.6 stops at 1,000
    levels of nesting while still scanning ahead, so the builder's clearer limit (MAX_DEPTH) is never reached."""


SILENCE = "not_stated"
"""How the company file writes that the policy is silent; the model reads it as model.NOT_STATED."""

_BOOL_RE = re.compile(r"^(?:true|false)$")
_INT_RE = re.compile(r"^[-+]?[0-9]+$")
_NULL_RE = re.compile(r"^(?:~|null|)$")
_RESOLVED_FIRST = frozenset("tf+-0123456789~n")  # how a plain true/false, integer or null can start
StrictLoader.yaml_implicit_resolvers = {}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL_RE, list("tf"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", _INT_RE, list("-+0123456789"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:null", _NULL_RE, ["~", "n", ""])

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


def walk(path: Path, value: Any, found: list[tuple[Path, Any]] | None = None) -> list[tuple[Path, Any]]:
    """Every (path, value) pair under `value`, depth first, in document order (appended to `found`)."""
    found = [] if found is None else found
    stack: list[tuple[Path, Any]] = [(path, value)]
    while stack:
        path, value = stack.pop()
        found.append((path, value))
        if isinstance(value, dict):
            stack.extend(((*path, key), child) for key, child in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*path, index), child) for index, child in reversed(list(enumerate(value))))
    return found


@dataclass
class Document:
    """A parsed file: its data and where each YAML path starts, for error messages."""

    file: str
    data: Any
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    # the data the walk below was made of, and the walk (the loader gives its own, made while reading)
    walked: tuple[Any, list[tuple[Path, Any]]] | None = field(default=None, repr=False, compare=False)
    # the text after its leading comments (see body()): two files with the same body hold the same data
    body: str | None = field(default=None, repr=False, compare=False)

    @property
    def nodes(self) -> list[tuple[Path, Any]]:
        """Every (path, value) pair, depth first: walked once per data, shared by all the rules."""
        if self.walked is None or self.walked[0] is not self.data:
            self.walked = (self.data, walk((), self.data))
        return self.walked[1]

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


class _TooLarge(Exception):
    """The file passed a limit that makes reading on pointless (values once aliases are expanded)."""


@dataclass(slots=True)
class _Frame:
    """A mapping or list being read: where it is, what it holds, and the anchor that names it, if any."""

    value: Any
    path: Path
    anchor: str | None
    nodes: int  # the builder's value count when the collection opened, to size what an alias of it expands to
    chars: int
    keep: bool = True  # False for the value of a duplicate key, read but not kept
    key: str | None = None  # a mapping's pending key, once read
    key_mark: tuple[int, int] = (1, 1)
    expects_key: bool = True
    full: bool = False  # reported once: more items than MAX_ITEMS
    height: int = 1  # levels below and including this collection, for aliases of it


def _position(mark: Any) -> tuple[int, int]:
    """The 1-based line and column of a parser mark (libyaml's or PyYAML's), or the file's start for none."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


@dataclass
class _Anchor:
    """What an anchored value expands to wherever an alias repeats it."""

    value: Any
    nodes: int
    chars: int
    height: int


class _Builder:
    """Turn YAML parser events into plain data, iteratively, recording marks and refusing what is out of bounds:
    duplicate keys, keys that are not strings, tags, nesting, items, values and texts beyond limits.py."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Path, tuple[int, int]] = {}
        self.errors: list[Diagnostic] = []
        self.anchors: dict[str, _Anchor] = {}
        self.stack: list[_Frame] = []
        self.skip = 0  # depth inside a collection too deep or used as a key, read but not built
        self.nodes = 0
        self.chars = 0
        self.root: Any = None
        self.documents = 0
        self.found: list[tuple[Path, Any]] = []  # every kept (path, value), depth first: Document.nodes
        self.stop_when_too_deep = False  # stop at the depth limit instead of reading the rest (the slow parser)

    def error(self, mark: Any, path: Path, message: str, fix: str) -> None:
        line, column = _position(mark) if mark is not None else self.marks.get(path, (1, 1))
        self.errors.append(Diagnostic(self.file, line, column, format_path(path), message, fix))

    def run(self, parser: Any) -> Any:
        """Build the data from a parser's events (libyaml's when available), one event at a time."""
        handlers: dict[type, Callable[[Any], None]] = {
            yaml.ScalarEvent: self.scalar,
            yaml.MappingStartEvent: self.start,
            yaml.SequenceStartEvent: self.start,
            yaml.MappingEndEvent: self.end,
            yaml.SequenceEndEvent: self.end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document,
        }
        opening = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
        closing = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        get_event = parser.get_event
        while True:
            event = get_event()
            kind = type(event)
            if self.skip:
                if kind in opening:
                    self.skip += 1
                elif kind in closing:
                    self.skip -= 1
                continue
            handler = handlers.get(kind)
            if handler is not None:
                handler(event)
            elif kind is yaml.StreamEndEvent:
                return self.root

    def document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            raise yaml.composer.ComposerError(
                None,
                None,
                "expected a single document in the stream, found another",
                cast("yaml.error.Mark", event.start_mark),
            )

    def place(self, mark: Any) -> tuple[Path, bool] | None:
        """Where the next value goes (its path, and whether it is kept); None when it is a mapping's key."""
        if not self.stack:
            return (), True
        frame = self.stack[-1]
        if isinstance(frame.value, dict):
            if frame.expects_key:
                return None
            if frame.key is None:  # the value of a key that is not a string: read, not kept
                return frame.path, False
            return (*frame.path, frame.key), frame.keep
        return (*frame.path, len(frame.value)), frame.keep and not frame.full

    def awaits_key(self) -> bool:
        """True when the next event is a mapping's key."""
        return bool(self.stack) and isinstance(self.stack[-1].value, dict) and self.stack[-1].expects_key

    def slot(self, mark: Any) -> tuple[Path, bool]:
        """Where the next value goes and whether it is kept (not past MAX_ITEMS in a list, not a refused key's)."""
        placed = self.place(mark)
        assert placed is not None  # callers handle a mapping's key first
        path, keep = placed
        if self.stack and not isinstance(self.stack[-1].value, dict):
            self.room(self.stack[-1], mark)
            keep = keep and not self.stack[-1].full
        return path, keep

    def count(self, mark: Any, path: Path, nodes: int, chars: int) -> None:
        self.nodes += nodes
        self.chars += chars
        if self.nodes > MAX_NODES:
            self.error(
                mark,
                path,
                f"the file holds more than {MAX_NODES:,} values (aliases counted each time they are used)",
                "split the data or write repeated parts once; an alias repeats all the values of its anchor",
            )
            raise _TooLarge
        if self.chars > MAX_TEXT_TOTAL:
            self.error(
                mark,
                path,
                f"the file's texts add up to more than {MAX_TEXT_TOTAL:,} characters (aliases counted each time)",
                "shorten the texts; an alias repeats all the text of its anchor",
            )
            raise _TooLarge

    def attach(self, path: Path, keep: bool, value: Any, mark: Any) -> None:
        """Put a finished value in its parent (or make it the document), and close a mapping's pending key."""
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if isinstance(frame.value, dict):
            if keep:
                frame.value[frame.key] = value
                self.marks[path] = frame.key_mark
            frame.expects_key, frame.key, frame.keep = True, None, True
            return
        if keep:
            self.marks[path] = _position(mark)
            frame.value.append(value)

    def key_error(self, mark: Any) -> None:
        frame = self.stack[-1]
        self.error(mark, frame.path, "a mapping key must be a plain string", "write the key as text")
        frame.expects_key, frame.key, frame.keep = False, None, False  # its value is read, not kept

    def room(self, frame: _Frame, mark: Any) -> None:
        """Refuse the item after the MAX_ITEMS-th of a list or mapping, once."""
        if len(frame.value) >= MAX_ITEMS and not frame.full:
            frame.full = True
            what = "keys" if isinstance(frame.value, dict) else "items"
            self.error(
                mark,
                frame.path,
                f"more than {MAX_ITEMS:,} {what} in one {'mapping' if what == 'keys' else 'list'}",
                "split the list, or group its items",
            )

    def scalar(self, event: yaml.ScalarEvent) -> None:
        mark = event.start_mark
        frame = self.stack[-1] if self.stack else None
        if frame is not None and type(frame.value) is dict:
            if frame.expects_key:
                self.key(event)
                return
            if frame.keep and frame.key is not None and event.anchor is None:  # most scalars: a kept mapping value
                path = (*frame.path, frame.key)
                value = event.value
                if not (  # what resolve() returns as it is, said without calling it: most values are such texts
                    event.tag is None
                    and (not event.implicit[0] or (value and value[0] not in _RESOLVED_FIRST))
                    and len(value) <= MAX_STRING
                ):
                    value = self.resolve(event, path)
                self.nodes += 1
                self.chars += len(event.value)
                if self.nodes > MAX_NODES or self.chars > MAX_TEXT_TOTAL:
                    self.count(mark, path, 0, 0)  # says which limit, and stops
                self.found.append((path, value))
                frame.value[frame.key] = value
                self.marks[path] = frame.key_mark
                frame.expects_key, frame.key = True, None
                return
        path, keep = self.slot(mark)
        value = self.resolve(event, path)
        self.count(mark, path, 1, len(event.value))
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(value, 1, len(event.value), 0)
        if keep:
            self.found.append((path, value))
        self.attach(path, keep, value, mark)

    def key(self, event: yaml.ScalarEvent) -> None:
        frame = self.stack[-1]
        mark = event.start_mark
        key = str(event.value)
        if len(frame.value) >= MAX_ITEMS:
            self.room(frame, mark)
        frame.expects_key, frame.key, frame.keep = False, key, not frame.full
        frame.key_mark = _position(mark)
        self.nodes += 1
        self.chars += len(key)
        if self.nodes > MAX_NODES or self.chars > MAX_TEXT_TOTAL:
            self.count(mark, frame.path, 0, 0)  # says which limit, and stops
        if len(key) > MAX_KEY:
            self.error(mark, frame.path, f"a key of {len(key):,} characters (at most {MAX_KEY})", "use a field name")
            frame.keep = False
        elif frame.keep and key in frame.value:
            first = self.marks[(*frame.path, key)]
            self.error(
                mark,
                (*frame.path, key),
                f"duplicate key '{key}' (first given at line {first[0]})",
                "keep one of the two entries",
            )
            frame.keep = False

    def resolve(self, event: yaml.ScalarEvent, path: Path) -> Any:
        """The value of a scalar: true/false, integers and null when plain; text otherwise. Out of bounds: an
        error, and the text kept (the document is not used further)."""
        value = event.value
        tag = event.tag
        if tag in (None, "!"):
            if tag is None and event.implicit[0] and (not value or value[0] in _RESOLVED_FIRST):
                if _BOOL_RE.match(value):
                    return value == "true"
                if _INT_RE.match(value):
                    digits = len(value.lstrip("+-"))
                    if digits > MAX_INT_DIGITS:
                        self.error(
                            event.start_mark,
                            path,
                            f"a number of {digits:,} digits is too large (at most {MAX_INT_DIGITS})",
                            "write the number the policy gives, or quote it to keep it as text",
                        )
                        return value
                    return int(value)
                if _NULL_RE.match(value):
                    return None
        elif tag != _STR:
            self.error(event.start_mark, path, f"unsupported YAML tag {tag}", "remove the tag and write plain text")
        if len(value) > MAX_STRING:
            self.error(
                event.start_mark,
                path,
                f"a text of {len(value):,} characters is too long (at most {MAX_STRING:,})",
                "shorten it: summarise the clause and link to the policy",
            )
        return value

    def start(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        mark = event.start_mark
        parent = self.stack[-1] if self.stack else None
        if parent is not None and type(parent.value) is dict and not parent.expects_key and parent.key is not None:
            path, keep = (*parent.path, parent.key), parent.keep  # most collections: a mapping's value (as slot())
        elif self.awaits_key():
            self.key_error(mark)
            self.skip = 1
            return
        else:
            path, keep = self.slot(mark)
        mapping = isinstance(event, yaml.MappingStartEvent)
        if event.tag not in (None, "!", _MAP if mapping else _SEQ):
            self.error(mark, path, f"unsupported YAML tag {event.tag}", "remove the tag")
        if len(self.stack) >= MAX_DEPTH:
            self.error(
                mark,
                path,
                f"nested more than {MAX_DEPTH} levels deep",
                "flatten the structure: company files nest about 10 levels at most",
            )
            if self.stop_when_too_deep:
                raise _TooLarge
            self.skip = 1
            self.attach(path, keep, None, mark)
            return
        self.count(mark, path, 1, 0)
        value: Any = {} if mapping else []
        if keep:
            self.found.append((path, value))
        if not self.stack:
            self.marks[()] = _position(mark)
        elif not isinstance(self.stack[-1].value, dict) and keep:
            self.marks[path] = _position(mark)
        self.stack.append(_Frame(value, path, event.anchor, self.nodes - 1, self.chars, keep))
        self.stack[-1].key_mark = _position(mark)

    def end(self, event: yaml.Event | None = None) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = _Anchor(
                frame.value, self.nodes - frame.nodes, self.chars - frame.chars, frame.height
            )
        if self.stack:
            parent = self.stack[-1]
            if frame.height >= parent.height:
                parent.height = frame.height + 1
            if type(parent.value) is dict:  # as attach() does
                if frame.keep:
                    parent.value[parent.key] = frame.value
                    self.marks[frame.path] = parent.key_mark
                parent.expects_key, parent.key, parent.keep = True, None, True
            elif frame.keep:
                parent.value.append(frame.value)
                self.marks[frame.path] = self.marks.get(frame.path, (1, 1))
        else:
            self.root = frame.value

    def alias(self, event: yaml.AliasEvent) -> None:
        mark = event.start_mark
        if self.awaits_key():
            self.key_error(mark)
            return
        path, keep = self.slot(mark)
        anchor = self.anchors.get(str(event.anchor))
        if anchor is None:
            self.error(mark, path, f"alias *{event.anchor} names no anchor above it", f"define &{event.anchor} first")
            self.attach(path, keep, None, mark)
            return
        if len(self.stack) + anchor.height > MAX_DEPTH:
            self.error(
                mark,
                path,
                f"alias *{event.anchor} nests the data more than {MAX_DEPTH} levels deep",
                "write this part out instead of using an alias",
            )
            self.attach(path, keep, None, mark)
            return
        self.count(mark, path, anchor.nodes, anchor.chars)
        if self.stack:
            self.stack[-1].height = max(self.stack[-1].height, anchor.height + 1)
        if keep:
            walk(path, anchor.value, self.found)
        self.attach(path, keep, anchor.value, mark)


def _read(builder: _Builder, loader: type[yaml.SafeLoader], text: str) -> Any:
    """The data of `text` as the builder makes it from the loader's parser events."""
    parser = loader(text)
    try:
        return builder.run(parser)
    finally:
        parser.dispose()


def body(text: str) -> str:
    """A YAML text without its leading comment and blank lines (a frozen copy is its company file without the
    editor's schema comment): what decides the data."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        line = text[start : len(text) if end < 0 else end].strip()
        if line and not line.startswith("#"):
            break
        start = len(text) if end < 0 else end + 1
    return text[start:]


def load_text(text: str, file: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML text; return the document and any syntax, duplicate-key or limit errors."""
    if len(text) > MAX_FILE_BYTES:
        return None, [_too_big(file, len(text.encode("utf-8", "surrogatepass")))]
    builder = _Builder(file)
    try:
        try:
            data = _read(builder, StrictLoader, text)
        except yaml.MarkedYAMLError as exc:
            if "nesting depth" not in str(exc.problem) or _BaseLoader is yaml.SafeLoader:  # already PyYAML's
                raise
            # Read again with PyYAML's parser, so that the depth is refused at its 33rd level, by the builder, and
            # stop there: that parser's cost per token grows with the nesting, so reading on would take minutes.
            builder = _Builder(file)
            builder.stop_when_too_deep = True
            data = _read(builder, _PythonParser, text)
    except _TooLarge:
        return None, builder.errors
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _position(mark) if mark else (1, 1)
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
    if builder.documents == 0:
        return None, [Diagnostic(file, 1, 1, "", "the file is empty", "start from an existing file in data/")]
    walked = None if builder.errors else (data, builder.found)  # with errors, the data is not used further
    return Document(file, data, builder.marks, walked, body(text)), builder.errors


def _whole_file(file: str, message: str, fix: str) -> Diagnostic:
    """An error about the file as a whole, located at its start."""
    return Diagnostic(file, 1, 1, "", message, fix)


def _too_big(file: str, size: int) -> Diagnostic:
    return _whole_file(
        file,
        f"the file is {size:,} bytes, more than the limit of {MAX_FILE_BYTES:,} (1 MiB)",
        "a company file is normally under 100 KB: check it is the right file",
    )


def odd_name(name: str, character: str) -> Diagnostic:
    """The error for a file name that holds a line break, control or invisible `character` (`name` escaped)."""
    return _whole_file(
        name,
        f"the file name holds the line break, control or invisible character {character} (shown escaped)",
        "rename the file with letters, digits, '-', '_' and '.' only",
    )


def read_file(path: FsPath, display: str | None = None) -> tuple[bytes | None, list[Diagnostic]]:
    """Read one file's bytes, reporting an odd name, a link, a folder, a pipe, an unreadable or oversized file."""
    name = printable_name(display or str(path))
    if problem := name_problem(path.name):  # refused before anything about the file is read or printed
        return None, [odd_name(name, problem)]
    try:
        if kind := not_regular(path):  # a link, folder or pipe: refused before its target is opened
            return None, [Diagnostic(name, 1, 1, "", *kind)]
        # No link followed, no wait on a pipe put there since; what was opened is checked again.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return None, [Diagnostic(name, 1, 1, "", *NOT_REGULAR)]
            raw = stream.read(MAX_FILE_BYTES + 1)
            if len(raw) > MAX_FILE_BYTES:
                return None, [_too_big(name, max(len(raw), os.fstat(descriptor).st_size))]
    except OSError as exc:
        return None, [
            Diagnostic(name, 1, 1, "", f"cannot read file: {exc.strerror or exc}", "check the path and its permissions")
        ]
    return raw, []


def load_file(path: FsPath, display: str | None = None) -> tuple[Document | None, list[Diagnostic]]:
    """Read and parse one YAML file, reporting unreadable, oversized or non-UTF-8 files as diagnostics."""
    raw, errors = read_file(path, display)
    return (None, errors) if raw is None else load_bytes(raw, printable_name(display or str(path)))


NOT_REGULAR = (
    "is not a regular file (a pipe, socket or device)",
    "only regular files inside data/ are read: remove it",
)
LINK = (
    "is a link: only regular files inside data/ are read, and no link is followed",
    "replace the link with the file itself, or remove it",
)


def not_regular(path: FsPath) -> tuple[str, str] | None:
    """Why `path` is not a regular file to read (message, fix), without following a link; None when it is one
    or does not exist (opening it then says so)."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        return LINK
    if stat.S_ISDIR(mode):
        return ("is a folder, not a file", "remove it or rename it")
    return None if stat.S_ISREG(mode) else NOT_REGULAR


def load_bytes(raw: bytes, name: str) -> tuple[Document | None, list[Diagnostic]]:
    """Decode and parse a file's bytes (from disk or from git), a byte that is not UTF-8 being a located error."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, [
            Diagnostic(
                name,
                line,
                column,
                "",
                f"byte 0x{raw[exc.start]:02X} is not UTF-8",
                "save the file as UTF-8 with the editor's encoding setting, or retype the character",
            )
        ]
    return load_text(text, name)
