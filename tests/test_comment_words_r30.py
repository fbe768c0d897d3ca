"""Words typed at the very start of a template comment in the editor are the writer's: they
were read as the template's own comment (known by its first words), so `write --editor` called
the entry empty and threw the draft away."""

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI

OPENING = "<!-- Returning to the experience:"
TYPED = "She rang in tears and I stayed on the line"


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


@pytest.mark.parametrize("typed", [f"<!-- {TYPED}. Returning to the experience:",
                                   f"<!--{TYPED} Returning to the experience:"])
def test_words_typed_at_a_comments_start_are_kept(
    cli: CLI, isolated: Path, edits: Callable[..., None], typed: str
) -> None:
    edits((OPENING, typed))
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert "inside a <!-- … --> comment" in result.stderr
    [draft] = drafts(isolated)
    assert TYPED in draft.read_text(encoding="utf-8")
    assert cli("list", "--json").stdout.strip() in ("[]", "")


def test_a_comment_of_the_writers_own_is_still_ignored(
    cli: CLI, isolated: Path, edits: Callable[..., None]
) -> None:
    edits(("## Experience\n", f"## Experience\n<!-- a note to self -->\n{TYPED}.\n"))
    result = cli("write", "--editor")
    assert result.exit_code == 0, result.stderr
    assert TYPED in cli("show", "1").stdout


def test_words_typed_at_a_comments_start_in_an_edit_are_not_lost(
    cli: CLI, isolated: Path, add: Callable[..., int], edits: Callable[..., None]
) -> None:
    entry = add("We met at the library.")
    edits(("<!-- peerjournal entry.", f"<!-- {TYPED}. peerjournal entry."))
    result = cli("edit", str(entry))
    assert result.exit_code == 1
    assert "Line 1: some of your text is inside a <!-- … --> comment" in result.stderr
    [kept] = (isolated / "drafts" / "edits").glob("*.md")
    assert TYPED in kept.read_text(encoding="utf-8")
