"""trafilatura's BASIC_CLEAN_XPATH, evaluated in Python, selects what its own selects."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
import trafilatura.settings

from cleaner.extract import basic_clean
from cleaner.extract.html import parse
from cleaner.extract.scope import running_for_cleaner

# Edges: the first of @class|@id in source order decides the footer test, the cookie regexes
# ignore case and test class and id apart, nested selections are all listed, tags elsewhere.
PAGE = """<html><body>
<div class="footer-x" id="a">a</div><div id="site-footer" class="x">b</div>
<div class="x" id="footer">c</div><section class="footer">d</section>
<aside><script>e</script></aside><footer><svg></svg></footer><template>f</template>
<p class="Cookie-Banner">g</p><span id="CMPLZ-box">h</span><div class="cookies">i</div>
<div id="consent_manager">j</div><p class="notice--cookie">k</p><p class="notice cookie">l</p>
<fencedframe>m</fencedframe><style>n</style><div class="article">o<p>p</p></div>
</body></html>"""
_BASELINE = importlib.import_module("trafilatura.baseline")


@pytest.fixture(autouse=True)
def _for_cleaner() -> Iterator[None]:
    """The evaluators apply while trafilatura runs for cleaner (extract.scope)."""
    with running_for_cleaner():
        yield


def test_the_evaluator_selects_what_the_expression_selects() -> None:
    tree = parse(PAGE)
    installed = _BASELINE.BASIC_CLEAN_XPATH
    original = trafilatura.settings.BASIC_CLEAN_XPATH
    assert isinstance(installed.evaluator, basic_clean.BasicClean)  # written for this trafilatura
    for root in (tree, tree.find("body")):
        assert installed(root) == original(root)
    assert len(original(tree)) == 13


def test_another_expression_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    changed = trafilatura.settings.BASIC_CLEAN_XPATH  # not the evaluator: as a new text would be
    monkeypatch.setattr(_BASELINE, "BASIC_CLEAN_XPATH", changed)
    monkeypatch.setattr(basic_clean, "_DIGEST", "0" * 64)
    basic_clean.install()
    assert _BASELINE.BASIC_CLEAN_XPATH is changed
