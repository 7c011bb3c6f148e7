from enum import StrEnum


class ListCustomersSeekOperation(StrEnum):
    NEXT = "Next"

    def __str__(self) -> str:
        return str(self.value)
