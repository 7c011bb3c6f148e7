from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._keys import lenient_keys, spellings
from .._types import UNSET, Unset

T = TypeVar("T", bound="ReportDataset")


@_attrs_define
class ReportDataset:
    """A dataset a report query can read (`FROM`).

    Attributes:
        dataset_name (str): The dataset's name, for example `OfficeUsage`.
        selectable_columns (list[str] | Unset): The raw columns a query may select, filter and sort on.
        available_metrics (list[str] | Unset): The metrics (aggregates over the selected columns) a query may select.
        available_date_ranges (list[str] | Unset): The TIMESPAN values a query on it accepts, for example `LAST_MONTH`.
        minimum_recurrence_interval (int | Unset): The smallest `RecurrenceInterval`, in hours, a report on it may use.
    """

    dataset_name: str
    selectable_columns: list[str] | Unset = UNSET
    available_metrics: list[str] | Unset = UNSET
    available_date_ranges: list[str] | Unset = UNSET
    minimum_recurrence_interval: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_name = self.dataset_name

        selectable_columns: list[str] | Unset = UNSET
        if not isinstance(self.selectable_columns, Unset):
            selectable_columns = self.selectable_columns

        available_metrics: list[str] | Unset = UNSET
        if not isinstance(self.available_metrics, Unset):
            available_metrics = self.available_metrics

        available_date_ranges: list[str] | Unset = UNSET
        if not isinstance(self.available_date_ranges, Unset):
            available_date_ranges = self.available_date_ranges

        minimum_recurrence_interval = self.minimum_recurrence_interval

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "datasetName": dataset_name,
            }
        )
        if selectable_columns is not UNSET:
            field_dict["selectableColumns"] = selectable_columns
        if available_metrics is not UNSET:
            field_dict["availableMetrics"] = available_metrics
        if available_date_ranges is not UNSET:
            field_dict["availableDateRanges"] = available_date_ranges
        if minimum_recurrence_interval is not UNSET:
            field_dict["minimumRecurrenceInterval"] = minimum_recurrence_interval

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Keys are read leniently (``x-pcinsights-keys``): ``"Value"`` or ``" value "`` is read as ``value`` when
        ``src_dict`` has no ``value`` itself. Unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("ReportDataset", "an object", src_dict)
        src_dict = lenient_keys(src_dict, _KNOWN_KEYS, _SPELLINGS)
        dataset_name: Any = src_dict["datasetName"]
        if type(dataset_name) is not str and not isinstance(dataset_name, str):
            raise wrong_type("datasetName", "a string", dataset_name)

        selectable_columns: Any = src_dict.get("selectableColumns", UNSET)
        if selectable_columns is not UNSET:
            if type(selectable_columns) is not list:
                raise wrong_type("selectableColumns", "an array", selectable_columns)
            selectable_columns_list: list[Any] = []
            for selectable_columns_item in selectable_columns:
                if not isinstance(selectable_columns_item, str):
                    raise wrong_type("selectableColumns", "a string", selectable_columns_item)

                selectable_columns_list.append(selectable_columns_item)
            selectable_columns = selectable_columns_list

        available_metrics: Any = src_dict.get("availableMetrics", UNSET)
        if available_metrics is not UNSET:
            if type(available_metrics) is not list:
                raise wrong_type("availableMetrics", "an array", available_metrics)
            available_metrics_list: list[Any] = []
            for available_metrics_item in available_metrics:
                if not isinstance(available_metrics_item, str):
                    raise wrong_type("availableMetrics", "a string", available_metrics_item)

                available_metrics_list.append(available_metrics_item)
            available_metrics = available_metrics_list

        available_date_ranges: Any = src_dict.get("availableDateRanges", UNSET)
        if available_date_ranges is not UNSET:
            if type(available_date_ranges) is not list:
                raise wrong_type("availableDateRanges", "an array", available_date_ranges)
            available_date_ranges_list: list[Any] = []
            for available_date_ranges_item in available_date_ranges:
                if not isinstance(available_date_ranges_item, str):
                    raise wrong_type("availableDateRanges", "a string", available_date_ranges_item)

                available_date_ranges_list.append(available_date_ranges_item)
            available_date_ranges = available_date_ranges_list

        minimum_recurrence_interval: Any = src_dict.get("minimumRecurrenceInterval", UNSET)
        if type(minimum_recurrence_interval) is not int and minimum_recurrence_interval is not UNSET:
            raise wrong_type("minimumRecurrenceInterval", "an integer", minimum_recurrence_interval)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        report_dataset = object.__new__(cls)
        report_dataset.dataset_name = dataset_name
        report_dataset.selectable_columns = selectable_columns
        report_dataset.available_metrics = available_metrics
        report_dataset.available_date_ranges = available_date_ranges
        report_dataset.minimum_recurrence_interval = minimum_recurrence_interval
        if src_dict.keys() <= _KNOWN_KEYS:
            report_dataset.additional_properties = {}
        else:
            note_unknown_fields("ReportDataset", src_dict.keys() - _KNOWN_KEYS)
            report_dataset.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return report_dataset

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
        "datasetName",
        "selectableColumns",
        "availableMetrics",
        "availableDateRanges",
        "minimumRecurrenceInterval",
    }
)
_SPELLINGS = spellings(_KNOWN_KEYS)
