"""``lint_vacancy``: match the rules, filter negated/quoted/concrete use, run the checks."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections import defaultdict
from typing import Any

from ..errors import LanguageError
from ..patterns import Match
from ..text import LANGUAGES, NEGATION_WINDOW, Doc, analyse, cached_per_language, detect_language
from ._checks import Hit, facts_of, readability, run_checks
from ._markup import Prepared, detect_format, ignored_rules, prepare
from ._model import Finding, LintConfig, LintResult, Metrics
from ._rules import CompiledRules, Rule, compiled_rules, rule_file

__all__ = ["detect_vacancy_language", "lint_vacancy"]

_LONGEST_PHRASE = 400  # characters; pattern matches are shorter (a gap spans 4 tokens)
_PHRASE_GROUP = frozenset({"cliche", "vague_benefit", "hierarchy"})
_FACT_SYMBOLS = frozenset({"€", "$", "£", "%"})
_GENDER_MARKER = re.compile(
    r"\b[mMvVhHfFwW]\s*/\s*[vVmMwWfFxX](?:\s*/\s*[xXdDmMvV])?\b|\ball genders\b|\balle genders\b"
)
_WORD = re.compile(r"[^\W\d_]+")
_MASCULINE, _FEMININE = "gender-coded-masculine", "gender-coded-feminine"


@functools.cache
def _detect_words() -> dict[str, str]:
    """Common word -> the one language it marks (words common to both are left out)."""
    lists = {lang: set(rule_file(lang).settings.detect_words) for lang in LANGUAGES}
    shared = set.intersection(*lists.values())
    return {word: lang for lang, words in lists.items() for word in words - shared}


def detect_vacancy_language(text: str) -> str | None:
    """``nl`` or ``en``: counts of common words first, simplemma when that is unclear."""
    counts = dict.fromkeys(LANGUAGES, 0)
    marks = _detect_words()
    for word in _WORD.findall(text[:3000].lower()):
        lang = marks.get(word)
        if lang is not None:
            counts[lang] += 1
    best, other = sorted(LANGUAGES, key=lambda lang: -counts[lang])
    if counts[best] >= 5 and counts[best] >= 3 * counts[other]:
        return best
    return detect_language(text)


def lint_vacancy(
    text: str,
    *,
    lang: str | None = None,
    config: LintConfig | None = None,
    path: str | None = None,
    format: str | None = None,
) -> LintResult:
    """Lint one vacancy text; findings carry offsets into ``text`` as given.

    ``format`` is ``text``, ``markdown`` or ``html`` (default: from ``path``'s suffix);
    ``lang`` is ``nl`` or ``en`` (default: detected). Raises LanguageError when the
    language is unsupported or cannot be told.
    """
    prepared = prepare(text, format or detect_format(path, text))
    if lang is None:
        lang = detect_vacancy_language(prepared.text) if prepared.text.strip() else "nl"
        if lang is None:
            raise LanguageError(
                "cannot tell whether the text is Dutch or English; give the language (nl or en)",
                path=path,
            )
    elif lang not in LANGUAGES:
        raise LanguageError(f"unsupported language {lang!r}: expected nl or en", path=path)
    rules = compiled_rules(lang, config)
    doc = analyse(prepared.text, lang)
    hits = _pattern_hits(doc, prepared.text, rules)
    coded = [h.rule.id for h in hits]
    masculine, feminine = coded.count(_MASCULINE), coded.count(_FEMININE)
    facts = facts_of(doc, prepared.text, rules)
    hits.extend(run_checks(doc, prepared.text, facts, rules))
    score, scale, level = readability(facts, lang)
    metrics = Metrics(
        words=facts.words,
        sentences=facts.sentences,
        mean_sentence_length=round(facts.mean_sentence_length, 1),
        readability=score,
        readability_scale=scale,
        readability_level=level,
        you=facts.you,
        we=facts.we,
        you_we_ratio=round(facts.you / facts.we, 2) if facts.we else None,
        masculine_coded=masculine,
        feminine_coded=feminine,
        requirements=facts.requirements,
    )
    return LintResult(path, lang, _findings(hits, prepared, rules), metrics)


def _pattern_hits(doc: Doc, text: str, rules: CompiledRules) -> list[Hit]:
    matches: list[tuple[Match[Any], Rule]] = []
    exceptions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    unless: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for found in rules.matcher.find(doc):
        kind, what = found.payload
        if kind == "match":
            matches.append((found, what))  # type: ignore[arg-type]
        else:
            (exceptions if kind == "exception" else unless)[what].append(  # type: ignore[index]
                (found.first, found.last)
            )
    if not matches:
        return []
    norms, sents, quoted = doc.norms, doc.sents, doc.quoted
    quotes = True in quoted
    facts: _Facts | None = None
    marker: bool | None = None
    order = rules.order
    hits: list[_Keyed] = []
    # the negation cues in order: most matches have none from NEGATION_WINDOW tokens before
    # them to their last token, which one bisection tells (Doc.is_negated's first test)
    # without calling it
    cues = sorted(doc.negation_cues)
    for m, rule in matches:
        _, pattern, first, last, start, end = m
        if quotes and True in quoted[first : last + 1]:
            continue
        spec = rule.spec
        if cues and not (spec.ignore_negation or pattern.has_negation):
            k = bisect.bisect_left(cues, first - NEGATION_WINDOW)
            if k < len(cues) and cues[k] == first:
                k += 1  # a cue as the match's first token does not negate it
            if k < len(cues) and cues[k] < last and doc.is_negated(first, last):
                continue
        if rule.filtered:  # the rule's own filters (most rules have none)
            if spec.not_forms and norms[first] in spec.not_forms:
                continue
            if spec.exact and not _literal(norms[first], rules.literals.get(id(pattern))):
                continue
            if spec.next_forms and norms[last] in spec.next_forms_for:
                nxt = last + 1
                if (
                    nxt >= len(norms)
                    or sents[nxt] != sents[last]
                    or not _form_in(norms[nxt], spec.next_forms)
                ):
                    continue
            if spec.exceptions:
                spans = exceptions.get(spec.id)
                if spans and any(a <= last and first <= b for a, b in spans):
                    continue
            if spec.unless and _near(
                doc, m, unless.get(spec.id, ()), lead_in=not spec.question_opener
            ):
                continue
            if spec.unless_fact:
                if facts is None:
                    facts = _Facts(doc, rules)
                if _has_fact(doc, m, rules, facts):
                    continue
            if spec.unless_gender_marker:
                if marker is None:
                    marker = _GENDER_MARKER.search(text) is not None
                if marker:
                    continue
            if spec.candidate_only and not _refers_to_candidate(doc, m, rules):
                continue
            if spec.question_opener:
                opening = _question_start(doc, text, first, rules)
                if opening is None:
                    continue
                start = opening  # "Stroom jij": the inverted verb with its subject
            if (
                spec.unless_named
                and sents[first] > 0
                and any(
                    _is_name(doc, k, rules)
                    for k in range(max(0, first - 4), first)
                    if sents[k] == sents[first]
                )
            ):
                continue
        hits.append((start, start - end, order[rule.id], len(hits), rule, end))
    return _dedupe(hits)


def _question_start(doc: Doc, text: str, first: int, rules: CompiledRules) -> int | None:
    """The offset where the question that token ``first`` opens starts: ``first`` starts
    its sentence (after ``question_leads`` only: "Dus: …?") or, as a ``question_subjects``
    word, follows only the inverted verb ("Stroom jij bij ons in?"), and the sentence ends
    with a question mark. None when it opens no question. (The finding covers the opening
    only, so a more specific finding inside the question keeps its own message.)"""
    begin, end = doc.sentences[doc.sents[first]]
    norms = doc.norms
    while begin < first and norms[begin] in rules.question_leads:
        begin += 1
    if first - begin > (1 if norms[first] in rules.question_subjects else 0):
        return None
    last = doc.ends[end - 1]
    tail = text[last : last + 3]
    return doc.starts[begin] if tail.lstrip("\"'”’)")[:1] == "?" else None


def _form_in(norm: str, forms: list[str]) -> bool:
    """Whether ``norm`` is one of ``forms`` (``*x``: ends in x)."""
    return any(norm.endswith(f[1:]) if f.startswith("*") else norm == f for f in forms)


def _literal(
    norm: str, literal: tuple[frozenset[str], tuple[str, ...], tuple[str, ...]] | None
) -> bool:
    """Whether a word is one of the written forms (not just the same lemma)."""
    if literal is None:
        return True
    words, prefixes, suffixes = literal
    return norm in words or norm.startswith(prefixes) or norm.endswith(suffixes)


def _near(
    doc: Doc, m: Match[Any], spans: list[tuple[int, int]] | tuple[()], *, lead_in: bool = True
) -> bool:
    """An ``unless`` match in the same sentence, or (with ``lead_in``) in the next one when
    the match's sentence is a lead-in ("Pas afgestudeerd? Ook welkom."); the next bullet
    line says something else. A hook question is judged on its own words: its answer ("Ready
    to roll? We reply within 48 hours.") does not make the hook concrete.
    """
    if not spans:
        return False
    sent = doc.sents[m.first]
    sents = {sent}
    end = doc.sentences[sent][1]
    if lead_in and sent + 1 < len(doc.sentences) and _asks(doc, end):
        sents.add(sent + 1)
    return any(doc.sents[a] in sents for a, _ in spans)


_FACT_FORMS: dict[str, dict[str, bool]] = {}
_FORMS_LIMIT = 200_000  # word forms remembered per language


@functools.lru_cache(maxsize=8)
def _fact_words(number_words: frozenset[str]) -> frozenset[str]:
    return number_words | _FACT_SYMBOLS


class _Facts:
    """Where a text's facts (numbers, amounts, number words) stand, and its tokens' clause
    numbers (which never decrease), so that each match's look-up is a bisection, not a scan
    of its sentence."""

    def __init__(self, doc: Doc, rules: CompiledRules) -> None:
        words = _fact_words(rules.number_words)
        norms = doc.norms
        # folded form -> whether it is a fact, remembered per language
        flags = cached_per_language(
            _FACT_FORMS,
            rules.lang,
            norms,
            lambda k: norms[k][:1].isdigit() or norms[k] in words,
            _FORMS_LIMIT,
        )
        self.positions = list(itertools.compress(range(len(norms)), flags))
        self.clauses = doc.clauses

    def clause_start(self, clause: int) -> int:
        return bisect.bisect_left(self.clauses, clause)

    def clause_end(self, clause: int) -> int:
        return bisect.bisect_right(self.clauses, clause)

    def between(self, start: int, end: int) -> bool:
        """Whether a fact stands at a token index in ``start..end - 1``."""
        k = bisect.bisect_left(self.positions, start)
        return k < len(self.positions) and self.positions[k] < end


def _has_fact(doc: Doc, m: Match[Any], rules: CompiledRules, facts: _Facts) -> bool:
    """A number, amount or percentage that makes the match concrete.

    It counts in the match's own clause, in a following clause that specifies it (after
    ':' or '(', or opening with "zoals", "waaronder", "including", "such as"…), and in
    the next sentence when the match's sentence is a lead-in ("Doorgroeien? Vier van…").
    """
    clauses = doc.clauses
    sent = doc.sents[m.first]
    first, last = doc.sentences[sent]
    text = doc.text
    # the match's clauses, then each following clause that specifies the one before: in
    # "een mooi uurloon, een jas, de cursus (t.w.v. € 150)" the amount belongs to the
    # course, not to the wage
    end = facts.clause_end(clauses[m.last])
    while end < last:
        gap = text[doc.ends[end - 1] : doc.starts[end]]
        if not (doc.norms[end] in rules.specifiers or ":" in gap or "(" in gap):
            break
        end = facts.clause_end(clauses[end])
    start = max(first, facts.clause_start(clauses[m.first]))
    if facts.between(start, min(end, last)):
        return True
    if sent + 1 < len(doc.sentences) and _asks(doc, last):
        return facts.between(last, doc.sentences[sent + 1][1])
    return False


def _asks(doc: Doc, end: int) -> bool:
    """Whether the sentence ending before token ``end`` ends in '?' or ':' (a lead-in)."""
    tail = doc.text[doc.ends[end - 1] : doc.ends[end - 1] + 3].lstrip(" *_")
    return tail[:1] in ("?", ":")


def _refers_to_candidate(doc: Doc, m: Match[Any], rules: CompiledRules) -> bool:
    """Whether a pronoun most likely means the candidate (not a named person or customer).

    A candidate noun ("kandidaat", "candidate") or a word of the job title earlier in the
    sentence wins; otherwise the nearest person before it decides: a customer, a
    colleague or a capitalised name means someone else.
    """
    norms, lemmas, sents = doc.norms, doc.lemmas, doc.sents
    size = len(norms)
    sent = sents[m.first]
    head, tail = doc.sentences[0]
    title = {
        n for n in norms[head:tail] if len(n) >= 4 and n.isalpha() and n not in rules.customer_nouns
    }

    def is_candidate(i: int) -> bool:
        n = norms[i]
        if n in rules.candidate_nouns or lemmas[i] in rules.candidate_nouns:
            return True
        if i and norms[i - 1] in rules.new_words:  # "de nieuwe collega", "our new colleague"
            return True
        if len(n) < 4 or sents[i] == 0 or i == 0:
            return False
        # a word of the job title after a determiner: "de monteur", "a decisive site manager"
        if not any(
            norms[b] in rules.determiners and sents[b] == sents[i] for b in range(max(0, i - 3), i)
        ):
            return False
        return any(w.endswith(n) or n.endswith(w) for w in title)

    def words_before(i: int) -> tuple[str, ...]:
        return tuple(norms[b] for b in range(max(0, i - 5), i) if sents[b] == sents[i])

    def addressed(i: int) -> bool:
        """The noun the candidate is called: "you are a chef who …", "ben jij een
        bouwvakker die …" (the nearest person before the pronoun)."""
        if not rules.you_are or i + 1 >= size or norms[i + 1] not in rules.relatives:
            return False
        words = words_before(i)
        return any(
            words[k : k + len(cue)] == cue for cue in rules.you_are for k in range(len(words))
        )

    def served(i: int) -> bool:
        """A person the candidate reports to or supports ("report to the pharmacy manager")."""
        words = words_before(i)
        return any(
            words[k : k + len(cue)] == cue for cue in rules.served_cues for k in range(len(words))
        )

    window = [k for k in range(max(0, m.first - 30), m.first) if sents[k] >= sent - 1]
    if any(is_candidate(k) for k in window if sents[k] == sent):
        return True

    def person(i: int) -> bool:
        """A person word used as one: after a determiner or possessive, or in the plural
        ("the head of sales", "our clients"; not "a calm head", "to lead climbing")."""
        if norms[i] not in rules.other_people and lemmas[i] not in rules.other_people:
            return False
        if i + 1 < size and sents[i + 1] == sents[i] and norms[i + 1] in rules.than_words:
            return False  # "niet ouder dan 50" is a comparative, not a parent
        if norms[i] != lemmas[i]:
            return True
        return i > 0 and sents[i - 1] == sents[i] and norms[i - 1] in rules.person_determiners

    for k in reversed(window):
        if is_candidate(k) or (sents[k] == sent and addressed(k)):
            return True
        if person(k) or _is_name(doc, k, rules):
            if served(k):
                continue  # "You report to the manager. She must…": she is the candidate
            return False
    return True


def _is_name(doc: Doc, i: int, rules: CompiledRules) -> bool:
    """A capitalised word that reads as a person's name: after 'bel'/'call', or in a full name."""
    norms, sents, surfaces = doc.norms, doc.sents, doc.surfaces
    if (
        not surfaces[i][:1].isupper()
        or not norms[i][:1].isalpha()
        or doc.sentences[sents[i]][0] == i
    ):
        return False
    before = norms[i - 1] if i else ""
    if before in rules.name_cues:
        return True
    return (
        i + 1 < len(norms)
        and sents[i + 1] == sents[i]
        and (norms[i + 1] in rules.name_particles or surfaces[i + 1][:1].isupper())
    )


# a hit as _dedupe sorts it: (start, -length, the rule's place in the rule file, its number
# among the hits, rule, end); the number keeps the order of hits that are otherwise equal
_Keyed = tuple[int, int, int, int, Rule, int]


def _dedupe(keyed: list[_Keyed]) -> list[Hit]:
    """Merge overlapping hits of one rule; keep one hit per span and category.

    Hits are taken by start, longest first, then in the order of the rule file.
    """
    keyed.sort()
    kept: list[Hit] = []
    reach = -1  # the furthest end of a kept hit (merges included)
    for start, _, _, _, rule, end in keyed:
        if reach <= start < end:  # every kept hit ends before it: nothing to merge or contain
            kept.append(Hit(rule, start, end))
            reach = end
            continue
        cat = rule.category
        contained = False
        for other in reversed(kept):
            if other.start < start - _LONGEST_PHRASE:
                break
            if other.end <= start and other.end < end:
                continue  # ends before the hit: neither merges nor contains it
            if other.rule is rule and start < other.end:
                other.end = max(other.end, end)  # one finding per stretch of one rule
                reach = max(reach, other.end)
                contained = True
                break
            if other.start <= start and end <= other.end:
                ocat = other.rule.category
                same_span = (other.start, other.end) == (start, end)
                if ocat == cat or (same_span and cat in _PHRASE_GROUP and ocat in _PHRASE_GROUP):
                    contained = True
                    break
        if not contained:
            kept.append(Hit(rule, start, end))
            reach = max(reach, end)
    return kept


def _findings(hits: list[Hit], prepared: Prepared, rules: CompiledRules) -> tuple[Finding, ...]:
    original = prepared.original
    # the offset of each newline: the lines' running length plus the newlines before it
    lines = original.split("\n")
    lines.pop()
    newlines = list(map(operator.add, itertools.accumulate(map(len, lines)), itertools.count()))
    ignored = ignored_rules(original)
    span = prepared.span if prepared.starts is not None else None
    order = rules.order
    # (start, end, the rule's place in the rule file, number, finding): sorted as tuples, the
    # number keeps the order of findings that are otherwise equal
    keyed: list[tuple[int, int, int, int, Finding]] = []
    for hit in hits:
        start, end = span(hit.start, hit.end) if span is not None else (hit.start, hit.end)
        line = bisect.bisect_left(newlines, start) + 1
        column = start - (newlines[line - 2] + 1 if line > 1 else 0) + 1
        rule = hit.rule
        if ignored:
            silenced = ignored.get(line)
            if silenced and ("*" in silenced or rule.id in silenced or rule.category in silenced):
                continue
        spec = rule.spec
        message, suggestion = spec.message, spec.suggestion
        if hit.values:
            message = message.format_map(hit.values)
            suggestion = suggestion.format_map(hit.values)
        # positional, in the order of Finding's fields (faster than keywords)
        finding = Finding(
            rule.id,
            rule.category,
            rule.severity,
            start,
            end,
            line,
            column,
            original[start:end],
            message,
            suggestion,
        )
        keyed.append((start, end, order.get(rule.id, 0), len(keyed), finding))
    keyed.sort()
    return tuple([k[4] for k in keyed])
