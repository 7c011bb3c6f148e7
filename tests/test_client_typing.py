"""The generated package's public face: what its root exports, and that mypy and pyright refuse a call without a
token.

Every Partner Center operation needs a bearer token (the spec's global security), so the operations take
``AuthenticatedClient`` only and there is no tokenless client class; ``mypy --strict`` and pyright's strict mode
prove it on snippets.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re
import subprocess
import sys

import partner_center_analytics
import pytest
from partner_center_analytics import _errors

from tests._support import PROJECT

GOOD = """
from partner_center_analytics import (
    AuthenticatedClient, ClientStats, PartnerCenterError, RetryPolicy, ThrottledError,
)
from partner_center_analytics.api.analytics import get_partner_licenses_deployment
from partner_center_analytics.models import PartnerLicensesDeploymentInsightsCollection


def fetch(token: str) -> PartnerLicensesDeploymentInsightsCollection | None:
    client = AuthenticatedClient(base_url="https://example.invalid", token=token, retry=RetryPolicy(max_attempts=2))
    stats: ClientStats = client.stats
    try:
        return get_partner_licenses_deployment.sync(client=client)
    except ThrottledError as error:
        print(error.retry_after, stats.retries)
    except PartnerCenterError as error:
        print(error.status_code, error.request_id)
    return None


async def afetch(client: AuthenticatedClient) -> int:
    return (await get_partner_licenses_deployment.asyncio(client=client)).total_count
"""

# Each snippet (a body after the shared imports) and the one error mypy must report for it.
BAD = {
    "httpx_client": (
        'get_partner_licenses_deployment.sync(client=httpx.Client(base_url="https://example.invalid"))',
        'error: Argument "client" to "sync" has incompatible type "Client"; expected "AuthenticatedClient"  [arg-type]',
    ),
    "no_client": (
        "async def f() -> None:\n    await get_partner_licenses_deployment.asyncio(client=None)",
        'error: Argument "client" to "asyncio" has incompatible type "None"; '
        'expected "AuthenticatedClient"  [arg-type]',
    ),
    "no_token": (
        'AuthenticatedClient(base_url="https://example.invalid")',
        'error: Missing positional argument "token" in call to "AuthenticatedClient"  [call-arg]',
    ),
    "plain_client": (
        'from partner_center_analytics import Client\nClient(base_url="https://example.invalid")',
        'error: Module "partner_center_analytics" has no attribute "Client"  [attr-defined]',
    ),
}
# The same snippets under pyright's strict mode: the rule and the first line of each error it must report
# (the shared imports a snippet leaves unused are left out).
PYRIGHT_BAD = {
    "httpx_client": [
        (
            "reportArgumentType",
            'Argument of type "Client" cannot be assigned to parameter "client" of type "AuthenticatedClient" '
            'in function "sync"',
        )
    ],
    "no_client": [
        (
            "reportArgumentType",
            'Argument of type "None" cannot be assigned to parameter "client" of type "AuthenticatedClient" '
            'in function "asyncio"',
        )
    ],
    "no_token": [("reportCallIssue", 'Argument missing for parameter "token"')],
    "plain_client": [
        ("reportAttributeAccessIssue", '"Client" is unknown import symbol'),
        ("reportUnknownVariableType", 'Type of "Client" is unknown'),
    ],
}
BAD_IMPORTS = (
    "import httpx\n"
    "from partner_center_analytics import AuthenticatedClient\n"
    "from partner_center_analytics.api.analytics import get_partner_licenses_deployment\n"
)


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One ``mypy --strict`` run over all snippets: the error lines reported for each one (by file stem)."""
    folder = tmp_path_factory.mktemp("snippets")
    (folder / "good.py").write_text(GOOD, encoding="utf-8")
    for name, (body, _) in BAD.items():
        (folder / f"bad_{name}.py").write_text(BAD_IMPORTS + body + "\n", encoding="utf-8")
    # The repository's mypy configuration finds the generated package through mypy_path; so does this run.
    env = {**os.environ, "MYPYPATH": f"{PROJECT.root / 'src'}{os.pathsep}{PROJECT.generated}"}
    result = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(folder / ".cache")),
            *sorted(path.name for path in folder.glob("*.py")),
        ],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors: dict[str, list[str]] = {path.stem: [] for path in folder.glob("*.py")}
    for line in result.stdout.splitlines():
        match = re.match(r"(\w+)\.py:\d+: (error: .*)", line)
        if match:
            errors[match[1]].append(match[2])
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return errors


