"""The typed rows of the reports API's datasets, read from the spec's ``x-pcinsights-report-rows`` for the package.

The spec maps each dataset with typed rows to its row schema at the document's root (``x-pcinsights-report-rows:
{OfficeUsage: {$ref: '#/components/schemas/OfficeUsageRow'}}``); a property marked ``x-pcinsights-metric: true``
is a metric, every other one a column. Codegen renders the package's ``report_rows`` module with
``overrides/templates/report_rows.py.jinja``: per dataset its row model, column names, metric names and each
one's JSON type, so the report reader turns a file's cells into models without a copy of the schema. The row
models are reached through that module, so codegen keeps them though no operation returns one. A row schema
the reader could not fill (a required property, a cell that is no JSON scalar) fails ``make generate``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import jinja2
from openapi_python_client.strings import ClassName, PythonIdentifier, snake_case

from tools.specdoc import resolve_ref

MODULE = "report_rows.py"
TEMPLATE = "report_rows.py.jinja"
EXTENSION = "x-pcinsights-report-rows"
METRIC = "x-pcinsights-metric"
SCALARS = ("string", "integer", "number", "boolean")  # what a CSV cell can be read as
_DATASET = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,99}")
_REF = re.compile(r"#/components/schemas/(?P<name>[A-Za-z][A-Za-z0-9_.-]{0,99})")
_PREFIX = "field_"  # the generator's default field_prefix (overrides/config.yaml keeps it)


class ReportRowsError(Exception):
    """An ``x-pcinsights-report-rows`` entry that no generated reader could fill."""


@attrs.frozen
class Dataset:
    """One dataset's typed rows, as the template writes them."""

    name: str
    constant: str  # the module-level name of its ReportRowSchema
    model: str  # the row model's class
    module: str  # the row model's module in models/
    columns: tuple[str, ...]
    metrics: tuple[str, ...]
    types: tuple[tuple[str, str], ...]  # (property, JSON type) in the schema's order
    nullable: tuple[str, ...]  # the properties that may be null (an empty cell), in the schema's order


def _dataset(spec: Mapping[str, Any], name: Any, entry: Any) -> Dataset:
    if not isinstance(name, str) or _DATASET.fullmatch(name) is None:
        raise ReportRowsError(f"{EXTENSION}: dataset names are letters, digits and _ ({name!r})")
    where = f"{EXTENSION}.{name}"
    ref = entry.get("$ref") if isinstance(entry, Mapping) else None
    found = _REF.fullmatch(ref) if isinstance(ref, str) and len(entry) == 1 else None
    schemas = (spec.get("components") or {}).get("schemas") or {}
    if found is None or found["name"] not in schemas:
        raise ReportRowsError(f"{where} must be a $ref to a component schema ({entry!r})")
    schema = resolve_ref(spec, entry)
    properties = schema.get("properties") if isinstance(schema, Mapping) else None
    if not properties or schema.get("type", "object") != "object" or "allOf" in schema:
        raise ReportRowsError(f"{where}: {found['name']} must be an object schema with properties (no allOf)")
    if schema.get("required"):
        raise ReportRowsError(
            f"{where}: {found['name']} requires {', '.join(schema['required'])}; a report file holds only the"
            " selected columns, so every row property must be optional"
        )
    columns: list[str] = []
    metrics: list[str] = []
    types: list[tuple[str, str]] = []
    nullable: list[str] = []
    for prop, node in properties.items():
        resolved = resolve_ref(spec, node)
        kind = resolved.get("type") if isinstance(resolved, Mapping) else None
        if kind not in SCALARS:
            raise ReportRowsError(f"{where}: {found['name']}.{prop} must be one of {', '.join(SCALARS)} ({kind!r})")
        metric = node.get(METRIC, resolved.get(METRIC, False))
        if not isinstance(metric, bool):
            raise ReportRowsError(f"{where}: {found['name']}.{prop}: {METRIC} must be true or false ({metric!r})")
        (metrics if metric else columns).append(prop)
        types.append((prop, kind))
        if resolved.get("nullable") is True or node.get("nullable") is True:
            nullable.append(prop)
    model = ClassName(found["name"], _PREFIX)
    return Dataset(
        name=name,
        constant=snake_case(name).upper(),
        model=str(model),
        module=str(PythonIdentifier(model, _PREFIX)),
        columns=tuple(columns),
        metrics=tuple(metrics),
        types=tuple(types),
        nullable=tuple(nullable),
    )


def report_rows(spec: Mapping[str, Any]) -> list[Dataset]:
    """Every dataset with typed rows, in the spec's order."""
    mapping = spec.get(EXTENSION) or {}
    if not isinstance(mapping, Mapping):
        raise ReportRowsError(f"{EXTENSION} must map dataset names to row schemas")
    datasets = [_dataset(spec, name, entry) for name, entry in mapping.items()]
    seen: dict[str, str] = {}
    for dataset in datasets:
        for key in (dataset.constant, dataset.name.lower()):
            other = seen.setdefault(key, dataset.name)
            if other != dataset.name:
                raise ReportRowsError(f"{EXTENSION}: datasets {other!r} and {dataset.name!r} read as one ({key})")
    return datasets


def render(spec: Mapping[str, Any], templates: Path) -> str:
    """The ``report_rows`` module's source, from its template in ``templates``."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Python source, of names the checks above allow; property names go through tojson
    )
    return environment.get_template(TEMPLATE).render(datasets=report_rows(spec))
