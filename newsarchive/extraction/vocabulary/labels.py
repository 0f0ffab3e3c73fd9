"""French and English wording that pages show around an article: byline words, category, copyright and tag labels,
paywall notices, photo-credit labels and the names of news and photo agencies (German, Spanish and other forms where
news templates commonly use them); the furniture inside the text has its own (:mod:`.furniture_wording`)."""

from __future__ import annotations

import re

# --- bylines (heuristics.py, authors.py, furniture_lines.py) ----------------------------------------------------------
# The word before an author's name: "Par Jean Dupont", "By Sara", "von Anna Weber".
BYLINE_WORDS = ("par", "by", "von", "por", "door")  # every match of BYLINE_LEAD and BYLINE_WORD holds one
# The words that join two names ("Léa Roy et Paul Martin", "avec", "and", "und", "og"…), read case-blind ("Avec Paul
# Martin" on its own line): the names' reader splits on them, a signature's reader passes over them, and one left at the
# end of the names once what follows them is cut goes ("Léa Roy et publié depuis Overblog…").
NAME_JOINS = r"et|and|und|og|och|avec|with|mit"
# (its colon or a dash after it, French spacing or not: "Par : Léa Roy", "Par: Léa Roy", "Par - Léa Roy"; a dash before
# the line: "— Par Léa Roy —")
_AFTER_BYLINE_WORD = r"(?:\s*[:–—-])?\s+"
BYLINE_LEAD = re.compile(rf"^[\s–—-]*(?:{'|'.join(BYLINE_WORDS)}){_AFTER_BYLINE_WORD}\S", re.IGNORECASE)
# "par"/"by" before a name anywhere in a line ("Article rédigé par Léa Roy", "Texte et photos par …").
BYLINE_WORD = re.compile(rf"(?:^|\s)(?:{'|'.join(BYLINE_WORDS)}){_AFTER_BYLINE_WORD}(?=\S)", re.IGNORECASE)
_CAPITAL = r"(?-i:[A-ZÀ-ÖØ-Ý])"  # a name's capital, whatever the case-blindness of the pattern around it
# Who signs after "par": a name's capital, or the site's newsroom ("la rédaction", "l'équipe de Trifouilly Infos")
_SIGNER = rf"(?:{_CAPITAL}|la\s+rédaction\b|l['’]équipe\s+d)"
# A whole short line that is a byline (Italian "di" too): furniture inside the text.
# (its names, a capital first, or the newsroom: "Par beau temps, on voit le Mont-Blanc" is a line of the text)
BYLINE_LINE = re.compile(
    rf"^(?:par|by|von|por|di|door)\s+(?:{_SIGNER}|notre|nos|the\s)[^.!?:]*$", re.IGNORECASE
)
# "De notre envoyé spécial à Kiev", "notre correspondante permanente".
CORRESPONDENT = (
    r"(?:de\s+)?(?:notre|nos|votre)\s+(?:envoy[ée]e?s?|correspondante?s?|reporters?)"
    r"(?:\s+(?:sp[ée]ci(?:ale?s?|aux)|permanente?s?|r[ée]gionale?s?))?"
    r"(?:\s+(?:à|a|au|aux|en|dans)\s+(?:[^,:]{1,40}[,:]|\S+))?"
)
# What signs a text before its author's name, besides a bare "par": a verb before "par" ("Rédigé par", "Propos
# recueillis par") and a noun before "de" or "par" ("Un article de", "Un texte par"). NAME_PREFIX strips them from a
# name, SIGNED_LEAD finds a byline opening with them.
# "Présenté par": a programme's host; "Soumis par": Drupal's "Submitted by" in French
_SIGNING_VERBS = r"rédigée?|écrite?|propos recueillis|présentée?|soumise?|proposée?|envoyée?"
_SIGNING_SENTENCE = r"cet\s+article\s+a\s+été\s+(?:rédigé|écrit)"  # "… par Léa Roy.", closing the text
# Opinion pieces are signed by their kind: "Une tribune de", "Chronique de", "Tribune" above the names; an interview by
# its own: "Entretien avec Jacques Testart" (Reporterre's JSON-LD author), "Un entretien de Léa Roy".
_GENRES = r"tribune|chronique|billet|éditorial|édito|point de vue|reportage|enquête|entretien|interview"
# Radio, TV and podcast pages sign theirs after an article: "Une émission de", "Un podcast de", "Une vidéo de".
_PROGRAMMES = r"émission|podcast|vidéo|documentaire"
_SIGNED_WORKS = rf"un article|un texte|texte|une?\s+(?:{_GENRES}|{_PROGRAMMES})|{_GENRES}"
# How a work names its author or host: "Une émission présentée par", "Un documentaire réalisé par", "Une chronique
# signée Léa Roy".
_WORK_SIGNED = r"de|signée?|(?:présentée?|animée?|racontée?|réalisée?)\s+par"
# A label and a colon before the names: "Texte :", "Textes et photos :", "Rédaction :", "Reportage :", "Auteur :"; a
# broadcaster's web page's "Sujet radio :", "Adaptation web :" (RTS's), "Rédaction web :".
_AUTHOR_LABEL = (
    r"(?:textes?(?:\s+et\s+photos?)?|rédaction(?:\s+web)?|reportage|journalistes?|auteur(?:e|s|es|\((?:e|s|es)\))?|"
    r"autrice|authors?|correspondante?s?(?:\s+locale?s?)?|rédact(?:eur|rice)s?|sujets?\s+(?:radio|tv|tj|télé|vidéo)|"
    r"(?:adaptation|édition)\s+web)(?:\s+de\s+l['’]article)?\s*:"
)
# ... inside a line of credits, after names: "Sujet radio: Léa Roy Adaptation web: Paul Martin" (a line each, joined).
AUTHOR_LABEL_INSIDE = re.compile(rf"\s+{_AUTHOR_LABEL}\s*", re.IGNORECASE)
# A magazine's credits' label without its colon, before a name of two words at least: "Texte Léa Roy", "Texte et
# photos Léa Roy" ("Texte Intégral" names no one).
_TEXT_LABEL = rf"textes?(?:\s+et\s+photos?)?(?=\s+{_CAPITAL}\S*\s+{_CAPITAL})"
# Words before the names of a byline: "Propos recueillis par", "Texte :", "Auteure", "De la rédaction".
NAME_PREFIX = re.compile(
    rf"^(?:(?:publiée?|postée?|{_SIGNING_VERBS}|{_SIGNING_SENTENCE}|mis en ligne|{_SIGNED_WORKS}|posted|written|"
    rf"published|reported|submitted|edited|photos?)\s+(?:par|by)|(?:{_SIGNED_WORKS})\s+(?:{_WORK_SIGNED})|"
    rf"{CORRESPONDENT}|{_AUTHOR_LABEL}|{_TEXT_LABEL}|"
    rf"par|by|von|por|door|di|av|avec|auteur|auteure|autrice|auteurs|author|authors|autor|autorin|{_GENRES}|"
    r"signé|signed|de la rédaction|"
    # a link to the author's other stories: "More by Léa Roy", "Tous les articles de Léa Roy"
    r"more\s+(?:stories\s+|articles\s+|posts\s+)?(?:by|from)|(?:voir\s+)?(?:tous\s+)?les\s+articles\s+de|"
    r"plus\s+d['’]articles\s+de)(?:\b|(?<=[,:]))\s*[:\-–—,]?\s*",
    re.IGNORECASE,
)
# The verbs of a post's signed line, with its date before the name or after it ("Publié le 12 mars par Léa Roy", a blog
# post's footer's "Posté par Léa Roy le 12/03/2024 à 10:05": post_footer.py).
_POSTING_VERBS = r"publiée?|postée?|mise?\s+en\s+ligne|écrite?"
POSTING_VERB = re.compile(rf"{_POSTING_VERBS}|rédigée?", re.IGNORECASE)
POST_SIGNATURE = re.compile(
    rf"^(?:article\s+|billet\s+)?(?:{_POSTING_VERBS}|rédigée?)\s+(?:le\s+[^|]{{4,40}}?\s+)?par\s+{_CAPITAL}",
    re.IGNORECASE,
)
# A line that opens by naming its author without "par" first, or with a verb before it: "Rédigé par", "Publié par
# Léa Roy" (a blog's post), "Un article de", "Texte :", "Rédaction :", "De notre correspondant à Lyon, …" (a byline
# after the headline, besides BYLINE_LEAD's "Par …"). A name's capital (or the newsroom) after "par": "Présenté par le
# gouvernement mardi, le projet…" opens a sentence.
SIGNED_LEAD = re.compile(
    rf"^(?:(?:article\s+)?(?:{_SIGNING_VERBS}|publiée?|mise?\s+en\s+ligne)\s+par(?:\s*:)?\s+{_SIGNER}|"  # "par :"
    # (a blog post's footer, "Posté par Léa Roy à 18:04", is read by its own reader: post_footer.py)
    rf"postée?\s+par\s+{_CAPITAL}(?![^|\n\d]{{0,80}}?\s(?:à|a)\s+\d)|"
    rf"{_SIGNING_SENTENCE}\s+par\s+{_CAPITAL}|"
    # "… le 12 mars par X", "… il y a 2 jours par X", "… hier à 18h par X"
    rf"(?:{_POSTING_VERBS})\s+(?:le\s+[^|]{{4,40}}?|(?:il\s+y\s+a|avant-hier|hier|aujourd['’]hui)[^|]{{0,30}}?)"
    rf"\s+par\s+{_SIGNER}|"
    r"(?:written|posted|reported|submitted)\s+by\s+\S|"
    rf"(?:posted|published)\s+on\s+[^|]{{4,40}}?\s+by\s+{_CAPITAL}|"  # an English theme's "Posted on … by X"
    rf"(?:{_SIGNED_WORKS})\s+(?:par|{_WORK_SIGNED})\s+\S|{_AUTHOR_LABEL}\s*\S|"
    rf"(?:auteur(?:e|s|es)?|autrice)\s+{_CAPITAL}|{_TEXT_LABEL}|"  # no colon: "Auteur<br>Léa Roy", "Texte Léa Roy"
    rf"{CORRESPONDENT}\s*,?\s*[^\W\d_])",
    re.IGNORECASE,
)
# The role after a name: "Prénom Nom, journaliste", "Léa Roy Rédactrice en chef".
# (an academic's title too, as The Conversation signs its authors: "Léa Roy, Professeure de chimie, Université de
# Lille"; and the words before an English title: "Assistant Sports Editor", "News Reporter")
# (NEWSROOM_ROLES, a journalist's own, name the author without "par" first: "Léa Roy, envoyée spéciale à Kiev")
NEWSROOM_ROLES = (  # "CLP": a regional paper's "correspondant local de presse"
    r"journaliste|photojournaliste|rédact(?:eur|rice)s?(?:\s+en\s+chef)?|correspondante?s?|clp|"
    r"envoyée?s?\s+spéci(?:al|aux)\w*|grand(?:e)?s?\s+reporters?|reporter|chroniqueu(?:r|se)|éditorialiste|pigiste"
)
ROLES = (
    rf"{NEWSROOM_ROLES}|photographe|"
    r"directeur|directrice|(?<!en\s)chef(?:fe)?s?|secrétaire\s+de\s+rédaction|"
    r"présentat(?:eur|rice)|stagiaire|chargée?s?\s+(?:de|d['’])|responsables?|"  # a think tank's, an association's
    r"professeure?s?|ma[îi]tre(?:sse)?s? de conférences|(?:enseignante?s?-)?chercheu(?:r|se)s?|doctorante?s?|"
    r"(?:(?:assistant|associate|senior|deputy|managing|executive|contributing|sports|political|business|news|"
    r"staff)\s+){0,3}(?:editor|writer|reporter|correspondent|contributor|columnist|professor|lecturer|researcher|"
    r"journalist|photographer)"
)

