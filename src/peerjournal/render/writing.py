"""What the writer sees while writing: element headings, guiding questions, the review."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from peerjournal.entry import EntryDraft
from peerjournal.reflection import Element, PromptSet


def element_intro(element: Element, mode: str, step: int, total: int) -> RenderableType:
    title = Text(f"{step}/{total}  {element.id.capitalize()}", style="bold cyan")
    lines = [title, Text(element.heading, style="bold")]
    lines += [Text(f"  • {q}", style="dim") for q in element.guidance(mode)]
    return Group(Text(""), *lines)


def input_hint(required: bool) -> Text:
    ending = "A blank line or Ctrl-D ends it"
    return Text(
        f"({ending}{'' if required else '; just Enter to skip'}. Ctrl-C keeps a draft.)",
        style="dim",
    )


def review(draft: EntryDraft) -> RenderableType:
    from peerjournal.render.entries import first_words

    table = Text()
    rows = [
        ("Date", draft.date.isoformat()),
        ("Setting", draft.setting or "–"),
        ("Mode", draft.mode),
        ("Tags", ", ".join(draft.tags) or "–"),
        ("Experience", first_words(draft.experience, 70)),
        ("Feelings", first_words(draft.feelings, 70) or "–"),
        ("Evaluation", first_words(draft.evaluation, 70) or "–"),
        ("Answers", str(len(draft.answers))),
        ("Self-care", first_words(draft.self_care, 70) or "–"),
    ]
    for label, value in rows:
        table.append(f"{label:<11}", style="bold")
        table.append(value + "\n")
    table.rstrip()
    return Panel(table, title="Review", title_align="left", box=box.ROUNDED)


def prompt_set_view(prompt_set: PromptSet) -> RenderableType:
    parts: list[RenderableType] = [Text(f"{prompt_set.name}: {prompt_set.title}", style="bold")]
    if prompt_set.description:
        parts.append(Text(prompt_set.description))
    for element in prompt_set.elements:
        body = Text(element.heading + "\n", style="bold")
        for guide in element.guide:
            body.append(f"  • {guide}\n")
        if element.guide_in_action:
            body.append("In action:\n", style="italic")
            for guide in element.guide_in_action:
                body.append(f"  • {guide}\n")
        for question in element.questions:
            body.append(f"  ? {question.text}", style="cyan")
            body.append(f"  [{question.id}]\n", style="dim")
        body.rstrip()
        parts.append(
            Panel(body, title=element.id.capitalize(), title_align="left", box=box.ROUNDED)
        )
    if prompt_set.source:
        parts.append(Text(f"Source: {prompt_set.source}", style="dim"))
    return Group(*parts)
