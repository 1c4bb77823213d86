"""Time the site build for N synthetic companies next to a plain-Markdown build of the same pages (the floor).

Run: .venv/bin/python bench/build.py [--sizes 5,50,200] [--repeat 3]
"ours" is `mkdocs build` with the hook (check + render + pages). The floor is the same Markdown pages written as
files into docs/, built with the same theme, plugins and config minus the hook. Target: ours within 1.2x the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "build"
TARGET = 1.2
SLUG_LINE = re.compile(r"^slug: coopo$", re.MULTILINE)
NAME_LINE = re.compile(r"^name: Coopo$", re.MULTILINE)


class BuildError(Exception):
    """A build exited non-zero: the report stops with its message."""


@dataclass(frozen=True)
class Build:
    """One build's figures: process wall seconds, seconds inside mkdocs, peak resident MB."""

    wall: float
    inner: float
    peak_mb: float


def synthetic_data(count: int, data_dir: Path) -> None:
    """N companies cut from the Coopo seed, each with its own slug and name."""
    data_dir.mkdir(parents=True)
    seed = (ROOT / "data" / "coopo.yaml").read_text(encoding="utf-8")
    for index in range(1, count + 1):
        slug = f"company-{index:03d}"
        text, slugs = SLUG_LINE.subn(f"slug: {slug}", seed, count=1)
        text, names = NAME_LINE.subn(f"name: Company {index:03d}", text, count=1)
        if (slugs, names) != (1, 1):
            raise BuildError("data/coopo.yaml has no top-level `slug: coopo` or `name: Coopo` line")
        (data_dir / f"{slug}.yaml").write_text(text, encoding="utf-8")


def project(where: Path, with_hook: bool) -> Path:
    """A copy of the project's config, docs and overrides; the floor's config loses its hook and watch list."""
    where.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", where / "docs")
    shutil.copytree(ROOT / "overrides", where / "overrides")
    if not with_hook:  # the 404 override reads `pc_t`, a template global the hook adds: the floor keeps Material's
        (where / "overrides" / "404.html").unlink(missing_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^watch:\n(  - .*\n)+\n?", "", config, flags=re.MULTILINE)
    if with_hook:
        config = config.replace("hooks/privacy_center_hook.py", str(ROOT / "hooks" / "privacy_center_hook.py"))
    else:
        config = re.sub(r"^hooks:\n(  - .*\n)+\n?", "", config, flags=re.MULTILINE)
    (where / "mkdocs.yml").write_text(config, encoding="utf-8")
    return where / "mkdocs.yml"


def site_url() -> str:
    """The site_url of mkdocs.yml, which the hook passes on to build_site (feed and canonical links)."""
    found = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    return found.group(1) if found else ""


def write_floor_pages(data_dir: Path, docs_dir: Path) -> None:
    """Render the pages our hook would add, once, and keep them as plain Markdown files."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from privacy_center.site import build_site

    start = time.perf_counter()
    pages = build_site(data_dir, ["fr", "en"], "fr", site_url=site_url()).pages
    seconds = time.perf_counter() - start
    for page in pages:
        target = docs_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
    print(json.dumps({"seconds": seconds}))


def floor_pages(data_dir: Path, docs_dir: Path) -> float:
    """Write the floor's pages from a fresh process (same hooks code as the next builds); seconds of build_site."""
    out = subprocess.run(
        [sys.executable, __file__, "--pages", str(data_dir), str(docs_dir)], capture_output=True, text=True
    )
    if out.returncode:
        raise BuildError(f"rendering the floor's pages from {data_dir} failed:\n{out.stderr.strip()}")
    return json.loads(out.stdout.strip().splitlines()[-1])["seconds"]


def run_build(config: Path, strict: bool = True) -> Build:
    """One `mkdocs build` in a fresh process, so peaks never mix: process wall time, in-process time, peak MB."""
    site = config.parent / "site"
    command = [sys.executable, __file__, "--child", str(config), str(site)] + ([] if strict else ["--lax"])
    start = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - start
    if out.returncode:
        raise BuildError(f"build of {config} failed (exit {out.returncode}):\n{out.stderr.strip()}")
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    return Build(wall, figures["seconds"], figures["peak_mb"])


def child(config: str, site: str, strict: bool) -> None:
    """Inside the fresh process: build, then report own build time and peak resident memory."""
    from mkdocs.__main__ import cli

    start = time.perf_counter()
    # No -q: in mkdocs 1.6 it drops warnings before the strict-mode counter sees them (--strict -q never aborts).
    cli.main(["build", "--strict" if strict else "--no-strict", "-f", config, "-d", site], standalone_mode=False)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb()}))


