"""The guided reflection: each element's heading and questions, multi-line answers, a review.

Every line typed is in the draft file before the next prompt, so a crash loses at most the
line being typed (the lines of a paste are saved together, once they have been read:
`_save_soon`); Ctrl-C, Ctrl-\\, SIGTERM and a closed terminal keep even that one in an
answer, the setting, the tags, the self-care line or at a [Y/n] question (when readline reads
the terminal). A line typed or pasted at a [Y/n] question that is no answer is kept in the
entry too (`yes_or_no_reply` tells them apart).
`write --resume` continues where it stopped. A session stopped before anything was typed
keeps no draft.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import os
import re
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any, NoReturn

from peerjournal.cli.editor import terminal_descriptor
from peerjournal.context import AppContext
from peerjournal.drafts import Draft, save_json
from peerjournal.entry import (
    REPLACEMENT,
    SETTING_SUGGESTIONS,
    EntryDraft,
    holds_text,
    normalise_setting,
    normalise_tags,
    split_tags,
)
from peerjournal.errors import ExitCode, PeerJournalError
from peerjournal.launcher import STOPPING
from peerjournal.plural import counted
from peerjournal.reflection import PromptSet
from peerjournal.replies import (
    AGAIN,
    NO_WORDS,
    SAVE_ANSWERS,
    YES_WORDS,
    a_plain_answer,
    goes_back,
    holds_no_word,
    reads_it_all,
    wants_to_go_back,
    yes_or_no_reply,
)

PASTE_WINDOW = 0.02  # seconds: the lines of one paste arrive together, a person's Enter doesn't
SAVE_EVERY = 0.5  # seconds: while a long paste is read, the draft is saved at least this often
# A line that is only this, at any prompt of a guided write, stops for now, the draft kept (as
# `supervision check` takes q). One letter alone is no answer anyone means as text; "quit" or
# "stop" may well be one ("Feelings: quit"), so they are kept as typed.
STOP_FOR_NOW = "q"
QUESTIONS_LEFT = (
    "This draft has questions still to answer, and there is no terminal to ask them at "
    "(standard input is not one), so it was left as it was."
)

# ... when the question is the setting, which cannot be saved as it is (`_unusable_setting`)
SETTING_LEFT = (
    "Give another with --setting, or resume it in a terminal, where the setting is asked "
    "again; the draft was left as it was."
)


class _StoppedForNow(Exception):
    """q typed alone on a line, or Ctrl-D (the end of input) at a terminal before "Save this
    entry?": the session ends, the draft kept (see STOP_FOR_NOW). `how`: which it was."""

    def __init__(self, how: str = STOP_FOR_NOW) -> None:
        super().__init__(how)
        self.how = how


# Before this hour (local), a new guided entry asks whether it is about yesterday: written at
# 00:40 after a late shift, "today" is most likely the wrong day (`_which_day`)
SMALL_HOURS_END = 4


# the steps of one line (`_line_step`): asked while they hold a value (gone back to, asked
# again, resumed), what they hold is said, and kept by Enter or replaced by what is typed
# (`_read_line_step`)
_ONE_LINE_STEPS = ("setting", "tags")


class _GoBack(Exception):
    """"back" typed alone at a prompt (`replies.goes_back`): the question before it is asked
    again (`GuidedSession._goes_back`), with what it holds, to add to."""


