"""Stems and signatures computed ahead (by an extraction worker) are stored as the writer computes them itself."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from urllib.request import urlopen

from newsarchive.clusters.corpus import generate
from newsarchive.parallel.extraction import Extracted, extract_page
from newsarchive.storage import Archive
from newsarchive.storage.derived import derive

PARAGRAPHS = [
    "Le conseil municipal a voté mardi soir le budget de la rénovation des écoles de la ville, après trois heures "
    "de débats parfois vifs entre la majorité et l’opposition sur le calendrier des travaux.",
    "Les premiers chantiers commenceront à la rentrée prochaine, a précisé l’adjointe chargée de l’éducation.",
]


def article(number: int, paragraphs: list[str], lead: str | None = "Un chapeau qui résume l’article.") -> dict:
    return {
        "url": f"https://onemedia.fr/france/article-{number}/", "site": "onemedia.fr",
        "headline": f"Les écoles rénovées, épisode {number}", "lead": lead,
        "sections": [{"heading": None, "level": None, "paragraphs": paragraphs}],
    }


def stored(path, items: list[dict]) -> dict[str, tuple]:
    with Archive.open(path) as archive:
        archive.save_articles(items)
    with sqlite3.connect(path) as connection:
        return {url: (stems, minhash, bands) for url, *stems, minhash, bands in connection.execute(
            "SELECT a.url, s.headline, s.lead, s.body, m.signature, (SELECT group_concat(band_key) FROM "
            "(SELECT band_key FROM minhash_bands b WHERE b.article_id = a.id ORDER BY band_key)) FROM articles a "
            "JOIN article_stems s ON s.article_id = a.id LEFT JOIN article_minhashes m ON m.article_id = a.id")}


def records() -> list[dict]:
    documents = generate(4, seed=3)[:4]
    made = [article(number, list(document.paragraphs)) for number, document in enumerate(documents)]
    return made + [article(10, PARAGRAPHS, lead=None), article(11, ["Trop court pour une signature."])]


def test_values_computed_ahead_are_those_the_writer_computes(tmp_path):
    plain = stored(tmp_path / "plain.db", [{"record": record, "raw": {}, "fingerprint": None} for record in records()])
    ahead = stored(tmp_path / "ahead.db", [{"record": record, "raw": {}, "fingerprint": None,
                                            "derived": derive(record)} for record in records()])
    assert ahead == plain
    assert sum(minhash is not None for _, minhash, _ in plain.values()) == len(plain) - 1  # the short one


def test_values_of_other_texts_are_not_used(tmp_path):
    first, second = records()[:2]
    stale = derive(second)  # the values of another text: the writer computes its own
    plain = stored(tmp_path / "plain.db", [{"record": first, "raw": {}, "fingerprint": None}])
    ahead = stored(tmp_path / "ahead.db", [{"record": first, "raw": {}, "fingerprint": None, "derived": stale}])
    assert ahead == plain
    assert not stale.matches({"headline": first["headline"], "lead": first["lead"], "body": "\n\n".join(PARAGRAPHS)})


def test_a_worker_returns_the_record_its_fingerprint_and_when_asked_its_stored_values(sample_site):
    url = sample_site.articles[0].url
    with urlopen(url, timeout=30) as response:
        body = response.read()
    plain = extract_page(body, url, {"content-type": "text/html; charset=utf-8"}, "2025-08-07T08:00:00+00:00", None)
    assert isinstance(plain, Extracted) and plain.derived is None and plain.fingerprint.startswith("v1:")
    ahead = extract_page(body, url, {"content-type": "text/html; charset=utf-8"}, "2025-08-07T08:00:00+00:00", None,
                         None, True)
    assert ahead.record == plain.record and ahead.fingerprint == plain.fingerprint
    assert _same(ahead.derived, derive(plain.record))


def _same(one, other) -> bool:
    return (one.checksum, one.stems) == (other.checksum, other.stems) and all(
        (a is None and b is None) or (a == b).all()
        for a, b in ((one.signature, other.signature), (one.band_keys, other.band_keys)))


def test_values_computed_ahead_for_the_stored_texts_are_the_ones_stored(tmp_path):
    first = records()[0]
    marked = replace(derive(first), stems=("titre", "chapeau", "corps"))  # what the writer would not compute
    ahead = stored(tmp_path / "ahead.db", [{"record": first, "raw": {}, "fingerprint": None, "derived": marked}])
    assert ahead[first["url"]][0] == ["titre", "chapeau", "corps"]
