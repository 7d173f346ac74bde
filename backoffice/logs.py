"""Log records as plain lines or as JSON lines (`LOG_FORMAT=json`), for the server's config.

Nothing here logs request bodies or query strings: they carry what people typed, and in
this backoffice that can be where a victim hides.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the trace if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


PLAIN = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def config(log_format: str | None = None) -> dict:
    """Return a `logging.config.dictConfig` mapping for the server and the application."""
    json_lines = (log_format or os.environ.get("LOG_FORMAT", "")).lower() == "json"
    formatter = {"()": JsonFormatter} if json_lines else {"format": PLAIN}
    handler = {"class": "logging.StreamHandler", "formatter": "default"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {
            "error": {**handler, "stream": "ext://sys.stderr"},
            "access": {**handler, "stream": "ext://sys.stdout"},
        },
        "root": {"level": "INFO", "handlers": ["error"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["error"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["access"], "propagate": False},
            # SQL statements are never logged: their parameters are people's data.
            "sqlalchemy": {"level": "WARNING"},
        },
    }
