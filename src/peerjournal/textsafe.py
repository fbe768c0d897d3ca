"""Text made safe for a terminal, without Rich: the one place control characters are neutralised.

Everything the writer typed, or a file brought in (entries, settings, tags, names, notes,
prompt sets, lexicon labels, summaries, error messages), goes through `clean` before it is
printed. C0 controls other than newline and tab, DEL, C1 controls (0x80-0x9f, including the
one-byte CSI 0x9b) and lone surrogates become visible escapes (ESC is shown as the four
characters `\\x1b`; a byte that is not UTF-8, in a name given on the command line or a file
name, is shown as U+FFFD, as `as_typed` shows it), so an escape sequence arrives on the
terminal as harmless printable text: no screen clears, no window-title changes, no colours.
Tabs become four spaces. Only what is drawn changes; stored text and `--json` output are
untouched. `render.safe` wraps it for Rich.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Bidi controls, zero-width and other invisible format characters that can disguise text.
# Escaped only for untrusted files (`review`): a writer's own Hebrew or Arabic text uses
# direction marks, and emoji sequences use the zero-width joiner.
_FORMAT = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
TAB = "    "
REPLACEMENT = "\ufffd"
# How much of a value typed `quoted` repeats in a message (as `write -s` always did)
QUOTED_WIDTH = 40
# Drawn as nothing, yet not format characters (Cf): the combining grapheme joiner, Hangul
# fillers, Khmer inherent vowels, Mongolian and other variation selectors.
_BLANK = re.compile(
    r"[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0"
    r"\U000e0100-\U000e01ef]"
)


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as Python hands it over
        return REPLACEMENT
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _replacement(ch: str, multiline: bool, format_chars: bool) -> str | None:
    """What `ch` is drawn as, or None if it is drawn as itself."""
    if ch == "\n":
        return None if multiline else " "
    if ch == "\t":
        return TAB
    if unicodedata.category(ch) in ("Cc", "Cs") or (format_chars and _FORMAT.match(ch)):
        return _escape_char(ch)
    return None


def clean_mapped(
    text: str, *, multiline: bool = True, format_chars: bool = False
) -> tuple[str, list[int]]:
    """`clean(text)` and where each index of `text` (and its end) lands in it.

    For styling spans that index the original text (drift hits) on the cleaned one.
    """
    out: list[str] = []
    where: list[int] = []
    length = 0
    n = 0
    while n < len(text):
        ch = text[n]
        if multiline and ch == "\r" and text[n + 1 : n + 2] == "\n":
            where += [length, length]  # a Windows line end is drawn as one newline
            out.append("\n")
            length += 1
            n += 2
            continue
        shown = _replacement(ch, multiline, format_chars)
        where.append(length)
        piece = ch if shown is None else shown
        out.append(piece)
        length += len(piece)
        n += 1
    where.append(length)
    return "".join(out), where


_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff"  # Cc but tab and newline; surrogates
_FORMAT_CLASS = _FORMAT.pattern[1:-1]
_UNSAFE = {
    (multiline, format_chars): re.compile(
        (r"\r\n|" if multiline else "")
        + f"[\t{'' if multiline else chr(10)}{_CONTROL}{_FORMAT_CLASS if format_chars else ''}]"
    )
    for multiline in (True, False)
    for format_chars in (True, False)
}


def _shown(match: re.Match[str]) -> str:
    found = match.group()
    if found == "\r\n":
        return "\n"
    if found == "\t":
        return TAB
    if found == "\n":
        return " "
    return _escape_char(found)


def clean(text: str, *, multiline: bool = True, format_chars: bool = False) -> str:
    """Text that is safe to send to a terminal: controls become visible escapes.

    `multiline=False` also turns newlines into spaces (titles, table cells); `format_chars`
    also makes bidi overrides and zero-width characters visible (for untrusted files).
    """
    return _UNSAFE[multiline, format_chars].sub(_shown, text)


def as_typed(text: str) -> str:
    """`text` given on the command line, with its bytes that are not UTF-8 (which Python hands
    over as lone surrogates, "\\udcff") shown as U+FFFD, as typed text shows them."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte (a "\\ud800" escape)
        return re.sub("[\ud800-\udfff]", "\ufffd", text)


def quoted(value: str, width: int = QUOTED_WIDTH) -> str:
    """`value`, typed on the command line, quoted for a message that says it cannot be used:
    its bytes that are not UTF-8 shown as U+FFFD (`as_typed`), cut to `width` characters with
    "…" (a paragraph pasted into the wrong option is not repeated whole on stderr), and its
    control characters escaped (repr)."""
    return repr(cut(as_typed(value), width))


# the escape repr() writes for a byte that is not UTF-8 (Python's "\\udcff"), not one of a
# backslash typed (which repr doubles)
_REPR_NOT_UTF8 = re.compile(r"(?<!\\)((?:\\\\)*)\\udc[89a-f][0-9a-f]")


def as_typed_in(message: str) -> str:
    """`message`, a message of click's quoting (repr) what was typed, with each escape of a
    byte that is not UTF-8 shown as U+FFFD, as `quoted` shows it."""
    return _REPR_NOT_UTF8.sub(lambda m: m.group(1) + REPLACEMENT, message)


# NULs between two words of two characters or more ("ok\0nul"); not those of UTF-16 text
# saved without a byte order mark ("W\0e\0 \0w\0a\0…"), where one follows every character
_NUL_BETWEEN_WORDS = re.compile(r"(?<=\w\w)\x00+(?=\w\w)")


def has_control(text: str) -> bool:
    """Whether `text` holds a control character (a line break, a tab, an escape) or a line or
    paragraph separator: in a one-line field (a signature), it would draw a line of its own."""
    return any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in text)


def without_nul(text: str) -> str:
    """`text` with its NUL characters left out (a stray one in a note, a binary file, which a
    draft could not hold): one between two words becomes a space, so that "ok\\0nul" is kept
    as two words rather than joined into "oknul"."""
    return _NUL_BETWEEN_WORDS.sub(" ", text).replace("\x00", "")


def drawn_as_nothing(ch: str) -> bool:
    """White space, or a character drawn as nothing (a zero-width space, a byte order mark,
    a direction mark): what a stray paste or a Windows file leaves behind."""
    return ch.isspace() or unicodedata.category(ch) == "Cf" or _BLANK.match(ch) is not None


def shows_anything(text: str) -> bool:
    """Whether `text` has a character that can be seen: not only white space and characters
    drawn as nothing, which are no text at all."""
    return not all(map(drawn_as_nothing, text))


def cut(line: str, width: int) -> str:
    """`line` in at most `width` characters: cut, with "…" in place of the rest (only "…"
    where `width` leaves no room for a character)."""
    return line if len(line) <= width else line[: max(width - 1, 0)].rstrip() + "…"


def at_a_word(line: str, width: int) -> str:
    """`line` (one line) in at most `width` characters, cut after a word with "…" ("Met Jo
    at the…", not "Met Jo at the li…", which a screen reader reads as a syllable, or "with
    De…", read as a name); the word the cut ends on is kept when it ends there ("Met Jo…"
    of "Met Jo at"); a first word wider than `width` is cut inside it. The list's first words
    of an entry, and `drafts`' of a draft.

    `width` is in cells, as a terminal shows them: a Chinese character takes two (cut as if
    it took one, a list's first words were cut again by Rich, mid-word, after a space:
    "住房办公室 we went …")."""
    kept = _kept(line, width)
    if kept is None:
        return line
    head = line[:kept].rstrip()
    if line[len(head)] != " " and " " in head.strip():
        head = head.rsplit(" ", 1)[0]
    return head.rstrip() + "…"


def _kept(line: str, width: int) -> int | None:
    """How many characters of `line` fit in `width` cells beside a "…" (as `cut` keeps);
    None where it fits whole."""
    if line.isascii():
        return None if len(line) <= width else max(width - 1, 0)
    from rich.cells import cell_len, get_character_cell_size

    if cell_len(line) <= width:
        return None
    used = 0
    for kept, char in enumerate(line):
        used += get_character_cell_size(char)
        if used > width - 1:
            return kept
    return len(line)


