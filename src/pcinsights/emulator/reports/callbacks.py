"""Callbacks when a report's file is ready, as Partner Center documents them: ``POST <CallbackUrl>/<reportId>``
(no body) or ``GET <CallbackUrl>?reportId=<reportId>``.

One attempt each, 5 s timeout, from a small pool of threads so the scheduler never waits for one. Only loopback
hosts are called unless ``--callback-host`` names the host: the emulator must not become a way to reach other
machines. A callback not sent (a host not allowed, an error) is logged, never raised.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx

TIMEOUT = 5.0
_log = logging.getLogger("pcinsights.emulator.reports")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine: ``localhost`` (or a name under it) or a loopback address."""
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def callback_url(url: str, method: str, report_id: str) -> httpx.URL:
    """Where the callback for ``report_id`` goes: the report id as the last path segment (POST) or as a query
    parameter (GET)."""
    if method == "GET":
        return httpx.URL(url).copy_add_param("reportId", report_id)
    base = httpx.URL(url)
    return base.copy_with(path=base.path.rstrip("/") + "/" + report_id)


class CallbackSender:
    """Sends callbacks in the background; ``allowed_hosts`` are the hosts besides loopback it may call."""

    def __init__(self, allowed_hosts: frozenset[str]) -> None:
        self.allowed_hosts = frozenset(host.lower() for host in allowed_hosts)
        self._pool: ThreadPoolExecutor | None = None
        self._http: httpx.Client | None = None
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return is_loopback(host) or host.lower() in self.allowed_hosts

    def send(self, url: str, method: str, report_id: str) -> Future[None] | None:
        """Start the callback; None when it is not sent (the host is not allowed)."""
        if not self.allowed(url):
            _log.warning(
                "callback for report %s not sent: %s is not loopback nor an allowed --callback-host",
                report_id,
                urlsplit(url).hostname,
            )
            return None
        with self._lock:
            if self._pool is None or self._http is None:
                self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pc-emulator-callback")
                # trust_env off: no proxy from the environment between the emulator and a loopback listener.
                self._http = httpx.Client(timeout=TIMEOUT, trust_env=False, follow_redirects=False)
            target = callback_url(url, method, report_id)
            return self._pool.submit(self._call, self._http, target, method, report_id)

    @staticmethod
    def _call(http: httpx.Client, url: httpx.URL, method: str, report_id: str) -> None:
        try:
            response = http.request(method, url)
        except httpx.HTTPError as error:
            _log.warning("callback for report %s to %s failed: %s", report_id, url, error)
            return
        if response.is_error:
            _log.warning("callback for report %s to %s answered %d", report_id, url, response.status_code)

    def close(self) -> None:
        """Stop: callbacks under way finish (each within its timeout), queued ones are dropped."""
        with self._lock:
            pool, http = self._pool, self._http
            self._pool = self._http = None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if http is not None:
            http.close()
