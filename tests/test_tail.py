"""The body's trailing lines outside the element that holds most of the kept text are cut,
unless they are built like the body's paragraphs or too large a part of the text; the cut
comes after the filters and takes only what they left of the tail."""

from __future__ import annotations

from lxml import html as lxml_html

from cleaner.extract.gaps import fill
from cleaner.extract.tail import cut_marked, outside_tail

BODY = [
    "Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, die Radwege auszubauen.",
    "Die Opposition kritisierte die Kosten, stimmte aber am Ende ebenfalls für den Plan.",
    "Der Bau soll im Frühjahr beginnen und nach zwei Jahren abgeschlossen sein, hieß es.",
    "Geplant sind zwölf Kilometer neue Wege entlang der großen Ausfallstraßen der Stadt.",
]
PROMO = "Jetzt den Newsletter abonnieren und nichts mehr verpassen"


PART = '<section class="part"><div class="rich"><div>{}</div></div></section>'


def cut(after: str, body: list[str] = BODY) -> list[str]:
    paragraphs = PART.format("".join(f'<p class="text">{line}</p>' for line in body))
    tree = lxml_html.document_fromstring(
        f'<html><body><div class="page">{paragraphs}{after}</div></body></html>'
    )
    filled = fill(tree, [*body, PROMO])
    return outside_tail(filled.lines, filled.kept)


def test_a_trailing_line_outside_the_core_is_cut() -> None:
    assert cut(f'<div class="cta"><p class="cta">{PROMO}</p></div>') == [PROMO]


def test_a_trailing_line_built_like_the_body_stays() -> None:
    assert cut(PART.format(f'<p class="text">{PROMO}</p>')) == []


def test_a_tail_larger_than_a_quarter_of_the_text_stays() -> None:
    assert cut(f'<div class="cta">{PROMO}</div>') == [PROMO]
    assert cut(f'<div class="cta">{PROMO}</div>', BODY[:1]) == []


def test_the_cut_takes_what_the_filters_left_of_the_tail() -> None:
    tail = ["Mehr zum Thema", "Quelle: ntv.de", PROMO]
    # the filters moved the credit to its field and shortened the promo line
    lines = [*BODY, "Mehr zum Thema", PROMO[:20]]
    assert cut_marked(lines, tail) == (lines, [])
    assert cut_marked([*BODY, *tail[:2]], tail) == (BODY, tail[:2])
