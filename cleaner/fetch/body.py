"""Read a response body as it streams in: size cap on the wire, bounded decompression.

httpx would decompress for us, but without a bound on the output; a 10 MB gzip bomb inflates
to 10 GB. So we ask only for gzip/deflate, read the raw bytes and inflate them ourselves,
never producing more than the cap.
"""

from __future__ import annotations

import zlib

import httpx

from cleaner.errors import Rejected

ACCEPT_ENCODING = "gzip, deflate"


class BoundedDecoder:
    """Incremental gzip/deflate/identity decoder that refuses to grow past `max_out` bytes."""

    def __init__(self, encoding: str, max_out: int, keep_prefix: bool = False) -> None:
        self.encoding = encoding.strip().lower()
        if self.encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
            raise Rejected("bad_compression", f"unsupported Content-Encoding {encoding!r}")
        self.max_out = max_out
        self.keep_prefix = keep_prefix  # past the cap: keep the first max_out bytes, stop
        self.full = False
        self.size = 0
        self._inflater: zlib._Decompress | None = None

    def feed(self, chunk: bytes) -> bytes:
        if self.encoding in ("", "identity"):
            return self._count(chunk)
        out = bytearray()
        try:
            self._inflate(chunk, out)
        except zlib.error as exc:
            raise Rejected("bad_compression", f"corrupt {self.encoding} data ({exc})") from None
        return bytes(out)

    def finish(self) -> None:
        """Call when the body has ended: a half-finished stream is truncated."""
        if not self.full and self._inflater is not None and not self._inflater.eof:
            raise Rejected("bad_compression", f"{self.encoding} data is truncated")

    def _inflate(self, data: bytes, out: bytearray) -> None:
        while data and not self.full:
            inflater = self._inflater_for(data)
            out += self._count(inflater.decompress(data, self.max_out + 1 - self.size))
            data = inflater.unconsumed_tail
            if inflater.eof:  # a gzip stream may hold several members
                data = inflater.unused_data + data
                self._inflater = None if data else inflater

    def _inflater_for(self, data: bytes) -> zlib._Decompress:
        if self._inflater is None:
            self._inflater = zlib.decompressobj(_wbits(self.encoding, data))
        return self._inflater

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.max_out and self.keep_prefix:
            self.full = True
            return data[: len(data) - (self.size - self.max_out)]
        if self.size > self.max_out:
            raise Rejected("too_large", f"body decompresses to more than {self.max_out} bytes")
        return data


def _wbits(encoding: str, head: bytes) -> int:
    if encoding != "deflate":
        return zlib.MAX_WBITS | 16
    # "deflate" is zlib-wrapped by the spec, but some servers send a raw deflate stream.
    wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
    return zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS


async def read_body(response: httpx.Response, max_raw: int, max_out: int) -> bytes:
    """The decoded body; Rejected (too_large, bad_compression) as soon as a cap is passed."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_raw:
        raise Rejected("too_large", f"Content-Length {declared} exceeds {max_raw} bytes")
    decoder = BoundedDecoder(response.headers.get("content-encoding", ""), max_out)
    received, parts = 0, []
    async for chunk in response.aiter_raw():
        received += len(chunk)
        if received > max_raw:
            raise Rejected("too_large", f"body exceeds {max_raw} bytes")
        parts.append(decoder.feed(chunk))
    decoder.finish()
    return b"".join(parts)


async def read_prefix(response: httpx.Response, max_raw: int, size: int) -> bytes:
    """The first `size` decoded bytes of the body, however long it is (RFC 9309 asks robots.txt
    parsers to read at least 500 KiB, not to give up on a longer file); a gzip bomb stops at
    `size` too. Corrupt or truncated compression is still Rejected."""
    decoder = BoundedDecoder(response.headers.get("content-encoding", ""), size, keep_prefix=True)
    received, parts = 0, []
    async for chunk in response.aiter_raw():
        received += len(chunk)
        parts.append(decoder.feed(chunk))
        if decoder.full or received > max_raw:
            return b"".join(parts)
    decoder.finish()
    return b"".join(parts)
