"""Sitemaps (index, urlset, .xml.gz, plain text) and RSS/Atom feeds -> the URLs they list.

A well-formed listing is read by lxml with entities, DTDs and the network all off, so a hostile
sitemap cannot expand a billion laughs or read local files. Real feeds are often not
well-formed (a bare '&' in a URL, HTML entities such as '&nbsp;', a body in another encoding
than declared), and lxml's recovery then silently damages the URLs ('?a=1&b=2' -> '?a=1=2').
Those go to BeautifulSoup with Python's own HTML parser instead, which keeps a bare '&' as
text, knows the HTML entities and no DTD, and guesses the encoding when the declared one fails.
Listings are few, so the slower parser costs nothing that matters.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from cleaner.errors import Rejected
from cleaner.readers.compression import GZIP_MAGIC, gunzip_bounded

_STRICT = etree.XMLParser(
    resolve_entities=False, no_network=True, recover=False, huge_tree=False, load_dtd=False
)


@dataclass
class Listing:
    """What one sitemap or feed holds: article URLs and, for a sitemap index, more sitemaps."""

    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Node:
    """An element as both parsers see it: local names, lower case, text stripped."""

    tag: str
    parent: str
    text: str
    attrs: dict[str, str]


def parse_listing(data: bytes, max_out: int) -> Listing:
    """Parse a sitemap or feed body (gzipped or not); Rejected if it lists nothing."""
    if data.startswith(GZIP_MAGIC):
        data = gunzip_bounded(data, max_out)
    listing = _parse_xml(data) if data.lstrip().startswith(b"<") else _parse_lines(data)
    if not listing.pages and not listing.sitemaps:
        raise Rejected("no_text", "no URLs found in this sitemap or feed")
    return listing


def _parse_xml(data: bytes) -> Listing:
    listing = Listing()
    try:
        nodes = list(_lxml_nodes(data))
    except etree.XMLSyntaxError:
        nodes = list(_soup_nodes(data))
    for node in nodes:
        _collect(node, listing)
    return listing


def _collect(node: Node, listing: Listing) -> None:
    if node.tag == "loc" and node.text and node.parent != "image":  # image:loc is a picture
        (listing.sitemaps if node.parent == "sitemap" else listing.pages).append(node.text)
    elif node.tag == "link" and node.parent == "item" and node.text:  # RSS
        listing.pages.append(node.text)
    elif node.tag == "link" and node.parent == "entry":  # Atom
        href = node.attrs.get("href", "").strip()
        if href and node.attrs.get("rel", "alternate") == "alternate":
            listing.pages.append(href)


def _lxml_nodes(data: bytes) -> Iterator[Node]:
    root = etree.fromstring(data, _STRICT)
    for element in root.iter():
        if isinstance(element.tag, str):  # not a comment or processing instruction
            parent = element.getparent()
            parent_tag = parent.tag if parent is not None else ""
            text = (element.text or "").strip()
            yield Node(_local(element.tag), _local(str(parent_tag)), text, dict(element.attrib))


def _soup_nodes(data: bytes) -> Iterator[Node]:
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning  # imported only for broken listings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)  # on purpose: see the docstring
        soup = BeautifulSoup(data, builder=_listing_builder())
    for tag in soup.find_all(True):
        parent = tag.parent.name if tag.parent is not None else ""
        attrs = {k: v if isinstance(v, str) else " ".join(v) for k, v in tag.attrs.items()}
        yield Node(_local(tag.name), _local(parent), tag.get_text().strip(), attrs)


def _listing_builder() -> Any:
    """Python's HTML parser with no void elements: in a feed, <link> holds the URL."""
    from bs4.builder import builder_registry

    html_parser = builder_registry.lookup("html.parser")
    assert html_parser is not None, "bs4 always registers Python's html.parser"
    builder = html_parser()
    builder.empty_element_tags = set()
    return builder


def _parse_lines(data: bytes) -> Listing:
    lines = data.decode("utf-8", errors="replace").splitlines()
    return Listing(pages=[line.strip() for line in lines if line.strip().startswith("http")])


def _local(tag: str) -> str:
    """'{http://www.sitemaps.org/...}loc' and 'image:loc' -> 'loc'; lower case."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()
