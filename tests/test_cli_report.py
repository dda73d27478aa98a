"""Tests for ``talentfit report``: exit codes, messages, files written."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from talentfit.cli import main

SCORES = Path(__file__).parent / "data" / "report_scores.jsonl"


def _valid_lines() -> str:
    lines = SCORES.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if '"error"' not in line) + "\n"


def test_report_writes_html_and_exits_0(tmp_path: Path) -> None:
    """Only scored records: the report is written, a one-line summary, exit 0."""
    scores = tmp_path / "scores.jsonl"
    scores.write_text(_valid_lines(), encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(scores), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out}: 4 candidates, 7 answers\n"
    assert result.stderr == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_default_output_name(tmp_path: Path) -> None:
    """Without -o the report goes to report.html in the working directory."""
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path):
        Path("s.jsonl").write_text(_valid_lines(), encoding="utf-8")
        result = runner.invoke(main, ["report", "s.jsonl"])
        assert result.exit_code == 0
        assert Path("report.html").is_file()


def test_error_records_are_reported_and_exit_1(tmp_path: Path) -> None:
    """Failed records are listed on stderr and in the report; exit 1."""
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(SCORES), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stdout.endswith("4 candidates, 7 answers, 1 not scored\n")
    assert result.stderr == "not scored: line 9: answer is empty @ $.answer (answers.jsonl:9)\n"
    assert "answer is empty @ $.answer" in out.read_text(encoding="utf-8")


def test_stdin_and_invalid_json_line(tmp_path: Path) -> None:
    """SCORES may be -; an invalid JSON line is not scored, with its line number."""
    out = tmp_path / "r.html"
    text = _valid_lines() + "{not json\n"
    result = CliRunner().invoke(main, ["report", "-", "-o", str(out)], input=text)
    assert result.exit_code == 1
    assert result.stderr.startswith("not scored: line 8: invalid JSON")
    assert out.is_file()


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    """A missing SCORES file: one Error line, exit 2, no report, no traceback."""
    out = tmp_path / "r.html"
    missing = tmp_path / "missing.jsonl"
    result = CliRunner().invoke(main, ["report", str(missing), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: no such file ({missing})\n"
    assert not out.exists()


def test_unwritable_output_exits_2(tmp_path: Path) -> None:
    """An output path in a missing directory: one Error line, exit 2."""
    out = tmp_path / "nope" / "r.html"
    result = CliRunner().invoke(main, ["report", str(SCORES), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot write the report")
    assert len(result.stderr.splitlines()) == 1


def test_lang_and_profile(tmp_path: Path) -> None:
    """--lang nl gives Dutch interface text; --profile orders and weights the columns."""
    scores = tmp_path / "scores.jsonl"
    scores.write_text(_valid_lines(), encoding="utf-8")
    profile = tmp_path / "role.toml"
    profile.write_text("[competencies]\nempathy = 1\nownership = 3\n", encoding="utf-8")
    out = tmp_path / "r.html"
    args = ["report", str(scores), "--lang", "nl", "--profile", str(profile), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Kandidatenrapport" in html
    assert html.index("×3") < html.index("×1")
    assert "×2" not in html


def test_invalid_profile_exits_2(tmp_path: Path) -> None:
    """A profile with a bad weight: one Error line naming the field, exit 2."""
    profile = tmp_path / "role.toml"
    profile.write_text('[competencies]\nownership = "veel"\n', encoding="utf-8")
    args = ["report", str(SCORES), "--profile", str(profile), "-o", str(tmp_path / "r.html")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "weight must be a number" in result.stderr
    assert "$.competencies.ownership" in result.stderr
    assert str(profile) in result.stderr


def test_help_documents_the_command() -> None:
    """`talentfit report --help` explains SCORES and the exit codes."""
    result = CliRunner().invoke(main, ["report", "--help"])
    assert result.exit_code == 0
    assert "SCORES" in result.stdout and "--profile" in result.stdout and "Exit 1" in result.stdout


def test_json_array_input(tmp_path: Path) -> None:
    """A .json array of score records works like JSONL."""
    records = [json.loads(line) for line in _valid_lines().splitlines()]
    scores = tmp_path / "scores.json"
    scores.write_text(json.dumps(records), encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(scores), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
