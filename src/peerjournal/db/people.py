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
    return _found(name, _by_key(list_people(store, redacting=False)))


def _by_key(people: list[PersonRow]) -> dict[str, list[PersonRow]]:
    """`people` by their names' `redact.name_key`."""
    from peerjournal.redact import name_key

    keyed: dict[str, list[PersonRow]] = {}
    for person in people:
        keyed.setdefault(name_key(person.name), []).append(person)
    return keyed


def _found(name: str, keyed: dict[str, list[PersonRow]]) -> PersonRow | None:
    """`find_person` among the people `keyed` (`_by_key`)."""
    from peerjournal.redact import name_key

    same = keyed.get(name_key(name), [])
    wanted = " ".join(name.split()).casefold()
    return next((p for p in same if p.name.casefold() == wanted), same[0] if same else None)


def add_people(
    store: Store, names: list[str], alias: str | None, now: datetime, listed: list[PersonRow]
) -> tuple[list[tuple[bool, str]], list[str]]:
    """Add each of `names` (or set the alias of one already listed: "" removes it, [person]
    again) in one transaction: all or none (Ctrl-C). `listed`: the people list as read just
    before (`list_people`), not read again for each name.

    Returns (newly added?, the name as stored) for each name added or changed; and the names
    already listed, left as they are when no alias is given.
    """
    from peerjournal.redact import name_key

    keyed = _by_key(listed)
    done: list[tuple[bool, str]] = []
    already: list[str] = []
    with store._write() as conn:
        for name in names:
            key = name_key(name)
            if key in keyed and not keyed[key]:
                continue  # (added just now, spelled another way)
            existing = _found(name, keyed)
            if existing is not None and alias is None:
                already.append(existing.name)
            elif existing is not None:
                conn.execute(
                    "UPDATE person SET alias = ? WHERE id = ?", (alias or None, existing.id)
                )
                done.append((False, existing.name))
            else:
                conn.execute(
                    "INSERT INTO person (name, alias, created_at) VALUES (?, ?, ?)",
                    (name, alias or None, now.isoformat()),
                )
                keyed[key] = []
                done.append((True, name))
    return done, already


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
