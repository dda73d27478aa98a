"""The text layer: offsets, sentences, lemmas, language detection."""

from hypothesis import given
from hypothesis import strategies as st

from talentfit.text import analyse, detect_language, fold


def test_offsets_point_into_the_original_text() -> None:
    """Every token's offsets slice its surface out of the original text."""
    text = "Ik heb de klant níet doorverbonden, maar zelf geholpen.\nDaarna: €3.100!"
    doc = analyse(text, "nl")
    assert all(text[t.start : t.end] == t.surface for t in doc.tokens)


def test_sentences_split_on_stops_and_lines_not_abbreviations() -> None:
    """'i.p.v.' does not end a sentence; a full stop and a list line do."""
    doc = analyse("Ik belde i.p.v. te mailen. Zij was blij.\n- jong team", "nl")
    assert len(doc.sentences) == 3


def test_fold_strips_emphasis_accents() -> None:
    """Emphasis accents (níet, géén) fold to the plain word."""
    assert fold("Níet géén") == "niet geen"


def test_detects_dutch_and_english() -> None:
    """Language detection tells Dutch from English."""
    assert detect_language("Ik heb de klant teruggebeld en het probleem opgelost.") == "nl"
    assert detect_language("I called the customer back and fixed the problem.") == "en"


@given(st.text(max_size=300))
def test_any_text_analyses(text: str) -> None:
    """Any text analyses without error, in both languages, with valid offsets."""
    for lang in ("nl", "en"):
        doc = analyse(text, lang)
        for tok in doc.tokens:
            assert 0 <= tok.start < tok.end <= len(text)


def test_an_opening_reply_is_its_own_clause_in_speech() -> None:
    """ "not really i don't think …": the reply's negation does not scope over the next clause."""
    doc = analyse("not really i don't think that's my job", "en", spoken=True)
    assert doc.tokens[0].clause != doc.tokens[2].clause
    doc = analyse("nee ik heb hem niet doorverbonden", "nl", spoken=True)
    assert doc.tokens[0].clause != doc.tokens[1].clause
    # a written text, or a reply not followed by a subject, is left alone
    assert len({t.clause for t in analyse("not really my job", "en", spoken=True).tokens}) == 1
    assert len({t.clause for t in analyse("no i didn't", "en").tokens}) == 1


def test_speech_is_not_split_at_an_adverb_after_its_verb() -> None:
    """'hij kwam later terug' stays whole; '… lagen dus ik heb …' and 'en toen' still split."""
    doc = analyse(
        "dat kostte veertig euro in plaats van zeshonderd en hij kwam later terug om te zeggen "
        "dat ie weer als nieuw was en toen ben ik naar huis gegaan",
        "nl",
        spoken=True,
    )
    sentences = [" ".join(t.norm for t in doc.tokens[a:b]) for a, b in doc.sentences]
    assert any("kwam later terug" in s for s in sentences)
    assert sentences[-1].startswith("en toen ben ik")


def test_the_scope_of_instead_of_and_without_ends_at_a_subject_pronoun() -> None:
    """'Instead of quoting six weeks I asked': 'quoting' is negated, 'asked' is not; a plain
    'not' keeps its scope, and an object pronoun ('zonder hem te bellen') ends nothing."""

    def negated(text: str, lang: str, word: str) -> bool:
        doc = analyse(text, lang)
        (tok,) = [t for t in doc.tokens if t.norm == word]
        return doc.is_negated(tok.i, tok.i)

    text = "Instead of quoting six weeks I asked what was going on."
    assert negated(text, "en", "quoting")
    assert not negated(text, "en", "asked")
    assert not negated("Zonder te wachten heb ik hem gebeld.", "nl", "gebeld")
    assert negated("Zonder hem te bellen heb ik het geannuleerd.", "nl", "bellen")
    assert negated("I did not ask what was going on.", "en", "ask")
    assert negated("Nobody asked, so I just waited.", "en", "asked")


def test_an_elided_word_after_an_apostrophe_opens_no_quotation() -> None:
    """Elided words are no quotes ("belde ik 'm terug", "told 'em"); "'no worries'" is one."""

    def quoted(text: str, lang: str) -> list[str]:
        return [t.surface for t in analyse(text, lang).tokens if t.quoted]

    assert quoted("Toen belde ik 'm terug en heb ik 's avonds 'n mail gestuurd.", "nl") == []
    assert quoted("I told 'em to wait 'cause the van was late.", "en") == []
    assert quoted("I said 'no worries' and rang him back.", "en") == ["no", "worries"]
    assert quoted("Ik zei: 'geen probleem' en belde hem terug.", "nl") == ["geen", "probleem"]


def test_a_sentence_may_open_with_an_elided_dutch_word() -> None:
    """Two sentences in "… gehouden. 's Avonds heb ik gebeld"; "'s avonds" inside one is one."""
    assert len(analyse("Ik heb het geregeld. 's Avonds heb ik gebeld.", "nl").sentences) == 2
    assert len(analyse("Ik heb 's avonds gebeld en het geregeld.", "nl").sentences) == 1


def test_hesitations_are_no_words_in_spoken_text_only() -> None:
    """A transcript's "eh"/"uh" is skipped in spoken text (offsets still point into it);
    written text keeps every word."""
    text = "Ik heb eh zelf de vervoerder uh gebeld."
    spoken = analyse(text, "nl", spoken=True)
    assert [t.norm for t in spoken.tokens] == ["ik", "heb", "zelf", "de", "vervoerder", "gebeld"]
    assert all(text[t.start : t.end] == t.surface for t in spoken.tokens)
    assert "eh" in [t.norm for t in analyse(text, "nl").tokens]
    only = analyse("Um, uh.", "en", spoken=True)
    assert only.tokens == [] and only.sentences == []


def test_hesitations_do_not_change_the_score() -> None:
    from talentfit import score_answer

    plain = (
        "a customer rang because her parcel was lost i called the courier myself and "
        "promised to ring her back by four and i did the parcel came the next day and she "
        "thanked me"
    )
    hesitant = plain.replace("i called", "i um called").replace("and i did", "and uh i did")
    levels = [
        score_answer(t, lang="en", competency="ownership").score_for("ownership").level  # type: ignore[union-attr]
        for t in (plain, hesitant)
    ]
    assert levels[0] == levels[1] and levels[0] is not None and levels[0] >= 3
