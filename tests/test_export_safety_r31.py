"""export --output never replaces a file peerjournal keeps, and writes through a link (round 31).

Before: `export --output $HOME/journal.db --force` printed "Wrote …/journal.db" and the journal
was gone (every command after it: "not a peerjournal journal"); `--output drafts/kept-….json
--force` replaced a kept draft; and any --output that was a link ended in "Unexpected error
(NameError)", exit 70.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI

WRITTEN = "A long talk on the bench about the week."
TAIL = (": choose another file name (--force is for replacing an earlier export, never a file "
        "peerjournal keeps). Nothing was written.\n")


def refusal(output: Path | str, what: str) -> str:
    return f"peerjournal: --output {output} is {what}{TAIL}"


@pytest.fixture
def journal(isolated: Path, add: Callable[..., int]) -> Path:
    """The test's journal, holding one entry."""
    add(WRITTEN)
    return isolated / "journal.db"


def kept_draft(cli: CLI, home: Path) -> Path:
    """A draft kept by a quick entry refused for its date: the writer's words in a file."""
    result = cli("write", "--experience", "Words I kept for later.", "--date", "nonsense")
    assert result.exit_code == 1
    (draft,) = (home / "drafts").glob("kept-*.json")
    return draft


def still_a_journal(cli: CLI) -> None:
    """Every command still opens the journal, and the entry is still in it."""
    listed = cli("list", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert [e["experience"] for e in json.loads(listed.stdout)] == [WRITTEN]


# -- 1. the journal and its own files --------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["--format", "md", "--yes"], ["--full"], ["--format", "json", "--yes"]],
    ids=["summary", "full", "json"],
)
@pytest.mark.parametrize("force", [["--force"], []], ids=["force", "no-force"])
def test_the_journal_itself_is_never_an_export_target(
    cli: CLI, journal: Path, args: list[str], force: list[str]
) -> None:
    before = journal.read_bytes()
    result = cli("export", *args, "--output", str(journal), *force)
    assert result.exit_code == 1
    assert result.stderr == refusal(journal, "your journal")  # not "add --force"
    assert result.stdout == ""
    assert journal.read_bytes() == before
    still_a_journal(cli)


@pytest.mark.parametrize(
    ("suffix", "what"),
    [
        ("-wal", "the write-ahead log of your journal {}"),
        ("-shm", "the shared-memory file of your journal {}"),
        ("-journal", "the rollback journal of your journal {}"),
        (".backup-20261101T120000", "a copy of your journal {} that an upgrade kept"),
        (".partial-backup", "a copy of your journal {} being made"),
    ],
)
def test_the_files_sqlite_and_upgrades_keep_beside_the_journal_are_refused(
    cli: CLI, journal: Path, suffix: str, what: str
) -> None:
    companion = journal.with_name(journal.name + suffix)
    companion.write_bytes(b"kept by sqlite")
    result = cli("export", "--format", "md", "--yes", "--output", str(companion), "--force")
    assert result.exit_code == 1
    assert result.stderr == refusal(companion, what.format(journal))
    assert companion.read_bytes() == b"kept by sqlite"


def test_a_kept_draft_is_never_replaced_by_an_export(cli: CLI, journal: Path) -> None:
    draft = kept_draft(cli, journal.parent)
    before = draft.read_bytes()
    result = cli("export", "--full", "--output", str(draft), "--force")
    assert result.exit_code == 1
    assert result.stderr == refusal(draft, "in peerjournal's drafts folder")
    assert draft.read_bytes() == before
    assert "Words I kept for later." in cli("drafts").stdout


@pytest.mark.parametrize(
    ("where", "what"),
    [
        ("drafts/new-summary.md", "in peerjournal's drafts folder"),  # a new file there too
        ("drafts", "in peerjournal's drafts folder"),  # (not there yet: a file would block it)
        ("cache/summary.md", "in peerjournal's cache folder"),
        ("prompts/mine.md", "in your prompt sets' folder"),
        ("config.toml", "your settings file"),
    ],
)
def test_nothing_is_written_into_the_folders_and_files_peerjournal_keeps(
    cli: CLI, journal: Path, where: str, what: str
) -> None:
    """Decided: the drafts, cache and prompt-set folders and the settings file (what `where`
    lists) are peerjournal's; a new file beside the journal in the data folder is not refused."""
    target = journal.parent / where
    result = cli("export", "--format", "md", "--yes", "--output", str(target), "--force")
    assert result.exit_code == 1
    assert result.stderr == refusal(target, what)
    assert not target.exists()

    beside = journal.parent / "summary.md"
    assert cli("export", "--format", "md", "--yes", "--output", str(beside)).exit_code == 0
    assert beside.read_text(encoding="utf-8").startswith("# ")


