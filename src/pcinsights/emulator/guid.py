"""What the emulator takes for a GUID: the spec's ``format: uuid``, in its 8-4-4-4-12 form, any letter case.

The one check behind the id headers, the customer id in a path, Entra's ``client-request-id`` and the
settings' tenant and client ids (which must also be lower case, as the token endpoint compares them).
"""

from __future__ import annotations

import re

GUID_PATTERN = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")


def is_guid(text: str) -> bool:
    """Whether ``text`` is a GUID in its 8-4-4-4-12 form (no braces, no ``urn:uuid:``)."""
    return GUID_PATTERN.fullmatch(text) is not None
