"""URLs from sitemaps and feeds, depth-first through sitemap indexes (parsing: fetch.listing)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from cleaner.document import Reject, Source
from cleaner.errors import Rejected
from cleaner.fetch.client import Fetcher
from cleaner.fetch.listing import Listing, parse_listing
from cleaner.fetch.page import FetchError

__all__ = ["Listing", "discover", "parse_listing"]


async def discover(
    fetcher: Fetcher, sitemaps: list[str], feeds: list[str]
) -> AsyncIterator[str | Reject]:
    """Article URLs from the listings, depth-first through sitemap indexes; a listing that
    cannot be fetched or read, or is past the `max_listings` budget, ends as a Reject."""
    todo = [*reversed(feeds), *reversed(sitemaps)]
    seen: set[str] = set()
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        if len(seen) > fetcher.settings.max_listings:
            detail = f"more than {fetcher.settings.max_listings} sitemaps and feeds"
            yield Reject(Source(kind="url", url=url), "too_large", detail)
            continue
        try:
            listing = await _read_listing(fetcher, url)
        except Rejected as exc:
            status = exc.status if isinstance(exc, FetchError) else None
            yield Reject(Source(kind="url", url=url, status=status), exc.reason, exc.detail)
            continue
        todo.extend(reversed(listing.sitemaps))
        for page_url in listing.pages:
            yield page_url


async def _read_listing(fetcher: Fetcher, url: str) -> Listing:
    page = await fetcher.fetch(url, accept=None)
    return parse_listing(page.body, fetcher.settings.max_decompressed_bytes)
