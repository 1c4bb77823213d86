"""Plain-text phrases built from controlled codes and the wording files (no markup: templates escape them)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from copy import copy
from datetime import date as Date
from typing import Any, TypeGuard, TypeVar

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

from ..history.diff import Link, Together
from ..model.model import (
    NONE,
    NOT_STATED,
    Alternatives,
    ContactPoint,
    CookiePartner,
    DataCategory,
    DataSubject,
    DpoRegistration,
    Duration,
    Establishment,
    Including,
    Money,
    NoneStated,
    OtherSafeguard,
    Purpose,
    PurposeRole,
    Recipient,
    RetentionPeriod,
    RetentionRule,
    Right,
    Safeguard,
    Source,
    SpecialCategories,
    Stated,
    Text,
    Transfer,
)
from ..source.countries import REGION_GROUP, country_name, is_country
from ..source.wording import Wording

_Given = TypeVar("_Given")


def localize(value: Any, words: Wording) -> str:
    """A value as text in the wording's language; not_stated becomes the 'not stated' label. A text is stripped:
    leading or trailing whitespace would change its Markdown where a template prints it (`*{{ tr(group) }}*` with
    ` Group` is a bullet, `**{{ tr(name) }}**` literal stars) and means nothing on a page, in a feed or a notice."""
    if value is None or value is NOT_STATED:
        return words("label.not_stated_short")
    if isinstance(value, Text):
        return words.typeset(value.get(words.language).strip())
    if isinstance(value, Duration):
        return duration(value, words)
    if isinstance(value, Money):
        return money(value, words)
    if isinstance(value, bool):
        return words("label.answer_yes" if value else "label.answer_no")
    return str(value).strip()


def join(items: Iterable[str], words: Wording) -> str:
    """A list in running text by the language's own rules (CLDR): `A, B et C`, `A, B, and C`."""
    return format_list([str(item) for item in items], style="standard", locale=words.language)


def number(value: int, words: Wording) -> str:
    """A count as the language writes it (Babel, CLDR): `1 000` / `1,000` / `1.000`."""
    return format_decimal(value, locale=words.language)


def duration(value: Duration, words: Wording) -> str:
    """`13 months`, `1 mois`, with a bound `up to 25 months`: the count by Babel, the unit in the CLDR plural
    category of that count.

    The wording file gives a unit's forms under `unit.<unit>.<category>` (`one`, `other`, and any other category
    the language needs, such as `few` in Polish); a category the file leaves out reads as `other`, which CLDR
    defines for every language (French `many`, for millions, is `other` here: `1 000 000 mois`).

    A range (`to`) reads `5 to 10 years` / `5 à 10 ans` (`punct.count_range`): the unit takes the plural category
    of the upper count, the one it is written after."""
    upper = value.to if value.to is not None else value.value
    category = Locale.parse(words.language).plural_form(upper)
    unit = words.get(f"unit.{value.unit}.{category}") or words(f"unit.{value.unit}.other")
    if value.to is not None:
        return words("punct.count_range", count=number(value.value, words), to=number(value.to, words), unit=unit)
    length = words("punct.count", count=number(value.value, words), unit=unit)
    return words(f"bound.{value.bound}", duration=length) if value.bound else length


def money(value: Money, words: Wording) -> str:
    """An amount in its currency as the language writes it (Babel, CLDR): `100 000 €` / `€100,000`, with the
    language's own no-break spaces; cents only when the amount has some (`10 000,50 €`)."""
    if value.amount == value.amount.to_integral_value():
        whole = copy(Locale.parse(words.language).currency_formats["standard"])
        whole.frac_prec = (0, 0)
        return format_currency(value.amount, value.currency, format=whole, locale=words.language, currency_digits=False)
    return format_currency(value.amount, value.currency, locale=words.language)


def alternatives(items: Iterable[str], words: Wording) -> str:
    """Alternatives in running text by the language's own rules (CLDR): `A, B ou C`, `A, B, or C`."""
    return format_list([str(item) for item in items], style="or", locale=words.language)


