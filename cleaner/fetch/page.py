"""What a fetch gives: a final page (`Fetched`) or a reason it gave none (`FetchError`)."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from cleaner.errors import Reason, Rejected
from cleaner.readers.decode import charset_of

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class FetchError(Rejected):
    """A URL that gave no usable page; `status` is the last HTTP status, if any."""

    def __init__(self, reason: Reason, detail: str, status: int | None = None) -> None:
        super().__init__(reason, detail)
        self.status = status


@dataclass
class Fetched:
    """A final 2xx response with its decoded body."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    reason_phrase: str
    headers: httpx.Headers
    body: bytes
    fetched_at: str  # ISO 8601 UTC, second precision

    @property
    def content_type(self) -> str:
        return str(self.headers.get("content-type", ""))

    @property
    def mime(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        return charset_of(self.content_type)
