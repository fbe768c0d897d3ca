"""What a command says when the stored drift scores it shows or sums were made with another
version of the lexicon or of peerjournal's scoring (after an upgrade, or a new lexicon set):
how many, which of the two changed, and how `drift --rescore` brings them up to date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerjournal.context import AppContext
from peerjournal.errors import PeerJournalError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from peerjournal.db.store import Store


def stale_scores(app: AppContext, store: Store) -> tuple[str, int]:
    """The version of the lexicon in use, and how many live entries were scored with another
    one or another scorer (or not at all): the count `drift --rescore` would bring up to
    date, for the whole journal whatever the window, as the report's closing note gives it."""
    from peerjournal.drift.lexicon import lexicon_version, scorer_version

    version = lexicon_version(app.lexicon_path())
    return version, store.stale_scores(version, scorer_version())


def stale_note(app: AppContext, store: Store, stale: int | None = None) -> str | None:
    """A word about entries scored with another lexicon or scorer than this one, if any
    (`stale`: their number, when already counted), naming which of the two changed: that the
    scores were out of date after `people add` was blamed on it, though names play no part in
    scoring (it was the scoring code that had changed)."""
    from peerjournal.plural import counted

    if stale is None:
        stale = stale_scores(app, store)[1]
    if not stale:
        return None
    return _stale_words(app, f"{counted(stale, 'entry')} {_was(stale)}", stale, store, stale)


def stale_shown_note(app: AppContext, store: Store, ids: Sequence[int], shown: str) -> str | None:
    """`stale_note` for the live entries a command shows the stored verdicts or figures of
    (`ids`: `list`, `show`, `search --json`, `supervision prep`; `shown`: "listed", "shown",
    "in the prep"): after an upgrade they are the earlier version's until `drift --rescore`,
    and `drift ID` gave another verdict than `show` (QA r45). One line; nothing when every one
    shown is current or was never scored (it shows no figures). The entries shown are looked
    up only when some of the journal's scores are stale."""
    if not ids:
        return None
    version, in_journal = stale_scores(app, store)
    if not in_journal:  # (the usual case: one count, no more imports)
        return None
    from peerjournal.drift.lexicon import scorer_version

    stale = store.scored_otherwise_of(ids, version, scorer_version())
    if not stale:
        return None
    if stale == len(ids):
        were = f"The {'entry' if stale == 1 else 'entries'} {shown} {_was(stale)}"
    else:
        were = f"{stale} of the {len(ids)} entries {shown} {_was(stale)}"
    return _stale_words(app, were, stale, store, in_journal)


def say_stale_shown(app: AppContext, ids: Sequence[int], shown: str) -> None:
    """Say `stale_shown_note` for the entries `ids` a command has just shown (on stderr).
    Nothing when it cannot be known: a lexicon set in config.toml that cannot be read (`write`
    and `report` say why), a damaged journal (the command's closing note says what it read):
    what was shown stands, and the command succeeds as it did."""
    try:
        note = stale_shown_note(app, app.store(), ids, shown)
    except PeerJournalError:
        return
    if note:
        app.say(note)


def _was(count: int) -> str:
    return "was" if count == 1 else "were"


def _stale_words(app: AppContext, were: str, stale: int, store: Store, in_journal: int) -> str:
    """The stale-scores note, `were` its start ("3 entries were", of `stale` entries): scored
    with another version of what (the lexicon, the scoring code or both, as the `in_journal`
    stale scores of the whole journal tell), and how to bring them up to date. Each command
    it names carries the --db given (`note_command`): without it, it acts on another journal."""
    from peerjournal.db.stats import other_lexicon_scores
    from peerjournal.drift.lexicon import lexicon_version

    version = lexicon_version(app.lexicon_path())
    if not _usable_lexicon(app, version):
        return (
            f"{were} scored with another drift lexicon than {_the_one_in_use(app)}, which "
            f"cannot be used: {note_command(app, 'where')} says why."
        )
    tried = _tried_lexicon(app)
    if tried is not None:
        return _tried_lexicon_note(app, were, tried)
    other_lexicon = other_lexicon_scores(store, version)
    if other_lexicon >= in_journal:
        what = "the drift lexicon"
    elif not other_lexicon:
        what = "peerjournal (its drift scoring has changed since; the lexicon has not)"
    else:
        what = "the drift lexicon or of peerjournal"
    return (
        f"{were} scored with another version of {what}; {note_command(app, 'drift --rescore')} "
        f"brings {'it' if stale == 1 else 'them'} up to date."
    )


