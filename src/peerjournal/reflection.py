"""Prompt sets (prompts/*.toml) and the Markdown entry template (format and parse).

A prompt set maps its questions onto the three elements of reflection (Boud, Keogh &
Walker): for each element a heading, guiding questions, and optional extra questions
whose answers are stored in the entry's `answers` under the question's id.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from peerjournal.entry import ELEMENTS, EntryDraft, split_tags, unix_newlines
from peerjournal.errors import NotFoundError, PeerJournalError

DEFAULT_SET = "boud"
NOT_PROMPT_SETS = ("supervision",)  # other TOML files that live in prompts/
ELEMENT_TITLES = {"experience": "Experience", "feelings": "Feelings", "evaluation": "Evaluation"}
_TOP_KEYS = {"title", "description", "source", *ELEMENTS}
_ELEMENT_KEYS = {"heading", "guide", "guide_in_action", "questions"}
_QUESTION_KEYS = {"id", "text", "optional"}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    optional: bool = True


@dataclass(frozen=True)
class Element:
    id: str
    heading: str
    guide: tuple[str, ...]
    guide_in_action: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()

    def guidance(self, mode: str) -> tuple[str, ...]:
        return self.guide_in_action if mode == "in-action" and self.guide_in_action else self.guide


@dataclass(frozen=True)
class PromptSet:
    name: str
    title: str
    description: str
    source: str
    elements: tuple[Element, ...]
    path: Path = field(compare=False)

    def element(self, element_id: str) -> Element:
        return next(e for e in self.elements if e.id == element_id)

    def questions(self) -> dict[str, Question]:
        return {q.id: q for e in self.elements for q in e.questions}

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "source": self.source,
            "path": str(self.path),  # which file is in use: yours can replace a shipped set
            "elements": [
                {
                    "id": e.id,
                    "heading": e.heading,
                    "guide": list(e.guide),
                    "guide_in_action": list(e.guide_in_action),
                    "questions": [vars(q) for q in e.questions],
                }
                for e in self.elements
            ],
        }


def prompts_dir() -> Path:
    """The shipped prompt sets: inside the installed package, or the source tree's prompts/."""
    packaged = Path(__file__).parent / "prompts"
    return packaged if packaged.is_dir() else Path(__file__).parents[2] / "prompts"


def _sources(user_dir: Path | None) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in (prompts_dir(), user_dir):  # the writer's own sets override shipped ones
        if folder and folder.is_dir():
            for path in sorted(folder.glob("*.toml")):  # (pathlib's * matches .hidden too)
                if path.stem not in NOT_PROMPT_SETS and not path.name.startswith("."):
                    found[path.stem] = path
    return found


def available(user_dir: Path | None = None) -> list[str]:
    return sorted(_sources(user_dir))


def load_prompt_set(name: str, user_dir: Path | None = None) -> PromptSet:
    sources = _sources(user_dir)
    if name not in sources:
        from peerjournal.config import did_you_mean
        from peerjournal.textsafe import quoted

        typed = Path(name).name.removesuffix(".toml")  # a file name given for a set's name
        raise NotFoundError(
            f"No prompt set named {quoted(name)}{did_you_mean(typed, sources)}"
            f"{_misnamed(name, user_dir)}. {_available_in_words(sources)}"
        )
    return _load(sources[name])


def _available_in_words(sources: Mapping[str, Path]) -> str:
    """"Available: a, b." naming the sets that can be used; those that cannot (a set of the
    writer's that fails to load, as `write -p` would) named apart, `prompts list` saying why."""
    usable, broken = [], []
    for name, path in sorted(sources.items()):
        try:
            _load(path)
        except PeerJournalError:
            broken.append(name)
        else:
            usable.append(name)
    said = f"Available: {', '.join(usable)}."
    if broken:
        said += (f" Not usable: {', '.join(broken)} (`peerjournal prompts list` says why).")
    return said


def _misnamed(name: str, user_dir: Path | None) -> str:
    """Why a set the writer made is not found: a file saved as `name.toml.txt` (as Notepad
    does) or `name.TOML`, or a set named like the self-check form; '' when none of these."""
    if name in NOT_PROMPT_SETS:
        yours = user_dir / f"{name}.toml" if user_dir else None
        if yours and yours.exists():
            return (
                f" ({yours} is not read as a prompt set: '{name}' is the self-check form's "
                "name; rename the file)"
            )
        return f" ('{name}' is the self-check form: `peerjournal {name} check`)"
    hidden = user_dir / f"{name}.toml" if user_dir and name.startswith(".") else None
    if hidden and hidden.exists():
        return f" ({hidden} is not read: a file whose name starts with '.' is hidden)"
    try:
        files = sorted(user_dir.iterdir()) if user_dir else []
    except OSError:  # no such folder (yet), or it cannot be listed
        return ""
    for path in files:
        if path.name.lower().startswith(f"{name.lower()}.toml") and path.suffix != ".toml":
            return f" ({path} is there: rename it to {name}.toml)"
    return ""


def answer_layout(name: str) -> dict[str, tuple[str, str]]:
    """Question id -> (element id, question text) for a set; {} if the set is gone."""
    from peerjournal.paths import user_prompts_dir

    try:
        prompt_set = load_prompt_set(name, user_prompts_dir())
    except PeerJournalError:
        return {}
    return set_layout(prompt_set)


