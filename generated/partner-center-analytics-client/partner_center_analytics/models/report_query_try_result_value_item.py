from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import (
    wrong_type,
)

T = TypeVar("T", bound="ReportQueryTryResultValueItem")


@_attrs_define
class ReportQueryTryResultValueItem:
    """One row: each selected column or metric, keyed by its name as the dataset spells it (not as the query wrote it),
    with its value as Partner Center sends it (numbers may come as numbers or strings). Its keys are data, not read
    leniently. For a license dataset, the row schema in `x-pcinsights-report-rows` gives the types.

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        A free-form object: every key goes to ``additional_properties``, none is reported as unknown.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("ReportQueryTryResultValueItem", "an object", src_dict)
        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        report_query_try_result_value_item = object.__new__(cls)
        report_query_try_result_value_item.additional_properties = dict(src_dict)
        return report_query_try_result_value_item

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
