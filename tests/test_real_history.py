"""A real policy's history, as a user encodes it: Morgan's charter (CAFAN SAS), six versions stored by Open Terms
Archive (tests/fixtures/histories/morgan/SOURCE.md), released as 1.0 to 6.0. The classified diff between each pair
is held to what a privacy lawyer reports (expected.yaml, written from the texts before the tool's diff was read)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES
from privacy_center.check.resolve import company_from_data
from privacy_center.history.diff import Change, diff
from privacy_center.model.model import Company
from privacy_center.render.phrases import change
from privacy_center.site.checker import check_files
from privacy_center.source.loader import load_file
from privacy_center.source.wording import load_wording

HISTORY = FIXTURES / "histories" / "morgan"
DATA = HISTORY / "data"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((HISTORY / "expected.yaml").read_text(encoding="utf-8"))


@cache  # each version read once for the whole module
def version(number: str) -> Company:
    document, errors = load_file(DATA / "versions" / "morgan" / f"{number}.yaml")
    assert document is not None and not errors
    return company_from_data(document.data, document.file)


def sentences(pair: str, language: str) -> list[tuple[Change, str]]:
    old, new = pair.split(" -> ")
    words = load_wording(language)
    return [(found, change(found, words)) for found in diff(version(old), version(new))]


def test_the_history_is_released_as_a_user_releases_it() -> None:
    """The company file and its six frozen versions pass validate: no error (the warnings are the policy's
    silences), each later version with its notice of change in both languages."""
    result = check_files([DATA / "morgan.yaml"])
    assert result.errors == ()
    frozen = sorted(path.name for path in (DATA / "versions" / "morgan").iterdir())
    assert [name for name in frozen if name.endswith(".yaml")] == [f"{n}.0.yaml" for n in range(1, 7)]
    assert [name for name in frozen if name.endswith(".txt")] == [
        f"{n}.0.notice.{language}.txt" for n in range(2, 7) for language in ("en", "fr")
    ]


@pytest.mark.parametrize("pair", list(EXPECTED))
def test_each_change_a_lawyer_reports_is_said_with_its_class(pair: str) -> None:
    found = sentences(pair, "en")
    for item in EXPECTED[pair].get("said", []):
        matches = [c for c, sentence in found if item["en"] in sentence]
        assert matches, f"{pair}: not said: {item['en']!r} ({item['quote']})"
        assert any(c.material == item["material"] for c in matches), f"{pair}: wrong class: {item['en']!r}"


@pytest.mark.parametrize("pair", list(EXPECTED))
def test_no_material_change_is_claimed_that_the_lawyer_does_not_report(pair: str) -> None:
    expected = EXPECTED[pair]
    listed = [item["en"] for item in [*expected.get("said", []), *expected.get("noise", [])]]
    found = sentences(pair, "en")
    claimed = [sentence for c, sentence in found if c.material and not any(text in sentence for text in listed)]
    assert claimed == [], f"{pair}: material changes the lawyer does not report"
    for item in expected.get("noise", []):  # still printed: when it is gone, remove the entry
        assert any(item["en"] in sentence for _, sentence in found), f"{pair}: noise fixed, update expected.yaml"
    for item in expected.get("not_yet", []):  # still not said: when it is, move it to `said`
        assert not any(item["absent"] in sentence for _, sentence in found), f"{pair}: now said: {item['what']}"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("pair", list(EXPECTED))
def test_no_sentence_says_the_same_before_and_after(pair: str, language: str) -> None:
    for _, sentence in sentences(pair, language):
        if " → " in sentence:
            before, after = sentence.split(": ", 1)[-1].split(" → ", 1)
            assert before != after, sentence
        assert "non précisé → non précisé" not in sentence and "not stated → not stated" not in sentence


@pytest.mark.parametrize("pair", list(EXPECTED))
def test_the_notices_of_change_say_the_same(pair: str) -> None:
    """The notice of change release saved for each version lists exactly its material changes, before → after, in
    each language (written again with `privacy-center notice morgan --version V --data-dir data` when the wording
    of changes improves)."""
    new = pair.split(" -> ")[1]
    for language in ("fr", "en"):
        saved = (DATA / "versions" / "morgan" / f"{new}.notice.{language}.txt").read_text(encoding="utf-8")
        listed = [line[2:] for line in saved.splitlines() if line.startswith("- ")]
        material = [sentence for c, sentence in sentences(pair, language) if c.material]
        assert [line for line in listed if line in material] == material, f"{new}.notice.{language}.txt"


def test_the_fixture_is_the_real_policy() -> None:
    """The fixture names where its texts come from, so a reader can check every quote."""
    source = (HISTORY / "SOURCE.md").read_text(encoding="utf-8")
    assert "OpenTermsArchive/france-versions" in source and "Morgan/Privacy Policy.md" in source
    assert Path(HISTORY / "expected.yaml").is_file()
