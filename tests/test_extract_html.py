"""HTML extraction: hand-written pages imitating real layouts, each with expected fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from cleaner.api import clean_html
from cleaner.document import Document
from cleaner.errors import RulePackError
from cleaner.extract.headlines import drop_headlines, kicker_from
from cleaner.extract.headlines import key as headline_key
from cleaner.extract.lead import find_lead
from cleaner.filters.packs import load_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
CASES = sorted(p.stem for p in (FIXTURES / "expected").glob("*.json"))


def _expected(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "expected" / f"{case}.json").read_text("utf-8"))
    return data


def _clean(case: str) -> Document:
    raw = (FIXTURES / f"{case}.html").read_bytes()
    doc = clean_html(raw, url=_expected(case).get("url"))
    assert isinstance(doc, Document), getattr(doc, "detail", doc)
    return doc


@pytest.mark.parametrize("case", CASES)
def test_fields(case: str) -> None:
    """Metadata fields exactly as expected/<case>.json states them."""
    doc = _clean(case)
    for key, value in _expected(case).get("fields", {}).items():
        assert getattr(doc, key) == value, key


@pytest.mark.parametrize("case", CASES)
def test_body_keeps_and_drops(case: str) -> None:
    """Every 'keep' snippet is in the text, no 'drop' snippet is, and dropped text is recorded."""
    doc = _clean(case)
    expected = _expected(case)
    for snippet in expected.get("keep", []):
        assert snippet in doc.text
    for snippet in expected.get("drop", []):
        assert snippet not in doc.text
    for snippet in expected.get("captions", []):
        assert any(snippet in caption for caption in doc.captions), snippet
    rules = {removal.rule for removal in doc.removed}
    for rule in expected.get("removed_rules", []):
        assert rule in rules, rule


@pytest.mark.parametrize(
    ("lines", "cut"),
    [
        (["Verkehrswende Stadtrat beschließt Radwege", "Der Rat hat entschieden."], 1),
        (["Verkehrswende:Stadtrat beschließt Radwege", "Der Rat hat entschieden."], 1),
        (["Stadtrat beschließt Radwege | wdr aktuell", "Der Rat hat entschieden."], 1),
        (["Stadtrat beschließt Radwege, sagte der Bürgermeister.", "Weiter."], 0),
        (["Der Rat hat entschieden.", "Er tagte lange.", "Es gab Streit.", "Dann kam es.", "x"], 0),
    ],
)
def test_drop_headlines(lines: list[str], cut: int) -> None:
    kept, removed = drop_headlines(lines, ["Stadtrat beschließt Radwege"])
    assert len(removed) == cut
    assert kept == [line for line in lines if line not in removed]


def test_kicker_from_cut_headline() -> None:
    title = "Stadtrat beschließt Radwege"
    assert kicker_from(["Verkehrswende Stadtrat beschließt Radwege"], title) == "Verkehrswende"
    assert kicker_from(["Stadtrat beschließt Radwege"], title) is None


LEAD = "Die Feuerwehr kämpft seit dem Morgen gegen einen Großbrand im Gewerbegebiet am Hafen."


@pytest.mark.parametrize(
    ("body_html", "extracted", "expected"),
    [
        (f"<div><b>Musterstadt.</b> {LEAD}</div>", "Feuer brach aus.", f"Musterstadt. {LEAD}"),
        (f"<p>{LEAD}</p>", f"{LEAD}\nDas Feuer brach aus.", None),  # already in the body
        ("<p>Nur Text.</p>", "Das Feuer brach aus.", None),  # description not shown on the page
        (f"<script>var d = '{LEAD}';</script>", "Das Feuer brach aus.", None),
        (f"<h1>Titel</h1><figure><figcaption>{LEAD}</figcaption></figure>", "Feuer.", None),
    ],
)
def test_find_lead(body_html: str, extracted: str, expected: str | None) -> None:
    head = f'<head><meta name="description" content="{LEAD}"></head>'
    tree = lxml_html.document_fromstring(f"<html>{head}<body>{body_html}</body></html>")
    assert find_lead(tree, LEAD, extracted) == expected


BODY_TEXT = "Text des Artikels. " * 40
STANDFIRST = (
    "Der Zahlungsdienstleister hat das neue System erstmals im Onlinehandel erfolgreich eingesetzt."
)


@pytest.mark.parametrize(
    ("body_html", "expected"),
    [
        (
            f'<header><h1>Titel</h1><div class="article-lead">{STANDFIRST}</div></header>',
            STANDFIRST,
        ),
        (f'<header><h1>Titel</h1><div class="excerpt">{STANDFIRST}</div></header>', STANDFIRST),
        (f'<header><h1>Titel</h1><div class="leaderboard">{STANDFIRST}</div></header>', None),
        (
            f'<h1>T</h1><ul class="related"><li class="post-card__excerpt">{STANDFIRST}</li></ul>',
            None,
        ),
        (  # far below the headline, past the body: another story's teaser
            f'<h1>Titel</h1><p>{BODY_TEXT}</p><div class="intro">{STANDFIRST}</div>',
            None,
        ),
        (  # an author bio box under the headline
            f'<h1>Titel</h1><div class="author-bio"><p class="intro">{STANDFIRST}</p></div>',
            None,
        ),
    ],
)
def test_find_lead_by_class(body_html: str, expected: str | None) -> None:
    """Without a matching description, a lead-classed block in the title's header is the lead."""
    tree = lxml_html.document_fromstring(f"<html><body>{body_html}</body></html>")
    assert find_lead(tree, None, "Der Text des Artikels.") == expected


