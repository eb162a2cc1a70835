"""Open output files by name: `.gz` is gzip, `.zst`/`.zstd` is zstd, anything else is plain.

Appending to a compressed file adds a new gzip member or zstd frame; readers of both formats
read concatenated members as one stream, which is what lets `--resume` append.
"""

from __future__ import annotations

import gzip
import io
from typing import IO, cast

from cleaner.errors import OutputError

ZSTD_SUFFIXES = (".zst", ".zstd")


def compression_of(path: str) -> str | None:
    """ "gzip", "zstd" or None, from the file name alone."""
    name = path.lower()
    if name.endswith(".gz"):
        return "gzip"
    if name.endswith(ZSTD_SUFFIXES):
        return "zstd"
    return None


def open_write(path: str, append: bool = False) -> IO[bytes]:
    """A binary stream that compresses as the name says."""
    mode = "ab" if append else "wb"
    kind = compression_of(path)
    if kind == "gzip":
        return cast(IO[bytes], _GzipOut(open(path, mode)))  # closed with it
    if kind == "zstd":
        return _zstd(path, mode, write=True)
    return open(path, mode)


def open_read(path: str) -> IO[bytes]:
    """A binary stream that decompresses as the name says."""
    kind = compression_of(path)
    if kind == "gzip":
        return cast(IO[bytes], gzip.open(path, "rb"))
    if kind == "zstd":
        return _zstd(path, "rb", write=False)
    return open(path, "rb")


class _GzipOut(gzip.GzipFile):
    """gzip with no file name and no time in the header: the same records give the same
    bytes (gzip.open stores both). Closes the file it writes to."""

    def __init__(self, raw: IO[bytes]) -> None:
        # level 6: most of level 9's ratio at a fraction of its cost on JSON text
        super().__init__(filename="", mode=raw.mode, compresslevel=6, fileobj=raw, mtime=0)
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def _zstd(path: str, mode: str, write: bool) -> IO[bytes]:
    try:
        import zstandard
    except ImportError:
        raise OutputError(
            f"{path}: zstd needs the zstandard package (pip install 'cleaner[zstd]')"
        ) from None
    raw = open(path, mode)  # noqa: SIM115  (closed with the zstd stream)
    if write:
        stream: IO[bytes] = zstandard.ZstdCompressor(level=3).stream_writer(raw, closefd=True)
        return stream
    reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True)
    return io.BufferedReader(reader)  # the zstd reader has no readline: iterate the buffer
