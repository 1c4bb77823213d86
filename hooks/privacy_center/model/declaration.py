"""Every field of the company file, declared once (see declare.py): its type, whether it is required, its title,
description and examples, whether a change to it is material or editorial, the completeness rules that read it and
the notice heading it is shown under. The published JSON Schema (`schema/company.schema.json`), the field reference
and the diff's classification are generated from these declarations; `privacy-center reference` writes them and
`privacy-center reference --check` fails when a committed copy differs.

Named definitions come first, in the order of the schema's `$defs`; ROOT is the company file itself."""

from __future__ import annotations

from .declare import EDITORIAL, MATERIAL, Field, Node, Record, any_of, codes, including, json_schema, ref
from .model import (
    ActsAs,
    Bound,
    CookiePurpose,
    DurationUnit,
    LegalBasisCode,
    RecipientKind,
    RetentionKind,
    RightCode,
    Role,
    SourceCode,
)

NOT_STATED = Node(
    {"const": "not_stated"},
    title="Not stated",
    description=(
        "The source policy leaves this fact out. Never a negative statement: the page "
        'prints "Not stated in the policy", and the completeness report warns where '
        "GDPR Art. 13 or 14 requires the fact. A policy that explicitly says there is "
        "nothing is recorded with an explicit value instead (`none`, `false`, or a "
        "statement), where the field allows one."
    ),
    examples=("not_stated",),
)


ID = Node(
    {"type": "string", "pattern": "^[a-z0-9]+(_[a-z0-9]+)*$", "maxLength": 64},
    title="Identifier",
    description=(
        "An identifier in lower_snake_case: lower-case letters and digits, words "
        "separated by single underscores. Used for the ids that link purposes to "
        "categories, subjects, rules and recipients, and for codes whose wording lives "
        "in hooks/privacy_center/locales/*.yaml. Unique within its list."
    ),
    examples=("newsletter", "contact_form", "last_contact"),
)


TEXT = Node(
    {
        "type": "object",
        "minProperties": 1,
        "propertyNames": Node({"pattern": "^[a-z]{2}$"}),
        "additionalProperties": Node({"type": "string", "minLength": 1}),
    },
    title="Text per language",
    description=(
        "One non-empty string per site language, keyed by its two-letter code: {fr: "
        "..., en: ...}. Every site language is required (a text in one language only "
        "is an error; the site never falls back to the other language). Plain text "
        "shown as written (only sections[].body is Markdown); tabs and line breaks are "
        "allowed, other control characters are refused."
    ),
    examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
)


MARKDOWN_TEXT = Node(
    {"allOf": [ref("text"), Node({"additionalProperties": Node({"maxLength": 10000})})]},
    title="Markdown text",
    description=(
        "A text per language written in restricted Markdown: emphasis, lists, quotes "
        "and links to https:, http:, mailto: or tel: addresses; no image, no raw HTML, "
        "no attribute list. Only a field that refers to this definition is read as "
        "Markdown: every other text is plain, shown exactly as written, and may not "
        "hold Markdown link or image syntax or <...> autolinks (write the address as "
        "plain text)."
    ),
    examples=(
        {
            "fr": ("Tout litige est porté devant [le médiateur](https://example.org/mediation)."),
            "en": "Any dispute goes to [the mediator](https://example.org/mediation).",
        },
    ),
)


TEXT_LIST = Node(
    {"type": "array", "items": ref("text")},
    title="List of texts",
    description=("A list of texts, each given per language ({fr: ..., en: ...}), shown as a bulleted list."),
    examples=([{"fr": "Chiffrement des échanges (TLS)", "en": "Encrypted connections (TLS)"}],),
)


TEXT_OR_NOT_STATED = Node(
    {"anyOf": [ref("text"), ref("not_stated")]},
    title="Text or not stated",
    description=(
        "A text per language ({fr: ..., en: ...}), or `not_stated` when the policy is "
        'silent on it (the page prints "Not stated in the policy").'
    ),
    examples=({"fr": "Prévention de la fraude", "en": "Fraud prevention"}, "not_stated"),
)


STATEMENT_OR_NOT_STATED = Node(
    {"anyOf": [ref("text"), ref("not_stated")]},
    title="Statement or not stated",
    description=(
        "What the policy says on a subject, as a text per language, shown as written; "
        'or `not_stated` when the policy is silent on it (the page prints "Not stated '
        'in the policy"). A statement that there is nothing ("we collect no sensitive '
        'data") is a text, not `not_stated`.'
    ),
    examples=(
        {
            "fr": "Nous ne collectons aucune donnée sensible.",
            "en": "We collect no sensitive data.",
        },
        "not_stated",
    ),
)


STRING_OR_NOT_STATED = Node(
    {
        "anyOf": [
            Node({"type": "string", "minLength": 1, "not": Node({"const": "not_stated"})}),
            ref("not_stated"),
        ]
    },
    title="Single-language value or not stated",
    description=(
        "A one-line value that reads the same in every language (a name, a "
        "registration number as the policy writes it), or `not_stated` when the policy "
        'is silent on it (the page prints "Not stated in the policy"). The literal '
        'string "not_stated" always means the latter.'
    ),
    examples=("Full Example SAS", "not_stated"),
)


EMAIL = Node(
    {
        "type": "string",
        "format": "email",
        "pattern": (
            '^(?![\\s\\S]*\\s)[^@\\s<>()\\[\\]\\\\,;:"]+@[^@\\s<>()\\[\\]\\\\,;:"/][^@\\s<>()\\[\\]\\'
            '\\,;:"/.]*\\.[^@\\s<>()\\[\\]\\\\,;:"/]+$'
        ),
        "maxLength": 254,
    },
    title="Email address",
    description=(
        "One email address, without a name, spaces, line breaks, brackets or quotes. "
        "The site turns it into a mailto: link."
    ),
    examples=("privacy@example.com", "dpo@example.com"),
)


EMAIL_OR_NOT_STATED = Node(
    {"anyOf": [ref("email"), ref("not_stated")]},
    title="Email address or not stated",
    description=(
        "One email address, or `not_stated` when the policy is silent on it (the page "
        'prints "Not stated in the policy"). A policy that leaves the address blank is '
        "`not_stated` too."
    ),
    examples=("privacy@example.com", "not_stated"),
)


URL = Node(
    {
        "type": "string",
        "format": "uri",
        "maxLength": 2000,
        "pattern": (
            "^(?![\\s\\S]*\\s)https?://([A-Za-z0-9._~!\\$&'()*+,;=-]|%[0-9A-Fa-f]{2})+(:[0-9]*)?(/([A"
            "-Za-z0-9._~!\\$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})*)*(\\?([A-Za-z0-9._~!\\$&'()*+,;=:@/?-]|%["
            "0-9A-Fa-f]{2})*)?(#([A-Za-z0-9._~!\\$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*)?$"
        ),
    },
    title="Web address",
    description=(
        "A full http:// or https:// address, without spaces, line breaks, quotes or brackets (percent-encode them)."
    ),
    examples=("https://www.example.com/privacy", "https://www.cnil.fr/fr/plaintes"),
)


DATE = Node(
    {"type": "string", "format": "date", "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"},
    title="Date",
    description=(
        "A calendar date in ISO 8601 form, YYYY-MM-DD, in the years 1900 to 2200 (an "
        "earlier or later year is a typing mistake). The project's YAML loader keeps "
        "it as text, so quotes are optional."
    ),
    examples=("2026-01-15",),
)


COUNTRY = Node(
    {"type": "string", "pattern": "^([A-Z]{2,3}|[a-z_]+)$"},
    title="Country or region",
    description=(
        "An ISO 3166-1 alpha-2 country code in capitals (FR, IE, US: any code "
        "pycountry knows, named on the pages from pycountry's translations), or a "
        "region that is not a country, worded under `region` in every locale file (EU, "
        "EEA, north_america, worldwide). An unknown code is an error."
    ),
    examples=("FR", "US", "EU", "north_america"),
)


MONEY = Record(
    fields=(
        Field(
            "amount",
            Node({"type": "number", "exclusiveMinimum": 0}),
            MATERIAL,
            title="Amount",
            description=(
                "The amount as a plain number, without spaces, separators or currency sign; cents after a dot."
            ),
            examples=(100000, 37000.5),
            required=True,
        ),
        Field(
            "currency",
            Node({"type": "string", "pattern": "^[A-Z]{3}$"}),
            MATERIAL,
            title="Currency",
            description="An ISO 4217 currency code in capitals, checked against Babel's list of currencies.",
            examples=("EUR", "USD", "CHF"),
            required=True,
        ),
    ),
    title="Amount of money",
    description=(
        "An amount in a currency, written on the pages as each language writes money (Babel): "
        "{amount: 100000, currency: EUR} reads 100 000 € in French and €100,000 in English."
    ),
    examples=({"amount": 100000, "currency": "EUR"},),
)


DURATION = Record(
    fields=(
        Field(
            "value",
            Node({"type": "integer", "minimum": 1}),
            MATERIAL,
            title="Number of units",
            description=(
                "How many units: a whole number, at least 1. Convert a fraction to a smaller unit "
                "(18 months, not 1.5 years)."
            ),
            examples=(13,),
            required=True,
        ),
        Field(
            "unit",
            Node({"enum": codes(DurationUnit)}),
            MATERIAL,
            title="Unit",
            description="The unit of time: `days`, `weeks`, `months` or `years`.",
            examples=("months",),
            required=True,
        ),
        Field(
            "bound",
            Node({"enum": codes(Bound)}),
            MATERIAL,
            title="Bound",
            description=(
                'How the policy bounds the duration: maximum ("up to 25 months", "jusqu\'à 25 '
                'mois": the data may be erased earlier) or minimum ("at least 5 years", "au moins '
                '5 ans"). Leave it out for an exact length.'
            ),
            examples=("maximum", "minimum"),
        ),
        Field(
            "to",
            Node({"type": "integer", "minimum": 2}),
            MATERIAL,
            title="Upper end of a range",
            description=(
                'When the policy gives a range ("5 to 10 years", "5 à 10 ans"): the upper count, '
                "in the same unit, greater than `value` (the lower count). The unit's plural "
                "follows this upper count. Cannot be combined with `bound`. Leave it out for a "
                "single length."
            ),
            examples=(10,),
        ),
    ),
    title="Duration",
    description=(
        "A length of time: a whole number (`value`, at least 1), a `unit` (days, weeks, months or "
        'years) and, when the policy gives only a limit, a `bound`: `maximum` ("up to 25 months", '
        '"jusqu\'à 25 mois") or `minimum` ("at least 5 years", "au moins 5 ans"). A range the '
        'policy gives ("5 to 10 years", "5 à 10 ans") adds its upper end as `to`, with no `bound`. '
        'Written {value: 13, unit: months}; the site words it in each language ("13 mois", "13 '
        'months").'
    ),
    examples=(
        {"value": 13, "unit": "months"},
        {"value": 3, "unit": "years"},
        {"value": 25, "unit": "months", "bound": "maximum"},
        {"value": 5, "to": 10, "unit": "years"},
    ),
)


DURATION_OR_NOT_STATED = Node(
    {"anyOf": [ref("duration"), ref("not_stated")]},
    title="Duration or not stated",
    description=(
        "A duration ({value: 6, unit: months}), or `not_stated` when the policy is "
        'silent on it (the page prints "Not stated in the policy").'
    ),
    examples=({"value": 6, "unit": "months"}, "not_stated"),
)


EVENT = Node(
    {"anyOf": [ref("id"), ref("text")]},
    title="Event",
    description=(
        "The event a retention period counts from or runs until: a code from the "
        "`event` section of the wording files (last_contact, end_of_contract, "
        "account_closure, last_login, collection, unsubscription, consent_withdrawal), "
        'or a text per language. With kind `from_event` the text completes "3 years '
        'from …", so the French starts with its preposition ("de la restitution des '
        'données" / "the return of the data"); with kind `until_event` the text is the '
        'whole phrase ("jusqu\'à la clôture du dossier" / "until the file is closed").'
    ),
    examples=("last_contact", {"fr": "de la dernière commande", "en": "the last order"}),
)


