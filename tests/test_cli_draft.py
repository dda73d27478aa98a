"""`talentfit vacancy draft`: output, files, exit codes 0/1/2 and messages on stderr."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from talentfit.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "profiles"
NL = EXAMPLES / "klantadviseur-energie.nl.toml"
EN = EXAMPLES / "support-engineer-bookkeeping.en.toml"
GOOD = sorted(p for p in EXAMPLES.glob("*.toml") if not p.name.startswith("empty-phrases"))
EMPTY = EXAMPLES / "empty-phrases.nl.toml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["vacancy", "draft", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["md", "html", "txt", "jsonld"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_clean_profiles_exit_0(path: Path, fmt: str, lang: str) -> None:
    """A clean profile drafts with exit 0 and no problem on stderr, in every format and language."""
    code, out, err = _run(str(path), "--format", fmt, "--lang", lang)
    assert code == 0, err
    assert "problem:" not in err
    assert out.strip()
    if fmt == "jsonld":
        assert json.loads(out)["@type"] == "JobPosting"


def test_empty_phrases_exit_1_and_name_each_phrase() -> None:
    """A profile full of empty phrases still gets a draft, exits 1 and names every phrase."""
    code, out, err = _run(str(EMPTY))
    assert code == 1
    assert out.startswith("# Accountmanager binnendienst")
    lowered = err.lower()
    for phrase in (
        "marktconform salaris",
        "doorgroeimogelijkheden",
        "jong en dynamisch",
        "moedertaal",
        "uitdagende functie",
    ):
        assert phrase in lowered, phrase
    assert "@ $.conditions.benefits[0]" in err
    assert "@ $.requirements.must[0]" in err
    assert "Suggestion:" in err
    assert "problem(s)" in err


def test_output_file(tmp_path: Path) -> None:
    """-o writes the draft to a file and nothing to stdout."""
    target = tmp_path / "vacature.html"
    code, out, err = _run(str(NL), "--format", "html", "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert target.read_text(encoding="utf-8").startswith('<article class="vacancy" lang="nl">')


def test_output_file_written_even_with_problems(tmp_path: Path) -> None:
    """Problems do not stop the draft from being written."""
    target = tmp_path / "draft.md"
    code, _out, _err = _run(str(EMPTY), "-o", str(target))
    assert code == 1
    assert "## Wat je krijgt" in target.read_text(encoding="utf-8")


def test_invalid_profile_exit_2_one_line(tmp_path: Path) -> None:
    """An invalid profile is one line on stderr, exit 2, no traceback, nothing on stdout."""
    bad = tmp_path / "role.toml"
    bad.write_text(
        NL.read_text(encoding="utf-8").replace("salary_min = 2900", 'salary_min = "2900"'),
        encoding="utf-8",
    )
    code, out, err = _run(str(bad))
    assert code == 2
    assert out == ""
    assert err == (f"Error: salary_min must be a number @ $.conditions.salary_min ({bad})\n")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("language = \n", "invalid TOML"),
        (None, "profile not found"),
    ],
)
def test_unreadable_profile_exit_2(tmp_path: Path, content: str | None, expected: str) -> None:
    """Broken TOML or a missing file: one Error line, exit 2."""
    path = tmp_path / "role.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _out, err = _run(str(path))
    assert code == 2
    assert err.startswith(f"Error: {expected}") and err.count("\n") == 1
    assert "Traceback" not in err


def test_bad_house_template_exit_2(tmp_path: Path) -> None:
    """An unsafe or broken house template is one Error line naming the template, exit 2."""
    (tmp_path / "vacancy.md.j2").write_text("{{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    code, _out, err = _run(str(NL), "--templates", str(tmp_path))
    assert code == 2
    assert err.startswith("Error: ") and "vacancy.md.j2" in err and err.count("\n") == 1


def test_usage_errors_exit_2() -> None:
    """Unknown format or language is a usage error (exit 2)."""
    assert _run(str(NL), "--format", "pdf")[0] == 2
    assert _run(str(NL), "--lang", "de")[0] == 2
    assert _run(str(NL), "--country", "Nederland", "--format", "jsonld")[0] == 2


def test_jsonld_country_and_date() -> None:
    """--country sets addressCountry; datePosted is today's date."""
    code, out, err = _run(str(EN), "--format", "jsonld", "--country", "be")
    assert code == 0, err
    posting = json.loads(out)
    assert posting["jobLocation"]["address"]["addressCountry"] == "BE"
    assert posting["datePosted"] == dt.date.today().isoformat()


def test_help_documents_exit_codes() -> None:
    """The command's help names its options and exit codes."""
    result = CliRunner().invoke(main, ["vacancy", "draft", "--help"])
    assert result.exit_code == 0
    for word in ("--lang", "--format", "--templates", "-o", "Exit codes"):
        assert word in result.stdout


def test_wide_salary_range_is_a_problem(tmp_path: Path) -> None:
    """A salary band too wide to mean anything is a pay-transparency problem (exit 1)."""
    wide = tmp_path / "wide.toml"
    wide.write_text(
        NL.read_text(encoding="utf-8").replace("salary_max = 3600", "salary_max = 6000"),
        encoding="utf-8",
    )
    code, out, err = _run(str(wide))
    assert code == 1
    assert "€ 2.900 tot € 6.000" in out
    assert "problem: pay_transparency" in err


def test_proper_names_are_not_findings() -> None:
    """The organisation's name and web address are not reworded, so not reported."""
    _code, out, err = _run(str(EMPTY))
    assert "Topper Groep" in out
    assert '"topper"' not in err.lower()


def test_unwritable_output_exit_2(tmp_path: Path) -> None:
    """An output path that cannot be written is one Error line, exit 2."""
    target = tmp_path / "missing-dir" / "draft.md"
    code, _out, err = _run(str(NL), "-o", str(target))
    assert code == 2
    assert err.startswith("Error: cannot write") and err.count("\n") == 1


def test_house_templates_from_the_cli(tmp_path: Path) -> None:
    """--templates renders the organisation's own template, checked like the built-in one."""
    (tmp_path / "vacancy.md.j2").write_text(
        "# {{ role.title }}\n\nSalaris: {{ salary.range }} {{ salary.period }}\n", "utf-8"
    )
    code, out, err = _run(str(NL), "--templates", str(tmp_path))
    assert code == 0, err
    assert out == "# Klantadviseur energie\n\nSalaris: € 2.900 tot € 3.600 per maand\n"
    # a house style that leaves the pay out is a pay-transparency problem
    (tmp_path / "vacancy.md.j2").write_text("# {{ role.title }}\n", "utf-8")
    code, _out, err = _run(str(NL), "--templates", str(tmp_path))
    assert code == 1 and "problem: pay_transparency" in err
    code, _out, err = _run(str(NL), "--templates", str(tmp_path), "--format", "jsonld")
    assert code == 2 and "vacancy.nl.html.j2 or vacancy.html.j2" in err
