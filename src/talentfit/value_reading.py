"""How an answer's words are read for values: negation scope, whose words and deeds they
are, and what the candidate only claims.

:func:`read_signal` turns one pattern match into a signal (``indicator``, ``contrary``,
``negated_…``, ``self_description``, ``hollow_self_description``) or None when the match is
not the candidate's own stance: quoted or reported words of someone else, another person's
wish or failing, a road not taken, a value word brushed aside, a filler. The word lists are
data (the ``[general]`` table of the values files, :mod:`talentfit.value_lexicon`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from .patterns import Match, Matcher
from .text import Doc, _is_finite_past, _negation_cues, _speech, fold, language_data
from .value_lexicon import compile_all, lexicon

__all__ = [
    "Cues",
    "candidate_acts",
    "cover_stories",
    "letdowns",
    "match_negated",
    "non_overlapping",
    "other_subject",
    "read_cues",
    "read_signal",
    "self_subjects",
    "tagged_matcher",
]


@functools.cache
def general_words(lang: str, field: str) -> frozenset[str]:
    """A word list of the values data's ``[general]`` table, folded, as a set (cached)."""
    return frozenset(fold(w) for w in getattr(lexicon(lang).general, field))


def non_overlapping(matches: Sequence[Match[Any]]) -> list[Match[Any]]:
    """Longest-first selection of matches whose token spans do not overlap, in text order."""
    chosen: list[Match[Any]] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.last - m.first), m.first)):
        span = set(range(m.first, m.last + 1))
        if span & taken:
            continue
        taken |= span
        chosen.append(m)
    chosen.sort(key=lambda m: (m.start, m.end))
    return chosen


POST_NEGATION_WINDOW = 4  # Dutch main clauses put "niet" after the verb: "ik meldde het niet"


@functools.cache
def _extra_negations(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.negations)


def _colloquially_negated(doc: Doc, match: Match[Any]) -> bool:
    """A colloquial negation the text layer does not know ("daar leer ik niks van") before
    the match, or (Dutch) up to four tokens after it, in the same clause."""
    extra = _extra_negations(doc.lang)
    if not extra:
        return False
    tokens = doc.tokens
    clause = tokens[match.first].clause
    after = POST_NEGATION_WINDOW if doc.lang == "nl" else 0
    lo, hi = max(0, match.first - 6), min(len(tokens), match.last + 1 + after)
    return any(
        tokens[k].norm in extra and tokens[k].clause == clause
        for k in range(lo, hi)
        if not match.first <= k <= match.last
    )


def _participle(tok: Any) -> bool:
    """Whether a Dutch token looks like a past participle ("voorgesteld", "gemaakt",
    "gebeld"), which closes its main clause: what follows it is a clause of its own."""
    return tok.lemma != tok.norm and "ge" in tok.norm[:-2] and tok.norm.endswith(("d", "t", "en"))


def _not_merely(doc: Doc, match: Match[Any]) -> bool:
    """Whether the nearest negation before the match in its clause is "not just/only"
    ("I didn't just call for help and go back", "niet alleen"): not merely, so more."""
    merely = _not_merely_words(doc.lang)
    tokens = doc.tokens
    clause = tokens[match.first].clause
    for k in range(match.first - 1, max(-1, match.first - 7), -1):
        if tokens[k].clause != clause:
            return False
        if k in doc.negation_cues:
            return k + 1 < len(tokens) and tokens[k + 1].norm in merely
    return False


@functools.cache
def _not_merely_words(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.not_merely)


def _elliptic_condition(doc: Doc, match: Match[Any]) -> bool:
    """Whether every negation cue before the match is an elliptic condition ("and if not I
    touch it up", "zo niet, dan …"): the negation is the condition's, not the action's."""
    tokens = doc.tokens
    clause = tokens[match.first].clause
    cues = [
        k
        for k in range(max(0, match.first - 6), match.last + 1)
        if k in doc.negation_cues and tokens[k].clause == clause
    ]
    return bool(cues) and all(
        k > 0 and tokens[k - 1].norm in general_words(doc.lang, "elliptic_conditions") for k in cues
    )


def _scope_broken(doc: Doc, match: Match[Any]) -> bool:
    """Whether a scope breaker ("waarom", "why") stands between the last negation cue before
    the match and the match: "ik snap niet waarom ze zich zo aanstellen"."""
    breakers = _scope_breakers(doc.lang)
    tokens = doc.tokens
    for k in range(match.first - 1, max(-1, match.first - 8), -1):
        if k in doc.negation_cues:
            return False
        if tokens[k].norm in breakers:
            return any(j in doc.negation_cues for j in range(max(0, k - 4), k))
    return False


@functools.cache
def _scope_breakers(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.scope_breakers)


def _double_negation(doc: Doc, match: Match[Any]) -> bool:
    """ "I never wire it up without testing it", "nooit zonder te meten": two cues before the
    match in its clause, the last of them "without": the action is affirmed."""
    tokens = doc.tokens
    clause = tokens[match.first].clause
    cues = [
        tokens[k].norm
        for k in range(max(0, match.first - 8), match.first)
        if k in doc.negation_cues and tokens[k].clause == clause
    ]
    return len(cues) == 2 and cues[-1] in general_words(doc.lang, "without_words")


def _negation_in_relative(doc: Doc, match: Match[Any]) -> bool:
    """Whether every negation inside the match stands in a relative clause that opens inside
    it, after its first word ("Mensen **die geen** Nederlands spreken zijn een last", "People
    **who can't** speak English are a burden"): the negation describes the people, it does
    not deny what is said of them."""
    tokens = doc.tokens
    relatives = general_words(doc.lang, "relative_pronouns")
    cues = [k for k in range(match.first + 1, match.last + 1) if k in doc.negation_cues]
    if not cues or any(
        k in doc.negation_cues
        for k in range(0, match.first + 1)
        if tokens[k].clause == tokens[match.first].clause
    ):
        return False
    return all(any(tokens[j].norm in relatives for j in range(match.first + 1, k)) for k in cues)


def match_negated(doc: Doc, match: Match[Any]) -> bool:
    """Whether a negation scopes over ``match``. A pattern with its own negation word
    ("niet mijn probleem", "doesn't hurt anyone") states the negated belief: never negated.

    Besides the text layer's scope (a cue before or inside the match, same clause), a Dutch
    cue up to four tokens after the match in the same clause negates it too ("ik meldde het
    niet", "ze luisteren gewoon niet"), except "niet alleen/enkel/zomaar/eens".
    """
    if match.pattern.has_negation:
        return False  # "doesn't hurt anyone", "niet mijn probleem": the negation is the belief
    if _not_merely(doc, match):
        return False  # "I didn't just call for help": not merely that, so more than that
    if (
        doc.is_negated(match.first, match.last, inside=True)
        and not _elliptic_condition(doc, match)
        and not _double_negation(doc, match)
        and not _scope_broken(doc, match)
        and not _negation_in_relative(doc, match)
    ):
        return True
    if _colloquially_negated(doc, match):
        return True
    if doc.lang != "nl":
        return False
    tokens = doc.tokens
    clause = tokens[match.last].clause
    single = _negation_cues(doc.lang).single
    openers = general_words(doc.lang, "post_negation_openers")
    breakers = general_words(doc.lang, "post_negation_breakers")
    complementisers = general_words(doc.lang, "complementisers")
    subjects = general_words(doc.lang, "clause_subjects")
    last_norm = tokens[match.last].norm
    if last_norm in openers or last_norm in breakers:
        return False  # "ik blijf doorgaan tot er niks meer kraakt": the clause after it
    for k in range(match.last + 1, min(match.last + 1 + POST_NEGATION_WINDOW, len(tokens))):
        norm = tokens[k].norm
        if tokens[k].clause != clause or norm in breakers:
            break
        nxt = tokens[k + 1].norm if k + 1 < len(tokens) else ""
        if (norm in complementisers or norm in openers) and nxt in subjects:
            break  # "ik heb eerlijk gezegd dat ik te weinig …": the negation is the clause after
            # ("schuur door tot er geen oneffenheid meer is"; not "tot vrijdag niet")
        if k == match.last + 1 and norm in complementisers and _participle(tokens[match.last]):
            break  # "een model voorgesteld dat niet drukt": a clause after the participle
        if norm in single:  # not "in plaats van": that negates what follows
            after = tokens[k + 1].norm if k + 1 < len(tokens) else ""
            return after not in general_words(doc.lang, "not_a_negation_after")
    return False


