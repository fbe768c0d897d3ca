"""Running $VISUAL / $EDITOR on a file, and reading the entry format back."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from peerjournal.entry import NUL_MESSAGE, after_prefix
from peerjournal.errors import ExitCode, PeerJournalError

if TYPE_CHECKING:
    from peerjournal.reflection import ParsedEntry, PromptSet

FALLBACK_EDITORS = ("nano", "vi")
# An editor that returns sooner than this with nothing changed most likely opened a window of
# its own and did not wait for it (VS Code, Sublime Text, gedit without their wait option).
QUICK_EXIT_SECONDS = 2.0
# where the letters of text read as Windows-1252 are checked (`read_as_windows_1252`): every
# caller but `import` and `drift --stdin` (which say their own) reads an entry's text
IN_THE_ENTRY = "check them in the entry"


def editor_source() -> str | None:
    """The variable the editor comes from, as messages name it: "$VISUAL", which wins when
    set, else "$EDITOR"; None when neither is set (a fallback editor)."""
    for name in ("VISUAL", "EDITOR"):
        if os.environ.get(name):
            return f"${name}"
    return None


def editor_command() -> list[str]:
    source = editor_source()
    if source is not None:
        chosen = os.environ[source[1:]]
        try:
            command = shlex.split(chosen)
        except ValueError:  # an unbalanced quote
            command = []
        if not command:
            raise PeerJournalError(f"Cannot run the editor {chosen!r}: {_fix()}.")
        if no_keyboard() and needs_a_terminal(command):
            leads = _leads_to(command[0])
            raise PeerJournalError(
                f"{source} is {chosen!r}{leads}, which needs a terminal, and standard input is "
                "not one (cron, a pipe, < /dev/null), so it was not started: run this in a "
                f"terminal, or give the text as options (-x TEXT){_STDIN_TOO}.",
                ExitCode.USAGE,
            )
        return command
    if no_keyboard():  # (cron, `< /dev/null`: nano or vi would draw into a pipe, then fail)
        raise PeerJournalError(
            "No editor is set ($VISUAL, $EDITOR) and standard input is not a terminal to run "
            "nano or vi in: set $EDITOR (one that opens a window of its own waits with its "
            'option: EDITOR="code --wait"), or give the text as options (-x TEXT).',
            ExitCode.USAGE,
        )
    for name in FALLBACK_EDITORS:
        if shutil.which(name):
            return [name]
    raise PeerJournalError("No editor found: set $EDITOR (for example EDITOR=nano).")


# what a script may give instead of the editor's keyboard, besides -x
_STDIN_TOO = " (`write --stdin` reads a new entry from standard input)"
# editors that draw on a terminal and read its keys, and with none hang or garble (as vim
# in cron does), by the name of their program
TERMINAL_EDITORS = frozenset({
    "vi", "vim", "nvim", "view", "vis", "nvi", "elvis", "nano", "pico", "micro", "joe",
    "jed", "jove", "mg", "ne", "mcedit", "hx", "helix", "kak", "emacs", "emacsclient",
})
# programs that run another editor, chosen elsewhere, which may well be one of those (Debian's
# `sensible-editor` runs ~/.selected_editor's or the `editor` alternative, vim by default;
# `select-editor` asks which on the terminal)
_CHOOSERS = frozenset({"sensible-editor", "select-editor"})
# options with which such an editor runs without a screen: Neovim's --headless, Emacs' --batch
# (and vim's silent Ex mode: `_silent_ex`)
_NO_SCREEN = frozenset({"--headless", "--batch", "-batch"})
# editors whose -e (or -E) then -s run them in silent Ex mode (`vim -es -c …`, `vim -e -s`)
_VIMS = frozenset({"vi", "vim", "nvim", "view"})


def needs_a_terminal(command: list[str]) -> bool:
    """Whether the editor `command` is one of TERMINAL_EDITORS run on a screen, by the name it
    is given or the program that name leads to (`_program_names`: `editor` is vim.basic on
    Debian): not one given an option that runs it without one (`_NO_SCREEN`, `_silent_ex`),
    nor Emacs where a display is there to open a window on (unless told -nw)."""
    names, options = _program_names(command[0]), command[1:]
    if names & _CHOOSERS:
        return True
    editors = {name.partition(".")[0] for name in names} & TERMINAL_EDITORS
    if not editors or _NO_SCREEN & set(options) or (editors & _VIMS and _silent_ex(options)):
        return False
    if any(name.startswith("emacs") for name in editors):
        windowed = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        return not windowed or bool({"-nw", "--no-window-system", "-t", "--tty"}
                                    & set(options))
    return True


def _program_names(program: str) -> set[str]:
    """The file names `program` goes by: as given, and the file it runs once its links are
    followed (`editor` → /etc/alternatives/editor → vim.basic)."""
    names = {Path(program).name}
    found = shutil.which(program)
    if found is not None:
        names.add(Path(os.path.realpath(found)).name)
    return names


def _leads_to(program: str) -> str:
    """" (vim.basic)" when the name `program` is given by is not an editor's (Debian's
    `editor`) but the file it runs is; "" when the name says it."""
    given = Path(program).name
    if given in _CHOOSERS or given.partition(".")[0] in TERMINAL_EDITORS:
        return ""
    runs = _program_names(program) - {given}
    return f" ({runs.pop()})" if runs else ""


def _silent_ex(options: list[str]) -> bool:
    """Whether vim's `options` ask for its silent Ex mode: -e or -E, then -s, together
    (`-es`) or apart (`-e -s`); an -s before them names a script to read keys from."""
    ex = False
    for option in options:
        if option == "--":  # (file names from here on)
            break
        if not re.fullmatch(r"-[A-Za-z]+", option):
            continue
        for letter in option[1:]:
            if letter in "eE":
                ex = True
            elif letter == "s" and ex:
                return True
    return False


def run_editor(path: Path, retry: str = "try again") -> str:
    """Open the editor on `path` and return the file's text afterwards.

    The file is left in place whatever happens; the caller says where the text is kept.
    `retry` ends the message for a file the editor saved in another encoding.
    While the editor runs, Ctrl-C belongs to it (as with git): an editor that uses Ctrl-C
    itself must not be killed under the writer by peerjournal's own interrupt.
    """
    command = editor_command()
    screen = _editor_stdout()
    try:
        process = subprocess.Popen([*command, str(path)], stdout=screen)
    except FileNotFoundError:
        raise PeerJournalError(f"The editor {command[0]!r} was not found; {_fix()}.") from None
    except PermissionError:
        raise PeerJournalError(f"The editor {command[0]!r} cannot be run; {_fix()}.") from None
    finally:
        if screen is not None:
            os.close(screen)
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        status = process.wait()
    except KeyboardInterrupt:  # SIGTERM or SIGHUP: the editor most often has it too
        _let_it_finish(process)
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if status < 0:  # killed: "status -9" meant nothing to a writer
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        raise PeerJournalError(
            f"The editor was stopped ({name}); nothing was saved.", _stopped_code(-status)
        )
    if status == 128 + signal.SIGINT:  # (an editor, or a wrapper, that exits so on Ctrl-C)
        raise PeerJournalError(
            "The editor was interrupted (Ctrl-C); nothing was saved.", _stopped_code(signal.SIGINT)
        )
    if status != 0:
        raise PeerJournalError(f"The editor exited with status {status}; nothing was saved.")
    if not path.exists():  # not "No such file": the writer named no file
        raise PeerJournalError(
            f"The editor deleted or moved the file it was given ({path}); nothing was saved."
        )
    return read_text_file(path, retry)


# How long an editor is waited for once a closed terminal or a shutdown (SIGHUP, SIGTERM) has
# stopped peerjournal: the editor, sent it too, writes its recovery file first (nano's
# `NAME.save`), which is then found and named (`drafts.Draft.recovery_files`).
EDITOR_GRACE_SECONDS = 2.0


def _let_it_finish(process: subprocess.Popen[bytes]) -> None:
    """Wait up to EDITOR_GRACE_SECONDS for the editor to end, a second signal or not."""
    import contextlib

    with contextlib.suppress(subprocess.TimeoutExpired, KeyboardInterrupt):
        process.wait(EDITOR_GRACE_SECONDS)


# the signals that interrupt (Ctrl-C, a closed terminal, a shutdown): exit 130 as elsewhere
_INTERRUPTING = frozenset({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})


def _stopped_code(number: int) -> ExitCode:
    """The exit code for an editor stopped by signal `number`: interrupted (130) for Ctrl-C,
    SIGTERM or SIGHUP, as README's table says; else a user error."""
    return ExitCode.INTERRUPTED if abs(number) in _INTERRUPTING else ExitCode.USER_ERROR


