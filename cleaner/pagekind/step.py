"""The pipeline step: page_type and paywalled on the Document, consent walls and (when asked)
non-articles rejected."""

from __future__ import annotations

from cleaner.config import KindSettings
from cleaner.document import Document
from cleaner.errors import Rejected
from cleaner.pagekind.decide import (
    ARTICLE_LIKE,
    all_signals,
    is_consent_wall,
    page_type,
    paywall_flag,
    text_page_type,
)
from cleaner.pagekind.signals import Signals
from cleaner.pagekind.text import FieldSignals


def describe_kind(doc: Document, settings: KindSettings) -> Document:
    """Set page_type and paywalled; reject a consent wall, and a non-article if asked."""
    if is_consent_wall(doc.lines):
        raise Rejected("consent_wall", "a cookie or consent notice instead of the article")
    if doc.kind == "html":
        signals = document_signals(doc)
        doc.page_type = page_type(signals, doc.lines)
        doc.paywalled = paywall_flag(signals, doc.lines)
    else:
        doc.page_type = text_page_type(doc.lines)
    if settings.articles_only and doc.page_type not in ARTICLE_LIKE:
        raise Rejected("not_article", f"page_type {doc.page_type}")
    return doc


def document_signals(doc: Document) -> Signals:
    """The features of an HTML document (training reads them through here too)."""
    fields = FieldSignals(doc.date is not None, bool(doc.authors))
    return all_signals(doc.page_signals, doc.url, doc.lines, fields)
