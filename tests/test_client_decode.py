"""Unit-level decoding through real httpx responses from a mock transport: hostile but valid bodies parse,
bodies that break the spec raise UnexpectedResponseError, error statuses raise their typed errors."""

from __future__ import annotations

import datetime
import json
from typing import Any

import httpx
import pytest
from partner_center_analytics import (
    UNSET,
    AuthenticatedClient,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PartnerCenterError,
    PermissionDeniedError,
    RetryPolicy,
    ServerError,
    ThrottledError,
    UnexpectedResponseError,
    UnexpectedStatus,
)
from partner_center_analytics.api.analytics import (
    get_customer_licenses_deployment,
    get_licenses_usage,
    get_partner_licenses_deployment,
)
from partner_center_analytics.models import (
    Channel,
    Error,
    LicensesUsageRow,
    PartnerLicensesDeploymentInsights,
    PartnerLicensesDeploymentInsightsCollection,
    ServiceName,
)

from tests._client import call

ITEM = {
    "proratedDeploymentPercent": 0.5,
    "licensesSold": 343,
    "processedDateTime": "2017-03-10T00:00:00+00:00",
    "serviceName": "crm",
    "channel": "reseller",
    "attributes": {"objectType": "PartnerLicensesDeploymentInsights"},
}
JSON = "application/json; charset=utf-8"


def body(*items: Any, **extra: Any) -> bytes:
    return json.dumps({"totalCount": len(items), "items": list(items), **extra}).encode()


def mock_client(status: int, content: bytes, content_type: str | None = JSON, **headers: str) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        sent = {"MS-RequestId": request.headers["MS-RequestId"], **headers}
        if content_type is not None:
            sent["Content-Type"] = content_type
        return httpx.Response(status, headers=sent, content=content)

    return AuthenticatedClient(
        base_url="https://pc.test",
        token="unit-token",
        retry=RetryPolicy(max_attempts=1),
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


async def fetch(mode: str, client: AuthenticatedClient) -> PartnerLicensesDeploymentInsightsCollection:
    result: PartnerLicensesDeploymentInsightsCollection = await call(
        mode, get_partner_licenses_deployment, client=client
    )
    return result


async def fetch_detailed(mode: str, client: AuthenticatedClient) -> Any:
    return await call(mode, get_partner_licenses_deployment, detailed=True, client=client)


async def only_item(mode: str, item: dict[str, Any]) -> PartnerLicensesDeploymentInsights:
    result = await fetch(mode, mock_client(200, body(item)))
    assert result.total_count == 1
    return result.items[0]


@pytest.mark.parametrize(
    "content_type", [JSON, "application/json", "application/json;charset=UTF-8", "Application/JSON; charset=utf8"]
)
async def test_json_media_type_variants_parse(mode: str, content_type: str) -> None:
    result = await fetch(mode, mock_client(200, body(ITEM), content_type))
    assert result.items[0].licenses_sold == 343


async def test_problem_json_and_missing_content_type_parse(mode: str) -> None:
    assert (await fetch(mode, mock_client(200, body(ITEM), "application/problem+json"))).total_count == 1
    assert (await fetch(mode, mock_client(200, body(ITEM), None))).total_count == 1


async def test_utf8_bom_before_json(mode: str) -> None:
    result = await fetch(mode, mock_client(200, b"\xef\xbb\xbf" + body(ITEM)))
    assert result.items[0].service_name is ServiceName.CRM


async def test_declared_non_utf8_charset_is_honoured(mode: str) -> None:
    item = {**ITEM, "serviceName": "Büro"}
    encoded = json.dumps({"totalCount": 1, "items": [item]}, ensure_ascii=False).encode("utf-16")
    result = await fetch(mode, mock_client(200, encoded, "application/json; charset=utf-16"))
    assert result.items[0].service_name == "Büro"


async def test_unknown_fields_are_kept_at_every_level(mode: str) -> None:
    item = {**ITEM, "newField": {"nested": [1, 2]}, "attributes": {"objectType": "X", "etag": None, "extra": 1}}
    result = await fetch(mode, mock_client(200, body(item, nextThing="yes")))
    assert result.additional_properties == {"nextThing": "yes"}
    row = result.items[0]
    assert row.additional_properties == {"newField": {"nested": [1, 2]}}
    assert row["newField"] == {"nested": [1, 2]}
    assert row.to_dict()["newField"] == {"nested": [1, 2]}
    assert row.to_dict()["attributes"] == {"objectType": "X", "etag": None, "extra": 1}


async def test_known_rows_carry_no_additional_properties(mode: str) -> None:
    row = await only_item(mode, ITEM)
    assert row.additional_properties == {}


async def test_unknown_service_and_channel_values_stay_strings(mode: str) -> None:
    row = await only_item(mode, {**ITEM, "serviceName": "intune", "channel": "marketplace"})
    assert row.service_name == "intune"
    assert not isinstance(row.service_name, ServiceName)
    assert row.channel == "marketplace"
    known = await only_item(mode, {**ITEM, "channel": "direct"})
    assert known.channel is Channel.DIRECT


async def test_integers_where_doubles_are_expected(mode: str) -> None:
    row = await only_item(mode, {**ITEM, "proratedDeploymentPercent": 1})
    assert row.prorated_deployment_percent == 1.0
    assert isinstance(row.prorated_deployment_percent, float)


async def test_nulls_and_absent_fields(mode: str) -> None:
    row = await only_item(mode, {"licensesSold": None, "processedDateTime": None, "serviceName": None})
    assert row.licenses_sold is None
    assert row.processed_date_time is None
    assert row.service_name is None
    assert "channel" not in row.to_dict()


UTC = datetime.UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-03-14T03:25:16Z", datetime.datetime(2017, 3, 14, 3, 25, 16, tzinfo=UTC)),
        ("2017-03-14T03:25:16.36+00:00", datetime.datetime(2017, 3, 14, 3, 25, 16, 360000, tzinfo=UTC)),
        ("2017-03-14T03:25:16.1234567Z", datetime.datetime(2017, 3, 14, 3, 25, 16, 123456, tzinfo=UTC)),
        ("2017-03-14t03:25:16.1234567z", datetime.datetime(2017, 3, 14, 3, 25, 16, 123456, tzinfo=UTC)),
        ("2017-03-14T03:25:16.5-05:30", datetime.datetime(2017, 3, 14, 8, 55, 16, 500000, tzinfo=UTC)),
        ("2018-10-14T00:00:00", datetime.datetime(2018, 10, 14)),
    ],
)
async def test_date_time_spellings(mode: str, text: str, expected: datetime.datetime) -> None:
    row = await only_item(mode, {**ITEM, "processedDateTime": text})
    assert row.processed_date_time == expected


