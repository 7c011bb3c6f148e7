"""The vendorable release: the wheel ``make dist`` builds works in a fresh venv holding nothing from this repo."""

from __future__ import annotations

import email
import importlib.metadata
import json
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import httpx
import pytest
from packaging.requirements import Requirement
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.api.analytics import get_partner_licenses_deployment
from partner_center_analytics.models import PartnerLicensesDeploymentInsightsCollection

from pcinsights.emulator import RunningEmulator
from tests._support import GENERATED_PROJECT_DIR, PROJECT, SPEC_PATH, token_for
from tools.project import PROJECT_NAME
from tools.specdoc import load_spec

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dist")]

# Runs inside the fresh venv: one call against the emulator, then what the venv can and cannot import.
VENDORED_SCRIPT = textwrap.dedent(
    """
    import importlib.metadata, importlib.util, json, sys

    import partner_center_analytics
    from partner_center_analytics import AuthenticatedClient, RetryPolicy
    from partner_center_analytics.api.analytics import get_partner_licenses_deployment

    base_url, token = sys.argv[1], sys.argv[2]
    with AuthenticatedClient(base_url=base_url, token=token, retry=RetryPolicy(max_attempts=2)) as client:
        insights = get_partner_licenses_deployment.sync(client=client)
    print(json.dumps({
        "insights": insights.to_dict(),
        "package_file": partner_center_analytics.__file__,
        "version": importlib.metadata.version("partner-center-analytics-client"),
        "requires": importlib.metadata.requires("partner-center-analytics-client"),
        "pcinsights_importable": importlib.util.find_spec("pcinsights") is not None,
    }, default=str))
    """
)


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    completed = subprocess.run([str(part) for part in command], capture_output=True, text=True, cwd=cwd, check=False)
    assert completed.returncode == 0, f"{command} failed:\n{completed.stdout}\n{completed.stderr}"
    return completed.stdout


def _dependency_closure(wheel: Path) -> set[str]:
    """Every distribution the wheel needs, following each one's own requirements (extras left out)."""
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
        message = email.message_from_bytes(archive.read(metadata))
    todo = [Requirement(line) for line in message.get_all("Requires-Dist") or []]
    needed: set[str] = set()
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        if requirement.name.lower() not in needed:
            needed.add(requirement.name.lower())
            todo.extend(Requirement(line) for line in importlib.metadata.requires(requirement.name) or [])
    return needed


