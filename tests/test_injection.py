"""Every text is inert: no value that passes validation produces markup, a link scheme, a redirect or a load that
our templates did not write, in any output (pages, <title>, meta, nav, search index, feeds, versions.json).

Each payload of tests/injection_payloads.yaml goes into each string field found by walking the schema; the check
refuses it with a located message or accepts it; the accepted ones are built, one company per payload, in one real
`mkdocs build --strict`, and the output is compared with a benign build's."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import html5lib
import pytest
import yaml
from conftest import FIXTURES, ROOT, freeze, make_project
from privacy_center.check.schema import is_valid_fast, schema, validator
from privacy_center.site.checker import CheckResult, check_documents, check_files, default_context
from privacy_center.source.diagnostics import format_path
from privacy_center.source.loader import Document, load_file
from test_browser import CHROMIUM, serve

BASE_FILE = FIXTURES / "valid" / "full.yaml"
PAYLOADS_FILE = Path(__file__).parent / "injection_payloads.yaml"
LANG = "<lang>"
ANY = "*"
Slot = tuple[str, ...]  # a schema path: property names, "*" for list items, "<lang>" for a text's languages
DataPath = tuple[str | int, ...]
DIAGNOSTIC = re.compile(r"^\S+:\d+:\d+: \S+: .+ \(.+\)$")
SKIP_IN_COMBINATION = {"slug", "id", "version", "date"}  # keys whose accepted values would clash when combined
HTML = "{http://www.w3.org/1999/xhtml}"
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "srcset",
    "xlink:href",
    "background",
    "cite",
    "longdesc",
    "ping",
    "manifest",
    "codebase",
    "archive",
    "usemap",
    "icon",
    "lowsrc",
}
LOADING_TAGS = {
    "script",
    "img",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "link",
    "style",
    "base",
    "form",
    "video",
    "audio",
    "source",
    "track",
    "svg",
    "math",
    "image",
    "meta",
    "applet",
    "picture",
    "template",
}
MARKUP = re.compile(r"<\s*[A-Za-z!/?]")


# ---------------------------------------------------------------------------------------------------------------
# The schema's string fields


def _resolve(ref: str) -> dict[str, Any]:
    node: Any = schema()
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


def _walk(node: Any, slot: Slot, refs: frozenset[str], out: dict[Slot, set[str]]) -> None:
    """Collect every free string (not const/enum) the schema allows, with its format or pattern."""
    if not isinstance(node, dict):
        return
    if "$ref" in node and node["$ref"] not in refs:  # a recursive definition is walked once
        _walk(_resolve(node["$ref"]), slot, refs | {node["$ref"]}, out)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(key, []):
            _walk(sub, slot, refs, out)
    for key in ("then", "else"):
        _walk(node.get(key), slot, refs, out)
    if node.get("type") == "string" and "const" not in node and "enum" not in node:
        out.setdefault(slot, set()).add(node.get("format") or ("pattern" if "pattern" in node else "text"))
    for name, sub in node.get("properties", {}).items():
        _walk(sub, (*slot, name), refs, out)
    if isinstance(node.get("additionalProperties"), dict):
        _walk(node["additionalProperties"], (*slot, LANG), refs, out)
    if isinstance(node.get("items"), dict):
        _walk(node["items"], (*slot, ANY), refs, out)


@lru_cache(maxsize=1)
def string_slots() -> dict[Slot, frozenset[str]]:
    """Every string field of company.schema.json: a new field is covered without touching this test."""
    found: dict[Slot, set[str]] = {}
    _walk(schema(), (), frozenset(), found)
    return {slot: frozenset(kinds) for slot, kinds in sorted(found.items())}


def is_free_text(slot: Slot) -> bool:
    """A field that takes any text (no pattern, no format)."""
    return string_slots()[slot] == {"text"}


# ---------------------------------------------------------------------------------------------------------------
# The base document and where each field is in it


@lru_cache(maxsize=1)
def base() -> Document:
    document, errors = load_file(BASE_FILE, str(BASE_FILE.relative_to(ROOT)))
    assert document is not None and not errors
    return document


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= set(default_context().languages)


def _generalize(path: DataPath, data: Any) -> Slot:
    slot: list[str] = []
    node = data
    for part in path:
        slot.append(ANY if isinstance(part, int) else LANG if _is_text(node) else str(part))
        node = node[part]
    return tuple(slot)


@lru_cache(maxsize=1)
def instances() -> dict[Slot, tuple[DataPath, bool]]:
    """For each slot, one path in the base document to put a payload at, and whether to write it as a text
    ({fr: x, en: x}, at the parent of <lang>) rather than a string. A slot given only in the other form (a name
    that is a string or a text) is instantiated by replacing that form."""
    data = base().data
    found: dict[Slot, tuple[DataPath, bool]] = {}
    for path, value in base().nodes:
        if isinstance(value, str):
            slot = _generalize(path, data)
            if slot[-1] == LANG:
                found.setdefault(slot, (path[:-1], True))
                found.setdefault(slot[:-1], (path[:-1], False))  # the string form of a string-or-text field
            else:
                found.setdefault(slot, (path, False))
                found.setdefault((*slot, LANG), (path, True))  # the text form of a string-or-text field
    for slot, (path, _) in list(found.items()):
        if slot[-2:] == ("statement", LANG) and path[-1] == "statement":  # a text-or-{processed, statement} field:
            found.setdefault((*slot[:-2], LANG), (path[:-1], True))  # its text form replaces the mapping
    return {slot: found[slot] for slot in string_slots() if slot in found}


def inject(data: Any, where: DataPath, as_text: bool, value: str) -> Any:
    """A copy of the data with the value at `where` (copying only the containers on the way)."""
    root = copy.copy(data)
    node = root
    for part in where[:-1]:
        node[part] = copy.copy(node[part])
        node = node[part]
    node[where[-1]] = {lang: value for lang in default_context().languages} if as_text else value
    return root


# ---------------------------------------------------------------------------------------------------------------
# The corpus, checked field by field


@dataclass(frozen=True)
class Payload:
    id: str
    text: str
    expect: str = ""
    refuse_formats: tuple[str, ...] = ()


@dataclass
class Outcome:
    """What the check said about one payload in every field."""

    payload: Payload
    accepted: list[Slot] = field(default_factory=list)
    refused: dict[Slot, list[str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def payloads() -> tuple[Payload, ...]:
    raw = yaml.safe_load(PAYLOADS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Payload(item["id"], item["text"], item.get("expect", ""), tuple(item.get("refuse_formats", ()))) for item in raw
    )


def check_data(data: Any, file: str = "") -> CheckResult:
    """The in-process check of one document, located with the base file's line numbers."""
    return check_documents([Document(file or base().file, data, base().marks)], default_context())


