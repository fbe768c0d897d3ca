"""The self-check before supervision: its items, answers, history and the prep summary.

Pure logic on plain values (no Typer, Rich or database). The items live in
``prompts/supervision.toml``; `load_items()` returns them with ``.id``, ``.section``, ``.text``.

A self-check is reflection, not a grade: nothing here adds answers up into a total.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerjournal.dates import RECENT_WEEKS, local_day, recent_weeks, spoken
from peerjournal.drift import is_learned_marker
from peerjournal.drift.lexicon import DIMENSIONS
from peerjournal.entry import ELEMENTS, Entry
from peerjournal.errors import NotFoundError, PeerJournalError
from peerjournal.intentions import after_lead, evaluation_intentions
from peerjournal.plural import counted
from peerjournal.reflection import Layout, element_answers
from peerjournal.trends import THRESHOLDS, fixed
from peerjournal.trends import _dates as dates_phrase
from peerjournal.unique_json import KeyGivenTwice, unique_keys

if TYPE_CHECKING:
    from peerjournal.db.stats import Found

SCALE = (1, 2, 3, 4, 5)
# A note is a thought to bring along, not a reflection in itself (that is an entry, up to
# entry.MAX_TEXT_CHARS): about 300 words, so 22 of them still read as one summary and fit a
# mentor's export. Longer text is refused with its length, never cut.
MAX_NOTE_CHARS = 2_000
FORM_FILE = "supervision.toml"
LOW_SCORE = 2  # answers up to this are shown in prep, to bring
CHECK_QUESTIONS = 2  # prep's questions from the self-check, after those from the entries
SUPERVISION_TAG = "supervision"
Day = date  # for annotations inside classes that have a field named `date`

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FORM_KEYS = {"title", "intro", "source", "low", "high", "section"}
_SECTION_KEYS = {"id", "title", "intro", "source", "low", "high", "item"}
_ITEM_KEYS = {"id", "short", "text", "low", "high", "question", "dimension"}


# --------------------------------------------------------------------------- the form


@dataclass(frozen=True)
class Item:
    id: str
    section: str  # the section's id
    text: str
    low: str  # what 1 means
    high: str  # what 5 means
    question: str = ""  # an open question to bring when this item drops
    dimension: str | None = None  # the drift dimension it mirrors, if any
    short: str = ""  # a few words naming it where its statement does not fit (`name`)

    @property
    def name(self) -> str:
        """The item in a few words ("Drawing on my story"), as `supervision history` lists
        it; a form without them names it by its id in words ("self worth", not "self_worth",
        read aloud as "self underscore worth")."""
        return self.short or self.id.replace("_", " ")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "section": self.section,
            "text": self.text,
            "scale": {"1": self.low, "5": self.high},
        }


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str
    source: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Form:
    title: str
    intro: str
    source: str
    sections: tuple[Section, ...]
    path: Path = field(compare=False)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    def item(self, item_id: str) -> Item:
        for i in self.items:
            if i.id == item_id:
                return i
        raise KeyError(item_id)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)


def form_path() -> Path:
    from peerjournal.reflection import prompts_dir

    return prompts_dir() / FORM_FILE


def load_form(path: Path | None = None) -> Form:
    return _load_form(path or form_path())


def load_items(path: Path | None = None) -> list[Item]:
    """The self-check items in order (each with .id, .section, .text)."""
    return list(load_form(path).items)


@cache
def _load_form(path: Path) -> Form:
    from peerjournal.config import loads_toml

    try:
        data = loads_toml(path.read_text(encoding="utf-8"), path.name)
    except FileNotFoundError:
        raise PeerJournalError(f"The self-check file {path} is missing.") from None
    except UnicodeDecodeError as exc:
        raise PeerJournalError(f"{path.name}: not valid TOML ({exc}).") from None
    return parse_form(path, data)


def parse_form(path: Path, data: Mapping[str, Any]) -> Form:
    """Validate the self-check file; every error names the file and the key."""

    def fail(where: str, problem: str) -> PeerJournalError:
        return PeerJournalError(f"{path.name}: {where}: {problem}")

    _only(data, _FORM_KEYS, "", fail)
    default_low = _text(data, "low", "", fail, required=True)
    default_high = _text(data, "high", "", fail, required=True)
    raw_sections = data.get("section")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise fail("section", "needs at least one [[section]]")
    sections: list[Section] = []
    seen_items: set[str] = set()
    seen_sections: set[str] = set()
    for n, raw in enumerate(raw_sections, start=1):
        where = f"section[{n}]"
        if not isinstance(raw, dict):
            raise fail(where, "should be a table")
        _only(raw, _SECTION_KEYS, where, fail)
        section_id = _identifier(raw, where, fail, seen_sections)
        low = _text(raw, "low", where, fail) or default_low
        high = _text(raw, "high", where, fail) or default_high
        raw_items = raw.get("item")
        if not isinstance(raw_items, list) or not raw_items:
            raise fail(f"{where}.item", "needs at least one [[section.item]]")
        items = tuple(
            _parse_item(raw_item, f"{where}.item[{k}]", section_id, low, high, seen_items, fail)
            for k, raw_item in enumerate(raw_items, start=1)
        )
        sections.append(
            Section(
                id=section_id,
                title=_text(raw, "title", where, fail, required=True),
                intro=_text(raw, "intro", where, fail),
                source=_text(raw, "source", where, fail),
                items=items,
            )
        )
    return Form(
        title=_text(data, "title", "", fail, required=True),
        intro=_text(data, "intro", "", fail),
        source=_text(data, "source", "", fail),
        sections=tuple(sections),
        path=path,
    )


_Fail = Callable[[str, str], PeerJournalError]


def _parse_item(
    raw: Any, where: str, section_id: str, low: str, high: str, seen: set[str], fail: _Fail
) -> Item:
    if not isinstance(raw, dict):
        raise fail(where, "should be a table with id and text")
    _only(raw, _ITEM_KEYS, where, fail)
    dimension = raw.get("dimension")
    if dimension is not None and dimension not in DIMENSIONS:
        raise fail(f"{where}.dimension", f"unknown dimension {dimension!r}")
    return Item(
        id=_identifier(raw, where, fail, seen),
        section=section_id,
        text=_text(raw, "text", where, fail, required=True),
        low=_text(raw, "low", where, fail) or low,
        high=_text(raw, "high", where, fail) or high,
        question=_text(raw, "question", where, fail),
        dimension=dimension,
        short=_text(raw, "short", where, fail),
    )


def _key(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _only(data: Mapping[str, Any], allowed: set[str], where: str, fail: _Fail) -> None:
    for key in data:
        if key not in allowed:
            raise fail(
                _key(where, key), f"unknown key (expected one of {', '.join(sorted(allowed))})"
            )


def _text(
    data: Mapping[str, Any], key: str, where: str, fail: _Fail, *, required: bool = False
) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise fail(
            _key(where, key), "needs some text" if value is None else "should be non-empty text"
        )
    return " ".join(value.split())


def _identifier(raw: Mapping[str, Any], where: str, fail: _Fail, seen: set[str]) -> str:
    value = raw.get("id")
    if not isinstance(value, str) or not _ID.match(value):
        raise fail(_key(where, "id"), "needs an id of lower-case letters, digits and _")
    if value in seen:
        raise fail(_key(where, "id"), f"{value!r} is used twice")
    seen.add(value)
    return value


# --------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class Answer:
    score: int
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"score": self.score, "note": self.note}


Answers = dict[str, Answer]


def of_scale(score: int) -> str:
    """An answer as "score 4 of 5", the way every list, export and question shows it: a
    bare "4", or "4 of 5", beside a statement reads as the item's number (the questions were
    asked as "3/22"). Under a heading that says "Score", `out_of`."""
    return f"score {out_of(score)}"


def out_of(score: int) -> str:
    """An answer as "4 of 5", where a heading ("Score") says what it is."""
    return f"{score} of {SCALE[-1]}"


def check_score(value: Any, item_id: str) -> int:
    """A whole number from 1 to 5, or a PeerJournalError naming the item.

    The error quotes a number, never text: a note written where the score goes stays out of
    the error line (errors never print the writer's words). None (a note alone, or null)
    is no score given."""
    if value is None:
        raise PeerJournalError(f"{item_id}: no score given; use a whole number from 1 to 5.")
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        shown = repr(value) if number else _kind(value)
        raise PeerJournalError(
            f"{item_id}: {shown} is not an answer on the scale; use a whole number from 1 to 5."
        )
    return value


# A line typed at the 1-5 prompt is read piece by piece (`_PIECES`: digits, letters, marks),
# in one pass, so that no line, however long, takes long to read (a regex that backtracked
# took seconds on 22 digits and a word: QA r46). It is a score only when it IS one:
#  - the score alone, with marks after it: "3", "03", "three", "five!", "4?", "3)";
#  - out of 5: "3/5", "3 of 5", "3 out of 5"; out of anything else ("five out of ten",
#    "8/10") is no score on this scale: asked again, not scaled (5 of 10 is no whole score);
#  - hedged: "about 3", "a 3, maybe", "four-ish", "3ish", "3 or so": the score (any score is
#    about right; "ish" says nothing as a note), which the prompt confirms ("Kept 3.");
#  - with a face: "3 :)", "3 🙂", "🙂 3", "3 ^^", "xD 3": the score, and the face kept as its
#    note;
#  - with asides around it (`_ASIDES`: "4 tbh lol", "idk 3", "meh, 2"): up to three words
#    that say how the writer feels about the score, not what it counts nor a sentence ("i
#    think 3", "2 be honest" are the writer's words); the score, and the asides its note;
#  - with a note: after a mark ("4: they did", "2 - not yet", "five! because Sam asked") or
#    opening with a word that joins a note to a score ("4 because Kerry asked", "3 but…",
#    "4 and I did"; "one" only after a mark: "one thing I noticed" is words), or one word or
#    face alone ("4 lol", "3 dunno", "3 <3"); the marks glued to the score are the score's,
#    as alone ("3??"), not its note's ("3? because tired": "because tired", QA r48);
#  - with its unit: "3 stars", "4 points" (a part of the score, as "/5" is: "Kept 3.").
# Two scores are no score ("3.5", "3-4", "four or five", "three, maybe four", "4 and a half",
# "3 -> 4", "3 :) 4": whatever marks or faces are typed between the numbers), and a number
# followed by two words or more that open no note ("5 people came", "2 be honest", "10 people
# came": what the number counts or is the subject of) is the writer's words, which the prompt
# keeps for the note of the score asked for again.
_PIECES = re.compile(r"\d+|[^\W\d_]+|[^\w\s]+|_+")
_SCORE_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBER_WORDS = {**_SCORE_WORDS, "zero": 0, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "half": 0, "point": 0, "½": 0}
_HALF = {"half", "point", "½"}  # a number only beside another ("four and a half")
# words before a score that leave it that score ("about 3", "a 3"), and after it ("3 maybe")
_HEDGES_BEFORE = {"about", "around", "roughly", "approximately", "approx", "maybe", "probably",
                  "perhaps", "possibly", "like", "a", "an", "say", "prob", "mostly"}
_HEDGES_AFTER = {"ish", "maybe", "probably", "perhaps", "possibly", "roughly", "approximately",
                 "approx", "or", "so", "more", "less", "thereabouts"}
# words between two numbers that make them a range or an alternative ("3, maybe 4")
_JOINING = {"or", "to", "and", "a", "an", "maybe", "perhaps", "possibly", "probably", "nearly",
            "almost", "actually", "more", "like", "no", "not", "i", "mean", "well", "than"}
# the words a note may open with straight after a score, with no mark between
_NOTE_OPENERS = {"because", "cause", "cos", "coz", "bc", "as", "since", "but", "though",
                 "although", "tho", "and", "i", "i'm", "im", "i've", "ive", "i'd", "it",
                 "it's", "its", "this", "that", "that's", "today", "tonight", "now", "for",
                 "after", "when", "given", "even", "so", "then", "if", "just", "still", "which",
                 "maybe", "probably", "perhaps", "possibly", "not", "really", "felt", "feel",
                 "feeling", "feels", "was", "went", "got", "good", "ok", "okay", "fine", "great",
                 "better", "worse", "hard", "tough", "tired", "quite", "pretty", "very", "too",
                 "mostly", "overall", "honestly", "definitely", "sort", "kind", "kinda", "sorta",
                 "lately", "recently", "yes", "yeah", "no", "on", "in", "at", "with", "without",
                 "from", "thanks", "thank", "before", "during", "we", "they", "she",
                 "he", "our", "me"}
# the words of a line that only tried a score ("four or five", "five out of ten")
_TRIED = _JOINING | _HEDGES_BEFORE | _HEDGES_AFTER | {"between", "out", "of", "score"}
_UNITS = {"star", "stars", "points", "pts", "pt"}  # "3 stars": a part of the score
_PLAIN_MARKS = set(".!?,;:)")  # after a score alone ("five!", "3)"), or before its note
_DASHES = ("-", "–", "—")
_FACE = re.compile(
    r"[:;=8][-'^o]?[()\[\]DPpOo3/|\\*]+|(?:<[/\\]?3+)+|[)(\]\[D][-'^]?[:;=]"  # :) <3 <3<3 (:
    r"|[xX]D+|\^+[_.\-oO]?\^+|><|[<>][_.][<>]|[oO][_.][oO]|¬¬|([TxXoOuU])[_.]\1"  # ^^ >.> T_T
    r"|\(?([^\w\s()])(?!\2)[-._]\2\)?"  # eyes of any mark around a mouth: ~.~ ;-; (-_-) .-.
    r"|\\[oO]/?|[oO]/")  # \o/ o/
# a run of marks after a score that points on to its note, as a dash does ("3 -> better than
# last time", "3 =>": "Kept 3."); "+/-" says "about", a part of the note kept (QA r48)
_ARROW = re.compile(r"[-–—=~<>→⇒⟶➔➜»]+")
_ABOUT = frozenset({"+/-", "±"})
# the words typed beside a score that say how the writer feels about it ("4 tbh lol", "idk
# 3"), kept as its note: what a count ("3 ppl") or a sentence ("i think 3") never is
_ASIDES = frozenset({
    "tbh", "tbf", "lol", "lmao", "lmfao", "rofl", "idk", "dunno", "imo", "imho", "ngl", "fwiw",
    "haha", "hahaha", "ha", "hah", "hehe", "heh", "hmm", "hmmm", "hm", "meh", "eh", "ugh",
    "urgh", "argh", "ok", "okay", "yeah", "yep", "yup", "nah", "ish", "sigh", "oof", "welp",
    "uwu", "omg", "jk", "smh", "honestly", "tho", "though", "anyway", "anyways",
})
MAX_ASIDES = 3  # "4 tbh lol": a few words; more is a sentence, the writer's words


# A face the patterns above do not name ("._.", ">:(", "~_~", "0_0", "(-_-)", "ಠ_ಠ",
# "¯\_(ツ)_/¯") is still one: marks that are not a sentence's ("...", "?!", "--"), with at
# most three letters, each one faces are drawn with (eyes, mouths: "T_T", "u.u") or from
# another script (kaomoji), and no number ("-4", "/5", "(3)", "#2": a second score, out of,
# or a count); of two marks or more ("___" is a blank to fill); and with an eye or a mouth
# (`_FACE_FEATURES`, or such a letter): "->", "=>", ">=", "<>", "+/-", "&&" are arrows and
# signs between numbers, no face (QA r48: "3 -> 4" was kept as 3 with the note "-> 4")
_FACE_LETTERS = frozenset("DPpOoXxTUuVvWwc03")
_FACE_FEATURES = frozenset("_^:;()")
_FACE_MAX_LETTERS = 3
_SENTENCE_MARKS = frozenset(".,;:!?…'\"‘’“”-–—()[]{}/")
_NUMBER = re.compile(r"[-+~/.,#(\[]*\d+[.,%)\]]*")
_FACE_MAX = 12


@lru_cache(maxsize=1024)  # (asked of each word of a line, up to four times: a long line)
def is_face(piece: str) -> bool:
    """An emoticon (":)", ";-(", "<3", "</3", "._.") or emoji ("🙂"), as one word of a line:
    whatever face the writer draws, so that none is dropped from a score's note."""
    import unicodedata

    if _FACE.fullmatch(piece) is not None:
        return True
    if not any(c.isalnum() for c in piece) and any(
            unicodedata.category(c) == "So" for c in piece):
        return True
    drawn = [c for c in piece if c.isalnum()]
    return (len(set(piece)) >= 2 and len(piece) <= _FACE_MAX
            and len(drawn) <= _FACE_MAX_LETTERS
            and all(c in _FACE_LETTERS or not c.isascii() for c in drawn)
            and not set(piece) <= _SENTENCE_MARKS | set(drawn)
            and any(c in _FACE_FEATURES or c.isalpha() for c in piece)
            and not any(c.isspace() for c in piece) and _NUMBER.fullmatch(piece) is None)


def _is_aside(word: str) -> bool:
    """Whether `word`, typed beside a score, is an aside or a face (`_ASIDES`)."""
    return is_face(word) or word.strip(".,;:!?()").lower().replace("’", "'") in _ASIDES


def _first_word(text: str) -> str:
    words = text.split(maxsplit=1)
    return words[0] if words else ""


@dataclass(frozen=True)
class _ScoreRead:
    score: int
    note: str
    plain: bool  # the score alone, with marks at most ("3", "five!"): no note, hedge or "/5"


def _read_score(text: str) -> _ScoreRead | None:
    """What a line typed at the 1-5 prompt gives (the rule above); None for no score."""
    lead, text = _leading_asides(text)
    pieces = [(m[0].lower(), m.start(), m.end()) for m in _PIECES.finditer(text)]
    at = 0
    while at < len(pieces) and (pieces[at][0] in _HEDGES_BEFORE
                                or (at and set(pieces[at][0]) <= {",", "."})):  # "like, 3"
        at += 1
    hedged = at > 0
    if at >= len(pieces) or (score := _score_piece(pieces[at][0])) is None:
        return None
    word = pieces[at][0]
    end = pieces[at][2]
    rest = pieces[at + 1:]
    if rest and rest[0][1] == end and rest[0][0] in {"ish", *_UNITS}:  # "3ish", "4pts"
        end, rest, hedged = rest[0][2], rest[1:], True
    elif rest and rest[0][1] == end and rest[0][0][0].isalnum():  # "3rd", "5x", "3pm"
        return None
    out_of = _out_of(rest)
    if out_of is None:
        return None  # "8/10", "five out of ten": no score on this scale
    if out_of:
        end, rest = rest[out_of - 1][2], rest[out_of:]
    if len(rest) >= 2 and rest[0][0] == "-" and rest[1][0] == "ish" and rest[0][2] == rest[1][1]:
        end, rest, hedged = rest[1][2], rest[2:], True  # "four-ish"
    if rest and rest[0][0] in _UNITS:  # "3 stars", "3/5 stars"
        end, rest, hedged = rest[0][2], rest[1:], True
    after = text[end:].strip()
    if _second_score(after):
        return None
    note = _note(after, word == "one")
    if note is None:
        return None
    if not any(c.isalnum() for c in note) and not (is_face(_first_word(note))
                                                   or _first_word(note) in _ABOUT):
        note = ""  # "3 - ?": marks alone
    if lead:  # the writer's words: every one typed is kept ("idk maybe 3??": "idk maybe")
        note = " ".join(filter(None, (lead, text[:pieces[at][1]].strip(), note)))
    plain = not (hedged or lead or out_of or note) and set(after) <= _PLAIN_MARKS | {" "}
    return _ScoreRead(score, note, plain)


def _leading_asides(text: str) -> tuple[str, str]:
    """The faces and asides typed before the score ("🙂 3", "idk, 3", "lol idk 4": up to
    `MAX_ASIDES`), without the mark that ends them, and the rest of the line."""
    words = text.split()
    lead = 0
    while lead < min(len(words) - 1, MAX_ASIDES) and _is_aside(words[lead]):
        lead += 1
    if not lead:
        return "", text
    asides = " ".join(words[:lead])
    if not is_face(words[lead - 1]):
        asides = asides.rstrip(",;:")
    return asides, text.split(maxsplit=lead)[lead]


def _score_piece(piece: str) -> int | None:
    if piece.isdecimal():
        digits = piece.lstrip("0")  # (int() of thousands of digits fails: length first)
        return int(digits) if len(digits) == 1 and int(digits) in SCALE else None
    return _SCORE_WORDS.get(piece)


def _out_of(rest: list[tuple[str, int, int]]) -> int | None:
    """How many pieces say "out of 5" ("/5", "of 5", "out of 5"): 0 for none, None for out
    of another number ("/10", "out of ten")."""
    words = [piece for piece, _, _ in rest[:3]]
    for opening in (["/"], ["of"], ["out", "of"], ["outta"]):
        if words[:len(opening)] == opening and len(words) > len(opening):
            of = words[len(opening)]
            if of.isdecimal() or of in _NUMBER_WORDS:
                five = of.lstrip("0") == "5" or of == "five"
                return len(opening) + 1 if five else None
    return 0


def _second_score(after: str) -> bool:
    """Whether another number follows the words `after` a score, past marks, faces and joining
    words ("-4", ", maybe four", " and a half", ".5", "-> 4", ":) 4"): two scores, a range or
    a half, to ask again. A face is passed as a whole word, its drawing no number ("3 <3",
    "3? 0_0", "3 </3"); but nothing between two numbers makes them one score (QA r48)."""
    for word in after.split():
        if is_face(word):
            continue
        for piece in _PIECES.findall(word.lower()):
            if piece.isdecimal() or piece in _NUMBER_WORDS:
                return True
            if piece[0].isalnum() and piece not in _JOINING:
                return False
    return False


def _note(after: str, one: bool) -> str | None:
    """The note the words after a score give: "" for none (marks or a hedge alone), the words
    after a mark or a note's opening word, a face; None if they are not a note."""
    if is_face(_first_word(after)):
        return after  # "3 :)", "3 :( because"
    faced = any(is_face(word) for word in after.split())  # "3... :)", "3?? :(": kept
    if not faced and set(after) <= _PLAIN_MARKS | {" "}:
        return ""
    if not faced and all(w.strip(".;:!?()").lower() in _HEDGES_AFTER
                         for w in after.replace(",", " ").split() if w.strip(".;:!?()")):
        return ""  # "3 or so", "3, maybe", "four-ish?", "3 (ish)"
    marks = len(after) - len(after.lstrip("".join(_PLAIN_MARKS)))
    if marks:  # "4: they did", "five! because"
        return after[marks:].strip()
    mark, _, words = after.partition(" ")
    if mark in _ABOUT:
        return after  # "3 +/-", "3 +/- because tired"
    if _ARROW.fullmatch(mark):
        return words.strip()  # "3 -> better than last time", "3 - not yet", "3 =>"
    dashed = after.lstrip("".join(_DASHES))
    if dashed != after and (dashed[:1].isspace() or not after.startswith("-")):
        return dashed.strip()  # "2 - not yet", "2—not yet" (not "5-minute")
    if after.startswith("("):
        return after
    first = _first_word(after).rstrip(".,;:!?").lower().replace("’", "'")
    if one:  # "one thing I noticed": words
        return None
    if first in _NOTE_OPENERS or (
        len(after.split()) == 1 and not after.startswith("-") and first not in _COUNTED
    ):
        return after  # "4 because…", "4 lol", "3 dunno" (not "5-minute", "2 mins")
    if len(after.split()) <= MAX_ASIDES and all(_is_aside(w) for w in after.split()):
        return after  # "4 tbh lol", "3 meh :/"
    return None


# what a number before it counts, not scores ("1 sec", "2 mins", "3 ppl"): the writer's words
_COUNTED = frozenset({
    "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour",
    "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "time", "times",
    "person", "people", "ppl", "kid", "kids", "child", "children", "men", "women", "patients",
    "clients", "staff", "calls", "visits", "sessions", "groups", "shifts", "cups", "pounds",
})


def score_and_words(text: str) -> tuple[int, str] | None:
    """The score a line typed at the 1-5 prompt gives, and the words after it (the writer's
    note, never dropped); None if it gives no score."""
    read = _read_score(text)
    return None if read is None else (read.score, read.note)


def bare_score(text: str) -> int | None:
    """The score a line typed at the 1-5 prompt is, alone: "3", "03", "three", or with a
    mark after it, "3.", "Five." or "five!" (not "3.5", "3/5" or "about 3"); None if not."""
    read = _read_score(text)
    return read.score if read is not None and read.plain else None


def tried_a_score(text: str) -> bool:
    """Whether a line typed at the 1-5 prompt that gives no score is only a score tried
    ("four or five", "3.5", "five out of ten", "six or seven"): an answer to ask again, whose
    words are not a note (the answer typed next replaces it). A line with any other word ("10
    people came to group", "2026 was hard", "they asked me to", "about half") is the writer's
    words: kept for the note, as words typed before a score always were."""
    pieces = [m[0].lower() for m in _PIECES.finditer(text)]
    return any(p.isdecimal() or (p in _NUMBER_WORDS and p not in _HALF) for p in pieces) and all(
        p.isdecimal() or p in _NUMBER_WORDS or p in _TRIED
        or (not p[0].isalnum() and not is_face(p)) for p in pieces
    ) and not any(is_face(word) for word in text.split())  # ("3.5 ^_^": a face, kept)


def typed_score(text: str) -> tuple[int, str] | None:
    """The score and note a line typed at the 1-5 prompt gives, as Enter reads it and Ctrl-C
    keeps it; None for no score."""
    return score_and_words(text)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return repr(value).lower()
    if isinstance(value, str):
        return "text" if value.strip() else "empty text"
    return "a list" if isinstance(value, list) else "a table"


def check_note(text: str, where: str = "") -> str:
    """A note as stored: outer whitespace trimmed, one kind of newline, at most MAX_NOTE_CHARS
    characters; NUL bytes and text that is not UTF-8 are refused as for an entry
    (`entry.clean_text`). `where` ("answers.json: voice") starts any error."""
    from peerjournal.entry import after_prefix, clean_text

    prefix = f"{where}: " if where else ""
    try:
        note = clean_text(text)
    except PeerJournalError as exc:
        message = after_prefix(where, exc.message) if where else exc.message
        raise PeerJournalError(message) from None
    if len(note) > MAX_NOTE_CHARS:
        raise PeerJournalError(
            f"{prefix}the note is {len(note):,} characters; a note holds up to "
            f"{MAX_NOTE_CHARS:,} (a longer reflection fits in an entry: `peerjournal write`)."
        )
    return note


def parse_answers(data: Mapping[str, Any], form: Form, source: str = "answers") -> Answers:
    """Answers from a mapping of item id -> 1-5 (or -> {score, note}); refuses unknown items."""
    known = {i.id for i in form.items}
    answers: Answers = {}
    for item_id, value in data.items():
        if item_id not in known:
            raise PeerJournalError(
                f"{source}: no self-check item {item_id!r} (see `peerjournal supervision check "
                "--list-items`)."
            )
        note: Any = ""
        if isinstance(value, dict):
            extra = set(value) - {"score", "note"}
            if extra:
                raise PeerJournalError(f"{source}: {item_id}: unknown key {sorted(extra)[0]!r}.")
            note = value.get("note", "")
            value = value.get("score")
        if not isinstance(note, str):
            raise PeerJournalError(f"{source}: {item_id}: the note should be text.")
        try:
            score = check_score(value, item_id)
        except PeerJournalError as exc:
            raise PeerJournalError(f"{source}: {exc.message}") from None
        answers[item_id] = Answer(score, check_note(note, f"{source}: {item_id}"))
    return answers


def parse_answers_text(raw: str, name: str, suffix: str, form: Form) -> Answers:
    """Answers in TOML or JSON text, told apart by what it holds (`_parse_toml_or_json`);
    `name` starts every error, `suffix` (".toml", ".json", or "") names the format of text
    that is neither."""
    from peerjournal.config import HUGE_NUMBER

    try:
        data = _parse_toml_or_json(raw, name, suffix.lower())
    except KeyGivenTwice as exc:  # (TOML refuses a key given twice itself)
        if exc.key in {i.id for i in form.items}:
            problem = f"item {exc.key!r} is answered twice; keep one of its answers"
        else:
            problem = f"{exc.key!r} is given twice; give it once"
        raise PeerJournalError(f"{name}: {problem}.") from None
    except (RecursionError, ValueError) as exc:  # (tomllib and json both let them through;
        # a ValueError other than KeyGivenTwice is a number Python will not read)
        kind = {".toml": "TOML", ".json": "JSON"}.get(suffix.lower(), "TOML or JSON")
        problem = "nested too deeply" if isinstance(exc, RecursionError) else HUGE_NUMBER
        raise PeerJournalError(f"{name}: not valid {kind} ({problem}).") from None
    if not isinstance(data, dict):
        raise PeerJournalError(f"{name}: should map item ids to answers from 1 to 5.")
    return parse_answers(data, form, name)


def _json(raw: str) -> Any:
    """JSON answers, a key given twice refused (`KeyGivenTwice`), as TOML refuses one: of
    `{"story": 3, "story": 4}`, which the writer meant is not for peerjournal to guess."""
    return json.loads(raw, object_pairs_hook=unique_keys)


def _parse_toml_or_json(raw: str, name: str, suffix: str) -> Any:
    """JSON when the text opens with "{" (no TOML document does) or is a JSON list (refused
    after as not answers; "[story]" opening a TOML table is not JSON), else TOML, else any
    other JSON value: whatever the file is called, as a .toml file holding JSON is read as
    JSON. Text that is neither is named by the suffix."""
    opening = raw.lstrip()[:1]
    if opening in ("{", "["):  # ('["story"]' is JSON, and a TOML table of nothing)
        try:
            return _json(raw)
        except json.JSONDecodeError as exc:
            if opening == "{":
                raise PeerJournalError(f"{name}: not valid JSON ({exc}).") from None
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        toml_error = exc
        key = _toml_key_twice(raw, str(exc))
        if key is not None:
            raise KeyGivenTwice(key) from None
    try:
        return _json(raw)
    except json.JSONDecodeError as exc:
        if suffix == ".json":
            raise PeerJournalError(f"{name}: not valid JSON ({exc}).") from None
    kind = "TOML" if suffix == ".toml" else "TOML or JSON"
    raise PeerJournalError(f"{name}: not valid {kind} ({toml_error}).") from None


# What tomllib says of a key given twice ("story = 3" then "story = 4"; a table "[story]"
# twice, or one for a key already given), and where
_TWICE = re.compile(r"Cannot (?:overwrite a value|declare .* twice|mutate .*) "
                    r"\(at (?:line (\d+)|end of document)")
_KEY = r"""(?:"([^"\\]*)"|'([^']*)'|([\w-]+))"""
_HEADER = re.compile(rf"\s*\[\[?\s*{_KEY}")  # a table's header: "[story]", "[[story]]"
_KEY_LINE = re.compile(rf"\s*{_KEY}\s*[.=]")  # "story = 3", "story.score = 3"


def _toml_key_twice(raw: str, error: str) -> str | None:
    """The top-level key (an item's id) that tomllib's `error` says the TOML `raw` gives
    twice: of the header of the table the line it names is in, else the first on that line.
    None for any other error, or a line not read so (a key inside a multi-line value)."""
    twice = _TWICE.match(error)
    if twice is None:
        return None
    lines = raw.splitlines()
    at = int(twice[1]) if twice[1] else len(raw.rstrip().splitlines())
    if not 0 < at <= len(lines):
        return None
    header = next((h for line in reversed(lines[:at]) if (h := _HEADER.match(line))), None)
    found = header or _KEY_LINE.match(lines[at - 1])
    return None if found is None else next(k for k in found.groups() if k is not None)


def is_item_id(value: str) -> bool:
    """Whether `value` has the shape of a self-check item id (lower-case letters, digits, _)."""
    return _ID.fullmatch(value) is not None


def answers_to_json(answers: Answers) -> dict[str, dict[str, Any]]:
    return {k: v.to_json() for k, v in answers.items()}


def answers_from_json(data: Mapping[str, Any]) -> Answers:
    """Stored answers back to values; entries that are not a valid answer are skipped."""
    answers: Answers = {}
    for item_id, value in data.items():
        if isinstance(value, dict) and value.get("score") in SCALE:
            answers[str(item_id)] = Answer(int(value["score"]), str(value.get("note", "")))
    return answers


@dataclass(frozen=True)
class SelfCheck:
    id: int
    created_at: datetime
    answers: Answers
    complete: bool

    def to_json(self, form: Form) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "complete": self.complete,
            "answered": len(self.answers),
            "items": len(form.items),
            "missing": [i.id for i in form.items if i.id not in self.answers],
            "answers": {
                i.id: {**self.answers[i.id].to_json(), "section": i.section, "text": i.text}
                for i in form.items
                if i.id in self.answers
            },
        }


