"""Values library, profile resolution and values alignment."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentfit.errors import ProfileError
from talentfit.text import LANGUAGES
from talentfit.values import (
    ValueDefinition,
    alignment_from_evidence,
    builtin_values,
    lexicon,
    resolve_values,
    value_alignment,
)

REQUIRED = {
    "empathy": "inlevingsvermogen",
    "ownership": "eigenaarschap",
    "craftsmanship": "vakmanschap",
    "openness": "openheid",
    "collaboration": "samenwerking",
    "reliability": "betrouwbaarheid",
    "customer_focus": "klantgerichtheid",
    "development": "ontwikkeling",
    "respect": "respect",
    "integrity": "integriteit",
    "entrepreneurship": "ondernemerschap",
}

EXAMPLES = [
    (lang, entry.id, sign, sentence)
    for lang in LANGUAGES
    for entry in lexicon(lang).values
    for sign, sentences in ((1, entry.positive), (-1, entry.negative))
    for sentence in sentences
]


def profile(values: list[str], custom: list[object] | None = None, lang: str = "nl") -> object:
    org = SimpleNamespace(values=values, custom_values=custom or [])
    return SimpleNamespace(language=lang, organisation=org, source="role.toml")


def custom_value(**kw: object) -> SimpleNamespace:
    base: dict[str, object] = {
        "id": "eerlijk-advies",
        "name": "Eerlijk advies",
        "description": "We adviseren wat de klant nodig heeft, niet wat het meeste oplevert.",
        "indicators": ["eerlijk advies", "afgeraden"],
        "contrary": ["extra verkopen"],
    }
    base.update(kw)
    return SimpleNamespace(**base)


def test_library_has_required_values_in_both_languages() -> None:
    """Every required value exists with its Dutch and English names."""
    values = builtin_values()
    for value_id, nl_name in REQUIRED.items():
        assert value_id in values
        assert values[value_id].names["nl"] == nl_name
        assert values[value_id].names["en"]


def test_every_value_has_examples_per_language() -> None:
    """Meta-test: each value has positive and negative example sentences in every language."""
    for lang in LANGUAGES:
        for entry in lexicon(lang).values:
            assert entry.positive, (lang, entry.id)
            assert entry.negative, (lang, entry.id)
            assert entry.indicators and entry.contrary and entry.description


@pytest.mark.parametrize(("lang", "value_id", "sign", "sentence"), EXAMPLES)
def test_value_examples(lang: str, value_id: str, sign: int, sentence: str) -> None:
    """Each example sentence of the library aligns (+) or clashes (-) as labelled (the
    lexicon and the backoff rules: the attitude model has its own examples)."""
    result = value_alignment(sentence, lang, [builtin_values()[value_id]], model=False)[0]
    assert result.alignment is not None and result.alignment * sign > 0, result


@pytest.mark.parametrize(
    ("text", "lang", "value_id"),
    [
        ("Als niemand het merkt, waarom zou je er dan een punt van maken?", "nl", "integrity"),
        ("What people don't know doesn't hurt them.", "en", "integrity"),
        ("Overleg kost vooral tijd.", "nl", "collaboration"),
        ("Regels zijn regels.", "nl", "customer_focus"),
        ("Not my problem.", "en", "ownership"),
        ("The customer should just assume his call is important.", "en", "customer_focus"),
    ],
)
def test_contrary_beliefs_without_negation_words(text: str, lang: str, value_id: str) -> None:
    """Contrary beliefs phrased without a negation word are recognised as contrary."""
    result = value_alignment(text, lang, [builtin_values()[value_id]])[0]
    assert result.alignment is not None and result.alignment < 0
    assert any(e.signal == "contrary" for e in result.evidence)


def test_negated_indicator_counts_against() -> None:
    """'ik heb het niet gemeld' and 'ik meldde het niet' count against integrity."""
    integrity = builtin_values()["integrity"]
    for text in ("Ik heb het niet gemeld.", "Ik meldde het niet."):
        result = value_alignment(text, "nl", [integrity])[0]
        assert [e.signal for e in result.evidence] == ["negated_indicator"]
        assert result.alignment is not None and result.alignment < 0


def test_negated_contrary_does_not_count_against() -> None:
    """'ik vind niet dat overleg vooral tijd kost' is not a contrary belief."""
    value = builtin_values()["collaboration"]
    result = value_alignment("Ik vind niet dat overleg vooral tijd kost.", "nl", [value])[0]
    assert [e.signal for e in result.evidence] == ["negated_contrary"]
    assert result.alignment is not None and result.alignment > 0


def test_no_evidence_gives_none_and_evidence_offsets_quote_the_text() -> None:
    """No evidence -> alignment None; evidence offsets point into the original answer."""
    values = list(builtin_values().values())
    text = "Het weer was mooi."
    assert all(a.alignment is None and not a.evidence for a in value_alignment(text, "nl", values))
    text = "Eerlijk gezegd: ik heb de fout meteen toegegeven."
    for result in value_alignment(text, "nl", values):
        for ev in result.evidence:
            assert text[ev.start : ev.end] == ev.text


GENERAL_EXAMPLES = [
    (lang, sign, sentence)
    for lang in LANGUAGES
    for sign, sentences in (
        (1, lexicon(lang).general.positive),
        (-1, lexicon(lang).general.negative),
    )
    for sentence in sentences
]


def test_general_cues_have_examples() -> None:
    """Meta-test: the general attitude cues have positive and negative examples per language."""
    for lang in LANGUAGES:
        general = lexicon(lang).general
        assert general.indicators and general.contrary
        assert general.positive and general.negative


@pytest.mark.parametrize(("lang", "sign", "sentence"), GENERAL_EXAMPLES)
def test_general_examples(lang: str, sign: int, sentence: str) -> None:
    """General cues alone give a value without own evidence the labelled sign."""
    blank = ValueDefinition("blank", {lang: "blank"}, {lang: ""}, {}, {})
    result = value_alignment(sentence, lang, [blank])[0]
    assert result.alignment is not None and result.alignment * sign > 0, result
    assert all(e.signal.startswith("general_") for e in result.evidence)


def test_general_evidence_only_when_value_has_none() -> None:
    """Own evidence wins; the general backoff is used only without it, at half weight."""
    values = builtin_values()
    text = "Ik heb het meteen gemeld. De gasten proeven het verschil toch niet."
    integrity, craftsmanship = value_alignment(
        text, "nl", [values["integrity"], values["craftsmanship"]]
    )
    assert [e.signal for e in integrity.evidence] == ["indicator"]
    assert craftsmanship.evidence and all(
        e.signal.startswith("general_") for e in craftsmanship.evidence
    )
    assert alignment_from_evidence(["general_indicator"]) == round(0.5 * 0.5 / 1.5, 3)
    assert integrity.basis == "direct" and craftsmanship.basis == "indirect"
    assert craftsmanship.to_dict()["basis"] == "indirect"


def test_indirect_evidence_is_smaller_than_direct() -> None:
    """General evidence alone stays below ±0.5; one direct indicator or contrary reaches it."""
    many = ["general_indicator"] * 20
    assert 0 < (alignment_from_evidence(many) or 0) < 0.5
    assert -0.5 < (alignment_from_evidence(["general_contrary"] * 20) or 0) < 0
    assert alignment_from_evidence(["indicator"]) == 0.5
    assert alignment_from_evidence(["indicator", "general_indicator"]) == round(1.5 / 2.5, 3)
    empty = value_alignment("Het weer was mooi.", "nl", [builtin_values()["respect"]])[0]
    assert empty.basis is None and empty.to_dict()["basis"] is None


@pytest.mark.parametrize(
    ("text", "lang", "value_id", "signal"),
    [
        (
            "Ik ben heel klantgericht hoor, maar na vijf uur help ik niemand.",
            "nl",
            "customer_focus",
            "hollow_self_description",
        ),
        (
            "I'm super customer-oriented, but late is late.",
            "en",
            "customer_focus",
            "hollow_self_description",
        ),
        ("Ik ben echt heel klantgericht.", "nl", "customer_focus", "self_description"),
        ("I'm really customer-oriented.", "en", "customer_focus", "self_description"),
    ],
)
def test_self_descriptions_are_claims_not_behaviour(
    text: str, lang: str, value_id: str, signal: str
) -> None:
    """'I am very X' counts half; 'I am very X, but …' counts against X."""
    result = value_alignment(text, lang, [builtin_values()[value_id]])[0]
    assert signal in [e.signal for e in result.evidence], result
    assert result.alignment is not None
    assert (result.alignment > 0) == (signal == "self_description")


def test_behaviour_after_ik_ben_is_not_a_claim() -> None:
    """'Ik ben er zelf heen gereden' is a past action, not a self-description."""
    result = value_alignment("Ik ben er zelf heen gereden.", "nl", [builtin_values()["ownership"]])
    assert "self_description" not in [e.signal for e in result[0].evidence]


@pytest.mark.parametrize(
    ("text", "lang", "value_id"),
    [
        (
            "Mijn chef zei altijd dat overleg vooral tijd kost. Dat zie ik anders.",
            "nl",
            "collaboration",
        ),
        (
            "My old boss always said what people don't know doesn't hurt them. I never agreed.",
            "en",
            "integrity",
        ),
    ],
)
def test_rejected_beliefs_count_for_the_value(text: str, lang: str, value_id: str) -> None:
    """A contrary belief the candidate rejects right after stating it counts for the value."""
    result = value_alignment(text, lang, [builtin_values()[value_id]])[0]
    assert "contrary" not in [e.signal for e in result.evidence], result
    assert result.alignment is not None and result.alignment > 0


def test_reported_belief_of_someone_else_is_not_the_candidates() -> None:
    """'Mijn collega zegt altijd: overleg kost vooral tijd' is the colleague's belief."""
    value = builtin_values()["collaboration"]
    text = "Mijn collega zegt altijd dat overleg vooral tijd kost."
    assert "contrary" not in [e.signal for e in value_alignment(text, "nl", [value])[0].evidence]
    own = value_alignment("Ik zeg altijd dat overleg vooral tijd kost.", "nl", [value])[0]
    assert "contrary" in [e.signal for e in own.evidence]


