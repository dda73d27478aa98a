"""The scoring engine: anchored levels from behaviour, not from buzzwords or length."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentfit import InputError, LanguageError, score_answer, score_answers
from talentfit.evidence import analyse_answer
from talentfit.models import COMPETENCY_IDS, RecordError

SOLID_NL = (
    "Een klant belde voor de derde keer omdat zijn nummer niet was overgezet. "
    "Ik heb hem niet doorverbonden. Ik zei dat ik het zelf zou uitzoeken en hem morgen voor "
    "twaalf uur zou terugbellen. Ik ben naar een collega gelopen en samen vonden we de fout. "
    "Ik heb hem de volgende ochtend teruggebeld. Hij was opgelucht, zijn nummer werkte weer."
)
SOLID_EN = (
    "A customer called because her invoices went out with the wrong VAT rate. "
    "I didn't just pass it on to the developers. I told her I would stay her contact until it "
    "was fixed. I reproduced the bug myself and took it straight to the developer on call. "
    "I sent her an update every day. The fix went out on Thursday and she thanked me."
)


def level(text: str, competency: str, lang: str | None = None) -> int:
    result = score_answer(text, competency=competency, lang=lang)
    score = result.score_for(competency)
    assert score is not None and score.level is not None
    return score.level


def test_solid_example_scores_four_or_more() -> None:
    """A concrete story with own actions, the customer's view and a result is level 4+."""
    assert level(SOLID_NL, "ownership", "nl") >= 4
    assert level(SOLID_EN, "ownership", "en") >= 4


def test_negated_transfer_is_not_a_transfer() -> None:
    """'ik heb hem níet doorverbonden' counts for ownership, not against it."""
    result = score_answer(SOLID_NL, competency="ownership", lang="nl")
    signals = {e.signal: e.weight for e in result.score_for("ownership").evidence}
    assert signals["ownership.transfer (negated)"] > 0
    assert "ownership.transfer" not in signals


def test_quoted_rule_is_not_rule_hiding_when_negated() -> None:
    """ "ik zei niet 'dat mag ik niet'" is not hiding behind rules."""
    text = "Ik zei niet 'dat mag ik niet', maar belde zelf de leverancier en regelde het."
    evidence = score_answer(text, competency="ownership", lang="nl").score_for("ownership")
    assert all(e.weight > 0 for e in evidence.evidence)


def test_transfer_and_rules_are_level_one() -> None:
    """Referring the customer on and hiding behind rules is counter-indicative (level 1)."""
    text = (
        "A student came to the desk because his grade was missing. I told him that's not my "
        "department and gave him the email address of the exam office. I'm not allowed into "
        "that system anyway, rules are rules."
    )
    assert level(text, "ownership", "en") == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Ik ben heel klantgericht en proactief. Ik ga altijd de extra mile voor de klant en "
            "denk altijd in oplossingen. Collega's zeggen dat ik heel betrouwbaar ben.",
            "nl",
        ),
        (
            "I'm a proactive, customer-focused team player. I always go above and beyond and I "
            "would always take full ownership of the customer journey.",
            "en",
        ),
    ],
)
def test_buzzwords_and_claims_cap_at_two(text: str, lang: str) -> None:
    """Self-description and buzzwords without a real example are level 2 at most."""
    assert level(text, "ownership", lang) <= 2


def test_hypothetical_answer_is_generic() -> None:
    """'I would …' answers describe intentions, not behaviour: level 2."""
    text = (
        "If a customer was upset I would first listen carefully and let them finish. "
        "I would acknowledge how they feel and then I'd look for a solution together."
    )
    assert level(text, "empathy", "en") == 2


def test_we_story_is_capped_at_three() -> None:
    """A story told as 'we', with the candidate's own part unclear, is level 3 at most."""
    text = (
        "When the network went down in our region, we quickly put a message on the phone line "
        "and we sent a text to every customer in the area. We also called the vulnerable "
        "customers on our list. The number of calls dropped a lot and customers thanked us."
    )
    assert level(text, "initiative", "en") <= 3


