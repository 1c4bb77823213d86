"""What changed between two versions of a company's policy, computed from the data rather than from text.

Each change names a wording key (`change.<kind>` in the locale files), says whether it is material (it widens
what is done with personal data or narrows a right) or editorial, and carries the old and new values; templates
turn it into words in each language.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any, TypeVar

from ..model.build import renamed_member, targets
from ..model.declaration import DEFINITIONS, ROOT
from ..model.declare import EDITORIAL, MATERIAL, Field, Record, member
from ..model.declare import Change as Class
from ..model.model import (
    NOT_STATED,
    Company,
    ContactPoint,
    CookiePartner,
    CookiePartners,
    Dpo,
    Duration,
    Establishment,
    Every,
    Including,
    Money,
    NotStated,
    PurposeRole,
    RetentionPeriod,
    Sale,
    SpecialCategories,
    Stated,
    Text,
    Transfer,
    Transfers,
)

_Key = TypeVar("_Key")
_Item = TypeVar("_Item")

DAYS = {"days": 1, "weeks": 7, "months": 30, "years": 365}

# Where a field of the model is declared in the company file (declaration.py) when its name differs: a change to it
# takes that declaration's class (material or editorial) and is reported under its notice heading.
DECLARED_AT: dict[str, tuple[str, ...]] = {
    "identity": ("company",),
    "contact": ("contacts", "general"),
    "dpo": ("contacts", "dpo"),
    "authority": ("supervisory_authority",),
    "security_statement": ("security", "statement"),
    "security_measures": ("security", "measures"),
    "breach_notification": ("security", "breach_notification"),
    "security_note": ("security", "note"),
}


def declared(name: str) -> tuple[Field, ...]:
    """The declarations along the path of a field of the model, outermost first (empty when it is not declared)."""
    found: list[Field] = []
    owner: Field | Record = ROOT
    for step in DECLARED_AT.get(name, (name,)):
        item = member(owner, step, DEFINITIONS)
        if item is None:
            break
        found.append(item)
        owner = item
    return tuple(found)


def _heading(name: str) -> str | None:
    return next((item.heading for item in reversed(declared(name)) if item.heading), None)


# Where a model field is shown in the notice (from its declaration): the heading a catch-all change is reported under.
HEADINGS: dict[str, str] = {
    item.name: heading for item in fields(Company) if (heading := _heading(item.name)) is not None
}


@dataclass(frozen=True)
class Change:
    """One change between two versions, in data terms."""

    kind: str
    material: bool
    subject: Any = None
    old: Any = None
    new: Any = None
    words: Mapping[str, tuple[tuple[str, str], ...]] | None = None  # language -> (operation, text) runs


def _by_id(items: Any) -> dict[str, Any]:
    return {item.id: item for item in items} if isinstance(items, tuple) else {}


def _days(value: Any) -> tuple[float, float] | None:
    """The shortest and longest time a duration allows, in days, or None when a period has no single length.

    An exact duration is (n, n); `bound: maximum` ("up to n") is (0, n); `bound: minimum` ("at least n") is
    (n, infinity); a range ("n to m") is (n, m), so its upper end is what a longer period grows."""
    if isinstance(value, Duration):
        days = value.value * DAYS[value.unit]
        if value.to is not None:
            return (days, value.to * DAYS[value.unit])
        return {"maximum": (0, days), "minimum": (days, float("inf"))}.get(value.bound or "", (days, days))
    if isinstance(value, RetentionPeriod) and value.kind in ("fixed", "from_event", "legal_period"):
        return _days(value.duration)
    return None


def is_longer(old: Any, new: Any) -> bool:
    """True when the new period may keep data longer, or when the two cannot be compared (then a reader must look).

    With bounds, either end that grows counts: a maximum that grows, a minimum added to an exact length (no upper
    end any more) or a maximum removed (25 months where it was "up to 25 months": the data may no longer be erased
    earlier) are material; a bound that only narrows (a maximum added, a minimum removed) is not."""
    before, after = _days(old), _days(new)
    if before is None or after is None:
        return True
    return after[1] > before[1] or after[0] > before[0]


def _added_removed(
    kind: str,
    old: Mapping[_Key, _Item],
    new: Mapping[_Key, _Item],
    name: Callable[[_Item], object],
    material_added: bool,
    material_removed: bool,
) -> Iterator[Change]:
    for key in (key for key in new if key not in old):  # in file order: the same on every run (a set's is not)
        yield Change(f"{kind}_added", material_added, subject=name(new[key]))
    for key in (key for key in old if key not in new):
        yield Change(f"{kind}_removed", material_removed, subject=name(old[key]))


def _codes(items: Any, attribute: str) -> tuple[str, ...]:
    return tuple(getattr(item, attribute) for item in items) if isinstance(items, tuple) else (items,)


def purposes(old: Company, new: Company) -> Iterator[Change]:
    """New and dropped purposes; for kept ones, legal bases and data categories."""
    before, after = _by_id(old.purposes), _by_id(new.purposes)
    yield from _added_removed("purpose", before, after, lambda p: p, True, False)  # named with its legal bases
    for key in sorted(before.keys() & after.keys()):
        was, now = before[key], after[key]
        if _codes(was.legal_bases, "basis") != _codes(now.legal_bases, "basis"):
            yield Change(
                "legal_basis_changed",
                True,
                now.name,
                _codes(was.legal_bases, "basis"),
                _codes(now.legal_bases, "basis"),
            )
        if isinstance(was.data_categories, Every) and isinstance(now.data_categories, Every):
            continue  # every category, before and after: category_added says what changed, once
        cats_before, cats_after = _by_id(was.data_categories), _by_id(now.data_categories)
        for cat in (cat for cat in cats_after if cat not in cats_before):  # in file order
            yield Change("purpose_category_added", True, now.name, new=cats_after[cat])
        for cat in (cat for cat in cats_before if cat not in cats_after):
            yield Change("purpose_category_removed", False, now.name, old=cats_before[cat])


def company(old: Company, new: Company) -> Iterator[Change]:
    """Who the notice is about: a new role (controller, processor) is material; a new name or address is not."""
    if old.role != new.role:
        yield Change("role_changed", True, old=old.role, new=new.role)
    if old.name != new.name:
        yield Change("name_changed", False, old=old.name, new=new.name)
    if old.slug != new.slug:
        yield Change("slug_changed", False, old=old.slug, new=new.slug)


def data_categories(old: Company, new: Company) -> Iterator[Change]:
    """Categories of data collected at all; a new one is material, a sensitive one above all."""
    yield from _added_removed(
        "category", _by_id(old.data_categories), _by_id(new.data_categories), lambda c: c, True, False
    )


def retention(old: Company, new: Company) -> Iterator[Change]:
    """Retention rules by id: a longer (or no longer comparable) period is material, and so is an archiving phase
    lifted (the data is no longer kept with restricted access)."""
    before, after = _by_id(old.retention_rules), _by_id(new.retention_rules)
    yield from _added_removed("retention", before, after, lambda r: r.applies_to, True, False)
    for key in sorted(before.keys() & after.keys()):
        was, now = before[key].period, after[key].period
        if was != now:
            yield Change(
                "retention_changed",
                is_longer(was, now) or (was.archive and not now.archive),
                after[key].applies_to,
                was,
                now,
            )


def recipients(old: Company, new: Company) -> Iterator[Change]:
    """Who receives the data: a new recipient is material, and so is a kept one that now receives data for every
    purpose (`shared`); one that no longer does is editorial (it only narrows)."""
    before, after = _by_id(old.recipients), _by_id(new.recipients)
    yield from _added_removed("recipient", before, after, lambda r: r.name, True, False)
    for key in sorted(before.keys() & after.keys()):
        if before[key].shared != after[key].shared:
            yield Change(
                "recipient_shared_changed", after[key].shared, after[key].name, before[key].shared, after[key].shared
            )


def joint_controllers(old: Company, new: Company) -> Iterator[Change]:
    """The other controllers the company processes data with (Art. 26), by legal name: a new one is material (one
    more company decides what is done with the data); one removed is editorial."""

    def by_name(company: Company) -> dict[Stated[str], Any]:
        return {j.legal_name: j for j in company.identity.joint_controllers}

    yield from _added_removed("joint_controller", by_name(old), by_name(new), lambda j: j.legal_name, True, False)


def transfers(old: Company, new: Company) -> Iterator[Change]:
    """Transfers outside the EU and their safeguards."""
    was, now = old.transfers, new.transfers
    before = _by_id(getattr(was, "items", ()))
    after = _by_id(getattr(now, "items", ()))
    yield from _added_removed("transfer", before, after, lambda t: t.destination, True, False)
    for key in sorted(before.keys() & after.keys()):
        if before[key].safeguards != after[key].safeguards:
            yield Change(
                "safeguards_changed", True, after[key].destination, before[key].safeguards, after[key].safeguards
            )
        yield from _transfer_purposes(before[key], after[key])
    if getattr(was, "outside_eu", was) != getattr(now, "outside_eu", now) and not (before or after):
        yield Change(
            "transfers_changed", True, old=getattr(was, "outside_eu", was), new=getattr(now, "outside_eu", now)
        )
    if (
        isinstance(was, Transfers)
        and isinstance(now, Transfers)
        and before
        and after
        and isinstance(was.items, Including) != isinstance(now.items, Including)
    ):
        # a list that becomes examples only ("notamment") may hide other transfers: material; the reverse narrows
        yield Change("transfers_list_changed", isinstance(now.items, Including), old=was.items, new=now.items)


def _transfer_purposes(was: Any, now: Any) -> Iterator[Change]:
    """The purposes a transfer is for, compared by id.

    Material when the transfer now serves a purpose it did not (widened), or when named purposes are dropped
    altogether (the transfer is no longer limited to them); editorial when purposes are named where none were
    (the transfer was already there, now its purpose is said) or when some are dropped and others stay."""
    before, after = tuple(p.id for p in was.purposes), tuple(p.id for p in now.purposes)
    if before == after:
        return
    material = bool(before) and (not after or bool(set(after) - set(before)))

    def names(transfer: Transfer) -> tuple[Text, ...] | NotStated:
        return tuple(p.name for p in transfer.purposes) or NOT_STATED

    yield Change("transfer_purposes_changed", material, now.destination, names(was), names(now))


def _reachable(point: Any) -> Any:
    """What a contact point says about where to write: its ways, without its postal reference line (diffed on its
    own), its label or its note (the declarations classify those)."""
    if isinstance(point, ContactPoint):
        return replace(point, attention=None, label=None, note=None)
    if isinstance(point, Dpo):
        return replace(point, contact=_reachable(point.contact), registration=None)
    return point


def _attention(point: Any) -> Any:
    if isinstance(point, Dpo):
        return _attention(point.contact)
    return point.attention if isinstance(point, ContactPoint) else None


def _attention_changed(old: Any, new: Any, heading: str) -> Iterator[Change]:
    """The "for the attention of" line of a letter: editorial (where to write is unchanged)."""
    if _attention(old) != _attention(new):
        yield Change("attention_changed", False, heading, _attention(old), _attention(new))


def contacts(old: Company, new: Company) -> Iterator[Change]:
    """How to reach the company, its DPO and where rights are exercised.

    A new address is material; the reference line above an address and the DPO's registration number with the
    authority are editorial (they neither widen processing nor narrow a right)."""
    for attribute, kind, heading in (
        ("contact", "contact_changed", "label.general_contact"),
        ("dpo", "dpo_changed", "label.dpo"),
    ):
        was, now = getattr(old, attribute), getattr(new, attribute)
        if _reachable(was) != _reachable(now):
            yield Change(kind, True, old=was, new=now)
        yield from _attention_changed(was, now, heading)
    was, now = (getattr(c.dpo, "registration", None) for c in (old, new))
    if was != now:
        yield Change("dpo_registration_changed", False, old=was or NOT_STATED, new=now or NOT_STATED)


def rights(old: Company, new: Company) -> Iterator[Change]:
    """Rights offered and where to exercise them: a right that disappears is material."""
    before = {right.code: right for right in old.rights.offered}
    after = {right.code: right for right in new.rights.offered}
    yield from _added_removed("right", before, after, lambda r: r.code, False, True)
    if _reachable(old.rights.contact) != _reachable(new.rights.contact):
        yield Change("rights_contact_changed", True, old=old.rights.contact, new=new.rights.contact)
    yield from _attention_changed(old.rights.contact, new.rights.contact, "glance.exercise")
    for code in [right.code for right in new.rights.offered if right.code in before]:
        was, now = before[code].contact, after[code].contact
        if _reachable(was) != _reachable(now):  # where this one right is exercised, if not at rights.contact
            yield Change("right_contact_changed", True, code, was or old.rights.contact, now or new.rights.contact)
        yield from _attention_changed(was, now, f"right.{code}.name")


def _cookie_key(cookie: Any) -> str:
    name = cookie.name
    return name.get("en") if isinstance(name, Text) else str(name)


def cookies(old: Company, new: Company) -> Iterator[Change]:
    """Cookies by name: a new cookie or a longer lifetime is material."""
    before = {_cookie_key(c): c for c in old.cookies.items}
    after = {_cookie_key(c): c for c in new.cookies.items}
    yield from _added_removed("cookie", before, after, lambda c: c.name, True, False)
    for key in sorted(before.keys() & after.keys()):
        if before[key].lifetime != after[key].lifetime:
            yield Change(
                "cookie_lifetime_changed",
                is_longer(before[key].lifetime, after[key].lifetime),
                after[key].name,
                before[key].lifetime,
                after[key].lifetime,
            )
    yield from cookie_partners(old.cookies.partners, new.cookies.partners)


def cookie_partners(old: CookiePartners | None, new: CookiePartners | None) -> Iterator[Change]:
    """Cookies given only by partner names. Material: a new partner, a list that stops being exhaustive, a new
    purpose, a longer (or no longer comparable) lifetime, consent no longer said to be asked. Editorial: a partner
    dropped, a list made exhaustive, a purpose dropped, a shorter lifetime, consent now said to be asked."""
    if old == new:
        return
    names_before = {_partner_key(p): p for p in old.names} if old and old.names is not NOT_STATED else {}
    names_after = {_partner_key(p): p for p in new.names} if new and new.names is not NOT_STATED else {}
    for name in sorted(names_after.keys() - names_before.keys()):
        yield Change("cookie_partner_added", True, subject=names_after[name])
    for name in sorted(names_before.keys() - names_after.keys()):
        yield Change("cookie_partner_removed", False, subject=names_before[name])
    for name in sorted(names_before.keys() & names_after.keys()):
        was, now = (getattr(p, "scope", None) for p in (names_before[name], names_after[name]))
        if was != now:  # a scope dropped or changed may widen where the partner tracks; one added narrows it
            yield Change("cookie_partner_scope_changed", was is not None, name, was or NOT_STATED, now or NOT_STATED)
    if old is None or new is None:
        return  # the whole block came or went: its partners say it
    if (old.names is NOT_STATED) != (new.names is NOT_STATED):  # named where none were, or no longer named
        yield Change("cookie_partners_list_changed", new.names is NOT_STATED, old=old.names, new=new.names)
    elif isinstance(old.names, Including) != isinstance(new.names, Including):
        yield Change("cookie_partners_list_changed", isinstance(new.names, Including), old=old.names, new=new.names)
    if old.purposes != new.purposes:
        before = set(old.purposes) if isinstance(old.purposes, tuple) else set()
        widened = not isinstance(new.purposes, tuple) or bool(set(new.purposes) - before)
        yield Change("cookie_partners_purposes_changed", widened, old=old.purposes, new=new.purposes)
    if old.lifetime != new.lifetime:
        yield Change(
            "cookie_partners_lifetime_changed",
            is_longer(old.lifetime, new.lifetime),
            old=old.lifetime,
            new=new.lifetime,
        )
    if old.consent_required != new.consent_required:
        yield Change(
            "cookie_partners_consent_changed",
            new.consent_required is not True,
            old=old.consent_required,
            new=new.consent_required,
        )


def _partner_key(partner: str | CookiePartner) -> str:
    """A cookie partner is known by its name, with or without the scope the policy gives it."""
    return partner.name if isinstance(partner, CookiePartner) else partner


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Runs of equal, deleted and inserted words, so a reader sees exactly which words moved."""
    before, after = old.split(), new.split()
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op in ("equal", "delete", "replace"):
            runs.append(("equal" if op == "equal" else "delete", " ".join(before[i1:i2])))
        if op in ("insert", "replace"):
            runs.append(("insert", " ".join(after[j1:j2])))
    return tuple(runs)


