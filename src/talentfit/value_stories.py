"""How a story the candidate tells can go against every value without a word any value list
knows: someone asks or needs something and the candidate answers with words only, then
carries on with their own work (:func:`moved_on`); a commitment told in the past perfect and
then kept at a later day or hour than promised, or put after something else ("so I did that
one first": ``displacements``) (:func:`broken_commitments`); a claim told
after "but" against a fact someone asked about (:func:`contradicted_claims`); a flaw left
unseen after the candidate's own act (:func:`concealed_flaws`); a flaw named and the work
then handed over or charged for with nothing redone (:func:`flaws_handed_over`); someone
else's suggestion answered by keeping to the old way (:func:`shelved_suggestions`); a
standard named and then set aside when time pressed (:func:`standards_skipped`).

All are read like the letdowns of :func:`talentfit.value_reading.letdowns`: a contrary act
for every value, unless it is quoted, negated, conditional or counterfactual, or the
candidate goes on to do something about it. The word lists are data (``[general]`` of the
values files: ``moving_on``, ``moving_on_replies``, ``commitments``, ``weekdays``,
``dayparts``, ``hours``, ``clock_words``, ``half_words``, ``next_words`` and the lists named
in each function).
"""

from __future__ import annotations

import functools
from typing import Any

from .patterns import Match, Matcher
from .text import Doc
from .value_reading import (
    Cues,
    _cover_matcher,
    _grammar_words,
    _in_condition,
    _in_purpose,
    _inflected_verb,
    _request_words,
    _told_past_act,
    candidate_acts,
    general_words,
    match_negated,
    other_subject,
    self_subjects,
    tagged_matcher,
    told_as_stated,
)

__all__ = [
    "broken_commitments",
    "concealed_flaws",
    "contradicted_claims",
    "flaws_handed_over",
    "moved_on",
    "shelved_suggestions",
    "standards_skipped",
]


SCENE_REACH = 8  # tokens from the start of a sentence to the verb of another person's act


@functools.cache
def _story_matcher(lang: str) -> Matcher[str]:
    return tagged_matcher(
        lang,
        (
            ("moving_on", "moving_on"),
            ("commitments", "commitment"),
            ("chases", "chase"),
            ("displacements", "displacement"),
        ),
    )


def _someone_else_sets_scene(doc: Doc, sent: int) -> bool:
    """Whether sentence ``sent`` is about someone else's wish or need: a request word whose
    subject is not the candidate ("Tijdens de repetitie vroeg de dirigent of ik …"), or a
    clause opening with another person as the subject of its first verb form ("A dad
    asked …", "Een jongetje zat te huilen …", "A man in his fifties panicked …")."""
    first, last = doc.sentences[sent]
    tokens = doc.tokens
    requests = _request_words(doc.lang)[0]
    for k in range(first, last):
        if tokens[k].norm in requests and not candidate_acts(doc, k):
            return True
    return any(
        _inflected_verb(doc, k) and other_subject(doc, k, k)
        for k in range(first + 1, min(last, first + SCENE_REACH))
        if tokens[k].clause == tokens[first].clause
    )


def _unanswered(doc: Doc, m: Match[Any], cues: Cues) -> bool:
    """The common conditions of a letdown: not quoted, negated, conditional or
    counterfactual, and no subject form of the candidate in a later clause (outside a purpose
    clause): nothing was done about it."""
    tokens = doc.tokens
    if not told_as_stated(doc, m, cues):
        return False
    selves = self_subjects(doc.lang)
    purpose = general_words(doc.lang, "purpose_words")
    clause = tokens[m.last].clause
    later = [t for t in tokens[m.last + 1 :] if t.clause != clause and t.norm in selves]
    return all(_in_purpose(doc, t.i, purpose) for t in later)


