# Copied from overrides/runtime/_body.py by `make generate`; edit it there.
"""A response body read in bounded steps: at most ``limit`` bytes on the wire and again after inflating.

httpx inflates a gzip body in one call, so ten megabytes of a hostile gzip stream can become gigabytes
in memory. The retrying transport reads the raw body itself, chunk by chunk as the network delivers it,
inflating each chunk in steps of bounded output, and stops with ``UnexpectedResponseError`` past the
limit: a bomb costs about the limit in memory, an accepted body about twice its size (chunks, then joined).
"""

from __future__ import annotations

import zlib

import httpx

from ._errors import UnexpectedResponseError, call_ids, snippet

# Partner Center's largest page, 10,000 commercial rows of a few hundred bytes, is a few MB; 64 MiB is more
# than ten times that, and caps what one call can make the client hold at about 128 MiB.
DEFAULT_MAX_RESPONSE_SIZE = 64 * 1024 * 1024
# The codings the client asks for (its Accept-Encoding): the ones zlib can inflate with an output bound.
ACCEPT_ENCODING = "gzip, deflate"
_INFLATE_STEP = 1024 * 1024
_ZLIB_CODINGS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}


class BoundedBody:
    """Collects the raw chunks of ``response`` into a buffered response, within ``limit`` bytes."""

    def __init__(self, request: httpx.Request, response: httpx.Response, limit: int) -> None:
        self._request = request
        self._response = response
        self._limit = limit
        self._parts: list[bytes] = []
        self._raw = 0
        self._size = 0
        codings = [c.strip().lower() for c in response.headers.get("Content-Encoding", "").split(",")]
        codings = [c for c in codings if c not in ("", "identity")]
        if len(codings) > 1 or (codings and codings[0] not in _ZLIB_CODINGS):
            raise self._error(f"content encoding {', '.join(codings)!r} is not one the client asked for")
        self._coding = codings[0] if codings else None
        self._inflater = zlib.decompressobj(_ZLIB_CODINGS[self._coding]) if self._coding else None
        length = response.headers.get("Content-Length", "")
        if length.isascii() and length.isdigit() and int(length) > limit:
            raise self._too_large(f"Content-Length {int(length):,}")

    def add(self, chunk: bytes) -> None:
        """Take the next raw chunk; raises ``UnexpectedResponseError`` once the body is over the limit."""
        self._raw += len(chunk)
        if self._raw > self._limit:
            raise self._too_large("on the wire")
        if self._inflater is None:
            self._keep(chunk)
        else:
            self._inflate(chunk)

    def _inflate(self, chunk: bytes) -> None:
        """Inflate ``chunk`` a step of output at a time, so a bomb never gets far past the limit."""
        assert self._inflater is not None
        data, piece = chunk, b""
        while data or len(piece) == _INFLATE_STEP:  # a full step may leave output inside zlib
            try:
                piece = self._inflater.decompress(data, _INFLATE_STEP)
            except zlib.error:
                if self._coding == "deflate" and self._raw == len(chunk):  # raw deflate, without the zlib header
                    self._coding = "raw deflate"
                    self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                    return self._inflate(chunk)
                raise self._error(f"the {self._coding} body could not be inflated") from None
            self._keep(piece)
            data = self._inflater.unconsumed_tail

    def _keep(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise self._too_large("once inflated")
        if data:
            self._parts.append(data)

    def response(self) -> httpx.Response:
        """The whole body as a buffered response; inflated, it no longer says Content-Encoding."""
        headers = self._response.headers.copy()
        if self._coding is not None:
            del headers["Content-Encoding"]
            headers["Content-Length"] = str(self._size)
        content = b"".join(self._parts)
        self._parts.clear()
        return httpx.Response(
            self._response.status_code, headers=headers, content=content, extensions=self._response.extensions
        )

    def _too_large(self, what: str) -> UnexpectedResponseError:
        return self._error(f"body over the client's max_response_size of {self._limit:,} bytes ({what})")

    def _error(self, reason: str) -> UnexpectedResponseError:
        status = self._response.status_code
        return UnexpectedResponseError(
            f"HTTP {status} response refused: {reason}",
            status_code=status,
            body_snippet=snippet(self._parts[0]) if self._parts else "",
            **call_ids(self._response, self._request),
        )


__all__ = ["ACCEPT_ENCODING", "DEFAULT_MAX_RESPONSE_SIZE", "BoundedBody"]
