"""The fields are declared once (hooks/privacy_center/model/declaration.py): the published schema is generated from the
declarations and committed as generated; each declaration says how the diff classifies a change to it and which
completeness rules read it, and these names are checked against the rules that exist."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from privacy_center.check import completeness, reference
from privacy_center.model.declaration import DEFINITIONS, company_schema
from privacy_center.model.declaration import ROOT as FILE
from privacy_center.model.declare import EDITORIAL, MATERIAL, Field, Record, walk
from privacy_center.model.model import Company

# Rules that read no one field: every text of the file is searched for a placeholder left by the scaffold.
RULES_OF_NO_FIELD = {"placeholder_left"}


def _declared() -> list[tuple[str, Field]]:
    records = [("", FILE), *((name, node) for name, node in DEFINITIONS.items() if isinstance(node, Record))]
    return [(f"{where}.{'.'.join(path)}".lstrip("."), item) for where, record in records for path, item in walk(record)]


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = (ROOT / "hooks/privacy_center/schema/company.schema.json").read_text(encoding="utf-8")
    assert committed == json.dumps(company_schema(), indent=2, ensure_ascii=False) + "\n", (
        "run privacy-center reference"
    )


def test_a_schema_edited_by_hand_is_reported_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check can fail: a hand edit of the committed schema is out of date with the declarations."""
    copy = tmp_path / "company.schema.json"
    copy.write_text(reference.schema_text().replace('"Legal name"', '"Name"', 1), encoding="utf-8")
    monkeypatch.setattr(reference, "SCHEMA_PATH", copy)
    assert reference.stale(ROOT / "reference") == [copy]
    copy.write_text(reference.schema_text(), encoding="utf-8")
    assert reference.stale(ROOT / "reference") == []


def test_every_rule_a_field_names_exists_and_every_rule_is_named() -> None:
    rules = {rule.__name__ for rule in (*completeness.RULES, *completeness.ALL_RULES)}
    named = {rule for _, item in _declared() for rule in item.rules}
    assert named - rules == set(), "a declaration names a rule that does not exist"
    leaves = {rule.__name__ for rule in completeness.ALL_RULES}
    assert leaves - named - RULES_OF_NO_FIELD == set(), "a completeness rule reads no declared field"


def test_a_change_to_every_declared_field_is_classified() -> None:
    """WP260: who, how to reach, what, why, how long, who receives, where, rights and authority are material."""
    changes = {path: item.change for path, item in _declared()}
    assert set(changes.values()) <= {MATERIAL, EDITORIAL}
    for path in (
        "company.legal_name",
        "company.registered_address",
        "contact_point.email",
        "contacts.dpo",
        "purpose.legal_bases",
        "purpose.source",
        "retention_rule.period",
        "recipient.name",
        "transfer.destination",
        "rights.offered",
        "supervisory_authority.code",
    ):
        assert changes[path] is MATERIAL, path
    for path in ("company.note", "purpose.note", "section.body", "version.summary", "introduction"):
        assert changes[path] is EDITORIAL, path


def test_a_declared_field_reaches_the_model_the_notice_and_the_diff() -> None:
    """`company.status` is declared (with the wording key of its line), has the model's attribute and two wording
    lines, and nothing else: the schema accepts it, the built model carries it, the notice prints it in each
    language (render/identity.py, no template names it), and the diff reports a change of it as material (a change
    of who the controller is)."""
    from dataclasses import replace

    from privacy_center.check.resolve import company_from_data
    from privacy_center.check.schema import is_valid_fast
    from privacy_center.history.diff import diff
    from privacy_center.model.model import Text
    from privacy_center.render.pages import render_company
    from privacy_center.source.loader import load_file

    document, errors = load_file(ROOT / "tests/fixtures/valid/full.yaml")
    assert document is not None and not errors and is_valid_fast(document.data)
    company = company_from_data(document.data)
    assert company.identity.status == Text({"fr": "En liquidation amiable", "en": "In voluntary liquidation"})
    pages = {page.path: page.content for page in render_company(company, ("fr", "en"), "fr")}
    notices = {path: text for path, text in pages.items() if path.endswith(("notice.md", "notice.en.md"))}
    assert any("Situation de la société : En liquidation amiable" in t.replace("\u00a0", " ") for t in notices.values())
    assert any("Company status: In voluntary liquidation" in text for text in notices.values())
    templates = "".join(path.read_text() for path in (ROOT / "hooks/privacy_center/templates").rglob("*.j2"))
    assert "company_status" not in templates and "identity.status" not in templates and "id.status" not in templates
    [change] = diff(company, replace(company, identity=replace(company.identity, status=None)))
    assert (change.kind, change.material, change.subject) == (
        "field_changed",
        True,
        ("label.company_status", None, None),
    )


