"""What counts as live markup in data text: shared by the validator (which refuses it) and the renderer (which defuses it)."""
from __future__ import annotations

import re

RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<!--")
# Script schemes anywhere; data: only where Markdown expects a link destination (prose says "data:" all the time).
UNSAFE_LINK = re.compile(r"(?i)\b(?:javascript|vbscript)\s*:|(?:\]\(\s*<?|\]:\s*<?)\s*data\s*:")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\t]")


def defuse_markdown(text: str) -> str:
    """Markdown with raw HTML, entities, attribute lists and script links made inert, formatting kept."""
    text = _CONTROL.sub(" ", text).replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{")
    return UNSAFE_LINK.sub(lambda match: match.group(0)[:-1] + "-", text)
