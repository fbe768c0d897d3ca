"""What the writer sees while writing: element headings, guiding questions, the review."""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from peerjournal.entry import ELEMENTS, MODE_MEANINGS, EntryDraft
from peerjournal.reflection import Element, PromptSet, answer_layout, set_answers
from peerjournal.render.console import Trimmed, cut_mark_extra, styled
from peerjournal.render.layout import Section, bullets
from peerjournal.render.safe import clean, safe_text


def element_intro(element: Element, mode: str, step: int, total: int) -> RenderableType:
    title = safe_text(f"{step}/{total}  {element.id.capitalize()}", style="bold cyan")
    guidance = bullets(element.guidance(mode), indent=2, style="dim")
    return Group(safe_text(""), title, safe_text(element.heading, style="bold"), guidance)


def input_hint(required: bool) -> Text:
    # Ctrl-D does not end an answer (under readline it does nothing on a line with text): at
    # a prompt it stops for now, the draft kept, as q does (`guided._step_done`)
    return safe_text(
        f"(A blank line ends it{'' if required else '; just Enter to skip'}. "
        "q or Ctrl-D stops for now. Ctrl-C keeps a draft.)",
        style="dim",
    )


LABEL_WIDTH = 11  # "Evaluation " and the space after it
PANEL_EDGES = 4  # a panel's border and padding, left and right
BESIDE_MIN = 12  # narrower than this beside the labels, each value goes under its label
WHOLE = ("Date", "Setting", "Mode", "Tags")  # short, and what a writer corrects: never cut
SELF_CARE_LINES = 2  # a self-care note may run on; the elements get a line each


class Review:
    """The entry before "Save this entry?": a line a part, each of the long parts cut at a
    word to fit the width, so that nothing spills under the labels; the date, setting, mode
    and tags whole, wrapped under their value. Where a value would have too little room
    beside the labels, each goes under its label instead."""

    def __init__(self, draft: EntryDraft) -> None:
        self.draft = draft

    def rows(self) -> list[tuple[str, str]]:
        draft = self.draft
        return [
            ("Date", draft.date.isoformat()),
            ("Setting", draft.setting),
            ("Mode", f"{draft.mode} ({MODE_MEANINGS[draft.mode]})"
                     if draft.mode in MODE_MEANINGS else draft.mode),
            ("Tags", ", ".join(draft.tags)),
            ("Experience", draft.experience),
            ("Feelings", draft.feelings),
            ("Evaluation", draft.evaluation),
            # what was answered, as the elements above ("Answers 1" meant nothing to a writer)
            ("Answers", " / ".join(draft.answers.values())),
            ("Self-care", draft.self_care),
        ]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from peerjournal.render.entries import first_words

        layout = answer_layout(self.draft.prompt_set)
        edges = PANEL_EDGES if styled(console) else 0  # plain: a heading, no panel
        inside = max(options.max_width - edges, 1)
        beside = inside - LABEL_WIDTH >= BESIDE_MIN
        room = inside - LABEL_WIDTH if beside else max(inside - 2, 1)
        room = max(room - cut_mark_extra(console), 1)  # ("..." for "…": an ASCII locale)
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True, style="bold", min_width=LABEL_WIDTH - 1)
        grid.add_column(overflow="fold")
        stacked: list[RenderableType] = []
        for label, value in self.rows():
            # (an answer to a question no longer in the set is no answer to the element's)
            answered = label.lower() in ELEMENTS and bool(
                set_answers(self.draft.answers, layout, label.lower())
            )
            limit = (len(value) + 1 if label in WHOLE
                     else room * SELF_CARE_LINES if label == "Self-care" else room)
            shown = first_words(value, limit) or first_words(nothing_said(label, answered), room)
            grid.add_row(label, shown)
            stacked += [Text(label, style="bold"), Padding(Text(shown, overflow="fold"),
                                                           (0, 0, 0, 2))]
        body = grid if beside else Group(*stacked)
        yield Section("Review", Trimmed(body), box=box.ROUNDED)


def nothing_said(label: str, answered: bool) -> str:
    """What an empty part of the review says: a word a screen reader reads (not "–"). An
    element with no text of its own whose question was answered (`answered`) is not skipped:
    its answer is in the Answers line."""
    if answered:
        return "see Answers (only its question was answered)"
    return "none" if label in ("Tags", "Answers") else "skipped"


def prompt_set_view(prompt_set: PromptSet) -> RenderableType:
    parts: list[RenderableType] = [
        safe_text(f"{prompt_set.name}: {prompt_set.title}", style="bold")
    ]
    if prompt_set.description:
        parts.append(safe_text(prompt_set.description))
    for element in prompt_set.elements:
        body = safe_text(element.heading + "\n", style="bold")
        for guide in element.guide:
            body.append(f"  • {clean(guide)}\n")
        if element.guide_in_action:
            body.append("In action:\n", style="italic")
            for guide in element.guide_in_action:
                body.append(f"  • {clean(guide)}\n")
        for question in element.questions:
            body.append(f"  ? {clean(question.text)}", style="cyan")
            body.append(f"  [{clean(question.id, multiline=False)}]\n", style="dim")
        body.rstrip()
        parts.append(Section(element.id.capitalize(), body, box=box.ROUNDED))
    if prompt_set.source:
        parts.append(safe_text(f"Source: {prompt_set.source}", style="dim"))
    parts.append(safe_text(_key(prompt_set), style="dim"))
    return Group(*parts)


def _key(prompt_set: PromptSet) -> str:
    """What the marks in `prompt_set_view` mean (only those it uses)."""
    key = ["• a question to guide what you write under the heading"]
    if any(e.guide_in_action for e in prompt_set.elements):
        key.append("In action: the questions for --mode in-action (reflecting during a shift)")
    if any(e.questions for e in prompt_set.elements):
        key.append("? a question with an answer of its own, stored under the [id] beside it")
    return "Key: " + "; ".join(key) + "."
