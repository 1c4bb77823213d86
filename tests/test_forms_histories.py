"""Forms met while encoding a real policy's history (issue 24): data listed once for every purpose, location
data, security measures given as examples, a transfer outside the EEA with no country named and recipients that
apply only under a condition, on a real site built from `tests/fixtures/valid/forms-histories.yaml` (a comment
names each form where it is used), in French and English, and in the records, the completeness report and the
diff."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES, build_fixture_site
from html_utils import page_text
from privacy_center.check import completeness
from privacy_center.check.resolve import company_from_data
from privacy_center.history.diff import diff
from privacy_center.model.model import Company, Including, Text
from privacy_center.records.fides import manifest
from privacy_center.records.register import to_csv
from privacy_center.render.phrases import change
from privacy_center.source.loader import load_file
from privacy_center.source.wording import load_wording

FIXTURE = FIXTURES / "valid" / "forms-histories.yaml"
LANGUAGES = ("fr", "en")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory, FIXTURE)


def company() -> Company:
    document, errors = load_file(FIXTURE)
    assert document is not None and not errors
    return company_from_data(document.data, document.file)


# (page, form, French text, English text): each must be on the page in its language.
EXPECTED = [
    (
        "notice/",
        "a second establishment abroad, with its register entry and status",
        "Filiale belge : 3 rue de l'Exemple, 1000 Bruxelles (Belgique ; Immatriculation : Bruxelles 0123.456.789 ; "
        "En liquidation)",
        "Belgian subsidiary: 3 rue de l'Exemple, 1000 Bruxelles (Belgium; Registration: Bruxelles 0123.456.789; In "
        "liquidation)",
    ),
    (
        "notice/",
        "data listed once for every purpose, and location data",
        "Gestion des commandes Base légale : Exécution d'un contrat (art. 6(1)(b) RGPD) Données : Identité et "
        "Données de localisation",
        "Order management Legal basis: Performance of a contract (GDPR Art. 6(1)(b)) Data: Identity and Location data",
    ),
    (
        "notice/",
        "kept until the data is anonymised",
        "Réponses à l'étude : jusqu'à leur anonymisation",
        "Study answers: until the data is anonymised",
    ),
    (
        "notice/",
        "a legal period with the length the policy gives",
        "Factures : pendant la durée imposée par la loi (10 ans)",
        "Invoices: for the period required by law (10 years)",
    ),
    (
        "notice/",
        "a recipient only under a condition",
        "Destinataires : Transporteur Exemple et Partenaires (uniquement si vous passez commande via un compte "
        "partenaire)",
        "Recipients: Transporteur Exemple and Partners (only if you order through a partner account)",
    ),
    (
        "notice/",
        "a transfer outside the EEA, no country named",
        "Destination : Hors de l'Espace économique européen (pays non précisé)",
        "Destination: Outside the European Economic Area (country not named)",
    ),
    (
        "notice/",
        "security measures given as examples",
        "Sécurité Notamment : Chiffrement des échanges (TLS) Sauvegardes quotidiennes",
        "Security Including: Encryption in transit (TLS) Daily backups",
    ),
    (
        "notice/",
        "cookies set by each partner concerned, none named",
        "Partenaires : chaque partenaire concerné (non nommé dans la politique) Finalités : Publicité",
        "Partners: each partner concerned (not named in the policy) Purposes: Advertising",
    ),
    (
        "",
        "the transfer at a glance",
        "Oui : Hors de l'Espace économique européen (pays non précisé)",
        "Yes: Outside the European Economic Area (country not named)",
    ),
    (
        "activities/",
        "a conditional recipient in the table of activities",
        "Partenaires (uniquement si vous passez commande via un compte partenaire)",
        "Partners (only if you order through a partner account)",
    ),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("where", "form", "fr", "en"), EXPECTED, ids=[f"{e[0] or 'overview'}-{e[1]}" for e in EXPECTED]
)
def test_each_form_is_rendered_in_words(site: Path, where: str, form: str, fr: str, en: str, language: str) -> None:
    shown = page_text(site, language, "forms-histories", where)
    assert {"fr": fr, "en": en}[language] in shown, form


def test_a_transfer_outside_the_eea_needs_no_country_it_cannot_name() -> None:
    """The region says what the policy says; completeness asks for no country (the safeguards and the copy are
    given, so the transfer has no gap at all)."""
    document, _ = load_file(FIXTURE)
    assert document is not None
    found = [w.format() for w in completeness.completeness(document) if "transfer" in w.message]
    assert found == []


def test_the_records_carry_the_forms() -> None:
    """The register says the measures are examples and names the condition; Fides files location data under
    user.location."""
    found = company()
    for language in LANGUAGES:
        words = load_wording(language)
        register = to_csv([found], words).decode("utf-8")
        assert {"fr": "notamment Chiffrement", "en": "including Encryption"}[language] in register
        assert {"fr": "uniquement si vous passez commande", "en": "only if you order"}[language] in register
        assert "'user.location'" in str(manifest(found, language))


def _sentences(old: Company, new: Company, language: str) -> list[str]:
    return [("M " if c.material else "E ") + change(c, load_wording(language)) for c in diff(old, new)]


def test_the_diff_understands_the_forms() -> None:
    """Measures that become examples, a condition added to a recipient and a category added to the list read by
    every purpose are each material, said before → after."""
    base = company()
    measures = tuple(base.security_measures) if isinstance(base.security_measures, tuple) else ()
    exhaustive = replace(base, security_measures=measures)
    assert _sentences(exhaustive, base, "en") == [
        "M Security measures: Encryption in transit (TLS) and Daily backups → including Encryption in transit (TLS) "
        "and Daily backups"
    ]
    assert isinstance(base.security_measures, Including)
    [carrier, *others] = base.recipients
    condition = Text({"fr": "en cas de retour", "en": "in the event of a return"})
    conditional = replace(base, recipients=(replace(carrier, condition=condition), *others))
    assert _sentences(base, conditional, "en") == [
        "M Condition of \u201cTransporteur Exemple\u201d: not stated → in the event of a return"
    ]
    assert _sentences(base, conditional, "fr")[0].replace("\u00a0", " ") == (
        "M Condition de « Transporteur Exemple » : non précisé → en cas de retour"
    )


def test_a_legal_period_with_its_length_is_compared_by_that_length() -> None:
    """A legal period the policy gives a length is compared as a duration: shorter is editorial, longer material."""
    from privacy_center.model.model import Duration

    base = company()
    [invoices] = [rule for rule in base.retention_rules if rule.id == "invoices"]
    for years, material in ((5, False), (12, True)):
        period = replace(invoices.period, duration=Duration(years, "years"))
        rules = tuple(replace(r, period=period) if r.id == "invoices" else r for r in base.retention_rules)
        [only] = diff(base, replace(base, retention_rules=rules))
        assert (only.kind, only.material) == ("retention_changed", material)
    assert change(only, load_wording("en")) == (
        "Retention period (Invoices): for the period required by law (10 years) → "
        "for the period required by law (12 years)"
    )


def test_an_establishment_going_into_liquidation_is_material() -> None:
    """The status (or the register entry, or the country) of another establishment is who the controller is: a change
    is material, said before → after with the establishment."""
    base = company()
    [place] = base.identity.other_addresses
    closed = replace(place, status=Text({"fr": "Dissoute", "en": "Dissolved"}))
    [only] = diff(base, replace(base, identity=replace(base.identity, other_addresses=(closed,))))
    assert (only.kind, only.material) == ("field_changed", True)
    assert change(only, load_wording("en")) == (
        "Other addresses: Belgian subsidiary: 3 rue de l'Exemple, 1000 Bruxelles (Belgium; Registration: Bruxelles "
        "0123.456.789; In liquidation) → Belgian subsidiary: 3 rue de l'Exemple, 1000 Bruxelles (Belgium; "
        "Registration: Bruxelles 0123.456.789; Dissolved)"
    )