class GuidedSession:
    def __init__(
        self,
        app: AppContext,
        draft: EntryDraft,
        prompt_set: PromptSet,
        file: Draft,
        done: list[str] | None = None,
        cut_off: str | None = None,
        tags_line: str | None = None,
        entered: str | None = None,
        typed_over: str | None = None,
    ) -> None:
        self.app = app
        self.draft = draft
        self.prompt_set = prompt_set
        self.file = file
        self.done = done or []
        # the step whose answer ends in a line Ctrl-C cut off: resumed, typing carries it on
        self.cut_off = cut_off
        # the tags line as typed, not yet stored as tags: cut off by Ctrl-C, or asked about
        # (it reads like a sentence); `--resume` gives it back as it was typed, and only
        # Enter makes tags of it (a sentence or a line with no letters is kept all the same)
        self.tags_line = tags_line
        # the line step whose line was ended with Enter, and is being asked about ("did you
        # mean inpatient?"): resumed, its line was not cut off
        self.entered = entered
        # the part a line Enter ended at the step `entered` is in, while asked whether it
        # belongs there (`_moved_and_asked`): where a stop, and the resumed step, say it is
        self.moved: str | None = None
        # a line taken back after a stop at its question (`_answered_late`): not asked again
        self._as_answered: str | None = None
        # Anything the writer typed (a resumed draft: what it holds, a half-typed setting
        # too) is worth keeping.
        self.typed = holds_text(draft) or bool(
            done is not None and (draft.setting or draft.tags or tags_line)
        )
        self._resumed = done is not None  # (a draft continued: `write --resume`)
        self._setting_said = False  # taken at the day question (`_setting_typed_early`)
        # a new session's parts already holding words: given on the command line (-f, -e),
        # and shown as that when asked (not as a draft continued)
        self._given = {} if done is not None else {
            part: text for part in ("feelings", "evaluation")
            if (text := getattr(draft, part)).strip()
        }
        self.saved = False  # whether the file holds everything typed so far
        self._saved_at = 0.0  # time.monotonic() of the last save
        self._warned_unsaved = False
        self._warned_encoding = False
        self.reader = LineReader()
        # the answer being read: its lines, its store, its step
        self._answer: tuple[list[str], Any, str] | None = None
        # a line step whose words Ctrl-C keeps: what it adds to (`_read_line_step`), its
        # store, whether it adds, its step, and whether it holds a value that what is typed
        # replaces (kept until Enter: `typed_over`)
        self._line: tuple[str, Any, bool, str, bool] | None = None
        # the line typed in place of what the one-line step `cut_off` holds, cut off before
        # Enter (Ctrl-C, a stop, a kill after a pause): that step keeps what it held, and
        # `--resume` gives this line back to finish (`_read_line_step`)
        self.typed_over = typed_over
        self._asked: set[str] = set()  # the one-line steps asked in this session
        # the part a line typed at a [Y/n] question is kept in (`_yes_or_no`), and the
        # question's own answers, for Ctrl-C
        self._asking: tuple[str, dict[str, bool]] | None = None
        self._eof_is_no = False  # (while a [Y/n] question is asked: `_read_line`)
        self._ended = False  # Ctrl-D pressed at a terminal: `_step_done` stops the session
        # an answer to "Save this entry?" typed with the self-care line, before it was asked
        self._typed_ahead: str | None = None
        # the line being typed as the draft file holds it (`_save_the_typed_line`)
        self._typed_on_disk: str | None = None
        # a save called by readline, in the middle of a line being typed (`_typing`)
        self._over_a_line = False
        # the steps given as flags (-s, -t, --self-care): "back" does not go back to them
        self._flagged: set[str] = set()
        self._told_of_back = False  # (`_tell_of_back`)
        # a new entry with no --date: asked its day when written in the small hours
        self.ask_date = False
        # the day before, offered at that question until it is answered: kept in the draft,
        # so that `--resume` asks it again (never a silent "today")
        self.day_offered: date | None = None
        self._day_answered = False  # (then "back" at the first question says how to change it)
        self._back_to: str | None = None  # the step "back" went back to (`_goes_back`)
        self._in_a_paste = False  # the line read came with the one before it (`_read_line`)
        self._more_waiting = False  # more input was there once the line before was read
        # the line read last, until the next is read: Ctrl-C before an answer holds it keeps it
        self._line_read = ""

    @classmethod
    def resume(cls, app: AppContext, file: Draft, prompt_set_loader: Any) -> GuidedSession:
        draft = file.entry(app.today())
        data = file.read_json()
        try:
            done = [str(step) for step in data.get("done", [])]
        except TypeError:  # not a list
            raise file.damaged() from None
        cut_off, tags_line, entered, moved, typed_over = (
            value if isinstance(value := data.get(name), str) else None
            for name in ("cut_off", "tags_line", "entered", "moved", "typed_over")
        )
        session = cls(
            app, draft, prompt_set_loader(draft.prompt_set), file, done, cut_off, tags_line,
            entered, typed_over,
        )
        session.moved = moved
        if note := file.retagged_note():  # (an older version's draft: 'ward-round.')
            app.say(note)
        offered = data.get("day_offered")
        with contextlib.suppress(TypeError, ValueError):  # (not a date: not asked)
            session.day_offered = date.fromisoformat(offered) if offered else None
        return session

    def save(self) -> None:
        """Write the draft file; a failure (a full disk) is told once and the session goes on:
        the text is still in memory, and `write` prints it if it can be saved nowhere."""
        self._typed_on_disk = None
        if not self.typed:  # nothing worth a file yet
            self.saved = True
            return
        try:
            if self.file.kind == "editor":  # (`ask`, before the editor opens on it)
                self._save_for_the_editor()
            else:
                self._save_json()
        except OSError as exc:
            self.saved = False
            if not self._warned_unsaved:
                self._warned_unsaved = True
                self._say_between_lines(
                    f"The draft cannot be saved in {self.file.path.parent} "
                    f"({exc.strerror or exc}); carry on: your text is kept in memory."
                )
            return
        finally:
            self._saved_at = time.monotonic()
        self.saved = True

    def _save_json(self) -> None:
        extra = {
            name: value
            for name, value in (
                ("cut_off", self.cut_off),
                ("tags_line", self.tags_line),
                ("entered", self.entered),
                ("moved", self.moved),
                ("typed_over", self.typed_over),
                ("day_offered", self.day_offered and self.day_offered.isoformat()),
            )
            if value is not None
        }
        save_json(self.file, {"entry": self.draft.to_dict(), "done": self.done, **extra})

    def _save_for_the_editor(self) -> None:
        """Write the draft as the editor opens it (`write --editor`): its template, filled in."""
        from peerjournal.drafts import write_atomic
        from peerjournal.reflection import format_template

        write_atomic(self.file.path, format_template(self.draft, self.prompt_set))

    def _save_soon(self) -> None:
        """Save, unless more of a paste is already waiting to be read: its lines are saved
        together once read, and at least every SAVE_EVERY seconds meanwhile. Saving the whole
        draft again after each line made a 3,000-line paste take most of a minute. What is
        left unsaved is saved as soon as no key is waiting: before `_read_line` reads a line,
        and (through readline) before a key of the next line is waited for (`_save_unsaved`),
        so a line typed ahead is on disk while the next one is typed. (A terminal reading
        lines without readline shows input waiting only once a whole line is there.)"""
        if time.monotonic() - self._saved_at < SAVE_EVERY and more_input_waiting():
            self.saved = False
        else:
            self.save()

    def _say_between_lines(self, message: str) -> None:
        """Say `message`; while a line is being typed (a save called by readline: `_typing`),
        on a line of its own, the prompt and the words typed so far drawn again below it."""
        if not self._over_a_line:
            self.app.say(message)
            return
        self._end_the_typed_line()
        self.app.say(message)
        with contextlib.suppress(AttributeError, ValueError, OSError):
            self.app.err.file.flush()
        if _Utf8Keys.installed is not None:
            _Utf8Keys.installed.redraw()

    def _typing(self, save: Callable[[], None]) -> Callable[[], None]:
        """`save`, as readline calls it while a line is being typed (see `_say_between_lines`)."""

        def call() -> None:
            self._over_a_line = True
            try:
                save()
            finally:
                self._over_a_line = False

        return call

    def _save_unsaved(self) -> None:
        """Save what `_save_soon` left unsaved (readline's key reader calls this when no key
        is waiting: the writer has paused)."""
        if not self.saved:
            self.save()

    def _save_the_typed_line(self) -> None:
        """Save the draft with the line being typed in it, as Ctrl-C would keep it
        (`_keep_the_interrupted_line`: the answer's last line, cut off), while the session
        goes on as it was: called when the writer has paused in the middle of a line (see
        `_Utf8Keys.paused`), so that a process killed (kill -9, a crash) keeps the words not
        yet ended with Enter. Never within a paste, which does not pause."""
        import dataclasses
        import readline

        typed = _line_buffer(readline)
        if not typed.strip() and self._typed_on_disk is not None:
            self._words_erased()
            return
        if not typed.strip() or typed == self._typed_on_disk:
            self._save_unsaved()
            return
        before = dataclasses.replace(self.draft, answers=dict(self.draft.answers),
                                     tags=list(self.draft.tags))
        state = (self.cut_off, self.tags_line, self.typed, self._warned_encoding, self.entered,
                 self.typed_over)
        lines = list(self._answer[0]) if self._answer is not None else None
        self.reader.interrupted = typed
        self._warned_encoding = True  # (nothing is said in the middle of a line)
        try:
            self._keep_the_interrupted_line()
            self.save()
        finally:
            for field in dataclasses.fields(before):
                setattr(self.draft, field.name, getattr(before, field.name))
            (self.cut_off, self.tags_line, self.typed, self._warned_encoding, self.entered,
             self.typed_over) = state
            if self._answer is not None and lines is not None:
                self._answer[0][:] = lines
            self.reader.interrupted = ""
        self._typed_on_disk = typed

    def _words_erased(self) -> None:
        """The line saved at a pause (`_save_the_typed_line`) erased (Ctrl-U, Backspace): the
        draft saved again without it, as it stands with the lines ended before; with none
        (nothing else typed yet), the draft file that held only that line is removed."""
        if self.typed:
            self.save()
            return
        try:
            self.file.path.unlink(missing_ok=True)
        except OSError:
            return
        self._typed_on_disk = None

    def run(self, ask_setting: bool, ask_tags: bool, ask_self_care: bool) -> EntryDraft:
        """Walk the writer through the prompts; returns the draft when they choose to save."""
        from peerjournal.entry import SettingError
        from peerjournal.render.writing import Review

        refused = self._unusable_setting(ask_setting)
        if self.unanswerable(ask_setting, ask_tags, ask_self_care):
            # (a SettingError: the command that continues the draft names --setting)
            raise SettingError(f"{refused[1]} {SETTING_LEFT}") if refused[1] else (
                PeerJournalError(QUESTIONS_LEFT))
        with self._at_the_terminal(self._say_how):
            self._which_day()
            while True:
                try:
                    self._walk(refused)
                    break
                except _GoBack:  # (the step gone back to is no longer done: asked again)
                    self._answer, self._line, refused = None, None, ("", "")
            self.app.err.print(Review(self.draft))
            # no answer (Ctrl-D) is no, as elsewhere: the draft is kept
            # words typed there (the last answer, one prompt late) go to the evaluation; to
            # change it, --editor: `--resume` alone comes straight back here
            change = f"to change it: n, then {self.app.resume_hint(' --editor')}"
            question, read_all = self._save_question()
            save = self._yes_or_no(
                question, "Please answer y (save) or n (keep it as a draft).",
                "evaluation", named=SAVE_ANSWERS, note=f" ({change})",
                back=f"Please answer y (save) or n (keep it as a draft; {change}).",
                read_all=read_all,
            )
        if save is None:
            raise self.stopped(
                "No answer to 'Save this entry?' (end of input), so it was not saved.",
                ExitCode.USER_ERROR,
            )
        self._no_words_after_the_answer(save)
        if not save:
            raise self.stopped(
                "Not saved.", ExitCode.USER_ERROR,
                f"{self.app.resume_hint(' --editor')} opens it to change it, "
                f"{self.app.resume_hint()} asks again to save it",
            )
        if not self.saved:  # (the rest of a paste typed at "Save this entry?": `_save_soon`)
            self.save()
        return self.draft

    def ask(self, question: str, again: str, keep_in: str, named: dict[str, bool]) -> bool | None:
        """One [Y/n] question asked on its own (`write --editor`'s day question), read as a
        session reads its questions (`_yes_or_no`): words typed or pasted there, every line of
        a paste, are added to `keep_in`; Ctrl-C keeps the line being typed and the rest of a
        paste in the draft and stops, saying where (`_at_the_terminal`). None: Ctrl-D."""
        with self._at_the_terminal():
            return self._yes_or_no(question, again, keep_in, named=named)

    def _save_question(self) -> tuple[str, Callable[[], None] | None]:
        """"Save this entry?"; at a terminal, with what "r" there reads out (`_read_it_all`),
        offered before the question (which ends where the answer is typed, as it always has),
        on a line of its own where both do not fit on one (the question is never broken)."""
        question = "Save this entry? [Y/n] "
        if not self.app.stdin_is_terminal():
            return question, None
        hint = "(r: read all)"
        space = "\n" if len(f"{hint} {question}") > _columns() - 1 else " "
        return f"{hint}{space}{question}", self._read_it_all

    def _read_it_all(self) -> None:
        """The whole entry, each part in full and each answer under its question (`r` at
        "Save this entry?"): the review shows a line a part, its first words, and a writer
        who cannot see the screen had no way to hear the rest before saving it."""
        from peerjournal.reflection import whole_parts
        from peerjournal.render.layout import Section
        from peerjournal.render.safe import safe_text
        from peerjournal.render.writing import WHOLE, Review, nothing_said

        details = "\n".join(f"{label}: {value or nothing_said(label, False)}"  # (as the review)
                            for label, value in Review(self.draft).rows() if label in WHOLE)
        self.app.err.print(Section("The whole entry", safe_text(details)))
        for name, text in whole_parts(self.draft, self.prompt_set):
            self.app.err.print(Section(name, safe_text(text or "skipped")))

    def _say_how(self) -> None:
        """What a session says first: the prompts, and (at a terminal) the draft and how to stop."""
        typing = (  # (piped in, only "Save this entry?" is answered: nobody types)
            f" Draft, saved as you type: {self.file.path} (q alone on a line, or Ctrl-D, stops "
            "for now)."
            if self.app.stdin_is_terminal() else ""
        )
        self.app.say(
            f"Writing with the {self.prompt_set.name!r} prompts: {self.prompt_set.title}."
            + typing
        )
        kept = self._kept_before() if typing and self._resumed else ""
        if kept:
            self.app.say(f"Kept from before: {kept}.")

    def _kept_before(self) -> str:
        """What the parts answered before the first question a resumed draft asks hold, in
        a few words ("Setting: ward; Experience: 120 words": lines said nothing of a long
        paragraph, and counted a blank line between two): that question shows only its own
        ("continuing your draft"), and a writer who cannot see the screen had no way to know
        the rest was kept. "" when every question is answered (the review follows)."""
        from peerjournal.reflection import ELEMENT_TITLES, set_layout

        steps = self._steps()
        first = next((step for step in steps if step not in self.done), None)
        if first is None:
            return ""
        before = steps[: steps.index(first)]
        layout = set_layout(self.prompt_set)
        words: dict[str, int] = {}  # each element's words, with its answers'
        for step in before:
            if step in _ONE_LINE_STEPS:  # (the setting first, and the tags after them all)
                continue
            qid = step.partition("answer:")[2]
            element = layout[qid][0] if qid in layout else step
            text = self.draft.answers.get(qid, "") if qid else getattr(self.draft, step)
            words[element] = words.get(element, 0) + len(text.split())
        kept = [f"Setting: {self.draft.setting}"] if before and self.draft.setting.strip() else []
        kept += [f"{ELEMENT_TITLES.get(element, element)}: {counted(count, 'word')}"
                 for element, count in words.items() if count]
        if "tags" in before and self.draft.tags:
            kept.append(f"Tags: {', '.join(self.draft.tags)}")
        return "; ".join(kept)

    @contextlib.contextmanager
    def _at_the_terminal(self, first: Callable[[], None] = lambda: None) -> Iterator[None]:
        """Lines read for the length of the block as the session reads them (`LineReader`,
        the draft saved as they are typed), `first` said once the draft is saved. The
        terminal keeps what is queued at Ctrl-C (`_queued_input_kept`): Ctrl-C keeps the line
        being typed and the rest of a paste (`_keep_the_interrupted_line`), and stops with the
        error that says where they are; so does q (or Ctrl-D at a terminal), saying so."""
        forgiving_stdin(keep_bytes=not self.app.stdin_is_terminal())
        self.reader = LineReader.for_stdin()
        self.reader.keys_as_they_come()  # (before the first prompt: a paste is taken whole)
        try:
            self.reader.idle = self._typing(self._save_unsaved)
            self.reader.paused = self._typing(self._save_the_typed_line)
            self.save()
            first()
            put_back_quit = quit_as_terminate()
            put_back_flush = _queued_input_kept()
        except BaseException:  # (a Ctrl-C as it starts: the terminal gets its line mode back)
            self.reader.close()
            raise
        put_back_ctrl_c = _nothing
        try:
            yield
        except KeyboardInterrupt:
            # Ctrl-C pressed twice quickly: the second cut short the saving of the draft (the
            # line being typed lost) and the message that says where it is
            put_back_ctrl_c = _ctrl_c_ignored()
            self._end_the_typed_line()
            with signals_held_back():  # (SIGTERM too: it stops the session again)
                self.reader.interrupted += _queued_input()
                kept = self._keep_the_interrupted_line()
                error = self.stopped(f"Interrupted.{kept}", ExitCode.INTERRUPTED)
            raise error from None
        except _StoppedForNow as stop:
            raise self.stopped(self._why_stopped(stop.how), ExitCode.USER_ERROR) from None
        finally:
            self.reader.close()
            put_back_quit()
            put_back_flush()
            put_back_ctrl_c()

    def _which_day(self) -> None:
        """Written between midnight and SMALL_HOURS_END (`ask_date`: a new entry, no --date)
        at a terminal, the entry's day is asked: yesterday (Enter, y, "yesterday", "last
        night": the shift that just ended) or today (n, "today"). Until it is answered the
        draft keeps the day offered (`day_offered`), and `--resume` asks again; piped in, the
        day kept is said. Ctrl-D stops for now, as at any prompt. The day used is said, and
        so is `edit --date`, which changes it later. Any other hour asks nothing; nor does a
        day before the first that can be saved (1 Jan 1900)."""
        from peerjournal.dates import EARLIEST, spoken
        from peerjournal.replies import DAY_ANSWERS

        now = self.app.now()
        if self.ask_date and self.app.stdin_is_terminal() and now.hour < SMALL_HOURS_END:
            before = now.date() - timedelta(days=1) if now.date() > EARLIEST else None
            self.day_offered = before
        self.ask_date = False
        offered = self.day_offered
        if offered is None:
            return
        shown = spoken(offered, weekday=True)
        if not self.app.stdin_is_terminal():
            self.day_offered = None
            self._say_dated(f"{spoken(self.draft.date, weekday=True)}, the day it was begun: "
                            f"whether it is about {shown} was not answered")
            return
        question, again = day_question(now, offered, self.draft.date)
        answer = self._yes_or_no(question, again, "experience", named=DAY_ANSWERS,
                                 aside=self._setting_typed_early)
        if answer is None:  # Ctrl-D: stops for now, as the line above the question says
            raise _StoppedForNow("Ctrl-D")
        if answer:
            self.draft.date = offered
        self.day_offered = None
        self._day_answered = True
        today = "today, " if self.draft.date == now.date() else ""
        self._say_dated(shown if answer else f"{today}{spoken(self.draft.date, weekday=True)}")
        self.save()

    def _setting_typed_early(self, typed: str) -> bool:
        """A setting typed at the day question, ahead of its own (one used or listed, or a
        near miss of one: "comunity"; or a short place, `_reads_like_a_place`: "home visit"),
        was added to the experience (QA r48): it is asked about instead. y makes it the
        setting (the one meant, for a near miss), which the Setting prompt then holds; n adds
        it to the experience, as any words typed there; no answer (Ctrl-D) too, and stops
        for now, as Ctrl-D at the day question does. Returns whether it was asked about."""
        from peerjournal.setting_groups import setting_key
        from peerjournal.setting_names import known_settings, likely_meant
        from peerjournal.textsafe import clean

        first = typed.split()[0].strip(".,!?;:").lower() if typed.split() else ""
        if ("setting" in self.done or self.draft.setting.strip() or first in YES_WORDS | NO_WORDS
                or reads_like_a_sentence(typed, one_value=True)):  # ("yes, the ward": a reply)
            return False
        known = known_settings(self.app.store)
        meant = likely_meant(typed, known) or next(
            (name for name in known if setting_key(name) == setting_key(typed)),
            typed if _reads_like_a_place(typed) else None)
        if meant is None:
            return False
        shown, suggested = clean(typed, multiline=False), clean(meant, multiline=False)
        taken = self._yes_or_no(
            f"'{shown}' reads like a setting, not y or n: make {suggested} the setting? [Y/n] ",
            f"Please answer y (the setting is {meant}) or n (add '{typed}' to your experience).",
            "experience", named={meant: True},
        )
        if taken:
            self.draft.setting, self._setting_said = meant, True
            self.app.say(f"The setting is {suggested} (the Setting question shows it).")
        else:
            self._add_to("experience", typed)
            self.app.say("Added to the end of your experience.")
        self.save()
        if taken is None:  # Ctrl-D: stops for now, as at the day question
            raise _StoppedForNow("Ctrl-D")
        return True

    def _say_dated(self, which: str) -> None:
        self.app.say(f"Dated {which} ({self.app.command_hint('edit ID --date DATE')} "
                     "changes it once saved).")

    def _walk(self, refused: tuple[str, str]) -> None:
        """Every step before "Save this entry?", those not yet done (`done`) asked in turn;
        "back" (`_goes_back`) ends it early, to walk again from the step gone back to."""
        from peerjournal.render.writing import element_intro

        self._line_step(
            "setting",
            f"Setting ({', '.join(SETTING_SUGGESTIONS[:3])}, …; Enter to skip):",
            self._store_setting,
            current=lambda: self.draft.setting,
            check=self._checked_setting,
            hold=lambda v: setattr(self.draft, "setting", v),
            refused=refused,
        )
        self._step_done()
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
            self._step_done()
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
                self._step_done()
        self._line_step(
            "tags",
            "\nTags, separated by commas (Enter to skip):",
            self._store_tags,
            current=lambda: (
                self.tags_line if self.tags_line is not None else ", ".join(self.draft.tags)
            ),
            check=lambda v: self._not_an_early_answer(v, "tags", self._not_a_sentence),
            hold=self._hold_tags,
        )
        self._step_done()
        self._line_step(
            "self_care",
            "\nSelf-care: one thing you did or will do for yourself (Enter to skip):",
            lambda v: setattr(self.draft, "self_care", v),
            current=lambda: self.draft.self_care,
            adds=True,
            check=lambda v: self._not_an_early_answer(v, "self_care", self._pasted_on),
        )
        self._step_done()

    def _unusable_setting(self, ask: bool) -> tuple[str, str]:
        """The draft's setting and why, when it cannot be saved (`normalise_setting`: longer
        than a setting can be, no letter; kept by an earlier version, or cut off by Ctrl-C):
        its step is asked again, the line given back to put right, never a save that fails
        and a `--resume` that comes back to it. ("", "") when it can, or is not asked."""
        if not ask or not self.draft.setting.strip():
            return "", ""
        try:
            normalise_setting(self.draft.setting)
        except PeerJournalError as exc:
            if "setting" in self.done:
                self.done.remove("setting")
            return self.draft.setting, exc.message
        return "", ""

    def _store_setting(self, value: str) -> None:
        """The setting line stored, when it can be saved (`normalise_setting` says why not);
        a character it leaves out is said, as `write -s` says it (`resettled_note`)."""
        from peerjournal.entry import resettled_note

        normalise_setting(value)
        self.draft.setting = value
        note = resettled_note(value)
        if note:
            self.app.say(note)

    def given_as_flags(self, ask_setting: bool, ask_tags: bool, ask_self_care: bool) -> None:
        """The questions not to ask (given as flags) marked answered: a resumed draft won't
        ask them again, and `questions_left` does not count them."""
        for key, ask in (
            ("setting", ask_setting),
            ("tags", ask_tags),
            ("self_care", ask_self_care),
        ):
            if not ask:
                self._flagged.add(key)
            if not ask and key not in self.done:
                self.done.append(key)

    def unanswerable(self, ask_setting: bool, ask_tags: bool, ask_self_care: bool) -> bool:
        """Whether a question is left (those given as flags marked answered: `given_as_flags`)
        with no terminal to ask it at (`write --resume < /dev/null`, cron): end of input at
        each prompt would mark its question done, and clear a line cut off; only "Save this
        entry?" is answered from a script (`echo y | peerjournal write --resume`; text piped
        in is kept by `write` as a draft of its own)."""
        self.given_as_flags(ask_setting, ask_tags, ask_self_care)
        return not self.app.stdin_is_terminal() and self.questions_left()

    def takes_another_set(self, prompt_set: PromptSet) -> bool:
        """Use `prompt_set` in place of the draft's own when its own asked nothing: every step
        done and no question answered (a quick entry kept, its -p refused: `write --resume -p
        SET` then gives the set meant; `write` calls this only for one kept so). Returns
        whether it did."""
        if self.questions_left() or any(text.strip() for text in self.draft.answers.values()):
            return False
        self.prompt_set, self.draft.prompt_set = prompt_set, prompt_set.name
        self.done += [key for key in self._steps() if key not in self.done]
        return True

    def questions_left(self) -> bool:
        """Whether a question before "Save this entry?" is still to be answered."""
        return any(key not in self.done for key in self._steps())

    def _no_words_after_the_answer(self, save: bool) -> None:
        """Refuse to save when lines came in after the answer to "Save this entry?" on standard
        input that is no terminal (`printf 'y\\nOne more thought\\n' | write --resume`, or a
        program that writes them a second later): they are added to the end of the
        evaluation, as words typed at the question are, and the draft is kept, for the writer
        to look at it again; after a no (`save` False) too, the writer told. Standard input
        is read to its end, as a filter reads it: a line still to come is never left unread.
        More answers (`yes |`) are not words."""
        if self.app.stdin_is_terminal():
            return
        lines: list[str] = []
        notice = QuietNotice(self.app.say, WAITING_NOTICE)
        try:
            cut = _rest_of_stdin(lines, notice.poke)
        except KeyboardInterrupt:
            said = INTERRUPTED_AFTER[save].format(count="{count}", where=_EVALUATION)
            self._words_after_the_answer(lines, said, ExitCode.INTERRUPTED)
            raise self.stopped(INTERRUPTED_AT[save], ExitCode.INTERRUPTED) from None
        finally:
            notice.cancel()
        reason = AFTER_THE_ANSWER[save].format(count="{count}", where=_EVALUATION)
        self._words_after_the_answer(lines, reason, ExitCode.USER_ERROR, cut)

    def _words_after_the_answer(
        self, lines: list[str], reason: str, code: ExitCode, cut: bool = False
    ) -> None:
        """The `lines` read after the answer (`_rest_of_stdin`), if any holds words, added to
        the end of the evaluation; the session then stops, saying `reason` (its {count}: of
        the lines), and, when the reading stopped at the size limit (`cut`), so."""
        from peerjournal.entry import MAX_TEXT_CHARS

        words, count = words_after_the_answer(_as_text(lines, self.app.say).splitlines())
        if not words:
            return
        self._add_to("evaluation", self._clean(words))
        if cut:
            reason += CUT_SHORT.format(most=MAX_TEXT_CHARS)
        raise self.stopped(
            reason.format(count=counted(count, "line")), code,
            f"{self.app.resume_hint(' --editor')} opens it to check it, "
            f"{self.app.resume_hint()} asks again to save it",
        )

    def _steps(self) -> list[str]:
        """The keys of every step, in the order asked (`done` holds those answered)."""
        elements = [
            key
            for element in self.prompt_set.elements
            for key in (element.id, *(f"answer:{q.id}" for q in element.questions))
        ]
        return ["setting", *elements, "tags", "self_care"]

    def _yes_or_no(
        self, question: str, again: str, keep_in: str, named: dict[str, bool] | None = None,
        note: str = "", back: str | None = None, read_all: Callable[[], None] | None = None,
        aside: Callable[[str], bool] | None = None,
    ) -> bool | None:
        """A [Y/n] question, its replies read by `yes_or_no_reply` (`named`: more answers,
        such as the setting suggested); end of input (Ctrl-D) is no answer (None). A try at y
        or n ("ues", "hmm") is asked again, saying `again`. Any other line is words for the
        entry, never thrown away: added to the end of `keep_in` (a part of the entry), with
        the rest of a paste, the writer told where (and `note`), and the question asked
        again. What a line says decides, however fast it came (a laggy link sends a burst),
        unless more lines are waiting behind it: then it is part of a paste, and text.
        `read_all`: called for "r" (`reads_it_all`), and the question asked again. `aside`:
        called with a line of words typed alone, which it may take (True: it asked about the
        line, and put it where the writer said) before the question is asked again."""
        while True:
            self._asking = (keep_in, named or {})  # Ctrl-C keeps the line being typed (`run`)
            answer = self._read_answer(question)
            self._asking = None
            if answer is None:
                return None
            if read_all is not None and reads_it_all(answer) and not more_input_waiting():
                read_all()
                continue
            # a request to go back ("let me edit") is one at `back`'s question, from a writer
            # at a terminal: piped in, it is words (kept)
            requests = back is not None and self.app.stdin_is_terminal()
            # "x⏎⏎": asked again, unless words follow it (a y or n in a paste is its words)
            stray = holds_no_word(answer) and not isinstance(yes_or_no_reply(answer, named), bool)
            waiting = more_input_waiting()
            reply = None if waiting and not stray else yes_or_no_reply(
                answer, named, requests=requests)
            pasted = 0
            if stray and not isinstance(reply, bool):
                following = self._drop_blank_lines_waiting(keep_in, named or {})
                if following is None or isinstance(yes_or_no_reply(following, named), bool):
                    reply, self._typed_ahead = AGAIN, following
                else:  # "I⏎was there…": the first line of a paste, words like the rest
                    self._add_to(keep_in, answer.strip())
                    reply, answer, pasted = None, following, 1
            if reply == AGAIN:  # (`back`: said to a wish to go back, "edit", "undo")
                self.app.say(self._back(answer, back) if back and wants_to_go_back(answer)
                             else again)
                continue
            if isinstance(reply, bool):
                return reply
            if aside is not None and not waiting and not pasted and aside(answer.strip()):
                continue
            if answer.strip():
                self._add_to(keep_in, answer.strip())
            added, last = self._rest_of_the_paste(keep_in, named or {})
            added += bool(answer.strip()) + pasted
            if added:
                words = "That reads" if added == 1 else "Those lines read"
                self.app.say(
                    f"{words} like words for your entry, not y or n: added to the end of "
                    f"your {_PLACES.get(keep_in, keep_in)}{note}."
                )
            if last is not None:  # the paste's last line, an answer
                return a_plain_answer(last) is True

    def _drop_blank_lines_waiting(self, part: str, named: dict[str, bool]) -> str | None:
        """The blank lines typed fast after a stray key at a [Y/n] question: no answer (Enter
        there is a yes), and no words. Returns the first line with something in it, if one
        was waiting: an answer typed ahead, or the rest of a paste that opened with "I"."""
        while more_input_waiting():
            self._asking = (part, named)  # (Ctrl-C keeps the line being typed)
            line = self._read_line("")
            self._asking = None
            if line is None:
                break
            if line.strip():
                return line
        return None

    @staticmethod
    def _back(answer: str, back: str) -> str:
        """What a wish to go back (`answer`) is told: it is not added to the entry, shown (the
        line is not lost from sight), and `back`, the way to change it."""
        from peerjournal.textsafe import clean

        shown = clean(answer.strip(), multiline=False)
        return f"'{shown}' reads as a wish to change your entry, so it is not added to it. {back}"

    def _add_to(self, part: str, line: str) -> None:
        """`line` added to the end of `part` (typed at a question, or at the wrong prompt):
        on a new line, or after a space in the one-line self-care note; saved."""
        before = getattr(self.draft, part)
        if part == "self_care":
            after = f"{before.rstrip()} {line.strip()}".strip()
        else:
            after = _line_added(before, line if before.strip() else line.lstrip("\n"))
        setattr(self.draft, part, after)
        if self.cut_off == part:  # its last line is no longer the one Ctrl-C cut off
            self.cut_off = None
        self.typed = True
        self._save_soon()

    def _rest_of_the_paste(
        self, part: str, named: dict[str, bool] | None = None
    ) -> tuple[int, str | None]:
        """The lines of a paste still waiting, added to the end of `part` (a blank line
        between two of them kept); returns how many, and its last line if that is an answer
        to the question asked or asked next (`named` given; only y, yes, n or no alone,
        `a_plain_answer`: "Sure." after "He said:" is words), typed after lines that came
        with it (a laggy link), else None."""
        added = blanks = 0
        while more_input_waiting():
            self._asking = (part, named or {})
            line = self._read_line("")
            self._asking = None
            if line is None:
                break
            if not line.strip():
                blanks += 1
                continue
            last = named is not None and not more_input_waiting()
            if last and a_plain_answer(line) is not None:  # ("Sure." is words: QA r48)
                return added, line
            self._add_to(part, "\n" * blanks + line.rstrip())
            added, blanks = added + 1, 0
        return added, None

    def _not_an_early_answer(
        self, typed: str, step: str, then: Callable[[str], str | None]
    ) -> str | None:
        """A bare yes or no typed at the tags or the self-care note (`step`) is most likely
        the answer to "Save this entry?" typed one prompt early: asked about, Enter or y skips
        the step (its line not kept), n keeps it as typed. Else (or kept) the line goes on to
        the step's own check, `then`. Words typed at the question are the tags meant, or are
        added to the self-care note, and kept whatever the answer."""
        early = len(typed.split()) == 1 and isinstance(yes_or_no_reply(typed), bool)
        if not early or more_input_waiting():
            return then(typed)
        name = "tags" if step == "tags" else "self-care note"
        question = (
            f"{typed.strip()!r} reads like an answer to 'Save this entry?', which comes "
            f"next: skip the {name}? [Y/n] "
        )
        again = f"Please answer y (skip the {name}) or n (keep {typed.strip()!r} as your {name})."
        if step == "tags":
            return self._tags_meant(typed, question, again, then)
        before = self.draft.self_care  # (the line typed: `_line_step` keeps it while asked)
        skip = self._yes_or_no(question, again, step)
        note = self.draft.self_care  # with the words added at the question
        return note[len(before):].strip() if skip else then(note)

    def _tags_meant(
        self, typed: str, question: str, again: str, then: Callable[[str], str | None]
    ) -> str | None:
        """The question of `_not_an_early_answer` at the tags: y or Enter skips them, n keeps
        `typed`, and any other line is the tags line meant, read as the Tags prompt reads one
        (`then`). A line Ctrl-C cuts off is kept as the tags line."""
        while True:
            self._line = ("", self._hold_tags, False, "tags", False)  # (see `_line`)
            answer = self._read_answer(question)
            self._line = None
            if answer is None:  # no answer (Ctrl-D): kept as typed
                return then(typed)
            reply = None if more_input_waiting() else yes_or_no_reply(answer)
            if reply == AGAIN:
                self.app.say(again)
                continue
            if isinstance(reply, bool):
                return "" if reply else then(typed)
            return then(answer.strip())

    def _pasted_on(self, typed: str) -> str:
        """A self-care line with more of a paste behind it ("Walked home.", "Called my
        sister."): the rest was pasted there too, and is added to it, on the one line."""
        if not more_input_waiting():
            return typed
        added, self._typed_ahead = self._rest_of_the_paste("self_care", SAVE_ANSWERS)
        if added:
            self.app.say("The rest of what you pasted is added to your self-care note.")
        return self.draft.self_care

    def stopped(self, reason: str, code: ExitCode, then: str = "") -> PeerJournalError:
        """The error for a session that ends without saving: where the text is, if anywhere
        (`then`: what to do with the kept draft, if not to continue it)."""
        if not self.typed:
            self.file.discard()
            return PeerJournalError(f"{reason} Nothing was typed, so no draft was kept.", code)
        reason += self._where_moved(" ")
        with signals_held_back():  # a Ctrl-C now must not cut the last save short
            self.save()
        if self.saved and then:
            return PeerJournalError(
                f"{reason} Your draft is kept in {self.file.path}; {then}.", code
            )
        if self.saved:
            from peerjournal.drafts import kept_as

            return PeerJournalError(f"{reason} {kept_as(self.app, self.file)}", code)
        from peerjournal.drafts import printed_instead
        from peerjournal.reflection import format_template

        text = format_template(self.draft, self.prompt_set)
        return printed_instead(text, reason, self.file.path.parent, code)

    # -- steps -----------------------------------------------------------------------------

    def _store_tags(self, value: str) -> None:
        """The tags stored; a tag stored as another word than typed ("ana's" is ana-s) is
        said, as `-t` says it (`retagged_note`)."""
        from peerjournal.entry import retagged_note

        self.draft.tags = normalise_tags(split_tags(value))
        self.tags_line = None
        note = retagged_note([value])
        if note is not None:
            self.app.say(note)

    def _hold_tags(self, line: str) -> None:
        """Keep a tags line not yet stored (cut off by Ctrl-C) as it was typed; the tags
        are made of it too when they can be (for `drafts` and older versions), but a
        sentence or a line with no letters is kept only as typed."""
        self.tags_line = line if line.strip() else None
        if not line.strip() or reads_like_a_sentence(line):
            return
        with contextlib.suppress(PeerJournalError):
            self.draft.tags = normalise_tags(split_tags(line))

    def _line_step(
        self,
        key: str,
        prompt: str,
        store: Any,
        current: Callable[[], str],
        adds: bool = False,
        check: Callable[[str], str | None] | None = None,
        hold: Callable[[str], None] | None = None,
        refused: tuple[str, str] = ("", ""),
    ) -> None:
        """One line. The words on a line that Ctrl-C ends are kept (`hold`; `store` when not
        given), and the resumed step shows them (`current`): Enter keeps them, and what is
        typed is added to them (`adds`: a note, the self-care line) or takes their place (a
        setting, the tags). `check` may ask about the line, kept in the draft meanwhile, and
        returns the one to store, or None when its words went elsewhere: the line is then
        asked for again. A line `store` refuses (a tag too long) is given back to edit, as is
        one kept that it would refuse (`refused`: the line, and why)."""
        if key in self.done:
            return
        keep = hold or store
        given_back, why = refused
        if given_back:
            self.app.say(f"{why} {self._refused_hint(given_back)}")
        while True:
            refused_line, given_back = given_back, ""
            value = self._read_line_step(key, prompt, keep, current, adds, refused_line)
            answered, self._as_answered = value == self._as_answered, None
            if value and not answered and self._goes_back(value, key):
                continue  # (no question before it: asked again)
            if value:
                self.typed = True
                if check is not None and not answered:
                    keep(value)
                    self.entered = key  # resumed, the line was ended with Enter, not cut off
                    self.save()  # Ctrl-C at its question keeps what was typed
                    checked = check(value)
                    self.entered = None
                    if checked is None:
                        continue
                    value = checked
            try:
                store(value)
            except PeerJournalError as exc:  # e.g. a tag with no letters: say so, give it back
                keep(value)
                self.save()
                given_back = value
                self.app.say(f"{exc.message} {self._refused_hint(value)}")
                continue
            break
        self._answered(key)

    def _tell_of_back(self, key: str) -> None:
        """Say once, under the help of the first answer asked after another question (at a
        terminal), that "back" goes back to it (`_goes_back`)."""
        if self._told_of_back or not self.app.stdin_is_terminal():
            return
        steps = self._steps()
        if any(step in self.done and step not in self._flagged
               for step in steps[: steps.index(key)]):
            self._told_of_back = True
            self.app.say("(back alone on a line goes back a question)")

    def _goes_back(self, line: str, key: str) -> bool:
        """"back" typed alone at the step `key` (`replies.goes_back`), at a terminal and not
        in a paste: never words for the answer. The step before it that was asked (not one
        given as a flag) is no longer done, and the walk starts again there (`_GoBack`),
        showing what it holds, to add to (a one-line step's, to keep or replace:
        `_read_line_step`); True when there is none (said): the step goes on.
        False for any other line."""
        from peerjournal.textsafe import clean

        if (not goes_back(line) or not self.app.stdin_is_terminal() or self._in_a_paste
                or more_input_waiting()):
            return False
        steps = self._steps()
        asked = [step for step in steps[: steps.index(key)]
                 if step in self.done and step not in self._flagged]
        shown = clean(line.strip(), multiline=False)
        if self.reader.readline:
            _forgotten(line)  # (the Up arrow brings back what a step holds, never "back")
        if not asked:
            day = (f" (the day is changed by {self.app.command_hint('edit ID --date DATE')}, "
                   "once saved)" if self._day_answered else "")
            self.app.say(f"'{shown}' is not added: there is no question before this one{day}.")
            return True
        self.done.remove(asked[-1])
        self.save()
        self._back_to = asked[-1]
        how = (  # (a one-line step says what it holds, and how to keep or change it, itself)
            "" if asked[-1] in _ONE_LINE_STEPS else
            " What you type there is added to what it holds; to change that, stop for now (q), "
            f"then {self.app.resume_hint(' --editor')}."
        )
        self.app.say(f"Back a question ('{shown}' is not added to your answer).{how}")
        raise _GoBack

    def _where_moved(self, before: str = "") -> str:
        """Where the line entered at the step `entered` is kept while asked about (`moved`),
        said after `before`; "" if it is kept nowhere else."""
        if self.moved is None or self.entered is None:
            return ""
        step = self.entered.replace("_", "-").capitalize()  # "Tags", "Setting"
        return (
            f"{before}What you entered at {step} is kept at the end of your "
            f"{_PLACES.get(self.moved, self.moved)}."
        )

    def _refused_hint(self, line: str) -> str:
        """After a line was refused: where it is, to put right (never to type again)."""
        if self.reader.readline:
            return (
                "Try again: your line is back on the line below, to edit (clear it and press "
                "Enter to skip)."
            )
        return f"Try again (Enter to skip). Your line was:\n{line}"

    def _read_line_step(
        self,
        key: str,
        prompt: str,
        hold: Any,
        current: Callable[[], str],
        adds: bool,
        refused: str = "",
    ) -> str:
        """The line of a `_line_step`. A line Ctrl-C ended is typed back in to edit through
        readline, as an answer's is, and so is a line just `refused`; without readline,
        what is typed is added to a line Ctrl-C ended (`adds`: the self-care line),
        carrying on a word it was cut in the middle of (`carried_on`), or takes its place.
        `hold` keeps the line Ctrl-C ends. Otherwise a setting or tags step that holds a
        value (gone back to with "back", asked again, or resumed after a stop there) says
        it and starts an empty line: Enter keeps it, and what is typed takes its place (typed
        in to edit, what was typed after it joined it: "inpatient" and "crisis" made
        "inpatientcrisis", and "back" made "inpatientback"); readline's Up arrow brings it
        back to edit. A line Ctrl-C cuts off there is kept beside it (`typed_over`), and
        given back on the line when resumed."""
        held = "" if refused else current()  # (a self-care line Ctrl-C cut may end in a space)
        kept = held.strip()
        moved_to = None  # where its line was moved, when stopped while asked about it
        if self.entered == key and self.moved is not None:
            self.app.say(f"\n({self._where_moved()})")
            moved_to, self.moved = self.moved, None
        entered, self.entered = self.entered == key, None
        gone_back, self._back_to = self._back_to == key, None
        cut = self.cut_off == key and key in _ONE_LINE_STEPS
        if cut:
            self.cut_off = None
        typed_over, self.typed_over = self.typed_over or "", None
        typed_back = bool(kept) and self.reader.readline and (
            adds or entered or (cut and not typed_over))
        again = key in self._asked
        self._asked.add(key)
        if kept:  # typed before Ctrl-C ended the line (or before Enter, and a question)
            label = re.split(r"[:,(]", prompt.strip())[0].strip()
            if typed_back:
                how = (
                    "you had typed it and pressed Enter: it is back on the line below" if entered
                    else "your line was cut off: it is back on the line below"
                )
                self.app.say(f"\n{label} ({how})")
                prompt = "(Enter keeps it):"
            else:
                how = ("gone back to, it holds" if gone_back else "asked again, it holds" if again
                       else "as you said at the day question"
                       if key == "setting" and self._setting_said else "continuing your draft")
                self.app.say(f"\n{label} ({how}:)\n{kept}")
                prompt = self._holds_hint(kept, adds, held, typed_over)
        elif refused:
            prompt = re.split(r"[:(]", prompt.strip())[0].strip() + ":"
        holds = bool(kept) and not typed_back and not adds
        self._line = (held if adds and not typed_back else "", hold, adds, key, holds)
        self.reader.prefill = (kept if typed_back else refused or typed_over
                               if self.reader.readline else "")
        typed = self._read_line(prompt + " ") or ""
        value = typed.strip()
        self._line = None
        if moved_to is not None and value and not kept and yes_or_no_reply(value) is not None:
            return self._answered_late(
                key, moved_to, bool(yes_or_no_reply(value)),
                lambda: self._read_line_step(key, prompt, hold, current, adds),
            )
        if kept and not typed_back:
            value = (carried_on(held, typed) if adds else value) if value else kept
        return value

    def _holds_hint(self, kept: str, adds: bool, held: str, typed_over: str) -> str:
        """The prompt of a line step that says what it holds (`_read_line_step`): how Enter
        keeps it, and what typing does (replaces it; on the self-care line, adds to it).
        Through readline the Up arrow brings it back to edit, and a line cut off while typed
        to replace it (`typed_over`) is back on the line."""
        if adds:
            return (
                "(Enter keeps it; what you type carries it on where it was cut off, "
                "so start with a space to begin a new word):"
            ) if _cut_mid_word(held) else "(Enter keeps it; anything typed is added to it):"
        if not self.reader.readline:
            return "(Enter keeps it; anything typed replaces it):"
        self.reader.recall = kept
        if typed_over:
            return ("(the line you were typing to replace it is back below, cut off: Enter "
                    "puts it in its place; cleared, Enter keeps what it holds):")
        return "(Enter keeps it; anything typed replaces it; the Up arrow edits it):"

    def _answered_late(
        self, key: str, part: str, moved: bool, again: Callable[[], str]
    ) -> str:
        """y or n typed at a step resumed after a stop at its question (was the line typed
        there meant for `part`?): the answer, not a setting "y". y leaves the line in `part`
        and asks the step `again`; n takes it back out (its last line), as the line of the
        step, not questioned again (`_as_answered`)."""
        if moved:
            self.app.say(f"(Taken as your answer: your line stays in your "
                         f"{_PLACES.get(part, part)}.)")
            return again()
        from peerjournal.textsafe import clean

        before, _, line = getattr(self.draft, part).rstrip("\n").rpartition("\n")
        setattr(self.draft, part, before)
        self.save()
        self._as_answered = line = line.strip()
        self.app.say(f"(Taken as your answer: '{clean(line, multiline=False)}' is kept as "
                     f"your {key.replace('_', '-')}, as typed.)")
        return line

    def _not_a_sentence(self, typed: str) -> str | None:
        """A tags line that reads like a sentence ("Next time I will let him lead.") is most
        likely an answer typed one prompt late. Enter or y adds it to the evaluation and asks
        for the tags again; n keeps it as tags. The words are in the evaluation while this
        is asked, and stay there after Ctrl-C or Ctrl-D: a sentence made into one long tag
        is hard to read back, and a tired writer is safest with their words as they typed
        them. With the rest of a paste waiting, all of it goes there, and nothing is asked."""
        if not reads_like_a_sentence(typed):
            return typed
        line = self.tags_line
        self.draft.tags, self.tags_line = [], None  # (in one place only: the evaluation)
        if more_input_waiting():
            before = self.draft.evaluation
            self.moved = "evaluation"  # (as in `_moved_and_asked`)
            self._add_to("evaluation", typed)
            with_it = self.draft.evaluation
            added, last = self._rest_of_the_paste("evaluation", {})
            self.moved = None
            # a y or n last, typed ahead of the question (a laggy link), answers it
            if last is not None and yes_or_no_reply(last) is False:
                self._take_back("evaluation", before, with_it)
                self.tags_line = line
                return typed
            self.app.say(
                "That reads like a sentence, not tags: it and the rest of what you pasted "
                "are added to the end of your evaluation." if added else
                "That reads like a sentence, not tags: added to your evaluation."
            )
            return None
        moved = self._moved_and_asked(
            typed, "evaluation",
            "That reads like a sentence, not tags: add it to your evaluation instead? [Y/n] ",
            "Please answer y (add it to your evaluation) or n (keep it as tags).",
        )
        if moved is False:
            self.tags_line = line
            return typed
        self.app.say("Added to your evaluation.")
        return None

    def _moved_and_asked(self, typed: str, part: str, question: str, again: str) -> bool | None:
        """`typed` added to the end of `part` while `question` asks whether it belongs there
        (kept there after Ctrl-C or Ctrl-D); n takes it back out. Lines kept at the question
        (`_yes_or_no`) stay where they were put, after it."""
        before, cut_off = getattr(self.draft, part), self.cut_off
        self.moved = part  # (saved with it: a stop, and the resumed step, say where it is)
        self._add_to(part, typed)
        with_it = getattr(self.draft, part)
        moved = self._yes_or_no(question, again, part)
        self.moved = None
        if moved is False and not self._take_back(part, before, with_it):
            self.cut_off = cut_off  # its last line is again the one Ctrl-C cut off, if any
        return moved

    def _take_back(self, part: str, before: str, with_it: str) -> bool:
        """The line that made `part` from `before` into `with_it` taken back out, the lines
        added after it kept; returns whether there are any."""
        later = getattr(self.draft, part)[len(with_it):].lstrip("\n")
        setattr(self.draft, part, _line_added(before, later) if later.strip() else before)
        self.save()
        return bool(later.strip())

    def _checked_setting(self, typed: str) -> str | None:
        """A setting line that reads like a sentence is most likely the experience begun one
        prompt early (a whole note pasted at the first prompt): it is moved there. When the
        rest of a paste is waiting, its lines follow it in the experience and nothing is
        asked (an answer would be read from the paste); else Enter or y moves it and asks for
        the setting again, n keeps it. Then a near miss is questioned (`_meant_setting`).
        A word that means no setting ("skip", "none", `_SKIPPED`) alone skips it."""
        if typed.strip().lower().rstrip(".!") in _SKIPPED:
            self.app.say(f"'{typed.strip()}' taken as skipping: the setting is left blank.")
            return ""
        if not reads_like_a_sentence(typed, one_value=True):
            return self._meant_setting(typed)
        self.draft.setting = ""
        why = _not_a_setting(typed)
        if more_input_waiting():
            self._add_to("experience", typed)
            self.app.say(f"{why}: it begins your experience, and the setting is left blank.")
            return ""
        moved = self._moved_and_asked(
            typed, "experience",
            f"{why}: begin your experience with it instead? [Y/n] ",
            "Please answer y (begin your experience with it) or n (keep it as the setting).",
        )
        if moved is False:
            return self._meant_setting(typed)
        self.app.say("It begins your experience.")
        return None

    def _meant_setting(self, typed: str) -> str:
        """A near miss of a setting used or listed is questioned ("inpateint"): Enter, y or
        the suggestion takes it (its case, spacing or full stop aside, or the start of it
        alone: "emergency"), n (or what was typed) keeps what was typed, and so does no
        answer (Ctrl-D). Words typed there instead (the experience, begun without seeing the
        question) begin the experience, the next part asked for."""
        from peerjournal.setting_names import known_settings, likely_meant
        from peerjournal.textsafe import clean

        meant = likely_meant(typed, known_settings(self.app.store))
        if meant is None:
            return typed
        shown, suggested = clean(typed, multiline=False), clean(meant, multiline=False)
        taken = self._yes_or_no(
            f"'{shown}' is new: did you mean {suggested}? [Y/n] ",
            f"Please answer y (use '{meant}') or n (keep '{typed}').",
            "experience", named={meant: True, typed: False},
        )
        if taken is None:  # Ctrl-D: kept as typed, and said so (as `-s` says it)
            import shlex

            change = self.app.command_hint(f"edit ID --setting {shlex.quote(meant)}")
            self.app.say(
                f"No answer, so the setting is kept as typed: '{shown}'. Once the entry is "
                f"saved, {change} changes it."
            )
        return meant if taken else typed

    def _block_step(self, key: str, required: bool, current: Any, store: Any) -> None:
        if key in self.done:
            return
        from peerjournal.render.writing import input_hint

        self.app.err.print(input_hint(required))
        self._tell_of_back(key)
        lines = [
            line for line in current().splitlines()
        ]  # resuming mid-answer keeps what was typed
        cut = lines.pop() if lines and self.cut_off == key else None
        if lines:
            given = self._given.pop(key, None) == current()
            heading = f"(given with --{key}:)" if given else "(continuing your draft:)"
            self.app.say(heading + "\n" + "\n".join(lines))
        if cut is not None:
            self.app.say(self._carry_on_hint(cut))
        while True:
            eof = self._read_block(lines, store, key, cut)
            cut = None  # (carried on, or kept as it was)
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
        self._answered(key)

    def _answered(self, key: str) -> None:
        """The step `key` marked answered, the draft saved; not when Ctrl-D ended it: that
        stops for now (`_step_done`), and `--resume` asks it again, as after q."""
        if not self._ended:
            self.done.append(key)
        self.save()

    def _carry_on_hint(self, cut: str) -> str:
        """What the screen says of a resumed answer's last line, cut off by Ctrl-C. Through
        readline it is typed back in, to edit or carry on; else what is typed next is added
        to it as it stands, with no line break ("my sto" and "ry." are "my story.")."""
        if self.reader.readline:
            # (readline's Ctrl-D on a line holding words deletes, it does not stop)
            return (
                "(your last line was cut off: it is back on the line below, to carry on. "
                "Enter keeps it as it is; q typed after it, or Ctrl-C, stops for now)"
            )
        return (
            f"(continuing your draft:)\n{cut}\n(your last line, above, was cut off: what you "
            "type next carries it on, so start with a space to begin a new word; Enter on "
            "its own keeps it as it is)"
        )

    def _keep_the_interrupted_line(self) -> str:
        """Ctrl-C pressed on a line of an answer, before Enter: the words on it are part of
        the answer (a writer stopping for the night mid-sentence), not thrown away; so are
        words typed at a [Y/n] question, where Enter would have put them (`_yes_or_no`), and
        the lines of a paste still waiting behind it (`_queued_input`), which go where the
        line goes (a paste, its y or n too, is text), or on with the self-care line; after
        a setting or tags line, or between prompts, to the next part of the entry not yet
        answered (`_rest_kept`), as a paste there would. Returns what to tell the
        writer of where they are, if not where they were typed."""
        text = self._clean(self.reader.take_interrupted())
        typed, ended_line, rest = text.partition("\n")
        rest = rest.strip("\n") if rest.strip() else ""
        line = typed.rstrip()
        cut = not text.endswith("\n")  # (a paste that ended with Enter ended its last line)
        if not line.strip() and not rest and not (self._answer and self._line_read.strip()):
            return ""
        if self._asking is not None:
            asking, named = self._asking
            if not rest and yes_or_no_reply(line, named, partial=True) is not None:
                return ""  # (an answer, or the start of one: nothing for the entry)
            self._add_to(asking, _line_added(line.strip(), rest).strip("\n"))
            if cut and asking == "experience" and "experience" not in self.done:
                self.cut_off = "experience"  # (at the setting's questions: carried on)
            part = _PLACES.get(asking, asking)
            what = "The lines you were pasting are" if rest else "The line you were typing is"
            return f" {what} added to the end of your {part}."
        if self._line is not None:  # the setting, tags or self-care line
            kept, store_line, adds, key, holds = self._line
            if adds:  # (the self-care note is one line: a paste goes on with it)
                line = " ".join([line, *rest.split()]) if rest else line
                rest = ""
            # the self-care line keeps a space it ended in: resumed, a word cut in half is
            # carried on, and one that had ended is not (`carried_on`)
            ended = " " if adds and text[-1:].isspace() else ""
            # (kept as typed: a tags line that is a sentence, or has no letters, too)
            if line.strip() and not adds and not ended_line:
                self._line_cut_off(key, line.strip(), store_line if not holds else None)
            elif line.strip():
                store_line(carried_on(kept, line) + ended if adds else line.strip())
            self.typed = True
            held = ""
            if line.strip() and ended_line and not adds:  # (Enter ended it: not cut off)
                self.entered = key
                held = (f" The line you ended with Enter is kept as your {key}, given back "
                        "to check when you resume.")
            return held + self._rest_kept(rest)
        if self._answer is None:
            return self._rest_kept(_line_added(line.strip(), rest).strip("\n"))
        lines, store, key = self._answer
        read = self._clean(self._line_read).rstrip()
        if read.strip() and (not lines or lines[-1] != read):  # (Ctrl-C came as it was read)
            lines.append(read)
        if line.strip() or rest:
            lines.append(_line_added(line, rest).strip("\n"))
        store("\n".join(lines))
        self.cut_off = key if cut and (line.strip() or rest) else None
        self.typed = True
        return ""

    def _line_cut_off(self, key: str, line: str, store: Callable[[str], None] | None) -> None:
        """A setting or tags `line` cut off before Enter: kept by `store`, or, when the step
        holds a value that the line was typed to replace (None), beside it (`typed_over`),
        the value kept until a line is entered. Resumed, the line is given back to finish
        (`cut_off`; not when that marks an answer's line already)."""
        if store is None:
            self.typed_over = line
        else:
            store(line)
        if self.cut_off is None:
            self.cut_off = key

    def _rest_kept(self, rest: str) -> str:
        """The lines of a paste left waiting at Ctrl-C after a setting or tags line, or between
        prompts, added to the end of the next part not yet answered; what to say of them."""
        if not rest.strip():
            return ""
        part = next((element.id for element in self.prompt_set.elements
                     if element.id not in self.done), "evaluation")
        self._add_to(part, rest)
        return f" The rest of what you pasted is added to the end of your {part}."

    def _read_block(self, lines: list[str], store: Any, key: str, cut: str | None) -> bool:
        """Read lines until a blank line (False) or end of input (True), saving after each.

        A blank line with more input already waiting behind it is a paragraph break inside
        pasted text, not the end of the answer: a pasted note stays in one piece instead of
        spilling into the next questions, the tags and the save prompt. `cut`: the answer's
        last line, cut off by Ctrl-C, which the first line read carries on (`_carry_on`).
        """
        self._answer = (lines, store, key)  # left set by Ctrl-C: `run` adds the line it ended
        self._line_read = ""  # (read for the step before)
        eof = self._read_lines(lines, store, cut)
        self._answer = None
        return eof

    def _carry_on(self, cut: str) -> str | None:
        """The first line read for a resumed answer whose last line `cut` was cut off: that
        line edited in place (readline), or `cut` with what is typed added to it; "" for a
        blank line, None at the end of input."""
        if self.reader.readline:
            self.reader.prefill = cut
            line = self._read_line("")
            if line is not None and _stop_typed_after(cut, line):
                raise _StoppedForNow  # (the line given back kept as it was)
            return line
        typed = self._read_line("")
        return typed if typed is None or not typed.strip() else cut + typed

    def _read_lines(self, lines: list[str], store: Any, cut: str | None = None) -> bool:
        if cut is not None:
            line = self._carry_on(cut)
            ended = line is None or not line.strip()  # keeps the line as it was, as Enter did
            lines.append(cut if ended else (line or "").rstrip())
            self._line_read = ""
            store("\n".join(lines))
            self.cut_off = None
            self.save()
            if ended:
                return line is None
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
            if self._answer is not None and self._goes_back(line, self._answer[2]):
                self._line_read = ""
                continue  # (no question before it: the answer goes on)
            lines.extend([""] * blanks)
            blanks = 0
            lines.append(line.rstrip())
            self._line_read = ""
            store("\n".join(lines))
            self.typed = True
            self._save_soon()

    def _read_answer(self, question: str) -> str | None:
        """The line typed at a [Y/n] `question`; None (no answer) at the end of input."""
        self._eof_is_no = True
        try:
            return self._read_line(question)
        finally:
            self._eof_is_no = False

    def _why_stopped(self, how: str) -> str:
        """What stopping for now (`how`: q or Ctrl-D) says, as the end of input always said."""
        if how == STOP_FOR_NOW:
            return "Stopped for now (q), so nothing was saved."
        if not self.draft.experience.strip():
            return "No experience written, so nothing was saved."
        return f"Stopped for now ({how}), so it was not saved."

    def _step_done(self) -> None:
        """After each prompt: Ctrl-D at it (`_read_line`) stops for now, what it ended kept."""
        if self._ended:
            raise _StoppedForNow("Ctrl-D")

    def _read_line(self, prompt: str) -> str | None:
        if self._typed_ahead is not None:  # shown as if typed at the prompt
            line, self._typed_ahead = self._typed_ahead, None
            self._show_prompt(f"{prompt}{line}\n")
            self._in_a_paste = self._more_waiting = False
            return line
        # a line already there when the one before was read came with it: a paste's, even its
        # last (which nothing follows), so "back" there is text (`_goes_back`)
        self._in_a_paste, self._more_waiting = self._more_waiting, False
        if not self.saved and not self._in_a_paste:  # (the lines of a paste: `_save_soon`)
            self.save()
        self._line_read = ""
        try:
            line = self._line_read = self.reader.read(prompt, self._show_prompt)
        except EOFError:
            self._end_the_typed_line()  # Ctrl-D echoes no newline: the next prompt would follow
            # Ctrl-D at a terminal stops once the step it ends is kept, as q does (and as in
            # `supervision check`): `_step_done`. Piped text simply ends; at a [Y/n] question
            # no answer is no (`_yes_or_no`).
            if self.app.stdin_is_terminal() and not self._eof_is_no:
                self._ended = True
            return None
        except UnicodeDecodeError:  # a strict stdin that could not be made forgiving
            raise self.stopped("The input is not UTF-8 text.", ExitCode.USER_ERROR) from None
        if not self.app.stdin_is_terminal():  # an answer piped in is not echoed: the next
            self._show_prompt("\n")  # message goes on a line of its own, not after the prompt
        self._more_waiting = more_input_waiting()  # (before any save: see `_in_a_paste`)
        # (a line "q" inside a paste is text: stopping there would hand the rest of the
        # paste to the shell, to run as commands)
        if line.strip().lower() == STOP_FOR_NOW and not self._more_waiting:
            raise _StoppedForNow
        return self._clean(line)

    def _end_the_typed_line(self) -> None:
        """After Ctrl-C or Ctrl-D (or in the middle of a line: `_say_between_lines`) the cursor
        is still on the line being typed: what follows starts on a line of its own."""
        with contextlib.suppress(AttributeError, ValueError, OSError):
            if self.app.err.file.isatty():
                self.app.err.file.write("\n")
                self.app.err.file.flush()

    def _show_prompt(self, prompt: str) -> None:
        self.app.err.print(prompt, end="")
        self.app.err.file.flush()

    def _clean(self, line: str) -> str:
        if not self.app.stdin_is_terminal():  # piped: read as the lines after the answer are
            line = _as_text([line], self._note_once, "Standard input")
        cleaned = clean_line(line)
        if REPLACEMENT in cleaned and not self._warned_encoding:
            self._warned_encoding = True
            self.app.say(f"(Some of that line was not UTF-8; it is kept as {REPLACEMENT}.)")
        return cleaned

    def _note_once(self, note: str) -> None:
        """Say `note` (text read as Windows-1252) the first time only."""
        if not self._warned_encoding:
            self._warned_encoding = True
            self.app.say(note)


