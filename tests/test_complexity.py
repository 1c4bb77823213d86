"""No function of the package is graded E or F by radon's cyclomatic complexity (issue 23): a function that
branches more than 30 ways is split into named steps, each readable on its own."""

from __future__ import annotations

from conftest import ROOT
from radon.complexity import cc_rank, cc_visit

PACKAGE = ROOT / "hooks"


def too_complex(source: str) -> list[str]:
    """`name (grade complexity)` of every function or method graded E or F."""
    return [
        f"{block.fullname} ({cc_rank(block.complexity)} {block.complexity})"
        for block in cc_visit(source)
        if cc_rank(block.complexity) in ("E", "F")
    ]


def test_no_function_is_graded_e_or_f() -> None:
    found = {
        str(path.relative_to(ROOT)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if (names := too_complex(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "split these into named steps: " + repr(found)


def test_the_check_sees_a_function_of_31_branches() -> None:
    branches = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(31))
    assert too_complex(f"def f(x):\n{branches}    return -1\n") == ["f (E 32)"]


def test_every_module_is_read() -> None:
    assert len(list(PACKAGE.rglob("*.py"))) >= 40
