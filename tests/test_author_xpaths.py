"""trafilatura's author expressions, evaluated in Python, select what its XPath selects."""

from __future__ import annotations

from collections.abc import Iterator
from copy import deepcopy

import pytest
import trafilatura.metadata
import trafilatura.xpaths

import cleaner.extract.author_xpaths  # noqa: F401  # installs the evaluators
from cleaner.extract.html import parse
from cleaner.extract.scope import running_for_cleaner
from cleaner.extract.xpath_eval import ForCleaner

# Every branch of the four expressions, and near misses beside them.
PAGE = """<html id="author"><body>
<a rel="author">A</a><span id="author">B</span><p class="author">C</p>
<div itemprop="author name">D</div><time>1 May</time>
<strong data-testid="AuthorURL">E</strong><address class="post-authorName">F</address>
<span><rel>me</rel>G</span><span><rel>not me</rel>H</span><author>I</author>
<em class="author">J</em>
<h3 class="byline">K</h3><h4 class="BBL">L</h4><div itemprop="creator author">M</div>
<span id="zuozhe">N</span><p class="posted-by x">O</p><h5 class="byline">P</h5>
<section data-component="TopByline">Q</section><i id="Author">R</i><b class="screenname">S</b>
<div id="comments">T</div><span class="title">U</span><a class="sidebar-link">V</a>
<div data-component="FigureBox">W</div><div class="Comments">X</div><span id="commentlist">Y</span>
<div class="authors">Z</div>
</body></html>"""


@pytest.fixture(autouse=True)
def _for_cleaner() -> Iterator[None]:
    """The evaluators apply while trafilatura runs for cleaner (extract.scope)."""
    with running_for_cleaner():
        yield


@pytest.mark.parametrize("name", ["AUTHOR_XPATHS", "AUTHOR_DISCARD_XPATHS"])
def test_the_evaluators_select_what_the_expressions_select(name: str) -> None:
    tree = deepcopy(parse(PAGE))  # as extract_author searches: a copy, its own document
    installed, original = getattr(trafilatura.metadata, name), getattr(trafilatura.xpaths, name)
    assert isinstance(installed[0], ForCleaner)  # written against this trafilatura: installed
    for mine, theirs in zip(installed, original, strict=True):
        assert mine(tree) == theirs(tree)
        assert mine(tree)


def test_the_author_found_is_the_same() -> None:
    tree = parse(PAGE.replace('<a rel="author">A</a>', '<a rel="author">Anna Berg</a>'))
    assert trafilatura.metadata.extract_author(tree) == "Anna Berg"
