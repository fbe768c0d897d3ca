"""Reading other journals: peerjournal's full backup, its JSON entry array, jrnl's plain text
and jrnl's JSON.

All or nothing: the first bad record raises ImportFileError naming the file and its position.

A full backup (`export --full`) is an object: {"schema": "peerjournal.backup/1", "entries":
[...], "people": [{"name", "alias", "created_at"}], "self_checks": [{"id", "created_at",
"complete", "answers"}], "supervisions": [{"id", "date", "note", "created_at"}], "drafts":
[{"kind", "name", "entry_id", "modified", "text" or "base64"}], "journal": "<ID>"}. Its people
list comes back with the entries, so names are redacted in the restored journal's exports as
they were. "self_checks", "supervisions", "drafts" and "journal" (the journal's ID, which its
summaries carry) came later: a backup without them (or a bare array of entries: older
backups, `list --json`) restores none. A backup holds "drafts" only when there are some, so
that a version older than them still reads the others; and "journal" only when the journal has
an ID (a version older than it refuses such a backup as a newer peerjournal's).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Any, BinaryIO

from peerjournal.dates import EARLIEST, LATEST
from peerjournal.entry import (
    MAX_TEXT_CHARS,
    REPLACEMENT,
    ZONE_AHEAD,
    EntryDraft,
    KeptIdentity,
    after_prefix,
    normalise_tag,
    normalised_text,
    validate,
)
from peerjournal.errors import PeerJournalError
from peerjournal.exporters.json_ import BACKUP_SCHEMA, cut_short
from peerjournal.plural import joined
from peerjournal.textsafe import cut
from peerjournal.unique_json import KeyGivenTwice

if TYPE_CHECKING:
    from peerjournal.drafts import KeptDraft
    from peerjournal.redact import Person
    from peerjournal.supervision import SelfCheck, SupervisionRecord

BACKUP_FIELDS = {"schema", "entries", "people", "self_checks", "supervisions", "drafts",
                 "journal"}
PERSON_FIELDS = {"name", "alias", "created_at"}
CHECK_FIELDS = {"id", "created_at", "complete", "answers"}
ANSWER_FIELDS = {"score", "note"}
SUPERVISION_FIELDS = {"id", "date", "note", "created_at"}
DRAFT_FIELDS = {"kind", "name", "entry_id", "modified", "text", "base64"}
# the names peerjournal gives drafts ("20261120-183000-2.json", "entry-4-20261120-183000.md"):
# a plain file name, never a path
_DRAFT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,120}")

TEXT_FIELDS = ("experience", "feelings", "evaluation", "setting", "mode", "prompt_set", "self_care")
ENTRY_FIELDS = {*TEXT_FIELDS, "tags", "answers", "date", "shared"}
# what `list`, `show` and `search --json` add to an entry, which an import makes anew: its
# score (`drift`, and the numbers `cli.browse.with_scores` gives beside it), search hits, trash
# (and whether delete/restore found it there "already"), an edit's "dry_run"
IGNORED_FIELDS = {"id", "created_at", "updated_at", "drift", "snippet", "matches", "deleted_at",
                  "verdict", "identity_per_100_words", "drift_per_100_words", "balance", "words",
                  "already", "dry_run"}
_RECORD_KEYS = ENTRY_FIELDS | IGNORED_FIELDS  # (made once, not for each record)
# a record's fields as an error about an unknown one lists them (those of `list --json` that
# an import ignores, as `drift`, left out)
RECORD_FIELDS_LISTED = (
    "date", "experience", "feelings", "evaluation", "self_care", "setting", "mode",
    "prompt_set", "tags", "answers", "shared", "id", "created_at", "updated_at",
)
FIELD_NAME_SHOWN = 20  # characters of an unknown field's name an error shows
UNKNOWN_SHOWN = 8  # unknown fields of one record an error names (then "and 3 more")
RECORDS_SHOWN = 5  # records with unknown fields an error names
_JRNL_TAG = re.compile(r"(?<![\w@])@([\w][\w\-/+.]*\w|\w)")
_BRACKET_HEADER = re.compile(r"^\[(?P<stamp>[^\]]*)\]\s?(?P<title>.*)$")
_BARE_HEADER = re.compile(
    r"^(?P<stamp>\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?|"
    r"\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2})\s(?P<title>.*)$"
)
SUMMARY_NOT_BACKUP = (
    "This is a summary for a mentor, not a backup: it holds no entries to import. A backup "
    "is made with `peerjournal export --full`."
)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?")


def _is_stamp(stamp: str) -> bool:
    """A jrnl header's stamp has a time and a date: "[10:30] called back" is a body line."""
    time = _TIME.search(stamp)
    if time is None:
        return False
    return any(c.isdigit() for c in stamp[: time.start()] + stamp[time.end() :])


@dataclass
class ImportRecord:
    """An entry to import. `zoneless`: its creation time was written without a zone (jrnl's),
    so it is the same entry as one in the journal with that wall-clock time, whatever offset
    that one was stored with (earlier versions gave every stamp the importing day's offset)."""

    draft: EntryDraft
    kept: KeptIdentity
    zoneless: bool = False
    unreadable: list[str] = field(default_factory=list)  # its tags that held U+FFFD, as stored
    controls: list[str] = field(default_factory=list)  # its tags that held control characters
    # its timestamps, when odd: "future" (made after today), "reordered" (changed before it
    # was made, by its updated_at: now read as made then)
    clock: str = ""
    ahead: bool = False  # dated tomorrow, today where it was written (`entry.ZONE_AHEAD`)


@dataclass(frozen=True)
class DateOrder:
    """How a jrnl text journal's numeric dates (03/04/2026) were read, and the stamp that
    shows it: month first, as one that can only be month/day/year shows (no `example`: as
    --month-first said); or day first although no stamp could tell, `day` being what
    `example` was read as."""

    month_first: bool
    example: str
    line: int
    day: date | None = None


