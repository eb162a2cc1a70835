"""The article title from the page's several title sources, without site suffix, with kicker.

A news page states its title up to five times: og:title, twitter:title, the JSON-LD headline,
the visible <h1> and <title>. They differ in telling ways: <title> and og:title carry the site
name ("... | FAZ", "... - DER SPIEGEL") and taglines after a pipe; the <h1> or the JSON-LD
headline may carry a kicker ("Neue Leipziger Schule: Judy Lybke ..."); og:title is sometimes a
social-media variant. The visible <h1> is the title when it is this article's headline (it
shares words with another source and is not the site's name) and not merely the meta title
under a kicker; else the JSON-LD headline (the article's own, where og:title may be a social
variant), then og:title and the other sources. The rest serve to strip the site name
and to find the kicker."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

SUFFIX_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
KICKER_SEP = re.compile(r"^(?P<kicker>.{2,80}?)(?::|\s+[-–—|]) +(?P<rest>.+)$")
_KICKER_END = re.compile(r"(?::|\s[-–—|])\s+$")  # "Kicker: " or "Kicker - ", not "MSV-"
MAX_SITE_WORDS = 5
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(frozen=True)
class TitleSources:
    """Raw title strings as the page gives them (None where absent)."""

    og: str | None = None
    twitter: str | None = None
    jsonld: str | None = None
    h1: str | None = None
    html_title: str | None = None


def _key(text: str) -> str:
    """Letters and digits only, casefolded and transliterated: for site-name comparisons."""
    folded = unicodedata.normalize("NFC", text.casefold()).translate(_TRANSLIT)
    return "".join(ch for ch in folded if ch.isalnum())


def site_keys(host: str | None, sitenames: list[str]) -> set[str]:
    """Forms a site name takes: 'welt' for welt.de, 'boersenzeitung', 'faz', 'derspiegel'."""
    keys = {_key(name) for name in sitenames if name}
    if host:
        labels = [lab for lab in host.lower().split(".") if lab not in {"www", "m", "amp"}]
        keys |= {_key(lab) for lab in labels[:-1]} | {_key(".".join(labels))}
    return {key for key in keys if len(key) >= 2}


def strip_site(title: str, keys: set[str]) -> str:
    """Drop a leading or trailing segment that names the site ('... | Börsen-Zeitung'), and
    trailing date or byline segments around it (' | DW | 28.04.2023', ' | Site | by X')."""
    while True:
        parts = SUFFIX_SEP.split(title)
        if len(parts) < 2 or not _is_tail(parts[-1]):
            break
        title = title[: len(title) - len(parts[-1])]
        title = _TRAILING_SEP.sub("", title)
    return _strip_site_segment(title, keys)


_TRAILING_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s*$")
_DATE_TAIL = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$|^\d{1,2}\.? \w+ \d{4}$")
_BY_TAIL = re.compile(r"^(?:by|von|par|di|por)\s+\S", re.I)


def _is_tail(segment: str) -> bool:
    """A date or a byline after the title: never part of it."""
    segment = segment.strip()
    return bool(_DATE_TAIL.match(segment) or (_BY_TAIL.match(segment) and len(segment) < 60))


def _strip_site_segment(title: str, keys: set[str]) -> str:
    parts = SUFFIX_SEP.split(title)
    if len(parts) < 2:
        return title
    seps = SUFFIX_SEP.findall(title)
    if _is_site(parts[-1], keys):
        return "".join(p + s for p, s in zip(parts[:-2], seps[:-1], strict=False)) + parts[-2]
    if _is_site(parts[0], keys):
        return title[len(parts[0]) + len(seps[0]) :]
    return title


def _is_site(segment: str, keys: set[str]) -> bool:
    key = _key(segment)
    if not key or key in keys:  # og:site_name itself, however long
        return bool(key)
    if len(segment.split()) > MAX_SITE_WORDS:
        return False
    # containment either way ('derspiegel' vs 'spiegel'), but only for names of 3+ letters
    return any(key == k or (min(len(k), len(key)) >= 3 and (k in key or key in k)) for k in keys)


def choose_title(sources: TitleSources, keys: set[str]) -> tuple[str | None, str | None]:
    """(title, kicker) from the sources; kicker is None when no source shows one."""
    metas = [_clean(s, keys) for s in (sources.og, sources.twitter, sources.jsonld)]
    others = [*metas, _clean(sources.html_title, keys)]
    metas_and_title = (sources.og, sources.twitter, sources.jsonld, sources.html_title)
    evidence = [_clean(text, keys, whole=True) for text in metas_and_title]
    h1 = _visible_headline(_clean(sources.h1, keys), evidence, keys)
    present = [c for c in (*metas, h1, others[-1]) if c]
    if not present:
        return None, None
    if h1 is None:  # no visible headline: the article's own JSON-LD headline, not a social title
        first = metas[2] or present[0]
    else:
        first = h1 if not any(_variant(h1, c) for c in others if c) else present[0]
    return _split_kicker(_best_form(first, others), present)


def _best_form(title: str, others: list[str | None]) -> str:
    """The same words as a meta source: the form with more punctuation (an <h1> loses a
    colon between spans, a meta title its question mark), the meta form when equal (an <h1>
    may be typed in capitals)."""
    for other in others:
        if other and _key(other) == _key(title) and _marks(other) >= _marks(title):
            return other
    return title


def _marks(text: str) -> int:
    return sum(text.count(mark) for mark in ":?!.-–—")


def _variant(h1: str, meta: str) -> bool:
    """The <h1> is the meta title under a kicker, or under another kicker: the meta form is
    the title and the kicker logic below sorts out the rest. The same title is no variant."""
    if _key(h1) == _key(meta):
        return False
    if _ends_with(h1, meta) or _glued(h1, meta):
        return True
    one, other = KICKER_SEP.match(h1), KICKER_SEP.match(meta)
    if not (one and other) or len(one["kicker"].split()) > MAX_KICKER_WORDS:
        return False
    return _same(one["rest"], other["rest"])


def _glued(h1: str, meta: str) -> bool:
    """'Verkehrswende Stadtrat beschließt ...': a kicker span before the title, no colon."""
    head, title = _key(h1), _key(meta)
    extra = len(h1.split()) - len(meta.split())
    return head != title and head.endswith(title) and 0 < extra <= MAX_KICKER_WORDS


def _visible_headline(h1: str | None, others: list[str | None], keys: set[str]) -> str | None:
    """The <h1> when it is this article's headline: not the site's or a section's name (a
    blog's <h1> is often its own name), sharing words with at least one other source."""
    if not h1 or _is_site(h1, keys) or "{{" in h1:
        return None
    mine = _words(h1)
    if not any(others):
        return h1
    shared = max((len(mine & _words(o)) / max(len(mine), 1) for o in others if o), default=0.0)
    return h1 if shared >= MIN_SHARED_WORDS else None


