"""No affirmative statement without data behind it.

Every template branch that prints a negative statement ("no transfer", "no DPO", "None"...) is found from the
templates and the wording, and must be reached only through an explicit value in the data: a company that is
silent everywhere gets none of them, and each one appears once its explicit value is set.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import markdown
import pytest
import yaml
from conftest import FIXTURES
from privacy_center.check.resolve import company_from_data
from privacy_center.render.pages import TEMPLATES_DIR, render_company
from privacy_center.site.checker import check_documents
from privacy_center.source.loader import Document
from privacy_center.source.wording import load_wording

LANGUAGES = ("fr", "en")
NEGATIVE = re.compile(r"(?i)\b(no|none|not|never|nothing)\b")
SILENCE = re.compile(r"not_stated|not_mentioned")  # labels that report silence, not a fact
HEADINGS = {"label.consequence"}  # "Consequence of not providing the data": a label, not a statement
Mutation = Callable[[dict[str, Any]], None]


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def apply(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return apply


# Each negative statement, and the explicit value that alone may print it.
EXPLICIT: dict[str, Mutation] = {
    "label.no_transfer": _set(("transfers",), {"outside_eu": False}),
    "label.transfer_possible": _set(
        ("transfers",), {"outside_eu": "possible", "statement": {"fr": "Si besoin.", "en": "If needed."}}
    ),
    "label.automated_none": _set(("automated_decisions",), {"exists": False}),
    "label.dpo_not_appointed": _set(("contacts", "dpo"), {"appointed": False}),
    "label.cookies_used_no": _set(("cookies",), {"used": False}),
    "label.mandatory_no": _set(("purposes", 0, "mandatory"), {"required": False}),
    "label.recipients_none": _set(("purposes", 0, "recipients"), "none"),
}

# Where the policy is silent: every fact that has a negative form is not_stated.
SILENT: tuple[Mutation, ...] = (
    _set(("transfers",), "not_stated"),
    _set(("automated_decisions",), "not_stated"),
    _set(("contacts", "dpo"), "not_stated"),
    _set(("cookies",), {"used": "not_stated"}),
    _set(("purposes", 0, "mandatory"), "not_stated"),
    _set(("purposes", 0, "recipients"), "not_stated"),
    _set(("purposes", 0, "legal_bases"), "not_stated"),
    _set(("rights", "offered"), [{"code": "access"}]),
    _set(("rights", "not_stated"), ["withdraw_consent", "objection", "complaint"]),
)


def negative_keys() -> set[str]:
    """Every `label.*` key a template prints whose English wording states that something is not so."""
    used = set()
    for template in TEMPLATES_DIR.rglob("*.j2"):
        used |= set(re.findall(r"""["'](label\.[a-z_]+)["']""", template.read_text(encoding="utf-8")))
    english = load_wording("en")
    return {key for key in used - HEADINGS if not SILENCE.search(key) and NEGATIVE.search(english(key))}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered_text(data: dict[str, Any], language: str) -> str:
    """All company pages in one language, through Markdown, as text."""
    result = check_documents([Document("data/minimal.yaml", data)])
    assert [d.format() for d in result.errors] == []
    company = company_from_data(data)
    text = []
    for page in render_company(company, LANGUAGES, "fr"):
        if page.language == language:
            parser = _Text()
            parser.feed(markdown.markdown(page.content, extensions=["tables", "admonition", "attr_list"]))
            text.append("".join(parser.parts))
    return " ".join(" ".join(text).replace("\u202f", " ").replace("\u00a0", " ").split())


def _phrase(key: str, language: str) -> str:
    return " ".join(load_wording(language)(key).replace("\u202f", " ").replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def silent() -> dict[str, Any]:
    data = yaml.safe_load((FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8"))
    for mutation in SILENT:
        mutation(data)
    return data


def test_every_negative_statement_has_its_explicit_value() -> None:
    found = negative_keys()
    assert "label.no_transfer" in found  # the discovery itself works
    assert found == set(EXPLICIT)


@pytest.mark.parametrize("language", LANGUAGES)
def test_silence_prints_no_negative_statement(silent: dict[str, Any], language: str) -> None:
    text = rendered_text(silent, language)
    assert _phrase("label.not_stated", language) in text  # inline where no rule covers it (cookies used or not)
    assert _phrase("gaps.title", language) in text  # the gaps box says the rest once
    for rule in (
        "transfers_stated",
        "automated_decisions_stated",
        "dpo",
        "purpose_mandatory",
        "purpose_recipients",
        "purpose_legal_basis",
        "withdraw_consent",
        "complaint",
    ):
        assert _phrase(f"gaps.{rule}", language) in text, rule
    assert [key for key in EXPLICIT if _phrase(key, language) in text] == []
    for word in {"fr": ("Aucun", "Aucune"), "en": ("None",)}[language]:
        assert not re.search(rf"\b{word}\b", text), word


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", sorted(EXPLICIT))
def test_explicit_value_prints_the_statement(silent: dict[str, Any], key: str, language: str) -> None:
    data = copy.deepcopy(silent)
    EXPLICIT[key](data)
    assert _phrase(key, language) in rendered_text(data, language)
    assert _phrase(key, language) not in rendered_text(silent, language)


def test_unused_legal_bases_get_no_section(silent: dict[str, Any]) -> None:
    for language in LANGUAGES:
        text = rendered_text(silent, language)
        assert _phrase("notice.legitimate_interests", language) not in text
        assert _phrase("notice.withdraw_consent", language) not in text