def set_layout(prompt_set: PromptSet) -> dict[str, tuple[str, str]]:
    """Question id -> (element id, question text) of `prompt_set` (`answer_layout`)."""
    return {q.id: (e.id, q.text) for e in prompt_set.elements for q in e.questions}


Layout = Mapping[str, tuple[str, str]]  # question id -> (element id, question text)
# Where an answer goes when its question is not in the entry's prompt set (a set since edited
# or removed, an import; an entry that made a `###` heading of the writer's own a question,
# as peerjournal did before such a heading was kept in the text it heads): under Evaluation,
# as `show` and the Markdown template place it; `show` heads it with `NOT_IN_SET`, so that it
# does not pass for one of Evaluation's own questions.
UNKNOWN_ANSWERS_ELEMENT = "evaluation"
NOT_IN_SET = "(not in the entry's prompt set)"


def answer_layouts(names: Iterable[str]) -> dict[str, dict[str, tuple[str, str]]]:
    """`answer_layout` for each prompt set name (each looked up once)."""
    return {name: answer_layout(name) for name in set(names)}


def question_label(question_id: str) -> str:
    """A question id made readable, for an answer whose question the set does not know."""
    return question_id.replace("_", " ").strip().capitalize() or question_id


def set_answers(answers: Mapping[str, str], layout: Layout, element: str) -> list[tuple[str, str]]:
    """(question, answer) pairs for the answers to the questions the set asks under
    `element`, in the set's order; empty answers left out."""
    return _given([
        (question, answers[qid])
        for qid, (placed, question) in layout.items()
        if placed == element and qid in answers
    ])


def _given(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(question, text.strip()) for question, text in pairs if text and text.strip()]


def element_answers(
    answers: Mapping[str, str], layout: Layout, element: str
) -> list[tuple[str, str]]:
    """(question, answer) pairs for the answers that belong to `element`.

    An entry keeps its answers to a prompt set's extra questions apart from the element
    text, under the question ids; this puts them back: the set's questions in the set's order
    (`set_answers`), then (for Evaluation) answers to questions the set does not know, under
    the id made readable, so that no answer is left out. Empty answers are left out.
    """
    pairs = set_answers(answers, layout, element)
    if element == UNKNOWN_ANSWERS_ELEMENT:
        pairs += _given([(question_label(qid), text) for qid, text in answers.items()
                         if qid not in layout])
    return pairs


def shown_layout(answers: Mapping[str, str], name: str) -> dict[str, tuple[str, str]]:
    """`answer_layout(name)` with each of `answers` to a question the set does not ask placed
    under Evaluation and headed by its id made readable and why it is there (`NOT_IN_SET`: a
    question renamed or removed since; or the set is not installed here): as `show` draws it,
    not as one of Evaluation's own questions."""
    from peerjournal.paths import user_prompts_dir

    layout = answer_layout(name)
    unplaced = [qid for qid in answers if qid not in layout]
    if not unplaced:
        return layout
    installed = name in available(user_prompts_dir())
    why = NOT_IN_SET if installed else f"(its prompt set, '{name}', is not installed here)"
    return {**layout, **{qid: (UNKNOWN_ANSWERS_ELEMENT,
                               f"{_own_heading(answers[qid]) or question_label(qid)} {why}")
                         for qid in unplaced}}


def _own_heading(answer: str) -> str:
    """The question an answer to no question of the set opens with, as its file's `###` line
    gave it (`### Gone question <!-- id: gone_q -->`, kept as the answer's first line); ''."""
    heading = _QUESTION.match(answer.strip().split("\n")[0])
    return " ".join(heading[1].split()) if heading and heading[1].strip() else ""


def shown_answer(question: str, answer: str) -> str:
    """`answer` as shown under `question` (from `shown_layout`): without the `###` line it
    opens with when `question` is made of it, so that the question is shown once."""
    heading = _own_heading(answer)
    rest = answer.strip().partition("\n")[2].strip()
    return rest if heading and rest and question.startswith(f"{heading} (") else answer


def element_text(text: str, answers: Mapping[str, str], layout: Layout, element: str) -> str:
    """An element's whole text: what was written for it, then each answer to its questions
    as a paragraph that starts with the question on a line of its own."""
    parts = [text.strip()] if text.strip() else []
    parts += [f"{question}\n{answer}" for question, answer in element_answers(answers, layout,
                                                                             element)]
    return "\n\n".join(parts)


def whole_parts(draft: EntryDraft, prompt_set: PromptSet) -> list[tuple[str, str]]:
    """Each part of `draft` by its name, in full ("" when empty): each element's text with the
    answers to its questions under it, each under its question (`element_text`), then the
    self-care note. What the guided write reads out whole before "Save this entry?", where
    its review shows each part's first words."""
    layout = set_layout(prompt_set)
    elements = [
        (ELEMENT_TITLES.get(e.id, e.id.capitalize()),
         element_text(getattr(draft, e.id), draft.answers, layout, e.id))
        for e in prompt_set.elements
    ]
    return [*elements, ("Self-care", draft.self_care.strip())]


# A prompt set is a few kilobytes of questions; a file far larger is the wrong file (a lexicon
# copied into prompts/, a log), refused before it is parsed rather than read for seconds on
# every `prompts list`, `show` and `write`.
MAX_SET_BYTES = 1_000_000


