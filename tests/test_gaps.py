"""Paragraphs the extractor left out between kept ones go back; boxes, link lists and
lists it chose items from stay out."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from cleaner.extract.gaps import fill

HEAD = "Der Plan der Stadt im Einzelnen"
P1 = "Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, die Radwege auszubauen."
P2 = "Die Opposition kritisierte die Kosten, stimmte aber am Ende ebenfalls für den Plan."
P3 = "Der Bau soll im Frühjahr beginnen und nach zwei Jahren abgeschlossen sein, hieß es."
GAP = "Geplant sind zwölf Kilometer neue Wege entlang der großen Ausfallstraßen der Stadt."


def page(middle: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(
        f"<html><body><article><h2>{HEAD}</h2><p>{P1}</p>{middle}<p>{P2}</p>"
        f"<p>{P3}</p></article><footer><p>{GAP} Impressum</p></footer></body></html>"
    )


KEPT = [P1, P2, P3]


def fill_gaps(tree: lxml_html.HtmlElement, lines: list[str]) -> tuple[list[str], list[str]]:
    """(lines with the left-out gap blocks inserted, the inserted texts)."""
    filled = fill(tree, lines)
    return filled.lines, filled.inserted


def test_a_paragraph_between_kept_ones_goes_back_in_place() -> None:
    assert fill_gaps(page(f"<p>{GAP}</p>"), KEPT) == ([P1, GAP, P2, P3], [GAP])


def test_a_whole_list_left_out_goes_back() -> None:
    items = [GAP, "Außerdem entstehen an jeder Kreuzung sichere Ampeln für Radfahrer."]
    middle = "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    assert fill_gaps(page(middle), KEPT)[1] == items


def test_boxes_links_and_edges_stay_out() -> None:
    for middle in (
        f'<div class="teaser-box"><p>{GAP}</p></div>',
        f"<aside><p>{GAP}</p></aside>",
        f'<p><a href="/x">{GAP}</a></p>',
        f'<p style="display: none">{GAP}</p>',
    ):
        assert fill_gaps(page(middle), KEPT) == (KEPT, []), middle
    assert fill_gaps(page(""), KEPT) == (KEPT, [])  # the footer paragraph is past the body


def test_items_of_a_list_the_extractor_chose_from_stay_out() -> None:
    kept_item = "Lego 75346 / Snubfighter der Piraten: 34,99 Euro im Angebot"
    middle = f"<ul><li>{kept_item}</li><li>{GAP}</li></ul>"
    assert fill_gaps(page(middle), [P1, kept_item, P2, P3])[1] == []


def test_a_heading_goes_back_only_where_the_body_has_headings_of_its_level() -> None:
    heading = "Was die Anwohner zu den Plänen sagen"
    assert fill_gaps(page(f"<h3>{heading}</h3>"), KEPT)[1] == []  # no kept h3
    kept = [HEAD, *KEPT]
    assert fill_gaps(page(f"<h2>{heading}</h2>"), kept)[1] == [heading]


def test_a_paragraph_kept_apart_from_a_hidden_label_is_not_put_back_again() -> None:
    long = f"{GAP} {GAP.upper()}"  # the label sits in its first half
    label = '<span class="sr-only">Link öffnet im neuen Tab</span>'
    labelled = f"<p>{long[:30]}{label}{long[30:]}</p>"
    assert fill_gaps(page(labelled), [P1, long, P2, P3])[1] == []


def built(sections: str) -> lxml_html.HtmlElement:
    body = '<div class="component"><div><div class="rich-text"><p>{}</p></div></div></div>'
    return lxml_html.document_fromstring(
        f"<html><body><article>{body.format(P1)}{body.format(P2)}{sections}{body.format(P3)}"
        "</article></body></html>"
    )


def test_a_block_built_like_the_body_goes_back_from_a_container_of_its_own() -> None:
    component = f'<div class="component"><div><div class="rich-text"><p>{GAP}</p></div></div></div>'
    section = f'<div class="accordion">{component}</div>'
    assert fill_gaps(built(section), KEPT)[1] == [GAP]


def test_a_build_only_a_few_kept_lines_share_is_no_evidence() -> None:
    card = "Another story: the mayor on the new tram line"
    cards = "".join(f'<div class="cards"><p class="card">{text}</p></div>' for text in (card, GAP))
    kept = [P1, P2, card, P3]
    assert fill_gaps(built(cards), kept)[1] == []


def test_a_block_kept_around_a_hidden_label_is_not_put_back_twice() -> None:
    label = "Link wird in einem neuen Tab geöffnet"
    words = f"{P1} {P2} {P3}".split()
    middle = len(words) // 2
    kept_form = " ".join(words)
    with_label = " ".join([*words[:middle], label, *words[middle:]])
    page_ = lxml_html.document_fromstring(
        f"<html><body><article><p>{GAP}</p><p>{with_label}</p><p>{GAP} und mehr</p>"
        "</article></body></html>"
    )
    assert fill_gaps(page_, [GAP, kept_form, f"{GAP} und mehr"])[1] == []


def test_box_names_of_the_article_region_itself_do_not_make_a_box() -> None:
    layout = lxml_html.document_fromstring(
        f'<html><body><div class="content-with-sidebar"><p>{P1}</p><p>{GAP}</p><p>{P2}</p>'
        f'<p>{P3}</p></div><div class="sidebar"><p>{GAP} Werbung</p></div></body></html>'
    )
    assert fill_gaps(layout, KEPT)[1] == [GAP]


def entries(gap_entry: str) -> lxml_html.HtmlElement:
    """A listicle: every entry in a container of its own inside the article's core."""
    entry = '<section class="entry"><div class="entry-body"><p>{}</p></div></section>'
    return lxml_html.document_fromstring(
        f"<html><body><main><article>{entry.format(P1)}{entry.format(P2)}{gap_entry}"
        f"{entry.format(P3)}</article></main><footer><p>{GAP} Impressum</p></footer>"
        "</body></html>"
    )


