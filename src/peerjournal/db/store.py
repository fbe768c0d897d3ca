"""All SQL lives here. Callers get plain values (see `peerjournal.entry`)."""

from __future__ import annotations

import builtins
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import islice, pairwise
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, TypeVar

from peerjournal.db.engine import (
    Commit,
    busy_timeout_ms,
    is_damage,
    not_utf8,
    open_journal,
    rebuilt_elsewhere,
    teller,
    translated_errors,
    why_unwritten,
    write_transaction,
    writing_long,
)
from peerjournal.db.health import salvage_advice
from peerjournal.db.searchfold import (
    ELLIPSIS,
    TOKENIZER,
    crowded,
    fold_query,
    folded_or_none,
    match_key,
    snippet_tokens,
    unfold_snippet,
)
from peerjournal.entry import Entry, EntryDraft, KeptIdentity, normalise_tag, scored_text
from peerjournal.errors import (
    DamagedJournal,
    DatabaseError,
    NoEntryError,
    PeerJournalError,
    plain_hint,
)
from peerjournal.setting_groups import setting_key

T = TypeVar("T")
TAG_SEP = "\x1f"
ENTRY_COLUMNS = (
    "e.id, e.date, e.created_at, e.updated_at, e.setting, e.mode, e.prompt_set, e.experience, "
    "e.feelings, e.evaluation, e.self_care, e.answers, e.shared, e.deleted_at, e.drift_verdict, "
    # the summary only where it may name the verdict (drift led by self-doubt: Entry)
    "CASE WHEN e.drift_verdict = 'drift' THEN e.drift_summary END, "
    f"(SELECT group_concat(tag, '{TAG_SEP}') FROM entry_tag t WHERE t.entry_id = e.id)"
)
# A damaged journal's entry whose tags cannot be read, even by a scan of them past their
# index (`engine.unindexed`), is read without them (`Store._salvaged`): its text is kept.
_UNTAGGED_COLUMNS = ENTRY_COLUMNS.replace(
    ENTRY_COLUMNS[ENTRY_COLUMNS.index("(SELECT group_concat") :], "NULL"
)
_SALVAGED_COLUMNS = (ENTRY_COLUMNS, _UNTAGGED_COLUMNS)
MAX_SQLITE_INT = 2**63 - 1
# The highest ID an import keeps: a journal of a lifetime holds thousands. One beyond it, made
# by hand, would make the ID of every entry after it as long (at 2**63 - 1: leave none to give).
HIGHEST_KEPT_ID = 10**9
BULK_FROM = 200  # inserts at least this large index their text in one statement
# A large insert or rescore writes the tags, `entry_score` rows and index entries of this many
# entries at a time, as their scores arrive: while the workers score the rest, not after them.
WRITTEN_BY = 1_000
# The stored score: its verdict, the full JSON, the compact summary reports read, the lexicon.
DRIFT_COLUMNS = (
    "drift_verdict",
    "drift_json",
    "drift_summary",
    "lexicon_version",
    "scorer_version",
)
_SUMMARY = DRIFT_COLUMNS.index("drift_summary")
# How long wiping destroyed text waits for another program's read of the journal to end
# (`Store.clear_freed`), rather than the whole busy timeout of a write.
CHECKPOINT_WAIT_MS = 2_000
NAMED_AT_MOST = 10  # entries named by a warning of some ("1, 2, … 9 and 5 more")
# A journal's ID (`Store.journal_id`): this many random bytes, as 12 lower-case hex digits
# (`reviewing.JOURNAL_ID` reads them so): any two journals alike once in 2**48 (~3 * 10**14).
JOURNAL_ID_BYTES = 6


def _named_ids(ids: Sequence[int]) -> list[str]:
    """The first NAMED_AT_MOST of `ids` to name, the last of them "N more" if there are more
    (`plural.joined` puts "and" before it)."""
    named = [str(i) for i in ids[:NAMED_AT_MOST]]
    if len(ids) > NAMED_AT_MOST:
        named[-1] = f"{len(ids) - NAMED_AT_MOST + 1} more"
    return named
EDITABLE = ("date", "setting", "mode", "experience", "feelings", "evaluation", "self_care")
# What the search index reads (a view over entry: each entry's answers as text, not JSON).
FTS_SOURCE = "entry_fts_source"
ANSWER_SEP = " · "  # between two answers, in the index and so in search snippets
# The texts the index reads, each stored beside its fold where that differs (revision 0006):
# the column a text is in -> the column its fold is in.
FOLDED_COLUMNS = {
    "experience": "experience_folded",
    "feelings": "feelings_folded",
    "evaluation": "evaluation_folded",
    "self_care": "self_care_folded",
    "answers_text": "answers_folded",
}
_FOLDS_READ = [f"e.{column}" for column in FOLDED_COLUMNS.values()]
# FTS5's snippet() takes time with the square of an entry's matches: an entry of at most
# SNIPPET_CHARS characters (so at most ~1,000 matches: 0.2 s), or a longer one with at most
# about SNIPPET_MATCHES (`searchfold.crowded`), has it in the search's query; any other's is
# made once shown, from a piece of its text (`Store._snippet`).
SNIPPET_CHARS = 2_000
SNIPPET_MATCHES = 300
_TEXT_LENGTH = " + ".join(f"length(coalesce(e.{column}, ''))" for column in FOLDED_COLUMNS)
CROWDED_SQL = "pj_crowded"  # searchfold.crowded, for the search at hand
_INDEXED = ", ".join(  # the texts as the index reads them, as bytes (see TAG_KEY_SQL)
    f"CAST(coalesce(e.{folded}, e.{column}) AS BLOB)" for column, folded in FOLDED_COLUMNS.items()
)
# setting_groups.setting_key as an SQL function on the store's connection: SQLite's lower()
# and NOCASE fold only A-Z, so "ÄRZTEHAUS" would not select "ärztehaus" as the report groups it
SETTING_KEY_SQL = "pj_setting_key"
# searchfold.match_key as an SQL function: a tag is matched as search matches a word ("cafe"
# selects "café"). The journal's tags are few: each is keyed once, found by a seek in the tag
# index from the one before (a scan of every entry's tags takes longer than the list itself).
# Both functions read their value as bytes (CAST … AS BLOB): sqlite3 fails the whole query
# on a text argument that is not UTF-8 (another program's), which they read with U+FFFD.
TAG_KEY_SQL = "pj_tag_key"
_KEYED_TAGS = (  # the journal's spellings of the tag whose key is the parameter
    "(WITH RECURSIVE known(tag) AS (SELECT min(tag) FROM entry_tag UNION ALL "
    "SELECT (SELECT min(tag) FROM entry_tag WHERE tag > known.tag) FROM known "
    "WHERE known.tag IS NOT NULL) "
    f"SELECT tag FROM known WHERE {TAG_KEY_SQL}(CAST(tag AS BLOB)) = ?)"
)
# A tag as `entry.normalise_tag` makes it now: without full stops or dashes after it, as
# revision 0011 stored them (it keeps a tag of dots alone), and as `--tag` matches it.
_TAG_AS_TYPED = (
    "CASE WHEN t.tag GLOB '*[.-]' AND rtrim(t.tag, '.-') != '' THEN rtrim(t.tag, '.-') "
    "ELSE t.tag END"
)
ONLY_IDS = "e.id IN (SELECT value FROM json_each(?))"  # (parameter: a JSON list of IDs)
_TAGGED = f"EXISTS (SELECT 1 FROM entry_tag t WHERE t.entry_id = e.id AND t.tag IN {_KEYED_TAGS})"


# --tag: SQLite holds at most 32,766 parameters in a query (as some builds set it), one a tag
MOST_TAGS = 10_000
_AND_GROUP = 50


def all_of(terms: list[str]) -> str:
    """`terms` joined by AND in groups nested within groups: SQLite refuses an expression
    over 1,000 deep ("too many terms"), which a flat chain of a thousand --tag is."""
    if len(terms) <= _AND_GROUP:
        return " AND ".join(terms)
    groups = [f"({' AND '.join(terms[n:n + _AND_GROUP])})"
              for n in range(0, len(terms), _AND_GROUP)]
    return all_of(groups)