# The label of a box of practical information or of sources that may end a text, set on a line of its own
# ("Pratique", "Renseignements", "Sources"), or of a field a CMS writes after the text (Drupal's "Équipe", "Auteurs"
# of a lab's news item, its value apart): no one's name, though a single capitalised word may sign a text.
BOX_LABEL = re.compile(
    r"(?:infos?\s+)?pratiques?|renseignements?|contacts?|sources?|programmes?|tarifs?|horaires?|agenda|rep[èe]res|"
    r"inscriptions?|r[ée]servations?|acc[èe]s|adresses?|infos?|informations?|bibliographie|notes?|r[ée]f[ée]rences|"
    r"[ée]quipes?|laboratoires?|partenaires?|auteur(?:e|s|es)?|th[ée]matiques?",
    re.IGNORECASE,
)

# --- category (taxonomy.py, breadcrumbs.py) ----------------------------------------------------------------------
# The label before a link to the article's category: "Publié dans <a>", "Catégorie : <a>", "Classé sous : <a>" (a
# French theme's), "Posted in <a>" (not "Filed under", which English sites write before their tags).
# ("… le 3 septembre 2024 dans", "… à 10h05 dans": a theme's line that dates the post, then files it; "Dans la
# rubrique <a>", "… dans la catégorie <a>")
_IN_THE_SECTION = r"dans\s+la\s+(?:rubrique|cat[ée]gorie)"
_CATEGORY_LABEL_WORDS = (
    r"(?:publiée?|classée?|rangée?|postée?)\s+dans|classée?\s+sous\s*:|cat[ée]gories?\s*:|rubriques?\s*:|posted\s+in|"
    r"(?<![^\W\d_])dans\s*:|"  # Corse-Matin's "Dans : <a>Culture</a>"
    rf"{_IN_THE_SECTION}|"
    r"(?<!\d)(?:\d{4}|\d{1,2}\s*[h:]\s*\d{2})\s+dans"
)
CATEGORY_LABEL = re.compile(rf"(?:{_CATEGORY_LABEL_WORDS})\s*:?\s*$", re.IGNORECASE)
# A label that names the category outright ("Catégories :", "Rubrique :"), not only files the page ("Classé sous :")
NAMED_CATEGORY_LABEL = re.compile(r"(?:cat[ée]gories?|rubriques?)\s*:\s*$", re.IGNORECASE)
# A line that writes the category after its label without a link: "Catégorie : Société", "Rubrique : Vie locale",
# "Classé dans : Politique, Société" (the first one), "Dans la rubrique Société". "Publié dans" is left out: "Publié
# dans Ouest-France le 12 mars" names the paper a text first appeared in.
WRITTEN_CATEGORY = re.compile(
    rf"^(?:(?:cat[ée]gories?|rubriques?|class[ée]e?\s+(?:dans|sous))\s*:|{_IN_THE_SECTION}\s*:?)\s*"
    rf"(?P<name>{_CAPITAL}[^,;|.!?]{{0,40}}?)"
    r"\s*(?:$|[,;|])",
    re.IGNORECASE,
)
# A line that files the post ("Publié dans Politique locale", "Catégories : Politique, Société"): names after the
# label, no sentence ("Publié dans Le Monde en 2019, le texte a fait date." ends as one).
CATEGORY_LINE = re.compile(rf"^(?:{_CATEGORY_LABEL_WORDS})\s*:?\s*{_CAPITAL}[^.!?]{{0,60}}$", re.IGNORECASE)

