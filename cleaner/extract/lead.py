"""The article's lead (standfirst) when the extractor dropped it.

Extractors often skip the lead: it sits in the header block next to the title, outside the
main text container, styled as a teaser. The page's description meta tag usually repeats it.
When the description is missing from the extracted text but the page also shows it as
visible text, that visible element is the lead and goes back at the top of the body.
"""

from __future__ import annotations

from lxml import html as lxml_html
from lxml.etree import XPath

from cleaner.extract.headlines import key

PROBE_CHARS = 40  # the lead's first characters, looked up among the page's text nodes
MIN_LEAD_CHARS = 60  # shorter descriptions are taglines, not leads
MAX_PREFIX_CHARS = 40  # a dateline ("Berlin. ") may precede the description in the element
_TEXTS = XPath("//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")


def find_lead(tree: lxml_html.HtmlElement, description: str | None, body: str) -> str | None:
    """The visible element text that holds the description, if the body lacks it."""
    if not description or len(description) < MIN_LEAD_CHARS:
        return None
    want = key(description)
    if want in key(body):
        return None
    probe = " ".join(description.split())[:PROBE_CHARS]
    for text in _TEXTS(tree):
        if probe in " ".join(str(text).split()):
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