def sections(old: Company, new: Company) -> Iterator[Change]:
    """Free-text sections: wording changes, shown word by word in each language."""
    before, after = _by_id(old.sections), _by_id(new.sections)
    yield from _added_removed("section", before, after, lambda s: s.title, False, False)
    for key in sorted(before.keys() & after.keys()):
        was, now = before[key].body, after[key].body
        if was != now:
            words = {
                lang: word_diff(was.get(lang), now.get(lang)) for lang in now.values if was.get(lang) != now.get(lang)
            }
            yield Change("section_changed", False, after[key].title, words=words)


def _ids_of(items: Any) -> set[Any]:
    """What a list names, to compare two versions of it: ids of objects, codes of sources, or the items."""
    if not isinstance(items, tuple):
        return set()
    return {
        (item.same, tuple(sorted(item.values.items())))
        if isinstance(item, Text)
        else getattr(item, "id", getattr(item, "code", item))
        for item in items
    }


def list_change(old: Any, new: Any) -> tuple[bool, bool]:
    """(changed, material) for a list that may be exhaustive, given as examples, none or not_stated.

    Material when it widens what the notice allows: an item it did not name, or a list that becomes
    non-exhaustive (`[A]` -> `{including: [A]}`: the notice no longer rules out others than A, so a reader must
    look again), or a statement withdrawn (not_stated where the list was given). A list that only narrows (an
    item dropped, `{including: [A]}` -> `[A]`) is an editorial change."""
    if old == new or (isinstance(old, Every) and isinstance(new, Every)):  # the top-level list's changes say it
        return False, False
    written_out = isinstance(old, Every) != isinstance(new, Every)  # `all` written out as a list, or the reverse
    marked = isinstance(old, Including) or isinstance(new, Including)
    if (
        written_out
        and not marked
        and isinstance(old, tuple)
        and isinstance(new, tuple)
        and _ids_of(old) == _ids_of(new)
    ):
        return False, False  # the same entries
    opened = isinstance(new, Including) and not isinstance(old, Including)
    added = bool(_ids_of(new) - _ids_of(old)) or (not isinstance(old, tuple) and isinstance(new, tuple))
    return True, added or opened or (new is NOT_STATED)


