"""Partner Center analytics tooling beside the generated client: emulator, pytest plugin, insight kinds, fan-out
helper and CLI. Code generation and the other repository tools live in ``tools/`` and are not shipped."""

__all__: list[str] = []
