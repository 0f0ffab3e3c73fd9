"""The text helpers (newsarchive.text): one function for each text operation, used across the package."""

import sys
import unicodedata

import pytest

from newsarchive.text import (
    clean_non_space_length,
    clean_text,
    ends_as_sentence,
    fold_text,
    holds_any,
    is_blank,
    non_space_length,
    normalise_text,
    reduced_text,
    spaced_pieces,
    text_key,
    without_pieces,
    word_count,
)


def test_clean_text_collapses_every_space_and_strips():
    assert clean_text("  Le\u00a0gouvernement \n\t a  dit ") == "Le gouvernement a dit"
    assert clean_text(None) == "" and clean_text("") == ""


def test_word_count_counts_runs_of_letters_and_digits():
    assert word_count("L’État a cédé 3,12 % de Safran — aujourd'hui.") == 10
    assert word_count("") == 0 and word_count(" , — ") == 0


def test_ends_as_sentence_asks_for_words_and_a_sentence_end():
    assert ends_as_sentence("le conseil a voté le budget hier soir. ", 4)
    assert ends_as_sentence("« Il a tout dit »", 4) and ends_as_sentence("Qui l'a vu ?", 3)
    assert not ends_as_sentence("Par Léa Roy.", 4)  # too short: a label's period
    assert not ends_as_sentence("le conseil a voté le budget", 4)  # no end


def test_word_count_up_to_a_number_stops_there():
    text = "L’État a cédé 3,12 % de Safran — aujourd'hui."
    assert [word_count(text, at_most=limit) for limit in (0, 4, 10, 50)] == [0, 4, 10, 10]


def test_clean_text_passes_a_clean_text_and_cleans_every_other_space():
    assert clean_text("Le gouvernement a dit.") == "Le gouvernement a dit."
    assert clean_text("\n Le gouvernement a dit. \n") == "Le gouvernement a dit."
    for text in ("a\u2028b  c", "a\u2028b", "a\x1fb\x85c", "a\u3000b", " \t\r\n\x0b\x0c "):
        assert clean_text(text) == " ".join(text.split())


@pytest.mark.parametrize("text", [
    "Le conseil muni\xadcipal", "Le conseil muni\u200bcipal", "Le conseil\u2060 municipal",
    "\ufeffLe conseil municipal", "Le  conseil muni\xadci\xadpal",
])
def test_clean_text_leaves_out_the_invisible_marks_inside_words(text):
    """A soft hyphen (``&shy;``), a zero-width space, a word joiner, a byte order mark show nothing: a reader reads, and
    searches, ``municipal`` (real pages write them: a word cut so counted as two, a search missed it)."""
    assert clean_text(text) == "Le conseil municipal"
    assert word_count(clean_text(text)) == 3


def test_clean_text_keeps_the_joiners_that_shape_a_script_or_an_emoji():
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    assert clean_text(f"Une famille {family}  heureuse") == f"Une famille {family} heureuse"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a zero-width non-joiner inside a word
    assert clean_text(f"{persian}  ") == persian


def test_the_only_printable_space_is_the_plain_space():
    """What lets clean_text pass a printable text without two spaces in a row as it is."""
    assert [char for char in _every_character() if char.isspace() and char.isprintable()] == [" "]


def test_text_key_compares_whatever_the_case_and_spacing():
    assert text_key(" Lire  AUSSI ") == text_key("lire aussi") == "lire aussi"


def test_reduced_text_keeps_letters_and_digits_only():
    assert reduced_text("Le Monde — Politique !") == "lemondepolitique"
    assert reduced_text("L'été 2025_x") == "lété2025x"  # accents kept, underscores dropped


def test_fold_and_normalise_ignore_case_accents_and_punctuation():
    assert fold_text("École Élysée") == "ecole elysee"
    assert normalise_text("« L’École », dit-il…") == "l ecole dit il"


def _every_character() -> str:
    return "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)


def test_folding_drops_exactly_the_combining_marks_of_every_character():
    text = _every_character()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    expected = "".join(char for char in decomposed if not unicodedata.combining(char))
    assert fold_text(text) == expected
    assert fold_text(text) == expected  # the second time from the kept table


def test_normalising_keeps_exactly_the_letters_and_digits_of_every_character():
    text = _every_character()
    kept = "".join(char if unicodedata.category(char)[0] in "LN" else " " for char in fold_text(text))
    assert normalise_text(text) == " ".join(kept.split())


def test_clean_non_space_length_counts_as_non_space_length_on_clean_text():
    for raw in ["", "  a  b\u00a0\tc\n", "Un  paragraphe\u2009fin ", "x"]:
        cleaned = clean_text(raw)
        assert clean_non_space_length(cleaned) == non_space_length(raw) == non_space_length(cleaned)
    assert clean_non_space_length("a b c") == 3


def test_holds_any_finds_a_piece_as_it_is_written():
    assert holds_any("© 2024 Le Journal", ("opyright", "©"))
    assert not holds_any("COPYRIGHT", ("opyright",)) and holds_any("COPYRIGHT", ("OPYRIGHT",))
    assert not holds_any("texte", ()) and not holds_any("", ("a",))


def test_without_pieces_puts_a_space_for_each_piece_wherever_it_is():
    assert without_pieces("Par Léa Roy 12 mars 2024 | 12 mars 2024", ["12 mars 2024"]) == "Par Léa Roy   |  "
    assert without_pieces("texte", []) == "texte" and without_pieces("", ["a"]) == ""


@pytest.mark.parametrize("line, pieces", [
    ("Vie locale · 12 mars 2024 · 3 min", ["Vie locale", "12 mars 2024", "3 min"]),
    ("Actualités | Mis à jour le 14 mars 2024", ["Actualités", "Mis à jour le 14 mars 2024"]),
    ("Saint-Malo, 2010-2024", ["Saint-Malo, 2010-2024"]),  # a hyphen in a word or a range parts nothing
    ("Sport – Publié le 12/03/2024", ["Sport", "Publié le 12/03/2024"]),
])
def test_spaced_pieces(line, pieces):
    assert spaced_pieces(line) == pieces


@pytest.mark.parametrize(("text", "blank"), [(None, True), ("", True), (" \n\t\xa0", True), (" a ", False)])
def test_is_blank(text, blank):
    assert is_blank(text) is blank