def purpose_lists(old: Company, new: Company) -> Iterator[Change]:
    """For each kept purpose, where its data comes from and who receives it (`all` is compared resolved)."""
    before, after = _by_id(old.purposes), _by_id(new.purposes)
    for key in sorted(before.keys() & after.keys()):
        was, now = before[key], after[key]
        for attribute, kind in (("source", "purpose_source_changed"), ("recipients", "purpose_recipients_changed")):
            changed, material = list_change(getattr(was, attribute), getattr(now, attribute))
            if changed:
                yield Change(kind, material, now.name, getattr(was, attribute), getattr(now, attribute))


def purpose_flags(old: Company, new: Company) -> Iterator[Change]:
    """Whether each kept purpose uses segmentation or profiling (Art. 4(4), 21(2)) and whether it serves advertising.
    Material when one is newly said to take place, or when "no" is no longer said; editorial when it is said to stop
    or the policy falls silent on one it used to state."""
    before, after = _by_id(old.purposes), _by_id(new.purposes)
    for attribute in ("profiling", "advertising"):
        for key in sorted(before.keys() & after.keys()):
            was, now = getattr(before[key], attribute), getattr(after[key], attribute)
            if was != now:
                material = (now is True) or (was is False and now is None)
                yield Change(f"purpose_{attribute}_changed", material, after[key].name, was, now)


