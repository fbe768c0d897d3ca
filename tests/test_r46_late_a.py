"""Round 46 (fix_late_a, from qa_fixes_b 1, 2, 4-6 and fix_words 13): the stale-scores note
loads a lexicon once to know whether it can be used, and remembers (a broken 5.8 MB lexicon
cost every `list` 1.1 s); every command a note names carries the --db and --lexicon given;
settings tied in use are listed whatever their case; `drift ID --lexicon` says the stored
score has the same verdict and figures, not "another score … with the same figures"; the two
stale notes say "another drift lexicon" alike; an organisation's clause or question label
negated reads as one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, OLD_CODE, run_sql
from peerjournal.context import AppContext
from peerjournal.drift import load_lexicon, marker_label, negated_name
from peerjournal.drift.lexicon import DEFAULT_LEXICON
from test_drift_cli import ORG_LEXICON, ok, org_lexicon

Add = Callable[..., int]
BROKEN = '[lexicon]\nname = "bad"\n[[markers]]\nid = 1\n'


def said(text: str) -> str:
    return " ".join(text.split())  # (stderr is wrapped on a wide terminal)


def config(cli: CLI) -> Path:
    return Path(json.loads(ok(cli("where", "--json")).stdout)["config"])


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the loads of a lexicon (`AppContext.lexicon`) made by the commands run."""
    counted: list[int] = []
    real = AppContext.lexicon

    def counting(self: AppContext) -> object:
        counted.append(1)
        return real(self)

    monkeypatch.setattr(AppContext, "lexicon", counting)
    return counted


# -- 1: a lexicon found usable or not is remembered ---------------------------------------------


def test_a_broken_lexicon_is_loaded_once_for_the_stale_note(
    cli: CLI, add: Add, tmp_path: Path, isolated: Path, loads: list[int]
) -> None:
    """Was: every `list` and `show` loaded the broken lexicon in config.toml again (1.3 s CPU
    for a 5.8 MB one, against 0.28 s before the note looked)."""
    entry = add()
    bad = org_lexicon(tmp_path, BROKEN, "bad.toml")
    config(cli).write_text(f'[drift]\nlexicon = "{bad}"\n', encoding="utf-8")
    loads.clear()  # (`where` loads the shipped one)
    note = ("The entry {} was scored with another drift lexicon than the one set in "
            "config.toml, which cannot be used: `peerjournal where` says why.\n")
    assert ok(cli("list")).stderr == note.format("listed")
    assert len(loads) == 1
    for _ in range(2):
        assert ok(cli("list")).stderr == note.format("listed")
        assert ok(cli("show", str(entry))).stderr == note.format("shown")
    assert len(loads) == 1  # (remembered: not loaded again)
    assert (isolated / "cache" / "lexicon-verdicts.txt").is_file()
    bad.write_text(ORG_LEXICON, encoding="utf-8")  # fixed: another file, found usable
    fixed = said(ok(cli("list")).stderr)
    assert fixed.endswith("`peerjournal drift --rescore` brings it up to date.")
    assert len(loads) == 2
    ok(cli("list"))
    assert len(loads) == 2  # (a usable one is remembered too)


def test_a_lost_or_damaged_note_only_costs_a_load(
    cli: CLI, add: Add, tmp_path: Path, isolated: Path, loads: list[int]
) -> None:
    add()
    bad = org_lexicon(tmp_path, BROKEN, "bad.toml")
    config(cli).write_text(f'[drift]\nlexicon = "{bad}"\n', encoding="utf-8")
    loads.clear()  # (`where` loads the shipped one)
    ok(cli("list"))
    verdicts = isolated / "cache" / "lexicon-verdicts.txt"
    verdicts.write_bytes(b"\xff\xfe garbage\nno-space-here\n")
    assert "which cannot be used" in ok(cli("list")).stderr
    assert len(loads) == 2
    assert verdicts.read_text(encoding="ascii").endswith(" unusable\n")


def test_only_the_last_verdicts_are_kept(
    cli: CLI, add: Add, tmp_path: Path, isolated: Path
) -> None:
    """An organisation trying one edit after another does not grow the note without end."""
    add()
    where = config(cli)
    for n in range(20):
        bad = org_lexicon(tmp_path, f"{BROKEN}# edit {n}\n", f"bad{n}.toml")
        where.write_text(f'[drift]\nlexicon = "{bad}"\n', encoding="utf-8")
        assert "which cannot be used" in ok(cli("list")).stderr
    lines = (isolated / "cache" / "lexicon-verdicts.txt").read_text("ascii").splitlines()
    assert len(lines) == 16 and all(line.endswith(" unusable") for line in lines)


