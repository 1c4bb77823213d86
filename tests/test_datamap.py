"""The data map (datamap.py): laid out from the data only, inert whatever the data says, and on the built overview."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from privacy_center.check.resolve import company_from_data
from privacy_center.model.model import NOT_STATED, Company, Text, Transfers
from privacy_center.render import datamap
from privacy_center.render.pages import data_map
from privacy_center.source.loader import load_file
from privacy_center.source.wording import load_wording

SVG = "{http://www.w3.org/2000/svg}"


def company(path: Path) -> Company:
    document, errors = load_file(path)
    assert document is not None and not errors
    return company_from_data(document.data, document.file)


def drawn(value: Company, language: str = "fr") -> ET.Element:
    """The map's SVG element, parsed as XML (so it is well-formed)."""
    figure = ET.fromstring(str(data_map(value, load_wording(language))))
    svg = figure.find(f".//{SVG}svg")
    assert svg is not None
    return svg


@pytest.mark.parametrize("slug", ["actifpilot", "coopo", "coppernic", "publisher-cgu", "saas-provider"])
def test_every_link_is_a_fact_of_the_data(slug: str) -> None:
    """One box per category, purpose and recipient; a line only where a purpose names the category or recipient."""
    seed = company(ROOT / "data" / f"{slug}.yaml")
    layout = datamap.layout(seed, load_wording("fr"))
    assert len(layout.column("data")) == len(seed.data_categories)
    assert len(layout.column("purposes")) == len(seed.purposes)
    assert len(layout.column("recipients")) == len(seed.recipients)
    expected = set()
    for purpose in seed.purposes:
        if purpose.data_categories != NOT_STATED:
            expected |= {(f"category:{c.id}", f"purpose:{purpose.id}") for c in purpose.data_categories}
        if isinstance(purpose.recipients, tuple):
            expected |= {(f"purpose:{purpose.id}", f"recipient:{r.id}") for r in purpose.recipients}
    drawn_links = {(link.source, link.target) for link in layout.links if not link.target.startswith("transfer:")}
    assert drawn_links == expected


def test_transfers_are_drawn_from_the_recipient_or_purposes_the_policy_names() -> None:
    seed = company(ROOT / "data" / "coppernic.yaml")
    layout = datamap.layout(seed, load_wording("en"))
    transfers = layout.column("outside_eu")
    assert [box.label for box in transfers] == ["North America (possible)"]  # the policy: "may be transferred"
    assert [(link.source, link.target, link.kind) for link in layout.links if link.target.startswith("transfer:")] == [
        ("recipient:maintenance_centre", transfers[0].key, "possible")
    ]
    assert "possible" in [kind for kind, _ in layout.legend]
    assert "Dashed line: a transfer the policy presents as possible" in layout.description

    forms = company(FIXTURES / "valid" / "forms-transfers.yaml")
    assert isinstance(forms.transfers, Transfers)
    with_purposes = [t for t in forms.transfers.items if t.purposes]
    assert with_purposes, "the fixture has a transfer that names its purposes"
    items = tuple(dataclasses.replace(t, recipient=None) for t in forms.transfers.items)
    unnamed = dataclasses.replace(forms.transfers.items[0], recipient=None, purposes=(), id="unnamed")
    forms = dataclasses.replace(forms, transfers=dataclasses.replace(forms.transfers, items=(*items, unnamed)))
    layout = datamap.layout(forms, load_wording("fr"))
    for transfer in with_purposes:
        sources = {link.source for link in layout.links if link.target == f"transfer:{transfer.id}"}
        assert sources == {f"purpose:{p.id}" for p in transfer.purposes}
    assert "transfer:unnamed" in {box.key for box in layout.column("outside_eu")}
    assert not [link for link in layout.links if link.target == "transfer:unnamed"]


