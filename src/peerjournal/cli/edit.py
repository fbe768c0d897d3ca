"""peerjournal edit ID: in the editor, or part by part from flags."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import typer

from peerjournal.cli.options import DAY_HELP, Json, entry_ids_argument, once
from peerjournal.context import AppContext

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date
    from pathlib import Path

    from peerjournal.cli.editor_safety import Before, Naming
    from peerjournal.db.engine import Commit
    from peerjournal.db.store import Store
    from peerjournal.drafts import Draft
    from peerjournal.entry import Entry, EntryDraft
    from peerjournal.errors import PeerJournalError
    from peerjournal.reflection import ParsedEntry, PromptSet

EDITED = ("date", "setting", "mode", "experience", "feelings", "evaluation", "self_care", "answers")


def _day_only(app: AppContext, text: str) -> date:
    """The day `edit --date` gives. A time after it is refused, not dropped: an entry keeps
    the time it was written (`write --date` can give one), which prep compares with a
    supervision's."""
    from peerjournal.dates import parse_past_moment
    from peerjournal.errors import PeerJournalError
    from peerjournal.textsafe import quoted

    day, at = parse_past_moment(text, app.now())
    if at is not None:
        raise PeerJournalError(
            f"`edit --date` changes the day only, not the time {quoted(text.strip())} gives: "
            f"give --date {day.isoformat()} (the entry keeps the time it was written)."
        )
    return day


def register(app: typer.Typer) -> None:
    @app.command()
    def edit(
        ctx: typer.Context,
        entry_ids: list[int] = entry_ids_argument(),
        # the text options are lists only so that one given twice is caught (see `once`)
        experience_given: list[str] | None = typer.Option(
            None, "--experience", "-x", metavar="TEXT", help="Replace the experience."
        ),
        feelings_given: list[str] | None = typer.Option(
            None, "--feelings", "-f", metavar="TEXT", help="Replace the feelings."
        ),
        evaluation_given: list[str] | None = typer.Option(
            None, "--evaluation", "-e", metavar="TEXT", help="Replace the evaluation."
        ),
        date: str = typer.Option(
            None, "--date", "-d", metavar="DATE", help=f"Change the date ({DAY_HELP})."
        ),
        setting_given: list[str] | None = typer.Option(
            None, "--setting", "-s", metavar="SETTING", help="Change the setting."
        ),
        tag: list[str] = typer.Option(
            None, "--tag", "-t", metavar="TAG",
            help="Replace the tags (repeatable; --tag '' removes them all)."
        ),
        add_tag: list[str] | None = typer.Option(
            None, "--add-tag", metavar="TAG", help="Add a tag, keeping the others (repeatable)."
        ),
        remove_tag: list[str] | None = typer.Option(
            None, "--remove-tag", metavar="TAG",
            help="Remove a tag, keeping the others (repeatable)."
        ),
        mode: str = typer.Option(None, "--mode", metavar="MODE", help="on-action or in-action."),
        self_care_given: list[str] | None = typer.Option(
            None, "--self-care", metavar="TEXT", help="Replace the self-care note."
        ),
        fresh: bool = typer.Option(
            False,
            "--fresh",
            help="Discard unsaved changes kept from an earlier edit of this entry and start "
            "again from the stored entry (with options: make their change instead).",
        ),
        dry_run: bool = typer.Option(
            False, "--dry-run", help="Say what would change (setting, mode, tags), change nothing."
        ),
        json_out: Json = False,
    ) -> None:
        """Change an entry. Without options, opens it in $VISUAL/$EDITOR; nothing changes if the
        editor fails or the text is unchanged. If saving an edit fails (a typo in a heading, a
        future date), your edit is kept and the next `edit ID` continues it (--fresh: start
        again from the stored entry). Several IDs (14 15, 14,15 or 14-20) change their
        setting, mode and tags only, all or none (--dry-run first says what would change).

        \b
        Examples:
          peerjournal edit 14
          peerjournal edit 14 -t handover -s inpatient
          peerjournal edit 14 --add-tag old-job
          peerjournal edit 8-30 -s ward --dry-run
        """
        import contextlib
        import time

        from peerjournal.cli.editor import waiting_hint
        from peerjournal.cli.guided import named_note, signals_held_back
        from peerjournal.cli.saved import setting_hint
        from peerjournal.dates import dated_note
        from peerjournal.db.engine import Commit
        from peerjournal.drafts import let_go_of_the_journal
        from peerjournal.entry import EntryDraft, resettled_note, validate
        from peerjournal.errors import ExitCode, PeerJournalError
        from peerjournal.launcher import settled
        from peerjournal.scoring import score_draft
        from peerjournal.setting_names import known_settings, likely_meant
        from peerjournal.textsafe import all_from_command_line as typed

        same = "The entry is unchanged."
        notes: list[str] = []  # (text not UTF-8: read as Windows-1252, or kept with a �)
        flags = {
            "experience": once(typed(experience_given, notes), "--experience", same),
            "feelings": once(typed(feelings_given, notes), "--feelings", same),
            "evaluation": once(typed(evaluation_given, notes), "--evaluation", same),
            "setting": once(typed(setting_given, notes), "--setting", same),
            "mode": mode,
            "self_care": once(typed(self_care_given, notes), "--self-care", same),
        }
        tag = typed(tag, notes) or []
        tags = _TagChange(tag, typed(add_tag, notes) or [], typed(remove_tag, notes) or [])
        app_ctx = AppContext.from_ctx(ctx)
        for note in notes:
            app_ctx.say(note)
        ids = list(dict.fromkeys(entry_ids))  # `edit 3 3` or `edit 3 '#3'` is entry 3 once
        if len(ids) > 1 or dry_run:
            texts = [k for k, v in flags.items() if v is not None and k not in _HEADER_FLAGS]
            text_given = [*(f"--{k.replace('_', '-')}" for k in texts),
                          *(["--date"] if date is not None else []),
                          *(["--fresh"] if fresh else [])]
            header = {k: flags[k] for k in _HEADER_FLAGS}
            _edit_several(
                app_ctx, ids, header, tags, text_given, dry_run=dry_run, json_out=json_out
            )
            return
        entry_id = ids[0]
        tags.check()
        store = app_ctx.store()
        store.mending(entry_id)  # (its text that is not UTF-8 needs no "correct it with edit")
        entry = _live_or_kept(app_ctx, store, entry_id)
        tags.refuse_missing([entry])
        kept: Draft | None = None
        left_out: list[str] = []  # parts not in the edited file, kept (`_not_in_file`)
        dropped: list[Draft] = []  # kept edits that --fresh drops once the flags are saved
        typed_date: str | None = date  # as typed (--date, or the editor's `date:` line)
        draft = EntryDraft.from_dict(entry.to_json())
        if any(v is not None for v in flags.values()) or date is not None or tags.given():
            if _text_piped_in(app_ctx):  # left unread: a shell loop's lines stay its own
                app_ctx.say(f"Text piped in is not read: {_AS_OPTIONS}.")
            dropped = _unsaved_before_flags(app_ctx, entry, fresh)
            for key, value in flags.items():
                if value is not None:
                    setattr(draft, key, value)
            if date is not None:
                draft.date = _day_only(app_ctx, date)
            if tags.given():
                draft.tags = tags.applied(entry)
        else:
            _refuse_the_editor_without_a_terminal(app_ctx, entry_id)
            # before the editor: not after the writer's edit
            app_ctx.refuse_if_damaged()
            app_ctx.refuse_if_read_only(
                f"entry {entry_id} is unchanged, and the editor was not opened"
            )
            app_ctx.refuse_unusable_lexicon()
            started = time.monotonic()
            kept, dropped, typed_date = _edit_in_editor(app_ctx, entry, draft, fresh, left_out)
            if kept is None:
                for note in left_out:
                    app_ctx.say(note)
                app_ctx.say(f"Entry {entry_id} is unchanged." + waiting_hint(started))
                _still_kept(app_ctx, entry_id)  # a kept edit closed without saving
                _copies_note(app_ctx, entry)
                if json_out:  # scripts get the entry whether or not it changed
                    app_ctx.print_json(_as_json(app_ctx, entry))
                return
        meant = None  # a new setting that is a near miss of a known one (as `write` says)
        # and one stored without a character typed, or naming a person (as `write -s` says)
        resettled: list[str | None] = []
        if draft.setting != entry.setting:
            meant = likely_meant(draft.setting, known_settings(app_ctx.store))
            resettled = [resettled_note(draft.setting), named_note(draft.setting)]
        # Tags not given now (no --tag, the editor's tags line as shown) stay as stored: not
        # typed now, they are not checked (a damaged one does not block a change of date).
        retagged = draft.tags != entry.tags
        if not retagged:
            draft.tags = []
        saving = False  # (scored and saved from here: words options gave are kept if it fails)
        saved = Commit()  # done once the change is committed (`Store.update`)
        late = False  # a Ctrl-C came once it was: after the commit, in its checkpoint
        try:
            # its date as stored is not checked again: dated tomorrow, today where it was
            # written (an import's, see `entry.ZONE_AHEAD`), it can still be edited
            validate(draft, app_ctx.today(), may_be=entry.date, kept_setting=entry.setting)
            changes = {k: getattr(draft, k) for k in EDITED}
            if kept is None and not dropped and _as_stored(entry, changes, draft.tags, retagged):
                # options that change nothing: its time of change stays as it is; its drift
                # is scored again (as an edit always did), for one scored with another
                # lexicon or scorer to be brought up to date
                store.set_drifts([(entry_id, score_draft(draft, app_ctx.lexicon()))])
                app_ctx.say(f"Entry {entry_id} is unchanged.")
                if json_out:
                    app_ctx.print_json(_as_json(app_ctx, store.get(entry_id)))
                return
            saving = True
            drift = score_draft(draft, app_ctx.lexicon())
            # (before the change: a copy that cannot be kept leaves the entry unchanged)
            copy = _keep_replaced(app_ctx, entry, draft) if kept is None else None
            try:
                store.update(
                    entry_id, changes, app_ctx.now(), drift,
                    tags=draft.tags if retagged else None,
                    unchanged_since=entry.updated_at,  # an edit in another terminal is not undone
                    commit=saved,
                )
                settled()  # (a Ctrl-C just before it is caught below as one after the commit)
            except BaseException:
                if copy is not None and not saved.done:
                    copy.discard()
                raise
        except (PeerJournalError, KeyboardInterrupt) as exc:  # (Ctrl-C: scoring takes a while)
            if not saved.done:  # (done: a Ctrl-C in the checkpoint after it came too late)
                failed = exc if isinstance(exc, PeerJournalError) else PeerJournalError(
                    "Interrupted.", ExitCode.INTERRUPTED
                )
                if kept is None:
                    # (Ctrl-C before the save too: while it is checked, QA r44)
                    stopped = saving or (
                        isinstance(exc, KeyboardInterrupt) and _words_changed(entry, draft)
                    )
                    if not (stopped and _gives_words(flags)):
                        raise
                    raise _options_kept(app_ctx, entry, draft, retagged, failed) from None
                failed = _gone_meanwhile(store, entry_id, failed)
                let_go_of_the_journal(app_ctx)  # (before the edit is written to again: `_noted`)
                failed.message += _kept_note(app_ctx, kept, entry, failed.message)
                raise failed from None
            late = True
            settled()
        # The change is saved: from here on nothing may turn that into an error (as for
        # `write`), or the writer (or a script trusting the exit code) makes it again. A
        # damaged page that the update did not touch can still fail the read below. A Ctrl-C
        # (SIGTERM, SIGHUP) waits until all is said, and then stops nothing: the edit is done.
        with contextlib.suppress(KeyboardInterrupt), signals_held_back():
            if late:  # (cut short by the Ctrl-C: the words the edit removed are wiped now)
                store.clear_freed()
            _after_saving(app_ctx, store, entry_id, kept, dropped, json_out)
            # tags it had are named, changed: `-t old-job` replaces them all (an entry with
            # none now has those typed, which need no word)
            if retagged and entry.tags and draft.tags != entry.tags:
                app_ctx.say(tags_note(entry.tags, draft.tags, f"entry {entry_id}"))
            for note in left_out:
                app_ctx.say(note)
            # as `write` says it: "Dec 7" on 6 Dec is last year's, "1/11" is 1 Nov, not 11 Jan
            dated = dated_note(draft.date, app_ctx.today(), typed_date)
            if dated is not None and draft.date != entry.date:
                app_ctx.say(dated)
            if copy is not None:  # (terminal or not: the replaced words are not gone, QA)
                app_ctx.say(_replaced_note(app_ctx, entry, draft, copy))
            if kept is not None:
                _copies_note(app_ctx, entry)
            for note in filter(None, resettled):
                app_ctx.say(note)
            if meant is not None:
                app_ctx.say(setting_hint(app_ctx, draft.setting, meant, entry_id))