# -- 2: every command a note names carries --db and --lexicon ------------------------------------


def stale_journal(cli: CLI, db: Path) -> None:
    write = ("--db", str(db), "write", "--again", "--experience")
    ok(cli(*write, "We sat together and I shared my own story of recovery."))
    ok(cli(*write, "I told him what he should do and gave him the diagnosis."))
    run_sql(db, OLD_CODE)


def test_the_stale_note_names_the_rescore_of_the_journal_given(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "`peerjournal drift --rescore` brings them up to date" after `--db X list`, which
    rescored the default journal and left X stale."""
    db = tmp_path / "other journal.db"
    stale_journal(cli, db)
    rescore = f"`peerjournal --db '{db}' drift --rescore`"
    for args in (("list",), ("show", "1"), ("report",), ("supervision", "prep")):
        assert rescore in said(ok(cli("--db", str(db), *args)).stderr), args
    exported = said(ok(cli("--db", str(db), "export", "--yes")).stderr)
    assert rescore in exported
    monkeypatch.setenv("PEERJOURNAL_DB", str(db))
    assert rescore in said(ok(cli("list")).stderr)
    shipped = cli("--lexicon", str(DEFAULT_LEXICON), "list")
    assert (f"`peerjournal --db '{db}' --lexicon {DEFAULT_LEXICON} drift --rescore` brings "
            "them up to date.") in said(ok(shipped).stderr)
    ok(cli("drift", "--rescore"))  # the command as said: X is up to date
    assert "scored with another" not in ok(cli("list")).stderr
    monkeypatch.delenv("PEERJOURNAL_DB")
    assert "scored with another" not in ok(cli("--db", str(db), "list")).stderr


def test_the_unusable_and_tried_lexicon_notes_carry_db_and_say_one_thing_alike(
    cli: CLI, tmp_path: Path
) -> None:
    db = tmp_path / "other.db"
    stale_journal(cli, db)
    bad = org_lexicon(tmp_path, BROKEN, "bad.toml")
    broken = said(ok(cli("--db", str(db), "--lexicon", str(bad), "list")).stderr)
    assert broken == (
        "The entries listed were scored with another drift lexicon than the one given with "
        f"--lexicon, which cannot be used: `peerjournal --db {db} --lexicon {bad} where` says "
        "why.")
    assert cli("--db", str(db), "--lexicon", str(bad), "where").exit_code == 0
    tried = org_lexicon(tmp_path)
    note = said(ok(cli("--db", str(db), "--lexicon", str(tried), "list")).stderr)
    assert note.startswith(
        "The entries listed were scored with another drift lexicon than the one given with "
        f"--lexicon. `peerjournal --db {db} drift --rescore` uses the lexicon in config.toml, "
        "not --lexicon: to score the journal with this one, set lexicon = ")
    assert note.endswith(f"then run `peerjournal --db {db} drift --rescore`.")


def test_drift_id_names_the_rescore_of_the_journal_given(cli: CLI, tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    stale_journal(cli, db)
    earlier = said(ok(cli("--db", str(db), "drift", "1")).stderr)
    assert earlier.endswith(f"show: `peerjournal --db {db} drift --rescore` brings it up to "
                            "date.")
    tried = said(ok(cli("--db", str(db), "drift", "1", "--lexicon",
                        str(org_lexicon(tmp_path)))).stderr)
    assert tried.endswith(f"then run `peerjournal --db {db} drift --rescore`.")


# -- 4: settings tied in use, whatever their case -----------------------------------------------


def test_settings_tied_in_use_are_listed_whatever_their_case(cli: CLI, add: Add) -> None:
    """Was: 'Ty Hafan' before 'crisis' (capitals sort before small letters)."""
    for setting in ("Ty Hafan", "crisis", "community", "St. John's ward", "group", "group"):
        add("We sat together.", "--setting", setting)
    result = ok(cli("list", "--setting", "xyz"))
    assert said(result.stderr).endswith(
        "entries have the settings 'group', 'community', 'crisis', \"St. John's ward\" and "
        "'Ty Hafan'.")


# -- 5: the stored score's figures, said without a contradiction ---------------------------------


def test_drift_with_a_tried_lexicon_says_the_stored_score_has_the_same_figures(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "The journal holds another score for this entry (also leans peer, with the same
    figures)": another score, yet the same."""
    entry = str(add("I shared my own story of recovery with him and we learned from each other."))
    renamed = tmp_path / "renamed.toml"
    renamed.write_text(DEFAULT_LEXICON.read_text("utf-8").replace(
        'name = "peerjournal default"', 'name = "Org lexicon"', 1), encoding="utf-8")
    same = said(ok(cli("drift", entry, "--lexicon", str(renamed))).stderr)
    assert ("The journal's stored score for this entry, from the lexicon it was scored with, "
            "has the same verdict and figures (leans peer); `list`, `report` and `supervision "
            "prep` show that one.") in same
    assert "another score" not in same


# -- fix_words 13: a clause or question label negated ------------------------------------------


@pytest.mark.parametrize(("label", "negated"), [
    ("sharing your own story, as you choose", "not sharing your own story, as you choose"),
    ("Do you notice their strengths?", "Do you notice their strengths? (not so)"),
    ("when you push back for them", "when you push back for them (not so)"),
    ("you’re speaking up; you've decided", "you’re speaking up; you've decided (not so)"),
    ("what you learn from them, and they from you",
     "what you learn from them, and they from you (not so)"),
    ("self-doubt, shame, and fear", "no self-doubt, shame, or fear"),
    ("speaking up, deciding, taking a risk", "not speaking up, deciding or taking a risk"),
    ("self-doubt and shame", "no self-doubt or shame"),
    ("hope, as you define it", "no hope, as you define it"),
])
def test_a_label_negated_reads_as_one(label: str, negated: str) -> None:
    """Was: "no Do you notice their strengths?", "no when you push back for them", "not
    sharing your own story or as you choose", "no self-doubt, shame or or fear"."""
    assert negated_name(label) == negated


def _negated_before(name: str) -> str:
    """negated_name as it was before this round: the shipped labels keep its words."""
    first = name.split(" ", 1)[0].rstrip(",;:")
    alternatives = name.replace(" and ", " or ")
    head, comma, last = alternatives.rpartition(", ")
    if comma and " or " not in last:
        alternatives = f"{head} or {last}"
    return f"{'not' if first.endswith('ing') else 'no'} {alternatives}"


def test_every_shipped_marker_is_negated_as_before() -> None:
    lexicon = load_lexicon()
    for marker in lexicon.markers:
        plain = marker_label(marker.id, lexicon.marker_labels)
        assert marker_label(marker.id, lexicon.marker_labels, negated=True) == _negated_before(
            plain), marker.id


def test_write_with_a_tried_lexicon_names_the_rescore_of_the_journal_given(
    cli: CLI, tmp_path: Path
) -> None:
    """`how_to_configure` said `peerjournal drift --rescore` whatever --db was given: run as
    printed, it rescored the default journal."""
    db = tmp_path / "other.db"
    tried = org_lexicon(tmp_path)
    refused = cli("--db", str(db), "--lexicon", str(tried), "write", "-x", "A quiet shift.")
    assert refused.exit_code == 2
    assert f"then run `peerjournal --db {db} drift --rescore`. " in said(refused.stderr)


def test_write_and_show_name_the_drift_command_of_the_journal_given(
    cli: CLI, tmp_path: Path
) -> None:
    """QA qa_fixes_f 3: `write --db X` ended "details: peerjournal drift 1", which ran on the
    default journal: "No entry 1"."""
    db = tmp_path / "other journal.db"
    written = cli("--db", str(db), "write", "-x", "I shared my own story with Sam today.")
    assert written.exit_code == 0, written.stderr
    hint = f"peerjournal --db '{db}' drift 1"
    assert f"details: {hint}" in " ".join(written.stderr.split())
    assert f"`{hint}` shows the phrases behind them." in " ".join(written.stderr.split())
    shown = cli("--db", str(db), "show", "1")
    assert f"details: {hint}" in " ".join(shown.stdout.split())
    assert cli("--db", str(db), "drift", "1").exit_code == 0
    plain = cli("write", "-x", "A quiet shift on the ward.")
    assert "details: peerjournal drift 1" in " ".join(plain.stderr.split())
