"""Who a page credits as author: people first, an outlet or team only where no person is named.

Sources in order: the JSON-LD article's authors (taken as the page gives them, with the
agencies and outlets credited beside its people: "Reuters" next to a reporter), author meta
tags, byline elements, trafilatura's author search (extract.html calls the last two). An
author field credits whoever the page credits, so its values are read in THE splitter's
`named` mode (teams, handles and single names kept); bylines are free text and give people
only. Outlets, agencies and sites credited alone ("n-tv NACHRICHTEN", "dpa", an Organization
in the JSON-LD) stand in only when no source names a person: both dev sets' truths credit
them then, and only then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html
from lxml.etree import XPath

from cleaner.extract.headlines import key
from cleaner.extract.jsonld import LdArticle
from cleaner.metadata.authors import introduces_a_byline, looks_like_outlet, split_authors

AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
# Byline elements as CMSs mark them; the first few in document order are the header's. Written
# as attribute steps (`//@rel[...]/..`): libxml2 tests a predicate on every element of `//*`
# slowly (1.45 -> 0.80 ms a page, the same elements on the 893 dev pages).
_AUTHOR_CLASS = " or ".join(
    f"contains(., '{word}')" for word in ("byline", "Byline", "author", "Author")
)
BYLINE = XPath(
    f"(//@rel[. = 'author']/.. | //@itemprop[. = 'author']/.. | //@class[{_AUTHOR_CLASS}]/..)"
    "[position() <= 8]"
)
_BYLINE_END = re.compile(
    r"(?:^|\s)(?:Stand|Aktualisiert|Veröffentlicht|Updated|Published)\b.*|\s\d.*"
)
# "Updated January 08, 2026 Written by X", "12.03.2024 | Von X": a date line before the name
_LEADING_DATE = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|veröffentlicht|aktualisiert)?\s*:?\s*(?:on\s+|am\s+)?"
    r"(?:[^\W\d]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s*[^\W\d]+\.?\s+\d{4}"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4})\s*[|·•,-]?\s*",
    re.I,
)
MAX_BYLINE_WORDS = 16  # "Von Erika Muster und Max Beispiel, Berlin | 12.03.2024, 10:15 Uhr"
_COMMENT = re.compile(r"\bsays\b|\bsagt\b|\breply\b|\bantworten\b", re.I)
# "By X on Friday December 19", "By X on" (the date cut as _BYLINE_END), "By X in Section"
_AFTER_NAME = re.compile(r"\s(?:on|am|le|el|il|op|in)(?:\s.*)?$")
_NAME = re.compile(
    r"^[A-ZÄÖÜ][\w’'.-]+(?:\s+(?:von|van|de|der|zu|di|da|le|la)?\s*[A-ZÄÖÜ][\w’'.-]+){1,3}$"
)


@dataclass
class Credits:
    people: list[str] = field(default_factory=list)  # the authors, when a field names people
    outlets: list[str] = field(default_factory=list)  # credited when nothing names a person


def field_credits(ld: LdArticle, tree: lxml_html.HtmlElement) -> Credits:
    """Credits from the author fields: JSON-LD, then the author meta tags."""
    named = clean_authors(ld.authors, named=True)
    organizations = clean_authors(ld.organizations, named=True)
    if any(not looks_like_outlet(name) for name in named):
        return Credits(_once(named + organizations))
    metas = clean_authors(_author_metas(tree), named=True)
    people = [name for name in metas if not looks_like_outlet(name)]
    others = [name for name in metas if name not in people]
    return Credits(_once(people), _once(named + organizations + others))


def _once(names: list[str]) -> list[str]:
    """Each name once, whatever its capitals ('ndr.de' in the JSON-LD, 'NDR.de' in a meta)."""
    kept: dict[str, str] = {}
    for name in names:
        kept.setdefault(name.casefold(), name)
    return list(kept.values())


def clean_authors(names: list[str], named: bool = False) -> list[str]:
    """The people (or, `named`, the credited) in author values: THE splitter, metadata.authors."""
    out: list[str] = []
    for raw in names:
        out.extend(name for name in split_authors(raw, named) if name not in out)
    return out


def bylines(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The page's first byline elements, for `byline_authors` and then `byline_credits`."""
    nodes: list[lxml_html.HtmlElement] = BYLINE(tree)
    return nodes


def byline_texts(nodes: list[lxml_html.HtmlElement]) -> list[str]:
    """The elements' texts, "Von<b>Name</b>" with a gap."""
    return [" ".join(" ".join(node.itertext()).split()) for node in nodes]


def byline_authors(texts: list[str]) -> list[str]:
    """Names from the first byline text that holds real names (capitalised words, no
    digits): a cheap look before trafilatura's slower author search."""
    for text in texts:
        if len(text.split()) > MAX_BYLINE_WORDS or _COMMENT.search(text):
            continue  # a teaser or bio box with "author" in its class, a comment's signature
        text = _BYLINE_END.sub("", _LEADING_DATE.sub("", text))
        names = [n for n in clean_authors([text]) if _NAME.match(n)]
        if not names and introduces_a_byline(text):  # "Written By Linny and Peter"
            names = clean_authors([_AFTER_NAME.sub("", text)], named=True)
        if names:
            return names
    return []


MAX_CREDIT_WORDS = 4  # "Podium Staff", "The Example Team": a longer text is a bio or a date line


def byline_credits(texts: list[str]) -> list[str]:
    """Whoever the first short byline text credits when none names a person."""
    for text in texts:
        if 0 < len(text.split()) <= MAX_CREDIT_WORDS:
            return clean_authors([_BYLINE_END.sub("", text)], named=True)
    return []


def credit_as_written(found: str, texts: list[str]) -> list[str]:
    """The page's short byline credit as it writes it ("srf/hosb;kesm") when trafilatura's
    author string `found` holds the same letters: its search re-cases and re-splits the
    credit ("Srf; Hosb; Kesm"), the page's own form is the author field's value; else []."""
    written = byline_credits(texts)
    return written if written and key(" ".join(written)) == key(found) else []


def _author_metas(tree: lxml_html.HtmlElement) -> list[str]:
    return [meta.get("content") or "" for meta in tree.iterfind(".//meta") if _is_author_meta(meta)]


def _is_author_meta(meta: lxml_html.HtmlElement) -> bool:
    return (meta.get("name") or meta.get("property") or "").lower() in AUTHOR_META
