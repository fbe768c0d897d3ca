"""What the writer sees while writing: element headings, guiding questions, the review."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from peerjournal.entry import MODE_MEANINGS, EntryDraft
from peerjournal.reflection import Element, PromptSet
from peerjournal.render.layout import bullets
from peerjournal.render.safe import clean, safe_text, safe_title


def element_intro(element: Element, mode: str, step: int, total: int) -> RenderableType:
    title = safe_text(f"{step}/{total}  {element.id.capitalize()}", style="bold cyan")
    guidance = bullets(element.guidance(mode), indent=2, style="dim")
    return Group(safe_text(""), title, safe_text(element.heading, style="bold"), guidance)


def input_hint(required: bool) -> Text:
    # not "or Ctrl-D": under readline Ctrl-D on a line with text does nothing
    return safe_text(
        f"(A blank line ends it{'' if required else '; just Enter to skip'}. "
        "Ctrl-C keeps a draft.)",
        style="dim",
    )


def review(draft: EntryDraft) -> RenderableType:
    from peerjournal.render.entries import first_words

    table = Text()
    rows = [
        ("Date", draft.date.isoformat()),
        ("Setting", draft.setting or "–"),
        ("Mode", f"{draft.mode} ({MODE_MEANINGS[draft.mode]})"
                 if draft.mode in MODE_MEANINGS else draft.mode),
        ("Tags", ", ".join(draft.tags) or "–"),
        ("Experience", first_words(draft.experience, 70)),
        ("Feelings", first_words(draft.feelings, 70) or "–"),
        ("Evaluation", first_words(draft.evaluation, 70) or "–"),
        # what was answered, as the elements above ("Answers 1" meant nothing to a writer)
        ("Answers", first_words(" / ".join(draft.answers.values()), 70) or "–"),
        ("Self-care", first_words(draft.self_care, 70) or "–"),
    ]
    for label, value in rows:
        table.append(f"{label:<11}", style="bold")
        table.append(clean(value, multiline=False) + "\n")
    table.rstrip()
    return Panel(table, title=safe_title("Review"), title_align="left", box=box.ROUNDED)


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
        parts.append(
            Panel(
                body,
                title=safe_title(element.id.capitalize()),
                title_align="left",
                box=box.ROUNDED,
            )
        )
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
