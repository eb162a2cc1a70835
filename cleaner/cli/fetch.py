"""`cleaner fetch`: URLs, sitemaps and feeds in, clean JSONL out, politely."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from cleaner.cli import (
    MinWords,
    Output,
    Rejects,
    ResumeAnyway,
    Rules,
    RulesDir,
    app,
    build_settings,
    fail,
    warn,
)
from cleaner.config import GateSettings
from cleaner.document import Document, Outcome, Reject
from cleaner.errors import CleanerError, OutputError
from cleaner.fetch.resume import settled_urls
from cleaner.fetch.run import Crawl
from cleaner.fetch.settings import FetchSettings
from cleaner.writers.guard import guarded_run
from cleaner.writers.jsonl import JsonlWriter
from cleaner.writers.staging import staged_paths

_D = FetchSettings()


@app.command()
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
    timeout: Annotated[float, typer.Option(help="Seconds allowed for one request.")] = 60.0,
    retries: Annotated[int, typer.Option(help="Retries on 429, 5xx and network errors.")] = 3,
    workers: Annotated[int, typer.Option(help="Cleaning processes (0: in the fetch loop).")] = 0,
    rules: Rules = "",
    rules_dir: RulesDir = None,
    min_words: MinWords = GateSettings.min_words,
) -> None:
    """Fetch article URLs (or a sitemap or feed) and clean them into JSONL."""
    resume = resume or resume_anyway
    if resume and output is None:
        fail("--resume needs -o OUT: it reads the URLs already done from OUT and --rejects")
    page_urls = [*(urls or []), *(_read_urls(urls_file) if urls_file else [])]
    if not (page_urls or sitemap or feed):
        fail("nothing to fetch: give URLs, --urls FILE, --sitemap URL or --feed URL")
    settings = FetchSettings(
        user_agent=user_agent,
        allow_private=allow_private,
        concurrency=concurrency,
        host_delay_s=delay,
        total_timeout_s=timeout,
        max_retries=retries,
        workers=workers,
        clean=build_settings(rules, rules_dir, min_words),
    )
    inputs = [urls_file] if urls_file and str(urls_file) != "-" else []
    try:
        outputs = [output, rejects, warc_out]
        with (
            guarded_run(inputs, outputs, settings.clean, resume, resume_anyway),
            staged_paths(outputs, resume) as (out_to, rej_to, warc_to),
        ):
            run = _Run(out_to, rej_to, warc_to, resume)
            asyncio.run(run.crawl(settings, page_urls, sitemap or [], feed or []))
    except CleanerError as exc:  # OutputError, SettingsError: one line, no traceback
        fail(str(exc), 1 if isinstance(exc, OutputError) else 2)
    typer.echo(run.summary(), err=True)


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
    """Writes outcomes as they come and counts them; skips what an earlier run settled."""

    def __init__(
        self,
        output: Path | None,
        rejects: Path | None,
        warc: Path | None,
        resume: bool,
    ) -> None:
        self.output, self.rejects, self.warc, self.resume = output, rejects, warc, resume
        self.done = settled_urls([output, rejects]) if resume else set()
        self.kept, self.skipped = 0, 0
        self.reasons: Counter[str] = Counter()

    async def crawl(
        self, settings: FetchSettings, urls: list[str], sitemaps: list[str], feeds: list[str]
    ) -> None:
        out_path = str(self.output) if self.output else None
        rej_path = str(self.rejects) if self.rejects else None
        rej_writer = JsonlWriter(rej_path, self.resume) if rej_path else nullcontext(None)
        with JsonlWriter(out_path, self.resume) as out, rej_writer as rej:
            async with Crawl(settings, self.warc, self.resume) as crawl:
                todo = self._unsettled(_chain(urls, crawl.listed(sitemaps, feeds)))
                async for outcome in crawl.outcomes(todo):
                    self._write(outcome, out, rej)

    async def _unsettled(self, items: AsyncIterator[str | Reject]) -> AsyncIterator[str | Reject]:
        async for item in items:
            if isinstance(item, str) and item.strip() in self.done:
                self.skipped += 1
            else:
                yield item

    def _write(self, outcome: Outcome, out: JsonlWriter, rej: JsonlWriter | None) -> None:
        if isinstance(outcome, Document):
            self.kept += 1
            out.write(outcome.to_record())
            return
        self.reasons[outcome.reason] += 1
        if rej is not None:
            rej.write(outcome.to_record())
        else:
            warn(f"{outcome.source.url}: rejected ({outcome.reason}) {outcome.detail}")

    def summary(self) -> str:
        rejected = sum(self.reasons.values())
        detail = ", ".join(f"{reason} {n}" for reason, n in sorted(self.reasons.items()))
        text = f"fetched {self.kept + rejected}, kept {self.kept}, rejected {rejected}"
        text += f" ({detail})" if detail else ""
        return text + (f", skipped {self.skipped} already done" if self.resume else "")


async def _chain(
    first: list[str], then: AsyncIterator[str | Reject]
) -> AsyncIterator[str | Reject]:
    for url in first:
        yield url
    async for item in then:
        yield item
