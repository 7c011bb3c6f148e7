from enum import StrEnum


class ServiceName(StrEnum):
    CRM = "crm"
    O365 = "o365"

    def __str__(self) -> str:
        return str(self.value)
