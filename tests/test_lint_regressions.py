"""Lint regressions found while drafting: amounts without separators, employer praise."""

import pytest

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


def test_becoming_a_fully_qualified_professional_is_not_hierarchy() -> None:
    """'binnen drie maanden zelfstandig monteur worden' is learning the trade, not a ladder."""
    assert "career-ladder" not in _rules("Binnen drie maanden kun je zelfstandig monteur worden.")
    assert "career-ladder" not in _rules("Binnen drie maanden zelfstandig monteur worden.")
    assert "career-ladder" in _rules("Binnen een jaar kun je teamleider worden.")


def test_a_language_demand_negated_after_the_verb_is_not_a_finding() -> None:
    """'Een moedertaal eisen we niet' waives the demand; 'Nederlands als moedertaal' makes it."""
    assert "native-language" not in _rules("Een moedertaal eisen we niet: B1 is genoeg.")
    assert "native-language" not in _rules("Nederlands als moedertaal is niet nodig.")
    assert "native-language" in _rules("Je spreekt Nederlands als moedertaal.")


def test_age_limit_context_is_the_group_named_next_to_the_numbers() -> None:
    """A customer word in the next line no longer hides 'je bent tussen de 25 en 40 jaar'."""
    text = "Wat breng je mee?\n- Je bent tussen de 25 en 40 jaar;\n- Je bent klantgericht."
    assert "age-limit" in _rules(text)
    assert "age-limit" not in _rules("Je werkt met kinderen tussen de 4 en 12 jaar.")
    assert "age-limit" in _rules("Applicants should be 18-26 and ideally students.", "en")
    assert "age-limit" not in _rules("You teach students aged 12 to 16.", "en")


def test_unless_context_on_the_next_bullet_does_not_cancel_a_finding() -> None:
    """An 'unless' word in the next bullet line is another statement; a lead-in question
    ("Pas afgestudeerd? Ook welkom.") still carries over to its answer."""
    text = "Wat vragen we?\n- Je bent maximaal 30 jaar oud\n- Je hebt een opleiding in de zorg"
    assert [f.rule for f in lint_vacancy(text, lang="nl").findings].count("age-limit") == 1
    welcome = "Pas afgestudeerd? Ook welkom."
    assert not [f for f in lint_vacancy(welcome, lang="nl").findings if f.rule == "starter"]


PRONOUN_CASES = [
    (
        "en",
        "Site Manager\nWe want a decisive site manager for our sites. He will plan the work.",
        1,
    ),
    ("en", "Pharmacy Assistant\nYou report to the pharmacy manager. She must work weekends.", 1),
    ("en", "Legal Secretary\nYou support two partners. She will keep their agenda in order.", 1),
    (
        "en",
        "Customer Advisor\nYou help customers. When a customer is upset, he wants to be heard.",
        0,
    ),
    (
        "en",
        "Office Manager\nOur director Jan de Vries founded the firm. He still meets every client.",
        0,
    ),
    ("nl", "Kassamedewerker\nJe rapporteert aan de teamleider. Hij houdt de kassa op orde.", 1),
    ("nl", "Klantadviseur\nJe helpt klanten. Als een klant boos is, wil hij gehoord worden.", 0),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PRONOUN_CASES)
def test_gendered_pronoun_is_resolved_to_the_candidate_or_someone_else(
    lang: str, text: str, expected: int
) -> None:
    """A title word after any determiner is the candidate; the person they report to or
    support is not who "he/she" means; a customer named in the title never is the candidate."""
    findings = lint_vacancy(text, lang=lang).findings
    assert sum(f.rule == "gendered-pronoun" for f in findings) == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("We welcome people from all backgrounds.", False),
        ("School leavers and people returning to work are welcome.", False),
        ("You join our care team of twelve nurses.", False),
        ("Our team is warm and welcoming.", True),
        ("A caring team.", True),
    ],
)
def test_adjectives_are_not_read_as_their_verb(text: str, flagged: bool) -> None:
    """'welcoming'/'caring' in a cliché rule do not match 'we welcome people' or 'care team'."""
    findings = lint_vacancy(text, lang="en").findings
    assert any(f.category == "cliche" for f in findings) is flagged


