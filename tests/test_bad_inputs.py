"""Hostile inputs: each ends as exactly one record or one reject with a documented reason.

The corpus is fixtures/bad/: small cases committed under files/, large and odd ones (a 100 MB
page, a gzip bomb, a FIFO, symlink loops) built per test session by fixtures/bad/generate.py.
Expected outcomes come from fixtures/bad/expected.json.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import orjson
import pytest

from cleaner import clean_file, clean_html
from cleaner.config import Limits, Settings
from cleaner.document import Document, Reject
from cleaner.errors import REASONS, Rejected
from cleaner.extract.html import parse
from cleaner.readers.compression import gunzip_bounded
from cleaner.readers.decode import decode, sniff_binary
from cleaner.readers.files import read_input
from cleaner.readers.items import Item, iter_items
from cleaner.run.outcome import run_items
from tests.conftest import FIXTURES, ROOT

BAD = FIXTURES / "bad"
IN_PROCESS = Settings(limits=Limits(doc_timeout_s=None))  # no worker process: patches hold
EXPECTED = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))
AS_ROOT = os.geteuid() == 0  # root reads a mode-000 file, so that case is not built
GENERATED = {
    name: case
    for name, case in EXPECTED["generated"].items()
    if not (AS_ROOT and name == "unreadable.html")
}
CASES = {**EXPECTED["files"], **GENERATED}
# Every article in the corpus starts with this sentence: decoding and repair must keep it.
MARKER = "Die Bürgerinnen und Bürger in Köln müssen sich im kommenden Jahr"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bad_generate", BAD / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for path in (BAD / "files").iterdir():
        shutil.copyfile(path, folder / path.name)
    _generator().make_large(folder, unreadable=not AS_ROOT)
    return folder


def check_outcome(outcome: Document | Reject, expected: str) -> None:
    """A record holds the article, correctly decoded; a reject names a documented reason."""
    got = "record" if isinstance(outcome, Document) else outcome.reason
    detail = "" if isinstance(outcome, Document) else outcome.detail
    assert got == expected, f"got {got} ({detail})"
    orjson.dumps(outcome.to_record())  # every outcome can be written
    if isinstance(outcome, Document):
        assert MARKER in outcome.text
        assert not re.search("[Ã\ufffd\x00-\x08]", outcome.text)
    else:
        assert outcome.reason in REASONS and outcome.detail


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 30
    assert set(EXPECTED["files"]) == {p.name for p in (BAD / "files").iterdir()}
    outcomes = {case["outcome"] for case in CASES.values()}
    assert outcomes - {"record"} <= set(REASONS)


def real_name(name: str) -> str:
    """The file name behind a case name: records write a name's non-UTF-8 bytes as \\xNN."""
    return os.fsdecode(name.encode("ascii").decode("unicode_escape").encode("latin-1"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case(corpus: Path, name: str) -> None:
    check_outcome(clean_file(corpus / real_name(name)), CASES[name]["outcome"])


def test_cp1252_punctuation_survives(corpus: Path) -> None:
    outcome = clean_file(corpus / "cp1252_german.txt")
    assert isinstance(outcome, Document) and "„rund“ 12 € –" in outcome.text
    assert outcome.source.encoding == "cp1252"


def test_damaged_utf8_stays_utf8(corpus: Path) -> None:
    outcome = clean_file(corpus / "invalid_utf8.txt")
    assert isinstance(outcome, Document) and outcome.source.encoding == "utf-8"
    assert "Energie" in outcome.text


@pytest.mark.slow
def test_cli_run_over_the_corpus(corpus: Path, tmp_path: Path) -> None:
    """The whole corpus in one run: no crash, no hang, every input exactly once, counts add up."""
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    cmd = ["clean", str(corpus), "-o", str(out), "--rejects", str(rejects)]
    done = run_cli(cmd, timeout=300)
    assert done.returncode == 0, done.stderr
    seen = outcomes_by_path(out, rejects, corpus)
    assert seen == {name: case["outcome"] for name, case in CASES.items()}
    kept = sum(1 for outcome in seen.values() if outcome == "record")
    summary = f"read {len(CASES)}, kept {kept}, rejected {len(CASES) - kept}"
    assert summary in done.stderr


def run_cli(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """`cleaner ARGS` in a fresh interpreter; the timeout only guards against a hang."""
    code = "import sys; from cleaner.cli import main; sys.argv[0] = 'cleaner'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def outcomes_by_path(out: Path, rejects: Path, root: Path) -> dict[str, str]:
    """path relative to `root` -> "record" or reason, failing on any input seen twice."""
    seen: dict[str, str] = {}
    for file, key in ((out, None), (rejects, "reason")):
        for line in file.read_bytes().splitlines():
            record = orjson.loads(line)
            name = os.path.relpath(record["source"]["path"], root)
            assert name not in seen, f"{name} written twice"
            seen[name] = record[key] if key else "record"
    return seen


def test_vanishing_file_is_a_reject(tmp_path: Path) -> None:
    """A file listed by the walk and deleted before it is read: a reject, the run goes on."""
    generate = _generator()
    (tmp_path / "a.txt").write_text(generate.ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(generate.ARTICLE, encoding="utf-8")
    items = iter_items([tmp_path])
    first = next(items)
    (tmp_path / "b.txt").unlink()
    kept, vanished = run_items([first, *items])
    assert isinstance(kept, Document)
    assert isinstance(vanished, Reject) and vanished.reason == "unreadable"


def test_permission_denied_is_a_reject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Mode 000 as seen by a normal user (root would read it, so the refusal is simulated)."""
    path = tmp_path / "secret.html"
    path.write_text("<p>text</p>", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    outcome = clean_file(path, IN_PROCESS)  # the patch holds in this process only
    assert isinstance(outcome, Reject) and outcome.reason == "unreadable"
    assert outcome.detail == "Permission denied"


def test_folder_given_as_file_is_a_reject(corpus: Path) -> None:
    outcome = clean_file(corpus / "x.html")
    assert isinstance(outcome, Reject) and outcome.reason == "unreadable"


def test_symlinked_folder_loop_is_walked_once(corpus: Path) -> None:
    paths = [item.source.path for item in iter_items([corpus]) if isinstance(item, Item)]
    assert len(paths) == len(set(paths)) == len(CASES)


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        ("Grüße aus Köln".encode(), "Grüße aus Köln", "utf-8"),
        ("Grüße aus Köln".encode("cp1252"), "Grüße aus Köln", "cp1252"),
        ("Grüße aus Köln".encode("utf-16-le"), "Grüße aus Köln", "utf-16-le"),
        ("Grüße aus Köln".encode("utf-16-be"), "Grüße aus Köln", "utf-16-be"),
        (b"plain ascii", "plain ascii", "utf-8"),
        ("Grüße aus Köln, Düsseldorf".encode() + b"\xff", "Grüße aus Köln, Düsseldorf", "utf-8"),
        ('<meta charset="latin-1"><p>Grüße'.encode("cp1252"), "<p>Grüße", "cp1252"),
        ('<meta charset="koi8-r"><p>Привет, мир'.encode("koi8-r"), "Привет, мир", "koi8-r"),
        ('<meta charset="koi8-r"><p>Grüße'.encode(), "<p>Grüße", "utf-8"),  # label lies
        ('<meta charset="utf-16"><p>Grüße'.encode(), "<p>Grüße", "utf-8"),
    ],
)
def test_decode(data: bytes, expected: str, encoding: str) -> None:
    text, used = decode(data)
    assert expected in text and used == encoding


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (bytes(100) + b"abc", "NUL bytes"),
        (b"\x00\x00\x01\x02" * 50, "NUL bytes"),  # NULs on both byte positions: not UTF-16
        ("ASCII text in UTF-16".encode("utf-16-le"), None),
        ("Grüße".encode(), None),
    ],
)
def test_sniff_binary(data: bytes, kind: str | None) -> None:
    assert sniff_binary(data) == kind


def test_gunzip_refuses_to_inflate_past_the_cap() -> None:
    bomb = _gzip_bytes(bytes(5 * 1024 * 1024))
    assert gunzip_bounded(bomb, 6 * 1024 * 1024) == bytes(5 * 1024 * 1024)
    with pytest.raises(Rejected) as info:
        gunzip_bounded(bomb, 1024 * 1024)
    assert info.value.reason == "too_large"


def _gzip_bytes(data: bytes) -> bytes:
    import gzip

    return gzip.compress(data, mtime=0)


def test_deep_page_keeps_its_text() -> None:
    html = "<html><body>" + "<div>" * 3000 + "<p>tief unten</p>" + "</div>" * 3000
    assert "tief unten" in parse(html).text_content()


def test_limits_documented_sizes() -> None:
    """The generated cases assume these caps; a change must update the corpus too."""
    limits = Limits()
    assert limits.max_input_bytes < 100 * 1024 * 1024
    assert limits.max_text_chars < 10 * 1024 * 1024 < limits.max_input_bytes
    assert limits.max_decompressed_bytes < 256 * 1024 * 1024


def test_readme_documents_every_reject_reason() -> None:
    """The README's reasons table is REASONS, in order, word for word."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Reliability\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", section, flags=re.M)
    assert rows == list(REASONS.items())


def test_lone_surrogates_in_str_input_are_dropped_not_fatal() -> None:
    """str input may carry lone surrogates (surrogateescape): the page is kept without them."""
    page = _generator().article_html().replace("Köln", "Kö\udce9ln")
    outcome = clean_html(page, url="https://example.com/caf\udce9")
    check_outcome(outcome, "record")
    assert isinstance(outcome, Document) and outcome.to_record()["url"].endswith("caf\\xe9")


def test_extractor_error_is_extract_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura raising on one page rejects that page with its own reason."""
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    outcome = clean_html(_generator().article_html(), settings=IN_PROCESS)
    assert isinstance(outcome, Reject) and outcome.reason == "extract_failed"
    assert outcome.detail == "RecursionError: maximum recursion depth exceeded"


@pytest.mark.parametrize("gzipped", [False, True])
def test_more_bytes_than_the_text_cap_allows_are_refused_unread(
    tmp_path: Path, gzipped: bool
) -> None:
    """Even UTF-32 needs only 4 bytes a character: more than that is too large, undecoded."""
    limits = Limits(max_text_chars=1000)
    data = b"a" * 4001
    path = tmp_path / ("page.html.gz" if gzipped else "page.html")
    path.write_bytes(_gzip_bytes(data) if gzipped else data)
    with pytest.raises(Rejected) as info:
        read_input(path, limits)
    assert info.value.reason == "too_large"
    path.write_bytes(_gzip_bytes(data[:4000]) if gzipped else data[:4000])
    assert read_input(path, limits) == data[:4000]


@pytest.mark.parametrize(
    "paths",
    [["seeds", "seeds"], ["seeds", "seeds/004_a6927e8d2a57a50c.txt"], ["seeds/", "./seeds"]],
)
def test_overlapping_paths_give_each_input_once(paths: list[str]) -> None:
    once = [item.source.path for item in iter_items([ROOT / "seeds"]) if isinstance(item, Item)]
    items = iter_items([ROOT / path for path in paths])
    assert [item.source.path for item in items if isinstance(item, Item)] == once


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("garbage.warc", b"this is not a WARC file\n" * 4, "bad_archive"),
        ("empty.warc.gz", b"", None),
        (
            "page.warc.gz",
            _gzip_bytes(b"<html><body><p>no WARC here</p></body></html>"),
            "bad_archive",
        ),
        ("cut.warc.gz", _gzip_bytes(b"WARC/1.0\r\n" * 9)[:-9], "bad_compression"),
    ],
)
def test_broken_warc_leaves_a_trace(
    tmp_path: Path, name: str, data: bytes, problem: str | None
) -> None:
    """A damaged archive is a reject saying why; an empty one is a skipped file: never silence."""
    (tmp_path / name).write_bytes(data)
    (item,) = list(iter_items([tmp_path]))
    assert (item.problem[0] if isinstance(item, Item) and item.problem else None) == problem


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    whole = (FIXTURES / "warc" / "news.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(whole[: len(whole) // 2])
    outcomes = list(run_items(iter_items([tmp_path])))
    assert outcomes and isinstance(outcomes[0], Document)
    last = outcomes[-1]
    assert isinstance(last, Reject) and last.reason == "bad_compression"