@lru_cache(maxsize=1)
def outcomes() -> dict[str, Outcome]:
    results: dict[str, Outcome] = {}
    for payload in payloads():
        outcome = Outcome(payload)
        for slot, (where, as_text) in instances().items():
            result = check_data(inject(base().data, where, as_text, payload.text))
            if result.ok:
                outcome.accepted.append(slot)
            else:
                outcome.refused[slot] = [d.format() for d in result.errors]
        results[payload.id] = outcome
    return results


def test_every_schema_string_field_is_in_the_base_document() -> None:
    def plain(slot: tuple[str, ...]) -> tuple[str, ...]:  # `{including: [...]}` holds the same strings as a list
        return tuple(part for part in slot if part != "including")

    present = {plain(slot) for slot in instances()}
    missing = [".".join(slot) for slot in string_slots() if plain(slot) not in present]
    assert missing == [], f"add these fields to {BASE_FILE.name} so hostile text is tried in them: {missing}"
    assert check_files([BASE_FILE], releases=False).ok  # a fixture: a company file without releases


def test_each_payload_is_refused_with_a_located_message_or_accepted() -> None:
    problems: list[str] = []
    for outcome in outcomes().values():
        payload = outcome.payload
        for slot, lines in outcome.refused.items():
            problems += [
                f"{payload.id} in {'.'.join(slot)}: badly formed message {line!r}"
                for line in lines
                if not DIAGNOSTIC.match(line) or "Traceback" in line
            ]
        free = [slot for slot in instances() if is_free_text(slot)]
        if payload.expect == "refuse":
            problems += [f"{payload.id} accepted in {'.'.join(slot)}" for slot in outcome.accepted]
        if payload.expect == "accept":
            problems += [
                f"{payload.id} refused in {'.'.join(slot)}: {outcome.refused[slot]}"
                for slot in free
                if slot in outcome.refused
            ]
        for slot in outcome.accepted:
            if string_slots()[slot] & set(payload.refuse_formats):
                problems.append(f"{payload.id} accepted in {'.'.join(slot)} ({sorted(string_slots()[slot])})")
    assert problems == []


