"""The values library's data schema and loader (``talentfit/data/values/<lang>.toml``).

One schema for both languages: per value its name, description, indicators, contrary beliefs
and examples, and a ``[general]`` table of attitude cues and the word lists that the reading
rules of :mod:`talentfit.value_reading` use.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from .convert import structure
from .errors import ConfigError
from .patterns import Pattern, compile_pattern
from .resources import load_data_toml

__all__ = ["GeneralCues", "ValueEntry", "ValueLexicon", "compile_all", "lexicon"]


@attrs.frozen
class ValueEntry:
    """One value in a language file of the values library."""

    id: str
    name: str
    description: str
    indicators: list[str]
    contrary: list[str]
    positive: list[str] = attrs.field(factory=list)  # example sentences that express it
    negative: list[str] = attrs.field(factory=list)  # example sentences that contradict it
    # what the value is about ("precisie", "deadlines", "new ideas"): no evidence by itself,
    # but as the subject of an evaluation ("Precisie is alles", "Deadlines are a formality")
    # evidence for or against the value
    topics: list[str] = attrs.field(factory=list)


@attrs.frozen
class GeneralCues:
    """General service-attitude cues: weak evidence for every value (with examples)."""

    indicators: list[str]
    contrary: list[str]
    minimisers: list[str] = attrs.field(factory=list)  # "gewoon", "just": brushing off
    # a minimiser right before one of these gives a reason ("gewoon omdat ik het wil snappen")
    minimiser_reasons: list[str] = attrs.field(factory=list)
    self_words: list[str] = attrs.field(factory=list)  # "ik", "I": the candidate speaks
    self_subjects: list[str] = attrs.field(factory=list)  # "ik", "I", "we": as a subject
    request_words: list[str] = attrs.field(factory=list)  # "vroeg", "asked": someone asks
    report_words: list[str] = attrs.field(factory=list)  # "zei", "said": someone else's view
    contrast_words: list[str] = attrs.field(factory=list)  # "maar", "but"
    modal_words: list[str] = attrs.field(factory=list)  # "kon", "could": a road not taken
    claims: list[str] = attrs.field(factory=list)  # "ik ben heel", "I'm really": self-praise
    rejections: list[str] = attrs.field(factory=list)  # "daar ben ik het niet mee eens"
    dismissive: list[str] = attrs.field(factory=list)  # "al die", "all that": brushing aside
    preference_words: list[str] = attrs.field(factory=list)  # "liever", "rather", "belangrijker"
    than_words: list[str] = attrs.field(factory=list)  # "dan", "than"
    hedges: list[str] = attrs.field(factory=list)  # "eerlijk gezegd", "to be honest": fillers
    hedge_blockers: list[str] = attrs.field(factory=list)  # "heb": "ik heb het eerlijk gezegd"
    interjections: list[str] = attrs.field(factory=list)  # "ach", "meh": "leren, ach, …"
    rhetorical: list[str] = attrs.field(factory=list)  # "waarom zou ik …?", "why would I …?"
    other_people: list[str] = attrs.field(factory=list)  # "klant", "collega": not the candidate
    negations: list[str] = attrs.field(factory=list)  # colloquial negations: "niks"
    resumptive: list[str] = attrs.field(factory=list)  # "dat": "Bijleren, dat hoeft niet"
    # "is", "isn't": "Coming up with new ideas isn't my job" denies the value word before it
    copulas: list[str] = attrs.field(factory=list)
    # scoring-engine counter-indicators that say nothing about values (selling, turnover)
    engine_counters_ignored: list[str] = attrs.field(factory=list)
    # a clause opening with one of these and without the candidate is the story's setting
    # ("toen een meneer geen internet had, …"): a negation there denies nothing of theirs
    background_openers: list[str] = attrs.field(factory=list)
    # copulas of a tautology ("regels zijn regels") and the articles that may follow them
    tautology_copulas: list[str] = attrs.field(factory=list)
    articles: list[str] = attrs.field(factory=list)
    # words whose "'s" is no copula of a tautology ("it's worth it", "that's that")
    not_tautology_subjects: list[str] = attrs.field(factory=list)
    # the reading rules' small word lists (see the comments in the data files)
    not_a_negation_after: list[str] = attrs.field(factory=list)
    elliptic_conditions: list[str] = attrs.field(factory=list)
    post_negation_breakers: list[str] = attrs.field(factory=list)
    post_negation_openers: list[str] = attrs.field(factory=list)
    complementisers: list[str] = attrs.field(factory=list)
    clause_subjects: list[str] = attrs.field(factory=list)
    condition_openers: list[str] = attrs.field(factory=list)
    without_words: list[str] = attrs.field(factory=list)
    links: list[str] = attrs.field(factory=list)
    first_singular: list[str] = attrs.field(factory=list)
    inverted_self: list[str] = attrs.field(factory=list)
    purpose_words: list[str] = attrs.field(factory=list)
    object_self: list[str] = attrs.field(factory=list)
    # the candidate as giver or agent in someone else's clause ("from me", "door mij")
    self_agents: list[str] = attrs.field(factory=list)
    # "nobody", "niemand": a negated subject in a purpose clause ("so nobody could listen in")
    negative_pronouns: list[str] = attrs.field(factory=list)
    # skipped before a person noun that opens a clause ("my colleague", "de klant")
    determiners: list[str] = attrs.field(factory=list)
    # after the denied copula: "my"/"for" ("isn't my job", "not for me"), past "really", "echt"
    mine: list[str] = attrs.field(factory=list)
    softeners: list[str] = attrs.field(factory=list)
    scope_breakers: list[str] = attrs.field(factory=list)  # "waarom": "snap niet waarom …"
    # "even though", "ook al": a contrary belief right after one is conceded, then overridden
    concessives: list[str] = attrs.field(factory=list)
    # "technically", "officieel": a contrary belief after one, then "but", is conceded
    concession_adverbs: list[str] = attrs.field(factory=list)
    # "keep going on about", "zeuren over": a value word after one is someone else's topic
    nagging: list[str] = attrs.field(factory=list)
    # "as long as", "zolang": a value word right before one is accepted only on conditions
    restrictions: list[str] = attrs.field(factory=list)
    # "yeah, great", "ja hoor": sarcasm right after a value word ("Teamwork, yeah, great")
    sarcasm: list[str] = attrs.field(factory=list)
    # "just", "niet alleen": after a negation, "not merely" ("I didn't just log it")
    not_merely: list[str] = attrs.field(factory=list)
    # "I'm not a natural …", "ik ben niet zo'n …": a modest disclaimer, then "but …"
    disclaimers: list[str] = attrs.field(factory=list)
    # "would have been", "had kunnen": a contrary act in such a sentence was not done
    counterfactuals: list[str] = attrs.field(factory=list)
    # "but it's worth it", "maar dat heb ik ervoor over": a cost named, then accepted
    acceptances: list[str] = attrs.field(factory=list)
    # negative evaluations ("vermoeiend", "a luxury", "een hoop gepraat", "a headache"): a
    # value word as the subject of one is dismissed ("Finishing touches are a luxury")
    evaluations: list[str] = attrs.field(factory=list)
    # positive evaluations ("is alles", "goud waard", "the basis of", "sacred"): a value word
    # or topic as the subject of one is praised
    praise: list[str] = attrs.field(factory=list)
    # what may stand before such a subject at the start of its sentence ("die", "those",
    # "taking"): "Die trainingen zijn …", "Taking initiative gives you …"
    topic_leads: list[str] = attrs.field(factory=list)
    # words that take up what was just named ("it", "daar"): a value word followed by one of
    # them and a negative evaluation is dismissed ("we had a stand-up every morning, but it
    # was a waste", "een overleg elke ochtend, maar daar kwam nooit iets uit")
    back_references: list[str] = attrs.field(factory=list)
    # a belief the candidate held before and has given up ("I used to think meetings were a
    # waste of time", "ik dacht vroeger dat ik klaar was met leren"): not held now
    former_beliefs: list[str] = attrs.field(factory=list)
    # a plan that was not carried out ("we were supposed to review it together", "we zouden
    # het eigenlijk samen doen"): a value word after one in its clause is not the candidate's act
    unfulfilled: list[str] = attrs.field(factory=list)
    compliances: list[str] = attrs.field(factory=list)
    displacements: list[str] = attrs.field(factory=list)
    # verbs of taking up what was offered ("gebruikt", "aangevraagd", "used", "booked"): a
    # value word refused by the candidate names one ("Ik heb het nooit gebruikt"); "I didn't
    # close it" refuses something else
    take_up_verbs: list[str] = attrs.field(factory=list)
    # "ook", "even": a contrary belief in a relative clause after one of these describes
    # what the candidate includes ("ook de hoogste octaaf waar bijna niemand op speelt",
    # "even the inside that nobody sees"); the clause opens with a ``relative_openers`` word
    inclusive_words: list[str] = attrs.field(factory=list)
    relative_openers: list[str] = attrs.field(factory=list)
    # opinion verbs before an inverted "ik"/"I": the candidate's own evaluation of a fronted
    # topic ("Feedback krijgen vind ik lastig", "Meetings I find exhausting")
    opinion_verbs: list[str] = attrs.field(factory=list)
    # relative pronouns: a negation after one inside a match describes its subject ("mensen
    # die geen Nederlands spreken zijn een last"), it does not deny the belief
    relative_pronouns: list[str] = attrs.field(factory=list)
    # "someone", "people", "iemand": subjects that are not the candidate (not pronouns)
    other_subjects: list[str] = attrs.field(factory=list)
    # determiners and possessives that open a noun phrase as a clause's subject ("een paar
    # kooplui stelden voor", "my colleague had set up", "a regular suggested"): someone else
    subject_determiners: list[str] = attrs.field(factory=list)
    # articles that open a noun phrase naming a thing as a clause's subject ("de kroon",
    # "the parts"): a negated indicator said of it is a setback, not the candidate's failing
    thing_determiners: list[str] = attrs.field(factory=list)
    # A habit of the candidate's, told in the present: kept at a cost ("even on the bits
    # under the sofa", "ook als dat de prijs drukt") or as a rule of theirs ("I always",
    # "elke sponning"), without a negation or a minimiser: a belief lived, not no story.
    habit_costs: list[str] = attrs.field(factory=list)
    habit_words: list[str] = attrs.field(factory=list)
    habit_blockers: list[str] = attrs.field(factory=list)  # "ik zeg altijd", "ach", "but"
    # "als", "when": a present-tense sentence of the candidate's with a condition is a rule
    # they keep ("als een kind overstuur is, ga ik er even bij zitten")
    habit_conditions: list[str] = attrs.field(factory=list)
    # "als ik tijd heb", "they'll come in and ask again, and then I'll …": a condition of
    # convenience or a promise for later is no rule kept
    habit_condition_blockers: list[str] = attrs.field(factory=list)
    # "ook als die …", "who's …": a negation in such a clause without the candidate is
    # someone else's matter, no denial of the habit
    habit_subordinate_openers: list[str] = attrs.field(factory=list)
    # A letdown ending the candidate's story: their own convenience first ("went home") or the
    # customer left worse off ("she had to wait a week"), with examples that must clash for
    # every built-in value and look-alikes (a repair follows, a condition) that must not.
    letdowns: list[str] = attrs.field(factory=list)
    purpose_modals: list[str] = attrs.field(factory=list)  # "so I'd be done by two"
    letdown_examples: list[str] = attrs.field(factory=list)
    letdown_look_alikes: list[str] = attrs.field(factory=list)
    # Someone asks or needs something, the candidate answers with words only and carries on
    # with their own work ("I said the gift shop sold them and carried on restocking"): the
    # carrying on (`moving_on`) after a reply word (`moving_on_replies`) whose subject is the
    # candidate counts against every value (`talentfit.value_stories.moved_on`).
    moving_on: list[str] = attrs.field(factory=list)
    moving_on_replies: list[str] = attrs.field(factory=list)
    # "samen", "together", "him": the carrying on is with the other person (no letdown)
    moving_on_with: list[str] = attrs.field(factory=list)
    moving_on_examples: list[str] = attrs.field(factory=list)
    moving_on_look_alikes: list[str] = attrs.field(factory=list)
    # A commitment told in the past perfect (`commitments`: "ik had beloofd", "I'd agreed")
    # with a day or hour, then a later day or hour in the candidate's next sentences: kept
    # late (`talentfit.value_stories.broken_commitments`). Weekdays Monday first; dayparts
    # morning, afternoon, evening ("a|b" alternatives); hours one to twelve.
    commitments: list[str] = attrs.field(factory=list)
    weekdays: list[str] = attrs.field(factory=list)
    dayparts: list[str] = attrs.field(factory=list)
    hours: list[str] = attrs.field(factory=list)
    clock_words: list[str] = attrs.field(factory=list)  # "om", "at"
    half_words: list[str] = attrs.field(factory=list)  # "om half tien": half an hour before
    next_words: list[str] = attrs.field(factory=list)  # "the following Monday"
    # after a weekday, a week later ("de woensdag erna", "the Monday afterwards"); the
    # ``final`` ones only at the end of their clause ("the Wednesday after, because …"; not
    # "Wednesday after lunch")
    next_after_words: list[str] = attrs.field(factory=list)
    next_after_final_words: list[str] = attrs.field(factory=list)
    minute_words: list[str] = attrs.field(factory=list)  # "om tien over half negen"
    minutes_after: list[str] = attrs.field(factory=list)  # "past", "over": after the hour
    # between an hour and the part of the day that places it ("vijf uur 's ochtends", "five
    # in the morning"): the daypart says am or pm instead of standing for its own hour
    daypart_links: list[str] = attrs.field(factory=list)
    # "every day", "elke dag" promised, then "every third", "om de dag": kept less often
    daily_words: list[str] = attrs.field(factory=list)
    less_often: list[str] = attrs.field(factory=list)
    # someone else chasing what was promised in a later sentence ("she rang again to ask if
    # anyone was coming", "belde zijn dochter of ik nog kwam"): the promise was not kept
    chases: list[str] = attrs.field(factory=list)
    commitment_examples: list[str] = attrs.field(factory=list)
    commitment_look_alikes: list[str] = attrs.field(factory=list)
    # Someone asks about a fact (`fact_questions`, no modal of a request in it:
    # `request_modals`), then "but"/"maar" and the candidate telling a claim (`claim_replies`)
    # that names neither themselves nor an admission: told against what they knew
    # (`talentfit.value_stories.contradicted_claims`).
    fact_questions: list[str] = attrs.field(factory=list)
    request_modals: list[str] = attrs.field(factory=list)
    # "asked if we could", "vroeg of ik even kon": a person, then a modal — a request
    request_persons: list[str] = attrs.field(factory=list)
    claim_replies: list[str] = attrs.field(factory=list)
    claim_examples: list[str] = attrs.field(factory=list)
    claim_look_alikes: list[str] = attrs.field(factory=list)
    # A flaw left unseen after the candidate's own act ("zodat het minder opviel", "so it
    # wouldn't show"), not conceded (`concealment_blockers`: "ook al", "toch", "even though")
    # and not disclosed or repaired after (`talentfit.value_stories.concealed_flaws`).
    concealments: list[str] = attrs.field(factory=list)
    concealment_blockers: list[str] = attrs.field(factory=list)
    concealment_examples: list[str] = attrs.field(factory=list)
    concealment_look_alikes: list[str] = attrs.field(factory=list)
    # A flaw in the work named (`flaws`), then the work handed over or charged for
    # (`handovers`) by the candidate with nothing redone in between (`repairs`): the flaw went
    # to the customer (`talentfit.value_stories.flaws_handed_over`).
    flaws: list[str] = attrs.field(factory=list)
    handovers: list[str] = attrs.field(factory=list)
    repairs: list[str] = attrs.field(factory=list)
    flaw_examples: list[str] = attrs.field(factory=list)
    flaw_look_alikes: list[str] = attrs.field(factory=list)
    # Deceptions the candidate tells of (a cover story, a made-up excuse, a record signed off
    # as done): direct contrary evidence for every value, with examples that must clash for
    # every built-in value (`deception_examples`) and honest look-alikes that must not
    # (`honest_examples`).
    deceptions: list[str] = attrs.field(factory=list)
    deception_examples: list[str] = attrs.field(factory=list)
    honest_examples: list[str] = attrs.field(factory=list)
    # A cover story: the candidate's own mishap ("ik had een spatbord gebroken", "I'd opened
    # the paddles too fast"), then the candidate telling someone a claim that admits nothing
    # ("zei ik dat hij zo binnen was gebracht", "I told the skipper the gates always stick").
    mishaps: list[str] = attrs.field(factory=list)
    tellings: list[str] = attrs.field(factory=list)
    admissions: list[str] = attrs.field(factory=list)
    # "told", "gemeld": a mishap followed by none of these, nor an admission, was kept quiet
    disclosures: list[str] = attrs.field(factory=list)
    # "per ongeluk", "by accident": a mishap that, left unsaid, was kept quiet
    accidents: list[str] = attrs.field(factory=list)
    # "had", "I'd": a mishap told in the past perfect is the premise of the story, and kept
    # quiet too when nothing after it discloses, admits or repairs it
    premise_auxiliaries: list[str] = attrs.field(factory=list)
    # "nadat ik de verkeerde dosering had gegeven": the auxiliary after the mishap (Dutch)
    premise_auxiliaries_after: list[str] = attrs.field(factory=list)
    # A fault after the candidate's own work as the premise of a cover story: "after I'd …",
    # "nadat ik … had", "na het …" (`after_work`) in a sentence where the work comes back or
    # keeps failing (`work_returns`: "back", "kept", "started", "terug", "steeds", "weer"),
    # not by the candidate's own act ("I went back"); then the candidate telling a claim that
    # names neither them nor an admission ("I told him he must have parked in the blind
    # spot"): blame shifted (`talentfit.value_reading.cover_stories`).
    after_work: list[str] = attrs.field(factory=list)
    work_returns: list[str] = attrs.field(factory=list)
    after_work_examples: list[str] = attrs.field(factory=list)
    after_work_look_alikes: list[str] = attrs.field(factory=list)
    # Someone else's suggestion or new way of working (`suggestions`: "suggested",
    # "opperde", "a new way of"), then the candidate keeping to the old way in a later
    # sentence (`old_ways`: "the way I've always done it", "zoals we het altijd deden", "mijn
    # oude …"), with nothing tried in between or after (`taken_up`: "tried", "geprobeerd"):
    # the idea shelved (`talentfit.value_stories.shelved_suggestions`).
    suggestions: list[str] = attrs.field(factory=list)
    old_ways: list[str] = attrs.field(factory=list)
    taken_up: list[str] = attrs.field(factory=list)
    suggestion_examples: list[str] = attrs.field(factory=list)
    suggestion_look_alikes: list[str] = attrs.field(factory=list)
    # A standard named (`norms`: "I'm meant to", "normally", "normaal", "moest … drogen"),
    # then in the next sentence a pressure of time (`time_pressures`: "was hovering", "had
    # another one at two", "liep alles uit") and "so"/"dus" (`result_words`) with the
    # candidate acting, nothing redone or told after it: the standard set aside for time
    # (`talentfit.value_stories.standards_skipped`).
    norms: list[str] = attrs.field(factory=list)
    time_pressures: list[str] = attrs.field(factory=list)
    result_words: list[str] = attrs.field(factory=list)
    # "instead", "stayed on", "toch", "alsnog": the standard kept another way, or more done
    norm_kept: list[str] = attrs.field(factory=list)
    norm_examples: list[str] = attrs.field(factory=list)
    norm_look_alikes: list[str] = attrs.field(factory=list)
    # "yeah", "nah", "so": may stand before a past verb whose subject speech dropped ("Yeah,
    # told him …"); such a verb after a sentence naming the candidate is the candidate's
    dropped_subject_leads: list[str] = attrs.field(factory=list)
    # Dutch: "heb", "ben" opening a sentence without a subject after them ("Ben zaterdag
    # gegaan"): the candidate's perfect, its subject dropped in speech
    dropped_subject_auxiliaries: list[str] = attrs.field(factory=list)
    second_person: list[str] = attrs.field(factory=list)  # "heb je …": a subject after all
    # "Still,", "Toch": opening the sentence after a modest disclaimer, a turn like "but"
    disclaimer_turns: list[str] = attrs.field(factory=list)
    # "before she came home", "toen ze vrijdag kwam": the subject of a subordinate clause is
    # not the subject of the candidate's next verb ("… and told her")
    subordinators: list[str] = attrs.field(factory=list)
    # "We had a pile of broken chairs": a determiner between "had" and the mishap, no perfect
    premise_gap_blockers: list[str] = attrs.field(factory=list)
    positive: list[str] = attrs.field(factory=list)
    negative: list[str] = attrs.field(factory=list)


@attrs.frozen
class ValueLexicon:
    """Schema of ``talentfit/data/values/<lang>.toml``."""

    values: list[ValueEntry]
    general: GeneralCues


@functools.cache
def lexicon(lang: str) -> ValueLexicon:
    """The built-in values library in ``lang`` as written in its data file (cached)."""
    relpath = f"values/{lang}.toml"
    return structure(load_data_toml(relpath), ValueLexicon, source=f"talentfit/data/{relpath}")


def compile_all(sources: Sequence[str], lang: str, where: str) -> tuple[Pattern, ...]:
    try:
        return tuple(compile_pattern(s, lang) for s in sources)
    except ConfigError as exc:
        raise ConfigError(exc.message, path=where) from None
