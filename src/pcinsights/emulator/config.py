"""The emulator's settings, each field carrying its command-line help (``flags`` turns them into options).

To add a setting, add a field with ``metadata=option(help, example)``: that alone gives it a flag
(``--field-name``), a ``PC_EMULATOR_FIELD_NAME`` variable, its default and its validation on the command line.
A fault's setting says ``option(..., fault=True)``, and so becomes one that ``FaultSwitches.set`` may change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from pcinsights.emulator.guid import is_guid


@attrs.frozen
class Option:
    """How a setting reads on the command line; ``parse`` and ``show`` convert when the flag's unit differs."""

    help: str
    example: str = ""
    flag: str | None = None
    parse: Callable[[str], object] | None = None
    show: Callable[[Any], str] | None = None
    repeat: bool = False
    fault: bool = False
    metavar: str = "TOKEN"


def option(
    help: str,
    example: str = "",
    *,
    flag: str | None = None,
    parse: Callable[[str], object] | None = None,
    show: Callable[[Any], str] | None = None,
    repeat: bool = False,
    fault: bool = False,
    metavar: str = "TOKEN",
) -> Mapping[str, Option]:
    """Field metadata for a setting: its help, an example value (switches need none), any unusual spelling or unit.

    ``fault``: the setting is a fault's, one that ``FaultSwitches.set`` may change while the emulator runs.
    ``metavar``: what one value of a repeatable option is called in the help.
    """
    return {"option": Option(help, example, flag, parse, show, repeat, fault, metavar)}


def option_of(field: attrs.Attribute[object]) -> Option:
    """The field's command-line description; a setting without one is a programming error, caught at startup."""
    found = field.metadata.get("option")
    if not isinstance(found, Option):
        raise TypeError(f"setting {field.name!r} has no metadata=option(...)")
    return found


def _token_set(value: Iterable[str] | None) -> frozenset[str] | None:
    """Accept any iterable of tokens, but not a bare string (it would become a set of characters)."""
    if value is None:
        return None
    if isinstance(value, str):
        raise TypeError("pass a collection of tokens, not a single string")
    return frozenset(value)


def _forbidden_set(value: Iterable[str] | None) -> frozenset[str]:
    tokens = _token_set(value)
    return frozenset() if tokens is None else tokens


def _host_set(value: Iterable[str] | None) -> frozenset[str]:
    """Host names, compared without case (a bare string is refused, as for tokens)."""
    return frozenset(host.strip().lower() for host in _forbidden_set(value) if host.strip())


def _token_count(tokens: frozenset[str] | None) -> str:
    """Show how many tokens are configured, never the tokens themselves."""
    return "None" if tokens is None else f"<{len(tokens)} tokens>"


def milliseconds(text: str) -> float:
    """Seconds from a number of milliseconds."""
    return float(text) / 1000.0


def as_milliseconds(seconds: float) -> str:
    return f"{seconds * 1000.0:g}"


_fraction = [attrs.validators.ge(0.0), attrs.validators.le(1.0)]