def test_alignment_formula() -> None:
    """alignment = (P - N) / (P + N + 1); None without signals."""
    assert alignment_from_evidence([]) is None
    assert alignment_from_evidence(["indicator"]) == 0.5
    assert alignment_from_evidence(["contrary"]) == -0.6
    assert alignment_from_evidence(["indicator", "contrary"]) == round(-0.5 / 3.5, 3)


def test_quoted_contrary_is_someone_elses_words() -> None:
    """A contrary belief inside quotes (a colleague's words) does not count against."""
    value = builtin_values()["ownership"]
    text = 'Mijn collega zei "niet mijn afdeling", maar ik heb het zelf opgepakt.'
    result = value_alignment(text, "nl", [value])[0]
    assert result.alignment is not None and result.alignment > 0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Betalen is betalen.", "nl"),
        ("A deal is a deal, full stop.", "en"),
        ("Op is op.", "nl"),
        ("Paper round's a paper round, mate.", "en"),
    ],
)
def test_tautologies_are_rigid_beliefs(text: str, lang: str) -> None:
    """'X is X' said as a belief is general evidence against any value."""
    result = value_alignment(text, lang, [builtin_values()["empathy"]])[0]
    assert result.alignment is not None and result.alignment < 0
    assert [e.text for e in result.evidence if e.signal == "general_contrary"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Alles gaat de rekken in, eerlijk is eerlijk.", "nl"),
        ("Fair's fair, it all goes back.", "en"),
    ],
)
def test_a_hedge_is_no_tautology(text: str, lang: str) -> None:
    """'eerlijk is eerlijk', "fair's fair": a filler, not a rigid belief."""
    result = value_alignment(text, lang, [_blank(lang)])[0]
    assert "general_contrary" not in [e.signal for e in result.evidence]


def test_its_worth_it_is_no_tautology() -> None:
    """A pronoun with "'s" ("it's worth it") is not 'X is X'."""
    result = value_alignment("It cost me a bit, but it's worth it.", "en", [_blank("en")])[0]
    assert "general_contrary" not in [e.signal for e in result.evidence]


def _blank(lang: str) -> ValueDefinition:
    return ValueDefinition("blank", {lang: "blank"}, {lang: ""}, {}, {})


def test_negative_pronoun_subject_is_about_others() -> None:
    """'so nobody could listen in' does not negate the candidate's respect."""
    respect = builtin_values()["respect"]
    text = "I took her to a side room so nobody in the queue could listen in."
    result = value_alignment(text, "en", [respect])[0]
    assert "negated_indicator" not in [e.signal for e in result.evidence]


def test_someone_elses_request_is_not_the_candidates_belief() -> None:
    """A contrary belief asked for by someone else, then refused, does not count against."""
    integrity = builtin_values()["integrity"]
    text = (
        "Een klant vroeg of we contante inkomsten konden weglaten. Ik heb uitgelegd dat ik dat "
        "niet doe en hem geholpen het correct op te geven."
    )
    result = value_alignment(text, "nl", [integrity])[0]
    assert "contrary" not in [e.signal for e in result.evidence]
    assert result.alignment is not None and result.alignment > 0
    own = value_alignment("Ik vroeg me af of ik het kon weglaten.", "nl", [integrity])[0]
    assert own.alignment is not None and own.alignment < 0


def test_resolve_by_id_or_either_name_case_insensitive() -> None:
    """Profiles name values by id, Dutch or English name, any case; order is kept."""
    names = ["Eigenaarschap", "OPENNESS", "customer focus", "Vakmanschap"]
    resolved = resolve_values(profile(names))
    assert [v.id for v in resolved] == ["ownership", "openness", "customer_focus", "craftsmanship"]


def test_unknown_value_names_field_and_file() -> None:
    """An unknown value name raises ProfileError naming $.organisation.values[i] and the file."""
    with pytest.raises(ProfileError) as info:
        resolve_values(profile(["openheid", "gezelligheid"]))
    message = str(info.value)
    assert "gezelligheid" in message
    assert "$.organisation.values[1]" in message
    assert "role.toml" in message


def test_custom_value_is_compiled_as_words_never_regex() -> None:
    """Custom values match their phrases as words (with lemmas), never as regex."""
    weird = custom_value(indicators=["(a+)+$", "eerlijk advies"], contrary=["extra verkopen"])
    resolved = resolve_values(profile(["eerlijk advies"], [weird]))
    assert [v.id for v in resolved] == ["eerlijk-advies"]
    value = resolved[0]
    text = "Ik gaf eerlijk advies en heb het duurdere pakket afgeraden."
    good = value_alignment(text, "nl", [value])
    assert good[0].alignment is not None and good[0].alignment > 0
    bad = value_alignment("Het gaat mij om extra verkopen.", "nl", [value])
    assert bad[0].alignment is not None and bad[0].alignment < 0
    assert value_alignment("aaaaaaaaaaaaaaaaaaaaaaaa!", "nl", [value])[0].alignment is None


def test_custom_phrases_match_their_words_loosely() -> None:
    """An organisation writes "admitted a mistake"; candidates say "I admitted my mistake"
    or "admitted that it was my mistake", and in Dutch the verb moves: "extra verkopen" is
    "heb ik extra verkocht" and "verkocht ... extra"."""
    honest = custom_value(
        id="honest",
        name="Honest advice",
        indicators=["admitted a mistake"],
        contrary=["extra verkopen"],
    )
    en = resolve_values(profile(["honest advice"], [honest], lang="en"))
    for text in ("I admitted my mistake straight away.", "I admitted that it was my mistake."):
        result = value_alignment(text, "en", en)[0]
        assert result.alignment is not None and result.alignment > 0, text
        assert any(e.signal == "indicator" for e in result.evidence), text
    nl = resolve_values(profile(["honest advice"], [honest]))
    for text in ("Die dag heb ik flink extra verkocht.", "Ik verkocht ze er nog wat extra bij."):
        result = value_alignment(text, "nl", nl)[0]
        assert result.alignment is not None and result.alignment < 0, text
    # the words must be near each other, in one sentence
    far = "I admitted I was late. The mistake on the invoice was not mine."
    assert not any(e.signal == "indicator" for e in value_alignment(far, "en", en)[0].evidence)


def test_custom_phrase_with_a_dutch_separable_verb_matches_its_word_orders() -> None:
    """An organisation writes "legt uit waarom het niet kan" or "klanten terugbellen";
    candidates say "heb … uitgelegd", "legde … uit", "teruggebeld" or "uit te leggen"."""
    explains = custom_value(indicators=["legt uit waarom het niet kan", "klanten terugbellen"])
    value = resolve_values(profile(["eerlijk advies"], [explains]))
    for text in (
        "Ik heb haar uitgelegd waarom het niet kon.",
        "Ik legde de klant uit waarom het niet kon.",
        "Ik heb alle klanten teruggebeld.",
        "Ik heb besloten om de klanten zelf terug te bellen.",
    ):
        result = value_alignment(text, "nl", value)[0]
        assert any(e.signal == "indicator" for e in result.evidence), text
    result = value_alignment("De klanten legden hun vragen neer bij de balie.", "nl", value)[0]
    assert not any(e.signal == "indicator" for e in result.evidence)


def test_loose_phrase_splits_at_the_longest_particle_whatever_the_hash_seed() -> None:
    """ "bijeenkomen" starts with the particles "bij" and "bijeen": the longest is taken, in
    every process (the choice once followed a set's iteration order)."""
    import subprocess
    import sys

    code = (
        "from talentfit.patterns import compile_loose_phrase, Matcher\n"
        "from talentfit.text import analyse\n"
        "m = Matcher([(compile_loose_phrase('bijeenkomen', 'nl'), 0)])\n"
        "print(bool(m.find(analyse('Toen kwamen we met het hele team bijeen.', 'nl'))))\n"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    for seed in ("1", "4", "6"):
        env = {"PYTHONHASHSEED": seed, "PYTHONPATH": src}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "True", (seed, out.stdout, out.stderr)


def test_custom_contrary_phrase_over_two_clauses_keeps_its_negation() -> None:
    """The issue's own example of a contrary belief, given as an organisation's phrase, is
    found when the candidate says it with its comma: the negation of the first clause is
    part of the belief, not a negation left behind."""
    phrase = "als niemand het merkt, waarom zou je er dan een punt van maken"
    value = resolve_values(profile(["eerlijk advies"], [custom_value(contrary=[phrase])]))
    for text in (
        "Ach, als niemand het merkt, waarom zou je er dan een punt van maken? Zolang de klant "
        "tevreden is.",
        "Als niemand het merkt, waarom zou je er dan een punt van maken.",
    ):
        result = value_alignment(text, "nl", value)[0]
        assert result.alignment is not None and result.alignment < 0, text
        assert any(e.signal == "contrary" for e in result.evidence), text


def test_custom_values_are_declared_even_when_not_listed() -> None:
    """Custom values defined in the profile are included after the listed values."""
    resolved = resolve_values(profile(["integriteit"], [custom_value()]))
    assert [v.id for v in resolved] == ["integrity", "eerlijk-advies"]


def test_empty_custom_phrase_is_a_profile_error() -> None:
    """A custom indicator without words names its field path."""
    field = r"\$\.organisation\.custom_values\[0\]\.indicators\[1\]"
    with pytest.raises(ProfileError, match=field):
        resolve_values(profile([], [custom_value(indicators=["ok", "  !! "])]))


def test_labelled_examples_meet_the_bar() -> None:
    """Sign agreement on the project's own labelled set is at least 80% per language."""
    path = Path(__file__).parent / "data" / "values_labelled.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    values = builtin_values()
    for lang in LANGUAGES:
        mine = [r for r in rows if r["lang"] == lang]
        assert len(mine) >= 40
        agree = 0
        for row in mine:
            result = value_alignment(row["answer"], lang, [values[row["value"]]])[0]
            agree += result.alignment is not None and result.alignment * row["label"] > 0
        assert agree / len(mine) >= 0.8, (lang, agree, len(mine))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.sampled_from(LANGUAGES))
