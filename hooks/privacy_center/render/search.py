"""The search sections of a generated page, as Material's search plugin finds them, in a fraction of its time.

Material's search plugin reads every page's HTML with `html.parser` and splits it into sections, one per heading
with an id, each with a title and a text that keep a few tags (`material.plugins.search.plugin.Parser`). At
1,000 companies that reading is an eighth of the build. Our pages' HTML is what Python-Markdown writes from our
escaped Markdown: well-formed tags with double-quoted attributes, no script, no comment, no `<` in text. On such
HTML, `sections()` reads the same sections with one regular expression and the same rules, without the parser's
per-character machinery; on anything else it returns None and the page is left to Material. Tests hold the two
readings equal on every page of the seed site and on generated HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape

# A start or end tag with well-formed attributes (names, optional double-quoted values without < or >), or text.
_TOKEN = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"<>]*\")?)*)\s*(/?)>|([^<]+)"
)
_ATTRIBUTE = re.compile(r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"([^\"<>]*)\")?")

# What html.parser reads in its own way (comments, declarations, processing instructions, script and style
# content) or Material's parser skips whatever it holds (objects): left to Material.
_SPECIAL = re.compile(r"<[!?]|<(?:script|style|object)\b", re.IGNORECASE)

# Material's lists (material/plugins/search/plugin.py, mkdocs-material 9.x).
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")
)
_KEEP = frozenset(("p", "code", "pre", "li", "ol", "ul", "sub", "sup"))
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


@dataclass
class Section:
    """A section as Material's parser makes it: the heading's tag (`hx` for text before any heading), its depth
    among the open elements, its id (None for the page's first section) and its title and text as lists of
    HTML-escaped pieces with the kept tags. Material's `create_entry_for_section` reads `id`, `title` and `text`.
    A heading marked `data-search-exclude` makes an excluded section, which is not indexed."""

    tag: str
    depth: float = 0
    excluded: bool = False
    id: str | None = None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def sections(html: str) -> list[Section] | None:
    """The sections Material's search parser finds in this HTML, or None when the HTML is not plain enough for this
    reading to be the same (the caller then lets Material read it)."""
    if _SPECIAL.search(html):
        return None
    tokens = _TOKEN.findall(html)
    tags = sum(1 for token in tokens if token[1])
    if tags != html.count("<") or any(token[0] and (token[2] or token[3]) for token in tokens):
        return None  # a "<" that is not a plain tag, or an end tag with attributes: html.parser's own reading
    return [section for section in _read(tokens) if not section.excluded]


class _Reader:
    """Material's `Parser` handlers (handle_starttag, handle_endtag, handle_data), for HTML without script, style
    or object elements: the same state, the same rules."""

    def __init__(self) -> None:
        self.data: list[Section] = []
        self.section: Section | None = None
        self.context: list[str] = []  # the open elements' tags (Material compares its elements by tag)
        self.permalinks: list[bool] = []  # per open element: is it <a class="headerlink">, whose text is not indexed
        self.in_permalink = 0
        # Tags of elements marked data-search-exclude (or line numbers): while an open element has one of these
        # tags, nothing is indexed. Material compares its elements by tag, hence tags here, with its consequences.
        self.skip: set[str] = set()

    def current(self) -> Section:
        """The section being read, opened as Material does (`hx`) when text comes before any heading."""
        if self.section is None:
            self.section = Section("hx")
            self.data.append(self.section)
        return self.section

    def skipping(self) -> bool:
        return bool(self.skip) and not self.skip.isdisjoint(self.context)

    def text(self, text: str) -> None:
        """handle_data"""
        if self.skipping():
            return
        if "&" in text:
            text = unescape(text)
        if "pre" not in self.context:
            text = " " if text.isspace() else text.replace("\n", " ")
        section = self.current()
        if section.tag in self.context:
            if not self.in_permalink:
                section.title.append(escape(text, quote=False))
        elif text.isspace():
            if not section.text or not section.text[-1].isspace() or "pre" in self.context:
                section.text.append(text)
        else:
            section.text.append(escape(text, quote=False))

    def start(self, tag: str, attributes: str) -> None:
        """handle_starttag (void elements are not opened)"""
        attrs = _attributes(attributes) if attributes else {}
        self.context.append(tag)
        permalink = tag == "a" and attrs.get("class") == "headerlink"
        self.permalinks.append(permalink)
        self.in_permalink += permalink
        if tag in _HEADINGS and "id" in attrs:
            depth = len(self.context)
            if tag != "h1" and not self.data:
                self.data.append(Section("hx", depth))
            self.section = Section(tag, depth, excluded="data-search-exclude" in attrs)
            if self.data:
                self.section.id = attrs["id"]
            self.data.append(self.section)
        section = self.current()
        if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
            self.skip.add(tag)
        elif tag in _KEEP and not self.skipping():
            (section.title if section.tag in self.context else section.text).append(f"<{tag}>")

    def end(self, tag: str) -> None:
        """handle_endtag; after a start tag, for <x/> (html.parser calls both handlers)"""
        context = self.context
        if not context or context[-1] != tag:
            return
        section = self.current()
        if section.depth > len(context):
            for earlier in reversed(self.data):
                if earlier.depth <= len(context):
                    section.depth = float("inf")  # exited: never considered again
                    section = self.section = earlier
                    break
        context.pop()
        self.in_permalink -= self.permalinks.pop()
        if tag in self.skip:
            self.skip.remove(tag)
        elif tag in _KEEP and not self.skipping():
            _close(section.title if section.tag in context else section.text, tag)


def _attributes(attributes: str) -> dict[str, str | None]:
    return {
        found.group(1).lower(): unescape(found.group(2)) if found.group(2) is not None else None
        for found in _ATTRIBUTE.finditer(attributes)
    }


def _read(tokens: list[tuple[str, str, str, str, str]]) -> list[Section]:
    """The sections of a page's tokens, read by Material's rules (`_Reader`)."""
    reader = _Reader()
    text, start, end = reader.text, reader.start, reader.end
    for closing, name, attributes, self_closing, data in tokens:
        if data:
            text(data)
            continue
        tag = name.lower()
        if not closing and tag not in _VOID:
            start(tag, attributes)
            if not self_closing:
                continue
        end(tag)
    return reader.data


def _close(pieces: list[str], tag: str) -> None:
    """Material's end of a kept element: dropped with what follows it when only whitespace follows its opening tag
    (the first one in this title or text), else closed."""
    index = pieces.index(f"<{tag}>")
    for i in range(index + 1, len(pieces)):
        if not pieces[i].isspace():
            index = len(pieces)
            break
    if len(pieces) > index:
        del pieces[index:]
    else:
        pieces.append(f"</{tag}>")
