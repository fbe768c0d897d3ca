"""Round 46: what the privacy and long-term QA found in redaction.

1. A capitalised listed name that is a feeling ("Hope" of Hope Walker), after about, at,
   for, with, to or from, is the person in a list of feelings too ("Worried about Hope,
   proud of Sam."); a list of feelings ("Hope, relief and tiredness") keeps the feeling.
2. Chinese has no spaces between words: a listed name inside a run of Chinese is replaced
   where it is, the rest of the sentence kept ("王小明和张三来了。" -> "[W]和张三来了。"),
   and no "write it apart" note.
3. An export builds the name patterns of one people list once (the file-name check, the
   summary and its checks share them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CLI
from peerjournal import redact
from peerjournal.redact import Person, Redactor, names_in_label, own_initials


def hope(text: str) -> str:
    return Redactor([Person("Hope Walker", "H.")])(text)


# --------------------------------------------- 1. a feeling-name after a preposition


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Worried about Hope, proud of Sam.", "Worried about H., proud of Sam."),
        ("Angry at Hope, sad after.", "Angry at H., sad after."),
        ("Glad for Hope, glad for me.", "Glad for H., glad for me."),
        ("Talked with Hope, relief after.", "Talked with H., relief after."),
        ("Sent love to Hope, happy.", "Sent love to H., happy."),
        ("Worried about Hope.", "Worried about H."),
        ("Worried about Hope, then calm.", "Worried about H., then calm."),
    ],
)
def test_a_capitalised_feeling_name_after_a_preposition_is_the_person(
    text: str, expected: str
) -> None:
    assert hope(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hope, relief and tiredness.",
        "hope, relief and tiredness",
        "Joy, relief. Hope.",
        "Relief, Hope.",
        "Full of hope, relief and tiredness.",
        "I felt hope, relief.",
    ],
)
def test_a_list_of_feelings_keeps_the_feeling(text: str) -> None:
    assert hope(text) == text


def test_the_export_replaces_hope_in_a_list_of_feelings(cli: CLI, tmp_path: Path) -> None:
    assert cli("people", "add", "Hope Walker", "--alias", "H.").exit_code == 0
    written = cli("write", "--experience", "Visit.", "--feelings",
                  "Worried about Hope, proud of Sam.")
    assert written.exit_code == 0, written.stderr
    assert cli("share", written.stdout.strip()).exit_code == 0
    out = tmp_path / "summary.md"
    result = cli("export", "-o", str(out), "-y")
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Worried about H., proud of Sam." in text
    assert "Hope" not in text


# ------------------------------------------------------------ 2. names inside Chinese


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("王小明和张三来了。", "[W]和张三来了。"),
        ("我见了小明和王小明。", "我见了[W]和[W]。"),
        ("今天王小明来了，我们聊了很久。", "今天[W]来了，我们聊了很久。"),
        ("小明和他妈妈来了。", "[W]和他妈妈来了。"),
        ("王先生来了。", "[W]来了。"),
    ],
)
def test_a_chinese_name_is_replaced_where_it_is(text: str, expected: str) -> None:
    redactor = Redactor([Person("王小明", "[W]")])
    assert redactor(text) == expected
    assert not redactor.joined  # (no "write it apart": nothing was replaced whole)


def test_a_chinese_label_keeps_its_other_words() -> None:
    assert Redactor([Person("王小明", "[W]")]).label("王小明家访") == "[W]家访"


def test_latin_names_beside_chinese_are_still_replaced() -> None:
    redactor = Redactor([Person("Sam Carter", "S.C."), Person("William Jones")])
    assert redactor("我和sam说话，Sam的事情呢") == "我和S.C.说话，S.C.的事情呢"
    # joined-up words in Latin letters are still replaced whole
    assert redactor("i did the samvisit notes") == "i did the S.C. notes"
    assert redactor.label("willvisit") == "[person]"


def test_the_export_keeps_the_rest_of_a_chinese_sentence(cli: CLI, tmp_path: Path) -> None:
    assert cli("people", "add", "王小明", "--alias", "[W]").exit_code == 0
    written = cli("write", "--experience", "王小明和张三来了。我见了小明和王小明。")
    assert written.exit_code == 0, written.stderr
    assert cli("share", written.stdout.strip()).exit_code == 0
    out = tmp_path / "summary.md"
    result = cli("export", "-o", str(out), "-y")
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert r"\[W\]和张三来了。我见了\[W\]和\[W\]。" in text  # (Markdown escapes [ and ])
    assert "小明" not in text
    assert "joined up" not in result.stderr


# ------------------------------------------------------------ 3. patterns built once


def test_one_people_list_builds_its_patterns_once(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    compile_names = redact._compile_names

    def counting(*args: object, **kwargs: object) -> object:
        built.append(1)
        return compile_names(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(redact, "_compile_names", counting)
    people = [Person("Zebedee Quartermaine", "Z.Q."), Person("Ottoline Vasquez")]
    assert names_in_label("zebedee-notes.md", people)
    first = len(built)
    assert first > 0
    names_in_label("ottoline.md", list(people))
    Redactor(list(people))("Zebedee rang.")
    assert len(built) == first  # the same list again: nothing built again
    # a changed list is built anew, and finds the new name
    assert Redactor([*people, Person("Peregrine Oduya")])("Peregrine rang.") == "[person] rang."


def test_own_initials() -> None:
    assert own_initials("SL", "Siân Llywelyn")
    assert own_initials("MW", "Maria Wood")
    assert not own_initials("SL", "Maria Wood")
    assert not own_initials("Sam", "Sam Lee")


def test_a_persons_own_initials_as_alias_are_not_flagged_to_check(
    cli: CLI, tmp_path: Path
) -> None:
    """qa_privacy 6: the writer's own aliases "SL" and "MW" were listed among the capitalised
    words to check "like a listed name"; an unlisted name beside them still is."""
    for name, alias in (("Siân Llywelyn", "SL"), ("Maria Wood", "MW")):
        assert cli("people", "add", name, "--alias", alias).exit_code == 0
    text = "Sat with Siân and Maria in the garden. Kerry joined us later."
    assert cli("write", "-x", text, "--share").exit_code == 0
    out = tmp_path / "s.md"
    result = cli("export", "-o", str(out), "-y")
    assert result.exit_code == 0, result.stderr
    written = out.read_text(encoding="utf-8")
    assert "Sat with SL and MW in the garden." in written
    assert "Check these capitalised words" in result.stderr
    checked = next(line for line in result.stderr.splitlines() if "Check these" in line)
    assert "Kerry" in checked
    assert "SL" not in checked and "MW" not in checked
