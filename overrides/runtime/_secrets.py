"""Which headers carry credentials: struck from recordings and from the requests that errors carry."""

from __future__ import annotations

SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


def secret_headers(*more: str) -> frozenset[str]:
    """``SECRET_HEADERS`` and these names (the client's own auth header, say), lower-cased; empty names ignored."""
    return SECRET_HEADERS | {name.lower() for name in more if name}
