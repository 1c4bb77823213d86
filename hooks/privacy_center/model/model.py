"""Typed, frozen view of a validated company file: what templates and other engines consume."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date as Day
from decimal import Decimal
from enum import Enum
from typing import Any, Final, Generic, Literal, TypeVar, Union

from ..source.loader import SILENCE


class NotStated(Enum):
    """The policy is silent where a value could stand: never worded as a negative ("none", "aucun").

    A type of its own, so mypy sees every place that must handle silence (`Stated[Text]` is a text or
    NOT_STATED) and no code compares a value with the data's sentinel string. The company file writes it
    `not_stated` (source/loader.SILENCE, what the checks read); the builders turn that string into this
    one member; the records print its `value`."""

    NOT_STATED = "not_stated"

    def __repr__(self) -> str:
        return "NOT_STATED"


NOT_STATED: Final = NotStated.NOT_STATED

_Value = TypeVar("_Value")
Stated = Union[_Value, NotStated]  # noqa: UP007 (a generic alias: Stated[Text] is Text | NotStated)
"""A value the policy may leave unsaid: `Stated[Text]` is a Text or NOT_STATED."""

NoneStated = Literal["none"]
"""The policy says explicitly that there is none: the only source, with `false`, of a negative statement."""
Absent = NotStated | NoneStated
"""What the policy says where a value could stand: NOT_STATED (silent) or `none` (it says there is none).

Defined once: templates print a negative statement only for `none` (or an explicit `false`), never for silence."""
NONE: Final[NoneStated] = "none"

Raw = Any
"""A value of the company file as YAML loaded it (the JSON value union: mapping, list, string, number, boolean,
null), before the model types it. Only the loader, the checks and the builders in this module and resolve.py
read it; its shape is the schema's contract, checked before any builder runs. Nothing after resolve.py sees it."""


@dataclass(frozen=True)
class Text:
    """A text in every site language; the validator guarantees each language is present."""

    values: Mapping[str, str]
    same: str | None = None  # one string for every language (a proper name), when values is empty

    def get(self, language: str) -> str:
        """The text in one language."""
        return self.same if self.same is not None else self.values[language]

    @classmethod
    def of(cls, value: str | Mapping[str, str]) -> Text:
        """A per-language mapping, or one string that reads the same in every language."""
        return cls({}, value) if isinstance(value, str) else cls(dict(value))


def text(value: Raw) -> Raw:
    """Wrap per-language mappings as Text; `not_stated` becomes NOT_STATED; other strings and None (absent) pass.

    A builder of raw data: the model field that receives the result states its type (`Text | None`,
    `Text | NotStated`, `str | Text`), which the schema guarantees."""
    if isinstance(value, dict):
        return Text(dict(value))
    return NOT_STATED if value == SILENCE else value


def texts(values: Raw) -> tuple[Text, ...]:
    """A list of texts (`not_stated`, where the schema allows it, is kept by the caller)."""
    return tuple(Text(dict(v)) for v in values)


Bound = Literal["maximum", "minimum"]
"""How a duration bounds the period: `maximum` ("up to 25 months": the data may be erased earlier) or `minimum`
("at least 5 years"); no bound is an exact length. GDPR Art. 13(2)(a) asks for the period or its criteria."""


DurationUnit = Literal["days", "weeks", "months", "years"]
"""The unit of a duration (a storage period, Art. 13(2)(a); a response delay, Art. 12(3); a cookie's lifetime)."""


@dataclass(frozen=True)
class Duration:
    """A count of days, weeks, months or years, optionally an upper or lower bound, or a range (`value` to `to`:
    "5 to 10 years"); a range has no bound (rules.py)."""

    value: int
    unit: DurationUnit
    bound: Bound | None = None
    to: int | None = None  # the upper count of a range, greater than value


def duration(value: Raw) -> Raw:
    """Wrap a {value, unit[, bound | to]} mapping; texts and not_stated pass through as they are (typed by the
    field that receives it: `Duration | Text | NotStated` where the schema allows a text)."""
    if isinstance(value, dict) and "unit" in value:
        return Duration(value["value"], value["unit"], value.get("bound"), value.get("to"))
    return text(value)


