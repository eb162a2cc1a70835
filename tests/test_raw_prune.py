"""trafilatura's raw-tree prune expressions, evaluated in Python, select what its own select."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
import trafilatura.core
import trafilatura.xpaths

from cleaner.extract import raw_prune, scope
from cleaner.extract.html import parse
from cleaner.extract.scope import running_for_cleaner

# Elements the comment and scroll regexes take or leave, at the edges of their patterns.
PAGE = """<html><body>
<div id="comments">a</div><div id="Comment-12">b</div><div id="commentary">c</div>
<section class="comment-list">d</section><div class="user comment">e</div>
<div class="post-comments">f</div><div class="article-comments x">g</div>
<ol class="comments"><li>h</li></ol><ul id="comol-box"><li>i</li></ul>
<ul id="disqus_thread"><li>j</li></ul><div id="disqus_thread">k</div>
<div id="dsq-comments">l</div><details id="commentsBlock">m</details><span id="comments">n</span>
<div class="mvp-post-add-box"><h1>o</h1></div><aside id="infinite-scroll">p</aside>
<section class="infinitescroll"><h1>q</h1></section><div class="Infinite-scroll">r</div>
<div id="x" class="mvp-post-add-wrap">s</div><div class="elementor-share-buttons">t</div>
<aside class="infinite-scroll"><h1>u</h1></aside><div id="mvp-post-add-box"><h1>v</h1></div>
<ol id="commentary"><li>w</li></ol><ul class="x comments"><li>x</li></ul>
</body></html>"""


@pytest.fixture(autouse=True)
def _for_cleaner() -> Iterator[None]:
    """The evaluators apply while trafilatura runs for cleaner (extract.scope)."""
    with running_for_cleaner():
        yield


@pytest.mark.parametrize("name", ["RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH"])
def test_the_pretested_expressions_select_the_same_elements(name: str) -> None:
    tree = parse(PAGE)
    original = getattr(trafilatura.xpaths, name)
    installed = getattr(trafilatura.core, name)
    assert installed is not original  # written against this trafilatura: installed
    for mine, theirs in zip(installed, original, strict=True):
        assert mine(tree) == theirs(tree)
    assert any(theirs(tree) for theirs in original)


def test_other_expressions_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    changed = [trafilatura.xpaths.RAW_TREE_PRUNE_XPATH[1]]  # not the list it was written for
    monkeypatch.setattr(trafilatura.core, "RAW_TREE_PRUNE_XPATH", changed)
    raw_prune.install()
    assert trafilatura.core.RAW_TREE_PRUNE_XPATH is changed


def test_the_first_page_already_gets_every_python_evaluator() -> None:
    """A fresh process (this one imported raw_prune itself): after one page, trafilatura reads
    the Python evaluators of basic_clean, raw_prune and xpath_eval, whatever its authors."""
    script = (
        "import trafilatura.core as c, trafilatura.main_extractor as m\n"
        "from cleaner.config import ExtractSettings\n"
        "from cleaner.extract.html import extract_html\n"
        "extract_html('<html><body><article><p>' + 'Ein Satz. ' * 30 + '</p></article></body>'\n"
        "             '</html>', None, ExtractSettings())\n"
        "lists = c.RAW_TREE_PRUNE_XPATH + c.REMOVE_COMMENTS_AND_LISTS_XPATH\n"
        "lists += m.OVERALL_DISCARD_XPATH\n"
        "import importlib\n"
        "lists.append(importlib.import_module('trafilatura.baseline').BASIC_CLEAN_XPATH)\n"
        "print(sorted({type(x.evaluator).__module__ for x in lists}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    modules = ("basic_clean", "raw_prune", "xpath_eval")
    assert done.stdout.split("\n")[0] == str([f"cleaner.extract.{name}" for name in modules])


def test_other_callers_of_trafilatura_get_its_own_expressions() -> None:
    """Outside cleaner's runs (a benchmark's bare trafilatura), trafilatura is unchanged."""
    installed = [
        *trafilatura.core.RAW_TREE_PRUNE_XPATH,
        *trafilatura.core.REMOVE_COMMENTS_AND_LISTS_XPATH,
    ]
    original = [
        *trafilatura.xpaths.RAW_TREE_PRUNE_XPATH,
        *trafilatura.xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH,
    ]
    tree = parse(PAGE)
    token = scope._ACTIVE.set(False)
    try:
        assert all(mine.theirs is theirs for mine, theirs in zip(installed, original, strict=True))
        assert [mine(tree) for mine in installed] == [theirs(tree) for theirs in original]
        calls = []
        installed[0].theirs = lambda tree: calls.append(tree) or []
        installed[0](tree)
        assert calls == [tree]
    finally:
        installed[0].theirs = original[0]
        scope._ACTIVE.reset(token)