def moved_on(doc: Doc, cues: Cues) -> list[Match[str]]:
    """Someone asks or needs something (an earlier sentence: :func:`_someone_else_sets_scene`),
    the candidate answers with words only ("I said the gift shop sold fold-up ones", "ik heb
    gezegd dat de keuken dicht was": a reply word of ``moving_on_replies`` with the candidate
    as its subject, before it in the same sentence) and then carries on with their own work
    ("and carried on restocking", "went back to the till", "called the next candidate", "ben
    verder gegaan met de etalage", "de volgende afspraak binnengelaten", "opgehangen"):
    nothing was granted. The carrying on is returned (a contrary act for every value)."""
    found = [m for m in _story_matcher(doc.lang).find(doc) if m.payload == "moving_on"]
    if not found or not _told_past_act(doc):
        return []
    tokens = doc.tokens
    replies = general_words(doc.lang, "moving_on_replies")
    others = general_words(doc.lang, "moving_on_with")
    for m in found:
        sent = tokens[m.first].sent
        if not any(_someone_else_sets_scene(doc, s) for s in range(sent)):
            continue
        sent_first = doc.sentences[sent][0]
        if not any(
            (tokens[k].norm in replies or tokens[k].lemma in replies) and candidate_acts(doc, k)
            for k in range(sent_first, m.first)
        ):
            continue  # "I fetched her size and went back to the till": something was done
        clause = [
            t
            for t in tokens[sent_first : doc.sentences[sent][1]]
            if t.clause == tokens[m.first].clause
        ]
        if any(t.norm in others for t in clause):
            continue  # "en samen zijn we zijn post doorgegaan": carrying on with them
        if _unanswered(doc, m, cues):
            return [m]
    return []


# --- a commitment kept late -------------------------------------------------------------

_MORNING, _AFTERNOON, _EVENING = 9.0, 14.0, 19.0
_WEEK = 7
_PM_BELOW = 7  # "at four", "om vier uur": an hour below this is in the afternoon
_NUDGE = 0.25  # "twenty past" the hour promised is later, "quarter to" earlier


@functools.cache
def _time_words(lang: str) -> tuple[tuple[str, ...], tuple[frozenset[str], ...], tuple[str, ...]]:
    from .text import fold
    from .value_lexicon import lexicon

    data = lexicon(lang).general
    weekdays = tuple(fold(w) for w in data.weekdays)
    dayparts = tuple(frozenset(fold(a) for a in p.split("|")) for p in data.dayparts)
    hours = tuple(fold(w) for w in data.hours)
    return weekdays, dayparts, hours


def _hour_of(lang: str, norm: str) -> float | None:
    _, _, hours = _time_words(lang)
    for i, alternatives in enumerate(hours):
        if norm in alternatives.split("|"):
            return float(i + 1)
    if norm.isdigit() and 1 <= int(norm) <= 24:
        return float(norm)
    return None


