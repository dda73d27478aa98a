"""`talentfit score`: formats, one output per record, exit codes, no tracebacks."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from files import write

from talentfit.cli import main

ANSWER_NL = (
    "Een klant belde omdat haar pakket kwijt was. Ik heb haar niet doorverbonden maar zelf "
    "de vervoerder gebeld. Ik beloofde haar om vier uur terug te bellen en dat deed ik ook. "
    "Het pakket werd de volgende dag bezorgd en ze bedankte me."
)
ANSWER_EN = (
    "A customer emailed that his order was late. I called the courier myself and sent him an "
    "update the same afternoon. The parcel arrived the next day and he thanked me."
)


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_jsonl_one_object_per_record_in_order(tmp_path: Path) -> None:
    """Each input record yields exactly one output object, in input order."""
    path = write(
        tmp_path,
        "a.jsonl",
        jsonl(
            {"id": "x1", "candidate_id": "c1", "answer": ANSWER_NL, "competency": "ownership"},
            {"id": "x2", "answer": ANSWER_EN, "lang": "en"},
        ),
    )
    code, out, err = run("score", path)
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in lines] == ["x1", "x2"]
    first = lines[0]
    assert set(first) >= {"id", "candidate_id", "language", "scores"}
    target = next(s for s in first["scores"] if s["competency"] == "ownership")
    assert target["level"] >= 3
    assert all({"start", "end", "text", "signal"} <= set(e) for e in target["evidence"])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        (json.dumps({"id": "m", "question": "q"}), "'answer' is missing"),
        (json.dumps({"id": "e", "answer": "  "}), "'answer' is missing"),
        (json.dumps({"id": "l", "answer": ANSWER_EN, "lang": "de"}), "unsupported language"),
        (json.dumps([1, 2]), "expected a JSON object"),
    ],
)
def test_bad_record_yields_error_record_and_exit_1(tmp_path: Path, line: str, message: str) -> None:
    """A record that cannot be scored becomes {id, line, error}; the batch goes on; exit 1."""
    content = (
        jsonl({"id": "ok1", "answer": ANSWER_EN})
        + line
        + "\n"
        + jsonl({"id": "ok2", "answer": ANSWER_NL})
    )
    code, out, err = run("score", write(tmp_path, "b.jsonl", content))
    assert code == 1
    records = [json.loads(x) for x in out.splitlines()]
    assert len(records) == 3
    assert records[0]["id"] == "ok1" and records[2]["id"] == "ok2"
    assert set(records[1]) == {"id", "line", "error"}
    assert records[1]["line"] == 2
    assert message in records[1]["error"] and "line 2" in records[1]["error"]
    assert "record(s) could not be scored" in err


def test_missing_file_is_exit_2_one_line(tmp_path: Path) -> None:
    """A missing file: one clear line on stderr, exit 2, no traceback."""
    code, out, err = run("score", str(tmp_path / "nope.jsonl"))
    assert code == 2
    assert out == ""
    assert err.strip().startswith("Error: no such file")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_binary_file_is_exit_2(tmp_path: Path) -> None:
    """A file that is not text is fatal (exit 2)."""
    code, _, err = run("score", write(tmp_path, "b.jsonl", b"\x89PNG\x00\x01\x02\xff\xfe"))
    assert code == 2
    assert "Error:" in err and "Traceback" not in err


def test_directory_is_exit_2(tmp_path: Path) -> None:
    """A directory instead of a file is a usage error (exit 2)."""
    code, _, err = run("score", str(tmp_path))
    assert code == 2 and "is a directory" in err


def test_unknown_suffix_is_exit_2(tmp_path: Path) -> None:
    """An input whose format cannot be told is exit 2 with the expected suffixes."""
    code, _, err = run("score", write(tmp_path, "a.xlsx", "x"))
    assert code == 2 and ".jsonl, .json or .csv" in err


def test_unknown_rubric_is_exit_2(tmp_path: Path) -> None:
    """An unknown rubric name is exit 2."""
    path = write(tmp_path, "a.jsonl", jsonl({"answer": ANSWER_EN}))
    code, _, err = run("score", path, "--rubric", "sales-superstar")
    assert code == 2 and "unknown rubric 'sales-superstar'" in err


def test_bad_option_is_exit_2(tmp_path: Path) -> None:
    """A bad option value is a usage error (exit 2)."""
    path = write(tmp_path, "a.jsonl", jsonl({"answer": ANSWER_EN}))
    code, _, err = run("score", path, "--format", "xml")
    assert code == 2 and "Invalid value" in err


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_encodings_are_read(tmp_path: Path, encoding: str) -> None:
    """UTF-8 with BOM and UTF-16 with BOM are read."""
    content = jsonl({"id": "bom", "answer": ANSWER_NL}).encode(encoding)
    code, out, _ = run("score", write(tmp_path, "bom.jsonl", content))
    assert code == 0 and json.loads(out)["id"] == "bom"


def test_undecodable_line_is_an_error_record_and_the_rest_is_scored(tmp_path: Path) -> None:
    """A line in another encoding becomes an error record naming it; nothing else is lost."""
    content = (
        jsonl({"id": "a", "answer": ANSWER_EN})
        + '{"id": "b", "answer": "caf\xe9"}\n'
        + jsonl({"id": "c", "answer": ANSWER_NL})
    ).encode("latin-1")
    code, out, _ = run("score", write(tmp_path, "l1.jsonl", content))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r.get("id") for r in records] == ["a", None, "c"]
    assert records[1]["line"] == 2 and "not UTF-8" in records[1]["error"]


def test_undecodable_csv_line_is_an_error_record(tmp_path: Path) -> None:
    """In CSV too, a line with bad bytes is reported in its place and the others are scored."""
    content = f"id,answer\na,{ANSWER_EN}\nb,caf\xe9\nc,{ANSWER_NL}\n".encode("latin-1")
    code, out, _ = run("score", write(tmp_path, "l1.csv", content))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r.get("id") for r in records] == ["a", None, "c"]
    assert records[1]["line"] == 3


def test_file_that_is_not_text_from_the_first_line_is_exit_2(tmp_path: Path) -> None:
    """A file whose first line is not UTF-8 text is unreadable input: exit 2 naming the line."""
    content = '{"answer": "caf\xe9"}\n'.encode("latin-1")
    code, _, err = run("score", write(tmp_path, "l1.jsonl", content))
    assert code == 2 and "not UTF-8" in err and ":1" in err


def test_json_array_input_and_output(tmp_path: Path) -> None:
    """A JSON array in, one JSON array out."""
    path = write(tmp_path, "a.json", json.dumps([{"answer": ANSWER_EN}, {"answer": ANSWER_NL}]))
    code, out, _ = run("score", path, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 2


def test_csv_input_and_spreadsheet_safe_output(tmp_path: Path) -> None:
    """CSV in; CSV out has one row per answer x competency, formulas neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "answer", "competency"])
    writer.writerow(['=HYPERLINK("http://x")', ANSWER_EN, "ownership"])
    path = write(tmp_path, "a.csv", buf.getvalue())
    code, out, _ = run("score", path, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 8
    assert all(r["id"].startswith("'=") for r in rows)


@pytest.mark.parametrize("sep", [";", "\t", ","])
def test_csv_separator_is_read_from_the_header(tmp_path: Path, sep: str) -> None:
    """Excel in Dutch locales writes ';', other tools tabs: the header decides, and a
    separator inside a quoted answer does not."""
    answer = ANSWER_EN.replace(",", ";") if sep == "," else ANSWER_EN.replace(";", ",")
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\n")
    writer.writerow(["id", "answer", "lang"])
    writer.writerow(["a", answer, "en"])
    writer.writerow(["b", "Ik heb de klant teruggebeld; hij had lang gewacht, dus ik bleef.", "nl"])
    code, out, _ = run("score", write(tmp_path, "a.csv", "\ufeff" + buf.getvalue()))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["id"], r["language"]) for r in records] == [("a", "en"), ("b", "nl")]


