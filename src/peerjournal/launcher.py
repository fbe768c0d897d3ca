"""The console-script entry point: answers `--version` before importing Typer (100 ms budget),
and `--help` from the text Typer printed last time when it is still current (`help_cache`).

First it makes the process safe in the surroundings a real terminal or script gives it: a
closed stdout or stderr, a pipe its reader closed early (`peerjournal list | head -1`), an
output encoding that is not UTF-8, and SIGTERM or SIGHUP (a closed terminal), which stop the
command as Ctrl-C does, so that text being written is kept as a draft.
"""

from __future__ import annotations

import errno
import gc
import io
import os
import sys

# Not `typing` (~8 ms) or `contextlib` (~3 ms, it imports `re`'s neighbours): --version's budget
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, NoReturn

# A reader of stdout that stopped before the end (`| head -1`): the process ends as Unix tools
# do, killed by SIGPIPE without a word, which a shell shows as 141 (128 + 13); this code where
# there is no SIGPIPE. Not 1, a user error; not 0: a dump cut short must not pass for whole.
READER_GONE = 141
CLOSED = "standard output is closed: the output could not be printed"
INTERRUPTED = 130  # ExitCode.INTERRUPTED (not imported: --version's budget)
# Objects allocated between two young-generation garbage collections (Python's default: 700).
# Starting a command (Typer, Rich, the lexicon) allocates objects that nearly all live to its
# end: at 700, `drift --text` ran ~115 collections (~30 ms, ~7% of it) that freed little.
# Long runs (an import, a rescore) still collect, every 100,000.
GC_YOUNG_THRESHOLD = 100_000
# The signals that stop a command (`_stop_on_termination`), which `settled` holds back
STOPPING = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")
_launched = False  # the process runs `main` (not a test's CliRunner): `settled` may hold back
_settled = False  # the command's change is committed (`settled`)
# the exit code is decided (`main`): a stopping signal from here on raises nothing, so that
# one coming as the command ends does not turn its exit into a traceback or death by SIGINT
_ending = False
_stopped = False  # a stopping signal raised KeyboardInterrupt (`_forget_the_interrupt`)


def main() -> None:
    """Run the command and exit with its code. A Ctrl-C or SIGTERM at any moment, from the
    first line here to the exit, ends it quietly with 130 (not a traceback: QA r46, 1 in 6
    Ctrl-Cs in the first 50 ms), or with the command's own code once that is decided."""
    global _launched, _ending, _stopped
    _launched = True
    try:
        code = _started()
    except KeyboardInterrupt:  # one more, while the first was being told (`_started`)
        _ending = _stopped = True  # (first: from here a stopping signal raises nothing)
        code = INTERRUPTED
    _ending = True
    if _stopped:
        _forget_the_interrupt()
    _finish(code)


def _forget_the_interrupt() -> None:
    """Python ends a process whose KeyboardInterrupt went unhandled by SIGINT, whatever its
    exit code, and takes one raised in code that C ran with `PyRun_String` (as some compiled
    modules do while they load) for such, even once it has been handled: a SIGTERM or Ctrl-C
    there ended the process by SIGINT after "Interrupted." (QA r46: 3 in ~200 SIGTERMs
    0.3-0.45 s after `write` started). Every KeyboardInterrupt here is handled: clear it."""
    try:
        import ctypes

        ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt").value = 0
    except (ImportError, ValueError, AttributeError, OSError):  # not CPython, no such flag
        pass


def _started() -> Any:
    """The exit code of the command run, its own or 130 for a Ctrl-C (or SIGTERM, SIGHUP)
    that stopped it before it started, or itself ended it."""
    global _ending, _stopped
    code: Any = INTERRUPTED
    try:
        _stop_on_termination()  # first: until it is set, SIGTERM ends the process at once
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
        _open_closed_streams()
        _whole_writes()
        _tolerate_encodings()
        code = 0
        _run()
    except SystemExit as exc:
        _ending = True
        if isinstance(exc.__context__, BrokenPipeError):  # (click's exit 1 on a broken pipe)
            _reader_gone()
        code = exc.code
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM while starting up, before any command ran
        code = _interrupted()
    except BrokenPipeError:
        _ending = True
        _reader_gone()
    except OSError as exc:  # printing --version or --help to a full disk (> /dev/full)
        _ending = True
        _cannot_print(exc)
        code = 1
    except Exception as exc:  # ("Error calling __set_name__": a Ctrl-C as a class was built)
        if not is_interrupt(exc):
            raise
        code = _interrupted()
    return code


