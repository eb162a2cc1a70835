"""cleaner: clean news article text plus metadata from raw pages, URLs and extracted text."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cleaner._version import __version__

if TYPE_CHECKING:  # the names below, for type checkers; at run time they load on first use
    from cleaner.api import clean_file, clean_html, clean_paths, clean_text, fetch_and_clean
    from cleaner.config import Settings
    from cleaner.document import Document, Reject, Removal, Source
    from cleaner.errors import CleanerError, Rejected
    from cleaner.fetch.settings import FetchSettings
    from cleaner.run.shard import Shard, clean_shard, plan_shards

# Where each public name lives. Importing `cleaner` (or any cleaner module, which imports the
# package first) must not import trafilatura, httpx and the rest: each loads on first use.
_HOME = {
    "clean_file": "cleaner.api",
    "clean_html": "cleaner.api",
    "clean_paths": "cleaner.api",
    "clean_text": "cleaner.api",
    "fetch_and_clean": "cleaner.api",
    "Settings": "cleaner.config",
    "Document": "cleaner.document",
    "Reject": "cleaner.document",
    "Removal": "cleaner.document",
    "Source": "cleaner.document",
    "CleanerError": "cleaner.errors",
    "Rejected": "cleaner.errors",
    "FetchSettings": "cleaner.fetch.settings",
    "Shard": "cleaner.run.shard",
    "clean_shard": "cleaner.run.shard",
    "plan_shards": "cleaner.run.shard",
}

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


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name]), name)
    globals()[name] = value  # once: later lookups do not come here
    return value
