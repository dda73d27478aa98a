"""Sentence, clause and quote segmentation edge cases (the fast path must keep them)."""

from talentfit.text import analyse


def _sents(text: str, lang: str = "nl") -> list[str]:
    doc = analyse(text, lang)
    return [" ".join(t.surface for t in doc.sentence_tokens(i)) for i in range(len(doc.sentences))]


def test_abbreviation_does_not_end_a_sentence() -> None:
    """'max. 35 jaar' stays one sentence; a real full stop still splits."""
    assert _sents("Je bent max. 35 jaar. Wij bieden veel.") == [
        "Je bent max 35 jaar",
        "Wij bieden veel",
    ]


def test_newline_and_list_items_split() -> None:
    """Every line of a list is its own sentence."""
    assert len(_sents("Wat je krijgt\n- een laptop\n- een fiets")) == 3


def test_clause_marks_and_openers_start_clauses() -> None:
    """Commas and clause-opening conjunctions start a new clause within a sentence."""
    doc = analyse("Ik wist het niet, dus ik belde maar hij nam niet op.", "nl")
    clause = [t.clause for t in doc.tokens]
    # Ik wist het niet | dus ik belde | maar hij nam niet op
    assert clause[0] == clause[3]
    assert clause[3] < clause[4] == clause[6]
    assert clause[6] < clause[7] == clause[11]


def test_quotes_open_and_close() -> None:
    """Quoted words are marked; the words after the closing quote are not."""
    doc = analyse('Hij zei "dat mag niet" en ging weg.', "nl")
    assert [t.surface for t in doc.tokens if t.quoted] == ["dat", "mag", "niet"]


def test_empty_and_punctuation_only() -> None:
    """Texts without words give no tokens and no sentences."""
    assert analyse("", "en").tokens == []
    assert analyse("... !? --", "en").sentences == []
