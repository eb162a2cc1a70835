"""Text blocks of a page's DOM and the features the block scorer reads.

A block is an innermost element that holds a paragraph-like run of text (<p>, a heading, a list
item, a table cell, a <div> with its own text). Its features say what boilerplate and body text
differ in on any site: link density, length, punctuation, stop-word share, the tag and its
ancestors' tags, words of the class/id names around it, where it sits, whether it repeats,
and whether the extractor kept it and its neighbours. Feature names are strings so that the
model file is readable; the values are sparse (a dict per block).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from lxml import html as lxml_html

from cleaner.extract.cardfeatures import CardFeatures
from cleaner.extract.headlines import key
from cleaner.filters.stopwords import stoplists, words

BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt"}
    | {"figcaption", "caption", "div", "section", "article", "address", "summary"}
)
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "select"})
CONTEXT_TAGS: tuple[str, ...] = ("nav", "header", "footer", "aside", "article", "main", "form")
CONTEXT_TAGS += ("figure", "a", "button", "ul", "ol", "table", "blockquote", "label")
ANCESTOR_LEVELS = 6  # class/id tokens of this many ancestors describe the block's region
MAX_TOKEN_CHARS = 20  # longer 'words' are generated ids, not names
MIN_BLOCK_CHARS = 2
_TOKEN = re.compile(r"[a-z]{2,}")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SENTENCE_END = re.compile(r"[.!?:\"“”»«)]$")
_PUNCT = re.compile(r"[.,;:!?]")


@dataclass
class Block:
    """One text block: its element, text, and features once computed."""

    node: lxml_html.HtmlElement
    text: str
    key: str
    features: dict[str, float] = field(default_factory=dict)
    prob: float = 0.5  # body text probability, set by the scorer


def innermost_blocks(
    tree: lxml_html.HtmlElement, tags: Collection[str]
) -> Iterator[lxml_html.HtmlElement]:
    """The body's elements of `tags` that hold none of `tags`, in document order. lxml's
    iterators, not recursion: a page nested a thousand levels deep is fine."""
    body = tree.find(".//body")
    for node in (body if body is not None else tree).iter(*tags):
        if next(node.iterdescendants(*tags), None) is None:
            yield node


def page_blocks(tree: lxml_html.HtmlElement) -> list[Block]:
    """Text blocks in document order; a container counts only for text outside sub-blocks."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    blocks: list[Block] = []
    _collect(root, blocks)
    return blocks


def _collect(root: lxml_html.HtmlElement, out: list[Block]) -> None:
    """Post-order: a block element with no block below it is a block (one pass, no rescans).
    An explicit stack, not recursion: a page nested a thousand levels deep is fine."""
    stack: list[tuple[lxml_html.HtmlElement, int]] = [(root, -1)]
    while stack:
        node, start = stack.pop()
        if start < 0:  # first visit: come back after the children, which go first in order
            stack.append((node, len(out)))
            stack.extend((child, -1) for child in reversed(_children(node)))
        elif node is not root and node.tag in BLOCK_TAGS and len(out) == start:
            _add(node, out)


