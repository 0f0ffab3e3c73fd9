"""Author names of French (and other) bylines, structured author values and signatures at the end of the body."""

from __future__ import annotations

import re

import pytest
from article_pages import BODY, FOOTER, SITE_NAME, article_page, extracted, jsonld

from newsarchive.extraction.authors import clean_authors, names_from_byline
from newsarchive.extraction.signatures import signature_names, without_signature


@pytest.mark.parametrize(
    "byline, names",
    [
        ("Par la rédaction", ["La rédaction"]),
        ("Par La Rédaction", ["La rédaction"]),
        ("Par la rédaction de Trifouilly Infos", ["La rédaction"]),  # the newsroom of the site, named
        ("Par la rédaction d’Actu Trifouilly", ["La rédaction"]),
        ("Par l'équipe de Trifouilly Infos", ["La rédaction"]), ("Par l’équipe d’Actu Trifouilly", ["La rédaction"]),
        ("Par la rédaction web", ["La rédaction"]), ("Par Rédaction numérique", ["La rédaction"]),  # its desk
        ("Par la rédaction numérique de Trifouilly Infos", ["La rédaction"]),
        ("Par Rédaction de Trifouilly Infos", ["La rédaction"]),
        ("Par la rédaction avec AFP", ["La rédaction", "AFP"]),
        ("Par Jean Dupont et la rédaction", ["Jean Dupont", "La rédaction"]),
        ("Par Jean Dupont, avec AFP", ["Jean Dupont", "AFP"]),
        ("avec AFP", ["AFP"]),
        ("Par Martin Roy (avec Damien Leloup et Morgane Tual)", ["Martin Roy", "Damien Leloup", "Morgane Tual"]),
        ("Par Léa Roy (avec Jean DUPONT)", ["Léa Roy", "Jean Dupont"]),
        ("Par Léa Roy (avec AFP et Reuters)", ["Léa Roy"]),
        ("Par Léa Roy (envoyée spéciale à Kiev)", ["Léa Roy"]),
        ("Propos recueillis par Léa Roy", ["Léa Roy"]),
        ("Par Léa Roy pour Le Monde", ["Léa Roy"]),
        ("Par Léa Roy pour le Parisien", ["Léa Roy"]), ("Par Léa Roy pour l'Express", ["Léa Roy"]),  # its article
        ("Par Léa Roy pour la Croix", ["Léa Roy"]), ("Par Léa Roy pour les Échos", ["Léa Roy"]),
        ("Par Léa Roy pour le magazine Géo", ["Léa Roy"]),
        ("Par Léa Roy Cheffe du service politique", ["Léa Roy"]),
        ("Par Léa Roy Grand reporter", ["Léa Roy"]),
        ("Par Léa Roy Chargée d'études", ["Léa Roy"]), ("Par Léa Roy Chargé de mission", ["Léa Roy"]),  # a think tank's
        ("Par Léa Roy Responsable de la communication", ["Léa Roy"]),  # an association's
        ("Par Léa Roy, chargée de communication, et Paul Martin", ["Léa Roy", "Paul Martin"]),
        ("Léa Roy Présentatrice", ["Léa Roy"]),
        ("Par Léa Roy Secrétaire de rédaction", ["Léa Roy"]),
        ("Par Léa Roy et Paul Martin, grands reporters", ["Léa Roy", "Paul Martin"]),
        ("De notre envoyé spécial à Kiev, Jean Dupont", ["Jean Dupont"]),
        ("De notre correspondante à Bruxelles Léa Roy", ["Léa Roy"]),
        ("De notre correspondant permanent à New York, Paul Martin", ["Paul Martin"]),
        ("Texte : Jean Dupont. Photos : Léa Roy", ["Jean Dupont"]),
        ("Texte et photos : Jean Dupont", ["Jean Dupont"]),
        ("Rédaction : Jean Dupont", ["Jean Dupont"]),
        ("Reportage : Jean Dupont et Léa Roy", ["Jean Dupont", "Léa Roy"]),
        ("Journalistes : Jean Dupont, Léa Roy", ["Jean Dupont", "Léa Roy"]),
        ("Auteure : Léa Roy", ["Léa Roy"]),
        ("Auteur de l'article : Léa Roy", ["Léa Roy"]),  # Hexo's NexT, its copyright box
        ("Autrice : Léa Roy", ["Léa Roy"]),
        ("Jean Dupont Journaliste", ["Jean Dupont"]),
        ("Par Jean Dupont, Rédacteur en chef", ["Jean Dupont"]),
        ("Par Jean Dupont Rédactrice en chef adjointe", ["Jean Dupont"]),
        ("Par Jean Dupont Actualisé le 3 mars", ["Jean Dupont"]),
        ("Par Léa Roy Le 3 mars 2025 à 10h05", ["Léa Roy"]),
        ("Par Léa Roy, mercredi 6 août 2025", ["Léa Roy"]),
        ("Par Marine Le Pen", ["Marine Le Pen"]),
        ("Par Joachim du Bellay", ["Joachim du Bellay"]),  # a name's particle
        ("Écrit par Sophie Ravel qui coordonne le jardin partagé", ["Sophie Ravel"]),  # a bio's sentence
        ("Texte Claire Dubreuil Photos Olivier Pasquiers", ["Claire Dubreuil"]),  # labels without their colon
        ("Par Léa Roy du service politique", ["Léa Roy"]), ("Par Léa Roy du 12 mars 2025", ["Léa Roy"]),
        ("By Alex Martin Thursday, November 9, 2023 4:41AM", ["Alex Martin"]),
        ("Tribune Collectif", ["Collectif"]),  # the kind of piece above its signature
        ("Une tribune de Léa Roy et Paul Martin", ["Léa Roy", "Paul Martin"]),
        ("Chronique de Jean Dupont", ["Jean Dupont"]),
        ("Entretien avec Jacques Testart", ["Jacques Testart"]),  # the interview's kind, not a name (Reporterre's)
        ("Un entretien de Léa Roy", ["Léa Roy"]),
        ("Édito : Paul Martin", ["Paul Martin"]),
        ("Par Raphaël Roy, correspondant à Pékin et Frédéric Aubry, correspondant à New York",
         ["Raphaël Roy", "Frédéric Aubry"]),  # each author followed by a role
        ("Par Léa Roy, journaliste et Paul Martin, photographe", ["Léa Roy", "Paul Martin"]),
        ("Par Léa Roy, envoyée spéciale à Lyon et Saint-Étienne", ["Léa Roy"]),  # places after the role
        ("Par Léa Roy, à Paris et New York", ["Léa Roy"]),
        ("Par Admin", []),
        ("Rédaction", []),
        ("Par Léa Roy et Paul Martin Envoyés spéciaux à Kiev", ["Léa Roy", "Paul Martin"]),
        ("Par Léa Roy et Paul Martin, correspondants à Pékin", ["Léa Roy", "Paul Martin"]),
        ("Plaidoyer pour une éducation ouverte", []),  # a column's tagline in a "byline" element
        ("Par Jean de La Fontaine", ["Jean de La Fontaine"]),
        ("Par Service de presse de la mairie", ["Service de presse de la mairie"]),
        ("Par Léa Roy Suivre", ["Léa Roy"]),  # the button to follow the author, glued to the name
        ("Par Léa Roy et Paul Martin Suivre", ["Léa Roy", "Paul Martin"]),
        ("Posté par Léa Roy à 18:04 - Sancy", ["Léa Roy"]),  # the time the post's footer gives
        ("Par Léa Roy à Lyon", ["Léa Roy"]),  # where the author writes from
        ("Par Léa Roy à Lyon et Paul Martin au Caire", ["Léa Roy", "Paul Martin"]),
        ("Par Valéry Giscard d'Estaing", ["Valéry Giscard d'Estaing"]),
        ("Par Léa Roy, et Paul Martin", ["Léa Roy", "Paul Martin"]),  # a comma before the last name's "et"
        ("By Jane Doe, and John Smith", ["Jane Doe", "John Smith"]),
        ("By Perry Bacon Jr.", ["Perry Bacon Jr."]),  # an abbreviation keeps its period, a sentence's end does not
        ("Par Jean-Paul D. et Léa Roy.", ["Jean-Paul D.", "Léa Roy"]),
        ("Par Léa Roy @learoy28 et Paul Martin", ["Léa Roy", "Paul Martin"]),  # a handle ends the name before it
        ("By April Roach @aprilroach28 Daniel O'Mahony 01 Oct 2023", ["April Roach", "Daniel O'Mahony"]),
        ("Lairenlakpam Warli / Apr 16, 2026, 10:02 IST", ["Lairenlakpam Warli"]),  # English months' abbreviations
        ("By Dan Roy Sep 5, 2024", ["Dan Roy"]),
        ("Agencia EFE 04.05.2022", ["Agencia EFE"]),  # an agency's acronym is no surname in capitals
        ("Par Julien MARCHAND avec AFP", ["Julien Marchand", "AFP"]),
        ("Par Léa Roy via AFP", ["Léa Roy", "AFP"]),  # the agency was read as the end of the name
        ("Par nos envoyés spéciaux à Kiev, Léa Roy et Paul Martin", ["Léa Roy", "Paul Martin"]),
        ("Par TF1 Info", ["TF1 Info"]),  # a number in a name's word does not end it
        ("Publié le 17/03/2024 à 21:14 par Nadine49", ["Nadine49"]),  # a blog's user name: all its digits
        ("Haoua Tiendrébéogo Lefaso.net", ["Haoua Tiendrébéogo"]),  # the site's address after the name
        ("Par RMC Sport", ["RMC Sport"]),  # an acronym (no vowel) keeps its capitals, a surname does not
        ("Par Léa ROY", ["Léa Roy"]),
        ("Écrit par Léa Roy. Photos Marc Dumas", ["Léa Roy"]),  # a full stop ends the names
        ("Par Léa Roy et Paul Martin. Mise en page Anne Petit", ["Léa Roy", "Paul Martin"]),
        ("Par Ph. Martin", ["Ph. Martin"]),  # an abbreviated given name's full stop does not
        ("Par Prof. Léa Roy", ["Prof. Léa Roy"]),
        ("Par L. Roy et J.-P. Martin", ["L. Roy", "J.-P. Martin"]),
    ],
)
def test_french_bylines(byline, names):
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline, names", [
    ("Léa Roy - Édité par Paul Martin", ["Léa Roy"]),
    ("Léa Roy | Mis à jour par Paul Martin", ["Léa Roy"]),
    ("Léa Roy | Reportage LCX Paul Martin, Inès Fabre", ["Léa Roy"]),  # a TV report's credits after the bar
    ("Jane Doe, edited by John Smith", ["Jane Doe"]),
    ("Mis à jour par Paul Martin", ["Paul Martin"]),  # no name before the credit: the one it names
    ("Article mis à jour par Léa Roy", ["Léa Roy"]), ("Contenu vérifié par Paul Martin", ["Paul Martin"]),
    ("Texte mis à jour par la rédaction", ["La rédaction"]),
])
def test_an_editor_credited_after_the_author_is_no_author(byline, names):
    """The ``par`` of an editor's credit after the author's name was read as the byline's: the editor was named the
    author, the author left out."""
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline, names", [
    ("Par Léa Roy (lea.roy@trifouilly.fr)", ["Léa Roy"]),
    ("Par Léa Roy [lea.roy@trifouilly.fr] et Paul Martin", ["Léa Roy", "Paul Martin"]),
    ("Par Léa Roy <lea.roy@trifouilly.fr>", ["Léa Roy"]),
    ("Par Léa Roy, lea.roy@trifouilly.fr", ["Léa Roy"]),
])
def test_an_address_in_brackets_after_a_name_leaves_no_bracket(byline, names):
    """An e-mail address written in brackets after the author's name: the address was taken out with the opening
    bracket glued to it, and the closing one was left on the name (``Léa Roy )``)."""
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline, names", [
    ("Par Léa Roy de la rédaction numérique", ["Léa Roy"]),
    ("Un reportage de Léa Roy et Paul Martin de l'émission Enquête", ["Léa Roy", "Paul Martin"]),
    ("Par Léa Roy des services de la mairie", ["Léa Roy"]),
    ("Par Léa Roy d'après un communiqué", ["Léa Roy"]),
    ("Par Léa Roy de", ["Léa Roy"]),  # the outlet's name left in an element of its own
])
def test_a_de_after_a_persons_name_before_a_word_in_lower_case_ends_the_name(byline, names):
    """``de la rédaction``, ``de l'émission``: what the author belongs to, not a name's particle, which comes before a
    capital; the name was kept with it (``Léa Roy des services de la mairie`` lost the name)."""
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline, names", [
    ("Publié par Léa Roy dans Politique le 12 mars 2024", ["Léa Roy"]),
    ("Publié par Léa Roy dans Politique, Société le 12 mars 2024", ["Léa Roy"]),  # every category after "dans"
    ("Par Léa Roy, dans le Nord", ["Léa Roy"]),
])
def test_the_category_a_post_is_filed_in_after_its_author_is_no_name(byline, names):
    """A blog's line of details (``Publié par Léa Roy dans Politique``) named ``Léa Roy dans Politique``."""
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline, names", [
    ("Par le Pr Léa Roy, cardiologue", ["Léa Roy"]), ("Par Me Léa Roy, avocate", ["Léa Roy"]),
    ("Par Mme Léa Roy", ["Léa Roy"]), ("Par la professeure Léa Roy", ["Léa Roy"]),
    ("Par Léa Roy, Me Paul Martin et la Dr Anne Morel", ["Léa Roy", "Paul Martin", "Anne Morel"]),
    ("Par M. Dupuis", ["M. Dupuis"]),  # an initial as often as "Monsieur": left
    ("Par Mehdi Roy", ["Mehdi Roy"]), ("Par Marc Le Goff", ["Marc Le Goff"]),
])
def test_a_title_before_a_name_is_no_part_of_it(byline, names):
    """An opinion piece's byline names its author with a title (``Par le Pr Léa Roy, cardiologue``): read from the
    ``le`` that opens it, the name was none; ``Mme``, ``Me`` stayed in the name."""
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline, names", [
    ("Rédigé par Léa Roy et publié depuis Overblog le 12 mars 2024", ["Léa Roy"]),  # Over-blog's line
    ("Par Léa Roy et mis à jour le 13 mars 2024", ["Léa Roy"]),
    ("Par Léa Roy et Paul Martin le 12 mars 2024", ["Léa Roy", "Paul Martin"]),
])
def test_a_conjunction_before_what_follows_the_names_is_no_part_of_them(byline, names):
    """What follows the names is cut from its word (``publié``, ``mis à jour``): the ``et`` before it was left at the
    end of the name (``Léa Roy et``)."""
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline, names", [
    ("Par Léa Roy, France 3 Alsace", ["Léa Roy", "France 3 Alsace"]),
    ("Par Léa Roy et Paul Martin, France 2", ["Léa Roy", "Paul Martin", "France 2"]),
    ("Léa Roy / Europe 1", ["Léa Roy", "Europe 1"]),
    ("Lairenlakpam Warli / Apr 16, 2026", ["Lairenlakpam Warli"]),  # a date, not a channel
])
def test_a_channels_number_stays_in_its_name(byline, names):
    """``France 3 Alsace`` after the names was the author ``France``: the number was read as a date's."""
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline, names", [
    ("Par Léa Roy de France 3 Alsace", ["Léa Roy"]), ("Par Léa Roy d'Europe 1", ["Léa Roy"]),
    ("Par Léa Roy et Paul Martin de France 2", ["Léa Roy", "Paul Martin"]),
    ("Par Jean de La Fontaine", ["Jean de La Fontaine"]),  # a particle before a name
])
def test_a_channel_named_with_its_number_after_de_is_no_part_of_the_name(byline, names):
    """``Léa Roy de France 3 Alsace`` named ``Léa Roy de France``: the "de" before a capital was read as a particle
    and the number as a date's."""
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline, names", [
    ("Par Jean de la Fontaine", ["Jean de la Fontaine"]),
    ("Par Anne-Marie de l'Isle", ["Anne-Marie de l'Isle"]),
    ("Par Marie des Neiges Dupont", ["Marie des Neiges Dupont"]),
    ("Par Secrétariat de mairie", ["Secrétariat de mairie"]),  # an office, named with its "de"
])
def test_a_names_particle_and_an_office_named_with_de_stay(byline, names):
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline, names", [
    ("Par franceinfo avec AFP", ["franceinfo", "AFP"]),
    ("Par lefigaro.fr avec AFP et Reuters", ["lefigaro.fr", "AFP", "Reuters"]),
    ("Par ledauphine.com", ["ledauphine.com"]),
])
def test_a_brand_in_lower_case_signs_a_byline_as_a_host_name_or_before_an_agency(byline, names):
    """The wire credit of a site that rewrote an agency's copy (``franceinfo avec AFP``): the agency was lost with the
    brand, whose lower-case first letter names no person."""
    assert names_from_byline(byline) == names


