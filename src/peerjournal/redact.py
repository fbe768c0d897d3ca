"""Names and identifiers out of anything that leaves the journal.

Pure functions over strings. A `Redactor` is built once from the people list and applied to
every piece of exported text (entry text, excerpts, tags, settings, the note, self-check
notes). It replaces, in one pass per kind so a replacement is never re-scanned:

1. identifiers: e-mail addresses, URLs, phone numbers, street addresses and postcodes,
   dates of birth (a date after "DOB", "born", "date of birth"…), long ID numbers;
2. names on the people list, matched case-insensitively with letter boundaries (so
   "Maria's", "MARIA", "“maria”" and "maria_visit" are caught, "Annual" is not for "Ann"),
   and for multi-word names also the first name alone. A first name that is also a common
   English word ("Will", "Grace", "Hope") is matched only when capitalised, so the verb
   "will" survives while "Will" does not. A one-word listed name is always matched in
   every case: the writer listed exactly that word.

Text is NFC-normalised first so a name typed with combining accents still matches. Names
are matched without regard to accents ("Sean" for "Seán", "Zoë" for "Zoe") or Unicode case
oddities ("ılker"/"İlker" for "Ilker", "Νίκος" for "ΝΙΚΟΣ", "Strauß" for "Strauss"), and a
character that draws nothing (a soft hyphen, a zero-width space, a control character) or an
uncomposed accent inside or after a name does not hide it: see `keyed`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

PLACEHOLDER = "[person]"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# English words that are also common first names or surnames: matched only when capitalised.
COMMON_WORDS = _words(
    """
    al amber april art august autumn basil bill bob brook buddy candy carol chance chase cherry
    chip chuck cliff crystal dale dash dawn destiny don drew duke earl faith fern frank gene
    ginger glen grace guy harmony hazel heather holly honey hope hunter iris ivy jack jade jay
    jewel joy june king lane lily major mark marsh max may melody mercy miles misty olive
    pat patience pearl penny pepper poppy prince rich river rob robin rocky rose rosy ruby rusty
    sage sandy skip sky sonny star storm summer sunny sue tiger violet wade ward will win
    winter worth
    baker black bell bird bishop bond bright brown burns carter church clay cole cook cooper
    cross day dean field fields finch fisher ford fox frost gates gold good gray green grey hall
    hart hawk hay heath hill house hunt key lake lamb law little long love mason miller mills moon
    moss page park parker pike pond pool pope potter price reed rice rock rush salt sharp short
    snow spring steel stone street strong swift tanner thorn tower turner vine walker wall waters
    webb wells west white wise wolf wood woods wren young
    """
)

PARTICLES = _words("da de del della der di du la le van von bin st")

_APOSTROPHES = "'’ʼ"
# Inside a name ("O'Brien"), any mark typed for an apostrophe, or none ("OBrien", "O´Brien");
# between its words, any run of spaces and dashes ("Martin–Okafor", "Mary\nAnn").
_IN_NAME_APOSTROPHE = "['’ʼ‘`´′]?"
_DASHES = "-‐‑‒–—―−"


@dataclass(frozen=True)
class Person:
    name: str
    alias: str | None = None

    @property
    def replacement(self) -> str:
        return self.alias.strip() if self.alias and self.alias.strip() else PLACEHOLDER


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Names are matched on a key of the text, one character for one so a match's span is the
# span in the text: each letter without its accent and in its plain form ("É" -> "E",
# "ı" -> "i", "ς" -> "σ", "ſ" -> "s", full-width "Ｍ" -> "M"), so "Sean" and "Seán",
# "İlker" and "ilker" match; and each character that draws nothing, or only a mark on the
# letter before, as HIDDEN: a soft hyphen, a zero-width space or a control character pasted
# inside a name ("Ma\u00adria") shows as the name, and a combining accent NFC cannot compose
# ("b\u0301") is still that letter. A name may have any number of HIDDEN between and after
# its letters.
HIDDEN = "\x00"
_HIDDEN_CATEGORIES = ("Cc", "Cf", "Mn", "Me")


def _key(ch: str) -> str:
    if unicodedata.category(ch) in _HIDDEN_CATEGORIES and not ch.isspace():
        return HIDDEN
    # compatibility forms too: a full-width "Ｍ" (an East Asian keyboard) is an "M"
    decomposed = unicodedata.normalize("NFKD", ch)
    if all(unicodedata.combining(m) for m in decomposed[1:]) and decomposed[0].isalpha():
        ch = decomposed[0]
    upper = ch.upper()
    if ch.islower() and len(upper) == 1 and len(upper.lower()) == 1:
        return upper.lower()  # "ı" -> "i", "ς" -> "σ", "ſ" -> "s"
    return ch


class _Keys(dict[int, str]):
    """A `str.translate` table from each character to its key, filled as characters turn
    up."""

    def __missing__(self, code: int) -> str:
        self[code] = value = _key(chr(code))
        return value


_KEYS = _Keys()


def keyed(text: str) -> str:
    """`text` as names are matched in it: the same length, one key per character."""
    return text.translate(_KEYS)


def _multi_folds() -> dict[str, str]:
    """The casefold of two or three letters -> the letters that fold to it ("ss": "ßẞ")."""
    folds: dict[str, str] = {}
    for cp in range(0xC0, 0x10000):
        ch = chr(cp)
        folded = ch.casefold()
        if len(folded) > 1 and ch.isalpha():
            folds[folded] = folds.get(folded, "") + _key(ch)
    return folds


_FOLDS = _multi_folds()


def _letter_forms(ch: str) -> set[str]:
    """The keys of `ch` in every case ("é": e, E; "ß": ß, ẞ, ss, SS, Ss)."""
    key = _key(ch)
    forms = {keyed(f) for f in (key, key.lower(), key.upper(), key.casefold(), key.title())}
    for form in list(forms):
        if len(form) > 1:
            forms.update(_FOLDS.get(form.casefold(), ""))
    return forms


def _char_pattern(ch: str) -> str:
    """One character of a name (keyed): every case form, apostrophes and separators
    interchangeable."""
    if ch in _APOSTROPHES or ch in "‘`´′":
        return _IN_NAME_APOSTROPHE
    if ch.isspace() or ch in _DASHES:
        return rf"[\s{re.escape(_DASHES)}]+"
    forms = _letter_forms(ch)
    singles = "".join(sorted(f for f in forms if len(f) == 1))
    one = re.escape(singles) if len(singles) == 1 else f"[{re.escape(singles)}]"
    longer = sorted((_spelled(f) for f in forms if len(f) > 1), key=lambda f: (-len(f), f))
    return "(?:" + "|".join([*longer, one]) + ")" if longer else one


_ANY_HIDDEN = HIDDEN + "*"


def _spelled(word: str) -> str:
    """`word` literally, with any number of HIDDEN between its letters."""
    return _ANY_HIDDEN.join(map(re.escape, word))


def _name_pattern(name: str) -> str:
    """A listed name, to match in keyed text: case- and accent-insensitive, HIDDEN allowed
    between and after letters, and letters that fold to one ("ss" ~ "ß") matched either
    way."""
    name = "".join(ch for ch in name if _key(ch) != HIDDEN)
    pieces = []
    i = 0
    while i < len(name):
        for width in (3, 2):
            single = _FOLDS.get(name[i : i + width].casefold()) if i + width <= len(name) else None
            if single:
                spelled = _ANY_HIDDEN.join(_char_pattern(ch) for ch in name[i : i + width])
                pieces.append(f"(?:{spelled}|[{single}])")
                i += width
                break
        else:
            pieces.append(_char_pattern(name[i]))
            i += 1
    return _ANY_HIDDEN.join(pieces) + _ANY_HIDDEN


# A name starts and ends at a letter boundary: digits and underscores do not protect it. The
# modifier letter apostrophe (ʼ, "Mariaʼs") is a letter to Unicode but an apostrophe here.
_LETTER = r"(?!ʼ)[^\W\d_]"
_BEFORE = rf"(?<!{_LETTER})"
_AFTER = rf"(?!{_LETTER})"
_PLURAL = "(?:[eE]?[sS])?"


def name_forms(name: str) -> list[tuple[str, bool]]:
    """(form, case-sensitive?) pairs to redact for one listed name.

    A multi-word name also yields each part alone (first name, surname, each half of a
    hyphenated name) of two letters or more, except particles ("van", "de"); so a name cut in
    half by an excerpt, or "Mr Lopez", never leaks. Parts that are common English words are
    matched only when capitalised.
    """
    name = " ".join(nfc(name).split())
    forms: list[tuple[str, bool]] = [(name, False)]
    parts = [p.strip(".") for p in re.split(rf"[\s{re.escape(_DASHES)}]+", name)]
    if len(parts) > 2 and " " in name:  # "Martin-Okafor", "de la Cruz": the surname as a whole
        forms.append((name.split(" ", 1)[1], False))
    if len(parts) > 1:
        for part in parts:
            letters = sum(ch.isalpha() for ch in part)
            if letters < 2 or part.casefold() in PARTICLES:
                continue
            forms.append((part, part.casefold() in COMMON_WORDS))
    return forms


def _capitalised_pattern(word: str) -> str:
    """Title case or all capitals of `word` only (for common-word first names)."""
    word = "".join(ch for ch in word if _key(ch) != HIDDEN)
    title = keyed(word[:1].upper() + word[1:].lower())
    upper = keyed(word.upper())
    return "(?:" + "|".join(_spelled(w) + _ANY_HIDDEN for w in (title, upper)) + ")"


@dataclass(frozen=True)
class _Rule:
    kind: str
    regex: re.Pattern[str]
    replace: str


def placeholders() -> frozenset[str]:
    """Every bracketed token the redactor writes (aliases aside)."""
    return frozenset({PLACEHOLDER, *(r.replace.rsplit(">", 1)[-1] for r in _identifier_rules())})


def _identifier_rules() -> list[_Rule]:
    date = (
        r"(?:\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}"
        r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]{3,9}\.?,?\s+\d{2,4}"
        r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4})"
    )
    street = (
        r"street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|court|ct|boulevard|blvd|way|"
        r"place|pl|terrace|crescent|cres|gardens|grove|square|sq|row|parkway|pkwy|highway|hwy|"
        r"mews|walk|hill"
    )
    return [
        _Rule(
            "email",
            re.compile(r"[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+", re.IGNORECASE),
            "[email]",
        ),
        _Rule(
            "url",
            re.compile(
                r"(?:\b[a-z][a-z0-9+.\-]*://|\bwww\.)[^\s<>\"'“”‘’]+"
                r"|\b[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|io|co|uk|gov|edu|info|me|app)\b"
                r"(?:/[^\s<>\"'“”‘’]*)?",
                re.IGNORECASE,
            ),
            "[link]",
        ),
        _Rule(
            "date of birth",
            re.compile(
                r"(?P<cue>\b(?:dob|d\.o\.b\.?|born|date of birth|birthday)"
                r"(?:\s*(?:is|was|on|of|:|-))*\s*)" + date,
                re.IGNORECASE,
            ),
            r"\g<cue>[date of birth]",
        ),
        _Rule(
            "address",
            re.compile(
                r"\b\d{1,5}[a-z]?,?\s+(?:[A-Z][\w'’\-]*\.?\s+){1,4}(?i:" + street + r")\b\.?"
                r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
            ),
            "[address]",
        ),
        _Rule(
            "phone",
            re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-]{5,18}\d(?!\w)"),
            "[phone]",
        ),
        _Rule("id number", re.compile(r"\b[A-Za-z]{0,4}\d{6,}[A-Za-z]{0,2}\b"), "[id number]"),
    ]


_ISO_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}[./]\d{1,2}[./]\d{1,2}"
)
_TIME_RANGE = re.compile(r"^\d{1,2}[.:]\d{2}\s*-\s*\d{1,2}[.:]\d{2}$")


def _is_phone(candidate: str) -> bool:
    """7-15 digits with a separator or a leading + or 0 (a bare digit run is an ID number)."""
    digits = sum(ch.isdigit() for ch in candidate)
    stripped = candidate.strip()
    if _ISO_DATE.fullmatch(stripped) or _TIME_RANGE.match(stripped):
        return False
    shaped = stripped[0] in "+0(" or not stripped.isdigit()
    return shaped and 7 <= digits <= 15


@dataclass
class Redactor:
    """Apply with `redactor(text)`; `counts` tallies what was replaced, by kind."""

    people: Sequence[Person] = ()
    identifiers: bool = True
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._rules = _identifier_rules() if self.identifiers else []
        self._names, self._lookup = _compile_names(self.people)

    def __call__(self, text: str) -> str:
        if not text:
            return text
        text = nfc(text)
        for rule in self._rules:
            text = rule.regex.sub(self._replacer(rule), text)
        if self._names is not None:
            text = self._replace_names(text)
        return text

    def _replace_names(self, text: str) -> str:
        assert self._names is not None
        pieces, last = [], 0
        for match in self._names.finditer(keyed(text)):
            pieces += [text[last : match.start()], self._name_replacement(match)]
            last = match.end()
        return "".join([*pieces, text[last:]])

    def _replacer(self, rule: _Rule) -> Callable[[re.Match[str]], str]:
        def replace(match: re.Match[str]) -> str:
            if rule.kind == "phone" and not _is_phone(match.group(0)):
                return match.group(0)
            self.counts[rule.kind] += 1
            return match.expand(rule.replace)

        return replace

    def _name_replacement(self, match: re.Match[str]) -> str:
        self.counts["name"] += 1
        assert match.lastgroup is not None
        return self._lookup[match.lastgroup]

    def all(self, texts: Iterable[str]) -> list[str]:
        return [self(t) for t in texts]


def _compile_names(people: Sequence[Person]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One alternation over every form of every name (and its plural), longest first, one
    named group each."""
    forms: list[tuple[str, bool, str]] = []
    for person in people:
        for form, case_sensitive in name_forms(person.name):
            forms.append((form, case_sensitive, person.replacement))
    if not forms:
        return None, {}
    forms.sort(key=lambda f: len(f[0]), reverse=True)
    lookup: dict[str, str] = {}
    branches = []
    for n, (form, case_sensitive, replacement) in enumerate(forms):
        group = f"n{n}"
        lookup[group] = replacement
        body = _capitalised_pattern(form) if case_sensitive else _name_pattern(form)
        branches.append(f"(?P<{group}>{body})")
    # a family called by its name ("the Smiths", "the Joneses' flat") is the same people
    regex = re.compile(_BEFORE + "(?:" + "|".join(branches) + ")" + _PLURAL + _AFTER)
    return regex, lookup


