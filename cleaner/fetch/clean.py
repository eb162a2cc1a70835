"""Clean fetched pages with the ordinary pipeline, in the event loop or in worker processes.

trafilatura is not thread-safe, so the pipeline never runs in threads. With `workers=0` it runs
inline: simplest, and fine when fetching (network waits) dominates. With workers > 0 a process
pool cleans while the loop keeps fetching, using the other cores and keeping a slow page from
stalling every connection's timers.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor
from types import TracebackType

from cleaner.config import Settings
from cleaner.document import Outcome, Reject, Source
from cleaner.fetch.page import Fetched
from cleaner.pipeline import default_pipeline


class PageCleaner:
    """Turns a Fetched page into a Document or Reject whose source.url is the requested URL."""

    def __init__(self, settings: Settings, workers: int = 0) -> None:
        self.settings = settings
        self.workers = workers
        self._pool: Executor | None = None

    def __enter__(self) -> PageCleaner:
        if self.workers > 0:
            # spawn: a forked child would inherit the parent's event loop and sockets
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    async def clean(self, page: Fetched) -> Outcome:
        source = page_source(page)
        kind = "text" if page.mime == "text/plain" else "html"
        try:
            if self._pool is None:
                outcome = clean_page(page.body, source, kind, self.settings)
            else:
                loop = asyncio.get_running_loop()
                outcome = await loop.run_in_executor(
                    self._pool, clean_page, page.body, source, kind, self.settings
                )
        except Exception as exc:  # a dead worker must not lose the URL
            outcome = Reject(source, "internal_error", f"{type(exc).__name__}: {exc}")
        outcome.source.url = page.url  # identity (and record id) follow the requested URL
        return outcome


def page_source(page: Fetched) -> Source:
    """The final URL goes in first so that extraction and pack selection see the real host."""
    return Source(
        kind="url",
        url=page.final_url,
        fetched_at=page.fetched_at,
        status=page.status,
        content_type=page.content_type or None,
        encoding=page.charset,
    )


def clean_page(body: bytes, source: Source, kind: str, settings: Settings) -> Outcome:
    """Top-level so a worker process can run it."""
    return default_pipeline(settings).run_bytes(body, source, kind)
