"""The block scorer: DOM blocks, their features, and the keep/drop/recover decisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from cleaner.extract.blockfeatures import add_features, page_blocks
from cleaner.extract.blocks import (
    BlockModel,
    load_model,
    probability,
    rescore,
    scored_blocks,
    second_opinion,
)
from cleaner.extract.embeds import class_words, cut_embeds
from cleaner.extract.repeats import drop_repeats

P1 = "Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, die Radwege auszubauen."
P2 = "Die Opposition kritisierte die Kosten, stimmte aber am Ende ebenfalls für den Plan."
P3 = "Der Bau soll im Frühjahr beginnen und nach zwei Jahren abgeschlossen sein, hieß es."
PAGE = f"""<html><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/p">Politik</a></li></ul></nav>
<article><h1>Radwege kommen</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<footer><p><a href="/i">Impressum</a> <a href="/d">Datenschutz</a></p></footer>
</body></html>"""


def tree() -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(PAGE)


def test_blocks_are_innermost_text_elements_in_order() -> None:
    texts = [b.text for b in page_blocks(tree())]
    assert texts == ["Startseite", "Politik", "Radwege kommen", P1, P2, P3, "Impressum Datenschutz"]


def test_features_see_links_and_the_extractor() -> None:
    blocks = page_blocks(tree())
    add_features(blocks, "".join(b.key for b in blocks[3:5]))  # the extractor kept P1 and P2
    nav, p1, p3, footer = blocks[0], blocks[3], blocks[5], blocks[6]
    assert nav.features["link_density"] == 1.0 and nav.features["in=nav"] == 1.0
    assert p1.features["link_density"] == 0.0 and p1.features["kept"] == 1.0
    assert p3.features["kept"] == 0.0 and p3.features["prev_kept"] == 1.0
    assert footer.features["in=footer"] == 1.0


# A hand-made model: body text is long prose near kept blocks; links are not.
MODEL = BlockModel(
    keep={"bias": -1.0, "log_chars": 0.6, "link_density": -6.0},
    recover={"bias": -2.0, "log_chars": 0.6, "link_density": -6.0, "prev_kept": 1.0},
    drop_below=0.2,
    recover_above=0.8,
    min_recover_chars=40,
)


@pytest.mark.parametrize(
    ("kept_lines", "expected", "dropped"),
    [
        ([P1, P2, P3], [P1, P2, P3], []),
        ([P1, P3], [P1, P2, P3], []),  # P2 recovered between the blocks around it
        ([P1, P2, P3, "Impressum Datenschutz"], [P1, P2, P3], ["Impressum Datenschutz"]),
        (  # a line the DOM does not know stays; P2 goes after the line of the block before it
            [P1, "Ein Satz, den das DOM nicht kennt."],
            [P1, P2, "Ein Satz, den das DOM nicht kennt."],
            [],
        ),
    ],
)
def test_rescore(kept_lines: list[str], expected: list[str], dropped: list[str]) -> None:
    text = "\n".join(kept_lines)
    out = rescore(kept_lines, scored_blocks(tree(), text, MODEL), MODEL)
    assert out.lines == expected
    assert out.dropped == dropped
    assert out.recovered == [line for line in expected if line not in kept_lines]


LEAD = "Ein neuer Radweg verbindet ab Montag die Altstadt mit dem Bahnhof im Norden der Stadt."
MENU_PAGE = f"""<html><body>
<nav><ul><li><a href="/n">Newsletter</a></li></ul></nav>
<article><h1>Radwege kommen</h1><p class="lead">{LEAD}</p><p>{P1}</p><p>{P2}</p>
<p>Der Newsletter informiert Sie montags über alles aus der Stadt.</p></article>
</body></html>"""


def test_a_short_block_inside_a_later_line_does_not_anchor_a_recovered_lead() -> None:
    # 'Newsletter' of the menu is found in the closing line; the lead still goes first
    closing = "Der Newsletter informiert Sie montags über alles aus der Stadt."
    lines = ["Radwege kommen", P1, P2, closing]
    page = lxml_html.document_fromstring(MENU_PAGE)
    out = rescore(lines, scored_blocks(page, "\n".join(lines), MODEL), MODEL)
    assert out.lines == ["Radwege kommen", LEAD, P1, P2, closing]


def test_a_block_the_text_holds_but_for_a_note_is_not_put_back_twice() -> None:
    note = f"<p>{P1[:-1]} <span>(Link)</span>.</p>"
    page = lxml_html.document_fromstring(PAGE.replace(f"<p>{P1}</p>", note))
    lines = ["Radwege kommen", P1, P2, P3]  # the headline kept: the note's block is near it
    out = rescore(lines, scored_blocks(page, "\n".join(lines), MODEL), MODEL)
    assert out.lines == lines and out.recovered == []


def test_probability_uses_the_weights_for_kept_or_left_out_blocks() -> None:
    assert probability({"bias": 1.0}, MODEL) == pytest.approx(1 / (1 + 2.718281828**2))
    assert probability({"bias": 1.0, "kept": 1.0}, MODEL) == pytest.approx(1 / (1 + 2.718281828))


def test_model_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    raw = {"keep": MODEL.keep, "recover": MODEL.recover, "drop_below": 0.2, "recover_above": 0.8}
    path.write_text(json.dumps({**raw, "min_recover_chars": 40}), "utf-8")
    assert load_model(str(path)) == MODEL


def test_shipped_model_is_deterministic() -> None:
    model = load_model()
    assert 0.0 <= model.drop_below < model.recover_above
    text = "\n".join([P1, P2, P3])
    assert second_opinion(tree(), text) == second_opinion(tree(), text)


def test_repeats_keep_the_first_copy() -> None:
    lines = [P1, "Anzeige", P2, "Anzeige", P1, P2.upper()]
    assert drop_repeats(lines) == ([P1, "Anzeige", P2, "Anzeige"], [P1, P2.upper()])


def test_a_lone_repeat_amid_new_lines_stays() -> None:
    lines = [P1, P2, "Woche 2", P1, P3]  # a plan repeating one step among others
    assert drop_repeats(lines) == (lines, [])


def test_class_words_split_camel_case() -> None:
    node = lxml_html.fromstring('<p class="imageCaption mol-photo_credit">x</p>')
    assert class_words(node) == {"image", "caption", "mol", "photo", "credit"}


def test_cut_embeds_and_captions() -> None:
    page = lxml_html.document_fromstring(
        f"""<html><body><article><p>{P1}</p>
        <blockquote class="twitter-tweet"><p>Ein Tweet</p>— Jemand</blockquote>
        <p class="imageCaption">Der Radweg am Ring. Foto: Stadt</p>
        <div class="share-twitter"><a href="#">Teilen</a></div>
        <div class="caption-story"><p>{P2}</p></div></article></body></html>"""
    )
    cut = cut_embeds(page)
    assert cut.embeds == ["Ein Tweet— Jemand"]
    assert cut.captions == ["Der Radweg am Ring. Foto: Stadt"]
    text = " ".join(page.text_content().split())
    assert P1 in text and P2 in text and "Teilen" in text and "Tweet" not in text
