"""Imported once by the worker pool's fork server, so that every worker starts warm.

trafilatura and lxml set up lazily, langdetect loads its language profiles on first use and
dateparser (htmldate's extensive date search) its locales, trafilatura's jusText fallback
its all-language stop list: about 3 s that every new (or recycled) worker would otherwise
spend on its first documents, on their clock. Done here, it is paid once and shared by
forked workers.
"""

from __future__ import annotations

from cleaner.config import Settings
from cleaner.document import Source
from cleaner.extract.html import warm_dates
from cleaner.extract.second_opinion import warm_justext
from cleaner.metadata.langprofiles import fill_profiles
from cleaner.pipeline import Pipeline, default_pipeline

PAGE = (
    "<html><body><article><p>Ein kurzer Absatz, damit der Extraktor und die Spracherkennung "
    "ihre Tabellen einmal laden, bevor die eigentliche Arbeit beginnt.</p></article></body></html>"
)
# Text mode has its own first-use work: the role model file, the literal tables of the
# vocabulary and the rule patterns (about 50 ms).
TEXT = "Von Anna Beispiel\nEin kurzer Absatz, damit das Rollenmodell einmal geladen wird.\n"


def warm(pipeline: Pipeline | None = None) -> None:
    """One tiny page and one text through every step (of the default pipeline unless told
    otherwise), langdetect's whole profile table, dateparser's locales and jusText's stop
    list, which forked workers then share."""
    pipeline = pipeline or default_pipeline(Settings())
    pipeline.run_text(PAGE, Source(kind="text"), "html")
    pipeline.run_text(TEXT, Source(kind="text"), "text")
    fill_profiles()
    warm_dates()
    warm_justext()


warm()
