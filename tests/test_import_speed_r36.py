"""`import`, round 36: reading a file takes less work per record (plain ASCII text skips the
searches for what it cannot hold; a check failing elsewhere is named by a class, not a
generator). These pin that nothing it finds, nor how it says so, changed."""

from __future__ import annotations

import json
from datetime import UTC, date

import pytest

from peerjournal.entry import clean_text
from peerjournal.importing import ImportFileError, read_import

TODAY = date(2026, 11, 20)
SURROGATE_SAID = (
    "a.json: record 1: '{key}' holds a \\u escape that is not a character (a lone surrogate, "
    "\\ud800-\\udfff); fix it in the file. Nothing was imported."
)


def _read(records: list[dict[str, object]]) -> list[object]:
    return read_import(json.dumps(records), "a.json", UTC, TODAY).records


def _refused(records: list[dict[str, object]]) -> str:
    with pytest.raises(ImportFileError) as caught:
        _read(records)
    return str(caught.value)


@pytest.mark.parametrize("text", ["plain \\ud800 text", "caf\\u00e9 \\udc80", "\\udfff"])
@pytest.mark.parametrize("key", ["experience", "feelings", "setting", "self_care"])
def test_a_lone_surrogate_is_refused_in_any_text_ascii_around_it_or_not(
    key: str, text: str
) -> None:
    ok = "" if key == "experience" else '"experience": "ok", '  # (no key twice: refused)
    raw = f'[{{"date": "2026-11-01", {ok}"{key}": "{text}"}}]'
    with pytest.raises(ImportFileError) as caught:
        read_import(raw, "a.json", UTC, TODAY)
    assert str(caught.value) == SURROGATE_SAID.format(key=key)


def test_a_lone_surrogate_in_an_answer_is_refused_by_its_question() -> None:
    raw = '[{"date": "2026-11-01", "experience": "ok", "answers": {"q1": "\\ud83d alone"}}]'
    with pytest.raises(ImportFileError) as caught:
        read_import(raw, "a.json", UTC, TODAY)
    assert str(caught.value) == SURROGATE_SAID.format(key="answers.q1")


def test_text_beyond_ascii_is_kept_as_written() -> None:
    words = "Café, naïve — “quoted” 😊 𝔘 \u200dzwj"
    (record,) = _read([{"date": "2026-11-01", "experience": words, "feelings": words}])
    assert record.draft.experience == words and record.draft.feelings == words


def test_a_check_made_by_validate_is_named_by_the_record() -> None:
    said = _refused([
        {"date": "2026-11-01", "experience": "fine"},
        {"date": "2026-11-01", "experience": " \u200b\ufeff "},  # nothing to see
    ])
    assert said == (
        "a.json: record 2: the experience is empty: write at least a line about what "
        "happened. Nothing was imported."
    )
    said = _refused([{"date": "2026-11-01", "experience": "fine", "mode": "sideways"}])
    assert said.startswith("a.json: record 1: unknown mode 'sideways'")


def test_an_unknown_field_is_still_named_with_the_fields_there_are() -> None:
    said = _refused([{"date": "2026-11-01", "experience": "x", "mood": 3}])
    assert said.startswith("a.json: record 1: unknown field 'mood' (the fields are: date, ")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("  plain  ", "plain"),
        ("\x1c\x1f ", ""),  # separators Python counts as white space
        (" \x01 ", "\x01"),  # a control character is there to see (and escaped when drawn)
        ("a\r\nb\rc", "a\nb\nc"),
        ("", ""),
        ("\u200b", ""),  # drawn as nothing
        ("\u3164", ""),  # a Hangul filler: a letter to Python, drawn as nothing
        ("\u200bé", "\u200bé"),
    ],
)
def test_clean_text_keeps_what_shows_ascii_or_not(given: str, kept: str) -> None:
    assert clean_text(given) == kept


def test_clean_text_refuses_a_surrogate_and_a_nul_as_before() -> None:
    with pytest.raises(Exception, match="UTF-8 is needed"):
        clean_text("caf\udce9")
    with pytest.raises(Exception, match="NUL bytes"):
        clean_text("plain\x00")
