"""Words of ``class``, ``id``, ``itemprop``, ``role`` and ``data-testid`` values that name what an element is.

Every word here is generic: templates of many sites use it, never the name of one site. Patterns are matched on
lower-cased text. Class names join words with ``-`` and ``_``, so word edges are spelled out (:data:`EDGE_LEFT`,
:data:`EDGE_RIGHT`) where a bare ``\\b`` would split them wrongly. Readers that look elements up in the page index
(:meth:`newsarchive.extraction.index.PageIndex.matching`) use one of :data:`.indexed.INDEXED_HINTS`.
"""

from __future__ import annotations

import re

EDGE_LEFT = r"(?:^|[\s_\-:])"
EDGE_RIGHT = r"(?:$|[\s_\-:])"


def _edged(words: str) -> re.Pattern:
    return re.compile(EDGE_LEFT + r"(?:" + words + r")" + EDGE_RIGHT)


# --- furniture: navigation, related links, share bars, comments, ads... (boilerplate.py) -------------------------
# The cookie consent tools many sites load, named in their banners' ids and classes ("tarteaucitronRoot",
# "axeptio_overlay", "didomi-host", "onetrust-banner-sdk", "CybotCookiebotDialog"): a banner's dates are the policy's.
_CONSENT_TOOLS = (
    r"tarteaucitron\w*|axeptio\w*|didomi\w*|onetrust\w*|cybotcookiebot\w*|usercentrics\w*|sp_message\w*|cmplz\w*"
)
# A consent management platform ("cmp", "cmp-banner", Sirdata's "sd-cmp-3cRQ2"), not Adobe Experience Manager's
# components, all classed "cmp-<component>" ("cmp-text", "cmp-image", "cmp-title", "cmp-container": the article).
_CONSENT_PLATFORM = r"cmp(?![-_][a-z])|cmp[-_](?:banner|popup|modal|dialog|overlay|wrapper|root|app|notice|consent|ui)"
# A social network's post embedded in a page (the blockquote its script turns into the post): the post's text and date.
_EMBEDDED_POSTS = (
    r"twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|"
    r"fb-post|fb-video|fb-xfbml-parse-ignore|reddit-embed-bq|text-post-media"  # (Facebook, Reddit, Threads)
)
# (the readers' comments are furniture, "commentaires" too; a "commentary" or "commentaire" is an analysis, a kind of
# article; a promotion is furniture; Drupal's "node-promoted", an article promoted to the front page, is the article;
# so is Substack's "newsletter-post", a letter's own text; "social" names the share bar, but "sociale" is French's
# adjective, a site's section: "action-sociale", "economie-sociale"; a "sidebar-grid" is the layout around the text and
# its sidebar, Drupal's Olivero's)
FURNITURE_WORDS = (
    r"comment(?!ary|aire(?!s))\w*|forums?|disqus\w*|related\w*|relat[ée]s?|recommend\w*|recirc\w*|outbrain\w*|"
    r"taboola\w*|share\w*|sharing|social(?!es?(?:$|[\s_\-:]))\w*|sociaux|tweet|" + _EMBEDDED_POSTS + "|"
    r"sidebar(?![-_]?(?:grid|layout)(?:$|[\s_\-:]))\w*|side-bar|breadcrumbs?|fil-ariane|ariane|"
    r"newsletter(?![-_]?posts?(?:$|[\s_\-:]))\w*|subscribe\w*|subscription\w*|abonnement|signup|sign-up|"
    r"sponsor\w*|advert\w*|ads?|adv|adslot|adunit|dfp|gpt|pub|publicite|"
    r"cookies?|consent|gdpr|rgpd|" + _CONSENT_PLATFORM + "|" + _CONSENT_TOOLS + "|"
    r"popup|cta|call-?to-?action|donate\w*|donation\w*|"  # (a donation's appeal: "donate-box")
    r"nav|navbar|navigation|masthead|site-header|site-footer|footer|pied(?:-?de)?(?:-?page)?|piedpage|"
    r"pagination|pager|page-?links|next-?post|prev-?post|post-navigation|"  # (page-links: WordPress's wp_link_pages)
    r"tags?|tag-?list|tagcloud|keywords|mots-?cles|topics-list|"
    r"author-?(?:bio|box|card|info|profile|details)|about-?(?:the-?)?author|saboxplugin\w*|"  # (Simple Author Box)
    r"excerpts?|more-?(?:stories|posts|articles|news)|read-?next|up-?next|most-?popular|most-?read|trending|"
    r"lire-?aussi|a-?lire|voir-?aussi|sur-?le-?meme-?sujet|"
    r"toolbar|reactions?|ratings?|toc|ez-toc\w*|table-?of-?contents|"
    r"sr-only|screen-reader-text|visually-?hidden|visuallyhidden|"
    r"skip-?link|jump-?link|back-?to-?top|"
    r"powerpress\w*"  # a podcast plugin's player and links ("Podcast: Lire dans une autre fenêtre | Télécharger")
)
NEGATIVE_HINTS = _edged(FURNITURE_WORDS)
# A box of the article's own text set in an <aside> (the French press's "encadré": its key facts, its landmarks), no
# furniture in the body (boilerplate.is_boilerplate), unless furniture words name it too ("encadre lire-aussi").
ARTICLE_BOX_HINTS = _edged(r"encadr\w*|fact-?box\w*|key-?facts|reperes|chiffres-?cles")
# Furniture words that only count as the last part of a class ("entry-meta", "post-author"; written as one word,
# WordPress's classic "postmetadata", a post's line of categories and comments).
TRAILING_HINTS = re.compile(
    EDGE_LEFT + r"(?:author|authors|byline|dateline|(?:post|entry)?meta(?:data)?|date|time|timestamp)(?:$|\s)"
)
# A promotion's box ("promotion-sante" is a French site's section too) and a side menu (the DSFR's "fr-sidemenu", or a
# layout's class for a page with one: eZ Publish's "#page.sidemenu"): furniture only when they hold no text of their own.
_PROMOTION_OR_SIDE_MENU = r"promo(?!ted)\w*|side-?menu\w*"
# Wrappers that are furniture when thin but may also wrap the real text.
# (and an article's own line of details, "article-info", Joomla's dl.article-info; not any "info", "encadre-info")
SOFT_NEGATIVE_HINTS = _edged(
    r"teaser|(?:media-?)?embed\w*|inline-?content|widget\w*|(?:audio|media|podcast)?player\w*|"  # "AudioPlayer"
    r"(?:article)?video(?![-_]?(?:page|desc\w*|text\w*|content|article|body))\w*|"  # "video-description": a video
    # page's text; "ArticleVideo", a player and its title in a TV news site's text
    r"print|noprint|tools|actions|read-?more|readmore|(?:article|post|entry|story)[-_]*infos?|"
    # words that name furniture in English and a site's section in French ("menu-cantine", "promotion-sante",
    # "inscription-scolaire", "partage-des-savoirs"): a menu, a promotion, a signup or a share bar holds no paragraphs
    r"menu|inscription|partage\w*|" + _PROMOTION_OR_SIDE_MENU
)
# Paywall words mark both the subscription prompt and the text it hides.
PAYWALL_HINTS = _edged(r"paywall\w*|premium\w*|piano\w*|meter\w*|regwall\w*")
POSITIVE_HINTS = re.compile(
    r"article|body|content|contenu|entry|main|page|post|text|blog|story|prose|rich-?text|chapo|corps"
)
# Class tokens that describe a state or a taxonomy term, not the element: "has-sidebar", "tag-cookies"...
MODIFIER_TOKEN = re.compile(
    r"^(?:has|with|without|no|is|show|hide|enable|disable|tag|category|categorie|rubrique|format|type|"
    r"status|postid|term|topic)[-_]"
    r"|[-_](?:not|no|non|without)[-_]"  # a negated word inside: "wsite-not-footer" (Weebly's content), "page-no-sidebar"
    r"|[-_]with[-_](?:sidebar|aside)"  # a layout's modifier inside: Odoo's "o_wblog_read_with_sidebar" around the post
)
# Words opening a class or id word of a block around the text (heuristics.py; "withsidebar" or
# "article-type-commentary" are no furniture). "forum" is SPIP's word for comments ("forum", "forum-fil",
# "forum-chapo"), a whole word ("forumA" is an icon's class), as is "reactions", the readers' comments of a French site
# ("div#reactions > div.reaction"). "related-tags", "related-topics": the article's own tags.
FURNITURE_BLOCK_HINTS = re.compile(
    r"(?:^|[\s_-])(?:related(?![-_]?(?:tags?|topics?|keywords?)(?:$|[\s_-]))|"
    r"sidebar(?![-_]?(?:grid|layout)(?:$|[\s_-]))|comment(?!ary|aire(?!s))|"
    r"forums?(?![^\s_-])|reactions?(?![^\s_-])|recommend|recirc|popular|most-?read|"
    r"read-?more|newsletter(?![-_]?posts?(?:$|[\s_\-:]))|teaser-?list|outbrain|taboola|more-?stories|"
    r"lire-?aussi|a-?lire|voir-?aussi|meme[-_]?(?:sujet|rubrique)|cookie|toc(?![^\s_-])|table-?of-?contents|"
    r"consent|" + _CONSENT_TOOLS + "|" + _EMBEDDED_POSTS + "|"
    # WordPress's widgets that list other pages, and their column (a page builder puts the text in a widget too:
    # SiteOrigin's "widget_sow-editor", a "widget_text"; "games-widget__item" is a BEM part)
    r"widget_(?:archive|recent_entries|recent_comments|calendar|categories|tag_cloud|meta|rss|pages|nav_menu|search)|"
    r"widget-?area|"
    r"modal(?!-enabled|-open))"  # "modal-enabled": an element that opens one is none
)
# The words of FURNITURE_BLOCK_HINTS' kind that name furniture only in a block holding no text of its own (the same
# words as SOFT_NEGATIVE_HINTS' for the body's blocks).
SOFT_FURNITURE_BLOCK_HINTS = _edged(_PROMOTION_OR_SIDE_MENU)
# A site's strip of news flashes and its agenda: furniture outside the article only, where the last resort of the dates
# searches (a short news item classed "flash-info", an event's page "agenda-detail", a live page's "en-continu").
OUTSIDE_ARTICLE_HINTS = re.compile(
    r"(?:^|[\s_-])(?:flash-?infos?|fil-?infos?|(?:news-?)?ticker|derni[eè]re-?minute|breaking-?news|en-?continu|"
    r"defilant|agenda|upcoming-?events?|prochains?-?evenements?|evenements?-?a-?venir|events?-?(?:list|calendar))"
)
FOOTER_HINTS = re.compile(r"footer")
# A post's or an entry's own footer ("post-footer", "entry-footer", "cs-entry__footer"): the article's, no page footer.
ENTRY_FOOTER_HINTS = re.compile(r"(?:post|entry|article|story)[-_]{0,2}footer")
# The page footer ("pied de page" in French templates) and its legal notices, where the copyright line is.
COPYRIGHT_BLOCK_HINTS = re.compile(r"footer|copyright|legal|mentions|contentinfo|(?:^|[\s_-])pied(?:$|[\s_-]|de|page)")
COLOPHON_HINTS = re.compile(r"colophon|copyright")  # the element of a footer holding the site's years and name
LOGO_HINTS = re.compile(r"logo|brand|site-?title|site-?name|masthead|banner")
# The date of the day a site's header shows ("date-du-jour", "today"): the reader's day, no date of the page.
TODAY_HINTS = re.compile(r"du-?jour|today|current-?date|date-?jour(?!nal)|ephemeride|aujourd-?hui")
# The label above a headline, inside its element ("<h1><span class='surtitre'>Politique</span> Le titre</h1>").
KICKER_HINTS = re.compile(r"sur-?titre|kicker|top-?line|over-?line|eyebrow|super-?title|dachzeile|antetitulo|occhiello")
# Text for screen readers only ("Fil d'Ariane" as the hidden title of a Drupal breadcrumb).
SCREEN_READER_CLASSES = ("visually-hidden", "sr-only", "screen-reader-text", "element-invisible")
# An icon font's ligature: its text is the icon's name (``<i class="material-icons">event</i> Le 02/07/2024``), drawn as
# a picture, never read.
ICON_FONT_HINTS = re.compile(r"material-(?:icons|symbols)")

