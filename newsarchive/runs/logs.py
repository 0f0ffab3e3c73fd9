"""How a run logs: the summary line's level, the quiet mode's last problem and the rotating log file."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path


def summary_level(settings) -> int:
    """INFO, or the configured log level when it is higher, so that ``-L WARNING`` still shows it; INFO in
    quiet mode (``NEWSARCHIVE_QUIET``), whose console shows a failed run's summary only."""
    if settings.getbool("NEWSARCHIVE_QUIET"):
        return logging.INFO
    return max(logging.INFO, log_level(settings.get("LOG_LEVEL") or "INFO"))


class LastProblem(logging.Handler):
    """Remembers the first line of the last warning or error logged (``message``: what a quiet run that could
    not crawl says in its one line) and of the last error (``cause``: why a run finished with errors)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.message: str | None = None
        self.error: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.message = record.getMessage().partition("\n")[0]
        if record.levelno >= logging.ERROR:
            self.error = self.message

    @property
    def cause(self) -> str | None:
        """The last error logged, else the last warning (a failed page)."""
        return self.error or self.message


def log_level(name) -> int:
    """A log level given by name (``WARNING``) or number; raises ValueError."""
    if isinstance(name, int):
        return name
    levels = logging.getLevelNamesMapping()
    text = str(name).strip().upper()
    if text.isdigit():
        return int(text)
    if text not in levels:
        raise ValueError(f"unknown log level {name!r}")
    return levels[text]


def install_log_file(settings) -> RotatingFileHandler | None:
    """A rotating log file on the root logger when ``NEWSARCHIVE_LOG_FILE`` is set (None otherwise).

    ``NEWSARCHIVE_LOG_MAX_BYTES`` per file, ``NEWSARCHIVE_LOG_BACKUP_COUNT`` old files kept, records
    from ``NEWSARCHIVE_LOG_FILE_LEVEL`` up, whatever the console shows. Raises ValueError
    for a bad setting and OSError when the file cannot be opened.
    """
    path = settings.get("NEWSARCHIVE_LOG_FILE")
    if not path:
        return None
    max_bytes = settings.getint("NEWSARCHIVE_LOG_MAX_BYTES")
    backups = settings.getint("NEWSARCHIVE_LOG_BACKUP_COUNT")
    if max_bytes < 0 or backups < 0:
        raise ValueError("NEWSARCHIVE_LOG_MAX_BYTES and NEWSARCHIVE_LOG_BACKUP_COUNT must be >= 0")
    level = log_level(settings.get("NEWSARCHIVE_LOG_FILE_LEVEL"))
    Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(Path(path).expanduser(), maxBytes=max_bytes, backupCount=backups,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT")))
    handler.setLevel(level)
    logging.getLogger().addHandler(handler)
    return handler
