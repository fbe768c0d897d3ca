"""Round 41's speed changes score exactly as before: a batch is scored as its texts one by one
(`score_texts`, `matcher.scan_many`), and the search for a slip noticed after it runs only
where one of its words is within reach (`matcher._noticed_after`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerjournal.drift import load_lexicon, score_text
from peerjournal.drift.score import score_texts
from test_drift_properties import SETTINGS, join, pieces

LEX = load_lexicon()


@SETTINGS
@given(st.lists(pieces.map(join), max_size=6))
def test_a_batch_is_scored_as_its_texts_one_by_one(texts: list[str]) -> None:
    assert [s.to_json() for s in score_texts(texts, LEX)] == [
        score_text(t, LEX).to_json() for t in texts
    ]


def test_an_empty_batch_scores_nothing() -> None:
    assert score_texts([], LEX) == []


def _noticed(text: str) -> list[str]:
    return [h.text for h in score_text(text, LEX).hits if h.self_noticed]


def test_a_slip_noticed_in_the_next_sentence_is_flagged() -> None:
    text = "I told him he should take his meds. Then I caught myself and stopped."
    assert "take his meds" in _noticed(text)


def test_a_noticing_two_sentences_on_does_not_reach_back() -> None:
    text = (
        "I told him he should take his meds. We had a brew. The bus was late. "
        "I caught myself, later, humming."
    )
    assert _noticed(text) == []


def test_the_noticing_words_elsewhere_in_the_entry_do_not_flag_a_slip() -> None:
    # "heard", "read", "myself" before the slip or far after it: no noticing of it
    text = (
        "I heard myself laugh and read the paper. I told her she should take her meds. "
        "We walked. It rained. We sat. I read it back at home."
    )
    assert _noticed(text) == []


def test_a_batch_as_long_as_a_long_text_is_scored_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from peerjournal.drift import score as score_module

    seen: list[bool] = []
    real = score_module.scan_many

    def spy(texts: list[str], lex: object) -> object:
        seen.append(gc.isenabled())
        return real(texts, lex)  # type: ignore[arg-type]

    monkeypatch.setattr(score_module, "scan_many", spy)
    was = gc.isenabled()
    gc.enable()
    try:
        entry = "I shared my story today and we talked about the week ahead. " * 20
        score_texts([entry] * 3, LEX)
        score_texts([entry] * (score_module.LONG_TEXT // len(entry) + 1), LEX)
        assert seen == [True, False] and gc.isenabled()
    finally:
        if not was:
            gc.disable()
