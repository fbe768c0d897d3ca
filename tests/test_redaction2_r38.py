"""Round 38 (redaction, second pass): a word after an opening single quote or in "_emphasis_"
is checked as any other; a listed name with a text message's kisses glued on is replaced; a
listed part typed with one slip (a dropped letter, two swapped) is replaced where a person
stands; a run of words in capitals reads a listed word as it would in lower case; a part whose
accents off make an everyday word (Văn, Bär) leaves that word where it is the word; a listed
word after a determiner is the word; and the tool's own alert labels are never words to check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.redact import Person, Redactor, unlisted_capitalised

LISTED = (
    "Will Turner", "May Okafor", "Rose Jones", "Frank Miller", "Summer Lee", "Mark Evans",
    "Grace Kim", "Hope Walker", "Zoë Brennan", "Siobhan O'Neill", "Anne-Marie Dubois",
    "Nguyễn Văn An", "Kerry Smith", "Jo Patel", "Lukas Bär", "Ángel Ruiz", "Hồ Minh",
)


def redacted(text: str, *names: str) -> str:
    return Redactor(people=[Person(name) for name in names or LISTED])(text)


def flagged(text: str, *names: str) -> list[str]:
    return [text[a:b] for a, b in unlisted_capitalised(text, list(names or LISTED))]


# ------------------------------------------------------------ 1. after an opening quote


@pytest.mark.parametrize(("text", "word"), [
    ("She said 'Priya rang the ward' and left.", "Priya"),
    ("Then 'Dev is coming', she said.", "Dev"),
    ("Her text: ‘Jide rang’.", "Jide"),
    ("_Jide_ rang me.", "Jide"),
])
def test_a_name_after_an_opening_quote_or_emphasis_is_flagged(text: str, word: str) -> None:
    assert word in flagged(text, "Kerry Smith")


def test_a_name_with_an_apostrophe_inside_is_still_one_word() -> None:
    words = flagged("O'Neill rang, and D'Arcy too.", "Kerry Smith")
    assert "O'Neill" in words and "D'Arcy" in words
    assert "Neill" not in words and "Arcy" not in words


# ------------------------------------------------------------ 3. kisses


@pytest.mark.parametrize("text", [
    "ok thanks Kerryx", "Her texts end 'Kerryxx'.", "love Siobhanxxx", "Zoëx", "zoexx",
    "O'Neillx", "_Kerryx_", '"Hopexxx"', "Willxx said so",
])
def test_a_listed_name_with_kisses_is_replaced(text: str) -> None:
    out = redacted(text)
    assert "[person]" in out
    for leak in ("Kerry", "Siobhan", "Zoë", "zoe", "Neill", "Hope", "Will"):
        assert leak not in out


@pytest.mark.parametrize("text", [
    "The annex was shut.", "Six of them came.", "a lynx", "Max came", "the box", "Relax.",
])
def test_an_english_word_that_is_a_name_and_an_x_is_left(text: str) -> None:
    assert redacted(text, "Anne Lee", "Si Jones", "Lyn Hall", "Ma Li", "Bo Yang") == text


# ------------------------------------------------------------ 8. slips of the keys


@pytest.mark.parametrize("text", [
    "O'Neil rang.", "Brenan rang.", "Patle rang.", "Nguen rang.", "Grcae rang.", "Hpoe rang.",
    "Kerri, who was tired, left.", "Kerri (as she typed it) said no.", "I met Brenan today.",
])
def test_a_listed_part_typed_with_one_slip_is_replaced_where_a_person_stands(text: str) -> None:
    assert "[person]" in redacted(text)


@pytest.mark.parametrize("text", [
    "The weight was heavy.", "Brenan is a word here.", "the brenan rang", "Graec bits.",
])
def test_a_slip_elsewhere_or_after_a_determiner_is_left(text: str) -> None:
    assert redacted(text, *LISTED, "Tom Wright") == text


# ------------------------------------------------------------ 7. all in capitals


@pytest.mark.parametrize("text", [
    "She texted: I WILL NOT GO BACK THERE.", "IT MAY GET WORSE.", "I HOPE SO.",
    "THE SUN ROSE.", "BE FRANK WITH ME.", "NO HOPE LEFT.", "MARK MY WORDS.",
])
def test_a_listed_word_in_a_run_of_capitals_reads_as_in_lower_case(text: str) -> None:
    assert redacted(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("WILL AND MAY CAME.", "[person] AND [person] CAME."),
    ("KERRY RANG ME.", "[person] RANG ME."),
    ("I SAW WILL.", "I SAW [person]."),
    ("ZOË RANG.", "[person] RANG."),
    ("Will rang.", "[person] rang."),
])
def test_a_person_in_capitals_is_still_replaced(text: str, expected: str) -> None:
    assert redacted(text) == expected


def test_the_words_of_a_shouted_sentence_are_not_flagged() -> None:
    words = flagged("She texted: I WILL NOT GO BACK THERE, HE WAS ANGRY. PRIYA CAME.")
    assert "PRIYA" in words
    assert not {"NOT", "GO", "BACK", "THERE", "WAS", "ANGRY"} & set(words)


# ------------------------------------------------------------ 5. accents off, a word


@pytest.mark.parametrize("text", [
    "The van broke down.", "We went to the bar after.", "A bar of soap.", "She is an angel.",
    "I sat in the van.", "Ludwig van Beethoven.", "a white van man",
])
def test_a_part_that_is_a_word_without_its_accents_leaves_the_word(text: str) -> None:
    assert redacted(text) == text


@pytest.mark.parametrize("text", [
    "Văn rang.", "I saw văn today.", "bär is here.", "Ángel said no.", "Hồ was late.",
    "van rang me.", "Bär came.", "I met van yesterday.",
])
def test_the_accented_spelling_or_a_person_there_is_replaced(text: str) -> None:
    out = redacted(text)
    assert "[person]" in out
    assert not {"Văn", "văn", "bär", "Bär", "Ángel", "Hồ"} & set(out.replace(".", " ").split())


# ------------------------------------------------------------ 6. after a determiner


@pytest.mark.parametrize("text", [
    "It was a lovely summer's day.", "Last summer's trip was fun.", "The rose's thorns hurt.",
    "My hope is simple.", "Her hope is to work.", "Their hope faded.", "His will was strong.",
    "My will is weak.", "Our hope was that she'd stay.", "his rose came round.",
    "my will is poorly.",
])
def test_a_listed_word_after_a_determiner_before_a_persons_verb_is_replaced(text: str) -> None:
    """Round 38's final review: keeping these as the word left "his rose came round" and
    "my will is poorly" (the person) unflagged; a name left is worse than a word lost."""
    assert "[person]" in redacted(text)


@pytest.mark.parametrize("text", [
    "I told her will was here.", "our grace said hi.", "frank's mum rang.", "met frank.",
    "I heard that grace was ill.",
])
def test_a_person_after_such_words_is_still_replaced(text: str) -> None:
    assert "[person]" in redacted(text)


# ------------------------------------------------------------ 11. the tool's alert labels


def test_an_alert_label_is_no_word_to_check() -> None:
    from peerjournal.cli import export

    summary = {
        "writer": "", "note": "", "markers": {"drift": [], "identity": []}, "intentions": [],
        "shared_entries": [], "selfcheck": None,
        "dimensions": [{"label": "Co-optation"}],
        "alerts": [{"message": "Co-optation came up more from 1 Nov than before."}],
    }
    texts = export._writers_texts(summary)
    assert texts == [" came up more from 1 Nov than before."]


def test_export_flags_a_quoted_name_and_replaces_kisses(cli: CLI, tmp_path: Path) -> None:
    assert cli("people", "add", "Kerry Smith").exit_code == 0
    text = "She said 'Priya rang the ward'. Her texts end 'Kerryxx'."
    assert cli("write", "-x", text, "--share").exit_code == 0
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "--json", "-o", str(out))
    assert result.exit_code == 0
    assert "Priya" in json.loads(result.stdout)["words_to_check"]
    written = out.read_text(encoding="utf-8")
    assert "'Priya rang the ward'" in written and "Kerryxx" not in written


@pytest.mark.parametrize("text", ["AM laughed a lot.", "JP rang."])
def test_a_listed_persons_initials_are_flagged_like_a_listed_name(text: str) -> None:
    from peerjournal.redact import nickname_like

    word = text.split()[0]
    assert word in flagged(text)
    assert nickname_like(word, list(LISTED))
