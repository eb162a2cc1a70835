"""THE authors splitter: a byline or a meta value -> the people in it, for HTML and text alike.

split_authors("Von Erika Muster und Max Beispiel")        -> ["Erika Muster", "Max Beispiel"]
split_authors("Ein Kommentar von Anna Beispiel")          -> ["Anna Beispiel"]
split_authors("By Jane Example, CNN")                      -> ["Jane Example"]
split_authors("von Anna Beispiel, MDR SACHSEN")            -> ["Anna Beispiel"]
split_authors("FOCUS-online-Redakteurin Anna Beispiel")    -> ["Anna Beispiel"]
split_authors("Stephanie Bazzle June 3, 2024")             -> ["Stephanie Bazzle"]
split_authors("Anna BeispielMax Muster")                   -> ["Anna Beispiel", "Max Muster"]
split_authors("By Laura Example with AP")                  -> ["Laura Example"]

People only: outlets, agencies, cities after a comma, role words, initials in brackets, dates
and e-mail addresses are left out. The grammar is general (prefixes of de/en/fr/it/es/nl/...),
not a list of known bylines.
"""

from __future__ import annotations

import re

from cleaner.metadata.dates import MONTHS

_PREFIX = re.compile(
    r"^(?P<lead>(?:[\w\-]+\s+){0,3}?)(?:von|by|par|di|por|door|av|af|vum|de)\s*:?\s+"
    r"|^(?:autor(?:in)?|authors?|text|(?:written|posted|reporting) by)\s*:?\s*",
    re.I,
)
# "Ein Kommentar von X", "Written by X", "Words by X": what may stand before the prefix word
_LEAD_IN = re.compile(
    r"^(?:ein|eine|a|an|un|une|uno|una|written|posted|reported|reporting|words|text|story"
    r"|photos?|fotos?|geschrieben)$",
    re.I,
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|\S+@\S+|https?://\S+")
# "with" and "mit" too: "By Laura Example with AP", "Von X mit Material von dpa"
_SPLIT = re.compile(r"\s*(?:[,;|&/·•]|\s(?:und|and|sowie|et|y|e|u\.|en|och|og|with|mit)\s)\s*")
_ROLE = re.compile(
    r"redakt|korrespond|reporter|autor|author|editor|writer|journalist|mitarbeiter|volontär"
    r"|kolumnist|columnist|correspondent|contributor|staff|fotograf|photographer|moderat"
    r"|chefredakt|ressortleit|interview|kommentar|analyse|gastbeitrag"
    r"|contribut|director|founder|manager|\bhead\b|\blead\b|chief|senior|officer|reviewer"
    r"|analyst|specialist|strategist|marketing|\bcontent\b|\bceo\b",
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


def split_authors(value: str, named: bool = False) -> list[str]:
    """The people a byline names, in order, each once. `named`: the value is an author field
    (a JSON-LD author's name, an author meta tag) that credits whoever the page credits, a
    person, a team, an outlet or a handle: only prefixes, brackets, addresses, dates and
    credentials go, and a comma splits only between names of two words or more."""
    value = _without_prefix(_BRACKETS.sub(" ", value).strip())
    if named:
        return _named(value)
    parts = [p for p in _SPLIT.split(value) if p.strip()]
    shout = all(_is_upper(p) for p in parts)  # a byline in capitals ("By JANE EXAMPLE")
    names: list[str] = []
    for part in parts:
        for name in _unglue(_person(part, shout)):
            if name not in names:
                names.append(name)
    return names


def looks_like_outlet(name: str) -> bool:
    """An outlet, agency or desk credited as author ('n-tv NACHRICHTEN', 'Der Postillon',
    'dpa', 'MDR THÜRINGEN', 'BR24 Redaktion'), or a user handle ('andrew.keaveney',
    'jd2024'): not plainly a person's name."""
    words = name.split()
    shouted = len(words) > 1 and _is_upper(name)
    handle = len(words) == 1 and (not name[:1].isupper() or bool(_HANDLE.search(name)))
    return bool(_OUTLET.search(name) or _ARTICLE.match(name) or shouted or handle)


_HANDLE = re.compile(r"[\d_.@]")


def introduces_a_byline(value: str) -> bool:
    """'By X', 'Von X', 'Written by X': the text says it names the authors."""
    return _without_prefix(value) != value


def after_byline_prefix(value: str) -> str:
    """What follows 'By', 'Von:', 'Written by' ('' for the prefix alone); else the value."""
    return _without_prefix(value)


def _without_prefix(value: str) -> str:
    """'Von X', 'By: X', 'Ein Kommentar von X'; not the particle of 'Michelle de Oliveira'."""
    match = _PREFIX.match(value)
    if match is None:
        return value
    lead = (match.group("lead") or "").split()
    introduces = not lead or _LEAD_IN.match(lead[0]) or any(_ROLE.search(w) for w in lead)
    if introduces or all(w[:1].islower() for w in lead):
        return value[match.end() :]
    return value


_NAMED_SPLIT = re.compile(r"\s*(?:[;|&]|\s(?:und|and|et|y|en|och|og)\s)\s*")
_CREDENTIAL = re.compile(r"^[A-Z]{2,6}[®™]?\.?$")  # "CPP", "PSP", "CEPF®" after a name
_PLACEHOLDER = frozenset({"undefined", "null", "none", "unknown", "n/a", "admin", "administrator"})


def _named(value: str) -> list[str]:
    parts = [p.strip(" ,.:-–—") for p in _NAMED_SPLIT.split(value)]
    if len(parts) == 1 and all(len(p.split()) >= 2 for p in value.split(",")):
        parts = [p.strip() for p in value.split(",")]  # "Anna Beispiel, Max Muster"
    names: list[str] = []
    for part in parts:
        # what follows a comma is a title, a credential or the outlet, not the name
        name = _credited(part.split(",")[0])
        if name and name not in names and name.lower() not in _PLACEHOLDER:
            names.append(name)
    return names


def _credited(part: str) -> str:
    """The name in one part of an author field, as written, without a glued date or trailing
    credentials ('Jeffrey A. Slotnick CPP, PSP')."""
    tokens = _without_date_tail(part.split())
    while len(tokens) > 2 and _CREDENTIAL.match(tokens[-1]):
        tokens.pop()
    if all(t.lower().rstrip(".,") in MONTHS for t in tokens):
        return ""  # a date's month, not a name ("Dec. 19, 2025 · ...")
    return " ".join(tokens)


def _person(part: str, shout: bool) -> str:
    """The name in one part, or '' if the part is an outlet, a role, a city or a date."""
    tokens = part.strip(" .:-–—").split()
    # a job title after the name ends it ("Matt Muster Head Winemaker"); one before it goes
    cut = next((i for i, t in enumerate(tokens) if i >= 2 and _ROLE.search(t)), len(tokens))
    tokens = _without_leading_roles(tokens[:cut])
    if any(_ROLE.search(t) for t in tokens):
        return ""  # a desk or team ("Recharged Editorial Team"), not a person with a gap
    part = " ".join(tokens)
    if not part or _OUTLET.search(part) or _ARTICLE.match(part) or (_is_upper(part) and not shout):
        return ""
    tokens = _without_date_tail([t.title() if shout else t for t in tokens])
    if any(t.endswith(":") for t in tokens):
        return ""  # a label ("Last Updated:", "Posted:"), not a name
    while tokens and not tokens[0][:1].isupper():
        tokens.pop(0)  # "unserem Redakteur X", "par notre envoyé X"
    while tokens and tokens[-1].lower() in _PARTICLES:
        tokens.pop()  # a name never ends in its particle: "Kritik von" is what a cut role left
    if not 2 <= len(tokens) <= MAX_NAME_TOKENS or not all(_name_token(t) for t in tokens):
        return ""
    return " ".join(tokens)


def _without_leading_roles(tokens: list[str]) -> list[str]:
    """'FOCUS-online-Redakteurin Anna Beispiel', 'unserem Redakteur Max Muster': the title and
    the words before it go."""
    last_role, i = -1, 0
    while i < len(tokens) and (_ROLE.search(tokens[i]) or not tokens[i][:1].isupper()):
        last_role = i if _ROLE.search(tokens[i]) else last_role
        i += 1
    return tokens[last_role + 1 :]  # "the Example Team" keeps its article: no title before it


def _without_date_tail(tokens: list[str]) -> list[str]:
    """A date glued on ("Stephanie Bazzle June 3, 2024", "Name - Mar 27"): digits, dashes and
    the month before them go; a month alone only where a name of two words is left
    ("Stephanie Bazzle June"), so "Tom May" and "Alyssa Maio" stay whole."""
    tokens, dated = list(tokens), False
    while tokens:
        last = tokens[-1]
        if _has_digit(last) or not any(ch.isalpha() for ch in last):
            dated = dated or _has_digit(last)
        elif not (last.lower().rstrip(".,") in MONTHS and (dated or len(tokens) > 2)):
            break
        tokens.pop()
    if dated and len(tokens) > 2 and tokens[-1].islower():
        tokens.pop()  # the word that introduced the date: "X am 29. Mai 2017", "X on May 3"
    return tokens


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
