"""Bylines that only their words mark, found by the headline (metadata.headline_byline)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from cleaner.metadata.credits import byline_authors
from cleaner.metadata.headline_byline import headline_bylines


def _page(header: str, body: str = "<p>Article text follows here.</p>") -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><body>{header}{body}</body></html>")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            '<h1>Title</h1><p class="text-grey">Written by<span>Jane Example</span></p>',
            ["Written by Jane Example"],
        ),
        (
            "<h1>Title</h1><div><span>By</span> <a href='/p/jane'>Jane Example</a></div>",
            ["By Jane Example"],
        ),
        (
            "<h1>Title</h1><p>Guides · 10 min read · <span>By Jane Example</span></p>",
            ["By Jane Example"],
        ),
        (
            "<h1>Title</h1><span>Von: <ul><li>Erika Muster</li><li>Max Beispiel</li></ul></span>",
            ["Von: Erika Muster, Max Beispiel"],
        ),
        ("<p><span>By</span> <b>Jane Example</b></p><h1>Title</h1>", ["By Jane Example"]),
    ],
)
def test_bylines_by_the_headline(header: str, expected: list[str]) -> None:
    assert headline_bylines(_page(header)) == expected


def test_far_from_the_headline_or_without_one_is_no_byline() -> None:
    filler = "<p>" + "Words of the article body. " * 30 + "</p>"
    assert headline_bylines(_page("<h1>Title</h1>", filler + "<p>By Jane Example</p>")) == []
    assert headline_bylines(_page("<p>By Jane Example</p>")) == []


def test_a_long_element_is_a_bio_not_a_byline() -> None:
    bio = "<p>By the way, " + "this sentence goes on and on " * 4 + "</p>"
    assert headline_bylines(_page("<h1>Title</h1>" + bio)) == []


def test_the_splitter_reads_the_list_as_two_people() -> None:
    header = "<h1>Title</h1><span>Written by: <ul><li>Jane Example</li><li>Max Muster</li></ul>"
    assert byline_authors(headline_bylines(_page(header + "</span>"))) == [
        "Jane Example",
        "Max Muster",
    ]