def _fix() -> str:
    """What to change about an editor that was not found or cannot be run: the variable it
    came from ($VISUAL wins over $EDITOR, so `VISUAL=nano EDITOR=vim` runs nano), or, for a
    fallback editor, the variable to set."""
    source = editor_source()
    if source == "$VISUAL":
        return "check $VISUAL (it is used before $EDITOR), or unset it"
    return f"check {source}" if source else "set $EDITOR"


def not_opened(what: str, folder: Path, exc: OSError, unchanged: str) -> PeerJournalError:
    """The error for the file the editor is to open (a draft, an entry) that cannot be written
    to `folder` (a full disk, a read-only folder); `unchanged` says what was not."""
    import errno

    from peerjournal.errors import ExitCode

    free = " Free some space and try again." if exc.errno == errno.ENOSPC else ""
    return PeerJournalError(
        f"The {what} cannot be written to {folder} ({exc.strerror or exc}), so the editor was "
        f"not opened; {unchanged}.{free}",
        ExitCode.DATABASE,
    )


def _editor_stdout() -> int | None:
    """A descriptor for the editor's stdout, or None to give it ours. When ours is not a
    terminal (`write --editor > id.txt`, `edit 1 --json > out.json`), the editor draws on
    the terminal stdin reads from, or, with none there (cron, ssh without -t), on stderr:
    a terminal editor's screen never lands in the ID or the JSON. (A windowed editor,
    EDITOR="code --wait", needs no terminal at all.)"""
    try:
        if os.isatty(1):
            return None
        screen = terminal_descriptor() if os.isatty(0) else None
        return os.dup(2) if screen is None else screen
    except OSError:
        return None


