"""``newsarchive extract FILE --url URL``: the record as JSON, non-articles as ``_unsupported``, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsarchive.cli import main
from newsarchive.extraction import FIELDS

GOLDEN = Path(__file__).parent / "golden" / "onemedia" / "classic-editor-images"
URL = "https://onemedia.fr/france/marche-couvert-vernon-rouvre/"


def test_extract_prints_the_record_as_json(capsys):
    status = main(["extract", str(GOLDEN / "page.html"), "--url", URL, "--fetched-at", "2025-03-16T09:00:00Z"])
    record = json.loads(capsys.readouterr().out)
    expected = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))["record"]
    assert status == 0
    for key in FIELDS:
        assert record[key] == expected[key]


def test_extract_output_keeps_non_ascii_characters(capsys):
    main(["extract", str(GOLDEN / "page.html"), "--url", URL])
    out = capsys.readouterr().out
    assert "Droits d’auteur ©" in out and "\\u" not in out


def test_non_article_prints_unsupported_json_and_exits_0(tmp_path, capsys):
    page = tmp_path / "contact.html"
    page.write_text("<html><body><p>Écrivez-nous.</p></body></html>", encoding="utf-8")
    status = main(["extract", str(page), "--url", "https://onemedia.fr/contact/"])
    output = json.loads(capsys.readouterr().out)
    assert status == 0
    assert output["_unsupported"] is True and output["reason"] == "no headline"


def test_missing_file_is_a_clear_error_with_status_2(tmp_path, capsys):
    status = main(["extract", str(tmp_path / "absent.html"), "--url", URL])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert "cannot read" in captured.err and "absent.html" in captured.err


def test_bad_fetch_time_is_a_clear_error_with_status_2(capsys):
    status = main(["extract", str(GOLDEN / "page.html"), "--url", URL, "--fetched-at", "demain"])
    assert status == 2
    assert "fetched_at" in capsys.readouterr().err


def test_the_installed_command_runs(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "newsarchive", "extract", str(GOLDEN / "page.html"), "--url", URL],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"].startswith("Le marché couvert")