# The label that opens a breadcrumb written without a class above the headline: "Vous êtes ici : <a>Accueil</a> > …"
TRAIL_LABEL = re.compile(r"^\s*(?:vous\s+[êe]tes\s+ici|you\s+are\s+here)\s*:", re.IGNORECASE)
# A trail written without a class nor a label opens with the home page, then a trail's separator: "Accueil > Vie
# locale > …", "Accueil » Société", "Home / News" (a menu parts its items by bars or nothing: "Accueil | Contact").
TRAIL_OPENING = re.compile(r"^\s*(?:accueil|page d['’]accueil|home)\s*(?:>|»|›|→|/|::)\s*\S", re.IGNORECASE)

# --- copyright (copyright.py) -----------------------------------------------------------------------------------
# The site maker's credit that ends a copyright line: "– Conçu par <a>Agence</a>", ". Créé avec Wix.com",
# "powered by", the theme's ("Thème : ColorMag par ThemeGrill", "WordPress Theme by …")
# (not one followed by the rights, "© 2023 Powered by Minute Media - Alle Rechte vorbehalten", nor by a "©"), and its
# labels ("Création : <a>Agence</a>", "Conception et réalisation :").
_MAKER_LABEL = r"(?:conception|cr[ée]ation|r[ée]alisation|web\s?design|d[ée]veloppement|h[ée]bergement)"
_MAKER_VERBS = (
    r"(?:con[çc]u|r[ée]alis[ée]|propuls[ée]|d[ée]velopp[ée]|cr[ée]{2}|h[ée]berg[ée]|construit|produit|"
    r"designed|developed|powered|built|made|created|hosted|proudly\s+powered)e?"
)
_SITE_MAKER_WORDS = (  # (two verbs: "Designed and Developed by PenciDesign", Soledad's footer)
    rf"(?:(?:site\s+)?(?:fièrement\s+)?{_MAKER_VERBS}(?:\s+(?:et|and|&)\s+{_MAKER_VERBS})?"
    r"\s+(?:par|by|avec|with|sur|on)\b|"
    r"(?:wordpress\s+)?th[èe]me(?:\s+wordpress)?\s*:?\s+(?:[^.|·•©]{1,40}?\s)?(?:par|by)\b|"
    # a label before the maker's name, or left alone when the name, a link, is taken out: "Création : <a>Agence</a>"
    rf"{_MAKER_LABEL}(?:\s+(?:et|&)\s+{_MAKER_LABEL})?(?:\s+(?:du\s+)?site(?:\s+web)?)?\s*(?::|$))"
)
SITE_MAKER_CREDIT = re.compile(  # (with a slash before it: Silverstripe's "© 2025 X / Propulsé par Silverstripe")
    r"(?:\s*/\s*)?(?:^|(?<=[\s.|·•–—/-]))" + _SITE_MAKER_WORDS + r"(?:(?!\s[|·•–—-]\s|©).)*$", re.IGNORECASE
)
# A line that opens with the maker's credit: its mark is the maker's ("Site réalisé par WebAgence © 2024"), unless a
# name follows the mark ("Propulsé par WordPress © 2024 Le Journal").
SITE_MAKER_OPENING = re.compile(r"\W*" + _SITE_MAKER_WORDS, re.IGNORECASE)