def test_an_entry_in_a_container_of_its_own_inside_the_core_goes_back() -> None:
    gap_entry = f'<section class="entry"><ul class="pros"><li>{GAP}</li></ul></section>'
    assert fill_gaps(entries(gap_entry), KEPT)[1] == [GAP]


def test_cards_boxes_and_other_stories_inside_the_core_stay_out() -> None:
    for gap_entry in (
        f'<a href="/other"><div><p class="excerpt">{GAP}</p></div></a>',
        f'<div class="factbox"><div><p>{GAP}</p></div></div>',
        f'<div class="post-card"><p>{GAP}</p></div>',
        f"<article><div><p>{GAP}</p></div></article>",
    ):
        assert fill_gaps(entries(gap_entry), KEPT)[1] == [], gap_entry


LAST = "Am Ende sollen alle Stadtteile mit dem Rad in einer halben Stunde erreichbar sein."


def closing(after: str) -> lxml_html.HtmlElement:
    """An article whose last blocks sit in a component of their own inside the core."""
    return lxml_html.document_fromstring(
        f"<html><body><main><article><p>{P1}</p><p>{P2}</p><p>{P3}</p>{after}</article>"
        f"</main><footer><p>{GAP}</p></footer></body></html>"
    )


def test_prose_after_the_last_kept_block_inside_the_core_goes_back() -> None:
    after = f'<div class="embed"><div><p>{GAP}</p><p>{LAST}</p></div></div>'
    assert fill_gaps(closing(after), KEPT) == ([*KEPT, GAP, LAST], [GAP, LAST])


@pytest.mark.parametrize(
    "after",
    [
        '<div class="embed"><p>Redaktion: Erika Muster und Max Muster, Sendung am 25.04.</p></div>',
        '<div class="embed"><p>Mehr aus der Stadt hier.</p></div>',  # too short
        f'<div class="teaser-box"><p>{GAP}</p></div>',
        f'<a href="/other"><p>{GAP}</p></a>',
        f'<div class="comments"><div><p>{GAP}</p></div></div>',
    ],
)
def test_credits_short_lines_and_boxes_after_the_last_kept_block_stay_out(after: str) -> None:
    assert fill_gaps(closing(after), KEPT)[1] == []


def test_nothing_after_the_core_goes_back() -> None:
    assert fill_gaps(closing(""), KEPT)[1] == []  # the footer's paragraph lies outside it


def test_a_build_read_from_known_parts_is_the_same() -> None:
    from cleaner.extract.keptbody import build

    page = lxml_html.fromstring(
        '<div class="story body"><div class="rich"><p class="para">Eins</p>'
        '<p class="para lead">Zwei</p></div></div>'
    )
    first, second = page.findall(".//p")
    known: dict[lxml_html.HtmlElement, tuple[str, str]] = {}
    assert [build(first, known), build(second, known)] == [build(first), build(second)]
    assert build(second, known)[0] == ("p", "lead para")  # its own part, not the first's
    assert len(known) == 5  # both paragraphs and the three ancestors they share (body), once
