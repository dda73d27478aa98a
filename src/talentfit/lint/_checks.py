"""Whole-text checks: pay transparency, readability, structure, one-sex title markers."""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

import attrs
import pyphen

from ..text import Doc, cached_per_language, fold
from ._rules import CompiledRules, Rule

__all__ = ["Hit", "TextFacts", "facts_of", "run_checks", "syllables"]

_PYPHEN_LANG = {"nl": "nl_NL", "en": "en_US"}
_CURRENCY = r"(?:[€$£]|\b(?:EUR|eur|euro|Euro)\b\.?)"
_NUMBER = r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})*(?!\d)(?:[.,]\d{1,2})?(?:,-)?|\d+(?:[.,]\d{1,2})?"
_AMOUNT = re.compile(
    rf"{_CURRENCY}\s?(?P<a>{_NUMBER})(?P<ak>\s?[kK]\b)?"
    rf"|(?P<b>{_NUMBER})(?P<bk>\s?[kK])?\s?(?:euro|eur|EUR|€)(?![A-Za-z])"
)
_CONNECTOR = re.compile(
    r"\s*(?:-|–|—|tot(?: en met)?|t/m|to|and|en|until|à|a|up to)\s*\Z", re.IGNORECASE
)
_BARE_NUMBER = re.compile(rf"(?<![\w.,])(?:{_NUMBER})(?![\w])")
_UNITS = (
    "%", "uur", "hour", "hrs", "dag", "day", "jaar", "year", "km", "week", "maand", "month",
    "fte", "x", "procent", "percent", "minu", "medewerker", "collega", "people", "mensen",
)  # fmt: skip
_SCALE_WORDS = ("schaal", "scale", "niveau", "level", "fwg", "groep", "trede", "step", "band")
_DIGIT_TO_LINE_END = re.compile(r"\d[^\n]*")
# "dé specialist", "hét adres", "THE place to be", "*the* bakery": an article stressed by an
# accent, capitals or emphasis claims to be the only one
_STRESSED_ARTICLE = {
    "nl": re.compile(r"(?<!\w)(?:[dD][éÉ]|[hH][éÉ][tT]|DE|HET|[*_](?:de|het)[*_])(?!\w)"),
    "en": re.compile(r"(?<!\w)(?:THE|[*_]the[*_])(?!\w)"),
}
# what every match of _STRESSED_ARTICLE holds (a text without any has none): the pattern
# starts with a look-behind, so the regex engine tries it at every position
_STRESSED_PARTS = {"nl": ("é", "É", "DE", "HET", "*", "_"), "en": ("THE", "*", "_")}
_ONE_SEX = re.compile(r"\(\s*(?:m|v|w|f|man|vrouw|male|female)\s*\)", re.IGNORECASE)
_BULLET = re.compile(r"\s*(?:[-*•·–▪●]|\d{1,2}[.)])\s+")
_HEADING_STRIP = re.compile(r"^[\s#*_>]+|[\s*_:?!.]+$")
_SYLLABLES: dict[str, dict[str, int]] = {}  # language -> word -> syllables (0: not a word)
LEVELS = ((80.0, "A2"), (60.0, "B1"), (50.0, "B2"), (30.0, "C1"))


@attrs.define
class Hit:
    """A finding before it is mapped to the original text."""

    rule: Rule
    start: int
    end: int
    values: dict[str, Any] | None = None  # the message's placeholders


@attrs.define
class TextFacts:
    """What the checks and the metrics need to know about the text."""

    words: int
    sentences: int
    syllables: int
    long_sentences: list[tuple[int, int, int]]  # (start, end, words)
    you: int
    we: int
    requirements: int
    requirements_span: tuple[int, int] | None
    has_offer_heading: bool
    pay: list[tuple[int, int, float, float]]  # (start, end, low, high); single amount: low == high

    @property
    def mean_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


@functools.lru_cache(maxsize=16)
def _hyphenator(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=_PYPHEN_LANG[lang], left=1, right=1)


@functools.lru_cache(maxsize=100_000)
def syllables(word: str, lang: str) -> int:
    """Syllables of a folded word (pyphen's hyphenation points + 1), cached."""
    return len(_hyphenator(lang).positions(word)) + 1


def readability(facts: TextFacts, lang: str) -> tuple[float, str, str]:
    """(score, scale name, CEFR-like level): Flesch-Douma for Dutch, Flesch for English."""
    if not facts.words or not facts.sentences:
        return 0.0, _scale(lang), "-"
    per_sentence = facts.words / facts.sentences
    per_word = facts.syllables / facts.words
    if lang == "nl":
        score = 206.84 - 0.77 * (per_word * 100) - 0.93 * per_sentence
    else:
        score = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    score = round(score, 1)
    level = next((name for floor, name in LEVELS if score >= floor), "C2")
    return score, _scale(lang), level


def _scale(lang: str) -> str:
    return "flesch-douma" if lang == "nl" else "flesch-reading-ease"


