"""The token count of WEAK's words is the pattern's match count, on the lines where the two
could part: compound tokens, 'e-mail' spelt over two tokens, letters IGNORECASE folds oddly."""

from __future__ import annotations

import pytest

from cleaner.filters.stopwords import words
from cleaner.filters.vocabulary import WEAK, has_strong, weak_count

LINES = [
    "Teilen Drucken Merken",
    "E-Mail-Adresse, e-mail, x-e-mail, e-email und EMAIL",
    "video2 share_button Share! Videos",
    "ſhare İnstagram KONTAKT Menü MENÜ zurück",
    "Der Ausschuss tagte bis in den Abend.",
    "",
]


@pytest.mark.parametrize("line", LINES)
def test_weak_count_is_the_pattern_count(line: str) -> None:
    assert weak_count(line, words(line)) == len(WEAK.findall(line))


def test_weak_count_counts_e_mail_once() -> None:
    assert weak_count("Per E-Mail teilen", words("Per E-Mail teilen")) == 2


def test_has_strong() -> None:
    assert has_strong("Alle Rechte vorbehalten.")
    assert not has_strong("Der Ausschuss tagte bis in den Abend.")
