"""Outputs are safe: never an input, never shared, never opened before the run can proceed,
one writer at a time, and --resume only continues what it can trust (issue 14)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tests.conftest import ROOT, SEEDS

SEED = "000_8e662fcc69ae7db1.txt"
OLD = b"an earlier result the user keeps\n"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from cleaner.cli import main; main()", "clean", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)


def one_error(done: subprocess.CompletedProcess[str], code: int, *expected: str) -> None:
    errors = [line for line in done.stderr.splitlines() if line.startswith("cleaner: error:")]
    assert done.returncode == code, done.stderr
    assert len(errors) == 1 and "Traceback" not in done.stderr, done.stderr
    assert all(part in errors[0] for part in expected), errors[0]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for name in sorted(p.name for p in SEEDS.glob("*.txt"))[:2]:
        shutil.copy(SEEDS / name, root / name)
    return root


def test_an_output_that_is_an_input_is_refused_and_kept(corpus: Path) -> None:
    page = corpus / SEED
    before = page.read_bytes()
    for spelling in (str(page), f"{corpus}/../corpus/{SEED}"):
        one_error(cli(str(page), "-o", spelling), 2, "is also an input")
        assert page.read_bytes() == before


def test_an_output_inside_an_input_folder_is_refused(corpus: Path) -> None:
    one_error(cli(str(corpus), "-o", str(corpus / "out.txt")), 2, "would be read as input")
    assert not (corpus / "out.txt").exists()


@pytest.mark.parametrize("option", [["--rules", "nosuch"], ["--rules-dir", "/no/such/dir"]])
def test_bad_options_leave_an_existing_output_untouched(
    corpus: Path, tmp_path: Path, option: list[str]
) -> None:
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    out.write_bytes(OLD)
    rej.write_bytes(OLD)
    one_error(cli(str(corpus), "-o", str(out), "--rejects", str(rej), *option), 2)
    assert out.read_bytes() == OLD and rej.read_bytes() == OLD


def test_output_and_rejects_may_not_be_one_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(OLD)
    (tmp_path / "link.jsonl").symlink_to(out)
    for other in (str(out), f"{tmp_path}/./out.jsonl", str(tmp_path / "link.jsonl")):
        one_error(cli(str(corpus), "-o", str(out), "--rejects", other), 2, "the same file")
    assert out.read_bytes() == OLD


HOLD_LOCK = """
import sys
from cleaner.writers.guard import output_locks
with output_locks([sys.argv[1]]):
    print("locked", flush=True)
    sys.stdin.read()
"""


@pytest.mark.parametrize("resume", [False, True])
@pytest.mark.parametrize("locked", ["out.jsonl", "rej.jsonl"])
def test_a_second_writer_of_an_output_fails_at_once(
    corpus: Path, tmp_path: Path, resume: bool, locked: str
) -> None:
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    assert cli(str(corpus), "-o", str(out), "--rejects", str(rej)).returncode == 0
    before = out.read_bytes(), rej.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path / locked)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        extra = ["--resume"] if resume else []
        done = cli(str(corpus), "-o", str(out), "--rejects", str(rej), *extra)
        one_error(done, 2, "being written by another cleaner run")
        assert (out.read_bytes(), rej.read_bytes()) == before
    finally:
        holder.communicate(b"")
    assert not (tmp_path / f".{locked}.lock").exists()  # the holder cleaned up after itself


def records(path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_resume_ids_do_not_depend_on_how_a_path_is_spelled(corpus: Path, tmp_path: Path) -> None:
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    assert cli("corpus", "-o", str(out), "--rejects", str(rej), cwd=tmp_path).returncode == 0
    first = records(out)
    for spelling, cwd in ((str(corpus) + "/", ROOT), ("./corpus/../corpus", tmp_path)):
        done = cli(spelling, "-o", str(out), "--rejects", str(rej), "--resume", cwd=cwd)
        assert done.returncode == 0, done.stderr
        assert "already done 2 in" in done.stderr
    assert records(out) == first


def test_resume_with_other_settings_is_refused_unless_anyway(corpus: Path, tmp_path: Path) -> None:
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    args = [str(corpus), "-o", str(out), "--rejects", str(rej)]
    assert cli(*args).returncode == 0
    before = out.read_bytes()
    one_error(cli(*args, "--resume", "--min-words", "99"), 2, "gate.min_words: 10 -> 99")
    assert out.read_bytes() == before
    assert cli(*args, "--resume", "--min-words", "10").returncode == 0  # same settings: fine
    assert cli(*args, "--resume-anyway", "--min-words", "99").returncode == 0
    assert out.read_bytes() == before  # everything was done already
    assert b"min_words" not in out.read_bytes()  # the JSONL holds records only


def test_resume_refuses_a_file_that_is_not_our_output(corpus: Path, tmp_path: Path) -> None:
    out, rej = tmp_path / "notes.jsonl", tmp_path / "rej.jsonl"
    for content in (b"my notes\nmore notes\n", b"a single torn line", b'["id"]\n'):
        out.write_bytes(content)
        done = cli(str(corpus), "-o", str(out), "--rejects", str(rej), "--resume")
        one_error(done, 1, "is not a cleaner JSONL output")
        assert out.read_bytes() == content


def test_resume_redoes_an_input_whose_line_is_corrupt(corpus: Path, tmp_path: Path) -> None:
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    args = [str(corpus), "-o", str(out), "--rejects", str(rej)]
    assert cli(*args).returncode == 0
    whole = out.read_bytes().splitlines(keepends=True)
    assert len(whole) == 2
    out.write_bytes(whole[0] + b"\x00\x00 garbage }\n" + whole[1][:-30] + b"\n")
    done = cli(*args, "--resume")
    assert done.returncode == 0, done.stderr
    assert "removed 2 corrupt lines" in done.stderr
    assert sorted(out.read_bytes().splitlines(keepends=True)) == sorted(whole)


def test_a_fresh_run_replaces_the_output_only_when_it_has_finished(
    corpus: Path, tmp_path: Path
) -> None:
    out, rej = tmp_path / "out.jsonl.gz", tmp_path / "rej.jsonl"
    out.write_bytes(OLD)
    assert cli(str(corpus), "-o", str(out), "--rejects", str(rej)).returncode == 0
    assert out.read_bytes()[:2] == b"\x1f\x8b"  # the new records, compressed as named
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".out.jsonl.gz.settings.json",
        "corpus",
        "out.jsonl.gz",
        "rej.jsonl",
    ]  # no partial file and no lock file left behind
