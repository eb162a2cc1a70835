"""Paragraphs the model cut below an inline box come back as body; the box stays cut."""

from __future__ import annotations

from cleaner.anatomy.resume import resumed_roles
from cleaner.anatomy.roles import Role

PARA = (
    "Die Stadt hat am Montag eine neue Regel für den Verkehr in der Innenstadt beschlossen, "
    "und die Händler in der Altstadt sind mit dem Ergebnis der langen Beratungen nicht zufrieden."
)
MORE = (
    "Der Stadtrat will im Herbst noch einmal über die Regel beraten, wenn die ersten Zahlen "
    "aus dem Versuch vorliegen und die Verwaltung ihren Bericht an die Fraktionen geschickt hat."
)
BOX = ["Lesen Sie auch", "Neue Regel für Radfahrer in der Innenstadt", "Jetzt die App laden"]


def _roles(*roles: str) -> list[Role]:
    return list(roles)  # type: ignore[arg-type]


def test_paragraphs_below_a_box_are_body_and_the_box_stays_cut() -> None:
    lines = [PARA, *BOX, MORE, PARA]
    roles = _roles("body", "boiler", "boiler", "boiler", "boiler", "boiler")
    assert resumed_roles(lines, roles, "de") == _roles(
        "body", "boiler", "boiler", "boiler", "body", "body"
    )


def test_one_prose_line_under_a_box_is_a_teaser_deck_and_stays_cut() -> None:
    lines = [PARA, *BOX, MORE, "Weitere Artikel"]
    roles = _roles("body", "boiler", "boiler", "boiler", "boiler", "boiler")
    assert resumed_roles(lines, roles, "de") == roles


def test_prose_far_below_the_body_or_above_it_stays_cut() -> None:
    far = [PARA, *BOX, *BOX, "Kommentare", MORE, PARA]
    far_roles = _roles("body", *["boiler"] * 9)
    assert resumed_roles(far, far_roles, "de") == far_roles
    above = [MORE, PARA, "Titel der Seite", PARA]
    above_roles = _roles("boiler", "boiler", "headline", "body")
    assert resumed_roles(above, above_roles, "de") == above_roles


def test_a_caption_cut_into_its_field_stays_a_caption() -> None:
    lines = [PARA, BOX[0], MORE, PARA]
    roles = _roles("body", "boiler", "caption", "boiler")
    assert resumed_roles(lines, roles, "de") == roles


def test_short_sentences_under_the_body_are_not_a_paragraph() -> None:
    lines = [
        PARA,
        "Danke!",
        "Ihre Anmeldung ist bei uns eingegangen.",
        "Wir melden uns bald bei Ihnen.",
    ]
    roles = _roles("body", "boiler", "boiler", "boiler")
    assert resumed_roles(lines, roles, "de") == roles


def test_one_long_paragraph_below_a_box_is_body() -> None:
    long_paragraph = f"{PARA} {MORE} {PARA}".replace(".", ",")[:-1] + "."  # one sentence
    lines = [PARA, *BOX, long_paragraph, "Weitere Artikel"]
    roles = _roles("body", "boiler", "boiler", "boiler", "boiler", "boiler")
    assert resumed_roles(lines, roles, "de")[4] == "body"


def test_one_paragraph_between_a_box_and_more_body_is_body() -> None:
    lines = [MORE, *BOX, PARA, "Anzeige", MORE]  # PARA: 30 words
    roles = _roles("body", "boiler", "boiler", "boiler", "boiler", "boiler", "body")
    assert resumed_roles(lines, roles, "de") == _roles(
        "body", "boiler", "boiler", "boiler", "body", "boiler", "body"
    )


def test_a_short_deck_between_a_box_and_more_body_stays_cut() -> None:
    deck = "Die Händler in der Altstadt sind mit dem Ergebnis nicht zufrieden, sagt der Verband."
    lines = [PARA, *BOX, deck, "Anzeige", PARA]
    roles = _roles("body", "boiler", "boiler", "boiler", "boiler", "boiler", "body")
    assert resumed_roles(lines, roles, "de") == roles


LAST = "Ob die Regel nach dem Versuchsjahr bleibt, will die Stadt im Herbst entscheiden. (abe)"
BIO = "Erika Muster berichtet für die Zeitung über die Stadtpolitik und den Verkehr in der Region."
SHORT = "Mehr dazu lesen Sie morgen in der Zeitung."


def test_a_paragraph_right_below_a_kept_one_is_the_last_paragraph() -> None:
    lines = [PARA, LAST, "Kommentare"]
    roles = _roles("body", "boiler", "boiler")
    assert resumed_roles(lines, roles, "de") == _roles("body", "body", "boiler")


def test_a_short_line_or_the_authors_bio_below_the_body_stays_cut() -> None:
    short = [PARA, SHORT, "Kommentare"]
    assert resumed_roles(short, _roles("body", "boiler", "boiler"), "de")[1] == "boiler"
    bio = ["Von Erika Muster", PARA, BIO]
    assert resumed_roles(bio, _roles("byline", "body", "boiler"), "de")[2] == "boiler"
