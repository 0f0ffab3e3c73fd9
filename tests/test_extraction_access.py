"""Access (free / subscribers / unknown), truncated teasers and agency provenance, rule by rule."""

from __future__ import annotations

import pytest
from article_pages import article_page, jsonld

from newsarchive.extraction import extract_article
from newsarchive.extraction.agency import agency_name

URL = "https://www.journal.example/societe/un-article-de-test/"
PARAGRAPHS = (
    "<p>La commune a présenté mardi son plan pour rénover les écoles du centre-ville, un chantier attendu "
    "depuis des années par les parents d’élèves et les enseignants.</p>"
    "<p>Les travaux commenceront au printemps et dureront deux ans, selon le calendrier présenté en conseil "
    "municipal, qui prévoit aussi une cantine neuve.</p>"
)


SUBSCRIBE_BANNER = "<header><a href='/abonnement/'>Abonnez-vous</a><p>Article réservé aux abonnés</p></header>"


def page(body: str = PARAGRAPHS, *, head: str = "", structured: dict | None = None, after: str = "",
         byline: str = "Par Léa Roy") -> str:
    """The article under a site header that sells subscriptions (the header's badge is not the article's)."""
    script = jsonld(structured) if structured else ""
    return article_page(f"<title>Les écoles du centre rénovées</title>{head}{script}",
                        f"<p class='byline'>{byline}</p>", headline="<h1>Les écoles du centre rénovées</h1>",
                        body=body, after=after, before=SUBSCRIBE_BANNER)


def news(**properties) -> dict:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Les écoles du centre rénovées",
            **properties}


def access_of(html: str) -> tuple[str, bool]:
    record = extract_article(html, URL)
    return record["access"], record["truncated"]


@pytest.mark.parametrize(("html", "expected"), [
    (page(), ("unknown", False)),  # the header's badge and link are not the article's
    (page(structured=news(isAccessibleForFree=True)), ("free", False)),
    (page(structured=news(isAccessibleForFree="False")), ("subscribers", False)),
    (page(structured=news(hasPart={"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paid"})),
     ("subscribers", True)),
    (page(head='<meta property="article:content_tier" content="locked">'), ("subscribers", False)),
    (page(head='<meta property="article:content_tier" content="metered">'), ("free", False)),
    (page(after="<div class='paywall'><p>La suite est réservée aux abonnés.</p><a href='/abo'>S’abonner</a></div>"),
     ("subscribers", True)),
    (page(after="<p><strong>Il vous reste 61.86% de cet article à lire.</strong></p>"), ("subscribers", True)),
    (page(after="<div><p>Accédez à l'intégralité de cet article et à tous nos contenus</p><a href='/abo'>S’abonner</a>"
                "</div>"), ("subscribers", True)),  # an offer that says the article is cut, without the word "abonnés"
    (page(after="<p class='badge'>Article réservé aux abonnés</p>"), ("subscribers", False)),
    (page(after="<p class='badge'>Article réservé aux abonnés</p><div id='poool-widget'></div>"),
     ("subscribers", True)),
    (page(after="<div id='poool-widget'></div>"), ("unknown", False)),  # Poool also meters free articles
    (page(after="<script>var label = 'Article réservé aux abonnés';</script>"), ("unknown", False)),  # not shown
    (page(after="<p>Article <script>x()</script>réservé aux abonnés</p><script>var s = 'abonnés';</script>"),
     ("subscribers", False)),
    (page(structured=news(wordCount=900)), ("unknown", True)),
    (page(structured=news(wordCount=60), after="<div class='tp-container-inner'></div>"), ("unknown", False)),
])
def test_access_and_truncation(html, expected):
    assert access_of(html) == expected


def test_markers_of_other_articles_and_of_comments_do_not_count():
    teaser = ("<section class='catcher'><span class='icon__premium'>Article réservé à nos abonnés</span> "
              "<a href='/autre/'>Les résidences autonomie débordées par les demandes</a></section>")
    comments = "<section class='paywall__comments'><p>L’espace des contributions est réservé aux abonnés.</p></section>"
    assert access_of(page(after=teaser + comments)) == ("unknown", False)


def test_hidden_part_present_in_the_page_is_no_teaser():
    body = f"<div class='paid'>{PARAGRAPHS}{PARAGRAPHS}</div>"
    structured = news(isAccessibleForFree=False,
                      hasPart=[{"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paid"}])
    record = extract_article(page(body, structured=structured), URL)
    assert (record["access"], record["truncated"]) == ("subscribers", False)
    assert "jsonld:hasPart_present" in record["access_signals"]


def test_a_bad_selector_is_noted_not_raised():
    structured = news(hasPart={"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": "[[["})
    record = extract_article(page(structured=structured), URL)
    assert record["access"] == "subscribers"
    assert "jsonld:hasPart_bad_selector" in record["access_signals"]


