"""The data files of the site are declared once (render/outputs.py): each declared function resolves and makes the
files the declaration names, each linked file is worded in every language, and the built site holds exactly the
declared company files (tests/test_exports.py reads their content)."""

from __future__ import annotations

import inspect

import pytest
from conftest import FIXTURES
from privacy_center.records.exports import CompanyFiles, company_files, maker, site_files
from privacy_center.render.outputs import OUTPUTS, Output
from privacy_center.site.build import company_of
from privacy_center.site.checker import check_file, default_context
from privacy_center.source.publish import in_force_day
from privacy_center.source.wording import available_languages, load_wording


@pytest.mark.parametrize("output", OUTPUTS, ids=lambda output: output.key)
def test_each_output_names_a_function_that_makes_it(output: Output) -> None:
    made = maker(output)
    parameters = list(inspect.signature(made).parameters)
    assert parameters == (["output", "source"] if output.scope == "company" else ["output", "companies", "languages"])
    if output.linked:
        for language in available_languages():
            assert load_wording(language)(f"exports.{output.key}")


def test_the_files_made_are_the_files_declared() -> None:
    check = check_file(FIXTURES / "valid" / "full.yaml", default_context(), releases=False)
    modelled = company_of(check, in_force_day())
    assert modelled is not None
    company = modelled[0]
    languages = available_languages()
    made = {asset.path for asset in company_files(CompanyFiles(check, company, modelled[1], languages))}
    versions = [entry.version.version for entry in modelled[1]]
    wanted = set()
    for output in (o for o in OUTPUTS if o.scope == "company"):
        for language in languages:
            wanted.add(f"{company.slug}/{output.name(language)}")
            wanted.update(
                f"{company.slug}/versions/{v}/{output.name(language)}" for v in versions if output.per_version
            )
    assert made == wanted
    site = {asset.path for asset in site_files((company,), languages, optional=True)}
    assert site == {o.name(language) for o in OUTPUTS if o.scope == "site" for language in languages}
    assert site_files((company,), languages, optional=False) == []  # the register only where the site asks for it


def test_a_function_that_does_not_exist_is_an_error() -> None:
    """The check can fail: a declaration that names no function is refused when it is resolved."""
    with pytest.raises(AttributeError):
        maker(Output("x", "text/plain", "x.txt", False, "company", "exports:no_such_function"))
