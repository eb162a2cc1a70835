"""count_words: the gate's and the record's word count, for spaced and unspaced scripts."""

from __future__ import annotations

import pytest

from cleaner.words import count_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ein ganz normaler Satz.", 4),
        ("", 0),
        ("子どもへの虐待", 7),  # Han and Hiragana: one word a character
        ("NHK の ニュース 2024", 7),  # spaced tokens next to unspaced characters
        ("한국어 문장 입니다", 3),  # Korean is written with spaces: words as usual
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_a_japanese_article_passes_the_gate() -> None:
    from cleaner.api import clean_html
    from cleaner.document import Document

    text = "子どもへの虐待をなくすための法律ができました。親が子どもをたたくことは禁止です。"
    page = f"<html><body><article><h1>法律</h1><p>{text}</p></article></body></html>"
    doc = clean_html(page)
    assert isinstance(doc, Document), doc
    assert doc.to_record()["word_count"] == count_words(doc.text) > 10
