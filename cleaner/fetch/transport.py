"""The httpx transport: a plain HTTP/1.1 connection pool whose connections pass the guard."""

from __future__ import annotations

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
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=None,  # requests in flight are bounded by the HostLimiter
            max_keepalive_connections=keepalive,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(policy),
        )


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