def _when(doc: Doc, sent: int, due_hour: float | None = None) -> tuple[float | None, float | None]:
    """The last day (0 = Monday; a week later after "following"/"volgende" or before a
    clause-final "after"/"erna") and the last hour
    a sentence names — where a story ends up: weekdays ("donderdagochtend" counts as Thursday
    morning), parts of the day ("morning slot", "'s avonds") and clock times ("at four", "om
    half tien", "om tien over half negen": minutes before "over"/"past" are skipped)."""
    weekdays, dayparts, _ = _time_words(doc.lang)
    nexts = general_words(doc.lang, "next_words")
    nexts_after = general_words(doc.lang, "next_after_words")
    nexts_after_final = general_words(doc.lang, "next_after_final_words")
    clocks = general_words(doc.lang, "clock_words")
    halves = general_words(doc.lang, "half_words")
    minutes = general_words(doc.lang, "minute_words")
    first, last = doc.sentences[sent]
    tokens = doc.tokens
    day: float | None = None
    hour: float | None = None
    for k in range(first, last):
        norm = tokens[k].norm
        for d, name in enumerate(weekdays):
            if norm.startswith(name):
                after = tokens[k + 1].norm if k + 1 < last else ""
                later = (
                    (k > first and tokens[k - 1].norm in nexts)
                    or after in nexts_after
                    or (
                        after in nexts_after_final
                        and (k + 2 >= last or tokens[k + 2].clause != tokens[k + 1].clause)
                    )
                )
                day = float(d + (_WEEK if later else 0))
                norm = norm[len(name) :]  # "donderdagochtend": the part of the day follows
                break
        for part, names in zip((_MORNING, _AFTERNOON, _EVENING), dayparts, strict=False):
            if norm and (norm in names or any(norm.endswith(n) for n in names if len(n) > 3)):
                hour = _placed_hour(doc, k, first, part)
        if norm in clocks and k + 1 < last:
            j = k + 1
            if j + 2 < last and tokens[j + 1].norm in minutes:
                j += 2  # "om tien over half negen", "at ten past nine"
            half = tokens[j].norm in halves
            if half and j + 1 < last:
                j += 1
            value_h = _hour_of(doc.lang, tokens[j].norm)
            if value_h is not None:
                if value_h < _PM_BELOW and not (due_hour is not None and due_hour < _PM_BELOW):
                    value_h += 12  # a small hour is in the afternoon, unless the night is on
                value_h -= 0.5 if half else 0.0
                hour = value_h
            elif j == k + 1 and k + 2 < last and tokens[k + 2].norm in minutes:
                # "at twenty past", "by quarter to": minutes around the hour promised
                past = tokens[k + 2].norm in general_words(doc.lang, "minutes_after")
                hour = None if due_hour is None else due_hour + (_NUDGE if past else -_NUDGE)
            else:
                hour = None  # "by quarter to …": a time this reading cannot place
    return day, hour


def _placed_hour(doc: Doc, k: int, first: int, part: float) -> float:
    """The hour a part of the day at ``k`` stands for: the hour named right before it,
    placed by it ("vijf uur 's ochtends" is five, "at eight in the evening" twenty), or else
    the part of the day itself ("'s ochtends", "in the morning")."""
    links = general_words(doc.lang, "daypart_links")
    j = k - 1
    while j >= first and k - j <= len(links) and doc.tokens[j].norm in links:
        j -= 1
    if j < first or j == k - 1:
        return part
    value_h = _hour_of(doc.lang, doc.tokens[j].norm)
    if value_h is None or value_h > 12:
        return part
    if part == _MORNING:
        return value_h % 12
    return value_h + 12 if value_h < 12 else value_h


def _daily(doc: Doc, sent: int) -> bool:
    """Whether sentence ``sent`` names a daily round ("elke dag", "every day")."""
    first, last = doc.sentences[sent]
    words = general_words(doc.lang, "daily_words")
    norms = doc.norms
    return any(" ".join(norms[k : k + 2]) in words for k in range(first, last - 1))


def _less_often(doc: Doc, due_sent: int, sent: int) -> bool:
    """A daily commitment, then a later sentence of the candidate's going less often ("om de
    dag", "every third day")."""
    if not _daily(doc, due_sent):
        return False
    first, last = doc.sentences[sent]
    words = general_words(doc.lang, "less_often")
    norms = doc.norms
    return any(" ".join(norms[k : k + 2]) in words for k in range(first, last - 1))


def _own_clause_act(doc: Doc, k: int) -> bool:
    """Whether the verb at ``k`` is the candidate's within its own clause: "belde ik" or a
    subject form of the candidate before it in the clause ("… en vrijdag belde zijn dochter"
    is not, whoever acted in the clause before)."""
    tokens = doc.tokens
    if k + 1 < len(tokens) and tokens[k + 1].norm in general_words(doc.lang, "inverted_self"):
        return True
    selves = self_subjects(doc.lang)
    first = doc.sentences[tokens[k].sent][0]
    return any(
        tokens[j].norm in selves and tokens[j].clause == tokens[k].clause for j in range(first, k)
    )


def _clause_end(doc: Doc, k: int) -> int:
    """The last token of the sentence of ``k`` (the end of what was promised)."""
    return doc.sentences[doc.tokens[k].sent][1] - 1


def _later(done: tuple[float | None, float | None], due: tuple[float | None, float | None]) -> bool:
    (day, hour), (due_day, due_hour) = done, due
    if day is not None and due_day is not None and day != due_day:
        return day > due_day
    return hour is not None and due_hour is not None and hour > due_hour


