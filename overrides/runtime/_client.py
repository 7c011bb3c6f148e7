"""The client every operation takes: connection settings, the bearer token, and the behaviour Partner Center needs.

Out of the box it sends ``Accept: application/json``, ``X-Locale``, one ``MS-CorrelationId`` for its
lifetime, an ``MS-RequestId`` per request (kept by a retry after no answer, new after one) and the bearer
token (static or from a provider such as an azure-identity credential), and retries transient failures of
GET requests (see ``RetryPolicy``).
There is no unauthenticated client: the spec puts bearer security on every operation.
"""

import ssl
import uuid
from typing import Any, Self

import httpx
from attrs import define, evolve, field, validators

from ._auth import DEFAULT_SCOPE, BearerAuth, TokenProvider, TokenSource
from ._body import ACCEPT_ENCODING, DEFAULT_MAX_RESPONSE_SIZE
from ._har import AsyncRecordingTransport, HarRecorder, RecordingTransport
from ._ids import CORRELATION_ID
from ._network import deadline_bound
from ._retry import AsyncRetryTransport, RetryPolicy, RetryTransport
from ._stats import ClientStats
from ._types import UNSET, Unset

# Connection settings in httpx_args go to the transport this client wraps: httpx ignores them once given a transport.
_TRANSPORT_ARGS = ("cert", "http1", "http2", "limits", "proxy", "trust_env", "retries", "local_address", "uds")


# Partner Center can stall; without a bound a hung connection would never reach the retry layer.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def _new_correlation_id() -> str:
    return str(uuid.uuid4())


@define
class AuthenticatedClient:
    """A client for Partner Center: every operation needs a bearer token, so every client carries one.

    ``token`` is a str, an azure-identity credential (or anything with ``get_token(*scopes)`` returning an
    object with ``token`` and ``expires_on``), or a callable returning a str or such an object. A provider is
    asked for ``scope`` on first use, again ``token_refresh_margin`` seconds before the token expires, and
    once after a 401 (the request is then retried once). The token never shows in ``repr``.

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take (default: 30 s, 10 s to connect).

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: Additional arguments for the ``httpx.Client`` and ``httpx.AsyncClient`` constructors.
        A ``transport`` given here is wrapped by the retrying transport, not replaced. Proxies are taken
        from ``proxy`` here, not from the environment.

        ``retry``: The ``RetryPolicy`` (``RetryPolicy(max_attempts=1)`` turns retrying off).

        ``deadline``: Seconds one call may take in all, attempts, waits and body reads together, past which
        it raises ``DeadlineExceededError``; None for no bound (default: the retry policy's, 120 s).

        ``max_response_size``: The most bytes a response body may have, on the wire and again once inflated,
        past which the call raises ``UnexpectedResponseError`` (default 64 MiB: Partner Center's largest
        page is a few MB, so this only stops a broken or hostile server, and caps the memory one call takes).

        ``correlation_id``: The ``MS-CorrelationId`` sent with every request (default: a new UUID).

        ``locale``: The ``X-Locale`` sent with every request (default ``en-US``).

        ``recorder``: A ``HarRecorder`` that writes each call's request and answer to a HAR 1.2 file, credentials
        redacted and bodies kept (default: none; see ``make drift``).

    Attributes:
        raise_on_unexpected_status: Whether the ``*_detailed`` functions raise ``UnexpectedStatus`` for a
            status code the spec does not document (the other functions always raise).
        stats: Counters of the requests sent and retried.
        token: The token, or the provider of tokens.
        prefix: The prefix to use for the Authorization header
        auth_header_name: The name of the Authorization header
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(alias="base_url")
    token: str | TokenProvider = field(repr=False)
    prefix: str = "Bearer"
    auth_header_name: str = "Authorization"
    scope: str = field(default=DEFAULT_SCOPE, kw_only=True)
    token_refresh_margin: float = field(default=300.0, kw_only=True)
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False)
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    retry: RetryPolicy = field(factory=RetryPolicy, kw_only=True)
    deadline: float | Unset | None = field(default=UNSET, kw_only=True)
    max_response_size: int = field(default=DEFAULT_MAX_RESPONSE_SIZE, kw_only=True, validator=validators.ge(1))
    correlation_id: str = field(factory=_new_correlation_id, converter=str, kw_only=True)
    locale: str = field(default="en-US", kw_only=True)
    recorder: HarRecorder | None = field(default=None, kw_only=True, repr=False)
    stats: ClientStats = field(factory=ClientStats, init=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    _tokens: TokenSource = field(init=False, repr=False)

    def with_headers(self, headers: dict[str, str]) -> Self:
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def __attrs_post_init__(self) -> None:
        self._tokens = TokenSource(self.token, self.scope, self.token_refresh_margin)

    def _auth(self) -> httpx.Auth:
        return BearerAuth(self._tokens, self.auth_header_name, self.prefix)

    def _client_args(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The httpx client arguments and, apart, the arguments of the transport to wrap."""
        args = dict(self._httpx_args)
        transport_args = {name: args.pop(name) for name in _TRANSPORT_ARGS if name in args}
        transport_args["verify"] = self._verify_ssl
        headers = {
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
            "X-Locale": self.locale,
            CORRELATION_ID: self.correlation_id,
            **self._headers,
        }
        client_args = {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": headers,
            "timeout": self._timeout,
            "follow_redirects": self._follow_redirects,
            "auth": self._auth(),
            **args,
        }
        return client_args, transport_args

    def _transport_options(self) -> dict[str, Any]:
        policy = self.retry if isinstance(self.deadline, Unset) else evolve(self.retry, deadline=self.deadline)
        return {"policy": policy, "stats": self.stats, "max_response_size": self.max_response_size}

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including retries, ids, auth, cookies,
        headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            client_args, transport_args = self._client_args()
            inner = client_args.pop("transport", None) or deadline_bound(httpx.HTTPTransport(**transport_args))
            transport: httpx.BaseTransport = RetryTransport(inner, **self._transport_options())
            if self.recorder is not None:
                transport = RecordingTransport(transport, self.recorder, self.auth_header_name)
            self._client = httpx.Client(transport=transport, **client_args)
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including retries, ids, auth, cookies,
        headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            client_args, transport_args = self._client_args()
            inner = client_args.pop("transport", None) or httpx.AsyncHTTPTransport(**transport_args)
            transport: httpx.AsyncBaseTransport = AsyncRetryTransport(inner, **self._transport_options())
            if self.recorder is not None:
                transport = AsyncRecordingTransport(transport, self.recorder, self.auth_header_name)
            self._async_client = httpx.AsyncClient(transport=transport, **client_args)
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)
