from datetime import datetime, timedelta, timezone
from re import _parser as sre_parse

import pytest
from test_extraction_vocabulary import holds_a_word

from newsarchive.dates import (
    PARIS,
    dates_an_event,
    find_date_strings,
    is_bare_date,
    is_date_line,
    names_a_period,
    normalise_date,
    parse_date,
    split_published_modified,
)

# Friday 8 August 2025, 12:00 in Paris (summer time).
NOW = datetime(2025, 8, 8, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # ISO 8601 meta values
        ("2025-08-06T12:32:00+00:00", "2025-08-06T14:32:00+02:00"),
        ("2025-08-06T12:32:00Z", "2025-08-06T14:32:00+02:00"),
        ("2025-08-06T12:32:00.123456+00:00", "2025-08-06T14:32:00+02:00"),
        ("2025-08-06T14:32:00+0200", "2025-08-06T14:32:00+02:00"),
        ("2025-08-06T08:32:00-04:00", "2025-08-06T14:32:00+02:00"),
        ("2025-08-06T14:32:00", "2025-08-06T14:32:00+02:00"),
        ("2025-08-06 14:32", "2025-08-06T14:32:00+02:00"),
        ("2025-08-06", "2025-08-06"),
        ("  2025-08-06T12:32:00+00:00\n", "2025-08-06T14:32:00+02:00"),
        # French text
        ("6 août 2025", "2025-08-06"),
        ("6 aout 2025", "2025-08-06"),
        ("1er août 2025", "2025-08-01"),
        ("1ᵉʳ août 2025", "2025-08-01"),
        ("1 er août 2025", "2025-08-01"),  # "1<sup>er</sup> août" read in pieces
        ("mercredi 6 août 2025 à 14h32", "2025-08-06T14:32:00+02:00"),
        ("Mercredi 6 Août 2025 à 14h32", "2025-08-06T14:32:00+02:00"),
        ("6 août 2025 à 14 h 32", "2025-08-06T14:32:00+02:00"),
        ("6 août 2025 à 14h", "2025-08-06T14:00:00+02:00"),
        ("6 août 2025 à 14 heures", "2025-08-06T14:00:00+02:00"),
        ("6 août 2025, 14:32", "2025-08-06T14:32:00+02:00"),
        ("6\u00a0août\u00a02025 à\u00a014h32", "2025-08-06T14:32:00+02:00"),
        ("06/08/2025 à 14:32", "2025-08-06T14:32:00+02:00"),
        ("06/08/2025", "2025-08-06"),
        ("06.08.2025", "2025-08-06"),
        ("6-8-2025 14h32", "2025-08-06T14:32:00+02:00"),
        ("06/08/25", "2025-08-06"),
        ("12/02/2025", "2025-02-12"),
        ("le 1er août 2025 à 8h", "2025-08-01T08:00:00+02:00"),
        ("sam. 2 août 2025", "2025-08-02"),
        # labels around the date
        ("Publié le 6 août 2025 à 14h32", "2025-08-06T14:32:00+02:00"),
        ("Publié le : 06/08/2025 à 14:32", "2025-08-06T14:32:00+02:00"),
        ("Mis à jour le 7 août 2025 à 09h10", "2025-08-07T09:10:00+02:00"),
        ("Mis à jour : 7 août 2025", "2025-08-07"),
        ("Modifié le 7 août 2025", "2025-08-07"),
        ("Le 6 août 2025.", "2025-08-06"),
        ("(6 août 2025)", "2025-08-06"),
        # abbreviated months
        ("6 janv. 2025", "2025-01-06"),
        ("6 févr. 2025", "2025-02-06"),
        ("6 fevr 2025", "2025-02-06"),
        ("6 avr. 2025", "2025-04-06"),
        ("6 juil. 2025", "2025-07-06"),
        ("6 sept. 2024", "2024-09-06"),
        ("6 oct. 2024", "2024-10-06"),
        ("6 nov. 2024 à 7h05", "2024-11-06T07:05:00+01:00"),
        ("6 déc. 2024", "2024-12-06"),
        ("6 dec 2024", "2024-12-06"),
        # English
        ("August 6, 2025", "2025-08-06"),
        ("Wednesday, August 6th, 2025", "2025-08-06"),
        ("6 August 2025", "2025-08-06"),
        ("Aug. 6, 2025 at 2:32 pm", "2025-08-06T14:32:00+02:00"),
        ("Aug 6, 2025 12:05 AM", "2025-08-06T00:05:00+02:00"),
        ("Wed, 06 Aug 2025 12:32:00 +0000", "2025-08-06T14:32:00+02:00"),
        ("Published 6:05 PM EDT, Wed August 6, 2025", "2025-08-07T00:05:00+02:00"),
        ("2025/08/06", "2025-08-06"),
        ("6th of August 2025", "2025-08-06"),
        # zone names, read by dateparser
        ("6 août 2025 à 14h32 UTC", "2025-08-06T16:32:00+02:00"),
        ("6 août 2025 14:32:10 CEST", "2025-08-06T14:32:10+02:00"),
        ("Aug 6, 2025 11:30 PM EDT", "2025-08-07T05:30:00+02:00"),
        # unix timestamps
        ("1754483520", "2025-08-06T14:32:00+02:00"),
        ("1754483520000", "2025-08-06T14:32:00+02:00"),
        (1754483520, "2025-08-06T14:32:00+02:00"),
        # a day as eight digits, a whole value (<meta name="pubdate" content="20250806">)
        ("20250806", "2025-08-06"),
        # an ISO day with its time written after "à"
        ("2025-08-06 à 14:32", "2025-08-06T14:32:00+02:00"),
    ],
)
def test_normalise_date_absolute_forms(raw, expected):
    assert normalise_date(raw, now=NOW) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("Publié le 6 août 2025 à midi", "2025-08-06T12:00:00+02:00"),
    ("6 août 2025 à minuit", "2025-08-06T00:00:00+02:00"),
    ("06/08/2025 vers midi", "2025-08-06T12:00:00+02:00"),
    ("Publié hier à midi", "2025-08-07T12:00:00+02:00"),
])
def test_noon_and_midnight_written_as_words_are_the_time(raw, expected):
    """``à midi`` and ``à minuit`` after a day are its time of day: the day alone was read."""
    assert normalise_date(raw, now=NOW) == expected


