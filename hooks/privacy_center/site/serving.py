"""`mkdocs serve` while the data does not pass the check: keep serving, with the report on every page.

`mkdocs build` stops with the report. The preview server instead builds the last site that passed the check, each
page showing the report in a banner at the top, or, when no data has passed since the server started, an error page
at the home page and at every company's address. The server answers at once, prints the report once per rebuild,
never a traceback, and shows the real pages again as soon as the data is fixed.

State lives here, in the package, because MkDocs loads the configuration (and so the hook file) again for every
rebuild while this package stays imported.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .checker import CheckResult, data_files
from ..render.pages import Page, environment, page_path, template_context, xml_environment
from .build import Site
from ..source.versions import UNRELEASED
from ..source.wording import available_languages, load_wording

log = logging.getLogger("privacy_center.serve")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")  # the addresses an error page may take: a file name that is a valid slug


@dataclass
class _State:
    """The command MkDocs runs, the last site built from data that passed the check, and the current report."""

    command: str = "build"
    last_good: Site | None = None
    report: str | None = None
    unreleased: str | None = None  # the edits to released companies the pages preview, when the data passed


_state = _State()


def start(command: str) -> None:
    """Record the command MkDocs runs (`serve` or `build`), from its startup event; a new server starts clean."""
    global _state
    _state = _State(command=command)


def serving() -> bool:
    """True under `mkdocs serve`: bad data then yields a site that shows the report instead of stopping."""
    return _state.command == "serve"


def succeeded(site: Site) -> None:
    """The data passed: this site is the one to fall back on, and there is no report to show; edits to a released
    company not yet released (previewed under `mkdocs serve`) are listed in a banner."""
    _state.last_good = site
    _state.report = None
    unreleased = [w.format() for w in site.result.warnings if w.rule == UNRELEASED]
    _state.unreleased = "\n".join(unreleased) or None


def failed(report: str, data_dir: Path, languages: Sequence[str], default: str) -> Site:
    """The data failed the check: the site to serve instead, the last good one or error pages."""
    _state.report = report
    if _state.last_good is not None:
        return _state.last_good
    return error_site(data_dir, languages, default)


def report() -> str | None:
    """The report of the data's errors while it does not pass the check, else None."""
    return _state.report


def error_site(data_dir: Path, languages: Sequence[str], default: str) -> Site:
    """A site of error pages: the home page and one page per company file whose name is a valid slug."""
    slugs = sorted({path.stem for path in data_files(data_dir) if SLUG.fullmatch(path.stem)})
    pages: list[Page] = []
    template = environment().get_template("serve_error.md.j2")
    worded = set(available_languages())  # a language without wording is in the report; its pages are not built
    for language in (language for language in languages if language in worded):
        content = template.render(template_context(load_wording(language), languages, default))
        pages.append(Page(page_path("index", language, default), language, content))
        pages.extend(Page(page_path("index", language, default, slug), language, content) for slug in slugs)
    result = CheckResult(documents=(), errors=(), warnings=(), files=len(data_files(data_dir)))
    return Site(companies=(), pages=tuple(pages), result=result, changelogs={})


def banner(language: str) -> Markup:
    """The banner at the top of every page while the data has errors, or while the pages preview edits not yet
    released (escaped: the report quotes the data)."""
    report = _state.report or _state.unreleased
    if report is None or language not in available_languages():
        return Markup("")
    words = load_wording(language)
    if _state.report is None:
        title, intro = words("serve.unreleased_title"), words("serve.unreleased_intro")
    else:
        title = words("serve.banner_title")
        intro = words("serve.banner_previous" if _state.last_good is not None else "serve.banner_none")
    html = xml_environment().get_template("serve_report.html.j2").render(title=title, intro=intro, report=report)
    return Markup(html)


@dataclass(frozen=True)
class Rendered:
    """What MkDocs' Markdown conversion gives a page: its HTML, table of contents, title and anchors, with the
    links to other pages' anchors by the linked file's path (File objects are new on every build)."""

    content: str
    toc: object
    title: str | None
    anchors: frozenset[str]
    links: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


