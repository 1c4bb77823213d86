"""No function of the package is graded E or F by radon's cyclomatic complexity, and no template line is longer
than a reader's screen (issue 23): a function that branches more than 30 ways is split into named steps."""

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


TEMPLATES = PACKAGE / "privacy_center" / "templates"


def long_lines(text: str, limit: int = 160) -> list[int]:
    """The numbers of the lines longer than `limit` characters."""
    return [number for number, line in enumerate(text.splitlines(), 1) if len(line) > limit]


def test_no_template_line_is_longer_than_a_readers_screen() -> None:
    templates = sorted(TEMPLATES.rglob("*.j2"))  # the partials in subfolders (notice/) too
    assert any(p.parent != TEMPLATES for p in templates)
    found = {str(p.relative_to(TEMPLATES)): lines for p in templates if (lines := long_lines(p.read_text("utf-8")))}
    assert found == {}, f"split these lines (Jinja's {{%- and trim_blocks keep the output as it is): {found}"


def test_the_line_check_sees_a_long_line() -> None:
    assert long_lines("short\n" + "x" * 161 + "\n") == [2]
