# Copied from overrides/runtime/_auth.py by `make generate`; edit it there.
"""Bearer tokens for Partner Center: a fixed string, or fetched from a provider and kept fresh.

A provider is an azure-identity credential (anything with ``get_token(*scopes)`` returning an
object with ``token`` and ``expires_on``; async credentials work with the async functions) or a
plain callable returning a str or such an object. Tokens are fetched on first use, cached, and
fetched again ``refresh_margin`` seconds before they expire or after the server answered 401.
The token itself is never put into a repr, a log line or an exception.
"""

from __future__ import annotations

import asyncio
import inspect
import math
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from typing import Any, Protocol, runtime_checkable

import httpx

from ._errors import AuthenticationError
from ._ids import renew_request_id

DEFAULT_SCOPE = "https://api.partnercenter.microsoft.com/.default"


@runtime_checkable
class TokenCredential(Protocol):
    """The shape of an azure-identity credential; the client never imports azure-identity."""

    def get_token(self, *scopes: str, **kwargs: Any) -> Any: ...


TokenProvider = TokenCredential | Callable[[], Any]


class TokenSource:
    """Hands out a current token, fetching it from the provider only when needed."""

    def __init__(self, token: str | TokenProvider, scope: str, refresh_margin: float) -> None:
        if not isinstance(token, str) and not isinstance(token, TokenCredential) and not callable(token):
            raise TypeError("token must be a str, an object with get_token(*scopes), or a callable")
        self._provider = None if isinstance(token, str) else token
        self._token: str | None = token if isinstance(token, str) else None
        self._expires_on = math.inf
        self._scope = scope
        self._margin = refresh_margin
        self._lock = threading.Lock()
        self._pending: asyncio.Task[str] | None = None

    @property
    def refreshable(self) -> bool:
        """Only a provider can hand out a different token after a 401."""
        return self._provider is not None

    def _current(self) -> str | None:
        if self._token is not None and time.time() < self._expires_on - self._margin:
            return self._token
        return None

    def _is_async(self) -> bool:
        fetch = self._provider.get_token if isinstance(self._provider, TokenCredential) else self._provider
        return inspect.iscoroutinefunction(fetch) or inspect.iscoroutinefunction(type(fetch).__call__)

    def _call(self) -> Any:
        try:
            if isinstance(self._provider, TokenCredential):
                return self._provider.get_token(self._scope)
            assert self._provider is not None
            return self._provider()
        except Exception as exc:
            raise _provider_failed(exc) from exc

    def _store(self, result: Any) -> str:
        if isinstance(result, str):
            token, expires_on = result, math.inf
        elif isinstance(getattr(result, "token", None), str) and isinstance(
            getattr(result, "expires_on", None), int | float
        ):
            token, expires_on = result.token, float(result.expires_on)
        else:
            raise AuthenticationError(
                "the token provider returned neither a str nor an object with .token and .expires_on"
            )
        self._token, self._expires_on = token, expires_on
        return token

    def get(self) -> str:
        """The token for a sync request."""
        token = self._current()
        if token is not None:
            return token
        with self._lock:
            token = self._current()
            if token is not None:
                return token
            result = self._call()
            if inspect.isawaitable(result):
                if inspect.iscoroutine(result):
                    result.close()
                raise AuthenticationError("this token provider is async: call the operations' asyncio functions")
            return self._store(result)

    async def aget(self) -> str:
        """The token for an async request; concurrent callers share one fetch."""
        token = self._current()
        if token is not None:
            return token
        loop = asyncio.get_running_loop()
        task = self._pending
        if task is None or task.done() or task.get_loop() is not loop:
            task = self._pending = loop.create_task(self._afetch())
        return await asyncio.shield(task)

    async def _afetch(self) -> str:
        # A sync credential (azure.identity's, say) does network I/O: keep it off the event loop.
        result = self._call() if self._is_async() else await asyncio.to_thread(self._call)
        if inspect.isawaitable(result):
            try:
                result = await result
            except Exception as exc:
                raise _provider_failed(exc) from exc
        return self._store(result)

    def invalidate(self, rejected: str) -> None:
        """Forget ``rejected`` (unless a newer token has replaced it already) so the next request fetches anew."""
        if self._provider is not None and self._token == rejected:
            self._token = None

    def __repr__(self) -> str:
        return "TokenSource(<hidden>)"


def _provider_failed(exc: Exception) -> AuthenticationError:
    """A provider's own failure, typed like the others; the provider's message is its own (no token yet)."""
    return AuthenticationError(f"the token provider failed ({type(exc).__name__}: {exc})")


class BearerAuth(httpx.Auth):
    """Puts the token on each request; after a 401 with a provider, fetches a new token and tries once more."""

    def __init__(self, source: TokenSource, header: str = "Authorization", prefix: str = "Bearer") -> None:
        self._source = source
        self._header = header
        self._prefix = prefix

    def _apply(self, request: httpx.Request, token: str) -> None:
        request.headers[self._header] = f"{self._prefix} {token}" if self._prefix else token

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._source.get()
        self._apply(request, token)
        response = yield request
        if response.status_code == 401 and self._source.refreshable:
            self._source.invalidate(token)
            self._apply(request, self._source.get())
            renew_request_id(request)
            yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self._source.aget()
        self._apply(request, token)
        response = yield request
        if response.status_code == 401 and self._source.refreshable:
            self._source.invalidate(token)
            self._apply(request, await self._source.aget())
            renew_request_id(request)
            yield request

    def __repr__(self) -> str:
        return f"BearerAuth(header={self._header!r})"