_Item = TypeVar("_Item", covariant=True)


class _Marked(tuple[_Item, ...], Generic[_Item]):
    """A tuple that says how the policy gives its items: never equal to a plain tuple (or another mark) of the same
    items, so a list whose mark changes is a change."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((type(self).__name__, tuple(self)))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({tuple.__repr__(self)})"


class Including(_Marked[_Item]):
    """A list the policy gives as examples ("such as", "including", "notamment"): `{including: [...]}` in the data.

    A tuple, so templates and code iterate it as any list, but never equal to the exhaustive tuple of the same
    items: a list that becomes non-exhaustive (or exhaustive) is a change."""

    __slots__ = ()


class Alternatives(_Marked[_Item]):
    """Items the policy gives as alternatives ("standard contractual clauses or adequacy decisions"):
    `{one_of: [...]}` in the data. Joined with "or" on every surface; never equal to the cumulative tuple."""

    __slots__ = ()


class Every(_Marked[_Item]):
    """Every entry of a top-level list, as the policy declares it once for the whole company (`recipients: all`,
    `data_categories: all`): iterated as the entries themselves, never equal to a purpose's own list of the same
    entries, so the diff says a new recipient once, not once per purpose."""

    __slots__ = ()


def listed(value: Raw, item: Callable[[Raw], object] = lambda v: v) -> Raw:
    """A plain list as a tuple, `{including: [...]}` as an Including, each item built by `item`; other values
    (none, all) pass through, not_stated as NOT_STATED."""
    if isinstance(value, list):
        return tuple(item(v) for v in value)
    if isinstance(value, dict) and "including" in value:
        return Including(item(v) for v in value["including"])
    return NOT_STATED if value == SILENCE else value


@dataclass(frozen=True)
class Money:
    """An amount of money in an ISO 4217 currency (`EUR`), as the company file gives it: the share capital that
    identifies a company (French Code de commerce, art. R123-237, on every document naming the company)."""

    amount: Decimal
    currency: str  # ISO 4217, checked against Babel's currency list (rules.py)


def money(value: Raw) -> Money | NotStated | None:
    """Wrap an {amount, currency} mapping; not_stated and absence (None) pass through."""
    if isinstance(value, dict) and "currency" in value:
        return Money(Decimal(str(value["amount"])), value["currency"])
    return None if value is None else NOT_STATED


@dataclass(frozen=True)
class ContactPoint:
    """An email, postal address, phone or web form where a person can write."""

    email: Stated[str] | None = None
    postal_address: Stated[str] | None = None
    phone: str | None = None
    web_form: str | None = None
    label: Text | None = None
    note: Text | None = None
    attention: Text | None = None  # the reference line printed above the postal address ("For the attention of")

    def ways(self, phone: bool = True) -> dict[str, str]:
        """The ways to reach this point that the policy states, by field name (email, postal_address, phone,
        web_form), in that order; without the phone when `phone` is false (where one writes)."""
        found = {
            "email": self.email,
            "postal_address": self.postal_address,
            "phone": self.phone if phone else None,
            "web_form": self.web_form,
        }
        return {key: value for key, value in found.items() if isinstance(value, str)}


@dataclass(frozen=True)
class Establishment:
    """Another address of the controller, labelled by the policy (an office, a branch, an establishment in another
    country), with the country, register entry and status the policy gives it."""

    label: Text
    address: str
    country: str | None = None
    register_city: Stated[str] | None = None
    register_number: Stated[str] | None = None
    status: Text | None = None


@dataclass(frozen=True)
class JointController:
    """Another controller that decides the purposes and means of the processing together with the company (GDPR
    Art. 26), with the identity facts the policy gives, in the company's own form (Art. 13(1)(a))."""

    legal_name: Stated[str]
    registered_address: Stated[str]
    register_city: Stated[str] | None = None
    register_number: Stated[str] | None = None
    note: Text | None = None  # how this controller was read, where the reading is an interpretation


