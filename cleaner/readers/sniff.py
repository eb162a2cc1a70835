"""The kind of an input from its first bytes, for files whose name does not say it.

Explicit files of any extension (`a.php`, `.shtml`, a wget mirror's `index`) and stdin are
read; what they hold decides how: a WARC, an HTML page, or plain text.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from cleaner.readers.compression import GZIP_MAGIC
from cleaner.readers.files import InputKind

HEAD_BYTES = 64 * 1024  # enough for any page's doctype, <html> or <head>
_WARC = (b"WARC/",)
# markup that only HTML starts with; a text that quotes a tag later on stays text
_HTML = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_TAGS = re.compile(rb"<(?:p|div|article|br|a\s+href|script|table)\b", re.I)
_MIN_TAGS = 3  # a fragment without <html>: this many block tags make it a page


def sniff(head: bytes) -> InputKind:
    """The kind of an input that starts with `head` (gzipped or not)."""
    head = _gunzip_head(head) if head.startswith(GZIP_MAGIC) else head
    head = head.removeprefix(b"\xef\xbb\xbf")
    if head.startswith(_WARC):
        return "warc"
    if _HTML.match(head) or len(_TAGS.findall(head)) >= _MIN_TAGS:
        return "html"
    return "text"


def sniff_file(path: Path) -> InputKind:
    """The kind of a file from its first bytes; an unreadable file is "text" (its read
    will reject it with the reason)."""
    try:
        with path.open("rb") as handle:
            return sniff(handle.read(HEAD_BYTES))
    except OSError:
        return "text"


def _gunzip_head(data: bytes) -> bytes:
    """The first bytes of a gzip stream, however much more it holds (never a bomb)."""
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data, HEAD_BYTES)
    except zlib.error:
        return data