def listed(items: Any, parts: Iterable[str], words: Wording) -> str:
    """Parts of a list as the policy joins them: `A ou B` for alternatives (`{one_of: [...]}`), `notamment A et B`
    for examples, `A et B` otherwise."""
    if isinstance(items, Alternatives):
        return alternatives(parts, words)
    return including(items, join(parts, words), words)


def safeguards(items: Iterable[Safeguard | OtherSafeguard], words: Wording) -> str:
    """A transfer's instruments, joined by "and", or by "or" when the policy gives them as alternatives."""
    return listed(items, [safeguard(item, words) for item in items], words)


def including(items: Any, joined: str, words: Wording) -> str:
    """A joined list, marked as examples (`notamment A et B`, `including A and B`) when the policy gives it so."""
    return words("list.including", items=joined) if isinstance(items, Including) else joined


def _event(event: str | Text | None, form: str, words: Wording) -> str:
    if isinstance(event, Text):
        return localize(event, words)  # typeset, as every text of the data
    return words(f"event.{event}.{form}")


def retention(period: RetentionPeriod, words: Wording) -> str:
    """A retention period in words: `3 years from the last contact`; an archiving phase reads `archived: 5 to 10
    years` (`retention.archive`)."""
    phrase = _period(period, words)
    return words("retention.archive", period=phrase) if period.archive else phrase


def _length(period: RetentionPeriod) -> Duration:
    """The duration of a fixed or from_event period, which the schema requires."""
    if period.duration is None:
        raise ValueError(f"a {period.kind} retention period has no duration")
    return period.duration


def _period(period: RetentionPeriod, words: Wording) -> str:
    kind = period.kind
    if kind == "fixed":
        return words("retention.fixed", duration=duration(_length(period), words))
    if kind == "from_event":
        return words(
            "retention.from_event", duration=duration(_length(period), words), event=_event(period.event, "from", words)
        )
    if kind == "until_event":
        return words("retention.until_event", event=_event(period.event, "until", words))
    if kind == "relationship":
        if isinstance(period.plus, Duration):
            return words("retention.relationship_plus_duration", duration=duration(period.plus, words))
        if period.plus == "legal_period":
            return words("retention.relationship_plus_legal")
        return words("retention.relationship")
    if kind == "criteria":
        return localize(period.text, words) if period.text else ""
    if kind == "legal_period":
        legal = (
            words("retention.legal_reference", reference=localize(period.reference, words))
            if period.reference
            else words("retention.legal_period")
        )  # with the length the policy gives, when it gives one
        return (
            words("retention.legal_length", period=legal, duration=duration(period.duration, words))
            if period.duration
            else legal
        )
    if kind == "first_of":
        return words("retention.first_of_joiner").join(retention(p, words) for p in period.periods)
    if kind == "then":
        return words("retention.then_joiner").join(retention(p, words) for p in period.periods)
    if kind == "one_of":
        options = alternatives((retention(p, words) for p in period.periods), words)
        return (
            words("retention.one_of_note", periods=options, note=localize(period.note, words))
            if period.note
            else options
        )
    return words(f"retention.{kind}")


def category_name(category: DataCategory, words: Wording) -> str:
    """A data category's own label, or its code's wording."""
    return category.label.get(words.language) if category.label else words(f"data_category.{category.code}")


def subject_name(subject: DataSubject, words: Wording) -> str:
    """A data subject category's own label, or its code's wording."""
    return subject.label.get(words.language) if subject.label else words(f"data_subject.{subject.code}")


def source_name(source: Source, words: Wording) -> str:
    """A source of data in words, with the policy's own detail: `From third parties (our customers' clients)`."""
    name = words(f"source.{source.code}")
    return words("label.source_detail", source=name, detail=localize(source.detail, words)) if source.detail else name


def recipient_name(recipient: Recipient, words: Wording) -> str:
    """A recipient's name, or its kind where the policy does not name it, followed by what identifies it further
    (`recipient_details`)."""
    if recipient.name is None or recipient.name is NOT_STATED:
        return recipient_details(recipient, words(f"recipient_kind.{recipient.kind}"), words)
    return recipient_details(recipient, localize(recipient.name, words), words)


