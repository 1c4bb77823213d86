"""The changelog a visitor reads for a company with several versions, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, make_project, mkdocs
from html_utils import visible_text
from privacy_center.site.release import release

PAGE = {"fr": Path("demo/history/index.html"), "en": Path("en/demo/history/index.html")}


@pytest.mark.parametrize(
    "language,expected",
    [
        (
            "fr",
            [
                "Version 2.0 · 10 janvier 2026",
                "Version en vigueur",
                "Version remplacée",
                "Changement substantiel",
                "Nouveau destinataire : Analytix Inc.",
                "Nouveau transfert hors de l'Union européenne : États-Unis",
                "Durée de vie du cookie « Cookies optionnels » : 6 mois → 13 mois",
                "Droit supprimé : Droit à la portabilité",
                "Changement rédactionnel",
                "Première version publiée.",
            ],
        ),
        (
            "en",
            [
                "Version 2.0 · 10 January 2026",
                "Version in force",
                "Superseded version",
                "Material change",
                "New recipient: Analytix Inc.",
                "New transfer outside the European Union: United States",
                "Lifetime of the cookie “Optional cookies”: 6 months → 13 months",
                "Right removed: Right to data portability",
                "Editorial change",
                "First published version.",
            ],
        ),
    ],
)
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


@pytest.mark.parametrize(
    "language,prefix,banner",
    [
        ("fr", "", "Cette version 1.0 (du 15 janvier 2025) a été remplacée"),
        ("en", "en/", "This version 1.0 (of 15 January 2025) has been superseded"),
    ],
)
def test_a_superseded_version_stays_readable_at_its_stable_url(
    history_site: Path, language: str, prefix: str, banner: str
) -> None:
    text = visible_text(history_site / f"{prefix}demo/versions/1.0/index.html")
    assert banner in text
    assert "rgpd@coopo.fr" in text  # the contact of version 1.0, replaced in 2.0
    html = (history_site / f"{prefix}demo/versions/1.0/index.html").read_text(encoding="utf-8")
    assert 'href="../../notice/"' in html  # link to the version in force
    assert "privacy@demo.example" in visible_text(history_site / f"{prefix}demo/notice/index.html")


def test_the_current_version_has_no_archive_page(history_site: Path) -> None:
    assert (history_site / "demo" / "versions" / "2.0" / "index.html").exists()
    assert not (history_site / "demo" / "versions" / "3.0" / "index.html").exists()  # its notice is demo/notice/
    data = sorted(p.name for p in (history_site / "demo" / "versions" / "3.0").iterdir())
    assert data == ["privacy.json", "privacy.jsonld", "sitemap.xml"]  # its data, its DPV record, the theme's sitemap


def test_search_leads_to_the_notice_in_force_not_to_archives(history_site: Path) -> None:
    import json

    indexes = [history_site / prefix / "search" / "search_index.json" for prefix in ("", "en/")]
    locations = [
        entry["location"] for index in indexes for entry in json.loads(index.read_text(encoding="utf-8"))["docs"]
    ]
    assert locations.count("demo/notice/") == 2  # in the French index and in the English one (under /en/)
    assert [location for location in locations if "/versions/" in location] == []


def test_a_version_with_a_future_date_is_announced_but_not_yet_in_force(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", data_dir=FIXTURES / "history" / "data")
    company = project / "data" / "demo.yaml"
    company.write_text(company.read_text(encoding="utf-8").replace("value: 13", "value: 24"), encoding="utf-8")
    release(company, "3.1", "Cookies : 24 mois.", "Cookies: 24 months.", "2099-01-01")
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out" / "en" / "demo"
    for page in ("index", "notice", "rights", "cookies", "history"):
        text = visible_text(out / page / "index.html" if page != "index" else out / "index.html")
        assert "Current version 3.0 · Last updated: 1 June 2026 · Version 3.1 coming on 1 January 2099" in text
    assert "13 months" in visible_text(out / "cookies" / "index.html")
    upcoming = visible_text(out / "versions" / "3.1" / "index.html")
    assert "This version 3.1 comes into force on 1 January 2099" in upcoming and "24 months" in upcoming
    history = visible_text(out / "history" / "index.html")
    assert "Version 3.1 · 1 January 2099¶ Upcoming version (not yet in force)" in history
    assert "Version 3.0 · 1 June 2026¶ Version in force" in history


@pytest.mark.parametrize(
    "path,language,title",
    [
        ("demo/feed.xml", "fr", "Démo Fictive · Historique des versions"),
        ("en/demo/feed.xml", "en", "Démo Fictive · Version history"),
        ("feed.xml", "fr", "Centre de confidentialité · Changements récents"),
        ("en/feed.xml", "en", "Privacy center · Recent changes"),
    ],
)
def test_atom_feeds_are_valid_and_list_every_version(history_site: Path, path: str, language: str, title: str) -> None:
    import feedparser

    feed = feedparser.parse((history_site / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == title and feed.feed.language == language
    assert [e.title.split(" · ")[1] for e in feed.entries] == [
        "Version 3.0",
        "Version 2.0",
        "Version 1.1",
        "Version 1.0",
    ]
    assert feed.entries[1].link.endswith("demo/history/#v2-0")
    assert "Analytix Inc." in feed.entries[1].content[0].value


def test_pages_link_to_their_feed(history_site: Path) -> None:
    html = (history_site / "en" / "demo" / "notice" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" href="../feed.xml"' in html
    overview = (history_site / "demo" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" href="feed.xml"' in overview


def test_the_version_index_says_which_notice_applied_when(history_site: Path) -> None:
    import json

    [demo] = json.loads((history_site / "versions.json").read_text(encoding="utf-8"))["companies"]
    assert [(v["version"], v["valid_from"], v["valid_until"], v["status"]) for v in demo["versions"]] == [
        ("1.0", "2025-01-15", "2025-06-01", "superseded"),
        ("1.1", "2025-06-01", "2026-01-10", "superseded"),
        ("2.0", "2026-01-10", "2026-06-01", "superseded"),
        ("3.0", "2026-06-01", None, "in_force"),
    ]
    assert demo["versions"][0]["urls"] == {"fr": "demo/versions/1.0/", "en": "en/demo/versions/1.0/"}
    assert demo["versions"][3]["urls"]["en"] == "en/demo/notice/"


def test_the_recent_changes_page_lists_versions_across_companies(history_site: Path) -> None:
    text = visible_text(history_site / "en" / "changes" / "index.html")
    assert (
        text.index("Démo Fictive: version 3.0")
        < text.index("Démo Fictive: version 2.0")
        < text.index("Démo Fictive: version 1.1")
    )
