"""Fides manifests (fides.py): one fideslang `system` per company, a privacy declaration per purpose, for every seed
and every version of the history demo, in French and English. Each manifest is read by fideslang's own models and
its references resolved against the default taxonomy, then checked field by field against the data: purposes in
order, data uses, categories, subjects, legal bases, retention, recipients, not_stated facts left out, and
`unmapped` listing exactly what got no default key."""

from __future__ import annotations

import ast
import copy
import re
from dataclasses import replace
from functools import cache
from typing import Any

import pytest
from conftest import FIXTURES, ROOT
from fideslang.default_taxonomy import DEFAULT_TAXONOMY
from fideslang.models import (
    DataResponsibilityTitle,
    LegalBasisForProcessingEnum,
    LegalBasisForTransfersEnum,
    System,
    Taxonomy,
)
from fideslang.relationships import get_referenced_missing_keys
from fideslang.validation import FIDES_KEY_PATTERN
from privacy_center.model import statements
from privacy_center.model.model import (
    NONE,
    NOT_STATED,
    ActsAs,
    Alternatives,
    Company,
    Dpo,
    LegalBasis,
    PurposeRole,
    Recipient,
    SpecialCategories,
    Text,
    Transfer,
    Transfers,
)
from privacy_center.records import fides
from privacy_center.records.fides import (
    DATA_CATEGORY,
    DATA_SUBJECT,
    LEGAL_BASIS,
    META,
    NO_DATA_CATEGORY,
    NO_DATA_SUBJECT,
    RESPONSIBILITY,
    TRANSFER_BASIS,
    manifest,
    unmapped,
)
from privacy_center.render.phrases import category_name, recipient_name, subject_name
from privacy_center.site.build import check_company
from privacy_center.site.checker import default_context
from privacy_center.source.publish import in_force_day
from privacy_center.source.wording import load_wording
from pydantic import ValidationError

SEEDS = ["actifpilot", "coopo", "coppernic", "publisher-cgu", "saas-provider"]
LANGUAGES = ["fr", "en"]
DEMO = FIXTURES / "history" / "data"
DEMO_VERSIONS = sorted(p.stem for p in (DEMO / "versions" / "demo").glob("*.yaml"))
DEFAULT_KEYS = {
    kind: {item.fides_key for item in getattr(DEFAULT_TAXONOMY, kind) if not item.version_deprecated}
    for kind in ("data_category", "data_subject", "data_use")
}
TAXONOMY_KINDS = ("data_category", "data_subject", "data_use")


@cache
def seed(slug: str) -> Company:
    build = check_company(ROOT / "data" / f"{slug}.yaml", default_context(), (), LANGUAGES, "fr", in_force_day())
    assert build.company is not None, slug
    return build.company


@cache
def demo() -> dict[str, Company]:
    """The demo notice as it was at each version (its changelog entries' `company`)."""
    build = check_company(DEMO / "demo.yaml", default_context(), (), LANGUAGES, "fr", in_force_day())
    found = {e.version.version: e.company for e in build.changelog if e.company is not None}
    assert sorted(found) == DEMO_VERSIONS  # every version has its frozen notice, and only those
    return found


def company_of(case: str) -> Company:
    return demo()[case.split("@", 1)[1]] if case.startswith("demo@") else seed(case)


CASES = SEEDS + [f"demo@{version}" for version in DEMO_VERSIONS]


def keys_of(company: Company, items: Any, kind: str, custom: dict[str, Any], name: Any, words: Any) -> list[str]:
    """The keys a declaration should cite for its categories or subjects (`kind`): the default key of each code in
    the mapping table, else the custom entry the manifest declares with the item's name; each once, in order."""
    table, short = (DATA_CATEGORY, "category") if kind == "data_category" else (DATA_SUBJECT, "subject")
    expected: list[str] = []
    for item in items:
        mapped = table.get(item.code or "")
        if mapped:
            assert mapped in DEFAULT_KEYS[kind]
        else:
            mapped = custom_key(company, short, item.id)
            assert custom[kind][mapped]["name"] == name(item, words)
        expected += [mapped] if mapped not in expected else []
    return expected


