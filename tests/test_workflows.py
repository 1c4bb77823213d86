"""The CI files users copy (GitHub Actions, GitLab CI) are correct, not decorative: every `privacy-center` and
`mkdocs` command they run exists with those options, and runs here."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from mkdocs.__main__ import cli as mkdocs_cli
from privacy_center.cli import build_parser

GITHUB = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
GITLAB = ROOT / ".gitlab-ci.yml"
OFFICIAL_ACTIONS = {
    "actions/checkout@v4",
    "actions/setup-python@v5",
    "actions/github-script@v7",
    "actions/configure-pages@v5",
    "actions/upload-pages-artifact@v3",
    "actions/deploy-pages@v4",
}
VARIABLES = {"BASE": "main", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}


def scripts() -> list[tuple[str, str]]:
    """(file, shell script) for every step of every workflow and job."""
    found = []
    for path in GITHUB:
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
            found += [(path.name, step["run"]) for step in job["steps"] if "run" in step]
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    found += [(GITLAB.name, line) for line in gitlab["default"]["before_script"]]
    for job in gitlab.values():
        if isinstance(job, dict) and "script" in job:
            found += [(GITLAB.name, line) for line in job["script"]]
    return found


def commands(tool: str) -> list[tuple[str, list[str]]]:
    """Each call of `.venv/bin/<tool>` in the scripts, as its arguments with the CI variables filled in."""
    calls = []
    for name, script in scripts():
        for part in re.split(r"&&|\|\||;|\|", script):
            part = re.sub(r">\s*\S+", "", part).strip()  # output redirections
            if part.startswith(f".venv/bin/{tool} "):
                for variable, value in VARIABLES.items():
                    part = part.replace(f"${variable}", value)
                calls.append((name, shlex.split(part)[1:]))
    return calls


def test_the_workflows_are_there() -> None:
    assert {path.name for path in GITHUB} == {"pull-request.yml", "pages.yml"}
    assert len(commands("privacy-center")) >= 5 and len(commands("mkdocs")) >= 3


def test_they_use_official_actions_only() -> None:
    used = {
        step["uses"]
        for path in GITHUB
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    }
    assert used and used <= OFFICIAL_ACTIONS, used - OFFICIAL_ACTIONS


def test_pages_publishing_has_what_the_pages_actions_need() -> None:
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pages["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    upload = next(s for s in pages["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages"))
    built = [args for name, args in commands("mkdocs") if name == "pages.yml"]
    assert built == [["build", "--strict", "-d", upload["with"]["path"]]]
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert ["build", "--strict", "-d", "public"] in [args for _, args in commands("mkdocs")]


@pytest.mark.parametrize(("name", "args"), commands("privacy-center"))
def test_each_privacy_center_command_exists_with_its_options(name: str, args: list[str]) -> None:
    build_parser().parse_args(args)  # exits (SystemExit) on an unknown command or option


@pytest.mark.parametrize(("name", "args"), commands("mkdocs"))
def test_each_mkdocs_command_exists_with_its_options(name: str, args: list[str]) -> None:
    mkdocs_cli.make_context("mkdocs", list(args))  # click raises on an unknown command or option


def test_the_commands_run_here(tmp_path: Path) -> None:
    """Each distinct command, run in this project: the site built into a temporary folder, the diff against this
    commit when there is no origin/main."""
    base = "origin/main"
    if subprocess.run(["git", "rev-parse", "--verify", "-q", base], cwd=ROOT, capture_output=True).returncode:
        base = "HEAD"
    done = set()
    for tool, args in [("privacy-center", a) for _, a in commands("privacy-center")] + [
        ("mkdocs", a) for _, a in commands("mkdocs")
    ]:
        args = [base if arg == "origin/main" else arg for arg in args]
        if tool == "mkdocs":
            kept = [a for i, a in enumerate(args) if a != "-d" and (i == 0 or args[i - 1] != "-d")]
            args = [*kept, "-d", str(tmp_path / "site")]
        if (tool, tuple(args)) in done:
            continue
        done.add((tool, tuple(args)))
        module = "privacy_center.cli" if tool == "privacy-center" else "mkdocs"
        run = subprocess.run(
            [sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, timeout=600
        )
        assert run.returncode == 0, (tool, args, run.stdout[-2000:], run.stderr[-2000:])
        assert "Traceback" not in run.stderr
    assert len(done) == 4  # validate, validate --no-warnings, diff --base, build --strict
