"""The article's lead (standfirst) when the extractor dropped it.

Extractors often skip the lead: it sits in the header block next to the title, outside the
main text container, styled as a teaser. The page's description meta tag usually repeats it.
When the description is missing from the extracted text but the page also shows it as
visible text, that visible element is the lead and goes back at the top of the body.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import XPath

from cleaner.extract.headlines import key

PROBE_CHARS = 40  # the lead's first characters, looked up among the page's text nodes
MIN_LEAD_CHARS = 60  # shorter descriptions are taglines, not leads
MAX_PREFIX_CHARS = 40  # a dateline ("Berlin. ") may precede the description in the element
MAX_LEAD_CHARS = 800  # a longer block is body text or a whole teaser list, not a lead
# Class names CMSs give the lead block ("article-lead", "excerpt", "c-intro", "standfirst").
_LEAD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:lead|excerpt|intro|standfirst|dek|abstract)(?:$|[\s_-])", re.I
)
_TEASER_CLASS = re.compile(
    r"post-?item|post-?list|post-?card|card|associated|related|teaser__", re.I
)
HEADER_LEVELS = 4
_AFTER_H1 = XPath(  # a cheap pre-selection in libxml2; _LEAD_CLASS decides
    "(//h1)[1]/following::*[contains(@class, 'ead') or contains(@class, 'xcerpt')"
    " or contains(@class, 'ntro') or contains(@class, 'tandfirst') or contains(@class, 'dek')"
    " or contains(@class, 'bstract')][position() <= 20]"
)
_TEXTS = XPath(
    "//body//text()[contains(normalize-space(.), $probe)]"
    "[not(ancestor::script or ancestor::style or ancestor::noscript)]"
)


def find_lead(tree: lxml_html.HtmlElement, description: str | None, body: str) -> str | None:
    """The lead, if the extracted body lacks it: the visible element that holds the page's
    description, else the first lead-classed block after the <h1>."""
    body_key = key(body)
    lead = _described_lead(tree, description, body_key) or _classed_lead(tree)
    return lead if lead and key(lead) not in body_key else None


def _classed_lead(tree: lxml_html.HtmlElement) -> str | None:
    """A lead-classed block in the title's own header: it shares an ancestor with the <h1>
    at most HEADER_LEVELS up (further away, 'excerpt' blocks are teasers of other posts)."""
    h1 = tree.find(".//h1")
    header = _ancestor(h1, HEADER_LEVELS) if h1 is not None else None
    if header is None:
        return None
    for node in _AFTER_H1(tree):
        if _LEAD_CLASS.search(node.get("class") or "") and not _TEASER_CLASS.search(
            node.get("class") or ""
        ):
            inside = any(anc is header for anc in node.iterancestors())
            text = " ".join(node.text_content().split())
            ok = inside and MIN_LEAD_CHARS <= len(text) <= MAX_LEAD_CHARS
            return text if ok else None
    return None


def _ancestor(node: lxml_html.HtmlElement, levels: int) -> lxml_html.HtmlElement | None:
    for _ in range(levels):
        parent = node.getparent()
        if parent is None or parent.tag == "body":
            return node
        node = parent
    return node


def _described_lead(
    tree: lxml_html.HtmlElement, description: str | None, body_key: str
) -> str | None:
    if not description or len(description) < MIN_LEAD_CHARS:
        return None
    want = key(description)
    if want in body_key:
        return None
    probe = " ".join(description.split())[:PROBE_CHARS]
    for text in _TEXTS(tree, probe=probe):  # the search runs in libxml2, not in Python
        owner = text.getparent()  # for a tail text, the element it follows
        if text.is_tail and owner is not None:
            owner = owner.getparent()
        return _element_text(owner, want)
    return None


def _element_text(node: lxml_html.HtmlElement | None, want: str) -> str | None:
    """Climb from the text node to the smallest element whose text holds the whole lead."""
    while node is not None and node.tag not in ("body", "html"):
        text = " ".join(node.text_content().split())
        have = key(text)
        if want in have:
            return text if len(have) - len(want) <= MAX_PREFIX_CHARS else None
        node = node.getparent()
    return None
