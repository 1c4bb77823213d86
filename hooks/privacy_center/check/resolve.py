"""Turn a validated company mapping into the typed model, resolving ids into the objects they name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from ..model.model import (
    NOT_STATED,
    Absent,
    Alternatives,
    Authority,
    AutomatedDecisions,
    Company,
    ContactPoint,
    Cookie,
    CookiePartners,
    Cookies,
    DataCategory,
    DataSubject,
    Dpo,
    DpoRegistration,
    Identity,
    LegalBasis,
    NotStated,
    OtherSafeguard,
    ProcessorObligations,
    Purpose,
    Raw,
    Recipient,
    RetentionPeriod,
    RetentionRule,
    Right,
    Rights,
    Safeguard,
    Sale,
    Section,
    Text,
    Transfer,
    Transfers,
    Version,
    ViaController,
    cookie_partner,
    duration,
    general_interest,
    listed,
    purpose_role,
    sources,
    special_categories,
    text,
    texts,
)
from ..source.diagnostics import Diagnostic
from ..source.loader import Document
from .completeness import completeness, summarise

_Named = TypeVar("_Named")


def _basis(data: Mapping[str, Raw], general: Mapping[str, str] | None = None) -> LegalBasis:
    """One legal basis; a legitimate-interest basis without its own interest cites the general one, if any."""
    if data["basis"] == "legitimate_interests" and "interest" not in data and general is not None:
        return LegalBasis(data["basis"], text(general), text(data.get("note")), general=True)
    return LegalBasis(data["basis"], text(data.get("interest")), text(data.get("note")))


def _pick(ids: Raw, by_id: Mapping[str, _Named]) -> tuple[_Named, ...] | Absent:
    """Resolve a list of ids (or `{including: [...]}`, an Including) to objects; `all` is every object; not_stated
    and none stay."""
    if ids == "all":
        return tuple(by_id.values())
    picked: tuple[_Named, ...] | Absent = listed(ids, by_id.__getitem__)
    return picked


def _stated(picked: tuple[_Named, ...] | Absent) -> tuple[_Named, ...] | NotStated:
    """A pick whose schema allows no `none` (data categories, subjects, retention): a list or not_stated."""
    assert picked != "none", "the schema allows no `none` here"
    return picked


def _dpo(data: Raw, authority: str) -> Dpo | NotStated:
    if data == NOT_STATED:
        return NOT_STATED
    contact = ContactPoint.from_data(data["contact"]) if "contact" in data else None
    given = data.get("registration")
    registration = (
        None
        if given is None
        else DpoRegistration(given["number"], given.get("authority", authority), given.get("date"))
    )
    return Dpo(data["appointed"], data.get("name"), contact, registration)


def _safeguards(data: Raw) -> tuple[Safeguard | OtherSafeguard, ...] | NotStated:
    """Codes stay codes; `{other: text}` becomes an OtherSafeguard; `{one_of: [...]}` an Alternatives; not_stated
    stays as it is."""
    if isinstance(data, dict) and "one_of" in data:
        return Alternatives(_safeguards(data["one_of"]))  # type: ignore[arg-type]
    if not isinstance(data, list):
        return NOT_STATED
    return tuple(OtherSafeguard(Text(dict(item["other"]))) if isinstance(item, dict) else item for item in data)


def _transfers(
    data: Raw, recipients: Mapping[str, Recipient], purposes: Mapping[str, Purpose]
) -> Transfers | NotStated:
    if data == NOT_STATED:
        return NOT_STATED

    def transfer(t: Mapping[str, Raw]) -> Transfer:
        return Transfer(
            t["id"],
            listed(t["destination"]),
            recipients.get(t.get("recipient", "")),
            text(t.get("description")),
            _safeguards(t["safeguards"]),
            text(t.get("copy_available")),
            tuple(purposes[i] for i in t.get("purposes", [])),
            text(t.get("note")),
        )

    return Transfers(data["outside_eu"], text(data.get("statement")), listed(data.get("items", []), transfer))


def _partners(data: Raw) -> CookiePartners | None:
    """Cookies given only by partner names; `{including: [...]}` marks the names as examples."""
    if data is None:
        return None
    purposes = tuple(data["purposes"]) if isinstance(data["purposes"], list) else data["purposes"]
    return CookiePartners(
        listed(data["names"], cookie_partner),
        purposes,
        duration(data["lifetime"]),
        data["consent_required"],
        text(data.get("note")),
    )


def _mandatory(data: Raw) -> tuple[bool, Text | None] | NotStated:
    return data if data == NOT_STATED else (data["required"], text(data.get("consequence")))


def _automated(data: Raw) -> AutomatedDecisions | NotStated:
    if data == NOT_STATED:
        return NOT_STATED
    return AutomatedDecisions(
        data["exists"],
        data.get("profiling"),
        text(data.get("description")),
        text(data.get("logic")),
        text(data.get("consequences")),
        text(data.get("note")),
    )


def _sale(data: Raw) -> Sale | NotStated:
    if data is None:
        return NOT_STATED
    return Sale(data["sold"], text(data.get("statement")), text(data.get("note")))


def _right_contact(data: Raw) -> ContactPoint | NotStated | None:
    if data is None or data == NOT_STATED:
        return data  # type: ignore[no-any-return]
    return ContactPoint.from_data(data)


def _via_controller(data: Raw) -> ViaController | None:
    if data is None:
        return None
    return ViaController(text(data["controller"]), data.get("forwarded"), text(data.get("note")))


def _processor(data: Raw) -> ProcessorObligations | None:
    if data is None:
        return None
    return ProcessorObligations(
        text(data["controller"]),
        listed(data.get("operations", []), text),
        texts(data.get("commitments", [])),
        text(data.get("sub_processing")),
        texts(data.get("liability_exclusions", [])),
        text(data.get("liability_statement")),
    )


def company_from_data(data: Mapping[str, Raw], file: str = "", warnings: Iterable[Diagnostic] | None = None) -> Company:
    """Build the model of one schema- and rule-valid company mapping. Its gaps come from the completeness warnings
    the check already found for it (`warnings`), or are found here when it was not checked (frozen versions)."""
    categories = {
        c["id"]: DataCategory(
            c["id"],
            c.get("code"),
            text(c.get("label")),
            listed(c.get("items", []), text),
            c["sensitive"],
            text(c.get("note")),
        )
        for c in data["data_categories"]
    }
    subjects = {
        s["id"]: DataSubject(s["id"], s.get("code"), text(s.get("label")), text(s.get("description")))
        for s in data["data_subjects"]
    }
    rules = {
        r["id"]: RetentionRule(
            r["id"],
            text(r["applies_to"]),
            RetentionPeriod.from_data(r["period"]),
            text(r.get("note")),
            r.get("general", False),
        )
        for r in data["retention_rules"]
    }
    recipients = {r["id"]: Recipient.from_data(r) for r in data["recipients"]}
    general = general_interest(data.get("legal_bases_overview"))
    purposes = tuple(
        Purpose(
            p["id"],
            text(p["name"]),
            text(p.get("group")),
            text(p.get("description")),
            tuple(_basis(b, general) for b in p["legal_bases"]) if isinstance(p["legal_bases"], list) else NOT_STATED,
            _stated(_pick(p["data_categories"], categories)),
            _stated(_pick(p["data_subjects"], subjects)),
            sources(p["source"]),
            _mandatory(p["mandatory"]),
            _stated(_pick(p["retention"], rules)),
            _pick(p["recipients"], recipients),
            text(p.get("note")),
            text(p["profiling"]["statement"]) if isinstance(p.get("profiling"), dict) else p.get("profiling"),
            purpose_role(p.get("role")),
            p.get("advertising"),
            p.get("linked_by_reading", False),
        )
        for p in data["purposes"]
    )
    rights = data["rights"]
    cookies = data["cookies"]
    security = data["security"]
    authority = data["supervisory_authority"]
    return Company(
        slug=data["slug"],
        name=Text.of(data["name"]),
        role=data["role"],
        source={key: text(value) for key, value in data.get("source", {}).items()},
        introduction=text(data.get("introduction")),
        identity=Identity.from_data(data["company"]),
        contact=ContactPoint.from_data(data["contacts"]["general"]),
        dpo=_dpo(data["contacts"]["dpo"], authority["code"]),
        authority=Authority(
            authority["code"], authority["mentioned"], authority.get("complaint_url"), authority.get("postal_address")
        ),
        legal_bases_overview=tuple(_basis(b) for b in data.get("legal_bases_overview", [])),
        purposes=purposes,
        data_categories=tuple(categories.values()),
        special_categories=special_categories(data.get("special_categories")),
        data_subjects=tuple(subjects.values()),
        retention_rules=tuple(rules.values()),
        recipients=tuple(recipients.values()),
        recipients_statement=text(data.get("recipients_statement")),
        transfers=_transfers(data["transfers"], recipients, {p.id: p for p in purposes}),
        rights=Rights(
            tuple(
                Right(
                    r["code"],
                    text(r.get("how")),
                    text(r.get("note")),
                    _right_contact(r.get("contact")),
                )
                for r in rights["offered"]
            ),
            tuple(rights.get("not_stated", [])),
            ContactPoint.from_data(rights["contact"]),
            duration(rights["response_delay"]),
            text(rights["identity_verification"]),
            text(rights.get("request_content")),
            text(rights.get("note")),
            _via_controller(rights.get("via_controller")),
        ),
        cookies=Cookies(
            cookies["used"],
            text(cookies.get("statement")),
            tuple(
                Cookie(
                    text(c["name"]),
                    c["provider"],
                    c["purpose"],
                    duration(c["lifetime"]),
                    c["consent_required"],
                    text(c.get("note")),
                )
                for c in cookies.get("items", [])
            ),
            text(cookies.get("management")),
            duration(cookies.get("consent_lifetime")),
            _partners(cookies.get("partners")),
        ),
        security_statement=text(security.get("statement")),
        security_measures=NOT_STATED if security["measures"] == NOT_STATED else texts(security["measures"]),
        breach_notification=text(security.get("breach_notification")),
        security_note=text(security.get("note")),
        mandatory_data=text(data.get("mandatory_data")),
        automated_decisions=_automated(data["automated_decisions"]),
        minors=text(data.get("minors")),
        ai_processing=texts(data.get("ai_processing", [])),
        processor_obligations=_processor(data.get("processor_obligations")),
        policy_changes=text(data.get("policy_changes")),
        sections=tuple(Section(s["id"], text(s["title"]), text(s["body"])) for s in data.get("sections", [])),
        versions=tuple(Version(v["version"], v["date"], text(v["summary"])) for v in data["versions"]),
        sale=_sale(data.get("sale")),
        file=file,
        gaps=summarise(completeness(Document(file, data)) if warnings is None else warnings),
    )
