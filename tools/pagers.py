"""The spec's ``x-pcinsights-pager`` extensions, checked and handed to the endpoint templates.

openapi-python-client 0.29.1 gives a template no operation's vendor extensions: its ``Endpoint`` keeps the
parsed parameters and responses but not the operation, and the ``openapi`` global holds the parsed models, not
the document. So codegen reads the extensions here and writes them as a Jinja template of data
(``{% set pagers = {...} %}``) beside the custom templates; ``endpoint_module.py.jinja`` imports it and looks its
operation up by method and path. Everything a pager needs is checked against the operation first, so a typo
in the spec fails ``make generate`` instead of generating a pager that cannot work.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from tools.specdoc import object_view, operations, resolve_ref

EXTENSION = "x-pcinsights-pager"
TEMPLATE = "spec_extensions.jinja"
_KEYS = frozenset({"items", "next-link", "continuation-token", "continuation-header", "continuation-query"})
# Names that are safe as JSON-and-Jinja string literals, without escapes.
_NAME = re.compile(r"[A-Za-z0-9@$_.-]{1,100}")


class PagerError(Exception):
    """An ``x-pcinsights-pager`` extension that no generated pager could follow."""


def _name(where: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or _NAME.fullmatch(value) is None:
        raise PagerError(f"{where}: {EXTENSION}.{key} must be a name of letters, digits and @$_.- ({value!r})")
    return value


def _parameters(
    spec: Mapping[str, Any], item: Mapping[str, Any], operation: Mapping[str, Any]
) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {}
    for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
        resolved = resolve_ref(spec, parameter)
        found[(resolved.get("in"), resolved.get("name"))] = {
            **resolved,
            "schema": resolve_ref(spec, resolved.get("schema", {})),
        }
    return found


def _optional(where: str, parameters: dict[tuple[str, str], Any], place: str, name: str) -> Mapping[str, Any]:
    """The schema of the optional parameter the pager sets on every page after the first."""
    declared = parameters.get((place, name))
    if declared is None or declared.get("required"):
        raise PagerError(f"{where}: {EXTENSION} sends {place} {name!r}, which must be an optional parameter")
    schema: Mapping[str, Any] = declared.get("schema", {})
    return schema


def _page_schema(spec: Mapping[str, Any], where: str, operation: Mapping[str, Any]) -> dict[str, Any]:
    """The properties of the one 2xx JSON body the pager walks."""
    bodies = []
    for status, response in (operation.get("responses") or {}).items():
        if str(status).startswith("2"):
            content = resolve_ref(spec, response).get("content") or {}
            bodies += [media.get("schema") for name, media in content.items() if "json" in name]
    if len(bodies) != 1:
        raise PagerError(f"{where}: a paging operation needs exactly one 2xx JSON response, it has {len(bodies)}")
    properties, _ = object_view(spec, bodies[0])
    return properties


def pager(spec: Mapping[str, Any], where: str, item: Mapping[str, Any], operation: Mapping[str, Any]) -> dict[str, Any]:
    """One operation's extension, checked against the operation it is on."""
    extension = operation[EXTENSION]
    if not isinstance(extension, Mapping) or not extension.keys() <= _KEYS:
        raise PagerError(f"{where}: {EXTENSION} must be an object with keys among {', '.join(sorted(_KEYS))}")
    properties = _page_schema(spec, where, operation)
    items = _name(where, "items", extension.get("items"))
    if resolve_ref(spec, properties.get(items, {})).get("type") != "array":
        raise PagerError(f"{where}: {EXTENSION}.items names {items!r}, which is no array property of the page")
    kinds = [key for key in ("next-link", "continuation-token") if key in extension]
    if len(kinds) != 1:
        raise PagerError(f"{where}: {EXTENSION} needs exactly one of next-link and continuation-token")
    follow = _name(where, kinds[0], extension[kinds[0]])
    if follow not in properties:
        raise PagerError(f"{where}: {EXTENSION}.{kinds[0]} names {follow!r}, which is no property of the page")
    found: dict[str, Any] = {"items": items, kinds[0]: follow}
    parameters = _parameters(spec, item, operation)
    if kinds[0] == "next-link":
        if "continuation-header" in extension or "continuation-query" in extension:
            raise PagerError(f"{where}: a next-link pager sends no continuation header or query")
        return found
    header = _name(where, "continuation-header", extension.get("continuation-header"))
    query = extension.get("continuation-query", {})
    if not isinstance(query, Mapping):
        raise PagerError(f"{where}: {EXTENSION}.continuation-query must map query parameters to values")
    _optional(where, parameters, "header", header)
    for name, value in query.items():
        enum = _optional(where, parameters, "query", _name(where, "continuation-query", name)).get("enum")
        if _name(where, f"continuation-query.{name}", value) and enum is not None and value not in enum:
            raise PagerError(f"{where}: {EXTENSION} sends {name}={value!r}, which the parameter does not allow")
    found["continuation-header"] = header
    found["continuation-query"] = dict(query)
    return found


def pagers(spec: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Every paging operation's checked extension, keyed ``"<method> <path>"`` as the templates look it up."""
    found = {}
    for path, method, item, operation in operations(spec):
        if EXTENSION in operation:
            found[f"{method} {path}"] = pager(spec, f"{method.upper()} {path}", item, operation)
    return found


def template(spec: Mapping[str, Any]) -> str:
    """The Jinja template of data the endpoint template imports (JSON of checked names is a valid Jinja literal)."""
    data = json.dumps(pagers(spec), sort_keys=True, indent=1)
    return (
        "{# Written by tools/codegen.py from the spec's x-pcinsights-pager extensions (see tools/pagers.py). #}\n"
        f"{{% set pagers = {data} %}}\n"
    )
