"""page_type and paywalled for one Document: rules where evidence is explicit, else the model.

Rules first, because they are exact where they fire: JSON-LD LiveBlogPosting or a run of
time-stamped entries is a live blog; a gallery/video/audio type with little text is media.
Everything else goes to the trained classifier (article, index or other). Text-mode inputs
carry no HTML evidence: they are articles (the line classifier already kept only prose).
"""

from __future__ import annotations

from typing import Literal

from cleaner.pagekind.access import consent_wall, paywalled
from cleaner.pagekind.model import shipped_model
from cleaner.pagekind.signals import Signals
from cleaner.pagekind.text import FieldSignals, stamped_lines, text_signals
from cleaner.pagekind.urlshape import url_signals

PageType = Literal["article", "liveblog", "media", "index", "other"]
PAGE_TYPES: tuple[PageType, ...] = ("article", "liveblog", "media", "index", "other")
ARTICLE_LIKE: frozenset[str] = frozenset({"article", "liveblog"})
MEDIA_MAX_WORDS = 150  # a video or gallery page with a caption or two, not an article with one
LIVE_MIN_STAMPS = 5  # time-stamped entries that make a page a live blog


def all_signals(html: Signals, url: str | None, lines: list[str], fields: FieldSignals) -> Signals:
    """Every feature the rules and the model read, in one dict."""
    return {**html, **url_signals(url), **text_signals(lines), **fields.signals()}


def page_type(signals: Signals, lines: list[str]) -> PageType:
    """The kind of an HTML page from its signals (see all_signals) and cleaned lines."""
    words = sum(len(line.split()) for line in lines)
    if signals.get("ld_liveblog") or (
        signals.get("url_live") and stamped_lines(lines) >= LIVE_MIN_STAMPS
    ):
        return "liveblog"
    media = signals.get("ld_media") and not signals.get("ld_article")
    if words < MEDIA_MAX_WORDS and (media or signals.get("og_media") or signals.get("url_media")):
        return "media"
    kind = shipped_model().predict(signals)
    return "article" if kind == "article" else "index" if kind == "index" else "other"


TEXT_LIVE_STAMP_SHARE = 0.3  # without HTML evidence, a live blog must be mostly time stamps


def text_page_type(lines: list[str]) -> PageType:
    """A text input is an article unless its lines are clearly a live blog's entries."""
    stamps = stamped_lines(lines)
    live = stamps >= 2 * LIVE_MIN_STAMPS and stamps >= TEXT_LIVE_STAMP_SHARE * len(lines)
    return "liveblog" if live else "article"


def paywall_flag(signals: Signals, lines: list[str]) -> bool | None:
    words = sum(len(line.split()) for line in lines)
    return paywalled(
        signals.get("access_ld", 0.0),
        bool(signals.get("plus_label")),
        bool(signals.get("paywall_box")),
        words,
    )


def is_consent_wall(lines: list[str]) -> bool:
    return consent_wall(lines)
