"""Compiler-style diagnostics shared by the loader, the schema check and the semantic rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

PathPart = str | int
Path = tuple[PathPart, ...]
Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding, printed as `file:line:col: yaml.path: message (fix)` so editors can jump to it."""

    file: str
    line: int
    column: int
    path: str
    message: str
    fix: str = ""
    severity: Severity = "error"
    # Completeness warnings only (completeness.py), for pages that summarise the gaps: the rule's name, the GDPR
    # article it cites ("13(2)(a)") and the entry it is about, as (kind, id): ("purpose", "newsletter").
    rule: str = field(default="", compare=False)
    article: str = field(default="", compare=False)
    subject: tuple[str, str] | None = field(default=None, compare=False)

    def format(self) -> str:
        """Render the finding on one line, the way compilers do."""
        where = f"{self.file}:{self.line}:{self.column}"
        label = "" if self.severity == "error" else "warning: "
        fix = f" ({self.fix})" if self.fix else ""
        path = self.path or "(document)"
        return f"{where}: {label}{path}: {self.message}{fix}"


def format_path(path: Iterable[PathPart]) -> str:
    """Write a YAML path as `purposes[2].legal_bases[0].basis`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    """Order findings by file, then position, so the report reads top to bottom."""
    return (diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.message)
