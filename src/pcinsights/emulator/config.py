"""The emulator's settings: which tenant to serve and which faults to inject."""

from __future__ import annotations

from collections.abc import Iterable

import attrs


def _token_set(value: Iterable[str] | None) -> frozenset[str] | None:
    """Accept any iterable of tokens, but not a bare string (it would become a set of characters)."""
    if value is None:
        return None
    if isinstance(value, str):
        raise TypeError("pass a collection of tokens, not a single string")
    return frozenset(value)


def _forbidden_set(value: Iterable[str]) -> frozenset[str]:
    tokens = _token_set(value)
    return frozenset() if tokens is None else tokens


def _token_count(tokens: frozenset[str] | None) -> str:
    """Show how many tokens are configured, never the tokens themselves."""
    return "None" if tokens is None else f"<{len(tokens)} tokens>"


_fraction = [attrs.validators.ge(0.0), attrs.validators.le(1.0)]


@attrs.frozen(kw_only=True)
class EmulatorConfig:
    """Everything the emulator can be told; the defaults serve a healthy 40-customer tenant."""

    seed: int = 42
    customers: int = attrs.field(default=40, validator=attrs.validators.ge(0))
    latency: float = attrs.field(default=0.0, validator=attrs.validators.ge(0.0))
    fail_429: float = attrs.field(default=0.0, validator=_fraction)
    fail_500: float = attrs.field(default=0.0, validator=_fraction)
    fail_503: float = attrs.field(default=0.0, validator=_fraction)
    rate_limit: float = attrs.field(default=0.0, validator=attrs.validators.ge(0.0))
    retry_after: int = attrs.field(default=1, validator=attrs.validators.ge(0))
    bom: bool = False
    drop_rate: float = attrs.field(default=0.0, validator=_fraction)
    html_rate: float = attrs.field(default=0.0, validator=_fraction)
    html_status: int = attrs.field(default=502, validator=[attrs.validators.ge(400), attrs.validators.le(599)])
    accepted_tokens: frozenset[str] | None = attrs.field(default=None, converter=_token_set, repr=_token_count)
    forbidden_tokens: frozenset[str] = attrs.field(factory=frozenset, converter=_forbidden_set, repr=_token_count)