def test_us_and_our_in_the_outcome_do_not_make_a_we_story() -> None:
    """Only "we" as the subject tells a story as 'we': "they ordered from us" is the
    customer acting, so the candidate's own story keeps its level."""
    text = (
        "We sent a couple the wrong wedding invitations, with the date misprinted. "
        "I called them the same morning, apologised that we'd missed it in the proof check, "
        "reprinted the whole batch overnight at our cost and drove them round myself before "
        "lunch. They still had time to post them that day and they ordered their thank-you "
        "cards from us too."
    )
    assert level(text, "service_recovery", "en") >= 4
    told_as_we = text.replace("they ordered their thank-you cards from us too", "we posted them")
    assert level(told_as_we, "service_recovery", "en") <= 3


def test_one_long_sentence_of_own_actions_with_perspective_and_result_is_solid() -> None:
    """Four past actions in one sentence tell as much as two sentences, when the customer's
    perspective and a result are there; a thin one-sentence story stays at 3."""
    rich = (
        "A teenage lad came into the barbers for his first proper haircut and was clearly "
        "anxious. I asked him what he liked, talked him through each step before I did it "
        "and showed him the back in the mirror halfway through. He left grinning and his mum "
        "booked him in again for the following month."
    )
    assert level(rich, "personal_approach", "en") == 4
    thin = (
        "A customer picked up his car after a service and found a scratch on the door. I "
        "apologised, looked at it with him, and booked it in with our body shop to fix it "
        "the next week at no cost. He accepted that."
    )
    assert level(thin, "service_recovery", "en") == 3


def test_a_customer_who_just_leaves_is_no_outcome() -> None:
    """ "He took it and left" ends the story without telling how it ended for him."""
    story = (
        "At the pharmacy a young father came in with a crying baby and a prescription. I "
        "noticed he looked exhausted, so I let him sit down while I prepared the medicine. "
    )
    assert level(story + "He took it and left.", "empathy", "en") == 3
    assert level(story + "He thanked me and said he could finally breathe.", "empathy", "en") == 4


def test_one_concrete_act_filed_under_another_competency_is_a_thin_example() -> None:
    """Answering an initiative question with one concrete act ("… so I printed the new one
    and put it up myself") is a thin example (3), even when the lexicons file the act
    under ownership."""
    text = (
        "I noticed the bus timetable at our library's entrance was out of date, so I printed "
        "the new one and put it up myself."
    )
    assert level(text, "initiative", "en") == 3


def test_untargeted_competency_without_evidence_is_null() -> None:
    """Other competencies get a level only with evidence; otherwise 'insufficient evidence'."""
    result = score_answer(SOLID_EN, competency="ownership", lang="en")
    assert {s.competency for s in result.scores} == set(COMPETENCY_IDS)
    recovery = result.score_for("continuous_improvement")
    assert recovery is not None and recovery.level is None and recovery.score is None
    assert recovery.rationale == "insufficient evidence"


def test_targeted_competency_always_gets_a_level() -> None:
    """The targeted competency gets level 1 when nothing relevant is said."""
    result = score_answer("The weather was nice and I had a sandwich.", competency="empathy")
    target = result.score_for("empathy")
    assert target is not None and target.level == 1


def test_padding_does_not_raise_the_level() -> None:
    """Answer length alone does not drive the score: filler adds nothing."""
    generic = "I always put the customer first and I would go the extra mile for them."
    padded = generic + " " + " ".join(["The shop had long shelves and many products."] * 15)
    assert level(padded, "extra_mile", "en") <= level(generic, "extra_mile", "en") + 0


def test_score_is_consistent_with_level() -> None:
    """round(score) equals level and scores stay within 1.0-5.0."""
    for text in (SOLID_NL, SOLID_EN, "Ik weet het niet."):
        for s in score_answer(text, competency="ownership").scores:
            if s.level is not None:
                assert s.score is not None and 1.0 <= s.score <= 5.0
                assert round(s.score) == s.level


