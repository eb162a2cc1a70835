"""The fetch building blocks without a network: guard, retry timing, body caps, robots,
listings, resume and host pacing."""

from __future__ import annotations

import asyncio
import gzip
import ipaddress
import itertools
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from cleaner.document import Reject, Source
from cleaner.errors import Rejected, SettingsError
from cleaner.fetch.body import BoundedDecoder
from cleaner.fetch.discover import parse_listing
from cleaner.fetch.guard import AddressPolicy, BlockedAddress, is_public
from cleaner.fetch.ratelimit import HostLimiter
from cleaner.fetch.retry import backoff, retry_after
from cleaner.fetch.robots import robots_from_body, robots_from_status
from cleaner.fetch.settings import FetchSettings
from cleaner.run.resume import NotDone, prepare_resume
from cleaner.writers.jsonl import dumps


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.9", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00:ec2::254", False),  # AWS metadata over IPv6
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("2002:7f00:1::", False),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 wrapping 169.254.169.254
        ("64:ff9b::7f00:1", False),  # NAT64 wrapping 127.0.0.1
        ("64:ff9b:1::a00:1", False),  # local-use NAT64 prefix: not global at all
        ("::7f00:1", False),  # IPv4-compatible 127.0.0.1
        ("::a9fe:a9fe", False),  # IPv4-compatible 169.254.169.254
        ("::ffff:0:a00:1", False),  # IPv4-translated 10.0.0.1
        ("::ffff:0:7f00:1", False),  # IPv4-translated 127.0.0.1
        ("fec0::1", False),  # site-local (deprecated)
        ("fc00::1", False),  # unique local
        ("ff02::1", False),  # multicast
        ("100::1", False),  # discard-only
        ("2001:db8::1", False),  # documentation
        ("198.51.100.7", False),  # documentation
        ("240.0.0.1", False),  # reserved
        ("255.255.255.255", False),
        ("2001:0:4136:e378:8000:63bf:a247:27dd", True),  # Teredo, public server and client
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", False),  # Teredo client 127.0.0.1
        ("64:ff9b::5db8:d822", True),  # NAT64 wrapping 93.184.216.34
        ("::ffff:93.184.216.34", True),
        ("2002:5db8:d822::1", True),  # 6to4 of a public address
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
    ],
)
def test_only_public_addresses_pass(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public
    policy = AddressPolicy()
    if public:
        policy.check("host", address)
    else:
        with pytest.raises(BlockedAddress):
            policy.check("host", address)


def test_policy_exceptions() -> None:
    AddressPolicy(allow_private=True).check("host", "127.0.0.1")
    AddressPolicy(allow_networks=["10.0.0.0/8"]).check("host", "10.9.9.9")
    with pytest.raises(BlockedAddress):
        AddressPolicy(allow_networks=["10.0.0.0/8"]).check("host", "192.168.0.1")


def test_retry_after_in_seconds_and_as_a_date() -> None:
    now = datetime(2024, 3, 12, 8, 0, 0, tzinfo=UTC)
    assert retry_after(httpx.Headers({"Retry-After": "120"}), now) == 120.0
    date = httpx.Headers({"Retry-After": "Tue, 12 Mar 2024 08:00:30 GMT"})
    assert retry_after(date, now) == 30.0
    assert retry_after(httpx.Headers({"Retry-After": "soon"}), now) is None
    assert retry_after(httpx.Headers(), now) is None


@pytest.mark.parametrize("attempt", range(8))
def test_backoff_grows_with_jitter_and_stays_capped(attempt: int) -> None:
    step = min(10.0, 0.5 * 2**attempt)
    waits = [backoff(attempt, 0.5, 10.0) for _ in range(50)]
    assert all(step / 2 <= wait <= step for wait in waits)
    assert len(set(waits)) > 1


def _feed(decoder: BoundedDecoder, data: bytes, chunk: int = 1000) -> bytes:
    out = b"".join(decoder.feed(data[i : i + chunk]) for i in range(0, len(data), chunk))
    decoder.finish()
    return out


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("gzip", gzip.compress),
        ("gzip", lambda d: gzip.compress(d[:500]) + gzip.compress(d[500:])),  # two members
        ("deflate", zlib.compress),
        ("deflate", lambda d: zlib.compress(d)[2:-4]),  # raw deflate, as some servers send
        ("identity", lambda d: d),
        ("", lambda d: d),
    ],
)
def test_decoder_round_trips(encoding: str, pack: object) -> None:
    data = ("Straße " * 400).encode()
    assert _feed(BoundedDecoder(encoding, 10_000), pack(data)) == data  # type: ignore[operator]


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("identity", lambda d: d)],
)
def test_decoder_keeps_a_prefix_instead_of_refusing(encoding: str, pack: object) -> None:
    data = ("Straße " * 400).encode()
    decoder = BoundedDecoder(encoding, 1000, keep_prefix=True)
    assert _feed(decoder, pack(data)) == data[:1000]  # type: ignore[operator]
    assert decoder.full


