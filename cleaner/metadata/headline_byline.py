"""The byline printed by the headline where no class or attribute calls it one.

Many templates mark their byline only by what it says: "By Jane Example", "Von: Erika
Muster, Max Beispiel", "Written by:<span>Jane Example</span>", in a <p> or <span> whose class
names its style ("text-grey-700", "css-1cufrhn"), not its role. The text a reader sees by the
<h1> (within AFTER_CHARS below it or BEFORE_CHARS above, as for the shown date) that opens
with a byline prefix (THE splitter's: "By", "Von", "Par", "Written by", ...) is such a byline;
the smallest element around it that holds a name as well is its element.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from cleaner.metadata.authors import after_byline_prefix, introduces_a_byline
from cleaner.metadata.reading import AFTER_CHARS, BEFORE_CHARS, reading_order

MAX_WORDS = 16  # a longer element is a bio or the article itself, not a byline
_NAME_PROBE = " Jane Example"  # 'By' alone introduces a byline when a name follows it


def headline_bylines(tree: lxml_html.HtmlElement) -> list[str]:
    """Texts of the byline elements by the first <h1>, nearest first (none without an <h1>)."""
    before: list[tuple[str, lxml_html.HtmlElement]] = []
    after: list[tuple[str, lxml_html.HtmlElement]] = []
    seen_h1 = False
    for text, node, in_h1 in _texts(tree):
        if in_h1:
            seen_h1 = True
        elif seen_h1:
            after.append((text, node))
            if sum(len(t) for t, _ in after) >= AFTER_CHARS:
                break
        else:
            before.append((text, node))
    if not seen_h1:
        return []
    return _bylines(after) + _bylines(_last_chars(before, BEFORE_CHARS)[::-1])


def _last_chars(
    chunks: list[tuple[str, lxml_html.HtmlElement]], budget: int
) -> list[tuple[str, lxml_html.HtmlElement]]:
    kept: list[tuple[str, lxml_html.HtmlElement]] = []
    for chunk in reversed(chunks):
        if sum(len(t) for t, _ in kept) >= budget:
            break
        kept.insert(0, chunk)
    return kept


def _bylines(chunks: list[tuple[str, lxml_html.HtmlElement]]) -> list[str]:
    found: list[str] = []
    for text, node in chunks:
        if introduces_a_byline(text) or introduces_a_byline(text + _NAME_PROBE):
            byline = _byline_text(node, text)
            if byline and byline not in found:
                found.append(byline)
    return found


def _byline_text(node: lxml_html.HtmlElement, prefix: str) -> str | None:
    """The text from `prefix` on of the smallest element around it that says more than the
    prefix (the name may stand in a child or a sibling), if it is short enough to be a
    byline. What stands before the prefix ('Buying Guides · 10 min read · By X') is not."""
    bare = after_byline_prefix(prefix + _NAME_PROBE).strip() == _NAME_PROBE.strip()
    words = len(prefix.split()) if bare else 0  # "By" alone: the name is further out
    for element in (node, *node.iterancestors()):
        text = _listed_text(element)
        if len(text.split()) > MAX_WORDS:
            return None
        text = text[max(text.find(prefix), 0) :]
        if len(text.split()) > words:
            return text
    return None


def _texts(tree: lxml_html.HtmlElement) -> Iterator[tuple[str, lxml_html.HtmlElement, bool]]:
    """(text, the element it stands in, inside the <h1>) in reading order, visible text only."""
    for text, owner, in_h1 in reading_order(tree):
        if owner is not None:
            yield text, owner, in_h1


def _listed_text(element: lxml_html.HtmlElement) -> str:
    """The element's text, list items parted by commas ('Written by: <li>A</li><li>B</li>'
    names two people) and other elements by spaces."""
    parts: list[str] = []
    items = 0
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            items += node.tag == "li"
            parts += [","] if node.tag == "li" and items > 1 else []
            parts.append(node.text or "")
        elif node is not element:
            parts.append(node.tail or "")
    return " ".join(" ".join(parts).split()).replace(" ,", ",")