def day_question(now: datetime, offered: date, begun: date) -> tuple[str, str]:
    """The question that asks whether an entry begun in the small hours (`begun`: its date)
    is about the day `offered`, and what a try at an answer is told (`GuidedSession._which_day`;
    `write --editor`)."""
    from peerjournal.dates import spoken

    shown = spoken(offered, weekday=True)
    when = (f"It is {now:%H:%M}: is this entry about yesterday, {shown}"
            if offered == now.date() - timedelta(days=1) and now.hour < SMALL_HOURS_END
            else f"Begun in the small hours: is this entry about {shown}")
    return (f"{when} (a late shift)? [Y/n] ",
            f"Please answer y (date it {shown}) or n (date it {spoken(begun, weekday=True)}).")


SENTENCE_WORDS = 4  # a tag of more words than this reads like a sentence


def reads_like_a_sentence(line: str, one_value: bool = False) -> bool:
    """Whether a tags line reads like a sentence typed at the wrong prompt: a tag of more
    than SENTENCE_WORDS words, or words that end as a sentence does ("Went well."). One
    word with a full stop ("handover.") is a tag (normalise_tag drops the stop).

    `one_value` (a setting): the line is judged whole, commas and all ("rough one today,
    Kai kicked off"), and a sentence's stop inside it ("ward. Kai kicked off") makes it one
    too, where it follows no abbreviation ("St. Mary's", "st. mary's": `_no_end`). A list
    of places ("crisis house, night shift, bank staff": `_a_list_of_places`) is no sentence
    for its length; a setting any part of which names a person (`person_named`: "Kai upset,
    shouting", "Priya, crisis house") is."""
    if one_value and person_named(line):
        return True
    return _as_a_sentence(line, one_value)