@pytest.mark.parametrize(("text", "found"), [
    ("Publié le 6 août 2025 à midi.", ["6 août 2025 à midi"]),
    ("Publié le 6 août 2025 à midi et demi", ["6 août 2025"]),  # no minute read: the day alone, not a wrong time
    ("Le 6 août 2025 à Midi-Pyrénées, la fête", ["6 août 2025"]),  # a place
])
def test_noon_is_read_as_a_time_only_when_it_is_one(text, found):
    assert find_date_strings(text) == found


@pytest.mark.parametrize("raw", ["20250231", "20251306", "12345678"])
def test_eight_digits_that_make_no_day_are_no_date(raw):
    assert normalise_date(raw, now=NOW) is None


def test_eight_digits_are_no_date_inside_a_text():
    assert find_date_strings("Dossier 20250806 ouvert le 6 août 2025") == ["6 août 2025"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("il y a 3 heures", "2025-08-08T09:00:00+02:00"),
        ("Il y a 5 min", "2025-08-08T11:55:00+02:00"),
        ("il y a 30 secondes", "2025-08-08T11:59:30+02:00"),
        ("il y a une heure", "2025-08-08T11:00:00+02:00"),
        ("il y a 1 h 20 min", "2025-08-08T10:40:00+02:00"),
        ("il y a 2 jours", "2025-08-06"),
        ("il y a 1 jour et 3 heures", "2025-08-07T09:00:00+02:00"),
        ("Publié il y a 2 h", "2025-08-08T10:00:00+02:00"),
        ("aujourd'hui à 9h", "2025-08-08T09:00:00+02:00"),
        ("Aujourd’hui à 9h15", "2025-08-08T09:15:00+02:00"),
        ("aujourd'hui", "2025-08-08"),
        ("hier à 18h05", "2025-08-07T18:05:00+02:00"),
        ("hier", "2025-08-07"),
        ("avant-hier", "2025-08-06"),
        ("avant-hier à 7h", "2025-08-06T07:00:00+02:00"),
        ("3 hours ago", "2025-08-08T09:00:00+02:00"),
        ("2 days ago", "2025-08-06"),
        ("yesterday at 6:05 pm", "2025-08-07T18:05:00+02:00"),
        # a missing year is the most recent one
        ("6 août", "2025-08-06"),
        ("6 août à 14h32", "2025-08-06T14:32:00+02:00"),
        ("20 août", "2024-08-20"),
        ("29 février", "2024-02-29"),
    ],
)
def test_normalise_date_relative_to_now(raw, expected):
    assert normalise_date(raw, now=NOW) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("4 juın 2019", "2019-06-04"),  # the dotless ı, which the case-blind patterns read as an i
        ("lundı 3 juin 2019", "2019-06-03"),
        ("avrıl 3, 2019", "2019-04-03"),
        ("hıer à 18h05", "2025-08-07T18:05:00+02:00"),
        ("il y a 3 mınutes", "2025-08-08T11:57:00+02:00"),
        ("aujourd' hui", "2025-08-08"),  # a space after the apostrophe
    ],
)
def test_a_name_the_patterns_read_is_found_in_the_vocabulary(raw, expected):
    """Every name a pattern matches is looked up in its vocabulary as the vocabulary writes it: no KeyError that would
    stop the extraction of the page."""
    assert normalise_date(raw, now=NOW) == expected


def test_a_page_dated_with_a_dotless_i_is_extracted():
    from newsarchive.extraction import extract_article

    html = ("<html><body><main><article><h1>Le titre</h1><p class='date'>Publié le 4 juın 2019</p>"
            f"<p>{'Un paragraphe du corps de l’article. ' * 20}</p></article></main></body></html>")
    record = extract_article(html.encode("utf-8"), "https://journal.example/societe/titre", fetched_at=NOW)
    assert record["published"] == "2019-06-04"


def test_normalise_date_keeps_explicit_offsets_only_when_asked():
    assert normalise_date("Wed, 06 Aug 2025 20:30:00 -0400") == "2025-08-07T02:30:00+02:00"
    assert normalise_date("Wed, 06 Aug 2025 20:30:00 -0400", keep_offset=True) == "2025-08-06T20:30:00-04:00"
    assert normalise_date("2025-08-06T08:32:00+05:30", keep_offset=True) == "2025-08-06T08:32:00+05:30"
    assert normalise_date("2025-08-06", keep_offset=True) == "2025-08-06"


