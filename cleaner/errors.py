"""Errors raised by cleaner.

    CleanerError                 base of everything cleaner raises on purpose    exit 2
    ├── Rejected                 one input cannot become an article; carries a reason code
    ├── RulePackError            a rule pack is malformed (names the file and the rule)
    ├── SettingsError            an option or setting is invalid
    └── OutputError              the output cannot be written (disk full, no permission) exit 1

A `Rejected` never stops a run: the pipeline turns it into a reject record. The reason codes
are a closed set (`Reason`, explained in `REASONS`, documented in the README), so users can
count and filter them. Each error class carries the exit code the command line ends with
(`exit_code`), so one handler (cleaner.cli.handled) maps every error the same way.
"""

from __future__ import annotations

from typing import Literal

Reason = Literal[
    "unreadable",
    "empty",
    "binary",
    "undecodable",
    "too_large",
    "bad_compression",
    "bad_archive",
    "no_text",
    "too_short",
    "not_article",
    "consent_wall",
    "timeout",
    "extract_failed",
    "internal_error",
    "fetch_failed",
    "http_status",
    "content_type",
    "robots",
    "blocked_address",
    "too_many_redirects",
]
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells expect

REASONS: dict[Reason, str] = {
    "unreadable": "the file could not be read (permission, vanished, not a regular file)",
    "empty": "the input holds no bytes or only whitespace",
    "binary": "the input is not text (image, PDF, executable, archive, NUL bytes)",
    "undecodable": "the bytes could not be decoded as text in any known encoding",
    "too_large": "the input exceeds the size cap (raw or decompressed)",
    "bad_compression": "a compressed input is truncated or corrupt",
    "bad_archive": "a WARC/ARC file is damaged here (bad header, wrong length, junk bytes)",
    "no_text": "no article text was found (empty page, scripts only, frameset)",
    "too_short": "the cleaned text is shorter than the quality gate allows",
    "not_article": "--articles-only: the page is not an article (page_type in detail)",
    "consent_wall": "a cookie or consent notice was served instead of the article",
    "timeout": "processing exceeded the per-document time limit",
    "extract_failed": "the extractor raised an error on this input",
    "internal_error": "an unexpected error in cleaner itself (please report it)",
    "fetch_failed": "the URL could not be fetched (DNS, connection, timeout) after retries",
    "http_status": "the server answered with an error status",
    "content_type": "the server sent a type that is not HTML or text",
    "robots": "robots.txt disallows the URL",
    "blocked_address": "the URL points to a private, loopback or non-http(s) address",
    "too_many_redirects": "the redirect limit was exceeded or a redirect loop was found",
}


class CleanerError(Exception):
    """Base class of the errors cleaner raises on purpose."""

    exit_code = 2  # a usage problem: the run could not start as asked


class Rejected(CleanerError):
    """An input cannot become an article; `reason` is one of REASONS."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown reject reason {reason!r}")
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class RulePackError(CleanerError):
    """A rule pack file is malformed."""


class SettingsError(CleanerError):
    """An option or setting is invalid."""


class OutputError(CleanerError):
    """The output cannot be written."""

    exit_code = 1  # the run started and could not finish writing
