"""The backups folder: where backups go by default, their names, listing and pruning."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flask import current_app
from flask_babel import gettext

from . import archive
from .errors import BackupError

SUFFIX = ".backup"


@dataclass(frozen=True)
class Entry:
    """A file of the backups folder; header None when it is not a readable backup."""

    path: Path
    size: int
    header: archive.Header | None


def backups_folder() -> Path:
    """Return the backups folder: BACKUP_FOLDER, or `backups` in the instance folder."""
    configured = current_app.config.get("BACKUP_FOLDER") or os.environ.get("BACKUP_FOLDER")
    return Path(configured) if configured else Path(current_app.instance_path) / "backups"


def target_path(path: Path | None, moment: datetime, label: str = "") -> Path:
    """Return where a new backup goes: PATH, a new name in PATH if a folder, or the default."""
    if path is not None and not path.is_dir():
        if path.exists():
            raise BackupError(gettext("%(path)s exists already.", path=path))
        return path
    folder = path if path is not None else _private_folder(backups_folder())
    stem = f"backoffice-{moment:%Y%m%dT%H%M%SZ}" + (f"-{label}" if label else "")
    candidate, n = folder / f"{stem}{SUFFIX}", 1
    while candidate.exists():  # two backups within one second keep both
        n += 1
        candidate = folder / f"{stem}-{n}{SUFFIX}"
    return candidate


def entries(folder: Path) -> list[Entry]:
    """Return the backups of a folder, newest first."""
    found = []
    for path in folder.glob(f"*{SUFFIX}") if folder.is_dir() else []:
        try:
            header = archive.read_header(path)[0]
        except BackupError:
            header = None
        found.append(Entry(path, path.stat().st_size, header))
    return sorted(found, key=lambda e: (e.header.created_at if e.header else "", e.path.name))[::-1]


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` newest backups of a folder; return the deleted files."""
    # Only files that are backups: anything else in the folder is left alone.
    old = [e.path for e in entries(folder) if e.header is not None][keep:]
    for path in old:
        path.unlink()
    return old


def _private_folder(folder: Path) -> Path:
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)  # mkdir's mode passes through the umask
    return folder