def purpose_role(old: Company, new: Company) -> Iterator[Change]:
    """The role a kept purpose states for the company (Art. 4(7), 4(8), 26, 28): who decides, or on whose behalf the
    company acts, is always material to the people concerned. A purpose that states none takes the company's role,
    whose change is `role_changed`."""
    before, after = _by_id(old.purposes), _by_id(new.purposes)
    for key in sorted(before.keys() & after.keys()):
        if before[key].role is None and after[key].role is None:
            continue  # the company's role on both sides: role_changed says it once
        was, now = _role_of(old, before[key].role), _role_of(new, after[key].role)
        if _who(was) != _who(now):
            yield Change("purpose_role_changed", True, after[key].name, was, now)


def _who(role: Any) -> tuple[Any, Any]:
    """What a purpose's role says of who decides (its note is wording): what it acts as, on whose behalf."""
    return getattr(role, "acts_as", None), getattr(role, "on_behalf_of", None)


def _role_of(company: Company, role: PurposeRole | None) -> PurposeRole | NotStated:
    """A purpose's role: its own, or the company's where it states none (a controller's, or a processor's for a
    controller the policy does not name); not stated for a company that is both."""
    if role is not None:
        return role
    if company.role == "controller":
        return PurposeRole("controller")
    return PurposeRole("processor", NOT_STATED) if company.role == "processor" else NOT_STATED


