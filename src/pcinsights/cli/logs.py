"""--verbose: the client's request and retry log plus the tool's own timings, on stderr, token redacted."""

from __future__ import annotations

import logging
import sys

# The client logs retries; httpx logs each request line (never its headers); azure-identity each credential it tried.
CLIENT_LOGGERS = ("partner_center_analytics", "httpx", "azure.identity")
# Azure's SDK warns as it goes (a dozen lines when DefaultAzureCredential finds nothing), and with no handler set
# Python prints warnings to stderr: without -v the CLI's own one-line error is all there is.
QUIET_LOGGERS = ("azure",)
LOGGER = "pcinsights.cli"
log = logging.getLogger(LOGGER)
_SILENT = logging.NullHandler()


class Redact(logging.Filter):
    """Belt and braces: the client never logs the token, and this filter blanks it if anything did."""

    def __init__(self, secret: str | None) -> None:
        super().__init__()
        self._secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if self._secret and self._secret in (message := record.getMessage()):
            record.msg, record.args = message.replace(self._secret, "***"), None
        return True


def configure(verbosity: int, secret: str | None) -> None:
    """-v logs requests, retries, sign-in attempts and timings at INFO; -vv adds DEBUG detail; else Azure is silent."""
    for name in QUIET_LOGGERS:
        quiet = logging.getLogger(name)
        quiet.addHandler(_SILENT)
        quiet.propagate = False
    if verbosity <= 0:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s.%(msecs)03d %(name)s %(levelname)s %(message)s", "%H:%M:%S"))
    handler.addFilter(Redact(secret))
    level = logging.DEBUG if verbosity > 1 else logging.INFO
    for name in (*CLIENT_LOGGERS, LOGGER):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.addHandler(handler)
        logger.propagate = False
