"""Drafts: what the writer has typed, on disk after every answer, until the entry is saved.

One file per writing session in the journal's drafts folder (`paths.drafts_dir`: each journal
has its own): JSON for a guided write, Markdown for an editor session. Unsaved changes from
`edit` are kept in its `edits/entry-<ID>-….md`, their last line noting the entry's creation
time (`for_entry`): another journal's entry can have its ID (`Draft.is_of`); and a check of
the text as shown: one still as shown holds no change (`Draft.untouched`).
Writes are atomic (temp file + rename), so a crash leaves the previous version intact.
A draft that holds no typed text (a blank template, a session stopped at its first prompt)
is never kept. A full backup carries every draft (`for_backup`); `import` puts them back
beside what is there (`restore`).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import sys
import tempfile
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from peerjournal.errors import ExitCode, PeerJournalError, plain_hint
from peerjournal.textsafe import cut

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from peerjournal.context import AppContext
    from peerjournal.entry import Entry, EntryDraft

EDITS = "edits"
ORIGINALS = "originals"  # a draft's text's bytes as they came in, not UTF-8 (`Draft.original`)
_EDIT_NAME = re.compile(r"^entry-(\d+)-")
_WAS = "was-"
_WAS_NAME = re.compile(rf"^entry-\d+-{_WAS}")


def _command(folder: Path, command: str) -> str:
    """"`peerjournal COMMAND`" for the drafts in `folder`. A draft knows its folder, not its
    journal's path: another journal's drafts (`--db`) are named with a reminder of the --db,
    without which the command would find the default journal's."""
    from peerjournal import paths

    default = folder == paths.drafts_dir(paths.data_dir() / paths.DB_FILENAME)
    return plain_hint(command) + ("" if default else " with the same --db")


def _tags_as_stored(tags: list[str]) -> list[str]:
    """A guided draft's tags as saving stores them (`entry.normalise_tag`), so that its review
    shows them as they will be: a draft an older version kept holds 'ward-round.' with its
    full stop, which the review showed and saving dropped (QA r45). A tag that cannot be
    stored is shown as it was kept: saving says why."""
    from peerjournal.entry import normalise_tag

    shown: list[str] = []
    for tag in tags:
        with contextlib.suppress(PeerJournalError):
            tag = normalise_tag(tag)
        if tag not in shown:
            shown.append(tag)
    return shown