class RenderCache:
    """Under `mkdocs serve`, each generated page's Markdown conversion kept from one rebuild to the next.

    MkDocs converts every page again on every rebuild; a page whose Markdown, address and site structure (the
    set of files, which relative links resolve against) are unchanged converts to the same HTML. Only entries the
    last rebuild used are kept, so memory stays that of one site."""

    def __init__(self) -> None:
        self._previous: dict[tuple[str, ...], Rendered] = {}
        self._current: dict[tuple[str, ...], Rendered] = {}

    def new_build(self) -> None:
        """A rebuild starts (once for all its languages): what the last one did not use is dropped."""
        self._previous, self._current = self._current or self._previous, {}

    def get(self, key: tuple[str, ...]) -> Rendered | None:
        found = self._current.get(key) or self._previous.get(key)
        if found is not None:
            self._current[key] = found
        return found

    def put(self, key: tuple[str, ...], rendered: Rendered) -> None:
        self._current[key] = rendered


RENDERED = RenderCache()


class FolderKeeper(threading.Thread):
    """Keep `mkdocs serve` watching the data folder. Its watcher (watchdog's polling emitter) ends for good when the
    folder is moved away or deleted; this thread says so, and when the folder is back watches it again and asks for
    a rebuild, so that an edit (a broken file too) is shown again. `server` is MkDocs' LiveReloadServer: its public
    `watch`/`unwatch`, and, to see a watch that ended and to ask for a rebuild, two of its internals, looked up
    softly (without them, the thread only says that the folder must be watched again by restarting)."""

    def __init__(self, server: Any, folder: Path, interval: float = 0.25) -> None:
        super().__init__(name="privacy-center: data folder watch", daemon=True)
        self.server, self.path, self.interval = server, os.path.abspath(folder), interval
        self.stopped = threading.Event()
        self.present = os.path.isdir(self.path)
        self.identity = _identity(self.path)

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            self.tick()

    def tick(self) -> None:
        """One look at the folder: gone (said once), or back, or replaced, or present with its watch ended."""
        present, identity = os.path.isdir(self.path), _identity(self.path)
        if not present:
            if self.present:
                log.warning(
                    f"privacy-center: {self.path} was moved away or deleted: the site is rebuilt without it, and "
                    "watched again as soon as it is back"
                )
                self.rebuild()
        elif not self.present or identity != self.identity or not self.watching():
            self.rewatch()
        self.present, self.identity = present, identity

    def watching(self) -> bool:
        """Whether the server's watch of the folder still runs (True when that cannot be seen)."""
        watch = getattr(self.server, "_watch_refs", {}).get(self.path)
        emitters = getattr(getattr(self.server, "observer", None), "_emitter_for_watch", None)
        if watch is None or not isinstance(emitters, dict) or watch not in emitters:
            return True
        return bool(emitters[watch].is_alive())

    def rewatch(self) -> None:
        with contextlib.suppress(KeyError, ValueError):  # not watched any more: watched afresh below
            self.server.unwatch(self.path)
        self.server.watch(self.path)
        log.info(f"privacy-center: {self.path} is back: watching it again")
        self.rebuild()

    def rebuild(self) -> None:
        """Ask the server for a rebuild, as a change of a watched file does."""
        condition = getattr(self.server, "_rebuild_cond", None)
        if condition is None or not hasattr(self.server, "_want_rebuild"):
            log.warning("privacy-center: restart mkdocs serve to see the data folder's changes")
            return
        with condition:
            self.server._want_rebuild = True
            condition.notify_all()


def _identity(path: str) -> tuple[int, int] | None:
    """The folder's device and inode (another folder put in its place has others), or None when it is absent."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


_keeper: FolderKeeper | None = None


def keep_watching(server: Any, folder: Path) -> None:
    """Start the one FolderKeeper of this process (MkDocs calls on_serve once per server)."""
    global _keeper
    if _keeper is not None:
        _keeper.stopped.set()
    _keeper = FolderKeeper(server, folder)
    _keeper.start()