@dataclass(frozen=True)
class Identity:
    """Who the company is (Art. 13(1)(a)), and the controllers it processes the data with (Art. 26)."""

    legal_name: Stated[str]
    trade_names: tuple[str, ...]
    legal_form: Stated[str] | None
    share_capital: Stated[Money] | None
    register_city: Stated[str] | None
    register_number: Stated[str] | None
    registered_address: Stated[str]
    other_addresses: tuple[Establishment, ...]
    country: str | None
    legal_representative: Stated[str] | None
    websites: tuple[str, ...]
    description: Text | None
    note: Text | None = None  # how the identity was read, where the reading is an interpretation
    eu_representative: str | None = None  # a non-EU controller's representative in the Union (Art. 27)
    joint_controllers: tuple[JointController, ...] = ()  # the other joint controllers (Art. 26); () when none given
    collective_name: Text | None = None  # the name the joint controllers go by together ("FNAC DARTY")
    joint_arrangement: Stated[Text] | None = None  # the essence of the arrangement, Art. 26(2)
    status: Text | None = None  # the company's legal situation, where the policy states one ("in liquidation")


@dataclass(frozen=True)
class DpoRegistration:
    """The DPO's designation with a supervisory authority (Art. 37(7)): its number, and when given its date."""

    number: str
    authority: str  # an authority code of the wording files; the company's own authority unless the policy says
    date: str | None = None  # ISO date


@dataclass(frozen=True)
class Dpo:
    """Whether a DPO is appointed (True/False/not_stated) and how to reach them."""

    appointed: bool
    name: Stated[str] | None = None
    contact: ContactPoint | None = None
    registration: DpoRegistration | None = None


@dataclass(frozen=True)
class Authority:
    """The supervisory authority and whether the policy mentions complaints to it."""

    code: str
    mentioned: bool
    complaint_url: str | None
    postal_address: str | None


LegalBasisCode = Literal[
    "consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"
]
"""The lawful bases of GDPR Art. 6(1), (a) to (f) in order: `consent` (a), `contract` (b), `legal_obligation` (c),
`vital_interests` (d), `public_task` (e), `legitimate_interests` (f, with the interest, Art. 13(1)(d))."""


@dataclass(frozen=True)
class LegalBasis:
    """One Art. 6(1) basis, with the legitimate interest when (f)."""

    basis: LegalBasisCode
    interest: Stated[Text] | None = None
    note: Text | None = None
    general: bool = False  # the purpose cites the interest stated once for all processing (legal_bases_overview)


def general_interest(overview: Raw) -> Mapping[str, str] | None:
    """The legitimate interest a policy states once for all processing: the `interest` of the one
    `legitimate_interests` entry of `legal_bases_overview` that states one (a per-language mapping), else None.

    A purpose's `legitimate_interests` basis without `interest` cites it (Art. 13(1)(d)); with none, or with
    several such entries (which one would it cite?), each basis must state its own (rules.py)."""
    found = [
        basis["interest"]
        for basis in overview or []
        if isinstance(basis, dict)
        and basis.get("basis") == "legitimate_interests"
        and isinstance(basis.get("interest"), dict)
    ]
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class DataCategory:
    """A category of personal data, with the items the policy lists (an Including when it gives examples).

    A code, a label or both: with both, pages show the label (the policy's own words) and the code serves
    completeness checks and exports."""

    id: str
    code: str | None
    label: Text | None
    items: tuple[Text, ...]  # an Including when the policy gives examples
    sensitive: bool
    note: Text | None


@dataclass(frozen=True)
class DataSubject:
    """A category of people whose data is processed."""

    id: str
    code: str | None
    label: Text | None
    description: Text | None


RetentionKind = Literal[
    "fixed",
    "from_event",
    "until_event",
    "relationship",
    "legal_period",
    "user_defined",
    "criteria",
    "first_of",
    "then",
    "one_of",
    "not_stated",
]
"""The forms of a storage period (GDPR Art. 13(2)(a), 14(2)(a): the period, or the criteria that determine it).

`first_of`: whichever of several periods ends first; `then`: periods that follow one another ("for the duration
of the formality, then until the account is deleted"); `one_of`: alternatives that depend on the case ("the
duration of the transaction or of the subscription"), not "whichever comes first"."""


