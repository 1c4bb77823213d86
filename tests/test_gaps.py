"""What the policy does not say is summarised once per page, in one box, each item citing its GDPR article.

Issue 10 item 2: the completeness rules are the only list of gaps; the box words them per language (`gaps.<rule>`),
the notice and the overview show them all, the activities and rights pages their own, and the body no longer
repeats "not stated" where the box says it.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

import markdown
import pytest
from conftest import FIXTURES, ROOT, build_fixture_site
from html_utils import visible_text
from privacy_center.check import completeness
from privacy_center.check.resolve import company_from_data
from privacy_center.model import model
from privacy_center.render import gaps
from privacy_center.render.pages import render_company
from privacy_center.source.loader import load_file
from privacy_center.source.wording import load_wording

LANGS = {"fr": "", "en": "en/"}
BOX = re.compile(r'<div class="admonition info">\s*<p class="admonition-title">(.*?)</p>(.*?)</div>', re.S)
ARTICLE = {
    "fr": re.compile(r"\(art\. \d+\(\d\)(\([a-z]\))? RGPD\)$"),
    "en": re.compile(r"\(GDPR Art\. \d+\(\d\)(\([a-z]\))?\)$"),
}
# Every wording that reports silence inline: none of it may remain on a page whose gaps box says it.
SILENCE_KEYS = (
    "label.not_stated",
    "label.not_stated_short",
    "label.date_not_stated",
    "label.destination_not_stated",
    "label.safeguards_not_stated",
    "retention.not_stated",
)


def _plain(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def _company(slug: str) -> model.Company:
    document, errors = load_file(ROOT / "data" / f"{slug}.yaml")
    assert document is not None and not errors
    return company_from_data(document.data, document.file)


def _boxes(path: Path, language: str) -> list[tuple[str, list[str]]]:
    """Each gaps box of a built page: its title and the text of its items."""
    title = load_wording(language)("gaps.title")
    found = []
    for head, body in BOX.findall(path.read_text(encoding="utf-8")):
        if _plain(re.sub(r"<[^>]+>", "", head)) == _plain(title):
            items = [_plain(re.sub(r"<[^>]+>", "", item)) for item in re.findall(r"<li>(.*?)</li>", body, re.S)]
            found.append((head, [item.replace("&#39;", "'") for item in items]))
    return found


@pytest.mark.parametrize("language", LANGS)
def test_coppernic_notice_has_one_box_and_no_inline_silence(site: Path, language: str) -> None:
    path = site / LANGS[language] / "coppernic" / "notice" / "index.html"
    boxes = _boxes(path, language)
    assert len(boxes) == 1
    words = load_wording(language)
    text = _plain(visible_text(path))
    assert [key for key in SILENCE_KEYS if _plain(words(key)) in text] == []
    company = _company("coppernic")
    _, items = boxes[0]
    assert len(items) == len(company.gaps) > 10
    assert [item for item in items if not ARTICLE[language].search(item)] == []
    # the box comes first: before the first section of the notice
    html = path.read_text(encoding="utf-8")
    assert html.index('class="admonition info"') < html.index("<h2")


@pytest.mark.parametrize("language", LANGS)
def test_box_items_name_the_rule_its_entries_and_its_article(site: Path, language: str) -> None:
    words = load_wording(language)
    company = _company("coppernic")
    _, items = _boxes(site / LANGS[language] / "coppernic" / "notice" / "index.html", language)[0]
    for gap, item in zip(company.gaps, items, strict=False):
        assert item.startswith(_plain(words(f"gaps.{gap.rule}")))
        assert item.endswith(f"({_plain(words('gaps.article', article=gap.article))})")
    retention = next(item for gap, item in zip(company.gaps, items, strict=False) if gap.rule == "purpose_retention")
    assert _plain(words("gaps.subjects.purpose.many", count=8, total=15)) in retention
    sources = next(item for gap, item in zip(company.gaps, items, strict=False) if gap.rule == "purpose_source")
    names = {"fr": "Élaboration de statistiques commerciales", "en": "Producing business statistics"}
    assert names[language] in sources


@pytest.mark.parametrize("language", LANGS)
def test_other_pages_show_only_their_gaps(site: Path, language: str) -> None:
    company = _company("coppernic")
    words = load_wording(language)
    for page, folder in (
        ("index", ""),
        ("activities", "activities/"),
        ("rights", "rights/"),
        ("cookies", "cookies/"),
        ("history", "history/"),
    ):
        boxes = _boxes(site / LANGS[language] / "coppernic" / folder / "index.html", language)
        wanted = gaps.on_page(company.gaps, page)
        if not wanted:
            assert boxes == [], page
            continue
        assert len(boxes) == 1, page
        assert [item.split(" — ")[0].split(" (")[0] for item in boxes[0][1]] == [
            _plain(words(f"gaps.{gap.rule}")) for gap in wanted
        ], page
    assert {gap.rule for gap in gaps.on_page(company.gaps, "rights")} == {"article_rights", "rights_email"}


@pytest.mark.parametrize("language", LANGS)
def test_activities_cells_keep_a_titled_dash(site: Path, language: str) -> None:
    html = (site / LANGS[language] / "coppernic" / "activities" / "index.html").read_text(encoding="utf-8")
    title = load_wording(language)("label.not_stated").replace("'", "&#39;")
    assert html.count(f'<abbr title="{title}">—</abbr>') >= 11  # at least the 11 purposes without a legal basis
    assert _plain(load_wording(language)("label.not_stated")) not in _plain(
        visible_text(site / LANGS[language] / "coppernic" / "activities" / "index.html")
    )


@pytest.fixture(scope="module")
def complete_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory, FIXTURES / "valid" / "minimal.yaml")


@pytest.mark.parametrize("language", LANGS)
def test_a_company_without_gaps_gets_no_box(complete_site: Path, language: str) -> None:
    document, _ = load_file(FIXTURES / "valid" / "minimal.yaml")
    assert document is not None
    assert completeness.completeness(document) == []
    slug = document.data["slug"]
    for folder in ("", "notice/", "activities/", "rights/", "cookies/", "history/"):
        path = complete_site / LANGS[language] / slug / folder / "index.html"
        assert _boxes(path, language) == [], folder
        assert _plain(load_wording(language)("gaps.title")) not in _plain(visible_text(path))


INCOMPLETE = sorted((FIXTURES / "incomplete").glob("*.yaml"))


@pytest.mark.parametrize("path", INCOMPLETE, ids=lambda p: p.stem)
def test_each_rule_is_worded_in_the_notice_box(path: Path) -> None:
    """One fixture per completeness rule: its gap is an item of the notice's box in both languages, with its
    article."""
    document, errors = load_file(path)
    assert document is not None and not errors
    company = company_from_data(document.data, document.file)
    rule = path.stem.replace("-", "_")
    gap = next(gap for gap in company.gaps if gap.rule == rule)
    for page in render_company(company, tuple(LANGS), "fr"):
        if page.path.split("/")[-1].split(".")[0] != "notice":
            continue
        words = load_wording(page.language)
        html = markdown.markdown(page.content, extensions=["tables", "admonition", "attr_list"])
        boxes = [body for head, body in BOX.findall(html) if _plain(head) == _plain(words("gaps.title"))]
        assert len(boxes) == 1
        items = [_plain(re.sub(r"<[^>]+>", "", item)) for item in re.findall(r"<li>(.*?)</li>", boxes[0], re.S)]
        item = next(item for item in items if item.startswith(_plain(words(f"gaps.{rule}")).replace("'", "&#39;")))
        assert item.endswith(f"({_plain(words('gaps.article', article=gap.article))})")


def test_every_rule_and_kind_is_worded_in_both_languages() -> None:
    kinds = typing.get_args(model.GapKind)
    for language in LANGS:
        words = load_wording(language)
        missing = [f"gaps.{rule.__name__}" for rule in completeness.ALL_RULES if not words.has(f"gaps.{rule.__name__}")]
        for kind in kinds:
            forms = ("one", "other", "all", "many") if kind in gaps.COUNTED else ("one", "other")
            keys = [f"gaps.subjects.{kind}.{form}" for form in forms]
            missing += [key for key in keys if not words.has(key)]
        assert missing == [], f"locales/{language}.yaml"
    assert set(gaps.PAGE_RULES["activities"] | gaps.PAGE_RULES["rights"]) <= set(completeness.RULE_ORDER)


def test_gaps_are_grouped_per_rule_in_rule_order() -> None:
    company = _company("coppernic")
    rules = [gap.rule for gap in company.gaps]
    assert rules == sorted(rules, key=completeness.RULE_ORDER.__getitem__)
    assert len(rules) == len(set(rules))
    mandatory = next(gap for gap in company.gaps if gap.rule == "purpose_mandatory")
    assert (mandatory.kind, mandatory.article, len(mandatory.subjects)) == ("purpose", "13(2)(e)", 15)
    assert company == company.__class__(**{**company.__dict__, "gaps": ()})  # derived: equality ignores it


def test_a_transfer_named_by_nothing_is_named_by_its_place() -> None:
    """A transfer with no destination, recipient or description: the box says which of the policy's transfers it
    is, in words, never by the data's id (actifpilot's `outside_eu` was printed as is)."""
    company = _company("actifpilot")
    assert isinstance(company.transfers, model.Transfers)
    unnamed = dataclasses.replace(
        company.transfers.items[0], id="outside_eu", destination=model.NOT_STATED, recipient=None, description=None
    )
    alone = dataclasses.replace(company, transfers=dataclasses.replace(company.transfers, items=(unnamed,)))
    first = dataclasses.replace(unnamed, id="first")
    second = dataclasses.replace(company, transfers=dataclasses.replace(company.transfers, items=(first, unnamed)))
    named = {}
    for language in LANGS:
        words = load_wording(language)
        assert gaps.subject_name(alone, "transfer", "outside_eu", words) == words("gaps.unnamed_transfer.one")
        named[language] = gaps.subject_name(second, "transfer", "outside_eu", words)
    assert named == {
        "fr": "n° 2 sur les 2 que mentionne la politique",
        "en": "no. 2 of the 2 the policy mentions",
    }
