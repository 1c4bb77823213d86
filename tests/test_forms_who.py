"""Who processes and who receives the data (issue 9, who): joint controllers, recipient registrations, examples of
a recipient category, group companies and recipients shared by every purpose, on a real site built from
`tests/fixtures/valid/forms-who.yaml` (a comment names each form where it is used), in French and English."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import FIXTURES, build_fixture_site
from html_utils import page_text
from privacy_center.check import completeness
from privacy_center.source.loader import Document, load_file

FIXTURE = FIXTURES / "valid" / "forms-who.yaml"
PREFIX = {"fr": "", "en": "en/"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory, FIXTURE)


def page(built: Path, language: str, name: str) -> str:
    return page_text(built, language, "forms-who", name)


# (page, form, French text, English text): each must be on the page in its language.
EXPECTED = [
    (
        "",
        "joint controllers, overview",
        "Responsables conjoints du traitement : Formes Acteurs SAS, RCS Lyon 111 222 333, 9 rue des Exemples, 69002 "
        "Lyon, France Formes Magasins SAS, RCS Bobigny 444 555 666, 10 avenue des Exemples, 93140 Bondy Formes "
        "Logistique SARL ; Siège social : La politique ne le précise pas",
        "Joint controllers: Formes Acteurs SAS, Lyon Trade and Companies Register 111 222 333, 9 rue des Exemples, "
        "69002 Lyon, France Formes Magasins SAS, Bobigny Trade and Companies Register 444 555 666, 10 avenue des "
        "Exemples, 93140 Bondy Formes Logistique SARL; Registered office: Not stated in the policy",
    ),
    (
        "",
        "collective name, overview",
        "Les responsables conjoints sont désignés ensemble « FORMES GROUPE ».",
        "The joint controllers are together referred to as \u201cFORMES GROUPE\u201d.",
    ),
    (
        "notice/",
        "joint controllers, notice",
        "Responsables conjoints du traitement La politique indique que les données sont traitées conjointement par "
        "l'entreprise ci-dessus et par : Formes Magasins SAS, RCS Bobigny 444 555 666, 10 avenue des Exemples, 93140 "
        "Bondy (Lecture de la politique : Adresse lue dans la mention « Domiciliée : ».)",
        "Joint controllers The policy says the data is processed jointly by the company above and by: Formes Magasins "
        "SAS, Bobigny Trade and Companies Register 444 555 666, 10 avenue des Exemples, 93140 Bondy (Reading of the "
        'policy: Address read in the words "Domiciliée:".)',
    ),
    (
        "notice/",
        "collective name, notice",
        "Les responsables conjoints sont désignés ensemble « FORMES GROUPE ».",
        "The joint controllers are together referred to as \u201cFORMES GROUPE\u201d.",
    ),
    (
        "notice/",
        "joint arrangement",
        "Accord entre les responsables conjoints (art. 26 RGPD) : Chaque société répond aux demandes d'exercice des "
        "droits qu'elle reçoit.",
        "Arrangement between the joint controllers (GDPR Art. 26): Each company answers the rights requests it "
        "receives.",
    ),
    (
        "notice/",
        "examples and shared recipients after a purpose's own",
        "Destinataires : Partenaires photo (par exemple : CEWE, Colorado), ainsi que Hébergeur Exemple (destinataires "
        "communs à toutes les finalités)",
        "Recipients: Photo partners (for example: CEWE, Colorado), as well as Hébergeur Exemple (recipients common to "
        "every purpose)",
    ),
    (
        "notice/",
        "shared recipients answer a purpose that names none",
        "Destinataires : Hébergeur Exemple (destinataires communs à toutes les finalités)",
        "Recipients: Hébergeur Exemple (recipients common to every purpose)",
    ),
    (
        "notice/",
        "registration; a shared recipient the purpose names is not repeated",
        "Destinataires : EXEMPLE DIRECT (SIREN 377 853 536) et Hébergeur Exemple Intérêts légitimes",
        "Recipients: EXEMPLE DIRECT (SIREN 377 853 536) and Hébergeur Exemple Legitimate interests",
    ),
    # In the recipients table, lines of a cell are <br>-separated (with a line break, so search snippets and the
    # visible text keep them apart).
    (
        "notice/",
        "recipients table: registration and group company kind",
        "EXEMPLE DIRECT (SIREN 377 853 536) Sociétés du groupe",
        "EXEMPLE DIRECT (SIREN 377 853 536) Group companies",
    ),
    (
        "notice/",
        "recipients table: shared",
        "Hébergeur Exemple Sous-traitants Peut recevoir des données pour toutes les finalités Hébergement France",
        "Hébergeur Exemple Processors May receive data for every purpose Hosting France",
    ),
    (
        "",
        "recipients, overview",
        "Hébergeur Exemple (Hébergement). Peut recevoir des données pour toutes les finalités. Partenaires photo (par "
        "exemple : CEWE, Colorado) EXEMPLE DIRECT (SIREN 377 853 536)",
        "Hébergeur Exemple (Hosting). May receive data for every purpose. Photo partners (for example: CEWE, Colorado) "
        "EXEMPLE DIRECT (SIREN 377 853 536)",
    ),
    (
        "activities/",
        "shared recipients, table",
        "Hébergeur Exemple (destinataires communs à toutes les finalités)",
        "Hébergeur Exemple (recipients common to every purpose)",
    ),
]


@pytest.mark.parametrize("language", PREFIX)
@pytest.mark.parametrize(
    ("where", "form", "fr", "en"), EXPECTED, ids=[f"{e[0] or 'overview'}-{e[1]}" for e in EXPECTED]
)
def test_each_form_is_rendered_in_words(site: Path, where: str, form: str, fr: str, en: str, language: str) -> None:
    assert {"fr": fr, "en": en}[language] in page(site, language, where), form


@pytest.mark.parametrize("language", PREFIX)
def test_shared_recipients_are_never_silence_nor_none(site: Path, language: str) -> None:
    """The purpose whose recipients are not stated shows the shared ones, not "not stated"; nothing says "none"."""
    notice = page(site, language, "notice/")
    orders = {"fr": "Gestion des commandes", "en": "Managing orders"}[language]
    block = notice[notice.index(orders, notice.index({"fr": "Finalités", "en": "Purposes"}[language])) :]
    recipients = block[block.index({"fr": "Destinataires :", "en": "Recipients:"}[language]) :][:120]
    assert {"fr": "ne le précise pas", "en": "Not stated"}[language] not in recipients
    assert {"fr": "aucun destinataire", "en": "no recipient"}[language] not in notice


def document_marks() -> dict:
    document, _ = load_file(FIXTURE)
    assert document is not None
    return document.marks


def _warnings(data: dict) -> list[str]:
    return [f"{w.path}: {w.message}" for w in completeness.completeness(Document(str(FIXTURE), data, document_marks()))]


def test_shared_recipients_answer_a_purpose_that_names_none() -> None:
    document, errors = load_file(FIXTURE)
    assert not errors
    assert document is not None
    assert _warnings(document.data) == []
    unshared = copy.deepcopy(document.data)
    for recipient in unshared["recipients"]:
        recipient.pop("shared", None)
    assert _warnings(unshared) == [
        "purposes[1].recipients: purpose 'orders': recipients not stated [GDPR Art. 13(1)(e)]"
    ]


def test_joint_controllers_without_an_arrangement_are_reported() -> None:
    document, _ = load_file(FIXTURE)
    assert document is not None
    silent = copy.deepcopy(document.data)
    del silent["company"]["joint_arrangement"]
    assert _warnings(silent) == [
        "company.joint_controllers: joint controllers named without the essence of their arrangement [GDPR Art. 26(2)]"
    ]
