"""Per-language wording: one YAML file per language under locales/, with the same keys."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Mapping

from .loader import load_file

LOCALES_DIR = Path(__file__).parent / "locales"


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

    def get(self, key: str, default: Any = None) -> Any:
        """Return the entry at a dotted key, or `default` when absent."""
        return self._by_key.get(key, default)

    def __call__(self, key: str, **values: Any) -> str:
        """Return the string at `key`, with `{name}` placeholders filled; a missing key is a bug."""
        text = self.get(key)
        if not isinstance(text, str):
            raise WordingError(f"locales/{self.language}.yaml: missing wording key '{key}'")
        return text.format(**values) if values else text

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


@lru_cache(maxsize=None)
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
