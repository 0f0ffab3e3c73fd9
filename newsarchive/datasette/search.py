"""Datasette's article search: ``/<archive>/-/search?q=…``, French-aware, ranked, with highlighted extracts.

The page runs :func:`newsarchive.analysis.search.search` on Datasette's own read connection, so it
matches, ranks (BM25, headline > lead > body) and highlights exactly as ``newsarchive search``
does: words by their French stem, quoted phrases and prefixes as written, ``exact=1`` for the
words as written only. ``/<archive>/-/search.json`` gives the same as JSON.
"""

from __future__ import annotations

from importlib import resources

from datasette import Forbidden, NotFound, Response
from markupsafe import Markup, escape

from newsarchive.analysis.arguments import SQLITE_MAX_INTEGER
from newsarchive.analysis.filters import Condition
from newsarchive.analysis.fts import InvalidQuery
from newsarchive.analysis.search import FUNCTION_WORDS_ORDER, SearchOptions, search
from newsarchive.datasette.metadata import archive_names

ROUTE = r"^/(?P<database>[^/]+)/-/search(\.(?P<format>json))?$"
PAGE_SIZE = 20
MARKS = ("\x02", "\x03")  # snippet highlight markers, turned into <mark> after escaping
JSON_MARKS = ("**", "**")  # as in ``newsarchive search --json``
ORDERS = ("rank", "date")


def search_path(database: str) -> str:
    return f"/{database}/-/search"


async def search_view(datasette, request):
    name = request.url_vars["database"]
    if name not in archive_names(datasette):
        raise NotFound(f"{name} is not a newsarchive archive")
    if not await datasette.permission_allowed(request.actor, "view-database", name, default=True):
        raise Forbidden("view-database")
    as_json = request.url_vars.get("format") == "json"
    form = _form(request)
    results, error = None, None
    if form["q"].strip():
        options = SearchOptions(limit=PAGE_SIZE, offset=form["offset"], order=form["sort"], exact=form["exact"],
                                highlight=JSON_MARKS if as_json else MARKS)
        try:
            results = await datasette.get_database(name).execute_fn(
                lambda connection: search(connection, form["q"], Condition(), options))
        except InvalidQuery as exc:
            error = str(exc)
    if as_json:
        return _json(form, results, error)
    return Response.html(await datasette.render_template(
        datasette.jinja_env.from_string(_template()),
        {"database": name, "form": form, "results": results, "error": error, "hits": _hits(results),
         "search_path": search_path(name), "page_size": PAGE_SIZE, "function_words_order": FUNCTION_WORDS_ORDER},
        request=request))


def _form(request) -> dict:
    sort = request.args.get("sort", "rank")
    try:
        offset = min(max(int(request.args.get("offset", "0")), 0), SQLITE_MAX_INTEGER)
    except ValueError:
        offset = 0
    return {"q": request.args.get("q", ""), "exact": request.args.get("exact") in ("1", "on", "true"),
            "sort": sort if sort in ORDERS else "rank", "offset": offset}


def _hits(results) -> list[dict]:
    if results is None:
        return []
    return [{**hit.as_dict(), "snippet_html": highlighted(hit.snippet)} for hit in results.hits]


def highlighted(snippet: str) -> Markup:
    """The snippet as HTML: its text escaped, the matched words in ``<mark>``."""
    start, end = MARKS
    return Markup(str(escape(snippet)).replace(start, "<mark>").replace(end, "</mark>"))


def _json(form: dict, results, error: str | None) -> Response:
    if error is not None:
        return Response.json({"ok": False, "error": error}, status=400)
    if results is None:
        return Response.json({"ok": True, "query": form["q"], "total": 0, "results": []})
    return Response.json({"ok": True, "query": results.query, "matching": results.matching, "order": results.order,
                          "fts_query": results.fts_query, "total": results.total,
                          "results": [hit.as_dict() for hit in results.hits]})


def _template() -> str:
    return resources.files(__package__).joinpath("search.html").read_text(encoding="utf-8")
