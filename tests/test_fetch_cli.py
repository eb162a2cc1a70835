"""`cleaner fetch` end to end: files written, WARC read back by `cleaner clean`, --resume."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from httpserver import Server
from typer.testing import CliRunner

from cleaner.cli import app

FAST = ["--allow-private", "--delay", "0", "--retries", "1", "--request-timeout", "5"]


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def lines(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_fetch_writes_records_and_rejects(http_site: Server, tmp_path: Path) -> None:
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    urls = [http_site.url(p) for p in ("/article.html", "/notice.txt", "/gone?cli=1")]
    summary = run("fetch", *urls, "-o", str(out), "--rejects", str(rej), *FAST)
    # in the order they finish: pages are cleaned in parallel worker processes
    assert sorted(r["source"]["url"] for r in lines(out)) == sorted(urls[:2])
    assert [(r["source"]["url"], r["reason"]) for r in lines(rej)] == [(urls[2], "http_status")]
    assert "kept 2, rejected 1 (http_status 1)" in summary


def test_warc_written_by_fetch_is_cleaned_alike_by_clean(http_site: Server, tmp_path: Path) -> None:
    out, warc, again = tmp_path / "out.jsonl", tmp_path / "pages.warc.gz", tmp_path / "again.jsonl"
    urls = [http_site.url(p) for p in ("/gzip.html", "/latin1.html", "/notice.txt")]
    run("fetch", *urls, "-o", str(out), "--warc-out", str(warc), *FAST)
    run("clean", str(warc), "-o", str(again))
    fetched = {r["url"]: r for r in lines(out)}
    cleaned = {r["url"]: r for r in lines(again)}
    assert set(cleaned) == set(fetched) == set(urls)
    for url, record in fetched.items():
        assert cleaned[url]["text"] == record["text"]
        assert cleaned[url]["source"]["raw_sha256"] == record["source"]["raw_sha256"]


def test_resume_fetches_nothing_twice(http_site: Server, tmp_path: Path) -> None:
    out, rej, url_file = tmp_path / "out.jsonl", tmp_path / "rej.jsonl", tmp_path / "urls.txt"
    first = [http_site.url("/article.html?resume=1"), http_site.url("/gone?resume=1")]
    url_file.write_text("# a comment\n" + "\n".join(first) + "\n\n")
    run("fetch", "--urls", str(url_file), "-o", str(out), "--rejects", str(rej), *FAST)
    with out.open("ab") as handle:  # an interrupted run leaves half a line behind
        handle.write(b'{"id": "cut short", "source": {"url": "')
    second = http_site.url("/notice.txt?resume=1")
    url_file.write_text("\n".join([*first, second]) + "\n")
    summary = run(
        "fetch", "--urls", str(url_file), "-o", str(out), "--rejects", str(rej), "--resume", *FAST
    )
    assert "already done 2" in summary
    assert [http_site.hits[url.removeprefix(http_site.base)] for url in [*first, second]] == [
        1,
        1,
        1,
    ]
    assert [r["source"]["url"] for r in lines(out)] == [first[0], second]
    assert len(lines(rej)) == 1


@pytest.mark.parametrize(
    ("option", "path", "expected"),
    [
        ("--sitemap", "/sitemap-index.xml", ["/article.html", "/notice.txt", "/latin1.html"]),
        ("--feed", "/rss.xml", ["/latin1.html", "/article.html"]),
        ("--feed", "/atom.xml", ["/gzip.html"]),
    ],
)
def test_sitemaps_and_feeds_list_the_urls_to_fetch(
    http_site: Server, tmp_path: Path, option: str, path: str, expected: list[str]
) -> None:
    out = tmp_path / "out.jsonl"
    run("fetch", option, http_site.url(path), "-o", str(out), *FAST)
    assert sorted(r["source"]["url"] for r in lines(out)) == sorted(map(http_site.url, expected))


def test_a_listing_that_fails_is_a_reject_too(http_site: Server, tmp_path: Path) -> None:
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    feeds = [http_site.url(p) for p in ("/bad-feed.xml", "/gone?feed=1", "/scheme-only-location")]
    run(
        "fetch",
        "--feed",
        feeds[0],
        "--feed",
        feeds[1],
        "--sitemap",
        feeds[2],
        "-o",
        str(out),
        "--rejects",
        str(rej),
        *FAST,
    )
    assert lines(out) == []
    assert sorted((r["source"]["url"], r["reason"]) for r in lines(rej)) == sorted(
        [(feeds[0], "no_text"), (feeds[1], "http_status"), (feeds[2], "fetch_failed")]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "nothing to fetch"),
        (["http://127.0.0.1/", "--resume"], "--resume needs both -o FILE and --rejects FILE"),
    ],
)
def test_bad_invocations_say_what_to_do(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["fetch", *args])
    assert result.exit_code == 2
    assert message in result.output


def response_uris(warc: Path) -> list[str]:
    from warcio.archiveiterator import ArchiveIterator

    with warc.open("rb") as handle:
        return [
            r.rec_headers.get_header("WARC-Target-URI")
            for r in ArchiveIterator(handle)
            if r.rec_type == "response"
        ]


@pytest.mark.parametrize("name", ["pages.warc.gz", "pages.warc"])
def test_resume_after_kill_stores_no_page_twice_in_the_warc(
    http_site: Server, tmp_path: Path, name: str
) -> None:
    out, rej, warc = tmp_path / "out.jsonl", tmp_path / "rej.jsonl", tmp_path / name
    urls = [http_site.url(f"/article.html?warc={name}"), http_site.url(f"/notice.txt?w={name}")]
    args = ["-o", str(out), "--rejects", str(rej), "--warc-out", str(warc), *FAST]
    run("fetch", *urls, *args)
    # what a kill -9 leaves: the last page in the WARC but not in the JSONL, and a torn record
    kept = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(kept[0])
    whole = warc.read_bytes()
    warc.write_bytes(whole + whole[-300:-100])
    run("fetch", *urls, *args, "--resume")
    assert sorted(response_uris(warc)) == sorted(urls)
    assert [r["source"]["url"] for r in lines(out)] == [
        r["source"]["url"] for r in map(orjson.loads, kept)
    ]


def test_fetch_refuses_output_equal_to_rejects_or_warc(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    for other in (["--rejects", str(out)], ["--warc-out", f"{tmp_path}/./out.jsonl"]):
        result = CliRunner().invoke(app, ["fetch", "http://127.0.0.1:9/", "-o", str(out), *other])
        assert result.exit_code == 2
        assert "the same file" in result.output
    assert not out.exists()
