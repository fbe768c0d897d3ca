"""QA round 18: mentor summaries as a writer exports them and a mentor reads them.

Nicknames in the export preview, the preview's title, `--output ''`, and `review` and
`people list` on a terminal 30 columns wide.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from peerjournal.redact import nickname_like, unlisted_capitalised
from test_summary import sample_summary

NICKNAME_ENTRY = (
    "Sammy was upset at handover. The ward was loud and I sat with him. "
    "Then Sammy's sister rang."
)


def _checked_words(stderr: str) -> str:
    """The preview's list of words to check ('' when there is none): "capitalised words",
    or "words" when one is in lower case."""
    found = re.search(r"Check these (?:capitalised )?words \(in the preview above\): ", stderr)
    if found is None:
        return ""
    after = stderr[found.end():]
    return " ".join(after.split(". If any is")[0].split())


def _export(cli, out: Path, *extra: str, answer: str = "y\n"):
    return cli("export", "--since", "2026-11-16", "-o", str(out), *extra, input=answer)


# -- 1. a nickname at the start of a sentence ------------------------------------------------


def test_a_nickname_opening_a_sentence_is_flagged_and_leaves_until_listed(
    cli, add, tmp_path: Path
) -> None:
    """Was: "Sammy was upset…" went to the mentor unflagged (Samuel Jones listed), as words
    that open a sentence were never flagged; "I sat with Sammy" was."""
    add(NICKNAME_ENTRY, "--share")
    assert cli("people", "add", "Samuel", "Jones").exit_code == 0
    out = tmp_path / "summary.md"
    result = _export(cli, out)
    assert result.exit_code == 0, result.stderr
    # a possessive is named as the name to add (round 25)
    assert _checked_words(result.stderr) == "Sammy (2, like a listed name)"
    # what the preview flags is what the file holds
    assert "Sammy was upset" in out.read_text() and "Sammy's sister" in out.read_text()
    assert "Then" not in _checked_words(result.stderr)  # a sentence word is not a name

    assert cli("people", "add", "Sammy").exit_code == 0
    again = tmp_path / "again.md"
    result = _export(cli, again)
    assert result.exit_code == 0, result.stderr
    assert _checked_words(result.stderr) == ""
    text = again.read_text()
    assert "sammy" not in text.casefold()
    assert "[person] was upset" in text and "[person]'s sister" in text
    preview = result.stderr.split("Write this summary")[0]
    assert "sammy" not in preview.casefold() and "[person] was upset" in preview


def test_an_alias_that_is_a_nickname_is_flagged_in_the_preview(cli, add, tmp_path) -> None:
    """Was: an alias's words were never flagged, so 'Sammy' (the alias of Samuel Jones, and
    typed by the writer) left unremarked; an alias such as initials still is not flagged."""
    add(NICKNAME_ENTRY + " Samuel Jones came back later.", "--share")
    assert cli("people", "add", "Samuel", "Jones", "--alias", "Sammy").exit_code == 0
    assert cli("people", "add", "Kezia", "Obi", "--alias", "K.").exit_code == 0
    add("Yesterday I walked with Kezia to the office.", "--share")
    out = tmp_path / "summary.md"
    result = _export(cli, out)
    assert result.exit_code == 0, result.stderr
    assert _checked_words(result.stderr) == "Sammy (3, like a listed name)"
    assert "Sammy came back later" in out.read_text()
    assert "K." in out.read_text()


@pytest.mark.parametrize(("word", "names", "expected"), [
    ("Sammy", ["Samuel Jones"], True),
    ("Sam", ["Samuel Jones"], True),
    ("Sammy's", ["Samuel Jones"], True),
    ("Sammy’s", ["Samuel Jones"], True),
    ("Sam-Jo", ["Samuel Jones"], True),
    ("Zoe", ["Zoë Adams"], True),
    ("ZOË", ["Zoe Adams"], True),
    ("Siobhan", ["Siobhán Ó Briain"], True),
    ("Петя", ["Пётр Иванов"], True),
    ("The", ["Theo Grant"], False),
    ("Then", ["Theo Grant"], False),
    ("She", ["Sheila Obi"], False),
    ("Handover", ["Hannah Obi"], False),  # much longer than the name: another word
    ("Samuel", [], False),
    ("Jo", ["Joanne Obi"], False),  # two letters are too few to tell
])
def test_nickname_like(word: str, names: list[str], expected: bool) -> None:
    assert nickname_like(word, names) is expected


def test_names_and_nicknames_are_flagged_at_a_sentence_start() -> None:
    """Round 24: a name opening a sentence is flagged even when it is like no listed name;
    a common word opening one ("The") is not, even when it starts like one (Theodore)."""
    text = "Theo's mum came. The ward was loud. Sammy cried. I saw Priya."
    words = [text[a:b] for a, b in unlisted_capitalised(text, ["Theodore Grant", "Samuel"])]
    assert words == ["Theo's", "Sammy", "Priya"]
    assert [text[a:b] for a, b in unlisted_capitalised(text)] == ["Theo's", "Sammy", "Priya"]


# -- 2. the preview's title, and --output '' ---------------------------------------------


def test_a_long_preview_title_keeps_unredacted_in_sight(
    cli, add, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the panel's border cut the title, so "(UNREDACTED)" after a long file name, or
    any destination at COLUMNS=30, was not shown."""
    add("We walked to the housing office together.", "--share")
    folder = tmp_path / "for-my-mentor-supervision-in-december"
    folder.mkdir()
    out = folder / "reflective-practice-summary.md"
    monkeypatch.setenv("COLUMNS", "60")
    result = _export(cli, out, "--no-redact", answer="n\n")
    assert result.exit_code == 1
    head = result.stderr.split("# Reflective-practice summary")[0]
    flat = "".join(head.replace("│", " ").split())
    assert f"Previewwhatwillbewrittento{out}(md)(UNREDACTED)".replace(" ", "") in flat.replace(
        ":", "")
    monkeypatch.setenv("COLUMNS", "30")
    narrow = _export(cli, out, answer="n\n")
    assert max(len(line) for line in narrow.stderr.splitlines()[:12]) <= 30
    assert "reflective-practice-summar" in "".join(narrow.stderr.replace("│", "").split())


