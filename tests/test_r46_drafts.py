"""Round 46 (QA r45: draft numbers shifted under the message that named them).

1. A draft keeps the number it was first listed or named with until it is gone, whatever
   other drafts are kept, continued or discarded meanwhile (`drafts.everything`, kept beside
   the drafts folder: `drafts.numbers_file`). Was newest first: `edit 1 -x A` kept entry 1's
   old text "as draft 1 (`drafts --discard 1` drops it)", `edit 2 -x B` kept entry 2's as
   draft 1 too, and the first message's command then discarded entry 2's text. A new draft takes the
   smallest number free; drafts an older version kept are numbered, the first time they are
   seen, newest first (as that version numbered them).
2. `write --resume` of text `write` kept when the journal could not take it, once that text
   is an entry (the command run again): named, its ID printed, the draft removed, nothing
   saved; `--again` saves it anyway.
3. (QA of 1 and 2) A listing lists the drafts while it holds their numbers, and keeps the
   number of a draft whose file is there; numbers that cannot be stored number the drafts by
   when they were started, saying so once; a damaged (or huge) numbers file is said to be
   reset; a range to discard takes the drafts in it; a kept quick entry already saved is
   found before "Save this entry?", and `--again` is not offered once its draft is gone.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, Keys
from peerjournal.drafts import numbers_file
from test_editor_drafts_r29 import said, use_editor
from test_inputs_r26 import locked  # noqa: F401 (a fixture)

FIRST = "First text, about the walk to the housing office."
SECOND = "Second text, about the group on Tuesday."
THIRD = "Third text, about the phone call with Sam."


def _at(monkeypatch: pytest.MonkeyPatch, minute: int, hour: int = 18) -> None:
    """The clock at `hour`:`minute` on the tests' day: drafts kept later are started later."""
    monkeypatch.setenv("PEERJOURNAL_NOW", f"2026-11-20T{hour:02d}:{minute:02d}:00+00:00")


def _listed(cli: CLI) -> list[tuple[int, str, int | None]]:
    """`drafts --json`: each draft's number, kind and entry, as listed."""
    rows = json.loads(cli("drafts", "--json").stdout)
    return [(row["number"], row["kind"], row["entry_id"]) for row in rows]


def _words(cli: CLI) -> dict[int, str]:
    """Each draft's first words, by number."""
    return {row["number"]: row["first_words"]
            for row in json.loads(cli("drafts", "--json").stdout)}


def _experiences(cli: CLI) -> list[str]:
    return [e["experience"] for e in json.loads(cli("list", "--json", "--limit", "0").stdout)]


def _kept_as(number: int, path: Path) -> str:
    return (f"the entry as it was is kept as draft {number}, in {path}, to take back what you "
            f"need (`peerjournal drafts --discard {number}` drops it)")


# -- 1. numbers that stay -----------------------------------------------------------------------


def test_replaced_texts_keep_the_numbers_their_messages_gave(cli: CLI, isolated: Path) -> None:
    """QA's case as it ran it: both edits said "draft 1", and the first one's command
    discarded entry 2's text."""
    assert cli("write", "-x", FIRST).exit_code == 0
    assert cli("write", "-x", SECOND).exit_code == 0
    first = cli("edit", "1", "-x", "A")
    second = cli("edit", "2", "-x", "B")
    assert first.exit_code == second.exit_code == 0
    edits = isolated / "drafts" / "edits"
    assert _kept_as(1, edits / "entry-1-was-20261120-183000.md") in said(first)
    assert _kept_as(2, edits / "entry-2-was-20261120-183000.md") in said(second)
    assert _listed(cli) == [(1, "edit", 1), (2, "edit", 2)]
    listed = cli("drafts").stdout.splitlines()
    assert [line.split()[0] for line in listed] == ["1", "2"]
    assert FIRST[:20] in listed[0] and SECOND[:20] in listed[1]

    dropped = cli("drafts", "--discard", "1", "--yes")  # the first message's command
    assert dropped.exit_code == 0, dropped.stderr
    assert "Discarded draft 1 (replaced in 1" in said(dropped)
    assert [p.name for p in edits.iterdir()] == ["entry-2-was-20261120-183000.md"]
    assert SECOND in (edits / "entry-2-was-20261120-183000.md").read_text(encoding="utf-8")
    # the second message's command still names entry 2's text: not renumbered to 1
    assert _listed(cli) == [(2, "edit", 2)]
    again = cli("drafts", "--discard", "2", "--yes")
    assert again.exit_code == 0 and "Discarded draft 2 (replaced in 2" in said(again)
    assert not numbers_file(isolated / "drafts").exists()  # (no draft left: nothing left)