def test_any_text_no_crash_deterministic_bounded(text: str, lang: str) -> None:
    """Any text: no crash, same result twice, alignment within -1..1."""
    values = list(builtin_values().values())
    first = value_alignment(text, lang, values)
    assert first == value_alignment(text, lang, values)
    for result in first:
        assert result.alignment is None or -1.0 < result.alignment < 1.0


def test_fresh_batch_sign_agreement() -> None:
    """Answers written after the word lists (tests/data/values_fresh.jsonl): ≥ 75% signs agree."""
    import json
    from pathlib import Path

    from talentfit.values import builtin_values, value_alignment

    rows = [
        json.loads(line)
        for line in (Path(__file__).parent / "data" / "values_fresh.jsonl")
        .read_text("utf-8")
        .splitlines()
        if line.strip()
    ]
    library = builtin_values()
    agree = 0
    for row in rows:
        (result,) = value_alignment(row["answer"], row["lang"], [library[row["value"]]])
        if result.alignment is not None and (result.alignment > 0) == (row["label"] > 0):
            agree += 1
    assert agree / len(rows) >= 0.75, f"{agree}/{len(rows)}"


# Measured after the lexicon and alignment changes (agreeing pairs per language, of 24); each
# floor allows two pairs to slip. These batches were tuned on after their first pass, so they
# guard against regressions; the honest first-pass figures are in docs/values.md.
FRESH_BATCHES = {
    "values_fresh_2.jsonl": {"nl": 24, "en": 24},
    "values_fresh_3.jsonl": {"nl": 24, "en": 24},
    "values_fresh_4.jsonl": {"nl": 24, "en": 24},
    "values_fresh_5.jsonl": {"nl": 23, "en": 23},
    "values_fresh_6.jsonl": {"nl": 22, "en": 23},
    "values_fresh_7.jsonl": {"nl": 24, "en": 22},
    "values_fresh_8.jsonl": {"nl": 24, "en": 24},
    "values_fresh_9.jsonl": {"nl": 24, "en": 22},
    "values_fresh_10.jsonl": {"nl": 23, "en": 24},
    "values_fresh_11.jsonl": {"nl": 23, "en": 22},
    "values_fresh_12.jsonl": {"nl": 24, "en": 24},
    "values_fresh_13.jsonl": {"nl": 24, "en": 23},
    "values_fresh_14.jsonl": {"nl": 23, "en": 22},
    "values_fresh_15.jsonl": {"nl": 24, "en": 24},
    "values_fresh_16.jsonl": {"nl": 24, "en": 24},
    "values_fresh_17.jsonl": {"nl": 24, "en": 24},
    "values_fresh_18.jsonl": {"nl": 24, "en": 24},
    "values_fresh_19.jsonl": {"nl": 24, "en": 24},
    "values_fresh_20.jsonl": {"nl": 24, "en": 23},
    "values_fresh_21.jsonl": {"nl": 23, "en": 22},
    "values_fresh_22.jsonl": {"nl": 24, "en": 24},
    "values_fresh_23.jsonl": {"nl": 23, "en": 24},
    "values_fresh_24.jsonl": {"nl": 24, "en": 23},
    "values_fresh_25.jsonl": {"nl": 24, "en": 24},
    "values_fresh_26.jsonl": {"nl": 24, "en": 22},
    "values_fresh_27.jsonl": {"nl": 24, "en": 24},
    "values_fresh_28.jsonl": {"nl": 24, "en": 24},
    "values_fresh_29.jsonl": {"nl": 23, "en": 24},
    "values_fresh_30.jsonl": {"nl": 24, "en": 21},
    "values_fresh_31.jsonl": {"nl": 24, "en": 22},
    # batches 32–35: not tuned on (their misses are listed in docs/values.md); the figures of
    # the code that added them, as a regression guard
    "values_fresh_32.jsonl": {"nl": 18, "en": 21},
    "values_fresh_33.jsonl": {"nl": 19, "en": 18},
    "values_fresh_34.jsonl": {"nl": 16, "en": 13},
    "values_fresh_35.jsonl": {"nl": 17, "en": 15},
    # batches 36–39: written and labelled first, first pass in docs/values.md, then the
    # general story rules (talentfit.value_stories) were built on their misses (tuned on)
    "values_fresh_36.jsonl": {"nl": 16, "en": 17},
    "values_fresh_37.jsonl": {"nl": 14, "en": 19},
    "values_fresh_38.jsonl": {"nl": 20, "en": 19},
    "values_fresh_39.jsonl": {"nl": 18, "en": 21},
    # batches 40–41: written after those rules, measured once (first pass 59.4% in
    # docs/values.md), then a few of their misses fixed with general rules
    "values_fresh_40.jsonl": {"nl": 18, "en": 18},
    "values_fresh_41.jsonl": {"nl": 17, "en": 17},
    # batch 42: written after all of that, measured once and not tuned on (13/16 at first
    # pass; 14/17 with the later flaw-handed-over rule, which it was not read for)
    "values_fresh_42.jsonl": {"nl": 14, "en": 17},
    # batches 43–45: written and committed before any miss was read (first pass 63/144:
    # 43 nl 10 en 11, 44 nl 11 en 8, 45 nl 10 en 13; docs/values.md), then their misses fixed
    # with general story rules; held at the figures after the fixes (95/144)
    "values_fresh_43.jsonl": {"nl": 16, "en": 17},
    "values_fresh_44.jsonl": {"nl": 16, "en": 14},
    "values_fresh_45.jsonl": {"nl": 15, "en": 17},
}


# Long answers (4–6 sentences: stories with setting, action and outcome, or views with reasons,
# often mixing positive-sounding words with a contrary stance), 24 nl + 24 en per set, written
# and committed before the code was run on them (first pass nl 18/15/19, en 15/16/19, in
# docs/values.md), then tuned on. Floor: the figure after the fixes per language minus two.
LONG_SETS = {
    "values_long_1.jsonl": {"nl": 23, "en": 24},
    "values_long_2.jsonl": {"nl": 21, "en": 24},
    "values_long_3.jsonl": {"nl": 22, "en": 24},
}


def _agreeing(rows: list[dict[str, Any]], lang: str, library: dict[str, Any]) -> int:
    """How many labelled pairs get an alignment with the label's sign."""
    agree = 0
    for row in rows:
        (result,) = value_alignment(row["answer"], lang, [library[row["value"]]])
        agree += result.alignment is not None and result.alignment * row["label"] > 0
    return agree


@pytest.mark.parametrize("name", sorted(FRESH_BATCHES))
def test_new_fresh_batches_keep_their_agreement(name: str) -> None:
    """Each later labelled batch keeps its sign agreement per language (two pairs of slack)."""
    path = Path(__file__).parent / "data" / name
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    library = builtin_values()
    for lang, measured in FRESH_BATCHES[name].items():
        mine = [r for r in rows if r["lang"] == lang]
        assert len(mine) == 24
        assert {r["value"] for r in mine} >= set(REQUIRED) - {"empathy"}
        assert {r["label"] for r in mine} == {1, -1}
        agree = _agreeing(mine, lang, library)
        assert agree >= measured - 2, (name, lang, agree, measured)


@pytest.mark.parametrize("name", sorted(LONG_SETS))
def test_long_answer_sets_keep_their_agreement(name: str) -> None:
    """Each set of long answers keeps its sign agreement per language (two pairs of slack)."""
    path = Path(__file__).parent / "data" / name
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    library = builtin_values()
    for lang, measured in LONG_SETS[name].items():
        mine = [r for r in rows if r["lang"] == lang]
        assert len(mine) == 24
        assert {r["value"] for r in mine} == set(REQUIRED) - {"empathy"}
        assert {r["style"] for r in mine} == {"long"}
        agree = _agreeing(mine, lang, library)
        assert agree >= measured - 2, (name, lang, agree, measured)


# Rounds of 60 fresh stated beliefs (30 nl, 30 en, about 60% contrary), each measured once
# before its families were added: the floor is the figure after the fixes minus three.
BELIEF_ROUNDS = {
    "values_beliefs_1.jsonl": 60,
    "values_beliefs_2.jsonl": 60,
    "values_beliefs_3.jsonl": 60,
    "values_beliefs_4.jsonl": 59,
    "values_beliefs_5.jsonl": 59,
    "values_beliefs_6.jsonl": 60,
    "values_beliefs_7.jsonl": 60,
    "values_beliefs_8.jsonl": 59,
    "values_beliefs_9.jsonl": 58,
    "values_beliefs_10.jsonl": 60,
}


@pytest.mark.parametrize("name", sorted(BELIEF_ROUNDS))
def test_belief_rounds_keep_their_agreement(name: str) -> None:
    """Each round of fresh belief probes keeps its agreement after fixes, minus three."""
    path = Path(__file__).parent / "data" / name
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) == 60
    assert {r["lang"] for r in rows} == set(LANGUAGES)
    library = builtin_values()
    agree = sum(
        _agreeing([r for r in rows if r["lang"] == lang], lang, library) for lang in LANGUAGES
    )
    assert agree >= BELIEF_ROUNDS[name] - 3, (name, agree)