@pytest.mark.parametrize(
    ("content", "content_type", "reason"),
    [
        (b"<!DOCTYPE html><html><body>Gateway says hi</body></html>", "text/html; charset=utf-8", "not JSON"),
        (body(ITEM), "text/plain", "not JSON"),
        (body(ITEM)[:-20], JSON, "JSONDecodeError"),
        (b"", JSON, "JSONDecodeError"),
        (b"[1, 2]", JSON, "PartnerLicensesDeploymentInsightsCollection: expected an object, got an array"),
        (json.dumps({"items": []}).encode(), JSON, "missing field 'totalCount'"),
        (json.dumps({"totalCount": 1, "items": {"a": 1}}).encode(), JSON, "items: expected an array, got an object"),
        (json.dumps({"totalCount": "1", "items": []}).encode(), JSON, "totalCount: expected an integer"),
        (body({**ITEM, "licensesSold": 1.5}), JSON, "licensesSold: expected an integer, got a number"),
        (body({**ITEM, "licensesSold": True}), JSON, "licensesSold: expected an integer, got a boolean"),
        (body({**ITEM, "proratedDeploymentPercent": "0.5"}), JSON, "proratedDeploymentPercent: expected a number"),
        (body({**ITEM, "serviceName": 7}), JSON, "serviceName: expected a string"),
        (body({**ITEM, "processedDateTime": "yesterday"}), JSON, "processedDateTime: not an ISO 8601 date-time"),
        (body({**ITEM, "attributes": "x"}), JSON, "ResourceAttributes: expected an object, got a string"),
        (body(["row"]), JSON, "PartnerLicensesDeploymentInsights: expected an object, got an array"),
        (b"\xff\xfe\x00garbage", "application/json; charset=no-such-charset", "LookupError"),
    ],
)
async def test_success_body_off_spec_raises_unexpected_response(
    mode: str, content: bytes, content_type: str, reason: str
) -> None:
    client = mock_client(200, content, content_type)
    with pytest.raises(UnexpectedResponseError) as caught:
        await fetch(mode, client)
    error = caught.value
    assert reason in str(error)
    assert error.status_code == 200
    assert error.request_id is not None
    assert len(error.body_snippet) <= 200
    text = " ".join(content.decode("utf-8", "replace").lstrip("\ufeff").split())  # whitespace runs become one space
    assert error.body_snippet == (text if len(text) <= 200 else text[:197] + "...")
    # *_detailed raises too: a 2xx that breaks the spec is never handed back as if it were fine.
    with pytest.raises(UnexpectedResponseError):
        await fetch_detailed(mode, client)


async def test_body_snippet_is_short_for_a_large_page(mode: str) -> None:
    page = b"<html>" + b"x" * 100_000 + b"</html>"
    with pytest.raises(UnexpectedResponseError) as caught:
        await fetch(mode, mock_client(200, page, "text/html"))
    assert len(caught.value.body_snippet) == 200
    assert caught.value.body_snippet.startswith("<html>xxx")