@pytest.mark.parametrize(
    ("encoding", "data", "reason"),
    [
        ("gzip", gzip.compress(b"\0" * 5_000_000), "too_large"),
        ("gzip", gzip.compress(b"x" * 5000)[:-10], "bad_compression"),
        ("gzip", b"not gzip at all", "bad_compression"),
        ("br", b"whatever", "bad_compression"),
        ("identity", b"x" * 100_001, "too_large"),
    ],
)
def test_decoder_refuses_bombs_and_garbage(encoding: str, data: bytes, reason: str) -> None:
    with pytest.raises(Rejected) as caught:
        _feed(BoundedDecoder(encoding, 100_000), data)
    assert caught.value.reason == reason


ROBOTS = b"""User-agent: *
Crawl-delay: 2
Disallow: /private/
Allow: /private/open.html

User-agent: cleaner
Disallow: /no-cleaner/
"""


@pytest.mark.parametrize(
    ("path", "agent", "allowed"),
    [
        ("/news/a.html", "cleaner", True),
        ("/no-cleaner/a.html", "cleaner", False),
        ("/no-cleaner/a.html", "othercrawler", True),
        ("/private/a.html", "othercrawler", False),
        ("/private/open.html", "othercrawler", True),
    ],
)
def test_robots_rules(path: str, agent: str, allowed: bool) -> None:
    assert robots_from_body(ROBOTS).allows("https://example.org" + path, agent) is allowed


def test_robots_crawl_delay_and_agent_token() -> None:
    assert robots_from_body(ROBOTS).crawl_delay("othercrawler") == 2.0
    assert FetchSettings(user_agent="cleaner/1.0 (+contact)").robots_agent == "cleaner"


@pytest.mark.parametrize(
    ("status", "allowed"), [(404, True), (403, True), (429, False), (503, False)]
)
def test_robots_failures_follow_rfc_9309(status: int, allowed: bool) -> None:
    assert robots_from_status(status).allows("https://example.org/a", "cleaner") is allowed


SITEMAP = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://a.org/1 </loc></url></urlset>'  # noqa: E501
INDEX = b"<sitemapindex><sitemap><loc>https://a.org/s.xml</loc></sitemap></sitemapindex>"
RSS = b"<rss><channel><link>https://a.org/</link><item><link>https://a.org/2</link></item></channel></rss>"
ATOM = b'<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://a.org/"/><entry><link rel="self" href="https://a.org/x"/><link href="https://a.org/3"/></entry></feed>'  # noqa: E501
TEXT_GZ = gzip.compress(b"https://a.org/4\nnot a url\n")


@pytest.mark.parametrize(
    ("body", "pages", "sitemaps"),
    [
        (SITEMAP, ["https://a.org/1"], []),
        (INDEX, [], ["https://a.org/s.xml"]),
        (RSS, ["https://a.org/2"], []),
        (ATOM, ["https://a.org/3"], []),
        (TEXT_GZ, ["https://a.org/4"], []),
    ],
)
def test_listings(body: bytes, pages: list[str], sitemaps: list[str]) -> None:
    listing = parse_listing(body, 1_000_000)
    assert (listing.pages, listing.sitemaps) == (pages, sitemaps)


def test_listing_does_not_expand_entities() -> None:
    laughs = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "https://a.org/evil">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<urlset><url><loc>&c;</loc></url><url><loc>https://a.org/5</loc></url></urlset>"""
    assert parse_listing(laughs, 1_000_000).pages == ["https://a.org/5"]


def test_resume_keys_urls_on_record_ids_and_cuts_a_partial_line(tmp_path: Path) -> None:
    """fetch resumes like clean: by the id of the record a URL is filed under."""
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    done = [Reject(Source(kind="url", url=f"https://a.org/{n}"), "robots") for n in (1, 2, 3)]
    out.write_bytes(dumps(done[0].to_record()) + dumps(done[1].to_record())[:30])
    rej.write_bytes(dumps(done[2].to_record()))
    not_done = NotDone(prepare_resume([str(out), str(rej)]))
    asked = [f"https://a.org/{n}" for n in (1, 2, 3, 4)]
    assert [not_done.settled(Source(kind="url", url=url)) for url in asked] == [
        True,
        False,
        True,
        False,
    ]
    assert out.read_bytes().endswith(b"}\n") and not_done.skipped == 2


def test_host_limiter_spaces_requests_to_one_host_only() -> None:
    async def scenario() -> tuple[list[float], float]:
        limiter, starts = HostLimiter(concurrency=4), []

        async def request(host: str) -> None:
            async with limiter.slot(host, delay=0.05):
                starts.append((host, time.monotonic()))

        t0 = time.monotonic()
        await asyncio.gather(request("a"), request("a"), request("a"), request("b"))
        a_starts = sorted(t for host, t in starts if host == "a")
        b_start = next(t for host, t in starts if host == "b")
        return [b - a for a, b in itertools.pairwise(a_starts)], b_start - t0

    gaps, b_wait = asyncio.run(scenario())
    assert all(gap >= 0.045 for gap in gaps)  # a floor set by sleep(), not a timing race
    assert b_wait < 0.045  # another host does not wait for "a"


@pytest.mark.parametrize(
    "bad",
    [{"concurrency": 0}, {"total_timeout_s": 0}, {"max_retries": -1}, {"allow_networks": ("x",)}],
)
def test_bad_settings_are_refused_with_the_setting_named(bad: dict[str, object]) -> None:
    with pytest.raises(SettingsError, match=next(iter(bad))):
        FetchSettings(**bad)  # type: ignore[arg-type]