def validated(found: dict[str, Any]) -> Taxonomy:
    """The manifest read by fideslang, every key it cites resolved in it or in the default taxonomy."""
    taxonomy = Taxonomy.model_validate(found)
    merged = Taxonomy.model_validate(
        {
            **{kind: [*getattr(DEFAULT_TAXONOMY, kind), *getattr(taxonomy, kind)] for kind in TAXONOMY_KINDS},
            "organization": DEFAULT_TAXONOMY.organization,
            "system": taxonomy.system,
        }
    )
    missing = get_referenced_missing_keys(merged)
    assert not missing, f"keys cited but declared nowhere: {sorted(missing)}"
    return taxonomy


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def custom_key(company: Company, kind: str, item_id: str) -> str:
    return f"{company.slug}-{kind}-{item_id}"


def acts_as(company: Company, purpose: Any) -> str:
    """The company's role for a purpose, from the data: the purpose's own `role`, else the company's."""
    if purpose.role is not None:
        return purpose.role.acts_as
    return "processor" if company.role == "processor" else "controller"


def own(company: Company) -> list[Any]:
    """The purposes that are the company's own processing: another controller's (`other_controller`), which the
    policy only describes, gets no declaration and no data use."""
    return [p for p in company.purposes if acts_as(company, p) != "other_controller"]


def special_category_data(company: Company, purpose: Any) -> bool | None:
    """Whether the data says a purpose processes special-category data (Art. 9): yes from a category of its own
    marked sensitive; no from the policy's explicit no for all its data; None when it does not answer for this
    purpose (silence, words without a yes or no, or a yes for the company that names no purpose)."""
    categories = () if purpose.data_categories == NOT_STATED else purpose.data_categories
    if any(c.sensitive for c in categories):
        return True
    special = company.special_categories
    return False if special != NOT_STATED and special.processed is False else None


def stated_otherwise(company: Company) -> set[str]:
    """The system's yes/no fields the policy answers otherwise than yes or no, as the data says: transfers it calls
    possible; profiling it states for a purpose, or in its own words, with no Art. 22 decision based on profiling."""
    found = statements.of(company)
    expected = set()
    transfers = company.transfers
    if transfers != NOT_STATED and transfers.outside_eu == "possible":
        expected.add("does_international_transfers")
    decisions = company.automated_decisions
    on_profiling = decisions != NOT_STATED and decisions.exists and decisions.profiling is True
    said = decisions != NOT_STATED and decisions.profiling is True
    profiled = [p for p in own(company) if p.profiling is not None and p.profiling is not False]
    assert found.decisions_on_profiling is on_profiling
    if not on_profiling and (said or profiled):
        assert found.profiling.answer in ("yes", "statement")
        expected.add("uses_profiling")
    return expected


