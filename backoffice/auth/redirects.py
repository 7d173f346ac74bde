"""Where the backoffice may send a browser back to: only to one of its own pages.

A `next` value comes from the URL or a form, so anyone can write it. Browsers read a
location generously: they drop tabs and line breaks, take a backslash for a slash and
`//host`, `/\\host` or `////host` for another site, and a proxy or a later redirect may
decode `%2F%2Fhost` into one. Rather than guess every reading, accept only a plain local
path in printable ASCII, and send anything else to the home page.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from flask import url_for

# One slash, then printable ASCII without backslash: no space, tab, CR/LF or other control.
_PLAIN_PATH = re.compile(r"/(?![/\\])[\x21-\x5b\x5d-\x7e]*")
_DECODINGS = 3  # %2F, %252F, %25252F: more layers than that is not an honest link


def is_local_path(target: str) -> bool:
    """Tell whether `target` names a page of this site however a browser reads it."""
    if not _PLAIN_PATH.fullmatch(target):
        return False
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return False
    path = parts.path
    for _ in range(_DECODINGS):
        decoded = unquote(path)
        if decoded == path:
            return True
        if not _PLAIN_PATH.fullmatch(decoded):
            return False
        path = decoded
    return False


def local_target(target: str | None) -> str:
    """Return `target` when it is a page of this site, the home page otherwise."""
    if target and is_local_path(target):
        return target
    return url_for("admin.index")