SOURCE = Record(
    fields=(
        Field(
            "title",
            ref("text"),
            EDITORIAL,
            title="Title of the policy",
            description=(
                "The title of the source document per language (translated when the policy exists "
                "in one language only)."
            ),
            examples=({"fr": "Politique de confidentialité", "en": "Privacy policy"},),
        ),
        Field(
            "url",
            any_of(ref("url"), ref("not_stated")),
            EDITORIAL,
            title="Address of the policy",
            description=(
                "Where the source policy is published (an http(s) address), or `not_stated` when "
                "the document gives none and none is known."
            ),
            examples=("https://www.example.com/privacy", "not_stated"),
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Note on the source",
            description=(
                "Facts about the document itself: its stated date or the lack of one, the laws it "
                "cites, gaps or inconsistencies found while encoding it. A text per language ({fr: "
                "..., en: ...}), plain: shown exactly as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
    ),
    title="Source document",
    description="The policy this file was encoded from: title, address and a note. All fields are optional.",
)


POSTAL_ADDRESS = Node(
    {"type": "string", "minLength": 1},
    title="Postal address",
    description=("A postal address on one line, as the policy writes it, parts separated by commas (no line break)."),
    examples=("1 rue de l'Exemple, 75001 Paris, France",),
)


COMPANY = Record(
    fields=(
        Field(
            "legal_name",
            ref("string_or_not_stated"),
            MATERIAL,
            title="Legal name",
            description=(
                "The controller's registered name (raison sociale), as the policy gives it, with "
                "its legal form if the policy writes it so. `not_stated` when the policy is silent "
                'on it (the page prints "Not stated in the policy" and the completeness report '
                "lists it, GDPR Art. 13(1)(a))."
            ),
            examples=("Full Example SAS", "not_stated"),
            required=True,
            rules=("legal_name",),
            label="label.legal_name",
        ),
        Field(
            "trade_names",
            Node({"type": "array", "items": Node({"type": "string", "minLength": 1})}),
            MATERIAL,
            title="Trade names",
            description="Other names the company trades under (brands, products), one plain string each.",
            examples=(["Coopo", "Coopo Pro"],),
            label="label.trade_names",
        ),
        Field(
            "legal_form",
            any_of(ref("id"), ref("not_stated")),
            MATERIAL,
            title="Legal form",
            description=(
                "Code of the legal form from the `legal_form` section of the wording files (sas, "
                "sasu, sarl, eurl, sa, association), or `not_stated` when the policy is silent on "
                'it (the page prints "Not stated in the policy").'
            ),
            examples=("sas", "not_stated"),
            label="label.legal_form",
            vocabulary="legal_form",
        ),
        Field(
            "share_capital",
            any_of(ref("money"), ref("not_stated")),
            MATERIAL,
            title="Share capital",
            description=(
                "The company's share capital as an amount and an ISO 4217 currency code ({amount: "
                '10000, currency: EUR}), written on the pages as each language writes money ("10 '
                '000 €", "€10,000"), or `not_stated` when the policy is silent on it (the page '
                'prints "Not stated in the policy").'
            ),
            examples=({"amount": 10000, "currency": "EUR"}, "not_stated"),
            label="label.share_capital",
        ),
        Field(
            "trade_register",
            ref("trade_register"),
            MATERIAL,
            title="Trade register entry",
            description=(
                "The company's entry in the trade and companies register (RCS in France): the "
                "registry's city and the registration number, each `not_stated` when the policy "
                "leaves it out. Leave the whole entry out when the policy mentions no registration."
            ),
            examples=({"city": "Paris", "number": "123 456 789"},),
            label="label.trade_register",
        ),
        Field(
            "registered_address",
            any_of(ref("postal_address"), ref("not_stated")),
            MATERIAL,
            title="Registered office",
            description=(
                "The address of the registered office (siège social), on one line: the "
                "controller's contact address under GDPR Art. 13(1)(a). `not_stated` when the "
                'policy is silent on it (the page prints "Not stated in the policy" and the '
                "completeness report lists it, GDPR Art. 13(1)(a))."
            ),
            examples=("1 rue de l'Exemple, 75001 Paris, France", "not_stated"),
            required=True,
            rules=("registered_address", "controller_channel"),
            label="label.registered_address",
        ),
        Field(
            "other_addresses",
            Node({"type": "array", "items": ref("labelled_address")}),
            MATERIAL,
            title="Other addresses",
            description=("Other establishments the policy lists (offices, branches), each with a label per language."),
            examples=(
                [
                    {
                        "label": {"fr": "Bureau de Lyon", "en": "Lyon office"},
                        "address": "2 place de l'Exemple, 69001 Lyon",
                    },
                ],
            ),
            rules=("controller_channel",),
            label="label.other_addresses",
        ),
        Field(
            "country",
            ref("country"),
            MATERIAL,
            title="Country of establishment",
            description=(
                "Where the company is established, as a country code (ISO 3166-1 alpha-2). Leave "
                "it out when the policy does not say."
            ),
            examples=("FR",),
            label="label.country",
        ),
        Field(
            "legal_representative",
            ref("string_or_not_stated"),
            MATERIAL,
            title="Legal representative",
            description=(
                "The person who legally represents the company (président, gérant, director), as "
                "the policy names them, or `not_stated` when the policy is silent on it (the page "
                'prints "Not stated in the policy"). Not the EU representative of a non-EU '
                "controller (GDPR Art. 27)."
            ),
            examples=("Jeanne Exemple", "not_stated"),
            label="label.legal_representative",
        ),
        Field(
            "eu_representative",
            Node({"type": "string", "minLength": 1}),
            MATERIAL,
            title="Representative in the Union",
            description=(
                "The representative a controller established outside the European Union designates in "
                "the Union (GDPR Art. 27), with its contact details, on one line as the policy writes "
                "them: the notice must give its identity and contact details (Art. 13(1)(a), 14(1)(a)). "
                "Left out when the policy names none."
            ),
            examples=("EU Rep Example Ltd, 1 Example Street, Dublin 2, Ireland, eurep@example.com",),
            label="label.eu_representative",
        ),
        Field(
            "status",
            ref("text"),
            MATERIAL,
            title="Company status",
            description=(
                "The company's legal situation where the policy states one, as it words it (in "
                "liquidation, in receivership, dissolved): who the controller is may change with it "
                "(GDPR Art. 13(1)(a)). A text per language ({fr: ..., en: ...}), plain: shown exactly "
                "as written. Left out when the policy says nothing of it."
            ),
            examples=({"fr": "En liquidation judiciaire", "en": "In compulsory liquidation"},),
            label="label.company_status",
        ),
        Field(
            "websites",
            Node({"type": "array", "items": ref("url")}),
            MATERIAL,
            title="Websites",
            description="The company's websites the policy covers or names, as full http(s) addresses.",
            examples=(["https://www.example.com/"],),
            label="label.websites",
        ),
        Field(
            "description",
            ref("text"),
            EDITORIAL,
            title="Company description",
            description=(
                "What the company does, in one or two sentences, as the policy describes it. A "
                "text per language ({fr: ..., en: ...}), plain: shown exactly as written, never "
                "read as Markdown or HTML."
            ),
            examples=({"fr": "Éditeur de logiciels.", "en": "Software publisher."},),
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Reading note",
            description=(
                "How the controller's identity was read from the policy, where the reading is an "
                "interpretation rather than the policy's words (a country or website inferred from "
                "the addresses and links, a holding named beside the controller); printed after it "
                'as "Reading of the policy". A text per language ({fr: ..., en: ...}), plain: '
                "shown exactly as written, never read as Markdown or HTML."
            ),
            examples=(
                {
                    "fr": ("Le pays est déduit des adresses et du numéro RCS ; la politique ne le nomme pas."),
                    "en": (
                        "The country is inferred from the addresses and the RCS number; the policy does not name it."
                    ),
                },
            ),
        ),
        Field(
            "joint_controllers",
            Node({"type": "array", "minItems": 1, "items": ref("joint_controller")}),
            MATERIAL,
            title="Other joint controllers",
            description=(
                "The companies the policy says determine the purposes and means of the processing "
                "together with this one (joint controllers, GDPR Art. 26), each with the identity "
                "facts the policy gives, in the same form as this company's. This company is not "
                "repeated here: list only the others. Pages print every joint controller under "
                '"Joint controllers".'
            ),
            examples=(
                [
                    {
                        "legal_name": "Second Example SAS",
                        "trade_register": {"city": "Lyon", "number": "987 654 321"},
                        "registered_address": "2 place de l'Exemple, 69001 Lyon",
                    },
                ],
            ),
        ),
        Field(
            "collective_name",
            any_of(
                Node({"type": "string", "minLength": 1, "not": Node({"const": "not_stated"})}),
                ref("text"),
            ),
            MATERIAL,
            title="Collective name of the joint controllers",
            description=(
                'The name the policy gives the joint controllers together ("hereinafter together '
                'referred to as ..."): one string when it reads the same in every language, or a '
                "text per language. Only with joint_controllers."
            ),
            examples=("FNAC DARTY", {"fr": "le Groupe Exemple", "en": "the Example Group"}),
        ),
        Field(
            "joint_arrangement",
            ref("text_or_not_stated"),
            MATERIAL,
            title="Essence of the joint controllers' arrangement",
            description=(
                "What the policy says of the arrangement between the joint controllers: who does "
                "what, in particular towards the people's rights (GDPR Art. 26(1) and 26(2): its "
                "essence is made available to them), or `not_stated` when the policy names joint "
                "controllers without it (the completeness report warns, Art. 26(2)). Only with "
                "joint_controllers."
            ),
            examples=(
                {
                    "fr": "Chaque société répond aux demandes d'exercice des droits qu'elle reçoit.",
                    "en": "Each company answers the rights requests it receives.",
                },
                "not_stated",
            ),
            rules=("joint_arrangement",),
            label="label.joint_arrangement",
        ),
    ),
    title="Controller's identity",
    description=(
        "Identity of the controller (GDPR Art. 13(1)(a), 14(1)(a)) and the company facts the "
        "policy gives. legal_name and registered_address are required (each may be `not_stated`); "
        "the rest is left out when the policy does not give it."
    ),
)


TRADE_REGISTER = Record(
    fields=(
        Field(
            "city",
            ref("string_or_not_stated"),
            MATERIAL,
            title="Registry city",
            description=(
                'The city of the register the company is entered in ("RCS Paris": Paris), or '
                '`not_stated` when the policy is silent on it (the page prints "Not stated in the '
                'policy").'
            ),
            examples=("Paris", "not_stated"),
            required=True,
        ),
        Field(
            "number",
            ref("string_or_not_stated"),
            MATERIAL,
            title="Registration number",
            description=(
                "The registration number as the policy writes it (in France the SIREN, 9 digits), "
                'or `not_stated` when the policy is silent on it (the page prints "Not stated in '
                'the policy").'
            ),
            examples=("123 456 789", "not_stated"),
            required=True,
        ),
    ),
    title="Trade register entry",
    description=(
        "An entry in the trade and companies register (RCS in France): the registry's city and the "
        "registration number, each `not_stated` when the policy leaves it out."
    ),
    examples=({"city": "Paris", "number": "123 456 789"},),
)


LABELLED_ADDRESS = Record(
    fields=(
        Field(
            "label",
            ref("text"),
            EDITORIAL,
            title="Label",
            description="What the address is, per language.",
            examples=({"fr": "Bureau de Lyon", "en": "Lyon office"},),
            required=True,
        ),
        Field(
            "address",
            ref("postal_address"),
            MATERIAL,
            title="Address",
            description="The postal address on one line.",
            examples=("2 place de l'Exemple, 69001 Lyon",),
            required=True,
            label="label.postal_address",
        ),
        Field(
            "country",
            ref("country"),
            MATERIAL,
            title="Country",
            description=(
                "Where this establishment is, as a country code (ISO 3166-1 alpha-2), when the policy says: a "
                "second establishment of the controller in another country."
            ),
            examples=("BE",),
            label="label.country",
        ),
        Field(
            "trade_register",
            ref("trade_register"),
            MATERIAL,
            title="Trade register entry",
            description="The establishment's own entry in a trade register, when the policy gives one.",
            examples=({"city": "Bruxelles", "number": "0123.456.789"},),
            label="label.trade_register",
        ),
        Field(
            "status",
            ref("text"),
            MATERIAL,
            title="Status",
            description=(
                "The establishment's legal situation where the policy states one, as it words it (in "
                "liquidation). A text per language ({fr: ..., en: ...}), plain."
            ),
            examples=({"fr": "En liquidation", "en": "In liquidation"},),
            label="label.company_status",
        ),
    ),
    title="Labelled address",
    description=(
        "A postal address with a label per language saying what it is (an office, a branch, another establishment "
        "of the controller), with the establishment's country, register entry and status when the policy gives them."
    ),
    examples=(
        {
            "label": {"fr": "Bureau de Lyon", "en": "Lyon office"},
            "address": "2 place de l'Exemple, 69001 Lyon",
        },
    ),
)


JOINT_CONTROLLER = Record(
    fields=(
        Field(
            "legal_name",
            ref("string_or_not_stated"),
            MATERIAL,
            title="Legal name",
            description="The joint controller's registered name, as the policy gives it, or `not_stated`.",
            examples=("Second Example SAS", "not_stated"),
            required=True,
            label="label.legal_name",
        ),
        Field(
            "trade_register",
            ref("trade_register"),
            MATERIAL,
            title="Trade register entry",
            description=(
                "Its entry in the trade and companies register (city and number), as for the "
                "company. Leave it out when the policy mentions no registration."
            ),
            examples=({"city": "Lyon", "number": "987 654 321"},),
            label="label.trade_register",
        ),
        Field(
            "registered_address",
            any_of(ref("postal_address"), ref("not_stated")),
            MATERIAL,
            title="Registered office",
            description="The address of its registered office on one line, or `not_stated`.",
            examples=("2 place de l'Exemple, 69001 Lyon", "not_stated"),
            required=True,
            label="label.registered_address",
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Reading note",
            description=(
                "How this joint controller was read from the policy, where the reading is an "
                'interpretation; printed after it as "Reading of the policy". A text per language '
                "({fr: ..., en: ...}), plain."
            ),
            examples=(
                {
                    "fr": "Adresse lue dans la mention « Domiciliée : ».",
                    "en": 'Address read in the words "Domiciliée:".',
                },
            ),
        ),
    ),
    title="Joint controller",
    description=(
        "Another controller that determines the purposes and means of the processing jointly with "
        "the company (GDPR Art. 26), identified by the facts the policy gives: its legal name and "
        "registered office (each `not_stated` when the policy leaves it out), its trade register "
        "entry, and a reading note. The fields are those of the company's own identity."
    ),
    examples=(
        {
            "legal_name": "Second Example SAS",
            "trade_register": {"city": "Lyon", "number": "987 654 321"},
            "registered_address": "2 place de l'Exemple, 69001 Lyon",
        },
    ),
)


CONTACT_POINT = Record(
    fields=(
        Field(
            "label",
            ref("text"),
            EDITORIAL,
            title="Label",
            description="Who answers at this contact point (a department, a role), per language.",
            examples=({"fr": "Service client", "en": "Customer service"},),
        ),
        Field(
            "email",
            ref("email_or_not_stated"),
            MATERIAL,
            title="Email address",
            description=(
                "The email address the policy gives for this contact, or `not_stated` when it "
                'gives none or leaves it blank: the page then prints "Not stated in the policy" '
                "(for the general and rights contacts the completeness report lists both forms, "
                "GDPR Art. 13(1)(a), 12(2)). Left out, nothing is printed: for a contact the "
                "policy gives only by other channels."
            ),
            examples=("privacy@example.com", "not_stated"),
        ),
        Field(
            "postal_address",
            any_of(ref("postal_address"), ref("not_stated")),
            MATERIAL,
            title="Postal address",
            description=(
                "The postal address for this contact, on one line, or `not_stated` when the policy "
                'is silent on it (the page prints "Not stated in the policy"). Left out, nothing '
                "is printed."
            ),
            examples=("Service juridique, 1 rue de l'Exemple, 75001 Paris, France", "not_stated"),
        ),
        Field(
            "phone",
            Node({"type": "string", "minLength": 1}),
            MATERIAL,
            title="Phone number",
            description=(
                "A phone number as the policy writes it, preferably in international form. Leave "
                "it out when the policy gives none."
            ),
            examples=("+33 1 23 45 67 89",),
        ),
        Field(
            "web_form",
            ref("url"),
            MATERIAL,
            title="Web form",
            description="The address of an online form for this contact (http or https).",
            examples=("https://www.example.com/contact",),
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Note",
            description=(
                "What the policy adds about this contact (hours, what to send, preferred channel). "
                "A text per language ({fr: ..., en: ...}), plain: shown exactly as written, never "
                "read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
        Field(
            "attention",
            ref("text"),
            MATERIAL,
            title="For the attention of",
            description=("The reference line a letter carries above the postal address (needs postal_address)."),
            examples=(
                {
                    "fr": "À l'attention du délégué à la protection des données",
                    "en": "For the attention of the Data Protection Officer",
                },
            ),
        ),
    ),
    title="Contact point",
    description=(
        "One way to reach a person or a department: email, postal address, phone, web form, with "
        'an optional label, note and `attention` line ("for the attention of ...", printed above '
        "the postal address). Every field is optional; give what the policy gives. The general and "
        "rights contacts get a completeness warning when they give no email, postal address or web "
        "form."
    ),
    examples=(
        {
            "email": "privacy@example.com",
            "postal_address": "1 rue de l'Exemple, 75001 Paris, France",
        },
    ),
)


CONTACTS = Record(
    fields=(
        Field(
            "general",
            ref("contact_point"),
            MATERIAL,
            title="Controller's contact",
            description=(
                "How to contact the company about personal data, as the policy gives it (GDPR Art. 13(1)(a))."
            ),
            examples=(
                {
                    "email": "privacy@example.com",
                    "postal_address": "1 rue de l'Exemple, 75001 Paris, France",
                },
            ),
            required=True,
            rules=("controller_channel", "controller_email"),
        ),
        Field(
            "dpo",
            any_of(
                ref("not_stated"),
                Record(
                    fields=(
                        Field(
                            "appointed",
                            Node({"const": False}),
                            MATERIAL,
                            title="DPO appointed",
                            description=(
                                "`false`: the policy states that no data protection officer is "
                                "appointed (the page says so). Use `dpo: not_stated` instead when "
                                "the policy is silent."
                            ),
                            examples=(False,),
                            required=True,
                        ),
                    ),
                ),
                Record(
                    fields=(
                        Field(
                            "appointed",
                            Node({"const": True}),
                            MATERIAL,
                            title="DPO appointed",
                            description=(
                                "`true`: the policy states that a data protection officer is "
                                "appointed; give their contact."
                            ),
                            examples=(True,),
                            required=True,
                        ),
                        Field(
                            "name",
                            ref("string_or_not_stated"),
                            MATERIAL,
                            title="DPO's name",
                            description=(
                                "The DPO's name (a person or a firm), or `not_stated` when the "
                                "policy mentions the DPO without naming them. Leaving it out means "
                                "the same as `not_stated`."
                            ),
                            examples=("Paul Exemple", "not_stated"),
                        ),
                        Field(
                            "contact",
                            ref("contact_point"),
                            MATERIAL,
                            title="DPO's contact",
                            description=(
                                "How to reach the DPO (GDPR Art. 13(1)(b)); the same channels as "
                                "the general contact are repeated here when the policy gives the "
                                "same ones."
                            ),
                            examples=({"email": "dpo@example.com"},),
                            required=True,
                        ),
                        Field(
                            "registration",
                            Record(
                                fields=(
                                    Field(
                                        "number",
                                        Node({"type": "string", "minLength": 1}),
                                        EDITORIAL,
                                        title="Registration number",
                                        description="The number the authority gave the designation.",
                                        examples=("DPO-12345",),
                                        required=True,
                                    ),
                                    Field(
                                        "date",
                                        ref("date"),
                                        EDITORIAL,
                                        title="Registration date",
                                        description=("When the DPO was designated with the authority (YYYY-MM-DD)."),
                                        examples=("2018-05-25",),
                                    ),
                                    Field(
                                        "authority",
                                        ref("id"),
                                        EDITORIAL,
                                        title="Authority",
                                        description=(
                                            "Authority code from the wording files (cnil), when it "
                                            "is not the company's supervisory_authority."
                                        ),
                                        examples=("cnil",),
                                        vocabulary="authority",
                                    ),
                                ),
                            ),
                            EDITORIAL,
                            title="DPO registration",
                            description=(
                                "The DPO's designation with the supervisory authority, as the policy gives it."
                            ),
                            examples=({"number": "DPO-12345"},),
                        ),
                    ),
                ),
            ),
            MATERIAL,
            title="Data protection officer",
            description=(
                "The data protection officer (DPO, GDPR Art. 37-39; contact details required by "
                "Art. 13(1)(b)). `not_stated` when the policy does not say whether one is "
                "appointed; `{appointed: false}` when it says none is; `{appointed: true, contact: "
                "{...}}` when one is, with `name` if the policy gives it. A policy that mentions a "
                "DPO without naming them is `{appointed: true, name: not_stated, contact: ...}`. A "
                "DPO the policy says is registered with the supervisory authority carries "
                "`registration: {number: ..., date: ..., authority: ...}` (date and authority "
                "optional; the authority defaults to the company's)."
            ),
            examples=(
                "not_stated",
                {"appointed": False},
                {"appointed": True, "name": "not_stated", "contact": {"email": "dpo@example.com"}},
            ),
            required=True,
            rules=("dpo",),
            heading="notice.dpo",
        ),
    ),
    title="Contact details",
    description=(
        "The controller's contact (GDPR Art. 13(1)(a)) and its data protection officer (Art. "
        "13(1)(b)); both are required."
    ),
)


SUPERVISORY_AUTHORITY = Record(
    fields=(
        Field(
            "code",
            ref("id"),
            MATERIAL,
            title="Authority code",
            description=(
                "Code of the authority from the `authority` section of the wording files, which "
                "holds its name in each language (cnil for the French Commission nationale de "
                "l'informatique et des libertés). Give the competent authority even when the "
                "policy does not name it; `mentioned` records whether it does."
            ),
            examples=("cnil",),
            required=True,
            vocabulary="authority",
        ),
        Field(
            "mentioned",
            Node({"type": "boolean"}),
            MATERIAL,
            title="Mentioned in the policy",
            description=(
                "Whether the source names the authority and the right to complain to it (GDPR Art. "
                '13(2)(d)). `false`: the policy is silent on it; the page then says "Not stated in '
                'the policy" and the completeness report warns. Never read as "no right to '
                'complain".'
            ),
            examples=(True,),
            required=True,
            rules=("complaint",),
        ),
        Field(
            "complaint_url",
            ref("url"),
            MATERIAL,
            title="Complaint web page",
            description=(
                "The authority's online complaint page, as the policy gives it; shown only when `mentioned` is true."
            ),
            examples=("https://www.cnil.fr/fr/plaintes",),
        ),
        Field(
            "postal_address",
            ref("postal_address"),
            MATERIAL,
            title="Complaint postal address",
            description=(
                "The authority's postal address for complaints, on one line, as the policy gives "
                "it; shown only when `mentioned` is true."
            ),
            examples=("3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07",),
            label="label.postal_address",
        ),
    ),
    title="Supervisory authority",
    description=(
        "The supervisory authority competent for the company (GDPR Art. 51, 55-56) and whether the "
        "policy mentions the right to complain to it (Art. 13(2)(d), 77)."
    ),
    examples=({"code": "cnil", "mentioned": True, "complaint_url": "https://www.cnil.fr/fr/plaintes"},),
)


LEGAL_BASIS = Record(
    fields=(
        Field(
            "basis",
            Node({"enum": codes(LegalBasisCode)}),
            MATERIAL,
            title="Basis",
            description=(
                "The basis, as a code: `consent` (Art. 6(1)(a)), `contract` (performance of a "
                "contract or steps before one, 6(1)(b)), `legal_obligation` (6(1)(c)), "
                "`vital_interests` (6(1)(d)), `public_task` (6(1)(e)), `legitimate_interests` "
                "(6(1)(f), requires `interest`, unless legal_bases_overview states one interest "
                "for all processing). A consent basis requires withdraw_consent in rights.offered "
                "or rights.not_stated (Art. 7(3), 13(2)(c))."
            ),
            examples=("consent", "legitimate_interests"),
            required=True,
        ),
        Field(
            "interest",
            ref("text_or_not_stated"),
            MATERIAL,
            title="Legitimate interest pursued",
            description=(
                "The legitimate interest pursued (GDPR Art. 13(1)(d)): required when basis is "
                "legitimate_interests (a validation rule checks it), not used with other bases. "
                "`not_stated` when the policy invokes legitimate interests without saying which "
                "(the completeness report lists it). Exception: when the policy states one "
                "interest for all processing, record it once as the `interest` of a "
                "`legitimate_interests` entry of `legal_bases_overview`; a purpose's "
                "`legitimate_interests` basis may then leave `interest` out, and is read as citing "
                "that general interest (no error, no completeness warning; the notice prints the "
                "general interest once, with the purposes relying on it). This needs exactly one "
                "such overview entry with a stated interest."
            ),
            examples=({"fr": "Prévenir la fraude", "en": "Preventing fraud"}, "not_stated"),
            rules=("legitimate_interest",),
            label="label.legitimate_interest",
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Reading note",
            description=(
                "Why this basis was recorded, when it is an interpretation rather than the "
                'policy\'s words (a basis inferred from "required to operate the account"), or the '
                'policy\'s own qualification ("where applicable"). A text per language ({fr: ..., '
                "en: ...}), plain: shown exactly as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
    ),
    title="Legal basis",
    description=(
        "One lawful basis of processing (GDPR Art. 6(1); to be stated per purpose by Art. "
        "13(1)(c)), with the legitimate interest pursued when the basis is legitimate_interests "
        "(Art. 13(1)(d)) and a note where the basis is a reading of the policy rather than its "
        "words."
    ),
    examples=(
        {"basis": "contract"},
        {
            "basis": "legitimate_interests",
            "interest": {"fr": "Sécurité du service", "en": "Service security"},
        },
    ),
)


PURPOSE = Record(
    fields=(
        Field(
            "id",
            ref("id"),
            EDITORIAL,
            title="Purpose id",
            description="Identifier of the purpose, unique among purposes, in lower_snake_case.",
            examples=("newsletter", "contact_form"),
            required=True,
        ),
        Field(
            "name",
            ref("text"),
            EDITORIAL,
            title="Purpose",
            description=("The purpose in a short phrase, per language, as the policy states it (GDPR Art. 13(1)(c))."),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
            required=True,
        ),
        Field(
            "group",
            ref("text"),
            EDITORIAL,
            title="Group heading",
            description=(
                "The heading the policy files this purpose under, when it groups purposes "
                '("Customer management"). A text per language ({fr: ..., en: ...}), plain: shown '
                "exactly as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
        Field(
            "role",
            ref("purpose_role"),
            MATERIAL,
            title="Role for this purpose",
            description=(
                "What the company is for this purpose (GDPR Art. 4(7), 4(8), 26, 28): `controller` "
                "(it decides why and how), `joint_controller` (it decides together with another "
                "controller, Art. 26), or `{acts_as: processor, on_behalf_of: {fr: ..., en: ...}}` "
                "(it processes the data on behalf of a controller the policy names, or "
                "`on_behalf_of: not_stated`). Required for every purpose when the company's `role` "
                "is `controller_and_processor`; otherwise leave it out and the company's role "
                "applies. `{acts_as: other_controller, on_behalf_of: ...}` records a processing "
                "the policy describes but that is another controller's: the notice shows it as "
                "such, and it is no activity of the company's register, DPV processes or Fides "
                "declarations."
            ),
            examples=(
                "controller",
                {"acts_as": "processor", "on_behalf_of": {"fr": "le Client", "en": "the Customer"}},
            ),
        ),
        Field(
            "description",
            ref("text"),
            EDITORIAL,
            title="Description",
            description=(
                "What the policy says about this purpose beyond its name. A text per language "
                "({fr: ..., en: ...}), plain: shown exactly as written, never read as Markdown or "
                "HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
        Field(
            "legal_bases",
            any_of(
                Node({"type": "array", "minItems": 1, "items": ref("legal_basis")}),
                ref("not_stated"),
            ),
            MATERIAL,
            title="Legal bases",
            description=(
                "The legal basis or bases of this purpose (GDPR Art. 6(1), 13(1)(c)), in the "
                "policy's order; several when the policy gives several (e.g. consent for "
                "prospects, legitimate interests for customers: say which in each `note`). "
                "`not_stated` when the policy gives none for this purpose (the completeness report "
                "lists it), including when it lists bases only in legal_bases_overview."
            ),
            examples=([{"basis": "consent"}], "not_stated"),
            required=True,
            rules=("purpose_legal_basis",),
        ),
        Field(
            "data_categories",
            any_of(
                Node({"type": "array", "minItems": 1, "items": ref("id")}),
                ref("not_stated"),
                Node(
                    {"const": "all"},
                    title="Every data category",
                    description=(
                        'The policy lists the data it may collect once for the whole company ("the data '
                        'likely to be collected"), not per purpose: every category of the top-level '
                        "data_categories list may be processed for this purpose."
                    ),
                ),
            ),
            MATERIAL,
            title="Data categories used",
            description=(
                "Ids of the data_categories this purpose processes (lower_snake_case identifiers "
                "defined in the top-level data_categories list; an unknown id is an error); all when "
                "the policy's one list of data applies to every purpose; or `not_stated` when the "
                'policy is silent on it (the page prints "Not stated in the policy" and the '
                "completeness report lists it, GDPR Art. 14(1)(d))."
            ),
            examples=(["email", "identity"], "all", "not_stated"),
            required=True,
            rules=("purpose_data_categories",),
        ),
        Field(
            "data_subjects",
            any_of(Node({"type": "array", "minItems": 1, "items": ref("id")}), ref("not_stated")),
            MATERIAL,
            title="Data subjects concerned",
            description=(
                "Ids of the data_subjects whose data this purpose processes (lower_snake_case "
                "identifiers defined in the top-level data_subjects list; an unknown id is an "
                'error), or `not_stated` when the policy is silent on it (the page prints "Not '
                'stated in the policy").'
            ),
            examples=(["customer", "prospect"], "not_stated"),
            required=True,
            label="label.data_subjects",
        ),
        Field(
            "source",
            any_of(
                ref("data_source_code"),
                Node({"type": "array", "minItems": 1, "items": ref("data_source_item")}),
                ref("not_stated"),
            ),
            MATERIAL,
            title="Source of the data",
            description=(
                "One source code, or a list of them whose items may carry a detail; not_stated "
                "when the policy is silent. A code appears once in a list."
            ),
            examples=(
                "data_subject",
                [
                    "data_subject",
                    "automatic",
                    {
                        "code": "third_party",
                        "detail": {"fr": "les clients de nos clients", "en": "our customers' clients"},
                    },
                ],
            ),
            required=True,
            rules=("purpose_source",),
        ),
        Field(
            "mandatory",
            any_of(
                ref("not_stated"),
                Record(
                    fields=(
                        Field(
                            "required",
                            Node({"type": "boolean"}),
                            MATERIAL,
                            title="Required",
                            description=(
                                "`true`: the policy says the data must be provided; `false`: it "
                                "says providing it is optional. Silence is `mandatory: "
                                "not_stated`, not false."
                            ),
                            examples=(True,),
                            required=True,
                        ),
                        Field(
                            "consequence",
                            ref("text"),
                            MATERIAL,
                            title="Consequence of not providing the data",
                            description=(
                                "What happens if the person does not provide the data, as the "
                                "policy says (GDPR Art. 13(2)(e)). A text per language ({fr: ..., "
                                "en: ...}), plain: shown exactly as written, never read as "
                                "Markdown or HTML."
                            ),
                            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
                        ),
                    ),
                ),
            ),
            MATERIAL,
            title="Whether providing the data is required",
            description=(
                "Whether providing the data is a statutory or contractual requirement or a "
                "requirement to enter into a contract, and the consequences of not providing it "
                "(GDPR Art. 13(2)(e)). `{required: true|false, consequence: ...}` from what the "
                'policy says; `not_stated` when the policy is silent on it (the page prints "Not '
                'stated in the policy" and the completeness report lists it, GDPR Art. 13(2)(e)).'
            ),
            examples=(
                {
                    "required": True,
                    "consequence": {
                        "fr": "La commande ne peut être traitée.",
                        "en": "The order cannot be processed.",
                    },
                },
                "not_stated",
            ),
            required=True,
            rules=("purpose_mandatory",),
        ),
        Field(
            "retention",
            any_of(Node({"type": "array", "minItems": 1, "items": ref("id")}), ref("not_stated")),
            MATERIAL,
            title="Retention rules",
            description=(
                "Ids of the retention_rules that apply to this purpose's data (lower_snake_case "
                "identifiers defined in the top-level retention_rules list; an unknown id is an "
                "error), or `not_stated` when the policy gives no period for it (GDPR Art. "
                "13(2)(a); the completeness report lists it)."
            ),
            examples=(["newsletter", "logs"], "not_stated"),
            required=True,
            rules=("purpose_retention",),
            label="label.retention",
        ),
        Field(
            "recipients",
            any_of(
                Node({"type": "array", "minItems": 1, "items": ref("id")}),
                including(
                    Node({"type": "array", "minItems": 1, "items": ref("id")}),
                    title="Non-exhaustive list",
                    description='Ids of recipients the policy gives as examples ("such as", "including", '
                    '"notamment"): shown as "including ..." / "notamment ...".',
                    examples=({"including": ["hosting", "payment"]},),
                    items_title="Examples",
                    items_description="Ids of recipients the policy names.",
                    items_examples=(["newsletter"],),
                ),
                ref("none"),
                ref("not_stated"),
                Node(
                    {"const": "all"},
                    title="Every recipient",
                    description=(
                        "The policy declares its recipients once for the whole "
                        "company: every recipient of the top-level recipients list "
                        "receives this purpose's data."
                    ),
                ),
            ),
            MATERIAL,
            title="Recipients",
            description=(
                "Ids of the recipients of this purpose's data ({including: [...]} when the policy "
                "gives examples); all when the policy's recipients list applies to every purpose; "
                "none when the policy states the data goes to no one; not_stated when it is silent."
            ),
            examples=(["mailer", "internal"], "none", "not_stated"),
            required=True,
            rules=("purpose_recipients",),
        ),
        Field(
            "profiling",
            any_of(
                Node({"type": "boolean"}),
                Record(
                    fields=(
                        Field(
                            "statement",
                            ref("text"),
                            MATERIAL,
                            title="Statement",
                            description="The policy's words, per language.",
                            examples=({"fr": "profilage démographique", "en": "demographic profiling"},),
                            required=True,
                        ),
                    ),
                    title="Profiling in the policy's words",
                    description=(
                        "The policy speaks of profiling for this purpose without saying that "
                        'persons are profiled ("demographic profiling" of aggregated information): '
                        "its words, shown as such."
                    ),
                ),
            ),
            MATERIAL,
            title="Segmentation or profiling",
            description=(
                "`true` when the policy says this purpose uses segmentation or profiling (GDPR "
                "Art. 4(4): automated evaluation of personal aspects; Art. 21(2): the right to "
                "object to profiling for direct marketing); `false` when it says this purpose uses "
                'none. Leave it out when the policy does not say (absent is "not stated", never '
                '"no"). Shown on the purpose in the notice and in the activities table. Whether '
                "solely automated decisions take place is `automated_decisions`. `{statement: {fr: "
                "..., en: ...}}` when the policy speaks of profiling without saying that persons "
                "are profiled: its words are quoted, never read as yes or no."
            ),
            examples=(True, {"statement": {"fr": "profilage démographique", "en": "demographic profiling"}}),
        ),
        Field(
            "advertising",
            Node({"type": "boolean"}),
            MATERIAL,
            title="Advertising",
            description=(
                "`true` when the policy says this purpose serves advertising or direct marketing "
                "(commercial solicitation, promotional messages, resale of data for advertising), "
                "targeted or not; `false` when it says it does not. Leave it out when the policy "
                'does not say (absent is "not stated", never "no"). Read by the first layer\'s '
                'question "used for advertising?".'
            ),
            examples=(True,),
        ),
        Field(
            "linked_by_reading",
            Node({"type": "boolean"}),
            EDITORIAL,
            title="Linked by reading",
            description=(
                "`true` when this purpose's data categories, retention rules and recipients are "
                "linked to it by reading the policy, not by its letter (a policy that lists its "
                "purposes, data and recipients in separate lists): the data map draws those links "
                "dotted and the activities table says so. Explain the reading in `note`."
            ),
            examples=(True,),
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Reading note",
            description=(
                "How this purpose was read from the policy, where the reading is an interpretation "
                "(purposes merged or split, a field inferred). A text per language ({fr: ..., en: "
                "...}), plain: shown exactly as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
    ),
    title="Purpose of processing",
    description=(
        "One purpose of processing (GDPR Art. 5(1)(b), 13(1)(c)) as the policy describes it, with "
        "everything GDPR Art. 13/14 asks per purpose. Fields that the policy leaves out are "
        "`not_stated`, never guessed; a reading that is not literal is explained in `note`."
    ),
)


DATA_CATEGORY = Record(
    fields=(
        Field(
            "id",
            ref("id"),
            EDITORIAL,
            title="Category id",
            description=(
                "Identifier that purposes cite in data_categories, unique among categories, in lower_snake_case."
            ),
            examples=("email", "browsing_data"),
            required=True,
        ),
        Field(
            "code",
            ref("id"),
            MATERIAL,
            title="Category code",
            description=(
                "Common category code whose wording lives in the locale files; kept for "
                "completeness and exports when a label is also given."
            ),
            examples=("contact",),
            vocabulary="data_category",
            label="label.category_code",
        ),
        Field(
            "label",
            ref("text"),
            EDITORIAL,
            title="Category label",
            description="The policy's own wording, shown instead of the code's when both are given.",
            examples=({"fr": "Habitudes de lecture", "en": "Reading habits"},),
        ),
        Field(
            "items",
            any_of(
                ref("text_list"),
                including(
                    Node({"type": "array", "minItems": 1, "items": ref("text")}),
                    title="Non-exhaustive list",
                    description='Data items the policy gives as examples ("such as", "including", '
                    '"notamment"): shown as "including ..." / "notamment ...".',
                    examples=(
                        {
                            "including": [
                                {"fr": "nom", "en": "name"},
                                {"fr": "adresse e-mail", "en": "email address"},
                            ],
                        },
                    ),
                    items_title="Examples",
                    items_description="Data items the policy names.",
                    items_examples=([{"fr": "Envoi de la newsletter", "en": "Sending the newsletter"}],),
                ),
            ),
            MATERIAL,
            title="Data items",
            description=("The data items as the policy lists them ({including: [...]} when it gives examples)."),
            examples=(
                [
                    {"fr": "Adresse e-mail", "en": "Email address"},
                    {"fr": "Numéro de téléphone", "en": "Phone number"},
                ],
            ),
        ),
        Field(
            "sensitive",
            Node({"type": "boolean"}),
            MATERIAL,
            title="Sensitive data",
            description=(
                "Whether the category is a special category of data under GDPR Art. 9(1) (health, "
                "racial or ethnic origin, political opinions, religious beliefs, trade-union "
                "membership, genetic or biometric data, sex life or orientation). `false` for "
                "ordinary data."
            ),
            examples=(False,),
            required=True,
            label="label.sensitive",
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Note",
            description=(
                "What the policy adds about this category (mandatory fields, examples given only "
                '"such as"). A text per language ({fr: ..., en: ...}), plain: shown exactly as '
                "written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
    ),
    title="Category of personal data",
    description=(
        "One category of personal data (GDPR Art. 14(1)(d)), named by a common `code` (wording in "
        "the locale files; drives completeness and exports), by the policy's own `label`, or by "
        "both (the label is shown, the code classifies), with the items the policy lists "
        "(`{including: [...]}` when it gives them as examples)."
    ),
    examples=(
        {
            "id": "email",
            "code": "contact",
            "sensitive": False,
            "items": [{"fr": "Adresse e-mail", "en": "Email address"}],
        },
        {
            "id": "habits",
            "label": {"fr": "Habitudes de lecture", "en": "Reading habits"},
            "sensitive": False,
        },
    ),
    keywords={
        "anyOf": [
            Node({"required": ["code"]}),
            Node({"required": ["label"]}),
        ]
    },
)


DATA_SUBJECT = Record(
    fields=(
        Field(
            "id",
            ref("id"),
            EDITORIAL,
            title="Data subject id",
            description=(
                "Identifier that purposes cite in data_subjects, unique among data subjects, in lower_snake_case."
            ),
            examples=("customer", "visitor"),
            required=True,
        ),
        Field(
            "code",
            ref("id"),
            MATERIAL,
            title="Data subject code",
            description=(
                "Common code whose wording lives in the `data_subject` section of the locale files "
                "(customer, active_customer, inactive_customer, prospect, user, visitor, employee, "
                "job_applicant, newsletter_subscriber, partner, customer_employee). Give `code`, "
                "`label` or both (with both, the label is shown and the code classifies)."
            ),
            examples=("customer",),
            vocabulary="data_subject",
            label="label.subject_code",
        ),
        Field(
            "label",
            ref("text"),
            EDITORIAL,
            title="Data subject label",
            description=(
                "The group in the policy's own words, per language, when no common code fits. Give "
                "`code`, `label` or both (with both, the label is shown and the code classifies)."
            ),
            examples=({"fr": "Membres de la coopérative", "en": "Cooperative members"},),
        ),
        Field(
            "description",
            ref("text"),
            EDITORIAL,
            title="Description",
            description=(
                "Who belongs to this group, as the policy explains it. A text per language ({fr: "
                "..., en: ...}), plain: shown exactly as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
    ),
    title="Data subject group",
    description=(
        "A group of people whose data is processed (GDPR Art. 14(1)(d) for the categories "
        "concerned), named by a common `code` (wording in the locale files), by the policy's own "
        "`label`, or by both (the label is shown, the code classifies)."
    ),
    examples=(
        {"id": "subscriber", "code": "newsletter_subscriber"},
        {"id": "visitor", "label": {"fr": "Visiteurs", "en": "Visitors"}},
    ),
    keywords={
        "anyOf": [
            Node({"required": ["code"]}),
            Node({"required": ["label"]}),
        ]
    },
)


RETENTION_PERIOD = Record(
    fields=(
        Field(
            "kind",
            Node({"enum": codes(RetentionKind)}),
            MATERIAL,
            title="Kind of period",
            description=(
                "The form of the period: `fixed` (a duration: 13 months; needs `duration`), "
                "`from_event` (a duration counted from an event: 3 years from the last contact; "
                "needs `duration` and `event`), `until_event` (until an event: until "
                "unsubscription; needs `event`), `relationship` (for the duration of the "
                "contractual relationship, optionally `plus` a duration or `legal_period`), "
                "`legal_period` (the period the law requires; optional `reference` to the text "
                'that sets it: "the period set by Article L133-24 of the French Monetary and '
                'Financial Code"), `user_defined` (the user sets it), `criteria` (the criteria '
                "used to set it, as a `text`), `first_of` (whichever of several `periods` ends "
                'first), `then` (one period after another: "for the duration of the formality, '
                'then until the account is deleted"; needs `periods`), `one_of` (alternatives that '
                'are not whichever-first: "the duration of the transaction or of the '
                'subscription"; needs `periods`, optional `note`), `not_stated` (the policy gives '
                "no period; the completeness report lists it)."
            ),
            examples=("fixed", "from_event", "then", "not_stated"),
            required=True,
        ),
        Field(
            "archive",
            Node({"type": "boolean"}),
            MATERIAL,
            title="Archiving phase",
            description=(
                "`true` when the policy says the data is kept in archives with restricted access "
                'during this period ("archivage intermédiaire", kept only for legal claims or '
                'obligations), typically the second period of a `then`: the page reads "archivage '
                ': 5 à 10 ans" / "archived: 5 to 10 years". Allowed on every kind; leave it out '
                "when the policy does not speak of archiving."
            ),
            examples=(True,),
        ),
    ),
    title="Retention period",
    description=(
        "How long data is kept (GDPR Art. 13(2)(a): the period, or the criteria used to determine "
        "it), in the form the policy uses, chosen by `kind`; each kind allows only its own fields. "
        "See `kind` for the forms; `then`, `one_of` and `first_of` combine other periods, nested "
        "as deep as the policy needs."
    ),
    examples=(
        {"kind": "fixed", "duration": {"value": 13, "unit": "months"}},
        {"kind": "from_event", "duration": {"value": 3, "unit": "years"}, "event": "last_contact"},
        {"kind": "until_event", "event": "unsubscription"},
        {"kind": "relationship", "plus": {"value": 5, "unit": "years"}},
        {
            "kind": "criteria",
            "text": {"fr": "Durée de la procédure", "en": "Length of the procedure"},
        },
        {
            "kind": "first_of",
            "periods": [
                {"kind": "fixed", "duration": {"value": 2, "unit": "years"}},
                {"kind": "relationship"},
            ],
        },
        {"kind": "not_stated"},
        {
            "kind": "then",
            "periods": [
                {"kind": "relationship"},
                {"kind": "fixed", "duration": {"value": 5, "unit": "years"}},
            ],
        },
        {
            "kind": "then",
            "periods": [
                {"kind": "relationship"},
                {
                    "kind": "fixed",
                    "duration": {"value": 5, "to": 10, "unit": "years"},
                    "archive": True,
                },
            ],
        },
    ),
    keywords={
        "allOf": [
            Node(
                {
                    "if": Node({"properties": Node({"kind": Node({"const": "fixed"})})}),
                    "then": Node(
                        {
                            "additionalProperties": False,
                            "required": ["duration"],
                            "properties": Node(
                                {
                                    "kind": True,
                                    "duration": Node(
                                        {"$ref": "#/$defs/duration"},
                                        title="Duration",
                                        description=("For kind `fixed`: how long the data is kept."),
                                        examples=(
                                            {
                                                "value": 13,
                                                "unit": "months",
                                            },
                                        ),
                                    ),
                                    "archive": True,
                                }
                            ),
                        }
                    ),
                }
            ),
            Node(
                {
                    "if": Node({"properties": Node({"kind": Node({"const": "from_event"})})}),
                    "then": Node(
                        {
                            "additionalProperties": False,
                            "required": ["duration", "event"],
                            "properties": Node(
                                {
                                    "kind": True,
                                    "duration": Node(
                                        {"$ref": "#/$defs/duration"},
                                        title="Duration",
                                        description=(
                                            "For kind `from_event`: how long the data is kept after the event."
                                        ),
                                        examples=(
                                            {
                                                "value": 3,
                                                "unit": "years",
                                            },
                                        ),
                                    ),
                                    "event": Node(
                                        {"$ref": "#/$defs/event"},
                                        title="Starting event",
                                        description=(
                                            "For kind "
                                            "`from_event`: the "
                                            "event the duration "
                                            "counts from: a code "
                                            "(last_contact, "
                                            "end_of_contract, "
                                            "account_closure, "
                                            "last_login, "
                                            "collection, "
                                            "unsubscription, "
                                            "consent_withdrawal) "
                                            "or a text per "
                                            "language that "
                                            'completes "3 years '
                                            'from …" (French '
                                            "starting with its "
                                            "preposition)."
                                        ),
                                        examples=(
                                            "last_contact",
                                            {
                                                "fr": ("de la restitution des données"),
                                                "en": ("the return of the data"),
                                            },
                                        ),
                                    ),
                                    "archive": True,
                                }
                            ),
                        }
                    ),
                }
            ),
            Node(
                {
                    "if": Node({"properties": Node({"kind": Node({"const": "until_event"})})}),
                    "then": Node(
                        {
                            "additionalProperties": False,
                            "required": ["event"],
                            "properties": Node(
                                {
                                    "kind": True,
                                    "event": Node(
                                        {"$ref": "#/$defs/event"},
                                        title="Ending event",
                                        description=(
                                            "For kind "
                                            "`until_event`: the "
                                            "event that ends the "
                                            "retention: a code "
                                            "(unsubscription, "
                                            "account_closure, "
                                            "consent_withdrawal.."
                                            ".) or a text per "
                                            "language that is the "
                                            "whole phrase "
                                            '("jusqu\'à …" / '
                                            '"until …").'
                                        ),
                                        examples=(
                                            "unsubscription",
                                            {
                                                "fr": ("jusqu'à la clôture du dossier"),
                                                "en": ("until the file is closed"),
                                            },
                                        ),
                                    ),
                                    "archive": True,
                                }
                            ),
                        }
                    ),
                }
            ),
            Node(
                {
                    "if": Node({"properties": Node({"kind": Node({"const": "relationship"})})}),
                    "then": Node(
                        {
                            "additionalProperties": False,
                            "properties": Node(
                                {
                                    "kind": True,
                                    "plus": Node(
                                        {
                                            "anyOf": [
                                                ref("duration"),
                                                Node({"const": "legal_period"}),
                                            ]
                                        },
                                        title=("Extra period after the relationship"),
                                        description=(
                                            "For kind "
                                            "`relationship`: what "
                                            "is added after the "
                                            "end of the "
                                            "contractual "
                                            "relationship: a "
                                            'duration ("then 5 '
                                            'years"), or '
                                            '`legal_period` ("plus '
                                            "the legal limitation "
                                            "and archiving "
                                            'periods"). Leave it '
                                            "out when the policy "
                                            'says only "for the '
                                            "duration of the "
                                            'relationship".'
                                        ),
                                        examples=(
                                            {
                                                "value": 5,
                                                "unit": "years",
                                            },
                                            "legal_period",
                                        ),
                                    ),
                                    "archive": True,
                                }
                            ),
                        }
                    ),
                }
            ),
            Node(
                {
                    "if": Node({"properties": Node({"kind": Node({"const": "legal_period"})})}),
                    "then": Node(
                        {
                            "additionalProperties": False,
                            "properties": Node(
                                {
                                    "kind": True,
                                    "reference": Node(
                                        {"$ref": "#/$defs/text"},
                                        title="Legal reference",
                                        description=(
                                            "For kind "
                                            "`legal_period`: the "
                                            "legal text that sets "
                                            "the period, when the "
                                            "policy cites one "
                                            "instead of a "
                                            "duration, written so "
                                            "that it completes "
                                            '"pendant la durée '
                                            'prévue par …" / "for '
                                            'the period set by …" '
                                            "(French with its "
                                            "article: \"l'article "
                                            "L133-24 du Code "
                                            "monétaire et "
                                            'financier"). Without '
                                            "it the page reads "
                                            '"for the period '
                                            'required by law". A '
                                            "text per language "
                                            "({fr: ..., en: ...}), "
                                            "plain: shown exactly "
                                            "as written, never "
                                            "read as Markdown or "
                                            "HTML."
                                        ),
                                        examples=(
                                            {
                                                "fr": ("l'article L133-24 du Code monétaire et financier"),
                                                "en": ("Article L133-24 of the French Monetary and Financial Code"),
                                            },
                                        ),
                                    ),
                                    "duration": Node(
                                        {"$ref": "#/$defs/duration"},
                                        title="Stated length",
                                        description=(
                                            "For kind `legal_period`: the length the policy gives for the "
                                            'legal period ("legal retention of invoices: 10 years"), shown '
                                            "after it; left out when the policy gives none."
                                        ),
                                        examples=({"value": 10, "unit": "years"},),
                                    ),
                                    "archive": True,
                                }
                            ),
                        }
                    ),
                }
            ),
            Node(
                {
                    "if": Node({"properties": Node({"kind": Node({"enum": ["user_defined", "not_stated"]})})}),
                    "then": Node({"additionalProperties": False, "properties": Node({"kind": True, "archive": True})}),
                }
            ),
            Node(
                {
                    "if": Node({"properties": Node({"kind": Node({"const": "criteria"})})}),
                    "then": Node(
                        {
                            "additionalProperties": False,
                            "required": ["text"],
                            "properties": Node(
                                {
                                    "kind": True,
                                    "text": Node(
                                        {"$ref": "#/$defs/text"},
                                        title="Criteria",
                                        description=(
                                            "For kind `criteria`: "
                                            "the criteria used to "
                                            "determine the period, "
                                            "as the policy states "
                                            "them (GDPR Art. "
                                            "13(2)(a)). A text per "
                                            "language ({fr: ..., "
                                            "en: ...}), plain: "
                                            "shown exactly as "
                                            "written, never read "
                                            "as Markdown or HTML."
                                        ),
                                        examples=(
                                            {
                                                "fr": ("Durée de la procédure judiciaire"),
                                                "en": ("Length of the legal proceedings"),
                                            },
                                        ),
                                    ),
                                    "archive": True,
                                }
                            ),
                        }
                    ),
                }
            ),
            Node(
                {
                    "if": Node({"properties": Node({"kind": Node({"const": "first_of"})})}),
                    "then": Node(
                        {
                            "additionalProperties": False,
                            "required": ["periods"],
                            "properties": Node(
                                {
                                    "kind": True,
                                    "periods": Node(
                                        {"type": "array", "minItems": 2, "items": ref("retention_period")},
                                        title="Alternative periods",
                                        description=(
                                            "For kind `first_of`: "
                                            "two or more retention "
                                            "periods; the data is "
                                            "kept until the first "
                                            'of them ends ("2 '
                                            "years, or until the "
                                            "end of the contract "
                                            'if earlier"). Each is '
                                            "a retention period of "
                                            "any kind."
                                        ),
                                        examples=(
                                            [
                                                {
                                                    "kind": "fixed",
                                                    "duration": {
                                                        "value": 2,
                                                        "unit": "years",
                                                    },
                                                },
                                                {
                                                    "kind": ("relationship"),
                                                },
                                            ],
                                        ),
                                    ),
                                    "archive": True,
                                }
                            ),
                        }
                    ),
                }
            ),
            Node(
                {
                    "if": Node({"properties": Node({"kind": Node({"const": "then"})})}),
                    "then": Node(
                        {
                            "additionalProperties": False,
                            "required": ["periods"],
                            "properties": Node(
                                {
                                    "kind": True,
                                    "periods": Node(
                                        {"type": "array", "minItems": 2, "items": ref("retention_period")},
                                        title="Successive periods",
                                        description=(
                                            "Periods that follow "
                                            "one another, in "
                                            'order: "for the '
                                            "duration of the "
                                            "formality, then until "
                                            "the account is "
                                            'deleted". Each is any '
                                            "retention period (a "
                                            "named duration is "
                                            "{kind: criteria, "
                                            "text: ...} or {kind: "
                                            "until_event, event: "
                                            "...})."
                                        ),
                                        examples=(
                                            [
                                                {
                                                    "kind": "fixed",
                                                    "duration": {
                                                        "value": 3,
                                                        "unit": "years",
                                                    },
                                                },
                                                {
                                                    "kind": ("legal_period"),
                                                },
                                            ],
                                        ),
                                    ),
                                    "archive": True,
                                }
                            ),
                        }
                    ),
                }
            ),
            Node(
                {
                    "if": Node({"properties": Node({"kind": Node({"const": "one_of"})})}),
                    "then": Node(
                        {
                            "additionalProperties": False,
                            "required": ["periods"],
                            "properties": Node(
                                {
                                    "kind": True,
                                    "periods": Node(
                                        {"type": "array", "minItems": 2, "items": ref("retention_period")},
                                        title="Alternative periods",
                                        description=(
                                            "Periods of which one "
                                            "applies depending on "
                                            'the case ("the '
                                            "duration of the "
                                            "transaction or of the "
                                            'subscription"); not '
                                            '"whichever comes '
                                            'first", which is '
                                            "first_of."
                                        ),
                                        examples=(
                                            [
                                                {
                                                    "kind": "fixed",
                                                    "duration": {
                                                        "value": 3,
                                                        "unit": "years",
                                                    },
                                                },
                                                {
                                                    "kind": ("until_event"),
                                                    "event": ("account_closure"),
                                                },
                                            ],
                                        ),
                                    ),
                                    "note": Node(
                                        {"$ref": "#/$defs/text"},
                                        title="What decides",
                                        description=(
                                            "What decides which alternative applies, where the policy says so."
                                        ),
                                        examples=(
                                            {
                                                "fr": ("Envoi de la newsletter"),
                                                "en": ("Sending the newsletter"),
                                            },
                                        ),
                                    ),
                                    "archive": True,
                                }
                            ),
                        }
                    ),
                }
            ),
        ]
    },
    closed=False,
)


RETENTION_RULE = Record(
    fields=(
        Field(
            "id",
            ref("id"),
            EDITORIAL,
            title="Rule id",
            description=(
                "Identifier that purposes cite in `retention`, unique among retention rules, in lower_snake_case."
            ),
            examples=("logs", "inactive_customers"),
            required=True,
        ),
        Field(
            "applies_to",
            ref("text"),
            EDITORIAL,
            title="Applies to",
            description=(
                'Which data or people the rule covers, as the policy says ("prospects\' data", '
                '"invoices"). A text per language ({fr: ..., en: ...}), plain: shown exactly as '
                "written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Données des prospects", "en": "Prospects' data"},),
            required=True,
        ),
        Field(
            "period",
            ref("retention_period"),
            MATERIAL,
            title="Period",
            description=(
                "How long that data is kept; `{kind: not_stated}` when the policy names the data but gives no period."
            ),
            examples=(
                {
                    "kind": "from_event",
                    "duration": {"value": 3, "unit": "years"},
                    "event": "last_contact",
                },
            ),
            required=True,
            rules=("retention_rule_period",),
        ),
        Field(
            "general",
            Node({"type": "boolean"}),
            EDITORIAL,
            title="General rule",
            description=(
                '`true` for the rule the policy gives for most data, not tied to one purpose ("La '
                'plupart des données … sont conservées …"): printed first, under "Règle générale" '
                '/ "General rule". At most one rule is general (a validation rule checks it); '
                "purposes may still cite it in `retention`. Leave it out for the other rules."
            ),
            examples=(True,),
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Note",
            description=(
                "What the policy adds (what happens after the period: deletion, anonymisation, "
                "archiving), or why the period was read this way. A text per language ({fr: ..., "
                "en: ...}), plain: shown exactly as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
    ),
    title="Retention rule",
    description=(
        "A retention period and the data or people it covers, with an id that purposes cite in "
        "`retention` (GDPR Art. 13(2)(a))."
    ),
    examples=(
        {
            "id": "logs",
            "applies_to": {"fr": "Journaux de connexion", "en": "Connection logs"},
            "period": {"kind": "fixed", "duration": {"value": 1, "unit": "years"}},
        },
    ),
)


RECIPIENT = Record(
    fields=(
        Field(
            "id",
            ref("id"),
            EDITORIAL,
            title="Recipient id",
            description=("Identifier that purposes and transfers cite, unique among recipients, in lower_snake_case."),
            examples=("mailer", "internal"),
            required=True,
        ),
        Field(
            "kind",
            Node({"enum": codes(RecipientKind)}),
            MATERIAL,
            title="Kind of recipient",
            description=(
                "`internal` (departments or staff of the company), `processor` (acts on the "
                "company's behalf, GDPR Art. 28), `sub_processor` (a processor's processor, Art. "
                "28(2)-(4)), `group_company` (companies of the same group of undertakings, GDPR "
                "Art. 4(19) and recital 48: separate legal entities, not internal departments), "
                "`partner` (a third party that receives data for its own purposes), `authority` "
                "(public authorities, courts, police), `social_network`, or `other`."
            ),
            examples=("processor",),
            required=True,
            label="label.recipient_kind",
            vocabulary="recipient_kind",
        ),
        Field(
            "name",
            any_of(
                Node({"type": "string", "minLength": 1, "not": Node({"const": "not_stated"})}),
                ref("text"),
                ref("not_stated"),
            ),
            MATERIAL,
            title="Recipient name",
            description=(
                'A proper name as one string ("Mailer Ltd"), or a described group as a text per '
                'language ("our logistics partners"), or `not_stated` when the policy mentions a '
                "recipient without naming it (the completeness report lists it)."
            ),
            examples=(
                "Mailer Ltd",
                {"fr": "Nos partenaires logistiques", "en": "Our logistics partners"},
                "not_stated",
            ),
            required=True,
            rules=("recipient_named",),
            label="label.recipient_name",
        ),
        Field(
            "service",
            ref("text"),
            MATERIAL,
            title="Service provided",
            description=(
                "What the recipient does with the data or for the company (hosting, emailing, "
                "payment). A text per language ({fr: ..., en: ...}), plain: shown exactly as "
                "written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Hébergement", "en": "Hosting"},),
            label="label.service",
        ),
        Field(
            "location",
            any_of(ref("country"), ref("not_stated")),
            MATERIAL,
            title="Location",
            description=(
                "Where the recipient is established or processes the data: a country or region "
                'code, or `not_stated` when the policy is silent on it (the page prints "Not '
                'stated in the policy"). Leave it out when the question does not arise (internal '
                "departments). A location outside the EU does not by itself record a transfer: see "
                "transfers."
            ),
            examples=("IE", "US", "not_stated"),
            label="label.location",
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Note",
            description=(
                "What the policy adds about this recipient (contract, certification, how the list "
                "was read). A text per language ({fr: ..., en: ...}), plain: shown exactly as "
                "written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
        Field(
            "registration",
            ref("recipient_registration"),
            EDITORIAL,
            title="Registration",
            description=(
                "The recipient's registration number as the policy gives it (\"FNAC DIRECT n° "
                'siren 377 853 536"): the register as the policy names it (SIREN, RCS Paris, '
                'Companies House) and the number as written. Printed after the name: "FNAC DIRECT '
                '(SIREN 377 853 536)".'
            ),
            examples=({"register": "SIREN", "number": "377 853 536"},),
        ),
        Field(
            "examples",
            Node(
                {
                    "type": "array",
                    "minItems": 1,
                    "items": any_of(
                        Node({"type": "string", "minLength": 1, "not": Node({"const": "not_stated"})}),
                        ref("text"),
                    ),
                }
            ),
            EDITORIAL,
            title="Examples given in the policy",
            description=(
                'Names the policy gives as examples of this recipient category ("photo partners '
                '(e.g. CEWE, Colorado)"), each a plain string, or a text per language when it is '
                'words rather than a name. Printed after the name: "(for example: CEWE, '
                'Colorado)". The category stays the recipient; the examples do not make the list '
                "exhaustive."
            ),
            examples=(["CEWE", "Colorado"],),
        ),
        Field(
            "shared",
            Node({"type": "boolean"}),
            MATERIAL,
            title="Shared by every purpose",
            description=(
                "true when the policy says data may go to this recipient for every purpose "
                '("transmitted to our service providers for the purposes mentioned above"). A '
                "purpose that lists its own recipients shows them followed by the shared ones; a "
                "purpose whose recipients are `not_stated` shows the shared ones and gets no "
                "completeness warning. A purpose with `recipients: none` contradicts it (an "
                "error). Leave it out otherwise. `recipients: all` on a purpose still means every "
                "recipient of the list."
            ),
            examples=(True,),
        ),
        Field(
            "condition",
            ref("text"),
            MATERIAL,
            title="Condition",
            description=(
                "When the policy says data goes to this recipient only in some case, that case in the "
                'policy\'s words, starting as a reader finishes "only ..." ("if you use our service '
                'through a partner account", "in the event of a traffic offence"): shown after its name. '
                "A text per language ({fr: ..., en: ...}), plain. Leave it out when the policy states no "
                "condition."
            ),
            examples=(
                {
                    "fr": "si vous utilisez notre service via un compte partenaire",
                    "en": "if you use our service through a partner account",
                },
            ),
            label="label.condition",
        ),
    ),
    title="Recipient",
    description=(
        "A recipient or category of recipients of personal data (GDPR Art. 4(9), 13(1)(e)), with "
        "an id that purposes cite in `recipients` and transfers cite in `recipient`."
    ),
    examples=(
        {"id": "mailer", "kind": "processor", "name": "Mailer Ltd", "location": "IE"},
        {
            "id": "partners",
            "kind": "partner",
            "name": {"fr": "Nos partenaires", "en": "Our partners"},
        },
    ),
)


RECIPIENT_REGISTRATION = Record(
    fields=(
        Field(
            "register",
            Node({"type": "string", "minLength": 1}),
            MATERIAL,
            title="Register",
            description=(
                "The register or kind of number as the policy names it (SIREN, RCS Créteil, VAT), "
                "printed as written before the number."
            ),
            examples=("SIREN", "RCS Créteil"),
            required=True,
        ),
        Field(
            "number",
            Node({"type": "string", "minLength": 1}),
            MATERIAL,
            title="Number",
            description="The number as the policy writes it (a string: spaces and leading zeros are kept).",
            examples=("377 853 536", "055 800 296"),
            required=True,
        ),
    ),
    title="Recipient registration",
    description=(
        "A recipient's entry in a companies register: the register as the policy names it and the "
        "number as the policy writes it, both plain strings."
    ),
    examples=({"register": "SIREN", "number": "377 853 536"},),
)


TRANSFERS = Node(
    {
        "anyOf": [
            ref("not_stated"),
            Record(
                fields=(
                    Field(
                        "outside_eu",
                        Node({"const": False}),
                        MATERIAL,
                        title="Outside the EU",
                        description=(
                            "`false`: the policy states that no personal data leaves the European "
                            "Union (or the EEA). Silence is `transfers: not_stated`, not false."
                        ),
                        examples=(False,),
                        required=True,
                    ),
                    Field(
                        "statement",
                        ref("text"),
                        MATERIAL,
                        title="Statement",
                        description=(
                            "The policy's own sentence about keeping data in the EU, shown as written. "
                            "A text per language ({fr: ..., en: ...}), plain: shown exactly as "
                            "written, never read as Markdown or HTML."
                        ),
                        examples=(
                            {
                                "fr": "Vos données sont hébergées en France.",
                                "en": "Your data is hosted in France.",
                            },
                        ),
                        label="label.transfer_statement",
                    ),
                ),
            ),
            Record(
                fields=(
                    Field(
                        "outside_eu",
                        Node({"const": True}),
                        MATERIAL,
                        title="Outside the EU",
                        description=(
                            "`true`: the policy states that personal data is transferred outside the "
                            "European Union; list each transfer in `items`."
                        ),
                        examples=(True,),
                        required=True,
                    ),
                    Field(
                        "statement",
                        ref("text"),
                        MATERIAL,
                        title="Statement",
                        description=(
                            "The policy's general sentence about its transfers, shown before the list. "
                            "A text per language ({fr: ..., en: ...}), plain: shown exactly as "
                            "written, never read as Markdown or HTML."
                        ),
                        examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
                        label="label.transfer_statement",
                    ),
                    Field(
                        "items",
                        ref("transfer_items"),
                        MATERIAL,
                        title="Transfers",
                        description=(
                            "Each transfer the policy describes: destination, recipient, safeguards. "
                            "At least one. A list, or {including: [...]} when the policy gives them as "
                            "examples."
                        ),
                        examples=(
                            [
                                {
                                    "id": "hosting_us",
                                    "destination": ["US"],
                                    "recipient": "host",
                                    "safeguards": ["scc"],
                                },
                            ],
                        ),
                        required=True,
                    ),
                ),
            ),
            Record(
                fields=(
                    Field(
                        "outside_eu",
                        Node({"const": "possible"}),
                        MATERIAL,
                        title="Outside the EU",
                        description=(
                            "`possible`: the policy describes transfers outside the EU only as a "
                            'possibility or under a condition ("where data is transferred outside the '
                            'EU..."), not as taking place; `statement` quotes it.'
                        ),
                        examples=("possible",),
                        required=True,
                    ),
                    Field(
                        "statement",
                        ref("text"),
                        MATERIAL,
                        title="Statement",
                        description=(
                            "The policy's sentence that describes the possible or conditional "
                            "transfers (required in this form). A text per language ({fr: ..., en: "
                            "...}), plain: shown exactly as written, never read as Markdown or HTML."
                        ),
                        examples=(
                            {
                                "fr": (
                                    "Lorsque des données sont transférées hors de l'UE, ces transferts "
                                    "sont encadrés par des clauses contractuelles types."
                                ),
                                "en": (
                                    "Where data is transferred outside the EU, such transfers are "
                                    "covered by standard contractual clauses."
                                ),
                            },
                        ),
                        required=True,
                        label="label.transfer_statement",
                    ),
                    Field(
                        "items",
                        ref("transfer_items"),
                        MATERIAL,
                        title="Possible transfers",
                        description=(
                            "The transfers the policy names as possible, when it names any "
                            "(destination, recipient, safeguards). A list, or {including: [...]} when "
                            "the policy gives them as examples."
                        ),
                        examples=(
                            [
                                {
                                    "id": "repair_na",
                                    "destination": ["north_america"],
                                    "safeguards": "not_stated",
                                },
                            ],
                        ),
                    ),
                ),
            ),
        ]
    },
    title="Transfers outside the EU",
    description=(
        "Transfers of personal data to a third country or an international "
        "organisation (GDPR Art. 13(1)(f), 44-49), in one of four forms: `not_stated` "
        "(the policy is silent; the completeness report lists it); `{outside_eu: "
        "false}` (the policy says there are none; the page says so); `{outside_eu: "
        "true, items: [...]}` (transfers take place); `{outside_eu: possible, "
        "statement: ...}` (the policy describes them only as a possibility or under a "
        'condition, "where data is transferred..."), with items when it names them.'
    ),
    examples=(
        "not_stated",
        {"outside_eu": False},
        {
            "outside_eu": True,
            "items": [{"id": "hosting_us", "destination": ["US"], "safeguards": ["scc"]}],
        },
    ),
)


TRANSFER = Record(
    fields=(
        Field(
            "id",
            ref("id"),
            EDITORIAL,
            title="Transfer id",
            description="Identifier of the transfer, unique among transfers, in lower_snake_case.",
            examples=("hosting_us",),
            required=True,
        ),
        Field(
            "destination",
            any_of(
                Node({"type": "array", "minItems": 1, "items": ref("country")}),
                including(
                    Node({"type": "array", "minItems": 1, "items": ref("country")}),
                    title="Non-exhaustive list",
                    description='Countries or regions the policy gives as examples ("such as", '
                    '"including", "notamment"): shown as "including ..." / "notamment ...".',
                    examples=({"including": ["US", "CA"]},),
                    items_title="Examples",
                    items_description="Countries or regions the policy names.",
                    items_examples=(["FR"],),
                ),
                ref("not_stated"),
            ),
            MATERIAL,
            title="Destination",
            description=(
                "The countries or regions the data goes to, as codes (any ISO 3166-1 alpha-2 code, "
                "named on the page from pycountry, or a region code such as EU, EEA, north_america "
                "or worldwide; outside_eea when the policy says only that the data leaves the EEA, "
                "without naming a country), written `{including: [...]}` when the policy gives them as "
                'examples ("such as", "notamment"), or `not_stated` when the policy is silent on '
                'it (the page prints "Not stated in the policy" and the completeness report lists '
                "it, GDPR Art. 13(1)(f))."
            ),
            examples=(["US"], ["US", "CA"], {"including": ["MA", "MG"]}, "not_stated"),
            required=True,
            rules=("transfer_destination",),
        ),
        Field(
            "recipient",
            ref("id"),
            MATERIAL,
            title="Recipient",
            description=(
                "Id of the recipient (from the top-level recipients list) that receives the data "
                "abroad, when the policy says which; an unknown id is an error."
            ),
            examples=("host",),
        ),
        Field(
            "description",
            ref("text"),
            EDITORIAL,
            title="Description",
            description=(
                "What is transferred and why, as the policy says. A text per language ({fr: ..., "
                "en: ...}), plain: shown exactly as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Hébergement des sauvegardes", "en": "Hosting of backups"},),
        ),
        Field(
            "safeguards",
            any_of(
                Node(
                    {
                        "type": "array",
                        "items": any_of(
                            Node(
                                {
                                    "enum": [
                                        "adequacy",
                                        "scc",
                                        "bcr",
                                        "derogation",
                                        "code_of_conduct",
                                        "certification",
                                        "legally_binding_instrument",
                                        "ad_hoc_clauses",
                                        "administrative_arrangement",
                                    ]
                                }
                            ),
                            ref("other_safeguard"),
                        ),
                    }
                ),
                Record(
                    fields=(
                        Field(
                            "one_of",
                            Node(
                                {
                                    "type": "array",
                                    "items": any_of(
                                        Node(
                                            {
                                                "enum": [
                                                    "adequacy",
                                                    "scc",
                                                    "bcr",
                                                    "derogation",
                                                    "code_of_conduct",
                                                    "certification",
                                                    "legally_binding_instrument",
                                                    "ad_hoc_clauses",
                                                    "administrative_arrangement",
                                                ]
                                            }
                                        ),
                                        ref("other_safeguard"),
                                    ),
                                    "minItems": 2,
                                }
                            ),
                            MATERIAL,
                            title="Alternative instruments",
                            description=(
                                'Instruments the policy gives as alternatives ("standard '
                                'contractual clauses or adequacy decisions"): the transfer relies '
                                "on one of them, not all."
                            ),
                            examples=(["scc", "adequacy"],),
                            required=True,
                        ),
                    ),
                    title="Safeguards given as alternatives",
                    description=(
                        'Instruments the policy gives as alternatives ("... or ..."), not all relied on at once.'
                    ),
                ),
                ref("not_stated"),
            ),
            MATERIAL,
            title="Transfer safeguards",
            description=(
                "The instruments the transfer relies on (GDPR Art. 45-49): adequacy (Art. 45), scc "
                "(standard contractual clauses, Art. 46(2)(c)/(d)), bcr (binding corporate rules, "
                "Art. 46(2)(b), 47), code_of_conduct (Art. 46(2)(e)), certification (Art. "
                "46(2)(f)), legally_binding_instrument (between public authorities, Art. "
                "46(2)(a)), ad_hoc_clauses (authorised by the supervisory authority, Art. "
                "46(3)(a)), administrative_arrangement (Art. 46(3)(b)), derogation (Art. 49), or "
                "{other: {fr: ..., en: ...}} for another appropriate instrument in the policy's "
                "words; not_stated when the policy names none. Give `{one_of: [...]}` when the "
                'policy names them as alternatives ("... or ..."): pages then join them with "or".'
            ),
            examples=(["scc"], ["adequacy", "scc"], {"one_of": ["scc", "adequacy"]}, "not_stated"),
            required=True,
            rules=("transfer_safeguards",),
        ),
        Field(
            "copy_available",
            ref("text"),
            MATERIAL,
            title="How to obtain a copy",
            description=(
                "How to obtain a copy of the safeguards or where they are available (GDPR Art. "
                "13(1)(f)). Left out, it is reported as not stated by the completeness report. A "
                "text per language ({fr: ..., en: ...}), plain: shown exactly as written, never "
                "read as Markdown or HTML."
            ),
            examples=({"fr": "Sur demande au DPO.", "en": "On request to the DPO."},),
            rules=("transfer_copy",),
            label="label.copy_available",
        ),
        Field(
            "purposes",
            Node({"type": "array", "minItems": 1, "items": ref("id")}),
            MATERIAL,
            title="Purposes of the transfer",
            description=("Ids of the purposes (under purposes) the data is transferred for, when the policy says so."),
            examples=(["hosting", "support"],),
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Reading note",
            description=(
                "How this transfer was read from the policy, where the reading is an "
                "interpretation rather than the policy's words (countries attached to one activity "
                'of a list, a recipient inferred); printed after it as "Reading of the policy". A '
                "text per language ({fr: ..., en: ...}), plain: shown exactly as written, never "
                "read as Markdown or HTML."
            ),
            examples=(
                {
                    "fr": "Pays rattachés au service client par lecture de la liste de la politique.",
                    "en": "Countries attached to customer service by reading the policy's list.",
                },
            ),
        ),
    ),
    title="Transfer",
    description=(
        "One transfer to a third country (GDPR Art. 13(1)(f)): where to, to whom, for which "
        "purposes (`purposes`: ids of the purposes it serves, when the policy says), on which "
        "safeguards (Art. 45, 46, 47 or 49), and how to obtain a copy of them."
    ),
    examples=(
        {
            "id": "hosting_us",
            "destination": ["US"],
            "recipient": "host",
            "safeguards": ["scc"],
            "copy_available": {"fr": "Sur demande au DPO.", "en": "On request to the DPO."},
        },
    ),
)


OTHER_SAFEGUARD = Record(
    fields=(
        Field(
            "other",
            ref("text"),
            MATERIAL,
            title="The instrument",
            description="The instrument as the policy names it, per language.",
            examples=(
                {
                    "fr": "Chiffrement de bout en bout des données transférées",
                    "en": "End-to-end encryption of the data transferred",
                },
            ),
            required=True,
        ),
    ),
    title="Other appropriate safeguard",
    description="An instrument the policy names that is none of the coded ones (GDPR Art. 46(1)).",
)


RIGHT = Record(
    fields=(
        Field(
            "code",
            Node({"enum": codes(RightCode)}),
            MATERIAL,
            title="Right",
            description=(
                "The right, as a code: `access` (GDPR Art. 15), `rectification` (Art. 16), "
                "`erasure` (Art. 17), `restriction` (Art. 18), `objection` (Art. 21), "
                "`portability` (Art. 20), `withdraw_consent` (Art. 7(3)), `post_mortem` "
                "(directives after death, Art. 85 of the French Loi Informatique et Libertés), "
                "`complaint` (to a supervisory authority, Art. 77), `human_intervention` (to "
                "obtain human intervention, Art. 22(3)), `express_point_of_view` (to express one's "
                "point of view on an automated decision, Art. 22(3)), `contest_decision` (to "
                "contest an automated decision, Art. 22(3)). Each code at most once."
            ),
            examples=("access",),
            required=True,
        ),
        Field(
            "how",
            ref("text"),
            MATERIAL,
            title="How to exercise it",
            description=(
                "A way to exercise this right besides the rights contact (unsubscribe link, "
                "account settings, cookie banner...). A text per language ({fr: ..., en: ...}), "
                "plain: shown exactly as written, never read as Markdown or HTML."
            ),
            examples=(
                {
                    "fr": "Lien de désinscription en bas de chaque e-mail.",
                    "en": "Unsubscribe link at the bottom of each email.",
                },
            ),
            label="label.right_exercise",
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Note",
            description=(
                "What the policy adds about this right (conditions, limits, free of charge). A "
                "text per language ({fr: ..., en: ...}), plain: shown exactly as written, never "
                "read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
        Field(
            "contact",
            any_of(ref("contact_point"), ref("not_stated")),
            MATERIAL,
            title="Where to exercise this right",
            description=(
                "A contact point of its own, when the policy gives a different address for this "
                'right than rights.contact ("you can express your point of view by writing to '
                'fraud@example.com"): same shape as rights.contact. The rights page then shows '
                "this address for the right, with a ready-to-use email link, instead of the "
                "general one. It gives at least an email, a postal address, a phone or a web form; "
                "not for `complaint`, which goes to the supervisory authority. `not_stated` when "
                "the policy gives no address for this right, only `how` (the rights contact is "
                "then not offered for it)."
            ),
            examples=({"email": "fraud-review@example.com"},),
        ),
    ),
    title="Right",
    description=(
        "One right the policy offers, by code, with an optional way to exercise it, its own "
        "contact point when the policy gives one for it, and a note."
    ),
    examples=(
        {"code": "access"},
        {
            "code": "withdraw_consent",
            "how": {"fr": "Lien de désinscription.", "en": "Unsubscribe link."},
        },
        {"code": "express_point_of_view", "contact": {"email": "fraud-review@example.com"}},
    ),
)


RIGHTS = Record(
    fields=(
        Field(
            "offered",
            Node({"type": "array", "items": ref("right")}),
            MATERIAL,
            title="Rights offered",
            description=(
                "The rights the policy mentions, each code once. The completeness report warns for "
                "each of access, rectification, erasure, restriction, objection and portability "
                "left out (GDPR Art. 13(2)(b))."
            ),
            examples=([{"code": "access"}, {"code": "erasure"}],),
            required=True,
            rules=("article_rights", "complaint"),
        ),
        Field(
            "contact",
            ref("contact_point"),
            MATERIAL,
            title="Where to exercise rights",
            description=(
                "Where to send a request to exercise a right (GDPR Art. 12(2)): email, postal "
                "address, web form. The rights page builds ready-to-use email links from it."
            ),
            examples=({"email": "rights@example.com"},),
            required=True,
            rules=("rights_channel", "rights_email"),
        ),
        Field(
            "response_delay",
            any_of(ref("duration"), ref("text"), ref("not_stated")),
            MATERIAL,
            title="Response time",
            description=(
                "How long the company takes to answer a request, as the policy says (GDPR Art. "
                "12(3): one month, extendable by two): a duration, a text per language when it is "
                "not a plain duration, or `not_stated` when the policy is silent on it (the page "
                'prints "Not stated in the policy" and the completeness report lists it, GDPR Art. '
                "12(3))."
            ),
            examples=(
                {"value": 1, "unit": "months"},
                {"fr": "Un mois, prolongeable de deux mois", "en": "One month, extendable by two"},
                "not_stated",
            ),
            required=True,
            rules=("response_delay",),
            label="label.response_delay",
        ),
        Field(
            "identity_verification",
            ref("text_or_not_stated"),
            MATERIAL,
            title="Proof of identity",
            description=(
                "What the policy says about proving one's identity with a request (GDPR Art. "
                '12(6)), or `not_stated` when the policy is silent on it (the page prints "Not '
                'stated in the policy").'
            ),
            examples=(
                {
                    "fr": "Une pièce d'identité peut être demandée.",
                    "en": "Proof of identity may be requested.",
                },
                "not_stated",
            ),
            required=True,
            label="label.identity_verification",
        ),
        Field(
            "request_content",
            ref("text"),
            MATERIAL,
            title="What a request must contain",
            description=(
                "What a request must contain according to the policy (name, address, the right "
                "exercised...). A text per language ({fr: ..., en: ...}), plain: shown exactly as "
                "written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
            label="label.request_content",
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Note",
            description=(
                "What the policy adds about exercising rights in general. A text per language "
                "({fr: ..., en: ...}), plain: shown exactly as written, never read as Markdown or "
                "HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
        Field(
            "not_stated",
            Node(
                {
                    "type": "array",
                    "items": Node({"enum": codes(RightCode)}),
                }
            ),
            MATERIAL,
            title="Rights not mentioned",
            description=(
                'Rights the policy does not mention, recorded explicitly by code (shown as "Rights '
                'the policy does not mention"). A code is either here or in `offered`, not both; '
                "withdraw_consent must be in one of them when consent is a legal basis (GDPR Art. "
                "13(2)(c))."
            ),
            examples=(["portability", "withdraw_consent"],),
            rules=("withdraw_consent",),
        ),
        Field(
            "via_controller",
            Record(
                fields=(
                    Field(
                        "controller",
                        ref("text"),
                        MATERIAL,
                        title="Controller",
                        description="The controller the rights are exercised with, as the policy names it.",
                        examples=({"fr": "le Client", "en": "the Customer"},),
                        required=True,
                    ),
                    Field(
                        "forwarded",
                        Node({"type": "boolean"}),
                        MATERIAL,
                        title="Forwarded",
                        description=(
                            "`true` when the policy says requests received by the company are "
                            "forwarded to the controller."
                        ),
                        examples=(True,),
                    ),
                    Field(
                        "note",
                        ref("text"),
                        EDITORIAL,
                        title="Note",
                        description="How this was read, where the reading is an interpretation.",
                        examples=({"fr": "Lecture de la politique.", "en": "A reading of the policy."},),
                    ),
                ),
            ),
            MATERIAL,
            title="Rights exercised with the controller",
            description=(
                "For a processor: the policy says people exercise their rights with the controller "
                '(GDPR Art. 28(3)(e)), named in `controller` ({fr: "le Client", en: "the '
                'Customer"}); `forwarded: true` when it says requests sent to the company are '
                "passed on to it."
            ),
            examples=({"controller": {"fr": "le Client", "en": "the Customer"}, "forwarded": True},),
            rules=("rights_channel",),
        ),
    ),
    title="Data subject rights",
    description=(
        "The rights the policy offers and how to exercise them (GDPR Art. 12-22; Art. "
        "13(2)(b)-(d)). A right the policy does not mention is listed in `not_stated`, never in "
        "`offered`."
    ),
)


COOKIE = Record(
    fields=(
        Field(
            "name",
            any_of(
                Node({"type": "string", "minLength": 1, "not": Node({"const": "not_stated"})}),
                ref("text"),
                ref("not_stated"),
            ),
            MATERIAL,
            title="Cookie name",
            description=(
                'The technical name as one string ("_ga"), a described tracker as a text per '
                'language ("audience measurement cookie"), or `not_stated` when the policy is '
                'silent on it (the page prints "Not stated in the policy").'
            ),
            examples=(
                "_ga",
                {"fr": "Cookie de mesure d'audience", "en": "Audience measurement cookie"},
                "not_stated",
            ),
            required=True,
        ),
        Field(
            "provider",
            any_of(
                Node({"type": "string", "minLength": 1, "not": Node({"const": "not_stated"})}),
                ref("not_stated"),
            ),
            MATERIAL,
            title="Set by",
            description=(
                "Who sets or reads the cookie (the company itself or a third party), as one "
                'string, or `not_stated` when the policy is silent on it (the page prints "Not '
                'stated in the policy").'
            ),
            examples=("Google", "not_stated"),
            required=True,
            label="label.cookie_provider",
        ),
        Field(
            "purpose",
            Node({"enum": [*codes(CookiePurpose), "not_stated"]}),
            MATERIAL,
            title="Purpose",
            description=(
                "The cookie's purpose, as a code: `strictly_necessary` (exempt from consent), "
                "`audience_measurement`, `performance`, `preferences`, `advertising`, "
                "`social_media`, `security`, `consent_record` (stores the visitor's choices), or "
                "`not_stated`."
            ),
            examples=("audience_measurement",),
            required=True,
            label="label.cookie_purpose",
            vocabulary="cookie_purpose",
        ),
        Field(
            "lifetime",
            any_of(ref("duration"), ref("text"), ref("not_stated")),
            MATERIAL,
            title="Lifetime",
            description=(
                "How long the cookie is kept: a duration, a text per language when the policy "
                'words it otherwise ("session"), or `not_stated` when the policy is silent on it '
                '(the page prints "Not stated in the policy").'
            ),
            examples=(
                {"value": 13, "unit": "months"},
                {"fr": "Durée de la session", "en": "Session"},
                "not_stated",
            ),
            required=True,
        ),
        Field(
            "consent_required",
            any_of(Node({"type": "boolean"}), ref("not_stated")),
            MATERIAL,
            title="Consent required",
            description=(
                "Whether the policy says the cookie is set only with the visitor's consent "
                "(ePrivacy Directive Art. 5(3); Art. 82 of the French Loi Informatique et "
                "Libertés): true, false (exempt), or `not_stated` when the policy is silent on it "
                '(the page prints "Not stated in the policy").'
            ),
            examples=(True, False, "not_stated"),
            required=True,
            label="label.cookie_consent",
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Note",
            description=(
                "What the policy adds about this cookie. A text per language ({fr: ..., en: ...}), "
                "plain: shown exactly as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
    ),
    title="Cookie or tracker",
    description=(
        "One cookie or tracker as the policy's table or text lists it: name, who sets it, purpose, "
        "lifetime and whether consent is asked."
    ),
    examples=(
        {
            "name": "_ga",
            "provider": "Google",
            "purpose": "audience_measurement",
            "lifetime": {"value": 13, "unit": "months"},
            "consent_required": True,
        },
    ),
)


COOKIES = Record(
    fields=(
        Field(
            "used",
            any_of(Node({"type": "boolean"}), ref("not_stated")),
            MATERIAL,
            title="Cookies used",
            description=(
                "`true` when the policy says cookies or trackers are used; `false` when it says "
                "none are (the page says so); `not_stated` when it is silent."
            ),
            examples=(True, False, "not_stated"),
            required=True,
            label="label.cookies_used",
        ),
        Field(
            "statement",
            ref("text"),
            EDITORIAL,
            title="Statement",
            description=(
                "The policy's general text about cookies, shown before the list. A text per "
                "language ({fr: ..., en: ...}), plain: shown exactly as written, never read as "
                "Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
        Field(
            "items",
            Node({"type": "array", "items": ref("cookie")}),
            MATERIAL,
            title="Cookies",
            description="Each cookie or tracker the policy lists, in its order.",
            examples=(
                [
                    {
                        "name": "session_id",
                        "provider": "Example",
                        "purpose": "strictly_necessary",
                        "lifetime": {"value": 1, "unit": "days"},
                        "consent_required": False,
                    },
                ],
            ),
        ),
        Field(
            "management",
            ref("text"),
            MATERIAL,
            title="Managing choices",
            description=(
                "How a visitor accepts, refuses or withdraws consent (banner, settings link, "
                "browser settings). A text per language ({fr: ..., en: ...}), plain: shown exactly "
                "as written, never read as Markdown or HTML."
            ),
            examples=(
                {
                    "fr": "Via le lien « Gérer les cookies » en bas de page.",
                    "en": 'Through the "Manage cookies" link in the footer.',
                },
            ),
            label="label.cookie_management",
        ),
        Field(
            "consent_lifetime",
            any_of(ref("duration"), ref("not_stated")),
            MATERIAL,
            title="How long choices are kept",
            description=(
                "How long the visitor's consent or refusal is remembered (the CNIL recommends 6 to "
                "13 months): a duration, or `not_stated` when the policy is silent on it (the page "
                'prints "Not stated in the policy").'
            ),
            examples=({"value": 6, "unit": "months"}, "not_stated"),
            label="label.consent_lifetime",
        ),
        Field(
            "partners",
            ref("cookie_partners"),
            MATERIAL,
            title="Cookie partners",
            description="Cookies the policy gives only as a list of partner names (may stand beside items).",
            examples=(
                {
                    "names": ["Google", "Meta", "Criteo"],
                    "purposes": ["audience_measurement", "advertising"],
                    "lifetime": {"value": 13, "unit": "months"},
                    "consent_required": "not_stated",
                },
            ),
        ),
    ),
    title="Cookies and trackers",
    description=(
        "Whether the site uses cookies or similar trackers, the list of them (`items`, one per "
        "cookie) and/or the partners that set them (`partners`, when the policy names partners "
        "without per-cookie details), how to manage consent and how long choices are kept "
        "(ePrivacy Directive Art. 5(3))."
    ),
    examples=({"used": False}, {"used": "not_stated"}),
)


SECURITY = Record(
    fields=(
        Field(
            "statement",
            ref("text"),
            EDITORIAL,
            title="Statement",
            description=(
                "The policy's general text about security, shown before the measures. A text per "
                "language ({fr: ..., en: ...}), plain: shown exactly as written, never read as "
                "Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
        Field(
            "measures",
            any_of(
                ref("text_list"),
                including(
                    Node({"type": "array", "minItems": 1, "items": ref("text")}),
                    title="Non-exhaustive list",
                    description='Measures the policy gives as examples ("such as", "including", "notamment"): '
                    'shown as "including ..." / "notamment ...".',
                    examples=({"including": [{"fr": "Chiffrement (TLS)", "en": "Encryption (TLS)"}]},),
                    items_title="Examples",
                    items_description="Measures the policy names.",
                    items_examples=([{"fr": "Sauvegardes", "en": "Backups"}],),
                ),
                ref("not_stated"),
            ),
            MATERIAL,
            title="Security measures",
            description=(
                "The measures the policy lists, one text per language each (encryption, access "
                'control, backups), {including: [...]} when it gives them as examples ("notamment"), '
                "or `not_stated` when it lists none (a general statement goes in `statement`)."
            ),
            examples=([{"fr": "Chiffrement (TLS)", "en": "Encryption (TLS)"}], "not_stated"),
            required=True,
            label="label.measures",
        ),
        Field(
            "breach_notification",
            ref("text"),
            MATERIAL,
            title="Data breaches",
            description=(
                "What the policy says it does in the event of a personal data breach (notification "
                "to the authority within 72 hours, GDPR Art. 33; to the persons concerned, Art. "
                "34). A text per language ({fr: ..., en: ...}), plain: shown exactly as written, "
                "never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Reading note",
            description=(
                "How the security measures were read from the policy, where the reading is an "
                "interpretation rather than the policy's words (measures gathered from sentences "
                'scattered through the policy); printed after it as "Reading of the policy". A '
                "text per language ({fr: ..., en: ...}), plain: shown exactly as written, never "
                "read as Markdown or HTML."
            ),
            examples=(
                {
                    "fr": (
                        "Mesures rassemblées à partir de phrases éparses de la politique, qui n'a "
                        "pas de section sécurité."
                    ),
                    "en": ("Measures gathered from sentences across the policy, which has no security section."),
                },
            ),
        ),
    ),
    title="Security",
    description=(
        "The technical and organisational security measures the policy describes (GDPR Art. 32), "
        "and what it says about personal data breaches (Art. 33-34)."
    ),
    examples=(
        {"measures": [{"fr": "Chiffrement (TLS)", "en": "Encryption (TLS)"}]},
        {"measures": "not_stated"},
    ),
)


AUTOMATED_DECISIONS = Node(
    {
        "anyOf": [
            ref("not_stated"),
            Record(
                fields=(
                    Field(
                        "exists",
                        Node({"type": "boolean"}),
                        MATERIAL,
                        title="Automated decisions exist",
                        description=(
                            "`true` when the policy says such decisions are made; `false` when it says "
                            'none are (the page prints "No solely automated decision with legal '
                            'effects is made").'
                        ),
                        examples=(False,),
                        required=True,
                        label="label.automated_exists",
                    ),
                    Field(
                        "profiling",
                        any_of(Node({"type": "boolean"}), ref("not_stated")),
                        MATERIAL,
                        title="Profiling",
                        description=(
                            "Whether the policy says profiling (GDPR Art. 4(4)) is carried out: true, "
                            "false, or `not_stated` when the policy is silent on it (the page prints "
                            '"Not stated in the policy").'
                        ),
                        examples=(False, "not_stated"),
                    ),
                    Field(
                        "description",
                        ref("text"),
                        EDITORIAL,
                        title="Description",
                        description=(
                            "What decisions are made automatically, as the policy describes them. A "
                            "text per language ({fr: ..., en: ...}), plain: shown exactly as written, "
                            "never read as Markdown or HTML."
                        ),
                        examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
                    ),
                    Field(
                        "logic",
                        ref("text_or_not_stated"),
                        MATERIAL,
                        title="Logic involved",
                        description=(
                            "Meaningful information about the logic involved (GDPR Art. 13(2)(f)), or "
                            '`not_stated` when the policy is silent on it (the page prints "Not stated '
                            'in the policy" and the completeness report lists it, GDPR Art. 13(2)(f)).'
                        ),
                        examples=(
                            {
                                "fr": "Score calculé à partir de règles fixes.",
                                "en": "Score computed from fixed rules.",
                            },
                            "not_stated",
                        ),
                        label="label.automated_logic",
                    ),
                    Field(
                        "consequences",
                        ref("text_or_not_stated"),
                        MATERIAL,
                        title="Consequences",
                        description=(
                            "The significance and envisaged consequences of the processing for the "
                            "person (GDPR Art. 13(2)(f)), or `not_stated` when the policy is silent on "
                            'it (the page prints "Not stated in the policy" and the completeness '
                            "report lists it, GDPR Art. 13(2)(f))."
                        ),
                        examples=(
                            {"fr": "La commande peut être bloquée.", "en": "The order may be blocked."},
                            "not_stated",
                        ),
                        label="label.automated_consequences",
                    ),
                    Field(
                        "note",
                        ref("text"),
                        EDITORIAL,
                        title="Reading note",
                        description=(
                            "How the automated decisions were read from the policy, where the reading "
                            "is an interpretation rather than the policy's words (a system mixing an "
                            "algorithm and human review recorded as an automated decision); printed "
                            'after it as "Reading of the policy". A text per language ({fr: ..., en: '
                            "...}), plain: shown exactly as written, never read as Markdown or HTML."
                        ),
                        examples=(
                            {
                                "fr": (
                                    "La politique parle de « décision automatisée », mais le système "
                                    "associe un algorithme et une analyse humaine."
                                ),
                                "en": (
                                    'The policy says "automated decision", but the system combines an '
                                    "algorithm and human review."
                                ),
                            },
                        ),
                    ),
                ),
            ),
        ]
    },
    title="Automated decisions and profiling",
    description=(
        "Whether decisions based solely on automated processing, including profiling, "
        "are made (GDPR Art. 22, 13(2)(f)). `not_stated` when the policy is silent "
        "(the completeness report lists it); `{exists: false}` when it says there are "
        "none; `{exists: true, ...}` with the logic involved and the consequences."
    ),
    examples=(
        "not_stated",
        {"exists": False},
        {
            "exists": True,
            "profiling": False,
            "logic": {"fr": "Règles fixes", "en": "Fixed rules"},
            "consequences": {"fr": "Commande bloquée", "en": "Order blocked"},
        },
    ),
)


SALE = Record(
    fields=(
        Field(
            "sold",
            any_of(Node({"type": "boolean"}), Node({"const": "possible"})),
            MATERIAL,
            title="Sold",
            description=(
                "`true` when the policy says personal data is sold or rented to third parties; "
                '`false` when it says explicitly that it is not (the overview prints "No"). Never '
                "`false` for silence: leave `sale` out instead. `possible` when the policy "
                'presents a sale as possible ("may be resold").'
            ),
            examples=(False,),
            required=True,
        ),
        Field(
            "statement",
            ref("text"),
            EDITORIAL,
            title="Statement",
            description=(
                "The policy's sentence about selling data, quoted on the overview. A text per "
                "language ({fr: ..., en: ...}), plain: shown exactly as written, never read as "
                "Markdown or HTML."
            ),
            examples=(
                {
                    "fr": ("En aucun cas nous ne vendons ni ne louons vos données personnelles à des tiers."),
                    "en": ("Under no circumstances do we sell or rent your personal data to third parties."),
                },
            ),
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Reading note",
            description=(
                "How the statement was read, where the reading is an interpretation (printed as "
                '"Reading of the policy"). A text per language ({fr: ..., en: ...}), plain.'
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
    ),
    title="Sale of personal data",
    description=("What the policy says about selling personal data: whether it is sold, in the policy's own words."),
    examples=(
        {
            "sold": False,
            "statement": {
                "fr": "Les données personnelles ne sont jamais vendues.",
                "en": "Personal data is never sold.",
            },
        },
    ),
)


PROCESSOR_OBLIGATIONS = Record(
    fields=(
        Field(
            "controller",
            ref("text"),
            MATERIAL,
            title="Controller",
            description=("Who the controller is for this processing (usually the company's customers), per language."),
            examples=({"fr": "Nos clients professionnels", "en": "Our business customers"},),
            required=True,
            label="label.processor_controller",
        ),
        Field(
            "operations",
            any_of(
                ref("text_list"),
                including(
                    ref("text_list"),
                    title="Non-exhaustive list of operations",
                    description='Operations the policy gives as examples ("include, but are not limited to").',
                    items_title="Operations given as examples",
                    items_description='The operations the policy lists after "include, but are not limited to".',
                    items_examples=([{"fr": "Hébergement des données", "en": "Hosting the data"}],),
                ),
            ),
            MATERIAL,
            title="Operations on the controller's behalf",
            description=(
                "The processing operations carried out on the controller's documented instructions "
                "(GDPR Art. 28(3)), one text per language each. `{including: [...]}` when the "
                'policy says the list is not exhaustive ("include, but are not limited to"): the '
                'page then reads "including:" before it.'
            ),
            examples=([{"fr": "Hébergement des données", "en": "Hosting the data"}],),
            label="label.processor_operations",
        ),
        Field(
            "commitments",
            ref("text_list"),
            MATERIAL,
            title="Processor's commitments",
            description=(
                "What the processor commits to (confidentiality, security under Art. 32, "
                "assistance, deletion or return at the end: GDPR Art. 28(3)(a)-(h)), one text per "
                "language each."
            ),
            examples=([{"fr": "Confidentialité du personnel", "en": "Staff confidentiality"}],),
            label="label.processor_commitments",
        ),
        Field(
            "sub_processing",
            ref("text"),
            MATERIAL,
            title="Sub-processing",
            description=(
                "What the policy says about engaging other processors (prior authorisation of the "
                "controller, GDPR Art. 28(2) and 28(4)). A text per language ({fr: ..., en: ...}), "
                "plain: shown exactly as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
            label="label.processor_sub_processing",
        ),
        Field(
            "liability_statement",
            ref("text"),
            MATERIAL,
            title="Liability statement",
            description=(
                "The policy's own sentence that introduces the limits of liability (\"As a "
                "subcontractor, the Service Provider may under no circumstances be held jointly "
                'responsible ... in the following situations"), shown before them as written. A '
                "text per language, plain."
            ),
            examples=(
                {
                    "fr": ("Le Prestataire ne peut être tenu pour coresponsable dans les cas suivants :"),
                    "en": ("The Service Provider may not be held jointly responsible in the following cases:"),
                },
            ),
        ),
        Field(
            "liability_exclusions",
            ref("text_list"),
            MATERIAL,
            title="Limits of liability",
            description=("The limits of liability the policy states for its processing, one text per language each."),
            examples=([{"fr": "Force majeure", "en": "Force majeure"}],),
            label="label.processor_exclusions",
        ),
    ),
    title="Processor's obligations",
    description=(
        "For a processor (GDPR Art. 28): who the controller is, the operations carried out on its "
        "behalf, the commitments made, sub-processing and liability limits, as the policy states "
        "them."
    ),
    examples=(
        {
            "controller": {"fr": "Nos clients professionnels", "en": "Our business customers"},
            "operations": [{"fr": "Hébergement", "en": "Hosting"}],
        },
    ),
)


SECTION = Record(
    fields=(
        Field(
            "id",
            ref("id"),
            EDITORIAL,
            title="Section id",
            description="Identifier of the section, unique among sections, in lower_snake_case.",
            examples=("arbitration",),
            required=True,
        ),
        Field(
            "title",
            ref("text"),
            EDITORIAL,
            title="Section title",
            description="The heading of the section, per language, plain text.",
            examples=({"fr": "Arbitrage", "en": "Arbitration"},),
            required=True,
        ),
        Field(
            "body",
            ref("markdown_text"),
            EDITORIAL,
            title="Section body",
            description="The clause itself, in restricted Markdown (see $defs/markdown_text).",
            examples=(
                {
                    "fr": "Voir [le médiateur](https://www.example.com/mediation).",
                    "en": "See [the mediator](https://www.example.com/mediation).",
                },
            ),
            required=True,
        ),
    ),
    title="Other section",
    description=(
        "A clause of the policy that fits no field, with a title and a body per language, and an "
        "id unique among sections."
    ),
    examples=(
        {
            "id": "arbitration",
            "title": {"fr": "Arbitrage", "en": "Arbitration"},
            "body": {
                "fr": "Un litige est porté devant le **médiateur**.",
                "en": "A dispute goes to the **mediator**.",
            },
        },
    ),
)


VERSION = Record(
    fields=(
        Field(
            "version",
            Node({"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)*$", "maxLength": 20}),
            MATERIAL,
            title="Version number",
            description=(
                "Numbers separated by dots, increasing from one version to the next. Quote it in "
                'YAML ("1.0"), so that a whole number such as 2 is not read as a number.'
            ),
            examples=("1.0", "1.1", "2"),
            required=True,
        ),
        Field(
            "date",
            any_of(ref("date"), ref("not_stated")),
            MATERIAL,
            title="Effective date",
            description=(
                "The date the version takes effect, YYYY-MM-DD; a future date announces an "
                "upcoming version, and the pages switch to it on the first build after that date. "
                "`not_stated` when the policy carries no date (the completeness report lists it)."
            ),
            examples=("2026-01-15", "not_stated"),
            required=True,
            rules=("version_date",),
        ),
        Field(
            "summary",
            ref("text"),
            EDITORIAL,
            title="Summary of changes",
            description="What changed in this version, in a sentence per language.",
            examples=({"fr": "Nouveau sous-traitant d'hébergement.", "en": "New hosting processor."},),
            required=True,
        ),
    ),
    title="Version",
    description=(
        "One published version of the notice: its number, the date it takes effect and a summary "
        "of the changes. Written by `privacy-center release`."
    ),
    examples=(
        {
            "version": "1.0",
            "date": "2026-01-15",
            "summary": {"fr": "Première version.", "en": "First version."},
        },
    ),
)


NONE = Node(
    {"const": "none"},
    title="None (explicit)",
    description=(
        "The policy states explicitly that there is none (e.g. `recipients: none`: the "
        "data goes to no one). Never used for silence: that is `not_stated`."
    ),
    examples=("none",),
)


DATA_SOURCE_CODE = Node(
    {"enum": codes(SourceCode)},
    title="Source code",
    description=(
        "Where the data comes from (GDPR Art. 14(2)(f)): data_subject (from the "
        "person), automatic (collected from their device), third_party, customer (the "
        "business customer on whose behalf the company acts as processor; not the "
        "person's own purchases, which are data_subject), public (public sources)."
    ),
)


DATA_SOURCE_ITEM = Node(
    {
        "anyOf": [
            ref("data_source_code"),
            Record(
                fields=(
                    Field(
                        "code",
                        ref("data_source_code"),
                        MATERIAL,
                        title="Source code",
                        description="The kind of source.",
                        examples=("data_subject",),
                        required=True,
                    ),
                    Field(
                        "detail",
                        ref("text"),
                        MATERIAL,
                        title="Detail",
                        description=(
                            "Who or what the source is, in the policy's words (\"such as a customer's own clients\")."
                        ),
                        examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
                    ),
                ),
            ),
        ]
    },
    title="Source",
    description=(
        "A source code, or a code with the policy's own words about it ({code: "
        "third_party, detail: {fr: les clients de nos clients, en: our customers' "
        "clients}})."
    ),
)


COOKIE_PARTNERS = Record(
    fields=(
        Field(
            "names",
            any_of(
                Node({"type": "array", "minItems": 1, "items": ref("cookie_partner")}),
                including(
                    Node({"type": "array", "minItems": 1, "items": ref("cookie_partner")}),
                    title="Non-exhaustive list",
                    description="Examples the policy gives, not the full list.",
                    items_title="Named examples",
                    items_description="The partners the policy names as examples.",
                    items_examples=(["Criteo"],),
                ),
                ref("not_stated"),
            ),
            MATERIAL,
            title="Partner names",
            description=(
                "The partners' names: a list when the policy gives the full list, or {including: "
                '[...]} when it gives examples ("such as", "notamment"); `not_stated` when it speaks of '
                'cookies "for each partner concerned" and names none. Each name is a string, or '
                "{name: ..., scope: {fr: ..., en: ...}} when the policy limits the partner to part "
                "of the service."
            ),
            examples=(
                ["Google", "Meta", "Criteo"],
                {"including": ["Google", "Meta"]},
                [
                    "Criteo",
                    {"name": "Batch", "scope": {"fr": "application uniquement", "en": "app only"}},
                ],
            ),
            required=True,
            rules=("cookie_partners_named",),
        ),
        Field(
            "purposes",
            any_of(
                Node(
                    {
                        "type": "array",
                        "minItems": 1,
                        "items": Node({"enum": codes(CookiePurpose)}),
                    }
                ),
                ref("not_stated"),
            ),
            MATERIAL,
            title="Purposes of the partners' cookies",
            description="Cookie purpose codes the policy gives for these partners' cookies, or not_stated.",
            examples=(["audience_measurement", "advertising"],),
            required=True,
        ),
        Field(
            "lifetime",
            any_of(ref("duration"), ref("text"), ref("not_stated")),
            MATERIAL,
            title="Lifetime of the partners' cookies",
            description="How long these cookies last, as the policy states it once for all of them.",
            examples=({"value": 13, "unit": "months"},),
            required=True,
        ),
        Field(
            "consent_required",
            any_of(Node({"type": "boolean"}), ref("not_stated")),
            MATERIAL,
            title="Consent required",
            description=(
                "Whether the policy says these cookies are set only with consent (true/false), or not_stated."
            ),
            examples=("not_stated",),
            required=True,
        ),
        Field(
            "note",
            ref("text"),
            EDITORIAL,
            title="Note",
            description="What else the policy says about these partners, or how it was read.",
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
        ),
    ),
    title="Cookie partners",
    description=(
        "Third parties the policy names as setting cookies, without a purpose or lifetime per "
        "cookie: their names, and the purposes, lifetime and consent the policy states once for "
        "all of them."
    ),
)


TRANSFER_ITEMS = Node(
    {
        "anyOf": [
            Node({"type": "array", "minItems": 1, "items": ref("transfer")}),
            including(
                Node({"type": "array", "minItems": 1, "items": ref("transfer")}),
                title="Non-exhaustive list of transfers",
                description="Transfers the policy gives as examples, not as the full list.",
                items_title="Transfers given as examples",
                items_description="The transfers the policy names.",
                items_examples=(
                    [
                        {
                            "id": "hosting_us",
                            "destination": ["US"],
                            "recipient": "host",
                            "safeguards": ["scc"],
                            "copy_available": {"fr": "Sur demande au DPO.", "en": "On request to the DPO."},
                        },
                    ],
                ),
            ),
        ]
    },
    title="Transfers",
    description=(
        "Each transfer the policy describes (destination, recipient, safeguards), as a "
        "list, or `{including: [...]}` when the policy gives them as examples "
        '("notamment dans le cadre de nos activités suivantes", "including"): the page '
        'then reads "including:" / "notamment :" before the list. At least one.'
    ),
    examples=(
        [{"id": "hosting_us", "destination": ["US"], "safeguards": ["scc"]}],
        {
            "including": [
                {
                    "id": "call_centre",
                    "destination": ["MA", "MG"],
                    "safeguards": "not_stated",
                },
            ],
        },
    ),
)


COOKIE_PARTNER = Node(
    {
        "anyOf": [
            Node({"type": "string", "minLength": 1}),
            Record(
                fields=(
                    Field(
                        "name",
                        Node({"type": "string", "minLength": 1}),
                        MATERIAL,
                        title="Partner name",
                        description="The partner's name, one string for every language.",
                        examples=("Batch",),
                        required=True,
                    ),
                    Field(
                        "scope",
                        ref("text"),
                        MATERIAL,
                        title="Scope",
                        description=(
                            "Where this partner's cookies are set, in the policy's words "
                            '("application only", "Darty Pro"), per language: shown in brackets after '
                            "the name."
                        ),
                        examples=({"fr": "application uniquement", "en": "app only"},),
                        required=True,
                    ),
                ),
                title="Partner with a scope",
                description="A partner the policy names for part of the service only.",
            ),
        ]
    },
    title="Cookie partner",
    description=(
        'One partner that sets cookies: its name as one string ("Criteo"), or `{name: '
        "..., scope: {fr: ..., en: ...}}` when the policy limits it to part of the "
        'service ("Batch (application only)"): the page reads "Batch (app only)".'
    ),
    examples=(
        "Criteo",
        {"name": "Batch", "scope": {"fr": "application uniquement", "en": "app only"}},
    ),
)


PURPOSE_ROLE = Node(
    {
        "anyOf": [
            Node({"enum": ["controller", "joint_controller", "processor"]}),
            Record(
                fields=(
                    Field(
                        "acts_as",
                        Node({"enum": codes(ActsAs)}),
                        MATERIAL,
                        title="Acts as",
                        description=(
                            "`controller`, `joint_controller`, `processor`, or `other_controller`: the "
                            "processing is another controller's, which the policy describes "
                            '("purposes pursued by the Customer ... the sole responsibility of the '
                            'Customer"); the company neither decides it nor carries it out for that '
                            "controller, named in `on_behalf_of`."
                        ),
                        examples=("processor",),
                        required=True,
                    ),
                    Field(
                        "on_behalf_of",
                        ref("text_or_not_stated"),
                        MATERIAL,
                        title="On behalf of",
                        description=(
                            "For a processor: the controller it processes the data for; for "
                            "`other_controller`: the controller whose processing it is; as the policy "
                            'names it ({fr: "le Client", en: "the Customer"}), or not_stated.'
                        ),
                        examples=({"fr": "le Client", "en": "the Customer"},),
                    ),
                    Field(
                        "note",
                        ref("text"),
                        EDITORIAL,
                        title="Note",
                        description=(
                            "How the role was read, where the reading is an interpretation. A text per language, plain."
                        ),
                        examples=({"fr": "Lecture de la politique.", "en": "A reading of the policy."},),
                    ),
                ),
            ),
        ]
    },
    title="Role for this purpose",
    description=(
        "What the company is for this purpose (GDPR Art. 4(7), 4(8), 26, 28): "
        "`controller` (it decides why and how), `joint_controller` (it decides "
        "together with another controller, Art. 26), or `{acts_as: processor, "
        "on_behalf_of: {fr: ..., en: ...}}` (it processes the data on behalf of a "
        "controller the policy names, or `on_behalf_of: not_stated`). Required for "
        "every purpose when the company's `role` is `controller_and_processor`; "
        "otherwise leave it out and the company's role applies. `{acts_as: "
        "other_controller, on_behalf_of: ...}` records a processing the policy "
        "describes but that is another controller's: the notice shows it as such, and "
        "it is no activity of the company's register, DPV processes or Fides "
        "declarations."
    ),
    examples=(
        "controller",
        {
            "acts_as": "processor",
            "on_behalf_of": {"fr": "le Client", "en": "the Customer"},
        },
    ),
)


ROOT = Record(
    fields=(
        Field(
            "schema_version",
            Node({"const": 1}),
            EDITORIAL,
            title="Schema version",
            description=(
                "Version of this file format. Always 1 for now; it will change only if the format changes incompatibly."
            ),
            examples=(1,),
            required=True,
        ),
        Field(
            "slug",
            Node({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 64}),
            EDITORIAL,
            title="Slug",
            description=(
                "URL segment of the company's section (/<slug>/, /en/<slug>/); unique across "
                "data/. The file must be named data/<slug>.yaml. Lower-case letters and digits, "
                "words separated by single dashes."
            ),
            examples=("coopo", "saas-provider"),
            required=True,
        ),
        Field(
            "name",
            any_of(
                Node({"type": "string", "minLength": 1, "maxLength": 300}),
                Node({"allOf": [ref("text"), Node({"additionalProperties": Node({"maxLength": 300})})]}),
            ),
            MATERIAL,
            title="Display name",
            description=(
                "Display name (brand) used in titles and on the home page: one string when it "
                "reads the same in every language, or a text per language ({fr: ..., en: ...}) "
                "when it does not (an anonymous publisher is named differently in each). The legal "
                "name of the controller is company.legal_name."
            ),
            examples=("Coopo", {"fr": "Éditeur anonyme", "en": "Anonymous publisher"}),
            required=True,
        ),
        Field(
            "role",
            Node({"enum": codes(Role)}),
            MATERIAL,
            title="Role under the GDPR",
            description=(
                "The company's role for the processing the policy describes: `controller` "
                "(determines the purposes and means, GDPR Art. 4(7)), `processor` (processes data "
                "on a customer's behalf, Art. 4(8) and Art. 28), or `controller_and_processor` "
                "(both, for different processing). A processor role requires processor_obligations."
            ),
            examples=("controller",),
            required=True,
        ),
        Field(
            "source",
            ref("source"),
            EDITORIAL,
            title="Source document",
            description=(
                "The policy this file was encoded from: its title, its address and a note about it "
                "(date, laws it cites, gaps). Shown at the top of the full notice."
            ),
            examples=(
                {
                    "title": {"fr": "Politique de confidentialité", "en": "Privacy policy"},
                    "url": "https://www.example.com/confidentialite",
                },
            ),
            heading="label.source_document",
        ),
        Field(
            "introduction",
            ref("text"),
            EDITORIAL,
            title="Introduction",
            description=(
                "The policy's opening statement, shown at the top of the overview and of the full "
                "notice. A text per language ({fr: ..., en: ...}), plain: shown exactly as "
                "written, never read as Markdown or HTML. Leave it out when the policy has none."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
            heading="notice.introduction",
        ),
        Field(
            "company",
            ref("company"),
            MATERIAL,
            title="Controller's identity",
            description=(
                "Identity of the company that publishes the policy: legal name, legal form, "
                "registration, registered office, representative, websites (GDPR Art. 13(1)(a) and "
                "14(1)(a): identity of the controller)."
            ),
            examples=(
                {
                    "legal_name": "Full Example SAS",
                    "registered_address": "1 rue de l'Exemple, 75001 Paris, France",
                },
            ),
            required=True,
            heading="notice.controller",
        ),
        Field(
            "contacts",
            ref("contacts"),
            MATERIAL,
            title="Contact details",
            description=(
                "How to contact the company about personal data (GDPR Art. 13(1)(a)) and its data "
                "protection officer (Art. 13(1)(b))."
            ),
            examples=(
                {
                    "general": {
                        "email": "privacy@example.com",
                        "postal_address": "1 rue de l'Exemple, 75001 Paris, France",
                    },
                    "dpo": "not_stated",
                },
            ),
            required=True,
            heading="notice.controller",
        ),
        Field(
            "supervisory_authority",
            ref("supervisory_authority"),
            MATERIAL,
            title="Supervisory authority",
            description=(
                "The data protection authority a person can complain to, and whether the policy "
                "mentions it (right to lodge a complaint, GDPR Art. 13(2)(d) and Art. 77)."
            ),
            examples=(
                {
                    "code": "cnil",
                    "mentioned": True,
                    "complaint_url": "https://www.cnil.fr/fr/plaintes",
                },
            ),
            required=True,
            heading="notice.complaint",
        ),
        Field(
            "legal_bases_overview",
            Node({"type": "array", "items": ref("legal_basis")}),
            MATERIAL,
            title="Legal bases overview",
            description=(
                "Legal bases (GDPR Art. 6(1)) as the policy lists them when it does not tie each "
                "one to a purpose: shown as one list before the purposes, whose own legal_bases "
                "are then usually `not_stated`. Leave it out when the policy gives a basis per "
                "purpose. A `legitimate_interests` entry here with an `interest` states that "
                "interest once for all processing: purposes whose `legitimate_interests` basis "
                "leaves `interest` out cite it."
            ),
            examples=([{"basis": "contract"}],),
            heading="notice.purposes",
        ),
        Field(
            "mandatory_data",
            ref("text"),
            EDITORIAL,
            title="Mandatory data, stated generally",
            description=(
                "What the policy says once, for all processing, about which data must be provided "
                '(GDPR Art. 13(2)(e)), e.g. "mandatory fields are marked with an asterisk when the '
                'data is collected". Printed once where the notice speaks of mandatory data; a '
                "purpose whose `mandatory` is `not_stated` then gets no completeness warning and "
                'no "not stated" line (the general statement answers it). A purpose that says more '
                "keeps its own `mandatory`. Leave it out when the policy says nothing general. A "
                "text per language ({fr: ..., en: ...}), plain: shown exactly as written, never "
                "read as Markdown or HTML."
            ),
            examples=(
                {
                    "fr": (
                        "Le caractère obligatoire des données vous est signalé lors de la collecte par un astérisque."
                    ),
                    "en": ("Whether data is mandatory is indicated to you by an asterisk when it is collected."),
                },
            ),
            heading="notice.mandatory",
        ),
        Field(
            "purposes",
            Node({"type": "array", "minItems": 1, "items": ref("purpose")}),
            MATERIAL,
            title="Purposes",
            description=(
                "Each purpose of processing the policy describes, with its legal basis, data, data "
                "subjects, source, retention and recipients (GDPR Art. 13(1)(c), 13(1)(d), "
                "13(1)(e), 13(2)(a), 13(2)(e); Art. 14). At least one. A purpose refers to the "
                "other lists by id."
            ),
            examples=(
                [
                    {
                        "id": "newsletter",
                        "name": {"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},
                        "legal_bases": [{"basis": "consent"}],
                        "data_categories": ["email", "identity"],
                        "data_subjects": ["customer", "prospect"],
                        "source": "data_subject",
                        "mandatory": {
                            "required": True,
                            "consequence": {
                                "fr": "La commande ne peut être traitée.",
                                "en": "The order cannot be processed.",
                            },
                        },
                        "retention": ["newsletter", "logs"],
                        "recipients": ["mailer", "internal"],
                    },
                ],
            ),
            required=True,
            rules=("purposes",),
            heading="notice.purposes",
        ),
        Field(
            "data_categories",
            Node({"type": "array", "minItems": 1, "items": ref("data_category")}),
            MATERIAL,
            title="Categories of personal data",
            description=(
                "The categories of personal data the policy names (GDPR Art. 14(1)(d)), each with "
                "an id that purposes cite. At least one."
            ),
            examples=(
                [
                    {
                        "id": "email",
                        "code": "contact",
                        "sensitive": False,
                        "items": [{"fr": "Adresse e-mail", "en": "Email address"}],
                    },
                ],
            ),
            required=True,
            heading="notice.data_categories",
        ),
        Field(
            "special_categories",
            any_of(
                ref("statement_or_not_stated"),
                Record(
                    fields=(
                        Field(
                            "processed",
                            Node({"type": "boolean"}),
                            MATERIAL,
                            title="Processed",
                            description=(
                                "`false` when the policy says it processes no special-category "
                                'data ("we collect no sensitive data"), `true` when it says it '
                                "does."
                            ),
                            examples=(False,),
                            required=True,
                        ),
                        Field(
                            "statement",
                            ref("text"),
                            MATERIAL,
                            title="Statement",
                            description="The policy's own words, per language.",
                            examples=(
                                {
                                    "fr": "Nous ne collectons aucune donnée sensible.",
                                    "en": "We collect no sensitive data.",
                                },
                            ),
                        ),
                        Field(
                            "note",
                            ref("text"),
                            EDITORIAL,
                            title="Note",
                            description=("How the statement was read, where the reading is an interpretation."),
                            examples=({"fr": "Lecture de la politique.", "en": "A reading of the policy."},),
                        ),
                    ),
                ),
            ),
            MATERIAL,
            title="Special categories statement",
            description=(
                "What the policy says about special categories of data (health, religion, "
                "biometrics... GDPR Art. 9): `{processed: false, statement: {fr: ..., en: ...}}` "
                "when it says it processes none, `{processed: true, ...}` when it says it does, a "
                "text per language when it addresses them without answering yes or no, "
                '`not_stated` when it is silent (the page prints "Not stated in the policy"; '
                "leaving it out means the same). Never write `processed: false` for silence."
            ),
            examples=(
                {
                    "processed": False,
                    "statement": {
                        "fr": "Nous ne collectons aucune donnée sensible.",
                        "en": "We collect no sensitive data.",
                    },
                },
                "not_stated",
            ),
            heading="notice.special_categories",
            label="label.special_categories",
        ),
        Field(
            "data_subjects",
            Node({"type": "array", "items": ref("data_subject")}),
            MATERIAL,
            title="Data subjects",
            description=(
                "The groups of people whose data is processed (customers, prospects, visitors...), "
                "each with an id that purposes cite. May be empty when the policy names no group."
            ),
            examples=([{"id": "subscriber", "code": "newsletter_subscriber"}],),
            required=True,
            heading="notice.data_subjects",
        ),
        Field(
            "retention_rules",
            Node({"type": "array", "items": ref("retention_rule")}),
            MATERIAL,
            title="Retention rules",
            description=(
                "How long each set of data is kept (GDPR Art. 13(2)(a): the period, or the "
                "criteria used to set it), each rule with an id that purposes cite in `retention`."
            ),
            examples=(
                [
                    {
                        "id": "logs",
                        "applies_to": {"fr": "Journaux de connexion", "en": "Connection logs"},
                        "period": {"kind": "fixed", "duration": {"value": 1, "unit": "years"}},
                    },
                ],
            ),
            required=True,
            heading="notice.retention",
        ),
        Field(
            "recipients",
            Node({"type": "array", "items": ref("recipient")}),
            MATERIAL,
            title="Recipients",
            description=(
                "The recipients or categories of recipients of the data (GDPR Art. 13(1)(e)): "
                "internal departments, processors, partners, authorities..., each with an id that "
                "purposes cite in `recipients`."
            ),
            examples=([{"id": "mailer", "kind": "processor", "name": "Mailer Ltd", "location": "IE"}],),
            required=True,
            heading="notice.recipients",
        ),
        Field(
            "recipients_statement",
            ref("text"),
            EDITORIAL,
            title="Recipients statement",
            description=(
                'A general statement of the policy about recipients, shown before the list ("we '
                'never sell your data"). A text per language ({fr: ..., en: ...}), plain: shown '
                "exactly as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
            heading="notice.recipients",
        ),
        Field(
            "transfers",
            ref("transfers"),
            MATERIAL,
            title="Transfers outside the EU",
            description=(
                "Transfers of personal data to a third country or an international organisation "
                "(GDPR Art. 13(1)(f), Chapter V, Art. 44-49). `not_stated` when the policy is "
                'silent on it (the page prints "Not stated in the policy" and the completeness '
                "report lists it, GDPR Art. 13(1)(f)). `{outside_eu: false}` when the policy says "
                "there are none; `{outside_eu: true, items: [...]}` when they take place; "
                "`{outside_eu: possible, statement: ...}` when the policy describes them only as a "
                "possibility or under a condition."
            ),
            examples=("not_stated",),
            required=True,
            rules=("transfers_stated",),
            heading="notice.transfers",
        ),
        Field(
            "rights",
            ref("rights"),
            MATERIAL,
            title="Data subject rights",
            description=(
                "The rights the policy offers (GDPR Art. 13(2)(b)-(d), Art. 15-22), where and how "
                "to exercise them (Art. 12), and the rights it leaves out."
            ),
            examples=(
                {
                    "offered": [{"code": "access"}, {"code": "erasure"}],
                    "contact": {"email": "rights@example.com"},
                    "response_delay": {"value": 1, "unit": "months"},
                    "identity_verification": {
                        "fr": "Une pièce d'identité peut être demandée.",
                        "en": "Proof of identity may be requested.",
                    },
                },
            ),
            required=True,
            heading="notice.rights",
        ),
        Field(
            "cookies",
            ref("cookies"),
            MATERIAL,
            title="Cookies and trackers",
            description=(
                "Cookies and similar trackers the site sets or reads (ePrivacy Directive Art. "
                "5(3); in France Art. 82 of the Loi Informatique et Libertés): whether there are "
                "any, each cookie, and how to manage consent."
            ),
            examples=({"used": False},),
            required=True,
            heading="notice.cookies",
        ),
        Field(
            "security",
            ref("security"),
            MATERIAL,
            title="Security",
            description=(
                "The security measures the policy describes (GDPR Art. 32) and what it says about "
                "data breaches (Art. 33-34)."
            ),
            examples=({"measures": [{"fr": "Chiffrement (TLS)", "en": "Encryption (TLS)"}]},),
            required=True,
            heading="notice.security",
        ),
        Field(
            "automated_decisions",
            ref("automated_decisions"),
            MATERIAL,
            title="Automated decisions and profiling",
            description=(
                "Decisions based solely on automated processing, including profiling, with legal "
                "or similarly significant effects (GDPR Art. 22; information required by Art. "
                '13(2)(f)). `not_stated` when the policy is silent on it (the page prints "Not '
                'stated in the policy" and the completeness report lists it, GDPR Art. 13(2)(f)). '
                "`{exists: false}` when the policy says there are none."
            ),
            examples=("not_stated",),
            required=True,
            rules=("automated_decisions_stated", "automated_decision_details"),
            heading="notice.automated_decisions",
        ),
        Field(
            "sale",
            ref("sale"),
            MATERIAL,
            title="Sale of personal data",
            description=(
                "Whether the policy says personal data is sold (or rented) to third parties: "
                '`{sold: false}` only when it says so explicitly ("Under no circumstances do we '
                'sell..."), `{sold: true}` when it says data is sold, `{sold: possible}` when it '
                'presents a sale as possible ("may be resold"). Leave the field out when the '
                'policy is silent: the overview then answers "not stated", never "no".'
            ),
            examples=(
                {
                    "sold": False,
                    "statement": {
                        "fr": "Les données personnelles ne sont jamais vendues.",
                        "en": "Personal data is never sold.",
                    },
                },
            ),
            heading="layer.fact.sold",
        ),
        Field(
            "minors",
            ref("statement_or_not_stated"),
            MATERIAL,
            title="Minors",
            description=(
                "What the policy says about children and minors (age limit, parental consent, GDPR "
                'Art. 8). `not_stated` when the policy is silent on it (the page prints "Not '
                'stated in the policy"). Leaving it out means the same as `not_stated`.'
            ),
            examples=(
                {
                    "fr": "Le service est réservé aux personnes majeures.",
                    "en": "The service is for adults only.",
                },
                "not_stated",
            ),
            heading="notice.minors",
            label="label.minors",
        ),
        Field(
            "ai_processing",
            ref("text_list"),
            MATERIAL,
            title="Artificial intelligence processing",
            description=(
                "Statements of the policy about artificial intelligence (automated analysis, model "
                "training on the data, human review), one text per language each, shown as a list. "
                "Leave it out when the policy says nothing about it."
            ),
            examples=([{"fr": "Chiffrement des échanges (TLS)", "en": "Encrypted connections (TLS)"}],),
            heading="notice.ai_processing",
            label="label.ai_processing",
        ),
        Field(
            "processor_obligations",
            ref("processor_obligations"),
            MATERIAL,
            title="Processor's obligations",
            description=(
                "For a company acting as processor (role `processor` or "
                "`controller_and_processor`, required then): what it does on the controller's "
                "behalf and what it commits to (GDPR Art. 28)."
            ),
            examples=(
                {
                    "controller": {"fr": "Nos clients professionnels", "en": "Our business customers"},
                    "operations": [{"fr": "Hébergement", "en": "Hosting"}],
                },
            ),
            heading="notice.processor_obligations",
        ),
        Field(
            "policy_changes",
            ref("text"),
            EDITORIAL,
            title="Changes to the policy",
            description=(
                "How the company announces changes to the policy (by email, on the site, with "
                "prior notice...). A text per language ({fr: ..., en: ...}), plain: shown exactly "
                "as written, never read as Markdown or HTML."
            ),
            examples=({"fr": "Envoi de la newsletter", "en": "Sending the newsletter"},),
            heading="notice.policy_changes",
        ),
        Field(
            "sections",
            Node({"type": "array", "items": ref("section")}),
            EDITORIAL,
            title="Other sections",
            description=(
                "Clauses of the policy that fit no field (arbitration, merger notice, liability, "
                "applicable law), each with a title and a restricted Markdown body per language. "
                "Shown at the end of the full notice."
            ),
            examples=(
                [
                    {
                        "id": "arbitration",
                        "title": {"fr": "Arbitrage", "en": "Arbitration"},
                        "body": {
                            "fr": "Un litige est porté devant le **médiateur**.",
                            "en": "A dispute goes to the **mediator**.",
                        },
                    },
                ],
            ),
            heading="notice.other_sections",
        ),
        Field(
            "versions",
            Node({"type": "array", "minItems": 1, "items": ref("version")}),
            EDITORIAL,
            title="Versions",
            description=(
                "Published versions of the notice, oldest first, with increasing numbers and "
                "dates. Added by `privacy-center release`, never by hand; each version is frozen "
                "in data/versions/<slug>/<version>.yaml."
            ),
            examples=(
                [
                    {
                        "version": "1.0",
                        "date": "2026-01-15",
                        "summary": {"fr": "Première version.", "en": "First version."},
                    },
                ],
            ),
            required=True,
        ),
    ),
    title="Company privacy information (GDPR Art. 13/14)",
    description=(
        "One company's privacy notice as data. Text fields give one string per site language (fr, "
        'en). The value "not_stated" records that the source policy leaves a fact out; the '
        "completeness report lists it."
    ),
)


HEAD = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://privacy-center.invalid/schema/company.schema.json",
}


DEFINITIONS: dict[str, Node | Record] = {
    "not_stated": NOT_STATED,
    "id": ID,
    "text": TEXT,
    "markdown_text": MARKDOWN_TEXT,
    "text_list": TEXT_LIST,
    "text_or_not_stated": TEXT_OR_NOT_STATED,
    "statement_or_not_stated": STATEMENT_OR_NOT_STATED,
    "string_or_not_stated": STRING_OR_NOT_STATED,
    "email": EMAIL,
    "email_or_not_stated": EMAIL_OR_NOT_STATED,
    "url": URL,
    "date": DATE,
    "country": COUNTRY,
    "money": MONEY,
    "duration": DURATION,
    "duration_or_not_stated": DURATION_OR_NOT_STATED,
    "event": EVENT,
    "source": SOURCE,
    "postal_address": POSTAL_ADDRESS,
    "company": COMPANY,
    "trade_register": TRADE_REGISTER,
    "labelled_address": LABELLED_ADDRESS,
    "joint_controller": JOINT_CONTROLLER,
    "contact_point": CONTACT_POINT,
    "contacts": CONTACTS,
    "supervisory_authority": SUPERVISORY_AUTHORITY,
    "legal_basis": LEGAL_BASIS,
    "purpose": PURPOSE,
    "data_category": DATA_CATEGORY,
    "data_subject": DATA_SUBJECT,
    "retention_period": RETENTION_PERIOD,
    "retention_rule": RETENTION_RULE,
    "recipient": RECIPIENT,
    "recipient_registration": RECIPIENT_REGISTRATION,
    "transfers": TRANSFERS,
    "transfer": TRANSFER,
    "other_safeguard": OTHER_SAFEGUARD,
    "right": RIGHT,
    "rights": RIGHTS,
    "cookie": COOKIE,
    "cookies": COOKIES,
    "security": SECURITY,
    "automated_decisions": AUTOMATED_DECISIONS,
    "sale": SALE,
    "processor_obligations": PROCESSOR_OBLIGATIONS,
    "section": SECTION,
    "version": VERSION,
    "none": NONE,
    "data_source_code": DATA_SOURCE_CODE,
    "data_source_item": DATA_SOURCE_ITEM,
    "cookie_partners": COOKIE_PARTNERS,
    "transfer_items": TRANSFER_ITEMS,
    "cookie_partner": COOKIE_PARTNER,
    "purpose_role": PURPOSE_ROLE,
}


def company_schema() -> dict[str, object]:
    """The JSON Schema of a company file, generated from the declarations above."""
    return json_schema(ROOT, HEAD, DEFINITIONS)
