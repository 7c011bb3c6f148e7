from enum import StrEnum


class ReportExecutionStatus(StrEnum):
    COMPLETED = "Completed"
    PAUSED = "Paused"
    PENDING = "Pending"
    RUNNING = "Running"

    def __str__(self) -> str:
        return str(self.value)
