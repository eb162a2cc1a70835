"""THE authors splitter: people only, from bylines and meta values of any outlet."""

from __future__ import annotations

import pytest

from cleaner.metadata.authors import split_authors


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("Von Erika Muster und Max Beispiel", ["Erika Muster", "Max Beispiel"]),
        ("Ein Kommentar von Anna Beispiel", ["Anna Beispiel"]),
        ("Von unserem Redakteur Max Muster", ["Max Muster"]),
        ("By Jane Example, CNN", ["Jane Example"]),
        ("von Anna Beispiel, MDR SACHSEN", ["Anna Beispiel"]),
        ("FOCUS-online-Redakteurin Anna Beispiel", ["Anna Beispiel"]),
        ("Stephanie Bazzle June 3, 2024", ["Stephanie Bazzle"]),
        ("Max Muster (obe)", ["Max Muster"]),
        ("By JANE EXAMPLE", ["Jane Example"]),
        ("Anna Beispiel, Max Muster", ["Anna Beispiel", "Max Muster"]),
        ("Von, Anna Beispiel, Max Muster", ["Anna Beispiel", "Max Muster"]),
        ("Par Jean-Luc de la Muster", ["Jean-Luc de la Muster"]),
        ("Di Marco Esempio e Giulia Prova", ["Marco Esempio", "Giulia Prova"]),
        ("Anna BeispielMax Muster Paul Probe", ["Anna Beispiel", "Max Muster Paul Probe"]),
        ("Seb Dumitru, Lille", ["Seb Dumitru"]),
        ("Ronald MacDonald", ["Ronald MacDonald"]),
        ("STERN.de", []),
        ("n-tv NACHRICHTEN", []),
        ("Der Postillon", []),
        ("dpa", []),
    ],
)
def test_split_authors(byline: str, people: list[str]) -> None:
    assert split_authors(byline) == people
