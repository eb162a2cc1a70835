"""Fetch settings: politeness, robustness and safety knobs, one frozen dataclass."""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner import __version__
from cleaner.config import MB, Settings

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
    workers: int = 0  # cleaning processes; 0 cleans in the event loop
    clean: Settings = field(default_factory=Settings)

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt groups are matched against ("cleaner")."""
        return self.user_agent.split("/", 1)[0].split()[0] if self.user_agent.strip() else "*"
