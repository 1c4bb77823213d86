"""DPV notice records (issue 13, item 2): `/<slug>/privacy.jsonld` and one per version, expanded by a JSON-LD
processor (pyld) with no network, and checked against the data: every purpose with its legal bases, data, subjects
and retention, every recipient, the rights, the version and its content hash."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal

import pytest
from babel.lists import format_list
from conftest import FIXTURES, ROOT
from privacy_center.model import statements
from privacy_center.model.model import (
    NONE,
    NOT_STATED,
    Alternatives,
    ContactPoint,
    OtherSafeguard,
    Safeguard,
    Text,
    Transfer,
    Transfers,
)
from privacy_center.records.dpv import LEGAL_BASIS, RIGHT, SAFEGUARD
from privacy_center.site.build import check_company
from privacy_center.site.checker import default_context
from privacy_center.source.publish import in_force_day
from privacy_center.source.wording import load_wording
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


def worded(text: Text) -> dict[str, str]:
    """A text of the data as the record gives it: each language typeset by its own rule, as on the pages (French
    no-break spaces before `: ; ! ? »` and after `«`)."""
    return {lang: load_wording(lang).typeset(value) for lang, value in text.values.items()}


# A plain space where French typography wants a no-break one (wording.typeset).
UNTYPESET = re.compile(r" [:;!?»]|« ")


def french_values(value: Any) -> list[str]:
    """Every French string of an expanded record (`{"@language": "fr", "@value": ...}`)."""
    if isinstance(value, dict):
        if value.get("@language") == "fr":
            return [value["@value"]]
        return [text for item in value.values() for text in french_values(item)]
    if isinstance(value, list):
        return [text for item in value for text in french_values(item)]
    return []


def contact(node: dict[str, Any]) -> dict[str, str]:
    if DPV + "hasContact" not in node:
        return {}
    (point,) = node[DPV + "hasContact"]
    return {key.removeprefix(SCHEMA): value["@value"] for key, (value,) in point.items()}


def stated_ways(point: Any) -> dict[str, str]:
    ways = {"email": point.email, "address": point.postal_address, "telephone": point.phone, "url": point.web_form}
    return {key: value for key, value in ways.items() if value not in (None, NOT_STATED)}


def stated_at(node: dict[str, Any]) -> list[tuple[str, Any]]:
    """The schema.org properties of a node (its addresses), as (property, values)."""
    return [(key, values) for key, values in node.items() if key.startswith(SCHEMA)]


def safeguard_words(safeguard: Any, lang: str) -> str:
    """A transfer instrument as the pages word it: its wording, or the policy's words for another safeguard."""
    words = load_wording(lang)
    if isinstance(safeguard, OtherSafeguard):
        return words("label.safeguard_other", text=safeguard.text.get(lang))
    return words(f"safeguard.{safeguard}")


def acts_as(company: Any, purpose: Any) -> str:
    """The company's role for a purpose, from the data: the purpose's own `role`, else the company's (a company that
    is `controller_and_processor` gives one per purpose)."""
    if purpose.role is not None:
        return purpose.role.acts_as
    return "processor" if company.role == "processor" else "controller"


def own(company: Any) -> list[Any]:
    """The company's own purposes: not another controller's processing that the policy only describes."""
    return [p for p in company.purposes if acts_as(company, p) != "other_controller"]


def acts_for(company: Any, purpose: Any) -> Any:
    """The controller a processor purpose is carried out for, as the data names it (a Text), or not_stated."""
    if purpose.role is not None:
        return purpose.role.on_behalf_of
    obligations = company.processor_obligations
    return obligations.controller if obligations is not None else NOT_STATED


