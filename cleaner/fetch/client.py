"""Fetch one URL politely and robustly: robots, per-host pacing, retries, redirects, caps.

`Fetcher.fetch` returns the final response or raises `FetchError` (a `Rejected` with the HTTP
status when there was one), so every URL ends as one page or one reason.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType

import httpx

from cleaner.errors import Rejected
from cleaner.fetch.body import read_body, read_prefix
from cleaner.fetch.guard import BlockedAddress, check_scheme
from cleaner.fetch.page import PAGE_TYPES, Fetched, FetchError
from cleaner.fetch.ratelimit import HostLimiter
from cleaner.fetch.retry import RETRY_AFTER_STATUSES, backoff, retry_after, should_retry_status
from cleaner.fetch.robots import (
    MAX_ROBOTS_BYTES,
    Robots,
    robots_from_body,
    robots_from_status,
    robots_url,
)
from cleaner.fetch.settings import FetchSettings
from cleaner.fetch.transport import build_client

ROBOTS_REDIRECTS = 5  # RFC 9309: follow at least five redirects for robots.txt


@dataclass
class _Redirect:
    location: str
    status: int


class _Retry(Exception):
    """One attempt failed in a way worth retrying; `final` is the reject if none is left."""

    def __init__(self, final: FetchError, wait: float | None = None) -> None:
        super().__init__(final.detail)
        self.final, self.wait = final, wait


class Fetcher:
    """One httpx client, one host limiter and one robots cache for a whole run."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        self.client = build_client(self.settings)
        self.limiter = HostLimiter(self.settings.concurrency)
        self._robots: dict[str, Robots | FetchError] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.client.aclose()

    async def fetch(
        self,
        url: str,
        accept: tuple[str, ...] | None = PAGE_TYPES,
        gate: asyncio.Semaphore | None = None,
    ) -> Fetched:
        """Follow redirects hop by hop (each one guarded, robots-checked and paced).

        With a `gate`, the final request takes one of its tokens while holding a fetch slot
        and returns still holding it: the caller releases it when done with the body. So a
        caller that cannot keep up (cleaning) stops all fetching instead of piling up bodies.
        """
        return await self._follow(url, accept, self.settings.max_redirects, True, gate)

    async def _follow(
        self,
        url: str,
        accept: tuple[str, ...] | None,
        limit: int,
        robots: bool,
        gate: asyncio.Semaphore | None = None,
        prefix: int | None = None,
    ) -> Fetched:
        current, visits = url, Counter([url])
        for _ in range(limit + 1):
            result = await self._hop(current, accept, robots, gate, prefix)
            if isinstance(result, Fetched):
                result.url = url
                return result
            current = _join(current, result.location)
            visits[current] += 1
            # A second visit is allowed: sites set a cookie and redirect back to the same URL.
            if visits[current] > 2:
                raise FetchError("too_many_redirects", f"redirect loop at {current}", result.status)
        raise FetchError("too_many_redirects", f"more than {limit} redirects", result.status)

    async def _hop(
        self,
        url: str,
        accept: tuple[str, ...] | None,
        robots: bool,
        gate: asyncio.Semaphore | None,
        prefix: int | None,
    ) -> Fetched | _Redirect:
        parsed = _parse(url)
        host = parsed.netloc.decode("ascii").lower()
        delay = self.settings.host_delay_s
        if robots and self.settings.obey_robots:
            delay = await self._check_robots(parsed, url)
        for attempt in range(self.settings.max_retries + 1):
            try:
                async with self.limiter.slot(host, delay):
                    return await self._gated(url, accept, gate, prefix)
            except _Retry as retry:
                wait = self._wait(retry, attempt)
                self.limiter.defer(host, wait)
        raise AssertionError("unreachable")  # _wait raises on the last attempt

    def _wait(self, retry: _Retry, attempt: int) -> float:
        s, final = self.settings, retry.final
        if attempt >= s.max_retries:
            raise FetchError(final.reason, f"{final.detail} ({attempt + 1} attempts)", final.status)
        if retry.wait is not None and retry.wait > s.max_retry_after_s:
            detail = f"{final.detail}; Retry-After {retry.wait:.0f}s is past the cap"
            raise FetchError(final.reason, detail, final.status)
        if retry.wait is not None:
            return retry.wait
        return backoff(attempt, s.backoff_base_s, s.backoff_max_s)

    async def _gated(
        self,
        url: str,
        accept: tuple[str, ...] | None,
        gate: asyncio.Semaphore | None,
        prefix: int | None,
    ) -> Fetched | _Redirect:
        if gate is None:
            return await self._attempt(url, accept, prefix)
        await gate.acquire()
        try:
            result = await self._attempt(url, accept, prefix)
        except BaseException:
            gate.release()
            raise
        if not isinstance(result, Fetched):
            gate.release()  # a redirect hop: the body comes later, if at all
        return result

    async def _attempt(
        self, url: str, accept: tuple[str, ...] | None, prefix: int | None
    ) -> Fetched | _Redirect:
        try:
            async with asyncio.timeout(self.settings.total_timeout_s):
                return await self._request(url, accept, prefix)
        except BlockedAddress as exc:
            raise FetchError("blocked_address", str(exc)) from None
        except httpx.InvalidURL as exc:
            # httpx builds the next request of a redirect even when it does not follow it, so
            # a Location it cannot parse (http:x) raises here; retrying would answer the same
            raise FetchError("fetch_failed", f"invalid URL or redirect Location ({exc})") from None
        except (TimeoutError, httpx.TimeoutException) as exc:
            detail = f"no complete answer in time ({type(exc).__name__})"
            raise _Retry(FetchError("timeout", detail)) from None
        except httpx.TransportError as exc:
            detail = f"{type(exc).__name__}: {exc or 'connection closed or reset'}"
            raise _Retry(FetchError("fetch_failed", detail)) from None

    async def _request(
        self, url: str, accept: tuple[str, ...] | None, prefix: int | None
    ) -> Fetched | _Redirect:
        async with self.client.stream("GET", url) as response:
            status = response.status_code
            if 300 <= status < 400 and "location" in response.headers:
                return _Redirect(response.headers["location"], status)
            _check_status(response)
            _check_type(response, accept)
            try:
                body = await self._body(response, prefix)
            except Rejected as exc:
                raise FetchError(exc.reason, exc.detail, status) from None
            phrase, headers = response.reason_phrase, response.headers
            return Fetched(url, str(response.url), status, phrase, headers, body, _now())

    async def _body(self, response: httpx.Response, prefix: int | None) -> bytes:
        """The whole body within the caps, or only its first `prefix` bytes."""
        s = self.settings
        if prefix is not None:
            return await read_prefix(response, max(s.max_body_bytes, prefix), prefix)
        return await read_body(response, s.max_body_bytes, s.max_decompressed_bytes)

    async def _check_robots(self, parsed: httpx.URL, url: str) -> float:
        """Raise FetchError("robots") if disallowed; return the host delay robots.txt asks for."""
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii').lower()}"
        rules = await self._robots_for(origin)
        agent = self.settings.robots_agent
        if not rules.allows(url, agent):
            path = parsed.raw_path.decode("ascii", "replace")
            raise FetchError("robots", rules.denial or f"robots.txt disallows {path}")
        asked = min(rules.crawl_delay(agent) or 0.0, self.settings.max_crawl_delay_s)
        return max(self.settings.host_delay_s, asked)

    async def _robots_for(self, origin: str) -> Robots:
        async with self._robots_locks.setdefault(origin, asyncio.Lock()):
            if origin not in self._robots:
                try:
                    self._robots[origin] = await self._load_robots(origin)
                except FetchError as exc:
                    # An unreachable host fails its other URLs at once instead of retrying
                    # robots.txt for each of them.
                    self._robots[origin] = exc
            rules = self._robots[origin]
        if isinstance(rules, FetchError):
            raise FetchError(rules.reason, rules.detail, rules.status)
        return rules

    async def _load_robots(self, origin: str) -> Robots:
        try:
            found = await self._follow(
                robots_url(origin), None, ROBOTS_REDIRECTS, False, prefix=MAX_ROBOTS_BYTES
            )
        except FetchError as exc:
            if exc.status is not None and exc.reason == "http_status":
                return robots_from_status(exc.status)
            if exc.reason == "too_many_redirects":
                return Robots()  # RFC 9309 2.3.1.2: the file is "unavailable", as a 4xx
            if exc.reason == "bad_compression":  # served but unreadable: assume disallow
                return Robots(denial=f"robots.txt is unreadable ({exc.detail})")
            if exc.reason == "blocked_address":  # about the host, not its robots.txt
                raise
            raise FetchError(exc.reason, f"robots.txt: {exc.detail}", exc.status) from None
        return robots_from_body(found.body)