@cache
def _load(path: Path) -> PromptSet:
    from peerjournal.config import loads_toml, toml_text

    try:
        raw = _read_set(path)
        if len(raw) > MAX_SET_BYTES:
            raise PeerJournalError(
                f"{path}: too large for a prompt set (over {MAX_SET_BYTES // 1_000_000} MB; "
                "a set is a few KB of questions): is it the right file?"
            )
        data = loads_toml(toml_text(raw, path), path)  # a BOM is fine
    except OSError as exc:  # no permission, gone
        raise PeerJournalError(f"{path}: cannot read prompt set: {exc.strerror or exc}.") from None
    return parse_prompt_set(path, data)


def _read_set(path: Path) -> bytes:
    """A prompt set file's bytes (up to one past MAX_SET_BYTES). A named pipe called *.toml
    in the folder is refused, not waited on (`prompts list` hung), as is a device."""
    from peerjournal.paths import NotAFileError, read_regular_file

    try:
        return read_regular_file(path, MAX_SET_BYTES + 1)
    except NotAFileError as exc:
        raise PeerJournalError(
            f"{path}: cannot read prompt set: {exc.strerror}; a prompt set is a .toml file of "
            "questions."
        ) from None


def parse_prompt_set(path: Path, data: dict[str, object]) -> PromptSet:
    """Validate a prompt set; every error names the file and the key."""
    check = _Checker(path)
    check.only(data, _TOP_KEYS, "")
    elements = []
    for element_id in ELEMENTS:
        raw = data.get(element_id)
        if not isinstance(raw, dict):
            raise check.error(
                element_id, f"missing table (a set maps onto all three elements: add the line "
                f"[{element_id}] with a heading under it, or start from a copy of a "
                "shipped set)"
            )
        check.only(raw, _ELEMENT_KEYS, f"{element_id}.")
        raw_questions = raw.get("questions", [])
        if not isinstance(raw_questions, list):
            raise check.error(f"{element_id}.questions", "should be a list of tables")
        questions = []
        for n, q in enumerate(raw_questions, start=1):
            where = f"{element_id}.questions[{n}]"
            if not isinstance(q, dict):
                raise check.error(where, "should be a table with id and text")
            check.only(q, _QUESTION_KEYS, f"{where}.")
            qid = check.text(q, "id", where)
            if not _ID.match(qid):
                raise check.error(f"{where}.id", "use lower-case letters, digits and _")
            questions.append(
                Question(qid, check.text(q, "text", where), check.flag(q, "optional", where))
            )
        elements.append(
            Element(
                id=element_id,
                heading=check.text(raw, "heading", element_id),
                guide=check.texts(raw, "guide", element_id),
                guide_in_action=check.texts(raw, "guide_in_action", element_id),
                questions=tuple(questions),
            )
        )
    seen: dict[str, str] = {}
    for element in elements:
        for n, question in enumerate(element.questions, start=1):
            where = f"{element.id}.questions[{n}].id"
            if question.id in seen:  # answers are stored by id: one would overwrite the other
                raise check.error(
                    where, f"{question.id!r} is already the id of {seen[question.id]}; "
                    "give each question its own id"
                )
            seen[question.id] = f"{element.id}.questions[{n}]"
    return PromptSet(
        name=path.stem,
        title=" ".join(check.text(data, "title", "").split()),  # one line in `prompts list`
        description=check.optional_text(data, "description"),
        source=check.optional_text(data, "source"),
        elements=tuple(elements),
        path=path,
    )


