from enum import StrEnum


class ReportQueryType(StrEnum):
    SYSTEM = "system"
    USERDEFINED = "userDefined"

    def __str__(self) -> str:
        return str(self.value)
