"""A client library for accessing Partner Center Analytics"""

# Everything a caller touches is here; the modules with a leading underscore are implementation.
from ._client import AuthenticatedClient
from ._errors import (
    AuthenticationError,
    AuthError,
    BadRequestError,
    ConnectionFailedError,
    DeadlineExceededError,
    NotFoundError,
    PartnerCenterError,
    PermissionDeniedError,
    ReportDownloadError,
    ReportError,
    ReportFormatError,
    ReportTimeoutError,
    ServerError,
    ThrottledError,
    UnexpectedResponseError,
    UnexpectedStatus,
)
from ._filter import Filter, FilterError
from ._har import HarFileError, HarRecorder
from ._pager import TooManyPagesError
from ._report_rows import aiter_report_rows, iter_report_rows
from ._reports import arun_report, run_report
from ._retry import RetryPolicy
from ._stats import ClientStats
from ._types import UNSET, Response, Unset

__all__ = (
    "UNSET",
    "AuthError",
    "AuthenticatedClient",
    "AuthenticationError",
    "BadRequestError",
    "ClientStats",
    "ConnectionFailedError",
    "DeadlineExceededError",
    "Filter",
    "FilterError",
    "HarFileError",
    "HarRecorder",
    "NotFoundError",
    "PartnerCenterError",
    "PermissionDeniedError",
    "ReportDownloadError",
    "ReportError",
    "ReportFormatError",
    "ReportTimeoutError",
    "Response",
    "RetryPolicy",
    "ServerError",
    "ThrottledError",
    "TooManyPagesError",
    "UnexpectedResponseError",
    "UnexpectedStatus",
    "Unset",
    "aiter_report_rows",
    "arun_report",
    "iter_report_rows",
    "run_report",
)
