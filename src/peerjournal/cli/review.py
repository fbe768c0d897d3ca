"""peerjournal review FILE...: the mentor's side. Reads JSON summaries; opens no journal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from pathlib import Path

# A 20,000-entry journal over ten years with every entry shared exports ~26 MB; export refuses
# to write a summary above this (cli/export.py reads it), so keep the two in step.
MAX_BYTES = 64 * 1024 * 1024
MERGED_SCHEMA = "peerjournal.review/1"


def register(app: typer.Typer) -> None:
    @app.command()
    def review(
        ctx: typer.Context,
        files: Annotated[list[str], typer.Argument(
            metavar="FILE...", help="Summaries exported with `peerjournal export --format json`.")],
        json_out: Annotated[bool, typer.Option(
            "--json", help="Merge the summaries into one JSON document on stdout.")] = False,
    ) -> None:
        """Read mentees' summaries (JSON): trends, dimensions, alerts, shared excerpts, notes.

        Needs no journal of its own. Text in a summary is shown with control characters made
        visible, never sent to the terminal as is."""
        from pathlib import Path

        from peerjournal.context import AppContext
        from peerjournal.errors import PeerJournalError
        from peerjournal.render.summary import sanitise

        app_ctx = AppContext.from_ctx(ctx)
        loaded: list[tuple[str, dict[str, Any]]] = []
        errors: list[str] = []
        for name in files:
            try:
                loaded.append((name, load_summary(Path(name))))
            except PeerJournalError as exc:
                errors.append(sanitise(exc.message, multiline=False))
        if json_out:
            _print_merged(loaded, errors)
        else:
            _render(app_ctx, loaded)
        for message in errors[:-1]:
            app_ctx.say(f"peerjournal: {message}")
        if errors:
            raise PeerJournalError(errors[-1])


def load_summary(path: Path) -> dict[str, Any]:
    """Read, parse and validate one summary file; errors name the file."""
    import json

    from peerjournal.render.summary import sanitise
    from peerjournal.summary import SummaryError, validate_summary

    name = sanitise(str(path), multiline=False)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SummaryError(f"{name}: no such file.") from None
    except IsADirectoryError:
        raise SummaryError(f"{name}: is a folder, not a summary file.") from None
    except OSError as exc:
        raise SummaryError(f"{name}: cannot be read ({exc.strerror}).") from None
    if len(raw) > MAX_BYTES:
        raise SummaryError(f"{name}: larger than {MAX_BYTES // 1024 // 1024} MB; not a summary.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SummaryError(f"{name}: not UTF-8 text; is this a summary exported as JSON?") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise SummaryError(
            f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    except (ValueError, RecursionError):
        raise SummaryError(f"{name}: not valid JSON (NaN, Infinity or nesting too deep).") from None
    return validate_summary(data, name)


def _reject_constant(value: str) -> Any:
    raise ValueError(value)


def _print_merged(loaded: list[tuple[str, dict[str, Any]]], errors: list[str]) -> None:
    """One document; ASCII-escaped so no byte of a summary reaches the terminal raw."""
    import json
    import sys

    merged = {
        "schema": MERGED_SCHEMA,
        "summaries": [{"file": name, "summary": summary} for name, summary in loaded],
        "errors": errors,
    }
    sys.stdout.write(json.dumps(merged, ensure_ascii=True, indent=2) + "\n")


def _render(app: Any, loaded: list[tuple[str, dict[str, Any]]]) -> None:
    from peerjournal.render.summary import overview, review, sanitise, sanitise_document

    clean = [(sanitise(name, multiline=False), sanitise_document(s)) for name, s in loaded]
    if len(clean) > 1:
        app.out.print(overview(clean))
        app.out.print()
    for n, (name, summary) in enumerate(clean):
        if n:
            app.out.print()
        review(app.out, name, summary)
