"""The httpx transport: a plain HTTP/1.1 connection pool whose connections pass the guard.

A keep-alive connection is reused only when the server sent nothing past the end of the last
response: bytes left over would otherwise be read as the next URL's answer (h11 keeps them
for the next cycle), putting one page's body, or an injected one, under another URL.
"""

from __future__ import annotations

import ssl

import httpcore
import httpx

from cleaner.fetch.guard import AddressPolicy, GuardedBackend
from cleaner.fetch.settings import FetchSettings


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx.AsyncHTTPTransport with every connection resolved and checked by the guard."""

    def __init__(self, policy: AddressPolicy, keepalive: int) -> None:
        super().__init__(retries=0)
        # httpx has no option for the network backend; the pool it built is swapped for one
        # built through httpcore's public API with our backend (retries are ours, not httpcore's).
        self._pool = _Pool(httpx.create_ssl_context(), GuardedBackend(policy), keepalive)


class _Pool(httpcore.AsyncConnectionPool):
    """HTTP/1.1 connections that are dropped, not reused, when bytes follow a response."""

    KEEPALIVE_EXPIRY_S = 5.0

    def __init__(
        self, ssl_context: ssl.SSLContext, backend: GuardedBackend, keepalive: int
    ) -> None:
        super().__init__(
            ssl_context=ssl_context,
            max_connections=None,  # requests in flight are bounded by the HostLimiter
            max_keepalive_connections=keepalive,
            keepalive_expiry=self.KEEPALIVE_EXPIRY_S,
            network_backend=backend,
        )
        self.ssl_context, self.backend = ssl_context, backend

    def create_connection(self, origin: httpcore.Origin) -> httpcore.AsyncConnectionInterface:
        return _CleanCycleConnection(
            origin=origin,
            ssl_context=self.ssl_context,
            keepalive_expiry=self.KEEPALIVE_EXPIRY_S,
            network_backend=self.backend,
        )


class _CleanCycleConnection(httpcore.AsyncHTTPConnection):
    """An idle connection holding unread bytes counts as expired, so the pool closes it."""

    def has_expired(self) -> bool:
        return super().has_expired() or (self.is_idle() and _has_leftover_bytes(self))


def _has_leftover_bytes(connection: httpcore.AsyncHTTPConnection) -> bool:
    # httpcore has no public hook for this: its HTTP/1.1 connection keeps the h11 state in
    # `_h11_state`, whose (public) trailing_data holds what was received past the response.
    # tests/test_fetch.py pins the behaviour, so an httpcore change that breaks it shows.
    http11 = getattr(connection, "_connection", None)
    state = getattr(http11, "_h11_state", None)
    return bool(state is not None and state.trailing_data[0])


def build_client(settings: FetchSettings) -> httpx.AsyncClient:
    policy = AddressPolicy(settings.allow_private, settings.allow_networks)
    timeout = httpx.Timeout(
        connect=settings.connect_timeout_s,
        read=settings.read_timeout_s,
        write=settings.read_timeout_s,
        pool=None,
    )
    return httpx.AsyncClient(
        transport=GuardedTransport(policy, keepalive=max(10, settings.concurrency * 2)),
        timeout=timeout,
        follow_redirects=False,  # each hop is checked, counted and rate-limited by us
        trust_env=False,  # an env proxy would resolve names where the guard cannot see them
        headers={
            "User-Agent": settings.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )
