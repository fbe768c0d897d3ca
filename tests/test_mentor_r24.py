"""Round 24, what reaches a mentor (QA findings 1, 7, 8 and 9):

1. a name opening a sentence is among the words the export asks the writer to check;
2. the PDF explains its arrows only when a row has one, and gives identity before drift;
3. the summary's footnote says `peerjournal drift ID` is the writer's to run;
4. `review` and the export preview hang a wrapped bullet line under its text.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import CLI

KERRY = ("Kerry was upset about her benefits. Tomasz came in later. I listened and we made "
         "tea together.")
# Sentence openers a tired writer uses all the time: none of them is a name.
EVERYDAY = ("Today was long. She smiled at me. After that we walked to the shop. Later we had "
            "tea. We laughed about the forms. Walked home slowly. Tired but okay. Couldn't "
            "sleep. Honestly it was fine. Accompanied him to the office.")
LONG = ("I sat with him in the garden and we talked about music for a long while, and later "
        "I shared my own story about nights like that and he listened to all of it.")


def _checked(stderr: str) -> str:
    """The words of the 'Check these capitalised words' line, on one line."""
    text = " ".join(stderr.split())
    assert "Check these capitalised words" in text, stderr
    return text.split("Check these capitalised words")[1].split(". If any is")[0]


def test_names_opening_sentences_are_listed_with_yes(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Was: with someone on the people list, "Kerry was upset… Tomasz came in later." went
    to the mentor with nothing said: only words inside a sentence were candidates."""
    assert cli("people", "add", "Marcus").exit_code == 0
    add(KERRY, "-f", "Calm.", "--share")
    result = cli("export", "--yes", "-o", str(tmp_path / "y.md"))
    assert result.exit_code == 0, result.stderr
    checked = _checked(result.stderr)
    assert "Kerry" in checked and "Tomasz" in checked
    assert "Kerry was upset" in (tmp_path / "y.md").read_text()  # flagged, not changed


