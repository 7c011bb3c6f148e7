"""``pcinsights proxy --upstream URL``: pass an app's traffic through, judging every response against the spec."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from pcinsights.cli.serving import listen_or_exit, serve


def proxy(
    upstream: Annotated[str, typer.Option(help="Partner Center's base URL, or anything that claims to be it.")],
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0 picks a free one).")] = 0,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    record: Annotated[Path | None, typer.Option(help="Write the traffic here as HAR 1.2, the token redacted.")] = None,
    report: Annotated[Path | None, typer.Option(help="Write the findings here as JSON when the proxy stops.")] = None,
    accept: Annotated[
        Path | None, typer.Option(help="Drift to accept, in make drift's drift.toml form: listed, never failed.")
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            help="Answer an exchange that does not conform (its request body or its response) with a 502 problem"
            " naming the findings; the request has reached the upstream by then."
        ),
    ] = False,
) -> None:
    """Forward every request (any method, its body as sent) to the upstream and its response back unchanged,
    checking each exchange against the spec: request bodies against the operation's request schema, and in responses
    undocumented fields, wrong types and formats, new enum values, undocumented statuses, media types and headers,
    missing required headers, unknown operations. Report file downloads (/_files/ links) stream through unchecked
    and are recorded without their body. Each finding is printed once; on SIGINT or SIGTERM all of them are printed
    with counts (and written to --report). Exit 1 when any was found that --accept does not accept."""
    from partner_center_analytics import HarRecorder

    from pcinsights.emulator.app import spec_json
    from pcinsights.proxy import ProxyApp, describe
    from pcinsights.spec.accepted import DriftConfigError, load_acceptances
    from pcinsights.spec.drift import Tally

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    tally = Tally(json.loads(spec_json()))
    try:
        accepted = load_acceptances(accept) if accept is not None else []
        app = ProxyApp(upstream, tally, strict=strict, accepted=accepted, log=log)
    except (ValueError, DriftConfigError) as error:
        print(f"pcinsights: {error}", file=sys.stderr)
        raise typer.Exit(2) from None
    sock, base_url = listen_or_exit(host, port)
    app.recorder = HarRecorder(record) if record is not None else None
    mode = "strict: drift answered with 502" if strict else "reporting drift"
    print(f"proxying {base_url} -> {upstream} ({mode})", flush=True)
    # uvicorn stops on SIGINT/SIGTERM, then raises the signal again for the handler it found: this one notes it,
    # so the report is written and the exit code says whether there was drift (not a traceback or a kill).
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: None)
    try:
        serve(app, sock)
    finally:
        if app.recorder is not None:
            app.recorder.close()
        rows = app.findings()
        drift = app.drift()
        if report is not None:
            report.parent.mkdir(parents=True, exist_ok=True)
            document = {"upstream": upstream, "exchanges": app.exchanges, "findings": rows}
            report.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{app.exchanges} exchange(s), {len(drift)} finding(s), {len(rows) - len(drift)} accepted", flush=True)
        for finding in app.tally.findings():
            mark = " (accepted)" if app.acceptance(finding) is not None else ""
            print(app.secrets.scrub(f"  {describe(finding, app.secrets)} seen {finding.count}x{mark}"), flush=True)
    if drift:
        raise typer.Exit(1)
