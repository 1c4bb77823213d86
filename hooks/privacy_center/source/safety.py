"""What counts as live markup in data text: shared by the validator (which refuses it) and the renderer
(which defuses it)."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

import markdown

from .limits import MAX_MARKDOWN_NESTING

_TAG_START = re.compile(r"<\s*(?:/\s*)?[A-Za-z!?]")


class _RawHtml:
    r"""`<` + a tag name, then a `>` anywhere after it, or `<!--`: what an HTML parser would read as markup. Searched
    in linear time (the regex `<\s*/?\s*[A-Za-z!?][^>]*>` rescans the rest of the text from every `<`: a
    20,000-character text of `<a` took half a second)."""

    def search(self, text: str) -> bool:
        start = _TAG_START.search(text)
        return (start is not None and ">" in text[start.end() :]) or "<!--" in text


RAW_HTML = _RawHtml()
# Script schemes anywhere; data: only where Markdown expects a link destination (prose says "data:" all the time).
# Written so no run of spaces can be split two ways (`\s*<?\s*` took 8 s on 20,000 spaces): linear time.
UNSAFE_LINK = re.compile(r"(?i)\b(?:javascript|vbscript)\s*:|\][(:]\s*(?:<\s*)?data\s*:")
# Markdown that would be a link or an image if the text were Markdown; a plain text (every field but those the schema
# marks as `$defs/markdown_text`) is shown as written, so the syntax would appear raw on the page: refused there.
MARKDOWN_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)")
MARKDOWN_LINK = re.compile(r"\[[^\[\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)")
# The domain's first dot after its first character, then the rest: one way to match (linear time).
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@][^\s<>@.]*\.[^\s<>@]+)>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\t]")
# Characters no text may hold: C0/C1 controls (tab and newline aside), line/paragraph separators, lone surrogates.
FORBIDDEN_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
FORBIDDEN_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # one-line strings: no tab or newline
# Invisible characters that reorder or hide text (bidi embeddings, overrides and isolates, zero-width spaces and
# joiners, word joiner, byte-order mark): a "Trojan Source" text reads one way and says another, on pages, in feeds,
# in the register and in a notice's Subject: line. ZWNJ and ZWJ (U+200C, U+200D) are refused too: the site's
# languages (fr, en) never need them; a language that does (Persian, Hindi...) would allow them in its own texts.
# The no-break spaces of French typography (U+00A0, U+202F) are visible spacing, not in this set.
INVISIBLE_CHAR = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_NAME_UNSAFE = re.compile(f"{FORBIDDEN_IN_LINE.pattern}|{INVISIBLE_CHAR.pattern}")


def name_problem(name: str) -> str:
    """Why a file name cannot be printed as is ('' when it can): the first line break, control or invisible
    character, as `U+000A` (a name with a line break would forge output lines, such as a CI annotation)."""
    found = _NAME_UNSAFE.search(name)
    return f"U+{ord(found.group()):04X}" if found else ""


def printable_name(name: str) -> str:
    """A file name that prints on one line: each control, separator, invisible character or undecodable byte
    written as an escape (`data/evil\\n::error.yaml`), the rest as is."""
    if not _NAME_UNSAFE.search(name):
        return name
    return _NAME_UNSAFE.sub(
        lambda found: found.group().encode("unicode_escape", "backslashreplace").decode("ascii"), name
    )


MARKDOWN_EXTENSIONS = ("toc", "tables", "admonition", "attr_list")  # as in mkdocs.yml
LINK_SCHEMES = ("https", "http", "mailto", "tel")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Elements Markdown may produce from data, and the attributes each may carry (the values are checked apart).
_ELEMENTS: dict[str, frozenset[str]] = {
    **{
        tag: frozenset()
        for tag in (
            "strong",
            "em",
            "blockquote",
            "ul",
            "ol",
            "li",
            "hr",
            "br",
        )
    },
    "a": frozenset({"href", "title"}),
    "div": frozenset({"class"}),
    "p": frozenset({"class"}),  # admonitions
}
# Structure a Markdown text may not add to the page (README: emphasis, lists, quotes and links only): a heading would
# take an id (`# __config` is the theme's `<script id="__config">`) and a place in the table of contents.
STRUCTURE = frozenset({*(f"h{level}" for level in range(1, 7)), "table", "code", "pre"})
_ALIGN = re.compile(r"^text-align: (left|right|center);?$")
_INSIDE_STRUCTURE = frozenset({"thead", "tbody", "tr", "th", "td"})  # reported with their table
_ADMONITION = re.compile(r"^admonition( [a-z]+)?$|^admonition-title$")
_ENTITY = re.compile(r"^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);$")


def link_scheme(url: str) -> str:
    """The scheme a browser would see: entities already decoded, whitespace, controls and format characters removed,
    case folded (`java\\nscript:`, `JaVa&#x09;Script:` are `javascript`). Empty for a scheme-less URL."""
    kept = "".join(c for c in url if not (c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Cs")))
    found = _SCHEME.match(kept.lower())
    return found.group(1) if found else ""


def link_problem(url: str) -> str:
    """Why a link destination written in data is refused ('' when it is fine)."""
    scheme = link_scheme(url)
    if scheme:
        return "" if scheme in LINK_SCHEMES else f"link scheme '{scheme}:'"
    return "" if url.startswith("#") else "link without https://, mailto: or tel:"


class _Walker(HTMLParser):
    """Collects, from Markdown's HTML output, every element, attribute and link that data may not produce."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.problems.append(("image", ""))
            return
        if tag in STRUCTURE:
            self.problems.append(("structure", tag))
            return
        allowed = _ELEMENTS.get(tag)
        if allowed is None:
            self.problems.append(("element", tag) if tag not in _INSIDE_STRUCTURE else ("structure", tag))
            return
        for name, value in attrs:
            value = value or ""
            if (
                name not in allowed
                or (name == "style" and not _ALIGN.match(value))
                or (name == "class" and not _ADMONITION.match(value))
            ):
                self.problems.append(("attribute", name))
            elif name == "href" and link_problem(value):
                self.problems.append(("link", link_problem(value)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    """One parser per process (building one costs more than converting a paragraph); reset before each use."""
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))


