"""Schemathesis hooks for a live contract run (``SCHEMATHESIS_HOOKS``, set by tools/contract.py): honour Retry-After.

Schemathesis keeps a steady rate (``--rate-limit``) but, so limited, goes straight on after a 429 or a 503. A
server that answers either with ``Retry-After`` is asking for a pause: the run waits that long (seconds or an
HTTP date, at most ``MAX_WAIT``) before its next request, whatever operation that is. One worker sends every
request, so the pause holds for the whole run.
"""

from __future__ import annotations

import time
from typing import Any

import schemathesis
from schemathesis.core.rate_limit import parse_retry_after

MAX_WAIT = 60.0  # seconds; schemathesis's own ceiling for a Retry-After it waits out
ASKS_FOR_A_PAUSE = frozenset({429, 503})


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    """Sleep out the answer's Retry-After before anything else is sent."""
    if response.status_code not in ASKS_FOR_A_PAUSE:
        return
    value = response.headers.get("retry-after") or response.headers.get("Retry-After")
    if isinstance(value, list):
        value = value[0] if value else None
    delay = parse_retry_after(value) if isinstance(value, str) else None
    if delay:
        time.sleep(min(delay, MAX_WAIT))
