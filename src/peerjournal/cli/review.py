"""peerjournal review FILE...: the mentor's side. Reads JSON summaries; opens no journal."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from peerjournal.plural import counted, joined
from peerjournal.reviewing import (
    SHOWN,
    check_as_exported,
    comparisons,
    dimensions_said_of_the_writer,
    directions_as_read_now,
    journal_id,
    made_at,
    named_alike,
    not_compared,
    sanitise,
    sanitised_to_show,
    shared_ids,
    signed_alike,
    told_apart,
    writer_numbers,
    writers,
)
from peerjournal.textsafe import cut
from peerjournal.unique_json import KeyGivenTwice, unique_keys

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import datetime

    from peerjournal.errors import PeerJournalError
    from peerjournal.summary import OtherExport

# A 20,000-entry journal over ten years with every entry shared exports ~26 MB; export refuses
# to write a summary above this (cli/export.py reads it), so keep the two in step.
MAX_BYTES = 64 * 1024 * 1024
MERGED_SCHEMA = "peerjournal.review/2"
MERGED_FAMILY = "peerjournal.review/"


def register(app: typer.Typer) -> None:
    @app.command(short_help="Read summaries sent to you.")
    def review(
        ctx: typer.Context,
        files: Annotated[list[str], typer.Argument(
            metavar="FILE...",
            help="Summaries exported with `peerjournal export --format json`; a folder reads "
                 "the summaries in it (not in its folders), skipping its other files with a "
                 "line each (several of its Markdown, HTML, PDF and CSV summaries in one); "
                 "`-` reads standard input.")],
        json_out: Annotated[bool, typer.Option(
            "--json", help="Merge the summaries into one JSON document on stdout, in the "
                           "same order and with the same comparisons and notes; each "
                           "summary's \"writer_number\" is the same for those read as one "
                           "writer's (null: never compared, \"not_compared\" says why), and "
                           "\"signed_alike\" is true where another writer signs alike; a "
                           "folder's files not read are \"skipped\". See "
                           "docs/summary-schema.md for every field.")] = False,
        every: Annotated[bool, typer.Option(
            "--all", help=f"Show every shared entry and thing the writer will do differently, "
                          f"not only the latest {SHOWN} (--json always has them all).")] = False,
    ) -> None:
        """For mentors: read the summaries your mentees send (JSON): trends, dimensions,
        alerts, shared excerpts and notes.

        \b
        Example:
          peerjournal review alex.json sam.json
          peerjournal review summaries/

        Summaries from one journal (the Journal ID each carries) are one writer's, and so are
        those without one (from an older peerjournal) signed alike (`export --from`): they
        are shown oldest first, with how the writer moved from one to the next. Unsigned ones
        without an ID are never compared. (The dimensions that moved most are named where
        both summaries hold enough writing to compare.) Of many
        shared entries (and things the writer will do differently), the latest are shown,
        with a line on how many earlier ones are not (see --all). Needs no journal of its
        own. Text in a summary is shown with control characters made visible, never sent to
        the terminal as is. A summary exported as Markdown, HTML, PDF or CSV is read as it
        is, in a text editor, a browser, a PDF viewer or a spreadsheet."""
        from peerjournal.context import AppContext
        from peerjournal.errors import PeerJournalError
        from peerjournal.summary import NotASummary, OtherExport

        app_ctx = AppContext.from_ctx(ctx)
        now = app_ctx.now()

        loaded: list[tuple[str, dict[str, Any]]] = []
        errors: list[tuple[str, str]] = []  # (file, message)
        warnings: list[tuple[str, str]] = []  # (file, message): read, with a line said
        not_read: list[Skipped] = []  # the files of folders skipped, with why

        def failed(shown: str, exc: PeerJournalError) -> None:
            message = sanitise(exc.message, multiline=False)
            errors.append((shown, message.removeprefix(f"{_shown(shown)}: ")))

        def warner(shown: str) -> Callable[[str], None]:
            """What says a line about the summary read from `shown` ("peerjournal: FILE: …"),
            kept for --json's "warnings" too."""
            def warn(line: str) -> None:
                app_ctx.say(line)
                warnings.append((shown, line.removeprefix("peerjournal: ").removeprefix(
                    f"{_shown(shown)}: ")))
            return warn

        for name in files:
            if name != "-" and Path(name).is_dir():
                try:
                    paths = folder_files(Path(name))
                except PeerJournalError as exc:  # no permission: the other files are read
                    failed(name, exc)
                    continue
                skipped: list[Skipped] = []
                for path in paths:
                    if (broken := _broken_link(path)) is not None:
                        skipped.append(Skipped(str(path), broken))
                        continue
                    try:
                        summary = load_summary(path, now, warner(str(path)))
                    except OtherExport as exc:  # the same summary as Markdown, HTML, PDF…
                        skipped.append(Skipped.of(path, exc, exc.kind))
                    except NotASummary as exc:  # a backup, a note, a pipe…
                        skipped.append(Skipped.of(path, exc))
                    except PeerJournalError as exc:  # a damaged summary: as a file named
                        failed(str(path), exc)
                    else:
                        signature_warning(warner(str(path)), str(path), summary)
                        loaded.append((str(path), summary))
                for line in _skipped_lines(name, skipped):
                    app_ctx.say(f"peerjournal: skipped {line}")
                not_read += skipped
                if len(skipped) == len(paths):  # no summary in it, not even a damaged one
                    errors.append((name, _no_summaries(len(skipped), _folders_in(Path(name)),
                                                       name)))
                continue
            shown = "standard input" if name == "-" else name
            try:
                summary = load_summary(Path(name), now, warner(shown))
            except PeerJournalError as exc:
                failed(shown, exc)
            else:
                signature_warning(warner(shown), shown, summary)
                loaded.append((shown, summary))
        loaded, repeats = distinct(loaded)
        for again, first in repeats:
            same = "named twice" if again == first else f"the same summary as {first}"
            app_ctx.say(f"peerjournal: {_shown(again)}: {same}; shown once.")
        if json_out:
            _print_merged(in_order(loaded), errors, not_read, repeats, warnings)
        else:
            _render(app_ctx, in_order(loaded), None if every else SHOWN)
        messages = [f"{_shown(file)}: {message}" for file, message in errors]
        for message in messages[:-1]:
            app_ctx.say(f"peerjournal: {message}")
        if messages:
            raise PeerJournalError(messages[-1])