def test_evidence_quotes_the_answer() -> None:
    """Every evidence span slices its quoted text out of the answer."""
    result = score_answer(SOLID_NL, competency="ownership", lang="nl")
    for s in result.scores:
        for e in s.evidence:
            assert SOLID_NL[e.start : e.end] == e.text


def test_language_is_detected() -> None:
    """Without lang, Dutch and English are detected."""
    assert score_answer(SOLID_NL).language == "nl"
    assert score_answer(SOLID_EN).language == "en"


def test_bad_inputs_raise_clear_errors() -> None:
    """Empty answer, unsupported language and unknown competency are clear errors."""
    with pytest.raises(InputError, match="answer is empty"):
        score_answer("   ")
    with pytest.raises(LanguageError, match="unsupported language 'de'"):
        score_answer("Ich habe den Kunden angerufen.", lang="de")
    with pytest.raises(InputError, match="unknown competency 'charm'"):
        score_answer(SOLID_EN, competency="charm")


def test_score_answers_streams_one_output_per_record() -> None:
    """A batch yields exactly one result or error per record, in order."""
    records = [
        {"id": "1", "answer": SOLID_EN, "competency": "ownership"},
        {"id": "2", "answer": ""},
        {"id": "3", "answer": SOLID_NL, "lang": "fr"},
        {"id": "4", "answer": 42},
        {"id": "5", "answer": SOLID_NL},
    ]
    out = list(score_answers(records))
    assert [type(o).__name__ for o in out] == [
        "AnswerResult",
        "RecordError",
        "RecordError",
        "RecordError",
        "AnswerResult",
    ]
    assert isinstance(out[2], RecordError) and "unsupported language 'fr'" in out[2].error


def test_low_confidence_flags() -> None:
    """Short, garbled and mixed-language answers are flagged for a human to look again."""
    assert "too_short" in score_answer("Ik hielp hem.", lang="nl").flags
    garbled = "Xqzv blorpt frandle quxxo vremp zlorp gnarfle wubbo trillax pwomp skree."
    assert "garbled" in score_answer(garbled, lang="en").flags
    mixed = SOLID_NL + " " + SOLID_EN
    assert "mixed_language" in score_answer(mixed).flags


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.sampled_from([None, *COMPETENCY_IDS]))
def test_any_text_scores_deterministically_within_bounds(text: str, competency: str | None) -> None:
    """Any text: no crash, the same output twice, levels within 1-5."""
    if not text.strip():
        with pytest.raises(InputError):
            score_answer(text, competency=competency)
        return
    first = score_answer(text, competency=competency)
    second = score_answer(text, competency=competency)
    assert first == second
    for s in first.scores:
        assert s.level is None or 1 <= s.level <= 5
        assert s.score is None or 1.0 <= s.score <= 5.0


def _scoring_cases() -> list[dict[str, Any]]:
    """Answers written for sectors outside the dev data, with the level expected for each."""
    path = Path(__file__).parent / "data" / "scoring_cases.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_fresh_sector_cases_agree_with_expected_levels() -> None:
    """Answers from sectors outside the dev data land within one level of the expected one."""
    from talentfit.metrics import quadratic_weighted_kappa, spearman

    expected, scores, levels, far = [], [], [], []
    for case in _scoring_cases():
        target = score_answer(
            case["answer"], competency=case["competency"], lang=case["lang"]
        ).score_for(case["competency"])
        assert target is not None and target.level is not None and target.score is not None
        if abs(target.level - case["expect"]) > 1:
            far.append((case["id"], target.level, case["expect"]))
        expected.append(case["expect"])
        scores.append(target.score)
        levels.append(target.level)
    # the expected levels are a human reading of the anchors, written before scoring; a
    # story told without an explicit outcome, or with one sentence of own action, may land
    # two levels lower, but for at most 3% of the cases
    assert len(far) <= 0.03 * len(expected), far
    assert spearman(scores, expected) >= 0.8
    assert quadratic_weighted_kappa(levels, expected) >= 0.85


