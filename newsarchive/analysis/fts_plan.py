"""Which full-text index answers each part of a search: French stems, or the words as written.

A plain word is matched by its French stem in ``articles_stems_fts`` (``retraite`` finds
``retraites``, ``l’économie`` finds ``économies``); a ``"quoted phrase"``, a prefix (``gouvern*``) or
any term of an exact search is matched as written in ``articles_fts``. Both indexes share the
articles' ids, so a search that mixes them is one index driving the query (and its BM25 ranking)
with the other's clauses as ``IN`` conditions; a clause whose alternatives sit in both indexes
unites them. The expressions are built from quoted terms only (see :mod:`newsarchive.analysis.fts`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsarchive.analysis.fts import FTS_COLUMNS, InvalidQuery, Term, parse_query
from newsarchive.fulltext.french import is_stop_word, query_alternatives

EXACT_INDEX = "articles_fts"
STEMMED_INDEX = "articles_stems_fts"
QUOTED = re.compile(r'"(?:[^"]|"")*"')  # an FTS5 string ("" is a quote inside it)


@dataclass(frozen=True)
class Match:
    """One FTS5 expression on one of the two indexes."""

    index: str
    expression: str

    def condition(self, negate: bool = False) -> str:
        """SQL keeping (or with ``negate``, dropping) the articles ``a`` this match finds; one parameter."""
        return f"a.id {'NOT IN' if negate else 'IN'} (SELECT rowid FROM {self.index} WHERE {self.index} MATCH ?)"

    def describe(self) -> str:
        return f"{self.index}: {self.expression}"

    @property
    def has_prefix(self) -> bool:
        """Whether a term is a prefix (``gouvern*``), which FTS5 expands anew for every row it looks up."""
        return "*" in QUOTED.sub("", self.expression)


@dataclass
class QueryPlan:
    """``driver``: the match(es) the query starts from (several are united); ``required``: clauses
    that must also match (each any of its matches); ``excluded``: matches that drop an article."""

    driver: list[Match]
    required: list[list[Match]] = field(default_factory=list)
    excluded: list[Match] = field(default_factory=list)
    function_words_only: bool = False  # a French search of nothing but function words (``la``, ``les de``)

    @property
    def single(self) -> Match | None:
        """The one match that answers the whole query, when there is one."""
        if len(self.driver) == 1 and not self.required and not self.excluded:
            return self.driver[0]
        return None

    @property
    def matching(self) -> str:
        indexes = {match.index for match in self.matches()}
        return "exact" if indexes == {EXACT_INDEX} else "french"

    def matches(self) -> list[Match]:
        return [*self.driver, *(match for clause in self.required for match in clause), *self.excluded]

    def describe(self) -> str:
        """The FTS5 query, or for a mixed search each index's part."""
        if self.single is not None:
            return self.single.expression
        parts = [" OR ".join(match.describe() for match in self.driver)]
        parts += [" OR ".join(match.describe() for match in clause) for clause in self.required]
        parts += [f"NOT {match.describe()}" for match in self.excluded]
        return " AND ".join(f"({part})" if " OR " in part else part for part in parts)


def raw_plan(fts_query: str, columns: list[str] | None = None) -> QueryPlan:
    """A query in FTS5 syntax, passed unchanged to the index of the words as written (restricted to some of
    FTS_COLUMNS when ``columns`` are given)."""
    _check_columns(columns)
    plan = QueryPlan([Match(EXACT_INDEX, fts_query)])
    return _restricted(plan, columns) if columns else plan


def plan_query(text: str, columns: list[str] | None = None, *, exact: bool = False) -> QueryPlan:
    """The plan of the search ``text`` (restricted to some of FTS_COLUMNS when ``columns`` are given);
    with ``exact``, every word is matched as written."""
    _check_columns(columns)
    parsed = parse_query(text)
    homogeneous: dict[str, list[str]] = {STEMMED_INDEX: [], EXACT_INDEX: []}
    mixed: list[dict[str, str]] = []
    clauses, function_words_only = _without_stop_words(parsed.clauses, exact)
    for alternatives in clauses:
        by_index = _by_index(alternatives, exact)
        if len(by_index) == 1:
            (index, expression), = by_index.items()
            homogeneous[index].append(expression)
        else:
            mixed.append(by_index)
    excluded = {index: " OR ".join(terms) for index, terms in _terms_by_index(parsed.excluded, exact).items()}
    plan = _plan(homogeneous, mixed, excluded)
    plan.function_words_only = function_words_only
    return _restricted(plan, columns) if columns else plan


def _plan(homogeneous: dict[str, list[str]], mixed: list[dict[str, str]], excluded: dict[str, str]) -> QueryPlan:
    driver_index = next((index for index in (STEMMED_INDEX, EXACT_INDEX) if homogeneous[index]), None)
    plan = QueryPlan(driver=[])
    if driver_index is None:
        plan.driver = [Match(index, expression) for index, expression in mixed.pop(0).items()]
    else:
        expression = " AND ".join(homogeneous.pop(driver_index))
        if driver_index in excluded:
            expression = f"({expression}) NOT ({excluded.pop(driver_index)})"
        plan.driver = [Match(driver_index, expression)]
        plan.required = [[Match(index, " AND ".join(clauses))] for index, clauses in homogeneous.items() if clauses]
    plan.required += [[Match(index, expression) for index, expression in clause.items()] for clause in mixed]
    plan.excluded = [Match(index, expression) for index, expression in excluded.items()]
    return plan


def _without_stop_words(clauses: list[list[Term]], exact: bool) -> tuple[list[list[Term]], bool]:
    """The clauses less those that are a plain function word, unless nothing else is searched; and whether
    nothing else is (a search of function words only)."""
    if exact:
        return clauses, False
    kept = [clause for clause in clauses if not _is_function_word(clause)]
    return (kept, False) if kept else (clauses, True)


def _is_function_word(clause: list[Term]) -> bool:
    return len(clause) == 1 and not clause[0].exact and is_stop_word(clause[0].word)


def _by_index(alternatives: list[Term], exact: bool) -> dict[str, str]:
    """index -> the clause's alternatives in that index (``"a"`` or ``("a" OR "b")``)."""
    return {index: terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"
            for index, terms in _terms_by_index(alternatives, exact).items()}


def _terms_by_index(terms: list[Term], exact: bool) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for term in terms:
        if exact or term.exact:
            grouped.setdefault(EXACT_INDEX, []).append(term.fts())
        else:
            grouped.setdefault(STEMMED_INDEX, []).append(_stemmed_term(term))
    return grouped


def _stemmed_term(term: Term) -> str:
    phrases = ['"' + " ".join(stems) + '"' for stems in query_alternatives(term.word)]
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


def _check_columns(columns: list[str] | None) -> None:
    unknown = sorted(set(columns or ()) - set(FTS_COLUMNS))
    if unknown:
        raise InvalidQuery(f"cannot search in {', '.join(unknown)} (only {', '.join(FTS_COLUMNS)})")


def _restricted(plan: QueryPlan, columns: list[str]) -> QueryPlan:
    """The plan with every match restricted to ``columns`` (exclusions too: a word excluded from the
    headline search may stay in the body)."""
    def restrict(match: Match) -> Match:
        return Match(match.index, "{" + " ".join(dict.fromkeys(columns)) + "} : (" + match.expression + ")")
    return QueryPlan([restrict(match) for match in plan.driver],
                     [[restrict(match) for match in clause] for clause in plan.required],
                     [restrict(match) for match in plan.excluded], plan.function_words_only)
