"""The install matrix: the two wheels ``make dist`` builds, installed as an app installs them into fresh venvs,
on each CPython the metadata promises, with the lowest and the newest dependency versions that metadata allows.

``client``: the client wheel alone, running the client's own tests (those needing only the package, httpx and a
loopback server). ``plugin``: both wheels, running the pytest plugin's sample-app test and the CLI against its
emulator. Run it all with ``make matrix``, one cell with ``make matrix CELL='client-3.12(lowest)'``.
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import zipfile
from collections.abc import Collection, Iterator
from pathlib import Path

import nox
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).parent
DIST = ROOT / "dist"
CONSTRAINTS = ROOT / "constraints.txt"
CLIENT_WHEEL = "partner_center_analytics_client-*.whl"
PCINSIGHTS_WHEEL = "pcinsights-*.whl"
# The client's own tests: everything in them runs against the installed client and a loopback server of their own.
CLIENT_TESTS = [
    "tests/test_client_decode.py",
    "tests/test_client_drift_stats.py",
    "tests/test_client_hostile.py",
    "tests/test_client_reports_rows.py",
    "tests/test_client_request_ids.py",
    "tests/test_client_retry.py",
]
# The test tools, at constraints.txt's versions (they are the suite's, not the app's dependencies).
CLIENT_TOOLS = ["pytest", "pytest-asyncio", "hypothesis"]
# The README's command that installs both wheels for an app's tests: the plugin cells run it as written.
README_INSTALL = "pip install dist/partner_center_analytics_client-*.whl dist/pcinsights-*.whl "
PLUGIN_TOOLS = ["pyyaml"]  # tests/_support.py reads the spec
# pytest's runs inside a cell: no conftest (it starts emulators from the checkout), no cache written to the checkout.
PYTEST = ("python", "-m", "pytest", "--noconftest", "-p", "no:cacheprovider", "-q")

nox.options.default_venv_backend = "venv"
nox.options.error_on_missing_interpreters = True  # a missing interpreter fails its cells, never skips them
nox.options.download_python = "never"  # only the interpreters this machine has
nox.options.reuse_venv = "no"  # every cell in a fresh venv, as an app starts


def _pyenv_versions() -> None:
    """Make every pyenv-installed CPython findable: pyenv's ``python3.12`` shim runs only a version it is told of."""
    pyenv = shutil.which("pyenv")
    if pyenv and "PYENV_VERSION" not in os.environ:
        listed = subprocess.run([pyenv, "versions", "--bare"], capture_output=True, text=True, check=False).stdout
        os.environ["PYENV_VERSION"] = ":".join(listed.split())


_pyenv_versions()


def _wheel(pattern: str) -> Path:
    found = sorted(DIST.glob(pattern))
    if len(found) != 1:
        raise SystemExit(f"dist/ should hold one {pattern} (run `make dist`), found {[p.name for p in found]}")
    return found[0]


def _requirements(wheel: Path) -> Iterator[Requirement]:
    """The wheel's Requires-Dist, extras left out."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
        message = email.message_from_bytes(archive.read(name))
    for line in message.get_all("Requires-Dist") or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            yield requirement


def _floors(wheels: list[Path], local: Collection[str]) -> list[str]:
    """``name==floor`` for each dependency of the wheels but those installed from ``local`` wheels: the lowest
    version the metadata allows. A dependency without a floor is refused: it would promise every version."""
    pins: dict[str, Version] = {}
    for wheel in wheels:
        for requirement in _requirements(wheel):
            name = canonicalize_name(requirement.name)
            if name in local:
                continue
            floors = [Version(spec.version) for spec in requirement.specifier if spec.operator in (">=", "==", "~=")]
            if not floors:
                raise SystemExit(f"{wheel.name} requires {requirement} with no lowest version")
            pins[name] = max([*floors, pins.get(name, floors[0])])
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def _locked(names: list[str]) -> list[str]:
    """The exact versions constraints.txt holds for ``names``."""
    lines = CONSTRAINTS.read_text(encoding="utf-8").splitlines()
    locked = {canonicalize_name(line.split("==")[0]): line for line in lines if "==" in line}
    return [locked[canonicalize_name(name)] for name in names]


def _readme_install() -> list[str]:
    """The arguments of the README's install command for an app's tests, its wheel patterns made paths."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    (line,) = [line for line in lines if line.startswith(README_INSTALL)]
    return [str(_wheel(arg.removeprefix("dist/"))) if arg.startswith("dist/") else arg for arg in line.split()[2:]]


def _install(session: nox.Session, dependencies: str, wheels: list[Path], install: list[str], tools: list[str]) -> None:
    """``install`` (the wheels, together, so no wheel is fetched by name) as an app runs it, then the test tools."""
    local = {canonicalize_name(wheel.name.split("-")[0]) for wheel in wheels}
    pins: list[str] = []
    if dependencies == "lowest":
        floors = Path(session.create_tmp()) / "lowest.txt"
        floors.write_text("\n".join(_floors(wheels, local)) + "\n", encoding="utf-8")
        pins = ["-c", str(floors)]
    session.install(*pins, *install)
    session.install(*pins, *_locked(tools))
    session.run("python", "-m", "pip", "check")
    # What this cell tested, and proof that the client comes from the venv, not the checkout.
    session.run("python", "-m", "pip", "list", "--format=freeze", silent=False)
    session.run(
        "python",
        "-c",
        "import sys, partner_center_analytics as p; assert p.__file__.startswith(sys.prefix), p.__file__",
    )


@nox.session(python=["3.11", "3.12", "3.13"])
@nox.parametrize("dependencies", ["lowest", "newest"])
def client(session: nox.Session, dependencies: str) -> None:
    """The client wheel alone, and the client's own tests."""
    wheel = _wheel(CLIENT_WHEEL)
    _install(session, dependencies, [wheel], [str(wheel)], CLIENT_TOOLS)
    session.run(*PYTEST, "-p", "tests._client", *CLIENT_TESTS, *session.posargs)


@nox.session(python=["3.11", "3.13"])
@nox.parametrize("dependencies", ["lowest", "newest"])
def plugin(session: nox.Session, dependencies: str) -> None:
    """Both wheels, installed by the README's own command: the plugin's sample app and the CLI."""
    wheels = [_wheel(CLIENT_WHEEL), _wheel(PCINSIGHTS_WHEEL)]
    _install(session, dependencies, wheels, _readme_install(), PLUGIN_TOOLS)
    session.run(*PYTEST, "tests/test_pytest_plugin.py", "-k", "sample_app", *session.posargs)
    session.run("pcinsights", "deployment", "--emulator", "--format", "table")
