"""`cleaner fetch`: URLs, sitemaps and feeds in, clean JSONL out, politely."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cleaner.cli.options import (
    DEFAULT_JOBS,
    DEFAULT_MIN_WORDS,
    DEFAULT_TIMEOUT,
    ArticlesOnly,
    Jobs,
    MinWords,
    Output,
    RecoverBlocks,
    Rejects,
    ResumeAnyway,
    Rules,
    RulesDir,
    Timeout,
    build_settings,
    fail,
)
from cleaner.document import Reject, Source
from cleaner.fetch.settings import FetchSettings

if TYPE_CHECKING:  # the crawler (httpx) and the run's machinery load when the command runs
    from cleaner.run.sink import Counts, Outputs

_D = FetchSettings()


def fetch(
    urls: Annotated[list[str] | None, typer.Argument(help="Article URLs.")] = None,
    urls_file: Annotated[
        Path | None, typer.Option("--urls", help="File of URLs, one a line ('-' reads stdin).")
    ] = None,
    sitemap: Annotated[list[str] | None, typer.Option(help="Sitemap URL (repeatable).")] = None,
    feed: Annotated[list[str] | None, typer.Option(help="RSS/Atom feed URL (repeatable).")] = None,
    output: Output = None,
    rejects: Rejects = None,
    warc_out: Annotated[
        Path | None, typer.Option("--warc-out", help="Also keep the raw pages in this WARC.")
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Skip URLs already in OUT or REJECTS; append to them.")
    ] = False,
    resume_anyway: ResumeAnyway = False,
    allow_private: Annotated[
        bool, typer.Option(help="Allow loopback/private addresses (local servers, intranets).")
    ] = False,
    user_agent: Annotated[str, typer.Option(help="User-Agent header.")] = _D.user_agent,
    concurrency: Annotated[int, typer.Option(help="Requests in flight over all hosts.")] = 8,
    delay: Annotated[float, typer.Option(help="Seconds between requests to one host.")] = 1.0,
    request_timeout: Annotated[
        float, typer.Option(help="Seconds allowed for one request.")
    ] = _D.total_timeout_s,
    retries: Annotated[int, typer.Option(help="Retries on 429, 5xx and network errors.")] = 3,
    jobs: Jobs = DEFAULT_JOBS,
    timeout: Timeout = DEFAULT_TIMEOUT,
    rules: Rules = "",
    rules_dir: RulesDir = None,
    min_words: MinWords = DEFAULT_MIN_WORDS,
    articles_only: ArticlesOnly = False,
    recover_blocks: RecoverBlocks = False,
) -> None:
    """Fetch article URLs (or a sitemap or feed) and clean them into JSONL."""
    from cleaner.pipeline import default_pipeline
    from cleaner.run.resume import check_resumable
    from cleaner.run.sink import Outputs
    from cleaner.writers.guard import guarded_run
    from cleaner.writers.staging import staged_paths

    page_urls = [*(urls or []), *(_read_urls(urls_file) if urls_file else [])]
    if not (page_urls or sitemap or feed):
        fail("nothing to fetch: give URLs, --urls FILE, --sitemap URL or --feed URL")
    settings = FetchSettings(
        user_agent=user_agent,
        allow_private=allow_private,
        concurrency=concurrency,
        host_delay_s=delay,
        total_timeout_s=request_timeout,
        max_retries=retries,
        jobs=jobs,
        clean=build_settings(rules, rules_dir, min_words, timeout, articles_only, recover_blocks),
    )
    resume = resume or resume_anyway
    default_pipeline(settings.clean)  # a bad rule pack fails here, before -o is touched
    outputs = Outputs(str(output) if output else None, str(rejects) if rejects else None)
    if resume:
        check_resumable(outputs)
    inputs = [urls_file] if urls_file and str(urls_file) != "-" else []
    files = [None if str(output) == "-" else output, rejects, warc_out]
    with (
        guarded_run(inputs, files, settings.clean, resume, resume_anyway),
        staged_paths(files, resume) as (out_to, rej_to, warc_to),
    ):
        staged = Outputs(_name(out_to), _name(rej_to))
        run = _Run(staged, _name(warc_to), resume)
        counts = asyncio.run(run.crawl(settings, page_urls, sitemap or [], feed or []))
    typer.echo(counts.final(), err=True)


def _name(path: Path | None) -> str | None:
    return str(path) if path is not None else None


def _read_urls(path: Path) -> list[str]:
    if str(path) == "-":
        return _url_lines(sys.stdin)
    try:
        with path.open(encoding="utf-8") as handle:
            return _url_lines(handle)
    except OSError as exc:
        fail(f"{path}: cannot read the URL list ({exc.strerror})")
    return []


def _url_lines(lines: Iterable[str]) -> list[str]:
    """One URL a line; blank lines and # comments are skipped."""
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


class _Run:
    """The crawl's outcomes into the run engine's sink; skips what an earlier run settled."""

    def __init__(self, outputs: Outputs, warc: str | None, resume: bool) -> None:
        from cleaner.run.resume import NotDone, resume_ids

        self.outputs, self.warc, self.resume = outputs, warc, resume
        self.not_done = NotDone(resume_ids(outputs) if resume else set())

    async def crawl(
        self, settings: FetchSettings, urls: list[str], sitemaps: list[str], feeds: list[str]
    ) -> Counts:
        from cleaner.fetch.run import Crawl
        from cleaner.run.outcome import to_result
        from cleaner.run.progress import progress
        from cleaner.run.sink import open_sink

        # the bar has a total when the URLs are all given; listings are read as they go
        total = None if sitemaps or feeds else len(urls)
        bar = progress("fetching", total, "URLs")
        with open_sink(self.outputs, append=self.resume) as sink, bar as tick:
            async with Crawl(settings, self.warc, self.resume) as crawl:
                todo = self._unsettled(_chain(urls, crawl.listed(sitemaps, feeds)))
                async for outcome in crawl.outcomes(todo):
                    sink.write(to_result(outcome))
                    tick(sink.counts, sink.counts.read + self.not_done.skipped)
        sink.counts.done_before = self.not_done.skipped
        return sink.counts

    async def _unsettled(self, items: AsyncIterator[str | Reject]) -> AsyncIterator[str | Reject]:
        async for item in items:
            settled = isinstance(item, str) and self.not_done.settled(_url_source(item))
            if not settled:
                yield item


def _url_source(url: str) -> Source:
    """The source a record of `url` is filed under, whose id resume looks for."""
    return Source(kind="url", url=url.strip())


async def _chain(
    first: list[str], then: AsyncIterator[str | Reject]
) -> AsyncIterator[str | Reject]:
    for url in first:
        yield url
    async for item in then:
        yield item
