"""Evidence about a page's kind read from its URL alone.

Article URLs are deep and end in a slug of several words or a numeric id, often with a date;
fronts, tags and listings are shallow or sit under a path word that names a listing. The path
words are web conventions shared across CMSs, not names of sites.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from cleaner.pagekind.signals import Signals

PATH_WORDS: dict[str, frozenset[str]] = {
    "index": frozenset(
        {
            "tag",
            "tags",
            "category",
            "categories",
            "topic",
            "topics",
            "thema",
            "themen",
            "section",
            "sections",
            "search",
            "suche",
            "archive",
            "archives",
            "archiv",
            "author",
            "authors",
            "autor",
            "page",
            "seite",
            "collections",
            "collection",
            "list",
            "lists",
        }
    ),
    "shop": frozenset({"product", "products", "produkt", "shop", "store", "item", "cart", "dp"}),
    "forum": frozenset(
        {
            "forum",
            "forums",
            "thread",
            "threads",
            "community",
            "discussion",
            "discussions",
            "questions",
            "t",
            "topic",
            "board",
            "boards",
            "viewtopic",
            "showthread",
            "groups",
            "s",
            "r",
            "comments",
            "replies",
        }
    ),
    "docs": frozenset(
        {
            "docs",
            "doc",
            "documentation",
            "api",
            "reference",
            "manual",
            "kb",
            "wiki",
            "help",
            "support",
            "guide",
            "guides",
            "learn",
            "tutorial",
            "glossary",
            "overview",
            "get-started",
            "getting-started",
            "usersguide",
            "faq",
            "faqs",
        }
    ),
    "news": frozenset(
        {
            "news",
            "article",
            "articles",
            "story",
            "stories",
            "blog",
            "blogs",
            "post",
            "posts",
            "artikel",
            "nachrichten",
            "meldung",
            "politik",
            "wirtschaft",
            "sport",
            "kultur",
        }
    ),
    "live": frozenset({"live", "liveblog", "live-blog", "ticker", "liveticker", "newsticker"}),
    "media": frozenset(
        {
            "video",
            "videos",
            "gallery",
            "galleries",
            "galerie",
            "bilder",
            "fotos",
            "photos",
            "podcast",
            "podcasts",
            "audio",
            "mediathek",
            "bildergalerie",
            "fotostrecke",
        }
    ),
}
_DATE = re.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/|$)|(?:19|20)\d\d[-_]?[01]\d[-_]?[0-3]\d")
_ID = re.compile(r"\d{5,}")
_WORD_SPLIT = re.compile(r"[^a-z0-9äöüß]+")


def url_signals(url: str | None) -> Signals:
    """Shape of the URL; every value 0 when there is no URL."""
    path = _path(url)
    segments = [s for s in path.split("/") if s]
    last = segments[-1].rsplit(".", 1)[0] if segments else ""
    words = {w for s in segments for w in _WORD_SPLIT.split(s) if w}
    signals = {f"url_{name}": float(bool(words & vocab)) for name, vocab in PATH_WORDS.items()}
    signals.update(
        url_known=float(url is not None and bool(path or url)),
        url_depth=float(min(len(segments), 6)),
        url_root=float(url is not None and not segments),
        url_slug_words=float(min(len([w for w in _WORD_SPLIT.split(last) if w]), 12)),
        url_id=float(bool(_ID.search(path))),
        url_date=float(bool(_DATE.search(path))),
        url_query=float(bool(url and urlsplit(url).query)),
        url_trailing_slash=float(path.endswith("/") and len(segments) > 0),
    )
    return signals


def _path(url: str | None) -> str:
    if not url:
        return ""
    try:
        return urlsplit(url).path.lower()
    except ValueError:
        return ""
