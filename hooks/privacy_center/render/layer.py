"""The first layer of an overview: the answers a visitor looks for, worded from statements.py.

Layered notices are what the EDPB transparency guidelines (WP260 rev.01, paragraphs 35-38) recommend: the first layer
says who is responsible, how to exercise the rights and what has the most impact on the person. Every answer comes
from statements.py (one reading for every surface); this module only words the ones the first layer combines.
"""

from __future__ import annotations

from ..model import statements
from ..model.model import NOT_STATED, Company, Text
from ..model.statements import Answer, Statements
from ..source.wording import Wording
from . import phrases


def key_facts(company: Company) -> Statements:
    """The answers of the first layer: the company's statements."""
    return statements.of(company)


def _controllers(found: Statements, words: Wording) -> str:
    names = [
        words("role.unnamed_controller") if name is NOT_STATED else phrases.localize(name, words)
        for name in found.processor_for
        if isinstance(name, Text) or name is NOT_STATED
    ]
    return phrases.join(names, words) if names else words("role.unnamed_controller")


def role_line(company: Company, words: Wording) -> str:
    """The company's role in one sentence, per purpose where it differs: "Data controller", "Processor on behalf of
    the Customer (GDPR Art. 28)", or "Processes your data on behalf of the Customer (processor, GDPR Art. 28);
    controller for: A and B"."""
    found = statements.of(company)
    if found.roles == "processor":
        return words("role.processor_for", controllers=_controllers(found, words))
    if found.roles == "mixed":
        names = [phrases.localize(p.name, words) for p in found.controller_purposes]
        return words(
            "role.mixed",
            controllers=_controllers(found, words),
            purposes=phrases.join(names, words),
        )
    return words(f"role.{found.roles}")


QUOTED = 2
"""The first layer quotes at most this many of the policy's sentences for one answer; the notice has them all."""
QUOTE_CHARS = 160
"""A quoted sentence longer than this is cut at a word and marked "[…]" on the first layer (about three phone lines)."""


def quotes(statement: statements.Statement, words: Wording) -> list[str]:
    """The policy's words behind an answer, short enough for a first layer: the first sentence of each of the first
    `QUOTED` quotes, with "[…]" where the quote goes on (the full text is in the notice, one link away)."""
    found = []
    for quote in statement.quotes[:QUOTED]:
        text = phrases.localize(quote, words)
        first, cut, rest = text.partition(". ")
        shown = f"{first}." if cut and rest.strip() else text
        if len(shown) > QUOTE_CHARS:
            shown = shown[:QUOTE_CHARS].rsplit(" ", 1)[0].rstrip(",;:")
        found.append(words("layer.quote", text=f"{shown} […]" if shown != text else text))
    return found


def automated(found: Statements) -> Answer:
    """ "Automated decisions or profiling?": yes when either is stated; the policy's words when it describes
    automated processing without saying whether decisions follow; no only when both are denied or decisions are
    denied (the line then says what it says of profiling); otherwise not stated."""
    if found.automated.yes or found.profiling.yes:
        return "yes"
    if "statement" in (found.automated.answer, found.profiling.answer):
        return "statement"
    if found.automated.no:
        return "no"
    return "not_stated"
