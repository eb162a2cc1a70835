"""A forward-only byte stream with look-ahead, push-back and bounded line reads.

The WARC framer reads records from it without trusting their lengths: it peeks past a record
to check the boundary, pushes bytes back when a Content-Length lied, and scans for the next
record in fixed memory. A read error from below ends the stream and is kept in `error`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cleaner.errors import Rejected


class ByteSource:
    """Bytes from an iterator of chunks; `offset` is the position of the next unread byte."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buf = bytearray()
        self.offset = 0
        self.exhausted = False
        self.error: Rejected | None = None  # why the stream ended early, if it did

    def _fill(self, size: int) -> None:
        while len(self._buf) < size and not self.exhausted:
            try:
                self._buf += next(self._chunks)
            except StopIteration:
                self.exhausted = True
            except Rejected as exc:  # corrupt or truncated compression, unreadable file
                self.exhausted, self.error = True, exc

    def at_end(self) -> bool:
        self._fill(1)
        return not self._buf

    def peek(self, size: int) -> bytes:
        self._fill(size)
        return bytes(self._buf[:size])

    def take(self, size: int) -> bytes:
        """Up to `size` bytes (fewer only at the end of the stream)."""
        self._fill(size)
        out = bytes(self._buf[:size])
        del self._buf[:size]
        self.offset += len(out)
        return out

    def skip(self, size: int, chunk: int = 1 << 20) -> int:
        """Drop `size` bytes without holding them; returns how many there were."""
        dropped = 0
        while dropped < size and not self.at_end():
            dropped += len(self.take(min(chunk, size - dropped)))
        return dropped

    def unread(self, data: bytes) -> None:
        self._buf[:0] = data
        self.offset -= len(data)

    def readline(self, limit: int) -> bytes | None:
        """One line with its newline (the rest at the end of the stream); None when the line
        is longer than `limit`, leaving the stream where it was."""
        searched = 0
        while True:
            found = self._buf.find(b"\n", searched)
            if found >= 0 and found < limit:
                return self.take(found + 1)
            if found >= 0 or len(self._buf) >= limit:
                return None
            if self.exhausted:
                return self.take(len(self._buf))
            searched = len(self._buf)
            self._fill(len(self._buf) + 1)

    def seek_to(self, marker: bytes, max_skip: int) -> Skip:
        """Drop bytes up to the next `marker`, looking at most `max_skip` bytes ahead."""
        skip = Skip()
        while True:
            found = self._buf.find(marker)
            if found >= 0:
                skip.found = True
                return self._drop(found, skip)
            if self.exhausted:
                return self._drop(len(self._buf), skip)
            keep = len(marker) - 1  # a marker may straddle two chunks
            if skip.dropped + len(self._buf) - keep > max_skip:
                return skip
            self._drop(max(0, len(self._buf) - keep), skip)
            self._fill(len(self._buf) + 1)

    def _drop(self, size: int, skip: Skip) -> Skip:
        skip.dropped += size
        skip.visible += len(self.take(size).translate(None, b" \t\r\n"))
        return skip


@dataclass
class Skip:
    """What `seek_to` passed over: bytes dropped, how many were not whitespace, and whether
    the marker was reached (else the stream ended or the look-ahead ran out)."""

    dropped: int = 0
    visible: int = 0
    found: bool = False