def test_an_empty_output_name_is_refused_plainly(cli, add, tmp_path: Path) -> None:
    """Was: "peerjournal: . is a folder; --output needs a file name." for -o ''."""
    add()
    result = cli("export", "--yes", "-o", "")
    assert result.exit_code == 1
    assert result.stderr == "peerjournal: --output needs a file name (or - for standard output).\n"


# -- 3. review and people list at COLUMNS=30 ---------------------------------------------


def _save(path: Path, data: object) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_review_at_30_columns_cuts_no_date_label_or_title(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: periods as "20…", labels as "Self-wor…", "What I will do differentl" (a title
    too long for the border is now cut there with "…" and shown whole inside)."""
    data = sample_summary()
    data["dimensions"][0]["label"] = "Self-worth and co-optation"
    monkeypatch.setenv("COLUMNS", "30")
    result = cli("review", _save(tmp_path / "s.json", data))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert max(len(line) for line in out.splitlines()) <= 30
    inside = "\n".join(line for line in out.splitlines() if not line.startswith("╭"))
    assert "…" not in inside.replace("[person]…", "").replace("[phone]…", "")
    trend = out[out.index("Trend by week"):out.index("Dimensions")]
    assert "2026-11-02 – 2026-11-08" in trend and "2026-10-26 – 2026-11-01" in trend
    assert "1 entry, identity 3.2," in trend and "no entries" in trend
    dims = " ".join(out[out.index("Dimensions"):].replace("│", " ").split())
    # piped, the sections have no border: the label wraps in its column, beside its numbers
    assert "Self-worth and 3.2 0.0 co-optation" in dims
    assert "\nWhat the writer will do\ndifferently\n" in out  # (a heading, whole)


def test_review_shows_every_tag_of_a_shared_entry(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the panel's border cut a shared entry's title, and its last tags with it."""
    data = sample_summary()
    tags = ["advocacy", "handover", "housing-office", "benefits", "boundaries", "team-meeting"]
    data["shared_entries"][0]["tags"] = tags
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("review", _save(tmp_path / "s.json", data)).stdout
    assert all(f"#{tag}" in out for tag in tags)
    monkeypatch.setenv("COLUMNS", "100")
    wide = cli("review", str(tmp_path / "s.json")).stdout
    assert all(f"#{tag}" in wide for tag in tags)


def test_people_list_at_30_columns_shows_whole_names(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "Mary-J…" and "2026-1…": the writer could not see who was listed."""
    for name in (["Mary-Jane", "Okafor"], ["Nguyễn", "Văn", "An"], ["Siobhán", "Ó", "Briain"]):
        assert cli("people", "add", *name).exit_code == 0
    monkeypatch.setenv("COLUMNS", "30")
    result = cli("people", "list")
    assert result.exit_code == 0, result.stderr
    assert "…" not in result.stdout
    flat = " ".join(result.stdout.split())
    assert "Mary-Jane Okafor, shown as [person] (added 2026-11-20)" in flat
    assert "Nguyễn Văn An" in flat and "Siobhán Ó Briain" in flat
    monkeypatch.setenv("COLUMNS", "100")
    assert "Shown in exports as" in cli("people", "list").stdout


# -- 4. one home for the statement column's minimum --------------------------------------


def test_review_and_supervision_share_one_statement_minimum() -> None:
    """The self-check's statement minimum lives in render.widths; reading it for `review`
    loads no supervision code."""
    code = (
        "import sys\n"
        "import peerjournal.cli.review, peerjournal.render.summary as s, "
        "peerjournal.render.widths as w\n"
        "assert s.STATEMENT_MIN is w.STATEMENT_MIN == 24\n"
        "assert 'peerjournal.render.supervision' not in sys.modules\n"
        "assert 'peerjournal.supervision' not in sys.modules\n"
        "import peerjournal.render.supervision as v\n"
        "assert v.STATEMENT_MIN == w.STATEMENT_MIN\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# -- 5. names a keyboard or a grammar changes --------------------------------------------


def test_declined_cyrillic_names_and_stroked_letters_never_leave(cli, add, tmp_path) -> None:
    """Was: "Дмитрия", "Петровым" (Дмитрий Петров declined), "Lukasz" (Łukasz), "Duc" (Đức),
    "Soren" (Søren) and "Aesa" (Æsa) went to the mentor as written."""
    for name in (["Дмитрий", "Петров"], ["Łukasz", "Nowak"], ["Đức", "Trần"], ["Søren"],
                 ["Æsa"], ["Анна"]):
        assert cli("people", "add", *name).exit_code == 0
    add("Я говорил с Дмитрием и Петровым. Дмитрия не было. Анной и Анны. Анналы и Антон. "
        "Lukasz, Duc and SOREN came; Aesa's mum and Thor too.", "--share")
    out = tmp_path / "s.json"
    assert cli("export", "-y", "--since", "2026-11-16", "-o", str(out)).exit_code == 0
    experience = json.loads(out.read_text())["shared_entries"][0]["experience"]
    assert experience == (
        "Я говорил с [person] и [person]. [person] не было. [person] и [person]. Анналы и "
        "Антон. [person], [person] and [person] came; [person]'s mum and Thor too."
    )


def test_a_nickname_in_a_tag_or_setting_is_flagged(cli, add, tmp_path: Path) -> None:
    """Was: tags and settings are lower case, so "sammy-visit" was never flagged."""
    add("We walked to the office.", "--share", "--tag", "sammy-visit", "--tag", "handover",
        "--setting", "sammy's flat")
    assert cli("people", "add", "Samuel", "Jones").exit_code == 0
    out = tmp_path / "s.md"
    result = _export(cli, out)
    assert result.exit_code == 0, result.stderr
    assert _checked_words(result.stderr) == "sammy (2, like a listed name)"
    assert "Check these words (in the preview above): sammy" in result.stderr  # not capitalised
    assert "#sammy-visit" in out.read_text()


def test_review_refuses_a_period_that_is_neither_week_nor_month(cli, tmp_path: Path) -> None:
    """Was: any string was taken, and a damaged file's 100,000-letter "by" was drawn whole
    in the heading "Trend by …"."""
    data = sample_summary()
    data["period"]["by"] = "x" * 100_000
    result = cli("review", _save(tmp_path / "s.json", data))
    assert result.exit_code == 1
    assert result.stderr == "peerjournal: " + str(tmp_path / "s.json") + (
        ": the file was changed after it was exported (period by is not week or month); ask "
        "for the summary to be sent again.\n")
    data["period"]["by"] = "month"
    assert cli("review", _save(tmp_path / "m.json", data)).exit_code == 0


# -- 6. --output to a device or a pipe -------------------------------------------------------


def test_output_to_a_device_is_written_into(cli, add) -> None:
    """Was: "/dev/null already exists; add --force to overwrite it", and with --force the
    device (or the link /dev/stdout) was replaced by a regular file."""
    import stat

    add()
    result = cli("export", "--yes", "-o", "/dev/null")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("Wrote /dev/null (" + result.stderr.split("(")[-1])
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_output_to_a_named_pipe_with_force_keeps_the_pipe(cli, add, tmp_path: Path) -> None:
    import os
    import stat
    import threading

    add("We walked to the housing office together.", "--share")
    pipe = tmp_path / "to-mentor"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = cli("export", "--yes", "--force", "-f", "md", "-o", str(pipe))
    reader.join(timeout=10)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert b"We walked to the housing office together." in received[0]