def broken_commitments(doc: Doc, cues: Cues) -> list[Match[str]]:
    """A commitment of the candidate's told in the past perfect with a day or an hour ("Ik
    had de kweker beloofd dat de kas maandag schoon zou zijn", "I'd promised a customer a
    morning slot") and then a later sentence of theirs naming a later day or hour ("heb ik
    hem dinsdag gedaan", "turned up at four", "the following Monday"), or someone else
    chasing it in a later sentence ("she rang again on Thursday to ask if anyone was
    coming", "vrijdag belde zijn dochter of ik nog kwam": ``chases``, with or without a
    time), or a later sentence of the candidate's putting something else first (see
    :func:`_displaced`): the promise was broken. The commitment is returned (a contrary act
    for every value)."""
    matches = _story_matcher(doc.lang).find(doc)
    found = [m for m in matches if m.payload == "commitment"]
    if not found:
        return []
    chases = [c for c in matches if c.payload == "chase" and not _own_clause_act(doc, c.first)]
    displaced = [d for d in matches if d.payload == "displacement"]  # the candidate is in it
    tokens = doc.tokens
    selves = self_subjects(doc.lang)
    disclosed = [d for d in _cover_matcher(doc.lang).find(doc) if d.payload == "disclosure"]
    for m in found:
        sent = tokens[m.first].sent
        if not candidate_acts(doc, m.last) and not any(
            tokens[k].norm in selves for k in range(doc.sentences[sent][0], m.first + 1)
        ):
            continue  # "the customer had agreed …": someone else's commitment
        if _in_condition(doc, m.first) or match_negated(doc, m):
            continue
        if any(doc.tokens[c.first].sent > sent for c in chases):
            # "… and she rang again on Thursday to ask if anyone was coming": the whole
            # promise ("I said I'd call her back …") is what was broken
            last = _clause_end(doc, m.last)
            return [Match(m.payload, m.pattern, m.first, last, m.start, tokens[last].end)]
        if _displaced(doc, m, displaced, disclosed):
            return [m]  # "… a better job came in, so I did that one first": put after another
        due = _when(doc, sent)
        if due == (None, None) and not _daily(doc, sent):
            continue
        for later in range(sent + 1, len(doc.sentences)):
            first, last = doc.sentences[later]
            if any(m.last < d.first < last for d in disclosed):
                break  # "ik heb om half acht al gebeld": the customer was told in time
            if not any(t.norm in selves for t in tokens[first:last]):
                continue
            if _later(_when(doc, later, due[1]), due) or _less_often(doc, sent, later):
                return [m]
    return []


def _displaced(
    doc: Doc, m: Match[Any], displaced: list[Match[str]], disclosed: list[Match[str]]
) -> bool:
    """Whether a later sentence of the candidate's puts something else first
    (``displacements``: "so I went to that instead", "daar ben ik heen gegaan", "die heb ik
    eerst gedaan") with no disclosure before it ("I rang them first, then …") and no
    ``concealment_blockers`` word after it in its sentence ("… and still had it there")."""
    tokens = doc.tokens
    sent = tokens[m.first].sent
    for d in displaced:
        if tokens[d.first].sent <= sent or not _told_as_done(doc, d):
            continue
        if any(m.last < x.first < d.first for x in disclosed):
            return False  # "… I rang her straight away and we moved it; then I did the other"
        _, end = doc.sentences[tokens[d.first].sent]
        kept = general_words(doc.lang, "concealment_blockers")
        # "I did the other job first and still had it there by nine": kept after all
        return not any(t.norm in kept for t in tokens[d.last + 1 : end])
    return False


def _told_as_done(doc: Doc, d: Match[Any]) -> bool:
    """Whether a displacement is told as done: not negated, not in a condition."""
    return not match_negated(doc, d) and not _in_condition(doc, d.first)


# --- a claim told against what the candidate knew ---------------------------------------


CLAIM_REACH = 8  # tokens from "but"/"maar" to the candidate's telling