class _Checker:
    """Validation helpers whose errors name the file and the key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, key: str, problem: str) -> PeerJournalError:
        return PeerJournalError(f"{self.path}: {key}: {problem}.")

    def only(self, data: dict[str, object], allowed: set[str], prefix: str) -> None:
        for key in data:
            if key not in allowed:
                raise self.error(
                    prefix + key, f"unknown key (expected one of {', '.join(sorted(allowed))})"
                )

    def text(self, data: dict[str, object], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"{where}.{key}".lstrip("."), "needs some text")
        return value.strip()

    def optional_text(self, data: dict[str, object], key: str) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            raise self.error(key, 'should be text in quotes, such as "…"')
        return value.strip()

    def flag(self, data: dict[str, object], key: str, where: str) -> bool:
        value = data.get(key, True)
        if not isinstance(value, bool):
            raise self.error(f"{where}.{key}", "should be true or false")
        return value

    def texts(self, data: dict[str, object], key: str, where: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(
                f"{where}.{key}", 'should be a list of questions in square brackets, such as '
                '["What happened?", "What did you say?"]'
            )
        for n, text in enumerate(value, start=1):
            if not text.strip():  # an empty bullet under the heading, asked as a question
                raise self.error(f"{where}.{key}[{n}]", "needs some text")
        return tuple(v.strip() for v in value)


# -- the Markdown entry template ---------------------------------------------------------------

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# (any id the template writes: an imported entry's answers may have ids such as "what-sam-said")
_QUESTION_ID = re.compile(r"<!--\s*id:\s*([^\s>](?:[^\n>]*?[^\s>])?)\s*-->")
_SECTIONS = {
    "experience": "experience",
    "feelings": "feelings",
    "evaluation": "evaluation",
    "self-care": "self_care",
    "self care": "self_care",
    "selfcare": "self_care",
}
_HEADER_KEYS = {"date", "setting", "tags", "mode", "prompts"}


@dataclass
class ParsedEntry:
    """What a Markdown entry file says. Header fields are None when the file leaves them out."""

    texts: dict[str, str]
    answers: dict[str, str]
    date: str | None = None
    setting: str | None = None
    tags: list[str] | None = None
    mode: str | None = None
    prompts: str | None = None
    # the ids of the questions whose `###` line the file has, answered or left blank: an
    # answer whose question is not in the file is not removed (`apply_parsed`)
    questions: set[str] = field(default_factory=set)


def format_template(draft: EntryDraft, prompt_set: PromptSet) -> str:
    """The entry as Markdown with the prompt set's questions as comments (for $EDITOR)."""
    lines = [
        "<!-- peerjournal entry. Text inside these comment markers is ignored.",
        "     Save and close the editor to keep it; leave Experience empty to cancel. -->",
        f"date: {draft.date.isoformat()}",
        f"setting: {draft.setting}",
        f"tags: {', '.join(draft.tags)}",
        f"mode: {draft.mode}",
        f"prompts: {draft.prompt_set or prompt_set.name}",
        "",
    ]
    known = {q.id for e in prompt_set.elements for q in e.questions}
    asked = _question_by_heading(_asked(prompt_set, None))
    for element in prompt_set.elements:
        lines.append(f"## {ELEMENT_TITLES[element.id]}")
        guidance = "\n".join(f"     - {_in_comment(q)}" for q in element.guidance(draft.mode))
        heading = _in_comment(element.heading)
        lines.append(f"<!-- {heading}\n{guidance} -->" if guidance else f"<!-- {heading} -->")
        lines += ["", escaped(getattr(draft, element.id), asked), ""]
        questions = [(q.id, q.text) for q in element.questions]
        if element is prompt_set.elements[-1]:  # answers from another set or an import: keep them
            questions += [(qid, qid) for qid in draft.answers if qid not in known]
        for qid, question_text in questions:
            lines.append(f"### {_on_heading(question_text)} <!-- id: {qid} -->")
            # (an answer to no question of the set says so, in place of the blank line)
            note = "" if qid in known else f"<!-- {_in_comment(_not_asked(prompt_set))} -->"
            lines += [note, escaped(draft.answers.get(qid, ""), asked), ""]
    lines += [
        "## Self-care",
        "<!-- Optional: one thing you did or will do for yourself. -->",
        "",
        escaped(draft.self_care, asked),
        "",
    ]
    return "\n".join(lines)


def _not_asked(prompt_set: PromptSet) -> str:
    """The note under an answer to a question the set does not ask, in the template."""
    return (f"Not a question of the '{prompt_set.name}' prompt set (renamed or removed since, "
            "or from an import): your answer is kept.")


def _in_comment(text: str) -> str:
    """A prompt set's text shown inside a template comment: a `-->` in it would end the
    comment early, and the rest of the guidance would be read (and saved) as entry text."""
    return text.replace("-->", "-- >")


def _on_heading(text: str) -> str:
    """A question's text on its `###` line: one line (a line break would push its id onto a
    line of entry text), and no comment marker (which would swallow the id)."""
    return " ".join(text.split()).replace("<!--", "<! --").replace("-->", "-- >")


def parse_template(text: str, prompt_set: PromptSet | None = None) -> ParsedEntry:
    """Read the Markdown entry format (`_parse_template`), keeping every character typed.

    The parser marks a comment's line breaks with `_HIDDEN_BREAK`, a noncharacter; a text
    that holds one itself (`write -x` keeps it) has it swapped for a character it does not
    hold while it is parsed, and given back in what is read."""
    if _HIDDEN_BREAK not in text:
        return _parse_template(text, prompt_set)
    stand_in = _absent_from(text)
    parsed = _parse_template(text.replace(_HIDDEN_BREAK, stand_in), prompt_set)
    return _swapped_back(parsed, stand_in)


def _absent_from(text: str) -> str:
    """A character `text` does not hold, neither whitespace nor a word character: another
    noncharacter, else one of the private use areas'."""
    from itertools import chain

    codes = chain(range(0xFDD1, 0xFDF0), range(0xE000, 0xF900), range(0xF0000, 0x10FFFE))
    return next(c for c in map(chr, codes) if c not in text)


def _swapped_back(parsed: ParsedEntry, stand_in: str) -> ParsedEntry:
    """`parsed` with `_HIDDEN_BREAK` again wherever `stand_in` took its place."""

    def back(value: str) -> str:
        return value.replace(stand_in, _HIDDEN_BREAK)

    parsed.texts = {key: back(value) for key, value in parsed.texts.items()}
    parsed.answers = {key: back(value) for key, value in parsed.answers.items()}
    for name in ("date", "setting", "mode", "prompts"):
        if (value := getattr(parsed, name)) is not None:
            setattr(parsed, name, back(value))
    if parsed.tags is not None:
        parsed.tags = [back(tag) for tag in parsed.tags]
    return parsed