# The items of a footer's menu, written in the copyright's line between separators ("© 2024 Le Journal — Mentions
# légales — Plan du site — Contact"): no part of the copyright.
FOOTER_MENU_ITEM = re.compile(
    r"\W*(?:mentions? l[ée]gales?|cgu|cgv|conditions g[ée]n[ée]rales(?: d['’]utilisation| de vente)?|"
    r"politique de confidentialit[ée]|(?:protection des |vos )?donn[ée]es personnelles|vie priv[ée]e|"
    r"(?:gestion|param[èe]tres|pr[ée]f[ée]rences|politique) (?:des |de )?cookies|cookies|plan du site|"
    r"contact(?:ez-nous)?|nous contacter|accessibilit[ée](?: ?: ?[\w ]{1,30})?|qui sommes-nous ?\??|[àa] propos|"
    r"publicit[ée]|annonceurs|rss|flux rss|newsletter|aide|faq|cr[ée]dits|"
    r"legal notice|privacy(?: policy)?|terms(?: of (?:use|service))?|cookie (?:settings|policy)|sitemap|"
    r"contact us|about(?: us)?|imprint|impressum|datenschutz)\W*",
    re.IGNORECASE,
)

# --- tags (tags.py) -------------------------------------------------------------------------------------------
TAG_LABEL = re.compile(
    r"^\W*(?:mots?[- ]cl(?:[ée]s?|efs?)|tags?|sujets?|th[èe]mes?|th[ée]matiques?|[ée]tiquettes?|keywords?|topics?|"
    r"libell[ée]s|labels)"  # (Blogger's labels)
    r"(?:\s+(?:associ[ée]s|li[ée]s|abord[ée]s|trait[ée]s|de l'article|de cet article|related))?\s*:?\s*$",
    re.IGNORECASE,
)
# "Tags : a, b", "Mots-clés associés : a, b", "Thématique : a": a tag list written in the text, opening its line, or
# one of its pieces after a bar or a dot ("Rubrique : Vie locale | Mots-clés : eau, climat").
_TAG_LINE_LABEL = (
    r"(?:tags?|mots?[- ]cl(?:é|e|ef)s?|étiquettes?|thèmes?|th[ée]matiques?|sujets?|keywords?)"
    r"(?:\s+(?:associ[ée]e?s|li[ée]e?s|abord[ée]e?s|trait[ée]e?s|de l['’]article))?\s*:"
)
TAG_LINE = re.compile(rf"^{_TAG_LINE_LABEL}", re.IGNORECASE)
# A line of hashtags alone, two at least ("#budget #écoles #Trifouilly"): the tags of a blog's post, as a social network
# writes them (a whole line: "#MeToo" in a sentence is the text's).
HASHTAG_LINE = re.compile(r"#[^\W\d_][\w-]*(?:\s+#[^\W\d_][\w-]*)+")
TAG_PIECE = re.compile(rf"(?P<separator>[|·•])\s*{_TAG_LINE_LABEL}", re.IGNORECASE)
# Links to more, at the end of a tag list: "Voir tous les sujets", "Alle Themen".
MORE_LINK = re.compile(
    r"^(?:voir|tous|toutes|plus d['’e]|lire|more|all|see|view|mehr|alle|weitere)\b", re.IGNORECASE
)

