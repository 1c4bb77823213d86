"""`privacy-center new <slug>`: a company file to fill in, with every required field, a comment on each and
`not_stated` wherever a fact must come from the policy."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..check.schema import SCHEMA_PATH, schema
from ..source.wording import available_languages, load_wording
from .pages import TEMPLATES_DIR

SCHEMA_LINE = "# yaml-language-server: $schema="


class ScaffoldError(Exception):
    """The slug is not usable or the file exists; the message says what to do."""


def schema_reference(company_file: Path) -> str:
    """The schema's path relative to the company file (editors resolve it from the file, with no network)."""
    return Path(os.path.relpath(SCHEMA_PATH.resolve(), company_file.parent.resolve())).as_posix()


def with_schema_line_for(text: str, company_file: Path) -> str:
    """The text with its editor schema line (if it starts with one) pointing to the schema from `company_file`: a
    frozen copy lives two folders deeper than the file it was made from."""
    if not text.startswith(SCHEMA_LINE):
        return text
    _, _, rest = text.partition("\n")
    return f"{SCHEMA_LINE}{schema_reference(company_file)}\n{rest}"


def scaffold(slug: str, data_dir: Path) -> str:
    """The text of a new company file for `slug` in `data_dir`."""
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML: the only values are the checked slug and the name, written as a JSON string
    )
    environment.filters["tojson"] = lambda value: json.dumps(value, ensure_ascii=False)
    name = " ".join(part.capitalize() for part in slug.split("-"))
    path = data_dir / f"{slug}.yaml"
    template = environment.get_template("new_company.yaml.j2")
    return template.render(
        slug=slug,
        name=name,
        schema=schema_reference(path),
        placeholder=_text_per_language("scaffold.placeholder"),
        first_version=_text_per_language("scaffold.first_version"),
    )


def _text_per_language(key: str) -> str:
    """A text in every site language, as a YAML flow mapping: {fr: "...", en: "..."}."""
    texts = [
        f"{language}: {json.dumps(load_wording(language)(key), ensure_ascii=False)}"
        for language in available_languages()
    ]
    return "{" + ", ".join(texts) + "}"


def new_company(slug: str, data_dir: Path) -> Path:
    """Write `data_dir/<slug>.yaml`; refuse a bad slug or an existing file."""
    rule = schema()["properties"]["slug"]  # the slug the schema accepts, and no other
    if not re.search(rule["pattern"], slug) or len(slug) > rule["maxLength"]:
        raise ScaffoldError(
            f"privacy-center: '{slug}' is not a usable slug (lowercase letters, digits and single hyphens, at most "
            f"{rule['maxLength']} characters, e.g. acme or acme-france)"
        )
    path = data_dir / f"{slug}.yaml"
    if path.exists():
        raise ScaffoldError(
            f"{path}:1:1: (document): the file exists; nothing was written (edit it, or pick another slug)"
        )
    if not data_dir.is_dir():
        raise ScaffoldError(f"privacy-center: no folder {data_dir}/ (run from the project's root, or pass --data-dir)")
    text = scaffold(slug, data_dir)
    with path.open("x", encoding="utf-8") as stream:  # "x": never over a file made meanwhile
        stream.write(text)
    return path
