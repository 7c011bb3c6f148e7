"""The templates on the shapes issue 19 brings, generated from a small spec (tests/_codegen_fixture.py): operations
with JSON request bodies run against a real HTTP server on 127.0.0.1 (the body goes out as the spec spells it, with
its method and Content-Type), lenient response keys, report row schemas.

The generated package is imported in a child process (the checkout's own package is installed in this one).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from partner_center_analytics._keys import lenient_keys, normalized, spellings

from tests._codegen_fixture import fixture_spec
from tests._support import PROJECT
from tools.codegen import generate
from tools.project import PACKAGE_NAME, PROJECT_NAME

pytestmark = pytest.mark.xdist_group("codegen-fixture")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fixture-client")
    (folder / "spec.yaml").write_text(yaml.safe_dump(fixture_spec(), sort_keys=False), encoding="utf-8")
    return generate(folder / "spec.yaml", folder / PROJECT_NAME, PROJECT.overrides)


# Serves every request with one envelope and prints what it received, as JSON, after the calls in CALLS.
SERVER = """
import asyncio, datetime, json, threading, uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import partner_center_analytics as package
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.api.things import create_thing, delete_thing, get_things, update_thing
from partner_center_analytics.models import ThingCreate, ThingFormat, ThingUpdate

seen = []
REPLY = json.dumps(%(reply)s).encode()
POST_STATUS, POST_REPLY = %(post)s

class Handler(BaseHTTPRequestHandler):
    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else None
        seen.append({"method": self.command, "path": self.path, "type": self.headers.get("Content-Type"), "body": body})
        status, reply = (POST_STATUS, json.dumps(POST_REPLY).encode()) if self.command == "POST" else (200, REPLY)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)
    do_GET = do_POST = do_PUT = do_DELETE = _answer
    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
