"""Queries for supervision: recorded supervisions, self-checks, and the entries prep reads."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from peerjournal.db.engine import Commit, translated_errors
from peerjournal.db.store import Filters, Store, damaged, not_utf8_note
from peerjournal.supervision import (
    Answers,
    EntryFacts,
    SelfCheck,
    SupervisionRecord,
    answers_from_json,
    answers_to_json,
)

# -- supervisions ------------------------------------------------------------------------


def add_supervision(store: Store, when: date, note: str, now: datetime) -> SupervisionRecord:
    with store._write() as conn:
        cur = conn.execute(
            "INSERT INTO supervision (date, note, created_at) VALUES (?, ?, ?)",
            (when.isoformat(), note, now.isoformat()),
        )
    return SupervisionRecord(int(cur.lastrowid or 0), when, note, now)


def supervisions(store: Store) -> list[SupervisionRecord]:
    """Every recorded supervision, oldest first (a note that is not UTF-8 read as `_read`
    does, and how to correct it told)."""

    def remedy(record: str) -> str:
        return (
            f"correct {'it' if record.isdigit() else 'each'} by removing the record "
            f"({store.hint(f'supervision undo {record}')}) and recording it again "
            f"({store.hint('supervision done')} with its --date and --note)"
        )

    sql = "SELECT id, date, note, created_at FROM supervision ORDER BY date, id"
    return [_supervision(r) for r in _read(store, sql, "Supervision", remedy)]


def _supervision(row: tuple[int, str, str, str]) -> SupervisionRecord:
    field = "date"
    try:
        day = date.fromisoformat(row[1])
        field = "time recorded"
        return SupervisionRecord(row[0], day, row[2] or "", datetime.fromisoformat(row[3]))
    except (TypeError, ValueError):
        raise damaged(f"Supervision {row[0]}", field) from None


def _read(
    store: Store, sql: str, kind: str, remedy: Callable[[str], str] | None, *params: object
) -> list[Any]:
    """The rows of a query whose first column is a record's id: text that is not UTF-8
    (bytes another program wrote) is read with U+FFFD in its place, and the writer told
    once which records hold it, and `remedy` (if any) for that record's id, or "ID"."""
    from peerjournal.plural import joined

    with translated_errors(store.path):
        rows, unread = store.fetch_marked(sql, params)
    if unread:
        ids = [str(r[0]) for r in unread]
        one = len(ids) == 1
        store.tell(not_utf8_note(
            f"{kind}{'' if one else 's'} {joined(ids)}", one,
            remedy(ids[0] if one else "ID") if remedy else None,
        ))
    return rows


def remove_supervision(store: Store, supervision_id: int) -> bool:
    """Delete one supervision record (nothing else: entries and self-checks stay as they
    are); False if it was not there (removed meanwhile from another terminal)."""
    with store.wiping_write() as conn:  # (its note is left nowhere in the file)
        cur = conn.execute("DELETE FROM supervision WHERE id = ?", (supervision_id,))
    return cur.rowcount > 0


# -- self-checks ---------------------------------------------------------------------------


def _check(row: tuple[int, str, str, int]) -> SelfCheck:
    try:
        data = json.loads(row[2] or "{}")
    except json.JSONDecodeError:
        data = {}
    answers = answers_from_json(data if isinstance(data, dict) else {})
    try:
        created = datetime.fromisoformat(row[1])
    except (TypeError, ValueError):
        raise damaged(f"Self-check {row[0]}", "time") from None
    return SelfCheck(row[0], created, answers, bool(row[3]))


# By the moment each was made: the stored times carry the offset of where they were written, and
# their text sorts a later check written west of an earlier one before it.
_BY_MOMENT = "julianday(created_at), created_at, id"
_NEWEST_FIRST = "julianday(created_at) DESC, created_at DESC, id DESC"


def _checks(store: Store, where: str, *params: object) -> list[SelfCheck]:
    """The self-checks a query selects (its `WHERE …` and after); their text that is not
    UTF-8 read with U+FFFD (`_read`: nothing corrects it, nor needs to, but a note)."""
    sql = f"SELECT id, created_at, answers, complete FROM selfcheck {where}"
    return [_check(r) for r in _read(store, sql, "Self-check", None, *params)]


def self_checks(store: Store) -> list[SelfCheck]:
    """Every self-check, complete or not, oldest first."""
    return _checks(store, f"ORDER BY {_BY_MOMENT}")


def _latest_check(store: Store, complete: bool) -> SelfCheck | None:
    found = _checks(
        store, f"WHERE complete = ? ORDER BY {_NEWEST_FIRST} LIMIT 1", int(complete)
    )
    return found[0] if found else None


def self_check(store: Store, check_id: int) -> SelfCheck | None:
    """One self-check as stored, by id."""
    found = _checks(store, "WHERE id = ?", check_id)
    return found[0] if found else None


