"""The grammar of header lines that any outlet writes the same way: bylines, datelines,
photo credits, clock times. Features for the model and parsers for the fields share them."""

from __future__ import annotations

import re

from cleaner.filters.linematch import LineMatches
from cleaner.metadata.dates import DATE_WORDS

# "Von X", "By X", "Ein Kommentar von X", "Von unserem Redakteur X", "Par X", "Di X", "Por X".
_BY = r"(?i:von|by|par|di|por|door|av|af|vum|de)"
BYLINE_START = re.compile(
    rf"^(?:[\w\-]+\s+){{0,3}}?{_BY}\s*:?(?:\s+(?=[A-ZÀ-ÞĀ-Ž])|\s*$)|^(?i:autor(?:in)?|author|text)\s*:"
)
# "By business reporter Alice Example", "Von unserem Redakteur X": the role words between.
BYLINE_WITH_ROLE = re.compile(rf"^{_BY}\s+(?:[a-zäöüß][\w\-]*\s+){{1,3}}(?=[A-ZÀ-ÞĀ-Ž])")
# A name: capitalised words, maybe with particles ("Anna von Beispiel", "Jean-Luc de la Muster").
_PARTICLE = r"(?:von|van|der|den|de|la|le|du|da|di|del|zu|bin|al|ten|ter)"
_WORD = r"[A-ZÀ-ÞĀ-Ž][\w'’\-.]*"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD}){{1,3}}"
NAME_LIST = re.compile(rf"{NAME}(?:\s*(?:,|;|&|\bund\b|\band\b|\bet\b|\by\b|\be\b)\s*{NAME})*")

# A date line led by its byline: "Jane Example · CBC News · Posted: Aug 27, 2024 4:00 AM".
_FIELD_SEPARATOR = re.compile(r"\s[·|•]\s")


# A date line that opens with its byline and no separator: "Peter Muster 11.11.2024 - 08:14".
_BEFORE_NUMBER = re.compile(r"^(\D+?)\s+(?=\d)")


def leading_byline(line: str) -> str:
    """The names a date line opens with, before its first separator or, where it has none,
    before its first number; '' if it opens with no names (or with a weekday and a month,
    which the date's own words may look like: "Thursday March 12")."""
    parts = _FIELD_SEPARATOR.split(line, maxsplit=1)
    if len(parts) > 1:
        head = parts[0].strip()
    else:
        match = _BEFORE_NUMBER.match(line)
        head = match.group(1) if match else ""
    if not NAME_LIST.fullmatch(head) or _names_a_date(head):
        return ""
    return head


def _names_a_date(head: str) -> bool:
    return any(w.lower().strip(".,") in DATE_WORDS for w in head.split())


# "Hannover (dpa/lni) - ", "LONDON, Dec 18 (Reuters) - ", "Frankfurt – ", "MÜNCHEN. ",
# "Freiburg (KNA) ", "Washington CNN — ", "BRUSSELS (AP) — ", and a press release's
# "NEW YORK, March 12, 2024 /PRNewswire/ -- ", and a US city with its state as AP writes it:
# "SAN DIEGO, Calif. — ", "WASHINGTON, D.C. — ".
_CITY_WORD = r"[A-ZÀ-ÞĀ-Ž](?:[\w'’\-]|\.(?=\w))*"
_CITY = rf"{_CITY_WORD}(?:[ /]{_CITY_WORD}){{0,3}}?"
DATELINE = re.compile(
    rf"^(?P<city>{_CITY})"
    r"(?:,\s*(?:[A-Z][a-z]{1,5}\.|[A-Z]\.[A-Z]\.))?"  # the state: "Colo.", "D.C."
    r"(?:,\s*(?P<when>[A-ZÀ-Þa-z][\w.]{1,9}\.?\s+\d{1,2}\.?)(?:,\s*\d{4})?)?"
    r"(?:\s*\((?P<agency>[^()]{2,25})\)|\s+/(?P<wire>[^/\s][^/]{1,24})/"
    r"|\s+(?P<bare>[A-Z]{2,6}(?:-[A-Z]{2,4})?))?"
    r"(?:\s*(?P<dash>[-–—]{1,2})\s+|(?<=\))\s+(?=[A-ZÀ-ÞĀ-Ž„“\"«])|(?P<dot>\.)\s+(?=[A-ZÀ-ÞĀ-Ž„“\"«]))"
)

# Photo credits: "Foto: X", "(Bild: X)", "© X", "Getty Images", "AP Photo/X", "dpa/X)",
# "...scallops.Credit...X for The Times" (a caption glued to its credit).
_CREDIT_WORDS = re.compile(
    r"(?:^|[(\[|·•]\s*|\s)(?:foto|fotos|photos?|bild|bilder|bildrechte|images?|credit|quelle"
    r"|source|grafik|illustration)(?:\s*[:/]|\s+(?:source|caption)\b)|credit(?:\.{3}|…)|©|\(c\)\s"
    r"|getty images"
    r"|imago|picture[- ]alliance|shutterstock|istock|keystone"
    r"|\b(?:ap|afp|dpa|reuters|epa)\s*(?:photo|/)",
    re.IGNORECASE,
)
_CREDIT_TAIL = re.compile(r"[a-z]/[A-Z][\w-]+\)?$")
# The word part searched branch by branch, cached by line; credit_words.learn(lines) answers
# a whole document's lines at once.
credit_words = LineMatches(_CREDIT_WORDS)


