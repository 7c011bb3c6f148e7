"""The types operations and models share: ``Response`` and the ``UNSET`` marker of an absent optional value."""

from collections.abc import MutableMapping
from http import HTTPStatus
from typing import Generic, Literal, TypeVar

from attrs import define

from ._ids import CORRELATION_ID, REQUEST_ID


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint: the status, the headers, the raw body and the parsed body.

    ``parsed`` is the success model, the ``Error`` model for a documented error status whose body
    parses, else None.
    """

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None

    @property
    def request_id(self) -> str | None:
        """The ``MS-RequestId`` the server sent back: quote it to Partner Center support."""
        return self.headers.get(REQUEST_ID)

    @property
    def correlation_id(self) -> str | None:
        """The ``MS-CorrelationId`` the server sent back: ties this call to the others of its client."""
        return self.headers.get(CORRELATION_ID)


__all__ = ["UNSET", "Response", "Unset"]