def _lower_case_guid(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """The tenant and client ids: GUIDs in lower case, as the token endpoint compares them."""
    if not isinstance(value, str) or not is_guid(value) or value != value.lower():
        raise ValueError(f"{attribute.name} must be a lower-case GUID, not {value!r}")


def _hidden(value: str) -> str:
    """A secret's repr: that it is set, never what it is."""
    return "<hidden>"


@attrs.frozen(kw_only=True)
class Listen:
    """How ``python -m pcinsights.emulator`` serves: where it listens, over TLS or not, and what it records (tests
    and the CLI bind port 0 themselves)."""

    host: str = attrs.field(default="127.0.0.1", metadata=option("interface to listen on", "0.0.0.0"))
    port: int = attrs.field(
        default=8080,
        validator=[attrs.validators.ge(0), attrs.validators.le(65535)],
        metadata=option("port to listen on (0 picks a free one)", "9000"),
    )
    tls_cert: str = attrs.field(
        default="",
        metadata=option(
            "serve HTTPS with this PEM file: the certificate chain and its private key (empty: plain HTTP)",
            "server.pem",
        ),
    )
    record: str = attrs.field(
        default="",
        metadata=option(
            "write every request the emulator receives, with its answer, to this HAR 1.2 file (credentials"
            " redacted): what a client really sent, as the server saw it and when",
            "received.har",
        ),
    )


@attrs.frozen(kw_only=True)
class EmulatorConfig:
    """Everything the emulator can be told; the defaults serve a healthy tenant."""

    seed: int = attrs.field(default=42, metadata=option("seed of the emulated tenant", "7"))
    customers: int = attrs.field(
        default=40,
        validator=attrs.validators.ge(0),
        metadata=option("number of customers in the tenant (up to 100000 and more)", "1000"),
    )
    latency: float = attrs.field(
        default=0.0,
        validator=attrs.validators.ge(0.0),
        metadata=option(
            "milliseconds added to every Partner Center request (/v1, /insights)",
            "50",
            flag="--latency-ms",
            parse=milliseconds,
            show=as_milliseconds,
            fault=True,
        ),
    )
    fail_429: float = attrs.field(
        default=0.0,
        validator=_fraction,
        metadata=option("fraction of Partner Center requests answered 429 with Retry-After", "0.1", fault=True),
    )
    fail_500: float = attrs.field(
        default=0.0,
        validator=_fraction,
        metadata=option("fraction of Partner Center requests answered 500", "0.05", fault=True),
    )
    fail_503: float = attrs.field(
        default=0.0,
        validator=_fraction,
        metadata=option("fraction of Partner Center requests answered 503 with Retry-After", "0.2", fault=True),
    )
    throttle_body: str = attrs.field(
        default="statusCode",
        validator=attrs.validators.in_(("statusCode", "code", "both")),
        metadata=option(
            "body of a 429: statusCode (statusCode and message, as Partner Center documents it), code (code and"
            " description, as its other errors) or both (alternately); the spec's Error schema allows either",
            "both",
        ),
    )
    rate_limit: float = attrs.field(
        default=0.0,
        validator=attrs.validators.ge(0.0),
        metadata=option("requests/second allowed per bearer token, 0 = off", "50", fault=True),
    )
    rate_limit_tokens: int = attrs.field(
        default=10_000,
        validator=attrs.validators.ge(1),
        metadata=option("bearer tokens the throttle tracks at once (the least recently seen is forgotten)", "1000"),
    )
    retry_after: int = attrs.field(
        default=1,
        validator=attrs.validators.ge(0),
        metadata=option("Retry-After seconds sent with injected 429 and 503", "2", fault=True),
    )
    bom: bool = attrs.field(
        default=False, metadata=option("prefix every JSON body with a UTF-8 byte-order mark", fault=True)
    )
    drop_rate: float = attrs.field(
        default=0.0,
        validator=_fraction,
        metadata=option("fraction of Partner Center responses cut off after half the body", "0.1", fault=True),
    )
    garbage_rate: float = attrs.field(
        default=0.0,
        validator=_fraction,
        metadata=option(
            "fraction of Partner Center 2xx JSON answers sent with every top-level value swapped for one of another"
            ' type (valid JSON that breaks the spec, as {"totalCount": "broken", "items": 5})',
            "0.1",
            fault=True,
        ),
    )
    html_rate: float = attrs.field(
        default=0.0,
        validator=_fraction,
        metadata=option("fraction of Partner Center requests answered with an HTML error page", "0.1", fault=True),
    )
    html_status: int = attrs.field(
        default=502,
        validator=[attrs.validators.ge(400), attrs.validators.le(599)],
        metadata=option("status of the HTML error page", "504", fault=True),
    )
    tenant_id: str = attrs.field(
        default="8f1e0c3a-5b7d-4e2f-9a6c-1d3b5f7e9a0c",
        validator=_lower_case_guid,
        metadata=option(
            "the partner's tenant id: the tokens' tid and the token endpoint's /{tenant}/ (lower-case GUID)",
            "11111111-2222-4333-8444-555555555555",
        ),
    )
    client_id: str = attrs.field(
        default="4a9c2e7f-1b3d-4f5a-8c6e-0d2f4b6a8e1c",
        validator=_lower_case_guid,
        metadata=option(
            "the one app registration the token endpoint knows (lower-case GUID)",
            "66666666-7777-4888-9999-000000000000",
        ),
    )
    client_secret: str = attrs.field(
        default="emulator-client-secret",
        validator=attrs.validators.min_len(1),
        repr=_hidden,
        metadata=option("that app's client secret", "s3cret"),
    )
    token_lifetime: int = attrs.field(
        default=3600,
        validator=[attrs.validators.ge(1), attrs.validators.le(86400)],
        metadata=option("lifetime in seconds of the access tokens the token endpoint issues", "5"),
    )
    allow_no_mfa: bool = attrs.field(
        default=False,
        metadata=option(
            "accept App+User tokens whose amr lacks mfa; by default they get a 401 (code 900421), as Partner Center"
            " has answered them since 1 April 2026"
        ),
    )
    accept_any_token: bool = attrs.field(
        default=False,
        metadata=option("accept any well-formed bearer token as App+User (the old, unchecked behaviour)"),
    )
    request_timeout: float = attrs.field(
        default=5.0,
        validator=attrs.validators.gt(0.0),
        metadata=option(
            "seconds a client has to send a whole request, from connecting or from its previous response", "2"
        ),
    )
    max_connections: int = attrs.field(
        default=1000,
        validator=attrs.validators.ge(1),
        metadata=option(
            "connections served at once (kept below the file-descriptor limit); past it, the one waiting longest"
            " for its request is closed",
            "200",
        ),
    )
    max_head_bytes: int = attrs.field(
        default=16_384,
        validator=attrs.validators.ge(1024),
        metadata=option("largest request line and headers, in bytes; a larger head is answered 431", "32768"),
    )
    accepted_tokens: frozenset[str] | None = attrs.field(
        default=None,
        converter=_token_set,
        repr=_token_count,
        metadata=option(
            "also accept these opaque bearer tokens, as App+User (repeatable; signed tokens still pass)",
            "test-token",
            flag="--accept-token",
            repeat=True,
        ),
    )
    forbidden_tokens: frozenset[str] = attrs.field(
        factory=frozenset,
        converter=_forbidden_set,
        repr=_token_count,
        metadata=option(
            "answer 403 to these bearer tokens (repeatable)", "read-only", flag="--forbid-token", repeat=True
        ),
    )
    state: str = attrs.field(
        default="",
        metadata=option(
            "keep the reports API's state (user queries, reports, executions, the clock offset) in this SQLite"
            " file, so a restarted emulator has it, and report files in a folder beside it named after it with"
            " .files added (empty: in memory, files in a temporary folder removed at exit)",
            "reports.db",
        ),
    )
    link_lifetime: int = attrs.field(
        default=3600,
        validator=[attrs.validators.ge(1), attrs.validators.le(7 * 86400)],
        metadata=option("lifetime in seconds of a report file's signed download link, on the emulator's clock", "600"),
    )
    callback_hosts: frozenset[str] = attrs.field(
        factory=frozenset,
        converter=_host_set,
        metadata=option(
            "also send report callbacks to this host (repeatable); loopback hosts are always allowed, others never"
            " unless named",
            "callbacks.internal",
            flag="--callback-host",
            repeat=True,
            metavar="HOST",
        ),
    )
