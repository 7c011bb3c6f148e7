"""The emulator's control API for tests in any language, apart from Partner Center's paths (no bearer, no faults,
not counted in the stats, not in the spec); JSON in and out, a 400 with ``{"message": ...}`` for bad input.

- ``GET /_emulator/clock``: ``{"now": "yyyy-MM-ddTHH:mm:ssZ"}``, the reports' clock.
- ``POST /_emulator/clock`` with ``{"advance": seconds}``: moves it forward (never back), wakes the scheduler, and
  answers the new now; a run due in 4 hours completes within moments of ``{"advance": 14400}``.
- ``POST /_emulator/faults`` with fault settings by ``EmulatorConfig`` name (``{"fail_503": 1.0}``), as
  ``FaultSwitches.set`` takes them (they add up); answers every fault setting now in force.
- ``POST /_emulator/reset``: user queries, reports, executions, files, the clock and the faults back to start.
"""

from __future__ import annotations

import json
import math
from collections.abc import Awaitable, Callable

import attrs
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pcinsights.emulator.config import EmulatorConfig
from pcinsights.emulator.faults import FAULT_SETTINGS, FaultSettingError, FaultSwitches
from pcinsights.emulator.reports.clock import ClockError, format_time
from pcinsights.emulator.reports.service import ReportsService

MAX_BODY = 64 * 1024
_FIELDS = {field.name: field for field in attrs.fields(EmulatorConfig)}


class _Refused(Exception):
    """Bad input to the control API: a 400 with this message."""


async def _object(request: Request) -> dict[str, object]:
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY:
            raise _Refused(f"the body is larger than {MAX_BODY} bytes")
    try:
        body = json.loads(raw.decode("utf-8-sig") or "null")
        json.dumps(body, ensure_ascii=False).encode("utf-8")  # no lone surrogate (\ud800) anywhere
    except (UnicodeError, ValueError):
        raise _Refused("the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise _Refused("the body must be a JSON object")
    return body


def _checked_type(name: str, value: object) -> object:
    """A fault setting's JSON value, of its field's type (an int for a float setting is fine, a bool never is)."""
    field = _FIELDS.get(name)
    default = None if field is None else field.default
    if isinstance(default, bool):
        valid = isinstance(value, bool)
    elif isinstance(default, int):
        valid = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        valid = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    else:
        valid = isinstance(value, type(default))
    if field is not None and not valid:
        raise _Refused(f"{name} must be {type(default).__name__}, not {json.dumps(value)}")
    return float(value) if isinstance(default, float) and isinstance(value, int) else value


def _faults(switches: FaultSwitches) -> dict[str, object]:
    return {name: getattr(switches.current, name) for name in sorted(FAULT_SETTINGS)}


def control_routes(service: ReportsService, switches: FaultSwitches) -> list[Route]:
    def now() -> Response:
        return JSONResponse({"now": format_time(service.clock.now())})

    async def clock(request: Request) -> Response:
        if request.method == "POST":
            body = await _object(request)
            if "advance" not in body:
                raise _Refused('the body must be {"advance": seconds}')
            try:
                await run_in_threadpool(service.clock.advance, body["advance"])
            except ClockError as error:
                raise _Refused(str(error)) from None
        return now()

    async def faults(request: Request) -> Response:
        body = await _object(request)
        settings = {name: _checked_type(name, value) for name, value in body.items()}
        try:
            switches.set(**settings)
        except FaultSettingError as error:
            raise _Refused(str(error)) from None
        return JSONResponse({"faults": _faults(switches)})

    async def reset(request: Request) -> Response:
        await run_in_threadpool(service.reset)
        switches.reset()
        return now()

    def refusing(endpoint: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def answer(request: Request) -> Response:
            try:
                return await endpoint(request)
            except _Refused as refused:
                return JSONResponse({"message": str(refused)}, status_code=400)

        return answer

    return [
        Route("/_emulator/clock", refusing(clock), methods=["GET", "POST"]),
        Route("/_emulator/faults", refusing(faults), methods=["POST"]),
        Route("/_emulator/reset", refusing(reset), methods=["POST"]),
    ]
