"""AES-256-GCM in chunks, with a key derived from BACKUP_KEY by scrypt and a random salt.

Each chunk is sealed with its position and a "last chunk" flag in the nonce, and with the
file's header as associated data: a changed byte anywhere, a reordered, removed or appended
chunk, or an edited header makes decryption fail. The key is unique to each file (its salt
is), so a counter nonce never repeats under one key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from flask_babel import gettext

from .errors import BackupError

CIPHER = "AES-256-GCM"
CHUNK_SIZE = 1 << 20
TAG_SIZE = 16
MIN_KEY_LENGTH = 16
# scrypt cost: 32 MiB and about a tenth of a second per file, for each guess of the key too.
SCRYPT = {"n": 1 << 15, "r": 8, "p": 1}
MAX_SCRYPT_N = 1 << 20  # a forged header must not make us allocate gigabytes
_CHECK_LABEL = b"stoppvif backoffice backup key check"


def check_strength(passphrase: str) -> None:
    """Refuse a key too short to protect the backups."""
    if len(passphrase) < MIN_KEY_LENGTH:
        raise BackupError(
            gettext(
                "BACKUP_KEY is too short: use at least %(count)d characters.",
                count=MIN_KEY_LENGTH,
            )
        )


def new_parameters(passphrase: str) -> tuple[dict, bytes]:
    """Return the header's encryption parameters for a new file, and its content key."""
    check_strength(passphrase)
    salt = os.urandom(16)
    content_key, check_key = _derive(passphrase, salt, **SCRYPT)
    parameters = {
        "cipher": CIPHER,
        "chunk_size": CHUNK_SIZE,
        "kdf": {"name": "scrypt", "salt": _b64(salt), **SCRYPT},
        "key_check": _b64(_key_check(check_key)),
    }
    return parameters, content_key


def content_key(parameters: dict, passphrase: str) -> bytes:
    """Return the content key of a file, or refuse a key that is not the one it was made with."""
    kdf = parameters.get("kdf", {})
    if parameters.get("cipher") != CIPHER or kdf.get("name") != "scrypt":
        raise BackupError(gettext("This backup uses an encryption this version cannot read."))
    n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
    if not (1 < n <= MAX_SCRYPT_N and 0 < r <= 32 and 0 < p <= 16):
        raise BackupError(gettext("This backup uses an encryption this version cannot read."))
    key, check_key = _derive(passphrase, base64.b64decode(kdf["salt"]), n, r, p)
    if not hmac.compare_digest(_key_check(check_key), base64.b64decode(parameters["key_check"])):
        raise BackupError(
            gettext("Wrong key: BACKUP_KEY is not the key this backup was made with.")
        )
    return key


def encrypt(source: BinaryIO, target: BinaryIO, key: bytes, header: bytes) -> None:
    """Write `source` to `target` as sealed chunks bound to `header`."""
    aead = AESGCM(key)
    counter, chunk = 0, source.read(CHUNK_SIZE)
    while True:
        following = source.read(CHUNK_SIZE)
        last = not following
        target.write(aead.encrypt(_nonce(counter, last), chunk, header))
        if last:
            return
        counter, chunk = counter + 1, following


def decrypt(source: BinaryIO, target: BinaryIO, key: bytes, header: bytes, chunk_size: int) -> None:
    """Write the plain content of `source` to `target`, or refuse a file that was altered."""
    if not 0 < chunk_size <= 64 * CHUNK_SIZE:
        raise BackupError(gettext("This backup uses an encryption this version cannot read."))
    aead = AESGCM(key)
    counter, block = 0, source.read(chunk_size + TAG_SIZE)
    while True:
        following = source.read(chunk_size + TAG_SIZE)
        last = not following
        try:
            target.write(aead.decrypt(_nonce(counter, last), block, header))
        except InvalidTag:
            raise BackupError(
                gettext("This backup is damaged or was altered: its content fails authentication.")
            ) from None
        if last:
            return
        counter, block = counter + 1, following


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    material = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(passphrase.encode())
    return material[:32], material[32:]


def _key_check(check_key: bytes) -> bytes:
    # Tells a wrong key from a damaged file; derived apart from the content key.
    return hmac.new(check_key, _CHECK_LABEL, hashlib.sha256).digest()[:16]


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