# A backslash escape, a link or image whose text holds no bracket, or a lone bracket (escaped): one pass, linear time.
_BRACKETS = re.compile(r"\\.|!?\[[^\[\]]*\]\((?:[^()]|\([^()]*\))*\)|[\[\]]", re.DOTALL)
# An attribute list: `{`, then the first `=`, `#` or `.` before any other brace (one way to match: linear time).
# A reference definition (`[name]: address`) at a line's start: such links are not read (see escape_brackets).
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]*\]:", re.MULTILINE)
_ATTRIBUTES = re.compile(r"\{:?[^{}\n=#.]*[=#.][^{}\n]*\}")
# What opens a nested block at the start of a line: indentation, quote marks and list markers.
_BLOCK_PREFIX = re.compile(r"(?:[ \t]|>|(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]))*")
_LIST_MARKER = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t])")


def escape_brackets(text: str) -> str:
    """Backslash-escape every `[` and `]` that is not part of an inline link or image (`[text](address)`): Python-
    Markdown looks for the end of a link from every `[` (quadratic: 16 KB of `[` took 97 s); escaped, a bracket
    reads the same and costs nothing. Reference links (`[text][ref]`) therefore read as text."""

    def keep(match: re.Match[str]) -> str:
        found = match.group(0)
        return "\\" + found if found in "[]" else found

    return _BRACKETS.sub(keep, text) if "[" in text or "]" in text else text


def markdown_nesting(text: str) -> int:
    """How deep the blocks of a Markdown text may nest, counted generously from each line's start: every quote mark,
    every list marker, every four columns of indentation. Python-Markdown parses nested blocks recursively (a line of
    `- - - ...` exhausts Python's stack), so a text deeper than MAX_MARKDOWN_NESTING is refused before parsing."""
    deepest = 0
    for line in text.split("\n"):
        prefix = _BLOCK_PREFIX.match(line)
        if prefix is None or not prefix.group(0):
            continue
        lead = prefix.group(0)
        columns = len(lead.expandtabs(4)) - len(lead.replace(" ", "").replace("\t", ""))
        depth = lead.count(">") + len(_LIST_MARKER.findall(lead)) + columns // 4
        deepest = max(deepest, depth)
    return deepest


@lru_cache(maxsize=4096)
def markdown_problems(text: str) -> tuple[tuple[str, str], ...]:
    """Parse Markdown as the site does and list what it would produce beyond plain formatting and safe links:
    ('raw_html', ''), ('image', ''), ('attribute', name), ('element', tag), ('link', why), ('nesting', ''),
    ('reference', ''): a reference definition, which would show as text (see escape_brackets)."""
    if markdown_nesting(text) > MAX_MARKDOWN_NESTING:
        return (("nesting", ""),)
    md = _markdown()
    md.reset()
    html = md.convert(escape_brackets(text))
    raw = [block for block in md.htmlStash.rawHtmlBlocks if not _ENTITY.match(str(block))]  # entities are text
    problems: list[tuple[str, str]] = [("raw_html", "")] if raw else []
    if "{:" in text and _ATTRIBUTES.search(text):
        problems.append(("attribute", "{: ...}"))
    if "]:" in text and _REFERENCE.search(text):
        problems.append(("reference", ""))
    walker = _Walker()
    walker.feed(html)
    walker.close()
    return tuple(problems + walker.problems)


def defuse_markdown(text: str) -> str:
    """Markdown with raw HTML, entities, attribute lists and script links made inert, lone brackets escaped,
    formatting kept."""
    text = _CONTROL.sub(" ", text).replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{")
    return UNSAFE_LINK.sub(lambda match: match.group(0)[:-1] + "-", escape_brackets(text))


# Inside JSON strings only (the structure has none of them): escaped, so the file stays inert wherever it is pasted.
INERT_JSON = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def as_json(data: Any) -> str:
    """Data as readable JSON (every JSON file the site publishes): keys in order, non-ASCII kept, <, > and & escaped."""
    return json.dumps(data, ensure_ascii=False, indent=2).translate(INERT_JSON) + "\n"
