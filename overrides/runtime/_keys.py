"""Object keys read leniently, for the schemas the spec marks ``x-pcinsights-keys: lenient``.

Partner Center's insights pages spell one field ``value``, ``Value`` or ``"DatasetName "``. A key the schema does
not name is matched after stripping surrounding whitespace and lower-casing its first letter; an exact key always
wins over a respelt one, and a key that matches nothing stays unknown (``additional_properties``). The generated
``from_dict`` calls this first; a well-spelt object costs one subset test.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def normalized(key: str) -> str:
    """``key`` without surrounding whitespace, its first letter lower case: the spelling keys are matched by."""
    key = key.strip()
    return key[:1].lower() + key[1:]


def spellings(known: Iterable[str]) -> dict[str, str]:
    """Each known key by its normalized spelling (built once per model, when its module is imported)."""
    return {normalized(key): key for key in known}


def lenient_keys(src: Mapping[str, Any], known: frozenset[str], by_spelling: Mapping[str, str]) -> Mapping[str, Any]:
    """``src`` with every key it misspells renamed to the known key, unless that key is there as well.

    Of two misspellings of one key the first wins; the other stays as it is (an unknown field).
    """
    if src.keys() <= known:
        return src
    result: dict[str, Any] = {}
    for key, value in src.items():
        if key not in known:
            target = by_spelling.get(normalized(key))
            if target is not None and target not in src and target not in result:
                key = target
        result[key] = value
    return result


__all__ = ["lenient_keys", "normalized", "spellings"]
