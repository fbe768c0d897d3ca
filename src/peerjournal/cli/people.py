"""people add / list / remove: the people you support and work with, redacted from exports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from peerjournal.cli.options import Json, typed, typed_noted
from peerjournal.context import AppContext
from peerjournal.plural import joined

if TYPE_CHECKING:
    from peerjournal.db.people import PersonRow
    from peerjournal.errors import NotFoundError

Name = Annotated[
    list[str],
    typer.Argument(
        metavar="NAME",
        help="The name as you write it, e.g. Maria Lopez (quotes are not needed).",
    ),
]
# `people add`'s NAME, optional: `-` reads names from standard input, and none at a terminal
# asks for one, so that the names of the people you support need not be in the shell's history
NewName = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[NAME]",
        help="The name as you write it, e.g. Maria Lopez (quotes are not needed). A name "
        "typed on the command line is kept in your shell's history: leave it out to type it "
        "at a prompt, or give - to read names from standard input, one a line.",
        show_default=False,
    ),
]
Alias = Annotated[
    str | None,
    typer.Option("--alias", metavar="TEXT",
                 help="What replaces the name (default: [person]; '' goes back to it)."),
]


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="people",
        help="The people you support and work with: their names are replaced in exports.",
        short_help="Names to replace in exports.",
        no_args_is_help=True,
    )
    app.add_typer(group)

    @group.command(short_help="Add a person, or change an alias.")
    def add(
        ctx: typer.Context,
        words: NewName = None,
        alias: Alias = None,
        json_out: Json = False,
    ) -> None:
        """Add a person (or change the alias of one already listed). `-` adds each name read
        from standard input, one a line (--json then prints a list)."""
        from peerjournal.db.people import add_people, list_people
        from peerjournal.errors import PeerJournalError
        from peerjournal.redact import (
            Person,
            alias_naming,
            check_alias,
            name_warnings,
            names_finder,
        )

        app_ctx = AppContext.from_ctx(ctx)
        _refuse_alias_apart(ctx)
        given = _names_given(app_ctx, words, one=alias is not None)
        if alias is not None and len(given) > 1:
            raise PeerJournalError(
                f"--alias is for one name, and {len(given)} came in: add the one with an "
                "alias on its own. Nobody was added."
            )
        # (UTF-8 under an ASCII locale, Latin-1 under a UTF-8 one: `options.typed_noted`)
        *read_names, alias = typed_noted(app_ctx, *given, alias)
        names = _each_checked(read_names, lambda read: _listed_or_checked(app_ctx, read or ""))
        # an empty --alias (given, unlike None) takes a listed person's alias away
        alias = alias.strip() if alias is not None else None
        # (each checked before any is added)
        _each_checked(names, lambda name: _refuse_one_letter_words(app_ctx, name, alias))
        store = app_ctx.store()
        listed = list_people(store, redacting=False)  # (read once: a long list piped in)
        others = [Person(p.name, p.alias) for p in listed]
        # (one name pattern for them all, as building one takes 0.1 s: a long list piped in)
        held = names_finder(list(dict.fromkeys(names)))

        def alias_checked(name: str) -> None:
            if alias or alias_naming(name, others, held):
                check_alias(name, alias or None, others)  # (refuses, saying why)

        _each_checked(names, alias_checked)
        names = list(dict.fromkeys(names))
        # all in one transaction: a list piped in is added whole or not at all (Ctrl-C)
        done, already = add_people(store, names, alias, app_ctx.now(), listed)
        # (a list read with `-` is what should be on the list: names on it already are
        # said, whether or not others came with them, and a list run again succeeds)
        if already and len(names) == 1 and words != ["-"]:
            raise PeerJournalError(
                f"{already[0]} is already on the people list (use --alias to change the "
                "alias, or --alias '' to remove it)."
            )
        if already:
            listed_now = joined(list(dict.fromkeys(already)))
            nobody = "" if done else " Nobody was added."
            app_ctx.say(f"Already on the people list, left as they are: {listed_now}.{nobody}")
        alias = alias or None
        if json_out:
            said = "; ".join(f"{'Added' if added else 'Updated'} {name}" for added, name in done)
            rows = [{"name": name, "alias": alias, "added": added} for added, name in done]
            several = words == ["-"] or len(rows) > 1  # (typed at the prompt: one or more)
            app_ctx.print_json_done(said, rows if several else rows[0])
            return
        replacement = alias or "[person]"
        for added, name in done:
            verb = "Added" if added else "Updated"
            app_ctx.say(f"{verb} {name}: exports will show {replacement} instead.")
            for warning in name_warnings(name, alias):
                app_ctx.say(warning)

    @group.command("list", short_help="List the people on the list.")
    def list_(ctx: typer.Context, json_out: Json = False) -> None:
        """List the people whose names are replaced in exports."""
        from peerjournal.db.people import list_people

        app_ctx = AppContext.from_ctx(ctx)
        people = list_people(app_ctx.store(), redacting=False)
        if json_out:
            app_ctx.print_json(
                [{"name": p.name, "alias": p.alias, "created_at": p.created_at.isoformat()}
                 for p in people]
            )
            return
        if not people:
            app_ctx.say("Nobody on the people list yet: `peerjournal people add NAME`.")
            return
        from peerjournal.redact import Person, one_letter_word_note, unusable_aliases
        from peerjournal.render.console import StoodIn
        from peerjournal.render.summary import people_table

        # an alias naming someone listed (restored beside them) is not what exports show
        unusable = unusable_aliases([Person(p.name, p.alias) for p in people])
        app_ctx.out.print(StoodIn(people_table(  # (a table, or a line each: `StoodIn`)
            [replace(p, alias=None) if p.name in unusable else p for p in people]
        )))
        for p in people:
            note = one_letter_word_note(p.name, app_ctx.command_hint)
            if note:
                app_ctx.say(note)
            if p.name in unusable:
                app_ctx.say(
                    f"Note: {p.name}'s alias {p.alias!r} {unusable[p.name]}: exports show "
                    f"[person] instead. Change it with "
                    f"{app_ctx.command_hint(f'people add {p.name} --alias TEXT')}."
                )

    @group.command(short_help="Take a person off the list.")
    def remove(ctx: typer.Context, words: Name, json_out: Json = False) -> None:
        """Take a person off the list (their name will no longer be replaced in exports)."""
        from peerjournal.db.people import list_people, remove_person
        from peerjournal.errors import NotFoundError
        from peerjournal.redact import Person, contains_name

        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        name = typed(" ".join(words))  # (as `add` read it)
        try:
            removed = remove_person(store, name)
        except NotFoundError as exc:
            raise _with_meant(app_ctx, name, exc) from None
        # another listed name may still replace it: "Zoë" and a "Zoë" with a zero-width
        # space listed before they were told apart, "Bob" (a short form of a listed Robert);
        # not one read with U+FFFD, which replaces nothing (exports refuse until it is put
        # right, and reading the list said how)
        still = [p.name for p in list_people(store, redacting=False)
                 if "\ufffd" not in p.name
                 and contains_name(removed.name, [Person(p.name, p.alias)])]
        if json_out:
            app_ctx.print_json_done(
                f"Removed {removed.name}",
                {"name": removed.name, "removed": True, "still_replaced_by": still},
            )
            return
        if still:
            app_ctx.say(
                f"Removed {removed.name}, but exports still replace that name: it matches "
                f"{joined(still)}, still on the people list."
            )
            return
        app_ctx.say(f"Removed {removed.name}: exports will no longer redact that name.")


def _listed_or_checked(app_ctx: AppContext, raw: str) -> str:
    """`raw` as `check_name` takes a new name; one already listed that it refuses (a bidi
    character an older version or a backup let in) as that listed name, so its alias can
    still be changed."""
    from peerjournal.db.people import list_people
    from peerjournal.errors import PeerJournalError
    from peerjournal.redact import check_name

    try:
        return check_name(raw)
    except PeerJournalError:
        name = check_name(raw, kept=True)  # (refuses a control character, as ever)
        listed = list_people(app_ctx.store(), redacting=False)
        if name not in {p.name for p in listed}:  # (as listed: no new name slips in)
            raise
        return name


def _each_checked(names: list[_Read], check: Callable[[_Read], _Checked]) -> list[_Checked]:
    """`check` of each of `names`, before any is added: for a list read by `people add -`, a
    refusal says which name it is by its place in the list (a name holding control characters
    is not printed) and that nobody was added."""
    from peerjournal.errors import PeerJournalError

    checked = []
    for number, name in enumerate(names, 1):
        try:
            checked.append(check(name))
        except PeerJournalError as exc:
            if len(names) > 1:
                exc.message += (
                    f" That is name {number} of the {len(names)} read, so nobody was added."
                )
            raise
    return checked


_Read = TypeVar("_Read")
_Checked = TypeVar("_Checked")


def _refuse_alias_apart(ctx: typer.Context) -> None:
    """`people add "Sam Jones" --alias S J`: words of the name both before --alias and after
    its value. Click joins them into the name "Sam Jones J"; whether "J" was meant for the
    alias or the name cannot be known, so the writer is asked to say it with quotes."""
    from peerjournal.cli.options import words_after_values
    from peerjournal.errors import ExitCode, PeerJournalError

    placed = words_after_values(ctx)
    before = [word for word, after in placed if after is None]
    apart = [word for word, after in placed if after and after[0] == "--alias"]
    if not before or not apart:
        return
    # (names are not repeated: errors print no journal text)
    took = f"--alias took one word, and {len(apart):,} more came after it"
    if before == ["-"]:  # (the names come in on standard input: only the alias's words)
        meant = f'{took}: give the alias in quotes, whole, as in --alias "Alias"'
    else:
        meant = (f"{took}, apart from the name before it: part of the alias or of the name? "
                 'Give each in quotes, whole, as in people add "Full Name" --alias "Alias"')
    raise PeerJournalError(
        f"{meant}. Nobody was added.",
        ExitCode.USAGE,
    )


def _names_given(app: AppContext, words: list[str] | None, one: bool = False) -> list[str]:
    """The names `people add` is given: NAME on the command line; with `-`, each line read
    from standard input; none, at a terminal, the names typed at a prompt (`_names_typed`;
    neither of those is kept in the shell's history). `one`: a single name is wanted (an
    alias is given for it)."""
    from peerjournal.errors import ExitCode, PeerJournalError

    if words and words != ["-"]:
        return [" ".join(words)]
    if words == ["-"]:
        import sys

        from peerjournal.cli.editor import decode_or_1252

        if app.stdin_is_terminal():
            app.say("Type the names, one a line, then press Ctrl-D on a new line.")
        data = sys.stdin.buffer.read(_MOST_PIPED + 1)
        if len(data) > _MOST_PIPED:  # (never a name cut in half, the rest left out unsaid)
            raise PeerJournalError(
                "Standard input is over 1 MiB: that is not a list of names. Nobody was added."
            )
        # (Latin-1, as a name on the command line is read: `options.typed_noted`)
        text = decode_or_1252(data, "Standard input", app.say, check="check they read as you meant")
        names = [line for line in text.splitlines() if line.strip()]
        if not names:
            raise PeerJournalError("No name came in on standard input, so nobody was added.")
        return names
    if not app.stdin_is_terminal():
        raise PeerJournalError(
            "Give the name: `peerjournal people add NAME`, or `-` to read names from "
            "standard input, one a line.", ExitCode.USAGE,
        )
    typed = _names_typed(app, one)
    if not typed:
        raise PeerJournalError("No name was typed, so nobody was added.")
    return [_typed_at_the_prompt(app, name) for name in typed]


def _names_typed(app: AppContext, one: bool) -> list[str]:
    """The names typed at the prompt, one a line until an empty line (or Ctrl-D): a second
    name typed straight after the first went to the shell, and into its history, when the
    prompt took one only (QA r48). `one` (with --alias): the first line only. An empty line
    that came with the line before it (a paste's: the line feed of a CRLF, which the
    terminal reads as a line of its own, or a blank line between names) ends nothing; the
    names after it went to the shell (QA r48)."""
    from peerjournal.cli.guided import more_input_waiting

    if not one:
        app.say("Names, one a line, then Enter on an empty line to add them (typed here, "
                "they stay out of your shell's history).")
    names: list[str] = []
    pasted = False  # (more input came with the line read last)
    while True:
        if not pasted:  # (a line already there, echoed, is asked for by no prompt)
            app.err.print("Name (typed here, it stays out of your shell's history): " if one
                          else "Next name (Enter alone adds them): " if names else "Name: ",
                          end="")
            app.err.file.flush()
        try:
            typed = input()
        except EOFError:
            app.err.print()
            return names
        if not typed.strip() and not pasted:
            return names
        if typed.strip():
            names.append(typed)
        if one:
            return names
        pasted = more_input_waiting()


def _typed_at_the_prompt(app: AppContext, typed: str) -> str:
    """The name typed at the prompt, read as one given on the command line is
    (`from_command_line`: Latin-1 under a UTF-8 locale), its note saying where it was typed."""
    from peerjournal.textsafe import from_command_line

    read, note = from_command_line(typed, "The name typed at the prompt")
    if note:
        app.say(note)
    return read


# what `people add -` reads at most: a people list, never a piped disk image whole
_MOST_PIPED = 1 << 20


def _with_meant(app_ctx: AppContext, name: str, unlisted: NotFoundError) -> NotFoundError:
    """`remove_person`'s refusal of a name not on the list, with the one listed name it is
    likely a slip for ("'Sam Jone' is not on the people list; did you mean 'Sam Jones' …?");
    as it is when it is near no name, or as near two ("Sam": Sam Jones and Sam Smith)."""
    import shlex

    from peerjournal.db.people import list_people
    from peerjournal.errors import NotFoundError
    from peerjournal.setting_names import likely_meant
    from peerjournal.textsafe import quoted

    people = list_people(app_ctx.store(), redacting=False)
    names = [p.name for p in people]
    meant = likely_meant(name, names)
    if meant != likely_meant(name, names[::-1]):  # a tie: the first of it is no likelier
        meant = None
    meant = meant or _named_by(name, people)
    if meant is None:
        return unlisted
    again = app_ctx.command_hint(f"people remove {shlex.quote(meant)}")
    return NotFoundError(
        f"{quoted(name)} is not on the people list; did you mean {meant!r} ({again})?"
    )


def _named_by(name: str, people: list[PersonRow]) -> str | None:
    """The one listed person `name` stands for as `people list` shows them: their alias
    ("S."), or a part or short form of their name that exports replace ("Jones", "Bob Brown"
    for Robert Brown); None when no one, or more than one, is."""
    from peerjournal.redact import Person, contains_name

    key = name.casefold().strip()
    found = [p.name for p in people if p.alias and p.alias.casefold().strip() == key]
    found = found or [p.name for p in people if contains_name(name, [Person(p.name, p.alias)])]
    return found[0] if len(set(found)) == 1 else None


def _refuse_one_letter_words(app_ctx: AppContext, name: str, alias: str | None) -> None:
    """Refuse a name of one letter that is also an English word ("A", "I", "O"): exports
    would replace that word wherever it stands alone. And an alias of only that letter,
    which would read as the word ("I rang A about it")."""
    from peerjournal.errors import PeerJournalError
    from peerjournal.redact import one_letter_word, refuse_control

    word = one_letter_word(name)
    if word:
        letter = word.upper()
        raise PeerJournalError(
            f"{name!r} cannot go on the people list: it is also the word {word!r}, which exports "
            f"would replace too. Add the full name instead, with the initial as its alias: "
            f"{app_ctx.command_hint(f'people add NAME --alias {letter}.')}."
        )
    refuse_control(alias or "", "An alias")  # (first: the hint below would repeat it)
    if alias and alias == alias.strip(".") and one_letter_word(alias):
        raise PeerJournalError(
            f"The alias {alias!r} would read as the word {one_letter_word(alias)!r} in exports; "
            f"write it as an initial with a full stop: --alias {alias.upper()}."
        )
