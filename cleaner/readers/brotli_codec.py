"""Content-Encoding: br in WARC records, through warcio's decompressor registry.

warcio registers brotli itself when the module imports, but against an older interface
(`decompress` and a settable `unused_data`) that brotli 1.2's Decompressor no longer has, so
every br record failed. This adapter gives warcio that interface over `process`, with a cap
on the output so a brotli bomb (a few kB inflating to gigabytes) cannot exhaust memory.
"""

from __future__ import annotations

import brotli
from warcio.bufferedreaders import BufferedReader

from cleaner.config import Limits

MAX_OUT = Limits().max_decompressed_bytes  # past the payload cap: the record is too_large


class BoundedBrotli:
    """warcio's decompressor interface over brotli.Decompressor; stops at `max_out` + 1
    bytes (one past the cap, so the reader sees the payload is too large)."""

    def __init__(self, max_out: int = MAX_OUT) -> None:
        self._inner = brotli.Decompressor()
        self.unused_data = b""  # warcio reads this; brotli never leaves data unused
        self.room = max_out + 1

    def decompress(self, data: bytes) -> bytes:
        if self.room <= 0:
            return b""
        out: bytes = self._inner.process(data, output_buffer_limit=self.room)
        out = out[: self.room]
        self.room -= len(out)
        return out

    def flush(self) -> bytes:
        return b""


def register() -> None:
    """Make warcio decode `br` with BoundedBrotli (idempotent)."""
    BufferedReader.DECOMPRESSORS["br"] = BoundedBrotli
