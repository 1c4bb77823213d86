"""Our reading of a page's search sections (privacy_center.render.search) against Material's own parser: the same
entries on every page of the built sites and on HTML that Python-Markdown makes from generated Markdown; otherwise no
reading (None), so the page is left to Material. The hook indexes generated pages with it, so the built search index
is the one Material would write."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser
from privacy_center.render.search import sections

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.DOTALL)
Entry = tuple[str | None, str, str]


def material(html: str) -> list[Entry]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text)) for s in parser.data if not s.is_excluded()]


def ours(html: str) -> list[Entry] | None:
    found = sections(html)
    return None if found is None else [(s.id, "".join(s.title), "".join(s.text)) for s in found]


def articles(site: Path) -> dict[str, str]:
    found = {}
    for page in sorted(site.rglob("*.html")):
        match = ARTICLE.search(page.read_text(encoding="utf-8"))
        if match:
            found[str(page.relative_to(site))] = match.group(1)
    return found


@pytest.mark.parametrize("which", ["site", "history_site"])
def test_same_sections_as_material_on_every_built_page(which: str, request: pytest.FixtureRequest) -> None:
    pages = articles(request.getfixturevalue(which))
    assert len(pages) > 20
    for name, html in pages.items():
        found = ours(html)
        assert found is not None, f"{name}: not read (Material would parse it: the build loses the fast path)"
        assert found == material(html), name


def test_same_entries_as_material_in_a_real_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build of the seed site, in this process: every page's HTML as Material's plugin receives it is recorded, and
    the index the build wrote holds exactly the entries Material's parser makes of those pages."""
    from material.plugins.search import plugin
    from mkdocs.__main__ import cli

    received: list[tuple[str, str]] = []
    original = plugin.SearchIndex.add_entry_from_context

    def record(self: plugin.SearchIndex, page: plugin.Page) -> None:
        received.append((page.url, page.content))
        original(self, page)

    monkeypatch.setattr(plugin.SearchIndex, "add_entry_from_context", record)
    monkeypatch.chdir(ROOT)
    cli.main(["build", "-q", "-d", str(tmp_path / "site")], standalone_mode=False)
    assert len(received) > 60
    expected = []
    for url, html in received:
        assert ours(html) is not None, url
        expected += [(url, title.strip(), text.strip()) for _, title, text in material(html)]
    built = []
    for root in (tmp_path / "site", tmp_path / "site" / "en"):
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        prefix = "" if root.name == "site" else "en/"
        built += [(prefix + entry["location"].split("#")[0], entry["title"], entry["text"]) for entry in index]
    assert sorted(built) == sorted(expected)


MARKDOWN_PIECES = st.sampled_from(
    [
        "# Title {#top}",
        "## Section",
        "### Sub *section*",
        "Text with `code`, **bold** and a [link](#x).",
        "A & B < C > D \"E\" 'F' &amp; &para; &#169;",
        "- one\n- two\n    - nested\n",
        "1. first\n2. second",
        "",
        "    indented code\n    <b>not a tag</b>",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        '!!! note "Note"\n    Inside.',
        '<figure data-search-exclude="">\n<p>hidden</p>\n</figure>',
        '<div class="linenodiv">1 2</div>',
        "<p></p>",
        "<ul><li> </li></ul>",
        "<sub>x</sub><sup> </sup>",
        "<pre>\n  keep\n  spaces\n</pre>",
        "<!-- a comment -->",
        "<script>var a = '<p>';</script>",
        '<h2 id="raw" data-search-exclude>Raw heading</h2>\nafter',
        '<h4 id="x">Raw <a class="headerlink" href="#x">link</a> end</h4>',
        '<div><h3 id="nested">Nested</h3><p>in</p></div><p>out</p>',
        '<br/><hr /><img src="a.png" alt="a &amp; b">',
        "<span title='single'>quoted</span>",
        '<P CLASS="x">Upper</P>',
        "a < b and c<d",
        "<custom-tag>x</custom-tag>",
        "</p> stray end",
        "line one  \nline two",
    ]
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(MARKDOWN_PIECES, max_size=12), st.booleans())
def test_same_sections_as_material_on_generated_html(pieces: list[str], raw: bool) -> None:
    text = "\n\n".join(pieces)
    html = text if raw else markdown.markdown(text, extensions=["toc", "tables", "admonition", "attr_list"])
    found = ours(html)
    if found is not None:
        assert found == material(html)


def test_left_to_material() -> None:
    """What html.parser reads in its own way is not read here."""
    for html in ["<p>a < b</p>", "<!-- x --><p>a</p>", "<script>x</script>", "<p class='a'>x</p>", '</p x="1">']:
        assert sections(html) is None, html
    assert sections("<p>plain</p>") is not None
