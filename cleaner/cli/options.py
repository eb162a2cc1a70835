"""Options shared by the commands, and the few helpers every command uses.

One definition each, so `--timeout`, `--jobs`, `--rules` mean the same in `clean` and `fetch`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from cleaner.config import (
    DOC_TIMEOUT_S,
    ExtractSettings,
    FilterSettings,
    GateSettings,
    KindSettings,
    Limits,
    RunSettings,
    Settings,
)

Output = Annotated[
    Path | None,
    typer.Option(
        "-o", "--output", help="JSONL (.gz, .zst compress) or .parquet; '-' or none: stdout."
    ),
]
Rejects = Annotated[
    Path | None,
    typer.Option("--rejects", help="File (as -o) for inputs that gave no article (else: stderr)."),
]
Rules = Annotated[
    str, typer.Option("--rules", help="Rule packs to force, comma-separated (faz,dpa).")
]
RulesDir = Annotated[
    Path | None, typer.Option("--rules-dir", help="Folder of your own TOML packs.")
]
MinWords = Annotated[int, typer.Option("--min-words", help="Reject articles shorter than this.")]
ArticlesOnly = Annotated[
    bool,
    typer.Option(
        "--articles-only",
        help="Reject pages that are not articles or live blogs (reason not_article).",
    ),
]
RecoverBlocks = Annotated[
    bool,
    typer.Option(
        "--recover-blocks",
        help="Put back body blocks trafilatura dropped (learned scorer): cleaner, ~1.7x slower.",
    ),
]
ResumeAnyway = Annotated[
    bool,
    typer.Option(
        "--resume-anyway", help="--resume even when the settings differ from the first run's."
    ),
]
Jobs = Annotated[
    int,
    typer.Option("-j", "--jobs", min=0, help="Cleaning processes (default 0: one per core)."),
]
Timeout = Annotated[
    float,
    typer.Option("--timeout", min=0.01, help="Seconds one document may take; then it is rejected."),
]

DEFAULT_JOBS = RunSettings.jobs
DEFAULT_MIN_WORDS = GateSettings.min_words
DEFAULT_TIMEOUT = DOC_TIMEOUT_S


def build_settings(
    rules: str,
    rules_dir: Path | None,
    min_words: int = DEFAULT_MIN_WORDS,
    timeout: float = DEFAULT_TIMEOUT,
    articles_only: bool = KindSettings.articles_only,
    recover_blocks: bool = ExtractSettings.block_scorer,
) -> Settings:
    """The cleaning settings the shared options describe."""
    names = tuple(name.strip() for name in rules.split(",") if name.strip())
    return Settings(
        limits=Limits(doc_timeout_s=timeout),
        extract=ExtractSettings(block_scorer=recover_blocks),
        filters=FilterSettings(rules=names, rules_dir=rules_dir),
        gate=GateSettings(min_words=min_words),
        kind=KindSettings(articles_only=articles_only),
    )


def warn(message: str) -> None:
    typer.echo(f"cleaner: {message}", err=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """One line naming the problem and what to do; no traceback."""
    typer.echo(f"cleaner: error: {message}", err=True)
    raise typer.Exit(code)