def test_refusals_read_from_a_real_file_point_at_the_field(tmp_path: Path) -> None:
    """One real file per refused payload (YAML escapes for control characters): `file:line:col: path: message`."""
    for outcome in outcomes().values():
        refused = [slot for slot in outcome.refused if is_free_text(slot)] or list(outcome.refused)
        if not refused:
            continue
        where, as_text = instances()[refused[0]]
        data = inject(base().data, where, as_text, outcome.payload.text)
        path = tmp_path / "full.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False, width=1000), encoding="utf-8")
        result = check_files([path], releases=False)
        lines = [d.format() for d in result.errors]
        assert lines and all(DIAGNOSTIC.match(line) for line in lines), (outcome.payload.id, lines)
        field_path = format_path(where)
        located = any(f": {field_path}" in line for line in lines) or (  # YAML itself refuses a lone surrogate
            len(lines) == 1 and "YAML syntax error" in lines[0] and outcome.payload.id == "lone-surrogate"
        )
        assert located, (outcome.payload.id, field_path, lines)


# ---------------------------------------------------------------------------------------------------------------
# The fast path (fastjsonschema) and the message path (jsonschema) agree


def _leaf_kinds() -> dict[frozenset[str], Slot]:
    """One field per kind of string schema (text, email, uri, pattern...): what the two validators may differ on."""
    kinds: dict[frozenset[str], Slot] = {}
    for slot, kind in string_slots().items():
        if slot in instances():
            kinds.setdefault(kind | {"lang" if slot[-1] == LANG else "string"}, slot)
    return kinds


def test_fast_and_reference_validators_agree_on_the_corpus_and_invalid_fixtures() -> None:
    disagree: list[str] = []
    for path in sorted((FIXTURES / "invalid").glob("*.yaml")):
        document, errors = load_file(path)
        if document is not None and not errors and is_valid_fast(document.data) != validator().is_valid(document.data):
            disagree.append(path.name)
    for payload in payloads():
        for slot in _leaf_kinds().values():
            data = inject(base().data, *instances()[slot], payload.text)
            if is_valid_fast(data) != validator().is_valid(data):
                disagree.append(f"{payload.id} in {'.'.join(slot)}")
    assert disagree == []


# ---------------------------------------------------------------------------------------------------------------
# One real build of every payload company, and a benign one to compare with


def slug_of(payload: Payload) -> str:
    return "inj-" + payload.id


def combined(outcome: Outcome) -> Any:
    """The payload in every field that accepted it (except ids, slug, versions and dates, which would clash)."""
    data = base().data
    wheres = [instances()[slot][0] for slot in outcome.accepted]
    for slot in outcome.accepted:
        if slot[-1] in SKIP_IN_COMBINATION or slot[:1] == ("slug",):
            continue
        where = instances()[slot][0]
        if any(len(other) > len(where) and other[: len(where)] == where for other in wheres):
            continue  # another form of a field that others write into (a text in place of {processed, statement})
        data = inject(data, *instances()[slot], outcome.payload.text)
    return {**data, "slug": slug_of(outcome.payload)}


def _build(project: Path, out: Path) -> subprocess.Popen[str]:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _project(folder: Path) -> Path:
    folder.mkdir()
    return make_project(folder, [BASE_FILE])


@dataclass(frozen=True)
class Sites:
    baseline: Path
    hostile: Path
    companies: dict[str, Payload]  # slug -> payload
    url_hosts: frozenset[str]  # hosts the data names in URL fields


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    root = tmp_path_factory.mktemp("inj")
    benign = _project(root / "benign-project")
    baseline_out = root / "baseline-site"
    baseline = _build(benign, baseline_out)  # runs while the corpus is checked
    project = _project(root / "hostile-project")
    companies: dict[str, Payload] = {}
    hosts = {urlsplit(v).hostname or "" for p, v in base().nodes if isinstance(v, str) and v.startswith("http")}
    for outcome in outcomes().values():
        if not outcome.accepted:
            continue
        data = combined(outcome)
        slug = slug_of(outcome.payload)
        result = check_data(data, f"data/{slug}.yaml")
        assert result.ok, (outcome.payload.id, [d.format() for d in result.errors])
        companies[slug] = outcome.payload
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        (project / "data" / f"{slug}.yaml").write_text(text, encoding="utf-8")
        for slot in outcome.accepted:
            if "uri" in string_slots()[slot]:
                hosts.add(urlsplit(outcome.payload.text.strip()).hostname or "")
    freeze(project / "data")
    hostile_out = root / "hostile-site"
    hostile = _build(project, hostile_out)
    for process in (baseline, hostile):
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr
    return Sites(baseline_out, hostile_out, companies, frozenset(hosts - {""}) | {"privacy.example.org"})


# ---------------------------------------------------------------------------------------------------------------
# The HTML checker: what a page holds that the templates did not write


