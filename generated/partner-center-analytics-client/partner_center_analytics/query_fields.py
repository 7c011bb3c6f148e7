"""The fields each operation's ``groupby`` accepts (its ``filter`` takes the same), in the spec's order.

One tuple per operation with a ``groupby``, named after the operation's module: ``GET_LICENSES_USAGE_FIELDS``
for ``api.analytics.get_licenses_usage``. Written by ``make generate`` from the spec's ``groupby`` patterns
(tools/queryfields.py), so code that builds or checks a query names the fields the spec allows.
"""

from typing import Final

__all__ = (
    "GET_LICENSES_DEPLOYMENT_FIELDS",
    "GET_LICENSES_USAGE_FIELDS",
)

GET_LICENSES_DEPLOYMENT_FIELDS: Final[tuple[str, ...]] = (
    "serviceCode",
    "serviceName",
    "channel",
    "customerTenantId",
    "customerName",
    "productId",
    "productName",
)

GET_LICENSES_USAGE_FIELDS: Final[tuple[str, ...]] = (
    "workloadCode",
    "workloadName",
    "serviceCode",
    "serviceName",
    "channel",
    "customerTenantId",
    "customerName",
    "productId",
    "productName",
)
