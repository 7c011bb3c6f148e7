"""Lint the OpenAPI spec: structure, examples against their own schemas, house style, then Redocly CLI.

``python -m tools.speclint openapi/partner-center-analytics.yaml`` exits non-zero on any finding.
Redocly runs through ``npx`` at a pinned version; where Node.js is absent it is skipped with a message.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import yaml
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import OpenAPIV30SpecValidator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from tools.project import add_project_argument, project_from
from tools.specdoc import load_spec, operations, pointer, resolve_ref, schema_nodes

REDOCLY_PACKAGE = "@redocly/cli@2.77.0"
_LONE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")
# A base URI only so that the spec's own "#/..." references resolve inside the registry; never fetched.
_SPEC_URI = "https://spec.invalid/openapi.json"


@attrs.frozen
class Finding:
    """One problem: which check found it, where (a JSON pointer into the spec), and what."""

    check: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.where or '/'}: {self.message}"


def validate_structure(spec: Mapping[str, Any]) -> list[Finding]:
    """OpenAPI 3.0 structural validation (openapi-spec-validator)."""
    return [
        Finding("openapi-spec-validator", pointer(tuple(str(p) for p in error.absolute_path)), error.message)
        for error in OpenAPIV30SpecValidator(spec).iter_errors()
    ]


def example_sites(spec: Mapping[str, Any]) -> Iterator[tuple[tuple[str, ...], str, Any]]:
    """(schema path, label, example value) for every example in the spec."""

    def holders(node: Any, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str, Any]]:
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from holders(item, (*parts, str(index)))
            return
        if not isinstance(node, Mapping):
            return
        if isinstance(node.get("schema"), Mapping):
            schema_path = (*parts, "schema")
            if "example" in node:
                yield schema_path, pointer((*parts, "example")), node["example"]
            for name, example in (node.get("examples") or {}).items():
                example = resolve_ref(spec, example)
                if isinstance(example, Mapping) and "value" in example:
                    yield schema_path, pointer((*parts, "examples", name)), example["value"]
            for sub_parts, schema in schema_nodes(node["schema"], schema_path):
                if "example" in schema:
                    yield sub_parts, pointer((*sub_parts, "example")), schema["example"]
        for key, value in node.items():
            if key not in ("schema", "example", "examples", "schemas"):
                yield from holders(value, (*parts, key))

    yield from holders(spec, ())
    for name, schema in ((spec.get("components") or {}).get("schemas") or {}).items():
        for sub_parts, sub in schema_nodes(schema, ("components", "schemas", name)):
            if "example" in sub:
                yield sub_parts, pointer((*sub_parts, "example")), sub["example"]


def validate_examples(spec: Mapping[str, Any]) -> list[Finding]:
    """Every example validates against its own schema, with OpenAPI 3.0 semantics (``nullable`` and formats)."""
    registry: Registry[Any] = Registry().with_resource(
        _SPEC_URI, Resource.from_contents(dict(spec), default_specification=DRAFT4)
    )
    findings = []
    for schema_parts, where, value in example_sites(spec):
        validator = OAS30Validator(
            {"$ref": f"{_SPEC_URI}#{pointer(schema_parts)}"},
            registry=registry,
            format_checker=OAS30Validator.FORMAT_CHECKER,
        )
        for error in validator.iter_errors(value):
            at = pointer(tuple(str(p) for p in error.absolute_path))
            findings.append(Finding("example", where, f"{at or 'value'}: {error.message}"))
    return findings


def check_style(spec: Mapping[str, Any]) -> list[Finding]:
    """House style: documented, tagged, exemplified operations that declare their errors."""
    findings = []
    for path, method, _item, operation in operations(spec):
        where = pointer(("paths", path, method))
        for field in ("summary", "description", "operationId"):
            if not str(operation.get(field) or "").strip():
                findings.append(Finding("style", where, f"operation has no {field}"))
        if not operation.get("tags"):
            findings.append(Finding("style", where, "operation has no tags"))
        responses = operation.get("responses") or {}
        codes = {str(code).upper() for code in responses}
        for family in ("4", "5"):
            if not any(code.startswith(family) for code in codes):
                findings.append(Finding("style", where, f"operation declares no {family}xx error response"))
        for code, response in responses.items():
            for media, content in (resolve_ref(spec, response).get("content") or {}).items():
                if "example" not in content and not content.get("examples"):
                    findings.append(
                        Finding(
                            "style", pointer(("paths", path, method, "responses", str(code))), f"{media}: no example"
                        )
                    )
    return findings


def check_paragraphs(text: str) -> list[Finding]:
    """YAML folding (``>``) turns one blank line into one newline, which Markdown joins into the paragraph before:
    text with paragraphs is a literal block (``|``), whose blank lines stay."""
    return [
        Finding("style", f"line {token.start_mark.line + 1}", "a folded block (>) loses its paragraph breaks; use |")
        for token in yaml.scan(text)
        if isinstance(token, yaml.ScalarToken) and token.style == ">" and _LONE_NEWLINE.search(token.value)
    ]


def lint_spec(spec_path: Path) -> list[Finding]:
    """All in-process checks; examples and style only run on a structurally valid spec."""
    spec = load_spec(spec_path)
    findings = validate_structure(spec)
    if findings:
        return findings
    return validate_examples(spec) + check_style(spec) + check_paragraphs(spec_path.read_text(encoding="utf-8"))


@attrs.frozen
class RedoclyResult:
    """What the Redocly run printed; ``ok`` is None when it was skipped."""

    ok: bool | None
    output: str


def run_redocly(spec_path: Path, config: Path) -> RedoclyResult:
    """``redocly lint`` at the pinned version; skipped, not failed, where Node.js is absent."""
    npx = shutil.which("npx")
    if npx is None or shutil.which("node") is None:
        return RedoclyResult(None, "skipped: Node.js not found (install Node.js 20+ and npm to run Redocly CLI)")
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_COLOR": "1"}
    command = [npx, "--yes", REDOCLY_PACKAGE, "lint", "--config", str(config), "--lint-config", "error"]
    completed = subprocess.run(
        [*command, "--format", "stylish", str(spec_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        check=False,
    )
    # Drop the boxed Node.js deprecation banner; keep the findings.
    lines = [line for line in completed.stdout.splitlines() if not any(box in line for box in "╔║╚")]
    output = "\n".join(line for index, line in enumerate(lines) if line.strip() or (index and lines[index - 1].strip()))
    return RedoclyResult(completed.returncode == 0, output.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.speclint", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("spec", type=Path, nargs="?", help="OpenAPI document (default: the project's)")
    add_project_argument(parser)
    parser.add_argument("--redocly-config", type=Path, help="default: the project's redocly.yaml")
    args = parser.parse_args(argv)
    project = project_from(args)
    args.spec = args.spec or project.spec
    findings = lint_spec(args.spec)
    for finding in findings:
        print(finding)
    print(f"speclint: {len(findings)} finding(s) from openapi-spec-validator, example validation and house style")
    redocly = run_redocly(args.spec, args.redocly_config or project.redocly_config)
    print(f"speclint: redocly ({REDOCLY_PACKAGE}): " + {None: "skipped", True: "ok", False: "FAILED"}[redocly.ok])
    if redocly.output:
        print(redocly.output)
    return 1 if findings or redocly.ok is False else 0


if __name__ == "__main__":
    raise SystemExit(main())