def recipient_details(recipient: Recipient, name: str, words: Wording) -> str:
    """A recipient's name with its registration, the examples the policy gives of it and the case in which it
    receives data, as the policy does: `FNAC DIRECT (SIREN 377 853 536)`, `Photo partners (for example: CEWE,
    Colorado)`, `Partners (only if you use our service through a partner account)`."""
    if recipient.registration:
        name = words(
            "label.recipient_registration",
            name=name,
            register=recipient.registration.register,
            number=recipient.registration.number,
        )
    if recipient.examples:
        name = words(
            "label.recipient_examples",
            name=name,
            examples=words("punct.list").join(localize(e, words) for e in recipient.examples),
        )
    if recipient.condition is not None:  # data goes to it only in that case: never said without it
        name = words("label.recipient_condition", name=name, condition=localize(recipient.condition, words))
    return name


def purpose_recipients(own: Any, shared: tuple[Recipient, ...], words: Wording) -> str:
    """A purpose's recipients in running text: its own list (`all` resolved, `notamment` when given as examples)
    followed by the recipients common to every purpose it does not already name (`shared`); only the shared ones
    where the policy names no recipient for the purpose. Empty when there is nothing to list (the caller words
    `none` and not_stated)."""
    listed = tuple(own) if isinstance(own, tuple) else ()
    extra = [r for r in shared if r.id not in {item.id for item in listed}]
    mine = including(own, join((recipient_name(r, words) for r in listed), words), words) if listed else ""
    if not extra:
        return mine
    common = words("label.recipients_shared", recipients=join((recipient_name(r, words) for r in extra), words))
    return words("label.recipients_and_shared", recipients=mine, shared=common) if mine else common


def country(code: str, words: Wording) -> str:
    """A destination in words: an ISO 3166-1 country named by pycountry in the language (countries.py), or a
    region (EU, north_america...) worded in the locale file."""
    return country_name(code, words.language) if is_country(code) else words(f"{REGION_GROUP}.{code}")


def safeguard(item: Safeguard | OtherSafeguard, words: Wording) -> str:
    """A transfer safeguard: a coded instrument's wording, or another instrument in the policy's words."""
    if isinstance(item, OtherSafeguard):
        return words("label.safeguard_other", text=localize(item.text, words))
    return words(f"safeguard.{item}")


def partner_name(partner: str | CookiePartner, words: Wording) -> str:
    """A cookie partner's name, with the part of the service the policy limits it to: `Batch (app only)`."""
    if isinstance(partner, CookiePartner):
        return words("label.cookie_partner_scoped", name=partner.name, scope=localize(partner.scope, words))
    return str(partner)


def partner_names(names: Stated[tuple[str | CookiePartner, ...]], words: Wording) -> str:
    """Cookie partners' names in running text, marked as examples when the policy gives only some; the policy's
    "each partner concerned" when it names none."""
    if names is NOT_STATED:
        return words("label.cookie_partners_unnamed")
    return including(names, join((partner_name(name, words) for name in names), words), words)


def transfer_name(transfer: Transfer, words: Wording) -> str:
    """A transfer named by where it goes, and what it is when the policy says: `Maroc et Madagascar (call centre)`."""
    where = (
        including(transfer.destination, join((country(code, words) for code in transfer.destination), words), words)
        if isinstance(transfer.destination, tuple)
        else words("label.destination_not_stated")
    )
    return f"{where} ({localize(transfer.description, words)})" if transfer.description else where


def registration(item: DpoRegistration, words: Wording) -> str:
    """`Désigné auprès de la CNIL le 25 mai 2018 sous le numéro DPO-12345` (no final full stop)."""
    authority = words(f"authority.{item.authority}.in_sentence")
    if item.date:
        return words(
            "label.dpo_registration_dated", authority=authority, date=date(item.date, words), number=item.number
        )
    return words("label.dpo_registration", authority=authority, number=item.number)


def date(value: Stated[str], words: Wording) -> str:
    """An ISO date in words by Babel, in the locale file's `date.format` (`9 mars 2026`, `9 March 2026`);
    not_stated becomes 'date not stated'."""
    if value is NOT_STATED:
        return words("label.date_not_stated")
    day = Date.fromisoformat(value)
    pattern = words("date.format")
    if day.day == 1:
        pattern = _first_day(pattern, words)
    return format_date(day, format=pattern, locale=words.language)


