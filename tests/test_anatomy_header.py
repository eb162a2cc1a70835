"""The head read by its layout (anatomy/header.py): which line is the headline, and which
head lines carry the date and the authors. Invented heads over an invented body."""

from __future__ import annotations

import pytest

from cleaner import clean_text
from cleaner.anatomy.header import header_roles
from cleaner.anatomy.roles import Role
from cleaner.document import Document

BODY_DE = [
    "Der Kreistag hat am Montag mit großer Mehrheit einen neuen Plan für Busse und Bahnen "
    "beschlossen. Er sieht vor, dass auch kleinere Orte künftig mindestens stündlich angefahren "
    "werden.",
    "Die Kosten von rund vier Millionen Euro im Jahr sollen sich Kreis und Gemeinden teilen. "
    "Die Opposition hatte eine stärkere Beteiligung des Landes gefordert.",
    "Der Plan tritt zum Fahrplanwechsel im Dezember in Kraft, sagte der Landrat nach der Sitzung.",
]
BODY_EN = [
    "The city council voted on Monday to extend late-night tram services on three lines, "
    "after a trial last winter drew more passengers than officials had expected.",
    "Trams will now run every 20 minutes until 2am on Fridays and Saturdays, at an estimated "
    "cost of about $1.2 million a year, the council said in a statement.",
    "Opponents argued the money would be better spent on repairing the ageing network, "
    "but the measure passed by eight votes to three.",
]
DECK = "Passenger numbers beat the forecasts of last winter's trial by a third"  # kept
MENU = ["Home", "News", "Sport", "Weather"]


def _cleaned(lines: list[str]) -> Document:
    doc = clean_text("\n".join(lines))
    assert isinstance(doc, Document)
    return doc


@pytest.mark.parametrize(
    ("head", "body", "title", "date", "authors"),
    [
        pytest.param(
            [
                "Stand: 03.04.2025 08:10 Uhr",
                "Kreistag beschließt neuen Nahverkehrsplan für die Region",
            ],
            BODY_DE,
            "Kreistag beschließt neuen Nahverkehrsplan für die Region",
            "2025-04-03",
            [],
            id="date-line-over-headline",
        ),
        pytest.param(
            [
                *MENU,
                "Council extends late-night tram services on three lines",
                "By transport correspondent Tom Sample",
                "Published 4 June 2024",
            ],
            BODY_EN,
            "Council extends late-night tram services on three lines",
            "2024-06-04",
            ["Tom Sample"],
            id="byline-with-role-words",
        ),
        pytest.param(
            [
                *MENU,
                "Council extends late-night tram services on three lines",
                DECK,
                "Clara Muster",
                "Friday 14 June 2024 10:00 BST",
            ],
            BODY_EN,
            "Council extends late-night tram services on three lines",
            "2024-06-14",
            ["Clara Muster"],
            id="name-alone-over-date",
        ),
        pytest.param(
            [
                "Citynews",
                "Jun 3, 2024 - Transport",
                "Council extends late-night tram services on three lines",
                "By Sam Sample",
            ],
            BODY_EN,
            "Council extends late-night tram services on three lines",
            "2024-06-03",
            ["Sam Sample"],
            id="date-line-over-headline-en",
        ),
        pytest.param(
            [
                "The Citizen",
                *MENU,
                "Council extends late-night tram services on three lines",
                "by Tom Sample - 06/14/24 3:22 PM ET",
            ],
            BODY_EN,
            "Council extends late-night tram services on three lines",
            "2024-06-14",
            ["Tom Sample"],
            id="a-byline-carrying-the-date",
        ),
        pytest.param(
            [
                *MENU,
                "Kreistag beschließt neuen Nahverkehrsplan für die Region",
                "Erika Muster 03.04.2025 - 08:10 Uhr",
            ],
            BODY_DE,
            "Kreistag beschließt neuen Nahverkehrsplan für die Region",
            "2025-04-03",
            ["Erika Muster"],
            id="a-date-line-opened-by-a-name-without-separator",
        ),
        pytest.param(
            [
                *MENU,
                "Council extends late-night tram services on three lines",
                "Thursday June 13, 2024",
            ],
            BODY_EN,
            "Council extends late-night tram services on three lines",
            "2024-06-13",
            [],
            id="a-weekday-and-month-name-nobody",
        ),
        pytest.param(
            [
                *MENU,
                "Council extends late-night tram services on three lines",
                "Social Sharing",
                "Tom Sample · Citynews · Posted: Jun 14, 2024 4:00 AM | Last Updated: June 14",
            ],
            BODY_EN,
            "Council extends late-night tram services on three lines",
            "2024-06-14",
            ["Tom Sample"],
            id="a-date-line-led-by-its-byline",
        ),
    ],
)
def test_head_fields(
    head: list[str], body: list[str], title: str, date: str, authors: list[str]
) -> None:
    doc = _cleaned(head + body)
    assert (doc.title, (doc.date or "")[:10], doc.authors) == (title, date, authors)
    assert doc.lines == [line for line in head if line == DECK] + body