def check_to_json(
    check: SelfCheck | None, form: Form, moved: Sequence[Movement] = ()
) -> dict[str, Any]:
    """What `supervision check --json` prints, finished or not: the check as stored, the items
    still to answer, and what moved since the previous check-in. With no check stored (stopped
    before the first answer) the same keys, with `id` and `created_at` null."""
    if check is None:
        data: dict[str, Any] = {
            "id": None,
            "created_at": None,
            "complete": False,
            "answered": 0,
            "items": len(form.items),
            "missing": [i.id for i in form.items],
            "answers": {},
        }
    else:
        data = check.to_json(form)
    data["moved"] = [movement_to_json(m) for m in moved]
    return data


Ask = Callable[[Item, int, int], Answer | None]
Save = Callable[[Answers, bool], None]


def run_check(
    items: Sequence[Item], answers: Answers, ask: Ask, save: Save
) -> tuple[Answers, bool]:
    """Ask each unanswered item in turn, saving after every answer.

    `ask(item, position, total)` returns an answer, or None when the writer stops for now.
    Saving after each answer is what keeps them through Ctrl-C or a crash.
    Returns the answers and whether every item is answered.
    """
    answers = dict(answers)
    for position, item in enumerate(items, start=1):
        if item.id in answers:
            continue
        answer = ask(item, position, len(items))
        if answer is None:
            break
        answers[item.id] = answer
        save(answers, all(i.id in answers for i in items))
    return answers, all(i.id in answers for i in items)


