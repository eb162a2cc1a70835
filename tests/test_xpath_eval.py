"""trafilatura's broad discard expressions, evaluated in Python, select what its XPath selects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import trafilatura.external
import trafilatura.main_extractor
import trafilatura.xpaths

import cleaner.extract.xpath_eval  # installs the evaluators
from cleaner.extract.html import parse
from cleaner.extract.scope import running_for_cleaner

# Edges of the expressions: the first of @id|@class (or @id|@style) in source order decides,
# role is lower-cased for N only, attributes that only need to exist, tags outside the list.
PAGE = """<html><body>
<div class="cookie" id="x">a</div><div id="x" class="cookie">b</div>
<div id="cookie" class="x">c</div><section class="x" id="cookie-box">d</section>
<span role="NAVigation">e</span><p role="Nav">f</p><p role="main">g</p>
<div data-lp-replacement-content="">h</div><div data-component="MostPopularStoriesList">i</div>
<article class="share-bar">j</article><div class="sidebar">k</div><div id="social-links">l</div>
<p class="nav">m</p><p class="post-nav">n</p><div class="main navbar">o</div><p class="x ad y">p</p>
<div class="comments-title">q</div><div class="comments-title x">r</div>
<div id="reply-1">s</div><div class="reply-2" id="z">t</div><div id="z" class="reply-3">u</div>
<div style="a" id="hidden">v</div><div id="hidden" style="a">w</div>
<div style="display:none">x</div><div style="color: red; display: none">y</div>
<div id="akismet-1">z</div><div class="notloaded">aa</div><div class="hide-print">bb</div>
<div aria-hidden="true">cc</div><div aria-hidden="false">dd</div>
<div class="article">ee<p>ff</p></div>
</body></html>"""


@pytest.fixture(autouse=True)
def _for_cleaner() -> Iterator[None]:
    """The evaluators apply while trafilatura runs for cleaner (extract.scope)."""
    with running_for_cleaner():
        yield


@pytest.mark.parametrize("module", [trafilatura.main_extractor, trafilatura.external])
def test_the_evaluators_select_what_the_expressions_select(module: object) -> None:
    tree = parse(PAGE)
    installed = module.OVERALL_DISCARD_XPATH  # type: ignore[attr-defined]
    original = trafilatura.xpaths.OVERALL_DISCARD_XPATH
    assert installed is not original  # written against this trafilatura: installed
    for mine, theirs in zip(installed, original, strict=True):
        assert mine(tree) == theirs(tree)
        assert mine(tree)  # the page holds cases of both


def test_a_tree_without_attributes_selects_nothing() -> None:
    tree = parse("<html><body><div><p>Text</p><span>mehr</span></div></body></html>")
    assert [discard(tree) for discard in trafilatura.main_extractor.OVERALL_DISCARD_XPATH] == [
        [],
        [],
    ]


def test_other_expressions_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    changed = trafilatura.xpaths.OVERALL_DISCARD_XPATH[:1]  # not the list it was written for
    monkeypatch.setattr(trafilatura.main_extractor, "OVERALL_DISCARD_XPATH", changed)
    cleaner.extract.xpath_eval.install()
    assert trafilatura.main_extractor.OVERALL_DISCARD_XPATH is changed


# Bodies: per parent only the first child that names one; exact values and regexes.
BODIES = """<html><body>
<div class="wrap"><div class="post">a</div><div class="article-body">b</div></div>
<section><p class="entry">c</p><article itemprop="articleBody">d</article></section>
<main id="articleContent"><div class="entry x">e</div><div class="text-content">f</div></main>
<div><span class="post-body">g</span>
<div id="art-content">h<div class="articleBody">i</div></div></div>
</body></html>"""


def test_the_body_evaluator_selects_what_the_body_expression_selects() -> None:
    tree = parse(BODIES)
    mine, theirs = trafilatura.main_extractor.BODY_XPATH[0], trafilatura.xpaths.BODY_XPATH[0]
    assert mine is not theirs
    assert list(mine(tree)) == theirs(tree)
    texts = [element.text for element in mine(tree)]
    assert texts == ["a", "d", None, "f", "h", "i"]  # None: <main>, its first child a <div>


@pytest.mark.parametrize(
    "body",
    [
        '<div class="x"><section class="FullText">a</section></div>',
        '<div id="Fulltext">a</div><article role="article">b</article>',
        '<main id="primary-col">a</main><div class="story">b</div>',
        '<div class="article intro">a</div><div class="story-content">b</div>',
        '<span class="text">a</span><div class="cell">b</div>',
        '<div id="Main-Content">a</div>',
        '<div class="mainContent">a</div><section class="Page-Content">b</section>',
        '<div class="content_main">a</div><div id="contentBody">b</div>',
        '<div id="content">a</div>',
        '<div class="nothing">a</div>',
    ],
)
@pytest.mark.parametrize("index", [2, 3])
def test_the_later_body_evaluators_find_the_first_named_element(body: str, index: int) -> None:
    tree = parse(f"<html><body>{body}</body></html>")
    mine = trafilatura.main_extractor.BODY_XPATH[index]
    theirs = trafilatura.xpaths.BODY_XPATH[index]
    assert mine is not theirs
    assert mine(tree) == theirs(tree)