@functools.cache
def _claim_matcher(lang: str) -> Matcher[str]:
    return tagged_matcher(
        lang,
        (("fact_questions", "question"), ("concealments", "concealment")),
    )


def contradicted_claims(doc: Doc, cues: Cues) -> list[Match[str]]:
    """Someone asks about a fact ("A buyer asked if the engine had ever been rebuilt", "Een
    stel vroeg of de caravan ooit lekkage had gehad": ``fact_questions``, not a request with a
    modal), the answer states or knows the fact, and then the candidate, after "but"/"maar",
    tells a claim ("It had seized the previous summer, but I said it had always been
    serviced", "Ik wist van de vochtplek, maar ik heb gezegd dat hij altijd binnen had
    gestaan"): a claim told against what they knew. The telling word is returned (a contrary
    act for every value) unless what follows it in its sentence names the candidate
    themselves ("but I said I'd sort it") or an admission ("but I told her honestly")."""
    found = _claim_matcher(doc.lang).find(doc)
    questions = [q for q in found if q.payload == "question" and not candidate_acts(doc, q.first)]
    if not questions:
        return []
    tokens = doc.tokens
    contrast = cues.contrast
    replies = general_words(doc.lang, "moving_on_replies") | general_words(
        doc.lang, "claim_replies"
    )
    singular = _grammar_words(doc.lang, "first_singular")
    admitted = {
        k
        for m in _cover_matcher(doc.lang).find(doc)
        if m.payload == "admission"
        for k in range(m.first, m.last + 1)
    }
    modals = general_words(doc.lang, "request_modals")
    persons = general_words(doc.lang, "request_persons")
    for q in questions:
        q_last = doc.sentences[tokens[q.first].sent][1]
        asker = q.last + 1 < q_last and tokens[q.last + 1].norm in persons
        if asker and any(tokens[k].norm in modals for k in range(q.last, q_last)):
            continue  # "asked if we could …", "vroeg of ik even kon …": a request
        for k in range(q.last + 1, len(tokens)):
            if tokens[k].norm not in contrast:
                continue
            sent_last = doc.sentences[tokens[k].sent][1]
            for j in range(k + 1, min(sent_last, k + CLAIM_REACH)):
                if tokens[j].norm not in replies and tokens[j].lemma not in replies:
                    continue
                if not candidate_acts(doc, j):
                    continue
                if any(tokens[r].norm in singular for r in range(j + 1, sent_last)) or any(
                    r in admitted for r in range(k + 1, sent_last)
                ):
                    break  # "but I said I'd look into it", "but I told her honestly"
                return [Match("claim", q.pattern, j, j, tokens[j].start, tokens[j].end)]
    return []


def concealed_flaws(doc: Doc, cues: Cues) -> list[Match[str]]:
    """A flaw left unseen after the candidate's own act ("zodat het minder opviel", "so it
    wouldn't show", "van de straat af zag je het verschil niet", "the family never had the
    original to compare": ``concealments``), in a story of theirs, not conceded ("ook al had
    niemand het gemerkt", "even though nobody would see it"), and nothing after it discloses,
    admits or repairs it (no admission or disclosure later, no "toch"/"still" and no act of
    the candidate in a later clause). Returned: a contrary act for every value."""
    found = [m for m in _claim_matcher(doc.lang).find(doc) if m.payload == "concealment"]
    if not found or not _told_past_act(doc):
        return []
    tokens = doc.tokens
    selves = self_subjects(doc.lang)
    blockers = general_words(doc.lang, "concealment_blockers")
    cover = [
        m for m in _cover_matcher(doc.lang).find(doc) if m.payload in ("admission", "disclosure")
    ]
    for m in found:
        sent = tokens[m.first].sent
        sent_first, sent_last = doc.sentences[sent]
        if not any(tokens[k].norm in selves for k in range(sent_first, m.first)):
            continue  # the candidate acted before it: "Ik heb … gedaan zodat …"
        if any(tokens[k].norm in blockers for k in range(sent_first, sent_last)):
            continue  # "ook al had niemand het gemerkt", "zag je bijna niks van. Toch …"
        if sent + 1 < len(doc.sentences):
            nxt = doc.sentences[sent + 1][0]
            if tokens[nxt].norm in blockers:
                continue
        if any(c.first > m.last for c in cover):
            continue  # "… gezegd dat ik het was": disclosed after all
        if any(tokens[k].quoted for k in range(m.first, m.last + 1)):
            continue
        if _in_condition(doc, m.first) or cues.not_taken(doc, m, counterfactual_only=True):
            continue
        clause = tokens[m.last].clause
        purpose = general_words(doc.lang, "purpose_words")
        later = [t for t in tokens[m.last + 1 :] if t.clause != clause and t.norm in selves]
        if any(not _in_purpose(doc, t.i, purpose) for t in later):
            continue  # "… die je bijna niet zag. Ik heb de lak opgebouwd": repaired
        return [m]
    return []