@dataclass(frozen=True)
class Movement:
    item: Item
    before: int
    after: int

    @property
    def change(self) -> int:
        return self.after - self.before


def movement_to_json(m: Movement) -> dict[str, Any]:
    return {"id": m.item.id, "text": m.item.text, "before": m.before, "after": m.after}


def movements(before: SelfCheck, after: SelfCheck, items: Sequence[Item]) -> list[Movement]:
    """Items answered in both checks whose answer changed, biggest drop first."""
    moved = [
        Movement(i, before.answers[i.id].score, after.answers[i.id].score)
        for i in items
        if i.id in before.answers
        and i.id in after.answers
        and before.answers[i.id].score != after.answers[i.id].score
    ]
    return sorted(moved, key=lambda m: (m.change >= 0, -abs(m.change)))


# --------------------------------------------------------------------------- history


@dataclass(frozen=True)
class SupervisionRecord:
    id: int
    date: date
    note: str
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "note": self.note,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class ItemHistory:
    item: Item
    scores: tuple[int | None, ...]  # one per check-in, None where it was not answered

    @property
    def first(self) -> int | None:
        return next((s for s in self.scores if s is not None), None)

    @property
    def last(self) -> int | None:
        return next((s for s in reversed(self.scores) if s is not None), None)

    @property
    def change(self) -> int | None:
        """Last answer minus first answer; None with fewer than two answers."""
        answered = [s for s in self.scores if s is not None]
        return answered[-1] - answered[0] if len(answered) >= 2 else None