def _after_saving(
    app: AppContext, store: Store, entry_id: int, kept: Draft | None, dropped: list[Draft],
    json_out: bool,
) -> None:
    """Once the edit of entry `entry_id` is saved: the kept edit it continued (`kept`) and
    those --fresh dropped (`dropped`) go, and the writer is told it is updated (--json: the
    entry as saved)."""
    from peerjournal.cli.saved import discard_kept, print_after_saving, stored_json

    again = f"{app.command_hint(f'edit {entry_id}')} continues it"
    _keep_recovery_of(store, entry_id, dropped)
    if dropped and all([discard_kept(app, entry_id, "updated", old, again) for old in dropped]):
        app.say(f"Discarded the unsaved changes to entry {entry_id}.")
    if kept is not None and discard_kept(app, entry_id, "updated", kept, again):
        _still_kept(app, entry_id)
    if json_out:
        print_after_saving(
            app, entry_id, "updated",
            lambda: app.print_json(stored_json(app, entry_id, "updated")),
        )
    else:
        app.say(f"Updated entry {entry_id}.")


def _words_changed(entry: Entry, draft: EntryDraft) -> bool:
    """Whether `draft` gives words `entry` does not hold as they are (spaces aside)."""
    return any(" ".join(getattr(draft, part).split()) != " ".join(getattr(entry, part).split())
               for part in _WORDS)


# What options change of several entries at once (`edit 8-300 -s "acute ward"`)
_HEADER_FLAGS = ("setting", "mode")


