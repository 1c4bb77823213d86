"""The policy as data others can use: each company's checked data as JSON, per version, at stable addresses of the
built site (`/<slug>/privacy.json` for the version in force, `/<slug>/versions/<version>/privacy.json` for every
version). Each file is valid against the schema the site publishes at `/schema/company.schema.json`."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..history.changelog import Entry
from ..model.model import Company
from ..render.feeds import Asset
from ..render.outputs import OUTPUTS, Output
from ..source.loader import Document
from ..source.safety import as_json


class Checked(Protocol):
    """What the exports read of a file's check (checker.FileCheck): the file and its frozen versions."""

    @property
    def loaded(self) -> Document | None: ...

    @property
    def frozen(self) -> Mapping[str, Document]: ...


def version_data(check: Checked, version: str, listed: Sequence[str]) -> Any:
    """A version's data: its frozen copy, or the company file itself for the last listed version not frozen yet."""
    if version in check.frozen:
        return check.frozen[version].data
    if check.loaded is not None and listed and version == listed[-1]:
        return check.loaded.data
    return None


def per_version(company: Company, name: str, texts: Mapping[str, str]) -> list[Asset]:
    """A file for each version (`<slug>/versions/<version>/<name>`), and the one of the version in force again at
    the company's address (`<slug>/<name>`)."""
    assets = []
    for version, text in texts.items():
        assets.append(Asset(f"{company.slug}/versions/{version}/{name}", text))
        if version == company.current_version.version:
            assets.append(Asset(f"{company.slug}/{name}", text))
    return assets


@dataclass(frozen=True)
class CompanyFiles:
    """What the files of one company are made from: its check (the file and its frozen versions), its model, its
    changelog and the site's languages."""

    check: Checked
    company: Company
    changelog: Sequence[Entry]
    languages: Sequence[str]


def json_files(output: Output, source: CompanyFiles) -> list[Asset]:
    """The JSON files of one company: every version's data, and the data in force at the company's address."""
    listed = [entry.version.version for entry in reversed(source.changelog)]
    data = {version: version_data(source.check, version, listed) for version in listed}
    return per_version(source.company, output.pattern, {v: as_json(d) for v, d in data.items() if d is not None})


def maker(output: Output) -> Callable[..., list[Asset]]:
    """The function an output names (`module:function` of this package)."""
    module, function = output.make.split(":")
    made: Callable[..., list[Asset]] = getattr(importlib.import_module(f"{__package__}.{module}"), function)
    return made


def company_files(source: CompanyFiles) -> list[Asset]:
    """Every file of one company that OUTPUTS declares, in their order."""
    return [asset for output in OUTPUTS if output.scope == "company" for asset in maker(output)(output, source)]


def site_files(companies: Sequence[Company], languages: Sequence[str], optional: bool) -> list[Asset]:
    """The files OUTPUTS declares once for the whole site; the optional ones only when asked."""
    return [
        asset
        for output in OUTPUTS
        if output.scope == "site" and (optional or not output.optional)
        for asset in maker(output)(output, companies, languages)
    ]
