"""Round 29: a guided draft resumed in the editor (`write --resume --editor`) keeps every word
whatever the editor does; a quick entry without -x is kept; Ctrl-\\ keeps the typed line."""

from __future__ import annotations

import json
import os
import select
import signal
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_C, SRC

WORDS = "Precious words from tonight."


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def said(result: Any) -> str:
    return " ".join(result.stderr.split())


def experiences(cli: CLI) -> list[str]:
    return [e["experience"] for e in json.loads(cli("list", "--json").stdout)]


def use_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    """$EDITOR: a Python script, `body`, with `path` the file it is given."""
    script = tmp_path / f"editor{len(list(tmp_path.glob('editor*')))}.py"
    script.write_text("import os, signal, sys\npath = sys.argv[-1]\n" + textwrap.dedent(body),
                      encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")


# -- the critical case, exactly as QA ran it --------------------------------------------------


def test_a_failing_editor_keeps_a_kept_quick_entry_resumed_in_it(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: Any
) -> None:
    """Before: "The editor exited with status 1; nothing was saved. Your text is kept in
    drafts/….md", the .json deleted and the .md holding 40 bytes of its comment."""
    assert cli("write", "-x", WORDS, "--mode", "bogus").exit_code == 1
    [kept] = drafts(isolated)
    assert kept.name.startswith("kept-") and kept.suffix == ".json"
    before = kept.read_bytes()
    editor = tmp_path / "ed.sh"
    editor.write_text('#!/bin/sh\nhead -c 40 "$1" > "$1.t"; mv "$1.t" "$1"; exit 1\n')
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 1
    assert said(result).endswith(
        f"peerjournal: The editor exited with status 1; nothing was saved. Your text is still "
        f"in {kept} (`peerjournal write --resume --draft 1`)."
    )
    assert drafts(isolated) == [kept] and kept.read_bytes() == before
    keys("y")  # --resume continues it: every step is done, so only "Save this entry?"
    assert cli("write", "--resume").exit_code == 0
    assert experiences(cli) == [WORDS] and drafts(isolated) == []


# -- every way an editor can fail, on a draft from an interrupted guided write ----------------


def interrupted_guided(cli: CLI, isolated: Path, keys: Any) -> Path:
    keys("", "We sat together on the ward.", "Then we talked about", CTRL_C)
    assert cli("write").exit_code == 130
    [guided] = drafts(isolated)
    return guided


NOTHING_NEW = {
    "failing": "sys.exit(1)",
    "truncating": "data = open(path, 'rb').read()\nopen(path, 'wb').write(data[:300])\n"
                  "sys.exit(1)",
    "killed mid-write": "data = open(path, 'rb').read()\nopen(path, 'wb').write(data[:200])\n"
                        "os.kill(os.getpid(), signal.SIGSEGV)",
    "emptying, status 0": "open(path, 'w').close()",
    "emptying, status 1": "open(path, 'w').close()\nsys.exit(1)",
    "deleting": "os.remove(path)",
    "removing the words": "text = open(path).read().replace('We sat together on the ward.', '')"
                          "\nopen(path, 'w').write(text.replace('Then we talked about', ''))",
}
REASONS = {
    "failing": "The editor exited with status 1; nothing was saved.",
    "truncating": "The editor exited with status 1; nothing was saved.",
    "killed mid-write": "The editor was stopped (SIGSEGV); nothing was saved.",
    "emptying, status 0": "The editor left the draft empty; nothing was saved.",
    "emptying, status 1": "The editor exited with status 1; nothing was saved.",
    "deleting": "The editor deleted or moved the file it was given",
    "removing the words": "The entry was left empty, so nothing was saved.",
}


@pytest.mark.parametrize("kind", list(NOTHING_NEW))
def test_an_editor_that_adds_nothing_leaves_the_guided_draft_as_it_was(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: Any,
    kind: str,
) -> None:
    guided = interrupted_guided(cli, isolated, keys)
    before = guided.read_bytes()
    use_editor(monkeypatch, tmp_path, NOTHING_NEW[kind])
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 1
    assert REASONS[kind] in said(result)
    assert said(result).endswith(
        f"Your text is still in {guided} (`peerjournal write --resume --draft 1`)."
    )
    # the copy made for the editor is gone, the guided draft untouched (no stray lock)
    assert drafts(isolated) == [guided] and guided.read_bytes() == before
    assert not list((isolated / "drafts").glob(".*.lock"))
    # --resume continues it where it stopped: the cut-off line carried on
    keys("It went well.", "", "", "", "", "", "", "", "")
    assert cli("write", "--resume").exit_code == 0
    assert experiences(cli) == [
        "We sat together on the ward.\nThen we talked about\nIt went well."
    ]
    assert drafts(isolated) == []


def test_an_interrupt_while_the_editor_runs_keeps_the_guided_draft(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, keys: Any
) -> None:
    """SIGTERM or SIGHUP while the editor has the file (KeyboardInterrupt), after it cut it."""
    from peerjournal.cli import editor

    guided = interrupted_guided(cli, isolated, keys)
    before = guided.read_bytes()

    def cut_then_stopped(path: Path, retry: str = "") -> str:
        path.write_bytes(path.read_bytes()[:100])
        raise KeyboardInterrupt

    monkeypatch.setattr(editor, "run_editor", cut_then_stopped)
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 130
    assert said(result) .endswith(
        f"peerjournal: Interrupted. Your text is still in {guided} (`peerjournal write "
        "--resume --draft 1`)."
    )
    assert drafts(isolated) == [guided] and guided.read_bytes() == before


def test_while_the_editor_runs_the_guided_draft_is_still_on_disk(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: Any
) -> None:
    """A power cut while the editor is open: the guided draft must still be there, whole,
    beside a Markdown copy; it is removed only once the editor has saved."""
    guided = interrupted_guided(cli, isolated, keys)
    seen = tmp_path / "seen.json"
    use_editor(monkeypatch, tmp_path, f"""
        import json
        folder = os.path.dirname(path)
        names = sorted(n for n in os.listdir(folder) if not n.startswith("."))
        json.dump([names, open(os.path.join(folder, {guided.name!r})).read()],
                  open({str(seen)!r}, "w"))
        text = open(path).read().replace("## Feelings", "Calm now.\\n\\n## Feelings")
        open(path, "w").write(text)
    """)
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 0, result.stderr
    names, held = json.loads(seen.read_text())
    assert len(names) == 2 and guided.name in names  # beside the Markdown copy
    assert "Then we talked about" in held
    assert experiences(cli) == ["We sat together on the ward.\nThen we talked about\n\nCalm now."]
    assert drafts(isolated) == []


@pytest.mark.parametrize("kind", ["new words, status 1", "not UTF-8"])
def test_an_editor_that_fails_after_saving_new_words_keeps_both(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: Any,
    kind: str,
) -> None:
    """What the failing editor saved may be the writer's newest words (vim's :w then :cq, a
    crash on the way out), or what they held before cut down: neither is thrown away."""
    guided = interrupted_guided(cli, isolated, keys)
    before = guided.read_bytes()
    if kind == "not UTF-8":
        use_editor(monkeypatch, tmp_path, """
            # U+0081 is 0x81 in Latin-1, a byte Windows-1252 leaves undefined: not text
            text = open(path, encoding="utf-8").read().replace("ward.", "ward, caf\\u0081.")
            open(path, "w", encoding="latin-1").write(text)
        """)
    else:
        use_editor(monkeypatch, tmp_path, """
            text = open(path).read().replace("ward.", "ward, then the garden.")
            open(path, "w").write(text)
            sys.exit(1)
        """)
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 1
    [markdown] = [p for p in drafts(isolated) if p != guided]
    assert guided.read_bytes() == before
    told = said(result)
    assert told.endswith(
        f"The draft as it was before the editor opened it is kept in {guided} (`peerjournal "
        "write --resume --draft 1`; `peerjournal drafts --discard 1` if you no longer need it)."
    )
    if kind == "not UTF-8":
        assert f"peerjournal: {markdown} is not UTF-8 text (at byte " in told
        assert "kept in " + str(markdown) not in told  # named once, by the error itself
    else:
        assert f"What the editor left is kept in {markdown} (`peerjournal write --resume " \
            "--draft 2`)." in told
        assert "then the garden" in markdown.read_text(encoding="utf-8")
    # as the message says: the guided draft is number 1 (started first), --draft 1 continues it
    keys("It went well.", "", "", "", "", "", "", "", "")
    assert cli("write", "--resume", "--draft", "1").exit_code == 0
    assert experiences(cli) == [
        "We sat together on the ward.\nThen we talked about\nIt went well."
    ]
    assert drafts(isolated) == [markdown]


def test_an_editor_that_saves_removes_the_guided_draft(
    cli: CLI, isolated: Path, keys: Any, edits: Any
) -> None:
    interrupted_guided(cli, isolated, keys)
    edits(("Then we talked about", "Then we talked about home."))
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 0, result.stderr
    assert experiences(cli) == ["We sat together on the ward.\nThen we talked about home."]
    assert drafts(isolated) == []
    assert not list((isolated / "drafts").glob(".*"))  # nor a lock file


def test_a_typo_after_the_editor_saved_keeps_only_the_markdown(
    cli: CLI, isolated: Path, keys: Any, edits: Any
) -> None:
    """The editor saved the text: the Markdown holds it, and is the one draft (a second
    would save it twice)."""
    interrupted_guided(cli, isolated, keys)
    edits(("## Feelings", "## Feelngs"))
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 1
    [markdown] = drafts(isolated)
    assert markdown.suffix == ".md" and "Your words are kept as draft " in said(result)
    assert "Then we talked about" in markdown.read_text(encoding="utf-8")


# -- an editor draft, and `edit`, with the same editors ---------------------------------------


def editor_draft(cli: CLI, isolated: Path, edits: Any) -> Path:
    edits(("## Feelings", "Alpha words typed.\n\n## Feelings"),
          ("## Evaluation", "Beta words typed.\n\n## Evaluation"),
          ("date: 2026-11-20", "date: 2099-11-20"))  # a date in the future: kept
    assert cli("write", "--editor").exit_code == 1
    [draft] = drafts(isolated)
    return draft


def test_an_editor_that_cuts_an_editor_draft_short_puts_its_text_back(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edits: Any
) -> None:
    """Before: only a draft left with no text at all was put back; one cut after its first
    part kept that part alone."""
    draft = editor_draft(cli, isolated, edits)
    before = draft.read_bytes()
    use_editor(monkeypatch, tmp_path, """
        text = open(path).read()
        open(path, "w").write(text[:text.index("Beta")])
        sys.exit(1)
    """)
    result = cli("write", "--resume")
    assert result.exit_code == 1
    assert f"The text it held before is back in {draft}:" in said(result)
    assert drafts(isolated) == [draft] and draft.read_bytes() == before


def test_an_editor_that_rewrites_an_editor_draft_and_fails_keeps_both(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edits: Any
) -> None:
    draft = editor_draft(cli, isolated, edits)
    before, age = draft.read_bytes(), draft.stat().st_mtime
    use_editor(monkeypatch, tmp_path, """
        text = open(path).read()
        open(path, "w").write(text[:text.index("Alpha")] + "Gamma, all new.\\n")
        os.kill(os.getpid(), signal.SIGSEGV)
    """)
    result = cli("write", "--resume")
    assert result.exit_code == 1
    [copy] = [p for p in drafts(isolated) if p != draft]
    assert "Gamma, all new." in draft.read_text(encoding="utf-8")
    assert copy.read_bytes() == before and copy.stat().st_mtime == age  # as old as it was
    assert said(result).endswith(
        f"The editor was stopped (SIGSEGV); nothing was saved. What the editor left is kept in "
        f"{draft} (`peerjournal write --resume --draft 1`). The draft as it was before the "
        "editor opened "
        f"it is kept in {copy} (`peerjournal write --resume --draft 2`; `peerjournal drafts "
        "--discard 2` if you no longer need it)."
    )


def test_a_failing_editor_changes_no_entry_and_a_fresh_write_keeps_what_was_typed(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    add: Callable[..., int],
) -> None:
    entry_id = add(WORDS)
    use_editor(monkeypatch, tmp_path, """
        data = open(path, "rb").read()
        open(path, "wb").write(data[:40])
        sys.exit(1)
    """)
    assert cli("edit", str(entry_id)).exit_code == 1
    assert experiences(cli) == [WORDS]
    use_editor(monkeypatch, tmp_path, """
        text = open(path).read().replace("## Feelings", "Typed in a fresh draft.\\n## Feelings")
        open(path, "w").write(text)
        sys.exit(1)
    """)
    result = cli("write", "--editor")
    assert result.exit_code == 1
    [draft] = drafts(isolated)
    assert said(result).endswith(
        "Your words are kept as draft 1: `peerjournal write --resume --draft 1`.")
    assert "Typed in a fresh draft." in draft.read_text(encoding="utf-8")


# -- 2. -f and -e without -x ------------------------------------------------------------------


@pytest.mark.parametrize("mode", [None, "bogus"])
def test_feelings_and_evaluation_without_an_experience_are_kept(
    cli: CLI, isolated: Path, keys: Any, mode: str | None
) -> None:
    """Before: "The experience is empty", exit 1, and both texts gone; kept because of a
    wrong option, --resume went straight to "Save this entry?" and failed the same way."""
    feelings, evaluation = "I felt awful and scared today", "Next time I will ask first"
    wrong = ["--mode", mode] if mode else []
    if mode:
        result = cli("write", "-f", feelings, "-e", evaluation, "-t", "late", *wrong)
        assert result.exit_code == 1
        [kept] = drafts(isolated)
        assert kept.name.startswith("kept-")
        assert said(result) == (
            "peerjournal: Unknown mode 'bogus': use on-action or in-action. Your words are kept "
            "as draft 1: `peerjournal write --resume --draft 1 --mode MODE`."
        )
        # --resume asks for the experience alone, then whether to save
        typed = keys("We met at the bus stop.", "", "")
        assert cli("write", "--resume", "--mode", "in-action").exit_code == 0
    else:  # (round 34: at a terminal, -f/-e start the guided session with them filled in)
        typed = keys("", "We met at the bus stop.", "", "", "", "", "", "", "")
        result = cli("write", "-f", feelings, "-e", evaluation, "-t", "late")
        assert result.exit_code == 0, result.stderr
    assert typed.lines == []
    [entry] = json.loads(cli("list", "--json").stdout)
    assert (entry["experience"], entry["feelings"], entry["evaluation"], entry["tags"]) == (
        "We met at the bus stop.", feelings, evaluation, ["late"])
    assert drafts(isolated) == []


def test_a_quick_entry_with_no_text_at_all_keeps_no_draft(cli: CLI, isolated: Path) -> None:
    result = cli("write", "-x", "  ", "-f", "")
    assert result.exit_code == 1 and "The experience is empty" in result.stderr
    assert drafts(isolated) == []


# -- 3. Ctrl-\ in a guided write --------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
@pytest.mark.parametrize("key", [b"\x1c", b"\x03"], ids=["ctrl-backslash", "ctrl-c"])
def test_ctrl_backslash_keeps_the_line_being_typed(isolated: Path, key: bytes) -> None:
    """Before: Ctrl-\\ (SIGQUIT) ended the process at once (a core dump, exit -3), and the
    line being typed with it; Ctrl-C, SIGTERM and SIGHUP kept it."""
    import pty

    env = {**os.environ, "PYTHONPATH": SRC, "TERM": "xterm"}
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover (the child)
        os.execve(sys.executable, [sys.executable, "-m", "peerjournal", "write"], env)
    seen = b""

    def until(text: bytes) -> None:
        nonlocal seen
        end = time.monotonic() + 60
        while text not in seen and time.monotonic() < end:
            if select.select([fd], [], [], 0.1)[0]:
                try:
                    seen += os.read(fd, 4096)
                except OSError:
                    break
        assert text in seen

    try:
        until(b"Setting")
        os.write(fd, b"\r")
        until(b"Ctrl-C keeps a draft")
        os.write(fd, b"We walked to the office.\r")
        time.sleep(0.3)
        os.write(fd, b"Then we sat and wai")
        time.sleep(0.5)
        os.write(fd, key)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 130
    [draft] = drafts(isolated)
    kept = json.loads(draft.read_text(encoding="utf-8"))
    assert kept["entry"]["experience"] == "We walked to the office.\nThen we sat and wai"
    assert kept["cut_off"] == "experience"


def test_sigquit_is_sigterms_only_while_the_session_asks(
    cli: CLI, isolated: Path, keys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-\\ stops a guided session as SIGTERM does; elsewhere it does what it always did."""
    import builtins

    def stopping(prompt: str = "") -> str:
        seen.append(signal.getsignal(signal.SIGQUIT))
        raise KeyboardInterrupt

    seen: list[Any] = []
    terminate = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # as the launcher's
    try:
        keys()
        monkeypatch.setattr(builtins, "input", stopping)
        assert cli("write").exit_code == 130
        assert seen == [signal.default_int_handler]
        assert signal.getsignal(signal.SIGQUIT) == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, terminate)