def exercised_at(company: Any, right: Any) -> tuple[str, dict[str, str]]:
    """Where the data says a right is exercised, and the contact the record gives for it: the authority for a
    complaint when the policy mentions it, the right's own address, only its `how` when its contact is not_stated,
    the rights contact, else the controller a processor sends people to."""
    authority = company.authority
    if right.code == "complaint":
        if not authority.mentioned:
            return "not_stated", {}
        ways = {"url": authority.complaint_url, "address": authority.postal_address}
        return "authority", {key: value for key, value in ways.items() if value not in (None, NOT_STATED)}
    if isinstance(right.contact, ContactPoint):
        return "own", stated_ways(right.contact)
    general = company.rights.contact
    if right.contact != NOT_STATED and general.ways(phone=False):
        return "contact", stated_ways(general)
    if right.contact != NOT_STATED and company.rights.via_controller is not None:
        return "controller", {}
    return ("how" if right.how is not None else "not_stated"), {}


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
        if isinstance(transfer.safeguards, Alternatives):
            # "A or B": one basis described in words, never each instrument listed as if all were relied on
            (node,) = bases
            assert node["@type"] == [DPV + "DataTransferLegalBasis"] and "@id" not in node
            assert languages(node, DCT + "description") == {
                lang: format_list([safeguard_words(s, lang) for s in stated], style="or", locale=lang)
                for lang in ("fr", "en")
            }
            continue
        assert len(bases) == len(stated)
        for node, safeguard in zip(bases, stated, strict=True):
            if isinstance(safeguard, str) and safeguard in TRANSFER_ARTICLE:
                assert node["@id"] == GDPR + TRANSFER_ARTICLE[safeguard]
                continue
            assert node["@type"] == [DPV + "DataTransferLegalBasis"]
            described = (
                worded(safeguard.text)
                if isinstance(safeguard, OtherSafeguard)
                else {lang: load_wording(lang)(f"safeguard.{safeguard}") for lang in ("fr", "en")}
            )
            assert languages(node, DCT + "description") == described
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
    every_controller = all(acts_as(company, p) == "controller" for p in own(company))
    for process, purpose in zip(processes, company.purposes, strict=False):
        # who is responsible, per process: the company as processor for a controller's work (that controller named
        # when the data names it), as controller of its own work when it is not controller for every purpose
        # (it used to be the notice's one controller for every process); another controller's processing names
        # that controller only, never the company
        role = acts_as(company, purpose)
        if role in ("processor", "other_controller"):
            if role == "processor":
                assert ids(process, "hasDataProcessor") == ["#company"]
            else:
                assert DPV + "hasDataProcessor" not in process
            named = [] if acts_for(company, purpose) in (NOT_STATED, None) else [[DPV + "DataController"]]
            assert [node["@type"] for node in process.get(DPV + "hasDataController", [])] == named
            assert all("@id" not in node for node in process.get(DPV + "hasDataController", []))
        else:
            assert DPV + "hasDataProcessor" not in process
            assert ids(process, "hasDataController") == ([] if every_controller else ["#company"])
        if purpose.legal_bases == NOT_STATED:
            assert DPV + "hasLegalBasis" not in process  # silence stays silence
        else:
            assert ids(process, "hasLegalBasis") == [GDPR + LEGAL_BASIS[b.basis][8:] for b in purpose.legal_bases]
        # its data, retention and recipients linked by a reading of the policy: the record says so, in its note
        if purpose.linked_by_reading and purpose.note is not None:
            assert languages(process, DCT + "description") == worded(purpose.note)
        else:
            assert DCT + "description" not in process
        if purpose.retention == NOT_STATED:
            assert DPV + "hasStorageCondition" not in process
        else:
            assert ids(process, "hasStorageCondition") == [f"#retention-{r.id}" for r in purpose.retention]
            for node, rule in zip(process[DPV + "hasStorageCondition"], purpose.retention, strict=True):
                described = languages(node, DCT + "description")
                for lang, words in ((lang, load_wording(lang)) for lang in ("fr", "en")):
                    assert described[lang].startswith(words.typeset(rule.applies_to.get(lang) + words("punct.colon")))
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
    found = statements.of(company)
    for node, right in zip(rights, company.rights.offered, strict=True):
        assert languages(node, DCT + "title")["fr"] == load_wording("fr")(f"right.{right.code}.name")
        (where,) = node.get(DPV + "isExercisedAt", [{}])
        # the rights contact only where the right is exercised there: a complaint goes to the authority, a right
        # with `contact: not_stated` only by its `how`, a processor's rights at the controller (it used to be the
        # rights contact for every right)
        channel, ways = exercised_at(company, right)
        statement = found.right(right.code)
        assert statement is not None and statement.channel == channel
        assert contact(where) == ways
        controllers = [c["@type"] for c in where.get(DPV + "hasDataController", [])]
        assert controllers == ([[DPV + "DataController"]] if channel == "controller" else [])
        if right.how is not None:
            assert languages(where, DCT + "description") == worded(right.how)
    authority = company.authority
    if not authority.mentioned:
        assert DPV + "hasAuthority" not in notice  # the policy does not name it (it used to be always there)
    else:
        (node,) = notice[DPV + "hasAuthority"]
        assert languages(node, DCT + "title") == {
            lang: load_wording(lang)(f"authority.{authority.code}.name") for lang in ("fr", "en")
        }
        assert {key.removeprefix(SCHEMA): value["@value"] for key, (value,) in stated_at(node)} == {
            key: value
            for key, value in (("url", authority.complaint_url), ("address", authority.postal_address))
            if value not in (None, NOT_STATED)
        }
    # the company: the notice's controller only when it is controller for every purpose; otherwise an entity of
    # the notice, typed by the roles its purposes give it (it used to be the controller of every notice)
    key, other = ("hasDataController", "hasEntity") if every_controller else ("hasEntity", "hasDataController")
    assert DPV + other not in notice
    (entity,) = notice[DPV + key]
    assert entity["@id"].endswith("#company")
    types = {
        "controller": DPV + "DataController",
        "joint_controller": DPV + "DataController",  # one controller among joint ones, not the group itself
        "processor": DPV + "DataProcessor",
    }
    expected_types = list(dict.fromkeys(types[acts_as(company, p)] for p in own(company)))
    assert entity["@type"] == (expected_types or [DPV + "LegalEntity"])  # no processing of its own: no role
    legal_name = company.identity.legal_name
    assert entity.get(SCHEMA + "name") == (None if legal_name == NOT_STATED else [{"@value": legal_name}])
    assert contact(entity) == stated_ways(company.contact)
    # every French text typeset as on the pages: the data's texts, the wording's and the retention descriptions
    assert [text for text in french_values(notice) if UNTYPESET.search(text)] == []