def _interrupted() -> Any:
    """The exit code once a Ctrl-C (SIGTERM, SIGHUP) stopped the command: 130, said, or 0
    once its change was committed (`settled`: it came too late to stop anything)."""
    global _ending, _stopped
    _ending = _stopped = True
    if _settled:
        return 0
    _message("Interrupted.")
    return INTERRUPTED


def is_interrupt(exc: BaseException) -> bool:
    """Whether `exc` is a Ctrl-C (or SIGTERM, SIGHUP), or was raised because of one: Python
    wraps a KeyboardInterrupt raised while it builds a class (in `__set_name__`) in a
    RuntimeError, which ended the command with a traceback or exit 70 (QA qa_fixes_a 3)."""
    seen: set[int] = set()
    found: BaseException | None = exc
    while found is not None and id(found) not in seen:
        if isinstance(found, KeyboardInterrupt):
            return True
        seen.add(id(found))
        found = found.__cause__ or found.__context__
    return False


def _run() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from peerjournal import version_line

        sys.stdout.write(f"{version_line()}\n")
        return
    if sys.argv[1:] in (["--help"], ["-h"]):
        from peerjournal import help_cache

        text = help_cache.load()
        if text is not None:
            sys.stdout.write(text)
            return
    from peerjournal.cli import main as cli_main

    cli_main()


def settled() -> None:
    """The command's change is committed: what is left (its notes, closing the journal, the
    exit) only tells of it. Ctrl-C, SIGTERM, SIGHUP and SIGQUIT are held back from here to the
    end of the process, which discards them, so that a late one does not end it with 130 (or
    a traceback) and a script or writer trusting the exit code makes the change again (QA
    r44: 10 in 29 Ctrl-Cs after an edit's commit). Nothing changes in a test's process."""
    global _settled
    if not _launched or _settled:
        return
    try:
        _hold_back()
    finally:  # (a Ctrl-C already caught is raised as the mask is set: the change is made)
        _settled = True


# `print_whole`: the end of an output written with the stopping signals held back (a pipe
# takes this much at once, whoever reads it: PIPE_BUF is 4,096 bytes at least, 4 a character)
LAST_PART = 1024


def print_whole(text: str, stream: Any) -> None:
    """Write `text`, the whole of a command's output, to `stream`, then `settled`: a Ctrl-C
    or SIGTERM as the last of it is written, or after, is held back (exit 0 with the output
    whole, not 130: QA r47-48, 18-35% of late SIGTERMs to `report`), one before stops it. The
    signals are held from just before its last part (`LAST_PART`), not for all of it, so
    that a reader who stops reading cannot keep a long output from being stopped."""
    cut = max(0, len(text) - LAST_PART)
    stream.write(text[:cut])
    stream.flush()
    if _launched:
        _hold_back()
    stream.write(text[cut:])
    stream.flush()
    settled()


def print_whole_of(console: Any, draw: Callable[[], object]) -> None:
    """What `draw()` prints on `console` (a Rich console on stdout), held and then written
    whole (`print_whole`), laid out for `console` as it would have been: `list`, `show`,
    `search` end with one output, and a late SIGTERM ended them with 130 in 30 of 30 runs."""
    with console.capture() as captured:
        draw()
    print_whole(captured.get(), console.file)


