"""Bounded decompression: a gzip bomb or a truncated archive becomes a reject, not a crash."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from cleaner.errors import Rejected

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


def gunzip_bounded(data: bytes, max_out: int) -> bytes:
    """Decompress gzip data, refusing to produce more than `max_out` bytes."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    out = bytearray()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            out += inflater.decompress(view[start : start + _CHUNK], max_out + 1 - len(out))
            _check_size(len(out), max_out)
            while inflater.unconsumed_tail:
                out += inflater.decompress(inflater.unconsumed_tail, max_out + 1 - len(out))
                _check_size(len(out), max_out)
    except zlib.error as exc:
        raise Rejected("bad_compression", f"corrupt gzip data ({exc})") from None
    if not inflater.eof:
        raise Rejected("bad_compression", "gzip data is truncated")
    return bytes(out)


def _check_size(size: int, max_out: int) -> None:
    if size > max_out:
        raise Rejected("too_large", f"decompresses to more than {max_out} bytes")


def iter_chunks(stream: BinaryIO, chunk: int = 1 << 20) -> Iterator[bytes]:
    """A file's bytes in chunks; a read error is a Rejected (unreadable), not an OSError."""
    try:
        while data := stream.read(chunk):
            yield data
    except OSError as exc:
        raise Rejected("unreadable", exc.strerror or str(exc)) from None


def iter_gunzip(chunks: Iterator[bytes], out_chunk: int = 1 << 20) -> Iterator[bytes]:
    """Gunzip a stream of any number of members (one per WARC record, or the whole file as
    one: `gzip x.warc`) in pieces of at most `out_chunk` bytes, so memory stays flat."""
    inflater, pending = _gzip_inflater(), False
    try:
        for data in chunks:
            pending = True
            while True:
                out = inflater.decompress(data, out_chunk)
                if out:
                    yield out
                if inflater.eof:  # next member, if any
                    data, inflater = inflater.unused_data, _gzip_inflater()
                    pending = bool(data)
                    if not data:
                        break
                    continue
                data = inflater.unconsumed_tail
                if not data and len(out) < out_chunk:
                    break
    except zlib.error as exc:
        raise Rejected("bad_compression", f"corrupt gzip data ({exc})") from None
    if pending:
        raise Rejected("bad_compression", "gzip data is truncated")


def _gzip_inflater() -> zlib._Decompress:
    return zlib.decompressobj(zlib.MAX_WBITS | 16)