def test_transcribed_answers_without_punctuation_keep_their_level() -> None:
    """The same answers as raw speech-to-text (lower case, no punctuation) stay close."""
    from talentfit.metrics import quadratic_weighted_kappa

    cases = _scoring_cases()
    expected, levels = [], []
    for case in cases:
        spoken = re.sub(r"[.!?;:,]", "", case["answer"]).lower()
        target = score_answer(spoken, competency=case["competency"], lang=case["lang"])
        level = target.score_for(case["competency"]).level  # type: ignore[union-attr]
        assert level is not None
        expected.append(case["expect"])
        levels.append(level)
    within_one = sum(abs(a - b) <= 1 for a, b in zip(levels, expected, strict=True))
    assert within_one / len(cases) >= 0.95
    assert quadratic_weighted_kappa(levels, expected) >= 0.85


def test_every_level_shows_its_evidence() -> None:
    """A competency with a level always quotes the evidence behind it."""
    from talentfit.demo import demo_answers

    texts = [r["answer"] for r in demo_answers()] + [SOLID_NL, SOLID_EN]
    for text in texts:
        for s in score_answer(text).scores:
            if s.level is not None:
                assert s.evidence, (s.competency, s.rationale, text[:60])


@pytest.mark.parametrize(
    ("text", "lang", "counter"),
    [
        ("Er belde een klant die al drie keer was doorverbonden.", "nl", False),
        ("Een klant die drie keer doorverbonden was, belde boos.", "nl", False),
        ("A customer who had been transferred three times called me.", "en", False),
        ("Ik heb hem doorverbonden met de afdeling facturen.", "nl", True),
        ("Hij werd door mij doorverbonden.", "nl", True),
        ("I transferred him to billing.", "en", True),
        ("He was transferred by me to billing.", "en", True),
        ("I was transferring him to billing.", "en", True),
    ],
)
def test_passive_counter_is_what_happened_to_someone(text: str, lang: str, counter: bool) -> None:
    """A counter-indicator in the passive without "by me" is context, not the candidate's act."""
    hits = analyse_answer(text, lang).hits
    assert any(h.signal.id == "ownership.transfer" and h.kind == "counter" for h in hits) is counter


def test_to_dict_is_the_converter_shape() -> None:
    """The hand-written to_dict gives exactly what the shared converter would (every field)."""
    from talentfit.convert import converter

    for text, lang in ((SOLID_NL, "nl"), (SOLID_EN, "en")):
        result = score_answer(text, competency="ownership", lang=lang, id="x", candidate_id="c")
        assert result.to_dict() == converter.unstructure(result)


def test_a_habit_word_in_reported_speech_keeps_the_story_concrete() -> None:
    """'ik zei dat ze altijd mocht bellen' reports what was said; 'I always call' is a habit."""
    from talentfit.evidence import analyse_answer

    reported = analyse_answer("Ik zei dat ze altijd mocht bellen.", "nl")
    assert reported.sentences[0].concrete
    told = analyse_answer("I told her she could always call us.", "en")
    assert told.sentences[0].concrete
    habit = analyse_answer("I always call them back.", "en")
    assert not habit.sentences[0].concrete


def test_adverbs_that_look_like_participles_make_no_past_tense() -> None:
    """'zo ben ik gewoon' is no perfect tense; 'ik heb bordjes gezet' is one."""
    from talentfit.evidence import analyse_answer

    assert not analyse_answer("Zo ben ik gewoon.", "nl").sentences[0].past
    assert analyse_answer("Ik heb bordjes bij de broden gezet.", "nl").sentences[0].past


