"""One reading of a company's data: every question a surface asks, answered once.

The first layer, the notice, the gaps box, the data map, the activities table, the register, the DPV record, the
Fides manifest and the change notices ask the same questions: who is responsible for each purpose, is data sold,
used for advertising, sent outside the EU (and under which instruments, joined by "and" or "or" as the policy
joins them), are there cookies that need consent, automated decisions, profiling, special categories, where to
complain and where to exercise a right. Each question has one answer here, computed from the data only:

- `yes` / `no`: from an explicit value (`sold: true`, `outside_eu: false`, `processed: false`...);
- `possible`: the policy presents it as a possibility ("may be transferred");
- `statement`: the policy addresses the question in its own words without a yes or no, which are quoted;
- `not_stated`: the policy is silent. Silence is never read as "no".

Each answer carries the data paths it rests on and, where the data records that a reading is an interpretation,
its note, so a surface can show it as such. Surfaces read these answers, never the raw facts they rest on
(tests/test_one_reading.py enforces it).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from .model import (
    NONE,
    NOT_STATED,
    ActsAs,
    Alternatives,
    AutomatedDecisions,
    Company,
    ContactPoint,
    CookiePurpose,
    DataCategory,
    NotStated,
    OtherSafeguard,
    Purpose,
    Recipient,
    Right,
    Safeguard,
    Stated,
    Text,
    Transfer,
)

Answer = Literal["yes", "no", "possible", "statement", "not_stated"]
"""An answer to one question: see the module docstring."""

Consent = bool | NotStated
CookieUse = tuple[Stated[CookiePurpose], Consent]  # a cookie purpose, and whether it needs consent
"""Whether the policy says consent is asked (ePrivacy Directive Art. 5(3); GDPR Art. 6(1)(a), 7)."""


@dataclass(frozen=True)
class Statement:
    """One answer, the data paths it rests on, the policy's own words when the answer is theirs (`statement`), and
    the data's note when the answer is a reading of the policy rather than its letter."""

    answer: Answer
    paths: tuple[str, ...] = ()
    quotes: tuple[Text, ...] = ()
    notes: tuple[Text, ...] = ()

    @property
    def stated(self) -> bool:
        """False only for silence."""
        return self.answer != "not_stated"

    @property
    def yes(self) -> bool:
        return self.answer == "yes"

    @property
    def no(self) -> bool:
        return self.answer == "no"


SILENT: Final = Statement("not_stated")


@dataclass(frozen=True)
class Role:
    """The company's role for one purpose: controller, joint controller, or processor on behalf of a controller (the
    policy's name for it, or not_stated)."""

    acts_as: ActsAs
    on_behalf_of: Stated[Text] | None = None
    note: Text | None = None
    path: str = "role"

    @property
    def record(self) -> Literal["30(1)", "30(2)"] | None:
        """The Art. 30 register the purpose belongs in: a controller's record (30(1)), a processor's (30(2)), or none
        (another controller's processing, which the policy only describes)."""
        if self.acts_as == "other_controller":
            return None
        return "30(2)" if self.acts_as == "processor" else "30(1)"

    @property
    def own(self) -> bool:
        """The company's own processing (as controller, joint controller or processor)."""
        return self.acts_as != "other_controller"


RoleSummary = Literal["controller", "processor", "joint_controller", "mixed"]
"""What the first screen says of the company: one role for every purpose, or `mixed` (processor for some purposes,
controller for others), in which case it names the purposes it is controller for."""


@dataclass(frozen=True)
class TransferStatement:
    """One transfer outside the EU: whether it takes place (`yes`) or only may (`possible`), its instruments and
    whether the policy gives them as alternatives ("or") or together ("and")."""

    transfer: Transfer
    answer: Answer
    instruments: Stated[tuple[Safeguard | OtherSafeguard, ...]]
    alternatives: bool
    notes: tuple[Text, ...] = ()


RightChannel = Literal["contact", "own", "how", "authority", "controller", "not_stated"]
"""Where a right is exercised: the rights contact (`contact`), an address the policy gives for this right (`own`),
only the means the policy describes for it (`how`: unsubscribe link, browser settings), the supervisory authority
(`authority`, the complaint of Art. 77), the controller the company acts for (`controller`), or nowhere stated."""


