"""The article's head read by its layout, where the model found no headline.

Outlets lay out the head of an article alike: a rubric line (kicker), the headline, a deck,
then byline and date lines and some furniture, then the body. The model finds a headline
mostly by its second copy (a dump's first line is the page <title>); a text that prints it
once, under a menu, needs this reading: the headline is the headline-shaped line nearest
above the byline and date lines (or above the body when there are none), a longer
headline-shaped line under it is its deck, and a short line above it that is not part of a
menu is its kicker. A cut header line that carries a date is a date line, one that names
a person as a byline does ("By business reporter X", a name alone over the date line) is a
byline (nothing lost); neither is ever taken for the headline.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.anatomy.grammar import (
    BYLINE_START,
    BYLINE_WITH_ROLE,
    NAME_LIST,
    SENTENCE_END,
    credit_alone,
    ends_with_credit,
    headline_shaped,
    is_credit,
    leading_byline,
)
from cleaner.anatomy.roles import KEEP, Role
from cleaner.filters.vocabulary import has_strong
from cleaner.metadata.authors import split_authors
from cleaner.metadata.dates import published_and_modified

HEADER_NAME = "anatomy.header"  # how explain names a role this module gave
HEADLINE_WORDS = (4, 25)  # fewer is a kicker or a label, more a deck
KICKER_WORDS = 3  # a rubric line: "Wohnungsbau", "Sturmtief 'Zoltan'", "Deutsche Bahn"
DECK_WORDS = 8  # a prose line under the headline this long is its deck
DATE_LINE_WORDS = 12  # "Stand: 21.10.2024 | Lesedauer: 3 Minuten", not a sentence with a date
MAX_SHORT_SKIPPED = 3  # furniture between the headline and the byline: reading time, "Merken"
LONE_GAP = 3  # cut lines between a short first kept line and the next: a masthead
HEAD_WINDOW = 20  # byline and date lines sit this close above the body
NAME_OVER_DATE = 2  # a name alone this close above the head's date line is its byline,
NAME_UNDER_DATE = 1  # or this close below it ("Published 4 June 2024" over "Jane Example")...
NAME_UNDER_HEADLINE = 3  # ... and this close under the headline (headline, deck, name, date)
_HEAD_LINES: frozenset[Role] = frozenset({"byline", "date", "caption"})


def header_roles(lines: Sequence[str], roles: Sequence[Role]) -> list[Role]:
    """`roles` with the head's headline, deck, kicker, byline and date lines named: around
    the model's headline, or where the model named none, as the layout shows them."""
    out = list(roles)
    _cut_lone_masthead(lines, out)
    _name_doubled_headline(lines, out)
    body = next((i for i, role in enumerate(out) if role in KEEP), None)
    if "headline" in out:
        _around_models_headline(lines, out, out.index("headline"), body)
    elif body is not None:
        _read_head_by_layout(lines, out, body)
    return out


def _around_models_headline(
    lines: Sequence[str], roles: list[Role], head: int, body: int | None
) -> None:
    if "kicker" not in roles:
        _name_kicker(lines, roles, head)
    if body is not None:
        _name_deck(lines, roles, head)
        _name_bylines(lines, roles, head, body)


def _read_head_by_layout(lines: Sequence[str], roles: list[Role], body: int) -> None:
    head, body = _layout_headline(lines, roles, body)
    if head is None:
        return
    roles[head] = "headline"
    _name_deck(lines, roles, head)
    _name_kicker(lines, roles, head)
    _name_date_lines(lines, roles, head, body)
    _name_bylines(lines, roles, head, body)


def _layout_headline(lines: Sequence[str], roles: list[Role], body: int) -> tuple[int | None, int]:
    """The headline's line by the layout, and where the body starts below it."""
    top = _head_top(lines, roles, body)
    head = None if top is None else _headline_above(lines, roles, top, at_body=False)
    if head is None:  # no byline or date lines, or a masthead's date far up
        head = _headline_above(lines, roles, body, at_body=True)
    if head is None and _opens_under_head_lines(lines, roles, body):
        return body, body + 1  # the model kept the headline as the body's first line
    return head, body


