"""The cost of history: the site build with 5 versions per company against 1, and the diff of two 1,000-company trees.

Run: .venv/bin/python bench/history.py [--companies 200] [--versions 5] [--files 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import ROOT, Build, count_pages, machine, project, run_build, synthetic_data

sys.path.insert(0, str(ROOT / "hooks"))
from privacy_center.check.resolve import company_from_data
from privacy_center.history.diff import diff
from privacy_center.site.checker import check_files
from privacy_center.site.release import release

OUT = ROOT / "bench" / "out" / "history"


def versioned_project(where: Path, companies: int, versions: int) -> Path:
    """A project whose companies each have `versions` frozen versions, every one changing a retention period."""
    config = project(where, with_hook=True)
    data = where / "data"
    synthetic_data(companies, data)
    for path in sorted(data.glob("*.yaml")):
        release(path, "1.0", None, None)
        for step in range(1, versions):
            text = path.read_text(encoding="utf-8")
            before, after = (
                f"duration: {{value: {2 + step}, unit: years}}",
                f"duration: {{value: {3 + step}, unit: years}}",
            )
            path.write_text(text.replace(before, after, 1), encoding="utf-8")
            release(
                path,
                f"1.{step}",
                f"Conservation : {3 + step} ans.",
                f"Retention: {3 + step} years.",
                f"2025-{step:02d}-01",
            )
    return config


def build_history(companies: int, versions: int, repeat: int) -> None:
    """Build with one version per company and with several, alternated, and print them side by side."""
    if OUT.exists():
        shutil.rmtree(OUT)
    configs = {
        1: versioned_project(OUT / "v1", companies, 1),
        versions: versioned_project(OUT / f"v{versions}", companies, versions),
    }
    runs: dict[int, list[Build]] = {count: [] for count in configs}
    for _ in range(repeat):
        for count, config in configs.items():
            runs[count].append(run_build(config))
    print(f"site build, {companies} companies, median of {repeat} (wall s, peak MB, HTML pages)")
    base = statistics.median(r.wall for r in runs[1])
    for count, found in runs.items():
        wall = statistics.median(r.wall for r in found)
        pages = count_pages(configs[count].parent / "site")
        print(
            f"  {count} version{'s' if count > 1 else ' '} each  {wall:7.2f} s  {max(r.peak_mb for r in found):6.0f} MB"
            f"  {pages:6d} pages  {wall / base:5.2f}x"
        )


def trees(count: int) -> tuple[list[Path], list[Path]]:
    """Two trees of `count` companies: copies of the seeds, and the same with a longer cookie lifetime."""
    sources = sorted((ROOT / "data").glob("*.yaml"))
    old, new = OUT / "tree-old", OUT / "tree-new"
    for folder in (old, new):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    for index in range(count):
        source = sources[index % len(sources)]
        slug = f"{source.stem}-{index:04d}"
        text = re.sub(r"^slug: .*$", f"slug: {slug}", source.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
        (old / f"{slug}.yaml").write_text(text, encoding="utf-8")
        (new / f"{slug}.yaml").write_text(
            text.replace("value: 13, unit: months}", "value: 25, unit: months}"), encoding="utf-8"
        )
    return sorted(old.glob("*.yaml")), sorted(new.glob("*.yaml"))


def diff_trees(count: int, repeat: int) -> None:
    """Time the whole comparison of two trees: load, check and resolve both, then diff each pair."""
    old_paths, new_paths = trees(count)
    load_times, diff_times, changes = [], [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        old = [company_from_data(d.data, d.file) for d in check_files(old_paths).documents]
        new = [company_from_data(d.data, d.file) for d in check_files(new_paths).documents]
        loaded = time.perf_counter()
        changes = sum(len(diff(a, b)) for a, b in zip(old, new, strict=False))
        diff_times.append(time.perf_counter() - loaded)
        load_times.append(loaded - start)
    load, compare = statistics.median(load_times), statistics.median(diff_times)
    print(
        f"diff of two {count}-company trees, median of {repeat}: {load + compare:.2f} s "
        f"(load + check + resolve {load:.2f} s, diff {compare:.3f} s, {changes} changes found)"
    )


def main() -> int:
    """Print both figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=200)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    build_history(args.companies, args.versions, args.repeat)
    diff_trees(args.files, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