def test_the_model_has_a_field_for_every_declared_field() -> None:
    """A field declared in the file reaches the model: each model class built from a declaration (build.PARTS) has
    a field of the same name for each declared field, or the fields the model words it as, and no other."""
    from dataclasses import fields

    from privacy_center.model.build import PARTS
    from privacy_center.model.declaration import DEFINITIONS
    from privacy_center.model.declare import records

    for cls, (node, renamed) in PARTS.items():
        declared = {item.name for record in records(node, DEFINITIONS) for item in record.fields}
        wanted = (declared - set(renamed)) | {name for names in renamed.values() for name in names}
        assert {item.name for item in fields(cls)} == wanted, cls.__name__


def test_silence_is_typed_where_it_is_declared() -> None:
    """A declared field whose type accepts `not_stated` has NOT_STATED in its model type (mypy then sees every
    place that must handle silence), and a field that cannot be silent has not; a renamed field follows the field
    it comes from."""
    from dataclasses import fields
    from typing import get_args, get_type_hints

    from privacy_center.model.build import PARTS, _silent
    from privacy_center.model.declaration import DEFINITIONS
    from privacy_center.model.declare import member
    from privacy_center.model.model import NotStated

    checked = 0
    for cls, (node, renamed) in PARTS.items():
        hints = get_type_hints(cls)
        source = {name: old for old, names in renamed.items() for name in names}
        for item in fields(cls):
            declared = member(node, source.get(item.name, item.name), DEFINITIONS)
            if declared is None:
                continue
            if item.name in source:  # trade_register: {city, number}, each of which may be not_stated
                declared = member(declared.type, item.name.split("_", 1)[1], DEFINITIONS)
                assert declared is not None, item.name
            typed = hints[item.name] is NotStated or NotStated in get_args(hints[item.name])
            assert typed == _silent(declared.type), f"{cls.__name__}.{item.name}: {hints[item.name]}"
            checked += typed
    assert checked >= 20


def test_the_identity_lines_follow_the_declarations() -> None:
    """Each labelled field of `company` gives one line of the controller's facts, in declaration order, only when
    the policy states it; its value is plain text (the page escapes it as any other value)."""
    from dataclasses import replace

    from privacy_center.model.declaration import COMPANY
    from privacy_center.model.model import NOT_STATED
    from privacy_center.render.identity import identity_lines
    from privacy_center.source.wording import load_wording

    words = load_wording("en")
    company = company_of_fixture()
    lines = identity_lines(company, words)
    labels = [words(f.label) for f in COMPANY.fields if f.label]
    assert [line.label for line in lines if line.label in labels] == [
        label for label in labels if label in {line.label for line in lines}
    ]
    silent = replace(company.identity, legal_name=NOT_STATED, trade_names=("[x](javascript:alert(1))",))
    shown = identity_lines(replace(company, identity=silent), words)
    assert words("label.legal_name") not in [line.label for line in shown]
    assert (words("label.trade_names"), "[x](javascript:alert(1))") in [(line.label, line.value) for line in shown]


def change_text(change: Any, language: str) -> str:
    from privacy_center.render.phrases import change as worded
    from privacy_center.source.wording import load_wording

    return worded(change, load_wording(language))


def company_of_fixture() -> Company:
    from privacy_center.check.resolve import company_from_data
    from privacy_center.source.loader import load_file

    document, _ = load_file(ROOT / "tests/fixtures/valid/full.yaml")
    assert document is not None
    return company_from_data(document.data)


def test_the_eu_representative_was_added_as_one_declared_field() -> None:
    """`company.eu_representative` (GDPR Art. 27, named by Art. 13(1)(a)) was added in one commit by its
    declaration, the model's attribute and one wording line per language: the schema refuses an empty one, the
    notice shows it in each language, and a change of representative is material (who to write to changes)."""
    from dataclasses import replace

    from privacy_center.check.schema import is_valid_fast
    from privacy_center.history.diff import diff
    from privacy_center.render.pages import render_company
    from privacy_center.source.loader import load_file

    document, _ = load_file(ROOT / "tests/fixtures/valid/full.yaml")
    assert document is not None
    empty = {**document.data, "company": {**document.data["company"], "eu_representative": ""}}
    assert not is_valid_fast(empty)
    company = company_of_fixture()
    named = "EU Rep Example Ltd, 1 Example Street, Dublin 2, Ireland"
    assert company.identity.eu_representative == named
    pages = {page.path: page.content for page in render_company(company, ("fr", "en"), "fr")}
    # as a reader sees the Markdown: entities and escapes undone
    fr, en = (html.unescape(pages[f"full/{name}"]).replace("\\", "") for name in ("notice.md", "notice.en.md"))
    assert "Représentant dans l'Union (art. 27 RGPD)\u00a0: EU Rep Example Ltd, 1 Example Street" in fr
    assert "Representative in the Union (GDPR Art. 27): EU Rep Example Ltd, 1 Example Street" in en
    [change] = diff(company, replace(company, identity=replace(company.identity, eu_representative=None)))
    assert (change.kind, change.material) == ("field_changed", True)
    assert change_text(change, "en") == f"Representative in the Union (GDPR Art. 27): {named} → not stated"