def test_a_counter_indicator_the_candidate_then_overrides_is_the_road_not_taken() -> None:
    """'not my department, but I called them myself' holds no counter-indicator against her."""
    from talentfit.evidence import analyse_answer

    overridden = analyse_answer(
        "That's not my department, but I called the warehouse myself and sorted it.", "en"
    )
    assert not [h for h in overridden.hits if h.kind == "counter"]
    kept = analyse_answer("That's not my department, so I gave her their number.", "en")
    assert [h for h in kept.hits if h.signal.id == "ownership.not_my_job"]


def test_what_is_normally_done_then_overridden_in_the_next_sentence_is_the_road_not_taken() -> None:
    """'Normaal verwijzen we door, maar … . Ik heb zelf gebeld.': the norm is not her deed."""
    from talentfit.evidence import analyse_answer

    def counters(text: str, lang: str) -> list[str]:
        return [h.signal.id for h in analyse_answer(text, lang).hits if h.kind == "counter"]

    norm = (
        "Normaal verwijzen we dan naar de netbeheerder, maar hij was daar al twee keer "
        "van het kastje naar de muur gestuurd. Ik heb zelf de netbeheerder gebeld."
    )
    assert not counters(norm, "nl")
    assert counters("We verwijzen dan naar de netbeheerder. Ik heb hem het nummer gegeven.", "nl")
    usually = (
        "Usually we refer them to the landlord, but she had been waiting for weeks already. "
        "I called the landlord myself."
    )
    assert not counters(usually, "en")
    assert counters("Usually we refer them to the landlord, but she was fine with that.", "en")


def test_a_customer_in_a_when_clause_is_background_not_the_outcome() -> None:
    """'When he pointed it out, I apologised' is no result; 'He thanked me' is."""
    from talentfit.evidence import analyse_answer

    text = "I charged him twice. When he pointed it out, I apologised and refunded it."
    assert not [h for h in analyse_answer(text, "en").hits if h.kind == "result"]
    text += " He thanked me."
    assert [h for h in analyse_answer(text, "en").hits if h.kind == "result"]


def test_a_dutch_passive_ending_in_its_participle_is_what_happened_to_the_customer() -> None:
    """'hij was naar de andere afdeling gestuurd' is no transfer by the candidate."""
    from talentfit.evidence import analyse_answer

    def counters(text: str) -> list[str]:
        return [h.signal.id for h in analyse_answer(text, "nl").hits if h.kind == "counter"]

    assert not counters("Hij was al drie keer van de ene naar de andere afdeling gestuurd.")
    assert not counters("Hij was al twee keer doorverbonden.")
    assert counters("Ik heb hem naar de andere afdeling gestuurd.")


def test_a_but_after_an_act_against_the_customer_does_not_undo_it() -> None:
    """'… and transferred her, but I did feel sorry for her': the transfer still counts."""
    text = (
        "A customer called about her refund. I told her it was not my department and "
        "transferred her to billing, but I did feel sorry for her."
    )
    assert score_answer(text, competency="ownership", lang="en").score_for("ownership").level == 1


def test_instead_of_or_without_does_not_negate_what_the_candidate_then_did() -> None:
    """'Instead of just quoting six weeks I asked …': the asking happened; 'I did not ask'
    is still a negation."""
    from talentfit.evidence import analyse_answer

    def negated(text: str, lang: str, word: str) -> list[bool]:
        hits = analyse_answer(text, lang).hits
        return [h.negated for h in hits if word in text[h.start : h.end].lower()]

    assert negated("Instead of just quoting six weeks I asked what it was for.", "en", "asked") == [
        False
    ]
    assert negated("I didn't ask what it was for.", "en", "ask") in ([], [True])
    # an object pronoun is no subject: 'zonder hem te bellen' stays negated
    assert all(negated("Ik heb de order geannuleerd zonder hem terug te bellen.", "nl", "bel"))


