"""A Fides manifest per company (fideslang 3.1): one `system` whose `privacy_declarations` are the notice's purposes,
in one language, as plain dicts (fideslang itself is a test-only dependency: the tests validate with its models).

Say only what the policy says: a `not_stated` fact is left out, never filled with a default or a guess. Where
fideslang requires a field the policy is silent on (a declaration's `data_categories`), the value is the empty list
and the system's `meta` says the field was not stated. Our codes become keys of fideslang's default taxonomy only
where the meaning matches (the tables below); every other purpose, category or subject is declared as a custom
taxonomy entry of the manifest, under a key namespaced by the company slug, and listed by `unmapped`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import yaml

from ..model import statements
from ..model.model import (
    NONE,
    NOT_STATED,
    Company,
    DataCategory,
    DataSubject,
    Including,
    Purpose,
    Recipient,
    Stated,
    Text,
)
from ..render.feeds import Asset
from ..render.outputs import Output
from ..render.phrases import category_name, including, join, purpose_recipients, recipient_name, retention, subject_name
from ..source.safety import INERT_JSON
from ..source.wording import Wording, load_wording

if TYPE_CHECKING:
    from .exports import CompanyFiles

FIDES_KEY: Final = re.compile(r"[a-zA-Z0-9_.<>-]+")  # fideslang.validation.FIDES_KEY_PATTERN
SYSTEM_TYPE: Final = "Privacy notice"  # System.system_type is required: what the system stands for, not a claim
META: Final = "privacy_center"  # the key of our own facts in System.meta

# GDPR Art. 6(1) bases as fideslang's LegalBasisForProcessingEnum ("Based upon article 6 of the GDPR").
LEGAL_BASIS: Final[dict[str, str]] = {
    "consent": "Consent",
    "contract": "Contract",
    "legal_obligation": "Legal obligations",
    "vital_interests": "Vital interests",
    "public_task": "Public interest",  # Art. 6(1)(e): a task carried out in the public interest
    "legitimate_interests": "Legitimate interests",
}

# Our data category codes (locales: `data_category.*`) as keys of fideslang's default taxonomy: the narrowest key
# whose description covers the whole category. A narrower key would claim less than the policy says, a parent
# such as `user` would say nothing; those codes are in NO_DATA_CATEGORY with the reason.
DATA_CATEGORY: Final[dict[str, str]] = {
    "contact": "user.contact",  # "Contact data collected about a user"
    "credentials": "user.authorization.credentials",  # "Authentication credentials to a system"
    # "Payment data related to user": billing and payment; user.financial adds financial history, which billing is not
    "billing": "user.payment",
    # "Behavioral data about the subject", whose children are browsing, search, purchase and media history
    "usage": "user.behavior",
    "device": "user.device",  # "Data related to a user's device, configuration and setting"
    "content": "user.content",  # "Content related to, or created by the subject"
    # "Records of the location of a user": precise or not, as the code does not say which (a phone's, a vehicle's)
    "location": "user.location",
}
NO_DATA_CATEGORY: Final[dict[str, str]] = {
    "identity": "fideslang has no identity category: user.name is only the name, user.government_id only state IDs",
    "professional": "user.job_title and user.workplace are each one item of professional information",
    "technical": "connection and technical data (logs, IP, browser) span user.device and system data: no one key",
    "cookies": "cookies and other trackers: user.device.cookie covers only data stored in a cookie",
    "application": "fideslang has no job application category (CV, cover letter)",
    "message": "messages and requests sent to the company: user.content is content of the service, a guess here",
    "identification": "electronic identifiers span user.unique_id, user.device.* and user.account.username",
    "preferences": "the code does not say which preferences (privacy, account settings, profile): each has its key",
    "social_profile": "a social network profile is neither user.social (activity) nor user.contact.url (a link)",
}

# Our data subject codes (locales: `data_subject.*`) as default data subjects, where the description matches.
DATA_SUBJECT: Final[dict[str, str]] = {
    "customer": "customer",  # "An individual or other organization that purchases goods or services"
    "active_customer": "customer",  # a current customer is exactly fideslang's customer (the "active" is implied)
    "prospect": "prospect",  # "to whom an organization is selling goods or services"
    "employee": "employee",  # "An individual employed by the organization"
    "job_applicant": "job_applicant",  # "An individual applying for employment to the organization"
}
NO_DATA_SUBJECT: Final[dict[str, str]] = {
    "inactive_customer": "a former customer no longer purchases: fideslang's customer is one who does",
    "user": "fideslang has only anonymous_user, for truly anonymous people",
    "visitor": "fideslang's visitor is an individual visiting a location, not a website",
    "newsletter_subscriber": "fideslang has no subscriber subject",
    "partner": "a partner is not necessarily a supplier_vendor, and fideslang has no partner subject",
    "customer_employee": "fideslang's employee is employed by the organization, not by its customer",
}

# What a company is for each purpose (statements.Role.acts_as) as fideslang's DataResponsibilityTitle.
RESPONSIBILITY: Final[dict[str, str]] = {
    "controller": "Controller",
    "joint_controller": "Controller",
    "processor": "Processor",
}

# Transfer instruments (model.Safeguard) as fideslang's LegalBasisForTransfersEnum values. Its "Other" would drop
# which instrument the policy names, so the other instruments are left out and listed by `unmapped`.
TRANSFER_BASIS: Final[dict[str, str]] = {
    "adequacy": "Adequacy Decision",  # Art. 45
    "scc": "SCCs",  # Art. 46(2)(c), (d)
    "bcr": "BCRs",  # Art. 46(2)(b), 47
}


# The yes/no facts of a system that fideslang fills with its default when the manifest leaves them out (false, for
# these): left out where the policy is silent, and named in `meta.privacy_center.not_stated`, as a declaration's are
# in `meta.privacy_center.declarations.<purpose>.not_stated` (there, fideslang reads an absent
# `flexible_legal_basis_for_processing` as true, and the other yes/no fields as false).
SYSTEM_DEFAULTS: Final = ("uses_profiling", "does_international_transfers", "uses_cookies")


@dataclass(frozen=True)
class Unmapped:
    """Something of the notice that got no fideslang key or value: `kind` (purpose, data_category, data_subject,
    legal_basis, safeguard), our `id` (of the purpose, category, subject or transfer), our `code` when it has one,
    and why."""

    kind: str
    id: str
    code: str | None
    reason: str


def fides_key(*parts: str) -> str:
    """A fides_key for an entry of this company: the parts joined by `-` (slugs have dashes, ids have none, so the
    key reads back unambiguously), checked against fideslang's FidesKey pattern."""
    found = "-".join(parts)
    if not FIDES_KEY.fullmatch(found):
        raise ValueError(f"not a fides_key: {found!r}")
    return found


