"""Sitemaps and feeds that are not well-formed XML still give their URLs, undamaged and safely."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleaner.fetch.listing import parse_listing

BROKEN_RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>M&uuml;nchen &amp; mehr</title>
<item><title>Erste&nbsp;Meldung</title><link>https://x.de/a?id=1&page=2</link></item>
<item><link>https://x.de/b?x=1&amp;y=2</link></item></channel></rss>"""
LATIN1_SAYS_UTF8 = (
    '<?xml version="1.0" encoding="utf-8"?><rss><channel><item>'
    "<link>https://x.de/m\u00fcll</link></item></channel></rss>"
).encode("latin-1")
BROKEN_ATOM = (
    b'<feed xmlns="http://www.w3.org/2005/Atom"><title>A&nbsp;B</title><entry>'
    b'<link rel="self" href="https://a.org/x"/><link href="https://a.org/3?a=1&b=2"/></entry></feed>'
)
IMAGE_SITEMAP = (
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    b'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><url><loc>https://a.org/1</loc>'
    b"<image:image><image:loc>https://a.org/1.jpg</image:loc></image:image></url></urlset>"
)


@pytest.mark.parametrize(
    ("body", "pages"),
    [
        (BROKEN_RSS, ["https://x.de/a?id=1&page=2", "https://x.de/b?x=1&y=2"]),
        (LATIN1_SAYS_UTF8, ["https://x.de/m\u00fcll"]),
        (BROKEN_ATOM, ["https://a.org/3?a=1&b=2"]),
        (IMAGE_SITEMAP, ["https://a.org/1"]),
        (IMAGE_SITEMAP.replace(b"</urlset>", b"&nbsp;</urlset>"), ["https://a.org/1"]),
    ],
    ids=["bare-ampersand", "wrong-encoding", "atom", "image-sitemap", "broken-image-sitemap"],
)
def test_listing_urls_survive_broken_markup(body: bytes, pages: list[str]) -> None:
    assert parse_listing(body, 1_000_000).pages == pages


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE r [<!ENTITY a "https://a.org/evil"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        b'<!DOCTYPE r [<!ENTITY a SYSTEM "file:///etc/passwd">]>',
    ],
    ids=["laughs", "external"],
)
def test_broken_listing_expands_no_entity(doctype: bytes) -> None:
    body = doctype + b"<urlset><url><loc>&b;&a;</loc></url><url><loc>https://a.org/5?x&y</loc>"
    pages = parse_listing(body + b"</url></urlset>", 1_000_000).pages
    assert "https://a.org/5?x&y" in pages
    assert not any("evil" in page or "root:" in page for page in pages)


def test_beautifulsoup_is_not_imported_to_run() -> None:
    code = "import sys, cleaner.cli; assert 'bs4' not in sys.modules, 'bs4 imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