@pytest.mark.parametrize(("raw", "expected"), [
    ("12 mars 2024 à 14:30 UTC", "2024-03-12T15:30:00+01:00"),  # UTC: the site's time
    ("March 7, 2024 7:55 AM UTC", "2024-03-07T08:55:00+01:00"),
    ("12 mars 2024 à 14:30 (GMT)", "2024-03-12T15:30:00+01:00"),
    ("12 mars 2024 à 14 h 30 (GMT+2)", "2024-03-12T14:30:00+02:00"),  # an offset: kept
    ("12 mars 2024, 14:30 UTC-04:00", "2024-03-12T14:30:00-04:00"),
    ("12 mars 2024 à 10 h 05 HAE", "2024-03-12T10:05:00-04:00"),  # heure avancée de l'Est
    ("2 novembre 2022, 20:39 CET", "2022-11-02T20:39:00+01:00"),
    ("25 avril 2017, 21:43 CEST", "2017-04-25T21:43:00+02:00"),
    ("hier à 14h30 UTC", "2025-08-07T16:30:00+02:00"),
])
def test_a_time_written_with_its_zone_is_read_in_it(raw, expected):
    assert normalise_date(raw, now=NOW, keep_offset=True) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("12/03 à 14h30", "2025-03-12T14:30:00+01:00"),  # the latest 12 March before NOW (8 August 2025)
    ("12.03. à 14h30", "2025-03-12T14:30:00+01:00"),
    ("mer. 12/03 - 14:30", "2025-03-12T14:30:00+01:00"),  # Wednesday 12 March 2025
    ("jeu. 12/03 - 14:30", "2020-03-12T14:30:00+01:00"),  # the latest 12 March on a Thursday
    ("31/02 à 14h30", None),
    ("12/09 à 14h30", "2024-09-12T14:30:00+02:00"),  # not after NOW: last year's
])
def test_a_day_and_month_without_a_year_before_a_time(raw, expected):
    assert normalise_date(raw, now=NOW) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("12 03 2024", "2024-03-12"),  # a theme's day, month and year in elements of their own, read spaced
    ("3 12 2024", "2024-12-03"),  # day first
    ("12 03 2024 10:05", "2024-03-12T10:05:00+01:00"),
    ("32 03 2024", None), ("12 13 2024", None), ("12 03 1850", None), ("06 12 45 78 90", None), ("1 2 3", None),
])
def test_a_day_month_and_year_parted_by_spaces_alone_are_a_date(raw, expected):
    assert normalise_date(raw, now=NOW) == expected


def test_a_day_month_and_year_parted_by_spaces_are_not_looked_for_in_a_longer_text():
    assert find_date_strings("Le score était de 12 03 2024 points") == []


@pytest.mark.parametrize(("raw", "expected"), [
    ("mardi 3 mars", "2020-03-03"),  # NOW is 8 August 2025: the latest 3 March on a Tuesday
    ("Tuesday, March 3", "2020-03-03"),
    ("lundi 3 mars", "2025-03-03"),  # this year's
    ("3 mars", "2025-03-03"),
    ("samedi 29 février", "2020-02-29"),
])
def test_a_day_without_its_year_is_the_latest_on_the_weekday_written_before_it(raw, expected):
    assert normalise_date(raw, now=NOW) == expected


@pytest.mark.parametrize("text", ["Publié le 12/03", "La version 2.1 à 14h30", "3/4 à 12:00"])
def test_a_day_and_month_are_no_date_without_a_time_after_them_nor_with_one_digit(text):
    assert not any("/" in found or "." in found for found in find_date_strings(text))


def test_the_scan_keeps_the_zone_after_a_time_but_no_word_that_spells_one():
    assert find_date_strings("Publié le 12 mars 2024 à 14:30 UTC.") == ["12 mars 2024 à 14:30 UTC"]
    assert find_date_strings("La réunion du 12 mars 2024 à 14h30 est annulée") == ["12 mars 2024 à 14h30"]


def test_relative_forms_follow_now():
    later = NOW + timedelta(days=30)
    assert normalise_date("il y a 3 heures", now=later) == "2025-09-07T09:00:00+02:00"
    assert normalise_date("hier", now=later) == "2025-09-06"


def test_relative_hours_count_elapsed_time_across_dst():
    # 31 March 2025 01:30 Paris (+02:00); 24 hours earlier the clocks still said +01:00.
    after_switch = datetime(2025, 3, 30, 23, 30, tzinfo=timezone.utc)
    assert normalise_date("il y a 24 heures", now=after_switch) == "2025-03-30T00:30:00+01:00"


def test_now_defaults_to_current_time():
    value = parse_date("il y a 5 min")
    assert value is not None
    assert abs(datetime.now(timezone.utc) - timedelta(minutes=5) - value) < timedelta(seconds=30)


