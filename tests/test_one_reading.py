"""One reading, every surface: the facts statements.py answers are read from it, never from the model again.

A surface module or template that reads one of these facts from the model re-interprets the policy on its own: the
guard below finds such reads by their shape (`company.sale`, `transfers.outside_eu`, `category.sensitive`...) and
fails with the file and line. The answers themselves are checked on the five seeds, as the pages state them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from privacy_center.check.resolve import company_from_data
from privacy_center.model import statements
from privacy_center.source.loader import load_file

PACKAGE = ROOT / "hooks" / "privacy_center"
# Modules and templates that only show what statements.py answers: the render and records layers and the templates
# (the model, its builders, the checks and the diff read the data itself: they are not surfaces).
SURFACES = (
    *sorted((PACKAGE / "render").glob("*.py")),  # every module of the layers that show or export the notice
    *sorted((PACKAGE / "records").glob("*.py")),
    *sorted(p for p in (PACKAGE / "templates").rglob("*.j2") if p.name != "new_company.yaml.j2"),  # scaffold
)
# The facts statements.py answers, as a surface would read them from the model.
GUARDED = {
    "sold": re.compile(r"\bcompany\.sale\b"),
    "special categories": re.compile(r"\bcompany\.special_categories\b|\b(?:c|category)\.sensitive\b"),
    "role": re.compile(r"\b(?:company|purpose)\.role\b"),
    "complaint channel": re.compile(r"\bauthority\.(?:mentioned|complaint_url|postal_address)\b"),
    "transfers": re.compile(r"\btransfers\.outside_eu\b|\btransfer\.safeguards\b"),
    "automated decisions": re.compile(r"\bcompany\.automated_decisions\b"),
    "profiling, advertising": re.compile(r"\bpurpose\.(?:profiling|advertising)\b"),
    "rights channel": re.compile(r"\bright\.contact\b|\bvia_controller\b"),
    "cookies used": re.compile(r"\bcookies\.used\b"),
}


def reads_of_the_model(text: str) -> list[tuple[int, str]]:
    """(line, fact) for every line of a surface that reads a guarded fact from the model."""
    return [
        (number, fact)
        for number, line in enumerate(text.splitlines(), 1)
        for fact, pattern in GUARDED.items()
        if pattern.search(line)
    ]


def test_the_guard_can_fail() -> None:
    surface = "x = company.sale.sold\n{% if company.authority.mentioned %}\n{{ join(transfer.safeguards, safeguard) }}"
    assert reads_of_the_model(surface) == [(1, "sold"), (2, "complaint channel"), (3, "transfers")]
    assert reads_of_the_model("found = statements.of(company)\nfacts.sold.answer\nitem.instruments") == []


@pytest.mark.parametrize("path", SURFACES, ids=lambda p: p.name)
def test_surfaces_read_only_the_statements(path: Path) -> None:
    found = reads_of_the_model(path.read_text(encoding="utf-8"))
    assert found == [], f"{path.name} reads from the model what statements.py answers: {found}"


def _company(slug: str) -> statements.Statements:
    document, errors = load_file(ROOT / "data" / f"{slug}.yaml")
    assert document is not None and not errors
    return statements.of(company_from_data(document.data, document.file))


def test_the_saas_provider_is_a_processor_but_for_its_contract_contacts() -> None:
    found = _company("saas-provider")
    assert found.roles == "mixed"
    # "Purposes pursued by the Customer outside the Services ... are the sole responsibility of the Customer"
    assert [p.role.acts_as for p in found.purposes] == ["processor"] * 3 + ["other_controller", "controller"]
    assert [p.id for p in found.controller_purposes] == ["contract_contacts"]
    assert [p.role.record for p in found.purposes] == ["30(2)"] * 3 + [None, "30(1)"]
    assert found.channel == "controller" and found.forwarded
    assert {r.channel for r in found.rights} == {"controller"}
    # rights go to the Customer, but for the data it controls the policy gives no channel: said, not hidden
    assert [p.id for p in found.unserved] == ["contract_contacts"]


@pytest.mark.parametrize("slug", ["actifpilot", "coopo", "saas-provider"])
def test_silence_on_special_categories_is_no_answer(slug: str) -> None:
    found = _company(slug)
    assert found.special.answer == "not_stated"
    assert {p.special.answer for p in found.purposes} == {"not_stated"}


def test_coppernic_says_it_collects_no_sensitive_data() -> None:
    found = _company("coppernic")
    assert found.special.answer == "no"
    assert found.special.quotes[0].get("en").startswith("Coppernic collects no sensitive data")
    withdraw = found.right("withdraw_consent")
    assert withdraw is not None and withdraw.channel == "how" and withdraw.contact is None
    complaint = found.right("complaint")
    assert complaint is not None and complaint.channel == "authority"


def test_actifpilot_safeguards_are_alternatives_and_its_transfers_possible() -> None:
    found = _company("actifpilot")
    assert found.outside_eu.answer == "possible"
    assert [(t.answer, t.alternatives) for t in found.transfers] == [("possible", True)]
    assert found.automated.answer == "statement"
    assert found.complaint.answer == "not_stated"


def test_the_publisher_may_sell_advertises_and_speaks_of_profiling() -> None:
    found = _company("publisher-cgu")
    assert found.sold.answer == "possible" and found.sold.notes  # "subject to resale", read as may be resold
    assert found.advertising.answer == "yes"
    # "demographic profiling" of aggregated information: the policy's words, neither yes nor not stated
    assert found.profiling.answer == "statement" and found.profiling.quotes
    assert found.automated.answer == "not_stated"


def test_answers_are_computed_once_per_company() -> None:
    document, _ = load_file(ROOT / "data" / "coopo.yaml")
    assert document is not None
    company = company_from_data(document.data, document.file)
    assert statements.of(company) is statements.of(company)