@pytest.mark.parametrize(
    ("lang", "value", "text", "sign"),
    [
        ("en", "craftsmanship", "Finishing touches are a luxury we can't afford.", -1),
        ("nl", "collaboration", "Teamoverleg is meestal een hoop gepraat zonder resultaat.", -1),
        ("en", "entrepreneurship", "Taking initiative here just gives you a headache.", -1),
        ("nl", "development", "Feedback is geen onzin, ik leer er elke week van.", 1),
        ("en", "craftsmanship", "The finish is the most important part of the job for me.", 1),
    ],
)
def test_a_value_word_as_subject_of_a_negative_evaluation_is_dismissed(
    lang: str, value: str, text: str, sign: int
) -> None:
    """A negative evaluation ("a luxury", "een hoop gepraat", "a headache") of a value word
    that opens the sentence (after at most a demonstrative or gerund) dismisses the value; a
    negation before the evaluation denies it."""
    (result,) = value_alignment(text, lang, [builtin_values()[value]])
    assert result.alignment is not None and result.alignment * sign > 0, result


@pytest.mark.parametrize(
    ("lang", "value", "text", "sign"),
    [
        ("nl", "respect", "Mensen die geen Nederlands spreken zijn een last aan de balie.", -1),
        ("en", "respect", "People who can't speak English are a burden at the counter.", -1),
        (
            "nl",
            "openness",
            "Als een hotel slechte recensies heeft, zeg ik dat niet tegen de klant.",
            -1,
        ),
    ],
)
def test_a_negation_in_a_relative_clause_describes_the_subject(
    lang: str, value: str, text: str, sign: int
) -> None:
    """ "Mensen die geen Nederlands spreken zijn een last": the negation belongs to the
    relative clause about the people, not to the belief; "zeg ik dat niet" is no relative."""
    (result,) = value_alignment(text, lang, [builtin_values()[value]])
    assert result.alignment is not None and result.alignment * sign > 0, result


WEEK_LATER_CASES = [
    ("nl", "Ik had beloofd dat het vrijdag klaar zou zijn. Ik bracht het de donderdag erna.", -1),
    ("en", "I'd promised the quote for Friday. It was the Wednesday after, as I was busy.", -1),
    ("en", "I had promised her the dress by Friday. I finished it Wednesday after lunch.", 1),
]


@pytest.mark.parametrize(("lang", "text", "sign"), WEEK_LATER_CASES)
def test_a_weekday_with_erna_or_a_final_after_is_a_week_later(
    lang: str, text: str, sign: int
) -> None:
    """ "De donderdag erna", "the Wednesday after, …" lie a week after the promised Friday;
    "Wednesday after lunch" does not."""
    (result,) = value_alignment(text, lang, [builtin_values()["reliability"]])
    assert result.alignment is not None and result.alignment * sign > 0, result


def test_a_topic_needs_an_evaluation_to_count() -> None:
    """A topic alone is no evidence ("Deadlines staan op het bord"); evaluated it is, and a
    negation before the evaluation turns it round ("Deadlines zijn geen formaliteit")."""
    reliability = builtin_values()["reliability"]
    plain = value_alignment("Deadlines staan op het bord in de kantine.", "nl", [reliability])[0]
    assert not any(e.text.lower().startswith("deadlines") for e in plain.evidence)
    denied = value_alignment("Deadlines zijn geen formaliteit.", "nl", [reliability])[0]
    assert denied.alignment is not None and denied.alignment > 0


# The lead's probes: stated beliefs written before the rules and families that now read them,
# each set measured once first. file -> (pairs, floor after the fixes, with a little slack)
LEAD_PROBES = {
    # contrary beliefs, beliefs for +1, colloquial: 24/40, 42/60, 19/30 first; 128/130 after
    "values_probes.jsonl": (130, 125),
    # evaluations of value words ("Finishing touches are a luxury"): 19/40 first; 34/40 after
    "values_probes_2.jsonl": (40, 32),
    # evaluations of topics ("Deadlines are a formality"): 12/30, 18/30 with the evaluation
    # rule (measured once, before the topics); 30/30 after
    "values_probes_3.jsonl": (30, 28),
    # a last check after the evaluation rule and the topics: 14/30 first (contrary 8/22); 26/30
    "values_probes_4.jsonl": (30, 24),
    # a check of other shapes (conditions, modals, rhetorical questions): 23/30 first
    # (contrary 18/22, the misses for +1 being habits told with "usually" or "tell"); 29/30
    "values_probes_5.jsonl": (30, 27),
    # contrary acts told calmly as stories: 11/20 first (7/20 with the code at the start of
    # the session); 16/20 after (a week later "erna/after", "not got round to it", "put him
    # through … and ended the call" no longer read as seeing it through)
    "values_probes_6.jsonl": (20, 15),
}


@pytest.mark.parametrize("name", sorted(LEAD_PROBES))
def test_lead_probes_keep_their_agreement(name: str) -> None:
    """Each set of the lead's probes keeps its sign agreement after its fixes."""
    path = Path(__file__).parent / "data" / name
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    library = builtin_values()
    agree = sum(
        _agreeing([r for r in rows if r["lang"] == lang], lang, library) for lang in LANGUAGES
    )
    pairs, floor = LEAD_PROBES[name]
    assert len(rows) == pairs and agree >= floor, (name, agree)


def test_dismissed_value_words_are_not_evidence() -> None:
    """'al die bijscholing', 'all that syncing up with the team' do not count for the value."""
    values = builtin_values()
    nl = value_alignment("Al die bijscholing is zonde van de tijd.", "nl", [values["development"]])
    assert "indicator" not in [e.signal for e in nl[0].evidence]
    en = value_alignment("All that training, what a waste.", "en", [values["development"]])
    assert "indicator" not in [e.signal for e in en[0].evidence]
    own = value_alignment("Ik heb een training gevolgd.", "nl", [values["development"]])
    assert "indicator" in [e.signal for e in own[0].evidence]


@pytest.mark.parametrize(
    ("text", "lang", "value_id"),
    [
        ("Snelheid is belangrijker dan netjes werken.", "nl", "craftsmanship"),
        ("Speed matters more than doing it neatly.", "en", "craftsmanship"),
    ],
)
def test_value_ranked_below_something_else_counts_against(
    text: str, lang: str, value_id: str
) -> None:
    """A value word after 'belangrijker dan' / 'matters more than' is ranked below: against."""
    result = value_alignment(text, lang, [builtin_values()[value_id]])[0]
    assert "negated_indicator" in [e.signal for e in result.evidence], result
    assert result.alignment is not None and result.alignment < 0


def test_fillers_are_hedges_only_when_they_stand_apart() -> None:
    """'Eerlijk gezegd, …' is a filler; 'ik heb het eerlijk gezegd' is honest behaviour."""
    openness = builtin_values()["openness"]
    filler = value_alignment("Eerlijk gezegd weet ik het niet meer.", "nl", [openness])[0]
    assert not [e for e in filler.evidence if not e.signal.startswith("general_")]
    manner = value_alignment("Ik heb het de klant eerlijk gezegd.", "nl", [openness])[0]
    assert manner.alignment is not None and manner.alignment > 0
    told = value_alignment("I told her honestly what went wrong.", "en", [openness])[0]
    assert told.alignment is not None and told.alignment > 0
    aside = value_alignment("Honestly, I forgot.", "en", [openness])[0]
    assert "indicator" not in [e.signal for e in aside.evidence]


def test_colloquial_negation_niks() -> None:
    """'daar leer ik niks van' negates learning like 'niets' does."""
    result = value_alignment("Daar leer ik niks van.", "nl", [builtin_values()["development"]])
    assert "negated_indicator" in [e.signal for e in result[0].evidence]


def test_what_someone_else_wants_is_not_the_candidates_deed() -> None:
    """'They want us all to do training' is not evidence that the candidate develops."""
    value = builtin_values()["development"]
    result = value_alignment("They want us all to do a training.", "en", [value])[0]
    assert "indicator" not in [e.signal for e in result.evidence]


def test_road_not_taken_is_not_a_contrary_act() -> None:
    """'I could have upsold him, but …' is a temptation declined, not the candidate's act."""
    value = builtin_values()["integrity"]
    text = (
        "Ik kon hem een duurder contract aansmeren. Maar het paste niet bij hem, dus ik heb "
        "hem het goedkopere aangeraden."
    )
    result = value_alignment(text, "nl", [value])[0]
    assert "contrary" not in [e.signal for e in result.evidence]
    assert result.alignment is not None and result.alignment > 0


def test_elliptic_condition_does_not_negate_the_action() -> None:
    """'and if not, I touch it up' is a condition, not a refusal to touch it up."""
    value = builtin_values()["craftsmanship"]
    text = "I always check both sides, and if not even I touch it up."
    result = value_alignment(text, "en", [value])[0]
    assert "negated_indicator" not in [e.signal for e in result.evidence], result
    refused = value_alignment("I did not touch it up.", "en", [value])[0]
    assert "negated_indicator" in [e.signal for e in refused.evidence]


def test_dismissive_interjection_after_a_value_word() -> None:
    """'Nieuwe dingen leren, ach, …' names learning to wave it away: not evidence for it."""
    value = builtin_values()["development"]
    result = value_alignment("Nieuwe dingen leren, ach, wat moet ik ermee.", "nl", [value])[0]
    assert "indicator" not in [e.signal for e in result.evidence]


def test_negated_value_word_about_someone_else_is_theirs() -> None:
    """'De klant luisterde niet' is not the candidate failing to listen."""
    value = builtin_values()["empathy"]
    for text in ("De klant luisterde niet.", "Mijn collega luisterde niet naar haar."):
        result = value_alignment(text, "nl", [value])[0]
        assert "negated_indicator" not in [e.signal for e in result.evidence], text
    own = value_alignment("Ik luisterde niet naar de klant.", "nl", [value])[0]
    assert "negated_indicator" in [e.signal for e in own.evidence]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Waarom zou ik een cursus doen? Ik ken het werk.", "nl"), ("Why would I do a course?", "en")],
)
def test_rhetorical_question_waves_the_value_away(text: str, lang: str) -> None:
    """A value word in 'waarom zou ik …?' / 'why would I …?' counts against the value."""
    result = value_alignment(text, lang, [builtin_values()["development"]])[0]
    assert "indicator" not in [e.signal for e in result.evidence], result
    assert result.alignment is not None and result.alignment < 0
    plain = value_alignment("Ik heb een cursus gedaan.", "nl", [builtin_values()["development"]])
    assert plain[0].alignment is not None and plain[0].alignment > 0


