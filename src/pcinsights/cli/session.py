"""Turn the connection options into a ready client: live Partner Center or an in-process emulator."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from partner_center_analytics import AuthenticatedClient, HarRecorder, RetryPolicy

from pcinsights.cli import logs
from pcinsights.cli.auth import resolve_token
from pcinsights.cli.options import Connection


@contextmanager
def open_client(connection: Connection) -> Iterator[AuthenticatedClient]:
    """A client for the chosen server; with --emulator one runs on a free loopback port until exit, and the client
    signs in to it as an app would: App+User tokens from its token endpoint, fetched again before they expire.
    With --record the traffic is added to that HAR file (started anew with --fresh), closed when the command ends."""
    with ExitStack() as stack:
        recorder = None
        if connection.record:
            recorder = stack.enter_context(HarRecorder(connection.record, append=not connection.fresh))
        yield stack.enter_context(_client(connection, RetryPolicy(max_attempts=connection.max_attempts), recorder))


@contextmanager
def _client(connection: Connection, retry: RetryPolicy, recorder: HarRecorder | None) -> Iterator[AuthenticatedClient]:
    if not connection.emulator:
        token = resolve_token(connection.token_file, tenant_id=connection.tenant_id, client_id=connection.client_id)
        logs.configure(connection.verbose, token if isinstance(token, str) else None)
        yield AuthenticatedClient(base_url=connection.base_url, token=token, retry=retry, recorder=recorder)
        return
    from pcinsights.emulator import EmulatorConfig, run_in_background  # only the demo needs the server
    from pcinsights.emulator.auth import EmulatorCredential

    logs.configure(connection.verbose, None)
    customers = connection.emulator_customers
    config = EmulatorConfig() if customers is None else EmulatorConfig(customers=customers)
    with run_in_background(config) as running:
        logs.log.info("emulator with %d customers at %s", running.config.customers, running.base_url)
        credential = EmulatorCredential.for_emulator(running)
        yield AuthenticatedClient(base_url=running.base_url, token=credential, retry=retry, recorder=recorder)
