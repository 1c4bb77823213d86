"""The changelog a visitor reads for a company with several versions, in both languages."""
from __future__ import annotations

from pathlib import Path

import pytest

from html_utils import visible_text

PAGE = {"fr": Path("demo/history/index.html"), "en": Path("en/demo/history/index.html")}


@pytest.mark.parametrize("language,expected", [
    ("fr", ["Version 2.0 · 10 janvier 2026", "Version en vigueur", "Version remplacée", "Changement substantiel",
            "Nouveau destinataire : Analytix Inc.", "Nouveau transfert hors de l'Union européenne : États-Unis",
            "Durée de vie du cookie « Cookies optionnels » : 6 mois → 13 mois", "Droit supprimé : Droit à la portabilité",
            "Changement rédactionnel", "Première version publiée."]),
    ("en", ["Version 2.0 · 10 January 2026", "Version in force", "Superseded version", "Material change",
            "New recipient: Analytix Inc.", "New transfer outside the European Union: United States",
            "Lifetime of the cookie “Optional cookies”: 6 months → 13 months", "Right removed: Right to data portability",
            "Editorial change", "First published version."]),
])
def test_the_changelog_lists_computed_changes(history_site: Path, language: str, expected: list[str]) -> None:
    text = visible_text(history_site / PAGE[language])
    for fact in expected:
        assert fact in text, fact


def test_content_hashes_identify_each_version(history_site: Path) -> None:
    text = visible_text(history_site / PAGE["en"])
    for short in ("bb33ab6a", "31fa72ed"):
        assert f"Content hash: {short}" in text


def test_a_reworded_section_shows_the_words_that_changed(history_site: Path) -> None:
    html = (history_site / PAGE["en"]).read_text(encoding="utf-8")
    assert "Any dispute will be brought before the <ins>competent</ins> courts of Grenoble." in html
    french = (history_site / PAGE["fr"]).read_text(encoding="utf-8")
    assert "Tout litige sera soumis aux tribunaux <ins>compétents</ins> de Grenoble." in french
