"""Faults around a run: a full disk, an unwritable output, Ctrl-C.

Each must end with a one-line error (no traceback), a non-zero exit, whole lines in the
output, and `--resume` must then finish the job with exactly the lines of an uninterrupted run.
A disk filling up mid-run is simulated with RLIMIT_FSIZE (writes past the limit fail with
EFBIG, as they would with ENOSPC), so no special file system is needed.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.writers.staging import PARTIAL_PREFIX
from tests.batchcorpus import make_corpus
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # processes, clusters and signals: seconds each

CLI = [sys.executable, "-c", "from cleaner.cli import main; main()", "clean"]
PAGES = 4
BIG_PAGES = 24
BUSY_PAGES = 4


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("faults"), pages=PAGES)


@pytest.fixture(scope="module")
def reference(corpus: Path) -> tuple[bytes, bytes]:
    return uninterrupted(corpus)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Output large enough to reach the file before the run ends (writes are buffered), and
    busy pages in the middle (seconds each) so that SIGINT lands mid-run however idle the
    machine is."""
    root = make_corpus(tmp_path_factory.mktemp("faults_big"), pages=BIG_PAGES)
    for n in range(BUSY_PAGES):
        (root / "html" / f"page{BIG_PAGES // 2 + n:04d}b-busy.html").write_text(busy_page())
    return root


def busy_page() -> str:
    """A real page that takes the extractor a second or two: thousands of link blocks."""
    blocks = "".join(
        f"<div><a href='/a{i}'>Weiterlesen {i}</a> Wort Wort</div>" for i in range(5000)
    )
    return f"<html><body>{blocks}</body></html>"


def uninterrupted(corpus: Path) -> tuple[bytes, bytes]:
    """Records and rejects of an uninterrupted run."""
    out, rej = corpus.parent / "ref.jsonl", corpus.parent / "ref.rej.jsonl"
    done = cli(corpus, out, rej)
    assert done.returncode == 0, done.stderr
    return out.read_bytes(), rej.read_bytes()


def cli(
    corpus: Path, out: Path | str, rej: Path | str, *extra: str, file_limit: int | None = None
) -> subprocess.CompletedProcess[str]:
    def limit_files() -> None:  # runs in the child, before cleaner starts
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so a write fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))  # type: ignore[arg-type]

    return subprocess.run(
        [*CLI, str(corpus), "-o", str(out), "--rejects", str(rej), *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,  # only a guard against a hang
        preexec_fn=limit_files if file_limit else None,
    )


def assert_one_line_error(stderr: str, *expected: str) -> None:
    errors = [line for line in stderr.splitlines() if line.startswith("cleaner: error:")]
    assert len(errors) == 1, stderr
    assert all(part in errors[0] for part in expected), errors[0]
    assert "Traceback" not in stderr


@pytest.mark.parametrize(
    ("out_name", "rej_name", "full"),
    [("/dev/full", "rej.jsonl", "/dev/full"), ("out.jsonl", "/dev/full", "/dev/full")],
)
def test_full_device_is_a_one_line_error(
    corpus: Path, tmp_path: Path, out_name: str, rej_name: str, full: str
) -> None:
    done = cli(corpus, tmp_path / out_name, tmp_path / rej_name)
    assert done.returncode == 1
    assert_one_line_error(done.stderr, full, "No space left on device")


@pytest.mark.parametrize(
    ("where", "message"), [("a_file/out.jsonl", "Not a directory"), (".", "Is a directory")]
)
def test_unwritable_output_is_a_one_line_error(
    corpus: Path, tmp_path: Path, where: str, message: str
) -> None:
    (tmp_path / "a_file").write_text("not a folder")
    out = tmp_path / where
    done = cli(corpus, out, tmp_path / "rej.jsonl")
    assert done.returncode == 1
    assert_one_line_error(done.stderr, str(out), message)


def test_disk_full_mid_run_then_resume(
    corpus: Path, tmp_path: Path, reference: tuple[bytes, bytes]
) -> None:
    # (a cut gzip output is repaired by the same --resume: see test_resume.py)
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    out.write_bytes(b"an earlier run's output\n")
    limit = len(reference[0]) // 3
    first = cli(corpus, out, rej, file_limit=limit)
    assert first.returncode == 1
    partial = tmp_path / f"{PARTIAL_PREFIX}out.jsonl"  # a fresh run writes here, then renames
    assert_one_line_error(first.stderr, f"cannot write {partial}", "File too large")
    assert 0 < partial.stat().st_size <= limit  # the run got part of the way
    assert out.read_bytes() == b"an earlier run's output\n"  # and the old output is intact
    second = cli(corpus, out, rej, "--resume")
    assert second.returncode == 0, second.stderr
    assert (out.read_bytes(), rej.read_bytes()) == reference


def test_ctrl_c_exits_130_then_resume_finishes(big_corpus: Path, tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal's Ctrl-C sends it (workers too)."""
    reference = uninterrupted(big_corpus)
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    args = [*CLI, str(big_corpus), "-o", str(out), "--rejects", str(rej), "-j", "2"]
    proc = subprocess.Popen(
        args,
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=default_sigint,
    )
    partial = tmp_path / f"{PARTIAL_PREFIX}out.jsonl"
    wait_for_output(proc, partial)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "cleaner: interrupted" in stderr and "Traceback" not in stderr
    assert partial.read_bytes().endswith(b"\n") and not out.exists()
    assert len(partial.read_bytes()) < len(reference[0])  # it did stop part of the way
    resumed = cli(big_corpus, out, rej, "--resume", "-j", "2")
    assert resumed.returncode == 0, resumed.stderr
    assert (out.read_bytes(), rej.read_bytes()) == reference


def default_sigint() -> None:
    """Give the child a terminal's SIGINT: an ignored SIGINT is inherited, and a library used
    earlier in the test session may have left it ignored in this process."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for_output(proc: subprocess.Popen[str], out: Path) -> None:
    """Until the first record is written (or the run ends), so the signal lands mid-run."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size > 0:
            return
        time.sleep(0.01)