@dataclass(frozen=True)
class RightStatement:
    """One right the policy offers and where it is exercised."""

    right: Right
    channel: RightChannel
    contact: ContactPoint | None = None  # the address to write to, for `contact` and `own`


Channel = Literal["email", "postal", "web_form", "controller", "none"]
"""The one prominent way to exercise a right (GDPR Art. 12(2), 13(2)(b)): the first the rights contact gives,
email first; `controller` when a processor's policy sends people to the controller."""


@dataclass(frozen=True)
class PurposeStatements:
    """The answers about one purpose."""

    purpose: Purpose
    role: Role
    special: Statement  # special-category data in this purpose (Art. 9)
    sensitive_categories: tuple[DataCategory, ...]
    recipients: tuple[Recipient, ...] | NotStated | Literal["none"]  # shared recipients included
    transfers: tuple[TransferStatement, ...]
    profiling: Statement
    advertising: Statement
    reading: bool = False  # its links to data, retention and recipients are a reading of the policy, not its letter


@dataclass(frozen=True)
class Statements:
    """Every answer about one company. Built by `of(company)`, once per company object."""

    slug: str
    roles: RoleSummary
    controller_purposes: tuple[Purpose, ...]
    processor_for: tuple[Text | NotStated, ...]  # the controllers named for the processor purposes, in order
    purposes: tuple[PurposeStatements, ...]
    sold: Statement
    advertising: Statement
    advertising_consent: Consent
    outside_eu: Statement
    transfers: tuple[TransferStatement, ...]
    consent_cookies: Statement
    consent_purposes: tuple[CookiePurpose, ...]
    no_cookies: bool
    automated: Statement
    decisions: AutomatedDecisions | None  # what the policy says of them, for the surfaces that detail it
    decisions_on_profiling: bool  # solely automated decisions (Art. 22) based on profiling are stated
    profiling: Statement
    profiling_purposes: tuple[Purpose, ...]
    special: Statement
    sensitive_categories: tuple[DataCategory, ...]
    complaint: Statement  # the policy names the supervisory authority for complaints
    complaint_url: str | None
    complaint_address: str | None
    channel: Channel
    rights: tuple[RightStatement, ...]
    rights_controller: Text | None  # the controller a processor's policy sends people to (rights.via_controller)
    forwarded: bool  # the policy says requests sent to the company are forwarded to that controller
    unserved: tuple[Purpose, ...]  # purposes the company controls while its rights go to another controller only
    cookies_used: Statement
    _by_purpose: dict[str, PurposeStatements] = field(default_factory=dict, compare=False, repr=False)

    def of(self, purpose: Purpose) -> PurposeStatements:
        """The answers about one purpose of this company."""
        return self._by_purpose[purpose.id]

    def right(self, code: str) -> RightStatement | None:
        return next((r for r in self.rights if r.right.code == code), None)

    @property
    def acts_as(self) -> tuple[ActsAs, ...]:
        """The roles the company holds, in the order of its purposes (each once; another controller's processing
        gives it none)."""
        return tuple(dict.fromkeys(p.role.acts_as for p in self.purposes if p.role.own))


def _unique(items: Iterable[Text | NotStated]) -> tuple[Text | NotStated, ...]:
    """Items in order, each once (texts are compared, not hashed: their values are mappings)."""
    found: list[Text | NotStated] = []
    for item in items:
        if item not in found:
            found.append(item)
    return tuple(found)


def _notes(*notes: Text | None) -> tuple[Text, ...]:
    return tuple(note for note in notes if note is not None)


def _role(company: Company, index: int, purpose: Purpose) -> Role:
    path = f"purposes[{index}].role"
    if purpose.role is not None:
        return Role(purpose.role.acts_as, purpose.role.on_behalf_of, purpose.role.note, path)
    if company.role == "processor":
        controller = company.processor_obligations.controller if company.processor_obligations else NOT_STATED
        return Role("processor", controller, None, "role")
    return Role("controller", None, None, "role")  # controller_and_processor requires a role per purpose (rules.py)


