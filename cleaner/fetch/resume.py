"""--resume for the raw pages: what an interrupted fetch's WARC (--warc-out) already holds.

The URLs already settled come from OUT and REJECTS like every run's (`cleaner.run.resume`).
A page can be in the WARC and not yet in the JSONL (killed in between): it is fetched again,
but not stored twice, and a record torn by the kill is cut off before appending.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import BinaryIO

from cleaner.errors import OutputError


def stored_pages(warc: Path) -> set[str]:
    """Target URIs of the response records in an existing WARC, after cutting off a record
    torn by the interruption (appending after it would make the rest unreadable)."""
    if not warc.exists():
        return set()
    try:
        if warc.name.endswith(".gz"):
            _cut(warc, _whole_members_end(warc))
        end, uris = _complete_records(warc)
        _cut(warc, end)
    except OSError as exc:
        raise OutputError(f"cannot repair {warc} for --resume: {exc.strerror}") from None
    return uris


def _cut(path: Path, end: int) -> None:
    if end < path.stat().st_size:
        os.truncate(path, end)


def _whole_members_end(path: Path) -> int:
    """Where the last complete gzip member ends (one member per WARC record)."""
    end, offset = 0, 0
    inflate = zlib.decompressobj(wbits=31)
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            while block:
                try:
                    inflate.decompress(block, 1 << 16)
                except zlib.error:
                    return end
                used = len(block) - len(inflate.unused_data) - len(inflate.unconsumed_tail)
                if inflate.eof:
                    end = offset + used
                    block = inflate.unused_data
                    inflate = zlib.decompressobj(wbits=31)
                else:
                    block = inflate.unconsumed_tail
                offset += used
    return end


def _complete_records(warc: Path) -> tuple[int, set[str]]:
    """End of the last record read whole (with its blank-line terminator), and the URIs."""
    from warcio.archiveiterator import ArchiveIterator

    end, uris = 0, set()
    with warc.open("rb") as handle:
        records = ArchiveIterator(handle)
        try:
            for record in records:
                records.read_to_end()
                length = records.get_record_offset() + records.get_record_length()
                stop = _terminated(handle, length)
                short = bool(getattr(record.raw_stream, "limit", None))
                if stop is None or short:
                    break  # cut short: fewer bytes than its Content-Length, or no terminator
                end = stop
                if record.rec_type == "response":
                    uris.add(record.rec_headers.get_header("WARC-Target-URI"))
        except Exception:  # a torn header or gzip member: the tail from there on is cut
            pass
    return end, uris


def _terminated(handle: BinaryIO, stop: int) -> int | None:
    """A plain record ends in CRLF CRLF (not counted in its length); a gzip member's
    length already holds it."""
    if handle.name.endswith(".gz"):
        return stop
    where = handle.tell()
    handle.seek(stop)
    tail = handle.read(4)
    handle.seek(where)
    return stop + 4 if tail == b"\r\n\r\n" else None
