"""What the client's own tests share, with nothing from pcinsights or tools: the matrix runs them against the
installed client wheel alone (``noxfile.py``, which loads this module as a plugin for the ``mode`` fixture)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import ModuleType
from typing import Any

import pytest
from partner_center_analytics import AuthenticatedClient

MODES = ("sync", "async")
# An opaque token for emulators configured to accept (or forbid) it; any other emulator needs ``token_for``.
TOKEN = "test-token"


async def call(mode: str, operation: ModuleType, *args: Any, detailed: bool = False, **kwargs: Any) -> Any:
    """Call a generated operation's ``sync`` or ``asyncio`` function (``*_detailed`` when ``detailed``)."""
    if mode == "sync":
        return (operation.sync_detailed if detailed else operation.sync)(*args, **kwargs)
    return await (operation.asyncio_detailed if detailed else operation.asyncio)(*args, **kwargs)


@asynccontextmanager
async def opened(mode: str, client: AuthenticatedClient) -> AsyncIterator[AuthenticatedClient]:
    """The client with the httpx client ``mode`` uses open for the block, and closed after it."""
    if mode == "sync":
        with client:
            yield client
    else:
        async with client:
            yield client


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    """``sync`` or ``async``: a test that takes this runs once with each of the client's two faces.

    tests/conftest.py imports it; the matrix's client cells, which cannot load that file (it starts emulators),
    load this module as a plugin.
    """
    return str(request.param)
