"""`cleaner clean PATHS`: pages, texts and WARC files into JSONL, locally or on Dask."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
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
from cleaner.config import RunSettings, Settings
from cleaner.document import DocKind

if TYPE_CHECKING:  # the run's machinery loads when the command runs, not at `cleaner --help`
    from cleaner.readers.items import Item, Skipped
    from cleaner.run.sink import Counts, Outputs

STDIN = "-"

Resume = Annotated[
    bool,
    typer.Option(
        "--resume", help="Continue an interrupted run: skip inputs already in -o/--rejects."
    ),
]
Kind = Annotated[
    DocKind | None,
    typer.Option("--kind", help="What stdin ('-') holds: html or text (default: sniffed)."),
]
Ext = Annotated[
    list[str] | None,
    typer.Option("--ext", help="Also read files of this extension in folders (.php; repeatable)."),
]
FollowLinks = Annotated[
    bool, typer.Option("--follow-links", help="Follow symlinks out of the given paths.")
]
Scheduler = Annotated[
    str | None,
    typer.Option("--scheduler", help="Run on Dask: a scheduler address, or 'local'."),
]


def clean(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (.html .htm .txt, .gz, WARC); '-' reads stdin."),
    ],
    output: Output = None,
    rejects: Rejects = None,
    rules: Rules = "",
    rules_dir: RulesDir = None,
    min_words: MinWords = DEFAULT_MIN_WORDS,
    articles_only: ArticlesOnly = False,
    recover_blocks: RecoverBlocks = False,
    jobs: Jobs = DEFAULT_JOBS,
    resume: Resume = False,
    resume_anyway: ResumeAnyway = False,
    scheduler: Scheduler = None,
    timeout: Timeout = DEFAULT_TIMEOUT,
    kind: Kind = None,
    ext: Ext = None,
    follow_links: FollowLinks = False,
) -> None:
    """Clean pages, texts and WARC files into JSONL (.jsonl, .jsonl.gz or .jsonl.zst)."""
    from cleaner.run.sink import Outputs
    from cleaner.writers.guard import guarded_run

    settings = build_settings(rules, rules_dir, min_words, timeout, articles_only, recover_blocks)
    settings = replace(settings, limits=replace(settings.limits, follow_links=follow_links))
    for path in paths:
        if str(path) != STDIN and not path.exists():
            fail(f"{path}: no such file or folder")
    outputs = Outputs(str(output) if output else None, str(rejects) if rejects else None)
    inputs = Inputs(paths, kind, tuple(ext or ()))
    resume = resume or resume_anyway
    files = [None if str(output) == STDIN else output, rejects]
    with guarded_run(inputs.files(), files, settings, resume, resume_anyway):
        counts = _run(inputs, outputs, settings, RunSettings(jobs=jobs), resume, scheduler)
    typer.echo(counts.final(), err=True)


@dataclass(frozen=True)
class Inputs:
    """What to clean: paths ('-' for stdin), what stdin holds, extensions to add."""

    paths: list[Path]
    stdin_kind: DocKind | None = None
    extensions: tuple[str, ...] = ()

    def files(self) -> list[Path]:
        return [path for path in self.paths if str(path) != STDIN]

    def items(self, settings: Settings) -> Iterator[Item | Skipped]:
        from cleaner.readers.items import iter_items, stdin_item

        if any(str(path) == STDIN for path in self.paths):
            yield stdin_item(sys.stdin.buffer, self.stdin_kind, settings.limits)
        yield from iter_items(self.files(), settings.limits, self.extensions)


def _run(
    inputs: Inputs,
    outputs: Outputs,
    settings: Settings,
    run: RunSettings,
    resume: bool,
    scheduler: str | None,
) -> Counts:
    if scheduler:
        if len(inputs.files()) != len(inputs.paths):
            fail("--scheduler cannot read stdin: give files")
        from cleaner.run.dask import run_dask  # Dask is an optional extra, and heavy

        return run_dask(inputs.paths, outputs, settings, run, scheduler, resume, inputs.extensions)
    from cleaner.readers.items import input_bytes
    from cleaner.run.local import run_local
    from cleaner.run.progress import on_terminal

    files = inputs.files()
    total = input_bytes(files) if on_terminal() else None  # a second walk, for people only
    return run_local(inputs.items(settings), outputs, settings, run, resume, total)
