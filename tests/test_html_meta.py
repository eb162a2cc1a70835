"""HTML metadata: JSON-LD first, site suffixes stripped, kickers found, authors cleaned."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from cleaner.extract.jsonld import article_from_tree
from cleaner.extract.titles import TitleSources, choose_title, site_keys, strip_site
from cleaner.metadata.credits import (
    Credits,
    byline_authors,
    byline_texts,
    bylines,
    clean_authors,
    field_credits,
)
from cleaner.metadata.html_meta import (
    iso_date,
    merge_dates,
    page_meta,
)

WELT = site_keys("www.welt.de", ["WELT"])


@pytest.mark.parametrize(
    ("title", "host", "sitename", "expected"),
    [
        (
            "Zinsen setzen Dax zu | Börsen-Zeitung",
            "www.boersen-zeitung.de",
            "",
            "Zinsen setzen Dax zu",
        ),
        ("BIP: Grafiken zeigen es - WELT", "www.welt.de", "WELT", "BIP: Grafiken zeigen es"),
        ("Das Geschäft mit dem Tod | MDR.DE", "www.mdr.de", "", "Das Geschäft mit dem Tod"),
        ("Merz im Interview - DER SPIEGEL", "www.spiegel.de", "DER SPIEGEL", "Merz im Interview"),
        (
            "FAZ | Die Schweiz ist ein Tummelplatz",
            "www.faz.net",
            "",
            "Die Schweiz ist ein Tummelplatz",
        ),
        ("A - B - Beispielblatt", "beispielblatt.de", "", "A - B"),
        ("Kawasaki steigt aus! - und doch nicht", "www.motorsport-magazin.com", "", None),
        ("Rente - was sich 2025 ändert", "www.example.org", "Beispielblatt", None),
        ("Wahl in Berlin | DW | 28.04.2023", "www.dw.com", "", "Wahl in Berlin"),
        ("Story | The Gateway Pundit | by Jim Hoft", "thegatewaypundit.com", "", "Story"),
        ("Interview by the lake - Beispielblatt", "beispielblatt.de", "", "Interview by the lake"),
    ],
)
def test_strip_site(title: str, host: str, sitename: str, expected: str | None) -> None:
    keys = site_keys(host, [sitename] if sitename else [])
    assert strip_site(title, keys) == (expected or title)


@pytest.mark.parametrize(
    ("sources", "title", "kicker"),
    [
        (  # the <h1> shows the kicker og:title leaves out
            TitleSources(
                og="Judy Lybke, ganz eigenartig", h1="Neue Schule: Judy Lybke, ganz eigenartig"
            ),
            "Judy Lybke, ganz eigenartig",
            "Neue Schule",
        ),
        (  # two unrelated kickers over one title: the kicker is not part of it
            TitleSources(
                og="Angriff auf Israel: «Zurückhaltung»",
                h1="Eskalation in Nahost - «Zurückhaltung»",
            ),
            "«Zurückhaltung»",
            "Angriff auf Israel",
        ),
        (  # a colon in every source is part of the title
            TitleSources(
                og="BIP: Grafiken zeigen es - WELT", html_title="BIP: Grafiken zeigen es - WELT"
            ),
            "BIP: Grafiken zeigen es",
            None,
        ),
        (  # a kicker variant with a shared word is the title's own head
            TitleSources(
                og='Trainer Schubert: "Nichts zu verlieren"',
                h1='MSV-Trainer Schubert: "Nichts zu verlieren"',
            ),
            'Trainer Schubert: "Nichts zu verlieren"',
            None,
        ),
        (TitleSources(h1="Nur eine Überschrift"), "Nur eine Überschrift", None),
        (  # the visible headline over an SEO og:title
            TitleSources(
                og="Best Apps to Learn a Language in 2025 - Top 10 Picks",
                h1="Top 10: Best Language Learning Apps, tested by experts",
            ),
            "Top 10: Best Language Learning Apps, tested by experts",
            None,
        ),
        (  # a blog's <h1> is its own name: no word in common with the article's titles
            TitleSources(og="Advent of Code 2025, week 2", h1="RogerBW's Blog"),
            "Advent of Code 2025, week 2",
            None,
        ),
        (  # spans joined with a space before the colon; the meta form keeps the punctuation
            TitleSources(
                og="Bubi-Bomber: Geduld mit Niemiec", h1="Bubi-Bomber : Geduld mit Niemiec"
            ),
            "Bubi-Bomber: Geduld mit Niemiec",
            None,
        ),
        (  # a pipe joins the headline to a section or tagline: the longest segment is it
            TitleSources(
                og="How meditation rewires brains | Opinion",
                h1="How meditation rewires brains | Opinion",
            ),
            "How meditation rewires brains",
            None,
        ),
        (  # the <h1> escaped twice, a decoration symbol at the end of the meta title
            TitleSources(og="Tools for 2026: SQL &#x26; AI ⋆", h1="Tools for 2026: SQL &#x26; AI"),
            "Tools for 2026: SQL & AI",
            None,
        ),
        (  # the same words: the form with more punctuation (the meta title lost its '?')
            TitleSources(og="What's Next in 2025", h1="What's Next in 2025?"),
            "What's Next in 2025?",
            None,
        ),
        (  # evidence is the whole meta title: the <h1> shares words with its second segment
            TitleSources(
                og="3 Key Uses of AI in Healthcare | Transforming Patient Care",
                h1="3 Uses of AI in Healthcare for Better Patient Care and Lower Costs",
            ),
            "3 Uses of AI in Healthcare for Better Patient Care and Lower Costs",
            None,
        ),
        (  # a kicker-form <h1> that the JSON-LD headline repeats is the headline itself
            TitleSources(
                og="Lego feiert Star-Wars-Tag: Viele neue Sets",
                jsonld="Lego feiert Star-Wars-Tag: Alle Angebote",
                h1="Lego feiert Star-Wars-Tag: Alle Angebote",
            ),
            "Lego feiert Star-Wars-Tag: Alle Angebote",
            None,
        ),
        (  # no visible headline (the <h1> names the blog): the JSON-LD headline, the
            # article's own, over a social og:title
            TitleSources(
                og="Catering Tips for a Great Event | Example Catering",
                jsonld="Catering 101: Tips to Make Your Next Event a Success",
                h1="The Blog",
                html_title="Catering Tips for a Great Event | Example Catering",
            ),
            "Catering 101: Tips to Make Your Next Event a Success",
            None,
        ),
        (TitleSources(), None, None),
    ],
)
def test_choose_title(sources: TitleSources, title: str | None, kicker: str | None) -> None:
    assert choose_title(sources, WELT) == (title, kicker)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Von Erika Muster und Max Beispiel"], ["Erika Muster", "Max Beispiel"]),
        (["By Jane Doe"], ["Jane Doe"]),
        (["Autor Monika Bolliger", "Anna Trechsel"], ["Monika Bolliger", "Anna Trechsel"]),
        (["Seb Dumitru, Lille"], ["Seb Dumitru"]),
        (["d.kuckelkorn@boersen-zeitung.de"], []),
        (["https://www.facebook.com/faz", "Ralf Euler"], ["Ralf Euler"]),
        (["Redaktion hessenschau.de"], []),  # an outlet, not a person
        (["Michelle de Oliveira"], ["Michelle de Oliveira"]),  # a particle, not "de" = by
    ],
)
def test_clean_authors(names: list[str], expected: list[str]) -> None:
    assert clean_authors(names) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-04-17T10:24:31Z", "2024-04-17T10:24:31+00:00"),
        ("2024-04-27T07:39:18.751+0200", "2024-04-27T07:39:18+02:00"),
        ("2023-04-28 18:11:01.0", "2023-04-28T18:11:01"),
        ("2024-04-30", "2024-04-30"),
        ("28. April 2023, 19:20 Uhr", "2023-04-28T19:20"),
        ("Fri Apr 28 19:20:36 CEST 2023", None),
        ("", None),
    ],
)
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


PAGE = """<html><head>
<title>Feuerwehrleute sollen später in Pension | Beispielblatt</title>
<meta property="og:title" content="Feuerwehrleute sollen später in Pension | Beispielblatt">
<meta property="og:site_name" content="Beispielblatt">
<meta property="article:published_time" content="2024-04-22T08:00:00+02:00">
<meta name="description" content="Die Landesregierung plant eine Reform.">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "BreadcrumbList", "name": "Start"},
 {"@type": "NewsArticle", "headline": "Feuerwehrleute sollen später in Pension",
  "author": [{"@type": "Person", "name": "Nina Muster"},
             {"@type": "Person", "name": "Max Beispiel"}],
  "datePublished": "2024-04-22T06:00:00Z", "dateModified": "2024-04-23T09:30:00Z",
  "publisher": {"@type": "Organization", "name": "Beispielblatt"}}]}