def test_stdin_and_output_file(tmp_path: Path) -> None:
    """'-' reads JSONL from stdin; -o writes to a file."""
    target = tmp_path / "out.jsonl"
    code, out, _ = run("score", "-", "-o", str(target), input=jsonl({"answer": ANSWER_EN}))
    assert code == 0 and out == ""
    assert json.loads(target.read_text("utf-8"))["language"] == "en"


def test_text_format_quotes_evidence(tmp_path: Path) -> None:
    """The text format quotes the evidence behind each level."""
    path = write(tmp_path, "a.jsonl", jsonl({"answer": ANSWER_NL, "competency": "ownership"}))
    code, out, _ = run("score", path, "--format", "text")
    assert code == 0
    assert "*ownership" in out and '"zelf de vervoerder gebeld"' in out


def test_version_and_demo() -> None:
    """--version prints the version; demo prints readable results."""
    code, out, _ = run("--version")
    assert code == 0 and "talentfit" in out
    code, out, _ = run("demo")
    assert code == 0 and "level" in out and "advice for a human decision" in out


def test_empty_input_is_ok(tmp_path: Path) -> None:
    """An empty file scores nothing and exits 0."""
    code, out, _ = run("score", write(tmp_path, "e.jsonl", ""))
    assert code == 0 and out == ""


def test_python_dash_m_runs_the_same_command_line() -> None:
    """``python -m talentfit`` is the ``talentfit`` command (for environments without the
    script on PATH)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "talentfit", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("talentfit, version ")
