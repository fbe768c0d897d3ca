"""Round 30 QA: the export's name check names every word it flags, and redaction reads grammar.

1. every flagged word is named on stderr (none cut to "… and 8 more"), and in --json;
2. a month or an everyday word that is a name is flagged when only a person could do what
   follows ("April rang", "June said hi", "Sunny was upset"), not as the month or word;
3. "Will" and "May" opening a sentence as the verb ("Will follow up", "May I ask?") stay;
4. a title ("Mrs" of "Mrs O'Neill") is never replaced on its own, nor flagged;
5. "ED" (emergency department) is not "Ed", and `people add Ed` says so;
6. "Shaken", "Mondays", "Colleague", "Dr" are not flagged, a tag "mary-kate" once as Mary-Kate;
7. an initial of a listed name is not replaced, but flagged even when the alias holds it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from conftest import CLI

Add = Callable[..., int]
CHECK = "Check these capitalised words"


def _people(cli: CLI, *names: str, alias: str | None = None) -> list[str]:
    said = []
    for name in names:
        result = cli("people", "add", name, *(["--alias", alias] if alias else []))
        assert result.exit_code == 0, result.stderr
        said.append(result.stderr)
    return said


def _export(cli: CLI, tmp_path: Path, *args: str, name: str = "") -> tuple[Result, str]:
    """export --yes to a new file (`name`, else a new one): the result and the file's text."""
    out = tmp_path / (name or f"s{len(list(tmp_path.iterdir()))}.md")
    result = cli("export", "--yes", "-o", str(out), *args)
    assert result.exit_code == 0, result.stderr
    return result, out.read_text()


def _checked(stderr: str) -> list[str]:
    """The words the check line names, as written ("S (like a listed name)")."""
    text = " ".join(stderr.split())
    if CHECK not in text:
        return []
    listed = text.split(f"{CHECK} (")[1].split("): ", 1)[1].split(". If any is")[0]
    return re.split(r", (?![^()]*\))", listed)


# -- 1. every word named ------------------------------------------------------------------------

CROWD = (
    "Ngozi smiled. Grace and Will. Rose. Faith. Mark rang. Bea rang. Hope cried. Ivy and Jade. "
    "Dawn came. KEZ. D'Arcy. Tariq. Precious. Femi. Jean-Luc. Mary-Kate. Дмитрий. Ali's bro. "
    "Ms Okafor rang. Talked to Nana. Big Steve. Tea with Olu. Amara was calm."
)


