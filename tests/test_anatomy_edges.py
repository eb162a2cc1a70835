"""Datelines, agency and editor initials at the body's edges, in the forms of any wire."""

from __future__ import annotations

import pytest

from cleaner.anatomy.edges import dateline_alone, trim_edges
from cleaner.document import Document, Source
from cleaner.metadata.header import split_kicker

REST = "Der Stadtrat hat am Montag den Plan beschlossen."


def _doc(*lines: str) -> Document:
    return Document(source=Source("text"), kind="text", raw="", lines=list(lines))


@pytest.mark.parametrize(
    ("first", "dateline", "agency", "rest"),
    [
        (f"Hannover (dpa/lni) - {REST}", "Hannover", "dpa", REST),
        (f"PEKING (dpa-AFX) - {REST}", "Peking", "dpa-AFX", REST),
        (f"Frankfurt – {REST}", "Frankfurt", None, REST),
        (f"MÜNCHEN. {REST}", "München", None, REST),
        (f"Stuttgart. {REST}", "Stuttgart", None, REST),
        (f"Freiburg (KNA) {REST}", "Freiburg", "KNA", REST),
        (
            "LONDON, Dec 18 (Reuters) - The bank said.  More to come",
            "London",
            "Reuters",
            "The bank said. More to come",
        ),
        (
            "NEW YORK, March 12, 2024 /PRNewswire/ -- Example Inc. today opened a new plant.",
            "New York",
            "PRNewswire",
            "Example Inc. today opened a new plant.",
        ),
        (
            "DHAKA, Dec 20, 2025 (BSS) - The new bridge opened on Saturday.",
            "Dhaka",
            "BSS",
            "The new bridge opened on Saturday.",
        ),
        (
            "WASHINGTON (AP) — The Senate voted on Tuesday.",
            "Washington",
            "AP",
            "The Senate voted on Tuesday.",
        ),
        (
            "Washington CNN — The Senate voted on Tuesday.",
            "Washington",
            "CNN",
            "The Senate voted on Tuesday.",
        ),
        (
            "SAN DIEGO, Calif. — The port reopened on Tuesday.",
            "San Diego",
            None,
            "The port reopened on Tuesday.",
        ),
        (
            "WASHINGTON, D.C. — The Senate voted on Tuesday.",
            "Washington",
            None,
            "The Senate voted on Tuesday.",
        ),
        (
            "PARIS (AFP) - Le gouvernement a annoncé mardi.",
            "Paris",
            "AFP",
            "Le gouvernement a annoncé mardi.",
        ),
    ],
)
def test_dateline(first: str, dateline: str, agency: str | None, rest: str) -> None:
    doc = trim_edges(_doc(" ".join(first.split()), "Zweiter Absatz mit mehr Text."))
    assert (doc.dateline, doc.agency) == (dateline, agency)
    assert doc.lines[0] == " ".join(rest.split())
    assert any(r.rule == "anatomy.dateline" for r in doc.removed)


@pytest.mark.parametrize(
    "first",
    [
        "Die Regierung – so heißt es in Berlin – will sparen.",
        "Nein. Das hat der Rat so nicht beschlossen.",
        "Kessler Antriebstechnik baut 1200 Stellen ab.",
    ],
)
def test_no_dateline(first: str) -> None:
    doc = trim_edges(_doc(first))
    assert doc.dateline is None and doc.lines == [first]


@pytest.mark.parametrize(
    ("last", "kept"),
    [
        (f"{REST} (abe)", REST),
        (f"{REST} MDR (abe)", REST),
        (f"{REST} (APA, 12.3.2025)", REST),
        (f"{REST}/ngu/zb/mis", REST),
        (f"{REST} /bgf/jkr/jha/", REST),
        (f"{REST} bfi/pe", REST),
        (REST, REST),
        ("Er sagte, die Firma (AG) sei solide.", "Er sagte, die Firma (AG) sei solide."),
    ],
)
def test_editor_initials(last: str, kept: str) -> None:
    assert trim_edges(_doc("Erster Absatz mit genug Wörtern.", last)).lines[-1] == kept


@pytest.mark.parametrize(
    ("tail", "cut"),
    [
        (["Contributing: The Associated Press"], True),
        (["Dieses Thema im Programm:"], True),  # a label whose box was cut
        (
            ["Go deeper: Why the new tram law puts cities on notice", "Mehr: Der Plan im Detail"],
            True,
        ),
        (["Fazit: Der Plan kommt, aber spät."], False),  # a sentence: the text's own
        (
            [
                "Hinweis: Der Stadtrat tagt am Dienstag, dann wird abgestimmt,"
                " und zwar in aller Öffentlichkeit"
            ],
            False,
        ),  # too long for a label and a name
    ],
)
def test_a_labelled_last_line_is_a_source_or_teaser(tail: list[str], cut: bool) -> None:
    doc = trim_edges(_doc(REST, *tail))
    assert doc.lines == ([REST] if cut else [REST, *tail])


@pytest.mark.parametrize(
    ("headline", "kicker", "title"),
    [
        (
            "Autozulieferer: Kessler streicht 1200 Stellen",
            "Autozulieferer",
            "Kessler streicht 1200 Stellen",
        ),
        (
            "Hochwasser : Pegel in Passau steigt weiter",
            "Hochwasser",
            "Pegel in Passau steigt weiter",
        ),
        ("Kessler streicht 1200 Stellen", None, "Kessler streicht 1200 Stellen"),
        (
            "Why the grid matters for everyone: a guide",
            None,
            "Why the grid matters for everyone: a guide",
        ),
    ],
)
def test_split_kicker(headline: str, kicker: str | None, title: str) -> None:
    assert split_kicker(headline) == (kicker, title)


@pytest.mark.parametrize(
    ("line", "dateline", "agency"),
    [
        ("Washington CNN —", "Washington", "CNN"),  # an element of its own above the body
        ("BRUSSELS (AP) —", "Brussels", "AP"),
        ("Print", None, None),  # a share bar's last word, not a place
        ("Print BRUSSELS", None, None),  # no dash: the dateline is the body's own prefix
        ("Die Regierung –", None, None),  # an article opens a sentence, never a place
    ],
)
def test_a_dateline_on_a_line_of_its_own(
    line: str, dateline: str | None, agency: str | None
) -> None:
    doc = _doc(line, "The Senate voted on Tuesday to pass the bill.")
    assert dateline_alone(doc, line, doc.lines[1]) is (dateline is not None)
    assert (doc.dateline, doc.agency) == (dateline, agency)
