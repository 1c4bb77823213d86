"""The completeness report: what GDPR Articles 13 and 14 require that a company's data leaves unstated.

One small function per rule, each naming its article; `RULES` lists them in report order. Rules about one purpose
(`PURPOSE_RULES`) or one transfer (`TRANSFER_RULES`) run entry by entry, so the report reads in file order.
tests/test_completeness.py holds one fixture per rule (`tests/fixtures/incomplete/<rule>.yaml`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, wraps
from typing import Any, TypeVar

from ..model.model import Gap
from ..source.diagnostics import Diagnostic, Path, format_path
from ..source.loader import SILENCE, Document
from ..source.wording import available_languages, load_wording
from .rules import transfer_items

ARTICLE_RIGHTS = ("access", "rectification", "erasure", "restriction", "objection", "portability")

Rule = Callable[[Document], Iterable[Diagnostic]]
EntryRule = Callable[[Document, Path, dict[str, Any]], Iterable[Diagnostic]]


Found = TypeVar("Found", bound=Callable[..., Iterable[Diagnostic]])


def _rule(function: Found) -> Found:
    """Mark each warning of a rule with the rule's name, so pages can word the gap per language (`gaps.<rule>`)."""

    @wraps(function)
    def tagged(*args: Any) -> Iterator[Diagnostic]:
        name = function.__name__
        for w in function(*args):  # a new Diagnostic field by field: dataclasses.replace is several times slower
            yield Diagnostic(w.file, w.line, w.column, w.path, w.message, w.fix, w.severity, name, w.article, w.subject)

    return tagged  # type: ignore[return-value]


def _warn(
    doc: Document,
    path: Path,
    what: str,
    article: str,
    subject: tuple[str, str] | None = None,
    fix: str = "ask the company and record the answer, or keep not_stated",
) -> Diagnostic:
    """A warning citing `article` ("Art. 13(2)(a)"), about one entry (`subject`: its kind and id) when there is one."""
    line, column = doc.position(path)
    return Diagnostic(
        doc.file,
        line,
        column,
        format_path(path),
        f"{what} [GDPR {article}]",
        fix,
        "warning",
        article=article.removeprefix("Art. "),
        subject=subject,
    )


