"""Every surface a visitor or a regulator reads of one company, read as they read it: one function per surface.

Each function takes the built site, the company's slug, the language and the check (for `page` and `notice`) and
returns a `Reading`: the text of that surface (`text`: whitespace folded, no-break spaces read as spaces; `raw`: the
same text with its no-break spaces kept, for French typography), and what else that surface is made of (the page's
HTML, the data map's drawing, the JSON-LD graph, the Fides manifest's data).

- `pages`: the company's pages (all of them, or the check's `page`), their article's visible text.
- `key_facts`: the first layer of the overview: "who is responsible", "exercise your rights" and "in short"
  (`_layer.md.j2`: from `p.pc-who` up to the `#pc-changed` heading).
- `gaps`: the box "what the policy does not say" of the notice page (`_macros.md.j2`, `gaps_box`).
- `datamap`: the overview's data map (`datamap.svg.j2`): its label, title, description, column headings and boxes,
  and, as `drawing`, one item per box and per curve, with the marks (classes, dashes) it is drawn with.
- `register`: the company's rows of the register of processing activities, as the CSV `register.to_csv` writes
  from `data/<slug>.yaml` (the site publishes it only with `publish_register`).
- `jsonld`: `<slug>/privacy.jsonld` read by rdflib (its context is inline: nothing is fetched); the text is its
  literals in that language and those with no language.
- `fides`: the Fides manifest `<slug>/fides.<lang>.yml`, as text and as data.
- `notice`: the notice of change `privacy-center release` would write for a material version 1.1 of the company
  (`notices.change_notice`, rendered by `render.notice_text`). The seeds have only version 1.0, so version 1.0 is
  taken as the company without its last purpose (check option `notice: {change: purpose_added}`, the default), or
  without the safeguards of its transfers (`change: safeguards_added`): what a new purpose or new safeguards make
  the release write, with the actions (rights, where to write, complaint) every notice carries.
"""

from __future__ import annotations

import html
import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import html5lib
import yaml
from conftest import ROOT
from html_utils import page_file, parse
from privacy_center.model.model import NOT_STATED

PAGES = ("", "notice/", "activities/", "rights/", "cookies/", "history/")
SITE_URL = "https://privacy.example.org/"  # mkdocs.yml's site_url, which the release command puts in a notice


@dataclass(frozen=True)
class Reading:
    """One surface in one language."""

    raw: str  # its text, ASCII whitespace folded, no-break spaces kept
    html: str = ""  # the HTML it is cut from (pages, key facts, gaps box, data map)
    drawing: tuple[str, ...] = ()  # data map: "box <column>: <label>", "link <from> → <to>", marks in brackets
    graph: Any = None  # JSON-LD: the rdflib Graph
    data: Any = None  # Fides: the manifest as YAML data

    @property
    def text(self) -> str:
        """The text with no-break spaces read as spaces, whitespace folded."""
        return re.sub("[ \u00a0\u202f]+", " ", self.raw)


