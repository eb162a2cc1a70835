"""The command line: parses options into settings and calls the library. Nothing else."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from cleaner.batch import Outputs, run_batch
from cleaner.config import FilterSettings, GateSettings, Limits, RunSettings, Settings
from cleaner.errors import CleanerError, OutputError
from cleaner.runner import Result
from cleaner.writers.guard import guarded_run

app = typer.Typer(
    help="Clean news articles: boilerplate-free text plus metadata, one JSON record per line.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Output = Annotated[
    Path | None,
    typer.Option("-o", "--output", help="JSONL file; .gz or .zst compresses (default: stdout)."),
]
Rejects = Annotated[
    Path | None, typer.Option("--rejects", help="JSONL file for inputs that gave no article.")
]
Rules = Annotated[
    str, typer.Option("--rules", help="Rule packs to force, comma-separated (faz,dpa).")
]
RulesDir = Annotated[
    Path | None, typer.Option("--rules-dir", help="Folder of your own TOML packs.")
]
MinWords = Annotated[int, typer.Option("--min-words", help="Reject articles shorter than this.")]


@app.callback()
def _root() -> None:
    """cleaner: boilerplate-stripping news cleaner."""


Jobs = Annotated[
    int, typer.Option("-j", "--jobs", min=0, help="Worker processes (default 0: one per core).")
]
Resume = Annotated[
    bool,
    typer.Option(
        "--resume", help="Continue an interrupted run: skip inputs already in -o/--rejects."
    ),
]
ResumeAnyway = Annotated[
    bool,
    typer.Option(
        "--resume-anyway", help="--resume even when the settings differ from the first run's."
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option("--scheduler", help="Run on Dask: a scheduler address, or 'local'."),
]
Timeout = Annotated[
    float,
    typer.Option("--timeout", min=0.01, help="Seconds one document may take; then it is rejected."),
]


@app.command()
def clean(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (.html .htm .txt, .gz, WARC).")
    ],
    output: Output = None,
    rejects: Rejects = None,
    rules: Rules = "",
    rules_dir: RulesDir = None,
    min_words: MinWords = GateSettings.min_words,
    jobs: Jobs = RunSettings.jobs,
    resume: Resume = False,
    resume_anyway: ResumeAnyway = False,
    scheduler: Scheduler = None,
    timeout: Timeout = Limits.doc_timeout_s,
    follow_links: Annotated[
        bool, typer.Option("--follow-links", help="Follow symlinks out of the given paths.")
    ] = False,
) -> None:
    """Clean pages, texts and WARC files into JSONL (.jsonl, .jsonl.gz or .jsonl.zst)."""
    settings = build_settings(rules, rules_dir, min_words)
    limits = replace(settings.limits, doc_timeout_s=timeout, follow_links=follow_links)
    settings = replace(settings, limits=limits)
    for path in paths:
        if not path.exists():
            fail(f"{path}: no such file or folder")
    outputs = Outputs(str(output) if output else None, str(rejects) if rejects else None)
    resume = resume or resume_anyway
    try:
        with guarded_run(paths, [output, rejects], settings, resume, resume_anyway):
            _run(paths, outputs, settings, RunSettings(jobs=jobs), resume, scheduler)
    except CleanerError as exc:  # OutputError, SettingsError: one line, no traceback
        fail(str(exc), 1 if isinstance(exc, OutputError) else 2)
    except KeyboardInterrupt:
        # the writers have flushed every complete line: --resume continues from here
        typer.echo("cleaner: interrupted; rerun with --resume to continue", err=True)
        raise typer.Exit(130) from None


def _run(
    paths: list[Path],
    outputs: Outputs,
    settings: Settings,
    run: RunSettings,
    resume: bool,
    scheduler: str | None,
) -> None:
    if scheduler:
        from cleaner.dask_runner import run_dask

        counts = run_dask(paths, outputs, settings, run, scheduler, resume)
    else:
        on_reject = None if outputs.rejects else _warn_reject
        counts, done = run_batch(paths, outputs, settings, run, resume, on_reject)
        if resume:
            warn(f"resumed: {done} inputs were already done")
    typer.echo(counts.final(), err=True)


def _warn_reject(result: Result) -> None:
    warn(f"{result.where}: rejected ({result.reason}) {result.detail}")


def build_settings(rules: str, rules_dir: Path | None, min_words: int) -> Settings:
    names = tuple(name.strip() for name in rules.split(",") if name.strip())
    return Settings(
        filters=FilterSettings(rules=names, rules_dir=rules_dir),
        gate=GateSettings(min_words=min_words),
    )


def warn(message: str) -> None:
    typer.echo(f"cleaner: {message}", err=True)


def fail(message: str, code: int = 2) -> None:
    """One line naming the problem and what to do; no traceback."""
    typer.echo(f"cleaner: error: {message}", err=True)
    raise typer.Exit(code)


def main() -> None:
    """Console entry point: errors for people, not tracebacks."""
    try:
        app()
    except CleanerError as exc:
        typer.echo(f"cleaner: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("cleaner: interrupted", err=True)
        sys.exit(130)


import cleaner.cli_explain  # noqa: E402
import cleaner.cli_fetch  # noqa: E402, F401
