"""An entry as plain values, and its JSON shape (the contract for --json, import and export)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from peerjournal.errors import PeerJournalError
from peerjournal.textsafe import REPLACEMENT, cut, drawn_as_nothing, shows_anything

ELEMENTS = ("experience", "feelings", "evaluation")
MODES = ("on-action", "in-action")
# what each mode means, where a writer sees it (`write --help` says the same)
MODE_MEANINGS = {
    "on-action": "after the fact",
    "in-action": "what you noticed and adjusted in the moment",
}
SETTING_SUGGESTIONS = (
    "community",
    "inpatient",
    "crisis",
    "emergency department",
    "forensic",
    "housing",
    "group",
    "phone/text line",
)
MAX_TEXT_CHARS = 2_000_000
NUL_MESSAGE = "The text contains NUL bytes; is this a binary file?"
_TAG_PUNCTUATION = "_-/+."  # kept in a tag; anything else but letters, digits and marks separates
MAX_TAG_CHARS = 64  # a tag is a word or three ("supervision-follow-up"), not a sentence
# a setting is a place's name ("emergency department"): a row of the report's tables, not a note
MAX_SETTING_CHARS = MAX_TAG_CHARS
# joiners kept inside a word of a setting: some scripts spell words with them (Persian's ZWNJ)
_JOINERS = "\u200c\u200d"
# A day after this machine's today is already today where clocks are up to 14 hours ahead of
# UTC (Kiribati; New Zealand in summer): an entry written there, or on a machine set to another
# time zone (a laptop restored from a backup, WSL, SSH with TZ=UTC), may be dated tomorrow here.
ZONE_AHEAD = timedelta(days=1)


def _not_utf8(what: str = "text") -> PeerJournalError:
    """The error for `what` (text, a tag) typed with bytes that are not UTF-8: Python gives
    them as lone surrogates, which cannot be stored. Worded to read as well after a prefix
    ("--note: UTF-8 …") as alone."""
    return PeerJournalError(
        f"UTF-8 is needed, and this {what} is not UTF-8 (non-UTF-8 bytes on the command "
        "line?); nothing was saved."
    )


@dataclass
class EntryDraft:
    """What the writer has typed so far; everything an entry needs except IDs and timestamps."""

    date: date
    experience: str = ""
    feelings: str = ""
    evaluation: str = ""
    setting: str = ""
    mode: str = "on-action"
    prompt_set: str = "boud"
    tags: list[str] = field(default_factory=list)
    self_care: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    shared: bool = False
    # The time of day a new entry's `date:` line gave ("2026-11-20 18:00"), stored as when it
    # was written, as `write --date` stores its time: prep compares that with a supervision's.
    # Not kept in a draft's JSON: the draft's text keeps the line that gave it.
    at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "at"}
        data["date"] = self.date.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: Any) -> EntryDraft:
        """The draft `to_dict` gave; TypeError, ValueError or KeyError if `data` is not one
        (a draft file damaged or edited by hand)."""
        if not isinstance(data, dict):
            raise TypeError("not an object")
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        values["date"] = date.fromisoformat(str(values["date"]))
        texts = ("experience", "feelings", "evaluation", "setting", "mode", "prompt_set",
                 "self_care")
        tags, answers = values.get("tags", []), values.get("answers", {})
        if (
            any(not isinstance(values.get(k, ""), str) for k in texts)
            or not isinstance(tags, list)
            or not all(isinstance(t, str) for t in tags)
            or not isinstance(answers, dict)
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in answers.items())
            or not isinstance(values.get("shared", False), bool)
        ):
            raise TypeError("a value of the wrong kind")
        return cls(**values)


@dataclass
class KeptIdentity:
    """An ID and timestamps to keep when importing (a full export read back in)."""

    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass
class Entry(EntryDraft):
    id: int = 0
    created_at: datetime = datetime.min
    updated_at: datetime = datetime.min
    deleted_at: datetime | None = None
    drift_verdict: str | None = None
    # the stored score's compact summary, read only for a drift verdict (store.ENTRY_COLUMNS):
    # what names drift that is self-doubt alone (render.verdicts.named_of_summary)
    drift_summary: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The documented JSON entry shape."""
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "setting": self.setting,
            "mode": self.mode,
            "prompt_set": self.prompt_set,
            "tags": list(self.tags),
            "experience": self.experience,
            "feelings": self.feelings,
            "evaluation": self.evaluation,
            "self_care": self.self_care,
            "answers": dict(self.answers),
            "shared": self.shared,
            "drift": self.drift_verdict,
        }


