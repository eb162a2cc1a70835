"""Headline lines at the top of extracted text: the title, often glued to its kicker.

Extractors keep the page's <h1> (or a teaser headline above it) as the first lines of the
body, in forms a plain comparison with the title misses: "Kicker Title" with the colon lost
in markup, "Kicker:Title", "Title | programme name". We compare letters and digits only, so
spacing and punctuation do not matter, and cut such lines from the first few.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[\W_]+")
HEAD_LINES = 4  # headline furniture sits above the lead; deeper lines are body text
MIN_KEY = 12  # a headline shorter than this could be an ordinary sentence fragment
MAX_EXTRA = 80  # a kicker or a programme name added to the headline is short


# ASCII bytes that are not letters or digits: an ASCII text's key by one bytes.translate,
# several times faster than the regex (most English text, and every page's markup words)
_ASCII_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


def key(text: str) -> str:
    """Letters and digits only, casefolded."""
    if text.isascii():
        return text.lower().encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    folded = unicodedata.normalize("NFC", text.casefold())
    # ASCII punctuation and spaces out first (UTF-8 keeps other characters' bytes >= 128):
    # the regex then has few matches left, and none at all in mostly-ASCII text (half the time)
    kept = folded.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_ALNUM)
    rest = kept.decode("utf-8", "surrogatepass")
    return rest if rest.isascii() else _NOT_ALNUM.sub("", rest)


def is_headline(line: str, headline_keys: set[str]) -> bool:
    """The line is a headline, or a headline with a short kicker before or label after it."""
    line_key = key(line)
    for head in headline_keys:
        if line_key == head:
            return True
        extra = len(line_key) - len(head)
        if 0 < extra <= MAX_EXTRA and (line_key.endswith(head) or _labelled(line, line_key, head)):
            return True
    return False


def _labelled(line: str, line_key: str, head: str) -> bool:
    """'Title | wdr aktuell': the headline then a label; a sentence ending in a full stop that
    merely starts with the headline's words is body text."""
    return line_key.startswith(head) and not line.rstrip().endswith((".", "!", "?", '"', "“"))


def drop_headlines(lines: list[str], headlines: list[str]) -> tuple[list[str], list[str]]:
    """(kept lines, cut lines): headline lines among the first HEAD_LINES are cut."""
    keys = {k for k in map(key, headlines) if len(k) >= MIN_KEY}
    if not keys:
        return lines, []
    cut = [i for i, line in enumerate(lines[:HEAD_LINES]) if is_headline(line, keys)]
    kept = [line for i, line in enumerate(lines) if i not in cut]
    return kept, [lines[i] for i in cut]


def kicker_from(cut: list[str], title: str | None) -> str | None:
    """'Verkehrswende Stadtrat beschließt ...' over the title 'Stadtrat beschließt ...': the
    words before the title in a cut headline line are its kicker (spans lose the colon)."""
    if not title:
        return None
    words = title.split()
    for line in cut:
        parts = line.split()
        if len(parts) > len(words) and key(" ".join(parts[-len(words) :])) == key(title):
            kicker = " ".join(parts[: -len(words)]).strip(" :-–—|")
            return kicker or None
    return None
