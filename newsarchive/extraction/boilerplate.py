"""Recognise page furniture: navigation, related links, share bars, comments, ads...

Everything here is generic: hints are words that templates of many sites use in
their class names, ids and ARIA roles, never the name of one site.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

# Elements that never hold article text.
NON_CONTENT_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "button", "input", "select", "option", "textarea", "label", "dialog", "menu",
    "nav", "aside", "footer", "head", "title", "meta", "link",
})
PAGE_TAGS = frozenset({"html", "body", "main"})
BOILERPLATE_ROLES = frozenset({
    "navigation", "complementary", "banner", "contentinfo", "search", "menu", "menubar",
    "toolbar", "dialog", "alertdialog", "tablist",
})
_TEXT_TAGS = frozenset({"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})
# Tags that are furniture unless they wrap real paragraphs (some sites wrap the whole page in a form).
SOFT_TAGS = frozenset({"form"})

# Class/id words of furniture. Matched on lower-cased "class id" text; `\b`-like
# edges are spelled out because class names join words with "-" and "_".
_EDGE_L = r"(?:^|[\s_\-:])"
_EDGE_R = r"(?:$|[\s_\-:])"
_NEGATIVE_WORDS = (
    r"comment(?!ary|aire)\w*|disqus\w*|related\w*|relat[ée]s?|recommend\w*|outbrain\w*|taboola\w*|"
    r"share\w*|sharing|social\w*|sociaux|partage\w*|tweet|instagram-media|tiktok-embed|"
    r"sidebar\w*|side-bar|breadcrumbs?|fil-ariane|ariane|"
    r"newsletter\w*|subscribe\w*|subscription\w*|abonnement|inscription|signup|sign-up|"
    r"promo\w*|sponsor\w*|advert\w*|ads?|adv|adslot|adunit|dfp|gpt|pub|publicite|"
    r"cookies?|consent|gdpr|rgpd|cmp|"
    r"popup|cta|call-?to-?action|"
    r"nav|navbar|navigation|menu|masthead|site-header|site-footer|footer|"
    r"pagination|pager|next-?post|prev-?post|post-navigation|"
    r"tags?|tag-?list|tagcloud|keywords|mots-?cles|topics-list|"
    r"author-?(?:bio|box|card|info|profile|details)|about-?(?:the-?)?author|"
    r"excerpts?|more-?(?:stories|posts|articles|news)|read-?next|up-?next|most-?popular|most-?read|trending|"
    r"lire-?aussi|a-?lire|voir-?aussi|sur-?le-?meme-?sujet|"
    r"toolbar|reactions?|ratings?|"
    r"sr-only|screen-reader-text|visually-?hidden|visuallyhidden|"
    r"skip-?link|jump-?link|back-?to-?top"
)
# Furniture words that only count as the last part of a class ("entry-meta", "post-author").
_TRAILING_WORDS = r"author|authors|byline|dateline|meta|date|time|timestamp"
NEGATIVE_HINTS = re.compile(_EDGE_L + r"(?:" + _NEGATIVE_WORDS + r")" + _EDGE_R)
TRAILING_HINTS = re.compile(_EDGE_L + r"(?:" + _TRAILING_WORDS + r")(?:$|\s)")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MEDIA_TAGS = frozenset({"figure", "picture"})
# Wrappers that are furniture when thin but may also wrap the real text.
_SOFT_WORDS = (
    r"teaser|(?:media-?)?embed\w*|inline-?content|widget\w*|player\w*|video\w*|"
    r"print|tools|actions|read-?more|readmore"
)
SOFT_NEGATIVE_HINTS = re.compile(_EDGE_L + r"(?:" + _SOFT_WORDS + r")" + _EDGE_R)
# Paywall words mark both the subscription prompt and the text it hides:
# only a thin box with a call to action (link, button, form) is furniture.
_PAYWALL_HINTS = re.compile(_EDGE_L + r"(?:paywall\w*|premium\w*|piano\w*|meter\w*|regwall\w*)" + _EDGE_R)
_HAS_ACTION = etree.XPath("boolean(.//a[@href] | .//button | .//form | .//input)")
POSITIVE_HINTS = re.compile(
    r"article|body|content|entry|main|page|post|text|blog|story|prose|rich-?text|chapo|corps"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
# Paragraphs of a wrapper: <p>s, and text written straight into <div>s (between <br>s, a blog's post body).
_THIN_PARAGRAPHS = etree.XPath(
    "count(.//p[string-length(normalize-space()) > 80]) + count(.//div/text()[string-length(normalize-space()) > 80])"
)


# Class tokens that describe a state or a taxonomy term, not the element:
# "has-sidebar", "no-comments", "tag-cookies", "category-social"...
_MODIFIER_TOKEN = re.compile(
    r"^(?:has|with|without|no|is|show|hide|enable|disable|tag|category|categorie|rubrique|format|type|"
    r"status|postid|term|topic)[-_]"
)


def hint_text(el) -> str:
    """Lower-cased class tokens, id and ``data-testid`` of `el` that describe it ("" when none).

    Component-based templates often name their blocks only in ``data-testid``
    (``newsletter-box``, ``article-body``) and give them hashed class names.
    Utility-class variants ("print:hidden", "[.amp_&]:block") and state or
    taxonomy tokens are left out; BEM modifiers are cut ("grid--with-sidebar"
    -> "grid").
    """
    cls = el.get("class")
    ident = el.get("id")
    test_id = el.get("data-testid")
    if test_id is not None:
        ident = f"{ident} {test_id}" if ident is not None else test_id
    if cls is None and ident is None:
        return ""
    return _hints_of(cls, ident)


@lru_cache(maxsize=8192)
def _hints_of(cls: str | None, ident: str | None) -> str:
    """hint_text() of a class and id pair (pages repeat the same few pairs on many elements)."""
    tokens = []
    for token in f"{cls or ''} {ident or ''}".lower().split():
        if ":" in token or "[" in token or _MODIFIER_TOKEN.match(token):
            continue
        tokens.append(token.split("--", 1)[0])
    return " ".join(tokens)


@lru_cache(maxsize=8192)
def _hint_kinds(hints: str) -> tuple[bool, bool, bool, bool, bool]:
    """Which furniture words ``hints`` holds: (negative, trailing, soft, paywall, positive)."""
    return (
        bool(NEGATIVE_HINTS.search(hints)), bool(TRAILING_HINTS.search(hints)),
        bool(SOFT_NEGATIVE_HINTS.search(hints)), bool(_PAYWALL_HINTS.search(hints)),
        bool(POSITIVE_HINTS.search(hints)),
    )


def is_hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def is_boilerplate(el, *, thin_wrappers: bool = True) -> bool:
    """True when `el` (with its subtree) is page furniture, not article text. With `thin_wrappers` False, a
    thin wrapper named like an embed, widget or player is not (page builders wrap an article's images so)."""
    tag = el.tag
    if not isinstance(tag, str):
        return True  # comments, processing instructions
    if tag in PAGE_TAGS:
        return False  # state classes on <body> ("comments-open") say nothing of its content
    if tag in NON_CONTENT_TAGS:
        return True
    role = el.get("role")
    if role and role.lower() in BOILERPLATE_ROLES:
        return True
    if is_hidden(el):
        return True
    if tag in SOFT_TAGS:
        return el.find(".//h1") is None and len(el.text_content()) < 1000
    hints = hint_text(el)
    if not hints:
        return False
    negative, trailing, soft, paywall, _ = _hint_kinds(hints)
    if negative or (tag not in _HEADING_TAGS and trailing):
        # A subtree holding the headline is a layout wrapper, whatever its class says.
        return el.find(".//h1") is None
    if tag in _TEXT_TAGS:
        return False
    if soft:  # a figure holds no paragraphs: its media words describe it, not furniture
        return thin_wrappers and tag not in _MEDIA_TAGS and _THIN_PARAGRAPHS(el) < 2
    return paywall and _THIN_PARAGRAPHS(el) < 2 and _HAS_ACTION(el)


def class_weight(el) -> int:
    """Readability-style weight of an element's class/id: +25, 0 or -25."""
    hints = hint_text(el)
    if not hints:
        return 0
    negative, trailing, _, _, positive = _hint_kinds(hints)
    return (-25 if negative or trailing else 0) + (25 if positive else 0)


def visible_text(el) -> str:
    """Text of `el` without scripts, styles, form controls or hidden parts (not collapsed)."""
    parts = [el.text or ""]
    stack = [(el, iter(el))]
    while stack:  # depth-first without recursion: pages can nest thousands of levels
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack:
                parts.append(node.tail or "")
        elif _shows_text(child):
            parts.append(child.text or "")
            stack.append((child, iter(child)))
        else:
            parts.append(" " if child.tag == "br" else "")
            parts.append(child.tail or "")
    return "".join(parts)


def _shows_text(el) -> bool:
    tag = el.tag
    return isinstance(tag, str) and tag not in NON_CONTENT_TAGS and tag not in ("br", "rt", "rp") \
        and not is_hidden(el)


# --------------------------------------------------------------------------
# furniture inside the text flow: lines and headings
# --------------------------------------------------------------------------
# Lines that point elsewhere rather than tell the story.
_POINTER = re.compile(
    r"^\W*(?:[àa] lire (?:aussi|également|egalement)|lire (?:aussi|également|egalement)|"
    r"[àa] voir (?:aussi|également)|voir aussi|sur le même (?:sujet|thème)|vous aimerez aussi|"
    r"(?:ça|cela) (?:peut|pourrait) vous intéresser|read (?:more|also|next)|see also|also read|"
    r"you may also like|lesen sie auch|mehr zum thema|siehe auch|auch interessant|le puede interesar|"
    r"te puede interesar|lea también|lee también|vea también|leia (?:também|mais)|leggi anche|"
    r"czytaj (?:też|także|również))\b",
    re.IGNORECASE,
)
# The same words open many real sentences: only a line that is largely a link counts.
_LINKED_POINTER = re.compile(
    r"^\W*(?:(?:[àa] )?(?:lire|relire|voir|écouter|regarder|découvrir)|en savoir plus|pour aller plus loin|"
    r"read|watch|listen|related|more on)\b",
    re.IGNORECASE,
)
# Prompts to act, at the start of a short line...
_PROMPT = re.compile(
    r"^\W*(?:partage[rz]|share (?:this|on)|abonnez-vous|inscrivez-vous|je m'abonne|s'abonner|subscribe|"
    r"sign up|suivez-nous|follow us|cliquez ici|click here|télécharge[rz] (?:l'|notre )appli|"
    r"download (?:our|the) app|recevez (?:notre|nos|chaque)|newsletter\b|écouter cet article|"
    r"listen to this article|continuer la lecture|connectez-vous)",
    re.IGNORECASE,
)
# ... and phrases that only ever belong to furniture, anywhere in a short line.
_FURNITURE_PHRASE = re.compile(
    r"tous droits réservés|all rights reserved|réservée? aux abonnés|il vous reste \d+ ?% de cet article|"
    r"déjà abonné|offre d'abonnement|temps de lecture ?:|\d+ ?min(?:utes?)? de lecture|\d+ min read\b",
    re.IGNORECASE,
)
_AD_LABELS = frozenset({
    "publicité", "publicite", "pub", "annonce", "sponsorisé", "contenu sponsorisé", "advertisement",
    "advertising", "ad", "pr", "sponsored", "anzeige", "werbung", "publicidad", "pubblicità",
})
_AD_PREFIX = re.compile(
    r"^(?:publicité|publicite|annonce|advertisement|sponsored|anzeige|werbung|publicidad)\s*[-–—:|]", re.IGNORECASE
)
# "Publié le 3 mars 2025 à 10h05", "Par Jean Dupont, à Lyon": the byline, not the story.
_DATELINE = re.compile(
    r"^\W*(?:(?:publié|mis à jour|modifié|actualisé)(?: le| à| il y a| aujourd'hui| hier)|"
    r"(?:updated|published|posted|last updated|veröffentlicht|aktualisiert|publicado|actualizado)"
    r"(?: on| at| am| el)?:? ?\d)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:par|by|von|por|di|door)\s+\w[^.!?:]*$", re.IGNORECASE)
_TAG_LINE = re.compile(r"^(?:tags|mots[- ]clés|mots[- ]cles|étiquettes|thèmes|sujets|keywords)\s*:", re.IGNORECASE)
_FURNITURE_HEADING = re.compile(
    r"^\W*(?:[àa] lire (?:aussi|également)|lire aussi|sur le même sujet|dans la même rubrique|"
    r"nos (?:dernières|derniers) (?:articles|actualités)|articles? (?:similaires|liés|associés)|"
    r"(?:vos )?réactions?|commentaires?|partager(?: cet article)?|newsletter|"
    r"related(?: articles| stories| posts| coverage)?|read (?:more|next|also)|lesen sie auch|mehr zum thema|"
    r"comments?|share(?: this)?(?: article| story)?|recommended|you may also like|trending)\W*$"
    r"|^(?:more (?:from|on|stories|news|articles)|most (?:read|popular|viewed|shared)|les plus lus|"
    r"[àa] lire (?:aussi|également)|[àa] découvrir|sur le même (?:sujet|thème)|"
    r"plus d'(?:articles|actualités|infos))\b"
    r"|^more \w+$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


def is_furniture_line(text: str, link_chars: int = 0) -> bool:
    """True for a line of furniture inside the text: a link list entry, "Lire aussi",
    an ad label, a share or subscription prompt, a tag list.

    `link_chars` is how many of its non-space characters are link text.
    """
    size = len(_SPACES.sub("", text))
    if not size or text.casefold().strip(" .:!-–—|•[]()") in _AD_LABELS:
        return True
    if link_chars >= 0.9 * size or (link_chars >= 0.6 * size and size - link_chars < 15):
        return True
    if _POINTER.match(text) and (link_chars or len(text) < 160):
        return True
    if _LINKED_POINTER.match(text) and link_chars >= 0.4 * size:
        return True
    if (len(text) < 100 and _PROMPT.match(text)) or (len(text) < 200 and _FURNITURE_PHRASE.search(text)):
        return True
    if _TAG_LINE.match(text) or _AD_PREFIX.match(text):
        return True
    if len(text) < 120 and _DATELINE.match(text):
        return True
    return len(text) < 80 and len(text.split()) <= 8 and bool(_BYLINE.match(text))


def is_furniture_heading(text: str) -> bool:
    """True for the title of a box of furniture: "Sur le même sujet", "Commentaires"..."""
    return bool(_FURNITURE_HEADING.match(text))