def contains_name(text: str, people: Sequence[Person]) -> bool:
    """True when any form of a listed name is still in `text` (used to vet aliases)."""
    regex, _ = _compile_names(people)
    return bool(regex and regex.search(keyed(nfc(text))))


# ------------------------------------------------------------------------- review helpers

_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n\s*|[\"“(]\s*)$")
ALWAYS_CAPITALISED = _words(
    """
    i i'm i'll i've i'd monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december english
    ok okay tv gp a&e nhs ed er aa na
    """
)


def unlisted_capitalised(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised words, not at a sentence start, that might be names.

    The export preview highlights these so the writer can spot a name missing from the
    people list. Placeholders like "[person]" are lower case and never flagged.
    """
    spans = []
    for match in _CAPITALISED.finditer(text):
        word = match.group(0)
        if not word[0].isupper() or word.casefold().replace("’", "'") in ALWAYS_CAPITALISED:
            continue
        if _SENTENCE_START.search(text[: match.start()]):
            continue
        spans.append((match.start(), match.end()))
    return spans


# ------------------------------------------------------------------------- the people list

MAX_NAME_CHARS = 100


def check_name(raw: str) -> str:
    """A listed name, tidied: one line, single spaces, at least one letter."""
    from peerjournal.errors import PeerJournalError

    name = " ".join(nfc(raw).split())
    if not any(ch.isalpha() for ch in name):
        raise PeerJournalError(f"{raw!r} is not a name: it needs at least one letter.")
    if len(name) > MAX_NAME_CHARS:
        raise PeerJournalError(f"A name can be at most {MAX_NAME_CHARS} characters.")
    return name


def check_alias(name: str, alias: str | None, others: Sequence[Person]) -> None:
    """Refuse an alias that would itself reveal a listed name, or a name hidden in an alias."""
    from peerjournal.errors import PeerJournalError

    everyone = [*[p for p in others if p.name.casefold() != name.casefold()], Person(name, alias)]
    if alias and contains_name(alias, everyone):
        raise PeerJournalError(
            f"The alias {alias!r} contains a name on the people list; choose one that doesn't."
        )
    for other in others:
        if other.alias and contains_name(other.alias, [Person(name)]):
            raise PeerJournalError(
                f"{other.name}'s alias {other.alias!r} contains {name!r}; change that alias first "
                "(`peerjournal people add NAME --alias TEXT`)."
            )


def name_warnings(name: str) -> list[str]:
    """What the writer should know about how this name will be matched."""
    warnings = []
    parts = name.split()
    if len(parts) == 1 and name.casefold() in COMMON_WORDS:
        warnings.append(
            f"Note: {name!r} is also an English word; it will be replaced wherever it appears, "
            "in any case. Add the full name instead if that is too much."
        )
    for form, case_sensitive in name_forms(name)[1:]:
        if case_sensitive:
            warnings.append(
                f"Note: {form!r} on its own is also an English word, so it is replaced only when "
                f"capitalised ({form.capitalize()}, {form.upper()})."
            )
    return warnings