def test_a_link_or_a_hard_link_to_the_journal_is_the_journal(
    cli: CLI, journal: Path, tmp_path: Path
) -> None:
    link = tmp_path / "summary.md"
    link.symlink_to(journal)
    hard = tmp_path / "backup.json"
    os.link(journal, hard)
    before = journal.read_bytes()
    for target, args in ((link, ["--format", "md", "--yes"]), (hard, ["--full"])):
        result = cli("export", *args, "--output", str(target), "--force")
        assert result.exit_code == 1
        assert result.stderr == refusal(target, f"your journal ({journal})")
    assert link.is_symlink() and journal.read_bytes() == before
    still_a_journal(cli)


def test_a_hard_link_to_a_draft_or_an_upgrade_copy_is_refused(
    cli: CLI, journal: Path, tmp_path: Path
) -> None:
    draft = kept_draft(cli, journal.parent)
    other_name = tmp_path / "old-backup.json"
    os.link(draft, other_name)
    result = cli("export", "--full", "--output", str(other_name), "--force")
    assert result.exit_code == 1
    drafts = journal.parent / "drafts"
    assert result.stderr == refusal(
        other_name, f"another name for a file in peerjournal's drafts folder ({drafts})"
    )

    copy = journal.with_name("journal.db.backup-20261101T120000")
    copy.write_bytes(journal.read_bytes())
    other_copy = tmp_path / "summary.md"
    os.link(copy, other_copy)
    result = cli("export", "--yes", "--output", str(other_copy), "--force")
    assert result.exit_code == 1
    assert result.stderr == refusal(other_copy, (
        f"a copy of your journal {journal} that an upgrade kept (another name for {copy.name})"
    ))
    assert other_copy.read_bytes() == journal.read_bytes()


def test_another_journal_is_no_earlier_export_either(
    cli: CLI, journal: Path, tmp_path: Path
) -> None:
    """A file that is a SQLite database (another journal, one moved aside) is never an export."""
    other = tmp_path / "old-journal.json"
    other.write_bytes(journal.read_bytes())
    before = other.read_bytes()
    result = cli("export", "--full", "--output", str(other), "--force")
    assert result.exit_code == 1
    assert result.stderr == refusal(other, "a SQLite database (a journal?)")
    assert other.read_bytes() == before


