"""The words the generic readers recognise pages by, in one place: :mod:`.classes` for the words of ``class``, ``id``
and other attributes (furniture, bylines, dates, tags, teasers, paywalls), :mod:`.images` for those of images, their
captions and credits, :mod:`.labels` for the French and English wording shown on pages (« Par … », « Mots-clés : »,
« Article réservé aux abonnés », agencies), and :mod:`.furniture_wording` for that of the furniture inside an
article's text (« Lire aussi », « Abonnez-vous »).

The page index (:mod:`newsarchive.extraction.index`) keeps the elements whose attributes hold one of the words of
:data:`.indexed.INDEXED_HINTS`; its hint pattern is built from them, so a reader that queries the index with one of
those patterns never misses an element.
"""