def stdout_whole(write: Callable[[], object]) -> None:
    """What `write()` writes to sys.stdout (`AppContext.print_json`), held and then written
    whole (`print_whole`), in stdout's encoding (`print_json` escapes what a Latin-1 stdout
    cannot take)."""
    stdout = sys.stdout
    encoding = getattr(stdout, "encoding", None) or "utf-8"
    held = io.TextIOWrapper(io.BytesIO(), encoding=encoding, newline="\n")
    sys.stdout = held
    try:
        write()
    finally:
        sys.stdout = stdout
    held.flush()
    print_whole(held.buffer.getvalue().decode(encoding), stdout)


def stopping_signals() -> set[int]:
    """The stopping signals (`STOPPING`) this system has, as numbers."""
    import signal

    return {getattr(signal, name) for name in STOPPING if hasattr(signal, name)}


def _hold_back() -> None:
    """Block the stopping signals (`STOPPING`) to the end of the process, which discards
    them."""
    import signal

    try:  # noqa: SIM105 (contextlib costs --version ~3 ms)
        signal.pthread_sigmask(signal.SIG_BLOCK, stopping_signals())
    except (AttributeError, ValueError, OSError):  # Windows, a thread that is not the main one
        pass


def _finish(code: Any) -> NoReturn:
    """Flush stdout here, where a failure can still be reported in one line, rather than at
    interpreter exit ("Exception ignored … BrokenPipeError" and exit 120), and exit with
    `code`. The stopping signals are held back first (`_hold_back`): the exit code is decided,
    and one coming as Python ends, once it has put their default actions back, ended the
    process by that signal instead (SIGTERM: 143, SIGHUP: 129; round 47) after its output
    was whole. The command's own code is the true one then, as it is for a signal before."""
    _hold_back()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone()
    except OSError as exc:  # a full disk (> /dev/full), a stdout that is closed
        _cannot_print(exc)
        code = code or 1
    _letters_note()
    sys.exit(code)


def _letters_note() -> None:
    """Below the output: that an encoding that is not UTF-8 showed some letters plain, and how
    to see them as written (`render.console.letters_note`), when it did."""
    console = sys.modules.get("peerjournal.render.console")
    note = console.letters_note() if console is not None else None
    if note:
        try:
            sys.stderr.write(f"{note}\n")
            sys.stderr.flush()
        except (OSError, ValueError, AttributeError):
            pass


def _reader_gone() -> NoReturn:
    """The reader of stdout stopped before the end (`| head -1`), once the command has ended
    (its journal closed, its drafts kept): die of SIGPIPE, as `cat` or `grep` do, with no
    message (nor Python's own at exit). A command that changed the journal does not come
    here: it exits 0 once the change is made, saying it could not print (`print_done`)."""
    silence_stdout()
    try:  # noqa: SIM105 (contextlib costs --version ~3 ms)
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    import signal

    pipe = getattr(signal, "SIGPIPE", None)
    if pipe is not None:
        try:
            signal.signal(pipe, signal.SIG_DFL)  # (Python ignores it)
            os.kill(os.getpid(), pipe)  # delivered before kill returns
        except (OSError, ValueError):
            pass
    sys.exit(READER_GONE)