def peak_mb() -> float:
    """This process's peak RSS: VmHWM on Linux, because ru_maxrss keeps the forking parent's peak across exec."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE).group(1)) / 1024


def count_pages(site: Path) -> int:
    """Content pages a visitor can open: every HTML file but the 404 page and search/sitemap files."""
    return sum(
        1
        for page in site.rglob("*.html")
        if page.name != "404.html"
        and not page.name.startswith("sitemap")
        and "search" not in page.relative_to(site).parts
    )


def summarise(runs: list[Build], site: Path) -> dict[str, float]:
    """Median times, highest peak, first (cold) wall time and pages of the last build."""
    return {
        "s": statistics.median(run.wall for run in runs),
        "inner_s": statistics.median(run.inner for run in runs),
        "first_s": runs[0].wall,
        "mb": max(run.peak_mb for run in runs),
        "pages": count_pages(site),
    }


def floor_build(config: Path, strict: bool) -> tuple[Build, bool, str]:
    """A floor build, strict like ours while strict mode accepts it; otherwise lax, with the reason."""
    if not strict:
        return run_build(config, strict=False), False, ""
    try:
        return run_build(config, strict=True), True, ""
    except BuildError as error:
        warnings = [line for line in str(error).splitlines() if line.startswith("WARNING")] or str(error).splitlines()
        reason = f"floor built with --no-strict; first warning: {warnings[0]}"
        return run_build(config, strict=False), False, reason


def measure(size: int, repeat: int) -> tuple[dict[str, dict[str, float]], str]:
    """Both builds for one N, alternated `repeat` times so drift hits both alike, plus any note about the floor."""
    base = OUT / f"n{size}"
    if base.exists():
        shutil.rmtree(base)
    ours = project(base / "ours", with_hook=True)
    synthetic_data(size, ours.parent / "data")
    floor = project(base / "floor", with_hook=False)
    site_seconds = floor_pages(ours.parent / "data", floor.parent / "docs")
    runs: dict[str, list[Build]] = {"ours": [], "floor": []}
    strict, notes = True, []
    for _ in range(repeat):
        runs["ours"].append(run_build(ours, strict=True))
        build, strict, reason = floor_build(floor, strict)
        runs["floor"].append(build)
        notes.append(reason)
    note = "".join(notes)
    rows = {
        name: summarise(found, config.parent / "site")
        for (name, found), config in zip(runs.items(), (ours, floor), strict=False)
    }
    rows["ours"]["build_site_s"] = site_seconds
    return rows, note


def machine() -> str:
    """The figures only mean something next to the machine and versions that produced them."""
    return (
        f"machine: {len(os.sched_getaffinity(0))} cores (nproc), Python {sys.version.split()[0]}, "
        f"mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}, "
        f"mkdocs-static-i18n {version('mkdocs-static-i18n')}"
    )


def table_line(size: int, ours: dict[str, float], floor: dict[str, float]) -> str:
    """One row of the report: time, memory and throughput of both builds."""
    ratio = ours["s"] / floor["s"]
    return (
        f"{size:>5}{ours['pages']:>7.0f}{ours['s']:>9.2f}{floor['s']:>9.2f}{ratio:>7.2f}"
        f"{ours['mb']:>9.0f}{floor['mb']:>9.0f}{ours['pages'] / ours['s']:>10.1f}"
        f"{floor['pages'] / floor['s']:>10.1f}  {'met' if ratio <= TARGET else 'NOT met'}"
    )


def main() -> int:
    """Print the build figures side by side with the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,50,200", help="comma-separated company counts")
    parser.add_argument("--repeat", type=int, default=3, help="builds per measurement (median time, max peak)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--lax", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--pages", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pages:
        write_floor_pages(*args.pages)
        return 0
    if args.child:
        child(*args.child, strict=not args.lax)
        return 0
    print(machine())
    print("floor: no hook, so no overrides/404.html (it needs the hook's `pc_t`): Material's own 404 page")
    print(
        f"median of {args.repeat} builds each (wall time of the whole `mkdocs build` process); "
        f"peak = max RSS; pages = built HTML pages, both languages, 404/search/sitemap left out"
    )
    print(
        f"{'N':>5}{'pages':>7}{'ours s':>9}{'floor s':>9}{'ratio':>7}{'ours MB':>9}{'floor MB':>9}"
        f"{'ours p/s':>10}{'floor p/s':>10}  target <= {TARGET}x"
    )
    inner, notes = [], []
    for size in (int(part) for part in args.sizes.split(",")):
        try:
            rows, note = measure(size, args.repeat)
        except BuildError as error:
            print(error, file=sys.stderr)
            return 1
        ours, floor = rows["ours"], rows["floor"]
        print(table_line(size, ours, floor), flush=True)
        if ours["pages"] != floor["pages"]:
            notes.append(f"N={size}: ours built {ours['pages']:.0f} pages, the floor {floor['pages']:.0f}")
        if note:
            notes.append(f"N={size}: {note}")
        inner.append(
            f"{size:>5}{ours['inner_s']:>9.2f}{floor['inner_s']:>9.2f}"
            f"{ours['inner_s'] / floor['inner_s']:>7.2f}{ours['first_s']:>12.2f}{floor['first_s']:>12.2f}"
            f"{ours['build_site_s']:>13.2f}"
        )
    print(
        "in-process build time (median; interpreter start and mkdocs import left out); wall time of the first build "
        "(ours: cold .cache); build_site = the hook's check + render alone, in a fresh process without cache:"
    )
    print(f"{'N':>5}{'ours s':>9}{'floor s':>9}{'ratio':>7}{'ours 1st s':>12}{'floor 1st s':>12}{'build_site s':>13}")
    print("\n".join(inner))
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