# --- paywalls (access.py) -------------------------------------------------------------------------------------
# Class, id or data-testid words of paywall boxes and of the Piano and Poool widgets.
PAYWALL_BOX_HINTS = re.compile(
    r"(?:^|[\s_\-:])(?:paywall\w*|poool\w*|piano-?(?:paywall|offer|container|inline)\w*|tp-(?:container|modal)\w*|"
    r"abo-?wall|subscriber-?wall|regwall\w*)(?:$|[\s_\-:])"
)
# A word of every PAYWALL_BOX_HINTS match, wherever it is in the attributes: the page index keeps these elements.
PAYWALL_BOX_WORDS = re.compile(r"paywall|poool|piano|tp-|abo-?wall|subscriber-?wall|regwall")
# Boxes about comments or newsletters use the same words ("paywall__comments"): they say nothing of the text.
NOT_PAYWALL_HINTS = re.compile(r"comment|contribution|newsletter|réagi|reagi")

# --- the article's parts ----------------------------------------------------------------------------------------
BODY_CLASS = re.compile(
    r"(?:article|entry|post|story)[-_]{0,2}(?:body|content|text|texte|contenu|corps)|"
    r"(?:corps|contenu|texte)[-_]{1,2}(?:de-?l-?)?article|content[-_]{1,2}body|body-?text",
    re.IGNORECASE,
)
# A spacing utility's class (Bootstrap's "mb-3", Tailwind's "pt-8", Odoo's "pt40"): it tells no block's kind.
SPACING_CLASS = re.compile(r"[mp][tblrxyse]?-?\d+")
# Drupal's field whose label is set inline before its value (Drupal 7's "field-label-inline", 8's
# "field--label-inline"): "Par: Léa Roy", a line of two blocks.
INLINE_FIELD_CLASS = re.compile(r"(?:^|\s)field-{1,2}label-inline(?:$|\s)")
# A CMS's fields of long formatted text (Drupal's body and any other: ``field--type-text-long``, Drupal 7's
# ``field-type-text-with-summary``): the fields of one article beside each other are parts of its body.
TEXT_FIELD_CLASS = re.compile(r"(?:^|\s)field-{1,2}type-text-(?:long|with-summary)(?:$|\s)")
# A block that shows a page's title by its class, on a page without headings ("<p class='titre'>"); not a kicker, a
# sub-heading, a subtitle, the site's or a box's title.
TITLE_CLASS = re.compile(r"(?<![\w-])(?:(?:article|post|entry|page|news|node)[_-])?(?:titre|title|headline)(?![\w-])")
# Sub-headings marked by class rather than by tag ("intertitre" in French newsrooms).
SUBHEADING_CLASS = re.compile(r"inter-?titre|intertitle|sub-?heading")
# (Joomla's dd.createdby; a site builder's post header names its author "user-name", Wix's)
BYLINE_HINTS = re.compile(r"byline|author|auteur|signature|(?:created|written)-?by|(?<![\w-])user-name(?![\w-])")
# An icon that marks its line as the author's in a theme's line of details ("<span><i class="fa fa-user"></i> Léa
# Roy</span>"): Font Awesome's user and pen, WordPress's dashicons, Bootstrap's and other icon sets' person.
AUTHOR_ICON_HINTS = re.compile(
    r"(?:^|\s)(?:fa-user(?:-circle|-o|-alt|-edit)?|fa-pen(?:cil)?(?:-alt|-square)?|icon-user|icon-author|"
    r"dashicons-admin-users|bi-person(?:-fill|-circle)?|glyphicon-user|ti-user|la-user)(?:$|\s)"
)
NOT_BYLINE_HINTS = re.compile(
    r"bio|box|avatar|image|photo|picture|desc|about|more|author-?list|authors-?list|related|(?<!v)(?<!h-)card"  # hCard
)
# (not Drupal's body field type, "field-type-text-with-summary")
LEAD_HINTS = re.compile(
    r"(?:^|[\s_-])(?:chap[oô]|chapeau|standfirst|lead|leadin|intro|introduction|excerpt|(?<!with-)summary|accroche|"
    r"desc|description|subtitle|sub-title|sous-?titre|subheadline|deck|dek|abstract|resume|r[ée]sum[ée]|teaser-text|"
    # Joomla K2's standfirst; eZ Publish's article's "short" attribute; Plone's "documentDescription"; a TV news
    # site's "ArticleChapo"
    r"itemintrotext|attribute-short|documentdescription|articlechap[oô])(?:$|[\s_-])"
)
# "item" as a word ("list-item", "items"): Joomla K2 opens every class name with it ("itemIntroText", its standfirst);
# not Drupal 8's "field__item", the wrapper of a field's one value (its standfirst's, "field--name-field-chapo")
_OTHER_THAN_LEAD = (r"caption|image|photo|media|video|credit|author|card|list|(?<!field__)items?(?![a-z])|meta|seo|"
                    r"avatar|gallery|profile|bio")
