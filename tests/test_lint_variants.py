"""Wording variants in other sectors: found with the right category, concrete wording left alone."""

from __future__ import annotations

import pytest

from talentfit.lint import PROBLEM_CATEGORIES, lint_vacancy

SPAN_CATEGORIES = (set(PROBLEM_CATEGORIES) - {"pay_transparency"}) | {"gender_coded"}

POSITIVE = [
    ("nl", "Wij bieden een salaris conform de markt.", "cliche"),
    ("nl", "Je salaris is prima.", "cliche"),
    ("nl", "Een bovengemiddeld salaris.", "cliche"),
    ("nl", "Goede arbeidsvoorwaarden.", "vague_benefit"),
    (
        "nl",
        "Uitstekende arbeidsvoorwaarden, zoals je van een grote werkgever mag verwachten.",
        "vague_benefit",
    ),
    ("nl", "De arbeidsvoorwaarden zijn uitstekend geregeld.", "vague_benefit"),
    ("nl", "Een prettige werkomgeving.", "cliche"),
    ("nl", "Een fijne werkplek met leuke collega's.", "cliche"),
    ("nl", "Een informele en open bedrijfscultuur.", "cliche"),
    ("nl", "Een afwisselend takenpakket.", "cliche"),
    ("nl", "Een boeiende baan.", "cliche"),
    ("nl", "Een veelzijdige functie.", "cliche"),
    ("nl", "Werken in een dynamische en innovatieve organisatie.", "cliche"),
    ("nl", "Je komt te werken in een jonge en ambitieuze organisatie.", "cliche"),
    ("nl", "Ben jij een kei in plannen?", "cliche"),
    ("nl", "Ben jij onze nieuwe topper?", "cliche"),
    ("nl", "Je bent een echte duizendpoot.", "cliche"),
    ("nl", "Je hebt een flexibele instelling en een proactieve houding.", "cliche"),
    ("nl", "Goede communicatieve vaardigheden in woord en geschrift.", "cliche"),
    ("nl", "Je beschikt over uitstekende sociale vaardigheden.", "cliche"),
    ("nl", "Volop ontwikkelmogelijkheden.", "vague_benefit"),
    ("nl", "Ruime opleidingsmogelijkheden.", "vague_benefit"),
    ("nl", "Doorgroeimogelijkheden zijn er volop.", "vague_benefit"),
    ("nl", "Er is ruimte voor persoonlijke ontwikkeling.", "vague_benefit"),
    ("nl", "Je krijgt de kans om jezelf verder te ontwikkelen.", "vague_benefit"),
    ("nl", "Wij investeren graag in onze mensen.", "vague_benefit"),
    ("nl", "Aantrekkelijke secundaire arbeidsvoorwaarden.", "vague_benefit"),
    ("nl", "Diverse personeelsvoordelen.", "vague_benefit"),
    ("nl", "Een goede pensioenregeling.", "vague_benefit"),
    ("nl", "Binnen twee jaar groei je door naar teamleider.", "hierarchy"),
    ("nl", "Snel doorgroeien tot partner.", "hierarchy"),
    ("nl", "Je kunt snel carrière maken.", "hierarchy"),
    ("nl", "Op termijn kun je doorgroeien naar een leidinggevende functie.", "hierarchy"),
    ("nl", "Promotiemogelijkheden binnen het bedrijf.", "hierarchy"),
    ("nl", "Een jong en dynamisch team.", "exclusionary_age"),
    ("nl", "Wij zoeken jonge mensen met ambitie.", "exclusionary_age"),
    ("nl", "Je bent niet ouder dan 30 jaar.", "exclusionary_age"),
    ("nl", "Leeftijd: 20 tot 30 jaar.", "exclusionary_age"),
    ("nl", "Je bent recent afgestudeerd.", "exclusionary_age"),
    ("nl", "Je bent een schoolverlater.", "exclusionary_age"),
    ("nl", "Ideaal voor starters op de arbeidsmarkt.", "exclusionary_age"),
    ("nl", "Je hebt 1 à 2 jaar werkervaring.", "exclusionary_age"),
    ("nl", "Hooguit 5 jaar ervaring.", "exclusionary_age"),
    ("nl", "Je bent een digital native.", "exclusionary_age"),
    ("nl", "Je bent een jonge hond.", "exclusionary_age"),
    ("nl", "Nederlands is je moedertaal.", "exclusionary_origin"),
    ("nl", "Je spreekt vloeiend en accentloos Nederlands.", "exclusionary_origin"),
    ("nl", "Moedertaalniveau Nederlands.", "exclusionary_origin"),
    ("nl", "Je hebt de Nederlandse nationaliteit.", "exclusionary_origin"),
    ("nl", "Secretaresse (32 uur)", "exclusionary_gender"),
    ("nl", "Gastvrouw restaurant", "exclusionary_gender"),
    ("nl", "Schoonmaakster gezocht", "exclusionary_gender"),
    ("nl", "De nieuwe collega weet wat hij wil.", "exclusionary_gender"),
    ("nl", "Wij zoeken een vakman.", "exclusionary_gender"),
    ("nl", "Je bent assertief en ambitieus.", "gender_coded"),
    ("nl", "Je bent zorgzaam en empathisch.", "gender_coded"),
    ("en", "We offer a competitive remuneration package.", "cliche"),
    ("en", "A salary that is competitive.", "cliche"),
    ("en", "Competitive compensation.", "cliche"),
    ("en", "Join a dynamic and growing team.", "cliche"),
    ("en", "You thrive in a high-pressure environment.", "cliche"),
    ("en", "Are you a coding ninja?", "cliche"),
    ("en", "A sales guru wanted.", "cliche"),
    ("en", "We work hard and play harder.", "cliche"),
    ("en", "An exciting opportunity to join a market leader.", "cliche"),
    ("en", "You are a team player with excellent interpersonal skills.", "cliche"),
    ("en", "You have a passion for customer service.", "cliche"),
    ("en", "Excellent benefits.", "vague_benefit"),
    ("en", "An attractive benefits package.", "vague_benefit"),
    ("en", "Great career opportunities.", "vague_benefit"),
    ("en", "Training and development opportunities.", "vague_benefit"),
    ("en", "Room for personal growth.", "vague_benefit"),
    ("en", "We invest in your development.", "vague_benefit"),
    ("en", "Lots of opportunities to learn and grow.", "vague_benefit"),
    ("en", "A generous pension scheme.", "vague_benefit"),
    ("en", "Flexible working hours.", "vague_benefit"),
    ("en", "Quickly progress to team leader.", "hierarchy"),
    ("en", "Become a manager within two years.", "hierarchy"),
    ("en", "A clear route to partnership.", "hierarchy"),
    ("en", "Rapid promotion for high performers.", "hierarchy"),
    ("en", "Climb the corporate ladder.", "hierarchy"),
    ("en", "Join our young, vibrant team.", "exclusionary_age"),
    ("en", "Ideal for recent graduates.", "exclusionary_age"),
    ("en", "You are early in your career.", "exclusionary_age"),
    ("en", "Maximum 5 years of experience.", "exclusionary_age"),
    ("en", "Up to 3 years' experience.", "exclusionary_age"),
    ("en", "Candidates must be under 35.", "exclusionary_age"),
    ("en", "Digital natives preferred.", "exclusionary_age"),
    ("en", "Native English speaker required.", "exclusionary_origin"),
    ("en", "Native-level Dutch.", "exclusionary_origin"),
    ("en", "English must be your first language.", "exclusionary_origin"),
    ("en", "Fluent, accent-free English.", "exclusionary_origin"),
    ("en", "Salesman wanted.", "exclusionary_gender"),
    ("en", "Barman (part-time)", "exclusionary_gender"),
    ("en", "The candidate should know his way around Excel.", "exclusionary_gender"),
    ("en", "She will report to the manager.", "exclusionary_gender"),
    ("en", "You are assertive, decisive and independent.", "gender_coded"),
    ("en", "You are supportive, warm and understanding.", "gender_coded"),
]

