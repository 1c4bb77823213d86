"""Notice records in the W3C Data Privacy Vocabulary (DPV 2, JSON-LD): for each company and version, what the
notice says, in terms a consent tool or a register can read (`/<slug>/privacy.jsonld` for the version in force,
`/<slug>/versions/<version>/privacy.jsonld` for every version). Texts keep their languages (`@language` maps);
`not_stated` facts are left out, never filled. The context is inline: expanding a record fetches nothing."""

from __future__ import annotations

from typing import Any, TypeGuard

from ..history.changelog import Entry
from ..model import statements
from ..model.model import NOT_STATED, Company, ContactPoint, OtherSafeguard, Stated, Text
from ..render.feeds import Asset
from ..render.outputs import Output
from ..render.phrases import country, retention, safeguards
from ..source.countries import is_country
from ..source.safety import as_json
from ..source.wording import Wording, available_languages, load_wording
from .exports import CompanyFiles, per_version

CONTEXT: dict[str, Any] = {
    "dpv": "https://w3id.org/dpv#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "loc": "https://w3id.org/dpv/loc#",
    "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:valid": {"@type": "xsd:date"},
    "dct:title": {"@container": "@language"},
    "schema:name": {"@container": "@language"},
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
# The transfer instruments of GDPR Chapter V (model.Safeguard) as the eu-gdpr legal bases for data transfers. `scc`
# is worded on the pages as the European Commission's clauses: Art. 46(2)(c). A derogation (Art. 49) names none of
# 49(1)(a) to (g), so it stays in words, like a safeguard the policy names in its own words (Art. 46(1)).
SAFEGUARD = {
    "adequacy": "eu-gdpr:A45-3",
    "legally_binding_instrument": "eu-gdpr:A46-2-a",
    "bcr": "eu-gdpr:A46-2-b",
    "scc": "eu-gdpr:A46-2-c",
    "code_of_conduct": "eu-gdpr:A46-2-e",
    "certification": "eu-gdpr:A46-2-f",
    "ad_hoc_clauses": "eu-gdpr:A46-3-a",
    "administrative_arrangement": "eu-gdpr:A46-3-b",
}
# Destinations that are unions in the DPV location extension; a country is `loc:<ISO 3166-1 alpha-2>`; other
# regions of the wording files (north_america, worldwide) have no concept and stay in words.
UNION = {"EU": "loc:EU", "EEA": "loc:EEA"}


def _texts(text: Text | str) -> dict[str, str] | str:
    """A text per language as a JSON-LD language map, each typeset by its language's rule as on the pages; one
    string for every language (a name) as it is."""
    if isinstance(text, Text):
        if text.same is not None:
            return text.same
        wordings = _wordings()
        return {
            lang: wordings[lang].typeset(value) if lang in wordings else value for lang, value in text.values.items()
        }
    return text


def _wordings() -> dict[str, Wording]:
    return {language: load_wording(language) for language in available_languages()}


def _company(company: Company, found: statements.Statements) -> dict[str, Any]:
    """The company as an entity: a controller, a processor or both, by the roles its purposes give it."""
    identity = company.identity
    kinds = {"controller": "dpv:DataController", "joint_controller": "dpv:DataController"}  # one of joint controllers
    types = list(dict.fromkeys(kinds.get(role, "dpv:DataProcessor") for role in found.acts_as))
    types = types or ["dpv:LegalEntity"]  # no processing of its own: neither controller nor processor
    node: dict[str, Any] = {"@id": "#company", "@type": types if len(types) > 1 else types[0]}
    if identity.legal_name is not NOT_STATED:
        node["schema:name"] = identity.legal_name
    if contact := _contact(company.contact):
        node["dpv:hasContact"] = contact
    return node


def record(company: Company, version: Entry) -> dict[str, Any]:
    """The notice of one version as a DPV record (`company` is the notice as it was at that version)."""
    found = statements.of(company)
    entity = _company(company, found)
    notice: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "dpv:PrivacyNotice",
        "dct:title": _texts(company.name),
        "dct:hasVersion": version.version.version,
        "dct:identifier": f"content-hash:{version.hash}" if version.hash else None,
        "dct:valid": version.version.date if version.version.date is not NOT_STATED else None,
        # the notice's controller: the company when it is controller for every purpose; otherwise each process names
        # its controller, and the company is the processor of the processes it carries out for another
        "dpv:hasDataController": entity if found.roles == "controller" else None,
        "dpv:hasEntity": None if found.roles == "controller" else entity,
        "dpv:hasAuthority": _authority(company, found),
        "dpv:hasProcess": [_process(company, found.of(purpose)) for purpose in company.purposes]
        + [_transfer(transfer) for transfer in _transfers(company)],
        "dpv:hasRight": [_right(company, right) for right in found.rights],
    }
    if company.dpo is not NOT_STATED and company.dpo.appointed and (contact := _contact(company.dpo.contact)):
        notice["dpv:hasDataProtectionOfficer"] = {"@type": "dpv:DataProtectionOfficer", "dpv:hasContact": contact}
    return {key: value for key, value in notice.items() if value is not None}