@dataclass(frozen=True)
class History:
    checks: tuple[SelfCheck, ...]  # complete check-ins, oldest first
    items: tuple[ItemHistory, ...]
    supervisions: tuple[SupervisionRecord, ...]  # oldest first
    unfinished: SelfCheck | None = None  # the one `supervision check` carries on with
    # the other unfinished ones (a restored backup can bring some), newest first: the order
    # `supervision check` offers them in once the one before is finished
    older_unfinished: tuple[SelfCheck, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "check_ins": [
                {"id": c.id, "created_at": c.created_at.isoformat()} for c in self.checks
            ],
            "unfinished": self._stopped(self.unfinished) if self.unfinished else None,
            "older_unfinished": [self._stopped(c) for c in self.older_unfinished],
            "items": [
                {
                    "id": h.item.id,
                    "section": h.item.section,
                    "text": h.item.text,
                    "scores": list(h.scores),
                    "change": h.change,
                }
                for h in self.items
            ],
            "supervisions": [s.to_json() for s in self.supervisions],
        }

    def _stopped(self, check: SelfCheck) -> dict[str, Any]:
        """An unfinished check in `to_json`."""
        return {
            "id": check.id,
            "started": check.created_at.isoformat(),
            "answered": len(check.answers),
            "items": len(self.items),
        }


def chosen_supervision(
    supervisions: Sequence[SupervisionRecord], wanted: int | None
) -> SupervisionRecord:
    """The record `supervision undo` removes: the one with ID `wanted`, else the last one
    recorded (the highest ID: what a mistaken `done` has just added, whatever its date)."""
    if not supervisions:
        raise NotFoundError("No supervision is recorded: there is nothing to undo.")
    if wanted is None:
        return max(supervisions, key=lambda s: s.id)
    for record in supervisions:
        if record.id == wanted:
            return record
    raise NotFoundError(
        f"There is no supervision {wanted}: `peerjournal supervision history` lists them "
        "with their IDs."
    )


def build_history(
    form: Form, checks: Iterable[SelfCheck], supervisions: Iterable[SupervisionRecord]
) -> History:
    """How each item moved across complete check-ins; the unfinished one `supervision check`
    carries on with (the newest), and any older ones (see `History.older_unfinished`)."""
    checks = sorted(checks, key=lambda c: (c.created_at, c.id))
    done = tuple(c for c in checks if c.complete)
    stopped = [c for c in checks if not c.complete]
    items = tuple(
        ItemHistory(
            item,
            tuple(c.answers[item.id].score if item.id in c.answers else None for c in done),
        )
        for item in form.items
    )
    return History(
        done,
        items,
        tuple(sorted(supervisions, key=lambda s: (s.date, s.id))),
        stopped[-1] if stopped else None,
        tuple(reversed(stopped[:-1])),
    )


# --------------------------------------------------------------------------- prep: the window


@dataclass(frozen=True)
class Window:
    since: date
    until: date
    basis: str  # "since" (chosen), "supervision" (the last one recorded) or "default"
    supervision: SupervisionRecord | None = None

    def describe(self) -> str:
        if self.basis == "supervision" and self.supervision is not None:
            return f"since your last supervision on {spoken(self.supervision.date)}"
        if self.basis == "since":
            return f"since {spoken(self.since)}"
        return f"the last {RECENT_WEEKS} weeks (no supervision recorded yet)"

    def dates(self) -> str:
        """"13 Nov 2026 to 6 Dec 2026", one day once: "20 Nov 2026"."""
        if self.since == self.until:
            return spoken(self.since)
        return f"{spoken(self.since)} to {spoken(self.until)}"

    def start_words(self) -> str:
        """How prep names the period in its own sentences, when its dates alone would say more
        than it counts: "since your supervision on 13 Nov 2026" (entries of that day written
        before the supervision count in the period before, so the same numbers are not "from
        13 Nov" in a report); "" for a period that is its dates."""
        record = self.supervision
        if self.basis != "supervision" or record is None:
            return ""
        return f"since your supervision on {spoken(record.date)}"

    def reworded(self, alert: str) -> str:
        """A report alert said of this period (`trends._dates`: "from 13 Nov to 6 Dec 2026")
        with its start as prep counts it (`start_words`): "Advice came up more since
        your supervision on 13 Nov 2026 than from 20 Oct to 12 Nov 2026 (…)"."""
        words = self.start_words()
        if not words:
            return alert
        said = dates_phrase((self.since, self.until))
        alert = alert.replace(said, words)
        return alert.replace(said[:1].upper() + said[1:], words[:1].upper() + words[1:])

    def holds(self, entry: EntryFacts) -> bool:
        """Whether `entry` is since the supervision the window starts from: dated after its
        day, or on that day and written after the supervision: on a later day, or that day
        after the supervision was recorded (one written earlier that day was most likely
        talked about in it). A supervision records only its day, so the moment it was
        recorded is the best guess of when it was over on that day; one recorded days later
        (`done -d 'last friday'`) was over by the end of its day."""
        return self.after_supervision(entry.date, entry.created_at)

    def after_supervision(self, day: date, created_at: datetime | None) -> bool:
        """`holds` for something of `day` written at `created_at` (an entry, a self-check)."""
        record = self.supervision
        if self.basis != "supervision" or record is None or day > record.date:
            return True
        if created_at is None:
            return False
        if day == record.date and local_day(created_at) > record.date:
            return True
        return _zoned(created_at) > _zoned(record.created_at)

    def kept(self, entries: Iterable[EntryFacts]) -> list[EntryFacts]:
        """The entries the window holds (`holds`), in their order."""
        return [e for e in entries if self.holds(e)]


def _zoned(moment: datetime) -> datetime:
    """`moment` with a zone, to compare it with another: one without a zone is local time (UTC
    where the local zone cannot hold it). Moments with zones compare as instants without
    being converted, which overflows at the calendar's first or last hour (a restored
    backup can hold a stamp of 9999-12-31T23:00-05:00 or 0001-01-01T00:00+05:00)."""
    if moment.tzinfo is not None:
        return moment
    try:
        return moment.astimezone()
    except (OverflowError, OSError, ValueError):
        return moment.replace(tzinfo=UTC)


def prep_window(
    today: date, since: date | None, supervisions: Sequence[SupervisionRecord]
) -> Window:
    """The period a prep covers: --since, else from the last supervision's day, else the last
    4 weeks as export counts them (`dates.recent_weeks`), so the two cover the same days
    (`cli.supervision._next_prep` widens that to a young journal's whole).

    The supervision's own day is split at the supervision (`Window.holds`): an entry written
    that evening, after it was recorded, is of the period; one written earlier that day counts
    in the period before (`carry_window`, `cli.supervision._trend`).
    """
    if since is not None:
        if since > today:
            raise PeerJournalError(f"--since {since.isoformat()} is in the future.")
        return Window(since, today, "since")
    past = [s for s in supervisions if s.date <= today]
    if past:
        last = latest_supervision(past)
        return Window(last.date, today, "supervision", last)
    return Window(*recent_weeks(today), "default")


def latest_supervision(supervisions: Sequence[SupervisionRecord]) -> SupervisionRecord:
    """The supervision prep starts from: of the last day, the latest moment (a time given to
    `done --date`, else when it was recorded), then the last recorded."""
    return max(supervisions, key=_supervision_order)


def _supervision_order(record: SupervisionRecord) -> tuple[date, datetime, int]:
    return record.date, supervision_moment(record), record.id


def supervision_moment(record: SupervisionRecord) -> datetime:
    """When `record`'s supervision counts as over (`Window.holds`): the time given to `done
    --date`, else when it was recorded; with a zone, to compare."""
    return _zoned(record.created_at)


