"""The wording of the furniture inside an article's text, French and English (German, Spanish and other forms where
news templates commonly use them): pointers to other stories, prompts and appeals, a site's own words to its reader,
ad labels, a tool's or a counter's line, the headings of boxes (read by :mod:`newsarchive.extraction.furniture_lines`)."""

from __future__ import annotations

import re

# Lines that point elsewhere rather than tell the story.
POINTER = re.compile(
    r"^\W*(?:[àa] lire (?:aussi|également|egalement)|lire (?:aussi|également|egalement)|"
    r"[àa] voir (?:aussi|également)|voir aussi|sur le même (?:sujet|thème)|vous aimerez (?:aussi|peut-être)|"
    r"(?:ça|cela|ceci) (?:peut|pourrait) vous intéresser|read (?:more|also|next)|see also|also read|"
    r"(?:au )?sommaire(?=\W*$)|table des matières(?=\W*$)|pour aller plus loin(?=\W*$)|"  # alone on their line
    r"you may also like|lesen sie auch|mehr zum thema|siehe auch|auch interessant|le puede interesar|"
    r"te puede interesar|lea también|lee también|vea también|leia (?:também|mais)|leggi anche|"
    r"czytaj (?:też|także|również))\b",
    re.IGNORECASE,
)
# The same words open many real sentences: only a line that is largely a link counts.
LINKED_POINTER = re.compile(
    r"^\W*(?:(?:[àa] )?(?:lire|relire|voir|écouter|regarder|découvrir)|en savoir plus|pour aller plus loin|"
    r"(?:retrouvez |consultez )?(?:tout )?notre dossier|"
    r"read|watch|listen|related|more on)\b",
    re.IGNORECASE,
)
# A line that sends the reader to more of the site's stories, with a link or without ("Retrouvez aussi notre dossier :
# <a>Municipales 2026</a>", "Consultez tous nos articles sur <a>la réforme</a>", "Retrouvez tous nos articles sur la
# vie locale dans notre rubrique."): its words outweigh its link.
ADDRESSED_POINTER = re.compile(
    r"^\W*(?:retrouvez|consultez|(?:re)?découvrez)(?:\s+(?:aussi|également|ici))?\s+(?:(?:tout|tous|toute|toutes)\s+)?"
    r"(?:notre|nos|l['’]ensemble\s+de\s+nos)\s+(?:dossiers?|articles?|infos?|informations|actualités|vidéos|podcasts|"
    r"émissions|reportages|enquêtes|analyses|chroniques|séries|contenus)\b",
    re.IGNORECASE,
)
# Social networks and messaging apps, as share buttons and "follow us" lines name them.
SOCIAL_NETWORKS = (
    r"facebook|instagram|twitter|linkedin|tiktok|youtube|whatsapp|telegram|bluesky|threads|mastodon|pinterest|"
    r"snapchat|reddit|messenger|flipboard"
)
# A question on the article, the site's prompt after its text ("Cet article vous a-t-il plu ?", "Vous avez aimé cet
# article ?")
_ARTICLE_FEEDBACK = (
    r"(?:cet article|ce contenu) vous a(?:-t-il)? (?:plu|été utile|intéressée?)|vous avez (?:aimé|apprécié) cet article"
)
# Prompts to act, at the start of a short line...
PROMPT = re.compile(
    r"^\W*(?:partage[rz]|share (?:this|on)|abonnez-vous|inscrivez-vous|je m['’]abonne|s['’]abonner|subscribe|"
    r"sign up|suivez-nous|follow us|folg(?:e|t) uns|cliquez ici|click here|télécharge[rz] (?:l'|notre )appli|"
    r"download (?:our|the) app|recevez (?:notre|nos|chaque)|newsletter\b|[ée]couter (?:cet |l['’])article|"
    r"listen to this article|continuer la lecture|connectez-vous|découvrez nos offres|"
    r"(?:vous avez )?(?:repéré|remarqué|relevé|constaté) une (?:erreur|faute|coquille)|"
    # the appeals and a blog's buttons after the text
    r"fai(?:tes|re) un don(?:\W*$| (?:à|au|pour soutenir) (?:notre|nos|la rédaction|le journal))|"
    r"soutenez(?:-nous| notre (?:journal|média|rédaction|travail|journalisme))|(?:rejoignez|retrouvez)-nous sur|"
    r"(?:suivez|retrouvez) (?:toute )?l['’]actu(?:alité)?\b.{0,60}?\bsur (?:google|notre (?:appli|site)|nos réseaux|"
    rf"notre (?:page|compte|chaîne)|{SOCIAL_NETWORKS})|"
    r"(?:pour )?nous (?:contacter|écrire)\s*:|(?:contactez(?:-nous| la rédaction)|écrivez-nous)\s*(?::|(?:à|au|par)\s)|"
    r"pour (?:être informée?s?|recevoir) (?:des|les) derniers articles|"  # Over-blog's offer of its newsletter
    rf"{_ARTICLE_FEEDBACK}|"
    r"merci de votre lecture|ne manquez rien de (?:l['’]actu|nos)|"
    r"laiss(?:er|ez) un commentaire|réagissez\b|commentez\b|"
    r"pour (?:réagir|commenter)(?: à cet article)?\s*,?\s*(?:connectez|identifiez)|"
    r"j['’]aime (?:ça\s*:|chargement)|like this\s*:)",
    re.IGNORECASE,
)
# The words by which a prompt speaks of the site to its reader ("notre appli", "Partagez-le", "cet article"): a sentence
# opening with a prompt's verb without any is a sentence of the text ("Inscrivez-vous avant le 15 mars auprès de la
# mairie pour participer au concours.").
SITE_ADDRESS = re.compile(
    r"(?<![\w-])(?:notre|nos|nous|cet\s+article|l['’]article|ce\s+contenu|ici)(?![\w-])|-(?:nous|le|la|les)\b",
    re.IGNORECASE,
)
# ... or a longer line opening with one that offers a newsletter ("Abonnez-vous en moins d'une minute pour recevoir
# gratuitement par e-mail…").
NEWSLETTER_PROMPT = re.compile(
    r"^\W*(?:abonnez-vous|inscrivez-vous|s['’]abonner|s['’]inscrire|recevez(?!-)|subscribe|sign up)\b.{0,200}?"
    r"(?:newsletter|lettres? d['’]info|par (?:e-?mail|courriel)|dans votre bo[îi]te|by email|inbox)",
    re.IGNORECASE,
)
# A question on the article opening the site's prompt after the text, whatever follows it ("Cet article vous a été
# utile ? Sachez que vous pouvez suivre …", a local weekly's offer to follow the paper).
ARTICLE_FEEDBACK_PROMPT = re.compile(rf"^\W*(?:{_ARTICLE_FEEDBACK})\s*\?", re.IGNORECASE)
# The reserved rights, as a copyright line or a credit closes with them
RESERVED_RIGHTS = r"tous droits réservés|all rights reserved"
# ... and phrases that only ever belong to furniture, anywhere in a short line.
FURNITURE_PHRASE = re.compile(
    rf"{RESERVED_RIGHTS}|il vous reste \d+ ?% de cet article|"
    # a subscribers' notice, not a sentence ("la serre est réservée aux abonnés de l'association", "il est déjà abonné")
    r"(?:^\W*|(?:article|contenu|suite|vidéo|podcast|édition)\s+(?:est\s+)?)réservée?s? aux abonnés|"
    r"^\W*déjà abonnée?|(?:notre|nos) offres? d['’]abonnement|"
    r"temps de lecture ?:|\d+ ?min(?:utes?)? de lecture|\d+ min read\b|"
    r"(?:n['’]avez pas|devez|veuillez|merci d['’]) accept\w* (?:les|nos) cookies|"  # a blocked embed's placeholder
    r"accept(?:ez|er) (?:les|nos) cookies (?:pour|afin d)|"
    # a consent banner's own words opening its line ("Nous utilisons des cookies pour améliorer votre expérience…"; a
    # quotation, "« Nous utilisons des cookies… », explique…", is the text's)
    r"^\s*(?:nous utilisons|(?:ce|notre) site(?: web| internet)? utilise|we use|this (?:web)?site uses) (?:des |les )?"
    r"cookies (?:pour|afin|to)\b|(?:vous )?(?:acceptez|accepter) (?:l['’]utilisation|le dépôt) (?:des|de) cookies|"
    r"^\W*cet article vous (?:est|a été) offert\W*$|"  # a gift article's notice
    r"sur un seul appareil à la fois|"  # a subscription's notice
    r"adresse (?:e-?mail|de messagerie|courriel) ne sera pas publiée|"  # a comment form's notice
    r"[|–—-]\s*(?:lien permanent|permalien)\b|"  # a blog post's footer: "… - Commentaires [0] - Permalien [#]"
    # what a player or an embed shows in place of its content: its fallback, its consent prompt, its caption
    r"votre navigateur ne (?:supporte|prend|permet|peut) pas|your browser (?:does not|doesn['’]t) support|"
    r"^\W*(?:activez|veuillez activer|(?:please )?enable) (?:le )?javascript|"
    r"^\W*(?:cette vidéo|ce contenu|cette publication) n['’]est (?:plus |pas )?disponible(?:\W*$|\s+(?:car|parce "
    r"que) vous)|vous avez refusé (?:les|nos) cookies|"
    r"en cliquant sur\W+j['’]accepte|(?:modifier|changer) (?:vos|mes) choix à tout moment|paramétrer les cookies|"
    r"possible que des cookies soient déposés|cliquez (?:ici )?pour (?:afficher|charger|voir|activer) (?:le|ce) "
    r"contenu|"
    r"^\W*(?:une publication partagée par|a post shared by) [^@]{1,80}\(@\w|"  # an Instagram post's caption
    # a site's offer to follow it ("📍 Pour ne manquer aucune actualité de X, suivez-nous sur Google Actualités…",
    # "…, abonnez-vous sur Google Actualités et sur notre WhatsApp")
    r"pour ne (?:rien manquer|manquer (?:aucune?|rien))\b[^.]{0,80}?"
    r"\b(?:(?:suivez|rejoignez|ajoutez)-nous\b|abonnez-vous (?:sur|à) (?:notre|nos|google)\b)|"
    # a podcast host's notice, added to every episode's notes ("Hosted on Acast. See acast.com/privacy for more
    # information.", "Hébergé par Ausha. Visitez ausha.co/politique-de-confidentialite pour plus d'informations.")
    r"^\W*(?:hosted (?:on|by)|hébergée? (?:par|sur)) [\w.-]{2,30}\.\s+(?:see|visit|visitez|voir)\s+\S+",
    re.IGNORECASE,
)
# Every form of FURNITURE_PHRASE holds one of these (lower-cased): a line without any holds none.
FURNITURE_PHRASE_WORDS = (
    "droits", "rights", "abonn", "il vous reste", "lecture", "min read", "cookies", "publiée", "appareil", "lien perm",
    "permalien", "offert", "navigateur", "browser", "javascript", "disponible", "accepte", "choix", "partagée",
    "shared", "cliquez", "hosted", "hébergé", "manquer",
)
AD_LABELS = frozenset({
    "publicité", "publicite", "pub", "annonce", "sponsorisé", "contenu sponsorisé", "contenus sponsorisés",
    "advertisement", "advertising", "ad", "pr", "sponsored", "anzeige", "werbung", "publicidad", "pubblicità",
})
# A link back to a list or to the home page ("Retour au blog", "← Retour aux actualités", "« Retour", "Back to news"),
# the arrow before it included, or to a whole list ("Voir tous les épisodes", "Toutes nos actualités"): furniture in the
# text, and no section's name though it links to the section's page.
_LISTED = r"articles|actualités|actus|billets|brèves|épisodes|émissions|podcasts|vidéos|news|posts|episodes"
_BACK_LINK = (
    r"(?:[←⟵«<‹]\s*)?(?:(?:retour|revenir|back)"
    r"(?:\s+(?:(?:à|au|aux|to)\s+)?(?:la\s+|l['’]|les\s+|the\s+|tous\s+les\s+)?"
    r"(?:liste(?:\s+des\s+(?:articles|actualités|actus|billets|brèves))?|blog|articles|actualités|actus|billets|"
    r"brèves|rubrique|catégorie|accueil|sommaire|news|list|posts|home(?:\s*page)?|top|"
    r"haut(?:\s+de\s+(?:la\s+)?page)?|en\s+haut(?:\s+de\s+(?:la\s+)?page)?))?"
    rf"|(?:(?:voir|afficher|découvrir|lire|écouter|see|view)\s+)?(?:tou(?:s|tes)|all)\s+(?:les\s+|nos\s+|the\s+)?"
    rf"(?:{_LISTED})(?:\s*[→»›>])?)"
)
BACK_LINK = re.compile(rf"{_BACK_LINK}\W*", re.IGNORECASE)
# A short line that is nothing but an article tool's label, a count of reactions, a reading time or a duration
# ("Offrir cet article", "Lire plus tard", "3 commentaires", "Lecture : 5 min", "⏱ 4 minutes", "Durée : 28 min",
# "1 h 05", "00:28:15"): the page's furniture around the text, not the text.
_DURATION = r"(?:\d+\s*h(?:eures?)?\s*)?\d+\s*(?:min(?:utes?)?|mn)|\d+\s*h(?:eures?)?\s*\d{2}|\d{1,2}:\d{2}:\d{2}"
TOOL_LINE = re.compile(
    r"\W*(?:offrir (?:cet |l['’])article|ajouter (?:à (?:mes|vos)|aux) favoris|lire plus tard|"
    r"(?:copier le|lien) (?:lien|copié)|"
    r"(?:réagir|réagissez|commenter|commentez|imprimer)(?: (?:à )?cet article)?|envoyer par (?:e-?mail|courriel)|"
    r"signaler (?:une erreur|un abus|un contenu abusif)|gift (?:this )?article|save (?:for later|article)|copy link|"
    r"(?:une|vous avez (?:repéré|vu|remarqué|trouvé) une) (?:erreur|coquille)\s*\?\s*signalez[- ]la|"
    r"(?:contacter|contactez|écrire à|écrivez à) (?:l['’](?:auteur|autrice)|la rédaction)|"
    r"lire l['’]article (?:complet|en entier|en intégralité)|"
    r"print|\d+\s*(?:commentaires?|réactions?|comments?)|(?:commentaires?|réactions?|comments?)\s*\(\d+\)|"
    r"(?:aucun|pas (?:encore )?de|no) (?:commentaires?|réactions?|comments?)|"
    # a counter of the page's readers (Joomla's "Affichages : 1234")
    r"(?:(?:cet\s+)?(?:article|billet|page)\s+(?:a\s+été\s+)?)?(?:vue?|lue?) (?:\d[\d\s.]*|une) fois|"
    r"\d[\d\s.]*\s*(?:vues|lectures)|"
    r"(?:affichages?|clics|hits|vues)\s*:\s*\d[\d\s.]*|"
    r"navigation (?:des articles|de l['’]article|des publications)|"
    rf"{_BACK_LINK}|"
    r"(?:voir|afficher|lire) (?:plus|la suite)|(?:voir|afficher|lire) (?:les |tous les )?(?:commentaires|réactions)|"
    r"taille (?:du texte|des caractères|de (?:la )?police)(?:\s*:?(?:\s*a\s*[+-])+)?|"  # "Taille du texte : A+ A-"
    r"(?:réduire|agrandir|augmenter|diminuer) (?:la taille du |le )?texte|(?:lecture zen|mode lecture)|"
    r"suivre(?: ce (?:sujet|thème)| cet(?:te)? (?:auteur|autrice|journaliste))?|"  # a follow button
    r"ajouter (?:aux|à mes|à vos) (?:sujets suivis|sélections|alertes)|"
    r"(?:voir|afficher) (?:la galerie|le diaporama|les (?:\d+ )?photos)(?: \(\d+\))?|\d+ photos|"  # a gallery's
    r"(?:article |contenu )?(?:en )?accès libre|"  # a badge: the article is free to read
    r"article (?:suivant|précédent)|article précédent\W*article suivant|passer la publicité|"
    # a long text's pager ("Pages : 1 2 3", "Page 2 sur 3", "« Précédent 1 2 3 Suivant »")
    r"(?:pages?\s*:?|(?:«\s*)?(?:page\s+)?précédente?)\s*\d{1,3}(?:[\s,|-]+\d{1,3})+"
    r"(?:\s*(?:(?:page\s+)?suivante?|»))*|page\s*\d{1,3}\s*(?:sur|/)\s*\d{1,3}|"
    r"la suite après (?:cette|la) publicité|"
    r"haut de (?:la )?page|envoyer (?:à|a) une? ami(?:e)?|repost\s*\d*|tweet(?:er)?|"
    r"version (?:imprimable|pdf)|télécharger (?:le|en|au format) pdf|(?:notez|noter|évaluez) cet article|"
    r"ajouter un commentaire|soyez (?:le|la) premi(?:er|ère) à (?:commenter|réagir)|"
    # a player's, a gallery's or an embed's buttons and states
    r"fermer|agrandir(?: l['’]image| la photo)?|(?:afficher|voir) le contenu|accepter et (?:afficher|continuer)|"
    r"gérer mes choix|j['’]accepte|(?:chargement|lecture) en cours|chargement(?: du lecteur| de la vidéo)?|"
    r"contenu indisponible|(?:voir|afficher) (?:cette|la) publication sur (?:instagram|facebook)|"
    r"fin|à suivre|the end|"  # the text's end mark ("— FIN —", "(À suivre)"): no paragraph, no signature
    rf"(?:(?:{SOCIAL_NETWORKS}|e-?mail|courriel)\W*)+|"  # share buttons' labels ("Facebook Twitter WhatsApp")
    rf"(?:(?:temps de )?lecture|durée|reading time|duration)?\s*:?\s*(?:{_DURATION})(?:\s*de lecture|\s*read)?)\W*",
    re.IGNORECASE,
)
MAX_TOOL_LINE = 50
AD_PREFIX = re.compile(
    r"^(?:publicité|publicite|annonce|advertisement|sponsored|anzeige|werbung|publicidad)\s*[-–—:|]", re.IGNORECASE
)
FURNITURE_HEADING = re.compile(
    r"^\W*(?:[àa] lire (?:aussi|également)|lire aussi|(?:[àa] )?voir aussi|sur le même sujet|"
    r"dans la même (?:rubrique|émission|catégorie)|"
    r"(?:les )?autres (?:épisodes|émissions|articles|vidéos|podcasts|actualités)|(?:les )?épisodes précédents|"
    r"(?:nos )?(?:dernières|derniers) (?:articles|actualités|infos|publications|billets)|articles récents|"
    r"articles? (?:similaires|liés|associés)|"
    # (the readers' reactions, counted or addressed: "Réactions" alone titles the politicians' in the text as often)
    r"vos (?:réactions?|commentaires?)|(?:réactions?|commentaires?) \(\d+\)|commentaires?|partager(?: cet article)?|"
    r"newsletter|les commentaires sont (?:fermés|clos)|"
    # the title over the comments' form: WordPress's, e-monsite's, Blogger's, a news site's
    r"(?:laisser|ajouter|poster|publier|écrire|rédiger) (?:un commentaire|une réponse)|votre commentaire|"
    r"(?:réagissez|réagir|donnez votre avis)(?: (?:à|sur) cet (?:article|billet))?|"
    r"(?:derniers )?commentaires récents|"
    r"vous (?:aimerez|pourriez (?:aussi )?aimer)(?: peut-être)?(?: aussi)?|"  # Enfold's "Vous aimerez peut-être aussi"
    r"(?:ça|cela|ceci) (?:peut|pourrait) vous intéresser|nos partenaires|la rédaction vous (?:conseille|recommande)|"
    r"(?:ces |d['’]autres |les )?(?:articles|sujets|contenus) (?:qui )?(?:peuvent|pourraient) (?:aussi |également )?"
    r"vous intéresser|"
    r"related(?: articles?| stor(?:y|ies)| posts?| coverage)?|read (?:more|next|also)|lesen sie auch|mehr zum thema|"
    r"comments?(?: \(\d+\))?|share(?: this)?(?: article| story)?|recommended|you may also like|trending|"
    r"[àa] propos de l['’](?:auteur|autrice)|about the author|"
    # a press release's contact card and its download link ("Contacts presse", "Télécharger le communiqué")
    r"(?:contacts?|relations?) (?:presse|médias?)|télécharger le communiqué(?: de presse)?)\W*$"
    # a theme's title over the comments: "3 réflexions sur « Le budget voté »", "2 réponses à « … »", "One thought on
    # “…”", "12 réactions", "3 commentaires"
    r"|^(?:\d+|une?|one) (?:réflexions?|commentaires?|réponses?|thoughts?|responses?|comments?|replies) "
    r"(?:(?:sur|on|to)\s|(?:à|au sujet de)\s*[«“\"])"  # ("Une réponse à la crise" is the text's sub-heading)
    r"|^\d+ (?:réactions?|commentaires?|comments?)\W*$"
    r"|^(?:more (?:from|on|stories|news|articles)|most (?:read|popular|viewed|shared)|"
    r"les plus (?:lus|partagés|commentés|consultés|populaires|vus)|"
    r"[àa] lire (?:aussi|également)|[àa] découvrir|sur le même (?:sujet|thème)|"
    # "Autres articles de la rubrique Oran", "Les autres épisodes de l'émission"
    r"(?:les )?autres (?:articles|actualités|vidéos|épisodes|émissions|podcasts) (?:de|du|des|d['’]|dans|sur)|"
    r"plus d['’](?:articles|actualités|infos))\b"
    r"|^more \w+$",
    re.IGNORECASE,
)
# The headings of a site's strip of news flashes and of its agenda: furniture outside the article only (an article's
# own box of practical information may be headed "Agenda" too).
OUTSIDE_ARTICLE_HEADING = re.compile(
    r"^\W*(?:agenda|(?:nos |les )?prochains (?:événements|rendez-vous)|(?:les )?événements à venir|à venir|"
    r"flash info|fil info|dernière minute|en continu)\W*$",
    re.IGNORECASE,
)
