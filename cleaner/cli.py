"""The command line: parses options into settings and calls the library. Nothing else."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cleaner.config import FilterSettings, GateSettings, Settings
from cleaner.document import Document, Reject
from cleaner.errors import CleanerError
from cleaner.inputs import Skipped, iter_items
from cleaner.progress import progress
from cleaner.runner import Counts, run_items
from cleaner.writers.jsonl import JsonlWriter

app = typer.Typer(
    help="Clean news articles: boilerplate-free text plus metadata, one JSON record per line.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Output = Annotated[
    Path | None, typer.Option("-o", "--output", help="JSONL file (default: stdout).")
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
) -> None:
    """Clean a folder of pages and texts into JSONL."""
    settings = build_settings(rules, rules_dir, min_words)
    for path in paths:
        if not path.exists():
            fail(f"{path}: no such file or folder")
    counts = _run(paths, settings, output, rejects)
    typer.echo(counts.summary(), err=True)


def _run(
    paths: list[Path], settings: Settings, output: Path | None, rejects: Path | None
) -> Counts:
    counts = Counts()
    with (
        JsonlWriter(str(output) if output else None) as out,
        JsonlWriter(str(rejects) if rejects else None) if rejects else _NoWriter() as rej,
        progress("cleaning") as tick,
    ):
        for outcome in run_items(iter_items(paths), settings):
            counts.add(outcome)
            _write(outcome, out, rej)
            tick(counts)
    return counts


def _write(
    outcome: Document | Reject | Skipped, out: JsonlWriter, rej: JsonlWriter | _NoWriter
) -> None:
    if isinstance(outcome, Document):
        out.write(outcome.to_record())
    elif isinstance(outcome, Reject):
        rej.write(outcome.to_record())
        if isinstance(rej, _NoWriter):
            where = outcome.source.path or outcome.source.url
            warn(f"{where}: rejected ({outcome.reason}) {outcome.detail}")


class _NoWriter:
    """Stands in for the rejects file when none was asked for: rejects go to stderr."""

    def __enter__(self) -> _NoWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, record: dict[str, object]) -> None:
        return None


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
