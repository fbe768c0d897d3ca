"""Round 47 (fix_misc): an empty --lexicon is the same usage error for every command, not
only those that score; `people list` leaves the export preview's modules unimported; the
people-together check of an export builds each person's pattern once, not once a word."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI, FIXED_NOW, SRC
from peerjournal import redact

EMPTY = "peerjournal: --lexicon is empty: give the lexicon file's path.\n"


# -- 1. --lexicon= ----------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("list",), ("show", "1"), ("search", "walk"), ("tags",), ("drafts",), ("trash",),
    ("people", "list"), ("people", "add", "Grace"), ("supervision", "check"),
    ("prompts", "list"), ("where",), ("report",), ("export", "--yes"),
    ("write", "-x", "A calm shift."),
])
@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_lexicon_is_refused_by_every_command(
    cli: CLI, isolated: Path, args: tuple[str, ...], value: str
) -> None:
    """Was: `peerjournal --lexicon= list` listed the entries as if nothing were typed, while
    `where --lexicon=` refused it."""
    result = cli(f"--lexicon={value}", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", EMPTY)
    assert not (isolated / "journal.db").exists()  # nothing started, nothing written
    assert not list(isolated.glob("drafts/*"))


def test_an_empty_lexicon_changes_nothing_in_a_journal(cli: CLI, add: object) -> None:
    assert cli("people", "add", "Grace").exit_code == 0
    result = cli("--lexicon", "", "people", "remove", "Grace")
    assert (result.exit_code, result.stderr) == (2, EMPTY)
    assert "Grace" in cli("people", "list").stdout
    assert cli("--lexicon", "", "write", "-x", "We walked.").exit_code == 2
    assert cli("list").stderr.startswith("No entries yet")


def test_the_drift_commands_own_empty_lexicon_is_refused_too(cli: CLI) -> None:
    result = cli("drift", "--lexicon=", "--text", "We walked together.")
    assert (result.exit_code, result.stderr) == (2, EMPTY)


# -- 2. people list's imports -----------------------------------------------------------------


def test_people_list_does_not_import_the_export_preview(isolated: Path) -> None:
    """`render.summary` (for `people_table`) imported `exporters.common`, `summary` and
    `reviewing` with it: about 50 ms of a `people list` that reads none of them."""
    env = {**os.environ, "PYTHONPATH": SRC, "PEERJOURNAL_HOME": str(isolated),
           "PEERJOURNAL_NOW": FIXED_NOW}
    run = [sys.executable, "-X", "importtime", "-m", "peerjournal"]
    added = subprocess.run([*run, "people", "add", "Grace Obi"], env=env, capture_output=True,
                           text=True, check=False)
    assert added.returncode == 0, added.stderr
    listed = subprocess.run([*run, "people", "list"], env=env, capture_output=True, text=True,
                            check=False)
    assert listed.returncode == 0, listed.stderr
    assert "Grace Obi" in listed.stdout and "[person]" in listed.stdout
    imported = {line.split("|")[-1].strip() for line in listed.stderr.splitlines()
                if line.startswith("import time:")}
    assert "peerjournal.render.summary" in imported  # (the table is drawn there)
    for module in ("peerjournal.exporters.common", "peerjournal.summary",
                   "peerjournal.reviewing", "peerjournal.trends"):
        assert module not in imported, module


# -- 3. people together -----------------------------------------------------------------------


def test_each_persons_pattern_is_built_once_for_every_word_and_summary(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: a pattern built for each word replaced by [person], person by person (0.1 s for
    ten words of ten people): 1.3 s of a 2.5 s export of 200 entries naming 12 people."""
    names = ("Grace", "Femi", "Tomasz", "Priya")
    for name in names:
        assert cli("people", "add", name).exit_code == 0
    for day in range(2, 12):
        text = f"Grace helped Femi, then Tomasz and Priya joined. Day {day}."
        assert cli("write", "-x", text, "--share", "--date", f"2026-11-{day:02}").exit_code == 0
    redact._contains_pattern.cache_clear()
    built: list[int] = []
    real = redact._compile_names

    def counting(people: object, *args: object, **kwargs: object) -> object:
        built.append(1)
        return real(people, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(redact, "_compile_names", counting)
    for out in ("a.md", "b.md"):
        result = cli("export", "--yes", "--since", "2026-11-01", "-o", str(tmp_path / out))
        assert result.exit_code == 0, result.stderr
        said = " ".join(result.stderr.split())
        assert ("In 10 shared entries (2026-11-02, 2026-11-03, 2026-11-04, 2026-11-05, "
                "2026-11-06 …) different people all show as [person]") in said
    assert redact._contains_pattern.cache_info().currsize == len(names)
    assert redact._contains_pattern.cache_info().hits >= 2 * 10 * len(names)
    assert len(built) < 40  # (was 400: one for each person of each of 4 words of 10 entries, twice)
    first = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert "[person] helped [person]" in first
    assert not any(name in first for name in names)