@dataclass
class Draft:
    path: Path
    _lock: IO[str] | None = field(default=None, repr=False, compare=False)
    # recovery files that outlive the draft (`keep_recovery_files`)
    _kept: frozenset[Path] = field(default=frozenset(), repr=False, compare=False)
    # its number in `peerjournal drafts`, as `everything` found it (None: not looked up)
    number: int | None = field(default=None, compare=False)

    @property
    def kind(self) -> str:
        """'guided', 'editor' (a `write --editor` draft) or 'edit' (unsaved changes to an entry)."""
        if self.path.parent.name == EDITS:
            return "edit"
        return "editor" if self.path.suffix == ".md" else "guided"

    @property
    def was(self) -> bool:
        """Whether this is an edit that holds an entry as it was before options replaced its
        text (`new_edit`): a copy to take words back from, not unsaved work. `edit ID` opens
        the entry as it is, never this (`unsaved_edits`); `drafts` lists it, a backup carries
        it, emptying the trash of its entry discards it (as the entry's other edits)."""
        return self.kind == "edit" and _WAS_NAME.match(self.path.name) is not None

    @property
    def entry_id(self) -> int | None:
        """For an edit, the entry it changes (None for edits kept by older versions)."""
        match = _EDIT_NAME.match(self.path.name) if self.kind == "edit" else None
        return int(match.group(1)) if match else None

    def modified(self) -> datetime:
        return datetime.fromtimestamp(self.path.stat().st_mtime).astimezone()

    def entry_created(self) -> datetime | None:
        """For an edit, the creation time of the entry it changes, as `for_entry` noted it
        (None: kept by an older version, the line removed, or the file cannot be read)."""
        try:
            noted = _FOR_ENTRY.findall(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None
        try:
            return datetime.fromisoformat(noted[-1]) if noted else None
        except ValueError:  # edited by hand
            return None

    def is_of(self, entry: Entry) -> bool:
        """Whether this edit changes `entry`, not another entry with its ID (of a journal
        this one replaced: moved aside and a backup imported; a --db at the same path). Known
        by the entry's creation time noted in it; one kept by an older version, by its text:
        another's only when it plainly does not hold this entry's (`_plainly_other`)."""
        created = self.entry_created()
        if created is not None:
            return created == entry.created_at
        try:
            texts = self.texts()
        except PeerJournalError:  # cannot be read: continued (and refused) as before
            return True
        return not _plainly_other(" ".join(texts.values()), entry)

    def as_new_entry(self) -> Draft:
        """Move this edit out of the edits, its bytes as they are, to a new-entry draft
        (`write --resume` saves it): as `restore` keeps an edit whose entry is missing."""
        return self._moved(self.path.parent.parent, _new_entry_stem(self.path.name))

    def as_edit_of(self, entry_id: int) -> Draft:
        """Name this edit, kept by a version before 12-04 (`YYYYMMDD-HHMMSS.md`: no entry in
        its name), as entry `entry_id`'s (`entry-ID-YYYYMMDD-HHMMSS.md`), its bytes and age
        as they are: `edit ID` continues it from now on, as it does today's."""
        return self._moved(self.path.parent, f"entry-{entry_id}-{self.path.stem}")

    def _moved(self, folder: Path, stem: str) -> Draft:
        """This draft renamed to a free name in `folder` (`stem.md`, or beside it)."""
        moved = _unclaimed(folder, stem, ".md")
        try:
            os.replace(self.path, moved.path)
        finally:
            _unreserve(moved.path)
        _renumbered(self.path, moved.path)  # the same draft: its number goes with it
        return moved

    def untouched(self) -> bool:
        """Whether this is an edit just as `edit` wrote it for the editor (`for_entry`): the
        entry as it was stored, no word typed; left by an `edit` killed (kill -9, a dead
        battery) before its editor saved. Not one open in an editor now (in another
        terminal; where there are no locks, Windows, that cannot be told, so never), nor one
        beside which an editor left a recovery file (`recovery_files`: its words are there)."""
        try:
            import fcntl  # noqa: F401 (`in_use` can tell)
        except ImportError:
            return False
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        noted = list(_NOTE_LINE.finditer(text))
        if not noted or text[noted[-1].end():].strip():
            return False  # (an editor may end the file with a newline more)
        check = noted[-1].group("check") or noted[-1].group("was_check")
        if check != _check_of(text[: noted[-1].start()]):
            return False
        return not self.in_use() and not self.recovery_files()

    def holds_only(self, shown: str) -> bool:
        """Whether this edit holds `shown` (an entry as `edit` opens it: `for_entry`) and
        nothing else; its line that notes whose it is may lack the check of the text (written
        before round 43: `untouched`)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        return without_check(text) == without_check(shown)

    def read_json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise PeerJournalError(
                f"The draft {self.path} cannot be read ({exc.strerror or exc})."
            ) from None
        except (ValueError, RecursionError):  # not UTF-8, not JSON, or nested too deeply
            raise self.damaged() from None
        if not isinstance(data, dict):
            raise self.damaged()
        return data

    def damaged(self) -> PeerJournalError:
        """The error for a draft file that is not what peerjournal wrote (damaged, or edited
        by hand): what is left of the text is still in it."""
        folder = self.path.parent.parent if self.kind == "edit" else self.path.parent
        number = number_of(folder, self) or "N"
        return PeerJournalError(
            f"The draft {self.path} is damaged and cannot be continued: open it in a text "
            "editor to copy out what you wrote, then discard it "
            f"({_command(folder, f'drafts --discard {number}')})."
        )

    def entry(self, today: date) -> EntryDraft:
        """A guided draft's entry. A field left out (a draft made by hand, or by an older
        version) takes its default, the date `today`; one of the wrong kind is damage."""
        from peerjournal.entry import EntryDraft

        kept = self.read_json().get("entry")
        if isinstance(kept, dict):
            kept = {"date": today.isoformat(), **kept}
        try:
            found = EntryDraft.from_dict(kept)
        except (KeyError, TypeError, ValueError):  # damaged, or edited by hand
            raise self.damaged() from None
        found.tags = _tags_as_stored(found.tags)
        return found

    def retagged_note(self) -> str | None:
        """A guided draft's tags that saving stores as another word than they were kept as
        (`entry.retagged_note`: a draft an older version kept, 'ward-round.' with its full
        stop), for `write --resume` to say, as `write -t` does; None when there are none."""
        from peerjournal.entry import retagged_note

        kept = self.read_json().get("entry")
        tags = kept.get("tags") if isinstance(kept, dict) else None
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            return None  # (`entry` says the draft is damaged)
        try:
            return retagged_note(tags)
        except PeerJournalError:  # a tag that cannot be stored: saving says why
            return None

    def texts(self) -> dict[str, str]:
        """The typed text in the draft, by part (experience, feelings, …, answers joined; in
        a guided draft, last, the setting and tags: a line half typed when Ctrl-C stopped it)."""
        if self.kind == "guided":
            entry = self.entry(date.today())  # (the date is not text)
            # a tags line Ctrl-C cut off is kept as typed (a sentence too): `GuidedSession`
            line = self.read_json().get("tags_line")
            parts = {
                "experience": entry.experience,
                "feelings": entry.feelings,
                "evaluation": entry.evaluation,
                "self_care": entry.self_care,
                "answers": "\n".join(v for v in entry.answers.values() if v),
                "setting": entry.setting,
                "tags": line if isinstance(line, str) else ", ".join(entry.tags),
            }
            return {k: v for k, v in parts.items() if v.strip()}
        from peerjournal.reflection import parse_template, typed_lines

        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            raise PeerJournalError(
                f"The draft {self.path} cannot be read ({exc.strerror or exc})."
            ) from None
        except UnicodeDecodeError:
            raise self.damaged() from None
        text = text.replace("\x00", "")  # the parser marks with NUL (saving refuses it)
        # a comment left open at the end is closed: words typed in it count, as in any
        # comment; the template's own words (cut short by an editor) do not
        if _UNCLOSED_COMMENT.search(text):
            text += " -->"
        try:
            parsed = parse_template(text)
        except PeerJournalError:  # a typo in a heading: the text is there, keep it whole
            whole = _OPTIONS_LINE.sub("", text, count=1)
            # shown by the writer's own words: not the front matter's `---` lines
            typed = typed_lines(_RULE_LINE.sub("", whole))
            # none typed: still text (never discarded unread), named as no words of its own
            return {"text": typed} if typed else {_UNTYPED: whole}
        parts = {k: v for k, v in parsed.texts.items() if v.strip()}
        if parsed.answers:
            parts["answers"] = "\n".join(parsed.answers.values())
        if not parts and (typed := _typed_in_comments(text, parsed.prompts)):
            parts["in_comments"] = typed  # ignored when saved, but the writer's own words
        return parts

    def holds_text(self) -> bool:
        """Whether anything was typed into it; a draft that cannot be read counts as holding text
        (never delete what cannot be checked), one that is not there (an editor deleted or
        moved it) as holding none (what it held is put back, never said to be kept in it)."""
        try:
            return bool(self.texts())
        except PeerJournalError:
            return self.path.exists()

    def first_words(self, width: int = 50) -> str:
        try:
            texts = self.texts()
        except PeerJournalError:
            return "(cannot be read)"
        if not texts and self.path.suffix == ".md" and self.in_use():
            return "(open in an editor)"  # (in another terminal: its words are there as yet)
        if not texts and self.recovery_files():
            return "(words only in the editor's recovery file)"
        if _UNTYPED in texts:
            return "(no text typed)"
        text = next(iter(texts.values()), "")
        return cut(" ".join(text.split()), width)

    def keeps_words(self) -> bool:
        """`holds_text`, or an editor stopped on it left a recovery file (`recovery_files`):
        a draft that `drafts --discard-empty` leaves, and `--discard` asks about."""
        return self.holds_text() or bool(self.recovery_files())

    def recovery_files(self) -> list[Path]:
        """The files an editor stopped on this draft (a closed terminal) left beside it that
        may hold words typed and not yet saved (`editor_side_files`). None while it is open
        in another terminal: vim writes its swap file as it opens a file, and that one is
        the open editor's, not one left by an editor that was stopped."""
        found = [path for path, recovery in editor_side_files(self.path) if recovery]
        return [] if found and self.in_use() else found

    def keep_recovery_files(self, saved: str | None = None) -> None:
        """Keep the recovery files beside the draft now (left by an editor stopped on it
        earlier, and named to the writer then) when it is discarded: an editor opened on it
        from now on need not have used them (vim's "Edit anyway" leaves its swap file as it
        was), and their words would go with the draft (`kept_recovery_files` names them).
        With `saved` (the text kept now in its place: `edit --fresh` drops an edit), those
        that hold no word `saved` has not go with it (`_words_beyond`)."""
        found = self.recovery_files()
        self._kept = frozenset(path for path in found
                               if saved is None or _words_beyond(path, saved))

    def kept_recovery_files(self) -> list[Path]:
        """The recovery files `keep_recovery_files` kept that are still there."""
        return sorted(path for path in self._kept if os.path.lexists(path))

    def discard(self) -> None:
        """Remove the draft, its original bytes, and what editors left beside it (their
        recovery and backup files: `editor_side_files`), which hold its words too; not the
        recovery files kept (`keep_recovery_files`)."""
        _unreserve(self.path)
        for side, _ in editor_side_files(self.path):
            if side not in self._kept:
                side.unlink(missing_ok=True)
        self.path.unlink(missing_ok=True)
        self.original.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # (not empty: another draft's)
            self.original.parent.rmdir()
        self._lock_path().unlink(missing_ok=True)
        _renumbered(self.path, None)

    # Text piped in that is not UTF-8 is kept in the draft with a � for each byte that is
    # not, which a draft can hold; its bytes as they came in, in another encoding (Cyrillic in
    # Windows-1251, Japanese in Shift-JIS), are kept under the draft's name in the drafts'
    # `originals` folder, to be converted and saved (`iconv`): the writer's words are never
    # lost to the �. Discarded with the draft.

    @property
    def original(self) -> Path:
        """Where the bytes this draft's text came in as are kept (`keep_original`)."""
        return self.path.parent / ORIGINALS / self.path.name

    def keep_original(self, data: bytes) -> None:
        write_atomic(self.original, data)

    def has_original(self) -> bool:
        return self.original.is_file()

    # Two sessions on one draft (`write --resume` in a second terminal while the first is
    # still open) would each overwrite the file with what they hold, and what the other typed
    # would be lost: a session holds its draft, and another terminal leaves it alone.

    def _lock_path(self) -> Path:
        return self.path.with_name(f".{self.path.name}.lock")

    def hold(self) -> None:
        """Hold the draft for this session until `release` (or the end of the process)."""
        if _RESERVED.get(self.path) is self:
            del _RESERVED[self.path]  # held from now on, written or not
        else:
            _unreserve(self.path)
        if not self.take():
            folder = self.path.parent.parent if self.kind == "edit" else self.path.parent
            raise PeerJournalError(
                f"The draft {self.path} is open in another terminal: finish it there "
                f"({_command(folder, 'drafts')} lists the others)."
            )

    def take(self) -> bool:
        """`hold`, False when another session holds it (True where there are no locks:
        Windows). OSError when no lock file can be made."""
        try:
            import fcntl
        except ImportError:  # Windows: no locks, as before
            return True
        if self._lock is not None:
            return True
        from peerjournal.paths import closed_to_others, make_private_folder

        make_private_folder(self.path.parent)
        lock = self._lock_path()
        # owner-only, as every file in the journal's folder (one an older version left 0644
        # is closed too)
        handle = os.fdopen(os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a",
                           encoding="utf-8")
        closed_to_others(lock)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock = handle
        return True

    def release(self) -> None:
        if _RESERVED.get(self.path) is self:
            del _RESERVED[self.path]
        if self._lock is not None:
            self._lock_path().unlink(missing_ok=True)  # while still held: no stray lock files
            self._lock.close()
            self._lock = None

    def in_use(self) -> bool:
        """Whether another session (another terminal) holds this draft."""
        if self._lock is not None:  # (this session holds it)
            return False
        try:
            import fcntl

            handle = open(self._lock_path(), encoding="utf-8")  # noqa: SIM115
        except (ImportError, OSError):  # no lock file: nobody has held it
            return False
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
        return False


