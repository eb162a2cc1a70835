"""Cluster runs: the shard function over a two-worker Dask LocalCluster gives the local lines."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from cleaner.config import RunSettings, Settings
from cleaner.errors import OutputError
from cleaner.run.local import run_batch
from cleaner.run.shard import Shard, clean_shard, part_names, plan_shards
from cleaner.run.sink import Outputs
from cleaner.writers.streams import open_read
from tests.batchcorpus import make_corpus, run_cli

pytestmark = pytest.mark.slow  # processes, clusters and signals: seconds each

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Two single-threaded worker processes on loopback, HTTP on a free port: no network."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        host="127.0.0.1",
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("dask"), pages=14)


def local_run(corpus: Path, folder: Path, suffix: str) -> tuple[bytes, bytes]:
    out, rej = folder / f"local{suffix}", folder / f"local.rej{suffix}"
    run_batch([corpus], Outputs(str(out), str(rej)), Settings(), RunSettings(jobs=1))
    return read(out), read(rej)


def read(path: Path) -> bytes:
    with open_read(str(path)) as stream:
        return stream.read()


def test_cluster_run_equals_local_run(scheduler: str, corpus: Path, tmp_path: Path) -> None:
    suffix = ".jsonl.gz"  # parts gzipped too, joined and recompressed in shard order
    out, rej = tmp_path / f"dask{suffix}", tmp_path / f"dask.rej{suffix}"
    done = run_cli(
        "clean", str(corpus), "-o", str(out), "--rejects", str(rej), "--scheduler", scheduler
    )
    assert (read(out), read(rej)) == local_run(corpus, tmp_path, suffix)
    assert not Path(f"{out}.parts").exists()  # the parts were joined and removed
    assert "skipped 1" in done.stderr


def test_cluster_run_without_rejects_file_names_rejects_on_stderr(
    scheduler: str, corpus: Path, tmp_path: Path
) -> None:
    """As a local run does: a reject with nowhere to go is one line on stderr, not dropped."""
    out = tmp_path / "dask.jsonl"
    done = run_cli("clean", str(corpus), "-o", str(out), "--scheduler", scheduler)
    named = [line for line in done.stderr.splitlines() if ": rejected (" in line]
    local = run_cli("clean", str(corpus), "-o", str(tmp_path / "local.jsonl"), "-j", "1")
    assert named and named == [x for x in local.stderr.splitlines() if ": rejected (" in x]


def test_plan_keeps_walk_order_and_gives_a_warc_its_own_shard(corpus: Path) -> None:
    plan = plan_shards([corpus], files_per_shard=5)
    names = [Path(p).name for shard in plan.shards for p in shard.paths]
    assert names[:3] == ["page0000.html", "page0001.html", "page0002.html"]
    warc = [s for s in plan.shards if any(p.endswith(".warc.gz") for p in s.paths)]
    assert len(warc) == 1 and len(warc[0].paths) == 1
    assert all(len(s.paths) <= 5 for s in plan.shards)
    assert [s.index for s in plan.shards] == list(range(len(plan.shards)))
    assert [Path(p).name for p in plan.skipped] == ["notes.csv"]


def test_shard_function_writes_complete_parts(corpus: Path, tmp_path: Path) -> None:
    shard = Shard(0, (str(corpus / "html" / "page0000.html"), str(corpus / "html" / "short.html")))
    part, rejects_part = part_names(str(tmp_path), shard, ".jsonl")
    counts = clean_shard(list(shard.paths), part, rejects_part)
    assert (counts.kept, counts.rejected) == (1, 1)
    assert read(Path(part)).count(b"\n") == 1 and b'"too_short"' in read(Path(rejects_part))
    assert sorted(os.listdir(tmp_path)) == ["part-00000.jsonl", "part-00000.rejects.jsonl"]


def test_shard_that_cannot_write_leaves_no_part(corpus: Path, tmp_path: Path) -> None:
    part = tmp_path / "missing" / "part-00000.jsonl"
    with pytest.raises(OutputError):
        clean_shard([str(corpus / "html" / "page0000.html")], str(part), str(part) + ".rej")
    assert not part.exists()


def test_resume_on_cluster_reuses_finished_parts(
    scheduler: str, corpus: Path, tmp_path: Path
) -> None:
    out, rej = tmp_path / "dask.jsonl", tmp_path / "dask.rej.jsonl"
    plan = plan_shards([corpus], RunSettings().shard_files)
    folder = Path(f"{out}.parts")
    folder.mkdir()
    part, rejects_part = part_names(str(folder), plan.shards[0], ".jsonl")
    Path(part).write_bytes(b'{"id":"from-an-earlier-run"}\n')  # a finished part is not redone
    Path(rejects_part).write_bytes(b"")
    args = ["-o", str(out), "--rejects", str(rej), "--scheduler", scheduler, "--resume"]
    run_cli("clean", str(corpus), *args)
    assert read(out).startswith(b'{"id":"from-an-earlier-run"}\n')


def test_local_scheduler_keeps_the_time_limit(tmp_path: Path) -> None:
    from tests.test_parallel import slow_page

    folder = make_corpus(tmp_path, pages=2)
    (folder / "html" / "page0000x-slow.html").write_text(slow_page())
    out, rej = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    args = ["-o", str(out), "--rejects", str(rej), "--timeout", "1.5", "-j", "2"]
    run_cli("clean", str(folder), *args, "--scheduler", "local")
    rejects = [orjson.loads(line) for line in rej.read_bytes().splitlines()]
    reasons = {Path(r["source"]["path"]).name: r["reason"] for r in rejects}
    assert reasons["page0000x-slow.html"] == "timeout"
    assert b"page0001.html" in out.read_bytes()


@pytest.fixture
def odd_tree(tmp_path: Path, corpus: Path) -> Path:
    """Inputs with a link out of the tree (a reject, never read) and a .php page."""
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.html").write_bytes((corpus / "html" / "page0000.html").read_bytes())
    (tree / "b.php").write_bytes((corpus / "html" / "page0001.html").read_bytes())
    outside = tmp_path / "outside.html"
    outside.write_bytes((corpus / "html" / "page0002.html").read_bytes())
    (tree / "c.html").symlink_to(outside)
    return tree


def test_plan_makes_the_same_choices_as_a_local_walk(odd_tree: Path) -> None:
    plan = plan_shards([odd_tree], files_per_shard=5, extensions=[".php"])
    assert [[Path(p).name for p in s.paths] for s in plan.shards] == [
        ["a.html", "b.php"],
        ["c.html"],
    ]
    assert plan.shards[1].problem and "outside the given paths" in plan.shards[1].problem
    assert plan_shards([odd_tree], files_per_shard=5).skipped == [str(odd_tree / "b.php")]


def test_cluster_run_of_odd_tree_equals_local_run(
    scheduler: str, odd_tree: Path, tmp_path: Path
) -> None:
    def run(name: str, *extra: str) -> tuple[bytes, bytes]:
        out, rej = tmp_path / f"{name}.jsonl", tmp_path / f"{name}.rej.jsonl"
        run_cli(
            "clean", str(odd_tree), "--ext", ".php", "-o", str(out), "--rejects", str(rej), *extra
        )
        return read(out), read(rej)

    cluster, local = run("dask", "--scheduler", scheduler), run("local", "-j", "1")
    assert cluster == local
    assert b"outside the given paths" in cluster[1] and cluster[0].count(b"\n") == 2