def note_command(app: AppContext, command: str) -> str:
    """"`peerjournal COMMAND`" as a note suggests it: with the --db (`command_hint`) and the
    --lexicon given, to act on the journal and lexicon this command did."""
    if app.lexicon_option is not None:
        import shlex

        command = f"--lexicon {shlex.quote(app.lexicon_option)} {command}"
    return app.command_hint(command)


def _the_one_in_use(app: AppContext) -> str:
    if app.lexicon_option is None:
        return "the one set in config.toml"
    return "the one given with --lexicon"


# Lexicons found usable or not, in the cache folder: a line "KEY usable" or "KEY unusable" for
# each of the last few (`_verdict_key`). `list` and `show` word their stale note by it (no
# `drift --rescore` is promised when it would fail) without loading the lexicon: a broken
# 5.8 MB one, never cached as parsed, cost 1.1 s CPU on every run (QA r46).
_VERDICTS = "lexicon-verdicts.txt"
_KEPT_VERDICTS = 16


def _usable_lexicon(app: AppContext, version: str) -> bool:
    """Whether the lexicon in use (of `version`) loads: remembered once found (the shipped
    one always does). Loading it, the first time, also keeps it parsed for `drift --rescore`."""
    path = app.lexicon_path()
    if path is None:
        return True
    key = _verdict_key(path, version)
    verdicts = _read_verdicts()
    if key not in verdicts:
        from peerjournal.drift.lexicon import LexiconError

        try:
            app.lexicon()
            verdicts[key] = "usable"
        except LexiconError:
            verdicts[key] = "unusable"
        _keep_verdicts(verdicts)
    return verdicts[key] == "usable"


def _verdict_key(path: Path, version: str) -> str:
    """What a lexicon's loading depends on, as the parse cache keys it: its content
    (`version`), its path (a name defaults to the file's) and this code's version."""
    import hashlib

    from peerjournal import __version__
    from peerjournal.drift.lexicon import scorer_version

    said = f"{version}|{path.resolve()}|{__version__}|{scorer_version()}"
    return hashlib.sha256(said.encode(errors="surrogateescape")).hexdigest()[:20]


def _read_verdicts() -> dict[str, str]:
    from peerjournal import paths

    try:
        lines = (paths.cache_dir() / _VERDICTS).read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError):  # none yet, or damaged: found again
        return {}
    return dict(line.split(" ", 1) for line in lines if line.count(" ") == 1)


def _keep_verdicts(verdicts: dict[str, str]) -> None:
    """Write the last `_KEPT_VERDICTS` (best effort: one lost costs a load next time)."""
    from contextlib import suppress

    from peerjournal import paths

    kept = list(verdicts.items())[-_KEPT_VERDICTS:]
    text = "".join(f"{key} {verdict}\n" for key, verdict in kept)
    with suppress(OSError):
        paths.write_cache_file(paths.cache_dir() / _VERDICTS, text.encode("ascii"))


def _tried_lexicon(app: AppContext) -> Path | None:
    """The lexicon given with --lexicon when it only is tried (it scores otherwise than the
    one in config.toml, or the shipped one): `drift --rescore` never uses it."""
    path = app.lexicon_path()
    return None if path is None or app.is_the_journals_lexicon() else path


def _tried_lexicon_note(app: AppContext, were: str, path: Path) -> str:
    """The stale-scores note under a lexicon only tried: `drift --rescore` cannot bring the
    scores in line with it (it uses config.toml's), so the note says how to make it the
    journal's own instead."""
    rescore = app.command_hint("drift --rescore")
    return (
        f"{were} scored with another drift lexicon than the one given with --lexicon. "
        f"{rescore} uses the lexicon in config.toml, not --lexicon: to score the journal with "
        f"this one, {configure_hint(app, path)}."
    )


def configure_hint(app: AppContext, path: Path) -> str:
    """`how_to_configure` the lexicon at `path`, its `drift --rescore` with the --db given."""
    from peerjournal.context import how_to_configure

    return how_to_configure(path, app.command_hint("drift --rescore"))
