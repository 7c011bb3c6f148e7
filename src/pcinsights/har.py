"""Reading recorded HTTP traffic: HAR 1.2 (HTTP Archive) files, as any recorder writes them.

Only what HAR 1.2 requires is relied on (``log.entries[].request.method/url/headers``, ``response.status/headers/
content``); optional parts (``queryString``, ``content.text``, ``content.encoding: base64``, an entry's ``comment``)
are used when present.
So a HAR from the client's recorder, from ``schemathesis run --report har``, from a browser or written by hand in a
test reads the same. A malformed file is a ``HarError`` that says where, never a KeyError. The drift checker
(tools/drift) and replay (``pcinsights.replay``) read recordings through it.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import attrs

# A recording is read whole; beyond this it is refused rather than exhausting memory.
MAX_HAR_BYTES = 512 * 1024 * 1024
# How an entry's comment starts when its response body was left out on purpose (a report file download): what
# the emulator's --record and the proxy's --record write, and what replay refuses to answer as an empty body.
BODY_NOT_KEPT = "response body not kept"


def unkept_body_comment(size: int) -> str:
    """The HAR comment of an entry recorded without its response body of ``size`` bytes (as sent)."""
    return f"{BODY_NOT_KEPT}: a report file download of {size} bytes, streamed through unrecorded"


class HarError(Exception):
    """The file is not a HAR this tool can read; the message says which entry and field."""


@attrs.frozen
class Exchange:
    """One request and its response, as recorded."""

    index: int  # the entry's position in log.entries
    method: str
    url: str
    request_headers: tuple[tuple[str, str], ...]
    query: tuple[tuple[str, str], ...]
    status: int
    response_headers: tuple[tuple[str, str], ...]
    mime_type: str
    body: str | None  # the response body as text; None when the recorder kept none
    request_body: str | None = None  # the request's ``postData.text``, when it had one
    comment: str = ""  # the entry's HAR comment

    @property
    def body_kept(self) -> bool:
        """False when the recorder left the response body out on purpose (its comment says so)."""
        return not self.comment.startswith(BODY_NOT_KEPT)

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` of the request."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def response_header(self, name: str) -> str | None:
        return next((value for key, value in self.response_headers if key.lower() == name.lower()), None)


def _field(node: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(node, Mapping) or key not in node:
        raise HarError(f"{where}: no {key!r}")
    value = node[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise HarError(f"{where}.{key}: expected {getattr(kind, '__name__', kind)}, got {type(value).__name__}")
    return value


def _pairs(node: Any, key: str, where: str) -> tuple[tuple[str, str], ...]:
    items = node.get(key, []) if isinstance(node, Mapping) else []
    if not isinstance(items, list):
        raise HarError(f"{where}.{key}: expected a list")
    pairs = []
    for position, item in enumerate(items):
        name = _field(item, "name", str, f"{where}.{key}[{position}]")
        value = item.get("value", "")
        pairs.append((name, value if isinstance(value, str) else json.dumps(value)))
    return tuple(pairs)


def _body(content: Any, where: str) -> str | None:
    """The text of a HAR ``content`` (a response's) or ``postData`` (a request's), base64 decoded."""
    if not isinstance(content, Mapping) or not isinstance(content.get("text"), str):
        return None
    text: str = content["text"]
    if content.get("encoding") == "base64":
        try:
            return base64.b64decode(text, validate=True).decode("utf-8", errors="replace")
        except (binascii.Error, ValueError) as error:
            raise HarError(f"{where}: text not base64 ({error})") from None
    return text


def _exchange(index: int, entry: Any) -> Exchange:
    where = f"log.entries[{index}]"
    request = _field(entry, "request", Mapping, where)
    response = _field(entry, "response", Mapping, where)
    url = _field(request, "url", str, f"{where}.request")
    query = _pairs(request, "queryString", f"{where}.request") or tuple(parse_qsl(urlsplit(url).query))
    content = response.get("content")
    mime = content.get("mimeType", "") if isinstance(content, Mapping) else ""
    return Exchange(
        index=index,
        method=_field(request, "method", str, f"{where}.request").upper(),
        url=url,
        request_headers=_pairs(request, "headers", f"{where}.request"),
        query=query,
        status=_field(response, "status", int, f"{where}.response"),
        response_headers=_pairs(response, "headers", f"{where}.response"),
        mime_type=mime if isinstance(mime, str) else "",
        body=_body(content, f"{where}.response"),
        request_body=_body(request.get("postData"), f"{where}.request"),
        comment=comment if isinstance(comment := entry.get("comment"), str) else "",
    )


def parse_har(data: Any) -> list[Exchange]:
    """The exchanges of a parsed HAR document; entries without a response (status 0, aborted) are left out."""
    log = _field(data, "log", Mapping, "HAR")
    entries = _field(log, "entries", list, "log")
    exchanges = [_exchange(index, entry) for index, entry in enumerate(entries)]
    return [exchange for exchange in exchanges if exchange.status > 0]


def read_har(path: Path) -> list[Exchange]:
    """The exchanges recorded in the HAR file at ``path``."""
    try:
        size = path.stat().st_size
        if size > MAX_HAR_BYTES:
            raise HarError(f"{path}: {size} bytes, more than the {MAX_HAR_BYTES} this tool reads")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise HarError(f"{path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HarError(f"{path}: not JSON ({error})") from None
    except RecursionError:
        raise HarError(f"{path}: JSON nested too deeply to read") from None
    return parse_har(data)