def _parse_template(text: str, prompt_set: PromptSet | None) -> ParsedEntry:
    """Read the Markdown entry format.

    Header lines (`date:`, `setting:`, `tags:`, `mode:`, `prompts:`) at the top are read as
    headers whether or not sections follow; a file with no `##` sections is all experience
    after them, and there they count only when a blank line ends them (a note that opens
    "Setting: busy ward" and runs on is experience). Text before the first section of a file
    with no `## Experience` is the experience too (`Typed text⏎## Feelings⏎Calm.` from stdin),
    after any header lines ended by a blank line (see `_check_lead` for what is refused).
    Header lines are read only at the top: after the first line of text, a line such as
    "Date: we met at 3" is text. In a file whose lead is its experience (no `## Experience`),
    a first line whose value runs on like a sentence (`_runs_on`) is text, unless a blank line
    and then more text follow it. Header lines between `---` lines at the top (front matter)
    are read as headers, whatever follows; any other line there is refused (`_front_matter`).

    A `###` line in a section is a question of the set: by the `<!-- id: … -->` after it, or
    by its text alone. Words typed on that line are the start of the answer (see
    `_typed_on_heading`). Any other `###` line is a heading of the writer's own, kept as typed
    as a line of the text it is in (the element's, or the answer's it follows).
    """
    parsed = ParsedEntry(texts={}, answers={})
    # question id -> its `###` line's text, and that text's key -> the id: the set's questions,
    # looked up once a `###` line needs them
    asked: dict[str, str] | None = None
    by_heading: dict[str, str] = {}
    buffers: dict[tuple[str, str], list[str]] = {}
    current: tuple[str, str] | None = None
    text = unix_newlines(text.removeprefix("\ufeff"))
    lines = _QUESTION_ID.sub(lambda m: f"\x00id:{m.group(1)}\x00", text)
    commented = _comment_only(lines)
    # a comment leaves a mark for each line break in it, so that an error's line number is
    # the one the editor shows
    lines = COMMENT.sub(lambda m: _HIDDEN_BREAK * m.group().count("\n"), lines)
    lines = lines.replace("\x00id:", "<!-- id: ").replace("\x00", " -->")
    lines = _front_matter(lines, parsed)
    experience_section = any(
        _SECTIONS.get(name.strip().lower()) == "experience" for name in _SECTION.findall(lines)
    )
    lead_is_text = not experience_section and _opens_with_a_sentence(lines)
    if not _SECTION.search(lines):
        _check_top_block(lines)
        body = lines.replace(_HIDDEN_BREAK, "").split("\n")
        if lead_is_text:
            parsed.texts["experience"] = "\n".join(body).strip()
            return parsed
        start, headers = 0, []
        while start < len(body) and (not body[start].strip() or _header(body[start])):
            if header := _header(body[start]):
                headers.append(header)
            start += 1
        # a header block ends with a blank line, as the template writes it: a note that opens
        # "Setting: busy ward, no beds" and runs on is all experience
        if 0 < start < len(body) and body[start - 1].strip():
            start, headers = 0, []
        for header in headers:
            _set_header(parsed, *header)
        parsed.texts["experience"] = "\n".join(body[start:]).strip()
        return parsed
    number = 0
    headed = after_blank = False  # a header line read; a blank line since the last one
    for line in lines.split("\n"):
        number += 1 + line.count(_HIDDEN_BREAK)
        line = line.replace(_HIDDEN_BREAK, "")
        stripped = line.strip()
        if section := _SECTION.match(line):
            name = section.group(1).strip()
            if name.lower() not in _SECTIONS:
                raise PeerJournalError(
                    f"Line {number}: unknown section '## {name}' (use Experience, "
                    "Feelings, Evaluation or Self-care)."
                )
            current = ("text", _SECTIONS[name.lower()])
        elif (
            (question := _QUESTION.match(line))
            and current
            and (current[0] == "answer" or current[1] in ELEMENTS)
        ):
            if asked is None:
                asked = _asked(prompt_set, parsed.prompts)
                by_heading = _question_by_heading(asked)
            heading = question.group(1)
            if match := _QUESTION_ID.search(heading):
                current = ("answer", match.group(1))
                parsed.questions.add(current[1])
                before, after = heading[: match.start()], heading[match.end() :]
                buffers.setdefault(current, []).extend(
                    _typed_on_heading(before, after, asked.get(current[1], ""), current[1])
                )
            elif qid := by_heading.get(_heading_key(heading)):
                current = ("answer", qid)  # a question of the set, typed without its id
                parsed.questions.add(qid)
            else:  # a heading of the writer's own: a line of the text it is in, as typed
                buffers.setdefault(current, []).append(_unescape(line))
        elif current is None:
            if not stripped:
                after_blank = True
            elif not lead_is_text and (header := _header(line)):
                _set_header(parsed, *header)
                headed, after_blank = True, False
            else:  # text before the first section: the experience, when it can be
                _check_lead(line, number, headed and not after_blank, experience_section)
                current = ("text", "experience")
                buffers.setdefault(current, []).append(_unescape(line))
        else:
            soft = not stripped and number in commented
            buffers.setdefault(current, []).append(_SOFT_BLANK if soft else _unescape(line))
    for (kind, key), body in buffers.items():
        value = _joined(body)
        if kind == "text":
            parsed.texts[key] = value
        elif value:
            parsed.answers[key] = value
    return parsed


