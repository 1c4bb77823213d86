"""The completeness report: what GDPR Articles 13 and 14 require that a company's data leaves unstated."""
from __future__ import annotations

from typing import Iterator

from .diagnostics import Diagnostic
from .loader import Document
from .rules import NOT_STATED

ARTICLE_RIGHTS = ("access", "rectification", "erasure", "restriction", "objection", "portability")


def _warn(doc: Document, path: tuple, what: str, article: str) -> Diagnostic:
    return doc.diagnostic(path, f"{what} [GDPR {article}]",
                          "ask the company and record the answer, or keep not_stated", severity="warning")


def completeness(doc: Document) -> list[Diagnostic]:
    """Warnings for every Art. 13/14 item the data records as not stated or leaves out."""
    return list(_missing(doc))


def _missing(doc: Document) -> Iterator[Diagnostic]:
    data = doc.data
    company = data["company"]
    if company["legal_name"] == NOT_STATED:
        yield _warn(doc, ("company", "legal_name"), "controller's legal name not stated", "Art. 13(1)(a)")
    if company["registered_address"] == NOT_STATED:
        yield _warn(doc, ("company", "registered_address"), "controller's address not stated", "Art. 13(1)(a)")
    general = data["contacts"]["general"]
    if general.get("email", NOT_STATED) == NOT_STATED and general.get("postal_address", NOT_STATED) == NOT_STATED \
            and "web_form" not in general:
        yield _warn(doc, ("contacts", "general"), "no contact channel stated for the controller", "Art. 13(1)(a)")
    elif general.get("email") == NOT_STATED:
        yield _warn(doc, ("contacts", "general", "email"), "contact email left blank or not stated", "Art. 13(1)(a)")
    if data["contacts"]["dpo"] == NOT_STATED:
        yield _warn(doc, ("contacts", "dpo"), "whether a DPO is appointed is not stated", "Art. 13(1)(b)")
    for index, purpose in enumerate(data["purposes"]):
        name = purpose["id"]
        base = ("purposes", index)
        if purpose["legal_bases"] == NOT_STATED:
            yield _warn(doc, base + ("legal_bases",), f"purpose '{name}': legal basis not stated", "Art. 13(1)(c)")
        if purpose["data_categories"] == NOT_STATED:
            yield _warn(doc, base + ("data_categories",), f"purpose '{name}': data categories not stated", "Art. 14(1)(d)")
        if purpose["recipients"] == NOT_STATED:
            yield _warn(doc, base + ("recipients",), f"purpose '{name}': recipients not stated", "Art. 13(1)(e)")
        if purpose["retention"] == NOT_STATED:
            yield _warn(doc, base + ("retention",), f"purpose '{name}': retention period not stated", "Art. 13(2)(a)")
        if purpose["mandatory"] == NOT_STATED:
            yield _warn(doc, base + ("mandatory",), f"purpose '{name}': whether providing the data is required not stated", "Art. 13(2)(e)")
        if purpose["source"] == NOT_STATED:
            yield _warn(doc, base + ("source",), f"purpose '{name}': source of the data not stated", "Art. 14(2)(f)")
    for path, value in doc.nodes:
        if path and path[-1] == "interest" and value == NOT_STATED:
            yield _warn(doc, path, "legitimate interest pursued not stated", "Art. 13(1)(d)")
    for index, recipient in enumerate(data["recipients"]):
        if recipient["name"] == NOT_STATED:
            yield _warn(doc, ("recipients", index, "name"), f"recipient '{recipient['id']}' not named", "Art. 13(1)(e)")
    yield from _transfers(doc)
    for index, rule in enumerate(data["retention_rules"]):
        if rule["period"]["kind"] == NOT_STATED:
            yield _warn(doc, ("retention_rules", index, "period"), f"retention rule '{rule['id']}': period not stated", "Art. 13(2)(a)")
    yield from _rights(doc)
    if data["automated_decisions"] == NOT_STATED:
        yield _warn(doc, ("automated_decisions",), "whether automated decisions or profiling take place not stated", "Art. 13(2)(f)")
    elif data["automated_decisions"]["exists"]:
        for part in ("logic", "consequences"):
            if data["automated_decisions"].get(part, NOT_STATED) == NOT_STATED:
                yield _warn(doc, ("automated_decisions",), f"automated decision {part} not stated", "Art. 13(2)(f)")
    for index, version in enumerate(data["versions"]):
        if version["date"] == NOT_STATED:
            yield _warn(doc, ("versions", index, "date"), f"version {version['version']}: effective date not stated", "Art. 12(1)")


def _transfers(doc: Document) -> Iterator[Diagnostic]:
    transfers = doc.data["transfers"]
    if transfers == NOT_STATED:
        yield _warn(doc, ("transfers",), "whether data leaves the EU is not stated", "Art. 13(1)(f)")
        return
    for index, item in enumerate(transfers.get("items", [])):
        path = ("transfers", "items", index)
        if item["destination"] == NOT_STATED:
            yield _warn(doc, path + ("destination",), f"transfer '{item['id']}': destination country not stated", "Art. 13(1)(f)")
        if item["safeguards"] == NOT_STATED:
            yield _warn(doc, path + ("safeguards",), f"transfer '{item['id']}': safeguard not stated", "Art. 13(1)(f)")
        if "copy_available" not in item:
            yield _warn(doc, path, f"transfer '{item['id']}': how to obtain a copy of the safeguards not stated", "Art. 13(1)(f)")


def _rights(doc: Document) -> Iterator[Diagnostic]:
    rights = doc.data["rights"]
    offered = {right["code"] for right in rights["offered"]}
    for code in ARTICLE_RIGHTS:
        if code not in offered:
            yield _warn(doc, ("rights", "offered"), f"right '{code}' not mentioned", "Art. 13(2)(b)")
    if "withdraw_consent" in rights.get("not_stated", []):
        yield _warn(doc, ("rights", "not_stated"), "how to withdraw consent not stated", "Art. 13(2)(c)")
    authority = doc.data["supervisory_authority"]
    if not authority["mentioned"] or "complaint" not in offered:
        yield _warn(doc, ("supervisory_authority",), "right to lodge a complaint with the supervisory authority not mentioned", "Art. 13(2)(d)")
    contact = rights["contact"]
    if all(contact.get(key, NOT_STATED) == NOT_STATED for key in ("email", "postal_address", "web_form")):
        yield _warn(doc, ("rights", "contact"), "no channel stated to exercise rights", "Art. 12(2)")
    elif contact.get("email") == NOT_STATED:
        yield _warn(doc, ("rights", "contact", "email"), "rights email left blank or not stated", "Art. 12(2)")
    if rights["response_delay"] == NOT_STATED:
        yield _warn(doc, ("rights", "response_delay"), "response time to requests not stated", "Art. 12(3)")