def test_never_without_affirms_the_action() -> None:
    """'I never … without testing it' affirms testing; 'without testing it' alone negates."""
    value = builtin_values()["craftsmanship"]
    text = "I never hand over a circuit without testing it."
    result = value_alignment(text, "en", [value])[0]
    assert "negated_indicator" not in [e.signal for e in result.evidence], result
    plain = value_alignment("I handed it over without testing it.", "en", [value])[0]
    assert "negated_indicator" in [e.signal for e in plain.evidence]


def test_filler_mid_sentence_in_dutch() -> None:
    """'dat is eerlijk gezegd van later zorg' is a filler; 'ik heb het eerlijk gezegd' is not."""
    openness = builtin_values()["openness"]
    filler = value_alignment("Dat is eerlijk gezegd van later zorg.", "nl", [openness])[0]
    assert "indicator" not in [e.signal for e in filler.evidence]
    manner = value_alignment("Ik heb het haar eerlijk gezegd.", "nl", [openness])[0]
    assert manner.alignment is not None and manner.alignment > 0


def test_negation_does_not_reach_past_why() -> None:
    """'ik snap niet waarom ze zich zo aanstellen' is a contrary belief, not its negation."""
    value = builtin_values()["empathy"]
    text = "Ik snap niet waarom ze zich zo aanstellen."
    result = value_alignment(text, "nl", [value])[0]
    assert "negated_contrary" not in [e.signal for e in result.evidence], result
    assert result.alignment is not None and result.alignment < 0
    english = value_alignment("I don't get why they make such a fuss.", "en", [value])[0]
    assert english.alignment is not None and english.alignment < 0


_SPOKEN_WORDS = st.sampled_from(
    [
        *("ik", "ze", "hij", "we", "en", "dus", "toen", "daarna", "eigenlijk", "gewoon"),
        *("belde", "ging", "heb", "had", "was", "de", "klant"),
        *("I", "she", "he", "we", "and", "so", "then", "basically", "just", "called"),
        *("went", "had", "was", "the", "customer", "it"),
    ]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_SPOKEN_WORDS, max_size=60), st.sampled_from(LANGUAGES), st.booleans())
def test_transcripts_without_punctuation_never_crash(
    words: list[str], lang: str, spoken: bool
) -> None:
    """An unpunctuated transcript, analysed either way, gives a bounded result, no crash."""
    from talentfit.text import analyse

    doc = analyse(" ".join(words), lang, spoken=spoken)
    for result in value_alignment(doc, lang, list(builtin_values().values())):
        assert result.alignment is None or -1.0 < result.alignment < 1.0
        for ev in result.evidence:
            assert doc.text[ev.start : ev.end] == ev.text


def test_backoff_story_uses_the_engines_own_sentences() -> None:
    """A transcript analysed without speech splitting (fewer sentences than the scoring
    engine's own analysis) falls back to a past-action story without an IndexError."""
    from talentfit.text import analyse

    text = (
        "mijn vorige chef zei altijd wat de klant niet weet dat deert hem niet daar ben ik het "
        "echt niet mee eens toen bij ons de server plat lag heb ik alle klanten zelf gemaild "
        "wat er aan de hand was"
    )
    doc = analyse(text, "nl")
    for value in builtin_values().values():
        (result,) = value_alignment(doc, "nl", [value])
        for ev in result.evidence:
            assert text[ev.start : ev.end] == ev.text


def test_contrary_act_in_the_passive_happened_to_someone_else() -> None:
    """'She got laughed at' is what others did to her, not the candidate's disrespect."""
    respect = builtin_values()["respect"]
    text = "A girl got laughed at by the others. I quietly gave her a sandwich."
    result = value_alignment(text, "en", [respect])[0]
    assert "contrary" not in [e.signal for e in result.evidence], result
    assert result.alignment is not None and result.alignment > 0
    own = value_alignment("I laughed at her.", "en", [respect])[0]
    assert "contrary" in [e.signal for e in own.evidence]


def test_echoed_question_is_not_evidence() -> None:
    """'Samenwerken? Ja, …' repeats the interviewer's topic: the echo itself is no evidence."""
    value = builtin_values()["collaboration"]
    result = value_alignment("Samenwerken? Ja hoor.", "nl", [value])[0]
    assert "indicator" not in [e.signal for e in result.evidence]
    asked = value_alignment("Hebben jullie ooit goed samengewerkt met de planning?", "nl", [value])
    assert "indicator" in [e.signal for e in asked[0].evidence]


def test_bare_im_is_not_a_self_description() -> None:
    """'I explained I'm not allowed to' has no claim: only 'I'm really …' and the like do."""
    value = builtin_values()["integrity"]
    text = "I explained I'm not allowed to."
    result = value_alignment(text, "en", [value])[0]
    assert "self_description" not in {e.signal.removeprefix("general_") for e in result.evidence}


@pytest.mark.parametrize(
    ("text", "lang", "sign"),
    [
        ("Bijleren of doorgroeien, dat hoeft voor mij niet.", "nl", -1),
        ("Training, I don't need it.", "en", -1),
        ("Bijleren, dat vind ik belangrijk.", "nl", 1),
        ("Toen ik een training volgde, wist ik niet wat me overkwam.", "nl", 1),
    ],
)
def test_fronted_topic_picked_up_and_negated(text: str, lang: str, sign: int) -> None:
    """'X, dat hoeft niet' negates X; not when the resumptive clause is positive, nor when
    the first clause is the candidate's own story."""
    result = value_alignment(text, lang, [builtin_values()["development"]])[0]
    assert result.alignment is not None and result.alignment * sign > 0, result


def test_reported_view_with_we_in_the_reported_clause() -> None:
    """'A colleague said we might as well take it home' is the colleague's view."""
    integrity = builtin_values()["integrity"]
    text = (
        "A colleague said we might as well take the good stuff home, everyone does it. "
        "I don't go along with that. I reported it."
    )
    result = value_alignment(text, "en", [integrity])[0]
    assert "contrary" not in [e.signal for e in result.evidence], result
    assert result.alignment is not None and result.alignment > 0


def test_pattern_negation_in_an_earlier_clause_does_not_count() -> None:
    """'not mine, so I told him …' is not 'not telling him'; 'te laat, maar dat maakt niet
    uit' still is a contrary belief (its negation is in the last clause)."""
    openness = builtin_values()["openness"]
    text = "That was the warehouse's fault, not mine, so I told him what happened."
    result = value_alignment(text, "en", [openness])[0]
    assert "contrary" not in [e.signal for e in result.evidence], result
    late = value_alignment(
        "Ik ben vaak te laat, maar dat maakt niet uit.", "nl", [builtin_values()["reliability"]]
    )[0]
    assert late.alignment is not None and late.alignment < 0


DENIED_SUBJECT_CASES = [
    ("en", "entrepreneurship", "Coming up with new ideas isn't my job. I do what I'm told.", -1),
    ("en", "collaboration", "Working with others is not really my thing, I prefer my own way.", -1),
    (
        "nl",
        "collaboration",
        "Samenwerken is niet echt mijn sterkste kant, ik doe het liever zelf.",
        -1,
    ),
    ("nl", "development", "Bijleren is niet voor mij, ik weet genoeg.", -1),
    (
        "en",
        "collaboration",
        "Working with others is what I enjoy most. I set up a weekly handover.",
        1,
    ),
    (
        "en",
        "development",
        "Learning new things is never boring for me. I took a pensions course.",
        1,
    ),
    ("en", "openness", "Admitting a mistake is not easy, but I told my manager straight away.", 1),
]


@pytest.mark.parametrize(("lang", "value", "answer", "label"), DENIED_SUBJECT_CASES)
def test_value_word_as_subject_of_a_denied_copula(
    lang: str, value: str, answer: str, label: int
) -> None:
    """ "X isn't my job/thing", "X is niet mijn ding" rejects X; "X is not easy" does not."""
    result = value_alignment(answer, lang, [builtin_values()[value]])[0]
    assert result.alignment is not None and result.alignment * label > 0, result.evidence


# Written by a second author (20 pairs per language each) and measured before any change for
# them: first pass 82.5% (batch 1, with the rules before the values work; 87.5% after it) and
# 82.5% (batch 2, nl 80%, en 85%). Held to what is measured now, two pairs of slack.
INDEPENDENT_BATCHES = {
    "values_independent_1.jsonl": {"nl": 19, "en": 18},
    "values_independent_2.jsonl": {"nl": 19, "en": 19},
}


@pytest.mark.parametrize("name", sorted(INDEPENDENT_BATCHES))
def test_independent_batches_keep_their_agreement(name: str) -> None:
    """The second author's labelled answers keep their sign agreement per language."""
    path = Path(__file__).parent / "data" / name
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    library = builtin_values()
    for lang, measured in INDEPENDENT_BATCHES[name].items():
        mine = [r for r in rows if r["lang"] == lang]
        agree = _agreeing(mine, lang, library)
        assert len(mine) == 20 and agree >= measured - 2, (name, lang, agree, measured)