class _TagChange:
    """The tags options of `edit`: --tag replaces the tags; --add-tag and --remove-tag keep
    the others (a writer tagging old entries `-t old-job` lost theirs, QA r41)."""

    def __init__(self, replace: list[str], add: list[str], remove: list[str]) -> None:
        self.replace, self.add, self.remove = replace, add, remove

    def given(self) -> bool:
        return bool(self.replace or self.add or self.remove)

    def check(self) -> None:
        """Refuse --tag beside --add-tag/--remove-tag, and a tag both added and removed."""
        from peerjournal.entry import normalise_tags
        from peerjournal.errors import ExitCode, PeerJournalError

        if self.replace and (self.add or self.remove):
            raise PeerJournalError(
                "--tag replaces every tag, so it is not given with --add-tag or --remove-tag "
                "(which keep the others): use one or the other. Nothing changed.", ExitCode.USAGE
            )
        both = [t for t in normalise_tags(self.add) if _folded(t) in self.removed()]
        if both:
            raise PeerJournalError(
                f"'{both[0]}' is given to both --add-tag and --remove-tag: give it to one. "
                "Nothing changed.", ExitCode.USAGE
            )

    def removed(self) -> set[str]:
        """The tags --remove-tag names, as `list --tag` finds them (case and accents aside)."""
        from peerjournal.entry import normalise_tags

        return {_folded(t) for t in normalise_tags(self.remove, new=False)}

    def applied(self, entry: Entry) -> list[str]:
        """`entry`'s tags once changed (as typed: `validate` normalises them)."""
        if self.replace:
            return [t for t in self.replace if t.strip()]  # --tag '': no tags at all
        gone = self.removed()
        return [*(t for t in entry.tags if _folded(t) not in gone), *self.add]

    def refuse_missing(self, entries: list[Entry]) -> None:
        """Refuse a tag for --remove-tag that none of `entries` has (a typo, most likely)."""
        from peerjournal.entry import normalise_tags
        from peerjournal.errors import PeerJournalError
        from peerjournal.plural import joined

        held = {_folded(t) for entry in entries for t in entry.tags}
        missing = [t for t in normalise_tags(self.remove, new=False) if _folded(t) not in held]
        if not missing:
            return
        named = joined([f"'{t}'" for t in missing], "or")
        if len(entries) == 1:
            its = ", ".join(entries[0].tags) or "none"
            whose = f"Entry {entries[0].id} has no tag {named} (its tags: {its})"
        else:
            whose = f"None of these {len(entries):,} entries has the tag {named}"
        raise PeerJournalError(f"{whose}: `peerjournal tags` lists them. Nothing changed.")

    def changes(self, entry: Entry, after: list[str]) -> list[tuple[str, str]]:
        """What happened to each tag of `entry` that is now `after`: (tag, "added"/"removed")."""
        return [*((t, "added") for t in after if t not in entry.tags),
                *((t, "removed") for t in entry.tags if t not in after)]


def _folded(tag: str) -> str:
    """A tag as `list --tag` matches it (`store.tag_key`): whatever its case and accents."""
    from peerjournal.db.store import tag_key

    return tag_key(tag)


def tags_note(before: list[str], after: list[str], whose: str) -> str:
    """The line that says how `whose` tags changed: what went is named."""
    def listed(tags: list[str]) -> str:
        return ", ".join(tags) if tags else "none"

    return f"Tags of {whose} were {listed(before)}; now {listed(after)}."


_HEADER_OPTIONS = "--setting, --mode, --tag, --add-tag, --remove-tag"


def _edit_several(
    app: AppContext, ids: list[int], header: dict[str, str | None], tags: _TagChange,
    text_given: list[str], *, dry_run: bool, json_out: bool,
) -> None:
    """`edit` of several entries (or --dry-run): their setting, mode and tags only, all in one
    transaction or none (every ID must be there, as for `delete`), and what changed said:
    renaming a setting after a job change was one `edit` per entry (QA r41)."""
    from peerjournal.db.engine import all_or_nothing
    from peerjournal.errors import ExitCode, PeerJournalError
    from peerjournal.launcher import settled
    from peerjournal.plural import joined
    from peerjournal.scoring import score_draft

    several = len(ids) > 1
    what = "several IDs" if several else "--dry-run"
    if text_given:
        cannot = (f"take{'s' if len(text_given) == 1 else ''} one entry at a time, as in"
                  if several else "cannot be tried with --dry-run: run it without, as in")
        raise PeerJournalError(
            f"With {what}, edit changes only the setting, the mode and tags ({_HEADER_OPTIONS}):"
            f" {joined(text_given)} {cannot} {app.command_hint(f'edit {ids[0]} -x TEXT')}. Nothing"
            " changed.", ExitCode.USAGE
        )
    if not tags.given() and all(v is None for v in header.values()):
        hint = app.command_hint(f"edit {ids[0]}")  # (an ID given: the one to open)
        opens = (f"the editor opens one entry at a time, as in {hint}" if several
                 else f"a dry run opens no editor ({hint} opens it)")
        raise PeerJournalError(
            f"With {what}, give what to change ({_HEADER_OPTIONS}); {opens}. Nothing changed.",
            ExitCode.USAGE,
        )
    tags.check()
    store = app.store()
    entries = [_one_of(app, store, entry_id, len(ids) > 1) for entry_id in ids]
    tags.refuse_missing(entries)
    planned = [(entry, _planned(app, entry, header, tags)) for entry in entries]
    changed = [(entry, draft) for entry, draft in planned if draft is not None]
    if changed and not dry_run:
        now, lexicon = app.now(), app.lexicon()
        commit: Commit | None = None
        try:
            with all_or_nothing(store.conn, store.path) as commit:  # (an error or Ctrl-C: none)
                for entry, draft in changed:
                    store.update(
                        entry.id, {k: getattr(draft, k) for k in EDITED}, now,
                        score_draft(draft, lexicon),
                        tags=draft.tags if draft.tags != entry.tags else None,
                        unchanged_since=entry.updated_at,
                    )
            settled()
        except KeyboardInterrupt:
            if commit is None or not commit.done:
                raise
            settled()  # (one raised as COMMIT returned: too late, the entries are changed)
    if dry_run and not several:  # (read as the one-ID edit reads)
        _say_one_dry_run(app, *planned[0], tags, json_out)
        return
    unchanged = [entry.id for entry, draft in planned if draft is None]
    if json_out:
        app.print_json({"updated": [entry.id for entry, _ in changed], "unchanged": unchanged,
                        "dry_run": dry_run})
    _say_several(app, changed, unchanged, tags, dry_run)


def _one_of(app: AppContext, store: Store, entry_id: int, several: bool) -> Entry:
    """A live entry to change with options, with no unsaved edit kept for it (which would undo
    the change once saved); among several, an error also says that none was changed."""
    from peerjournal.cli.trash import live_entry
    from peerjournal.errors import PeerJournalError

    try:
        entry = live_entry(store, entry_id)
        _unsaved_before_flags(app, entry, False)
    except PeerJournalError as exc:
        if several and "othing changed" not in exc.message:
            exc.message = f"{exc.message.rstrip()} Nothing was changed."
        raise
    return entry


def _planned(
    app: AppContext, entry: Entry, header: dict[str, str | None], tags: _TagChange
) -> EntryDraft | None:
    """`entry` with the options' change made, ready to save (`validate`); None if it changes
    nothing. An entry that cannot take it is named: nothing is changed."""
    from peerjournal.entry import EntryDraft, validate
    from peerjournal.errors import PeerJournalError

    draft = EntryDraft.from_dict(entry.to_json())
    for key, value in header.items():
        if value is not None:
            setattr(draft, key, value)
    draft.tags = tags.applied(entry) if tags.given() else []
    try:
        validate(draft, app.today(), may_be=entry.date, kept_setting=entry.setting)
    except PeerJournalError as exc:
        exc.message = f"Entry {entry.id}: {exc.message.rstrip()} Nothing was changed."
        raise
    if not tags.given():
        draft.tags = list(entry.tags)  # (stored tags are not checked again: not typed now)
    changes = {k: getattr(draft, k) for k in EDITED}
    return None if _as_stored(entry, changes, draft.tags, True) else draft


def _say_several(
    app: AppContext, changed: list[tuple[Entry, EntryDraft]], unchanged: list[int],
    tags: _TagChange, dry_run: bool,
) -> None:
    """What `_edit_several` changed (or would): each move of a setting or a mode, each tag
    added or removed, with the entries it was made in, then those it left as they were."""
    from peerjournal.cli.trash import _numbered

    moves: dict[str, list[int]] = {}
    for entry, draft in changed:
        for move in _moves(entry, draft, tags):
            moves.setdefault(move, []).append(entry.id)
    if changed:
        ids = [entry.id for entry, _ in changed]
        app.say(f"{'Would update' if dry_run else 'Updated'} {_numbered(ids)}.")
    for move, ids in moves.items():
        app.say(f"  {move}: {_numbered(ids)}")
    if unchanged:
        already = "is" if len(unchanged) == 1 else "are"
        app.say(f"{_numbered(unchanged).capitalize()} {already} unchanged (already so).")
    if dry_run and changed:
        app.say("Nothing was changed (--dry-run).")