def test_naive_now_is_utc():
    assert normalise_date("il y a 3 heures", now=NOW.replace(tzinfo=None)) == "2025-08-08T09:00:00+02:00"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("15 janvier 2025 à 10h00", "2025-01-15T10:00:00+01:00"),
        ("15 juillet 2025 à 10h00", "2025-07-15T10:00:00+02:00"),
        ("2025-01-15T09:00:00Z", "2025-01-15T10:00:00+01:00"),
        ("2025-07-15T08:00:00Z", "2025-07-15T10:00:00+02:00"),
        # last hour of summer time and first of winter time
        ("2024-10-27T00:30:00Z", "2024-10-27T02:30:00+02:00"),
        ("2024-10-27T01:30:00Z", "2024-10-27T02:30:00+01:00"),
        ("30 mars 2025 à 1h59", "2025-03-30T01:59:00+01:00"),
        ("30 mars 2025 à 3h00", "2025-03-30T03:00:00+02:00"),
        # a skipped wall-clock time moves forward by the gap
        ("30 mars 2025 à 2h30", "2025-03-30T03:30:00+02:00"),
        ("2025-03-30T02:30:00", "2025-03-30T03:30:00+02:00"),
        # a repeated wall-clock time takes its second occurrence (winter time)
        ("27 octobre 2024 à 2h30", "2024-10-27T02:30:00+01:00"),
        ("2024-10-27T02:30:00", "2024-10-27T02:30:00+01:00"),
    ],
)
def test_daylight_saving_time(raw, expected):
    assert normalise_date(raw, now=NOW) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "31 février 2025",
        "30/02/2025",
        "32/13/2025",
        "2025-13-01",
        "2025-02-30T10:00:00Z",
        "6 août 2025 à 25h00",
        "Aug 6, 2025 13:05 PM",
        "mardi 6 août 2025",  # 6 August 2025 is a Wednesday
        "août 2025",
        "2025",
        "le 6",
        "6",
        "il y a 3 mois",
        "il y a 2 semaines",
        "il y a quelques minutes",
        "2 weeks ago",
        "6 août 2025 7 août 2025",
        "Publié le 6 août 2025 à 14h32 Mis à jour le 7 août 2025 à 09h10",
        "2024-10-27 days pm",  # dateparser alone would make 12 July 2025 of this
        "2025 heures",
        # a time of day names no day: it is never dated
        "9h30",
        "Mis à jour à 11h58",
        "14h32",
        "15:14",
        "demain",
        "dans 3 jours",
        "by Sara",
        "blah",
        "Lorem ipsum dolor sit amet",
        "",
        "   ",
        None,
        ["2025-08-06"],
        True,
    ],
)
def test_impossible_ambiguous_or_garbage_gives_none(raw):
    assert normalise_date(raw, now=NOW) is None
    assert parse_date(raw, now=NOW) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("07/05/2024", "2024-05-07"),  # day first, as French pages write it
        ("03/05/2024", "2024-05-03"),
        ("ven, 03/05/2024", "2024-05-03"),  # Friday 3 May: the weekday agrees with the day-first reading
        # Drupal's default format (D, m/d/Y - H:i) on a site left with it: Tuesday 5 March, not Friday 3 May
        ("mar, 03/05/2024 - 10:30", "2024-03-05T10:30:00+01:00"),
        ("Tue, 03/05/2024 - 10:30", "2024-03-05T10:30:00+01:00"),
        ("jeu 07/05/2020 - 14:32", "2020-05-07T14:32:00+02:00"),  # Drupal 9's Olivero, a day-first format
        ("03/15/2024", "2024-03-15"),  # read day first, no date: the month comes first
        ("03-15-2024", "2024-03-15"),
        ("06/20/2019", "2019-06-20"),  # a day written second above 19 (Drupal 6's Garland: jeu, 06/20/2019 - 10:21)
        ("jeu, 06/20/2019 - 10:21", "2019-06-20T10:21:00+02:00"),
        ("lun, 06/20/2019", None),  # 20 June 2019 is no Monday
        ("06.20.2019", None),
        ("dim, 03/05/2024", None),  # neither 3 May nor 5 March 2024 is a Sunday
        ("03.15.2024", None),  # dotted dates are written day first
        ("15.03.2024", "2024-03-15"),
    ],
)
def test_a_numeric_date_is_read_day_first_unless_its_weekday_or_its_numbers_say_otherwise(raw, expected):
    assert normalise_date(raw, now=NOW) == expected


def test_of_two_readings_on_the_weekday_written_the_one_not_after_now_is_the_date():
    """Drupal 7's default format, ``mar, 03/12/2024 - 10:05``: 3 December and 12 March 2024 are both Tuesdays; read in
    June 2024, day first gave 3 December, refused as to come, and the page had no date."""
    june = datetime(2024, 6, 1, 10, 0, tzinfo=timezone.utc)
    assert normalise_date("mar, 03/12/2024 - 10:05", now=june) == "2024-03-12T10:05:00+01:00"
    assert normalise_date("mar, 03/12/2024 - 10:05", now=datetime(2025, 1, 1, tzinfo=timezone.utc)) == \
        "2024-12-03T10:05:00+01:00"  # both past: day first, as a French site writes it
    assert normalise_date("03/12/2024", now=june) is None  # no weekday: day first, to come, so no date


@pytest.mark.parametrize(("text", "bare"), [
    ("14 mars 2023", True), ("12/03/2024 à 10h05", True), ("mardi 12 mars", True),
    ("2023", False), ("3-1", False), ("Publié le 14 mars 2023", False), ("Le 14 mars 2023, il pleuvait.", False),
])
def test_a_bare_date_is_a_date_and_nothing_else(text, bare):
    assert is_bare_date(text) is bare


@pytest.mark.parametrize(("raw", "expected"), [
    ("12 Mar 24 à 18:05", "2024-03-12T18:05:00+01:00"),  # actu.fr writes its dates so
    ("12 mars 24", "2024-03-12"),
    ("12 mars 24, 18:05", "2024-03-12T18:05:00+01:00"),
    ("04 FEB 26", None),  # 2026: after the reference time
])
def test_a_year_of_two_digits_after_a_month_s_name(raw, expected):
    assert normalise_date(raw, now=NOW) == expected


def test_two_digits_after_a_month_s_name_are_a_year_only_where_a_time_or_the_line_s_end_follows():
    assert find_date_strings("le 3 avril 15 manifestants") == ["3 avril"]
    assert find_date_strings("Publié le 12 Mar 24 à 18:05 Mis à jour le 13 Mar 24 à 7:12") == [
        "12 Mar 24 à 18:05", "13 Mar 24 à 7:12"]


