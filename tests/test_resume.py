"""--resume: a run killed at any point and restarted ends with every input exactly once."""

from __future__ import annotations

import gzip
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.run.resume import prepare_resume, read_ids
from cleaner.writers.jsonl import JsonlWriter
from cleaner.writers.staging import PARTIAL_PREFIX
from cleaner.writers.streams import open_read
from tests.batchcorpus import ROOT, make_corpus, run_cli

LINES = [b'{"id":"%016x","text":"%s"}\n' % (n, b"Wort " * (n % 40)) for n in range(300)]


def write_cut(path: Path, cut: float) -> None:
    """The file as a killed writer leaves it: the first `cut` share of its bytes."""
    whole = b"".join(LINES)
    if path.suffix == ".gz":
        whole = gzip.compress(whole)
    elif path.suffix == ".zst":
        import zstandard

        whole = zstandard.ZstdCompressor().compress(whole)
    path.write_bytes(whole[: int(len(whole) * cut)])


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.jsonl.zst"])
@pytest.mark.parametrize("cut", [0.0, 0.37, 0.999, 1.0])
def test_torn_output_is_repaired_to_whole_lines(tmp_path: Path, name: str, cut: float) -> None:
    path = tmp_path / name
    write_cut(path, cut)
    done = prepare_resume([str(path), None, str(tmp_path / "absent.jsonl")])
    with open_read(str(path)) as stream:
        kept = stream.read()
    assert kept == b"".join(LINES[: len(done)])  # a prefix of whole lines, nothing torn
    if cut == 1.0:
        assert len(done) == len(LINES)
    with JsonlWriter(str(path), append=True) as writer:  # appending continues cleanly
        for line in LINES[len(done) :]:
            writer.write_line(line)
    assert set(read_ids(str(path))) == {f"{n:016x}" for n in range(300)}


@pytest.mark.slow
def test_resume_needs_both_output_files(tmp_path: Path) -> None:
    done = run_cli("clean", "seeds", "-o", str(tmp_path / "o.jsonl"), "--resume", check=False)
    assert done.returncode == 2
    assert "--resume needs both -o FILE and --rejects FILE" in done.stderr


def start(corpus: Path, out: Path, rej: Path, *extra: str) -> subprocess.Popen[bytes]:
    code = "from cleaner.cli import main; main()"
    args = ["clean", str(corpus), "-o", str(out), "--rejects", str(rej), "-j", "2", *extra]
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT)


def kill_at_random(proc: subprocess.Popen[bytes], seconds: float) -> None:
    """SIGKILL after `seconds`: a random share of an uninterrupted run's time."""
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


@pytest.mark.slow
def test_kill_9_then_resume_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    # plain JSONL: its 8 KB buffer reaches the file every few records, so the kill leaves a
    # prefix of whole lines and usually a torn one (cut compressed streams: the test above)
    corpus = make_corpus(tmp_path, pages=40)
    whole_out, whole_rej = tmp_path / "whole.jsonl", tmp_path / "whole.rej.jsonl"
    started = time.monotonic()
    run_cli("clean", str(corpus), "-o", str(whole_out), "--rejects", str(whole_rej), "-j", "2")
    whole = time.monotonic() - started
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    seed = random.randrange(10**6)
    proc = start(corpus, out, rej)
    kill_at_random(proc, whole * random.Random(seed).uniform(0.2, 0.8))
    run_cli("clean", str(corpus), "-o", str(out), "--rejects", str(rej), "-j", "2", "--resume")
    for mine, reference in ((out, whole_out), (rej, whole_rej)):
        with open_read(str(mine)) as got, open_read(str(reference)) as want:
            # the same lines in the same order: every input once, nothing torn
            assert got.read() == want.read(), f"random seed {seed}"


@pytest.mark.slow
def test_interrupt_exits_130_and_keeps_whole_lines(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, pages=40)
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    proc = start(corpus, out, rej)
    partial = tmp_path / f"{PARTIAL_PREFIX}out.jsonl"  # renamed onto out when the run ends
    deadline = time.monotonic() + 60
    while not (partial.exists() and partial.stat().st_size > 0) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    code = proc.wait(timeout=60)
    assert code in (0, 130)  # 0 when the run finished first
    written = out if code == 0 else partial
    data = written.read_bytes()
    assert data.endswith(b"\n") and os.path.getsize(written) > 0
    assert all(line.startswith(b'{"id":"') for line in data.splitlines())
