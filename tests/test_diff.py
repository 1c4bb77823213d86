"""The semantic diff between versions of the fictional demo company, in both languages (golden file)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import cast

import pytest
from privacy_center.check.resolve import company_from_data
from privacy_center.history.diff import diff, is_longer, is_material, word_diff
from privacy_center.model.model import NOT_STATED, Duration, DurationUnit
from privacy_center.render.phrases import change
from privacy_center.source.loader import load_file
from privacy_center.source.wording import load_wording

HISTORY = Path(__file__).parent / "fixtures" / "history"
GOLDEN = HISTORY / "changes.txt"


def company(version: str):
    document, errors = load_file(HISTORY / "data" / "versions" / "demo" / f"{version}.yaml")
    assert not errors
    assert document is not None
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
    assert section.words is not None
    assert section.words["en"] == (
        ("equal", "Any dispute will be brought before the"),
        ("insert", "competent"),
        ("equal", "courts of Grenoble."),
    )
    assert word_diff("a b c", "a c d") == (("equal", "a"), ("delete", "b"), ("equal", "c"), ("insert", "d"))


@pytest.mark.parametrize(
    "old,new,longer",
    [
        (Duration(13, "months"), Duration(1, "years"), False),
        (Duration(1, "years"), Duration(13, "months"), True),
        (Duration(3, "years"), Duration(3, "years"), False),
        (NOT_STATED, Duration(1, "days"), True),
    ],
)
def test_longer_retention_is_material(old, new, longer: bool) -> None:
    assert is_longer(old, new) is longer


def test_transfers_declared_where_none_were_is_material() -> None:
    from dataclasses import replace

    old = replace(company("1.0"), transfers=NOT_STATED)
    [only] = diff(old, company("1.0"))
    assert (only.kind, only.material, only.old, only.new) == ("transfers_changed", True, NOT_STATED, False)
    assert change(only, load_wording("en")) == "Transfers outside the European Union: not stated → No"


def test_every_kind_of_change_is_covered_by_the_golden_file() -> None:
    import re

    wording = load_wording("en").get("change")
    kinds = {k for k in wording if k not in ("material", "editorial", "none", "first")}
    golden_text = GOLDEN.read_text(encoding="utf-8")
    covered = {k for k in kinds if re.search(re.escape(wording[k].split("{")[0].strip().rstrip(":")), golden_text)}
    unit_tested = set(re.findall(r'"([a-z_]+)"', Path(__file__).read_text(encoding="utf-8"))) & kinds  # named here
    assert kinds - covered - unit_tested == set()
    assert "transfers_changed" in unit_tested  # the discovery itself works


# Forms of issue 9, part 1: each new diff case, on the forms fixtures (tests/fixtures/valid/forms-*.yaml).
FORMS = Path(__file__).parent / "fixtures" / "valid" / "forms-purposes.yaml"
FORMS_TRANSFERS = Path(__file__).parent / "fixtures" / "valid" / "forms-transfers.yaml"


def forms(path: Path = FORMS):
    document, errors = load_file(path)
    assert not errors
    assert document is not None
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


@pytest.mark.parametrize(
    "old,new,longer",
    [
        (Duration(25, "months", "maximum"), Duration(26, "months", "maximum"), True),  # a maximum that grows
        (Duration(25, "months", "maximum"), Duration(24, "months", "maximum"), False),
        (Duration(25, "months", "maximum"), Duration(25, "months"), True),  # maximum removed: no earlier erasure
        (Duration(25, "months"), Duration(25, "months", "maximum"), False),  # maximum added: only narrows
        (Duration(5, "years"), Duration(5, "years", "minimum"), True),  # minimum added: no upper end any more
        (Duration(5, "years", "minimum"), Duration(5, "years"), False),
        (Duration(5, "years", "minimum"), Duration(6, "years", "minimum"), True),
        (Duration(2, "years", "maximum"), Duration(1, "years", "minimum"), True),  # "at least" has no upper end
    ],
)
def test_a_bound_counts_when_comparing_lengths(old, new, longer: bool) -> None:
    assert is_longer(old, new) is longer


def test_a_bound_that_grows_is_a_material_retention_change() -> None:
    from privacy_center.model.model import RetentionPeriod

    def up_to(value: int, unit: DurationUnit):
        return edited(
            retention_rules={"prospects": {"period": RetentionPeriod("fixed", Duration(value, unit, "maximum"))}}
        )

    [only] = diff(up_to(25, "months"), up_to(3, "years"))
    assert (only.kind, only.material) == ("retention_changed", True)
    assert change(only, load_wording("fr")).replace("\u00a0", " ") == (
        "Durée de conservation (Données des prospects) : jusqu'à 25 mois → jusqu'à 3 ans"
    )


def test_a_sequence_or_alternatives_replacing_a_length_is_material() -> None:
    from privacy_center.model.model import RetentionPeriod, Text

    text = RetentionPeriod("criteria", text=Text({"fr": "pendant la formalité", "en": "during the formality"}))
    then = RetentionPeriod("then", periods=(text, RetentionPeriod("fixed", Duration(1, "years"))))
    one_of = RetentionPeriod("one_of", periods=(text, RetentionPeriod("fixed", Duration(1, "years"))))
    for period in (then, one_of):
        [only] = diff(forms(), edited(retention_rules={"prospects": {"period": period}}))
        assert (only.kind, only.material) == ("retention_changed", True)
    [only] = diff(forms(), edited(retention_rules={"prospects": {"period": one_of}}))
    assert change(only, load_wording("en")).endswith("→ during the formality or 1 year")


def test_a_new_source_is_material_a_dropped_one_or_a_detail_is_not() -> None:
    from privacy_center.model.model import Source, Text

    source = forms().purposes[0].source
    [added] = diff(forms(), edited(purposes={"accounts": {"source": (*source, Source("public"))}}))
    assert (added.kind, added.material) == ("purpose_source_changed", True)
    assert change(added, load_wording("en")).endswith(
        "→ From you, Collected automatically, From third parties (our customers' clients), and Public sources"
    )
    [dropped] = diff(forms(), edited(purposes={"accounts": {"source": source[:2]}}))
    assert (dropped.kind, dropped.material) == ("purpose_source_changed", False)
    detail = Source("third_party", Text({"fr": "nos partenaires", "en": "our partners"}))
    [reworded] = diff(forms(), edited(purposes={"accounts": {"source": (*source[:2], detail)}}))
    assert (reworded.kind, reworded.material) == ("purpose_source_changed", False)


def test_recipients_that_become_non_exhaustive_are_material() -> None:
    from privacy_center.model.model import Including

    company = forms()
    everyone = company.purposes[1].recipients  # recipients: all, resolved
    assert [r.id for r in everyone] == ["hosting", "payment"]
    [opened] = diff(company, edited(purposes={"newsletter": {"recipients": Including(everyone)}}))
    assert (opened.kind, opened.material) == ("purpose_recipients_changed", True)
    assert change(opened, load_wording("en")) == (
        "Recipients of the data of \u201cSending the newsletter\u201d: "
        "Hébergeur Exemple and Paiement Exemple → including Hébergeur "
        "Exemple and Paiement Exemple"
    )
    [closed] = diff(edited(purposes={"newsletter": {"recipients": Including(everyone)}}), company)
    assert (closed.kind, closed.material) == ("purpose_recipients_changed", False)
    [added] = diff(edited(purposes={"newsletter": {"recipients": everyone[:1]}}), company)
    assert (added.kind, added.material) == ("purpose_recipients_changed", True)
    assert diff(company, edited(purposes={"newsletter": {"recipients": tuple(everyone)}})) == []


def test_category_items_that_become_exhaustive_are_editorial_new_ones_material() -> None:
    from privacy_center.model.model import Text

    items = forms().data_categories[0].items
    [closed] = diff(forms(), edited(data_categories={"identity": {"items": tuple(items)}}))
    assert (closed.kind, closed.material) == ("category_items_changed", False)
    assert change(closed, load_wording("fr")).replace("\u00a0", " ") == (
        "Données de la catégorie « État civil du titulaire » : notamment nom et adresse e-mail → nom et adresse e-mail"
    )
    more = (*items, Text({"fr": "téléphone", "en": "phone"}))
    [added] = diff(
        edited(data_categories={"identity": {"items": tuple(items)}}),
        edited(data_categories={"identity": {"items": more}}),
    )
    assert (added.kind, added.material) == ("category_items_changed", True)


def test_transfer_destinations_that_widen_are_material() -> None:
    from privacy_center.model.model import Including

    [closed] = diff(forms(), edited(transfers={"payment_transfer": {"destination": ("US", "CA")}}))
    assert (closed.kind, closed.material) == ("transfer_destination_changed", False)
    wider = Including(("US", "CA", "GB"))
    [widened] = diff(forms(), edited(transfers={"payment_transfer": {"destination": wider}}))
    assert (widened.kind, widened.material) == ("transfer_destination_changed", True)
    assert change(widened, load_wording("en")) == (
        "Destination of a transfer outside the European Union: including "
        "United States and Canada → including United States, Canada, and "
        "United Kingdom"
    )


def test_a_label_added_to_a_category_code_is_a_wording_change() -> None:
    from privacy_center.model.model import Text

    [only] = diff(forms(), edited(data_categories={"usage": {"label": Text({"fr": "Navigation", "en": "Browsing"})}}))
    assert (only.kind, only.material, only.subject) == ("wording_changed", False, "notice.data_categories")


def _with_transfer(base, index: int, **changes):
    from dataclasses import replace

    items = list(base.transfers.items)
    items[index] = replace(items[index], **changes)
    return replace(base, transfers=replace(base.transfers, items=tuple(items)))


def _with_partners(base, **changes):
    from dataclasses import replace

    return replace(base, cookies=replace(base.cookies, partners=replace(base.cookies.partners, **changes)))


def _said(item, language: str) -> str:
    return change(item, load_wording(language)).replace("\u202f", " ").replace("\u00a0", " ")


def test_another_appropriate_safeguard_is_a_material_safeguard_change() -> None:
    from privacy_center.model.model import OtherSafeguard, Text

    base = forms(FORMS_TRANSFERS)
    other = OtherSafeguard(Text({"fr": "Pseudonymisation", "en": "Pseudonymisation"}))
    [only] = diff(base, _with_transfer(base, 1, safeguards=("adequacy", other)))
    assert only.kind == "safeguards_changed" and only.material
    assert _said(only, "en") == (
        "Safeguards for transfers to United Kingdom: European Commission adequacy "
        "decision → European Commission adequacy decision and Other appropriate "
        "safeguard: Pseudonymisation"
    )
    assert "Autre garantie appropriée : Pseudonymisation" in _said(only, "fr")


@pytest.mark.parametrize(
    "old,new,material",
    [
        (("support",), ("hosting", "support"), True),  # a purpose added: the transfer serves more
        (("hosting", "support"), ("support",), False),  # a purpose dropped, another stays: narrower
        ((), ("support",), False),  # the purpose is now said: nothing new is done
        (("support",), (), True),  # no longer limited to a purpose
    ],
)
def test_transfer_purposes_changed(old, new, material: bool) -> None:
    base = forms(FORMS_TRANSFERS)
    by_id = {p.id: p for p in base.purposes}
    before = _with_transfer(base, 1, purposes=tuple(by_id[i] for i in old))
    after = _with_transfer(base, 1, purposes=tuple(by_id[i] for i in new))
    [only] = diff(before, after)
    assert only.kind == "transfer_purposes_changed"
    assert only.material is material
    if not old:
        assert _said(only, "fr") == "Finalités du transfert vers Royaume-Uni : non précisé → Assistance"
        assert _said(only, "en") == "Purposes of the transfer to United Kingdom: not stated → Support"


def test_a_renamed_purpose_is_no_transfer_change() -> None:
    from dataclasses import replace

    from privacy_center.model.model import Text

    base = forms(FORMS_TRANSFERS)
    renamed = replace(
        base, purposes=(replace(base.purposes[0], name=Text({"fr": "Hébergeur", "en": "Host"})), *base.purposes[1:])
    )
    assert [(c.kind, c.subject) for c in diff(base, renamed)] == [("wording_changed", "notice.purposes")]


def test_cookie_partner_added_and_removed() -> None:
    from privacy_center.model.model import Including

    base = forms(FORMS_TRANSFERS)
    after = _with_partners(base, names=Including(("Google", "Meta", "Taboola")))
    changes = {c.kind: c for c in diff(base, after)}
    assert set(changes) == {"cookie_partner_added", "cookie_partner_removed"}
    assert changes["cookie_partner_added"].material and not changes["cookie_partner_removed"].material
    assert _said(changes["cookie_partner_added"], "en") == "New partner setting cookies: Taboola"
    assert _said(changes["cookie_partner_removed"], "fr") == "Partenaire déposant des cookies supprimé : Criteo"


def test_cookie_partners_block_added_names_each_partner() -> None:
    from dataclasses import replace

    base = forms(FORMS_TRANSFERS)
    without = replace(base, cookies=replace(base.cookies, partners=None))
    changes = diff(without, base)
    assert [(c.kind, c.subject, c.material) for c in changes] == [
        ("cookie_partner_added", name, True) for name in ("Criteo", "Google", "Meta")
    ]


@pytest.mark.parametrize("exhaustive,material", [(True, False), (False, True)])
def test_cookie_partners_list_changed(exhaustive: bool, material: bool) -> None:
    from privacy_center.model.model import Including

    base = forms(FORMS_TRANSFERS)
    names = ("Google", "Meta", "Criteo")
    before = _with_partners(base, names=names if not exhaustive else Including(names))
    after = _with_partners(base, names=names if exhaustive else Including(names))
    [only] = diff(before, after)
    assert only.kind == "cookie_partners_list_changed"
    assert only.material is material  # a list that becomes examples only may hide new partners
    if not exhaustive:
        assert _said(only, "fr") == (
            "Liste des partenaires déposant des cookies : Google, Meta et Criteo → notamment Google, Meta et Criteo"
        )


@pytest.mark.parametrize(
    "old,new,material",
    [
        (("advertising",), ("advertising", "audience_measurement"), True),
        (("advertising", "security"), ("advertising",), False),
        (("advertising",), NOT_STATED, True),
    ],
)
def test_cookie_partners_purposes_changed(old, new, material: bool) -> None:
    base = forms(FORMS_TRANSFERS)
    [only] = diff(_with_partners(base, purposes=old), _with_partners(base, purposes=new))
    assert only.kind == "cookie_partners_purposes_changed"
    assert only.material is material
    if new == ("advertising", "audience_measurement"):
        assert _said(only, "en") == (
            "Purposes of the partners' cookies: Advertising → Advertising and Audience measurement"
        )


@pytest.mark.parametrize(
    "old,new,material",
    [
        (Duration(6, "months"), Duration(13, "months"), True),
        (Duration(13, "months"), Duration(6, "months"), False),
    ],
)
def test_cookie_partners_lifetime_changed(old, new, material: bool) -> None:
    base = forms(FORMS_TRANSFERS)
    [only] = diff(_with_partners(base, lifetime=old), _with_partners(base, lifetime=new))
    assert only.kind == "cookie_partners_lifetime_changed"
    assert only.material is material
    assert _said(only, "fr") == f"Durée de vie des cookies des partenaires : {old.value} mois → {new.value} mois"


@pytest.mark.parametrize("old,new,material", [(True, NOT_STATED, True), (True, False, True), (False, True, False)])
def test_cookie_partners_consent_changed(old, new, material: bool) -> None:
    base = forms(FORMS_TRANSFERS)
    [only] = diff(_with_partners(base, consent_required=old), _with_partners(base, consent_required=new))
    assert only.kind == "cookie_partners_consent_changed"
    assert only.material is material


def test_dpo_registration_changed_is_editorial() -> None:
    from dataclasses import replace

    base = forms(FORMS_TRANSFERS)
    renewed = replace(base, dpo=replace(base.dpo, registration=replace(base.dpo.registration, number="DPO-99999")))
    [only] = diff(base, renewed)
    assert only.kind == "dpo_registration_changed" and not only.material
    assert _said(only, "en") == (
        "Registration of the DPO with the supervisory authority: Registered with the CNIL on "
        "25 May 2018 under number DPO-12345 → Registered with the CNIL on 25 May 2018 "
        "under number DPO-99999"
    )
    [gone] = diff(base, replace(base, dpo=replace(base.dpo, registration=None)))
    assert _said(gone, "fr").endswith("→ non précisé")


@pytest.mark.parametrize("where", ["contact", "dpo", "rights"])
def test_attention_changed_is_editorial_and_no_new_address(where: str) -> None:
    from dataclasses import replace

    from privacy_center.model.model import Text

    base = forms(FORMS_TRANSFERS)
    line = Text({"fr": "À l'attention de la direction", "en": "For the attention of the management"})
    if where == "contact":
        after = replace(base, contact=replace(base.contact, attention=line))
    elif where == "dpo":
        after = replace(base, dpo=replace(base.dpo, contact=replace(base.dpo.contact, attention=line)))
    else:
        after = replace(base, rights=replace(base.rights, contact=replace(base.rights.contact, attention=line)))
    [only] = diff(base, after)
    assert only.kind == "attention_changed" and not only.material
    heading = {"contact": "Contact", "dpo": "Data protection officer (DPO)", "rights": "Exercise a right"}[where]
    assert _said(only, "en").startswith(f"\u201cFor the attention of\u201d line ({heading}): ")
    assert _said(only, "en").endswith("→ For the attention of the management")


# --- Every model field is seen by the diff -------------------------------------------------------------------------


def _samples():
    """Companies whose data fills most fields: the seeds, the valid fixtures and every demo version."""
    from conftest import ROOT

    paths = sorted((ROOT / "data").glob("*.yaml")) + sorted((HISTORY / "data" / "versions" / "demo").glob("*.yaml"))
    paths += sorted((Path(__file__).parent / "fixtures" / "valid").glob("*.yaml"))
    for path in paths:
        document, errors = load_file(path)
        assert not errors
        assert document is not None
        yield company_from_data(document.data, document.file)


def _instances(value, path=()):
    """(path, instance) for every dataclass instance reachable from `value`, path as attribute names and indexes."""
    from dataclasses import fields as dc_fields
    from dataclasses import is_dataclass

    from privacy_center.model.model import Text

    if is_dataclass(value) and not isinstance(value, (type, Text)):  # a Text is a value, perturbed as a whole
        yield path, value
        for item in dc_fields(value):
            yield from _instances(getattr(value, item.name), (*path, item.name))
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _instances(item, (*path, index))


def _perturbed(value, name: str, annotation: str = "Text"):
    """A different value of the same shape, or None when none can be made from this one (an absent part of
    another type than a text is left to a sample that fills it)."""
    from dataclasses import is_dataclass

    from privacy_center.model.model import Text

    if isinstance(value, Text):
        return (
            Text.of(value.same + " (changed)")
            if value.same is not None
            else Text({lang: text + " (changed)" for lang, text in value.values.items()})
        )
    if is_dataclass(value):
        return None  # its own fields are perturbed one by one
    if isinstance(value, bool):
        return not value
    if isinstance(value, Decimal):
        return value + 1
    if isinstance(value, int):
        return value + 1
    if name == "unit":
        return "years" if value != "years" else "months"
    if name == "role":
        return "processor" if value != "processor" else "controller"
    if isinstance(value, str):
        return value + "-changed"
    if isinstance(value, tuple):
        return value[:-1] if value else None
    if isinstance(value, dict):
        return {**value, "changed": True}
    if value is None:
        return Text({"fr": "modifié", "en": "changed"}) if "Text" in str(annotation) else None
    return None


def _replaced(root, path, name, new):
    """`root` with the field `name` of the instance at `path` set to `new`, rebuilt up to the root."""
    from dataclasses import replace

    if not path:
        return replace(root, **{name: new})
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        items = list(root)
        items[head] = _replaced(root[head], rest, name, new)
        return tuple(items)
    return replace(root, **{head: _replaced(getattr(root, head), rest, name, new)})


def test_the_diff_sees_every_field_of_the_model() -> None:
    """Each field of each model dataclass, changed alone in a sample company, yields a change, unless diff.py lists it
    in IGNORED with a reason. A field no sample fills cannot be tested: fill it in tests/fixtures/valid/full.yaml."""
    import inspect
    from dataclasses import fields as dc_fields
    from dataclasses import is_dataclass

    from privacy_center.history import diff as diff_module
    from privacy_center.model import model

    classes = [
        c for _, c in inspect.getmembers(model, inspect.isclass) if is_dataclass(c) and c.__module__ == model.__name__
    ]
    wanted = {
        f"{c.__name__}.{item.name}" for c in classes if c is not model.Text for item in dc_fields(c) if item.compare
    }
    wanted -= set(diff_module.IGNORED)
    tried: dict[str, str] = {}
    for company_value in _samples():
        for path, instance in _instances(company_value):
            for item in dc_fields(instance):
                key = f"{type(instance).__name__}.{item.name}"
                if key not in wanted or tried.get(key) == "seen":
                    continue
                if is_dataclass(getattr(instance, item.name)) and not isinstance(
                    getattr(instance, item.name), model.Text
                ):
                    tried.setdefault(key, "seen")  # a part made of fields: each of its own fields is changed instead
                    continue
                # model.py postpones its annotations: a field's type is the text of its annotation
                new = _perturbed(getattr(instance, item.name), item.name, cast(str, item.type))
                if new is None or new == getattr(instance, item.name):
                    continue
                changed = _replaced(company_value, path, item.name, new)
                tried[key] = "seen" if diff(company_value, changed) else f"unseen at {'.'.join(map(str, path))}"
    unseen = sorted(f"{key} ({why})" for key, why in tried.items() if why != "seen")
    untested = sorted(wanted - set(tried))
    assert unseen == [], (
        "diff() reports no change when these fields change: compare them in diff.py (a specific "
        "diff with a change.<kind> wording key in both locale files, or a heading on the field's declaration in "
        f"model/declaration.py), or list them in diff.IGNORED with the reason: {unseen}"
    )
    assert untested == [], f"no sample company fills these fields, so the diff cannot be tested on them: {untested}"


def test_a_change_of_role_is_material_and_worded_in_each_language() -> None:
    from dataclasses import replace

    old = company("1.0")
    [only] = diff(old, replace(old, role="processor"))
    assert (only.kind, only.material) == ("role_changed", True)
    assert change(only, load_wording("en")) == "Role of the company: Data controller → Processor (GDPR Art. 28)"
    assert change(only, load_wording("fr")).replace("\u202f", " ").replace("\u00a0", " ") == (
        "Rôle de l'entreprise : Responsable du traitement → Sous-traitant (art. 28 RGPD)"
    )


def test_a_new_name_or_slug_is_an_editorial_change() -> None:
    from dataclasses import replace

    from privacy_center.model.model import Text

    old = company("1.0")
    new = replace(old, name=Text({"fr": "Démo Nouvelle", "en": "New Demo"}), slug="new-demo")
    found = diff(old, new)
    assert [(c.kind, c.material) for c in found] == [("name_changed", False), ("slug_changed", False)]
    assert [change(c, load_wording("en")) for c in found] == [
        "Name: Démo Fictive → New Demo",
        "Address of the pages: /demo/ → /new-demo/",
    ]
    assert (
        change(found[0], load_wording("fr")).replace("\u202f", " ").replace("\u00a0", " ")
        == "Nom : Démo Fictive → Démo Nouvelle"
    )


def test_a_purpose_passing_data_to_one_more_recipient_is_material() -> None:
    from dataclasses import replace

    old = company("2.0")
    purpose = next(p for p in old.purposes if isinstance(p.recipients, tuple) and p.recipients)
    fewer = replace(purpose, recipients=purpose.recipients[:-1])
    new = replace(old, purposes=tuple(fewer if p is purpose else p for p in old.purposes))
    [removed] = diff(old, new)
    [added] = diff(new, old)
    assert (added.kind, added.material, removed.kind, removed.material) == (
        "purpose_recipients_changed",
        True,
        "purpose_recipients_changed",
        False,
    )
    assert change(added, load_wording("en")).startswith(
        f"Recipients of the data of \u201c{purpose.name.get('en')}\u201d: "
    )


# --- Purposes, bases and retention (issue 9): profiling, general interest, general rule, legal reference -----------

FORMS_WHY = Path(__file__).parent / "fixtures" / "valid" / "forms-why.yaml"


def _with_purpose(base, ident: str, **fields):
    from dataclasses import replace

    return replace(base, purposes=tuple(replace(p, **fields) if p.id == ident else p for p in base.purposes))


@pytest.mark.parametrize(
    "old,new,material",
    [
        (None, True, True),
        (False, True, True),
        (False, None, True),
        (True, False, False),
        (True, None, False),
        (None, False, False),
    ],
)
def test_purpose_profiling_changed(old, new, material: bool) -> None:
    base = forms(FORMS_WHY)
    [only] = diff(_with_purpose(base, "fraud", profiling=old), _with_purpose(base, "fraud", profiling=new))
    assert (only.kind, only.material) == ("purpose_profiling_changed", material)
    if (old, new) == (None, True):
        assert (
            _said(only, "fr") == "Segmentation ou profilage pour « Lutte contre la fraude au paiement » : "
            "non précisé → Oui"
        )
        assert _said(only, "en") == "Segmentation or profiling for \u201cFighting payment fraud\u201d: not stated → Yes"


def test_a_changed_legal_reference_is_a_retention_change() -> None:
    from dataclasses import replace

    from privacy_center.model.model import Text

    base = forms(FORMS_WHY)
    rule = next(r for r in base.retention_rules if r.id == "payments")
    legal = rule.period.periods[1]
    moved = replace(
        legal,
        reference=Text(
            {"fr": "l'article L110-4 du Code de commerce", "en": "Article L110-4 of the French Commercial Code"}
        ),
    )
    new_rule = replace(rule, period=replace(rule.period, periods=(rule.period.periods[0], moved)))
    [only] = diff(
        base, replace(base, retention_rules=tuple(new_rule if r is rule else r for r in base.retention_rules))
    )
    assert only.kind == "retention_changed" and only.material  # two legal periods cannot be compared: look again
    assert _said(only, "en").endswith(
        "→ 13 months, then archived: for the period set by Article L110-4 of the French Commercial Code"
    )


def test_general_rule_interest_and_mandatory_statement_changes_are_seen() -> None:
    """The general rule's flag and the statement on mandatory data are declared editorial; the legitimate interest
    a purpose pursues is declared material (Art. 13(1)(d): why the data is used)."""
    from dataclasses import replace

    from privacy_center.model.model import LegalBasis, Text

    base = forms(FORMS_WHY)
    rules = tuple(replace(r, general=False) for r in base.retention_rules)
    assert [c.kind for c in diff(base, replace(base, retention_rules=rules))] == ["wording_changed"]
    assert [c.kind for c in diff(base, replace(base, mandatory_data=None))] == ["wording_changed"]
    own = (LegalBasis("legitimate_interests", Text({"fr": "Prospecter", "en": "Marketing"})),)
    [only] = diff(base, _with_purpose(base, "postal_marketing", legal_bases=own))
    assert (only.kind, only.material) == ("field_changed", True)
    assert change_text(only, "en") == (
        "Legitimate interest pursued of \u201cPostal marketing\u201d: A justified and balanced commercial interest in "
        "processing your data → Marketing"
    )


# Forms of issue 9, who: joint controllers and recipients shared by every purpose (tests/fixtures/valid/forms-who.yaml).
FORMS_WHO = Path(__file__).parent / "fixtures" / "valid" / "forms-who.yaml"


def _plain_spaces(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_a_new_joint_controller_is_material_and_one_removed_is_editorial() -> None:
    from dataclasses import replace

    old = forms(FORMS_WHO)
    fewer = replace(old, identity=replace(old.identity, joint_controllers=old.identity.joint_controllers[:1]))
    [added] = diff(fewer, old)
    [removed] = diff(old, fewer)
    assert (added.kind, added.material, removed.kind, removed.material) == (
        "joint_controller_added",
        True,
        "joint_controller_removed",
        False,
    )
    assert change(added, load_wording("en")) == "New joint controller: Formes Logistique SARL"
    assert _plain_spaces(change(removed, load_wording("fr"))) == (
        "Responsable conjoint du traitement supprimé : Formes Logistique SARL"
    )


def test_a_recipient_shared_by_every_purpose_is_material_and_no_longer_shared_is_editorial() -> None:
    from dataclasses import replace

    old = forms(FORMS_WHO)
    unshared = replace(old, recipients=tuple(replace(r, shared=False) for r in old.recipients))
    [shared] = diff(unshared, old)
    [narrowed] = diff(old, unshared)
    assert (shared.kind, shared.material, narrowed.kind, narrowed.material) == (
        "recipient_shared_changed",
        True,
        "recipient_shared_changed",
        False,
    )
    assert change(shared, load_wording("en")) == "Recipient common to every purpose (Hébergeur Exemple): No → Yes"
    assert _plain_spaces(change(narrowed, load_wording("fr"))) == (
        "Destinataire commun à toutes les finalités (Hébergeur Exemple) : Oui → Non"
    )


def test_a_recipient_registration_or_examples_are_editorial() -> None:
    from dataclasses import replace

    old = forms(FORMS_WHO)
    bare = replace(old, recipients=tuple(replace(r, registration=None, examples=()) for r in old.recipients))
    assert [(c.kind, c.material, c.subject) for c in diff(bare, old)] == [
        ("wording_changed", False, "notice.recipients")
    ]


# Forms of issue 9 (rights): a right's own address, a non-exhaustive list of transfers, a cookie partner's scope.
FORMS_RIGHTS = Path(__file__).parent / "fixtures" / "valid" / "forms-rights.yaml"


def _with_right(base, code: str, **changes):
    from dataclasses import replace

    offered = tuple(replace(r, **changes) if r.code == code else r for r in base.rights.offered)
    return replace(base, rights=replace(base.rights, offered=offered))


def test_a_right_given_its_own_address_is_a_material_right_contact_change() -> None:
    from privacy_center.model.model import ContactPoint

    base = forms(FORMS_RIGHTS)
    general = _with_right(base, "express_point_of_view", contact=None)
    [moved] = diff(general, base)
    assert (moved.kind, moved.material) == ("right_contact_changed", True)
    assert _said(moved, "fr") == (
        "Où exercer « Droit de présenter vos observations » : droits@formes-droits.example "
        "→ observations@formes-droits.example"
    )
    assert _said(moved, "en") == (
        "Where to exercise \u201cRight to express your point of view\u201d: "
        "droits@formes-droits.example → observations@formes-droits.example"
    )
    elsewhere = _with_right(base, "express_point_of_view", contact=ContactPoint(email="fraude@formes-droits.example"))
    [changed, label] = diff(base, elsewhere)  # a new address, and the label it had dropped: a wording change
    assert (changed.kind, changed.material) == ("right_contact_changed", True)
    assert (label.kind, label.material, label.subject) == ("wording_changed", False, "notice.rights")
    assert diff(base, base) == []


def test_a_right_contact_attention_line_is_editorial() -> None:
    from dataclasses import replace

    from privacy_center.model.model import Text

    base = forms(FORMS_RIGHTS)
    [right] = [r for r in base.rights.offered if r.contact]
    line = Text({"fr": "À l'attention du service fraude", "en": "For the attention of the fraud team"})
    after = _with_right(base, right.code, contact=replace(right.contact, attention=line))
    [only] = diff(base, after)
    assert (only.kind, only.material) == ("attention_changed", False)
    assert _said(only, "en") == (
        "\u201cFor the attention of\u201d line (Right to express your point of view): "
        "not stated → For the attention of the fraud team"
    )


@pytest.mark.parametrize("opened", [True, False])
def test_a_transfer_list_that_becomes_non_exhaustive_is_material(opened: bool) -> None:
    from dataclasses import replace

    from privacy_center.model.model import Including

    base = forms(FORMS_RIGHTS)
    assert isinstance(base.transfers.items, Including)
    closed = replace(base, transfers=replace(base.transfers, items=tuple(base.transfers.items)))
    [only] = diff(closed, base) if opened else diff(base, closed)
    assert (only.kind, only.material) == ("transfers_list_changed", opened)
    if opened:
        assert _said(only, "fr") == (
            "Liste des transferts hors de l'Union européenne : Maroc et Madagascar (Service client (centre "
            "d'appels)) et États-Unis (Réseaux sociaux) → notamment Maroc et Madagascar (Service client (centre "
            "d'appels)) et États-Unis (Réseaux sociaux)"
        )


@pytest.mark.parametrize(
    "old,new,material",
    [
        ("app only", None, True),  # the scope is dropped: the partner may now track everywhere
        ("app only", "website only", True),
        (None, "app only", False),  # a scope added narrows where the partner tracks
    ],
)
def test_cookie_partner_scope_changed(old, new, material: bool) -> None:
    from privacy_center.model.model import CookiePartner, Text

    def partner(scope):
        return CookiePartner("Batch", Text({"fr": scope, "en": scope})) if scope else "Batch"

    base = forms(FORMS_RIGHTS)
    [only] = diff(
        _with_partners(base, names=("Criteo", partner(old))), _with_partners(base, names=("Criteo", partner(new)))
    )
    assert (only.kind, only.material, only.subject) == ("cookie_partner_scope_changed", material, "Batch")
    if new is None:
        assert _said(only, "en") == "Scope of the cookies of partner Batch: app only → not stated"


def test_a_scoped_partner_added_is_named_with_its_scope() -> None:
    base = forms(FORMS_RIGHTS)
    [added] = diff(_with_partners(base, names=("Criteo",)), base)
    assert (added.kind, added.material) == ("cookie_partner_added", True)
    assert _said(added, "fr") == "Nouveau partenaire déposant des cookies : Batch (application uniquement)"


# --- Sale of personal data (issue 10, first layer) ------------------------------------------------------------------


def test_a_sale_that_starts_is_material_and_one_that_stops_is_not() -> None:
    from dataclasses import replace

    from privacy_center.model.model import NOT_STATED, Sale

    base = company("1.0")
    [started] = diff(replace(base, sale=Sale(False)), replace(base, sale=Sale(True)))
    assert (started.kind, started.material, started.old, started.new) == ("sale_changed", True, False, True)
    assert change(started, load_wording("en")) == "Sale of personal data: No → Yes"
    [stopped] = diff(replace(base, sale=Sale(True)), replace(base, sale=Sale(False)))
    assert stopped.material is False
    [silent] = diff(replace(base, sale=Sale(False)), replace(base, sale=NOT_STATED))
    assert silent.material is True and change(silent, load_wording("fr")).endswith("Non → non précisé")
    reworded = Sale(False, statement=replace(base, sale=Sale(False)).name)
    [wording] = diff(replace(base, sale=Sale(False)), replace(base, sale=reworded))
    assert (wording.kind, wording.material, wording.subject) == ("wording_changed", False, "layer.fact.sold")


def test_a_purposes_role_and_advertising_are_diffed() -> None:
    """A purpose that becomes processing on a customer's behalf, or newly serves advertising: both material, and
    worded with the role and the answer in each language."""
    from dataclasses import replace

    from privacy_center.model.model import PurposeRole, Text

    old = company("1.0")
    first = old.purposes[0]
    role = PurposeRole("processor", Text({"fr": "le Client", "en": "the Customer"}))
    new = replace(old, purposes=(replace(first, role=role, advertising=True), *old.purposes[1:]))
    found = {c.kind: c for c in diff(old, new)}
    assert {kind: c.material for kind, c in found.items()} == {
        "purpose_role_changed": True,
        "purpose_advertising_changed": True,
    }
    assert change(found["purpose_role_changed"], load_wording("en")).endswith(
        ": Data controller → Processor on behalf of the Customer (GDPR Art. 28)"
    )
    assert change(found["purpose_advertising_changed"], load_wording("en")).endswith(": not stated → Yes")
    french = change(found["purpose_role_changed"], load_wording("fr")).replace("\u202f", " ").replace("\u00a0", " ")
    assert french.endswith(" : Responsable du traitement → Sous-traitant pour le compte du Client (art. 28 RGPD)")


def test_a_change_is_classified_by_the_declaration_of_what_changed() -> None:
    """A change no specific comparison covers takes the class of the declared field that changed (declaration.py):
    the controller's legal name, registered address, registration, legal form or websites are material (WP260: who
    the controller is, how to reach it), each said with its label, before → after, in both languages; a note on
    the identity is editorial, reported as a wording change under the heading it is declared under."""
    from dataclasses import replace

    from privacy_center.model.model import Text

    base = company("1.0")
    said = {
        "legal_name": ("Renamed SAS", "Legal name: Coopo → Renamed SAS", "Raison sociale : Coopo → Renamed SAS"),
        "registered_address": (
            "2 rue Neuve, 75002 Paris",
            "Registered office: 153 chemin du ruisseau, 38190 Laval-en Belledonne, France → 2 rue Neuve, 75002 Paris",
            "Siège social : 153 chemin du ruisseau, 38190 Laval-en Belledonne, France → 2 rue Neuve, 75002 Paris",
        ),
        "register_number": ("999 999 999", "Registration: not stated → 999 999 999", None),
        "legal_form": ("sarl", "Legal form: not stated → Limited liability company (SARL)", None),
        "websites": (("https://new.example",), "Websites: https://coopo.fr → https://new.example", None),
    }
    for name, (value, english, french) in said.items():
        [only] = diff(base, replace(base, identity=replace(base.identity, **{name: value})))
        assert (only.kind, only.material) == ("field_changed", True), name
        assert change_text(only, "en") == english
        if french:
            assert change_text(only, "fr").replace("\u00a0", " ").replace("\u202f", " ") == french
    noted = replace(base, identity=replace(base.identity, note=Text({"fr": "Lu ainsi.", "en": "Read so."})))
    [only] = diff(base, noted)
    assert (only.kind, only.material, only.subject) == ("wording_changed", False, "notice.controller")
    both = replace(noted, identity=replace(noted.identity, legal_name="Renamed SAS"))
    assert [(c.kind, c.material) for c in diff(base, both)] == [("field_changed", True), ("wording_changed", False)]


def change_text(found, language: str) -> str:
    return change(found, load_wording(language))


def _sentences(changes, language: str) -> list[str]:
    return [change_text(c, language) for c in changes]


def test_a_note_beside_an_address_is_editorial_and_never_printed_as_x_to_x() -> None:
    """Only a note changed on the general contact, the DPO's contact and the rights contact: each is a wording
    change under its heading, never "not stated → not stated" (the ways to reach them did not change)."""
    from dataclasses import replace

    from privacy_center.model.model import ContactPoint, Dpo, Text

    base = company("1.0")
    note = Text({"fr": "Réponse sous un mois.", "en": "Answer within a month."})
    dpo = base.dpo if isinstance(base.dpo, Dpo) else Dpo(True, contact=ContactPoint(email="dpo@example.org"))
    start = replace(base, dpo=dpo)
    noted = replace(
        start,
        contact=replace(start.contact, note=note),
        dpo=replace(dpo, contact=replace(dpo.contact or ContactPoint(), note=note)),
        rights=replace(start.rights, contact=replace(start.rights.contact, note=note)),
    )
    found = diff(start, noted)
    assert found and all(c.kind == "wording_changed" and not c.material for c in found), found
    for language in ("fr", "en"):
        assert not [s for s in _sentences(found, language) if "→" in s]


def test_a_change_beside_an_added_item_is_still_reported() -> None:
    """A joint controller added does not hide a new legal name, nor a recipient added a kept recipient's new
    location: the comparisons of items added or removed leave the rest of the field to the declarations."""
    from dataclasses import replace

    old = forms(FORMS_WHO)
    fewer = replace(old, identity=replace(old.identity, joint_controllers=old.identity.joint_controllers[:1]))
    renamed = replace(old, identity=replace(old.identity, legal_name="Nouveau Nom SAS"))
    kinds = sorted(c.kind for c in diff(fewer, renamed))
    assert kinds == ["field_changed", "joint_controller_added"]
    [kept, *others] = old.recipients
    assert others, "the fixture has several recipients"
    moved = replace(kept, location="DE" if kept.location != "DE" else "BE")
    before = replace(old, recipients=(kept, *others[1:]))
    after = replace(old, recipients=(moved, *others))
    found = {c.kind: c for c in diff(before, after)}
    assert set(found) == {"recipient_added", "field_changed"}
    assert change_text(found["field_changed"], "en").startswith("Location of \u201c")


def test_no_material_change_says_the_same_thing_before_and_after() -> None:
    """Over the reviewed versions of the sample company, no sentence of a change reads "X → X" in any language."""
    versions = ("1.0", "1.1", "2.0")
    for old in versions:
        for new in versions:
            for language in ("fr", "en"):
                for sentence in _sentences(diff(company(old), company(new)), language):
                    if "→" in sentence:
                        before, after = sentence.rsplit(": ", 1)[-1].split(" → ", 1)
                        assert before != after, sentence


def test_the_facts_a_lawyer_reads_are_said_before_and_after() -> None:
    """From the Morgan history: special categories newly answered, a purpose's retention or data subjects, and how a
    right is exercised are each said with their label and the item they belong to, before → after, in both
    languages (they were 'Changed in <heading>')."""
    from dataclasses import replace

    from privacy_center.model.model import NOT_STATED, SpecialCategories, Text

    base = company("2.0")
    purpose, *others = base.purposes
    right, *rights = base.rights.offered
    by_post = Text({"fr": "Par courrier.", "en": "By post."})
    cases = [
        (
            replace(base, special_categories=NOT_STATED),
            replace(base, special_categories=SpecialCategories(False)),
            "Special categories of data (GDPR Art. 9): not stated → No",
            "Catégories particulières de données (art. 9 RGPD) : non précisé → Non",
        ),
        (
            base,
            replace(base, purposes=(replace(purpose, data_subjects=NOT_STATED), *others)),
            "Data subjects of \u201cCookies: improving the site's interactivity and our services\u201d: "
            "Website visitors → not stated",
            "Personnes concernées de « Cookies : améliorer l'interactivité du site et nos services » : Visiteurs du "
            "site → non précisé",
        ),
        (
            base,
            replace(base, rights=replace(base.rights, offered=(replace(right, how=by_post), *rights))),
            "Exercise of \u201cRight of access\u201d: not stated → By post.",
            "Exercice de « Droit d'accès » : non précisé → Par courrier.",
        ),
    ]
    for old, new, english, french in cases:
        [only] = diff(old, new)
        assert (only.kind, only.material) == ("field_changed", True)
        assert change_text(only, "en") == english
        assert change_text(only, "fr").replace("\u00a0", " ").replace("\u202f", " ") == french


def test_a_material_part_with_no_label_is_still_said_under_its_heading() -> None:
    """A declared material field with no label of its own (whether the policy mentions the supervisory authority)
    is reported as "Changed in" its notice heading: never silently dropped, never as a wording change; one with a
    label (a recipient's kind) is said before → after, its code worded."""
    from dataclasses import replace

    base = company("1.0")
    [only] = diff(base, replace(base, authority=replace(base.authority, mentioned=not base.authority.mentioned)))
    assert (only.kind, only.material) == ("facts_changed", True)
    assert change_text(only, "en").startswith("Changed in \u201c")
    first, *others = base.recipients
    [kind] = diff(base, replace(base, recipients=(replace(first, kind="partner"), *others)))
    assert (kind.kind, kind.material) == ("field_changed", True)
    assert change_text(kind, "en").endswith(": Internal departments → Partners")
