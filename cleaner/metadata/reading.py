"""A page's visible body text in reading order: the one walk that the text around the
headline is read from (the date it shows, the byline that only its words mark)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree
from lxml import html as lxml_html

AFTER_CHARS = 500  # text after the headline where bylines and dates stand
BEFORE_CHARS = 150  # text above it: a date line or a byline over the <h1>
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "select", "option"})


class Chunk(NamedTuple):
    text: str  # whitespace collapsed
    owner: lxml_html.HtmlElement | None  # the element the text stands in
    in_h1: bool


def reading_order(tree: lxml_html.HtmlElement, datetimes: bool = False) -> Iterator[Chunk]:
    """The visible texts of the body (the head shows nothing); with `datetimes`, a <time>
    element's datetime value comes first, before its own text. None on a page without an
    <h1>: it has no text around a headline, and the walk would read the whole page."""
    in_h1 = 0
    body = tree.find("body")
    root = tree if body is None else body
    if next(root.iter("h1"), None) is None:
        return
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, node in walk:
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in SKIPPED:
                walk.skip_subtree()  # nothing inside shows (its "end" still comes, for the tail)
                continue
            in_h1 += tag == "h1"
            if datetimes and tag == "time" and node.get("datetime"):
                yield Chunk(" ".join(node.get("datetime", "").split()), node, in_h1 > 0)
            text, owner = node.text, node
        else:
            in_h1 -= tag == "h1"
            text, owner = node.tail, node.getparent()
        if text and text.strip():
            yield Chunk(" ".join(text.split()), owner, in_h1 > 0)
