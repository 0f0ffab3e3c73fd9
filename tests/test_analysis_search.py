import pytest
from analysis_archive import build_archive

from newsarchive.analysis.filters import ArticleFilter, Condition, build_condition
from newsarchive.analysis.fts import InvalidQuery, index_tokens, parse_query, to_fts_query
from newsarchive.analysis import search as search_module
from newsarchive.analysis.fts_plan import EXACT_INDEX, Match
from newsarchive.analysis.search import SearchOptions, search
from newsarchive.storage import Archive


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "archive.db"
    ids = build_archive(path, raw_pages=False, runs=False)
    with Archive.open(path, create=False) as opened:
        opened.ids = ids
        yield opened


def headlines(archive, query, article_filter=None, **options):
    condition = build_condition(archive.database, article_filter) if article_filter else Condition()
    return [hit.headline for hit in search(archive.database, query, condition, SearchOptions(**options)).hits]


@pytest.mark.parametrize(("query", "expected"), [
    ("climat paris", '"climat" AND "paris"'),
    ("etats-unis", '"etats unis"'),
    ("l’école", '"l école"'),
    ('"loi de finances"', '"loi de finances"'),
    ("gouvern*", '"gouvern"*'),
    ('"loi de fin"*', '"loi de fin"*'),
    ("canicule OR chaleur lyon", '("canicule" OR "chaleur") AND "lyon"'),
    ("croissance -budget", '("croissance") NOT ("budget")'),
    ("croissance NOT budget", '("croissance") NOT ("budget")'),
    ("acier AND douane", '"acier" AND "douane"'),
    ('headline:x NEAR(a b) "c', None),
])
def test_user_queries_become_quoted_fts5_queries(query, expected):
    if expected is None:
        with pytest.raises(InvalidQuery, match="double quote"):
            to_fts_query(query)
    else:
        assert to_fts_query(query) == expected


def test_fts_syntax_in_words_is_quoted_not_interpreted():
    assert to_fts_query("headline:acier NEAR(a b)") == '"headline acier" AND "NEAR a" AND "b"'
    assert to_fts_query("acier", ["headline", "lead"]) == '{headline lead} : ("acier")'


@pytest.mark.parametrize(("query", "message"), [
    ("", "no word"),
    ("  !!  ", "no word"),
    ("-acier", "not excluded"),
    ("OR acier", "between two"),
    ("acier OR", "between two"),
    ("acier OR OR fer", "cannot follow"),
    ("acier NOT", "followed by"),
    ("*", "must end a word"),
    ('"acier', "not closed"),
])
def test_malformed_queries_are_explained(query, message):
    with pytest.raises(InvalidQuery, match=message):
        to_fts_query(query)


def test_unknown_search_column_is_refused():
    with pytest.raises(InvalidQuery, match="cannot search in title"):
        to_fts_query("acier", ["title"])


def test_index_tokens_split_like_unicode61():
    assert index_tokens("États-Unis, l’école «plan» 49.3") == ["États", "Unis", "l", "école", "plan", "49", "3"]
    parsed = parse_query('a OR b "c d" -e')
    assert [[term.tokens for term in clause] for clause in parsed.clauses] == [[["a"], ["b"]], [["c", "d"]]]
    assert [term.tokens for term in parsed.excluded] == [["e"]]


def test_accents_case_and_hyphens_do_not_matter(archive):
    expected = ["Les États-Unis relèvent leurs droits de douane sur l’acier"]
    assert headlines(archive, "etats-unis") == expected
    assert headlines(archive, "ÉTATS-UNIS") == expected
    assert headlines(archive, "Etats Unis") == expected
    assert headlines(archive, "ecole climatisee") == ["Canicule : l’école ouvre ses portes aux familles"]


def test_phrase_prefix_or_and_exclusion(archive):
    assert headlines(archive, '"loi de finances"') == ["Le gouvernement présente son projet de loi de finances"]
    assert headlines(archive, '"finances de loi"') == []
    assert set(headlines(archive, "gouvern*")) == {
        "Le gouvernement présente son projet de loi de finances",
        "La Banque de France revoit sa prévision de croissance"}
    assert set(headlines(archive, "acier OR maillot")) == {
        "Les États-Unis relèvent leurs droits de douane sur l’acier",
        "Tour de France : une étape de montagne décisive"}
    assert headlines(archive, "gouvern* -budget") == ["La Banque de France revoit sa prévision de croissance"]


