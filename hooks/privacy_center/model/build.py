"""The model built from the declarations: `built` fills a model dataclass from the declared fields of the same name
(declaration.py), each value typed by its declared type (a text per language becomes a Text, a duration a
Duration, an amount Money, a list a tuple); only what the model words in its own way is given by hand, as
`special` values. The builders of each part of a company follow; check/resolve.py links them by id."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import MISSING, fields
from typing import TYPE_CHECKING, TypeVar

from .declaration import (
    AUTOMATED_DECISIONS,
    COMPANY,
    CONTACT_POINT,
    CONTACTS,
    COOKIE,
    COOKIE_PARTNERS,
    COOKIES,
    DATA_CATEGORY,
    DATA_SUBJECT,
    DEFINITIONS,
    JOINT_CONTROLLER,
    PROCESSOR_OBLIGATIONS,
    RECIPIENT,
    RETENTION_RULE,
    RIGHT,
    RIGHTS,
    SALE,
    SECTION,
    SUPERVISORY_AUTHORITY,
    VERSION,
)
from .declare import Node, Record, member, records
from .model import (
    NOT_STATED,
    Authority,
    AutomatedDecisions,
    ContactPoint,
    Cookie,
    CookiePartners,
    Cookies,
    DataCategory,
    DataSubject,
    Dpo,
    DpoRegistration,
    Identity,
    JointController,
    NotStated,
    ProcessorObligations,
    Raw,
    Recipient,
    RecipientRegistration,
    RetentionPeriod,
    RetentionRule,
    Right,
    Rights,
    Sale,
    Section,
    Text,
    Version,
    ViaController,
    cookie_partner,
    duration,
    listed,
    money,
    text,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_Built = TypeVar("_Built", bound="DataclassInstance")

_TEXTS = frozenset(("text", "markdown_text", "text_or_not_stated", "statement_or_not_stated"))
_DURATIONS = frozenset(("duration", "duration_or_not_stated"))


def _targets(node: Node | Record) -> Iterator[str]:
    """The definitions a type names: its `$ref`, and those of its `anyOf` branches."""
    if isinstance(node, Record):
        return
    found = node.keywords.get("$ref")
    if isinstance(found, str):
        name = found.rsplit("/", 1)[-1]
        yield name
        yield from _targets(DEFINITIONS[name])
    for branch in node.keywords.get("anyOf", ()):
        yield from _targets(branch)


def _resolved(node: Node | Record) -> Node | Record:
    """A type with its `$ref` followed to the definition it names."""
    target = node.keywords.get("$ref") if isinstance(node, Node) else None
    return _resolved(DEFINITIONS[target.rsplit("/", 1)[-1]]) if isinstance(target, str) else node


def _is_text(value: Mapping[str, Raw]) -> bool:
    return all(isinstance(key, str) and len(key) == 2 and isinstance(item, str) for key, item in value.items())


def _typed(value: Raw, node: Node | Record) -> Raw:
    """A raw value typed by its declaration: texts as Text, durations as Duration, money as Money, lists as
    tuples; a string (a code, a name, not_stated) as it is; absent is None (an absent list, ())."""
    shape = _resolved(node)
    if isinstance(shape, Node) and shape.keywords.get("type") == "array":
        return tuple(_typed(item, shape.keywords["items"]) for item in value or ())
    if not isinstance(value, dict):
        return value
    targets = set(_targets(node))
    if targets & _TEXTS and _is_text(value):
        return text(value)
    if targets & _DURATIONS and "unit" in value:
        return duration(value)
    if "money" in targets:
        return money(value)
    return value


def _declared(owner: Node | Record, name: str) -> Node | Record:
    """The type of the field `name` in the record, or in the records among the type's branches (the first that
    declares it); KeyError when none does."""
    for record in records(owner, DEFINITIONS):
        for item in record.fields:
            if item.name == name:
                return item.type
    raise KeyError(name)


def built(cls: type[_Built], data: Mapping[str, Raw], record: Node | Record, **special: Raw) -> _Built:
    """A model object whose fields are the declared fields of the same name (declaration.py), each typed by its
    declaration, except the ones given in `special` (a field the model words differently from the file). A field
    the data leaves out takes the model's default."""
    values = {
        item.name: special[item.name]
        if item.name in special
        else _typed(data.get(item.name), _declared(record, item.name))
        for item in fields(cls)
        if item.name in special or item.name in data or item.default is MISSING
    }
    return cls(**values)


def contact_point(data: Mapping[str, Raw]) -> ContactPoint:
    return built(ContactPoint, data, CONTACT_POINT)


def _register(data: Mapping[str, Raw]) -> dict[str, Raw]:
    """`trade_register: {city, number}` as the model words it: register_city and register_number."""
    register = data.get("trade_register", {})
    return {"register_city": register.get("city"), "register_number": register.get("number")}


def joint_controller(data: Mapping[str, Raw]) -> JointController:
    return built(JointController, data, JOINT_CONTROLLER, **_register(data))


def identity(data: Mapping[str, Raw]) -> Identity:
    """The declared fields of `company`, and the ones the model words in its own way."""
    return built(
        Identity,
        data,
        COMPANY,
        **_register(data),
        other_addresses=tuple((text(a["label"]), a["address"]) for a in data.get("other_addresses", [])),
        joint_controllers=tuple(joint_controller(j) for j in data.get("joint_controllers", [])),
        collective_name=Text.of(data["collective_name"]) if "collective_name" in data else None,
    )


