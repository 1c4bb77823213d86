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
    assert kinds - covered == {"transfers_changed"}  # covered by the test above