def _special(company: Company, categories: Sequence[DataCategory], index: int | None) -> Statement:
    """Special categories in these categories: yes from a category marked sensitive; no only when the policy says
    it processes none; its own words when it addresses them without a yes or no; otherwise not stated."""
    sensitive = [c for c in categories if c.sensitive]
    where = "data_categories" if index is None else f"purposes[{index}].data_categories"
    if sensitive:
        return Statement("yes", (where,))
    special = company.special_categories
    if special is NOT_STATED or (special.processed is True and index is not None):
        return SILENT  # "we process sensitive data" says nothing of which purpose does
    quotes = _notes(special.statement)
    if special.processed is False:
        return Statement("no", ("special_categories.processed",), quotes, _notes(special.note))
    if special.processed is True:
        return Statement("yes", ("special_categories.processed",), quotes, _notes(special.note))
    return Statement("statement", ("special_categories",), quotes, _notes(special.note))


def _transfer(company: Company, index: int, transfer: Transfer) -> TransferStatement:
    transfers = company.transfers
    possible = transfers is not NOT_STATED and transfers.outside_eu == "possible"
    return TransferStatement(
        transfer,
        "possible" if possible else "yes",
        transfer.safeguards,
        isinstance(transfer.safeguards, Alternatives),
        _notes(transfer.note),
    )


def _purpose_transfers(transfers: Sequence[TransferStatement], purpose: Purpose) -> tuple[TransferStatement, ...]:
    """The transfers of a purpose's data: those naming it, and those tied to no purpose (which may concern any)."""
    return tuple(t for t in transfers if not t.transfer.purposes or purpose in t.transfer.purposes)


def _flag(value: bool | Text | None, path: str) -> Statement:
    """A purpose's yes / no, or the policy's words where it speaks of it without a yes or no."""
    if value is None:
        return SILENT
    if isinstance(value, Text):
        return Statement("statement", (path,), (value,))
    return Statement("yes" if value else "no", (path,))


def _cookie_uses(company: Company) -> list[CookieUse]:
    """(purpose code, consent required) for every cookie item and every purpose the partners' cookies serve."""
    cookies = company.cookies
    uses: list[CookieUse] = [(c.purpose, c.consent_required) for c in cookies.items]
    partners = cookies.partners
    if partners is not None and partners.purposes is not NOT_STATED:
        uses.extend((code, partners.consent_required) for code in partners.purposes)
    return uses


def _consent_cookies(company: Company, uses: list[CookieUse]) -> Statement:
    if company.cookies.used is False:
        return Statement("no", ("cookies.used",))
    if any(consent is True for _, consent in uses):
        return Statement("yes", ("cookies",))
    if uses and all(consent is False for _, consent in uses):
        return Statement("no", ("cookies",))
    return SILENT


def _advertising(uses: list[CookieUse], purposes: Sequence[PurposeStatements]) -> tuple[Statement, Consent]:
    """Advertising: a cookie for advertising, or a purpose the data says serves advertising. The consent detail is
    the cookies' (purposes state no consent of their own here)."""
    consents = [consent for code, consent in uses if code == "advertising"]
    advertising = [p for p in purposes if p.advertising.yes and p.role.own]
    if not consents and not advertising:
        return SILENT, NOT_STATED
    paths = (("cookies",) if consents else ()) + tuple(p.advertising.paths[0] for p in advertising)
    notes = tuple(note for p in advertising for note in p.advertising.notes)
    consent: Consent = NOT_STATED
    if consents and not advertising and all(c is True for c in consents):
        consent = True
    elif consents and not advertising and all(c is False for c in consents):
        consent = False
    return Statement("yes", paths, (), notes), consent


def _automated(company: Company) -> Statement:
    """Solely automated decisions (Art. 22): yes / no from `automated_decisions.exists`; where the data is silent on
    them but the policy describes automated processing (`ai_processing`), its words, quoted, without a yes or no."""
    decisions = company.automated_decisions
    if decisions is not NOT_STATED:
        return Statement(
            "yes" if decisions.exists else "no", ("automated_decisions.exists",), (), _notes(decisions.note)
        )
    if company.ai_processing:
        return Statement("statement", ("ai_processing",), company.ai_processing)
    return SILENT