def _opens_under_head_lines(lines: Sequence[str], roles: Sequence[Role], body: int) -> bool:
    """The body's first line is headline-shaped, sits right under a date or byline line and
    over a kept paragraph: a press release's or wire story's headline, kept as body."""
    if not 0 < body < len(lines) - 1 or roles[body + 1] not in KEEP:
        return False
    above, below = body - 1, lines[body + 1]
    under_head = roles[above] in ("byline", "date") or _date_line(lines[above])
    return under_head and _headline_candidate(lines[body]) and _deck_shaped(below)


def _name_doubled_headline(lines: Sequence[str], roles: list[Role]) -> None:
    """The text's first kept line printed twice in a row (a dump's page title over the same
    headline), both kept: the headline and its copy, not the body's start."""
    first = next((i for i, role in enumerate(roles) if role in KEEP), None)
    if first is None or first + 1 >= len(lines) or roles[first + 1] not in KEEP:
        return
    if lines[first] == lines[first + 1] and _headline_candidate(lines[first]):
        roles[first : first + 2] = ["headline", "headline"]


def _cut_lone_masthead(lines: Sequence[str], roles: list[Role]) -> None:
    """A short first kept line far above the rest of the text ('The Hill', then the menu)
    is the masthead, not the body's start."""
    kept = [i for i, role in enumerate(roles) if role in KEEP][:2]
    if len(kept) == 2 and kept[1] - kept[0] > LONE_GAP and _short(lines[kept[0]]):
        roles[kept[0]] = "boiler"


def _head_top(lines: Sequence[str], roles: Sequence[Role], body: int) -> int | None:
    """The topmost byline or date line just above the body (the head's lower end): up to
    the headline-shaped line above them (a date higher up is the masthead's)."""
    found = None
    for i in range(body - 1, max(body - HEAD_WINDOW, 0) - 1, -1):
        if roles[i] in ("byline", "date") or _date_line(lines[i]):
            found = i
        elif found is not None and _headline_candidate(lines[i]):
            break
    return found


def _headline_above(
    lines: Sequence[str], roles: Sequence[Role], start: int, at_body: bool
) -> int | None:
    """The headline-shaped line nearest above `start`, past date, byline and caption lines,
    a few short furniture lines ("Lesezeit: 2 Min.") and one deck; directly above the body
    (`at_body`) no furniture is skipped."""
    deck, short = False, 0
    for i in range(start - 1, -1, -1):
        line = lines[i]
        if _headline_candidate(line):
            return _over_its_deck(lines, roles, i)
        if not at_body and (roles[i] in _HEAD_LINES or _head_furniture(line)):
            continue
        if not at_body and short < MAX_SHORT_SKIPPED and len(line.split()) < HEADLINE_WORDS[0]:
            short += 1
            continue
        if deck or not _deck_shaped(line):
            return None
        deck = True
    return None


def _head_furniture(line: str) -> bool:
    """A line of the head that carries a field, not the headline: date, byline, credit."""
    return _date_line(line) or _byline_shaped(line) or is_credit(line) or ends_with_credit(line)


def _headline_candidate(line: str) -> bool:
    shaped = headline_shaped(line, HEADLINE_WORDS)
    # a credit alone in brackets ("(Carlos Example / Sample Times)") is headline-shaped too
    fielded = _date_line(line) or _byline_shaped(line) or ends_with_credit(line)
    return shaped and not fielded and not _furniture(line)


def _byline_shaped(line: str) -> bool:
    """'By business reporter Alice Example', 'Von X und Y': a byline that names someone."""
    starts = BYLINE_START.match(line) or BYLINE_WITH_ROLE.match(line)
    return starts is not None and bool(split_authors(line))


def _furniture(line: str) -> bool:
    """Words of page furniture ("Read More", "Skip to main content"): never a head's line."""
    return has_strong(line)


def _over_its_deck(lines: Sequence[str], roles: Sequence[Role], i: int) -> int:
    """A headline-shaped line under a shorter one is that headline's deck; so is one that
    sits right on the byline or date lines under another headline-shaped line."""
    above = lines[i - 1] if i else ""
    shorter = len(above.split()) < len(lines[i].split())
    on_head = i + 1 < len(lines) and (
        roles[i + 1] in ("byline", "date") or _date_line(lines[i + 1])
    )
    return i - 1 if (shorter or on_head) and _headline_candidate(above) else i