def named_note(setting: str | None) -> str | None:
    """What is said of a setting given, not typed at the prompt (-s, a `setting:` header,
    `edit -s`), that names a person (`person_named`), as the prompt questions it; else None."""
    from peerjournal.textsafe import clean

    named = person_named(setting or "")
    if not named:
        return None
    return (f"'{clean(named, multiline=False)}' in the setting may be a person's name: a "
            "setting shows in reports, and in exports of a shared entry (where only names on "
            "your people list are replaced).")


# typed alone at the setting line (which says "Enter to skip"), a word that means no setting
_SKIPPED = frozenset({"skip", "none", "n/a", "no", "nothing", "-"})


def _not_a_setting(line: str) -> str:
    """Why a setting line is questioned (`reads_like_a_sentence`): it reads like a sentence,
    or names a person (`person_named`)."""
    from peerjournal.textsafe import clean

    named = "" if _as_a_sentence(line, one_value=True) else person_named(line)
    if not named:
        return "That reads like a sentence, not a setting"
    return (f"'{clean(named, multiline=False)}' may be a person's name, and a setting is a "
            "place (it shows in reports and exports)")


def _as_a_sentence(line: str, one_value: bool) -> bool:
    """`reads_like_a_sentence`, a person named in a setting aside (`person_named`)."""
    tags = [line.strip()] if one_value else split_tags(line)
    if any(len(tag.split()) > SENTENCE_WORDS for tag in tags) and not (
        one_value and _a_list_of_places(line)
    ):
        return True
    if one_value and any(not _no_end(word, after)
                         for word, after in _BEFORE_A_STOP.findall(line.strip())):
        return True
    if one_value and len(_parts(line)) == 1 and _of_people(line.split()):
        return True  # "gutted for him", "he cried": of people, where a setting is a place
    return bool(tags) and tags[-1].endswith((".", "!", "?", "…")) and len(tags[-1].split()) > 1