NOT_LEAD_HINTS = re.compile(
    _OTHER_THAN_LEAD + r"|teaser(?!-text)"  # TYPO3 news: the article's own standfirst is its "teaser-text"
)
# A label opening the standfirst in an element of its own (La Dépêche's "span.article-full__chapo-label", L'essentiel)
LEAD_LABEL_HINTS = re.compile(r"label")
# The same without "teaser", for the block between the headline and the body that no class names a standfirst:
# there, a "teaser" is the article's own (German CMSs name their standfirst so); other stories' are links.
OTHER_THAN_LEAD_HINTS = re.compile(_OTHER_THAN_LEAD)
TAG_HINTS = re.compile(
    r"(?:^|[\s_-])(?:tags?|hashtags?|tag-?list|post-?tags|keywords?|mots-?cl(?:[ée]|ef)s|topics?|topic-?list|subjects|"
    r"sujets?|themes|th[ée]matiques?|[ée]tiquettes?|schlagw\w*)(?:$|[\s_-])"
)
# The tag lists' words that name themes or topics, not tags: a site that lists both ("field-thematiques" above the
# headline, "field-mots-cles" after the text, Drupal's) gives its tags in the other.
THEME_LIST_HINTS = re.compile(
    r"(?:^|[\s_-])(?:topics?|topic-?list|subjects|sujets?|themes|th[ée]matiques?)(?:$|[\s_-])"
)
# WordPress's post_class() on a post's container ("post-9 type-post status-publish category-vie-locale tag-ecole"):
# its "tag-<slug>" words name the post's tags, not the block (BeTheme's post <div>).
POST_CLASS_WORDS = re.compile(r"(?:^|\s)(?:type|status)-\w")
TERM_TAG_WORDS = re.compile(r"(?:^|\s)tag-\S*")
# Links to a site's tag pages: /tag/…, /sujets/…, /mots-cles/…, /themes/…, /subjects/… (not /hashtag/…: an embedded
# post's links to its network's pages, twitter.com/hashtag/…), or a list filtered on a tag by its query (Squarespace's
# /blog?tag=budget, SPIP's spip.php?mot12 and ?page=mot&id_mot=12)
TAG_PATH = re.compile(
    r"/(?:tags?|topics?|subjects?|sujets?|th[eè]mes?|thematiques?|mots?-cl(?:[eé]s?|efs?)|keywords?|"
    r"etiquettes?|schlagw\w*)"
    r"/[^/?#]+/?(?:[?#].*)?$"
    r"|[?&](?:tags?|mots?-?cl[eé]s?|etiquettes?)=[^&#]+|[?&](?:mot\d+|id_mot=\d+)(?:[&#]|$)"
    r"|(?:^|/)\+-[^/?#]+-\+/?(?:[?#].*)?$",  # SPIP's clean address of a keyword: "+-Voie-verte-+"
    re.IGNORECASE,
)
# "arbo", "hierarchie": SPIP's breadcrumb (3 and 2); "crumbs": WordPress news themes' ("entry-crumbs",
# "td-crumb-container"); "vous-etes-ici": a breadcrumb labelled "Vous êtes ici :"; "miettes" (de pain), French for
# the crumbs (SPIP's SoyezCréateurs "miettesdepain", Drupal themes' "miettes-de-pain"); "chemin", a home-made
# site's path of pages, or a word's end (SPIP's Escal "cadre-chemin"; "chemin-de-fer" is none)
BREADCRUMB_HINTS = re.compile(
    r"breadcrumb|(?<![a-z])crumbs?(?![a-z])|ariane|fil d|miettes?(?:$|[\s_-]|de)"
    r"|(?:^|\s)(?:arbo|hierarchie)(?:\s|$)|(?:^|[\s_-])chemin(?:\s|$)|vous-?etes-?ici"
)
# An element that holds the article's category link: "category-name" (Joomla's, Helix's label only in a title),
# "post-category", "entry-categories", "cat-links", "rubrique", Sitecore's "field-newscategory"; not a taxonomy term's
# class ("category-vie-locale", a WordPress article's). Looked for in the article alone, by CATEGORY_CLASS_WORDS (not
# in the page index: WordPress classes every teaser with its categories, and every reader would go through them).
CATEGORY_CLASS_WORDS = ("categor", "cat-links", "rubri", "thematique")  # every element CATEGORY_HINTS matches holds one
CATEGORY_HINTS = re.compile(  # (BEM's and Drupal 8's doubled separators: "heading__category", "field--name-…";
    # a magazine platform's "rubric__link"; an association's "article-thematique", "field--name-field-thematique")
    r"(?:^|\s)(?:[a-z]+[-_]{1,2})*(?:news|post|article)?(?:categor(?:y|ie|ies)|cat-links|rubrique|rubric|thematique)"
    r"(?:[-_]{1,2}(?:name|links?|label|list))?(?:_\d+)?"  # (djangocms-blog's "li.category_1")
    r"(?:$|\s)"
)
# Links to a site's category pages (WordPress's /category/…, /categorie/…, /rubrique/…), subcategories included, after
# a language's folder (/fr/category/…) or Joomla K2's menu item (/actualites/itemlist/category/3-travaux), and
# Canalblog's (/archives/concerts/index.html; its posts are /archives/2024/03/14/40123456.html).
CATEGORY_PATH_WORDS = ("categor", "rubrique", "archives/")  # every match of CATEGORY_PATH or CATEGORY_QUERY holds one
CATEGORY_PATH = re.compile(
    r"^(?:/[^/?#]+)?(?:/itemlist)?/(?:category|categories|categorie|rubriques?)(?:/[^/?#]+)+/?$"
    r"|^/archives/[^/\d][^/]*/index\.html?$", re.IGNORECASE
)
# A list filtered on a category by its query (Squarespace's /actualites?category=Vie+locale, SPIP's ?rubrique12 and
# ?page=rubrique&id_rubrique=12), or a category's page named there (Dotclear's index.php?category/Vie-locale)
CATEGORY_QUERY = re.compile(
    r"(?:^|&)(?:category|categories|categorie|(?:id_)?rubriques?)(?:=|/|\d+(?:&|$))", re.IGNORECASE
)

