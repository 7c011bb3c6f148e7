from enum import StrEnum


class ReportCreateFormat(StrEnum):
    CSV = "CSV"
    TSV = "TSV"

    def __str__(self) -> str:
        return str(self.value)