def read_signal(doc: Doc, match: Match[tuple[int, bool]], cues: Cues) -> str | None:
    contrary = match.payload[1]
    if contrary and all(doc.tokens[k].quoted for k in range(match.first, match.last + 1)):
        return None  # someone else's words, quoted: not the candidate's belief
    if match.pattern.has_negation and _negation_left_behind(doc, match):
        return None  # "not mine, so I told him": the negation belongs to another clause
    if _echoed_question(doc, match, contrary=contrary):
        return None  # "Samenwerken? Ja, …", "Training?": the question echoed, not an answer
    negated = match_negated(doc, match)
    if not contrary and not negated and _taken_up_and_refused(doc, match, cues):
        return "negated_indicator"  # "Ze bieden een opleidingsbudget. Ik heb het nooit gebruikt"
    if not contrary and not negated and _someone_else_acts(doc, match):
        return None  # "… en dan zoeken ze het zelf maar uit": their action, not the candidate's
    if (
        not contrary
        and not negated
        and not match.pattern.has_negation  # "A job isn't finished when …": a view
        and other_subject(doc, match.first, match.last)
    ):
        return None  # "Mijn ploegmaat had voorgesteld …", "A regular suggested …": theirs
    if not contrary and not negated and _setting(doc, match):
        return None  # "The shop offered to pay for a barista course. I said …": the setting
    if not contrary and not negated and _suggested_by_other(doc, match.first):
        return None  # "A mum suggested we …": her suggestion, not the candidate's idea
    if not contrary and not negated and _asked_of_candidate(doc, match):
        if cues.rejected(doc, match):
            return "negated_indicator"  # "a colleague asked if we could split it. I said no"
        return None  # "ze willen dat we allemaal een training doen": their wish, not a deed
    if not contrary and not negated and cues.planned_only(doc, match):
        return None  # "four of us were supposed to review it together": a plan, not done
    if not contrary and not negated and cues.dismissed(doc, match):
        return None  # "al die bijscholing", "all that syncing up": named to brush it aside
    if not contrary and not negated and cues.nagged(doc, match):
        return None  # "the lads keep going on about training": someone else's topic
    if not contrary and not negated and cues.not_taken(doc, match, counterfactual_only=True):
        return None  # "Admitting it would have meant a whole process": not done
    if not contrary and not negated and cues.restricted(doc, match):
        return None  # "I love feedback, as long as …": accepted only on conditions
    if (
        not contrary
        and not negated
        and not match.pattern.has_negation  # "moet drogen, daar kun je niet omheen"
        and _dislocated_and_negated(doc, match, cues)
    ):
        negated = True  # "Bijleren, dat hoeft voor mij niet", "Training, I don't need it"
    if not contrary and not negated and _subject_denied(doc, match):
        return "negated_indicator"  # "Coming up with new ideas isn't my job"
    if not contrary and not negated and cues.questioned(doc, match):
        negated = True  # "waarom zou ik een cursus doen?": waved away
    if not contrary and not negated and cues.passed_over(doc, match):
        negated = True  # "snelheid is belangrijker dan netjes", "rather … than loop in the team"
    if (
        negated
        and not contrary
        and not match.pattern.has_negation
        and cues.given_up(doc, match, negated=True)
    ):
        return "negated_contrary"  # "Ik dacht vroeger dat je geen fouten moest toegeven"
    if negated and not contrary and cues.disclaimed(doc, match):
        return None  # "I'm not a natural team player … But I sit in on their meeting"
    if negated and not contrary and _purpose_clause(doc, match):
        return None  # "… so it didn't feel like a mountain": the aim of the candidate's act
    if negated and not contrary and _negated_by_pronoun(doc, match):
        return None  # "so nobody in the queue could listen in": others, not the candidate
    if negated and _someone_else_acts(doc, match, people=True):
        return None  # "de weduwnaar kon niet kiezen": someone else's failing, not the candidate's
    if negated and not contrary and _thing_fails(doc, match):
        return None  # "dat de kroon niet op tijd klaar zou zijn": a setback, not a failing
    if contrary and not negated and cues.disclaimed(doc, match, own=True):
        return None  # "Ik ben geen prater, ik schrijf liever. Maar toen ik …": modest
    if contrary and not negated and _done_to_someone(doc, match):
        return None  # "werd uitgelachen", "got laughed at": what happened to someone else
    if contrary and not negated and _conditional_trigger(doc, match):
        return None  # "als ik dat niet haal, app ik de klant": the trigger of a response
    if (
        not contrary
        and not negated
        and (_subject_of_contrary(doc, match, cues) or _taken_up_and_evaluated(doc, match, cues))
        and not cues.accepted(doc, match)
    ):
        return "negated_indicator"  # "Testing the water properly takes ages"
    if contrary and not negated and cues.given_up(doc, match):
        return "negated_contrary"  # "I used to think meetings were a waste of time"
    if contrary and not negated and cues.passed_over(doc, match):
        return "negated_contrary"  # "I'd rather ring them … than have them find out from …"
    if contrary and not negated and cues.overridden(doc, match):
        return "negated_contrary"  # "The customer wouldn't have noticed, but I would have"
    if contrary and not negated and cues.accepted(doc, match):
        return "negated_contrary"  # "kost een uur extra, maar anders hoef je niet te beginnen"
    if contrary and not negated and cues.conceded(doc, match):
        return "negated_contrary"  # "even though nobody ever sees it, I …", "technically …, but"
    if contrary and not negated:
        if cues.rejected(doc, match):
            return "negated_contrary"  # "… kost alleen maar tijd. Dat zie ik anders."
        if _reported_by_other(doc, match.first) or cues.not_taken(doc, match):
            return None  # "mijn chef zei altijd …", "ik kon hem … aansmeren, maar …"
        if _others_act(doc, match) and not cues.complied(doc, match):
            return None  # "the crews kept getting in each other's way. I suggested …"
    if not contrary and not negated and cues.claimed(doc, match):
        if cues.contrasted(doc, match.last):
            return "hollow_self_description"  # "ik ben heel klantgericht hoor, maar …"
        return "self_description"  # "I'm very customer-oriented": a claim, not behaviour
    if not contrary and not negated and _stance_then_contrast(doc, match, cues):
        return "hollow_self_description"  # "I always say my door is open. But on site …"
    signal = (
        ("negated_contrary" if negated else "contrary")
        if contrary
        else ("negated_indicator" if negated else "indicator")
    )
    if signal in ("contrary", "negated_indicator") and _requested_by_other(doc, match.first):
        if signal == "contrary" and cues.complied(doc, match):
            return signal  # "a client asked if I could do it off the books, so I did"
        return None  # "a client asked whether we could leave out …": the other's wish
    return signal