def purpose_key(company: Company, purpose: Purpose) -> str:
    """The custom data use of a purpose (purposes have no code: every one is custom)."""
    return fides_key(company.slug, "purpose", purpose.id)


def category_key(company: Company, category: DataCategory) -> str:
    """The default taxonomy key of a category's code, or its custom key."""
    mapped = DATA_CATEGORY.get(category.code) if category.code else None
    return mapped or fides_key(company.slug, "category", category.id)


def subject_key(company: Company, subject: DataSubject) -> str:
    """The default taxonomy key of a data subject's code, or its custom key."""
    mapped = DATA_SUBJECT.get(subject.code) if subject.code else None
    return mapped or fides_key(company.slug, "subject", subject.id)


def _unique(keys: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(keys))


def _text(value: Stated[Text | str] | None, language: str) -> str | None:
    """A text in the language; None for absence and not_stated."""
    if value is None or value is NOT_STATED:
        return None
    return value.get(language) if isinstance(value, Text) else value


def _no_code_reason(table: dict[str, str], code: str | None, what: str) -> str:
    if code is None:
        return f"no code: the {what} is named only by the policy's own label"
    return table.get(code, f"no fideslang {what} is known to match the code {code!r}")


def unmapped(company: Company) -> list[Unmapped]:
    """Every code or item of the notice that the manifest gives no fideslang key or value, in file order: each
    purpose (a custom data use), each category and subject without a matching default key (a custom entry), the
    legal bases of a purpose that states several (fideslang takes one), and the transfer instruments left out."""
    roles = statements.of(company)
    found = [
        Unmapped("purpose", p.id, None, "purposes have no code: a fideslang data use would be a guess")
        if roles.of(p).role.own
        else Unmapped("purpose", p.id, None, "another controller's processing, which the policy only describes")
        for p in company.purposes
    ]
    found += [
        Unmapped("data_category", c.id, c.code, _no_code_reason(NO_DATA_CATEGORY, c.code, "data category"))
        for c in company.data_categories
        if not (c.code and c.code in DATA_CATEGORY)
    ]
    found += [
        Unmapped("data_subject", s.id, s.code, _no_code_reason(NO_DATA_SUBJECT, s.code, "data subject"))
        for s in company.data_subjects
        if not (s.code and s.code in DATA_SUBJECT)
    ]
    for purpose in company.purposes:
        if purpose.legal_bases is not NOT_STATED and len(purpose.legal_bases) > 1:
            found += [
                Unmapped(
                    "legal_basis",
                    purpose.id,
                    basis.basis,
                    "the purpose states several legal bases; fideslang takes one per declaration: none is given",
                )
                for basis in purpose.legal_bases
            ]
    for transfer in statements.of(company).transfers:
        if transfer.instruments is NOT_STATED:
            continue
        for item in transfer.instruments:
            code = item if isinstance(item, str) else None
            if transfer.answer == "possible":
                reason = "the policy describes transfers only as possible: fideslang has no such value"
            elif transfer.alternatives:
                reason = "the policy gives the instruments as alternatives: fideslang's list would read as all of them"
            elif code not in TRANSFER_BASIS:
                reason = "fideslang's transfer bases are adequacy, SCCs, BCRs or Other (which would drop which)"
            else:
                continue
            found.append(Unmapped("safeguard", transfer.transfer.id, code, reason))
    return found