@pytest.mark.parametrize("byline", ["Par ailleurs avec la police", "Par admin avec AFP", "Par franceinfo"])
def test_a_word_in_lower_case_is_no_brand_without_an_agency_after_it(byline):
    assert "ailleurs" not in names_from_byline(byline)
    assert not {"admin", "franceinfo"} & set(names_from_byline(byline))


@pytest.mark.parametrize("byline, names", [
    ("Publicado el 11 de mayo", []), ("Por Ana García Publicado el 11 de mayo", ["Ana García"]),
    ("Veröffentlicht am 12.03.2024", []), ("Pubblicato il 12 marzo 2024", []),
])
def test_a_date_s_label_in_another_language_is_no_name(byline, names):
    """The label of a date in a byline-classed line ends the names, in the languages of the sites archived alongside
    French ones (a line of details "Publicado el 11 de mayo" named "Publicado")."""
    assert names_from_byline(byline) == names


def test_a_name_ending_like_a_date_word_is_kept_whole():
    assert clean_authors(["Sophie Berthier", "Jean Gauthier"]) == ["Sophie Berthier", "Jean Gauthier"]
    assert names_from_byline("Par Sophie Berthier hier à 9h") == ["Sophie Berthier"]


@pytest.mark.parametrize("value", ["Un texte par Léa Roy", "Un texte de Léa Roy", "Rédigée par Léa Roy",
                                   "Propos recueillis par Léa Roy", "Texte : Léa Roy", "Rédaction : Léa Roy"])
def test_an_author_value_that_is_a_signing_line_gives_the_name(value):
    """The words that open a byline (SIGNED_LEAD) are the words stripped from a name (NAME_PREFIX): one vocabulary."""
    assert clean_authors([value], structured=True) == ["Léa Roy"]


@pytest.mark.parametrize("value", [
    "Fondation pour le logement", "Ligue contre le cancer", "Collectif pour le climat", "Friends of the Earth",
])
def test_an_organisation_named_with_a_preposition_and_an_article_keeps_its_words(value):
    """The article after a preposition is the name's (``pour le logement``), not the start of a date (``Léa Roy le 12
    mars``): the name is not cut before it, in a structured value or a visible byline."""
    assert clean_authors([value], structured=True) == [value]
    assert names_from_byline(f"Par {value}") == [value]
    assert names_from_byline(f"Par {value} le 12 mars 2024") == [value]


def test_structured_author_names_keep_their_words():
    assert clean_authors(["Rédaction Web Test Info"], structured=True) == ["Rédaction Web Test Info"]
    assert clean_authors(["Équipe reporter Sports"], structured=True) == ["Équipe reporter Sports"]
    assert clean_authors(["Léa Roy Journaliste"]) == ["Léa Roy"]


@pytest.mark.parametrize("value, names", [
    ("léa roy", ["Léa Roy"]), ("jean de la fontaine", ["Jean de la Fontaine"]),
    ("marie-claire d'arvor", ["Marie-Claire d'Arvor"]),
    ("léa roy et paul martin", ["Léa Roy", "Paul Martin"]),
    ("christian.stadtfeld", []), ("red. ", []), ("admin admin2", []),  # a login, an abbreviation: no name
])
def test_a_structured_author_s_name_typed_in_lower_case_is_a_name(value, names):
    """A site's JSON-LD names its author as its author typed the name (``léa roy``): it named no one; its words are
    capitalised as a name's, its particles left."""
    assert clean_authors([value], structured=True) == names
    assert clean_authors([value]) == []  # in a visible line, words in lower case are no name


def test_one_word_and_host_names_from_structured_data_but_not_cms_accounts():
    assert clean_authors(["franceinfo", "journal.fr", "admin", "webmaster"], structured=True) == [
        "franceinfo", "journal.fr"]
    assert clean_authors(["franceinfo"]) == []
    assert clean_authors(["105092", "#12"], structured=True) == []  # a CMS's number for its author


def _sections(*paragraphs):
    return [{"heading": None, "level": None, "paragraphs": list(paragraphs)}]


def test_signature_at_the_end_of_the_body():
    body = "Le conseil municipal a voté le budget mardi soir, après trois heures de débats animés."
    assert signature_names(_sections(body, "Léa Roy et Paul Martin")) == ["Léa Roy", "Paul Martin"]
    assert signature_names(_sections("Anne de la Tour / AFP", body)) == ["Anne de la Tour", "AFP"]
    assert signature_names(_sections(body, "À suivre demain dans nos colonnes.")) == []
    assert signature_names(_sections(body)) == []


@pytest.mark.parametrize("signature, names", [
    ("Léa Roy, à Lyon", ["Léa Roy"]),
    ("Léa Roy et Paul Martin, en Haute-Savoie", ["Léa Roy", "Paul Martin"]),
    ("Propos recueillis par Léa Roy", ["Léa Roy"]),
    ("Rendez-vous samedi, à Lyon", []),
    ("Léa ROY", ["Léa Roy"]),  # the surname in capitals
    ("Léa ROY et Paul MARTIN", ["Léa Roy", "Paul Martin"]),
    ("— Léa Roy", ["Léa Roy"]),  # after a dash
    ("– Léa Roy, à Lyon", ["Léa Roy"]),
    ("— À suivre", []),
    ("Pedro de la Cruz", ["Pedro de la Cruz"]),  # an article after another particle
    ("Jan van der Berg", ["Jan van der Berg"]),
    ("Vive la République", []),  # an article in lower case after a word: a sentence's, no name's
    ("Pratique", []), ("Renseignements", []), ("Sources", []), ("Contact", []),  # a box's label on its line
    ("Colette", ["Colette"]), ("Nicolas", ["Nicolas"]),  # a first name alone signs
    ("Quelle der Polizeimeldung: Kapo BE", []),
    ("Dr Léa Roy", ["Léa Roy"]), ("Le Pr Léa Roy", ["Léa Roy"]), ("Me Léa Roy, à Paris", ["Léa Roy"]),  # a title
    ("Haoua Tiendrébéogo Lefaso.net", ["Haoua Tiendrébéogo"]),  # the site's address on its line after the name
])
def test_a_signature_after_a_byline_word_or_before_a_place(signature, names):
    body = "Le conseil municipal a voté le budget mardi soir, après trois heures de débats animés."
    assert signature_names(_sections(body, signature)) == names


