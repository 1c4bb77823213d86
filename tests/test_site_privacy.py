"""What the built site promises its visitors, checked on the HTML: a strict CSP, a bilingual 404, printing."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from html_utils import parse, visible_text

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_has_a_policy_that_allows_only_the_site_and_its_own_inline_scripts(site: Path) -> None:
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        head = html[html.index("<head>") : html.index("</head>")]
        found = CSP.search(head)
        assert found, page
        assert head.index("Content-Security-Policy") < head.index("<script"), page  # it governs every script
        policy = found.group(1).replace("&#39;", "'")
        assert "http" not in policy and "*" not in policy, page
        scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
        expected = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts}
        script_src = re.search(r"script-src ([^;]+)", policy)
        assert script_src, page
        allowed = set(script_src.group(1).split()) - {"'self'"}
        assert allowed == expected, page


@pytest.mark.parametrize(
    "path,lang,other,title,home",
    [
        (
            "404.html",
            "fr",
            "/en/404.html",
            "Page introuvable",
            '<a href="/">Retour à l\'accueil du centre de confidentialité</a>',
        ),
        (
            "en/404.html",
            "en",
            "/404.html",
            "Page not found",
            '<a href="/en/">Back to the privacy center\'s home page</a>',
        ),
    ],
)
def test_each_language_has_its_not_found_page(
    site: Path, path: str, lang: str, other: str, title: str, home: str
) -> None:
    """/404.html is French, /en/404.html English; each switches to the other (not to the last page built)."""
    page = parse(site / path)
    assert page.html_lang == lang
    assert home in (site / path).read_text(encoding="utf-8").replace("&#39;", "'")
    assert title in visible_text(site / path)
    switch = {link["hreflang"]: link["href"] for link in page.links if "md-select__link" in link.get("class", "")}
    assert switch[lang] == f"/{path}" and other in switch.values()


@pytest.mark.parametrize(
    "path,label",
    [
        ("coopo/notice/index.html", "Imprimer ou enregistrer en PDF"),
        ("en/coopo/notice/index.html", "Print or save as PDF"),
    ],
)
def test_the_notice_offers_printing(site: Path, path: str, label: str) -> None:
    html = (site / path).read_text(encoding="utf-8")
    assert f'<button type="button" class="md-button pc-print" data-print hidden>{label}</button>' in html
    assert 'src="../../' + ("../" if path.startswith("en/") else "") + 'assets/privacy-center.js"' in html
    css = (site / "assets" / "privacy-center.css").read_text(encoding="utf-8")
    assert "@media print" in css and "break-after: avoid" in css  # headings stay with their text


def test_the_dpo_contact_is_a_list_of_channels(site: Path) -> None:
    html = (site / "coopo" / "notice" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"a été désigné\.</p>\s*<ul>\s*<li>E-mail", html)


SITE_URL = "https://privacy.example.org/"  # site_url of mkdocs.yml
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


def page_urls(site: Path) -> dict[str, Path]:
    """Every page a visitor can reach, by its public URL (the 404 page has none)."""
    found = {}
    for page in pages(site):
        if page.name == "index.html":
            folder = page.parent.relative_to(site).as_posix()
            found[SITE_URL + ("" if folder == "." else folder + "/")] = page
    return found


def test_every_page_has_its_own_description_and_its_canonical_url(site: Path) -> None:
    seen: dict[str, str] = {}
    for url, page in page_urls(site).items():
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        canonical, description_tag = CANONICAL.search(head), DESCRIPTION.search(head)
        assert canonical and description_tag, url
        assert canonical.group(1) == url
        description = description_tag.group(1)
        assert len(description) > 40, url
        assert description not in seen, f"{url} has the description of {seen.get(description)}"
        seen[description] = url
    head = (site / "en" / "coopo" / "rights" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    description_tag = DESCRIPTION.search(head)
    assert description_tag
    assert description_tag.group(1) == (
        "How to exercise your GDPR rights with Coopo: where to write, response time and proof of identity."
    )


def test_the_sitemap_lists_every_page_with_its_two_languages(site: Path) -> None:
    import xml.etree.ElementTree as ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries: dict[str, dict[str | None, str | None]] = {}
    for url in ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", ns):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        loc_tag = url.find("s:loc", ns)
        assert loc_tag is not None and loc_tag.text
        entries[loc_tag.text] = alternates
    assert set(entries) == set(page_urls(site))
    for loc, alternates in entries.items():
        french = loc if not loc.startswith(SITE_URL + "en/") else loc.replace(SITE_URL + "en/", SITE_URL, 1)
        assert alternates == {"fr": french, "en": french.replace(SITE_URL, SITE_URL + "en/", 1)}, loc
