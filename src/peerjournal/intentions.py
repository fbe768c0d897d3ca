"""The writer's own "what will I do differently" lines, found in evaluation text.

`evaluation_intentions` also reads the answers to a prompt set's evaluation questions: an
answer to a question that asks what the writer will do ("…what will you do differently?",
"Action plan…", "Now what?") is an intention as a whole when no sentence of it opens with one
of the phrases below.

An intention is a sentence whose main clause starts with a forward-looking phrase
("Next time I will…", "I want to…", "I'll try…", "I'm going to…", "In future…").
The phrase must open the sentence or a clause (after a comma, "so", "and", "but"), so
reported speech such as "She told me I will never cope" is not taken as the writer's plan.

A note-to-self is one too (`evaluation_intentions` only: in the evaluation, not the
experience): a sentence opening with a plan verb (`_PLAN_VERBS`: "Ask her what she needs next
time.", "Follow up with him in a week.") that says when ("next time", "tomorrow", "in a
week": `_WHEN`), or any such sentence answering a question that asks what the writer will do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise

from peerjournal.drift.lexicon import ABBREVIATED_TITLES

MAX_CHARS = 300

_APOS = "['’]"
_LEADS = (
    r"next time,?\s+(?:i|we)\b",
    # "Next week I will…": a time ahead, then a plan (not "Next week we were moved…")
    rf"next (?:week|month|session|shift|visit|meeting),?\s+(?:i|we)(?:{_APOS}ll|\s+(?:will"
    r"|shall|want to|plan to|intend to|need to|would like to|am going to|are going to))\b",
    r"in (?:the )?future\b",
    r"going forward\b",
    r"from now on\b",
    r"tomorrow,?\s+i\b",
    rf"i{_APOS}ll\b",
    rf"i{_APOS}m going to\b",
    r"i am going to\b",
    r"i(?:\s+really)?\s+(?:will|shall|want to|plan to|intend to|need to|would like to)\b",
    rf"i{_APOS}d like to\b",
    r"my (?:plan|goal|intention) is\b",
)
_OPENERS = r"(?:(?:so|and|but|then|also|maybe|perhaps|hopefully|honestly),?\s+)*"
_INTENTION = re.compile(
    rf"(?:^|[,;:—–-]\s*|\b(?:so|and|but)\s+){_OPENERS}(?:{'|'.join(_LEADS)})",
    re.IGNORECASE,
)
# Where a sentence ends: ".", "!" or "?" before a space, one of the full stops of scripts
# written without spaces (Chinese, Japanese: "。", "！", "？"), which need none, or a line break
_SENTENCE_END = re.compile(r"[.!?](?=\s)|[。！？｡]|\n")
# A word a full stop after does not end a sentence at: a title ("Dr. Patel", "Mrs. Smith", as
# the drift engine reads them), "e.g.", "i.e.", "vs."; not "etc.", which most often ends one
_ABBREVIATION = re.compile(
    r"(?:^|[^\w'.])(?i:"
    + "|".join((*ABBREVIATED_TITLES, "prof", "st", "vs", r"e\.g", r"i\.e"))
    + r")$"
)
# ... nor an initial ("ask K. what she wants", "J. Smith"), unless "I" follows ("I saw K. I
# will…": a sentence of the writer's own)
_INITIAL = re.compile(r"(?:^|[^\w'.])[A-Z]$")
_WRITER_NEXT = re.compile(rf"\s+I(?:{_APOS}(?:m|ll|d|ve))?\b")
_PAST = re.compile(r"^\s*i (?:will|would) have\b", re.IGNORECASE)
# Verbs a note-to-self opens with, as the writer's own plan ("Ask her…", "Check in with…"):
# a closed list of doing-with-someone verbs, not any imperative ("Imagine being told…")
_PLAN_VERBS = (
    "ask", "check", "visit", r"follow[\s-]up", r"(?:call|ring|phone|text|e-?mail|message)"
    r"(?=\s+(?:him|her|them|us|you|back)\b)", "offer", "try", "remember", "make sure", "book",
    "arrange", "chase", "bring",
    "speak", "talk", "listen", "see", "meet", "find out", "let", "give", "go back",
    "look into", "suggest", "share", "tell", "invite", "plan", "keep", "spend",
)
_PLAN = re.compile(rf"^{_OPENERS}(?:{'|'.join(_PLAN_VERBS)})\b", re.IGNORECASE)
# A time ahead that makes such a sentence a plan, not advice or a memory ("last time"); not
# "again", "later" or "soon", which past events have too ("later that night", "wrong again")
_WHEN = re.compile(
    r"\b(?:next (?:time|week|month|visit|session|shift|meeting|day|one)|tomorrow|tonight"
    r"|in (?:a|an|one|two|three|a few|\d+) (?:days?|weeks?|fortnight|months?)"
    r"|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|this (?:afternoon|evening|weekend|week)"
    r"|before (?:the|her|his|their|our) next|after the weekend)\b",
    re.IGNORECASE,
)


Shown = Callable[[str], str]


def _as_written(sentence: str) -> str:
    return sentence


def sentence_ends(text: str) -> list[int]:
    """Where the sentences of `text` end (just after the mark that ends each), but not at the
    full stop of an abbreviation: the writer's "tell Dr. Patel less" is one sentence, whole
    in the things they will do differently and in a summary's quotes."""
    return [m.end() for m in _SENTENCE_END.finditer(text) if not _abbreviated(text, m)]