ERROR_BODY = json.dumps({"code": 60003, "description": "Tenant not found.", "data": [], "source": "PartnerFD"}).encode()


@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (500, ServerError),
        (503, ServerError),
    ],
)
async def test_error_statuses_raise_typed_errors_with_code_and_ids(
    mode: str, status: int, error_type: type[PartnerCenterError]
) -> None:
    client = mock_client(status, ERROR_BODY, **{"MS-CorrelationId": "corr-1"})
    with pytest.raises(error_type) as caught:
        await fetch(mode, client)
    error = caught.value
    assert type(error) is error_type
    assert (error.status_code, error.code, error.description) == (status, 60003, "Tenant not found.")
    assert error.correlation_id == "corr-1"
    assert error.request_id is not None
    assert f"HTTP {status}" in str(error)
    assert "Tenant not found." in str(error)
    assert "code 60003" in str(error)
    assert error.request_id in str(error)


async def test_detailed_returns_the_error_model_for_documented_error_statuses(mode: str) -> None:
    response = await fetch_detailed(mode, mock_client(403, ERROR_BODY))
    assert response.status_code == 403
    assert isinstance(response.parsed, Error)
    assert response.parsed.code == 60003
    assert response.request_id is not None


async def test_detailed_error_body_that_is_not_json_parses_to_none(mode: str) -> None:
    response = await fetch_detailed(mode, mock_client(503, b"<html>down</html>", "text/html"))
    assert response.status_code == 503
    assert response.parsed is None


async def test_throttling_body_and_retry_after(mode: str) -> None:
    throttled = json.dumps({"statusCode": 429, "message": "Rate limit is exceeded. Try again in 57 seconds."})
    with pytest.raises(ThrottledError) as caught:
        await fetch(mode, mock_client(429, throttled.encode(), **{"Retry-After": "57"}))
    error = caught.value
    assert (error.status_code, error.code, error.retry_after) == (429, 429, 57.0)
    assert "Try again in 57 seconds" in str(error)


async def test_string_error_code(mode: str) -> None:
    content = json.dumps({"code": "InvalidProperty", "description": "bad"}).encode()
    with pytest.raises(BadRequestError) as caught:
        await fetch(mode, mock_client(400, content))
    assert caught.value.code == "InvalidProperty"


async def test_html_error_page_keeps_its_status_class(mode: str) -> None:
    with pytest.raises(ServerError) as caught:
        await fetch(mode, mock_client(502, b"<html>Bad gateway</html>", "text/html"))
    assert caught.value.status_code == 502
    assert caught.value.code is None


@pytest.mark.parametrize("status", [405, 409, 302, 418, 204])
async def test_undocumented_status_raises_unexpected_status(mode: str, status: int) -> None:
    client = mock_client(status, b"nope", "text/plain")
    with pytest.raises(UnexpectedStatus) as caught:
        await fetch(mode, client)
    assert isinstance(caught.value, PartnerCenterError)
    assert caught.value.status_code == status
    assert caught.value.content == b"nope"
    detailed = await fetch_detailed(mode, client)
    assert detailed.parsed is None
    client.raise_on_unexpected_status = True
    with pytest.raises(UnexpectedStatus):
        await fetch_detailed(mode, client)


async def test_non_standard_status_number(mode: str) -> None:
    with pytest.raises(UnexpectedStatus) as caught:
        await fetch_detailed(mode, mock_client(599, b"?", "text/plain"))
    assert caught.value.status_code == 599


async def test_uuid_path_parameter_accepts_str(mode: str) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json={"totalCount": 0, "items": []})

    client = AuthenticatedClient(
        base_url="https://pc.test", token="t", httpx_args={"transport": httpx.MockTransport(handler)}
    )
    customer = "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04"
    result = await call(mode, get_customer_licenses_deployment, customer, client=client)
    assert result.items == []
    assert seen == [f"/v1/customers/{customer}/analytics/licenses/deployment"]


def test_error_model_round_trip() -> None:
    source = {"statusCode": 429, "message": "slow down", "retryHint": 3}
    error = Error.from_dict(source)
    assert error.to_dict() == source


# The docs' usage example, as published: ``licenseActive`` (singular), no ``@nextLink`` or ``TotalCount``.
DOCS_USAGE_ROW = {
    "processedDateTime": "2018-10-14T00:00:00",
    "workloadCode": "SPO",
    "workloadName": "SharePoint",
    "serviceCode": "o365",
    "serviceName": "Microsoft Office 365",
    "channel": "reseller",
    "customerTenantId": "0112A436-B14E-4888-967B-CA4BB2CF1234",
    "customerName": "TEST COMPANY",
    "productId": "6FD2C87F-B296-42F0-B197-1E91E994B900",
    "productName": "OFFICE 365 ENTERPRISE E3",
    "licenseActive": 0,
    "licensesQualified": 1,
}


