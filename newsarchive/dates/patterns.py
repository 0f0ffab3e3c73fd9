"""The vocabulary and regular expressions of French (and English) dates, used by :mod:`newsarchive.dates`.

Month and weekday names (full and abbreviated, with and without accents), relative units, and the
shapes of the date expressions news pages print: ISO 8601, ``06/08/2025``, ``6 août 2025 à 14h32``,
``August 6, 2025``, ``il y a 3 heures``, ``hier à 18h05``, and the labels around them.
"""

import re
from datetime import timedelta

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "january": 1,
    "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "february": 2, "feb": 2,
    "mars": 3, "mar": 3, "march": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "août": 8, "aout": 8, "aoû": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    name: index
    for index, names in enumerate(
        (
            ("lundi", "lun", "monday", "mon"),
            ("mardi", "mar", "tuesday", "tue", "tues"),
            ("mercredi", "mer", "wednesday", "wed"),
            ("jeudi", "jeu", "thursday", "thu", "thurs"),
            ("vendredi", "ven", "friday", "fri"),
            ("samedi", "sam", "saturday", "sat"),
            ("dimanche", "dim", "sunday", "sun"),
        )
    )
    for name in names
}
# A relative unit and its length; None for units too coarse to give a day (weeks, months, years).
UNITS = {
    **dict.fromkeys(("s", "sec", "seconde", "secondes", "second", "seconds"), timedelta(seconds=1)),
    **dict.fromkeys(("min", "mins", "mn", "minute", "minutes"), timedelta(minutes=1)),
    **dict.fromkeys(("h", "hr", "hrs", "heure", "heures", "hour", "hours"), timedelta(hours=1)),
    **dict.fromkeys(("j", "jour", "jours", "day", "days"), timedelta(days=1)),
    **dict.fromkeys(("semaine", "semaines", "sem", "week", "weeks", "mois", "month", "months"), None),
    **dict.fromkeys(("an", "ans", "année", "années", "year", "years"), None),
}
AMOUNT_WORDS = {"un": 1, "une": 1, "a": 1, "an": 1, "one": 1}  # "quelques" (a few) is no number
DAY_WORDS = {"aujourd'hui": 0, "today": 0, "hier": 1, "yesterday": 1, "avant hier": 2, "the day before yesterday": 2}


