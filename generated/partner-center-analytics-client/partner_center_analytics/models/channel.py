from enum import StrEnum


class Channel(StrEnum):
    ADVISOR = "advisor"
    DIRECT = "direct"
    RESELLER = "reseller"

    def __str__(self) -> str:
        return str(self.value)
