"""Normalise text before the filters: NFC, spaces, invisible characters, mojibake, lines.

Every later step sees a list of clean lines: stripped, inner whitespace collapsed to one
space, no empty lines. Paragraph boundaries are the line boundaries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

# Characters that carry no text: soft hyphen, zero-width space/joiners, word joiner, BOM.
# (A regex deletes them: str.translate with a table walks every character in Python's slow
# path, about 1 ms on a 10,000-character page.)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# C0/C1 controls, and lone surrogates (from str input or surrogateescape) that no encoder takes.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# UTF-8 read as cp1252/latin-1 ("Ã¼"), or C1 controls: cp1252 punctuation read as latin-1.
_MOJIBAKE_HINT = re.compile(
    "[ÃÂâ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u017d\u017e\u0178]|[\u0080-\u009f]"
)


@cache
def _ftfy() -> tuple[Callable[..., str], object]:
    """ftfy and its settings, imported on the first text that needs repair (start-up time)."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,  # entities in plain text are left for the HTML extractor
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        normalization="NFC",
        explain=False,
    )
    return ftfy.fix_text, config


def repair_mojibake(text: str) -> str:
    """UTF-8 read as cp1252/latin-1 ("Ã¼", "doesnâ\x80\x99t") put back, where a hint of it
    is found (ftfy's repair costs time on every text it is asked about)."""
    if _MOJIBAKE_HINT.search(text):
        fix_text, config = _ftfy()
        return fix_text(text, config)
    return text


def normalize(text: str) -> str:
    """Repair and normalise a whole text; lines kept, each cleaned of stray spacing."""
    text = repair_mojibake(_NEWLINES.sub("\n", text))
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    text = _CONTROL.sub("", text).replace("\ufffd", "")
    return text


def clean_line(line: str) -> str:
    """One line with runs of whitespace folded to a single space."""
    return _SPACES.sub(" ", line).strip()


def to_lines(text: str) -> list[str]:
    """Normalised, non-empty lines of a text."""
    cleaned = (line.strip() for line in _single_spaced(normalize(text)).split("\n"))
    return [line for line in cleaned if line]


def _single_spaced(text: str) -> str:
    """clean_line's substitution, once over the whole text (a run of spaces holds no newline,
    so none crosses a line), and only where a run is not a lone " " (most texts have none)."""
    if "  " in text or _ODD_SPACE.search(text):
        return _SPACES.sub(" ", text)
    return text
