"""What the policy does not say, summarised once per page: the completeness warnings grouped by rule.

The completeness rules (completeness.py) are the only list of what GDPR Art. 12 to 14 require; this module groups
their warnings into `Gap`s (one per rule, with the entries it found), says which company page each gap concerns
(`PAGE_RULES`, the one rule-to-page mapping) and words a gap in a language from `gaps.<rule>` in the locale files.
The notice and the overview show every gap; the activities, rights and cookies pages only theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..model.model import NOT_STATED, Company, Gap
from ..source.wording import Wording
from . import phrases

PAGE_RULES: Mapping[str, frozenset[str]] = {
    "activities": frozenset(
        {
            "purpose_legal_basis",
            "purpose_data_categories",
            "purpose_retention",
            "purpose_recipients",
            "legitimate_interest",
            "recipient_named",
        }
    ),
    "rights": frozenset(
        {"article_rights", "withdraw_consent", "complaint", "rights_channel", "rights_email", "response_delay"}
    ),
    "cookies": frozenset(),  # no completeness rule is about cookies: what that page leaves out stays inline
}
"""The gaps each page other than the notice and the overview shows (those two show them all); a page not listed
shows none."""
EVERY_GAP = ("index", "notice")


def on_page(gaps: Sequence[Gap], page: str) -> tuple[Gap, ...]:
    """The gaps a page shows in its box."""
    if page in EVERY_GAP:
        return tuple(gaps)
    wanted = PAGE_RULES.get(page, frozenset())
    return tuple(gap for gap in gaps if gap.rule in wanted)


def covered(gaps: Sequence[Gap], rule: str, subject: str | None = None) -> bool:
    """True when a gap of `rule` (about `subject`, if given) is reported: the page may leave that line out."""
    return any(gap.rule == rule and (subject is None or subject in gap.subjects) for gap in gaps)


def _transfer_name(company: Company, transfer_id: str, words: Wording) -> str:
    """A transfer in words: its destinations, or failing them its recipient, or its description, or failing all its
    place among the policy's transfers (`gaps.unnamed_transfer`; its id is the data's, never shown)."""
    transfers = company.transfers.items if company.transfers is not NOT_STATED else ()
    number, transfer = next((n, t) for n, t in enumerate(transfers, 1) if t.id == transfer_id)
    if transfer.destination is not NOT_STATED:
        return phrases.including(
            transfer.destination, phrases.join([phrases.country(c, words) for c in transfer.destination], words), words
        )
    if transfer.recipient is not None:
        return phrases.recipient_name(transfer.recipient, words)
    if transfer.description:
        return phrases.localize(transfer.description, words)
    if len(transfers) == 1:
        return words("gaps.unnamed_transfer.one")
    return words(
        "gaps.unnamed_transfer.other", number=phrases.number(number, words), total=phrases.number(len(transfers), words)
    )


def subject_name(company: Company, kind: str, subject: str, words: Wording) -> str:
    """One entry a gap is about, as a visitor reads it: a purpose's name, a right's name, a version number..."""
    if kind == "purpose":
        return phrases.localize(next(p.name for p in company.purposes if p.id == subject), words)
    if kind == "recipient":
        return phrases.recipient_name(next(r for r in company.recipients if r.id == subject), words)
    if kind == "retention_rule":
        return phrases.localize(next(r.applies_to for r in company.retention_rules if r.id == subject), words)
    if kind == "transfer":
        return _transfer_name(company, subject, words)
    if kind == "right":
        return words(f"right.{subject}.name")
    if kind == "automated_part":
        return words(f"label.automated_{subject}")
    return subject  # a version number


LISTED = 3
"""Up to this many entries of a long-named kind (purposes, recipients, transfers, retention rules) are named in the
box; beyond, it gives their count (each entry's own section shows what it lacks by leaving the line out)."""
COUNTED: Mapping[str, Callable[[Company], int]] = {
    "purpose": lambda company: len(company.purposes),
    "recipient": lambda company: len(company.recipients),
    "transfer": lambda company: len(company.transfers.items) if company.transfers is not NOT_STATED else 0,
    "retention_rule": lambda company: len(company.retention_rules),
}


def subjects(company: Company, gap: Gap, words: Wording) -> str:
    """What a gap is about ("purpose concerned: A", "11 of 15 purposes", "every purpose (15)"), or "" when it is
    about no entry in particular."""
    if not gap.kind or not gap.subjects:
        return ""
    count = len(gap.subjects)
    total = COUNTED[gap.kind](company) if gap.kind in COUNTED else count
    if gap.kind in COUNTED and count == total and total > 1:
        return words(f"gaps.subjects.{gap.kind}.all", count=count)
    if gap.kind in COUNTED and count > LISTED:
        return words(f"gaps.subjects.{gap.kind}.many", count=count, total=total)
    names = words("punct.semicolon").join(subject_name(company, gap.kind, s, words) for s in gap.subjects)
    return words(f"gaps.subjects.{gap.kind}.{'one' if count == 1 else 'other'}", names=names)


def context(words: Wording) -> dict[str, Any]:
    """The template helpers of this module, bound to a language."""
    return {
        "gaps_on": on_page,
        "gap_covers": covered,
        "gap_subjects": lambda company, gap: subjects(company, gap, words),
    }
