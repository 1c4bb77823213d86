"""The model built from the declarations: `built` fills a model dataclass from the declared fields of the same name
(declaration.py), each value typed by its declared type (a text per language becomes a Text, a duration a
Duration, an amount Money, a list a tuple); only what the model words in its own way is given by hand, as
`special` values. The builders of each part of a company follow; check/resolve.py links them by id."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import MISSING, fields, replace
from typing import TYPE_CHECKING, TypeVar

from ..source.loader import SILENCE
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
    LABELLED_ADDRESS,
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
from .declare import Field, Node, Record, member
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
    Establishment,
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


def targets(node: Node | Record) -> Iterator[str]:
    """The definitions a type names: its `$ref`, and those of its `anyOf` branches."""
    if isinstance(node, Record):
        return
    found = node.keywords.get("$ref")
    if isinstance(found, str):
        name = found.rsplit("/", 1)[-1]
        yield name
        yield from targets(DEFINITIONS[name])
    for branch in node.keywords.get("anyOf", ()):
        yield from targets(branch)


def _resolved(node: Node | Record) -> Node | Record:
    """A type with its `$ref` followed to the definition it names."""
    target = node.keywords.get("$ref") if isinstance(node, Node) else None
    return _resolved(DEFINITIONS[target.rsplit("/", 1)[-1]]) if isinstance(target, str) else node


def _silent(node: Node | Record) -> bool:
    """Whether a declared type lets the policy be silent: `not_stated` is one of its values (through a `$ref`, an
    `anyOf` branch or an `enum`)."""
    if isinstance(node, Record):
        return False
    keywords = node.keywords
    if keywords.get("const") == SILENCE or SILENCE in keywords.get("enum", ()):
        return True
    found = keywords.get("$ref")
    if isinstance(found, str) and _silent(DEFINITIONS[found.rsplit("/", 1)[-1]]):
        return True
    return any(_silent(branch) for branch in keywords.get("anyOf", ()))


def _is_text(value: Mapping[str, Raw]) -> bool:
    return all(isinstance(key, str) and len(key) == 2 and isinstance(item, str) for key, item in value.items())


Typer = Callable[[Raw], Raw]


def _typer(node: Node | Record) -> Typer:
    """How a raw value of this declared type is typed: texts as Text, durations as Duration, money as Money, lists
    as tuples; `not_stated`, where the type allows it, as NOT_STATED; a string (a code, a name) as it is; absent is
    None (an absent list, ()). Worked out once per declared field (see _plan), not once per value."""
    shape = _resolved(node)
    if isinstance(shape, Node) and shape.keywords.get("type") == "array":
        item = _typer(shape.keywords["items"])
        return lambda value: tuple(item(v) for v in value or ())
    named = set(targets(node))
    texts, durations, amounts = bool(named & _TEXTS), bool(named & _DURATIONS), "money" in named
    silent = _silent(node)

    def typed(value: Raw) -> Raw:
        if not isinstance(value, dict):
            return NOT_STATED if silent and value == SILENCE else value
        if texts and _is_text(value):
            return text(value)
        if durations and "unit" in value:
            return duration(value)
        return money(value) if amounts else value

    return typed


def _nested(owner: Node | Record, name: str) -> Node | Record:
    found = member(owner, name, DEFINITIONS)
    assert found is not None, name
    return found.type


# Each model class built from a declaration (the type it is declared as), and the declared fields the model words
# another way (file -> model); tests/test_declaration.py holds each class to exactly these fields.
PARTS: Mapping[type[DataclassInstance], tuple[Node | Record, Mapping[str, tuple[str, ...]]]] = {
    Identity: (COMPANY, {"trade_register": ("register_city", "register_number")}),
    JointController: (JOINT_CONTROLLER, {"trade_register": ("register_city", "register_number")}),
    Establishment: (LABELLED_ADDRESS, {"trade_register": ("register_city", "register_number")}),
    ContactPoint: (CONTACT_POINT, {}),
    Dpo: (_nested(CONTACTS, "dpo"), {}),
    Authority: (SUPERVISORY_AUTHORITY, {}),
    RetentionRule: (RETENTION_RULE, {}),
    DataCategory: (DATA_CATEGORY, {}),
    DataSubject: (DATA_SUBJECT, {}),
    Recipient: (RECIPIENT, {}),
    Right: (RIGHT, {}),
    Rights: (RIGHTS, {}),
    ViaController: (_nested(RIGHTS, "via_controller"), {}),
    Cookie: (COOKIE, {}),
    CookiePartners: (COOKIE_PARTNERS, {}),
    Cookies: (COOKIES, {}),
    AutomatedDecisions: (AUTOMATED_DECISIONS, {}),
    Sale: (SALE, {}),
    ProcessorObligations: (PROCESSOR_OBLIGATIONS, {}),
    Section: (SECTION, {}),
    Version: (VERSION, {}),
}
_PLANS: dict[type, tuple[tuple[str, bool, Typer | None], ...]] = {}


def renamed_member(cls: type, name: str) -> Field | None:
    """The declaration of a model field the model words another way (PARTS): `register_city` is the `city` of the
    declared `trade_register`. None for a class or field that is not renamed."""
    part = PARTS.get(cls)
    if part is None:
        return None
    record, renamed = part
    for source, names in renamed.items():
        outer = member(record, source, DEFINITIONS)
        inner = member(outer, name.rsplit("_", 1)[-1], DEFINITIONS) if name in names and outer is not None else None
        if outer is not None and inner is not None:
            return replace(inner, label=inner.label or outer.label)  # named as the record it is part of
    return None


def _plan(cls: type[DataclassInstance]) -> tuple[tuple[str, bool, Typer | None], ...]:
    """For each field of a model class: its name, whether the model gives it no default, and how its declared
    type types a raw value (None: the model words it in its own way, no field of that name is declared)."""
    if cls not in _PLANS:
        record = PARTS[cls][0]
        found = []
        for item in fields(cls):
            declared = member(record, item.name, DEFINITIONS)
            required = item.default is MISSING and item.default_factory is MISSING
            found.append((item.name, required, None if declared is None else _typer(declared.type)))
        _PLANS[cls] = tuple(found)
    return _PLANS[cls]


def built(cls: type[_Built], data: Mapping[str, Raw], **special: Raw) -> _Built:
    """A model object whose fields are the declared fields of the same name (declaration.py), each typed by its
    declaration, except the ones given in `special` (a field the model words differently from the file). A field
    the data leaves out takes the model's default."""
    values: dict[str, Raw] = {}
    for name, required, typed in _plan(cls):
        if name in special:
            values[name] = special[name]
        elif typed is None:
            raise KeyError(f"{cls.__name__}.{name}: no declared field of that name, and not given by hand")
        elif name in data or required:
            values[name] = typed(data.get(name))
    return cls(**values)


