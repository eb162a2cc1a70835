"""HTML to text plus page metadata. The only module that imports trafilatura."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import version

import trafilatura
from lxml import html as lxml_html

from cleaner.config import ExtractSettings
from cleaner.errors import Rejected

EXTRACTOR = f"trafilatura {version('trafilatura')}"


@dataclass
class Extracted:
    """What trafilatura found in a page."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    sitename: str | None = None
    description: str | None = None


def parse(html: str) -> lxml_html.HtmlElement:
    """Parse with huge_tree so a deeply nested page parses instead of vanishing."""
    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True)
    try:
        tree = lxml_html.document_fromstring(html, parser=parser)
    except (ValueError, TypeError) as exc:  # lxml: "Document is empty" and friends
        raise Rejected("no_text", f"unparsable HTML ({exc})") from None
    return tree


def extract_html(html: str, url: str | None, settings: ExtractSettings) -> Extracted:
    """Run trafilatura on a page; no text found is a reject, not an empty record."""
    result = trafilatura.bare_extraction(
        parse(html),
        url=url,
        with_metadata=True,
        include_comments=settings.include_comments,
        include_tables=settings.include_tables,
        favor_precision=settings.favor_precision,
        favor_recall=settings.favor_recall,
    )
    if not isinstance(result, trafilatura.settings.Document) or not (result.text or "").strip():
        raise Rejected("no_text", "the extractor found no article text")
    return _to_extracted(result)


def _to_extracted(result: trafilatura.settings.Document) -> Extracted:
    return Extracted(
        text=result.text or "",
        title=result.title or None,
        authors=_split_authors(result.author),
        date=result.date or None,
        url=result.url or None,
        sitename=result.sitename or None,
        description=result.description or None,
    )


def _split_authors(author: str | None) -> list[str]:
    """trafilatura joins authors with '; '."""
    if not author:
        return []
    return [name.strip() for name in author.split(";") if name.strip()]
