from enum import StrEnum


class ReportUpdateFormat(StrEnum):
    CSV = "CSV"
    TSV = "TSV"

    def __str__(self) -> str:
        return str(self.value)
