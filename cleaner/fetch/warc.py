"""Keep the raw pages: one WARC response record per fetched page, written with warcio.

The payload is stored decoded (gzip/deflate already undone by the bounded decoder) and the
Content-Encoding header dropped, so any WARC reader, `cleaner clean` included, gets the page
without inflating anything again.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import IO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner._version import __version__
from cleaner.errors import OutputError
from cleaner.fetch.page import Fetched
from cleaner.fetch.resume import stored_pages

_DROPPED = {"content-encoding", "transfer-encoding", "content-length"}


class WarcSink:
    """Appends response records to a .warc.gz (or plain .warc) file."""

    def __init__(self, path: str | Path, append: bool = False) -> None:
        self.path = Path(path)
        self.append = append
        self._handle: IO[bytes] | None = None
        self._writer: WARCWriter | None = None
        self._stored: set[str] = set()  # pages an interrupted run already put in the WARC

    def __enter__(self) -> WarcSink:
        if self.append:
            self._stored = stored_pages(self.path)  # also cuts off a record torn by a kill
        try:
            self._handle = self.path.open("ab" if self.append else "wb")
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror}") from None
        self._writer = WARCWriter(self._handle, gzip=self.path.name.endswith(".gz"))
        info = {"software": f"cleaner/{__version__}", "format": "WARC File Format 1.1"}
        self._writer.write_record(self._writer.create_warcinfo_record(self.path.name, info))
        return self

    def write(self, page: Fetched) -> None:
        assert self._writer is not None, "use WarcSink as a context manager"
        if page.final_url in self._stored:
            return  # --resume fetched it again only because its JSONL line was not written
        headers = [(k, v) for k, v in page.headers.multi_items() if k.lower() not in _DROPPED]
        headers.append(("Content-Length", str(len(page.body))))
        status_line = f"{page.status} {page.reason_phrase}".strip()
        http = StatusAndHeaders(status_line, headers, protocol="HTTP/1.1")
        record = self._writer.create_warc_record(
            page.final_url,
            "response",
            payload=BytesIO(page.body),
            length=len(page.body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": page.fetched_at},
        )
        try:
            self._writer.write_record(record)
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror}") from None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._handle is not None:
            self._handle.close()