def _moves(entry: Entry, draft: EntryDraft, tags: _TagChange) -> list[str]:
    """Each change `draft` makes to `entry`: "Setting 'a' -> 'b'", "Tag 'x' added"."""
    moves = [f"{key.capitalize()} '{getattr(entry, key)}' -> '{getattr(draft, key)}'"
             for key in _HEADER_FLAGS if getattr(draft, key) != getattr(entry, key)]
    return moves + [f"Tag '{tag}' {how}" for tag, how in tags.changes(entry, draft.tags)]


def _say_one_dry_run(
    app: AppContext, entry: Entry, draft: EntryDraft | None, tags: _TagChange, json_out: bool
) -> None:
    """`edit ID --dry-run`, said as `edit ID` says it ("Updated entry N.", "Entry N is
    unchanged."), with what would change; --json prints the entry as it would be stored
    (as `edit ID --json` prints it once changed), with "dry_run": true."""
    if json_out:
        shown = entry.to_json()
        if draft is not None:
            shown.update(setting=draft.setting, mode=draft.mode, tags=list(draft.tags))
        app.print_json({**shown, "dry_run": True})
    if draft is None:
        app.say(f"Entry {entry.id} is unchanged.")
        return
    moves = ", ".join(move[0].lower() + move[1:] for move in _moves(entry, draft, tags))
    app.say(f"Would update entry {entry.id}: {moves}. Nothing was changed (--dry-run).")


# Standard input is never read by `edit`: its changes come from options, or the editor.
_AS_OPTIONS = "give the new text as an option (-x TEXT replaces the experience, -f the feelings)"
# How long text piped in may take to show it is there (as `write`'s _PIPE_WAIT)
_PIPE_WAIT = 0.1


def _live_or_kept(app: AppContext, store: Store, entry_id: int) -> Entry:
    """The entry (`trash.live_entry`); for one no longer there (not in the trash either),
    the error names the unsaved changes kept for it, which `write --resume --draft N` saves
    as a new entry: `edit ID` was the only way they were named."""
    from peerjournal import paths
    from peerjournal.cli.trash import live_entry
    from peerjournal.drafts import number_of, unsaved_edits
    from peerjournal.errors import NotFoundError

    try:
        return live_entry(store, entry_id)
    except NotFoundError as missing:
        try:
            store.get(entry_id, trashed=True)
        except NotFoundError:
            folder = paths.drafts_dir(app.db_path)
            edits = unsaved_edits(folder, entry_id)
            number = number_of(folder, edits[0]) if edits else None
            if number is not None:
                missing.message = (
                    f"{missing.message.rstrip()} Unsaved changes kept for an entry {entry_id} "
                    f"are draft {number} of {app.command_hint('drafts')}: "
                    f"{app.resume_hint(f' --draft {number}')} saves them as a new entry."
                )
        raise


def _refuse_the_editor_without_a_terminal(app: AppContext, entry_id: int) -> None:
    """Refuse to open the editor when standard input, its keyboard, is a pipe or a file
    (`editor.stdin_is_input`): text piped in would be its keystrokes, and with none left (the
    last pass of `while read id; do peerjournal edit $id; done < ids.txt`, whose earlier
    passes find the loop's IDs waiting) a terminal editor gives up at once. Every pass of
    such a loop is refused alike, the way to give the editor the terminal said."""
    from peerjournal.cli.editor import stdin_is_input
    from peerjournal.errors import ExitCode, PeerJournalError

    command = app.command_hint(f"edit {entry_id}")
    loop = app.command_hint('edit "$id"')[:-1] + " < /dev/tty`"
    how = (
        f"In a loop that reads IDs (`while read id`), give the editor the terminal: {loop}; "
        f"from a script, {_AS_OPTIONS}."
    )
    if _text_piped_in(app):
        raise PeerJournalError(
            f"Text was piped in, and {command} opens the entry in your editor, which would take "
            f"it as keystrokes: it was not used, and entry {entry_id} is unchanged. {how}",
            ExitCode.USAGE,
        )
    if stdin_is_input():
        raise PeerJournalError(
            f"{command} opens the entry in your editor, which takes standard input as its "
            f"keyboard, and that is a pipe or a file: entry {entry_id} is unchanged. {how}",
            ExitCode.USAGE,
        )


def _text_piped_in(app: AppContext) -> bool:
    """Whether text is waiting on standard input (not a terminal), left unread: a file
    (`< notes.txt`) or what a program wrote to the pipe (`echo … |`), looked at without taking
    a byte of it (a shell loop that feeds IDs on stdin keeps every line). Not: a terminal, an
    empty file or pipe, one left open with nothing in it (a program running peerjournal), or
    one whose text has not come within _PIPE_WAIT."""
    import os
    import select
    import stat
    import sys

    if app.stdin_is_terminal():
        return False
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    try:
        try:
            fileno = stream.fileno()
        except (OSError, ValueError, AttributeError):  # text in memory (a test's input)
            at = stream.tell()
            waiting = bool(stream.read(1))
            stream.seek(at)
            return waiting
        if stat.S_ISREG(os.fstat(fileno).st_mode):  # a file: bytes after where it is read
            return os.fstat(fileno).st_size > os.lseek(fileno, 0, os.SEEK_CUR)
        if not select.select([fileno], [], [], _PIPE_WAIT)[0]:
            return False
        import fcntl
        import struct
        import termios

        waiting_bytes = fcntl.ioctl(fileno, termios.FIONREAD, b"\0\0\0\0")
        return struct.unpack("i", waiting_bytes)[0] > 0
    except (OSError, ValueError, ImportError, AttributeError):  # (Windows: no select on pipes)
        return False


def _as_stored(entry: Entry, changes: dict[str, object], tags: list[str], retagged: bool) -> bool:
    """Whether `changes` (and `tags`, if `retagged`), made ready to save, are what `entry`
    already holds."""
    from peerjournal.entry import EntryDraft

    stored = EntryDraft.from_dict(entry.to_json())
    return all(getattr(stored, k) == v for k, v in changes.items()) and (
        not retagged or tags == stored.tags
    )


def _unsaved_before_flags(app: AppContext, entry: Entry, fresh: bool) -> list[Draft]:
    """Unsaved changes kept from an earlier editor edit of the entry, before it is changed
    by options: continued and saved later, that edit would undo the options' change without
    a word. Refused unless `fresh` (then the kept edits are returned, to drop once saved)."""
    from peerjournal.errors import PeerJournalError

    entry_id = entry.id
    earlier = _earlier_edits(app, entry)  # (--fresh never drops another entry's)
    if earlier and not fresh:
        raise PeerJournalError(
            f"Entry {entry_id} has unsaved changes from an earlier edit (kept in "
            f"{earlier[0].path}), which would undo this change once saved: continue them "
            f"with {app.command_hint(f'edit {entry_id}')}, or add --fresh to drop them and make "
            "this change. Nothing changed."
        )
    return earlier


def _earlier_edits(app: AppContext, entry: Entry, shown: str | None = None) -> list[Draft]:
    """The unsaved changes kept from earlier edits of `entry`, newest first: what `edit ID`
    continues, and what options are refused over (or --fresh drops). Those a version before
    12-04 kept are found by their text, and named as `entry`'s (`drafts.old_edits_of`); one
    open in another terminal refuses (`_not_open_elsewhere`); one of another entry with its
    ID is set aside (`set_aside_others`). One that holds `entry` just as stored (as `edit`
    shows it: `shown`), and no recovery file beside it, holds no change: discarded, quietly
    (an `edit` killed before its editor saved, QA r43)."""
    from peerjournal import paths
    from peerjournal.drafts import old_edits_of, unsaved_edits

    folder = paths.drafts_dir(app.db_path)
    for was, moved in old_edits_of(folder, entry):
        app.say(
            f"Unsaved changes an older version of peerjournal kept in {was} hold entry "
            f"{entry.id}'s text: they are kept as its edit from now on, in {moved.path}."
        )
    earlier = unsaved_edits(folder, entry.id)
    _not_open_elsewhere(app, entry.id, earlier)
    earlier = set_aside_others(app, entry, earlier)
    changes = []
    for edit in earlier:
        shown = shown if shown is not None else _as_shown(entry)  # (once, when there is one)
        if edit.recovery_files() or not edit.holds_only(shown):
            changes.append(edit)
        else:
            edit.discard()
    return changes


