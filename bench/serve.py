"""Time the edit loop of `mkdocs serve`: from saving one company file to its rebuilt page being served.

Run: .venv/bin/python bench/serve.py [--sizes 5,50] [--repeat 3]
For each N, `mkdocs serve` runs on N synthetic companies (made as bench/build.py makes them); one company's name is
changed and saved, and its page is polled until the new name shows. The figure is set beside a full
`mkdocs build --strict` of the plain-Markdown floor site with the same pages (bench/build.py's floor).
Target: edit loop within 1.2x of the floor build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import (
    ROOT,
    BuildError,
    floor_pages,
    machine,
    project,
    run_build,
    synthetic_data,
)

OUT = ROOT / "bench" / "out" / "serve"
TARGET = 1.2
POLL = 0.05  # seconds between two requests while waiting for the rebuilt page


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """The page's text, or "" when the server does not answer it (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return str(response.read().decode("utf-8"))
    except (OSError, urllib.error.URLError):
        return ""


def wait_for(url: str, text: str, seconds: float) -> float | None:
    """Seconds until the page at `url` contains `text`, or None if it never did within `seconds`."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


class Server:
    """`mkdocs serve` on a project, watching its data folder; its output goes to a log file."""

    def __init__(self, config: Path) -> None:
        self.port = free_port()
        address = f"127.0.0.1:{self.port}"
        self.log = (config.parent / "serve.log").open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", str(config), "-w", "data", "-a", address],
            cwd=config.parent,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def save(path: Path, old: str, new: str) -> None:
    """Replace one text in a file the way an editor saves: a whole new file renamed over the old one."""
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise BuildError(f"{path}: '{old}' not found")
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new, 1))
    os.replace(partial, path)


def measure(size: int, repeat: int) -> dict[str, float]:
    """For one N: each save of company-001's name until its page shows the new name under `mkdocs serve`, alternated
    with full builds of the floor so that machine load hits both alike; medians and the slowest edit."""
    base = OUT / f"n{size}"
    if base.exists():
        shutil.rmtree(base)
    ours = project(base / "ours", with_hook=True)
    synthetic_data(size, ours.parent / "data")
    floor = project(base / "floor", with_hook=False)
    floor_pages(ours.parent / "data", floor.parent / "docs")
    data = ours.parent / "data" / "company-001.yaml"
    server = Server(ours)
    try:
        page = server.url("en/company-001/")
        if wait_for(page, "Company 001", 60 + size * 5) is None:
            raise BuildError(f"mkdocs serve did not serve {page}; see {server.log.name}")
        edits, builds, name = [], [], "Company 001"
        for edit in range(1, repeat + 1):
            builds.append(run_build(floor, strict=True).wall)  # also lets the watcher settle after the last build
            new = f"Company 001 edit {edit}"
            save(data, f"name: {name}", f"name: {new}")
            seconds = wait_for(page, new, 60 + size * 5)
            if seconds is None:
                raise BuildError(f"the page never showed '{new}'; see {server.log.name}")
            edits.append(seconds)
            name = new
    finally:
        server.stop()
    return {"edit": statistics.median(edits), "edit_max": max(edits), "floor": statistics.median(builds)}


def main() -> int:
    """Print the edit-loop times side by side with the floor's full build."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,50", help="comma-separated company counts")
    parser.add_argument("--repeat", type=int, default=3, help="saves and floor builds per N, alternated (median)")
    args = parser.parse_args()
    print(machine())
    print(
        f"edit = seconds from saving company-001.yaml to /en/company-001/ showing the change under `mkdocs serve` "
        f"(median of {args.repeat}); floor = full `mkdocs build --strict` of the same pages as plain Markdown, "
        f"whole process (median of {args.repeat}, alternated with the edits)"
    )
    print(f"{'N':>5}{'edit s':>9}{'max s':>9}{'floor s':>9}{'ratio':>7}  target <= {TARGET}x")
    for size in (int(part) for part in args.sizes.split(",")):
        try:
            row = measure(size, args.repeat)
        except BuildError as error:
            print(error, file=sys.stderr)
            return 1
        ratio = row["edit"] / row["floor"]
        print(
            f"{size:>5}{row['edit']:>9.2f}{row['edit_max']:>9.2f}{row['floor']:>9.2f}{ratio:>7.2f}"
            f"  {'met' if ratio <= TARGET else 'NOT met'}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