NEGATIVE = [
    ("nl", "Salaris tussen € 3.100 en € 3.900 bruto per maand bij 36 uur."),
    ("nl", "Je kiest zelf je werktijden tussen 7.00 en 19.00 uur."),
    ("nl", "€ 1.500 opleidingsbudget per jaar."),
    ("nl", "Nederlands op B2-niveau."),
    ("nl", "Pas afgestudeerd? Dan leiden we je op."),
    ("nl", "Je werkt met jonge kinderen."),
    ("nl", "Je hebt minimaal 2 jaar ervaring."),
    ("nl", "Ervaring is een pré, maar niet nodig."),
    ("nl", "Je hoeft geen moedertaalspreker te zijn."),
    ("nl", "Medewerker klantenservice (32 uur)"),
    ("nl", "Kassamedewerker (m/v/x)"),
    ("nl", "Doorgroeien kan: drie van onze vier teamleiders begonnen als monteur."),
    ("nl", "Bel Jan de Vries, hij vertelt je meer over de functie."),
    ("nl", "Wij betalen 8% vakantiegeld en een dertiende maand."),
    ("nl", "Je werkt in een team van 12 collega's."),
    ("nl", "De klant belt en jij helpt hem verder."),
    ("en", "Newly qualified nurses are welcome."),
    ("en", "You earn €2,800 to €3,400 gross per month."),
    ("en", "At least two years of experience."),
    ("en", "Dutch and English at B2 level."),
    ("en", "You work with young people aged 16 to 23."),
    ("en", "Call Tom Baker; he will show you around."),
    ("en", "When a customer calls, you help him yourself."),
    ("en", "We pay for your forklift licence (€450)."),
    ("en", "Recent graduates and experienced nurses are equally welcome."),
    ("en", "You help native app developers with their builds."),
]


@pytest.mark.parametrize(("lang", "text", "category"), POSITIVE)
def test_variant_is_found_with_its_category(lang: str, text: str, category: str) -> None:
    """Inflected and reordered variants are found, in the right category."""
    found = {f.category for f in lint_vacancy(text, lang=lang).findings}
    assert category in found


@pytest.mark.parametrize(("lang", "text"), NEGATIVE)
def test_concrete_or_neutral_wording_is_not_a_problem(lang: str, text: str) -> None:
    """Facts, welcomes, minimums, neutral titles and named people are not findings."""
    found = lint_vacancy(text, lang=lang).findings
    problems = [f for f in found if f.category in SPAN_CATEGORIES and f.category != "gender_coded"]
    assert problems == []