def dpo(data: Raw, authority: str) -> Dpo | NotStated:
    """The DPO; a registration without its authority is with the company's own (`authority`)."""
    if data == NOT_STATED:
        return NOT_STATED
    declared = member(CONTACTS, "dpo", DEFINITIONS)
    assert declared is not None
    given = data.get("registration")
    return built(
        Dpo,
        data,
        declared.type,
        contact=contact_point(data["contact"]) if "contact" in data else None,
        registration=None
        if given is None
        else DpoRegistration(given["number"], given.get("authority", authority), given.get("date")),
    )


def authority(data: Mapping[str, Raw]) -> Authority:
    return built(Authority, data, SUPERVISORY_AUTHORITY)


def retention_period(data: Mapping[str, Raw]) -> RetentionPeriod:
    """A period (its fields are declared per kind, in the schema's conditional branches)."""
    plus = data.get("plus")
    return RetentionPeriod(
        data["kind"],
        duration(data["duration"]) if "duration" in data else None,
        text(data.get("event")),
        duration(plus) if isinstance(plus, dict) else plus,
        text(data.get("text")),
        tuple(retention_period(p) for p in data.get("periods", [])),
        text(data.get("note")),
        data.get("archive", False),
        text(data.get("reference")),
    )


def retention_rule(data: Mapping[str, Raw]) -> RetentionRule:
    return built(RetentionRule, data, RETENTION_RULE, period=retention_period(data["period"]))


def data_category(data: Mapping[str, Raw]) -> DataCategory:
    return built(DataCategory, data, DATA_CATEGORY, items=listed(data.get("items", []), text))


def data_subject(data: Mapping[str, Raw]) -> DataSubject:
    return built(DataSubject, data, DATA_SUBJECT)


def recipient(data: Mapping[str, Raw]) -> Recipient:
    registration = data.get("registration")
    return built(
        Recipient,
        data,
        RECIPIENT,
        registration=RecipientRegistration(registration["register"], registration["number"]) if registration else None,
        examples=tuple(Text.of(e) for e in data.get("examples", [])),
    )


def right(data: Mapping[str, Raw]) -> Right:
    given = data.get("contact")
    return built(Right, data, RIGHT, contact=given if given is None or given == NOT_STATED else contact_point(given))


def via_controller(data: Raw) -> ViaController | None:
    if data is None:
        return None
    declared = member(RIGHTS, "via_controller", DEFINITIONS)
    assert declared is not None
    return built(ViaController, data, declared.type)


def rights(data: Mapping[str, Raw]) -> Rights:
    return built(
        Rights,
        data,
        RIGHTS,
        offered=tuple(right(r) for r in data["offered"]),
        contact=contact_point(data["contact"]),
        via_controller=via_controller(data.get("via_controller")),
    )


def cookie(data: Mapping[str, Raw]) -> Cookie:
    return built(Cookie, data, COOKIE)


def cookie_partners(data: Raw) -> CookiePartners | None:
    """Cookies given only by partner names; `{including: [...]}` marks the names as examples."""
    if data is None:
        return None
    purposes = tuple(data["purposes"]) if isinstance(data["purposes"], list) else data["purposes"]
    return built(CookiePartners, data, COOKIE_PARTNERS, names=listed(data["names"], cookie_partner), purposes=purposes)


def cookies(data: Mapping[str, Raw]) -> Cookies:
    return built(
        Cookies,
        data,
        COOKIES,
        items=tuple(cookie(c) for c in data.get("items", [])),
        partners=cookie_partners(data.get("partners")),
    )


def automated_decisions(data: Raw) -> AutomatedDecisions | NotStated:
    if data == NOT_STATED:
        return NOT_STATED
    return built(AutomatedDecisions, data, AUTOMATED_DECISIONS)


def sale(data: Raw) -> Sale | NotStated:
    return NOT_STATED if data is None else built(Sale, data, SALE)


def processor_obligations(data: Raw) -> ProcessorObligations | None:
    if data is None:
        return None
    return built(ProcessorObligations, data, PROCESSOR_OBLIGATIONS, operations=listed(data.get("operations", []), text))


def section(data: Mapping[str, Raw]) -> Section:
    return built(Section, data, SECTION)


def version(data: Mapping[str, Raw]) -> Version:
    return built(Version, data, VERSION)


# Each model class built from a declaration, and the declared fields the model words another way (file -> model).
PARTS: tuple[tuple[type[DataclassInstance], Node | Record, Mapping[str, tuple[str, ...]]], ...] = (
    (Identity, COMPANY, {"trade_register": ("register_city", "register_number")}),
    (JointController, JOINT_CONTROLLER, {"trade_register": ("register_city", "register_number")}),
    (ContactPoint, CONTACT_POINT, {}),
    (Authority, SUPERVISORY_AUTHORITY, {}),
    (RetentionRule, RETENTION_RULE, {}),
    (DataCategory, DATA_CATEGORY, {}),
    (DataSubject, DATA_SUBJECT, {}),
    (Recipient, RECIPIENT, {}),
    (Right, RIGHT, {}),
    (Rights, RIGHTS, {}),
    (Cookie, COOKIE, {}),
    (CookiePartners, COOKIE_PARTNERS, {}),
    (Cookies, COOKIES, {}),
    (AutomatedDecisions, AUTOMATED_DECISIONS, {}),
    (Sale, SALE, {}),
    (ProcessorObligations, PROCESSOR_OBLIGATIONS, {}),
    (Section, SECTION, {}),
    (Version, VERSION, {}),
)