def _join(base: str, location: str) -> str:
    try:
        return str(httpx.URL(base).join(location))
    except httpx.InvalidURL as exc:
        raise FetchError("fetch_failed", f"bad redirect Location {location!r} ({exc})") from None


def _parse(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError("fetch_failed", f"invalid URL ({exc})") from None
    if not parsed.scheme:
        raise FetchError("fetch_failed", "invalid URL (not absolute)")
    try:
        check_scheme(url, parsed.scheme)
    except BlockedAddress as exc:
        raise FetchError("blocked_address", str(exc)) from None
    if not parsed.host:
        raise FetchError("fetch_failed", "invalid URL (no host)")
    return parsed


def _check_status(response: httpx.Response) -> None:
    status = response.status_code
    if should_retry_status(status):
        wait = retry_after(response.headers) if status in RETRY_AFTER_STATUSES else None
        raise _Retry(FetchError("http_status", f"HTTP {status}", status), wait)
    if not 200 <= status < 300:
        raise FetchError("http_status", f"HTTP {status} {response.reason_phrase}".strip(), status)


def _check_type(response: httpx.Response, accept: tuple[str, ...] | None) -> None:
    mime = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if accept is not None and mime and mime not in accept:
        raise FetchError("content_type", f"{mime} is not HTML or text", response.status_code)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
