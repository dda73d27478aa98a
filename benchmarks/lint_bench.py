"""Speed of the vacancy lint: 1,000 generated ads of about 300 words in one process.

Usage: python benchmarks/lint_bench.py [N] [--detect]

Prints ms per ad (rules compiled once, the first call excluded) and peak memory
(resident set size). ``--detect`` lets the linter detect each ad's language instead of
passing it.
"""

from __future__ import annotations

import random
import resource
import sys
import time

from talentfit.lint import lint_vacancy

NL = {
    "title": ["Medewerker klantenservice", "Verkoper", "Monteur", "Tandartsassistent", "Chauffeur"],
    "lines": [
        "Je beantwoordt vragen van klanten over hun bestelling, levering en retouren.",
        "Wij bieden een marktconform salaris en goede secundaire arbeidsvoorwaarden.",
        "Je komt terecht in een jong en dynamisch team met gezellige collega's.",
        "Je verdient tussen € {a}.{b}00 en € {c}.{b}00 bruto per maand bij {h} uur.",
        "Je kiest zelf je werktijden tussen 7.00 en 19.00 uur en werkt {d} dagen thuis.",
        "Volop doorgroeimogelijkheden: binnen een jaar kun je doorgroeien tot teamleider.",
        "Je spreekt Nederlands op B2-niveau en je legt dingen eenvoudig uit.",
        "Nederlands is je moedertaal en je hebt maximaal {d} jaar ervaring.",
        "Je beslist zelf over een terugbetaling tot € {a}00 zonder het aan een manager te vragen.",
        "Een uitdagende functie in een prettige werksfeer met korte lijnen.",
        "Een opleidingsbudget van € 1.{b}00 per jaar en een vaste coach in je eerste maand.",
        "De ideale kandidaat is stressbestendig en assertief; hij houdt van aanpakken.",
        "Je werkt samen met de planning, de monteurs en onze leveranciers in de regio.",
        "Na je inwerkperiode van {d} weken neem je zelf klantgesprekken aan.",
    ],
}
EN = {
    "title": [
        "Customer Service Advisor",
        "Sales Rep",
        "Bike Mechanic",
        "Dental Assistant",
        "Driver",
    ],
    "lines": [
        "You answer customer questions about orders, deliveries and returns.",
        "We offer a competitive salary and great benefits in a fast-paced environment.",
        "Join our young and energetic team of rockstars.",
        "You earn €{a},{b}00 to €{c},{b}00 gross per month for {h} hours.",
        "You choose your own hours between 07:00 and 19:00 and work {d} days from home.",
        "Plenty of growth opportunities and a fast track to team lead within a year.",
        "You speak Dutch and English at B2 level and explain things simply.",
        "You are a native English speaker with no more than {d} years of experience.",
        "You decide on refunds up to €{a}00 yourself, without asking a manager.",
        "A varied and challenging job in a pleasant atmosphere.",
        "A training budget of €1,{b}00 per year and a fixed coach in your first month.",
        "The ideal candidate is assertive and competitive; he loves a challenge.",
        "You work with planning, the mechanics and our suppliers in the region.",
        "After {d} weeks of training you take customer calls on your own.",
    ],
}


def generate(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """``n`` distinct ads of about 300 words, half Dutch and half English."""
    rng = random.Random(seed)
    ads = []
    for i in range(n):
        lang, pool = ("nl", NL) if i % 2 == 0 else ("en", EN)
        lines = [rng.choice(pool["title"]) + f" ({rng.randint(24, 32)}-{rng.randint(33, 40)})"]
        words = 0
        while words < 300:
            line = rng.choice(pool["lines"]).format(
                a=rng.randint(2, 3), b=rng.randint(1, 9), c=rng.randint(3, 4),
                h=rng.choice((32, 36, 38, 40)), d=rng.randint(2, 5),
            )  # fmt: skip
            prefix = "- " if rng.random() < 0.4 else ""
            lines.append(prefix + line)
            words += len(line.split())
        ads.append((lang, "\n".join(lines)))
    return ads


def main(argv: list[str]) -> int:
    detect = "--detect" in argv
    args = [a for a in argv if not a.startswith("--")]
    n = int(args[0]) if args else 1000
    ads = generate(n)
    words = sum(len(text.split()) for _, text in ads) / len(ads)
    lint_vacancy(ads[0][1], lang=None if detect else ads[0][0])  # compile the rules once
    lint_vacancy(ads[1][1], lang=None if detect else ads[1][0])
    findings = 0
    start = time.perf_counter()
    for lang, text in ads:
        findings += len(lint_vacancy(text, lang=None if detect else lang).findings)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    mode = "language detected" if detect else "language given"
    print(f"{n} ads, {words:.0f} words each on average, {mode}")
    print(f"{elapsed * 1000 / n:.3f} ms per ad ({n / elapsed:.0f} ads/s), {findings} findings")
    print(f"peak memory (max RSS): {peak_kb / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
