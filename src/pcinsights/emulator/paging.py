"""Continuation tokens for the customer listing: opaque to clients, bound to one world."""

from __future__ import annotations

import base64
import binascii
import json
import re

import attrs

_TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,512}")
MAX_PAGE_SIZE = 500


class InvalidTokenError(ValueError):
    """The continuation token was not issued by this world, or was altered."""


@attrs.frozen
class Cursor:
    """Where the next page starts and how long pages are."""

    offset: int
    size: int


def encode_token(seed: int, total: int, cursor: Cursor) -> str:
    """URL-safe base64 of a small JSON object; the seed and size let a foreign token be told apart."""
    raw = json.dumps(
        {"seed": seed, "total": total, "offset": cursor.offset, "size": cursor.size}, separators=(",", ":")
    )
    return base64.urlsafe_b64encode(raw.encode("ascii")).decode("ascii").rstrip("=")


def decode_token(token: str, seed: int, total: int) -> Cursor:
    """The cursor a token stands for; InvalidTokenError unless this world issued it for a page that exists."""
    if _TOKEN_PATTERN.fullmatch(token) is None:
        raise InvalidTokenError("not a continuation token")
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError) as error:
        raise InvalidTokenError("not a continuation token") from error
    if not isinstance(data, dict) or set(data) != {"seed", "total", "offset", "size"}:
        raise InvalidTokenError("not a continuation token")
    if not all(type(value) is int for value in data.values()):
        raise InvalidTokenError("not a continuation token")
    if data["seed"] != seed or data["total"] != total:
        raise InvalidTokenError("issued for another tenant")
    if not 0 < data["offset"] < total or not 1 <= data["size"] <= MAX_PAGE_SIZE:
        raise InvalidTokenError("points at no page")
    return Cursor(data["offset"], data["size"])
