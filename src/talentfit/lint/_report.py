"""Plain-text and JSON renderings of lint results (shared by the CLI and the demo)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ._model import SEVERITIES, LintResult

__all__ = ["exit_code", "format_json", "format_text"]


def format_text(result: LintResult) -> str:
    """``path:line:col: severity category rule: message -> suggestion`` lines, then metrics."""
    path = result.path or "<text>"
    lines = [
        f"{path}:{f.line}:{f.column}: {f.severity} {f.category} {f.rule}: "
        f"{f.message}" + (f" [{_one_line(f.text)}]" if f.text else "") + f" -> {f.suggestion}"
        for f in result.findings
    ]
    m = result.metrics
    ratio = "-" if m.you_we_ratio is None else f"{m.you_we_ratio:.2f}"
    lines.append(
        f"{path}: {result.language}, {m.words} words, {m.sentences} sentences "
        f"({m.mean_sentence_length:.1f} words/sentence), {m.readability_scale} "
        f"{m.readability:.0f} ({m.readability_level}), you/we {m.you}/{m.we} ({ratio}), "
        f"masculine-coded {m.masculine_coded}, feminine-coded {m.feminine_coded}, "
        f"requirements {m.requirements}"
    )
    counts = {s: sum(f.severity == s for f in result.findings) for s in SEVERITIES}
    lines.append(
        f"{path}: {len(result.findings)} findings "
        f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} info)"
    )
    return "\n".join(lines)


def _one_line(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def format_json(results: Iterable[LintResult | tuple[str, str]]) -> str:
    """One JSON array with one object per file; a ``(path, message)`` pair is a file that
    could not be linted: ``{"path", "language": null, "findings": [], "metrics": null,
    "error"}``."""
    return json.dumps(
        [
            r.to_dict()
            if isinstance(r, LintResult)
            else {"path": r[0], "language": None, "findings": [], "metrics": None, "error": r[1]}
            for r in results
        ],
        ensure_ascii=False,
        indent=2,
    )


def exit_code(results: Iterable[LintResult], fail_on: str) -> int:
    """1 when a finding is at or above ``fail_on`` (error|warning), else 0; ``never`` → 0."""
    if fail_on == "never":
        return 0
    return 1 if any(r.at_or_above(fail_on) for r in results) else 0