# --- dates (date_context.py, date_evidence.py) --------------------------------------------------------------------
# An article's own line of details is a date word too ("article-infos", "post-info", "infos-article"), not any "info".
DATE_HINTS = re.compile(  # ("submitted": Drupal's "Submitted by X on <date>", span.submitted, node__submitted;
    # "lastmod": Hugo's last modification, Stack's "article-lastmod")
    r"date|time|publi|meta|byline|updated|modified|lastmod|posted|submitted|dtstart|fecha|"
    r"(?:article|post|entry|story)[-_]*infos?|infos?[-_]*(?:article|post|entry)"
)
# A blog's day header (Blogger's and Canalblog's ``date-header``): the day of the posts below it, their times in their
# footers. Its matches hold a date hint word: they are among the elements DATE_HINTS finds.
DAY_HEADER_HINTS = re.compile(r"date[-_]?header|^date$")  # "^date$": Typepad's and Hautetfort's h2.date
# hAtom / hCalendar class words (whole words: "published", not "unpublished-note"; or a class's BEM modifier,
# "byline__date--updated": microformat_words); looked for among the elements that DATE_HINTS finds, since each of
# these words is a date hint word too (a test checks it).
MICROFORMAT_HINTS = re.compile(r"(?:^|\s|--)(?P<word>published|updated|modified|dtstart|dtpublished|dtupdated)(?:\s|$)")
# The class words of an entry: an hAtom entry (Blogger's div.post.hentry), an element classed "article" (TYPO3's news,
# Canalblog's post): an article, whose footer belongs to it (furniture.py).
ENTRY_WORDS = ("hentry", "article")
ENTRY_HINTS = re.compile(r"(?:^|\s)(?:" + "|".join(ENTRY_WORDS) + r")(?:\s|$)")
MICROFORMAT_PUBLISHED = frozenset({"published", "dt-published", "dtstart", "dt-start"})
MICROFORMAT_MODIFIED = frozenset({"updated", "dt-updated", "modified"})  # (Pelican's "abbr.modified", as hAtom's)
PUBLISHED_HINTS = re.compile(r"publi|pubdate|entry[-_]date|post[-_]?date|created|posted")
MODIFIED_HINTS = re.compile(r"updated|modified|update|lastmod|maj|mise-?a-?jour")

