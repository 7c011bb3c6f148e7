"""Any success body the spec allows, plus unknown fields at every level, parses through every operation (sync and
async, over real httpx responses from a mock transport) and comes back unchanged from ``to_dict()``.

The bodies come from the spec's own schemas: each operation's 200 schema is turned into JSON Schema here and bodies are
drawn from it (leaf values by hypothesis-jsonschema) with unknown fields added to every object, so that each model's
``additional_properties`` must equal exactly the fields its schema does not define.

What the round trip is allowed to change (both sides go through ``canonical``; nothing else is normalised):
- ``format: date-time`` values compare as instants at microsecond resolution. The model holds a ``datetime.datetime``,
  whose ``isoformat()`` spells the same instant differently (``Z``/``z``/``-00:00`` become ``+00:00``, a lower-case
  ``t`` becomes ``T``, fractions get 0 or 6 digits) and whose resolution is a microsecond: digits after the sixth
  (Partner Center sends seven) are truncated, as the client's parser documents.
- ``format: uuid`` values compare as the 128-bit number: the model holds a ``uuid.UUID``, which writes lower case.
- A ``number`` field sent as ``1`` comes back as ``1.0`` (the model holds a float); they compare equal. Everywhere
  else a value keeps its JSON type: an integer does not come back as ``1.0``, nor ``true`` as ``1``.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import re
import warnings
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol
from uuid import UUID

import attrs
import httpx
import partner_center_analytics.models
import pytest
import yaml
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning
from hypothesis_jsonschema import from_schema
from jsonschema_rs import Draft202012Validator
from partner_center_analytics import AuthenticatedClient

from tests._support import MODES, SPEC_PATH, call, opened, operation_modules

Schema = dict[str, Any]

SPEC: Schema = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
BOM = b"\xef\xbb\xbf"
JSON_UTF8 = "application/json; charset=utf-8"

# deadline=None: an example's time is mostly drawing a nested body, which varies with its size, and timing is not
# what is tested. No explain phase: it doubles the time a failure takes, for a line list the shrunk body makes moot.
# No health check needs suppressing.
PROPERTY_SETTINGS = settings(
    max_examples=50, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink]
)


# --- OpenAPI 3.0 schema -> JSON Schema --------------------------------------------------------------------------

# The x-pcinsights marks say how the client types a string, reads a key or names a metric; they admit the same JSON
# values, so they are annotations here (the bodies drawn spell every key as declared).
_ANNOTATIONS = frozenset(
    {"description", "example", "title", "default", "externalDocs", "deprecated", "readOnly"}
    | {"x-pcinsights-decode", "x-pcinsights-keys", "x-pcinsights-metric"}
)
_KEYWORDS = frozenset(
    {"type", "properties", "required", "items", "enum", "minimum", "maximum", "minLength", "maxLength", "pattern"}
    | {"minItems", "maxItems", "additionalProperties", "anyOf", "oneOf", "allOf", "nullable", "format", "$ref"}
)
# Where a schema carries x-pcinsights-keys: lenient, its converted object carries this, so the strategies and checks
# know which spellings of a declared key the client reads as that key (they are no unknown fields there).
LENIENT = "x-lenient"
# Kept because they constrain the value and the client converts them; int32/int64/float/double only restate the type.
_FORMATS = frozenset({"date-time", "uuid"})


def to_json_schema(node: Schema) -> Schema:
    """The JSON Schema equivalent of an OpenAPI 3.0 schema: refs inlined, allOf merged, nullable made a null branch.

    A keyword this converter does not know fails loudly, so a spec change never silently weakens the generator.
    """
    unknown = node.keys() - _KEYWORDS - _ANNOTATIONS
    if unknown:
        raise ValueError(f"schema keywords not handled here: {sorted(unknown)}")
    if "$ref" in node:
        prefix = "#/components/schemas/"
        assert node["$ref"].startswith(prefix), node["$ref"]
        return to_json_schema(SPEC["components"]["schemas"][node["$ref"].removeprefix(prefix)])
    out: Schema = {}
    for key, value in node.items():
        if key == "properties":
            out[key] = {name: to_json_schema(sub) for name, sub in value.items()}
        elif key == "items" or (key == "additionalProperties" and isinstance(value, dict)):
            out[key] = to_json_schema(value)
        elif key in ("anyOf", "oneOf"):
            out[key] = [to_json_schema(sub) for sub in value]
        elif key == "allOf":
            out.update(_merge_objects([to_json_schema(sub) for sub in value]))
        elif key == "format":
            if value in _FORMATS:
                out[key] = value
        elif key not in _ANNOTATIONS and key != "nullable":
            out[key] = value
    if node.get("x-pcinsights-keys") == "lenient":
        out[LENIENT] = True
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


def _merge_objects(parts: list[Schema]) -> Schema:
    """allOf over object schemas as one object schema, whose ``properties`` then list every known field."""
    merged: Schema = {"type": "object", "properties": {}, "required": []}
    for part in parts:
        assert part.get("type") == "object" and part.keys() <= {"type", "properties", "required", LENIENT}, part
        clash = merged["properties"].keys() & part.get("properties", {}).keys()
        assert not clash, f"allOf parts both define {clash}"
        merged["properties"].update(part.get("properties", {}))
        merged["required"] += [name for name in part.get("required", []) if name not in merged["required"]]
        if part.get(LENIENT):
            merged[LENIENT] = True
    if not merged["required"]:
        del merged["required"]
    return merged


# --- Walking a JSON value alongside its schema -------------------------------------------------------------------

_JSON_TYPES: dict[type, str] = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}


def branch(schema: Schema, value: Any) -> Schema:
    """The part of ``schema`` that describes ``value``: through anyOf/oneOf, the first branch of its JSON type."""
    choices = schema.get("anyOf") or schema.get("oneOf")
    if choices is None:
        return schema
    kind = _JSON_TYPES[type(value)]
    for choice in choices:
        declared = choice.get("type")
        if declared in (None, kind) or (declared == "number" and kind == "integer"):
            return branch(choice, value)
    raise AssertionError(f"no branch of {schema} takes {kind}")


def known_keys(schema: Schema) -> frozenset[str]:
    return frozenset(schema.get("properties", {}))


def reads_as(name: str) -> str:
    """The declared key a lenient schema reads ``name`` as: surrounding whitespace stripped, first letter lowered."""
    stripped = name.strip()
    return stripped[:1].lower() + stripped[1:]


def is_unknown(schema: Schema, name: str) -> bool:
    """Whether the client must keep ``name`` as an unknown field of an object of ``schema``."""
    known = known_keys(schema)
    return name not in known and not (schema.get(LENIENT) and reads_as(name) in known)


_RFC3339 = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:([Zz])|([+-])(\d\d):(\d\d))", re.ASCII
)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", re.ASCII)


def instant(text: str) -> int:
    """Microseconds since 0001-01-01T00:00Z; parsed here rather than with the client's parser so that a parsing bug
    there cannot cancel itself out. Fraction digits after the sixth are truncated (see the module docstring)."""
    match = _RFC3339.fullmatch(text)
    assert match is not None, f"not an RFC 3339 date-time: {text!r}"
    year, month, day, hour, minute, second = (int(part) for part in match.group(1, 2, 3, 4, 5, 6))
    micros = int(((match[7] or "") + "000000")[:6])
    offset = 0 if match[8] else (1 if match[9] == "+" else -1) * (int(match[10]) * 60 + int(match[11])) * 60
    seconds = (datetime.date(year, month, day).toordinal() - 1) * 86_400 + hour * 3600 + minute * 60 + second - offset
    return seconds * 1_000_000 + micros


def canonical(schema: Schema, value: Any) -> Any:
    """``value`` with date-times as instants, UUIDs as numbers and every number or boolean tagged with its JSON type
    (so that ``1``, ``1.0`` and ``true`` stay apart); an integer in a ``number`` field counts as that float."""
    schema = branch(schema, value)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return {key: canonical(properties.get(key, {}), sub) for key, sub in value.items()}
    if isinstance(value, list):
        return [canonical(schema.get("items", {}), sub) for sub in value]
    if isinstance(value, str) and schema.get("format") == "date-time":
        return instant(value)
    if isinstance(value, str) and schema.get("format") == "uuid":
        assert _UUID.fullmatch(value), f"not a hyphenated UUID: {value!r}"
        return int(value.replace("-", ""), 16)
    if type(value) is int and schema.get("type") == "number":
        return ("number", float(value))
    if isinstance(value, bool | int | float):
        return (_JSON_TYPES[type(value)], value)
    return value


class Model(Protocol):
    """What every generated model offers."""

    additional_properties: dict[str, Any]

    def to_dict(self) -> dict[str, Any]: ...


def attribute(model: Any, key: str) -> Any:
    """The model attribute holding JSON field ``key`` (snake case, with the generator's ``_`` after reserved names)."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()
    names = [name for name in (snake, f"{snake}_") if name in attrs.fields_dict(type(model))]
    assert len(names) == 1, f"{type(model).__name__} has no single attribute for {key!r}: {names}"
    return getattr(model, names[0])


def assert_unknown_fields_kept(schema: Schema, body: Any, parsed: Any, where: str = "$") -> None:
    """At every object of ``body``, the parsed model's ``additional_properties`` are exactly its unknown fields."""
    schema = branch(schema, body)
    if isinstance(body, dict):
        known = known_keys(schema)
        unknown = {key: value for key, value in body.items() if is_unknown(schema, key)}
        assert canonical({}, parsed.additional_properties) == canonical({}, unknown), where
        for key, value in body.items():
            if key in known and isinstance(value, dict | list):
                assert_unknown_fields_kept(schema["properties"][key], value, attribute(parsed, key), f"{where}.{key}")
    elif isinstance(body, list):
        assert isinstance(parsed, list) and len(parsed) == len(body), where
        for index, (value, model) in enumerate(zip(body, parsed, strict=True)):
            assert_unknown_fields_kept(schema["items"], value, model, f"{where}[{index}]")


# --- Strategies ---------------------------------------------------------------------------------------------------

# Any Unicode scalar value (surrogates cannot be encoded to UTF-8 and are never drawn).
TEXT = st.text(st.characters(codec="utf-8"), max_size=12)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


_OFFSETS = st.sampled_from(["Z", "z"]) | st.builds(
    "{}{:02}:{:02}".format, st.sampled_from("+-"), st.integers(0, 23), st.integers(0, 59)
)
# RFC 3339 date-times in the spellings the spec says occur: Z or an offset, 0 to 7 (here up to 9) fractional digits;
# also the lower-case t and z that RFC 3339 allows. No leap second (23:59:60): RFC 3339 allows one, but a
# datetime.datetime cannot hold it, so the client rejects it as off-spec (a known, reported limitation).
RFC3339_DATE_TIMES = st.builds(
    "{}{}{:02}:{:02}:{:02}{}{}".format,
    st.dates().map(datetime.date.isoformat),
    st.sampled_from("Tt"),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 59),
    st.just("") | st.from_regex(r"\.[0-9]{1,9}", fullmatch=True),
    _OFFSETS,
)
UUIDS = st.builds(lambda value, upper: str(value).upper() if upper else str(value), st.uuids(), st.booleans())