# --- a flaw handed over ---------------------------------------------------------------


@functools.cache
def _flaw_matcher(lang: str) -> Matcher[str]:
    return tagged_matcher(
        lang, (("flaws", "flaw"), ("handovers", "handover"), ("repairs", "repair"))
    )


def flaws_handed_over(doc: Doc, cues: Cues) -> list[Match[str]]:
    """A flaw in the work named ("one letter was cut a little crooked", "the hem came out a
    centimetre uneven", "de kitrand was bobbelig geworden": ``flaws``), then, in a later
    sentence of the candidate's, the work handed over or charged for ("boxed it up", "took
    the payment", "afgerekend", "de kast teruggebracht": ``handovers``) with nothing redone,
    replaced or disclosed in between ("opnieuw", "redid", "replaced", "rang the customer":
    ``repairs`` and the disclosures and admissions of the cover stories). The handover is
    returned: the flaw went to the customer (a contrary act for every value)."""
    found = _flaw_matcher(doc.lang).find(doc)
    flaws = [m for m in found if m.payload == "flaw"]
    if not flaws or not _told_past_act(doc):
        return []
    tokens = doc.tokens
    selves = self_subjects(doc.lang)
    fixes = [m.first for m in found if m.payload == "repair"]
    fixes += [
        m.first
        for m in _cover_matcher(doc.lang).find(doc)
        if m.payload in ("admission", "disclosure")
    ]
    flaw = flaws[0]
    subordinators = general_words(doc.lang, "subordinators")
    modals = general_words(doc.lang, "modal_words") | general_words(doc.lang, "purpose_modals")
    for m in found:
        if m.payload != "handover" or tokens[m.first].sent <= tokens[flaw.first].sent:
            continue
        sent_first = doc.sentences[tokens[m.first].sent][0]
        if not any(tokens[k].norm in selves for k in range(sent_first, m.first)):
            continue  # "the customer paid": someone else's act
        if any(flaw.last < k < m.first for k in fixes):
            return []  # "… opnieuw gesneden en toen ingepakt": redone first
        if match_negated(doc, m) or _in_condition(doc, m.first):
            continue
        if cues.not_taken(doc, m, counterfactual_only=True):
            continue
        before = range(max(sent_first, m.first - 3), m.first)
        if any(tokens[k].norm in subordinators or tokens[k].norm in modals for k in before):
            continue  # "tested it at every stage before I'd hand it back": a standard kept
        return [m]
    return []


# --- a suggestion shelved ---------------------------------------------------------------


@functools.cache
def _suggestion_matcher(lang: str) -> Matcher[str]:
    return tagged_matcher(
        lang, (("suggestions", "suggestion"), ("old_ways", "old_way"), ("taken_up", "taken_up"))
    )


