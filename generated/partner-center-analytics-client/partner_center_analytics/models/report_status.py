from enum import StrEnum


class ReportStatus(StrEnum):
    ACTIVE = "Active"
    INACTIVE = "Inactive"
    PAUSED = "Paused"

    def __str__(self) -> str:
        return str(self.value)