def _comment_only(text: str) -> set[int]:
    """The numbers of the lines of `text` (as `_numbered` counts them once its comments are
    hidden) that hold a comment and nothing else: the template's guidance, in its own line."""
    mark = "\x02"
    hidden = COMMENT.sub(lambda m: mark + _HIDDEN_BREAK * m.group().count("\n"), text)
    return {number for number, line in _numbered(hidden)
            if mark in line and not line.replace(mark, "").strip()}


def _joined(body: list[str]) -> str:
    """A section's lines as its text. A line that held only a comment (`_SOFT_BLANK`) is a
    blank line between two lines of text, and nothing beside a blank line: a line typed just
    under a heading, above its guidance and the blank line after it, is not stored with two
    blank lines never typed."""
    kept: list[str] = []
    for n, line in enumerate(body):
        if line == _SOFT_BLANK:
            after = body[n + 1] if n + 1 < len(body) else ""
            if not kept or not kept[-1].strip() or not after.replace(_SOFT_BLANK, "").strip():
                continue
            line = ""
        kept.append(line)
    return "\n".join(kept).strip()


def _check_lead(line: str, number: int, in_headers: bool, experience_section: bool) -> None:
    """Refuse a line of text before the first `##` section (line `number`) that cannot start
    the experience: a header line mistyped (`dtae: …`), a line run on from the header lines
    (`in_headers`: no blank line between them and it), or any text when the file has an
    `## Experience` of its own (`experience_section`)."""
    _refuse_mistyped(line, number)
    if in_headers or experience_section:
        raise PeerJournalError(
            f"Line {number}: expected {_HEADER_NAMES} before the first ## section"
            + ("." if experience_section else
               " (a blank line after them, then text, starts the experience).")
        )


def _refuse_mistyped(line: str, number: int) -> None:
    """Refuse line `number` when it is a header line with its key mistyped (`dtae: …`)."""
    import difflib

    typed = _KEY.match(line)
    key = typed[1].lower() if typed else ""
    # two letters swapped ("dtae"), or close ("settnig", "tag"); not "Mood:" or "Data:", nor
    # a header line read as text ("Setting: busy ward, no beds, and he was upset")
    meant = [k for k in _HEADER_KEYS if sorted(k) == sorted(key)] or difflib.get_close_matches(
        key, _HEADER_KEYS, 1, 0.8
    )
    if typed and meant and key not in _HEADER_KEYS:
        raise PeerJournalError(
            f"Line {number}: {typed[1]!r} is not a header line (did you mean '{meant[0]}:'?); "
            f"the header lines are {_HEADER_NAMES}."
        )


def _numbered(text: str) -> list[tuple[int, str]]:
    """(line number as the editor shows it, line) for each line of `text`, as the parser
    holds it (see `_HIDDEN_BREAK`)."""
    rows, number = [], 0
    for line in text.split("\n"):
        number += 1 + line.count(_HIDDEN_BREAK)
        rows.append((number, line.replace(_HIDDEN_BREAK, "")))
    return rows


def _check_top_block(text: str) -> None:
    """In a file with no sections, refuse a mistyped header line in the lines at the very top
    when a blank line ends them and all look like header lines (`dtae: 2026-11-19⏎⏎A quiet
    shift.`): clearly meant as headers, not the experience's start (the writer would find
    "dtae:" saved as text)."""
    rows = _numbered(text)
    first = next((i for i, (_, line) in enumerate(rows) if line.strip()), len(rows))
    end = next((i for i in range(first, len(rows)) if not rows[i][1].strip()), None)
    if end is None or not all(_KEY.match(line) for _, line in rows[first:end]):
        return
    for number, line in rows[first:end]:
        _refuse_mistyped(line, number)


def _runs_on(key: str, value: str) -> bool:
    """Whether a header line's value reads as a sentence, not a setting, a date…: more than
    five words, or a comma (that parts tags only)."""
    return key != "tags" and (len(value.split()) > 5 or "," in value)


def _opens_with_a_sentence(text: str) -> bool:
    """Whether the text before the first `##` section opens with a header line that runs on
    like a sentence (`_runs_on`: "Setting: busy ward, no beds, and he was upset") and no
    blank line then more text after it shows it to be a header line: then it is text."""
    lead = text.replace(_HIDDEN_BREAK, "").split("\n")
    lead = lead[: next((n for n, line in enumerate(lead) if _SECTION.match(line)), len(lead))]
    lead = lead[next((n for n, line in enumerate(lead) if line.strip()), len(lead)) :]
    header = _header(lead[0]) if lead else None
    if header is None or not _runs_on(*header):
        return False
    return len(lead) == 1 or bool(lead[1].strip()) or not any(x.strip() for x in lead[2:])


_FENCE = "---"
_YAML_KEY = re.compile(r"^\s*[A-Za-z][\w-]*\s*:")


