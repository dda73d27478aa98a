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


TRANSCRIPT_NL = (
    "een klant belde boos want zijn pakket was al een week niet gekomen ik heb hem niet "
    "doorverbonden maar zelf de vervoerder gebeld en toen bleek het pakket in het depot te "
    "liggen ik heb het laten bezorgen en de volgende dag belde hij dat het binnen was"
)
TRANSCRIPT_EN = (
    "a customer called because his parcel had not arrived for a week i didn't transfer him "
    "i called the courier myself and then it turned out the parcel was stuck at the depot "
    "i had it delivered and the next day he called to say it had arrived"
)


def _pieces(text: str, lang: str, *, spoken: bool) -> list[str]:
    doc = analyse(text, lang, spoken=spoken)
    return [" ".join(t.norm for t in doc.tokens[a:b]) for a, b in doc.sentences]


def test_unpunctuated_transcript_is_split_into_sentences() -> None:
    """Speech-to-text without punctuation is cut at discourse markers and 'ik heb'/'i had'."""
    nl = _pieces(TRANSCRIPT_NL, "nl", spoken=True)
    assert len(nl) >= 4
    assert any(p.startswith("ik heb hem niet doorverbonden") for p in nl)
    assert any(p.startswith("en toen bleek") for p in nl)
    en = _pieces(TRANSCRIPT_EN, "en", spoken=True)
    assert len(en) >= 4
    assert any(p.startswith("i didn't transfer him") for p in en)
    assert any(p.startswith("and then it turned out") for p in en)


def test_punctuated_or_unspoken_text_keeps_its_sentences() -> None:
    """Punctuated answers and vacancy texts (spoken=False) are segmented by punctuation only."""
    assert len(_pieces(TRANSCRIPT_NL, "nl", spoken=False)) == 1
    written = TRANSCRIPT_NL.replace(" ik heb", ". Ik heb").replace(" en toen", ". En toen") + "."
    assert _pieces(written, "nl", spoken=True) == _pieces(written, "nl", spoken=False)


def test_subordinate_subject_is_not_a_sentence_start() -> None:
    """'dat ik had' and 'toen ik belde' stay inside their sentence."""
    text = (
        "de klant vertelde mij aan de telefoon uitgebreid over de levering die zij al twee "
        "weken verwachtte terwijl ik had gezien dat het pakket nog in het magazijn lag"
    )
    pieces = _pieces(text, "nl", spoken=True)
    assert not any(p.startswith("ik had") for p in pieces)


def test_a_transcript_splits_before_a_fronted_object_with_verb_and_subject() -> None:
    """ "… koorts kreeg dat hebben we eerst uitgeprobeerd": "dat hebben we" opens a main
    clause (object, verb, subject); "ik zei dat hij had gebeld" stays one sentence."""
    spoken = (
        "ik heb twee weken bijgehouden hoe vaak dat voorkwam en voorgesteld om ouders meteen "
        "een berichtje te sturen als een kind koorts kreeg dat hebben we op mijn groep eerst "
        "uitgeprobeerd en de ouders waren er positief over"
    )
    doc = analyse(spoken, "nl", spoken=True)
    starts = [doc.tokens[first].norm for first, _ in doc.sentences]
    assert "dat" in starts[1:]
    said = (
        "de klant belde omdat zijn pakket niet kwam en ik zei dat hij het morgen zou krijgen "
        "want de bezorger had het verkeerde adres en toen heb ik het zelf opgehaald"
    )
    doc = analyse(said, "nl", spoken=True)
    assert "dat" not in [doc.tokens[first].norm for first, _ in doc.sentences]
