"""The backup file: a public header, then the manifest and the dump, encrypted or not.

    STOPPVIF-BACKUP            magic line
    {"created_at": ...}        header: one JSON line, readable without the key
    body                       tar.gz of manifest.json and the dump, sealed by cipher.py

The header says when the file was made, from which database kind and schema revision, and
how it is encrypted, so that `backup list` needs no key; it is bound to the body (associated
data of every chunk), so it cannot be edited either. Row counts and checksums, which say
something about the records, travel only in the encrypted manifest.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

from flask_babel import gettext

from . import cipher
from .errors import BackupError

MAGIC = b"STOPPVIF-BACKUP\n"
FORMAT = 1
MANIFEST = "manifest.json"
DUMP = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


@dataclass(frozen=True)
class TableSummary:
    """What a table held at backup time: its rows and a checksum over them."""

    rows: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What the backup holds and where it comes from."""

    created_at: str
    backoffice_version: str
    database: str
    schema: str | None
    revision: str | None
    tables: dict[str, TableSummary]

    def to_json(self) -> bytes:
        return json.dumps({"format": FORMAT, **asdict(self)}, indent=1, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        fields = json.loads(data)
        fields.pop("format", None)
        fields["tables"] = {n: TableSummary(**t) for n, t in fields["tables"].items()}
        return cls(**fields)


@dataclass(frozen=True)
class Header:
    """The part of a backup readable without the key."""

    created_at: str
    backoffice_version: str
    database: str
    revision: str | None
    encryption: dict | None

    @property
    def encrypted(self) -> bool:
        return self.encryption is not None


@dataclass(frozen=True)
class Contents:
    """An opened backup: its header, its manifest and its dump as a plain file."""

    header: Header
    manifest: Manifest
    dump: Path


def write(path: Path, manifest: Manifest, dump: Path, passphrase: str | None) -> None:
    """Write a backup file readable and writable by its owner only, never over another."""
    encryption, key = cipher.new_parameters(passphrase) if passphrase else (None, b"")
    header = Header(
        manifest.created_at,
        manifest.backoffice_version,
        manifest.database,
        manifest.revision,
        encryption,
    )
    header_bytes = MAGIC + json.dumps(asdict(header), sort_keys=True).encode() + b"\n"
    partial = path.with_name(f".{path.name}.partial")
    try:
        with tempfile.TemporaryDirectory() as work:
            body = Path(work) / "body.tar.gz"
            _pack(body, manifest, dump)
            with _private_file(partial) as out, open(body, "rb") as source:
                out.write(header_bytes)
                if key:
                    cipher.encrypt(source, out, key, header_bytes)
                else:
                    shutil.copyfileobj(source, out)
                out.flush()
                os.fsync(out.fileno())
        if path.exists():
            raise FileExistsError
        os.replace(partial, path)
    except FileExistsError:
        partial.unlink(missing_ok=True)
        raise BackupError(gettext("%(path)s exists already.", path=path)) from None
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            gettext("Cannot write %(path)s: %(detail)s", path=path, detail=error.strerror)
        ) from None


def read_header(path: Path) -> tuple[Header, bytes]:
    """Return the public header of a backup file and its exact bytes."""
    try:
        with open(path, "rb") as f:
            magic, line = f.readline(len(MAGIC)), f.readline(64 * 1024)
        if magic != MAGIC or not line.endswith(b"\n"):
            raise ValueError
        return Header(**json.loads(line)), magic + line
    except FileNotFoundError:
        raise BackupError(gettext("No file at %(path)s.", path=path)) from None
    except (ValueError, TypeError):
        raise BackupError(
            gettext("%(path)s is not a backup of the backoffice.", path=path)
        ) from None


def open_backup(path: Path, passphrase: str | None, work: Path) -> Contents:
    """Decrypt and unpack a backup into the folder `work`; refuse a wrong key or an altered file."""
    header, header_bytes = read_header(path)
    body = work / "body.tar.gz"
    with open(path, "rb") as source, _private_file(body) as target:
        source.seek(len(header_bytes))
        if header.encryption is None:
            shutil.copyfileobj(source, target)
        else:
            if not passphrase:
                raise BackupError(
                    gettext("This backup is encrypted: set BACKUP_KEY to the key it was made with.")
                )
            key = cipher.content_key(header.encryption, passphrase)
            chunk_size = int(header.encryption["chunk_size"])
            cipher.decrypt(source, target, key, header_bytes, chunk_size)
    manifest, dump = _unpack(body, header, work)
    if (manifest.created_at, manifest.revision) != (header.created_at, header.revision):
        raise BackupError(gettext("This backup was altered: its header and manifest disagree."))
    return Contents(header, manifest, dump)


def _pack(body: Path, manifest: Manifest, dump: Path) -> None:
    with tarfile.open(body, "w:gz") as tar:
        data = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode = len(data), 0o600
        tar.addfile(info, io.BytesIO(data))
        tar.add(dump, arcname=DUMP[manifest.database])


def _unpack(body: Path, header: Header, work: Path) -> tuple[Manifest, Path]:
    # Members are read by name, never extracted by the names the archive gives.
    try:
        with tarfile.open(body, "r:gz") as tar:
            manifest = Manifest.from_json(_member(tar, MANIFEST).read())
            dump = work / DUMP[header.database]
            with _private_file(dump) as out:
                shutil.copyfileobj(_member(tar, DUMP[header.database]), out)
    except (tarfile.TarError, OSError, zlib.error, KeyError, ValueError, TypeError, EOFError):
        raise BackupError(gettext("This backup is damaged: its content cannot be read.")) from None
    return manifest, dump


def _member(tar: tarfile.TarFile, name: str):
    member = tar.extractfile(name)
    if member is None:
        raise KeyError(name)
    return member


def _private_file(path: Path):
    # os.open with a mode, then fchmod: owner-only whatever the umask says.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "wb")
