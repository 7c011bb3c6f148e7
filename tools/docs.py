"""The API reference page: the spec rendered by Redocly CLI's ``build-docs`` (pinned) into ``reports/docs/``.

``python -m tools.docs`` (``make docs``) writes ``reports/docs/index.html``, one self-contained page (Redoc's
script inlined, so it opens offline). Where Node.js is absent it says so and exits 0 without a page.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tools.project import add_project_argument, project_from
from tools.redocly import REDOCLY_PACKAGE, RedoclyRun, run_redocly

DEFINITION_MARKER = "const __redoc_definition = "


class DocsError(Exception):
    """Redocly did not produce the page, or the page does not carry the spec."""


def build_docs(spec: Path, output: Path, config: Path | None = None) -> RedoclyRun:
    """Render ``spec`` into the HTML file ``output``; the run is ``skipped`` where Node.js is absent."""
    output.parent.mkdir(parents=True, exist_ok=True)
    args = ["build-docs", str(spec.resolve()), "--output", str(output.resolve()), "--inlineBundle"]
    args += ["--config", str(config.resolve())] if config is not None and config.is_file() else []
    run = run_redocly([*args, "--lint-config", "off"], output.parent)
    if not run.skipped and (run.returncode != 0 or not output.is_file()):
        raise DocsError(f"{REDOCLY_PACKAGE} build-docs failed (exit {run.returncode}):\n{run.output}")
    return run


def embedded_definition(page: str) -> dict[str, Any]:
    """The OpenAPI document Redoc renders the page from (embedded in the page's script)."""
    start = page.find(DEFINITION_MARKER)
    if start < 0:
        raise DocsError("the page carries no Redoc definition")
    try:
        definition, _ = json.JSONDecoder().raw_decode(page, start + len(DEFINITION_MARKER))
    except json.JSONDecodeError as error:
        raise DocsError(f"the page's Redoc definition is not JSON: {error}") from None
    if not isinstance(definition, dict):
        raise DocsError("the page's Redoc definition is not an object")
    return definition


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.docs", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_project_argument(parser)
    parser.add_argument("--output", type=Path, help="HTML file to write (default: reports/docs/index.html)")
    args = parser.parse_args(argv)
    project = project_from(args)
    output = args.output or project.root / "reports" / "docs" / "index.html"
    try:
        run = build_docs(project.spec, output, project.redocly_config)
    except DocsError as error:
        print(f"docs: {error}")
        return 1
    if run.skipped:
        print(f"docs: {REDOCLY_PACKAGE} build-docs {run.output}; no page written")
        return 0
    print(f"docs: {output} ({output.stat().st_size // 1024} KiB, {REDOCLY_PACKAGE} build-docs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
