"""Reads and writes for exports: the people list, the latest self-check, stored drift scores."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from peerjournal.db.engine import translated_errors
from peerjournal.db.store import Store, damaged, not_utf8_note
from peerjournal.errors import NotFoundError, PeerJournalError

if TYPE_CHECKING:
    from peerjournal.redact import Person


@dataclass(frozen=True)
class PersonRow:
    name: str
    alias: str | None
    created_at: datetime
    id: int  # (a name read with U+FFFD is not the one stored: changed by its row's id)


def list_people(store: Store, *, redacting: bool = True) -> list[PersonRow]:
    """The people list, by name. A name or alias holding text that is not UTF-8 (bytes
    another program wrote) is read with U+FFFD in its place, and the writer told how to
    correct it (the people commands); `redacting`, it is refused instead: a name not read
    as written would not be replaced."""
    with translated_errors(store.path):
        rows, unread = store.fetch_marked(
            "SELECT name, alias, created_at, id FROM person ORDER BY name COLLATE NOCASE"
        )
    if unread and redacting:
        raise PeerJournalError(
            "The people list holds text that is not UTF-8 (written by another program?), so "
            "not every name on it can be replaced: correct it first "
            f"({store.hint('people list')} shows how)."
        )
    if unread:
        store.tell(_not_utf8_note(store, [r[0] for r in unread]))
    return [_person(r) for r in rows]


def _person(row: tuple[str, str | None, str, int]) -> PersonRow:
    try:
        added = datetime.fromisoformat(row[2])
    except (TypeError, ValueError):
        raise damaged(f"Person {row[3]} on the people list", "time added") from None
    return PersonRow(row[0], row[1], added, row[3])


def _not_utf8_note(store: Store, names: list[str]) -> str:
    from peerjournal.plural import joined

    one = len(names) == 1
    return not_utf8_note(
        f"{joined([repr(n) for n in names])} on the people list", one,
        f"correct {'it' if one else 'each'} with {store.hint('people remove NAME')} (the name "
        f"as shown) and {store.hint('people add NAME')} (--alias TEXT for an alias)",
    )


def find_person(store: Store, name: str) -> PersonRow | None:
    """The listed person whose name is `name` as redaction compares names (`name_key`:
    case, accents, apostrophes, invisible characters aside), the one written the same way
    first."""
    from peerjournal.redact import name_key

    wanted = " ".join(name.split()).casefold()
    same = [p for p in list_people(store, redacting=False) if name_key(p.name) == name_key(name)]
    return next((p for p in same if p.name.casefold() == wanted), same[0] if same else None)


def add_person(store: Store, name: str, alias: str | None, now: datetime) -> tuple[bool, str]:
    """Add a person, or set the alias of one already listed ("" removes it: [person] again).

    Returns (newly added?, the name as stored).
    """
    existing = find_person(store, name)
    with store._write() as conn:
        if existing is None:
            conn.execute(
                "INSERT INTO person (name, alias, created_at) VALUES (?, ?, ?)",
                (name, alias or None, now.isoformat()),
            )
            return True, name
        if alias is None:
            raise PeerJournalError(
                f"{existing.name} is already on the people list (use --alias to change the "
                "alias, or --alias '' to remove it)."
            )
        conn.execute("UPDATE person SET alias = ? WHERE id = ?", (alias or None, existing.id))
        return False, existing.name


def remove_person(store: Store, name: str) -> PersonRow:
    existing = find_person(store, name)
    if existing is None:
        from peerjournal.textsafe import quoted

        raise NotFoundError(
            f"{quoted(name)} is not on the people list (see `peerjournal people list`)."
        )
    with store.wiping_write() as conn:  # (the name is left nowhere in the file)
        conn.execute("DELETE FROM person WHERE id = ?", (existing.id,))
    return existing


def restore_people(
    store: Store,
    people: Iterable[Person],
    now: datetime,
    listed_at: Mapping[str, datetime] | None = None,
) -> tuple[list[Person], list[str]]:
    """Merge a backup's people list into this journal's, in one transaction.

    Names already listed (as `redact.name_key` compares them) are left as they are; see
    `redact.people_to_add`. A name added keeps when it was first listed (`listed_at`, by
    name, from the backup), else `now`. Returns (the people added, notes for the writer).
    """
    from peerjournal.redact import people_to_add

    when = listed_at or {}

    with store._write() as conn:
        added, notes = people_to_add(_listed(store), people, store.hint)
        conn.executemany(
            "INSERT INTO person (name, alias, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO NOTHING",
            [(p.name, p.alias, when.get(p.name, now).isoformat()) for p in added],
        )
    return added, notes


def _listed(store: Store) -> list[Person]:
    """The people list, to merge a backup's into: a name read with U+FFFD is listed beside
    the backup's own spelling of it (more is replaced, nothing less)."""
    from peerjournal.redact import Person

    return [Person(p.name, p.alias) for p in list_people(store, redacting=False)]