def _front_matter(text: str, parsed: ParsedEntry) -> str:
    """Read header lines between `---` lines at the top (front matter, as Markdown notes
    have it: `---⏎date: 2026-11-16⏎---`) and return `text` with those lines blank (their
    numbers kept for errors). Any other line there is refused, never saved as text; a `---`
    not followed by a `key:` line is a rule, and left as text."""
    rows = _numbered(text)
    first = next((i for i, (_, line) in enumerate(rows) if line.strip()), None)
    if first is None or rows[first][1].strip() != _FENCE:
        return text
    after = [(i, line.strip()) for i, (_, line) in enumerate(rows) if i > first and line.strip()]
    if not after or not _YAML_KEY.match(after[0][1]):
        return text
    end = next((i for i, line in after if line in (_FENCE, "...")), None)
    if end is None:
        raise PeerJournalError(
            f"Line {rows[first][0]}: the '---' there opens header lines that no '---' line "
            "closes: add one after them."
        )
    for number, line in rows[first + 1 : end]:
        if not line.strip():
            continue
        header = _header(line)
        if header is None:
            _refuse_mistyped(line, number)
            typed = _YAML_KEY.match(line)
            what = f"{typed[0].strip()!r} is not" if typed else "this is not"
            raise PeerJournalError(
                f"Line {number}: {what} a header line; between the '---' lines, the header "
                f"lines are {_HEADER_NAMES} (tags on one line: 'tags: ward, family')."
            )
        key, value = header
        value = value.strip("\"'") if value[:1] in "\"'" else value
        _set_header(parsed, key, value.strip("[]") if key == "tags" else value)
    raw = text.split("\n")
    return "\n".join([_HIDDEN_BREAK * line.count(_HIDDEN_BREAK) for line in raw[: end + 1]]
                     + raw[end + 1 :])


_KEY = re.compile(r"^\s*([A-Za-z]+)\s*[:=]")  # the start of a header line, mistyped or not
_HEADER_NAMES = "'date:', 'setting:', 'tags:', 'mode:' or 'prompts:'"
# a line break inside a comment: a noncharacter (Unicode keeps them for a program's own
# use), not a control character, which a writer's text may hold ("setting: crisis\x01house")
_HIDDEN_BREAK = "\ufdd0"
_SOFT_BLANK = _HIDDEN_BREAK  # a line of a section that held only a comment (see `_joined`)
_SECTION = re.compile(r"^##[ \t]+(.*)$", re.MULTILINE)
_QUESTION = re.compile(r"^###[ \t]+(.*)$")


def guidance_of(words: Collection[str], guidance: Sequence[Collection[str]]) -> int | None:
    """Which of a template's comments (`guidance`, each as its words) a comment holding `words`
    was made from: the one it holds at least half of, whatever was typed into it, at its
    start too (None: a comment of the writer's own, meant to be ignored)."""
    mine = set(words)
    held = [len(mine.intersection(given)) for given in guidance]
    best = max(range(len(held)), key=held.__getitem__, default=None)
    if best is None or not guidance[best] or 2 * held[best] < len(set(guidance[best])):
        return None
    return best


def typed_into_comment(before: str, after: str) -> int | None:
    """The line of `after` (an entry file as the editor left it) where words were typed into
    a comment that `before` (the file given to the editor: the template's guidance) holds.
    Text inside `<!-- -->` is ignored, so those words would be lost without a sign. None when
    no comment gained a word (a guidance line deleted, or the spacing changed, is fine)."""
    before, after = unix_newlines(before), unix_newlines(after)

    def words(comment: str) -> list[str]:
        return comment.split()

    def key(comment: str) -> str:  # a comment is known by its start
        return " ".join(words(comment))[:24]

    comments = [set(words(c)) for c in COMMENT.findall(before)]
    given = dict(zip(map(key, COMMENT.findall(before)), comments, strict=True))
    for match in COMMENT.finditer(after):
        mine = set(words(match.group()))
        was = given.get(key(match.group()))
        if was is None:  # words typed at its start
            made_from = guidance_of(mine, comments)
            if made_from is None:
                continue  # a comment of the writer's own, meant to be ignored
            was = comments[made_from]
        if not mine - was:
            continue
        first = after[: match.start()].count("\n") + 1
        for n, line in enumerate(match.group().split("\n")):
            if set(words(line)) - was:
                return first + n
    return None


def typed_lines(text: str) -> str:
    """The lines a writer typed in an entry file that does not parse (a typo in a heading):
    without comments, headings and header lines, for showing a draft by its own words."""
    kept = [
        line
        for line in COMMENT.sub("", text).splitlines()
        if line.strip() and not line.lstrip().startswith("#") and _header(line) is None
    ]
    return "\n".join(kept)


def _header(line: str) -> tuple[str, str] | None:
    """(key, value) when `line` is a header line such as `date: 2026-11-20`."""
    key, sep, value = line.strip().partition(":")
    key = key.strip().lower()
    return (key, value.strip()) if sep and key in _HEADER_KEYS else None


# Entry text is written into the template escaped, so that its own lines can never be read
# as a section ("## …"), a question ("### …") or a comment ("<!-- … -->"): a line starting
# with `#` gets one more leading backslash, and `<!--` becomes `<!\--` (each reversible).
_HASH_LINE = re.compile(r"^(\\*#)", re.MULTILINE)
_ESCAPED_HASH_LINE = re.compile(r"^\\(\\*#)")
_COMMENT_OPEN = re.compile(r"<!(\\*)--")
_ESCAPED_COMMENT_OPEN = re.compile(r"<!\\(\\*)--")


def escaped(text: str, questions: Collection[str] = ()) -> str:
    """`text` as written into the template. A `###` heading line of the writer's own is left
    as typed (it is read back as a line of the text it is in), unless it would be read as one
    of the set's `questions` (headings, as `_heading_key` gives them)."""
    text = _COMMENT_OPEN.sub(r"<!\\\1--", text)
    return "\n".join(
        line if (own := _QUESTION.match(line)) and _heading_key(own.group(1)) not in questions
        else _HASH_LINE.sub(r"\\\1", line)
        for line in text.split("\n")
    )


