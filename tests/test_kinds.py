"""Each rule kind on small German and English cases: what it cuts, keeps and records."""

from __future__ import annotations

import re

import pytest

from cleaner.document import Document, Source
from cleaner.filters.base import Rule
from cleaner.filters.kinds import DEFAULT_STAGE, KINDS

BODY_DE = "Der Rat stimmte am Abend mit großer Mehrheit für den Plan."
BODY_EN = "The council voted for the plan by a large majority on Tuesday."


def rule(kind: str, pattern: str, **kw: object) -> Rule:
    args: dict[str, object] = {"where": "any", "window": 5, "field": None, "min_fraction": 0.0}
    args.update(kw)
    return Rule(
        id=f"test.{kind}",
        kind=kind,
        pattern=re.compile(pattern, re.I),
        note="test",
        stage=DEFAULT_STAGE[kind],
        **args,  # type: ignore[arg-type]
    )


def apply(r: Rule, lines: list[str], **fields: str) -> Document:
    doc = Document(source=Source(kind="text"), kind="text", raw="\n".join(lines))
    doc.lines = list(lines)
    for name, value in fields.items():
        setattr(doc, name, value)
    KINDS[r.kind](doc, r)
    return doc


@pytest.mark.parametrize(
    ("widget", "body"), [("Artikel teilen", BODY_DE), ("Share on Facebook", BODY_EN)]
)
def test_drop_line(widget: str, body: str) -> None:
    doc = apply(rule("drop_line", r"^(?:Artikel teilen|Share on Facebook)$"), [body, widget, body])
    assert doc.lines == [body, body]
    assert [(r.rule, r.text) for r in doc.removed] == [("test.drop_line", widget)]


def test_drop_line_spares_a_long_line_it_matches_a_little_of() -> None:
    """A whole article extracted as one line is not lost to a sign-up phrase quoted in it."""
    r = rule("drop_line", r"Sign up for our newsletter")
    article = " ".join([BODY_EN] * 8) + " Sign up for our newsletter, the mayor joked."
    box = "Sign up for our newsletter and get the news every morning in your inbox."
    doc = apply(r, [article, box])
    assert doc.lines == [article]
    assert [removal.text for removal in doc.removed] == [box]


@pytest.mark.parametrize(
    ("marker", "body"), [("Weitere Themen", BODY_DE), ("Related stories", BODY_EN)]
)
def test_drop_from_cuts_the_tail(marker: str, body: str) -> None:
    r = rule("drop_from", r"^(?:Weitere Themen|Related stories)$", min_fraction=0.5)
    doc = apply(r, [body, body, body, marker, "Teaser eins", "Teaser two"])
    assert doc.lines == [body] * 3
    assert doc.removed[0].text == f"{marker}\nTeaser eins\nTeaser two"


def test_drop_from_ignores_a_marker_high_up() -> None:
    r = rule("drop_from", r"^Weitere Themen$", min_fraction=0.5)
    lines = ["Weitere Themen", BODY_DE, BODY_DE, BODY_DE]
    assert apply(r, lines).lines == lines


@pytest.mark.parametrize(
    ("marker", "body"), [("Mehr zum Thema", BODY_DE * 6), ("Related", BODY_EN * 6)]
)
def test_drop_from_skips_a_box_inside_the_article(marker: str, body: str) -> None:
    """Long paragraphs after the marker: it heads a box inside the article, not the tail."""
    r = rule("drop_from", r"^(?:Mehr zum Thema|Related)$", min_fraction=0.3)
    lines = [body, body, marker, "Ein anderer Artikel", body, body]
    assert apply(r, lines).lines == lines


@pytest.mark.parametrize(
    ("marker", "body"), [("Lesezeit: 4 Min.", BODY_DE), ("5 min read", BODY_EN)]
)
def test_drop_until_cuts_the_header(marker: str, body: str) -> None:
    r = rule("drop_until", r"^(?:Lesezeit: \d+ Min\.|\d+ min read)$", where="head")
    doc = apply(r, ["Menü", marker, body])
    assert doc.lines == [body]
    assert doc.removed[0].text == f"Menü\n{marker}"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Von Erika Muster", ["Erika Muster"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ],
)
def test_move_to_field_named_group(line: str, authors: list[str]) -> None:
    r = rule(
        "move_to_field", r"^(?:Von|By)\s+(?P<authors>[A-Z]\w+ [A-Z]\w+(?: and [A-Z]\w+ [A-Z]\w+)?)$"
    )
    doc = apply(r, [line, BODY_DE])
    assert doc.authors == authors
    assert doc.lines == [BODY_DE]


