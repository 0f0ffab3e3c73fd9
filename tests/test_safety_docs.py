"""The README's "Safety and limits" section lists every limit setting, with the default settings.py gives it."""

from __future__ import annotations

import re
from pathlib import Path

from newsarchive import settings

README = Path(__file__).resolve().parents[1] / "README.md"
SAFETY_BLOCK = Path(settings.__file__).read_text(encoding="utf-8").split("# --- Safety limits")[1]


def _safety_rows() -> dict[str, str]:
    text = README.read_text(encoding="utf-8").split("## Safety and limits")[1].split("\n## ")[0]
    return dict(re.findall(r"^\| `(\w+)`[^|]*\| ([^|]+) \|", text, re.MULTILINE))


def _as_written(value) -> str:
    """A default as the README writes it: 50 MiB, 500 KiB, 120 s, 50,000."""
    if isinstance(value, int) and value >= 1024 and value % 1024 == 0:
        return f"{value // 1024 // 1024} MiB" if value % (1024 * 1024) == 0 else f"{value // 1024} KiB"
    return f"{value:,}"


def test_every_safety_setting_is_in_the_readme_with_its_default():
    rows = _safety_rows()
    names = re.findall(r"^(NEWSARCHIVE_\w+) = ", SAFETY_BLOCK, re.MULTILINE)
    assert names and set(names) <= set(rows), set(names) - set(rows)
    for name in names:
        default = rows[name].strip()
        value = getattr(settings, name)
        number = default.split(" s")[0] if default.endswith(" s") else None
        assert default == _as_written(value) or (number is not None and float(number) == value), (name, default)


def test_every_setting_the_section_names_exists():
    assert set(_safety_rows()) <= set(dir(settings)) | {"DOWNLOAD_MAXSIZE"}