def test_a_discard_or_a_save_renumbers_no_other_draft_and_frees_its_number(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drafts 1, 2 and 3; 2 discarded: 1 and 3 stay 1 and 3 (the list has a gap), and the
    next draft kept takes 2, the smallest number free; draft 1 saved: 3 stays 3."""
    for n, text in enumerate((FIRST, SECOND, THIRD)):
        _at(monkeypatch, 30 + n)
        assert cli("write", "-x", text).exit_code == 0
    for n in (1, 2, 3):
        _at(monkeypatch, 40 + n)
        assert cli("edit", str(n), "-x", f"New words {n}.").exit_code == 0
    assert [n for n, _, _ in _listed(cli)] == [1, 2, 3]
    assert cli("drafts", "--discard", "2", "--yes").exit_code == 0
    assert _listed(cli) == [(1, "edit", 1), (3, "edit", 3)]
    listed = cli("drafts").stdout.splitlines()
    assert [line.split()[0] for line in listed] == ["1", "3"]
    assert THIRD[:20] in listed[1]

    missing = cli("drafts", "--discard", "2", "--yes")  # (gone: no other draft is taken)
    assert missing.exit_code == 3
    assert said(missing) == ("peerjournal: There is no draft 2: the drafts are 1 and 3 "
                             "(`peerjournal drafts` lists them).")
    assert cli("write", "--resume", "--draft", "2").exit_code == 3

    _at(monkeypatch, 50)
    kept = cli("edit", "2", "-x", "Other words again.")
    assert "kept as draft 2, in " in said(kept)
    assert _listed(cli) == [(1, "edit", 1), (2, "edit", 2), (3, "edit", 3)]
    assert _words(cli)[2].startswith("New words 2.")  # (the entry's text as it was)
    assert cli("drafts", "--discard", "1,2", "--yes").exit_code == 0
    assert _listed(cli) == [(3, "edit", 3)]
    one = cli("write", "--resume", "--draft", "1")
    assert said(one) == ("peerjournal: There is no draft 1: the only draft is draft 3 "
                         "(`peerjournal drafts` lists it).")


def test_a_new_entry_draft_keeps_its_number_when_a_later_one_is_kept(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch,
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """A quick entry the locked journal could not take is draft 1; an edit's copy kept later
    is draft 2, and `--draft 1` still continues the entry (was: the copy, refused)."""
    assert cli("write", "-x", FIRST).exit_code == 4
    locked.execute("ROLLBACK")
    assert _listed(cli) == [(1, "guided", None)]
    _at(monkeypatch, 40)
    copied = cli("edit", "1", "-x", "New words for the earlier entry.")
    assert copied.exit_code == 0, copied.stderr
    [was] = (isolated / "drafts" / "edits").iterdir()
    assert _kept_as(2, was) in said(copied)
    assert _listed(cli) == [(1, "guided", None), (2, "edit", 1)]

    resumed = cli("write", "--resume", "--draft", "1", input="y\n")
    assert resumed.exit_code == 0, resumed.stderr
    assert FIRST in _experiences(cli)
    assert _listed(cli) == [(2, "edit", 1)]  # (the copy: still draft 2)


def test_a_guided_draft_continued_keeps_its_number(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, keys: Callable[..., Keys]
) -> None:
    """A draft written to after a later one was kept (newer by its file's time) stays
    where it was: numbered once, not by when it was last written."""
    keys("We walked to the shop and back.", "q")
    cli("write")  # stopped at the next question: kept as a draft
    assert [kind for _, kind, _ in _listed(cli)] == ["guided"]
    _at(monkeypatch, 40)
    assert cli("write", "-x", SECOND).exit_code == 0
    assert cli("edit", "1", "-x", "Other words.").exit_code == 0  # a later draft: the copy
    _at(monkeypatch, 50)
    keys("And we talked on the way.", "q")  # the guided draft written to, last
    cli("write", "--resume", "--draft", "1")
    assert _listed(cli) == [(1, "guided", None), (2, "edit", 1)]
    # `write --resume` with no number still continues the newest: draft 1, written last
    keys("q")
    again = cli("write", "--resume")
    assert "Resuming draft 1 (guided, started " in again.stderr and ".json." in again.stderr


def test_unsaved_changes_keep_their_number_when_a_later_draft_is_kept(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Unsaved changes to entry 1 are draft 1; a copy of entry 2's replaced text kept later
    is draft 2, and the numbers each names still name them."""
    assert cli("write", "-x", FIRST).exit_code == 0
    assert cli("write", "-x", SECOND).exit_code == 0
    use_editor(monkeypatch, tmp_path, "open(path, 'a').write('more words')\nsys.exit(3)\n")
    assert cli("edit", "1").exit_code == 1
    assert _listed(cli) == [(1, "edit", 1)]
    _at(monkeypatch, 40)
    copied = cli("edit", "2", "-x", "Other words.")
    assert "kept as draft 2, in " in said(copied)
    assert _listed(cli) == [(1, "edit", 1), (2, "edit", 2)]

    named = cli("write", "--resume", "--draft", "1")
    assert named.exit_code == 1
    assert said(named) == ("peerjournal: Draft 1 holds unsaved changes to entry 1: "
                           "`peerjournal edit 1` continues them.")
    assert cli("drafts", "--discard", "2", "--yes").exit_code == 0
    assert _listed(cli) == [(1, "edit", 1)]


def _old_drafts(isolated: Path) -> tuple[Path, Path, Path]:
    """Three drafts as a version before round 46 left them (no numbers kept), the last
    written first: an editor draft, a guided one, and a kept edit of entry 1."""
    folder = isolated / "drafts"
    (folder / "edits").mkdir(parents=True, exist_ok=True)
    editor = folder / "20261120-100000.md"
    editor.write_text(f"## Experience\n{FIRST}\n", encoding="utf-8")
    guided = folder / "20261120-110000.json"
    entry = {"date": "2026-11-20", "experience": SECOND, "prompt_set": "boud"}
    guided.write_text(json.dumps({"entry": entry, "done": []}), encoding="utf-8")
    edit = folder / "edits" / "entry-1-20261120-120000.md"
    edit.write_text(f"## Experience\n{THIRD}\n", encoding="utf-8")
    for age, path in enumerate((editor, guided, edit)):  # the editor draft written last
        stamp = 1_700_000_000 - 100 * age
        os.utime(path, (stamp, stamp))
    return editor, guided, edit


def test_drafts_an_older_version_kept_are_numbered_as_it_numbered_them_then_stay(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By when each was started, oldest first (round 47; here that is also the last
    written first, as the version that kept them listed them), the first time they are
    seen; from then on, as any draft: written to, or another discarded, each keeps its
    number."""
    editor, guided, edit = _old_drafts(isolated)
    rows = json.loads(cli("drafts", "--json").stdout)
    assert [(row["number"], row["path"]) for row in rows] == [
        (1, str(editor)), (2, str(guided)), (3, str(edit))]
    kept = json.loads(numbers_file(isolated / "drafts").read_text(encoding="utf-8"))
    assert kept == {editor.name: 1, guided.name: 2, f"edits/{edit.name}": 3}
    os.utime(edit, (1_800_000_000, 1_800_000_000))  # written to: now the newest
    assert cli("drafts", "--discard", "1", "--yes").exit_code == 0
    assert [(row["number"], row["path"]) for row in
            json.loads(cli("drafts", "--json").stdout)] == [(2, str(guided)), (3, str(edit))]


def test_numbers_that_cannot_be_read_are_given_again_never_an_error(
    cli: CLI, isolated: Path
) -> None:
    """A numbers file damaged (or edited by hand: a number twice) numbers the drafts again,
    as the first time; nothing is refused, and no draft is lost."""
    editor, guided, edit = _old_drafts(isolated)
    numbers = numbers_file(isolated / "drafts")
    for damaged in ("{not json", json.dumps([1, 2]),
                    json.dumps({editor.name: 2, guided.name: 2, "gone.md": 1})):
        numbers.write_text(damaged, encoding="utf-8")
        listed = cli("drafts", "--json")
        assert listed.exit_code == 0, listed.stderr
        got = {row["path"]: row["number"] for row in json.loads(listed.stdout)}
        assert set(got) == {str(editor), str(guided), str(edit)}
        assert sorted(got.values()) == [1, 2, 3]
    # (the last: the first draft named with 2 keeps it; the others the smallest free)
    assert got == {str(editor): 2, str(guided): 1, str(edit): 3}


def test_resume_in_the_editor_of_a_guided_draft_keeps_its_number(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """`write --resume --editor` moves a guided draft to Markdown: the same draft, its
    number with it (the save failing then, the journal locked, names it so)."""
    _editor, guided, _edit = _old_drafts(isolated)
    assert _listed(cli)[1] == (2, "guided", None)
    use_editor(monkeypatch, tmp_path, "open(path, 'a').write('More words.\\n')\n")
    moved = cli("write", "--resume", "--draft", "2", "--editor")
    assert moved.exit_code == 4, moved.stderr
    assert not guided.exists()
    rows = json.loads(cli("drafts", "--json").stdout)
    assert [(row["number"], row["kind"]) for row in rows] == [
        (1, "editor"), (2, "editor"), (3, "edit")]
    assert "More words." in Path(rows[1]["path"]).read_text(encoding="utf-8")
    # (the number it had: the message names it so, round 47)
    assert said(moved).endswith(
        "Your words are kept as draft 2: `peerjournal write --resume --draft 2`.")


# -- 2. a kept quick entry resumed once its text is an entry -----------------------------------


def test_resuming_a_kept_quick_entry_already_saved_names_the_entry_and_saves_nothing(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch,
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """Was: saved a second copy without a word. Over an hour later, too: the entry was made
    after the draft was kept."""
    assert cli("write", "-x", FIRST, "-t", "walk").exit_code == 4
    locked.execute("ROLLBACK")
    [kept] = (isolated / "drafts").glob("kept-*.json")
    _at(monkeypatch, 45)
    entry = _an_entry_beside(cli, isolated, kept)
    _at(monkeypatch, 50, hour=20)  # two hours on
    before = _experiences(cli)
    resumed = cli("write", "--resume", input="y\n")
    assert resumed.exit_code == 0, resumed.stderr
    assert resumed.stdout == f"{entry}\n"
    assert said(resumed).endswith(
        f"Entry {entry} already holds this text, written today at 18:45: it is not saved "
        f"again (`peerjournal show {entry}` shows it); the draft {kept} that held it is "
        "removed."
    )
    # (found before the question: was asked "Save this entry?", then told it was not saved)
    assert "Save this entry" not in resumed.stderr + resumed.stdout
    assert _experiences(cli) == before
    assert not kept.exists() and _listed(cli) == []


def test_again_saves_a_kept_quick_entry_already_saved(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch,
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    assert cli("write", "-x", FIRST, "-t", "walk").exit_code == 4
    locked.execute("ROLLBACK")
    [kept] = (isolated / "drafts").glob("kept-*.json")
    _at(monkeypatch, 45)
    entry = _an_entry_beside(cli, isolated, kept)
    resumed = cli("write", "--resume", "--again", input="y\n")
    assert resumed.exit_code == 0, resumed.stderr
    assert int(resumed.stdout) == entry + 1
    assert _experiences(cli).count(FIRST) == 2
    assert not kept.exists()


def test_a_kept_quick_entry_that_differs_from_the_entry_is_saved(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch,
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """Only an exact repeat: the same words with other tags given now, or another date, are
    another entry."""
    assert cli("write", "-x", FIRST, "-t", "walk").exit_code == 4
    locked.execute("ROLLBACK")
    [kept] = (isolated / "drafts").glob("kept-*.json")
    _at(monkeypatch, 45)
    entry = _an_entry_beside(cli, isolated, kept)
    resumed = cli("write", "--resume", "-t", "housing", input="y\n")
    assert resumed.exit_code == 0, resumed.stderr
    assert int(resumed.stdout) == entry + 1 and "already holds" not in resumed.stderr
    assert _experiences(cli).count(FIRST) == 2


def _an_entry_beside(cli: CLI, isolated: Path, kept: Path) -> int:
    """The kept draft's text saved as an entry while the draft is held elsewhere (as by a
    `write --resume` open in another terminal: the save leaves it); returns its ID."""
    from peerjournal.drafts import Draft

    holder = Draft(kept)
    holder.hold()
    try:
        saved = cli("write", "-x", FIRST, "-t", "walk")
    finally:
        holder.release()
    assert saved.exit_code == 0, saved.stderr
    assert kept.exists()
    return int(saved.stdout)


# -- 3. QA of the numbers (qa_fixes_c) ----------------------------------------------------------


def test_a_listing_waiting_on_the_numbers_keeps_the_number_another_terminal_gave(
    isolated: Path,
) -> None:
    """Was: a listing read the folder, waited for the numbers while another terminal numbered
    its new draft, then wrote back only the drafts it had read: that draft's number was
    dropped, and given to another draft later. Now it lists them once it holds them."""
    import threading
    import time

    from peerjournal.drafts import _numbers_held, everything

    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    first = folder / "20261120-180000.md"
    first.write_text(f"## Experience\n{FIRST}\n", encoding="utf-8")
    assert [d.number for d in everything(folder)] == [1]
    listed: list[list[tuple[int | None, str]]] = []
    with _numbers_held(folder):  # another terminal, keeping a draft as draft 2
        waiting = threading.Thread(
            target=lambda: listed.append([(d.number, d.path.name) for d in everything(folder)])
        )
        waiting.start()
        time.sleep(0.3)  # (the listing waits for the numbers now)
        second = folder / "20261120-180500.md"
        second.write_text(f"## Experience\n{SECOND}\n", encoding="utf-8")
        numbers_file(folder).write_text(
            json.dumps({second.name: 2, first.name: 1}), encoding="utf-8")
    waiting.join(10)
    assert listed == [[(1, first.name), (2, second.name)]]
    assert json.loads(numbers_file(folder).read_text(encoding="utf-8")) == {
        first.name: 1, second.name: 2}


def test_a_number_is_kept_for_a_draft_whose_file_is_there_though_not_listed(
    isolated: Path,
) -> None:
    """A number is dropped only when its draft's file is gone, never because a listing did
    not see it."""
    from peerjournal.drafts import Draft, _numbers

    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    seen, unseen = folder / "a.md", folder / "b.md"
    for path in (seen, unseen):
        path.write_text("## Experience\nWords.\n", encoding="utf-8")
    numbers_file(folder).write_text(
        json.dumps({"b.md": 1, "gone.md": 2, "../x.md": 4}), encoding="utf-8")
    assert _numbers(folder, [Draft(seen)]) == {"b.md": 1, "a.md": 2}
    assert json.loads(numbers_file(folder).read_text(encoding="utf-8")) == {
        "b.md": 1, "a.md": 2}


CANNOT = "Draft numbers cannot be stored in "


def test_numbers_that_cannot_be_stored_stay_by_when_each_was_started_and_say_so(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: with `.drafts-numbers` a directory (as a read-only folder, a full disk), every
    draft was numbered newest first again, without a word: `edit 1 -x`, `edit 2 -x` both said
    "draft 1", and `--discard 1` dropped entry 2's text. Now they count from the oldest, a
    later one never changes them, and each command says once that they are not stored."""
    assert cli("write", "-x", FIRST).exit_code == 0
    assert cli("write", "-x", SECOND).exit_code == 0
    assert cli("write", "-x", THIRD).exit_code == 0
    numbers_file(isolated / "drafts").mkdir(parents=True)
    edits = isolated / "drafts" / "edits"
    for n in (1, 2):
        _at(monkeypatch, 40 + n)
        kept = cli("edit", str(n), "-x", f"New words {n}.")
        assert kept.exit_code == 0, kept.stderr
        assert _kept_as(n, edits / f"entry-{n}-was-20261120-18{40 + n}00.md") in said(kept)
        assert said(kept).count(CANNOT) == 1
    listed = cli("drafts", "--json")
    assert said(listed).count(CANNOT) == 1 and "(Is a directory)" in said(listed)
    assert [(n, e) for n, _, e in _listed(cli)] == [(1, 1), (2, 2)]
    dropped = cli("drafts", "--discard", "1", "--yes")
    assert "Discarded draft 1 (replaced in 1" in said(dropped)
    assert said(dropped).count(CANNOT) == 1
    _at(monkeypatch, 50)
    assert "kept as draft 2, in " in said(cli("edit", "3", "-x", "New words 3."))
    # (as said: the numbers of those started after the one discarded moved down)
    assert [(n, e) for n, _, e in _listed(cli)] == [(1, 2), (2, 3)]


def test_numbers_stored_before_stay_when_they_cannot_be_stored_now(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drafts numbered while the file could be written keep their numbers; the ones that
    came after count on from the highest stored."""
    editor, guided, edit = _old_drafts(isolated)
    assert [n for n, _, _ in _listed(cli)] == [1, 2, 3]
    assert cli("drafts", "--discard", "1", "--yes").exit_code == 0
    def full(path: Path, text: str | bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("peerjournal.drafts.write_atomic", full)  # (a full disk, from now)
    _at(monkeypatch, 50)
    later = isolated / "drafts" / "20261120-185000.md"
    later.write_text(f"## Experience\n{FIRST}\n", encoding="utf-8")
    listed = cli("drafts", "--json")
    assert "(No space left on device)" in said(listed)
    rows = json.loads(listed.stdout)
    assert [(row["number"], row["path"]) for row in rows] == [
        (2, str(guided)), (3, str(edit)), (4, str(later))]
    assert not editor.exists()


def test_a_damaged_or_huge_numbers_file_is_said_to_be_reset_once(
    cli: CLI, isolated: Path
) -> None:
    """QA: numbers damaged (or edited by hand) were numbered again without a word; a file
    of 50 MB took 4.6 s and 390 MB to read. Now: one line says so, and a file over 1 MB is
    not read."""
    editor, _guided, _edit = _old_drafts(isolated)
    index = numbers_file(isolated / "drafts")
    for damaged, why in (("{not json", "damaged"),
                         (json.dumps({editor.name: 1, "x": " " * 1_100_000}),
                          "too large to be the list peerjournal keeps")):
        index.write_text(damaged, encoding="utf-8")
        listed = cli("drafts", "--json")
        assert listed.exit_code == 0, listed.stderr
        assert said(listed) == (
            f"The stored draft numbers ({index}) were {why}, so the drafts are numbered "
            "again, oldest first: check a draft's first words before you resume it "
            "(`peerjournal drafts` shows them)."
        )
        assert sorted(row["number"] for row in json.loads(listed.stdout)) == [1, 2, 3]
        assert index.stat().st_size < 200
        assert said(cli("drafts", "--json")) == ""  # (once: it is stored again)


def test_a_range_to_discard_takes_the_drafts_in_it_a_number_alone_must_be_there(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: drafts 1, 3 and 4 (2 discarded): `--discard 1-4` was refused, "There is no draft
    2", so a range could no longer mean "these". A number given alone is still meant."""
    for n, text in enumerate((FIRST, SECOND, THIRD, "Fourth text, the drop-in.")):
        _at(monkeypatch, 30 + n)
        assert cli("write", "-x", text).exit_code == 0
    for n in (1, 2, 3, 4):
        _at(monkeypatch, 40 + n)
        assert cli("edit", str(n), "-x", f"New words {n}.").exit_code == 0
    assert cli("drafts", "--discard", "2", "--yes").exit_code == 0
    for alone in (["2"], ["2", "--discard", "1-4"], ["1-4,2"], ["5"]):
        refused = cli("drafts", "--discard", *alone, "--yes")
        assert refused.exit_code == 3, alone
        number = alone[0][-1] if alone != ["1-4,2"] else "2"
        assert said(refused).startswith(f"peerjournal: There is no draft {number}: the drafts "
                                        "are 1, 3 and 4"), alone
    assert [n for n, _, _ in _listed(cli)] == [1, 3, 4]
    none = cli("drafts", "--discard", "5-9", "--yes")
    assert none.exit_code == 3
    assert said(none).startswith("peerjournal: There is no draft in 5-9: the drafts are ")

    asked = cli("drafts", "--discard", "2-3,4", input="n\n")
    assert asked.exit_code == 1 and [n for n, _, _ in _listed(cli)] == [1, 3, 4]
    assert "draft 3 (replaced in 3" in said(asked) and "draft 4 (replaced in 4" in said(asked)
    gone = cli("drafts", "--discard", "1-4", "--yes")
    assert gone.exit_code == 0, gone.stderr
    assert said(gone).startswith("Discarded 3 drafts: draft 1 (replaced in 1")
    assert "; draft 3 (replaced in 3" in said(gone) and "; draft 4 (replaced in 4" in said(gone)
    assert _listed(cli) == []


def test_a_numbers_file_that_is_a_fifo_or_holds_huge_numbers_is_damage(isolated: Path) -> None:
    """QA qa_fixes_f 6: `drafts` waited for ever on a FIFO in the numbers file's place, and a
    stored 99999999999999999999999 widened the list."""
    import threading

    from peerjournal.drafts import everything

    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("## Experience\nWords.\n", encoding="utf-8")
    os.mkfifo(numbers_file(folder))
    listed: list[list[int | None]] = []
    reader = threading.Thread(
        target=lambda: listed.append([d.number for d in everything(folder)]), daemon=True)
    reader.start()
    reader.join(20)
    assert listed == [[1]]
    numbers_file(folder).unlink(missing_ok=True)
    numbers_file(folder).write_text(json.dumps({"a.md": 10**23}), encoding="utf-8")
    assert [d.number for d in everything(folder)] == [1]
