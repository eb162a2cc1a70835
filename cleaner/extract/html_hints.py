"""What the page's markup says about each line of the extracted body: HTML hints for the
line-role model of HTML pages (extract/lineroles.py).

Every body line is found again in the DOM (its letters-and-digits key inside a block's key)
and described by generic evidence only: the block's tag and heading level, its share of link
text, whether it sits in a list, aside, figure, blockquote, table, header, footer or form,
the kind of box its class/id names suggest (share, related, author, caption, ...: words any
site uses, no site's own names), whether it sits in the container holding most of the body
and where the block is on the page. A line found nowhere says so (`unmatched`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import html as lxml_html

from cleaner.extract.blockfeatures import BLOCK_TAGS, innermost_blocks
from cleaner.extract.headlines import key

PROBE = 40  # letters and digits of a line looked up in the page's block keys
MIN_PROBE = 8  # a shorter line is found anywhere by chance
ANCESTORS = 6  # class/id names this many levels up describe the line's box
_SEPARATOR = "\x00"
_CONTEXT = {"ul": "list", "ol": "list", "dl": "list", "aside": "aside", "figure": "figure"}
_CONTEXT |= {"blockquote": "quote", "table": "table", "header": "header", "footer": "footer"}
_CONTEXT |= {"form": "form", "nav": "nav", "a": "link", "strong": "bold", "b": "bold"}
_LISTS = frozenset({"ul", "ol", "dl"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_OWN_TAGS = frozenset({"p", "li", "td", "th", "blockquote", "figcaption", "div", "dd", "dt"})
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Kinds of box, by the generic words their class/id names use on any site.
_BOX_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("share", r"share|social|sharing|follow"),
        ("related", r"related|recommend|popular|trending|more|read-?next|also|similar"),
        ("author", r"author|(?<![a-z])bio|byline|profile|about|writer|contributor"),
        ("caption", r"caption|credit|photo|image|img|media|gallery|video|figure"),
        ("box", r"newsletter|subscri|signup|sign-up|cta|promo|banner|donat|paywall|offer"),
        ("ad", r"(?<![a-z])ads?(?![a-z])|advert|sponsor|partner"),
        ("comment", r"comment|disqus|reply|respon"),
        ("tags", r"(?<![a-z])tags?(?![a-z])|topic|categor|keyword"),
        ("meta", r"(?<![a-z])meta|date|time|info|details"),
        ("nav", r"(?<![a-z])nav|menu|breadcrumb|pagination|footer|header"),
        ("side", r"sidebar|widget|aside|rail|column"),
        ("card", r"card|teaser|tile|grid|list|item|feed"),
        ("body", r"content|article|entry|post|story|body|text|prose|main"),
    )
)


@dataclass(frozen=True)
class _Block:
    node: lxml_html.HtmlElement
    key: str


def _blocks(tree: lxml_html.HtmlElement) -> list[_Block]:
    """The innermost block elements (p, li, h2, td, div, ...) in document order, with keys
    (script and style hold no elements)."""
    out = []
    for node in innermost_blocks(tree, BLOCK_TAGS):
        block_key = key(" ".join(node.itertext()))
        if block_key:
            out.append(_Block(node, block_key))
    return out


@dataclass(frozen=True)
class _Found:
    node: lxml_html.HtmlElement | None
    index: int  # the block's place among the page's blocks (-1: not found)


def line_hints(
    tree: lxml_html.HtmlElement, lines: Sequence[str], start: int = 0
) -> list[list[str]]:
    """One list of `h:` features for each line from `start` on (all lines are located: the
    main container is the one holding most of the body)."""
    blocks = _blocks(tree)
    found = _locate(lines, blocks)
    runs = [_run_of(spot.node) if spot.node is not None else None for spot in found]
    main = _main_run(lines, runs)
    span = _span_of(runs, main)
    names: dict[lxml_html.HtmlElement, frozenset[str]] = {}
    own, first = [], max(start - 1, 0)  # the line before `start` is the first one's context
    for i in range(first, len(lines)):
        spot = found[i]
        feats = [f"h:side={_side(i, span)}"]
        if lines[i].startswith("|") and lines[i].endswith("|"):
            feats.append("h:table_row")  # trafilatura writes a table row as '| a | b |'
        if spot.node is None:
            own.append([*feats, "h:unmatched"])
            continue
        feats += _node_hints(spot.node, lines[i], names)
        feats.append(f"h:pos={_bucket(spot.index / max(len(blocks), 1), (0.2, 0.4, 0.6, 0.8))}")
        feats.append(f"h:box={_box_of(runs[i], main)}")
        feats += _neighbour_hints(runs, i)
        own.append(feats)
    return [feats + _context(own, i) for i, feats in enumerate(own)][start - first :]


_CONTEXT_HINTS = ("h:tag=", "h:box=", "h:cls=", "h:own=", "h:unmatched", "h:table_row")


def _context(own: list[list[str]], i: int) -> list[str]:
    """The box and tag hints of the lines before and after ('-1:h:box=main')."""
    out = []
    for offset in (-1, 1):
        if 0 <= i + offset < len(own):
            out += [f"{offset}:{f}" for f in own[i + offset] if f.startswith(_CONTEXT_HINTS)]
    return out


def _locate(lines: Sequence[str], blocks: list[_Block]) -> list[_Found]:
    """Each line's block: its key's first PROBE characters in the keys of the page's blocks
    (one string, searched from the last line's block on, then from the start)."""
    starts, pos = [], 0
    for block in blocks:
        starts.append(pos)
        pos += len(block.key) + 1
    joined = _SEPARATOR.join(block.key for block in blocks)
    out, at = [], 0
    for line in lines:
        probe = key(line)[:PROBE]
        hit = -1
        if len(probe) >= MIN_PROBE:
            hit = joined.find(probe, at)
            hit = joined.find(probe) if hit < 0 else hit
        if hit < 0:
            out.append(_Found(None, -1))
            continue
        index = bisect_right(starts, hit) - 1
        out.append(_Found(blocks[index].node, index))
        at = starts[index]
    return out


def _run_of(node: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The container of a block's run of paragraphs (a list item's list's parent)."""
    parent = node.getparent()
    if parent is not None and parent.tag in _LISTS:
        parent = parent.getparent()
    return parent


def _main_run(lines: Sequence[str], runs: list[lxml_html.HtmlElement | None]) -> object:
    """The container holding most characters of the body's lines."""
    chars: Counter[object] = Counter()
    for line, run in zip(lines, runs, strict=True):
        if run is not None:
            chars[run] += len(line)
    return chars.most_common(1)[0][0] if chars else None


def _span_of(runs: list[lxml_html.HtmlElement | None], main: object) -> tuple[int, int]:
    """First and last line in the main container."""
    inside = [i for i, run in enumerate(runs) if run is not None and run is main]
    return (inside[0], inside[-1]) if inside else (0, len(runs))


def _side(i: int, span: tuple[int, int]) -> str:
    return "before" if i < span[0] else "after" if i > span[1] else "within"


def _node_hints(
    node: lxml_html.HtmlElement, line: str, names: dict[lxml_html.HtmlElement, frozenset[str]]
) -> list[str]:
    tag = node.tag if isinstance(node.tag, str) else "other"
    feats = [f"h:tag={tag if tag in _OWN_TAGS or tag in _HEADINGS else 'other'}"]
    ancestors = list(node.iterancestors())
    tags = {a.tag for a in ancestors[:12] if isinstance(a.tag, str)}
    feats += sorted({f"h:in={_CONTEXT[t]}" for t in tags if t in _CONTEXT})
    for level, element in enumerate([node, *ancestors[:ANCESTORS]]):
        if element not in names:
            names[element] = _box_kinds(element)
        feats += [f"h:cls={kind}" if level else f"h:own={kind}" for kind in names[element]]
    feats.append(f"h:links={_bucket(_link_share(node, line), (0.0, 0.3, 0.7))}")
    return list(dict.fromkeys(feats))


def _box_kinds(element: lxml_html.HtmlElement) -> frozenset[str]:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not names.strip():
        return frozenset()
    names = _CAMEL.sub("-", names).lower()
    return frozenset(kind for kind, pattern in _BOX_KINDS if pattern.search(names))


def _link_share(node: lxml_html.HtmlElement, line: str) -> float:
    links = sum(len(" ".join(a.text_content().split())) for a in node.iter("a"))
    return min(1.0, links / max(len(line), 1))


def _box_of(run: lxml_html.HtmlElement | None, main: object) -> str:
    """The line's container against the main one: it, inside it, or elsewhere."""
    if run is None or main is None:
        return "none"
    if run is main:
        return "main"
    return "inside" if any(a is main for a in run.iterancestors()) else "outside"


def _neighbour_hints(runs: list[lxml_html.HtmlElement | None], i: int) -> list[str]:
    """Whether the lines before and after sit in the same container (a tail box starts
    where the container changes)."""
    feats = []
    if i and runs[i - 1] is not None and runs[i - 1] is runs[i]:
        feats.append("h:same_prev")
    if i + 1 < len(runs) and runs[i + 1] is not None and runs[i + 1] is runs[i]:
        feats.append("h:same_next")
    return feats


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return bisect_right(edges, value) if value > 0 else 0
