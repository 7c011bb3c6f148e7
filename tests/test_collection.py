"""The suite's own collection rules (tests/conftest.py): what would let tests go unrun without a failure."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest

from tests.conftest import pytest_collection_modifyitems


def _items(*nodeids: str) -> list[pytest.Item]:
    return [cast(pytest.Item, SimpleNamespace(nodeid=nodeid)) for nodeid in nodeids]


def test_items_that_share_a_node_id_are_refused_by_name(pytestconfig: pytest.Config) -> None:
    items = _items("t.py::a[GET /x]", "t.py::b", "t.py::a[GET /x]")
    with pytest.raises(pytest.UsageError, match=r"share a node id.*t\.py::a\[GET /x\]$"):
        pytest_collection_modifyitems(pytestconfig, items)


def test_distinct_node_ids_pass(pytestconfig: pytest.Config) -> None:
    items: Any = _items("t.py::a[GET /x]", "t.py::a[GET /y]")
    pytest_collection_modifyitems(pytestconfig, items)
    assert [item.nodeid for item in items] == ["t.py::a[GET /x]", "t.py::a[GET /y]"]