MIN_SHARED_WORDS = 0.25
MAX_KICKER_WORDS = 3


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w{3,}", text.casefold()))


_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[:,;!?](?:\s|$))")  # "Kicker : Title" from joined spans


_ENTITY = re.compile(r"&(?:#\d{2,5}|#x[0-9a-fA-F]{2,4}|[a-zA-Z]{2,8});")  # escaped twice
_PIPE = " | "


def _clean(text: str | None, keys: set[str], whole: bool = False) -> str | None:
    """The title a source gives, without site name and decoration; `whole` keeps all its
    pipe segments (they are evidence that the <h1> is this article's headline)."""
    if not text:
        return None
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = _without_symbols(strip_site(_SPACE_BEFORE_PUNCT.sub("", " ".join(text.split())), keys))
    return (text if whole else _main_segment(text)) or None


def _main_segment(title: str) -> str:
    """A pipe separates what a <title> strings together ('Headline | Section', 'Headline |
    Tagline'); no headline of the dev sets' truths holds one: the longest segment is it."""
    parts = title.split(_PIPE)
    return max(parts, key=len) if len(parts) > 1 else title


def _without_symbols(title: str) -> str:
    """A lone symbol at either end ('... Level ⋆') decorates, it is not a word."""
    words = title.split()
    while words and all(unicodedata.category(ch)[0] == "S" for ch in words[-1]):
        words.pop()
    while words and all(unicodedata.category(ch)[0] == "S" for ch in words[0]):
        words.pop(0)
    return " ".join(words)


def _split_kicker(title: str, present: list[str]) -> tuple[str, str | None]:
    """The kicker is what a longer source puts before the title ('Kicker: Title'); a title that
    two sources give under unrelated kickers loses its own. A colon alone never splits."""
    match = KICKER_SEP.match(title)
    for other in present:
        other_match = KICKER_SEP.match(other)
        if match and other_match and _rival_kickers(match, other_match):
            return match["rest"], match["kicker"]
    for other in present:
        if _ends_with(other, title) and other != title:
            kicker = other[: len(other) - len(title)].rstrip(" :-–—|")
            return title, kicker or None
    return title, None


def _ends_with(text: str, tail: str) -> bool:
    """`text` is 'Something: tail' (or '- tail')."""
    if len(text) <= len(tail) or not _same(text[-len(tail) :], tail):
        return False
    head = text[: len(text) - len(tail)]
    return _KICKER_END.search(head) is not None and len(head.strip()) > 2


def _rival_kickers(one: re.Match[str], other: re.Match[str]) -> bool:
    if _same(one["kicker"], other["kicker"]) or not _same(one["rest"], other["rest"]):
        return False
    return _disjoint(one["kicker"], other["kicker"])


def _disjoint(a: str, b: str) -> bool:
    """Two kickers with no word in common ('MSV-Interimstrainer Schubert' and 'Interimstrainer
    Schubert' share one: that is the title's own head, not a kicker)."""
    words = {w for w in re.findall(r"\w{4,}", a.casefold())}
    return not words & set(re.findall(r"\w{4,}", b.casefold()))


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())