def _data_use(company: Company, purpose: Purpose, language: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"fides_key": purpose_key(company, purpose), "name": purpose.name.get(language)}
    if purpose.description is not None:
        entry["description"] = purpose.description.get(language)
    return entry


def _data_category(company: Company, category: DataCategory, words: Wording) -> dict[str, Any]:
    entry: dict[str, Any] = {"fides_key": category_key(company, category), "name": category_name(category, words)}
    parts = []
    if category.items:
        listed = join((item.get(words.language) for item in category.items), words)
        parts.append(including(category.items, listed, words))
    if category.note is not None:
        parts.append(category.note.get(words.language))
    if parts:
        entry["description"] = words("punct.semicolon").join(parts)
    return entry


def _data_subject(company: Company, subject: DataSubject, words: Wording) -> dict[str, Any]:
    entry: dict[str, Any] = {"fides_key": subject_key(company, subject), "name": subject_name(subject, words)}
    if subject.description is not None:
        entry["description"] = subject.description.get(words.language)
    return entry


def _shared_with_third_parties(
    purpose: Purpose, listed: Sequence[Recipient], outside: Sequence[Recipient]
) -> bool | None:
    """True when a recipient outside the company gets the data; False when the policy says there is no recipient,
    or lists (exhaustively) only its own departments; None when it does not say."""
    if outside:
        return True
    if purpose.recipients == NONE:
        return False
    if listed and isinstance(purpose.recipients, tuple) and not isinstance(purpose.recipients, Including):
        return False
    return None