_UNTYPED = "untyped"  # (`Draft.texts`: a file that does not parse, with no words typed)

# What editors keep beside the file they edit, named after it (NAME: an editor draft or a kept
# edit, the only drafts an editor is given): a recovery file, holding words typed and not yet
# saved (vim's swap file `.NAME.swp`, then `.swo`, `.swn`, … when one is there already;
# nano's `NAME.save`, `NAME.save.1`, … written when it is killed; emacs's auto-save
# `#NAME#`); or a backup of the file as it was saved before (`NAME~`, `NAME.bak`) and emacs's
# lock link `.#NAME`.
_RECOVERY_FILE = re.compile(r"\.(?P<vim>.+\.md)\.sw[a-p]|(?P<nano>.+\.md)\.save(?:\.\d+)?"
                            r"|#(?P<emacs>.+\.md)#")
_BACKUP_FILE = re.compile(r"(?P<tilde>.+\.md)~|(?P<bak>.+\.md)\.bak|\.#(?P<lock>.+\.md)")


def _side_file_of(name: str) -> tuple[str, bool] | None:
    """The file an editor's side file named `name` is kept for, and whether it is a
    recovery file (`_RECOVERY_FILE`); None when `name` is no editor's side file."""
    for pattern, recovery in ((_RECOVERY_FILE, True), (_BACKUP_FILE, False)):
        match = pattern.fullmatch(name)
        if match:
            return next(group for group in match.groups() if group), recovery
    return None


def _side_files_in(folder: Path) -> Iterator[tuple[Path, str, bool]]:
    """Each editor's side file in `folder` (a file, or emacs's lock link), with the name of
    the file it is kept for and whether it is a recovery file."""
    try:
        entries = list(os.scandir(folder))
    except OSError:  # no folder (no draft yet), or it cannot be read
        return
    for entry in entries:
        found = _side_file_of(entry.name)
        if found is not None and not entry.is_dir(follow_symlinks=False):
            yield Path(entry.path), *found


def editor_side_files(path: Path) -> list[tuple[Path, bool]]:
    """The files editors keep beside `path` (a draft or kept edit), each with whether it is a
    recovery file: only those named after it exactly, in its own folder."""
    return [(side, recovery) for side, name, recovery in _side_files_in(path.parent)
            if name == path.name]


def orphaned_recovery_files(folder: Path) -> list[Path]:
    """Recovery files (`_RECOVERY_FILE`) in the drafts `folder` and its edits whose draft is
    gone (kept when it was saved or discarded: `Draft.keep_recovery_files`; or left by an
    editor stopped on it before peerjournal removed such files with their draft): they may
    still hold words typed and never saved."""
    return sorted(side for place in (folder, folder / EDITS)
                  for side, name, recovery in _side_files_in(place)
                  if recovery and not (place / name).exists())


def left_of_edits(folder: Path) -> list[tuple[int, Path, bool]]:
    """The files editors left beside kept edits that are gone, in the drafts `folder`'s
    edits (recovery files kept, `orphaned_recovery_files`; backups an older version left),
    each with the entry that edit changed and whether it is a recovery file; not emacs's
    lock link, which holds no words."""
    edits = folder / EDITS
    found = []
    for side, name, recovery in _side_files_in(edits):
        edit = _EDIT_NAME.match(name)
        if edit and not (edits / name).exists() and not side.name.startswith(".#"):
            found.append((int(edit.group(1)), side, recovery))
    return sorted(found)


_WORD = re.compile(r"\w+")


def _words_beyond(recovery: Path, text: str) -> bool:
    """Whether the recovery file `recovery` may hold a word that `text` has not: one of plain
    text (nano's, emacs's) when it does, or cannot be read; vim's swap file always (only vim
    can tell which of its lines are the file's)."""
    plain = _RECOVERY_FILE.fullmatch(recovery.name)
    if plain is None or plain.group("vim"):
        return True
    try:
        held = recovery.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    held, text = without_check(held), without_check(text)  # (another edit's, no word typed)
    return not set(_WORD.findall(held.casefold())) <= set(_WORD.findall(text.casefold()))


_RULE_LINE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_UNCLOSED_COMMENT = re.compile(r"<!--(?:(?!-->).)*\Z", re.DOTALL)


def _typed_in_comments(text: str, prompt_set: str | None) -> str:
    """The words in `text`'s comments that the template's comments (its prompt set's
    guidance, in either mode) do not hold, in order: typed there by mistake ("" when none).
    A set that cannot be loaded is read as the default one."""
    from difflib import SequenceMatcher

    from peerjournal import paths
    from peerjournal.entry import MODES, EntryDraft
    from peerjournal.reflection import COMMENT, format_template, guidance_of, load_prompt_set

    try:
        prompts = load_prompt_set(prompt_set or EntryDraft.prompt_set, paths.user_prompts_dir())
    except PeerJournalError:
        prompts = load_prompt_set(EntryDraft.prompt_set)
    blanks = [format_template(EntryDraft(date.today(), mode=m), prompts) for m in MODES]
    blanks.append(with_edit_header(blanks[0]))  # (an edit's header: `for_entry`)
    guidance = [c[4:-3].split() for blank in blanks for c in COMMENT.findall(blank)]
    typed: list[str] = []
    for comment in COMMENT.findall(without_options(text)):
        words = comment[4:-3].split()  # (within <!-- and -->)
        if any(" ".join(given).startswith(" ".join(words)) for given in guidance):
            continue  # the template's words, or their start (a file an editor cut short)
        made_from = guidance_of(words, guidance)
        if made_from is None:
            continue  # not the template's: a comment of the writer's own, meant to be ignored
        given = guidance[made_from]
        changes = SequenceMatcher(None, given, words, autojunk=False).get_opcodes()
        typed += [w for op, _, _, j, k in changes if op != "equal" for w in words[j:k]]
    return " ".join(typed)


# A new draft's name is held (its lock, as `Draft.hold` takes it) from the moment it is
# chosen until its file is written or the session holds it: until then the name is free on
# disk, and a second `write` started in the same second would choose it too.
_RESERVED: dict[Path, Draft] = {}


def _unreserve(path: Path) -> None:
    reserved = _RESERVED.pop(path, None)
    if reserved is not None:
        reserved.release()