def assert_says_what_the_data_says(company: Company, language: str, found: dict[str, Any]) -> None:
    """Every field of the manifest against the data, and `unmapped` against the keys the manifest gives."""
    words = load_wording(language)
    assert set(found) <= {"system", *TAXONOMY_KINDS}
    (system,) = found["system"]
    custom = {kind: {e["fides_key"]: e for e in found.get(kind, [])} for kind in TAXONOMY_KINDS}
    for kind, entries in custom.items():
        assert not set(entries) & DEFAULT_KEYS[kind], f"a custom {kind} shadows a default key"
        assert len(entries) == len(found.get(kind, [])), f"duplicate custom {kind}"
    assert NOT_STATED.value not in strings(found), "a not_stated value reached the manifest"

    # every string typeset by the language's one rule, as on the pages
    typeset = words.typeset
    assert [text for text in strings(found) if typeset(text) != text] == []

    # the system: only what the data states
    identity = company.identity
    purposes = own(company)
    assert system["fides_key"] == company.slug
    assert system["name"] == typeset(company.name.get(language))
    # from each purpose's role, each title once in the order the roles first appear (it was the company's role, one
    # title for a company that is controller of some purposes and processor of others); another controller's
    # processing gives the company no title
    roles = [acts_as(company, p) for p in company.purposes]
    assert [p.role.acts_as for p in statements.of(company).purposes] == roles
    titles = [RESPONSIBILITY[acts_as(company, p)] for p in purposes] or [RESPONSIBILITY["controller"]]
    assert system["responsibility"] == list(dict.fromkeys(titles))
    assert system.get("legal_name") == (None if identity.legal_name == NOT_STATED else typeset(identity.legal_name))
    assert system.get("legal_address") == (
        None if identity.registered_address == NOT_STATED else typeset(identity.registered_address)
    )
    url = company.source.get("url")
    assert system.get("privacy_policy") == (None if url in (None, NOT_STATED) else url)
    dpo = company.dpo
    if dpo == NOT_STATED or not dpo.appointed:
        assert "dpo" not in system
    elif dpo.contact and dpo.contact.email not in (None, NOT_STATED):
        assert dpo.contact.email in system["dpo"]
    cookies = statements.of(company).cookies_used
    assert cookies.stated is (company.cookies.used != NOT_STATED)
    if not cookies.stated:
        assert "uses_cookies" not in system
    else:
        assert system["uses_cookies"] is cookies.yes is company.cookies.used
    transfers = company.transfers
    if transfers == NOT_STATED or transfers.outside_eu == "possible":
        assert "does_international_transfers" not in system
        assert "legal_basis_for_transfers" not in system
    else:
        assert system["does_international_transfers"] is transfers.outside_eu
    if company.security_measures != NOT_STATED:
        for measure in company.security_measures:
            assert typeset(measure.get(language)) in system["data_security_practices"]
    meta = system["meta"][META]
    # fideslang reads an absent one as false: each is written, named unstated, or named as answered otherwise
    otherwise = meta.get("stated_otherwise", {})
    assert set(otherwise) == stated_otherwise(company)
    assert all(isinstance(reason, str) and reason.strip() for reason in otherwise.values())
    for field in fides.SYSTEM_DEFAULTS:
        places = [field in system, field in meta.get("not_stated", []), field in otherwise]
        assert places.count(True) == 1, (field, places)
    decisions = company.automated_decisions
    profiling = decisions != NOT_STATED and decisions.exists and decisions.profiling is True
    assert system.get("uses_profiling") is (True if profiling else None)  # never an inferred false
    assert meta["language"] == language
    assert meta["version"] == company.current_version.version
    notes = meta.get("declarations", {})

    # one declaration per purpose of the company's own, in the notice's order
    declarations = system["privacy_declarations"]
    assert [d["name"] for d in declarations] == [typeset(p.name.get(language)) for p in purposes]
    assert set(notes) <= {p.id for p in purposes}
    for declaration, purpose in zip(declarations, purposes, strict=True):
        note = notes.get(purpose.id, {})
        silent = note.get("not_stated", [])
        assert "flexible_legal_basis_for_processing" not in declaration  # fideslang's default (true) is not ours
        assert "flexible_legal_basis_for_processing" in silent
        use = custom_key(company, "purpose", purpose.id)
        assert declaration["data_use"] == use
        assert custom["data_use"][use]["name"] == typeset(purpose.name.get(language))
        # links to data, retention and recipients that are a reading of the policy: its note, in the language
        if purpose.linked_by_reading and purpose.note is not None:
            assert note["reading"] == typeset(purpose.note.get(language))
        else:
            assert "reading" not in note

        if purpose.data_categories == NOT_STATED:
            assert declaration["data_categories"] == []  # required by fideslang; the silence is in meta
            assert "data_categories" in silent
        else:
            expected = keys_of(company, purpose.data_categories, "data_category", custom, category_name, words)
            assert declaration["data_categories"] == expected
            assert "data_categories" not in silent
        # written only when the policy answers yes or no; fideslang reads an absent field as false, so silence is
        # left out and named (it was false whenever no listed category was marked sensitive)
        special = special_category_data(company, purpose)
        assert declaration.get("processes_special_category_data") is special
        if special is None:
            assert "processes_special_category_data" in silent

        if purpose.data_subjects == NOT_STATED:
            assert "data_subjects" not in declaration
            assert "data_subjects" in silent
        else:
            expected = keys_of(company, purpose.data_subjects, "data_subject", custom, subject_name, words)
            assert declaration["data_subjects"] == expected

        if purpose.legal_bases == NOT_STATED:
            assert "legal_basis_for_processing" not in declaration
            assert "legal_basis_for_processing" in silent
        elif len(purpose.legal_bases) == 1:
            basis = LegalBasisForProcessingEnum(declaration["legal_basis_for_processing"])
            assert basis.value == LEGAL_BASIS[purpose.legal_bases[0].basis]
        else:  # fideslang takes one basis: none is picked, all are in meta and unmapped
            assert "legal_basis_for_processing" not in declaration
            assert note["legal_bases"] == [b.basis for b in purpose.legal_bases]

        if purpose.retention == NOT_STATED:
            assert "retention_period" not in declaration
            assert "retention_period" in silent
        else:
            for rule in purpose.retention:
                assert typeset(rule.applies_to.get(language) + words("punct.colon")) in declaration["retention_period"]

        listed = company.recipients_of(purpose)
        outside = [r for r in listed if r.kind != "internal"]
        internal = [typeset(recipient_name(r, words)) for r in listed if r.kind == "internal"]
        assert note.get("internal_recipients", []) == internal
        for recipient in outside:
            assert typeset(recipient_name(recipient, words)) in declaration["third_parties"]
        if not outside:
            assert "third_parties" not in declaration
        if outside:
            assert declaration["data_shared_with_third_parties"] is True
        elif purpose.recipients == NONE:
            assert declaration["data_shared_with_third_parties"] is False
        elif purpose.recipients == NOT_STATED and not listed:
            assert "data_shared_with_third_parties" not in declaration
            assert "data_shared_with_third_parties" in silent

    # unmapped: exactly the items whose key is not a default one
    found_unmapped = {(u.kind, u.id, u.code) for u in unmapped(company)}
    categories = [
        c for c in company.data_categories if DATA_CATEGORY.get(c.code or "") not in DEFAULT_KEYS["data_category"]
    ]
    subjects = [s for s in company.data_subjects if DATA_SUBJECT.get(s.code or "") not in DEFAULT_KEYS["data_subject"]]
    several = [(p, p.legal_bases) for p in company.purposes if p.legal_bases != NOT_STATED and len(p.legal_bases) > 1]
    # another controller's processing is listed as a purpose with no data use, with its own reason
    reasons = {u.id: u.reason for u in unmapped(company) if u.kind == "purpose"}
    for purpose in company.purposes:
        other = acts_as(company, purpose) == "other_controller"
        assert (reasons[purpose.id] == "another controller's processing, which the policy only describes") is other
    expected_unmapped = {
        *(("purpose", p.id, None) for p in company.purposes),
        *(("data_category", c.id, c.code) for c in categories),
        *(("data_subject", s.id, s.code) for s in subjects),
        *(("legal_basis", p.id, b.basis) for p, bases in several for b in bases),
    }
    assert {u for u in found_unmapped if u[0] != "safeguard"} == expected_unmapped
    assert set(custom["data_category"]) == {custom_key(company, "category", c.id) for c in categories}
    assert set(custom["data_subject"]) == {custom_key(company, "subject", s.id) for s in subjects}
    assert set(custom["data_use"]) == {custom_key(company, "purpose", p.id) for p in purposes}
    if transfers != NOT_STATED and transfers.outside_eu is True:
        given = set(system.get("legal_basis_for_transfers", []))
        relied = [
            t.safeguards
            for t in transfers.items
            if t.safeguards is not NOT_STATED and not isinstance(t.safeguards, Alternatives)
        ]
        assert given == {TRANSFER_BASIS[c] for safeguards in relied for c in safeguards if c in TRANSFER_BASIS}
        for transfer in transfers.items:
            for item in () if transfer.safeguards == NOT_STATED else transfer.safeguards:
                code = item if isinstance(item, str) else None
                if isinstance(transfer.safeguards, Alternatives):  # "A or B": neither is relied on for sure
                    assert ("safeguard", transfer.id, code) in found_unmapped
                    continue
                assert (TRANSFER_BASIS.get(code or "") in given) != (("safeguard", transfer.id, code) in found_unmapped)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_each_manifest_is_valid_fideslang_and_says_what_the_data_says(case: str, language: str) -> None:
    company = company_of(case)
    found = manifest(company, language)
    taxonomy = validated(found)
    (system,) = taxonomy.system
    assert sorted(d.name or "" for d in system.privacy_declarations) == sorted(
        load_wording(language).typeset(p.name.get(language)) for p in own(company)
    )  # fideslang sorts declarations by name: same set, the manifest keeps the notice's order
    assert_says_what_the_data_says(company, language, found)