def test_stressed_article_is_a_cliche_with_its_noun_but_not_in_quotes_or_headings() -> None:
    """'dé rijschool' and 'THE place' are claims; a quoted 'dé' or a heading in capitals is not."""
    findings = lint_vacancy("Wij zijn dé rijschool van Zwolle.", lang="nl").findings
    stressed = [f for f in findings if f.rule == "stressed-article"]
    assert [(f.category, f.text) for f in stressed] == [("cliche", "dé rijschool")]
    assert "stressed-article" not in _rules('Klanten noemen ons "dé" rijschool van Zwolle.')
    assert "stressed-article" not in _rules("WAT WIJ BIEDEN\nDE VOORWAARDEN OP EEN RIJ")
    assert "stressed-article" in _rules("We are THE place to be in Bristol.", "en")
    assert "stressed-article" not in _rules("THE ROLE\nYou drive a bus.", "en")
    html = "<p>Wij zijn <b>hét</b> adres in Ede.</p>"
    found = [f for f in lint_vacancy(html, lang="nl").findings if f.rule == "stressed-article"]
    assert found and html[found[0].start : found[0].start + 3] == "hét"


def test_a_range_of_variable_pay_on_top_is_not_judged_as_the_salary_band() -> None:
    """Commission, bonus or tips 'on top' may vary widely; the salary band itself may not."""
    on_top = "£24,500 a year; last year negotiators earned £4,000 to £7,500 on top."
    assert "pay-range-wide" not in _rules(on_top, "en")
    assert "pay-range-wide" in _rules("Salary £18,000 to £40,000 a year.", "en")
    assert "pay-range-wide" not in _rules("€ 2.800 per maand, plus € 100 tot € 400 aan fooien.")
    assert "pay-range-wide" in _rules("Salaris tussen € 2.500 en € 6.000 bruto per maand.")


def test_a_person_word_used_as_no_person_does_not_take_the_pronoun() -> None:
    """'a calm head' is no person, so 'She will …' means the candidate; 'the head' and
    'our clients' are people, so the pronoun is theirs."""
    calm = "Climbing Instructor\nWe want a calm head in the wall. She will plan routes."
    assert "gendered-pronoun" in _rules(calm, "en")
    clients = "Climbing Instructor\nOur clients love the wall. She will plan the routes with them."
    assert "gendered-pronoun" not in _rules(clients, "en")
    head = "Climbing Instructor\nYou work with the head of the centre. She will plan your week."
    assert "gendered-pronoun" not in _rules(head, "en")


def test_an_amount_in_a_later_list_item_does_not_make_an_earlier_one_concrete() -> None:
    """In a list of benefits, '(t.w.v. € 150)' specifies the course it follows, not the
    vague wage two items before it; an amount right after the claim still counts."""
    later = "Een mooi uurloon, een vergoeding voor je reiskosten en de cursus (t.w.v. € 150)."
    assert "salary-claim" in _rules(later)
    assert "salary-claim" not in _rules("Een mooi uurloon (€ 14,50 per uur) en een jas.")
    assert "vague-conditions" not in _rules("Goede arbeidsvoorwaarden, zoals 8% vakantiegeld.")
    later_en = "An attractive hourly rate, free tickets and a first-aid course (worth £150)."
    assert "salary-claim" in _rules(later_en, "en")
    assert "salary-claim" not in _rules(
        "An attractive hourly rate (£12.60) and free tickets.", "en"
    )


def test_a_customer_named_only_in_the_abstract_does_not_take_the_pronoun() -> None:
    """'oog voor de klant' / 'an eye for the customer' names no one in particular, so a
    following 'Hij'/'He' is still the candidate; a customer the candidate deals with is not."""
    abstract = (
        "Servicemonteur (40 uur)\n- Een vakman met oog voor de klant;\n- Hij werkt nauwkeurig."
    )
    assert "gendered-pronoun" in _rules(abstract)
    real = "Servicemonteur (40 uur)\nJe werkt samen met de klant.\nHij betaalt de factuur."
    assert "gendered-pronoun" not in _rules(real)
    abstract_en = "Site Engineer\n- A good eye for the customer;\n- He keeps the site tidy."
    assert "gendered-pronoun" in _rules(abstract_en, "en")
    real_en = "Site Engineer\nYou meet the customer at the door.\nHe signs the job sheet."
    assert "gendered-pronoun" not in _rules(real_en, "en")


def test_ouder_dan_is_a_comparative_not_a_parent() -> None:
    """'niet ouder dan 50' names no parent, so a following 'zijn' is still the candidate."""
    text = (
        "Schilder\n- Je bent niet ouder dan 50;\n"
        "- Je bent een vakman die verder kijkt dan zijn neus lang is;"
    )
    assert "gendered-pronoun" in _rules(text)
    parents = "Schilder\nJe werkt voor de ouders van de leerlingen.\nHij betaalt de rekening."
    assert "gendered-pronoun" not in _rules(parents)