def fold(text: str) -> str:
    """ASCII whitespace folded to single spaces; no-break spaces kept (str.split would fold them too)."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip(" ")


# --- HTML pieces ---------------------------------------------------------------------------------------------------

BLOCKS = {"p", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "tr", "td", "th", "caption", "br", "dt", "dd"}
BLOCKS |= {"figure", "figcaption", "title", "desc", "text", "tspan", "g", "table", "section", "aside"}


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _classes(element: ET.Element) -> list[str]:
    return element.get("class", "").split()


def _document(path: Path) -> ET.Element:
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def _text_parts(element: ET.Element) -> Iterator[str]:
    """An element's text as a visitor reads it: no script or style, no headings' permalink sign, no decoration
    hidden from assistive technology (the key facts' marks: each answer is also written out in words)."""
    tag = _tag(element)
    if tag in ("script", "style") or "headerlink" in _classes(element) or element.get("aria-hidden") == "true":
        return
    yield element.text or ""
    for child in element:
        yield from _text_parts(child)
        yield child.tail or ""
    if tag in BLOCKS:
        yield " "


def _text(elements: list[ET.Element]) -> str:
    return fold("".join(part for element in elements for part in (*_text_parts(element), " ")))


def _html(elements: list[ET.Element]) -> str:
    return "".join(ET.tostring(element, encoding="unicode", method="html") for element in elements)


def _find(root: ET.Element, test: Callable[[ET.Element], bool]) -> ET.Element | None:
    return next((element for element in root.iter() if test(element)), None)


def _parent_map(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


# --- the surfaces --------------------------------------------------------------------------------------------------


def pages(site: Path, slug: str, language: str, check: dict[str, Any]) -> Reading:
    """The article of each company page (or of the check's `page`) as the existing checks read it."""
    names = [check["page"]] if "page" in check else list(PAGES)
    files = [page_file(site, language, slug, name) for name in names]
    raw = " ".join(fold(html.unescape("".join(parse(path).text))) for path in files)
    return Reading(raw, html="".join(path.read_text(encoding="utf-8") for path in files))


def key_facts(site: Path, slug: str, language: str, check: dict[str, Any]) -> Reading:
    """The overview's first layer: who is responsible, how to exercise one's rights, the key facts."""
    root = _document(page_file(site, language, slug, ""))
    who = _find(root, lambda e: _tag(e) == "p" and "pc-who" in _classes(e))
    assert who is not None, f"{slug} ({language}): no 'who is responsible' line on the overview"
    siblings = list(_parent_map(root)[who])
    layer = []
    for element in siblings[siblings.index(who) :]:
        if _tag(element) == "h2" and element.get("id") == "pc-changed":
            break
        layer.append(element)
    assert any(e.get("id") == "pc-facts" for e in layer), f"{slug} ({language}): no key facts before #pc-changed"
    return Reading(_text(layer), html=_html(layer))


def gaps(site: Path, slug: str, language: str, check: dict[str, Any]) -> Reading:
    """The box "what the policy does not say" of the notice page (empty when the policy says everything)."""
    from privacy_center.source.wording import load_wording

    title = fold(load_wording(language)("gaps.title"))
    root = _document(page_file(site, language, slug, "notice"))

    def is_box(element: ET.Element) -> bool:
        if "admonition" not in _classes(element):
            return False
        heading = _find(element, lambda e: "admonition-title" in _classes(e))
        return heading is not None and _text([heading]) == title

    boxes = [element for element in root.iter() if is_box(element)]
    return Reading(_text(boxes), html=_html(boxes))


def datamap(site: Path, slug: str, language: str, check: dict[str, Any]) -> Reading:
    """The overview's data map: every word it shows or gives assistive technology, and what it draws."""
    root = _document(page_file(site, language, slug, ""))
    figure = _find(root, lambda e: _tag(e) == "figure" and "pc-map" in _classes(e))
    assert figure is not None, f"{slug} ({language}): no data map on the overview"
    labels = [e.get("aria-label", "") for e in figure.iter() if e.get("aria-label")]
    return Reading(fold(" ".join([*labels, _text([figure])])), html=_html([figure]), drawing=_drawing(figure))


def _drawing(figure: ET.Element) -> tuple[str, ...]:
    """Each box as `box <column>: <label>` and each curve as `link <from> → <to>`, by the boxes it joins; a box or
    curve with marks of its own (a class beyond the common ones, a dash, a group of its own) ends with them in
    brackets: `link A → B [class=pc-map__link--possible]`."""
    parents = _parent_map(figure)
    boxes: list[tuple[str, tuple[int, int, int, int]]] = []
    items = []
    for group in figure.iter():
        classes = _classes(group)
        if _tag(group) != "g" or "pc-map__box" not in classes:
            continue
        rect = _find(group, lambda e: _tag(e) == "rect")
        title = _find(group, lambda e: _tag(e) == "title")
        assert rect is not None and title is not None
        label = fold(title.text or "")
        column = next((c.split("--", 1)[1] for c in classes if c.startswith("pc-map__box--")), "")
        marks = [c for c in classes if c not in ("pc-map__box", f"pc-map__box--{column}")]
        marks += [f"{k}={v}" for k, v in rect.attrib.items() if k not in ("x", "y", "width", "height", "rx")]
        left, top, width, height = (int(float(rect.get(k, "0"))) for k in ("x", "y", "width", "height"))
        boxes.append((label, (left, top, width, height)))
        items.append(f"box {column}: {label}" + (f" [{' '.join(marks)}]" if marks else ""))
    for path in (e for e in figure.iter() if _tag(e) == "path"):
        numbers = [int(float(n)) for n in re.findall(r"-?[0-9.]+", path.get("d", ""))]
        start, end = (numbers[0], numbers[1]), (numbers[-2], numbers[-1])
        source = next((label for label, (x, y, w, h) in boxes if (x + w, y + h // 2) == start), "?")
        target = next((label for label, (x, y, w, h) in boxes if (x, y + h // 2) == end), "?")
        parent = parents.get(path)
        marks = [f"{k}={v}" for k, v in path.attrib.items() if k != "d"]
        if parent is not None and _classes(parent) != ["pc-map__links"]:
            marks.append(f"in={parent.get('class', '')}")
        items.append(f"link {source} → {target}" + (f" [{' '.join(marks)}]" if marks else ""))
    return tuple(items)


@cache
def company(slug: str) -> Any:
    """The company as the site shows it (the version in force), modelled from data/<slug>.yaml."""
    from privacy_center.site.build import company_of
    from privacy_center.site.checker import check_file, default_context
    from privacy_center.source.publish import in_force_day

    modelled = company_of(check_file(ROOT / "data" / f"{slug}.yaml", default_context()), in_force_day())
    assert modelled is not None, f"data/{slug}.yaml does not check"
    return modelled[0]


def register(site: Path, slug: str, language: str, check: dict[str, Any]) -> Reading:
    """The company's rows of the register of processing activities, as the CSV export writes them, read cell by
    cell (a CSV separator is no punctuation of the text)."""
    import csv
    import io

    from privacy_center.records.register import SEPARATOR, to_csv
    from privacy_center.source.wording import load_wording

    text = to_csv([company(slug)], load_wording(language)).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=SEPARATOR.get(language, ",")) for cell in row]
    return Reading("\n".join(fold(cell) for cell in cells))  # the cells' text, one a line (no separator read)


def jsonld(site: Path, slug: str, language: str, check: dict[str, Any]) -> Reading:
    """The published record as RDF; its text is its literals in that language and those with no language."""
    import rdflib

    path = site / slug / "privacy.jsonld"
    record = path.read_text(encoding="utf-8")
    assert '"@context": {' in record, f"{path}: the JSON-LD context is not inline (reading it would fetch it)"
    with warnings.catch_warnings():  # rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        graph = rdflib.Graph().parse(data=record, format="json-ld", publicID=f"{SITE_URL}{slug}/privacy.jsonld")
    literals = sorted(
        {str(o) for o in graph.objects() if isinstance(o, rdflib.Literal) and o.language in (language, None)}
    )
    return Reading("\n".join(fold(literal) for literal in literals), graph=graph)


def fides(site: Path, slug: str, language: str, check: dict[str, Any]) -> Reading:
    """The Fides manifest of that language, as text and as data."""
    text = (site / slug / f"fides.{language}.yml").read_text(encoding="utf-8")
    return Reading(fold(text), data=yaml.safe_load(text))


CHANGES = {
    # what version 1.0 is taken to be, for a material version 1.1 that is the company as it is
    "purpose_added": lambda c: replace(c, purposes=c.purposes[:-1]),
    "safeguards_added": lambda c: replace(
        c, transfers=replace(c.transfers, items=tuple(replace(t, safeguards=NOT_STATED) for t in c.transfers.items))
    ),
}


def notice(site: Path, slug: str, language: str, check: dict[str, Any]) -> Reading:
    """The notice of change the release command would write for the company as a material version 1.1."""
    from privacy_center.history.changelog import Entry
    from privacy_center.history.diff import diff
    from privacy_center.render.notices import change_notice
    from privacy_center.render.pages import notice_text
    from privacy_center.source.wording import load_wording

    now = company(slug)
    before = CHANGES[(check.get("notice") or {}).get("change", "purpose_added")](now)
    version = replace(now.versions[-1], version="1.1")
    entry = Entry(version, None, tuple(diff(before, now)), False, "in_force", now)
    assert entry.material, f"{slug}: the composed version 1.1 has no material change"
    written = change_notice(entry, load_wording(language), "fr", SITE_URL)
    assert written is not None
    return Reading(fold(notice_text(written)))


SURFACES: dict[str, Callable[[Path, str, str, dict[str, Any]], Reading]] = {
    "pages": pages,
    "key_facts": key_facts,
    "gaps": gaps,
    "datamap": datamap,
    "register": register,
    "jsonld": jsonld,
    "fides": fides,
    "notice": notice,
}