def on_screen(text: str, terminal: bool) -> str:
    """A message as it goes to stderr: on a `terminal`, each line wrapped between words at the
    terminal's width (so "peerjournal drift 12" is not cut in two by the terminal), a word
    wider than that (a long path) left whole to copy as one; elsewhere (a log) as it is."""
    if not terminal:
        return text
    import shutil

    width = shutil.get_terminal_size().columns
    return "\n".join("\n".join(wrapped(line, width)) or line for line in text.split("\n"))


def wrapped(line: str, width: int) -> list[str]:
    """`line` (cleaned: `clean`) wrapped between words at `width`, never inside a `command`
    in backquotes, which the reader copies whole (its spaces held as NULs, which `clean` never
    lets through); a word or command wider than `width` is left whole."""
    import textwrap

    held = re.sub(r"`[^`\n]*`", lambda m: m.group().replace(" ", "\0"), line)
    lines = textwrap.wrap(held, max(width, 1), break_long_words=False, break_on_hyphens=False)
    return [part.replace("\0", " ") for part in lines]


def from_command_line(
    text: str, source: str = "The text given on the command line"
) -> tuple[str, str | None]:
    """`text` as typed on the command line. Bytes not in the locale's encoding reach Python as
    lone surrogates (UTF-8 typed under an ASCII locale, Latin-1 typed under a UTF-8 one): their
    bytes, recovered (`os.fsencode`), are read as UTF-8, else as Windows-1252, as piped text
    is, else as UTF-8 with a � for each byte that is not. The second item is the note to
    show when the text was not UTF-8 (None when it was, or was read as such), naming it as
    `source` ("The name typed at the prompt")."""
    import os

    if not re.search("[\udc80-\udcff]", text):
        return text, None
    try:
        data = os.fsencode(text)
    except UnicodeEncodeError:  # (a surrogate that no byte stands for: not from the shell)
        data = text.encode("utf-8", "surrogateescape")
    read, how = typed_bytes(data)
    return read, None if how is None else _command_line_note(how, source)


def read_as_1252(source: str, check: str) -> str:
    """The line that says text from `source` ("notes.txt", "Standard input") was not UTF-8
    and was read as Windows-1252, ending with where to `check` its letters ("check them in
    the entry"): worded alike by every command that reads such text."""
    return (f"{source} is not UTF-8: it was read as Windows-1252 (Latin-1), so letters such "
            f"as é are kept; {check}.")


def _command_line_note(how: str, source: str) -> str:
    """What `from_command_line` says of `source`'s text not UTF-8, by how `typed_bytes` read it
    ("windows-1252" or "replaced")."""
    if how == "windows-1252":
        return read_as_1252(source, "check they read as you meant")
    return (f"{source} is not UTF-8: each byte that is not is kept as � (set a UTF-8 locale, "
            "or pipe the text in, to keep the letters).")


def typed_bytes(
    data: bytes, guess: Callable[[bytes], str | None] | None = None
) -> tuple[str, str | None]:
    """The bytes of text typed or piped in as text, and how they were read: as UTF-8 (None);
    else as `guess` reads them (`editor.as_windows_1252` by default), "windows-1252"; else
    as UTF-8 with a � for each byte that is not, "replaced"."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if guess is None:
        from peerjournal.cli.editor import as_windows_1252

        guess = as_windows_1252
    guessed = guess(data)
    if guessed is not None:
        return guessed, "windows-1252"
    return data.decode("utf-8", "replace"), "replaced"


def all_from_command_line(
    values: list[str] | None, noted: list[str]
) -> list[str] | None:
    """`from_command_line` for each of an option's `values`; its notes added to `noted`."""
    if values is None:
        return None
    read = [from_command_line(value) for value in values]
    noted.extend(note for _, note in read if note and note not in noted)
    return [value for value, _ in read]