def stdin_is_input() -> bool:
    """Whether standard input is a pipe, a socket or a file: text for a program to read (a
    shell loop's IDs, or none left at its end), never a keyboard. An editor given it as one
    takes its text as commands (vi), or gives up at once, so it is not opened (`write`,
    `edit`). /dev/null, or no terminal at all (cron), is none: an editor that needs no
    keyboard (a script, a window of its own) runs there."""
    import stat
    import sys

    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):  # text in memory: no descriptor to give
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def no_keyboard() -> bool:
    """Whether standard input is no terminal (a pipe, a file, /dev/null); text held in
    memory (a program running peerjournal in its own process) is not known to be one."""
    import sys

    try:
        return not os.isatty(sys.stdin.fileno())
    except (OSError, ValueError, AttributeError):
        return False


def terminal_descriptor() -> int | None:
    """A new descriptor that writes to the terminal stdin reads from; None if there is none."""
    try:
        if os.isatty(2) and os.ttyname(2) == os.ttyname(0):
            return os.dup(2)
        return os.open(os.ttyname(0), os.O_WRONLY | os.O_NOCTTY)
    except OSError:
        return None


def waiting_hint(started: float) -> str:
    """For "nothing changed" messages: how to make a windowed editor wait, when the editor
    (started at `time.monotonic()` value `started`) came back at once."""
    import time

    if time.monotonic() - started >= QUICK_EXIT_SECONDS or _waits_already():
        return ""
    return (
        " If your editor opens in a window of its own, make it wait until you close the "
        'file, e.g. EDITOR="code --wait".'
    )


# The options that make a windowed editor wait (`code --wait`, `subl -w`, `mate -w`, `gvim -f`)
_WAIT_OPTIONS = {"--wait", "-w", "--nofork", "-f"}


def _waits_already() -> bool:
    """Whether the editor is given an option that makes it wait: `waiting_hint` would
    suggest what is there already (`EDITOR="code --wait"` came back at once all the same)."""
    try:
        command = editor_command()
    except PeerJournalError:
        return False
    return any(arg in _WAIT_OPTIONS for arg in command[1:])


def read_text_file(path: Path, retry: str = "try again") -> str:
    return decode(read_file(path), str(path), retry)