# How far back prep looks for plans of the periods before the current one (which of those it
# quotes is `follow_intentions`'s rule): the CARRY_PERIODS periods before it (with monthly
# supervision, about two months), and never more than CARRY_WEEKS before it began, however
# long the gap between two supervisions (a year's plans would be a list nobody reads the night
# before). A plan older than that was most likely talked about or let go.
CARRY_PERIODS = 2
CARRY_WEEKS = 12


def carry_window(window: Window, supervisions: Sequence[SupervisionRecord]) -> Window | None:
    """The span of the CARRY_PERIODS periods before `window` (to its start), from the
    supervision that began the earliest, or, before the first supervision, from the weeks a
    prep made then covered (`recent_weeks`); at most CARRY_WEEKS before `window`. None for a
    window not from a supervision: one chosen with --since is the writer's own, and with none
    recorded there is no period before. A period is a day's: two supervisions recorded on one
    day (the second by mistake) begin one period, from the later, as `prep_window` counts.

    An entry of the supervision's day written before it belongs to the period before
    (`Window.holds`): with the entries of that span the window does not hold, every entry is
    in a period."""
    record = window.supervision
    if window.basis != "supervision" or record is None:
        return None
    days = {s.date: s for s in sorted(supervisions, key=_supervision_order)
            if s.date < record.date}
    starts = sorted(days.values(), key=lambda s: s.date)
    if len(starts) >= CARRY_PERIODS:
        start = starts[-CARRY_PERIODS]
        carry = Window(start.date, window.since, "supervision", start)
    else:
        carry = Window(recent_weeks((starts or [record])[0].date)[0], window.since, "default")
    floor = window.since - timedelta(weeks=CARRY_WEEKS)
    return carry if carry.since >= floor else Window(floor, window.since, "default")


def carried_entries(
    window: Window, carry: Window | None, dated: Iterable[EntryFacts]
) -> list[EntryFacts]:
    """Of the entries `dated` in `carry`'s days, those of the periods before `window`."""
    if carry is None:
        return []
    return [e for e in dated if carry.holds(e) and not window.holds(e)]


# --------------------------------------------------------------------------- prep: entries


@dataclass(frozen=True)
class EntryFacts:
    """What prep needs from one entry (the store's Entry plus its stored drift dict)."""

    id: int
    date: date
    setting: str
    tags: tuple[str, ...]
    shared: bool
    experience: str
    feelings: str
    evaluation: str
    self_care: str
    drift: Mapping[str, Any] | None = None
    # answers to the prompt set's questions, (element, question, answer), in element order:
    # stored apart from the element text, they belong to it
    prompt_answers: tuple[tuple[str, str, str], ...] = ()
    created_at: datetime | None = None  # when it was written (None: not known)

    @property
    def text(self) -> str:
        parts = (self.experience, self.feelings, self.evaluation,
                 *(answer for _, _, answer in self.prompt_answers))
        return "\n\n".join(p for p in parts if p)

    def answers_to(self, element: str) -> list[tuple[str, str]]:
        """(question, answer) pairs for one element's questions."""
        return [(q, a) for placed, q, a in self.prompt_answers if placed == element]

    @classmethod
    def from_entry(
        cls, entry: Entry, drift: Mapping[str, Any] | None = None, layout: Layout | None = None
    ) -> EntryFacts:
        """The facts of a stored entry; `layout` (reflection.answer_layout of its prompt set)
        places its answers; without it they all count as Evaluation's."""
        return cls(
            id=entry.id,
            date=entry.date,
            setting=entry.setting,
            tags=tuple(entry.tags),
            shared=entry.shared,
            experience=entry.experience,
            feelings=entry.feelings,
            evaluation=entry.evaluation,
            self_care=entry.self_care,
            drift=drift,
            prompt_answers=tuple(
                (element, question, answer)
                for element in ELEMENTS
                for question, answer in element_answers(entry.answers, layout or {}, element)
            ),
            # an Entry built without one has datetime.min: not a moment to compare
            created_at=entry.created_at if entry.created_at != datetime.min else None,
        )

    @property
    def order(self) -> tuple[Day, int]:
        return (self.date, self.id)


@dataclass(frozen=True)
class Phrase:
    """A drift phrase of one entry, listed once however often the entry uses it."""

    text: str  # as first written
    dimension: str
    self_noticed: bool  # any of its occurrences
    count: int = 1  # the counted hits it stands for
    # an identity marker the writer negated, so it counted as drift ("didn't | share my story")
    negated: bool = False


@dataclass(frozen=True)
class DriftEvidence:
    entry: EntryFacts
    phrases: tuple[Phrase, ...]  # each phrase once, in order of first appearance
    rate: float  # drift evidence per 100 words, as stored

    @property
    def hits(self) -> int:
        """The counted drift hits behind the phrases: "you should" twice is two."""
        return sum(p.count for p in self.phrases)


def drift_phrases(drift: Mapping[str, Any] | None) -> tuple[Phrase, ...]:
    """The counted drift hits of a stored score (others' words and hypotheticals are not),
    each phrase once with how often it was counted. Hits are the same phrase when their text
    matches ignoring case and surrounding whitespace, in the same dimension, and both or
    neither are negated (a negated identity marker counts as drift: "didn't share my story").

    Learned markers are left out, as in the mentor summary: a learned word ("nurses",
    "Gave a") only leans one way by weight, and is no phrase to bring to supervision.
    """
    merged: dict[tuple[str, str, bool], Phrase] = {}  # in order of first appearance
    for h in filter(_is_phrase_hit, (drift or {}).get("hits", [])):
        text, dimension = str(h.get("text", "")), str(h.get("dimension", ""))
        noticed, negated = bool(h.get("self_noticed")), bool(h.get("negated"))
        key = (text.strip().casefold(), dimension, negated)
        first = merged.get(key)
        merged[key] = (
            Phrase(text, dimension, noticed, negated=negated)
            if first is None
            else replace(first, self_noticed=first.self_noticed or noticed, count=first.count + 1)
        )
    return tuple(merged.values())


def _is_phrase_hit(hit: Mapping[str, Any]) -> bool:
    return (
        hit.get("polarity") == "drift"
        and bool(hit.get("counted"))
        and not is_learned_marker(str(hit.get("marker", "")))
    )


def most_drift_evidence(entries: Iterable[EntryFacts], limit: int = 3) -> list[DriftEvidence]:
    """Entries with the most counted drift hits, a phrase used twice counting twice (ties:
    higher rate, then most recent)."""
    found = [
        DriftEvidence(e, phrases, float((e.drift or {}).get("drift", 0.0)))
        for e in entries
        if (phrases := drift_phrases(e.drift))
    ]
    found.sort(key=lambda d: (d.hits, d.rate, d.entry.order), reverse=True)
    return found[:limit]


def brought_entries(entries: Iterable[EntryFacts]) -> list[EntryFacts]:
    """Entries the writer tagged `supervision` or marked as shared, oldest first."""
    return sorted(
        (e for e in entries if e.shared or SUPERVISION_TAG in e.tags), key=lambda e: e.order
    )


def self_care_notes(entries: Iterable[EntryFacts]) -> list[EntryFacts]:
    return sorted((e for e in entries if e.self_care.strip()), key=lambda e: e.order)


# --------------------------------------------------------------------------- prep: intentions

# Small, explainable follow-up rule: a later entry "comes back" to an intention when its text,
# leaving out its own intentions (saying a plan again is no follow-up: `said_again_in`) unless
# one tells a deed of the plan, its verb in the past tense (`_deeds`: "I asked the nurse about
# obs, and I will keep asking" for "I will ask the nurse…") or "as planned", shares at least
# FOLLOW_UP_MIN_SHARED content-word stems with it (all of them, if the intention has fewer),
# one of them specific to the intention: not an everyday word (EVERYDAY: "ask" and "said"
# alone are no follow-up), nor a word of the writer's setting (SETTING: "ward", "nurse"; the
# entries' own settings; a word in most of the entries read: `common_stems`) nor a listed
# person's name, and names one of the listed people the intention names, if any. An
# intention with no specific word ("talk to Kerry about the group", "visit Hope at home")
# needs FOLLOW_UP_PLAIN_SHARED of its words instead (all, if it has fewer), one of them more
# than an everyday word: the words of the plan together, not one of its setting's words met
# in passing. Stems: lower-case words of 3+ letters, minus stopwords, with a few common
# English endings removed (supporting/supported/supports -> support).
FOLLOW_UP_MIN_SHARED = 2
FOLLOW_UP_PLAIN_SHARED = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")  # letters of any alphabet (Zoë)
_ENDINGS = ("ingly", "ing", "edly", "ed", "ies", "es", "ly", "s")
_STOPWORD_TEXT = """
    about above after again against all also and any are aren't because been before being
    below between both but can can't cannot could couldn't did didn't does doesn't doing
    don't down during each even ever every few for from further get got had hadn't has
    hasn't have haven't having her here hers herself him himself his how i'd i'll i'm i've
    into isn't it's its itself just let's like maybe more most much must my myself next nor
    not now off once only other ought our ours ourselves out over own perhaps really same
    she she'd she'll she's should shouldn't some such than that that's the their theirs them
    themselves then there there's these they they'd they'll they're they've this those
    through time too try under until very want was wasn't we'd we'll we're we've were
    weren't what what's when where which while who whom why will with won't would wouldn't
    you you'd you'll you're you've your yours yourself differently future going forward plan
    planning need able things thing way day today tomorrow lot make sure again later instead
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)] + ("y" if ending == "ies" else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


# Everyday verbs and words: shared, they count, but a later entry sharing only these ("ask",
# "said") has not come back to anything.
_EVERYDAY_TEXT = """
    ask asks asked say says said tell tells told talk talks talked speak speaks spoke spoken
    think thinks thought feel feels felt know knows knew see sees saw seen come comes came go
    goes went gone take takes took taken give gives gave given keep keeps kept put puts look
    looks looked use uses used call calls called find finds found seem seems seemed try tries
    tried bring brings brought back bit little someone something anything everyone everything
    anyone week weeks first last one two yes yeah okay well good
"""
EVERYDAY = frozenset(stem(word) for word in _EVERYDAY_TEXT.split())

# Words of where peer support happens and who is there: every entry of a placement has some
# ("Ward.", "the nurse asked me"), so sharing one is no sign of coming back to a plan.
_SETTING_TEXT = """
    ward wards bay unit hospital clinic service services team teams staff shift shifts
    nurse nurses doctor doctors manager managers colleague colleagues patient patients client
    clients resident residents member members worker workers role roles handover handovers
    office building site placement group groups session sessions meeting meetings drop
    people person community inpatient outpatient visit visits home
