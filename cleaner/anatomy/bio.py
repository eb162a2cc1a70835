"""The author's bio at the article's end: "Jane Example is a transport reporter for ...",
"Erika Muster ist Redakteurin im Ressort ...". The model keeps such a paragraph when it reads
like prose; one that opens with the byline's name and goes on with what the author is or does
is about the author, not the story, and is cut (recorded with this module's name)."""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.anatomy.roles import KEEP, Role

BIO_NAME = "anatomy.bio"  # how explain names a role this module changed
NAME_WORDS = 2  # a byline's name opens the line with at least its first two words
# What follows an author's name in a bio: a verb of being or working, or an apposition
# ("Jane Example, a reporter ..."); closed word classes of de, en, fr, es, it, nl.
_BIO_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "covers",
        "writes",
        "reports",
        "joined",
        "works",
        "has",
        "leads",
        "lives",
        "ist",
        "sind",
        "war",
        "schreibt",
        "berichtet",
        "arbeitet",
        "leitet",
        "lebt",
        "volontierte",
        "studierte",
        "est",
        "écrit",
        "es",
        "escribe",
        "è",
        "scrive",
        "werkt",
        "schrijft",
    ]
)
_APPOSITION_OPENERS = frozenset(
    ["a", "an", "the", "ein", "eine", "der", "die", "un", "une", "el", "la", "il", "lo"]
)


def byline_words(lines: Sequence[str], roles: Sequence[Role]) -> set[str]:
    """The words of the byline lines: the authors' names, as they are written."""
    return {
        w for line, role in zip(lines, roles, strict=True) if role == "byline" for w in line.split()
    }


def opens_with_byline_name(line: str, bylined: set[str]) -> bool:
    """Whether the line's first two words are words of a byline (a name: an author's bio)."""
    first = [word.rstrip(",") for word in line.split()[:NAME_WORDS]]
    return len(first) == NAME_WORDS and bylined.issuperset(first)


def bio_roles(lines: Sequence[str], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the last kept lines cut while each is a bio of a byline's author."""
    out, bylined = list(roles), byline_words(lines, roles)
    for i in reversed([i for i, role in enumerate(roles) if role in KEEP]):
        if not _is_bio(lines[i], bylined):
            break
        out[i] = "boiler"
    return out


def _is_bio(line: str, bylined: set[str]) -> bool:
    """A byline's name, then a bio verb or an apposition."""
    words = line.split()
    named = _name_length(words, bylined)
    if named < NAME_WORDS or named == len(words):
        return False
    after = words[named].lower()
    apposed = words[named - 1].endswith(",") and after in _APPOSITION_OPENERS
    return after in _BIO_VERBS or apposed


def _name_length(words: Sequence[str], bylined: set[str]) -> int:
    """How many words open the line as words of a byline, up to a comma."""
    named = 0
    while named < len(words) and words[named].rstrip(",") in bylined:
        named += 1
        if words[named - 1].endswith(","):
            break
    return named
