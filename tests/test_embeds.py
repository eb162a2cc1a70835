"""Embedded posts and stray captions, found by their class or itemprop words."""

from __future__ import annotations

import pytest

from cleaner.extract.embeds import cut_embeds
from cleaner.extract.html import parse


def test_embeds_and_captions_are_cut_whatever_the_case_of_their_class() -> None:
    tree = parse(
        "<html><body><p>Der Text.</p>"
        '<blockquote class="Twitter-Tweet">Ein Post.</blockquote>'
        '<p class="imageCaption">Das Bild.</p><span itemprop="CREDIT">Foto: A. B.</span>'
        '<div class="share twitter">Teilen</div><p class="recreditation">Weiter.</p>'
        "</body></html>"
    )
    cut = cut_embeds(tree)
    assert cut.embeds == ["Ein Post."]
    assert cut.captions == ["Das Bild.", "Foto: A. B."]
    assert tree.text_content() == "Der Text.TeilenWeiter."


def test_an_element_with_two_hinting_values_is_cut_once() -> None:
    tree = parse(
        '<html><body><div class="caption" itemprop="caption"><span class="credit">A</span>'
        "</div><p>B</p></body></html>"
    )
    assert cut_embeds(tree).captions == ["A"]


@pytest.mark.parametrize("odd", ["", " İnfo"])  # 'İ'.lower() is two characters long
def test_candidates_are_the_elements_with_a_hint_in_a_value(odd: str) -> None:
    from cleaner.extract.embeds import _candidates

    page = (
        f'<html><body><div class="story{odd}"><p class="ImageCaption">A</p><p class="x">B</p>'
        '<blockquote class="twitter-tweet" itemprop="credit">C</blockquote>'
        '<span class="copy">D</span><span itemprop="copyrightHolder">E</span></div></body></html>'
    )
    body = parse(page).find("body")
    assert [node.text for node in _candidates(body)] == ["A", "C", "E"]