@pytest.mark.parametrize("signature, names", [
    ("Léa Roy (avec AFP)", ["Léa Roy"]),  # the agency is the record's (agencies), not a co-author
    ("Léa Roy (AFP)", ["Léa Roy"]),  # the journalist of an agency: the agency is the record's too
    ("Léa Roy (source : Le Journal)", ["Léa Roy"]),
    ("Léa Roy pour Le Journal", ["Léa Roy"]),
    ("Léa Roy (avec Paul Martin)", ["Léa Roy", "Paul Martin"]),
    ("Correspondance, Léa Roy", ["Léa Roy"]),  # a local correspondent's label
    ("Léa Roy (correspondante)", ["Léa Roy"]),  # the role after the name, in parentheses
    ("Marc Duval (CLP)", ["Marc Duval"]),  # a regional paper's local correspondent ("correspondant local de presse")
    ("Marc Duval, CLP", ["Marc Duval"]),  # the role, no co-author
    ("Léa Roy – correspondante", ["Léa Roy"]),
    ("Léa Roy (à droite)", []),  # a caption's words, no signature's note
    ("Correspondante : Léa Roy", ["Léa Roy"]),  # the same label, with a colon
    ("Correspondant local : Léa Roy", ["Léa Roy"]),
    ("Rédactrice : Léa Roy", ["Léa Roy"]),
    ("Les élus ont voté pour Le Projet", []),
    ("Cet article a été rédigé par Léa Roy.", ["Léa Roy"]),  # a sentence that signs the text
    ("Cet article a été écrit par Léa Roy et Paul Martin", ["Léa Roy", "Paul Martin"]),
    ("Cet article a été publié par Le Monde le 12 mars.", []),  # where it first appeared: no author
])
def test_a_signature_before_a_note_or_after_a_label(signature, names):
    body = "Le conseil municipal a voté le budget mardi soir, après trois heures de débats animés."
    assert signature_names(_sections(body, signature)) == names


@pytest.mark.parametrize("signature, names", [
    ("La rédaction", ["La rédaction"]), ("LA RÉDACTION", ["La rédaction"]), ("— La Rédaction", ["La rédaction"]),
    ("Par la rédaction", ["La rédaction"]), ("Léa Roy et la rédaction", ["Léa Roy", "La rédaction"]),
    ("Le Maire", []), ("La rédaction vous remercie de votre fidélité.", []),
])
def test_the_newsroom_signs_the_text_as_a_whole(signature, names):
    """``La rédaction`` closing the text signs it, as ``Par la rédaction`` does above it: a role's words alone (``Le
    Maire``) sign nothing."""
    body = "Le conseil municipal a voté le budget mardi soir, après trois heures de débats animés."
    assert signature_names(_sections(body, signature)) == names


@pytest.mark.parametrize("signature, names", [
    ("Léa Roy | 12 mars 2024", ["Léa Roy"]),
    ("Léa Roy et Paul Martin | 12/03/2024 à 10h", ["Léa Roy", "Paul Martin"]),
    ("Paris | 12 mars 2024", []),  # a word alone: a place
    ("La Rochelle, le 12 mars 2024", []),  # a place's dateline
])
def test_a_signature_before_a_bar_and_a_date(signature, names):
    body = "Le conseil municipal a voté le budget mardi soir, après trois heures de débats animés."
    assert signature_names(_sections(signature, body)) == names


@pytest.mark.parametrize("line, names", [
    ("Un texte de Frédéric Zalac, avec les informations de La Presse canadienne", ["Frédéric Zalac"]),
    ("Propos recueillis par Léa Roy, envoyée spéciale à Kiev", ["Léa Roy"]),
    ("Par Léa Roy et Paul Martin, avec AFP", ["Léa Roy", "Paul Martin", "AFP"]),
    ("Par une belle matinée de printemps, Marie Curie est partie pour Varsovie.", []),
    ("Par ailleurs, Léa Roy a indiqué que le budget serait voté.", []),
    ("Un texte de loi adopté par le Sénat prévoit que les communes paient.", []),
])
def test_a_first_or_last_paragraph_opening_as_a_byline_names_its_authors_before_a_note(line, names):
    body = "Le conseil municipal a voté le budget mardi soir, après trois heures de débats animés."
    assert signature_names(_sections(line, body)) == names
    assert signature_names(_sections(body, line)) == names


PARAGRAPHS = "".join(
    f"<p>Paragraphe {n} du compte rendu de la séance, avec assez de mots pour faire un texte suivi.</p>"
    for n in range(4)
)


def extract(head="", byline="", paragraphs=PARAGRAPHS):
    """The record of an article of the site "Le Journal Test" with ``byline`` under its headline."""
    page = article_page(SITE_NAME + head, byline, headline="<h1>Le budget voté</h1>", body=paragraphs)
    return extracted(page, "https://journal-test.example/politique/budget.html")


_RELATED = ("<div><h3>À lire aussi</h3><div><h4><a href='/faits-divers/incendie/'>Incendie rue des Lilas : deux "
            "familles relogées</a></h4><p>Par Marc Dupuis</p><p>Le 3 janvier 2021</p></div></div>")


@pytest.mark.parametrize("parts", [{"after": _RELATED}, {"end": _RELATED + FOOTER}])
def test_another_story_s_byline_after_the_body_names_no_author(parts):
    """A short article without a byline, another story's card after it (a heading, its linked title, its byline):
    the card's ``Par Marc Dupuis`` was the article's byline, the elements after the headline read past the body."""
    record = extracted(article_page(**parts), "https://journal-test.example/politique/budget.html")
    assert (record["authors"], record["byline"]) == ([], None)
    signed = extracted(article_page(body=BODY + "<p>Par Léa Roy</p>", **parts),
                       "https://journal-test.example/politique/budget.html")
    assert signed["authors"] == ["Léa Roy"]  # a signature that ends the body is the article's


