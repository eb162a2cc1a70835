"""Fetching: polite, robust, guarded HTTP in front of the cleaning pipeline.

settings.py  FetchSettings
guard.py     address policy, checked on DNS results for every connection
transport.py httpx transport whose connections go through the guard
ratelimit.py one request at a time per host, a pause between two, a global cap
robots.py    robots.txt rules (Protego), RFC 9309 failure handling
retry.py     backoff with jitter, Retry-After
body.py      streamed body with a size cap and bounded decompression
client.py    Fetcher: one URL to one Fetched page or one FetchError
clean.py     Fetched page -> pipeline -> Document/Reject
warc.py      raw pages to a WARC file
discover.py  URLs from sitemaps and feeds
resume.py    URLs an earlier run already settled
run.py       fetch_and_clean, the library entry point
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cleaner.fetch.settings import FetchSettings

if TYPE_CHECKING:
    from cleaner.fetch.run import fetch_and_clean

__all__ = ["FetchSettings", "fetch_and_clean"]


def __getattr__(name: str) -> Any:
    # run.py pulls in httpx and the pipeline: only when fetching, not for FetchSettings
    if name != "fetch_and_clean":
        raise AttributeError(f"module 'cleaner.fetch' has no attribute {name!r}")
    from cleaner.fetch.run import fetch_and_clean

    return fetch_and_clean