def _alternatives(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _initials(*vocabularies) -> str:
    """The first letters of the words of ``vocabularies``, for a character class."""
    return "".join(sorted({word[0] for words in vocabularies for word in words}))


# A lookahead for one of the first letters of a list of names guards each alternation of names (and each pattern that
# starts with one): the regular expression engine then tries the dozens of names only where one may start, instead
# of at every position of the text (the same matches, found in about half the time).
_NOT_LETTER = r"(?![^\W\d_])"
_MONTH = rf"(?=[{_initials(MONTHS)}])(?P<month>{_alternatives(MONTHS)})\.?{_NOT_LETTER}"
_WEEKDAY_WORD = rf"(?=[{_initials(WEEKDAYS)}])(?P<weekday>{_alternatives(WEEKDAYS)})\.?{_NOT_LETTER},?\s+"
_WEEKDAY = rf"(?:{_WEEKDAY_WORD})?"
# The zone a time may be written in: UTC or GMT, maybe with an offset ("14:30 UTC", "14 h 30 (GMT+2)"), Central
# European time and the French names of the North American zones ("10 h 05 HAE": heure avancée de l'Est). English
# zone names are left out: "14h30 est annulée" is no Eastern time.
ZONE_OFFSETS = {
    "cet": 60, "cest": 120,
    "hnt": -210, "hat": -150, "hna": -240, "haa": -180, "hne": -300, "hae": -240, "hnc": -360, "hac": -300,
    "hnr": -420, "har": -360, "hnp": -480, "hap": -420,
}  # minutes east of UTC; fmt: skip
_ZONE = (
    rf"(?:\s*\(?\s*(?P<zone>(?:utc|gmt)(?:\s*(?P<zone_sign>[+-])\s*(?P<zone_hours>1[0-4]|0?\d)"
    rf"(?::?(?P<zone_minutes>[0-5]\d))?)?|{_alternatives(ZONE_OFFSETS)})(?![\w+-])\s*\)?)?"
)
# A duration is no time of day (a podcast's, a video's, next to its date): a clock written with a colon and followed
# by its unit (``3:45 min``; ``10 h 05 min`` is a time of day), or one of hours, minutes and seconds with an hour of
# one digit and no am/pm (``1:02:33``; a time of day with its seconds is written ``01:02:33``).
_DURATION_CLOCK = r"(?!\d:[0-5]\d:[0-5]\d(?!\d|\s*[ap]\.?\s?m\b))"
_DURATION_UNIT = r"(?![0-5]\d(?::[0-5]\d)?\s*(?:mn|min(?:utes?)?|s|sec(?:ondes?)?)(?![^\W\d_]|['’]))"
# (the minutes of an hour written with "h" may carry their unit glued to them: "08h15min", "15h30mn")
_TIME = (
    rf"{_DURATION_CLOCK}(?P<hour>[01]?\d|2[0-3])(?:\s*h(?:eures?)?(?:\s*(?=\d))?|:(?=\d){_DURATION_UNIT})"
    r"(?P<minute>[0-5]\d)?(?:(?<=\d)mi?n)?(?::(?P<second>[0-5]\d))?"
    rf"(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?{_NOT_LETTER}(?!\d){_ZONE}"
)
# the time after its day: after a space, a comma, a bar, a dash, a dot or bullet (``12 mars 2024 • 10:05``), or a
# slash set apart by a space (``Mardi 12 mars 2024 / 10:05``), or in brackets (``12/03/2024 (14h30)``, the closing
# one left out of the text a date is read from); or noon or midnight by name (``12 mars 2024 à midi``)
_THEN_TIME = (
    rf"(?:(?:\s*[,|·•⋅∙–—-]\s*|\s+/\s*|\s*(?P<bracket>\(\s*)|\s+)"
    rf"(?:(?:(?:à|a|at|vers)\s+)?{_TIME}(?(bracket)\s*\)?)"
    rf"|(?(bracket)(?!)|(?:à|a|vers)\s+(?P<midday>midi|minuit)(?![\w-]|\s*(?:et\b|\d)))))?"
)
_UNIT = rf"(?:{_alternatives(UNITS)}){_NOT_LETTER}"
_AMOUNT = r"\d+|une?|quelques|an?|one"

TIMESTAMP = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}(?P<millis>)")
# A day written as eight digits, year first, as a whole value (``<meta name="pubdate" content="20190627">``): never
# looked for in text, where eight digits are as often an identifier's.
COMPACT_DAY = re.compile(r"(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])")
ISO = re.compile(  # (its time after "T", a space, written "à": "Publié le 2024-03-12 à 10:05", or after a zone's
    # letters, Tilda's microdata: "2024-03-14MSK10:05:00+03:00")
    r"(?<![\w-])(?P<date>\d{4}-[01]\d-[0-3]\d)"
    r"(?:(?:[T ]|\s+(?:à|a|at)\s+|[A-Z]{3,4})(?P<time>[0-2]\d:[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?)"
    r"(?P<offset>\s*(?:Z|UTC|GMT|[+-][0-2]\d(?::?[0-5]\d)?))?)?"
    r"(?![\w:+-])",
    re.IGNORECASE,
)
# Day first, as French pages write it; the weekday before (Drupal's default ``mar, 03/05/2024 - 10:30``) tells the
# month-first dates of a site left with a US format apart (:func:`~.forms._read_day_first`), and so does a day
# written second (``jeu, 06/20/2019``: the 20th of June).
NUMERIC = re.compile(
    rf"(?<![\d/.:-])(?:(?<![^\W\d_]){_WEEKDAY_WORD})?"
    r"(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[0-3]?\d)(?P=sep)(?P<year>\d{4}|\d{2})(?!\d)(?![/.-]\d)"
    + _THEN_TIME,
    re.IGNORECASE,
)
# A day, a month and a year a theme sets in elements of their own (``<span class="day">12</span><span
# class="mon">03</span><span class="yr">2024</span>``, read spaced): a whole text only (forms.parse_known_form, not
# the scan), day first.
SPACED_NUMERIC = re.compile(
    r"(?P<day>[0-3]?\d)\s+(?P<month>[01]?\d)\s+(?P<year>(?:19|20)\d{2})" + _THEN_TIME, re.IGNORECASE
)
# A day and a month of two digits each without a year, day first, before a time only ("Publié le 12/03 à 14h30", as
# news lists write the current year's dates): alone, "12/03" may be a score; "2.1 à 14h30" is a version.
NUMERIC_NO_YEAR = re.compile(
    rf"(?<![\d/.:-])(?:(?<![^\W\d_]){_WEEKDAY_WORD})?(?P<day>[0-3]\d)(?P<sep>[/.])(?P<month>[01]\d)\.?(?![/.-]?\d)"
    rf"(?:\s*[,|·–—-]\s*|\s+)(?:(?:à|a|at|vers)\s+)?{_TIME}",
    re.IGNORECASE,
)
NUMERIC_YEAR_FIRST = re.compile(
    r"(?<![\d/.:-])(?P<year>\d{4})(?P<sep>[/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)"
    r"(?!\d)(?![/.-]\d)"
    + _THEN_TIME,
    re.IGNORECASE,
)
# A year written with two digits after a month's name ("12 Mar 24 à 18:05", actu.fr) only where the line ends or a
# time follows: "le 3 avril 15 manifestants" holds no year.
_YEAR_ENDS = r"(?=\s*(?:$|[,|·–—-]|(?:à|a|at|-)\s))"
_SHORT_YEAR = rf"\d{{2}}{_YEAR_ENDS}"
# A year after a comma (SCMP's "20 Jan, 2020") only where the line ends or a time follows, as a short year.
_COMMA_YEAR = rf",\s*(?=\d{{4}}{_YEAR_ENDS})"
# (the first of the month's "er" may come apart from its digit: "1<sup>er</sup> mars", its pieces' text "1 er mars")
DAY_MONTH_YEAR = re.compile(
    rf"(?<!\w)(?=[\d{_initials(WEEKDAYS)}]){_WEEKDAY}(?P<day>[0-3]?\d)(?:\s?er|st|nd|rd|th|\.)?(?:\s+of)?\s+{_MONTH}"
    rf"(?:(?:\s+|{_COMMA_YEAR})(?P<year>\d{{4}}(?!\d)|{_SHORT_YEAR}))?{_THEN_TIME}",
    re.IGNORECASE,
)
MONTH_DAY_YEAR = re.compile(
    rf"(?<!\w)(?=[{_initials(WEEKDAYS, MONTHS)}]){_WEEKDAY}{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    rf"(?:,?\s+(?P<year>\d{{4}})(?!\d))?{_THEN_TIME}",
    re.IGNORECASE,
)
RELATIVE_FR = re.compile(
    rf"(?<!\w)il\s+y\s+a\s+(?P<amount>{_AMOUNT})\s*(?P<unit>{_UNIT})"
    rf"(?:\s*(?:et\s+)?(?P<amount2>\d+)\s*(?P<unit2>{_UNIT}))?",
    re.IGNORECASE,
)
RELATIVE_EN = re.compile(
    rf"(?<!\w)(?P<amount>{_AMOUNT})\s*(?P<unit>{_UNIT})(?:,?\s*(?:and\s+)?(?P<amount2>\d+)\s*(?P<unit2>{_UNIT}))?"
    r"\s+ago(?!\w)",
    re.IGNORECASE,
)
DAY_WORD = re.compile(
    r"(?<![\w-])(?P<word>avant[-\s]hier|aujourd'\s?hui|hier|the\s+day\s+before\s+yesterday|yesterday|today)(?![\w-])"
    + _THEN_TIME,
    re.IGNORECASE,
)
ZONE_NAME = re.compile(
    r"(?<![\w+-])(?:[+-][01]\d:?[0-5]\d|z|utc|gmt|[ew]et|[ew]est|cet|cest|eest|bst|ist|msk|[ecmp][sd]t|ak[sd]t"
    r"|h[sd]t|aest|aedt|acst|awst|jst|kst|hkt|sgt|nz[sd]t)(?!\w)",
    re.IGNORECASE,
)
TIME_ONLY = re.compile(rf"(?<![\w:]){_TIME}", re.IGNORECASE)
# A time written before its day ("Publié à 10h05 le 12 mars 2024", "Mis en ligne à 18h30, le 3 avril 2024"): what may
# part them (the scanner finds the two as one expression) and the whole (the reader reads the day first).
_CLOCK_THEN_DAY_JOINER = r"(?:\s*[,|·–—-]\s*|\s+)(?:(?:le|on)\s+)?"
CLOCK_THEN_DAY_JOINER = re.compile(_CLOCK_THEN_DAY_JOINER, re.IGNORECASE)
CLOCK_THEN_DAY = re.compile(
    rf"(?:(?:à|a|at|vers)\s+)?(?P<clock>{_TIME}){_CLOCK_THEN_DAY_JOINER}(?P<day>\d.*|[^\W\d_].*)", re.IGNORECASE
)
# The time a blog post's footer gives (its day is in the day header above): after its author, "Posté par Léa à 18:04"
# (Blogger, Canalblog; no digit before the time: "Posté par Paul, le 5 avril 2016 à 19:00" is a dated comment), or
# Typepad's "Posted at 06:45 PM in …"; POSTED_BEFORE_FILED: before where the post is filed, Hautetfort's "18:45 Publié
# dans Politique". Both matches end with the time.
POSTED_BY_AT = re.compile(
    rf"(?<!\w)(?:(?:postée?|publiée?|écrite?)\s+par\s+[^|\n\d]{{1,80}}?\s+(?:à|a)|posted\s+at)\s+{_TIME}", re.IGNORECASE
)
POSTED_BEFORE_FILED = re.compile(rf"(?<![\w:.,/]){_TIME}(?=\s*(?:publiée?|postée?)\s+dans\s)", re.IGNORECASE)
TRAILING_OFFSET = re.compile(
    r":[0-5]\d(?:[.,]\d+)?\s*(?:GMT|UTC)?\s*(?P<sign>[+-])(?P<hours>[01]\d)(?::?(?P<minutes>[0-5]\d))?$", re.IGNORECASE
)
UTC_OFFSET = re.compile(r"(?:[+-]00:?00|Z|\b(?:UTC|GMT))\s*$", re.IGNORECASE)
EXPLICIT_OFFSET = re.compile(r"(?:[+-]\d{2}:?\d{2}|Z|\b(?:UTC|GMT))\s*$", re.IGNORECASE)
# Dates in a URL path: /2019/06/27/, /2019-06-27-, -20190627- (a year from 1990 on, a real month and day).
URL_DATE = re.compile(
    r"(?<![\d])(?P<year>(?:199|20[0-4])\d)(?P<sep>[/_-]?)(?P<month>0[1-9]|1[0-2])(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?![\d])"
)
DATE_PATTERNS = (
    ISO, NUMERIC, NUMERIC_NO_YEAR, NUMERIC_YEAR_FIRST, DAY_MONTH_YEAR, MONTH_DAY_YEAR, RELATIVE_FR, RELATIVE_EN,
    DAY_WORD,
)  # fmt: skip
SCANNED = (*DATE_PATTERNS, TIME_ONLY)
# What every text that a scanned pattern matches in holds, tested in this order: a digit, then a separator between
# digits, a month's first three letters or a clock mark; the word of a relative form (the tests check each against its
# pattern).  Most texts searched for a date lack most of them, and these tests, quick scans for a character or a word
# (patterns searched in the text; tuples of words, one of which it holds, see newsarchive.text.may_hold_word), cost
# less than the nine patterns, each of which tries every position of the text; a text without a digit is tested for
# the relative words only (see newsarchive.dates.scan.ScanPlan).
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")  # a year written whole in a date's text
DIGIT_SEPARATOR = re.compile(r"\d[/.-]\d")
CLOCK_MARK = re.compile(r"\d\s*[h:]", re.IGNORECASE)
IL_Y_A = re.compile(r"il\s+y\s+a", re.IGNORECASE)
MONTH_WORDS = tuple(sorted({name[:3] for name in MONTHS}))
AGO_WORDS = ("ago",)
DAY_WORD_WORDS = ("hier", "aujourd", "yesterday", "today")
SCAN_PREREQUISITES = {
    ISO: (DIGIT, DIGIT_SEPARATOR), NUMERIC: (DIGIT, DIGIT_SEPARATOR), NUMERIC_NO_YEAR: (DIGIT, DIGIT_SEPARATOR),
    NUMERIC_YEAR_FIRST: (DIGIT, DIGIT_SEPARATOR),
    DAY_MONTH_YEAR: (DIGIT, MONTH_WORDS), MONTH_DAY_YEAR: (DIGIT, MONTH_WORDS), TIME_ONLY: (DIGIT, CLOCK_MARK),
    RELATIVE_FR: (IL_Y_A,), RELATIVE_EN: (AGO_WORDS,), DAY_WORD: (DAY_WORD_WORDS,),
}  # fmt: skip

