"""THE authors splitter: people only, from bylines and meta values of any outlet."""

from __future__ import annotations

import pytest

from cleaner.metadata.authors import looks_like_outlet, split_authors


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("Von Erika Muster und Max Beispiel", ["Erika Muster", "Max Beispiel"]),
        # a name never ends in its particle: a crosshead read as a byline names nobody
        ("Kritik von Seniorenrat", []),
        ("Lloret de", []),
        ("Ursula von der Leyen", ["Ursula von der Leyen"]),
        # the word that introduces a glued date goes with the date
        ("von Erika Muster am 29. Mai 2017, 14:14 Uhr", ["Erika Muster"]),
        ("By Jane Example on May 3, 2024", ["Jane Example"]),
        ("Ein Kommentar von Anna Beispiel", ["Anna Beispiel"]),
        ("Von unserem Redakteur Max Muster", ["Max Muster"]),
        ("By Jane Example, CNN", ["Jane Example"]),
        ("By Laura Example with AP", ["Laura Example"]),
        ("Von Anna Beispiel mit Material von dpa", ["Anna Beispiel"]),
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
        ("Marie Example · Citynews · Last Updated: August 27", ["Marie Example"]),
        ("STERN.de", []),
        ("n-tv NACHRICHTEN", []),
        ("Der Postillon", []),
        ("dpa", []),
        ("Tom May", ["Tom May"]),  # a month word as a surname, no date near it
        ("Stephanie Bazzle June", ["Stephanie Bazzle"]),
        ("By Dr. Vahid Muster - Mar 27, 2024", ["Dr. Vahid Muster"]),
        ("Liza Muster Marketing Director", ["Liza Muster"]),  # a job title ends the name
        ("Matt Muster Head Winemaker", ["Matt Muster"]),
        ("Written By Isabella Muster", ["Isabella Muster"]),
        ("Senior Editor Jane Example", ["Jane Example"]),
        ("By Example Editorial Team", []),  # a desk, not "Example Team"
    ],
)
def test_split_authors(byline: str, people: list[str]) -> None:
    assert split_authors(byline) == people


@pytest.mark.parametrize(
    ("field", "credited"),
    [
        ("Reuters", ["Reuters"]),  # an author field credits outlets, teams and handles too
        ("Great Day Editorial Team", ["Great Day Editorial Team"]),
        ("kirstin muster", ["kirstin muster"]),
        ("Jeffrey A. Muster CPP, PSP", ["Jeffrey A. Muster"]),  # credentials after the name
        ("Rebecca Muster, CEPF®", ["Rebecca Muster"]),
        ("Manoj Muster and Jag Beispiel, The Daily Example", ["Manoj Muster", "Jag Beispiel"]),
        ("Anna Beispiel, Max Muster", ["Anna Beispiel", "Max Muster"]),
        ("Supermove February 8, 2022", ["Supermove"]),
        ("Alyssa Maio", ["Alyssa Maio"]),
        ("undefined", []),
        ("a.b@example.org", []),
    ],
)
def test_split_author_fields(field: str, credited: list[str]) -> None:
    assert split_authors(field, named=True) == credited


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("n-tv NACHRICHTEN", True),
        ("Der Postillon", True),
        ("dpa", True),
        ("MDR THÜRINGEN", True),
        ("andrew.muster", True),  # a user handle
        ("Erika Muster", False),
        ("Swoogo", False),
    ],
)
def test_looks_like_outlet(name: str, outlet: bool) -> None:
    assert looks_like_outlet(name) is outlet
