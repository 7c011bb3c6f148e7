from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="Link")


@_attrs_define
class Link:
    """A link to a related request, with the headers to send along.

    Attributes:
        uri (str | Unset): The target, relative to the base URL (Partner Center sometimes leaves out `/v1`).
        method (str | Unset): The HTTP method.
        headers (list[LinkHeader] | Unset): Headers to send with the request, such as `MS-ContinuationToken`.
    """

    uri: str | Unset = UNSET
    method: str | Unset = UNSET
    headers: list[LinkHeader] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uri = self.uri

        method = self.method

        headers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = []
            for headers_item_data in self.headers:
                headers_item = headers_item_data.to_dict()
                headers.append(headers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if uri is not UNSET:
            field_dict["uri"] = uri
        if method is not UNSET:
            field_dict["method"] = method
        if headers is not UNSET:
            field_dict["headers"] = headers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("Link", "an object", src_dict)
        uri: Any = src_dict.get("uri", UNSET)
        if type(uri) is not str and uri is not UNSET and not isinstance(uri, str):
            raise wrong_type("uri", "a string", uri)

        method: Any = src_dict.get("method", UNSET)
        if type(method) is not str and method is not UNSET and not isinstance(method, str):
            raise wrong_type("method", "a string", method)

        headers: Any = src_dict.get("headers", UNSET)
        if headers is not UNSET:
            if type(headers) is not list:
                raise wrong_type("headers", "an array", headers)
            headers = [LinkHeader.from_dict(item) for item in headers]

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        link = object.__new__(cls)
        link.uri = uri
        link.method = method
        link.headers = headers
        if src_dict.keys() <= _KNOWN_KEYS:
            link.additional_properties = {}
        else:
            note_unknown_fields("Link", src_dict.keys() - _KNOWN_KEYS)
            link.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return link

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_KNOWN_KEYS = frozenset(
    {
        "uri",
        "method",
        "headers",
    }
)

# Imported last so that models referring to each other can import each other.
from ..models.link_header import LinkHeader