_QUOTED = re.compile(r"('(?:[^']|'')*')")  # a literal in a CLDR pattern, left as it is
_DAY = re.compile(r"(?<![A-Za-z])d(?![A-Za-z])")  # the day-of-month field (`d`, not `dd` nor a letter of a word)


def _first_day(pattern: str, words: Wording) -> str:
    """The date pattern with its day field written as the locale's `date.first_day` (French `1er`): a format name
    (`long`) is first read as Babel's CLDR pattern for the language."""
    if pattern in ("short", "medium", "long", "full"):
        pattern = Locale.parse(words.language).date_formats[pattern].pattern
    return "".join(
        part if _QUOTED.fullmatch(part) else _DAY.sub(words("date.first_day"), part) for part in _QUOTED.split(pattern)
    )


def _contact(value: Any, words: Wording) -> str:
    """A contact point in one line: its email, else its postal address, else its form."""
    if value is None or value is NOT_STATED:
        return localize(value, words)
    if isinstance(value, ContactPoint):
        return next(
            (v for v in (value.email, value.postal_address, value.web_form) if v and v is not NOT_STATED),
            localize(NOT_STATED, words),
        )
    return _contact(value.contact, words) if getattr(value, "contact", None) else localize(value.appointed, words)


# Model values worded by the helper the pages use for them (a coded safeguard is a string: worded by the change's kind).
_NAMERS: tuple[tuple[type, Callable[[Any, Wording], str]], ...] = (
    (OtherSafeguard, safeguard),
    (DpoRegistration, registration),
    (CookiePartner, partner_name),
    (Transfer, transfer_name),
    (RetentionPeriod, retention),
    (DataCategory, category_name),
    (Recipient, recipient_name),
    (Source, source_name),
    (PurposeRole, lambda role, words: purpose_role(role, words)),
    (Purpose, lambda purpose, words: purpose_with_bases(purpose, words)),
    (DataSubject, subject_name),
    (RetentionRule, lambda rule, words: localize(rule.applies_to, words)),
    (Right, lambda right, words: words(f"right.{right.code}.name")),
    (SpecialCategories, lambda found, words: special(found, words)),
    (
        Establishment,
        lambda place, words: localize(place.label, words) + words("punct.colon") + establishment_address(place, words),
    ),
)


def establishment_address(place: Establishment, words: Wording) -> str:
    """Another address of the controller with what the policy says of the establishment there: `3 rue X, 1000
    Bruxelles (Belgium; Registration: Bruxelles 0123.456.789; In liquidation)`. The register is named as the policy
    gives it, never as a French RCS: an establishment abroad has another register."""
    register = " ".join(value for value in (place.register_city, place.register_number) if isinstance(value, str))
    details = [
        *([country(place.country, words)] if place.country else []),
        *([words("label.trade_register") + words("punct.colon") + register] if register else []),
        *([localize(place.status, words)] if place.status else []),
    ]
    if not details:
        return place.address
    return words("label.establishment_details", address=place.address, details=words("punct.semicolon").join(details))


def special(found: SpecialCategories, words: Wording) -> str:
    """What the policy says of special categories of data: that it processes them, that it does not, or its words."""
    if found.processed is None:
        return localize(found.statement, words)
    return words("label.answer_yes" if found.processed else "label.answer_no")


def purpose_with_bases(purpose: Purpose, words: Wording) -> str:
    """A purpose named with the legal bases the policy gives it (Art. 13(1)(c)), as a purpose added or removed is
    told: `Fraud prevention (legal basis: Legitimate interests)`."""
    bases = purpose.legal_bases
    named = (
        join((words(f"legal_basis.{b.basis}.name") for b in bases), words)
        if isinstance(bases, tuple) and bases
        else words("label.not_stated_short")
    )
    return words("change.purpose_with_bases", name=localize(purpose.name, words), bases=named)