def _children(node: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return [c for c in node.iterchildren() if isinstance(c.tag, str) and c.tag not in SKIP_TAGS]


def _add(node: lxml_html.HtmlElement, out: list[Block]) -> None:
    text = " ".join(" ".join(node.itertext()).split())
    if len(text) >= MIN_BLOCK_CHARS:
        out.append(Block(node, text, key(text)))


def add_features(blocks: list[Block], kept_key: str) -> None:
    """Fill each block's features; `kept_key` is the extractor's text as headlines.key()."""
    counts = Counter(b.key for b in blocks)
    kept = [len(b.key) >= MIN_KEPT_KEY and b.key in kept_key for b in blocks]
    regions = _region_shares(blocks, kept)
    language = _language(blocks)
    names: dict[lxml_html.HtmlElement, set[str]] = {}  # class words per element, computed once
    n = max(len(blocks), 1)
    span = _kept_span(kept)
    cards = CardFeatures(blocks[0].node.getroottree().getroot()) if blocks else None
    for i, block in enumerate(blocks):
        feats = _text_features(block, language)
        feats.update(_tree_features(block.node, names))
        feats.update(cards.of(block) if cards else {})
        feats["position"] = i / n
        feats["repeated"] = float(counts[block.key] > 1)
        feats["kept"] = float(kept[i])
        feats["prev_kept"] = float(i > 0 and kept[i - 1])
        feats["next_kept"] = float(i + 1 < len(blocks) and kept[i + 1])
        feats["near_kept"] = _share(kept[max(0, i - 3) : i + 4])
        feats["inside_kept_span"] = float(span[0] <= i <= span[1])
        feats["parent_kept"], feats["grandparent_kept"] = regions[i]
        block.features = feats


MIN_KEPT_KEY = 4  # a shorter block ('ok', '1') is found inside any text by chance


def _kept_span(kept: list[bool]) -> tuple[int, int]:
    """First and last index of a kept block ((1, 0): none, so nothing is inside)."""
    marked = [i for i, flag in enumerate(kept) if flag]
    return (marked[0], marked[-1]) if marked else (1, 0)


def _region_shares(blocks: list[Block], kept: list[bool]) -> list[tuple[float, float]]:
    """Share of kept blocks among the blocks under the same parent, and grandparent: a
    paragraph in the container the extractor took most of is likely body text it missed."""
    # keyed by the elements themselves: lxml returns the same proxy while one is referenced
    tallies: dict[object, list[int]] = {}
    owners = []
    for block, flag in zip(blocks, kept, strict=True):
        parent = block.node.getparent()
        grand = parent.getparent() if parent is not None else None
        ids = (parent, grand)
        owners.append(ids)
        for owner in ids:
            tally = tallies.setdefault(owner, [0, 0])
            tally[0] += flag
            tally[1] += 1
    return [tuple(tallies[o][0] / tallies[o][1] for o in ids) for ids in owners]  # type: ignore[misc]


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def _language(blocks: list[Block]) -> frozenset[str]:
    """The stop list that fits the page best (by hits over all block text)."""
    counts = Counter(w for b in blocks[:400] for w in words(b.text))
    lists = stoplists()
    hits = {code: sum(counts[w] for w in counts.keys() & lists[code]) for code in lists}
    return lists[max(sorted(lists), key=lambda code: hits[code])]


def _text_features(block: Block, stops: frozenset[str]) -> dict[str, float]:
    text = block.text
    tokens = words(text)
    link_chars = sum(len(" ".join(a.text_content().split())) for a in block.node.iter("a"))
    return {
        "bias": 1.0,
        "log_chars": math.log1p(len(text)),
        "log_words": math.log1p(len(tokens)),
        "link_density": min(1.0, link_chars / max(len(text), 1)),
        "punct_share": len(_PUNCT.findall(text)) / max(len(tokens), 1),
        "sentence_end": float(bool(_SENTENCE_END.search(text))),
        "stopword_share": sum(t in stops for t in tokens) / max(len(tokens), 1),
        "digit_share": sum(ch.isdigit() for ch in text) / max(len(text), 1),
        "upper_start": float(text[:1].isupper()),
        "short": float(len(tokens) < 5),
        "long": float(len(tokens) >= 25),
    }


def _tree_features(
    node: lxml_html.HtmlElement, names: dict[lxml_html.HtmlElement, set[str]]
) -> dict[str, float]:
    tag = node.tag if isinstance(node.tag, str) else "other"
    feats = {f"tag={_tag_class(tag)}": 1.0}
    ancestors = list(node.iterancestors())
    feats["depth"] = min(len(ancestors), 40) / 40
    tags = {a.tag for a in ancestors if isinstance(a.tag, str)}
    for context in CONTEXT_TAGS:
        if context in tags:
            feats[f"in={context}"] = 1.0
    for level, element in enumerate([node, *ancestors[:ANCESTOR_LEVELS]]):
        if element not in names:
            names[element] = _attr_tokens(element)
        for token in names[element]:
            feats[f"cls={token}" if level else f"own={token}"] = 1.0
    return feats


def _tag_class(tag: str) -> str:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "h"
    return tag if tag in ("p", "li", "td", "th", "blockquote", "figcaption", "div") else "other"


def _attr_tokens(element: lxml_html.HtmlElement) -> set[str]:
    """Words of the class, id and role names ('mol-photoCaption' -> mol, photo, caption).
    Every word becomes a feature; the model only weighs those seen on many training sites
    (one site's naming would otherwise be learned by heart), so the rest cost nothing."""
    names = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"
    names = _CAMEL.sub(" ", names).lower()
    return {t for t in _TOKEN.findall(names) if len(t) <= MAX_TOKEN_CHARS}