# Reading rules added with batches 15-17: (lang, value, answer, expected sign). Each rule has
# a case where it applies and a near miss where it must not.
READING_CASES = [
    # conceded belief: "even though nobody sees it" is conceded, then overridden
    ("en", "craftsmanship", "I polish the inside too, even though nobody ever sees it.", 1),
    ("en", "openness", "I say it's inflation, even though I don't know the real reason.", -1),
    ("en", "ownership", "Technically it isn't my department, but I sorted it out myself.", 1),
    ("en", "ownership", "Technically it isn't my department.", -1),
    # fronted topic picked up by a contrary belief
    ("en", "entrepreneurship", "Ideas for improving stuff, that's management's job.", -1),
    ("nl", "craftsmanship", "Uitzoeken wat er precies mis was, ach, dat kost uren.", -1),
    # someone else's topic (nagging) and someone else as subject
    ("en", "development", "The lads keep going on about training, but I'm too old for it.", -1),
    ("en", "development", "I keep going on about training because I love learning.", 1),
    # conditional or mock acceptance
    ("en", "openness", "I love feedback, as long as it's from someone who knows. In one ear.", -1),
    ("en", "collaboration", "Teamwork, yeah, great, love it. So now I just do mine.", -1),
    # modest disclaimer overridden
    ("en", "collaboration", "I'm not a natural team player. But now I sit in on their meeting.", 1),
    ("en", "collaboration", "I'm not a natural team player and I work alone.", -1),
    # not merely
    ("en", "ownership", "I didn't just call for help, I stayed and made sure he got home.", 1),
    ("en", "ownership", "I didn't call for help; that's not my job.", -1),
    # a report inside a condition is not someone else's view
    ("en", "ownership", "If a customer says we missed one, well, that's not mine.", -1),
    # counterfactual: a road not taken
    ("en", "openness", "It would have been easy to quietly relabel it. I reported it.", 1),
    ("en", "openness", "I quietly relabel it and move on.", -1),
    # a carried-over subject is the candidate's
    ("nl", "empathy", "Ik ben even gebleven, gevraagd of hij iemand had om mee te praten.", 1),
    # an indicator in a counterfactual was not done
    (
        "en",
        "openness",
        "I let it sit until they forgot. Admitting it would have meant a whole process.",
        -1,
    ),
    # the candidate's own reply after someone else's request
    ("en", "entrepreneurship", "He asked if I had ideas; I said that's not really my job.", -1),
    # a short impersonal question echoes a topic; a rhetorical belief is still read
    ("nl", "development", "Een cursus Engels voor de toeristen? Wat moet ik nog leren.", -1),
    ("en", "integrity", "A small error I just left. If nobody notices, why make a fuss?", -1),
    # a person noun opening the clause is its subject
    ("en", "customer_focus", "Beginners ask a million questions. It's all on the video.", -1),
    # an inverted reply after someone else's question is the candidate's
    ("nl", "openness", "Als de baas vraagt waarom, zeg ik dat het vast een retour is.", -1),
    # a value word as the subject of a contrary belief; "that X" refers back and is not one
    ("en", "craftsmanship", "Testing the water properly takes ages, so I skip it.", -1),
    ("en", "collaboration", "I agreed who does what. That coordination saved time.", 1),
    # a failure in an if-clause answered by the candidate is a contingency, not a belief
    ("nl", "reliability", "Als ik het tijdvak niet haal, app ik de klant een uur van tevoren.", 1),
    ("nl", "reliability", "Als ik te laat ben, jammer dan.", -1),
    # a negation in the clause after "dat ik" does not negate the saying
    ("nl", "openness", "Ik heb eerlijk gezegd dat ik te weinig had opgelet.", 1),
    ("nl", "openness", "Bij schade meld ik dat niet altijd meteen aan de eigenaar.", -1),
    # a negative pronoun as object does not make it someone else's failing
    ("nl", "development", "Ik heb daar niets van geleerd, het ging gewoon zoals altijd.", -1),
]


@pytest.mark.parametrize(("lang", "value", "answer", "label"), READING_CASES)
def test_reading_rules_of_later_batches(lang: str, value: str, answer: str, label: int) -> None:
    """Concessions, fronted topics, nagging, restrictions, disclaimers, 'not just',
    conditional reports, counterfactuals and carried-over subjects are read as intended."""
    result = value_alignment(answer, lang, [builtin_values()[value]])[0]
    assert result.alignment is not None and result.alignment * label > 0, result.evidence


LONG_ANSWER_CASES = [
    # a stance opening the answer, taken back at once by a view; look-alikes: a story after
    # the contrast, no contrast, a value word without a copula
    (
        "en",
        "openness",
        "I'm always open to feedback. But in this trade you can't have everyone chipping in.",
        -1,
    ),
    (
        "nl",
        "collaboration",
        "Ik werk graag samen met anderen. Maar meestal ben ik alleen sneller klaar.",
        -1,
    ),
    (
        "nl",
        "collaboration",
        "Overleg is belangrijk, maar uiteindelijk moet er gewoon iemand beslissen.",
        -1,
    ),
    (
        "nl",
        "openness",
        "Ik sta open voor kritiek. "
        "Maar toen mijn chef zei dat ik te snel praatte, heb ik dat meteen aangepast.",
        1,
    ),
    (
        "en",
        "openness",
        "I'm open to feedback. "
        "Last week a colleague said my notes were messy, so I changed the template.",
        1,
    ),
    (
        "nl",
        "entrepreneurship",
        "Een klant wilde een nieuw product, maar ik heb eerst zelf een proefversie gemaakt.",
        1,
    ),
    # someone else's request for the value's act, refused; look-alike: granted
    (
        "en",
        "collaboration",
        "A colleague asked if we could share the client list. I said no, I'd built it up myself.",
        -1,
    ),
    (
        "en",
        "collaboration",
        "A colleague asked if we could share the client list, so I sent it over that afternoon.",
        1,
    ),
    # a negated value word inside a belief given up
    (
        "nl",
        "collaboration",
        "We zouden het eigenlijk samen doen, maar ik heb het alleen afgemaakt.",
        -1,
    ),
    (
        "nl",
        "openness",
        "Vroeger dacht ik dat je als nieuwe nooit fouten moest toegeven. Nu meld ik ze meteen.",
        1,
    ),
    # a value word taken up and refused by the candidate; look-alikes: 'niet alleen', a clause,
    # another verb ("I didn't close it" refuses closing the ticket, not the team)
    (
        "en",
        "openness",
        "I used to think you should never admit a mistake to a client. "
        "Now I tell them the same day.",
        1,
    ),
    (
        "nl",
        "development",
        "De zaak biedt elk jaar een cursusbudget aan. Ik heb het nooit aangevraagd.",
        -1,
    ),
    ("en", "development", "They gave each of us a training budget, but I never used it.", -1),
    (
        "nl",
        "development",
        "De zaak biedt elk jaar een cursusbudget aan. "
        "Ik heb het niet alleen gebruikt, ik heb er ook een mentor bij gezocht.",
        1,
    ),
    (
        "nl",
        "craftsmanship",
        "Ik controleer zelf elke las. Ik wil niet dat er later iets scheurt.",
        1,
    ),
    (
        "en",
        "ownership",
        "Strictly speaking that was one for the support team. I didn't close it, I fixed it.",
        1,
    ),
]


@pytest.mark.parametrize(("lang", "value", "answer", "label"), LONG_ANSWER_CASES)
def test_reading_rules_of_long_answers(lang: str, value: str, answer: str, label: int) -> None:
    """Opening stances taken back, refused requests, beliefs given up with a negation and
    value words taken up and refused are read as intended (with look-alikes; the rules
    without the attitude model)."""
    result = value_alignment(answer, lang, [builtin_values()[value]], model=False)[0]
    assert result.alignment is not None and result.alignment * label > 0, result.evidence


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("en", "The four of us were supposed to go through it together."),
        ("nl", "We zouden het eigenlijk samen doorlopen."),
    ],
)
def test_a_plan_not_carried_out_is_no_indicator(lang: str, answer: str) -> None:
    """ "were supposed to … together": what was planned, not what the candidate did."""
    result = value_alignment(answer, lang, [builtin_values()["collaboration"]])[0]
    assert not any(e.signal == "indicator" for e in result.evidence), result.evidence
    done = {
        "en": "The four of us went through it together.",
        "nl": "We hebben het samen doorlopen.",
    }
    (again,) = value_alignment(done[lang], lang, [builtin_values()["collaboration"]])
    assert any(e.signal == "indicator" for e in again.evidence)


STORY_CASES = [
    ("nl", "Toen de klant belde, heb ik alles zelf nagekeken.", "general_story"),
    ("en", "When he rang, I checked everything myself.", "general_story"),
    ("nl", "Ik vind dat mensen hun eigen boontjes moeten doppen.", "general_no_story"),
    ("en", "I think people should sort their own problems.", "general_no_story"),
]


@pytest.mark.parametrize(("lang", "answer", "signal"), STORY_CASES)
def test_story_is_indirect_evidence(lang: str, answer: str, signal: str) -> None:
    """Without evidence of its own, a value reads whether the candidate tells what they did
    (a first-person past sentence) or only speaks in the present about themselves (the
    backoff rules, without the attitude model, which may read the same answer)."""
    blank = ValueDefinition("blank", {lang: "blank"}, {lang: ""}, {}, {})
    result = value_alignment(answer, lang, [blank], model=False)[0]
    assert signal in [e.signal for e in result.evidence], result.evidence
    assert result.basis == "indirect"


@pytest.mark.parametrize(
    ("lang", "answer", "label"),
    [
        # a contrary act told as a story: the lexicons lean against, the story earns nothing
        ("nl", "De klant belde over een deuk. Ik heb opgehangen, er stonden nog mensen.", -1),
        ("en", "She rang in tears. I read her the refund policy and went on my break.", -1),
        # a habit in the value's favour, told in the present: no mark against
        ("en", "I think everyone deserves the same welcome, so I learn the regulars' names.", 1),
    ],
)
def test_story_signal_never_overturns_the_lexicons(lang: str, answer: str, label: int) -> None:
    """The story signal breaks ties; it never turns the lean of the other indirect evidence."""
    result = value_alignment(answer, lang, [_blank(lang)])[0]
    signals = [e.signal for e in result.evidence]
    assert result.alignment is not None and result.alignment * label > 0, result.evidence
    assert ("general_story" if label < 0 else "general_no_story") not in signals


def test_request_inside_a_condition_is_the_candidates_stance() -> None:
    """'If they want it without onions, they can pick them out themselves': a condition the
    candidate answers, not someone else's request."""
    text = "If they want it without onions, they can pick them out themselves."
    result = value_alignment(text, "en", [builtin_values()["ownership"]])[0]
    assert "contrary" in [e.signal for e in result.evidence]