def unfinished_checks(store: Store) -> list[SelfCheck]:
    """The self-checks stopped before the end, newest first: the one `supervision check`
    carries on with, then any others (a restored backup can bring some; none is dropped, so
    no answer is lost). Ordered by the moment each was started, as history and prep order
    them (the text of times with other offsets sorts otherwise)."""
    stopped = _checks(store, "WHERE complete = 0")
    return sorted(stopped, key=lambda c: (c.created_at, c.id), reverse=True)


def latest_complete_check(store: Store) -> SelfCheck | None:
    """The most recent finished self-check (what `export --with-check` includes)."""
    return _latest_check(store, complete=True)


class SavedCheck(Commit):
    """`Commit` for `save_check`: done once the answers are committed, and the check's id
    then, which a Ctrl-C raised as COMMIT returns would take with `save_check`'s return."""

    id: int | None = None


def save_check(
    store: Store, check_id: int | None, answers: Answers, complete: bool, now: datetime,
    commit: SavedCheck | None = None,
) -> int:
    """Insert (check_id None) or update a self-check; returns its id.

    A check keeps the time it was started; `created_at` moves to `now` only when it is
    completed, so history orders check-ins by when they were finished. `commit` is marked
    done, with the id, once the answers are committed: a Ctrl-C raised after that leaves them
    saved, and the caller says so from it (as `Store.update`).
    """
    payload = _payload(answers)
    commit = SavedCheck() if commit is None else commit
    with store.marked_write(commit) as conn:
        if check_id is None:
            cur = conn.execute(
                "INSERT INTO selfcheck (created_at, answers, complete) VALUES (?, ?, ?)",
                (now.isoformat(), payload, int(complete)),
            )
            check_id = int(cur.lastrowid or 0)
        elif complete:
            conn.execute(
                "UPDATE selfcheck SET answers = ?, complete = 1, created_at = ? WHERE id = ?",
                (payload, now.isoformat(), check_id),
            )
        else:
            conn.execute(
                "UPDATE selfcheck SET answers = ?, complete = 0 WHERE id = ?",
                (payload, check_id),
            )
        commit.id = check_id
    return check_id


def discard_check(store: Store, check_id: int) -> None:
    with store.wiping_write() as conn:  # (its answers are left nowhere in the file)
        conn.execute("DELETE FROM selfcheck WHERE id = ? AND complete = 0", (check_id,))


def _payload(answers: Answers) -> str:
    """Answers as the selfcheck table stores them."""
    return json.dumps(answers_to_json(answers), ensure_ascii=False)


# -- restoring a backup ---------------------------------------------------------------------


def restore_supervision(
    store: Store, checks: Sequence[SelfCheck], sessions: Sequence[SupervisionRecord]
) -> None:
    """Add a backup's self-checks and supervision records as they were, in one transaction.

    Each table keeps the backup's ids only when every record has one (id 0: none) and all
    are free, as `import` does for entries; otherwise its records get new ids, in order.
    """
    with store._write() as conn:
        keep = _ids_free(conn, "selfcheck", [c.id for c in checks])
        conn.executemany(
            "INSERT INTO selfcheck (id, created_at, answers, complete) VALUES (?, ?, ?, ?)",
            [
                (c.id if keep else None, c.created_at.isoformat(), _payload(c.answers),
                 int(c.complete))
                for c in checks
            ],
        )
        keep = _ids_free(conn, "supervision", [s.id for s in sessions])
        conn.executemany(
            "INSERT INTO supervision (id, date, note, created_at) VALUES (?, ?, ?, ?)",
            [
                (s.id if keep else None, s.date.isoformat(), s.note, s.created_at.isoformat())
                for s in sessions
            ],
        )


def _ids_free(conn: sqlite3.Connection, table: str, ids: list[int]) -> bool:
    """Whether every id is given (not 0), none twice, and none taken in `table`."""
    if not ids or 0 in ids or len(set(ids)) < len(ids):
        return False
    taken = {row[0] for row in conn.execute(f"SELECT id FROM {table}")}  # a few rows a month
    return taken.isdisjoint(ids)


# -- what prep reads -------------------------------------------------------------------------


def entry_facts(store: Store, since: date, until: date) -> list[EntryFacts]:
    """Live entries dated in [since, until], oldest first, each with its stored drift dict and
    its answers placed by its prompt set."""
    from peerjournal.reflection import answer_layouts

    entries = store.list(Filters(since=since, until=until, limit=None))
    drift = store.drifts_between(since, until)
    layouts = answer_layouts(e.prompt_set for e in entries if e.answers)
    return [
        EntryFacts.from_entry(e, drift.get(e.id), layouts.get(e.prompt_set))
        for e in sorted(entries, key=lambda e: (e.date, e.id))
    ]
