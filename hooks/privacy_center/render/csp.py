"""The Content-Security-Policy of each page: the site's own origin only, plus the exact inline scripts the theme
writes (allowed by their hashes, since they differ from page to page)."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

from jinja2 import Environment

from .pages import xml_environment

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
CONTENT = re.compile(r"<article\b.*?</article>", re.DOTALL | re.IGNORECASE)  # where the page's Markdown goes
HEAD = re.compile(r"<head>\s*(<meta charset=\"utf-8\">)?", re.IGNORECASE)


def script_hashes(html: str) -> list[str]:
    """CSP source expressions for every inline script the theme writes around the content. A script inside the
    content came from data that slipped through: it gets no hash, so the browser refuses to run it."""
    theme = CONTENT.sub("", html)
    return [_source(body) for body in dict.fromkeys(INLINE_SCRIPT.findall(theme))]


@lru_cache(maxsize=1024)  # the theme writes the same few scripts on most pages
def _source(script: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode('utf-8')).digest()).decode('ascii')}'"


@lru_cache(maxsize=256)
def _meta(templates: Environment, hashes: tuple[str, ...]) -> str:
    """The policy's tag, per set of hashes and per environment (a new one when the templates change)."""
    return templates.get_template("csp_meta.html.j2").render(script_hashes=hashes)


def with_policy(html: str) -> str:
    """The page with its policy as the first thing in <head>, so it governs everything that follows."""
    meta = _meta(xml_environment(), tuple(script_hashes(html)))
    return HEAD.sub(lambda found: found.group(0) + meta, html, count=1)
