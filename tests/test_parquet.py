"""Parquet output by file name: the JSONL rows, in order, typed by the published schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from cleaner import clean_text
from cleaner.cli import app
from cleaner.schema import arrow_schema
from cleaner.writers.parquet import ParquetWriter
from tests.conftest import FIXTURES, SEEDS

pq = pytest.importorskip("pyarrow.parquet")
INPUTS = [str(SEEDS), str(FIXTURES / "html"), str(FIXTURES / "warc" / "news.warc.gz")]


def _clean(*args: str) -> Any:
    return CliRunner().invoke(app, ["clean", *INPUTS, *args])


def _lines(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("both")
    made = {}
    for name in ("out.jsonl", "rej.jsonl", "out.parquet", "rej.parquet"):
        made[name] = folder / name
    for kind in ("jsonl", "parquet"):
        result = _clean("-o", str(made[f"out.{kind}"]), "--rejects", str(made[f"rej.{kind}"]))
        assert result.exit_code == 0, result.output
    return made


@pytest.mark.parametrize("name", ["out", "rej"])
def test_parquet_holds_the_jsonl_rows_in_order(both: dict[str, Path], name: str) -> None:
    rows = pq.read_table(both[f"{name}.parquet"]).to_pylist()
    assert rows == _lines(both[f"{name}.jsonl"]) and rows


def test_parquet_carries_the_published_schema(both: dict[str, Path]) -> None:
    assert pq.read_schema(both["out.parquet"]).equals(arrow_schema())
    assert pq.read_schema(both["rej.parquet"]).equals(arrow_schema("reject"))


def test_no_temporary_file_is_left(both: dict[str, Path]) -> None:
    names = {p.name for p in both["out.parquet"].parent.iterdir()}
    assert set(both) <= names and not [n for n in names if n.startswith((".tmp-", ".partial-"))]


def test_a_failed_run_leaves_no_parquet_file(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    with pytest.raises(RuntimeError), ParquetWriter(str(out)) as writer:
        writer.write(clean_text((FIXTURES / "http" / "notice.txt").read_text()).to_record())
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


def test_resume_refuses_parquet_and_leaves_it_alone(both: dict[str, Path]) -> None:
    before = both["out.parquet"].read_bytes()
    result = _clean("-o", str(both["out.parquet"]), "--rejects", str(both["rej.jsonl"]), "--resume")
    assert result.exit_code != 0 and "cannot be resumed" in result.output
    assert both["out.parquet"].read_bytes() == before


def test_hf_datasets_reads_parquet_outputs_with_its_defaults(
    both: dict[str, Path], tmp_path: Path
) -> None:
    datasets = pytest.importorskip("datasets")
    files = [str(both["out.parquet"])] * 2
    table = datasets.load_dataset(
        "parquet", data_files=files, split="train", cache_dir=str(tmp_path)
    )
    assert table["id"] == [r["id"] for r in _lines(both["out.jsonl"])] * 2


def test_fetch_writes_parquet_too(tmp_path: Path) -> None:
    from fetch_site import build_routes
    from httpserver import serve

    fast = ["--allow-private", "--delay", "0", "--retries", "1", "--timeout", "5"]
    with serve(build_routes()) as site:
        urls = [site.url(p) for p in ("/article.html", "/notice.txt")]
        for name in ("out.jsonl", "out.parquet"):
            result = CliRunner().invoke(app, ["fetch", *urls, "-o", str(tmp_path / name), *fast])
            assert result.exit_code == 0, result.output
    rows = pq.read_table(tmp_path / "out.parquet").to_pylist()
    lines = _lines(tmp_path / "out.jsonl")
    for row in (*rows, *lines):
        row["source"].pop("fetched_at")  # the two fetches ran at different times
    by_id = sorted(rows, key=lambda r: r["id"]), sorted(lines, key=lambda r: r["id"])
    assert by_id[0] == by_id[1] and len(rows) == 2  # fetch writes pages as they finish
