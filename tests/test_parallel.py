"""Worker pool: output identical for any number of workers; a stuck page is cut off."""

from __future__ import annotations

import gzip
from concurrent.futures import Future
from pathlib import Path

import orjson
import pytest
from pebble import ProcessExpired

from cleaner.config import RunSettings, Settings
from cleaner.document import Source
from cleaner.readers.items import Item, iter_items
from cleaner.run.outcome import Result, run_results
from cleaner.run.pool import Pool, resolve_jobs
from tests.batchcorpus import make_corpus, run_cli


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("parallel"), pages=24)


def slow_page() -> str:
    """A real input that takes trafilatura many seconds: tens of thousands of link blocks."""
    blocks = "".join(
        f"<div><a href='/a{i}'>Weiterlesen {i}</a> Wort Wort Wort</div>" for i in range(60000)
    )
    return f"<html><body>{blocks}</body></html>"


@pytest.mark.slow
def test_two_workers_equal_one_byte_for_byte(corpus: Path, tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2"):  # records gzipped (deterministic header), rejects plain
        out, rej = tmp_path / f"out{jobs}.jsonl.gz", tmp_path / f"rej{jobs}.jsonl"
        run_cli("clean", str(corpus), "-o", str(out), "--rejects", str(rej), "--jobs", jobs)
        outputs[jobs] = (out.read_bytes(), rej.read_bytes())
    one, two = outputs["1"], outputs["2"]
    assert first_difference(one, two) is None
    assert one == two


def first_difference(one: tuple[bytes, bytes], two: tuple[bytes, bytes]) -> str | None:
    """The first line that differs, readable (compressed bytes are not)."""
    for a, b in zip(one, two, strict=True):
        a_lines = gzip.decompress(a).splitlines() if a[:2] == b"\x1f\x8b" else a.splitlines()
        b_lines = gzip.decompress(b).splitlines() if b[:2] == b"\x1f\x8b" else b.splitlines()
        for n, (x, y) in enumerate(zip(a_lines, b_lines, strict=False)):
            if x != y:
                return f"line {n}:\n{x[:300]!r}\n{y[:300]!r}"
        if len(a_lines) != len(b_lines):
            return f"{len(a_lines)} lines against {len(b_lines)}"
    return None


def test_pool_matches_in_process_run_in_order(corpus: Path) -> None:
    settings = Settings()
    with Pool(settings, RunSettings(jobs=2)) as pool:
        pooled = list(pool.ordered(iter_items([corpus])))
    direct = list(run_results(iter_items([corpus]), settings))
    assert pooled == direct
    results = [r for r in pooled if isinstance(r, Result)]
    assert len(results) == 25 + 7 + 4  # pages, texts, WARC records of HTML: one result each
    reasons = {Path(r.where).name: r.reason for r in results if not r.ok}
    assert reasons["short.html"] == "too_short" and reasons["empty.txt"] == "empty"
    assert sum(r.ok for r in results) >= 24 + 3


@pytest.mark.slow
def test_small_window_and_recycling_keep_order(corpus: Path) -> None:
    # one document and one byte of payload in flight, workers replaced every 3 documents
    run = RunSettings(jobs=2, in_flight_per_job=1, max_in_flight_bytes=1, recycle_after=3)
    with Pool(Settings(), run) as pool:
        pooled = list(pool.ordered(iter_items([corpus])))
    assert pooled == list(run_results(iter_items([corpus]), Settings()))


@pytest.mark.slow
def test_stuck_page_is_cut_off_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, pages=3)
    (folder / "html" / "page0001x-slow.html").write_text(slow_page())
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    done = run_cli(
        "clean", str(folder), "-o", str(out), "--rejects", str(rej), "-j", "2", "--timeout", "1.5"
    )
    rejects = {
        Path(r["source"]["path"]).name: r for r in map(orjson.loads, rej.read_bytes().splitlines())
    }
    assert rejects["page0001x-slow.html"]["reason"] == "timeout"
    kept = [
        Path(r["source"]["path"]).name for r in map(orjson.loads, out.read_bytes().splitlines())
    ]
    assert {"page0000.html", "page0001.html", "page0002.html"} <= set(kept)
    assert "rejected 4" in done.stderr


def test_resolve_jobs_uses_every_core_by_default() -> None:
    assert resolve_jobs(3) == 3
    assert resolve_jobs(0) >= 1


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (TimeoutError(), "timeout"),
        (ProcessExpired("Abnormal termination", code=-11), "internal_error"),
        (ValueError("cannot pickle"), "internal_error"),
    ],
)
def test_a_failed_task_becomes_a_reject_of_its_input(error: Exception, reason: str) -> None:
    item = Item(Source(kind="file", path="a.html"), "html")
    future: Future[Result] = Future()
    future.set_exception(error)
    result = Pool(Settings())._line(item, future)
    assert isinstance(result, Result) and not result.ok and result.reason == reason
    assert orjson.loads(result.line)["source"]["path"] == "a.html"
