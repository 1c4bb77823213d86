"""Issue 22, items 3 and 4: data cannot take the theme's element ids nor the site's own top-level paths."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, mkdocs
from privacy_center.site.build import reserved_slugs
from privacy_center.site.checker import check_files


def test_reserved_slugs_are_derived_from_the_site() -> None:
    reserved = reserved_slugs()
    # languages, generated pages and files, docs/ entries, the theme's and the engine's files, the plugins' folders
    for name in ("fr", "en", "changes", "versions", "feed", "schema", "register", "assets", "404", "sitemap", "search"):
        assert name in reserved, name
    assert "coopo" not in reserved and "index" not in reserved
    assert "de" in reserved_slugs(("de",))  # a site language is reserved even before its locale file exists


@pytest.mark.parametrize("slug", ["changes", "en", "assets", "search", "sitemap"])
def test_reserved_slug_hint_works_when_followed(tmp_path: Path, slug: str) -> None:
    source = (FIXTURES / "invalid" / "bad-slug.yaml").read_text(encoding="utf-8").replace("Bad Slug", slug)
    path = tmp_path / f"{slug}.yaml"
    path.write_text(source, encoding="utf-8")
    errors = check_files([path]).errors
    assert [e.message for e in errors] == [f"slug '{slug}' is reserved: /{slug}/ is {reserved_slugs()[slug]}"]
    fixed = errors[0].fix.split("e.g. slug: ")[1].split(" in ")  # "slug: X in X.yaml": do that, check again
    target = tmp_path / fixed[1]
    target.write_text(source.replace(f"slug: {slug}", f"slug: {fixed[0]}"), encoding="utf-8")
    assert [d.format() for d in check_files([target], releases=False).errors] == []


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[tuple[str, str]] = []
        self.config = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs).get("id")
        if found is not None:
            self.ids.append((tag, found))
        self._in_config = tag == "script" and found == "__config"

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False


def test_titles_cannot_take_the_theme_ids_in_a_real_build(tmp_path: Path) -> None:
    # A hostile company: its name and a section's title are the theme's ids; before the fix the notice page had
    # <h3 id="__config"> before the theme's <script id="__config"> (its JavaScript then fails on "not valid JSON").
    source = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    hostile = source.replace("\nname: Minimal\n", "\nname: __search\n") + (
        "sections:\n  - id: config\n    title: {fr: __config, en: __drawer}\n    body: {fr: Texte., en: Text.}\n"
    )
    data = tmp_path / "data"
    data.mkdir()
    (data / "minimal.yaml").write_text(hostile, encoding="utf-8")
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", [], data)
    out = tmp_path / "site"
    run = mkdocs("build", "--strict", "-q", "-d", str(out), cwd=project)
    assert run.returncode == 0, run.stderr
    for page in (out / "minimal" / "notice" / "index.html", out / "en" / "minimal" / "notice" / "index.html"):
        parser = _Ids()
        parser.feed(page.read_text(encoding="utf-8"))
        headings = [found for tag, found in parser.ids if tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
        assert headings and not [found for found in headings if found.startswith("__")], headings
        assert [tag for tag, found in parser.ids if found == "__config"] == ["script"]
        json.loads(parser.config)  # what the theme's JavaScript reads
    notice = (out / "minimal" / "notice" / "index.html").read_text(encoding="utf-8")
    assert "__config</h3>" in notice or "__config<a" in notice  # the title is still shown: only its id changed