def test_the_manifests_differ_by_version_as_the_demo_does() -> None:
    """The demo's analytics purpose and its vendor came with a version: each version's manifest says so."""
    uses = {
        v: [d["data_use"] for d in manifest(c, "en")["system"][0]["privacy_declarations"]] for v, c in demo().items()
    }
    assert "demo-purpose-analytics" in uses["3.0"]
    assert len({tuple(u) for u in uses.values()}) > 1


def test_edge_cases_the_seeds_do_not_reach() -> None:
    """A stated source URL, an explicit `recipients: none`, a sensitive category, a DPO not appointed, a transfer
    on an instrument fideslang cannot name, and one legal basis: each as the data says it, nothing added."""
    base = seed("coopo")
    cookies, contact, newsletter = base.purposes
    assert newsletter.data_categories != NOT_STATED
    sensitive = replace(newsletter.data_categories[0], sensitive=True)
    vendor = Recipient("vendor", "processor", "Vendor Inc.", None, None, None)
    company = replace(
        base,
        source={**base.source, "url": "https://example.org/privacy"},
        dpo=Dpo(appointed=False),
        purposes=(
            replace(cookies, recipients=NONE, legal_bases=(LegalBasis("public_task"),)),
            replace(contact, recipients=NOT_STATED),
            replace(newsletter, data_categories=(sensitive,)),
        ),
        transfers=Transfers(
            True,
            items=(
                Transfer("us", ("US",), vendor, None, ("bcr", "code_of_conduct"), None),
                Transfer("elsewhere", NOT_STATED, None, None, NOT_STATED, None),
            ),
        ),
    )
    for language in LANGUAGES:
        found = manifest(company, language)
        validated(found)
        assert_says_what_the_data_says(company, language, found)
        system = found["system"][0]
        first, second, third = system["privacy_declarations"]
        assert system["privacy_policy"] == "https://example.org/privacy"
        assert "dpo" not in system
        assert first["data_shared_with_third_parties"] is False and "third_parties" not in first
        assert first["legal_basis_for_processing"] == "Public interest"
        assert "data_shared_with_third_parties" not in second
        assert third["processes_special_category_data"] is True
        assert system["legal_basis_for_transfers"] == ["BCRs"]
    left = [(u.kind, u.id, u.code) for u in unmapped(company) if u.kind in ("safeguard", "legal_basis")]
    assert left == [("safeguard", "us", "code_of_conduct")]