def test_a_journal_named_with_db_is_protected_where_it_is(
    cli: CLI, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "Documents" / "work.db"
    elsewhere.parent.mkdir()
    assert cli("--db", str(elsewhere), "write", "--experience", WRITTEN).exit_code == 0
    result = cli("--db", str(elsewhere), "export", "--yes", "--output", f"{elsewhere}-wal",
                 "--force")
    assert result.exit_code == 1
    assert result.stderr == refusal(f"{elsewhere}-wal",
                                    f"the write-ahead log of your journal {elsewhere}")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc")
def test_the_journal_open_as_a_descriptor_is_refused(cli: CLI, journal: Path) -> None:
    """`-o /proc/self/fd/N` is written into as a stream: never when N is the journal."""
    before = journal.read_bytes()
    with open(journal, "ab") as handle:
        named = f"/proc/self/fd/{handle.fileno()}"
        result = cli("export", "--full", "--output", named)
    assert result.exit_code == 1
    assert result.stderr == refusal(named, f"your journal ({journal})")
    assert journal.read_bytes() == before


def test_force_still_replaces_an_earlier_export(cli: CLI, journal: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    assert cli("export", "--full", "--output", str(backup)).exit_code == 0
    backup.write_text("{}", encoding="utf-8")  # an earlier one
    again = cli("export", "--full", "--output", str(backup))
    assert again.exit_code == 1
    assert again.stderr.endswith(f"{backup} already exists; add --force to overwrite it.\n")
    result = cli("export", "--full", "--output", str(backup), "--force")
    assert result.exit_code == 0, result.stderr
    assert f"Wrote {backup} (" in result.stderr
    assert json.loads(backup.read_text(encoding="utf-8"))["entries"][0]["experience"] == WRITTEN


# -- 2. an --output that is a link ------------------------------------------------------------


@pytest.fixture
def synced(tmp_path: Path) -> Path:
    """A folder another program syncs, which the writer links to from a folder of theirs."""
    folder = tmp_path / "Sync"
    folder.mkdir()
    return folder


def test_a_link_to_a_file_in_a_synced_folder_is_written_through(
    cli: CLI, journal: Path, tmp_path: Path, synced: Path
) -> None:
    """Was exit 70 "Unexpected error (NameError)". The link stays a link; the file it points
    to is the one written, and replacing it takes --force as for any file."""
    target = synced / "summary.md"
    target.write_text("last month's summary", encoding="utf-8")
    link = tmp_path / "summary.md"
    link.symlink_to(target)

    refused = cli("export", "--yes", "--output", str(link))
    assert refused.exit_code == 1
    assert refused.stderr.endswith(
        f"peerjournal: {link} (a link to {target}) already exists; add --force to overwrite "
        "it.\n"
    )
    assert target.read_text(encoding="utf-8") == "last month's summary"

    result = cli("export", "--yes", "--output", str(link), "--force")
    assert result.exit_code == 0, result.stderr
    size = target.stat().st_size
    assert f"Wrote {target} through the link {link} ({size:,} bytes)." in result.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in synced.iterdir()) == ["summary.md"]  # no temporary file left


def test_a_link_to_a_file_not_there_yet_makes_that_file(
    cli: CLI, journal: Path, tmp_path: Path, synced: Path
) -> None:
    """Decided: as `>` in a shell does, a link to a missing file in a folder that exists
    makes the file (private, 0600), without --force: nothing is replaced."""
    target = synced / "backup.json"
    link = tmp_path / "backup.json"
    link.symlink_to(target)
    result = cli("export", "--full", "--output", str(link))
    assert result.exit_code == 0, result.stderr
    assert f"Wrote {target} through the link {link} (" in result.stderr
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["entries"][0]["experience"] == WRITTEN
    if sys.platform != "win32":
        assert target.stat().st_mode & 0o777 == 0o600


def test_a_link_into_a_folder_not_there_is_refused(
    cli: CLI, journal: Path, tmp_path: Path
) -> None:
    """A link into a drive not mounted, or a folder moved: no file is made anywhere else."""
    target = tmp_path / "unmounted" / "summary.md"
    link = tmp_path / "summary.md"
    link.symlink_to(target)
    result = cli("export", "--yes", "--output", str(link), "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {link} is a link to {target}, and the folder {target.parent} does not "
        "exist: nothing was written.\n"
    )
    assert not target.parent.exists() and link.is_symlink()


def test_a_circle_of_links_is_refused(cli: CLI, journal: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.symlink_to(second)
    second.symlink_to(first)
    result = cli("export", "--yes", "--output", str(first), "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {first} is a link that leads round in a circle to itself: choose "
        "another file for --output.\n"
    )


def test_a_link_to_a_folder_is_a_folder(cli: CLI, journal: Path, tmp_path: Path,
                                        synced: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to(synced)
    result = cli("export", "--yes", "--output", str(link))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {link} is a folder; --output needs a file name.\n"


def test_the_name_a_link_leads_to_is_checked_for_names_too(
    cli: CLI, journal: Path, tmp_path: Path, synced: Path
) -> None:
    """The file that goes to the mentor is the link's target: its name must hold no listed name."""
    assert cli("people", "add", "Sam").exit_code == 0
    link = tmp_path / "summary.md"
    link.symlink_to(synced / "sam-summary.md")
    result = cli("export", "--yes", "--output", str(link))
    assert result.exit_code == 1
    assert "The file name 'sam-summary.md' holds a name on the people list" in result.stderr
    assert list(synced.iterdir()) == []


def test_the_drift_lexicon_in_use_is_refused_and_its_setting_read_without_a_word(
    cli: CLI, journal: Path, tmp_path: Path
) -> None:
    """An organisation's lexicon set in config.toml is peerjournal's to read; finding it says
    nothing of the settings (a backup did not warn of them before, and does not now)."""
    from peerjournal.drift.lexicon import DEFAULT_LEXICON

    lexicon = tmp_path / "ours.toml"
    lexicon.write_bytes(DEFAULT_LEXICON.read_bytes())
    (journal.parent / "config.toml").write_text(
        f'[drift]\nsummary_after_write = "maybe"\nlexicon = "{lexicon}"\n', encoding="utf-8"
    )
    result = cli("export", "--full", "--output", str(lexicon), "--force")
    assert result.exit_code == 1
    assert result.stderr == refusal(lexicon, "the drift lexicon peerjournal reads")
    assert lexicon.read_bytes() == DEFAULT_LEXICON.read_bytes()

    backup = tmp_path / "backup.json"
    written = cli("export", "--full", "--output", str(backup))
    assert written.exit_code == 0, written.stderr
    assert "summary_after_write" not in written.stderr
