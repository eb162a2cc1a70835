"""The body's tail cut where the page's structure says it is not the article.

trafilatura's text often ends with what follows the article on the page: calls to action,
author boxes, teaser and link lists, disclaimers. The trailing lines that lie outside the
body's core (the deepest element holding 80% of the kept text, `keptbody`) and hold no block
built like the body's paragraphs are cut, unless they are more than a quarter of the text
(then the core is a part of the article, not the whole of it). Figures in BENCHMARKS.md
(issue 11).
"""

from __future__ import annotations

from cleaner.extract.headlines import key
from cleaner.extract.keptbody import KeptBody

RULE = "html.tail"
MAX_TAIL_SHARE = 0.25  # of the body's characters


def cut_tail(lines: list[str], body: KeptBody) -> tuple[list[str], list[str]]:
    """(the lines without the tail outside the core, the tail cut)."""
    if body.core is None:
        return lines, []
    start = _tail_start(lines, key(" ".join(body.core.itertext())), body.built_keys)
    tail = lines[start:]
    if not tail or sum(map(len, tail)) > MAX_TAIL_SHARE * sum(map(len, lines)):
        return lines, []
    return lines[:start], tail


def _tail_start(lines: list[str], core_key: str, built_keys: list[str]) -> int:
    """Where the trailing run of lines outside the core begins (len(lines): no such run)."""
    start = len(lines)
    while start > 0:
        line_key = key(lines[start - 1])
        if not line_key or line_key in core_key or any(k in line_key for k in built_keys):
            break  # in the core, built like the body, or no letters to tell by
        start -= 1
    return start