@pytest.mark.parametrize("slug", ["actifpilot", "coopo", "saas-provider"])
def test_silence_on_special_categories_is_not_a_no(slug: str) -> None:
    """These policies say nothing of special-category data and mark no category sensitive: no declaration says
    `processes_special_category_data: false` (fideslang's own reading of an absent field); each names it as not
    stated (the manifest used to write false for every purpose with listed categories)."""
    company = seed(slug)
    assert company.special_categories == NOT_STATED
    assert statements.of(company).special.answer == "not_stated"
    for language in LANGUAGES:
        system = manifest(company, language)["system"][0]
        notes = system["meta"][META].get("declarations", {})
        for declaration, purpose in zip(system["privacy_declarations"], own(company), strict=True):
            assert "processes_special_category_data" not in declaration, purpose.id
            assert "processes_special_category_data" in notes[purpose.id]["not_stated"], purpose.id


@pytest.mark.parametrize("case", CASES)
def test_a_field_the_manifest_writes_is_never_named_not_stated(case: str) -> None:
    """A declaration's `not_stated` list names the fields it leaves out, and only those: a field both written and
    named unstated contradicts itself."""
    company = company_of(case)
    for language in LANGUAGES:
        system = manifest(company, language)["system"][0]
        notes = system["meta"][META].get("declarations", {})
        for declaration, purpose in zip(system["privacy_declarations"], own(company), strict=True):
            silent = notes.get(purpose.id, {}).get("not_stated", [])
            written = [field for field in silent if field in declaration and field != "data_categories"]
            assert written == [], f"{purpose.id}: written and named not stated: {written}"


