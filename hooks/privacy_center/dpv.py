"""Notice records in the W3C Data Privacy Vocabulary (DPV 2, JSON-LD): for each company and version, what the
notice says, in terms a consent tool or a register can read (`/<slug>/privacy.jsonld` for the version in force,
`/<slug>/versions/<version>/privacy.jsonld` for every version). Texts keep their languages (`@language` maps);
`not_stated` facts are left out, never filled. The context is inline: expanding a record fetches nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .changelog import Entry
from .exports import as_json, per_version
from .feeds import Asset
from .model import NOT_STATED, Company, Purpose, Text
from .phrases import retention
from .wording import Wording, available_languages, load_wording

CONTEXT: dict[str, Any] = {
    "dpv": "https://w3id.org/dpv#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "loc": "https://w3id.org/dpv/loc#",
    "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:valid": {"@type": "xsd:date"},
    "dct:title": {"@container": "@language"},
    "dct:description": {"@container": "@language"},
}
# GDPR Art. 6(1) bases and the rights of Chapter III as the DPV's eu-gdpr extension names them.
LEGAL_BASIS = {
    "consent": "eu-gdpr:A6-1-a",
    "contract": "eu-gdpr:A6-1-b",
    "legal_obligation": "eu-gdpr:A6-1-c",
    "vital_interests": "eu-gdpr:A6-1-d",
    "public_task": "eu-gdpr:A6-1-e",
    "legitimate_interests": "eu-gdpr:A6-1-f",
}
RIGHT = {
    "access": "eu-gdpr:A15",
    "rectification": "eu-gdpr:A16",
    "erasure": "eu-gdpr:A17",
    "restriction": "eu-gdpr:A18",
    "portability": "eu-gdpr:A20",
    "objection": "eu-gdpr:A21",
    "withdraw_consent": "eu-gdpr:A7-3",
    "complaint": "eu-gdpr:A77",
    "human_intervention": "eu-gdpr:A22",
    "express_point_of_view": "eu-gdpr:A22",
    "contest_decision": "eu-gdpr:A22",
}


def _texts(text: Text | str) -> dict[str, str] | str:
    """A text per language as a JSON-LD language map; one string for every language (a name) as it is."""
    if isinstance(text, Text):
        return text.same if text.same is not None else dict(text.values)
    return text


def _wordings() -> dict[str, Wording]:
    return {language: load_wording(language) for language in available_languages()}


def record(company: Company, version: Entry) -> dict[str, Any]:
    """The notice of one version as a DPV record (`company` is the notice as it was at that version)."""
    identity = company.identity
    controller: dict[str, Any] = {"@type": "dpv:DataController", "schema:name": identity.legal_name}
    if identity.legal_name == NOT_STATED:
        controller.pop("schema:name")
    if company.contact.email and company.contact.email != NOT_STATED:
        controller["dpv:hasContact"] = {"schema:email": company.contact.email}
    notice: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "dpv:PrivacyNotice",
        "dct:title": _texts(company.name),
        "dct:hasVersion": version.version.version,
        "dct:identifier": f"content-hash:{version.hash}" if version.hash else None,
        "dct:valid": version.version.date if version.version.date != NOT_STATED else None,
        "dpv:hasDataController": controller,
        "dpv:hasAuthority": {"@type": "dpv:SupervisoryAuthority", "dct:identifier": company.authority.code},
        "dpv:hasProcess": [_process(company, purpose) for purpose in company.purposes],
        "dpv:hasRight": [{"@id": RIGHT[right.code]} for right in company.rights.offered if right.code in RIGHT],
    }
    if company.dpo != NOT_STATED and company.dpo.appointed and company.dpo.contact and company.dpo.contact.email:
        notice["dpv:hasDataProtectionOfficer"] = {
            "@type": "dpv:DataProtectionOfficer",
            "dpv:hasContact": {"schema:email": company.dpo.contact.email},
        }
    return {key: value for key, value in notice.items() if value is not None}


def _process(company: Company, purpose: Purpose) -> dict[str, Any]:
    process: dict[str, Any] = {
        "@type": "dpv:Process",
        "@id": f"#purpose-{purpose.id}",
        "dpv:hasPurpose": {"@type": "dpv:Purpose", "dct:description": _texts(purpose.name)},
    }
    if purpose.legal_bases != NOT_STATED:
        process["dpv:hasLegalBasis"] = [{"@id": LEGAL_BASIS[b.basis]} for b in purpose.legal_bases]
    if purpose.data_categories != NOT_STATED:
        process["dpv:hasPersonalData"] = [
            {"@type": "dpv:PersonalData", "@id": f"#data-{c.id}", "dct:identifier": c.code or c.id}
            for c in purpose.data_categories
        ]
    if purpose.data_subjects != NOT_STATED:
        process["dpv:hasDataSubject"] = [
            {"@type": "dpv:DataSubject", "@id": f"#subject-{s.id}"} for s in purpose.data_subjects
        ]
    listed = company.recipients_of(purpose)
    if listed:
        process["dpv:hasRecipient"] = [
            {
                "@type": "dpv:DataProcessor" if r.kind in ("processor", "sub_processor") else "dpv:Recipient",
                "@id": f"#recipient-{r.id}",
            }
            for r in listed
        ]
    if purpose.retention != NOT_STATED:
        process["dpv:hasStorageCondition"] = [
            {
                "@type": "dpv:StorageDuration",
                "@id": f"#retention-{r.id}",
                "dct:description": {
                    language: f"{r.applies_to.get(language)}{words('punct.colon')}{retention(r.period, words)}"
                    for language, words in _wordings().items()
                },
            }
            for r in purpose.retention
        ]
    return process


def records(company: Company, changelog: Sequence[Entry]) -> list[Asset]:
    """The JSON-LD files of one company: every version's notice record, and the one in force at its address."""
    texts = {e.version.version: as_json(record(e.company, e)) for e in reversed(changelog) if e.company is not None}
    return per_version(company, "privacy.jsonld", texts)