def decode_or_1252(
    data: bytes, source: str, guessed: Callable[[str], None], retry: str = "try again",
    check: str = IN_THE_ENTRY, marked: Callable[[str], None] | None = None,
) -> str:
    """`decode`, but text in Windows-1252 (`as_windows_1252`) is read as that, `guessed`
    given the line that says so (ending with where to `check` its letters), as standard
    input is. Text read as UTF-16 or UTF-32 by its byte order mark is said to `marked` (its
    encoding), by default to `guessed` as a line of its own (`read_by_mark`)."""

    def by_mark(encoding: str) -> None:
        guessed(read_by_mark(source, encoding, check))

    try:
        return decode(data, source, retry, marked or by_mark)
    except NotTextError:
        text = read_as_windows_1252(data, source, guessed, check)
        if text is None:
            raise
        return text


def run_editor_or_1252(
    path: Path, guessed: Callable[[str], None], retry: str = "try again"
) -> str:
    """`run_editor`; a file the editor saved in Windows-1252 (vim keeps one that is not
    UTF-8 in the encoding it guessed; Notepad++'s "ANSI") is read as that, `guessed` told so
    (`decode_or_1252`), not refused every time it is opened again (`write`, `edit`)."""
    try:
        return run_editor(path, retry=retry)
    except NotTextError as exc:
        try:
            data = path.read_bytes()
        except OSError:
            raise exc from None
        return decode_or_1252(data, str(path), guessed, retry)


NO_SUCH_FILE = "No such file: {name}."
A_FOLDER = "{name} is a folder, not a file."


def open_to_read(
    path: str | Path, name: str | None = None, *, missing: str = NO_SUCH_FILE,
    folder: str = A_FOLDER, error: type[PeerJournalError] = PeerJournalError,
) -> BinaryIO:
    """A file the user named, open to read (the caller closes it). One that is not there or
    is a folder raises `error` with `missing` or `folder`, naming it as `name` (by default
    its path); other failures (no permission) go up as they are, for the caller, or the CLI,
    which names the path and the reason."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        problem = missing
    except IsADirectoryError:
        problem = folder
    raise error(problem.format(name=path if name is None else name)) from None


def read_file(path: Path) -> bytes:
    """The bytes of a file the writer named; one-line errors for what is not there."""
    with open_to_read(path) as handle:
        return handle.read()


# Byte order marks that say which Unicode encoding a file is in (UTF-32's first: its
# little-endian mark starts with UTF-16's). Windows editors save "Unicode" as UTF-16 with one,
# and so does PowerShell's redirection: such text is read, not refused.
_MARKED = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class NotTextError(PeerJournalError):
    """Bytes that are not text in the encoding they are read in (`decode`); `at` None: they
    read in the one their byte order mark says, but not as text (`_reads_as_marked`)."""

    def __init__(
        self, source: str, encoding: str, at: int | None, retry: str, data: bytes
    ) -> None:
        self.utf8 = encoding == "utf-8-sig"  # not UTF-16 or UTF-32 by a byte order mark
        self.at = at  # the first bad byte, counting from 1
        self.hint = encoding_hint(data) if self.utf8 else ""
        self.likely = likely_encoding(data) if self.utf8 else None  # (for `iconv -f`)
        order = utf16_order(data) if self.utf8 and self.likely is None else None
        if order is not None:
            self.likely = Encoding(order, f"text in {order}")
        what = "UTF-8" if self.utf8 else f"valid {encoding.upper()}"
        where = (f"not {what} text (at byte {at})" if at is not None else
                 f"not text: it starts with a {encoding.upper()} byte order mark, but what "
                 f"follows does not read as {encoding.upper()} text")
        self.encoding = encoding  # (for the text to keep of it: `write._stdin_text`)
        self.what = f"{source} is {where}"  # what is wrong, without what to do about it
        super().__init__(f"{self.what}; {save_as_utf8(self.hint)} and {retry}.")


def encoding_hint(data: bytes) -> str:
    """What bytes that are not UTF-8 probably are, as a clause for the error (or ""): UTF-16
    saved without its byte order mark (Latin letters are a NUL and a byte, the NUL always on
    the same side), text in another script's encoding (`likely_encoding`: Cyrillic in
    Windows-1251, Japanese in Shift-JIS, …), or a one-byte Western encoding (letters past
    ASCII standing alone, as é is one byte in Latin-1)."""
    sample = data[:4096]
    if utf16_order(data) is not None:
        return "it looks like UTF-16 saved without a byte order mark"
    likely = likely_encoding(sample)
    if likely is not None:
        return f"it looks like {likely.label}"
    if 0 not in sample and all(b >= 0xA0 for b in sample if b >= 0x80):
        return "it may be Latin-1 or Windows-1252"
    return ""


# characters that text holds, as a share of all that UTF-16 read in one byte order gives, at
# the least (`utf16_order`): letters, digits, punctuation, symbols, spaces, line breaks
_TEXT_SHARE = 0.98
# ... and the NULs on one side (the ASCII spaces, stops, line breaks), at the least
_LEAST_NULS, _NUL_SHARE = 2, 0.05


def utf16_order(data: bytes) -> str | None:
    """"UTF-16LE" or "UTF-16BE" when `data` (not UTF-8) looks like UTF-16 saved without a
    byte order mark, else None: Latin text is a NUL and a byte, the NUL always on the same
    side; text in another script ("Zoë", Chinese) reads, in one byte order only, as text
    (`_TEXT_SHARE`: no control codes, unassigned code points or halves of a pair), and holds
    a NUL (the ASCII space, line break or full stop that text has) on that side."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for order, nuls, other in (("UTF-16LE", odd, even), ("UTF-16BE", even, odd)):
        if nuls.count(0) >= 0.8 * len(nuls) and other.count(0) <= 0.1 * len(other):
            return order
    if _utf8(sample):  # (a stray NUL in UTF-8 text is that, not UTF-16)
        return None
    readable = [order for order, nuls, other in (("UTF-16LE", odd, even), ("UTF-16BE", even, odd))
                if nuls.count(0) >= max(_LEAST_NULS, _NUL_SHARE * len(nuls))
                and other.count(0) <= 0.1 * len(other) and _reads_as_text(sample, order)]
    return readable[0] if len(readable) == 1 else None