@dataclass
class Inventory:
    """Elements, (element, attribute) pairs and <meta http-equiv> values seen in benign output."""

    tags: set[str] = field(default_factory=set)
    attributes: set[tuple[str, str]] = field(default_factory=set)
    http_equiv: set[str] = field(default_factory=set)


def _elements(html: str, fragment: bool = False) -> Iterator[ET.Element[Any]]:
    """Every element html5lib parsed: Element[Any], since a comment's tag is the ET.Comment function, not a string."""
    parser = html5lib.HTMLParser(namespaceHTMLElements=True)
    tree = parser.parseFragment(html) if fragment else parser.parse(html)
    if fragment:
        for child in tree:
            yield from child.iter()
    else:
        yield from tree.iter()


def _tag(element: ET.Element) -> str:
    return str(element.tag).split("}")[-1]


def inventory(htmls: list[str], fragment: bool = False) -> Inventory:
    found = Inventory()
    for html in htmls:
        for element in _elements(html, fragment):
            if not isinstance(element.tag, str):
                continue
            tag = _tag(element)
            found.tags.add(tag)
            found.attributes.update((tag, name) for name in element.attrib)
            if tag == "meta" and "http-equiv" in element.attrib:
                found.http_equiv.add(element.attrib["http-equiv"].lower() + "=" + element.attrib.get("content", ""))
    return found


def url_problem(url: str, hosts: frozenset[str]) -> str:
    """Why a URL in our output is not one the site could have written ('' when fine)."""
    kept = re.sub(r"[\x00-\x20\x7f-\x9f]", "", url).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.\-]*):", kept)
    if scheme is None:
        return "protocol-relative URL" if kept.startswith(("//", "\\\\")) else ""
    if scheme.group(1) in ("mailto", "tel"):
        return ""
    if scheme.group(1) in ("http", "https"):
        host = urlsplit(url.strip()).hostname or ""
        return "" if host in hosts else f"link to a host the data does not name: {host}"
    return f"scheme {scheme.group(1)}:"


def inert_findings(html: str, baseline: Inventory, hosts: frozenset[str], fragment: bool = False) -> list[str]:
    """Everything in the HTML that the templates did not write: new elements or attributes, event handlers,
    redirects, loads, and URLs with another scheme or host. The same function is used on every output."""
    findings: list[str] = []
    for element in _elements(html, fragment):
        if not isinstance(element.tag, str):
            continue
        tag = _tag(element)
        if tag not in baseline.tags:
            findings.append(f"element <{tag}>")
        for name, value in element.attrib.items():
            if (tag, name) not in baseline.attributes:
                findings.append(f"attribute {tag}[{name}]")
            if str(name).lower().startswith("on"):
                findings.append(f"event handler {tag}[{name}]")
            if name in URL_ATTRIBUTES and url_problem(value, hosts):
                findings.append(f"{tag}[{name}={value!r}]: {url_problem(value, hosts)}")
            if name == "style" and "url(" in value:
                findings.append(f"{tag}[style] loads {value!r}")
        if tag == "meta" and "http-equiv" in element.attrib:
            key = element.attrib["http-equiv"].lower() + "=" + element.attrib.get("content", "")
            if key not in baseline.http_equiv:
                findings.append(f"<meta http-equiv> {key}")
    return findings


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def baseline(sites: Sites) -> Inventory:
    return inventory([page.read_text(encoding="utf-8") for page in _pages(sites.baseline)])


def test_pages_hold_only_what_the_templates_wrote(sites: Sites, baseline: Inventory) -> None:
    findings = []
    pages = _pages(sites.hostile)
    assert len(pages) > 10 * len(sites.companies)
    for page in pages:
        for finding in inert_findings(page.read_text(encoding="utf-8"), baseline, sites.url_hosts):
            findings.append(f"{page.relative_to(sites.hostile)}: {finding}")
    assert sorted(set(findings)) == []


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_accepted_text_is_shown_as_text_in_h1_and_title(sites: Sites) -> None:
    problems = []
    for slug, payload in sites.companies.items():
        if ("name",) not in outcomes()[payload.id].accepted:
            continue
        want = " ".join(payload.text.split())
        for prefix in ("", "en/"):
            page = sites.hostile / prefix / slug / "index.html"
            elements = list(_elements(page.read_text(encoding="utf-8")))
            h1 = [_text(e).removesuffix("¶").strip() for e in elements if e.tag == f"{HTML}h1"]
            title = [_text(e) for e in elements if e.tag == f"{HTML}title"]
            nav = [_text(e) for e in elements if "md-nav__link" in e.get("class", "") and want in _text(e)]
            if want not in h1 or not title or not title[0].startswith(want) or not nav:
                problems.append(f"{prefix}{slug}: h1={h1} title={title} nav={nav}")
    assert problems == []