def _stated(value: Stated[str] | None) -> TypeGuard[str]:
    return isinstance(value, str)


# A contact point's fields as schema.org terms.
SCHEMA_CONTACT = {"email": "schema:email", "postal_address": "schema:address", "phone": "schema:telephone"}


def _contact(point: ContactPoint | None) -> dict[str, str] | None:
    """A contact point's stated ways to write or call (schema.org terms), or None when it states none."""
    ways = point.ways() if point is not None else {}
    return {SCHEMA_CONTACT.get(key, "schema:url"): value for key, value in ways.items()} or None


def _authority(company: Company, found: statements.Statements) -> dict[str, Any] | None:
    """The supervisory authority, when the policy names it for complaints: its code, its name from the wording
    files, and the addresses the policy gives. None when the policy does not mention it."""
    if not found.complaint.yes:
        return None
    code = company.authority.code
    authority: dict[str, Any] = {
        "@type": "dpv:SupervisoryAuthority",
        "dct:identifier": code,
        "dct:title": {language: words(f"authority.{code}.name") for language, words in _wordings().items()},
    }
    if found.complaint_url:
        authority["schema:url"] = found.complaint_url
    if found.complaint_address:
        authority["schema:address"] = found.complaint_address
    return authority


def _right(company: Company, found: statements.RightStatement) -> dict[str, Any]:
    """A right offered: its eu-gdpr concept (a right of another law, such as post_mortem, as a data subject right
    with its name), and where and how to exercise it as the policy says (`dpv:isExercisedAt`): the means it
    describes, the address it gives for the right (the authority's, for a complaint), or the controller a
    processor sends people to."""
    right = found.right
    node: dict[str, Any] = {
        "@id": f"#right-{right.code}",
        "@type": RIGHT.get(right.code, "dpv:DataSubjectRight"),
        "dct:title": {language: words(f"right.{right.code}.name") for language, words in _wordings().items()},
    }
    where: dict[str, Any] = {"@type": "dpv:RightExerciseNotice"}
    if right.how is not None:
        where["dct:description"] = _texts(right.how)
    if found.channel in ("contact", "own") and (contact := _contact(found.contact)):
        where["dpv:hasContact"] = contact
    elif found.channel == "authority":
        answers = statements.of(company)
        ways = {"schema:url": answers.complaint_url, "schema:address": answers.complaint_address}
        if stated := {key: value for key, value in ways.items() if value}:
            where["dpv:hasContact"] = stated
    elif found.channel == "controller" and (controller := statements.of(company).rights_controller) is not None:
        where["dpv:hasDataController"] = {"@type": "dpv:DataController", "schema:name": _texts(controller)}
    if len(where) > 1:
        node["dpv:isExercisedAt"] = where
    return node


def _transfers(company: Company) -> tuple[statements.TransferStatement, ...]:
    """The transfers the policy says take place; none when it calls them possible only ("where data is transferred
    outside the EU..."): a DPV transfer process states that it takes place."""
    return tuple(t for t in statements.of(company).transfers if t.answer == "yes")


