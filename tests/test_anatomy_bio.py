"""The author's bio at the article's end (anatomy/bio.py): cut when it opens with the byline's
name and says what the author is or does; a last sentence that names the author otherwise,
or a bio-shaped line above more text, stays. Invented lines."""

from __future__ import annotations

import pytest

from cleaner import clean_text
from cleaner.anatomy.bio import bio_roles
from cleaner.anatomy.roles import Role
from cleaner.document import Document
from tests.test_anatomy_header import BODY_EN

PROSE = "Der Rat hat am Dienstag mit großer Mehrheit ein neues Netz von Radwegen beschlossen."
HEAD: list[Role] = ["headline", "byline", "body", "body"]


@pytest.mark.parametrize(
    ("byline", "last", "bio"),
    [
        ("By Jane Example", "Jane Example is a transport reporter for the Daily Sample.", True),
        ("By Jane Example", "Jane Example, a transport reporter, covers trams.", True),
        ("Von Erika Muster", "Erika Muster ist Redakteurin im Ressort Region.", True),
        ("By Jane Example", "Jane Example said the trams would run again on Monday.", False),
        ("By Jane Example", "Tom Sample is the council's transport officer.", False),
        ("Von Erika Muster", "Muster ist Redakteurin im Ressort Region.", False),  # one word
    ],
)
def test_the_last_line_is_cut_when_it_is_the_authors_bio(byline: str, last: str, bio: bool) -> None:
    out = bio_roles(["Titel", byline, PROSE, last], HEAD)
    assert out[:3] == HEAD[:3] and (out[3] == "boiler") is bio


def test_a_bio_shaped_line_above_more_text_stays() -> None:
    lines = ["Titel", "By Jane Example", "Jane Example is on the tram.", PROSE]
    assert bio_roles(lines, HEAD) == HEAD


def test_without_a_byline_nothing_is_a_bio() -> None:
    lines = ["Titel", PROSE, PROSE, "Jane Example is a transport reporter."]
    roles: list[Role] = ["headline", "body", "body", "body"]
    assert bio_roles(lines, roles) == roles


def test_the_cleaned_text_ends_before_the_bio_and_keeps_the_author() -> None:
    bio = "Jane Example is a transport reporter for the Daily Sample, covering trams."
    text = "\n".join(["Council extends late-night tram services", "By Jane Example", *BODY_EN, bio])
    doc = clean_text(text)
    assert isinstance(doc, Document)
    assert bio not in doc.text and BODY_EN[-1] in doc.text and doc.authors == ["Jane Example"]
