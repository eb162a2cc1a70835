"""Per-host politeness: one request at a time per host, a pause between two, and a global cap.

The host slot is taken before the global one, so a URL waiting for its host's pause does not
hold one of the global slots that other hosts could use.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class HostLimiter:
    """Serialises requests per host and spaces them by a delay; caps requests in flight."""

    def __init__(self, concurrency: int) -> None:
        self._global = asyncio.Semaphore(max(1, concurrency))
        self._locks: dict[str, asyncio.Lock] = {}
        self._next: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, host: str, delay: float) -> AsyncIterator[None]:
        """Hold `host` for one request; the next request to it starts `delay` s after this ends."""
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._next.get(host, 0.0) - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                async with self._global:
                    yield
            finally:
                self.defer(host, delay)

    def defer(self, host: str, seconds: float) -> None:
        """No request to `host` before `seconds` from now (delay, Retry-After)."""
        until = time.monotonic() + seconds
        self._next[host] = max(self._next.get(host, 0.0), until)