def _transfer(found: statements.TransferStatement) -> dict[str, Any]:
    """A transfer outside the EU as a transfer process: where to, to whom, on which instruments, for which purposes
    (`dct:isPartOf` the purposes' processes, when the policy names them)."""
    transfer = found.transfer
    node: dict[str, Any] = {
        "@type": "dpv:Process",
        "@id": f"#transfer-{transfer.id}",
        "dpv:hasProcessing": {"@id": "dpv:Transfer"},
    }
    if transfer.description is not None:
        node["dct:description"] = _texts(transfer.description)
    if transfer.destination is not NOT_STATED:
        node["dpv:hasLocation"] = [_place(code) for code in transfer.destination]
    if transfer.recipient is not None:
        node["dpv:hasRecipient"] = {"@id": f"#recipient-{transfer.recipient.id}"}
    if found.instruments is not NOT_STATED and found.alternatives:  # "A or B": one of them, never both as listed bases
        node["dpv:hasLegalBasis"] = {
            "@type": "dpv:DataTransferLegalBasis",
            "dct:description": {lang: safeguards(found.instruments, w) for lang, w in _wordings().items()},
        }
    elif found.instruments is not NOT_STATED:
        node["dpv:hasLegalBasis"] = [_safeguard(s) for s in found.instruments]
    if transfer.purposes:
        node["dct:isPartOf"] = [{"@id": f"#purpose-{purpose.id}"} for purpose in transfer.purposes]
    return node


def _safeguard(safeguard: str | OtherSafeguard) -> dict[str, Any]:
    """A transfer instrument: its eu-gdpr concept, else (a derogation, or a safeguard in the policy's own words) a
    legal basis for data transfers described in words (wording `safeguard.derogation`, or the policy's text)."""
    if isinstance(safeguard, str) and safeguard in SAFEGUARD:
        return {"@id": SAFEGUARD[safeguard]}
    if isinstance(safeguard, OtherSafeguard):
        description = _texts(safeguard.text)
    else:
        description = {language: words(f"safeguard.{safeguard}") for language, words in _wordings().items()}
    return {"@type": "dpv:DataTransferLegalBasis", "dct:description": description}


def _place(code: str) -> dict[str, Any]:
    """A destination: a country or a union of the DPV location extension, else a region in words."""
    if code in UNION:
        return {"@id": UNION[code]}
    if is_country(code):
        return {"@id": f"loc:{code}"}
    return {"@type": "dpv:Location", "dct:description": {lang: country(code, w) for lang, w in _wordings().items()}}


def _process(company: Company, found: statements.PurposeStatements) -> dict[str, Any]:
    purpose = found.purpose
    process: dict[str, Any] = {
        "@type": "dpv:Process",
        "@id": f"#purpose-{purpose.id}",
        "dpv:hasPurpose": {"@type": "dpv:Purpose", "dct:description": _texts(purpose.name)},
    }
    role = found.role
    named = role.on_behalf_of
    if role.acts_as in ("processor", "other_controller") and isinstance(named, Text):
        process["dpv:hasDataController"] = {"@type": "dpv:DataController", "schema:name": _texts(named)}
    if role.acts_as == "processor":
        process["dpv:hasDataProcessor"] = {"@id": "#company"}
    elif role.own and statements.of(company).roles != "controller":
        process["dpv:hasDataController"] = {"@id": "#company"}
    if found.reading and purpose.note is not None:  # its data, retention and recipients are a reading of the policy
        process["dct:description"] = _texts(purpose.note)
    if purpose.legal_bases is not NOT_STATED:
        process["dpv:hasLegalBasis"] = [{"@id": LEGAL_BASIS[b.basis]} for b in purpose.legal_bases]
    if purpose.data_categories is not NOT_STATED:
        process["dpv:hasPersonalData"] = [
            {"@type": "dpv:PersonalData", "@id": f"#data-{c.id}", "dct:identifier": c.code or c.id}
            for c in purpose.data_categories
        ]
    if purpose.data_subjects is not NOT_STATED:
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
    if purpose.retention is not NOT_STATED:
        process["dpv:hasStorageCondition"] = [
            {
                "@type": "dpv:StorageDuration",
                "@id": f"#retention-{r.id}",
                "dct:description": {
                    language: words.typeset(
                        f"{r.applies_to.get(language)}{words('punct.colon')}{retention(r.period, words)}"
                    )
                    for language, words in _wordings().items()
                },
            }
            for r in purpose.retention
        ]
    return process


def record_files(output: Output, source: CompanyFiles) -> list[Asset]:
    """The JSON-LD files of one company: every version's notice record, and the one in force at its address."""
    texts = {
        e.version.version: as_json(record(e.company, e)) for e in reversed(source.changelog) if e.company is not None
    }
    return per_version(source.company, output.pattern, texts)
