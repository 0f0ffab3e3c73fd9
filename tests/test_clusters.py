"""Near-duplicate clusters: quality on the generated wire corpus, kept at store time, listed by ``dupes``."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from newsarchive.cli import main
from newsarchive.clusters.corpus import generate, score
from newsarchive.clusters.diff import paragraph_diff
from newsarchive.clusters.rebuild import cluster_texts
from newsarchive.storage import Archive

START = datetime(2025, 9, 1, 8, 0, tzinfo=timezone.utc)
SITES = ("agence-presse.example", "le-quotidien.example", "la-gazette.example", "ouest-matin.example")


def test_generated_corpus_precision_recall_and_no_same_topic_mix_up():
    documents = generate(240, seed=11)
    result = cluster_texts((position, document.text) for position, document in enumerate(documents))
    cluster_of = {document.key: result["members"].get(position, (None,))[0]
                  for position, document in enumerate(documents)}
    found = score(documents, cluster_of)
    assert found.copies_checked > 150
    assert found.precision >= 0.95 and found.recall >= 0.9, found
    assert found.wrong_same_topic == 0, found


def test_the_corpus_controls_its_edits():
    documents = generate(60, seed=2)
    copies = [document for document in documents if document.is_copy]
    assert copies and all(0 <= document.changed <= 0.45 for document in copies)
    assert any(document.shared < 0.6 for document in copies) and any(document.shared > 0.9 for document in copies)


def record(document, number: int, site: str) -> dict:
    published = START + timedelta(hours=number)
    return {
        "url": f"https://www.{site}/actualite/{document.key.replace('.', '-')}-{number}/",
        "site": site, "headline": document.headline, "published": published.isoformat(),
        "sections": [{"heading": None, "level": None, "paragraphs": list(document.paragraphs)}],
        "agencies": ["AFP"] if not document.is_copy else [],
    }


def store(path, documents) -> dict[str, int]:
    """Store the documents, each copy on another site than its dispatch; returns their ids by key."""
    items = [{"record": record(document, number, SITES[number % len(SITES)]), "raw": {}, "fingerprint": None}
             for number, document in enumerate(documents)]
    with Archive.open(path) as archive:
        for start in range(0, len(items), 25):
            archive.save_articles(items[start:start + 25])
        ids = dict(archive.database.execute("SELECT url, id FROM articles").fetchall())
    return {document.key: ids[item["record"]["url"]] for document, item in zip(documents, items)}


@pytest.fixture(scope="module")
def clustered(tmp_path_factory):
    documents = generate(40, seed=5)
    path = tmp_path_factory.mktemp("clusters") / "archive.db"
    return str(path), documents, store(path, documents)


def members(path) -> dict[int, tuple]:
    with Archive.open(path, create=False) as archive:
        return {row[0]: tuple(row[1:]) for row in archive.database.execute(
            "SELECT article_id, cluster_id, matched_id, similarity FROM cluster_members")}


def test_clusters_are_kept_at_store_time_as_a_rebuild_finds_them(clustered):
    path, documents, ids = clustered
    stored = members(path)
    texts = [(ids[document.key], document.text) for document in documents]
    assert stored == cluster_texts(texts)["members"]
    assert stored, "the corpus has copies"
    for cluster_id, matched_id, similarity in stored.values():
        assert (matched_id is None) == (similarity is None)
        assert similarity is None or 0.25 <= similarity <= 1.0


def test_each_copy_is_with_its_dispatch(clustered):
    path, documents, ids = clustered
    stored = members(path)
    for document in documents:
        if document.is_copy and document.shared >= 0.6:
            assert stored[ids[document.key]][0] == stored[ids[f"{document.story}"]][0], document.key


def test_dupes_json_one_object_per_cluster_with_urls(clustered, capsys):
    path, documents, ids = clustered
    assert main(["dupes", "--db", path, "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    clusters = [json.loads(line) for line in lines]
    assert len(clusters) == len({member[0] for member in members(path).values()})
    by_id = {article_id: key for key, article_id in ids.items()}
    for cluster in clusters:
        assert len(cluster["urls"]) == cluster["size"] >= 2
        stories = {by_id[article["id"]].split(".")[0] for article in cluster["articles"]}
        assert len(stories) == 1
        assert cluster["agencies"] == ["AFP"]


def test_dupes_site_and_since_filters(clustered, capsys):
    path, _, _ = clustered
    assert main(["dupes", "--db", path, "--json", "--site", SITES[1]]) == 0
    with_site = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert with_site and all(SITES[1] in cluster["sites"] for cluster in with_site)
    assert main(["dupes", "--db", path, "--json"]) == 0
    everything = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(with_site) < len(everything)
    since = (START + timedelta(hours=60)).date().isoformat()
    assert main(["dupes", "--db", path, "--json", "--since", since]) == 0
    recent = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert recent and len(recent) < len(everything)
    assert all(any(article["published"] >= since for article in cluster["articles"]) for cluster in recent)


def test_dupes_text_and_diff(clustered, capsys):
    path, documents, ids = clustered
    copy = next(d for d in documents if d.is_copy and 0.1 < d.changed and d.shared >= 0.6)
    dispatch, rewrite = ids[f"{copy.story}"], ids[copy.key]
    assert main(["dupes", "--db", path]) == 0
    assert f"Cluster {members(path)[dispatch][0]}:" in capsys.readouterr().out
    assert main(["dupes", "--db", path, "--diff", str(dispatch), str(rewrite)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"--- {dispatch} ") and out[1].startswith(f"+++ {rewrite} ")
    assert any(line.startswith("- ") for line in out) and any(line.startswith("  ") for line in out)
    assert main(["dupes", "--db", path, "--diff", str(dispatch), "999999"]) == 2


def test_paragraph_diff_marks():
    diff = paragraph_diff(["Un.", "Deux.", "Trois.", "Quatre."], ["un", "Deux !", "Trois bis.", "Cinq.", "Six."])
    assert [mark for mark, _, _ in diff] == ["=", "=", "~", "~", "+"]


def test_exact_copies_merge_on_one_site_and_cluster_across_sites(tmp_path):
    document = generate(1, (0, 0), seed=9)[0]
    first = record(document, 1, SITES[0])
    again = {**first, "url": f"https://www.{SITES[0]}/autre-rubrique/meme-article/"}
    elsewhere = {**first, "url": f"https://www.{SITES[2]}/france/meme-article/", "site": SITES[2]}
    with Archive.open(tmp_path / "a.db") as archive:
        result = archive.save_articles([{"record": r, "raw": {}, "fingerprint": None} for r in (first, again, elsewhere)])
    assert (result.new, result.merged) == (2, 1)
    assert members(tmp_path / "a.db") == {1: (1, None, None), 2: (1, 1, 1.0)}


def test_a_rewritten_article_leaves_its_cluster_and_rebuild_agrees(tmp_path, capsys):
    documents = generate(3, (1, 1), seed=4)
    path = tmp_path / "a.db"
    ids = store(path, documents)
    copy, other = documents[-1], documents[0]  # the last copy gets the text of the first dispatch
    assert copy.is_copy and members(path)[ids[copy.key]][0] == ids[f"{copy.story}"]
    changed = record(copy, documents.index(copy), SITES[documents.index(copy) % len(SITES)])
    changed["sections"] = [{"heading": None, "level": None, "paragraphs": list(other.paragraphs)}]
    with Archive.open(path) as archive:
        assert archive.save_articles([{"record": changed, "raw": {}, "fingerprint": None}]).updated == 1
    assert members(path)[ids[copy.key]] == (ids[other.key], ids[other.key], 1.0)
    assert ids[f"{copy.story}"] not in members(path)  # its dispatch is alone again
    before = members(path)
    assert main(["dupes", "--db", str(path), "--rebuild"]) == 0
    assert "Clustered" in capsys.readouterr().out
    assert members(path) == before


def test_a_rebuild_says_how_many_articles_were_too_short_to_compare(tmp_path, capsys):
    documents = generate(4, seed=6)
    brief = {**record(documents[0], 90, SITES[1]), "url": f"https://www.{SITES[1]}/breve/une-breve/",
             "sections": [{"heading": None, "level": None, "paragraphs": ["Une brève de dix mots à peine, rien de plus."]}]}
    path = tmp_path / "a.db"
    store(path, documents)
    with Archive.open(path) as archive:
        archive.save_articles([{"record": brief, "raw": {}, "fingerprint": None}])
    assert main(["dupes", "--db", str(path), "--rebuild"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"Clustered {len(documents)} articles")
    assert lines[1] == "Articles left out, too short to compare (under 30 words): 1."


def test_export_gives_each_article_its_cluster(clustered, capsys):
    path, _, _ = clustered
    assert main(["export", "--db", path, "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    stored = members(path)
    for exported in records:
        member = stored.get(exported["id"])
        assert exported["cluster_id"] == (member[0] if member else None)
        assert exported["cluster_similarity"] == (member[2] if member else None)


def test_datasette_facets_of_the_clusters(clustered):
    datasette_app = pytest.importorskip("datasette.app")
    import asyncio

    from datasette.plugins import pm

    from newsarchive.datasette import plugin

    path, _, _ = clustered
    registered_here = not pm.is_registered(plugin)
    if registered_here:
        pm.register(plugin, name="newsarchive")
    try:
        datasette = datasette_app.Datasette([path])
        response = asyncio.run(datasette.client.get("/archive/article_clusters.json?_facet=site&_facet=cluster_id"))
    finally:
        if registered_here:
            pm.unregister(plugin)
    assert response.status_code == 200
    facets = response.json()["facet_results"]
    facets = facets.get("results", facets)
    sites = {row["value"]: row["count"] for row in facets["site"]["results"]}
    assert set(sites) <= set(SITES) and sum(sites.values()) == len(members(path))


# The parameters the archives' signatures and band keys were written with, written out here rather than read from the
# code: a change of the code's seed, length or bands would make them incomparable with the ones already stored.
ARCHIVED_MINHASH = {"num_perm": 128, "seed": 1, "hashfunc": int, "scheme": "affine32"}
ARCHIVED_LSH = {"threshold": 0.3, "num_perm": 64, "weights": (0.1, 0.9)}


def test_signatures_are_datasketch_affine32_minhashes_alone_or_in_bulk():
    from datasketch import MinHash

    from newsarchive.clusters.index import signer

    texts = [document.text for document in generate(6, seed=8)] + ["trop court", ""]
    bulk = signer().signatures(texts)
    assert [signature is None for signature in bulk] == [False] * (len(texts) - 2) + [True, True]
    for text, signature in zip(texts, bulk):
        single = signer().signature(text)
        assert (signature is None) == (single is None)
        if single is not None:
            assert signature.tolist() == single.tolist()
            reference = MinHash(**ARCHIVED_MINHASH)
            reference.update_batch(signer().shingles(signer().words(text)).tolist())
            assert single.tolist() == reference.hashvalues.tolist()


def test_the_permutations_are_datasketch_s_affine32_draws():
    from datasketch import MinHash

    from newsarchive.clusters.signatures import NUM_PERM, SEED, permutations

    reference = MinHash(**ARCHIVED_MINHASH).permutations
    assert permutations(NUM_PERM, SEED).tolist() == reference.tolist()
    assert permutations(NUM_PERM, SEED + 1).tolist() != reference.tolist()


def test_the_lsh_bands_are_those_datasketch_chooses_for_the_threshold():
    from datasketch import MinHashLSH

    from newsarchive.clusters.signatures import LSH_BANDS, LSH_ROWS

    reference = MinHashLSH(**ARCHIVED_LSH)
    assert (LSH_BANDS, LSH_ROWS) == (reference.b, reference.r)
