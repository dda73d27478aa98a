"""An append-only event log of scored answers (EU AI Act art. 12), without the answers' text.

One JSON line per scored answer: when, which talentfit version, which rubric (id and a hash
of its content), which profile and calibration (hashes), a sha256 of the answer text (never the
text itself), the language, levels, scores, evidence *signal names* (no quoted spans) and the
low-confidence flags. Lines are whole even when several processes append to the same file:
the file is opened with ``O_APPEND`` and each line goes out in one ``os.write`` under an
exclusive ``flock``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from ._version import __version__
from .errors import InputError
from .models import AnswerResult, RecordError

try:  # pragma: no cover - POSIX has fcntl; elsewhere O_APPEND alone keeps small lines whole
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

__all__ = ["AuditLog", "audit_entry", "oversee", "sha256_text"]


def sha256_text(text: str | bytes) -> str:
    """Hex sha256 of a text (UTF-8) or of bytes."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def _utc_now() -> str:
    now = _dt.datetime.now(_dt.UTC)
    return now.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def audit_entry(
    result: AnswerResult,
    *,
    rubric_hash: str | None = None,
    profile_hash: str | None = None,
    calibration_hash: str | None = None,
    timestamp: str | None = None,
) -> dict[str, Any]:
    """The log record of one scored answer: hashes, levels and signal names, no text."""
    levels: dict[str, int | None] = {}
    scores: dict[str, float | None] = {}
    signals: dict[str, list[str]] = {}
    for score in result.scores:
        levels[score.competency] = score.level
        scores[score.competency] = score.score
        names: list[str] = []
        for evidence in score.evidence:
            if evidence.signal not in names:
                names.append(evidence.signal)
        signals[score.competency] = names
    return {
        "timestamp": timestamp or _utc_now(),
        "version": __version__,
        "id": result.id,
        "candidate_id": result.candidate_id,
        "rubric": result.rubric,
        "rubric_hash": rubric_hash,
        "profile_hash": profile_hash,
        "calibration_hash": calibration_hash,
        "input_hash": sha256_text(result.answer),
        "language": result.language,
        "competency": result.competency,
        "levels": levels,
        "scores": scores,
        "signals": signals,
        "flags": list(result.flags),
        "advice": result.advice,
    }


class AuditLog:
    """Appends one JSON line per scored answer to ``path``; safe across processes.

    ``rubric`` is the Rubric used (its ``content_hash`` is logged; ``rubric_hash`` overrides),
    ``profile_hash`` / ``calibration_hash`` identify a role profile and a calibration file.
    Use as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        rubric: Any = None,
        rubric_hash: str | None = None,
        profile_hash: str | None = None,
        calibration_hash: str | None = None,
    ) -> None:
        self.path = str(path)
        self.rubric_hash = rubric_hash or getattr(rubric, "content_hash", None)
        self.profile_hash = profile_hash
        self.calibration_hash = calibration_hash
        self.count = 0
        try:
            self._fd: int | None = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        except OSError as exc:
            raise InputError(f"cannot open audit log: {exc.strerror}", path=self.path) from None
        self._repair_torn_tail()

    def _repair_torn_tail(self) -> None:
        """If an earlier writer died mid-line, start on a fresh line (one write, locked)."""
        assert self._fd is not None
        with _Locked(self._fd):
            size = os.fstat(self._fd).st_size
            if size == 0:
                return
            with open(self.path, "rb") as handle:
                handle.seek(size - 1)
                last = handle.read(1)
            if last != b"\n":
                os.write(self._fd, b"\n")

    def write(self, result: AnswerResult) -> dict[str, Any]:
        """Append the entry of one scored answer and return it."""
        entry = audit_entry(
            result,
            rubric_hash=self.rubric_hash,
            profile_hash=self.profile_hash,
            calibration_hash=self.calibration_hash,
        )
        self.write_entry(entry)
        return entry

    def write_all(self, results: Iterable[AnswerResult]) -> int:
        """Append every result; return how many lines were written."""
        before = self.count
        for result in results:
            self.write(result)
        return self.count - before

    def write_entry(self, entry: dict[str, Any]) -> None:
        """Append one prepared entry as a single JSON line."""
        if self._fd is None:
            raise ValueError("the audit log is closed")
        data = (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        with _Locked(self._fd):
            written = os.write(self._fd, data)
            while written < len(data):  # pragma: no cover - regular files write whole
                written += os.write(self._fd, data[written:])
        self.count += 1

    def close(self) -> None:
        """Close the file; further writes raise."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class _Locked:
    """An exclusive ``flock`` held for the duration of a ``with`` block (POSIX)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self) -> None:
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)


def oversee(
    results: Iterable[AnswerResult | RecordError],
    *,
    calibration: Any = None,
    log: AuditLog | None = None,
) -> Iterator[AnswerResult | RecordError]:
    """Apply a calibration (if any) to each scored answer, log it (if a log), pass it on.

    Errors pass through unlogged: the log holds one line per *scored* answer.
    """
    for item in results:
        if isinstance(item, AnswerResult):
            if calibration is not None:
                item = calibration.apply(item)
            if log is not None:
                log.write(item)
        yield item