def purpose_role(role: PurposeRole, words: Wording) -> str:
    """A purpose's role in words: `Data controller`, `Processor on behalf of the Customer (GDPR Art. 28)`."""
    named = role.on_behalf_of
    controller = localize(named, words) if isinstance(named, Text) else words("role.unnamed_controller")
    if role.acts_as == "other_controller":
        return words("role.other_controller_named", controller=controller)
    if role.acts_as != "processor":
        return words(f"role.{role.acts_as}")
    return words("role.processor_for", controllers=controller)


def value(item: Any, kind: str, words: Wording) -> str:
    """One old or new value of a change, in words; `kind` tells codes apart (legal bases, rights, safeguards)."""
    if isinstance(item, (tuple, list)):
        return listed(item, [value(part, kind, words) for part in item], words) or words("label.none")
    for model_type, name in _NAMERS:
        if isinstance(item, model_type):
            return name(item, words)
    if isinstance(item, str):
        if kind == "legal_basis_changed":
            return words(f"legal_basis.{item}.name")
        if kind.startswith("right_"):
            return words(f"right.{item}.name")
        if kind == "safeguards_changed":
            return words(f"safeguard.{item}")  # a coded instrument; OtherSafeguard is named by _NAMERS above
        if kind == "role_changed":
            return words(f"role.{item}")
        if kind == "sale_changed":  # `possible`: the policy presents a sale as possible
            return words(f"layer.answer.{item}")
        if kind == "cookie_partners_purposes_changed":
            return words(f"cookie_purpose.{item}")
        if kind.startswith("transfer"):
            return country(item, words)
    if kind in ("contact_changed", "dpo_changed", "rights_contact_changed", "right_contact_changed"):
        return _contact(item, words)
    return localize(item, words)


def _coded(item: Any, vocabulary: str | None, words: Wording) -> str:
    """A value of a field whose codes are worded by a vocabulary (`legal_form.sas`, a country's name)."""
    if isinstance(item, Together):  # one record's parts, side by side; silence said once
        stated = [_coded(part, vocabulary, words) for part in item if part is not NOT_STATED and part is not None]
        return " ".join(stated) if stated else localize(None, words)
    if isinstance(item, tuple):  # an empty list: the policy lists nothing, which is not "none"
        return listed(item, [_coded(part, vocabulary, words) for part in item], words) or localize(None, words)
    if isinstance(item, Link):
        return value(item.target, "", words)
    if isinstance(item, str) and vocabulary == "country":
        return country(item, words)
    if isinstance(item, str) and vocabulary is not None:
        return words(f"{vocabulary}.{item}")
    return value(item, "", words)


def _field_change(item: Any, words: Wording) -> str:
    """A declared field that changed, named by its label (and the item of a list it belongs to), before → after."""
    label, owner, vocabulary = item.subject
    field = words(label)
    subject = field if owner is None else words("change.field_of", field=field, item=value(owner, "", words))
    old, new = (_coded(value, vocabulary, words) for value in (item.old, item.new))
    return words("change.field_changed", subject=subject, old=old, new=new)


# The changes whose subject is a wording key: a notice heading, or the label of the field that changed.
_NAMED_BY_KEY = frozenset(("wording_changed", "facts_changed", "attention_changed"))


def change(item: Any, words: Wording) -> str:
    """A change in one sentence, from the `change.<kind>` wording."""
    kind = item.kind
    if kind == "field_changed":
        return _field_change(item, words)
    subject_kind = "transfer" if kind == "safeguards_changed" else kind  # its subject is a destination (transfer_*)
    return words(
        f"change.{kind}",
        subject=words(item.subject) if kind in _NAMED_BY_KEY else value(item.subject, subject_kind, words),
        old=value(item.old, kind, words),
        new=value(item.new, kind, words),
    )


def is_stated(value: Stated[_Given] | NoneStated | None) -> TypeGuard[_Given]:
    """Jinja test: a value the policy gives (not missing, not not_stated, not an explicit none, not empty); to mypy,
    the value without NOT_STATED."""
    return value is not None and value is not NOT_STATED and value != NONE and value != () and value != []


def is_none(value: Any) -> bool:
    """Jinja test: the policy states explicitly that there is none (the only way to print a negative statement)."""
    return bool(value == NONE)
