"""Card-grid features: excerpts of other posts in a grid against the page's own standfirst."""

from __future__ import annotations

from lxml import html as lxml_html

from cleaner.extract.blockfeatures import Block, add_features, page_blocks

LEAD = "Ein neuer Radweg verbindet ab Montag die Altstadt mit dem Bahnhof im Norden der Stadt."
BODY = "Der Stadtrat hatte den Bau im Frühjahr nach langer Debatte mit großer Mehrheit beschlossen."
EXCERPTS = [
    "Die Bibliothek öffnet nach dem Umbau wieder und bietet nun auch am Sonntag Lesezeiten an.",
    "Das Freibad bleibt wegen der Sanierung der Becken den ganzen Sommer über geschlossen.",
    "Der Wochenmarkt zieht auf den Rathausplatz, weil die alte Halle abgerissen werden soll.",
]
CARDS = "".join(
    f'<div class="card"><h3><a href="/n{i}">Meldung {i}</a></h3><p>{text}</p>'
    f'<time datetime="2026-01-0{i + 1}">{i + 1}. Januar</time></div>'
    for i, text in enumerate(EXCERPTS)
)
PAGE = f"""<html><head><meta property="og:description" content="{LEAD}"></head><body>
<article><h1>Radweg eröffnet</h1><p class="lead">{LEAD}</p><p>{BODY}</p><p>{BODY} Ja.</p></article>
<section class="more">{CARDS}</section>
<aside><p><a href="/x">{EXCERPTS[0]}</a></p></aside>
</body></html>"""


def blocks() -> dict[str, Block]:
    found = page_blocks(lxml_html.document_fromstring(PAGE))
    add_features(found, "")
    return {b.text: b for b in found}


def test_an_excerpt_in_a_grid_of_cards_is_one_card_with_a_link_and_a_date() -> None:
    feats = blocks()[EXCERPTS[1]].features
    assert feats["card_grid"] == 1.0 and feats["card_link"] == 1.0 and feats["card_time"] == 1.0
    assert feats["log_cards"] > 1.0  # three cards alike
    assert "is_description" not in feats


def test_the_pages_own_paragraphs_are_no_cards_and_the_lead_repeats_the_description() -> None:
    by_text = blocks()
    assert "card_grid" not in by_text[BODY].features  # paragraphs alike are not cards
    assert by_text[LEAD].features["is_description"] == 1.0
    assert "card_grid" not in by_text[LEAD].features


def test_an_excerpt_that_is_a_link_elsewhere_is_marked_but_not_the_link_itself() -> None:
    found = page_blocks(lxml_html.document_fromstring(PAGE))
    add_features(found, "")
    excerpt, link = (b for b in found if b.text == EXCERPTS[0])
    assert excerpt.features["link_text_elsewhere"] == 1.0
    assert "link_text_elsewhere" not in link.features
