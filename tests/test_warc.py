"""WARC input: response records of HTML (CC-NEWS style) become items with their identity."""

from __future__ import annotations

import gzip
import tracemalloc
from io import BytesIO
from pathlib import Path

import brotli
import orjson
import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.cli import app
from cleaner.config import Limits, Settings
from cleaner.document import Reject
from cleaner.errors import REASONS, Rejected
from cleaner.pipeline import default_pipeline
from cleaner.readers.bytesource import ByteSource
from cleaner.readers.items import Item, iter_items
from cleaner.readers.warc import iter_warc_items
from cleaner.readers.warcframe import FrameLimits, iter_records
from cleaner.run.outcome import process_item
from tests.conftest import FIXTURES

NEWS = FIXTURES / "warc" / "news.warc.gz"
BASE = "https://www.beispielzeitung.de/"


def record_id(n: int) -> str:
    return f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"


def test_fixture_yields_html_responses_with_identity() -> None:
    items = list(iter_items([NEWS]))
    assert all(isinstance(item, Item) for item in items)
    sources = [item.source for item in items if isinstance(item, Item)]
    assert [s.url for s in sources] == [
        BASE + "lokales/bruecke-saniert",
        BASE + "wirtschaft/baeckerei-eroeffnet",
        BASE + "kultur/bibliothek",
        BASE + "weiter",  # the image record in between is not an input
    ]
    assert [s.warc_record_id for s in sources] == [record_id(n) for n in (1, 2, 3, 5)]
    assert {(s.kind, s.status, s.fetched_at) for s in sources} == {
        ("warc", 200, "2024-05-06T07:08:09Z")
    }
    assert sources[0].encoding == "utf-8" and sources[0].path == str(NEWS)


def test_content_encoding_is_undone() -> None:
    items = [item for item in iter_items([NEWS]) if isinstance(item, Item)]
    assert items[2].data is not None and items[2].data.startswith(b"<!doctype html>")


def test_records_carry_record_id_and_target_uri() -> None:
    pipeline = default_pipeline(Settings())
    items = [item for item in iter_items([NEWS]) if isinstance(item, Item)]
    outcomes = [process_item(item, pipeline) for item in items]
    assert [o.ok for o in outcomes] == [True, True, True, False]
    record = outcomes[0].to_record()
    assert record["url"] == BASE + "lokales/bruecke-saniert"
    assert record["source"]["warc_record_id"] == record_id(1)
    assert record["title"] == "Alte Brücke wird ab Juni saniert"
    assert "Impressum" not in record["text"] and "Startseite" not in record["text"]
    ids = {o.to_record()["id"] for o in outcomes}
    assert len(ids) == 4  # one WARC file, four identities


def write_warc(path: Path, records: list[tuple[str, str, bytes]], gzip: bool) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for url, content_type, payload in records:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", BytesIO(payload), http_headers=http)
            )


