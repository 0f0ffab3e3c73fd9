"""Every ``NEWSARCHIVE_*`` setting is declared in newsarchive/settings.py, its one home, and read without a
second default: the code is walked for the names it uses and for the ``settings.get*()`` calls that read them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from newsarchive import settings

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_FILE = ROOT / "newsarchive" / "settings.py"
NAME = re.compile(r"NEWSARCHIVE_[A-Z0-9_]+")
GETTERS = {"get", "getbool", "getint", "getfloat", "getlist", "getdict", "getdictorlist", "getwithbase",
           "getpriority"}
# read from the environment by other programs than a crawl, never a Scrapy setting
ENVIRONMENT_ONLY = {"NEWSARCHIVE_DATASETTE_RAW_PAGES"}  # the Datasette plugin's switch


def project_files() -> list[Path]:
    files = [path for package in ("newsarchive", "pipelines", "spiders") for path in (ROOT / package).rglob("*.py")]
    return sorted(path for path in files if path != SETTINGS_FILE)


def declared() -> set[str]:
    return {name for name in dir(settings) if NAME.fullmatch(name)}


def names_used(tree: ast.AST) -> set[str]:
    """The setting names written out in the code, as whole strings."""
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and NAME.fullmatch(node.value)}


def is_setting_read(node: ast.AST) -> bool:
    """``settings.get*("NEWSARCHIVE_X", ...)`` (the environment's ``os.environ.get`` aside)."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in GETTERS):
        return False
    if "environ" in ast.unparse(node.func.value) or not node.args:
        return False
    first = node.args[0]
    return isinstance(first, ast.Constant) and isinstance(first.value, str) and bool(NAME.fullmatch(first.value))


def reads_with_a_default(tree: ast.AST) -> list[str]:
    """``settings.getint("NEWSARCHIVE_X", 5)`` and ``settings.get("NEWSARCHIVE_X") or "INFO"``: a default
    beside the one in settings.py (``or ""`` only turns None into text)."""
    found = []
    for node in ast.walk(tree):
        if is_setting_read(node) and (len(node.args) > 1 or any(k.arg == "default" for k in node.keywords)):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or) and is_setting_read(node.values[0]):
            if any(isinstance(value, ast.Constant) and value.value not in ("", None) for value in node.values[1:]):
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_every_setting_the_code_names_is_declared_in_settings_py():
    undeclared = {}
    for path in project_files():
        for name in names_used(ast.parse(path.read_text(encoding="utf-8"))) - declared() - ENVIRONMENT_ONLY:
            undeclared.setdefault(name, []).append(str(path.relative_to(ROOT)))
    assert undeclared == {}


def test_no_setting_is_read_with_a_second_default():
    second_defaults = {}
    for path in project_files():
        found = reads_with_a_default(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            second_defaults[str(path.relative_to(ROOT))] = found
    assert second_defaults == {}


def test_the_walk_finds_names_and_defaults():
    tree = ast.parse('s.getint("NEWSARCHIVE_X", 5)\ns.getbool("NEWSARCHIVE_Y", default=True)\n'
                     's.getfloat("NEWSARCHIVE_Z")\nos.environ.get("NEWSARCHIVE_DB", "")\nx = "NEWSARCHIVE_W is off"\n'
                     '(s.get("NEWSARCHIVE_V") or "INFO", s.get("NEWSARCHIVE_U") or "")')
    assert names_used(tree) == {"NEWSARCHIVE_X", "NEWSARCHIVE_Y", "NEWSARCHIVE_Z", "NEWSARCHIVE_DB", "NEWSARCHIVE_V",
                                "NEWSARCHIVE_U"}
    assert sorted(line.split(":")[0] for line in reads_with_a_default(tree)) == ["line 1", "line 2", "line 6"]
    assert {"NEWSARCHIVE_DB", "NEWSARCHIVE_STORE", "NEWSARCHIVE_DEDUP_ENABLED"} <= declared()
