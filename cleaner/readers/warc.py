"""WARC/ARC input through warcio: one work item per HTML response record."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from cleaner.document import Source

if TYPE_CHECKING:
    from cleaner.inputs import Item, Skipped

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc_items(path: Path) -> Iterator[Item | Skipped]:
    """Response records with an HTML or text payload; a broken archive ends as one Skipped."""
    from cleaner.inputs import Item, Skipped

    name = os.path.normpath(str(path))
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                item = _item(record, name, Item)
                if item is not None:
                    yield item
    except (OSError, ArchiveLoadFailed, ValueError, EOFError) as exc:
        yield Skipped(f"{name} (unreadable WARC: {exc})")


def _item(record: object, name: str, item_type: type[Item]) -> Item | None:
    rec = record  # warcio has no type hints
    if getattr(rec, "rec_type", None) != "response":
        return None
    headers = rec.http_headers  # type: ignore[attr-defined]
    content_type = (headers.get_header("Content-Type") or "") if headers else ""
    if not content_type.lower().startswith(HTML_TYPES):
        return None
    source = Source(
        kind="warc",
        path=name,
        url=rec.rec_headers.get_header("WARC-Target-URI"),  # type: ignore[attr-defined]
        warc_record_id=rec.rec_headers.get_header("WARC-Record-ID"),  # type: ignore[attr-defined]
        fetched_at=rec.rec_headers.get_header("WARC-Date"),  # type: ignore[attr-defined]
        status=_status(headers),
        content_type=content_type,
        encoding=_charset(content_type),
    )
    kind = "text" if content_type.lower().startswith("text/plain") else "html"
    return item_type(source, kind, rec.content_stream().read())  # type: ignore[attr-defined]


def _status(headers: object) -> int | None:
    code = getattr(headers, "get_statuscode", lambda: None)()
    return int(code) if code and str(code).isdigit() else None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