"""
SETTING = frozenset(stem(word) for word in _SETTING_TEXT.split())
# A word in at least this share of the entries read (and in COMMON_MIN_ENTRIES of them) is of
# the writer's days, not of one plan: half, so a topic followed up in a few entries stays its own
COMMON_SHARE = 0.5
COMMON_MIN_ENTRIES = 4


def content_stems(text: str) -> dict[str, str]:
    """Stem -> the first word in `text` that gave it (for showing which words matched)."""
    stems: dict[str, str] = {}
    for word in _WORD.findall(text.lower().replace("’", "'")):
        if len(word) >= 3 and word not in STOPWORDS and (root := stem(word)) not in STOPWORDS:
            stems.setdefault(root, word)
    return stems


@dataclass(frozen=True)
class Intention:
    entry: EntryFacts
    text: str
    came_back_in: EntryFacts | None  # the first later entry that returned to it
    shared_words: tuple[str, ...]
    # the first later entry that only says the plan again (none that came back to it first)
    said_again_in: EntryFacts | None = None
    # written before the period (`carry_window`), listed as `follow_intentions` says
    carried: bool = False
    # the earlier entries that wrote the same words (listed once, as of the latest: `entry`)
    also_in: tuple[EntryFacts, ...] = ()


def common_stems(
    entries: Sequence[EntryFacts], stems: Mapping[int, Mapping[str, str]] | None = None
) -> frozenset[str]:
    """Stems no follow-up rests on (see the rule above): SETTING, the entries' settings, and
    words in at least COMMON_SHARE of `entries` (and COMMON_MIN_ENTRIES of them); `stems`:
    each entry's `content_stems`, by ID, if known."""
    counts: dict[str, int] = {}
    for entry in entries:
        for root in stems[entry.id] if stems else content_stems(entry.text):
            counts[root] = counts.get(root, 0) + 1
    floor = max(COMMON_MIN_ENTRIES, COMMON_SHARE * len(entries))
    settings = {root for e in entries for root in content_stems(e.setting)}
    return SETTING | settings | {root for root, n in counts.items() if n >= floor}


def _without(text: str, lines: Sequence[str]) -> str:
    """`text` with each of its intention `lines` taken out (as `evaluation_intentions` gives
    them: spaces made single, a long one cut short with "…")."""
    text = " ".join(text.split())
    for line in lines:
        text = text.replace(line.removesuffix("…"), " ")
    return text


# A deed the writer tells in the past tense, opening the sentence or after "I"/"we" ("Asked the
# nurse…", "I finally rested…"): its verb ends in "-ed" or is one of these, read as its plain form
_IRREGULAR_PAST = {
    "told": "tell", "said": "say", "spoke": "speak", "went": "go", "gave": "give",
    "took": "take", "kept": "keep", "brought": "bring", "found": "find", "saw": "see",
    "met": "meet", "made": "make", "got": "get", "came": "come", "sent": "send", "rang": "ring",
    "wrote": "write", "left": "leave", "thought": "think", "felt": "feel", "spent": "spend",
}
_DEED = re.compile(r"(?:^|\b(?:i|we)\s+(?:[^\W\d_]+ly\s+)?)([^\W\d_]+)", re.IGNORECASE)
# ... or one that says it did what it planned, whatever the verb
_AS_PLANNED = re.compile(
    r"\b(?:as|like)\s+(?:i\s+)?(?:planned|said i would|promised)\b|\bi did (?:it|that)\b",
    re.IGNORECASE,
)
ANY_DEED = "*"  # in `_deeds`: a deed of whichever plan the sentence shares words with


def _deeds(line: str) -> frozenset[str]:
    """The stems of the verbs an intention `line` tells deeds with in the past tense ("I asked
    the nurse about obs, and I will keep asking": "ask"), with ANY_DEED if it says it did as
    planned: a sentence doing a plan is a follow-up of it, though it says a plan too."""
    found = {ANY_DEED} if _AS_PLANNED.search(line) else set()
    for verb in _DEED.findall(line):
        word = verb.lower()
        plain = _IRREGULAR_PAST.get(word)
        if plain is not None:
            found.add(stem(plain))
        elif word.endswith("ed") and (root := stem(word)) != word:
            found.add(root)
    return frozenset(found)


@dataclass(frozen=True)
class _Plan:
    """An intention's words as the follow-up rule reads them (see the rule above)."""

    wanted: Mapping[str, str]  # stem -> word
    key: frozenset[str]  # the stems one of the shared words must be one of
    need: int  # how many of its stems a follow-up shares
    named: Sequence[set[str]]  # the stems of the listed people it names
    verb: str | None  # the stem of what it says the writer will do ("ask the nurse": "ask")

    @classmethod
    def of(cls, line: str, common: frozenset[str], names: Sequence[set[str]]) -> _Plan:
        wanted = content_stems(line)
        own = frozenset(s for s in wanted if s not in EVERYDAY and s not in common)
        return cls(
            wanted,
            own or frozenset(s for s in wanted if s not in EVERYDAY),
            min(FOLLOW_UP_MIN_SHARED if own else FOLLOW_UP_PLAIN_SHARED, len(wanted)),
            [stems for stems in names if stems & wanted.keys()],
            next(iter(content_stems(after_lead(line))), None),
        )

    def shared(self, there: Mapping[str, str]) -> tuple[str, ...] | None:
        """Its words the stems `there` share, if they come back to it, else None."""
        words = [(s, word) for s, word in self.wanted.items() if s in there]
        if (self.need and len(words) >= self.need and any(s in self.key for s, _ in words)
                and (not self.named or any(p & there.keys() for p in self.named))):
            return tuple(word for _, word in words)
        return None


@dataclass(frozen=True)
class _Read:
    """A later entry as the follow-up rule reads it: its stems leaving out its intentions
    (`doing`), those of its intentions (`said`), and those of each intention telling a deed,
    with the deeds' stems (`acts`)."""

    doing: Mapping[str, str]
    said: Mapping[str, str]
    acts: tuple[tuple[Mapping[str, str], frozenset[str]], ...]

    @classmethod
    def of(cls, entry: EntryFacts, lines: Sequence[str], stems: Mapping[str, str]) -> _Read:
        """`entry`, its intention `lines` and its `stems` (`content_stems` of its text)."""
        if not lines:
            return cls(stems, {}, ())
        return cls(
            content_stems(_without(entry.text, lines)),
            content_stems(" ".join(lines)),
            tuple((content_stems(line), deeds) for line in lines if (deeds := _deeds(line))),
        )

    def doing_of(self, plan: _Plan) -> Mapping[str, str]:
        """`doing`, with the intentions that tell a deed of `plan`: its own verb in the past
        tense ("I need to rest more": "I rested more…", not "I deferred to the team again"
        for "I want to stop deferring to the team"), or "as planned"."""
        told = [stems for stems, deeds in self.acts if ANY_DEED in deeds or plan.verb in deeds]
        return {k: v for m in (*told, self.doing) for k, v in m.items()} if told else self.doing


def follow_intentions(
    entries: Sequence[EntryFacts],
    people: Sequence[str] = (),
    earlier: Sequence[EntryFacts] = (),
    supervision_day: date | None = None,
) -> list[Intention]:
    """Each "what will I do differently" line in the window and the first later entry that
    comes back to it (the rule above; "ask Kerry" is not followed up by an entry about Hope),
    or else the first that says it again. Later = a later date, or the same date and a higher
    ID. A plan written in the same words more than once is listed once, as of its latest
    (`also_in`); written again in the window, it is the window's own.

    The plans of `earlier`, the entries of the periods before (`carried_entries` of
    `carry_window`), were quoted by the prep of the supervision after them, so one is listed
    again (`carried`) only when an entry in the window came back to it (the follow-up is
    news), or when it was written on `supervision_day`, the day of the supervision the window
    starts from, before it (most likely after that supervision's prep), and not picked up
    since. One picked up before the window, or not picked up at all, is not."""
    ordered = sorted([*earlier, *entries], key=lambda e: e.order)
    now = {e.id for e in entries}
    planned = {
        e.id: evaluation_intentions(e.evaluation, e.answers_to("evaluation")) for e in ordered
    }
    stems = {e.id: content_stems(e.text) for e in ordered}
    read = {e.id: _Read.of(e, planned[e.id], stems[e.id]) for e in ordered}
    names = [named for person in people if (named := set(content_stems(person)))]
    common = common_stems(ordered, stems).union(*names)  # a name says who, not what was done
    # each plan's statements by its words, as `intentions` tells repeats: the latest is read
    statements: dict[str, list[tuple[int, int, EntryFacts, str]]] = {}
    for n, entry in enumerate(ordered):
        for at, line in enumerate(planned[entry.id]):
            words = " ".join(line.split()).casefold()
            statements.setdefault(words, []).append((n, at, entry, line))
    found: list[tuple[tuple[int, int], Intention]] = []
    for *before, (n, at, entry, line) in statements.values():
        plan = _Plan.of(line, common, names)
        match: tuple[EntryFacts, tuple[str, ...]] | None = None
        again: EntryFacts | None = None
        for later in ordered[n + 1 :]:
            if (shared := plan.shared(read[later.id].doing_of(plan))) is not None:
                match = (later, shared)
                break
            if again is None and plan.shared(read[later.id].said):
                again = later
        carried = entry.id not in now
        news = match is not None and match[0].id in now
        if carried and not news and (match is not None or entry.date != supervision_day):
            continue  # quoted by an earlier prep, and no entry since came back to it
        found.append(((n, at), Intention(
            entry, line, match[0] if match else None, match[1] if match else (),
            None if match else again, carried, tuple(e for _, _, e, _ in before),
        )))
    return [intention for _, intention in sorted(found, key=lambda f: f[0])]


# --------------------------------------------------------------------------- prep: assembly


@dataclass(frozen=True)
class Question:
    text: str
    reason: str  # why it was chosen, in plain words


@dataclass(frozen=True)
class TrendBrief:
    """The drift report condensed: verdict counts, dimensions that moved, and the alerts."""

    verdicts: dict[str, int]
    # (dimension, change in its rate per 100 words), largest first: drift rose, identity rose
    moved_towards_drift: tuple[tuple[str, float], ...]
    moved_towards_identity: tuple[tuple[str, float], ...]
    alerts: tuple[str, ...]
    lines: tuple[str, ...] = ()  # the window against the one before, in words
    periods: tuple[tuple[str, float | None], ...] = ()  # (week start, drift per 100 words)
    # the starts of weeks whose entries are all "too little" (`report`'s `too_little`): their
    # drift is counted, but read as no balance, as `report` and `list` read them
    thin_weeks: tuple[str, ...] = ()
    # (dimension, change: negative) identity fell, drift fell: said as falls, not as moves
    less_identity: tuple[tuple[str, float], ...] = ()
    less_drift: tuple[tuple[str, float], ...] = ()
    # why nothing is said to have moved though the report was read: too few entries to compare
    too_few: str = ""
    # of the "drift" verdicts, those that are self-doubt alone (`self_doubt_count`)
    self_doubt: int = 0


