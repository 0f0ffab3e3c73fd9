"""Cleaning of metadata values: author names, bylines, tags, language codes, site names, breadcrumbs."""

from __future__ import annotations

import pytest

from newsarchive.extraction.authors import clean_authors, names_from_byline
from newsarchive.extraction.metadata import (
    breadcrumb_items,
    clean_tags,
    is_copyright_text,
    is_site_edition,
    is_site_name,
    language_code,
    section_names,
    split_keywords,
    strip_site_name,
)


@pytest.mark.parametrize(
    "raw, names",
    [
        ("by Sara", ["Sara"]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("PAR JEAN DUPONT", ["Jean Dupont"]),  # a name all in capitals is written as a name
        ("Publié par Marine Le Pen le 6 août 2025 à 14h32", ["Marine Le Pen"]),
        ("Jean Dupont, envoyé spécial à Kiev", ["Jean Dupont"]),
        ("Jean Dupont (avec AFP)", ["Jean Dupont"]),
        ("jean.dupont@journal.example", []),
        ("https://www.facebook.com/journal", []),
        ("Léa Roy | Le Journal", ["Léa Roy"]),
        ("Léa Roy - Journaliste", ["Léa Roy"]),
        ("Jean Dupont / Léa Roy", ["Jean Dupont", "Léa Roy"]),
        ("Jean-Pierre Élie, Anne de la Tour", ["Jean-Pierre Élie", "Anne de la Tour"]),
        ("Ingrid Holm og Lars Berg", ["Ingrid Holm", "Lars Berg"]),
        ("By JDL, in News, Lyon, Sport", ["JDL"]),
        ("Rédaction", []),
        ("", []),
    ],
)
def test_clean_authors(raw, names):
    assert clean_authors([raw]) == names


def test_clean_authors_dedupes_case_insensitively_and_skips_non_strings():
    assert clean_authors(["Léa Roy", None, "LÉA ROY", 3, "Paul Morel"]) == ["Léa Roy", "Paul Morel"]


def test_short_lower_case_agency_name_is_kept_only_from_structured_data():
    assert clean_authors(["dpa"], structured=True) == ["dpa"]
    assert clean_authors(["dpa"]) == []


@pytest.mark.parametrize(
    "byline, names",
    [
        ("Texte et photos par Léa Roy", ["Léa Roy"]),
        ("Magazin von Anna Weber 05. November 2024 15:36 Uhr", ["Anna Weber"]),
        ("Christoph von Ritter", ["Christoph von Ritter"]),
        ("Par Marc Petit, envoyé spécial à Gap Publié le 12/03/2025", ["Marc Petit"]),
        ("Sara", ["Sara"]),
        (None, []),
    ],
)
def test_names_from_byline(byline, names):
    assert names_from_byline(byline) == names


def test_split_keywords_accepts_strings_and_lists():
    assert split_keywords("Lille, Bibliothèques ,Lecture publique") == ["Lille", "Bibliothèques", "Lecture publique"]
    assert split_keywords(["Élections", "Municipales, Marseille"]) == ["Élections", "Municipales", "Marseille"]
    assert split_keywords("un; deux") == ["un", "deux"]
    assert split_keywords(None) == []


def test_section_names_keep_a_lists_items_whole():
    assert section_names(["Culture, Médias, Technologies", "Société"]) == ["Culture, Médias, Technologies", "Société"]
    assert section_names("Region, News, Wirtschaft") == ["Region", "News", "Wirtschaft"]
    assert section_names([3, "", "Sport"]) == ["Sport"]
    assert section_names(None) == []


def test_clean_tags_drops_hash_signs_codes_urls_and_duplicates():
    tags = clean_tags(["#Rugby", "rugby", "Marché couvert Vernon", "home_featured", "p", "https://x.fr/t",
                       "  Sport  amateur ", "x" * 81])
    assert tags == ["Rugby", "Marché couvert Vernon", "Sport amateur"]


@pytest.mark.parametrize(
    "value, code",
    [("fr-FR", "fr"), ("fr_FR", "fr"), ("FR", "fr"), ("de-at", "de"), (["en-GB"], "en"), ("", None), (None, None),
     ("français", None)],
)
def test_language_code(value, code):
    assert language_code(value) == code


@pytest.mark.parametrize(
    "title, stripped",
    [
        ("Le marché rouvre - OneMedia", "Le marché rouvre"),
        ("OneMedia | Le marché rouvre", "Le marché rouvre"),
        ("Canicule : les salles fraîches - OneMedia", "Canicule : les salles fraîches"),
        ("Marseille - Lyon : le match - onemedia.fr", "Marseille - Lyon : le match"),
        ("Marseille - Lyon : le match", "Marseille - Lyon : le match"),
        ("   ", None),
    ],
)
def test_strip_site_name(title, stripped):
    assert strip_site_name(title, ["OneMedia", "onemedia.fr", "onemedia"]) == stripped


def test_site_name_after_a_separator_without_spaces():
    assert strip_site_name("Le titre|Le Journal Test", ["Le Journal Test"]) == "Le titre"
    assert strip_site_name("Le Journal Test – Le titre", ["Le Journal Test"]) == "Le titre"
    assert strip_site_name("Saint-Étienne-du-Rouvray", ["Rouvray"]) == "Saint-Étienne-du-Rouvray"
    # Blogger's "Blog: Post"; a colon after another word is the headline's own
    assert strip_site_name("Le Journal Test: Le titre", ["Le Journal Test"]) == "Le titre"
    assert strip_site_name("Municipales: le titre", ["Le Journal Test"]) == "Municipales: le titre"


def test_a_word_that_holds_the_site_s_name_is_no_site_name():
    """A prefecture's site, ``cher.gouv.fr``: the headline's first word held ``cher`` (``Sécheresse : …``) and was cut
    as the site's name; the site's name in full after the title still is one."""
    names, headline = ["cher.gouv.fr", "cher"], "Sécheresse : le département en vigilance"
    assert strip_site_name(headline, names) == headline
    assert strip_site_name("Le titre - Les services de l'État dans le Cher", names) == "Le titre"
    assert strip_site_name("Le titre - LeFigaro.fr", ["lefigaro"]) == "Le titre"



def test_a_headline_s_part_after_its_colon_that_ends_with_the_site_s_name_is_no_site_name():
    """A département's site, ``orvane.example``: the headline's part after its colon ended with ``Orvane`` and was cut
    as the site's name, ``Savoir nager``; a name's few words after a colon still are (Hautetfort's blogs)."""
    names, headline = ["orvane.example", "orvane"], "Savoir nager : 3 000 heures de cours pour les élèves de l'Orvane"
    assert strip_site_name(headline, names) == headline
    assert strip_site_name("Le budget voté : Le blog de Martine Chauvet", ["martinechauvet"]) == "Le budget voté"


@pytest.mark.parametrize(("name", "edition"), [
    ("France Bleu Isère", True), ("Ouest-France Rennes", True), ("France Bleu Pays de Savoie", True),
    ("France Bleu Saint-Étienne Loire Haute Ville", False),  # four words more: no place's name
    ("France Bleu staff", False),  # its newsroom ("Guardian staff reporter"), no edition
    ("Léa Roy", False), ("France Bleu", False),  # the site's name itself is no edition of it
])
def test_a_site_s_name_followed_by_a_place_is_one_of_its_editions(name, edition):
    assert is_site_edition(name, ["France Bleu", "Ouest-France"]) is edition


def test_is_site_name_ignores_case_and_punctuation():
    assert is_site_name("JOURNAL.fr", ["journal.fr"])
    assert is_site_name("Le  Petit-Journal", ["Le Petit Journal"])
    assert not is_site_name("Anna Weber", ["journal.fr", "journal"])


def test_a_site_s_name_with_its_articles_prepositions_and_accents_is_its_host_s():
    assert is_site_name("L'Est Républicain", ["estrepublicain.fr", "estrepublicain"])
    assert is_site_name("Le Journal de Bourg", ["journal-bourg.fr", "journal-bourg"])
    assert is_site_name("Les Échos", ["lesechos.fr", "lesechos"])
    assert strip_site_name("Le budget adopté - L’Est Républicain", ["estrepublicain"]) == "Le budget adopté"
    # only the text compared loses its articles: a site named "La Montagne" keeps the tag "Montagne"
    assert not is_site_name("Montagne", ["La Montagne", "lamontagne.fr", "lamontagne"])
    assert not is_site_name("Journal", ["Le Journal de Bourg", "journal-bourg.fr", "journal-bourg"])


def test_breadcrumb_items_drop_separators():
    items = breadcrumb_items(["Home", " › ", "Actualité › Monde", ">", "Titre"])
    assert items == ["Home", "Actualité", "Monde", "Titre"]
    # any piece without a letter nor a digit parts two labels: a comma, an ellipsis, a hash
    assert breadcrumb_items(["Arts", ",", "Visual Art", " … ", "#", "2024"]) == ["Arts", "Visual Art", "2024"]


@pytest.mark.parametrize(
    "text, expected",
    [("Droits d’auteur © 2024 – onemedia.fr – Tous droits réservés", True), ("© Le Journal 2025", True),
     ("Copyright 2025 Example", True), ("All rights reserved.", True), ("Mentions légales", False)],
)
def test_is_copyright_text(text, expected):
    assert is_copyright_text(text) is expected
