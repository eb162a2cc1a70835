"""fetch_and_clean: URLs in, one outcome per distinct URL out, as they complete."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import ExitStack
from pathlib import Path

from cleaner.document import Outcome, Reject, Source
from cleaner.errors import Rejected
from cleaner.fetch.clean import PageCleaner
from cleaner.fetch.client import Fetcher, FetchError
from cleaner.fetch.settings import FetchSettings
from cleaner.fetch.warc import WarcSink


async def fetch_and_clean(
    urls: Iterable[str],
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
    settings = settings or FetchSettings()
    with ExitStack() as stack:
        cleaner = stack.enter_context(PageCleaner(settings.clean, settings.workers))
        warc = stack.enter_context(WarcSink(warc_out, warc_append)) if warc_out else None
        async with Fetcher(settings) as fetcher:
            job = _Job(fetcher, cleaner, warc)
            async for outcome in _window(job, _distinct(urls), settings.window):
                yield outcome


class _Job:
    """What happens to one URL: fetch, keep the raw page, clean."""

    def __init__(self, fetcher: Fetcher, cleaner: PageCleaner, warc: WarcSink | None) -> None:
        self.fetcher, self.cleaner, self.warc = fetcher, cleaner, warc

    async def __call__(self, url: str) -> Outcome:
        try:
            page = await self.fetcher.fetch(url)
        except FetchError as exc:
            return Reject(Source(kind="url", url=url, status=exc.status), exc.reason, exc.detail)
        except Rejected as exc:
            return Reject(Source(kind="url", url=url), exc.reason, exc.detail)
        except Exception as exc:  # every URL ends as a record or a reject, never silence
            detail = f"{type(exc).__name__}: {exc}"
            return Reject(Source(kind="url", url=url), "internal_error", detail)
        if self.warc is not None:
            self.warc.write(page)
        return await self.cleaner.clean(page)


async def _window(job: _Job, urls: Iterable[str], size: int) -> AsyncIterator[Outcome]:
    """At most `size` URLs in progress; the list is read lazily so it may be huge."""
    pending: set[asyncio.Task[Outcome]] = set()
    todo = iter(urls)
    try:
        while True:
            for url in todo:
                pending.add(asyncio.create_task(job(url)))
                if len(pending) >= size:
                    break
            if not pending:
                return
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                yield task.result()
    finally:
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


def _distinct(urls: Iterable[str]) -> Iterable[str]:
    seen: set[str] = set()
    for raw in urls:
        url = raw.strip()
        if url and url not in seen:
            seen.add(url)
            yield url
