"""The line-role model of HTML pages: hints from the markup, and only the tail is cut."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest
from lxml import html as lxml_html

from cleaner.extract import lineroles
from cleaner.extract.html import Extracted, fields_from_tail
from cleaner.extract.html_hints import line_hints
from cleaner.extract.lineroles import LineModel, line_features, split_lines, tail_start

P1 = "Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, die Radwege auszubauen."
P2 = "Die Opposition kritisierte die Kosten, stimmte aber am Ende ebenfalls für den Plan."
BIO = "Anna Beispiel schreibt seit zehn Jahren über Verkehr und Stadtentwicklung."
CTA = "Jetzt den Newsletter abonnieren und nichts mehr verpassen!"
LINES = [P1, P2, BIO, CTA]


def page() -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(
        f"<html><body><article><div class='entry-content'><p>{P1}</p><p>{P2}</p></div>"
        f"<div class='author-box'><p>{BIO}</p></div>"
        f"<aside class='newsletter-signup'><p><a href='/nl'>{CTA}</a></p></aside>"
        "</article></body></html>"
    )


def hints_of(line: str, lines: list[str]) -> list[str]:
    return line_hints(page(), lines)[lines.index(line)]


def test_each_line_is_described_by_its_box() -> None:
    assert {"h:tag=p", "h:cls=body", "h:box=main", "h:side=within"} <= set(hints_of(P1, LINES))
    bio = set(hints_of(BIO, LINES))
    assert {"h:cls=author", "h:box=outside", "h:side=after", "-1:h:box=main"} <= bio
    cta = set(hints_of(CTA, LINES))
    assert {"h:in=aside", "h:cls=box", "h:links=3"} <= cta


def test_a_line_the_page_does_not_hold_and_a_table_row_say_so() -> None:
    row = "| Kosten | 12 Mio. Euro |"
    assert "h:unmatched" in hints_of(
        "Ein Satz, den es auf der Seite nicht gibt.",
        [P1, "Ein Satz, den es auf der Seite nicht gibt."],
    )
    assert {"h:unmatched", "h:table_row"} <= set(hints_of(row, [P1, row]))


def test_only_a_short_run_at_the_end_counts_as_tail() -> None:
    model = LineModel(pycrfsuite.Tagger(), cut_above=0.9, max_share=0.3)
    lines = ["x" * 100, "tail?", "x" * 100, "tail", "tail"]
    assert tail_start(lines, [0.1, 0.95, 0.2, 0.9, 0.99], model) == 3
    assert tail_start(lines, [0.1, 0.95, 0.2, 0.5, 0.99], model) == 4
    assert tail_start(lines, [0.1, 0.5, 0.2, 0.5, 0.8], model) == 5  # no tail
    assert tail_start(lines, [0.1, 0.5, 0.95, 0.95, 0.99], model) == 5  # too large a part
    assert tail_start(lines, [0.95, 0.95, 0.95, 0.95, 0.99], model) == 5  # all of it


def tail_model(tmp_path: Path, cut_above: float, max_share: float = 0.5) -> LineModel:
    """A tiny model trained on the fixture: the bio and the call to action are the tail."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.append(line_features(page(), LINES), ["body", "body", "boiler", "boiler"])
    trainer.set_params({"max_iterations": 50})
    trainer.train(str(tmp_path / "m.crfsuite"))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp_path / "m.crfsuite"))
    return LineModel(tagger, cut_above, max_share)


def test_the_tail_is_cut_and_returned(tmp_path: Path) -> None:
    model = tail_model(tmp_path, 0.5)
    assert split_lines(page(), LINES, model) == ([P1, P2], [BIO, CTA])
    assert split_lines(page(), LINES, tail_model(tmp_path, 1.01)) == (LINES, [])
    assert split_lines(page(), LINES, tail_model(tmp_path, 0.5, 0.2)) == (LINES, [])


def test_a_page_read_as_all_tail_keeps_its_lines(tmp_path: Path) -> None:
    model = tail_model(tmp_path, 0.0)  # every line reaches the threshold
    assert split_lines(page(), LINES, model) == (LINES, [])


@pytest.mark.parametrize("lines", [[], [P1]])
def test_the_shipped_model_loads_and_keeps_a_plain_body(lines: list[str]) -> None:
    assert lineroles.shipped() is not None
    assert split_lines(page(), lines) == (lines, [])


def test_a_deeply_nested_page_is_described_without_recursion() -> None:
    depth = 1200  # deeper than Python's recursion limit
    markup = "<div>" * depth + f"<p>{P1}</p>" + "</div>" * depth
    parser = lxml_html.HTMLParser(huge_tree=True)
    tree = lxml_html.document_fromstring(f"<html><body>{markup}</body></html>", parser=parser)
    assert "h:tag=p" in line_hints(tree, [P1])[0]


def test_a_closing_byline_or_date_in_the_cut_tail_fills_an_empty_field() -> None:
    page = Extracted(text="")
    fields_from_tail(page, ["Jetzt abonnieren!", "Autor: Fritz Imhof", "22. Mai 2025"])
    assert (page.authors, page.date) == (["Fritz Imhof"], "2025-05-22")
    page = Extracted(text="", authors=["Anna Beispiel"], date="2024-01-02")
    fields_from_tail(page, ["Autor: Fritz Imhof", "22. Mai 2025"])
    assert (page.authors, page.date) == (["Anna Beispiel"], "2024-01-02")
