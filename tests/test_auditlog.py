"""The audit log: one whole JSON line per scored answer, no answer text, safe across processes."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import attrs
import pytest

from talentfit import __version__
from talentfit.auditlog import AuditLog, audit_entry, sha256_text
from talentfit.errors import InputError
from talentfit.models import AnswerResult, CompetencyScore, Evidence

ANSWER = "Ik heb mevrouw Jansen zelf teruggebeld en haar pakket persoonlijk nagestuurd."


def make_result(i: int = 0, answer: str = ANSWER) -> AnswerResult:
    """A scored answer as the engine returns it (evidence quotes the text)."""
    evidence = (
        Evidence(0, 30, answer[:30], "own_action", 1.0),
        Evidence(31, 50, answer[31:50], "follow_up", 0.8),
        Evidence(51, 60, answer[51:60], "own_action", 0.5),
    )
    return AnswerResult(
        id=f"a{i}",
        candidate_id="c7",
        language="nl",
        scores=(
            CompetencyScore("ownership", 4, 4.2, evidence, "concrete own actions"),
            CompetencyScore("empathy", None, None, (), "insufficient evidence"),
        ),
        competency="ownership",
        answer=answer,
        flags=("too_short",),
    )


def test_entry_has_hashes_levels_and_signals_but_no_text() -> None:
    """An entry names version, rubric hash, input hash, levels and signal names, never text."""
    entry = audit_entry(make_result(), rubric_hash="r" * 64, timestamp="2026-01-01T00:00:00Z")
    assert entry["version"] == __version__
    assert entry["rubric"] == "customer-service" and entry["rubric_hash"] == "r" * 64
    assert entry["input_hash"] == sha256_text(ANSWER)
    assert entry["levels"] == {"ownership": 4, "empathy": None}
    assert entry["scores"] == {"ownership": 4.2, "empathy": None}
    assert entry["signals"] == {"ownership": ["own_action", "follow_up"], "empathy": []}
    assert entry["profile_hash"] is None and entry["language"] == "nl"
    assert "advice for a human decision" in entry["advice"]
    dumped = json.dumps(entry, ensure_ascii=False)
    assert "Jansen" not in dumped and "teruggebeld" not in dumped


def test_log_appends_one_line_per_result_with_utc_timestamp(tmp_path: Path) -> None:
    """Each write appends exactly one JSON line; a second log on the same file appends."""
    path = tmp_path / "audit.jsonl"

    class Rubric:
        content_hash = "abc123"

    with AuditLog(path, rubric=Rubric(), profile_hash="p1") as log:
        assert log.write_all(make_result(i) for i in range(3)) == 3
    with AuditLog(path) as log:
        log.write(make_result(9))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    first = json.loads(lines[0])
    assert first["rubric_hash"] == "abc123" and first["profile_hash"] == "p1"
    assert first["timestamp"].endswith("Z") and first["timestamp"][:2] == "20"
    assert [json.loads(line)["id"] for line in lines] == ["a0", "a1", "a2", "a9"]


def test_torn_tail_is_repaired_before_appending(tmp_path: Path) -> None:
    """A half line left by a crashed writer does not swallow the next entry."""
    path = tmp_path / "audit.jsonl"
    path.write_bytes(b'{"timestamp": "2026-01-01T0')
    with AuditLog(path) as log:
        log.write(make_result())
    lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["id"] == "a0"


def test_unwritable_log_is_an_input_error(tmp_path: Path) -> None:
    """A log path that cannot be opened raises one clear InputError."""
    with pytest.raises(InputError, match="cannot open audit log"):
        AuditLog(tmp_path / "no" / "such" / "dir.jsonl")


def test_closed_log_refuses_writes(tmp_path: Path) -> None:
    """Writing after close raises instead of silently dropping an entry."""
    log = AuditLog(tmp_path / "a.jsonl")
    log.close()
    with pytest.raises(ValueError, match="closed"):
        log.write(make_result())


def _append_many(path: str, worker: int, count: int) -> None:
    long_answer = (ANSWER + " ") * 200  # ~15 KB of text behind each entry
    signals = tuple(
        Evidence(i, i + 1, "x", f"signal_{worker}_{i}_" + "s" * 40, 1.0) for i in range(150)
    )
    with AuditLog(path, profile_hash=f"w{worker}") as log:
        for i in range(count):
            result = attrs.evolve(
                make_result(worker * 1000 + i, long_answer),
                scores=(CompetencyScore("ownership", 4, 4.0, signals, ""),),
            )
            log.write(result)


def test_concurrent_processes_write_whole_lines(tmp_path: Path) -> None:
    """N processes × M long lines appended at once give exactly N*M valid JSON lines."""
    path = str(tmp_path / "audit.jsonl")
    workers, per_worker = 6, 60
    ctx = multiprocessing.get_context("fork")
    processes = [
        ctx.Process(target=_append_many, args=(path, w, per_worker)) for w in range(workers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    lines = Path(path).read_bytes().split(b"\n")
    assert lines[-1] == b""
    entries = [json.loads(line) for line in lines[:-1]]
    assert len(entries) == workers * per_worker
    ids = {e["id"] for e in entries}
    assert len(ids) == workers * per_worker
