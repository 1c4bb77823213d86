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
from privacy_center.dpv import LEGAL_BASIS, RIGHT, SAFEGUARD
from privacy_center.model import NONE, NOT_STATED, OtherSafeguard, Safeguard, Text, Transfer, Transfers
from privacy_center.publish import in_force_day
from privacy_center.site import check_company
from privacy_center.wording import load_wording
from pyld import jsonld

DPV = "https://w3id.org/dpv#"
GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
LOC = "https://w3id.org/dpv/loc#"
SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
SEEDS = ["actifpilot", "coopo", "coppernic", "publisher-cgu", "saas-provider"]


def ids(node: dict[str, Any], prop: str) -> list[str]:
    """The IRIs a property points to; the record's own nodes (`#purpose-x`) as fragments of the record."""
    found = [item["@id"] for item in node.get(DPV + prop, [])]
    return [iri if iri.startswith((GDPR, DPV, LOC)) else "#" + iri.split("#", 1)[1] for iri in found]


# The article of each transfer instrument, as the docstring of model.Safeguard gives it (scc: the Commission's
# clauses, as the pages word it); a derogation (Art. 49, no point named) has none.
TRANSFER_ARTICLE = {
    "adequacy": "A45-3",
    "legally_binding_instrument": "A46-2-a",
    "bcr": "A46-2-b",
    "scc": "A46-2-c",
    "code_of_conduct": "A46-2-e",
    "certification": "A46-2-f",
    "ad_hoc_clauses": "A46-3-a",
    "administrative_arrangement": "A46-3-b",
}


def concept(curie: str) -> str:
    """A compact eu-gdpr IRI of dpv.py (`eu-gdpr:A15`) in full."""
    return GDPR + curie.removeprefix("eu-gdpr:")


def languages(node: dict[str, Any], prop: str) -> dict[str, str]:
    """A language map, expanded, back as {language: text}."""
    return {value["@language"]: value["@value"] for value in node[prop]}


def contact(node: dict[str, Any]) -> dict[str, str]:
    if DPV + "hasContact" not in node:
        return {}
    (point,) = node[DPV + "hasContact"]
    return {key.removeprefix(SCHEMA): value["@value"] for key, (value,) in point.items()}


def stated_ways(point: Any) -> dict[str, str]:
    ways = {"email": point.email, "address": point.postal_address, "telephone": point.phone, "url": point.web_form}
    return {key: value for key, value in ways.items() if value not in (None, NOT_STATED)}


def expanded(path: Path) -> dict[str, Any]:
    return expanded_record(json.loads(path.read_text(encoding="utf-8")))


def expanded_record(document: dict[str, Any]) -> dict[str, Any]:
    def no_network(url: str, options: object = None) -> None:
        raise AssertionError(f"the record made the processor fetch {url}")

    (notice,) = jsonld.expand(document, {"documentLoader": no_network})
    return notice


def built(path: Path) -> Any:
    build = check_company(path, default_context(), (), ["fr", "en"], "fr", in_force_day())
    assert build.company is not None
    return build


@pytest.mark.parametrize("slug", SEEDS)
def test_each_seed_record_says_what_the_data_says(site: Path, slug: str) -> None:
    build = built(ROOT / "data" / f"{slug}.yaml")
    version = build.company.current_version
    entry = next(e for e in build.changelog if e.version.version == version.version)
    assert_record(expanded(site / slug / "privacy.jsonld"), build.company, entry)


def test_every_version_of_the_demo_says_what_its_data_says(history_site: Path) -> None:
    frozen = sorted(p.stem for p in (FIXTURES / "history" / "data" / "versions" / "demo").glob("*.yaml"))
    build = built(FIXTURES / "history" / "data" / "demo.yaml")
    entries = [e for e in build.changelog if e.company is not None]
    assert sorted(e.version.version for e in entries) == sorted({*frozen, build.company.current_version.version})
    for entry in entries:
        notice = expanded(history_site / "demo" / "versions" / entry.version.version / "privacy.jsonld")
        assert_record(notice, entry.company, entry)
    assert (history_site / "demo" / "privacy.jsonld").read_bytes() == (
        history_site / "demo" / "versions" / "3.0" / "privacy.jsonld"
    ).read_bytes()