@attrs.frozen
class Cues:
    """Per answer: self-descriptions, rejections and the words that scope them."""

    claims: tuple[Match[str], ...]
    rejections: tuple[Match[str], ...]
    dismissive: tuple[Match[str], ...]
    rhetorical: tuple[Match[str], ...]
    hedged: frozenset[int]  # tokens of fillers ("eerlijk gezegd", "you know"): never evidence
    interjections: frozenset[str]
    contrast: frozenset[str]
    modals: frozenset[str]
    preference: frozenset[str]
    than: frozenset[str]
    concessions: tuple[Match[str], ...] = ()  # "even though", "ook al"
    concession_adverbs: tuple[Match[str], ...] = ()  # "technically", "officieel"
    nagging: tuple[Match[str], ...] = ()  # "keep going on about", "zeuren over"
    restrictions: tuple[Match[str], ...] = ()  # "as long as", "zolang", "yeah, great"
    disclaimers: tuple[Match[str], ...] = ()  # "I'm not a natural", "ik ben niet zo'n"
    counterfactuals: tuple[Match[str], ...] = ()  # "would have been easy", "had gekund"
    acceptances: tuple[Match[str], ...] = ()  # "but it's worth it", "maar dat heb ik ervoor over"
    evaluations: tuple[Match[str], ...] = ()  # "a luxury", "vermoeiend": negative evaluations
    praise: tuple[Match[str], ...] = ()  # "is alles", "goud waard": positive evaluations
    former: tuple[Match[str], ...] = ()  # "I used to think", "ik dacht vroeger": given up
    unfulfilled: tuple[Match[str], ...] = ()  # "were supposed to", "zouden eigenlijk": not done
    compliances: tuple[Match[str], ...] = ()  # "so I did", "dat heb ik gedaan": went along
    # tokens of contrary beliefs (of any value) in the answer: set by the caller
    contrary_tokens: frozenset[int] = frozenset()

    def conceded(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether a contrary belief is conceded before the candidate overrides it: right
        after "even though"/"ook al" with no punctuation and no first-person subject
        between ("I polish the inside too, even though nobody ever sees it"; not "even
        though I don't know the real reason"; a possessive is no such subject: "even if it's
        not my fault"), or after "technically"/"officieel" earlier in its sentence with
        "but"/"maar" after it ("technically it isn't my department, but …")."""
        sent = doc.tokens[match.first].sent
        selves = self_subjects(doc.lang)
        if _included_despite(doc, match):
            return True  # "ook de hoogste octaaf waar bijna niemand op speelt"
        for c in self.concessions:
            if doc.tokens[c.first].sent != sent or not 0 <= match.first - c.last - 1 <= 5:
                continue
            if any(t.norm in selves for t in doc.tokens[c.last + 1 : match.last + 1]):
                continue  # "even though I don't know the real reason": the candidate's own act
            if not any(ch in doc.text[c.end : match.start] for ch in ",.;:!?"):
                return True
        if any(
            doc.tokens[a.first].sent == sent and a.last < match.first
            for a in self.concession_adverbs
        ) and self.contrasted(doc, match.last, same_sentence=True):
            return True
        return self._disowned_then_done(doc, match)

    def _disowned_then_done(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether a remit the candidate disowns with the belief's own negation ("not my
        area at all", "niet mijn wijk"), in a sentence without the candidate as a subject,
        is followed by a contrast and the candidate as the subject right after it, in its
        sentence or opening the next ("… not my area at all. But I stayed on after my
        shift", "Het was niet mijn wijk, maar ik heb …"): the belief conceded, then
        overridden by the candidate's act."""
        tokens = doc.tokens
        if not any(k in doc.negation_cues for k in range(match.first, match.last + 1)):
            return False
        sent = tokens[match.first].sent
        selves = self_subjects(doc.lang)
        first, last = doc.sentences[sent]
        if any(t.norm in selves for t in tokens[first:last]):
            return False  # "I don't think it's my job, but I …": the candidate's own stance
        for k in range(match.last + 1, min(len(tokens) - 1, match.last + 12)):
            tok = tokens[k]
            if tok.sent > sent + 1:
                break
            opens = tok.sent == sent or k - doc.sentences[tok.sent][0] < 1
            if opens and tok.norm in self.contrast and tokens[k + 1].norm in selves:
                return tokens[k + 1].sent == tok.sent
            if tok.sent == sent + 1 and k - doc.sentences[tok.sent][0] >= 1:
                break
        return False

    def given_up(self, doc: Doc, match: Match[Any], *, negated: bool = False) -> bool:
        """Whether a contrary belief is one the candidate held before and gave up: a
        ``former_beliefs`` cue ("I used to think", "ik dacht vroeger", "at first I felt")
        stands before the match in its sentence, at most ``FORMER_REACH`` tokens before it,
        with the candidate as its subject ("I used to think meetings were a waste of
        time"); for a negated value word the reach counts to its negation ("Ik dacht
        vroeger dat je als ambtenaar vooral geen fouten moest toegeven")."""
        sent = doc.tokens[match.first].sent
        selves = self_subjects(doc.lang)
        return any(
            doc.tokens[f.first].sent == sent
            and f.first < match.first
            and (
                match.first - f.last - 1 <= FORMER_REACH
                or (
                    negated
                    and any(
                        k in doc.negation_cues
                        for k in range(f.last + 1, min(match.first, f.last + 2 + FORMER_REACH))
                    )
                )
            )
            # the candidate held it: "I used to think", "vroeger dacht ik" (not "my boss
            # used to think")
            and any(t.norm in selves for t in doc.tokens[max(0, f.first - 1) : f.last + 2])
            for f in self.former
        )

    def complied(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the candidate goes along with someone else's wish or offer right after
        it: a ``compliances`` match later in its sentence or opening the next one, not
        negated ("A customer asked if I could do it off the books, so I did", "Een klant
        wilde het zwart betalen. Ik zei ja, …")."""
        tokens = doc.tokens
        sent = tokens[match.first].sent
        for c in self.compliances:
            if c.first <= match.last or match_negated(doc, c):
                continue
            csent = tokens[c.first].sent
            if csent == sent or (csent == sent + 1 and c.first - doc.sentences[csent][0] <= 2):
                return True
        return False

    def planned_only(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the value word follows an ``unfulfilled`` cue in its clause ("four of us
        were supposed to review the accounts together", "we zouden het eigenlijk samen
        doen"): what was planned, not what the candidate did."""
        tokens = doc.tokens
        clause, sent = tokens[match.first].clause, tokens[match.first].sent
        return any(
            u.last < match.last  # "We zouden het eigenlijk samen …": inside the match too
            and tokens[u.first].sent == sent
            and tokens[u.last].clause == clause
            for u in self.unfulfilled
        )

    def overridden(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the candidate sets themselves against a contrary belief in the same
        sentence: a contrast word right before a first-person subject that ends the sentence
        or clause ("The customer wouldn't have noticed, but I would have", "… maar ik wel")."""
        tokens = doc.tokens
        sent = tokens[match.first].sent
        selves, _ = _persons(doc.lang)
        for k in range(match.last + 1, len(tokens) - 1):
            if tokens[k].sent != sent:
                break
            if tokens[k].norm in self.contrast and tokens[k + 1].norm in selves:
                rest = [t for t in tokens[k + 2 :] if t.sent == sent]
                return len(rest) <= 2
        return False

    def accepted(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether a cost the candidate names is accepted right after it: a contrast word
        and then an acceptance later in the same sentence ("Dat kost soms een uur extra,
        maar anders hoef je er niet aan te beginnen", "it takes ages, but it's worth it")."""
        tokens = doc.tokens
        sent = tokens[match.first].sent
        for a in self.acceptances:
            if tokens[a.first].sent != sent or a.first <= match.last:
                continue
            if any(tokens[k].norm in self.contrast for k in range(match.last + 1, a.first + 1)):
                return True
        return False

    def nagged(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the value word is what someone else keeps going on about ("the lads keep
        going on about training", "ze zeuren steeds over samenwerken"): earlier in the
        sentence a nagging phrase, with no first person before it in its clause."""
        tokens = doc.tokens
        sent = tokens[match.first].sent
        selves, _ = _persons(doc.lang)
        for n in self.nagging:
            if tokens[n.first].sent != sent or n.last >= match.first:
                continue
            clause = tokens[n.first].clause
            start = doc.sentences[sent][0]
            if not any(
                tokens[k].norm in selves and tokens[k].clause == clause
                for k in range(start, n.first)
            ):
                return True
        return False

    def disclaimed(self, doc: Doc, match: Match[Any], *, own: bool = False) -> bool:
        """Whether a negated value word is a modest disclaimer the candidate then overrides:
        "I'm not a natural team player … But I sit in on their meeting", "ik ben niet zo'n
        prater, maar …" (a disclaimer close before it in its clause, then a contrast, or
        ``disclaimer_turns`` opening the next sentence: "Still, when I'd …"). With ``own``,
        a contrary match that starts inside the disclaimer itself ("Ik ben geen
        leidinggevende … Maar toen …", "I'm not a people person … But …") is one too."""
        clause = doc.tokens[match.first].clause
        near = any(
            doc.tokens[d.first].clause == clause
            and (0 <= match.first - d.last - 1 <= 3 or (own and d.first <= match.first <= d.last))
            for d in self.disclaimers
        )
        return near and (self.contrasted(doc, match.last) or _turned(doc, match.last))

    def restricted(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether a restriction or sarcasm follows the value word closely in its sentence
        ("I love feedback, as long as …", "samenwerken prima, zolang …", "Teamwork, yeah,
        great"): a conditional or mock acceptance."""
        sent = doc.tokens[match.last].sent
        return any(
            doc.tokens[r.first].sent == sent and 0 < r.first - match.last <= 2
            for r in self.restrictions
        )

    def claimed(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether ``match`` is what the candidate says they *are* ("ik ben heel …",
        "I'm really …", "I take full ownership", "eerlijkheid staat bij mij voorop"): a
        self-description close before or right after it, in the same clause."""
        clause = doc.tokens[match.first].clause
        return any(
            c.first - CLAIM_BEFORE <= match.first <= c.last + CLAIM_REACH
            and doc.tokens[c.first].clause == clause
            for c in self.claims
        )

    def dismissed(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the value word comes right after a dismissive determiner ("al die
        bijscholing", "dat hele afstemmen", "all that syncing up") or right before a
        dismissive interjection ("nieuwe dingen leren, ach, …", "learning new things, meh")."""
        if any(0 < match.first - d.last <= 2 for d in self.dismissive):
            return True
        tokens = doc.tokens
        sent = tokens[match.last].sent
        return any(
            tokens[k].norm in self.interjections and tokens[k].sent == sent
            for k in range(match.last + 1, min(len(tokens), match.last + 3))
        )

    def questioned(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the value word is in a rhetorical question ("Waarom zou ik een cursus
        doen?", "Why would I do a course?"): earlier in a sentence that ends with "?"."""
        sent = doc.tokens[match.first].sent
        _, end = doc.sentence_span(sent)
        if "?" not in doc.text[doc.tokens[match.last].end : end + 1]:
            return False
        return any(
            doc.tokens[r.first].sent == sent and r.first < match.first for r in self.rhetorical
        )

    def passed_over(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the value word is what the candidate ranks below something else: after
        "dan"/"than" that follows a preference ("liever", "belangrijker", "rather")."""
        tokens = doc.tokens
        sent = tokens[match.first].sent
        for k in range(match.first - 1, max(-1, match.first - 1 - PREFERENCE_REACH), -1):
            if tokens[k].sent != sent:
                return False
            if tokens[k].norm in self.than:
                start = doc.sentences[sent][0]
                return any(t.norm in self.preference for t in tokens[start:k])
        return False

    def contrasted(self, doc: Doc, after: int, *, same_sentence: bool = False) -> bool:
        """Whether a contrast word ("maar", "but") follows token ``after`` in its sentence or
        (unless ``same_sentence``) opens the next sentence ("… hoor. Maar ja, …")."""
        tokens = doc.tokens
        sent = tokens[after].sent
        for k in range(after + 1, len(tokens)):
            tok = tokens[k]
            if tok.sent == sent:
                if tok.norm in self.contrast:
                    return True
                continue
            if same_sentence:
                break
            if tok.sent > sent + 1:
                break
            first = doc.sentences[tok.sent][0]
            if k - first < 2 and tok.norm in self.contrast:
                return True
            if k - first >= 2:
                break
        return False

    def rejected(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the candidate rejects the belief right after stating it: a rejection
        later in the same sentence or in the next one ("Daar ben ik het niet mee eens"), not
        someone else's refusal ("Als iemand weigert te douchen, …")."""
        sent = doc.tokens[match.first].sent
        return any(
            (
                (r.first > match.last and doc.tokens[r.first].sent == sent)
                or doc.tokens[r.first].sent == sent + 1
            )
            and not _someone_else_refuses(doc, r.first)
            for r in self.rejections
        )

    def not_taken(self, doc: Doc, match: Match[Any], *, counterfactual_only: bool = False) -> bool:
        """A contrary act the candidate *could* have done, then a contrast ("ik kon hem een
        duurder contract aansmeren … Maar …", "I could have …, but"), or told as a
        counterfactual ("it would have been easy to quietly relabel it", "admitting it would
        have meant …", up to three tokens after the match): a road not taken. A modal in
        what the candidate says ("ik heb gezegd dat ik er eens over na zou denken, maar …")
        is the brush-off they told, not a road not taken."""
        sent_first = doc.sentences[doc.tokens[match.first].sent][0]
        # the modal may stand inside the belief too: "Nobody would have noticed, but I …"
        before = doc.tokens[sent_first : match.last + 1]
        sent = doc.tokens[match.first].sent
        if any(
            sent_first <= c.first <= match.last + 3 and doc.tokens[c.first].sent == sent
            for c in self.counterfactuals
        ):
            return True  # "It would have been easy to quietly relabel it": not done
        if counterfactual_only:
            return False
        modals = [t.i for t in before if t.norm in self.modals]
        reports = _report_words(doc.lang)[0]
        said = [
            t.i
            for t in before
            if t.i < match.first and t.norm in reports and candidate_acts(doc, t.i)
        ]
        if modals and said and min(modals) > said[0]:
            return False  # "ik zei dat ik er eens over na zou denken": a brush-off told, done
        return bool(modals) and self.contrasted(doc, match.last)


def _someone_else_refuses(doc: Doc, k: int) -> bool:
    """Whether the clause of a rejection at ``k`` has someone else, and not the candidate,
    before it ("Als iemand weigert te douchen", "the driver refused"): their refusal."""
    tokens = doc.tokens
    start = k
    while start > 0 and tokens[start - 1].clause == tokens[k].clause:
        start -= 1
    before = {t.norm for t in tokens[start:k]}
    if before & self_subjects(doc.lang):
        return False
    others = (
        _other_subjects(doc.lang)
        | _other_people(doc.lang)
        | _grammar_words(doc.lang, "other_subject_pronouns")
    )
    return bool(before & others) or other_subject(doc, k, k)


INCLUSIVE_REACH = 4  # tokens from "ook"/"even" to the relative clause it opens


def _included_despite(doc: Doc, match: Match[Any]) -> bool:
    """Whether a contrary match stands in a relative clause whose head follows "ook"/"even"
    closely ("ook de hoogste octaaf waar bijna niemand op speelt", "I sand even the back
    that nobody sees"): what the candidate includes, not a belief they hold."""
    tokens = doc.tokens
    openers = general_words(doc.lang, "relative_openers")
    inclusive = general_words(doc.lang, "inclusive_words")
    sent = tokens[match.first].sent
    first = doc.sentences[sent][0]
    # the relative word: the match's first token or one right before it
    for k in (match.first, match.first - 1):
        if k <= first or tokens[k].norm not in openers:
            continue
        if any(tokens[j].norm in inclusive for j in range(max(first, k - INCLUSIVE_REACH), k)):
            return True
    return False


FORMER_REACH = 6  # tokens between "I used to think" and the belief it gave up
CLAIM_REACH = 4  # tokens between a self-description ("ik ben heel") and the value word
CLAIM_BEFORE = 3  # the value word may open it: "eerlijkheid staat bij mij voorop"
PREFERENCE_REACH = 5  # tokens between "dan"/"than" and the value word ranked below


def tagged_matcher(lang: str, tags: Sequence[tuple[str, str]]) -> Matcher[str]:
    """One matcher over ``[general]`` word lists of the values data, each match carrying its
    list's tag: ``tags`` pairs a field name with the tag its patterns get."""
    data = lexicon(lang).general
    where = f"talentfit/data/values/{lang}.toml"
    return Matcher(
        [(p, tag) for field, tag in tags for p in compile_all(getattr(data, field), lang, where)]
    )


_CUE_TAGS = (
    ("claims", "claim"),
    ("rejections", "rejection"),
    ("dismissive", "dismissive"),
    ("hedges", "hedge"),
    ("rhetorical", "rhetorical"),
    ("concessives", "concession"),
    ("concession_adverbs", "concession_adverb"),
    ("nagging", "nagging"),
    ("restrictions", "restriction"),
    ("sarcasm", "restriction"),
    ("disclaimers", "disclaimer"),
    ("counterfactuals", "counterfactual"),
    ("acceptances", "acceptance"),
    ("evaluations", "evaluation"),
    ("praise", "praise"),
    ("former_beliefs", "former"),
    ("unfulfilled", "unfulfilled"),
    ("compliances", "compliance"),
)


@functools.cache
def _cue_matcher(lang: str) -> Matcher[str]:
    return tagged_matcher(lang, _CUE_TAGS)


def _aside(doc: Doc, match: Match[Any]) -> bool:
    """Whether a filler stands apart: it opens its clause or a comma closes it ("Eerlijk
    gezegd vind ik …", "…, to be honest,"), or (where the language lists blockers) no
    auxiliary or saying verb precedes it in its clause — unlike "ik heb het eerlijk gezegd"."""
    tokens = doc.tokens
    first = tokens[match.first]
    opens = match.first == 0 or tokens[match.first - 1].clause != first.clause
    closed = doc.text[match.end : match.end + 1] in (",", ";", ":", ".")
    if opens or closed:
        return True
    blockers = _hedge_blockers(doc.lang)
    if not blockers:
        return False
    before = [t for t in tokens[max(0, match.first - 8) : match.first] if t.clause == first.clause]
    return not any(t.norm in blockers for t in before)  # "dat is eerlijk gezegd van later zorg"


@functools.cache
def _hedge_blockers(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.hedge_blockers)


def read_cues(doc: Doc) -> Cues:
    data = lexicon(doc.lang).general
    found = _cue_matcher(doc.lang).find(doc)
    return Cues(
        claims=tuple(m for m in found if m.payload == "claim"),
        rejections=tuple(m for m in found if m.payload == "rejection"),
        dismissive=tuple(m for m in found if m.payload == "dismissive"),
        rhetorical=tuple(m for m in found if m.payload == "rhetorical"),
        concessions=tuple(m for m in found if m.payload == "concession"),
        concession_adverbs=tuple(m for m in found if m.payload == "concession_adverb"),
        nagging=tuple(m for m in found if m.payload == "nagging"),
        restrictions=tuple(m for m in found if m.payload == "restriction"),
        disclaimers=tuple(m for m in found if m.payload == "disclaimer"),
        counterfactuals=tuple(m for m in found if m.payload == "counterfactual"),
        acceptances=tuple(m for m in found if m.payload == "acceptance"),
        evaluations=tuple(m for m in found if m.payload == "evaluation"),
        praise=tuple(m for m in found if m.payload == "praise"),
        former=tuple(m for m in found if m.payload == "former"),
        unfulfilled=tuple(m for m in found if m.payload == "unfulfilled"),
        compliances=tuple(m for m in found if m.payload == "compliance"),
        hedged=frozenset(
            k
            for m in found
            if m.payload == "hedge" and _aside(doc, m)
            for k in range(m.first, m.last + 1)
        ),
        contrast=frozenset(fold(w) for w in data.contrast_words),
        modals=frozenset(fold(w) for w in data.modal_words),
        preference=frozenset(fold(w) for w in data.preference_words),
        interjections=frozenset(fold(w) for w in data.interjections),
        than=frozenset(fold(w) for w in data.than_words),
    )


DISLOCATION_REACH = 3  # a value word this close to the start of its sentence may be fronted


def _dislocated_and_negated(doc: Doc, match: Match[Any], cues: Cues | None = None) -> bool:
    """Whether the value word is fronted as a topic ("Bijleren of doorgroeien, dat hoeft
    niet", "Learning more, none of that's for me", "Training, I don't need it"): it opens a
    first clause without the candidate in it that ends in a comma, and the next clause picks
    it up with a resumptive word and is negated or states a contrary belief ("Ideas for
    improving stuff, that's management's job", "Overleggen, dat kost alleen maar tijd")."""
    tokens = doc.tokens
    first, last = doc.sentences[tokens[match.first].sent]
    if match.first - first > DISLOCATION_REACH:
        return False
    topic = tokens[match.first].clause
    ends = [k for k in range(match.first, last) if tokens[k].clause == topic]
    end = ends[-1]
    if end + 1 >= last or doc.text[tokens[end].end : tokens[end + 1].start].strip() != ",":
        return False
    selves, _ = _persons(doc.lang)
    if any(tokens[k].norm in selves for k in range(first, end + 1)):
        return False  # "Toen ik doorvroeg, …": a story, not a topic
    resumptive = _resumptive(doc.lang)
    pick = end + 1  # "Uitzoeken wat er mis was, ach, dat kost uren": past an interjection
    interjections = cues.interjections if cues is not None else frozenset()
    while pick + 1 < last and tokens[pick].norm in interjections:
        pick += 1
    if tokens[pick].norm not in resumptive:
        return False
    end = pick - 1
    clause = tokens[pick].clause
    contrary = cues.contrary_tokens if cues is not None else frozenset()
    return any(
        k in doc.negation_cues or tokens[k].norm in _extra_negations(doc.lang) or k in contrary
        for k in range(end + 1, last)
        if tokens[k].clause == clause
    )


COPULA_REACH = 5  # tokens from the value word to the verb that denies it


def _subject_denied(doc: Doc, match: Match[Any]) -> bool:
    """Whether the value word opens its sentence as the subject of a denied copula: "Coming
    up with new ideas isn't my job", "Working with others is not really my thing",
    "Samenwerken is niet mijn ding". The candidate is not named before the verb."""
    tokens = doc.tokens
    first, last = doc.sentences[tokens[match.first].sent]
    if match.first - first > DISLOCATION_REACH:
        return False
    clause = tokens[match.first].clause
    selves, _ = _persons(doc.lang)
    copulas = _copulas(doc.lang)
    for k in range(match.last + 1, min(last, match.last + 1 + COPULA_REACH)):
        tok = tokens[k]
        if tok.clause != clause or tok.norm in selves:
            return False
        if tok.norm in copulas:
            return _denied_as_mine(doc, k, last)
    return False


def _denied_as_mine(doc: Doc, copula: int, last: int) -> bool:
    """A negation at the copula followed closely by "my …"/"for me" ("isn't my job", "is not
    really my thing", "is niet echt mijn ding"); "is not easy" and "is never boring for me"
    judge the thing, they do not reject it."""
    tokens = doc.tokens
    mine, softeners = _mine_words(doc.lang)
    negation = [j for j in range(copula, min(last, copula + 2)) if j in doc.negation_cues]
    if not negation:
        return False
    k = negation[0] + 1
    while k < last and tokens[k].norm in softeners:
        k += 1
    return k < last and tokens[k].norm in mine


@functools.cache
def _copulas(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.copulas)


@functools.cache
def _mine_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    general = lexicon(lang).general
    return frozenset(fold(w) for w in general.mine), frozenset(fold(w) for w in general.softeners)


@functools.cache
def _resumptive(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.resumptive)


def _negation_left_behind(doc: Doc, match: Match[Any]) -> bool:
    """Whether a pattern's own negation lies only in an earlier clause than the match's end
    ("not mine, so I told him"), unlike "te laat, maar dat maakt niet uit". An
    organisation's own phrase is meant as written: "als niemand het merkt, waarom zou je er
    dan een punt van maken" keeps the negation of its first clause."""
    if match.pattern.literal:
        return False
    tokens = doc.tokens
    end_clause = tokens[match.last].clause
    span = range(match.first, match.last + 1)
    cues = [k for k in span if k in doc.negation_cues]
    if not cues or any(tokens[k].clause == end_clause for k in cues):
        return False
    # "als niemand het ziet, … toch": the pattern's own words go on in the negation's clause,
    # so the clauses belong to one belief; "not mine, so I told him": only the negation there
    words = _pattern_words(match.pattern)
    clauses = {tokens[k].clause for k in cues}
    return not any(
        tokens[k].clause in clauses
        and k not in doc.negation_cues
        and (tokens[k].norm in words or tokens[k].lemma in words)
        for k in span
    )


@functools.lru_cache(maxsize=4096)
def _pattern_words(pattern: Any) -> frozenset[str]:
    """The words a pattern's word steps accept (in any alternative)."""
    return frozenset(
        value for alt in pattern.alternatives for step in alt if step.kind == "word"
        for value in step.values
    )  # fmt: skip


ECHO_LENGTH = 4  # a question this short, a value word in it, echoes the interviewer
ECHO_LENGTH_IMPERSONAL = 7  # … or this short without the candidate in it: "Een cursus Engels?"


def _echoed_question(doc: Doc, match: Match[Any], *, contrary: bool = False) -> bool:
    """Whether the match is in a very short question ("Verbeteringen voorstellen?",
    "Training?", or up to seven words without the candidate: "Een cursus Engels voor de
    toeristen?", a value word, not a belief: "why make a fuss?" is one): the candidate
    repeating the topic, not evidence either way."""
    sent = doc.tokens[match.first].sent
    first, last = doc.sentences[sent]
    selves, _ = _persons(doc.lang)
    impersonal = not contrary and not any(doc.tokens[k].norm in selves for k in range(first, last))
    if last - first > (ECHO_LENGTH_IMPERSONAL if impersonal else ECHO_LENGTH):
        return False
    _, end = doc.sentence_span(sent)
    return doc.text[end : end + 1] == "?" or doc.text[end - 1 : end] == "?"


@functools.cache
def _persons(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    grammar = language_data(lang).grammar
    selves = frozenset(grammar.first_singular) | frozenset(grammar.first_plural)
    return selves, frozenset(grammar.third_person_subjects)


@functools.cache
def _grammar_words(lang: str, field: str) -> frozenset[str]:
    """A word list of the language's ``[grammar]`` data (``talentfit/data/lang``), folded."""
    return frozenset(fold(w) for w in getattr(language_data(lang).grammar, field))


@functools.cache
def self_subjects(lang: str) -> frozenset[str]:
    """The candidate's subject forms (ik, we, I, we'd …; not "me", "my"): the language data's
    ``self_subjects`` and the values data's."""
    return _grammar_words(lang, "self_subjects") | general_words(lang, "self_subjects")


def _inflected_verb(doc: Doc, k: int) -> bool:
    """Whether token ``k`` looks like a finite or participle verb form: a past form or
    auxiliary of the language data, or a word whose lemma differs from it ("stelden",
    "suggested", "voorgesteld"), not a bare noun ("a quick call")."""
    tok = doc.tokens[k]
    if tok.norm in _copulas(doc.lang) or tok.lemma in _copulas(doc.lang):
        return False  # "A job isn't finished": a view of a thing, not someone's act
    return _is_finite_past(tok.norm, tok.lemma, _speech(doc.lang)) or (
        tok.lemma != tok.norm and tok.norm not in _other_people(doc.lang)
    )


def _self_before(doc: Doc, k: int) -> bool:
    """Whether a subject form of the candidate stands earlier in the sentence of token
    ``k`` ("I said the studio had sent a faulty copy": the candidate's claim)."""
    selves = self_subjects(doc.lang)
    tokens = doc.tokens
    first = doc.sentences[tokens[k].sent][0]
    start = k
    while start > first and tokens[start - 1].clause == tokens[k].clause:
        start -= 1
    if start > first and tokens[start].norm in general_words(doc.lang, "links"):
        # "We had a lad on work experience … and the others kept talking over him": a new
        # clause with its own subject; only a report ("I said …") still makes it a claim
        reports, _ = _report_words(doc.lang)
        return any(
            t.norm in selves and any(u.norm in reports for u in tokens[j + 1 : j + 4])
            for j, t in enumerate(tokens[first:start], first)
        )
    return any(t.norm in selves for t in tokens[first:k])


def _others_act(doc: Doc, match: Match[Any]) -> bool:
    """Whether a contrary match is what someone else did or had, told as the setting of the
    candidate's story: another person is the clause's subject (:func:`other_subject`), the
    match holds a verb form ("kept getting in each other's way", "were complaining", "die
    klaagden") or is a noun phrase after a verb of theirs ("ze werkte met **een koptelefoon
    op**"; not a judgement of them: "he was being dramatic"), the clause is in the past,
    the candidate is not named before it in the sentence ("I said the studio had sent …")
    and acts after it in the answer (unlike an outcome: "… ze belde zelf maar")."""
    if not other_subject(doc, match.first, match.last, persons_only=True):
        return False
    acts = any(_inflected_verb(doc, k) for k in range(match.first, match.last + 1))
    if not acts and match.first > 0:
        before = doc.tokens[match.first - 1].norm
        opens = general_words(doc.lang, "determiners") | general_words(
            doc.lang, "subject_determiners"
        )
        acts = before in opens and any(
            _inflected_verb(doc, k)
            for k in range(_clause_bounds(doc, match.first, match.first)[0], match.first)
        )
    return (
        acts
        and _past_clause(doc, match)
        and not _self_before(doc, match.first)
        and _self_after(doc, match.last)
    )


def _clause_bounds(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """The clause of tokens ``first..last`` within its sentence: its first token and the
    token after its end."""
    tokens = doc.tokens
    clause, sent = tokens[first].clause, tokens[first].sent
    start = first
    while start > 0 and tokens[start - 1].clause == clause and tokens[start - 1].sent == sent:
        start -= 1
    end = last + 1
    while end < len(tokens) and tokens[end].clause == clause and tokens[end].sent == sent:
        end += 1
    return start, end


def _self_after(doc: Doc, k: int) -> bool:
    """Whether a subject form of the candidate follows token ``k`` in the answer, in a later
    clause: the candidate acts after what someone else did (the story's setting), unlike an
    outcome that ends the answer ("… ze belde zelf maar")."""
    selves = self_subjects(doc.lang)
    clause = doc.tokens[k].clause
    return any(t.norm in selves and t.clause != clause for t in doc.tokens[k + 1 :])


def _past_clause(doc: Doc, match: Match[Any]) -> bool:
    """Whether the clause of ``match`` has a past-tense verb up to the match's end (a told
    event, not a view: "They can't prove it was already there" is a view)."""
    tokens = doc.tokens
    clause, sent = tokens[match.first].clause, tokens[match.first].sent
    grammar = language_data(doc.lang).grammar
    forms = frozenset(grammar.past_forms)
    auxiliaries = frozenset(grammar.perfect_auxiliaries)
    suffixes = tuple(grammar.past_suffixes)
    words = [t for t in tokens[: match.last + 1] if t.clause == clause and t.sent == sent]
    for j, t in enumerate(words):
        if t.norm in forms or (
            len(t.norm) > 3
            and t.norm.endswith(suffixes)
            and t.lemma != t.norm
            and (doc.lang != "nl" or t.lemma.endswith("en"))  # "klaagden", not "klanten"
        ):
            return True
        if t.norm in auxiliaries and any(
            w.lemma != w.norm and w.norm.endswith((*suffixes, "d", "t", "en"))
            for w in words[j + 1 :]
        ):
            return True  # "ze hebben geklaagd", "they have complained"
    return False


@functools.cache
def _self_agents(lang: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(p).split()) for p in lexicon(lang).general.self_agents)


def other_subject(doc: Doc, first: int, last: int, *, persons_only: bool = False) -> bool:
    """Whether the clause of tokens ``first..last`` has someone else as its subject.

    One rule, fed by the grammar lists of ``talentfit/data/lang`` (``self_subjects``,
    ``other_subject_pronouns``, ``third_parties``) and the values data (``other_people``,
    ``other_subjects``, ``subject_determiners``): no subject form of the candidate (ik, we,
    I, we'd …; "me"/"my"/"mijn" are no subject) in the clause up to the match, nor an
    inverted "ik"/"I" right after it, nor "me"/"mij" in the match ("count on me"), and the
    clause opens (past "and"/"en") with a third-person pronoun ("ze klaagden"), a person
    noun, a determiner or possessive and a person noun close after it ("mijn ploegmaat had
    voorgesteld": a possessive does not make the candidate the subject; "passengers who were
    complaining"), or — unless ``persons_only`` — a noun phrase opened by a determiner when
    the match opens with a verb form ("een paar kooplui stelden voor", "a regular
    suggested"). "me and the lads sort it" is the candidate's."""
    tokens = doc.tokens
    clause = tokens[first].clause
    start, end = _clause_bounds(doc, first, last)
    selves = self_subjects(doc.lang)
    objects = general_words(doc.lang, "object_self")
    if any(t.norm in selves for t in tokens[start : last + 1]):
        return False
    if any(t.norm in objects for t in tokens[first : last + 1]):
        return False  # "Parents count on me": the pattern is about the candidate
    agents = _self_agents(doc.lang)
    if any(tuple(doc.norms[k : k + 2]) in agents for k in range(start, end - 1)):
        return False  # "everyone gets the same welcome from me": the candidate gives it
    after = last + 1
    inverted = general_words(doc.lang, "inverted_self")
    if after < len(tokens) and tokens[after].clause == clause and tokens[after].norm in inverted:
        return False  # "… belde ik terug": the candidate, inverted ("suggested we …" is not)
    links = general_words(doc.lang, "links")
    if start > 0 and tokens[start].norm in links and tokens[start - 1].norm in selves | objects:
        return False  # "me and the lads sort it", "ik en mijn collega": the candidate too
    lead = [t for t in tokens[start:first] if t.norm not in links]
    if not lead or lead[0].norm in objects:
        return False  # "… and rang her back": carried over; "me and the lads": the candidate
    pronouns = _grammar_words(doc.lang, "other_subject_pronouns")
    people = _grammar_words(doc.lang, "third_parties") | _other_people(doc.lang)

    def person(t: Any) -> bool:
        return t.norm in people or t.lemma in people

    head = lead[0]
    if head.norm in pronouns or head.norm in _other_subjects(doc.lang) or person(head):
        return True
    if head.norm not in general_words(doc.lang, "subject_determiners"):
        return False
    if any(person(t) for t in lead[1:4]):
        return True  # "een oudere mevrouw", "my colleague", "the other volunteers"
    return not persons_only and len(lead) >= 2 and _inflected_verb(doc, first)


_CLAUSE_REACH = 40  # tokens either side of a match that are read as its clause


def _someone_else_acts(doc: Doc, match: Match[Any], *, people: bool = False) -> bool:
    """Whether the clause of an indicator has another person as subject and no first person
    ("en dan zoeken ze het zelf maar uit"): the behaviour is not the candidate's. With
    ``people``, person nouns count as another person too ("een weduwnaar kon niet kiezen")."""
    selves, others = _persons(doc.lang)
    if people:  # "mijn collega hielp niet": a possessive does not make it the candidate
        selves = _report_words(doc.lang)[1]
        others = others | _other_people(doc.lang)
    tokens = doc.tokens
    clause = tokens[match.first].clause
    sent_first, sent_last = doc.sentences[tokens[match.first].sent]
    # the clause around the match (a run-on clause is read within _CLAUSE_REACH tokens)
    lo = max(sent_first, match.first - _CLAUSE_REACH)
    hi = min(sent_last, match.last + 1 + _CLAUSE_REACH)
    words = [t for t in tokens[lo:hi] if t.clause == clause]
    lead = [
        t
        for t in words
        if t.i <= match.last and t.norm not in general_words(doc.lang, "determiners")
    ]
    if (
        lead
        and lead[0].i == match.first
        and match.last > match.first
        and lead[0].norm in _other_people(doc.lang)
        and not any(t.norm in selves for t in lead)
    ):
        return True  # "Mijn collega van de lift vroeg of ik …": the colleague asks
    if any(t.norm in selves for t in words):
        return False
    if not people and all(
        t.norm in general_words(doc.lang, "links") for t in words if t.i < match.first
    ):
        return False  # "ik ben gebleven, gevraagd of hij …": the subject is carried over
    if any(t.norm in others or t.lemma in others for t in words):
        return True
    # "People ring back asking …", "when someone suggests …": a subject before the match
    subjects = _other_subjects(doc.lang)
    if any(t.norm in subjects for t in words if t.i < match.first):
        return True
    # "Beginners ask a million questions": a person noun opens the clause, before the match
    before = [
        t
        for t in words
        if t.i < match.first and t.norm not in general_words(doc.lang, "determiners")
    ]
    return bool(before) and before[0].norm in _other_people(doc.lang)


def _setting(doc: Doc, match: Match[Any]) -> bool:
    """Whether an indicator stands in a told sentence without the candidate, before the
    candidate acts ("The shop offered to pay for a barista course. I've been making coffee
    for years, so I said …", "Er kwam een nieuwe app, met een cursus. Ik heb gezegd …"):
    what happened around them, not their act. A sentence in the past (a clause with a past
    form up to the match), naming neither the candidate nor "we", with a later sentence
    that has the candidate as a subject."""
    if candidate_in_sentence(doc, match):
        return False
    sent_first, sent_end = doc.sentences[doc.tokens[match.first].sent]
    opening = match._replace(first=sent_first)  # "Er kwam een app, met een cursus": its verb
    if not (_past_clause(doc, match) or _past_clause(doc, opening)):
        return False
    selves = self_subjects(doc.lang)
    return any(t.norm in selves for t in doc.tokens[sent_end:])


def _thing_fails(doc: Doc, match: Match[Any]) -> bool:
    """Whether a negated indicator is said of a thing: its clause opens (past "and", "that")
    with a noun phrase ("de kroon", "the parts") and names neither the candidate (as
    subject, object or owner) nor another person ("dat de kroon niet op tijd klaar zou zijn",
    "the parts weren't on time"): a setback in the story, not the candidate's failing."""
    tokens = doc.tokens
    start, end = _clause_bounds(doc, match.first, match.last)
    words = tokens[start:end]
    mine = _report_words(doc.lang)[1] | general_words(doc.lang, "object_self")
    mine |= general_words(doc.lang, "self_words")
    people = _grammar_words(doc.lang, "third_parties") | _other_people(doc.lang)
    pronouns = _grammar_words(doc.lang, "other_subject_pronouns")
    if any(
        t.norm in mine or t.norm in people or t.lemma in people or t.norm in pronouns for t in words
    ):
        return False
    complementisers = general_words(doc.lang, "complementisers")
    skip = general_words(doc.lang, "links") | complementisers
    for k in range(match.first - 1, start - 1, -1):
        if tokens[k].norm in complementisers:
            start = k + 1  # "bleek dat de kroon niet …": the clause after "dat"
            break
    lead = [t for t in tokens[start : match.first] if t.norm not in skip]
    return (
        3 <= len(lead) <= _THING_LEAD
        and lead[0].norm in general_words(doc.lang, "thing_determiners")
        and lead[1].norm not in general_words(doc.lang, "subject_determiners")
        # "de kroon niet", "the parts weren't"
        and any(t.i in doc.negation_cues for t in lead[2:])
    )


_THING_LEAD = 6  # tokens before the match: the noun phrase, a verb, a negation, an adverb


def _done_to_someone(doc: Doc, match: Match[Any]) -> bool:
    """Whether a contrary act is told in the passive about someone other than the candidate
    ("een meisje werd uitgelachen", "she got laughed at"), with no "ik"/"I" in the clause."""
    from .evidence import _is_passive  # the scoring engine's passive test (lazy: import cycle)

    if not _is_passive(doc, match.first, match.last):
        return False
    # the candidate as subject or as object ("it's wasted on me")
    selves = _report_words(doc.lang)[1] | general_words(doc.lang, "object_self")
    clause = doc.tokens[match.first].clause
    return not any(t.norm in selves for t in doc.tokens if t.clause == clause)


@functools.cache
def _other_subjects(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.other_subjects)


@functools.cache
def _other_people(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.other_people)


def _purpose_clause(doc: Doc, match: Match[Any]) -> bool:
    """Whether the match stands in a clause opened by "so"/"zodat" without the candidate in
    it ("we opened them together, so it didn't feel like a mountain", "zodat hij zich niet
    afgescheept voelde"): what the candidate's act was for, not a failing of theirs."""
    tokens = doc.tokens
    clause = tokens[match.first].clause
    j = match.first
    while j > 0 and tokens[j - 1].clause == clause:
        j -= 1
    if tokens[j].norm not in general_words(doc.lang, "purpose_words"):
        return False
    selves, _ = _persons(doc.lang)
    k = j
    while k < len(tokens) and tokens[k].clause == clause:
        if tokens[k].norm in selves:
            return False
        k += 1
    return True


def _negated_by_pronoun(doc: Doc, match: Match[Any]) -> bool:
    """Whether the negation before an indicator is a negative pronoun as its subject
    ("niemand luisterde mee", "nobody could listen in"): about others, not the candidate."""
    tokens = doc.tokens
    clause = tokens[match.first].clause
    selves, _ = _persons(doc.lang)
    for k in range(match.first - 1, max(-1, match.first - 7), -1):
        if tokens[k].clause != clause:
            return False
        if k in doc.negation_cues:
            if tokens[k].norm not in general_words(doc.lang, "negative_pronouns"):
                return False
            # "ik heb daar niets van geleerd": the pronoun is the object, the candidate acts
            start = k
            while start > 0 and tokens[start - 1].clause == clause:
                start -= 1
            return not any(tokens[j].norm in selves for j in range(start, k))
    return False


def _requested_by_other(doc: Doc, first: int, *, carried: bool = False) -> bool:
    """Whether someone other than the candidate asks or wants what follows, earlier in the
    same sentence ("een klant vroeg of…", "a seller wanted me not to…"). With ``carried``,
    a request word in a row of the candidate's own acts is theirs ("I checked …, asked him
    to see her"); a contrary belief after it stays what they asked others to watch for
    ("asked them to tell me if I slipped")."""
    requests, _ = _request_words(doc.lang)
    reports, subjects = _report_words(doc.lang)
    tokens = doc.tokens
    sent_first = doc.sentences[tokens[first].sent][0]
    inverted = first + 1 < len(tokens) and tokens[first + 1].norm in general_words(
        doc.lang, "inverted_self"
    )
    if tokens[first].norm in reports and inverted:
        return False  # "Als de baas vraagt …, zeg ik dat het vast …": the candidate's reply
    for k in range(first - 1, sent_first - 1, -1):
        if tokens[k].norm in reports and (
            (k > sent_first and tokens[k - 1].norm in subjects)
            or (k + 1 < first and tokens[k + 1].norm in general_words(doc.lang, "inverted_self"))
        ):
            return False  # "He asked if I had ideas; I said that's not …": the candidate's reply
        if tokens[k].norm in requests:
            told = _is_finite_past(tokens[k].norm, tokens[k].lemma, _speech(doc.lang))
            if (
                _in_condition(doc, k)
                and tokens[k].clause != tokens[first].clause
                and not told  # "When my boss asked us to come up with ideas, …": an event
            ):
                return False  # "If they want it without onions, they can …": the candidate's
            complementisers = general_words(doc.lang, "complementisers")
            if any(
                tokens[j].norm in general_words(doc.lang, "first_singular")
                and tokens[j].clause != tokens[k].clause
                and tokens[j - 1].norm not in complementisers  # "wilde dat ik …": the wish
                for j in range(k + 1, first)
            ):
                return False  # "She asked me to cover, so I put my earbuds in": their reply
            before = tokens[max(sent_first, k - 2) : k]
            # a subject form makes it the candidate's own wish ("ik wilde", "we wanted"); a
            # possessive does not ("mijn leidinggevende wilde", "my boss asked us to")
            if any(t.norm in self_subjects(doc.lang) for t in before):
                return False
            # "I checked which dentist had a gap, asked him to see her": a row of own acts
            return not (carried and _carried_self_subject(doc, sent_first, k))
    return False


def _asked_of_candidate(doc: Doc, match: Match[Any]) -> bool:
    """Whether someone else asks for the value word's act: a request word before it in its
    sentence (``_requested_by_other``) or in the match itself after someone else ("a
    colleague asked if we could split it")."""
    if _requested_by_other(doc, match.first, carried=True):
        return True
    requests, selves = _request_words(doc.lang)
    tokens = doc.tokens
    return any(
        tokens[k].norm in requests
        and k > match.first
        and not any(t.norm in selves for t in tokens[match.first : k])
        for k in range(match.first, match.last + 1)
    )


def _suggested_by_other(doc: Doc, first: int) -> bool:
    """Whether the match itself opens with a request word ("suggested", "stelde voor")
    without the candidate right before it ("A mum suggested we …"): someone else's idea."""
    requests, _ = _request_words(doc.lang)
    tokens = doc.tokens
    sent_first = doc.sentences[tokens[first].sent][0]
    if tokens[first].norm not in requests or first == sent_first:
        return False
    # "My colleague suggested we …": a possessive is not the candidate as the subject
    selves = self_subjects(doc.lang)
    return not any(t.norm in selves for t in tokens[max(sent_first, first - 2) : first])


@functools.cache
def _request_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    data = lexicon(lang).general
    return frozenset(fold(w) for w in data.request_words), frozenset(
        fold(w) for w in data.self_words
    )


@functools.cache
def _report_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    data = lexicon(lang).general
    return frozenset(fold(w) for w in data.report_words), frozenset(
        fold(w) for w in data.self_subjects
    )


def _reported_by_other(doc: Doc, first: int) -> bool:
    """Whether the sentence reports someone else's view before ``first`` ("mijn chef zei
    altijd dat …", "my old colleague always said …"): their belief, not the candidate's."""
    reports, selves = _report_words(doc.lang)
    sent_first = doc.sentences[doc.tokens[first].sent][0]
    for k in range(first - 1, sent_first - 1, -1):
        if doc.tokens[k].norm in reports:
            before = doc.tokens[max(sent_first, k - 2) : k]  # "ik zei", "I said"
            inverted = k + 1 < first and doc.tokens[k + 1].norm in general_words(
                doc.lang, "inverted_self"
            )  # "zei ik"
            if _in_condition(doc, k) and doc.tokens[k].clause != doc.tokens[first].clause:
                return False  # "If a customer says we missed one, well, that's not mine"
            if any(
                doc.tokens[j].norm in general_words(doc.lang, "first_singular")
                and doc.tokens[j].clause != doc.tokens[k].clause
                for j in range(k + 1, first)
            ):
                return False  # "The warehouse never tells me, so I've stopped asking"
            if inverted or any(t.norm in selves for t in before):
                return False
            generic = general_words(doc.lang, "second_person")
            if (k > sent_first and doc.tokens[k - 1].norm in generic) or (
                k + 1 < first and doc.tokens[k + 1].norm in generic
            ):
                return False  # "je roept wat ze moeten doen": the generic "you" is the candidate
            return not _carried_self_subject(doc, sent_first, k)
    return False


def _carried_self_subject(doc: Doc, sent_first: int, k: int) -> bool:
    """Whether the nearest subject before the verb at ``k`` in its sentence is the candidate
    ("I handed her the form, said it was all on our website"): a verb in a row of the
    candidate's own acts, not someone else's report."""
    _, others = _persons(doc.lang)
    selves = _report_words(doc.lang)[1]  # subject forms only: "me", "my" are no subject
    people = _other_people(doc.lang) | _other_subjects(doc.lang)
    subordinators = general_words(doc.lang, "subordinators")
    for j in range(k - 1, sent_first - 1, -1):
        norm = doc.tokens[j].norm
        if norm in others or norm in people:
            if any(doc.tokens[i].norm in subordinators for i in range(max(sent_first, j - 3), j)):
                continue  # "I got it back in before the owner came home and told her …"
            return False
        if norm in selves:
            return True
    return False


def _conditional_trigger(doc: Doc, match: Match[Any]) -> bool:
    """Whether a contrary match stands in an if/als clause and the clause after it has the
    candidate as subject ("als ik dat niet haal, app ik de klant …"): a contingency the
    candidate answers, not a belief. "Als het langer duurt, dan duurt het langer" still
    counts (no first person after it)."""
    tokens = doc.tokens
    if not _in_condition(doc, match.first):
        return False
    clause = tokens[match.last].clause
    _, last = doc.sentences[tokens[match.first].sent]
    after = [t for t in tokens[match.last + 1 : last] if t.clause != clause]
    if not after:
        return False
    nxt = after[0].clause
    selves = _report_words(doc.lang)[1]
    return any(t.norm in selves for t in after if t.clause == nxt)


SUBJECT_REACH = 6  # tokens from a sentence-opening value word to a contrary predicate
EVALUATION_EXTRA_REACH = 2  # … and further to a negative evaluation ("brings … a headache")


def _opinion_at(doc: Doc, k: int, opinions: frozenset[str]) -> bool:
    """Whether the candidate's subject form at ``k`` goes with an opinion verb, inverted
    ("… vind ik lastig") or after it ("Meetings I find exhausting")."""
    tokens = doc.tokens
    return tokens[k - 1].norm in opinions or (
        k + 1 < len(tokens) and tokens[k + 1].norm in opinions
    )


def _predicate_tokens(
    doc: Doc, match: Match[Any], reach: int, selves: frozenset[str]
) -> Iterator[int]:
    """The tokens after a sentence-opening topic, up to ``reach`` of them, in its clause
    and before the candidate as a subject (one of ``selves``): where what is said of the
    topic stands. The candidate's own opinion verb is passed over ("Feedback krijgen vind
    ik lastig", "Meetings I find exhausting")."""
    tokens = doc.tokens
    clause = tokens[match.first].clause
    opinions = general_words(doc.lang, "opinion_verbs")
    for k in range(match.last + 1, min(len(tokens), match.last + 1 + reach)):
        if tokens[k].norm in selves and _opinion_at(doc, k, opinions):
            continue
        if tokens[k].clause != clause or tokens[k].norm in selves:
            return
        yield k


def _subject_of_contrary(doc: Doc, match: Match[Any], cues: Cues) -> bool:
    """Whether the value word is the sentence's first word and a contrary belief follows in
    its clause, without the candidate in between: it is the subject of that belief ("Testing
    the water properly takes ages", "Samenwerken kost alleen maar tijd"). A negative
    evaluation counts as such a belief ("Finishing touches are a luxury", "Teamoverleg is
    meestal een hoop gepraat"), and a demonstrative or gerund may open the sentence before
    the value word ("Die trainingen zijn vooral een dagje uit", "Taking initiative here just
    gives you a headache")."""
    tokens = doc.tokens
    first, _ = doc.sentences[tokens[match.first].sent]
    evaluated = frozenset(k for m in cues.evaluations for k in range(m.first, m.last + 1))
    opens = match.first == first or (bool(evaluated) and _opens_sentence(doc, match))
    if not opens or match.pattern.has_negation or not (cues.contrary_tokens or evaluated):
        return False  # "That coordination saved …" refers back; it is not a topic
    selves, _ = _persons(doc.lang)
    reach = SUBJECT_REACH + (EVALUATION_EXTRA_REACH if evaluated else 0)
    for k in _predicate_tokens(doc, match, reach, selves):
        if k in cues.contrary_tokens or k in evaluated:
            return True
        if k in doc.negation_cues:
            return False  # "Feedback is geen onzin": the evaluation is denied
    return False


BACK_REFERENCE_REACH = 6  # tokens from a value word to a word that takes it up ("it", "daar")


def _taken_up_and_evaluated(doc: Doc, match: Match[Any], cues: Cues) -> bool:
    """Whether a value word is taken up later in its sentence by a back reference that is
    evaluated negatively, without the candidate as a subject in between ("een overleg van
    een half uur, maar daar kwam nooit iets uit", "When others get involved early it just
    turns into endless discussion"). A negation before the evaluation denies it ("… maar
    dat was geen tijdverspilling"); after a concession it is a cost accepted ("even if it
    annoys them")."""
    if not cues.evaluations or match.pattern.has_negation:
        return False
    tokens = doc.tokens
    sent = tokens[match.first].sent
    _, stop = doc.sentences[sent]
    starts = {m.first for m in cues.evaluations}
    refs = general_words(doc.lang, "back_references")
    selves = self_subjects(doc.lang)
    conceded = {k for m in cues.concessions for k in range(m.first, m.last + 1)}
    for k in range(match.last + 1, min(stop, match.last + 1 + BACK_REFERENCE_REACH)):
        if tokens[k].norm in selves or k in conceded:
            return False  # "… ask the doctor to slow down, even if it annoys them": a cost
        if tokens[k].norm in cues.contrast and k + 1 in starts:
            return True  # "…, but nothing ever came of it"
        if tokens[k].norm not in refs:
            continue
        reach = SUBJECT_REACH + EVALUATION_EXTRA_REACH
        for j in range(k + 1, min(stop, k + 1 + reach)):
            if tokens[j].norm in selves or j in doc.negation_cues:
                return False
            if j in starts:
                return True
        return False
    return False


REFUSAL_REACH = 5  # tokens from the candidate's subject to the negation and back reference


def _taken_up_and_refused(doc: Doc, match: Match[Any], cues: Cues) -> bool:
    """Whether a value word is taken up by the candidate and refused: later in its
    sentence after a contrast word, or at the start of the next sentence, the candidate
    as the subject, then a negation, a back reference and a ``take_up_verbs`` verb close
    after it ("Onze werkgever biedt een opleidingsbudget. Ik heb het nooit gebruikt", "a
    training budget, but I never used it"); "niet alleen"/"not just" is no refusal, nor
    "I didn't close it" (another verb)."""
    if match.pattern.has_negation:
        return False
    tokens = doc.tokens
    sent = tokens[match.first].sent
    selves = general_words(doc.lang, "first_singular")
    refs = general_words(doc.lang, "back_references")
    merely = _not_merely_words(doc.lang)
    starts = []
    for k in range(match.last + 1, len(tokens) - 1):
        if tokens[k].sent == sent and tokens[k].norm in cues.contrast:
            starts.append(k + 1)
        elif tokens[k].sent == sent + 1:
            starts.append(k)
            break
        elif tokens[k].sent > sent + 1:
            break
    for start in starts:
        if tokens[start].norm not in selves:
            continue
        stop = min(len(tokens), start + 1 + REFUSAL_REACH)
        window = [j for j in range(start + 1, stop) if tokens[j].sent == tokens[start].sent]
        negations = [j for j in window if j in doc.negation_cues]
        if not negations or any(
            j + 1 < len(tokens) and tokens[j + 1].norm in merely for j in negations
        ):
            continue
        takes = general_words(doc.lang, "take_up_verbs")
        if not any(tokens[j].norm in takes or tokens[j].lemma in takes for j in window):
            continue  # "I didn't close it": not what was offered, refused
        complementisers = general_words(doc.lang, "complementisers")
        if any(
            tokens[j].norm in refs and not (tokens[j].norm in complementisers and j > negations[0])
            for j in window
        ):
            return True  # not "Ik wil niet dat er …": a clause, not what was named
    return False


def _stance_then_contrast(doc: Doc, match: Match[Any], cues: Cues) -> bool:
    """Whether the value word is in the stance that opens the answer and is taken back at
    once by a view: the first sentence, not a told event, either with the candidate as its
    subject before the value word ("Ik sta open voor feedback, echt.", "I always say my door
    is open.") and the next sentence opening with a contrast word, or with the value word
    as the subject of a copula opening it and ", maar"/", but" later in it ("Samenwerken is
    belangrijk, maar …"); the clause after the contrast word is no told event ("Maar toen
    een ouder zei …" tells what the candidate did next)."""
    tokens = doc.tokens
    sent = tokens[match.first].sent
    if sent != 0 or _past_clause(doc, match):
        return False
    first, _ = doc.sentences[sent]
    selves = general_words(doc.lang, "first_singular")
    turn = None
    if any(tokens[k].norm in selves for k in range(first, match.first)):
        if len(doc.sentences) > 1:
            nxt = doc.sentences[1][0]
            stop = doc.text[: tokens[nxt].start].rstrip()[-1:]
            if tokens[nxt].norm in cues.contrast and stop in (".", "!", "?"):
                turn = nxt  # a new sentence, not "…; dat ziet de klant nooit, maar …"
    elif (
        _opens_sentence(doc, match)
        and match.last + 1 < len(tokens)
        and tokens[match.last + 1].norm in _copulas(doc.lang)
    ):
        for k in range(match.last + 2, len(tokens)):
            if tokens[k].sent != sent:
                break
            comma = doc.text[: tokens[k].start].rstrip().endswith(",")
            if tokens[k].norm in cues.contrast and comma:
                turn = k
                break
    if turn is None:
        return False
    past = frozenset(language_data(doc.lang).grammar.past_forms)
    after = [t for t in tokens[turn + 1 : turn + 1 + TURN_REACH] if t.sent == tokens[turn].sent]
    return bool(after) and not any(t.norm in past for t in after)


TURN_REACH = 5  # tokens after the contrast word that show a told event ("Maar toen … zei")


TOPIC_LEAD_REACH = 3  # words of ``topic_leads`` that may open a sentence before its topic


def _opens_sentence(doc: Doc, match: Match[Any]) -> bool:
    """Whether ``match`` opens its sentence, after at most three ``topic_leads`` ("Die
    trainingen …", "That whole integrity story …", "Taking initiative …")."""
    first, _ = doc.sentences[doc.tokens[match.first].sent]
    leads = general_words(doc.lang, "topic_leads")
    return match.first - first <= TOPIC_LEAD_REACH and all(
        doc.tokens[k].norm in leads for k in range(first, match.first)
    )


def evaluated_topic(doc: Doc, match: Match[Any], cues: Cues) -> tuple[str, int] | None:
    """How a value's topic ("precisie", "deadlines", "new ideas") that opens its sentence
    (after at most three demonstratives, gerunds or quantifiers: "Dat hele …", "Taking …",
    "Most of the …") is evaluated in its clause, without the candidate in between:
    ``("contrary", end)`` for a negative evaluation ("Deadlines are a formality in
    practice"), ``("indicator", end)`` for praise
    ("Precisie is in ons vak alles"), a negation before either turning it round ("… is geen
    formaliteit") or leaving praise undecided ("… is niet alles"); ``end`` is the character
    offset where the evaluation ends. None without an evaluation."""
    if not _opens_sentence(doc, match):
        return None
    kinds: dict[int, tuple[str, Match[str]]] = {}
    for kind, found in (("contrary", cues.evaluations), ("indicator", cues.praise)):
        for m in found:
            kinds.setdefault(m.first, (kind, m))
    selves = self_subjects(doc.lang)  # subject forms only: "my best source" is still the topic's
    negated = False
    reach = SUBJECT_REACH + EVALUATION_EXTRA_REACH
    for k in _predicate_tokens(doc, match, reach, selves):
        if k in kinds:
            kind, m = kinds[k]
            if negated:
                return ("indicator", m.end) if kind == "contrary" else None
            return kind, m.end
        if k in doc.negation_cues:
            negated = True
    return None


def _turned(doc: Doc, k: int) -> bool:
    """Whether the sentence after token ``k``'s opens with a turn of ``disclaimer_turns``
    ("Still, …", "Toch …")."""
    sent = doc.tokens[k].sent + 1
    if sent >= len(doc.sentences):
        return False
    return doc.tokens[doc.sentences[sent][0]].norm in general_words(doc.lang, "disclaimer_turns")


def _in_condition(doc: Doc, k: int) -> bool:
    """Whether token ``k`` stands in a clause opened by "if"/"when"/"als" (a condition)."""
    tokens = doc.tokens
    j = k
    while j > 0 and tokens[j - 1].clause == tokens[k].clause:
        j -= 1
    while j < k and tokens[j].norm in general_words(
        doc.lang, "links"
    ):  # "en als ik dat niet haal, …"
        j += 1
    return tokens[j].norm in general_words(doc.lang, "condition_openers")


_COVER_TAGS = (
    ("mishaps", "mishap"),
    ("tellings", "telling"),
    ("admissions", "admission"),
    ("disclosures", "disclosure"),
    ("accidents", "accident"),
    ("after_work", "after_work"),
)


@functools.cache
def _cover_matcher(lang: str) -> Matcher[str]:
    return tagged_matcher(lang, _COVER_TAGS)


def cover_stories(doc: Doc) -> list[Match[str]]:
    """Cover stories: the candidate tells of their own mishap ("ik had een spatbord
    gebroken", "I'd opened the paddles too fast") and then of telling someone a claim that
    admits nothing ("zei ik dat hij zo binnen was gebracht", "I told the skipper the gates on
    this stretch always stick"). The telling is returned (a contrary act for every value)
    when the candidate is its subject ("I told", "zei ik", "… and told") and what follows it
    in its sentence names neither the candidate ("told them it was my cock-up", "told my
    manager") nor an admission or a repair ("sorry", "fixed", "what had happened") of the
    candidate's (a repair in a clause with someone else as its subject, "and he got a
    contractor out to replace it", is none).

    A fault after the candidate's own work (:func:`_fault_after_work`: "the fan was screaming
    after I'd done it", "na het afstellen ging hij steeds weer open") is such a mishap too:
    a claim told after it shifts the blame ("I told him he must have parked in the blind
    spot").

    Without such a telling, a mishap of the candidate's that nothing after it discloses,
    admits or repairs ("ik had de slinger per ongeluk doorgeknipt. Ik heb de uiteinden met
    tape omwikkeld en ben snel naar mijn eigen kraam gegaan") is returned: kept quiet."""
    found = _cover_matcher(doc.lang).find(doc)
    tokens = doc.tokens
    selves = general_words(doc.lang, "self_words")
    mishaps = [m for m in found if m.payload == "mishap" and _own_mishap(doc, m)]
    mishaps += [m for m in found if m.payload == "after_work" and _fault_after_work(doc, m)]
    admitted = {k for m in found if m.payload == "admission" for k in range(m.first, m.last + 1)}
    covers: list[Match[str]] = []
    for m in found:
        if m.payload != "telling" or not any(x.last < m.first for x in mishaps):
            continue
        if not candidate_acts(doc, m.first):
            continue  # "the manager said it was …": someone else tells
        sent_first, sent_last = doc.sentences[tokens[m.first].sent]
        content = m.first + 1
        if (
            content < sent_last
            and tokens[content].norm in general_words(doc.lang, "inverted_self")
            and not _carried_self_subject(doc, sent_first, m.first)
        ):
            content += 1  # "zei ik dat …": the candidate tells ("I said I …" names them)
        rest = range(content, sent_last)
        if any(
            tokens[k].norm in selves
            or (k in admitted and not other_subject(doc, k, k, persons_only=True))
            for k in rest
        ):
            continue  # "told them it was my cock-up", "told her sorry": an admission
            # (not "… and he got a contractor out to replace it": someone else's repair)
        covers.append(m)
    if covers:
        return covers
    # a mishap left unsaid: nothing after it discloses, admits or repairs it
    after = {
        k
        for m in found
        if m.payload in ("admission", "disclosure", "telling")
        for k in range(m.first, m.last + 1)
    }
    accidents = [
        m
        for m in found
        if (m.payload == "accident" or (m.payload == "mishap" and _premise(doc, m)))
        and _own_mishap(doc, m)
    ]
    if accidents and accidents[0].payload == "mishap" and admitted:
        return []  # "Bit of a mess-up on my side, I'd labelled …": owned up to
    return [m for m in accidents[:1] if not any(k > m.last for k in after)]


def _fault_after_work(doc: Doc, match: Match[Any]) -> bool:
    """Whether ``match`` ("after I'd", "nadat ik", "na het": ``after_work``) sets the
    candidate's own work as the time of a fault: in its sentence the work comes back or keeps
    failing (``work_returns``: "brought it back", "kept cutting out", "ging steeds weer
    open"), and that word is not the candidate's own act ("I went back"); "after I'd" names
    the candidate, "na het …" must open the sentence ("Na het afstellen …")."""
    tokens = doc.tokens
    first, last = doc.sentences[tokens[match.first].sent]
    selves = self_subjects(doc.lang)
    if match.first != first and not any(
        tokens[k].norm in selves for k in range(match.first, match.last + 1)
    ):
        return False  # "… na het eten": no work of the candidate's named
    returns = general_words(doc.lang, "work_returns")
    return any(
        tokens[k].norm in returns
        and not any(
            tokens[j].norm in selves and tokens[j].clause == tokens[k].clause
            for j in range(first, k)
        )
        for k in range(first, last)
        if not match.first <= k <= match.last
    )


def _premise(doc: Doc, match: Match[Any]) -> bool:
    """Whether a mishap is told in the past perfect as the premise of the story ("Ik had bij
    het lossen de dakgoot geraakt", "I'd knocked a bottle off the shelf"): a verb form, with
    a perfect auxiliary of the candidate's (``premise_auxiliaries``: "I'd", or "had" next to
    ik/we/I) before it in its clause (in English with no determiner between: "We had a pile
    of broken chairs" is no past perfect), in a sentence without a promise ("I'd promised a
    dad I'd drop off …": a commitment is no mishap)."""
    sent = doc.tokens[match.first].sent
    if any(doc.tokens[c.first].sent == sent for c in _premise_matcher(doc.lang).find(doc)):
        return False
    if match.first == match.last and not _inflected_verb(doc, match.first):
        return False  # "I had the crew take a break": no mishap of theirs
    first = doc.sentences[sent][0]
    auxiliaries = general_words(doc.lang, "premise_auxiliaries")
    blockers = general_words(doc.lang, "premise_gap_blockers")
    selves = self_subjects(doc.lang)
    tokens = doc.tokens
    after = general_words(doc.lang, "premise_auxiliaries_after")
    for k in range(match.last + 1, min(doc.sentences[sent][1], match.last + 1 + PREMISE_AFTER)):
        if tokens[k].norm in after and any(
            tokens[j].norm in selves and tokens[j].clause == tokens[k].clause
            for j in range(first, match.first)
        ):
            return True  # "nadat ik de verkeerde dosering had gegeven": verb-final
    for k in range(max(first, match.first - PREMISE_REACH), match.first):
        if tokens[k].norm not in auxiliaries or tokens[k].clause != tokens[match.first].clause:
            continue
        if any(tokens[j].norm in blockers for j in range(k + 1, match.first)):
            continue  # "We had a pile of broken chairs": "had" is the main verb
        if tokens[k].norm in selves:
            return True  # "I'd", "we'd"
        if (k > first and tokens[k - 1].norm in selves) or (
            k + 1 < match.first and tokens[k + 1].norm in selves
        ):
            return True  # "ik had", "had ik", "we hadden"
    return False


PREMISE_AFTER = 3  # tokens from a Dutch verb-final mishap to its "had" ("… verkeerd had gedaan")
PREMISE_REACH = 14  # tokens from "had"/"I'd" to the mishap (Dutch puts it last)


@functools.cache
def _premise_matcher(lang: str) -> Matcher[str]:
    return tagged_matcher(lang, (("commitments", "commitment"),))


def candidate_acts(doc: Doc, k: int) -> bool:
    """Whether the candidate is the subject of the verb at token ``k``: "zei ik" (inverted)
    or the nearest subject before it in its sentence is the candidate ("I told …", "… and
    wrote it up as …"); not "een klant vertelde me dat …". A past verb that opens a sentence
    without a subject, after a sentence that names the candidate, is theirs too (spoken
    English drops it: "… after I'd done it. Told him that's just what they sound like")."""
    tokens = doc.tokens
    if k + 1 < len(tokens) and tokens[k + 1].norm in general_words(doc.lang, "inverted_self"):
        return True
    first = doc.sentences[tokens[k].sent][0]
    return _carried_self_subject(doc, first, k) or _dropped_self_subject(doc, first, k)


def _dropped_self_subject(doc: Doc, first: int, k: int) -> bool:
    """Whether the verb at ``k`` opens its sentence (after at most an interjection such as
    "yeah"), is a past form, and the sentence before names the candidate: a subject dropped
    in speech ("Went back Saturday, sorted it", "Told him …"). In Dutch the first-person
    auxiliary opens the sentence without "ik" after it (``dropped_subject_auxiliaries``:
    "Ben zaterdag gegaan, niks gerekend", "Heb hem gezegd dat …") and ``k`` is in its clause."""
    tokens = doc.tokens
    if tokens[k].sent == 0:
        return False
    auxiliaries = general_words(doc.lang, "dropped_subject_auxiliaries")
    if auxiliaries:
        if tokens[first].norm not in auxiliaries or first + 1 >= len(tokens):
            return False
        subjects = _persons(doc.lang)[1] | self_subjects(doc.lang)
        if tokens[first + 1].norm in subjects | general_words(doc.lang, "second_person"):
            return False  # "Heb jij …", "Ben ik …": the subject is there
        if tokens[k].clause != tokens[first].clause:
            return False
    else:
        if k - first > 1:
            return False
        if k > first and tokens[first].norm not in general_words(doc.lang, "dropped_subject_leads"):
            return False
        grammar = language_data(doc.lang).grammar
        norm = tokens[k].norm
        if norm not in grammar.past_forms and not norm.endswith(tuple(grammar.past_suffixes)):
            return False
    before_first, before_last = doc.sentences[doc.tokens[k].sent - 1]
    selves = general_words(doc.lang, "self_words")
    return any(t.norm in selves for t in doc.tokens[before_first:before_last])


def candidate_in_sentence(doc: Doc, match: Match[Any]) -> bool:
    """Whether the sentence of ``match`` names the candidate (ik, me, we, I, my …)."""
    first, last = doc.sentences[doc.tokens[match.first].sent]
    selves = general_words(doc.lang, "self_words") | general_words(doc.lang, "self_subjects")
    return any(t.norm in selves for t in doc.tokens[first:last])


def _own_mishap(doc: Doc, match: Match[Any]) -> bool:
    """Whether a mishap is the candidate's: their sentence, the candidate opens it ("I'd
    booked …") or is the nearest subject before it ("had ik … per ongeluk", "because I'd
    opened …"), and no condition ("als een kweker per ongeluk te veel levert": someone
    else's, and only a case)."""
    opens = doc.tokens[match.first].norm in _report_words(doc.lang)[1]
    return (
        candidate_in_sentence(doc, match)
        and (opens or candidate_acts(doc, match.first))
        and not _in_condition(doc, match.first)
    )


@functools.cache
def _letdown_matcher(lang: str) -> Matcher[str]:
    return tagged_matcher(lang, (("letdowns", "letdown"),))


def _told_past_act(doc: Doc) -> bool:
    """Whether the answer has a sentence with the candidate as a subject and a past-tense
    verb: the candidate tells what they did."""
    selves = self_subjects(doc.lang)
    grammar = language_data(doc.lang).grammar
    forms = frozenset(grammar.past_forms) | frozenset(grammar.perfect_auxiliaries)
    for first, last in doc.sentences:
        tokens = doc.tokens[first:last]
        if any(t.norm in selves for t in tokens) and any(
            t.norm in forms or (t.norm.endswith(tuple(grammar.past_suffixes)) and t.lemma != t.norm)
            for t in tokens
        ):
            return True
    return False


def told_as_stated(doc: Doc, m: Match[Any], cues: Cues) -> bool:
    """Whether a story match is told as it stands: not quoted, not negated, not in a
    condition and not a road not taken ("it would have been easy to …")."""
    if any(doc.tokens[k].quoted for k in range(m.first, m.last + 1)):
        return False
    if match_negated(doc, m) or _in_condition(doc, m.first):
        return False
    return not cues.not_taken(doc, m, counterfactual_only=True)


def letdowns(doc: Doc, cues: Cues) -> list[Match[str]]:
    """A letdown that ends the candidate's story: their own convenience put first ("ik ben
    vroeg naar huis gegaan", "I put my headphones in") or the customer left worse off ("ze
    moest een week wachten", "the lady waited till after four", "naar de concurrent") —
    ``[general] letdowns``. Returned (a contrary act for every value) when the candidate
    tells a past act of theirs, the letdown is not quoted, negated, conditional,
    counterfactual or ranked below ("rather … than have to come back"), and no subject
    form of the candidate follows it in a later sentence or clause (outside a purpose
    clause: "so I'd be done by two"): nothing was done about it."""
    found = _letdown_matcher(doc.lang).find(doc)
    if not found or not _told_past_act(doc):
        return []
    tokens = doc.tokens
    selves = self_subjects(doc.lang)
    purpose = general_words(doc.lang, "purpose_words")
    for m in found:
        if not told_as_stated(doc, m, cues):
            continue
        if cues.passed_over(doc, m):
            continue  # "I'd rather get it right first time than have to come back": not told
        clause = tokens[m.last].clause
        later = [t for t in tokens[m.last + 1 :] if t.clause != clause and t.norm in selves]
        if any(not _in_purpose(doc, t.i, purpose) for t in later):
            continue  # "… moest wachten, dus ik heb het zelf opgehaald": a repair follows
        return [m]
    return []


def _in_purpose(doc: Doc, k: int, purpose: frozenset[str]) -> bool:
    """Whether token ``k`` stands in a clause of purpose: opened by "so"/"zodat" and, in
    English, with a modal in it ("so I'd be done by two"; "so I drove it over" is a result)."""
    tokens = doc.tokens
    j = k
    while j > 0 and tokens[j - 1].clause == tokens[k].clause:
        j -= 1
    if j < len(tokens) and tokens[j].norm in general_words(doc.lang, "links"):
        j += 1
    if tokens[j].norm not in purpose and not (j > 0 and tokens[j - 1].norm in purpose):
        return False
    if doc.lang == "nl":
        return True
    modals = general_words(doc.lang, "modal_words") | general_words(doc.lang, "purpose_modals")
    words = [t for t in tokens[j:] if t.clause == tokens[k].clause]
    return any(t.norm in modals for t in words)
