"""Property-based test of the check under hostile input: whatever a company file holds, `privacy-center validate`
ends with status 0 or 1, prints only compiler-style lines, raises nothing, and stays within a time and memory bound.

CI runs a fixed, derandomized set of examples (FUZZ_EXAMPLES, default 170). The longer run (README, "Limits"):

    FUZZ_EXAMPLES=20000 .venv/bin/pytest tests/test_fuzz.py -q
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from privacy_center import cli
from privacy_center.site import checker

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "170"))
TIME_BOUND = 10.0  # seconds per example, tracemalloc on (twice slower), on a CI machine shared with other jobs
MEMORY_BOUND = 256 * 1024 * 1024  # bytes, peak of Python allocations during one check
LINE = re.compile(r"^[^\n]+:\d+:\d+: (?:warning: )?\S[^\n]*: [^\n]+$")
SUMMARY = re.compile(r"^\d+ files? checked: \d+ errors?, \d+ completeness warnings?$")
BASES = {
    "coopo": (ROOT / "data" / "coopo.yaml").read_bytes(),
    "minimal": (FIXTURES / "valid" / "minimal.yaml").read_bytes(),
}
ODD = [
    "\x00",
    "\x07",
    "\t",
    "\r\n",
    "\ufeff",
    "\u2028",
    "\ud800",
    "é",
    "[" * 300,
    "<a href=javascript:x>",
    "&anchor ",
    "*anchor",
    "!!python/object ",
    "!!int ",
    "{a: " * 80,
    "- " * 80,
    "9" * 5000,
    "0000-00-00",
    "yes",
    "~",
    "'",
    '"',
    ": ",
    "\n  ",
    "---\n",
    "? ",
    "%YAML 1.1\n",
    "@",
    "`",
    "{: #x}",
    "> " * 40,
]
BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 12)
)
VALUES = [
    "1",
    "true",
    "null",
    "[]",
    "{}",
    "not_stated",
    "none",
    "'" + "x" * 25000 + "'",
    "9" * 30,
    "[" * 40 + "]" * 40,
    "*nowhere",
    "&a [1, *a]",
    '"2026-02-30"',
    "1900-01-01",
    "{fr: a}",
    "- a\n- b",
]


@st.composite
def company_files(draw: st.DrawFn) -> tuple[str, bytes, bytes | None]:
    """A real company file, mutated: the slug it is saved under, its bytes, and its frozen 1.0 copy (or none)."""
    slug = draw(st.sampled_from(sorted(BASES)))
    text = BASES[slug]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(
                ["truncate", "insert", "bytes", "value", "drop", "crlf", "bom", "tabs", "bomb", "nest", "latin1"]
            )
        )
        at = draw(st.integers(0, len(text)))
        if kind == "truncate":
            text = text[:at]
        elif kind == "insert":
            text = text[:at] + draw(st.sampled_from(ODD)).encode("utf-8", "surrogatepass") + text[at:]
        elif kind == "bytes":
            text = text[:at] + draw(st.binary(min_size=1, max_size=8)) + text[at:]
        elif kind == "value":  # a `key: value` line given a value of another type
            lines = text.split(b"\n")
            index = draw(st.integers(0, max(len(lines) - 1, 0)))
            key, sep, _ = lines[index].partition(b": ")
            if sep:
                lines[index] = key + b": " + draw(st.sampled_from(VALUES)).encode()
            text = b"\n".join(lines)
        elif kind == "drop":  # a missing key (or a broken block)
            lines = text.split(b"\n")
            if lines:
                del lines[draw(st.integers(0, len(lines) - 1))]
            text = b"\n".join(lines)
        elif kind == "crlf":
            text = text.replace(b"\n", b"\r\n")
        elif kind == "bom":
            text = b"\xef\xbb\xbf" + text
        elif kind == "tabs":
            text = text.replace(b"  ", b"\t", draw(st.integers(1, 50)))
        elif kind == "bomb":
            text = text + b"\n" + BOMB.encode()
        elif kind == "nest":
            depth = draw(st.integers(10, 2000))
            text = text + b"\nextra: " + b"[" * depth + b"]" * depth + b"\n"
        elif kind == "latin1":
            text = text.decode("utf-8", "replace").encode("latin-1", "replace")
    frozen = draw(st.sampled_from(["same", "none", "list", "other"]))
    copy = {"same": text, "none": None, "list": b"- a\n- b\n", "other": BASES[slug]}[frozen]
    return slug, text, copy


def run_validate(data_dir: Path) -> tuple[int, str]:
    """`privacy-center validate --data-dir <dir>`, in-process: status and everything it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = cli.main(["validate", "--data-dir", str(data_dir)])
    return status, out.getvalue()


def check_property(data_dir: Path, retry: bool = True) -> None:
    """The property: status 0 or 1, readable compiler-style lines, no exception, bounded time and memory. A run
    over the time bound is run once more (the machine may be busy): the bound applies to the faster run."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        status, output = run_validate(data_dir)
    except BaseException as error:
        raise AssertionError(f"validate raised {type(error).__name__}: {error}") from error
    finally:
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert status in (0, 1), status
    lines = output.splitlines()
    assert lines and SUMMARY.match(lines[-1]), output[-500:]
    bad = [line for line in lines[:-1] if not LINE.match(line)]
    assert bad == [], bad[:3]
    assert "Traceback" not in output
    if elapsed >= TIME_BOUND and retry:
        check_property(data_dir, retry=False)
        return
    assert elapsed < TIME_BOUND, f"{elapsed:.1f} s"
    assert peak < MEMORY_BOUND, f"{peak / 1e6:.0f} MB"


def write_data(folder: Path, slug: str, text: bytes, frozen: bytes | None) -> Path:
    data = folder / "data"
    shutil.rmtree(data, ignore_errors=True)
    (data / "versions" / slug).mkdir(parents=True)
    (data / f"{slug}.yaml").write_bytes(text)
    if frozen is not None:
        (data / "versions" / slug / "1.0.yaml").write_bytes(frozen)
    return data


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Load the schema validators, the wording and jsonschema once, so the time bound measures the check alone."""
    folder = tmp_path_factory.mktemp("warm")
    run_validate(write_data(folder, "minimal", BASES["minimal"], None))
    run_validate(write_data(folder, "minimal", BASES["minimal"].replace(b"role: controller", b"role: x"), b"- a"))


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(case=company_files())
def test_validate_never_raises_and_stays_bounded(
    warm: None, tmp_path: Path, case: tuple[str, bytes, bytes | None]
) -> None:
    check_property(write_data(tmp_path, *case))


def test_the_property_fails_on_a_checker_that_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Proof that the fuzz test can fail: a checker with a traceback is caught."""
    data = write_data(tmp_path, "minimal", BASES["minimal"], None)
    check_property(data)  # the real checker passes

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(cli, "check_files", broken)
    with pytest.raises(AssertionError, match="RecursionError"):
        check_property(data)


def test_the_property_fails_on_a_message_that_is_not_compiler_style(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write_data(tmp_path, "minimal", BASES["minimal"], None)
    real = checker.check_files  # the function cli imported (and calls as cli.check_files)

    def chatty(*args: Any, **kwargs: Any) -> object:
        print("something went wrong")
        return real(*args, **kwargs)

    monkeypatch.setattr(cli, "check_files", chatty)
    with pytest.raises(AssertionError, match="something went wrong"):
        check_property(data)