def test_prune_selector_must_compile(tmp_path: Path) -> None:
    """A pack with a broken XPath fails when it loads, naming the file."""
    pack = tmp_path / "site.toml"
    pack.write_text("[pack]\nname = 'site'\nprune = ['//div[@class=']\n", "utf-8")
    with pytest.raises(RulePackError, match=r"site\.toml: bad prune XPath"):
        load_file(pack)


def test_prune_only_for_its_host() -> None:
    """The heise selector does not touch the same markup on another host."""
    raw = (FIXTURES / "tech_news_teaser_card.html").read_bytes()
    doc = clean_html(raw, url="https://www.example.org/news/1.html")
    assert isinstance(doc, Document)
    assert "Polizei schaltet Plattform" in doc.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello, World_1! (Part 2)", "helloworld1part2"),  # ASCII: the bytes fast path
        ("Grüße aus der Straße, Ärger: 3 €", "grüsseausderstrasseärger3"),  # casefolded, NFC
        ("Cafe\u0301 – déjà vu", "cafédéjàvu"),  # a combining accent composes (NFC)
        ("„Zitat“ — 12\u00a0%, ½ Maß_ok", "zitat12½massok"),  # non-ASCII marks out, ½ kept
    ],
)
def test_key_keeps_letters_and_digits_casefolded(text: str, expected: str) -> None:
    assert headline_key(text) == expected


def test_warm_dates_asks_dateparser_for_a_string_no_locale_parses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from htmldate import extractors

    from cleaner.extract.html import warm_dates

    asked: list[str] = []

    class Parser:
        def get_date_data(self, text: str) -> dict[str, Any]:
            asked.append(text)
            return {"date_obj": None}

    monkeypatch.setattr(extractors, "get_external_parser", Parser)
    warm_dates()
    assert len(asked) == 1  # one string, once: the locales load on dateparser's first miss


def test_the_parse_drops_noncharacters_and_keeps_their_byte_neighbours() -> None:
    from cleaner.extract.html import parse

    # U+FFFE and U+FFFF go (libxml2 stops at them); U+FFE9 shares their first two UTF-8 bytes
    page = "<html><body><p>a\ufffeb\uffffc \uffe9 d</p><p>zweiter</p></body></html>"
    assert [p.text for p in parse(page).iter("p")] == ["abc \uffe9 d", "zweiter"]


def test_the_parse_repairs_text_that_was_utf8_read_as_latin1() -> None:
    from cleaner.extract.html import parse

    # served as UTF-8, but its text had been read as latin-1 once: "’" became "â\x80\x99";
    # the parser drops the C1 controls, so the repair comes before it
    twice = "It doesn’t — café".encode().decode("latin-1")
    page = f"<html><body><p>{twice}</p><p>plain ascii</p></body></html>"
    assert [p.text for p in parse(page).iter("p")] == ["It doesn’t — café", "plain ascii"]
