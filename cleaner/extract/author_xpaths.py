"""trafilatura's author expressions (AUTHOR_XPATHS, AUTHOR_DISCARD_XPATHS[0]) in Python.

`extract_author` runs them over a copy of the whole page, and their `re:test` calls back into
Python once or twice for every element: ~8 ms a search, on the pages whose JSON-LD, meta tags
and bylines named nobody. Here, as in `xpath_eval`, each element's attributes are read once
and each regex result is remembered per value; the regexes come from trafilatura's own text,
installed only over the text this was written against (by its hash), and the XPath semantics
are kept (`//` reaches the whole document, root included; `rel='me'` tests child elements).
"""

from __future__ import annotations

import trafilatura.metadata
from lxml import etree

from cleaner.extract.xpath_eval import ForCleaner, expression_digest, regex_tests

_AUTHOR_DIGEST = "e7cdb233823cbb0a7eadad1211ccea04ebd7789ae4ffc076b2fc765f00286c9f"
_DISCARD_DIGEST = "82f43e48c571d06b5e8f72043c2295e4342ed07ddec04f10b5836b84c3d98a35"
_NAMED_TAGS = ("a", "address", "div", "link", "p", "span", "strong")
_BYLINE_TAGS = ("a", "div", "h3", "h4", "p", "span")
_DISCARD_TAGS = ("a", "div", "section", "span")
_NAMED_IDS = ("AuthorCard", "AuthorURL")


def _document(tree: etree._Element) -> etree._ElementTree:
    return tree.getroottree()


class NamedAuthor:
    """AUTHOR_XPATHS[0]: an element marked as the author (rel, id, class, itemprop, test id,
    a <rel>me</rel> child), or an <author> element."""

    def __init__(self, path: str) -> None:
        self.path = path
        (self.by_class,) = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        nodes = _document(tree).iter(*_NAMED_TAGS, "author")
        return [e for e in nodes if e.tag == "author" or self._selects(e)]

    def _selects(self, element: etree._Element) -> bool:
        get = element.get
        klass = get("class")
        return (
            get("rel") == "author"
            or get("id") == "author"
            or klass == "author"
            or get("itemprop") == "author name"
            or any(child.xpath("string()") == "me" for child in element.iterchildren("rel"))
            or get("data-testid") in _NAMED_IDS
            or self.by_class(klass or "")
        )


class BylineAuthor:
    """AUTHOR_XPATHS[1]: a byline, user name or author class or id."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.by_id, self.by_class = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        return [e for e in _document(tree).iter(*_BYLINE_TAGS) if self._selects(e)]

    def _selects(self, element: etree._Element) -> bool:
        get = element.get
        klass = get("class")
        return (
            klass in ("byline", "username", "byl", "BBL")
            or "author" in (get("itemprop") or "")
            or self.by_id(get("id") or "")
            or self.by_class(klass or "")
        )


class AnyAuthor:
    """AUTHOR_XPATHS[2]: any element whose component, itemprop, id or class names an author."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.by_id, self.by_class = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        return [e for e in _document(tree).iter(etree.Element) if self._selects(e)]

    def _selects(self, element: etree._Element) -> bool:
        get = element.get
        return (
            "Byline" in (get("data-component") or "")
            or "author" in (get("itemprop") or "")
            or self.by_id(get("id") or "")
            or self.by_class(get("class") or "")
        )


class NotAnAuthor:
    """AUTHOR_DISCARD_XPATHS[0]: comments, titles, dates, sidebars and the like, below `tree`."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.by_id, self.by_class = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        return [e for e in tree.iterdescendants(*_DISCARD_TAGS) if self._selects(e)]

    def _selects(self, element: etree._Element) -> bool:
        get = element.get
        klass, ident = get("class"), get("id")
        return (
            ident == "comments"
            or klass in ("comments", "title", "date")
            or self.by_id(ident or "")
            or self.by_class(klass or "")
            or "Figure" in (get("data-component") or "")
        )


def install() -> None:
    """Put the Python evaluators where `extract_author` reads the expressions; they apply
    while trafilatura runs for cleaner (extract.scope), every other caller gets its own."""
    found = getattr(trafilatura.metadata, "AUTHOR_XPATHS", None)
    if isinstance(found, list) and expression_digest(found) == _AUTHOR_DIGEST:
        named, byline, any_ = found
        evaluators = [
            ForCleaner(NamedAuthor(named.path), named),
            ForCleaner(BylineAuthor(byline.path), byline),
            ForCleaner(AnyAuthor(any_.path), any_),
        ]
        setattr(trafilatura.metadata, "AUTHOR_XPATHS", evaluators)  # noqa: B010
    discard = getattr(trafilatura.metadata, "AUTHOR_DISCARD_XPATHS", None)
    if isinstance(discard, list) and expression_digest(discard[:1]) == _DISCARD_DIGEST:
        first, *rest = discard
        not_an_author = ForCleaner(NotAnAuthor(first.path), first)
        setattr(trafilatura.metadata, "AUTHOR_DISCARD_XPATHS", [not_an_author, *rest])  # noqa: B010


install()