def test_how_things_stand_now_after_a_story_is_a_result() -> None:
    """'Inmiddels zijn er geen klachten meer' after a told story is its result; the same
    present-tense sentence without a story is talk."""
    from talentfit.evidence import analyse_answer

    def results(text: str) -> list[str]:
        return [h.signal.id for h in analyse_answer(text, "nl").hits if h.kind == "result"]

    story = "Ik heb bordjes gemaakt en de route zelf aan bezoekers gewezen. "
    assert results(story + "Inmiddels zijn er geen klachten meer over.")
    assert not results("Inmiddels zijn er geen klachten meer over.")


def test_a_colleagues_act_is_not_the_candidates() -> None:
    """'My colleague transferred her' is no transfer by the candidate (a possessive is no
    subject); 'my colleague and I transferred her' is; 'They should've read the rules' stays
    the candidate's stance; 'she always replied by email' is her habit, not theirs."""
    from talentfit.evidence import analyse_answer

    def counters(text: str, lang: str = "en") -> list[str]:
        return [h.signal.id for h in analyse_answer(text, lang).hits if h.kind == "counter"]

    assert not counters("My colleague transferred her to billing.")
    assert not counters("Mijn collega heeft haar doorverbonden met de boekhouding.", "nl")
    assert counters("My colleague and I transferred her to billing.")
    assert counters("I transferred her to billing.")
    assert counters("I just send them back home. They should've read the rules.")
    # a colleague's failing is not the candidate's either; the candidate's own act still counts
    text = "My colleague didn't call her back, so I rang her myself the next morning."
    hits = analyse_answer(text, "en").hits
    assert not [h for h in hits if h.kind == "counter"]
    assert [h for h in hits if h.kind == "indicator" and h.weight == 1.0]
    habit = analyse_answer("I noticed in her file that she always replied by email.", "en")
    assert "habitual" not in habit.sentences[0].modes
    assert "habitual" in analyse_answer("I always reply by email.", "en").sentences[0].modes


def test_we_d_before_a_participle_is_had_and_a_seen_habit_is_no_habit() -> None:
    """'the people we'd moved' is a past story (had), 'I'd call her' is hypothetical; 'ik zag
    dat het bijna altijd bij de eerste route was' reports what was seen, not a habit."""
    from talentfit.evidence import analyse_answer

    def modes(text: str, lang: str = "en") -> set[str]:
        return analyse_answer(text, lang).sentences[0].modes

    assert "hypothetical" not in modes("None of the people we'd moved were stuck.")
    assert "hypothetical" not in modes("I'd told him twice already.")
    assert "hypothetical" in modes("I'd call her back the same day.")
    seen = "Ik zag dat het bijna altijd bij de eerste route van de ochtend was."
    assert "habitual" not in modes(seen, "nl")
    assert "habitual" in modes("Ik bel klanten altijd de volgende dag terug.", "nl")


def test_a_habit_word_in_what_the_candidate_proposed_is_no_habit() -> None:
    """'Ik heb voorgesteld dat gezinnen altijd voorrang krijgen' tells a past proposal."""
    from talentfit.evidence import analyse_answer

    text = "Ik heb daarna voorgesteld dat gezinnen met kleine kinderen altijd voorrang krijgen."
    assert "habitual" not in analyse_answer(text, "nl").sentences[0].modes
    text = "I suggested that families with small children always get priority."
    assert "habitual" not in analyse_answer(text, "en").sentences[0].modes


def test_a_blamed_customer_is_no_outcome() -> None:
    """'He should have checked the order confirmation anyway' (a counter-indicator) has the
    customer as subject near the end, but it is blame, not how the story ended for him."""
    answer = (
        "A customer got the wrong size because I picked the wrong box. I told him to call "
        "the courier himself. He should have checked the order confirmation anyway."
    )
    result = score_answer(answer, lang="en", competency="service_recovery")
    signals = [e.signal for s in result.scores for e in s.evidence]
    assert "result.customer_outcome" not in signals
    assert "recovery.blame" in signals
