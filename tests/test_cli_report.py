"""Tests for ``talentfit report``: exit codes, messages, files written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
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


def test_report_default_output_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without -o the report goes to report.html in the working directory."""
    monkeypatch.chdir(tmp_path)
    Path("s.jsonl").write_text(_valid_lines(), encoding="utf-8")
    result = CliRunner().invoke(main, ["report", "s.jsonl"])
    assert result.exit_code == 0
    assert (tmp_path / "report.html").is_file()


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


ROLE = Path(__file__).parent / "data" / "report_role.toml"


def test_lang_and_profile(tmp_path: Path) -> None:
    """--lang nl gives Dutch interface text; --profile orders and weights the columns."""
    scores = tmp_path / "scores.jsonl"
    scores.write_text(_valid_lines(), encoding="utf-8")
    out = tmp_path / "r.html"
    args = ["report", str(scores), "--lang", "nl", "--profile", str(ROLE), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Kandidatenrapport" in html
    assert html.index("eigenaarschap <span") < html.index("×3") < html.index("×1")
    assert "×2" not in html


def test_invalid_profile_exits_2(tmp_path: Path) -> None:
    """A profile with a bad weight: one Error line naming the field and file, exit 2."""
    profile = tmp_path / "role.toml"
    role = ROLE.read_text(encoding="utf-8")
    profile.write_text(role.replace("ownership = 3", 'ownership = "veel"'), encoding="utf-8")
    args = ["report", str(SCORES), "--profile", str(profile), "-o", str(tmp_path / "r.html")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert len(result.stderr.splitlines()) == 1
    assert "'veel'" in result.stderr and "@ $.competencies.ownership" in result.stderr
    assert str(profile) in result.stderr
    assert not (tmp_path / "r.html").exists()


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


ANSWERS = Path(__file__).parent / "data" / "report_answers.jsonl"


def test_score_writes_the_report_in_the_same_run(tmp_path: Path) -> None:
    """`talentfit score … --report` writes the same report as `talentfit report` on its JSONL."""
    scores, html = tmp_path / "s.jsonl", tmp_path / "s.html"
    args = ["score", str(ANSWERS), "-o", str(scores), "--report", str(html)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote report {html}: 4 candidates\n"
    again = tmp_path / "again.html"
    assert CliRunner().invoke(main, ["report", str(scores), "-o", str(again)]).exit_code == 0
    assert html.read_text(encoding="utf-8") == again.read_text(encoding="utf-8")


def test_score_report_lists_failed_records(tmp_path: Path) -> None:
    """Answers that fail to score are in the report's 'Not scored' list; exit 1."""
    answers = tmp_path / "a.jsonl"
    answers.write_text(
        ANSWERS.read_text(encoding="utf-8") + '{"id": "empty", "answer": ""}\n', encoding="utf-8"
    )
    html = tmp_path / "r.html"
    args = ["score", str(answers), "-o", str(tmp_path / "s.jsonl"), "--report", str(html)]
    args += ["--report-lang", "nl"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    text = html.read_text(encoding="utf-8")
    assert "Niet gescoord" in text and "answer" in text


def test_demo_writes_a_report(tmp_path: Path) -> None:
    """`talentfit demo --report PATH` writes the example candidates' report and prints the path."""
    html = tmp_path / "demo.html"
    result = CliRunner().invoke(main, ["demo", "--report", str(html)])
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith(f"candidates: {html}")
    assert html.read_text(encoding="utf-8").count('<section class="cand"') >= 2


def test_csv_scores_are_refused(tmp_path: Path) -> None:
    """CSV scores have no evidence offsets: one Error line, exit 2."""
    scores = tmp_path / "scores.csv"
    scores.write_text("id,answer\n1,hi\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(scores), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {scores}: expected the JSONL that `talentfit score --format jsonl` writes "
        "(CSV has no evidence offsets)\n"
    )


def test_shipped_example_profile(tmp_path: Path) -> None:
    """A shipped example profile drives the report: its weighted competencies, heaviest first."""
    profile = Path(__file__).parents[1] / "examples/profiles/klantadviseur-energie.nl.toml"
    out = tmp_path / "r.html"
    args = ["report", str(SCORES), "--profile", str(profile), "--lang", "nl", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1  # the fixture holds one failed record
    html = out.read_text(encoding="utf-8")
    order = ["eigenaarschap", "klantvraag doorgronden", "inlevingsvermogen", "initiatief"]
    positions = [html.index(f'{name} <span class="w">') for name in order]
    assert positions == sorted(positions)
    assert 'extra stap <span class="w">' not in html


def test_score_report_with_profile_shows_values_and_weights(tmp_path: Path) -> None:
    """`score --profile … --report`: the report has the profile's columns, values, motivation."""
    html = tmp_path / "r.html"
    args = ["score", str(ANSWERS), "--profile", str(ROLE), "-o", str(tmp_path / "s.jsonl")]
    result = CliRunner().invoke(main, [*args, "--report", str(html)])
    assert result.exit_code == 0, result.output
    text = html.read_text(encoding="utf-8")
    assert text.index("×3") < text.index("×1")
    assert "Motivation fit" in text and "Values" in text


def test_score_report_needs_per_answer_results(tmp_path: Path) -> None:
    """`--per candidate` summaries cannot make a report: a usage error, exit 2."""
    args = ["score", str(ANSWERS), "--per", "candidate", "--report", str(tmp_path / "r.html")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "--report needs the per-answer results" in result.stderr
    assert not (tmp_path / "r.html").exists()
