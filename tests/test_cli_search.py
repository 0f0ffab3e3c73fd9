import json

import pytest
from analysis_archive import build_archive

from newsarchive.cli import main

ETATS_UNIS = "Les États-Unis relèvent leurs droits de douane sur l’acier"
BUDGET = "Le gouvernement présente son projet de loi de finances"
BANQUE = "La Banque de France revoit sa prévision de croissance"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-search") / "archive.db"
    build_archive(path, raw_pages=False, runs=False)
    return str(path)


def search_json(db, capsys, *args):
    assert main(["search", *args, "--db", db, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_hyphenated_words_find_accented_text(db, capsys):
    results = search_json(db, capsys, "etats-unis")
    assert results["total"] == 1 and results["fts_query"] == '"etat unis"' and results["matching"] == "french"
    hit, = results["results"]
    assert hit["headline"] == ETATS_UNIS and hit["category"] == "International"
    assert "**États-Unis**" in hit["snippet"]
    assert set(hit) == {"id", "url", "headline", "published", "category", "site", "score", "snippet"}


def test_text_output_has_rank_headline_and_snippet(db, capsys):
    assert main(["search", "gouvernement", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 articles match 'gouvernement'; 1–2 shown.")
    assert out.index(BUDGET) < out.index(BANQUE)
    assert "**gouvernement**" in out and "\x1b[" not in out
    assert "2025-08-11 · Politique · id 4 · https://onemedia.fr/politique/" in out


def test_filters_phrases_and_prefixes(db, capsys):
    assert [hit["headline"] for hit in search_json(db, capsys, "gouvern*", "--category", "Économie")["results"]] == [
        BANQUE]
    assert [hit["headline"] for hit in search_json(db, capsys, "gouvern*", "--until", "2025-08-10")["results"]] == [
        BANQUE]
    assert [hit["headline"] for hit in search_json(db, capsys, '"loi de finances"', "--tag", "budget",
                                                    "--author", "Sara", "--site", "onemedia.fr")["results"]] == [BUDGET]
    assert search_json(db, capsys, "gouvern*", "--since", "2025-08-12")["results"] == []


def test_limit_offset_sort_and_columns(db, capsys):
    newest = [hit["headline"] for hit in search_json(db, capsys, "de", "--sort", "newest")["results"]]
    assert newest[0] == BUDGET
    page = search_json(db, capsys, "de", "--sort", "newest", "--limit", "2", "--offset", "1")
    assert [hit["headline"] for hit in page["results"]] == newest[1:3] and page["total"] == len(newest)
    assert [hit["headline"] for hit in search_json(db, capsys, "gouvernement", "--in", "headline")["results"]] == [
        BUDGET]


def test_no_match_and_unknown_filter_values(db, capsys):
    assert main(["search", "introuvable", "--db", db, "--category", "Météo"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "No article matches 'introuvable'."
    assert "note: no category 'Météo' in the archive" in err


@pytest.mark.parametrize(("args", "message"), [
    (['"loi de'], "a double quote is not closed"),
    (["OR budget"], "OR must stand between two words"),
    (["--", "-budget"], "at least one word that is not excluded"),
    (["  "], "no word to look for"),
    (["--raw", 'budget AND "'], "malformed full-text query"),
    (["--raw", "titre:budget"], "malformed full-text query"),
    (["budget", "--since", "hier"], "--since: 'hier' is not a date"),
])
def test_malformed_queries_get_a_clear_error(db, capsys, args, message):
    assert main(["search", "--db", db, *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("newsarchive search: ") and message in err
    assert "Traceback" not in err


def test_bad_option_values_are_usage_errors(db, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "budget", "--db", db, "--limit", "0"])
    assert exit_info.value.code == 2
    assert "expected a whole number >= 1" in capsys.readouterr().err


def test_a_search_of_only_function_words_says_it_is_newest_first(db, capsys):
    assert main(["search", "de", "--db", db]) == 0
    assert "shown, newest first (only function words: nothing to rank by)." in capsys.readouterr().out.splitlines()[0]
    assert search_json(db, capsys, "de")["order"] == "newest"
    assert search_json(db, capsys, "de", "--sort", "oldest")["order"] == "oldest"
    assert search_json(db, capsys, "gouvernement")["order"] == "rank"
