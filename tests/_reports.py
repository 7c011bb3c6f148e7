"""What the reports API's tests share: a client for one emulator's reports operations and control API, and the
polling that waits for an ExecuteNow run (the only real wait: a second or two at most)."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from typing import Any

import httpx

from pcinsights.emulator import RunningEmulator
from tests._support import token_for

PREFIX = "/insights/v1/mpn"
OFFICE_QUERY = "SELECT CustomerTenantId, WorkloadName, PaidAvailableUnits FROM OfficeUsage TIMESPAN LAST_MONTH"
ALL_STATUSES = "Pending;Running;Paused;Completed"
POLL_TIMEOUT = 5.0


def stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Reports:
    """httpx calls to one emulator's reports operations (with a valid token) and its control API."""

    def __init__(self, emulator: RunningEmulator, http: httpx.Client) -> None:
        self.emulator = emulator
        self.http = http

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {token_for(self.emulator)}"}

    def call(self, method: str, path: str, **options: Any) -> httpx.Response:
        url = self.emulator.base_url + PREFIX + path
        return self.http.request(method, url, headers={**self._headers(), **options.pop("headers", {})}, **options)

    def ok(self, method: str, path: str, **options: Any) -> list[dict[str, Any]]:
        """The ``value`` of a 200, after checking the envelope."""
        response = self.call(method, path, **options)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["statusCode"] == 200 and body["totalCount"] == len(body["value"]), body
        assert body["nextLink"] is None and body["dataRedacted"] is False
        return list(body["value"])

    def query(self, text: str = OFFICE_QUERY, name: str = "licenses") -> str:
        return str(self.ok("POST", "/ScheduledQueries", json={"Name": name, "Query": text})[0]["queryId"])

    def report(self, query_id: str, **fields: Any) -> dict[str, Any]:
        return self.ok("POST", "/ScheduledReport", json={"ReportName": "licenses", "QueryId": query_id, **fields})[0]

    def scheduled(self, query_id: str, hours_ahead: float = 4, **fields: Any) -> dict[str, Any]:
        start = self.now() + datetime.timedelta(hours=hours_ahead)
        return self.report(query_id, StartTime=stamp(start), RecurrenceInterval=24, **fields)

    def executions(self, report_id: str, statuses: str = ALL_STATUSES, **params: Any) -> list[dict[str, Any]]:
        return self.ok("GET", f"/ScheduledReport/execution/{report_id}", params={"executionStatus": statuses, **params})

    def completed(self, report_id: str, sleep: Callable[[float], None] = time.sleep) -> dict[str, Any]:
        """The report's latest completed execution, polled for until it is there (within ``POLL_TIMEOUT``)."""
        deadline = time.monotonic() + POLL_TIMEOUT
        while True:
            response = self.call("GET", f"/ScheduledReport/execution/{report_id}")
            if response.status_code == 200:
                return dict(response.json()["value"][0])
            assert response.status_code == 404, response.text
            assert time.monotonic() < deadline, "the execution did not complete in time"
            sleep(0.02)

    def control(self, method: str, path: str, **options: Any) -> httpx.Response:
        return self.http.request(method, self.emulator.base_url + "/_emulator" + path, **options)

    def now(self) -> datetime.datetime:
        text = self.control("GET", "/clock").json()["now"]
        return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)

    def advance(self, seconds: float) -> datetime.datetime:
        response = self.control("POST", "/clock", json={"advance": seconds})
        assert response.status_code == 200, response.text
        return datetime.datetime.strptime(response.json()["now"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
