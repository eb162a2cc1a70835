"""What the blocks the extractor kept say about the article: how its paragraphs are built and
which elements hold it. Gap filling (`gaps`) and the tail cut (`tail`) read it.

A block's build is its tag and class names and those of its three ancestors: a CMS renders
every paragraph of an article with one component, so a build that holds a quarter of the kept
text is the body's own. Elements holding half the kept text are the article's regions (their
class names, even 'sidebar', name a layout, not a box); the deepest element holding 80% of it
is the body's core: what trails the core is outside the article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import html as lxml_html

Build = tuple[tuple[str, str], ...]  # (tag, class names) of a block and its ancestors
BUILD_LEVELS = 4
MAIN_BUILD_SHARE = 0.25  # a build holding this share of the kept text is the body's own
REGION_SHARE = 0.5  # an element holding this share of the kept text is the article's region
CORE_SHARE = 0.8  # the deepest element holding this share is the body's core
MIN_WEIGHED_KEY = 30  # letters: shorter kept blocks (labels, buttons, bylines) say little


@dataclass
class KeptBody:
    """The kept blocks (element, key) and what they say about the body."""

    blocks: list[tuple[lxml_html.HtmlElement, str]]
    main_builds: set[Build]
    regions: set[lxml_html.HtmlElement]
    core: lxml_html.HtmlElement | None
    built_keys: list[str]  # keys of the kept blocks built like the body's paragraphs


def kept_body(blocks: Iterable[tuple[lxml_html.HtmlElement, str]]) -> KeptBody:
    """The evidence of the kept blocks, given as (element, key) in document order."""
    kept = [(node, block_key) for node, block_key in blocks if len(block_key) >= MIN_WEIGHED_KEY]
    parts: dict[lxml_html.HtmlElement, tuple[str, str]] = {}  # kept blocks share ancestors
    builds = [build(node, parts) for node, _ in kept]
    main = _main_builds(kept, builds)
    weight: Counter[lxml_html.HtmlElement] = Counter()
    for node, block_key in kept:
        held = len(block_key)
        for element in node.iterancestors():  # a plain loop: Counter.update runs one too
            weight[element] += held
    total = sum(len(block_key) for _, block_key in kept)
    regions = {element for element, held in weight.items() if held >= REGION_SHARE * total}
    built = [block_key for (_, block_key), b in zip(kept, builds, strict=True) if b in main]
    return KeptBody(kept, main, regions, _core(weight, total), built)


def build(
    node: lxml_html.HtmlElement, known: dict[lxml_html.HtmlElement, tuple[str, str]] | None = None
) -> Build:
    """Tag and class names of the block and its ancestors (class words sorted); () for a
    build that names no class: bare <p> in bare <div>s is every page's build. `known` keeps
    each element's part for the next call (blocks of one tree share their ancestors)."""
    known = {} if known is None else known
    parts: list[tuple[str, str]] = []
    element: lxml_html.HtmlElement | None = node
    while element is not None and len(parts) < BUILD_LEVELS:
        part = known.get(element)
        if part is None:
            part = known[element] = _part(element)
        parts.append(part)
        element = element.getparent()
    return tuple(parts) if any(names for _, names in parts) else ()


def _part(element: lxml_html.HtmlElement) -> tuple[str, str]:
    return str(element.tag), " ".join(sorted((element.get("class") or "").split()))


def _main_builds(kept: list[tuple[lxml_html.HtmlElement, str]], builds: list[Build]) -> set[Build]:
    weight: Counter[Build] = Counter()
    for (_, block_key), block_build in zip(kept, builds, strict=True):
        weight[block_build] += len(block_key)
    least = MAIN_BUILD_SHARE * sum(weight.values())
    return {b for b, held in weight.items() if b and held >= least}


def _core(weight: Counter[lxml_html.HtmlElement], total: int) -> lxml_html.HtmlElement | None:
    """The deepest element holding CORE_SHARE of the kept text (such elements nest)."""
    holders = [element for element, held in weight.items() if total and held >= CORE_SHARE * total]
    return max(holders, key=lambda e: sum(1 for _ in e.iterancestors()), default=None)
