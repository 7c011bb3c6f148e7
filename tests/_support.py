"""What the tests share: the checkout they test and the tokens they send (the client-only helpers live in
tests/_client.py and are re-exported here)."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import weakref
from pathlib import Path
from types import ModuleType
from typing import Any

from partner_center_analytics import RetryPolicy

from pcinsights.emulator import RunningEmulator
from pcinsights.pytest_plugin import Tokens
from tests._client import MODES as MODES
from tests._client import TOKEN as TOKEN
from tests._client import call as call
from tests._client import opened as opened
from tools.project import Project
from tools.specdoc import load_spec, operations

PROJECT = Project.find(Path(__file__).parent)
SPEC_PATH = PROJECT.spec
GENERATED_PROJECT_DIR = PROJECT.generated


def groupby_fields(parameter: str) -> list[str]:
    """The fields a commercial operation's ``groupby`` (and ``filter``) accepts, read from the spec's pattern."""
    spec = load_spec(SPEC_PATH)
    pattern: str = spec["components"]["parameters"][parameter]["schema"]["pattern"]
    return pattern.removeprefix("^(").split(")", 1)[0].split("|")


def spec_operation_labels() -> set[str]:
    """Every operation of the spec as ``METHOD /path``, schemathesis's label: what "every operation" means."""
    return {f"{method.upper()} {path}" for path, method, _, _ in operations(load_spec(SPEC_PATH))}


def operation_modules() -> dict[str, ModuleType]:
    """Each operation of the spec, by ``operationId``, and the generated module that calls it (which the generator
    names after the id, in its own snake case)."""
    from openapi_python_client.strings import snake_case
    from partner_center_analytics import api

    modules = {
        info.name.rsplit(".", 1)[-1]: importlib.import_module(info.name)
        for info in pkgutil.walk_packages(api.__path__, f"{api.__name__}.")
        if not info.ispkg
    }
    ids = [operation["operationId"] for _, _, _, operation in operations(load_spec(SPEC_PATH))]
    missing = sorted(set(map(snake_case, ids)) - set(modules))
    assert not missing, f"no generated module for {missing}: run make generate"
    return {operation_id: modules[snake_case(operation_id)] for operation_id in ids}


DEPLOYMENT_FIELDS = groupby_fields("DeploymentGroupBy")
USAGE_FIELDS = groupby_fields("UsageGroupBy")
_tokens: weakref.WeakKeyDictionary[object, Tokens] = weakref.WeakKeyDictionary()


def token_for(emulator: RunningEmulator) -> str:
    """An App+User token from ``emulator``'s own token endpoint: the one way tests get a token.

    Through the plugin's ``Tokens``, one per emulator, so tests and apps keep tokens by the same rule (a short
    ``--token-lifetime`` makes every call fetch anew).
    """
    tokens = _tokens.get(emulator.app)
    if tokens is None:
        tokens = _tokens[emulator.app] = Tokens(emulator)
    return tokens().token


class FakeClock:
    """Time that passes only when someone sleeps: the client's retry waits advance it, the emulator reads it."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def policy(self, **fields: Any) -> RetryPolicy:
        """A client's retry policy (``fields`` as ``RetryPolicy``'s) whose deadline, waits and dates use this clock."""
        return RetryPolicy(**fields, clock=self, now=self, sleep=self.sleep, async_sleep=self.asleep)


def announced(process: subprocess.Popen[str], pattern: str) -> re.Match[str]:
    """The first line a server process prints (where it listens), matched against ``pattern``; the process's
    stdout must be a text pipe. A process that exits first gives an empty line, which fails with what it said."""
    assert process.stdout is not None
    line = process.stdout.readline()
    match = re.search(pattern, line)
    assert match is not None, line or process.stdout.read()
    return match
