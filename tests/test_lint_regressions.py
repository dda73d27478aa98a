"""Lint regressions found while drafting: amounts without separators, employer praise."""

from talentfit import lint_vacancy


def _rules(text: str, lang: str = "nl") -> set[str]:
    return {f.rule for f in lint_vacancy(text, lang=lang).findings}


def test_amounts_without_thousands_separator_are_read_whole() -> None:
    """'€ 2500 tot € 6000' is a range of 2.4x: too wide; '€2500 en €2900' is fine."""
    assert "pay-range-wide" in _rules("Je verdient € 2500 tot € 6000 per maand bij 36 uur.")
    assert "pay-range-wide" not in _rules("Je verdient tussen €2500 en €2900 bruto per maand.")


def test_employer_praise_has_its_own_message() -> None:
    """'marktleider' is employer praise, not an 'uitdagende functie'."""
    findings = lint_vacancy("Wij zijn marktleider in energie.", lang="nl").findings
    praise = [f for f in findings if f.rule == "employer-praise"]
    assert praise and praise[0].category == "cliche"
    assert "Uitdagend" not in praise[0].message
    assert "employer-praise" in _rules("We are an award-winning company.", "en")
