"""fetch_and_clean: URLs in, one outcome per distinct URL out, as they complete."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, AsyncIterator, Callable, Coroutine, Iterable
from contextlib import AsyncExitStack
from pathlib import Path
from types import TracebackType

from cleaner.document import Outcome, Reject, Source
from cleaner.errors import Rejected
from cleaner.fetch.clean import PageCleaner
from cleaner.fetch.client import Fetcher
from cleaner.fetch.discover import discover
from cleaner.fetch.page import FetchError
from cleaner.fetch.settings import FetchSettings
from cleaner.fetch.warc import WarcSink
from cleaner.run.pool import resolve_jobs

UrlSource = Iterable[str] | AsyncIterable[str | Reject]
Job = Callable[[str], Coroutine[None, None, Outcome]]


async def fetch_and_clean(
    urls: UrlSource,
    settings: FetchSettings | None = None,
    *,
    warc_out: str | Path | None = None,
    warc_append: bool = False,
) -> AsyncIterator[Outcome]:
    """Fetch and clean every distinct URL; yield a Document or a Reject for each, in the
    order they finish. Use inside your own loop::

        async with contextlib.aclosing(fetch_and_clean(urls, settings)) as outcomes:
            async for outcome in outcomes:
                ...
    """
    async with Crawl(settings, warc_out, warc_append) as crawl:
        async for outcome in crawl.outcomes(urls):
            yield outcome


class Crawl:
    """One fetcher (robots cache, host pacing), cleaner and WARC file shared by a whole run."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        warc_out: str | Path | None = None,
        warc_append: bool = False,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.warc_out, self.warc_append = warc_out, warc_append
        self._stack = AsyncExitStack()
        s = self.settings
        # Worker processes clean slower than pages arrive: bound the bodies waiting for them.
        self._backlog = asyncio.Semaphore(s.concurrency + 2 * resolve_jobs(s.jobs))

    async def __aenter__(self) -> Crawl:
        async with AsyncExitStack() as stack:
            s = self.settings
            self.cleaner = stack.enter_context(PageCleaner(s.clean, s.jobs))
            out = self.warc_out
            self.warc = stack.enter_context(WarcSink(out, self.warc_append)) if out else None
            self.fetcher = await stack.enter_async_context(Fetcher(s))
            self._stack = stack.pop_all()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._stack.aclose()

    def listed(self, sitemaps: list[str], feeds: list[str]) -> AsyncIterator[str | Reject]:
        """Article URLs from sitemaps and feeds (a listing that fails comes as a Reject)."""
        return discover(self.fetcher, sitemaps, feeds)

    async def outcomes(self, urls: UrlSource) -> AsyncIterator[Outcome]:
        """One outcome per distinct URL; Rejects in `urls` are passed through."""
        async for outcome in _window(self._one, _distinct(urls), self.settings.window):
            yield outcome

    async def _one(self, url: str) -> Outcome:
        try:
            page = await self.fetcher.fetch(url, gate=self._backlog)
        except FetchError as exc:
            return Reject(Source(kind="url", url=url, status=exc.status), exc.reason, exc.detail)
        except Rejected as exc:
            return Reject(Source(kind="url", url=url), exc.reason, exc.detail)
        except Exception as exc:  # every URL ends as a record or a reject, never silence
            detail = f"{type(exc).__name__}: {exc}"
            return Reject(Source(kind="url", url=url), "internal_error", detail)
        try:
            if self.warc is not None:
                self.warc.write(page)
            return await self.cleaner.clean(page)
        finally:
            self._backlog.release()


async def _window(
    job: Job, items: AsyncIterator[str | Reject], size: int
) -> AsyncIterator[Outcome]:
    """At most `size` URLs in progress; the source is read lazily so it may be huge."""
    pending: set[asyncio.Task[Outcome]] = set()
    more = True
    try:
        while True:
            while more and len(pending) < size:
                item = await anext(items, None)
                more = item is not None
                if isinstance(item, Reject):
                    yield item
                elif item is not None:
                    pending.add(asyncio.create_task(job(item)))
            if not pending:
                return
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                yield task.result()
    finally:
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


async def _distinct(urls: UrlSource) -> AsyncIterator[str | Reject]:
    """Stripped, non-empty, first occurrence only; works on plain and async iterables."""
    seen: set[str] = set()
    async for raw in _aiter(urls):
        if isinstance(raw, Reject):
            yield raw
            continue
        url = raw.strip()
        if url and url not in seen:
            seen.add(url)
            yield url


async def _aiter(urls: UrlSource) -> AsyncIterator[str | Reject]:
    if isinstance(urls, AsyncIterable):
        async for item in urls:
            yield item
    else:
        for url in urls:
            yield url
