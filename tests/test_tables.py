"""The notice's tables are rows prepared in Python (render/tables.py); `_tables.html.j2` only prints them."""

from __future__ import annotations

import re
from dataclasses import replace

from conftest import FIXTURES, ROOT
from privacy_center.check.resolve import company_from_data
from privacy_center.model.model import NOT_STATED, Company
from privacy_center.render import tables
from privacy_center.render.pages import template_context
from privacy_center.source.loader import load_file
from privacy_center.source.wording import load_wording


def _company() -> Company:
    document, errors = load_file(FIXTURES / "valid" / "full.yaml")
    assert document is not None and not errors
    return company_from_data(document.data)


def test_each_row_holds_one_item_and_a_silent_fact_is_a_gap() -> None:
    company = _company()
    ctx = template_context(load_wording("en"), ["fr", "en"], "fr")
    found = tables.recipients(company, ctx)
    assert len(found.rows) == len(company.recipients)
    first, *others = company.recipients
    silent = replace(company, recipients=(replace(first, location=NOT_STATED), *others))
    assert len(found.columns) == 3  # a location column: some recipient's location is stated
    assert tables.recipients(silent, ctx).rows[0].cells[-1][1] == (tables.GAP,)
    activities = tables.activities(company, ctx)
    assert activities.stacked and [label for label, _ in activities.rows[0].cells] == list(activities.columns[1:])
    assert [row.head for row in tables.versions(company, ctx).rows] == [
        (("text", v.version),) for v in reversed(company.versions)
    ]


def test_the_template_reads_nothing_of_the_model() -> None:
    """Only the prepared table is read: no attribute of a company, purpose, recipient or cookie in the template."""
    template = (ROOT / "hooks/privacy_center/templates/_tables.html.j2").read_text(encoding="utf-8")
    assert re.findall(r"\b(?:company|p|r|c|v|said)\.\w+", template) == []