def _utf8(sample: bytes) -> bool:
    """Whether `sample` (perhaps cut off mid-letter at its end) is UTF-8."""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data"
    return True


def _reads_as_text(sample: bytes, order: str) -> bool:
    """Whether `sample` read in the UTF-16 `order` is text (`_mostly_text`)."""
    end = len(sample) // 2 * 2
    text = sample[:end].decode(order, errors="replace")
    if text[-1:] == "\ufffd":  # (the sample may end between the halves of a pair)
        text = text[:-1]
    return bool(text) and _mostly_text(text)


def _mostly_text(text: str) -> bool:
    """Whether `text` is `_TEXT_SHARE` characters of text, at the least: no control codes
    (NUL), unassigned or private code points, halves of a pair or �."""
    import unicodedata

    good = sum(ch in "\t\n\r" or (unicodedata.category(ch)[0] in "LNPSZM" and ch != "\ufffd")
               for ch in text)
    return good >= _TEXT_SHARE * len(text)


# odd characters (`_odd`) text behind a byte order mark may hold, as a share of all: a stray
# ESC, form feed or Apple logo (U+F8FF) in a long text is text; binary read so is far more
_ODD_SHARE = 0.02


def _reads_as_marked(text: str) -> bool:
    """Whether `text`, read strictly in the encoding its byte order mark says, is text: no
    NUL, and no more than `_ODD_SHARE` odd characters (`_odd`). Binary read so gives many
    (its commonest byte, NUL, makes U+0000-U+001F or U+xx00), text in any script or mix of
    them few. A lone character is too short to show one: a lone U+xx00 past Latin-1
    (`printf '\\xff\\xfe\\x00a'`: 愀) is read as that NUL byte, as text of one character
    is almost never one of those 1 in 256."""
    if "\x00" in text:
        return False
    if len(text) == 1 and 0xFF < ord(text) <= 0xFFFF and not ord(text) & 0xFF:
        return False
    return sum(map(_odd, text)) <= _ODD_SHARE * len(text)


