"""The review's fast wrap of plain ASCII lines (`render.summary._plain_wrap`) breaks lines
exactly where Rich's own word wrap does: same lines, same styles, same bytes drawn."""

from __future__ import annotations

import random
from io import StringIO

import pytest
from rich._wrap import divide_line
from rich.console import Console
from rich.text import Text

from peerjournal.render import summary
from peerjournal.render.summary import _breaks, _Lines, _plain_wrap

WIDTHS = [1, 2, 5, 16, 20, 40, 80, 120]

TRICKY = [
    "",
    " ",
    "word",
    "   leading spaces then words that run on and on past the edge of the line",
    "trailing spaces after the last word" + " " * 90,
    "a " + "x" * 250 + " b",
    "x" * 250 + "   " + "y" * 7,
    "an over-long word " + "z" * 41 + "      then more words " + "q" * 80 + " " * 45 + "end",
    " " * 130 + "late",
    "two  spaces   three    four     and so on, " * 6,
    "exactly forty characters long, no more!!",
    "exactly forty characters long, no more!! and then some",
]


def _rich_wrap(line: Text, width: int) -> list[Text]:
    wrapped = line.wrap(Console(width=200), width, justify="default", overflow="fold",
                        tab_size=8, no_wrap=False)
    return list(wrapped)


def _shape(lines: list[Text]) -> list[tuple[str, list[object], object, str]]:
    return [(t.plain, list(t.spans), t.style, t.end) for t in lines]


def _random_lines(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    pieces = ["a", "bc", " ", "  ", "word", ".", " " * 9, "x" * 33, "y" * 90]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 50))) for _ in range(count)]


@pytest.mark.parametrize("width", WIDTHS)
def test_breaks_are_rich_breaks(width: int) -> None:
    for plain in TRICKY + _random_lines(width, 400):
        assert _breaks(plain, width) == divide_line(plain, width, fold=True), (plain, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_plain_wrap_is_rich_wrap_with_styles(width: int) -> None:
    rnd = random.Random(width)
    for plain in TRICKY + _random_lines(width + 1, 200):
        line = Text(plain, style="italic")
        if plain:
            start = rnd.randrange(len(plain))
            line.stylize("bold red", start, rnd.randint(start, len(plain)))
        assert _shape(_plain_wrap(line, width)) == _shape(_rich_wrap(line, width))


BODY = "\n".join([
    *TRICKY,
    "• a bullet whose item runs on well past the edge, so that it wraps under its own text",
    "  - a nested item with an over-long word " + "w" * 70 + " and the rest of it",
    "> a quoted line that also runs on and on past the edge of a narrow terminal, twice over",
    "12. a numbered item that wraps, numbered past nine so its hang is four columns wide ok",
    "漢字とかなの文が長く続いて端を越えていく行です。漢字とかなの文が長く続いて端を越える",
    "emoji 😀 and more 🎉 in a long line that runs past the edge 👍 of the terminal " * 2,
    "a\ttab\tseparated\tline\tthat\truns\ton\tpast\tthe\tedge\tof\ta\tnarrow\tterminal",
    "café résumé naïve — not ASCII, so Rich wraps this one itself, as it always did " * 2,
])


def _drawn(width: int, colour: bool) -> str:
    out = StringIO()
    console = Console(file=out, width=width, force_terminal=colour, no_color=not colour,
                      color_system="truecolor" if colour else None)
    body = Text(BODY, style="green")
    body.stylize("bold", 10, 400)
    console.print(_Lines(body))
    return out.getvalue()


@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("width", [20, 40, 80, 120])
def test_lines_drawn_as_with_rich_wrap(
    width: int, colour: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _drawn(width, colour)
    monkeypatch.setattr(summary, "_plain_wrap", _rich_wrap)
    assert fast == _drawn(width, colour)
    assert len(fast.splitlines()) > len(BODY.splitlines())  # lines did wrap