@dataclass
class Imported:
    """What a file holds: its format's name, its entries and (a full backup) its people,
    self-checks, supervision records and drafts. A self-check or supervision record whose `id`
    is 0 had none in the file that could be kept."""

    kind: str
    records: list[ImportRecord]
    people: list[Person]
    listed_at: dict[str, datetime] = field(default_factory=dict)  # person's name -> when added
    checks: list[SelfCheck] = field(default_factory=list)
    supervisions: list[SupervisionRecord] = field(default_factory=list)
    drafts: list[KeptDraft] = field(default_factory=list)
    dates: DateOrder | None = None  # a jrnl text journal's, when there is something to say
    journal: str | None = None  # a backup's journal ID (`Store.journal_id`), if it gives one


class ImportFileError(PeerJournalError):
    """What is wrong in a file to import: `file` (its name as given, or "standard input"),
    `where` in it ("Record 3", "Line 12"; "" for the file as a whole) and `problem`, said as
    one line by `_worded`. No error of `read_import` leaves out which file it is about."""

    def __init__(self, file: str, where: str, problem: str) -> None:
        super().__init__(_worded(file, where, problem))
        self.file, self.where, self.problem = file, where, problem


def _worded(file: str, where: str, problem: str) -> str:
    """The line for `problem` at `where` in `file`: "backup.json: record 3: 'date' is not a
    YYYY-MM-DD date. Nothing was imported." (import is all or nothing, and says so)."""
    said = after_prefix(where, problem) if where else problem
    if "nothing was imported" not in said.casefold():
        said = f"{said.rstrip()} Nothing was imported."
    return after_prefix(file, said)


class _Bad(PeerJournalError):
    """What is wrong at `where` in the file being read ("Record 3", "Line 12"): its message is
    the problem alone, and `read_import` names the file (`ImportFileError`)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(problem)
        self.where = where


class _At:
    """A check made elsewhere (`entry.validate`, `redact.check_name`, …) failing, said as
    being about `where`. (A class: a third of what a generator's costs, once for each record.)"""

    def __init__(self, where: str) -> None:
        self.where = where

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: object) -> None:
        if isinstance(exc, PeerJournalError):
            raise _Bad(self.where, exc.message) from None


def read_capped(handle: BinaryIO, source: str, cap: int) -> bytes:
    """The bytes to import from `handle` (a file, standard input), unpacked when they are
    gzip-compressed (a backup kept as `backup.json.gz`, as the README suggests making one);
    refused by name when there are more than `cap` of them, before they take the memory: a
    file by its size, having read only its first bytes (a journal file itself is refused by
    name, whatever its size); a pipe once cap + 1 bytes are read; what a gzip file unpacks
    to, counted a piece at a time before any of it is kept (a gzip bomb)."""
    size = _file_size(handle)
    data = handle.read(16 if size > cap else cap + 1)
    if data.startswith(b"SQLite format 3\x00"):  # a copy of a journal, not an export of one
        import shlex

        db = shlex.quote(source)
        raise PeerJournalError(
            f"{source} is a journal itself (a SQLite file), not a file to import. Open it with "
            f"`peerjournal --db {db} list`; to bring its entries into this journal, make a "
            f"backup of it (`peerjournal --db {db} export --full --output backup.json`) and "
            "import that."
        )
    if max(size, len(data)) > cap:
        raise _too_large(source, cap)
    return _gunzipped(data, source, cap) if data.startswith(b"\x1f\x8b") else data


def _file_size(handle: BinaryIO) -> int:
    """The size of the file `handle` reads (standard input given one with `<` too); 0 for a
    pipe, a terminal or a device, whose size is only known once read."""
    import os
    import stat

    try:
        status = os.fstat(handle.fileno())
    except (OSError, ValueError):  # no descriptor (a test's input)
        return 0
    return status.st_size if stat.S_ISREG(status.st_mode) else 0


def _too_large(source: str, cap: int, unpacked: bool = False) -> PeerJournalError:
    return PeerJournalError(
        f"{source} is larger than {cap // 1024 // 1024} MB{' unpacked' if unpacked else ''}, "
        "more than `import` reads: split it into smaller files and import each. Nothing was "
        "imported."
    )


_PIECE = 1024 * 1024  # what a gzip file is unpacked by while its size is counted


def _gunzipped(packed: bytes, source: str, cap: int) -> bytes:
    """gzip-compressed bytes unpacked a piece at a time, refused as soon as they come to more
    than `cap` (a gzip bomb never takes more memory than the cap)."""
    import gzip
    import io
    import zlib

    try:
        unpacked = io.BytesIO()  # (its value is taken without a copy)
        with gzip.GzipFile(fileobj=io.BytesIO(packed)) as unpacking:
            while piece := unpacking.read(_PIECE):
                if unpacked.tell() + len(piece) > cap:
                    raise _too_large(source, cap, unpacked=True)
                unpacked.write(piece)
        return unpacked.getvalue()
    except EOFError:
        raise PeerJournalError(
            f"{source} is gzip-compressed and cut short (a copy or download that did not "
            "finish); nothing was imported."
        ) from None
    except (OSError, zlib.error):
        raise PeerJournalError(
            f"{source} is gzip-compressed but damaged; nothing was imported."
        ) from None


def read_import(
    text: str, source: str, tz: tzinfo, today: date, month_first: bool = False
) -> Imported:
    """Detect the format and parse every record and, in a full backup, every person. `source`:
    the file's name (or "standard input"), which every error names (`ImportFileError`), with
    the record or line it is about; `tz`: for a zoneless jrnl stamp whose date the system
    clock cannot place (see `_local_time`); `month_first`: a jrnl text journal's numeric dates
    are month/day/year, whatever it shows."""
    try:
        with _uncollected():
            return _read(text, tz, today, month_first)
    except PeerJournalError as exc:
        where = exc.where if isinstance(exc, _Bad) else ""
        raise ImportFileError(source, where, exc.message) from None


