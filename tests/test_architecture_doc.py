"""docs/architecture.md: its map has one line per folder of newsarchive/ and per top-level code folder, exactly the
folders that exist; every module the map and the path of an article name is there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
TOP_LEVEL = ("newsarchive", "spiders", "pipelines", "tests", "benchmarks")
BRANCH = re.compile(r"^((?:│   |    )*)(?:├── |└── )")  # a folder's line: four characters per level, then its branch
MODULE = re.compile(r"[\w/*]+\.py\b")


def section(title: str) -> str:
    return ARCHITECTURE.read_text(encoding="utf-8").split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def mapped_folders() -> list[tuple[str, str]]:
    """``(folder, description)`` of each line of the map's tree, in order; a line that names no folder (``│`` or
    spaces, then text) goes on with the description of the line above it."""
    tree = section("Map of the code").split("```", 2)[1]
    entries: list[tuple[str, str]] = []
    parents: list[str] = []
    for line in tree.splitlines()[1:]:
        branch = BRANCH.match(line)
        if branch is None and line[:1] in ("│", " "):
            entries[-1] = (entries[-1][0], entries[-1][1] + " " + line.strip(" │"))
            continue
        depth = len(branch.group(1)) // 4 + 1 if branch else 0
        name, _, description = line[branch.end() if branch else 0:].partition(" ")
        assert name.endswith("/"), f"not a folder: {line!r}"
        parents[depth:] = [name]
        entries.append(("".join(parents[: depth + 1]), description.strip()))
    return entries


def holds_files(folder: Path) -> bool:
    """True when the folder holds a file of the project (a folder left with nothing but caches does not)."""
    return any(path.is_file() and "__pycache__" not in path.parts for path in folder.rglob("*"))


def existing_folders() -> set[str]:
    package = {path.relative_to(ROOT).as_posix() + "/" for path in (ROOT / "newsarchive").rglob("*")
               if path.is_dir() and path.name != "__pycache__" and holds_files(path)}
    return package | {f"{name}/" for name in TOP_LEVEL}


def test_the_map_has_one_line_per_folder_of_the_package_and_per_top_level_folder():
    folders = [folder for folder, _ in mapped_folders()]
    assert len(folders) == len(set(folders)), "a folder on two lines"
    assert set(folders) == existing_folders()


def test_the_modules_the_map_names_are_in_their_folders():
    named = [(folder, module) for folder, description in mapped_folders() for module in MODULE.findall(description)]
    assert len(named) > 20
    assert [f"{folder}{module}" for folder, module in named if not list((ROOT / folder).glob(module))] == []


def test_the_path_of_an_article_names_modules_that_exist():
    named = MODULE.findall(section("The path of one article"))
    assert len(named) > 10
    assert [module for module in named if not (ROOT / module).is_file()] == []
