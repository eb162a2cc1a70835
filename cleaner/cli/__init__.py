"""The command line: parses options into settings and calls the library. Nothing else.

The commands are registered here, in one visible place; each lives in its own module, the
options they share in `cleaner.cli.options`. Every command runs inside `handled`, the one
error policy: a `CleanerError` becomes one line on stderr and its class's exit code, Ctrl-C
exits 130 (the writers have flushed every complete line, so --resume continues).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

import typer

from cleaner._version import __version__
from cleaner.cli.clean import clean
from cleaner.cli.explain import explain
from cleaner.cli.fetch import fetch
from cleaner.cli.rules import rules
from cleaner.errors import EXIT_INTERRUPTED, CleanerError

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    help="Clean news articles: boilerplate-free text plus metadata, one JSON record per line.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # click's plain help: rich's formatting costs 0.1 s at `--help`
)


def handled(command: Callable[P, R]) -> Callable[P, R]:
    """The one error policy for every command."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CleanerError as exc:  # OutputError, SettingsError, RulePackError: no traceback
            typer.echo(f"cleaner: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("cleaner: interrupted; rerun with --resume to continue", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return run


def _show_version(asked: bool) -> None:
    if asked:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """cleaner: boilerplate-stripping news cleaner."""


for command in (clean, fetch, explain, rules):
    app.command()(handled(command))


def main() -> None:
    """Console entry point (`cleaner`, `python -m cleaner`): errors for people, not tracebacks."""
    try:
        app()
    except CleanerError as exc:  # raised while parsing options, before a command runs
        typer.echo(f"cleaner: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("cleaner: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
