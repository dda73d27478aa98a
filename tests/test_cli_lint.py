"""`talentfit vacancy lint`: text and JSON output, exit codes 0/1/2, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from files import write

from talentfit.cli import main
from talentfit.lint import example_vacancy

GOOD_EN = (Path(__file__).resolve().parents[1] / "examples" / "vacancies" / "good_en.md").read_text(
    encoding="utf-8"
)


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, ["vacancy", "lint", *args], input=input, catch_exceptions=False
    )
    return result.exit_code, result.stdout, result.stderr


def test_cliche_ad_exits_1_and_prints_readable_lines(tmp_path: Path) -> None:
    """Errors in the ad: exit 1, one 'path:line:col: severity category rule: …' line each."""
    path = write(tmp_path, "ad.txt", example_vacancy("nl"))
    code, out, err = run(path)
    assert code == 1 and err == ""
    assert f"{path}:1:1: error exclusionary_gender gendered-title:" in out
    assert " -> " in out and "warning cliche market-rate-salary" in out
    assert f"{path}: nl, " in out and "flesch-douma" in out


def test_good_ad_exits_0(tmp_path: Path) -> None:
    """A well-written ad has nothing at or above 'error' (nor 'warning')."""
    path = write(tmp_path, "good.md", GOOD_EN)
    assert run(path)[0] == 0
    assert run("--fail-on", "warning", path)[0] == 0


def test_fail_on_levels(tmp_path: Path) -> None:
    """--fail-on warning fails on warnings only ads; never always exits 0."""
    path = write(tmp_path, "warn.txt", "Wij bieden een marktconform salaris.")
    assert run(path)[0] == 0
    assert run("--fail-on", "warning", path)[0] == 1
    cliche = write(tmp_path, "ad.txt", example_vacancy("nl"))
    assert run("--fail-on", "never", cliche)[0] == 0


def test_json_is_one_array_with_one_object_per_file(tmp_path: Path) -> None:
    """--format json prints the documented wire schema for every file."""
    a = write(tmp_path, "a.txt", example_vacancy("nl"))
    b = write(tmp_path, "b.md", GOOD_EN)
    code, out, _ = run("--format", "json", a, b)
    data = json.loads(out)
    assert code == 1 and [d["path"] for d in data] == [a, b]
    assert [d["language"] for d in data] == ["nl", "en"]
    finding = data[0]["findings"][0]
    assert set(finding) == {
        "rule", "category", "severity", "start", "end", "line", "column", "text", "message",
        "suggestion",
    }  # fmt: skip
    text = Path(a).read_text(encoding="utf-8")
    assert all(text[f["start"] : f["end"]] == f["text"] for f in data[0]["findings"])


def test_stdin_and_language_option() -> None:
    """'-' reads stdin; --lang overrides detection."""
    code, out, _ = run("--lang", "en", "--format", "json", "-", input="A competitive salary.")
    data = json.loads(out)
    assert data[0]["path"] == "<stdin>" and data[0]["language"] == "en"
    assert any(f["rule"] == "market-rate-salary" for f in data[0]["findings"])
    assert code == 0


def test_unreadable_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A missing or binary file: one 'Error:' line naming it, exit 2, others still linted."""
    good = write(tmp_path, "good.md", GOOD_EN)
    missing = str(tmp_path / "missing.txt")
    code, out, err = run("--format", "json", good, missing)
    assert code == 2
    assert err.strip().splitlines() == [f"Error: no such file ({missing})"]
    # one object per file given: the unreadable one says why, nothing is silently dropped
    first, second = json.loads(out)
    assert first["path"] == good and "error" not in first and first["metrics"]["words"] > 0
    assert second == {
        "path": missing,
        "language": None,
        "findings": [],
        "metrics": None,
        "error": "no such file",
    }
    binary = write(tmp_path, "x.txt", b"\x00\x01\xff")
    code, _, err = run(binary)
    assert code == 2 and err.startswith("Error: ") and "Traceback" not in err


def test_undetectable_language_is_exit_2(tmp_path: Path) -> None:
    """No recognisable language: one clear line asking for --lang."""
    path = write(tmp_path, "n.txt", "12345 67890")
    code, _, err = run(path)
    assert code == 2 and "give the language" in err


def test_config_option_and_bad_config(tmp_path: Path) -> None:
    """--config disables rules; an invalid config is exit 2 with the field named."""
    config = write(
        tmp_path,
        "lint.toml",
        'disable = ["exclusionary_gender", "exclusionary_age", "exclusionary_origin"]\n',
    )
    ad = write(tmp_path, "ad.txt", example_vacancy("nl"))
    code, out, _ = run("--config", config, ad)
    assert code == 0 and "exclusionary" not in out
    bad = write(tmp_path, "bad.toml", 'severity = { cliche = "loud" }\n')
    code, out, err = run("--config", bad, ad)
    assert code == 2 and out == ""
    assert (
        err.strip()
        == f"Error: expected one of error, warning, info, got 'loud' @ $.severity.cliche ({bad})"
    )


def test_usage_errors_are_exit_2(tmp_path: Path) -> None:
    """No file, or an unknown option value: click's usage error, exit 2."""
    assert run()[0] == 2
    assert run("--fail-on", "sometimes", "x.txt")[0] == 2
    assert run("--lang", "de", "x.txt")[0] == 2


def test_help_mentions_exit_codes() -> None:
    """The command documents its exit codes."""
    code, out, _ = run("--help")
    assert code == 0 and "Exit codes" in out


def test_demo_lints_the_example_vacancy() -> None:
    """`talentfit demo` ends with the lint findings of the packaged cliché-laden ad."""
    result = CliRunner().invoke(main, ["demo"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "linting an example cliché-laden vacancy (nl)" in result.stdout
    assert "example-nl.txt:1:1: error exclusionary_gender gendered-title:" in result.stdout


def test_a_directory_lints_the_vacancy_files_below_it(tmp_path: Path) -> None:
    """A folder of vacancies in CI: every .txt/.md/.html below it, sorted, hidden folders
    and other files left out; a folder without any is an error that names it."""
    folder = tmp_path / "ads"
    (folder / "2026").mkdir(parents=True)
    (folder / ".git").mkdir()
    write(folder, "good.md", GOOD_EN)
    write(folder / "2026", "cliche.txt", example_vacancy("nl"))
    write(folder / ".git", "hidden.txt", example_vacancy("nl"))
    write(folder, "notes.rst", "not a vacancy")
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run("--format", "json", str(folder), str(empty))
    paths = [entry["path"] for entry in json.loads(out)]
    assert paths == [str(folder / "2026" / "cliche.txt"), str(folder / "good.md"), str(empty)]
    assert json.loads(out)[2]["error"] == "no vacancy files (.txt, .md, .html) in this directory"
    assert code == 2 and err.startswith("Error: no vacancy files")
    code, _, err = run(str(folder))
    assert code == 1 and err == ""