def contact_point(data: Mapping[str, Raw]) -> ContactPoint:
    return built(ContactPoint, data)


def _register(data: Mapping[str, Raw]) -> dict[str, Raw]:
    """`trade_register: {city, number}` as the model words it: register_city and register_number."""
    register = data.get("trade_register", {})
    return {"register_city": text(register.get("city")), "register_number": text(register.get("number"))}


def joint_controller(data: Mapping[str, Raw]) -> JointController:
    return built(JointController, data, **_register(data))


def identity(data: Mapping[str, Raw]) -> Identity:
    """The declared fields of `company`, and the ones the model words in its own way."""
    return built(
        Identity,
        data,
        **_register(data),
        other_addresses=tuple(built(Establishment, a, **_register(a)) for a in data.get("other_addresses", [])),
        joint_controllers=tuple(joint_controller(j) for j in data.get("joint_controllers", [])),
        collective_name=Text.of(data["collective_name"]) if "collective_name" in data else None,
    )


def dpo(data: Raw, authority: str) -> Dpo | NotStated:
    """The DPO; a registration without its authority is with the company's own (`authority`)."""
    if data == SILENCE:
        return NOT_STATED
    given = data.get("registration")
    return built(
        Dpo,
        data,
        contact=contact_point(data["contact"]) if "contact" in data else None,
        registration=None
        if given is None
        else DpoRegistration(given["number"], given.get("authority", authority), given.get("date")),
    )


def authority(data: Mapping[str, Raw]) -> Authority:
    return built(Authority, data)


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
    return built(RetentionRule, data, period=retention_period(data["period"]))


def data_category(data: Mapping[str, Raw]) -> DataCategory:
    return built(DataCategory, data, items=listed(data.get("items", []), text))


def data_subject(data: Mapping[str, Raw]) -> DataSubject:
    return built(DataSubject, data)


def recipient(data: Mapping[str, Raw]) -> Recipient:
    registration = data.get("registration")
    return built(
        Recipient,
        data,
        registration=RecipientRegistration(registration["register"], registration["number"]) if registration else None,
        examples=tuple(Text.of(e) for e in data.get("examples", [])),
    )


def right(data: Mapping[str, Raw]) -> Right:
    given = data.get("contact")
    return built(
        Right, data, contact=None if given is None else NOT_STATED if given == SILENCE else contact_point(given)
    )


def via_controller(data: Raw) -> ViaController | None:
    if data is None:
        return None
    return built(ViaController, data)


def rights(data: Mapping[str, Raw]) -> Rights:
    return built(
        Rights,
        data,
        offered=tuple(right(r) for r in data["offered"]),
        contact=contact_point(data["contact"]),
        via_controller=via_controller(data.get("via_controller")),
    )


def cookie(data: Mapping[str, Raw]) -> Cookie:
    return built(Cookie, data)


def cookie_partners(data: Raw) -> CookiePartners | None:
    """Cookies given only by partner names; `{including: [...]}` marks the names as examples."""
    if data is None:
        return None
    purposes = tuple(data["purposes"]) if isinstance(data["purposes"], list) else NOT_STATED
    return built(CookiePartners, data, names=listed(data["names"], cookie_partner), purposes=purposes)


def cookies(data: Mapping[str, Raw]) -> Cookies:
    return built(
        Cookies,
        data,
        items=tuple(cookie(c) for c in data.get("items", [])),
        partners=cookie_partners(data.get("partners")),
    )


def automated_decisions(data: Raw) -> AutomatedDecisions | NotStated:
    if data == SILENCE:
        return NOT_STATED
    return built(AutomatedDecisions, data)


def sale(data: Raw) -> Sale | NotStated:
    return NOT_STATED if data is None else built(Sale, data)


def processor_obligations(data: Raw) -> ProcessorObligations | None:
    if data is None:
        return None
    return built(ProcessorObligations, data, operations=listed(data.get("operations", []), text))


def section(data: Mapping[str, Raw]) -> Section:
    return built(Section, data)


def version(data: Mapping[str, Raw]) -> Version:
    return built(Version, data)
