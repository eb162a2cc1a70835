"""Fetch settings: politeness, robustness and safety knobs, one frozen dataclass."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from cleaner._version import __version__
from cleaner.config import MB, Settings
from cleaner.errors import SettingsError

_POSITIVE = ("concurrency", "window", "connect_timeout_s", "read_timeout_s", "total_timeout_s")
_NOT_NEGATIVE = ("host_delay_s", "max_retries", "max_redirects", "jobs")
DEFAULT_USER_AGENT = f"cleaner/{__version__} (news article cleaner; obeys robots.txt)"


@dataclass(frozen=True)
class FetchSettings:
    """How `cleaner fetch` talks to the web. Defaults are those of a well-mannered crawler."""

    user_agent: str = DEFAULT_USER_AGENT  # its first word is our robots.txt name
    obey_robots: bool = True
    allow_private: bool = False  # loopback/private/link-local/metadata addresses (tests, intranets)
    allow_networks: tuple[str, ...] = ()  # CIDRs allowed even when private, e.g. "10.1.0.0/16"
    concurrency: int = 8  # requests in flight over all hosts; one at a time per host
    host_delay_s: float = 1.0  # between two requests to a host; a longer Crawl-delay wins
    max_crawl_delay_s: float = 60.0  # a larger robots Crawl-delay is cut to this
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0  # between two bytes of the response
    total_timeout_s: float = 60.0  # whole request: connect, headers and body
    max_retries: int = 3  # on 429, 5xx, connection errors and timeouts
    backoff_base_s: float = 1.0  # retry n waits about base * 2**n, with jitter
    backoff_max_s: float = 60.0
    max_retry_after_s: float = 300.0  # a longer Retry-After ends the URL as a reject
    max_redirects: int = 10
    max_body_bytes: int = 10 * MB  # as received on the wire
    max_decompressed_bytes: int = 50 * MB  # after gzip/deflate: a bomb stops here
    max_listings: int = 1000  # sitemaps and feeds read per run, sitemap indexes included
    window: int = 1000  # URLs scheduled at once: bounds memory on huge lists
    jobs: int = 0  # cleaning processes (time-limited, see Settings.limits); 0: one per core
    clean: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        for name in _POSITIVE:
            if getattr(self, name) <= 0:
                raise SettingsError(f"{name} must be more than 0, not {getattr(self, name)}")
        for name in _NOT_NEGATIVE:
            if getattr(self, name) < 0:
                raise SettingsError(f"{name} must not be negative, not {getattr(self, name)}")
        for net in self.allow_networks:
            try:
                ipaddress.ip_network(net, strict=False)
            except ValueError:
                raise SettingsError(
                    f"allow_networks: {net!r} is not a network (10.0.0.0/8)"
                ) from None

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt groups are matched against ("cleaner")."""
        return self.user_agent.split("/", 1)[0].split()[0] if self.user_agent.strip() else "*"