@pytest.mark.parametrize(("html", "agencies"), [
    (page(), []),
    (page("<p>PARIS (AFP) - Le gouvernement a présenté mercredi un plan pour les écoles du centre-ville.</p>"),
     ["AFP"]),
    (page(byline="Par Léa Roy avec Reuters"), ["Reuters"]),
    (page(byline="La rédaction avec l’AFP"), ["AFP"]),
    (page(PARAGRAPHS + "<p>© Agence France-Presse</p>"), ["AFP"]),
    (page(PARAGRAPHS + "<p>(Avec AFP)</p>"), ["AFP"]),
    (page(PARAGRAPHS + "<p>Source : AP</p>"), ["AP"]),
    (page(PARAGRAPHS + "<p>Source :\n Agence\u00a0France\n  Presse</p>"), ["AFP"]),  # spaces collapsed
    (page(PARAGRAPHS + "<p>J. Dupont / AFP</p>"), ["AFP"]),
    (page(byline="", structured=news(author={"@type": "Organization", "name": "AFP"})), ["AFP"]),
    (page(structured=news(sourceOrganization={"@type": "Organization", "name": "Reuters"})), ["Reuters"]),
    (page("<p>Lyon (AFP/Reuters) - Les deux agences en parlent.</p>" + PARAGRAPHS,
          byline="Par Léa Roy avec Reuters"), ["AFP", "Reuters"]),
    # credit lines the body leaves out, an element ending inside the name or a script between its letters
    (page(PARAGRAPHS + "<div><small>Avec <b>A</b>FP</small></div>"), ["AFP"]),
    (page(PARAGRAPHS + "<div><small>© <b>Agence France</b>-Presse</small></div>"), ["AFP"]),
    (page(PARAGRAPHS + "<p><small>(Avec A<script>x</script>FP)</small></p>"), ["AFP"]),
    (page(PARAGRAPHS + "<div class='credit'>Source : <em>Reuters</em>.</div>"), ["Reuters"]),
    (page(PARAGRAPHS + "<div><small>L. Roy/<i>AP</i></small></div>"), ["AP"]),
    # several agencies in one credit, "d'après", the agency alone in parentheses
    (page(PARAGRAPHS + "<p>Avec AFP et Reuters</p>"), ["AFP", "Reuters"]),
    (page(PARAGRAPHS + "<p>Sources : l'AFP, Reuters</p>"), ["AFP", "Reuters"]),
    (page(byline="Par Léa Roy avec l'AFP et Reuters"), ["AFP", "Reuters"]),
    (page(PARAGRAPHS + "<p>D'après l'AFP</p>"), ["AFP"]),
    (page(PARAGRAPHS + "<p>(AFP)</p>"), ["AFP"]),
    # the agency in parentheses after the journalist's name, in the byline or signing the text
    (page(byline="Par Léa Roy (AFP)"), ["AFP"]),
    (page(byline="Par Léa Roy (AFP/Reuters)"), ["AFP", "Reuters"]),
    (page(PARAGRAPHS + "<p>Léa Roy (AFP)</p>"), ["AFP"]),
    (page(PARAGRAPHS + "<p>D'après le maire, la route rouvrira lundi après les travaux.</p>"), []),
    # the agencies of Canada, Morocco, Algeria and Tunisia
    (page("<p>MONTRÉAL (La Presse canadienne) — Les élus ont voté le budget mardi soir.</p>" + PARAGRAPHS),
     ["La Presse canadienne"]),
    (page(PARAGRAPHS + "<p>Agence QMI</p>"), ["QMI"]),
    (page("<p>Rabat (MAP) - Le conseil a voté le budget mardi soir.</p>" + PARAGRAPHS), ["MAP"]),
    (page(byline="Par Léa Roy avec APS"), ["APS"]),
    (page(PARAGRAPHS + "<p>Source : TAP</p>"), ["TAP"]),
    (page(PARAGRAPHS + "<p>La MAP du quartier sera présentée jeudi aux habitants réunis en mairie.</p>"), []),
    # an agency named in the text, or a photo credit, is no provenance of the text
    (page("<p>Selon l’Agence France-Presse, la réunion a duré trois heures et s’est terminée tard.</p>"
          "<figure><img src='/a.jpg'><figcaption>Le maire à Lyon. © AFP</figcaption></figure>" + PARAGRAPHS), []),
])
def test_agencies(html, agencies):
    assert extract_article(html, URL)["agencies"] == agencies


@pytest.mark.parametrize(("text", "name"), [
    ("AFP", "AFP"), ("Agence France-Presse", "AFP"), ("agence france presse", None), ("Keystone-ATS", "ATS"),
    ("Associated Press", "AP"), ("APE", None), ("(Reuters)", "Reuters"),
    ("La Presse Canadienne", "La Presse canadienne"), ("Agence QMI", "QMI"), ("Maghreb Arabe Presse", "MAP"),
    ("Algérie Presse Service", "APS"), ("Tunis Afrique Presse", "TAP"), ("map", None),
])
def test_agency_names(text, name):
    assert agency_name(text) == name