@contextmanager
def _uncollected() -> Iterator[None]:
    """No cyclic garbage collection while a file is read: its records hold no cycles, yet
    collections run again and again over all of them as they pile up (~10% of reading a
    backup of 20,000 entries)."""
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read(text: str, tz: tzinfo, today: date, month_first: bool) -> Imported:
    stripped = text.lstrip()
    try:
        _refuse_json_value(stripped)
        data = (json.loads(text, object_pairs_hook=_one_value_each)
                if stripped.startswith(("[", "{")) else None)
    except RecursionError:
        raise PeerJournalError("Not valid JSON for an import: nested too deeply.") from None
    except KeyGivenTwice as exc:  # json.loads would keep the last: the other's words lost
        raise _given_twice(text, exc.key) from None
    except ValueError as exc:
        header = _BRACKET_HEADER.match(stripped.split("\n", 1)[0])
        if not header or any(c in header.group("stamp") for c in '{["'):
            raise _not_json(exc, text) from None
        data = None  # a jrnl text journal starts with "[" too (its errors name the line)
    if isinstance(data, list):
        return Imported("peerjournal JSON", _records(data, today), [])
    if isinstance(data, dict) and ("schema" in data or _backup_without_schema(data)):
        return _backup(data, today)
    if isinstance(data, dict) and "entries" not in data and "experience" in data:
        return Imported("peerjournal JSON", _records([data], today), [])  # `show --json`
    if isinstance(data, dict):
        return Imported("jrnl JSON", _jrnl_json(data, tz, today), [])
    records, order = _jrnl_text(text, tz, today, month_first)
    return Imported("jrnl text", records, [], dates=order)


def _one_value_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """`json.loads`'s object_pairs_hook for a file to import: a key given twice with one value
    is kept once (no words are lost); given two values, `KeyGivenTwice`."""
    found = dict(pairs)
    if len(found) < len(pairs):
        for key, value in pairs:
            if repr(value) != repr(found[key]):  # (repr: true and 1 are not one value)
                raise KeyGivenTwice(key)
    return found


class _Twice(dict[str, Any]):
    """An object read with a key given two values (`key`), marked so by `_marking`."""

    key = ""


