"""The pattern language: inflections, separable verbs, negation scope, quotes, safety."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talentfit.errors import ConfigError
from talentfit.patterns import Matcher, compile_pattern, compile_phrase
from talentfit.text import analyse


def find(pattern: str, text: str, lang: str = "nl") -> list[str]:
    doc = analyse(text, lang)
    matcher = Matcher([(compile_pattern(pattern, lang), pattern)])
    return [text[m.start : m.end] for m in matcher.find(doc)]


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb haar teruggebeld.",
        "Ik belde hem de volgende ochtend terug.",
        "Ik beloofde hem terug te bellen.",
        "Ik zal u morgen terugbellen.",
    ],
)
def test_separable_verb_forms_match(text: str) -> None:
    """A Dutch separable verb matches joined, split and te-forms."""
    assert find("terug+bellen", text)


def test_separable_particle_must_be_in_same_sentence() -> None:
    """'belde … terug' never spans two sentences."""
    assert not find("terug+bellen", "Ik belde hem. Hij kwam terug.")


def test_lemma_matches_inflections() -> None:
    """A lemma in a pattern matches inflected forms."""
    assert find("klant ... bellen", "De klanten belden twee keer.")
    assert find("apologise", "I apologised straight away.", "en")


def test_never_inside_another_word() -> None:
    """'jong' does not match inside 'jongleren'; a prefix must be asked for."""
    assert not find("jong", "Je gaat jongleren met taken.")
    assert find("jong*", "Je gaat jongleren met taken.")


def test_gap_is_bounded() -> None:
    """'...' skips at most four tokens."""
    assert find("salaris ... marktconform", "een salaris dat marktconform is")
    assert not find("salaris ... marktconform", "salaris a b c d e marktconform")


def test_negation_scope() -> None:
    """Negation before or inside a match, in the same clause, negates it."""
    for text, negated in [
        ("Ik heb hem níet doorverbonden.", True),
        ("Ik verbond hem niet door.", True),
        ("Ik wist het niet, dus ik heb hem doorverbonden.", False),
        ("Ik heb hem doorverbonden.", False),
    ]:
        doc = analyse(text, "nl")
        m = Matcher([(compile_pattern("door+verbinden", "nl"), 1)]).find(doc)[0]
        assert doc.is_negated(m.first, m.last) is negated, text


def test_english_negation_contraction() -> None:
    """ "didn't just" negates what follows."""
    doc = analyse("I didn't just pass it on to billing.", "en")
    m = Matcher([(compile_pattern("pass ... on", "en"), 1)]).find(doc)[0]
    assert doc.is_negated(m.first, m.last)


def test_quotes_are_marked() -> None:
    """Text between quotation marks is marked quoted; Dutch 's is not a quote."""
    doc = analyse("Ik zei niet 'dat mag ik niet' en kwam 's middags.", "nl")
    quoted = [t.surface for t in doc.tokens if t.quoted]
    assert quoted == ["dat", "mag", "ik", "niet"]


@pytest.mark.parametrize("bad", ["", "... klant", "?klant", "(.*)", "a+b|c", "ab*"])
def test_malformed_patterns_are_config_errors(bad: str) -> None:
    """Malformed patterns fail with ConfigError, never compile to something else."""
    with pytest.raises(ConfigError):
        compile_pattern(bad, "nl")


def test_user_phrase_is_literal() -> None:
    """A user phrase with regex metacharacters is matched as words, not a regex."""
    pattern = compile_phrase("waarom zou je er (dan) een punt van maken?", "nl")
    doc = analyse("Waarom zou je er dan een punt van maken?", "nl")
    assert Matcher([(pattern, 1)]).find(doc)
    doc2 = analyse("Waarom zou je er x een punt van maken", "nl")
    assert not Matcher([(pattern, 1)]).find(doc2)


def test_pattern_knows_its_own_negation() -> None:
    """A pattern spelling a negation (contraction or multi-word cue) knows it has one."""
    assert compile_pattern("ain't ... my problem", "en").has_negation
    assert compile_pattern("in plaats van ... gewoon", "nl").has_negation
    assert compile_pattern("instead of ... just", "en").has_negation
    assert not compile_pattern("pass ... on", "en").has_negation


@pytest.mark.parametrize(
    "bad",
    [
        "it's now|is now ... standard",
        "or less|or fewer",
        "give ... the number|phone number",
        "learning budget|training budget",
        "nou eenmaal|nu eenmaal onvoorspelbaar",
    ],
)
def test_phrase_alternative_with_spaces_is_rejected(bad: str) -> None:
    """'a b|c d' would silently become three steps; it is a ConfigError naming the steps."""
    with pytest.raises(ConfigError, match="phrase alternative"):
        compile_pattern(bad, "en")


