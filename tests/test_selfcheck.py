"""The draft's self-check: profile findings keep their key path, problems vs advice, dedupe.

These tests use a small stand-in lint with the documented interface, so they protect the
bookkeeping of the self-check whatever the real rules say; test_cli_draft.py runs the real
lint end to end.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import talentfit.selfcheck as selfcheck_module
from talentfit.draft import DraftFinding, draft_vacancy
from talentfit.lint import Finding
from talentfit.profile import load_profile

ROOT = Path(__file__).resolve().parents[1]
NL = ROOT / "examples" / "profiles" / "klantadviseur-energie.nl.toml"
EMPTY = ROOT / "examples" / "profiles" / "empty-phrases.nl.toml"
PROBLEMS = frozenset({"cliche", "vague_benefit", "exclusionary_origin", "pay_transparency"})


@attrs.frozen
class _Result:
    findings: tuple[Finding, ...]


_RULES = [
    ("market-rate", "cliche", r"marktconform\w*"),
    ("native", "exclusionary_origin", r"moedertaal"),
    ("coded", "gender_coded", r"\bsamen\w*"),
]


def _fake_lint(text: str, *, lang: str | None = None, config: Any = None) -> _Result:
    findings = []
    for rule, category, pattern in _RULES:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            line = text.count("\n", 0, m.start()) + 1
            findings.append(
                Finding(
                    rule,
                    category,
                    "warning",
                    m.start(),
                    m.end(),
                    line,
                    1,
                    m.group(),
                    f"{rule} message",
                    f"{rule} suggestion",
                )
            )
    if "€" not in text and len(text) > 200:
        findings.append(
            Finding(
                "pay-missing",
                "pay_transparency",
                "warning",
                0,
                0,
                1,
                1,
                "",
                "no pay",
                "name the pay",
            )
        )
    return _Result(tuple(findings))


@pytest.fixture(autouse=True)
def fake_lint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selfcheck_module, "_lint", lambda: (_fake_lint, PROBLEMS))


def test_profile_phrases_keep_their_key_path() -> None:
    """A phrase in a profile field is reported with that field's key path, once."""
    draft = draft_vacancy(load_profile(EMPTY))
    where = {(f.rule, f.where) for f in draft.findings}
    assert ("market-rate", "$.conditions.contract") in where
    assert ("market-rate", "$.conditions.benefits[0]") in where
    assert ("native", "$.requirements.must[0]") in where
    assert not any(
        f.where == "draft" and f.rule in ("market-rate", "native") for f in draft.findings
    )
    assert not draft.ok


def test_whole_text_checks_are_about_the_draft_only() -> None:
    """A whole-text check (no pay) on a single field is not reported for that field."""
    draft = draft_vacancy(load_profile(NL))
    assert not any(f.rule == "pay-missing" for f in draft.findings)
    assert draft.ok


def test_advice_is_not_a_problem() -> None:
    """Gender-coded words and other non-problem categories land in advice."""
    draft = draft_vacancy(load_profile(NL))
    assert all(f.category not in PROBLEMS for f in draft.advice)
    assert any(f.rule == "coded" for f in draft.advice)
    assert all(f.where == "draft" for f in draft.advice)


def test_describe_names_phrase_context_and_suggestion() -> None:
    """The stderr line carries category, phrase, its context, key path and suggestion."""
    draft = draft_vacancy(load_profile(EMPTY))
    line = next(f for f in draft.findings if f.where == "$.requirements.must[0]").describe()
    assert line == (
        'exclusionary_origin "moedertaal" in "Nederlands is je moedertaal." @'
        " $.requirements.must[0]: native message Suggestion: native suggestion"
    )


def test_draft_findings_carry_their_line() -> None:
    """Wording only the draft has is reported with its line in the written draft."""
    finding = DraftFinding("draft", "r", "cliche", "warning", "x", "m", "s", line=7, column=3)
    assert "@ draft line 7:" in finding.describe()
    assert "(whole text) @ draft:" in DraftFinding("draft", "r", "c", "w", "", "m").describe()


def test_check_false_skips_the_lint(monkeypatch: pytest.MonkeyPatch) -> None:
    """check=False never calls the lint."""

    def boom() -> Any:
        raise AssertionError("lint called")

    monkeypatch.setattr(selfcheck_module, "_lint", boom)
    assert draft_vacancy(load_profile(EMPTY), check=False).findings == ()


def test_mixed_language_draft_trusts_field_checks() -> None:
    """With --lang other than the profile's, the profile's words are judged per field only."""
    draft = draft_vacancy(load_profile(NL), lang="en")
    # "samen…" only occurs in the profile's Dutch text: reported for its field, not the draft.
    coded = [f for f in draft.advice if f.rule == "coded"]
    assert coded and all(f.where.startswith("$.") for f in coded)


def test_html_context_reads_as_text() -> None:
    """Findings in an HTML draft quote readable text, not tags or entities."""
    draft = draft_vacancy(load_profile(NL), fmt="html")
    coded = [f for f in draft.advice if f.rule == "coded"]
    assert coded
    for finding in coded:
        assert "<" not in (finding.context or "") and "&amp;" not in (finding.context or "")