def _odd(ch: str) -> bool:
    """Whether `ch` is rare in text: a control character (tab, line breaks, form feed and
    vertical tab aside), private use, or unassigned in the BMP; not unassigned past it, as
    the emoji of a newer Unicode than Python's (🩷, 🪿) are to it."""
    import unicodedata

    category = unicodedata.category(ch)
    return ((category == "Cc" and ch not in "\t\n\r\f\v") or category == "Co"
            or (category == "Cn" and ch <= "\uffff"))


# format characters that UTF-8 text behind a UTF-16 byte order mark reads as (" d" is U+2064,
# "f " U+2066): bidi embeddings, overrides, isolates, invisible operators
_FORMATTING = frozenset(map(chr, [*range(0x2060, 0x2070), *range(0x202A, 0x202F)]))


def _utf8_behind_mark(data: bytes, text: str) -> bool:
    """Whether `data` after its UTF-16 byte order mark is UTF-8 text (`text`: it read as
    UTF-16): valid UTF-8 with no NUL byte (UTF-16 text's spaces and Latin letters are a NUL
    and a byte), whose UTF-16 reading holds format characters (`_FORMATTING`) that its UTF-8
    reading does not. Refused, not read as UTF-8: the mark says otherwise, and a refusal
    keeps the text (a draft) where a wrong guess would save it garbled."""
    payload = data[2:]
    if b"\x00" in payload:
        return False
    try:
        as_utf8 = payload.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(_FORMATTING.intersection(text) - _FORMATTING.intersection(as_utf8))


@dataclass(frozen=True)
class Encoding:
    """An encoding text not in UTF-8 is likely in: `iconv` names it `name` (`iconv -f NAME -t
    UTF-8` converts the text), `label` says what it is for the writer."""

    name: str
    label: str


# Encodings of scripts other than Latin, each with what marks text in it when read in it
# (and not text in another read in it): for the one-byte ones, the most frequent letters of
# their languages, which make up half their letters; for the East Asian ones, the kind of
# character their letters mostly are (Japanese: kana; Korean: Hangul; Chinese: common Han,
# those of the first level, which the letters of a one-byte script, read as Han, are not).
_ONE_BYTE = (
    (Encoding("CP1251", "Cyrillic text in Windows-1251"), "CYRILLIC", "оеаинтсрвлі"),
    (Encoding("KOI8-R", "Cyrillic text in KOI8-R"), "CYRILLIC", "оеаинтсрвлі"),
    (Encoding("CP1253", "Greek text in Windows-1253"), "GREEK", "αοιετσνηυρςάέίόή"),
    (Encoding("CP1255", "Hebrew text in Windows-1255"), "HEBREW", "יוהלרםמאתבנש"),
    (Encoding("CP1256", "Arabic text in Windows-1256"), "ARABIC", "اليمونرتبهعد"),
)
_EAST_ASIAN = (
    (Encoding("SHIFT_JIS", "Japanese text in Shift-JIS"), ("HIRAGANA", "KATAKANA"), 0.25),
    (Encoding("EUC-JP", "Japanese text in EUC-JP"), ("HIRAGANA", "KATAKANA"), 0.25),
    (Encoding("EUC-KR", "Korean text in EUC-KR"), ("HANGUL",), 0.9),
    (Encoding("GBK", "Chinese text in GBK (GB2312)"), ("CJK",), 0.7),
    (Encoding("BIG5", "Chinese text in Big5"), ("CJK",), 0.7),
)
# what `iconv` may have converted text from (`likely_encoding`'s, and Western ones)
ENCODINGS = (
    *(encoding.name for encoding, *_ in (*_ONE_BYTE, *_EAST_ASIAN)),
    "CP1252", "CP1250", "ISO-8859-2", "CP866", "KOI8-U", "ISO-8859-7", "GB18030",
)
# the first byte of a common Han character (of the first level) in GBK and in Big5
_COMMON_HAN = {"GBK": range(0xB0, 0xD8), "BIG5": range(0xA4, 0xC7)}
# the share of a one-byte encoding's text its frequent letters make up, at the least
_FREQUENT_SHARE = 0.4