@dataclass(frozen=True)
class Prep:
    window: Window
    entries: int
    trend: TrendBrief
    most_drift: tuple[DriftEvidence, ...]
    brought: tuple[EntryFacts, ...]
    intentions: tuple[Intention, ...]
    self_care: tuple[EntryFacts, ...]
    check_movements: tuple[Movement, ...]
    last_check: SelfCheck | None
    questions: tuple[Question, ...]
    # the latest check's items answered 1 or 2, the 1s first (`low_answers`)
    low_answers: tuple[tuple[Item, Answer], ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    # a self-check stopped part-way: (when it was started, answers given, items on the form)
    unfinished: tuple[datetime, int, int] | None = None
    # the latest check was made before the period, so before the supervision it starts from:
    # how to say so after its date ("" when it is in the period)
    check_before: str = ""
    # when the journal's entries are dated, if the period holds none of them (said as every
    # command says it: `stats.none_in_window`); None: the journal has none
    journal_dates: Found | None = None
    # entries of the supervision's day written before it was recorded: not of the period, they
    # count in the period before (most likely talked about there); said so beside its count
    left_out: int = 0
    # entries of the supervision's day written after it: of the period (in `entries`); with
    # `left_out`, how `export`, which counts whole days, differs (`Prep.written`)
    after_on_day: int = 0
    # entries in the trash, when the journal has none other: said, as `list` says it
    trashed: int = 0
    # entries dated after today (written where the date was already tomorrow): a period ends
    # today, so they are left out (`cli.report.LeftOut`, said on stderr as `report` says it)
    after_today: int = 0

    def label(self, dimension: str) -> str:
        return self.labels.get(dimension) or dimension.replace("_", " ").capitalize()

    def written(self) -> str:
        """"12 entries written", and, when the supervision's day had entries before it, where
        they count: "… after your supervision (2 written earlier that day count in the period
        before, as in `export --since 2026-11-21`)", or, for a supervision recorded on a later
        day than its own, "(2 written that day, before you recorded it on 20 Nov 2026, count
        …)": what `Window.holds` compared, and the export with the same entries (`_as_export`).
        With none before it, `export --since` the supervision's day has the same entries."""
        text = f"{counted(self.entries, 'entry')} written"
        record = self.window.supervision
        if not self.left_out or record is None:
            return text
        counts = "counts" if self.left_out == 1 else "count"
        recorded = local_day(record.created_at)
        when = (
            f"earlier {'today' if record.date == self.window.until else 'that day'}"
            if recorded <= record.date
            else f"that day, before you recorded it on {spoken(recorded)},"
        )
        where = f"{self.left_out} written {when} {counts} in the period before"
        return f"{text} after your supervision ({where}{self._as_export(record.date)})"

    def _as_export(self, day: date) -> str:
        """How `export`, which counts whole days, gives this period's entries when the
        supervision's `day` had some before it: from the day after, if none was written after
        it that day; else neither, so both are said. "" when the period is that day alone."""
        if day >= self.window.until:
            return ""
        next_day = f"`export --since {(day + timedelta(days=1)).isoformat()}`"
        if not self.after_on_day:
            return f", as in {next_day}"
        whole = counted(self.entries + self.left_out, "entry")
        later = self.entries - self.after_on_day
        return (
            f"; export counts whole days: `export --since {day.isoformat()}` has {whole}, "
            f"{next_day} {counted(later, 'entry') if later else 'no entries'}"
        )


def verdict_counts(entries: Iterable[EntryFacts]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in entries:
        verdict = str((e.drift or {}).get("verdict") or "not scored")
        counts[verdict] = counts.get(verdict, 0) + 1
    return counts


def self_doubt_count(entries: Iterable[EntryFacts]) -> int:
    """How many "drift" verdicts are drift led by self-doubt alone, by the one rule that names
    them so in `write`, `show`, `list` and `drift ID` (`drift.score.named_drift`,
    `drift.self_doubt_only`): "self-doubt", not "leans clinical"."""
    from peerjournal.drift import self_doubt_only
    from peerjournal.drift.score import DriftScore, named_drift

    n = 0
    for e in entries:
        if not e.drift or e.drift.get("verdict") != "drift":
            continue
        try:
            named = named_drift(DriftScore.from_dict(dict(e.drift)))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # a damaged stored score: its verdict's plain words
        n += self_doubt_only(named)
    return n


Moves = tuple[tuple[str, float], ...]  # (dimension, change per 100 words), largest first
MOVE_KINDS = ("towards_drift", "towards_identity", "less_identity", "less_drift")


def report_movements(report: Mapping[str, Any]) -> dict[str, Moves]:
    """Dimensions whose rates moved against the previous window, from the report's `changes`
    (each past its noise threshold), by what moved: "towards_drift" (drift rose),
    "towards_identity" (identity rose), "less_identity" and "less_drift" (fell).

    A fall is said as a fall: fewer identity phrases are no drift phrase, so a dimension with
    no drift at all is not said to move toward drift (the report's "What changed" agrees).
    One dimension may be in two lists (its drift rose and its identity fell).
    """
    moves: dict[str, list[tuple[str, float]]] = {kind: [] for kind in MOVE_KINDS}
    for change in report.get("changes", []):
        polarity, value = change.get("polarity"), float(change.get("change", 0.0))
        if change.get("kind") != "dimension" or polarity not in ("identity", "drift") or not value:
            continue
        kind = f"{'towards' if value > 0 else 'less'}_{polarity}"
        moves[kind].append((str(change["id"]), round(value, 3)))
    return {kind: tuple(sorted(found, key=lambda m: -abs(m[1]))) for kind, found in moves.items()}


def _report_lines(report: Mapping[str, Any]) -> tuple[str, ...]:
    totals, previous = report.get("totals") or {}, report.get("previous") or {}
    if not totals.get("entries"):
        return ()
    lines = [_rates_line(totals, previous) + "."]
    if totals.get("too_little"):  # (as the report's headline says it)
        from peerjournal.exporters.common import too_little_note

        lines.append(too_little_note())
    if report.get("unscored"):
        unscored = int(report["unscored"])
        lines.append(
            f"{counted(unscored, 'entry')} {'is' if unscored == 1 else 'are'} not scored yet "
            "(`peerjournal drift --rescore`)."
        )
    return tuple(lines)


def _rates_line(totals: Mapping[str, Any], previous: Mapping[str, Any]) -> str:
    """"Drift 1.20 and identity 9.00 per 100 words (the 3 entries before: …)"."""
    line = (
        f"Drift {fixed(totals.get('drift', 0.0))} and identity "
        f"{fixed(totals.get('identity', 0.0))} per 100 words"
    )
    if previous.get("entries"):
        before = counted(int(previous["entries"]), "entry")
        line += (
            f" (the {before.removeprefix('1 ')} before: "
            f"drift {fixed(previous.get('drift', 0.0))}, "
            f"identity {fixed(previous.get('identity', 0.0))})"
        )
    return line


# entries each side needs before prep says what moved (as for the report's window alerts):
# two entries against two is one long or short entry away from any "movement"
MIN_COMPARE_ENTRIES = THRESHOLDS.min_window_entries


def _too_few(report: Mapping[str, Any], window: Window | None = None) -> str:
    """Why the period and the one before are too thin to compare, or "" if they are not.

    Each side is named by its dates, the period as prep counts it (`window`, when given:
    "since your supervision on 20 Nov 2026"), the one before it up to "that supervision": a
    supervision recorded today is compared with the day before, and "0 in the day before it"
    read as if the entries written before the supervision were not counted."""
    now = int((report.get("totals") or {}).get("entries") or 0)
    previous = report.get("previous") or {}
    before = int(previous.get("entries") or 0)
    if not now or min(now, before) >= MIN_COMPARE_ENTRIES:
        return ""
    this = (window.start_words() or dates_phrase((window.since, window.until))
            if window else "in this period")
    try:
        start, end = (date.fromisoformat(previous[key]) for key in ("since", "until"))
    except (KeyError, TypeError, ValueError):
        then = "as long before it"
    else:
        then = (f"from {spoken(start)} to that supervision" if window and window.start_words()
                else dates_phrase((start, end)))
    return (
        f"Too few entries to say what moved: {counted(now, 'entry')} {this}, and {before} "
        f"{then} (it takes {MIN_COMPARE_ENTRIES} on each side)."
    )


# days a period must have lasted before prep asks about nothing written in it: as long as the
# report waits before "It has been N days since your last entry" (a supervision this morning
# and nothing written since is no gap)
QUIET_DAYS = THRESHOLDS.gap_days


def quiet_alert(window: Window, wrote_before: bool) -> str | None:
    """Prep's question for a period with no entry, once it is QUIET_DAYS old and the writer
    wrote before it (`wrote_before`; a new journal is not asked why it is empty).

    Said from the supervision, not as "No entries on <day>": entries of the supervision's
    day written before it was recorded count in the period before, yet that day has them."""
    days = (window.until - window.since).days
    if days < QUIET_DAYS or not wrote_before:
        return None
    record = window.supervision
    start = (
        f"your supervision on {spoken(record.date)}"
        if window.basis == "supervision" and record is not None
        else spoken(window.since)
    )
    return (
        f"No entries since {start}, {days} days ago. What made writing hard to fit in, and is "
        "there a moment from then you would like to return to?"
    )


def trend_brief(
    entries: Sequence[EntryFacts],
    report: Mapping[str, Any] | None,
    quiet: str | None = None,
    window: Window | None = None,
) -> TrendBrief:
    """Verdict counts from the entries; what moved, per-period drift and alerts from the report
    (said of `window` as prep counts it: `Window.reworded`), then `quiet` (`quiet_alert`) if
    given.

    Nothing is said to have moved when either period has fewer than MIN_COMPARE_ENTRIES."""
    if not report:
        return TrendBrief(verdict_counts(entries), (), (), (quiet,) if quiet else (),
                          self_doubt=self_doubt_count(entries))
    too_few = _too_few(report, window)
    moves = report_movements({} if too_few else report)
    return TrendBrief(
        verdicts=verdict_counts(entries),
        moved_towards_drift=moves["towards_drift"],
        moved_towards_identity=moves["towards_identity"],
        less_identity=moves["less_identity"],
        less_drift=moves["less_drift"],
        alerts=(
            *(window.reworded(str(a)) if window else str(a) for a in report.get("alerts", [])),
            *((quiet,) if quiet else ()),
        ),
        lines=_report_lines(report),
        too_few=too_few,
        periods=tuple(
            # (a week of "too little" entries has no balance, but its drift was counted)
            (str(p["start"]),
             float(p["drift"]) if p.get("balance") is not None or p.get("too_little") else None)
            for p in report.get("periods", [])
        ),
        thin_weeks=tuple(str(p["start"]) for p in report.get("periods", [])
                         if p.get("too_little")),
        self_doubt=self_doubt_count(entries),
    )


def period_questions(
    items: Sequence[Item], lexicon_questions: Mapping[str, Sequence[str]]
) -> dict[str, str]:
    """The question prep asks about each drift dimension: that of the first self-check item
    mirroring it (worded for the weeks since supervision: "lately"), else the lexicon's first
    (worded for one entry: "today", "the person")."""
    found = {d: qs[0] for d, qs in lexicon_questions.items() if qs}
    for item in reversed(items):  # the first item of a dimension wins
        if item.dimension and item.question:
            found[item.dimension] = item.question
    return found


def choose_questions(
    trend: TrendBrief,
    evidence: Sequence[DriftEvidence],
    questions: Mapping[str, str],
    labels: Mapping[str, str],
    from_check: Sequence[tuple[Item, str]] = (),
    limit: int = 5,
) -> list[Question]:
    """Questions to bring: `questions` (dimension: question, see `period_questions`) for the
    two dimensions whose drift rose most (else those with the most counted drift hits in the
    entries shown: a phrase used twice counts twice, as in their ranking), then two from the
    self-check (`from_check`: items with why, see `check_questions`). A question already
    asked is not asked again."""
    dims = [d for d, _ in trend.moved_towards_drift]
    reason = "moved toward drift over the period"
    if not dims:
        tally: dict[str, int] = {}
        for ev in evidence:
            for p in ev.phrases:
                tally[p.dimension] = tally.get(p.dimension, 0) + p.count
        dims = sorted(tally, key=lambda d: -tally[d])
        reason = "had drift phrases in your entries"
    out: list[Question] = []
    for dim in [d for d in dims if questions.get(d)][:2]:  # dimensions with questions
        name = labels.get(dim) or dim.replace("_", " ").capitalize()
        out.append(Question(questions[dim], f"{name} {reason}"))
    asked = {q.text for q in out}
    wanted = len(out) + CHECK_QUESTIONS
    for item, why in from_check:
        text = item.question or f"What has changed for you around: {item.text}"
        if len(out) < wanted and text not in asked:
            asked.add(text)
            out.append(Question(text, why))
    return out[:limit]


def low_answers(check: SelfCheck | None, form: Form) -> list[tuple[Item, Answer]]:
    """The items `check` answered 1 or 2, the 1s first, else in the form's order: the form
    itself says a low number is often the most useful thing to bring."""
    if check is None:
        return []
    low = [
        (item, answer)
        for item in form.items
        if (answer := check.answers.get(item.id)) is not None and answer.score <= LOW_SCORE
    ]
    return sorted(low, key=lambda pair: pair[1].score)


@dataclass(frozen=True)
class CheckView:
    """The latest complete check as prep shows it (`check_questions`)."""

    moved: list[Movement]
    low: list[tuple[Item, Answer]]  # not those a newer unfinished check answered again
    before: str  # `Prep.check_before`


def check_questions(
    window: Window, checks: Sequence[SelfCheck], form: Form
) -> tuple[list[tuple[Item, str]], CheckView]:
    """The self-check items to ask about, each with why (the biggest drops since the previous
    check-in, then the answers of 1 or 2, the 1s first), and what the Self-check section shows.

    The answers are the latest check's, but an unfinished check started after it has the
    newer word on the items it answered. A check made before the period (before the last
    supervision) is no longer "lately": it was most likely talked about there, so its
    answers are shown with its date and not asked about again.
    """
    done = sorted((c for c in checks if c.complete), key=_made)
    latest = done[-1] if done else None
    stopped = max((c for c in checks if not c.complete), key=_made, default=None)
    newer = None
    if stopped is not None and (latest is None or _made(stopped) > _made(latest)):
        newer = stopped
    superseded = set(newer.answers) if newer is not None else set()
    moved = movements(done[-2], done[-1], form.items) if len(done) >= 2 else []
    low = [pair for pair in low_answers(latest, form) if pair[0].id not in superseded]
    view = CheckView(moved, low, _check_before(window, latest))
    asked: list[tuple[Item, str]] = []
    if not view.before:
        asked += [
            (m.item, f"your answer to '{m.item.text}' went from {m.before} to {m.after}")
            for m in moved
            if m.change < 0 and m.item.id not in superseded
        ]
    lows: list[tuple[Item, Answer, str]] = []
    if newer is not None and _in_period(window, newer):
        started = f"in the self-check you started on {spoken(newer.created_at.date())}"
        lows += [(item, answer, started) for item, answer in low_answers(newer, form)]
    if not view.before:
        lows += [(item, answer, "in your latest self-check") for item, answer in low]
    lows.sort(key=lambda found: found[1].score)  # (stable: the newer check first)
    asked += [
        (item, f"you answered '{item.text}' with {of_scale(answer.score)} {where}")
        for item, answer, where in lows
    ]
    return asked, view


def _made(check: SelfCheck) -> tuple[datetime, int]:
    return check.created_at, check.id


def _in_period(window: Window, check: SelfCheck) -> bool:
    """Whether `check` is of the period, its day read as an entry's is (`local_day`)."""
    return window.after_supervision(local_day(check.created_at), check.created_at)


def _check_before(window: Window, check: SelfCheck | None) -> str:
    """How to say that `check` predates the period prep covers, after its date; "" if not."""
    record = window.supervision
    if check is None or record is None or _in_period(window, check):
        return ""
    return (
        f"before your last supervision ({spoken(record.date)}): a new self-check "
        "(`peerjournal supervision check`) shows where you are now"
    )


def build_prep(
    window: Window,
    entries: Sequence[EntryFacts],
    trend: TrendBrief,
    checks: Sequence[SelfCheck],
    form: Form,
    lexicon_questions: Mapping[str, Sequence[str]],
    labels: Mapping[str, str],
    people: Sequence[str] = (),
    journal_dates: Found | None = None,
    left_out: int = 0,
    earlier: Sequence[EntryFacts] = (),
    trashed: int = 0,
    after_today: int = 0,
) -> Prep:
    """Everything `supervision prep` shows, from plain values; `entries` are those the
    window holds (`Window.kept`), `people` the names on the people list, `journal_dates` when
    all the journal's entries are dated (`Prep.journal_dates`), `left_out` the entries of the
    supervision's day it does not hold (`Prep.left_out`), `earlier` those of the periods
    before whose open intentions are carried (`carried_entries`), `trashed` the entries in
    the trash (`Prep.trashed`), `after_today` those dated after it (`Prep.after_today`)."""
    done = sorted((c for c in checks if c.complete), key=lambda c: (c.created_at, c.id))
    from_check, view = check_questions(window, checks, form)
    evidence = most_drift_evidence(entries)
    stopped = max(
        (c for c in checks if not c.complete), key=lambda c: (c.created_at, c.id), default=None
    )
    return Prep(
        window=window,
        entries=len(entries),
        trend=trend,
        most_drift=tuple(evidence),
        brought=tuple(brought_entries(entries)),
        intentions=tuple(follow_intentions(
            entries, people, earlier, window.supervision.date if window.supervision else None
        )),
        self_care=tuple(self_care_notes(entries)),
        check_movements=tuple(view.moved),
        last_check=done[-1] if done else None,
        low_answers=tuple(view.low),
        questions=tuple(
            choose_questions(
                trend,
                evidence,
                period_questions(form.items, lexicon_questions),
                labels,
                from_check,
            )
        ),
        labels=dict(labels),
        unfinished=(
            (stopped.created_at, len(stopped.answers), len(form.items)) if stopped else None
        ),
        check_before=view.before,
        journal_dates=journal_dates if not entries else None,
        left_out=left_out,
        after_on_day=sum(
            1 for e in entries if window.supervision and e.date == window.supervision.date
        ),
        trashed=trashed if not entries and journal_dates is None else 0,
        after_today=after_today,
    )


def _entry_ref(e: EntryFacts) -> dict[str, Any]:
    return {"id": e.id, "date": e.date.isoformat(), "setting": e.setting}


def prep_to_json(prep: Prep) -> dict[str, Any]:
    thin = set(prep.trend.thin_weeks)
    return {
        "since": prep.window.since.isoformat(),
        "until": prep.window.until.isoformat(),
        "basis": prep.window.basis,
        "last_supervision": (
            prep.window.supervision.to_json() if prep.window.supervision else None
        ),
        "entries": prep.entries,
        # of the supervision's day, written before it: not in `entries`, but in the trend's
        # period before
        "left_out_before_supervision": prep.left_out,
        # of the supervision's day, written after it: in `entries` (`export --since` that day
        # has both these and those left out; from the day after, neither)
        "after_supervision_that_day": prep.after_on_day,
        # dated after today: not in `entries` (the key `report --json` gives it under too)
        "after_today": prep.after_today,
        "trend": {
            "verdicts": prep.trend.verdicts,
            # of verdicts' "drift", those that are self-doubt alone (the text's "self-doubt")
            "drift_self_doubt": prep.trend.self_doubt,
            "towards_drift": [
                {"dimension": d, "change": c} for d, c in prep.trend.moved_towards_drift
            ],
            "towards_identity": [
                {"dimension": d, "change": c} for d, c in prep.trend.moved_towards_identity
            ],
            "less_identity": [{"dimension": d, "change": c} for d, c in prep.trend.less_identity],
            "less_drift": [{"dimension": d, "change": c} for d, c in prep.trend.less_drift],
            "summary": list(prep.trend.lines),
            "too_few": prep.trend.too_few or None,
            # a week whose entries are all "too little" keeps its drift, marked as `report`'s
            "weekly_drift": [
                {"start": d, "drift": v, **({"too_little": True} if d in thin else {})}
                for d, v in prep.trend.periods
            ],
        },
        "alerts": list(prep.trend.alerts),
        "most_drift_evidence": [
            {
                **_entry_ref(ev.entry),
                "drift_per_100_words": ev.rate,
                "phrases": [
                    {
                        "text": p.text,
                        "dimension": p.dimension,
                        "self_noticed": p.self_noticed,
                        "negated": p.negated,
                        "count": p.count,
                    }
                    for p in ev.phrases
                ],
            }
            for ev in prep.most_drift
        ],
        "brought": [
            {**_entry_ref(e), "tags": list(e.tags), "shared": e.shared} for e in prep.brought
        ],
        "intentions": [
            {
                **_entry_ref(i.entry),
                "intention": i.text,
                "came_back_in": _entry_ref(i.came_back_in) if i.came_back_in else None,
                "shared_words": list(i.shared_words),
                "said_again_in": _entry_ref(i.said_again_in) if i.said_again_in else None,
                # from before the period, not picked up before it began (`carry_window`)
                "carried": i.carried,
                # the earlier entries that wrote the same words (listed once, as of the latest)
                "also_in": [_entry_ref(e) for e in i.also_in],
            }
            for i in prep.intentions
        ],
        "self_care": [{**_entry_ref(e), "note": e.self_care} for e in prep.self_care],
        "self_check": {
            "last": prep.last_check.created_at.isoformat() if prep.last_check else None,
            # made before the last supervision: its answers are not asked about again
            "before_period": bool(prep.check_before),
            "low": [
                {
                    "id": item.id,
                    "section": item.section,
                    "text": item.text,
                    "score": answer.score,
                    "note": answer.note,
                }
                for item, answer in prep.low_answers
            ],
            "moved": [movement_to_json(m) for m in prep.check_movements],
            "unfinished": (
                {
                    "started": prep.unfinished[0].isoformat(),
                    "answered": prep.unfinished[1],
                    "items": prep.unfinished[2],
                }
                if prep.unfinished
                else None
            ),
        },
        "questions": [{"text": q.text, "why": q.reason} for q in prep.questions],
    }
