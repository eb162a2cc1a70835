"""Access: is the article behind a paywall, and is the page a consent wall instead of one.

Paywall evidence, strongest first: schema.org `isAccessibleForFree` on the page's JSON-LD, the
`article:content_tier` meta tag, a "<Brand> Plus" / "F+" / "Abo" / "Premium" label beside the
headline, and a paywall box in the page while the extracted body is short (the body stops at
the box). None of these found: unknown (None), not "free".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree
from lxml import html as lxml_html

# "SZ Plus", "Tagesspiegel Plus", "RZplus", "F+", "Abo", "Premium", "Plus": a short label.
PLUS_LABEL = re.compile(
    r"^(?:[A-ZÄÖÜ][\w.-]{0,19} (?:Plus|PLUS|\+)|[A-Z]{1,4}(?:plus|Plus|\+)|Plus|PLUS|Abo|ABO"
    r"|Premium|PREMIUM|Subscribers? only)$"
)
# class/id words CMSs and paywall vendors give the box that replaces the rest of the body.
_BOX = re.compile(  # matched against lower-cased names
    r"paywall|pay-wall|regwall|piano-|premium-(?:box|teaser|wall)|subscriber-only"
    r"|plus-(?:box|teaser)|abo-(?:box|teaser|wall)|metered",
)
# Every _BOX match holds one of these: substring tests are cheaper than the regex's scan.
_BOX_LITERALS: tuple[str, ...] = ("paywall", "pay-wall", "regwall", "piano-", "premium-")
_BOX_LITERALS += ("subscriber-only", "plus-", "abo-", "metered")
SHORT_BODY_WORDS = 250  # a paywalled body shows the lead and a paragraph or two
_CONSENT = re.compile(
    r"cookie|consent|zustimm|einwillig|datenschutz|privacy|tracking|personali[sz]|vendor"
    r"|widerruf",
    re.IGNORECASE,
)
# A wall asks the reader to agree; a text about data protection does not.
_ASK = re.compile(
    r"zustimm|einwillig|akzeptier|einverstanden|\baccept|\bagree|\bconsent|\ballow",
    re.IGNORECASE,
)
CONSENT_MAX_WORDS = 400  # a consent wall is a notice; an article about cookies is longer
CONSENT_SHARE = 0.5  # at least this share of the words sit in lines about consent


# Scripts and styles are left out: a paywall vendor's script is on free pages too.
_NOT_BOXES = frozenset({"script", "style", "link", "meta"})


# Plain strings for the first look (smart strings, which know their element, cost 1 ms a page).
_NAMES = etree.XPath("//@class | //@id", smart_strings=False)


def html_paywall(tree: lxml_html.HtmlElement) -> bool:
    """Whether the page holds an element whose class or id names a paywall box."""
    # one search over all names first: a case-insensitive regex per value costs 3 ms a page
    names = " ".join(_NAMES(tree)).lower()
    if not any(map(names.__contains__, _BOX_LITERALS)) or not _BOX.search(names):
        return False
    values = tree.xpath("//@class | //@id")
    return any(_BOX.search(v.lower()) and v.getparent().tag not in _NOT_BOXES for v in values)


def ld_access(tree: lxml_html.HtmlElement) -> float:
    """+1 when JSON-LD or meta tags say free, -1 when they say not free, 0 when silent."""
    raw = " ".join(s.text or "" for s in tree.iterfind(".//script[@type='application/ld+json']"))
    found = re.search(r'"isAccessibleForFree"\s*:\s*"?(true|false)', raw, re.IGNORECASE)
    if found:
        return 1.0 if found.group(1).lower() == "true" else -1.0
    for meta in tree.iterfind(".//meta[@property='article:content_tier']"):
        tier = (meta.get("content") or "").strip().lower()
        return 1.0 if tier == "free" else -1.0 if tier in {"locked", "metered"} else 0.0
    return 0.0


def headline_label(tree: lxml_html.HtmlElement) -> bool:
    """A "<Brand> Plus" style label in the headline's block (the article's own header)."""
    for h1 in tree.iter("h1"):
        block = h1.getparent()
        block = block.getparent() if block is not None and block.getparent() is not None else block
        if block is not None and _holds_label(block):
            return True
    return False


def _holds_label(block: lxml_html.HtmlElement) -> bool:
    """Whether an element in the block (itself included) is a label. A subtree whose text has
    no label word is passed over whole: its elements' texts are parts of that text."""
    stack = [block]
    while stack:
        node = stack.pop()
        text = _STRING(node)
        if any(word in text for word in _LABEL_WORDS):
            if _is_label(node, text):
                return True
            stack.extend(node)  # an <h1>'s or a script's children are looked at too
    return False


# Every PLUS_LABEL match holds one of these; an element's text is part of its block's text.
_LABEL_WORDS = ("Plus", "PLUS", "plus", "+", "Abo", "ABO", "Premium", "PREMIUM", "Subscriber")


_STRING = etree.XPath("string()", smart_strings=False)  # text_content() less lxml.html's wrapper


def _is_label(node: lxml_html.HtmlElement, raw: str) -> bool:
    if not isinstance(node.tag, str) or node.tag in {"script", "style", "h1"}:
        return False
    text = " ".join(raw.split())
    return 0 < len(text) <= 24 and bool(PLUS_LABEL.match(text))


def paywalled(ld: float, label: bool, box: bool, words: int) -> bool | None:
    """The paywall flag from the evidence, strongest first; None when nothing says."""
    if ld:
        return ld < 0
    if label or (box and words < SHORT_BODY_WORDS):
        return True
    return None


def consent_wall(lines: Sequence[str]) -> bool:
    """A cookie or consent notice served instead of the article: short, and mostly lines
    about consent (an article about cookies is longer or mostly about something else)."""
    words = sum(len(line.split()) for line in lines)
    if not 0 < words <= CONSENT_MAX_WORDS:
        return False
    about = [line for line in lines if _CONSENT.search(line)]
    if not any(_ASK.search(line) for line in about):
        return False
    return len(about) >= 2 and sum(len(a.split()) for a in about) / words >= CONSENT_SHARE