def _declaration(company: Company, purpose: Purpose, words: Wording, silent: list[str]) -> dict[str, Any]:
    """One purpose as a privacy declaration; `silent` receives the fields the policy does not state."""
    language = words.language
    declaration: dict[str, Any] = {"name": purpose.name.get(language), "data_use": purpose_key(company, purpose)}
    silent.append("flexible_legal_basis_for_processing")  # no policy says whether a person may change the basis
    categories = purpose.data_categories
    if categories is NOT_STATED:
        declaration["data_categories"] = []  # required by fideslang: System.meta records the silence
        silent.append("data_categories")
    else:
        declaration["data_categories"] = _unique(category_key(company, c) for c in categories)
    special = statements.of(company).of(purpose).special
    if special.yes or special.no:  # fideslang reads an absent field as false: silence is left out and named
        declaration["processes_special_category_data"] = special.yes
    elif "processes_special_category_data" not in silent:
        silent.append("processes_special_category_data")
    if purpose.data_subjects is NOT_STATED:
        silent.append("data_subjects")
    else:
        declaration["data_subjects"] = _unique(subject_key(company, s) for s in purpose.data_subjects)
    if purpose.legal_bases is NOT_STATED:
        silent.append("legal_basis_for_processing")
    elif len(purpose.legal_bases) == 1:
        declaration["legal_basis_for_processing"] = LEGAL_BASIS[purpose.legal_bases[0].basis]
    if purpose.retention is NOT_STATED:
        silent.append("retention_period")
    else:
        declaration["retention_period"] = words("punct.semicolon").join(
            f"{rule.applies_to.get(language)}{words('punct.colon')}{retention(rule.period, words)}"
            for rule in purpose.retention
        )
    listed = company.recipients_of(purpose)
    outside = tuple(r for r in listed if r.kind != "internal")
    shared = _shared_with_third_parties(purpose, listed, outside)
    if shared is None:
        silent.append("data_shared_with_third_parties")
    else:
        declaration["data_shared_with_third_parties"] = shared
    if outside:
        own = purpose.recipients if isinstance(purpose.recipients, tuple) else ()
        mine = tuple(r for r in own if r.kind != "internal")
        kept = Including(mine) if isinstance(own, Including) else mine
        common = tuple(r for r in company.shared_recipients if r.kind != "internal")
        declaration["third_parties"] = purpose_recipients(kept, common, words)
    return declaration


def _identity_facts(company: Company, language: str) -> dict[str, Any]:
    """Who the system's company is: its description, policy address, legal name and address."""
    identity = company.identity
    facts: dict[str, Any] = {}
    if identity.description is not None:
        facts["description"] = identity.description.get(language)
    url = company.source.get("url")
    if isinstance(url, str):
        facts["privacy_policy"] = url
    if identity.legal_name is not NOT_STATED:
        facts["legal_name"] = identity.legal_name
    if identity.registered_address is not NOT_STATED:
        facts["legal_address"] = identity.registered_address
    return facts


def _dpo(company: Company) -> str | None:
    """The appointed DPO's name and ways to reach them, as the policy states them."""
    dpo = company.dpo
    if dpo is NOT_STATED or not dpo.appointed:
        return None
    ways = [dpo.name, *(dpo.contact.ways().values() if dpo.contact else ())]
    return " · ".join(way for way in ways if isinstance(way, str) and way) or None


def _joint_controllers(company: Company, words: Wording) -> str | None:
    """The joint controllers, their collective name and their arrangement, in one line."""
    identity = company.identity
    joint = [
        words("punct.colon").join(part for part in (j.legal_name, j.registered_address) if part is not NOT_STATED)
        for j in identity.joint_controllers
    ]
    arrangement = _text(identity.joint_arrangement, words.language)
    named = [text for text in (_text(identity.collective_name, words.language), *joint, arrangement) if text]
    return words("punct.semicolon").join(named) if identity.joint_controllers and named else None


def _security(company: Company, language: str) -> str | None:
    """The policy's security sentences, one a line."""
    measures = () if company.security_measures is NOT_STATED else company.security_measures
    security = [
        *([company.security_statement.get(language)] if company.security_statement else []),
        *(m.get(language) for m in measures),
    ]
    return "\n".join(security) if security else None


