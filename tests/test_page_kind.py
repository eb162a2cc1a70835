"""Page kind and access: hand-written pages of each kind, --articles-only, paywall evidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cleaner import Reject, clean_html, clean_text
from cleaner.cli import app
from cleaner.config import KindSettings, Settings
from cleaner.pagekind.access import PLUS_LABEL, consent_wall, paywalled
from cleaner.pagekind.decide import PAGE_TYPES
from cleaner.pagekind.model import shipped_model
from cleaner.pagekind.urlshape import url_signals
from tests.conftest import FIXTURES, SEEDS

KINDS = FIXTURES / "kinds"
PAGES: dict[str, dict[str, Any]] = json.loads((KINDS / "expected.json").read_text("utf-8"))["pages"]
ARTICLES_ONLY = Settings(kind=KindSettings(articles_only=True))


def _clean(case: str, settings: Settings | None = None) -> Any:
    raw = (KINDS / f"{case}.html").read_bytes()
    return clean_html(raw, url=PAGES[case]["url"], settings=settings)


@pytest.mark.parametrize("case", sorted(c for c in PAGES if "page_type" in PAGES[c]))
def test_page_type_and_paywall_of_each_fixture(case: str) -> None:
    doc = _clean(case)
    assert doc.ok, doc
    assert (doc.page_type, doc.paywalled) == (PAGES[case]["page_type"], PAGES[case]["paywalled"])
    record = doc.to_record()
    assert record["page_type"] in PAGE_TYPES and record["paywalled"] == doc.paywalled


@pytest.mark.parametrize("case", sorted(PAGES))
def test_articles_only_rejects_exactly_the_non_articles(case: str) -> None:
    outcome = _clean(case, ARTICLES_ONLY)
    kind = PAGES[case].get("page_type")
    if kind in {"article", "liveblog"}:
        assert outcome.ok
    elif kind is None:
        assert isinstance(outcome, Reject) and outcome.reason == PAGES[case]["reject"]
    else:
        assert isinstance(outcome, Reject)
        assert (outcome.reason, outcome.detail) == ("not_article", f"page_type {kind}")


def test_consent_wall_is_rejected_without_the_option_too() -> None:
    outcome = _clean("consent_wall")
    assert isinstance(outcome, Reject) and outcome.reason == "consent_wall"


def test_text_inputs_are_articles_with_unknown_access() -> None:
    doc = clean_text(
        (SEEDS / "004_a6927e8d2a57a50c.txt").read_text("utf-8"), settings=ARTICLES_ONLY
    )
    assert doc.ok and (doc.page_type, doc.paywalled) == ("article", None)


def test_a_text_of_time_stamped_entries_is_a_live_blog() -> None:
    entries = [
        f"{hour}:{minute:02d} Uhr Die Zählung in Bezirk {n} ist abgeschlossen, die Wahlbeteiligung "
        f"lag dort bei {60 + n} Prozent, teilte die Wahlleiterin am Abend mit."
        for n, (hour, minute) in enumerate(
            [
                (22, 45),
                (22, 10),
                (21, 30),
                (21, 5),
                (20, 55),
                (20, 40),
                (20, 30),
                (20, 20),
                (20, 10),
                (20, 0),
            ]
        )
    ]
    doc = clean_text("\n".join(entries))
    assert doc.ok and doc.page_type == "liveblog"


def test_cli_articles_only_rejects_the_pages_whose_type_says_not_article(tmp_path: Path) -> None:
    runner = CliRunner()
    plain, only = tmp_path / "plain.jsonl", tmp_path / "only.jsonl"
    rejects = tmp_path / "rejects.jsonl"
    assert runner.invoke(app, ["clean", str(KINDS), "-o", str(plain), "-j", "1"]).exit_code == 0
    args = ["clean", str(KINDS), "-o", str(only), "--rejects", str(rejects), "--articles-only"]
    assert runner.invoke(app, [*args, "-j", "1"]).exit_code == 0
    kinds = {r["source"]["path"]: r["page_type"] for r in map(json.loads, _lines(plain))}
    kept = {r["source"]["path"] for r in map(json.loads, _lines(only))}
    dropped = {
        r["source"]["path"]: r["detail"]
        for r in map(json.loads, _lines(rejects))
        if r["reason"] == "not_article"
    }
    assert kept == {p for p, k in kinds.items() if k in {"article", "liveblog"}}
    assert dropped == {p: f"page_type {k}" for p, k in kinds.items() if p not in kept}
    assert dropped, "the fixtures hold non-article pages"


def _lines(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines()


@pytest.mark.parametrize(
    ("label", "is_label"),
    [
        ("SZ Plus", True),
        ("Tagesspiegel Plus", True),
        ("RZplus", True),
        ("F+", True),
        ("Abo", True),
        ("Premium", True),
        ("Surplus", False),
        ("C++", False),
        ("plus", False),
        ("Abonnieren Sie unseren Newsletter", False),
    ],
)
def test_plus_label(label: str, is_label: bool) -> None:
    assert bool(PLUS_LABEL.match(label)) is is_label


@pytest.mark.parametrize(
    ("ld", "label", "box", "words", "flag"),
    [
        (-1.0, False, False, 900, True),
        (1.0, True, True, 50, False),
        (0.0, True, False, 900, True),
        (0.0, False, True, 120, True),
        (0.0, False, True, 900, None),
        (0.0, False, False, 50, None),
    ],
)
def test_paywall_evidence_strongest_first(
    ld: float, label: bool, box: bool, words: int, flag: bool | None
) -> None:
    assert paywalled(ld, label, box, words) is flag


def test_an_article_about_cookies_is_not_a_consent_wall() -> None:
    notice = ["We use cookies to personalise content.", "Accept cookies and tracking consent."]
    report = [
        "The regulator fined the company for setting tracking cookies without consent.",
        *["The fine follows a two-year investigation into how the firm built its pages."] * 40,
    ]
    privacy = [
        "Aus datenschutzrechtlichen Gründen speichern wir IP-Adressen nur anonymisiert.",
        "Cookies finden keine Anwendung. Die Logfiles werden nach sieben Tagen gelöscht.",
    ]
    assert consent_wall(notice) and not consent_wall(report) and not consent_wall(privacy)


@pytest.mark.parametrize(
    ("url", "key", "value"),
    [
        ("https://a.example/", "url_root", 1.0),
        ("https://a.example/tag/energy/", "url_index", 1.0),
        ("https://a.example/2024/05/03/council-approves-lanes", "url_date", 1.0),
        ("https://a.example/news/council-approves-new-cycle-lanes", "url_slug_words", 5.0),
        (None, "url_known", 0.0),
    ],
)
def test_url_shape(url: str | None, key: str, value: float) -> None:
    assert url_signals(url)[key] == value


def test_shipped_model_is_well_formed_and_fires_both_ways() -> None:
    model = shipped_model()
    assert 0.0 < model.article_threshold < 1.0
    for booster in (model.article, model.index):
        for tree in booster.trees:
            assert max(tree.feature) < len(model.features)
            assert len(tree.feature) == len(tree.threshold) == len(tree.value)
    assert model.predict({}) in PAGE_TYPES


# Scripts' and styles' text and tails, a noscript's own text (not its children's), a PI's
# tail, non-breaking spaces, nested lists and links: every case the C scans must count as
# the plain walk over every element does.
_TRICKY_BODY = (
    "<html><body> lead <script>var a = 1;</script> after script <style>p{}</style>"
    "<noscript>own <img src=x> img tail</noscript><?php echo 1 ?> pi tail"
    "<ul><li>one <a href=#>\xa0link\xa0 text </a><ul><li>inner</li></ul></li><li>two</li></ul>"
    "<h2><a href=#>teaser</a></h2><h3>plain</h3><p>$ 5</p><p>costs</p><p>12 EUR</p>"
    "</body></html>"
)


def _walked(body: Any) -> tuple[int, int, int, list[str]]:
    """The plain walk the signals replaced: (text, link, listed characters, element texts)."""
    text = link = listed = 0
    texts = []
    for node in body.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag not in {"script", "style"} and node.text:
            texts.append(node.text)
        if node.tag in {"script", "style", "noscript"}:
            continue
        text += len((node.text or "").strip()) + len((node.tail or "").strip())
        words = len(" ".join(node.text_content().split()))
        if node.tag == "a":
            link += words
        elif node.tag == "li" and not any(a.tag == "li" for a in node.iterancestors()):
            listed += words
    return text, min(link, text), min(listed, text), texts


def test_body_scans_count_as_the_plain_walk() -> None:
    from lxml import html as lxml_html

    from cleaner.pagekind.signals import _walk_body

    body = lxml_html.document_fromstring(_TRICKY_BODY).find("body")
    walk = _walk_body(body)
    assert (walk.text, walk.link, walk.listed, walk.texts) == _walked(body)
    assert walk.tags["a"] == 2 and walk.tags["h1"] == 0
