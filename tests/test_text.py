"""The text helpers (newsarchive.text): one function for each text operation, used across the package."""

import random
import sys
import unicodedata

from newsarchive.text import (
    case_spellings,
    clean_text,
    fold_text,
    may_hold_word,
    normalise_text,
    reduced_text,
    text_key,
)


def test_clean_text_collapses_every_space_and_strips():
    assert clean_text("  Le\u00a0gouvernement \n\t a  dit ") == "Le gouvernement a dit"
    assert clean_text(None) == "" and clean_text("") == ""


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


def test_case_spellings_are_every_character_whose_lower_case_is_the_letter():
    for char in _every_character():
        lowered = char.lower()
        if len(lowered) == 1 and lowered != char and not char.isascii():
            assert char in case_spellings(lowered), (hex(ord(char)), lowered)
    for letter in _every_character():
        for spelling in case_spellings(letter):  # the capital sigma lowers to a final sigma at a word's end
            assert spelling.lower() == letter or (letter, spelling) == ("ς", "Σ"), (hex(ord(letter)), spelling)


def test_may_hold_word_tells_what_the_lower_cased_text_holds():
    words = ("abonné", "il vous reste", "kilo", "straße", "λόγος", "ǆungla")
    assert may_hold_word("Article réservé aux ABONNÉS", words)
    assert may_hold_word("IL VOUS RESTE 68 %", words) and may_hold_word("\u212aILO", words)
    assert may_hold_word("STRA\u1e9eE", words) and may_hold_word("ΛΌΓΟΣ", words) and may_hold_word("ǅungla", words)
    assert not may_hold_word("Abonnez-vous, il vous en reste", words)
    assert not may_hold_word("", words) and not may_hold_word("abonne", words)
    assert may_hold_word("ı", words)  # letters that case-blind patterns read as "i" always call for the search
    pieces = ["a", "b", "o", "n", "é", "É", "e", "E", "N", "\u212a", "k", "ı", "İ", "Σ", "ς", " ", "\ud800", "il", "ß"]
    chance = random.Random(9)
    for _ in range(3000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randrange(12)))
        expected = any(odd in text for odd in "İıſ") or any(word in text.lower() for word in ("abonné", "ok", "ßk"))
        assert may_hold_word(text, ("abonné", "ok", "ßk")) == expected, repr(text)
        assert may_hold_word(text.encode("utf-8", "surrogatepass"), ("abonné", "ok", "ßk")) == expected, repr(text)