# Where a setting line lists its parts: a comma or semicolon, or "and", "or", "&", "+" or "/"
# between spaces ("ward 4, day centre, outreach van and drop-in")
_LIST_BREAK = re.compile(r"[,;]|\s(?:and|or|&|\+|/)\s", re.IGNORECASE)
# words that make a part of a line a clause of a sentence, not the name of a place: a personal
# pronoun, an auxiliary, modal or common past-tense verb, or a day named from today ("rough
# one today"); matched lower-cased, those in _CLAUSE_AS_TYPED only as typed so ("IT suite",
# "US base", "May ward", "Will's flat" are places)
_CLAUSE_WORDS = frozenset({
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "myself", "you", "you're", "he",
    "he's", "him", "she", "she's", "we", "we're", "they", "they're", "them", "it", "it's",
    "us", "that's", "there's", "am", "is", "are", "was", "were", "be", "been", "being", "has",
    "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "shall",
    "might", "must", "may", "went", "got", "felt", "said", "came", "told", "saw", "took",
    "thought", "sat", "ran", "spoke", "met", "today", "tonight", "yesterday", "tomorrow",
    # whose, and not: of people and what they did ("Kai lost his flat", "Kai not coping")
    "his", "her", "their", "not",
})
_CLAUSE_AS_TYPED = frozenset({"it", "us", "may", "will"})
# a setting of one part may say whose place it is ("his flat", "her mum's house")
_WHOSE = frozenset({"his", "her", "their"})
# ... or who was there ("lunch with them", "zoom call with him"), as a feeling may say whom it
# is for ("upset for her", "proud of him"): one of _WITH_WHOM, then one of _WHOM
_WITH_WHOM = frozenset({"with", "for", "of", "about", "at", "towards"})
_WHOM = frozenset({"him", "her", "them", "me", "us", "you", "everyone", "everybody"})
# what says a feeling is one ("feeling anxious", "so upset"), where a word that is a feeling
# only after a cue ("low", "flat") may follow (`_a_feeling`); "bit upset" may say how a
# place was, as "staff upset" does
_FEELING_CUES = frozenset({
    "feeling", "feel", "felt", "so", "very", "really", "quite", "pretty", "totally", "proper",
    "bloody", "super", "extremely",
})


# the last word of a short place typed at the day question that may be a time instead ("long
# day", "bad night"): no place then (`_reads_like_a_place`)
_TIMES = frozenset({  # (the 00:40 question itself says "a late shift": a shift is a time)
    "day", "days", "night", "nights", "shift", "shifts", "session", "sessions", "morning",
    "afternoon", "evening",
})


def _reads_like_a_place(line: str) -> bool:
    """Whether `line` is a short place (a setting not yet used: "Inpatient ward", "home
    visit"): at most SENTENCE_WORDS words, the last a place's (`_PLACE_NOUNS`, not one of
    `_TIMES`), no sentence and no one named (`reads_like_a_sentence`)."""
    words = line.lower().split()
    return (0 < len(words) <= SENTENCE_WORDS and words[-1].strip(".!") in _PLACE_NOUNS - _TIMES
            and not reads_like_a_sentence(line, one_value=True))


def _of_people(words: list[str]) -> bool:
    """Whether the words of a setting of one part are said of people, not a place: a feeling
    (`_a_feeling`: "anxious", "feeling anxious", "upset for her", "proud of her") or a clause
    (`_a_clause`: "he cried", "sat with him"). Whose place it is ("his flat") or who was
    there ("lunch with them", "zoom call with him", "group with them") leaves a place one:
    those were asked about, and Enter moved the setting into the experience (QA r48)."""
    if len(words) == 1 and words[0][:1].isupper():  # ("Hope", "Calm": a service's name)
        return False
    bare = [word.strip(".,!?;:\"'()").replace("\u2019", "'").lower() for word in words]
    head, whom = bare, False
    if len(bare) > 1 and bare[-2] in _WITH_WHOM and bare[-1] in _WHOM:
        head, whom = bare[:-2], True
    if _a_feeling(head):
        return True
    if whom and head:
        return _a_clause(words[: len(head)])
    return _a_clause([word for word in words if word.lower() not in _WHOSE])


def _a_feeling(words: list[str]) -> bool:
    """Whether lower-cased `words` name a feeling of the feelings vocabulary and nothing
    else ("anxious", "fed up"), after cue words ("feeling low", "so calm") or not; a place's
    word ("flat", `_PLACE_NOUNS`) is none alone."""
    plain, cued = _feeling_words()
    lead = 0
    while lead < len(words) - 1 and words[lead] in _FEELING_CUES:
        lead += 1
    said = " ".join(words[lead:])
    return bool(said) and (said in plain or (lead > 0 and said in cued))


@functools.cache
def _feeling_words() -> tuple[frozenset[str], frozenset[str]]:
    """The feelings vocabulary's forms: those that are feelings alone, and those that are
    only after a cue (`feelings.Family.cued`), neither a place's word."""
    from peerjournal.feelings import load_vocabulary

    families = load_vocabulary().families
    plain = {word for family in families for word in family.words}
    cued = {word for family in families for word in family.cued}
    return frozenset(plain - _PLACE_NOUNS), frozenset(cued | (plain & _PLACE_NOUNS))
# words after which a verb in -ed (after its subject: "Kai kicked off") goes on
_PARTICLES = frozenset({
    "off", "up", "out", "in", "on", "at", "over", "back", "down", "away", "with", "to",
    "into", "from", "about", "around", "again",
})


# the words of a place that may follow a capitalised word ("Oak House" aside): "Mary's ward",
# "Hope street", "Bank staff"; another word after a name is what they are or did ("Kai upset")
_PLACE_NOUNS = frozenset({
    "ward", "wards", "unit", "centre", "center", "house", "home", "hospital", "clinic",
    "surgery", "practice", "flat", "office", "hub", "cafe", "café", "room", "rooms", "hall",
    "street", "road", "lane", "park", "library", "school", "college", "church", "station",
    "shelter", "hostel", "team", "service", "services", "court", "building", "site", "base",
    "block", "wing", "suite", "lounge", "garden", "gardens", "shift", "visit", "van", "line",
    "group", "session", "department", "campus", "estate", "avenue", "square", "place", "lodge",
    "cottage", "green", "bridge", "market", "annexe", "annex", "staff", "night", "nights",
    "day", "days", "bay",
})
# words between the parts of a place's name ("Centre for Recovery", "Stratford upon Avon")
_NAME_JOINS = frozenset({"of", "for", "the", "upon", "on", "in", "at", "de", "la", "le", "du"})
# words before a person's name, not a place's ("with Sam", "meeting Priya")
_BEFORE_A_PERSON = frozenset({"with", "meeting", "seeing", "visiting", "helping", "supporting"})


def _a_list_of_places(line: str) -> bool:
    """Whether a setting line is a list of short noun phrases ("crisis house, night shift,
    bank staff"; "ward 4, day centre, outreach van, drop-in"): two parts or more
    (`_LIST_BREAK`), each of at most SENTENCE_WORDS words, none a clause (`_a_clause`). One
    naming a person ("busy ward, no beds, Kai upset") is questioned by `person_named`."""
    parts = _parts(line)
    return len(parts) > 1 and all(
        0 < len(part) <= SENTENCE_WORDS and not _a_clause(part) for part in parts
    )


def _parts(line: str) -> list[list[str]]:
    """The words of each part of a setting line (`_LIST_BREAK`)."""
    return [part.split() for part in _LIST_BREAK.split(line)]


def person_named(line: str) -> str:
    """The word of a setting line that names a person, wherever it is in the list ("Kai" of
    "Kai upset, shouting", "busy ward, no beds, Kai upset"; "Priya" of "Priya, crisis
    house"); "" when none does. One rule for every part (`_names_a_person`): a setting is a
    row of `report`, and exports redact only the names on the people list."""
    for number, part in enumerate(_parts(line)):
        named = _names_a_person(part, first=number == 0)
        if named:
            return named
    return ""


def _names_a_person(words: list[str], first: bool = False) -> str:
    """The word of `words` (a part of a setting line) that names a person, or "": a
    capitalised word (not an acronym: "GP", "A&E"; nor a common word: "Busy ward", `_a_word`)
    after `_BEFORE_A_PERSON` ("with Sam"), or followed by a word in lower case that is no part
    of a place (`_PLACE_NOUNS`: "Sam refused meds", "Sams mum there"; not "Oak House",
    "Mary's ward", "Centre for Recovery"), or alone and a given name, after the first part
    ("day centre, Sarah"). The line's `first` word is as often a service, brand or town
    ("Mind drop-in", "WhatsApp chat", "Tesco car park", "Leeds, ward 4") or a ward's name
    ("Rose", "Hope"): it is questioned only when a feeling or deed follows (`_a_deed`:
    "Kai upset", "Priya shouting") or the part reads as a clause ("Kai lost his flat"). A
    word in lower case is questioned only before what a person feels or does, and when it is
    no everyday word (`_lower_case_name`: "jamal upset"; not "staff upset")."""
    bare = [word.strip(".,!?;:\"'()") for word in words]
    for number, word in enumerate(bare):
        if word.islower():
            if _lower_case_name(word, bare[number + 1 :]):
                return word
            continue
        if not (word[:1].isupper() and not word.isupper()) or _a_word(word):
            continue
        if number and bare[number - 1].lower() in _BEFORE_A_PERSON:
            return word
        after = next((w for w in bare[number + 1:] if w.lower() not in _NAME_JOINS), "")
        if first and not number:
            if _a_deed(after) or _a_clause(words):
                return word
        elif (after[:1].islower() and after.lower() not in _PLACE_NOUNS) or (
            len(bare) == 1 and not first and _given_name(word)
        ):
            return word
    return ""


def _lower_case_name(word: str, after: list[str]) -> bool:
    """Whether `word`, in lower case, names a person: as the capitalised rule has it for a
    first word, a feeling or deed follows it ("jamal upset", "jamal kicked off", "jamal was
    upset", "jamal not coping"), here one only a person has or does: a feeling (`_FEELINGS`)
    but for one said of things too ("bus late", "stock low", `_THING_STATES`, unless a
    person's "his" follows: "jamal lost his flat"), or a deed of `_PERSON_DEEDS` (not any
    verb in -ed or -ing: "rota changed", "rain pouring"); and the word is no everyday word
    (`_everyday`: "staff upset", "everyone tired", "visibly upset"). Nothing after it, or
    "with sam", is not questioned in lower case: that is too often a thing ("with meds")."""
    rest = [w.lower().replace("\u2019", "'") for w in after]
    while rest and (rest[0] in _LINKING or rest[0].endswith("n't")):
        rest.pop(0)
    deed = rest[0] if rest else ""
    if not (deed in _FEELINGS or deed in _PERSON_DEEDS) or _everyday(word):
        return False
    return deed not in _THING_STATES or any(w in _WHOSE for w in rest[1:])


def _everyday(word: str) -> bool:
    """Whether `word` (in lower case) is a word of a setting or of English, not a name: a
    place's or a clause's (`_a_word`, `_CLAUSE_WORDS`), an intensifier or adverb ("bit",
    "visibly"), one that opens a sentence (`namewords.common_opener`), or a person or thing
    named by what they are (`_EVERYDAY`: "receptionist", "neighbour", "meds"), or many of
    them ("relatives", "sleepers"). A given name is none ("sam", "grace", "emily", "james")."""
    from peerjournal.namewords import INTENSIFIERS

    if _given_name(word):
        return False
    return (word in _EVERYDAY or _a_role(word) or word in _CLAUSE_WORDS or word in _NAME_JOINS
            or word in _BEFORE_A_PERSON or word in INTENSIFIERS
            or (len(word) > 4 and word.endswith("ly"))  # an adverb ("visibly upset")
            or (word.endswith("s") and not word.endswith(_NOT_PLURAL))  # "relatives"
            or _a_word(word.capitalize()))


def _a_role(word: str) -> bool:
    """Whether `word` (in lower case) names someone by their role, as the drift matcher
    knows roles ("hca", "nurse", "pharmacist", "guard"), or many of them ("nurses"): "hca
    crying" is a setting's note of what happened, not a name. Whole role words only: the
    matcher's rule for endings ("stepson", "chairman": `drift.matcher._is_role`) would let
    through first names that end the same way ("allison", "jackson", "norman", "keenan")."""
    from peerjournal.drift.matcher import is_role_word

    return is_role_word(word)


# states said of things as well as of people ("bus late", "stock low", "keys missing", "lift
# broke"): after a word in lower case, not a person's deed (`_lower_case_name`)
_THING_STATES = frozenset({
    "quiet", "calm", "ok", "okay", "fine", "high", "low", "late", "there", "here", "again",
    "missing", "lost", "left", "hit", "broke", "fell", "threw", "better", "worse", "absent",
})
# words between a person and what they felt or did ("jamal was upset", "jamal not coping")
_LINKING = frozenset({
    "is", "was", "were", "are", "been", "being", "got", "gets", "getting", "seemed", "seems",
    "looked", "looks", "felt", "feels", "feeling", "very", "really", "so", "too", "quite",
    "not", "a", "bit", "still", "all", "just",
})
_WHOSE = frozenset({"his", "her", "their", "my"})  # ("jamal lost his flat")
_NOT_PLURAL = ("ss", "us", "is", "as", "os", "'s", "\u2019s")  # ("marcus", "thomas", "jo's")
# what a person, not a thing, does, said after a word in lower case ("jamal shouting")
_PERSON_DEEDS = frozenset({
    "shouting", "shouted", "crying", "cried", "screaming", "screamed", "yelling", "yelled",
    "sobbing", "sobbed", "swearing", "kicking", "kicked", "refusing", "refused", "ranting",
    "raging", "panicking", "panicked", "arguing", "argued", "fighting", "drinking", "using",
    "relapsed", "relapsing", "struggling", "self-harming", "disclosed", "disclosing",
    "threatening", "threatened", "storming", "stormed", "walked", "walking", "sleeping",
    "talking", "laughing", "laughed", "smiling", "coping",
    "grieving", "shaking", "pacing", "isolating", "withdrawing", "complaining", "complained",
    "sectioned", "discharged", "admitted", "arrested", "evicted", "excluded", "banned",
})
# people and things named by what they are, before a feeling or deed in a setting typed in
# lower case ("residents upset", "neighbour shouting"), beyond the words `namewords` knows
_EVERYDAY = frozenset({
    "resident", "residents", "member", "members", "mum", "mums", "dad", "dads", "gp", "gps",
    "boss", "guest", "guests", "visitor", "visitors", "neighbour", "neighbours", "neighbor",
    "neighbors", "friend", "friends", "crowd", "bloke", "blokes", "guy", "guys", "youngster",
    "youngsters", "teen", "teens", "teenager", "teenagers", "tenant", "tenants", "security",
    "landlord", "landlady", "parent", "parents", "wife", "wives", "user", "users", "carer",
    "carers", "toddler", "toddlers", "dog", "dogs", "cat", "cats", "meds", "lift", "heating",
    "alarm", "wifi", "printer", "computer", "queue", "car", "cars", "van", "kettle", "pt",
    "pts", "su", "sus", "cyp", "lad", "lads", "nan", "gran", "grandad", "grandma", "grandpa",
    "auntie", "aunt", "uncle", "cousin", "cousins", "nephew", "niece", "flatmate", "flatmates",
    "housemate", "housemates", "roommate", "inmate", "inmates", "prisoner", "prisoners",
    "pupil", "pupils", "learner", "learners", "attendee", "attendees", "participant",
    "participants", "newcomer", "newcomers", "regular", "regulars", "punter", "punters",
    "receptionist", "detainee", "paramedic", "keyworker", "clinician", "therapist",
    "psychiatrist", "psychologist", "counsellor", "counselor", "warden", "caretaker",
    "cleaner", "chef", "driver", "porter", "advocate", "mentor", "mentee", "buddy", "host",
    "abit", "kinda", "little", "seem", "mildly", "fully", "deeply",
    # roles the drift matcher does not list (`_a_role`): "customer shouting"
    "customer", "shopper", "student", "cashier", "bouncer", "steward", "waiter", "waitress",
    "barista", "technician", "operator", "dispatcher", "attendant", "ranger", "sergeant",
})