# --- authors' pages (author_links.py; the images and captions' words are in images.py) ----------------------------
# The path of an author's page: /auteur/lea-roy, /author/…, /journalistes/…, /chroniqueur/…, /autoren/…, /writer/…,
# /perfil/…, a member's /@lea (Medium, Substack), SPIP's readable address of an author (/_Lea-Roy_).
AUTHOR_PAGE = re.compile(
    r"(?:^|/)(?:@[^/]+|(?:authors?|auteurs?|autrices?|autor(?:en|es|as|a)?|journalistes?|journalists?|redacteurs?|"
    r"chroniqueu(?:r|se)s?|people|profil(?:e|es)?|perfil(?:es)?|contributors?|writers?|columnists?|reporters?)"
    r"/[^/]+|_[^/_][^/]*_)/?$",
    re.IGNORECASE,
)
# The query of an address that lists an author's posts: WordPress's plain links (/?author=3, ?author_name=lea-roy),
# Squarespace's (/blog?author=5f1a0b2c), SPIP's (spip.php?auteur4, spip.php?page=auteur&id_auteur=4).
AUTHOR_QUERY = re.compile(r"(?:^|&)(?:author(?:_name)?=[^&#]+|auteur\d+|id_auteur=\d+)(?:&|$)", re.IGNORECASE)