@dataclass(frozen=True)
class RetentionPeriod:
    """A retention period in one of the forms real policies use (see the schema's `kind`)."""

    kind: RetentionKind
    duration: Duration | None = None
    event: str | Text | None = None  # an event id worded by the locale files, or the policy's own words
    plus: Duration | Literal["legal_period"] | None = None  # relationship: how long after it ends
    text: Text | None = None
    periods: tuple[RetentionPeriod, ...] = ()
    note: Text | None = None  # for one_of: what decides between the alternatives
    archive: bool = False  # kept in restricted-access archives during this period (Art. 5(1)(e): storage limitation)
    reference: Text | None = None  # for legal_period: the legal text that sets the period (Art. 13(2)(a))


@dataclass(frozen=True)
class RetentionRule:
    """How long one set of data is kept."""

    id: str
    applies_to: Text
    period: RetentionPeriod
    note: Text | None
    general: bool = False  # the rule the policy gives for most data, tied to no purpose (printed first)


RecipientKind = Literal[
    "internal", "processor", "sub_processor", "group_company", "partner", "authority", "social_network", "other"
]
"""Who a recipient is (GDPR Art. 4(9), 13(1)(e): the recipients or categories of recipients; wording:
`recipient_kind.<code>`).

- `internal`: departments or staff of the company itself.
- `processor`: processes data on the company's behalf, Art. 28; `sub_processor`: a processor's processor,
  Art. 28(2) and (4).
- `group_company`: a company of the same group of undertakings (Art. 4(19), recital 48): a separate legal entity,
  not an internal department.
- `partner`: a third party that receives data for its own purposes; `authority`: public authorities, courts,
  police; `social_network`; `other`."""


@dataclass(frozen=True)
class RecipientRegistration:
    """A recipient's entry in a companies register, as the policy writes it: `SIREN` `377 853 536`."""

    register: str  # as the policy names it (SIREN, RCS Créteil): printed as written
    number: str


@dataclass(frozen=True)
class Recipient:
    """Who receives data: a department, a named processor, a group company, a partner or an authority."""

    id: str
    kind: RecipientKind
    name: Stated[str | Text]  # a proper name or a per-language name
    service: Text | None
    location: Stated[str] | None  # a country
    note: Text | None
    registration: RecipientRegistration | None = None
    examples: tuple[Text, ...] = ()  # names the policy gives as examples of this category ("ex : CEWE, Colorado")
    shared: bool = False  # the policy says data may go to it for every purpose (Art. 13(1)(e))
    condition: Text | None = None  # the case in which data goes to it, in the policy's words ("only if ...")


SourceCode = Literal["data_subject", "automatic", "third_party", "customer", "public"]
"""Where the data comes from: GDPR Art. 14(2)(f) (the source, when not collected from the person) and
Art. 13 (collected from the person: `data_subject`, or `automatic` from their device)."""


@dataclass(frozen=True)
class Source:
    """One source of a purpose's data, with the policy's own words where it says more ("our customers' clients")."""

    code: SourceCode
    detail: Text | None = None


def sources(value: Raw) -> tuple[Source, ...] | NotStated:
    """A purpose's `source`: one code, or a list of codes and `{code, detail}` mappings; not_stated stays."""
    if value == SILENCE:
        return NOT_STATED
    items = value if isinstance(value, list) else [value]
    return tuple(Source(v["code"], text(v.get("detail"))) if isinstance(v, dict) else Source(v) for v in items)


ActsAs = Literal["controller", "joint_controller", "processor", "other_controller"]
"""What the company is for one purpose: `controller` (it decides why and how, GDPR Art. 4(7), 24),
`joint_controller` (with another controller, Art. 26), `processor` (on a controller's behalf, Art. 4(8), 28), or
`other_controller`: the processing is another controller's, which the policy describes (the company neither decides it
nor carries it out for that controller); it is no activity of the company's own."""


