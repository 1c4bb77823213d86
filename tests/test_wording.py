"""The wording files: every language has the same keys, and every key a template asks for exists."""

from __future__ import annotations

import re

import pytest
from privacy_center.render.pages import TEMPLATES_DIR
from privacy_center.source.wording import available_languages, flat_keys, load_wording

LANGUAGES = available_languages()


def test_site_languages_are_french_and_english() -> None:
    assert LANGUAGES == ("en", "fr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_keys_as_french(language: str) -> None:
    def keys(code: str) -> set[str]:  # typographic rules are the language's own (English has none)
        return {key for key in flat_keys(load_wording(code).entries) if not key.startswith("typography")}

    french = keys("fr")
    other = keys(language)
    assert sorted(french - other) == [], f"missing in {language}.yaml"
    assert sorted(other - french) == [], f"only in {language}.yaml"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_empty_wording(language: str) -> None:
    def leaves(node, prefix=""):
        for key, value in node.items():
            if isinstance(value, dict):
                yield from leaves(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value

    entries = {k: v for k, v in load_wording(language).entries.items() if k != "typography"}
    empty = [key for key, value in leaves(entries) if not isinstance(value, str) or not value.strip()]
    assert empty == []


def test_every_literal_key_in_templates_exists() -> None:
    used = set()
    for template in TEMPLATES_DIR.rglob("*.j2"):
        used |= set(re.findall(r'\bt\("([a-z_.]+)"\s*[,)]', template.read_text(encoding="utf-8")))
    assert used, "no wording key found in templates"
    for language in LANGUAGES:
        words = load_wording(language)
        assert sorted(k for k in used if not isinstance(words.get(k), str)) == [], language


def test_controlled_vocabularies_have_every_schema_code() -> None:
    import json

    from privacy_center.check.schema import SCHEMA_PATH

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["$defs"]
    groups = {
        "legal_basis": schema["legal_basis"]["properties"]["basis"]["enum"],
        "right": schema["right"]["properties"]["code"]["enum"],
        "recipient_kind": schema["recipient"]["properties"]["kind"]["enum"],
        "cookie_purpose": schema["cookie"]["properties"]["purpose"]["enum"],
        "unit": schema["duration"]["properties"]["unit"]["enum"],
        "safeguard": schema["transfer"]["properties"]["safeguards"]["anyOf"][0]["items"]["anyOf"][0]["enum"],
    }
    for language in LANGUAGES:
        words = load_wording(language)
        for group, codes in groups.items():
            assert sorted(c for c in codes if not words.has(f"{group}.{c}")) == [], (language, group)


def test_french_typography_by_rule() -> None:
    french = load_wording("fr")
    assert french("page_description.notice", company="ActifPilot").startswith(
        "Politique de confidentialité complète d'ActifPilot"
    )
    assert "complète de Coopo" in french("page_description.notice", company="Coopo")
    assert french.typeset("Note : « oui » ; non ? si !") == "Note\u00a0: «\u00a0oui\u00a0»\u202f; non\u202f? si\u202f!"
    assert french.typeset("https://example.org/?a=1") == "https://example.org/?a=1"
    english = load_wording("en")
    assert english.typeset("Note : yes") == "Note : yes"
    assert english("page_description.notice", company="ActifPilot").startswith("The full privacy notice of ActifPilot")
