"""Each seed says only what its source policy says, on every surface a visitor or a regulator reads of it.

`tests/fidelity/<slug>.yaml` lists checks. A check reads:

    - why: >-                       # required: the source sentence it protects, quoted
        "Where personal data is transferred ... by: Standard Contractual Clauses ... Or adequacy decisions"
      surfaces: [pages, key_facts, register, notice]   # where it runs (tests/surfaces.py); default [pages]
      page: notice/                 # pages only: one page instead of every company page
      pending: "issue 21: ..."      # optional: fails today, runs as a strict xfail (remove it once fixed)
      fr: {present: [...], absent: [...]}    # expectations in each language, for every listed surface...
      en: {present: [...], absent: [...]}
      register:                     # ...unless the surface has a block of its own, which replaces them there
        fr: {absent: [...]}
        en: {absent: [...]}
      jsonld: {ask: [...], ask_not: [...]}   # what the surface alone can check, whatever the language
      fides: {keys_absent: [...], values: {path: value}}
      notice: {change: safeguards_added}     # which material change the composed notice announces

Expectations in one language (lists of strings, matched on the surface's text; on `text` no-break spaces read as
spaces, on `raw` they are kept):

- `present` / `absent`: texts the surface must hold / must not hold; `once`: texts it must hold exactly once.
- `raw_present` / `raw_absent`: the same on the raw text (French typography: `"\\u202f?"`).
- `pattern_present` / `pattern_absent`: regular expressions searched in the raw text (`\\s` matches any space).
- `html_present` / `html_absent` (pages, key_facts, gaps, datamap): texts of the HTML itself (attributes, and the
  table of contents, which is outside the article).
- `drawn_present` / `drawn_absent` (datamap): items of the drawing, matched whole: `box <column>: <label>` or
  `link <from> → <to>`, drawn in any way, or with its marks when the item gives them: `... [class=...]`
  (surfaces._drawing).

What only one surface has, whatever the language:

- `jsonld`: `ask` / `ask_not`, SPARQL ASK queries that must be true / false on the record; the prefixes `dpv:`,
  `dct:`, `schema:`, `eu-gdpr:`, `loc:`, `xsd:` are declared and `<#purpose-x>` is relative to the record.
- `fides`: `keys_absent`, dotted paths that must match nothing, and `values`, dotted paths whose every match must
  equal the value (at least one match); `*` stands for every item of a list or every key of a mapping.
- `notice`: `change`, what the composed version 1.1 adds (surfaces.CHANGES; default `purpose_added`).

A `pending` check must fail today (`xfail(strict=True)`): the day its fix lands the test says so, and the check
loses its `pending`. `FIDELITY_PENDING=run` runs pending checks as ordinary ones, to see what each still misses.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from surfaces import CHANGES, PAGES, SITE_URL, SURFACES, Reading

FIDELITY = Path(__file__).parent / "fidelity"
LANGUAGES = ("fr", "en")
TEXT_KEYS = {"present", "absent", "once", "raw_present", "raw_absent", "pattern_present", "pattern_absent"}
HTML_KEYS = {"html_present", "html_absent"}
LANGUAGE_KEYS = {
    "pages": TEXT_KEYS | HTML_KEYS,
    "key_facts": TEXT_KEYS | HTML_KEYS,
    "gaps": TEXT_KEYS | HTML_KEYS,
    "datamap": TEXT_KEYS | HTML_KEYS | {"drawn_present", "drawn_absent"},
    "register": TEXT_KEYS,
    "jsonld": TEXT_KEYS,
    "fides": TEXT_KEYS,
    "notice": TEXT_KEYS,
}
SURFACE_KEYS = {"jsonld": {"ask", "ask_not"}, "fides": {"keys_absent", "values"}, "notice": {"change"}}
CHECK_KEYS = {"why", "surfaces", "page", "pending", *LANGUAGES, *SURFACES}
PREFIXES = {
    "dpv": "https://w3id.org/dpv#",
    "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "loc": "https://w3id.org/dpv/loc#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _checks() -> list[tuple[str, int, dict[str, Any]]]:
    found = []
    for path in sorted(FIDELITY.glob("*.yaml")):
        for index, check in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found.append((path.stem, index, check))
    return found


CHECKS = _checks()


def surfaces_of(check: dict[str, Any]) -> list[str]:
    """Where a check runs: its `surfaces`, or the pages."""
    return list(check.get("surfaces", ["pages"]))


def expectations(check: dict[str, Any], surface: str, language: str) -> dict[str, Any]:
    """A check's expectations on one surface in one language: the surface's own block, else the shared ones."""
    own = check.get(surface) or {}
    return own[language] if language in own else check.get(language) or {}


def problems(check: dict[str, Any]) -> list[str]:
    """What is wrong with a check as written: unknown keys or surfaces, a surface with nothing to check."""
    found = []
    if not isinstance(check.get("why"), str) or not check["why"].strip():
        found.append("every check states its reason (why)")
    found += [f"unknown key {key!r}" for key in check if key not in CHECK_KEYS]
    named = check.get("surfaces", ["pages"])
    if not isinstance(named, list) or not named or len(set(named)) != len(named):
        return [*found, f"surfaces must be a list of distinct surface names, not {named!r}"]
    found += [f"unknown surface {name!r} (known: {', '.join(SURFACES)})" for name in named if name not in SURFACES]
    found += [
        f"a block for {name!r}, which is not in surfaces" for name in SURFACES if name in check and name not in named
    ]
    if "page" in check and ("pages" not in named or check["page"] not in PAGES):
        found.append(f"page {check['page']!r} is for the pages surface, one of {PAGES}")
    if "pending" in check and not re.fullmatch(r"issue [0-9]+: .+", str(check["pending"])):
        found.append("pending says which issue and what is missing: 'issue 21: <what>'")
    for surface in (name for name in named if name in SURFACES):
        block = check.get(surface) or {}
        allowed = SURFACE_KEYS.get(surface, set()) | set(LANGUAGES)
        found += [f"{surface}: unknown key {key!r}" for key in block if key not in allowed]
        if block.get("change", "purpose_added") not in CHANGES:
            found.append(f"notice: unknown change {block['change']!r} (known: {', '.join(CHANGES)})")
        said = any(block.get(key) for key in SURFACE_KEYS.get(surface, ()) if key != "change")
        for language in LANGUAGES:
            expect = expectations(check, surface, language)
            found += [f"{surface} ({language}): unknown key {k!r}" for k in expect if k not in LANGUAGE_KEYS[surface]]
            found += [f"{surface} ({language}): {k} must list texts" for k, v in expect.items() if not _texts(v)]
            said = said or any(expect.values())
        if not said:
            found.append(f"{surface}: nothing to check")
    return found


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item for item in value)


def uncovered(checks: Iterable[dict[str, Any]], surfaces: Iterable[str] = SURFACES) -> list[str]:
    """The surfaces no check runs on."""
    named = {name for check in checks for name in surfaces_of(check)}
    return [name for name in surfaces if name not in named]


@cache
def read(site: Path, surface: str, slug: str, language: str, page: str | None, change: str | None) -> Reading:
    """One surface, read once per session (many checks look at the same one)."""
    check: dict[str, Any] = {} if page is None else {"page": page}
    if change is not None:
        check["notice"] = {"change": change}
    return SURFACES[surface](site, slug, language, check)


def text_failures(reading: Reading, expect: dict[str, Any]) -> list[str]:
    """The expectations of one language the reading does not meet, each named."""
    text, raw = reading.text, reading.raw
    failed = [
        *(f"missing: {t!r}" for t in expect.get("present", []) if t not in text),
        *(f"should not say: {t!r}" for t in expect.get("absent", []) if t in text),
        *(f"not exactly once: {t!r}" for t in expect.get("once", []) if text.count(t) != 1),
        *(f"missing (raw): {t!r}" for t in expect.get("raw_present", []) if t not in raw),
        *(f"should not say (raw): {t!r}" for t in expect.get("raw_absent", []) if t in raw),
        *(f"no match: /{p}/" for p in expect.get("pattern_present", []) if not re.search(p, raw)),
        *(f"matches: /{p}/ {m.group()!r}" for p in expect.get("pattern_absent", []) for m in [re.search(p, raw)] if m),
        *(f"missing (HTML): {t!r}" for t in expect.get("html_present", []) if t not in reading.html),
        *(f"should not say (HTML): {t!r}" for t in expect.get("html_absent", []) if t in reading.html),
        *(f"not drawn: {t!r}" for t in expect.get("drawn_present", []) if not drawn(reading, t)),
        *(f"drawn: {t!r}" for t in expect.get("drawn_absent", []) if drawn(reading, t)),
    ]
    return failed


def drawn(reading: Reading, item: str) -> bool:
    """Whether the data map draws this item: with its marks when the item gives them (`... [class=...]`), in any
    way when it gives none."""
    return any(item in (found, found.split(" [", 1)[0]) for found in reading.drawing)


def matches(data: Any, path: str) -> list[Any]:
    """Every value at a dotted path (`*`: every item or key; a number: that item of a list)."""
    found = [data]
    for part in path.split("."):
        step = []
        for node in found:
            if isinstance(node, dict):
                step += list(node.values()) if part == "*" else [node[part]] if part in node else []
            elif isinstance(node, list):
                step += node if part == "*" else [node[int(part)]] if part.isdigit() and int(part) < len(node) else []
        found = step
    return found


def fides_failures(reading: Reading, block: dict[str, Any]) -> list[str]:
    failed = [
        f"present: {path} = {found!r}"
        for path in block.get("keys_absent", [])
        if (found := matches(reading.data, path))
    ]
    for path, value in (block.get("values") or {}).items():
        found = matches(reading.data, path)
        if not found or any(item != value for item in found):
            failed.append(f"{path}: {found!r}, not {value!r}")
    return failed


def ask(reading: Reading, slug: str, query: str) -> bool:
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
    return bool(reading.graph.query(f"BASE <{SITE_URL}{slug}/privacy.jsonld>\n{head}{query}").askAnswer)


def jsonld_failures(reading: Reading, slug: str, block: dict[str, Any]) -> list[str]:
    return [
        *(f"false: {query}" for query in block.get("ask", []) if not ask(reading, slug, query)),
        *(f"true: {query}" for query in block.get("ask_not", []) if ask(reading, slug, query)),
    ]


def _params() -> list[Any]:
    run_pending = os.environ.get("FIDELITY_PENDING") == "run"
    params = []
    for slug, index, check in CHECKS:
        marks = []
        if check.get("pending") and not run_pending:
            marks.append(pytest.mark.xfail(strict=True, reason=str(check["pending"])))
        params.append(pytest.param(slug, index, check, id=f"{slug}-{index}", marks=marks))
    return params


def test_every_seed_has_fidelity_checks() -> None:
    slugs = sorted(p.stem for p in (Path(__file__).parent.parent / "data").glob("*.yaml"))
    assert sorted({slug for slug, _, _ in CHECKS}) == slugs


def test_every_check_is_well_formed() -> None:
    found = [f"{slug}-{index}: {problem}" for slug, index, check in CHECKS for problem in problems(check)]
    assert found == []


def test_every_surface_is_checked_somewhere() -> None:
    """Each surface defined in tests/surfaces.py has at least one check, over all companies."""
    assert uncovered(check for _, _, check in CHECKS) == []


def test_the_format_checks_can_fail() -> None:
    """The two tests above fail on a surface no check names and on a check that names an unknown surface."""
    checks = [check for _, _, check in CHECKS]
    assert uncovered(checks, [*SURFACES, "sitemap"]) == ["sitemap"]
    assert uncovered([c for c in checks if "datamap" not in surfaces_of(c)]) == ["datamap"]
    wrong = {"why": "x", "surfaces": ["pages", "key_fact"], "fr": {"present": ["a"]}, "en": {"present": ["a"]}}
    assert problems(wrong) == [f"unknown surface 'key_fact' (known: {', '.join(SURFACES)})"]
    assert problems({"why": "x", "surfaces": ["gaps"], "jsonld": {"ask": ["ASK {}"]}}) == [
        "a block for 'jsonld', which is not in surfaces",
        "gaps: nothing to check",
    ]
    assert problems({"why": "x", "fr": {"presnt": ["a"]}}) == ["pages (fr): unknown key 'presnt'"]


@pytest.mark.parametrize(("slug", "index", "check"), _params())
def test_each_surface_says_what_the_source_says(site: Path, slug: str, index: int, check: dict[str, Any]) -> None:
    assert problems(check) == [], "malformed check: see test_every_check_is_well_formed"
    failed = []
    for surface in surfaces_of(check):
        block = check.get(surface) or {}
        page = check.get("page") if surface == "pages" else None
        change = block.get("change") if surface == "notice" else None
        for language in LANGUAGES:
            reading = read(site, surface, slug, language, page, change)
            found = text_failures(reading, expectations(check, surface, language))
            if surface == "fides":
                found += fides_failures(reading, block)
            if surface == "jsonld" and language == LANGUAGES[0]:  # one graph for both languages
                found += jsonld_failures(reading, slug, block)
            failed += [f"{surface} ({language}): {failure}" for failure in found]
    assert failed == [], check["why"]