@dataclass(frozen=True)
class PurposeRole:
    """The company's role for one purpose, and for a processor the controller it acts for (as the policy names it,
    or not_stated)."""

    acts_as: ActsAs
    on_behalf_of: Stated[Text] | None = None
    note: Text | None = None


def purpose_role(value: Raw) -> PurposeRole | None:
    """`role: controller` or `role: {acts_as, on_behalf_of, note}`; absent: None (the company's role applies)."""
    if value is None:
        return None
    if isinstance(value, str):
        return PurposeRole(value, NOT_STATED if value == "processor" else None)  # type: ignore[arg-type]
    on_behalf = value.get("on_behalf_of", NOT_STATED if value["acts_as"] == "processor" else None)
    return PurposeRole(value["acts_as"], text(on_behalf), text(value.get("note")))


@dataclass(frozen=True)
class Purpose:
    """One processing activity, linked to the categories, rules and recipients it uses."""

    id: str
    name: Text
    group: Text | None
    description: Text | None
    legal_bases: Stated[tuple[LegalBasis, ...]]
    data_categories: Stated[tuple[DataCategory, ...]]
    data_subjects: Stated[tuple[DataSubject, ...]]
    source: Stated[tuple[Source, ...]]
    mandatory: Stated[tuple[bool, Text | None]]  # (required, the consequence of not providing it), Art. 13(2)(e)
    retention: Stated[tuple[RetentionRule, ...]]
    recipients: tuple[Recipient, ...] | Absent  # an Including when given as examples; `all` resolved
    note: Text | None = None  # how the purpose was read, where the reading is an interpretation
    profiling: bool | Text | None = None  # profiling (Art. 4(4), 21(2)); a Text: the policy's words; None: silent
    role: PurposeRole | None = None  # the company's role for this purpose; None: the company's role applies
    advertising: bool | None = None  # the purpose serves advertising; None: the policy does not say
    linked_by_reading: bool = False  # its data, retention and recipients are linked to it by reading the policy

    @property
    def interests(self) -> tuple[LegalBasis, ...]:
        """The legitimate-interest bases of this purpose."""
        if self.legal_bases is NOT_STATED:
            return ()
        return tuple(b for b in self.legal_bases if b.basis == "legitimate_interests")

    @property
    def own_interests(self) -> tuple[LegalBasis, ...]:
        """The legitimate-interest bases that state this purpose's own interest (not the general one)."""
        return tuple(b for b in self.interests if not b.general)

    @property
    def cites_general_interest(self) -> bool:
        """True when a legitimate-interest basis of this purpose cites the interest stated for all processing."""
        return any(b.general for b in self.interests)


Safeguard = Literal[
    "adequacy",
    "scc",
    "bcr",
    "code_of_conduct",
    "certification",
    "legally_binding_instrument",
    "ad_hoc_clauses",
    "administrative_arrangement",
    "derogation",
]
"""The instruments a transfer outside the EU relies on, as the GDPR lists them (wording: `safeguard.<code>`).

- `adequacy`: a Commission adequacy decision, Art. 45.
- `legally_binding_instrument`: a legally binding and enforceable instrument between public authorities or
  bodies, Art. 46(2)(a).
- `bcr`: binding corporate rules, Art. 46(2)(b) and Art. 47.
- `scc`: standard data protection clauses adopted by the Commission (or by an authority and approved by the
  Commission), Art. 46(2)(c) and (d).
- `code_of_conduct`: an approved code of conduct with binding commitments of the importer, Art. 46(2)(e).
- `certification`: an approved certification mechanism with binding commitments of the importer, Art. 46(2)(f).
- `ad_hoc_clauses`: contractual clauses authorised by the competent supervisory authority, Art. 46(3)(a).
- `administrative_arrangement`: provisions in administrative arrangements between public authorities or bodies,
  authorised by the supervisory authority, Art. 46(3)(b).
- `derogation`: a derogation for a specific situation, Art. 49.

Another appropriate instrument the policy names in its own words is an `OtherSafeguard` (Art. 46(1))."""


@dataclass(frozen=True)
class OtherSafeguard:
    """An appropriate safeguard (Art. 46(1)) that is none of the coded instruments, in the policy's words."""

    text: Text


