"""Bounded decompression: a gzip bomb or a truncated archive becomes a reject, not a crash."""

from __future__ import annotations

import zlib

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