def _copy_distribution(name: str, site: Path) -> None:
    """Copy an installed distribution's files, as pip recorded them, into another site-packages."""
    distribution = importlib.metadata.distribution(name)
    for file in distribution.files or []:
        source = Path(str(distribution.locate_file(file)))
        if file.parts[0] != ".." and source.is_file():
            (site / file).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, site / file)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of the committed generated package, built as ``make dist`` builds it (from a copy, so
    setuptools' scratch files stay out of generated/)."""
    work = tmp_path_factory.mktemp("dist")
    project = work / PROJECT_NAME
    shutil.copytree(GENERATED_PROJECT_DIR, project, ignore=shutil.ignore_patterns("*.egg-info", "build", "dist"))
    # --no-isolation: the build backend comes from this environment, so no download is needed.
    _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", work / "out", project)
    (built,) = (work / "out").glob("*.whl")
    return built


def test_wheel_is_named_after_the_spec_version(wheel: Path) -> None:
    version = load_spec(SPEC_PATH)["info"]["version"]
    assert wheel.name == f"{PROJECT_NAME.replace('-', '_')}-{version}-py3-none-any.whl"


def test_wheel_installed_alone_calls_the_emulator(wheel: Path, tmp_path: Path, emulator: RunningEmulator) -> None:
    venv = tmp_path / "venv"
    # A bare venv (no pip, no system site-packages); this interpreter's pip installs the wheel alone into it,
    # and the distributions the wheel declares (and theirs) are copied in from this environment: no network.
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-index", "--no-deps", wheel)
    site = Path(_run(python, "-I", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").strip())
    for name in _dependency_closure(wheel):
        _copy_distribution(name, site)
    script = tmp_path / "vendored.py"
    script.write_text(VENDORED_SCRIPT, encoding="utf-8")

    # Run from tmp_path with a clean path so nothing from this checkout can leak in.
    output = json.loads(_run(python, "-I", script, emulator.base_url, token_for(emulator), cwd=tmp_path))

    with AuthenticatedClient(base_url=emulator.base_url, token=token_for(emulator)) as client:
        expected = get_partner_licenses_deployment.sync(client=client)
    assert output["insights"] == json.loads(json.dumps(expected.to_dict(), default=str))
    assert output["insights"]["totalCount"] == len(output["insights"]["items"]) > 0
    assert Path(output["package_file"]).is_relative_to(venv)
    assert output["version"] == load_spec(SPEC_PATH)["info"]["version"]
    assert sorted(req.split(">")[0].split("<")[0] for req in output["requires"]) == ["attrs", "httpx"]
    assert output["pcinsights_importable"] is False


def test_readme_usage_example_runs(emulator: RunningEmulator, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (GENERATED_PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    assert "https://api.partnercenter.microsoft.com" in example
    monkeypatch.setenv("PARTNER_CENTER_TOKEN", token_for(emulator))
    namespace: dict[str, object] = {}

    exec(
        compile(example.replace("https://api.partnercenter.microsoft.com", emulator.base_url), "README", "exec"),
        namespace,
    )

    insights = namespace["insights"]
    assert isinstance(insights, PartnerLicensesDeploymentInsightsCollection)
    assert insights.total_count == len(insights.items) > 0


# Runs inside the fresh venv: every module of the installed root package imports without a dev-only tool
# (but the pytest plugin, which only pytest loads: it needs pytest, and nothing else imports it).
_IMPORT_ALL_SCRIPT = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    import pcinsights

    names = [info.name for info in pkgutil.walk_packages(pcinsights.__path__, "pcinsights.")]
    for name in names:
        if name not in ("pcinsights.emulator.__main__", "pcinsights.pytest_plugin"):
            importlib.import_module(name)
    dev_only = {"schemathesis", "griffe", "openapi_python_client", "openapi_spec_validator", "hypothesis", "tools"}
    print(json.dumps({"modules": names, "dev_loaded": sorted(dev_only & set(sys.modules)),
                      "file": pcinsights.__file__}))
    """
)


def test_root_package_installed_without_extras_runs_cli_and_emulator(wheel: Path, tmp_path: Path) -> None:
    """Generated wheel + root wheel (no extras, not editable) in a bare venv: the CLI, the emulator and its spec."""
    root_wheel = tmp_path / "root"
    _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", root_wheel, PROJECT.root)
    (built,) = root_wheel.glob("pcinsights-*.whl")
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python, bin_dir = venv / "bin" / "python", venv / "bin"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-index", "--no-deps", wheel, built)
    site = Path(_run(python, "-I", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").strip())
    for name in _dependency_closure(built) - {"partner-center-analytics-client"}:
        _copy_distribution(name, site)

    imported = json.loads(_run(python, "-I", "-c", _IMPORT_ALL_SCRIPT, cwd=tmp_path))
    assert Path(imported["file"]).is_relative_to(venv)
    assert {"pcinsights.emulator.app", "pcinsights.pytest_plugin"} <= set(imported["modules"])
    assert not [name for name in imported["modules"] if name.startswith(("pcinsights.codegen", "pcinsights.breaking"))]
    assert imported["dev_loaded"] == []
    assert "deployment" in _run(bin_dir / "pcinsights", "--help", cwd=tmp_path)

    server = subprocess.Popen(
        [str(python), "-I", "-m", "pcinsights.emulator", "--port", "0", "--customers", "5"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        banner = [server.stdout.readline() for _ in range(5)]
        base_url = banner[0].split(" on ", 1)[1].split()[0]
        token = banner[4].strip()  # the banner's App+User token, signed by that emulator
        spec = httpx.get(f"{base_url}/openapi.json", timeout=10).json()
        assert spec == load_spec(SPEC_PATH)
        data = httpx.get(
            f"{base_url}/v1/analytics/licenses/deployment", headers={"Authorization": f"Bearer {token}"}, timeout=10
        )
        assert data.status_code == 200, data.text
        assert data.json()["items"]
    finally:
        server.terminate()
        server.wait(timeout=10)