def test_a_year_after_a_comma_is_read_only_where_the_line_ends_or_a_time_follows():
    assert find_date_strings("Updated: 10:09am, 20 Jan, 2020") == ["10:09am, 20 Jan, 2020"]
    assert normalise_date("20 Jan, 2020, 10:09", now=NOW) == "2020-01-20T10:09:00+01:00"
    assert find_date_strings("le 12 mars, 2000 manifestants ont défilé") == ["12 mars"]


@pytest.mark.parametrize(("text", "found", "read"), [
    ("12 mars 2024 • 10h05", "12 mars 2024 • 10h05", "2024-03-12T10:05:00+01:00"),  # a bullet or a dot between them
    ("Publié le 12 mars 2024 ⋅ 10:05", "12 mars 2024 ⋅ 10:05", "2024-03-12T10:05:00+01:00"),
    ("Mardi 12 mars 2024 / 10:05", "Mardi 12 mars 2024 / 10:05", "2024-03-12T10:05:00+01:00"),  # a slash set apart
    ("12/03/2024 / 10:05", "12/03/2024 / 10:05", "2024-03-12T10:05:00+01:00"),
])
def test_a_time_written_after_its_day_beyond_a_bullet_or_a_slash_is_a_part_of_it(text, found, read):
    """The time after a day was cut off when a bullet (``•``, ``⋅``) or a slash parted them: the day alone."""
    assert find_date_strings(text) == [found]
    assert normalise_date(found, now=NOW) == read


@pytest.mark.parametrize(("text", "found", "read"), [
    ("Publié le 12 mars 2024 (10h05)", "12 mars 2024 (10h05)", "2024-03-12T10:05:00+01:00"),
    ("Mis en ligne le 12/03/2024 ( 10:05 )", "12/03/2024 ( 10:05 )", "2024-03-12T10:05:00+01:00"),
    ("Le 12 mars (10h05)", "12 mars (10h05)", "2025-03-12T10:05:00+01:00"),  # the latest 12 March before NOW
])
def test_a_time_in_brackets_after_its_day_is_a_part_of_it(text, found, read):
    assert find_date_strings(text) == [found]
    assert normalise_date(found, now=NOW) == read


@pytest.mark.parametrize("text", ["12 mars 2024 (mis à jour le 13 mars)", "12 mars 2024 (3:45 min)",
                                  "12 mars 2024 (à midi)"])
def test_brackets_after_a_day_without_a_time_in_them_leave_the_day_alone(text):
    assert find_date_strings(text)[0] == "12 mars 2024"


@pytest.mark.parametrize(("text", "found", "read"), [
    ("Publié à 10h05 le 12 mars 2024", "10h05 le 12 mars 2024", "2024-03-12T10:05:00+01:00"),
    ("Mis en ligne à 18h30, le 3 avril 2024", "18h30, le 3 avril 2024", "2024-04-03T18:30:00+02:00"),
    ("10:05 - 12/03/2024", "10:05 - 12/03/2024", "2024-03-12T10:05:00+01:00"),
    ("Posted at 10:05 AM on March 12, 2024", "10:05 AM on March 12, 2024", "2024-03-12T10:05:00+01:00"),
])
def test_a_time_written_before_its_day_is_a_part_of_it(text, found, read):
    assert find_date_strings(text) == [found]
    assert normalise_date(found, now=NOW) == read


@pytest.mark.parametrize(("text", "found", "read"), [
    ("Publié le 20\u201106\u20112019", "20-06-2019", "2019-06-20"),  # non-breaking hyphens
    ("20 juin 2019 \u2010 22:35", "20 juin 2019 - 22:35", "2019-06-20T22:35:00+02:00"),  # a hyphen
    ("le 20\u201206\u20122019 à 10h05", "20-06-2019 à 10h05", "2019-06-20T10:05:00+02:00"),  # figure dashes
    ("20\u221206\u22122019", "20-06-2019", "2019-06-20"),  # minus signs
])
def test_a_date_written_with_typographic_hyphens_is_read_as_with_hyphens(text, found, read):
    """Dates written with the non-breaking hyphen, the hyphen, the figure dash or the minus sign were no date, or a day
    without its time."""
    assert find_date_strings(text) == [found]
    assert normalise_date(found, now=NOW) == read


def test_an_iso_day_keeps_its_time_written_after_a():
    assert find_date_strings("Publié le 2025-08-06 à 14:32") == ["2025-08-06 à 14:32"]


@pytest.mark.parametrize("raw, read", [
    ("2024-03-14MSK10:05:00+03:00", "2024-03-14T08:05:00+01:00"),
    ("2024-03-14CET10:05:00+01:00", "2024-03-14T10:05:00+01:00"),
])
def test_an_iso_date_with_a_zone_s_letters_for_its_t_keeps_its_time(raw, read):
    """Tilda's microdata write the zone's letters where ISO 8601 writes ``T`` (``datePublished`` ``2024-03-14MSK10:05:00
    +03:00``): the day alone was read, the modified date not at all."""
    assert normalise_date(raw, now=NOW) == read


def test_a_time_before_another_time_or_a_time_ago_stays_apart():
    assert find_date_strings("10h05 il y a 3 jours") == ["10h05", "il y a 3 jours"]
    assert find_date_strings("De 10h15 à 12h30 le 3 avril") == ["10h15", "12h30 le 3 avril"]


def test_the_scan_keeps_the_weekday_of_a_numeric_date():
    assert find_date_strings("Soumis par admin le mar, 03/05/2024 - 10:30") == ["mar, 03/05/2024 - 10:30"]
    assert find_date_strings("Lisamar, 03/05/2024") == ["03/05/2024"]  # a word ending as a weekday is none
    assert find_date_strings("jeu, 06/20/2019 - 10:21 — marie") == ["jeu, 06/20/2019 - 10:21"]