def _transfer_facts(found: statements.Statements) -> dict[str, Any]:
    """Whether data goes outside the EU and, when it does, on which instruments."""
    if found.outside_eu.no:
        return {"does_international_transfers": False}
    if not found.outside_eu.yes:
        return {}
    facts: dict[str, Any] = {"does_international_transfers": True}
    instruments = [  # instruments given as alternatives ("or") are not all relied on: left out
        TRANSFER_BASIS[item]
        for transfer in found.transfers
        if transfer.instruments is not NOT_STATED and not transfer.alternatives
        for item in transfer.instruments
        if isinstance(item, str) and item in TRANSFER_BASIS
    ]
    if instruments:
        facts["legal_basis_for_transfers"] = _unique(instruments)
    return facts


def _system_facts(company: Company, words: Wording) -> dict[str, Any]:
    """The system-level fields our data states."""
    language = words.language
    found = statements.of(company)
    facts: dict[str, Any] = {"responsibility": _unique(RESPONSIBILITY[role] for role in found.acts_as)}
    facts.update(_identity_facts(company, language))
    if dpo := _dpo(company):
        facts["dpo"] = dpo
    if joint := _joint_controllers(company, words):
        facts["joint_controller_info"] = joint
    if security := _security(company, language):
        facts["data_security_practices"] = security
    if found.cookies_used.stated:
        facts["uses_cookies"] = found.cookies_used.yes
    # uses_profiling is profiling "in a way that has a legal effect": stated by an Art. 22 decision based on
    # profiling; "no solely automated decision" does not rule out profiling with a legal effect, so never false
    if found.decisions_on_profiling:
        facts["uses_profiling"] = True
    facts.update(_transfer_facts(found))
    return facts


def _stated_otherwise(found: statements.Statements) -> dict[str, str]:
    """The system's yes/no fields left out because the policy answers them otherwise than yes or no (fideslang would
    read their absence as false): transfers it calls possible, profiling it states for a purpose rather than as an
    Art. 22 decision, or profiling in its own words."""
    otherwise = {}
    if found.outside_eu.answer == "possible":
        otherwise["does_international_transfers"] = (
            "possible: the policy describes transfers as possible or conditional"
        )
    if not found.decisions_on_profiling and found.profiling.answer in ("yes", "statement"):
        otherwise["uses_profiling"] = (
            "profiling stated for a purpose, not as a decision with legal effect (Art. 22)"
            if found.profiling.yes
            else "the policy speaks of profiling in its own words"
        )
    return otherwise


def _declaration_note(company: Company, purpose: Purpose, words: Wording, silent: list[str]) -> dict[str, Any]:
    """What a purpose's declaration cannot hold: its unstated fields, its reading, its legal bases, its internal
    recipients."""
    note: dict[str, Any] = {}
    if silent:
        note["not_stated"] = silent
    if statements.of(company).of(purpose).reading and purpose.note is not None:
        note["reading"] = words.typeset(purpose.note.get(words.language))  # its links are a reading of the policy
    if purpose.legal_bases is not NOT_STATED and len(purpose.legal_bases) > 1:
        note["legal_bases"] = [b.basis for b in purpose.legal_bases]
    internal = [r for r in company.recipients_of(purpose) if r.kind == "internal"]
    if internal:
        note["internal_recipients"] = [recipient_name(r, words) for r in internal]
    return note