@pytest.mark.parametrize("card", [
    _RELATED,  # under a heading that names the box
    "<div><h4><a href='/faits-divers/incendie/'>Incendie rue des Lilas : deux familles relogées</a></h4>"
    "<p>Par Marc Dupuis</p><p>Le 3 janvier 2021</p></div>",  # a card alone: its linked title
])
def test_another_story_s_byline_inside_a_short_body_names_no_author(card):
    """The card of another story inside a short body (a box of links between its paragraphs): its byline was the
    article's, and a signed line of the article's own after it was then read as text."""
    body = BODY[: len(BODY) // 2].rsplit("</p>", 1)[0] + "</p>" + card + "<p>Le texte reprend ici après l'encadré.</p>"
    record = extracted(article_page(body=body), "https://journal-test.example/politique/budget.html")
    assert (record["authors"], record["byline"]) == ([], None)
    signed = extracted(article_page(body=body + "<p>Par Léa Roy</p>"),
                       "https://journal-test.example/politique/budget.html")
    assert signed["authors"] == ["Léa Roy"]


@pytest.mark.parametrize("where", ["header", "headline"])
def test_another_story_s_byline_in_a_box_after_the_headline_names_no_author(where):
    """A box of other stories right after the headline (its sibling, or in the article's ``<header>``): its card's
    ``Par Marc Dupuis`` was the article's byline."""
    parts = {"header": _RELATED} if where == "header" else {"headline": "<h1>Le budget voté</h1>" + _RELATED,
                                                             "header": ""}
    record = extracted(article_page(**parts), "https://journal-test.example/politique/budget.html")
    assert (record["authors"], record["byline"]) == ([], None)


@pytest.mark.parametrize("last", ["Mars", "Lundi", "déc."])
def test_a_month_or_a_weekday_closing_the_text_is_no_signature(last):
    """A trail's last crumb (``… › 2024 › Mars``) at the end of the body, its links dropped: read as the text's
    signature, the month was the article's author, in place of the site's name."""
    record = extracted(article_page(body=BODY + f"<p>{last}</p>"), "https://journal-test.example/politique/budget.html")
    assert record["authors"] == []
    signed = extracted(article_page(body=BODY + "<p>Léa Roy</p>"), "https://journal-test.example/politique/budget.html")
    assert signed["authors"] == ["Léa Roy"]


_INFO_ITEMS = ("<li>Publié le 18 avril 2017</li><li>par Léa Roy</li>"
               "<li>Catégories : <a href='/tag/oiseaux/'>#Oiseaux</a></li>")


@pytest.mark.parametrize("line", [
    f"<ul class='info'>{_INFO_ITEMS}</ul>",
    f"<div><ul class='info'>{_INFO_ITEMS}</ul></div>",  # the list in a wrapper of its own
    f"<div class='meta'><div><ul>{_INFO_ITEMS}</ul></div></div>",
])
def test_the_signed_item_of_a_list_of_details_is_the_byline_however_wrapped(line):
    """A blog's line of details (Over-blog's ``ul.ob-info``) in a ``<div>`` of its own: the wrapper's whole text was
    the byline, and its name ran on into the next item (``Léa Roy Catégories : #Oiseaux``)."""
    record = extract(byline=line)
    assert (record["authors"], record["byline"]) == (["Léa Roy"], "par Léa Roy")


@pytest.mark.parametrize(("first", "byline"), [
    ("<p>Un texte de <strong>Frédéric Zalac</strong> d'<em>Enquête</em></p>", ""),  # the text's opening paragraph
    ("", "<p>Un texte de <strong>Frédéric Zalac</strong> d'<em>Enquête</em></p>"),  # the byline under the headline
])
def test_a_name_set_in_bold_is_the_author_without_the_program_the_text_glues_to_it(first, byline):
    assert extract(byline=byline, paragraphs=first + PARAGRAPHS)["authors"] == ["Frédéric Zalac"]


@pytest.mark.parametrize("line", ["<p>Par <strong>Jean d'Ormesson</strong></p>", "<p>Par Jean d'Ormesson</p>",
                                  "<p>Par <strong>Jean</strong> d'Ormesson</p>"])
def test_a_name_s_particle_stays_in_the_name(line):
    assert extract(byline=line)["authors"] == ["Jean d'Ormesson"]


@pytest.mark.parametrize("signature", ["<p>Léa Roy</p>", "<p>— Léa Roy et Paul Martin</p>", "<p>Léa Roy, à Lyon</p>"])
def test_the_signature_closing_the_text_names_its_authors_and_is_no_part_of_the_text(signature):
    record = extract(paragraphs=PARAGRAPHS + signature)
    assert record["authors"][0] == "Léa Roy"
    assert [paragraph for section in record["sections"] for paragraph in section["paragraphs"]][-1].startswith(
        "Paragraphe 3 du compte rendu")  # the text's own last paragraph
    assert extract(paragraphs=PARAGRAPHS + "<p>Merci à tous.</p>")["sections"][-1]["paragraphs"][-1] == "Merci à tous."
    assert extract(paragraphs=PARAGRAPHS + "<p>Fin</p>")["authors"] == []  # the text's end mark, no signature


@pytest.mark.parametrize("credit", ["Photos Paul Martin", "Photo Paul Martin", "Crédit photo Paul Martin",
                                    "Illustration Paul Martin", "Image Paul Martin"])
def test_a_photo_s_credit_closing_the_text_is_no_signature_nor_a_paragraph(credit):
    """A photo's label before names without a colon (``Photos Paul Martin``): the label was read as a first name, the
    line as the text's signature, and ``Photos Paul Martin`` was its author. Like ``Photo : Paul Martin``, it is a
    credit: no author, no line of the text."""
    record = extract(paragraphs=PARAGRAPHS + f"<p>{credit}</p>")
    assert record["authors"] == []
    assert not any("Paul Martin" in paragraph for section in record["sections"] for paragraph in section["paragraphs"])
    kept = extract(paragraphs=PARAGRAPHS + "<p>Photo de famille</p>")  # the label before words of the text
    assert kept["sections"][-1]["paragraphs"][-1] == "Photo de famille"


@pytest.mark.parametrize("signature", ["Texte Léa Roy", "Textes Léa Roy", "Texte et photos Léa Roy"])
def test_a_magazine_s_text_credit_without_its_colon_signs_the_text(signature):
    """``Texte Léa Roy`` closing the text (a magazine's credits, its colon left out): ``Texte Léa Roy`` was the
    author."""
    record = extract(paragraphs=PARAGRAPHS + f"<p>{signature}</p>")
    assert record["authors"] == ["Léa Roy"]
    assert not any("Léa Roy" in paragraph for section in record["sections"] for paragraph in section["paragraphs"])
    assert extract(paragraphs=PARAGRAPHS + "<p>Texte intégral</p>")["authors"] == []


@pytest.mark.parametrize("line", ["Texte Léa Roy", "Texte et photos Léa Roy"])
def test_a_magazine_s_text_credit_without_its_colon_under_the_headline_is_the_byline(line):
    record = extract(byline=f"<p>{line}</p>")
    assert (record["byline"], record["authors"]) == (line, ["Léa Roy"])
    assert extract(byline="<p>Texte Intégral</p>")["authors"] == []  # one word after the label: no name


def test_a_signature_in_bold_over_its_role_on_the_next_line_is_no_part_of_the_text():
    """``<b>Léa Roy</b><br>Correspondante``: the line in bold alone is a line of its own (06a5a48), but the two lines
    are the byline, left out of the text whole."""
    record = extract(paragraphs=PARAGRAPHS + "<p><strong>Léa Roy</strong><br>Correspondante</p>")
    assert record["authors"] == ["Léa Roy"]
    assert not any("Léa Roy" in paragraph or paragraph == "Correspondante"
                   for section in record["sections"] for paragraph in section["paragraphs"])
    assert all(section["heading"] != "Léa Roy" for section in record["sections"])


def test_signature_names_the_authors_when_only_the_site_is_named():
    head = '<meta name="author" content="Le Journal Test">'
    record = extract(head, paragraphs=PARAGRAPHS + "<p><strong>Léa Roy</strong></p>")
    assert record["authors"] == ["Léa Roy"]
    assert extract(head)["authors"] == ["Le Journal Test"]


def test_the_body_s_opening_byline_names_the_authors_when_nothing_else_does():
    opening = "<p>Un texte de <strong>Léa Roy</strong>, avec les informations de l'Agence France-Presse</p>"
    assert extract(paragraphs=opening + PARAGRAPHS)["authors"] == ["Léa Roy"]


def test_the_name_of_the_domain_of_a_subdomain_is_the_site_s_name():
    # ici.radio-canada.ca, sport.journal.fr: a byline naming the domain names the site, not an author
    page = article_page("", "<p class='signature'>Radio-Canada</p>", headline="<h1>Le budget voté</h1>",
                        body="<p>Un texte de <strong>Léa Roy</strong></p>" + PARAGRAPHS)
    assert extracted(page, "https://ici.radio-canada.ca/nouvelle/1234/budget")["authors"] == ["Léa Roy"]
    assert extracted(page, "https://ici.autre-diffuseur.ca/nouvelle/1234/budget")["authors"] == ["Radio-Canada"]
    page = article_page("", "<p class='signature'>BBC</p>", headline="<h1>Le budget voté</h1>",
                        body="<p>Un texte de <strong>Léa Roy</strong></p>" + PARAGRAPHS)
    assert extracted(page, "https://news.bbc.co.uk/1/hi/world/1234.stm")["authors"] == ["Léa Roy"]


@pytest.mark.parametrize("line, names", [
    ("Rédigé par Léa Roy le 12 mars 2025", ["Léa Roy"]),
    ("Écrit par Léa Roy", ["Léa Roy"]),
    ("Un article de Léa Roy", ["Léa Roy"]),
    ("Texte : Léa Roy / Photos : Paul Martin", ["Léa Roy"]),
    ("Textes : Léa Roy – Photos : Paul Martin", ["Léa Roy"]), ("Textes et photos : Léa Roy", ["Léa Roy"]),
    ("Rédaction : Léa Roy", ["Léa Roy"]),
    ("Rédaction web : Léa Roy", ["Léa Roy"]), ("Sujet TV: Léa Roy", ["Léa Roy"]),  # a broadcaster's web page
    ("Sujet radio: Léa Roy Adaptation web: Paul Martin", ["Léa Roy", "Paul Martin"]),  # RTS's, one label a line
    ("Sujet radio : Léa Roy, adaptation web : Paul Martin", ["Léa Roy", "Paul Martin"]),
    ("De notre correspondant à Lyon, Paul Martin", ["Paul Martin"]),
    ("Auteur : Léa Roy", ["Léa Roy"]),
    ("Auteurs : Léa Roy et Paul Martin", ["Léa Roy", "Paul Martin"]),
    ("Auteur(s) : Léa Roy", ["Léa Roy"]),
    ("Publié le 12 mars 2025 par Léa Roy", ["Léa Roy"]),  # the date between the label and the names
    ("Léa Roy | Publié le 12/03/2025", ["Léa Roy"]),  # names before a bar and the dates
    ("Léa Roy et Paul Martin | 12 mars 2025", ["Léa Roy", "Paul Martin"]),
    ("12 mars 2025 par Léa Roy", ["Léa Roy"]), ("Le 12/03/2025 — par Léa Roy et Paul Martin", ["Léa Roy", "Paul Martin"]),
    ("mercredi 12 mars 2025 par Léa Roy", ["Léa Roy"]),  # the date opening with its weekday, or its month (Sitefinity's
    ("mars 12, 2025, 17:45 Par Léa Roy", ["Léa Roy"]), ("March 12, 2025 by Léa Roy", ["Léa Roy"]),  # news widget)
    ("Rédigé par la rédaction", ["La rédaction"]), ("Écrit par l'équipe de Trifouilly Infos", ["La rédaction"]),
    ("Publié le 12 mars 2025 par la rédaction", ["La rédaction"]),
    ("Léa Roy • 12 mars 2025", ["Léa Roy"]), ("Léa Roy · Publié le 12/03/2025", ["Léa Roy"]),  # a theme's bullet
    ("Léa Roy — 12 mars 2025 à 10h05", ["Léa Roy"]), ("Léa Roy et Paul Martin – 12/03/2025", ["Léa Roy", "Paul Martin"]),
    ("Léa Roy, publié le 12 mars 2025", ["Léa Roy"]),  # names before a comma and labelled dates only
    ("Léa Roy - Mis en ligne le 12/03/2025 à 10h05", ["Léa Roy"]),
    ("Mis en ligne le 12/03/2025 à 10h par Léa Roy et Paul Martin", ["Léa Roy", "Paul Martin"]),
    ("Publié par Léa Roy le 12 mars 2025 à 14h30", ["Léa Roy"]),
    ("Article rédigé par Léa Roy", ["Léa Roy"]),
    ("Article rédigé par : Léa Roy", ["Léa Roy"]), ("Écrit par : Léa Roy", ["Léa Roy"]),  # a colon after "par"
    ("Reportage de Léa Roy", ["Léa Roy"]),
    ("Une enquête de Léa Roy", ["Léa Roy"]),
    ("Written by Ana Sandoiu", ["Ana Sandoiu"]),
    ("Posted on September 3, 2024 by Léa Roy", ["Léa Roy"]),  # a theme's English wording on a French site
    ("Publié il y a 2 jours par Léa Roy", ["Léa Roy"]), ("Publié hier à 18h05 par Léa Roy", ["Léa Roy"]),
    ("Mis en ligne aujourd'hui à 10h05 par la rédaction", ["La rédaction"]),
    ("Par Léa Roy, avec les informations de La Presse canadienne.", ["Léa Roy"]),  # a sentence's end, names first
    ("Propos recueillis par Léa Roy, journaliste au service politique de la rédaction.", ["Léa Roy"]),
    ("Présenté par Léa Roy", ["Léa Roy"]),  # a programme's host
    ("Proposé par Léa Roy", ["Léa Roy"]), ("Article proposé par Léa Roy", ["Léa Roy"]),  # an association's site
    ("Envoyé par Léa Roy le 12 mars 2025", ["Léa Roy"]),  # a forum's or an old blog's post
    ("Une émission de Léa Roy", ["Léa Roy"]), ("Un podcast de Léa Roy et Paul Martin", ["Léa Roy", "Paul Martin"]),
    ("Une vidéo de Léa Roy", ["Léa Roy"]),
    ("Une émission présentée par Léa Roy", ["Léa Roy"]), ("Un podcast animé par Léa Roy", ["Léa Roy"]),
    ("Un documentaire réalisé par Léa Roy et Paul Martin", ["Léa Roy", "Paul Martin"]),
    ("Une chronique signée Léa Roy", ["Léa Roy"]),
    ("Léa Roy, envoyée spéciale à Kiev", ["Léa Roy"]), ("Léa Roy, correspondante", ["Léa Roy"]),
    ("Léa Roy et Paul Martin, envoyés spéciaux à Gaza", ["Léa Roy", "Paul Martin"]),
    ("Léa Roy avec AFP", ["Léa Roy", "AFP"]), ("Léa Roy (avec l'AFP)", ["Léa Roy"]),  # as "Par" would read them
    ("La rédaction avec AFP", ["La rédaction", "AFP"]),
    ("Léa Roy, avec AFP", ["Léa Roy", "AFP"]), ("La rédaction avec l'AFP", ["La rédaction", "AFP"]),
])
def test_a_byline_line_after_the_headline_that_opens_without_par(line, names):
    record = extract(byline=f"<p>{line}</p>")
    assert (record["byline"], record["authors"]) == (line, names)


@pytest.mark.parametrize("line, names", [
    ("Auteur<br>Léa Roy", ["Léa Roy"]),
    ("<span>Auteure</span><br><span>Léa Roy et Paul Martin</span>", ["Léa Roy", "Paul Martin"]),
    ("Autrice<br/>Léa Roy", ["Léa Roy"]),
])
def test_an_author_s_label_alone_on_its_line_above_the_names(line, names):
    """The label without its colon, the line break in its place."""
    record = extract(byline=f"<p>{line}</p>")
    assert record["authors"] == names
    assert record["byline"].split()[0] in ("Auteur", "Auteure", "Autrice")


@pytest.mark.parametrize("line, byline", [
    ("Léa Roy<br>Journaliste", "Léa Roy Journaliste"),
    ("<strong>Léa Roy</strong><br>Correspondante à Lyon", "Léa Roy Correspondante à Lyon"),
    ("Léa Roy Rédactrice en chef", "Léa Roy Rédactrice en chef"),
])
def test_names_above_a_journalist_s_role_without_a_comma_open_a_byline(line, byline):
    """The role on the line below the names, capitalised, as a comma would part it (``Léa Roy, journaliste``)."""
    record = extract(byline=f"<p>{line}</p>")
    assert (record["byline"], record["authors"]) == (byline, ["Léa Roy"])


@pytest.mark.parametrize("line", [
    "Léa Roy est journaliste.",
    "Léa Roy est journaliste au service politique depuis 2012, après dix ans à Lyon.",
    "Léa Roy est une journaliste indépendante.",
    "Léa Roy était correspondante à Pékin.",
    "Léa Roy a été rédactrice en chef du journal.",
    "Léa Roy is a reporter at the Post.",
])
def test_a_role_a_sentence_says_of_the_names_leaves_the_sentence_s_words_out(line):
    """An author's box under the text says who signs (``Léa Roy est journaliste…``): the names are those before the
    verb, the words between them and the role the sentence's, not a name's (``Léa Roy est``)."""
    assert names_from_byline(line) == ["Léa Roy"]


def test_an_author_s_box_under_the_text_names_the_author_without_the_sentence_s_verb():
    box = "<div class='entry-author'><p>Léa Roy est journaliste au service politique depuis 2012.</p></div>"
    assert extracted(article_page(after=box))["authors"] == ["Léa Roy"]


@pytest.mark.parametrize("line, names", [
    ("Jean de la Fontaine, journaliste", ["Jean de la Fontaine"]),
    ("Jean de la Fontaine journaliste", ["Jean de la Fontaine"]),
    ("Léa Roy et Paul Martin, journalistes", ["Léa Roy", "Paul Martin"]),
])
def test_a_name_s_particles_before_a_role_stay_in_the_name(line, names):
    assert names_from_byline(line) == names


@pytest.mark.parametrize("line", [
    "Présenté par le gouvernement mardi, le projet de loi sur l'énergie a été adopté en première lecture.",
    "Rédigé par des experts indépendants, le rapport pointe les retards du chantier du tramway.",
    "Par ailleurs, le maire a annoncé la construction d'une nouvelle école dans le quartier nord.",
    "Par son vote, le conseil municipal a adopté le budget primitif de la commune pour l'année.",
    "Un reportage de Léa Roy montre le maire devant la mairie, mardi soir, lors du conseil.",
    "Un texte signé par deux cents élus demande au gouvernement de renoncer au projet d'autoroute.",
    "Une émission présentée par Léa Roy a réuni mardi soir les candidats à la mairie de Lyon.",
    "Léa Roy, journaliste, a passé trois semaines dans le Donbass avec les soldats du front.",
    "Emmanuel Macron avec l'AFP à Kiev : le président a rencontré mardi son homologue ukrainien.",
    "Publié par Météo-France le 12 mars, le bulletin place six départements en vigilance orange aux orages.",
    "Par chance, personne n'a été blessé.",  # short, but going on after its comma, and naming no one
    "Par beau temps, on voit le Mont-Blanc",  # without a full stop
    "Auteure Léa Roy présentera son dernier livre à la médiathèque samedi, devant ses lecteurs.",
    "Le Journaliste Paul Martin a écrit un livre sur la commune et ses habitants, paru en mars.",
])
def test_a_sentence_opening_with_a_byline_s_words_is_body_text(line):
    """A byline's "par" is followed by a name (the pattern is case-blind, its capital must not be); a long line ending as
    a sentence whose words name no one, or whose name runs on into a verb, is a sentence of the text."""
    record = extract(paragraphs=f"<p>{line}</p>" + PARAGRAPHS)
    assert (record["byline"], record["authors"]) == (None, [])
    assert line in [paragraph for section in record["sections"] for paragraph in section["paragraphs"]]


# An ad's slots between the headline and the text: blocks of the page's grid, empty until a script fills them.
_AD_SLOTS = "<div class='row'><div class='col-12'></div><div class='col-12'></div></div>" * 30


@pytest.mark.parametrize("line", [
    "<p>Par Léa Roy</p>",
    "<div class='person'><div class='person-info'><span class='person-name'>Par <a href='/perfil/lea-roy'>Léa Roy</a>"
    "</span></div></div>",
])
def test_a_byline_at_the_top_of_the_text_after_an_ad_s_empty_slots(line):
    """Ninety empty blocks between the headline and the text take no place among the elements after the headline
    where its byline is looked for: they show nothing."""
    assert extracted(article_page(header=_AD_SLOTS, body=line + BODY))["authors"] == ["Léa Roy"]


def test_empty_blocks_after_the_headline_are_read_up_to_a_bound():
    """A page of thousands of empty blocks before its text: those read are bounded, and the byline after them is not
    looked for (the page is read, no error)."""
    record = extracted(article_page(header=_AD_SLOTS * 50, body="<p>Par Léa Roy</p>" + BODY))
    assert record["authors"] == [] and record["sections"]


@pytest.mark.parametrize("line, names", [
    ("Von <a href='/autor/knuth'>Johannes Knuth</a>", ["Johannes Knuth"]),
    ("By Matthew Humphries", ["Matthew Humphries"]),
    ("Par <strong>Léa Roy</strong>", ["Léa Roy"]),
])
def test_a_byline_line_in_a_block_after_the_headline_s_own(line, names):
    """The headline alone in its block (``<div class="titre"><h1>…</h1></div>``), the byline in the next one."""
    page = ("<html lang='fr'><head><meta charset='utf-8'></head><body><main><article><div class='titre'><h1>Le budget "
            f"voté</h1></div><div class='x1'><div class='x2'><p>{line}</p></div></div><div class='texte'>{PARAGRAPHS}"
            "</div></article></main></body></html>")
    assert extracted(page)["authors"] == names


@pytest.mark.parametrize("head", ["", jsonld({"@type": "NewsArticle", "headline": "Le budget voté",
                                              "author": {"@type": "Person", "name": "Léa Roy"}})])
def test_a_local_edition_of_the_site_after_the_names_is_no_author(head):
    """France Bleu's bylines name the local station after the journalist (``Par Léa Roy, France Bleu Isère``): the
    site's name and a place, no second author (beside the JSON-LD's author, it made the visible byline a fuller
    list)."""
    site = "<meta property='og:site_name' content='France Bleu'>"
    page = article_page(site + head, "<p class='byline'>Par Léa Roy, France Bleu Isère</p>",
                        headline="<h1>Le budget voté</h1>", body=PARAGRAPHS)
    assert extracted(page, "https://www.francebleu.example/infos/budget")["authors"] == ["Léa Roy"]


@pytest.mark.parametrize(("byline", "names", "text"), [
    # a share bar or a button in the byline's block: no part of the name
    ("<div class='byline'><span class='byline__author'>Léa Roy</span><div class='share'><a href='https://facebook.com/"
     "sharer'>Facebook</a><a href='https://x.com/intent'>X</a></div></div>", ["Léa Roy"], "Léa Roy"),
    ("<div class='article-byline'>Par <a href='/auteur/lea-roy/'>Léa Roy</a><button>Suivre</button></div>",
     ["Léa Roy"], "Par Léa Roy"),
    # a block of details that names no one gives way to the byline element in it
    ("<div class='byline'><time>Il y a 2 heures</time><button>Partager</button><button>Sauvegarder</button>"
     "<div class='byline-author'><span>Léa Roy</span></div></div>", ["Léa Roy"], "Léa Roy"),
    # the authors' elements in a byline's block are no controls; a byline that opens as one stays whole
    ("<div class='byline'>Par <span class='author'>Léa Roy</span> et <span class='author'>Paul Martin</span></div>",
     ["Léa Roy", "Paul Martin"], "Par Léa Roy et Paul Martin"),
    ("<span class='byline'>par <span class='author vcard'><a class='url fn n' href='/author/lea-roy/'>Léa Roy</a>"
     "</span></span>", ["Léa Roy"], "par Léa Roy"),
])
def test_a_byline_s_block_is_read_without_its_controls(byline, names, text):
    record = extract(byline=byline)
    assert (record["authors"], record["byline"]) == (names, text)


@pytest.mark.parametrize("href, names", [
    ("https://substack.com/@juliencaze", ["Julien Cazé"]),
    ("/auteur/julien-caze", ["Julien Cazé"]),
    ("/autor/julien-caze/", ["Julien Cazé"]), ("/autoren/julien-caze-1.176", ["Julien Cazé"]),  # Spanish, German
    ("/chroniqueur/julien-caze/", ["Julien Cazé"]), ("/perfil/713208-julien-caze", ["Julien Cazé"]),
    ("/writer/julien-caze", ["Julien Cazé"]), ("/journalist/julien-caze", ["Julien Cazé"]),  # English
    ("/actualites/", []),  # no author's page
    ("/writers-guide/julien-caze", []),
    ("/autorisations/julien-caze", []),
    ("/?author=3", ["Julien Cazé"]), ("/blog?author=5f1a0b2c", ["Julien Cazé"]),  # WordPress's plain links, Squarespace
    ("/?author_name=julien-caze", ["Julien Cazé"]),
    ("/?p=12&authorized=1", []), ("/blog?category=auteurs", []),
    # SPIP's: its plain addresses, its readable one (/_Nom_), not an article's (spip.php?article12) nor a section's
    ("spip.php?auteur4", ["Julien Cazé"]), ("spip.php?page=auteur&id_auteur=4", ["Julien Cazé"]),
    ("/_Julien-Caze_", ["Julien Cazé"]), ("spip.php?article12", []), ("/-Vie-locale-", []),
    ("spip.php?page=auteur&id_auteur=", []),
])
def test_a_link_to_the_author_s_page_after_the_headline_names_the_author(href, names):
    page = ("<html lang='fr'><head><meta charset='utf-8'></head><body><main><article><div class='titre'><h1>Le budget "
            f"voté</h1></div><div class='meta'><div><a href='{href}'>Julien Cazé</a></div><div>12 sept. 2023</div>"
            f"</div><div class='texte'>{PARAGRAPHS}</div></article></main></body></html>")
    assert extracted(page)["authors"] == names


def test_an_avatar_s_initials_linked_to_the_author_s_page_are_no_name():
    page = ("<html lang='fr'><head><meta charset='utf-8'></head><body><main><article><div class='titre'><h1>Le budget "
            "voté</h1></div><div class='avatars'><a href='/author/julien-caze-118'>JC</a></div>"
            f"<div class='texte'>{PARAGRAPHS}</div></article></main></body></html>")
    assert extracted(page)["authors"] == []


@pytest.mark.parametrize("line", ["Vie locale | 12 mars 2025", "Politique | Économie", "Léa Roy | Journaliste"])
def test_a_line_with_a_bar_is_a_byline_only_before_dates(line):
    assert extract(byline=f"<p>{line}</p>")["authors"] == []


@pytest.mark.parametrize("line", ["Léa Roy • Journaliste", "Léa Roy - 12/03/2025", "Léa Roy • 4 min de lecture",
                                  "12 mars 2025 par ailleurs le conseil a voté le budget de la commune.",
                                  "Publié hier par la mairie, le texte fixe les horaires des écoles de la commune.",
                                  "Présenté par la rédaction, le projet de loi prévoit trois mesures pour les communes."])
def test_a_line_that_opens_as_a_byline_in_another_way_names_no_author(line):
    assert extract(byline=f"<p>{line}</p>")["authors"] == []  # a hyphen is no separator: it joins compound names


@pytest.mark.parametrize("href", ["/category/faits-divers/", "/rubrique/faits-divers/", "/tag/faits-divers/"])
@pytest.mark.parametrize("separator", ["|", "•"])
def test_a_category_s_link_before_the_date_is_no_byline(href, separator):
    record = extract(byline=f'<p class="meta"><a href="{href}">Faits Divers</a> {separator} 12 mars 2025</p>')
    assert (record["byline"], record["authors"]) == (None, [])


@pytest.mark.parametrize("line", [
    "Texte adopté en première lecture par l'Assemblée",
    "La Rochelle, le 12 mars 2025",  # a place's dateline: no date's label
    "La Rochelle - 12/03/2025",
    "Léa Roy, publiée le 12 mars 2025 aux éditions du Seuil, raconte son enfance.",  # a sentence
])
def test_a_line_after_the_headline_that_names_no_author_is_no_byline(line):
    record = extract(byline=f"<p>{line}</p>")
    assert (record["byline"], record["authors"]) == (None, [])


def test_byline_pieces_in_separate_elements_are_spaced():
    byline = ('<div data-testid="article-byline"><span>Par</span><a href="/a/roy">Léa Roy</a>'
              '<span>et</span><a href="/a/petit">Hugo Petit</a></div>')
    record = extract(byline=byline)
    assert record["byline"] == "Par Léa Roy et Hugo Petit"
    assert record["authors"] == ["Léa Roy", "Hugo Petit"]


def test_a_byline_line_keeps_no_separator_at_its_ends():
    byline = ('<div class="post-author-name"><div class="author-by">Par</div> <a href="/author/lroy/">Léa Roy</a>'
              '<div class="author-line"> - </div></div>')
    record = extract(byline=byline)
    assert (record["byline"], record["authors"]) == ("Par Léa Roy", ["Léa Roy"])


@pytest.mark.parametrize("author", [
    "<span class='byline post-author vcard'><span class='post-author-label'>de</span> <span class='fn'><a "
    "class='g-profile' href='https://www.blogger.com/profile/0661' rel='author'><span>Léa Roy</span></a></span></span>",
    "",  # no author shown
])
def test_blogger_s_labels_line_classed_as_a_byline_names_no_author(author):
    """Blogger's 2017 themes class the post's labels ``byline post-labels`` as they class its author's line: the
    labels were the byline and, without the author's line, its authors (``Libellés Chantiers Lavoirs``)."""
    labels = ("<span class='byline post-labels'><span class='byline-label'>Libellés</span> <a rel='tag' "
              "href='https://blog.example/search/label/Chantiers'>Chantiers</a> <a rel='tag' "
              "href='https://blog.example/search/label/Lavoirs'>Lavoirs</a></span>")
    record = extract(byline=f"<div class='post-header'>{author}</div><div class='post-footer'>{labels}</div>")
    assert (record["byline"], record["authors"]) == (("Léa Roy", ["Léa Roy"]) if author else (None, []))


@pytest.mark.parametrize("label", ["Équipe", "Laboratoire", "Partenaires"])
def test_a_field_s_label_closing_the_text_signs_nothing(label):
    """A lab's Drupal news item ends with its fields, the label on a line of its own (``Équipe``) and the value a link:
    the label, one capitalised word, read as a signature, was the author."""
    field = (f"<div class='field field--name-field-equipe field--label-inline'><div class='field__label'>{label}</div>"
             "<div class='field__item'><a href='/fr/equipes/paleo'>Paléoenvironnements</a></div></div>")
    assert extract(paragraphs=PARAGRAPHS + field)["authors"] == []


def test_the_author_s_box_closing_the_text_is_no_section_of_it():
    """YOOtheme prints the author's box after the post, in the same <article> as its text, without a class that says
    so: an avatar, the name in an <h4>, a biography; it was the text's last section."""
    box = ("<hr><div class='uk-grid-medium'><div><img class='avatar' src='https://secure.gravatar.com/avatar/9c1e?s=96'>"
           "</div><div><h4 class='uk-margin-small-bottom'>Léa Roy</h4><div>Chargée de communication à la mairie, Léa Roy "
           "coordonne le site et le bulletin municipal.</div></div></div>")
    byline = "<p class='uk-article-meta'>Écrit par <a href='/author/lroy/'>Léa Roy</a> le 14 mai 2024.</p>"
    record = extract(byline=byline, paragraphs=PARAGRAPHS + box)
    assert record["authors"] == ["Léa Roy"]
    assert [section["heading"] for section in record["sections"]] == [None]
    other = extract(byline=byline, paragraphs=PARAGRAPHS + box.replace("<h4 class='uk-margin-small-bottom'>Léa Roy",
                                                                      "<h4 class='uk-margin-small-bottom'>Paul Martin"))
    assert [section["heading"] for section in other["sections"]] == [None, "Paul Martin"]  # another's name: the text's


def test_joomla_s_created_by_line_is_the_byline():
    details = ("<dl class='article-info'><dt class='article-info-term'>Détails</dt><dd class='createdby'>Écrit par "
               "Léa Roy</dd><dd class='hits'>Affichages : 231</dd></dl>")
    page = (f"<html><head><title>Le budget voté</title></head><body><main><div class='item-page'><div class='page-header'>"
            f"<h2>Le budget voté</h2></div>{details}<div>{PARAGRAPHS}</div></div></main></body></html>")
    record = extracted(page, "https://journal-test.example/politique/budget.html")
    assert (record["byline"], record["authors"]) == ("Écrit par Léa Roy", ["Léa Roy"])


@pytest.mark.parametrize("submitted", [
    "Soumis par <span class='username'>Léa Roy</span> le mar, 12/03/2024 - 10:05",  # Drupal's, in French
    "Submitted by <span class='username'>Léa Roy</span> on Tue, 12/03/2024 - 10:05",
])
def test_drupal_s_submitted_line_is_the_byline(submitted):
    page = (f"<html><head><title>Le budget voté</title></head><body><main><article class='node'><h1>Le budget voté</h1>"
            f"<div class='meta submitted'>{submitted}</div><div class='content'>{PARAGRAPHS}</div></article></main>"
            "</body></html>")
    record = extracted(page, "https://journal-test.example/politique/budget")
    assert (record["byline"], record["authors"]) == (re.sub("<[^>]+>", "", submitted), ["Léa Roy"])
    # a site's account, not a person: no author
    account = page.replace("Léa Roy", "service.communication")
    assert extracted(account, "https://journal-test.example/politique/budget")["authors"] == []


def test_a_byline_in_another_story_s_card_is_not_the_article_s():
    """A list of related stories under the article: each card's element classed an author holds its section's link
    (``<div class="article-grouper-author"><span><a>Salarios</a></span></div>``) or its own author."""
    cards = "".join(f"<article class='card'><h2><a href='/autre-{n}'>Une autre histoire du jour, numéro {n}</a></h2>"
                    f"<div class='article-author'><a href='/salaires'>Salaires</a></div></article>" for n in range(3))
    page = article_page(SITE_NAME, headline="<h1>Le budget voté</h1>", body=PARAGRAPHS,
                        end=f"<section class='plus'>{cards}</section>")
    assert extracted(page, "https://journal-test.example/politique/budget.html")["authors"] == []
    own = article_page(SITE_NAME, "<div class='article-author'>Par Léa Roy</div>", headline="<h1>Le budget voté</h1>",
                       body=PARAGRAPHS, end=f"<section class='plus'>{cards}</section>")
    assert extracted(own, "https://journal-test.example/politique/budget.html")["authors"] == ["Léa Roy"]


def test_the_byline_in_the_headline_s_header_outranks_a_story_s_card_above_it_in_plain_blocks():
    """An old page's strip of other stories above the article, in ``<div>``s and links rather than ``<nav>`` and
    ``<article>``: the first card's author (``div.article__author-name``) was the article's, before the byline under
    the headline (both classed an author: the first in the page was read)."""
    cards = "".join(f"<a class='teaser' href='/autre-{n}/'><p>Une autre histoire du jour, numéro {n}</p>"
                    f"<div class='article__author-name'>Paul Martin</div></a>" for n in range(2))
    fillers = "".join(f"<div><a href='/rubrique-{n}/'>Rubrique {n}</a></div>" for n in range(45))
    page = article_page(SITE_NAME, "<p class='meta__author'>Par Léa Roy</p>",
                        headline="<h1>Le budget voté</h1>", body=PARAGRAPHS, before=f"<div>{cards}{fillers}</div>")
    record = extracted(page, "https://journal-test.example/politique/budget.html")
    assert (record["byline"], record["authors"]) == ("Par Léa Roy", ["Léa Roy"])


def test_byline_in_the_article_s_own_aside_is_read_but_not_in_a_sidebar():
    details = ('<aside class="article-meta"><p class="article-meta__author">Par <span>Léa Roy</span></p>'
               "<p>Publié le <span>18/06/2014</span> à 17h02</p></aside>")
    assert extract(paragraphs=f'<div class="content">{details}{PARAGRAPHS}</div>')["authors"] == ["Léa Roy"]
    sidebar = '<aside class="sidebar"><p class="author">Par Léa Roy</p></aside>'
    assert extract(paragraphs=f'<div class="content">{sidebar}{PARAGRAPHS}</div>')["authors"] == []


def test_the_article_s_details_in_an_aside_of_its_header_are_read_whatever_its_class():
    """Ghost's Headline sets the author and the date in ``aside.gh-article-sidebar`` beside the headline, in the
    article's header: as a sidebar's, the page had no author and its date was an image's folder's."""
    aside = ("<aside class='gh-article-sidebar'><div class='gh-author-name-list'><h4 class='gh-author-name'><a "
             "href='/author/elodie/'>Élodie Marchand</a></h4></div><div class='gh-article-meta'><time "
             "class='gh-article-date' datetime='2024-05-22'>22 mai 2024</time></div></aside>")
    record = extracted(article_page(header=aside), "https://journal-test.example/politique/budget/")
    assert (record["authors"], record["published"]) == (["Élodie Marchand"], "2024-05-22")
    sidebar = aside.replace("<time", "<p>Par Léa Roy</p><time")
    record = extracted(article_page(before=sidebar), "https://journal-test.example/politique/budget/")
    assert (record["authors"], record["published"]) == ([], None)


@pytest.mark.parametrize("quote", [
    # the DSFR's quotation (French government sites)
    "<figure class='fr-quote'><blockquote><p>« Chaque geste compte : la ressource est fragile. »</p></blockquote>"
    "<figcaption><p class='fr-quote__author'>Le préfet de la Haute-Brenne</p></figcaption></figure>",
    "<blockquote><p>« Chaque geste compte : la ressource est fragile. »</p><p class='quote-author'>Le préfet de la "
    "Haute-Brenne</p></blockquote>",
])
def test_the_author_of_a_quotation_in_the_text_is_no_byline(quote):
    record = extract(paragraphs=PARAGRAPHS + quote)
    assert (record["byline"], record["authors"]) == (None, [])


def test_joomla_s_author_line_under_the_headline_outranks_an_author_box_after_the_text():
    """Joomla's ``dd.createdby`` (``Écrit par Julien Marchal``) ranked below a template's author box after the text,
    classed ``author-wrap``: its biography gave the author ``Secrétaire``."""
    details = "<dl class='article-info'><dd class='createdby'>Écrit par <span>Julien Marchal</span></dd></dl>"
    box = ("<div class='author-wrap'><div class='author-body'><h3 class='author-name'>Julien Marchal</h3><p "
           "class='author-description'>Secrétaire du club et correspondant presse, Julien suit les courses.</p></div>"
           "</div>")
    record = extract(byline=details, paragraphs=PARAGRAPHS + box)
    assert (record["byline"], record["authors"]) == ("Écrit par Julien Marchal", ["Julien Marchal"])


def test_a_byline_word_alone_leaves_the_name_to_the_next_byline_element():
    byline = ('<ul class="article-meta"><li class="article-author prefix"><p>Par</p></li>'
              '<li class="article-author"><span class="label">Léa Roy</span></li></ul>')
    record = extract(paragraphs=f'<div class="content">{byline}{PARAGRAPHS}</div>')
    assert (record["byline"], record["authors"]) == ("Léa Roy", ["Léa Roy"])


@pytest.mark.parametrize("byline, text, names", [
    ("<p class='byline'>Par <a class='auteur' href='/auteur/lea-roy'>Léa Roy</a> "
     "<a class='auteur' href='/auteur/paul-martin'>Paul Martin</a></p>", "Par Léa Roy, Paul Martin",
     ["Léa Roy", "Paul Martin"]),
    ("<div class='article-byline'><div class='origins'><span class='name'>Léa Roy</span> "
     "<span class='name'>Paul Martin</span> <span class='name'>Anne Morel</span></div></div>",
     "Léa Roy, Paul Martin, Anne Morel", ["Léa Roy", "Paul Martin", "Anne Morel"]),
    # Drupal 7's field of authors: its label, then its items classed in turn "even" and "odd"
    ("<div class='field field-name-field-auteurs field-label-inline'><div class='field-label'>Auteurs:&nbsp;</div><div "
     "class='field-items'><div class='field-item even'>Léa Roy</div><div class='field-item odd'>Paul Martin</div>"
     "</div></div>", "Auteurs: Léa Roy, Paul Martin", ["Léa Roy", "Paul Martin"]),
])
def test_names_listed_in_elements_of_their_own_are_separate_authors(byline, text, names):
    record = extract(byline=byline)
    assert (record["byline"], record["authors"]) == (text, names)


@pytest.mark.parametrize("signers", [
    "<span class='author'>Léa Roy</span> et <span class='author'>Paul Martin</span>",
    "<span class='vcard author'><span class='fn'>Léa Roy</span></span>, "
    "<span class='vcard author'><span class='fn'>Paul Martin</span></span>",
    "<span itemprop='author'>Léa Roy</span> &amp; <span itemprop='author'>Paul Martin</span>",
])
def test_co_signers_each_in_an_element_classed_as_an_author_sign_together(signers):
    """WordPress's co-authors: one element classed as the author for each, joined by ``et`` or a comma in an unclassed
    line. The first was the byline, and on a page without an author's link or metadata, the only author."""
    record = extract(byline=f"<p>Par {signers}</p>")
    assert record["authors"] == ["Léa Roy", "Paul Martin"]
    assert record["byline"].startswith("Par Léa Roy") and record["byline"].endswith("Paul Martin")


@pytest.mark.parametrize("line, byline", [
    ("<p>Par <span class='author'>Léa Roy</span> le 12 mars 2024</p>", "Léa Roy"),  # one author, then its date
    ("<p>Par <span class='author'>Léa Roy</span> et <span class='date'>le 12 mars 2024</span></p>", "Léa Roy"),
    ("<p>Lire <span class='author'>Léa Roy</span> sur <span class='author'>son blog</span></p>", "Léa Roy"),
])
def test_an_author_element_beside_other_words_or_elements_signs_alone(line, byline):
    assert extract(byline=line)["byline"] == byline


@pytest.mark.parametrize("byline", [
    "<p class='byline'>Par Léa Roy Le Journal Test</p>",
    "<p class='byline'><span class='auteur'>Léa Roy</span><span class='source'>Le Journal Test</span></p>",
    "<p class='byline'><span class='name'>Léa Roy</span> <span class='name'>Le Journal Test</span></p>",
])
def test_the_site_s_name_glued_after_the_author_s_is_no_part_of_it(byline):
    assert extract(byline=byline)["authors"] == ["Léa Roy"]
    assert extract(byline="<p class='byline'>Par Le Journal Test</p>")["authors"] == ["Le Journal Test"]


def test_the_newsroom_before_the_site_s_name_keeps_no_article_of_it():
    """``Rédaction Le Journal Test – 12 mars 2024``: the site's name cut after the newsroom's label left its article,
    and the author was ``Rédaction Le``."""
    assert extract(byline="<p>Rédaction Le Journal Test – 12 mars 2024</p>")["authors"] == ["Rédaction"]


@pytest.mark.parametrize("byline", [
    "<p class='byline'>Le Journal Test Léa Roy.</p>",
    "<p class='byline'><span class='source'>Le Journal Test</span> <span class='auteur'>Léa Roy</span></p>",
])
def test_the_site_s_name_before_a_first_name_and_a_name_is_no_part_of_it(byline):
    assert extract(byline=byline)["authors"] == ["Léa Roy"]


@pytest.mark.parametrize("byline", ["Article rédigé par franceinfo - Léa Roy - Radio France", "Par franceinfo - Léa Roy"])
def test_a_brand_in_lower_case_before_a_dash_opens_the_names(byline):
    assert names_from_byline(byline) == ["Léa Roy"]


def test_byline_inside_a_page_builder_list_is_read():
    byline = ('<ul class="elementor-icon-list-items"><li class="elementor-icon-list-item">'
              '<span class="elementor-icon-list-text elementor-post-info__item--type-author">Par Léa Roy</span>'
              "</li></ul>")
    assert extract(byline=byline)["authors"] == ["Léa Roy"]


@pytest.mark.parametrize("byline, names", [
    ("Par Léa Roy, Professeure de chimie, Université de Lille", ["Léa Roy"]),
    ("Léa Roy, Maîtresse de conférences en histoire, Université Paris Cité et Paul Martin, Chercheur au CNRS",
     ["Léa Roy", "Paul Martin"]),
    ("Leah C. Stokes Assistant professor of political science at UC Santa Barbara", ["Leah C. Stokes"]),
    ("By Houston Mitchell Assistant Sports Editor Follow", ["Houston Mitchell"]),
    ("By Jon King, News Reporter", ["Jon King"]),
])
def test_an_author_s_title_and_institution_are_no_names(byline, names):
    """The Conversation's bylines name the author's title and university; English titles open with their kind."""
    assert names_from_byline(byline) == names


def test_an_institution_given_as_the_author_by_structured_data_stays():
    assert clean_authors(["Institut Pasteur"], structured=True) == ["Institut Pasteur"]


def test_the_authors_of_the_stories_recirculated_under_the_article_are_not_its_own():
    recirc = ("<div class='recirc-story'><a href='/b'>Une autre histoire</a><div class='recirc-story__author'>Par "
              "<a href='/auteur/paul-martin/' rel='author'>Paul Martin</a></div></div>")
    page = article_page("", "<p>Par <a rel='author' href='/auteur/lea-roy/'>Léa Roy</a></p>", after=recirc)
    assert extracted(page)["authors"] == ["Léa Roy"]


@pytest.mark.parametrize("signature, names", [
    ("Le Maire, Jean-Paul Chabert", ["Jean-Paul Chabert"]),
    ("Jean Roux, président", ["Jean Roux"]),
    ("La présidente, Marie Roux", ["Marie Roux"]),
    ("Bruno Le Maire", ["Bruno Le Maire"]),  # a name that ends like a role stays whole
])
def test_a_notice_s_signature_names_its_signer_not_the_role(signature, names):
    sections = [{"heading": None, "paragraphs": ["Un paragraphe du texte, assez long pour être du texte suivi.", signature]}]
    assert signature_names(sections) == names


def test_a_microformats_author_card_is_a_byline_the_site_title_linked_rel_author_is_none():
    """Jekyll's minima: the site's title in the header is a link rel="author" to the home page; the post's author is
    an h-card (microformats2: not an author's "card" box)."""
    header = ("<header class='site-header'><a class='site-title' rel='author' href='/'>Notes de Lucie</a><nav>"
              "<a class='page-link' href='/a-propos/'>À propos</a></nav></header>")
    meta = "<p class='post-meta'><time>15 mars 2020</time> • <span class='p-author h-card'>Lucie Garnier</span></p>"
    page = (f"<html><head><title>La médiathèque | Notes de Lucie</title></head><body>{header}<main><article>"
            f"<h1>La médiathèque</h1>{meta}<div class='post-content'>{PARAGRAPHS}</div></article></main></body></html>")
    record = extracted(page, "https://notes-de-lucie.example/2020/03/15/mediatheque.html")
    assert (record["byline"], record["authors"]) == ("Lucie Garnier", ["Lucie Garnier"])
    alone = page.replace(meta, "")
    assert extracted(alone, "https://notes-de-lucie.example/2020/03/15/mediatheque.html")["authors"] == []


@pytest.mark.parametrize("address", [
    # Telegraph's header: the author's link and the time, a comment between them, no space
    "<address><a rel='author' href='https://lucie.example/'>Lucie Garnier</a><!-- --><time datetime='2024-04-18'>"
    "April 18, 2024</time></address>",
    "<address><span>Lucie Garnier</span><time datetime='2024-04-18'>18 avril 2024</time></address>",
])
def test_the_pieces_of_an_address_or_a_rel_author_line_are_apart(address):
    """An ``<address>``'s or an author link's line read as one text glued the name to the date shown after it
    (``Lucie GarnierApril``)."""
    page = (f"<html><head><title>La médiathèque</title></head><body><main><article><header><h1>La médiathèque</h1>"
            f"{address}</header><div class='post-content'>{PARAGRAPHS}</div></article></main></body></html>")
    assert extracted(page, "https://notes.example/la-mediatheque")["authors"] == ["Lucie Garnier"]


def test_a_photographer_s_rel_author_link_after_a_photo_s_label_is_no_author():
    """Les Jours credits each contributor with a ``rel="author"`` link: ``<li>Texte <a>…</a></li><li>Photos
    <a>…</a></li>``; the photographer was an author."""
    credits = ("<ul class='credits'><li>Texte <a rel='author' href='/auteurs/bastien-lorieux'>Bastien Lorieux</a></li>"
               "<li>Photos <a rel='author' href='/auteurs/camille-roux'>Camille Roux</a></li></ul>")
    page = (f"<html><head><title>L'épisode</title></head><body><main><article><h1>L'épisode</h1>{credits}"
            f"<div class='texte'>{PARAGRAPHS}</div></article></main></body></html>")
    assert extracted(page, "https://lesjours.example/obsessions/un-episode/")["authors"] == ["Bastien Lorieux"]


def test_a_framer_layer_named_author_is_a_byline():
    """Framer's CMS pages name their elements only by the design's layers (``data-framer-name="Author"``), their
    classes generated (``framer-1ui0e3v``): the author's name under its avatar was missed."""
    author = ("<div class='framer-8z1b4n' data-framer-name='Author'><div class='framer-1s0k2d9' "
              "data-framer-name='Avatar'><img src='/images/Vn3tQ8.jpg' alt=''></div><div class='framer-1ui0e3v' "
              "data-framer-name='Name'><p class='framer-text'>Chloé Martinon</p></div></div>")
    page = (f"<html><head><title>La recyclerie</title></head><body><main><div data-framer-name='Title'><h1>La "
            f"recyclerie</h1></div>{author}<div data-framer-name='Content'>{PARAGRAPHS}</div></main></body></html>")
    assert extracted(page, "https://filature.example/blog/la-recyclerie")["authors"] == ["Chloé Martinon"]


def test_a_blog_post_s_footer_line_posted_by_names_its_author():
    """Canalblog's post: 'Posté par X à 18:04' in the post's footer (div.article's own), the only such line."""
    post = ("<div class='article'><h2 class='articletitle'>Randonnée au lac</h2><div class='articlebody'>"
            f"{PARAGRAPHS}</div><p class='itemfooter'>Posté par Martine Gidel à <a href='#'>18:04</a> - <a href='/s'>"
            "Sancy</a> - <a href='#c'>Commentaires [2]</a></p></div>")
    page = f"<html><head><title>Randonnée au lac - Les balades</title></head><body><div class='blogbody'>{post}</div></body></html>"
    record = extracted(page, "https://balades.blog.example/archives/2016/04/03/33612345.html")
    assert (record["byline"], record["authors"]) == ("Posté par Martine Gidel", ["Martine Gidel"])
    two = page.replace("</div></body>", post.replace("Martine Gidel", "Paul Roy") + "</div></body>")
    assert extracted(two, "https://balades.blog.example/archives/2016/04/03/33612345.html")["authors"] == []


def test_the_footer_of_an_element_classed_article_is_the_article_s():
    """TYPO3's news detail: div.article > div.footer holds the date, the category and the byline."""
    footer = "<div class='footer'><p><span class='news-list-author'>par Service communication</span></p></div>"
    page = (f"<html><head><title>Collecte des déchets</title></head><body><div class='news news-single'><div class="
            f"'article'><div class='header'><h1>Collecte des déchets</h1></div>{footer}<div class='news-text-wrap'>"
            f"{PARAGRAPHS}</div></div></div></body></html>")
    record = extracted(page, "https://cc-exemple.example/actualites/collecte-des-dechets")
    assert (record["byline"], record["authors"]) == ("par Service communication", ["Service communication"])


@pytest.mark.parametrize("author, byline, names", [
    ({"@type": "Person", "name": "Léa Roy"}, "Par Léa Roy et Paul Martin", ["Léa Roy", "Paul Martin"]),
    ({"@type": "Person", "name": "Rédaction"}, "Par Léa Roy", ["Léa Roy"]),  # a newsroom's label: no person
    ({"@type": "Organization", "name": "AFP"}, "Par Léa Roy avec AFP", ["Léa Roy", "AFP"]),
    ({"@type": "Person", "name": "Léa Roy"}, "Par Léa Roy avec AFP", ["Léa Roy"]),  # the agency: `agencies`
    ({"@type": "Person", "name": "Léa Roy"}, "Par Paul Martin", ["Léa Roy"]),  # another name: the metadata's
    ({"@type": "Person", "name": "Rédaction"}, "Par la rédaction", ["Rédaction"]),
    # a word alone (a CMS's login, a first name, the short name of the title that published the text first)
    ({"@type": "Person", "name": "lroy"}, "Par Léa Roy", ["Léa Roy"]),
    ({"@type": "Person", "name": "Léa"}, "Par Léa Roy", ["Léa Roy"]),
    ({"@type": "Organization", "name": "Grist"}, "Par Léa Roy", ["Léa Roy"]),
    ({"@type": "Person", "name": "Plantu"}, "Par Plantu", ["Plantu"]),  # the byline names no more
    ({"@type": "Person", "name": "新間"}, "Par Léa Roy", ["新間"]),  # a name written without spaces
])
def test_a_visible_byline_naming_every_author_of_the_metadata_and_more_people_gives_the_authors(author, byline, names):
    head = SITE_NAME + jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "author": author})
    assert extracted(article_page(head, f"<p class='byline'>{byline}</p>"))["authors"] == names



