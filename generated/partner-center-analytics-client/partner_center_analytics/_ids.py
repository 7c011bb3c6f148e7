# Copied from overrides/runtime/_ids.py by `make generate`; edit it there.
"""The ids every Partner Center call carries, named once: the request id, new per request, and the correlation id."""

from __future__ import annotations

import uuid

import httpx

REQUEST_ID = "MS-RequestId"
CORRELATION_ID = "MS-CorrelationId"


def renew_request_id(request: httpx.Request) -> None:
    """Give ``request`` a new ``MS-RequestId``: Partner Center's docs make it an idempotency key, so a request sent
    again after an answer (a retry after a 429 or 5xx, a re-send after a 401) is a new request with a new id."""
    request.headers[REQUEST_ID] = str(uuid.uuid4())