@dataclass(frozen=True)
class Transfer:
    """A transfer outside the EU, the safeguards it relies on and, when the policy names them, its purposes."""

    id: str
    destination: Stated[tuple[str, ...]]  # country codes (an Including when given as examples), or not_stated
    recipient: Recipient | None
    description: Text | None
    safeguards: Stated[tuple[Safeguard | OtherSafeguard, ...]]  # an Alternatives when given with "or"
    copy_available: Text | None
    purposes: tuple[Purpose, ...] = ()  # the purposes the data is transferred for; () when the policy names none
    note: Text | None = None  # how the transfer was read, where the reading is an interpretation


@dataclass(frozen=True)
class Transfers:
    """Whether data leaves the EU (True, False, or "possible": described only as a possibility) and each transfer."""

    outside_eu: bool | Literal["possible"]
    statement: Text | None = None
    items: tuple[Transfer, ...] = ()  # an Including when the policy gives its transfers as examples ("notamment")


RightCode = Literal[
    "access",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "portability",
    "withdraw_consent",
    "post_mortem",
    "complaint",
    "human_intervention",
    "express_point_of_view",
    "contest_decision",
]
"""The rights a policy offers (wording: `right.<code>`).

- `access` Art. 15, `rectification` Art. 16, `erasure` Art. 17, `restriction` Art. 18, `portability` Art. 20,
  `objection` Art. 21, `withdraw_consent` Art. 7(3), `complaint` (to a supervisory authority) Art. 77.
- `post_mortem`: directives on one's data after death, Art. 85 of the French Loi Informatique et Libertés.
- Art. 22(3), the safeguards around a solely automated decision: `human_intervention` (to obtain human
  intervention on the part of the controller), `express_point_of_view` (to express one's point of view) and
  `contest_decision` (to contest the decision)."""


@dataclass(frozen=True)
class Right:
    """A right the policy offers, with any specific way to exercise it, and its own contact point when the policy
    gives a different address for it than the rights contact."""

    code: RightCode
    how: Text | None = None
    note: Text | None = None
    contact: Stated[ContactPoint] | None = None  # not_stated: the policy gives only `how`, no address


@dataclass(frozen=True)
class ViaController:
    """A processor's policy sends people to the controller to exercise their rights (Art. 28(3)(e)); `forwarded`
    when it says requests sent to the company are passed on."""

    controller: Text
    forwarded: bool | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Rights:
    """The rights offered and how to exercise them."""

    offered: tuple[Right, ...]
    not_stated: tuple[RightCode, ...]
    contact: ContactPoint
    response_delay: Stated[Duration | Text]  # Art. 12(3): one month, extendable
    identity_verification: Stated[Text]  # Art. 12(6)
    request_content: Text | None
    note: Text | None
    via_controller: ViaController | None = None

    def has(self, code: str) -> bool:
        """True when the policy offers this right."""
        return any(r.code == code for r in self.offered)


@dataclass(frozen=True)
class Cookie:
    """A cookie or tracker as the policy describes it."""

    name: Stated[str | Text]  # as the policy writes it
    provider: Stated[str]  # a name
    purpose: Stated[CookiePurpose]
    lifetime: Stated[Duration | Text]
    consent_required: Stated[bool]
    note: Text | None


CookiePurpose = Literal[
    "strictly_necessary",
    "audience_measurement",
    "performance",
    "preferences",
    "advertising",
    "social_media",
    "security",
    "consent_record",
]
"""What a cookie is for (ePrivacy Directive Art. 5(3): only `strictly_necessary` ones are exempt from consent)."""


@dataclass(frozen=True)
class CookiePartner:
    """A partner the policy limits to part of the service ("Batch (application only)"); a partner named without a
    scope stays a plain string among `CookiePartners.names`."""

    name: str
    scope: Text


def cookie_partner(value: Raw) -> str | CookiePartner:
    """A partner's name as it is, or `{name, scope}` as a CookiePartner."""
    return CookiePartner(value["name"], Text(dict(value["scope"]))) if isinstance(value, dict) else value


