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
    stale scores of the whole journal tell), and how to bring them up to date."""
    from peerjournal.db.stats import other_lexicon_scores
    from peerjournal.drift.lexicon import lexicon_version

    were = f"{were} scored with another"
    if unusable := _unusable_lexicon(app):
        return f"{were} drift lexicon than {unusable}"
    tried = _tried_lexicon(app)
    if tried is not None:
        return _tried_lexicon_note(were, tried)
    other_lexicon = other_lexicon_scores(store, lexicon_version(app.lexicon_path()))
    if other_lexicon >= in_journal:
        what = "the drift lexicon"
    elif not other_lexicon:
        what = "peerjournal (its drift scoring has changed since; the lexicon has not)"
    else:
        what = "the drift lexicon or of peerjournal"
    return (
        f"{were} version of {what}; `peerjournal drift --rescore` brings "
        f"{'it' if stale == 1 else 'them'} up to date."
    )


def _unusable_lexicon(app: AppContext) -> str | None:
    """After "scored with another drift lexicon than": the lexicon in use, when it cannot be
    used (its file is broken), and the command that says why; None when it can (the shipped
    one always can). No `drift --rescore` brings scores up to date then: it fails (QA r46).
    An organisation's lexicon is loaded to know: from the cache, once it has been read."""
    import shlex

    if app.lexicon_problem() is None:
        return None
    if app.lexicon_option is None:
        return "the one set in config.toml, which cannot be used: `peerjournal where` says why."
    where = f"peerjournal --lexicon {shlex.quote(app.lexicon_option)} where"
    return f"the one given with --lexicon, which cannot be used: `{where}` says why."


def _tried_lexicon(app: AppContext) -> Path | None:
    """The lexicon given with --lexicon when it only is tried (it scores otherwise than the
    one in config.toml, or the shipped one): `drift --rescore` never uses it."""
    path = app.lexicon_path()
    return None if path is None or app.is_the_journals_lexicon() else path


def _tried_lexicon_note(were: str, path: Path) -> str:
    """The stale-scores note under a lexicon only tried: `drift --rescore` cannot bring the
    scores in line with it (it uses config.toml's), so the note says how to make it the
    journal's own instead."""
    from peerjournal.context import how_to_configure

    return (
        f"{were} lexicon than the one given with --lexicon. `peerjournal drift --rescore` "
        f"uses the lexicon in config.toml, not --lexicon: to score the journal with this one, "
        f"{how_to_configure(path)}."
    )