def new_draft(folder: Path, now: datetime, suffix: str, prefix: str = "") -> Draft:
    """A draft under a name no other draft has, nor another session has chosen: two
    `write`s started in the same second each get their own."""
    from peerjournal.paths import make_private_folder

    make_private_folder(folder)
    _private(folder)
    return _unclaimed(folder, prefix + now.strftime("%Y%m%d-%H%M%S"), suffix)


def _unclaimed(folder: Path, stem: str, suffix: str) -> Draft:
    """`folder/stem.suffix`, or beside it, under a name no draft and no session has (`_reserve`:
    chosen until it is written or released)."""
    return next(draft for draft in map(Draft, _names(folder, stem, suffix)) if _reserve(draft))


def _reserve(draft: Draft) -> bool:
    """Choose `draft`'s name for a new draft, when no file has it (`_unused`) and no other
    session has chosen it: its lock is then held (`_RESERVED`)."""
    try:
        taken = draft.take()
    except OSError:  # no lock file can be made here: the first free name, as ever
        return _unused(draft.path)
    if taken and _unused(draft.path):
        if draft._lock is not None:
            _RESERVED[draft.path] = draft
        return True
    draft.release()  # (only a lock this took)
    return False


def _names(folder: Path, stem: str, suffix: str) -> Iterator[Path]:
    """`folder/stem.suffix`, then `stem-2.suffix`, `stem-3.suffix`, …"""
    yield folder / f"{stem}{suffix}"
    for n in itertools.count(2):
        yield folder / f"{stem}-{n}{suffix}"


