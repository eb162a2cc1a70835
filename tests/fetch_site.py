"""The site the fetch tests crawl: fixture pages plus every kind of misbehaviour."""

from __future__ import annotations

import gzip
from pathlib import Path

from httpserver import (
    Handler,
    Route,
    chunked,
    drip,
    fail_first,
    gzipped,
    page,
    redirect,
    reset,
    slow,
    status,
)

HTTP_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "http"
ROBOTS = b"User-agent: *\nDisallow: /private/\n\nUser-agent: othercrawler\nDisallow: /\n"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _fixture(name: str) -> bytes:
    return (HTTP_FIXTURES / name).read_bytes()


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
LISTINGS = {  # opening, item template, closing, content type
    "urlset": (
        f'<urlset xmlns="{SITEMAP_NS}">',
        "<url><loc>{url}</loc></url>",
        "</urlset>",
        "application/xml",
    ),
    "index": (
        f'<sitemapindex xmlns="{SITEMAP_NS}">',
        "<sitemap><loc>{url}</loc></sitemap>",
        "</sitemapindex>",
        "text/xml",
    ),
    "rss": (
        '<rss version="2.0"><channel>',
        "<item><title>a</title><link>{url}</link></item>",
        "</channel></rss>",
        "application/rss+xml",
    ),
    "atom": (
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '<entry><link href="{url}"/></entry>',
        "</feed>",
        "application/atom+xml",
    ),
}


def listing(kind: str, *paths: str) -> Route:
    """A sitemap or feed whose absolute links point back at this server."""
    head, item, tail, ctype = LISTINGS[kind]

    def route(h: Handler) -> None:
        items = "".join(item.format(url=h.server.url(path)) for path in paths)
        h.reply(200, f'<?xml version="1.0"?>{head}{items}{tail}'.encode(), ctype)

    return route


def text_sitemap(*paths: str) -> Route:
    """A gzipped plain-text sitemap served as a file download (no Content-Encoding)."""

    def route(h: Handler) -> None:
        lines = "".join(h.server.url(path) + "\n" for path in paths)
        h.reply(200, gzip.compress(lines.encode()), "application/x-gzip")

    return route


def raw(body: bytes, encoding: str) -> Route:
    return lambda h: h.reply(200, body, "text/html", Content_Encoding=encoding)


def cookie_wall(then: Route) -> Route:
    """Without the consent cookie: set it and redirect to the very same URL."""

    def route(h: Handler) -> None:
        if "consent=yes" in (h.headers.get("Cookie") or ""):
            then(h)
        else:
            h.reply(302, b"", "text/html", Location=h.path, Set_Cookie="consent=yes; Path=/")

    return route


def build_routes() -> dict[str, Route]:
    article = _fixture("article.html")
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))  # 20 MB of zeros in about 20 kB
    return {
        "/robots.txt": page(ROBOTS, "text/plain"),
        "/article.html": page(article),
        "/latin1.html": page(_fixture("latin1.html"), "text/html"),
        "/notice.txt": page(_fixture("notice.txt"), "text/plain; charset=utf-8"),
        "/gzip.html": gzipped(article),
        "/private/secret.html": page(article),
        "/moved": redirect("/article.html", 301),
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a"),
        "/to-ftp": redirect("ftp://127.0.0.1/file.html"),
        "/to-private": redirect("/private/secret.html"),
        "/bad-location": redirect("http://[::1"),
        "/scheme-only-location": redirect("http:x"),  # httpx.InvalidURL, not a TransportError
        "/cookie-wall": cookie_wall(page(article)),
        "/hop1": redirect("/hop2", 307),
        "/hop2": redirect("/hop3", 308),
        "/hop3": redirect("/article.html?via=hops", 303),
        "/to-other-ip": lambda h: redirect(f"http://127.0.0.2:{h.server.server_address[1]}/x")(h),
        "/busy": fail_first(1, 429, page(article), Retry_After="0"),
        "/busy-long": fail_first(1, 429, page(article), Retry_After="3600"),
        "/flaky": fail_first(1, 503, page(article)),
        "/down": status(503),
        "/gone": status(404),
        "/slow": slow(3.0),
        "/drip": drip(40, 0.1),
        "/reset": reset,
        "/big": page(b"<p>" + b"x" * 300_000 + b"</p>"),
        "/big-chunked": chunked(2_000_000),
        "/bomb": raw(bomb, "gzip"),
        "/broken-gzip": raw(gzip.compress(article)[:200], "gzip"),
        "/brotli": raw(b"\x0b\x02\x80hello\x03", "br"),  # never asked for: we send gzip, deflate
        "/doc.pdf": page(PDF, "application/pdf"),
        "/empty.html": page(b"<html><body><nav>Start</nav></body></html>"),
        "/sitemap.xml": listing("urlset", "/article.html", "/notice.txt"),
        "/sitemap-index.xml": listing("index", "/sitemap.xml", "/sitemap.xml.gz"),
        "/sitemap.xml.gz": text_sitemap("/latin1.html"),
        "/rss.xml": listing("rss", "/latin1.html", "/article.html"),
        "/atom.xml": listing("atom", "/gzip.html"),
        "/bad-feed.xml": page(b"<rss><channel></channel></rss>", "application/rss+xml"),
    }
