"""The body's tail cut where the page's structure says it is not the article.

trafilatura's text often ends with what follows the article on the page: calls to action,
author boxes, teaser and link lists, disclaimers. The trailing lines that lie outside the
body's core (the deepest element holding 80% of the kept text, `keptbody`) and hold no block
built like the body's paragraphs are the tail, unless they are more than a quarter of the text
(then the core is a part of the article, not the whole of it). The tail is marked here and cut
after the filters (`cut_marked`), so that a credit or caption in it still lands in its field
first. Figures in BENCHMARKS.md (issue 11).
"""

from __future__ import annotations

from cleaner.extract.headlines import key
from cleaner.extract.keptbody import KeptBody

RULE = "html.tail"
MAX_TAIL_SHARE = 0.25  # of the body's characters


def outside_tail(lines: list[str], body: KeptBody) -> list[str]:
    """The trailing lines outside the core ([] when there are none or too many)."""
    if body.core is None:
        return []
    start = _tail_start(lines, key(" ".join(body.core.itertext())), body.built_keys)
    tail = lines[start:]
    return [] if sum(map(len, tail)) > MAX_TAIL_SHARE * sum(map(len, lines)) else tail


def cut_marked(lines: list[str], tail: list[str]) -> tuple[list[str], list[str]]:
    """(lines without their trailing run of `tail` lines, that run): what the filters left
    of the tail; a line they changed or moved is no longer the tail's."""
    marked = set(tail)
    start = len(lines)
    while start > 0 and lines[start - 1] in marked:
        start -= 1
    return lines[:start], lines[start:]


def _tail_start(lines: list[str], core_key: str, built_keys: list[str]) -> int:
    """Where the trailing run of lines outside the core begins (len(lines): no such run)."""
    start = len(lines)
    while start > 0:
        line_key = key(lines[start - 1])
        if not line_key or line_key in core_key or any(k in line_key for k in built_keys):
            break  # in the core, built like the body, or no letters to tell by
        start -= 1
    return start