def _unescape(line: str) -> str:
    return _ESCAPED_COMMENT_OPEN.sub(r"<!\1--", _ESCAPED_HASH_LINE.sub(r"\1", line))


def _set_header(parsed: ParsedEntry, key: str, value: str) -> None:
    if key == "tags":
        parsed.tags = split_tags(value)  # commas only, as at the guided prompt
    elif value or key == "setting":  # an empty setting line clears the setting
        setattr(parsed, key, value)


def _asked(prompt_set: PromptSet | None, named: str | None) -> dict[str, str]:
    """Question id -> its text as the template's `###` line shows it: the set's questions
    (`prompt_set`, or the set the file's `prompts:` line names)."""
    if prompt_set is not None:
        questions = {q.id: q.text for q in prompt_set.questions().values()}
    else:
        questions = {qid: text for qid, (_, text) in answer_layout(named or DEFAULT_SET).items()}
    return {qid: _on_heading(text) for qid, text in questions.items()}


def _heading_key(heading: str) -> str:
    """A `###` line's text as it is matched to a question's: case and spacing aside."""
    return " ".join(heading.split()).lower()


def _question_by_heading(asked: Mapping[str, str]) -> dict[str, str]:
    return {_heading_key(text): qid for qid, text in asked.items()}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _typed_on_heading(before: str, after: str, question: str, qid: str) -> list[str]:
    """The words a writer typed on a question's `###` line, as the first lines of its answer.

    The template puts the question's text (`question`; for an answer to a question the set
    does not know, its id) before the `<!-- id: … -->` comment and nothing after it: words
    after it are the answer's start. Words after the question's text are too. A heading
    changed otherwise (words of the writer's own in it: a question reworded, words typed at
    its start) is kept whole as a heading line of the writer's own, the answer's first line;
    one with no word that is not in the question (shortened, its case changed) adds nothing.
    """
    before, after = before.strip(), after.strip()
    spaced = " ".join(before.split())
    typed = []
    known = [" ".join(text.split()) for text in (question, qid, question_label(qid)) if text]
    if before and _heading_key(before) not in map(_heading_key, known):
        start = next(
            (k for k in known if spaced[: len(k)].lower() == k.lower()
             and (not k[-1].isalnum() or not spaced[len(k)].isalnum())
             and _words(spaced[len(k) :])),  # "Now what?" for "Now what": no word more
            None,
        )
        if start is not None:  # the question, then words of the writer's own
            after = f"{spaced[len(start):].strip()} {after}".strip()
        elif not any(_words(before) <= _words(k) for k in known):
            typed.append(f"### {before}")
    if after:
        typed.append(after)
    return typed


def apply_parsed(
    draft: EntryDraft, parsed: ParsedEntry, today: date, given: Collection[str] = ()
) -> EntryDraft:
    """Fill a draft from a parsed file; header fields override the draft's. A `date:` header is
    not read when the command line `given` a date: `--date yesterday` replaces a header date
    that is in the future, rather than fail on it again. A time of day after its date is
    refused here (`header_day`), which only `edit` meets: `write` reads it first and keeps the
    time as the new entry's created_at (`cli.write._timed_header`). A section or a question
    the file does not have keeps the draft's text (a file of plain text is the experience
    alone: the answers are not dropped); one it has, left empty, is emptied."""
    for key, value in parsed.texts.items():
        setattr(draft, key, value)
    kept = {qid: text for qid, text in draft.answers.items() if qid not in parsed.questions}
    draft.answers = {**kept, **parsed.answers}
    if parsed.date and "date" not in given:
        draft.date = header_day(parsed.date, today)
    if parsed.setting is not None:
        draft.setting = parsed.setting
    if parsed.tags is not None:
        draft.tags = parsed.tags
    if parsed.mode:
        draft.mode = parsed.mode
    if parsed.prompts:
        draft.prompt_set = parsed.prompts
    return draft


def header_day(text: str, today: date) -> date:
    """The day a `date:` line gives (`parse_past_date`). A time of day after it ("2026-11-20
    18:00") is refused, not dropped: `edit` cannot change when an entry was written (prep
    compares that with a supervision's time). Only `edit` meets one here: a new entry's
    `date:` line keeps its time as created_at, as `write --date` does (`_timed_header`)."""
    from datetime import datetime, time

    from peerjournal.dates import day_of_timed, parse_past_date, parse_past_moment
    from peerjournal.textsafe import quoted

    day = day_of_timed(text)
    if day is None:
        return parse_past_date(text, today)
    try:
        put = f"`date: {parse_past_date(day, today).isoformat()}`"
    except PeerJournalError:
        put = "the day alone"
    try:  # (the text as typed, where `write --date` reads it: the day first, then the time)
        parse_past_moment(text, datetime.combine(today, time.max).astimezone())
        give = f"`write --date {quoted(text.strip())}`"
    except PeerJournalError:  # ("6pm yesterday", "noon"): the form it takes
        give = "`write --date`, the day first, then the time ('2026-11-20 18:00')"
    raise PeerJournalError(
        f"The `date:` line takes a day, not a time of day ({quoted(text.strip())}): put {put}. "
        f"A new entry takes a time from {give}."
    )
