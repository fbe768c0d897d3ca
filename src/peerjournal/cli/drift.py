"""peerjournal drift: the evidence behind an entry's score, ad-hoc scoring, rescoring."""

from __future__ import annotations

import typer

from peerjournal.cli.options import Json
from peerjournal.context import AppContext


def register(app: typer.Typer) -> None:
    @app.command()
    def drift(
        ctx: typer.Context,
        entry_id: int = typer.Argument(None, metavar="[ID]", help="The entry to explain."),
        text: str = typer.Option(None, "--text", help="Score this text (nothing is saved)."),
        stdin: bool = typer.Option(
            False, "--stdin", help="Score text read from stdin (nothing is saved)."
        ),
        rescore: bool = typer.Option(
            False, "--rescore", help="Re-score every entry scored with another lexicon version."
        ),
        lexicon_path: str = typer.Option(
            None, "--lexicon", metavar="PATH", help="Use this lexicon (TOML)."
        ),
        json_out: Json = False,
    ) -> None:
        """Peer identity vs peer drift: every number with the phrases behind it."""
        from peerjournal.errors import PeerJournalError

        app_ctx = AppContext.from_ctx(ctx)
        if lexicon_path:
            app_ctx.lexicon_option = lexicon_path
        sources = [
            n
            for n, on in (
                ("ID", entry_id is not None),
                ("--text", text is not None),
                ("--stdin", stdin),
                ("--rescore", rescore),
            )
            if on
        ]
        if len(sources) != 1:
            raise PeerJournalError("Give one of: an entry ID, --text TEXT, --stdin or --rescore.")
        if rescore:
            _rescore(app_ctx)
            return
        from peerjournal.drift import reflective_questions, score_text

        lexicon = app_ctx.lexicon()
        entry = None
        if entry_id is not None:
            from peerjournal.db.store import scored_text

            entry = app_ctx.store().get(entry_id)
            body = scored_text(entry.experience, entry.feelings, entry.evaluation)
        elif stdin:
            import sys

            from peerjournal.cli.editor import decode

            body = decode(sys.stdin.buffer.read(), "standard input")
        else:
            body = text
        if entry is None:
            from peerjournal.entry import clean_text

            body = clean_text(body)
        score = score_text(body, lexicon)
        if json_out:
            app_ctx.print_json(score.to_dict())
            return
        from peerjournal.render.drift import explanation

        title = (
            f"#{entry.id} · {entry.date.isoformat()} · {entry.setting}" if entry else "Your text"
        )
        app_ctx.out.print(
            explanation(title, body, score, lexicon, reflective_questions(score, lexicon))
        )


def _rescore(app: AppContext) -> None:
    from peerjournal.render.progress import progress_bar
    from peerjournal.scoring import score_for_store

    lexicon = app.lexicon()
    store = app.store()
    pending = store.texts_to_rescore(lexicon.version)
    if not pending:
        app.say(f"Every entry is already scored with lexicon {lexicon.version}.")
        return
    with progress_bar(len(pending), "Re-scoring", app.err) as advance:
        scores = score_for_store([body for _, body in pending], lexicon, advance)
        store.set_drifts(zip((entry_id for entry_id, _ in pending), scores, strict=True))
    app.say(f"Re-scored {len(pending)} entries with lexicon {lexicon.version}.")