def _marking(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    try:
        return _one_value_each(pairs)
    except KeyGivenTwice as exc:
        marked = _Twice(pairs)
        marked.key = exc.key
        return marked


def _twice_at(value: Any, path: tuple[str | int, ...] = ()) -> tuple[str, tuple[str | int, ...]]:
    """The first key given twice in `value` read with `_marking`, and the fields and places in
    lists that lead to the object holding it; ("", ()) if there is none."""
    if isinstance(value, _Twice):
        return value.key, path
    inside = (value.items() if isinstance(value, dict)
              else enumerate(value) if isinstance(value, list) else ())
    for name, child in inside:
        if (found := _twice_at(child, (*path, name)))[0]:
            return found
    return "", ()


# Where a backup's lists are in it, as its other errors name them ("Record 3", "Person 2")
_PLACES = {"entries": "Record", "people": "Person", "self_checks": "Self-check",
           "supervisions": "Supervision", "drafts": "Draft"}


def _given_twice(text: str, key: str) -> PeerJournalError:
    """The error for a key given two values in the file: read once more, marking the object
    that holds it, to name the record it is in (as every other error does) and the field. (A
    file that is no JSON further on is refused as such.)"""
    try:
        data = json.loads(text, object_pairs_hook=_marking)
    except ValueError as exc:
        return _not_json(exc, text)
    try:
        found = _twice_at(data)
    except RecursionError:  # (nested nearly as deep as can be read: the place is not named)
        found = ("", ())
    key, path = found if found[0] else (key, ())
    where, inner = "", path
    if path and isinstance(path[0], int):
        where, inner = f"Record {path[0] + 1}", path[1:]
    elif len(path) > 1 and isinstance(data, dict) and isinstance(path[1], int):
        backup = "schema" in data or _backup_without_schema(data)
        place = _PLACES.get(str(path[0])) if backup else "Entry" if path[0] == "entries" else None
        if place:
            where, inner = f"{place} {path[1] + 1}", path[2:]
    elif isinstance(data, dict) and "experience" in data:  # one entry (`show --json`)
        where = "Record 1"
    fields = ".".join(str(name) for name in inner if isinstance(name, str))
    held = (f" in {cut(fields, 41)!r}" if fields else "" if where
            else " in the file's outer object" if found[0] else " in one object of the file")
    return _Bad(where, f"{cut(key, 41)!r} is given twice{held}, with two values, which no "
                "export writes; peerjournal will not guess which to keep. Nothing was imported.")


def _refuse_json_value(text: str) -> None:
    """Refuse, as such, a file holding a JSON value other than an object or array (null,
    "hello", 42): not read as a jrnl journal that lacks its headers."""
    if text.startswith(("[", "{")):
        return
    try:
        value = json.loads(text)
    except ValueError:  # not JSON: a jrnl journal, say
        return
    kind = {type(None): "null", bool: "true or false", str: "a text", int: "a number",
            float: "a number"}[type(value)]
    raise PeerJournalError(
        f"This is JSON, but only {kind}: not a peerjournal backup (`export --full`), JSON "
        "entries or jrnl's JSON export. Nothing was imported."
    )


def _backup_without_schema(data: dict[str, Any]) -> bool:
    """Whether `data` is a peerjournal backup whose "schema" was lost (a hand edit): its
    entries peerjournal's (an 'experience', no jrnl 'body'). A field no backup has is then
    said as such (`_only`), not read as a jrnl export's."""
    entries = data.get("entries")
    return (
        isinstance(entries, list) and bool(entries)
        and all(isinstance(e, dict) and "experience" in e and "body" not in e for e in entries)
    )


def _not_json(exc: ValueError, text: str) -> PeerJournalError:
    """The error for a file that starts as JSON and is not: one cut short (a copy or download
    that stopped part way, a full disk) says so, rather than blame a missing quote."""
    if isinstance(exc, json.JSONDecodeError) and cut_short(text, exc):
        lines = text.rstrip().count("\n") + 1
        return PeerJournalError(
            f"Not valid JSON: the file ends part way through (after line {lines:,}), as a "
            "file cut short does (a copy or download that did not finish). Nothing was "
            "imported; import a complete copy."
        )
    if not isinstance(exc, json.JSONDecodeError):  # Python's limit on a number's digits
        return PeerJournalError(
            "Not valid JSON for an import: a number in it is thousands of digits long (no "
            "field of a backup is). Nothing was imported."
        )
    return PeerJournalError(f"Not valid JSON: {exc}.")


def _records(items: list[Any], today: date) -> list[ImportRecord]:
    """The records of `items`; an unknown field in one is named with every other unknown field
    of the file, and the records that have them, so that one pass fixes them all."""
    try:
        return [_record(item, n, today) for n, item in enumerate(items, 1)]
    except UnknownField:
        unknown = {
            n: set(item) - _RECORD_KEYS
            for n, item in enumerate(items, 1)
            if isinstance(item, dict)
        }
        holding = [str(n) for n, keys in unknown.items() if keys]
        shown = holding[:RECORDS_SHOWN] + (
            [f"{len(holding) - RECORDS_SHOWN} more"] if len(holding) > RECORDS_SHOWN else []
        )
        raise UnknownField(
            f"Record{'s' if len(holding) > 1 else ''} {joined(shown)}",
            sorted(set().union(*unknown.values())), list(RECORD_FIELDS_LISTED),
        ) from None


def _backup(data: dict[str, Any], today: date) -> Imported:
    """A full backup; one without its "schema" (a hand edit) is read as one of this version's.
    A field this version does not know, in a file that says it is a peerjournal backup, is
    likely one a newer version added; in one that does not, a slip of the hand, said with the
    fields there are (`_only`)."""
    try:
        return _backup_records({"schema": BACKUP_SCHEMA, **data}, today)
    except UnknownField as exc:
        if "schema" not in data:
            raise
        raise _Bad(
            exc.where,
            f"{exc.named}: a backup made by a newer peerjournal? Upgrade to import it. "
            "Nothing was imported.",
        ) from None


def _backup_records(data: dict[str, Any], today: date) -> Imported:
    schema = data["schema"]
    if schema != BACKUP_SCHEMA:
        if isinstance(schema, str) and schema.startswith("peerjournal.summary/"):
            raise PeerJournalError(SUMMARY_NOT_BACKUP)
        if isinstance(schema, str) and schema.startswith("peerjournal.backup/"):
            raise PeerJournalError(
                f"This backup ({schema}) was made by a newer peerjournal: upgrade to import it."
            )
        raise PeerJournalError(f"Unknown schema {str(schema)[:60]!r}: not a peerjournal backup.")
    _only(data, BACKUP_FIELDS, "")
    entries, people = _list(data, "entries", "entries"), _list(data, "people", "people")
    checks = _list(data, "self_checks", "self-checks")
    sessions = _list(data, "supervisions", "supervision records")
    drafts = _list(data, "drafts", "drafts")
    listed = [_person(item, n) for n, item in enumerate(people, 1)]
    return Imported(
        "peerjournal backup",
        _records(entries, today),
        [person for person, _ in listed],
        {person.name: stamp for person, stamp in listed if stamp is not None},
        [_self_check(item, n, today) for n, item in enumerate(checks, 1)],
        [_supervision(item, n, today) for n, item in enumerate(sessions, 1)],
        [_draft(item, n) for n, item in enumerate(drafts, 1)],
        journal=_journal_id(data),
    )


def _journal_id(data: dict[str, Any]) -> str | None:
    """A backup's journal ID; a "journal" that is not one (a hand edit) is refused: taken, it
    would join this journal's summaries to another writer's."""
    from peerjournal.reviewing import JOURNAL_ID, JOURNAL_ID_FORM

    found = data.get("journal")
    if found is None or (isinstance(found, str) and JOURNAL_ID.fullmatch(found)):
        return found
    raise PeerJournalError(
        f"The backup's 'journal' should be a journal ID ({JOURNAL_ID_FORM}), as `export "
        "--full` writes it. Nothing was imported: remove it to import the rest (the journal "
        "then keeps, or makes, an ID of its own)."
    )


def _list(data: dict[str, Any], key: str, what: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise PeerJournalError(f"The backup's '{key}' should be a list of {what}.")
    return value


class UnknownField(_Bad):
    """The fields of a record this version does not know, all of them, so that one pass fixes
    them (`named`: "unknown field 'mood'", "unknown fields 'energy' and 'mood'"), said with
    the fields there are: in a backup, most likely ones a newer version added (`_backup`)."""

    def __init__(self, where: str, keys: list[str], fields: list[str]) -> None:
        names = [_field_name(key) for key in keys[:UNKNOWN_SHOWN]]
        if len(keys) > UNKNOWN_SHOWN:
            names.append(f"{len(keys) - UNKNOWN_SHOWN} more")
        self.named = f"unknown field{'s' if len(keys) > 1 else ''} {joined(names)}"
        super().__init__(where, f"{self.named} (the fields are: {', '.join(fields)}).")


def _field_name(key: str) -> str:
    """A field's name as an error quotes it: a long one (journal text pasted as a key?) cut
    short, a control character in it shown as an escape."""
    from peerjournal.textsafe import clean, cut

    return repr(cut(clean(key, multiline=False), FIELD_NAME_SHOWN))


def _only(
    item: dict[str, Any], allowed: set[str], where: str, listed: tuple[str, ...] = ()
) -> None:
    """Refuse the fields not `allowed` in `item` (at `where`; "": the backup itself), naming
    each of them and the fields there are (`listed`, else those `allowed`)."""
    if allowed.issuperset(item):  # (the common case, without making a set)
        return
    unknown = set(item) - allowed
    if unknown:
        raise UnknownField(where, sorted(unknown), list(listed) or sorted(allowed))


def _person(item: Any, n: int) -> tuple[Person, datetime | None]:
    """A listed person, and when they were added to the list (if the backup says)."""
    from peerjournal.redact import Person, check_name

    where = f"Person {n}"
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise _Bad(where, "expected an object with a 'name'.")
    _only(item, PERSON_FIELDS, where)
    alias = item.get("alias")
    if alias is not None and not isinstance(alias, str):
        raise _Bad(where, "'alias' should be text or null.")
    with _At(where):
        name = check_name(item["name"], kept=True)  # (as older versions took it)
    person = Person(name, (alias.strip() or None) if alias else None)
    return person, _stamp(item.get("created_at"), where, "created_at")


def _self_check(item: Any, n: int, today: date) -> SelfCheck:
    """A self-check as stored, as `review` would take it in a summary (`selfcheck_rules`).
    Errors name its position and item ids, never a note."""
    from peerjournal.dates import local_day
    from peerjournal.selfcheck_rules import complete_but_empty, dated_too_late
    from peerjournal.supervision import Answer, SelfCheck, check_score, is_item_id

    where = f"Self-check {n}"
    if not isinstance(item, dict):
        raise _Bad(where, "expected an object with 'created_at', 'complete' and 'answers'.")
    _only(item, CHECK_FIELDS, where)
    created = _required_stamp(item, where)
    if not isinstance(item.get("complete"), bool):
        raise _Bad(where, "'complete' should be true or false.")
    given = item.get("answers")
    if not isinstance(given, dict):
        raise _Bad(where, "'answers' should map item ids to a score and a note.")
    answers: dict[str, Answer] = {}
    for k, (item_id, value) in enumerate(given.items(), 1):
        if not is_item_id(item_id):  # not quoted: it might be anything, a note included
            raise _Bad(
                where, f"answer {k} is not under an item id (lower-case letters, digits, _)."
            )
        if not isinstance(value, dict):
            raise _Bad(where, f"{item_id}: expected an object with a 'score'.")
        _only(value, ANSWER_FIELDS, f"{where}: {item_id}")
        with _At(where):
            score = check_score(value.get("score"), item_id)
        note = value.get("note", "")
        if not isinstance(note, str):
            raise _Bad(where, f"{item_id}: 'note' should be text.")
        answers[item_id] = Answer(score, _characters(note, f"{where}: {item_id}", "note"))
    if complete_but_empty(len(answers), item["complete"]):
        raise _Bad(where, "it is marked complete but answers no item ('answers' is empty).")
    if dated_too_late(day := local_day(created), today):
        raise _Bad(where, f"'created_at' is {day}, in the future (today is {today}).")
    return SelfCheck(_kept(item.get("id")), created, answers, item["complete"])


def _supervision(item: Any, n: int, today: date) -> SupervisionRecord:
    """A recorded supervision as stored (`supervision done`)."""
    from peerjournal.supervision import SupervisionRecord

    where = f"Supervision {n}"
    if not isinstance(item, dict):
        raise _Bad(where, "expected an object with 'date' and 'created_at'.")
    _only(item, SUPERVISION_FIELDS, where)
    day = _date(item.get("date"), where, today)
    if not EARLIEST <= day <= LATEST:  # as `supervision done --date` refuses it
        raise _Bad(where, f"'date' {day.isoformat()} is out of range: use a date from 1 Jan "
                   f"{EARLIEST.year} to 31 Dec {LATEST.year}.")
    if day > _latest(today):  # (tomorrow: today where it was recorded, as for an entry)
        raise _Bad(where, f"'date' {day.isoformat()} is in the future.")
    note = item.get("note", "")
    if not isinstance(note, str):
        raise _Bad(where, "'note' should be text.")
    created = _required_stamp(item, where)
    return SupervisionRecord(
        _kept(item.get("id")), day, _characters(note, where, "note"), created
    )


def _draft(item: Any, n: int) -> KeptDraft:
    """An unfinished draft as the backup carries it. Errors name its position, never its
    text (nor its name: it might be anything)."""
    from peerjournal.drafts import KINDS, KeptDraft

    where = f"Draft {n}"
    if not isinstance(item, dict):
        raise _Bad(where, "expected an object with 'kind', 'name', 'modified' and 'text'.")
    _only(item, DRAFT_FIELDS, where)
    kind = item.get("kind")
    if kind not in KINDS:
        raise _Bad(where, "'kind' should be guided, editor or edit.")
    name = item.get("name")
    suffix = ".json" if kind == "guided" else ".md"
    if not (isinstance(name, str) and name.endswith(suffix)
            and _DRAFT_NAME.fullmatch(name.removesuffix(suffix))):
        raise _Bad(
            where, f"'name' should be a draft's file name, like 20261120-183000{suffix}."
        )
    entry_id = item.get("entry_id")
    if entry_id is not None and not (kind == "edit" and _keepable_id(entry_id)):
        raise _Bad(where, "'entry_id' should be an entry's ID (an edit's) or null.")
    modified = _stamp(item.get("modified"), where, "modified")
    if modified is None:
        raise _Bad(where, "'modified' is missing (an ISO 8601 timestamp).")
    return KeptDraft(kind, name, entry_id, modified, _draft_content(item, where))


def _draft_content(item: dict[str, Any], where: str) -> bytes:
    """A draft file's bytes: its "text", or (a file in another encoding) its "base64"."""
    import base64
    import binascii

    text, packed = item.get("text"), item.get("base64")
    if isinstance(text, str) and packed is None:
        return _characters_only(text, where, "text").encode("utf-8")
    if isinstance(packed, str) and text is None:
        try:
            return base64.b64decode(packed, validate=True)
        except (binascii.Error, ValueError):
            raise _Bad(where, "'base64' is not base64.") from None
    raise _Bad(where, "expected its 'text' (or, in another encoding, 'base64').")


def _kept(value: Any) -> int:
    """A record's id to keep, or 0: none that could be kept, or one over HIGHEST_KEPT_ID."""
    from peerjournal.db.store import HIGHEST_KEPT_ID

    return int(value) if _keepable_id(value) and value <= HIGHEST_KEPT_ID else 0


def _required_stamp(item: dict[str, Any], where: str) -> datetime:
    stamp = _stamp(item.get("created_at"), where, "created_at")
    if stamp is None:
        raise _Bad(where, "'created_at' is missing (an ISO 8601 timestamp).")
    return stamp


def _record(item: Any, n: int, today: date) -> ImportRecord:
    where = f"Record {n}"
    if not isinstance(item, dict):
        raise _Bad(where, "expected an object with at least 'date' and 'experience'.")
    _only(item, _RECORD_KEYS, where, RECORD_FIELDS_LISTED)
    values: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        value = item.get(key, "")
        if not isinstance(value, str):
            raise _Bad(where, f"'{key}' should be text.")
        values[key] = _characters(value, where, key)
    tags, answers = item.get("tags", []), item.get("answers", {})
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _Bad(where, "'tags' should be a list of text.")
    if not isinstance(answers, dict) or not all(isinstance(v, str) for v in answers.values()):
        raise _Bad(where, "'answers' should map question ids to text.")
    for key, answer in answers.items():
        _characters(answer, where, f"answers.{key}")
    if not isinstance(item.get("shared", False), bool):
        raise _Bad(where, "'shared' should be true or false.")
    draft = EntryDraft(
        date=_date(item.get("date"), where, today),
        tags=tags,
        answers=answers,
        shared=item.get("shared", False),
        **values,
    )
    draft.mode = draft.mode or "on-action"
    draft.prompt_set = draft.prompt_set or "boud"
    kept = KeptIdentity(
        id=_record_id(item.get("id"), where),
        created_at=_stamp(item.get("created_at"), where, "created_at"),
        updated_at=_stamp(item.get("updated_at"), where, "updated_at"),
    )
    record = _checked(draft, where, today, kept)
    made, changed = kept.created_at, kept.updated_at
    # kept: the same record imported again is matched by it. A stamp of tomorrow was made
    # where that is today (`entry.ZONE_AHEAD`), not by a clock set wrong.
    if made and made.date() > _latest(today):
        record.clock = "future"
    elif made and changed and changed < made:
        kept.updated_at, record.clock = made, "reordered"
    return record


def _latest(today: date) -> date:
    """The latest date a record may hold when it is read `today`: tomorrow, today where it
    was written (`entry.ZONE_AHEAD`), or the calendar's last day (`dates.LATEST`) on it."""
    return LATEST if today >= LATEST - ZONE_AHEAD else today + ZONE_AHEAD


def _record_id(value: Any, where: str) -> int | None:
    """A record's `id`, or None when it has none. The import keeps it as the entry's ID when
    every record's is free and none is over `store.HIGHEST_KEPT_ID` (else they all get new
    ones, and the import says why: one past what SQLite can store, 2**63 or more, too), and
    maps a backup's unsaved edits to their entry by it."""
    if value is None or (type(value) is int and value > 0):
        return value
    raise _Bad(where, "'id' should be an entry's ID (a whole number, 1 or more).")


def _characters(value: str, where: str, key: str) -> str:
    """JSON text as given, refusing a \\ud800-style escape that is no character (a lone
    surrogate, from a broken exporter): it cannot be stored, and the entry's own check would
    blame the command line."""
    _characters_only(value, where, key)
    # said here, where the part can be named (normalising never makes a text longer: only
    # one longer than the limit can be over it as stored)
    if len(value) > MAX_TEXT_CHARS and (size := len(normalised_text(value))) > MAX_TEXT_CHARS:
        raise _Bad(
            where, f"'{key}' is {size:,} characters; an entry can hold at most "
            f"{MAX_TEXT_CHARS:,} in each part: split it, or shorten it in the file."
        )
    return value


def _characters_only(value: str, where: str, key: str) -> str:
    """`value`, unless it holds a lone surrogate (see `_characters`)."""
    if not value.isascii() and _holds_surrogate(value):
        raise _Bad(
            where, f"'{key}' holds a \\u escape that is not a character (a lone surrogate, "
            "\\ud800-\\udfff); fix it in the file."
        )
    return value


def _holds_surrogate(value: str) -> bool:
    """Whether `value` holds a lone surrogate: what UTF-8 cannot encode (4 times faster than
    searching for one)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _keepable_id(value: Any) -> bool:
    """A positive whole number SQLite can store (not true/false, not beyond 64 bits)."""
    return type(value) is int and 0 < value < 2**63


def _date(value: Any, where: str, today: date) -> date:
    if value is None:
        raise _Bad(where, "'date' is missing (use YYYY-MM-DD).")
    if not isinstance(value, str):  # 20261101, a list: there, but not as text
        raise _Bad(where, "'date' should be text such as \"2026-11-01\" (YYYY-MM-DD).")
    try:
        return date.fromisoformat(value)
    except ValueError:  # the value is not quoted: it might be journal text in the wrong place
        if _ISO_DAY.fullmatch(value):  # digits only: safe to show
            raise _Bad(where, f"'date' {value} is no day of the calendar.") from None
        raise _Bad(where, "'date' is not a YYYY-MM-DD date.") from None


def _stamp(value: Any, where: str, key: str) -> datetime | None:
    if value is None:
        return None
    try:
        stamp = datetime.fromisoformat(str(value))
    except ValueError:  # not quoted, as in `_date`
        raise _Bad(
            where, f"'{key}' is not an ISO 8601 timestamp (like 2026-11-20T18:30:00+00:00)."
        ) from None
    return stamp if stamp.tzinfo else _local_time(stamp, UTC)  # (0001-01-01T00:00 overflows)


def _checked(
    draft: EntryDraft, where: str, today: date, kept: KeptIdentity, zoneless: bool = False
) -> ImportRecord:
    """The record of `draft`, checked as `write` checks an entry but for its tags, which are
    not new (see `entry.normalise_tag`): a tag is kept however long the journal it came from
    let it be, and a mark U+FFFD in one (a character that journal could not read: bytes that
    were not UTF-8) is a break between words, as earlier versions stored it ("hand-over"),
    and is noted (`unreadable_note`); a tag of marks alone is left out. A whole backup is not
    refused for a tag its journal holds."""
    unreadable, controls, tags = [], [], []
    for tag in draft.tags:
        if REPLACEMENT in tag:
            try:
                tag = normalise_tag(tag.replace(REPLACEMENT, " "), new=False)
            except PeerJournalError:  # nothing readable in it
                tag = ""
            unreadable.append(tag)
        elif _CONTROL.search(tag):  # a break between words, as for a tag typed (NUL, tab)
            with _At(where):
                controls.append(normalise_tag(tag, new=False))
        tags += [tag] if tag else []
    draft.tags = []  # (`validate` would normalise them last: `_normalised_tags` does)
    with _At(where):
        # a backup is not refused for an entry dated tomorrow: today where it was written
        checked = validate(draft, today, new_tags=False, may_be=_latest(today))
        checked.tags = list(_normalised_tags(tuple(tags)))
    return ImportRecord(
        checked, kept, zoneless, unreadable, controls, ahead=checked.date > today
    )


def _ahead_note(records: list[ImportRecord], would: bool) -> str:
    """Entries dated tomorrow, imported as dated ("" if none): written where the date was
    already tomorrow (another time zone), `report` leaves them out until that day."""
    from peerjournal.plural import counted

    ahead = [record.draft.date for record in records if record.ahead]
    if not ahead:
        return ""
    one = len(ahead) == 1
    return (
        f"{counted(len(ahead), 'entry')} {'is' if one else 'are'} dated {ahead[0].isoformat()}, "
        f"after today here (written where the date was already tomorrow?): "
        f"{'would be ' if would else ''}imported as dated."
    )


@lru_cache(maxsize=1024)
def _normalised_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """A record's tags as `validate` stores an import's, worked out once for each list of
    them: a journal's records share a few, and each tag takes its characters one by one
    (a fifth of reading a backup of 20,000 entries)."""
    from peerjournal.entry import normalise_tags

    return tuple(normalise_tags(list(tags), new=False))


def import_notes(records: list[ImportRecord], *, would: bool = False) -> list[str]:
    """What the import changed in the records, one line each (`would`: for a dry run): tags
    that held characters no tag holds, and timestamps out of order (see `_record`)."""
    from peerjournal.plural import counted
    from peerjournal.textsafe import cut

    notes = [unreadable_note(records, would=would), _ahead_note(records, would)]
    controls = sorted({tag for record in records for tag in record.controls})
    if controls:
        shown = [cut(tag, 40) for tag in controls[:5]]
        shown += [f"{len(controls) - 5} more"] if len(controls) > 5 else []
        notes.append(
            f"{counted(len(controls), 'tag')} held control characters (a NUL, a tab, a line "
            f"break), which a tag cannot: {'would be ' if would else ''}imported with a "
            f"break between words in their place, as {joined(shown)}."
        )
    for clock, said in (
        ("future", "after today (a clock set wrong?): kept as written"),
        ("reordered", f"before its 'created_at': {'would be ' if would else ''}read as last "
                      "changed when made"),
    ):
        if n := sum(record.clock == clock for record in records):
            whose = "1 entry's" if n == 1 else f"{counted(n, 'entry')}'"
            notes.append(f"{whose} '{'created_at' if clock == 'future' else 'updated_at'}' "
                         f"{'is' if n == 1 else 'are'} {said}.")
    return [note for note in notes if note]


def unreadable_note(records: list[ImportRecord], *, would: bool = False) -> str:
    """The line to say when the records' tags held U+FFFD (see `_checked`): how many, and the
    tags made of them (`would`: for a dry run); "" when none did."""
    from peerjournal.plural import counted

    found = {tag for record in records for tag in record.unreadable}
    if not found:
        return ""
    named = sorted(found - {""})
    shown = named[:5] + ([f"{len(named) - 5} more"] if len(named) > 5 else [])
    be = "would be " if would else ""
    said = [f"{be}imported as {joined(shown)}"] if shown else []
    said += [f"a tag of nothing else {be or 'is '}left out"] if "" in found else []
    return (
        f"{counted(len(found), 'tag')} held characters that could not be read (U+FFFD: bytes "
        f"that were not UTF-8 in the journal they came from): {'; '.join(said)}."
    )


def _jrnl_entry(
    title: str, body: str, stamp: datetime, starred: bool, tags: list[str], where: str, today: date
) -> ImportRecord:
    text = "\n".join(part for part in (title.strip(), body.strip()) if part)
    size = len(normalised_text(text))
    if size > MAX_TEXT_CHARS:  # the limit is an entry's, not the file's: named by its date
        from peerjournal.dates import spoken

        raise _Bad(
            where, f"The entry of {spoken(stamp.date())} is {size:,} characters; an entry can "
            f"hold at most {MAX_TEXT_CHARS:,}: split it, or shorten it in the file."
        )
    found = [*tags, *_JRNL_TAG.findall(text)] + (["starred"] if starred else [])
    draft = EntryDraft(
        date=stamp.date(), experience=text, prompt_set="jrnl", tags=[t.lstrip("@") for t in found]
    )
    return _checked(draft, where, today, KeptIdentity(created_at=stamp), zoneless=True)


DAY_ONE = (
    "This looks like a Day One export, which peerjournal does not read: `import` reads a "
    "peerjournal backup (`export --full`) or JSON entries, a jrnl journal or jrnl's JSON "
    "export. Nothing was imported."
)


def _day_one(data: dict[str, Any], entries: list[Any]) -> bool:
    """Whether `data`, a JSON object with a list of entries, is a Day One export: its
    "metadata", or entries with a "creationDate", or a "text" in place of jrnl's "body".
    Not read: its text is Markdown with escapes (\\.) and links to photos kept apart, and
    each entry's day is in a time zone of its own, so it would not come in as written."""
    return "metadata" in data or any(
        isinstance(e, dict) and ("creationDate" in e or ("text" in e and "body" not in e))
        for e in entries
    )


def _jrnl_json(data: dict[str, Any], tz: tzinfo, today: date) -> list[ImportRecord]:
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise PeerJournalError(
            "This JSON object is not a jrnl export (no 'entries' list), nor a peerjournal "
            "entry or backup."
        )
    if _day_one(data, entries):
        raise PeerJournalError(DAY_ONE)
    records = []
    for n, item in enumerate(entries, start=1):
        where = f"Entry {n}"
        if not isinstance(item, dict) or not isinstance(item.get("date"), str):
            raise _Bad(where, "expected an object with 'date', 'title' and 'body'.")
        title, body = item.get("title", ""), item.get("body", "")
        tags = item.get("tags", [])
        if not isinstance(title, str) or not isinstance(body, str) or not isinstance(tags, list):
            raise _Bad(where, "'title' and 'body' should be text, 'tags' a list.")
        title, body = _characters(title, where, "title"), _characters(body, where, "body")
        stamp = _jrnl_stamp(f"{item['date']} {item.get('time', '00:00')}", where, tz, today)
        records.append(
            _jrnl_entry(
                title, body, stamp, bool(item.get("starred")), [str(t) for t in tags], where,
                today,
            )
        )
    return records


def _jrnl_text(
    text: str, tz: tzinfo, today: date, month_first: bool
) -> tuple[list[ImportRecord], DateOrder | None]:
    """The entries of a jrnl text journal, and how its numeric dates were read when there is
    something to say (see `_date_order`). Each entry is checked as `write` checks one (its size
    included); the file as a whole has no limit here (see `cli.importer.MAX_IMPORT_BYTES`)."""
    from peerjournal.textsafe import shows_anything

    headers: list[tuple[int, str, str, list[str]]] = []  # line, stamp, title, body lines
    lines = normalised_text(text).splitlines() if shows_anything(text) else []
    for line_no, line in enumerate(lines, start=1):
        match = _BARE_HEADER.match(line) or _BRACKET_HEADER.match(line)
        if match and _is_stamp(match.group("stamp")):
            headers.append((line_no, match.group("stamp"), match.group("title"), []))
        elif headers:
            headers[-1][3].append(line)
        elif line.strip():
            raise _not_a_journal(line_no, line, text)
    if not headers:
        raise PeerJournalError("No entries found: the file is empty.")
    order = _date_order([(line_no, stamp) for line_no, stamp, _, _ in headers], month_first)
    records: list[ImportRecord] = []
    for line_no, raw, title, body in headers:
        where = f"Line {line_no}"
        stamp = _jrnl_stamp(raw, where, tz, today, order is not None and order.month_first)
        starred = title.rstrip().endswith(" *") or title.strip() == "*"
        title = title.rstrip().removesuffix("*").rstrip() if starred else title
        records.append(
            _jrnl_entry(title, "\n".join(body), stamp, starred, [], where, today)
        )
        if order and line_no == order.line and not order.month_first:
            order = replace(order, day=stamp.date())
    return records, order


# a stamp's date part written day/month or month/day: "03/04/2026", "3.4.26"
_DAY_MONTH = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$")


def _date_order(stamps: list[tuple[int, str]], month_first: bool) -> DateOrder | None:
    """How to read a jrnl journal's numeric dates, decided for the whole file (it has one
    format): month first when a stamp can only be month/day/year (11/13/2026) and none can
    only be day/month/year; else day first, peerjournal's rule. None when there is nothing to
    say: no stamp is day/month-shaped, or one can only be read day first. Both kinds are
    refused, naming one of each."""
    if month_first:
        return DateOrder(True, "", 0)
    day_only: tuple[int, str] | None = None
    month_only: tuple[int, str] | None = None
    either: tuple[int, str] | None = None
    for line_no, raw in stamps:
        m = _DAY_MONTH.match(raw.split()[0]) if raw.split() else None
        if m is None:
            continue
        first, second = int(m.group(1)), int(m.group(3))
        if first > 12 >= second:
            day_only = day_only or (line_no, m.group(0))
        elif second > 12 >= first:
            month_only = month_only or (line_no, m.group(0))
        elif either is None and first != second and first and second:
            either = (line_no, m.group(0))
    if day_only and month_only:
        raise PeerJournalError(
            f"The dates mix day-first ({day_only[1]}, line {day_only[0]}) and month-first "
            f"({month_only[1]}, line {month_only[0]}): a jrnl journal writes them one way, so "
            "correct the odd one in the file. Nothing was imported."
        )
    if month_only:
        return DateOrder(True, month_only[1], month_only[0])
    if either and not day_only:
        return DateOrder(False, either[1], either[0])
    return None


def _not_a_journal(line_no: int, line: str, text: str) -> PeerJournalError:
    """The error for text that opens with no jrnl entry header: a summary for a mentor (which
    holds no entries to bring back), an entry in the Markdown format (which `write` reads), or
    a file in no format `import` reads (a spreadsheet's CSV, say) is told as such."""
    from peerjournal.exporters.common import summary_form

    first = line.strip()
    if summary_form(text) is not None:
        return PeerJournalError(SUMMARY_NOT_BACKUP)
    if _SECTION_LINE.match(first) or _ENTRY_HEADER.match(first):
        return PeerJournalError(
            "This looks like an entry in the Markdown format, not a journal to import: "
            "`peerjournal write --from-file FILE` saves it. Nothing was imported."
        )
    return _Bad(
        f"Line {line_no}",
        "expected a jrnl entry header like '[2026-11-20 18:30] Title'. "
        "`import` reads a peerjournal backup (`export --full`) or JSON entries, a jrnl "
        "journal or jrnl's JSON export; nothing was imported."
    )


_SECTION_LINE = re.compile(r"^##\s+(?:experience|feelings|evaluation|self[- ]?care)\s*$", re.I)
_ENTRY_HEADER = re.compile(r"^(?:date|setting|tags|mode|prompts)\s*:", re.I)


def _jrnl_stamp(
    raw: str, where: str, tz: tzinfo, today: date, month_first: bool = False
) -> datetime:
    """A jrnl stamp: its date part by peerjournal's one rule for numeric dates (day/month/year,
    or year-month-day when the year comes first: `dates.numeric_date`; month/day/year when
    `month_first`), its time by dateutil; a zoneless one in the local zone of its date."""
    from dateutil import parser

    from peerjournal.dates import numeric_date

    words = raw.split()
    shape = _DAY_MONTH.match(words[0]) if words else None
    if month_first and shape:  # read day first, with day and month swapped back
        words[0] = f"{shape.group(3)}{shape.group(2)}{shape.group(1)}" + (
            f"{shape.group(2)}{shape.group(4)}" if shape.group(4) else ""
        )
    order = f" (read as {'month/day/year' if month_first else 'day/month/year'})" if shape else ""
    try:
        day = numeric_date(words[0], today) if words else None
    except PeerJournalError:  # numbers, but no date by that rule (or out of range)
        raise _Bad(where, f"cannot read the date {raw!r}{order}.") from None
    try:
        value = parser.parse(" ".join(words), dayfirst=day is not None and not raw[:4].isdigit())
    except (ValueError, OverflowError, IndexError):
        raise _Bad(where, f"cannot read the date {raw!r}{order}.") from None
    if day is not None:
        value = value.replace(year=day.year, month=day.month, day=day.day)
    return _local_time(value, tz) if value.tzinfo is None else value


def _local_time(value: datetime, fallback: tzinfo) -> datetime:
    """`value`, a wall-clock time written without a zone, with the local zone's offset on its
    own date (a summer stamp in London is +01:00 whenever it is imported), as `write` stores
    times. The wall time, and so the date, stay as written, even in a clock change's gap.
    `fallback` (today's zone) for a date the system clock cannot place (9999 in some zones)."""
    try:
        zone = value.astimezone().tzinfo
    except (OverflowError, OSError, ValueError):
        zone = fallback
    return value.replace(tzinfo=zone)
