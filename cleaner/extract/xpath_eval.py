"""trafilatura's regex-heavy XPath expressions, evaluated in Python: the same selections.

Its two broad discard expressions (OVERALL_DISCARD_XPATH): trafilatura prunes every
candidate body with them, and their `re:test` calls back into Python three times for every
element, running a regex of sixty alternatives each time: 2.5 ms a page, the costliest XPath
of its cascade. Class and id values repeat within a page and across pages, so here each
element's attributes are read once and each regex result is remembered per value. The
selection is the same, element for element, in document order: the regexes are read from
trafilatura's own expression text (installed only over the text this was written against,
by its hash) and the XPath semantics are kept, among them that `re:test(@id|@class, ...)`
tests the first of the two attributes in source order.

Its body expressions with regexes (BODY_XPATH[0], [2], [3]; 1.4 ms a page): the extractor
takes the first element each selects, so here the search stops at that element ([0] hands its
elements out one by one, in document order; [2] and [3] select one).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import trafilatura.external
import trafilatura.main_extractor
from lxml import etree

from cleaner.extract.scope import for_cleaner

_DISCARD_DIGEST = "90fe7cbe71fb424ac24d9a9fb6f88a6ac257c7d83a8ff01187f5fc19a899bf05"
_REGEX = re.compile(r"re:test\((@[\w-]+(?:\|@[\w-]+)?), '([^']*)'(?:, '(i?)')?\)")
_TAGS_FIRST = ("div", "item", "list", "p", "section", "span")  # the first discard's tags
_BODY_DIGEST = "22ae4750a9ccd223b424b44ef4109f97fd06db8d9e820d06badd00f1e7e0e700"
_BODY_TAGS = ("article", "div", "main", "section")
_CACHE = 1 << 16  # remembered values per regex

Test = Callable[[str], bool]
Selection = Callable[[etree._Element], Any]


class ForCleaner:
    """In trafilatura's place: the Python evaluator while trafilatura runs for cleaner
    (extract.scope), trafilatura's own expression for every other caller."""

    def __init__(self, evaluator: Selection, theirs: etree.XPath) -> None:
        self.evaluator, self.theirs, self.path = evaluator, theirs, theirs.path

    def __call__(self, tree: etree._Element) -> Any:
        return (self.evaluator if for_cleaner() else self.theirs)(tree)


def expression_digest(expressions: list[etree.XPath]) -> str:
    """The hash of trafilatura's expression texts ('' once evaluators are installed: a second
    install leaves them as they are)."""
    if not all(isinstance(x, etree.XPath) for x in expressions):
        return ""
    return hashlib.sha256("\n".join(x.path for x in expressions).encode()).hexdigest()


def regex_tests(path: str) -> list[Test]:
    """The expression's regexes in their order, each as a remembering test on a value."""
    return [
        _remembering(re.compile(regex, re.IGNORECASE if flags else 0))
        for _, regex, flags in _REGEX.findall(path)
    ]


def _remembering(regex: re.Pattern[str]) -> Test:
    @lru_cache(maxsize=_CACHE)
    def test(value: str) -> bool:
        return regex.search(value) is not None

    return test


def first_of(element: etree._Element, one: str, other: str) -> str:
    """The string XPath makes of `@one|@other`: the first present in source order, or ''."""
    a, b = element.get(one), element.get(other)
    if a is None or b is None:
        return a or b or ""
    names = element.keys()
    return str(a if names.index(one) < names.index(other) else b)


class FirstDiscard:
    """OVERALL_DISCARD_XPATH[0]: navigation, sharing, cookie, ad and similar blocks."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.cookie, self.by_id, self.by_class = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        return [e for e in tree.iterdescendants(*_TAGS_FIRST) if self._selects(e)]

    def _selects(self, element: etree._Element) -> bool:
        get = element.get
        role, component = get("role"), get("data-component")
        return (
            get("data-lp-replacement-content") is not None
            or (role is not None and "nav" in role.replace("N", "n"))
            or (component is not None and "MostPopularStories" in component)
            or self.cookie(first_of(element, "id", "class"))
            or self.by_id(get("id") or "")
            or self.by_class(get("class") or "")
        )


class SecondDiscard:
    """OVERALL_DISCARD_XPATH[1]: hidden elements and comment furniture."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.hidden, self.by_id, self.by_class = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        return [e for e in tree.iterdescendants(etree.Element) if self._selects(e)]

    def _selects(self, element: etree._Element) -> bool:
        get = element.get
        style, klass = get("style") or "", get("class")
        return (
            klass == "comments-title"
            or first_of(element, "id", "class").startswith("reply-")
            or self.hidden(first_of(element, "id", "style"))
            or "display:none" in style
            or "display: none" in style
            or self.by_id(get("id") or "")
            or self.by_class(klass or "")
            or get("aria-hidden") == "true"
        )


