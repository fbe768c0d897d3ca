"""Round 38 (data2): a lexicon pattern nested hundreds of groups deep (or holding thousands of
optional groups) is one line, not a RecursionError, and `write` keeps the words; the
empty-window message with one past day and entries after today no longer contradicts itself;
dates typed with an option's word ("on friday"), shortened ("2 wks ago", "yday"), or as a
weekday's time of day ("friday night") are read or asked about, and only suggested where taken."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.dates import parse_bound, parse_date
from peerjournal.db.stats import Found, none_in_window
from peerjournal.drift.lexicon import MAX_NESTING, LexiconError, compile_pattern, parse_lexicon
from peerjournal.errors import PeerJournalError

TODAY = date(2026, 11, 20)  # conftest.FIXED_NOW, a Friday


def _lexicon(pattern: str) -> str:
    return (
        '[[marker]]\nid = "story.shared"\ndimension = "story"\npolarity = "identity"\n'
        f'source = "test"\npatterns = ["{pattern}", "shared my story"]\n'
    )


def _nested(depth: int) -> str:
    return "(" * depth + "talk" + ")" * depth


# -- 5. a pattern nested too deeply --------------------------------------------------------------


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 400, 5000])
def test_a_deeply_nested_pattern_is_one_line_naming_marker_and_field(depth: int) -> None:
    with pytest.raises(LexiconError) as caught:
        parse_lexicon(_lexicon(_nested(depth)).encode(), "deep.toml")
    said = str(caught.value)
    assert said.startswith("deep.toml: marker 'story.shared': field 'patterns': '((((")
    assert said.endswith(f": nested too deeply ({depth} groups inside each other; at most "
                         f"{MAX_NESTING}).")
    assert len(said) < 200 and "\n" not in said  # the pattern is cut short in the message


def test_a_pattern_nested_as_deep_as_allowed_still_matches() -> None:
    lexicon = parse_lexicon(_lexicon(_nested(MAX_NESTING)).encode(), "ok.toml")
    assert lexicon.pattern_count == 2


@pytest.mark.parametrize("pattern", [
    "(a)? " * 3000 + "x",  # was a RecursionError: one call per optional group
    " ".join(f"(w{n}|v{n})?" for n in range(3000)) + " x",
])
def test_thousands_of_leading_optional_groups_are_refused_in_one_line(pattern: str) -> None:
    with pytest.raises(LexiconError, match="more than 256 ways to start"):
        parse_lexicon(_lexicon(pattern).encode(), "many.toml")


def test_thousands_of_optional_groups_after_the_first_word_compile() -> None:
    """Was a RecursionError (the words that can follow the first: one call per group)."""
    entries = compile_pattern("talk " + "(over)? " * 3000 + "tea")
    assert ("pair", ("talk", "over"), entries[0][2], entries[0][3]) in entries
    assert any(key == ("talk", "tea") for _, key, _, _ in entries)


def test_the_shipped_style_patterns_compile_as_before() -> None:
    assert [key for _, key, _, _ in compile_pattern("(shared|told) (my|our) story")] == [
        ("shared", "my", "story"), ("shared", "our", "story"),
        ("told", "my", "story"), ("told", "our", "story"),
    ]
    assert [key for _, key, _, _ in compile_pattern("(really)? (very)? sad")] == [
        ("really", "very"), ("really", "sad"), ("very", "sad"), "sad",
    ]  # (the same keys as before the loops: all 8,174 test and shipped patterns were compared)


def test_drift_with_a_deeply_nested_pattern_is_one_line(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(_lexicon(_nested(400)), "utf-8")
    result = cli("--lexicon", str(path), "drift", "--text", "hello talk")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"peerjournal: {path}: marker 'story.shared': field 'patterns': ")
    assert "nested too deeply" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "RecursionError" not in result.stderr


def test_write_with_a_config_lexicon_nested_too_deeply_keeps_the_words(
    cli: CLI, tmp_path: Path, isolated: Path
) -> None:
    """Was exit 70 (RecursionError) and the words lost: no draft."""
    path = tmp_path / "deep.toml"
    path.write_text(_lexicon(_nested(400)), "utf-8")
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text(f'[drift]\nlexicon = "{path}"\n', "utf-8")
    result = cli("write", "-x", "A quite different text about the long shift.")
    assert result.exit_code == 1
    assert "nested too deeply" in result.stderr and "Your words are kept as draft" in result.stderr
    kept = list((isolated / "drafts").glob("kept-*.json"))
    assert len(kept) == 1 and "about the long shift" in kept[0].read_text("utf-8")


# -- 7. one past day and entries after today -----------------------------------------------------


def test_one_past_day_and_entries_after_today_do_not_contradict() -> None:
    """Was "yours are all dated 2 Jun 2026, and 1 more is dated after today"."""
    window = (date(2026, 11, 9), date(2026, 12, 6))
    one = Found(date(2026, 6, 2), date(2026, 12, 15), ahead=1, before=date(2026, 6, 2),
                after=date(2026, 12, 15))
    assert none_in_window(*window, one) == (
        "No entries from 9 Nov 2026 to 6 Dec 2026; your entries up to today are all dated "
        "2 Jun 2026, and 1 more is dated after today (15 Dec 2026)."
    )
    two = one._replace(last=date(2026, 12, 18), ahead=2)
    assert none_in_window(*window, two, filtered=True) == (
        "No entries from 9 Nov 2026 to 6 Dec 2026 match these filters; the matching entries up "
        "to today are all dated 2 Jun 2026, and 2 more are dated after today (from 15 Dec 2026 "
        "to 18 Dec 2026)."
    )
    for found in (one, two):
        assert "all dated 2 Jun 2026, and" not in none_in_window(*window, found).replace(
            "up to today are all", "")


def test_without_entries_after_today_the_wording_is_unchanged() -> None:
    day = date(2026, 6, 2)
    assert none_in_window(date(2026, 7, 1), TODAY, (day, day)) == (
        "No entries from 1 Jul 2026 to 20 Nov 2026; yours are all dated 2 Jun 2026."
    )


# -- 9. dates typed with an option's word, shortened, or with a time of day ----------------------


@pytest.mark.parametrize(("typed", "meant"), [
    ("on friday", "friday"),
    ("on monday.", "monday"),
    ("on last friday", "last friday"),
    ("since on friday", "friday"),
    ("2 wks ago", "2 weeks ago"),
    ("1 wk ago", "1 week ago"),
    ("yday", "yesterday"),
    ("last nite", "last night"),
    ("prev week", "last week"),
    ("previous month", "last month"),
])
def test_a_date_with_a_word_too_many_or_shortened_is_asked_about(
    cli: CLI, typed: str, meant: str
) -> None:
    for option in ("--since", "--until"):
        result = cli("list", option, typed)
        assert result.exit_code == 1
        assert f"did you mean {meant!r}?" in result.stderr
        assert "names no date" not in result.stderr
        assert cli("list", option, meant).exit_code == 0


@pytest.mark.parametrize("command", [
    ["report", "--since"], ["export", "--yes", "--format", "json", "--since"],
    ["supervision", "prep", "--since"],
])
def test_every_command_asks_about_on_friday(cli: CLI, command: list[str]) -> None:
    result = cli(*command, "on friday")
    assert result.exit_code == 1 and "did you mean 'friday'?" in result.stderr


def test_write_date_on_friday_suggests_a_day_write_takes(cli: CLI) -> None:
    result = cli("write", "-x", "We walked.", "--date", "on friday")
    assert result.exit_code == 1 and "did you mean 'friday'?" in result.stderr
    assert cli("write", "-x", "We walked.", "--date", "friday").exit_code == 0


def test_a_date_ahead_is_suggested_only_where_it_is_taken() -> None:
    with pytest.raises(PeerJournalError) as since:
        parse_bound("on next friday", TODAY)
    assert "did you mean" not in str(since.value) and "names no date" not in str(since.value)
    with pytest.raises(PeerJournalError) as until:
        parse_bound("on next friday", TODAY, until=True)
    assert "did you mean 'next friday'?" in str(until.value)


@pytest.mark.parametrize(("typed", "why"), [
    ("friday 10am", "it names no date"),  # a time is no date: still said so
    ("on 31 Feb 2026", "Feb 2026 has no day 31"),  # nothing put right reads: the reason stays
])
def test_a_reason_stays_when_nothing_put_right_reads(typed: str, why: str) -> None:
    with pytest.raises(PeerJournalError) as caught:
        parse_date(typed, TODAY)
    assert why in str(caught.value) and "did you mean" not in str(caught.value)


@pytest.mark.parametrize("typed", ["on " * 800 + "friday", "friday" + " ." * 800])
def test_a_long_run_of_extra_words_is_one_step(typed: str) -> None:
    with pytest.raises(PeerJournalError) as caught:
        parse_bound(typed, TODAY)
    assert "did you mean 'friday'?" in str(caught.value)


@pytest.mark.parametrize(("typed", "expected"), [
    ("couple days ago", date(2026, 11, 18)),  # as "a couple of days ago"
    ("couple weeks ago", date(2026, 11, 6)),
    ("friday night", date(2026, 11, 13)),  # a weekday's time of day is that weekday
    ("last sat morning", date(2026, 11, 14)),
    ("Monday evening", date(2026, 11, 16)),
    ("fri. night", date(2026, 11, 13)),
    ("this morning", TODAY),
    ("last night", date(2026, 11, 19)),
    ("fri", date(2026, 11, 13)),
    ("a week ago", date(2026, 11, 13)),
    ("1st nov", date(2026, 11, 1)),
    ("nov 1st", date(2026, 11, 1)),
    ("01.11.2026", date(2026, 11, 1)),
    ("2026/11/01", date(2026, 11, 1)),
])
def test_dates_tired_writers_type_are_read(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected
    assert parse_bound(typed, TODAY) == expected


def test_a_time_of_day_alone_or_twice_is_still_refused() -> None:
    for typed in ("night", "last night night", "the 3rd night"):
        with pytest.raises(PeerJournalError):
            parse_date(typed, TODAY)
