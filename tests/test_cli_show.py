import json

import pytest
from analysis_archive import ARTICLES, FIRST_FETCH, build_archive, later, publish

from newsarchive.analysis.markdown import format_markdown
from newsarchive.analysis.render import format_article
from newsarchive.analysis.synthetic import article_item
from newsarchive.cli import main
from newsarchive.extraction.record import RECORD_KEYS
from newsarchive.storage import Archive

EXTRACT_KEYS = set(RECORD_KEYS) - {"fallbacks"}  # every key of `newsarchive extract` but fallbacks, not stored


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-show") / "archive.db"
    build_archive(path, raw_pages=False, runs=False)
    site, published = publish(ARTICLES[:1])
    item = article_item(site, published[0])
    item["record"]["headline"] = "Les États-Unis taxent l’acier"
    item["record"]["sections"][0]["paragraphs"].append("Mise à jour : Bruxelles a répondu.")
    item["raw"]["fetched_at"] = later(FIRST_FETCH, 24)
    with Archive.open(path) as archive:
        archive.save_articles([item])
    return str(path)


def test_show_prints_the_article_as_text(db, capsys):
    assert main(["show", "4", "--db", db]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Le gouvernement présente son projet de loi de finances"
    assert set(lines[1]) == {"="}
    for expected in ("By:         Sara", "Published:  2025-08-11T12:00:00+02:00", "Category:   Politique",
                     "Tags:       Budget, Croissance", "## Des économies dans tous les ministères",
                     "Le projet de loi de finances prévoit des économies importantes.",
                     "Droits d’auteur © 2024 – onemedia.fr – Tous droits réservés"):
        assert expected in lines
    assert out.index("Le projet de loi") < out.index("## Des économies") < out.index("L’opposition dénonce")


def test_show_says_when_an_article_is_for_subscribers_or_a_teaser(db, capsys):
    assert main(["show", "4", "--db", db, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "Access:" not in format_article(record)  # free for all, whole text
    record.update(access="subscribers", truncated=True)
    assert ("Access:     subscribers only; teaser (the stored text is the start of the article)"
            in format_article(record).splitlines())
    assert "- **Access:** subscribers only; teaser" in format_markdown(record)


def test_show_by_url_and_captions(db, capsys):
    url = "https://onemedia.fr/international/les-etats-unis-relevent-leurs-droits-de-douane-sur-l-acier/"
    assert main(["show", url + "?utm_source=x", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Les États-Unis taxent l’acier\n")
    assert "  [1] Un haut fourneau en Lorraine. — AFP <https://onemedia.fr/wp-content/uploads/2025/08/0.jpg>" in out


def test_show_json_is_the_full_record(db, capsys):
    assert main(["show", "2", "--db", db, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert EXTRACT_KEYS <= set(record)
    assert {"id", "urls", "first_seen", "last_seen", "fetched_at", "removed_at"} <= set(record)
    assert record["headline"] == "Canicule : l’école ouvre ses portes aux familles"
    assert record["lead"] == "Une initiative inédite de la mairie."
    assert record["text"].splitlines() == [record["lead"], *record["sections"][0]["paragraphs"]]
    assert record["tags"] == ["Canicule", "Éducation"] and record["authors"] == ["Sara"]
    assert record["sections"] == [{"heading": None, "level": None, "paragraphs": [
        "À Lyon, une école climatisée accueille les familles pendant la vague de chaleur.",
        "La préfecture a déclenché le plan canicule."]}]


def test_show_revisions(db, capsys):
    assert main(["show", "1", "--db", db, "--revisions"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Revision 1 — seen {later(FIRST_FETCH, 24)}: headline, sections")
    assert f"- {ARTICLES[0].headline}" in out and "+ Les États-Unis taxent l’acier" in out
    assert "+Mise à jour : Bruxelles a répondu." in out
    assert main(["show", "1", "--db", db, "--revisions", "--json"]) == 0
    history = json.loads(capsys.readouterr().out)
    assert history["id"] == 1
    change = history["revisions"][0]["changes"]["headline"]
    assert change == {"before": ARTICLES[0].headline, "after": "Les États-Unis taxent l’acier"}
    assert main(["show", "2", "--db", db, "--revisions"]) == 0
    assert capsys.readouterr().out.startswith("No revision")


@pytest.mark.parametrize(("reference", "message"), [
    ("99", "no article 99 in"),
    ("https://onemedia.fr/nulle-part/", "no article https://onemedia.fr/nulle-part/ in"),
    ("douane", "'douane' is neither an article id nor a URL"),
])
def test_unknown_articles_are_errors(db, capsys, reference, message):
    assert main(["show", reference, "--db", db]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("newsarchive show: ") and message in err


def test_show_as_markdown_keeps_headings_links_and_captions(db, capsys):
    assert main(["show", "1", "--db", db, "--format", "markdown"]) == 0
    blocks = capsys.readouterr().out.split("\n\n")
    url = "https://onemedia.fr/international/les-etats-unis-relevent-leurs-droits-de-douane-sur-l-acier/"
    assert blocks[0] == "# Les États-Unis taxent l’acier"
    facts = blocks[1].splitlines()
    assert "- **By:** Julien Morel" in facts and "- **Category:** International" in facts
    assert f"- **URL:** [{url}](<{url}>)" in facts
    assert "## Une riposte européenne" in blocks
    assert blocks.index("Washington a annoncé mardi une hausse des taxes sur l’acier importé.") \
        < blocks.index("## Une riposte européenne") < blocks.index("Bruxelles prépare une riposte mesurée.")
    assert ("![Un haut fourneau en Lorraine.](<https://onemedia.fr/wp-content/uploads/2025/08/0.jpg>)\n"
            "*Un haut fourneau en Lorraine. — AFP*") in blocks
    assert blocks[-1].strip() == "*Droits d’auteur © 2024 – onemedia.fr – Tous droits réservés*"


def test_markdown_escapes_what_would_be_markup():
    from newsarchive.analysis.markdown import escape
    assert escape("*Exclusif* : [vidéo] <b>") == "\\*Exclusif\\* : \\[vidéo\\] \\<b\\>"
    assert escape("1. Le premier point") == "1\\. Le premier point"
    assert escape("- tiret") == "\\- tiret" and escape("# dièse") == "\\# dièse"