def test_roles_special_categories_and_alternatives_as_the_data_says() -> None:
    """A processor purpose before a controller one, an explicit "no special categories", and instruments given as
    alternatives: Processor then Controller, false for every purpose but a sensitive one, and no transfer basis
    from the alternatives (each left to `unmapped`, with its reason)."""
    base = seed("coopo")
    cookies, contact, newsletter = base.purposes
    assert newsletter.data_categories != NOT_STATED
    sensitive = replace(newsletter.data_categories[0], sensitive=True)
    company = replace(
        base,
        role="controller_and_processor",
        special_categories=SpecialCategories(False),
        purposes=(
            replace(cookies, role=PurposeRole("processor", NOT_STATED)),
            contact,
            replace(newsletter, data_categories=(sensitive,)),
        ),
        transfers=Transfers(
            True,
            items=(
                Transfer("either", ("US",), None, None, Alternatives(("scc", "adequacy")), None),
                Transfer("both", ("US",), None, None, ("bcr",), None),
            ),
        ),
    )
    for language in LANGUAGES:
        found = manifest(company, language)
        validated(found)
        assert_says_what_the_data_says(company, language, found)
        system = found["system"][0]
        assert system["responsibility"] == ["Processor", "Controller"]
        assert [d["processes_special_category_data"] for d in system["privacy_declarations"]] == [False, False, True]
        assert system["legal_basis_for_transfers"] == ["BCRs"]
    left = [(u.id, u.code, u.reason) for u in unmapped(company) if u.kind == "safeguard"]
    assert [(i, c) for i, c, _ in left] == [("either", "scc"), ("either", "adequacy")]
    assert all("alternatives" in reason for _, _, reason in left)


# The checks can fail: fideslang rejects a tampered manifest, and the field check catches a lie or an omission.


def test_fideslang_rejects_a_tampered_manifest() -> None:
    found = manifest(seed("coopo"), "en")
    bad_key = copy.deepcopy(found)
    bad_key["system"][0]["privacy_declarations"][0]["data_use"] = "not a key!"
    bad_basis = copy.deepcopy(found)
    bad_basis["system"][0]["privacy_declarations"][1]["legal_basis_for_processing"] = "Because we can"
    no_categories = copy.deepcopy(found)
    del no_categories["system"][0]["privacy_declarations"][0]["data_categories"]
    for tampered in (bad_key, bad_basis, no_categories):
        with pytest.raises(ValidationError):
            Taxonomy.model_validate(tampered)
    undeclared = copy.deepcopy(found)
    del undeclared["data_use"][0]  # a declaration now cites a data use declared nowhere
    with pytest.raises(AssertionError, match="declared nowhere"):
        validated(undeclared)


@pytest.mark.parametrize("tamper", ["drop_purpose", "guess_basis", "drop_recipient", "swap_order", "fill_silence"])
def test_the_field_check_catches_a_manifest_that_strays_from_the_data(tamper: str) -> None:
    company = seed("coppernic")
    found = copy.deepcopy(manifest(company, "fr"))
    declarations = found["system"][0]["privacy_declarations"]
    if tamper == "drop_purpose":
        del declarations[3]
    elif tamper == "guess_basis":  # the newsletter's basis is not stated
        declarations[0]["legal_basis_for_processing"] = "Consent"
    elif tamper == "drop_recipient":
        declarations[0]["third_parties"] = ""
    elif tamper == "swap_order":
        declarations[0], declarations[1] = declarations[1], declarations[0]
    else:  # a not_stated retention filled with a plausible default
        declarations[4]["retention_period"] = "3 ans"
    Taxonomy.model_validate(found)  # still valid fideslang: only the field check sees it
    with pytest.raises(AssertionError):
        assert_says_what_the_data_says(company, "fr", found)


