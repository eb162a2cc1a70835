"""A table of contents (headings listed before the body and repeated as its crossheads) goes;
the crossheads stay."""

from __future__ import annotations

import pytest

from cleaner import clean_text
from cleaner.anatomy.contents import contents_roles, list_roles, teaser_roles
from cleaner.anatomy.roles import Role

HEADS = ["So funktioniert die neue Regel", "Wer profitiert", "Was Kritiker sagen"]
PARA = "Die Stadt hat am Montag eine neue Regel für den Verkehr in der Innenstadt beschlossen."


def test_the_listed_run_goes_and_the_crossheads_stay() -> None:
    lines = [*HEADS, PARA, HEADS[0], PARA, HEADS[1], PARA, HEADS[2], PARA]
    roles: list[Role] = ["body"] * len(lines)
    out = contents_roles(lines, roles)
    assert out[:3] == ["boiler"] * 3 and set(out[3:]) == {"body"}
    kept = [line for line, role in zip(lines, out, strict=True) if role == "body"]
    assert contents_roles(kept, ["body"] * len(kept)) == ["body"] * len(kept)  # idempotent


def test_one_repeated_heading_or_repeated_sentences_stay() -> None:
    lines = [HEADS[0], PARA, HEADS[0], PARA, "Er sagte: Ja.", "Er sagte: Ja.", "Er sagte: Ja."]
    assert contents_roles(lines, ["body"] * len(lines)) == ["body"] * len(lines)


def test_lines_the_model_cut_are_left_as_they_are() -> None:
    lines = [*HEADS, PARA, *HEADS]
    roles: list[Role] = ["boiler", "body", "body", "body", "body", "body", "body"]
    assert contents_roles(lines, roles) == [
        "boiler",
        "boiler",
        "boiler",
        "body",
        "body",
        "body",
        "body",
    ]


def test_a_text_with_a_table_of_contents_cleans_to_its_body() -> None:
    """End to end (the model and this step together): the list goes, the crossheads stay."""
    body = [
        "Die Stadt hat am Montag eine neue Regel für den Verkehr in der Innenstadt beschlossen, "
        "die von Juli an gelten soll und vor allem den Lieferverkehr am Morgen betrifft.",
        HEADS[0],
        "Lieferwagen dürfen künftig nur noch bis zehn Uhr in die Fußgängerzone fahren, danach "
        "gilt ein Verbot, das die Stadt mit Kameras an den Zufahrten überwachen will.",
        HEADS[1],
        "Vor allem Fußgänger und Radfahrer sollen von der Regel profitieren, sagte die "
        "Bürgermeisterin, die sich seit Jahren für eine ruhigere Innenstadt einsetzt.",
    ]
    title = "Neue Regel für die Innenstadt beschlossen"
    doc = clean_text("\n".join([title, "Auf dieser Seite:", HEADS[0], HEADS[1], *body]))
    assert doc.ok and doc.text == "\n".join(body)  # type: ignore[union-attr]
    assert doc.title == title  # type: ignore[union-attr]


TEASERS = [
    "Farmers in Poland block border crossings over grain imports",
    "France's farmers end blockades after promises of more aid",
]


def test_a_run_of_headlines_under_a_cut_label_inside_the_body_goes() -> None:
    lines = [PARA, "RELATED COVERAGE", *TEASERS, PARA]
    roles: list[Role] = ["body", "boiler", "body", "body", "body"]
    assert teaser_roles(lines, roles) == ["body", "boiler", "boiler", "boiler", "body"]


@pytest.mark.parametrize(
    ("lines", "roles"),
    [
        ([PARA, "Anzeige", TEASERS[0], PARA], ["body", "boiler", "body", "body"]),  # a crosshead
        ([PARA, "Mehr", *TEASERS], ["body", "boiler", "body", "body"]),  # no prose after it
        (["Share", "Mehr", *TEASERS, PARA], ["boiler", "boiler", "body", "body", "body"]),  # header
        ([PARA, *TEASERS, PARA], ["body", "body", "body", "body"]),  # no label: crossheads
    ],
)
def test_headlines_that_are_not_a_teaser_box_stay(lines: list[str], roles: list[Role]) -> None:
    assert teaser_roles(lines, roles) == roles


@pytest.mark.parametrize(
    ("run", "roles", "kept"),
    [
        (["- Montag: Ruhetag", "- Dienstag: 5 km locker"], ["boiler", "boiler"], True),
        (["• Pro: günstig", "• Contra: langsam"], ["boiler", "boiler"], True),
        (["- Montag: Ruhetag", "Mehr zum Thema"], ["boiler", "boiler"], False),  # not all items
        (["- Weitere Artikel", "- Impressum"], ["boiler", "boiler"], True),  # between body lines
    ],
)
def test_bulleted_items_cut_between_body_lines_are_its_list(
    run: list[str], roles: list[Role], kept: bool
) -> None:
    lines = [PARA, *run, PARA]
    out = list_roles(lines, ["body", *roles, "body"])
    assert out[1:-1] == (["body"] * len(run) if kept else roles)


def test_bulleted_items_after_the_body_stay_cut() -> None:
    lines = [PARA, "- Impressum", "- Datenschutz"]
    roles: list[Role] = ["body", "boiler", "boiler"]
    assert list_roles(lines, roles) == roles
