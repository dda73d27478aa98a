"""Every lexicon signal fires on its positive examples and not on its negative ones."""

from __future__ import annotations

import pytest

from talentfit.errors import ConfigError
from talentfit.evidence import analyse_answer
from talentfit.lexicon import lexicon, load_lexicon_data

SIGNALS = [(lang, signal) for lang in ("nl", "en") for signal in lexicon(lang).signals]
EFFECTIVE = {"outcome_subject": "result"}


def _fires(lang: str, signal_id: str, kind: str, text: str) -> bool:
    analysis = analyse_answer(text, lang)
    if kind in ("hypothetical", "habitual", "counterfactual", "situation"):
        return any(kind in s.modes for s in analysis.sentences) and any(
            h.signal.id == signal_id for h in analysis.hits
        )
    return any(h.signal.id == signal_id and h.kind == kind for h in analysis.hits)


def _expected_kind(signal_kind: str, text: str, lang: str, signal_id: str) -> str:
    kind = EFFECTIVE.get(signal_kind, signal_kind)
    if kind in ("indicator", "perspective", "result"):
        # behaviour only counts in a concrete sentence; examples are written as such
        return kind
    return kind


@pytest.mark.parametrize(("lang", "signal"), SIGNALS, ids=[f"{lang}:{s.id}" for lang, s in SIGNALS])
def test_signal_examples(lang: str, signal) -> None:  # type: ignore[no-untyped-def]
    """Positive examples produce the signal with its kind; negative examples do not."""
    kind = EFFECTIVE.get(signal.kind, signal.kind)
    for text in signal.examples.positive:
        assert _fires(lang, signal.id, kind, text), f"{signal.id} should fire on: {text}"
    for text in signal.examples.negative:
        assert not _fires(lang, signal.id, kind, text), f"{signal.id} must not fire on: {text}"


def test_every_signal_has_examples() -> None:
    """Meta-test: no signal without positive and negative examples."""
    for lang in ("nl", "en"):
        for signal in lexicon(lang).signals:
            assert signal.examples.positive and signal.examples.negative, signal.id


def test_signal_without_examples_is_rejected() -> None:
    """Loading a lexicon whose signal lacks examples fails with the field path."""
    data = {
        "language": "nl",
        "signals": [
            {
                "id": "x",
                "kind": "indicator",
                "competencies": ["ownership"],
                "patterns": ["bellen"],
                "examples": {"positive": ["Ik belde."], "negative": []},
            }
        ],
    }
    with pytest.raises(ConfigError, match=r"@ \$\.signals\[0\]\.examples"):
        load_lexicon_data(data, "test.toml")


def test_unknown_kind_is_rejected() -> None:
    """A signal kind outside the schema is a ConfigError naming the field."""
    data = {
        "language": "en",
        "signals": [
            {
                "id": "x",
                "kind": "vibes",
                "patterns": ["call"],
                "examples": {"positive": ["a"], "negative": ["b"]},
            }
        ],
    }
    with pytest.raises(ConfigError, match=r"kind must be one of .* @ \$\.signals\[0\]"):
        load_lexicon_data(data, "test.toml")
