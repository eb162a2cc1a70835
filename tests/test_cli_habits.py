"""The command line's habits: stdin and stdout by '-', any explicit file, --ext, --version,
one exit-code policy, explain on a WARC, rejects never dropped, byte progress."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from cleaner import clean_file, clean_text
from cleaner._version import __version__
from cleaner.cli import app
from cleaner.config import Limits
from cleaner.document import Source
from cleaner.pipeline import Pipeline
from cleaner.readers.items import Item, Skipped, iter_items, stdin_item
from cleaner.readers.sniff import sniff
from cleaner.run.progress import BytesRead
from tests.conftest import FIXTURES, SEEDS

NEWS = FIXTURES / "warc" / "news.warc.gz"
SEED = SEEDS / "004_a6927e8d2a57a50c.txt"
BODY = "Die Stadt baut eine neue Brücke über den Fluss, die im Sommer fertig sein soll."
MORE = "Der Rat hat am Dienstag zugestimmt, die Kosten liegen bei zwölf Millionen Euro."
PAGE = f"<!DOCTYPE html><html><body><article><p>{BODY}</p><p>{MORE}</p></article></body></html>"
runner = CliRunner()


def records(text: str) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_version_option() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"cleaner {__version__}"


@pytest.mark.parametrize("data", [PAGE, f"{BODY}\n{MORE}"], ids=["html", "text"])
def test_stdin_to_stdout(data: str) -> None:
    result = runner.invoke(app, ["clean", "-", "-o", "-", "-j", "1"], input=data.encode())
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert record["text"] == f"{BODY}\n{MORE}"
    assert not Path("-").exists()


def test_kind_option_overrides_the_sniffing() -> None:
    limits = Limits()
    assert stdin_item(io.BytesIO(PAGE.encode()), None, limits).kind == "html"
    assert stdin_item(io.BytesIO(PAGE.encode()), "text", limits).kind == "text"


def test_explicit_file_of_any_extension_is_read_and_sniffed(tmp_path: Path) -> None:
    (tmp_path / "index.php").write_text(PAGE, encoding="utf-8")
    (tmp_path / "mirror").mkdir()
    (tmp_path / "mirror" / "story").write_text(f"{BODY}\n{BODY}", encoding="utf-8")
    (tmp_path / "mirror" / "page.shtml").write_text(PAGE, encoding="utf-8")
    explicit = list(iter_items([tmp_path / "index.php"]))
    assert [(type(i).__name__, getattr(i, "kind", None)) for i in explicit] == [("Item", "html")]
    walked = list(iter_items([tmp_path / "mirror"]))
    assert all(isinstance(i, Skipped) for i in walked)  # in a folder: only known extensions
    widened = list(iter_items([tmp_path / "mirror"], extensions=[".shtml", ""]))
    assert [(Path(str(i.source.path)).name, i.kind) for i in widened if isinstance(i, Item)] == [
        ("page.shtml", "html"),
        ("story", "text"),
    ]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        (b"\xef\xbb\xbf<!doctype html><p>x", "html"),
        (b"<!-- saved --> <html lang=de>", "html"),
        (b"<div><p>a</p><p>b</p></div>", "html"),
        (b"Ein Text, der <p> erwaehnt.", "text"),
        (b"PEKING (dpa-AFX) - Text", "text"),
    ],
)
def test_sniffing(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_clean_file_refuses_a_warc_and_reads_any_name(tmp_path: Path) -> None:
    (tmp_path / "archive").write_bytes(gzip.decompress(NEWS.read_bytes()))
    with pytest.raises(ValueError, match="clean_paths"):
        clean_file(tmp_path / "archive")  # a WARC by its bytes, whatever its name
    (tmp_path / "a.php").write_text(PAGE, encoding="utf-8")
    assert clean_file(tmp_path / "a.php").ok


def test_library_caller_errors_are_type_errors() -> None:
    with pytest.raises(TypeError):
        clean_text(None)  # type: ignore[arg-type]


def test_explain_reads_a_warc_as_the_pages_it_holds() -> None:
    result = runner.invoke(app, ["explain", "--no-color", str(NEWS)])
    assert result.exit_code == 0, result.output
    assert "WARC-Type" not in result.output and "WARC/1.0" not in result.output
    assert result.output.count("\n== http") == 3 or result.output.startswith("== http")
    assert "kept as an article" in result.output


def test_trace_shows_the_lines_in_the_cuts_and_the_verdict() -> None:
    trace = Pipeline().trace(SEED.read_bytes(), Source(kind="file", path=str(SEED)), "text")
    assert trace.verdict is None
    assert trace.lines_in[0].startswith("date 2021-04 PEKING (dpa-AFX) - Im Machtkampf")
    assert trace.doc.lines[0].startswith("Im Machtkampf")  # the header went to its fields
    assert any(r.rule == "dpa.editor-initials" for r in trace.doc.removed)
    short = Pipeline().trace(b"Kurz.", Source(kind="text"), "text")
    assert short.verdict is not None  # the gate's verdict is reported, not raised
    assert short.lines_in == ["Kurz."]


def test_unwritable_output_exits_1_from_clean_and_fetch(tmp_path: Path) -> None:
    bad = str(tmp_path / "no" / "such" / "dir" / "o.jsonl")
    clean = runner.invoke(app, ["clean", str(SEED), "-o", bad, "-j", "1"])
    fetch = runner.invoke(app, ["fetch", "http://127.0.0.1:9/", "-o", bad, "--allow-private"])
    assert (clean.exit_code, fetch.exit_code) == (1, 1)
    assert "cannot write" in clean.stderr and "cannot write" in fetch.stderr


def test_bytes_read_follows_files_and_warc_offsets(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    meter = BytesRead()
    seen = []
    for item in meter.watch(iter_items([tmp_path / "a.txt", NEWS])):
        seen.append(meter.total)
        assert isinstance(item, Item)
    size = len(BODY.encode())
    assert seen[0] == size
    assert size < seen[1] <= seen[-1] <= size + NEWS.stat().st_size