@dataclass
class Filters:
    since: date | None = None
    until: date | None = None
    tags: list[str] = field(default_factory=list)
    setting: str | None = None
    limit: int | None = 20
    # Only the entries with these IDs (None: any): in a damaged journal, those that can be
    # read (`Store.past_damage`), each found by its ID, never by a scan of the whole table.
    ids: Sequence[int] | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions on alias `e` for live (not trashed) entries matching these filters."""
        clauses = ["e.deleted_at IS NULL"]
        params: list[Any] = []
        if self.ids is not None:
            clauses.append(ONLY_IDS)
            params.append(json.dumps(list(self.ids)))
        if self.since:
            clauses.append("e.date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append("e.date <= ?")
            params.append(self.until.isoformat())
        if self.setting:  # grouped as the report groups them (any letter's case, spacing)
            clauses.append(f"{SETTING_KEY_SQL}(CAST(e.setting AS BLOB)) = ?")
            params.append(setting_key(self.setting))
        keys = list(dict.fromkeys(tag_key(tag) for tag in self.tags))
        if len(keys) > MOST_TAGS:
            raise PeerJournalError(
                f"{len(keys):,} tags given to look for; at most {MOST_TAGS:,} at once (an "
                "entry must hold every one)."
            )
        if keys:
            clauses.append(all_of([_TAGGED] * len(keys)))
            params.extend(keys)
        return " AND ".join(clauses), params

    def limit_sql(self) -> str:
        # SQLite's LIMIT is a 64-bit integer: a larger one is "no limit", not a type error.
        return f" LIMIT {min(int(self.limit), MAX_SQLITE_INT)}" if self.limit else ""


@dataclass
class SearchHit:
    entry: Entry
    snippet: str  # matched words wrapped in START … END
    # Unicode noncharacters (kept for a program's internal use), never in a writer's text:
    # a control character pasted into an entry (\x02) is not read as a highlight.
    START: ClassVar[str] = "\ufdd0"
    END: ClassVar[str] = "\ufdd1"

    def to_json(self) -> dict[str, Any]:
        data = self.entry.to_json()
        data["snippet"] = self.snippet.replace(self.START, "").replace(self.END, "")
        data["matches"] = re.findall(f"{self.START}(.*?){self.END}", self.snippet, re.DOTALL)
        return data


_INSERT_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "date",
    "setting",
    "mode",
    "prompt_set",
    "experience",
    "feelings",
    "evaluation",
    "self_care",
    "answers",
    "answers_text",
    *FOLDED_COLUMNS.values(),
    "shared",
    *DRIFT_COLUMNS,
)
_INSERT_ENTRY = (
    f"INSERT INTO entry ({', '.join(_INSERT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})"
)
# An entry whose stored score is out of date (parameters: lexicon version, scorer version).
_STALE = (
    "lexicon_version IS NULL OR lexicon_version != ? "
    "OR scorer_version IS NULL OR scorer_version != ?"
)

@dataclass
class Drift:
    """A drift score to store: the verdict, its figures (DriftScore.to_dict, with or without
    the hits), the versions of the lexicon and of the scoring code that produced it, its JSON
    when it is already written (DriftScore.to_json; else `data` is the JSON), and its counted
    curated markers as [marker, dimension, polarity, times], with `True` after them for a
    flipped marker's (None: not given, so reports read them from the hits in the JSON)."""

    verdict: str
    data: dict[str, Any]
    lexicon_version: str
    scorer_version: str
    json_text: str | None = None
    markers: list[tuple[str, str, str, int] | tuple[str, str, str, int, bool]] | None = None

    def stored(self) -> StoredDrift:
        from peerjournal.db.scoretable import rates

        dimensions = {
            dim: [v["identity"], v["drift"]]
            for dim, v in self.data["dimensions"].items()
            if v["identity"] or v["drift"]
        }
        summary = [self.data["words"], self.data["identity"], self.data["drift"], dimensions]
        made = rates(*summary)  # (before the markers: `rates` reads the first four)
        if self.markers is not None:
            summary.append(self.markers)
        return StoredDrift(
            self.verdict,
            self.json_text or json.dumps(self.data, ensure_ascii=False),
            json.dumps(summary, separators=(",", ":")),
            self.lexicon_version,
            self.scorer_version,
            made,
        )


class StoredDrift(NamedTuple):
    """A drift score as the values of DRIFT_COLUMNS (serialised, e.g. in a worker process),
    then its row of db.scoretable but the entry's ID (`scoretable.rates`), made there too: an
    import or a rescore then does not parse 20,000 summaries again while the workers score."""

    verdict: str
    json: str
    summary: str
    lexicon_version: str
    scorer_version: str
    rates: tuple[int | None, ...] | None = None