HEAD = ["Home", "The woman who brought the old mill back to life"]
DATE = "14 June 2024"


@pytest.mark.parametrize(
    ("name", "first_line", "role"),
    [
        ("Greta Example", BODY_EN[0], "byline"),
        ("Greta Example", "Greta Example has spent ten years restoring the old mill.", "boiler"),
    ],
)
def test_a_name_over_the_date_line_is_a_byline(name: str, first_line: str, role: Role) -> None:
    """...unless the body's first line speaks of that name: then it is the subject."""
    lines = [*HEAD, name, DATE, first_line]
    roles: list[Role] = ["boiler", "headline", "boiler", "date", "body"]
    assert header_roles(lines, roles)[2] == role


@pytest.mark.parametrize(
    ("name", "first_line", "role"),
    [
        ("Greta Example", BODY_EN[0], "byline"),
        ("Greta Example", "Greta Example has spent ten years restoring the old mill.", "boiler"),
    ],
)
def test_a_name_under_the_date_line_is_a_byline(name: str, first_line: str, role: Role) -> None:
    """The same layout the other way round: the date line, then the name alone."""
    lines = [*HEAD, DATE, name, first_line]
    roles: list[Role] = ["boiler", "headline", "date", "boiler", "body"]
    assert header_roles(lines, roles)[3] == role


def test_the_deck_under_the_models_headline_is_kept() -> None:
    lines = [HEAD[1], DECK + ".", "Greta Example", DATE, BODY_EN[0]]
    roles: list[Role] = ["headline", "boiler", "byline", "date", "body"]
    assert header_roles(lines, roles)[1] == "standfirst"


def test_a_short_first_line_kept_far_above_the_body_is_the_masthead() -> None:
    lines = ["The Citizen", *MENU, HEAD[1], "By Tom Sample", BODY_EN[0], BODY_EN[1]]
    roles: list[Role] = ["body", *["boiler"] * len(MENU), "boiler", "byline", "body", "body"]
    out = header_roles(lines, roles)
    assert (out[0], out[len(MENU) + 1]) == ("boiler", "headline")


def test_a_headline_kept_as_the_bodys_first_line_under_the_date() -> None:
    lines = ["News provided by", "Mar 12, 2024, 08:00 ET", HEAD[1], BODY_EN[0], BODY_EN[1]]
    roles: list[Role] = ["boiler", "date", "body", "body", "body"]
    assert header_roles(lines, roles)[2:] == ["headline", "body", "body"]


def test_a_headline_printed_twice_and_kept_is_the_headline() -> None:
    lines = [HEAD[1], HEAD[1], BODY_EN[0], BODY_EN[1]]
    roles: list[Role] = ["body", "body", "body", "body"]
    assert header_roles(lines, roles) == ["headline", "headline", "body", "body"]


def test_the_deck_over_the_byline_may_be_shorter_than_its_headline() -> None:
    deck = "Late trams now run every 20 minutes at weekends"
    lines = [*MENU, HEAD[1] + " after a trial", deck, "Clara Muster", DATE, BODY_EN[0]]
    roles: list[Role] = [*["boiler"] * (len(MENU) + 2), "byline", "date", "body"]
    out = header_roles(lines, roles)
    assert out[len(MENU) : len(MENU) + 2] == ["headline", "standfirst"]


def test_a_credit_line_is_no_headline_and_its_caption_lands_in_captions() -> None:
    caption = "Commuters wait for a late tram at the central station on Monday."
    credit = "(Jane Sample / The Citizen)"
    doc = _cleaned(
        [
            *MENU,
            "Council extends late-night tram services on three lines",
            caption,
            credit,
            "By Tom Sample",
            "June 14, 2024",
            *BODY_EN,
        ]
    )
    assert (doc.title, doc.authors, doc.lines) == (
        "Council extends late-night tram services on three lines",
        ["Tom Sample"],
        BODY_EN,
    )
    assert doc.captions == [caption, credit]
