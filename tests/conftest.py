"""Every test gets its own data dir, a fixed clock, no colour and a fixed width."""

from __future__ import annotations

import builtins
import json
import os
import re
import shutil
import signal
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from peerjournal import paths
from peerjournal.cli import app
from peerjournal.context import AppContext
from peerjournal.db import engine
from peerjournal.db.store import Store
from peerjournal.drift import DriftScore, Lexicon, score_text
from peerjournal.drift.lexicon import DEFAULT_LEXICON, parse_lexicon

# Every test runs in UTC, whatever the machine's zone: FIXED_NOW is a moment in UTC, and "today"
# is its date in the local zone (context.system_clock), so east of UTC+5:30 the dates would move.
# (Set once for the session and the CLIs it starts; tests of other zones set TZ for themselves.)
os.environ["TZ"] = "UTC"
time.tzset()

# The folder holding the peerjournal these tests import (the installed copy, or src/ in an
# editable install): a subprocess given it as PYTHONPATH runs the same code as the tests.
SRC = str(Path(engine.__file__).parents[2])

FIXED_NOW = "2026-11-20T18:30:00+00:00"  # a Friday evening; today is 2026-11-20
# the keys of `drift --json`, and of each of its hits, in the order of the contract
SCORE_KEYS = (
    "verdict",
    "balance",
    "identity",
    "drift",
    "words",
    "dimensions",
    "hits",
    "lexicon_version",
)
HIT_KEYS = (
    "marker",
    "dimension",
    "polarity",
    "text",
    "start",
    "end",
    "negated",
    "attributed",
    "hypothetical",
    "self_noticed",
    "counted",
)


# A suite started in the background by a script (`cmd &` without job control, nohup) inherits
# Ctrl-C ignored, and Python then leaves it ignored: the tests of Ctrl-C would wait forever for
# an interrupt that never comes. They test peerjournal's handling, so each worker starts with
# Python's own.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
    monkeypatch.setenv("PEERJOURNAL_NOW", FIXED_NOW)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "dumb")
    for name in ("PEERJOURNAL_DB", "VISUAL", "EDITOR", "FORCE_COLOR", "PEERJOURNAL_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    return home


_STOPPING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP",
                                                               "SIGQUIT") if hasattr(signal, name))


@pytest.fixture(autouse=True)
def signals_as_they_were() -> Iterator[None]:
    """Each test leaves this process's signals as it found them: a command run here may
    ignore or hold back Ctrl-C, SIGTERM or SIGHUP for its own end (`launcher.settled`, a
    guided write's terminal handling), which in a real process ends with it. Here the process
    goes on, and every process started later would inherit them (an editor that hangs itself
    up in a later test not stopped by it)."""
    handlers = {number: signal.getsignal(number) for number in _STOPPING_SIGNALS}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    yield
    from peerjournal import launcher

    launcher._launched = launcher._settled = False
    for number, handler in handlers.items():
        if handler is not None and signal.getsignal(number) is not handler:
            signal.signal(number, handler)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    """Set the local time zone (TZ), for this test only (put back, and re-read, after it)."""
    before = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(scope="session")
def journal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A blank journal migrated by the real Alembic run, once per test session."""
    path = tmp_path_factory.mktemp("template") / "journal.db"
    engine._upgrade(path)
    return path


@pytest.fixture(autouse=True)
def fast_new_journals(monkeypatch: pytest.MonkeyPatch, journal_template: Path) -> None:
    """New journals are copies of the template (~0.4 ms, where making one takes ~10 ms: its
    commit waits for the disk); tests/test_new_journal.py tests how they are really made."""
    real_create = engine._create

    def create(path: Path) -> None:
        if path.stat().st_size == 0:
            shutil.copyfile(journal_template, path)
        else:
            real_create(path)

    monkeypatch.setattr(engine, "_create", create)


CLI = Callable[..., Result]


@pytest.fixture
def colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output styled as on a colour terminal (panels, sparklines), though the test runner's
    stdout is not one; NO_COLOR stays set."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend stdin is a terminal, so that commands ask their questions."""
    monkeypatch.setattr(AppContext, "stdin_is_terminal", lambda self: True)


# A stand-in for $EDITOR: applies the (old, new) replacements in $EDITS to the file it is given.
REPLACING_EDITOR = """
import json, os, sys
path = sys.argv[-1]
text = open(path, encoding="utf-8").read()
for old, new in json.loads(os.environ["EDITS"]):
    text = text.replace(old, new, 1)
open(path, "w", encoding="utf-8").write(text)
"""
GUIDE = "what did you and they say and do?"  # a guidance line of the shipped template


@pytest.fixture
def edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """`edits((old, new), …)`: what the stand-in editor will change in the file it is given."""
    script = tmp_path / "replacing_editor.py"
    script.write_text(REPLACING_EDITOR, encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")

    def use(*pairs: tuple[str, str]) -> None:
        monkeypatch.setenv("EDITS", json.dumps(pairs))

    return use


CTRL_C, CTRL_D = "<ctrl-c>", "<ctrl-d>"


class Keys:
    """Stands in for input() at a terminal: lines in turn, Ctrl-C and Ctrl-D where scripted.

    `pastes` are groups of lines that arrive together (what `more_input_waiting` sees)."""

    def __init__(self, *script: str | list[str]) -> None:
        self.lines: list[tuple[str, bool]] = []  # (line, more of its paste waiting behind it)
        for step in script:
            group = step if isinstance(step, list) else [step]
            self.lines += [(line, n < len(group) - 1) for n, line in enumerate(group)]
        self.waiting_now = False

    def __call__(self, prompt: str = "") -> str:
        if not self.lines:
            raise EOFError
        line, self.waiting_now = self.lines.pop(0)
        if line == CTRL_C:
            raise KeyboardInterrupt
        if line == CTRL_D:
            raise EOFError
        return line

    def waiting(self) -> bool:
        return self.waiting_now


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch, terminal: None) -> Callable[..., Keys]:
    """Lines typed at the terminal in turn (CTRL_C and CTRL_D where scripted)."""
    from peerjournal.cli import guided

    def install(*script: str | list[str]) -> Keys:
        fake = Keys(*script)
        monkeypatch.setattr(builtins, "input", fake)
        monkeypatch.setattr(guided, "more_input_waiting", fake.waiting)
        return fake

    return install


