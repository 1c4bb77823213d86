"""The semantic diff between versions of the fictional demo company, in both languages (golden file)."""
from __future__ import annotations

from pathlib import Path

import pytest

from privacy_center.diff import diff, is_longer, is_material, word_diff
from privacy_center.loader import load_file
from privacy_center.model import Duration
from privacy_center.phrases import change
from privacy_center.resolve import company_from_data
from privacy_center.wording import load_wording

HISTORY = Path(__file__).parent / "fixtures" / "history"
GOLDEN = HISTORY / "changes.txt"


def company(version: str):
    document, errors = load_file(HISTORY / "data" / "versions" / "demo" / f"{version}.yaml")
    assert not errors
    return company_from_data(document.data, document.file)


def described(old: str, new: str, language: str) -> list[str]:
    words = load_wording(language)
    return [("M " if c.material else "E ") + change(c, words) for c in diff(company(old), company(new))]


def golden() -> dict[str, list[str]]:
    """Sections `== 1.0 -> 1.1 [fr]` followed by one change per line."""
    sections: dict[str, list[str]] = {}
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            current = sections.setdefault(line[3:], [])
        elif line:
            current.append(line)
    return sections


@pytest.mark.parametrize("key", sorted(golden()))
def test_changes_match_the_reviewed_golden_file(key: str) -> None:
    pair, language = key.split(" [")
    old, new = pair.split(" -> ")
    assert described(old, new, language.rstrip("]")) == golden()[key]


def test_a_version_compared_with_itself_has_no_change() -> None:
    assert diff(company("2.0"), company("2.0")) == []


def test_materiality_of_each_release() -> None:
    assert not is_material(diff(company("1.0"), company("1.1")))
    assert is_material(diff(company("1.1"), company("2.0")))


def test_section_wording_is_diffed_word_by_word() -> None:
    [section] = [c for c in diff(company("1.0"), company("1.1")) if c.kind == "section_changed"]
    assert section.words["en"] == (("equal", "Any dispute will be brought before the"), ("insert", "competent"),
                                   ("equal", "courts of Grenoble."))
    assert word_diff("a b c", "a c d") == (("equal", "a"), ("delete", "b"), ("equal", "c"), ("insert", "d"))


@pytest.mark.parametrize("old,new,longer", [
    (Duration(13, "months"), Duration(1, "years"), False), (Duration(1, "years"), Duration(13, "months"), True),
    (Duration(3, "years"), Duration(3, "years"), False), ("not_stated", Duration(1, "days"), True),
])
def test_longer_retention_is_material(old, new, longer: bool) -> None:
    assert is_longer(old, new) is longer


def test_transfers_declared_where_none_were_is_material() -> None:
    from dataclasses import replace
    from privacy_center.model import Transfers
    old = replace(company("1.0"), transfers="not_stated")
    [only] = diff(old, company("1.0"))
    assert (only.kind, only.material, only.old, only.new) == ("transfers_changed", True, "not_stated", False)
    assert change(only, load_wording("en")) == "Transfers outside the European Union: not stated → No"


def test_every_kind_of_change_is_covered_by_the_golden_file() -> None:
    import re
    wording = load_wording("en").get("change")
    kinds = {k for k in wording if k not in ("material", "editorial", "none", "first")}
    golden_text = GOLDEN.read_text(encoding="utf-8")
    covered = {k for k in kinds if re.search(re.escape(wording[k].split("{")[0].strip().rstrip(":")), golden_text)}
    assert kinds - covered == {"transfers_changed"} | NEW_KINDS  # covered by the tests above and below


# Forms of issue 9, part 1: each new diff case, on the forms fixture (tests/fixtures/valid/forms-purposes.yaml).
FORMS = Path(__file__).parent / "fixtures" / "valid" / "forms-purposes.yaml"
NEW_KINDS = {"purpose_source_changed", "purpose_recipients_changed", "category_items_changed",
             "transfer_destination_changed"}


def forms():
    document, errors = load_file(FORMS)
    assert not errors
    return company_from_data(document.data, document.file)


def edited(**changes):
    """The forms company with some purposes, categories or transfers replaced (by id)."""
    from dataclasses import replace
    base = forms()
    fields = {}
    for name, by_id in changes.items():
        items = getattr(base, name) if name != "transfers" else base.transfers.items
        new = tuple(replace(item, **by_id[item.id]) if item.id in by_id else item for item in items)
        fields[name] = replace(base.transfers, items=new) if name == "transfers" else new
    return replace(base, **fields)


@pytest.mark.parametrize("old,new,longer", [
    (Duration(25, "months", "maximum"), Duration(26, "months", "maximum"), True),  # a maximum that grows
    (Duration(25, "months", "maximum"), Duration(24, "months", "maximum"), False),
    (Duration(25, "months", "maximum"), Duration(25, "months"), True),  # maximum removed: no earlier erasure
    (Duration(25, "months"), Duration(25, "months", "maximum"), False),  # maximum added: only narrows
    (Duration(5, "years"), Duration(5, "years", "minimum"), True),  # minimum added: no upper end any more
    (Duration(5, "years", "minimum"), Duration(5, "years"), False),
    (Duration(5, "years", "minimum"), Duration(6, "years", "minimum"), True),
    (Duration(2, "years", "maximum"), Duration(1, "years", "minimum"), True),  # "at least" has no upper end
])
def test_a_bound_counts_when_comparing_lengths(old, new, longer: bool) -> None:
    assert is_longer(old, new) is longer


