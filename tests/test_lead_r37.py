"""Round 37, lead's mends found by the suite's own random name test."""

from peerjournal.redact import Person, Redactor


def test_an_accented_name_in_capitals_is_no_abbreviation() -> None:
    """Was: "DÍ rang" kept with Dí Bb listed, since "di" in capitals is an abbreviation
    (Detective Inspector); "DÍ", spelled with its accent, is only the name."""
    assert Redactor([Person("Dí Bb")])("DÍ rang at noon.") == "[person] rang at noon."
    assert Redactor([Person("Di Smith")])("The DI rang at noon.") == "The DI rang at noon."


def test_a_month_that_is_a_name_is_someone_tearful() -> None:
    """Was (this round's day-and-month rule): "June was tearful" not counted, though June is
    a given name; "Monday was tearful" is still the writer's Monday."""
    from peerjournal.drift import load_lexicon, score_text

    lexicon = load_lexicon()

    def counted(text: str) -> list[str]:
        return [h.marker for h in score_text(text, lexicon).hits if h.counted]

    for text in ("June was tearful.", "Kim and June were tearful.", "May was tearful all session."):
        assert "clinical_language.described_other" in counted(text), text
    assert counted("Monday was tearful.") == []


def test_text_cut_at_the_cap_keeps_a_long_last_line() -> None:
    """Was: "hi" and 9 MB on one line piped to `write --resume` kept only "hi\\n", the cap's
    cut going back to the last line break wherever it was."""
    from peerjournal.cli.write import _cut_at

    assert _cut_at(b"hi\n" + b"a" * 100, 50) == b"hi\n" + b"a" * 47
    assert _cut_at(b"a" * 40 + b"\n" + b"b" * 60, 50) == b"a" * 40 + b"\n"
    assert _cut_at("é".encode() * 30, 51) == "é".encode() * 25
