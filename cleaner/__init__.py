"""cleaner: clean news article text plus metadata from raw pages, URLs and extracted text."""

from __future__ import annotations

from cleaner._version import __version__
from cleaner.api import clean_file, clean_html, clean_paths, clean_text, fetch_and_clean
from cleaner.config import Settings
from cleaner.document import Document, Reject, Removal, Source
from cleaner.errors import CleanerError, Rejected
from cleaner.fetch.settings import FetchSettings
from cleaner.run.shard import Shard, clean_shard, plan_shards

__all__ = [
    "CleanerError",
    "Document",
    "FetchSettings",
    "Reject",
    "Rejected",
    "Removal",
    "Settings",
    "Shard",
    "Source",
    "__version__",
    "clean_file",
    "clean_html",
    "clean_paths",
    "clean_shard",
    "clean_text",
    "fetch_and_clean",
    "plan_shards",
]
