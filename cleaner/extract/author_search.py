"""trafilatura's author search, skipped where it cannot find anything.

`extract_author` copies the whole tree, prunes it and runs three XPath expressions whose
regex tests call back into Python for every element: ~5 ms on a large page, spent on the
pages whose JSON-LD, meta tags and bylines named nobody, and on most of them (240 of 382 dev
pages) it finds nothing. Every element its expressions can select has a class, id, rel,
itemprop, data-testid or data-component value holding one of `_NEEDED`, or is an <author>
element or has a <rel> child. Reading those attribute values takes ~1 ms, so the search runs
only where one holds a needed word: the same result (tests/test_author_search.py).
"""

from __future__ import annotations

import hashlib

from lxml import etree
from lxml import html as lxml_html
from trafilatura.metadata import extract_author
from trafilatura.xpaths import AUTHOR_XPATHS

import cleaner.extract.author_xpaths  # noqa: F401  # installs the Python author tests
from cleaner.extract.scope import running_for_cleaner

# Plain strings (no smart strings, which lxml builds with a parent reference each): the values
# are only joined, at half the cost.
_ATTRIBUTES = etree.XPath(
    "//@class|//@id|//@rel|//@itemprop|//@data-testid|//@data-component", smart_strings=False
)
# Substrings of the values AUTHOR_XPATHS test (case-sensitive, as their tests are).
_NEEDED = (
    *("author", "Author", "byl", "Byline", "username", "BBL", "channel-name", "writer"),
    *("zuozhe", "bianji", "xiaobian", "submitted-by", "posted-by", "journalist-name"),
    "screenname",
)
# `_NEEDED` was read off these expressions; other ones (a new trafilatura): always search.
_WRITTEN_FOR = "e7cdb233823cbb0a7eadad1211ccea04ebd7789ae4ffc076b2fc765f00286c9f"
_CURRENT = hashlib.sha256("\n".join(x.path for x in AUTHOR_XPATHS).encode()).hexdigest()


def may_name_an_author(tree: lxml_html.HtmlElement) -> bool:
    """False only when no element can match trafilatura's author expressions."""
    if _CURRENT != _WRITTEN_FOR:
        return True
    values = "\n".join(_ATTRIBUTES(tree))
    if any(needed in values for needed in _NEEDED):
        return True
    return tree.find(".//author") is not None or tree.find(".//rel") is not None


def trafilatura_author(tree: lxml_html.HtmlElement) -> str | None:
    """trafilatura's author string ('A; B'), or None (run for cleaner: with the Python
    evaluators of its expressions, extract.author_xpaths)."""
    if not may_name_an_author(tree):
        return None
    with running_for_cleaner():
        return extract_author(tree)
