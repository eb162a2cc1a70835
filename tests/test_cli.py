"""The clean command: outputs by file name, summary, errors as one line with an exit code."""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.writers.streams import open_read
from tests.conftest import FIXTURES, SEEDS

runner = CliRunner()
NEWS = str(FIXTURES / "warc" / "news.warc.gz")


def read_lines(path: Path) -> list[bytes]:
    with open_read(str(path)) as stream:
        return stream.read().splitlines()


def test_summary_has_counts_and_rate(tmp_path: Path) -> None:
    result = runner.invoke(app, ["clean", str(SEEDS), "-o", str(tmp_path / "o.jsonl"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert re.search(
        r"read 5, kept 5, rejected 0, skipped \d+ in [\d.]+ s \([\d.]+ docs/s\)", result.stderr
    )


@pytest.mark.parametrize("name", ["o.jsonl.gz", "o.jsonl.zst", "o.jsonl.zstd"])
def test_compression_is_chosen_by_file_name(tmp_path: Path, name: str) -> None:
    plain, packed = tmp_path / "o.jsonl", tmp_path / name
    for out in (plain, packed):
        result = runner.invoke(app, ["clean", NEWS, "-o", str(out), "-j", "1"])
        assert result.exit_code == 0, result.output
    assert packed.read_bytes()[:4] != plain.read_bytes()[:4]  # really compressed
    assert read_lines(packed) == read_lines(plain) and len(read_lines(plain)) == 3


def test_records_go_to_stdout_and_rejects_to_stderr_without_files() -> None:
    result = runner.invoke(app, ["clean", NEWS, "-j", "1"])
    assert result.exit_code == 0
    records = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["warc_record_id"][-3:] for r in records] == ["01>", "02>", "03>"]
    assert "beispielzeitung.de/weiter" not in result.stdout
    assert "rejected (no_text)" in result.stderr


def test_unwritable_output_is_one_line_and_exit_1(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "dir" / "o.jsonl"
    result = runner.invoke(app, ["clean", str(SEEDS), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert result.stderr.startswith("cleaner: error: cannot write ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_missing_input_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["clean", str(tmp_path / "absent")])
    assert result.exit_code == 2 and "no such file or folder" in result.stderr


def test_scheduler_needs_an_output_file() -> None:
    result = runner.invoke(app, ["clean", NEWS, "--scheduler", "local"])
    assert result.exit_code == 2
    assert "--scheduler needs -o FILE" in result.stderr


def test_bad_rule_pack_is_one_error_before_any_worker_starts(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text('[pack]\nname = "mine"\n[[rule]]\nid = "mine.x"\n')
    result = runner.invoke(app, ["clean", str(SEEDS), "--rules-dir", str(tmp_path), "-j", "1"])
    assert result.exit_code == 2
    assert result.stderr.startswith("cleaner: error: ") and "mine.toml" in result.stderr
    assert "Traceback" not in result.stderr and "Pool" not in result.stderr


@pytest.mark.parametrize(("flag", "scorer"), [([], False), (["--recover-blocks"], True)])
def test_recover_blocks_asks_for_the_block_scorer(
    flag: list[str], scorer: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import cleaner.extract.html as html

    asked: list[bool] = []
    real = html.assemble

    def spy(*args: object) -> object:
        asked.append(bool(args[3]))
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(html, "assemble", spy)
    page = next((FIXTURES / "html").glob("*.html"))
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["clean", str(page), "-o", str(out), "-j", "1", *flag])
    assert result.exit_code == 0, result.output
    assert asked and set(asked) == {scorer}
