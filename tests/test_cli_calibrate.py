"""``talentfit calibrate``: report, calibration file, bad rows and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from talentfit.cli import main

ROWS = [
    ("Ik ben heel klantgericht en luister altijd goed.", "empathy", 2, "nl"),
    ("I transferred him to billing, not my department.", "ownership", 1, "en"),
    (
        "Last week a customer called about a late parcel. I traced it myself, called her back "
        "the same afternoon and she got it the next morning. She was relieved.",
        "ownership",
        4,
        "en",
    ),
]


def write_rated(tmp_path: Path, extra: str = "") -> str:
    path = tmp_path / "rated.jsonl"
    lines = [
        json.dumps({"answer": a, "competency": c, "level": lv, "lang": lang})
        for a, c, lv, lang in ROWS
    ]
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return str(path)


def test_calibrate_writes_versioned_file_and_json_report(tmp_path: Path) -> None:
    """-o writes the calibration file; --format json has spearman and qwk per language."""
    out = tmp_path / "calibration.json"
    result = CliRunner().invoke(
        main, ["calibrate", write_rated(tmp_path), "-o", str(out), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == json.loads(out.read_text("utf-8"))
    assert data["format"] == "talentfit-calibration" and data["version"] == 1
    assert data["rubric"] == "customer-service" and len(data["rubric_hash"]) == 64
    overall = data["report"]["agreement"]["overall"]
    assert {"spearman", "qwk", "exact", "adjacent"} <= set(overall["before"])
    assert set(data["report"]["agreement"]) == {"overall", "en", "nl"}
    assert data["competencies"]["ownership"]["note"].startswith("fewer than")


def test_calibrate_text_report(tmp_path: Path) -> None:
    """The text report shows before -> after per language and the mapping per competency."""
    result = CliRunner().invoke(main, ["calibrate", write_rated(tmp_path)])
    assert result.exit_code == 0
    assert "overall" in result.stdout and "->" in result.stdout
    assert "ownership" in result.stdout and "builtin" in result.stdout


def test_calibrate_bad_rows_are_named_and_exit_one(tmp_path: Path) -> None:
    """Rows with a bad level or competency are reported with their line; exit 1."""
    extra = (
        json.dumps({"answer": "x y z", "competency": "empathy", "level": 7})
        + "\n"
        + json.dumps({"answer": "x y z", "competency": "charm", "level": 3})
        + "\n"
    )
    result = CliRunner().invoke(main, ["calibrate", write_rated(tmp_path, extra)])
    assert result.exit_code == 1
    assert "'level' must be a whole number 1-5, got 7" in result.stderr
    assert "rated.jsonl:4" in result.stderr and "rated.jsonl:5" in result.stderr


def test_calibrate_unusable_input_exits_two(tmp_path: Path) -> None:
    """A missing file or no usable ratings is one line and exit 2."""
    runner = CliRunner()
    result = runner.invoke(main, ["calibrate", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.stderr
    empty = tmp_path / "empty.jsonl"
    empty.write_text(json.dumps({"answer": "hi", "competency": "x", "level": 1}) + "\n")
    result = runner.invoke(main, ["calibrate", str(empty)])
    assert result.exit_code == 2 and "no usable ratings" in result.stderr