class FirstBody:
    """BODY_XPATH[0], `.//*[tags][test][1]`: for each parent, its first child passing the
    test (a child element of the four tags with a class, id or itemprop naming a body)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.by_id, self.by_class = regex_tests(path)

    def __call__(self, tree: etree._Element) -> Iterator[etree._Element]:
        parents: set[etree._Element] = set()  # held: lxml gives a held node the same proxy
        for element in tree.iterdescendants(*_BODY_TAGS):
            if self._selects(element):
                parent = element.getparent()
                if parent not in parents:
                    parents.add(parent)
                    yield element

    def _selects(self, element: etree._Element) -> bool:
        get = element.get
        klass, ident = get("class"), get("id")
        return (
            klass in ("post", "entry")
            or get("itemprop") == "articleBody"
            or ident == "articleContent"
            or self.by_id(ident or "")
            or self.by_class(klass or "")
        )


class ThirdBody:
    """BODY_XPATH[2], `(.//*[tags][test])[1]`: the first element of the four tags whose role,
    id or class names an article or story."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.by_id, self.fulltext, self.by_class = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        return _first_selected(tree, self._selects)

    def _selects(self, element: etree._Element) -> bool:
        get = element.get
        klass, ident = get("class"), get("id")
        return (
            get("role") == "article"
            or ident in ("article", "story")
            or klass in ("postarea", "art-postcontent", "text", "cell", "story")
            or self.by_id(ident or "")
            or self.fulltext(klass or "")
            or self.by_class(klass or "")
        )


class FourthBody:
    """BODY_XPATH[3], `(.//*[tags][test])[1]`: the first element of the four tags whose id or
    class names the main content."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.by_id, self.by_class = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        return _first_selected(tree, self._selects)

    def _selects(self, element: etree._Element) -> bool:
        get = element.get
        klass, ident = get("class") or "", get("id") or ""
        return (
            ident == "content"
            or klass == "content"
            or self.by_id(ident)
            or self.by_class(klass)
            or "main-content" in ident.replace("C", "c").replace("M", "m")
            or "main-content" in klass.replace("C", "c").replace("M", "m")
            or "page-content" in klass.replace("C", "c").replace("P", "p")
        )


def _first_selected(
    tree: etree._Element, selects: Callable[[etree._Element], bool]
) -> list[etree._Element]:
    found = next((e for e in tree.iterdescendants(*_BODY_TAGS) if selects(e)), None)
    return [] if found is None else [found]


def install() -> None:
    """Put the Python evaluators where trafilatura's extractors read the expressions."""
    body = getattr(trafilatura.main_extractor, "BODY_XPATH", None)
    if isinstance(body, list) and expression_digest(body[:4]) == _BODY_DIGEST:
        first, second, third, fourth, *rest = body
        evaluated = [
            ForCleaner(FirstBody(first.path), first),
            second,
            ForCleaner(ThirdBody(third.path), third),
            ForCleaner(FourthBody(fourth.path), fourth),
        ]
        setattr(trafilatura.main_extractor, "BODY_XPATH", [*evaluated, *rest])  # noqa: B010
    for module in (trafilatura.main_extractor, trafilatura.external):
        current = getattr(module, "OVERALL_DISCARD_XPATH", None)
        if isinstance(current, list) and expression_digest(current) == _DISCARD_DIGEST:
            first, second = current
            evaluators = [
                ForCleaner(FirstDiscard(first.path), first),
                ForCleaner(SecondDiscard(second.path), second),
            ]
            setattr(module, "OVERALL_DISCARD_XPATH", evaluators)  # noqa: B010  # mypy: a module


install()