# --- paywalls (access.py) -------------------------------------------------------------------------------------
# Wording that says the article is for subscribers...
SUBSCRIBER_WORDING = re.compile(
    r"réservée?s? (?:aux|à nos|pour les) abonné(?:e)?s|(?:article|contenu|édition) abonnés?\b|"
    r"exclusivité abonnés|abonnés? premium",
    re.IGNORECASE,
)
# ... and wording that says the rest of it is not on the page.
CUT_WORDING = re.compile(
    r"la suite (?:de cet article |de l['’]article )?est réservée|"
    r"il vous reste \d+(?:[.,]\d+)?\s?% (?:de cet article )?à|"
    r"pour (?:poursuivre|continuer) (?:votre|la) lecture|"
    r"(?:découvrir|lire) la suite|vous n['’]avez pas encore lu|"
    r"(?:accédez|accéder) à l['’]intégralité de (?:cet|l['’]) article",  # "Accédez à l'intégralité de cet article…"
    re.IGNORECASE,
)
# Every form of SUBSCRIBER_WORDING and CUT_WORDING holds one of these (lower-cased): a text without any holds neither.
PAYWALL_WORDING_WORDS = (
    "abonné", "il vous reste", "pour poursuivre", "pour continuer", "la suite", "pas encore lu", "intégralité",
)

