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
    element's datetime value comes first, before its own text."""
    skipping, in_h1 = 0, 0
    body = tree.find("body")
    for event, node in etree.iterwalk(tree if body is None else body, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            skipping += tag in SKIPPED
            in_h1 += tag == "h1"
            if datetimes and not skipping and tag == "time" and node.get("datetime"):
                yield Chunk(" ".join(node.get("datetime", "").split()), node, in_h1 > 0)
            text, owner = node.text, node
        else:
            skipping -= tag in SKIPPED
            in_h1 -= tag == "h1"
            text, owner = node.tail, node.getparent()
        if text and not skipping and text.strip():
            yield Chunk(" ".join(text.split()), owner, in_h1 > 0)
