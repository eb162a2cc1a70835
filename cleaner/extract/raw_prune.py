"""trafilatura's raw-tree prune expressions, evaluated in Python: the same selections.

Before extracting, trafilatura prunes the raw tree (the whole page) twice, infinite-scroll
containers and then reader comments, with XPath expressions whose `re:test` calls back into
Python for every div, section or list that has an id or class, and whose tag tests libxml2
runs slowly on every element: ~2.5 ms a page. Here, as in `xpath_eval`, lxml's tag-filtered
walk hands over only those elements, each one's attributes are read once and each regex
result is remembered per value. The regexes come from trafilatura's own text, installed only
over the text this was written against (by its hash); a trafilatura that changes them keeps
its own.
"""

from __future__ import annotations

import trafilatura.core
from lxml import etree

from cleaner.extract.xpath_eval import ForCleaner, expression_digest, regex_tests

_SCROLL_DIGEST = "0a775839824a964b7ddc1b74530735226454dbc2e614242c0f5d0330184872a9"
_COMMENTS_DIGEST = "9cc18d34e6e2d258172b5df02bc44e578c95ef709b8e06722846c7a410c3a46f"
_SCROLL_TAGS = ("div", "section", "aside")
_COMMENT_TAGS = ("div", "list", "section", "details", "ol", "ul")
_SHARE_BUTTONS = "elementor-share-buttons"


class ScrollPrune:
    """RAW_TREE_PRUNE_XPATH[0]: infinite-scroll containers (and appended-post boxes), unless
    a scroll container holds the page's <h1>."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.scroll_id, self.scroll_class, self.box_id, self.box_class = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        return [e for e in tree.iterdescendants(*_SCROLL_TAGS) if self._selects(e)]

    def _selects(self, element: etree._Element) -> bool:
        ident, klass = element.get("id") or "", element.get("class") or ""
        if not (self.scroll_id(ident) or self.scroll_class(klass)):
            return False
        no_h1 = next(element.iterdescendants("h1"), None) is None
        return no_h1 or self.box_id(ident) or self.box_class(klass)


class SharePrune:
    """RAW_TREE_PRUNE_XPATH[1]: Elementor's share buttons."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        nodes = tree.iterdescendants(*_SCROLL_TAGS)
        return [e for e in nodes if _SHARE_BUTTONS in (e.get("class") or "")]


class CommentPrune:
    """REMOVE_COMMENTS_AND_LISTS_XPATH[0]: comment sections, and ol/ul comment lists."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.by_id, self.by_class, self.list_id, self.list_class = regex_tests(path)

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        return [e for e in tree.iterdescendants(*_COMMENT_TAGS) if self._selects(e)]

    def _selects(self, element: etree._Element) -> bool:
        ident, klass = element.get("id") or "", element.get("class") or ""
        if not (self.by_id(ident) or self.by_class(klass)):
            return False
        return element.tag not in ("ol", "ul") or self.list_id(ident) or self.list_class(klass)


def install() -> None:
    """Put the Python evaluators where trafilatura's cascade reads the expressions (once)."""
    scroll = getattr(trafilatura.core, "RAW_TREE_PRUNE_XPATH", None)
    if isinstance(scroll, list) and expression_digest(scroll) == _SCROLL_DIGEST:
        evaluators = [
            ForCleaner(ScrollPrune(scroll[0].path), scroll[0]),
            ForCleaner(SharePrune(scroll[1].path), scroll[1]),
        ]
        setattr(trafilatura.core, "RAW_TREE_PRUNE_XPATH", evaluators)  # noqa: B010
    comments = getattr(trafilatura.core, "REMOVE_COMMENTS_AND_LISTS_XPATH", None)
    if isinstance(comments, list) and expression_digest(comments) == _COMMENTS_DIGEST:
        evaluated = [ForCleaner(CommentPrune(comments[0].path), comments[0])]
        setattr(trafilatura.core, "REMOVE_COMMENTS_AND_LISTS_XPATH", evaluated)  # noqa: B010


install()