@pytest.mark.parametrize(
    "raw",
    [
        "2025-08-11T00:00:00+02:00",
        "15 août 2025",
        "1 janvier 2030",
        "9999999999",
        "1 janvier 1989",
        "1989-12-31T22:59:59Z",
        "123456789",
    ],
)
def test_far_future_and_before_1990_give_none(raw):
    assert normalise_date(raw, now=NOW) is None


def test_dates_up_to_two_days_ahead_are_kept():
    assert normalise_date("10 août 2025", now=NOW) == "2025-08-10"
    assert normalise_date("1 janvier 1990", now=NOW) == "1990-01-01"
    assert normalise_date("1989-12-31T23:00:00Z", now=NOW) == "1990-01-01T00:00:00+01:00"


def test_parse_date_returns_aware_datetimes():
    value = parse_date("2025-08-06T12:32:00+00:00", now=NOW)
    assert value == datetime(2025, 8, 6, 12, 32, tzinfo=timezone.utc)
    assert value.utcoffset() == timedelta(hours=2)
    midnight = parse_date("6 août 2025", now=NOW)
    assert (midnight.hour, midnight.minute, midnight.utcoffset()) == (0, 0, timedelta(hours=2))
    assert parse_date("6 janvier 2025", now=NOW).utcoffset() == timedelta(hours=1)


def test_parse_date_honours_tz():
    from zoneinfo import ZoneInfo

    montreal = ZoneInfo("America/Montreal")
    value = parse_date("6 août 2025 à 14h32", now=NOW, tz=montreal)
    assert value.isoformat() == "2025-08-06T14:32:00-04:00"
    assert parse_date("6 août 2025 à 14h32", now=NOW).tzinfo == PARIS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Publié le 6 août 2025 à 14h32 Mis à jour le 7 août 2025 à 09h10",
            ("6 août 2025 à 14h32", "7 août 2025 à 09h10"),
        ),
        ("Publié le 6 août 2025, modifié le 7 août 2025", ("6 août 2025", "7 août 2025")),
        (
            "Publié le 06/08/2025 à 14:32 | Mis à jour : 07/08/2025 à 09:10",
            ("06/08/2025 à 14:32", "07/08/2025 à 09:10"),
        ),
        ("Mis à jour : il y a 3 heures", (None, "il y a 3 heures")),
        ("Mis à jour le 7 août · Publié le 6 août 2025", ("6 août 2025", "7 août")),
        ("mercredi 6 août 2025 à 14h32 — mis à jour à 16h05", ("mercredi 6 août 2025 à 14h32", "16h05")),
        ("Publié le 6 août 2025 à 14h32 par Sara", ("6 août 2025 à 14h32", None)),
        ("PUBLIÉ LE 6 AOÛT 2025", ("6 AOÛT 2025", None)),
        ("Published August 6, 2025 · Updated August 7, 2025", ("August 6, 2025", "August 7, 2025")),
        ("Dernière mise à jour le 7 août 2025", (None, "7 août 2025")),
        ("Publié le 6 août 2025, dernière modification le 7 août 2025", ("6 août 2025", "7 août 2025")),
        ("Dernière actualisation : 7 août 2025 à 09h10", (None, "7 août 2025 à 09h10")),
        ("Publié le 6 août 2025 - Dernière révision : 7 août 2025", ("6 août 2025", "7 août 2025")),
        # a range that writes the year with its last day only: its first day takes that year (it took the fetch's)
        ("Du 28 mars au 2 avril 2026", ("28 mars 2026", None)),
        ("du 28 décembre au 2 janvier 2026", ("28 décembre 2025", None)),
        ("28 mars – 2 avril 2026", ("28 mars 2026", None)),
        ("Le 28 mars, réunion le 2 avril 2026", ("28 mars", None)),  # no range: the day as written
        # SPIP's SoyezCréateurs: the day's name, the date, then its "Dernier ajout" (last addition) date
        ("mercredi 6 août 2025 — Dernier ajout : jeudi 7 août 2025", ("mercredi 6 août 2025", "jeudi 7 août 2025")),
        ("Date de dernière mise à jour : 07/08/2025", (None, "07/08/2025")),
        ("Date de modification : 07/08/2025", (None, "07/08/2025")),
        # the noun alone before a colon labels the modified date too
        ("Publication : 06/08/2025 - Actualisation : 07/08/2025", ("06/08/2025", "07/08/2025")),
        ("Publié le 06/08/2025 - Modification : 07/08/2025", ("06/08/2025", "07/08/2025")),
        ("Publié le 06/08/2025. La modification du plan sera votée le 20/08/2025.", ("06/08/2025", None)),
        ("Publié le 6 août 2025, révisé le 7 août 2025", ("6 août 2025", "7 août 2025")),  # was a second date
        # a verb before "par" signs the text and labels no date: the date before it was dropped, the name read
        ("Créé le mardi 12 mars 2024 10:05 | Écrit par Léa Roy | Vues : 12", ("mardi 12 mars 2024 10:05", None)),
        ("Publié par Léa Roy le 12 mars 2024", ("12 mars 2024", None)),
        ("Création : 12/03/2024", ("12/03/2024", None)),  # Joomla's
        ("Révisée le 07/08/2025", (None, "07/08/2025")),
        ("La modification du règlement date de 2019", ("La modification du règlement date de 2019", None)),
        ("by Sara", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_split_published_modified(text, expected):
    assert split_published_modified(text) == expected


def test_split_parts_parse():
    text = "Publié le 6 août 2025 à 14h32 Mis à jour le 7 août 2025 à 09h10"
    published, modified = split_published_modified(text)
    assert normalise_date(published, now=NOW) == "2025-08-06T14:32:00+02:00"
    assert normalise_date(modified, now=NOW) == "2025-08-07T09:10:00+02:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "by Sara · mercredi 6 août 2025 à 14h32 · Mis à jour le 07/08/2025 à 09:10",
            ["mercredi 6 août 2025 à 14h32", "07/08/2025 à 09:10"],
        ),
        ("il y a 3 heures, lu 5 min", ["il y a 3 heures"]),
        ("2025-08-06T12:32:00Z et hier à 18h05", ["2025-08-06T12:32:00Z", "hier à 18h05"]),
        ("Le 1er août 2025, puis le 3 sept. 2025", ["1er août 2025", "3 sept. 2025"]),
        ("Posted August 6, 2025 at 2:32 pm", ["August 6, 2025 at 2:32 pm"]),
        ("Mis à jour à 16h05", ["16h05"]),
        ("5 min de lecture, 3 commentaires, version 1.2.3, 12 marches", []),
        ("", []),
        (None, []),
    ],
)
def test_find_date_strings(text, expected):
    assert find_date_strings(text) == expected



