"""The fields each operation's ``groupby`` accepts, read from the spec's pattern for the generated package.

The spec states them once, as the pattern of the ``groupby`` parameter, ``^(a|b|c)(,(a|b|c))*$`` (its
``filter`` takes the same fields, the spec says). Codegen renders them into the package's ``query_fields``
module with ``overrides/templates/query_fields.py.jinja``, so the emulator and the CLI import the spec's
lists instead of keeping copies. A ``groupby`` whose pattern is not such a list fails ``make generate``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from openapi_python_client.strings import snake_case

from tools.specdoc import operations, resolve_ref

MODULE = "query_fields.py"
TEMPLATE = "query_fields.py.jinja"
PARAMETER = "groupby"
_NAME = r"[A-Za-z][A-Za-z0-9]{0,99}"
# ^(a|b)(,(a|b))*$, the same alternatives twice: a comma-separated list of the names, each any number of times.
_LIST = re.compile(rf"\^\((?P<names>{_NAME}(?:\|{_NAME})*)\)\(,\((?P=names)\)\)\*\$")


class QueryFieldsError(Exception):
    """A ``groupby`` parameter whose pattern does not list its fields as codegen can read them."""


def fields_of(where: str, pattern: Any) -> tuple[str, ...]:
    """The names a ``groupby`` pattern allows, in the spec's order."""
    found = _LIST.fullmatch(pattern) if isinstance(pattern, str) else None
    if found is None:
        raise QueryFieldsError(
            f"{where}: the {PARAMETER} pattern must list its fields as ^(a|b)(,(a|b))*$, the same names twice"
            f" ({pattern!r})"
        )
    names = tuple(found["names"].split("|"))
    if len(set(names)) != len(names):
        raise QueryFieldsError(f"{where}: the {PARAMETER} pattern names a field twice ({pattern!r})")
    return names


def query_fields(spec: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Each operation's ``groupby`` fields, keyed by the constant that holds them: the operation's module name
    (the generator's snake case of its ``operationId``), upper case, then ``_FIELDS``."""
    found = {}
    for path, method, item, operation in operations(spec):
        where = f"{method.upper()} {path}"
        for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
            resolved = resolve_ref(spec, parameter)
            if resolved.get("in") == "query" and resolved.get("name") == PARAMETER:
                schema = resolve_ref(spec, resolved.get("schema", {}))
                name = f"{snake_case(operation['operationId']).upper()}_FIELDS"
                found[name] = fields_of(where, schema.get("pattern"))
    return dict(sorted(found.items()))


def render(spec: Mapping[str, Any], templates: Path) -> str:
    """The ``query_fields`` module's source, from its template in ``templates``."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Python source, of names the pattern check allows
    )
    return environment.get_template(TEMPLATE).render(fields=query_fields(spec))
