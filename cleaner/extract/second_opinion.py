"""trafilatura's second opinion (readability, then jusText) only where its main text needs one.

trafilatura runs readability on every page to compare with its own extraction: ~4 ms a page,
the costliest step of the cascade, while on a long main text the comparison almost never
changes the outcome (it replaces the text when the other is twice as long, or when the own
one has no paragraphs or leftover page furniture). `fast=True` skips it but also changes the
main extractor (teaser blocks kept), so that is no option. Instead, while `asking_only_when_needed`
is active, the comparison step consults `needed` first and keeps the main text when it is
long and clean. Every other call of trafilatura (in this process too) runs unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from copy import copy
from typing import Any

import trafilatura.core
import trafilatura.external

from cleaner.extract.scope import for_cleaner, running_for_cleaner

# Main texts under this many characters get the second opinion; measured on the dev sets
# (fundus-de-dev, trafeval-dev, wcxb-dev): see BENCHMARKS.md.
SHORT_TEXT = 1000
# Elements that make trafilatura call its main text unclean and ask jusText (its own list).
_UNCLEAN = getattr(trafilatura.external, "SANITIZED_XPATH", None)

_ORIGINAL = trafilatura.external.compare_extraction


def needed(body: Any, text: str) -> bool:
    """Whether trafilatura's comparison could change this main text, judged cheaply."""
    if len(text) < SHORT_TEXT or _UNCLEAN is None or body.xpath(_UNCLEAN):
        return True
    paragraphs = len(body.findall(".//p"))
    return not body.xpath(".//p//text()") or len(body.findall(".//table")) > paragraphs


def _gated(cleaned: Any, raw: Any, body: Any, text: str, options: Any) -> Any:
    if for_cleaner() and options.focus != "recall" and not needed(body, text):
        return body, text
    return _ORIGINAL(cleaned, raw, body, text, options)


_ORIGINAL_STAGES = getattr(trafilatura.core, "_extract_and_compare", None)


def _gated_stages(cleaned: Any, backup: Any, raw: Any, options: Any) -> Any:
    """trafilatura's stages 1-2 (`_extract_and_compare`: main extractor, then the comparison
    on a copy of the raw tree), copying the raw tree only when the comparison runs (0.7 ms a
    page, skipped on nine pages in ten)."""
    if not for_cleaner() or options.fast:
        return _ORIGINAL_STAGES(cleaned, backup, raw, options)  # type: ignore[misc]
    body, text = trafilatura.core.extract_content(cleaned, options)  # type: ignore[attr-defined]
    if options.focus != "recall" and not needed(body, text):
        return body, text
    return _ORIGINAL(backup, copy(raw), body, text, options)


# Installed only over the functions this module was written against; if trafilatura changes
# how it calls the comparison, the gate is simply not installed and every page gets it.
if _ORIGINAL_STAGES is not None and hasattr(trafilatura.core, "extract_content"):
    trafilatura.core._extract_and_compare = _gated_stages  # type: ignore[assignment]
elif getattr(trafilatura.core, "compare_extraction", None) is _ORIGINAL:
    trafilatura.core.compare_extraction = _gated  # type: ignore[attr-defined,assignment]


def warm_justext() -> None:
    """Build now what trafilatura's jusText fallback builds on first use: the stop list of all
    its languages (~154,000 words as a tuple, then lower-cased into a frozenset by jusText:
    ~200 ms on the clock of the first page that needs it). For the worker pool's fork server
    and the benchmarks: paid once, outside a page; the lists are the same, so is the output."""
    import justext.core

    build = getattr(trafilatura.external, "jt_stoplist_init", None)
    if build is None:  # trafilatura no longer builds the list this way: nothing to warm
        return
    words = getattr(trafilatura.external, "JT_STOPLIST", None) or build()
    justext.core.define_stoplist(words)  # lru_cache'd on the tuple: the frozenset stays


@contextmanager
def asking_only_when_needed() -> Iterator[None]:
    """Within this block, trafilatura asks for its second opinion only where `needed` (and
    runs with cleaner's other hooks: extract.scope)."""
    with running_for_cleaner():
        yield
