"""The article's lead (standfirst) when the extractor dropped it.

Extractors often skip the lead: it sits in the header block next to the title, outside the
main text container, styled as a teaser. The page's description meta tag usually repeats it.
When the description is missing from the extracted text but the page also shows it as
visible text, that visible element may be the lead; so may a lead-classed block after the <h1>.

Either way a candidate goes back at the top of the body only if it stands where a standfirst
stands: after the headline and before the body's first paragraph in document order, close to
the headline in the tree, and not inside what merely repeats a summary (a caption, an author
bio, a related-posts card, a "synopsis" box, a link, a list item of a teaser stream). A
description copied into a teaser of another story, or shown only in a share widget, fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html
from lxml.etree import XPath

from cleaner.extract.headlines import key

PROBE_CHARS = 40  # the lead's first characters, looked up among the page's text nodes
MIN_LEAD_CHARS = 60  # shorter descriptions are taglines, not leads
MAX_PREFIX_CHARS = 40  # a dateline ("Berlin. ") may precede the description in the element
MAX_LEAD_CHARS = 800  # a longer block is body text or a whole teaser list, not a lead
CONTEXT_LEVELS = 4  # class names of this many ancestors tell what region the block is in
MAX_LINK_SHARE = 0.3
MAX_BETWEEN_CHARS = 400  # text between the <h1> and a standfirst: kicker, byline, date
_INVISIBLE_TAGS = frozenset(
    {"script", "style", "noscript", "template"}
)  # a lead is prose; a block mostly of link text is a teaser
# Class names CMSs give the lead block ("article-lead", "excerpt", "c-intro", "standfirst").
_LEAD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:lead|excerpt|intro|standfirst|dek|abstract)(?:$|[\s_-])", re.I
)
_TEASER_CLASS = re.compile(
    r"post-?item|post-?list|post-?card|card|associated|related|teaser__", re.I
)
# Regions that repeat a summary without being the article's standfirst.
_NOT_LEAD_CLASS = re.compile(
    r"caption|credit|bio(?:$|[\s_-])|author|related|card|carousel|slider|synopsis|promo"
    r"|recommend|newsletter|share(?:$|[\s_-])|sharing|social|comment|sidebar|widget|footer|nav|menu|breadcrumb",
    re.I,
)
_NOT_LEAD_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "footer", "a", "li", "button"})
# The class attribute's literals every _LEAD_CLASS match holds: a cheap first test; _LEAD_CLASS
# decides. Only the first few such blocks after the <h1> are looked at.
_LEAD_HINTS = ("ead", "xcerpt", "ntro", "tandfirst", "dek", "bstract")
MAX_HINTED = 20
_TEXTS = XPath(
    "//body//text()[contains(normalize-space(.), $probe)]"
    "[not(ancestor::script or ancestor::style or ancestor::noscript)]"
)


def find_lead(tree: lxml_html.HtmlElement, description: str | None, body: str) -> str | None:
    """The lead, if the extracted body lacks it: the visible element that holds the page's
    description, else the first lead-classed block after the <h1>; either only where a
    standfirst stands."""
    body_key = key(body)
    for node, text in (_described_lead(tree, description, body_key), _classed_lead(tree)):
        fresh = node is not None and text and key(text) not in body_key
        if fresh and node is not None and _is_standfirst(tree, node, body):
            return text
    return None


def _classed_lead(tree: lxml_html.HtmlElement) -> tuple[lxml_html.HtmlElement | None, str | None]:
    """A lead-classed block in the title's own header (further away, 'excerpt' blocks are
    teasers of other posts)."""
    for node in _hinted_after_h1(tree):
        if _LEAD_CLASS.search(node.get("class") or "") and not _TEASER_CLASS.search(
            node.get("class") or ""
        ):
            text = " ".join(node.text_content().split())
            ok = MIN_LEAD_CHARS <= len(text) <= MAX_LEAD_CHARS
            return (node, text) if ok else (None, None)
    return None, None


def _hinted_after_h1(tree: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """The first MAX_HINTED elements after the first <h1> (XPath's `following::*`) whose class
    holds a hint. A walk that stops early: libxml2 would collect every following element."""
    h1 = next(tree.iter("h1"), None)
    hinted = 0
    for node in _following(h1) if h1 is not None else ():
        names = node.get("class")
        if names and any(hint in names for hint in _LEAD_HINTS):
            yield node
            hinted += 1
            if hinted == MAX_HINTED:
                return


def _following(node: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """The elements after `node` in document order, less its descendants (`following::*`)."""
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter(etree.Element)
        node = node.getparent()


def _described_lead(
    tree: lxml_html.HtmlElement, description: str | None, body_key: str
) -> tuple[lxml_html.HtmlElement | None, str | None]:
    if not description or len(description) < MIN_LEAD_CHARS:
        return None, None
    want = key(description)
    if want in body_key:
        return None, None
    probe = " ".join(description.split())[:PROBE_CHARS]
    for text in _TEXTS(tree, probe=probe):  # the search runs in libxml2, not in Python
        owner = text.getparent()  # for a tail text, the element it follows
        if text.is_tail and owner is not None:
            owner = owner.getparent()
        return _element_text(owner, want)
    return None, None


def _element_text(
    node: lxml_html.HtmlElement | None, want: str
) -> tuple[lxml_html.HtmlElement | None, str | None]:
    """Climb from the text node to the smallest element whose text holds the whole lead."""
    while node is not None and node.tag not in ("body", "html"):
        text = " ".join(node.text_content().split())
        have = key(text)
        if want in have:
            ok = len(have) - len(want) <= MAX_PREFIX_CHARS
            return (node, text) if ok else (None, None)
        node = node.getparent()
    return None, None


def _is_standfirst(
    tree: lxml_html.HtmlElement,
    node: lxml_html.HtmlElement,
    body: str,
) -> bool:
    """Right after the headline (or, with no <h1>, before the body), in no region that
    merely repeats a summary."""
    if _in_other_region(node) or _link_share(node) > MAX_LINK_SHARE:
        return False
    elements = list(tree.iter())
    order = {el: i for i, el in enumerate(elements)}
    # the nearest <h1> above: a site's logo is often an <h1> too, above the whole menu
    above = [h for h in tree.iterfind(".//body//h1") if order.get(h, 0) < order.get(node, 0)]
    if not above:
        if tree.find(".//body//h1") is not None:
            return False
        start = _body_start(tree, body)  # only now: the search scans every text node
        return start is None or order.get(node, 0) <= order.get(start, 0)
    return _text_between(elements, order, above[-1], node) <= MAX_BETWEEN_CHARS


def _text_between(
    elements: list[lxml_html.HtmlElement],
    order: dict[lxml_html.HtmlElement, int],
    first: lxml_html.HtmlElement,
    last: lxml_html.HtmlElement,
) -> int:
    """Characters of visible text after `first` ends and before `last` starts, link text
    (a menu, share buttons) not counted: a kicker, a byline and a date fit; a body or a
    teaser does not."""
    end = order[first] + sum(1 for _ in first.iterdescendants())
    span = elements[end + 1 : order[last]]
    linked = {d for a in span if a.tag == "a" for d in a.iter()}
    count = len((first.tail or "").strip())
    for element in span:
        if element.tag not in _INVISIBLE_TAGS and element not in linked:
            count += len((element.text or "").strip())
        count += len((element.tail or "").strip())
    return count


def _in_other_region(node: lxml_html.HtmlElement) -> bool:
    for level, element in enumerate([node, *node.iterancestors()]):
        if element.tag in _NOT_LEAD_TAGS:
            return True
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if level <= CONTEXT_LEVELS and _NOT_LEAD_CLASS.search(names):
            return True
    return False


def _link_share(node: lxml_html.HtmlElement) -> float:
    text = len(" ".join(node.text_content().split()))
    links = sum(len(" ".join(a.text_content().split())) for a in node.iter("a"))
    return links / max(text, 1)


def _body_start(tree: lxml_html.HtmlElement, body: str) -> lxml_html.HtmlElement | None:
    """The element that holds the extracted body's first long line (None when not found)."""
    first = next((line for line in body.split("\n") if len(line) >= MIN_LEAD_CHARS), None)
    if first is None:
        return None
    probe = " ".join(first.split())[:PROBE_CHARS]
    for text in _TEXTS(tree, probe=probe):
        owner = text.getparent()
        return owner.getparent() if text.is_tail and owner is not None else owner
    return None