@dataclass(frozen=True)
class CookiePartners:
    """Cookies the policy gives only as partner names, with what it says once for all of them."""

    names: Stated[tuple[str | CookiePartner, ...]]  # an Including when the policy names only some; not stated: none
    purposes: Stated[tuple[CookiePurpose, ...]]
    lifetime: Stated[Duration | Text]
    consent_required: Stated[bool]
    note: Text | None = None


@dataclass(frozen=True)
class Cookies:
    """The cookie section: whether cookies are used, the list, and how to manage choices."""

    used: Stated[bool]
    statement: Text | None
    items: tuple[Cookie, ...]
    management: Text | None
    consent_lifetime: Stated[Duration] | None  # ePrivacy: how long a consent choice is kept
    partners: CookiePartners | None = None


@dataclass(frozen=True)
class AutomatedDecisions:
    """Whether solely automated decisions or profiling take place, and their logic and consequences (Art. 22)."""

    exists: bool
    profiling: Stated[bool] | None = None
    description: Text | None = None
    logic: Stated[Text] | None = None  # meaningful information about the logic involved, Art. 13(2)(f)
    consequences: Stated[Text] | None = None  # the significance and envisaged consequences, Art. 13(2)(f)
    note: Text | None = None  # how the decisions were read, where the reading is an interpretation


@dataclass(frozen=True)
class Sale:
    """Whether the policy says personal data is sold (`sold: true`) or that it is not (`sold: false`), with its own
    words. Not a GDPR Art. 13 item as such, but what a visitor asks first; absent from the data means not stated.
    A sale is a disclosure to a recipient (Art. 13(1)(e)) and needs a legal basis of its own (Art. 6(1))."""

    sold: bool | Literal["possible"]  # `possible`: the policy presents a sale as possible ("may be resold")
    statement: Text | None = None  # the policy's sentence ("Under no circumstances do we sell...")
    note: Text | None = None  # how the statement was read, where the reading is an interpretation


@dataclass(frozen=True)
class SpecialCategories:
    """What the policy says of special categories of data (Art. 9): `processed` true or false when it answers,
    None when it addresses them only in its own words (`statement`)."""

    processed: bool | None
    statement: Text | None = None
    note: Text | None = None


def special_categories(value: Raw) -> SpecialCategories | NotStated:
    """`{processed, statement, note}`, a text (the policy's words, no yes/no), or not_stated / absent."""
    if isinstance(value, dict) and "processed" in value:
        return SpecialCategories(value["processed"], text(value.get("statement")), text(value.get("note")))
    if isinstance(value, dict):
        return SpecialCategories(None, Text(dict(value)))
    return NOT_STATED


@dataclass(frozen=True)
class ProcessorObligations:
    """What a processor does on its customer's behalf and commits to (Art. 28)."""

    controller: Text
    operations: tuple[Text, ...] = ()
    commitments: tuple[Text, ...] = ()
    sub_processing: Text | None = None
    liability_exclusions: tuple[Text, ...] = ()
    liability_statement: Text | None = None  # the policy's sentence introducing the exclusions


@dataclass(frozen=True)
class Section:
    """A clause that fits no field, kept as Markdown so nothing of a real policy is lost."""

    id: str
    title: Text
    body: Text


@dataclass(frozen=True)
class Version:
    """One published version of the policy."""

    version: str
    date: Stated[str]  # an ISO date
    summary: Text

    @property
    def day(self) -> Day | None:
        """The date the version takes effect, None when the policy does not state it."""
        return None if self.date is NOT_STATED else Day.fromisoformat(self.date)


GapKind = Literal["purpose", "recipient", "transfer", "retention_rule", "right", "automated_part", "version"]
"""What kind of entry a completeness gap is about (its `subjects` are ids of that kind; a right is its code, an
automated-decision part is `logic` or `consequences`, a version its number)."""


