"""WARC/ARC input: one work item per HTML or text response record, or per problem found.

We frame WARC records ourselves (readers/warcframe.py: bounded header lines, checked lengths,
resynchronisation after damage, gzip read as a stream whether per record or whole-file) and
hand each complete record to warcio (maintained by Webrecorder), whose `content_stream()`
undoes chunked transfer and gzip/deflate/brotli content encoding. A record warcio cannot
parse or decode becomes a reject of that record; the rest of the file is still read. ARC
files, a legacy format, go through warcio's own iterator (converted on the fly).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from cleaner.document import DocKind, Source
from cleaner.readers import brotli_codec
from cleaner.readers.bytesource import ByteSource
from cleaner.readers.compression import GZIP_MAGIC, iter_chunks, iter_gunzip
from cleaner.readers.decode import charset_of
from cleaner.readers.warcframe import FrameLimits, Problem, RawRecord, iter_records

if TYPE_CHECKING:
    from cleaner.readers.items import Item, Skipped

brotli_codec.register()
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
HTTP_SLACK = 1 << 20  # a record holds HTTP headers besides the payload
ARC_START = b"filedesc:"
_CONTENT_TYPE = re.compile(rb"(?im)^content-type:[ \t]*([^\r\n]*)")


def iter_warc_items(
    path: Path, max_bytes: int, max_scan: int = 100 << 20
) -> Iterator[Item | Skipped]:
    """Response records with an HTML or text payload, each payload read up to `max_bytes` + 1
    (the item rejects a larger one as too_large); every damaged or unreadable part of the file
    as a reject item naming the problem; `max_scan` bounds the bytes searched for a record."""
    from cleaner.readers.items import Skipped

    name = os.path.normpath(str(path))
    found = 0
    for item in _items(path, name, max_bytes, max_scan):
        found += 1
        yield item
    if not found:  # an empty file or one with no pages at all: leave a trace, not silence
        yield Skipped(f"{name} (no HTML or text response records)")


def _items(path: Path, name: str, max_bytes: int, max_scan: int) -> Iterator[Item]:
    try:
        with path.open("rb") as stream:
            src = ByteSource(_decompressed(stream))
            if src.peek(len(ARC_START)) == ARC_START:
                yield from _arc_items(_Reader(src), name, max_bytes)
                return
            for raw in iter_records(src, FrameLimits(max_bytes + HTTP_SLACK, max_scan)):
                item = _from_raw(raw, name, max_bytes)
                if item is not None:
                    item.read_to = stream.tell()  # for progress: how far into the file
                    yield item
    except OSError as exc:
        yield _problem_item(RawRecord(0), name, ("unreadable", exc.strerror or str(exc)))


def _decompressed(stream: BinaryIO) -> Iterator[bytes]:
    """The file's bytes, gunzipped when it is gzip (lazily: a read error reaches ByteSource)."""
    chunks = iter_chunks(stream)
    first = next(chunks, b"")
    whole = itertools.chain([first], chunks)
    yield from iter_gunzip(whole) if first.startswith(GZIP_MAGIC) else whole


def _from_raw(raw: RawRecord, name: str, max_bytes: int) -> Item | None:
    if raw.problem is not None:
        if raw.problem[0] == "too_large" and raw.headers and not _is_page(raw):
            return None  # a big video or image record is not an input, as when it is small
        return _problem_item(raw, name, raw.problem)
    try:  # one record; not iterated further, which would consume its payload
        record = next(ArchiveIterator(BytesIO(raw.head + raw.block + b"\r\n\r\n")))
    except Exception as exc:  # warcio trips on malformed headers in many ways
        return _problem_item(raw, name, ("bad_archive", f"{type(exc).__name__}: {exc}"))
    return _item(record, name, max_bytes)


def _is_page(raw: RawRecord) -> bool:
    """Whether a record too large to read was an HTML or text response (from its peek)."""
    if raw.headers.get("warc-type") != "response":
        return False
    match = _CONTENT_TYPE.search(raw.block[:8192])
    found = (
        match.group(1).decode("latin-1")
        if match
        else raw.headers.get("warc-identified-payload-type", "")
    )
    return found.strip().lower().startswith(HTML_TYPES)


def _problem_item(raw: RawRecord, name: str, problem: Problem) -> Item:
    from cleaner.readers.items import Item

    source = Source(
        kind="warc",
        path=name,
        url=raw.headers.get("warc-target-uri"),
        # damage between records has no id of its own: its offset is stable across runs
        warc_record_id=raw.headers.get("warc-record-id") or f"offset:{raw.offset}",
        fetched_at=raw.headers.get("warc-date"),
    )
    return Item(source, "html", None, problem)


def _item(rec: Any, name: str, max_bytes: int) -> Item | None:
    # warcio has no type hints: `rec` is an ArcWarcRecord
    from cleaner.readers.items import Item

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
    kind: DocKind = "text" if content_type.lower().startswith("text/plain") else "html"
    try:
        data = rec.content_stream().read(max_bytes + 1)
    except Exception as exc:  # brotli/zlib/chunked decoding errors, in warcio's own types
        return Item(source, kind, None, ("bad_compression", f"{type(exc).__name__}: {exc}"))
    return Item(source, kind, data)


class _Reader:
    """A ByteSource as the file object warcio reads (already gunzipped, however packed)."""

    def __init__(self, src: ByteSource) -> None:
        self.src = src

    def read(self, size: int = -1) -> bytes:
        # a short read is allowed for a raw stream; "all" would hold the whole file
        return self.src.take(min(size, 1 << 20) if size >= 0 else 1 << 20)


def _arc_items(stream: _Reader, name: str, max_bytes: int) -> Iterator[Item]:
    """ARC files through warcio's iterator; a failure ends the file with a reject."""
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            item = _item(record, name, max_bytes)
            if item is not None:
                yield item
    except Exception as exc:  # ArchiveLoadFailed, EOFError, and warcio's AttributeErrors
        first_line = (str(exc).strip().splitlines() or [""])[0]
        yield _problem_item(
            RawRecord(0), name, ("bad_archive", f"{type(exc).__name__}: {first_line}")
        )
    if stream.src.error is not None:
        yield _problem_item(
            RawRecord(stream.src.offset), name, (stream.src.error.reason, stream.src.error.detail)
        )


def _content_type(rec: Any) -> str:
    """The HTTP Content-Type, else the type the crawler identified (CC's payload type)."""
    http = rec.http_headers.get_header("Content-Type") if rec.http_headers else None
    found = http or rec.rec_headers.get_header("WARC-Identified-Payload-Type")
    return str(found or "")


def _status(headers: Any) -> int | None:
    code = headers.get_statuscode() if headers else None
    return int(code) if code and str(code).isdigit() else None
