"""`drift` as the writer reads it, after the round-22 QA read-through: a phrase found by both
a curated and a learned marker is listed once, and the others'-framing line names what others
said of a person, not every word of their sentence."""

from __future__ import annotations

from conftest import CLI
from peerjournal.drift import is_learned_marker, score_text

NODDED = "The nurse said she was non-compliant with her meds and I just nodded along."


def _lines(cli: CLI, text: str) -> list[str]:
    result = cli("drift", "--text", text)
    assert result.exit_code == 0, result.stderr
    return [" ".join(line.split()) for line in result.stdout.splitlines()]


def test_a_phrase_found_curated_and_learned_is_listed_once(cli: CLI) -> None:
    """Was: 'Voice 0.0 28.3 “nodded along”; “nodded along” (learned)': one phrase, listed as
    two. Its number still holds both weights, so the fold says so."""
    hits = [h for h in score_text(NODDED).hits if h.text == "nodded along"]
    assert sorted(is_learned_marker(h.marker) for h in hits) == [False, True]  # both found it
    [voice] = [line for line in _lines(cli, NODDED) if line.startswith("Voice ")]
    assert voice == "Voice 0.0 28.3 “nodded along” (also learned)"
    [total] = [line for line in _lines(cli, NODDED) if line.startswith("All (per 100 words)")]
    assert total.endswith("1 counted of 3 phrases, 15 words")


def test_others_framing_leaves_out_learned_words(cli: CLI) -> None:
    """Was: 'Others' framing, not counted as yours: “telling her what to do”, “by”'."""
    text = "Her mum keeps telling her what to do and Aisha is worn out by it."
    assert any(h.text == "by" and h.attributed for h in score_text(text).hits)
    framing = [line for line in _lines(cli, text) if line.startswith("Others' framing")]
    assert framing == ["Others' framing, not counted as yours: “telling her what to do”"]
