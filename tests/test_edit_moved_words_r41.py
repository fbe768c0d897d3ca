"""For tests/ once edit-moved-words.diff is applied (cli/edit.py): a whole Feelings section
deleted, whose words also end the Experience, is kept and said "Not in the file" (was: emptied,
"now under Experience"). Suggested home: tests/test_edit_r41.py or a new tests/test_edit2_r41.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CLI
from test_editor_drafts_r29 import use_editor
from test_write import entries


def test_a_section_deleted_whole_whose_words_end_the_one_above_is_kept(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    entry = ("## Experience\nLong shift with Dev. Tired.\n\n## Feelings\nTired.\n\n"
             "## Evaluation\nHe led.\n")
    assert cli("write", "--stdin", input=entry).exit_code == 0
    use_editor(monkeypatch, tmp_path, """
        import re
        text = open(path, encoding="utf-8").read()
        text = re.sub(r"^## Feelings[^\\n]*\\n(?:(?!## ).*\\n)*", "", text, flags=re.M)
        open(path, "w", encoding="utf-8").write(text)
    """)
    result = cli("edit", "1")
    said = " ".join(result.stderr.split())
    assert "now under Experience" not in said
    assert "Not in the file, so kept as they are in entry 1: the Feelings section" in said
    [saved] = entries(cli)
    assert (saved["feelings"], saved["experience"]) == ("Tired.", "Long shift with Dev. Tired.")