def parse_number(raw: str, thousands: bool = False) -> float | None:
    """``3.100`` / ``3,100`` → 3100, ``14,60`` → 14.6, ``3.100,-`` → 3100."""
    s = raw.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    s = s.removesuffix(",-")
    if "." in s and "," in s:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if decimal == "." else ".", "").replace(decimal, ".")
    elif "." in s or "," in s:
        sep = "." if "." in s else ","
        tail = s.rsplit(sep, 1)[1]
        s = s.replace(sep, "") if len(tail) == 3 or s.count(sep) > 1 else s.replace(sep, ".")
    try:
        value = float(s)
    except ValueError:
        return None
    return value * 1000 if thousands else value


def _pay(text: str, rules: CompiledRules) -> list[tuple[int, int, float, float]]:
    if not rules.pay_words:
        return []
    pay_re = _pay_regex(rules.pay_words)
    found: list[tuple[int, int, float, float]] = []
    # each line with a digit: one match from its first digit to its end
    for digit in _DIGIT_TO_LINE_END.finditer(text):
        line_start = text.rfind("\n", 0, digit.start()) + 1
        line = text[line_start : digit.end()]
        if pay_re.search(line.lower()):
            amounts: list[tuple[int, int, float]] = []
            for m in _AMOUNT.finditer(line):
                raw = m.group("a") or m.group("b")
                value = parse_number(raw, bool(m.group("ak") or m.group("bk")))
                if value is not None and value > 0:
                    amounts.append((m.start(), m.end(), value))
            if not amounts:  # "tussen de 3100 en 3900 bruto", "14,50 per uur"
                amounts = _bare_amounts(line)
            used: set[int] = set()
            for i in range(len(amounts) - 1):
                (s1, _e1, v1), (s2, e2, v2) = amounts[i], amounts[i + 1]
                if _CONNECTOR.match(line[_e1:s2]) and v2 > v1:
                    found.append((line_start + s1, line_start + e2, v1, v2))
                    used.update((i, i + 1))
            for i, (s, e, v) in enumerate(amounts):
                if i not in used:
                    found.append((line_start + s, line_start + e, v, v))
    return found


def _bare_amounts(line: str) -> list[tuple[int, int, float]]:
    """Numbers without a currency in a line about pay, minus counts, scales and units."""
    amounts: list[tuple[int, int, float]] = []
    for m in _BARE_NUMBER.finditer(line):
        after = line[m.end() : m.end() + 12].lstrip().lower()
        before = line[max(0, m.start() - 12) : m.start()].rstrip().lower()
        if after.startswith(_UNITS) or before.endswith(_SCALE_WORDS):
            continue
        value = parse_number(m.group())
        if (
            value is not None
            and value >= 10
            and not (1900 <= value <= 2100 and "." not in m.group())
        ):
            amounts.append((m.start(), m.end(), value))
    return amounts


@functools.lru_cache(maxsize=8)
def _pay_regex(words: frozenset[str]) -> re.Pattern[str]:
    r"""Any of ``words`` as a whole word (no letter before or after it), the longest first.

    The words are grouped by their first character, and whether a letter stands before a
    word is checked after that character (``(?<![^\W\d_].)``; no word starts with a newline,
    which ``.`` would not match). A pattern whose every alternative starts with a literal lets
    the regex engine skip to where one of those characters stands instead of trying each
    position. It finds what ``(?<![^\W\d_])(?:longest|…|shortest)(?![^\W\d_])`` finds.
    """
    rests: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    alternatives = "|".join(
        f"{re.escape(first)}(?<![^\\W\\d_].)(?:{'|'.join(rest)})" for first, rest in rests.items()
    )
    return re.compile(rf"(?:{alternatives})(?![^\W\d_])")


def _sections(text: str, rules: CompiledRules) -> tuple[int, tuple[int, int] | None, bool]:
    """(requirements counted, span of the requirements heading, whether an offer heading)."""
    requirements = 0
    span: tuple[int, int] | None = None
    has_offer = False
    counting = False
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            if counting and requirements:
                counting = False
            continue
        short = len(stripped) <= 80 and stripped.count(" ") < 8
        bare = fold(_HEADING_STRIP.sub("", stripped)) if short else ""
        if short and bare.startswith(rules.requirement_headings):
            counting, span = True, (start, start + len(line))
            continue
        if short and bare.startswith(rules.offer_headings):
            has_offer, counting = True, False
            continue
        if counting:
            if _BULLET.match(line) or not stripped.endswith((":", "?")):
                requirements += 1
            else:
                counting = False
    return requirements, span, has_offer