def assert_record(notice: dict[str, Any], company: Any, entry: Any) -> None:
    """The record of one version says what that version's data says, field by field."""
    assert notice["@type"] == [DPV + "PrivacyNotice"]
    assert notice["http://purl.org/dc/terms/hasVersion"] == [{"@value": entry.version.version}]
    assert notice["http://purl.org/dc/terms/identifier"] == [{"@value": f"content-hash:{entry.hash}"}]
    processes = notice[DPV + "hasProcess"]
    said = company.transfers != NOT_STATED and company.transfers.outside_eu is True  # not "possible", not none
    transfers = company.transfers.items if said else ()
    assert [p["@id"].split("#", 1)[1] for p in processes] == [f"purpose-{p.id}" for p in company.purposes] + [
        f"transfer-{t.id}" for t in transfers
    ]
    for process, transfer in zip(processes[len(company.purposes) :], transfers, strict=True):
        assert ids(process, "hasProcessing") == [DPV + "Transfer"]
        stated = [] if transfer.safeguards == NOT_STATED else list(transfer.safeguards)
        bases = process.get(DPV + "hasLegalBasis", [])
        assert len(bases) == len(stated)
        for node, safeguard in zip(bases, stated, strict=True):
            if isinstance(safeguard, str) and safeguard in TRANSFER_ARTICLE:
                assert node["@id"] == GDPR + TRANSFER_ARTICLE[safeguard]
                continue
            assert node["@type"] == [DPV + "DataTransferLegalBasis"]
            worded = (
                dict(safeguard.text.values)
                if isinstance(safeguard, OtherSafeguard)
                else {lang: load_wording(lang)(f"safeguard.{safeguard}") for lang in ("fr", "en")}
            )
            assert languages(node, DCT + "description") == worded
        if transfer.destination == NOT_STATED:
            assert DPV + "hasLocation" not in process
        else:
            places = process[DPV + "hasLocation"]
            assert len(places) == len(transfer.destination)
            for place, code in zip(places, transfer.destination, strict=True):
                if "@id" in place:
                    assert place["@id"] == LOC + code
                else:
                    assert languages(place, DCT + "description")["en"] == load_wording("en")(f"region.{code}")
        expected_recipient = [f"#recipient-{transfer.recipient.id}"] if transfer.recipient else []
        assert ids(process, "hasRecipient") == expected_recipient
        assert [p["@id"].split("#")[1] for p in process.get(DCT + "isPartOf", [])] == [
            f"purpose-{p.id}" for p in transfer.purposes
        ]
    for process, purpose in zip(processes, company.purposes, strict=False):
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
    rights = notice[DPV + "hasRight"]
    assert [r["@type"] for r in rights] == [
        [concept(RIGHT[r.code]) if r.code in RIGHT else DPV + "DataSubjectRight"] for r in company.rights.offered
    ]
    for node, right in zip(rights, company.rights.offered, strict=True):
        assert languages(node, DCT + "title")["fr"] == load_wording("fr")(f"right.{right.code}.name")
        (where,) = node.get(DPV + "isExercisedAt", [{}])
        assert contact(where) == stated_ways(right.contact or company.rights.contact)
        if right.how is not None:
            assert languages(where, DCT + "description") == dict(right.how.values)
    (authority,) = notice[DPV + "hasAuthority"]
    assert languages(authority, DCT + "title") == {
        lang: load_wording(lang)(f"authority.{company.authority.code}.name") for lang in ("fr", "en")
    }
    (controller,) = notice[DPV + "hasDataController"]
    assert contact(controller) == stated_ways(company.contact)


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


def test_every_transfer_instrument_has_its_article_or_stays_in_words() -> None:
    """Every coded instrument but the derogation is its article's eu-gdpr concept; a derogation and a safeguard in
    the policy's words become a described legal basis for transfers; destinations are countries, unions or words;
    a transfer the policy only calls possible is not recorded as one that takes place."""
    from dataclasses import replace
    from typing import get_args

    from privacy_center.dpv import record

    assert {code: iri.removeprefix("eu-gdpr:") for code, iri in SAFEGUARD.items()} == TRANSFER_ARTICLE
    assert set(get_args(Safeguard)) - set(SAFEGUARD) == {"derogation"}
    build = built(ROOT / "data" / "coppernic.yaml")
    entry = next(e for e in build.changelog if e.company is not None)
    own = OtherSafeguard(Text({"fr": "Garanties maison", "en": "Own safeguards"}))
    transfer = Transfer("t", ("US", "EEA", "worldwide"), None, None, ("derogation", own, "scc"), None)
    for outside, recorded in ((True, True), ("possible", False)):
        company = replace(build.company, transfers=Transfers(outside, None, (transfer,)))
        notice = expanded_record(record(company, entry))
        transfers = [p for p in notice[DPV + "hasProcess"] if p["@id"].endswith("#transfer-t")]
        assert len(transfers) == (1 if recorded else 0)
        if recorded:
            assert_record(notice, company, entry)
            (process,) = transfers
            assert [p.get("@id") for p in process[DPV + "hasLocation"]] == [LOC + "US", LOC + "EEA", None]