def _tag_char(ch: str) -> str:
    """`ch` as it stands in a tag: letters, digits, marks (accents, vowel signs: part of the
    letter before them), _-/+. and U+FFFD (see `normalise_tag`) stay; a character drawn as
    nothing (a zero-width space or joiner, a soft hyphen, a byte order mark: a paste's) goes,
    not splitting the word; anything else is a space between words."""
    if drawn_as_nothing(ch):
        return " " if ch.isspace() else ""
    keep = (ch.isalnum() or ch in _TAG_PUNCTUATION or ch == REPLACEMENT
            or unicodedata.category(ch).startswith("M"))
    return ch if keep else " "


def normalise_tag(raw: str, *, new: bool = True) -> str:
    """Tags are lower-case words: '#Inpatient ' -> 'inpatient', 'hard day' -> 'hard-day'.

    Composed (NFC) first, so 'café' is one tag whether é was typed as one character or as e
    and an accent, as some keyboards send it. A word keeps its inner dots ('v1.2'), not a
    full stop after it: 'handover.' is 'handover'.

    A `new` tag (typed to store: write, edit, the guided prompt) may not hold U+FFFD, which
    would look damaged for good, nor be longer than MAX_TAG_CHARS. Any other may (`--tag` of
    list, search, report, as `tags` shows a stored tag whose bytes are not UTF-8, another
    program's; a tag as a backup kept it)."""
    if new and not _is_utf8(raw):  # else a lone surrogate is a space: 'caf\udce9' is 'caf'
        raise _not_utf8("tag")
    if new and REPLACEMENT in raw:
        raise PeerJournalError(
            f"A tag cannot contain U+FFFD ({REPLACEMENT}), the mark of a character lost "
            f"before it reached peerjournal: {raw.strip()!r}; type the tag as it should be."
        )
    text = unicodedata.normalize("NFC", raw.strip().lstrip("#@").lower())
    words = (word.lstrip("-").rstrip(".-") for word in "".join(map(_tag_char, text)).split())
    tag = "-".join(word for word in words if word)  # 'hard day - housing': 'hard-day-housing'
    if not any(ch.isalnum() for ch in tag):
        raise PeerJournalError(
            f"Not a usable tag: {raw!r} (a tag needs at least one letter or number)."
        )
    if new and len(tag) > MAX_TAG_CHARS:
        raise PeerJournalError(
            f"A tag can be at most {MAX_TAG_CHARS} characters; {cut(tag, 40)!r} has "
            f"{len(tag):,}: shorten it (the entry's text is the place for a longer note)."
        )
    return tag


class SettingError(PeerJournalError):
    """A setting typed that cannot be stored (`normalise_setting`): what continues its draft
    names --setting, for another to be given (the draft's own would fail again)."""


def normalise_setting(raw: str, *, new: bool = True) -> str:
    """A setting as stored: one line, single-spaced, composed (NFC: as `report` groups it).

    A `new` one (typed to store) is also cleaned as a tag is (`normalise_tag`): a control
    character (an escape sequence's ESC) is a space, and one drawn as nothing (a direction
    mark, a zero-width space) goes, but for a joiner inside a word; then what is left of one
    typed must hold a letter or digit, in at most MAX_SETTING_CHARS characters. An import's
    is kept."""
    text = clean_text(raw)
    kept = "".join(map(_setting_char, text)).strip(_JOINERS) if new else text
    setting = unicodedata.normalize("NFC", " ".join(kept.split()))
    if not new or not text:  # (-s "", or only characters drawn as nothing: no setting)
        return setting
    if not any(ch.isalnum() for ch in setting):
        raise SettingError(
            f"Not a usable setting: {raw.strip()!r} (a setting needs at least one letter or "
            "number)."
        )
    if len(setting) > MAX_SETTING_CHARS:
        raise SettingError(
            f"A setting can be at most {MAX_SETTING_CHARS} characters; {cut(setting, 40)!r} "
            f"has {len(setting):,}: shorten it (the entry's text is the place for a longer "
            "note)."
        )
    return setting


