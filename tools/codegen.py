"""Regenerate the typed client from the spec and ``overrides/``, reproducibly.

The generator runs into a scratch folder, the hand-written runtime modules from
``overrides/runtime`` are placed beside the generated ones, the pinned ruff
formats the lot once, and only then is the result swapped into place.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.project import PACKAGE_NAME, add_project_argument, project_from
from tools.specdoc import load_spec


def generate(spec: Path, output: Path, overrides: Path) -> Path:
    """Generate the client project for ``spec`` into ``output`` (replacing it) and return ``output``."""
    with tempfile.TemporaryDirectory(prefix="pc-codegen-") as scratch:
        project = Path(scratch) / output.name
        subprocess.run(
            [
                sys.executable,  # the pinned generator of this environment, never one found on PATH
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(spec),
                "--config",
                str(overrides / "config.yaml"),
                "--custom-template-path",
                str(overrides / "templates"),
                "--output-path",
                str(project),
                "--overwrite",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # The spec itself ships in the package, as JSON: the emulator serves it and apps can read it.
        spec_json = json.dumps(load_spec(spec), ensure_ascii=False, indent=1) + "\n"
        (project / PACKAGE_NAME / "openapi.json").write_text(spec_json, encoding="utf-8")
        runtime = overrides / "runtime"
        if runtime.is_dir():
            for module in sorted(runtime.glob("*.py")):
                shutil.copyfile(module, project / PACKAGE_NAME / module.name)
        shutil.rmtree(project / ".ruff_cache", ignore_errors=True)
        ruff = [sys.executable, "-m", "ruff"]
        subprocess.run([*ruff, "check", ".", "--fix-only", "--quiet", "--no-cache"], cwd=project, check=True)
        subprocess.run([*ruff, "format", ".", "--quiet", "--no-cache"], cwd=project, check=True)
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(project, output)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add_project_argument(parser)
    parser.add_argument("--spec", type=Path, help="OpenAPI document (default: the project's)")
    parser.add_argument("--output", type=Path, help="project folder to write (default: the project's generated/)")
    args = parser.parse_args(argv)
    project = project_from(args)
    print(f"generated {generate(args.spec or project.spec, args.output or project.generated, project.overrides)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
