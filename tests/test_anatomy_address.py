"""Reader-address features: a line that speaks to the reader, told by pronouns, call-to-action
verbs and shape, and a short open line between two paragraphs; each on invented lines."""

from __future__ import annotations

import pytest

from cleaner.anatomy.address import address_features

PROSE_DE = "Der Rat hat am Dienstag mit großer Mehrheit ein neues Netz von Radwegen beschlossen."
PROSE_EN = "The council voted on Tuesday to build a new network of cycle lanes across the town."


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("Folgen Sie dem Stadtrat auf allen Kanälen", "de", {"you=short", "cta_flat"}),
        ("Abonnieren Sie unseren Newsletter", "de", {"you=short", "we=short", "cta_flat"}),
        ("Jetzt die App laden", "de", {"cta_flat"}),
        ("Sign up for breaking alerts", "en", {"cta_flat"}),
        ("Download the app, it is free", "en", {"cta"}),
        ("Why you can trust the Example Times", "en", {"you=short"}),
        ("I would like to get offers by email", "en", {"me=short"}),
        ("Suivez-nous sur les réseaux", "fr", {"we=short", "cta_flat"}),
        (PROSE_DE, "de", set()),
        (PROSE_EN, "en", set()),
        ("Sie sagte, der Plan sei gescheitert", "de", set()),  # "Sie" opening: she
        ("Folgen der Flut", "en", set()),  # a German noun read with English lists
    ],
)
def test_voice_of_a_line(line: str, language: str, expected: set[str]) -> None:
    feats = address_features([line], language)[0]
    assert set(feats) == expected


@pytest.mark.parametrize(
    ("middle", "lone"),
    [
        ("Ein Blick auf die Karte", True),
        ("Das Foto zeigt die neue Brücke am Fluss", True),
        ("Der Plan ist fertig.", False),  # a sentence: a short paragraph
        ("Ein Blick auf die Karte der Stadt mit allen Radwegen und allen Brücken am Fluss", False),
    ],
)
def test_short_open_line_between_paragraphs(middle: str, lone: bool) -> None:
    feats = address_features([PROSE_DE, middle, PROSE_DE], "de")
    assert ("lone_between_prose" in feats[1]) is lone
    assert "lone_between_prose" not in feats[0] + feats[2]


def test_lone_line_needs_prose_on_both_sides() -> None:
    feats = address_features(["Menü", "Ein Blick auf die Karte", PROSE_DE], "de")
    assert "lone_between_prose" not in feats[1]
