"""What counts as live markup in data text: shared by the validator (which refuses it) and the renderer
(which defuses it)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser

import markdown

RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<!--")
# Script schemes anywhere; data: only where Markdown expects a link destination (prose says "data:" all the time).
UNSAFE_LINK = re.compile(r"(?i)\b(?:javascript|vbscript)\s*:|(?:\]\(\s*<?|\]:\s*<?)\s*data\s*:")
# Markdown that would be a link or an image if the text were Markdown; a plain text (every field but those the schema
# marks as `$defs/markdown_text`) is shown as written, so the syntax would appear raw on the page: refused there.
MARKDOWN_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)")
MARKDOWN_LINK = re.compile(r"\[[^\[\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)")
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\t]")
# Characters no text may hold: C0/C1 controls (tab and newline aside), line/paragraph separators, lone surrogates.
FORBIDDEN_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
FORBIDDEN_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # one-line strings: no tab or newline
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
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "hr",
            "br",
            "table",
            "thead",
            "tbody",
            "tr",
        )
    },
    **{f"h{level}": frozenset({"id"}) for level in range(1, 7)},
    "a": frozenset({"href", "title"}),
    "th": frozenset({"style"}),
    "td": frozenset({"style"}),
    "div": frozenset({"class"}),
    "p": frozenset({"class"}),  # admonitions
}
_ALIGN = re.compile(r"^text-align: (left|right|center);?$")
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
        allowed = _ELEMENTS.get(tag)
        if allowed is None:
            self.problems.append(("element", tag))
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


@lru_cache(maxsize=4096)
def markdown_problems(text: str) -> tuple[tuple[str, str], ...]:
    """Parse Markdown as the site does and list what it would produce beyond plain formatting and safe links:
    ('raw_html', ''), ('image', ''), ('attribute', name), ('element', tag), ('link', why)."""
    md = _markdown()
    md.reset()
    html = md.convert(text)
    raw = [block for block in md.htmlStash.rawHtmlBlocks if not _ENTITY.match(str(block))]  # entities are text
    problems: list[tuple[str, str]] = [("raw_html", "")] if raw else []
    if "{:" in text and re.search(r"\{:?[^}\n]*[=#.][^}\n]*\}", text):
        problems.append(("attribute", "{: ...}"))
    walker = _Walker()
    walker.feed(html)
    walker.close()
    return tuple(problems + walker.problems)


def defuse_markdown(text: str) -> str:
    """Markdown with raw HTML, entities, attribute lists and script links made inert, formatting kept."""
    text = _CONTROL.sub(" ", text).replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{")
    return UNSAFE_LINK.sub(lambda match: match.group(0)[:-1] + "-", text)