client = AuthenticatedClient(base_url=f"http://127.0.0.1:{server.server_port}", token="t")
results = []
%(calls)s
server.shutdown()
print(json.dumps({"package": package.__file__, "seen": seen, "results": results}))
"""

CALLS = """
query = uuid.UUID("6c3f6b1c-2f1e-4a53-9b1f-5f4a4b8a0c01")
start = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=datetime.UTC)
created = create_thing.sync(
    client=client,
    body=ThingCreate(
        thing_name="Monthly", query_id=query, start_time=start, format_=ThingFormat.TSV, recurrence_count=None
    ),
)
results.append(created.to_dict())
update_thing.sync("6c3f6b1c-2f1e-4a53-9b1f-5f4a4b8a0c02", client=client, body=ThingUpdate(thing_name="Renamed"))
update_thing.sync("6c3f6b1c-2f1e-4a53-9b1f-5f4a4b8a0c03", client=client)
asyncio.run(delete_thing.asyncio("6c3f6b1c-2f1e-4a53-9b1f-5f4a4b8a0c04", client=client))
now = ThingCreate(thing_name="Now", query_id=query, execute_now=True)
detailed = asyncio.run(create_thing.asyncio_detailed(client=client, body=now))
results.append(int(detailed.status_code))
get_things.sync(client=client)
"""


def run_client(project: Path, calls: str, reply: Any, post: tuple[int, Any] | None = None) -> dict[str, Any]:
    """Run ``calls`` in a child process against a server answering ``reply`` (a POST: ``post``, a status and a
    body, if given); what it saw and returned."""
    script = SERVER % {"reply": repr(reply), "post": repr(post or (200, reply)), "calls": calls}
    env = {**os.environ, "PYTHONPATH": str(project)}
    completed = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    found: dict[str, Any] = json.loads(completed.stdout.splitlines()[-1])
    assert Path(found["package"]).is_relative_to(project / PACKAGE_NAME)  # the fixture's client, not the checkout's
    return found


ENVELOPE: dict[str, Any] = {"value": [], "nextLink": None, "totalCount": 0, "message": None, "statusCode": 200}


def test_bodies_go_out_as_the_spec_spells_them_with_their_method_and_content_type(project: Path) -> None:
    found = run_client(project, CALLS, ENVELOPE)

    seen = [(s["method"], s["path"], s["type"], json.loads(s["body"]) if s["body"] else None) for s in found["seen"]]
    query = "6c3f6b1c-2f1e-4a53-9b1f-5f4a4b8a0c01"
    assert seen == [
        (
            "POST",
            "/v1/things",
            "application/json",
            {
                "ThingName": "Monthly",
                "QueryId": query,
                "ExecuteNow": False,
                "StartTime": "2026-12-06T12:00:00+00:00",
                "Format": "TSV",
                "RecurrenceCount": None,
            },
        ),
        ("PUT", "/v1/things/6c3f6b1c-2f1e-4a53-9b1f-5f4a4b8a0c02", "application/json", {"ThingName": "Renamed"}),
        ("PUT", "/v1/things/6c3f6b1c-2f1e-4a53-9b1f-5f4a4b8a0c03", None, None),  # an optional body left out
        ("DELETE", "/v1/things/6c3f6b1c-2f1e-4a53-9b1f-5f4a4b8a0c04", None, None),
        ("POST", "/v1/things", "application/json", {"ThingName": "Now", "QueryId": query, "ExecuteNow": True}),
        ("GET", "/v1/things", None, None),
    ]
    assert found["results"] == [ENVELOPE, 200]


def test_a_body_argument_is_typed_and_required_as_the_spec_says(project: Path) -> None:
    package = project / PACKAGE_NAME
    create = (package / "api" / "things" / "create_thing.py").read_text(encoding="utf-8")
    update = (package / "api" / "things" / "update_thing.py").read_text(encoding="utf-8")
    delete = (package / "api" / "things" / "delete_thing.py").read_text(encoding="utf-8")

    for function in ("def sync_detailed(", "def sync(", "async def asyncio_detailed(", "async def asyncio("):
        assert f"{function}\n    *,\n    client: AuthenticatedClient,\n    body: ThingCreate,\n" in create
        assert f"{function}\n    thing_id: UUID | str,\n    *,\n    client: AuthenticatedClient,\n" in update
    assert "    body: ThingUpdate | Unset = UNSET,\n" in update
    assert "body" not in delete


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Value", "value"),
        ("TotalCount", "totalCount"),
        ("DatasetName ", "datasetName"),
        (" RecurrenceCount", "recurrenceCount"),
        ("\tnextLink\n", "nextLink"),
        ("", ""),
        ("URL", "uRL"),
    ],
)
def test_a_key_is_normalized_by_its_whitespace_and_first_letter(key: str, expected: str) -> None:
    assert normalized(key) == expected


KNOWN = frozenset({"value", "totalCount", "datasetName"})


def test_lenient_keys_rename_misspellings_and_let_exact_keys_win() -> None:
    by_spelling = spellings(KNOWN)
    exact = {"value": [], "totalCount": 0}

    assert lenient_keys(exact, KNOWN, by_spelling) is exact  # nothing to do: no copy
    assert lenient_keys({"Value": [1], " TotalCount ": 1, "odd": 2}, KNOWN, by_spelling) == {
        "value": [1],
        "totalCount": 1,
        "odd": 2,
    }
    assert lenient_keys({"Value": 1, "value": 2}, KNOWN, by_spelling) == {"Value": 1, "value": 2}
    assert lenient_keys({"Value": 1, "value ": 2}, KNOWN, by_spelling) == {"value": 1, "value ": 2}


LENIENT = """
from partner_center_analytics.models import ThingEnvelope
envelope = ThingEnvelope.from_dict({
    "Value": [{" RecurrenceCount": 3, "DatasetName ": "OfficeUsage", "thingId": "a", "ThingId": "b"}],
    "TotalCount": 1, "statusCode ": 200, "odd": 1,
})
thing = envelope.value[0]
results.append([thing.recurrence_count, thing.dataset_name, thing.thing_id, thing.additional_properties])
results.append([envelope.total_count, envelope.status_code, envelope.additional_properties])
results.append(envelope.to_dict())
"""


def test_a_lenient_schema_reads_the_docs_spellings(project: Path) -> None:
    found = run_client(project, LENIENT, ENVELOPE)

    assert found["results"] == [
        [3, "OfficeUsage", "a", {"ThingId": "b"}],
        [1, 200, {"odd": 1}],
        {
            "value": [{"recurrenceCount": 3, "datasetName": "OfficeUsage", "thingId": "a", "ThingId": "b"}],
            "totalCount": 1,
            "statusCode": 200,
            "odd": 1,
        },
    ]


def test_only_marked_schemas_are_lenient(project: Path) -> None:
    models = project / PACKAGE_NAME / "models"
    assert "lenient_keys(src_dict, _KNOWN_KEYS, _SPELLINGS)" in (models / "thing_envelope.py").read_text("utf-8")
    assert "lenient_keys" not in (models / "thing_create.py").read_text("utf-8")


ROWS = """
from partner_center_analytics import report_rows as module
from partner_center_analytics.models import OfficeUsageRow, SeatsRow
office = module.OFFICE_USAGE
results.append([office.dataset, office.model is OfficeUsageRow, list(office.columns), list(office.metrics)])
results.append([dict(office.types), sorted(office.nullable), sorted(module.SEATS.nullable)])
results.append([module.report_rows("officeUSAGE") is office, module.report_rows("Seats").model is SeatsRow])
results.append([module.report_rows("PowerBIUsage"), sorted(module.REPORT_ROWS)])
row = OfficeUsageRow.from_dict({"CustomerTenantId": "c1", "PaidAvailableUnits": 3})
results.append([row.customer_tenant_id, row.paid_available_units, row.to_dict()])
"""


def test_report_rows_name_each_datasets_model_columns_metrics_and_types(project: Path) -> None:
    found = run_client(project, ROWS, ENVELOPE)

    assert found["results"] == [
        [
            "OfficeUsage",
            True,
            ["Month", "CustomerTenantId", "WorkloadName"],
            ["PaidAvailableUnits", "MonthlyActiveUsers"],
        ],
        [
            {
                "Month": "string",
                "CustomerTenantId": "string",
                "WorkloadName": "string",
                "PaidAvailableUnits": "integer",
                "MonthlyActiveUsers": "integer",
            },
            ["WorkloadName"],
            [],
        ],
        [True, True],
        [None, ["OfficeUsage", "Seats"]],
        ["c1", 3, {"CustomerTenantId": "c1", "PaidAvailableUnits": 3}],
    ]
    models = (project / PACKAGE_NAME / "models" / "__init__.py").read_text(encoding="utf-8")
    assert '"OfficeUsageRow",' in models  # kept, though no operation returns it, and exported as usual
    assert '"SeatsRow",' in models


FREE_FORM = """
page = get_things.sync(client=client)
try:
    create_thing.sync(client=client, body=ThingCreate(thing_name="x", query_id=uuid.uuid4()))