@pytest.mark.parametrize(("text", "expected"), [
    ("Diffusé le 12 mars 2024 · 3:45 min", "2024-03-12"),  # a podcast's length beside its date
    ("Diffusé le 12/03/2024 - 3:45 mn", "2024-03-12"),
    ("Mise en ligne le 12 mars 2024 | 12:30 secondes", "2024-03-12"),
    ("Diffusé le 12 mars 2024 - 1:02:33", "2024-03-12"),  # hours, minutes and seconds, the hour of one digit
    # times of day stay
    ("Publié le 12 mars 2024 à 15:45:12", "2024-03-12T15:45:12+01:00"),
    ("Publié le 12 mars 2024 - 01:02:33", "2024-03-12T01:02:33+01:00"),
    ("March 12, 2024 1:02:33 PM", "2024-03-12T13:02:33+01:00"),
    ("Publié le 12 mars 2024 à 9:30", "2024-03-12T09:30:00+01:00"),
    ("Mis en ligne le 12 mars 2024 à 10 h 05 min", "2024-03-12T10:05:00+01:00"),  # the formal French time
    ("Publié le 12 mars 2024 à 10h05min", "2024-03-12T10:05:00+01:00"),  # its unit glued to the minutes
    ("Publié le 12/03/2024 à 15H30MN", "2024-03-12T15:30:00+01:00"),
    ("Diffusé le 12 mars 2024 · 3:45min", "2024-03-12"),  # a length, glued to its unit
])
def test_a_duration_beside_a_date_is_no_time_of_day(text, expected):
    (found,) = find_date_strings(text)
    assert normalise_date(found, now=NOW) == expected


def test_a_sentence_after_a_time_is_no_unit_of_duration():
    assert find_date_strings("Lyon, le 12 mars 2024 à 10h05 s'est tenue la réunion") == ["12 mars 2024 à 10h05"]


def test_every_scanned_pattern_matches_only_where_its_prerequisites_do():
    """The scan skips a pattern in a text without its prerequisites (a separator between digits, a month's first
    letters, a relative word): every expression the pattern finds holds them, so the skip loses nothing.  A pattern
    prerequisite is searched in every match of sample texts; a word prerequisite is read from the pattern itself (the
    letters of the words are checked in test_extraction_vocabulary)."""
    from newsarchive.dates.patterns import DATE_LABELS, LABEL_WORDS, SCAN_PREREQUISITES, SCANNED

    texts = ["Publié le 6 août 2025 à 14h32 Mis à jour le 7 août 2025 à 09h10", "il y a 3 heures", "il y a une heure",
             "a day ago", "one hour, 5 min ago", "an hour ago", "hier à 18h05", "avant-hier", "aujourd'hui à 9h",
             "today at 10:00", "the day before yesterday", "Wed, 06 Aug 2025 12:32:00 +0000", "2025/08/06 08:00",
             "06.08.25 - 14h", "August 6th, 2025 at 2:32 pm", "mer. 6 août", "2025-08-06T12:32:00Z", "14 h 32",
             "IL Y A QUELQUES MINUTES", "Il y a un an", "TODAY", "Hier", "3 JUİN 2019 À 8H05", "ıl y a 2 jours",
             "12 DÉC. 2020", "YESTERDAY at 10:00", "3 HOURS AGO", "2025.08.06", "6-8-2025"]
    assert set(SCAN_PREREQUISITES) == set(SCANNED)
    found = 0
    for pattern, prerequisites in SCAN_PREREQUISITES.items():
        for needed in prerequisites:
            if isinstance(needed, tuple):
                assert holds_a_word(sre_parse.parse(pattern.pattern), needed), (pattern.pattern, needed)
                continue
            for text in texts:
                for match in pattern.finditer(text):
                    assert needed.search(match.group(0)), (pattern.pattern, needed.pattern, match.group(0))
                    found += 1
    assert found > len(texts)
    assert holds_a_word(sre_parse.parse(DATE_LABELS.pattern), LABEL_WORDS)
    assert not holds_a_word(sre_parse.parse(DATE_LABELS.pattern), ("zzz",))  # the reading can fail


