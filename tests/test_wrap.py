"""Hard-wrapped text (plain-text mail, wire copy, <pre> blocks) is tagged by paragraphs."""

from __future__ import annotations

import textwrap

import pytest

from cleaner import clean_text
from cleaner.anatomy.wrap import paragraphs, wrap_width

PARAGRAPHS = [
    "The harbour board voted on Tuesday to extend the northern breakwater by two hundred "
    "metres, a project that engineers say will protect the fishing fleet from the winter "
    "storms that have damaged boats in three of the last five years.",
    "Work is due to start in the spring and to take about eighteen months. The board said "
    "most of the cost would be met by a regional fund for coastal towns, with the rest "
    "coming from higher mooring fees spread over ten years.",
    "Not everyone is pleased. A group of residents said the longer wall would block the "
    "view from the promenade and asked the board to publish the full environmental report "
    "before any contract is signed.",
]


def wrapped(width: int) -> list[str]:
    return [line for p in PARAGRAPHS for line in textwrap.wrap(p, width)]


@pytest.mark.parametrize("width", [60, 72, 80])
def test_wrap_width_found_and_paragraphs_rejoined(width: int) -> None:
    lines = wrapped(width)
    assert wrap_width(lines) is not None
    units = iter(" ".join(lines[s.start : s.stop]) for s in paragraphs(lines))
    for paragraph in PARAGRAPHS:  # each paragraph is a run of whole units, never part of one
        text = next(units)
        while text != paragraph:
            assert paragraph.startswith(text)
            text += " " + next(units)
    assert next(units, None) is None


def test_a_prompt_after_the_last_full_line_stays_apart() -> None:
    lines = [
        *wrapped(72)[:-1],
        "full environmental report first. Any contract is then signed.",
        "Share this article",
    ]
    assert len(lines[-2]) >= 0.75 * (wrap_width(lines) or 0)  # the last body line is full
    assert paragraphs(lines)[-1] == range(len(lines) - 1, len(lines))


def test_unwrapped_text_is_one_line_per_paragraph() -> None:
    assert wrap_width(PARAGRAPHS * 3) is None
    assert paragraphs(PARAGRAPHS) == [range(0, 1), range(1, 2), range(2, 3)]


def test_wrapped_article_keeps_its_body_and_cleans_idempotently() -> None:
    text = "\n".join(wrapped(72))
    doc = clean_text(text)
    assert doc.ok and doc.text == text  # type: ignore[union-attr]
    again = clean_text(doc.text)  # type: ignore[union-attr]
    assert again.ok and again.text == doc.text  # type: ignore[union-attr]
