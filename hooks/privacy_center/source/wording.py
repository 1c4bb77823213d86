"""Per-language wording: one YAML file per language under locales/, with the same keys."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from .loader import load_file

LOCALES_DIR = Path(__file__).parent.parent / "locales"


class WordingError(Exception):
    """A locale file is missing, unreadable, or lacks a key the templates ask for."""


@dataclass(frozen=True)
class Wording:
    """The words of one language, looked up by dotted key such as `right.access.name`."""

    language: str
    entries: Mapping[str, Any]

    @cached_property
    def _by_key(self) -> dict[str, Any]:
        """Every entry under its dotted key, so a lookup (thousands per page) is one dict access."""
        found: dict[str, Any] = {}

        def walk(node: Mapping[str, Any], prefix: str) -> None:
            for key, value in node.items():
                found[f"{prefix}{key}"] = value
                if isinstance(value, Mapping):
                    walk(value, f"{prefix}{key}.")

        walk(self.entries, "")
        return found

    @cached_property
    def _typography(self) -> tuple[re.Pattern[str] | None, dict[str, str], re.Pattern[str] | None, str]:
        """The language's typographic rules (locales/<lang>.yaml, `typography`), compiled once."""
        rules = self.get("typography") or {}
        spaces = {
            **{f" {mark}": f"{space}{mark}" for mark, space in rules.get("no_break_before", {}).items()},
            **{f"{mark} ": f"{mark}{space}" for mark, space in rules.get("no_break_after", {}).items()},
        }
        spacing = re.compile("|".join(map(re.escape, spaces))) if spaces else None
        words = rules.get("elision", {})
        joined = [*words, *(word for word in rules.get("contraction", {}) if word not in words)]
        elision = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, joined))}) \{{(\w+)\}}") if joined else None
        return spacing, {**spaces, **words}, elision, rules.get("vowels", "")

    def typeset(self, text: str) -> str:
        """Text with the language's no-break spaces (French: `Note : x`, `« x »`); unchanged where it has none."""
        spacing, replacements, _, _ = self._typography
        return spacing.sub(lambda found: replacements[found.group(0)], text) if spacing else text

    def _elide(self, text: str, values: Mapping[str, Any]) -> str:
        """`de {company}` becomes `d'{company}` when the value starts with a vowel (French: `d'ActifPilot`)."""
        _, replacements, elision, vowels = self._typography
        if elision is None:
            return text

        contraction = (self.get("typography") or {}).get("contraction", {})

        def elide(found: re.Match[str]) -> str:
            word, name = found.group(1), found.group(2)
            value = str(values.get(name, ""))
            article, _, rest = value.partition(" ")
            if rest and article in contraction.get(word, {}):  # `de {x}` with x = `le Client`: `du Client`
                return f"{contraction[word][article]} {rest}".replace("{", "{{").replace("}", "}}")
            if word in replacements and value[:1].lower() in vowels:
                return f"{replacements[word]}{{{name}}}"
            return found.group(0)

        return elision.sub(elide, text)

    def get(self, key: str, default: Any = None) -> Any:
        """Return the entry at a dotted key, or `default` when absent."""
        return self._by_key.get(key, default)

    @cached_property
    def _typeset_entries(self) -> dict[str, str]:
        """Entries without placeholders to fill, typeset on first use (most lookups are of those)."""
        return {}

    def __call__(self, key: str, **values: Any) -> str:
        """Return the string at `key`, with `{name}` placeholders filled; a missing key is a bug."""
        if not values:
            found = self._typeset_entries.get(key)
            if found is not None:
                return found
        text = self.get(key)
        if not isinstance(text, str):
            raise WordingError(f"locales/{self.language}.yaml: missing wording key '{key}'")
        if values:
            return self.typeset(self._elide(text, values).format(**values))
        found = self._typeset_entries[key] = self.typeset(text)
        return found

    def has(self, key: str) -> bool:
        """True when the key exists (used to validate codes against the wording)."""
        return self.get(key) is not None

    def codes(self, group: str) -> list[str]:
        """The codes defined under a group, e.g. all `country` codes."""
        node = self.get(group, {})
        return sorted(node) if isinstance(node, Mapping) else []


def available_languages(locales_dir: Path = LOCALES_DIR) -> tuple[str, ...]:
    """Languages the site is written in: one per locale file."""
    return tuple(sorted(p.stem for p in locales_dir.glob("*.yaml")))


@cache
def load_wording(language: str, locales_dir: Path = LOCALES_DIR) -> Wording:
    """Load one language's wording once per process."""
    document, errors = load_file(locales_dir / f"{language}.yaml")
    if errors or document is None:
        raise WordingError("; ".join(e.format() for e in errors) or f"cannot load {language}.yaml")
    return Wording(language, document.data)


def flat_keys(entries: Mapping[str, Any], prefix: str = "") -> set[str]:
    """All dotted keys of a wording tree, to compare languages."""
    keys: set[str] = set()
    for key, value in entries.items():
        dotted = f"{prefix}{key}"
        keys.add(dotted)
        if isinstance(value, Mapping):
            keys |= flat_keys(value, dotted + ".")
    return keys


def prefix(language: str, default: str) -> str:
    """Where a language's part of the site starts: `` for the default language, `en/` otherwise."""
    return "" if language == default else f"{language}/"
