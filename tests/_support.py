"""What the tests share: the checkout they test, the token they send, and one way to call an operation."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from partner_center_analytics import AuthenticatedClient

from pcinsights.emulator import RunningEmulator
from tools.project import Project

PROJECT = Project.find(Path(__file__).parent)
SPEC_PATH = PROJECT.spec
GENERATED_PROJECT_DIR = PROJECT.generated

MODES = ("sync", "async")
# The token tests configure emulators with (accepted or forbidden) and send when no emulator is at hand.
TOKEN = "test-token"


def token_for(emulator: RunningEmulator) -> str:
    """The bearer token ``emulator`` accepts: the one place tests get a token, so it can come from the emulator."""
    del emulator  # today every emulator accepts TOKEN
    return TOKEN


async def call(mode: str, operation: ModuleType, *args: Any, detailed: bool = False, **kwargs: Any) -> Any:
    """Call a generated operation's ``sync`` or ``asyncio`` function (``*_detailed`` when ``detailed``)."""
    if mode == "sync":
        return (operation.sync_detailed if detailed else operation.sync)(*args, **kwargs)
    return await (operation.asyncio_detailed if detailed else operation.asyncio)(*args, **kwargs)


class FakeClock:
    """Time that passes only when someone sleeps: the client's retry waits advance it, the emulator reads it."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


@asynccontextmanager
async def opened(mode: str, client: AuthenticatedClient) -> AsyncIterator[AuthenticatedClient]:
    """The client with the httpx client ``mode`` uses open for the block, and closed after it."""
    if mode == "sync":
        with client:
            yield client
    else:
        async with client:
            yield client