def _profiling(company: Company, purposes: Sequence[PurposeStatements]) -> tuple[Statement, tuple[Purpose, ...]]:
    """Profiling: yes when the decisions or a purpose say so (naming the purposes); no only when the policy says
    there is none and no purpose says otherwise."""
    decisions = company.automated_decisions
    said = decisions.profiling if decisions is not NOT_STATED and isinstance(decisions.profiling, bool) else None
    own = [p for p in purposes if p.role.own]
    profiled = tuple(p for p in own if p.profiling.yes)
    if profiled or said is True:
        paths = (("automated_decisions.profiling",) if said else ()) + tuple(p.profiling.paths[0] for p in profiled)
        return Statement("yes", paths), tuple(p.purpose for p in profiled)
    if said is False:
        return Statement("no", ("automated_decisions.profiling",)), ()
    worded = [p for p in own if p.profiling.answer == "statement"]
    if worded:
        quotes = tuple(quote for p in worded for quote in p.profiling.quotes)
        return Statement("statement", tuple(p.profiling.paths[0] for p in worded), quotes), tuple(
            p.purpose for p in worded
        )
    return SILENT, ()


def _stated(value: Stated[str] | None) -> str | None:
    return None if value is NOT_STATED else value


def _rights(company: Company) -> tuple[RightStatement, ...]:
    rights = company.rights
    general = rights.contact if rights.contact.ways(phone=False) else None
    found = []
    for right in rights.offered:
        if right.code == "complaint":
            channel: RightChannel = "authority" if company.authority.mentioned else "not_stated"
            found.append(RightStatement(right, channel))
        elif isinstance(right.contact, ContactPoint):
            found.append(RightStatement(right, "own", right.contact))
        elif right.contact is NOT_STATED:
            found.append(RightStatement(right, "how" if right.how else "not_stated"))
        elif general is not None:
            found.append(RightStatement(right, "contact", general))
        elif rights.via_controller is not None:
            found.append(RightStatement(right, "controller"))
        else:
            found.append(RightStatement(right, "how" if right.how else "not_stated"))
    return tuple(found)


CHANNELS: Final[tuple[tuple[str, Channel], ...]] = (
    ("email", "email"),
    ("postal_address", "postal"),
    ("web_form", "web_form"),
)
"""The rights contact's ways, in the order the first screen prefers them (ContactPoint.ways names)."""


def _channel(company: Company) -> Channel:
    ways = company.rights.contact.ways(phone=False)  # the same ways `_rights` offers for each right
    for way, channel in CHANNELS:
        if way in ways:
            return channel
    return "controller" if company.rights.via_controller is not None else "none"


def _summary(roles: Sequence[Role]) -> RoleSummary:
    kinds = {role.acts_as for role in roles if role.own}
    if "processor" in kinds:
        return "mixed" if len(kinds) > 1 else "processor"
    return "joint_controller" if kinds == {"joint_controller"} else "controller"


def _purpose_statements(company: Company, transfers: tuple[TransferStatement, ...]) -> list[PurposeStatements]:
    """The answers about each purpose: its role, special categories, recipients, transfers, profiling, advertising."""
    purposes = []
    for index, purpose in enumerate(company.purposes):
        categories = () if purpose.data_categories is NOT_STATED else purpose.data_categories
        recipients = purpose.recipients
        if recipients != NONE and (recipients is not NOT_STATED or company.shared_recipients):
            recipients = company.recipients_of(purpose)
        purposes.append(
            PurposeStatements(
                purpose,
                _role(company, index, purpose),
                _special(company, categories, index),
                tuple(c for c in categories if c.sensitive),
                recipients,
                _purpose_transfers(transfers, purpose),
                _flag(purpose.profiling, f"purposes[{index}].profiling"),
                _flag(purpose.advertising, f"purposes[{index}].advertising"),
                purpose.linked_by_reading,
            )
        )
    return purposes