def test_headline_matches_rank_first_and_snippets_mark_the_words(archive):
    results = search(archive.database, "gouvernement", Condition(), SearchOptions(highlight=("<", ">")))
    assert results.total == 2
    assert [hit.headline for hit in results.hits] == [
        "Le gouvernement présente son projet de loi de finances",
        "La Banque de France revoit sa prévision de croissance"]
    assert results.hits[0].score < results.hits[1].score
    assert "<gouvernement>" in results.hits[0].snippet
    assert "<gouvernement>" in results.hits[1].snippet and "rebond" in results.hits[1].snippet


def test_search_in_one_column(archive):
    assert headlines(archive, "gouvernement", columns=["headline"]) == [
        "Le gouvernement présente son projet de loi de finances"]
    assert headlines(archive, "initiative", columns=["lead"]) == ["Canicule : l’école ouvre ses portes aux familles"]
    assert headlines(archive, "initiative", columns=["body"]) == []


def test_filters_restrict_the_matches(archive):
    assert headlines(archive, "gouvern*", ArticleFilter(categories=["economie"])) == [
        "La Banque de France revoit sa prévision de croissance"]
    assert headlines(archive, "gouvern*", ArticleFilter(since="2025-08-07")) == [
        "Le gouvernement présente son projet de loi de finances"]
    assert headlines(archive, "gouvern*", ArticleFilter(tags=["budget"], authors=["sara"])) == [
        "Le gouvernement présente son projet de loi de finances"]
    assert headlines(archive, "gouvern*", ArticleFilter(sites=["example.org"])) == []


def test_order_limit_and_offset(archive):
    newest = headlines(archive, "de", order="newest")
    assert newest[0] == "Le gouvernement présente son projet de loi de finances"
    assert newest[-1] == "Tour de France : une étape de montagne décisive"
    assert headlines(archive, "de", order="oldest") == newest[::-1]
    assert headlines(archive, "de", order="newest", limit=2, offset=1) == newest[1:3]


def test_a_date_sort_of_a_clause_in_both_indexes_has_the_ranked_hits_without_scores(archive):
    query = 'acier OR "banque"'  # one stemmed and one exact alternative: two indexes united
    ranked = search(archive.database, query, Condition(), SearchOptions())
    newest = search(archive.database, query, Condition(), SearchOptions(order="newest"))
    assert newest.total == ranked.total == len(ranked.hits) >= 2
    assert sorted(hit.id for hit in newest.hits) == sorted(hit.id for hit in ranked.hits)
    assert [hit.published for hit in newest.hits] == sorted((hit.published for hit in ranked.hits), reverse=True)
    assert all(hit.score is None for hit in newest.hits) and all(hit.score is not None for hit in ranked.hits)


def test_raw_queries_pass_through_and_errors_become_invalid_query(archive):
    assert headlines(archive, "NEAR(douane acier, 3)", raw=True) == [
        "Les États-Unis relèvent leurs droits de douane sur l’acier"]
    with pytest.raises(InvalidQuery, match="malformed full-text query"):
        search(archive.database, 'acier AND "', Condition(), SearchOptions(raw=True))
    with pytest.raises(InvalidQuery, match="malformed full-text query"):
        search(archive.database, "titre:acier", Condition(), SearchOptions(raw=True))
    with pytest.raises(InvalidQuery, match="unknown order"):
        search(archive.database, "acier", Condition(), SearchOptions(order="random"))


def test_a_raw_query_keeps_to_the_columns_asked(archive):
    everywhere = headlines(archive, "gouvernement", raw=True)
    in_headline = headlines(archive, "gouvernement", raw=True, columns=["headline"])
    in_body = headlines(archive, "gouvernement", raw=True, columns=["body"])
    assert len(everywhere) == 2 and len(in_headline) == len(in_body) == 1 and in_headline != in_body
    assert in_headline == headlines(archive, "gouvernement", exact=True, columns=["headline"])
    assert headlines(archive, "budget", raw=True, columns=["headline"]) == []
    with pytest.raises(InvalidQuery, match="cannot search in titre"):
        search(archive.database, "acier", Condition(), SearchOptions(raw=True, columns=["titre"]))


