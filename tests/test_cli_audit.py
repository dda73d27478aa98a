"""``talentfit audit``: exit codes, output formats, joins and safe CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from files import write

from talentfit.cli import main

TABLE = (
    "candidate_id,score,selected,gender\n"
    + "".join(f"a{i},{1 + i % 5},{int(i < 4)},f\n" for i in range(10))
    + "".join(f"b{i},{2 + i % 4},{int(i < 5)},m\n" for i in range(10))
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_audit_json_schema_and_exit_zero_without_flags(runner: CliRunner, tmp_path: Path) -> None:
    """JSON has the documented keys in order; no flag and no bad row exits 0."""
    table = write(tmp_path, "t.csv", TABLE)
    result = runner.invoke(main, ["audit", table, "--by", "gender", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data[0])[:4] == ["attribute", "method", "median", "groups"]
    group = data[0]["groups"][0]
    assert list(group)[:7] == ["group", "n", "rate", "impact_ratio", "flag", "z", "p"]
    rates = {g["group"]: g["impact_ratio"] for g in data[0]["groups"]}
    assert rates == pytest.approx({"f": 0.8, "m": 1.0})
    assert result.stderr == ""


def test_audit_flag_exits_one(runner: CliRunner, tmp_path: Path) -> None:
    """A group under four-fifths exits 1 and the text output names it."""
    table = write(tmp_path, "t.csv", TABLE.replace("a3,4,1", "a3,4,0"))
    result = runner.invoke(main, ["audit", table, "--by", "gender"])
    assert result.exit_code == 1
    assert "FLAG" in result.stdout and "below the four-fifths threshold: f" in result.stdout


def test_audit_scoring_method_reports_median(runner: CliRunner, tmp_path: Path) -> None:
    """--method scoring reports the overall median and tie shares."""
    table = write(tmp_path, "t.csv", TABLE)
    result = runner.invoke(
        main, ["audit", table, "--by", "gender", "--method", "scoring", "--format", "json"]
    )
    data = json.loads(result.stdout)
    assert data[0]["median"] == 3.0
    f = next(g for g in data[0]["groups"] if g["group"] == "f")
    assert f["rate"] == pytest.approx(4 / 10) and f["tie_rate"] == pytest.approx(2 / 10)
    assert result.exit_code in (0, 1)


def test_audit_bad_rows_reported_and_exit_one(runner: CliRunner, tmp_path: Path) -> None:
    """Non-numeric scores are named on stderr with file and line, and exit 1."""
    table = write(tmp_path, "t.csv", TABLE + "c1,high,1,m\n")
    result = runner.invoke(main, ["audit", table, "--by", "gender", "--method", "scoring"])
    assert result.exit_code == 1
    assert "bad row: 'score' must be a number, got 'high'" in result.stderr
    assert "t.csv:22" in result.stderr


def test_audit_jsonl_with_groups_file(runner: CliRunner, tmp_path: Path) -> None:
    """--groups joins group columns by candidate_id to a JSONL score table."""
    scores = "".join(
        json.dumps({"candidate_id": f"c{i}", "score": float(i % 5 + 1)}) + "\n" for i in range(20)
    )
    groups = "candidate_id,origin\n" + "".join(f"c{i},{'x' if i % 2 else 'y'}\n" for i in range(19))
    table = write(tmp_path, "s.jsonl", scores)
    gfile = write(tmp_path, "g.csv", groups)
    result = runner.invoke(
        main,
        [
            *("audit", table, "--by", "origin", "--groups", gfile),
            *("--method", "scoring", "--format", "json"),
        ],
    )
    data = json.loads(result.stdout)
    assert data[0]["missing"] == 1
    assert {g["group"]: g["n"] for g in data[0]["groups"]} == {"x": 9, "y": 10}


def test_audit_csv_neutralises_cells(runner: CliRunner, tmp_path: Path) -> None:
    """Group names that look like formulas are neutralised in CSV output."""
    table = write(tmp_path, "t.csv", TABLE.replace(",f\n", ",=HYPERLINK()\n"))
    result = runner.invoke(main, ["audit", table, "--by", "gender", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["group"] for r in rows} == {"'=HYPERLINK()", "m"}
    assert rows[0]["attribute"] == "gender"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["audit", "missing.csv", "--by", "g"], "no such file"),
        (["audit", "{table}"], "--by"),
        (["audit", "--by", "g"], "TABLE"),
        (["audit", "{table}", "--by", "g", "--method", "vibes"], "vibes"),
    ],
)
def test_audit_usage_and_unreadable_exit_two(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    """Unreadable files and usage errors give one line and exit 2, never a traceback."""
    table = write(tmp_path, "t.csv", TABLE)
    result = runner.invoke(main, [a.replace("{table}", table) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_audit_missing_groups_file_exits_two(runner: CliRunner, tmp_path: Path) -> None:
    """An unreadable --groups file is one line and exit 2."""
    table = write(tmp_path, "t.csv", TABLE)
    result = runner.invoke(
        main, ["audit", table, "--by", "gender", "--groups", str(tmp_path / "no.csv")]
    )
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_audit_empty_table_reports_no_candidates(runner: CliRunner, tmp_path: Path) -> None:
    """A table with a header only gives an empty report with a note, exit 0."""
    table = write(tmp_path, "t.csv", "candidate_id,selected,gender\n")
    result = runner.invoke(main, ["audit", table, "--by", "gender", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data[0]["groups"] == [] and data[0]["candidates"] == 0
    assert "no candidates" in data[0]["notes"][0]


def test_counterfactual_csv_lists_changes(runner: CliRunner, tmp_path: Path) -> None:
    """--counterfactual --format csv has a header and one row per moved competency."""
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "lang": "en", "answer": "He called me."}) + "\n")
    result = runner.invoke(main, ["audit", "--counterfactual", str(path), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["id", "line", "variant", "competency", "before", "after", "swapped"]
    assert result.exit_code == (1 if len(rows) > 1 else 0)
