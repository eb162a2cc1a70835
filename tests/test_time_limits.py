"""The per-document time limit holds everywhere: `clean`, `fetch` and the library.

Two real ways for one document to take forever: a user rule with a catastrophic regex (nested
quantifiers on a line that almost matches), and a page trafilatura chews on for many seconds.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from httpserver import page, serve
from typer.testing import CliRunner

from cleaner import Reject, clean_file, clean_html, clean_paths, clean_text
from cleaner.cli import app
from cleaner.config import FilterSettings, Limits, Settings

pytestmark = pytest.mark.slow  # each case waits for a limit to pass

# (a+)+$ on "aaa...ab" tries every split of the a's: 2**40 steps, hours
SLOW_PACK = """[pack]
name = "slowpack"
description = "a user pack with a catastrophic pattern"

[[rule]]
id = "slowpack.backtrack"
kind = "drop_line"
pattern = '^(a+)+$'
note = "nested quantifiers: exponential on a line of a's that does not end in one"
match = ["aaa"]
"""
TRAP = "a" * 40 + "b"
BODY = "Die Stadt baut eine neue Brücke über den Fluss, die im Sommer fertig sein soll."


def slow_settings(folder: Path, seconds: float = 1.0) -> Settings:
    (folder / "slowpack.toml").write_text(SLOW_PACK, encoding="utf-8")
    filters = FilterSettings(rules=("slowpack",), rules_dir=folder)
    return Settings(limits=Limits(doc_timeout_s=seconds), filters=filters)


def is_timeout(outcome: object) -> bool:
    return isinstance(outcome, Reject) and outcome.reason == "timeout"


def test_library_calls_honour_the_limit(tmp_path: Path) -> None:
    settings = slow_settings(tmp_path)
    assert is_timeout(clean_text(f"{BODY}\n{TRAP}\n{BODY}", settings=settings))
    html = f"<html><body><p>{BODY}</p><p>{TRAP}</p><p>{BODY}</p></body></html>"
    assert is_timeout(clean_html(html, settings=settings))
    (tmp_path / "page.txt").write_text(f"{BODY}\n{TRAP}", encoding="utf-8")
    assert is_timeout(clean_file(tmp_path / "page.txt", settings))
    assert [is_timeout(o) for o in clean_paths([tmp_path / "page.txt"], settings)] == [True]


def test_the_library_goes_on_after_a_timeout(tmp_path: Path) -> None:
    settings = slow_settings(tmp_path)
    assert is_timeout(clean_text(f"{BODY}\n{TRAP}", settings=settings))
    doc = clean_text(f"{BODY}\n{BODY}", settings=settings)
    assert doc.ok


def test_a_pathological_page_is_cut_off_in_the_library() -> None:
    blocks = "".join(f"<div><a href='/a{i}'>Weiterlesen {i}</a> Wort</div>" for i in range(60000))
    settings = Settings(limits=Limits(doc_timeout_s=0.5))
    assert is_timeout(clean_html(f"<html><body>{blocks}</body></html>", settings=settings))


def test_clean_command_rejects_the_trap_as_timeout(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    slow_settings(rules)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"{BODY}\n{BODY}", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(f"{BODY}\n{TRAP}", encoding="utf-8")
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    args = ["clean", str(tmp_path / "in"), "-o", str(out), "--rejects", str(rej)]
    args += ["--rules", "slowpack", "--rules-dir", str(rules), "--timeout", "1", "-j", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert [orjson.loads(line)["reason"] for line in rej.read_bytes().splitlines()] == ["timeout"]
    assert len(out.read_bytes().splitlines()) == 1


def test_fetch_rejects_a_page_over_the_limit_as_timeout(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    slow_settings(rules)
    routes = {
        "/trap.txt": page(f"{BODY}\n{TRAP}".encode(), "text/plain; charset=utf-8"),
        "/fine.txt": page(f"{BODY}\n{BODY}".encode(), "text/plain; charset=utf-8"),
    }
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    with serve(routes) as site:
        urls = [site.url("/trap.txt"), site.url("/fine.txt")]
        args = ["fetch", *urls, "-o", str(out), "--rejects", str(rej), "--allow-private"]
        args += ["--delay", "0", "--rules", "slowpack", "--rules-dir", str(rules)]
        result = CliRunner().invoke(app, [*args, "--timeout", "1", "-j", "1"])
    assert result.exit_code == 0, result.output
    rejects = [orjson.loads(line) for line in rej.read_bytes().splitlines()]
    assert [(r["source"]["url"], r["reason"]) for r in rejects] == [(urls[0], "timeout")]
    assert [orjson.loads(line)["source"]["url"] for line in out.read_bytes().splitlines()] == [
        urls[1]
    ]


def test_one_input_is_cut_off_in_process(tmp_path: Path) -> None:
    # one input: no workers start; the timer signal stops the trap and the run goes on
    rules = tmp_path / "rules"
    rules.mkdir()
    slow_settings(rules)
    (tmp_path / "b.txt").write_text(f"{BODY}\n{TRAP}", encoding="utf-8")
    rej = tmp_path / "rej.jsonl"
    args = ["clean", str(tmp_path / "b.txt"), "-o", str(tmp_path / "out.jsonl")]
    args += ["--rejects", str(rej), "--rules", "slowpack", "--rules-dir", str(rules)]
    result = CliRunner().invoke(app, [*args, "--timeout", "1"])
    assert result.exit_code == 0, result.output
    [reject] = [orjson.loads(line) for line in rej.read_bytes().splitlines()]
    assert (reject["reason"], reject["detail"]) == ("timeout", "over 1 s; stopped")
    assert is_timeout(clean_text(f"{BODY}\n{TRAP}", settings=slow_settings(rules)))
