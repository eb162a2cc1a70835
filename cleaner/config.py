"""All settings in one place: frozen dataclasses with commented defaults.

The CLI parses options into these; the library takes them as arguments. Nothing else in the
package holds a tunable number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MB = 1024 * 1024
DOC_TIMEOUT_S = 60.0  # the per-document time limit unless told otherwise (CLI and library)


@dataclass(frozen=True)
class Limits:
    """Caps that keep one pathological input from sinking a run."""

    max_input_bytes: int = 50 * MB  # raw bytes read from one file or response
    max_decompressed_bytes: int = 100 * MB  # after gunzip: a gzip bomb stops here
    max_text_chars: int = 5_000_000  # decoded text handed to the extractor
    # seconds one document may take, in the CLI and the library alike: the document runs in
    # a worker process that is killed past it (a reject `timeout`). None: no limit, and the
    # library cleans in the calling process (no process start, no pickling: faster)
    doc_timeout_s: float | None = DOC_TIMEOUT_S
    follow_links: bool = False  # may the walk follow a symlink out of the given paths?


@dataclass(frozen=True)
class ExtractSettings:
    """How HTML becomes text (trafilatura options)."""

    favor_precision: bool = False
    favor_recall: bool = False
    include_tables: bool = True
    include_comments: bool = False  # reader comments are not the article
    # the learned second opinion on trafilatura's blocks (extract.blocks, --recover-blocks):
    # held out +0.003-0.007 body F1, but its features cost ~30 ms a page (1.3x -> 2.2x bare
    # trafilatura), so it is asked for, not paid on every page
    block_scorer: bool = False
    # The line-role model of HTML pages (extract.lineroles): off by default, because its
    # held-out gain (+0.001 to +0.003 body F1) costs 8-10 ms a page, a third of trafilatura.
    line_roles: bool = False


@dataclass(frozen=True)
class FilterSettings:
    """Which rule packs run, and the plain-text line classifier."""

    rules: tuple[str, ...] = ()  # packs forced by the user (--rules faz,dpa); generic always runs
    rules_dir: Path | None = None  # extra user packs (--rules-dir)
    auto_select: bool = True  # also pick packs by URL host and text signature
    classify_text: bool = True  # run the line classifier on plain-text inputs


@dataclass(frozen=True)
class ClassifierSettings:
    """The plain-text line classifier (filters/classifier.py): jusText's idea, over lines.

    Lengths are characters of one line; densities are shares of a line's words that are stop
    words of the document's language. Tuned on fundus-de-dev and trafeval-dev txt dumps.
    """

    short_chars: int = 50  # shorter lines are judged by their neighbours (crossheads, menus)
    good_chars: int = 100  # a sentence this long, dense in stop words, is body on its own
    good_stop_density: float = 0.25  # running prose in German/English sits at 0.3-0.5
    min_stop_density: float = 0.10  # below this a longer line is a list of names or keywords
    strong_vocab_max_chars: int = 250  # one cookie/login/Abo phrase per this many chars: cut
    menu_word_share: float = 0.3  # a short line this full of menu words (Sport, Video) is nav
    max_digit_share: float = 0.25  # tables of scores, dates and prices are not paragraphs
    title_overlap: float = 0.8  # a non-sentence line made of the title's words repeats it
    heading_distance: int = 200  # a short line this close (chars) above body is a crosshead
    neighbour_lines: int = 4  # context reaches this many lines; past a longer run: boilerplate
    main_block: bool = True  # keep only the best-scoring stretch of body lines
    block_line_cost: float = 40.0  # each boilerplate line costs this many body characters
    block_char_cost: float = 0.2  # plus this share of its own length
    block_promoted_cost: float = 10.0  # a line that is body only by context costs this
    teaser_min_units: int = 3  # this many (headline, short blurb) units in a row: a teaser list
    teaser_blurb_chars: int = 250  # a teaser blurb is one sentence line up to this long
    teaser_head_chars: int = 150  # its kicker and headline lines are non-sentences up to this


@dataclass(frozen=True)
class GateSettings:
    """The quality gate: what is too little to be an article."""

    min_words: int = 10  # below this the document is rejected as too_short


@dataclass(frozen=True)
class KindSettings:
    """What a page is (cleaner/pagekind): which kinds are kept."""

    articles_only: bool = False  # reject pages whose page_type is not article/liveblog


@dataclass(frozen=True)
class RunSettings:
    """How a batch run uses the machine; none of it changes a record."""

    jobs: int = 0  # worker processes; 0 means one per core
    # documents in flight per worker: enough that one slow page (output waits for it, in
    # order) does not leave the other workers idle; bounded, with their bytes, for memory
    in_flight_per_job: int = 16
    max_in_flight_bytes: int = 64 * MB  # payloads (WARC records) held for workers at once
    recycle_after: int = 500  # a worker process is replaced after this many documents
    shard_files: int = 200  # files per shard on a cluster (a WARC file is always one shard)


@dataclass(frozen=True)
class Settings:
    """Everything one run needs; immutable so it can cross process boundaries."""

    limits: Limits = field(default_factory=Limits)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    filters: FilterSettings = field(default_factory=FilterSettings)
    classifier: ClassifierSettings = field(default_factory=ClassifierSettings)
    gate: GateSettings = field(default_factory=GateSettings)
    kind: KindSettings = field(default_factory=KindSettings)
    language_seed: int = 0  # langdetect is random; a fixed seed makes output deterministic
