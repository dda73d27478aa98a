"""Quality regressions on the repository's own example ads (not the dev or held-out data)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from talentfit.lint import PROBLEM_CATEGORIES, lint_file, lint_vacancy

DATA = Path(__file__).parent / "data" / "lint"
GOOD = sorted(DATA.glob("good_*.txt"))
SPAN_CATEGORIES = (set(PROBLEM_CATEGORIES) - {"pay_transparency"}) | {"gender_coded"}
# Batches 11 and later were written and measured before the rules were extended for them
# (first-pass figures in docs/lint.md); they are held to floors, not to every span.
FRESH_FROM = 11
FRESH_RECALL_FLOOR = 0.94
FRESH_CATEGORY_FLOOR = 0.96


def _batch_number(path: Path) -> int:
    tail = path.stem.removeprefix("own_typical").lstrip("_")
    return int(tail) if tail else 1


def _ads(fresh: bool) -> list[dict]:
    paths = [
        p for p in sorted(DATA.glob("own_typical*.jsonl"))
        if (_batch_number(p) >= FRESH_FROM) == fresh
    ]  # fmt: skip
    return _read(paths)


def _read(paths: list[Path]) -> list[dict]:
    return [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _span_results(ad: dict) -> list[tuple[str, bool, bool]]:
    """(span text, found by a phrase finding, found with the annotated category) per span."""
    findings = [
        f for f in lint_vacancy(ad["text"], lang=ad["lang"]).findings
        if f.category in SPAN_CATEGORIES
    ]  # fmt: skip
    results = []
    cursor = 0
    for span in ad["spans"]:
        start = re.compile(rf"(?<!\w){re.escape(span['text'])}").search(ad["text"], cursor).start()
        end = start + len(span["text"])
        cursor = start
        hits = [f for f in findings if f.start < end and start < f.end]
        right = any(f.category == span["category"] for f in hits)
        results.append((span["text"], bool(hits), right))
    return results


@pytest.mark.parametrize("path", GOOD, ids=[p.stem for p in GOOD])
def test_well_written_ads_have_no_problem_findings(path: Path) -> None:
    """Concrete, reader-centred ads in several sectors get no problem or gender-coded findings."""
    result = lint_file(path)
    assert [(f.rule, f.text) for f in result.findings if f.category in SPAN_CATEGORIES] == []


def test_typical_ads_have_their_annotated_spans_found_with_the_right_category() -> None:
    """Every annotated span of the earlier own typical ads is found with its category."""
    missed = [
        (ad["id"], text)
        for ad in _ads(fresh=False)
        if ad["kind"] == "typical"
        for text, _found, right in _span_results(ad)
        if not right
    ]
    assert missed == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_fresh_batches_keep_recall_and_category_above_their_floors(lang: str) -> None:
    """The fresh batches (other sectors, inflected and reordered wording) stay above floors."""
    _assert_floors(_ads(fresh=True), lang, 100, FRESH_RECALL_FLOOR, FRESH_CATEGORY_FLOOR)


def _assert_floors(
    ads: list[dict], lang: str, spans: int, recall_floor: float, category_floor: float
) -> None:
    """At least ``spans`` annotated spans in ``lang``'s typical ads, found and categorised
    at least as often as the floors say (the missed spans are shown on failure)."""
    results = [
        r for ad in ads if ad["lang"] == lang and ad["kind"] == "typical"
        for r in _span_results(ad)
    ]  # fmt: skip
    found = [r for r in results if r[1]]
    assert len(results) >= spans
    assert len(found) / len(results) >= recall_floor, [r[0] for r in results if not r[1]]
    assert sum(r[2] for r in found) / len(found) >= category_floor


# Batches 20 and later (docs/lint.md: first pass nl 0.60-0.75, en 0.56-0.82) were each
# measured before the rules were extended for them; each batch is held to its own floor
# per language, so one batch cannot hide behind the pool.
LATE_FROM = 20
LATE_RECALL_FLOOR = 0.90
LATE_CATEGORY_FLOOR = 0.95
LATE = [p for p in sorted(DATA.glob("own_typical_*.jsonl")) if _batch_number(p) >= LATE_FROM]
# A batch committed before the rules were extended for it is held to its measured first
# pass (recall, category per language) until its fixes land.
FIRST_PASS_FLOORS: dict[int, dict[str, tuple[float, float]]] = {}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", LATE, ids=[p.stem for p in LATE])
def test_each_late_batch_keeps_recall_and_category_per_language(path: Path, lang: str) -> None:
    """Every batch from 20 on keeps its own recall and category floor in each language
    it has ads in (batches 70 and 71 are Dutch only, 72 and 73 English only)."""
    ads = _read([path])
    if not any(ad["lang"] == lang for ad in ads):
        pytest.skip(f"{path.stem} has no ads in {lang}")
    recall, category = FIRST_PASS_FLOORS.get(_batch_number(path), {}).get(
        lang, (LATE_RECALL_FLOOR, LATE_CATEGORY_FLOOR)
    )
    _assert_floors(ads, lang, 40, recall, category)


GOOD_IN_BATCHES = [ad for fresh in (False, True) for ad in _ads(fresh) if ad["kind"] == "good"]
# Well-written ads with a false alarm at their first pass, until the fix lands.
FIRST_PASS_FALSE_ALARMS: set[str] = set()


@pytest.mark.parametrize("ad", GOOD_IN_BATCHES, ids=[ad["id"] for ad in GOOD_IN_BATCHES])
def test_well_written_ads_in_the_batches_have_no_problem_findings(ad: dict) -> None:
    """The well-written ads of the batches (facts, welcomes, negated demands) get no problem."""
    if ad["id"] in FIRST_PASS_FALSE_ALARMS:
        pytest.xfail("false alarm at the first pass, not fixed yet")
    result = lint_vacancy(ad["text"], lang=ad["lang"])
    assert [(f.rule, f.text) for f in result.problems()] == []


# Batches written by a second author, measured before any rule was changed for them
# (first pass: nl 0.79 and 0.85, en 0.88 and 0.78 recall); held to a floor, not to every span.
INDEPENDENT = sorted(DATA.glob("independent_*.jsonl"))
INDEPENDENT_RECALL_FLOOR = 0.82


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_independent_batches_keep_recall_above_their_floor(lang: str) -> None:
    """The second author's ads keep recall and category above floors, good ads stay clean."""
    ads = _read(INDEPENDENT)
    results = [
        r for ad in ads if ad["lang"] == lang and ad["kind"] == "typical" for r in _span_results(ad)
    ]
    found = [r for r in results if r[1]]
    assert len(results) >= 50
    assert len(found) / len(results) >= INDEPENDENT_RECALL_FLOOR, [
        r[0] for r in results if not r[1]
    ]
    assert sum(r[2] for r in found) / len(found) >= 0.9
    for ad in ads:
        if ad["lang"] == lang and ad["kind"] == "good":
            findings = lint_vacancy(ad["text"], lang=lang).findings
            assert [f.text for f in findings if f.category in SPAN_CATEGORIES] == [], ad["id"]
