"""Time the site build for N synthetic companies next to the stack's limit for the same pages (the floor).

Run: .venv/bin/python bench/build.py [--sizes 5,50,200,1000] [--repeat 1] [--plain]
"ours" is `mkdocs build --strict` with the hook (check + render + pages + plugins). The floor (issue 11) is the
stack's limit: the same Markdown pages converted by Python-Markdown with the same extensions and rendered through
the theme's main template with a navigation computed once per language, no plugin (mkdocs' own build loop, one
process, one build per language). Targets: ours at least 0.65 of the floor's pages per second at 1,000 companies;
per-page time at 1,000 within 1.25x of the per-page time at 50; peak memory at most linear in the pages.
`--plain` adds the former floor: the same pages as plain Markdown files built by mkdocs with every plugin.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
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
TARGET_SPEED = 0.65  # ours / limit, pages per second, at 1,000 companies
TARGET_PER_PAGE = 1.25  # per-page time at 1,000 companies / at 50
REFERENCE = 50  # the size per-page times are compared with
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


def limit_project(where: Path, pages: Path, languages: list[str], default: str) -> list[Path]:
    """The stack's limit: one plugin-less config per language over that language's pages (`x.en.md` becomes the
    English build's `x.md`, so its links resolve as i18n resolves them), same theme, overrides and extensions."""
    plain = project(where, with_hook=False)
    config = plain.read_text(encoding="utf-8")
    config = re.sub(r"^plugins:\n((?:  .*)?\n)+", "", config, flags=re.MULTILINE) + "\nplugins: []\n"
    config = re.sub(r"^strict: true$", "strict: false", config, flags=re.MULTILINE)  # timing only: links differ
    configs = []
    for language in languages:
        docs = where / f"docs_{language}"
        shutil.copytree(where / "docs", docs)
        suffix = "" if language == default else f".{language}"
        for page in pages.rglob("*.md"):
            name = page.relative_to(pages).as_posix()
            others = [lang for lang in languages if lang != default and name.endswith(f".{lang}.md")]
            if (suffix and name.endswith(f"{suffix}.md")) or (not suffix and not others):
                target = docs / (name.removesuffix(f"{suffix}.md") + ".md" if suffix else name)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(page, target)
        text = re.sub(r"^docs_dir: .*$", f"docs_dir: docs_{language}", config, flags=re.MULTILINE)
        text = re.sub(r"^(  language: ).*$", f"\\g<1>{language}", text, count=1, flags=re.MULTILINE)
        site = "site" if language == default else f"site/{language}"
        text = re.sub(r"^site_dir: .*\n", "", text, flags=re.MULTILINE) + f"site_dir: {site}\n"
        path = where / f"mkdocs.{language}.yml"
        path.write_text(text, encoding="utf-8")
        configs.append(path)
    return configs


def site_url() -> str:
    """The site_url of mkdocs.yml, which the hook passes on to build_site (feed and canonical links)."""
    found = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    return found.group(1) if found else ""


def write_floor_pages(data_dir: Path, docs_dir: Path) -> None:
    """Render the pages our hook would add, once, and keep them as plain Markdown files."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from privacy_center.site.build import build_site

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


def run_child(command: list[str], what: str) -> Build:
    """One build in a fresh process, so peaks never mix: process wall time, in-process time, peak MB."""
    start = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - start
    if out.returncode:
        raise BuildError(f"build of {what} failed (exit {out.returncode}):\n{out.stderr.strip()}")
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    return Build(wall, figures["seconds"], figures["peak_mb"])


def run_build(config: Path, strict: bool = True) -> Build:
    """One `mkdocs build` of a project in a fresh process."""
    site = config.parent / "site"
    command = [sys.executable, __file__, "--child", str(config), str(site)] + ([] if strict else ["--lax"])
    return run_child(command, str(config))


def run_limit(configs: list[Path]) -> Build:
    """One build of the stack's limit (every language, one after the other) in a fresh process."""
    return run_child([sys.executable, __file__, "--limit", *map(str, configs)], str(configs[0].parent))


def child(config: str, site: str, strict: bool) -> None:
    """Inside the fresh process: build, then report own build time and peak resident memory."""
    from mkdocs.__main__ import cli

    start = time.perf_counter()
    # No -q: in mkdocs 1.6 it drops warnings before the strict-mode counter sees them (--strict -q never aborts).
    cli.main(["build", "--strict" if strict else "--no-strict", "-f", config, "-d", site], standalone_mode=False)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb()}))