def folder_files(folder: Path) -> list[Path]:
    """The files `review FOLDER` reads: those directly in it, by name; not hidden ones (a
    desktop's .DS_Store), nor its folders (one per mentee is theirs to name)."""
    try:
        paths = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        from peerjournal.summary import SummaryError

        raise SummaryError(
            f"{sanitise(str(folder), multiline=False)}: cannot be read ({exc.strerror})."
        ) from None
    # everything but its folders: a named pipe, a device or a link to nothing among the
    # files is skipped with its line (`_broken_link`, `_read_file`), not passed over
    return [p for p in paths if not p.name.startswith(".") and not p.is_dir()]


@dataclass(frozen=True)
class Skipped:
    """A file of a folder that `review FOLDER` does not read: its name (as given) and why
    (without the name, control characters made visible); `kind`, for a summary exported in
    another format ("Markdown"), which the text says of several in one line."""

    file: str
    why: str
    kind: str | None = None

    @classmethod
    def of(cls, path: Path, exc: PeerJournalError, kind: str | None = None) -> Skipped:
        """The file at `path`, skipped with `exc` (whose message opens with its name)."""
        message = sanitise(exc.message, multiline=False)
        return cls(str(path), message.removeprefix(f"{_shown(str(path))}: "), kind)

    @property
    def line(self) -> str:
        return f"{_shown(self.file)}: {self.why}"

    def to_json(self) -> dict[str, str | None]:
        return {"file": self.file, "why": self.why, "format": self.kind}


