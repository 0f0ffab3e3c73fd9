"""The README's quick start works as written: its two commands, parsed from the README, in a scratch copy.

The scratch copy is the repository's files (as ``git ls-files`` lists them, with their current content).
Its ``.venv`` is created by ``python3 -m venv`` beforehand and sees the packages of the environment
running the tests (a ``.pth`` line), so that ``pip install -e .`` installs newsarchive itself without
downloading its dependencies again; CI (``.ci/run``) runs the same test command on a clean clone,
dependencies included. The test command runs one small test file instead of the whole suite (which
holds this test).
"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from mockserver import MockServer

from crawling import ROOT

SUBSET = "tests/test_urls.py"


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_ci_runs_exactly_the_readme_test_command():
    install_and_demo, tests = quick_start_commands()
    assert install_and_demo.startswith("python3 -m venv .venv && ") and "newsarchive demo" in install_and_demo
    assert tests.startswith("python3 -m venv .venv && ") and tests.endswith("python -m pytest")
    ci_lines = (ROOT / ".ci" / "run").read_text().strip().splitlines()
    assert ci_lines[-1] == tests


@pytest.fixture
def scratch_copy(tmp_path):
    python3 = shutil.which("python3")
    version = subprocess.run([python3, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True,
                             text=True).stdout.strip() if python3 else None
    if version != str(sys.version_info[:2]):
        pytest.skip(f"python3 ({version}) is not the Python running the tests")
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split("\0")
    repo = tmp_path / "newsarchive"
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    subprocess.run([python3, "-m", "venv", str(repo / ".venv")], check=True)
    purelib = Path(subprocess.run([repo / ".venv" / "bin" / "python", "-c",
                                   "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "tests_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return repo


def shell(command: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    bin_dir = str(Path(sys.executable).parent)
    path = os.pathsep.join(part for part in os.environ["PATH"].split(os.pathsep) if part != bin_dir)
    env = {key: value for key, value in os.environ.items()
           if key not in ("NEWSARCHIVE_DB", "VIRTUAL_ENV", "SCRAPY_SETTINGS_MODULE", "PYTHONPATH")}
    return subprocess.run(["bash", "-c", command], cwd=cwd, env={**env, "PATH": path}, capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.timeout(900)
def test_the_quick_start_works_as_written_and_the_archive_is_the_project_s(scratch_copy, tmp_path):
    repo = scratch_copy
    install_and_demo, tests = quick_start_commands()
    archive = repo / "data" / "archive.db"
    with sqlite3.connect(archive) as connection:
        connection.execute("CREATE TABLE mine (x)")
    before = archive.read_bytes()

    demo = shell(install_and_demo, repo)
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-3000:]
    output = demo.stdout
    assert f"Archive: {repo / 'data' / 'demo.db'}" in output
    assert re.search(r"Archive summary: 40 articles, \d+ sections", output)
    problems = re.search(r"Errors and skips: (.*)", output).group(1)
    assert not re.search(r"fetch_failed|extract_failed|store_failed|log_count/ERROR", problems), problems
    assert " INFO: " not in output + demo.stderr and "[scrapy" not in output + demo.stderr  # the log is in demo.log
    assert "Spider closed (finished)" in (repo / "data" / "demo.log").read_text()
    assert archive.read_bytes() == before  # the real archive is untouched

    next_commands = output.split("Next, try:\n", 1)[1].strip().splitlines()
    assert len(next_commands) == 3
    search, show, datasette = (line.strip() for line in next_commands)
    assert search.startswith(".venv/bin/newsarchive search ") and show.startswith(".venv/bin/newsarchive show ")
    assert "datasette" in datasette and "data/demo.db" in datasette
    for command in (search, show):
        result = shell(command, repo, timeout=120)
        assert result.returncode == 0 and result.stdout.strip(), (command, result.stderr[-2000:])
        assert "No article matches" not in result.stdout, command

    again = shell(".venv/bin/newsarchive demo --articles 5", repo)
    assert again.returncode == 0, again.stderr[-3000:]
    assert re.search(r"Archive summary: 5 articles,", again.stdout)  # replaced, not added to

    result = shell(f"{tests} -q -p no:cacheprovider {SUBSET}", repo)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", result.stdout)

    crawl_elsewhere(repo, tmp_path / "elsewhere")


def crawl_elsewhere(repo: Path, elsewhere: Path) -> None:
    """A crawl started from another directory writes the project's archive, and says so."""
    elsewhere.mkdir()
    archive = repo / "data" / "archive.db"
    archive.unlink()
    with MockServer(articles=3) as server:
        crawl = shell(f"SCRAPY_SETTINGS_MODULE=newsarchive.settings {repo}/.venv/bin/python -m scrapy crawl onemedia "
                      f"-a base_url={server.url} -s AUTOTHROTTLE_ENABLED=0 -s DOWNLOAD_DELAY=0", elsewhere)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert f"articles: 3 new, 0 updated, 0 unchanged, 0 removed; archive: {archive}" in crawl.stderr
    with sqlite3.connect(archive) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert not (elsewhere / "data").exists()