def test_a_byline_of_links_to_authors_pages_names_each_link():
    """Names in links side by side, each beside its portrait, set apart by the page's style only, then the time: the text
    of their block reads as one name (``Léa Roy Paul Martin``)."""
    def author(slug: str, name: str) -> str:
        return (f"<a class='post_article_author_item' href='/authors/{slug}/'><span class='post_author_media'>"
                f"<img src='/{slug}.jpg' alt=''></span><span class='post_author_name'>{name}</span></a>")

    byline = (f"<div class='post_article_author'>{author('lea-roy', 'Léa Roy')}{author('paul-martin', 'Paul Martin')}"
              "<span class='post_time'>12 mars, 17:46</span></div>")
    assert extract(byline=byline)["authors"] == ["Léa Roy", "Paul Martin"]


def test_an_author_s_box_after_the_text_names_its_author_once():
    """A ``rel="author"`` link holding the name and the title in blocks of their own, and a link to the author's other
    stories: the name, without the title glued to it nor the pointer's words."""
    box = ("<div class='author-bio'><a href='/author/lea-roy/' rel='author'><h2>Léa Roy</h2><p>Staff Writer</p></a>"
           "<a href='/author/lea-roy/' rel='author'>More by Léa Roy</a></div>")
    assert extract(paragraphs=PARAGRAPHS + box)["authors"] == ["Léa Roy"]


