"""trafilatura's raw-tree prune expressions, each with a literal pre-test before its regexes.

Before extracting, trafilatura prunes the raw tree twice (infinite-scroll containers, then
reader comments) with XPath expressions whose `re:test` calls back into Python for every
div, section or list that has an id or class: ~1 ms a page of 3. Every value those regexes
can match holds a literal substring (the comment regexes `omment`, `comol` or
`disqus_thread`; the scroll ones `mvp-post-add-` or `infinite`), and the regexes are
case-sensitive, so a `contains()` test on those substrings, evaluated in C first, passes every
element the regexes can select: the same elements, in the same order. `.//*` is written
`descendant::*`, the same axis that libxml2 walks without building the intermediate set.

Installed only over the expressions this module was written against (their text's hash); a
trafilatura that changes them keeps its own.
"""

from __future__ import annotations

import hashlib

import trafilatura.core
import trafilatura.xpaths
from lxml.etree import XPath

# expression list in trafilatura.core -> (hash of its paths, one pre-test per expression)
_PRETESTS: dict[str, tuple[str, tuple[str | None, ...]]] = {
    "RAW_TREE_PRUNE_XPATH": (
        "0a775839824a964b7ddc1b74530735226454dbc2e614242c0f5d0330184872a9",
        (
            "contains(@id, 'mvp-post-add-') or contains(@id, 'infinite')"
            " or contains(@class, 'mvp-post-add-') or contains(@class, 'infinite')",
            None,  # contains() only already
        ),
    ),
    "REMOVE_COMMENTS_AND_LISTS_XPATH": (
        "9cc18d34e6e2d258172b5df02bc44e578c95ef709b8e06722846c7a410c3a46f",
        (
            "contains(@id, 'omment') or contains(@id, 'comol') or contains(@id, 'disqus_thread')"
            " or contains(@class, 'omment')",
        ),
    ),
}


def _digest(expressions: list[XPath]) -> str:
    return hashlib.sha256("\n".join(x.path for x in expressions).encode()).hexdigest()


def with_pretest(path: str, pretest: str) -> str:
    """'.//*[tags][regexes]...' -> 'descendant::*[tags][pretest][regexes]...'."""
    head, rest = path.split("][", 1)
    return f"{head.replace('.//*[', 'descendant::*[', 1)}][{pretest}][{rest}"


def faster(expressions: list[XPath], pretests: tuple[str | None, ...]) -> list[XPath]:
    namespaces = {"re": trafilatura.xpaths.REGEXP_NS}
    return [
        XPath(with_pretest(x.path, pretest), namespaces=namespaces) if pretest else x
        for x, pretest in zip(expressions, pretests, strict=True)
    ]


def install() -> None:
    """Put the pre-tested expressions where trafilatura's cascade reads them (once)."""
    for name, (digest, pretests) in _PRETESTS.items():
        current = getattr(trafilatura.core, name, None)
        if isinstance(current, list) and _digest(current) == digest:
            setattr(trafilatura.core, name, faster(current, pretests))


install()
