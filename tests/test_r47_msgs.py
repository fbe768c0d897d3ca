"""Round 47's QA (a recovery coach, two weeks in): every word of `drift ID` said plainly or
explained once on that screen (a key under the table); one name for "not enough signal"
wherever a writer reads an entry's verdict (`list` said "too little")."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from conftest import CLI

# the QA's entry 3, cut: learned words that count in part ("counts 37%"), learned words
# outweighed, a negated and a hypothetical phrase, Co-optation and Moving toward
LONG = (
    "honestly today was rubbish. T turned up using again, i could smell it on him and the staff "
    "on the unit were already talking about discharging him for breaking the contract. i know "
    "that feeling, i was that guy in 2014. instead i kept my mouth shut and nodded along in the "
    "meeting. then i sat with T in the garden and he said he felt dirty and ashamed and that "
    "he'd never stay clean. i told him about my own relapse at 18 months and how my sponsor just "
    "sat with me, didnt lecture. we talked about working the steps, not as rules, just what "
    "helped me. he asked if i still get cravings and i said yes sometimes. i dont know if i "
    "should have said that. the manager wants outcome stars filled in by friday and the system "
    "grinds people down."
)


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def _table_and_key(out: str) -> tuple[str, str]:
    """The dimensions table and the key under it (up to the verdict sentence)."""
    table, rest = out.split("Key: ", 1)
    return table.split(" Dimension ", 1)[1], rest.split("\nYour language", 1)[0].split(
        "\nThis entry", 1)[0].split("\nNot enough signal", 1)[0]


@pytest.mark.parametrize(("note", "meaning"), [
    ("(learned, counts", "the two sides' learned words partly cancel out"),
    ("outweighed)", "outweighed: a learned word cancelled out by the other side's"),
    ("hypothetical, past or an instruction)", "an \"if\", a plan, a past habit"),
    ("(negated)", "negated: said with \"not\" or \"never\": not counted."),
    ("(learned", "(learned): a word that leaned that way in example entries"),
    ("also learned)", "also learned: a learned word there too, never counted twice."),
])
def test_each_note_of_the_table_is_explained_once_under_it(
    cli: CLI, note: str, meaning: str
) -> None:
    out = " ".join(ok(cli("drift", "--text", LONG)).stdout.split())
    table, key = _table_and_key(out)
    assert note in table
    assert key.count(meaning) == 1, key


def test_the_percent_in_the_key_is_the_tables(cli: CLI) -> None:
    out = " ".join(ok(cli("drift", "--text", LONG)).stdout.split())
    table, key = _table_and_key(out)
    percent = table.split("(learned, counts ", 1)[1].split(")", 1)[0]
    assert percent.endswith("%")
    assert (f"counts {percent}: the two sides' learned words partly cancel out; what is left "
            f"counts {percent}.") in key


def test_less_plain_dimension_names_are_glossed_plain_ones_not(cli: CLI) -> None:
    out = " ".join(ok(cli("drift", "--text", LONG)).stdout.split())
    table, key = _table_and_key(out)
    assert "Co-optation " in table
    assert "Co-optation: being drawn into clinical tasks, compliance checks or busy work." in key
    assert "Recovery story " in table and "Recovery story:" not in key  # plain: not glossed


def test_a_curated_phrase_alone_gets_a_short_key(cli: CLI) -> None:
    out = ok(cli("drift", "--text", "I shared my own story with him today at the cafe.")).stdout
    key = out.split("Key: ", 1)[1].split("\n", 1)[0]
    assert key == "the numbers are per 100 words; each phrase has its own weight."
    for unexplained in ("(learned)", "outweighed", "counts 1", "negated", "Co-optation"):
        assert unexplained not in out, unexplained


def test_the_lexicon_line_says_what_it_is(cli: CLI) -> None:
    out = " ".join(ok(cli("drift", "--text", LONG)).stdout.split())
    assert ("The phrases come from this word list and version (a new version can score "
            "differently): Lexicon ") in out


@pytest.mark.parametrize("columns", ["60", "100"])
def test_the_key_fits_and_carries_no_colour(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)  # (NO_COLOR is set for every test: conftest)
    out = ok(cli("drift", "--text", LONG)).stdout
    assert "\x1b[" not in out
    assert all(len(line) <= int(columns) for line in out.splitlines())
    assert "Key: the numbers are per 100 words" in " ".join(out.split())


def test_counted_phrases_without_a_verdict_say_why(cli: CLI) -> None:
    out = ok(cli("drift", "--text", "I checked he'd taken it.")).stdout
    flat = " ".join(out.split())
    assert "45.0" in out  # a high number from two learned words in five ("…his antabuse." is
    # drift since the lexicon names checking that someone took it: round 47)
    assert ("Not enough signal in this entry to say either way, and that is fine. A word or two, "
            "or a short text, is too little to lean either way, however high its number per 100 "
            "words.") in flat
    result = json.loads(ok(cli("drift", "--text", "I checked he'd taken it.",
                                "--json")).stdout)
    assert result["verdict"] == "insufficient"  # the contract: unchanged


def test_no_phrase_no_reason_given(cli: CLI) -> None:
    out = ok(cli("drift", "--text", "It rained all day long today.")).stdout
    assert "Not enough signal" in out and "A word or two" not in out and "Key:" not in out


def test_one_name_for_not_enough_signal_in_list_show_and_drift(
    cli: CLI, add: Callable[..., int]
) -> None:
    entry = add("A calm shift.")
    listed = ok(cli("list")).stdout
    row = next(line for line in listed.splitlines() if "A calm shift." in line)
    assert "not enough signal" in row and "too little" not in listed
    assert json.loads(ok(cli("list", "--json")).stdout)[0]["drift"] == "insufficient"
    assert "Drift: not enough signal" in ok(cli("show", str(entry))).stdout
    assert "Not enough signal" in ok(cli("drift", str(entry))).stdout


def test_list_wraps_the_words_on_a_narrow_terminal(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    add("A calm shift.")
    add("I shared my own story with him and we laughed about it.", "-s", "community")
    for columns in ("40", "60", "80"):
        monkeypatch.setenv("COLUMNS", columns)
        out = ok(cli("list")).stdout
        assert all(len(line) <= int(columns) for line in out.splitlines()), out
        # whole words, wrapped between them where the column is narrow: never "sig…"
        assert "not enough signal" in " ".join(out.split()) or (
            "not" in out and "enough" in out and "signal" in out), out
        assert "sig…" not in out and "enou…" not in out
