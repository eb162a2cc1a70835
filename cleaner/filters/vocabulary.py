"""Boilerplate vocabulary for the line classifier, German and English.

Two strengths. STRONG words almost never occur in a news paragraph that is not itself about
the page (cookie banners, legal footers, log-in and subscription prompts), so a line with one
is boilerplate unless it is long prose. WEAK words (share, video, Facebook, Kommentare) are
common in menus and widgets but also in real sentences, so they only count against short
lines that are not sentences.
"""

from __future__ import annotations

import re

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

WEAK = re.compile(
    r"\b(?:teilen|share|drucken|print|merken|e-?mail|facebook|twitter|instagram|whatsapp"
    r"|youtube|linkedin|tiktok|telegram|xing|pinterest|video|videos|audio|podcast|mediathek"
    r"|live|ticker|galerie|gallery|bilder|fotos|kontakt|contact|hilfe|help|suche|search"
    r"|menü|menu|startseite|home|archiv|archive|service|sport|politik|wirtschaft|kultur"
    r"|panorama|wetter|weather|verkehr|ratgeber|zurück|weiter|nächste|vorherige|next"
    r"|previous|seite|page|mehr|more|alle|all|login|anmelden|abmelden|konto|account)\b",
    re.IGNORECASE,
)
