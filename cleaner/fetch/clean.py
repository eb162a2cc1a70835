"""Clean fetched pages with the ordinary pipeline, in the run engine's time-limited pool.

trafilatura is not thread-safe and a page can take longer to clean than any crawl should wait,
so pages go to `cleaner.run.pool.Pool` like every other input: worker processes clean while
the event loop keeps fetching, and a page over the per-document limit (`--timeout`) is
rejected as `timeout` and its worker replaced.
"""

from __future__ import annotations

from types import TracebackType

from cleaner.config import RunSettings, Settings
from cleaner.document import DocKind, Outcome, Source
from cleaner.fetch.page import Fetched
from cleaner.readers.items import Item
from cleaner.run.pool import Pool


class PageCleaner:
    """Turns a Fetched page into a Document or Reject whose source.url is the requested URL."""

    def __init__(self, settings: Settings, jobs: int = 0) -> None:
        self._pool = Pool(settings, RunSettings(jobs=jobs))
        self.jobs = self._pool.jobs

    def __enter__(self) -> PageCleaner:
        self._pool.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._pool.close()

    async def clean(self, page: Fetched) -> Outcome:
        return await self._pool.clean(page_item(page))


def page_item(page: Fetched) -> Item:
    """The final URL goes in first so that extraction and pack selection see the real host;
    the record is filed under the URL that was asked for."""
    source = Source(
        kind="url",
        url=page.final_url,
        fetched_at=page.fetched_at,
        status=page.status,
        content_type=page.content_type or None,
        encoding=page.charset,
    )
    kind: DocKind = "text" if page.mime == "text/plain" else "html"
    return Item(source, kind, page.body, filed_as=page.url)
