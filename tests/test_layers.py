"""The package's folders are its layers: a module imports from its own layer and the layers below it, never from one
above (README, "Where things are"); imports made inside a function count too. The check is shown able to fail."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "privacy_center"
LAYERS = ("source", "model", "check", "history", "render", "records", "site")  # lowest first; cli.py above all


def _rank(module: str) -> int:
    """The layer of a dotted module name under privacy_center (cli and the package itself: above every layer)."""
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else len(LAYERS)


def _imported(path: Path, package: Path) -> list[tuple[int, str]]:
    """(line, dotted module) of every import of the package a file makes, relative ones resolved."""
    here = ["privacy_center", *path.relative_to(package).with_suffix("").parts][:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if not node.module:  # `from . import x`: each name is a module
                found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
            else:
                found.append((node.lineno, module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return [(line, module) for line, module in found if module.split(".")[0] == "privacy_center"]


def upward_imports(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        own = _rank(".".join(["privacy_center", *path.relative_to(package).with_suffix("").parts]))
        for line, module in _imported(path, package):
            if _rank(module) > own:
                found.append(f"{path.relative_to(package)}:{line}: imports {module}, a higher layer")
    return found


def test_no_module_imports_from_a_higher_layer() -> None:
    assert upward_imports() == []


def test_every_module_is_in_a_layer() -> None:
    loose = {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py", "cli.py"}
    assert loose == set(), f"put these modules in a layer's folder: {sorted(loose)}"
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()} == set(LAYERS)


def test_an_upward_import_is_found(tmp_path: Path) -> None:
    """The check can fail: an import of a higher layer is reported, made inside a function or not; imports of the
    same layer or a lower one are not."""
    for layer in LAYERS:
        (tmp_path / layer).mkdir()
        (tmp_path / layer / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "source" / "low.py").write_text(
        "from . import limits\n\ndef f():\n    from ..site import build\n", encoding="utf-8"
    )
    (tmp_path / "site" / "high.py").write_text("from ..source.low import f\nfrom .. import cli\n", encoding="utf-8")
    assert upward_imports(tmp_path) == [
        "site/high.py:2: imports privacy_center.cli, a higher layer",
        "source/low.py:4: imports privacy_center.site, a higher layer",
    ]
