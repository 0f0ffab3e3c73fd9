"""Where a page names its category besides its metadata's one section: the one of the sections its JSON-LD lists that
the page names again, its article's category links and labels, its breadcrumb's parent, its links to its section
(the evidence :attr:`.page.ArticlePage.category` reads in its order)."""

from __future__ import annotations

from newsarchive.extraction import breadcrumbs, heuristics, taxonomy
from newsarchive.extraction.category_lines import labelled_category_text, written_category_text
from newsarchive.extraction.metadata import section_names
from newsarchive.extraction.values import first_text, jsonld_breadcrumb_parent


class CategoryEvidence:
    """The category's evidence read from a page (a mixin of :class:`.page_base.PageBase`'s pages)."""

    def _declared_section(self) -> str | None:
        """The JSON-LD's section; of several (Yoast lists all of a post's categories, a parent first), the one the page
        names besides (``article:section``, the visible category), else the first."""
        names = [name for name in section_names(self.data.article_value("articleSection"))
                 if taxonomy.named_section(name)]
        if len(names) < 2:
            return first_text(names)
        listed = {name.casefold(): name for name in names}
        shown = (lambda: self.data.meta_first("article:section"), lambda: taxonomy.category_link_text(self.index),
                 self._article_category, self._category_from_breadcrumb)
        return next((listed[name.casefold()] for name in (read() for read in shown)
                     if name and name.casefold() in listed), names[0])

    def _section_link_text(self) -> str | None:
        """A link to the page's section in the article around the headline (``taxonomy.article_section_link_text``)."""
        return taxonomy.article_section_link_text(heuristics.article_container(self.headline_element),
                                                  self.headline_element, self.article_root, self.content_root, self.url)

    def _article_category(self) -> str | None:
        """The category the article's own elements give: the link in an element classed so, else a link or a line a
        label introduces (``Publié dans <a>``, ``Catégorie : Société``)."""
        scope = heuristics.around_headline(self.doc, self.headline_element)
        return (taxonomy.classed_category_text(scope, self.headline_element, self.url)
                or labelled_category_text(scope) or written_category_text(scope))

    def _category_from_breadcrumb(self) -> str | None:
        """The parent of the page in its breadcrumb, declared or shown, unless it names a period or a kind of page."""
        parent = jsonld_breadcrumb_parent(self.data, self.url) or breadcrumbs.trail_breadcrumb_parent(
            self.breadcrumb_element, self.url, self.value("headline"))
        return taxonomy.named_section(breadcrumbs.unless_a_period(parent))  # ("Articles", a kind of page's: none)
