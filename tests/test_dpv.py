"""DPV notice records (issue 13, item 2): `/<slug>/privacy.jsonld` and one per version, expanded by a JSON-LD
processor (pyld) with no network, and checked against the data: every purpose with its legal bases, data, subjects
and retention, every recipient, the rights, the version and its content hash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT
from privacy_center.checker import default_context
from privacy_center.dpv import LEGAL_BASIS, RIGHT
from privacy_center.model import NONE, NOT_STATED
from privacy_center.publish import in_force_day
from privacy_center.site import check_company
from pyld import jsonld

DPV = "https://w3id.org/dpv#"
GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
SEEDS = ["actifpilot", "coopo", "coppernic", "publisher-cgu", "saas-provider"]


def ids(node: dict[str, Any], prop: str) -> list[str]:
    """The IRIs a property points to; the record's own nodes (`#purpose-x`) as fragments of the record."""
    found = [item["@id"] for item in node.get(DPV + prop, [])]
    return [iri if iri.startswith(GDPR) else "#" + iri.split("#", 1)[1] for iri in found]


def expanded(path: Path) -> dict[str, Any]:
    def no_network(url: str, options: object = None) -> None:
        raise AssertionError(f"the record made the processor fetch {url}")

    (notice,) = jsonld.expand(json.loads(path.read_text(encoding="utf-8")), {"documentLoader": no_network})
    return notice


@pytest.mark.parametrize("slug", SEEDS)
def test_each_seed_record_says_what_the_data_says(site: Path, slug: str) -> None:
    notice = expanded(site / slug / "privacy.jsonld")
    build = check_company(ROOT / "data" / f"{slug}.yaml", default_context(), (), ["fr", "en"], "fr", in_force_day())
    company = build.company
    assert company is not None
    assert notice["@type"] == [DPV + "PrivacyNotice"]
    version = company.current_version
    assert notice["http://purl.org/dc/terms/hasVersion"] == [{"@value": version.version}]
    entry = next(e for e in build.changelog if e.version.version == version.version)
    assert notice["http://purl.org/dc/terms/identifier"] == [{"@value": f"content-hash:{entry.hash}"}]
    processes = notice[DPV + "hasProcess"]
    assert [p["@id"].split("#", 1)[1] for p in processes] == [f"purpose-{p.id}" for p in company.purposes]
    for process, purpose in zip(processes, company.purposes, strict=True):
        if purpose.legal_bases == NOT_STATED:
            assert DPV + "hasLegalBasis" not in process  # silence stays silence
        else:
            assert ids(process, "hasLegalBasis") == [GDPR + LEGAL_BASIS[b.basis][8:] for b in purpose.legal_bases]
        if purpose.retention == NOT_STATED:
            assert DPV + "hasStorageCondition" not in process
        else:
            assert ids(process, "hasStorageCondition") == [f"#retention-{r.id}" for r in purpose.retention]
        if purpose.data_categories != NOT_STATED:
            assert ids(process, "hasPersonalData") == [f"#data-{c.id}" for c in purpose.data_categories]
        expected = list(purpose.recipients) if isinstance(purpose.recipients, tuple) else []
        if purpose.recipients != NONE:
            expected += [r for r in company.shared_recipients if r not in expected]
        assert ids(process, "hasRecipient") == [f"#recipient-{r.id}" for r in expected]
    assert ids(notice, "hasRight") == [GDPR + RIGHT[r.code][8:] for r in company.rights.offered if r.code in RIGHT]


def test_every_version_of_the_demo_has_its_record(history_site: Path) -> None:
    frozen = sorted(p.stem for p in (FIXTURES / "history" / "data" / "versions" / "demo").glob("*.yaml"))
    for version in frozen:
        notice = expanded(history_site / "demo" / "versions" / version / "privacy.jsonld")
        assert notice["http://purl.org/dc/terms/hasVersion"] == [{"@value": version}]
    assert (history_site / "demo" / "privacy.jsonld").read_bytes() == (
        history_site / "demo" / "versions" / "3.0" / "privacy.jsonld"
    ).read_bytes()


def test_the_vocabulary_cites_the_articles_the_site_cites() -> None:
    """Each legal basis and right points to the eu-gdpr concept of the article the wording cites for it
    (`GDPR Art. 6(1)(a)` -> `eu-gdpr:A6-1-a`; Art. 22(3) rights -> A22)."""
    import re

    from privacy_center.wording import load_wording

    words = load_wording("en")

    def concept(article: str) -> str:
        found = re.fullmatch(r"GDPR Art\. (\d+)((?:\(\w+\))*)", article)
        assert found, article
        parts = re.findall(r"\((\w+)\)", found.group(2))
        return "eu-gdpr:A" + "-".join([found.group(1), *parts])

    for basis, iri in LEGAL_BASIS.items():
        assert iri == concept(words(f"legal_basis.{basis}.article")), basis
    for right, iri in RIGHT.items():
        cited = concept(words(f"right.{right}.article"))
        assert iri == ("eu-gdpr:A22" if cited.startswith("eu-gdpr:A22") else cited), right
