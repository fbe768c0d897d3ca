"""What the writer reads, after the round-22 QA read-through: in `drift`, a phrase found by
both a curated and a learned marker is listed once, and the others'-framing line names what
others said of a person, not every word of their sentence; in the guided write, a question
that wraps keeps its indent."""

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
    two. Since round 26 its number holds the curated weight alone (the words count once)."""
    hits = [h for h in score_text(NODDED).hits if h.text == "nodded along"]
    assert sorted(is_learned_marker(h.marker) for h in hits) == [False, True]  # both found it
    [voice] = [line for line in _lines(cli, NODDED) if line.startswith("Voice ")]
    assert voice == "Voice 0.0 10.0 “nodded along” (also learned)"
    [total] = [line for line in _lines(cli, NODDED) if line.startswith("All (per 100 words)")]
    assert total.endswith("1 counted of 3 phrases, 15 words")


def test_others_framing_leaves_out_learned_words(cli: CLI) -> None:
    """Was: 'Others' framing, not counted as yours: “telling her what to do”, “by”'."""
    # round 39: "by" is no longer learned (it was "b'y"); "let down" is a learned phrase
    text = "Her mum keeps telling her what to do and Aisha feels let down by it."
    assert any(h.text == "let down" and h.attributed for h in score_text(text).hits)
    framing = [line for line in _lines(cli, text) if line.startswith("Others' framing")]
    assert framing == ["Others' framing, not counted as yours: “telling her what to do”"]


def test_a_guiding_question_that_wraps_keeps_its_indent() -> None:
    """Was: at 60 columns a question's second line went back to the margin, under the
    bullet ("  • Association: … your\\ntraining?")."""
    from rich.console import Console

    from peerjournal.reflection import load_prompt_set
    from peerjournal.render.writing import element_intro

    console = Console(width=50, no_color=True, record=True)
    console.print(element_intro(load_prompt_set("boud").elements[2], "on-action", 3, 3))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    questions = lines[lines.index(next(x for x in lines if x.startswith("  • "))):]
    assert len(questions) > 3  # some wrap at this width
    assert all(x.startswith(("  • ", "    ")) and x.strip() for x in questions), questions


def test_large_counts_have_thousands_separators(cli: CLI) -> None:
    """Was: "1200 counted of 1200 phrases, 7200 words" and "×1200" for a long entry."""
    lines = _lines(cli, "I told him what he should do. " * 1200)
    [total] = [line for line in lines if line.startswith("All (per 100 words)")]
    assert total.endswith("counted of 1,200 phrases, 8,400 words"), total
    assert any("×1,200" in line for line in lines)


def test_show_dates_an_entry_as_the_other_commands_do(cli: CLI) -> None:
    """Was: "Thu 05 Nov 2026" in `show`, "5 Nov 2026" in reports and alerts."""
    result = cli("write", "-x", "We sat together.", "--date", "2026-11-05")
    assert result.exit_code == 0, result.stderr
    shown = cli("show", result.stdout.strip()).stdout
    assert shown.startswith("#1 · Thu 5 Nov 2026 · ")


def test_drift_that_is_mostly_self_doubt_is_not_called_a_clinical_role(cli: CLI) -> None:
    """Was: "leans toward a clinical role: peer drift" for a writer back from sick leave whose
    only drift was feeling like a fraud."""
    text = "Back after a week off sick. I felt like a fraud all shift, not good enough for this."
    assert score_text(text).drift_dimensions()[:1] == ["self_worth"]
    said = " ".join(cli("drift", "--text", text).stdout.split())
    assert ("Your language in this entry leans toward drift: mostly self-doubt, not a clinical "
            "role.") in said
    assert "a clinical role: peer drift" not in said
    other = " ".join(cli("drift", "--text", "I told him he should take his meds.").stdout.split())
    assert "leans toward a clinical role: peer drift." in other