def silence_stdout() -> None:
    """Point stdout at the null device, so that what its buffer still holds (and anything
    printed later) goes nowhere instead of failing again at exit: the failure is told."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _cannot_print(exc: OSError) -> None:
    _message(cannot_print(exc))


def cannot_print(exc: OSError) -> str:
    """The one line for output that could not be written to stdout (a full disk, a device
    that takes nothing: `> /dev/full`), naming it, as a file that cannot be written is."""
    if exc.strerror == CLOSED:
        return CLOSED
    return f"Could not write to standard output: {exc.strerror or exc}."


def _message(text: str) -> None:
    try:
        sys.stderr.write(f"peerjournal: {text}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def _closed() -> OSError:
    return OSError(errno.EBADF, CLOSED)


class _ClosedBytes(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise _closed()


class _ClosedOutput(io.TextIOBase):
    """Stands in for a stdout the process was started without (`peerjournal list >&-`):
    printing to it fails with a one-line reason, as `cat` does, instead of an AttributeError
    on None or data silently going nowhere."""

    encoding = "utf-8"
    buffer = _ClosedBytes()  # (exports write bytes)

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise _closed()

    def isatty(self) -> bool:
        return False


def _open_closed_streams() -> None:
    """Put the null device on a closed stdin, stdout or stderr (file descriptors 0-2), so that
    no file opened later takes the number and receives what was meant for the terminal."""
    for fd in (0, 1, 2):
        if _usable(fd):
            continue
        try:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            # `os.open` gives the lowest free number, `fd` itself, not inherited by a child:
            # the editor would start with no stdin (vim then waits for ever)
            os.set_inheritable(fd, True)
        except OSError:
            continue
        if fd == 0:
            sys.stdin = open(fd, encoding="utf-8", closefd=False)  # noqa: SIM115 (for the process)
        elif fd == 1:
            sys.stdout = _ClosedOutput()
        else:
            sys.stderr = open(fd, "w", encoding="utf-8", closefd=False)  # noqa: SIM115


def _usable(fd: int) -> bool:
    """Open, and for stdout and stderr open for writing (a shell script started with `2>&-`
    can leave its own file, read-only, as the process's stderr)."""
    try:
        import fcntl
    except ImportError:  # Windows
        try:
            os.fstat(fd)
        except OSError:
            return False
        return True
    try:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    except OSError:
        return False
    return fd == 0 or flags & os.O_ACCMODE != os.O_RDONLY


class _WholeWrites(io.RawIOBase):
    """Standard output's file, written whole or not at all: each write is repeated until
    every byte is taken, so a reader gone midway is a BrokenPipeError, as it is through
    Python's usual buffer (unbuffered, a write a pipe takes part of passed for whole)."""

    def __init__(self, fd: int) -> None:
        # (named `file`, as cli._from_stdout finds the stream a failed write was writing)
        self.file = io.FileIO(fd, "w", closefd=False)

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.file.fileno()

    def isatty(self) -> bool:
        return self.file.isatty()

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            written = self.file.write(view)
            if not written:  # None: a non-blocking stdout that is full
                raise BlockingIOError(errno.EAGAIN, os.strerror(errno.EAGAIN))
            view = view[written:]
        return size


def _whole_writes() -> None:
    """Under PYTHONUNBUFFERED=1 (set in many containers and CI) or `python -u`, text goes to
    stdout's file with no buffer between, and a write a pipe takes only part of, its reader
    gone (`| head -c 10`), passed for whole: a 25 MB `list --json` cut at 64 KB exited 0.
    Put `_WholeWrites` under stdout's text there, unbuffered still."""
    stdout = sys.stdout
    if not isinstance(stdout, io.TextIOWrapper) or not isinstance(stdout.buffer, io.RawIOBase):
        return
    try:
        whole = _WholeWrites(stdout.fileno())
    except (OSError, ValueError):
        return
    sys.stdout = io.TextIOWrapper(
        whole, encoding=stdout.encoding, errors=stdout.errors,
        newline=None if os.name == "nt" else "\n", line_buffering=stdout.line_buffering,
        write_through=True,
    )


def _tolerate_encodings() -> None:
    """On a terminal whose encoding cannot show every character (a Latin-1 locale, Windows
    redirecting to a file), print what cannot be encoded as an escape (`\\xeb`) rather than
    crash: nothing is lost, even from an entry printed because it could not be saved. JSON
    output uses JSON's own escapes instead (`AppContext.print_json`)."""
    for stream in (sys.stdout, sys.stderr):
        if not writes_unicode(stream) and hasattr(stream, "reconfigure"):
            try:  # noqa: SIM105 (contextlib costs --version ~3 ms)
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
    _read_terminal_as_sent()


def _read_terminal_as_sent() -> None:
    """Read typed text in the encoding the terminal sends, the locale's (UTF-8 for an ASCII
    locale), not in one PYTHONIOENCODING chose for output: under `ascii` every letter typed
    beyond ASCII was kept as two U+FFFD, under `latin-1` as mojibake ("cafÃ©"), without a
    word. (Bytes that are not UTF-8 on a UTF-8 terminal are then told of by `write`.)"""
    stdin = sys.stdin
    if stdin is None or writes_unicode(stdin) or not hasattr(stdin, "reconfigure"):
        return
    try:
        if not stdin.isatty():
            return
        import codecs
        import locale

        sent = codecs.lookup(locale.getpreferredencoding(False)).name
        if sent == "ascii":
            sent = "utf-8"
        if sent != codecs.lookup(stdin.encoding).name:
            stdin.reconfigure(encoding=sent)
    except (ValueError, OSError, LookupError):
        pass


def writes_unicode(stream: Any) -> bool:
    """Can `stream` encode every character (UTF-8, -16 or -32)? A stream that names no
    encoding (a test's capture) is taken to."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    return encoding.startswith("utf")


def _stop_on_termination() -> None:
    """SIGTERM and SIGHUP (a closed terminal window) raise KeyboardInterrupt, so the command
    stops as on Ctrl-C: a write keeps its text as a draft, a transaction is rolled back, and
    the exit code is 130. A second SIGTERM or SIGHUP is ignored, as the stop is under way:
    a closed terminal sends two SIGHUPs (the shell's, then the kernel's as the shell exits),
    `timeout -s TERM` two SIGTERMs (to the command, then to its group), and the second ended
    the process with no word and 143 while it kept the draft or said what was stored (QA
    r48); SIGKILL still ends it at once. A second Ctrl-C stops what is being told of the
    first, and the exit is 130 all the same (`main`). A signal that was being
    ignored (`nohup`) stays ignored, and a forked worker (drift scoring) dies as before.
    Ctrl-C raises KeyboardInterrupt as Python's own handler does. None of them raises once
    the exit code is decided (`_ending`)."""
    import signal

    main_pid = os.getpid()

    def stop(signum: int, frame: object) -> None:
        if os.getpid() != main_pid:
            if signum == signal.SIGINT:  # (as Python's own handler: the worker ignores it)
                raise KeyboardInterrupt
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        global _stopped
        if _ending or _decided():
            return
        if _drops_exceptions(frame):
            _again_soon(signum)
            return
        _stopped = True
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_IGN)
        raise KeyboardInterrupt

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        ours = signal.default_int_handler if name == "SIGINT" else signal.SIG_DFL
        try:
            if signal.getsignal(number) == ours:
                signal.signal(number, stop)
        except (ValueError, OSError):  # not the main thread
            pass


def returned() -> None:
    """The command has returned (`cli.PeerJournalGroup.invoke`): its exit code is decided, and
    a stopping signal from here on raises nothing. One then landed in Typer's `except
    KeyboardInterrupt: raise Exit(130)`, which ended `report` with a silent 130 in ~40% of
    late SIGTERMs once its output was whole (QA r47). Nothing changes in a test's process."""
    global _ending
    if _launched:
        _ending = True


def _decided() -> bool:
    """Whether the exit code is decided though `_ending` is not set yet: an exit is under way
    (a SystemExit, or click's Exit, being handled)."""
    handled = sys.exc_info()[1]
    return isinstance(handled, SystemExit) or type(handled).__name__ == "Exit"


def _drops_exceptions(frame: Any) -> bool:
    """Whether `frame` runs where Python prints an exception and goes on ("Exception ignored
    in"): a finalizer, or a weak reference's callback such as the one importlib runs as a
    module is loaded. A KeyboardInterrupt raised there was lost: the command went on as if
    no SIGTERM had come (QA r46: 1 in ~200 SIGTERMs 0.15-0.6 s into `write`)."""
    code = getattr(frame, "f_code", None)
    if code is None:
        return False
    in_importlib = code.co_filename.startswith("<frozen importlib")
    return (code.co_name == "__del__" or (in_importlib and code.co_name == "cb")
            or code.co_filename.endswith(("weakref.py", "_weakrefset.py")))


def _again_soon(signum: int) -> None:
    """Send `signum` again in 10 ms, for it to raise where the code that runs can stop."""
    import _thread
    import time

    def send() -> None:
        time.sleep(0.01)
        os.kill(os.getpid(), signum)

    _thread.start_new_thread(send, ())