def _as_shown(entry: Entry) -> str:
    """`entry` as `edit` shows it in the editor (`drafts.for_entry`)."""
    from peerjournal.drafts import for_entry
    from peerjournal.entry import EntryDraft
    from peerjournal.reflection import format_template

    shown = EntryDraft.from_dict(entry.to_json())
    return for_entry(format_template(shown, _template_set(shown)), entry)


def _keep_recovery_of(store: Store, entry_id: int, dropped: list[Draft]) -> None:
    """Once the entry is saved, before `--fresh` drops the kept edits `dropped`: keep the
    recovery files an editor stopped on them left (a crashed vim's, never looked at since)
    that may hold words the entry as saved has not, for `discard_kept` to name
    (`Draft.keep_recovery_files`); the others go with their edit."""
    import contextlib

    from peerjournal.errors import PeerJournalError

    if not any(old.recovery_files() for old in dropped):
        return
    saved: str | None = None  # (the entry as `edit` shows it; None: every one is kept)
    with contextlib.suppress(PeerJournalError):
        saved = _as_shown(store.get(entry_id))
    for old in dropped:
        old.keep_recovery_files(saved)


def _not_open_elsewhere(app: AppContext, entry_id: int, earlier: list[Draft]) -> None:
    """Refuse while another terminal has one of these kept edits open in its editor: it is
    not an earlier edit but one in progress, and --fresh would delete the file under it."""
    from peerjournal.errors import PeerJournalError

    open_now = next((d for d in earlier if d.in_use()), None)
    if open_now is not None:
        raise PeerJournalError(
            f"Entry {entry_id} is open in an editor in another terminal ({open_now.path}): "
            f"finish that edit first, then {app.command_hint(f'edit {entry_id}')} again. "
            "Nothing changed."
        )


def _gone_meanwhile(store: Store, entry_id: int, exc: PeerJournalError) -> PeerJournalError:
    """`exc`; for an entry deleted while it was open in the editor, the error that says it is
    in the trash and how to bring it back (`edit ID` then continues the edit kept)."""
    from peerjournal.cli.trash import live_entry
    from peerjournal.errors import NoEntryError, NotFoundError

    if not isinstance(exc, NoEntryError):
        return exc
    try:
        live_entry(store, entry_id)
    except NotFoundError as gone:
        return gone
    return exc


# The options whose words an edit keeps when it cannot be saved (`_options_kept`)
_WORDS = ("experience", "feelings", "evaluation", "self_care")


def _gives_words(flags: Mapping[str, object]) -> bool:
    """Whether the options (`flags`) give words to keep: text, not a setting or a mode."""
    return any(flags[key] for key in _WORDS)


def _options_kept(
    app: AppContext, entry: Entry, draft: EntryDraft, retagged: bool, failed: PeerJournalError
) -> PeerJournalError:
    """`failed` (why the change that options made to `entry`, `draft`, was not saved: a full
    disk, a locked journal, Ctrl-C), once their words are kept as unsaved changes to it, which
    `edit ID` continues: as `write -x` keeps its entry (QA r43). The journal is let go of
    first: on a full disk, the failed save's -wal file took the room. When even that cannot
    be written, the edit is printed on stdout."""
    import copy

    from peerjournal import paths
    from peerjournal.drafts import (
        EDITS,
        for_entry,
        let_go_of_the_journal,
        new_edit,
        text_printed,
        write_atomic,
    )
    from peerjournal.entry import EntryDraft
    from peerjournal.reflection import format_template

    let_go_of_the_journal(app)
    edited = copy.copy(draft)
    if not retagged:  # (emptied for the save: tags not given stay as stored)
        edited.tags = list(entry.tags)
    shown = EntryDraft.from_dict(entry.to_json())
    prompt_set = _template_set(shown)
    text = for_entry(format_template(edited, prompt_set), entry,
                     format_template(shown, prompt_set))
    folder = paths.drafts_dir(app.db_path)
    try:
        kept = new_edit(folder, entry.id, app.now())
        try:
            write_atomic(kept.path, text)
        except BaseException:
            kept.discard()
            raise
        finally:
            kept.release()  # (its name chosen: `drafts.new_draft`)
    except OSError as exc:
        # (told to "try again" only once told where the words are: QA r44)
        free = _free_some_space(exc)
        once = ", once some space is freed" if free and failed.message.endswith(free) else ""
        failed.message = failed.message.removesuffix(free) if once else failed.message
        return text_printed(
            failed, text, folder / EDITS, str(exc.strerror or exc), f"edit of entry {entry.id}",
            f"{app.command_hint(f'edit {entry.id}')} opens the entry to paste it into{once}",
            "edit",
        )
    failed.message += _kept_note(app, kept, entry, failed.message)
    return failed


def _kept_note(app: AppContext, kept: Draft, entry: Entry, message: str = "") -> str:
    """What an error (`message`) adds about an edit of `entry` that could not be saved. An
    edit with no text left in it (an editor that emptied the file) is not kept: continuing it
    would open an empty file in place of the entry next time. A message that already says
    nothing was saved is not told so twice. The edit kept is noted as `entry`'s (`_noted`),
    so that `edit ID` continues it, as the note says."""
    said = message.rstrip().lower().endswith("nothing was saved.")
    if not kept.keeps_words():
        kept.discard()
        return "" if said else " Nothing changed."

    _noted(kept, entry)
    where = f"kept in {kept.path} ({app.command_hint(f'edit {entry.id}')} continues it)."
    note = f" Your edit is {where}" if said else f" Nothing changed; your edit is {where}"
    return note + _unreadable_note(app, kept, entry.id)


def _unreadable_note(app: AppContext, kept: Draft, entry_id: int) -> str:
    """For a kept edit that is not text (bytes an editor left, not UTF-8): the ways out,
    which `edit ID` alone, opening it again, never is."""
    from peerjournal import paths
    from peerjournal.cli.editor_safety import discard_command
    from peerjournal.drafts import number_of

    try:
        kept.path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        number = number_of(paths.drafts_dir(app.db_path), kept)
        return (
            f" If it cannot be made text, {app.command_hint(f'edit {entry_id} --fresh')} "
            f"starts again from the stored entry, and {discard_command(app, kept, number)} "
            "drops it."
        )
    except OSError:
        pass
    return ""


def _noted(kept: Draft, entry: Entry) -> None:
    """Put back the line that notes `kept` as an edit of `entry` (`drafts.for_entry`), when it
    is not in it: an editor stopped or killed while saving leaves the file cut short, without
    its last line, and the next `edit ID` would take it for another entry's
    (`set_aside_others`) and move it to a new-entry draft, which saved would be a second
    entry. Its bytes are kept as they are (not UTF-8 too); a file that cannot be written to
    stays as it is (continued as before: `Draft.is_of` reads its words)."""
    import contextlib

    from peerjournal.drafts import for_entry, write_atomic

    line = for_entry("", entry).lstrip("\n").encode("utf-8")
    with contextlib.suppress(OSError):
        data = kept.path.read_bytes()
        # noted already (or as another entry's: left as it is, for `set_aside_others`)
        if line.rstrip() in data or kept.entry_created() is not None:
            return
        write_atomic(kept.path, data + (b"\n" if data and not data.endswith(b"\n") else b"") + line)


