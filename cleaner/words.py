"""Words of a text: the quality gate's measure and the record's `word_count`, one count.

Whitespace separates words in most scripts; Chinese and Japanese put no spaces between
words, so there each Han, Hiragana or Katakana character counts as one word (as word
processors count them): a Japanese article of 300 characters is not "4 words" too short to keep.
"""

from __future__ import annotations

import re

_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def count_words(text: str) -> int:
    """Whitespace-separated words, each CJK character counted as a word of its own."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return unspaced + len(_UNSPACED.sub(" ", text).split())