# feelings and states said of a person after their name ("Kai upset", "Sam ok")
_FEELINGS = frozenset({
    "upset", "angry", "sad", "low", "tearful", "distressed", "anxious", "scared", "afraid",
    "agitated", "withdrawn", "quiet", "calm", "ok", "okay", "fine", "unwell", "ill", "drunk",
    "high", "asleep", "awake", "absent", "missing", "late", "there", "here", "again", "rude",
    "cross", "furious", "frightened", "worried", "happy", "better", "worse", "struggling",
    "lost", "left", "hit", "broke", "fell", "cried", "swore", "threw", "refuses", "shouts",
})
# words in -ing or -ed that name a thing or event, not what a person did ("Samaritans meeting")
_ING_NOUNS = frozenset({
    "meeting", "training", "morning", "evening", "housing", "building", "parking", "clothing",
    "wedding", "briefing", "setting", "sitting", "offering", "gathering", "outing", "booking",
    "shopping", "funding", "ceiling", "landing", "crossing", "learning", "screening",
    "counselling", "counseling", "listening", "befriending", "mentoring", "bed", "shed",
})


def _a_deed(word: str) -> bool:
    """Whether `word`, following a capitalised word, says what a person felt or did: a
    feeling (`_FEELINGS`), a clause word ("Kai lost his flat", `_CLAUSE_WORDS`), or a verb in
    -ing / -ed that is no noun ("Priya shouting", "Sam refused"; not "Samaritans meeting")."""
    lower = word.lower().replace("\u2019", "'")
    if not word[:1].islower() or lower in _PLACE_NOUNS or lower in _ING_NOUNS:
        return False
    return (lower in _FEELINGS or (lower in _CLAUSE_WORDS and lower not in _CLAUSE_AS_TYPED)
            or lower.endswith("n't") or (len(lower) > 4 and lower.endswith(("ing", "ed"))))


def _a_word(word: str) -> bool:
    """Whether a capitalised `word` of a setting is a common word, as one opening a
    sentence is (`namewords.common_opener`: "Busy", "Crisis", "Nights"), or a place's
    ("Ward", "Hospice", "Street"): no person's name, wherever it is."""
    from peerjournal.namewords import common_opener

    lower = word.lower()
    return lower in _PLACE_NOUNS or lower in _PLACE_WORDS or (
        not _given_name(word) and common_opener(word)
    )


def _given_name(word: str) -> bool:
    from peerjournal.namewords import NAME_WORDS, OTHER_GIVEN_NAMES

    lower = word.lower()
    return lower in OTHER_GIVEN_NAMES or lower in NAME_WORDS


# words a setting opens with that are no name, beyond `_PLACE_NOUNS` and the words that open a
# sentence (`_a_word`): "Hospice", "Acute ward", "Respite care", "Zoom call"
_PLACE_WORDS = frozenset({
    "hospice", "acute", "respite", "detox", "rehab", "refuge", "custody", "residential",
    "town", "city", "village", "zoom", "teams", "video", "helpline", "hotline", "prison",
    "police", "probation", "outreach", "housing", "supported", "sheltered", "secure",
    "forensic", "psychiatric", "mental", "health", "peer", "youth", "women's", "men's",
    "family", "community", "crisis", "inpatient", "outpatient", "emergency", "hospital",
    "triage", "recovery", "wellbeing", "drop-in", "home", "care", "nursing", "council",
})


def _a_clause(words: list[str]) -> bool:
    """Whether `words` (a part of a setting line) read as a clause, not a place: one of
    _CLAUSE_WORDS, a negated verb ("didn't"), or a verb in -ed after a named subject or
    before a particle ("Kai kicked off", "Sam shouted", "client kicked off"; not "sheltered
    housing", "council funded flat", "short staffed")."""
    bare = [word.strip(".,!?;:\"'()").replace("\u2019", "'") for word in words]
    if len(bare) == 1 and len(bare[0]) > 4 and bare[0].islower() and bare[0].endswith("ed"):
        return True  # a verb alone ("walked, talked, left"), where a place is a noun
    for number, word in enumerate(bare):
        lower = word.lower()
        if lower.endswith("n't") or (
            lower in _CLAUSE_WORDS and (lower not in _CLAUSE_AS_TYPED or word == lower)
        ):
            return True
        if number and len(lower) > 4 and lower.endswith("ed"):
            before, after = bare[number - 1], bare[number + 1 : number + 2]
            named = before[:1].isupper() and not before.isupper()
            if (after and after[0].lower() in _PARTICLES) or (named and not after):
                return True
    return False


# the word before a sentence's stop inside a line, and the first character of the words after
# it ("ward. Kai kicked off")
_BEFORE_A_STOP = re.compile(r"(\S+?)[.!?…]\s+(\S)")


def _no_end(word: str, after: str) -> bool:
    """Whether a stop after `word`, `after` the next character, ends no sentence: a
    capitalised abbreviation, of any length ("St. Mary's", "Univ. hospital", "U.S. base"), one
    in lower case that is dotted or common in a setting ("e.g. ward", "a.m. outreach", "st.
    mary's", "dept. waiting room"), or a number on either side ("Ward 7. Bay 2", "Dept. 3")."""
    return (
        word[:1].isupper() or word[:1].isdigit() or after.isdigit()
        or "." in word or word.lower() in _LOWER_ABBREVIATIONS
    )


# abbreviations a setting is typed with in lower case (`_no_end`)
_LOWER_ABBREVIATIONS = frozenset({
    "st", "dept", "etc", "vs", "approx", "hosp", "univ", "rd", "ave", "apt", "bldg", "esp",
    "incl", "misc", "no", "nr",
})


# the parts a line typed at the wrong prompt may be kept in, as the writer is told of them
_PLACES = {"self_care": "self-care note"}
def _line_added(text: str, line: str) -> str:
    """`line` as a new last line of `text` (a line typed at the wrong prompt, moved)."""
    return f"{text}\n{line}" if text.strip() else line


def _stop_typed_after(given_back: str, line: str) -> bool:
    """Whether `line`, read with `given_back` typed in for the writer to carry on, is that
    line with q alone typed after it (with or without a space): the way to stop for now,
    not a letter for the entry ("We sat by the rivq")."""
    if not line.startswith(given_back.rstrip()):
        return False
    typed = line[len(given_back.rstrip()):]
    return typed.strip().lower() == STOP_FOR_NOW and len(typed.rstrip()) <= 2


def _cut_mid_word(held: str) -> bool:
    """Whether `held`, a line Ctrl-C cut off, was cut in the middle of a word (or just after
    one, before its space: it cannot be told): its last character is no space."""
    return bool(held.strip()) and not held[-1].isspace()


def carried_on(held: str, typed: str) -> str:
    """`typed` added to `held`, a line Ctrl-C cut off: straight on if it was cut mid-word
    ("Walk ho" and "me": "Walk home") and `typed` starts with no space, else after a space
    ("Walk " and "home", "Walk ho" and " me")."""
    if not held.strip():
        return typed.strip()
    if _cut_mid_word(held) and not typed[:1].isspace():
        return held.strip() + typed.strip()
    return f"{held.strip()} {typed.strip()}".strip()


def clean_line(line: str) -> str:
    """A typed line as kept: bytes that are not UTF-8 (lone surrogates from a C/POSIX-locale
    terminal) become �, and NUL is dropped (a space between two words); the line is kept,
    not refused."""
    from peerjournal.textsafe import as_typed, without_nul

    return without_nul(as_typed(line))


def more_input_waiting() -> bool:
    """Whether more lines are already waiting on the terminal: the rest of a paste. A writer
    who presses Enter on a blank line to end an answer has typed nothing after it, and the
    line feed of a CRLF that ended the line is no more (`_Utf8Keys.only_a_line_feed_waits`)."""
    try:
        if not sys.stdin.isatty():
            return False
        ready, _, _ = select.select([sys.stdin], [], [], PASTE_WINDOW)
    except (OSError, ValueError, AttributeError, TypeError):  # no real terminal behind stdin
        return False
    keys = _Utf8Keys.installed
    return bool(ready) and not (keys is not None and keys.only_a_line_feed_waits())


def _bytes_waiting(fd: int) -> int | None:
    """How many bytes are waiting to be read on the terminal `fd`; None if it cannot say."""
    try:
        import fcntl
        import termios

        waiting = fcntl.ioctl(fd, termios.FIONREAD, bytes(4))
    except (ImportError, OSError):
        return None
    return int.from_bytes(waiting, sys.byteorder)


# A run of nothing but answers and blank lines after the answer to "Save this entry?" is read
# no further than this (`yes |` never ends)
_WAITING_MOST = 1 << 20
# When standard input has not ended this many seconds after the answer, the writer is told
# what it is waited for (`cat | peerjournal write --resume`, typed at a terminal)
NOTICE_AFTER = 2.0


class QuietNotice:
    """Says `message` once nothing has come in for NOTICE_AFTER seconds (`poke` says that
    something has): not while a fast pipe (`yes |`) is still being read. `cancel` when done."""

    def __init__(self, say: Callable[[str], None], message: str) -> None:
        self.last = time.monotonic()
        self._done = threading.Event()
        watch = threading.Thread(target=self._watch, args=(say, message), daemon=True)
        watch.start()

    def poke(self) -> None:
        self.last = time.monotonic()

    def cancel(self) -> None:
        self._done.set()

    def _watch(self, say: Callable[[str], None], message: str) -> None:
        while not self._done.wait(max(0.05, self.last + NOTICE_AFTER - time.monotonic())):
            if time.monotonic() - self.last >= NOTICE_AFTER:
                say(message)
                return


def notice_later(say: Callable[[str], None], message: str) -> threading.Timer:
    """`say(message)` in NOTICE_AFTER seconds unless the timer returned is cancelled first."""
    notice = threading.Timer(NOTICE_AFTER, say, [message])
    notice.daemon = True
    notice.start()
    return notice


# ({where}: a guided draft's "your evaluation"; an editor draft's names its file)
WAITING_FOR_THE_END = (
    "Waiting for the end of standard input: what comes in after your answer is added to "
    "{where} (Ctrl-D, or closing the pipe, ends it)."
)
WAITING_NOTICE = WAITING_FOR_THE_END.format(where="your evaluation")


def an_answer(line: str) -> bool:
    """Whether `line`, come in after the answer to "Save this entry?", is one more answer
    (`yes |`): not words to keep. Only y, yes, n or no alone (`a_plain_answer`): "Sure." after
    "He said:" is words."""
    return a_plain_answer(line) is not None


def words_after_the_answer(lines: list[str]) -> tuple[str, int]:
    """The words in `lines` (no line breaks) read after the answer to "Save this entry?",
    more answers left out and the blank lines between kept ("" if none); and how many lines
    hold words."""
    kept = [line.rstrip("\r\n") for line in lines if not an_answer(line)]
    words = "\n".join(kept).strip("\n")
    if not words.strip():
        return "", 0
    return words, len([line for line in kept if line.strip()])


def _as_text(
    lines: list[str], say: Callable[[str], None], source: str = "What came in after the answer"
) -> str:
    """The `lines` read from standard input (its bytes that are not UTF-8 as lone surrogates:
    `forgiving_stdin`) as text: as Windows-1252 when they read as that ("Caf\\xe9", the
    writer told, as `write` reads piped text), else each such byte a �."""
    from peerjournal.cli.editor import read_as_windows_1252
    from peerjournal.textsafe import as_typed, typed_bytes

    text = "".join(lines)
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return as_typed(text)
    return typed_bytes(data, lambda data: read_as_windows_1252(data, source, say))[0]


def _rest_of_stdin(into: list[str], came: Callable[[], None] = lambda: None) -> bool:
    """The lines left on standard input (no terminal), read to its end, however slowly they
    come: those that hold words, and the blank lines among them, are added to `into`. More
    answers to "Save this entry?" are not kept, and a run of nothing but answers and blank
    lines is read no further than _WAITING_MOST bytes (`yes |`); words, no further than a
    part of an entry holds (`MAX_TEXT_CHARS`: an endless stream is not kept in memory).
    Returns whether words came in beyond that, not kept (`CUT_SHORT` says so)."""
    from peerjournal.entry import MAX_TEXT_CHARS

    with contextlib.suppress(OSError, ValueError, AttributeError):  # (left non-blocking)
        os.set_blocking(sys.stdin.fileno(), True)
    run = kept = 0
    while run < _WAITING_MOST:
        try:
            line = sys.stdin.readline()
        except (OSError, ValueError, UnicodeDecodeError):
            return False
        if not line:
            return False
        came()
        words = bool(line.strip()) and not an_answer(line)
        run = 0 if words else run + len(line)
        if words and kept + len(line) > MAX_TEXT_CHARS:  # what fits of it kept
            into.append(line[: MAX_TEXT_CHARS - kept])
            return True
        if words or not line.strip():
            into.append(line)
            kept += len(line)
    return False


# What is said when lines came in after the answer to "Save this entry?" (a yes: True; a no:
# False), for a guided draft and an editor draft alike: {count} of lines, added at {where}
_EVALUATION = "your evaluation"
AFTER_THE_ANSWER = {
    True: "More came in after the answer to 'Save this entry?' ({count}), so the entry was not "
    "saved: that is added to the end of {where}.",
    False: "Not saved (the answer was no). What came in after it ({count}) is added to the end "
    "of {where}.",
}
# ... and when Ctrl-C stopped the reading of them (INTERRUPTED_AT: before any came)
INTERRUPTED_AFTER = {
    True: "Interrupted while the rest of standard input was read, so the entry was not saved; "
    "what came in after the answer ({count}) is added to the end of {where}.",
    False: "Not saved (the answer was no); then interrupted while the rest of standard input "
    "was read: what came in after the answer ({count}) is added to the end of {where}.",
}
INTERRUPTED_AT = {
    True: "Interrupted, so the entry was not saved.",
    False: "Not saved (the answer was no); then interrupted.",
}