def test_the_vocabulary_cites_the_articles_the_site_cites() -> None:
    """Each legal basis and right points to the eu-gdpr concept of the article the wording cites for it
    (`GDPR Art. 6(1)(a)` -> `eu-gdpr:A6-1-a`; Art. 22(3) rights -> A22)."""
    import re

    from privacy_center.source.wording import load_wording

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

    from privacy_center.records.dpv import record

    assert {code: iri.removeprefix("eu-gdpr:") for code, iri in SAFEGUARD.items()} == TRANSFER_ARTICLE
    assert set(get_args(Safeguard)) - set(SAFEGUARD) == {"derogation"}
    build = built(ROOT / "data" / "coppernic.yaml")
    entry = next(e for e in build.changelog if e.company is not None)
    own = OtherSafeguard(Text({"fr": "Garanties maison", "en": "Own safeguards"}))
    transfer = Transfer("t", ("US", "EEA", "worldwide"), None, None, ("derogation", own, "scc"), None)
    cases: tuple[tuple[bool | Literal["possible"], bool], ...] = ((True, True), ("possible", False))
    for outside, recorded in cases:
        company = replace(build.company, transfers=Transfers(outside, None, (transfer,)))
        notice = expanded_record(record(company, entry))
        transfers = [p for p in notice[DPV + "hasProcess"] if p["@id"].endswith("#transfer-t")]
        assert len(transfers) == (1 if recorded else 0)
        if recorded:
            assert_record(notice, company, entry)
            (process,) = transfers
            assert [p.get("@id") for p in process[DPV + "hasLocation"]] == [LOC + "US", LOC + "EEA", None]
    # instruments the policy gives as alternatives ("clauses or an adequacy decision") are one described basis
    either = replace(transfer, safeguards=Alternatives(("scc", "adequacy")))
    company = replace(build.company, transfers=Transfers(True, None, (either,)))
    notice = expanded_record(record(company, entry))
    assert_record(notice, company, entry)
    (process,) = [p for p in notice[DPV + "hasProcess"] if p["@id"].endswith("#transfer-t")]
    (basis,) = process[DPV + "hasLegalBasis"]
    scc, adequacy = (load_wording("en")(f"safeguard.{code}") for code in ("scc", "adequacy"))
    assert languages(basis, DCT + "description")["en"] == f"{scc} or {adequacy}"


# Issue 21: the record says what the policy says of who is responsible, the authority and each right's channel.


def seed_record(site: Path, slug: str) -> tuple[dict[str, Any], Any]:
    """The published record of a seed, expanded, and the seed's data."""
    return expanded(site / slug / "privacy.jsonld"), built(ROOT / "data" / f"{slug}.yaml").company


def process_of(notice: dict[str, Any], purpose_id: str) -> dict[str, Any]:
    (process,) = [p for p in notice[DPV + "hasProcess"] if p["@id"].endswith(f"#purpose-{purpose_id}")]
    return process