def test_an_author_box_s_link_to_the_archives_is_no_name_the_byline_s_is():
    """Twenty Twenty's author box links ``rel="author"`` as ``Voir les archives →``; the byline's link has no rel: the
    words of the box's link were the author."""
    box = ("<div class='author-bio'><h2 class='author-title'>Thomas Giraud</h2><a class='author-link' "
           "href='/author/tgiraud/' rel='author'>Voir les archives <span aria-hidden='true'>→</span></a></div>")
    record = extract(byline="<span class='meta-text'>Par <a href='/author/tgiraud/'>Thomas Giraud</a></span>",
                     paragraphs=PARAGRAPHS + box)
    assert record["authors"] == ["Thomas Giraud"]


def test_an_author_s_given_name_alone_beside_the_whole_name_is_the_same_person():
    """Largo's author box links to the author's other stories by the given name (``Plus d’articles de Nina``)."""
    box = ("<div class='author-box'><a href='/author/nferrand/' rel='author'>Plus d’articles de Nina</a></div>")
    record = extract(byline="<p>Par <a href='/author/nferrand/' rel='author'>Nina Ferrand</a></p>",
                     paragraphs=PARAGRAPHS + box)
    assert record["authors"] == ["Nina Ferrand"]
    assert clean_authors(["Nina", "Nina Ferrand", "Paul"]) == ["Nina Ferrand", "Paul"]