# Said when `_rest_of_stdin` stopped at the size limit
CUT_SHORT = (
    " Standard input was read no further than {most:,} characters, what a part of an entry "
    "holds: what was piped in after those was not read, and is not kept anywhere."
)


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
        self.interrupted = ""  # the text on the line Ctrl-C ended, if it could be read
        self.prefill = ""  # typed in at the next line read, to edit (through readline only)
        # put in readline's history for the next line read: the Up arrow brings it back to edit
        self.recall = ""
        # called (through readline's key reader) when it would wait for a key: the writer
        # has paused, and what they typed before can be saved (`GuidedSession._save_soon`)
        self.idle: Callable[[], None] | None = None
        # called when no key has come for `_Utf8Keys.PAUSE` seconds in the middle of a line:
        # the line so far can be saved (`GuidedSession._save_the_typed_line`)
        self.paused: Callable[[], None] | None = None
        # on a terminal whose cursor cannot move up: readline told the screen is wide enough
        # not to scroll the line sideways, as each line begins and before each key (`_unscrolled`)
        self.unscrolled: Callable[[], None] | None = None
        self._lines_mode: Callable[[], None] = _nothing  # (`keys_as_they_come` undone)

    def take_interrupted(self) -> str:
        """The text on the line that Ctrl-C ended ("" if none, or not known), once."""
        line, self.interrupted = self.interrupted, ""
        return line

    @classmethod
    def for_stdin(cls) -> LineReader:
        try:
            if not sys.stdin.isatty() or sys.stdin.fileno() != 0 or sys.stdout.fileno() != 1:
                return cls()
            edit_characters()
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
        reader = cls(True, terminal)
        reader.unscrolled = _unscrolled(readline)
        if _Utf8Keys.installed is not None:  # (before each key: after a resize)
            _Utf8Keys.installed.unscrolled = reader.unscrolled
        return reader

    def read(self, prompt: str, show: Callable[[str], None]) -> str:
        """One line without its line break; EOFError at the end of input, KeyboardInterrupt on
        Ctrl-C. `show` prints (the start of) a prompt on stderr.

        Ctrl-C acted on once input() has ended a line (its Python handler runs at the first
        chance: as input() returns, or in the clean-up after it) throws the line returned away
        with the call: a pasted line lost. Readline has put it in its history by then, and it
        is kept from there (in `interrupted`), with the line break that ended it: the lines
        of a paste still waiting (`_queued_input`) go on after it, not on the same line."""
        recall, self.recall = self.recall, ""
        if recall and self.readline:
            _recalled(recall)
        history = _history_now() if self.readline else None
        try:
            return self._read(prompt, show)
        except KeyboardInterrupt:
            if history is not None and not self.interrupted:
                self.interrupted = _ended(_history_added(history), by_a_key=_line_entered())
            raise

    def _read(self, prompt: str, show: Callable[[str], None]) -> str:
        saved = None
        try:
            if self.readline:
                with signals_held_back():  # Ctrl-C here must not leave stdout on the terminal
                    saved = self._stdout_on_terminal()
            if not self.readline:  # (also when stdout could not be pointed at the terminal)
                if prompt:
                    show(prompt)
                return _from_the_terminal(input)
            # readline is given the prompt's last line, so that it knows where the line starts
            # (a long line wraps and redraws in the right place)
            head, newline, prompt = _between_words(prompt).rpartition("\n")
            if newline:
                show(head + newline)
            if self.unscrolled is None and _scrolls_sideways(prompt):  # (on a line of its own)
                show(prompt.rstrip() + "\n")
                prompt = ""
            return _from_the_terminal(lambda: self._readline_input(prompt))
        finally:
            if saved is not None:
                with signals_held_back():
                    _flush_c_streams()  # readline's echo goes to the terminal, not to the file
                    os.dup2(saved, 1)
                    os.close(saved)

    def _readline_input(self, prompt: str) -> str:
        """input() through readline, `prefill` typed in. On Ctrl-C the words typed on the
        line so far are kept in `interrupted` (readline still holds them once the line has
        begun)."""
        import readline

        began: list[bool] = []
        line = ""
        prefill, self.prefill = self.prefill, ""

        def begin() -> None:  # called by readline as each line begins
            began.append(True)
            if self.unscrolled is not None:
                self.unscrolled()
            if prefill:
                readline.insert_text(prefill)

        with contextlib.suppress(AttributeError):
            readline.set_startup_hook(begin)
        try:
            keys = _Utf8Keys.installed
            if keys is None:
                line = input(prompt)
            else:
                with keys.reading(self.idle, self.paused):
                    line = keys.read_line(prompt)
        except KeyboardInterrupt:
            # the line the key reader returned (`line`: ended by Enter, or for the signal);
            # otherwise readline's buffer, if this line had begun (before that it still holds
            # the last line)
            self.interrupted = (_ended(line, by_a_key=_line_entered()) if line
                                else _line_buffer(readline) if began else "")
            raise
        finally:
            with contextlib.suppress(AttributeError):
                readline.set_startup_hook(None)
        return line

    def _stdout_on_terminal(self) -> int | None:
        """Point stdout at the terminal (when it is not one); returns a copy of the real
        stdout to put back. If that cannot be done, lines are read without readline."""
        if self.terminal is None:
            return None
        saved = None
        try:
            sys.stdout.flush()
            saved = os.dup(1)
            os.dup2(self.terminal, 1)
        except (OSError, ValueError):
            if saved is not None:
                os.close(saved)
            self.close()
            self.readline = False
            return None
        return saved

    def close(self) -> None:
        self._lines_mode()
        self._lines_mode = _nothing
        if self.terminal is not None:
            with contextlib.suppress(OSError):
                os.close(self.terminal)
            self.terminal = None

    def keys_as_they_come(self) -> None:
        """Between two lines read through readline, the terminal hands keys over as they come
        (ICANON off, as readline sets it while a line is read) until `close`. In its line
        mode the terminal holds no more than 4,095 characters of a line: what was pasted as
        a question was being shown, or between two questions, beyond that was dropped
        without a word (QA r44). (ECHO stays: readline echoes only on a terminal that does.)"""
        if self.readline:
            self._lines_mode = _keys_as_they_come()


# UTF-8 locales to edit in, in the order tried: C.UTF-8 as Python's own (PEP 538) does, then
# the names macOS and older systems know
UTF8_LOCALES = ("C.UTF-8", "C.utf8", "UTF-8", "en_US.UTF-8")


def edit_characters() -> None:
    """Under the C/POSIX locale readline edits bytes, not characters: Backspace after 李
    deleted one of its three bytes, and the line kept "李\ufffd". Python puts a UTF-8 LC_CTYPE
    in the environment for LANG=C (PEP 538), but not under LC_ALL=C, which overrides it.

    Readline takes LC_CTYPE from the environment as it reads each line (CPython's readline.c,
    `call_readline`), and from the process as it is imported; so a UTF-8 locale that exists is
    put in both, in LC_ALL if that is what holds C (a command run later inherits it: C.UTF-8
    is C with UTF-8 characters). Python's own encodings are chosen at start-up and stay."""
    import locale

    ctype = next((os.environ[name] for name in ("LC_ALL", "LC_CTYPE", "LANG")
                  if os.environ.get(name)), "C")
    if ctype not in ("C", "POSIX"):
        return
    for name in UTF8_LOCALES:
        try:
            locale.setlocale(locale.LC_CTYPE, name)
        except locale.Error:  # not on this system
            continue
        os.environ["LC_ALL" if os.environ.get("LC_ALL") else "LC_CTYPE"] = name
        return


def _from_the_terminal(read: Callable[[], str]) -> str:
    """`read()`; a terminal that has gone by the time a line is read (input() then reads
    stdin itself, and gets EIO) stops the session as SIGHUP does, not as an I/O error."""
    try:
        return read()
    except OSError:
        _terminal_gone()


# the width a terminal whose cursor cannot move up is said to have (`_unscrolled`): wider than
# a line is typed there (a longer one, a long paragraph pasted, is scrolled once it passes
# it: drawn again from a "<" once in each 2,000 or so characters). Not wider: readline
# compares the whole screen line at each key, and at 2**20 columns a key took 13 ms of CPU
# on a line of 5,000 characters, 0.36 s at 25,000 and 5.8 s at 100,000 (at 4,096: 3 ms)
UNSCROLLED_WIDTH = 4096


def _unscrolled(readline: Any) -> Callable[[], None] | None:
    """On a terminal whose cursor cannot move up (TERM=dumb, as screen-reader users and editors'
    shells set it; emacs; a TERM with no terminfo entry) GNU readline scrolls a line wider
    than the terminal sideways: each time the typing reached the edge the line was drawn again
    from a "<", padded with spaces and backspaces, which a screen reader reads aloud and a
    braille display jumps with (`horizontal-scroll-mode off` cannot change that: without a
    way up, scrolling is all readline can do). Told the screen is UNSCROLLED_WIDTH columns
    wide, readline echoes each key as the terminal itself would, the terminal wraps the line,
    and the editing keys still work. Returns what tells it so, when it has measured the screen
    (as it began, and after a resize: called as each line begins and before each key,
    `_Utf8Keys`), or None where the cursor can move up or the readline is another (libedit:
    `_scrolls_sideways`)."""
    if "GNU readline" not in (readline.__doc__ or ""):
        return None
    try:
        import ctypes

        library = ctypes.CDLL(readline.__file__)
        if ctypes.c_char_p.in_dll(library, "_rl_term_up").value:  # (read as readline began)
            return None
        width = ctypes.c_int.in_dll(library, "_rl_screenwidth")
        widen = library.rl_set_screen_size
        widen.argtypes, widen.restype = [ctypes.c_int, ctypes.c_int], None
    except (ImportError, OSError, ValueError, AttributeError, TypeError):
        return None

    def unscrolled() -> None:  # (called for each key: a look, and a call only after a resize)
        if width.value < UNSCROLLED_WIDTH - 1:  # (readline takes a column off for the margin)
            widen(0, UNSCROLLED_WIDTH)  # (0 rows: its height kept)

    _resizes_unseen()
    return unscrolled


def _resizes_unseen() -> None:
    """Keep a resize of the window from readline (Python's readline module, told of it by its
    own SIGWINCH handler, measures the screen again and redraws the line at once): on a
    terminal whose cursor cannot move up, that redraw at the new width scrolled the line
    sideways ("\r<her and I shared"), and the next key, the screen widened again
    (`_unscrolled`), drew the whole line once more: a screen reader read the line twice after
    each resize (QA r44). Readline has no use for the width there. A Python handler that does
    nothing takes the place of readline's (not a SIG_IGN, which an editor started later would
    inherit, and never see its window resized)."""
    winch = getattr(signal, "SIGWINCH", None)
    if winch is None:
        return
    with contextlib.suppress(ValueError, OSError):  # (not the main thread)
        signal.signal(winch, _resized)


def _resized(signum: int, frame: object) -> None:
    """The window was resized: nothing to do (`_resizes_unseen`)."""


def _scrolls_sideways(prompt: str) -> bool:
    """Whether readline would show only the end of `prompt`: on a dumb terminal (TERM=dumb,
    an editor's shell) it scrolls the line sideways instead of wrapping it, and a prompt
    longer than half the width ("Setting (community, inpatient, …") lost its beginning."""
    if os.environ.get("TERM", "") not in ("", "dumb", "emacs", "unknown"):
        return False
    return len(prompt) > max(_columns(), 20) // 2


def _columns() -> int:
    """The terminal's width (stderr's, where prompts go), else $COLUMNS, else 80."""
    try:
        columns = os.get_terminal_size(2).columns
    except (OSError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = int(os.environ.get("COLUMNS", ""))
        except ValueError:
            columns = 80
    return columns


def _between_words(prompt: str) -> str:
    """`prompt` with a last line wider than the terminal broken between words: readline
    writes that line as it is, and the terminal broke it mid-word ("did you mean inpatie" /
    "nt? [Y/n]"). A prompt's earlier lines are printed through Rich, which wraps them so."""
    import textwrap

    head, newline, last = prompt.rpartition("\n")
    text = last.rstrip()
    width = max(_columns(), 20) - 1 - (len(last) - len(text))  # (and a column for the cursor)
    if len(text) <= width:
        return prompt
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return head + newline + "\n".join(lines) + last[len(text):]


def _history_now() -> tuple[int, str | None]:
    """How many lines readline's history holds, and its last (see `_history_added`)."""
    import readline

    try:
        length = readline.get_current_history_length()
        return length, readline.get_history_item(length)
    except (AttributeError, ValueError, OSError):
        return -1, None


def _recalled(line: str) -> None:
    """`line` put last in readline's history (unless it is there already)."""
    import readline

    with contextlib.suppress(AttributeError, ValueError, OSError):
        if _history_now()[1] != line:
            readline.add_history(line)


def _forgotten(line: str) -> None:
    """`line` taken out of readline's history, when it is the last line there."""
    import readline

    with contextlib.suppress(AttributeError, ValueError, OSError):
        length = readline.get_current_history_length()
        if length > 0 and (readline.get_history_item(length) or "").strip() == line.strip():
            readline.remove_history_item(length - 1)


def _history_added(before: tuple[int, str | None]) -> str:
    """The line readline added to its history since `before` (`_history_now`), if one was;
    else "". (A history of a fixed size, full, is known to have one by its last line.)"""
    now = _history_now()
    return (now[1] or "") if now[0] >= 0 and now != before else ""


def _line_entered() -> bool:
    """Whether the line readline last ended was ended by Enter (so by readline's own key
    reader, always), not by the newline the key reader hands over for a signal."""
    keys = _Utf8Keys.installed
    return keys is None or keys.entered


def _ended(line: str, *, by_a_key: bool) -> str:
    """`line` with the line break that ended it, if a key did and it has any words: a paste's
    first line, then its lines still waiting, were kept joined ("…walk back.Pasted line 2").
    A line ended for a signal was cut off, and says so by having none."""
    return line + "\n" if line and by_a_key else line


def _line_buffer(readline: Any) -> str:
    try:
        return str(readline.get_line_buffer())
    except (AttributeError, ValueError, OSError):
        return ""


def _nothing() -> None:
    pass


def _ctrl_c_ignored() -> Callable[[], None]:
    """Ignore Ctrl-C (one already pressed and not yet handled too); returns what puts its
    handler back. Left alone when it has no Python handler."""
    previous = signal.getsignal(signal.SIGINT)
    if not callable(previous):
        return _nothing
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):  # not the main thread
        return _nothing

    def put_back() -> None:
        signal.signal(signal.SIGINT, previous)

    return put_back


def _queued_input_kept() -> Callable[[], None]:
    """Ctrl-C (or Ctrl-\\) at the terminal leaves what is waiting to be read where it is,
    for `_queued_input` to keep: the terminal would throw away the lines of a paste not yet
    read (and the line being typed, without readline) the moment Ctrl-C is pressed
    (NOFLSH). Returns what sets the terminal back. Left alone when stdin is no terminal."""
    fd = _stdin_terminal()
    if fd is None:
        return _nothing
    import termios

    try:
        attributes = termios.tcgetattr(fd)
        if attributes[3] & termios.NOFLSH:
            return _nothing
        attributes[3] |= termios.NOFLSH
        termios.tcsetattr(fd, termios.TCSANOW, attributes)
    except (OSError, termios.error):
        return _nothing

    def put_back() -> None:
        with contextlib.suppress(OSError, termios.error):
            now = termios.tcgetattr(fd)
            now[3] &= ~termios.NOFLSH
            termios.tcsetattr(fd, termios.TCSANOW, now)

    return put_back


def _keys_as_they_come() -> Callable[[], None]:
    """Set the terminal on stdin to hand keys over as they come, not in lines (`LineReader.
    keys_as_they_come`); returns what sets its line mode back."""
    fd = _stdin_terminal()
    if fd is None:
        return _nothing
    import termios

    try:
        before = termios.tcgetattr(fd)
        if not before[3] & termios.ICANON:
            return _nothing
        raw = [*before[:6], list(before[6])]
        raw[3] &= ~termios.ICANON
        # a carriage return stays one, as readline reads it, not a line feed: the CRLF of a
        # paste that comes between two lines is one line end (`_Utf8Keys._crlf_ended`)
        raw[0] &= ~termios.ICRNL
        raw[6][termios.VMIN], raw[6][termios.VTIME] = 1, 0
        termios.tcsetattr(fd, termios.TCSANOW, raw)
    except (OSError, termios.error):
        return _nothing

    def put_back() -> None:
        with contextlib.suppress(OSError, termios.error):
            now = termios.tcgetattr(fd)
            now[0] |= before[0] & termios.ICRNL
            now[3] |= termios.ICANON
            now[6][termios.VMIN], now[6][termios.VTIME] = (
                before[6][termios.VMIN], before[6][termios.VTIME])
            termios.tcsetattr(fd, termios.TCSANOW, now)

    return put_back


