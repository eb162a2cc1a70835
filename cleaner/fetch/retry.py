"""When to retry and how long to wait: bounded attempts, exponential backoff with jitter.

Retry-After (seconds or an HTTP date) is honoured on 429 and 503; a value past the cap ends the
URL instead of stalling the run.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
RETRY_AFTER_STATUSES = frozenset({429, 503})
RETRY_ERRORS = (httpx.TransportError, TimeoutError)


def should_retry_status(status: int) -> bool:
    return status in RETRY_STATUSES


def backoff(attempt: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Equal jitter: half the exponential step fixed, half random, so retries spread out."""
    step = min(cap, base * 2.0**attempt)
    jitter: float = (rng or random).uniform(0, step / 2)
    return step / 2 + jitter


def retry_after(headers: httpx.Headers, now: datetime | None = None) -> float | None:
    """Seconds the server asked us to wait, or None if absent or unreadable."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
