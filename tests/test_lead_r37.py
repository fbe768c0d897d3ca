"""Round 37, lead's mends: found by the suite's own random name test and the final review."""

from conftest import CLI
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


def test_drafts_discard_refuses_more_numbers_than_delete_takes(cli: CLI) -> None:
    """Was: ten ranges of a million each to `drafts --discard` took 917 MB; delete refused the
    same at once."""
    ranges = [arg for _ in range(2) for arg in ("--discard", "1-600000")]
    result = cli("drafts", *ranges)
    assert result.exit_code == 2
    assert "more than 1,000,000 numbers in all (see `peerjournal drafts` for the numbers)" in (
        " ".join(result.stderr.split()))


def test_a_setting_with_a_lower_case_abbreviation_is_no_sentence() -> None:
    """Was (this round's Setting rule): "st. mary's", "e.g. ward", "inpatient, i.e. ward"
    questioned as sentences, Enter moving them into the experience."""
    from peerjournal.cli.guided import reads_like_a_sentence

    for setting in ("st. mary's", "e.g. ward", "inpatient, i.e. ward", "a.m. outreach",
                    "ward b vs. c", "dept. waiting room", "St. Mary's", "Ward 7. Bay 2"):
        assert not reads_like_a_sentence(setting, one_value=True), setting
    for sentence in ("ward. Kai kicked off", "home visit! Sam was out",
                     "rough one today, Kai kicked off"):
        assert reads_like_a_sentence(sentence, one_value=True), sentence


def test_an_accented_name_part_opening_a_text_is_the_name() -> None:
    """Was: "DÓ" alone kept with Bb Dó listed (read as "Do" opening a sentence); the CI's
    random name test found it."""
    redact = Redactor([Person("Bb Dó")])
    assert redact("DÓ") == "[person]" and redact("Dó was here.") == "[person] was here."
    assert Redactor([Person("Bb Do")])("Do you think so?") == "Do you think so?"
