"""The guided reflection: each element's heading and questions, multi-line answers, a review.

Every line typed is in the draft file before the next prompt, so Ctrl-C, a closed terminal
or a crash loses at most the line being typed. `write --resume` continues where it stopped.
A session stopped before anything was typed keeps no draft.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import select
import sys
from collections.abc import Callable
from typing import Any

from peerjournal.cli.editor import terminal_descriptor
from peerjournal.context import AppContext
from peerjournal.drafts import Draft, save_json
from peerjournal.entry import (
    SETTING_SUGGESTIONS,
    EntryDraft,
    holds_text,
    normalise_tags,
    split_tags,
)
from peerjournal.errors import ExitCode, PeerJournalError
from peerjournal.reflection import PromptSet

REPLACEMENT = "\ufffd"
PASTE_WINDOW = 0.02  # seconds: the lines of one paste arrive together, a person's Enter doesn't


class GuidedSession:
    def __init__(
        self,
        app: AppContext,
        draft: EntryDraft,
        prompt_set: PromptSet,
        file: Draft,
        done: list[str] | None = None,
    ) -> None:
        self.app = app
        self.draft = draft
        self.prompt_set = prompt_set
        self.file = file
        self.done = done or []
        # Anything the writer typed (a resumed draft: what it holds) is worth keeping.
        self.typed = holds_text(draft) or bool(done and (draft.setting or draft.tags))
        self.saved = False  # whether the file holds everything typed so far
        self._warned_unsaved = False
        self._warned_encoding = False
        self.reader = LineReader()

    @classmethod
    def resume(cls, app: AppContext, file: Draft, prompt_set_loader: Any) -> GuidedSession:
        data = file.read_json()
        try:
            draft = EntryDraft.from_dict(data["entry"])
            done = [str(step) for step in data.get("done", [])]
        except (KeyError, TypeError, ValueError):
            raise file.damaged() from None
        return cls(app, draft, prompt_set_loader(draft.prompt_set), file, done)

    def save(self) -> None:
        """Write the draft file; a failure (a full disk) is told once and the session goes on:
        the text is still in memory, and `write` prints it if it can be saved nowhere."""
        if not self.typed:  # nothing worth a file yet
            self.saved = True
            return
        try:
            save_json(self.file, {"entry": self.draft.to_dict(), "done": self.done})
        except OSError as exc:
            self.saved = False
            if not self._warned_unsaved:
                self._warned_unsaved = True
                self.app.say(
                    f"The draft cannot be saved in {self.file.path.parent} "
                    f"({exc.strerror or exc}); carry on: your text is kept in memory."
                )
            return
        self.saved = True

    def run(self, ask_setting: bool, ask_tags: bool, ask_self_care: bool) -> EntryDraft:
        """Walk the writer through the prompts; returns the draft when they choose to save."""
        from peerjournal.render.writing import element_intro, review

        for key, ask in (
            ("setting", ask_setting),
            ("tags", ask_tags),
            ("self_care", ask_self_care),
        ):
            if not ask and key not in self.done:  # given as flags: a resumed draft won't ask again
                self.done.append(key)
        forgiving_stdin()
        self.reader = LineReader.for_stdin()
        self.save()
        self.app.say(f"Writing with the {self.prompt_set.name!r} prompts. Draft: {self.file.path}")
        try:
            self._line_step(
                "setting",
                f"Setting ({', '.join(SETTING_SUGGESTIONS)}; Enter to skip):",
                lambda v: setattr(self.draft, "setting", v),
            )
            total = len(self.prompt_set.elements)
            for step, element in enumerate(self.prompt_set.elements, start=1):
                if element.id not in self.done:
                    self.app.err.print(element_intro(element, self.draft.mode, step, total))
                self._block_step(
                    element.id,
                    required=element.id == "experience",
                    current=lambda e=element.id: getattr(self.draft, e),
                    store=lambda v, e=element.id: setattr(self.draft, e, v),
                )
                for question in element.questions:
                    key = f"answer:{question.id}"
                    if key not in self.done:
                        self.app.say(f"\n{question.text}")
                    self._block_step(
                        key,
                        required=not question.optional,
                        current=lambda q=question.id: self.draft.answers.get(q, ""),
                        store=lambda v, q=question.id: self.draft.answers.__setitem__(q, v),
                    )
            self._line_step(
                "tags",
                "\nTags, separated by commas (Enter to skip):",
                self._store_tags,
            )
            self._line_step(
                "self_care",
                "\nSelf-care: one thing you did or will do for yourself (Enter to skip):",
                lambda v: setattr(self.draft, "self_care", v),
            )
            self.app.err.print(review(self.draft))
            save = self._save_answer()
        except KeyboardInterrupt:
            self._end_the_typed_line()
            raise self.stopped("Interrupted.", ExitCode.INTERRUPTED) from None
        finally:
            self.reader.close()
        if not save:
            raise self.stopped("Not saved.", ExitCode.USER_ERROR)
        return self.draft

    def _save_answer(self) -> bool:
        """Enter, y or yes saves (and so does end of input: nothing is lost); n or no does not.
        Anything else is asked again: "nope" or a stray line of text is not a yes."""
        while True:
            answer = self._read_line("Save this entry? [Y/n] ")
            reply = "" if answer is None else answer.strip().lower()
            if reply in ("", "y", "yes"):
                return True
            if reply in ("n", "no"):
                return False
            self.app.say("Please answer y (save) or n (keep it as a draft).")

    def stopped(self, reason: str, code: ExitCode) -> PeerJournalError:
        """The error for a session that ends without saving: where the text is, if anywhere."""
        if not self.typed:
            self.file.discard()
            return PeerJournalError(f"{reason} Nothing was typed, so no draft was kept.", code)
        self.save()
        if self.saved:
            return PeerJournalError(
                f"{reason} Your draft is kept in {self.file.path}; "
                "`peerjournal write --resume` continues it.",
                code,
            )
        from peerjournal.drafts import printed_instead
        from peerjournal.reflection import format_template

        text = format_template(self.draft, self.prompt_set)
        return printed_instead(text, reason, self.file.path.parent, code)

    # -- steps -----------------------------------------------------------------------------

    def _store_tags(self, value: str) -> None:
        self.draft.tags = normalise_tags(split_tags(value))

    def _line_step(self, key: str, prompt: str, store: Any) -> None:
        if key in self.done:
            return
        while True:
            value = (self._read_line(prompt + " ") or "").strip()
            try:
                store(value)
            except PeerJournalError as exc:  # e.g. a tag with no letters: say so, ask again
                self.app.say(f"{exc.message} Try again (Enter to skip).")
                continue
            break
        if value:
            self.typed = True
        self.done.append(key)
        self.save()

    def _block_step(self, key: str, required: bool, current: Any, store: Any) -> None:
        if key in self.done:
            return
        from peerjournal.render.writing import input_hint

        self.app.err.print(input_hint(required))
        lines = [
            line for line in current().splitlines()
        ]  # resuming mid-answer keeps what was typed
        if lines:
            self.app.say("(continuing your draft:)\n" + "\n".join(lines))
        while True:
            eof = self._read_block(lines, store)
            if lines or not required:
                break
            if key != "experience":  # a question the writer's own prompt set requires
                if eof:
                    raise self.stopped(
                        "A required question has no answer, so nothing was saved.",
                        ExitCode.USER_ERROR,
                    )
                self.app.say("Your prompt set needs an answer here: even one line is enough.")
                continue
            if eof:
                raise self.stopped(
                    "No experience written, so nothing was saved.", ExitCode.USER_ERROR
                )
            self.app.say("The experience is the one part that is needed: even one line is enough.")
        self.done.append(key)
        self.save()

    def _read_block(self, lines: list[str], store: Any) -> bool:
        """Read lines until a blank line (False) or end of input (True), saving after each.

        A blank line with more input already waiting behind it is a paragraph break inside
        pasted text, not the end of the answer: a pasted note stays in one piece instead of
        spilling into the next questions, the tags and the save prompt.
        """
        blanks = 0
        while True:
            line = self._read_line("")
            if line is None:
                return True
            if not line.strip():
                if not more_input_waiting():
                    return False
                blanks += 1 if lines else 0  # leading blank lines of a paste are dropped
                continue
            lines.extend([""] * blanks)
            blanks = 0
            lines.append(line.rstrip())
            store("\n".join(lines))
            self.typed = True
            self.save()

    def _read_line(self, prompt: str) -> str | None:
        try:
            line = self.reader.read(prompt, self._show_prompt)
        except EOFError:
            return None
        except UnicodeDecodeError:  # a strict stdin that could not be made forgiving
            raise self.stopped("The input is not UTF-8 text.", ExitCode.USER_ERROR) from None
        return self._clean(line)

    def _end_the_typed_line(self) -> None:
        """After Ctrl-C the cursor is still on the line being typed: the message that follows
        starts on a line of its own."""
        with contextlib.suppress(AttributeError, ValueError, OSError):
            if self.app.err.file.isatty():
                self.app.err.file.write("\n")
                self.app.err.file.flush()

    def _show_prompt(self, prompt: str) -> None:
        self.app.err.print(prompt, end="")
        self.app.err.file.flush()

    def _clean(self, line: str) -> str:
        """Bytes that are not UTF-8 (lone surrogates from a C/POSIX-locale terminal) become �,
        and NUL is dropped: the line is kept, not refused."""
        cleaned = line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if REPLACEMENT in cleaned and not self._warned_encoding:
            self._warned_encoding = True
            self.app.say(f"(Some of that line was not UTF-8; it is kept as {REPLACEMENT}.)")
        return cleaned.replace("\x00", "")


def more_input_waiting() -> bool:
    """Whether more lines are already waiting on the terminal: the rest of a paste. A writer
    who presses Enter on a blank line to end an answer has typed nothing after it."""
    try:
        if not sys.stdin.isatty():
            return False
        ready, _, _ = select.select([sys.stdin], [], [], PASTE_WINDOW)
    except (OSError, ValueError, AttributeError, TypeError):  # no real terminal behind stdin
        return False
    return bool(ready)


class LineReader:
    """Reads the writer's lines: through readline on a terminal, as Python's own prompt does.

    Without readline the terminal reads each line itself: a line longer than 4,095 characters
    (one long pasted paragraph) is cut there without a word, and the arrow keys type escape
    codes into the entry instead of moving the cursor. Python uses readline only when stdout
    is a terminal too, so with stdout redirected (`write > log.txt`) stdout is pointed at the
    terminal while each line is read: the prompt and the typing show there, and the redirected
    stdout still gets only the entry's ID.
    """

    def __init__(self, readline: bool = False, terminal: int | None = None) -> None:
        self.readline = readline
        self.terminal = terminal  # a descriptor on the terminal, for when stdout is not one

    @classmethod
    def for_stdin(cls) -> LineReader:
        try:
            if not sys.stdin.isatty() or sys.stdin.fileno() != 0 or sys.stdout.fileno() != 1:
                return cls()
            import readline
        except (ImportError, ValueError, AttributeError, OSError):  # Windows, no terminal
            return cls()
        terminal = None
        if not os.isatty(1):
            terminal = terminal_descriptor()
            if terminal is None:
                return cls()
        # Tab types a tab (an indent, a pasted table), never a file-name completion.
        if "libedit" in (readline.__doc__ or ""):
            readline.parse_and_bind("bind ^I ed-insert")
        else:
            readline.parse_and_bind("tab: tab-insert")
            _Utf8Keys.install(readline)
        return cls(True, terminal)

    def read(self, prompt: str, show: Callable[[str], None]) -> str:
        """One line without its line break; EOFError at the end of input, KeyboardInterrupt on
        Ctrl-C. `show` prints (the start of) a prompt on stderr."""
        saved = self._stdout_on_terminal() if self.readline else None
        if not self.readline:  # (also when stdout could not be pointed at the terminal)
            if prompt:
                show(prompt)
            return input()
        try:
            # readline is given the prompt's last line, so that it knows where the line starts
            # (a long line wraps and redraws in the right place)
            head, newline, prompt = prompt.rpartition("\n")
            if newline:
                show(head + newline)
            keys = _Utf8Keys.installed
            if keys is not None:
                keys.interrupted = False
            line = input(prompt)
            if keys is not None and keys.interrupted:
                raise KeyboardInterrupt
            return line
        finally:
            if saved is not None:
                _flush_c_streams()  # readline's echo goes to the terminal, not to the file
                os.dup2(saved, 1)
                os.close(saved)

    def _stdout_on_terminal(self) -> int | None:
        """Point stdout at the terminal (when it is not one); returns a copy of the real
        stdout to put back. If that cannot be done, lines are read without readline."""
        if self.terminal is None:
            return None
        sys.stdout.flush()
        saved = None
        try:
            saved = os.dup(1)
            os.dup2(self.terminal, 1)
        except OSError:
            if saved is not None:
                os.close(saved)
            self.close()
            self.readline = False
            return None
        return saved

    def close(self) -> None:
        if self.terminal is not None:
            with contextlib.suppress(OSError):
                os.close(self.terminal)
            self.terminal = None


def _flush_c_streams() -> None:
    with contextlib.suppress(ImportError, OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None).fflush(None)


class _Utf8Keys:
    """GNU readline's key reader (`rl_getc_function`), for a UTF-8 terminal.

    Readline drops a byte that does not start a valid UTF-8 character (é typed on a Latin-1
    terminal, a byte pasted from a file in another encoding), and at times the byte after it.
    This reader hands readline the bytes of � in its place: the writer sees it where it was,
    the arrow keys move over it as one character, and the line keeps it.
    """

    installed: _Utf8Keys | None = None
    WAIT = 0.1  # seconds for the rest of a character that arrives in two reads

    def __init__(self, stuff: Callable[[int], int], fd: int) -> None:
        import ctypes

        self.stuff = stuff  # readline's rl_stuff_char: a byte for readline to read next
        self.fd = fd
        self.interrupted = False  # Ctrl-C while a character was being read
        self.callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)(self._getc)

    @classmethod
    def install(cls, readline: Any) -> None:
        if cls.installed is not None or "GNU readline" not in (readline.__doc__ or ""):
            return
        try:
            if codecs.lookup(sys.stdin.encoding).name != "utf-8":
                return  # input() decodes another encoding: its bytes are not ours to judge
            import ctypes

            library = ctypes.CDLL(readline.__file__)
            hook = ctypes.c_void_p.in_dll(library, "rl_getc_function")
            stuff = library.rl_stuff_char
            stuff.argtypes, stuff.restype = [ctypes.c_int], ctypes.c_int
            keys = cls(stuff, sys.stdin.fileno())
            hook.value = ctypes.cast(keys.callback, ctypes.c_void_p).value
        except (ImportError, OSError, ValueError, AttributeError, LookupError, TypeError):
            return  # a readline built in, or without the symbols: readline's own reading
        cls.installed = keys

    def _getc(self, _stream: object) -> int:
        try:
            data = self.character()
        except KeyboardInterrupt:  # ends the line; LineReader.read raises it again
            self.interrupted = True
            return ord("\n")
        except Exception:  # the terminal has gone (EIO): end of input
            return -1
        if not data:
            return -1
        for byte in data[1:]:
            if not self.stuff(byte):  # readline's buffer is full (it holds 512): never here
                return -1
        return data[0]

    def character(self) -> bytes:
        """The next character's bytes: valid UTF-8, or those of �; b"" at end of input."""
        data = os.read(self.fd, 1)
        return _valid_character(data[0], self._more) if data else b""

    def _more(self) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], self.WAIT)
        return os.read(self.fd, 1) if ready else b""


