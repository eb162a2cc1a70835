"""THE authors splitter: a byline or a meta value -> the people in it, for HTML and text alike.

split_authors("Von Erika Muster und Max Beispiel")        -> ["Erika Muster", "Max Beispiel"]
split_authors("Ein Kommentar von Anna Beispiel")          -> ["Anna Beispiel"]
split_authors("By Jane Example, CNN")                      -> ["Jane Example"]
split_authors("von Anna Beispiel, MDR SACHSEN")            -> ["Anna Beispiel"]
split_authors("FOCUS-online-Redakteurin Anna Beispiel")    -> ["Anna Beispiel"]
split_authors("Stephanie Bazzle June 3, 2024")             -> ["Stephanie Bazzle"]
split_authors("Anna BeispielMax Muster")                   -> ["Anna Beispiel", "Max Muster"]

People only: outlets, agencies, cities after a comma, role words, initials in brackets, dates
and e-mail addresses are left out. The grammar is general (prefixes of de/en/fr/it/es/nl/...),
not a list of known bylines.
"""

from __future__ import annotations

import re

from cleaner.metadata.dates import MONTHS

_PREFIX = re.compile(
    r"^(?:[\w\-]+\s+){0,3}?(?:von|by|par|di|por|door|av|af|vum|de)\s*:?\s+"
    r"|^(?:autor(?:in)?|author|text|written by|reporting by)\s*:?\s*",
    re.I,
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|\S+@\S+|https?://\S+")
_SPLIT = re.compile(r"\s*(?:[,;|&/·•]|\s(?:und|and|sowie|et|y|e|u\.|en|och|og)\s)\s*")
_ROLE = re.compile(
    r"redakt|korrespond|reporter|autor|author|editor|writer|journalist|mitarbeiter|volontär"
    r"|kolumnist|columnist|correspondent|contributor|staff|fotograf|photographer|moderat"
    r"|chefredakt|ressortleit|interview|kommentar|analyse|gastbeitrag",
    re.I,
)
_OUTLET = re.compile(
    r"\.(?:de|com|at|ch|net|org|fr|it|es|uk)\b|online|news|nachrichten|zeitung|redaktion|agentur"
    r"|presse?\b|media|magazin|radio|\btv\b|^(?:dpa|afp|ap|reuters|kna|epd|apa|sda|ddp|ots|cnn"
    r"|bbc|sid|ansa|efe|upi)\b",
    re.I,
)
_ARTICLE = re.compile(r"^(?:der|die|das|the|le|la|il|el|de)\s", re.I)
_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "zu",
        "bin",
        "al",
        "ten",
        "ter",
        "dos",
        "das",
        "y",
    ]
)
_GLUED = re.compile(r"(?<=[a-zà-ÿß]{2})(?=[A-ZÀ-Þ][a-zà-ÿß]{2})")
MAX_NAME_TOKENS = 5


def split_authors(value: str) -> list[str]:
    """The people a byline names, in order, each once."""
    value = _BRACKETS.sub(" ", value).strip()
    value = _PREFIX.sub("", value)
    parts = [p for p in _SPLIT.split(value) if p.strip()]
    shout = all(_is_upper(p) for p in parts)  # a byline in capitals ("By JANE EXAMPLE")
    names: list[str] = []
    for part in parts:
        for name in _unglue(_person(part, shout)):
            if name not in names:
                names.append(name)
    return names


def _person(part: str, shout: bool) -> str:
    """The name in one part, or '' if the part is an outlet, a role, a city or a date."""
    tokens = [t for t in part.strip(" .:-–—").split() if not _ROLE.search(t)]
    part = " ".join(tokens)
    if not part or _OUTLET.search(part) or _ARTICLE.match(part) or (_is_upper(part) and not shout):
        return ""
    tokens = [t.title() if shout else t for t in tokens]
    while tokens and (tokens[-1].lower().rstrip(".") in MONTHS or _has_digit(tokens[-1])):
        tokens.pop()  # a date glued on: "Stephanie Bazzle June 3, 2024"
    while tokens and not tokens[0][:1].isupper():
        tokens.pop(0)  # "unserem Redakteur X", "par notre envoyé X"
    if not 2 <= len(tokens) <= MAX_NAME_TOKENS or not all(_name_token(t) for t in tokens):
        return ""
    return " ".join(tokens)


def _unglue(name: str) -> list[str]:
    """'Anna BeispielMax Muster' -> two names (only inside a name, never at its edges)."""
    if not name:
        return []
    tokens = name.split()
    for i, token in enumerate(tokens[1:-1], start=1):
        pieces = _GLUED.split(token)
        if len(pieces) == 2:
            return [
                " ".join([*tokens[:i], pieces[0]]),
                *_unglue(" ".join([pieces[1], *tokens[i + 1 :]])),
            ]
    return [name]


def _name_token(token: str) -> bool:
    if token.lower() in _PARTICLES:
        return True
    return token[:1].isupper() and not _has_digit(token) and len(token.strip(".")) >= 1


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)
