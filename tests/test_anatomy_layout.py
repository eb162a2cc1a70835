"""Layout features, standfirst labelling and honest roles: the pieces the role model's
standfirst and furniture decisions rest on, each on a few invented lines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cleaner.anatomy.apply import _page_title
from cleaner.anatomy.grammar import ends_with_credit
from cleaner.anatomy.header import header_roles
from cleaner.anatomy.honest import honest_roles
from cleaner.anatomy.layout import layout_features
from cleaner.anatomy.roles import KEEP, Role

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from training.align_roles import mark_standfirst, unknown_lead

PROSE = "Der Rat hat am Dienstag mit großer Mehrheit ein neues Netz von Radwegen beschlossen."
TOC = ["So funktioniert die neue Schaltung", "Radfahrer sollen davon profitieren"]


def _feats(lines: list[str], block: tuple[int, int] = (0, 0)) -> list[list[str]]:
    return layout_features(lines, "de", block)


def test_prose_reports_its_side_of_the_body_block() -> None:
    feats = _feats(["Menü", PROSE, PROSE + " Ja.", "Impressum", "x", "y", "z", PROSE], (2, 2))
    assert "prose_at=before" in feats[1] and "prose_at=in" in feats[2]
    assert "prose_at=far" in feats[7] and not any(f.startswith("prose") for f in feats[0])


def test_headline_above_a_byline() -> None:
    feats = _feats(["Neue Radwege beschlossen in der Stadt", "Von Erika Muster", PROSE])
    assert "above_byline" in feats[0] and "above_byline" not in feats[2]


def test_the_deck_between_headline_and_byline_is_the_standfirst() -> None:
    labels = ["boiler", "headline", "body", "byline", "date", "body", "body"]
    mark_standfirst(labels)
    assert labels[2] == "standfirst" and labels[5:] == ["body", "body"]


def test_a_first_run_without_header_lines_after_it_stays_body() -> None:
    labels = ["headline", "body", "body", "boiler", "body"]
    mark_standfirst(labels)
    assert "standfirst" not in labels


def test_lead_lines_a_truth_leaves_out_are_not_trained_on() -> None:
    lines = ["Headline here", "A deck of the article that the truth of this set leaves out.", PROSE]
    assert unknown_lead(lines, ["headline", "boiler", "body"]) == {1}
    assert unknown_lead(["Share", PROSE], ["boiler", "body"]) == set()


def test_a_byline_that_names_nobody_is_furniture() -> None:
    roles: list[Role] = ["byline", "headline", "byline", "body"]
    out = honest_roles(["Supported by", "Titel", "Von Erika Muster", PROSE], roles)
    assert out[:3] == ["boiler", "headline", "byline"]


def test_a_credit_cut_inside_the_article_lands_in_captions() -> None:
    lines = ["Titel", PROSE, "Der Hafen am Morgen. Foto: Max Beispiel", PROSE, "© Verlag"]
    roles: list[Role] = ["headline", "body", "boiler", "body", "boiler"]
    out = honest_roles(lines, roles)
    assert out[2] == "caption" and out[4] == "boiler" and KEEP.issuperset(out[1:4:2])


@pytest.mark.parametrize(
    ("tail", "credit"),
    [
        ("(Foto: Max Beispiel)", True),
        ("(Aufnahme: Anna Muster)", True),
        ("(Jane Example for The Daily Sample)", True),
        ("(Sample Wire/Images)", True),
        ("(Tom Sample / Sample Press)", True),
        ("Jane Example for The Daily Sample", True),
        ("(dpa)", False),  # an agency tail closes a report, not a caption
        ("(dpa/lni)", False),
        ("(CDU/CSU)", False),
        ("(Reuters)", False),
        ("(Men’s / Women’s)", False),  # a shop list's sizes
        ("2. Pop-Open Doors for Superior Drying", False),  # a numbered heading
    ],
)
def test_a_text_line_ending_with_a_credit_is_a_caption(tail: str, credit: bool) -> None:
    caption = f"Der Hafen am frühen Morgen. {tail}"
    lines = ["Titel", PROSE, caption, PROSE]
    out = honest_roles(lines, ["headline", "body", "body", "body"])
    assert (out[2] == "caption") is credit and ends_with_credit(caption) is credit


def test_a_headline_ending_in_a_full_stop_is_a_sentence_of_the_text() -> None:
    out = honest_roles([PROSE, "Weiter so ..."], ["headline", "headline"])
    assert out == ["body", "headline"]


# Invented heads under a menu, each a layout seen across outlets: (lines, roles the model
# gave, roles the header reader gives). "M" stands for a menu line.
_HEADS: list[tuple[list[str], list[Role], list[Role]]] = [
    (  # headline just above the byline
        ["Share", "EU lawmakers approve looser green rules for farmers", "By Jane Example", PROSE],
        ["boiler", "boiler", "byline", "body"],
        ["boiler", "headline", "byline", "body"],
    ),
    (  # a label above the byline is no headline, nor is a sentence
        ["Share", "Read More", "By Jane Example", PROSE],
        ["boiler", "boiler", "byline", "body"],
        ["boiler", "boiler", "byline", "body"],
    ),
    (
        ["M", "The council met on Tuesday and approved the plan.", "By Jane Example", PROSE],
        ["boiler", "boiler", "byline", "body"],
        ["boiler", "boiler", "byline", "body"],
    ),
    (  # rubric over headline over deck, date line and furniture before the body
        [
            "Der Sonntag: alles neu",
            "Verkehr",
            "Neue Radwege für die Stadt",
            PROSE,
            "Stand: 21.10.2024 | Lesedauer: 3 Minuten",
            "Artikel anhören",
            PROSE,
        ],
        ["boiler", "boiler", "boiler", "boiler", "boiler", "boiler", "body"],
        ["boiler", "kicker", "headline", "standfirst", "date", "boiler", "body"],
    ),
    (  # a longer headline-shaped line under the headline is its deck; the menu gives no kicker
        [
            "Weather",
            "Climate",
            "Council tests car-free school streets",
            "Pilot scheme closes roads outside twelve primary schools at pick-up times",
            "Sarah Example",
            PROSE,
        ],
        ["boiler", "boiler", "boiler", "boiler", "byline", "body"],
        ["boiler", "boiler", "headline", "standfirst", "byline", "body"],
    ),
    (  # no byline or date: the headline sits right above the body; a masthead date is no head
        ["Dienstag, 12. März 2024", "Sport", "Wetter", "Ärzte warnen vor knappen Arzneien", PROSE],
        ["boiler", "boiler", "boiler", "boiler", "body"],
        ["boiler", "boiler", "boiler", "headline", "body"],
    ),
    (  # the model found a headline: nothing changes
        ["Titel der Seite hier", "Von Erika Muster", PROSE],
        ["headline", "byline", "body"],
        ["headline", "byline", "body"],
    ),
    (  # ... but its rubric line above it is named
        ["Rente: Streit in der Koalition", "Rente", "Koalition streitet über die Rente", PROSE],
        ["boiler", "boiler", "headline", "body"],
        ["boiler", "kicker", "headline", "body"],
    ),
    (  # reading time and a bookmark tool between deck and byline; the deck the model called
        # a caption is the standfirst
        [
            "Anmelden",
            "Stadt stellt auf freie Software um",
            PROSE,
            "Lesezeit: 2 Min.",
            "In Pocket speichern",
            "Von",
            "Max Beispiel",
            PROSE,
        ],
        ["boiler", "caption", "caption", "boiler", "boiler", "byline", "byline", "body"],
        ["boiler", "headline", "standfirst", "boiler", "boiler", "byline", "byline", "body"],
    ),
]


@pytest.mark.parametrize(("lines", "roles", "expected"), _HEADS)
def test_the_head_is_read_by_its_layout(
    lines: list[str], roles: list[Role], expected: list[Role]
) -> None:
    assert header_roles(lines, roles) == expected


@pytest.mark.parametrize(
    ("first", "titled"),
    [
        ("Neue Radwege für die Stadt | Stadtanzeiger", True),  # a site name split off
        ("Neue Radwege für die ganze Stadt", True),  # echoed by the headline's copy below
        ("Skip to main content", False),  # a menu line, its words not echoed in one line
        ("Dienstag, 12. März 2024", False),  # a date
    ],
)
def test_a_page_title_on_the_first_line(first: str, titled: bool) -> None:
    lines = [first, "Skip to navigation", "Radwege: Neue Radwege für die ganze Stadt", PROSE]
    assert (_page_title(lines) is not None) == titled
