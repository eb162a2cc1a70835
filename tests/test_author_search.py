"""The author-search shortcut skips trafilatura's search only where it would find nobody."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html
from trafilatura.metadata import extract_author

from cleaner.extract import author_search

NAME = "Erika Mustermann"
# One element per kind of condition in trafilatura's author expressions.
FOUND = [
    f'<a rel="author">{NAME}</a>',
    f'<span id="author">{NAME}</span>',
    f'<div class="author">{NAME}</div>',
    f'<span itemprop="author name">{NAME}</span>',
    f'<div data-testid="AuthorCard">{NAME}</div>',
    f'<span class="article-authorName">{NAME}</span>',
    f"<author>{NAME}</author>",
    f'<p class="byline">{NAME}</p>',
    f'<span class="username">{NAME}</span>',
    f'<span class="BBL">{NAME}</span>',
    f'<div id="zuozhe-box">{NAME}</div>',
    f'<div class="post-submitted-by">{NAME}</div>',
    f'<div class="journalist-name">{NAME}</div>',
    f'<section data-component="ArticleByline">{NAME}</section>',
    f'<section class="screenname">{NAME}</section>',
    f'<section class="writer-box">{NAME}</section>',
    f'<section id="Author-1">{NAME}</section>',
]
NOT_FOUND = [f"<p>{NAME} sagte am Montag, das sei gut.</p>", '<div class="teaser">Mehr</div>']


def page(body: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><body><article>{body}</article></body></html>")


@pytest.mark.parametrize("body", FOUND + NOT_FOUND)
def test_same_result_as_trafilatura(body: str) -> None:
    assert author_search.trafilatura_author(page(body)) == extract_author(page(body))


@pytest.mark.parametrize("body", FOUND)
def test_searches_where_trafilatura_finds_a_name(body: str) -> None:
    assert extract_author(page(body)), "the example must exercise trafilatura's search"
    assert author_search.may_name_an_author(page(body))


@pytest.mark.parametrize("body", NOT_FOUND)
def test_skips_pages_without_author_markup(body: str) -> None:
    assert not author_search.may_name_an_author(page(body))


def test_written_for_the_installed_trafilatura() -> None:
    # a new trafilatura with other author expressions: re-read _NEEDED off them (until then
    # every page is searched, correct but slow)
    assert author_search._CURRENT == author_search._WRITTEN_FOR