class Store:
    def __init__(self, path: Path, *, create: bool = True) -> None:
        """`create`: False for a command that only reads (`open_journal`)."""
        self.path = path
        self.conn = open_journal(path, create=create)
        self.conn.create_function(SETTING_KEY_SQL, 1, _setting_key_sql, deterministic=True)
        self.conn.create_function(TAG_KEY_SQL, 1, _tag_key_sql, deterministic=True)
        self._teller = teller()  # (the command's, when it opens the journal)
        self._told: set[int] = set()  # the entries whose text that is not UTF-8 it was told of
        self._said: set[str] = set()  # what `tell` has said
        # a damaged journal's entries read one by one (`_salvaged`): once a store
        self._salvage: tuple[builtins.list[tuple[int, Entry]], builtins.list[int]] | None = None
        self._untagged: builtins.list[int] = []  # of those, the ones read without their tags
        # the entries a read left out, as they cannot be read (`past_damage`, `left_out_note`),
        # and how many more it left out whose IDs cannot be read either (`health.named_lost`)
        self.lost: set[int] = set()
        self.unnamed_lost = 0
        # the entries read without their tags, which cannot be read (`_tags_as_salvaged`)
        self.tags_lost: set[int] = set()
        # marked done once `_write`'s transaction commits (`update` sets it for its own)
        self._commit: Commit | None = None

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """sqlite3's errors as one-line messages (`translated_errors`); in a journal already
        found damaged, a read that meets the damage says so in the words of the warning the
        command gives (keep the file, save what can be read), not "restore it"."""
        with translated_errors(self.path):
            try:
                yield
            except sqlite3.DatabaseError as exc:
                if not self._meets_damage(exc):
                    raise
                raise DamagedJournal(
                    f"Part of the journal at {self.path} is damaged, so this command cannot "
                    "read what it needs. " + salvage_advice(
                        self.hint("export --full"), " (and importing them into a new journal "
                        "rebuilds its search index and scores)")
                ) from None

    def _meets_damage(self, exc: sqlite3.DatabaseError) -> bool:
        """Whether `exc` is a read meeting the damage of a journal already found damaged."""
        return bool(getattr(self.conn, "damage", None)) and is_damage(exc)

    def past_damage(self, read: Callable[[builtins.list[int] | None], T]) -> T:
        """`read(None)` (inside `_errors`); in a journal found damaged, a read that meets the
        damage (a page of entries lost) is made again as `read(ids)`, over the entries that
        can still be read (`_salvaged`), each found by its ID (`Filters.ids`), as `export
        --full` reads them: a report or `list --limit 0` shows what is left, and the entries
        it leaves out are noted (`left_out`: the command ends saying so, `left_out_note`)."""
        with self._errors():
            try:
                return read(None)
            except sqlite3.DatabaseError as exc:
                if not self._meets_damage(exc):
                    raise
        from peerjournal.db.health import named_lost

        rows, lost = self._salvaged()
        named, unnamed = named_lost(lost, self._highest_or_none(), {i for i, _ in rows})
        self.lost.update(named)
        self.unnamed_lost = max(self.unnamed_lost, unnamed)  # (of the one salvage)
        self._tags_as_salvaged(rows)
        with self._errors():
            return read([entry_id for entry_id, _ in rows])

    def _tags_as_salvaged(self, rows: builtins.list[tuple[int, Entry]]) -> None:
        """When some entries' tags cannot be read (`_salvaged` read those entries without
        them), the tags that can be, as a TEMP table of their own: SQLite reads `entry_tag`
        from the temp schema first, so every later read (the tags shown, --tag, `tags`) reads
        them there, and those entries as untagged (`tags_lost`), rather than failing at the
        damaged pages. The temp table is in memory: nothing is written to the journal."""
        if not self._untagged or self.tags_lost:
            return
        self.conn.execute(
            "CREATE TEMP TABLE entry_tag (entry_id INTEGER NOT NULL, tag VARCHAR NOT NULL, "
            "PRIMARY KEY (entry_id, tag))"
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO temp.entry_tag VALUES (?, ?)",
            [(entry_id, tag) for entry_id, entry in rows for tag in entry.tags],
        )
        self.tags_lost.update(self._untagged)

    @property
    def left_out(self) -> bool:
        """Whether a read past damage (`past_damage`) left out entries, or read some without
        their tags: the command ends saying so (`left_out_note`)."""
        return bool(self.lost or self.unnamed_lost or self.tags_lost)

    def left_out_note(self) -> str:
        """What a command that read past damage (`past_damage`) ends with: which entries it
        left out, or read without their tags, and how to save the rest (as `_errors` says for
        a read it cannot make)."""
        said = [self._lost_note(sorted(self.lost), "")] if self.lost or self.unnamed_lost else []
        if self.tags_lost:
            said.append(self._lost_note(sorted(self.tags_lost), "The tags of "))
        return " ".join([*said, salvage_advice(self.hint("export --full"))])

    def _lost_note(self, ids: builtins.list[int], part: str) -> str:
        """That the entries `ids` (or, with `part`, "The tags of " them) cannot be read, so
        what the command shows (a list, a count, a report) may be missing them."""
        from peerjournal.plural import counted, joined

        one = len(ids) == 1
        entries = f"{'Entry' if one else 'Entries'} {joined(_named_ids(ids))}"
        if not part and self.unnamed_lost:  # (an ID read off a damaged page may be garbage)
            unnamed = self.unnamed_lost
            ids_too = f"{'its ID' if unnamed == 1 else 'their IDs'} cannot be read either"
            entries = (f"{entries}, and {unnamed} more ({ids_too})," if ids else
                       f"{counted(unnamed, 'entry')} ({ids_too})")
            one = not ids and unnamed == 1
        # (not "left out": what a filter chose might not have held them anyway)
        where, missing = ("it is", "it") if one else ("they are", "them")
        said = f", so what is shown may be missing {missing}"
        if part:
            entries = f"{part}{entries[0].lower()}{entries[1:]}"
            read = "that entry was" if one else "those entries were"
            where = "they are"
            said = f": {read} read without them, so what is shown may be incomplete"
        return (
            f"{entries} of the journal at {self.path} cannot be read (the file is damaged "
            f"where {where}){said}."
        )

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._errors(), write_transaction(self.conn, self._commit) as conn:
            yield conn

    @contextmanager
    def marked_write(self, commit: Commit) -> Iterator[sqlite3.Connection]:
        """A write transaction that marks `commit` done once it is committed: a Ctrl-C raised
        as COMMIT returns then leaves the caller knowing its change is saved (`update`)."""
        with self._errors(), write_transaction(self.conn, commit) as conn:
            yield conn

    @contextmanager
    def _secure_delete(self) -> Iterator[None]:
        """Within it, what SQLite deletes or overwrites is zeroed in the file (secure_delete,
        which SQLite's own build leaves off): no removed word stays in its free pages."""
        with self._errors():
            self.conn.execute("PRAGMA secure_delete = ON")
        try:
            yield
        finally:
            with suppress(sqlite3.Error):  # (a full disk cannot stop a setting of this run)
                self.conn.execute("PRAGMA secure_delete = OFF")

    @contextmanager
    def wiping_write(self) -> Iterator[sqlite3.Connection]:
        """`_write` for a change that removes words (a person taken off the list, a
        supervision note undone): the bytes it frees are zeros (`_secure_delete`), and once
        it is made the WAL is copied into the file and emptied (`clear_freed`, best effort,
        as for `update`: the change is made either way)."""
        with self._secure_delete(), self._write() as conn:
            yield conn
        self.clear_freed()

    def fetch(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = (), *, named: bool = True
    ) -> builtins.list[Any]:
        """Every row of a query (inside `_errors`), for the modules of peerjournal.db; text
        that is not UTF-8 read with U+FFFD (`fetch_marked`), and the writer told which
        entries hold it: the rows' first column is an entry's ID, or, not `named`, the live
        entries are all read to find them (~0.5 s at 20,000)."""
        rows, damaged = self.fetch_marked(sql, params)
        if damaged and named:
            self._tell_not_utf8([int(row[0]) for row in damaged])
        elif damaged and self._teller is not None:  # (this read tells them)
            self.fetch(f"SELECT {ENTRY_COLUMNS} FROM entry e WHERE e.deleted_at IS NULL")
        return rows

    def fetch_marked(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = ()
    ) -> tuple[builtins.list[Any], builtins.list[Any]]:
        """Every row of a query (inside `_errors`), and those of them holding text that is
        not UTF-8 (bytes another program wrote), read with U+FFFD in place of those bytes.

        Such text fails sqlite3's reading of the whole query: it is read again only after
        that error, as a Python text_factory on every read costs 40% of reading a large
        journal (`list --limit 0`)."""
        try:
            return self.conn.execute(sql, params).fetchall(), []
        except sqlite3.OperationalError as exc:
            if not not_utf8(exc):
                raise
        decode = _Replacing()
        self.conn.text_factory = decode
        rows, damaged = [], []
        try:
            for row in self.conn.execute(sql, params):
                rows.append(row)
                if decode.replaced:
                    damaged.append(row)
                    decode.replaced = False
        finally:
            self.conn.text_factory = str
        return rows, damaged

    def mending(self, entry_id: int) -> None:
        """The writer is correcting this entry (`edit`): not told how to correct its text that
        is not UTF-8, which they are doing."""
        self._told.add(entry_id)

    def tell(self, message: str) -> None:
        """Tell the writer `message` (the command's messages, on stderr), once a store."""
        if self._teller is not None and message not in self._said:
            self._said.add(message)
            self._teller.say(message)

    def hint(self, command: str) -> str:
        """How the writer runs another peerjournal command (with the command's --db)."""
        return self._teller.command_hint(command) if self._teller else plain_hint(command)

    def _tell_not_utf8(self, ids: builtins.list[int]) -> None:
        """One line naming the entries read with U+FFFD that the writer was not yet told of,
        and how to mend them (an edit saved stores the text as shown, or as corrected)."""
        from peerjournal.plural import joined

        new = sorted(set(ids) - self._told)
        self._told.update(new)
        if not new or self._teller is None:
            return
        named = _named_ids(new)
        one = len(new) == 1
        subject = f"Entry {named[0]}" if one else f"Entries {joined(named)}"
        edit = self.hint(f"edit {named[0] if one else 'ID'}")
        remedy = f"correct {'it' if one else 'each'} with {edit}"
        if getattr(self.conn, "damage", None):  # an edit is refused: saved to it, nothing is
            backup = self.hint("export --full -o backup.json")
            remedy = (f"this journal is damaged, so it cannot be corrected here: {backup} saves "
                      "what can be read, and `peerjournal --db NEW.db import backup.json` puts "
                      f"it in a new journal, where `edit` corrects {'it' if one else 'them'}")
        self._teller.say(not_utf8_note(subject, one, remedy))

    # -- entries -------------------------------------------------------------------------

    def add_entries(
        self,
        drafts: Sequence[EntryDraft],
        now: datetime,
        drifts: Iterable[Drift | StoredDrift | None],
        kept: Sequence[KeptIdentity] | None = None,
    ) -> builtins.list[int]:
        """Insert entries in one transaction (all or nothing); returns their IDs in order.

        `drifts` may be a lazy iterator (scores still being computed in other processes).

        `kept` carries IDs and timestamps to preserve (an import of a full export).
        """
        from peerjournal.db.scoretable import ScoreRows

        ids: builtins.list[int] = []
        score_rows = ScoreRows()
        tag_rows: builtins.list[tuple[int, str]] = []
        fresh: builtins.list[int] = []  # the entries inserted since `written` last ran
        stamp = now.isoformat()  # (once: most entries have no kept times)
        with self._write() as conn, _fts_in_bulk(conn, len(drafts) >= BULK_FROM) as index:
            _number_on(conn)

            def written() -> None:  # the tags, score rows and index entries of `fresh`
                conn.executemany("INSERT INTO entry_tag (entry_id, tag) VALUES (?, ?)", tag_rows)
                score_rows.write(conn)
                index(fresh)
                tag_rows.clear()
                fresh.clear()

            for n, (draft, drift) in enumerate(zip(drafts, drifts, strict=True)):
                identity = kept[n] if kept else KeptIdentity()
                answers = answers_text(draft.answers)
                texts = (draft.experience, draft.feelings, draft.evaluation, draft.self_care)
                scored, made = _drift_and_rates(drift)
                cur = self._insert(
                    conn,
                    (
                        identity.id,
                        _stamp(identity.created_at, stamp),
                        _stamp(identity.updated_at or identity.created_at, stamp),
                        draft.date.isoformat(),
                        draft.setting,
                        draft.mode,
                        draft.prompt_set,
                        *texts,
                        json.dumps(draft.answers, ensure_ascii=False) if draft.answers else "{}",
                        answers,
                        *(folded_or_none(text) for text in (*texts, answers)),
                        int(draft.shared),
                        *scored,
                    ),
                )
                entry_id = int(cur.lastrowid or 0)
                score_rows.add(entry_id, scored[_SUMMARY], made)
                tag_rows += [(entry_id, tag) for tag in draft.tags]
                ids.append(entry_id)
                fresh.append(entry_id)
                if len(fresh) == WRITTEN_BY:
                    written()
            if fresh:
                written()
        return ids

    def _insert(self, conn: sqlite3.Connection, values: tuple[Any, ...]) -> sqlite3.Cursor:
        """Insert an entry's row. SQLite says "database or disk is full" when no ID is left
        to give (one of 2**63 - 1 was imported before imports refused it): said as that."""
        try:
            return conn.execute(_INSERT_ENTRY, values)
        except sqlite3.OperationalError:
            (highest,) = conn.execute(
                "SELECT max(seq) FROM sqlite_sequence WHERE name = 'entry'"
            ).fetchone()
            if values[0] is not None or (highest or 0) < MAX_SQLITE_INT:
                raise
            row = conn.execute(
                "SELECT id, deleted_at IS NOT NULL FROM entry ORDER BY id DESC LIMIT 1"
            ).fetchone()
            steps = f"{self.hint('trash --empty')} lets"
            if row and not row[1]:
                steps = f"{self.hint(f'delete {row[0]}')} and then {steps[:-1]}"
            culprit = f"entry {row[0]}{', in the trash,' if row[1] else ''}" if row else "an entry"
            raise DatabaseError(
                f"No new entry can be added: {culprit} has the highest ID a journal can give "
                f"(its ID was kept from an import), and a new entry's must be higher. {steps} "
                "numbering go on from the entry before it; nothing was saved."
            ) from None

    def add_entry(
        self, draft: EntryDraft, now: datetime, drift: Drift | StoredDrift | None = None
    ) -> int:
        return self.add_entries([draft], now, [drift])[0]

    def highest_id_given(self) -> int:
        """The highest ID an entry of this journal has had (0: none yet), whether or not that
        entry is still there (AUTOINCREMENT keeps it)."""
        with self._errors():
            row = self.conn.execute(_HIGHEST_ID[0]).fetchone()
        return int(row[0]) if row and row[0] else 0

    def _highest_or_none(self) -> int | None:
        """`highest_id_given` of a damaged journal: None when it cannot be read (its page
        damaged too), or none was given."""
        try:
            return self.highest_id_given() or None
        except DatabaseError:
            return None

    def existing_ids(self, ids: Iterable[int]) -> set[int]:
        wanted = list(ids)
        found: set[int] = set()
        with self._errors():
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found |= {
                    r[0]
                    for r in self.conn.execute(f"SELECT id FROM entry WHERE id IN ({marks})", chunk)
                }
        return found

    def stored_rates(self, ids: Sequence[int]) -> builtins.list[tuple[int, int, int, int]]:
        """(entry ID, words, identity, drift) of the stored scores of the entries `ids`, the
        rates as `db.scoretable` keeps them (thousandths per 100 words, times the words):
        ~20 ms for 20,000 entries, where reading their JSON took ~1 s."""
        import json

        with self._errors():  # (a damaged score table: an error the caller says, QA r46)
            return self.fetch(
                "SELECT entry_id, words, identity_w, drift_w FROM entry_score "
                "WHERE entry_id IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))],
            )

    def get(self, entry_id: int, *, trashed: bool = False) -> Entry:
        """The entry with this ID; with trashed=True, only an entry in the trash."""
        condition = "e.deleted_at IS NOT NULL" if trashed else "e.deleted_at IS NULL"
        rows = []
        if _storable(entry_id):
            for columns in _SALVAGED_COLUMNS:
                try:
                    with self._errors():
                        rows = self.fetch(
                            f"SELECT {columns} FROM entry e WHERE e.id = ? AND {condition}",
                            (entry_id,),
                        )
                    break
                except DamagedJournal:  # (its tags alone may be what cannot be read)
                    continue
            else:
                raise self._lost(entry_id, trashed)
            if rows and columns is _UNTAGGED_COLUMNS:
                self.tell(f"The tags of entry {entry_id} of the journal at {self.path} cannot "
                          "be read (the file is damaged where they are): it is shown without them.")
        if not rows:
            raise _missing(entry_id, trashed=trashed)
        return _entry(rows[0])

    def _lost(self, entry_id: int, trashed: bool) -> PeerJournalError:
        """The error for an entry of a damaged journal that cannot be read (`get`): named as
        lost, with what can still be done, if it is an ID this journal gave; else not found."""
        from peerjournal.db.health import lost_entry, named_lost

        if not named_lost([entry_id], self._highest_or_none(), set())[0]:
            return _missing(entry_id, trashed=trashed)
        return DamagedJournal(lost_entry(self.path, entry_id, self.hint))

    def list(self, filters: Filters) -> builtins.list[Entry]:
        """The live entries `filters` select, newest first (in a damaged journal, those that
        can be read: `past_damage`)."""

        def read(ids: builtins.list[int] | None) -> builtins.list[Any]:
            where, params = (filters if ids is None else replace(filters, ids=ids)).where()
            order = "ORDER BY e.date DESC, e.id DESC"
            sql = f"SELECT {ENTRY_COLUMNS} FROM entry e WHERE {where} {order}"
            return self.fetch(sql + filters.limit_sql(), params)

        return [_entry(r) for r in self.past_damage(read)]

    def tagged(self, tag: str, *, trashed: bool = False) -> int:
        """How many live entries (or, `trashed`, entries in the trash) carry `tag` (as
        `Filters` matches it): for the hint after a search that found nothing; only the
        entries with the tag are read."""
        sql = (
            "SELECT count(DISTINCT t.entry_id) FROM entry_tag t JOIN entry e ON e.id = t.entry_id "
            f"WHERE e.deleted_at IS {'NOT ' if trashed else ''}NULL AND t.tag IN {_KEYED_TAGS}"
        )

        def read(ids: builtins.list[int] | None) -> int:
            only, params = ("", []) if ids is None else (f" AND {ONLY_IDS}", [json.dumps(ids)])
            return int(self.conn.execute(sql + only, [tag_key(tag), *params]).fetchone()[0])

        return self.past_damage(read)

    def with_setting(self, setting: str) -> int:
        """How many live entries have `setting` (as `Filters` matches it), from the index of
        settings (revision 0010) rather than every entry."""
        key = setting_key(setting)
        with self._errors():
            rows = self.fetch(
                "SELECT setting, count(*) FROM entry WHERE deleted_at IS NULL GROUP BY setting",
                named=False,
            )
        return sum(int(n) for name, n in rows if _setting_key_sql(name) == key)

    def iter_all(self) -> Iterator[Entry]:
        """Every live entry, oldest first (for full exports)."""
        with self._errors():
            rows = self.fetch(
                f"SELECT {ENTRY_COLUMNS} FROM entry e WHERE e.deleted_at IS NULL "
                "ORDER BY e.date, e.id"
            )
        for row in rows:
            yield _entry(row)

    def readable(self) -> tuple[builtins.list[Entry], builtins.list[int]]:
        """Every live entry of a damaged journal that can still be read, oldest first, and
        the IDs of the rows that cannot (live or in the trash: they cannot tell). A damaged
        page fails a whole scan (`iter_all`), but rows read one by one fail only where the
        damage is: what `export --full` salvages."""
        from peerjournal.plural import counted

        rows, lost = self._salvaged()
        if self._untagged:
            self.tell(
                f"The tags of {counted(len(self._untagged), 'entry')} of the journal at "
                f"{self.path} cannot be read (the file is damaged where they are): those "
                "entries are read without them."
            )
        entries = [entry for _, entry in rows if entry.deleted_at is None]
        return sorted(entries, key=lambda e: (e.date, e.id)), lost

    def _salvaged(self) -> tuple[builtins.list[tuple[int, Entry]], builtins.list[int]]:
        """Each entry of a damaged journal that can be read, live or in the trash, by ID,
        and the IDs of the rows that cannot (`readable`), read once a store. Its scores are
        read too (a report reads them; a long one runs on over pages of its own)."""
        if self._salvage is not None:
            return self._salvage
        ids, listed = self._salvage_ids()
        found: builtins.list[tuple[int, Entry]] = []
        lost: builtins.list[int] = []
        untagged: builtins.list[int] = []
        for entry_id in ids:
            entry: Entry | None = None
            for columns in _SALVAGED_COLUMNS:
                try:
                    with self._errors():
                        rows = self.fetch(
                            f"SELECT {columns}, length(e.drift_json), length(e.drift_summary) "
                            "FROM entry e WHERE e.id = ?",
                            (entry_id,),
                        )
                        entry = _entry(rows[0]) if rows else None
                except DatabaseError:
                    continue
                if entry is not None and columns is _UNTAGGED_COLUMNS:
                    untagged.append(entry_id)
                break
            else:
                lost.append(entry_id)
                continue
            if entry is not None:
                found.append((entry_id, entry))
            elif listed:  # listed as a row, yet not found: lost; else a gap in the IDs
                lost.append(entry_id)
        self._untagged = untagged
        self._salvage = (found, lost)
        return self._salvage

    def _salvage_ids(self) -> tuple[Iterable[int], bool]:
        """The IDs `readable` tries, and whether they list rows that exist. The table's own
        scan fails on a damaged leaf page; an index of every row is read without the table's
        pages. When none can be read: every ID up to the highest ever given (a gap in them
        reads as absent, but one on a damaged page fails as a lost row would)."""
        first: DatabaseError | None = None
        for sql in _ID_LISTS:
            try:
                with self._errors():
                    return [row[0] for row in self.conn.execute(sql)], True
            except DatabaseError as exc:
                first = first or exc
        highest = None
        for sql in _HIGHEST_ID:
            try:
                with self._errors():
                    row = self.conn.execute(sql).fetchone()
            except DatabaseError:
                continue
            highest = max(highest or 0, row[0] if row and row[0] else 0)
        if highest is None:  # nothing says which IDs there are
            assert first is not None
            raise first
        return range(1, highest + 1), False

    def search(self, query: str, filters: Filters) -> builtins.list[SearchHit]:
        """Entries matching `query` (FTS5 syntax, or the forgiving rewrite of `fts_queries`),
        best first, each with a snippet of its own words, matches marked.

        The index holds each text's fold (db.searchfold), and the query is folded the same
        way (`fold_query`), so "strasse" finds "Straße" and "住房" finds it inside a sentence;
        the snippet the index gives (of folded text) is mapped back onto the text as written.
        FTS5's snippet() takes time with the square of the matches in an entry (a minute for
        32,000): an entry with more than about SNIPPET_MATCHES has its snippet made apart
        (`_snippet`). Ctrl-C stops a long search (`_stoppable`).
        """
        self.conn.create_function(CROWDED_SQL, len(FOLDED_COLUMNS),
                                  crowded(query, SNIPPET_MATCHES))
        candidates = list(fts_queries(fold_query(query)))

        def read(ids: builtins.list[int] | None) -> builtins.list[SearchHit]:
            with _stoppable(self.conn):
                return self._search(query, candidates, filters, ids)

        return self.past_damage(read)

    def _search(
        self,
        query: str,
        candidates: builtins.list[str],
        filters: Filters,
        ids: builtins.list[int] | None,
    ) -> builtins.list[SearchHit]:
        """`search`, with each of `candidates` (`fts_queries`) tried in turn until FTS5 reads
        one; in a damaged journal, over the entries `ids` only (`past_damage`): the index
        leaves the others out before their rows are read."""
        where, params = filters.where()
        only = ""
        if ids is not None:
            only = " AND entry_fts.rowid IN (SELECT value FROM json_each(?))"
            params = [json.dumps(ids), *params]
        sql = (
            # (the answers' text only where a snippet of its fold may need mapping back)
            f"SELECT {ENTRY_COLUMNS}, CASE WHEN e.answers_folded IS NULL THEN '' "
            "ELSE e.answers_text END, "
            f"{', '.join(_FOLDS_READ)}, "
            f"CASE WHEN {_TEXT_LENGTH} <= {SNIPPET_CHARS} OR NOT {CROWDED_SQL}({_INDEXED}) "
            f"THEN {_snippet_sql(query)} END "
            f"FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid "
            f"WHERE entry_fts MATCH ?{only} AND {where} ORDER BY bm25(entry_fts), e.date DESC"
        ) + filters.limit_sql()
        for n, candidate in enumerate(candidates, start=1):
            try:
                try:
                    rows = self.fetch(sql, [candidate, *params])
                except sqlite3.OperationalError as exc:
                    if is_damage(exc):
                        raise
                    if n < len(candidates) and not _interrupted(exc):  # not FTS5 syntax:
                        continue  # try the forgiving rewrite
                    raise
                return [
                    _hit(row if row[-1] is not None else
                         (*row[:-1], self._snippet(query, candidate, row)))
                    for row in rows
                ]
            except sqlite3.DatabaseError as exc:
                if is_damage(exc) and self._index_damaged(candidate):
                    raise DamagedJournal(
                        f"The search index of the journal at {self.path} is damaged, so "
                        "it cannot be searched; the entries themselves can still be read "
                        f"({self.hint('list')}, {self.hint('show ID')}). "
                        f"{rebuilt_elsewhere(self.hint)}"
                    ) from None
                raise
        raise PeerJournalError("Nothing to search for: type a word or a phrase.")

    def trashed_matches(self, query: str) -> int:
        """How many entries in the trash `query` finds (as `search` reads it): for the hint
        of a search that found none in the journal. 0 when the index cannot tell (a
        damaged journal: `search` has said what it could)."""
        sql = ("SELECT count(*) FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid "
               "WHERE entry_fts MATCH ? AND e.deleted_at IS NOT NULL")
        for candidate in fts_queries(fold_query(query)):
            with suppress(sqlite3.Error), _stoppable(self.conn):
                return int(self.conn.execute(sql, [candidate]).fetchone()[0])
        return 0

    def _index_damaged(self, match: str) -> bool:
        """Whether the search index, read alone for `match`, is what is damaged (rather than
        the entries it points to)."""
        try:
            self.conn.execute(
                "SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?", [match]
            ).fetchall()
            for table in ("data", "idx", "docsize", "config"):  # (its own tables, whole)
                self.conn.execute(f"SELECT count(*) FROM entry_fts_{table}").fetchall()
        except sqlite3.DatabaseError as exc:
            return is_damage(exc)
        return False

    def _snippet(self, query: str, match: str, row: Sequence[Any]) -> str:
        """The snippet of a long entry (`row` of `search`): FTS5's, as for any other, when
        it has at most SNIPPET_MATCHES matches; else FTS5's of the first piece of its text
        that holds one (`_Pieces`), cut short where the text goes on."""
        entry = _entry(row)
        folds = row[len(row) - 1 - len(FOLDED_COLUMNS) : -1]
        texts = (entry.experience, entry.feelings, entry.evaluation, entry.self_care,
                 answers_text(entry.answers))
        pieces = _Pieces([fold or text for text, fold in zip(texts, folds, strict=True)])
        shown = pieces.snippet(query_terms(fold_query(query)).include, snippet_tokens(query))
        if shown is not None:
            return shown
        ((snippet,),) = self.fetch(
            f"SELECT {_snippet_sql(query)} FROM entry_fts WHERE entry_fts MATCH ? AND rowid = ?",
            [match, entry.id], named=False,
        )
        return str(snippet)

    def update(
        self,
        entry_id: int,
        changes: dict[str, Any],
        now: datetime,
        drift: Drift | StoredDrift | None,
        tags: builtins.list[str] | None = None,
        unchanged_since: datetime | None = None,
        commit: Commit | None = None,
    ) -> None:
        """Apply `changes` (columns from EDITABLE, plus 'answers'); re-store the drift score.
        The entry is not read back here: once committed, a failing read (a damaged page) must
        not look like a failed update (`get` it after, as `add_entry`'s callers do).
        `commit` is marked done once the change is committed: a Ctrl-C raised after that (in
        `clear_freed`, say) leaves the change made, and the caller says so from it.

        `unchanged_since`: the entry's `updated_at` when the edit began (an editor can stay
        open for an hour). If the entry has changed since (in another terminal), nothing is
        written and PeerJournalError says so, rather than silently undoing that change.
        """
        before = self.get(entry_id)
        assignments = {
            k: (v.isoformat() if isinstance(v, date) else v)
            for k, v in changes.items()
            if k in EDITABLE
        }
        if "answers" in changes:
            assignments["answers"] = json.dumps(changes["answers"], ensure_ascii=False)
            assignments["answers_text"] = answers_text(changes["answers"])
        for column, folded in FOLDED_COLUMNS.items():
            if column in assignments:
                assignments[folded] = folded_or_none(assignments[column])
        assignments["updated_at"] = now.isoformat()
        scored = _drift_values(drift)
        assignments.update(zip(DRIFT_COLUMNS, scored, strict=True))
        columns = ", ".join(f"{k} = ?" for k in assignments)
        removed = _words_removed(before, changes)
        self._commit = commit
        try:
            with self._secure_delete():  # (what the update frees is overwritten with zeros)
                self._update(entry_id, assignments, columns, scored, tags, unchanged_since, removed)
        finally:
            self._commit = None
        if removed:  # best effort, as for `empty_trash`: the update is saved either way
            self.clear_freed()

    def _update(
        self,
        entry_id: int,
        assignments: dict[str, Any],
        columns: str,
        scored: tuple[Any, ...],
        tags: builtins.list[str] | None,
        unchanged_since: datetime | None,
        removed: bool,
    ) -> None:
        """`update`'s transaction. An edit that took words out of the entry (a client's name)
        leaves none of them in the file: the freed bytes are zeros (secure_delete), the search
        index is rewritten without them (FTS5 'optimize': a change only marks the old words
        deleted; ~0.3 s at 5,000 entries), and `update` then empties the WAL."""
        from peerjournal.db.scoretable import ScoreRows

        with self._write() as conn:
            if unchanged_since is not None:
                (stored,) = conn.execute(
                    "SELECT updated_at FROM entry WHERE id = ?", (entry_id,)
                ).fetchone()
                if datetime.fromisoformat(stored) != unchanged_since:
                    raise PeerJournalError(
                        f"Entry {entry_id} was changed elsewhere (in another terminal?) while "
                        "this edit was open, so it was not overwritten."
                    )
            conn.execute(
                f"UPDATE entry SET {columns} WHERE id = ?", [*assignments.values(), entry_id]
            )
            score_rows = ScoreRows()
            score_rows.add(entry_id, scored[_SUMMARY])
            score_rows.write(conn)
            if tags is not None:
                conn.execute("DELETE FROM entry_tag WHERE entry_id = ?", (entry_id,))
                conn.executemany(
                    "INSERT INTO entry_tag (entry_id, tag) VALUES (?, ?)",
                    [(entry_id, tag) for tag in tags],
                )
            if removed:
                conn.execute("INSERT INTO entry_fts(entry_fts) VALUES ('optimize')")

    def set_shared(self, entry_id: int, shared: bool) -> None:
        self.get(entry_id)
        with self._write() as conn:
            conn.execute("UPDATE entry SET shared = ? WHERE id = ?", (int(shared), entry_id))

    # -- the journal's ID -------------------------------------------------------------------

    def journal_id(self) -> str:
        """The journal's ID (`JOURNAL_ID_BYTES` random bytes, as hex), which
        every mentor summary carries so that a review joins one journal's summaries; made
        and kept by the first call (an export's), so that no two journals share one (revision
        0012 says why it is not made with the journal). DatabaseError when it must be made
        and the journal cannot be written (read-only, damaged, none there yet)."""
        found = self.known_journal_id()
        if found is not None:
            return found
        import secrets

        return self.take_journal_id(secrets.token_hex(JOURNAL_ID_BYTES))

    def known_journal_id(self) -> str | None:
        """The journal's ID if it has one yet (`journal_id`), making none: for a backup."""
        with self._errors():
            found = self.conn.execute("SELECT id FROM journal WHERE slot = 1").fetchone()
        return None if found is None else str(found[0])

    def take_journal_id(self, given: str) -> str:
        """The journal's ID once `given` is made it, if it had none (an import of a backup:
        the writer's summaries carry the ID they carried on the other computer); one it has
        already is kept. Within an import's transaction (`all_or_nothing`), part of it."""
        with self._write() as conn:  # (OR IGNORE: one there already, made meanwhile too)
            conn.execute("INSERT OR IGNORE INTO journal (slot, id) VALUES (1, ?)", (given,))
            (kept,) = conn.execute("SELECT id FROM journal WHERE slot = 1").fetchone()
        return str(kept)

    def replace_journal_id(self, given: str) -> None:
        """The journal's ID made `given` in place of the one it has (`import --journal-id
        backup|new`). Within an import's transaction (`all_or_nothing`), part of it."""
        with self._write() as conn:
            conn.execute("UPDATE journal SET id = ? WHERE slot = 1", (given,))

    # -- trash -----------------------------------------------------------------------------

    def trash(self, entry_ids: Sequence[int], now: datetime) -> None:
        """Move entries to the trash in one transaction: if one is not in the journal (or a
        write fails), none is moved."""
        self._move(entry_ids, now.isoformat())

    def restore(self, entry_ids: Sequence[int]) -> None:
        """Bring entries back from the trash in one transaction: all of them, or none."""
        self._move(entry_ids, None)

    def _move(self, entry_ids: Sequence[int], deleted_at: str | None) -> None:
        """Set `deleted_at` of entries on the other side (None: out of the trash)."""
        from_trash = deleted_at is None
        where = "deleted_at IS NOT NULL" if from_trash else "deleted_at IS NULL"
        # (thousands of entries take a while: a write that waits in vain names the command)
        with self._write() as conn, writing_long(self.path, "restore" if from_trash else "delete"):
            for entry_id in entry_ids:
                moved = _storable(entry_id) and conn.execute(
                    f"UPDATE entry SET deleted_at = ? WHERE id = ? AND {where}",
                    (deleted_at, entry_id),
                ).rowcount
                if not moved:
                    raise _missing(entry_id, trashed=from_trash)

    def trashed(self, limit: int | None = None) -> builtins.list[Entry]:
        """The entries in the trash, the last moved there first; at most `limit` (None or 0:
        all of them)."""
        with self._errors():
            rows = self.fetch(
                f"SELECT {ENTRY_COLUMNS} FROM entry e WHERE e.deleted_at IS NOT NULL "
                "ORDER BY e.deleted_at DESC, e.id DESC" + Filters(limit=limit).limit_sql()
            )
        return [_entry(r) for r in rows]

    def empty_trash(self) -> int:
        """Destroy the trashed entries for good (how many), leaving none of their text in the
        file: the deleted rows and pages are overwritten with zeros (secure_delete), and the
        search index is rebuilt without them (FTS5 'optimize'; a delete only marks them).
        The zeroed pages are in the WAL once this returns: `clear_freed` copies them back
        over the old ones in the journal file (a step that can fail on a full disk, once the
        entries are already destroyed)."""
        with (
            self._secure_delete(),
            self._errors(),
            write_transaction(self.conn) as conn,
            writing_long(self.path, "trash --empty"),
        ):
            conn.execute(
                "DELETE FROM entry_tag WHERE entry_id IN "
                "(SELECT id FROM entry WHERE deleted_at IS NOT NULL)"
            )
            count = conn.execute("DELETE FROM entry WHERE deleted_at IS NOT NULL").rowcount
            if count:
                conn.execute("INSERT INTO entry_fts(entry_fts) VALUES ('optimize')")
        return count

    def clear_freed(self) -> str | None:
        """Copy the WAL, which holds the pages written last (the zeroed ones of destroyed or
        edited text), back into the journal file and empty it, so no earlier copy of a page
        is left in either. None when done, or when another program (a reader in another
        terminal, a database browser) holds the journal open for up to CHECKPOINT_WAIT_MS:
        SQLite can copy only what no reader still reads, and says so ("busy"); the writer
        is then told that the removed text stays in the file until that program closes it
        (SQLite copies the rest when the last connection closes) or, if it is stopped, until
        the next peerjournal command does. Else why it could not be done
        (`engine.why_unwritten`: FULL for a full disk). Nothing at all in a journal found
        damaged (`damage`): nothing is written to it, and its -wal may be that of a file it
        replaced (`health.stale_wal_note`), which copied into it would change it."""
        if getattr(self.conn, "damage", None):
            return None
        wait = min(busy_timeout_ms(), CHECKPOINT_WAIT_MS)
        try:
            self.conn.execute(f"PRAGMA busy_timeout={wait}")
            try:
                (busy, _, _) = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                self.conn.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
        except (sqlite3.Error, OSError) as exc:
            return why_unwritten(self.path, exc)
        if busy:
            self.tell(
                f"Another program has the journal at {self.path} open, so the removed text "
                "is not yet wiped from the file: it is when that program closes the journal, "
                f"or at the latest by the next peerjournal command after that (such as "
                f"{self.hint('list')})."
            )
        return None

    # -- tags ------------------------------------------------------------------------------

    def tag_counts(self, *, trashed: bool = False) -> builtins.list[tuple[str, int]]:
        """Each tag and how many live entries (or, `trashed`, entries in the trash) carry it,
        most first: as many as `--tag` finds by it. Spellings `--tag` finds as one ("cafe" and
        "café"; "Hard Day", stored by hand, and "hard-day"; "ward" and "ward.", which revision
        0011 took the full stop off) are one row, named by the spelling most entries carry
        (of two as common, the one written last: the writer's spelling now)."""
        live = f"e.deleted_at IS {'NOT ' if trashed else ''}NULL"

        def read(ids: builtins.list[int] | None) -> builtins.list[Any]:
            only, params = ("", []) if ids is None else (f" AND {ONLY_IDS}", [json.dumps(ids)])
            return self.fetch(
                f"SELECT {_TAG_AS_TYPED} AS name, count(DISTINCT t.entry_id), max(t.entry_id) "
                f"FROM entry_tag t JOIN entry e ON e.id = t.entry_id WHERE {live}{only} "
                "GROUP BY name",
                params,
                named=False,
            )

        rows = self.past_damage(read)
        spellings: dict[str, builtins.list[tuple[int, int, str]]] = {}
        for name, n, last in rows:
            spellings.setdefault(tag_key(str(name)), []).append((int(n), int(last), str(name)))
        counts = []
        for found in spellings.values():
            n, _, name = max(found)
            # an entry may carry two spellings: counted once, as `--tag` finds it
            counts.append((name, n if len(found) == 1 else self.tagged(name, trashed=trashed)))
        return sorted(counts, key=lambda count: (-count[1], count[0]))

    # -- drift -----------------------------------------------------------------------------

    def drifts_between(
        self, since: date, until: date, only: Sequence[int] | None = None
    ) -> dict[int, dict[str, Any]]:
        """Stored drift scores (DriftScore.to_dict) of live entries dated since..until (and,
        given `only`, with those IDs).

        A damaged stored score reads as unscored rather than failing the whole command (and
        in a damaged journal, the entries that cannot be read as absent: `past_damage`).
        """

        def read(ids: builtins.list[int] | None) -> builtins.list[Any]:
            sql = (
                "SELECT id, drift_json FROM entry WHERE deleted_at IS NULL "
                "AND drift_json IS NOT NULL AND date >= ? AND date <= ?"
            )
            params: list[Any] = [since.isoformat(), until.isoformat()]
            wanted = only
            if ids is not None:  # (those of `only` that can be read)
                readable = set(ids)
                wanted = [i for i in (ids if only is None else only) if i in readable]
            if wanted is not None:
                sql += " AND id IN (SELECT value FROM json_each(?))"
                params.append(json.dumps(list(wanted)))
            return self.conn.execute(sql, params).fetchall()

        rows = self.past_damage(read)
        scores: dict[int, dict[str, Any]] = {}
        for entry_id, raw in rows:
            try:
                scores[int(entry_id)] = json.loads(raw)
            except json.JSONDecodeError:
                continue
        return scores

    def texts_to_rescore(
        self, lexicon_version: str, scorer_version: str
    ) -> builtins.list[tuple[int, str]]:
        """(id, scored text) of every entry scored with another lexicon or scoring code (or not
        at all), trash included."""
        with self._errors():
            rows = self.fetch(
                f"SELECT id, experience, feelings, evaluation, answers FROM entry WHERE {_STALE}",
                (lexicon_version, scorer_version),
            )
        texts = []
        for entry_id, experience, feelings, evaluation, raw in rows:
            try:
                answers = _answers(raw)
            except ValueError:
                raise _damaged(entry_id, "answers") from None
            texts.append((entry_id, scored_text(experience, feelings, evaluation, answers)))
        return texts

    def stale_scores(self, lexicon_version: str, scorer_version: str) -> int:
        """How many live entries are scored with another lexicon or scoring code (or not at
        all)."""
        with self._errors():
            row = self.conn.execute(
                f"SELECT count(*) FROM entry WHERE deleted_at IS NULL AND ({_STALE})",
                (lexicon_version, scorer_version),
            ).fetchone()
        return int(row[0])

    def scored_otherwise(self, entry_id: int, lexicon_version: str, scorer_version: str) -> bool:
        """Whether entry `entry_id`'s stored score is from another lexicon or scoring code (or
        there is none): its figures may then differ from a score made now, verdict and all."""
        with self._errors():
            row = self.conn.execute(
                f"SELECT 1 FROM entry WHERE id = ? AND ({_STALE})",
                (entry_id, lexicon_version, scorer_version),
            ).fetchone()
        return row is not None

    def scored_otherwise_of(self, ids: Sequence[int], lexicon_version: str,
                            scorer_version: str) -> int:
        """How many of the entries `ids` hold a score from another lexicon or scoring code:
        figures shown that a score made now may change (one never scored shows none)."""
        stale = 0
        with self._errors():
            for start in range(0, len(ids), 500):  # (within SQLite's limit on parameters)
                chunk = list(ids[start:start + 500])
                row = self.conn.execute(
                    f"SELECT count(*) FROM entry WHERE id IN ({', '.join('?' * len(chunk))}) "
                    f"AND lexicon_version IS NOT NULL AND ({_STALE})",
                    (*chunk, lexicon_version, scorer_version),
                ).fetchone()
                stale += int(row[0])
        return stale

    def set_drifts(self, scores: Iterable[tuple[int, Drift | StoredDrift]]) -> None:
        """Store scores as they arrive (a generator: while later ones are still being scored),
        in one transaction (or the caller's: `rescore`)."""
        from peerjournal.db.scoretable import ScoreRows

        score_rows = ScoreRows()
        arriving = iter(scores)
        with self._write() as conn:
            while batch := list(islice(arriving, WRITTEN_BY)):
                rows = []
                for entry_id, drift in batch:
                    scored, made = _drift_and_rates(drift)
                    score_rows.add(entry_id, scored[_SUMMARY], made)
                    rows.append((*scored, entry_id))
                conn.executemany(
                    f"UPDATE entry SET {' = ?, '.join(DRIFT_COLUMNS)} = ? WHERE id = ?", rows
                )
                score_rows.write(conn)

    def rescore(
        self,
        scores: Iterable[tuple[int, StoredDrift]],
        lexicon_version: str,
        scorer_version: str,
        stored: builtins.list[int],
    ) -> None:
        """Store a rescore's scores as they arrive, committing every WRITTEN_BY entries, so a
        Ctrl-C, SIGTERM or crash near the end of a large journal's rescore loses one batch,
        not every score made. The IDs of each batch's entries written are added to `stored`
        once it is committed (in place: the caller reads it after an interrupt). Each entry's
        score and versions change together, and only while it is still stale: one edited (and
        so scored) in another terminal since its text was read, or deleted for good, is left
        as it is, and not counted."""
        arriving = iter(scores)
        while batch := list(islice(arriving, WRITTEN_BY)):
            ids = [entry_id for entry_id, _ in batch]
            commit = Commit()
            still: set[int] = set()
            try:
                with self.marked_write(commit) as conn:
                    still = _still_stale(conn, ids, lexicon_version, scorer_version)
                    self.set_drifts(pair for pair in batch if pair[0] in still)
            finally:
                if commit.done:  # (also when a Ctrl-C is raised as COMMIT returns)
                    stored.extend(entry_id for entry_id in ids if entry_id in still)


