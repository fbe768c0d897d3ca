"""Round 45: what the QA of a Cardiff peer supporter's export (28 people listed: English
names that are words, Welsh, Polish and Urdu names) found.

1. "Wills", "WILLS", "Bills" with William listed are him, whatever follows ("I rang Wills.",
   "Saw Bills, then…"); "Bills are due" and "Energy Bills Support Scheme" stay.
2. Welsh mutated forms in a tag (stored in lower case) are replaced ("#chatrin", "#fethan"),
   and a file name holding one is refused.
3. A plural after a sentence's first word is the person ("Saw Roses then left.").
4. "Nowakowa" (Mrs Nowak), "Imranbhai" and "teamal" in running text are replaced, as the
   file-name check refuses them.
5. Everyday words stay: the Welsh verb "Mae" (Mary listed), "Llys Wen"/"Eglwys Wen" (Gwen),
   the tags "halal" and "alley" (Al Hart), "gas bill", "good grace", "still hope for",
   "May bank holiday", "Hope Street", "St Mary's Hospital", "PAT test", "Ctrl-Alt-Del",
   "sky-high".
6. The JSON export's preview shows the JSON that is written, its words still checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CLI
from test_r43_redact import label, redact

PERSONA = (
    "Jo", "Al Hart", "Ed", "Mo", "Sky", "William Turner", "Mary Smith", "Rose", "Grace", "Hope",
    "Dawn Price", "Del", "Max", "Pat", "Sue", "May", "Dafydd Rhys", "Catrin Jones", "Bethan",
    "Gwen", "Tomos", "Gareth Llewellyn", "Małgorzata Nowak", "Krzysztof", "Ayesha Khan",
    "Imran", "Bilal", "Zainab",
)

# ------------------------------------------------------------ 1. Wills and Bills of William


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I rang Wills.", "I rang [person]."),
        ("It was Wills", "It was [person]"),
        ("I rang (Wills) then left.", "I rang ([person]) then left."),
        ("Saw Bills, then his mum.", "Saw [person], then his mum."),
        ("I rang Bills then left.", "I rang [person] then left."),
        ("WILLS. Then nothing.", "[person]. Then nothing."),
        ("Saw BILLS. Then home.", "Saw [person]. Then home."),
    ],
)
def test_a_short_forms_plural_is_the_person(text: str, expected: str) -> None:
    assert redact(("William Turner",), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bills are due Friday.",
        "Energy Bills Support Scheme",
        "Will you come to group?",
        "Wills review with the solicitor.",
    ],
)
def test_the_words_plural_stays_with_william_listed(text: str) -> None:
    assert redact(("William Turner",), text) == text


# -------------------------------------------------------- 2. Welsh mutated forms in a tag


@pytest.mark.parametrize(
    ("tag", "names"),
    [
        ("chatrin", ("Catrin Jones",)),
        ("nghatrin", ("Catrin Jones",)),
        ("fethan", ("Bethan",)),
        ("methan", ("Bethan",)),
        ("domos", ("Tomos",)),
        ("areth", ("Gareth Llewellyn",)),
        ("rys", ("Dafydd Rhys",)),
    ],
)
def test_a_mutated_name_in_a_tag_is_replaced(tag: str, names: tuple[str, ...]) -> None:
    assert label(names, tag) == "[person]"


@pytest.mark.parametrize("tag", ["race", "fill", "methane"])
def test_an_english_word_like_a_mutated_name_stays_in_a_tag(tag: str) -> None:
    assert label(("Grace", "Bill", "Bethan"), tag) == tag


def test_a_mutated_name_in_a_tag_and_file_name_in_an_export(
    cli: CLI, tmp_path: Path
) -> None:
    assert cli("people", "add", "Catrin Jones").exit_code == 0
    assert cli("write", "-x", "Panad gyda Chatrin.", "-t", "Chatrin", "-t", "nghatrin",
               "--share").exit_code == 0
    out = tmp_path / "s.md"
    result = cli("export", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text().casefold()
    assert "chatrin" not in text and "nghatrin" not in text
    refused = cli("export", "--yes", "-o", str(tmp_path / "chatrin.md"))
    assert refused.exit_code != 0
    assert "holds a name on the people list" in refused.stderr
    assert not (tmp_path / "chatrin.md").exists()


# ------------------------------------------------ 3. a plural after the sentence's first word


@pytest.mark.parametrize(
    "text",
    [
        "Saw Roses then left.", "Saw Graces then left.", "Saw Graces Then home.",
        "F7 Saw Roses then left.",  # (no sentence's first word: "Saw" is a verb of meeting)
    ],
)
def test_a_plural_after_the_first_word_is_the_person(text: str) -> None:
    out = redact(PERSONA, text)
    assert "Roses" not in out and "Graces" not in out
    assert "Saw [person] " in out


# ----------------------------------------------------------- 4. joined forms in running text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nowakowa przyszła.", "[person] przyszła."),
        ("Rozmawiałam z Nowakową.", "Rozmawiałam z [person]."),
        ("Imranbhai rang twice.", "[person] rang twice."),
        ("i did the teamal notes.", "i did the [person] notes."),
    ],
)
def test_a_name_joined_in_running_text_is_replaced(text: str, expected: str) -> None:
    assert redact(PERSONA, text) == expected


@pytest.mark.parametrize("text", ["It felt delusional.", "A tribal thing.", "Nowhere to go."])
def test_words_ending_like_a_name_stay(text: str) -> None:
    assert redact(PERSONA, text) == text


# ------------------------------------------------------------------ 5. everyday words stay


@pytest.mark.parametrize(
    "text",
    [
        "Mae hi'n well heddiw. Mae'r tywydd yn oer.",
        "Went to Llys Wen care home, then Eglwys Wen.",
        "The gas bill came again.",
        "She took it with good grace.",
        "There is still hope for the flat.",
        "The May bank holiday was quiet.",
        "She lives on Hope Street now.",
        "St Mary's Hospital rang about her bloods.",
        "The kettle failed its PAT test.",
        "Did a Ctrl-Alt-Del on the laptop.",
        "Rent is sky-high round there.",
    ],
)
def test_an_everyday_word_stays_in_running_text(text: str) -> None:
    assert redact(PERSONA, text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mae rang me.", "[person] rang me."),
        ("Diolch i Wen.", "Diolch i [person]."),
        ("Hope rang about Pat.", "[person] rang about [person]."),
        ("Gave Pat a lift.", "Gave [person] a lift."),
        ("I saw Del today.", "I saw [person] today."),
    ],
)
def test_the_person_is_still_replaced_beside_those_words(text: str, expected: str) -> None:
    assert redact(PERSONA, text) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("halal", "halal"),
        ("alley", "alley"),
        ("halal-parcels", "halal-parcels"),
        ("teamal", "[person]"),
        ("alvisit", "[person]"),
    ],
)
def test_al_in_a_tag(tag: str, expected: str) -> None:
    assert label(("Al Hart",), tag) == expected


def test_a_month_and_a_year_make_a_file_name(cli: CLI, tmp_path: Path) -> None:
    assert cli("people", "add", "May").exit_code == 0
    assert cli("write", "-x", "A quiet day.", "--share").exit_code == 0
    result = cli("export", "--yes", "-o", str(tmp_path / "may-2026.md"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "may-2026.md").exists()
    assert cli("export", "--yes", "-o", str(tmp_path / "may.md")).exit_code != 0


# ------------------------------------------------------------- 6. the JSON export's preview


def test_the_json_preview_shows_the_json_and_checks_its_words(
    cli: CLI, tmp_path: Path
) -> None:
    assert cli("people", "add", "Jo").exit_code == 0
    assert cli("write", "-x", "A quiet day at the hub.\nDorota came in with Jo.",
               "--share").exit_code == 0
    out = tmp_path / "s.json"
    result = cli("export", "-f", "json", "-o", str(out), input="n\n")
    assert result.exit_code == 1
    assert not out.exists()
    assert '"schema": "peerjournal.summary/1"' in result.stderr
    assert "# Reflective-practice summary" not in result.stderr
    message = " ".join(result.stderr.split())
    assert "Check these capitalised words" in message and "Dorota" in message
    assert "Jo." not in result.stderr