@dataclass(frozen=True)
class Gap:
    """Something GDPR Art. 12 to 14 require that the policy does not say: one completeness rule (completeness.py),
    the article it cites ("13(2)(a)") and the entries it found (in file order), worded on the pages from
    `gaps.<rule>` in the locale files. Derived from the data: never written by hand."""

    rule: str
    article: str
    kind: GapKind | None = None
    subjects: tuple[str, ...] = ()


Role = Literal["controller", "processor", "controller_and_processor"]
"""What the company is for the processing the policy describes: a controller (GDPR Art. 4(7), 24), a processor
acting on its customers' behalf (Art. 4(8), 28), or both."""


@dataclass(frozen=True)
class Company:
    """Everything the site shows about one company, resolved and typed."""

    slug: str
    name: Text
    role: Role
    source: Mapping[str, Stated[str | Text]]  # where the policy was read: `url` and a `note` text
    introduction: Text | None
    identity: Identity
    contact: ContactPoint
    dpo: Stated[Dpo]
    authority: Authority
    legal_bases_overview: tuple[LegalBasis, ...]
    purposes: tuple[Purpose, ...]
    data_categories: tuple[DataCategory, ...]
    special_categories: Stated[SpecialCategories]  # what the policy says on Art. 9 data
    data_subjects: tuple[DataSubject, ...]
    retention_rules: tuple[RetentionRule, ...]
    recipients: tuple[Recipient, ...]
    recipients_statement: Text | None
    transfers: Stated[Transfers]
    rights: Rights
    cookies: Cookies
    security_statement: Text | None
    security_measures: Stated[tuple[Text, ...]]  # Art. 32 measures, as the policy lists them (an Including: examples)
    breach_notification: Text | None
    automated_decisions: Stated[AutomatedDecisions]
    minors: Stated[Text] | None  # the policy's statement on children's data (Art. 8)
    ai_processing: tuple[Text, ...]
    processor_obligations: ProcessorObligations | None
    policy_changes: Text | None
    sections: tuple[Section, ...]
    versions: tuple[Version, ...]
    security_note: Text | None = None  # how the security measures were read, where that is an interpretation
    mandatory_data: Text | None = None  # what the policy says once about mandatory data (Art. 13(2)(e))
    sale: Stated[Sale] = NOT_STATED  # whether data is sold; absent from the data: not stated
    file: str = field(default="", compare=False)
    # What the policy leaves out that GDPR requires, from the completeness rules: derived, so the diff ignores it.
    gaps: tuple[Gap, ...] = field(default=(), compare=False)

    @property
    def current_version(self) -> Version:
        """The latest version (versions are listed oldest first)."""
        return self.versions[-1]

    @property
    def general_retention(self) -> RetentionRule | None:
        """The rule the policy gives for most data (`general: true`; at most one, rules.py), or None."""
        return next((rule for rule in self.retention_rules if rule.general), None)

    @property
    def specific_retention(self) -> tuple[RetentionRule, ...]:
        """The retention rules other than the general one, in file order."""
        return tuple(rule for rule in self.retention_rules if not rule.general)

    @property
    def purposes_citing_general_interest(self) -> tuple[Purpose, ...]:
        """The purposes whose legitimate-interest basis cites the interest stated once for all processing."""
        return tuple(p for p in self.purposes if p.cites_general_interest)

    @property
    def shared_recipients(self) -> tuple[Recipient, ...]:
        """The recipients the policy says data may go to for every purpose (`shared: true`)."""
        return tuple(r for r in self.recipients if r.shared)

    def recipients_of(self, purpose: Purpose) -> tuple[Recipient, ...]:
        """Every recipient of a purpose's data: its own, then the shared ones it does not name; none when the policy
        says so (`recipients: none`) or names none."""
        if purpose.recipients == NONE:
            return ()
        own = tuple(purpose.recipients) if isinstance(purpose.recipients, tuple) else ()
        return own + tuple(r for r in self.shared_recipients if r.id not in {o.id for o in own})

    @property
    def uses_consent(self) -> bool:
        """True when any purpose relies on consent."""
        bases = [b for p in self.purposes if p.legal_bases is not NOT_STATED for b in p.legal_bases]
        return any(b.basis == "consent" for b in bases + list(self.legal_bases_overview))
