"""Human oversight: every score output says it is advice; score --audit-log and --calibration."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from talentfit.auditlog import sha256_text
from talentfit.calibration import IDENTITY, Calibration, CompetencyCalibration
from talentfit.cli import main
from talentfit.rubric import load_rubric

ANSWERS = [
    {
        "id": "a1",
        "candidate_id": "c1",
        "competency": "ownership",
        "lang": "nl",
        "answer": "Mevrouw De Wit belde over een kapotte koelkast. Ik heb de monteur zelf gebeld, "
        "een afspraak gemaakt en haar de volgende dag teruggebeld. Ze was blij dat het "
        "geregeld was.",
    },
    {"id": "a2", "candidate_id": "c2", "competency": "empathy", "lang": "en", "answer": "Fine."},
    {"id": "a3", "answer": ""},
]


def write_input(tmp_path: Path) -> str:
    path = tmp_path / "answers.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ANSWERS), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "text"])
def test_every_output_states_advice_and_never_accept_reject(tmp_path: Path, fmt: str) -> None:
    """Each score format says the levels are advice for a human; none carries a decision."""
    result = CliRunner().invoke(main, ["score", write_input(tmp_path), "--format", fmt])
    assert result.exit_code == 1  # a3 has no answer
    out = result.stdout
    assert "advice for a human decision" in out
    without_advice = out.replace("not an accept/reject decision", "")
    assert not re.search(r"\b(accept|accepted|reject|rejected|hire|hired)\b", without_advice, re.I)
    if fmt == "jsonl":
        records = [json.loads(line) for line in out.splitlines()]
        scored = [r for r in records if "error" not in r]
        assert all("human" in r["advice"] for r in scored)
        assert not any({"decision", "accept", "reject"} & set(r) for r in records)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert all("human" in r["advice"] for r in rows if not r["error"])


def test_audit_log_has_one_line_per_scored_answer_and_no_text(tmp_path: Path) -> None:
    """--audit-log appends exactly one line per scored answer, with hashes instead of text."""
    log = tmp_path / "audit.jsonl"
    runner = CliRunner()
    for _ in range(2):
        runner.invoke(main, ["score", write_input(tmp_path), "--audit-log", str(log)])
    entries = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert len(entries) == 4  # 2 scored answers x 2 runs; the failed record is not logged
    rubric = load_rubric()
    first = entries[0]
    assert first["rubric"] == rubric.id and first["rubric_hash"] == rubric.content_hash
    assert first["input_hash"] == sha256_text(ANSWERS[0]["answer"])
    assert first["levels"]["ownership"] in range(1, 6)
    assert "too_short" in entries[1]["flags"]
    raw = log.read_text("utf-8")
    assert "koelkast" not in raw and "Fine." not in raw and "De Wit" not in raw


def shifted_calibration() -> Calibration:
    """A calibration whose raters are one level harsher on ownership."""
    rubric = load_rubric()
    cuts = [c + 1.0 for c in IDENTITY[:3]] + [5.49]
    return Calibration(
        format="talentfit-calibration",
        version=1,
        rubric=rubric.id,
        rubric_hash=rubric.content_hash,
        competencies={"ownership": CompetencyCalibration("thresholds", cuts, 40)},
    )


def test_score_applies_calibration_and_logs_its_hash(tmp_path: Path) -> None:
    """--calibration maps levels through the file's cuts; the audit log names its hash."""
    cal = shifted_calibration()
    cal_path = tmp_path / "calibration.json"
    cal_path.write_text(json.dumps(cal.to_dict()), encoding="utf-8")
    log = tmp_path / "audit.jsonl"
    runner = CliRunner()
    plain = runner.invoke(main, ["score", write_input(tmp_path)])
    calibrated = runner.invoke(
        main,
        ["score", write_input(tmp_path), "--calibration", str(cal_path), "--audit-log", str(log)],
    )
    before = json.loads(plain.stdout.splitlines()[0])["scores"]
    after = json.loads(calibrated.stdout.splitlines()[0])["scores"]
    own_before = next(s for s in before if s["competency"] == "ownership")
    own_after = next(s for s in after if s["competency"] == "ownership")
    assert own_after["level"] == max(1, own_before["level"] - 1)
    assert round(own_after["score"]) == own_after["level"]
    assert json.loads(log.read_text("utf-8").splitlines()[0])["calibration_hash"] == (
        cal.content_hash
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "invalid JSON"),
        ('{"format": "other"}', "not a talentfit calibration file"),
        (None, "calibrate again"),
    ],
)
def test_invalid_calibration_file_is_one_line_exit_two(
    tmp_path: Path, content: str | None, message: str
) -> None:
    """A broken or mismatched calibration file stops with one clear line and exit 2."""
    path = tmp_path / "calibration.json"
    if content is None:
        data = shifted_calibration().to_dict()
        data["rubric_hash"] = "f" * 64
        content = json.dumps(data)
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["score", write_input(tmp_path), "--calibration", str(path)])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_fairness_demo_shows_a_flag_and_the_counterfactual_summary() -> None:
    """The demo of the oversight tools prints an audit with a flag and a swap summary."""
    import io as _io

    from talentfit.demo import run_fairness_demo

    out = _io.StringIO()
    run_fairness_demo(out)
    text = out.getvalue()
    assert "FLAG" in text and "under 2% of the candidates" in text
    assert "Counterfactual check of the example answers" in text