# --- credits and agencies (agency.py, credits.py, lead.py) --------------------------------------------------------
#: One name per news agency, and the ways pages write it (plain alternations of words: agency.py joins them).
AGENCIES = {
    "AFP": r"AFP|Agence France[- ]Presse",
    "Reuters": r"Reuters",
    "AP": r"AP|Associated Press",
    "Bloomberg": r"Bloomberg",
    "Belga": r"Belga",
    "ATS": r"Keystone[- ]ATS|ATS",
    "dpa": r"dpa|DPA",
    "ANSA": r"ANSA",
    "EFE": r"EFE",
    "Xinhua": r"Xinhua",
    # the French-speaking world's: Canada's, Morocco's, Algeria's, Tunisia's
    "La Presse canadienne": r"La Presse [Cc]anadienne",
    "QMI": r"Agence QMI|QMI",
    "MAP": r"MAP|Maghreb Arabe Presse",
    "APS": r"APS|Algérie Presse Service",
    "TAP": r"TAP|Tunis Afrique Presse",
}
AGENCY_NAMES = "|".join(AGENCIES.values())  # any of them, as a pattern
# Labels before the source of a text: "Source : Reuters", "Crédits : AFP", "Avec AFP", "D'après l'AFP".
SOURCE_LABELS = r"source|sources|crédit|crédits|credit|avec|d['’]après"
SOURCE_LINE = re.compile(r"\W*sources?\s*:\s*\S", re.IGNORECASE)  # "Source : …" in the text: its source's line
# Articles and prepositions of a site's name, left out to compare it with its host's ("L'Est Républicain" and
# estrepublicain.fr, "Le Journal de Bourg" and journal-bourg.fr).
NAME_LINK_WORDS = re.compile(r"(?<![^\W_])(?:le|la|les|l|de|du|des|d|the|of|et|and)(?![^\W_])", re.IGNORECASE)
# Labels before a photo credit: "Photo : X", "Visuel : X", "Crédit photo", "Bild"; French papers' "Cliché X" and "Ph.
# X"; a picture given ("Photo fournie par la mairie", Québec's "Photo courtoisie"); a drawing's, a graphic's, a
# screenshot's ("Dessin : Plantu", "Infographie Le Journal", "Capture d'écran YouTube"); Euronews' "Droits d'auteur X".
PHOTO_LABELS = (
    r"(?:cr[ée]dits?(?:\s+photos?)?|"
    r"(?:photos?|images?|visuels?)(?:\s+(?:credits?|d['’]\s?(?:archives?|illustration)|archives?|courtoisie|"
    r"(?:fournie|transmise|offerte)s?))?|"
    r"photographie|photograph(?:er)?|fotos?|bild(?:er)?|illustration|source|picture|fotograf[íi]a|foto di|kuva|"
    r"clich[ée]s?|ph\.|dessins?|infographies?|captures?\s+d['’]\s?[ée]cran|droits?\s+d['’]\s?auteur)"
)
# Every form of PHOTO_LABELS holds one of these (lower-cased): a caption without any names no label.
PHOTO_LABEL_WORDS = (
    "crédit", "credit", "photo", "foto", "bild", "image", "illustration", "source", "picture", "kuva", "clich", "ph.",
    "dessin", "infographie", "capture", "droit", "visuel",
)
# Photo agencies, image banks and licences named in credits ("DR", "droits réservés": rights reserved, its author
# unnamed).
PHOTO_AGENCIES = re.compile(
    r"\b(?:AFP|Reuters|AP|Associated Press|Getty(?:\s+Images)?|dpa|EPA|Shutterstock|iStock(?:photo)?|"
    r"Maxppp|MAXPPP|SIPA|Sipa|Abaca(?:press)?|Hans Lucas|Keystone|ANSA|Bloomberg|imago(?:\s+images)?|"
    r"[Pp]icture[- ]alliance|Alamy|Belga|Bestimage|Panoramic|Icon Sport|Xinhua|Unsplash|Pexels|"
    r"Wikimedia(?:\s+Commons)?|Creative Commons|CC BY[\w.\- ]*|DR|[Dd]roits réservés|Photononstop|Leemage|Hemis|"
    r"Andia|Handout|AAP|PA|ZUMA|SOPA|NurPhoto|Anadolu|UPI)\b"
)
# A credit written in a text: "©", "Photo :", "Crédit :".
CREDIT_MARK = re.compile(r"©|\b(?:photo|photograph|crédit|credit|foto|bild)\s*:", re.IGNORECASE)

# --- the page's kind (kind.py) -------------------------------------------------------------------------------------
# The headline of an error's or a notice's page served as a page (a "soft 404"): "Page introuvable", "Erreur 404",
# "Oups ! Cette page n'existe pas", "Site en maintenance", "Accès refusé".
ERROR_PAGE_TITLE = re.compile(
    r"^\W*(?:(?:erreur|error)\s*:?\s*40[34]\b|40[34]\s*(?:$|[-–—:|!.]|(?:error|erreur|not\b|page\b))|"
    r"page\s+(?:introuvable|non\s+trouvée|inexistante|not\s+found)|(?:oups|oops)\W.{0,30}?(?:page|introuvable)|"
    r"(?:cette|la)\s+page\s+(?:n['’]existe\s+(?:pas|plus)|est\s+introuvable)|"
    # a notice alone on its line ("Accès refusé aux migrants" is a story's headline)
    r"(?:site\s+en\s+maintenance|maintenance\s+en\s+cours|not\s+found|accès\s+(?:refusé|interdit)|forbidden)\W*$)",
    re.IGNORECASE,
)
