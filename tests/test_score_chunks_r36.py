"""How `iter_score_many` splits a batch among workers (round 36): pieces of CHUNK, smaller as
the end nears, so that no worker is left scoring a whole CHUNK while the others wait."""

from __future__ import annotations

from peerjournal.drift.score import CHUNK, LAST_CHUNK, _chunks


def test_the_pieces_hold_every_text_once_in_order_and_shrink_toward_the_end() -> None:
    texts = [str(n) for n in range(20_000)]
    sizes = [len(chunk) for chunk in _chunks(texts, 2)]
    assert [text for chunk in _chunks(texts, 2) for text in chunk] == texts
    assert sizes[0] == CHUNK and sizes == sorted(sizes, reverse=True)
    assert sum(sizes[-3:]) <= 3 * LAST_CHUNK  # the last pieces take a moment each
    assert len(sizes) < 60  # (each piece costs a round trip to a worker)


def test_a_small_batch_is_split_by_the_workers_share() -> None:
    assert _chunks([], 2) == []
    assert _chunks(["a", "b", "c"], 2) == [["a"], ["b"], ["c"]]
    assert [len(chunk) for chunk in _chunks(["x"] * 2_000, 2)][:5] == [250] * 5
