"""The first layer of an overview: the answers a visitor looks for, each read from the data as yes / no / not stated.

Layered notices are what the EDPB transparency guidelines (WP260 rev.01, paragraphs 35-38) recommend: the first layer
says who is responsible, how to exercise the rights and what has the most impact on the person. Every answer here
comes from an explicit value of the data; silence is `not_stated`, never "no" (templates word the answers).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import NOT_STATED, Company, CookiePurpose, DataCategory, Text

Answer = Literal["yes", "no", "possible", "statement", "not_stated"]
"""An answer of the first layer: `yes` / `no` from an explicit value, `possible` when the policy presents it as a
possibility (transfers, GDPR Art. 13(1)(f)), `statement` when the policy addresses the question only in its own
words (a special-categories text, Art. 9), `not_stated` when it is silent."""

Consent = bool | Literal["not_stated"]
"""Whether the policy says consent is asked (ePrivacy Directive Art. 5(3); GDPR Art. 6(1)(a), 7)."""

Channel = Literal["email", "postal", "web_form", "none"]
"""The one prominent way to exercise a right (GDPR Art. 12(2), 13(2)(b)): the first the data gives, email first."""


@dataclass(frozen=True)
class KeyFacts:
    """The first layer's answers for one company."""

    sold: Answer
    advertising: Answer
    advertising_consent: Consent
    outside_eu: Answer
    consent_cookies: Answer
    consent_purposes: tuple[CookiePurpose, ...]
    no_cookies: bool
    automated: Answer
    profiling: bool | Literal["not_stated"]
    sensitive: Answer
    sensitive_categories: tuple[DataCategory, ...]
    complaint: Answer
    channel: Channel


def _cookie_uses(company: Company) -> list[tuple[str, Consent]]:
    """(purpose code, consent required) for every cookie item and every purpose the partners' cookies serve."""
    cookies = company.cookies
    uses: list[tuple[str, Consent]] = [(c.purpose, c.consent_required) for c in cookies.items]
    partners = cookies.partners
    if partners is not None and partners.purposes != NOT_STATED:
        uses.extend((code, partners.consent_required) for code in partners.purposes)
    return uses


def _consent_cookies(company: Company, uses: list[tuple[str, Consent]]) -> Answer:
    if company.cookies.used is False:
        return "no"
    if any(consent is True for _, consent in uses):
        return "yes"
    if uses and all(consent is False for _, consent in uses):
        return "no"
    return "not_stated"


def _advertising(uses: list[tuple[str, Consent]]) -> tuple[Answer, Consent]:
    consents = [consent for code, consent in uses if code == "advertising"]
    if not consents:
        return "not_stated", NOT_STATED
    if all(consent is True for consent in consents):
        return "yes", True
    if all(consent is False for consent in consents):
        return "yes", False
    return "yes", NOT_STATED


def _automated(company: Company) -> tuple[Answer, bool | Literal["not_stated"]]:
    decisions = company.automated_decisions
    if decisions == NOT_STATED:
        return "not_stated", NOT_STATED
    profiling = decisions.profiling if isinstance(decisions.profiling, bool) else NOT_STATED
    return ("yes" if decisions.exists or profiling is True else "no"), profiling


def _channel(company: Company) -> Channel:
    contact = company.rights.contact
    if contact.email not in (None, NOT_STATED):
        return "email"
    if contact.postal_address not in (None, NOT_STATED):
        return "postal"
    return "web_form" if contact.web_form else "none"


def key_facts(company: Company) -> KeyFacts:
    """What the first layer answers, from the data only."""
    uses = _cookie_uses(company)
    advertising, advertising_consent = _advertising(uses)
    automated, profiling = _automated(company)
    transfers = company.transfers
    outside: Answer = (
        "not_stated"
        if transfers == NOT_STATED
        else ("possible" if transfers.outside_eu == "possible" else "yes" if transfers.outside_eu else "no")
    )
    sensitive = tuple(c for c in company.data_categories if c.sensitive)
    consent_purposes: list[CookiePurpose] = []
    for code, consent in uses:
        if consent is True and code != NOT_STATED and code not in consent_purposes:
            consent_purposes.append(code)  # type: ignore[arg-type]
    return KeyFacts(
        sold="not_stated" if company.sale == NOT_STATED else "yes" if company.sale.sold else "no",
        advertising=advertising,
        advertising_consent=advertising_consent,
        outside_eu=outside,
        consent_cookies=_consent_cookies(company, uses),
        consent_purposes=tuple(consent_purposes),
        no_cookies=company.cookies.used is False,
        automated=automated,
        profiling=profiling,
        sensitive="yes" if sensitive else "statement" if isinstance(company.special_categories, Text) else "not_stated",
        sensitive_categories=sensitive,
        complaint="yes" if company.authority.mentioned else "not_stated",
        channel=_channel(company),
    )
