"""WARC/ARC input through warcio: one work item per HTML or text response record.

warcio (maintained by Webrecorder) reads .warc, .warc.gz and, converted on the fly, .arc and
.arc.gz; its `content_stream()` undoes chunked transfer and gzip/deflate/brotli content
encoding. CC-NEWS files are WARC/1.0 response records of HTML pages.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from cleaner.document import Source
from cleaner.readers.decode import charset_of

if TYPE_CHECKING:
    from cleaner.inputs import Item, Skipped

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc_items(path: Path, max_bytes: int) -> Iterator[Item | Skipped]:
    """Response records with an HTML or text payload, each payload read up to `max_bytes` + 1
    (the item rejects a larger one as too_large); a broken archive ends as one Skipped."""
    from cleaner.inputs import Item, Skipped

    name = os.path.normpath(str(path))
    found = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                item = _item(record, name, max_bytes, Item)
                if item is not None:
                    found += 1
                    yield item
        if not found:  # an empty file or not a WARC at all: leave a trace, not silence
            yield Skipped(f"{name} (no HTML or text response records)")
    except (OSError, ArchiveLoadFailed, ValueError, EOFError) as exc:
        yield Skipped(f"{name} (unreadable WARC: {exc})")
    except Exception as exc:  # warcio trips on some malformed headers (AttributeError...)
        yield Skipped(f"{name} (unreadable WARC: {type(exc).__name__}: {exc})")


def _item(rec: Any, name: str, max_bytes: int, item_type: type[Item]) -> Item | None:
    # warcio has no type hints: `rec` is an ArcWarcRecord
    if rec.rec_type != "response":
        return None
    content_type = _content_type(rec)
    if not content_type.lower().startswith(HTML_TYPES):
        return None
    warc = rec.rec_headers
    source = Source(
        kind="warc",
        path=name,
        url=warc.get_header("WARC-Target-URI"),
        warc_record_id=warc.get_header("WARC-Record-ID"),
        fetched_at=warc.get_header("WARC-Date"),
        status=_status(rec.http_headers),
        content_type=content_type,
        encoding=charset_of(content_type),
    )
    kind = "text" if content_type.lower().startswith("text/plain") else "html"
    data = rec.content_stream().read(max_bytes + 1)
    # warcio hands out a record cut short by a truncated file as if complete; its raw
    # reader still expecting bytes after the whole payload was read tells
    if len(data) <= max_bytes and getattr(rec.raw_stream, "limit", 0) > 0:
        return item_type(source, kind, None, ("bad_compression", "WARC record is truncated"))
    return item_type(source, kind, data)


def _content_type(rec: Any) -> str:
    """The HTTP Content-Type, else the type the crawler identified (CC's payload type)."""
    http = rec.http_headers.get_header("Content-Type") if rec.http_headers else None
    found = http or rec.rec_headers.get_header("WARC-Identified-Payload-Type")
    return str(found or "")


def _status(headers: Any) -> int | None:
    code = headers.get_statuscode() if headers else None
    return int(code) if code and str(code).isdigit() else None