def facts_of(doc: Doc, text: str, rules: CompiledRules) -> TextFacts:
    """Count words, sentences, syllables, you/we, requirements and pay amounts."""
    lang = doc.lang
    words = sentences = syl = you = we = 0
    long_sentences: list[tuple[int, int, int]] = []
    limit = int(_param(rules, "sentence_length", "max_words", 25))
    you_words, we_words = rules.you_words, rules.we_words
    starts, ends, norms = doc.starts, doc.ends, doc.norms
    # syllables per token (0 for numbers and symbols, which are not words), per language
    counts = cached_per_language(
        _SYLLABLES,
        lang,
        norms,
        lambda k: syllables(norms[k], lang) if norms[k][:1].isalpha() else 0,
        200_000,
    )
    for first, last in doc.sentences:
        part = counts[first:last]
        n = len(part) - part.count(0)
        if n:
            sentences += 1
            words += n
            syl += sum(part)
            if n > limit:
                long_sentences.append((starts[first], ends[last - 1], n))
    you = sum(map(you_words.__contains__, norms))
    we = sum(map(we_words.difference(you_words).__contains__, norms))
    requirements, span, has_offer = _sections(text, rules)
    return TextFacts(
        words, sentences, syl, long_sentences, you, we, requirements, span, has_offer,
        _pay(text, rules),
    )  # fmt: skip


def _param(rules: CompiledRules, check: str, name: str, default: float) -> float:
    rule = rules.checks.get(check)
    return rule.spec.params.get(name, default) if rule is not None else default


def run_checks(doc: Doc, text: str, facts: TextFacts, rules: CompiledRules) -> list[Hit]:
    """The hits of the enabled whole-text checks."""
    hits: list[Hit] = []
    checks = rules.checks
    if (rule := checks.get("pay_missing")) and not facts.pay:
        hits.append(Hit(rule, 0, 0))
    if rule := checks.get("pay_range_wide"):
        ratio = rule.spec.params.get("max_ratio", 1.75)
        variable = _pay_regex(rules.variable_pay_words) if rules.variable_pay_words else None
        for start, end, low, high in facts.pay:
            if variable and variable.search(text[max(0, start - 50) : end + 30].lower()):
                continue  # "£4,000 to £7,500 commission on top": variable pay, not the band
            if low < high and high > ratio * low:
                hits.append(Hit(rule, start, end, {"ratio": f"{high / low:.1f}"}))
    if rule := checks.get("readability_level"):
        score, _, level = readability(facts, doc.lang)
        params = rule.spec.params
        if facts.words >= params.get("min_words", 30) and score < params.get("min_score", 60):
            hits.append(Hit(rule, 0, 0, {"score": f"{score:.0f}", "level": level}))
    if rule := checks.get("sentence_length"):
        for start, end, n in facts.long_sentences:
            hits.append(Hit(rule, start, end, {"words": n}))
    if rule := checks.get("length"):
        low, high = rule.spec.params.get("min_words", 300), rule.spec.params.get("max_words", 700)
        if facts.words and not low <= facts.words <= high:
            hits.append(Hit(rule, 0, 0, {"words": facts.words}))
    if rule := checks.get("we_over_you"):
        ratio, minimum = rule.spec.params.get("max_ratio", 1.5), rule.spec.params.get("min_we", 5)
        if facts.we >= minimum and facts.we > ratio * facts.you:
            hits.append(Hit(rule, 0, 0, {"we": facts.we, "you": facts.you}))
    if (rule := checks.get("requirements")) and facts.requirements > rule.spec.params.get("max", 7):
        start, end = facts.requirements_span or (0, 0)
        hits.append(Hit(rule, start, end, {"count": facts.requirements}))
    rule = checks.get("no_offer")
    if rule and facts.words and not facts.has_offer_heading and not facts.pay:
        hits.append(Hit(rule, 0, 0))
    if rule := checks.get("stressed_article"):
        hits.extend(_stressed_articles(doc, text, rule))
    if rule := checks.get("gender_marker"):
        for m in _ONE_SEX.finditer(text):
            before = [t for t in doc.tokens if t.end <= m.start()]
            start = (
                before[-1].start
                if before and before[-1].sent == _sent_at(doc, m.start())
                else m.start()
            )
            hits.append(Hit(rule, start, m.end()))
    return hits


def _stressed_articles(doc: Doc, text: str, rule: Rule) -> list[Hit]:
    """'dé zaak', 'THE place to be': the stressed article with the word after it.

    Capitals count only between words in lower case (not in a heading in capitals); a
    quoted article is not a finding.
    """
    pattern = _STRESSED_ARTICLE.get(doc.lang)
    if pattern is None or not any(part in text for part in _STRESSED_PARTS[doc.lang]):
        return []
    hits: list[Hit] = []
    starts, ends, sents = doc.starts, doc.ends, doc.sents
    size = len(ends)
    for m in pattern.finditer(text):
        # the first token that ends after the match's start
        i = bisect.bisect_right(ends, m.start())
        if i == size or doc.quoted[i]:
            continue
        nxt = i + 1 if i + 1 < size and sents[i + 1] == sents[i] else None
        if m.group().isupper():
            prev = i - 1 if i > 0 and sents[i - 1] == sents[i] else None
            if nxt is None or prev is None:
                continue
            if text[starts[nxt] : ends[nxt]].isupper() or text[starts[prev] : ends[prev]].isupper():
                continue
        hits.append(Hit(rule, m.start(), ends[nxt] if nxt is not None else m.end()))
    return hits


def _sent_at(doc: Doc, offset: int) -> int:
    for tok in doc.tokens:
        if tok.end > offset:
            return tok.sent
    return -1
