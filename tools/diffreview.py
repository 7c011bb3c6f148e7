"""Redocly's ``diff`` beside the wire diff: where they agree, where the client's knowledge overrules it, what it adds.

Redocly rates every change by the semver bump it needs, knowing only the spec. The wire diff knows what the
generated client does (an ``anyOf: [Enum, string]`` enum is open, a removed error status still decodes as an
error, a path parameter's name is not on the wire), so a major finding at a location where the wire diff judged
the change harmless is overruled, with the wire diff's reason. A major finding the wire diff has nothing to say
about stays a break: the gate never knows less than Redocly.
"""

from __future__ import annotations

import attrs

from tools.change import Change
from tools.redocly import RedoclyFinding


def _related(first: str, second: str) -> bool:
    return bool(first and second) and (
        first == second or first.startswith(second + "/") or second.startswith(first + "/")
    )


@attrs.frozen
class Review:
    """Redocly's major findings sorted by what the gate made of them, and the gate's breaks Redocly rated lower."""

    status: str
    ran: bool = True
    agreed: list[tuple[RedoclyFinding, Change]] = attrs.field(factory=list)
    overruled: list[tuple[RedoclyFinding, Change]] = attrs.field(factory=list)
    redocly_only: list[Change] = attrs.field(factory=list)
    beyond: list[tuple[Change, str]] = attrs.field(factory=list)  # a break, and Redocly's rating of it

    def lines(self) -> list[str]:
        if not self.ran:
            return []
        lines = [f"  {len(self.agreed)} major finding(s) agree with the wire diff"]
        for finding, change in self.overruled:
            lines.append(f"  overruled {finding.rule} at {finding.pointer}: {finding.message}")
            lines.append(f"            the gate: {change.kind} ({change.impact or 'not breaking'})")
        lines += [f"  kept      {change.kind}: {change.where}" for change in self.redocly_only]
        lines += [f"  beyond    {change.kind}: {change.where} (Redocly: {rating})" for change, rating in self.beyond]
        return lines


def review(findings: list[RedoclyFinding] | None, changes: list[Change], status: str) -> Review:
    """Sort Redocly's ``findings`` (None: it did not run, ``status`` says why) against the wire diff's ``changes``."""
    if findings is None:
        return Review(status, ran=False)
    result = Review(status)
    for finding in findings:
        if finding.impact != "major":
            continue
        related = [change for change in changes if _related(change.pointer, finding.pointer)]
        breaking = [change for change in related if change.breaking]
        if breaking:
            result.agreed.append((finding, breaking[0]))
        elif related:
            result.overruled.append((finding, related[0]))
        else:
            impact = f"Redocly rates it major ({finding.pointer}); the wire diff has no verdict of its own"
            result.redocly_only.append(
                Change(
                    f"redocly {finding.rule or 'major change'}", finding.message, pointer=finding.pointer, impact=impact
                )
            )
    majors = [finding for finding in findings if finding.impact == "major"]
    for change in changes:
        if not change.breaking or any(_related(change.pointer, finding.pointer) for finding in majors):
            continue
        ratings = sorted({finding.impact for finding in findings if _related(change.pointer, finding.pointer)})
        result.beyond.append((change, "/".join(ratings) or "not reported"))
    return result