def is_credit(line: str) -> bool:
    """Whether the line holds a photo credit."""
    return credit_words(line) or _CREDIT_TAIL.search(line) is not None


# A caption's credit at its end, in brackets or after its last sentence: "(Foto: X)",
# "(Jane Example for The Daily Sample)", "(Sample Wire/Images)", "(Tom Sample / Sample Press)",
# "... at dusk. Jane Example for The Daily Sample". Slashed credits name someone in two words
# at least, so an agency, party or list tail, "(dpa)", "(dpa/lni)", "(CDU/CSU)", "(Men's /
# Women's)", is no credit; the sentence before an unbracketed one ends in a word ("2. Tips
# for Sleep" is a list's heading).
_CAPITALISED = r"[A-ZÀ-ÞĀ-Ž][\w'’&.\-]*"
_ONE_WORD_UP = rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}"
_TWO_WORDS_UP = rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}}"
_SLASH = r"\s*/\s*"
_SLASHED = (
    rf"{_TWO_WORDS_UP}(?:{_SLASH}{_ONE_WORD_UP})+"
    rf"|(?:{_ONE_WORD_UP}{_SLASH})+{_TWO_WORDS_UP}(?:{_SLASH}{_ONE_WORD_UP})*"
)
_FOR_OUTLET = rf"{NAME}\s+for\s+(?:the\s+)?{_WORD}(?:\s+{_WORD}){{0,3}}"
_CREDIT_LABEL = r"(?i:foto|photo|bild\w*|aufnahme|image|credit|quelle|source)\s*(?::|\sby\s)"
CREDIT_END = re.compile(
    rf"\((?:{_FOR_OUTLET}|{_CREDIT_LABEL}[^()]{{2,80}}|{_SLASHED})\)$"
    rf"|(?<=[a-zß-ÿ][.!?])\s+{_FOR_OUTLET}$"
)


def ends_with_credit(line: str) -> bool:
    """Whether the line ends with a photo credit (CREDIT_END): a caption, not a sentence."""
    last = line[-1:]  # ")" or a letter: most lines end otherwise and skip the scan
    return (last == ")" or last.isalpha()) and CREDIT_END.search(line) is not None


def credit_alone(line: str) -> bool:
    """A bracketed credit and nothing else: "(Carlos Example / Sample Times)"."""
    return line.lstrip().startswith("(") and ends_with_credit(line)


TIME = re.compile(r"(?i:\b\d{1,2}[:.]\d{2}\s*(?:uhr|h\b|[ap]\.?\s?m\.?)|\b\d{1,2}:\d{2}\b)")
_DIGIT = re.compile(r"\d")


def has_time(line: str) -> bool:
    """Whether TIME occurs in the line; every branch of it needs a digit, which most lines
    lack and which is found far faster than TIME's own scan."""
    return _DIGIT.search(line) is not None and TIME.search(line) is not None


# A sentence's end, closing quotes and brackets allowed: "... gesagt.«", "... (sagte er.)".
SENTENCE_END = re.compile(r"[.!?][\"'”“«»’)\]]*$")


def headline_shaped(line: str, words: tuple[int, int]) -> bool:
    """A line of `words` (low, high) words that ends no sentence: a headline or a heading."""
    low, high = words
    return low <= len(line.split()) <= high and not SENTENCE_END.search(line)


# "(abe)", "MDR (abe)", "(APA, 12.3.2025)", "/ngu/zb/mis", "/bgf/jkr/jha/", " bfi/pe", " ab/jj".
INITIALS_TAIL = re.compile(
    r"(?<=[.!?\"“”»«)])\s*(?:"
    r"(?:[A-ZÄÖÜ]{2,6}\s+)?\([a-zäöü]{2,4}(?:/[a-zäöü]{2,4})*\)"
    r"|\([A-Za-z-]{2,8},\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\)"
    r"|/?(?:[a-zäöü]{1,4}/)+[a-zäöü]{1,4}/?"
    r")$"
)


def without_initials(line: str) -> str:
    """The line without its editor initials or source tail (INITIALS_TAIL). A tail ends the
    line (or stands before its final newline) with ")", "/" or a lower-case letter, so a
    line ending otherwise (prose ends with a stop) keeps everything without a scan."""
    last = line[-1:]
    if last in ")/\n" or last.islower():  # ("" is in any string: an empty line is scanned)
        return INITIALS_TAIL.sub("", line)
    return line