def test_a_filter_keeping_every_article_changes_neither_ranking_nor_total(archive, monkeypatch):
    """Without a filter the index ranks alone; with one, the matches are counted and ranked in one pass
    keeping the best of each batch: both give the same hits, scores and total, page by page."""
    def results(query, article_filter, **options):
        condition = build_condition(archive.database, article_filter) if article_filter else Condition()
        found = search(archive.database, query, condition, SearchOptions(**options))
        return found.total, [(hit.id, hit.score, hit.snippet) for hit in found.hits]

    everything = ArticleFilter(since="1900-01-01")
    for query in ('"de"', "gouvern*", "france -acier", '"de" OR acier'):
        total, ranked = results(query, None)
        assert total >= 2 and len(ranked) == total
        assert ranked == sorted(ranked, key=lambda hit: (hit[1], hit[0]))
        monkeypatch.setattr(search_module, "RANKING_BATCH", 1)
        assert results(query, everything) == (total, ranked)
        pages = [results(query, everything, limit=2, offset=offset) for offset in range(0, total + 2, 2)]
        assert {page_total for page_total, _ in pages} == {total}
        assert [hit for _, page in pages for hit in page] == ranked
        monkeypatch.undo()


@pytest.mark.parametrize(("expression", "prefix"), [
    ('"gouvern"*', True),
    ('"loi de fin"*', True),
    ('("acier") NOT ("doua"*)', True),
    ('"acier" AND "douane"', False),
    ('"a*b"', False),
    ('"dit ""x*"""', False),
])
def test_prefix_matches_are_recognised_for_snippets(archive, expression, prefix):
    assert Match(EXACT_INDEX, expression).has_prefix is prefix


def test_prefix_queries_get_snippets_too(archive):
    results = search(archive.database, "gouvern*", Condition(), SearchOptions(highlight=("<", ">")))
    assert results.total == 2
    assert all("<gouvernement>" in hit.snippet for hit in results.hits)


def test_a_search_of_only_function_words_lists_its_matches_newest_first(archive):
    """BM25 gives a word found in most articles no weight: such a search is listed by date, and says so."""
    found = search(archive.database, "de la", Condition(), SearchOptions())
    newest = search(archive.database, "de la", Condition(), SearchOptions(order="newest"))
    assert found.order == "newest" and found.total == newest.total >= 3
    assert [hit.id for hit in found.hits] == [hit.id for hit in newest.hits]
    assert [hit.published for hit in found.hits] == sorted((hit.published for hit in found.hits), reverse=True)
    assert search(archive.database, "la banque", Condition(), SearchOptions()).order == "rank"
    assert search(archive.database, "de", Condition(), SearchOptions(exact=True)).order == "rank"
    assert search(archive.database, '"de"', Condition(), SearchOptions()).order == "rank"


def test_a_newest_first_page_of_many_matches_walks_the_date_index_to_the_same_hits(archive, monkeypatch):
    """Walking the date index (from DATE_WALK_MATCHES matches on) and sorting every match by date give the
    same total, hits and snippets page by page, undated articles last."""
    def pages(order):
        found = [search(archive.database, "de", Condition(), SearchOptions(order=order, limit=2, offset=offset))
                 for offset in range(0, 12, 2)]
        return [(page.total, [(hit.id, hit.published, hit.score, hit.snippet) for hit in page.hits]) for page in found]

    connection = archive.database.conn
    connection.execute("SAVEPOINT undated")
    try:
        connection.execute("UPDATE articles SET published = NULL WHERE id IN (SELECT min(id) FROM articles)")
        sorted_pages = {order: pages(order) for order in ("newest", "date")}
        monkeypatch.setattr(search_module, "DATE_WALK_MATCHES", 1)
        walked_pages = {order: pages(order) for order in ("newest", "date")}
    finally:
        connection.execute("ROLLBACK TO undated")
        connection.execute("RELEASE undated")
    assert walked_pages == sorted_pages
    hits = [hit for _, page in sorted_pages["newest"] for hit in page]
    assert len(hits) >= 5 and hits[-1][1] is None and all(hit[1] for hit in hits[:-1])
    assert all(hit[2] is None for hit in hits)  # no BM25 score: the date orders