def _queued_input() -> str:
    """What is waiting on the terminal, not yet read, once Ctrl-C has stopped the session
    (kept there: `_queued_input_kept`): the rest of a paste, and without readline the line
    being typed. Read without waiting for a line's end (and no more than an entry holds);
    never left for the shell, which would run the lines as commands. "" if none. The line
    feed of a CRLF whose CR ended the last line read is left out (`line_feed_due`)."""
    from peerjournal.entry import MAX_TEXT_CHARS

    fd = _stdin_terminal()
    if fd is None:
        return ""
    import termios

    keys = _Utf8Keys.installed
    crlf = keys is not None and keys.line_feed_due
    data = b""
    try:
        before = termios.tcgetattr(fd)
        raw = [*before[:6], list(before[6])]
        raw[3] &= ~termios.ICANON  # (a line not yet ended is read too)
        raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 0
        termios.tcsetattr(fd, termios.TCSANOW, raw)
    except (OSError, termios.error):
        return ""
    try:
        while len(data) < MAX_TEXT_CHARS and select.select([fd], [], [], PASTE_WINDOW)[0]:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            data += chunk
    except OSError:  # (the terminal gone)
        pass
    finally:
        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(fd, termios.TCSANOW, before)
    text = data.decode("utf-8", "surrogateescape").removeprefix("\n" if crlf else "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _stdin_terminal() -> int | None:
    """Standard input's descriptor, when it is a terminal whose modes can be set; else None."""
    try:
        import termios  # noqa: F401  (none on Windows)

        fd = sys.stdin.fileno()
        return fd if os.isatty(fd) else None
    except (ImportError, AttributeError, ValueError, OSError):
        return None


# the signals whose Python handlers stop a write (SIGQUIT: see `quit_as_terminate`)
_HELD_BACK = STOPPING


def quit_as_terminate() -> Callable[[], None]:
    """Ctrl-\\ (SIGQUIT) stops a guided session as SIGTERM does, the line being typed kept
    (by default it ends the process at once, and that line with it). Returns what puts its
    handler back. Left alone when SIGTERM has no Python handler, or SIGQUIT has one or is
    ignored (a shell's background job)."""
    number = getattr(signal, "SIGQUIT", None)  # (none on Windows)
    terminate = signal.getsignal(signal.SIGTERM)
    if number is None or not callable(terminate) or signal.getsignal(number) != signal.SIG_DFL:
        return lambda: None
    try:
        signal.signal(number, terminate)
    except (ValueError, OSError):  # not the main thread
        return lambda: None

    def put_back() -> None:
        signal.signal(number, signal.SIG_DFL)

    return put_back


@contextlib.contextmanager
def signals_held_back() -> Iterator[None]:
    """Ctrl-C, SIGTERM, SIGHUP and SIGQUIT wait until the block is done (a few system
    calls)."""
    numbers = {getattr(signal, name) for name in _HELD_BACK if hasattr(signal, name)}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, numbers)
    except (AttributeError, ValueError, OSError):  # Windows
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


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

    It is readline's reader only while `reading()` (one `input()`), and it is Python code
    called from C, where an exception cannot go: ctypes prints it as a traceback and readline
    gets a key that nobody typed. So nothing may raise in it. Ctrl-C, SIGTERM and SIGHUP,
    whose Python handlers raise KeyboardInterrupt, are held back while it runs: the line ends
    (a newline is handed to readline) and the signal is raised again once readline returns.
    So are they in readline's startup hook, which throws an exception raised in it away (a
    Ctrl-C lost, the session waiting on): they raise at once only where input() waits for a
    key (`read_line`). An alarm every WAKE seconds while a line is read interrupts that wait,
    for a signal held back, or one whose handler had no chance to run before readline began
    to wait (pressed as a paste was read), to end the line: a Ctrl-C is never left waiting
    for the next key.
    """

    installed: _Utf8Keys | None = None
    WAIT = 0.5  # seconds for the rest of a character that arrives in two reads (ssh)
    PAUSE = 1.0  # seconds without a key after which the writer has paused (`paused`)
    POLL = 0.05  # seconds between looks at a held-back signal while waiting for a key
    WAKE = 0.2  # seconds between the alarms that look at a signal while readline waits
    # bytes handed over at most in one call (readline queues 511): a run of broken bytes
    # longer than this is read on in the next call, never lost
    MOST = 256
    CRLF_WAIT = 0.05  # seconds for the line feed of a CRLF to come (`_crlf_ended`)

    def __init__(
        self, stuff: Callable[[int], int], fd: int, hook: Any = None, hangs_up: bool = False
    ) -> None:
        import ctypes

        self.stuff = stuff  # readline's rl_stuff_char: a byte for readline to read next
        self.fd = fd
        self.hook = hook  # readline's rl_getc_function (a ctypes.c_void_p in the library)
        self.signalled: int | None = None  # a signal held back while a key was read
        # what a signal's own handler raised where input() waits (`_holder`): input() is ending
        # with it pending, and `_on_alarm` must not return normally until it has (see there)
        self.raised: BaseException | None = None
        self.quiet: int | None = None  # alarms (`_on_alarm`) since no key was waiting
        self.idle: Callable[[], None] | None = None  # see `reading`
        self.paused: Callable[[], None] | None = None  # see `reading`
        # called before each key is handed over (`guided._unscrolled`: after a resize)
        self.unscrolled: Callable[[], None] | None = None
        # `fd` is the terminal, in readline's raw mode: no key reads as nothing (Ctrl-D is a
        # byte), so the end of input is the terminal gone (see `_getc`)
        self.hangs_up = hangs_up
        self.hung_up = False
        # whether the last line readline ended was ended by a key (Enter), not by the newline
        # handed over for a signal or a terminal gone (`_getc`)
        self.entered = False
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        # the last two characters read, and one read ahead of its turn (`_key`)
        self._behind = ""
        self._peeked = b""
        # referenced here for as long as the class holds this reader: readline may call it
        # during any `reading()`, and calling a freed callback would crash the process
        self.callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)(self._getc)
        self.address = ctypes.cast(self.callback, ctypes.c_void_p).value
        self.redisplay: Callable[[], int] | None = None  # readline's rl_forced_update_display
        # a carriage return was handed over with more input right behind it: a line feed
        # read next is its CRLF's, no line end of its own (`_crlf_ended`)
        self.line_feed_due = False

    def redraw(self) -> None:
        """Readline draws the prompt and the line typed so far again, on the line the cursor
        is on (something was printed over them)."""
        if self.redisplay is not None:
            with contextlib.suppress(Exception):
                self.redisplay()

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
            keys = cls(stuff, sys.stdin.fileno(), hook, hangs_up=True)
            keys.redisplay = library.rl_forced_update_display
        except (ImportError, OSError, ValueError, AttributeError, LookupError, TypeError):
            return  # a readline built in, or without the symbols: readline's own reading
        cls.installed = keys

    @contextlib.contextmanager
    def reading(
        self, idle: Callable[[], None] | None = None, paused: Callable[[], None] | None = None
    ) -> Iterator[None]:
        """Readline reads its keys here for the length of the block (one line); the reader
        it had is put back afterwards. A signal held back meanwhile is raised at the end.
        `idle` is called each time no key is left to read, before readline waits for one (a
        paste, its keys all there, is read without a call). `paused` is called once a wait
        for a key has lasted PAUSE seconds (an alarm, `_on_alarm`): readline then holds every
        key typed, the line so far in its buffer (a paste never waits so long)."""
        self.signalled = None
        self.raised = None
        self.quiet = None
        self.idle = idle
        self.paused = paused
        self.hung_up = False
        self.entered = False
        self.decoder.reset()
        handlers = self._hold_back_signals()
        alarm = self._alarm_set()
        if alarm is None:
            self.paused = None
        original = self.hook.value if self.hook is not None else None
        try:
            if self.hook is not None:
                self.hook.value = self.address
            yield
        finally:
            self._alarm_put_back(alarm)
            self.idle = self.paused = None
            if self.hook is not None:
                self.hook.value = original
            for number, handler in handlers.items():
                signal.signal(number, handler)
            if self.signalled is not None:
                signal.raise_signal(self.signalled)  # its own handler: KeyboardInterrupt
            if self.hung_up:
                _terminal_gone()

    def _hold_back_signals(self) -> dict[int, Any]:
        """Wrap the Python handlers of Ctrl-C, SIGTERM and SIGHUP; returns them, to put back."""
        handlers: dict[int, Any] = {}
        for name in _HELD_BACK:
            number: int | None = getattr(signal, name, None)
            if number is None:  # (no SIGHUP on Windows)
                continue
            handler = signal.getsignal(number)
            if not callable(handler):  # SIG_DFL, SIG_IGN, or set from C: nothing raises
                continue
            try:
                signal.signal(number, self._holder(handler))
            except (ValueError, OSError):  # not the main thread
                continue
            handlers[number] = handler
        return handlers

    def read_line(self, prompt: str) -> str:
        """input(), within `reading()`: where a signal raises at once (`_waits_for_a_key`)."""
        return input(prompt)

    def _holder(self, handler: Callable[[int, Any], Any]) -> Callable[[int, Any], Any]:
        def hold_back(number: int, frame: Any) -> Any:
            if self._waits_for_a_key(frame):
                try:
                    return handler(number, frame)  # e.g. Ctrl-C while readline waits for a key
                except BaseException as exc:
                    self.raised = exc
                    raise
            if self.signalled is None:
                self.signalled = number
            return None

        return hold_back

    @staticmethod
    def _waits_for_a_key(frame: Any) -> bool:
        """Whether a signal handler called with `frame` runs in input() itself (readline waits
        for a key), not in Python code readline called (`_getc`, its startup hook) nor the
        setting up or putting back around it, where it is held back."""
        return frame is not None and frame.f_code is _Utf8Keys.read_line.__code__

    def _getc(self, _stream: object) -> int:
        self.entered = False
        if self.unscrolled is not None:
            self.unscrolled()
        if self.signalled is not None and not self._peeked:  # (one read ahead goes first)
            return _NEWLINE  # ends the line; reading() raises the signal again
        data = self._key()
        if self.line_feed_due:
            data = self._crlf_ended(data)
        self.quiet = None
        if self.signalled is not None and not data:
            return _NEWLINE
        if not data and self.hangs_up:
            # The terminal has gone (a closed window, a dropped ssh), before the SIGHUP that
            # says so. Readline would read this as Ctrl-D and the next as an empty line,
            # throwing away the line being typed: it ends here, and `reading()` interrupts.
            self.hung_up = True
            return _NEWLINE
        if not data:
            return -1
        for byte in data[1:]:
            self.stuff(byte)  # (never more than readline's queue holds: MOST)
        self._when_idle()
        if self.signalled is not None:  # came while the bytes were queued: end the line
            self.stuff(_NEWLINE)  # after them
        self.entered = data[0] in _LINE_ENDS
        # (a CR typed alone waits CRLF_WAIT for no line feed: a pause no one sees)
        self.line_feed_due = data == b"\r" and self._ready(time.monotonic() + self.CRLF_WAIT)
        return data[0]

    def _key(self) -> bytes:
        """The next character's bytes (`character`), b"" at the end of input. A NUL with
        nothing behind it is a Ctrl-D come between two lines (`_CTRL_D`); one with more input
        behind it is part of a paste (as a Ctrl-D at the start of a line it stopped the
        session there, and the rest of the paste went to the shell, to be run as commands):
        left out, or a space when it is between two words ("ok\\0nul": "ok nul", not
        "oknul"), as `textsafe.without_nul` keeps a NUL read without readline, or in a file;
        the character after it is read with it, and the one after that read ahead to tell."""
        try:
            before = self._behind
            data = self._consume()  # (a NUL ends it: b"\0", or after a broken one "\xc3\0")
            gap = ""  # the text before a NUL in a paste, left out
            while data.endswith(b"\0") and self._followed():
                gap = gap or before + data[:-1].decode("utf-8", "replace")
                data = data[:-1] or self._consume()
            if _WORDS_BESIDE.fullmatch(gap[-2:]) and self._words_from(data):
                data = b" " + data
        except Exception:  # the terminal has gone (EIO): end of input
            return b""
        return data.replace(b"\0", _CTRL_D)

    def _crlf_ended(self, data: bytes) -> bytes:
        """`data`, the key read after a carriage return that had more input right behind it
        (`line_feed_due`): if it is a line feed, the two are a CRLF (text pasted from
        Windows or a phone), one line end, and the key after it is read instead. Handed over
        as a key of its own, the line feed was an empty line that ended the answer, and the
        writer's own Enter then skipped the next question (QA r48)."""
        self.line_feed_due = False
        if data != b"\n":
            return data
        self._when_idle()  # (nothing behind it: the writer may pause here)
        return self._key()

    def _consume(self) -> bytes:
        """The next character's bytes: the one read ahead (`_words_from`), else `character`;
        the last two characters read kept (`_behind`)."""
        data, self._peeked = self._peeked or self.character(), b""
        self._behind = (self._behind + data.decode("utf-8", "replace"))[-2:]
        return data

    def _words_from(self, data: bytes) -> bool:
        """Whether `data` (a character) and the one after it, read ahead if more input
        follows (`_followed`), are word characters, as `textsafe.without_nul` reads them."""
        if not _WORDS_BESIDE.fullmatch(f"{data.decode('utf-8', 'replace')}x"):
            return False
        if not self._followed():
            return False
        self._peeked = self.character()
        return bool(_WORDS_BESIDE.fullmatch(f"x{self._peeked.decode('utf-8', 'replace')}"))

    def _followed(self) -> bool:
        """Whether more input is there to read, or comes within WAIT seconds (a terminal
        hands a paste over in pieces; ssh too); not the end of input, which select() finds
        there to read as well."""
        if self._peeked:
            return True
        if not self._ready(time.monotonic() + self.WAIT):
            return False
        waiting = _bytes_waiting(self.fd)  # (None: bytes or the end of input; if the end,
        return waiting is None or waiting > 0  # read next)

    def only_a_line_feed_waits(self) -> bool:
        """Whether the one byte waiting is the line feed of a CRLF (`line_feed_due`): no
        more input, for `more_input_waiting`."""
        return self.line_feed_due and _bytes_waiting(self.fd) == 1

    def character(self) -> bytes:
        """The next character's bytes: valid UTF-8, or those of � for each broken piece (as
        Python's "replace" decodes); b"" at end of input or when a signal was held back
        before any byte was read (one read as it came is kept: `_getc` ends the line after
        it)."""
        out = b""
        while len(out) < self.MOST:
            held = self.decoder.getstate()[0]  # the start of a character, read but not done
            if out and not held:
                break
            byte = self._next_byte(self.WAIT if held else None)
            if self.signalled is not None and not byte:  # (a character begun: a �)
                return out + self.decoder.decode(b"", final=True).encode()
            if byte:
                out += self.decoder.decode(byte).encode()
                continue
            # nothing more in time (None) or the end of input (b""): what is held is broken
            out += self.decoder.decode(b"", final=True).encode()
            if byte is not None:
                break
        return out

    def _next_byte(self, wait: float | None) -> bytes | None:
        """One byte (b"" at end of input); None if none came within `wait` seconds or a
        signal was held back."""
        deadline = None if wait is None else time.monotonic() + wait
        while self._ready(deadline):
            try:
                return os.read(self.fd, 1)
            except BlockingIOError:  # stdin left non-blocking by another program
                continue
        return None

    def _ready(self, deadline: float | None) -> bool:
        """Whether there is input to read (a byte, or the end of input) before `deadline` (a
        `time.monotonic()`; None: whenever it comes); False once a signal is held back. It
        waits in short steps, so a held-back Ctrl-C ends the wait."""
        while self.signalled is None:
            step = self.POLL if deadline is None else min(self.POLL, deadline - time.monotonic())
            if step <= 0:
                return False
            if select.select([self.fd], [], [], step)[0]:
                return True
        return False

    def _when_idle(self) -> None:
        """Call `idle` when no key is there to read after the one read: Python's readline
        waits for the next one itself, without calling this reader until it comes; and set
        the alarm that says the writer has paused (`_on_alarm`), if no key comes first."""
        if (self.idle is None and self.paused is None) or self._peeked:  # (a key is there)
            return
        try:  # (once per byte of a paste: no more than a look)
            if not select.select([self.fd], [], [], 0)[0]:
                if self.idle is not None:
                    self.idle()
                self.quiet = 0  # (after `idle`: a slow save is never re-entered)
        except Exception:  # called from C: nothing may raise
            return

    def _on_alarm(self, _number: int, frame: Any) -> None:
        """Every WAKE seconds while a line is read (Python's readline waits for keys itself,
        and runs this handler while it waits): a signal held back ends the wait (it is raised
        again as `reading()` ends); after PAUSE seconds with no key, `paused` is called once,
        Ctrl-C, SIGTERM and SIGHUP held back until it is done. (input() runs it too as Ctrl-C
        has just interrupted it, with that KeyboardInterrupt already raised: a C function
        called then is a SystemError, so none is called but for a pause; and so is returning
        at all, so the exception pending is raised again: under load 3 in 460 runs of the
        terminal tests ended "Unexpected error (SystemError)", exit 70.)"""
        if self.raised is not None and self._waits_for_a_key(frame):
            raise self.raised
        if self.signalled is not None:
            if self._waits_for_a_key(frame):
                raise KeyboardInterrupt
            return
        if self.quiet is None or self.paused is None:
            return
        self.quiet += 1
        if (self.quiet - 1) * self.WAKE < self.PAUSE:  # (at least PAUSE seconds)
            return
        self.quiet = None
        with contextlib.suppress(Exception), signals_held_back():
            self.paused()

    def _alarm_set(self) -> Any:
        """The handler of SIGALRM (`_on_alarm`) for `reading()`, its alarm set; returns the
        handler to put back (None where there is no such alarm: Windows, not the main
        thread)."""
        if not hasattr(signal, "setitimer"):
            return None
        try:
            previous = signal.signal(signal.SIGALRM, self._on_alarm)
        except (ValueError, OSError):
            return None
        signal.setitimer(signal.ITIMER_REAL, self.WAKE, self.WAKE)
        return signal.SIG_DFL if previous is None else previous  # (None: set from C)

    @staticmethod
    def _alarm_put_back(previous: Any) -> None:
        if previous is None:
            return
        with contextlib.suppress(ValueError, OSError):
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


_NEWLINE = ord("\n")
_LINE_ENDS = (ord("\r"), _NEWLINE)  # the keys that end a line (Enter, Ctrl-J)
# Ctrl-D, as a key for readline. One that comes while the terminal is between two lines
# (readline reads each line in its own mode; between them the terminal's own line editing is
# on) is turned by the terminal into a NUL, which readline would take as Ctrl-Space (set a
# mark): a Ctrl-D ignored. A NUL is no key a writer types: one with more input behind it is
# part of a paste, left out or made a space between two words (`_Utf8Keys._key`).
_CTRL_D = b"\x04"
# two word characters, as `textsafe.without_nul` finds a NUL between two words
_WORDS_BESIDE = re.compile(r"\w\w")


def _terminal_gone() -> NoReturn:
    """Stop the session as SIGHUP does, and ignore the SIGHUP that the shell sends after
    the terminal has gone: its handler would interrupt the saving of the draft."""
    hangup = getattr(signal, "SIGHUP", None)
    if hangup is not None:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(hangup, signal.SIG_IGN)
    raise KeyboardInterrupt


def forgiving_stdin(keep_bytes: bool = False) -> None:
    """Read the terminal with errors='replace': a stray non-UTF-8 byte becomes �, it never
    ends the session. `keep_bytes` (a pipe): such bytes are read as lone surrogates, for
    what comes after the answer to be read as Windows-1252 if it is that (`_as_text`). A
    CRLF or a lone CR (Windows or old Mac text piped in) ends a line as a line feed does
    (possible only before anything is read)."""
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is None:
        return
    with contextlib.suppress(ValueError, OSError, AttributeError):
        reconfigure(errors="surrogateescape" if keep_bytes else "replace")
    with contextlib.suppress(ValueError, OSError, AttributeError):
        reconfigure(newline=None)
