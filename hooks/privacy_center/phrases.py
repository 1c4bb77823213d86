"""Plain-text phrases built from controlled codes and the wording files (no markup: templates escape them)."""
from __future__ import annotations

from typing import Any, Iterable

from babel.lists import format_list

from .model import NOT_STATED, ContactPoint, DataCategory, DataSubject, Duration, Recipient, RetentionPeriod, Text
from .model import DpoRegistration, OtherSafeguard, PartnerNames
from .wording import Wording


def localize(value: Any, words: Wording) -> str:
    """A value as text in the wording's language; not_stated becomes the 'not stated' label."""
    if value is None or value == NOT_STATED:
        return words("label.not_stated_short")
    if isinstance(value, Text):
        return words.typeset(value.get(words.language))
    if isinstance(value, Duration):
        return duration(value, words)
    if isinstance(value, bool):
        return words("label.answer_yes" if value else "label.answer_no")
    return str(value)


def join(items: Iterable[str], words: Wording) -> str:
    """A list in running text by the language's own rules (CLDR): `A, B et C`, `A, B, and C`."""
    return format_list([str(item) for item in items], style="standard", locale=words.language)


def duration(value: Duration, words: Wording) -> str:
    """`13 months`, `1 mois`."""
    form = "one" if value.value == 1 else "other"
    return f"{value.value} {words(f'unit.{value.unit}.{form}')}"


def _event(event: Any, form: str, words: Wording) -> str:
    if isinstance(event, Text):
        return event.get(words.language)
    return words(f"event.{event}.{form}")


def retention(period: RetentionPeriod, words: Wording) -> str:
    """A retention period in words: `3 years from the last contact`."""
    kind = period.kind
    if kind == "fixed":
        return words("retention.fixed", duration=duration(period.duration, words))
    if kind == "from_event":
        return words("retention.from_event", duration=duration(period.duration, words),
                     event=_event(period.event, "from", words))
    if kind == "until_event":
        return words("retention.until_event", event=_event(period.event, "until", words))
    if kind == "relationship":
        if isinstance(period.plus, Duration):
            return words("retention.relationship_plus_duration", duration=duration(period.plus, words))
        if period.plus == "legal_period":
            return words("retention.relationship_plus_legal")
        return words("retention.relationship")
    if kind == "criteria":
        return period.text.get(words.language) if period.text else ""
    if kind == "first_of":
        return words("retention.first_of_joiner").join(retention(p, words) for p in period.periods)
    return words(f"retention.{kind}")


def category_name(category: DataCategory, words: Wording) -> str:
    """A data category's own label, or its code's wording."""
    return category.label.get(words.language) if category.label else words(f"data_category.{category.code}")


def subject_name(subject: DataSubject, words: Wording) -> str:
    """A data subject category's own label, or its code's wording."""
    return subject.label.get(words.language) if subject.label else words(f"data_subject.{subject.code}")


def recipient_name(recipient: Recipient, words: Wording) -> str:
    """A recipient's name, or its kind where the policy does not name it."""
    if recipient.name is None or recipient.name == NOT_STATED:
        return words(f"recipient_kind.{recipient.kind}")
    return localize(recipient.name, words)


def country(code: str, words: Wording) -> str:
    """A country or region code in words."""
    return words(f"country.{code}")


def safeguard(item: Any, words: Wording) -> str:
    """A transfer safeguard: a coded instrument's wording, or another instrument in the policy's words."""
    if isinstance(item, OtherSafeguard):
        return words("label.safeguard_other", text=localize(item.text, words))
    return words(f"safeguard.{item}")


def including(items: str, exhaustive: bool, words: Wording) -> str:
    """A joined list as the policy gives it: in full, or as examples (`notamment A et B`, `including A and B`)."""
    return items if exhaustive else words("list.including", items=items)


def partner_names(names: PartnerNames, words: Wording) -> str:
    """Cookie partners' names in running text, marked as examples when the policy gives only some."""
    return including(join(names.names, words), names.exhaustive, words)


def registration(item: DpoRegistration, words: Wording) -> str:
    """`Désigné auprès de la CNIL le 25 mai 2018 sous le numéro DPO-12345` (no final full stop)."""
    authority = words(f"authority.{item.authority}.in_sentence")
    if item.date:
        return words("label.dpo_registration_dated", authority=authority, date=date(item.date, words),
                     number=item.number)
    return words("label.dpo_registration", authority=authority, number=item.number)


def date(value: str, words: Wording) -> str:
    """An ISO date in words (`9 mars 2026`); not_stated becomes 'date not stated'."""
    if value == NOT_STATED:
        return words("label.date_not_stated")
    year, month, day = value.split("-")
    return words("date.format", day=int(day), month=words(f"date.months.m{month}"), year=year)


def _contact(value: Any, words: Wording) -> str:
    """A contact point in one line: its email, else its postal address, else its form."""
    if value is None or value == NOT_STATED:
        return localize(value, words)
    if isinstance(value, ContactPoint):
        return next((v for v in (value.email, value.postal_address, value.web_form) if v and v != NOT_STATED),
                    localize(NOT_STATED, words))
    return _contact(value.contact, words) if getattr(value, "contact", None) else localize(value.appointed, words)


def value(item: Any, kind: str, words: Wording) -> str:
    """One old or new value of a change, in words; `kind` tells codes apart (legal bases, rights, safeguards)."""
    if isinstance(item, (tuple, list)):
        return join((value(part, kind, words) for part in item), words) or words("label.none")
    if isinstance(item, OtherSafeguard):
        return safeguard(item, words)
    if isinstance(item, PartnerNames):
        return partner_names(item, words)
    if isinstance(item, DpoRegistration):
        return registration(item, words)
    if isinstance(item, RetentionPeriod):
        return retention(item, words)
    if isinstance(item, DataCategory):
        return category_name(item, words)
    if isinstance(item, str) and item != NOT_STATED:
        if kind == "legal_basis_changed":
            return words(f"legal_basis.{item}.name")
        if kind.startswith("right_"):
            return words(f"right.{item}.name")
        if kind == "safeguards_changed":
            return words(f"safeguard.{item}")
        if kind == "cookie_partners_purposes_changed":
            return words(f"cookie_purpose.{item}")
        if kind.startswith("transfer"):
            return country(item, words)
        if kind in ("wording_changed", "attention_changed"):  # the subject is a heading's wording key
            return words(item)
    if kind in ("contact_changed", "dpo_changed", "rights_contact_changed"):
        return _contact(item, words)
    return localize(item, words)


def change(item: Any, words: Wording) -> str:
    """A change in one sentence, from the `change.<kind>` wording."""
    kind = item.kind
    subject_kind = "transfer" if kind == "safeguards_changed" else kind  # its subject is a destination (transfer_*)
    return words(f"change.{kind}", subject=value(item.subject, subject_kind, words), old=value(item.old, kind, words),
                 new=value(item.new, kind, words))
