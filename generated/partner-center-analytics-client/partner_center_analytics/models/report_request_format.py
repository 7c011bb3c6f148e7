from enum import StrEnum


class ReportRequestFormat(StrEnum):
    CSV = "CSV"
    TSV = "TSV"

    def __str__(self) -> str:
        return str(self.value)
