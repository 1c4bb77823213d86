"""The site's options, declared as typed fields the way MkDocs and Material declare theirs: `extra.privacy_center` of
mkdocs.yml, read once per build into one frozen object. Each option has its type, its default and what it does;
`read_options` reports every problem of the section at once, each naming its key and how to fix it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from ..render.chrome import CONFIG_KEY, FOOTER_LINKS, ChromeConfigError, Footer, footer_config


@dataclass(frozen=True)
class Options:
    """`extra.privacy_center` of mkdocs.yml."""

    contact: Mapping[str, str] | None = field(  # by language, as read (one address is the same in each)
        default=None,
        metadata={
            "help": "the site's own contact address in the footer: one https: or mailto: address, or one per language"
        },
    )
    legal_notice: Mapping[str, str] | None = field(
        default=None,
        metadata={"help": "the site's legal notice in the footer: one https: address, or one per language"},
    )
    publish_register: bool = field(
        default=False,
        metadata={"help": "publish the register of processing activities (/register.<lang>.csv): true or false"},
    )

    @property
    def footer(self) -> Footer:
        """The footer's links."""
        return Footer({"contact": self.contact, "legal_notice": self.legal_notice})


class OptionsError(ChromeConfigError):
    """extra.privacy_center is malformed: one line per problem, each naming its key and how to fix it."""


def declared() -> list[str]:
    """The option names, in their declared order."""
    return [item.name for item in fields(Options)]


def read_options(extra: Mapping[str, Any] | None, languages: Sequence[str]) -> Options:
    """The options of mkdocs.yml's `extra.privacy_center`, checked against their declarations; every problem at
    once in an OptionsError."""
    section = (extra or {}).get(CONFIG_KEY) or {}
    if not isinstance(section, Mapping):
        raise OptionsError(f"mkdocs.yml: extra.{CONFIG_KEY}: expected a mapping with the keys {', '.join(declared())}")
    problems = [
        f"mkdocs.yml: extra.{CONFIG_KEY}.{key}: unknown key (expected one of {', '.join(declared())})"
        for key in sorted(set(section) - set(declared()))
    ]
    register = section.get("publish_register", False)
    if not isinstance(register, bool):
        problems.append(f"mkdocs.yml: extra.{CONFIG_KEY}.publish_register: expected true or false, not {register!r}")
    links = {key: section[key] for key in FOOTER_LINKS if key in section}
    footer = Footer({})
    try:
        footer = footer_config({CONFIG_KEY: links}, languages)
    except ChromeConfigError as error:
        problems.append(str(error))
    if problems:
        raise OptionsError("\n".join(problems))
    return Options(footer.links["contact"], footer.links["legal_notice"], publish_register=register is True)