def _meta(
    company: Company,
    language: str,
    facts: dict[str, Any],
    otherwise: dict[str, str],
    notes: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """The system's `meta` entry: version, language, what is not stated or stated otherwise, per-purpose notes."""
    version = company.current_version
    meta: dict[str, Any] = {"language": language, "version": version.version}
    if defaulted := [field for field in SYSTEM_DEFAULTS if field not in facts and field not in otherwise]:
        meta["not_stated"] = defaulted
    if otherwise:
        meta["stated_otherwise"] = otherwise  # the policy answers, in a way fideslang's yes/no cannot hold
    if version.date is not NOT_STATED:
        meta["date"] = version.date
    if notes:
        meta["declarations"] = notes
    return meta


def manifest(company: Company, language: str) -> dict[str, Any]:
    """The company's notice as a fideslang manifest, texts in `language`: `system` (one system, one privacy
    declaration per purpose in file order) and the custom `data_use` (every purpose), `data_category` and
    `data_subject` entries (those of the notice without a default key, cited by a purpose or not).

    `System.meta[META]` keeps the notice version, the language, the system's yes/no fields the policy leaves unstated
    (`not_stated`: fideslang reads them as false) and, per purpose id, what fideslang cannot hold: the fields the
    policy leaves unstated (`not_stated`), several legal bases (`legal_bases`) and the company's own
    departments among the recipients (`internal_recipients`). fideslang sorts declarations by name when it reads
    them; the manifest lists them in the notice's order."""
    words = load_wording(language)
    found_statements = statements.of(company)
    declarations = []
    notes: dict[str, dict[str, Any]] = {}
    own = [p for p in company.purposes if found_statements.of(p).role.own]  # another controller's: no data use
    for purpose in own:
        silent: list[str] = []
        declarations.append(_declaration(company, purpose, words, silent))
        if note := _declaration_note(company, purpose, words, silent):
            notes[purpose.id] = note
    facts = _system_facts(company, words)
    meta = _meta(company, language, facts, _stated_otherwise(found_statements), notes)
    system: dict[str, Any] = {
        "fides_key": fides_key(company.slug),
        "name": company.name.get(language),
        "system_type": SYSTEM_TYPE,
        **facts,
        "privacy_declarations": declarations,
        "meta": {META: meta},
    }
    found: dict[str, Any] = {"system": [system]}
    uses = [_data_use(company, p, language) for p in own]
    categories = [
        _data_category(company, c, words) for c in company.data_categories if not (c.code and c.code in DATA_CATEGORY)
    ]
    subjects = [
        _data_subject(company, s, words) for s in company.data_subjects if not (s.code and s.code in DATA_SUBJECT)
    ]
    for name, entries in (("data_use", uses), ("data_category", categories), ("data_subject", subjects)):
        if entries:
            found[name] = entries
    typeset: dict[str, Any] = _typeset(found, words)
    return typeset


def _typeset(value: Any, words: Wording) -> Any:
    """Every text of the manifest with its language's one typographic rule, as on the pages (keys and codes have no
    spaces: the rule leaves them as they are)."""
    if isinstance(value, str):
        return words.typeset(value)
    if isinstance(value, list):
        return [_typeset(item, words) for item in value]
    if isinstance(value, dict):
        return {key: _typeset(item, words) for key, item in value.items()}
    return value


class _Dumper(yaml.SafeDumper):
    """Block YAML in the manifest's key order; a string holding <, > or & is double-quoted, so that `as_yaml` can
    escape those characters in it (`\\u003c`), which YAML allows only in double-quoted scalars. No anchors: a
    value written twice is written out twice (an anchor is `&name`)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(c in value for c in "<>&") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def as_yaml(manifests: Sequence[dict[str, Any]]) -> str:
    """One manifest of several companies (each resource type's entries one after the other), as YAML that fideslang's
    loader reads (`yaml.safe_load`), with <, > and & escaped so the file stays inert wherever it is shown."""
    union: dict[str, list[Any]] = {}
    for found in manifests:
        for resource, entries in found.items():
            union.setdefault(resource, []).extend(entries)
    text = yaml.dump(union, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    return text.translate(INERT_JSON)


def manifest_files(output: Output, source: CompanyFiles) -> list[Asset]:
    """The Fides manifest of the notice in force, one per site language (texts in that language)."""
    slug = source.company.slug
    return [
        Asset(f"{slug}/{output.name(language)}", as_yaml([manifest(source.company, language)]))
        for language in source.languages
    ]