def _setting_char(ch: str) -> str:
    """`ch` as it stands in a setting (see `normalise_setting`)."""
    if ch.isspace() or unicodedata.category(ch) == "Cc":
        return " "
    return "" if drawn_as_nothing(ch) and ch not in _JOINERS else ch


def _left_out(text: str) -> set[int]:
    """Where `text`, a setting given, has a character `normalise_setting` leaves out or makes
    a space of (a control character, one drawn as nothing), a joiner at either end too."""
    out = {n for n, ch in enumerate(text) if _setting_char(ch) != ch and not ch.isspace()}
    for order in (range(len(text)), range(len(text) - 1, -1, -1)):
        for n in order:  # (as str.strip(_JOINERS) reads what _setting_char left)
            if text[n] in _JOINERS:
                out.add(n)
            elif _setting_char(text[n]):
                break
    return out


def resettled_note(raw: str | None) -> str | None:
    """A word about a setting given (-s) that is stored as other than typed, beyond spaces
    and how its letters are composed (`normalise_setting` left out a control or invisible
    character); None when it is stored as typed, or not usable (refused, not stored)."""
    from peerjournal.textsafe import as_typed

    if raw is None:
        return None
    plain = unicodedata.normalize("NFC", " ".join(raw.split()))
    try:
        stored = normalise_setting(raw)
    except PeerJournalError:
        return None
    if plain == stored:
        return None
    typed = as_typed(plain)
    out = _left_out(typed)
    shown = "".join(  # what was left out, visible: "ward\u200b 4" (else it reads "ward 4")
        ch.encode("unicode_escape").decode("ascii") if n in out else ch
        for n, ch in enumerate(typed)
    )
    return (f'Setting "{shown}" is stored as "{stored}": control characters and '
            "characters drawn as nothing are left out of a setting.")


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def retagged_note(raw: list[str]) -> str | None:
    """A word about the tags given (each --tag) that are stored as another word than the one
    typed, beyond case, a leading # and spaces made hyphens ('Late Shift' is 'late-shift', as
    the help says): "ana's" is 'ana-s', 'handover.' is 'handover'. None when there are none.
    The tags must be usable (`normalise_tag` raises on one that is not)."""
    from peerjournal.plural import joined
    from peerjournal.textsafe import as_typed

    typed, stored = [], []
    for given in raw:
        for tag in split_tags(given):
            plain = unicodedata.normalize("NFC", tag.lstrip("#@").lower())
            if "-".join(plain.split()) != (as_stored := normalise_tag(tag)):
                typed.append(f'"{as_typed(tag)}"')
                stored.append(as_stored)
    if not typed:
        return None
    one = len(typed) == 1
    return (f"Tag{'' if one else 's'} {joined(typed)} {'is' if one else 'are'} stored as "
            f"{joined(stored)}: a tag keeps letters, digits and {_TAG_PUNCTUATION} only.")


def normalise_tags(raw: list[str], *, new: bool = True) -> list[str]:
    """The tags as stored (`new`: see `normalise_tag`), from tags as given (each `--tag`, or a
    list read from a file): a comma separates two tags wherever they are typed (`-t
    handover,advocacy` is two, as at the guided prompt and in a `tags:` header); each is
    normalised, sorted, once."""
    return sorted({
        normalise_tag(tag, new=new) for given in raw for tag in split_tags(given) or [given]
    })


def split_tags(text: str) -> list[str]:
    """Tags typed on one line are separated by commas only: 'hard day, housing office' is two
    tags (each then normalised as `--tag` does: 'hard-day', 'housing-office')."""
    return [piece.strip() for piece in text.split(",") if piece.strip()]


def holds_text(draft: EntryDraft) -> bool:
    """Whether any reflection text has been written (not just options such as the date)."""
    parts = [draft.experience, draft.feelings, draft.evaluation, draft.self_care]
    return any(shows_anything(p) for p in [*parts, *draft.answers.values()])


