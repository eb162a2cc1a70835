"""Real outputs (files, a WARC, fetched pages) mixed and read by the loaders corpus builders use,
each with its default settings: every value keeps one type, dates stay the strings we wrote."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from fetch_site import build_routes
from httpserver import Server, serve
from typer.testing import CliRunner

from cleaner.cli import app
from tests.conftest import FIXTURES, SEEDS

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # local files only: never the hub
FAST = ["--allow-private", "--delay", "0", "--retries", "1", "--timeout", "5"]


def _run(*args: str) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def own_site() -> Iterator[Server]:
    """A server of our own: the session's counts requests for the fetch tests."""
    with serve(build_routes()) as server:
        yield server


@pytest.fixture(scope="module")
def outputs(own_site: Server, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Four real outputs: partial dates (seeds), full dates with offsets (pages), WARC, fetch."""
    folder = tmp_path_factory.mktemp("outputs")
    named = {
        "seeds": [str(SEEDS)],
        "pages": [str(FIXTURES / "html")],
        "warc": [str(FIXTURES / "warc" / "news.warc.gz")],
    }
    for name, inputs in named.items():
        _run("clean", *inputs, "-o", str(folder / f"{name}.jsonl"))
    urls = [own_site.url(p) for p in ("/article.html", "/latin1.html", "/notice.txt")]
    _run("fetch", *urls, "-o", str(folder / "fetched.jsonl"), *FAST)
    return [folder / f"{name}.jsonl" for name in (*named, "fetched")]


@pytest.fixture(scope="module")
def mixed(outputs: list[Path]) -> Path:
    """One file holding every kind of record, as `cat a b c d > mixed.jsonl` makes it."""
    path = outputs[0].parent / "mixed" / "mixed.jsonl"
    path.parent.mkdir()
    path.write_bytes(b"".join(p.read_bytes() for p in outputs))
    return path


def _records(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_the_outputs_mix_every_source_kind_and_date_precision(mixed: Path) -> None:
    records = _records(mixed)
    assert {r["source"]["kind"] for r in records} == {"file", "warc", "url"}
    assert {"month", "second"} <= {r["date_precision"] for r in records}
    assert any(r["date"] and r["date"].endswith("+02:00") for r in records)


@pytest.fixture(scope="module")
def month_and_day(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The issue's case: one output with month dates, one with day dates, alike otherwise
    (Arrow used to read the second as timestamp[s] and fail to cast the first to it)."""
    folder = tmp_path_factory.mktemp("precisions")
    body = (SEEDS / "000_8e662fcc69ae7db1.txt").read_text(encoding="utf-8")
    made = []
    for name, date in (("month", "2021-04"), ("day", "2021-04-12")):
        (folder / name).mkdir()
        (folder / name / "a.txt").write_text(body.replace("date 2017-02", f"date {date}"))
        _run("clean", str(folder / name), "-o", str(folder / f"{name}.jsonl"))
        made.append(folder / f"{name}.jsonl")
    return made


@pytest.mark.parametrize("order", [1, -1])
def test_hf_datasets_defaults_load_outputs_of_different_date_precisions(
    month_and_day: list[Path], order: int, tmp_path: Path
) -> None:
    datasets = pytest.importorskip("datasets")
    files = [str(p) for p in month_and_day[::order]]
    table = datasets.load_dataset("json", data_files=files, split="train", cache_dir=str(tmp_path))
    dates = ["2021-04-01T00:00:00.000", "2021-04-12T00:00:00.000"][::order]
    assert table["date"] == dates and table["date_precision"] == ["month", "day"][::order]


@pytest.mark.parametrize("order", [1, -1])
def test_hf_datasets_loads_every_mix_with_the_published_features(
    outputs: list[Path], order: int, tmp_path: Path
) -> None:
    datasets = pytest.importorskip("datasets")
    from cleaner.schema import features

    files = outputs[::order]
    table = datasets.load_dataset(
        "json",
        data_files=[str(p) for p in files],
        split="train",
        cache_dir=str(tmp_path),
        features=features(),
    )
    records = [r for p in files for r in _records(p)]
    assert table["id"] == [r["id"] for r in records]
    assert table["date"] == [r["date"] for r in records]  # strings, offsets kept
    assert [s["fetched_at"] for s in table["source"]] == [
        r["source"]["fetched_at"] for r in records
    ]


def test_polars_reads_the_mix(mixed: Path) -> None:
    pl = pytest.importorskip("polars")
    frame = pl.read_ndjson(mixed)
    records = _records(mixed)
    assert frame["id"].to_list() == [r["id"] for r in records]
    assert frame["date"].to_list() == [r["date"] for r in records]
    assert frame["source"].struct.field("status").to_list() == [
        r["source"]["status"] for r in records
    ]


@pytest.mark.parametrize("with_schema", [False, True])
def test_polars_reads_a_long_mix_of_source_kinds(
    mixed: Path, tmp_path: Path, with_schema: bool
) -> None:
    """Past polars' 100-row inference window, files first, then WARC and fetched records: the
    issue's panic (source.url null in every file row, a string later) cannot happen."""
    pl = pytest.importorskip("polars")
    from cleaner.schema import polars_schema

    records = _records(mixed)
    files = [r for r in records if r["source"]["kind"] == "file"]
    others = [r for r in records if r["source"]["kind"] != "file"]
    long = tmp_path / "long.jsonl"
    long.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in files * 40 + others))
    frame = pl.read_ndjson(long, schema=polars_schema() if with_schema else None)
    assert frame["source"].struct.field("url").to_list()[-len(others) :] == [
        r["source"]["url"] for r in others
    ]


def test_pyarrow_reads_the_mix_as_strings(mixed: Path) -> None:
    pa_json = pytest.importorskip("pyarrow.json")
    table = pa_json.read_json(mixed)
    assert str(table.schema.field("date").type) == "string"
    assert table.column("date").to_pylist() == [r["date"] for r in _records(mixed)]


def test_pandas_reads_the_mix(mixed: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_json(mixed, lines=True)
    records = _records(mixed)
    assert list(frame["id"]) == [r["id"] for r in records]
    # pandas parses a column named "date" by its name (convert_dates); with local and offset
    # times mixed it keeps our strings, and either way every value is the instant we wrote
    for got, record in zip(frame["date"], records, strict=True):
        want = record["date"]
        assert (pd.isna(got) and want is None) or pd.Timestamp(got) == pd.Timestamp(want)
    assert list(frame["word_count"]) == [r["word_count"] for r in records]


def test_datatrove_reads_the_mix(mixed: Path) -> None:
    readers = pytest.importorskip("datatrove.pipeline.readers")
    docs = list(readers.JsonlReader(str(mixed.parent)).run())
    records = _records(mixed)
    assert [d.id for d in docs] == [r["id"] for r in records]
    assert [d.text for d in docs] == [r["text"] for r in records]
    assert [d.metadata["date"] for d in docs] == [r["date"] for r in records]