@pytest.fixture
def store() -> Iterator[Store]:
    """The test's journal, opened directly (to set up or inspect what a command stored)."""
    opened = Store(paths.db_path())
    yield opened
    opened.close()


@pytest.fixture
def cli() -> CLI:
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def add(cli: CLI) -> Callable[..., int]:
    """Write a quick entry and return its ID: a new entry each call, the same text too
    (--again: a repeat's own tests write without it)."""

    def write(experience: str = "I sat with Sam and we talked about his week.", *extra: str) -> int:
        result = cli("write", "--experience", experience, "--again", *extra)
        assert result.exit_code == 0, result.stderr
        return int(result.stdout.strip())

    return write



@cache
def curated_lexicon() -> Lexicon:
    """The shipped lexicon without its learned markers: what the matcher and coverage tests
    test (the curated patterns and flag rules), apart from the learned layer's statistics."""
    from learn_markers import curated_text

    shipped = DEFAULT_LEXICON.read_text(encoding="utf-8")
    return parse_lexicon(curated_text(shipped).encode(), "curated")


def curated_score(text: str, lexicon: Lexicon | None = None) -> DriftScore:
    """`score_text` with the curated lexicon unless another is given."""
    return score_text(text, lexicon or curated_lexicon())


def drift_hit(
    text: str, dimension: str, *, self_noticed: bool = False, attributed: bool = False
) -> dict[str, Any]:
    """A stored score's hit of drift, built by hand (counted unless someone else's words)."""
    return {
        "marker": f"{dimension}.m",
        "dimension": dimension,
        "polarity": "drift",
        "text": text,
        "start": 0,
        "end": len(text),
        "negated": False,
        "attributed": attributed,
        "hypothetical": False,
        "self_noticed": self_noticed,
        "counted": not attributed,
    }


_KEPT_DRAFT = re.compile(
    r" Your words are kept (?:as draft \d+(?:, in \S+)?|in \S+): "
    r"`peerjournal write --resume[^`]*`\."
    r"(?: Give --date again: the draft does not keep it\.)?(?=\n\Z)"
)


def without_kept_draft(stderr: str) -> str:
    """`write`'s one-line refusal of a quick entry, without the sentence that says where the
    entry is kept (which must be there: the text typed is never lost to a wrong option)."""
    message, kept = _KEPT_DRAFT.subn("", stderr)
    assert kept == 1, stderr
    return message


def not_utf8_warning(*ids: int) -> str:
    """What a command says (on stderr) of entries whose text is not UTF-8, read with U+FFFD."""
    if len(ids) == 1:
        return (f"Entry {ids[0]} holds text that is not UTF-8 (written by another program?), "
                f"shown with U+FFFD marks in its place: correct it with "
                f"`peerjournal edit {ids[0]}`.\n")
    named = ", ".join(map(str, ids[:-1])) + f" and {ids[-1]}"
    return (f"Entries {named} hold text that is not UTF-8 (written by another program?), "
            "shown with U+FFFD marks in its place: correct each with `peerjournal edit ID`.\n")


def search_hits(cli: CLI, *query: str) -> list[dict[str, Any]]:
    """`search --json` through the CLI: the hits, after checking it succeeded."""
    result = cli("search", "--json", *query)
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def fts_integrity_check(path: Path) -> None:
    """FTS5's own check of the search index against the entries it indexes."""
    with sqlite3.connect(path) as conn:  # raises "database disk image is malformed" if not
        conn.execute("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")


# what makes the drift scores of every entry (or those of a WHERE added) the earlier version's
OLD_CODE = "UPDATE entry SET scorer_version = 'older-code'"


def run_sql(path: Path, sql: str) -> None:
    """`sql` run and committed on the journal at `path`, as an earlier version left it."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(sql)
    finally:
        conn.close()


def alembic_config(path: Path) -> Any:
    """Alembic's configuration for the journal at `path`, to take it to a given revision."""
    import io

    from alembic.config import Config

    # Config's default stdout is whatever sys.stdout was when alembic was first imported,
    # possibly a CliRunner stream that is closed by now.
    config = Config(stdout=io.StringIO())
    config.set_main_option("script_location", str(Path(engine.__file__).parent / "migrations"))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return config


def compact_and_whole_summaries(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """The JSON summary since 1 Nov 2026 as exported (drift counted per marker:
    `stats.summary_drifts`) and as the whole stored scores give it: the two must be the same."""
    import peerjournal.db.stats as stats

    args = ("export", "--yes", "-f", "json", "--since", "2026-11-01")
    compact = cli(*args)
    assert compact.exit_code == 0, compact.stderr

    def whole_scores(store: Store, since: Any, until: Any, full: object) -> object:
        return store.drifts_between(since, until)

    monkeypatch.setattr(stats, "summary_drifts", whole_scores)
    whole = cli(*args)
    return json.loads(compact.stdout), json.loads(whole.stdout)


@pytest.fixture
def key_pipe() -> Iterator[tuple[int, int]]:
    """A pipe standing in for the terminal that readline's key reader reads."""
    read_end, write_end = os.pipe()
    yield read_end, write_end
    os.close(read_end)
    os.close(write_end)