def test_search_index_holds_no_markup_from_data(sites: Sites) -> None:
    def entries(site: Path) -> list[dict[str, str]]:
        indexes = [site / prefix / "search" / "search_index.json" for prefix in ("", "en/")]  # one per language
        return [entry for index in indexes for entry in json.loads(index.read_text(encoding="utf-8"))["docs"]]

    reference = inventory(
        [e["title"] for e in entries(sites.baseline)] + [e["text"] for e in entries(sites.baseline)], fragment=True
    )
    findings = []
    for entry in entries(sites.hostile):
        for key in ("title", "text"):
            for finding in inert_findings(entry[key], reference, sites.url_hosts, fragment=True):
                findings.append(f"{entry['location']} {key}: {finding}")
    assert sorted(set(findings)) == []


def test_feeds_are_well_formed_and_their_html_inert(sites: Sites) -> None:
    def contents(site: Path) -> list[str]:
        found = []
        for feed in sorted(site.rglob("feed.xml")):
            root = ET.parse(feed).getroot()  # raises on a malformed feed
            found += [c.text or "" for c in root.iter("{http://www.w3.org/2005/Atom}content")]
        return found

    reference = inventory(contents(sites.baseline), fragment=True)
    findings = [f for html in contents(sites.hostile) for f in inert_findings(html, reference, sites.url_hosts, True)]
    assert len(list(sites.hostile.rglob("feed.xml"))) >= 2 * len(sites.companies)
    assert sorted(set(findings)) == []


def test_versions_json_keeps_the_text_as_data(sites: Sites) -> None:
    data = json.loads((sites.hostile / "versions.json").read_text(encoding="utf-8"))
    slugs = {company["slug"] for company in data["companies"]}
    assert set(sites.companies) <= slugs


# ---------------------------------------------------------------------------------------------------------------
# In a real browser


WATCH = """window.__pc_violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__pc_violations.push(e.violatedDirective + ' ' + e.blockedURI));"""


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_payload_pages_load_nothing_and_run_nothing_in_chromium(sites: Sites, browser: Any) -> None:
    """The session's Chromium (conftest.py's `browser`: a second Playwright in the same process cannot start)."""
    problems: list[str] = []

    def on_dialog(dialog: Any) -> None:
        problems.append(f"dialog {dialog.message!r}")
        dialog.dismiss()

    with serve(sites.hostile) as origin:
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(WATCH)
        page.on("dialog", on_dialog)
        page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith((origin, "data:", "blob:"))
                else problems.append(f"request to {request.url}")
            ),
        )
        for slug in sites.companies:
            for path in (f"{slug}/", f"{slug}/notice/", f"en/{slug}/notice/"):
                page.goto(f"{origin}/{path}", wait_until="load")
                problems += [f"{path}: CSP blocked {v}" for v in page.evaluate("window.__pc_violations")]
        context.close()
    assert problems == []


# ---------------------------------------------------------------------------------------------------------------
# The checker can fail


def test_the_checker_reports_a_field_output_unescaped(
    sites: Sites, baseline: Inventory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Render the base company in-process with one field (company.legal_name) printed raw, as a broken template
    would: the same checker must report the element and the event handler."""
    import markdown
    from markupsafe import Markup
    from privacy_center.check.resolve import company_from_data
    from privacy_center.render import pages as render
    from privacy_center.source.safety import MARKDOWN_EXTENSIONS

    hostile = "<img src=x onerror=alert(1)>"
    data = inject(base().data, ("company", "legal_name"), False, hostile)

    def pages_html() -> str:
        company = company_from_data(data, base().file)
        notice = next(p for p in render.render_company(company, ["fr", "en"], "fr") if p.path.endswith("notice.md"))
        body = notice.content.split("---", 2)[2]
        return markdown.markdown(body, extensions=list(MARKDOWN_EXTENSIONS))

    assert inert_findings(pages_html(), baseline, sites.url_hosts, fragment=True) == []
    real = render.md_escape
    monkeypatch.setattr(render, "md_escape", lambda value: Markup(value) if value == hostile else real(value))
    render.environment.cache_clear()
    try:
        findings = inert_findings(pages_html(), baseline, sites.url_hosts, fragment=True)
    finally:
        monkeypatch.undo()
        render.environment.cache_clear()
    assert "element <img>" in findings and "event handler img[onerror]" in findings