# The tables: every code of our vocabularies is mapped or explained, onto live default keys and fideslang's enums.


def test_every_code_is_mapped_or_explained_once() -> None:
    from typing import get_args

    words = load_wording("en")
    categories, subjects = set(words.codes("data_category")), set(words.codes("data_subject"))
    assert set(DATA_CATEGORY) | set(NO_DATA_CATEGORY) == categories
    assert not set(DATA_CATEGORY) & set(NO_DATA_CATEGORY)
    assert set(DATA_SUBJECT) | set(NO_DATA_SUBJECT) == subjects
    assert not set(DATA_SUBJECT) & set(NO_DATA_SUBJECT)
    assert set(DATA_CATEGORY.values()) <= DEFAULT_KEYS["data_category"]
    assert set(DATA_SUBJECT.values()) <= DEFAULT_KEYS["data_subject"]
    assert set(LEGAL_BASIS) == set(words.codes("legal_basis"))
    assert {LegalBasisForProcessingEnum(v) for v in LEGAL_BASIS.values()} == set(LegalBasisForProcessingEnum)
    # another controller's processing gives the company no title
    assert set(RESPONSIBILITY) == set(get_args(ActsAs)) - {"other_controller"}
    assert set(RESPONSIBILITY.values()) <= {t.value for t in DataResponsibilityTitle}
    assert set(TRANSFER_BASIS.values()) <= {t.value for t in LegalBasisForTransfersEnum}


def test_every_key_fits_fideslang_and_the_module_does_not_import_it() -> None:
    import re

    for case in CASES:
        company = company_of(case)
        keys = [
            fides.fides_key(company.slug),
            *(fides.purpose_key(company, p) for p in company.purposes),
            *(fides.category_key(company, c) for c in company.data_categories),
            *(fides.subject_key(company, s) for s in company.data_subjects),
        ]
        assert all(re.match(FIDES_KEY_PATTERN, k) for k in keys), keys
    with pytest.raises(ValueError):
        fides.fides_key("acme", "purpose", "no spaces")
    tree = ast.parse((ROOT / "hooks" / "privacy_center" / "records" / "fides.py").read_text(encoding="utf-8"))
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in ([a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""])
    }
    assert not imported & {"fideslang", "mkdocs", "pydantic"}


def test_a_system_alone_validates() -> None:
    """The system resource on its own, as `fides` reads one from a file of systems."""
    company = seed("saas-provider")
    system = System.model_validate(manifest(company, "fr")["system"][0])
    # processor for its first purposes, controller of the contract contacts: the titles as the roles first appear
    assert [acts_as(company, p) for p in company.purposes][:1] == ["processor"]
    assert system.responsibility == ["Processor", "Controller"]
    assert system.legal_name is None  # not stated: left out, fideslang's default


@pytest.mark.parametrize("slug", SEEDS)
def test_the_site_publishes_each_manifest_as_yaml_fides_reads(site: Any, slug: str) -> None:
    """`/<slug>/fides.<lang>.yml`: the manifest of the notice in force, read back by fideslang's own loader."""
    from fideslang.manifests import load_yaml_into_dict

    for language in LANGUAGES:
        path = site / slug / f"fides.{language}.yml"
        text = path.read_text(encoding="utf-8")
        assert not {"<", ">", "&"} & set(text)  # escaped inside double-quoted strings: inert wherever shown
        loaded = load_yaml_into_dict(str(path))
        assert loaded == manifest(seed(slug), language)
        Taxonomy.model_validate(loaded)


def test_yaml_keeps_hostile_strings_inert_and_exact() -> None:
    import yaml
    from privacy_center.records.fides import as_yaml

    values = ["<script>alert(1)</script>", "a & b", "x > y: 'z' \"q\"", "\\u003c", "&anchor *alias", "- [x]", "é\n<b>"]
    found = {"system": [{"fides_key": "x", "name": value} for value in values]}
    text = as_yaml([found])
    assert not {"<", ">", "&"} & set(text)
    assert yaml.safe_load(text) == found