</script>
<script type="application/ld+json">{"broken": </script>
</head><body><h1>Landespolitik: Feuerwehrleute sollen später in Pension</h1></body></html>"""


def test_page_meta_prefers_jsonld() -> None:
    meta = page_meta(lxml_html.document_fromstring(PAGE), "https://www.beispielblatt.de/a/1")
    assert meta.title == "Feuerwehrleute sollen später in Pension"
    assert meta.kicker == "Landespolitik"
    assert meta.authors == ["Nina Muster", "Max Beispiel"]
    assert meta.date == "2024-04-22T06:00:00+00:00"
    assert meta.date_modified == "2024-04-23T09:30:00+00:00"
    assert meta.sitename == "Beispielblatt"
    assert meta.description == "Die Landesregierung plant eine Reform."


def test_jsonld_with_raw_newlines_and_entities() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": ["NewsArticle"], '
        '"headline": "Schubert: &quot;Nicht\nmehr viel&quot;", "author": {"name": "kicker"}}'
        "</script></head><body></body></html>"
    )
    ld = article_from_tree(lxml_html.document_fromstring(page))
    assert ld.headline == 'Schubert: "Nicht mehr viel"'
    assert ld.authors == ["kicker"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<div class="article-byline">Von: Simone Jung</div>', ["Simone Jung"]),
        ('<p class="byline">von David Straub Stand: 28. April 2023</p>', ["David Straub"]),
        ('<span class="author">ku Frankfurt</span>', []),
        (  # a byline that says it is one credits single names too, not the date after them
            '<p class="byline">Posted by Linny and Peter on Friday December 19, 2025</p>',
            ["Linny", "Peter"],
        ),
        (  # a date line before the name, a job title after it
            '<p class="byline">Updated January 08, 2026 Written by Meghan Muster Content Lead</p>',
            ["Meghan Muster"],
        ),
        (  # the date after "on" cut at its first digit: the "on" left goes with it
            '<p class="byline">By: ExampleCo EMEA on 04-ago-2021 5:11:10</p>',
            ["ExampleCo EMEA"],
        ),
        (  # a handle and the section it posted in
            '<p class="byline">By Fredmaker in Workshop Woodworking</p>',
            ["Fredmaker"],
        ),
    ],
)
def test_byline_authors(page: str, expected: list[str]) -> None:
    tree = lxml_html.document_fromstring(f"<html><head></head><body>{page}</body></html>")
    assert byline_authors(byline_texts(bylines(tree))) == expected


def test_byline_split_over_elements_keeps_a_gap() -> None:
    page = '<html><body><p class="author"><span>Von</span><b>Erika Muster</b></p></body></html>'
    texts = byline_texts(bylines(lxml_html.document_fromstring(page)))
    assert byline_authors(texts) == ["Erika Muster"]


@pytest.mark.parametrize("depth", [500, 5_000, 100_000])
@pytest.mark.parametrize(
    ("opening", "middle", "closing"),
    [("[", "", "]"), ('{"@graph":', "{}", "}"), ('{"name":', '"x"', "}")],
    ids=["list", "graph", "author"],
)
def test_absurdly_nested_jsonld_is_ignored_not_fatal(
    depth: int, opening: str, middle: str, closing: str
) -> None:
    nested = opening * depth + middle + closing * depth
    deep = f'{{"@type": "NewsArticle", "headline": "Tief", "author": {nested}}}'
    good = '{"@type": "NewsArticle", "headline": "Die Brücke"}'
    scripts = "".join(f'<script type="application/ld+json">{ld}</script>' for ld in (deep, good))
    tree = lxml_html.document_fromstring(f"<html><head>{scripts}</head><body></body></html>")
    assert article_from_tree(tree).headline == "Die Brücke"  # the sane script still counts


@pytest.mark.parametrize(
    ("meta_date", "found", "expected"),
    [
        ("2024-03-12T09:30:00+01:00", "2024-03-12", "2024-03-12T09:30:00+01:00"),  # same day
        ("2025-06-24", "2024-08-25", "2024-08-25"),  # a republication date in the meta tags
        (None, "2024-08-25", "2024-08-25"),
        ("2024-03-12", None, "2024-03-12"),
        (None, None, None),
    ],
)
def test_merge_dates(meta_date: str | None, found: str | None, expected: str | None) -> None:
    assert merge_dates(meta_date, found) == expected


def test_jsonld_authors_resolve_references_and_skip_organizations() -> None:
    graph = {
        "@graph": [
            {
                "@type": "BlogPosting",
                "headline": "H",
                "author": [{"@id": "#p1"}, {"@type": "Organization", "name": "Beispiel GmbH"}],
            },
            {"@type": "Person", "@id": "#p1", "name": "Erika Muster"},
        ]
    }
    page = (
        f'<html><head><script type="application/ld+json">{json.dumps(graph)}</script></head></html>'
    )
    assert article_from_tree(lxml_html.document_fromstring(page)).authors == ["Erika Muster"]


def test_a_long_site_name_is_stripped_when_it_is_og_site_name() -> None:
    keys = site_keys(
        "www.example.edu", ["Example Medical School Professional and Continuing Education"]
    )
    title = "The Benefits of AI | Example Medical School Professional and Continuing Education"
    assert strip_site(title, keys) == "The Benefits of AI"


def _credits(head: str, ld: str = "") -> Credits:
    script = f'<script type="application/ld+json">{ld}</script>' if ld else ""
    tree = lxml_html.document_fromstring(f"<html><head>{head}{script}</head><body></body></html>")
    return field_credits(article_from_tree(tree), tree)


def test_author_fields_credit_people_as_written() -> None:
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "author": [
                {"@type": "Person", "name": "Reuters"},
                {"@type": "Person", "name": "Erika Muster"},
                {"@type": "Organization", "name": "SDA"},
            ],
        }
    )
    assert _credits("", ld) == Credits(["Reuters", "Erika Muster", "SDA"])  # people + co-credits
    assert _credits('<meta name="author" content="kirstin muster">') == Credits(["kirstin muster"])
    assert _credits('<meta name="author" content="a.b@example.de">') == Credits()


def test_an_outlet_alone_is_credited_only_as_a_stand_in() -> None:
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "kicker"}})
    assert _credits('<meta name="author" content="n-tv NACHRICHTEN">', ld) == Credits(
        [], ["kicker", "n-tv NACHRICHTEN"]
    )


def _completed(body: str, ld: str = "") -> list[str]:
    from cleaner.extract.html import complete_meta

    script = f'<script type="application/ld+json">{ld}</script>' if ld else ""
    tree = lxml_html.document_fromstring(f"<html><head>{script}</head><body>{body}</body></html>")
    return complete_meta(page_meta(tree, None), tree, None).authors


def test_a_short_byline_credit_stands_in_when_nothing_else_names_anyone() -> None:
    assert _completed('<h1>T</h1><div class="byline">Staff</div>') == ["Staff"]


def test_a_team_the_byline_credits_stands_in_when_no_person_is_named() -> None:
    assert _completed('<h1>T</h1><span class="author-name">Podium Staff</span>') == ["Podium Staff"]


def test_a_person_in_the_byline_beats_the_outlet_in_the_author_fields() -> None:
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "kicker"}})
    assert _completed('<p class="byline">Von Erika Muster</p>', ld) == ["Erika Muster"]
    assert _completed("<p>Text</p>", ld) == ["kicker"]


def test_teaser_boxes_and_comment_signatures_are_no_bylines() -> None:
    teaser = '<div class="author-box">My Top 23 Herbs and Flowers for the Garden ' + "word " * 20
    comment = '<p class="comment-author">Lori Muster says</p>'
    byline = '<span class="author">Erika Muster</span>'
    tree = lxml_html.document_fromstring(
        f"<html><body>{teaser}</div>{comment}{byline}</body></html>"
    )
    assert byline_authors(byline_texts(bylines(tree))) == ["Erika Muster"]


def test_a_byline_that_is_the_credited_outlet_and_a_month_is_the_outlet() -> None:
    ld = json.dumps(
        {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "ServiceExample"}}
    )
    byline = '<p class="byline">ServiceExample November 26th, 2024 10 Min Read</p>'
    assert _completed(byline, ld) == ["ServiceExample"]


def test_a_credit_the_author_search_recases_keeps_the_page_form() -> None:
    # trafilatura's search gives "Srf; Abcd; Efgh": the same letters, re-cased and re-split
    credit = '<span itemprop="author">srf/abcd;efgh</span>'
    body = f'<p>Text</p><p class="ref">SRF News, 15.4.2024; {credit}</p>'
    assert _completed(body) == ["srf/abcd", "efgh"]