def limit_child(configs: list[str]) -> None:
    """Inside the fresh process: mkdocs' build loop with no plugin, once per language (Python-Markdown on every
    page, then the theme's main template with the navigation mkdocs computed once for that language)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # unresolved-link notes are not the limit's business
    start = time.perf_counter()
    for config in configs:
        build(load_config(config))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb()}))


def peak_mb() -> float:
    """This process's peak RSS: VmHWM on Linux, because ru_maxrss keeps the forking parent's peak across exec."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else 0.0


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
    """A plain floor build, strict like ours while strict mode accepts it; otherwise lax, with the reason."""
    if not strict:
        return run_build(config, strict=False), False, ""
    try:
        return run_build(config, strict=True), True, ""
    except BuildError as error:
        warnings = [line for line in str(error).splitlines() if line.startswith("WARNING")] or str(error).splitlines()
        reason = f"plain floor built with --no-strict; first warning: {warnings[0]}"
        return run_build(config, strict=False), False, reason


def measure(size: int, repeat: int, plain: bool) -> tuple[dict[str, dict[str, float]], str]:
    """Every build for one N, alternated `repeat` times so drift hits all alike, plus any note about the floor."""
    base = OUT / f"n{size}"
    if base.exists():
        shutil.rmtree(base)
    ours = project(base / "ours", with_hook=True)
    synthetic_data(size, ours.parent / "data")
    site_seconds = floor_pages(ours.parent / "data", base / "pages")
    limit = limit_project(base / "limit", base / "pages", ["fr", "en"], "fr")
    floor = project(base / "floor", with_hook=False) if plain else None
    if floor is not None:
        shutil.copytree(base / "pages", floor.parent / "docs", dirs_exist_ok=True)
    runs: dict[str, list[Build]] = {"ours": [], "limit": [], "floor": []}
    strict, notes = True, []
    for _ in range(repeat):
        runs["ours"].append(run_build(ours, strict=True))
        runs["limit"].append(run_limit(limit))
        if floor is not None:
            build, strict, reason = floor_build(floor, strict)
            runs["floor"].append(build)
            notes.append(reason)
    sites = {"ours": ours.parent / "site", "limit": limit[0].parent / "site"}
    if floor is not None:
        sites["floor"] = floor.parent / "site"
    rows = {name: summarise(runs[name], site) for name, site in sites.items()}
    rows["ours"]["build_site_s"] = site_seconds
    return rows, "".join(dict.fromkeys(notes))


def machine() -> str:
    """The figures only mean something next to the machine and versions that produced them."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"machine: {len(os.sched_getaffinity(0))} cores (nproc), load average {load:.1f} at start, "
        f"Python {sys.version.split()[0]}, mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}, "
        f"mkdocs-static-i18n {version('mkdocs-static-i18n')}, Markdown {version('markdown')}"
    )


def per_page_ms(row: dict[str, float]) -> float:
    return 1000 * row["s"] / row["pages"]


def report(results: dict[int, dict[str, dict[str, float]]], repeat: int, plain: bool) -> list[str]:
    """The closing tables: ours against the stack's limit at each size, per page and per second."""
    lines = [
        f"median of {repeat} build(s) each (wall time of the whole build process, interpreter start included); "
        "peak = max resident memory (VmHWM); pages = built HTML pages, both languages, 404/search/sitemap left out",
        "limit = the stack's limit: Python-Markdown + the theme's main template, navigation computed once per "
        "language, no plugin",
    ]
    reference = results.get(REFERENCE)
    header = (
        f"{'N':>5}{'pages':>7}{'ours s':>9}{'ours p/s':>9}{'ms/page':>8}{'vs 50':>7}{'ours MB':>8}{'KB/page':>8}"
        f"{'limit s':>9}{'limit p/s':>10}{'limit MB':>9}{'ours/limit':>11}"
    )
    lines.append(header + (f"{'plain s':>9}{'plain p/s':>10}" if plain else ""))
    for size, rows in results.items():
        ours, limit = rows["ours"], rows["limit"]
        ratio_50 = per_page_ms(ours) / per_page_ms(reference["ours"]) if reference else float("nan")
        line = (
            f"{size:>5}{ours['pages']:>7.0f}{ours['s']:>9.2f}{ours['pages'] / ours['s']:>9.1f}"
            f"{per_page_ms(ours):>8.1f}{ratio_50:>7.2f}{ours['mb']:>8.0f}{1024 * ours['mb'] / ours['pages']:>8.0f}"
            f"{limit['s']:>9.2f}{limit['pages'] / limit['s']:>10.1f}{limit['mb']:>9.0f}"
            f"{(ours['pages'] / ours['s']) / (limit['pages'] / limit['s']):>11.2f}"
        )
        if plain:
            line += f"{rows['floor']['s']:>9.2f}{rows['floor']['pages'] / rows['floor']['s']:>10.1f}"
        lines.append(line)
    sizes = list(results)
    lines.append("memory per added page (MB between consecutive sizes / pages added; flat or falling = linear):")
    for before, after in itertools.pairwise(sizes):
        added = results[after]["ours"]["pages"] - results[before]["ours"]["pages"]
        grown = results[after]["ours"]["mb"] - results[before]["ours"]["mb"]
        grown_limit = results[after]["limit"]["mb"] - results[before]["limit"]["mb"]
        lines.append(
            f"  {before:>5} -> {after:<5} ours {1024 * grown / added:7.1f} KB/page, "
            f"limit {1024 * grown_limit / added:7.1f} KB/page"
        )
    lines.append(
        "in-process build time (median; interpreter start and mkdocs import left out); wall time of the first build "
        "(ours: cold .cache); build_site = the hook's check + render alone, in a fresh process without cache:"
    )
    lines.append(f"{'N':>5}{'ours s':>9}{'limit s':>9}{'ours 1st s':>12}{'build_site s':>13}")
    for size, rows in results.items():
        ours, limit = rows["ours"], rows["limit"]
        lines.append(
            f"{size:>5}{ours['inner_s']:>9.2f}{limit['inner_s']:>9.2f}{ours['first_s']:>12.2f}"
            f"{ours['build_site_s']:>13.2f}"
        )
    lines.extend(targets(results))
    return lines


