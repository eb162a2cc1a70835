"""Boilerplate vocabulary for the line classifier, German and English.

Two strengths. STRONG words almost never occur in a news paragraph that is not itself about
the page (cookie banners, legal footers, log-in and subscription prompts), so a line with one
is boilerplate unless it is long prose. WEAK words (share, video, Facebook, Kommentare) are
common in menus and widgets but also in real sentences, so they only count against short
lines that are not sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.filters.linematch import LineMatches
from cleaner.filters.prefilter import has_odd_case

STRONG = re.compile(
    r"cookie|javascript|datenschutz|privacy (?:policy|settings|center)|nutzungsbedingungen"
    r"|\bAGB\b|impressum|terms (?:of (?:use|service)|and conditions)|alle rechte vorbehalten"
    r"|all rights reserved|©|\(c\) \d{4}|copyright"
    r"|newsletter|abonnier|\babo\b|abonnement|jetzt (?:testen|lesen|weiterlesen|anmelden)"
    r"|registrier|einloggen|anmelden|\blog ?in\b|\bsign (?:in|up)\b|subscri(?:be|ption)"
    r"|zum inhalt springen|skip to (?:main )?content|zur startseite|zur navigation"
    r"|werbefrei|\bwerbung\b|advertisement|anzeige\b|sponsored"
    r"|kommentar(?:e|ieren| verfassen| schreiben)|leserkommentar|comments? (?:are|section)"
    r"|weiterlesen|read more|mehr lesen|mehr erfahren|mehr zum thema|lesen sie (?:auch|mehr)"
    r"|weitere (?:artikel|nachrichten|meldungen|themen)|related (?:articles|stories)"
    r"|folgen sie uns|follow us|teilen sie|share (?:this|on)|auf (?:facebook|x|twitter) teilen"
    r"|zur app|app (?:herunterladen|laden)|download (?:the|our) app|push-mitteilung"
    r"|ähnliche (?:beiträge|artikel)|könnte (?:dich|sie) (?:auch )?interessieren|schon gelesen"
    r"|(?:neueste|beliebte|verwandte) (?:artikel|beiträge)|you (?:may|might) also like"
    r"|filed under|posted in|tagged|schlagworte|schlagwörter|\btags?:|kategorien?:"
    r"|(?:schreibe|hinterlasse) einen kommentar|leave a (?:comment|reply)|view comments"
    r"|comment by|erforderliche felder|required fields|sharing is caring|share!|sharen mit"
    r"|dieser (?:eintrag|beitrag) wurde (?:am .{1,30})?veröffentlicht|this entry was posted"
    r"|getty images|staff writer|beitragsbild|unterstütze[n]? (?:sie )?uns|support us",
    re.IGNORECASE,
)


# Whether STRONG matches in a line, cached by line (the role features ask it of a prose line
# twice: its vocabulary, whether it is prose); has_strong.learn(lines) answers a document.
has_strong = LineMatches(STRONG)


_WEAK_WORDS = (
    "teilen|share|drucken|print|merken|e-?mail|facebook|twitter|instagram|whatsapp"
    "|youtube|linkedin|tiktok|telegram|xing|pinterest|video|videos|audio|podcast|mediathek"
    "|live|ticker|galerie|gallery|bilder|fotos|kontakt|contact|hilfe|help|suche|search"
    "|menü|menu|startseite|home|archiv|archive|service|sport|politik|wirtschaft|kultur"
    "|panorama|wetter|weather|verkehr|ratgeber|zurück|weiter|nächste|vorherige|next"
    "|previous|seite|page|mehr|more|alle|all|login|anmelden|abmelden|konto|account"
)
WEAK = re.compile(r"\b(?:" + _WEAK_WORDS + r")\b", re.IGNORECASE)

# WEAK's words as a set, for counting a line's tokens: a match of "\b(?:word|...)\b" is a
# whole \w+ token equal to one of the words, but for "e-mail" (two tokens).
_WEAK_TOKENS = frozenset(w for w in _WEAK_WORDS.replace("e-?mail", "email").split("|"))
_E_MAIL = re.compile(r"\be-mail\b", re.IGNORECASE)


def weak_count(line: str, tokens: Sequence[str]) -> int:
    """len(WEAK.findall(line)), from the line's lower-cased \\w+ tokens (stopwords.words):
    a set lookup per token instead of an IGNORECASE scan. A line with one of the letters that
    IGNORECASE matches with an ASCII letter but lower() does not ('ſ', 'ı', the Kelvin sign)
    is scanned."""
    if has_odd_case(line):
        return len(WEAK.findall(line))
    count = sum(map(_WEAK_TOKENS.__contains__, tokens))
    return count + len(_E_MAIL.findall(line)) if "-" in line else count