def unix_newlines(text: str) -> str:
    """Every line break as \\n (Windows' \\r\\n, old Macs' \\r)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalised_text(text: str) -> str:
    """Newlines as \\n, outer whitespace trimmed: the text as stored (and as the size limit
    counts it)."""
    return unix_newlines(text).strip()


def clean_text(text: str) -> str:
    """Trim outer whitespace, normalise newlines, refuse NUL and absurd sizes.

    Text with nothing to see in it (a zero-width space, a byte order mark) is empty: ""."""
    text = normalised_text(text)
    if "\x00" in text:
        raise PeerJournalError(NUL_MESSAGE)
    # ASCII (most text, at no cost to tell): no surrogate, and, trimmed, nothing to see only
    # when empty
    plain = text.isascii()
    if not plain and not _is_utf8(text):  # non-UTF-8 bytes on the command line arrive as
        raise _not_utf8()  # lone surrogates
    if len(text) > MAX_TEXT_CHARS:
        raise PeerJournalError(
            f"The text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}."
        )
    return text if plain or shows_anything(text) else ""


def after_prefix(where: str, message: str) -> str:
    """`message` said about `where` ("a.json: voice", "--note", "Record 3"): a first word
    that is only capitalised for the start of a sentence ("The text …") is lower-cased after
    the prefix; one in capitals ("NUL", "UTF-8") or not a word ("'x' is …") is kept."""
    word = message.split(" ", 1)[0]
    if word[:1].isupper() and not any(ch.isupper() or ch.isdigit() for ch in word[1:]):
        message = message[0].lower() + message[1:]
    return f"{where}: {message}"


MODE_SHOWN = 20  # characters of an unknown mode an error quotes (as of a field's name)


def validate_mode(mode: str) -> str:
    """`mode` as stored; an unknown one is quoted cut short: in an imported file with a
    shifted column, it can be an entry's text (QA r46)."""
    value = mode.strip().lower().replace("_", "-")
    if value not in MODES:
        raise PeerJournalError(
            f"Unknown mode {cut(mode, MODE_SHOWN)!r}: use on-action or in-action."
        )
    return value


def validate(
    draft: EntryDraft,
    today: date,
    *,
    new_tags: bool = True,
    may_be: date | None = None,
    kept_setting: str | None = None,
) -> EntryDraft:
    """Normalise a draft for saving; raise PeerJournalError on what cannot be saved. Its tags
    and setting are checked as typed now unless not `new_tags` (an import's: see
    `normalise_tag`, `normalise_setting`).

    A date after `today` is refused (a typo: `write -d tomorrow`) unless it is `may_be`: the
    date an edited entry already has (not changed now), or tomorrow for an import (today
    somewhere: see ZONE_AHEAD). The setting is checked as typed now unless it is
    `kept_setting`, an edited entry's as stored (one saved before settings were checked:
    the entry can still be edited)."""
    for name in (*ELEMENTS, "self_care", "setting"):
        setattr(draft, name, clean_text(getattr(draft, name)))
    # one line (it is a header in the template), composed as `report` names the group
    draft.setting = normalise_setting(
        draft.setting, new=new_tags and draft.setting != kept_setting
    )
    draft.answers = {k: clean_text(v) for k, v in draft.answers.items() if v and v.strip()}
    if not draft.experience:
        raise PeerJournalError(
            "The experience is empty: write at least a line about what happened."
        )
    from peerjournal.dates import check_range

    check_range(draft.date, draft.date.isoformat())  # imports too: 1900-01-01 to 9999-12-31
    if draft.date > today and draft.date != may_be:
        raise PeerJournalError(
            f"The date {draft.date.isoformat()} is in the future; an entry records something "
            "that happened."
        )
    draft.mode = validate_mode(draft.mode)
    draft.tags = normalise_tags(draft.tags, new=new_tags)
    return draft


def scored_text(
    experience: str, feelings: str, evaluation: str, answers: Mapping[str, str] | None = None
) -> str:
    """The text drift scores: the three elements, then the answers to the prompt set's
    questions ("What did you learn from them?" is the writer's reflection too), one paragraph
    each (hits index into this)."""
    parts = (experience, feelings, evaluation, *(answers or {}).values())
    return "\n\n".join(part for part in parts if part)


def entry_content(created_at: datetime | None, entry: EntryDraft) -> tuple[object, ...]:
    """An entry's creation time (None: left out) and everything written in it: what makes a
    record the same entry as one in the journal (its ID, `updated_at`, drift score and
    whether it is shared aside: `share` changes none of its words)."""
    return (
        created_at, entry.date, entry.experience, entry.feelings, entry.evaluation,
        entry.self_care, entry.setting, entry.mode, entry.prompt_set, frozenset(entry.tags),
        frozenset(entry.answers.items()),
    )