def _name_deck(lines: Sequence[str], roles: list[Role], head: int) -> None:
    """The prose line under the headline is its deck, even where the model took it for a
    caption, unless it carries a credit or the next line is one (a caption over its credit)."""
    below = head + 1
    if below >= len(lines) or roles[below] not in ("boiler", "caption"):
        return
    over_credit = below + 1 < len(lines) and credit_alone(lines[below + 1])
    credited = is_credit(lines[below]) or over_credit
    if _deck_shaped(lines[below]) and not credited:
        roles[below] = "standfirst"


def _deck_shaped(line: str) -> bool:
    n = len(line.split())
    return n >= DECK_WORDS and (SENTENCE_END.search(line) is not None or n <= HEADLINE_WORDS[1])


def _name_kicker(lines: Sequence[str], roles: list[Role], head: int) -> None:
    """A short line right above the headline is its rubric when the line above it is not
    short too (a menu: 'Climate', 'Weather', headline), not missing (a site's name) and not
    a caption (a gallery's 'Read More')."""
    if head < 2 or roles[head - 1] != "boiler" or not _kicker_shaped(lines[head - 1]):
        return
    if roles[head - 2] == "boiler" and not _short(lines[head - 2]):
        roles[head - 1] = "kicker"


def _short(line: str) -> bool:
    return 0 < len(line.split()) <= KICKER_WORDS and not SENTENCE_END.search(line)


def _kicker_shaped(line: str) -> bool:
    return _short(line) and not _furniture(line) and not _date_line(line)


def _name_date_lines(lines: Sequence[str], roles: list[Role], head: int, body: int) -> None:
    """Date lines of the head; with none below the headline, the date line right above it
    (or above its kicker: 'Mar 5, 2024 - Technology') is the article's."""
    for i in range(head + 1, body):
        if roles[i] == "boiler" and _date_line(lines[i]):
            roles[i] = "date"
    if "date" in roles[head + 1 : body]:
        return
    above = head - 2 if head > 0 and roles[head - 1] == "kicker" else head - 1
    if above >= 0 and roles[above] == "boiler" and _date_line(lines[above]):
        roles[above] = "date"


def _name_bylines(lines: Sequence[str], roles: list[Role], head: int, body: int) -> None:
    """Between the headline and the body, a cut line that is a byline ('By X'), or a name
    alone just above or below the date line ('Jane Sample' over 'Tuesday 02 January 2024'),
    names the authors: the line lands in `authors`, not among the cut furniture."""
    dated = [i for i in range(head + 1, body) if roles[i] == "date" or _date_line(lines[i])]
    signed = [i for i in dated if leading_byline(lines[i])]  # "X · Outlet · Posted: ..."
    unsigned = [i for i in dated if i not in signed]
    for i in range(head + 1, body):
        if roles[i] == "byline" and not _byline_shaped(lines[i]) and _over(i, signed):
            roles[i] = "boiler"  # the date line below names the authors itself
        if roles[i] != "boiler":
            continue
        placed = _over(i, unsigned) or _under(i, unsigned)
        named = placed and i - head <= NAME_UNDER_HEADLINE and _author_alone(lines, i, body)
        if named or _byline_shaped(lines[i]):
            roles[i] = "byline"


def _over(i: int, dates: Sequence[int]) -> bool:
    """Line `i` sits just above one of the date lines."""
    return any(0 < d - i <= NAME_OVER_DATE for d in dates)


def _under(i: int, dates: Sequence[int]) -> bool:
    """Line `i` sits just below one of the date lines."""
    return any(0 < i - d <= NAME_UNDER_DATE for d in dates)


def _author_alone(lines: Sequence[str], i: int, body: int) -> bool:
    """A name alone on line `i` of the head that the body's first line does not speak of."""
    line = lines[i]
    named = NAME_LIST.fullmatch(line) is not None and bool(split_authors(line))
    return named and not _echoed_by(line, lines[body])


def _echoed_by(line: str, body: str) -> bool:
    """A name the body's first line speaks of is its subject ('Amanda Knox'), not its author."""
    return line.casefold() in body.casefold()


def _date_line(line: str) -> bool:
    return len(line.split()) <= DATE_LINE_WORDS and published_and_modified(line) != (None, None)
