"""The tokeniser's per-piece cache never changes a text's tokens."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

_PIECES = st.lists(
    st.sampled_from(
        [*"ab1 .,-'’(€\n\u00a0_xé\t:/", "  ", "3.100,-", "e-mail", "don't", "€1.500", "klant"]
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES.map("".join), min_size=1, max_size=4))
def test_tokens_split_by_pieces_equal_the_regular_expression(texts: list[str]) -> None:
    """Splitting at spaces and remembering the pieces gives what the token pattern's split
    of the whole text gives, for texts seen before or not (two spaces, a leading gap,
    no tokens at all, the empty text)."""
    from talentfit.text import _TOKEN_SPLIT_RE, _split_tokens

    for text in [*texts, *texts]:
        assert _split_tokens(text) == _TOKEN_SPLIT_RE.split(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES.map("".join), min_size=1, max_size=4))
def test_an_emptied_piece_cache_changes_nothing(texts: list[str]) -> None:
    """With the piece cache emptied every two pieces (the memory bound), the split stays
    the same."""
    import talentfit.text as text_module

    limit = text_module._CHUNKS_LIMIT
    text_module._CHUNKS_LIMIT = 2
    try:
        for text in [*texts, *texts]:
            assert text_module._split_tokens(text) == text_module._TOKEN_SPLIT_RE.split(text)
    finally:
        text_module._CHUNKS_LIMIT = limit
