"""Every text is inert beyond the pages (issue 22): each hostile payload that passes validate (test_injection's
corpus, in every field that accepts it) goes through the outputs that are not HTML pages: the register (CSV and
workbook), the Fides manifest, the DPV record, the notice of change sent by e-mail and the pull-request comment.
Each must keep the text as data: no formula, no YAML tag or alias, no JSON-LD key or node the code did not write,
no forged line in an e-mail, no Markdown in the comment."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from openpyxl import load_workbook
from privacy_center.check.resolve import company_from_data
from privacy_center.history.changelog import Entry, changelog
from privacy_center.model.model import Company
from privacy_center.records import dpv, fides, register
from privacy_center.render.notices import notices_of
from privacy_center.render.pages import notice_text
from privacy_center.site.review import review
from privacy_center.source.safety import as_json
from privacy_center.source.wording import load_wording
from test_injection import base, combined, outcomes, slug_of

LANGUAGES = ("fr", "en")
FORMULA_START = re.compile(r"^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]")


@lru_cache(maxsize=1)
def hostile() -> dict[str, dict[str, Any]]:
    """Each accepted payload's data: the payload in every field that accepts it, one company per payload."""
    return {slug_of(o.payload): combined(o) for o in outcomes().values() if o.accepted}


@lru_cache(maxsize=1)
def companies() -> dict[str, Company]:
    return {slug: company_from_data(data, f"data/{slug}.yaml") for slug, data in hostile().items()}


def benign(slug: str) -> Company:
    """The base document under the payload company's slug: version 1.0 of the company, before the payload."""
    return company_from_data({**base().data, "slug": slug}, f"data/{slug}.yaml")


NEXT = {"version": "9.0", "date": "2026-12-01", "summary": {"fr": "Suivante.", "en": "Next."}}


def entries(slug: str) -> tuple[Entry, ...]:
    """The payload company released as a version after the base document's, so that its changes are listed."""
    data = hostile()[slug]
    released = company_from_data({**data, "versions": [*data["versions"], NEXT]}, f"data/{slug}.yaml")
    frozen = {version.version: benign(slug) for version in released.versions[:-1]} | {"9.0": released}
    return changelog(released, frozen, {}, date(2026, 12, 7))


def test_the_corpus_has_accepted_payloads() -> None:
    assert len(hostile()) >= 15  # the test below would otherwise pass on nothing


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_register_cell_is_a_formula(tmp_path: Path, language: str) -> None:
    words = load_wording(language)
    found = list(companies().values())
    rows = list(csv.reader(io.StringIO(register.to_csv(found, words).decode("utf-8-sig"), newline="")))
    assert len(rows) > len(found)
    risky = [cell for row in rows for cell in row if FORMULA_START.match(cell) and not cell.startswith("'")]
    assert risky == []
    path = tmp_path / "register.xlsx"
    register.to_xlsx(found, words, path)
    cells = [cell for sheet in load_workbook(path) for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert any(isinstance(c.value, str) and FORMULA_START.match(c.value) for c in cells)  # the payloads are there
    assert {c.data_type for c in cells if isinstance(c.value, str)} == {"s"}  # as text cells, never formulas


def _events(text: str) -> Iterator[yaml.Event]:
    yield from yaml.parse(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fides_manifest_keeps_every_text_a_plain_string(language: str) -> None:
    manifests = [fides.manifest(company, language) for company in companies().values()]
    text = fides.as_yaml(manifests)
    assert not {"<", ">", "&"} & set(text.replace("\\u003c", "").replace("\\u003e", "").replace("\\u0026", ""))
    for event in _events(text):
        assert getattr(event, "anchor", None) is None, event  # no anchor or alias from the data
        assert not isinstance(event, yaml.AliasEvent), event
        if isinstance(event, yaml.ScalarEvent):
            assert event.tag in (None, "tag:yaml.org,2002:str", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int")
    assert sorted(_strings(yaml.safe_load(text))) == sorted(_strings(manifests))  # every text exact, none added


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _keys(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (key, value) of a JSON-LD tree, the key without its position."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from _keys(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item, path)


def test_the_dpv_record_has_only_the_keys_and_nodes_the_code_writes() -> None:
    """No payload adds a key (an `@context`, an `@id`) or a node type: texts stay values, ids stay the code's."""
    written = {key for key, _ in _keys(dpv.record(benign("x"), _entry(benign("x"))))}
    for slug, company in companies().items():
        record = dpv.record(company, _entry(company))
        text = as_json(record)
        assert not {"<", ">", "&"} & set(text)
        assert json.loads(text) == record
        keys = {key for key, _ in _keys(record)}
        assert keys <= written | set(LANGUAGES), (slug, keys - written)
        for key, value in _keys(record):
            if key in ("@id", "@type", "@context") and isinstance(value, str):
                assert re.fullmatch(r"[\w:/.#-]+", value), (slug, key, value)


def _entry(company: Company) -> Entry:
    return changelog(company, {}, {}, date(2026, 12, 7))[0]


def test_each_notice_of_change_is_one_line_per_part() -> None:
    """An e-mail: a line break or control in the data would forge a header or a line; each part stays one line."""
    words = {language: load_wording(language) for language in LANGUAGES}
    sent, material = 0, 0
    for slug in companies():
        material += any(entry.material for entry in entries(slug))
        for entry in entries(slug):
            for notice in notices_of(entry, LANGUAGES, words, "https://privacy.example.org").values():
                parts = [notice.subject, notice.intro, notice.summary, notice.footer, *notice.changes, *notice.actions]
                assert all("\n" not in part and "\r" not in part for part in parts), slug
                assert not [part for part in parts if re.search(r"[\x00-\x1f\x7f\u2028\u2029]", part)], slug
                text = notice_text(notice)
                assert len(text.splitlines()) == len(notice_text(_blanked(notice)).splitlines()), slug
                sent += 1
    assert material >= 15 and sent == 2 * material  # each company with a material change: a notice per language


def _blanked(notice: Any) -> Any:
    """The same notice with every part reduced to one word: the lines the template writes, whatever the data."""
    from dataclasses import replace

    return replace(
        notice,
        subject="s",
        intro="i",
        summary="m",
        footer="f",
        changes=tuple("c" for _ in notice.changes),
        actions=tuple("a" for _ in notice.actions),
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_the_pull_request_comment_renders_no_markup_from_the_data(tmp_path: Path) -> None:
    """The comment as GitHub reads it (CommonMark with strikethrough and tables): only the tags its template writes,
    no link or image, and a strikethrough only for the words a section's wording lost."""
    data = tmp_path / "data"
    for slug, values in hostile().items():
        (data / "versions" / slug).mkdir(parents=True)
        (data / "versions" / slug / "1.0.yaml").write_text(
            yaml.safe_dump({**base().data, "slug": slug}, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        (data / f"{slug}.yaml").write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), "utf-8")
    comment, reviews = review(sorted(data.glob("*.yaml")), None, list(LANGUAGES), "fr")
    assert all(r.changes for r in reviews)
    parser = _Tags()
    parser.feed(MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(comment))
    assert set(parser.tags) <= {"h2", "h3", "p", "strong", "em", "ul", "li", "code", "s"}, set(parser.tags)
    deleted = sum(
        1
        for r in reviews
        for item in r.changes
        for language in LANGUAGES
        for op, _ in (item.words or {}).get(language, ())
        if op == "delete"
    )
    assert parser.tags.count("s") == deleted