def test_plain_warc_and_text_payloads(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    text = "Ein Absatz mit genug Wörtern, um als kurzer Artikel durchzugehen, auch ohne HTML."
    write_warc(path, [("http://a.example/t", "text/plain; charset=utf-8", text.encode())], False)
    (item,) = list(iter_items([path]))
    assert isinstance(item, Item) and item.kind == "text" and item.source.encoding == "utf-8"


@pytest.mark.parametrize("share", [0.2, 0.5, 0.75])
def test_truncated_archive_keeps_whole_records_and_rejects_the_cut_one(
    tmp_path: Path, share: float
) -> None:
    whole = NEWS.read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: int(len(whole) * share)])
    pipeline = default_pipeline(Settings())
    items = [item for item in iter_items([path]) if isinstance(item, Item)]
    outcomes = [process_item(item, pipeline) for item in items]
    assert [o.ok for o in outcomes[:-1]] == [True] * (len(outcomes) - 1)
    last = outcomes[-1]
    assert isinstance(last, Reject) and last.reason == "bad_compression"
    assert last.detail == "WARC record is truncated"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02garbage" * 20, "bad_archive"),
        (b"WARC/1.0\r\nWARC-Type: response\r\n", "bad_compression"),  # cut in its header
    ],
)
def test_archive_that_is_not_a_warc_is_a_reject_that_says_why(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(data)
    (item,) = list(iter_items([path]))
    assert isinstance(item, Item) and item.problem is not None and item.problem[0] == reason


@pytest.mark.parametrize("cap", [100, 10_000_000])
def test_payload_cap_rejects_large_records(cap: int) -> None:
    limits = Limits(max_input_bytes=cap)
    pipeline = default_pipeline(Settings(limits=limits))
    items = [item for item in iter_items([NEWS], limits) if isinstance(item, Item)]
    reasons = {process_item(item, pipeline).ok for item in items[:3]}
    assert reasons == ({False} if cap == 100 else {True})


ARTICLE = (
    "<html><body><article><h1>Titel {n}</h1><p>"
    + "Ein ganz gewöhnlicher Satz mit genug Wörtern für einen kurzen Artikel hier. " * 8
    + "</p></article></body></html>"
)


def pages(count: int) -> list[tuple[str, str, bytes]]:
    return [
        (f"http://a.example/{n}", "text/html; charset=utf-8", ARTICLE.format(n=n).encode())
        for n in range(count)
    ]


def outcomes_of(path: Path) -> list[tuple[str | None, str]]:
    """(url, "ok" or the reject reason) for every item the file gives."""
    pipeline = default_pipeline(Settings())
    found = []
    for item in iter_items([path]):
        assert isinstance(item, Item), item
        outcome = process_item(item, pipeline)
        found.append((item.source.url, "ok" if outcome.ok else getattr(outcome, "reason", "")))
    return found


def test_warc_gzipped_as_one_stream_is_read_whole(tmp_path: Path) -> None:
    plain = tmp_path / "crawl.warc"
    write_warc(plain, pages(3), gzip=False)
    whole = tmp_path / "crawl.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))  # what `gzip crawl.warc` makes
    assert outcomes_of(whole) == outcomes_of(plain) == [(u, "ok") for u, _, _ in pages(3)]


def pack(data: bytes, packing: str) -> bytes:
    """A WARC as is, gzipped whole, or one gzip member per record (as warcio writes)."""
    if packing == "plain":
        return data
    if packing == "one-stream":
        return gzip.compress(data)
    records = [b"WARC/1." + part for part in data.split(b"WARC/1.")[1:]]
    return b"".join(gzip.compress(record) for record in records)


def lie_about_length(data: bytes, record: int, delta: int) -> bytes:
    """Change the WARC Content-Length of the `record`-th record (0-based) by `delta`."""
    start = -1
    for _ in range(record + 1):
        start = data.index(b"WARC/1.", start + 1)
    field = data.index(b"\r\nContent-Length: ", start) + len(b"\r\nContent-Length: ")
    end = data.index(b"\r\n", field)
    return data[:field] + str(int(data[field:end]) + delta).encode() + data[end:]


@pytest.mark.parametrize("delta", [-40, 40, 5_000, 10**6])
@pytest.mark.parametrize("packing", ["plain", "one-stream", "per-record"])
def test_a_lying_content_length_costs_one_record_not_the_rest(
    tmp_path: Path, delta: int, packing: str
) -> None:
    plain = tmp_path / "crawl.warc"
    write_warc(plain, pages(4), gzip=False)
    data = lie_about_length(plain.read_bytes(), 1, delta)
    path = tmp_path / ("lie.warc" if packing == "plain" else "lie.warc.gz")
    path.write_bytes(pack(data, packing))
    found = outcomes_of(path)
    urls = [u for u, _, _ in pages(4)]
    assert [u for u, status in found if status == "ok"] == [urls[0], urls[2], urls[3]]
    assert (urls[1], "bad_archive") in found  # the lying record is a reject, with its URL
    assert all(status in ("ok", "bad_archive") for _, status in found)


def write_encoded(path: Path, records: list[tuple[str, str, bytes]]) -> None:
    """HTML responses with the given Content-Encoding ("" for none) and raw body."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, encoding, body in records:
            headers = [("Content-Type", "text/html; charset=utf-8")]
            headers += [("Content-Encoding", encoding)] if encoding else []
            http = StatusAndHeaders("200 OK", headers, "HTTP/1.1")
            record = writer.create_warc_record(url, "response", BytesIO(body), http_headers=http)
            writer.write_record(record)


def test_brotli_records_are_decoded_and_a_broken_one_costs_only_itself(tmp_path: Path) -> None:
    page = ARTICLE.format(n=1).encode()
    path = tmp_path / "br.warc.gz"
    records = [
        ("http://a.example/br", "br", brotli.compress(page)),
        ("http://a.example/bad-br", "br", b"this is not brotli data"),
        ("http://a.example/bomb", "br", brotli.compress(b"<p>" + b" " * 30_000_000)),
        ("http://a.example/plain", "", page),
    ]
    write_encoded(path, records)
    items = [item for item in iter_items([path], Limits(max_input_bytes=10_000_000))]
    assert [item.source.url for item in items if isinstance(item, Item)] == [
        url for url, _, _ in records
    ]
    assert isinstance(items[0], Item) and items[0].data == page
    found = outcomes_of(path)
    assert found[0] == ("http://a.example/br", "ok")
    # warcio reads a body that fails to decode from its first byte as not encoded at all
    # (servers mislabel), so the garbage goes on as text and fails the quality gate
    assert found[1][0] == "http://a.example/bad-br" and found[1][1] != "ok"
    limits = Limits(max_input_bytes=10_000_000)
    bomb = items[2]
    assert isinstance(bomb, Item)
    with pytest.raises(Rejected, match="too_large"):
        bomb.read(limits)
    assert found[3] == ("http://a.example/plain", "ok")


def test_header_line_without_end_is_bounded_and_the_next_record_still_read(
    tmp_path: Path,
) -> None:
    good = tmp_path / "good.warc"
    write_warc(good, pages(1), gzip=False)
    path = tmp_path / "long-line.warc.gz"
    with gzip.open(path, "wb") as stream:  # 20 MB header line in about 20 kB of gzip
        stream.write(b"WARC/1.0\r\nWARC-Target-URI: http://a.example/" + b"a" * 20_000_000)
        stream.write(b"\r\n\r\n" + good.read_bytes())
    tracemalloc.start()
    try:
        found = outcomes_of(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == [(None, "too_large"), ("http://a.example/0", "ok")]
    assert peak < 8_000_000  # never the whole line in memory (warcio's readline held it all)


@pytest.mark.parametrize("size", [1, 5_000_000])
def test_zeros_named_warc_are_one_reject(tmp_path: Path, size: int) -> None:
    path = tmp_path / "zeros.warc"
    path.write_bytes(b"\0" * size)
    (item,) = list(iter_items([path]))
    assert isinstance(item, Item) and item.problem is not None
    assert item.problem == (
        "bad_archive",
        f"{size} bytes that are not a WARC record at the end of the file",
    )


def test_scan_for_a_record_gives_up_after_max_scan_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"x" * 3_000_000)
    (item,) = list(iter_warc_items(path, 1000, max_scan=1_000_000))
    assert isinstance(item, Item) and item.problem is not None
    assert item.problem[0] == "bad_archive" and "rest of the file is not read" in item.problem[1]


def test_cli_counts_and_writes_the_reason_of_a_broken_warc(tmp_path: Path) -> None:
    plain = tmp_path / "crawl.warc"
    write_warc(plain, pages(3), gzip=False)
    broken = tmp_path / "in" / "lie.warc"
    broken.parent.mkdir()
    broken.write_bytes(lie_about_length(plain.read_bytes(), 1, 40))
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    args = ["clean", str(broken.parent), "-o", str(out), "--rejects", str(rej)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "read 3, kept 2, rejected 1" in result.output
    (reject,) = [orjson.loads(line) for line in rej.read_bytes().splitlines()]
    assert reject["reason"] == "bad_archive" and "Content-Length" in reject["detail"]


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (b"X-Filler: " + b"y" * 60_000 + b"\r\n", "too_large"),  # 20 lines, 1.2 MB in all
        (b"X-Filler: y\r\n", "bad_archive"),  # more lines than any real header has
    ],
)
def test_oversized_record_header_is_a_reject_and_reading_goes_on(
    tmp_path: Path, extra: bytes, reason: str
) -> None:
    good = tmp_path / "good.warc"
    write_warc(good, pages(1), gzip=False)
    lines = 20 if len(extra) > 1000 else 1500
    path = tmp_path / "fat.warc"
    path.write_bytes(b"WARC/1.0\r\n" + extra * lines + b"\r\n" + good.read_bytes())
    assert outcomes_of(path) == [(None, reason), ("http://a.example/0", "ok")]


@pytest.mark.parametrize("compressed", [False, True], ids=["arc", "arc.gz"])
def test_arc_files_still_go_through_warcio(tmp_path: Path, compressed: bool) -> None:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    body = http + ARTICLE.format(n=0).encode()
    desc = b"1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    data = b"filedesc://t.arc 0.0.0.0 20240506070809 text/plain %d\n" % len(desc) + desc + b"\n"
    data += b"http://a.example/0 127.0.0.1 20240506070809 text/html %d\n" % len(body) + body
    path = tmp_path / ("t.arc.gz" if compressed else "t.arc")
    path.write_bytes(gzip.compress(data + b"\n") if compressed else data + b"\n")
    assert outcomes_of(path) == [("http://a.example/0", "ok")]


SMALL_WARC = b"".join(
    b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://a.example/%d\r\n"
    b"Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n" % n
    for n in range(3)
)


@hyp_settings(max_examples=150, deadline=None, derandomize=True)
@given(
    cut=st.integers(0, len(SMALL_WARC)),
    junk=st.binary(max_size=60),
    where=st.integers(0, len(SMALL_WARC)),
)
def test_any_damage_gives_items_never_an_exception(cut: int, junk: bytes, where: int) -> None:
    """Junk spliced in anywhere, then the file cut anywhere: the framer always ends, every
    record before the damage is whole, and damage is reported, never raised."""
    data = (SMALL_WARC[:where] + junk + SMALL_WARC[where:])[:cut]
    src = ByteSource(iter([data[i : i + 7] for i in range(0, len(data), 7)]))
    records = list(iter_records(src, FrameLimits(max_block=1000, max_garbage=10_000)))
    intact = SMALL_WARC[: min(where, cut)].count(b"hello\r\n\r\n")
    whole = [r for r in records if r.problem is None]
    assert [r.block for r in whole[:intact]] == [b"hello"] * intact
    assert all(r.problem[0] in REASONS for r in records if r.problem is not None)
