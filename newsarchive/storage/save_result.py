"""What a committed batch of articles did to the archive: the articles stored, by outcome, and the re-checks."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class SaveResult:
    """Outcomes of a committed batch: articles stored (new ... merged) and re-checks recorded."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    not_modified: int = 0  # re-checks answered 304, recorded as seen
    removed: int = 0  # articles newly marked removed (404/410)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def __add__(self, other: SaveResult) -> SaveResult:
        return SaveResult(**{name: value + getattr(other, name) for name, value in asdict(self).items()})

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + self.merged

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def stats(self) -> dict[str, int]:
        """The crawl stats this batch adds: ``newsarchive/articles_<outcome>`` and ``newsarchive/articles_stored``."""
        counted = {f"newsarchive/articles_{outcome}": count for outcome, count in self.as_dict().items() if count}
        if self.total:
            counted["newsarchive/articles_stored"] = self.total
        return counted