def test_negation_in_a_purpose_clause_is_the_aim() -> None:
    """'… so it didn't feel like a mountain': the aim of the candidate's act, not a failing."""
    text = "We opened the bills together, one at a time, so it didn't feel like a mountain."
    result = value_alignment(text, "en", [builtin_values()["empathy"]])[0]
    assert "negated_indicator" not in [e.signal for e in result.evidence]


def test_contrary_ranked_below_is_passed_over() -> None:
    """'I'd rather ring them … than have them find out from the bill': rejected, not held."""
    text = "I'd rather ring them with bad news than have them find out from the bill."
    result = value_alignment(text, "en", [builtin_values()["openness"]])[0]
    assert "contrary" not in [e.signal for e in result.evidence]
    assert result.alignment is not None and result.alignment > 0


def test_a_report_verb_in_a_row_of_own_acts_is_the_candidates() -> None:
    """'I handed her the form, said it was all on our website': the candidate said it."""
    text = "I handed her the form, said it was all on our website and took the carrier."
    result = value_alignment(text, "en", [_blank("en")])[0]
    assert "general_contrary" in [e.signal for e in result.evidence]


def test_someone_elses_suggestion_is_not_the_candidates_idea() -> None:
    """'A mum suggested we …': her suggestion, not the candidate's initiative."""
    text = "A mum suggested we do birthday parties. I said thanks and binned it."
    result = value_alignment(text, "en", [builtin_values()["entrepreneurship"]])[0]
    assert "indicator" not in [e.signal for e in result.evidence]


def test_backoff_indicator_needs_the_candidate_in_its_sentence() -> None:
    """'Een meisje … vroeg of het pijn deed': asking is her act; as indirect evidence it
    only counts in a sentence that names the candidate."""
    text = "Een meisje twijfelde en vroeg of het pijn deed. Het regende die dag."
    result = value_alignment(text, "nl", [_blank("nl")])[0]
    assert "general_indicator" not in [e.signal for e in result.evidence]


def test_request_then_own_reply_is_the_candidates_act() -> None:
    """'She asked me to cover her break, so I put my earbuds in': the reply is the candidate's."""
    text = "She asked me to cover her break, so I put my earbuds in and carried on."
    result = value_alignment(text, "en", [_blank("en")])[0]
    assert "general_contrary" in [e.signal for e in result.evidence]


def test_person_noun_opening_the_match_is_its_subject() -> None:
    """'Mijn collega van de lift vroeg of ik …': the colleague asks, not the candidate."""
    text = "Mijn collega van de lift vroeg of ik haar pauze kon overnemen."
    result = value_alignment(text, "nl", [builtin_values()["collaboration"]])[0]
    assert "indicator" not in [e.signal for e in result.evidence]


def test_story_needs_a_first_person() -> None:
    """An answer without the candidate in it ('Het weer was mooi.') gets no story signal."""
    blank = ValueDefinition("blank", {"nl": "blank"}, {"nl": ""}, {}, {})
    assert value_alignment("Het weer was mooi.", "nl", [blank])[0].alignment is None


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("en", "Last month a customer called. I told him that's finance, so I transferred him."),
        ("nl", "Er belde een klant. Dat was niet mijn afdeling, dus ik heb hem doorverbonden."),
    ],
)
def test_a_story_with_a_counter_indicator_earns_no_story_credit(lang: str, answer: str) -> None:
    """A past story in which the candidate passes the customer on is no evidence for a value."""
    blank = ValueDefinition("blank", {lang: "blank"}, {lang: ""}, {}, {})
    signals = [e.signal for e in value_alignment(answer, lang, [blank])[0].evidence]
    assert "general_story" not in signals


def test_engine_counter_indicators_join_other_general_evidence() -> None:
    """When the value lexicons find only weak general evidence, the scoring engine's
    counter-indicators (passing the customer on) still count against the value; selling
    words ('verkopen', 'omzet') are no evidence against a value."""
    values = builtin_values()
    text = (
        "I'm not really a feelings person at work. I sent him our standard template and put "
        "him through to billing, because that's their department."
    )
    (result,) = value_alignment(text, "en", [values["customer_focus"]])
    assert result.alignment is not None and result.alignment < 0
    assert any(e.signal == "general_contrary" and "through" in e.text for e in result.evidence)
    text = "In de winter verkochten we bijna niks, dus ik heb warme wafels erbij bedacht."
    (result,) = value_alignment(text, "nl", [values["entrepreneurship"]])
    assert not any(e.text == "verkochten" for e in result.evidence)


def test_a_cost_named_and_then_accepted_is_no_contrary_belief() -> None:
    """'Dat kost een uur extra, maar anders hoef je er niet aan te beginnen' and 'it takes
    ages, but it's worth it' accept the cost; 'it takes ages, so I skip it' does not."""
    values = builtin_values()

    def alignment(text: str, lang: str, value: str) -> float | None:
        return value_alignment(text, lang, [values[value]])[0].alignment

    accepted = "Alles twee keer nakijken kost veel tijd, maar dat heb ik ervoor over."
    assert (alignment(accepted, "nl", "craftsmanship") or 0) > 0
    worth = "Checking everything twice takes ages, but it's worth it."
    assert (alignment(worth, "en", "craftsmanship") or 0) > 0
    skipped = "Checking everything twice takes ages, so I skip it."
    assert (alignment(skipped, "en", "craftsmanship") or 0) < 0
    assert (alignment("Overleg kost vooral tijd.", "nl", "collaboration") or 0) < 0


def test_a_minimiser_that_gives_a_reason_is_no_brush_off() -> None:
    """'ik stuur ze gewoon terug' brushes a matter off; 'gewoon omdat ik het wil snappen'
    gives a reason."""
    from talentfit.text import analyse
    from talentfit.values import _habit_evidence

    assert _habit_evidence(analyse("Ik stuur ze gewoon terug naar huis.", "nl"))
    assert not _habit_evidence(analyse("Ik doe het gewoon omdat ik het wil snappen.", "nl"))


def test_a_contrary_belief_the_candidate_sets_themselves_against_is_rejected() -> None:
    """'Nobody would have noticed it, but I would have' sets the candidate against the
    belief: it is read as a rejected contrary belief, not as one held."""
    values = builtin_values()
    (result,) = value_alignment(
        "Nobody would have noticed it, but I would have.", "en", [values["craftsmanship"]]
    )
    assert [e.signal for e in result.evidence] == ["negated_contrary"]
    assert result.alignment is not None and result.alignment > 0


DECEPTION_EXAMPLES = [
    (lang, sentence) for lang in LANGUAGES for sentence in lexicon(lang).general.deception_examples
]
HONEST_EXAMPLES = [
    (lang, sentence) for lang in LANGUAGES for sentence in lexicon(lang).general.honest_examples
]


def test_deceptions_have_examples() -> None:
    """Meta-test: the deceptions and cover-story lists come with examples both ways."""
    for lang in LANGUAGES:
        general = lexicon(lang).general
        assert general.deceptions and general.mishaps and general.tellings
        assert general.deception_examples and general.honest_examples


@pytest.mark.parametrize(("lang", "sentence"), DECEPTION_EXAMPLES)
def test_a_told_deception_clashes_with_every_value(lang: str, sentence: str) -> None:
    """A cover story or a record signed off as done counts against every built-in value."""
    for value in builtin_values().values():
        result = value_alignment(sentence, lang, [value])[0]
        assert result.alignment is not None and result.alignment < 0, (value.id, result)


@pytest.mark.parametrize(("lang", "sentence"), HONEST_EXAMPLES)
def test_an_honest_look_alike_is_no_deception(lang: str, sentence: str) -> None:
    """An admission, a repair or someone else telling is not read as a deception."""
    for value in builtin_values().values():
        result = value_alignment(sentence, lang, [value])[0]
        assert not any(e.signal == "contrary" for e in result.evidence), (value.id, result)


def test_cover_story_needs_the_candidates_own_mishap_and_telling() -> None:
    """The telling counts only after the candidate's mishap, and only when the candidate tells."""
    openness = builtin_values()["openness"]
    covered = "I'd dropped the lamp. I told the owner the shade had a crack in it."
    assert any(
        e.signal == "contrary" for e in value_alignment(covered, "en", [openness])[0].evidence
    )
    for text in (
        "The lamp was old. I told the owner the shade had a crack in it.",
        "I'd dropped the lamp. The owner said the shade had a crack in it anyway.",
    ):
        evidence = value_alignment(text, "en", [openness])[0].evidence
        assert not any(e.text.startswith(("told", "said")) for e in evidence), text


def test_someone_elses_repair_is_no_admission_in_a_cover_story() -> None:
    """ "… I said the seal must have gone, and he got a contractor out to replace it": the
    repair is the other person's, so the telling still covers the candidate's mishap; the
    candidate's own repair after the telling ("and then I fixed it") is an admission."""
    ownership = builtin_values()["ownership"]
    covered = (
        "I'd left the hatch open and rain got in. I said the seal must have gone on its own,"
        " and he got a contractor out to replace it."
    )
    evidence = value_alignment(covered, "en", [ownership])[0].evidence
    assert any(e.signal == "contrary" and e.text.startswith("said") for e in evidence)
    repaired = "I'd left the hatch open. I said the seal had gone, and then I replaced it."
    evidence = value_alignment(repaired, "en", [ownership])[0].evidence
    assert not any(e.signal == "contrary" and e.text.startswith("said") for e in evidence)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "A ramp was sticking, not my area at all. But I stayed on and got the engineer.",
        ),
        ("nl", "Niet mijn afdeling eigenlijk. Maar ik ben gebleven tot het opgelost was."),
    ],
)
def test_a_disowned_remit_the_candidate_then_acts_on_is_conceded(lang: str, text: str) -> None:
    """A "not my area" without the candidate as a subject, then "But I …": conceded."""
    (result,) = value_alignment(text, lang, [builtin_values()["ownership"]])
    assert any(e.signal == "negated_contrary" for e in result.evidence), result
    assert result.alignment is not None and result.alignment > 0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "That's not my department. I put him through to billing."),
        ("en", "I don't think that's my area, but I put him through to billing."),
        ("nl", "Dat is niet mijn afdeling. Ik heb hem doorverbonden."),
    ],
)
def test_a_disowned_remit_without_an_overriding_act_still_counts(lang: str, text: str) -> None:
    """Without "but I …" after it, or with the candidate's own stance, it stays contrary."""
    (result,) = value_alignment(text, lang, [builtin_values()["ownership"]])
    assert not any(e.signal == "negated_contrary" for e in result.evidence), result
    assert result.alignment is not None and result.alignment < 0