def likely_encoding(data: bytes) -> Encoding | None:
    """The encoding of another script (`_ONE_BYTE`, `_EAST_ASIAN`) that `data`, not UTF-8,
    is plainly in; None when it is none of them plainly (Latin text: `encoding_hint`;
    UTF-8 with a few bytes wrong; too little to tell)."""
    sample = data[:4096]
    high = sum(b >= 0x80 for b in sample)
    if high < 4 or 0 in sample:
        return None
    as_utf8 = sample.decode("utf-8", "replace")
    if sum(ch > "\x7f" and ch != "\ufffd" for ch in as_utf8) >= as_utf8.count("\ufffd"):
        return None  # mostly UTF-8: a few bytes wrong, not another encoding
    for encoding, scripts, share in _EAST_ASIAN:
        if _marked_share(sample, encoding.name, scripts) >= share:
            return encoding
    if high < sum(chr(b).isalpha() for b in sample):
        return None  # mostly Latin letters: a Western encoding (`encoding_hint`)
    best, most = None, _FREQUENT_SHARE
    for encoding, script, frequent in _ONE_BYTE:
        try:
            text = sample.decode(encoding.name).casefold()
        except UnicodeDecodeError:
            continue
        past_ascii = [ch for ch in text if ch > "\x7f"]
        # letters of another script (Latin letters with accents) count against it
        other = sum(ch.isalpha() and not _in_script(ch, (script,)) for ch in past_ascii)
        share = (sum(ch in frequent for ch in past_ascii) - other) / len(past_ascii)
        if share > most:
            best, most = encoding, share
    return best


def _marked_share(sample: bytes, encoding: str, scripts: tuple[str, ...]) -> float:
    """The share of the letters past ASCII in `sample` read in `encoding` that are of
    `scripts` (Han: common ones, `_COMMON_HAN`); 0 when it cannot be read in it."""
    for end in (len(sample), len(sample) - 1):  # (the sample may end mid-character)
        try:
            text = sample[:end].decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return 0.0
    letters = [ch for ch in text if ch > "\x7f" and ch.isalpha()]
    common = _COMMON_HAN.get(encoding)
    marked = sum(
        _in_script(ch, scripts) and (common is None or ch.encode(encoding)[0] in common)
        for ch in letters
    )
    return marked / len(letters) if letters else 0.0


def _in_script(ch: str, scripts: tuple[str, ...]) -> bool:
    import unicodedata

    return unicodedata.name(ch, "").startswith(scripts)


def read_as_windows_1252(
    data: bytes, source: str, guessed: Callable[[str], None], check: str = IN_THE_ENTRY
) -> str | None:
    """`data` from `source` read as Windows-1252 (`as_windows_1252`), `guessed` given the
    line that says so (`textsafe.read_as_1252`, ending with where to `check` its letters);
    None when it is not that."""
    from peerjournal.textsafe import read_as_1252

    text = as_windows_1252(data)
    if text is not None:
        guessed(read_as_1252(source, check))
    return text


# What Windows-1252 text does not hold, but text in another encoding does: three letters
# past ASCII in a row (Cyrillic, Greek or KOI8-R words; "ção" is only two), and a byte that
# starts a UTF-8 letter followed by one that continues it (UTF-8, or UTF-8 cut off
# mid-letter). Windows-1252's quotes, dashes, ellipsis, no-break space and other signs are
# not letters: Word's `”—“` is three bytes past ASCII in a row; and `café’s`, an é (a byte
# that starts a three-byte UTF-8 letter) then a quote or dash standing alone, no UTF-8.
_NOT_1252_RUN = re.compile(rb"[\x80-\xff]{3}")
_UTF8_LETTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xf4](?![\x85\x91-\x97](?:[^\x80-\xbf]|\Z))[\x80-\xbf]"
)
_1252_SIGNS = bytes(
    b for b in range(0x80, 0xC0)
    if not bytes([b]).decode("cp1252", "replace").isalpha()  # (undefined ones: not letters)
)
_SIGNS_AS_ASCII = bytes.maketrans(_1252_SIGNS, b"." * len(_1252_SIGNS))


def as_windows_1252(data: bytes) -> str | None:
    """`data` read as Windows-1252 (Latin-1 with curly quotes and dashes), when that is what
    it is: no NUL, no byte order mark, no letter in it that looks like UTF-8 (text half in
    one encoding and half in the other is not guessed at), no run of letters past ASCII
    (`_NOT_1252_RUN`, its signs not counted) and not plainly another script's encoding
    (`likely_encoding`); None otherwise, for the text to be refused rather than saved
    garbled."""
    if b"\x00" in data or data.startswith(tuple(mark for mark, _ in _MARKED)):
        return None
    if _UTF8_LETTER.search(data) or _NOT_1252_RUN.search(data.translate(_SIGNS_AS_ASCII)):
        return None
    if likely_encoding(data) is not None:
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined: not that either
        return None