def test_a_possessive_name_opening_an_entry_is_listed(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Was: "Priya's client rang…" flagged Aisha and Dmitri's but not Priya's."""
    add("Priya's client rang. Later Dmitri's brother came in. I listened to Aisha.", "--share")
    result = cli("export", "--yes", "-o", str(tmp_path / "s.md"))
    checked = _checked(result.stderr)
    # named as the names to add, without the possessive's 's (round 25)
    assert all(word in checked for word in ("Priya", "Dmitri", "Aisha"))
    assert "'s" not in checked


def test_the_preview_highlights_a_name_opening_a_sentence(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add(KERRY, "--share")
    result = cli("export", "-o", str(tmp_path / "s.md"), input="n\n")
    checked = _checked(result.stderr)
    # no styles here (not a terminal): the words are not highlighted, and it does not say so
    assert checked.startswith(" (in the preview above): ") and "Kerry" in checked
    assert not (tmp_path / "s.md").exists()


def test_where_styles_show_the_preview_says_the_words_are_highlighted(
    cli: CLI, add: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    add(KERRY, "--share")
    result = cli("export", "-o", str(tmp_path / "s.md"), input="n\n")
    plain = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", result.stderr).split())
    assert "Check these capitalised words (highlighted above): Kerry" in plain


def test_everyday_sentence_openers_are_not_flagged(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add(EVERYDAY, "-f", "Tired. Calm later.", "--share")
    result = cli("export", "--yes", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    assert "Check these" not in result.stderr


def test_a_word_written_in_lower_case_elsewhere_is_that_word(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """"Kettle broke" is the kettle when the summary says "the kettle" too; a name that is
    nowhere in lower case is still listed."""
    add("Kettle broke again. We fixed the kettle with tape. Marisol laughed.", "--share")
    result = cli("export", "--yes", "-o", str(tmp_path / "s.md"))
    checked = _checked(result.stderr)
    assert "Marisol" in checked and "Kettle" not in checked


# -- 2. the PDF's dimensions -------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(
        path.read_bytes())).pages).split())


def test_the_pdf_explains_no_arrows_it_does_not_draw_and_gives_identity_first(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Was: "↑ rising, ↓ falling" over rows without an arrow (too few weeks for a trend),
    and "drift | identity" where md, html and review give identity, then drift."""
    add(LONG, "--share")
    add("I told him he should take his meds and do what the nurses say.", "--share")
    out = tmp_path / "s.pdf"
    assert cli("export", "--yes", "-o", str(out)).exit_code == 0
    text = _pdf_text(out)
    assert "rising" not in text and "falling" not in text and "↑" not in text
    assert "Identity Drift ◀ drift identity ▶" in text
    data = json.loads(cli("export", "--yes", "--format", "json").stdout)
    advice = next(d for d in data["dimensions"] if d["id"] == "advice")
    assert advice["drift"] > 0 == advice["identity"]
    assert f"Advice {advice['identity']:.1f} {advice['drift']:.1f}" in text


# -- 3. the footnote ------------------------------------------------------------------------------

FOOTNOTE = ("which the marker lists leave out and the writer can see entry by entry with "
            "`peerjournal drift ID`.")


def test_the_footnote_says_drift_id_is_the_writers_to_run(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Was: "…and `peerjournal drift ID` shows entry by entry": the mentor has only the file,
    and the summary gives no entry IDs."""
    add(LONG, "--share")
    for fmt in ("md", "html", "json"):
        assert cli("export", "--yes", "-o", str(tmp_path / f"s.{fmt}")).exit_code == 0
    assert FOOTNOTE in " ".join((tmp_path / "s.md").read_text().split())
    assert FOOTNOTE.replace("`", "") in " ".join((tmp_path / "s.html").read_text().replace(
        "<code>", "").replace("</code>", "").replace("`", "").split())
    review = cli("review", str(tmp_path / "s.json")).stdout
    assert FOOTNOTE in " ".join(review.split())
    assert "`peerjournal drift ID` shows" not in " ".join(review.split())


# -- 4. hanging indents ---------------------------------------------------------------------------


def _panel_lines(out: str) -> list[str]:
    """Each line of the sections; piped, they have a heading and no border (was: each line
    inside a panel, "│ … │")."""
    return [line.rstrip() for line in out.splitlines()]


def _unhung(lines: list[str]) -> list[str]:
    """The lines inside a bullet item ("• …", "- …") that start at the panel's edge."""
    bad, in_item = [], False
    for line in lines:
        if line.startswith(("• ", "- ")):
            in_item = True
        elif not line.strip():
            in_item = False
        elif in_item and not line.startswith("  "):
            bad.append(line)
    return bad


@pytest.mark.parametrize("columns", ["50", "80"])
def test_review_hangs_wrapped_bullet_lines_and_quote_dates(
    cli: CLI, add: Callable[..., int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, columns: str,
) -> None:
    """Was: at 80 and 50 columns a wrapped bullet line, and the date after a quote, went
    back to the panel's edge."""
    add(LONG, "--share")
    add("We walked to the housing office together and she did the talking while I sat "
        "beside her; we laughed in the queue about the forms.", "--share")
    add("I told him he should take his meds and do what the nurses say.", "--share")
    out = tmp_path / "s.json"
    assert cli("export", "--yes", "-o", str(out), "--note",
               "A long week of nights, and I would like to talk about the meds conversation."
               ).exit_code == 0
    monkeypatch.setenv("COLUMNS", columns)
    shown = cli("review", str(out)).stdout
    lines = _panel_lines(shown)
    quotes = [n for n, line in enumerate(lines) if line.startswith("    “")]
    assert quotes and any(not lines[n].endswith(")") for n in quotes)  # some quote wrapped
    assert _unhung(lines) == [], shown


def test_the_export_preview_hangs_wrapped_list_lines(
    cli: CLI, add: Callable[..., int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add(LONG, "--share")
    monkeypatch.setenv("COLUMNS", "50")
    result = cli("export", "-o", str(tmp_path / "s.md"), input="n\n")
    lines = _panel_lines(result.stderr)
    assert any(line.startswith("  - ") for line in lines)  # a quote under its marker
    assert _unhung(lines) == [], result.stderr
