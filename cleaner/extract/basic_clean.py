"""trafilatura's BASIC_CLEAN_XPATH evaluated in Python: the same selection.

trafilatura measures the page text (`html2txt`, a copy of the page cleaned by this expression)
to decide its recall escalation on every page whose main text is under 3,000 characters, and
its baseline uses it too. The expression's cookie-banner `re:test` calls back into Python for
every element with a class or id, twice: ~5 ms a call, on half the pages. Here lxml's walk
hands over each element once, its tag is tested first and each regex result is remembered per
value (as in `xpath_eval`), in document order. The regexes come from trafilatura's own text,
installed only over the text this was written against (by its hash).
"""

from __future__ import annotations

import hashlib
import importlib

from lxml import etree

from cleaner.extract.xpath_eval import ForCleaner, first_of, regex_tests

_DIGEST = "db6c25acd08aef99afbf1be38c751d8c7cf7132256d1a013d1d2e4e4fe86651f"
# `.//aside|.//fencedframe|.//footer|.//script|.//style|.//svg|.//template`
_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})


class BasicClean:
    """`.//aside|.//div[contains(@class|@id, 'footer')]|...|.//*[re:test(@class, R, 'i') or
    re:test(@id, R, 'i')]`: the union, in document order, of the context's descendants."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.by_class, self.by_id = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        return [e for e in tree.iterdescendants(etree.Element) if self._selects(e)]

    def _selects(self, element: etree._Element) -> bool:
        tag = element.tag
        if tag in _TAGS:
            return True
        if tag == "div" and "footer" in first_of(element, "class", "id"):
            return True
        return self.by_class(element.get("class") or "") or self.by_id(element.get("id") or "")


def digest(path: str) -> str:
    return hashlib.sha256(path.encode()).hexdigest()


def install() -> None:
    """Put the evaluator where trafilatura's baseline and html2txt read the expression."""
    # by name: the package's `trafilatura.baseline` attribute is its baseline function
    module = importlib.import_module("trafilatura.baseline")
    current = getattr(module, "BASIC_CLEAN_XPATH", None)
    if isinstance(current, etree.XPath) and digest(current.path) == _DIGEST:
        evaluator = ForCleaner(BasicClean(current.path), current)
        setattr(module, "BASIC_CLEAN_XPATH", evaluator)  # noqa: B010


install()
