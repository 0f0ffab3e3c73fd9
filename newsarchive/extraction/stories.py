"""Pages of several stories (the next ones loaded under the first, by infinite scroll): which ``<article>`` holds the
headline's own, where its body is looked for alone."""

from __future__ import annotations

from .html import holds, is_inside
from .page_text import PageText

_OWN_SHARE = 0.8  # of the text outside the other stories that the headline's article holds, to be read alone


def headline_s_own_article(root, headline, page: PageText):
    """The headline's ``<article>`` when ``root`` lies in another article, apart from it, with a headline of its own
    (an ``<h1>``, or a title linking to its page: ``<h2><a href="…">``); or when ``root`` holds it and such articles
    beside it, and little text outside them (the next stories loaded under the first, all read as one body)."""
    own = next(headline.iterancestors("article"), None) if headline is not None else None
    if own is None or own is root:
        return None
    other = root if root.tag == "article" else next(root.iterancestors("article"), None)
    if other is not None and not is_inside(own, other):
        titled = other.find(".//h1") is not None or _titled(other)
        return own if other is not own and not is_inside(other, own) and titled else None
    around_own = set(own.iterancestors("article"))
    stories = {article for article in root.iter("article")
               if article is not own and article not in around_own and not holds(own, article) and _titled(article)}
    outermost = (story for story in stories if not any(map(stories.__contains__, story.iterancestors("article"))))
    outside = page.weight(root) - sum(page.weight(story) for story in outermost)
    return own if stories and page.weight(own) >= _OWN_SHARE * outside else None


def _titled(article) -> bool:
    """Whether an article's first heading is its own headline: an ``<h1>``, or an ``<h2>``/``<h3>`` linking to a page
    (not to an anchor of this one: a live entry's time)."""
    heading = next(article.iter("h1", "h2", "h3"), None)
    if heading is None or heading.tag == "h1":
        return heading is not None
    link = next(heading.iter("a"), None)
    link = link if link is not None else next(heading.iterancestors("a"), None)
    href = link.get("href") if link is not None else None
    return bool(href) and not href.startswith("#")
