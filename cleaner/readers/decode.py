"""Bytes to text: BOM, UTF-16 without BOM, UTF-8 (also with a few broken bytes), the declared
charset (HTTP or <meta>) when it is ASCII-compatible, then detection.

German pages served as cp1252/latin-1 without a charset are common; they must come out with
correct umlauts, so detection runs before any lossy fallback. Binary data and bytes that fit
no encoding are rejected, never turned into text.
"""

from __future__ import annotations

import codecs
import functools
import re

from charset_normalizer import CharsetMatch, from_bytes

from cleaner.errors import Rejected

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"\x7fELF": "ELF executable",
    b"PK\x03\x04": "ZIP archive",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x1f\x8b": "gzip data",
    b"BZh": "bzip2 data",
    b"\xfd7zXZ": "xz data",
    b"RIFF": "RIFF media",
    b"OggS": "Ogg media",
    b"\x00\x00\x01\x00": "ICO image",
    b"wOFF": "web font",
}


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). Raises Rejected for binary or undecodable input."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding), encoding
    _refuse_binary(data)
    # UTF-16 goes first: ASCII in UTF-16 is also valid UTF-8, with a NUL in every other byte.
    found = _utf16(data) if _looks_utf16(data[:8192]) else None
    if found is None:
        # Then UTF-8, before any label: legacy text almost never forms valid multi-byte
        # UTF-8, while pages that declare a charset they do not use are common.
        text = _try(data, "utf-8") or _mostly_utf8(data)
        found = (text, "utf-8") if text is not None else _labelled(data, declared)
    return found or _detect(data)


def _labelled(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """Decode with the charset the server or the page declares, when it works."""
    for label in (declared, _meta_charset(data)):
        encoding = _prefer_cp1252(_canonical(label)) if label else None
        text = _try(data, encoding) if encoding and _ascii_compatible(encoding) else None
        if text is not None:
            return text, _canonical(encoding)
    return None


_PROBE = bytes(range(0x20, 0x7F)) + b"\t\n\r"


@functools.lru_cache(maxsize=64)
def _ascii_compatible(encoding: str) -> bool:
    """A label is only believed for encodings that read ASCII as ASCII, as browsers do: a
    page that found its own <meta> by an ASCII scan is not UTF-16, EBCDIC or UTF-7 (real
    UTF-16 has a BOM or NUL pattern, handled before), and escape codecs rewrite backslashes."""
    try:
        same = _PROBE.decode(encoding) == _PROBE.decode("ascii")
    except (LookupError, UnicodeDecodeError):
        return False
    return same and "escape" not in encoding


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary data, or None when it may be text."""
    head = data[:8]
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return name
    sample = data[:8192]
    if sample.count(0) > len(sample) // 100 and not _looks_utf16(sample):
        return "NUL bytes"
    return None


def _refuse_binary(data: bytes) -> None:
    kind = sniff_binary(data)
    if kind:
        raise Rejected("binary", kind)


def _looks_utf16(sample: bytes) -> bool:
    """UTF-16 without BOM: ASCII-range text puts a NUL in every other byte, and only there."""
    evens, odds = sample[0::2], sample[1::2]
    if not evens or not odds:
        return False
    even_nuls, odd_nuls = evens.count(0) / len(evens), odds.count(0) / len(odds)
    return (even_nuls > 0.4 and odd_nuls < 0.05) or (odd_nuls > 0.4 and even_nuls < 0.05)


def _utf16(data: bytes) -> tuple[str, str] | None:
    # The NULs sit in the high bytes: odd positions for little-endian, even for big-endian.
    sample = data[:8192]
    little = sample[1::2].count(0) > sample[0::2].count(0)
    encoding = "utf-16-le" if little else "utf-16-be"
    text = _try(data[: len(data) // 2 * 2], encoding)
    return (text, encoding) if text is not None and "\x00" not in text else None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut-off character, a stray byte) stays UTF-8.

    Text in a legacy 8-bit encoding almost never forms valid multi-byte UTF-8 sequences,
    so many valid ones and few invalid ones mean UTF-8 with damage, not another charset.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return text if broken and multibyte >= 4 * broken else None


def charset_of(content_type: str) -> str | None:
    """The charset parameter of a Content-Type header value, or None."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace")


def _canonical(encoding: str | None) -> str:
    try:
        return codecs.lookup(encoding or "utf-8").name
    except LookupError:
        return encoding or "utf-8"


def _detect(data: bytes) -> tuple[str, str]:
    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is None:
        _refuse_noise(data)
        # Mostly ASCII with stray bytes: cp1252 maps every byte but five, so it loses least.
        return data.decode("cp1252", errors="replace"), "cp1252"
    encoding = _prefer_cp1252(best.encoding)
    if any(_ties(match, best) and "cp1252" in match.could_be_from_charset for match in matches):
        encoding = "cp1252"  # cp1250 and cp1257 tie on German; cp1252 is the web's default
    return data.decode(encoding, errors="replace"), encoding


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
MIN_ASCII_SHARE = 0.8  # text in any Latin script is mostly ASCII; random bytes about 38%


def _refuse_noise(data: bytes) -> None:
    """No encoding fits and most bytes are not ASCII text: random, encrypted or packed data."""
    sample = data[:200_000]
    others = len(sample.translate(None, delete=_PRINTABLE_ASCII))
    if others > (1 - MIN_ASCII_SHARE) * len(sample):
        raise Rejected("undecodable", "no text encoding fits these bytes")


def _ties(match: CharsetMatch, best: CharsetMatch) -> bool:
    return match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.01


def _prefer_cp1252(encoding: str) -> str:
    """Latin-1 guesses are cp1252 in practice (web pages label both as iso-8859-1)."""
    return "cp1252" if encoding in _LATIN1_NAMES else encoding


_LATIN1_NAMES = frozenset({"latin_1", "latin-1", "iso8859-1", "iso8859_1", "iso-8859-1", "ascii"})


_SURROGATES = re.compile("[\ud800-\udfff]")


def ensure_text(text: str) -> str:
    """Refuse text that is empty or only whitespace; drop lone surrogates (str input may
    carry them, and the HTML parser and every encoder refuse them)."""
    try:  # the UTF-8 encoder refuses exactly them, at twice the speed of a regex scan
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATES.sub("", text)
    if not text.strip():
        raise Rejected("empty", "no characters other than whitespace")
    return text