def set_aside_others(app: AppContext, entry: Entry, edits: list[Draft]) -> list[Draft]:
    """Those of the kept edits `edits` (named by `entry`'s ID) that change `entry`. One of
    another entry with its ID (`Draft.is_of`: of a journal this one replaced) is never
    continued over this entry's text, nor discarded with its edits: it is moved, every word,
    to a new-entry draft, and the writer told in a line where it is and what saves it."""
    from peerjournal import paths
    from peerjournal.cli.drafts_list import changed_at
    from peerjournal.drafts import number_of
    from peerjournal.errors import PeerJournalError

    folder = paths.drafts_dir(app.db_path)
    mine = []
    for edit in edits:
        if edit.is_of(entry):
            mine.append(edit)
            continue
        try:
            since = f"{changed_at(app, edit):%Y-%m-%d %H:%M}"
            moved = edit.as_new_entry()
        except FileNotFoundError:  # finished meanwhile, in another terminal
            continue
        except OSError as exc:
            raise PeerJournalError(
                f"The unsaved changes kept in {edit.path} are to another entry {entry.id} (of "
                f"a journal this one replaced?), and could not be moved aside "
                f"({exc.strerror or exc}): entry {entry.id} is unchanged."
            ) from None
        number = number_of(folder, moved)
        saves = app.resume_hint(f" --draft {number}") if number else app.resume_hint()
        app.say(
            f"Unsaved changes kept since {since} for an entry {entry.id} are not to this one "
            f"(another with its ID, of a journal this one replaced?): kept, every word, as a "
            f"new draft in {moved.path} ({saves} saves it as a new entry)."
        )
    return mine


def _template_set(draft: EntryDraft) -> PromptSet:
    """The prompt set whose template shows `draft` in the editor."""
    from peerjournal import paths
    from peerjournal.errors import NotFoundError
    from peerjournal.reflection import DEFAULT_SET, load_prompt_set

    try:
        return load_prompt_set(draft.prompt_set, paths.user_prompts_dir())
    except NotFoundError:  # imported (jrnl) or a set since removed: the default set's template
        return load_prompt_set(DEFAULT_SET, paths.user_prompts_dir())


# The parts an option replaces whole (-x, -f, -e, --self-care), as `edit`'s messages name them
_REPLACED = {
    "experience": "experience", "feelings": "feelings", "evaluation": "evaluation",
    "self_care": "self-care note",
}


def _replaced(entry: Entry, draft: EntryDraft) -> list[str]:
    """The parts of `entry` whose words `draft` no longer holds: an option replaced them
    (`-x "one more line"`, meant to be added, replaces the whole experience)."""
    def words(text: str) -> str:  # (spaces around: "ok" is not kept inside "okay")
        return f" {' '.join(text.split())} "

    return [part for part in _REPLACED if getattr(entry, part).split()
            and words(getattr(entry, part)) not in words(getattr(draft, part))]


def _keep_replaced(app: AppContext, entry: Entry, draft: EntryDraft) -> Draft | None:
    """Before options replace text of `entry` (`_replaced`): the entry as it was, kept as a
    copy (`Draft.was`: `drafts` lists it, to take back what is needed; `drafts --discard N`
    drops it); None when no text is replaced. A copy of the entry just as it is kept already
    (`edit ID -x A`, `-x B`, `-x A` again) is that copy, not a second one. A copy that cannot
    be written refuses the change."""
    from peerjournal import paths
    from peerjournal.drafts import EDITS, new_edit, write_atomic
    from peerjournal.errors import ExitCode, PeerJournalError

    if not _replaced(entry, draft):
        return None
    folder = paths.drafts_dir(app.db_path)
    text = _as_shown(entry)
    same = _same_copy(folder, entry, text)
    if same is not None:
        return same
    unchanged = f"entry {entry.id} is unchanged"
    app.refuse_if_read_only(unchanged)  # ("its folder is read-only", as delete and share say)
    try:
        copy = new_edit(folder, entry.id, app.now(), was=True)
        write_atomic(copy.path, text)
    except OSError as exc:
        raise PeerJournalError(
            f"The entry as it was cannot be kept in {folder / EDITS} ({exc.strerror or exc}) "
            f"before its text is replaced, so {unchanged}.{_free_some_space(exc)}",
            ExitCode.DATABASE,
        ) from None
    return copy


def _free_some_space(exc: OSError) -> str:
    import errno

    return " Free some space and try again." if exc.errno == errno.ENOSPC else ""


def _same_copy(folder: Path, entry: Entry, text: str) -> Draft | None:
    """The copy of `entry` as it was (`Draft.was`) that holds `text` already, if one does."""
    from peerjournal.drafts import kept_edits

    for copy in kept_edits(folder, entry.id):
        try:
            if copy.was and copy.path.read_text(encoding="utf-8") == text:
                return copy
        except (OSError, UnicodeDecodeError):
            continue
    return None


def _replaced_note(app: AppContext, entry: Entry, draft: EntryDraft, copy: Draft) -> str:
    """What the writer is told of the text an option replaced, kept in `copy`."""
    from peerjournal import paths
    from peerjournal.cli.editor_safety import discard_command
    from peerjournal.drafts import number_of
    from peerjournal.plural import counted

    number = number_of(paths.drafts_dir(app.db_path), copy)
    parts = " and ".join(
        f"the {_REPLACED[part]} ({counted(len(getattr(entry, part).split()), 'word')})"
        for part in _replaced(entry, draft)
    )
    kept = f"draft {number}, in {copy.path}" if number else str(copy.path)
    return (
        f"Replaced {parts}; the entry as it was is kept as {kept}, to take back what you "
        f"need ({discard_command(app, copy, number)} drops it)."
    )


def _copies_note(app: AppContext, entry: Entry) -> None:
    """After `edit ID` in the editor (which opens the entry as it is): say where the text
    options replaced is kept (`_keep_replaced`), once, for the writer who came to take it
    back. Said after the editor, which would hide it."""
    import contextlib

    from peerjournal import paths
    from peerjournal.cli.drafts_list import started
    from peerjournal.cli.editor_safety import discard_command
    from peerjournal.drafts import kept_edits, number_of

    folder = paths.drafts_dir(app.db_path)
    with contextlib.suppress(OSError):
        for copy in kept_edits(folder, entry.id):
            if copy.was and copy.is_of(entry):
                number = number_of(folder, copy)
                listed = f"draft {number}; " if number else ""
                app.say(
                    f"The text an option replaced on {started(copy)} is kept in {copy.path} "
                    f"({listed}{discard_command(app, copy, number)} drops it)."
                )