def test_export_fides_writes_every_company_and_lists_what_has_no_key(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml
    from privacy_center.cli import main

    output = tmp_path / "fides.yml"
    assert main(["export", "fides", "--lang", "en", "--output", str(output), "--data-dir", str(ROOT / "data")]) == 0
    out = capsys.readouterr()
    loaded = yaml.safe_load(output.read_text(encoding="utf-8"))
    Taxonomy.model_validate(loaded)
    assert [system["fides_key"] for system in loaded["system"]] == SEEDS
    expected = [
        f"{slug}: {item.kind} {item.id}{f' ({item.code})' if item.code else ''}: {item.reason}"
        for slug in SEEDS
        for item in unmapped(seed(slug))
    ]
    assert [line.strip() for line in out.err.splitlines()] == expected
    assert f"{len(expected)} item(s) with no fideslang default key" in out.out
    assert main(["export", "fides", "--format", "xlsx", "--data-dir", str(ROOT / "data")]) == 1
    assert "the Fides manifest is written as yml, not xlsx" in capsys.readouterr().err


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reading_is_in_the_meta_exactly_where_the_data_says(language: str) -> None:
    """`meta.privacy_center.declarations.<purpose>.reading` carries, in the manifest's language, the note of each
    purpose whose links to data, retention and recipients are a reading of the policy (`linked_by_reading`), and
    of no other."""
    words = load_wording(language)
    for slug in SEEDS:
        company = seed(slug)
        notes = manifest(company, language)["system"][0]["meta"][META].get("declarations", {})
        found = {purpose_id: note["reading"] for purpose_id, note in notes.items() if "reading" in note}
        read = [p for p in company.purposes if p.linked_by_reading]
        assert read and all(p.note is not None for p in read), slug  # every seed has some, each with its note
        assert found == {p.id: words.typeset(p.note.get(language)) for p in read if p.note is not None}, slug


@pytest.mark.parametrize("case", CASES)
def test_a_french_manifest_is_typeset_as_the_pages(case: str) -> None:
    """Every string of a French manifest has the no-break space before `:` and `;` (and `! ? »`, after `«`), as
    the pages do (`wording.typeset`): never a plain one."""
    found = manifest(company_of(case), "fr")
    assert [text for text in strings(found) if re.search(r" [:;!?»]|« ", text)] == []
    assert all(load_wording("fr").typeset(text) == text for text in strings(found))


def test_the_french_seeds_need_the_rule() -> None:
    """The check above is not vacuous: the French seeds' manifests have colons and semicolons to typeset."""
    texts = [text for slug in SEEDS for text in strings(manifest(seed(slug), "fr"))]
    french = load_wording("fr")
    for mark in (" :", " ;"):  # each with the space the French rule puts before it
        spaced = french.typeset(mark)
        assert spaced != mark and any(spaced in text for text in texts), mark


@pytest.mark.parametrize("slug", SEEDS)
def test_a_field_the_policy_answers_otherwise_is_not_named_not_stated(slug: str) -> None:
    """Transfers the policy calls possible, and profiling it states for a purpose or in its own words without an
    Art. 22 decision, are answers fideslang's yes/no cannot hold: left out, and listed in
    `meta.privacy_center.stated_otherwise` with the reason, never under `not_stated` (which would say silence)."""
    company = seed(slug)
    expected = stated_otherwise(company)
    for language in LANGUAGES:
        system = manifest(company, language)["system"][0]
        meta = system["meta"][META]
        assert set(meta.get("stated_otherwise", {})) == expected
        assert not expected & set(meta.get("not_stated", []))
        assert not expected & set(system)
    transfers = company.transfers
    if transfers != NOT_STATED and transfers.outside_eu == "possible":  # actifpilot, coppernic, saas-provider
        assert "does_international_transfers" in expected
    if any(isinstance(p.profiling, Text) for p in own(company)):  # publisher-cgu's aggregation
        assert "uses_profiling" in expected