# (a verb before "par" signs the text: "Écrit par Léa Roy", "Publié par Léa Roy le 12 mars" is no label of the date)
_PUBLISHED_LABEL = (
    r"(?:publi[ée]e?s?|mise?\s+en\s+ligne|diffus[ée]e?|postée?|[ée]crite?)(?:\s+le|(?!\s+par\b))"
    r"|parue?(?:\s+le|(?!\s+(?:par|dans)\b))"  # not "Paru dans Le Journal n°2241 du 10 au 16 octobre": the print's
    r"|en\s+ligne\s+(?:le|depuis(?:\s+le)?)|date\s+de\s+publication|créée?\s+le|création"
    r"|published(?:\s+on)?|posted(?:\s+on)?"
)
MODIFIED_LABEL = (  # also read before a <time> element (newsarchive.extraction.date_context)
    r"(?:date\s+de\s+(?:la\s+)?)?(?:derni[èe]re\s+)?mise?\s+[àa]\s+jour(?:\s+le)?"
    r"|(?:date\s+de\s+(?:la\s+)?(?:derni[èe]re\s+)?|derni[èe]re\s+)(?:modification|actualisation|r[ée]vision)(?:\s+le)?"
    r"|modifi[ée]e?(?:\s+le)?|actualis[ée]e?(?:\s+le)?|m[àa]j|r[ée]vis[ée]e?(?:\s+le)?"
    r"|[ée]dit[ée]e?\s+le"  # Hexo's NexT in French: "Édité le"
    r"|(?:modification|actualisation)(?=\s*:)"  # the noun alone before a colon ("Actualisation : 13/03/2024")
    r"|derni(?:er|[èe]re)\s+ajout(?:\s+le)?"  # SPIP's "Dernier ajout :" (its "dernier_ajout" string)
    r"|(?:last\s+)?updated(?:\s+on)?|(?:last\s+)?modified(?:\s+on)?|last\s+edited(?:\s+on)?"
)
# The words of an event's date, not a publication's: a span ("du 15 au 20 avril 2024", "jusqu'au 20 avril", "à
# partir du 15 avril", "from May 2 to 5") or an event's label ("Événement :", "Date de l'événement :", "Quand :").
EVENT_DATE = re.compile(
    r"(?<!\w)(?:du\s+\d{1,2}(?:\s?er)?(?:\s+[^\W\d]+\.?(?:\s+\d{4})?)?\s+au\s|jusqu['’]au\s|à\s+partir\s+du\s|"
    r"dès\s+le\s|from\s+\S+(?:\s+\d{1,2})?\s+(?:to|until)\s|until\s|"
    r"(?:date\s+de\s+l['’])?(?:événement|évènement)\s*:|quand\s*:)",
    re.IGNORECASE,
)
DATE_LABELS = re.compile(
    rf"(?<!\w)(?:(?P<published>{_PUBLISHED_LABEL})|(?P<modified>{MODIFIED_LABEL})){_NOT_LETTER}\s*:?",
    re.IGNORECASE,
)
# A line that opens with a date's label and then its date ("Publié le 3 mars 2025 à 10h05", "Dernière mise à jour :
# 12/03/2024", "Updated 3 hours ago"): the dateline of an article, not its story
# (newsarchive.extraction.furniture_lines).
DATELINE = re.compile(
    rf"^\W*(?:(?:article|billet|page)\s+)?(?:{_PUBLISHED_LABEL}|{MODIFIED_LABEL}|veröffentlicht|aktualisiert|publicado|"
    rf"actualizado){_NOT_LETTER}\s*:?\s*(?:(?:le|à|on|at|am|el)\s|il\s+y\s+a|aujourd|hier|\d)",
    re.IGNORECASE,
)
# What every text that DATE_LABELS matches in holds (a test checks it).
LABEL_WORDS = ("publi", "paru", "mis", "ligne", "diffus", "post", "crit", "date", "modifi", "actualis", "màj", "maj",
               "cré", "updated", "edited", "dit", "vis", "ajout")
LEADING_LABELS = re.compile(
    rf"^(?:(?:{_PUBLISHED_LABEL}|{MODIFIED_LABEL}|le|on|du|date|à|at){_NOT_LETTER}\s*[:,-]?\s*)+"
)