def _consent_purposes(uses: Sequence[CookieUse]) -> tuple[CookiePurpose, ...]:
    """The cookie purposes that need consent, each once, in the order met."""
    found: list[CookiePurpose] = []
    for code, consent in uses:
        if consent is True and code is not NOT_STATED and code not in found:
            found.append(code)
    return tuple(found)


def _outside_eu(company: Company) -> Statement:
    transfers = company.transfers
    if transfers is NOT_STATED:
        return SILENT
    if transfers.outside_eu == "possible":
        return Statement("possible", ("transfers.outside_eu",), _notes(transfers.statement))
    return Statement("yes" if transfers.outside_eu else "no", ("transfers.outside_eu",))


def _sold(company: Company) -> Statement:
    sale = company.sale
    if sale is NOT_STATED:
        return SILENT
    return Statement(
        "possible" if sale.sold == "possible" else "yes" if sale.sold else "no",
        ("sale.sold",),
        _notes(sale.statement),
        _notes(sale.note),
    )


def _cookies_used(company: Company) -> Statement:
    used = company.cookies.used
    return SILENT if used is NOT_STATED else Statement("yes" if used else "no", ("cookies.used",))


def _decisions_on_profiling(company: Company) -> bool:
    decisions = company.automated_decisions
    return decisions is not NOT_STATED and decisions.exists and decisions.profiling is True


def compute(company: Company) -> Statements:
    """Every answer about a company, from its data only (use `of`, which computes them once)."""
    transfers = company.transfers
    transfer_statements = (
        () if transfers is NOT_STATED else tuple(_transfer(company, i, t) for i, t in enumerate(transfers.items))
    )
    purposes = _purpose_statements(company, transfer_statements)
    controlled = tuple(p.purpose for p in purposes if p.role.acts_as in ("controller", "joint_controller"))
    uses = _cookie_uses(company)
    advertising, advertising_consent = _advertising(uses, purposes)
    profiling, profiling_purposes = _profiling(company, purposes)
    authority = company.authority
    channel = _channel(company)
    via = company.rights.via_controller
    return Statements(
        slug=company.slug,
        roles=_summary([p.role for p in purposes]),
        controller_purposes=controlled,
        processor_for=_unique(
            NOT_STATED if p.role.on_behalf_of is None else p.role.on_behalf_of
            for p in purposes
            if p.role.acts_as == "processor"
        ),
        purposes=tuple(purposes),
        sold=_sold(company),
        advertising=advertising,
        advertising_consent=advertising_consent,
        outside_eu=_outside_eu(company),
        transfers=transfer_statements,
        consent_cookies=_consent_cookies(company, uses),
        consent_purposes=_consent_purposes(uses),
        no_cookies=company.cookies.used is False,
        automated=_automated(company),
        decisions=None if company.automated_decisions is NOT_STATED else company.automated_decisions,
        decisions_on_profiling=_decisions_on_profiling(company),
        profiling=profiling,
        profiling_purposes=profiling_purposes,
        special=_special(company, company.data_categories, None),
        sensitive_categories=tuple(c for c in company.data_categories if c.sensitive),
        complaint=Statement("yes", ("supervisory_authority.mentioned",)) if authority.mentioned else SILENT,
        complaint_url=_stated(authority.complaint_url) if authority.mentioned else None,
        complaint_address=_stated(authority.postal_address) if authority.mentioned else None,
        channel=channel,
        rights=_rights(company),
        rights_controller=via.controller if via else None,
        forwarded=bool(via and via.forwarded),
        unserved=controlled if channel == "controller" else (),
        cookies_used=_cookies_used(company),
        _by_purpose={p.purpose.id: p for p in purposes},
    )


_COMPUTED: dict[int, tuple[weakref.ref[Company], Statements]] = {}


def of(company: Company) -> Statements:
    """The answers about a company, computed once per company object (kept while the object lives)."""
    key = id(company)
    found = _COMPUTED.get(key)
    if found is not None and found[0]() is company:
        return found[1]
    statements = compute(company)
    _COMPUTED[key] = (weakref.ref(company), statements)
    weakref.finalize(company, _COMPUTED.pop, key, None)
    return statements
