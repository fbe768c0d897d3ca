"""Round 27: a PDF export parses each bundled font once, and the name-check's NAME_WORDS are
derived from COMMON_WORDS, so the two lists cannot drift apart."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from conftest import CLI
from peerjournal.exporters import pdf
from peerjournal.redact import (
    _FIRST_NAME_WORDS,
    _OPENS_AS_WORD,
    COMMON_WORDS,
    NAME_WORDS,
    unlisted_capitalised,
)
from test_summary import sample_summary

# ------------------------------------------------------------------ PDF: fonts parsed once


@pytest.fixture
def font_parses(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The font files fpdf2 parses (a TTFFont each time), counted by file name."""
    from fpdf.fonts import TTFFont

    parses: Counter[str] = Counter()
    parse = TTFFont.__init__

    def counted(self: TTFFont, fpdf: Any, path: Path, *args: Any, **kwargs: Any) -> None:
        parses[Path(path).name] += 1
        parse(self, fpdf, path, *args, **kwargs)

    monkeypatch.setattr(TTFFont, "__init__", counted)
    return parses


@pytest.fixture
def fixed_creation_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """fpdf2 stamps a document with the time it was made: fixed, so PDFs compare as bytes."""
    import fpdf.fpdf

    class Fixed(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Fixed:
            return cls(2026, 11, 20, 18, 30, tzinfo=UTC)

    monkeypatch.setattr(fpdf.fpdf, "datetime", Fixed)


def _text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_a_pdf_export_parses_each_font_once(cli: CLI, add: Callable[..., int], tmp_path: Path,
                                            font_parses: Counter[str]) -> None:
    """Was: 4 parses (~30 ms more), the fonts read once for the check of characters the font
    lacks and again for the report."""
    add("Zoë said 你好 and smiled 😀 at the end of the group.", "--share")
    out = tmp_path / "s.pdf"
    result = cli("export", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "not in the PDF's font (你 好 😀)" in result.stderr  # the check did read the font
    assert font_parses == {"DejaVuSans.ttf": 1, "DejaVuSans-Bold.ttf": 1}
    assert "Zoë said \ufffd\ufffd and smiled \ufffd" in "".join(_text(out.read_bytes()))


@pytest.mark.usefixtures("fixed_creation_date")
def test_the_characters_the_font_lacks_are_found_while_the_report_is_drawn(
    font_parses: Counter[str],
) -> None:
    """No second pass over the text (it parsed the fonts a second time): the report says which
    characters it drew as \ufffd, and the PDF is the one `write` makes."""
    summary = sample_summary()
    document, missing = pdf.drawn(summary)
    assert sorted(missing) == sorted(["😀", "中", "文"])
    assert document == pdf.write(summary)
    assert font_parses == {"DejaVuSans.ttf": 2, "DejaVuSans-Bold.ttf": 2}  # one per report
    assert len(_text(document)) == 2 and "Proud. \ufffd \ufffd\ufffd" in "".join(_text(document))


def test_the_bold_font_has_a_glyph_for_each_character_the_regular_one_has() -> None:
    """Characters the font lacks are found in the regular font alone (`pdf._glyphs`): that
    holds for headings in bold only while the two fonts cover the same characters."""
    fonts = pdf._new_document().fonts
    regular, bold = (set(getattr(fonts[key], "cmap", ())) for key in ("dejavu", "dejavuB"))
    assert len(regular) > 2000 and regular == bold


# ------------------------------------------------------------------ NAME_WORDS

def test_name_words_are_the_first_names_of_common_words_less_those_listed_as_words() -> None:
    assert COMMON_WORDS > _FIRST_NAME_WORDS > NAME_WORDS
    assert _OPENS_AS_WORD <= _FIRST_NAME_WORDS, "a word listed as opening sentences as a word " \
        f"is no longer a first name of COMMON_WORDS: {sorted(_OPENS_AS_WORD - _FIRST_NAME_WORDS)}"
    assert NAME_WORDS == _FIRST_NAME_WORDS - _OPENS_AS_WORD
    assert {"will", "grace", "frank", "hope", "mark"} <= NAME_WORDS
    assert not {"art", "ward", "summer", "guy", "may"} & NAME_WORDS


def _flagged(text: str, word: str) -> bool:
    """Whether the name check flags `word` where it opens the second sentence of `text`."""
    return (text.index(f". {word} ") + 2) in {start for start, _ in unlisted_capitalised(text)}


@pytest.mark.parametrize("word", sorted(COMMON_WORDS))
def test_a_common_word_opening_a_sentence_as_a_person_is_checked_if_a_name_word(
    word: str,
) -> None:
    """Each common word, written in lower case elsewhere (so a capital opening a sentence says
    nothing by itself), is flagged in "X was upset" exactly when it is one of NAME_WORDS, and
    never where it reads as the word ("X the forms")."""
    title = word.title()
    assert _flagged(f"It was {word} again. {title} was upset.", title) == (word in NAME_WORDS)
    assert not _flagged(f"It was {word} again. {title} the forms for me.", title)