@pytest.mark.parametrize("text", [
    "Publié le 6 août 2025 à 14h32", "il y a 3 heures", "a day ago", "hier à 18h05", "TODAY at 10:00", "2025/08/06",
    "3 JUİN 2019", "ıl y a 2 jours", "Par Léa Roy", "12 commentaires", "06.08.25 - 14h", "Mis à jour à 16h05", "",
])
def test_a_scan_plan_passes_over_only_the_patterns_that_find_nothing(text):
    """A plan tests each pattern's prerequisites before the pattern is searched: every pattern that matches the text
    is among the possible ones, and a text without a digit is not searched with the patterns that need one."""
    from newsarchive.dates.patterns import DATE_PATTERNS, DAY_WORD, DIGIT, RELATIVE_EN, RELATIVE_FR
    from newsarchive.dates.scan import DATE_PLAN, SCANNED_PLAN, _possible

    for plan in (SCANNED_PLAN, DATE_PLAN):
        possible = _possible(text, plan)
        assert [pattern for pattern, _ in plan.patterns if pattern.search(text)] == [
            pattern for pattern in possible if pattern.search(text)]
        assert set(possible) <= {pattern for pattern, _ in plan.patterns}
    assert [pattern for pattern, _ in DATE_PLAN.patterns] == list(DATE_PATTERNS)
    if not DIGIT.search(text):  # the forms written without a digit only
        assert set(_possible(text, SCANNED_PLAN)) <= {RELATIVE_FR, RELATIVE_EN, DAY_WORD}


def test_the_month_patterns_find_every_month_and_weekday_name_in_any_case():
    """Each list of names is tried only where one of its first letters stands (a lookahead before it): every name,
    in any case, is still found."""
    from newsarchive.dates.patterns import DAY_MONTH_YEAR, MONTH_DAY_YEAR, MONTHS, WEEKDAYS

    for month in MONTHS:
        for name in (month, month.upper(), month.title()):
            assert DAY_MONTH_YEAR.fullmatch(f"3 {name} 2020").group("month") == name
            assert MONTH_DAY_YEAR.fullmatch(f"{name} 3, 2020").group("month") == name
    for weekday in WEEKDAYS:
        for name in (weekday, weekday.upper(), weekday.title()):
            assert DAY_MONTH_YEAR.fullmatch(f"{name} 3 mai 2020").group("weekday") == name
            assert MONTH_DAY_YEAR.fullmatch(f"{name}, may 3, 2020").group("weekday") == name


def test_the_scan_finds_dates_written_with_the_letters_case_blind_patterns_read_as_i_and_s():
    assert find_date_strings("3 JUİN 2019 et 4 juın 2019") == ["3 JUİN 2019", "4 juın 2019"]
    assert split_published_modified("PUBLİÉ LE 3 JUİN 2019, mıs à jour le 4 juin 2019") == ("3 JUİN 2019", "4 juin 2019")


@pytest.mark.parametrize("raw", [
    "2025-08-06T12:32:00Z", "2025-08-06T12:32:00+00:00", "2025-08-06 12:32:00 +0000", "Wed, 06 Aug 2025 12:32:00 GMT",
    "6 août 2025 12:32 UTC", "2025-08-06T12:32:00+02:00", "2025-08-06T12:32:00.123z", "6 août 2025 à 12h32",
    "2025-08-06", "  2025-08-06T12:32:00Z  ",
])
def test_a_reading_is_in_utc_when_its_text_ends_with_a_utc_mark(raw):
    """The UTC mark is searched in the last characters only: the same answer as a search of the whole text."""
    from newsarchive.dates import read_date
    from newsarchive.dates.patterns import UTC_OFFSET

    reading = read_date(raw, now=NOW)
    assert reading is not None
    assert reading.in_utc == (UTC_OFFSET.search(raw.strip()) is not None)
    assert reading.in_utc == raw.strip().lower().endswith(("z", "+00:00", "+0000", "gmt", "utc"))


@pytest.mark.parametrize("text, expected", [
    ("Mis en ligne le 12 février 2009", True),
    ("Publié le 5 mars 2024 à 10h30 | Mis à jour le 6 mars 2024 à 08h00", True),
    ("Mise à jour : 06/03/2024", True),
    ("Publié le 5 mars 2024 par Léa Roy", False),  # a byline too
    ("Le décret a été publié le 5 mars 2024 au Journal officiel.", False),  # a sentence
    ("12 février 2009", False),  # no label: a date, maybe a heading's
])
def test_a_line_of_labelled_dates_and_nothing_else(text, expected):
    assert is_date_line(text) is expected


@pytest.mark.parametrize("text, event", [
    ("Événement : du 15 au 20 avril 2024", True), ("du 15 au 20 avril 2024", True), ("Jusqu’au 20 avril 2024", True),
    ("À partir du 15 avril 2024", True), ("Date de l’événement : 15 avril 2024", True), ("From May 2 to 5, 2024", True),
    ("Publié le 12 mars 2024", False), ("Le 12 mars 2024", False), ("Mis à jour le 14 mars au soir", False),
])
def test_an_event_s_date_is_told_by_its_span_or_its_label(text, event):
    assert dates_an_event(text) is event


@pytest.mark.parametrize(("text", "period"), [
    ("Mars 2024", True), ("2024", True), ("12 mars 2024", True), ("déc. 2023", True), ("Juin", True),
    ("Société", False), ("Archives 2024", False), ("Mars attaque", False), ("", False), ("2024-2025", False),
])
def test_names_a_period(text, period):
    """A month, a year or a day and nothing else: an archive's name (a breadcrumb's crumb), no section's."""
    assert names_a_period(text) is period
