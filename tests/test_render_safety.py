"""Defence in depth: even text that slipped past the validator cannot become live markup once rendered."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from privacy_center.render.pages import environment, md_escape, rich_text

EXTENSIONS = ["toc", "tables", "admonition", "attr_list"]  # as in mkdocs.yml


def to_html(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found.append((tag, {k: v or "" for k, v in attrs}))


def _parse(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


def live_markup(html: str) -> list[str]:
    """Elements or attributes in the HTML that could run code or fetch something."""
    parser = _Elements()
    parser.feed(html)
    problems = []
    for tag, attrs in parser.found:
        if tag in ("script", "img", "iframe", "object", "embed", "style", "link"):
            problems.append(tag)
        problems += [f"{tag}[{k}]" for k in attrs if k.startswith("on") or k in ("style", "class", "id")]
        if re.match(r"(?i)\s*(javascript|vbscript|data)\s*:", attrs.get("href", "")):
            problems.append(f"{tag}[href={attrs['href']}]")
    return problems


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        'text {: onclick="alert(1)" }',
        "![x](https://tracker.example/pixel.gif)",
    ],
)
def test_plain_text_renders_as_text(hostile: str) -> None:
    template = environment().from_string("Name: {{ value }}\n{: .x }")
    html = to_html(template.render(value=hostile))
    assert [tag for tag, _ in _parse(html) if tag != "p"] == []


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<a href='https://example.org' onclick='x()'>x</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[ref]\n\n[ref]: javascript:alert(1)",
        'paragraph\n{: onclick="alert(1)" }',
    ],
)
def test_rich_text_keeps_markdown_but_no_markup(hostile: str) -> None:
    assert live_markup(to_html(str(rich_text(hostile)))) == []


def test_rich_text_keeps_formatting_and_safe_links() -> None:
    html = to_html(str(rich_text("A **bold** [link](https://example.org) and [mail](mailto:a@b.fr).")))
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org">link</a>' in html
    assert '<a href="mailto:a@b.fr">mail</a>' in html


def test_markdown_escape_is_reversible_for_readers() -> None:
    text = "Aix-en-Provence, 3.5 * 2 = 7 [sic] #1 | _x_ (a) !"
    assert to_html(str(md_escape(text))) == f"<p>{text}</p>"


def test_leading_and_trailing_blanks_of_a_text_change_no_markdown(tmp_path: Path) -> None:
    """`*{{ tr(purpose.group) }}*` with ` Our mailings` was a bullet (`* Our mailings*`), `**{{ legal_name }}**` with
    ` Minimal SAS ` literal stars: every plain text is printed stripped, so no leading character changes Markdown."""
    from conftest import FIXTURES, freeze
    from privacy_center.render.pages import render_company
    from privacy_center.site.build import check_company
    from privacy_center.site.checker import default_context
    from privacy_center.source.publish import in_force_day

    source = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    source = source.replace("legal_name: Minimal SAS", "legal_name: ' Minimal SAS '")
    source = source.replace(
        "  - id: newsletter\n", "  - id: newsletter\n    group: {fr: ' Nos envois', en: ' Our mailings '}\n", 1
    )
    path = tmp_path / "minimal.yaml"
    path.write_text(source, encoding="utf-8")
    freeze(tmp_path)
    build = check_company(path, default_context(), (), ["fr", "en"], "fr", in_force_day())
    assert build.company is not None
    pages = {page.path: to_html(page.content) for page in render_company(build.company, ["fr", "en"], "fr")}
    notice, overview = pages["minimal/notice.en.md"], pages["minimal/index.en.md"]
    assert "<em>Our mailings</em>" in notice
    assert "<li>Our mailings" not in notice and "*" not in re.sub(r"<[^>]*>", "", notice)
    assert "<strong>Minimal SAS</strong>" in overview


def test_a_template_cannot_print_silence_as_a_value() -> None:
    """NOT_STATED has its own words ("not stated"): a template that prints it as a value stops the build, and the
    `stated` test is how a template avoids it."""
    from privacy_center.model.model import NOT_STATED

    env = environment()
    with pytest.raises(TypeError, match="prints NOT_STATED; test the value with `is stated` first"):
        env.from_string("{{ value }}").render(value=NOT_STATED)
    shown = "{% if value is stated %}{{ value }}{% else %}silent{% endif %}"
    assert env.from_string(shown).render(value=NOT_STATED) == "silent"
    assert env.from_string(shown).render(value="Acme") == "Acme"
