"""The page-kind evidence read from a page's HTML (pagekind.signals)."""

from __future__ import annotations

import math

from cleaner.extract.html import parse
from cleaner.pagekind.signals import page_signals


def _signals(head: str, body: str) -> dict[str, float]:
    return page_signals(parse(f"<html><head>{head}</head><body>{body}</body></html>"))


def test_rel_next_counts_on_links_and_anchors_only() -> None:
    assert _signals('<link rel="next" href="/2">', "")["rel_next"] == 1.0
    assert _signals("", '<a rel="next" href="/2">2</a>')["rel_next"] == 1.0
    assert _signals("", '<div rel="next">2</div><a rel="prev">1</a>')["rel_next"] == 0.0


def test_a_published_date_in_meta_tags_or_microdata() -> None:
    assert _signals('<meta name="date" content="2024">', "")["meta_date"] == 1.0
    assert _signals("", '<span itemprop="datePublished">2024</span>')["meta_date"] == 1.0
    assert _signals('<meta name="dateModified" content="2024">', "")["meta_date"] == 0.0
    assert _signals("", '<div name="date">2024</div>')["meta_date"] == 0.0


def test_microdata_types_count_like_json_ld() -> None:
    body = '<div itemscope itemtype="https://schema.org/NewsArticle/"><p>x</p></div>'
    assert _signals("", body)["ld_article"] == 1.0
    assert _signals("", '<div itemtype="https://schema.org/Product">x</div>')["ld_product"] == 1.0


def test_prices_count_currency_amounts_only() -> None:
    body = "<p>Ab 12,99 EUR oder $5 im Monat</p><p>Seite 3 von 12</p>"
    assert _signals("", body)["log_prices"] == math.log1p(2)
    assert _signals("", "<p>Seite 3 von 12, 2024</p>")["log_prices"] == 0.0


def test_a_plus_label_beside_the_headline_is_found_at_any_depth() -> None:
    head = '<div><header><h1><span class="k">SZ Plus</span> Der Titel</h1>{}</header></div>'
    assert _signals("", head.format(""))["plus_label"] == 1.0  # inside the <h1>
    deep = "<div><p>Von A. Autor <b><i>Abo</i></b></p></div>"
    assert _signals("", head.replace("SZ Plus", "Kicker").format(deep))["plus_label"] == 1.0
    plain = "<p>Mehr Rezepte: C++ und Surplus, plus mehr</p>"
    assert _signals("", head.replace("SZ Plus", "Kicker").format(plain))["plus_label"] == 0.0