@pytest.mark.parametrize(
    ("lead", "dateline", "agency", "rest"),
    [
        (
            "MÜNCHEN (dpa/lby) - Die Polizei ermittelt.",
            "München",
            "dpa",  # the regional service tag goes: one agency normaliser (fields.set_field)
            "Die Polizei ermittelt.",
        ),
        ("Paris (AFP) - Frankreich will sparen.", "Paris", "AFP", "Frankreich will sparen."),
        ("NEW YORK, May 3 (AP) - Stocks fell.", "New York", "AP", "Stocks fell."),
    ],
)
def test_move_to_field_keeps_the_rest_of_the_line(
    lead: str, dateline: str, agency: str, rest: str
) -> None:
    r = rule(
        "move_to_field",
        r"^(?P<dateline>[A-ZÄÖÜ][\w ]+?(?:, [^()]+?)?) \((?P<agency>dpa(?:/\w+)?|AFP|AP)\) - ",
        where="head",
        window=1,
    )
    doc = apply(r, [lead, BODY_DE])
    assert (doc.dateline, doc.agency, doc.lines[0]) == (dateline, agency, rest)


def test_move_to_field_with_a_field_name_normalises_dates() -> None:
    r = rule("move_to_field", r"^Aktualisiert am .+$", field="date_modified")
    doc = apply(r, ["Aktualisiert am 12.03.2024, 10:15 Uhr", BODY_DE])
    assert doc.date_modified == "2024-03-12T10:15"


@pytest.mark.parametrize("title", ["Rat stimmt für den Plan", "Council backs the plan"])
def test_drop_repeat_of(title: str) -> None:
    r = rule("drop_repeat_of", ".", field="title", where="head", window=2)
    doc = apply(r, [f"{title.upper()}.", BODY_DE, title], title=title)
    assert doc.lines == [BODY_DE, title]  # only the head window is searched


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Der Rat stimmte zu./ngu/zb", "Der Rat stimmte zu."),
        ("The council agreed./DP/he", "The council agreed."),
    ],
)
def test_strip_suffix(line: str, kept: str) -> None:
    r = rule("strip_suffix", r"(?<=[.!?])(?:/[A-Za-z]{1,5}){1,6}$", where="tail", window=1)
    doc = apply(r, [BODY_DE, line])
    assert doc.lines == [BODY_DE, kept]
    assert doc.removed[0].text == line[len(kept) :]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("ANZEIGE: Der Rat stimmte zu.", "Der Rat stimmte zu."),
        ("AD: The council agreed.", "The council agreed."),
    ],
)
def test_strip_prefix(line: str, kept: str) -> None:
    r = rule("strip_prefix", r"^(?:ANZEIGE|AD):\s*")
    assert apply(r, [line]).lines == [kept]


def test_strip_prefix_leaves_a_match_inside_the_line() -> None:
    r = rule("strip_prefix", r"ANZEIGE:\s*")
    assert apply(r, [f"Er las: ANZEIGE: {BODY_DE}"]).lines == [f"Er las: ANZEIGE: {BODY_DE}"]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Quelle: Beispiel[/su_spoiler]", "Quelle: Beispiel"),
        ('[caption id="1"]A photo of the hall[/caption]', "A photo of the hall"),
    ],
)
def test_strip_inline(line: str, kept: str) -> None:
    r = rule("strip_inline", r"\[/?(?:su_\w+|caption)[^\]]*\]")
    assert apply(r, [line]).lines == [kept]


def test_strip_inline_drops_a_line_left_empty() -> None:
    r = rule("strip_inline", r"\[/?gallery[^\]]*\]")
    assert apply(r, ['[gallery ids="1,2"]', BODY_EN]).lines == [BODY_EN]


TESTED = {"drop_line", "drop_from", "drop_until", "move_to_field", "drop_repeat_of"}
TESTED |= {"strip_suffix", "strip_prefix", "strip_inline"}


def test_every_kind_is_tested_here() -> None:
    """A new kind needs its own German and English cases in this file."""
    assert set(KINDS) == TESTED == set(DEFAULT_STAGE)
