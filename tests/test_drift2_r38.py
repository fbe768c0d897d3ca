"""Round 38 (drift2, QA mentor findings 2 and 9): a name is a subject whatever its letters
("Zoë told her to take the meds" is Zoë's advice, as "Zoe told her …" is), and a name after
"how" or a feeling is the subject as a pronoun there is ("Proud of how Sam spoke up" is Sam's
voice, not the writer's)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from peerjournal.drift import Lexicon, load_lexicon, matcher, score_text
from peerjournal.drift.score import DriftScore


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _counted(score: DriftScore, polarity: str) -> list[str]:
    """The text of the counted curated hits of `polarity`."""
    return [
        h.text
        for h in score.hits
        if h.counted and h.polarity == polarity and not h.marker.startswith("learned.")
    ]


def _curated(score: DriftScore) -> list[tuple[str, str, bool]]:
    """(marker, text, counted) of the curated hits: what a name's spelling must not change."""
    return [
        (h.marker, h.text, h.counted) for h in score.hits if not h.marker.startswith("learned.")
    ]


# -- the one definition of a name's letters ---------------------------------------------------


def test_capitals_are_the_unicode_capital_letters() -> None:
    capitals = re.compile(f"[{matcher.CAPITALS}]")
    found = {chr(c) for c in range(0x110000) if capitals.fullmatch(chr(c))}
    assert all(unicodedata.category(c) in ("Lu", "Lt") for c in found)
    if unicodedata.unidata_version == "14.0.0":  # the Unicode it was written from (Python 3.11)
        wanted = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in ("Lu", "Lt")}
        assert found == wanted


@pytest.mark.parametrize(
    "word",
    ["Sam", "Zoë", "José", "Siobhán", "O'Neill", "D'Arcy", "Anne-Marie", "Łukasz", "Renée",
     "Chloé", "Ирина", "Σοφία", "Mary-Jane", "Nguyễn", "Ólafur", "Ǆemal"],
)
def test_a_name_in_any_script(word: str) -> None:
    assert re.fullmatch(matcher.NAME_WORD, word)
    assert matcher._is_name(word)


@pytest.mark.parametrize(
    "word",
    ["sam", "zoë", "I", "Haven't", "Sam's", "ex-partner", "Anne-", "O'", "Ü", "Sam2", "SHO",
     "DMd", "FaceTimed", "PrEP"],
)
def test_not_a_name_word(word: str) -> None:
    assert not re.fullmatch(matcher.NAME_WORD, word)


@pytest.mark.parametrize("word", ["SHO", "GP", "ZOË", "CAMHS"])
def test_an_acronym_or_initial_may_be_a_name(word: str) -> None:
    """An acronym may be a name or a role (`_is_name`, as before round 38), in any script."""
    assert matcher._is_name(word)


def test_no_ascii_only_name_class_is_left() -> None:
    """Every name regex is built from NAME_WORD / the capitals (no copy of an ASCII class)."""
    source = matcher.__file__
    with open(source, encoding="utf-8") as file:
        text = file.read()
    assert "[A-Z][a-z]" not in text
    assert "[A-Z]{" not in text


def test_a_hyphenated_name_is_one_word() -> None:
    text = "then anne-marie and her ex-partner told him"
    norm = "Then Anne-Marie and her ex-partner told him"
    words = [w for w, _ in matcher._words_of(text, norm, 0, len(text))]
    assert words == ["then", "anne-marie", "and", "her", "ex", "partner", "told", "him"]


# -- 2. someone else's advice, whatever the letters of their name ------------------------------

NAMES = ["Zoë", "José", "Siobhán", "O'Neill", "Anne-Marie", "Łukasz", "Renée", "Chloé",
         "D'Arcy", "Ирина"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    "sentence",
    [
        "{} told him he should rest.",
        "{} told her to take the meds.",
        "{} said the doctor told her to take the meds.",
        "Then {} told him he should rest.",
        "{}, who was tired, told him he should rest.",
        "The nurse said {} was non-compliant.",
        "She should rest, {} said.",
    ],
)
def test_someone_elses_advice_whatever_the_letters(
    lexicon: Lexicon, name: str, sentence: str
) -> None:
    text = sentence.format(name)
    score = score_text(text, lexicon)
    assert _counted(score, "drift") == [], text
    assert _curated(score) == _curated(score_text(sentence.format("Sam"), lexicon))


@pytest.mark.parametrize("name", NAMES)
def test_someone_elses_voice_whatever_the_letters(lexicon: Lexicon, name: str) -> None:
    for sentence in ("{} pushed back at ward round.", "Proud of how {} spoke up."):
        score = score_text(sentence.format(name), lexicon)
        assert _counted(score, "identity") == [], sentence.format(name)


@pytest.mark.parametrize("name", ["Chloé", "Anne-Marie", "Łukasz", "O'Neill"])
def test_a_state_of_someone_named(lexicon: Lexicon, name: str) -> None:
    """'Chloé was tearful' is said of Chloé, as 'Chloe was tearful' is (an ``about = "other"``
    marker, kept only with someone else as its subject)."""
    text = f"{name} was tearful."
    assert _curated(score_text(text, lexicon)) == _curated(score_text("Sam was tearful.", lexicon))
    assert _counted(score_text(text, lexicon), "drift") == ["tearful"]


def test_writers_own_advice_stays_counted(lexicon: Lexicon) -> None:
    for text in ("I told Zoë she should rest.", "Told José he should rest.",
                 "I told O'Neill she should rest.", "Told Łukasz he should rest."):
        assert _counted(score_text(text, lexicon), "drift"), text


# -- 9. a named person speaking up is theirs ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Proud of how Sam spoke up.",
        "Proud that Sam spoke up.",
        "Glad Sam pushed back.",
        "So proud that May spoke up.",
        "Glad the nurse pushed back.",
        "Really pleased her mum spoke up.",
        "Proud of how Zoë spoke up.",
        "Proud of how she spoke up.",
        "Sam spoke up at ward round.",
    ],
)
def test_someone_elses_speaking_up(lexicon: Lexicon, text: str) -> None:
    score = score_text(text, lexicon)
    assert _counted(score, "identity") == [], text
    assert score.verdict == "insufficient"


@pytest.mark.parametrize(
    "text",
    [
        "Proud of how I spoke up.",
        "Glad I pushed back.",
        "So proud that I spoke up for Sam.",
        "Proud that Sam and I spoke up.",
        "I spoke up at ward round.",
    ],
)
def test_the_writers_speaking_up(lexicon: Lexicon, text: str) -> None:
    assert _counted(score_text(text, lexicon), "identity"), text


@pytest.mark.parametrize(
    "text",
    [
        # what the writer reports after "that" is theirs to answer for (not "proud that")
        "I told him straight that he needs to stop.",
        "Told the team that she's non-compliant again.",
    ],
)
def test_what_the_writer_reports_after_that(lexicon: Lexicon, text: str) -> None:
    assert _counted(score_text(text, lexicon), "drift"), text


def test_glad_monday_finds_nothing(lexicon: Lexicon) -> None:
    assert not score_text("Glad Monday is over.", lexicon).hits
