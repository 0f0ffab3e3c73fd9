"""A careless operator: damaged, read-only and newer archives, locks through other paths, outputs that
cannot be written or are not files, control characters for a terminal, numbers out of range."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys

import pytest
from analysis_archive import build_archive, copy_archive
from crawling import ROOT, run_crawl

from newsarchive.analysis import output
from newsarchive.cli import main
from newsarchive.runs.lock import ArchiveLock, ArchiveLocked
from newsarchive.storage import migrations as schema
from newsarchive.storage.connection import connect_read_only


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("guards") / "archive.db"
    build_archive(path)
    return path


def damaged(source, target):
    """A copy of the archive with its data pages overwritten (the header and schema left readable)."""
    copy_archive(source, target)
    with open(target, "r+b") as file:
        file.seek(4096 * 3)
        file.write(b"\xde\xad" * 8192)
    return target


def newer(source, target):
    copy_archive(source, target)
    with sqlite3.connect(target) as connection:
        connection.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                           "VALUES ('newsarchive', 'm999_from_the_future', '2030-01-01')")
    connection.close()
    return target


@pytest.mark.parametrize("command", [["search", "chaleur"], ["export"], ["stats"], ["show", "1"]],
                         ids=lambda command: command[0])
def test_a_damaged_archive_is_one_line_and_exit_status_2(archive, tmp_path, capsys, command):
    path = damaged(archive, tmp_path / "archive.db")
    assert main([*command, "--db", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"newsarchive {command[0]}: ") and "malformed" in err and "\n" not in err


def test_an_archive_from_a_newer_newsarchive_is_refused_naming_both_versions(archive, tmp_path, capsys):
    path = newer(archive, tmp_path / "archive.db")
    assert main(["stats", "--db", str(path)]) == 2
    latest = schema.migrations._migrations[-1].name
    err = capsys.readouterr().err
    assert "m999_from_the_future" in err and latest in err and "upgrade newsarchive" in err


def test_a_crawl_refuses_a_damaged_or_newer_archive_with_exit_status_2(archive, tmp_path, sample_server):
    for name, make in (("damaged", damaged), ("newer", newer)):
        path = make(archive, tmp_path / f"{name}.db")
        before = path.read_bytes()
        result = run_crawl("onemedia", sample_server.url, path)
        assert result.returncode == 2, result.stderr[-3000:]
        assert "Cannot use the archive" in result.stderr and "Traceback" not in result.stderr
        assert ("is damaged" if name == "damaged" else "m999_from_the_future") in result.stderr
        assert path.read_bytes() == before


def test_an_archive_that_cannot_be_written_is_still_read(archive, monkeypatch, capsys):
    def read_only_filesystem(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr("newsarchive.storage.archive.connect", read_only_filesystem)
    assert main(["search", "chaleur", "--db", str(archive), "--json"]) == 0
    assert '"total": ' in capsys.readouterr().out
    assert main(["reextract", "--db", str(archive)]) == 2  # writing needs write access
    assert "readonly" in capsys.readouterr().err


def test_a_read_only_connection_reads_an_archive_it_may_not_write(archive, monkeypatch):
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as on a read-only filesystem
    db = connect_read_only(archive)
    try:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        with pytest.raises(sqlite3.OperationalError):
            db.execute("DELETE FROM articles")
    finally:
        db.close()


def test_the_lock_is_keyed_on_the_real_file(tmp_path):
    real = tmp_path / "real" / "archive.db"
    real.parent.mkdir()
    link = tmp_path / "lien.db"
    link.symlink_to(real)
    with ArchiveLock.for_archive(real).acquire(), pytest.raises(ArchiveLocked):
        ArchiveLock.for_archive(link).acquire()
    with ArchiveLock.for_archive(tmp_path / "real" / ".." / "real" / "archive.db").acquire(), \
            pytest.raises(ArchiveLocked):
        ArchiveLock.for_archive(real).acquire()


def test_reextract_takes_the_lock_or_says_who_holds_it(archive, tmp_path, capsys):
    path = copy_archive(archive, tmp_path / "archive.db")
    link = tmp_path / "autre-nom.db"
    link.symlink_to(path)
    with ArchiveLock.for_archive(path).acquire():
        assert main(["reextract", "--db", str(link), "--extractor-site", "onemedia.fr"]) == 3
        err = capsys.readouterr().err
        assert "another run holds the archive lock" in err and "--lock-wait" in err
        assert main(["reextract", "--dry-run", "--db", str(link), "--extractor-site", "onemedia.fr"]) == 0
    assert main(["reextract", "--db", str(link), "--extractor-site", "onemedia.fr"]) == 0


def test_export_never_replaces_what_is_not_a_regular_file(archive, tmp_path, capsys):
    target = tmp_path / "cible.jsonl"
    link = tmp_path / "lien.jsonl"
    link.symlink_to(target)
    assert main(["export", "--db", str(archive), "-o", str(link)]) == 0
    assert link.is_symlink() and len(target.read_text().splitlines()) == 5
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert main(["export", "--db", str(archive), "-o", str(fifo)]) == 0
    assert len(reader.communicate(timeout=30)[0].splitlines()) == 5
    assert fifo.is_fifo()
    assert main(["export", "--db", str(archive), "-o", os.devnull]) == 0
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("command", [["export"], ["search", "chaleur"], ["stats"], ["runs"], ["show", "1"]],
                         ids=lambda command: command[0])
def test_a_full_disk_is_a_message_and_exit_status_1(archive, command):
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "newsarchive", *command, "--db", str(archive)],
                                stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.strip() == f"newsarchive {command[0]}: cannot write the output: No space left on device"


def no_room_to_grow_files():
    """In the child: no file may grow past 16 KiB, as on a full disk (the archive's -shm file needs 32 KiB)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))


@pytest.mark.parametrize("command", [["runs"], ["search", "chaleur"]], ids=lambda command: command[0])
def test_an_archive_on_a_full_disk_is_read_not_called_damaged(archive, tmp_path, command):
    path = copy_archive(archive, tmp_path / "archive.db")
    result = subprocess.run([sys.executable, "-m", "newsarchive", *command, "--db", str(path)], capture_output=True,
                            text=True, cwd=ROOT, preexec_fn=no_room_to_grow_files)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert "damaged" not in result.stdout and result.stdout.strip()


def test_a_reader_that_stops_early_ends_the_output_quietly(archive):
    result = subprocess.run(f"{sys.executable} -m newsarchive export --db {archive} | head -c 10",
                            shell=True, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stderr == ""


def test_control_characters_are_stripped_on_a_terminal_only(monkeypatch, capsys):
    headline = "Titre\x1b]0;piégé\x07 \x1b[2Jnormal\r\x9b fin\n\tsuite"
    monkeypatch.setattr(output, "is_terminal", lambda stream: True)
    assert output.emit("show", headline) == 0
    assert capsys.readouterr().out == "Titre normal fin\n\tsuite\n"
    assert output.printable("a\x1b[1;33mb\x1b[0m\x1b[2J", keep=("\x1b[1;33m", "\x1b[0m")) == "a\x1b[1;33mb\x1b[0m"
    monkeypatch.setattr(output, "is_terminal", lambda stream: False)
    assert output.emit("show", headline) == 0
    assert capsys.readouterr().out == headline + "\n"


@pytest.mark.parametrize("command, message", [
    (["search", "x", "--offset", "-5"], "--offset: expected a whole number >= 0"),
    (["search", "x", "--limit", "99999999999999999999999"], "--limit: expected a whole number <= 9223372036854775807"),
    (["stats", "--top", "0"], "--top: expected a whole number >= 1"),
    (["reextract", "--lock-wait", "-1"], "--lock-wait: expected seconds from 0"),
])
def test_integer_options_out_of_range_are_usage_errors(archive, capsys, command, message):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--db", str(archive)])
    assert exit_info.value.code == 2 and message in capsys.readouterr().err


def test_an_id_out_of_range_is_no_article(archive, capsys):
    assert main(["show", "99999999999999999999999", "--db", str(archive)]) == 2
    assert "no article 99999999999999999999999" in capsys.readouterr().err


@pytest.mark.parametrize("extra, message", [
    (("-a", "base_url=file:///etc/"), "base_url must be an absolute http(s) URL on one line"),
    (("-a", "base_url=http://127.0.0.1:9/\nSitemap: x"), "base_url must be an absolute http(s) URL on one line"),
    (("-s", "NEWSARCHIVE_SITEMAP_MAX_URLS=-1"), "NEWSARCHIVE_SITEMAP_MAX_URLS must be a number from 0"),
    (("-s", "NEWSARCHIVE_MAX_INFLATED_SIZE=beaucoup"), "NEWSARCHIVE_MAX_INFLATED_SIZE must be a number"),
])
def test_bad_spider_arguments_and_limits_are_one_line_and_exit_status_2(tmp_path, extra, message):
    result = run_crawl("onemedia", "http://127.0.0.1:9/", tmp_path / "archive.db", *extra, timeout=60)
    assert result.returncode == 2, result.stderr[-2000:]
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_crawl_through_a_symbolic_link_is_refused_while_the_archive_is_locked(archive, tmp_path, sample_server):
    path = copy_archive(archive, tmp_path / "archive.db")
    link = tmp_path / "raccourci.db"
    link.symlink_to(path)
    with ArchiveLock.for_archive(path).acquire():
        result = run_crawl("onemedia", sample_server.url, link, timeout=120)
    assert result.returncode == 3, result.stderr[-3000:]
    assert f"another run holds the archive lock {path}.lock" in result.stderr