def _broken_link(path: Path) -> str | None:
    """Why `review FOLDER` skips a link to nothing (its file moved or deleted), or a loop of
    links; None for any other file."""
    if not path.is_symlink() or path.exists():
        return None
    if _loops(path):
        return LINK_LOOP
    try:
        target = sanitise(str(path.readlink()), multiline=False)
    except OSError:
        target = "a file"
    return f"a link to {target}, which is not there (moved or deleted?); not read."


LINK_LOOP = "a link that leads back to itself (a loop of links); not read."


def _loops(path: Path) -> bool:
    """Whether following `path`'s links comes back round to one of them."""
    import errno
    import os

    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def signature_warning(said: Callable[[str], None], name: str, summary: dict[str, Any]) -> None:
    """Say so when a summary's signature holds a line break, a tab or another control
    character, which export refuses in --from: the file was edited after it was exported.
    The summary is still shown, its signature on one line with the control characters made
    visible (`reviewing.sanitised_to_show`), as any other text edited into a summary is."""
    from peerjournal.textsafe import has_control

    writer = summary.get("writer")
    if isinstance(writer, str) and has_control(writer):
        said(f"peerjournal: {_shown(name)}: its signature holds a line break or another "
             "control character, which `export --from` never writes: the file was changed "
             "after it was exported; the signature is shown on one line.")