def _free(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem.suffix`, or beside it (`stem-2.suffix`, …) when that name is taken."""
    return next(p for p in _names(folder, stem, suffix) if _unused(p))


def _unused(path: Path) -> bool:
    """Whether no draft has the name `path`, nor had it: a recovery file kept of a draft gone
    (`Draft.keep_recovery_files`) would be taken for the new one's (and vim would offer the
    words of another session to recover into it)."""
    return not path.exists() and not editor_side_files(path)


# `write --json`: an entry printed on stdout because nothing could keep it is printed as
# {"saved": false, "text": …}, which a script reading JSON can take (raw text it could not)
PRINTED_AS_JSON: ContextVar[bool] = ContextVar("printed_as_json", default=False)


def _as_printed(text: str, stream: IO[str]) -> str:
    """`text` as `text_printed` writes it to `stream`: JSON on stdout for `write --json`."""
    if stream is not sys.stdout or not PRINTED_AS_JSON.get():
        return text
    from peerjournal.launcher import writes_unicode

    ascii_only = not writes_unicode(stream)
    return json.dumps({"saved": False, "text": text}, ensure_ascii=ascii_only, indent=2)


def let_go_of_the_journal(app: AppContext) -> None:
    """Close the journal after a save that failed, before what it held is kept in a file: on
    a full disk the failed transaction grew the journal's -wal file into the room left, and
    SQLite gives that back only as the last connection closes (QA: the draft did not fit,
    and the entry went to stdout alone, with as much room free again once `write` ended).
    Best effort: a journal that cannot be closed cleanly is closed as the command ends. The
    next `app.store()` opens it again."""
    import sqlite3

    with contextlib.suppress(OSError, sqlite3.Error, PeerJournalError):
        app.close()


def printed_instead(
    text: str, reason: str, folder: Path, code: ExitCode, why: str = ""
) -> PeerJournalError:
    """When not even a draft can be written: print the entry (`text`, the Markdown entry
    format) on stdout, and return the error that says so."""
    return text_printed(PeerJournalError(reason, code), text, folder, why)


def text_printed(
    failed: PeerJournalError, text: str, folder: Path, why: str = "", what: str = "entry",
    back: str = "`write --from-file` reads it back", file: str = "draft",
) -> PeerJournalError:
    """`printed_instead`, saying so in `failed` (the reason the entry was not saved), which
    stays of its kind (`errors.DamagedJournal`) and is marked `printed`. When stdout cannot
    take it (redirected to the same full disk, a closed pipe), it goes to stderr (the
    terminal, most often); when neither can, the message says the entry was kept nowhere.
    `what` is printed (an "entry", an "edit of entry 3"), and `back` says how to use it;
    `file` is what could not be written to `folder` (a "draft", an "edit", an "answers
    file")."""
    because = f" ({why})" if why else ""
    failed.message = f"{failed.message} The {file} could not be written to {folder}{because}"
    failed.printed = True
    problem = None
    for name, stream in (("stdout", sys.stdout), ("stderr", sys.stderr)):
        try:
            _print_whole(_as_printed(text, stream) + "\n", stream)
        except (OSError, ValueError) as exc:  # (ValueError: a closed stream)
            if name == "stdout":
                from peerjournal.launcher import silence_stdout

                silence_stdout()  # what its buffer holds would fail again at exit
            problem = problem or str(getattr(exc, "strerror", None) or exc)
            if getattr(exc, "cut_short", False):
                problem += "; what it took is cut short"
            continue
        failed.message += (
            f", so your {what} is printed on {name}"
            + (f" (stdout could not take it: {problem})" if problem else "")
            + f": copy it somewhere safe ({back})."
        )
        return failed
    failed.message += (
        f", and it could not be printed on stdout or stderr either ({problem}): this {what} "
        "was kept nowhere."
    )
    return failed


class _CutShort(OSError):
    """A write that stopped part of the way (`cut_short`: some of the text went out)."""

    cut_short = True


def _print_whole(text: str, stream: IO[str]) -> None:
    """Write all of `text` on `stream`, or raise OSError. Through the file descriptor, with
    each count checked: Python's own streams say nothing when a write is partial and the next
    fails (a full disk, `ulimit -f`), leaving a copy cut short that reads as whole."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):  # a test's capture, a replaced stream
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    encoding = getattr(stream, "encoding", None) or "utf-8"
    data = memoryview(text.encode(encoding, "backslashreplace"))
    total = len(data)
    while data:
        try:
            written = os.write(fd, data)
            if written <= 0:
                raise OSError(0, "nothing more could be written")
        except OSError as exc:
            if len(data) == total:
                raise
            raise _CutShort(exc.errno, exc.strerror) from None
        data = data[written:]


def new_edit(folder: Path, entry_id: int, now: datetime, was: bool = False) -> Draft:
    """A file for unsaved changes to entry `entry_id` (`folder` is the drafts folder); `was`:
    for the entry as it was before options replaced its text (`Draft.was`)."""
    return new_draft(folder / EDITS, now, ".md", prefix=f"entry-{entry_id}-{_WAS if was else ''}")


# An edit's last line: the creation time of the entry it changes, which tells it from another
# entry with the same ID (`Draft.is_of`), and a check of the text as `edit` showed it, which
# tells an edit from one with no word typed (`Draft.untouched`). A comment, so never part of
# the entry; kept in a backup's copy, and in the new-entry draft an edit of another entry is
# moved to.
_FOR_ENTRY_LINE = (
    "<!-- peerjournal: editing entry {} (written {}); keep this line, it tells your edit from "
    "another entry's: {} {} -->"
)
# The creation time the line notes: as `_FOR_ENTRY_LINE` has it, or as versions before round
# 48 wrote it ("unsaved changes to the entry created …"), which are read still.
_FOR_ENTRY = re.compile(
    r"^<!-- peerjournal: (?:editing entry \d+ \([^)]*\); keep this line, it tells your edit "
    r"from another entry's:|unsaved changes to the entry created) (\S+) ", re.M)
# The whole line, in either wording (the older one without its check before round 43).
_NOTE_LINE = re.compile(
    r"^<!-- peerjournal: (?:editing entry \d+ \([^)]*\); keep this line, it tells your edit "
    r"from another entry's: (?P<created>\S+) (?P<check>[0-9a-f]{16})"
    r"|unsaved changes to the entry created (?P<was_created>\S+) \(how they are told from "
    r"another entry with its ID(?:, and, as shown (?P<was_check>[0-9a-f]{16}), from none)?: "
    r"leave this line as it is\)) -->(?=\r?$)", re.M)


def for_entry(text: str, entry: Entry, shown: str | None = None) -> str:
    """`text` (an entry's template, for `edit`) with the line that notes whose it is (and a
    check of the text as shown, `Draft.untouched`), and the header that says how to keep or
    cancel an edit (`with_edit_header`). `shown`: the entry's template as `edit` shows it,
    when `text` is changed already (an edit kept without an editor): the check is of that,
    or the changes would be taken for none."""

    def headed(template: str) -> str:
        template = with_edit_header(template)
        return template + ("" if template.endswith("\n") else "\n")

    above = headed(text)
    check = _check_of(headed(shown) if shown is not None else above)
    return above + _FOR_ENTRY_LINE.format(
        entry.id, _local_time(entry.created_at), entry.created_at.isoformat(), check) + "\n"


def _local_time(moment: datetime) -> str:
    """`moment` as the writer reads it: "27 Nov 2026 19:00", in local time."""
    from peerjournal.dates import spoken

    try:
        local = moment.astimezone()
    except (OverflowError, OSError, ValueError):  # (the calendar's first or last hours)
        local = moment
    return f"{spoken(local.date())} {local:%H:%M}"


def _check_of(shown: str) -> str:
    """The check of an entry's text as `edit` showed it (`for_entry`)."""
    import hashlib

    return hashlib.sha256(shown.encode("utf-8")).hexdigest()[:16]


def without_check(text: str) -> str:
    """`text` (an entry file) with its line that notes the entry reduced to the creation
    time it notes: the check differs from one edit to another, and the wording from one
    version to another (`_NOTE_LINE`), and neither is a word typed. A line changed by hand
    is left as it is."""
    return _NOTE_LINE.sub(
        lambda m: f"<!-- peerjournal: {m.group('created') or m.group('was_created')} -->", text)


# The entry template's header says how to cancel a new entry; for `edit` that is untrue: an
# emptied experience is refused, and the half-edit kept is reopened by every `edit ID`.
_WRITE_HEADER = "Save and close the editor to keep it; leave Experience empty to cancel. -->"
EDIT_HEADER = (  # (one line, as the header it replaces: lines keep their numbers)
    "Save and close to keep your changes; to change nothing, close without saving (vim: "
    ":q!); `edit ID --fresh` or `drafts --discard N` drops changes kept from before. -->"
)


def with_edit_header(text: str) -> str:
    """`text` (an entry file) with `edit`'s header in place of a new entry's."""
    return text.replace(_WRITE_HEADER, EDIT_HEADER, 1)


def with_header_of(given: str, edited: str) -> str:
    """`given` (an entry file) with the header `edited` has, a new entry's or an edit's: an
    edit kept before `edit` had its own header, or one moved to a new-entry draft, has the
    other one, and that is no word typed (`editor.check_comments`)."""
    if EDIT_HEADER in edited:
        return with_edit_header(given)
    if _WRITE_HEADER in edited:
        return given.replace(EDIT_HEADER, _WRITE_HEADER, 1)
    return given


# An edit kept by an older version notes no entry: it is another entry's when fewer than this
# share of the words of the shorter of it and the entry are in both, in order. A rewrite that
# keeps less than half is rare; two unrelated entries share some common words ("a", "the").
_SAME_ENTRY_SHARE = 0.5


def _plainly_other(edited: str, entry: Entry) -> bool:
    """Whether the text of an edit (`edited`) is plainly not a change to `entry`'s."""
    from difflib import SequenceMatcher

    stored = " ".join((entry.experience, entry.feelings, entry.evaluation, entry.self_care,
                       *entry.answers.values()))
    mine, theirs = (re.findall(r"\w+", text.casefold()) for text in (edited, stored))
    if not mine or not theirs:
        return False
    same = SequenceMatcher(None, theirs, mine, autojunk=False).get_matching_blocks()
    return sum(block.size for block in same) < _SAME_ENTRY_SHARE * min(len(mine), len(theirs))


def write_atomic(path: Path, text: str | bytes) -> None:
    """Replace `path` with `text` (bytes are written as they are) so that a crash or a full
    disk never leaves half a file."""
    from peerjournal.paths import make_private_folder

    try:
        make_private_folder(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".draft-", suffix=".tmp")
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
            os.chmod(path, 0o600)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    finally:
        _unreserve(path)  # its name is taken on disk now (or given up: it could not be)


def durable(path: Path) -> bool:
    """Whether `path` (a file another program wrote), and its name in its folder, are on
    disk to stay: before the only other copy of its text is removed, a power cut must not
    take both. (A folder cannot be synced on Windows: its file is, as far as it can be.)"""
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        return False
    try:
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return True
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
    return True


def save_json(draft: Draft, data: dict[str, Any]) -> None:
    write_atomic(draft.path, json.dumps(data, ensure_ascii=False, indent=1))


# Piped text that could not be saved is kept as an editor draft with the options given on the
# command line in a comment on its first line, so that `write --resume` applies them again.
_OPTIONS_NOTE = (
    "peerjournal write options, applied again by --resume (delete this line to drop them):"
)
_OPTIONS_LINE = re.compile(r"\A<!-- peerjournal write options[^\n]*?:\s*(\{.*?\})\s*-->\n?")


def with_options(text: str, options: dict[str, Any]) -> str:
    """`text` with `options` (date, setting, tags, mode, prompt_set, self_care, shared) noted
    on a first comment line; `text` itself when there are none."""
    if not options:
        return text
    values = {k: v.isoformat() if isinstance(v, date) else v for k, v in options.items()}
    # `>` escaped, so that no value can end the comment early
    encoded = json.dumps(values, ensure_ascii=False).replace(">", "\\u003e")
    return f"<!-- {_OPTIONS_NOTE} {encoded} -->\n{text}"


def without_options(text: str) -> str:
    """`text` with the line `with_options` noted left blank (the other lines keep their
    numbers)."""
    return _OPTIONS_LINE.sub("\n", text.removeprefix("\ufeff"), count=1)


_TEXT_OPTION = {"setting": str, "mode": str, "prompt_set": str, "self_care": str, "tags": list}


def read_options(text: str) -> dict[str, Any]:
    """The options `with_options` noted in `text` ({} when there are none, or they were
    edited beyond reading: the text itself still counts)."""
    match = _OPTIONS_LINE.match(text.removeprefix("\ufeff"))
    if not match:
        return {}
    try:
        raw = json.loads(match.group(1))
    except (ValueError, RecursionError):
        return {}
    if not isinstance(raw, dict):
        return {}
    options: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "date" and isinstance(value, str):
            try:
                options[key] = date.fromisoformat(value)
            except ValueError:
                continue
        elif _TEXT_OPTION.get(key) is type(value) and (
            key != "tags" or all(isinstance(t, str) for t in value)
        ):
            options[key] = value
        elif key == "shared" and value is True:
            options[key] = True
    return options


def _newest_first(paths: list[Path]) -> list[Draft]:
    dated = []
    for path in paths:
        try:
            dated.append((path.stat().st_mtime, path.name, path))
        except OSError:  # removed meanwhile (another terminal finished it)
            continue
    return [Draft(p) for _, _, p in sorted(dated, reverse=True)]


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    _private(folder)
    return [
        p
        for p in folder.iterdir()
        if p.suffix in (".json", ".md") and not p.name.startswith(".") and p.is_file()
    ]


def _private(folder: Path) -> None:
    """Make the drafts `folder`, and the drafts folders above it, this user's only (0700)
    where others may use them, as versions before 12-05 made them (0755), when the journal
    is made 0600 (`engine._make_private`: `paths.closed_to_others`). Only peerjournal's own: the
    data folder's `drafts` and the folders in it."""
    from peerjournal import paths

    root = paths.data_dir() / "drafts"
    if not folder.is_relative_to(root):
        return
    for place in (folder, *folder.parents):
        paths.closed_to_others(place)
        if place == root:
            return


# A draft's name says when it was started (`new_draft`: "…20261206-084600")
_STARTED = re.compile(r"(\d{8}-\d{6})")


def started_at(draft: Draft) -> datetime | None:
    """When `draft` was started, as its name says (the writer's clock, no time zone); None
    for a name that does not say (made by hand)."""
    found = _STARTED.search(draft.path.name)
    if found is None:
        return None
    try:
        return datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
    except ValueError:  # (digits that are no time: "20261399-…")
        return None


def pending(folder: Path) -> list[Draft]:
    """Unfinished `write` drafts, newest first."""
    return _newest_first(_files(folder))


# Text given on the command line or piped in that `write` could not save is kept in a draft
# named so: once the same text is saved (the command run again, put right), that copy would
# make `write --resume` save it a second time.
KEPT = "kept-"


def listed_kind(kind: str, name: str) -> str:
    """What `peerjournal drafts` calls a draft of `kind` (`Draft.kind`) named `name`: 'quick'
    for an entry given in one go (-x, or piped in) that `write` kept, unsaved (`KEPT`), which
    `write --resume` only asks to save. Its kind stays 'guided' (a JSON draft): so a backup
    carries it, and `write --resume` continues it. 'replaced' for an entry's text as it was
    before options replaced it (`Draft.was`), which is no unsaved edit."""
    if kind == "edit" and _WAS_NAME.match(name):
        return "replaced"
    return "quick" if kind == "guided" and name.startswith(KEPT) else kind


def kept_copies(folder: Path, entry: EntryDraft, piped: str | None = None) -> list[Draft]:
    """The drafts `write` kept for text it could not save (`KEPT`) that hold exactly the text
    of `entry` (as saved: `entry.validate` normalises it), or, for a Markdown one, exactly
    the text `piped` in; none open in another terminal, nor one that cannot be read."""
    saved = _words(entry)
    found = []
    for draft in pending(folder):
        if not draft.path.name.startswith(KEPT) or draft.in_use():
            continue
        try:
            if draft.kind == "guided":
                same = _words(draft.entry(entry.date)) == saved
            else:
                text = draft.path.read_text(encoding="utf-8").removeprefix("\ufeff")
                same = piped is not None and _OPTIONS_LINE.sub("", text, count=1) == piped
        except (OSError, UnicodeDecodeError, PeerJournalError):
            continue
        if same:
            found.append(draft)
    return found


def _words(entry: EntryDraft) -> tuple[object, ...]:
    """What was written in `entry`, as it is saved (the options aside)."""
    from peerjournal.entry import ELEMENTS, clean_text

    answers = {k: clean_text(v) for k, v in entry.answers.items() if v and v.strip()}
    return (*(clean_text(getattr(entry, part)) for part in (*ELEMENTS, "self_care")), answers)


def kept_edits(folder: Path, entry_id: int | None = None) -> list[Draft]:
    """Unsaved changes from `edit` (to one entry, or to any), newest first, with the copies of
    text options replaced (`Draft.was`)."""
    edits = _newest_first(_edit_files(folder))
    return [d for d in edits if entry_id is None or d.entry_id == entry_id]


def _edit_files(folder: Path) -> list[Path]:
    """The kept edits in the drafts `folder`; one that holds no change (`Draft.untouched`:
    an `edit` killed before its editor saved) is discarded, quietly: it was listed, and
    continued and refused options as unsaved changes, forever (QA r43)."""
    found = []
    for path in _edit_paths(folder):
        edit = Draft(path)
        if not edit.was and edit.untouched():
            edit.discard()
        else:
            found.append(path)
    return found


def _edit_paths(folder: Path) -> list[Path]:
    """The files of the kept edits in the drafts `folder`, as they are."""
    return [path for path in _files(folder / EDITS) if path.suffix == ".md"]


def old_edits_of(folder: Path, entry: Entry) -> list[tuple[Path, Draft]]:
    """The unsaved changes kept by a version before 12-04 (`YYYYMMDD-HHMMSS.md` in the edits:
    no entry in the name, nor the line `for_entry` adds) that hold `entry`'s text (at least
    half of its words, in order: `_plainly_other`), each with where it was, named as
    `entry`'s from now on (`Draft.as_edit_of`): `edit ID` never found them, and no command
    saved them. One that cannot be read, or holds no words, is left as it is: whose it is
    cannot be told."""
    moved = []
    for edit in kept_edits(folder):
        words = _old_edit_words(edit)
        if words is not None and not _plainly_other(words, entry):
            with contextlib.suppress(FileNotFoundError):  # (moved meanwhile, elsewhere)
                moved.append((edit.path, edit.as_edit_of(entry.id)))
    return moved


def _old_edit_words(edit: Draft) -> str | None:
    """The words of `edit` when it is one a version before 12-04 kept (`old_edits_of`), for
    telling whose it is; None when it is not, or they cannot be read, or there are none."""
    if edit.entry_id is not None or edit.entry_created() is not None:
        return None
    try:
        words = " ".join(edit.texts().values())
    except PeerJournalError:
        return None
    return words if words.strip() else None


def old_edit_of(edit: Draft, entries: Iterable[Entry]) -> Entry | None:
    """The first of `entries` whose text `edit`, kept by a version before 12-04, holds: the
    entry `edit ID` would take it for (`old_edits_of`); None for none (or words that cannot
    be read: whose they are cannot be told)."""
    words = _old_edit_words(edit)
    if words is None:
        return None
    return next((entry for entry in entries if not _plainly_other(words, entry)), None)


def unsaved_edits(folder: Path, entry_id: int | None = None) -> list[Draft]:
    """`kept_edits` without the copies of replaced text (`Draft.was`): the edits `edit ID`
    continues."""
    return [d for d in kept_edits(folder, entry_id) if not d.was]


def put_back(
    file: Draft, held: bytes, reason: str, code: ExitCode, reopen: str, forget: str
) -> PeerJournalError:
    """The error for an editor that emptied a draft or a kept edit which held text (it
    crashed while saving, or the disk was full): the text it held (`held`) is written back,
    never discarded with it. `reopen` and `forget` are the commands that open it again and
    that throw it away."""
    try:
        write_atomic(file.path, held)
    except OSError as exc:
        text = held.decode("utf-8", "replace")
        return printed_instead(text, reason, file.path.parent, code, str(exc.strerror or exc))
    return PeerJournalError(
        f"{reason} The text it held before is back in {file.path}: {reopen} opens it again "
        f"({forget} if you meant to throw it away).",
        code,
    )


def everything(folder: Path) -> list[Draft]:
    """Every kept draft and edit, by number (`Draft.number`, `_numbers`): the list
    `peerjournal drafts` shows. Listed while the numbers are held (`_numbers_held`): a listing
    that waited there for another terminal would else write back the numbers without the
    draft that terminal just numbered (QA r46: its number then went to another draft)."""
    _edit_files(folder)  # (the untouched edits discarded first: discarding takes the hold)
    with _numbers_held(folder):
        found = _newest_first([*_files(folder), *_edit_paths(folder)])
        numbers = _numbers(folder, found)
    for draft in found:
        draft.number = numbers[_number_key(folder, draft.path)]
    return sorted(found, key=lambda draft: draft.number or 0)


def number_of(folder: Path, draft: Draft) -> int | None:
    """The number `peerjournal drafts` gives `draft` (`folder`: the drafts folder); None when
    it is not there (deleted, or removed in another terminal meanwhile)."""
    return next((d.number for d in everything(folder) if d.path == draft.path), None)


KEPT_AS = "Your words are kept "  # (`kept_as`: a message that says it names the draft)


def kept_as(app: AppContext, draft: Draft, more: str = "") -> str:
    """"Your words are kept as draft 3: `peerjournal write --resume --draft 3`." for a
    write draft a failure kept (a locked journal, an editor that failed, Ctrl-C): one
    command to type, by the number `peerjournal drafts` lists it with (`more`: options to
    give again). Its path too when that number cannot be stored (a full disk: `_numbers`
    said so), or it has none (gone meanwhile)."""
    folder = draft.path.parent
    number = number_of(folder, draft)
    if number is None:
        return f"{KEPT_AS}in {draft.path}: {app.resume_hint(more)}."
    stored = _stored_numbers(folder)[0].get(_number_key(folder, draft.path)) == number
    where = "" if stored else f", in {draft.path}"
    return (f"{KEPT_AS}as draft {number}{where}: "
            f"{app.resume_hint(f' --draft {number}{more}')}.")


def by_number(drafts: Iterable[Draft], number: int) -> Draft | None:
    """Draft `number` of `drafts` (`everything`'s), None when no draft has that number."""
    return next((draft for draft in drafts if draft.number == number), None)


# A draft keeps the number it was first listed or named with until it is gone, whatever other
# drafts are kept, continued or discarded meanwhile: a number a message gave ("kept as draft
# 1 (`drafts --discard 1` drops it)") names that draft for as long as it is there (QA r45:
# numbered newest first, a second edit's copy became draft 1, and the first message's command
# discarded it). The numbers are kept beside the drafts folder (`numbers_file`: not in it,
# where no draft is to be found but the writer's), by the draft's name within it
# ("20261206-084600.json", "edits/entry-3-…md"). A draft not numbered yet takes the
# smallest number no other draft has; several at once (kept by a version before round 46,
# never named yet, or numbered again: the numbers lost or damaged) by when each was started,
# oldest first (`_oldest_first`), the order the numbers are given in when they cannot be
# stored: one order, whatever happened to the numbers (round 47; was newest first here).
def numbers_file(folder: Path) -> Path:
    """Where the numbers of the drafts in `folder` are kept: `.drafts-numbers` beside the
    default journal's drafts folder; another journal's beside its own, in it."""
    return folder.with_name(f".{folder.name}-numbers")


def _numbers(folder: Path, found: list[Draft]) -> dict[str, int]:
    """The number of each draft of `found`, by `_number_key`: the one it was given
    (`numbers_file`), or the smallest free one, oldest first; written back when that changed.
    Called with the numbers held (`_numbers_held`). A number kept for a draft not in `found`
    whose file is there stays its own. When they cannot be written (a read-only disk, a
    full one), those not kept yet are numbered by when they were started (`_unkept`)."""
    stored, damage = _stored_numbers(folder)
    keys = [_number_key(folder, draft.path) for draft in found]
    if not keys and not stored and damage is None:
        return {}
    if damage is None and _numbers_lost(folder, found):
        damage = "not found"
    numbers: dict[str, int] = {}
    for key, number in stored.items():  # (each number once: an index edited by hand)
        if number not in numbers.values() and (key in keys or _still_there(folder, key)):
            numbers[key] = number
    unnumbered = [d for d in found if _number_key(folder, d.path) not in numbers]
    new = _oldest_first(folder, unnumbered)
    free = (n for n in itertools.count(1) if n not in numbers.values())
    numbers.update((key, next(free)) for key in new)
    if numbers == stored and damage is None:
        return numbers
    failed = _store_numbers(folder, numbers)
    if failed is not None:
        _say_once(
            f"Draft numbers cannot be stored in {numbers_file(folder)} ({failed}), so the "
            "drafts not numbered before are numbered by when they were started, oldest "
            "first: discarding one moves the numbers of those started after it down "
            "(`peerjournal drafts` shows them)."
        )
        kept = {key: number for key, number in numbers.items() if key not in new}
        unkept = [draft for draft in found if _number_key(folder, draft.path) in new]
        return _unkept(folder, kept, max(stored.values(), default=0), unkept)
    if damage is not None:
        _say_once(
            f"The stored draft numbers ({numbers_file(folder)}) were {damage}, so the drafts "
            "are numbered again, oldest first: check a draft's first words before you resume "
            "it (`peerjournal drafts` shows them)."
        )
    return numbers


def _numbers_lost(folder: Path, found: list[Draft]) -> bool:
    """Whether the numbers of `found` were lost: no `numbers_file`, though two drafts or more
    are there that no other terminal is writing (QA r47: the file deleted, or kept by a
    version that numbered newest first, a number a message gave opened another draft without
    a word). Not the first draft kept, nor one kept while another is still being written
    (never numbered yet: the file is written when a draft is first numbered)."""
    if len(found) < 2 or os.path.lexists(numbers_file(folder)):
        return False
    return sum(not draft.in_use() for draft in found) >= 2


def _still_there(folder: Path, key: str) -> bool:
    """Whether the draft `key` names (`_number_key`) is in the drafts `folder`."""
    parts = Path(key).parts
    return (bool(parts) and ".." not in parts and not Path(key).is_absolute()
            and (folder / key).is_file())


def _unkept(folder: Path, kept: dict[str, int], after: int, new: list[Draft]) -> dict[str, int]:
    """The numbers of the drafts when those of `new` cannot be stored: the `kept` ones as
    they are, the `new` after `after` (the highest stored), oldest first (`_oldest_first`).
    A draft kept later never changes them, as the numbers a message gave must not (QA r46:
    numbered newest first, every message said "draft 1")."""
    ordered = _oldest_first(folder, new)
    return {**kept, **{key: after + n for n, key in enumerate(ordered, 1)}}


def _oldest_first(folder: Path, drafts: list[Draft]) -> list[str]:
    """The keys (`_number_key`) of `drafts`, by when each was started, oldest first (a name
    that does not say: when it was last written): the order drafts not numbered yet are
    numbered in, whether the numbers can be stored or not (QA r46: one order, the one
    `peerjournal drafts` lists, where each draft kept takes the next number)."""
    def begun(draft: Draft) -> tuple[datetime, float, str]:
        try:
            written = draft.path.stat().st_mtime
        except OSError:
            written = float("inf")
        when = started_at(draft)
        if when is None:
            when = datetime.max if written == float("inf") else datetime.fromtimestamp(written)
        return when, written, draft.path.name  # (two started in one second: the first written)

    return [_number_key(folder, draft.path) for draft in sorted(drafts, key=begun)]


# Each note said once in a command, which lists the drafts more than once: (the stderr it
# was said on, the notes said there)
_SAID: list[Any] = [None, set()]


def _say_once(note: str) -> None:
    """Say `note` on stderr, once in the command (its stderr: tests run commands in turn)."""
    from peerjournal.textsafe import clean

    if _SAID[0] is not sys.stderr:
        _SAID[:] = [sys.stderr, set()]
    if note in _SAID[1]:
        return
    _SAID[1].add(note)
    with contextlib.suppress(OSError, ValueError):
        print(clean(note), file=sys.stderr, flush=True)


def _renumbered(old: Path, new: Path | None) -> None:
    """The number of the draft that was at `old` carried to `new` (moved there), or freed
    (None: discarded). Best effort: a number left behind is freed at the next look."""
    folder = old.parent.parent if old.parent.name == EDITS else old.parent
    if not numbers_file(folder).exists():
        return
    with _numbers_held(folder):
        stored, _ = _stored_numbers(folder)
        number = stored.pop(_number_key(folder, old), None)
        if number is None:
            return
        if new is not None and new.is_relative_to(folder):
            stored[_number_key(folder, new)] = number
        _store_numbers(folder, stored)


def removed(path: Path) -> None:
    """Remove the draft file `path` (none there: nothing to do), its number freed."""
    path.unlink(missing_ok=True)
    _renumbered(path, None)


def take_number(draft: Draft, number: int | None) -> None:
    """Give `draft` the `number` of the draft it took the place of, gone now (a guided draft
    `write --resume --editor` moved to Markdown: the same draft to the writer), when no
    other draft has it."""
    folder = draft.path.parent
    if number is None or not numbers_file(folder).exists():
        return
    with _numbers_held(folder):
        stored, _ = _stored_numbers(folder)
        if number not in stored.values():
            _store_numbers(folder, {**stored, _number_key(folder, draft.path): number})


def _number_key(folder: Path, path: Path) -> str:
    """A draft's name in `numbers_file`: its path within the drafts `folder`."""
    return path.relative_to(folder).as_posix()


MOST_NUMBERS_BYTES = 1_000_000  # a numbers file larger is no file peerjournal wrote


# a draft's number is the smallest free one: a larger stored one is damage (it widened the list)
MOST_DRAFT_NUMBER = 1_000_000


def _stored_numbers(folder: Path) -> tuple[dict[str, int], str | None]:
    """The numbers kept for `folder` (`numbers_file`; {} when there are none), and what
    was wrong with them, None when nothing was: those that cannot be read, or are not
    numbers, are left out (the drafts are numbered again)."""
    import stat

    index = numbers_file(folder)
    try:
        found = index.stat()
        if stat.S_ISDIR(found.st_mode):  # (cannot be written either: `_numbers` says so)
            return {}, None
        if not stat.S_ISREG(found.st_mode):  # (a FIFO: reading it waited for ever)
            return {}, "not a file"
        if found.st_size > MOST_NUMBERS_BYTES:  # (read whole, it took seconds)
            return {}, "too large to be the list peerjournal keeps"
        data = json.loads(index.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except IsADirectoryError:  # (cannot be written either: `_numbers` says so)
        return {}, None
    except OSError as exc:
        return {}, f"unreadable ({exc.strerror or exc})"
    except (ValueError, RecursionError):
        return {}, "damaged"
    if not isinstance(data, dict):
        return {}, "damaged"
    numbers = {key: number for key, number in data.items()
               if type(number) is int and 0 < number <= MOST_DRAFT_NUMBER}
    doubled = len(set(numbers.values())) < len(numbers)
    return numbers, "damaged" if doubled or len(numbers) < len(data) else None


def _store_numbers(folder: Path, numbers: dict[str, int]) -> str | None:
    """Keep `numbers` for `folder` (`numbers_file`); the file removed when there are none
    (no draft left: nothing stays of them). Why they could not be, else None."""
    index = numbers_file(folder)
    try:
        if numbers:
            ordered = dict(sorted(numbers.items(), key=lambda item: item[1]))
            write_atomic(index, json.dumps(ordered, ensure_ascii=False, indent=1))
        else:
            index.unlink(missing_ok=True)
    except OSError as exc:
        return str(exc.strerror or exc)
    return None


@contextlib.contextmanager
def _numbers_held(folder: Path) -> Iterator[None]:
    """Hold the drafts `folder` (a lock on the folder itself) while its numbers are read
    and written: two terminals keeping drafts at once never give two the same number.
    Without locks (Windows), or a folder that cannot be opened, unheld."""
    try:
        import fcntl

        fd = os.open(folder, os.O_RDONLY)
    except (ImportError, OSError):
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


# A full backup (`export --full`) carries every draft as it is on disk: its file's bytes (a
# guided draft's JSON holds its prompt set, answers so far and the steps done), its name (when
# it was started), when it was last written, and for an edit the entry it changes.

KINDS = ("guided", "editor", "edit")


@dataclass(frozen=True)
class KeptDraft:
    """A draft as a backup carries it."""

    kind: str
    name: str
    entry_id: int | None
    modified: datetime
    content: bytes

    def to_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "kind": self.kind, "name": self.name, "entry_id": self.entry_id,
            "modified": self.modified.isoformat(),
        }
        try:
            record["text"] = self.content.decode("utf-8")
        except UnicodeDecodeError:  # saved in another encoding: every byte, still
            import base64

            record["base64"] = base64.b64encode(self.content).decode("ascii")
        return record


def for_backup(folder: Path) -> tuple[list[KeptDraft], list[tuple[Path, str]]]:
    """Every draft and edit in `folder`, oldest first; and, for each that cannot be read, its
    path and why."""
    kept: list[KeptDraft] = []
    unreadable: list[tuple[Path, str]] = []
    for draft in reversed(_newest_first([*_files(folder), *_edit_files(folder)])):
        try:
            content, modified = draft.path.read_bytes(), draft.modified()
        except FileNotFoundError:  # finished meanwhile, in another terminal
            continue
        except OSError as exc:
            unreadable.append((draft.path, str(exc.strerror or exc)))
            continue
        kept.append(KeptDraft(draft.kind, draft.path.name, draft.entry_id, modified, content))
    return kept, unreadable


@dataclass
class Restored:
    """What `restore` did: the drafts written, those already there, and the edits whose
    entry the journal does not hold, kept as new-entry drafts."""

    written: list[Path] = field(default_factory=list)
    already: int = 0
    as_new: list[Path] = field(default_factory=list)


def not_yet_kept(folder: Path, drafts: list[KeptDraft]) -> list[KeptDraft]:
    """The drafts of `drafts` that no draft or edit in `folder` holds byte for byte (nor an
    earlier one of `drafts`)."""
    held = set()
    for there in everything(folder):
        try:
            held.add(there.path.read_bytes())
        except OSError:  # cannot be compared: the backup's copy goes beside it
            continue
    new = []
    for draft in drafts:
        if draft.content not in held:
            held.add(draft.content)
            new.append(draft)
    return new


def restore(folder: Path, drafts: list[KeptDraft], entry_ids: dict[int, int]) -> Restored:
    """Write a backup's drafts into `folder`, never over a draft that is there: one already
    there (the same bytes) is skipped, one whose name is taken goes beside it. An edit is
    kept for the entry `entry_ids` maps its entry to (the ID the import gave it), or, when
    there is none, as a new-entry draft with its text intact (`write --resume` saves it)."""
    new = not_yet_kept(folder, drafts)
    done = Restored(already=len(drafts) - len(new))
    for draft in new:
        path = _place(folder, draft, entry_ids)
        write_atomic(path, draft.content)
        stamp = draft.modified.timestamp()
        os.utime(path, (stamp, stamp))  # its place among the drafts, newest first, and its age
        done.written.append(path)
        if draft.kind == "edit" and path.parent == folder:
            done.as_new.append(path)
    return done


def _place(folder: Path, draft: KeptDraft, entry_ids: dict[int, int]) -> Path:
    """Where a restored draft goes: a free name, its own when it can be."""
    name = Path(draft.name)
    if draft.kind != "edit":
        return _free(folder, name.stem, name.suffix)
    started = _new_entry_stem(draft.name)  # the time it was started: "20261120-183000"
    entry_id = entry_ids.get(draft.entry_id) if draft.entry_id is not None else None
    if entry_id is None:
        return _free(folder, started, ".md")  # an editor draft of the same Markdown
    return _free(folder / EDITS, f"entry-{entry_id}-{started}", ".md")


def _new_entry_stem(name: str) -> str:
    """An edit's name (`name`) without its entry: when it was started ("20261120-183000"),
    the name it has as a new-entry draft."""
    return _EDIT_NAME.sub("", Path(name).stem)
