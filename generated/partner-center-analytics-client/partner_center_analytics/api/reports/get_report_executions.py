from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.report_execution_list import ReportExecutionList


def _get_kwargs(
    report_id: str,
    *,
    execution_id: str | Unset = UNSET,
    execution_status: str | Unset = "Completed",
    get_latest_execution: bool | Unset = True,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(ms_request_id, Unset):
        headers["MS-RequestId"] = str(ms_request_id)

    if not isinstance(ms_correlation_id, Unset):
        headers["MS-CorrelationId"] = str(ms_correlation_id)

    if not isinstance(x_locale, Unset):
        headers["X-Locale"] = x_locale

    params: dict[str, Any] = {}

    params["executionId"] = execution_id

    params["executionStatus"] = execution_status

    params["getLatestExecution"] = get_latest_execution

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/insights/v1/mpn/ScheduledReport/execution/{report_id}".format(
            report_id=quote(str(report_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient, response: httpx.Response) -> Error | ReportExecutionList | None:
    if response.status_code == 200:
        return parse_success(response, ReportExecutionList.from_dict, client.stats)
    if response.status_code in {400, 401, 403, 404, 429, 431, 500, 503}:
        return parse_error(response)
    if client.raise_on_unexpected_status:
        raise unexpected_status(response)
    return None


def _build_response(*, client: AuthenticatedClient, response: httpx.Response) -> Response[Error | ReportExecutionList]:
    return build_response(response, _parse_response(client=client, response=response))


def sync_detailed(
    report_id: str,
    *,
    client: AuthenticatedClient,
    execution_id: str | Unset = UNSET,
    execution_status: str | Unset = "Completed",
    get_latest_execution: bool | Unset = True,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportExecutionList]:
    """Report executions

     The executions (runs) of one or more reports, with the secure link to
    each completed run's file in `reportAccessSecureLink`. The link needs
    no bearer token and expires at `reportExpiryTime`; each read of the
    execution gives a fresh link, so read it again rather than keep one.

    By default (`executionStatus=Completed`, `getLatestExecution=true`)
    the answer is each report's latest completed execution, so before a
    report's first run completes it is a 404 "There are no executions
    that have occurred for the given filter conditions. ...", as the docs'
    note says; ask for `executionStatus=Pending` (or a list of statuses)
    to see a run that has not completed. The docs' worked example instead
    shows a `Pending` execution for the default call; this spec takes the
    note, and the example's answer is what `executionStatus=Pending`
    gives (clients tolerate both). `getLatestExecution=false` gives every
    matching execution of the last 90 days, newest first.

    No failure status is documented; `executionStatus` may carry values
    beyond the four listed, and clients must accept them.

    Args:
        report_id (str):  Example: d9548477-16d4-492a-bf9c-0cf91a9f69bf.
        execution_id (str | Unset):  Example: 906931dc-4f2f-4195-bbb2-d7295c7550d3.
        execution_status (str | Unset):  Default: 'Completed'. Example:
            Pending;Running;Paused;Completed.
        get_latest_execution (bool | Unset):  Default: True.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportExecutionList]
    """

    kwargs = _get_kwargs(
        report_id=report_id,
        execution_id=execution_id,
        execution_status=execution_status,
        get_latest_execution=get_latest_execution,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = send(client, kwargs)

    return _build_response(client=client, response=response)


def sync(
    report_id: str,
    *,
    client: AuthenticatedClient,
    execution_id: str | Unset = UNSET,
    execution_status: str | Unset = "Completed",
    get_latest_execution: bool | Unset = True,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportExecutionList:
    """Report executions

     The executions (runs) of one or more reports, with the secure link to
    each completed run's file in `reportAccessSecureLink`. The link needs
    no bearer token and expires at `reportExpiryTime`; each read of the
    execution gives a fresh link, so read it again rather than keep one.

    By default (`executionStatus=Completed`, `getLatestExecution=true`)
    the answer is each report's latest completed execution, so before a
    report's first run completes it is a 404 "There are no executions
    that have occurred for the given filter conditions. ...", as the docs'
    note says; ask for `executionStatus=Pending` (or a list of statuses)
    to see a run that has not completed. The docs' worked example instead
    shows a `Pending` execution for the default call; this spec takes the
    note, and the example's answer is what `executionStatus=Pending`
    gives (clients tolerate both). `getLatestExecution=false` gives every
    matching execution of the last 90 days, newest first.

    No failure status is documented; `executionStatus` may carry values
    beyond the four listed, and clients must accept them.

    Args:
        report_id (str):  Example: d9548477-16d4-492a-bf9c-0cf91a9f69bf.
        execution_id (str | Unset):  Example: 906931dc-4f2f-4195-bbb2-d7295c7550d3.
        execution_status (str | Unset):  Default: 'Completed'. Example:
            Pending;Running;Paused;Completed.
        get_latest_execution (bool | Unset):  Default: True.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportExecutionList
    """

    return unwrap(
        sync_detailed(
            report_id=report_id,
            client=client,
            execution_id=execution_id,
            execution_status=execution_status,
            get_latest_execution=get_latest_execution,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportExecutionList,),
    )


async def asyncio_detailed(
    report_id: str,
    *,
    client: AuthenticatedClient,
    execution_id: str | Unset = UNSET,
    execution_status: str | Unset = "Completed",
    get_latest_execution: bool | Unset = True,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportExecutionList]:
    """Report executions

     The executions (runs) of one or more reports, with the secure link to
    each completed run's file in `reportAccessSecureLink`. The link needs
    no bearer token and expires at `reportExpiryTime`; each read of the
    execution gives a fresh link, so read it again rather than keep one.

    By default (`executionStatus=Completed`, `getLatestExecution=true`)
    the answer is each report's latest completed execution, so before a
    report's first run completes it is a 404 "There are no executions
    that have occurred for the given filter conditions. ...", as the docs'
    note says; ask for `executionStatus=Pending` (or a list of statuses)
    to see a run that has not completed. The docs' worked example instead
    shows a `Pending` execution for the default call; this spec takes the
    note, and the example's answer is what `executionStatus=Pending`
    gives (clients tolerate both). `getLatestExecution=false` gives every
    matching execution of the last 90 days, newest first.

    No failure status is documented; `executionStatus` may carry values
    beyond the four listed, and clients must accept them.

    Args:
        report_id (str):  Example: d9548477-16d4-492a-bf9c-0cf91a9f69bf.
        execution_id (str | Unset):  Example: 906931dc-4f2f-4195-bbb2-d7295c7550d3.
        execution_status (str | Unset):  Default: 'Completed'. Example:
            Pending;Running;Paused;Completed.
        get_latest_execution (bool | Unset):  Default: True.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportExecutionList]
    """

    kwargs = _get_kwargs(
        report_id=report_id,
        execution_id=execution_id,
        execution_status=execution_status,
        get_latest_execution=get_latest_execution,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await asend(client, kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    report_id: str,
    *,
    client: AuthenticatedClient,
    execution_id: str | Unset = UNSET,
    execution_status: str | Unset = "Completed",
    get_latest_execution: bool | Unset = True,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportExecutionList:
    """Report executions

     The executions (runs) of one or more reports, with the secure link to
    each completed run's file in `reportAccessSecureLink`. The link needs
    no bearer token and expires at `reportExpiryTime`; each read of the
    execution gives a fresh link, so read it again rather than keep one.

    By default (`executionStatus=Completed`, `getLatestExecution=true`)
    the answer is each report's latest completed execution, so before a
    report's first run completes it is a 404 "There are no executions
    that have occurred for the given filter conditions. ...", as the docs'
    note says; ask for `executionStatus=Pending` (or a list of statuses)
    to see a run that has not completed. The docs' worked example instead
    shows a `Pending` execution for the default call; this spec takes the
    note, and the example's answer is what `executionStatus=Pending`
    gives (clients tolerate both). `getLatestExecution=false` gives every
    matching execution of the last 90 days, newest first.

    No failure status is documented; `executionStatus` may carry values
    beyond the four listed, and clients must accept them.

    Args:
        report_id (str):  Example: d9548477-16d4-492a-bf9c-0cf91a9f69bf.
        execution_id (str | Unset):  Example: 906931dc-4f2f-4195-bbb2-d7295c7550d3.
        execution_status (str | Unset):  Default: 'Completed'. Example:
            Pending;Running;Paused;Completed.
        get_latest_execution (bool | Unset):  Default: True.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportExecutionList
    """

    return unwrap(
        await asyncio_detailed(
            report_id=report_id,
            client=client,
            execution_id=execution_id,
            execution_status=execution_status,
            get_latest_execution=get_latest_execution,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportExecutionList,),
    )
