from enum import StrEnum


class ReportFileFormat(StrEnum):
    CSV = "csv"
    TSV = "tsv"

    def __str__(self) -> str:
        return str(self.value)