def targets(results: dict[int, dict[str, dict[str, float]]]) -> list[str]:
    """Issue 11's targets, judged on the largest size measured (1,000 companies in the full run)."""
    largest = max(results)
    ours, limit = results[largest]["ours"], results[largest]["limit"]
    speed = (ours["pages"] / ours["s"]) / (limit["pages"] / limit["s"])
    found = [
        f"target: ours/limit pages per second at N={largest}: {speed:.2f} (>= {TARGET_SPEED}: "
        f"{'met' if speed >= TARGET_SPEED else 'NOT met'})"
    ]
    if REFERENCE in results and largest != REFERENCE:
        ratio = per_page_ms(ours) / per_page_ms(results[REFERENCE]["ours"])
        found.append(
            f"target: per-page time N={largest} / N={REFERENCE}: {ratio:.2f} (<= {TARGET_PER_PAGE}: "
            f"{'met' if ratio <= TARGET_PER_PAGE else 'NOT met'})"
        )
    return found


def main() -> int:
    """Print the build figures side by side with the stack's limit."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="5,50,200,1000", help="comma-separated company counts")
    parser.add_argument("--repeat", type=int, default=1, help="builds per measurement (median time, max peak)")
    parser.add_argument("--plain", action="store_true", help="also build the pages as plain Markdown with plugins")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--limit", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--lax", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--pages", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pages:
        write_floor_pages(*args.pages)
        return 0
    if args.child:
        child(*args.child, strict=not args.lax)
        return 0
    if args.limit:
        limit_child(args.limit)
        return 0
    print(machine())
    print("floor: no hook, so no overrides/404.html (it needs the hook's `pc_t`): Material's own 404 page")
    results: dict[int, dict[str, dict[str, float]]] = {}
    notes = []
    for size in sorted(int(part) for part in args.sizes.split(",")):
        try:
            rows, note = measure(size, args.repeat, args.plain)
        except BuildError as error:
            print(error, file=sys.stderr)
            return 1
        results[size] = rows
        ours, limit = rows["ours"], rows["limit"]
        print(
            f"N={size}: ours {ours['s']:.2f} s for {ours['pages']:.0f} pages ({ours['pages'] / ours['s']:.1f}/s, "
            f"{ours['mb']:.0f} MB), limit {limit['s']:.2f} s ({limit['pages'] / limit['s']:.1f}/s, "
            f"{limit['mb']:.0f} MB)",
            flush=True,
        )
        for name, row in rows.items():
            if row["pages"] != ours["pages"]:
                notes.append(f"N={size}: ours built {ours['pages']:.0f} pages, {name} {row['pages']:.0f}")
        if note:
            notes.append(f"N={size}: {note}")
    print("\n".join(report(results, args.repeat, args.plain)))
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
