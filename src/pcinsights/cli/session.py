"""Turn the connection options into a ready client: live Partner Center or an in-process emulator."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from partner_center_analytics import AuthenticatedClient, RetryPolicy

from pcinsights.cli import logs
from pcinsights.cli.auth import resolve_token
from pcinsights.cli.options import Connection

DEMO_TOKEN = "pcinsights-demo"


@contextmanager
def open_client(connection: Connection) -> Iterator[AuthenticatedClient]:
    """A client for the chosen server; with --emulator one runs on a free loopback port until exit."""
    with ExitStack() as stack:
        token = (
            DEMO_TOKEN
            if connection.emulator
            else resolve_token(connection.token_file, tenant_id=connection.tenant_id, client_id=connection.client_id)
        )
        logs.configure(connection.verbose, token if isinstance(token, str) else None)
        base_url = connection.base_url
        if connection.emulator:
            from pcinsights.emulator import EmulatorConfig, run_in_background  # only the demo needs the server

            running = stack.enter_context(run_in_background(EmulatorConfig(customers=connection.emulator_customers)))
            base_url = running.base_url
            logs.log.info("emulator with %d customers at %s", connection.emulator_customers, base_url)
        yield AuthenticatedClient(
            base_url=base_url, token=token, retry=RetryPolicy(max_attempts=connection.max_attempts)
        )
