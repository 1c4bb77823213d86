"""Time the full check of many company files next to a bare libyaml parse of the same files.

Run: .venv/bin/python bench/check.py [--files 1000] [--repeat 3]
"Bare parse" reads each file and hands it to `yaml.load(..., Loader=yaml.CSafeLoader)`, nothing else.
"Full check" is `check_files`: YAML with line marks, schema, semantic rules, completeness, duplicate slugs.
Target (issue 11): the full check within 1.6x the bare parse.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "check"
sys.path.insert(0, str(ROOT / "hooks"))

from privacy_center.check.completeness import completeness  # noqa: E402
from privacy_center.check.rules import check_rules, duplicate_slugs  # noqa: E402
from privacy_center.check.schema import check_schema  # noqa: E402
from privacy_center.site.checker import CheckResult, check_files, default_context, display_name  # noqa: E402
from privacy_center.source.loader import Document, load_file  # noqa: E402

TARGET = 1.6  # issue 11: `validate` on 1,000 files within 1.6x of a bare libyaml parse
SLUG_LINE = re.compile(r"^slug: .*$", re.MULTILINE)  # column 0 only: nested `slug:` keys are indented
STAGES = ("load (read + YAML + line marks)", "schema", "semantic rules", "completeness", "duplicate slugs (all files)")


def make_files(count: int, out: Path) -> list[Path]:
    """Copies of the real company files with their frozen versions, each with a slug equal to its file stem, so
    every file passes the check, releases included."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    sources = sorted((ROOT / "data").glob("*.yaml"))
    paths = []
    for index in range(1, count + 1):
        source = sources[(index - 1) % len(sources)]
        slug = f"{source.stem}-{index:04d}"
        text, replaced = SLUG_LINE.subn(f"slug: {slug}", source.read_text(encoding="utf-8"), count=1)
        if not replaced:
            raise SystemExit(f"{source}: no top-level `slug:` line to rewrite")
        path = out / f"{slug}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        source_slug = SLUG_LINE.search(source.read_text(encoding="utf-8"))
        assert source_slug is not None
        frozen = ROOT / "data" / "versions" / source_slug.group(0).split(":", 1)[1].strip()
        for copy in sorted(frozen.glob("*.yaml")):  # its released versions, as `release` froze them
            target = out / "versions" / slug / copy.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(SLUG_LINE.sub(f"slug: {slug}", copy.read_text(encoding="utf-8"), count=1), "utf-8")
    return paths


def bare_parse(paths: list[Path]) -> None:
    """The floor: read each file and parse it with libyaml, nothing else."""
    for path in paths:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def full_check(paths: list[Path]) -> CheckResult:
    """What `privacy-center validate` does, minus printing; the synthetic files must all pass."""
    result = check_files(paths)
    if result.errors:
        raise SystemExit(f"the synthetic files have {len(result.errors)} error(s), first: {result.errors[0].format()}")
    return result


def interleaved(jobs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median wall time of each job, runs alternated so drift (cache, turbo) hits all jobs alike."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(repeat):
        for name, job in jobs.items():
            start = time.perf_counter()
            job()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def timed(totals: dict[str, float], stage: str, job: Callable[[], list]) -> list:
    """Run one stage, add its wall time to the stage's total, and pass its findings on."""
    start = time.perf_counter()
    found = job()
    totals[stage] += time.perf_counter() - start
    return found


def stage_pass(paths: list[Path]) -> dict[str, float]:
    """One pass through the stages exactly as check_files / check_documents chain them; seconds per stage."""
    context = default_context()
    totals = dict.fromkeys(STAGES, 0.0)
    load, schema, rules, complete, duplicates = STAGES
    documents: list[Document] = []
    for path in paths:
        document, errors = timed(totals, load, lambda: list(load_file(path, display_name(path))))
        if document is None or errors:
            raise SystemExit(f"{path}: load errors")
        documents.append(document)
    for document in documents:
        found = timed(totals, schema, lambda: check_schema(document))
        if not found:
            found = timed(totals, rules, lambda: check_rules(document, context))
        if found:
            raise SystemExit(f"{document.file}: {found[0].format()}")
        timed(totals, complete, lambda: completeness(document))
    if timed(totals, duplicates, lambda: duplicate_slugs(documents)):
        raise SystemExit("duplicate slugs in the synthetic files")
    return totals


def stages(paths: list[Path], repeat: int) -> dict[str, float]:
    """Milliseconds per file for each stage, median over `repeat` passes."""
    passes = [stage_pass(paths) for _ in range(repeat)]
    return {stage: 1000 * statistics.median(p[stage] for p in passes) / len(paths) for stage in STAGES}


def report(count: int, repeat: int, bare: float, full: float, warnings: int, per_stage: dict[str, float]) -> None:
    """Print the comparison and the stage breakdown."""
    ratio = full / bare
    print(
        f"{count} company files (copies of data/*.yaml), median of {repeat} runs, Python {sys.version.split()[0]}, "
        f"PyYAML {yaml.__version__} (libyaml: {yaml.__with_libyaml__})"
    )
    print(f"{'':40}{'seconds':>10}{'ms/file':>10}")
    print(f"{'bare libyaml parse (floor)':40}{bare:>10.3f}{1000 * bare / count:>10.3f}")
    print(f"{f'full check (0 errors, {warnings} warnings)':40}{full:>10.3f}{1000 * full / count:>10.3f}")
    print(f"ratio full/bare {ratio:.2f}x (target <= {TARGET}x: {'met' if ratio <= TARGET else 'NOT met'})")
    print("stages, ms per file (each stage timed separately, same chaining as check_documents):")
    for stage, ms in per_stage.items():
        print(f"  {stage:36}{ms:>8.3f}")
    print(f"  {'sum of stages':36}{sum(per_stage.values()):>8.3f}")
    print(f"  {'full check minus sum (sorting, setup)':36}{1000 * full / count - sum(per_stage.values()):>8.3f}")


def main() -> int:
    """Print the check time next to the bare parse, and where the time goes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="company files to generate and check")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    args = parser.parse_args()
    paths = make_files(args.files, OUT)
    warnings = len(full_check(paths).warnings)  # also warms up: schema compiled, wording files loaded
    bare_parse(paths)
    times = interleaved({"bare": lambda: bare_parse(paths), "full": lambda: full_check(paths)}, args.repeat)
    report(args.files, args.repeat, times["bare"], times["full"], warnings, stages(paths, args.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
