"""Training copies with a box of another outlet between paragraphs (training/augment.py)."""

from __future__ import annotations

from dataclasses import replace

from training.augment import Box, boxed_copy, inline_boxes
from training.train_roles import Example

PARAGRAPHS = [f"Paragraph {n} of the invented story goes on for a while here." for n in range(5)]


def _example(group: str, lines: list[str], labels: list[str], skip: set[int]) -> Example:
    return Example(group, "textcase", f"{group}-page", lines, labels, [], skip)


def _story(group: str) -> Example:
    lines = ["Menu", *PARAGRAPHS[:2], "Read more: another story", *PARAGRAPHS[2:], "Share"]
    labels = ["boiler", "body", "body", "boiler", "body", "body", "body", "boiler"]
    return _example(group, lines, labels, {0})


def test_inline_boxes_are_the_cut_runs_between_body_lines() -> None:
    boxes = inline_boxes([_story("a")])
    assert boxes == [Box("a", "textcase", ("Read more: another story",), ("boiler",))]


def test_a_box_of_prose_is_no_furniture_to_learn() -> None:
    quote = " ".join(["word"] * 40)
    ex = _example("a", [PARAGRAPHS[0], quote, PARAGRAPHS[1]], ["body", "boiler", "body"], set())
    assert inline_boxes([ex]) == []


def test_the_copy_takes_a_box_from_another_outlet_between_two_paragraphs() -> None:
    boxes = inline_boxes([_story("a"), _story("b")])
    copy = boxed_copy(_story("b"), boxes)
    assert copy is not None
    assert len(copy.lines) > len(_story("b").lines)
    assert [line for line in copy.lines if line in PARAGRAPHS] == PARAGRAPHS
    assert copy.lines[0] == "Menu" and 0 in copy.skip  # the unlabelled line moves with its text
    inserted = [i for i, line in enumerate(copy.lines) if line == "Read more: another story"]
    assert all(copy.labels[i - 1] == "body" == copy.labels[i + 1] for i in inserted)


def test_the_copy_is_the_same_on_every_run() -> None:
    boxes = inline_boxes([_story("a"), _story("b"), _story("c")])
    assert boxed_copy(_story("b"), boxes) == boxed_copy(_story("b"), boxes)


def test_no_copy_without_a_box_from_elsewhere_or_without_body() -> None:
    assert boxed_copy(_story("a"), inline_boxes([_story("a")])) is None
    short = _example("b", PARAGRAPHS[:2], ["body", "body"], set())
    assert boxed_copy(short, inline_boxes([_story("a")])) is None


def test_a_loosely_labelled_set_is_neither_copied_nor_a_source_of_boxes() -> None:
    loose = [replace(_story(group), kind="wcxb-dev") for group in ("a", "b")]
    assert inline_boxes(loose) == []
    assert boxed_copy(loose[1], inline_boxes([_story("a")])) is None
