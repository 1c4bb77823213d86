"""`mkdocs serve` rebuilds the pages when a company file changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURES
from test_site import make_project

pytestmark = pytest.mark.slow  # a live `mkdocs serve`, waited on while it rebuilds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_data_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path, [FIXTURES / "valid" / "minimal.yaml"])
    port = free_port()
    url = f"http://127.0.0.1:{port}/en/minimal/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(lambda: "Mailer Ltd" in fetch(url)), "the site was not served"
        data = project / "data" / "minimal.yaml"
        data.write_text(data.read_text(encoding="utf-8").replace("Mailer Ltd", "Postman GmbH"), encoding="utf-8")
        assert wait_for(lambda: "Postman GmbH" in fetch(url)), "the page was not rebuilt after the data changed"
    finally:
        server.terminate()
        server.wait(timeout=20)
