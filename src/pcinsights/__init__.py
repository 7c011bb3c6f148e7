"""Partner Center analytics tooling: emulator, fan-out helper, code generation and CLI."""

__all__: list[str] = []