def _abbreviated(text: str, end: re.Match[str]) -> bool:
    """Whether the mark `end` is the full stop of an abbreviation, not a sentence's end."""
    if end[0] != ".":
        return False
    at = end.start()
    if _ABBREVIATION.search(text, max(0, at - 6), at):
        return True
    return bool(_INITIAL.search(text, max(0, at - 2), at)) and not _WRITER_NEXT.match(
        text, end.end()
    )


def sentences(text: str) -> list[str]:
    """Split prose into trimmed sentences (`sentence_ends`; a line break also ends one)."""
    bounds = [0, *sentence_ends(text), len(text)]
    return [s for start, end in pairwise(bounds) if (s := text[start:end].strip())]


def _clip(sentence: str) -> str:
    if len(sentence) <= MAX_CHARS:
        return sentence
    cut = sentence[: MAX_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;: ") + "…"


def intentions(text: str, shown: Shown = _as_written, notes: bool | None = None) -> list[str]:
    """Sentences in `text` that state what the writer will do (in order, without repeats),
    each as `shown` gives it (names replaced, say) before a long one is cut short: a cut made
    first could leave half a name that no redaction knows. `notes`: notes-to-self count too
    (`_PLAN`), True for any, False for those saying when (`_WHEN`), None for none."""
    found: list[str] = []
    for sentence in sentences(text):
        if _REPORTED.search(sentence):  # others' words, not the writer's plan
            continue
        if notes is not None and _PLAN.match(sentence) and (notes or _WHEN.search(sentence)):
            found.append(_clip(shown(sentence)))
            continue
        match = _INTENTION.search(sentence)
        if match is None or _PAST.match(sentence[match.start():].lstrip(",;:—–- ")):
            continue
        # A plan in a later clause must still be the writer's: skip "She said I will…".
        if match.start() > 0 and _reported_before(sentence[: match.start()]):
            continue
        found.append(_clip(shown(sentence)))
    return _unique(found)


def after_lead(sentence: str) -> str:
    """What an intention `sentence` says the writer will do: its words after the first
    forward-looking phrase ("Next time I will ask her" -> "ask her"); a note-to-self ("Ask
    her next time.") or a whole answer as it is."""
    match = _INTENTION.search(sentence)
    return sentence if match is None else sentence[match.end():]


_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|asked|asks|thinks|thought|believes|claimed|insisted)\b"
    r"(?:\s+\w+)?\s*$",
    re.IGNORECASE,
)


# Reported speech anywhere in a sentence: "Keep taking your meds, the nurse said.", "Try
# harder next time, my manager told me.", "“Tell me later,” she said."
_REPORTED = re.compile(
    r"(?:[,;:—–\"“”]\s*(?:[\w.'’-]+\s+){0,3}?(?:said|says|told|tells|asked|asks|added|replied"
    r"|reminded|warned|insisted)\b|\b(?:told|tells|reminded|reminds|warned|warns) (?:me|us)\b)",
    re.IGNORECASE,
)


def _reported_before(prefix: str) -> bool:
    return bool(_REPORTING.search(prefix.rstrip(",;:—–- ")))


# A question whose answer is, by the question, what the writer will do.
_FORWARD_QUESTION = re.compile(
    r"\b(?:differently|next time|action plan|now what|(?:will|would) you do|going forward"
    r"|from now on|in (?:the )?future)\b",
    re.IGNORECASE,
)


def asks_for_intention(question: str) -> bool:
    """Whether a prompt's question asks what the writer will do next."""
    return bool(_FORWARD_QUESTION.search(question))


def answer_intentions(question: str, answer: str, shown: Shown = _as_written) -> list[str]:
    """The intentions in one answer: its forward-looking sentences (and, when the question
    asks what the writer will do, its notes-to-self), else (when it asks) the whole answer on
    one line (`shown`: see `intentions`)."""
    found = intentions(answer, shown, notes=False)
    if not asks_for_intention(question):
        return found
    if found:  # each of its plans, notes-to-self without a "when" too
        return intentions(answer, shown, notes=True)
    line = " ".join(shown(answer).split())
    return [_clip(line)] if line else []


def evaluation_intentions(
    evaluation: str, answers: Sequence[tuple[str, str]] = (), shown: Shown = _as_written
) -> list[str]:
    """The intentions in an evaluation and in the answers to its questions, `(question,
    answer)` pairs (see reflection.element_answers), in order and without repeats (`shown`:
    see `intentions`)."""
    return _unique([
        *intentions(evaluation, shown, notes=False),
        *(line for question, answer in answers
          for line in answer_intentions(question, answer, shown)),
    ])


def _unique(lines: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    found: list[str] = []
    for line in lines:
        key = " ".join(line.split()).casefold()
        if key not in seen:
            seen.add(key)
            found.append(line)
    return found
