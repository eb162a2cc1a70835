"""Fetch throughput and loss: N pages from a local server spread over many hosts.

    python -m benchmarks.fetch_bench ../shared/eval/fundus-de-dev ../shared/eval/trafeval-dev \
        --pages 1000 --hosts 20 --concurrency 1,4,16 --workers 0,2

The eval sets' raw HTML pages (cycled up to --pages) are served by a separate process on
--hosts loopback addresses (127.0.0.1, 127.0.0.2, ...), each with its own robots.txt, so the
per-host machinery (robots cache, host slots) works as on the web. The per-host delay is 0
here: this measures the fetcher and the cleaning, not the politeness pause.

Baseline, measured in the same run before each row: the same pages cleaned from memory by the
same pipeline, one at a time in this process (no network). Each row prints pages/s, its ratio
to that baseline, and the loss count: URLs that did not end as exactly one record or one
reject (must be 0). A "fetch only" row per concurrency level shows the fetcher alone.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import time
from collections import Counter
from collections.abc import Callable, Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Any

from cleaner.config import Settings
from cleaner.document import Source
from cleaner.fetch import FetchSettings, fetch_and_clean
from cleaner.fetch.client import Fetcher
from cleaner.fetch.page import FetchError
from cleaner.pipeline import default_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from httpserver import page, serve  # the tests' server, reused


def html_files(sets: list[Path]) -> list[Path]:
    return [path for set_dir in sets for path in sorted((set_dir / "html").glob("*.html"))]


def _serve_forever(files: list[Path], hosts: int, ready: Any, stop: Any) -> None:
    """Child process: one server per loopback address, every page on every host."""
    routes = {f"/p/{n}.html": page(f.read_bytes()) for n, f in enumerate(files)}
    routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    with _servers(routes, hosts) as bases:
        ready.put(bases)
        stop.wait()


class _servers:
    def __init__(self, routes: dict[str, Any], hosts: int) -> None:
        self.contexts = [serve(routes, f"127.0.0.{k + 1}") for k in range(hosts)]

    def __enter__(self) -> list[str]:
        return [context.__enter__().base for context in self.contexts]

    def __exit__(self, *exc: object) -> None:
        for context in self.contexts:
            context.__exit__(None, None, None)


def urls_for(bases: list[str], distinct: int, total: int) -> list[str]:
    # The query makes each of the `total` URLs distinct while cycling over the pages.
    return [f"{bases[i % len(bases)]}/p/{i % distinct}.html?n={i}" for i in range(total)]


def baseline(files: list[Path], total: int, sample: int) -> float:
    """Pages per second cleaning bodies from memory, no network: `sample` of the `total`
    crawled pages, evenly spread so the mix of pages is the crawl's."""
    bodies = [f.read_bytes() for f in files]
    pipeline = default_pipeline(Settings())
    picked = range(0, total, max(1, total // sample))
    start = time.perf_counter()
    for i in picked:
        pipeline.run_bytes(bodies[i % len(bodies)], Source(kind="file", path=str(i)), "html")
    return len(picked) / (time.perf_counter() - start)


Result = tuple[float, int, Counter[str]]


async def crawl(urls: list[str], settings: FetchSettings) -> Result:
    """Fetch and clean; loss counts URLs without exactly one outcome."""
    seen: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    start = time.perf_counter()
    async for outcome in fetch_and_clean(urls, settings):
        seen[str(outcome.source.url)] += 1
        outcomes["kept" if outcome.ok else getattr(outcome, "reason", "?")] += 1
    elapsed = time.perf_counter() - start
    return elapsed, _lost(urls, seen), outcomes


async def fetch_only(urls: list[str], settings: FetchSettings) -> Result:
    """The fetcher alone (robots, pacing, guard, streaming), no cleaning."""
    seen: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()

    async def one(fetcher: Fetcher, url: str) -> None:
        try:
            await fetcher.fetch(url)
            outcomes["fetched"] += 1
        except FetchError as exc:
            outcomes[exc.reason] += 1
        seen[url] += 1

    start = time.perf_counter()
    async with Fetcher(settings) as fetcher:
        await asyncio.gather(*(one(fetcher, url) for url in urls))
    return time.perf_counter() - start, _lost(urls, seen), outcomes


def _lost(urls: list[str], seen: Counter[str]) -> int:
    return sum(1 for url in urls if seen[url] != 1) + sum(1 for url in seen if url not in urls)


def main() -> None:
    args = parse_args()
    files = html_files(args.sets)
    ctx = multiprocessing.get_context("spawn")
    ready, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(target=_serve_forever, args=(files, args.hosts, ready, stop))
    server.start()
    try:
        bases = ready.get(timeout=120)
        run(args, files, urls_for(bases, len(files), args.pages))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    finally:
        stop.set()
        server.join(10)


def run(args: argparse.Namespace, files: list[Path], urls: list[str]) -> None:
    print(f"{len(urls)} URLs over {args.hosts} hosts, {len(files)} distinct eval pages")
    print("baseline = pages/s cleaning the same bodies from memory in this process,")
    print(f"re-measured on {args.baseline_pages} pages before each row (the machine is shared)")
    print("mode          workers concurrency  seconds  pages/s  baseline  ratio  lost  outcomes")
    for concurrency in args.concurrency:
        settings = FetchSettings(allow_private=True, host_delay_s=0.0, concurrency=concurrency)
        _row("fetch only", settings, urls, files, args, fetch_only)
        for workers in args.workers:
            _row("fetch+clean", replace(settings, jobs=workers), urls, files, args, crawl)


def _row(
    mode: str,
    settings: FetchSettings,
    urls: list[str],
    files: list[Path],
    args: argparse.Namespace,
    how: Callable[[list[str], FetchSettings], Coroutine[None, None, Result]],
) -> None:
    base = baseline(files, len(urls), args.baseline_pages)
    elapsed, lost, outcomes = asyncio.run(how(urls, settings))
    rate = len(urls) / elapsed
    summary = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
    workers = "-" if mode == "fetch only" else str(settings.jobs)
    print(
        f"{mode:13s} {workers:>7s} {settings.concurrency:11d} {elapsed:8.1f} {rate:8.1f} "
        f"{base:9.1f} {rate / base:6.2f} {lost:5d}  {summary}",
        flush=True,
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="eval set folders (with html/)")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--concurrency", type=_ints, default=[1, 4, 16])
    parser.add_argument("--workers", type=_ints, default=[0, 2])
    parser.add_argument("--baseline-pages", type=int, default=200)
    return parser.parse_args()


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


if __name__ == "__main__":
    main()
