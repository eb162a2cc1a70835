"""Features of repeated card grids: is a block one of many alike teasers, or the page's lead?

A listing of other posts is a run of sibling containers with the same tag and class (the
cards), each holding a link to another page, a short excerpt and often a date. The page's own
standfirst looks like one such excerpt but repeats the page's meta description. These
features let the block scorer tell the two apart on any site: how many siblings share the
nearest repeated ancestor's signature, whether that card holds a link or a <time> beside the
block, whether the block repeats the description, and whether its text is a link elsewhere.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Protocol

from lxml import html as lxml_html

from cleaner.extract.headlines import key

CARD_LEVELS = 4  # ancestors searched for a repeated container (the card)
MIN_CARDS = 3  # siblings alike before a container counts as one card of a grid
MIN_MATCH_KEY = 30  # a shorter text matches a description or a link by chance
DESCRIPTION_META = ("og:description", "description", "twitter:description")


class TextBlock(Protocol):
    node: lxml_html.HtmlElement
    key: str


Signature = tuple[str, str]


class CardFeatures:
    """Per-page state (sibling tallies, link texts, description), then one call per block."""

    def __init__(self, tree: lxml_html.HtmlElement) -> None:
        self._tallies: dict[lxml_html.HtmlElement, Counter[Signature]] = {}
        self._descriptions = _description_keys(tree)
        self._link_keys = Counter(k for k in map(_link_key, tree.iter("a")) if k)

    def of(self, block: TextBlock) -> dict[str, float]:
        """The card features of one block."""
        feats: dict[str, float] = {}
        card, alike = self._card(block.node)
        if card is not None:
            feats["card_grid"] = 1.0
            feats["log_cards"] = math.log1p(alike)
            feats.update(_card_contents(card, block.node))
        if _matches_any(block.key, self._descriptions):
            feats["is_description"] = 1.0
        if len(block.key) >= MIN_MATCH_KEY and self._link_keys[block.key] > _own_links(block):
            feats["link_text_elsewhere"] = 1.0
        return feats

    def _card(self, node: lxml_html.HtmlElement) -> tuple[lxml_html.HtmlElement | None, int]:
        """The nearest ancestor repeated among its siblings (a card), and how many alike; not
        the block itself: an article's paragraphs are siblings alike too."""
        element = node.getparent()
        for _ in range(CARD_LEVELS):
            if element is None:
                break
            parent = element.getparent()
            if parent is None:
                break
            alike = self._siblings_alike(parent, element)
            if alike >= MIN_CARDS:
                return element, alike
            element = parent
        return None, 0

    def _siblings_alike(self, parent: lxml_html.HtmlElement, element: lxml_html.HtmlElement) -> int:
        if parent not in self._tallies:
            self._tallies[parent] = Counter(map(_signature, parent.iterchildren()))
        return self._tallies[parent][_signature(element)]


def _signature(element: lxml_html.HtmlElement) -> Signature:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag, " ".join(sorted((element.get("class") or "").split()))


def _card_contents(card: lxml_html.HtmlElement, node: lxml_html.HtmlElement) -> dict[str, float]:
    """Whether the card holds, beside the block, a link (to the other post) and a date."""
    feats: dict[str, float] = {}
    inside = set(node.iter())
    if any(a.get("href") and a not in inside for a in card.iter("a")):
        feats["card_link"] = 1.0
    if any(t not in inside for t in card.iter("time")):
        feats["card_time"] = 1.0
    return feats


def _description_keys(tree: lxml_html.HtmlElement) -> list[str]:
    found = []
    for meta in tree.iterfind(".//meta"):
        name = meta.get("property") or meta.get("name") or ""
        if name.lower() in DESCRIPTION_META:
            found.append(key(meta.get("content") or ""))
    return [k for k in found if len(k) >= MIN_MATCH_KEY]


def _matches_any(block_key: str, descriptions: list[str]) -> bool:
    """The block holds a description, or (descriptions get cut short) starts one."""
    if len(block_key) < MIN_MATCH_KEY:
        return False
    return any(d in block_key or block_key[: MIN_MATCH_KEY * 2] in d for d in descriptions)


def _link_key(anchor: lxml_html.HtmlElement) -> str:
    found = key(" ".join(anchor.text_content().split()))
    return found if len(found) >= MIN_MATCH_KEY else ""


def _own_links(block: TextBlock) -> int:
    """Links inside the block with its whole text (a block that is a link is no excerpt)."""
    return sum(_link_key(a) == block.key for a in block.node.iter("a"))