def category_items(old: Company, new: Company) -> Iterator[Change]:
    """The items of each kept data category: a new item, or a list that becomes non-exhaustive, is material."""
    before, after = _by_id(old.data_categories), _by_id(new.data_categories)
    for key in sorted(before.keys() & after.keys()):
        changed, material = list_change(before[key].items, after[key].items)
        if changed:
            yield Change("category_items_changed", material, after[key], before[key].items, after[key].items)


def transfer_destinations(old: Company, new: Company) -> Iterator[Change]:
    """The countries of each kept transfer: a new country, or a list that becomes non-exhaustive, is material."""
    before = _by_id(getattr(old.transfers, "items", ()))
    after = _by_id(getattr(new.transfers, "items", ()))
    for key in sorted(before.keys() & after.keys()):
        changed, material = list_change(before[key].destination, after[key].destination)
        if changed:
            yield Change(
                "transfer_destination_changed",
                material,
                after[key].destination,
                before[key].destination,
                after[key].destination,
            )


def sale(old: Company, new: Company) -> Iterator[Change]:
    """Whether data is sold: any change of the answer is material except a sale that stops (true to false)."""
    was, now = (getattr(c.sale, "sold", NOT_STATED) for c in (old, new))
    if was != now:
        yield Change("sale_changed", not (was is True and now is False), None, was, now)


@dataclass(frozen=True)
class Link:
    """An entry a purpose points to, compared by its id (the entry itself is diffed on its own) and named, in a
    change's sentence, as the entry it is (`target`)."""

    id: str
    target: Any = field(compare=False)


def _links(value: Any) -> Any:
    """The entries a purpose points to, by id, or its none/not_stated."""
    return tuple(Link(item.id, item) for item in value) if isinstance(value, tuple) else value


