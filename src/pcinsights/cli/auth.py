"""Where the bearer token comes from: a file, the environment, or azure-identity (optional).

Partner Center's analytics operations accept App+User tokens only, so the azure-identity
route signs a user in: a device-code flow for a given app registration (``--client-id``), or
``DefaultAzureCredential`` (for example after ``az login``) when no app is named.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any

TOKEN_ENV = "PARTNER_CENTER_TOKEN"
# Entra access tokens are a few KiB; a larger file is the wrong file, and is not read whole.
MAX_TOKEN_FILE = 64 * 1024
NO_TOKEN = "no token: use --token-file, PARTNER_CENTER_TOKEN, or install pcinsights[azure]"


class TokenError(Exception):
    """No usable token or credential; the message never contains one."""


class Credential:
    """Wraps an azure-identity credential so its failures surface as :class:`TokenError`."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __repr__(self) -> str:
        return f"Credential({type(self._inner).__name__})"

    def get_token(self, *scopes: str, **kwargs: Any) -> Any:
        try:
            return self._inner.get_token(*scopes, **kwargs)
        except Exception as error:
            first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise TokenError(f"sign-in failed: {first_line}") from None


def resolve_token(
    token_file: Path | None, *, tenant_id: str | None = None, client_id: str | None = None
) -> str | Credential:
    """The first source that yields something: --token-file, PARTNER_CENTER_TOKEN, azure-identity."""
    if token_file is not None:
        return _read_token_file(token_file)
    token = os.environ.get(TOKEN_ENV, "").strip()
    if token:
        return token
    return _azure_credential(tenant_id, client_id)


def _read_token_file(token_file: Path) -> str:
    """The file's token; a missing, unreadable, oversized or non-UTF-8 file is a TokenError (exit 3)."""
    try:
        with token_file.open("rb") as file:
            data = file.read(MAX_TOKEN_FILE + 1)
    except OSError as error:
        raise TokenError(f"cannot read --token-file {token_file}: {error.strerror or error}") from None
    if len(data) > MAX_TOKEN_FILE:
        raise TokenError(f"--token-file {token_file} is larger than {MAX_TOKEN_FILE // 1024} KiB: not a token")
    try:
        token = data.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise TokenError(f"--token-file {token_file} is not UTF-8 text") from None
    if not token:
        raise TokenError(f"--token-file {token_file} is empty")
    return token


def _azure_credential(tenant_id: str | None, client_id: str | None) -> Credential:
    try:
        identity = importlib.import_module("azure.identity")
    except ImportError:
        raise TokenError(NO_TOKEN) from None
    if client_id:
        tenant = {"tenant_id": tenant_id} if tenant_id else {}
        return Credential(identity.DeviceCodeCredential(client_id, prompt_callback=_prompt, **tenant))
    return Credential(identity.DefaultAzureCredential())


def _prompt(verification_uri: str, user_code: str, expires_on: Any) -> None:
    """Device-code instructions go to stderr so that stdout stays data."""
    print(f"To sign in, open {verification_uri} and enter the code {user_code}.", file=sys.stderr, flush=True)
