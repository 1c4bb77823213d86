"""The JSON export of each company's data (issue 13, item 1): at `/<slug>/privacy.json` for the version in force
and `/<slug>/versions/<version>/privacy.json` for every version, equal field by field to the checked data, valid
against the schema the site publishes, and inert wherever it is pasted."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, ROOT
from jsonschema import Draft202012Validator
from privacy_center.source.loader import load_file
from privacy_center.source.safety import as_json

SEEDS = ["actifpilot", "coopo", "coppernic", "publisher-cgu", "saas-provider"]


def data_of(path: Path) -> object:
    document, errors = load_file(path)
    assert document is not None and not errors
    return document.data


def test_each_seed_company_is_exported_as_it_is_written(site: Path) -> None:
    schema = json.loads((site / "schema" / "company.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for slug in SEEDS:
        exported = json.loads((site / slug / "privacy.json").read_text(encoding="utf-8"))
        assert exported == data_of(ROOT / "data" / f"{slug}.yaml"), slug
        assert [error.message for error in validator.iter_errors(exported)] == [], slug
        version = exported["versions"][-1]["version"]
        frozen = (site / slug / "versions" / version / "privacy.json").read_text(encoding="utf-8")
        assert frozen == (site / slug / "privacy.json").read_text(encoding="utf-8")


def test_every_version_of_the_history_demo_is_exported(history_site: Path) -> None:
    frozen = FIXTURES / "history" / "data" / "versions" / "demo"
    versions = sorted(path.stem for path in frozen.glob("*.yaml"))
    assert versions == ["1.0", "1.1", "2.0", "3.0"]
    for version in versions:
        exported = json.loads((history_site / "demo" / "versions" / version / "privacy.json").read_text("utf-8"))
        assert exported == data_of(frozen / f"{version}.yaml"), version
    in_force = json.loads((history_site / "demo" / "privacy.json").read_text(encoding="utf-8"))
    assert in_force["versions"][-1]["version"] == "3.0"


def test_the_export_is_inert_text() -> None:
    text = as_json({"name": "<script>alert(1)</script> & co", "n": 1})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "<script>alert(1)</script> & co", "n": 1}