def test_a_generic_you_before_a_report_verb_is_the_candidate() -> None:
    """ "Je roept wat ze moeten doen en …, vervang je ze": the generic "je" with "roept" is
    the candidate's own way of working, not someone else's view reported; "mijn chef roept
    altijd …" still is someone else's."""
    respect = builtin_values()["respect"]
    own = "Je roept wat ze moeten doen en als ze het dan nog niet snappen, vervang je ze."
    (result,) = value_alignment(own, "nl", [respect])
    assert result.alignment is not None and result.alignment < 0, result
    other = "Mijn chef roept altijd dat je ze vervangt als ze het niet snappen."
    (result,) = value_alignment(other, "nl", [respect])
    assert not any(e.signal == "contrary" for e in result.evidence), result


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Ik controleerde het tot er geen fout meer in zat.", 1),
        ("Ik controleerde het tot vrijdag niet.", -1),
    ],
)
def test_a_dutch_negation_in_a_clause_opened_by_tot_is_that_clauses(text: str, sign: int) -> None:
    """ "tot er geen fout meer in zat" opens a clause: its negation does not reach back to
    the act before it; "tot vrijdag niet" is a preposition, and "niet" negates the act."""
    (result,) = value_alignment(text, "nl", [builtin_values()["craftsmanship"]])
    assert result.alignment is not None and result.alignment * sign > 0, result


def test_counterfactual_blame_is_a_road_not_taken() -> None:
    """ "I could easily have blamed …": the engine's blame cue there is a road not taken."""
    text = "I could easily have blamed the member before him."
    (result,) = value_alignment(text, "en", [builtin_values()["integrity"]])
    assert not any(e.signal == "general_contrary" for e in result.evidence), result


def test_a_conditional_mishap_of_someone_else_is_not_kept_quiet() -> None:
    """ "Als een kweker per ongeluk te veel levert, …": a case, not the candidate's mishap."""
    text = "Als een kweker per ongeluk te veel levert, staat dat bij mij gewoon op de bon."
    (result,) = value_alignment(text, "nl", [builtin_values()["integrity"]])
    assert not any(e.text == "per ongeluk" for e in result.evidence), result


def _signals(text: str, lang: str, value_id: str) -> list[tuple[str, str]]:
    (result,) = value_alignment(text, lang, [builtin_values()[value_id]])
    return [(e.signal, e.text) for e in result.evidence]


@pytest.mark.parametrize(
    ("lang", "value_id", "text", "expected"),
    [
        # a belief the candidate held before and gave up
        (
            "en",
            "collaboration",
            "I used to think meetings were a waste of time.",
            "negated_contrary",
        ),
        ("nl", "development", "Vroeger dacht ik dat ik klaar was met leren.", "negated_contrary"),
        ("nl", "development", "Ik dacht vroeger dat ik klaar was met leren.", "negated_contrary"),
        # someone else's former belief, or one held now, still counts as it is
        ("en", "collaboration", "My boss used to think meetings were a waste of time.", "contrary"),
        ("en", "collaboration", "I think meetings are a waste of time.", "contrary"),
    ],
)
def test_a_belief_given_up_is_not_held_now(
    lang: str, value_id: str, text: str, expected: str
) -> None:
    assert expected in [signal for signal, _ in _signals(text, lang, value_id)]


@pytest.mark.parametrize(
    ("lang", "value_id", "text", "expected"),
    [
        # the candidate's own evaluation of a fronted topic
        (
            "nl",
            "development",
            "Feedback krijgen vind ik eerlijk gezegd lastig.",
            "negated_indicator",
        ),
        ("en", "collaboration", "Teamwork I find exhausting.", "negated_indicator"),
        ("nl", "development", "Feedback vind ik goud waard.", "indicator"),
    ],
)
def test_an_opinion_verb_with_the_candidate_keeps_the_topic_evaluated(
    lang: str, value_id: str, text: str, expected: str
) -> None:
    assert [signal for signal, _ in _signals(text, lang, value_id)] == [expected]


@pytest.mark.parametrize(
    ("lang", "value_id", "text", "dismissed"),
    [
        (
            "nl",
            "collaboration",
            "We hadden elke ochtend een overleg, maar daar kwam nooit iets uit.",
            True,
        ),
        (
            "en",
            "collaboration",
            "When others get involved early it just turns into endless discussion.",
            True,
        ),
        (
            "en",
            "collaboration",
            "We had a team meeting every week, but nothing ever came of it.",
            True,
        ),
        # not evaluated, a cost accepted, or the evaluation denied: the value word stands
        ("en", "collaboration", "We had a team meeting every week, and it saved us hours.", False),
        ("en", "empathy", "I ask the doctor to slow down, even if it annoys them.", False),
        (
            "nl",
            "collaboration",
            "We hadden elke ochtend een overleg en dat was geen tijdverspilling.",
            False,
        ),
    ],
)
def test_a_value_word_taken_up_and_evaluated_is_dismissed(
    lang: str, value_id: str, text: str, dismissed: bool
) -> None:
    signals = [signal for signal, _ in _signals(text, lang, value_id)]
    assert ("negated_indicator" in signals) is dismissed, signals
    if not dismissed:
        assert "indicator" in signals, signals


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nl",
            "Ik stem elke toets, ook de hoogste octaaf waar bijna niemand op speelt.",
            "negated_contrary",
        ),
        ("en", "I sand even the back that nobody sees.", "negated_contrary"),
        # without "ook"/"even" the relative clause is the reason to skip it
        ("en", "I skip the back that nobody sees.", "contrary"),
        ("nl", "De achterkant sla ik over, want daar kijkt bijna niemand naar.", "contrary"),
    ],
)
def test_a_contrary_belief_describing_what_is_included_is_conceded(
    lang: str, text: str, expected: str
) -> None:
    assert expected in [signal for signal, _ in _signals(text, lang, "craftsmanship")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A regular offered me cash off the books. I said thanks but no."),
        ("en", "A supplier offered me cash off the books. I politely turned it down."),
        ("nl", "Een klant wilde het zwart betalen. Ik heb het netjes afgeslagen."),
        ("nl", "Een klant wilde het zwart betalen. Ik sloeg dat af."),
    ],
)
def test_an_offer_turned_down_rejects_the_contrary_act(lang: str, text: str) -> None:
    """ "I said thanks but no", "I turned it down", "ik heb het afgeslagen" after someone
    else's contrary offer: the candidate rejects it (``rejections``)."""
    signals = [signal for signal, _ in _signals(text, lang, "integrity")]
    assert "negated_contrary" in signals and "contrary" not in signals, signals


@pytest.mark.parametrize(
    ("lang", "text", "complied"),
    [
        ("en", "A customer asked if I could do it off the books, so I did.", True),
        (
            "en",
            "A customer asked if I could do it off the books. I said yes, it saved him the VAT.",
            True,
        ),
        ("en", "A supplier offered me cash off the books. I took it.", True),
        ("en", "A customer asked if I could do it off the books, so I said no.", False),
        ("en", "A customer asked if we could do it off the books. I didn't, obviously.", False),
        ("nl", "Een klant wilde het zwart betalen en ik ben daarin meegegaan.", True),
        ("nl", "Een klant wilde het zwart betalen. Ik heb dat niet gedaan.", False),
    ],
)
def test_going_along_with_someone_elses_wish_makes_it_the_candidates(
    lang: str, text: str, complied: bool
) -> None:
    """Someone else's wish or offer is theirs, unless the candidate goes along with it right
    after ("so I did", "I said yes", "ik ben daarin meegegaan": ``compliances``)."""
    signals = [signal for signal, _ in _signals(text, lang, "integrity")]
    assert ("contrary" in signals) is complied, signals


def test_someone_elses_refusal_is_no_rejection_of_the_belief() -> None:
    """ "Als iemand weigert te douchen": the resident refuses, the candidate rejects nothing."""
    text = (
        "Met sommige bewoners moet je streng zijn, anders lopen ze over je heen. "
        "Als iemand weigert te douchen, bel ik de familie."
    )
    signals = [signal for signal, _ in _signals(text, "nl", "respect")]
    assert "negated_contrary" not in signals and "contrary" in signals, signals


@pytest.mark.parametrize(
    ("lang", "value_id", "text"),
    [
        (
            "en",
            "entrepreneurship",
            "When my boss asked us to come up with ideas, I sent him a list.",
        ),
        (
            "nl",
            "development",
            "Mijn leidinggevende wilde dat ik een training klantgesprekken ging volgen.",
        ),
        ("en", "entrepreneurship", "My colleague suggested we try a loyalty card."),
    ],
)
def test_a_possessive_does_not_make_someone_elses_request_the_candidates(
    lang: str, value_id: str, text: str
) -> None:
    """ "My boss asked us to come up with ideas": the boss's request, not the candidate's idea."""
    assert "indicator" not in [signal for signal, _ in _signals(text, lang, value_id)]


def test_the_candidates_own_wish_still_counts() -> None:
    assert "indicator" in [
        s
        for s, _ in _signals(
            "I wanted to come up with ideas for the shop.", "en", "entrepreneurship"
        )
    ]