def test_a_processor_is_the_processor_of_the_work_it_does_for_the_customer(site: Path) -> None:
    """saas-provider is a processor for three purposes (on behalf of the Customer) and controller of the contract
    contacts: each process names its own controller, and the company is never the controller of the Customer's
    work (it was the notice's `dpv:hasDataController` for every process). The Customer's own use of the data
    (`other_controller`) names the Customer as its controller and the company in no role."""
    notice, company = seed_record(site, "saas-provider")
    processor = [p for p in company.purposes if acts_as(company, p) == "processor"]
    controller = [p for p in company.purposes if acts_as(company, p) == "controller"]
    other = [p for p in company.purposes if acts_as(company, p) == "other_controller"]
    assert len(processor) == 3 and [p.id for p in controller] == ["contract_contacts"]
    assert [p.id for p in other] == ["customer_purposes"]
    assert DPV + "hasDataController" not in notice
    (entity,) = notice[DPV + "hasEntity"]
    assert entity["@id"].endswith("#company")
    assert entity["@type"] == [DPV + "DataProcessor", DPV + "DataController"]
    for purpose in processor:
        process = process_of(notice, purpose.id)
        assert ids(process, "hasDataProcessor") == ["#company"]
        (named,) = process[DPV + "hasDataController"]
        assert "@id" not in named  # the Customer, not the company
        assert named["@type"] == [DPV + "DataController"]
    for purpose in controller:
        process = process_of(notice, purpose.id)
        assert ids(process, "hasDataController") == ["#company"]
        assert DPV + "hasDataProcessor" not in process
    for purpose in other:
        process = process_of(notice, purpose.id)
        assert DPV + "hasDataProcessor" not in process
        (named,) = process[DPV + "hasDataController"]
        assert "@id" not in named and named["@type"] == [DPV + "DataController"]
        assert languages(named, SCHEMA + "name") == worded(purpose.role.on_behalf_of)
        assert "#company" not in json.dumps(process)  # the company is neither its controller nor its processor


def test_the_customer_is_named_in_the_expanded_record(site: Path) -> None:
    """The controller a processor acts for, and the one its rights are exercised at, keep their name once the
    record is expanded by a JSON-LD processor: `le Client` / `the Customer`, as the data names it."""
    notice, company = seed_record(site, "saas-provider")
    for purpose in company.purposes:
        if acts_as(company, purpose) in ("processor", "other_controller"):
            (named,) = process_of(notice, purpose.id)[DPV + "hasDataController"]
            assert languages(named, SCHEMA + "name") == worded(acts_for(company, purpose))
    via = worded(company.rights.via_controller.controller)
    for right in notice[DPV + "hasRight"]:
        (where,) = right[DPV + "isExercisedAt"]
        (named,) = where[DPV + "hasDataController"]
        assert languages(named, SCHEMA + "name") == via


@pytest.mark.parametrize("slug", ["actifpilot", "publisher-cgu", "saas-provider"])
def test_no_authority_where_the_policy_does_not_mention_it(site: Path, slug: str) -> None:
    """These policies do not mention the supervisory authority: the record names none, and no right is exercised
    at it (the authority used to be in every record)."""
    notice, company = seed_record(site, slug)
    assert company.authority.mentioned is False
    assert DPV + "hasAuthority" not in notice
    complaint = [r for r in notice[DPV + "hasRight"] if r["@type"] == [concept(RIGHT["complaint"])]]
    assert all(DPV + "isExercisedAt" not in r for r in complaint)


def test_coppernic_rights_are_exercised_where_the_policy_says(site: Path) -> None:
    """coppernic names the authority for complaints (without its address): the complaint is not sent to the
    company's rights contact; withdrawing consent is described only by its means (`contact: not_stated`): no
    address of the company is given for it (both used to carry the rights contact)."""
    notice, company = seed_record(site, "coppernic")
    rights = {r["@id"].split("#right-")[1]: r for r in notice[DPV + "hasRight"]}
    company_ways = set(stated_ways(company.rights.contact).values())
    assert company_ways  # the rights contact the two rights below must not carry
    (where,) = rights["complaint"].get(DPV + "isExercisedAt", [{}])
    assert not set(contact(where).values()) & company_ways
    assert contact(where) == {}  # the policy gives no address for the authority
    (where,) = rights["withdraw_consent"][DPV + "isExercisedAt"]
    assert DPV + "hasContact" not in where
    how = next(r.how for r in company.rights.offered if r.code == "withdraw_consent")
    assert languages(where, DCT + "description") == worded(how)
    assert rights["access"][DPV + "isExercisedAt"][0][DPV + "hasContact"]  # the other rights keep the contact


@pytest.mark.parametrize("slug", SEEDS)
def test_a_reading_is_described_exactly_where_the_data_says(site: Path, slug: str) -> None:
    """A purpose whose links to data, retention and recipients are a reading of the policy (`linked_by_reading`)
    carries its note as the process's `dct:description`, typeset as on the pages; no other purpose's process has
    one."""
    notice, company = seed_record(site, slug)
    described = {
        p["@id"].split("#purpose-")[1]: languages(p, DCT + "description")
        for p in notice[DPV + "hasProcess"]
        if "#purpose-" in p["@id"] and DCT + "description" in p
    }
    read = [p for p in company.purposes if p.linked_by_reading]
    assert read  # every seed has some
    assert all(p.note is not None for p in read)  # a reading says what it reads
    assert described == {p.id: worded(p.note) for p in read}
