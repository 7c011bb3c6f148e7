"""A client library for accessing Partner Center Analytics"""

from .client import AuthenticatedClient, Client
from .retry import RetryPolicy

__all__ = (
    "AuthenticatedClient",
    "Client",
    "RetryPolicy",
)