@pytest.fixture(scope="module")
def pyright_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, str]]]:
    """One pyright run (strict mode, the version pyproject.toml pins) over the same snippets: each file's errors."""
    folder = tmp_path_factory.mktemp("pyright")
    (folder / "good.py").write_text(GOOD, encoding="utf-8")
    for name, (body, _) in BAD.items():
        (folder / f"bad_{name}.py").write_text(BAD_IMPORTS + body + "\n", encoding="utf-8")
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.11", "extraPaths": [str(PROJECT.generated)]}
    (folder / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    pyright = os.path.join(os.path.dirname(sys.executable), "pyright")
    result = subprocess.run(
        # The config by name: pyright would otherwise take a pyrightconfig.json found in a parent folder first.
        [pyright, "--outputjson", "--project", str(folder / "pyrightconfig.json"), "--pythonpath", sys.executable],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    errors: dict[str, list[tuple[str, str]]] = {path.stem: [] for path in folder.glob("*.py")}
    for diagnostic in json.loads(result.stdout)["generalDiagnostics"]:
        if diagnostic["severity"] == "error" and diagnostic.get("rule") != "reportUnusedImport":
            stem = os.path.basename(diagnostic["file"]).removesuffix(".py")
            errors[stem].append((diagnostic.get("rule", ""), diagnostic["message"].splitlines()[0]))
    return errors


def test_typical_use_type_checks_cleanly(mypy_errors: dict[str, list[str]]) -> None:
    assert mypy_errors["good"] == []


def test_typical_use_type_checks_cleanly_under_pyright_strict(pyright_errors: dict[str, list[tuple[str, str]]]) -> None:
    assert pyright_errors["good"] == []


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_call_without_a_token_is_a_type_error(mypy_errors: dict[str, list[str]], name: str) -> None:
    assert mypy_errors[f"bad_{name}"] == [BAD[name][1]]


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_call_without_a_token_is_a_pyright_error(pyright_errors: dict[str, list[tuple[str, str]]], name: str) -> None:
    assert pyright_errors[f"bad_{name}"] == PYRIGHT_BAD[name]


def test_every_error_class_is_exported_from_the_root() -> None:
    error_classes = {
        name
        for name, value in vars(_errors).items()
        if inspect.isclass(value) and issubclass(value, _errors.PartnerCenterError)
    }
    assert error_classes <= set(partner_center_analytics.__all__)
    assert {"AuthenticatedClient", "RetryPolicy", "ClientStats", "PartnerCenterError", "ThrottledError"} <= set(
        partner_center_analytics.__all__
    )
    for name in partner_center_analytics.__all__:
        assert getattr(partner_center_analytics, name).__module__.startswith("partner_center_analytics._")


@pytest.mark.parametrize("module", ["client", "errors", "retry", "types"])
def test_implementation_modules_are_private(module: str) -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(f"partner_center_analytics.{module}")
    importlib.import_module(f"partner_center_analytics._{module}")


def test_each_runtime_module_names_its_source_in_its_first_line() -> None:
    package = PROJECT.generated / "partner_center_analytics"
    runtime = sorted(path.name for path in (PROJECT.overrides / "runtime").glob("*.py"))
    assert "_retry.py" in runtime
    for name in runtime:
        first = (package / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# Copied from overrides/runtime/{name} by `make generate`; edit it there."


def test_only_models_an_operation_reaches_are_generated() -> None:
    models = {path.stem for path in (PROJECT.generated / "partner_center_analytics" / "models").glob("*.py")}
    assert "customer_licenses_deployment_insights" in models
    assert not {"collection", "licenses_insights_base", "customer_licenses_insights_base"} & models