def test_a_name_before_another_role_than_a_journalist_s_is_no_byline():
    """Under an interview's headline, the person it speaks to: ``Jean Dupont, directeur de l'école``."""
    record = extract(byline="<p>Jean Dupont, directeur de l'école Jules-Ferry</p>")
    assert (record["byline"], record["authors"]) == (None, [])


def test_a_site_builder_s_user_name_in_the_post_header_is_the_byline():
    """Wix names a post's author ``<span data-hook="user-name" class="… user-name">``; a class that merely holds the
    words (``username-field``) names none."""
    record = extract(byline="<div><span class='tQ0Q1A user-name'>Léa Roy</span><span>12 mars 2024</span></div>")
    assert (record["byline"], record["authors"]) == ("Léa Roy", ["Léa Roy"])
    assert extract(byline="<div><span class='username-field'>Léa Roy</span></div>")["authors"] == []


def test_a_section_left_without_paragraphs_by_the_signature_goes_with_it():
    text = "Le conseil municipal a voté le budget de la commune mardi soir, à la majorité des élus présents."
    sections = [{"heading": None, "level": None, "paragraphs": [text]},
                {"heading": "Un vote serré", "level": 2, "paragraphs": ["Léa Roy"]}]
    assert without_signature(sections) == sections[:1]
    opening = [{"heading": None, "level": None, "paragraphs": ["Léa Roy", text]}]
    assert without_signature(opening) == [{"heading": None, "level": None, "paragraphs": [text]}]
    assert without_signature(sections[:1]) == sections[:1]