def shelved_suggestions(doc: Doc, cues: Cues) -> list[Match[str]]:
    """Someone else suggests something or brings a new way of working ("The new sparks
    suggested we pre-label the cables", "Een monteur had voorgesteld om …", "Mijn collega had
    een nieuwe planning gemaakt": ``suggestions``, the candidate not its subject), and later
    the candidate keeps to the old way ("we rigged it the way I've done it for fifteen
    years", "het rooster gemaakt zoals we het altijd deden", "mijn oude rooster
    aangehouden", "I carried on picking them one by one": ``old_ways``, the candidate a
    subject before it in its sentence), with nothing tried or taken up anywhere after the
    suggestion ("We tried it for a week": ``taken_up``, not negated). The keeping to the old
    way is returned (a contrary act for every value) unless it is quoted, negated,
    conditional or counterfactual."""
    found = _suggestion_matcher(doc.lang).find(doc)
    tokens = doc.tokens
    ideas = [m for m in found if m.payload == "suggestion" and not candidate_acts(doc, m.first)]
    if not ideas or not _told_past_act(doc):
        return []
    idea = ideas[0]
    if any(
        m.payload == "taken_up" and m.first > idea.last and not match_negated(doc, m) for m in found
    ):
        return []  # "We tried it for a week": the suggestion was taken up
    selves = self_subjects(doc.lang)
    for m in found:
        if m.payload != "old_way" or m.first <= idea.last:
            continue
        if tokens[m.first].clause == tokens[idea.last].clause:
            continue
        sent_first = doc.sentences[tokens[m.first].sent][0]
        if not any(tokens[k].norm in selves for k in range(sent_first, m.first + 1)):
            continue  # "the team carried on with the old one": someone else's habit
        if not told_as_stated(doc, m, cues):
            continue
        return [m]
    return []


# --- a standard set aside for time ------------------------------------------------------


@functools.cache
def _norm_matcher(lang: str) -> Matcher[str]:
    return tagged_matcher(
        lang,
        (
            ("norms", "norm"),
            ("time_pressures", "pressure"),
            ("norm_kept", "kept"),
            ("repairs", "kept"),
        ),
    )


def standards_skipped(doc: Doc, cues: Cues) -> list[Match[str]]:
    """A standard named ("I'm meant to pressure test every joint", "Normaal zet ik een
    douchebak een dag onder water", "De lak moest … drogen": ``norms``), then in the next
    sentence time pressing ("The customer was hovering and I had another one at two", "Die
    week liep alles uit": ``time_pressures``) and after it "so"/"dus" (``result_words``)
    with the candidate as the next subject ("so I gave the joints a sniff", "dus ik heb hem
    met een emmer nagespoeld"): the standard set aside for time. What follows the result
    word is returned (a contrary act for every value) unless it keeps the standard another
    way or does more (``norm_kept``, ``repairs``: "instead", "stayed on", "toch", "again"),
    tells someone (a disclosure: "so I rang the client"), or is negated or conditional."""
    found = _norm_matcher(doc.lang).find(doc)
    norms = [m for m in found if m.payload == "norm" and not _in_condition(doc, m.first)]
    if not norms or not _told_past_act(doc):
        return []
    tokens = doc.tokens
    results = general_words(doc.lang, "result_words")
    selves = self_subjects(doc.lang)
    disclosed = [d.first for d in _cover_matcher(doc.lang).find(doc) if d.payload == "disclosure"]
    for norm in norms:
        sent = tokens[norm.first].sent + 1
        if sent >= len(doc.sentences) or match_negated(doc, norm):
            continue
        first, last = doc.sentences[sent]
        pressures = [m for m in found if m.payload == "pressure" and first <= m.first < last]
        if not pressures:
            continue
        so = next(
            (k for k in range(pressures[0].last + 1, last) if tokens[k].norm in results), None
        )
        if so is None or not any(
            tokens[k].norm in selves for k in range(so + 1, min(last, so + 3))
        ):
            continue  # "so I …", "dus ik heb …": the candidate acts on the pressure
        if any(m.payload == "kept" and m.first > so for m in found):
            continue  # "so I tested them in the van instead", "so I stayed on"
        if any(k > so for k in disclosed):
            continue  # "so I rang the client …": told, not skipped
        if _in_condition(doc, so + 1):
            continue
        return [
            Match("skipped", norm.pattern, so, last - 1, tokens[so].start, tokens[last - 1].end)
        ]
    return []
