"""The first layer of each overview (issue 10, item 1): who, one way to exercise a right, the key facts answered
from the data as yes / no / not stated, the last change, each right linked; checked on the HTML a visitor gets."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import html5lib
import pytest
from conftest import FIXTURES, ROOT, build_fixture_site
from privacy_center.check.resolve import company_from_data
from privacy_center.model.model import NOT_STATED, Cookie, Sale, Text
from privacy_center.render.layer import key_facts
from privacy_center.render.pages import mailto
from privacy_center.source.loader import load_file
from privacy_center.source.wording import load_wording

POSTAL = FIXTURES / "valid" / "layer-postal.yaml"
PREFIX = {"fr": "", "en": "en/"}
QUESTIONS = ("sold", "advertising", "outside_eu", "consent_cookies", "automated", "sensitive", "complaint")


def company(path: Path):
    document, errors = load_file(path)
    assert not errors
    assert document is not None
    return company_from_data(document.data, str(path))


# --- mailto: every part percent-encoded -----------------------------------------------------------------------------


def test_mailto_carries_subject_and_body_and_nothing_else() -> None:
    hostile_subject = 'x&bcc=spy@evil.example&cc=spy2@evil.example#frag "><script>alert(1)</script>'
    hostile_body = "line one\nBcc: spy@evil.example\r\n?to=spy3@evil.example&body=replaced%0A"
    link = str(mailto("rights@example.org", hostile_subject, hostile_body))
    raw = link.replace("&amp;", "&")  # the link is HTML-escaped for the page; the browser reads it unescaped
    assert not any(c in raw for c in " <>\"'\n\r#"), raw
    parts = urlsplit(raw)
    assert (parts.scheme, parts.path, parts.fragment) == ("mailto", "rights@example.org", "")
    query = parse_qs(parts.query, keep_blank_values=True)
    assert sorted(query) == ["body", "subject"]  # no header added (bcc, cc, to), no second body
    assert query["subject"] == [hostile_subject]
    assert query["body"] == [hostile_body.replace("\r\n", "\n").replace("\n", "\r\n")]  # line breaks as CRLF


def test_mailto_without_body_is_unchanged() -> None:
    assert str(mailto("a@example.org", "Accès · Coopo")) == "mailto:a@example.org?subject=Acc%C3%A8s%20%C2%B7%20Coopo"


# --- key facts: from explicit values only ---------------------------------------------------------------------------


def test_silence_is_never_no() -> None:
    facts = key_facts(company(ROOT / "data" / "coppernic.yaml"))
    answers = (facts.sold, facts.advertising, facts.automated, facts.outside_eu, facts.consent_cookies, facts.special)
    # advertising: its marketing purposes say so (advertising: true); sale and automated decisions: silent
    assert tuple(a.answer for a in answers) == ("not_stated", "yes", "not_stated", "possible", "yes", "no")
    assert facts.special.paths == ("special_categories.processed",)  # "collects no sensitive data": said, not assumed
    assert facts.channel == "postal"


def test_coopo_says_its_data_is_not_sold() -> None:
    coopo = company(ROOT / "data" / "coopo.yaml")
    assert key_facts(coopo).sold.answer == "no" and key_facts(coopo).channel == "email"
    assert key_facts(replace(coopo, sale=NOT_STATED)).sold.answer == "not_stated"
    assert key_facts(replace(coopo, sale=Sale(True))).sold.answer == "yes"


def _no_advertising_purpose(path: Path):
    """The company with its purposes silent on advertising (so the cookies alone answer the question)."""
    found = company(path)
    return replace(found, purposes=tuple(replace(p, advertising=None) for p in found.purposes))


def test_advertising_cookies_and_their_consent() -> None:
    coopo = _no_advertising_purpose(ROOT / "data" / "coopo.yaml")
    advert = Cookie(Text.of("ad"), NOT_STATED, "advertising", NOT_STATED, True, None)
    cookies = replace(coopo.cookies, items=(advert,))
    facts = key_facts(replace(coopo, cookies=cookies))
    assert (facts.advertising.answer, facts.advertising_consent, facts.consent_cookies.answer) == ("yes", True, "yes")
    assert facts.consent_purposes == ("advertising",)
    unknown = replace(advert, consent_required=NOT_STATED)
    facts = key_facts(replace(coopo, cookies=replace(coopo.cookies, items=(unknown,))))
    answers = (facts.advertising.answer, facts.advertising_consent, facts.consent_cookies.answer)
    assert answers == ("yes", NOT_STATED, "not_stated")
    none = replace(coopo.cookies, used=False, items=())
    facts = key_facts(replace(coopo, cookies=none))
    # no cookie at all: no consent cookie, but advertising by other means is not stated
    assert (facts.consent_cookies.answer, facts.advertising.answer) == ("no", "not_stated")


def test_a_purpose_for_advertising_answers_the_advertising_question() -> None:
    coopo = _no_advertising_purpose(ROOT / "data" / "coopo.yaml")
    first = replace(coopo.purposes[0], advertising=True)
    facts = key_facts(replace(coopo, purposes=(first, *coopo.purposes[1:])))
    assert facts.advertising.answer == "yes" and facts.advertising.paths == ("purposes[0].advertising",)
    assert facts.advertising_consent == NOT_STATED  # a purpose says nothing of consent for its advertising


def test_every_layer_key_is_in_both_languages() -> None:
    fr, en = load_wording("fr"), load_wording("en")
    for key in QUESTIONS:
        assert fr(f"layer.fact.{key}") != en(f"layer.fact.{key}")
    assert "\n" in fr("layer.mail.body") and "\n" in en("layer.mail.body")


# --- the built pages ------------------------------------------------------------------------------------------------


def _tree(path: Path):
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).replace("\u00a0", " ").replace("\u202f", " ").split())


def _article(site: Path, language: str, slug: str, page: str = ""):
    path = site / PREFIX[language] / slug / page / "index.html"
    return path, _tree(path).find(".//article")


def _first_layer(article) -> list:
    """The article's children from the title to the last part of the first layer (the rights list); the block
    that only prints (whose notice, which version) is left out."""
    children = [child for child in article if "pc-print-head" not in child.get("class", "")]
    end = next(i for i, child in enumerate(children) if "pc-rights" in child.get("class", ""))
    return children[: end + 1]


def _facts(article) -> dict[str, str]:
    heading = article.find(".//h2[@id='pc-facts']")
    items = list(article)[list(article).index(heading) + 1].findall("li")
    return {_text(li.find("strong")): _text(li).partition(_text(li.find("strong")))[2].strip() for li in items}


def _check_links(site: Path, page: Path, elements) -> None:
    """Every link of the first layer that points into the site reaches an element with that id."""
    for element in elements:
        for a in element.iter("a"):
            href = a.get("href", "")
            if href.startswith(("mailto:", "https:", "http:")):
                continue
            target, _, fragment = href.partition("#")
            path = (page.parent / target / "index.html").resolve() if target else page
            assert path.is_file(), href
            if fragment:
                assert _tree(path).find(f".//*[@id='{unquote(fragment)}']") is not None, f"{page}: {href}"


@pytest.fixture(scope="module")
def postal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory, POSTAL)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_coopo_first_layer_offers_a_ready_to_send_email(site: Path, language: str) -> None:
    words = load_wording(language)
    page, article = _article(site, language, "coopo")
    layer = _first_layer(article)
    assert layer[0].tag == "h1"
    button = next(a for e in layer for a in e.iter("a") if "pc-act__button" in a.get("class", ""))
    assert _text(button) == words("layer.act.email_button").replace("\u00a0", " ")
    link = urlsplit(button.get("href"))
    query = parse_qs(link.query)
    assert (link.scheme, link.path) == ("mailto", "rgpd@coopo.fr")
    assert query["subject"] == [words("layer.mail.subject", company="Coopo")]
    assert query["body"][0].startswith({"fr": "Bonjour,\r\n", "en": "Hello,\r\n"}[language])
    facts = _facts(article)
    sold = facts[_text_of(words("layer.fact.sold"))]
    assert {"fr": "Non : « En aucun cas nous ne vendons", "en": "No: “Under no circumstances do we sell"}[
        language
    ] in sold
    assert facts[_text_of(words("layer.fact.outside_eu"))].startswith(_text_of(words("layer.answer.no")))
    assert _text_of(words("layer.dpo")) + " rgpd@coopo.fr" in _text(layer[1])
    _check_links(site, page, layer)


def _text_of(value: str) -> str:
    return " ".join(value.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_coppernic_first_layer_gives_the_postal_address_and_the_letter(site: Path, language: str) -> None:
    words = load_wording(language)
    page, article = _article(site, language, "coppernic")
    layer = _first_layer(article)
    text = " ".join(_text(e) for e in layer)
    assert "185 avenue Archimède, 13587 Aix-en-Provence cedex 3" in text
    assert not any(a.get("href", "").startswith("mailto:") for e in layer for a in e.iter("a"))  # no email given
    facts = _facts(article)
    assert list(facts) == [_text_of(words(f"layer.fact.{key}")) for key in QUESTIONS]
    not_stated = _text_of(words("layer.answer.not_stated"))
    for key in ("sold", "automated"):
        assert facts[_text_of(words(f"layer.fact.{key}"))].endswith(not_stated), key
    # "Marketing and business development operations", "Emailing about marketing offers", "Personalised sales
    # prospecting campaigns": the policy's own purposes answer the advertising question
    advertising = facts[_text_of(words("layer.fact.advertising"))]
    assert advertising.startswith(_text_of(words("layer.answer.yes"))), advertising
    assert {"fr": "Possible : Amérique du Nord", "en": "Possibly: North America"}[language] in facts[
        _text_of(words("layer.fact.outside_eu"))
    ]
    # the first layer comes before everything else of the overview: the data map and the "glance" sections follow
    children = list(article)
    assert children.index(layer[-1]) < children.index(article.find(".//figure"))
    _check_links(site, page, layer)
    _rights, rights_article = _article(site, language, "coppernic", "rights")
    letter = rights_article.find(".//h2[@id='pc-letter']")
    assert letter is not None
    after = " ".join(_text(e) for e in list(rights_article)[list(rights_article).index(letter) :])
    assert "185 avenue Archimède" in after and _text_of(words("layer.letter.signature")) in after


@pytest.mark.parametrize("language", ["fr", "en"])
def test_postal_only_fixture_answers_each_fact_from_its_data(postal_site: Path, language: str) -> None:
    words = load_wording(language)
    page, article = _article(postal_site, language, "layer-postal")
    layer = _first_layer(article)
    text = " ".join(_text(e) for e in layer)
    assert "2 rue de la Poste, 69001 Lyon, France" in text
    assert {"fr": "Service des droits", "en": "Rights department"}[language] in text
    letter = next(a for e in layer for a in e.iter("a") if "pc-act__button" in a.get("class", ""))
    assert letter.get("href") == "../rights/#pc-letter" or letter.get("href").endswith("rights/#pc-letter")
    facts = _facts(article)
    expected = {
        "sold": {"fr": "Oui : « Nous vendons vos données", "en": "Yes: “We sell your data"},
        "advertising": {"fr": "Oui (publicité, avec votre consentement)", "en": "Yes (advertising, with your consent)"},
        "outside_eu": {"fr": "Oui : États-Unis (garanties :", "en": "Yes: United States (safeguards:"},
        "automated": {"fr": "Non (sans profilage)", "en": "No (no profiling)"},
        "sensitive": {"fr": "Oui : Données de santé", "en": "Yes: Health data"},
    }
    for key, said in expected.items():
        assert said[language].lower() in facts[_text_of(words(f"layer.fact.{key}"))].lower(), key
    _check_links(postal_site, page, layer)
