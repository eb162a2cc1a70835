"""Page elements that are not article prose, found by DOM evidence, cut before extraction.

- Embedded posts (tweets, Instagram, TikTok, Bluesky, Mastodon, Facebook): the platforms' embed
  code marks them with a class on a <blockquote> (or a wrapper) that no article text carries.
- Inline image captions and credits outside <figure> ('<p class="imageCaption">',
  'mol-caption', 'photo-credit'): a class or itemprop naming a caption. Their text moves to the
  `captions` field, so nothing is lost.
Class names are split into words (camelCase, '-', '_') and compared as words, so the same
evidence holds on sites never seen.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from lxml import html as lxml_html
from lxml.etree import XPath

EMBED_WORDS = frozenset(
    {"tweet", "twitter", "instagram", "tiktok", "bluesky", "mastodon", "fb", "facebook"}
)
EMBED_TAGS = ("div", "figure", "section", "aside")
EMBED_KINDS = frozenset({"embed", "post", "media", "tweet"})
MAX_EMBED_CHARS = 3000
CAPTION_WORDS = frozenset({"caption", "credit", "credits", "copyright"})
MAX_CAPTION_CHARS = 500  # a caption is a sentence or two; a longer block is something else
# A cheap pre-selection on the raw attribute values; the word tests below decide. Matched
# against lower-cased values: an IGNORECASE pattern costs five times as much a value (2 ms a
# page), and gives the same answer but for the few non-ASCII letters that are case partners
# of ASCII ones (dotless i, long s), which class names do not hold.
_HINT = re.compile(r"aption|redit|opyright|weet|witter|nstagram|iktok|luesky|astodon|acebook|fb-")
_NAMES = XPath(".//@class|.//@itemprop")  # in document order: an element's values adjacent
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")


@dataclass
class Cut:
    """Texts of the elements cut: embeds (recorded as removed) and captions (a field)."""

    embeds: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def class_words(element: lxml_html.HtmlElement) -> set[str]:
    """'imageCaption mol-photo_credit' -> {'image', 'caption', 'mol', 'photo', 'credit'}."""
    names = f"{element.get('class') or ''} {element.get('itemprop') or ''}"
    return {w for w in _SPLIT.split(_CAMEL.sub(" ", names).lower()) if w}


def cut_embeds(tree: lxml_html.HtmlElement) -> Cut:
    """Remove embedded posts and stray captions from the tree; return their texts."""
    cut = Cut()
    body = tree.find(".//body")
    for node in list(_candidates(body if body is not None else tree)):
        if _detached(node, tree):
            continue
        words = class_words(node)
        text = " ".join(node.text_content().split())
        if _is_embed(node, words, text):
            cut.embeds.append(text)
        elif words & CAPTION_WORDS and _is_caption(node, text):
            cut.captions.append(text)
        else:
            continue
        node.drop_tree()
    return cut


def _candidates(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Elements below `root` whose class or itemprop holds a hint, in document order."""
    found: list[lxml_html.HtmlElement] = []
    values = _NAMES(root)
    for i in _values_with_hint(values):
        element = values[i].getparent()
        if not found or found[-1] is not element:
            found.append(element)
    return found


def _values_with_hint(values: list[str]) -> list[int]:
    """Indices of the values holding a hint, by one search over them joined (no hint holds a
    newline, so none spans two values): a search and a lower() a value cost a third more."""
    joined = "\n".join(values).lower()
    starts = list(accumulate((len(value) + 1 for value in values), initial=0))
    if len(joined) != starts[-1] - 1:  # lower() changed a length: offsets differ
        return [i for i, value in enumerate(values) if _HINT.search(value.lower())]
    hits = (bisect_right(starts, match.start()) - 1 for match in _HINT.finditer(joined))
    return sorted(set(hits))


def _is_embed(node: lxml_html.HtmlElement, words: set[str], text: str) -> bool:
    """<blockquote class="twitter-tweet|instagram-media|tiktok-embed">, or a wrapper naming
    a platform and an embed ('fb-post', 'embed-twitter'); a share bar names no embed."""
    if not words & EMBED_WORDS:
        return False
    if node.tag == "blockquote":
        return True
    return node.tag in EMBED_TAGS and bool(words & EMBED_KINDS) and len(text) <= MAX_EMBED_CHARS


def _is_caption(node: lxml_html.HtmlElement, text: str) -> bool:
    """Short, and no paragraphs inside (a wrapper named 'caption' around a story is not one)."""
    return 0 < len(text) <= MAX_CAPTION_CHARS and not any(
        True for _ in node.iterdescendants("p", "h2", "li")
    )


def _detached(node: lxml_html.HtmlElement, tree: lxml_html.HtmlElement) -> bool:
    """Inside an element already cut: its top ancestor is no longer the page's root."""
    ancestors = list(node.iterancestors())
    return (ancestors[-1] if ancestors else node) is not tree
