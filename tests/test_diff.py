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
    # covered by the tests above and below
    assert kinds - covered == {"transfers_changed", "role_changed", "name_changed", "slug_changed"}


# --- Every model field is seen by the diff -------------------------------------------------------------------------

def _samples():
    """Companies whose data fills most fields: the seeds, the valid fixtures and every demo version."""
    from conftest import ROOT
    paths = sorted((ROOT / "data").glob("*.yaml")) + sorted((HISTORY / "data" / "versions" / "demo").glob("*.yaml"))
    paths += sorted((Path(__file__).parent / "fixtures" / "valid").glob("*.yaml"))
    for path in paths:
        document, errors = load_file(path)
        assert not errors
        yield company_from_data(document.data, document.file)


def _instances(value, path=()):
    """(path, instance) for every dataclass instance reachable from `value`, path as attribute names and indexes."""
    from dataclasses import fields as dc_fields, is_dataclass
    from privacy_center.model import Text
    if is_dataclass(value) and not isinstance(value, (type, Text)):  # a Text is a value, perturbed as a whole
        yield path, value
        for item in dc_fields(value):
            yield from _instances(getattr(value, item.name), path + (item.name,))
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _instances(item, path + (index,))


def _perturbed(value, name: str):
    """A different value of the same shape, or None when none can be made from this one."""
    from dataclasses import is_dataclass
    from privacy_center.model import Text
    if isinstance(value, Text):
        return Text.of(value.same + " (changed)") if value.same is not None else Text(
            {lang: text + " (changed)" for lang, text in value.values.items()})
    if is_dataclass(value):
        return None  # its own fields are perturbed one by one
    if isinstance(value, bool):
        return not value
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
        return Text({"fr": "modifié", "en": "changed"})
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
    from dataclasses import fields as dc_fields, is_dataclass
    from privacy_center import diff as diff_module, model
    classes = [c for _, c in inspect.getmembers(model, inspect.isclass) if is_dataclass(c) and c.__module__ == model.__name__]
    wanted = {f"{c.__name__}.{item.name}" for c in classes if c is not model.Text for item in dc_fields(c) if item.compare}
    wanted -= set(diff_module.IGNORED)
    tried: dict[str, str] = {}
    for company_value in _samples():
        for path, instance in _instances(company_value):
            for item in dc_fields(instance):
                key = f"{type(instance).__name__}.{item.name}"
                if key not in wanted or tried.get(key) == "seen":
                    continue
                if is_dataclass(getattr(instance, item.name)) and not isinstance(getattr(instance, item.name), model.Text):
                    tried.setdefault(key, "seen")  # a part made of fields: each of its own fields is changed instead
                    continue
                new = _perturbed(getattr(instance, item.name), item.name)
                if new is None or new == getattr(instance, item.name):
                    continue
                changed = _replaced(company_value, path, item.name, new)
                tried[key] = "seen" if diff(company_value, changed) else f"unseen at {'.'.join(map(str, path))}"
    unseen = sorted(f"{key} ({why})" for key, why in tried.items() if why != "seen")
    untested = sorted(wanted - set(tried))
    assert unseen == [], ("diff() reports no change when these fields change: compare them in diff.py (a specific "
                          "diff with a change.<kind> wording key in both locale files, or HEADINGS for a wording "
                          f"change), or list them in diff.IGNORED with the reason: {unseen}")
    assert untested == [], f"no sample company fills these fields, so the diff cannot be tested on them: {untested}"


def test_a_change_of_role_is_material_and_worded_in_each_language() -> None:
    from dataclasses import replace
    old = company("1.0")
    [only] = diff(old, replace(old, role="processor"))
    assert (only.kind, only.material) == ("role_changed", True)
    assert change(only, load_wording("en")) == "Role of the company: Data controller → Processor (GDPR Art. 28)"
    assert change(only, load_wording("fr")).replace("\u202f", " ").replace("\u00a0", " ") == ("Rôle de l'entreprise : Responsable du traitement → "
                                                "Sous-traitant (art. 28 RGPD)")


def test_a_new_name_or_slug_is_an_editorial_change() -> None:
    from dataclasses import replace
    from privacy_center.model import Text
    old = company("1.0")
    new = replace(old, name=Text({"fr": "Démo Nouvelle", "en": "New Demo"}), slug="new-demo")
    found = diff(old, new)
    assert [(c.kind, c.material) for c in found] == [("name_changed", False), ("slug_changed", False)]
    assert [change(c, load_wording("en")) for c in found] == [
        "Name: Démo Fictive → New Demo", "Address of the pages: /demo/ → /new-demo/"]
    assert change(found[0], load_wording("fr")).replace("\u202f", " ").replace("\u00a0", " ") == "Nom : Démo Fictive → Démo Nouvelle"


def test_a_purpose_passing_data_to_one_more_recipient_is_material() -> None:
    from dataclasses import replace
    old = company("2.0")
    purpose = next(p for p in old.purposes if isinstance(p.recipients, tuple) and p.recipients)
    fewer = replace(purpose, recipients=purpose.recipients[:-1])
    new = replace(old, purposes=tuple(fewer if p is purpose else p for p in old.purposes))
    [removed] = diff(old, new)
    [added] = diff(new, old)
    assert (added.kind, added.material, removed.kind, removed.material) == (
        "purpose_recipient_added", True, "purpose_recipient_removed", False)
    assert change(added, load_wording("en")).startswith(f"\u201c{purpose.name.get('en')}\u201d now passes data to: ")
