"""trafilatura's second opinion (and its copy of the raw tree) only where the main text needs it."""

from __future__ import annotations

from typing import Any

import pytest

from cleaner.config import ExtractSettings
from cleaner.extract import second_opinion
from cleaner.extract.html import extractor_text, parse

SENTENCE = "Die Stadt baut eine neue Brücke über den Fluss, die im Sommer fertig sein soll. "


def _page(paragraphs: int) -> str:
    body = "".join(f"<p>{SENTENCE * 3}</p>" for _ in range(paragraphs))
    return f"<html><body><article>{body}</article></body></html>"


def _asked(monkeypatch: pytest.MonkeyPatch, html: str) -> list[int]:
    calls: list[int] = []
    original = second_opinion._ORIGINAL

    def counted(*args: Any) -> Any:
        calls.append(1)
        return original(*args)

    monkeypatch.setattr(second_opinion, "_ORIGINAL", counted)
    assert extractor_text(parse(html), None, ExtractSettings()).startswith("Die Stadt")
    return calls


def test_a_long_clean_text_gets_no_second_opinion(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _asked(monkeypatch, _page(8)) == []


def test_a_short_text_gets_one(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _asked(monkeypatch, _page(1)) == [1]


def test_warm_justext_builds_the_stop_list_before_a_page() -> None:
    import justext.core
    import trafilatura.external

    second_opinion.warm_justext()
    words = trafilatura.external.JT_STOPLIST
    assert words and "und" in words and "the" in words  # every language's list, merged
    hits = justext.core.define_stoplist.cache_info().hits
    justext.core.define_stoplist(words)  # what jusText asks on a page: cached, not rebuilt
    assert justext.core.define_stoplist.cache_info().hits == hits + 1
