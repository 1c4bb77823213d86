"""Each seed says only what its source policy says: checks on the rendered pages, one file per company.

`tests/fidelity/<slug>.yaml` lists checks, each with the reason (`why`, citing the source), the page and,
per language, texts that must be `present` on it, texts that must be `absent` from it and texts it must hold
exactly `once` (a fact named in the gaps box and nowhere else on the page).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from html_utils import visible_text

FIDELITY = Path(__file__).parent / "fidelity"
PAGES = ("", "notice/", "activities/", "rights/", "cookies/", "history/")
PREFIX = {"fr": "", "en": "en/"}


def _checks() -> list[tuple[str, int, dict[str, Any]]]:
    found = []
    for path in sorted(FIDELITY.glob("*.yaml")):
        for index, check in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found.append((path.stem, index, check))
    return found


CHECKS = _checks()


def test_every_seed_has_fidelity_checks() -> None:
    slugs = sorted(p.stem for p in (Path(__file__).parent.parent / "data").glob("*.yaml"))
    assert sorted({slug for slug, _, _ in CHECKS}) == slugs


@pytest.mark.parametrize(("slug", "index", "check"), CHECKS, ids=[f"{s}-{i}" for s, i, _ in CHECKS])
def test_page_says_what_the_source_says(site: Path, slug: str, index: int, check: dict[str, Any]) -> None:
    assert check.get("why"), "every check states its reason"
    pages = [check["page"]] if "page" in check else list(PAGES)
    for language in ("fr", "en"):
        expect = check.get(language, {})
        assert expect, f"check {index} of {slug} says nothing for {language}"
        text = " ".join(visible_text(site / PREFIX[language] / slug / page / "index.html") for page in pages)
        text = text.replace("\u202f", " ").replace("\u00a0", " ")
        assert [t for t in expect.get("present", []) if t not in text] == [], check["why"]
        assert [t for t in expect.get("absent", []) if t in text] == [], check["why"]
        assert [t for t in expect.get("once", []) if text.count(t) != 1] == [], check["why"]