def _edit_in_editor(
    app: AppContext, entry: Entry, draft: EntryDraft, fresh: bool, left_out: list[str]
) -> tuple[Draft | None, list[Draft], str | None]:
    """Edit the draft in place via the Markdown template; None when the text is unchanged;
    and a new date as its `date:` line gives it (for `dates.dated_note`).

    The returned file keeps the edited text until the caller has saved it, noting `entry`'s
    creation time (`drafts.for_entry`). Unsaved changes kept from an earlier edit of the same
    entry are continued (unless `fresh`: then they are returned, for the caller to drop once
    the fresh edit is saved, and kept if the editor fails or nothing changes; one of another
    entry with its ID is set aside, see `set_aside_others`); closed without saving (vim's
    `:q!`), they are unchanged too, and stay kept (compared with the entry as stored, they
    would look like a change the writer chose to save). What the file left out of the entry,
    kept as it is, is noted in `left_out`, to say once the outcome is known.
    """
    from peerjournal import paths
    from peerjournal.cli.drafts_list import changed_at
    from peerjournal.cli.editor import (
        check_comments,
        not_opened,
        parse_entry,
        run_editor_or_1252,
    )
    from peerjournal.cli.editor_safety import Before, stopped
    from peerjournal.drafts import EDITS, for_entry, new_edit, write_atomic
    from peerjournal.errors import PeerJournalError
    from peerjournal.reflection import apply_parsed, format_template

    prompt_set = _template_set(draft)
    entry_id = entry.id
    original = for_entry(format_template(draft, prompt_set), entry)
    earlier = _earlier_edits(app, entry, original)
    continuing = bool(earlier) and not fresh
    if continuing:
        file = earlier[0]
        app.say(
            f"You have unsaved changes to entry {entry_id} from "
            f"{changed_at(app, file):%Y-%m-%d %H:%M}: continuing them "
            f"({app.command_hint(f'edit {entry_id} --fresh')} starts again from the stored entry)."
        )
    else:
        folder = paths.drafts_dir(app.db_path)
        try:
            file = new_edit(folder, entry_id, app.now())
            # held as it is written: another terminal's `drafts` leaves it, untouched as yet,
            # alone (`Draft.untouched`)
            file.hold()
            try:
                write_atomic(file.path, original)
            except BaseException:
                file.release()
                raise
        except OSError as exc:  # a full disk: "No space left on device" alone said nothing
            raise not_opened(
                "entry", folder / EDITS, exc, f"entry {entry_id} is unchanged"
            ) from None
    before = Before.of(file)
    file.hold()  # while the editor is open: another terminal's `edit` leaves it alone
    try:
        try:
            text = run_editor_or_1252(file.path, app.say)
        finally:
            file.release()
        if continuing and not file.holds_text():  # it crashed while saving, or the disk was full
            raise PeerJournalError(
                "The editor left your unsaved changes empty; the entry is unchanged."
            )
    except (PeerJournalError, KeyboardInterrupt) as exc:  # KeyboardInterrupt: SIGTERM or SIGHUP
        raise _editor_failed(app, entry, file, before, stopped(exc), continuing) from None
    dropped = [] if continuing else earlier
    if continuing and before.closed_unsaved(file):  # (saved as it is, `:wq`, it is saved)
        return None, dropped, None
    try:
        # words typed into the template's guidance would be dropped (and an edit that only
        # has those, taken for "no changes" and discarded): refused, and kept, as for write
        check_comments(original, text)
        parsed, given = parse_entry(text, prompt_set), parse_entry(original, prompt_set)
        # Compare what the file says, not its bytes: an editor that adds a final newline or
        # trims trailing spaces, or an edited comment, is not a change to the entry.
        if text == original or parsed == given:
            _discard_unchanged(app, file)
            return None, dropped, None
        if parsed.prompts is not None and parsed.prompts != given.prompts:
            # its answers belong to the set's questions: it was "Updated", and left as it was
            raise PeerJournalError(
                f"An entry's prompt set cannot be changed (prompts: {parsed.prompts}): put "
                f"back `prompts: {given.prompts}`. Nothing was saved."
            )
        left_out += _not_in_file(entry, parsed, text)
        if parsed.tags == given.tags:  # the tags line as shown: the stored tags, untouched
            parsed.tags = None
        if parsed.date == given.date:  # the date as stored, not read again (nor refused)
            parsed.date = None
        apply_parsed(draft, parsed, app.today())
        if _as_stored(entry, {k: getattr(draft, k) for k in EDITED}, draft.tags, True):
            _discard_unchanged(app, file)  # (a section deleted: kept as it is, so nothing changed)
            return None, dropped, None
    except PeerJournalError as exc:
        if _unchanged(file, original):
            _discard_unchanged(app, file)
        else:
            exc.message += _kept_note(app, file, entry, exc.message)
        raise
    return file, dropped, parsed.date


def _not_in_file(entry: Entry, parsed: ParsedEntry, text: str) -> list[str]:
    """Name the parts of `entry` with text that the saved file (`text`) left out (a `##`
    section or a `###` question deleted; a header line deleted, every one of them too; a file
    of plain text, read as the experience alone): they are kept as they are (`apply_parsed`),
    which a writer who deleted them to remove them must know: the note that says so, if any;
    and one for a `date:` or `mode:` line left empty (`_left_empty`), kept as well."""
    from peerjournal.plural import joined

    moved = headings_deleted(entry, parsed)
    parts = _parts_left_out(entry, parsed)
    hints = [_TO_REMOVE] if parts else []
    headed = _has_headers(parsed) or _sectioned(text)
    emptied = _emptied(text) if headed else []
    lines = [key for key in _HEADER_LINES if getattr(parsed, key) is None
             and getattr(entry, key) and key not in emptied] if headed else []
    if lines:
        plural = "s" if len(lines) > 1 else ""
        parts.append(f"the {joined([f'`{key}:`' for key in lines])} line{plural}")
    if lines and not _has_headers(parsed):  # every header line deleted: how to put one back
        hints.append("to change one, put its line back at the top with the new value")
    if clearable := [key for key in lines if key in ("setting", "tags")]:
        hints.append(f"to clear {' or '.join(f'the {key}' for key in clearable)}, keep "
                     f"{' or '.join(f'`{key}:`' for key in clearable)} with nothing after it")
    notes = _left_empty(entry, [key for key in emptied if getattr(parsed, key) is None])
    return [*moved, *_kept_as_they_are(f"entry {entry.id}", parts, hints), *notes]


def headings_deleted(kept: Entry | EntryDraft, parsed: ParsedEntry) -> list[str]:
    """The note for the `##` sections of `kept` whose heading the saved file (`parsed`) left
    out but whose words end another section (`## Feelings` deleted alone: its words now
    end the experience, the section above it). The words are taken where the file has them,
    once: the section is emptied in `parsed`, not kept as it was (which held them twice, and
    said they were not in the file). `edit` and `write --resume --editor` both do this."""
    from peerjournal.plural import joined

    moved: dict[str, str] = {}
    for part in _REPLACED:
        words = " ".join(getattr(kept, part).split())
        if part in parsed.texts or not words:
            continue
        where = next((other for other, text in parsed.texts.items()
                      if _moved_to(" ".join(text.split()), kept, other, words)), None)
        if where is not None:
            parsed.texts[part] = ""
            moved[part] = where
    if not moved:
        return []
    headings = joined([f"`## {_TITLES[part]}`" for part in moved])
    under = joined([title for part, title in _TITLES.items() if part in moved.values()])
    plural = "s are" if len(moved) > 1 else " is"
    return [f"The {headings} heading{plural} not in the file, but the words under "
            f"{'them' if len(moved) > 1 else 'it'} are, now under {under}: they are kept "
            "there, once (to keep them apart, put the heading back above them)."]


def _moved_to(text: str, kept: Entry | EntryDraft, other: str, words: str) -> bool:
    """Whether the section `other` of the file (`text`) is what `kept` had there with `words`
    after it, whole (not "saddened" for "sad"): the words of a section whose heading alone
    was deleted, where the section was, at the end of the one above it. A section deleted
    with its words, the one above ending with the same words ("Tired."), is no move: it is
    kept as it was ("Not in the file")."""
    before = " ".join(str(getattr(kept, other, "")).split())
    return text == f"{before} {words}".strip()


def sections_left_out(kept: EntryDraft, parsed: ParsedEntry) -> list[str]:
    """The note for the sections and answers of a resumed draft (`kept`, as the editor
    opened it) that the saved file (`parsed`) left out: kept, as `edit` keeps an entry's
    (`write --resume --editor`: a heading deleted by accident takes no words)."""
    return _kept_as_they_are("the draft", _parts_left_out(kept, parsed), [_TO_REMOVE])


_TO_REMOVE = "to remove one, keep its heading and empty it"