except Exception as error:
    results.append([type(error).__name__, error.status_code, error.description])
results.append([page.value[0].cells.additional_properties, page.value[0].additional_properties])
results.append(sorted(list(key) for key in client.stats.unknown_fields))
"""


def test_a_free_form_object_keeps_its_keys_as_data_not_as_unknown_fields(project: Path) -> None:
    reply = {"Value": [{"thingId": "a", "cells": {"Month": "2026-11-01", "Units": 3}, "odd": 2}], "TotalCount": 1}

    problem = {"value": [], "totalCount": 0, "message": "Invalid QueryId", "statusCode": 400}

    found = run_client(project, FREE_FORM, reply, post=(400, problem))

    assert found["results"] == [
        ["BadRequestError", 400, "Invalid QueryId"],  # the reports envelope read as Partner Center's Error
        [{"Month": "2026-11-01", "Units": 3}, {"odd": 2}],
        [["Thing", "odd"]],
    ]


def test_a_detailed_call_is_typed_with_what_it_can_return(project: Path) -> None:
    """Every documented error status's body is parsed as Partner Center's Error (so unwrap raises its typed error),
    whatever schema the spec names for it: the detailed functions say so."""
    create = (project / PACKAGE_NAME / "api" / "things" / "create_thing.py").read_text(encoding="utf-8")
    assert ") -> Response[Error | ThingEnvelope]:" in create
    assert "ThingProblem" not in create  # the 400's schema: its body is read as Error