def test_a_bound_that_grows_is_a_material_retention_change() -> None:
    from privacy_center.model import RetentionPeriod

    def up_to(value: int, unit: str):
        return edited(retention_rules={"prospects": {"period": RetentionPeriod("fixed", Duration(value, unit,
                                                                                                  "maximum"))}})

    [only] = diff(up_to(25, "months"), up_to(3, "years"))
    assert (only.kind, only.material) == ("retention_changed", True)
    assert change(only, load_wording("fr")).replace("\u00a0", " ") == (
        "Durée de conservation (Données des prospects) : jusqu'à 25 mois → jusqu'à 3 ans")


def test_a_sequence_or_alternatives_replacing_a_length_is_material() -> None:
    from privacy_center.model import RetentionPeriod, Text
    text = RetentionPeriod("criteria", text=Text({"fr": "pendant la formalité", "en": "during the formality"}))
    then = RetentionPeriod("then", periods=(text, RetentionPeriod("fixed", Duration(1, "years"))))
    one_of = RetentionPeriod("one_of", periods=(text, RetentionPeriod("fixed", Duration(1, "years"))))
    for period in (then, one_of):
        [only] = diff(forms(), edited(retention_rules={"prospects": {"period": period}}))
        assert (only.kind, only.material) == ("retention_changed", True)
    [only] = diff(forms(), edited(retention_rules={"prospects": {"period": one_of}}))
    assert change(only, load_wording("en")).endswith("→ during the formality or 1 year")


def test_a_new_source_is_material_a_dropped_one_or_a_detail_is_not() -> None:
    from privacy_center.model import Source, Text
    source = forms().purposes[0].source
    [added] = diff(forms(), edited(purposes={"accounts": {"source": source + (Source("public"),)}}))
    assert (added.kind, added.material) == ("purpose_source_changed", True)
    assert change(added, load_wording("en")).endswith(
        "→ From you, Collected automatically, From third parties (our customers' clients), and Public sources")
    [dropped] = diff(forms(), edited(purposes={"accounts": {"source": source[:2]}}))
    assert (dropped.kind, dropped.material) == ("purpose_source_changed", False)
    detail = Source("third_party", Text({"fr": "nos partenaires", "en": "our partners"}))
    [reworded] = diff(forms(), edited(purposes={"accounts": {"source": source[:2] + (detail,)}}))
    assert (reworded.kind, reworded.material) == ("purpose_source_changed", False)


def test_recipients_that_become_non_exhaustive_are_material() -> None:
    from privacy_center.model import Including
    company = forms()
    everyone = company.purposes[1].recipients  # recipients: all, resolved
    assert [r.id for r in everyone] == ["hosting", "payment"]
    [opened] = diff(company, edited(purposes={"newsletter": {"recipients": Including(everyone)}}))
    assert (opened.kind, opened.material) == ("purpose_recipients_changed", True)
    assert change(opened, load_wording("en")) == ("Recipients of the data of \u201cSending the newsletter\u201d: "
                                                  "Hébergeur Exemple and Paiement Exemple → including Hébergeur "
                                                  "Exemple and Paiement Exemple")
    [closed] = diff(edited(purposes={"newsletter": {"recipients": Including(everyone)}}), company)
    assert (closed.kind, closed.material) == ("purpose_recipients_changed", False)
    [added] = diff(edited(purposes={"newsletter": {"recipients": everyone[:1]}}), company)
    assert (added.kind, added.material) == ("purpose_recipients_changed", True)
    assert diff(company, edited(purposes={"newsletter": {"recipients": tuple(everyone)}})) == []


def test_category_items_that_become_exhaustive_are_editorial_new_ones_material() -> None:
    from privacy_center.model import Text
    items = forms().data_categories[0].items
    [closed] = diff(forms(), edited(data_categories={"identity": {"items": tuple(items)}}))
    assert (closed.kind, closed.material) == ("category_items_changed", False)
    assert change(closed, load_wording("fr")).replace("\u00a0", " ") == (
        "Données de la catégorie « État civil du titulaire » : notamment nom et adresse e-mail → "
        "nom et adresse e-mail")
    more = items + (Text({"fr": "téléphone", "en": "phone"}),)
    [added] = diff(edited(data_categories={"identity": {"items": tuple(items)}}),
                   edited(data_categories={"identity": {"items": more}}))
    assert (added.kind, added.material) == ("category_items_changed", True)


def test_transfer_destinations_that_widen_are_material() -> None:
    from privacy_center.model import Including
    [closed] = diff(forms(), edited(transfers={"payment_transfer": {"destination": ("US", "CA")}}))
    assert (closed.kind, closed.material) == ("transfer_destination_changed", False)
    wider = Including(("US", "CA", "GB"))
    [widened] = diff(forms(), edited(transfers={"payment_transfer": {"destination": wider}}))
    assert (widened.kind, widened.material) == ("transfer_destination_changed", True)
    assert change(widened, load_wording("en")) == ("Destination of a transfer outside the European Union: including "
                                                   "United States and Canada → including United States, Canada, and "
                                                   "United Kingdom")


def test_a_label_added_to_a_category_code_is_a_wording_change() -> None:
    from privacy_center.model import Text
    [only] = diff(forms(), edited(data_categories={"usage": {"label": Text({"fr": "Navigation", "en": "Browsing"})}}))
    assert (only.kind, only.material, only.subject) == ("wording_changed", False, "notice.data_categories")