def _parts_left_out(kept: Entry | EntryDraft, parsed: ParsedEntry) -> list[str]:
    """The `##` sections and `###` answers of `kept` with text that `parsed` has not, named."""
    from peerjournal.plural import counted, joined

    sections = [_TITLES[part] for part in _REPLACED
                if part not in parsed.texts and getattr(kept, part).strip()]
    plural = "s" if len(sections) > 1 else ""
    parts = [f"the {joined(sections)} section{plural}"] if sections else []
    answers = sum(1 for qid, text in kept.answers.items()
                  if qid not in parsed.questions and text.strip())
    if answers:
        parts.append(f"the answer{'s' if answers > 1 else ''} to {counted(answers, 'question')}")
    return parts


def _kept_as_they_are(whose: str, parts: list[str], hints: list[str]) -> list[str]:
    """The "Not in the file" note for `parts` (none without them)."""
    from peerjournal.plural import joined

    if not parts:
        return []
    hint = f" ({'; '.join(hints)})" if hints else ""
    return [f"Not in the file, so kept as they are in {whose}: {joined(parts)}{hint}."]


def _left_empty(entry: Entry, keys: list[str]) -> list[str]:
    """The note for `date:` or `mode:` lines the saved file has with nothing after them: an
    entry always has a date and a mode, so its own are kept (the parser reads such a line as
    not there, and `_not_in_file` said so: "Not in the file")."""
    from peerjournal.plural import joined

    if not keys:
        return []
    plural = "s were" if len(keys) > 1 else " was"
    kept = joined([f"{key} ({_shown(entry, key)})" for key in keys])
    return [
        f"The {joined([f'`{key}:`' for key in keys])} line{plural} left empty, so entry "
        f"{entry.id} keeps its {kept}, which an entry always has: to change "
        f"{'one' if len(keys) > 1 else 'it'}, type the new value after the colon."
    ]


def _shown(entry: Entry, key: str) -> str:
    """The date or the mode as the template shows it (`format_template`)."""
    return entry.date.isoformat() if key == "date" else entry.mode


def _top_lines(text: str) -> list[str]:
    """The saved file's lines, comments taken out, before its first `##` section."""
    from peerjournal.reflection import COMMENT

    without = COMMENT.sub("", text)
    first = _SECTION_LINE.search(without)
    return (without[: first.start()] if first else without).split("\n")


def _sectioned(text: str) -> bool:
    """Whether the saved file has a `##` section: one that does is no file of plain text
    (`_has_headers`), and its header lines, every one deleted, are named."""
    from peerjournal.reflection import COMMENT

    return _SECTION_LINE.search(COMMENT.sub("", text)) is not None


_SECTION_LINE = re.compile(r"^##[ \t]", re.MULTILINE)  # (text's own are escaped: `\##`)


def _emptied(text: str) -> list[str]:
    """The `date:` and `mode:` lines at the top of the saved file (its header lines, `---`
    around them or not) left with nothing after them."""
    emptied: list[str] = []
    for line in _top_lines(text):
        key, colon, value = line.strip().partition(":")
        key = key.strip().lower()
        if colon and key in (*_HEADER_LINES, "prompts"):
            if key in ("date", "mode") and not value.strip() and key not in emptied:
                emptied.append(key)
        elif line.strip() not in ("", "---"):
            break  # the first line of text: the header lines are only at the top
    return emptied


def _has_headers(parsed: ParsedEntry) -> bool:
    """Whether the file kept any header line: one of plain text, read as the experience alone
    (`_not_in_file`), is not told of each header line it has not."""
    return any(getattr(parsed, key) is not None for key in (*_HEADER_LINES, "prompts"))


# the header lines that always carry a value (`prompts:` cannot change: refused if it does)
_HEADER_LINES = ("date", "setting", "tags", "mode")


_TITLES = {
    "experience": "Experience", "feelings": "Feelings", "evaluation": "Evaluation",
    "self_care": "Self-care",
}


def _discard_unchanged(app: AppContext, file: Draft) -> None:
    """Discard a new edit the editor left as the entry is, naming the recovery files an
    editor stopped on it earlier left, which outlive it (`editor_safety.kept_recovery_note`)."""
    from peerjournal.cli.editor_safety import kept_recovery_note

    file.discard()
    note = kept_recovery_note(file)
    if note:
        app.say(note)


def _editor_failed(
    app: AppContext, entry: Entry, file: Draft, before: Before, failed: PeerJournalError,
    continuing: bool,
) -> PeerJournalError:
    """`failed` (the editor failed, was stopped, or emptied a kept edit), once no word is lost:
    a kept edit that was `continuing` keeps its text as it was `before` whatever the editor did
    (`editor_safety`); a new one that the editor left nothing new in (gone, cut short,
    untouched) is discarded, the stored entry being all it held. What is kept is noted as
    `entry`'s (`_noted`): `edit ID` continues it."""
    from peerjournal import paths
    from peerjournal.cli.editor_safety import (
        adds_something,
        discard_command,
        keeping_before,
        left_in,
        naming_recovery,
    )
    from peerjournal.drafts import number_of

    # the editor's recovery file (a closed terminal) may hold words: the edit is kept with it
    recovery = bool(file.recovery_files())
    safe = failed
    if continuing:
        safe = keeping_before(file, before, failed, _naming(app, entry.id, file))
        if safe is not failed:  # put back, or both kept: named
            _noted(file, entry)  # (what the editor left, cut short)
    elif not recovery and not adds_something(file, left_in(file), before):
        file.discard()
        return failed
    if safe is failed:
        failed.message += _kept_note(app, file, entry, failed.message)
    if not recovery:
        return safe
    forget = discard_command(app, file, number_of(paths.drafts_dir(app.db_path), file))
    return naming_recovery(file, safe, app.command_hint(f"edit {entry.id}"), forget, "edit")


def _naming(app: AppContext, entry_id: int, file: Draft) -> Naming:
    """How `editor_safety` names a kept edit (`file`): `edit ID` continues it, `edit ID
    --fresh` drops it; the text it held before the editor failed on it goes in another kept
    edit of the entry, continued once `file` is saved or discarded."""
    from peerjournal import paths
    from peerjournal.cli.editor_safety import Naming, discard_command
    from peerjournal.drafts import new_edit, number_of

    folder = paths.drafts_dir(app.db_path)
    again = app.command_hint(f"edit {entry_id}")

    def discard(kept: Draft) -> str:
        return discard_command(app, kept, number_of(folder, kept))

    def as_it_was(copy: Draft) -> str:
        return (
            "Your unsaved changes as they were before the editor opened them are kept in "
            f"{copy.path} ({again} continues them once the newer edit is saved, or discarded "
            f"with {discard(file)}; {discard(copy)} if you no longer need them)."
        )

    return Naming(
        again=lambda kept: again,
        forget=lambda kept: app.command_hint(f"edit {entry_id} --fresh"),
        spare=lambda: new_edit(folder, entry_id, app.now()),
        as_it_was=as_it_was,
    )


def _as_json(app: AppContext, entry: Entry) -> dict[str, object]:
    """The entry as `--json` gives it, with the numbers `show --json` gives (`with_scores`)."""
    from peerjournal.cli.browse import with_scores

    return with_scores(app, [entry.to_json()])[0]


def _still_kept(app: AppContext, entry_id: int) -> None:
    """Once an edit is saved: name another kept edit of the entry, which `edit ID` continues
    from now on (the text an editor failed on, kept beside what it saved)."""
    import contextlib

    from peerjournal import paths
    from peerjournal.drafts import unsaved_edits

    with contextlib.suppress(OSError):
        others = unsaved_edits(paths.drafts_dir(app.db_path), entry_id)
        if others:
            app.say(
                f"Unsaved changes from an earlier edit of entry {entry_id} are still kept in "
                f"{others[0].path}: {app.command_hint(f'edit {entry_id}')} continues them "
                f"({app.command_hint(f'edit {entry_id} --fresh')} drops them)."
            )


def _unchanged(file: Draft, original: str) -> bool:
    try:
        return file.path.read_text(encoding="utf-8") == original
    except (OSError, UnicodeDecodeError):
        return False
