"""fetch_and_clean against a real local server that misbehaves on purpose.

One crawl of the whole misbehaving site runs once per module; the parametrised cases then check
that each URL ended as exactly the record or reject it should, and what the server saw.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import socket
import threading
from collections.abc import Iterable
from dataclasses import replace

import pytest
from fetch_site import HTTP_FIXTURES, raw
from httpserver import Route, Server, page, serve

from cleaner.document import Document, Outcome, Reject
from cleaner.fetch import FetchSettings, fetch_and_clean
from cleaner.fetch.client import Fetcher
from cleaner.fetch.page import FetchError

FAST = FetchSettings(
    allow_private=True,
    host_delay_s=0.0,
    connect_timeout_s=2.0,
    read_timeout_s=2.0,
    total_timeout_s=5.0,
    max_retries=2,
    backoff_base_s=0.01,
    backoff_max_s=0.05,
    max_retry_after_s=60.0,
    max_body_bytes=200_000,
    max_decompressed_bytes=1_000_000,
)

# path -> "ok" or the reject reason it must end with
CASES = {
    "/article.html": "ok",
    "/latin1.html": "ok",
    "/notice.txt": "ok",
    "/gzip.html": "ok",
    "/cookie-wall": "ok",  # sets a cookie and redirects to itself once
    "/moved": "ok",
    "/busy?k=main": "ok",
    "/flaky?k=main": "ok",
    "/busy-long": "http_status",
    "/down?k=main": "http_status",
    "/gone": "http_status",
    "/reset": "fetch_failed",
    "/loop-a": "too_many_redirects",
    "/to-ftp": "blocked_address",
    "/bad-location": "fetch_failed",
    "/scheme-only-location": "fetch_failed",
    "/to-private": "robots",
    "/private/secret.html": "robots",
    "/big": "too_large",
    "/big-chunked": "too_large",
    "/bomb": "too_large",
    "/broken-gzip": "bad_compression",
    "/brotli": "bad_compression",
    "/doc.pdf": "content_type",
    "/empty.html": "too_short",  # the pipeline's quality gate, as for files
}


def crawl(urls: Iterable[str], settings: FetchSettings) -> dict[str, Outcome]:
    """Every outcome by requested URL; fails unless each distinct URL gave exactly one."""

    async def collect() -> list[Outcome]:
        return [outcome async for outcome in fetch_and_clean(urls, settings)]

    outcomes = asyncio.run(collect())
    by_url = {str(outcome.source.url): outcome for outcome in outcomes}
    assert len(outcomes) == len(by_url) == len(set(urls))
    return by_url


@pytest.fixture(scope="module")
def site_crawl(http_site: Server) -> dict[str, Outcome]:
    urls = [http_site.url(path) for path in CASES]
    return crawl([*urls, urls[0]], FAST)  # a repeated URL is fetched and reported once


@pytest.mark.parametrize(("path", "expected"), CASES.items())
def test_every_url_ends_as_one_record_or_one_reject(
    site_crawl: dict[str, Outcome], http_site: Server, path: str, expected: str
) -> None:
    outcome = site_crawl[http_site.url(path)]
    if expected == "ok":
        assert isinstance(outcome, Document), outcome
    else:
        assert isinstance(outcome, Reject), outcome.to_record()
        assert outcome.reason == expected, outcome.detail
        assert outcome.detail


def test_record_carries_fetch_metadata(site_crawl: dict[str, Outcome], http_site: Server) -> None:
    doc = site_crawl[http_site.url("/article.html")]
    assert isinstance(doc, Document)
    record = doc.to_record()
    assert record["title"] == "Stadtwerke erweitern das Fernwärmenetz im Norden"
    assert "zwölf Kilometer neue Fernwärmeleitungen" in record["text"]
    assert "Impressum" not in record["text"]
    source = record["source"]
    assert (source["kind"], source["status"], source["encoding"]) == ("url", 200, "utf-8")
    assert source["content_type"] == "text/html; charset=utf-8"
    assert source["fetched_at"].endswith(".000+00:00")  # UTC, in the record's timestamp form


def test_redirect_keeps_requested_url_in_source_and_final_url_in_record(
    site_crawl: dict[str, Outcome], http_site: Server
) -> None:
    doc = site_crawl[http_site.url("/moved")]
    assert isinstance(doc, Document)
    assert doc.source.url == http_site.url("/moved")
    assert doc.url == http_site.url("/article.html")


def test_charset_from_meta_when_header_has_none(
    site_crawl: dict[str, Outcome], http_site: Server
) -> None:
    doc = site_crawl[http_site.url("/latin1.html")]
    assert isinstance(doc, Document)
    assert "Das Bürgerbüro im Rathaus öffnet" in doc.text
    assert doc.source.encoding == "cp1252"


def test_gzip_page_cleans_like_the_plain_one(
    site_crawl: dict[str, Outcome], http_site: Server
) -> None:
    plain, packed = (
        site_crawl[http_site.url("/article.html")],
        site_crawl[http_site.url("/gzip.html")],
    )
    assert isinstance(plain, Document) and isinstance(packed, Document)
    assert plain.text == packed.text


RETRIED = [("/busy?k=main", 2), ("/flaky?k=main", 2), ("/down?k=main", 3), ("/busy-long", 1)]


@pytest.mark.parametrize(("path", "requests"), [*RETRIED, ("/gone", 1)])
def test_retries_are_bounded_and_only_where_useful(
    site_crawl: dict[str, Outcome], http_site: Server, path: str, requests: int
) -> None:
    assert http_site.hits[path] == requests


def test_robots_disallowed_path_is_never_requested(
    site_crawl: dict[str, Outcome], http_site: Server
) -> None:
    assert http_site.hits["/robots.txt"] == 1  # cached per host
    assert not [path for path in http_site.log if path.startswith("/private/")]
    reject = site_crawl[http_site.url("/to-private")]
    assert isinstance(reject, Reject) and "/private/secret.html" in reject.detail


def test_pdf_is_refused_from_its_header(site_crawl: dict[str, Outcome], http_site: Server) -> None:
    reject = site_crawl[http_site.url("/doc.pdf")]
    assert isinstance(reject, Reject)
    assert "application/pdf" in reject.detail
    assert reject.source.status == 200


def test_timeouts_end_as_timeout_rejects(http_site: Server) -> None:
    slow = http_site.url("/slow")  # no byte for 3 s, past the read timeout
    drip = http_site.url("/drip").replace("127.0.0.1", "localhost")  # quick reads, slow whole
    settings = replace(FAST, read_timeout_s=0.5, total_timeout_s=1.0, max_retries=0)
    outcomes = crawl([slow, drip], settings)
    assert [outcomes[url].ok for url in (slow, drip)] == [False, False]
    assert [getattr(outcomes[url], "reason", None) for url in (slow, drip)] == ["timeout"] * 2


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_refused_without_allow_private(http_site: Server, host: str) -> None:
    url = http_site.url(f"/article.html?guard={host}").replace("127.0.0.1", host)
    outcome = crawl([url], replace(FAST, allow_private=False))[url]
    assert isinstance(outcome, Reject) and outcome.reason == "blocked_address"
    assert not [path for path in http_site.log if f"guard={host}" in path]


def test_every_redirect_hop_is_checked_against_the_address_policy(http_site: Server) -> None:
    url = http_site.url("/to-other-ip")
    settings = replace(FAST, allow_private=False, allow_networks=("127.0.0.1/32",))
    outcome = crawl([url], settings)[url]
    assert isinstance(outcome, Reject) and outcome.reason == "blocked_address"
    assert "127.0.0.2" in outcome.detail


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://127.0.0.1/a.html", "blocked_address"),
        ("file:///etc/passwd", "blocked_address"),
        ("mailto:a@example.org", "blocked_address"),
        ("no-scheme/page.html", "fetch_failed"),
    ],
)
def test_unfetchable_urls_end_as_rejects(url: str, reason: str) -> None:
    outcome = crawl([url], FAST)[url]
    assert isinstance(outcome, Reject) and outcome.reason == reason


def test_library_iterator_can_be_left_early(http_site: Server) -> None:
    urls = [http_site.url(f"/article.html?early={i}") for i in range(5)]

    async def first() -> Outcome:
        outcomes = fetch_and_clean(urls, replace(FAST, window=2))
        try:
            return await anext(outcomes)
        finally:
            await outcomes.aclose()

    assert asyncio.run(first()).ok
    assert len([path for path in http_site.log if "early=" in path]) <= 3


def test_unreachable_host_fails_each_url_once_without_hanging() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    urls = [f"http://127.0.0.1:{port}/a.html", f"http://127.0.0.1:{port}/b.html"]
    outcomes = crawl(urls, FAST)
    assert {getattr(outcomes[url], "reason", None) for url in urls} == {"fetch_failed"}
    assert all("robots.txt" in getattr(outcomes[url], "detail", "") for url in urls)


def test_cleaning_in_worker_processes_gives_the_same_records(
    site_crawl: dict[str, Outcome], http_site: Server
) -> None:
    urls = [http_site.url(path) for path in ("/article.html", "/latin1.html", "/empty.html")]
    pooled = crawl(urls, replace(FAST, jobs=1))
    for url in urls:
        inline, worker = site_crawl[url].to_record(), pooled[url].to_record()
        for record in (inline, worker):
            record["source"].pop("fetched_at")
        assert worker == inline


def test_crawl_delay_from_robots_spaces_requests_to_that_host() -> None:
    robots = b"User-agent: *\nCrawl-delay: 0.3\n"
    routes = {"/robots.txt": page(robots, "text/plain"), "/a": page(b"a"), "/b": page(b"b")}
    with serve(routes) as server:
        crawl([server.url("/a"), server.url("/b")], FAST)  # FAST has no delay of its own
        first, second = sorted([server.times["/a"], server.times["/b"]])
    assert second - first >= 0.29  # a floor set by the limiter's sleep, not a timing race


@pytest.mark.parametrize(("limit", "expected"), [(3, "ok"), (2, "too_many_redirects")])
def test_redirect_limit(http_site: Server, limit: int, expected: str) -> None:
    url = http_site.url(f"/hop1?limit={limit}")
    outcome = crawl([url], replace(FAST, max_redirects=limit))[url]
    assert getattr(outcome, "reason", "ok") == expected


def test_gate_token_is_kept_only_with_a_body(http_site: Server) -> None:
    async def scenario() -> list[bool]:
        gate, held = asyncio.Semaphore(1), []
        async with Fetcher(FAST) as fetcher:
            for path in ("/gone?gate=1", "/loop-a?gate=1", "/moved?gate=1"):
                with contextlib.suppress(FetchError):
                    await fetcher.fetch(http_site.url(path), gate=gate)
                held.append(gate.locked())
        return held

    assert asyncio.run(scenario()) == [False, False, True]


RULES = b"User-agent: *\nDisallow: /private/\n"
PADDING = b"# " + b"x" * 1000 + b"\n"


@pytest.mark.parametrize(
    ("robots", "allowed"),
    [
        # longer than any body cap: RFC 9309 says parse the first 500 KiB, not "no robots.txt"
        (page(RULES + PADDING * 600, "text/plain"), False),
        # a gzip bomb (over the 1 MB decompression cap): its first 512 KiB are read
        (raw(gzip.compress(RULES + b"\n" * 5_000_000), "gzip"), False),
        # served but unreadable: RFC 9309 2.3.1.4 wants the conservative reading, disallow all
        (raw(gzip.compress(RULES * 50)[:40], "gzip"), False),
        (lambda h: h.reply(500, b"oops", "text/plain"), False),
        (lambda h: h.reply(404, b"none", "text/plain"), True),
    ],
    ids=["oversized", "bomb", "corrupt", "server-error", "missing"],
)
def test_robots_txt_that_cannot_be_read_whole_is_not_a_licence(
    robots: Route, allowed: bool
) -> None:
    article = (HTTP_FIXTURES / "article.html").read_bytes()
    routes = {"/robots.txt": robots, "/private/a.html": page(article)}
    with serve(routes) as server:
        outcome = crawl([server.url("/private/a.html")], FAST)[server.url("/private/a.html")]
        assert ("/private/a.html" in server.log) is allowed
    assert (getattr(outcome, "reason", "ok") == "robots") is not allowed


class RawServer:
    """A socket server answering each request by hand, with `trailer` sent in the same write
    after a complete response (a fake second response), and counting connections."""

    def __init__(self, trailer: bytes) -> None:
        self.trailer, self.connections = trailer, 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}{path}"

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.sock.accept()
                self.connections += 1
                threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        pending = b""
        with conn, contextlib.suppress(OSError):
            while data := conn.recv(65536):
                pending += data
                while b"\r\n\r\n" in pending:
                    request, pending = pending.split(b"\r\n\r\n", 1)
                    body = b"<p>page " + request.split(b" ")[1] + b"</p>"
                    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    conn.sendall(
                        head + b"Content-Length: %d\r\n\r\n" % len(body) + body + self.trailer
                    )


FAKE = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<p>forged</p>"


@pytest.mark.parametrize("trailer", [FAKE, b"", b"\r\n\r\ngarbage"], ids=["fake", "none", "junk"])
def test_bytes_after_a_response_never_become_the_next_urls_body(trailer: bytes) -> None:
    server = RawServer(trailer)
    settings = replace(FAST, obey_robots=False, max_retries=0)

    async def bodies() -> list[bytes]:
        async with Fetcher(settings) as fetcher:
            return [(await fetcher.fetch(server.url(f"/{n}"))).body for n in range(3)]

    try:
        assert asyncio.run(bodies()) == [b"<p>page /%d</p>" % n for n in range(3)]
    finally:
        server.sock.close()
    assert server.connections == (1 if not trailer else 3)  # a clean connection is kept alive