@_rule
def legal_name(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(a): the identity of the controller."""
    if doc.data["company"]["legal_name"] == SILENCE:
        yield _warn(doc, ("company", "legal_name"), "controller's legal name not stated", "Art. 13(1)(a)")


@_rule
def registered_address(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(a): the controller's contact details, starting with its address."""
    if doc.data["company"]["registered_address"] == SILENCE:
        yield _warn(doc, ("company", "registered_address"), "controller's address not stated", "Art. 13(1)(a)")


def _no_channel(contact: dict[str, Any]) -> bool:
    return all(contact.get(key, SILENCE) == SILENCE for key in ("email", "postal_address", "web_form"))


@_rule
def controller_channel(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(a): some way to contact the controller (email, post or web form): the general contact, or an
    address the policy gives for the company (its registered office, another address)."""
    data = doc.data
    addresses = [
        data["company"]["registered_address"],
        *(a["address"] for a in data["company"].get("other_addresses", [])),
    ]
    if _no_channel(data["contacts"]["general"]) and all(address == SILENCE for address in addresses):
        yield _warn(doc, ("contacts", "general"), "no contact channel stated for the controller", "Art. 13(1)(a)")


@_rule
def controller_email(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(a): the controller's email, where another channel is given but the email is recorded unstated."""
    general = doc.data["contacts"]["general"]
    if not _no_channel(general) and general.get("email") == SILENCE:
        yield _warn(doc, ("contacts", "general", "email"), "contact email left blank or not stated", "Art. 13(1)(a)")


@_rule
def joint_arrangement(doc: Document) -> Iterator[Diagnostic]:
    """Art. 26(2): where controllers are joint, the essence of their arrangement is made available to the people."""
    company = doc.data["company"]
    if company.get("joint_controllers") and company.get("joint_arrangement", SILENCE) == SILENCE:
        path = ("company", "joint_arrangement") if "joint_arrangement" in company else ("company", "joint_controllers")
        yield _warn(doc, path, "joint controllers named without the essence of their arrangement", "Art. 26(2)")


@_rule
def dpo(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(b): the contact details of the data protection officer, where applicable."""
    if doc.data["contacts"]["dpo"] == SILENCE:
        yield _warn(doc, ("contacts", "dpo"), "whether a DPO is appointed is not stated", "Art. 13(1)(b)")


@_rule
def purpose_legal_basis(doc: Document, path: Path, purpose: dict[str, Any]) -> Iterator[Diagnostic]:
    """Art. 13(1)(c): the legal basis of each purpose."""
    if purpose["legal_bases"] == SILENCE:
        yield _warn(
            doc,
            (*path, "legal_bases"),
            f"purpose '{purpose['id']}': legal basis not stated",
            "Art. 13(1)(c)",
            ("purpose", purpose["id"]),
        )


@_rule
def purpose_data_categories(doc: Document, path: Path, purpose: dict[str, Any]) -> Iterator[Diagnostic]:
    """Art. 14(1)(d): the categories of personal data concerned."""
    if purpose["data_categories"] == SILENCE:
        yield _warn(
            doc,
            (*path, "data_categories"),
            f"purpose '{purpose['id']}': data categories not stated",
            "Art. 14(1)(d)",
            ("purpose", purpose["id"]),
        )


@_rule
def purpose_recipients(doc: Document, path: Path, purpose: dict[str, Any]) -> Iterator[Diagnostic]:
    """Art. 13(1)(e): the recipients or categories of recipients; recipients the policy says data may go to for
    every purpose (`shared: true`) answer it for a purpose that names none of its own."""
    if any(recipient.get("shared") is True for recipient in doc.data["recipients"]):
        return
    if purpose["recipients"] == SILENCE:
        yield _warn(
            doc,
            (*path, "recipients"),
            f"purpose '{purpose['id']}': recipients not stated",
            "Art. 13(1)(e)",
            ("purpose", purpose["id"]),
        )


@_rule
def purpose_retention(doc: Document, path: Path, purpose: dict[str, Any]) -> Iterator[Diagnostic]:
    """Art. 13(2)(a): how long the data is kept, or the criteria that set it."""
    if purpose["retention"] == SILENCE:
        yield _warn(
            doc,
            (*path, "retention"),
            f"purpose '{purpose['id']}': retention period not stated",
            "Art. 13(2)(a)",
            ("purpose", purpose["id"]),
        )


@_rule
def purpose_mandatory(doc: Document, path: Path, purpose: dict[str, Any]) -> Iterator[Diagnostic]:
    """Art. 13(2)(e): whether providing the data is required, and what happens if it is not; a general statement
    (`mandatory_data`: "mandatory fields are marked with an asterisk") answers it for every purpose."""
    if purpose["mandatory"] == SILENCE and "mandatory_data" not in doc.data:
        yield _warn(
            doc,
            (*path, "mandatory"),
            f"purpose '{purpose['id']}': whether providing the data is required not stated",
            "Art. 13(2)(e)",
            ("purpose", purpose["id"]),
        )


@_rule
def purpose_source(doc: Document, path: Path, purpose: dict[str, Any]) -> Iterator[Diagnostic]:
    """Art. 14(2)(f): where data not obtained from the person comes from."""
    if purpose["source"] == SILENCE:
        yield _warn(
            doc,
            (*path, "source"),
            f"purpose '{purpose['id']}': source of the data not stated",
            "Art. 14(2)(f)",
            ("purpose", purpose["id"]),
        )


PURPOSE_RULES: tuple[EntryRule, ...] = (
    purpose_legal_basis,
    purpose_data_categories,
    purpose_recipients,
    purpose_retention,
    purpose_mandatory,
    purpose_source,
)


def purposes(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(c), 13(1)(e), 13(2)(a), 13(2)(e), 14(1)(d), 14(2)(f): each purpose, through `PURPOSE_RULES`."""
    for index, purpose in enumerate(doc.data["purposes"]):
        for rule in PURPOSE_RULES:
            yield from rule(doc, ("purposes", index), purpose)


@_rule
def legitimate_interest(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(d): the legitimate interest pursued, where it is the basis."""
    for path, value in doc.nodes:
        if path and path[-1] == "interest" and value == SILENCE:
            of = ("purpose", doc.data["purposes"][path[1]]["id"]) if path[0] == "purposes" else None
            yield _warn(doc, path, "legitimate interest pursued not stated", "Art. 13(1)(d)", of)


@_rule
def recipient_named(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(e): who the recipients are."""
    for index, recipient in enumerate(doc.data["recipients"]):
        if recipient["name"] == SILENCE:
            yield _warn(
                doc,
                ("recipients", index, "name"),
                f"recipient '{recipient['id']}' not named",
                "Art. 13(1)(e)",
                ("recipient", recipient["id"]),
            )


@_rule
def cookie_partners_named(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(e): who sets cookies, where the policy speaks of "each partner concerned" and names none."""
    partners = doc.data["cookies"].get("partners")
    if isinstance(partners, dict) and partners.get("names") == SILENCE:
        yield _warn(doc, ("cookies", "partners", "names"), "cookie partners not named", "Art. 13(1)(e)")


@_rule
def transfers_stated(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(f): whether the controller intends to transfer data outside the EU."""
    if doc.data["transfers"] == SILENCE:
        yield _warn(doc, ("transfers",), "whether data leaves the EU is not stated", "Art. 13(1)(f)")


@_rule
def transfer_destination(doc: Document, path: Path, item: dict[str, Any]) -> Iterator[Diagnostic]:
    """Art. 13(1)(f): the third country a transfer goes to."""
    if item["destination"] == SILENCE:
        yield _warn(
            doc,
            (*path, "destination"),
            f"transfer '{item['id']}': destination country not stated",
            "Art. 13(1)(f)",
            ("transfer", item["id"]),
        )


@_rule
def transfer_safeguards(doc: Document, path: Path, item: dict[str, Any]) -> Iterator[Diagnostic]:
    """Art. 13(1)(f): the adequacy decision or the appropriate safeguard a transfer relies on."""
    if item["safeguards"] == SILENCE:
        yield _warn(
            doc,
            (*path, "safeguards"),
            f"transfer '{item['id']}': safeguard not stated",
            "Art. 13(1)(f)",
            ("transfer", item["id"]),
        )


@_rule
def transfer_copy(doc: Document, path: Path, item: dict[str, Any]) -> Iterator[Diagnostic]:
    """Art. 13(1)(f): the means to obtain a copy of the safeguards, or where they have been made available."""
    if "copy_available" not in item:
        yield _warn(
            doc,
            path,
            f"transfer '{item['id']}': how to obtain a copy of the safeguards not stated",
            "Art. 13(1)(f)",
            ("transfer", item["id"]),
        )


TRANSFER_RULES: tuple[EntryRule, ...] = (transfer_destination, transfer_safeguards, transfer_copy)


def transfers(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(1)(f): each transfer outside the EU, through `TRANSFER_RULES`."""
    for path, item in transfer_items(doc):
        for rule in TRANSFER_RULES:
            yield from rule(doc, path, item)


@_rule
def retention_rule_period(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(2)(a): the period of each retention rule."""
    for index, rule in enumerate(doc.data["retention_rules"]):
        if rule["period"]["kind"] == SILENCE:
            yield _warn(
                doc,
                ("retention_rules", index, "period"),
                f"retention rule '{rule['id']}': period not stated",
                "Art. 13(2)(a)",
                ("retention_rule", rule["id"]),
            )


def _offered(doc: Document) -> set[str]:
    return {right["code"] for right in doc.data["rights"]["offered"]}


@_rule
def article_rights(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(2)(b): the rights of access, rectification, erasure, restriction, objection and portability."""
    offered = _offered(doc)
    for code in ARTICLE_RIGHTS:
        if code not in offered:
            yield _warn(doc, ("rights", "offered"), f"right '{code}' not mentioned", "Art. 13(2)(b)", ("right", code))


@_rule
def withdraw_consent(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(2)(c): the right to withdraw consent at any time, where consent is a basis."""
    if "withdraw_consent" in doc.data["rights"].get("not_stated", []):
        yield _warn(doc, ("rights", "not_stated"), "how to withdraw consent not stated", "Art. 13(2)(c)")


@_rule
def complaint(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(2)(d): the right to lodge a complaint with a supervisory authority."""
    if not doc.data["supervisory_authority"]["mentioned"] or "complaint" not in _offered(doc):
        yield _warn(
            doc,
            ("supervisory_authority",),
            "right to lodge a complaint with the supervisory authority not mentioned",
            "Art. 13(2)(d)",
        )


@_rule
def rights_channel(doc: Document) -> Iterator[Diagnostic]:
    """Art. 12(2): the controller facilitates the exercise of rights: some channel to send a request to."""
    rights = doc.data["rights"]
    if _no_channel(rights["contact"]) and "via_controller" not in rights:  # a processor sends people to the controller
        yield _warn(doc, ("rights", "contact"), "no channel stated to exercise rights", "Art. 12(2)")


@_rule
def rights_email(doc: Document) -> Iterator[Diagnostic]:
    """Art. 12(2): the email for requests, where another channel is given but the email is recorded unstated."""
    contact = doc.data["rights"]["contact"]
    if not _no_channel(contact) and contact.get("email") == SILENCE:
        yield _warn(doc, ("rights", "contact", "email"), "rights email left blank or not stated", "Art. 12(2)")


@_rule
def response_delay(doc: Document) -> Iterator[Diagnostic]:
    """Art. 12(3): the time within which a request is answered."""
    if doc.data["rights"]["response_delay"] == SILENCE:
        yield _warn(doc, ("rights", "response_delay"), "response time to requests not stated", "Art. 12(3)")


@_rule
def automated_decisions_stated(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(2)(f): whether automated decision-making, including profiling, takes place."""
    if doc.data["automated_decisions"] == SILENCE:
        yield _warn(
            doc,
            ("automated_decisions",),
            "whether automated decisions or profiling take place not stated",
            "Art. 13(2)(f)",
        )


@_rule
def automated_decision_details(doc: Document) -> Iterator[Diagnostic]:
    """Art. 13(2)(f): the logic involved and the envisaged consequences of automated decisions that take place."""
    decisions = doc.data["automated_decisions"]
    if isinstance(decisions, dict) and decisions["exists"]:
        for part in ("logic", "consequences"):
            if decisions.get(part, SILENCE) == SILENCE:
                yield _warn(
                    doc,
                    ("automated_decisions",),
                    f"automated decision {part} not stated",
                    "Art. 13(2)(f)",
                    ("automated_part", part),
                )


@_rule
def version_date(doc: Document) -> Iterator[Diagnostic]:
    """Art. 12(1): transparent information says from when it applies: each version's effective date."""
    for index, version in enumerate(doc.data["versions"]):
        if version["date"] == SILENCE:
            yield _warn(
                doc,
                ("versions", index, "date"),
                f"version {version['version']}: effective date not stated",
                "Art. 12(1)",
                ("version", version["version"]),
            )


@lru_cache(maxsize=1)
def _placeholders() -> dict[str, str]:
    """What `privacy-center new` writes where a text must come from the policy, per language (wording files)."""
    return {language: load_wording(language)("scaffold.placeholder") for language in available_languages()}


@_rule
def placeholder_left(doc: Document) -> Iterator[Diagnostic]:
    """Art. 12(1): the information is the policy's, in intelligible words: no text left as the placeholder that
    `privacy-center new` wrote for the author to replace."""
    placeholders = _placeholders()
    for path, value in doc.nodes:
        if type(value) is dict and any(value.get(language) == text for language, text in placeholders.items()):
            yield _warn(
                doc,
                path,
                "text still the placeholder written by privacy-center new",
                "Art. 12(1)",
                fix="replace it with the words of the policy",
            )


RULES: tuple[Rule, ...] = (
    legal_name,
    registered_address,
    joint_arrangement,
    controller_channel,
    controller_email,
    dpo,
    purposes,
    legitimate_interest,
    recipient_named,
    cookie_partners_named,
    transfers_stated,
    transfers,
    retention_rule_period,
    article_rights,
    withdraw_consent,
    complaint,
    rights_channel,
    rights_email,
    response_delay,
    automated_decisions_stated,
    automated_decision_details,
    version_date,
    placeholder_left,
)


def completeness(doc: Document) -> list[Diagnostic]:
    """Warnings for every Art. 13/14 item the data records as not stated or leaves out, in `RULES` order."""
    return [warning for rule in RULES for warning in rule(doc)]


ENTRY_RULES: dict[Rule, tuple[EntryRule, ...]] = {purposes: PURPOSE_RULES, transfers: TRANSFER_RULES}
ALL_RULES: tuple[Callable[..., Iterable[Diagnostic]], ...] = tuple(
    leaf for rule in RULES for leaf in ENTRY_RULES.get(rule, (rule,))
)
"""Every rule that finds something, entry rules in place of the function that runs them: one fixture each."""


RULE_ORDER: dict[str, int] = {rule.__name__: index for index, rule in enumerate(ALL_RULES)}


def summarise(warnings: Iterable[Diagnostic]) -> tuple[Gap, ...]:
    """One Gap per completeness rule that found something, in the rules' order, its entries in file order (other
    warnings, such as an unreleased edit previewed by `mkdocs serve`, are no gap of the policy)."""
    grouped: dict[str, list[Diagnostic]] = {}
    for warning in warnings:
        if warning.rule in RULE_ORDER:
            grouped.setdefault(warning.rule, []).append(warning)
    gaps = []
    for rule, found in sorted(grouped.items(), key=lambda item: RULE_ORDER[item[0]]):
        subjects = [w.subject for w in found if w.subject is not None]
        ids = tuple(dict.fromkeys(subject[1] for subject in subjects))
        gaps.append(Gap(rule, found[0].article, subjects[0][0] if subjects else None, ids))  # type: ignore[arg-type]
    return tuple(gaps)
