"""Where the CLI's token comes from, in-process: precedence, unreadable files, the azure-identity fallback."""

from __future__ import annotations

import logging
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from pcinsights.cli.auth import NO_TOKEN, TOKEN_ENV, Credential, TokenError, resolve_token
from pcinsights.cli.logs import Redact

SECRET = "s3cret-bearer-value"


def test_token_file_wins_over_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(f"\ufeff  {SECRET}\n", encoding="utf-8")
    monkeypatch.setenv(TOKEN_ENV, "from-env")
    assert resolve_token(token_file) == SECRET
    assert resolve_token(None) == "from-env"


@pytest.mark.parametrize("content", [None, " \n"])
def test_missing_or_empty_token_file_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str | None
) -> None:
    token_file = tmp_path / "token"
    if content is not None:
        token_file.write_text(content)
    monkeypatch.setenv(TOKEN_ENV, SECRET)
    with pytest.raises(TokenError, match="--token-file") as raised:
        resolve_token(token_file)
    assert str(token_file) in str(raised.value)


class FakeCredential:
    """Stands in for an azure-identity credential (the optional extra is not installed in the test venv)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs

    def get_token(self, *scopes: str, **kwargs: Any) -> Any:
        if scopes == ("fail",):
            raise RuntimeError("AADSTS50076: MFA required\nmore detail")
        self.kwargs["prompt_callback"]("https://microsoft.com/devicelogin", "ABCD-EFGH", None)
        return types.SimpleNamespace(token=SECRET, expires_on=0)


@pytest.fixture
def azure_identity(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType("azure.identity")
    module.DeviceCodeCredential = type("DeviceCodeCredential", (FakeCredential,), {})  # type: ignore[attr-defined]
    module.DefaultAzureCredential = type("DefaultAzureCredential", (FakeCredential,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "azure", types.ModuleType("azure"))
    monkeypatch.setitem(sys.modules, "azure.identity", module)
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    return module


def test_device_code_sign_in_for_a_named_app(
    azure_identity: types.ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    credential = resolve_token(None, tenant_id="contoso.onmicrosoft.com", client_id="app-id")
    assert isinstance(credential, Credential)
    assert repr(credential) == "Credential(DeviceCodeCredential)"
    assert credential.get_token("https://api.partnercenter.microsoft.com/.default").token == SECRET
    out = capsys.readouterr()
    assert out.out == ""
    assert "ABCD-EFGH" in out.err
    with pytest.raises(TokenError) as raised:
        credential.get_token("fail")
    assert str(raised.value) == "sign-in failed: AADSTS50076: MFA required"


def test_default_credential_when_no_app_is_named(azure_identity: types.ModuleType) -> None:
    assert repr(resolve_token(None)) == "Credential(DefaultAzureCredential)"


def test_no_source_at_all_is_the_documented_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    monkeypatch.setitem(sys.modules, "azure.identity", None)  # None in sys.modules makes the import fail
    with pytest.raises(TokenError) as raised:
        resolve_token(None)
    assert str(raised.value) == NO_TOKEN


def test_log_filter_blanks_the_token() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "sent %s to %s", (f"Bearer {SECRET}", "host"), None)
    assert Redact(SECRET).filter(record)
    assert record.getMessage() == "sent Bearer *** to host"
