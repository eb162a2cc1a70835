"""The date a page prints by its headline decides the day; "Updated" dates do not replace a
published one; a hidden machine date and its written form are one statement."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from cleaner.metadata.html_meta import PageMeta, found_day_matters, shown_or_merged
from cleaner.metadata.visible_date import ShownDate, shown_dates


def _page(body: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><body>{body}</body></html>")


def test_the_byline_date_under_the_headline_is_shown() -> None:
    tree = _page(
        "<p>Sidebar: Top story of 1 March 2020</p>" + "<p>menu entry</p>" * 20 + "<h1>A Title</h1>"
        "<p>By Erika Muster | March 5, 2025 | 4 min read</p><p>Body text.</p>"
    )
    assert [(d.iso, d.revision) for d in shown_dates(tree)] == [("2025-03-05", False)]


def test_a_date_far_below_the_headline_is_not_the_article_date() -> None:
    tree = _page("<h1>A Title</h1>" + "<p>" + "word " * 200 + "</p><p>June 3, 2024</p>")
    assert shown_dates(tree) == []


def test_updated_marks_the_date_and_its_hidden_machine_form() -> None:
    tree = _page(
        "<h1>A Title</h1><span hidden>2024-12-06T11:29:12+00:00</span>"
        "<span>Last Updated:</span> <span>December 6, 2024</span>"
        '<time datetime="2024-12-07">7 Dec 2024</time>'
    )
    found = [(d.iso[:10], d.revision) for d in shown_dates(tree)]
    assert found == [
        ("2024-12-06", True),
        ("2024-12-06", True),
        ("2024-12-07", False),
        ("2024-12-07", False),
    ]


def test_a_date_line_above_the_headline_counts() -> None:
    tree = _page("<h5>January 23, 2025</h5><h1>A Title</h1><p>Text of the page.</p>")
    assert [d.iso for d in shown_dates(tree)] == ["2025-01-23"]


def _shown(iso: str, revision: bool = False) -> ShownDate:
    return ShownDate(iso, revision)


@pytest.mark.parametrize(
    ("meta", "found", "shown", "expected"),
    [
        # the shown day decides; the meta value naming it keeps time and zone
        (PageMeta(date="2025-01-29T20:47:55+00:00"), None, [_shown("2025-03-05")], "2025-03-05"),
        (PageMeta(date="2025-03-05T13:25:58+01:00"), None, [_shown("2025-03-05")], None),
        # the meta tag in UTC and the <time> element in the outlet's zone: one moment
        (
            PageMeta(date="2025-07-05T00:04:00+00:00"),
            None,
            [_shown("2025-07-04T20:04-04:00")],
            None,
        ),
        (
            PageMeta(date="2025-07-05T00:04:00+00:00"),
            None,
            [_shown("2025-07-04T20:05-04:00")],
            "2025-07-04T20:05-04:00",
        ),
        # a day shown alone that the meta moment falls on in the outlet's zone: the meta value
        (PageMeta(date="2025-12-02T23:00:55+00:00"), None, [_shown("2025-12-03")], None),
        (PageMeta(date="2025-12-01T12:00:00+00:00"), None, [_shown("2025-12-03")], "2025-12-03"),
        # a shown revision does not replace the published meta date
        (PageMeta(date="2020-05-13T20:03:25+00:00"), None, [_shown("2025-01-02", True)], None),
        # ... but beats htmldate's guess when the metadata has no published date
        (PageMeta(), "2023-04-07", [_shown("2024-12-31", True)], "2024-12-31"),
        (PageMeta(date="2024-03-12"), "2024-08-25", [], "2024-08-25"),  # merge_dates
        # ... unless htmldate's day is the declared modification day: it read the update
        (PageMeta(date="2024-03-12", date_modified="2024-08-25T10:00"), "2024-08-25", [], None),
    ],
)
def test_shown_or_merged(
    meta: PageMeta, found: str | None, shown: list[ShownDate], expected: str | None
) -> None:
    assert shown_or_merged(meta, found, shown) == (expected or meta.date)


_METAS = [PageMeta(), PageMeta(date="2025-03-05T13:25:58+01:00"), PageMeta(date="2020-05-13")]
_SHOWN = [
    [],
    [_shown("2025-03-05")],
    [_shown("2025-03-05", True)],
    [_shown("2024-12-31", True), _shown("2025-03-05")],
    [_shown("2021-01-01"), _shown("2020-05-13")],
]
_FOUND = [None, "2025-03-05", "2020-05-13", "2023-04-07"]


def test_htmldate_is_skipped_only_where_its_day_cannot_change_the_date() -> None:
    skipped = [(m, s) for m in _METAS for s in _SHOWN if not found_day_matters(m, s)]
    for meta, shown in skipped:
        assert len({shown_or_merged(meta, found, shown) for found in _FOUND}) == 1
    assert len(skipped) == 4  # the agreeing shown day (twice), only revisions, a shown day


@pytest.mark.parametrize(
    ("meta", "shown"),
    [
        (PageMeta(date="2020-05-13"), []),  # merge_dates: htmldate decides the day
        # htmldate may name the second shown day
        (PageMeta(date="2020-05-13"), [_shown("2021-01-01"), _shown("2025-03-05")]),
        (PageMeta(), []),
    ],
)
def test_htmldate_is_asked_where_its_day_can_change_the_date(
    meta: PageMeta, shown: list[ShownDate]
) -> None:
    assert found_day_matters(meta, shown)
    assert len({shown_or_merged(meta, found, shown) for found in _FOUND}) > 1
