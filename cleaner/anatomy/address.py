"""Reader-address features for the role model: a line that speaks to the reader.

News prose reports in the third person; the page's furniture talks to its reader ("Folgen Sie
uns", "Sign up for alerts", "Why you can trust us", "I would like to be emailed about
offers"). That voice has a shape in every language: a second-person pronoun, the outlet's
first-person plural, an imperative verb opening a short line with no sentence-internal
structure. The vocabularies below are small closed classes (pronouns and the verbs of a
call to action), per language, as the stop-word lists are; none comes from a page.
A short open line between two paragraphs (a caption, a teaser label, a crosshead) is
told apart here too, as its shape and its neighbours' decide it, not its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from cleaner.anatomy.grammar import SENTENCE_END
from cleaner.anatomy.layout import MIN_PROSE_WORDS, prose_words
from cleaner.filters.stopwords import line_tokens

Features = list[str]


def _closed(words: str) -> frozenset[str]:
    """A closed word class written as one space-separated string."""
    return frozenset(words.split())


SHORT_WORDS = 16  # a call to action is this short; a sentence addressing readers runs longer
LONE_WORDS = 12  # an open line this short between two paragraphs is a label or a caption

# Second person: the reader. German formal "Sie"/"Ihr..." only where capitalised inside the
# line ("sie"/"ihr" are also "they"/"her"); "Ihnen" is the reader at any position.
_YOU = {
    "de": _closed("du dich dir dein deine deinen deinem deiner deines euch euer eure ihnen"),
    "en": _closed("you your yours yourself yourselves"),
    "fr": _closed("vous votre vos tu toi ton ta tes"),
    "es": _closed("usted ustedes tú tu tus te ti"),
    "it": _closed("tu ti tuo tua tuoi tue voi vostro vostra vostri"),
    "nl": _closed("jij jou jouw jullie u uw"),
    "pt": _closed("você vocês teu tua teus tuas"),
    "pl": _closed("ty ciebie ci twój twoja twoje wy was wam"),
}
_FORMAL_DE = _closed("Sie Ihr Ihre Ihren Ihrem Ihrer Ihres")
# First person plural: the outlet speaking of itself ("our journalism", "wir verwenden").
_WE = {
    "de": _closed("wir uns unser unsere unseren unserem unserer unseres"),
    "en": _closed("we us our ours"),
    "fr": _closed("nous notre nos"),
    "es": _closed("nosotros nuestro nuestra nuestros nuestras"),
    "it": _closed("noi nostro nostra nostri nostre"),
    "nl": _closed("wij we ons onze"),
    "pt": _closed("nós nosso nossa nossos nossas"),
    "pl": _closed("my nas nam nasz nasza nasze"),
}
# First person singular in a short line: a consent box's tick ("I agree", "Ich möchte ...");
# in the body it is a quote, and quotes run longer.
_ME = {
    "de": _closed("ich mich mir mein meine meinen meinem meiner"),
    "en": _closed("i me my"),
    "fr": _closed("je me moi mon ma mes"),
    "es": _closed("yo me mi mis"),
    "it": _closed("io mi mio mia miei"),
    "nl": _closed("ik mij mijn"),
    "pt": _closed("eu me meu minha"),
    "pl": _closed("ja mnie mój moja"),
}
# Verbs of a call to action, as a line opens with them (imperative or infinitive).
_CTA = {
    "de": _closed(
        "abonnieren abonniere folgen folge laden lade melden melde hören höre lesen lies"
        " sehen schauen schau entdecken entdecke registrieren registriere teilen teile"
        " klicken klicke tippen tippe unterstützen unterstütze erfahren erfahre holen hol"
        " hole testen teste bestellen bestelle sichern sichere schreiben schreibe schreib"
        " aktivieren aktiviere erhalten erhalte senden sende bewerten bewerte kommentieren"
        " diskutieren diskutiere installieren downloaden spenden spende verpassen bleiben"
        " bleib jetzt"
    ),
    "en": _closed(
        "subscribe follow sign download get find read listen watch join click tap share"
        " register support donate try discover explore see view visit contact send tell"
        " email enable allow install save learn check stay keep never sign"
    ),
    "fr": _closed(
        "abonnez suivez téléchargez inscrivez lisez écoutez regardez découvrez partagez"
        " cliquez rejoignez soutenez recevez retrouvez"
    ),
    "es": _closed(
        "suscríbete síguenos sigue descarga lee escucha mira descubre comparte únete"
        " regístrate apoya recibe"
    ),
    "it": _closed(
        "iscriviti segui seguici scarica leggi ascolta guarda scopri condividi abbonati"
        " registrati clicca"
    ),
    "nl": _closed("abonneer volg download lees luister bekijk ontdek deel meld klik"),
    "pt": _closed("assine siga baixe leia ouça assista descubra compartilhe inscreva"),
    "pl": _closed("subskrybuj obserwuj pobierz czytaj słuchaj oglądaj zobacz dołącz"),
}
_WORD = re.compile(r"\w+")
_INNER = re.compile(r"[,;:–—]|\s-\s")  # sentence-internal structure


def address_features(lines: Sequence[str], language: str | None) -> list[Features]:
    """For every line: its reader address, and whether it is a short open line standing
    alone between two paragraphs."""
    prose = [prose_words(line, language) >= MIN_PROSE_WORDS for line in lines]
    out = []
    for i, line in enumerate(lines):
        feats = list(_voice(line, language))
        if 0 < i < len(lines) - 1 and prose[i - 1] and prose[i + 1] and _lone(line):
            feats.append("lone_between_prose")
        out.append(feats)
    return out


@lru_cache(maxsize=16384)
def _voice(line: str, language: str | None) -> tuple[str, ...]:
    """The reader-address features of one line, cached by line like the other line facts."""
    tokens = line_tokens(line)
    if not tokens:
        return ()
    size = "short" if len(tokens) <= SHORT_WORDS else "long"
    feats = []
    if _speaks_to_reader(line, tokens, language):
        feats.append(f"you={size}")
    if not _vocab(_WE, language).isdisjoint(tokens):
        feats.append(f"we={size}")
    if size == "short" and not _vocab(_ME, language).isdisjoint(tokens):
        feats.append("me=short")
    if size == "short" and _calls_to_action(line, tokens, language):
        feats.append("cta" if _INNER.search(line) else "cta_flat")
    return tuple(feats)


def _speaks_to_reader(line: str, tokens: Sequence[str], language: str | None) -> bool:
    if not _vocab(_YOU, language).isdisjoint(tokens):
        return True
    return language in (None, "de") and any(w in _FORMAL_DE for w in _WORD.findall(line)[1:])


def _calls_to_action(line: str, tokens: Sequence[str], language: str | None) -> bool:
    """A line opening with a verb of a call to action, or (German) with "Verb Sie"."""
    if tokens[0] in _vocab(_CTA, language):
        return True
    originals = _WORD.findall(line)
    return language in (None, "de") and len(originals) > 1 and originals[1] == "Sie"


def _lone(line: str) -> bool:
    return len(line.split()) <= LONE_WORDS and not SENTENCE_END.search(line)


def _vocab(table: dict[str, frozenset[str]], language: str | None) -> frozenset[str]:
    """The language's words; with no language known (or one without a list), the union of
    the dev sets' two main languages."""
    if language in table:
        return table[language]
    return table["de"] | table["en"]