def save_as_utf8(hint: str) -> str:
    return f"{hint}: save it as UTF-8" if hint else "save it as UTF-8"


def decode(
    data: bytes, source: str, retry: str = "try again",
    marked: Callable[[str], None] | None = None,
) -> str:
    """Text given to peerjournal (a file, standard input): UTF-8 (a byte order mark is
    dropped), or UTF-16 or UTF-32 when a byte order mark says so (`decode_with_nul`);
    anything else is an error naming `source` and the first bad byte. Text with a NUL in it
    is refused by `source`."""
    text = decode_with_nul(data, source, retry, marked)
    if "\x00" in text:
        hint = encoding_hint(data)
        if hint:
            raise PeerJournalError(f"{source} is not UTF-8 text; {save_as_utf8(hint)} and {retry}.")
        raise nul_error(source)
    return text


def nul_error(source: str) -> PeerJournalError:
    """The error for text from `source` with a NUL byte in it ("standard input: the text
    contains NUL bytes …"): standard input named as a label, in lower case, as every command
    names it there, even where its sentences start with it ("Standard input is not text")."""
    label = "standard input" if source == "Standard input" else source
    return PeerJournalError(after_prefix(label, NUL_MESSAGE))


def decode_with_nul(
    data: bytes, source: str, retry: str = "try again",
    marked: Callable[[str], None] | None = None,
) -> str:
    """`decode`, NUL characters left in: for text that exists nowhere else (standard input),
    kept as a draft without them. Text read as UTF-16 or UTF-32 by its byte order mark must
    read as text (`_reads_as_marked`), not as binary that starts with one, and `marked` is
    told its encoding ("UTF-16"), for a line that says so (`read_by_mark`)."""
    encoding = next((name for mark, name in _MARKED if data.startswith(mark)), "utf-8-sig")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise NotTextError(source, encoding, exc.start + 1, retry, data) from None
    if encoding != "utf-8-sig":
        if not _reads_as_marked(text) or (
                encoding == "utf-16" and _utf8_behind_mark(data, text)):
            raise NotTextError(source, encoding, None, retry, data)
        if marked is not None and text:
            marked(encoding.upper())
    return text


def read_by_mark(source: str, encoding: str, check: str = IN_THE_ENTRY) -> str:
    """The line that says text from `source` was read as `encoding` ("UTF-16") by its byte
    order mark, worded as `textsafe.read_as_1252` says Windows-1252, ending with where to
    `check` its letters: binary that starts with a mark and still reads as text shows there."""
    return (f"{source} is not UTF-8: it was read as {encoding}, as its byte order mark says, "
            f"so its letters are kept; {check}.")


def parse_entry(text: str, prompt_set: PromptSet | None = None) -> ParsedEntry:
    """The Markdown entry format; text with a NUL byte is refused (the parser marks with it)."""
    from peerjournal.reflection import parse_template

    if "\x00" in text:
        raise PeerJournalError(NUL_MESSAGE)
    return parse_template(text, prompt_set)


def check_comments(given: str, edited: str) -> None:
    """Refuse an entry file whose comments gained words since `given` (the template): text
    inside `<!-- -->` is ignored, so they would be dropped, or the draft discarded as blank."""
    from peerjournal.drafts import with_header_of, without_check, without_options
    from peerjournal.errors import PeerJournalError
    from peerjournal.reflection import typed_into_comment

    given = with_header_of(given, edited)  # (a new entry's header for an edit's is no word)
    # the options line kept with piped text is a comment meant to be edited; an edit's check
    # of the entry as shown, another for each edit, is no word typed
    given, edited = (without_check(without_options(text)) for text in (given, edited))
    line = typed_into_comment(given, edited)
    if line is not None:
        raise PeerJournalError(
            f"Line {line}: some of your text is inside a <!-- … --> comment, where it is "
            "ignored: move it below the comment's -->. Nothing was saved."
        )