@pytest.mark.parametrize("icon", ["<i class='fa fa-user'></i>", "<i class='fas fa-user-circle'></i>",
                                  "<span class='dashicons dashicons-admin-users'></span>", "<i class='bi bi-person'></i>"])
def test_a_name_after_an_author_s_icon_in_a_line_of_details_is_the_byline(icon):
    byline = (f"<div class='post-meta'><span>{icon} Léa Roy</span> <span><i class='fa fa-calendar'></i> 12 mars 2025"
              "</span></div>")
    record = extract(byline=byline)
    assert (record["byline"], record["authors"]) == ("Léa Roy", ["Léa Roy"])


@pytest.mark.parametrize("headline", ["<div class='titre'>Le titre visible</div>", "<p><b>Le titre visible</b></p>"])
def test_an_author_s_icon_under_a_title_in_no_heading_opens_the_byline(headline):
    """A title shown in a ``<div>`` or a ``<p>`` is no element the index lists by tag: the icon's distance from it is
    counted from where it lies among all the elements."""
    page = article_page("<title>Le titre visible</title>", "<div><span><i class='fa fa-user'></i> Léa Roy</span></div>",
                        headline=headline)
    assert extracted(page)["authors"] == ["Léa Roy"]


def test_an_author_s_icon_after_an_ad_s_empty_slots_opens_the_byline():
    """Forty empty blocks of an ad's slots (120 elements) between the headline and the line of details take no place
    among the elements after the headline where an author's icon is looked for."""
    slots = "<div class='row'><div class='col-12'></div><div class='col-12'></div></div>" * 40
    record = extracted(article_page(header=slots + "<div><span><i class='fa fa-user'></i> Léa Roy</span></div>"))
    assert record["authors"] == ["Léa Roy"]


@pytest.mark.parametrize("line", [
    "<div class='compte'><a href='/connexion'><i class='fa fa-user'></i> Mon Compte</a></div>",  # an account's link
    "<div><span><i class='fa fa-user'></i> 3 commentaires</span></div>",
])
def test_an_author_s_icon_before_no_name_is_no_byline(line):
    assert extract(byline=line)["authors"] == []


@pytest.mark.parametrize(("head", "authors"), [
    # Dublin Core's and Highwire's surname first
    ("<meta name='dc.creator' content='Roy, Léa'>", ["Léa Roy"]),
    ("<meta name='DC.creator' content='Roy, Léa'><meta name='DC.creator' content='Martin, Paul'>",
     ["Léa Roy", "Paul Martin"]),
    ("<meta name='citation_author' content='de La Tour, Marie-Ève'>", ["Marie-Ève de La Tour"]),
    ("<meta name='dc.creator' content='Léa Roy, Paul Martin'>", ["Léa Roy", "Paul Martin"]),  # two people
    ("<meta name='author' content='Léa Roy, Paul Martin'>", ["Léa Roy", "Paul Martin"]),
    # an address without its scheme (Yoast's article:author) is no one's name; a role after a slash is no name
    ("<meta property='article:author' content='facebook.com/lea.roy'>", []),
    ("<meta property='article:author' content='Léa Roy / Journalist'>", ["Léa Roy"]),
])
def test_meta_authors_written_surname_first_as_an_address_or_with_a_role(head, authors):
    assert extract(head)["authors"] == authors


def test_a_cms_login_as_the_meta_author_yields_to_the_visible_byline():
    assert extract("<meta name='author' content='lroy'>", "<p>Par Léa Roy</p>")["authors"] == ["Léa Roy"]


@pytest.mark.parametrize("buttons", ["WhatsApp", "Facebook Twitter WhatsApp", "LinkedIn"])
def test_share_buttons_closing_the_text_are_no_signature(buttons):
    """A share button's label alone on the text's last line signed it: its author was WhatsApp."""
    assert extract(paragraphs=PARAGRAPHS + f"<p>{buttons}</p>")["authors"] == []


@pytest.mark.parametrize("line", ["Par: Léa Roy", "Par - Léa Roy", "— Par Léa Roy —", "Par Léa Roy ● 12 mars 2024",
                                  "By: Léa Roy"])
def test_a_byline_word_with_its_colon_unspaced_a_dash_or_a_bullet(line):
    """``Par: Léa Roy`` (the colon without French spacing) was no byline, ``Par - Léa Roy`` named no one, ``Par Léa Roy
    ● 12 mars 2024`` named ``Léa Roy ●``."""
    assert extract(byline=f"<p>{line}</p>")["authors"] == ["Léa Roy"]


@pytest.mark.parametrize("line", ["Paris - Le maire a voté le budget", "Par-delà les montagnes, le village s'éveille"])
def test_a_word_opening_with_par_is_no_byline(line):
    assert extract(byline=f"<p>{line}</p>")["byline"] is None


@pytest.mark.parametrize("line", ["Par Léa Roy<br>Avec Paul Martin", "Par Léa Roy Et Paul Martin"])
def test_a_conjunction_with_its_capital_parts_the_names(line):
    """``Par Léa Roy<br>Avec Paul Martin``, the co-author on a line of their own: one name, ``Léa Roy Avec Paul
    Martin``."""
    assert extract(byline=f"<p>{line}</p>")["authors"] == ["Léa Roy", "Paul Martin"]
    assert extract(byline="<p>Par Marc Y</p>")["authors"] == ["Marc Y"]  # an initial, no conjunction
