"""The company's identity on the notice (GDPR Art. 13(1)(a)): one line per declared field of `company` that has a
`label` (model/declaration.py), in the order the fields are declared, worded in Python for a template that only
prints. A field declared with a label and stated by the policy is shown with no edit here or in a template; only a
field worded in its own way (a code, the register entry, the labelled addresses) has a line-maker below."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..model.declaration import COMPANY
from ..model.model import Company, Identity
from ..source.wording import Wording
from .phrases import establishment_address, is_stated, localize


@dataclass(frozen=True)
class Line:
    """One fact of the controller's identity: its label and its value, in words, as plain text."""

    label: str
    value: str


def _plain(value: Any, words: Wording) -> str:
    """A name or an address as the policy writes it; a text, an amount or a list in the page's language."""
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return ", ".join(_plain(item, words) for item in value)
    return localize(value, words)


def _legal_form(identity: Identity, label: str, words: Wording) -> Iterator[Line]:
    if is_stated(identity.legal_form):
        yield Line(words(label), words(f"legal_form.{identity.legal_form}"))


def _trade_register(identity: Identity, label: str, words: Wording) -> Iterator[Line]:
    if is_stated(identity.register_number):
        city = localize(identity.register_city, words)
        yield Line(words(label), words("label.trade_register_value", city=city, number=identity.register_number))


def _other_addresses(identity: Identity, label: str, words: Wording) -> Iterator[Line]:
    for place in identity.other_addresses:  # each labelled by the policy itself
        yield Line(localize(place.label, words), establishment_address(place, words))


def _apart(identity: Identity, label: str, words: Wording) -> Iterator[Line]:
    """A fact the template shows apart (the websites, as links it writes; the joint controllers' arrangement)."""
    return iter(())


# The declared fields worded in their own way (by field name); every other labelled field is printed as it is.
_WORDED: Mapping[str, Callable[[Identity, str, Wording], Iterator[Line]]] = {
    "legal_form": _legal_form,
    "trade_register": _trade_register,
    "other_addresses": _other_addresses,
    "websites": _apart,
    "joint_arrangement": _apart,  # with the joint controllers, after the facts
    "country": _apart,  # named in the address; the code itself is for the records
}


def identity_lines(company: Company, words: Wording) -> tuple[Line, ...]:
    """The controller's facts the policy states, in declaration order; silence gives no line (the completeness
    report names what Art. 13(1)(a) requires and the policy leaves out)."""
    identity = company.identity
    found: list[Line] = []
    for field in COMPANY.fields:
        worded = _WORDED.get(field.name)
        if worded is not None:
            found.extend(worded(identity, field.label or "", words))
        elif field.label is not None:
            value = getattr(identity, field.name)
            if is_stated(value):
                found.append(Line(words(field.label), _plain(value, words)))
    return tuple(found)