async def test_the_docs_misspelt_license_active_is_kept_as_an_unknown_field(mode: str) -> None:
    content = json.dumps({"Value": [DOCS_USAGE_ROW, {**DOCS_USAGE_ROW, "licenseActive": None}]}).encode()
    page = await call(mode, get_licenses_usage, client=mock_client(200, content))
    assert page.next_link is UNSET and page.total_count is UNSET
    first, second = page.value
    assert first.licenses_active is UNSET
    assert first.licenses_qualified == 1
    assert first.customer_tenant_id == "0112A436-B14E-4888-967B-CA4BB2CF1234"
    assert first.additional_properties == {"licenseActive": 0}
    assert second.additional_properties == {"licenseActive": None}
    assert first.to_dict() == DOCS_USAGE_ROW  # nothing lost on the way back


async def test_the_docs_unclosed_usage_example_is_a_typed_error(mode: str) -> None:
    published = b'{\n"Value": [\n    ' + json.dumps(DOCS_USAGE_ROW).encode() + b"\n}"  # the ']' the docs forgot
    with pytest.raises(UnexpectedResponseError, match="does not match the spec") as caught:
        await call(mode, get_licenses_usage, client=mock_client(200, published))
    assert caught.value.body_snippet.startswith('{ "Value": [ {"processedDateTime"')


UTC = datetime.UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-10-14T00:00:00", datetime.datetime(2018, 10, 14, tzinfo=UTC)),  # the docs' form: no offset is UTC
        ("2017-03-14T03:25:16.36+00:00", datetime.datetime(2017, 3, 14, 3, 25, 16, 360000, tzinfo=UTC)),
        ("2019-04-17T11:07:22.1Z", datetime.datetime(2019, 4, 17, 11, 7, 22, 100000, tzinfo=UTC)),
        ("2019-04-17T11:07:22.1234567Z", datetime.datetime(2019, 4, 17, 11, 7, 22, 123456, tzinfo=UTC)),
        (
            "2019-04-17T11:07:22.1234567-05:30",
            datetime.datetime(2019, 4, 17, 16, 37, 22, 123456, tzinfo=UTC),
        ),
    ],
)
async def test_commercial_processed_date_time_is_an_aware_datetime_and_to_dict_sends_back_the_text(
    mode: str, text: str, expected: datetime.datetime
) -> None:
    content = json.dumps({"Value": [{**DOCS_USAGE_ROW, "processedDateTime": text}]}).encode()
    page = await call(mode, get_licenses_usage, client=mock_client(200, content))
    (row,) = page.value
    assert isinstance(row.processed_date_time, datetime.datetime)
    assert row.processed_date_time.tzinfo is not None
    assert row.processed_date_time == expected
    assert row.to_dict()["processedDateTime"] == text
    assert type(row).from_dict(row.to_dict()) == row


@pytest.mark.parametrize("text", ["yesterday", "2021-02-30T00:00:00", "2018-10-14T25:00:00", ""])
async def test_an_unreadable_commercial_processed_date_time_is_kept_as_the_string_sent(mode: str, text: str) -> None:
    content = json.dumps({"Value": [{**DOCS_USAGE_ROW, "processedDateTime": text}, DOCS_USAGE_ROW]}).encode()
    client = mock_client(200, content)
    page = await call(mode, get_licenses_usage, client=client)
    odd, fine = page.value
    assert odd.processed_date_time == text
    assert odd.to_dict()["processedDateTime"] == text
    assert fine.processed_date_time == datetime.datetime(2018, 10, 14, tzinfo=UTC)
    assert client.stats.unknown_values == {("LicensesUsageRow", "processedDateTime", text): 1}


async def test_a_commercial_processed_date_time_that_is_no_string_is_a_typed_error(mode: str) -> None:
    content = json.dumps({"Value": [{**DOCS_USAGE_ROW, "processedDateTime": 20181014}]}).encode()
    with pytest.raises(UnexpectedResponseError, match="processedDateTime: expected a date-time string, got an integer"):
        await call(mode, get_licenses_usage, client=mock_client(200, content))


def test_a_commercial_processed_date_time_the_app_changed_is_written_with_isoformat() -> None:
    row = LicensesUsageRow.from_dict(DOCS_USAGE_ROW)
    assert isinstance(row.processed_date_time, datetime.datetime)
    row.processed_date_time = row.processed_date_time + datetime.timedelta(hours=1)
    assert row.to_dict()["processedDateTime"] == "2018-10-14T01:00:00+00:00"
    row.processed_date_time = None
    assert row.to_dict()["processedDateTime"] is None