def _folders_in(folder: Path) -> int:
    """How many folders (not hidden ones) `folder` holds, which `review FOLDER` does not read."""
    try:
        return sum(1 for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return 0


def _skipped_lines(folder: str, skipped: list[Skipped]) -> list[str]:
    """The lines a folder's skipped files are said in, in order: one each, but its summaries
    in formats other than JSON, when there are several, in one line at the end, by kind
    ("12 Markdown, 12 HTML and 12 PDF summaries in alex/: read them as they are …"); one
    such copy is named as any other file is. (`review --json` lists each file: "skipped".)"""
    from collections import Counter

    copies = Counter(s.kind for s in skipped if s.kind is not None)
    if sum(copies.values()) < 2:
        return [s.line for s in skipped]
    kinds = joined([f"{n:,} {kind}" for kind, n in copies.items()])
    return [*(s.line for s in skipped if s.kind is None),
            f"{kinds} summaries in {_shown(folder)}: read them as they are (in a text editor, "
            "a browser, a PDF viewer or a spreadsheet); `peerjournal review` reads summaries "
            "exported with `--format json`."]


def _no_summaries(skipped: int, folders: int, name: str) -> str:
    """Why folder `name` gave no summary: it holds none, `skipped` files and `folders`."""
    if not skipped and folders:
        import shlex

        folder = name.rstrip("/")  # (quoted for the shell, its "/*/" outside the quotes)
        return (f"holds no summaries of its own, only {counted(folders, 'folder')}, which "
                "`peerjournal review` does not look inside: name them, as in `peerjournal review "
                f"{_shown(shlex.quote(folder) if folder else '')}/*/`.")
    if not skipped:
        return ("a folder with no files in it; `peerjournal review` reads the summaries made by "
                "`peerjournal export --format json`.")
    return (f"a folder with no summary in it ({counted(skipped, 'file')} skipped above); "
            "`peerjournal review` reads the summaries made by `peerjournal export --format "
            "json`.")


def _shown(name: str) -> str:
    """A file's name as messages give it: control characters made visible."""
    return sanitise(name, multiline=False)


def _read_file(path: Path, name: str) -> bytes:
    """A summary file's bytes (one more than a summary may have, to tell it is too large).
    A named pipe, a socket or a device is refused at once (a pipe would wait for a writer for
    ever): in a folder, skipped with a line (`NotASummary`)."""
    import errno

    from peerjournal.paths import NotAFileError, read_regular_file
    from peerjournal.summary import NotASummary, SummaryError

    try:
        return read_regular_file(path, MAX_BYTES + 1)
    except FileNotFoundError:
        raise SummaryError(f"{name}: no such file.") from None
    except NotAFileError:
        raise NotASummary(f"{name}: {_not_a_file(path)}") from None
    except OSError as exc:  # no permission; a read that fails
        if exc.errno == errno.ELOOP:
            raise NotASummary(f"{name}: {LINK_LOOP}") from None
        if exc.errno == errno.ENXIO:  # a socket (which cannot be opened at all)
            raise NotASummary(f"{name}: {_not_a_file(path)}") from None
        raise SummaryError(f"{name}: cannot be read ({exc.strerror}).") from None


def _not_a_file(path: Path) -> str:
    """What a path that is no regular file is, for `review`'s line about it."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        mode = 0
    if stat.S_ISDIR(mode):
        return "is a folder, not a summary file."
    if stat.S_ISFIFO(mode):
        return ("a named pipe, not a summary file; not read (to read a summary from a pipe, "
                "give `-` and send it to standard input).")
    if stat.S_ISSOCK(mode):
        return "a socket, not a summary file; not read."
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a summary file; not read."
    return "not a plain file, so not a summary file; not read."


def load_summary(
    path: Path, now: datetime, said: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Read, parse and validate one summary file (made by `now` at the latest, give or take
    the clocks' difference); errors name the file. Of a summary read as Windows-1252
    (`_read_as_windows_1252`) `said` is told, or stderr without it (as the app's messages go:
    lost quietly when stderr is gone, never failing the read): every caller reads one alike.
    The note comes once the file is a summary: a Latin-1 note beside the summaries in a
    folder is only skipped, with its one line."""
    from peerjournal.context import AppContext
    from peerjournal.exporters.json_ import BEFORE_JSON, cut_short
    from peerjournal.summary import (
        NotASummary,
        SummaryError,
        changed_after_export,
        validate_summary,
    )

    if str(path) == "-":  # as import, write --from-file and check --answers read '-'
        import sys

        name, raw = "standard input", sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        name = sanitise(str(path), multiline=False)
        raw = _read_file(path, name)
    if len(raw) > MAX_BYTES:
        raise NotASummary(f"{name}: larger than {MAX_BYTES // 1024 // 1024} MB; not a summary.")
    if not raw.strip():
        if str(path) != "-" and path.suffix.lower() != ".json":  # (an empty notes.txt beside)
            raise NotASummary(f"{name}: an empty file, not a summary.")
        raise SummaryError(f"{name}: the file is empty; ask for the summary to be sent again.")
    if raw.startswith(b"%PDF"):
        raise _other(name, "PDF", "a PDF viewer")
    if raw.startswith(b"PK\x03\x04") and _document(raw):
        raise NotASummary(
            f"{name}: a word processor's document (Word or LibreOffice), not a summary: it was "
            "opened and saved again as a document. Ask for the .json file as it was sent, "
            "unopened."
        )
    if raw.startswith((b"\x1f\x8b", b"PK\x03\x04")):
        raise NotASummary(f"{name}: a compressed file (gzip or zip); unpack it first.")
    cut_off = SummaryError(
        f"{name}: the file ends part-way through (cut short in sending or saving?); "
        "ask for the summary to be sent again."
    )
    latin = False
    try:
        # UTF-16 or UTF-32 too, as JSON allows: a summary saved again by an editor as "Unicode"
        encoding = json.detect_encoding(raw)
        text = raw.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        if exc.end >= len(raw) and exc.reason in ("unexpected end of data", "truncated data"):
            raise cut_off from None  # cut inside a character's bytes
        text, latin = _read_as_windows_1252(raw, name), True
    del raw  # up to 64 MB: not kept beside the text and the document parsed from it
    other = _other_export(text)
    if other:
        raise _other(name, *other)
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=unique_keys)
    except KeyGivenTwice as exc:
        raise changed_after_export(
            name, f"{_key(exc.key)} is given twice in one place, which an export never writes"
        ) from None
    except json.JSONDecodeError as exc:
        # Only text opening as a summary does, with "{", was meant to be one: a note opening
        # with a date, a number or a quote ("2026-12-01 notes about Alex") parses as JSON as
        # far as that value, but is no summary damaged after it.
        if not text.lstrip(BEFORE_JSON).startswith("{"):
            raise NotASummary(
                f"{name}: not a summary (not JSON); `peerjournal review` reads the file made by "
                "`peerjournal export --format json`."
            ) from None
        if cut_short(text, exc):
            raise cut_off from None
        if text[exc.pos : exc.pos + 1] in CURLY:
            raise SummaryError(
                f"{name}: its quotation marks were made curly (“ ”), as a word processor does "
                "when it saves a file; ask for the summary again, and read it here without "
                "opening it in a word processor first."
            ) from None
        raise SummaryError(
            f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    except (ValueError, RecursionError):
        raise SummaryError(f"{name}: not valid JSON (NaN, Infinity or nesting too deep).") from None
    not_summary = _not_a_summary(data)
    if not_summary:
        raise NotASummary(f"{name}: {not_summary}")
    summary = validate_summary(data, name, now)
    check_as_exported(summary, name)
    if latin:
        (said or AppContext().say)(
            f"peerjournal: {name}: not UTF-8 but Windows-1252 (Latin-1) text, as an editor may "
            "save a file again; read as that."
        )
    return summary


_OTHER_EXPORT = (
    "{kind} summary, to read as it is: open it with {opener}. `peerjournal review` reads "
    "summaries exported with `--format json`."
)


def _other(name: str, kind: str, opener: str) -> OtherExport:
    """The error for a summary exported as `kind` ("Markdown"), read with `opener`."""
    from peerjournal.summary import OtherExport

    article = "an" if kind == "HTML" else "a"
    return OtherExport(f"{name}: {_OTHER_EXPORT.format(kind=f'{article} {kind}', opener=opener)}",
                       kind)


def _read_as_windows_1252(raw: bytes, name: str) -> str:
    """A summary that is not UTF-8 read as Windows-1252 (Latin-1), as an editor on Windows
    saves one again ("ANSI"), when it is plainly that (`editor.as_windows_1252`: it is then
    the same text); otherwise refused, saying what it may be."""
    from peerjournal.cli.editor import as_windows_1252, likely_encoding
    from peerjournal.summary import NotASummary

    text = as_windows_1252(raw)
    if text is not None:
        return text
    likely = likely_encoding(raw)
    guess = f"; it may be {likely.label} (saved again by an editor?)" if likely else ""
    raise NotASummary(
        f"{name}: not UTF-8 text{guess}; is this a summary exported as JSON?"
    )


# The quotation marks a word processor puts in place of JSON's "
CURLY = "“”„″"


def _document(raw: bytes) -> bool:
    """Whether a zip's bytes are a word processor's document: Word's (word/document.xml) or
    LibreOffice's (OpenDocument, which names its mimetype first)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "word/document.xml" in names or (
        "mimetype" in names and b"application/vnd.oasis.opendocument" in raw[:200])


def _other_export(text: str) -> tuple[str, str] | None:
    """The kind of a summary exported in a format other than JSON, and what opens it; or
    None."""
    from peerjournal.exporters.common import TITLE
    from peerjournal.exporters.csv_ import ABOUT, BASE

    head = text.lstrip()[:200].lower()
    if head.startswith(f"# {TITLE.lower()}"):
        return "Markdown", "any text editor or Markdown viewer"
    if head.startswith(("<!doctype html", "<html")):
        return "HTML", "a web browser"
    # as exported, or saved again by a spreadsheet (quoted, ";" or tab between columns);
    # BASE first: a CSV from before the ABOUT columns
    header = re.sub(r"[;\t]", ",", head.split("\n", 1)[0].replace('"', ""))
    if header.startswith((",".join(ABOUT), ",".join(BASE))):
        return "CSV (numbers only)", "a spreadsheet"
    return None


def _not_a_summary(data: Any) -> str | None:
    """What a JSON file that peerjournal wrote, but that is not a summary, is; or None."""
    from peerjournal.exporters.json_ import BACKUP_SCHEMA

    schema = data.get("schema") if isinstance(data, dict) else None
    entry_list = isinstance(data, list) and all(
        isinstance(item, dict) and "experience" in item for item in data[:10]
    ) and bool(data)
    if schema == BACKUP_SCHEMA or entry_list:
        return (
            "a journal backup or entry list (unredacted, names included), not a summary for "
            "a mentor: it is read by `peerjournal import`. Ask for a summary made with "
            "`peerjournal export --format json`."
        )
    if isinstance(schema, str) and schema.startswith(MERGED_FAMILY):
        return (
            "several summaries merged by `peerjournal review --json`, not one summary: review "
            "the original files."
        )
    if isinstance(data, list):
        return "a JSON list, not a peerjournal summary (a summary is one JSON object)."
    if schema is None and isinstance(data, dict) and data.keys() >= _REPORT_KEYS:
        return (
            "the output of `peerjournal report --json` (the writer's own trends), not a summary "
            "made by `export`: ask for a summary made with `peerjournal export --format json`."
        )
    return None


# What `report --json` always has (and a summary has more of, with its "schema").
_REPORT_KEYS = frozenset({"since", "until", "by", "periods", "totals", "alerts"})


def _reject_constant(value: str) -> Any:
    raise ValueError(value)


def _key(key: str) -> str:
    """A key from the file, quoted for a message: cut short if long (it is the file's text)."""
    return repr(cut(key, _KEY_CHARS))


_KEY_CHARS = 41  # 40 of the key's, then "…"


def _print_merged(
    loaded: list[tuple[str, dict[str, Any]]], errors: list[tuple[str, str]],
    skipped: list[Skipped], repeats: list[tuple[str, str]], warnings: list[tuple[str, str]],
) -> None:
    """One document, in the text's order, saying all the text says: its comparisons
    ("between"), each summary's `redacted` beside its file, which writer it is read as
    (`writer_number`; `signed_alike` when another writer signs alike: the text names its
    file), and why one is never compared (`not_compared`); the lines under the overview (how
    summaries signed alike were told apart, a Journal ID read as several writers'); a folder's
    files not read ("skipped": each, with why, and the format of a summary exported as
    another), the repeats shown once and the lines said of a summary read ("warnings").
    ASCII-escaped so no byte of a summary reaches the terminal raw. Rich is not imported:
    nothing is drawn. New fields go after the others: a script may read them in order."""
    import sys

    summaries = [s for _, s in loaded]
    keys = writers(summaries)
    by_id, by_entries = told_apart(summaries, keys)
    merged = {
        "schema": MERGED_SCHEMA,
        "summaries": [
            {"file": name, "redacted": summary["redacted"],
             "writer_number": number, "signed_alike": alike, "summary": summary,
             "not_compared": why}
            for (name, summary), alike, number, why in zip(
                loaded, signed_alike(summaries, keys), writer_numbers(keys),
                not_compared(summaries, keys), strict=True)
        ],
        "between": comparisons(loaded, keys),
        "errors": [{"file": file, "message": message} for file, message in errors],
        "skipped": [s.to_json() for s in skipped],
        "signed_alike_told_apart_by": {"journal_id": by_id, "shared_entries": by_entries},
        "shared_journal_ids": [
            {"journal_id": shared.journal, "files": [loaded[i][0] for i in shared.members],
             "writers": shared.writers}
            for shared in shared_ids(summaries, keys)
        ],
        "repeats": [{"file": again, "same_as": first} for again, first in repeats],
        "warnings": [{"file": file, "message": message} for file, message in warnings],
    }
    sys.stdout.write(json.dumps(merged, ensure_ascii=True, indent=2) + "\n")


def distinct(
    loaded: list[tuple[str, dict[str, Any]]],
) -> tuple[list[tuple[str, dict[str, Any]]], list[tuple[str, str]]]:
    """The summaries without repeats (the same file named twice, or a copy of one), and each
    repeat's name beside the first one's: a mentor who runs `review *.json` over a folder
    holding a downloaded copy would otherwise read the same month twice."""
    kept: list[tuple[str, dict[str, Any]]] = []
    repeats: list[tuple[str, str]] = []
    for name, summary in loaded:
        first = next((n for n, s in kept if s == summary), None)
        if first is None:
            kept.append((name, summary))
        else:
            repeats.append((name, first))
    return kept, repeats


def in_order(loaded: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """Each writer's summaries (`reviewing.writers`) together, oldest period first; writers
    (and unsigned summaries) in the order their first file was named."""
    keys: list[object] = [k or n for n, k in enumerate(writers([s for _, s in loaded]))]
    first_seen: dict[object, int] = {}
    for n, key in enumerate(keys):
        first_seen.setdefault(key, n)

    def position(n: int) -> tuple[int, str, str, datetime, int]:
        period = loaded[n][1]["period"]  # (one period exported twice: the earlier first)
        return (first_seen[keys[n]], period["since"], period["until"], made_at(loaded[n][1]), n)

    return [loaded[n] for n in sorted(range(len(loaded)), key=position)]


def _render(app: Any, loaded: list[tuple[str, dict[str, Any]]], shown: int | None) -> None:
    from peerjournal.exporters.common import facts_alike, glosses_text
    from peerjournal.render.review import Overview, between_summaries, since_previous
    from peerjournal.render.summary import alike_section, explanations, review, section

    # (each lexicon version named as any of them names it, `named_alike`; the dimensions as
    # said of the writer, `dimensions_said_of_the_writer`)
    clean = list(zip([sanitise(name, multiline=False) for name, _ in loaded], named_alike(
        [dimensions_said_of_the_writer(sanitised_to_show(directions_as_read_now(s), shown))
         for _, s in loaded]), strict=True))
    keys = writers([s for _, s in loaded])  # (from the whole texts: `clean` may hold stubs)
    # of several summaries with the same dimensions, what they look for is said once, at the end
    once = len(clean) > 1 and len({tuple(glosses_text(s)) for _, s in clean}) == 1
    alike = facts_alike([s for _, s in clean])  # and their lexicon and redaction, at the top
    ids_once = sum(journal_id(s) is not None for _, s in clean) > 1
    if ids_once:  # what a Journal ID is, said once; each header gives its own under its file
        alike.append(_journal_id_once([s for _, s in clean]))
    if len(clean) > 1:
        app.out.print(Overview(clean, keys))
        app.out.print()
        moves = between_summaries(clean, keys)
        if moves is not None:
            app.out.print(moves)
            app.out.print()
        if alike:
            app.out.print(alike_section(alike))
            app.out.print()
    for n, (name, summary) in enumerate(clean):
        if n:
            app.out.print()
        previous = next((clean[p] for p in reversed(range(n))
                         if keys[n] is not None and keys[p] == keys[n]), None)
        found = journal_id(summary) if ids_once else None  # (on the line under "File:")
        review(app.out, name if found is None else f"{name}\n{JOURNAL_ID_LABEL}: {found}",
               summary, since_previous(previous, summary), shown,
               explain=not once, said_once=[label for label, _ in alike])
    if once:
        app.out.print()
        app.out.print(section("About the numbers", explanations(clean[0][1])))


JOURNAL_ID_LABEL = "Journal ID"  # (`exporters.common.facts`' label)


def _journal_id_once(summaries: Sequence[dict[str, Any]]) -> tuple[str, str]:
    """The fact that says once, above several summaries, what their Journal IDs are: the
    note each header would give after its own (`common.JOURNAL_ID_NOTE`), and why some have
    none. Each header then gives its ID under its file's name (`render.summary.review`
    shows the facts said once in none)."""
    from peerjournal.exporters.common import JOURNAL_ID_NOTE

    without = ("; a summary without one is from an older peerjournal, or was exported with "
               "--no-journal-id" if any(journal_id(s) is None for s in summaries) else "")
    return JOURNAL_ID_LABEL, f"under each summary's file name {JOURNAL_ID_NOTE}{without}."
