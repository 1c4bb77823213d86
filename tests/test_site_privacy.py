"""What the built site promises its visitors, checked on the HTML: a strict CSP, a bilingual 404, printing."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from html_utils import visible_text

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_has_a_policy_that_allows_only_the_site_and_its_own_inline_scripts(site: Path) -> None:
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        head = html[html.index("<head>"):html.index("</head>")]
        found = CSP.search(head)
        assert found, page
        assert head.index("Content-Security-Policy") < head.index("<script"), page  # it governs every script
        policy = found.group(1).replace("&#39;", "'")
        assert "http" not in policy and "*" not in policy, page
        scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
        expected = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts}
        allowed = set(re.search(r"script-src ([^;]+)", policy).group(1).split()) - {"'self'"}
        assert allowed == expected, page


def test_the_not_found_page_speaks_both_languages(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    assert '<section lang="fr">' in html and '<section lang="en">' in html
    assert '<a href="/">Retour à l\'accueil du centre de confidentialité</a>' in html
    assert '<a href="/en/">Back to the privacy center\'s home page</a>' in html
    text = visible_text(site / "404.html")
    assert "Page introuvable" in text and "Page not found" in text


@pytest.mark.parametrize("path,label", [("coopo/notice/index.html", "Imprimer ou enregistrer en PDF"),
                                        ("en/coopo/notice/index.html", "Print or save as PDF")])
def test_the_notice_offers_printing(site: Path, path: str, label: str) -> None:
    html = (site / path).read_text(encoding="utf-8")
    assert f'<button type="button" class="md-button pc-print" data-print hidden>{label}</button>' in html
    assert 'src="../../' + ("../" if path.startswith("en/") else "") + 'assets/privacy-center.js"' in html
    css = (site / "assets" / "privacy-center.css").read_text(encoding="utf-8")
    assert "@media print" in css and "break-before: page" in css


def test_the_dpo_contact_is_a_list_of_channels(site: Path) -> None:
    html = (site / "coopo" / "notice" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"a été désigné\.</p>\s*<ul>\s*<li>E-mail", html)
