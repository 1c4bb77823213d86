"""Turn a validated company mapping into the typed model, resolving ids into the objects they name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from ..model import build
from ..model.model import (
    NOT_STATED,
    Absent,
    Alternatives,
    Company,
    Every,
    LegalBasis,
    NotStated,
    OtherSafeguard,
    Purpose,
    Raw,
    Recipient,
    Safeguard,
    Text,
    Transfer,
    Transfers,
    general_interest,
    listed,
    purpose_role,
    sources,
    special_categories,
    text,
    texts,
)
from ..source.diagnostics import Diagnostic
from ..source.loader import SILENCE, Document
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
        return Every(by_id.values())
    picked: tuple[_Named, ...] | Absent = listed(ids, by_id.__getitem__)
    return picked


def _stated(picked: tuple[_Named, ...] | Absent) -> tuple[_Named, ...] | NotStated:
    """A pick whose schema allows no `none` (data categories, subjects, retention): a list or not_stated."""
    assert picked != "none", "the schema allows no `none` here"
    return picked


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
    if data == SILENCE:
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


def _mandatory(data: Raw) -> tuple[bool, Text | None] | NotStated:
    return NOT_STATED if data == SILENCE else (data["required"], text(data.get("consequence")))


def company_from_data(data: Mapping[str, Raw], file: str = "", warnings: Iterable[Diagnostic] | None = None) -> Company:
    """Build the model of one schema- and rule-valid company mapping. Its gaps come from the completeness warnings
    the check already found for it (`warnings`), or are found here when it was not checked (frozen versions)."""
    categories = {c["id"]: build.data_category(c) for c in data["data_categories"]}
    subjects = {s["id"]: build.data_subject(s) for s in data["data_subjects"]}
    rules = {r["id"]: build.retention_rule(r) for r in data["retention_rules"]}
    recipients = {r["id"]: build.recipient(r) for r in data["recipients"]}
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
    security = data["security"]
    authority = data["supervisory_authority"]
    return Company(
        slug=data["slug"],
        name=Text.of(data["name"]),
        role=data["role"],
        source={key: text(value) for key, value in data.get("source", {}).items()},
        introduction=text(data.get("introduction")),
        identity=build.identity(data["company"]),
        contact=build.contact_point(data["contacts"]["general"]),
        dpo=build.dpo(data["contacts"]["dpo"], authority["code"]),
        authority=build.authority(authority),
        legal_bases_overview=tuple(_basis(b) for b in data.get("legal_bases_overview", [])),
        purposes=purposes,
        data_categories=tuple(categories.values()),
        special_categories=special_categories(data.get("special_categories")),
        data_subjects=tuple(subjects.values()),
        retention_rules=tuple(rules.values()),
        recipients=tuple(recipients.values()),
        recipients_statement=text(data.get("recipients_statement")),
        transfers=_transfers(data["transfers"], recipients, {p.id: p for p in purposes}),
        rights=build.rights(data["rights"]),
        cookies=build.cookies(data["cookies"]),
        security_statement=text(security.get("statement")),
        security_measures=listed(security["measures"], Text.of),
        breach_notification=text(security.get("breach_notification")),
        security_note=text(security.get("note")),
        mandatory_data=text(data.get("mandatory_data")),
        automated_decisions=build.automated_decisions(data["automated_decisions"]),
        minors=text(data.get("minors")),
        ai_processing=texts(data.get("ai_processing", [])),
        processor_obligations=build.processor_obligations(data.get("processor_obligations")),
        policy_changes=text(data.get("policy_changes")),
        sections=tuple(build.section(s) for s in data.get("sections", [])),
        versions=tuple(build.version(v) for v in data["versions"]),
        sale=build.sale(data.get("sale")),
        file=file,
        gaps=summarise(completeness(Document(file, data)) if warnings is None else warnings),
    )
