"""robots.txt rules per origin, parsed by Protego, following RFC 9309 on failures.

A missing robots.txt (4xx) allows everything; a server error, a 429 or a file served but
unreadable (corrupt compression) means "assume complete disallow" (RFC 9309, 2.3.1.4), so a
struggling site is not crawled. A longer file is not a failure: its first MAX_ROBOTS_BYTES
(decoded, so a gzip bomb too) are parsed, as RFC 9309 2.5 asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from protego import Protego

MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309 asks parsers to read at least 500 KiB


@dataclass(frozen=True)
class Robots:
    """The rules for one origin; `parser` None with no `denial` allows everything."""

    parser: Protego | None = None
    denial: str | None = None  # why everything is disallowed (robots.txt unavailable)

    def allows(self, url: str, agent: str) -> bool:
        if self.denial is not None:
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float | None:
        delay = self.parser.crawl_delay(agent) if self.parser is not None else None
        return float(delay) if delay is not None else None


def robots_from_body(body: bytes) -> Robots:
    text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
    return Robots(parser=Protego.parse(text))


def robots_from_status(status: int) -> Robots:
    """The rules implied by a robots.txt request that ended with an error status."""
    if 400 <= status < 500 and status != 429:
        return Robots()
    return Robots(denial=f"robots.txt answered HTTP {status}; RFC 9309 says assume disallow")


def robots_url(origin: str) -> str:
    return f"{origin}/robots.txt"
