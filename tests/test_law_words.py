"""Law vs policy (issue 21, item 4): what the GDPR gives every person is printed as the law's words, in a labelled
block with its article (`<p class="pc-law">`, _macros.md.j2 `law`), never as the company's commitment."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from html_utils import page_file
from privacy_center.source.wording import load_wording

LANGUAGES = ("fr", "en")
DATA = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "data").glob("*.yaml"))}
# The Art. 7(3) sentence in every wording it has had, the company's-voice one included: never outside a law block.
WITHDRAWAL = (
    "does not affect the lawfulness",
    "without affecting",
    "ne compromet pas la licéité",
    "sans effet sur les traitements antérieurs",
    "sans porter atteinte",
)


BLOCKS = ("p", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "td", "th", "tr", "br", "dd", "dt")


def fold(text: str) -> str:
    """Text as read: no-break spaces (French typography) as spaces, whitespace folded."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


class _Split(HTMLParser):
    """A page's article split in two: the text of each law block, and all the text outside them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.labels: list[list[str]] = []
        self.outside: list[str] = []
        self._article = 0
        self._law = 0  # depth inside a law block (its <p> and the tags within)
        self._label = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "article":
            self._article += 1
        classes = (dict(attrs).get("class") or "").split()
        if self._law:
            self._law += 1
            if tag == "strong" and not self.labels[-1]:
                self._label = self._law
        elif tag == "p" and "pc-law" in classes:
            self._law = 1
            self.blocks.append([])
            self.labels.append([])
        if tag in BLOCKS and not self._law:
            self.outside.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article -= 1
        if self._law:
            if self._label == self._law:
                self._label = 0
            self._law -= 1
        elif tag in BLOCKS:
            self.outside.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._article:
            return
        if self._law:
            self.blocks[-1].append(data)
            if self._label:
                self.labels[-1].append(data)
        else:
            self.outside.append(data)


class Split:
    """The law blocks of a built page (label and whole text, each folded) and the text outside them."""

    def __init__(self, path: Path) -> None:
        parser = _Split()
        parser.feed(path.read_text(encoding="utf-8"))
        self.labels = [fold("".join(label)) for label in parser.labels]
        self.blocks = [fold("".join(block)) for block in parser.blocks]
        self.outside = fold("".join(parser.outside))

    def law(self, words, code: str) -> str | None:
        """The law block of one right, found by its label (with the right's article), or None."""
        label = fold(words("law.says", article=words(f"right.{code}.article")))
        return next((block for found, block in zip(self.labels, self.blocks, strict=True) if found == label), None)


def offered(slug: str) -> list[str]:
    return [right["code"] for right in DATA[slug]["rights"]["offered"]]


def authority_mentioned(slug: str) -> bool:
    return bool(DATA[slug]["supervisory_authority"]["mentioned"])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", sorted(DATA))
def test_every_generic_right_text_is_a_labelled_law_block(site: Path, slug: str, language: str) -> None:
    """(a) Under each right the policy offers, the general description sits in the law block labelled with the
    right's article, and nowhere outside it."""
    words = load_wording(language)
    page = Split(page_file(site, language, slug, "rights"))
    assert offered(slug), slug
    for code in offered(slug):
        description = fold(words(f"right.{code}.description"))
        block = page.law(words, code)
        assert block is not None, f"{slug} ({language}): no law block labelled with the article of {code}"
        assert block.endswith(description), (code, block)
        assert description not in page.outside, f"{slug} ({language}): {code}'s law text outside the law block"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_law_text_outside_a_law_block_on_any_page(site: Path, language: str) -> None:
    """(b) The Art. 7(3) sentence (and every right's general description) is printed only inside a law block, on
    every page of the site; and it is printed somewhere (Coppernic offers the withdrawal of consent)."""
    words = load_wording(language)
    descriptions = {code: fold(words(f"right.{code}.description")) for code in words.codes("right")}
    root = site / ("en" if language == "en" else "")
    pages = [path for path in root.rglob("index.html") if language == "en" or path.relative_to(site).parts[0] != "en"]
    assert len(pages) > 30
    inside = 0
    for path in pages:
        page = Split(path)
        inside += sum(descriptions["withdraw_consent"] in block for block in page.blocks)
        wrong = [phrase for phrase in WITHDRAWAL if phrase in page.outside]
        wrong += [code for code, text in descriptions.items() if text in page.outside]
        assert not wrong, f"{path.relative_to(site)}: law text outside a law block: {wrong}"
    assert inside >= 2, "the Art. 7(3) law block is missing (Coppernic's rights page and notice)"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", [slug for slug in sorted(DATA) if not authority_mentioned(slug)])
def test_no_authority_named_means_the_law_block_of_art_77(site: Path, slug: str, language: str) -> None:
    """(c) A policy that names no supervisory authority: the rights page and the notice give the GDPR's right to
    complain (Art. 77) as the law's words, and never name the CNIL as if the policy did."""
    words = load_wording(language)
    complaint = fold(words("right.complaint.description"))
    named = fold(words("law.authority_named", authority="")).strip()
    for page_name in ("rights", "notice"):
        page = Split(page_file(site, language, slug, page_name))
        where = f"{slug}/{page_name} ({language})"
        block = page.law(words, "complaint")
        assert block is not None and block.endswith(complaint), f"{where}: no Art. 77 block"
        assert fold(words("authority.cnil.name")) not in page.outside, f"{where}: the CNIL named as the policy's"
        assert named not in page.outside and "cnil.fr/fr/plaintes" not in page.outside, where
    # The rights page says nothing of the CNIL (the notice may quote the policy's own mention of its cookie advice).
    assert "CNIL" not in Split(page_file(site, language, slug, "rights")).outside


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", [slug for slug in sorted(DATA) if authority_mentioned(slug)])
def test_a_named_authority_stays_the_policys_words(site: Path, slug: str, language: str) -> None:
    """Where the policy names the authority, its name stays outside the law block, on the rights page and in the
    notice, after the law's Art. 77 text."""
    words = load_wording(language)
    for page_name in ("rights", "notice"):
        page = Split(page_file(site, language, slug, page_name))
        assert page.law(words, "complaint") is not None, f"{slug}/{page_name} ({language})"
        assert fold(words("authority.cnil.name")) in page.outside, f"{slug}/{page_name} ({language})"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_law_label_names_the_law_and_the_article(language: str) -> None:
    """Each label reads as the law's, in short, with the article: `The law, in short (GDPR Art. 7(3)):`."""
    words = load_wording(language)
    for code in words.codes("right"):
        label = fold(words("law.says", article=words(f"right.{code}.article")))
        assert words(f"right.{code}.article") in label.replace("\u00a0", " ")
        assert label.startswith(("The law, in short (", "La loi, en résumé ("))
        description = words(f"right.{code}.description")
        assert ("GDPR" in description or "RGPD" in description) or code == "post_mortem", code
    assert "85" in words("right.post_mortem.description") and "Informatique et Libertés" in words(
        "right.post_mortem.description"
    )
