"""Words of ``class`` and ``id`` values and of image addresses that name an article's images, their captions and
credits, and the images that are no article's (an avatar, a logo, a share button's, the site's default)."""

from __future__ import annotations

import re

from newsarchive.extraction.vocabulary.classes import BREADCRUMB_HINTS

# Images that are not the article's: an author's picture, a logo, an icon (the page's first image, heuristics.py),
# named by the image's or its two parents' class or id, or by its address ("gravatar.com/avatar/…").
NOT_ARTICLE_IMAGE_HINTS = re.compile(
    r"avatar|logo|icon|emoji|badge|sprite|picto|smil(?:ey|ies)|button|"  # a pictogram ("pictos"), WordPress's smileys,
    # a button's picture (Joomla 1.5's print and PDF buttons, ``pdf_button.png`` in ``td.buttonheading``), an arrow
    # (SPIP's Escal parts its path's crumbs with ``fleche_droite.png``; not a "sparrow")
    r"(?<![a-z])(?:arrow|fl[eè]che)s?(?![a-z])|"
    r"author(?:s?/|s?[-_]*(?:photo|image|img|pic|picture|thumb|portrait|headshot)|s?$)|"  # not "author-article"
    r"^/@[^/]+/?(?:[?#]|$)|"  # a link to a member's page (Medium's /@claire)
    r"^(?:javascript|mailto):|sharer|/intent/|/share\b"  # a button's link: print, mail, share on a network
)
FEATURED_IMAGE_CLASS = "wp-post-image"  # WordPress's featured image of a post (the_post_thumbnail)
# The class words of a block around an image that holds an ad or buttons (its parents' class and id words, each word
# whole): "div.pub", "div.share", "social-links", "ad-slot", the article's tools (print: SPIP's Escal "imprime-article
# outil"), a link to the previous or next post (BeTheme's "fixed-nav fixed-nav-prev" and its thumbnail); or a
# breadcrumb, whose images are its separators.
NOT_ARTICLE_IMAGE_BLOCK = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|partage|pub|publicite|publicité|advert\w*|ads?|print\w*|imprim\w*|outils?|"
    r"tools?|nav|prev|next)(?:$|[\s_-])|"
    + BREADCRUMB_HINTS.pattern
)
# The site's own images in an image's path: its logo, the default image it shares for every page, a placeholder (not
# Drupal's "/sites/default/files/…"): no article's image given by the metadata (values.own_image).
SITE_IMAGE_PATH = re.compile(
    r"(?:^|[/_.-])(?:logos?|favicon|apple-touch-icon|placeholder|og-?default|share-?default|social-?default"
    r"|default-?(?:share|og|image|social|thumb\w*))(?:[/_.-]|$)"
    r"|/(?:social|share|og)[-_]?image\.\w+(?:[?#]|$)",  # a site's one share image (Umbraco's Clean "/socialimage.png")
    re.IGNORECASE,
)
# Class words of image captions and image blocks; with <figure> and <figcaption>, the candidates of captions.py.
MEDIA_WORDS = ("caption", "legend", "picture", "image", "photo", "visual")
MEDIA_HINTS = re.compile("|".join(MEDIA_WORDS))
# An image block whose caption is a plain text element beside the image ("div.article-picture > img + p").
IMAGE_BLOCK_HINTS = re.compile(r"(?:^|[\s_-])(?:pictures?|images?|photos?|visuals?)(?:$|[\s_-])")
CAPTION_HINTS = re.compile(r"caption|legende|légende|legend")
CREDIT_HINTS = re.compile(r"credit|copyright|photographer|(?:^|[\s_-])(?:source|author|byline|attribution)(?:$|[\s_-])")
CREDIT_ITEMPROPS = frozenset({"copyrightHolder", "copyrightholder", "creator", "author"})
# Caption, credit and photo-information blocks inside the body text.
BODY_CAPTION_HINTS = re.compile(r"caption|credit|copyright|legende|légende|photo-?info|media-?info")
# A paragraph's number set before its text, no part of it (OpenEdition's ``<span class="paranumber">1</span>Le…``).
PARAGRAPH_NUMBER_HINTS = re.compile(r"para(?:graph)?[-_]?num(?:ber)?")
# Caption blocks around a standfirst candidate.
LEAD_CAPTION_HINTS = re.compile(r"caption|legend|credit")