def test_links_the_data_calls_a_reading_are_drawn_as_one() -> None:
    """ActifPilot lists purposes, data and recipients separately and its data marks the links as a reading
    (`linked_by_reading`): they are dotted and the legend says why; Coppernic's purposes carry notes on other
    readings (a legal basis), which do not make their links a reading."""
    seed = company(ROOT / "data" / "actifpilot.yaml")
    layout = datamap.layout(seed, load_wording("en"))
    noted = {f"purpose:{p.id}" for p in seed.purposes if p.linked_by_reading}
    assert noted
    for link in layout.links:
        expected = "possible" if link.target.startswith("transfer:") else "reading"
        if link.source in noted or link.target in noted:
            assert link.kind == expected, link
    assert "reading" in [kind for kind, _ in layout.legend]
    figure = ET.fromstring(str(data_map(seed, load_wording("fr"))))
    classes = {path.get("class") for path in figure.iter(f"{SVG}path")}
    assert "pc-map__link--reading" in classes
    assert "Trait pointillé" in "".join(figure.itertext())
    coppernic = company(ROOT / "data" / "coppernic.yaml")
    plain = datamap.layout(coppernic, load_wording("en"))
    unmarked = {f"purpose:{p.id}" for p in coppernic.purposes if not p.linked_by_reading and p.note is not None}
    assert unmarked, "Coppernic has purposes whose notes are about something else (a legal basis)"
    assert all(link.kind == "stated" for link in plain.links if {link.source, link.target} & unmarked)


def test_no_map_column_is_wider_than_a_desktop_content_area() -> None:
    """All four columns fit Material's desktop content width, so the map only scrolls on narrow screens."""
    layout = datamap.layout(company(ROOT / "data" / "coppernic.yaml"), load_wording("fr"))
    assert len(layout.headings) == 4 and layout.width <= 690


def test_long_labels_are_wrapped_and_cut_with_an_ellipsis() -> None:
    lines = datamap.wrap("mot " * 100, datamap.WIDTHS["data"])
    assert len(lines) == datamap.MAX_LINES and lines[-1].endswith("…")
    assert all(len(line) <= datamap.CHARS_PER_LINE for line in lines)
    assert datamap.wrap("Santé", datamap.WIDTHS["data"]) == ("Santé",)


def test_hostile_labels_stay_text() -> None:
    """Markup, entities and script URLs in a label are escaped: the SVG holds no element or attribute we did not
    write."""
    seed = company(ROOT / "data" / "coppernic.yaml")
    hostile = '</text><script>alert(1)</script><image href="https://evil.example/x.png"/>&amp; "q" \'a\''
    categories = tuple(dataclasses.replace(c, label=Text({"fr": hostile, "en": hostile})) for c in seed.data_categories)
    svg = drawn(dataclasses.replace(seed, data_categories=categories, name=Text({"fr": hostile, "en": hostile})))
    tags = {element.tag.removeprefix(SVG) for element in svg.iter()}
    assert tags == {"svg", "title", "desc", "g", "path", "text", "tspan", "rect"}
    attributes = {name for element in svg.iter() for name in element.attrib}
    assert not any("href" in name or name.startswith("on") for name in attributes)
    assert any(hostile in (element.text or "") for element in svg.iter(f"{SVG}title"))


def test_the_overview_shows_the_map_with_its_text_alternative_and_table(site: Path) -> None:
    for prefix, table in (
        ("", "Les mêmes informations sous forme de tableau"),
        ("en/", "The same information as a table"),
    ):
        html = (site / prefix / "coppernic" / "index.html").read_text(encoding="utf-8")
        svg = re.search(r"<svg [^>]*class=\"pc-map__svg\".*?</svg>", html, re.S)
        assert svg is not None
        assert 'role="img"' in svg.group(0) and 'aria-labelledby="pc-map-title pc-map-desc"' in svg.group(0)
        assert '<title id="pc-map-title">' in svg.group(0) and '<desc id="pc-map-desc">' in svg.group(0)
        assert re.search(rf'<a href="\.\./activities/">{table}</a>|<a href="activities/">{table}</a>', html)
        assert "<p><svg" not in html and "<p><figure" not in html, "Markdown must pass the map through as one block"