@pytest.mark.parametrize(
    "good",
    [
        "it's|is now ... standard",
        "varied|challenging varied|challenging job|role",
        "competitive ?base|basic base|salary",
        "very very",
        "warm|friendly|family|fun|relaxed team|family|crew|people",
    ],
)
def test_deliberate_neighbouring_alternatives_compile(good: str) -> None:
    """Repeated sets, optional steps and long lists sharing a word by chance stay allowed."""
    compile_pattern(good, "en")


def test_fixed_phrase_alternatives_match_what_was_meant() -> None:
    """The split form of a former phrase alternative matches each phrase."""
    assert find("it's|is now ... part of", "It's now part of the checklist.", "en")
    assert find("it's|is now ... part of", "That is now part of the intake.", "en")


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("it's|it_is ... policy", "I told her it's the airline's policy."),
        ("it's|it_is ... policy", "I told her it is company policy."),
        ("# years ... or_less|or_fewer", "3 years of experience or less"),
        ("no need to ... apologise|be_sorry", "There was no need to be sorry."),
        ("told ... ?very_politely no", "I told him very politely no."),
        ("told ... ?very_politely no", "I told him no."),
    ],
)
def test_phrase_alternatives_joined_with_underscore(pattern: str, text: str) -> None:
    """'a|b_c' is one word or a two-word phrase; '?a_b' may be left out."""
    assert find(pattern, text, "en")


def test_phrase_alternative_does_not_match_half_a_phrase() -> None:
    """'it_is' needs both words, in order: 'is it policy' and 'it policy' do not match."""
    assert not find("it_is policy", "is it policy", "en")
    assert not find("it_is policy", "it policy", "en")


@pytest.mark.parametrize("bad", ["?it_is", "it_|policy", "a__b policy"])
def test_malformed_phrase_alternatives_are_config_errors(bad: str) -> None:
    """A phrase alternative with an empty word, or a pattern that is all optional, fails."""
    with pytest.raises(ConfigError):
        compile_pattern(bad, "en")


def test_exact_form_does_not_match_other_forms_of_its_lemma() -> None:
    """'=transferred' matches that form only: not the noun 'transfer' nor 'transfers'."""
    assert find("=transferred", "I transferred her to billing.", "en")
    assert not find("=transferred", "A transfer had been blocked.", "en")
    assert not find("=transferred", "He transfers the calls.", "en")
    assert find("transferred", "A transfer had been blocked.", "en")  # a lemma matches all forms


@given(
    st.lists(
        st.text(alphabet="ab_|=?*.#+ ", min_size=1, max_size=8),
        min_size=1,
        max_size=4,
    ).map(" ".join)
)
def test_any_pattern_source_compiles_or_is_a_config_error(source: str) -> None:
    """Whatever a rubric file holds, compiling it gives a pattern or a ConfigError, nothing else."""
    with contextlib.suppress(ConfigError):
        compile_pattern(source, "en")


@pytest.mark.parametrize(
    "bad",
    [
        "toen bleek|bleek ... dat",  # repeats an alternative: 'toen_bleek|bleek' was meant
        "i'm known|known as",
        "in depth|in-depth",  # 'in' + 'in-depth': 'in_depth|in-depth' was meant
        "not a|not_their ... therapist",
        "grown adults|grown-ups",
    ],
)
def test_a_phrase_alternative_in_disguise_is_rejected(bad: str) -> None:
    """A short set of alternatives that repeats one, or a word followed by alternatives that
    start with that word, is a phrase alternative written wrongly: a ConfigError."""
    with pytest.raises(ConfigError, match=r"repeats an alternative|looks like a phrase"):
        compile_pattern(bad, "en")


@pytest.mark.parametrize(
    "good",
    [
        "echt|écht|oprecht ... waarderen",  # accent variants fold to the same word: deliberate
        "in_depth|in-depth",
        "not_a|not_their ... therapist",
        "great|good|excellent|great|good|fine|nice salary",  # a long list with a repeat
    ],
)
def test_deliberate_alternatives_are_not_taken_for_phrase_alternatives(good: str) -> None:
    compile_pattern(good, "en")


def test_not_followed_by() -> None:
    """``!off|by``: the next token is none of these; the sentence may also end there. It
    takes no token itself, and a word after it still follows the gap rules."""
    assert find("dropped !off|by", "I dropped the vase.", "en") == ["dropped"]
    assert find("dropped !off|by", "I dropped off the keys.", "en") == []
    assert find("dropped !off|by", "She dropped by later.", "en") == []
    assert find("dropped !off", "It dropped. Off we went.", "en") == ["dropped"]
    assert find("dropped !off ... vase", "I dropped the old vase.", "en") == [
        "dropped the old vase"
    ]
    assert find("=had !=heb|gehad", "Ik had hem gebeld.") == ["had"]
    assert find("=had !=heb|gehad", "Ik had heb.") == []
    for bad in ("!off dropped", "dropped !...", "dropped !(x", "dropped !off|"):
        with pytest.raises(ConfigError):
            compile_pattern(bad, "en")
