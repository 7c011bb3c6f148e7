"""The emulator in its own process, so the server never competes for the measuring process's GIL.

Tokens come the way an app gets them: ``token_for`` redeems the refresh token the emulator's banner printed at its
token endpoint, with the app registration the banner names.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import httpx

from pcinsights.emulator.auth import AppRegistration, request_token

START_TIMEOUT = 30.0
_REGISTRATION = re.compile(rb"tenant (\S+), client id (\S+), client secret (\S+)")
_REFRESH_TOKEN = re.compile(rb"refresh token [^\n]*\n +(\S+)")
_sessions: dict[str, tuple[AppRegistration, str]] = {}


def token_for(base_url: str) -> str:
    """A new App+User token from the emulator process at ``base_url`` (each call its own: one per throttle bucket)."""
    app, refresh_token = _sessions[base_url]
    return request_token(base_url, app, refresh_token=refresh_token).token


# What the emulator prints once it holds its socket: with --port 0 the OS picked the port, so it is read from here.
_ANNOUNCEMENT = re.compile(rb"Partner Center emulator on (http://\S+)")


def _announced(log: IO[bytes], process: subprocess.Popen[bytes]) -> tuple[str, AppRegistration, str]:
    """The URL, app registration and refresh token the banner gives, once it has printed them all."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the emulator exited with status {process.returncode}")
        log.seek(0)
        banner = log.read()
        url, registration, refresh = (
            pattern.search(banner) for pattern in (_ANNOUNCEMENT, _REGISTRATION, _REFRESH_TOKEN)
        )
        if url is not None and registration is not None and refresh is not None:
            tenant, client, secret = (part.decode() for part in registration.groups())
            return url.group(1).decode(), AppRegistration(tenant, client, secret), refresh.group(1).decode()
        time.sleep(0.02)
    raise RuntimeError(f"the emulator did not say where it listens within {START_TIMEOUT:.0f} s")


def _wait_until_answering(base_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the emulator exited with status {process.returncode}")
        try:
            httpx.get(f"{base_url}/v1/customers", params={"size": 1}, timeout=1.0)
        except httpx.TransportError:
            time.sleep(0.05)
        else:
            return
    raise RuntimeError(f"the emulator did not answer within {START_TIMEOUT:.0f} s")


@contextmanager
def emulator_process(*flags: str) -> Iterator[str]:
    """Run ``python -m pcinsights.emulator`` on a port the OS picks (it binds port 0) with ``flags``; yield its URL."""
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "pcinsights.emulator", "--port", "0", *flags],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            try:
                base_url, app, refresh_token = _announced(log, process)
                _wait_until_answering(base_url, process)
            except RuntimeError:
                log.seek(0)
                sys.stderr.write(log.read().decode(errors="replace")[-2000:])
                raise
            _sessions[base_url] = (app, refresh_token)
            try:
                yield base_url
            finally:
                del _sessions[base_url]
        finally:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