_WAYS = {"email": None, "postal_address": None, "phone": None, "web_form": None, "attention": None}


def _kept(old: Any, new: Any, key: Callable[[Any], Any]) -> tuple[list[Any], list[Any]]:
    """The items of two lists that both versions hold (by key), in the same order: the items added or removed are
    reported by the comparisons above, and only what else changed in a kept item is left to the declarations."""
    before = {key(item): item for item in old} if isinstance(old, tuple) else {}
    after = {key(item): item for item in new} if isinstance(new, tuple) else {}
    both = sorted(before.keys() & after.keys(), key=str)
    return [before[k] for k in both], [after[k] for k in both]


def _paired(
    old: Any, new: Any, key: Callable[[Any], Any], rest: Callable[[Any, Any], tuple[Any, Any]]
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The kept items of two lists, each pair with what the comparisons above report taken out (`rest`)."""
    pairs = [rest(was, now) for was, now in zip(*_kept(old, new, key), strict=True)]
    return tuple(was for was, _ in pairs), tuple(now for _, now in pairs)


def _purpose_rest(was: Any, now: Any) -> tuple[Any, Any]:
    """A kept purpose without what purposes(), purpose_lists(), purpose_flags() and purpose_role() report."""
    same_bases = _codes(was.legal_bases, "basis") == _codes(now.legal_bases, "basis")
    same_role = _who(was.role) == _who(now.role)
    reported = {"data_categories": (), "source": None, "recipients": None, "profiling": None, "advertising": None}

    def rest(p: Any, bases: Any, role: Any) -> Any:
        return replace(
            p,
            **reported,
            legal_bases=bases,
            role=role,
            data_subjects=_links(p.data_subjects),
            retention=_links(p.retention),
        )

    def bases(p: Any) -> Any:  # `general` only says the interest is the overview's: the interest's change says it
        if not same_bases or not isinstance(p.legal_bases, tuple):
            return () if not same_bases else p.legal_bases  # codes changed: legal_basis_changed says it
        return tuple(replace(b, general=False) for b in p.legal_bases)

    return (
        rest(was, bases(was), was.role if same_role else None),
        rest(now, bases(now), now.role if same_role else None),
    )


def _contact_rest(point: Any) -> Any:
    """A contact point without the ways to reach it and its reference line (contacts() and rights() report them)."""
    return replace(point, **_WAYS) if isinstance(point, ContactPoint) else None


def _contacts_rest(was: Any, now: Any) -> tuple[Any, Any]:
    """Two contact points less their ways (the change of address says them): their labels and notes, reported as
    wording even beside a new address; nothing when one side has no contact point."""
    if isinstance(was, ContactPoint) and isinstance(now, ContactPoint):
        return _contact_rest(was), _contact_rest(now)
    return None, None


def _transfers_rest(was: Any, now: Any) -> tuple[Any, Any]:
    """Transfers without what transfers() and transfer_destinations() report: the kept items' destinations,
    safeguards and purposes, the items added or removed, the list's mark; and the whole answer when it came or went
    (not stated, or a list on one side only: transfers_changed or transfer_added says it), as is the yes/no answer
    when neither lists any transfer."""
    if not (isinstance(was, Transfers) and isinstance(now, Transfers)) or bool(was.items) != bool(now.items):
        return None, None
    reported = {"destination": (), "safeguards": (), "purposes": ()}
    items = _paired(was.items, now.items, lambda t: t.id, lambda a, b: (replace(a, **reported), replace(b, **reported)))
    outside = (was.outside_eu, now.outside_eu) if was.items else (now.outside_eu, now.outside_eu)
    return (
        replace(was, items=items[0], outside_eu=outside[0]),
        replace(now, items=items[1], outside_eu=outside[1]),
    )


def _rights_rest(was: Any, now: Any) -> tuple[Any, Any]:
    """Rights without the rights added or removed and where each is exercised (rights() reports them), nor a right
    that moved between the rights offered and those the policy does not mention."""
    offered = _paired(
        was.offered,
        now.offered,
        lambda r: r.code,
        lambda a, b: (
            replace(a, contact=_contacts_rest(a.contact, b.contact)[0]),
            replace(b, contact=_contacts_rest(a.contact, b.contact)[1]),
        ),
    )
    moved = {r.code for r in was.offered} ^ {r.code for r in now.offered}  # right_added / right_removed say it
    contact = _contacts_rest(was.contact, now.contact)

    def silent(rights: Any) -> tuple[str, ...]:
        return tuple(code for code in rights.not_stated if code not in moved)

    return (
        replace(was, offered=offered[0], contact=contact[0], not_stated=silent(was)),
        replace(now, offered=offered[1], contact=contact[1], not_stated=silent(now)),
    )


def _cookies_rest(was: Any, now: Any) -> tuple[Any, Any]:
    """Cookies without the cookies added or removed, their lifetimes, and what cookie_partners() reports."""
    items = _with_ids(_cookie_key, lifetime=None)(was.items, now.items)
    both = was.partners is not None and now.partners is not None  # partners that came or went: cookie_partners()
    reported = {"names": (), "purposes": (), "lifetime": None, "consent_required": None}  # its note is left

    def partners(p: Any) -> Any:
        return replace(p, **reported) if both else None

    return (
        replace(was, items=items[0], partners=partners(was.partners)),
        replace(now, items=items[1], partners=partners(now.partners)),
    )


def _dpo_rest(was: Any, now: Any) -> tuple[Any, Any]:
    """The DPO less who it is and how to reach it (contacts() reports them) and its registration: the label and
    note of its contact point."""
    if not (isinstance(was, Dpo) and isinstance(now, Dpo)):
        return None, None
    contact = _contacts_rest(was.contact, now.contact)
    return replace(was, contact=contact[0]), replace(was, contact=contact[1])


def _with_ids(key: Callable[[Any], Any], **reported: Any) -> Callable[[Any, Any], tuple[Any, Any]]:
    """The kept items of a list by key, with the attributes the comparisons above report taken out."""

    def rest(was: Any, now: Any) -> tuple[Any, Any]:
        return _paired(was, now, key, lambda a, b: (replace(a, **reported), replace(b, **reported)))

    return rest


def _identity_rest(was: Any, now: Any) -> tuple[Any, Any]:
    """The identity, with the joint controllers both versions name (joint_controllers() reports the others)."""
    kept = _kept(was.joint_controllers, now.joint_controllers, lambda j: j.legal_name)
    return replace(was, joint_controllers=tuple(kept[0])), replace(now, joint_controllers=tuple(kept[1]))


# What a field of the company holds besides what the comparisons above report, for two versions: compared by the
# declarations (diff()). A field not named here is compared whole; `role`, `name` and `slug` are company()'s.
_RESTS: dict[str, Callable[[Any, Any], tuple[Any, Any]]] = {
    "identity": _identity_rest,
    "purposes": lambda was, now: _paired(was, now, lambda p: p.id, _purpose_rest),
    "data_categories": _with_ids(lambda c: c.id, items=()),
    "retention_rules": _with_ids(lambda r: r.id, period=None),
    "recipients": _with_ids(lambda r: r.id, shared=False),
    "transfers": _transfers_rest,
    "contact": _contacts_rest,
    "dpo": _dpo_rest,
    "rights": _rights_rest,
    "cookies": _cookies_rest,
    "sections": _with_ids(lambda s: s.id, body=None),
    "sale": lambda was, now: (replace(was, sold=now.sold), now) if type(was) is type(now) is Sale else (None, None),
}


def _rest(name: str, old: Company, new: Company) -> tuple[Any, Any]:
    """A field of two versions of the company, less what the comparisons above report."""
    was, now = getattr(old, name), getattr(new, name)
    found = _RESTS.get(name)
    return found(was, now) if found is not None else (was, now)


DIFFS: tuple[Callable[[Company, Company], Iterable[Change]], ...] = (
    company,
    purposes,
    data_categories,
    retention,
    recipients,
    joint_controllers,
    transfers,
    contacts,
    rights,
    cookies,
    sections,
    purpose_lists,
    category_items,
    transfer_destinations,
    purpose_flags,
    purpose_role,
    sale,
)


@dataclass(frozen=True)
class Part:
    """The smallest declared part of the model that differs between two versions: its class by the declaration of
    the field it is (or, with no declaration of its own, of the nearest field that holds it), the wording key that
    names it (its declaration's label, or that of the declared record it is part of; None when it has none), how its
    codes are worded (`vocabulary`), the name of the item of a list it belongs to (a purpose, a recipient), and its
    two values."""

    change: Class
    label: str | None
    vocabulary: str | None
    item: Any
    old: Any
    new: Any


def _item_name(item: Any) -> Any:
    """How an item of a list is named in a sentence: its name, what it applies to, its title, its legal name; an
    item known by its code (a right, a data category) is named by the sentence from the item itself."""
    for attribute in ("name", "applies_to", "title", "legal_name", "label"):
        found = getattr(item, attribute, None)
        if isinstance(found, (str, Text)):
            return found
    return item if isinstance(getattr(item, "code", None), str) else None


def _vocabulary(where: Field | None) -> str | None:
    """How a field's codes are worded: its declared vocabulary, or country names for a country code."""
    if where is None:
        return None
    return where.vocabulary or ("country" if "country" in set(targets(where.type)) else None)


def parts(
    old: Any,
    new: Any,
    where: Field | None,
    inherited: Class = EDITORIAL,
    label: str | None = None,
    item: Any = None,
) -> Iterator[Part]:
    """The parts that differ between two values of the model, walking records field by field and lists of the same
    length item by item. A part takes the label of its declaration, or of the declared record it is in; a field
    the model holds without a declaration of its own is named by none."""
    here = where.change if where is not None else inherited
    if old == new:
        return
    if is_dataclass(old) and type(old) is type(new) and not isinstance(old, _PLAIN):  # a text is one value
        for step in fields(old):
            inner = member(where, step.name, DEFINITIONS) if where is not None else None
            inner = inner or renamed_member(type(old), step.name)
            named = (inner.label or label) if inner is not None else None
            yield from parts(getattr(old, step.name), getattr(new, step.name), inner, here, named, item)
        return
    if isinstance(old, tuple) and type(old) is type(new) and len(old) == len(new) and not _printable(old):
        for was, now in zip(old, new, strict=True):
            yield from parts(was, now, where, here, label, _item_name(now) or item)
        return
    yield Part(here, label, _vocabulary(where), item, old, new)


_PLAIN = (str, bool, int, Text, Duration, Money, NotStated, Link, SpecialCategories, Establishment, type(None))


class Together(tuple[Any, ...]):
    """The parts of one labelled record that changed together (a register's city and number), printed as one
    value: the stated parts side by side, or "not stated" when none is."""

    __slots__ = ()


def _parts(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, Together) else (value,)


def _printable(value: Any) -> bool:
    """A value the change's sentence can print as it is (a name, a text, a duration, an amount, a yes/no, silence,
    or a list of these); a record (a contact point, a joint controller) is reported by its heading alone."""
    if isinstance(value, tuple):
        return all(_printable(item) for item in value)
    return isinstance(value, _PLAIN)


def diff(old: Company, new: Company) -> list[Change]:
    """Every change from `old` to `new`: specific ones first, then the changes no specific comparison covers, by
    declaration: each material part with its old and new values (`field_changed`, under its label or its notice
    heading), a material part that cannot be printed as a value as `facts_changed` under its heading, and the
    editorial parts as one `wording_changed` per heading."""
    changes: list[Change] = [change for compute in DIFFS for change in compute(old, new)]
    headings: dict[str, bool] = {}
    for item in fields(Company):
        name = item.name
        if name not in HEADINGS:
            continue
        was, now = _rest(name, old, new)
        if was == now:
            continue
        path = declared(name)
        heading = HEADINGS[name]
        declaration = path[-1] if path else None
        for part in parts(was, now, declaration, label=declaration.label if declaration else None):
            if part.change is MATERIAL and part.label and _printable(part.old) and _printable(part.new):
                subject = (part.label, part.item, part.vocabulary)
                last = changes[-1] if changes else None
                if last is not None and last.kind == "field_changed" and last.subject == subject:
                    # the parts of one labelled record (a register's city and number): one line, read together
                    joined = (Together((*_parts(last.old), part.old)), Together((*_parts(last.new), part.new)))
                    changes[-1] = replace(last, old=joined[0], new=joined[1])
                else:
                    changes.append(Change("field_changed", True, subject, part.old, part.new))
            else:
                headings[heading] = headings.get(heading, False) or part.change is MATERIAL
    changes.extend(
        Change("facts_changed" if material else "wording_changed", material, subject=heading)
        for heading, material in headings.items()
    )
    return changes


def is_material(changes: Iterable[Change]) -> bool:
    """A version is material when any of its changes is."""
    return any(change.material for change in changes)


# Model fields ("Class.field") diff() deliberately does not compare, with the reason; every other field of every model
# dataclass must yield a change when it changes (tests/test_diff.py changes each one alone in a sample company).
IGNORED: dict[str, str] = {
    "Company.file": "where the data was read from, not what the notice says (not compared by equality either)",
    "Company.versions": "the version list is the history itself: the diff is computed between its entries",
    "Version.version": "part of the version list (see Company.versions)",
    "Version.date": "part of the version list (see Company.versions)",
    "Version.summary": "part of the version list (see Company.versions)",
    "Company.gaps": "derived from the other fields by the completeness rules: a gap filled is already a change of "
    "the field that was not stated (not compared by equality either)",
    "Gap.rule": "part of Company.gaps, derived (see Company.gaps)",
    "Gap.article": "part of Company.gaps, derived (see Company.gaps)",
    "Gap.kind": "part of Company.gaps, derived (see Company.gaps)",
    "Gap.subjects": "part of Company.gaps, derived (see Company.gaps)",
}