_REPLACEMENT_BYTES = REPLACEMENT.encode()


def _valid_character(first: int, more: Callable[[], bytes]) -> bytes:
    """The character that starts with byte `first` (the rest read with `more`, which gives
    b"" when nothing follows in time): its bytes, or those of � for a byte that cannot start
    or continue a UTF-8 character (one � for each broken piece, as Python's "replace" does)."""
    if first < 0x80:
        return bytes([first])
    size = 2 if 0xC2 <= first <= 0xDF else 3 if 0xE0 <= first <= 0xEF else (
        4 if 0xF0 <= first <= 0xF4 else 0
    )
    if not size:
        return _REPLACEMENT_BYTES
    sequence = bytes([first])
    for _ in range(size - 1):
        byte = more()
        if not byte:
            return _REPLACEMENT_BYTES
        low, high = _SECOND_BYTE.get(first, (0x80, 0xBF)) if len(sequence) == 1 else (0x80, 0xBF)
        if not low <= byte[0] <= high:  # not a continuation: the byte starts something new
            return _REPLACEMENT_BYTES + _valid_character(byte[0], more)
        sequence += byte
    return sequence


# The lead bytes whose second byte has a narrower range (no overlong forms, no surrogates,
# nothing above U+10FFFF)
_SECOND_BYTE = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F), 0xF0: (0x90, 0xBF), 0xF4: (0x80, 0x8F)}


def forgiving_stdin() -> None:
    """Read the terminal with errors='replace': a stray non-UTF-8 byte becomes �, it never
    ends the session."""
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is None:
        return
    with contextlib.suppress(ValueError, OSError, AttributeError):
        reconfigure(errors="replace")
