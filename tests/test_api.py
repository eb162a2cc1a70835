"""The public library API: exports, outcomes, determinism, metadata from HTML and text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import cleaner
from cleaner import Reject, clean_file, clean_html, clean_paths, clean_text
from cleaner.writers.jsonl import dumps
from tests.conftest import SEEDS

PAGE = """<!doctype html><html lang="de"><head><meta charset="windows-1252">
<title>Stadtrat beschließt neues Radwegenetz</title></head><body><article>
<h1>Stadtrat beschließt neues Radwegenetz</h1>
<p>Der Stadtrat hat am Dienstag mit großer Mehrheit ein neues Radwegenetz für die Innenstadt
beschlossen. Bis 2028 sollen vierzig Kilometer geschützte Radwege entstehen.</p>
<p>Die Kosten von rund zwölf Millionen Euro trägt zur Hälfte das Land. Die Opposition kritisierte
den Wegfall von Parkplätzen in der Altstadt, stimmte aber am Ende zu.</p>
</article></body></html>"""


def test_all_is_sorted_and_complete() -> None:
    assert cleaner.__all__ == sorted(cleaner.__all__)
    for name in cleaner.__all__:
        assert hasattr(cleaner, name)


def test_clean_text_on_seed_returns_document() -> None:
    doc = clean_text((SEEDS / "004_a6927e8d2a57a50c.txt").read_text(encoding="utf-8"))
    assert doc.ok
    assert (doc.dateline, doc.agency, doc.date) == ("Peking", "dpa-AFX", "2021-04")


def test_clean_html_decodes_cp1252_bytes() -> None:
    doc = clean_html(PAGE.encode("cp1252"), url="https://www.example.de/radwege")
    assert doc.ok
    assert "beschlossen" in doc.text and "Hälfte" in doc.text
    assert doc.title == "Stadtrat beschließt neues Radwegenetz"
    assert doc.source.encoding == "cp1252"


def test_empty_input_is_a_reject_not_an_exception() -> None:
    outcome = clean_text("   \n  ")
    assert isinstance(outcome, Reject) and not outcome.ok
    assert outcome.reason == "empty"


def test_too_short_text_is_rejected_with_reason() -> None:
    outcome = clean_text("Kurz und knapp.")
    assert isinstance(outcome, Reject) and outcome.reason == "too_short"


def test_output_is_byte_identical_across_runs() -> None:
    first = [dumps(o.to_record()) for o in clean_paths([SEEDS])]
    second = [dumps(o.to_record()) for o in clean_paths([SEEDS])]
    assert first == second and len(first) == 5


def test_clean_file_reads_gzip(tmp_path: Path) -> None:
    import gzip

    seed = SEEDS / "003_f042610608fd6644.txt"
    target = tmp_path / "article.txt.gz"
    target.write_bytes(gzip.compress(seed.read_bytes()))
    doc = clean_file(target)
    assert doc.ok and doc.text == clean_file(seed).text


def test_record_has_every_key_with_id_and_text_first() -> None:
    record = clean_text(
        (SEEDS / "000_8e662fcc69ae7db1.txt").read_text(encoding="utf-8")
    ).to_record()
    assert list(record)[:2] == ["id", "text"]
    assert record["authors"] == [] and record["title"] is None
    assert record["word_count"] == len(record["text"].split())
    assert {"rule": "generic.date-header", "text": "date 2017-02"} in record["cleaning"]["removed"]


def test_clean_paths_takes_one_str_or_pathlike_as_one_path(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    for given in (str(tmp_path), tmp_path):
        outcomes = list(clean_paths(given))
        assert [o.source.path for o in outcomes] == [str(tmp_path / "a.html")]


def test_clean_file_refuses_a_warc_archive() -> None:
    warc = Path(__file__).parent.parent / "fixtures" / "warc" / "news.warc.gz"
    with pytest.raises(ValueError, match="clean_paths"):
        clean_file(warc)


@pytest.mark.parametrize(
    "call",
    [
        lambda: clean_text(None),  # type: ignore[arg-type]
        lambda: clean_text("Text", url=3),  # type: ignore[arg-type]
        lambda: clean_html(None),  # type: ignore[arg-type]
        lambda: clean_html(["<p>"]),  # type: ignore[arg-type]
        lambda: clean_file(None),  # type: ignore[arg-type]
        lambda: list(clean_paths(None)),  # type: ignore[arg-type]
        lambda: list(clean_paths([None])),  # type: ignore[list-item]
    ],
)
def test_a_wrong_argument_type_is_a_type_error(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError):
        call()