@contextmanager
def _fts_in_bulk(
    conn: sqlite3.Connection, bulk: bool
) -> Iterator[Callable[[builtins.list[int]], None]]:
    """For a large insert, index the new entries by batches (the function yielded, given
    their IDs), one statement each, instead of row by row.

    The per-row trigger costs ~0.1 ms an entry; one INSERT … SELECT over the new IDs is a
    fifth of that. Runs inside the caller's transaction, so the trigger is back before
    anyone else can write. (Not `bulk`: the trigger indexes each row, and the function does
    nothing.)
    """
    if not bulk:
        yield lambda ids: None
        return
    (trigger,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entry_fts_insert'"
    ).fetchone()
    columns = ", ".join(row[1] for row in conn.execute("PRAGMA table_info(entry_fts)"))
    conn.execute("DROP TRIGGER entry_fts_insert")

    def index(ids: builtins.list[int]) -> None:
        conn.execute(
            f"INSERT INTO entry_fts(rowid, {columns}) SELECT id, {columns} FROM {FTS_SOURCE} "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )

    yield index
    conn.execute(trigger)


class _Pieces:
    """A long entry's texts as the index reads them, cut into pieces of about PIECE_CHARS at
    a space, each a row of an FTS5 table in memory (the index's tokenizer): FTS5 takes time
    with the square of the matches in what it reads, and a piece holds few."""

    PIECE_CHARS = 1_000

    def __init__(self, texts: builtins.list[str]) -> None:
        self.conn = sqlite3.connect(":memory:")
        tokenizer = TOKENIZER.replace("'", "''")
        self.conn.execute(f"CREATE VIRTUAL TABLE piece USING fts5(text, tokenize='{tokenizer}')")
        self.ends: builtins.list[tuple[bool, bool]] = []  # each piece: first, last of its text
        rows: builtins.list[tuple[int, str]] = []
        for text in texts:
            cuts = self._cuts(text)
            for at, (start, end) in enumerate(pairwise(cuts)):
                rows.append((len(rows) + 1, text[start:end]))
                self.ends.append((at == 0, end == len(text)))
        self.conn.executemany("INSERT INTO piece (rowid, text) VALUES (?, ?)", rows)

    @classmethod
    def _cuts(cls, text: str) -> builtins.list[int]:
        """Where `text` is cut: its start, after a space near every PIECE_CHARS, its end."""
        cuts = [0]
        while len(text) - cuts[-1] > cls.PIECE_CHARS:
            start = cuts[-1] + cls.PIECE_CHARS // 2
            space = max(text.rfind(" ", start, start + cls.PIECE_CHARS // 2),
                        text.rfind("\n", start, start + cls.PIECE_CHARS // 2))
            cuts.append(space + 1 if space >= 0 else start + cls.PIECE_CHARS // 2)
        return [*cuts, len(text)]

    def snippet(self, terms: builtins.list[str], tokens: int) -> str | None:
        """FTS5's snippet of the first piece that holds one of `terms` (FTS5 strings), with
        ELLIPSIS where its text goes on; None when the pieces hold at most SNIPPET_MATCHES
        matches (the entry's own snippet is quick to make)."""
        if not terms:
            return None
        either = " OR ".join(terms)
        try:
            found = self.conn.execute(
                f"SELECT rowid, highlight(piece, 0, '{SearchHit.START}', '') FROM piece "
                "WHERE piece MATCH ? ORDER BY rowid",
                [either],
            )
            matches, first = 0, None
            for rowid, marked in found:
                first = first or rowid
                matches += marked.count(SearchHit.START)
                if matches > SNIPPET_MATCHES:
                    break
            else:
                return None
            ((snippet,),) = self.conn.execute(
                f"SELECT snippet(piece, 0, '{SearchHit.START}', '{SearchHit.END}', "
                f"'{ELLIPSIS}', {tokens}) FROM piece WHERE piece MATCH ? AND rowid = ?",
                [either, first],
            ).fetchall()
        finally:
            self.conn.close()
        opens, closes = self.ends[first - 1]
        head = "" if opens or snippet.startswith(ELLIPSIS) else ELLIPSIS
        return head + snippet + ("" if closes or snippet.endswith(ELLIPSIS) else ELLIPSIS)


_INDEXED_WORD = re.compile(r"\w+")


def _words_removed(before: Entry, changes: dict[str, Any]) -> bool:
    """Whether `changes` take a word out of the entry's text (one the search index holds)."""
    def words(texts: Iterable[Any]) -> set[str]:
        return {w.casefold() for t in texts if isinstance(t, str) for w in _INDEXED_WORD.findall(t)}

    columns = [c for c in ("experience", "feelings", "evaluation", "self_care") if c in changes]
    old = [getattr(before, c) for c in columns]
    new = [changes[c] for c in columns]
    if "answers" in changes:
        old += list((before.answers or {}).values())
        new += list((changes["answers"] or {}).values())
    return bool(words(old) - words(new))


def _stamp(kept: datetime | None, now: str) -> str:
    """A kept time as stored, or `now` (already written out) when there is none."""
    return now if kept is None else kept.isoformat()


def _number_on(conn: sqlite3.Connection) -> None:
    """Numbering goes on from the highest ID there is when the highest ever given is beyond
    HIGHEST_KEPT_ID and no entry has such an ID any more (AUTOINCREMENT keeps it after the
    entry is destroyed): one that an import kept before imports gave such entries new IDs."""
    conn.execute(
        "UPDATE sqlite_sequence SET seq = (SELECT coalesce(max(id), 0) FROM entry) "
        "WHERE name = 'entry' AND seq > ?1 AND NOT EXISTS (SELECT 1 FROM entry WHERE id > ?1)",
        (HIGHEST_KEPT_ID,),
    )


def _snippet_sql(query: str) -> str:
    """FTS5's snippet of the row at hand, about a line of it (`snippet_tokens`)."""
    return (
        f"snippet(entry_fts, -1, '{SearchHit.START}', '{SearchHit.END}', '{ELLIPSIS}', "
        f"{snippet_tokens(query)})"
    )


@contextmanager
def _stoppable(conn: sqlite3.Connection) -> Iterator[None]:
    """Ctrl-C (or SIGTERM, SIGHUP) stops a query that is running, as between two: SQLite
    calls back every few thousand steps, which lets Python's signal handlers run; the one that
    raises makes SQLite stop the query ("interrupted"), read here as the KeyboardInterrupt
    it was (exit 130)."""
    conn.set_progress_handler(_let_signals_in, 10_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if _interrupted(exc):
            raise KeyboardInterrupt from None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def _interrupted(exc: sqlite3.Error) -> bool:
    return str(exc) == "interrupted"


def _let_signals_in() -> int:
    """(A progress handler: 0, go on; a signal's handler that raises stops the query.)"""
    return 0


def _hit(row: Sequence[Any]) -> SearchHit:
    """A search hit from a row of `Store.search`: the entry, the answers' text, the folds of
    FOLDED_COLUMNS, and a snippet of the index's text, shown in the entry's own words."""
    count = len(FOLDED_COLUMNS)
    entry, answers = _entry(row[: -2 - count]), row[-2 - count]
    folds, snippet = tuple(row[-1 - count : -1]), row[-1]
    if folds.count(None) == count:  # indexed as written (most entries: plain ASCII)
        return SearchHit(entry, snippet)
    texts = [entry.experience, entry.feelings, entry.evaluation, entry.self_care, answers]
    marks = (SearchHit.START, SearchHit.END)
    return SearchHit(entry, unfold_snippet(snippet, list(zip(texts, folds, strict=True)), marks))


def answers_text(answers: dict[str, str]) -> str:
    """An entry's answers as the search index reads them: the writer's words alone, in the
    order asked (migration 0005 fills in older entries the same way, in SQL)."""
    return ANSWER_SEP.join(text for text in answers.values() if isinstance(text, str) and text)


def not_utf8_note(subject: str, one: bool, remedy: str | None) -> str:
    """What the writer is told of records read with U+FFFD (`Store.fetch_marked`):
    "`subject` holds (`one`, else hold) text that is not UTF-8 …", and the `remedy`."""
    return (
        f"{subject} {'holds' if one else 'hold'} text that is not UTF-8 (written by another "
        "program?), shown with U+FFFD marks in its place" + (f": {remedy}." if remedy else ".")
    )


def tag_key(tag: str) -> str:
    """What `--tag` matches a stored tag by: the tag as `write` stores it (so that one stored
    by hand or by another program, "Hard Day" or "#ward", is found as `tags` shows it; one
    read with U+FFFD keeps it), then keyed as search keys a word ("cafe" finds "café")."""
    with suppress(PeerJournalError):  # no letter or number in it ("..."): keyed as it is
        tag = normalise_tag(tag, new=False)
    return match_key(tag)


def _tag_key_sql(tag: object) -> str:
    """TAG_KEY_SQL (a damaged tag, neither text nor bytes, matches nothing typed)."""
    return tag_key(_as_text(tag)) if isinstance(tag, str | bytes) else ""


def _setting_key_sql(setting: object) -> str:
    """SETTING_KEY_SQL: a damaged setting (neither text nor bytes) reads as no setting."""
    return setting_key(_as_text(setting))


def _as_text(value: object) -> str:
    """A value given to an SQL function as text or as its bytes (any not UTF-8 read with
    U+FFFD), or "" for any other."""
    if isinstance(value, bytes):
        return value.decode(errors="replace")
    return value if isinstance(value, str) else ""


def _answers(raw: str | None) -> dict[str, str]:
    """An entry's stored answers: question id -> answer, in the order they were asked."""
    answers = json.loads(raw or "{}")
    if not isinstance(answers, dict):
        raise ValueError("answers: not an object")
    return answers


def _drift_values(drift: Drift | StoredDrift | None) -> tuple[str | None, ...]:
    """Values for DRIFT_COLUMNS."""
    return _drift_and_rates(drift)[0]


def _still_stale(
    conn: sqlite3.Connection, ids: Sequence[int], lexicon_version: str, scorer_version: str
) -> set[int]:
    """Which of the entries `ids` are there and still scored with another lexicon or scoring
    code (`Store.rescore`: not scored anew by an edit since)."""
    rows = conn.execute(
        f"SELECT id FROM entry WHERE id IN (SELECT value FROM json_each(?)) AND ({_STALE})",
        (json.dumps(list(ids)), lexicon_version, scorer_version),
    )
    return {int(entry_id) for (entry_id,) in rows}


def _drift_and_rates(
    drift: Drift | StoredDrift | None,
) -> tuple[tuple[str | None, ...], tuple[int | None, ...] | None]:
    """`_drift_values`, and the score's row of db.scoretable but the ID when it was made with
    them (`StoredDrift.rates`; None: `ScoreRows` reads it from the summary)."""
    if drift is None:
        return (None,) * len(DRIFT_COLUMNS), None
    stored = drift.stored() if isinstance(drift, Drift) else drift
    return stored[:5], stored.rates  # (DRIFT_COLUMNS: StoredDrift's fields before `rates`)


class _Replacing:
    """A text_factory that reads bytes that are not UTF-8 with U+FFFD in their place, and
    notes that it did (`replaced`)."""

    def __init__(self) -> None:
        self.replaced = False

    def __call__(self, raw: bytes) -> str:
        try:
            return raw.decode()
        except UnicodeDecodeError:
            self.replaced = True
            return raw.decode(errors="replace")


def _storable(entry_id: int) -> bool:
    """Whether `entry_id` can be an entry's: a larger one would overflow sqlite3, not be
    missing."""
    return 0 < entry_id <= MAX_SQLITE_INT


def _missing(entry_id: int, *, trashed: bool) -> NoEntryError:
    where = "in the trash" if trashed else "in the journal"
    hint = "" if trashed else " (see `peerjournal list`, or `peerjournal trash`)"
    return NoEntryError(str(entry_id), f"No entry {entry_id} {where}{hint}.")


def _damaged(entry_id: int, field: str) -> DatabaseError:
    return damaged(f"Entry {entry_id}", field)


def damaged(record: str, field: str) -> DatabaseError:
    """A stored value changed outside peerjournal (a database tool, a damaged copy): one line
    that says which record ("Entry 4"), never its text, instead of an "unexpected error"."""
    return DatabaseError(
        f"{record} in the journal is damaged: its {field} cannot be read. Repair that row "
        "with a SQLite tool, or restore the journal from a backup."
    )


def _entry(row: Sequence[Any]) -> Entry:
    field = "date"
    try:
        day = date.fromisoformat(row[1])
        field = "creation time"
        created = datetime.fromisoformat(row[2])
        field = "last change time"
        updated = datetime.fromisoformat(row[3])
        field = "answers"
        answers = _answers(row[11])
        field = "time it was deleted"
        deleted = datetime.fromisoformat(row[13]) if row[13] else None
    except (TypeError, ValueError):  # (json.JSONDecodeError is a ValueError)
        raise _damaged(row[0], field) from None
    return Entry(
        id=row[0],
        date=day,
        created_at=created,
        updated_at=updated,
        setting=row[4],
        mode=row[5],
        prompt_set=row[6],
        experience=row[7],
        feelings=row[8],
        evaluation=row[9],
        self_care=row[10],
        answers=answers,
        shared=bool(row[12]),
        deleted_at=deleted,
        drift_verdict=row[14],
        drift_summary=row[15],
        tags=sorted(row[16].split(TAG_SEP)) if row[16] else [],
    )


# What lists the entries' IDs, most direct first: the table itself, then its two indexes of
# every row (trashed ones too), each read without touching the table's pages.
_ID_LISTS = (
    "SELECT id FROM entry ORDER BY id",
    "SELECT id FROM entry INDEXED BY ix_entry_live_date ORDER BY id",
    "SELECT id FROM entry INDEXED BY ix_entry_scored_with ORDER BY id",
)
# The highest ID an entry has had (AUTOINCREMENT keeps it), and the highest there is: a seek
# to the table's last page alone.
_HIGHEST_ID = (
    "SELECT seq FROM sqlite_sequence WHERE name = 'entry'",
    "SELECT max(id) FROM entry",
)


# A "phrase" (left out, -"as here", it is one token), a bracket (-( leaves out what follows,
# as NOT does), or a run of anything else: FTS5 reads a bracket as apart from what it touches,
# so NOT(Sam) and (NOT Sam) leave Sam out, as NOT Sam does.
_TOKEN = re.compile(r'-?"[^"]*"|-?\(|\)|[^\s()]+')
_BRACKETS = ("(", ")")
_WORD = re.compile(r"\w+\*?")
# FTS5's operators, which it reads in capitals only ("not" is a word). A query FTS5 cannot
# read ("NOT Sam", "Sam NOT", "Sam OR", "Sam, Jo") is rewritten with them read as the user
# meant. (A word with an apostrophe is one already: `fold_query` quotes it, "Jo's".)
OPERATORS = ("AND", "OR", "NOT")


class QueryTerms(NamedTuple):
    """A query's terms as FTS5 strings: what to look for (each to AND with the others: a
    word, a "phrase", a prefix*, or "(a OR b)"), what to leave out (`-word`, NOT word), and
    the operators typed (AND, OR, NOT)."""

    include: builtins.list[str]
    exclude: builtins.list[str]
    operators: builtins.list[str]


def query_terms(query: str) -> QueryTerms:
    """The words, "phrases" and `prefix*`es of a query, each quoted for FTS5.

    The operators join them as FTS5 reads them where they can: NOT leaves out what follows
    it, as `-word` does (at the start too: "NOT Sam" looks for nothing); OR joins the terms
    on either side of it; AND is what a space means already. One with nothing to join on
    one side ("Sam NOT", "OR Sam") is left out."""
    terms = QueryTerms([], [], [])
    after = ""  # the operator just before this token
    for token in _TOKEN.findall(query.replace("'", " ")):
        if token in OPERATORS:
            terms.operators.append(token)
            after = token
            continue
        if token in _BRACKETS:  # (what they group is read as if they were not there)
            continue
        if token == "-(":
            after = "NOT"
            continue
        quoted = _quoted_words(token)
        if not quoted:
            continue
        if after == "NOT" or (token.startswith("-") and len(token) > 1):
            terms.exclude.extend(quoted)
        elif after == "OR" and terms.include:
            either = quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")"
            terms.include[-1] = f"({terms.include[-1]} OR {either})"
        else:
            terms.include.extend(quoted)
        after = ""
    # each term once: FTS5 takes time with the square of a query's terms (a paragraph of one
    # word pasted 5,000 times took 7 s), and a term twice finds what it finds once
    return QueryTerms(list(dict.fromkeys(terms.include)), list(dict.fromkeys(terms.exclude)),
                      terms.operators)


def _quoted_words(token: str) -> builtins.list[str]:
    """A token's words quoted for FTS5: a "phrase" (-"phrase") as one, a prefix* kept. A run
    of _ alone is no word (the index reads _ as a space between words, as it reads %)."""
    words = [word for word in _WORD.findall(token) if word.strip("_*")]
    if words and token.lstrip("-").startswith('"'):
        return ['"' + " ".join(w.rstrip("*") for w in words) + '"']
    return [f'"{w.rstrip("*")}"' + ("*" if w.endswith("*") else "") for w in words]


def fts_queries(query: str) -> Iterator[str]:
    """The user's query as FTS5 syntax first, then a forgiving rewrite of it.

    The rewrite keeps quoted phrases, `word*` prefixes and the operators (`query_terms`),
    turns `-word` into NOT, and quotes everything else, so no typed text can be an FTS5
    syntax error.
    """
    include, exclude, _ = query_terms(query)
    if include:  # a query with no words to look for ("-", "***", "-word") finds nothing
        rewritten = " AND ".join(include)
        if exclude:
            rewritten += " NOT (" + " OR ".join(exclude) + ")"
        yield _without_repeats(query)
        yield rewritten


_BARE_WORD = re.compile(r"\w+\*?")


def _without_repeats(query: str) -> str:
    """A query of bare words alone (no operator, "phrase", bracket or -word: any of those
    can give a repeat a meaning) with each word once, as `query_terms` keeps each term."""
    words = query.split()
    if all(_BARE_WORD.fullmatch(word) and word not in OPERATORS for word in words):
        return " ".join(dict.fromkeys(words))
    return query
