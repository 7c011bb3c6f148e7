"""Signed, expiring download links, SAS-like: ``/_files/{executionId}?se=<expiry>&sig=<HMAC>``.

``sig`` is the URL-safe base64 (unpadded) HMAC-SHA256 of ``"executionId\\nse"`` under a key made when the
emulator starts, so a link names one execution's file and nothing else, and no other emulator's link passes.
Expiry is judged on the emulator's clock; a fresh link (a new ``se``) is made each time an execution is read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from urllib.parse import urlencode

from pcinsights.emulator.reports.clock import format_time, parse_time

FILES_PATH = "/_files"


class LinkSigner:
    """Makes and checks the links of one emulator (``lifetime`` seconds each)."""

    def __init__(self, lifetime: int, key: bytes | None = None) -> None:
        self.lifetime = lifetime
        self._key = key or secrets.token_bytes(32)

    def _signature(self, execution_id: str, expiry: str) -> str:
        digest = hmac.new(self._key, f"{execution_id}\n{expiry}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")

    def sign(self, base_url: str, execution_id: str, now: float) -> tuple[str, str]:
        """The absolute link for ``execution_id`` under ``base_url``, and its expiry (``se``) as written in it."""
        expiry = format_time(now + self.lifetime)
        query = urlencode({"se": expiry, "sig": self._signature(execution_id, expiry)})
        return f"{base_url.rstrip('/')}{FILES_PATH}/{execution_id}?{query}", expiry

    def check(self, execution_id: str, expiry: str | None, signature: str | None, now: float) -> bool:
        """Whether the link is one this emulator signed and has not expired by ``now``."""
        if expiry is None or signature is None:
            return False
        expected = self._signature(execution_id, expiry)
        if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
            return False
        expires = parse_time(expiry)
        return expires is not None and now < expires
