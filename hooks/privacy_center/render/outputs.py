"""The data files the site publishes, each declared once: the name of its link (and of its wording key
`exports.<key>`), its media type, its file name, whether every version has one, whether it is one per company or
one for the whole site, and the function that makes it. The site build makes each file from this table, the
sitemaps announce them from it, and a notice links them from it. The function is named as an entry point
(`module:function` in privacy_center.records), so that this layer names it without importing the layer above;
the site build resolves it (tests/test_outputs.py checks that each one resolves)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Output:
    """A data file of the site."""

    key: str  # the link's name and its wording key (exports.<key>)
    media_type: str
    pattern: str  # the file name; {language}: one file per site language
    per_version: bool  # a file for every version (<slug>/versions/<version>/) besides the one in force
    scope: Literal["company", "site"]  # at each company's address (<slug>/), or once at the site's root
    make: str  # `module:function` of privacy_center.records that makes the files
    linked: bool = True  # linked from each notice and announced with <link rel="alternate"> (not the register)
    optional: bool = False  # made only when the site's configuration asks for it (extra.privacy_center.register)

    def name(self, language: str) -> str:
        return self.pattern.format(language=language)


OUTPUTS: tuple[Output, ...] = (
    Output("json", "application/json", "privacy.json", True, "company", "exports:json_files"),
    Output("jsonld", "application/ld+json", "privacy.jsonld", True, "company", "dpv:record_files"),
    Output("fides", "application/yaml", "fides.{language}.yml", False, "company", "fides:manifest_files"),
    Output(
        "register", "text/csv", "register.{language}.csv", False, "site", "register:csv_files", False, optional=True
    ),
)
