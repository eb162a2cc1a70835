"""The cheaper scans select what the scans they replace select: the lead's blocks after the
<h1> (XPath `following::*`), the reading order with skipped subtrees passed over (the walk
that reads every node), the paywall box names behind a literal test (the regex alone)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lxml import etree
from lxml import html as lxml_html

from cleaner.extract.lead import MAX_HINTED, _hinted_after_h1
from cleaner.metadata.reading import SKIPPED, Chunk, reading_order
from cleaner.pagekind.access import _BOX, _BOX_LITERALS, html_paywall

_AFTER_H1 = etree.XPath(
    "(//h1)[1]/following::*[@class[contains(., 'ead') or contains(., 'xcerpt')"
    " or contains(., 'ntro') or contains(., 'tandfirst') or contains(., 'dek')"
    f" or contains(., 'bstract')]][position() <= {MAX_HINTED}]"
)

PAGES = [
    "<h1 class='lead'>T</h1><p class='lead'>a</p>",  # the <h1> itself is not after itself
    "<div><header><h1>T<span class='intro'>in</span></h1><p class='dek'>d</p></header>"
    "<!-- c --><div class='excerpt'><p class='intro'>x</p></div></div><p class='abstract'>y</p>",
    "<p class='lead'>above</p><div><h1>T</h1></div><h1>second</h1><p class='Lead'>no</p>",
    "<h1>T</h1>" + "<p class='reader'>r</p>" * 30,  # only the first MAX_HINTED
    "<p class='lead'>no headline</p>",
    "<h1>T</h1><p class=''>empty</p><p>none</p><svg><g class='intro'/></svg>",
]


def _page(body: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><head></head><body>{body}</body></html>")


@pytest.mark.parametrize("body", PAGES)
def test_hinted_blocks_are_xpaths_following_blocks(body: str) -> None:
    tree = _page(body)
    assert list(_hinted_after_h1(tree)) == _AFTER_H1(tree)


def _every_node(tree: lxml_html.HtmlElement, datetimes: bool) -> Iterator[Chunk]:
    """The reading order by a walk over every node, skipped subtrees included."""
    skipping, in_h1 = 0, 0
    for event, node in etree.iterwalk(tree.find("body"), events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            skipping += tag in SKIPPED
            in_h1 += tag == "h1"
            if datetimes and not skipping and tag == "time" and node.get("datetime"):
                yield Chunk(node.get("datetime", ""), node, in_h1 > 0)
            text, owner = node.text, node
        else:
            skipping -= tag in SKIPPED
            in_h1 -= tag == "h1"
            text, owner = node.tail, node.getparent()
        if text and not skipping and text.strip():
            yield Chunk(" ".join(text.split()), owner, in_h1 > 0)


READING = [
    "<p>menu</p><h1>Title <svg><text>icon</text></svg>here</h1><p>By A</p>",
    "<noscript><h1>hidden</h1><p>x</p></noscript>tail<h1>T</h1><script>s</script>after",
    "<h1>T</h1><p><time datetime='2024-01-02'>Jan 2</time><select><option>o</option></select>z</p>",
    "<template><p>t</p></template><h1>T<style>.a{}</style></h1>",
]


@pytest.mark.parametrize("body", READING)
@pytest.mark.parametrize("datetimes", [False, True])
def test_reading_order_passes_skipped_subtrees_over(body: str, datetimes: bool) -> None:
    tree = _page(body)
    assert list(reading_order(tree, datetimes)) == list(_every_node(tree, datetimes))


def test_a_page_without_a_headline_has_no_reading_order() -> None:
    assert list(reading_order(_page("<p>text</p><h2>no h1</h2>"))) == []


BOX_NAMES = [
    "c-paywall",
    "Pay-Wall",
    "regwall-x",
    "piano-offer",
    "premium-box",
    "premium-teaser",
    "premium-wall",
    "subscriber-only",
    "plus-box",
    "plus-teaser",
    "abo-box",
    "abo-teaser",
    "abo-wall",
    "metered",
]


@pytest.mark.parametrize("name", BOX_NAMES)
def test_every_paywall_box_name_passes_the_literal_test(name: str) -> None:
    assert _BOX.search(name.lower())  # a name the pattern finds ...
    assert any(literal in name.lower() for literal in _BOX_LITERALS)  # ... holds a literal
    assert html_paywall(_page(f"<div id='{name}'>Subscribe</div>"))


@pytest.mark.parametrize("name", ["premium-content", "plus", "abonnement", "meter"])
def test_other_names_are_no_paywall_box(name: str) -> None:
    assert not html_paywall(_page(f"<div class='{name}'>Text</div>"))
