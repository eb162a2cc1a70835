"""URLs from sitemaps (index, urlset, .xml.gz, plain text) and RSS/Atom feeds.

The XML parser resolves no entities and loads nothing from the network, so a hostile sitemap
cannot expand a billion laughs or read local files.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from lxml import etree

from cleaner.document import Reject, Source
from cleaner.errors import Rejected
from cleaner.fetch.client import Fetcher
from cleaner.fetch.page import FetchError
from cleaner.readers.compression import GZIP_MAGIC, gunzip_bounded

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, recover=True, huge_tree=False, load_dtd=False
)


@dataclass
class Listing:
    """What one sitemap or feed holds: article URLs and, for a sitemap index, more sitemaps."""

    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def parse_listing(data: bytes, max_out: int) -> Listing:
    """Parse a sitemap or feed body (gzipped or not); Rejected if it lists nothing."""
    if data.startswith(GZIP_MAGIC):
        data = gunzip_bounded(data, max_out)
    listing = _parse_xml(data) if data.lstrip().startswith(b"<") else _parse_lines(data)
    if not listing.pages and not listing.sitemaps:
        raise Rejected("no_text", "no URLs found in this sitemap or feed")
    return listing


def _parse_xml(data: bytes) -> Listing:
    root = etree.fromstring(data, _PARSER)
    listing = Listing()
    if root is None:
        return listing
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue  # comments and processing instructions
        _collect(node, _local(node.tag), listing)
    return listing


def _collect(node: etree._Element, tag: str, listing: Listing) -> None:
    parent = node.getparent()
    parent_tag = _local(parent.tag) if parent is not None and isinstance(parent.tag, str) else ""
    text = (node.text or "").strip()
    if tag == "loc" and text:
        (listing.sitemaps if parent_tag == "sitemap" else listing.pages).append(text)
    elif tag == "link" and parent_tag == "item" and text:  # RSS
        listing.pages.append(text)
    elif tag == "link" and parent_tag == "entry" and node.get("rel", "alternate") == "alternate":
        href = (node.get("href") or "").strip()  # Atom
        if href:
            listing.pages.append(href)


def _parse_lines(data: bytes) -> Listing:
    lines = data.decode("utf-8", errors="replace").splitlines()
    return Listing(pages=[line.strip() for line in lines if line.strip().startswith("http")])


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


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