def test_every_flagged_word_is_named_with_yes_and_in_json(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "…Jade and 8 more": with --yes eight names went into the file never named, and
    --json named none."""
    add(CROWD, "--share")
    result, _ = _export(cli, tmp_path)
    named = _checked(result.stderr)
    assert len(named) > 20 and not re.search(r"and \d+ more", result.stderr)
    for word in ("Ngozi", "Jean-Luc", "Дмитрий", "Ali", "Okafor", "Nana", "Steve", "Olu",
                 "Amara"):
        assert word in named, named
    receipt, _ = _export(cli, tmp_path, "--json")
    assert json.loads(receipt.stdout)["words_to_check"] == named


def test_a_piped_preview_names_every_word_too(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Piped, nothing is highlighted: the line under the preview is all the writer has."""
    add(CROWD, "--share")
    out = tmp_path / "s.md"
    result = cli("export", "-o", str(out), "--json", input="y\n")
    assert result.exit_code == 0, result.stderr
    named = _checked(result.stderr)
    assert "Amara" in named and not re.search(r"and \d+ more", result.stderr)
    assert json.loads(result.stdout)["words_to_check"] == named


# -- 2. names that are months or words ----------------------------------------------------------


def test_a_month_or_word_that_speaks_is_flagged(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: none of June, April, Sunny flagged, though README says a name that is also a word
    is flagged when "was" or "said" follows it."""
    add("I met June today. Then April rang. June said hi. Sunny was sunny.", "--share")
    result, _ = _export(cli, tmp_path)
    assert _checked(result.stderr) == ["June (2)", "April", "Sunny"]


def test_a_month_or_word_as_itself_is_not_flagged(cli: CLI, add: Add, tmp_path: Path) -> None:
    add("In June I went away. It was August and I was tired. Sunny day, it was sunny. "
        "Summer came. By May we agreed a plan.", "--share")
    result, _ = _export(cli, tmp_path)
    assert not {"June", "August", "Sunny", "May"} & set(_checked(result.stderr))


# -- 3. Will and May as verbs -------------------------------------------------------------------


def test_will_and_may_as_verbs_are_not_replaced(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "[person] you come with me… [person] follow up tomorrow. [person] do. [person] I
    ask?" with William and May Chen listed."""
    _people(cli, "William", "May Chen")
    add("Will you come with me, he asked. Will follow up tomorrow. Will do. May I ask? "
        "Will keep speaking up for them. Will said hi. Sam and Will help me. May needs a lift. "
        "Will was upset.", "--share")
    result, text = _export(cli, tmp_path)
    assert ("Will you come with me, he asked. Will follow up tomorrow. Will do. May I ask? "
            "Will keep speaking up for them. [person] said hi. Sam and [person] help me. "
            "[person] needs a lift. [person] was upset.") in text
    checked = _checked(result.stderr)  # the writer still checks them
    assert "Will (5, like a listed name)" in checked and "May (like a listed name)" in checked


def test_a_listed_part_left_as_the_verb_is_still_flagged(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    _people(cli, "Will Turner")
    add("Will follow up tomorrow. Will rang.", "--share")
    result, text = _export(cli, tmp_path)
    assert "Will follow up tomorrow. [person] rang." in text
    assert _checked(result.stderr) == ["Will (like a listed name)"]


# -- 4. titles ----------------------------------------------------------------------------------


def test_a_title_is_never_replaced_or_flagged_alone(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "[person] Patel said hello" with Mrs O'Neill listed."""
    _people(cli, "Mrs O'Neill")
    add("Mrs Patel said hello. Mrs O'Neill rang. Neill came. Dr Okafor saw Mr Lee.", "--share")
    result, text = _export(cli, tmp_path)
    assert "Mrs Patel said hello. [person] rang. [person] came. Dr Okafor saw Mr Lee." in text
    assert _checked(result.stderr) == ["Patel", "Okafor", "Lee"]


# -- 5. ED --------------------------------------------------------------------------------------


def test_ed_in_capitals_is_the_department(cli: CLI, add: Add, tmp_path: Path) -> None:
    (said,) = _people(cli, "Ed")
    assert "'ED' is also an abbreviation (the emergency department)" in said
    add("Went to ED with Ed. ED was busy. Ed rang later. ED SHOUTED AT ME.", "-s", "ED",
        "--share")
    result, text = _export(cli, tmp_path)
    assert ("Went to ED with [person]. ED was busy. [person] rang later. [person] SHOUTED AT "
            "ME.") in text
    assert "### " in text and " · ED" in text  # the setting, as typed
    # (round 38: everyday words in a run of capitals are no longer flagged, as at a sentence's
    # start they are not: "I WILL NOT GO BACK" named NOT, GO, BACK as possible names)
    assert _checked(result.stderr) == []


# -- 6. words that are no names -----------------------------------------------------------------


def test_participles_plural_days_and_roles_are_not_flagged(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("Shaken by it. Mondays are hard. Colleague said it was fine. Saw Dr Khan.", "--share")
    result, _ = _export(cli, tmp_path)
    assert _checked(result.stderr) == ["Khan"]


def test_a_hyphenated_tag_is_named_once_as_the_name(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "mary, kate, … Mary-Kate" for the tag "mary-kate" beside "Mary-Kate"."""
    add("Met Mary-Kate at the hub.", "-t", "mary-kate", "--share")
    result, _ = _export(cli, tmp_path)
    assert _checked(result.stderr) == ["Mary-Kate (2)"]


# -- 7. an initial ------------------------------------------------------------------------------


def test_an_initial_of_a_listed_name_is_flagged_not_replaced(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "S. later apologised" left unflagged, the alias "Client S" holding an S."""
    _people(cli, "Sam Jones", alias="Client S")
    add("We met. S. later apologised. Sam smiled.", "--share")
    result, text = _export(cli, tmp_path)
    assert "S. later apologised. Client S smiled." in text
    assert _checked(result.stderr) == ["S (like a listed name)"]
