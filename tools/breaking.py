"""Breaking-change gate: the working tree's spec against the spec at a git ref, on the wire and in Python.

The wire view (``tools.specdiff``) judges what a caller sends and reads: tightened request constraints (of
parameters and request bodies), new required inputs, changed defaults, removed or retyped response fields,
removed success statuses, media types and required headers. Redocly CLI's ``diff`` (pinned, through npx;
skipped with a message where Node.js is absent) gives a second opinion: its major findings are agreed with,
overruled where the generated client knows better (open enums, removed error statuses, path parameter names),
or kept as breaks. The Python view turns both specs into clients with the current ``overrides/`` and compares
their public APIs with griffe. Exit 1 on any breaking change, or when the public API changed and CHANGELOG.md
did not; else 0.

The default base is the last tag, else ``main``. On ``main`` itself with everything committed that
compares HEAD with HEAD (no change): pass ``--base HEAD~1`` (``make breaking BASE=HEAD~1``) to check
the last commit.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

import attrs

from tools.apidiff import diff_apis, load_api
from tools.change import Change
from tools.codegen import generate
from tools.diffreview import Review, review
from tools.project import PACKAGE_NAME, PROJECT_NAME, SPEC_FILE
from tools.redocly import REDOCLY_PACKAGE, redocly_diff
from tools.specdiff import diff_specs
from tools.specdoc import parse_spec

CHANGELOG_FILE = "CHANGELOG.md"

__all__ = ["Change", "GateError", "GateResult", "default_base", "diff_apis", "diff_specs", "load_api", "run_gate"]


def _git(repo: Path, *args: str) -> str | None:
    completed = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    return completed.stdout if completed.returncode == 0 else None


def default_base(repo: Path) -> str:
    """The last tag reachable from HEAD, else ``main``."""
    tag = _git(repo, "describe", "--tags", "--abbrev=0")
    return tag.strip() if tag else "main"


def _overrides_digest(overrides: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(overrides.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(overrides).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _generate(spec_text: str, overrides: Path, workdir: Path, cache: Path | None) -> Path:
    """The generated project for ``spec_text``; reused from ``cache`` when the same spec and overrides made it."""
    key = hashlib.sha256(spec_text.encode() + _overrides_digest(overrides).encode()).hexdigest()[:16]
    home = (cache or workdir) / key
    home.parent.mkdir(parents=True, exist_ok=True)
    project = home / PROJECT_NAME
    if not project.is_dir():
        scratch = Path(tempfile.mkdtemp(prefix=f"{key}-", dir=home.parent))
        (scratch / "openapi.yaml").write_text(spec_text, encoding="utf-8")
        generate(scratch / "openapi.yaml", scratch / PROJECT_NAME, overrides)
        try:
            scratch.rename(home)
        except OSError:  # another run filled the cache first
            shutil.rmtree(scratch)
    return project


@attrs.frozen
class GateResult:
    """Everything the gate found, and its verdict."""

    base: str  # the ref and its commit, as the report shows them
    spec_changes: list[Change]
    api_changes: list[Change]
    changelog_updated: bool
    redocly: Review | None = None  # None when the gate ran without Redocly

    @property
    def breaking(self) -> list[Change]:
        redocly_only = self.redocly.redocly_only if self.redocly else []
        return [change for change in (*self.spec_changes, *redocly_only, *self.api_changes) if change.breaking]

    @property
    def changelog_missing(self) -> bool:
        return bool(self.api_changes) and not self.changelog_updated

    @property
    def exit_code(self) -> int:
        return 1 if self.breaking or self.changelog_missing else 0

    def report(self) -> str:
        lines = [f"Breaking-change gate: {SPEC_FILE} in the working tree against {self.base}"]
        if self.base.endswith(", HEAD)"):
            lines.append(
                "note: the base is HEAD, so only uncommitted edits count (--base HEAD~1 checks the last commit)"
            )
        lines.append("")
        lines.append(f"Wire contract: spec changes ({len(self.spec_changes)}):")
        lines += [str(change) for change in self.spec_changes] or ["  none"]
        if self.redocly is not None:
            lines += ["", f"Redocly diff ({REDOCLY_PACKAGE}): {self.redocly.status}"]
            lines += self.redocly.lines()
        lines += ["", f"Public API of {PACKAGE_NAME} (griffe {version('griffe')}) ({len(self.api_changes)}):"]
        lines += [str(change) for change in self.api_changes] or ["  unchanged"]
        lines.append("")
        if not self.api_changes:
            lines.append(f"{CHANGELOG_FILE}: no entry needed (public API unchanged)")
        elif self.changelog_updated:
            lines.append(f"{CHANGELOG_FILE}: updated")
        else:
            lines.append(f"{CHANGELOG_FILE}: NOT updated. The public API changed: add an entry to {CHANGELOG_FILE}.")
        verdict = f"FAIL: {len(self.breaking)} breaking change(s)" if self.breaking else "no breaking change"
        lines.append(f"Result: {verdict}" + ("; changelog entry missing" if self.changelog_missing else ""))
        return "\n".join(lines)


class GateError(Exception):
    """The gate could not run (unknown ref, no spec at the ref, generation failed)."""


def run_gate(repo: Path, base: str, *, cache: Path | None = None, redocly: bool = True) -> GateResult:
    """Compare ``repo``'s working-tree spec and changelog with those at ``base`` (``redocly``: ask Redocly too)."""
    base_commit = _git(repo, "rev-parse", "--verify", "--quiet", "--short", f"{base}^{{commit}}")
    if base_commit is None:
        raise GateError(f"unknown git ref {base!r} in {repo}")
    at_head = base_commit == _git(repo, "rev-parse", "--verify", "--quiet", "--short", "HEAD^{commit}")
    label = f"{base} ({base_commit.strip()}" + (", HEAD)" if at_head else ")")
    base_spec = _git(repo, "show", f"{base}:{SPEC_FILE}")
    if base_spec is None:
        raise GateError(f"{base} has no {SPEC_FILE}")
    head_spec = (repo / SPEC_FILE).read_text(encoding="utf-8")
    base_changelog = _git(repo, "show", f"{base}:{CHANGELOG_FILE}")
    changelog = repo / CHANGELOG_FILE
    head_changelog = changelog.read_text(encoding="utf-8") if changelog.is_file() else None
    spec_changes = diff_specs(parse_spec(base_spec, "the base spec"), parse_spec(head_spec, "the spec"))
    second_opinion = None
    if redocly and head_spec != base_spec:
        findings, status = redocly_diff(base_spec, head_spec)
        second_opinion = review(findings, spec_changes, status)
    api_changes: list[Change] = []
    if head_spec != base_spec:
        with tempfile.TemporaryDirectory(prefix="pc-breaking-") as workdir:
            try:
                with ThreadPoolExecutor(max_workers=2) as pool:  # two generator processes at once
                    projects = pool.map(
                        _generate, (base_spec, head_spec), (repo / "overrides",) * 2, (Path(workdir),) * 2, (cache,) * 2
                    )
                    old_project, new_project = list(projects)
            except subprocess.CalledProcessError as error:
                raise GateError(f"client generation failed: {error}") from error
            api_changes = diff_apis(load_api(old_project), load_api(new_project))
    updated = head_changelog is not None and head_changelog != base_changelog
    return GateResult(label, spec_changes, api_changes, updated, second_opinion)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.breaking",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--base", help="git ref to compare against (default: the last tag, else main)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="repository (default: the current folder)")
    parser.add_argument("--no-redocly", action="store_true", help="skip Redocly's diff (the wire view still runs)")
    parser.add_argument("--cache", type=Path, help="keep generated clients here, keyed by spec and overrides")
    args = parser.parse_args(argv)
    toplevel = _git(args.repo, "rev-parse", "--show-toplevel")
    if toplevel is None:
        print(f"breaking: {args.repo} is not in a git repository", file=sys.stderr)
        return 2
    repo = Path(toplevel.strip())
    base = args.base or default_base(repo)
    try:
        result = run_gate(repo, base, cache=args.cache, redocly=not args.no_redocly)
    except GateError as error:
        print(f"breaking: {error}", file=sys.stderr)
        return 2
    print(result.report())
    return result.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