def body_strategy(schema: Schema) -> st.SearchStrategy[Any]:
    """Values of ``schema`` with unknown fields added to every object (always at least one at the top).

    Objects, arrays and branches are built here and only the leaves come from hypothesis-jsonschema: its object
    strategy fails with hypothesis 6.170 (``AttributeError: 'many' object has no attribute 'more'``).
    The stock date-time format only spells 0 or 6 fractional digits and upper case, so it is replaced;
    hypothesis-jsonschema warns about exactly that, and still checks every value against the format.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Overriding standard format 'date-time'", HypothesisWarning)
        return _structure(schema, top=True)


def _structure(schema: Schema, *, top: bool = False) -> st.SearchStrategy[Any]:
    choices = schema.get("anyOf") or schema.get("oneOf")
    if choices is not None:
        return st.one_of([_structure(choice, top=top) for choice in choices])
    if schema.get("type") == "object":
        fields = {name: _structure(sub) for name, sub in schema.get("properties", {}).items()}
        required = set(schema.get("required", []))
        declared = st.fixed_dictionaries(
            {name: sub for name, sub in fields.items() if name in required},
            optional={name: sub for name, sub in fields.items() if name not in required},
        )
        unknown = st.dictionaries(unknown_names(schema), JSON_VALUES, min_size=int(top), max_size=3)
        return st.tuples(declared, unknown, st.booleans()).map(_with_unknown)
    if schema.get("type") == "array":
        items = _structure(schema.get("items", {}))
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=schema.get("maxItems"))
    return from_schema(schema, custom_formats={"date-time": RFC3339_DATE_TIMES, "uuid": UUIDS}, codec="utf-8")


def _with_unknown(parts: tuple[dict[str, Any], dict[str, Any], bool]) -> dict[str, Any]:
    declared, unknown, unknown_first = parts
    return {**unknown, **declared} if unknown_first else {**declared, **unknown}


def unknown_names(schema: Schema) -> st.SearchStrategy[str]:
    """Field names the schema does not define, near misses (a known name in another case) among them."""
    near_misses = [variant for name in sorted(known_keys(schema)) for variant in (name.upper(), name.capitalize())]
    names = TEXT | st.sampled_from(near_misses) if near_misses else TEXT
    return names.filter(lambda name: is_unknown(schema, name))


@dataclass(frozen=True)
class Operation:
    operation_id: str
    module: ModuleType

    @property
    def path(self) -> str:
        return self._find()[0]

    @property
    def success(self) -> Schema:
        """The OpenAPI schema of the 200 response (a $ref to a component)."""
        schema: Schema = self._find()[1]["responses"]["200"]["content"]["application/json"]["schema"]
        return schema

    @property
    def model_name(self) -> str:
        return str(self.success["$ref"]).rsplit("/", 1)[1]

    @property
    def body(self) -> Model | None:
        """The spec's example request body as its model (the bodies' own round trip: test_client_request_bodies)."""
        request_body = self._find()[1].get("requestBody")
        if request_body is None:
            return None
        content = request_body["content"]["application/json"]
        model = getattr(partner_center_analytics.models, str(content["schema"]["$ref"]).rsplit("/", 1)[1])
        return model.from_dict(content["example"])  # type: ignore[no-any-return]

    def _find(self) -> tuple[str, Schema]:
        for path, item in SPEC["paths"].items():
            for operation in item.values():
                if isinstance(operation, dict) and operation.get("operationId") == self.operation_id:
                    return path, operation
        raise LookupError(self.operation_id)


_PATH_PARAMETER = re.compile(r"\{[^}]+\}")


OPERATIONS = [Operation(operation_id, module) for operation_id, module in operation_modules().items()]
SCHEMAS = {operation.operation_id: to_json_schema(operation.success) for operation in OPERATIONS}
BODIES = {operation.operation_id: body_strategy(SCHEMAS[operation.operation_id]) for operation in OPERATIONS}
# A second, independent JSON Schema implementation checks that the generator stays inside the spec.
VALIDATORS = {name: Draft202012Validator(schema, validate_formats=True) for name, schema in SCHEMAS.items()}


def test_every_operation_of_the_spec_has_a_property_test() -> None:
    in_spec = {op["operationId"] for item in SPEC["paths"].values() for op in item.values() if isinstance(op, dict)}
    assert in_spec == {operation.operation_id for operation in OPERATIONS}
    for operation in OPERATIONS:  # what the property tests call
        assert {"sync", "sync_detailed", "asyncio", "asyncio_detailed"} <= set(dir(operation.module))


def mock_client(content: bytes, seen: list[httpx.Request]) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"Content-Type": JSON_UTF8}, content=content)

    return AuthenticatedClient(
        base_url="https://pc.test", token="t", httpx_args={"transport": httpx.MockTransport(handler)}
    )


def call_operation(operation: Operation, mode: str, client: AuthenticatedClient, customer_id: UUID) -> Model:
    """The operation's public ``sync()``, or its ``asyncio()`` on a fresh event loop (so each example stands alone).

    Every path parameter is an id (a customer's, a query's or a report's): each gets ``customer_id``.
    """
    path_values = _PATH_PARAMETER.findall(operation.path)
    args = tuple(customer_id if name == "{customer-id}" else str(customer_id) for name in path_values)
    body = operation.body
    kwargs: dict[str, Any] = {} if body is None else {"body": body}

    async def once() -> Model:
        async with opened(mode, client):
            result: Model = await call(mode, operation.module, *args, client=client, **kwargs)
        return result

    return asyncio.run(once())


@pytest.mark.parametrize("mode", MODES)  # explicit: hypothesis refuses function-scoped fixtures
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.operation_id)
@PROPERTY_SETTINGS
@given(data=st.data(), customer_id=st.uuids(), bom=st.booleans(), ascii_only=st.booleans())
def test_any_allowed_body_round_trips(
    operation: Operation, mode: str, data: st.DataObject, customer_id: UUID, bom: bool, ascii_only: bool
) -> None:
    schema = SCHEMAS[operation.operation_id]
    body = data.draw(BODIES[operation.operation_id], label="body")
    VALIDATORS[operation.operation_id].validate(body)
    content = (BOM if bom else b"") + json.dumps(body, ensure_ascii=ascii_only).encode("utf-8")
    seen: list[httpx.Request] = []

    result = call_operation(operation, mode, mock_client(content, seen), customer_id)

    assert [request.url.path for request in seen] == [_PATH_PARAMETER.sub(str(customer_id), operation.path)]
    assert type(result).__name__ == operation.model_name
    assert isinstance(result, getattr(partner_center_analytics.models, operation.model_name))
    assert_unknown_fields_kept(schema, body, result)
    round_trip = result.to_dict()
    assert json.loads(json.dumps(round_trip, allow_nan=False)) == round_trip  # a plain JSON value, nothing else
    assert canonical(schema, round_trip) == canonical(schema, body)


def test_canonical_form_forgives_only_spelling() -> None:
    """A different instant, UUID or JSON type still compares unequal; unknown fields are not normalised."""
    schema = to_json_schema({"$ref": "#/components/schemas/Customer"})
    dated = {"type": "string", "format": "date-time"}
    assert instant("2017-03-14t03:25:16.1234567z") == instant("2017-03-14T04:25:16.123456+01:00")
    assert instant("0001-01-01T00:00:00-00:00") == 0
    assert instant("2017-03-14T03:25:16Z") != instant("2017-03-14T03:25:16+00:01")
    assert canonical(dated, "2017-03-14T03:25:16.000001Z") != canonical(dated, "2017-03-14T03:25:16Z")
    upper = {"id": "4D3CF487-70F4-4E1E-9FF1-B2BFCE8D9F04"}
    assert canonical(schema, upper) == canonical(schema, {"id": "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04"})
    assert canonical(schema, upper) != canonical(schema, {"id": "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f05"})
    assert canonical(schema, {**upper, "x": "2017-03-14T03:25:16Z"}) != canonical(
        schema, {**upper, "x": "2017-03-14T03:25:16+00:00"}
    )
    percent = {"type": "number"}
    assert canonical(percent, 1) == canonical(percent, 1.0)
    assert canonical({"type": "integer"}, 1) != canonical({"type": "integer"}, 1.0)
    assert canonical({}, [1, True, 0, False]) != canonical({}, [1.0, 1, False, 0])


def test_converted_schema_is_faithful_to_the_spec() -> None:
    """Spot checks of the conversion the generator rests on: refs, allOf, nullable and the open enums."""
    item = to_json_schema({"$ref": "#/components/schemas/CustomerLicensesUsageInsightsCollection"})
    assert item["required"] == ["totalCount", "items"]
    row = item["properties"]["items"]["items"]
    assert {"processedDateTime", "customerName", "workloadCode", "licensesActive"} <= row["properties"].keys()
    assert row["properties"]["processedDateTime"] == {
        "anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]
    }
    assert row["properties"]["licensesActive"] == {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}]}
    service = row["properties"]["serviceName"]["anyOf"]
    assert service[0] == {"type": "string", "enum": ["o365", "crm"]}
    assert service[1] == {"anyOf": [{"type": "string"}, {"type": "null"}]}
