"""Cut an uncompressed WARC stream into records without trusting it.

Every record header is read with bounded lines, every Content-Length is checked against the
record boundary that must follow it, and after any damage the framer scans on (in fixed
memory, linear time) to the next "WARC/" record start. So a lying Content-Length costs one
record, not the rest of the file, and every problem comes out as a `RawRecord` with a reason
instead of ending the file in silence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from cleaner.errors import Reason
from cleaner.readers.bytesource import ByteSource

RECORD_START = b"WARC/"
BOUNDARY = b"\nWARC/1."  # where a record really starts, found inside a too-long record
MAX_HEADER_LINE = 64 * 1024  # a WARC header line; real ones are URLs, a few kB at most
MAX_HEADER_LINES = 1000
MAX_HEADER_BYTES = 1 << 20  # all header lines of one record together
MAX_GAP = 8  # newline bytes between records: two CRLFs by the standard, a few more seen
PEEK_BYTES = 8192  # of a record too large to read: its HTTP headers, to tell its type
TRUNCATED = "WARC record is truncated"
GZIP_TRUNCATED = "gzip data is truncated"  # what iter_gunzip says; the cut record tells it

Problem = tuple[Reason, str]  # (reject reason, detail)


@dataclass
class RawRecord:
    """One record as framed: its WARC headers (names lower-cased), the raw header block and
    content block for warcio to parse, or the problem that stands in for it."""

    offset: int  # of the record (or the damage) in the uncompressed stream
    headers: dict[str, str] = field(default_factory=dict)
    head: bytes = b""
    block: bytes = b""
    problem: Problem | None = None


@dataclass(frozen=True)
class FrameLimits:
    max_block: int  # a larger record is skipped unread and rejected as too_large
    max_garbage: int  # bytes scanned for the next record before giving the file up


def iter_records(src: ByteSource, limits: FrameLimits) -> Iterator[RawRecord]:
    """Records in stream order, damage included; stops at the end or at unreadable bytes."""
    quiet_skip = False  # the bytes after a record cut short are its own, already reported
    while True:
        start = src.offset
        skip = src.seek_to(RECORD_START, limits.max_garbage)
        gave_up = not (skip.found or src.at_end())  # the look-ahead ran out: say so always
        if (skip.visible and not quiet_skip) or gave_up:
            yield RawRecord(start, problem=_garbage(skip.dropped, skip.found, gave_up))
        if not skip.found:
            break
        record = _read_record(src, limits)
        yield record
        if record.problem is not None and record.problem[1] == TRUNCATED:
            break
        quiet_skip = record.problem is not None
    if src.error is not None and src.error.detail != GZIP_TRUNCATED:
        yield RawRecord(src.offset, problem=(src.error.reason, src.error.detail))


def _garbage(size: int, found: bool, gave_up: bool) -> Problem:
    if gave_up:
        return ("bad_archive", f"no WARC record in {size} bytes; the rest of the file is not read")
    where = "before the next record" if found else "at the end of the file"
    return ("bad_archive", f"{size} bytes that are not a WARC record {where}")


def _read_record(src: ByteSource, limits: FrameLimits) -> RawRecord:
    offset = src.offset
    head = _read_head(src)
    if isinstance(head, tuple):
        src.take(1)  # past this "WARC/", so the scan finds the next one
        return RawRecord(offset, problem=head)
    headers = _parse_headers(head)
    record = RawRecord(offset, headers, head)
    length = headers.get("content-length", "")
    if not length.isdigit():
        src.take(1)
        record.problem = ("bad_archive", f"record has no valid Content-Length ({length!r})")
        return record
    return _read_block(src, record, int(length), limits)


def _read_head(src: ByteSource) -> bytes | Problem:
    """The header block up to and including its blank line, within the size bounds."""
    lines: list[bytes] = []
    size = 0
    for _ in range(MAX_HEADER_LINES):
        line = src.readline(MAX_HEADER_LINE)
        if line is None or size > MAX_HEADER_BYTES:
            src.unread(b"".join(lines))
            bound = (
                f"{MAX_HEADER_LINE} bytes a line" if line is None else f"{MAX_HEADER_BYTES} bytes"
            )
            return ("too_large", f"WARC record header over {bound}")
        lines.append(line)
        size += len(line)
        if not line.strip():
            return b"".join(lines) if line else _truncated_head(src, lines)
    src.unread(b"".join(lines))
    return ("bad_archive", f"record header has more than {MAX_HEADER_LINES} lines")


def _truncated_head(src: ByteSource, lines: list[bytes]) -> Problem:
    src.unread(b"".join(lines))
    return ("bad_compression", TRUNCATED)


def _parse_headers(head: bytes) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in head.decode("utf-8", "replace").splitlines()[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers.setdefault(name.strip().lower(), value.strip())
    return headers


def _read_block(src: ByteSource, record: RawRecord, length: int, limits: FrameLimits) -> RawRecord:
    if length > limits.max_block:
        record.block = src.peek(PEEK_BYTES)  # enough to tell whether it was a page
        skipped = src.skip(length)
        truncated = skipped < length
        record.problem = ("bad_compression", TRUNCATED) if truncated else _too_large(length)
        return record
    record.block = src.take(length)
    if len(record.block) == length and _boundary_follows(src):
        return record
    inside = record.block.find(BOUNDARY)
    if inside >= 0:  # the Content-Length was too long: the next record starts in the block
        src.unread(record.block[inside + 1 :])
        record.block = record.block[:inside]
    elif len(record.block) < length:
        record.problem = ("bad_compression", TRUNCATED)
        return record
    record.problem = ("bad_archive", "Content-Length does not match the record boundary")
    return record


def _too_large(length: int) -> Problem:
    return ("too_large", f"WARC record of {length} bytes")


def _boundary_follows(src: ByteSource) -> bool:
    """After a record: its blank lines, then the next record or the end of the stream. The
    standard terminator (CRLF CRLF) is enough: junk after it is reported on its own."""
    ahead = src.peek(MAX_GAP + len(RECORD_START))
    if ahead.startswith(b"\r\n\r\n"):
        return True
    rest = ahead.lstrip(b"\r\n")
    if len(ahead) - len(rest) > MAX_GAP:
        return False
    at_end = src.peek(len(ahead) + 1) == ahead
    # the end of the stream, even one that cuts the next record's first bytes, is a boundary
    return rest.startswith(RECORD_START) or (at_end and RECORD_START.startswith(rest))
