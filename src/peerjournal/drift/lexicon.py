"""The drift lexicon: markers as data, validated on load, compiled into one regex.

A lexicon is a TOML file (the shipped one is ``markers.toml`` next to this module)::

    [labels]                 # dimension id -> short human label (optional per dimension)
    story = "Recovery story"

    [marker_labels]          # marker id -> what it shows, in plain words (optional per marker)
    "story.shared" = "sharing your recovery story"

    [questions]              # dimension id -> open reflective questions (optional)
    story = ["What part of your own story felt usable today, and what held it back?"]

    [[marker]]
    id = "story.shared"                # unique
    dimension = "story"                # one of DIMENSIONS
    polarity = "identity"              # "identity" or "drift"
    weight = 1.5                       # > 0 and <= 5; default 1.0
    negation = "flip"                  # "drop" (default) or "flip"
    source = "004 'How to detect ... drifting' slide"   # seed file + slide, or language guide
    patterns = ["shared my (story|experience)", "my own recovery"]

Pattern language (case-insensitive; ``'`` also matches a curly apostrophe):

- words separated by spaces match words separated by any whitespace;
- ``-`` inside a word matches a hyphen, a space or nothing (``non-compliant``);
- ``word*`` matches any word starting with ``word`` (``symptom*``: symptoms, symptomatic);
- ``word~`` matches the word and its regular inflections (``share~``: shares, shared, sharing;
  ``story~``: stories); irregular forms are written as alternatives;
- ``*`` matches exactly one word other than I, me, we, you, us, myself, yourself, ourselves (a slot
  for the person the writer acts on: "told * to" is the writer telling someone, never someone
  telling the writer, "saved me", or the writer quoting advice, "telling you"; nor it, this,
  that, an article, a possessive or a preposition: "told this to his father" is not "told *
  to", "go back to the" is not "go back to *" (a name or an initial, "A", is); nor a participle
  that makes it passive: "getting asked to do" is not "getting * to do"); ``**`` zero to three
  words, none of which starts a new clause (and, but, so, because, then, I, we, she, he,
  they): in run-on text a gap does not join two phrases;
- ``(a|b c|d)`` matches one of the alternatives (each may be a phrase).

- ``'`` may be left out when typing (``didn't`` also matches ``didnt``), and so may the g of
  "-ing" (``telling`` also matches ``tellin'`` and ``tellin``; not ``thing``, ``bring``).

A pattern must start with a word (not a wildcard). At load, every pattern is compiled to a
regex body and indexed by its first three (or two, or one) words, or a first-word prefix; the
bodies sharing a key are combined into one regex with a capture group per marker, compiled on
first use. Scoring an entry is then one pass over its words with set lookups, and one regex
`match` per place where a phrase can start: no loop over hundreds of regexes per entry, and
loading a lexicon does not pay for compiling a 100 kB regex up front.

A marker with ``about = "other"`` holds words for a person's state that are clinical language
only about someone else ("tearful": "Mo was tearful", "the client was tearful", not "I was
tearful", "Tearful today"); a hit counts only after a subject who is not the writer, which a
pattern cannot say, as it cannot start with a wildcard (the matcher finds the subject).

A marker with ``learned = true`` holds phrases whose weight was learned from labelled entries
(the shipped lexicon's generated part, below its ``learned markers`` line, is written by
benchmarks/learn_markers.py). Its patterns are plain lowercase words, looked up word for word
(`WordIndex`), and it cannot flip: its weight was learned for one polarity.
score.py says how they count.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from peerjournal.config import did_you_mean, loads_toml, toml_text
from peerjournal.drift import LEARNED_PREFIX
from peerjournal.drift.regex_store import TAG, RegexStore, text_digest
from peerjournal.errors import PeerJournalError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

DIMENSIONS: tuple[str, ...] = (
    "story",
    "mutuality",
    "focus",
    "voice",
    "self_worth",
    "clinical_language",
    "advice",
    "co_optation",
    "connection",
    "worldview",
    "moving_toward",
    "advocacy",
)
DRIFT_ONLY_DIMENSIONS = frozenset({"clinical_language", "advice", "co_optation"})
IDENTITY_ONLY_DIMENSIONS = frozenset({"connection", "worldview", "moving_toward", "advocacy"})
POLARITIES = ("identity", "drift")
NEGATION_MODES = ("drop", "flip")
MAX_WEIGHT = 5.0
MAX_EXPANSIONS = 256  # per pattern, after expanding (a|b) alternatives
MAX_TRIPLES = 600  # three-word keys per pattern; beyond that a pattern is keyed by two words
MAX_NESTING = 20  # groups inside groups in a pattern (the shipped lexicon needs 3)

DEFAULT_LEXICON = Path(__file__).with_name("markers.toml")

_MARKER_FIELDS = {
    "id", "dimension", "polarity", "weight", "negation", "source", "patterns", "learned", "about"
}
ABOUT_MODES = ("anyone", "other")  # a marker's ``about``: whose state its phrases may describe
_REQUIRED_FIELDS = ("id", "dimension", "polarity", "source", "patterns")
_TOP_LEVEL = {"lexicon", "labels", "marker_labels", "questions", "marker"}
_LEXICON_FIELDS = {"name"}  # the [lexicon] table

WORD = r"[\w']+"
# A '**' gap word: any word that does not start a new clause (a conjunction or a subject), so
# that in run-on text a gap cannot join two phrases ("shared too much and left my story out").
GAP_WORD = r"(?!(?:and|but|so|because|then|i|i'm|i'd|i've|we|she|he|they)(?![\w']))" + WORD
# the one-word wildcard, a slot for a person: any word but the writer, the reader, it / this /
# that, an article, a possessive or a preposition ("nobody asked about my past" is not "nobody
# asked *"), a participle that makes the phrase passive ("I keep getting asked to do …"), or a
# conjunction or "some"/"any" ("Saved while the kettle boiled" rescues nobody). Not "a": an
# initial ("sat with A") reads the same in the lowercase text phrases are matched against.
# A title may come before the name: "told Mrs Okafor to", "got Sgt. Kim to". Titles written
# with a period are one list for the matcher too: it blanks their period, as an initial's, in
# the text phrases are matched against, and does not end a sentence there.
ABBREVIATED_TITLES = ("mr", "mrs", "ms", "mx", "dr", "fr", "sgt", "spc", "cpl", "pte")
TITLE = (
    "(?:(?:"
    + "|".join((*ABBREVIATED_TITLES, "miss", "sister", "auntie", "aunty", "aunt", "uncle", "nana"))
    + r"|granny|pastor|elder)\s+)?"
)
ONE_OTHER = TITLE + (
    r"(?!(?:i|i'm|i'd|i've|i'll|me|we|you|us|myself|yourself|ourselves|it|this|that|the|an"
    r"|his|their|my|our|your|about|for|to|with|at|in|on|of|from|by|after|if"
    r"|asked|told|given|allowed|expected|supposed|sent|forced|made"
    r"|some|any|while|whilst|when|until|because|and|but|or|so|as|than|though|although|unless"
    r"|since|where|whether|up)(?![\w']))" + WORD
    + r"(?:-[\w']+)?"  # one hyphen, as a name may have: "told Anne-Marie to"
)
# Between words: whitespace, commas, hyphens; a contraction attaches ("she" + "'s"). The period
# of an initial is part of the gap too ("told J. she should": journals name people by initials):
# the matcher blanks it in the text that phrases are matched against (see
# matcher.phrase_view), which keeps this separator, repeated ~10,000 times in the compiled
# regexes, short.
_SEP = r"(?:[\s,-]+|(?='))"
_END = r"(?!\w)"

# How much text a phrase's regex needs at the least and can take at the most (capped at
# WIDE): the order in which a combined regex tries its phrases, most specific first.
Width = tuple[int, int]
WIDE = 10_000


class LexiconError(PeerJournalError):
    """A lexicon file that cannot be used; the message names file, marker and field."""


@dataclass(frozen=True, slots=True)
class Marker:
    id: str
    dimension: str
    polarity: str
    weight: float
    negation: str
    source: str
    patterns: tuple[str, ...]
    learned: bool = False  # a learned phrase weight (score.py says how those count)
    # "other": a word for someone's state ("tearful") that is clinical only about someone else:
    # it counts only after a subject who is not the writer (matcher._about_someone_else)
    about: str = "anyone"


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Validated markers plus the compiled matcher. Build with `load_lexicon`."""

    path: str
    version: str
    name: str
    markers: tuple[Marker, ...]
    labels: dict[str, str]
    marker_labels: dict[str, str]  # curated marker id -> its name for a reader
    questions: dict[str, tuple[str, ...]]
    index: PhraseIndex = field(repr=False)  # the curated markers
    learned_index: WordIndex | None = field(repr=False)  # the learned ones, if any

    def label(self, dimension: str) -> str:
        return self.labels.get(dimension) or dimension.replace("_", " ").capitalize()

    def marker(self, marker_id: str) -> Marker:
        for m in self.markers:
            if m.id == marker_id:
                return m
        raise KeyError(marker_id)

    @property
    def pattern_count(self) -> int:
        return sum(len(m.patterns) for m in self.markers)


# --------------------------------------------------------------------------- pattern compiler


class PatternSyntaxError(ValueError):
    pass


class _Tok(NamedTuple):  # a tuple: hashed in C, for the caches of the functions below
    kind: str  # word | prefix | inflect | gap1 | gap3 | alt
    value: str = ""
    alts: tuple[tuple[_Tok, ...], ...] = ()
    optional: bool = False


def _split_top(text: str, sep: str) -> list[str]:
    """Split on `sep` outside parentheses."""
    if "(" not in text and ")" not in text:
        return text.split(sep)
    parts: list[str] = []
    depth = 0
    buf: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise PatternSyntaxError("unbalanced ')'")
        if ch == sep and depth == 0:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    if depth != 0:
        raise PatternSyntaxError("unbalanced '('")
    parts.append("".join(buf))
    return parts


_WORD_OK = re.compile(r"^[\w'-]+[*~]?$")


@cache  # alternatives ("him|her|them") recur across patterns
def _parse(pattern: str) -> tuple[_Tok, ...]:
    pattern = " ".join(pattern.split())
    if not pattern:
        raise PatternSyntaxError("empty pattern or alternative")
    toks: list[_Tok] = []
    for part in _split_top(pattern, " "):
        if part.startswith("("):
            optional = part.endswith(")?")
            if not (optional or part.endswith(")")):
                problem = f"alternatives must be a whole word group: {part!r}"
                raise PatternSyntaxError(problem + _not_a_word(part))
            inner = part[1 : -2 if optional else -1]
            alts = tuple(_parse(alt) for alt in _split_top(inner, "|"))
            toks.append(_Tok("alt", alts=alts, optional=optional))
        elif part == "*":
            toks.append(_Tok("gap1"))
        elif part == "**":
            toks.append(_Tok("gap3"))
        elif _WORD_OK.match(part) and part.strip("-'*~"):
            if part.endswith("*"):
                toks.append(_Tok("prefix", part[:-1].lower()))
            elif part.endswith("~"):
                toks.append(_Tok("inflect", part[:-1].lower()))
            else:
                toks.append(_Tok("word", part.lower()))
        else:
            raise PatternSyntaxError(f"unexpected {part!r}{_not_a_word(part)}")
    return tuple(toks)


_REGEX_SIGNS = frozenset("?.[]+^$\\{}")


def _not_a_word(part: str) -> str:
    """What a pattern's token that is not a word looks like it meant (regex or punctuation),
    for its error: a lexicon's author who knows regular expressions writes `chase.*`."""
    if _REGEX_SIGNS & set(part.removesuffix(")?")):
        return (": patterns are words, not regular expressions (word~ matches a word's "
                "inflections, word* any ending, * one word, ** up to three, (a|b) either, "
                "(a)? an optional one)")
    if any(not (ch.isalnum() or ch in "_'-*~()|") for ch in part):
        return ": patterns are words; leave out punctuation"
    return ""


_VOWELS = set("aeiou")


def inflections(word: str) -> list[str]:
    """Regular inflections of an English verb or noun (over-generating is harmless)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing"}
    if len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (
        len(word) >= 3
        and word[-1] not in _VOWELS | set("wxy")
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return sorted(forms, key=lambda f: (-len(f), f))


def _drops_g(word: str) -> bool:
    """Is `word` an -ing form that writers also type without its g ("tellin' her", "goin")?
    Not "thing", "bring": the part before "ing" needs a vowel."""
    return word.endswith("ing") and any(c in "aeiouy" for c in word[:-3])


def _literal_regex(word: str) -> str:
    # "non-compliant" ~ "non compliant" ~ "noncompliant"; "didn't" ~ "didnt" (phone typing)
    return re.escape(word).replace(r"\-", "[-\\s]?").replace("\\'", "'").replace("'", "'?")


def _word_regex(word: str) -> str:
    if _drops_g(word):  # "telling" ~ "tellin'" ~ "tellin"
        return _literal_regex(word[:-1]) + "(?:g|')?"
    return _literal_regex(word)


def _alternation(bodies: list[str]) -> str:
    """(?:a|b|c), longest first (Python's alternation takes the first that matches);
    a common `_END` is factored out."""
    uniq = sorted(set(bodies), key=lambda r: (-len(r), r))
    if all(b.endswith(_END) for b in uniq):
        inner = [b[: -len(_END)] for b in uniq]
        return ("(?:" + "|".join(inner) + ")" if len(inner) > 1 else inner[0]) + _END
    return "(?:" + "|".join(uniq) + ")" if len(uniq) > 1 else uniq[0]


@cache
def _tok_body(tok: _Tok) -> str:
    if tok.kind == "word":
        return _word_regex(tok.value) + _END
    if tok.kind == "prefix":
        # on through hyphens and inner apostrophes, not a closing quotation mark
        return _literal_regex(tok.value) + r"(?:[\w-]|'(?=\w))*"
    if tok.kind == "inflect":
        return _alternation([_word_regex(f) + _END for f in inflections(tok.value)])
    if tok.kind == "gap1":
        return ONE_OTHER
    if tok.kind == "alt":
        return _alternation([_seq_body(a) for a in tok.alts])
    raise AssertionError(tok.kind)


@cache
def _seq_body(seq: tuple[_Tok, ...]) -> str:
    """Regex for a token sequence, without a separator before the first token."""
    if seq and seq[0].kind == "gap3":
        raise PatternSyntaxError("'**' cannot start a pattern or an alternative")
    return _tail(seq[:1], first=True) + _tail(seq[1:])


def _literal_width(word: str) -> Width:
    # as _literal_regex: a hyphen may be a space or nothing, an apostrophe may be left out
    return len(word) - word.count("-") - word.count("'"), len(word)


def _word_width(word: str) -> Width:
    low, high = _literal_width(word)
    return low - _drops_g(word), high  # … and the g of "-ing" too


@cache
def _tok_width(tok: _Tok) -> Width:
    """`_tok_body(tok)`'s width, from the token (parsing the regex again costs far more)."""
    if tok.kind == "word":
        return _word_width(tok.value)
    if tok.kind == "prefix":
        return _literal_width(tok.value)[0], WIDE
    if tok.kind == "gap1":
        return 1, WIDE
    widths = (
        [_word_width(f) for f in inflections(tok.value)]
        if tok.kind == "inflect"
        else [_seq_width(a) for a in tok.alts]
    )
    return min(w[0] for w in widths), max(w[1] for w in widths)


@cache
def _seq_width(seq: tuple[_Tok, ...]) -> Width:
    """`_seq_body(seq)`'s width: each token after the first follows a separator (any length)."""
    low = high = 0
    for n, tok in enumerate(seq):
        if tok.kind == "gap3":
            high = WIDE
            continue
        tok_low, tok_high = _tok_width(tok)
        if n:
            tok_high = WIDE  # the separator before it
        if tok.kind == "alt" and tok.optional:
            tok_low = 0
        low, high = low + tok_low, min(high + tok_high, WIDE)
    return low, high


def _tail(seq: tuple[_Tok, ...], first: bool = False) -> str:
    """Regex for tokens that follow a word: each is preceded by a separator."""
    parts: list[str] = []
    for tok in seq:
        sep = "" if first else _SEP
        first = False
        if tok.kind == "gap3":
            parts.append(f"(?:{_SEP}{GAP_WORD}){{0,3}}")
        elif tok.kind == "alt" and tok.optional:
            parts.append(f"(?:{sep}{_tok_body(tok)})?")
        else:
            parts.append(sep + _tok_body(tok))
    return "".join(parts)


def _leading(seq: tuple[_Tok, ...]) -> list[tuple[_Tok, ...]]:
    """Expand alternatives at the start so that every sequence starts with a word. Optional
    groups in a row are a loop, not a call each: a pattern may hold thousands."""
    out: list[tuple[_Tok, ...]] = []
    while True:
        if not seq:
            raise PatternSyntaxError("a pattern cannot be only optional parts")
        first = seq[0]
        if first.kind in ("gap1", "gap3"):
            raise PatternSyntaxError("a pattern must start with a word, not a wildcard")
        if first.kind != "alt":
            return [*out, seq]
        for alt in first.alts:
            out.extend(_leading(alt + seq[1:]))
        if len(out) > MAX_EXPANSIONS:
            raise PatternSyntaxError(f"more than {MAX_EXPANSIONS} ways to start")
        if not first.optional:
            return out
        seq = seq[1:]


# An entry is (key kind, key, regex, its width): the regex matches the whole phrase from the
# start of a word. Keys are lowercase, as the tokenizer sees words (hyphens split words):
# "pair" is the first two words (the common case, so a frequent first word such as "her" only
# triggers the phrases that can follow it), "exact" the first word, "prefix" a prefix of it.
Entry = tuple[str, str | tuple[str, ...], str, Width]
Phrase = tuple[str, int, Width]  # a regex body, the index of its marker, its width


def _word_forms(tok: _Tok) -> list[str] | None:
    """Every spelling of a plain word token (None for wildcards, prefixes, phrases)."""
    if tok.kind == "word":
        return [tok.value]
    if tok.kind == "inflect":
        return inflections(tok.value)
    if tok.kind == "alt" and not tok.optional:
        forms: list[str] = []
        for alt in tok.alts:
            sub = _word_forms(alt[0]) if alt else None
            if sub is None:
                return None
            forms.extend(sub)
        return forms
    return None


def _second_words(rest: tuple[_Tok, ...]) -> list[str] | None:
    """The words the tokenizer can see right after the first word, if they are all known."""
    skipped: list[str] = []  # the words of optional groups, which may be left out
    for tok in rest:
        if tok.kind == "alt" and tok.optional:
            inner = _word_forms(_Tok("alt", alts=tok.alts))
            if inner is None:
                return None
            skipped.extend(inner)
            continue
        forms = _word_forms(tok)
        if forms is None:
            return None
        out: set[str] = set()
        for form in forms:
            pieces = [p for p in form.split("-") if p]
            out.update({pieces[0], "".join(pieces)})
        return skipped + sorted(out)
    return None


@lru_cache(maxsize=8192)
def compile_pattern(pattern: str) -> tuple[Entry, ...]:
    """Parse and compile one pattern (raises PatternSyntaxError). Cached: validating a lexicon
    compiles each pattern, and indexing it needs the same result (a new lexicon cache was
    paying for every pattern twice)."""
    _check_nesting(pattern)
    entries: list[Entry] = []
    for seq in _leading(_parse(pattern)):
        first, body = seq[0], _seq_body(seq)
        width = _seq_width(seq)
        firsts = _word_forms(first) if first.kind != "prefix" else None
        seconds = _second_words(seq[1:])
        hyphened = [f for f in firsts or () if "-" in f.strip("-")]
        if firsts and hyphened and len(hyphened) == len(firsts):
            # "in-and-out", "self-doubt": the tokenizer sees the pieces as separate words
            for form in hyphened:
                pieces = [p for p in form.split("-") if p]
                entries.append(("pair", (pieces[0], pieces[1]), body, width))
                entries.append(("exact", "".join(pieces), body, width))
            continue
        if firsts and seconds and not hyphened:
            thirds = None
            # a third key word only when the second token is one word in every alternative
            plain = seq[1].kind in ("word", "inflect") or (
                seq[1].kind == "alt"
                and not seq[1].optional
                and all(len(a) == 1 and a[0].kind in ("word", "inflect") for a in seq[1].alts)
            )
            if plain and not any(w.startswith("'") or "-" in w for w in seconds):
                thirds = _second_words(seq[2:])
            if (
                thirds
                and len(firsts) * len(seconds) * len(thirds) <= MAX_TRIPLES
                and not any(t.startswith("'") for t in thirds)
            ):
                triples = [(f, w, t) for f in firsts for w in seconds for t in thirds]
                entries.extend(("triple", key, body, width) for key in triples)
                continue
            for w in seconds:
                if w.startswith("'"):  # "she" + "'s" is the single word "she's"
                    entries.extend(("exact", f + w, body, width) for f in firsts)
                else:
                    entries.extend(("pair", (f, w), body, width) for f in firsts)
            continue
        forms = firsts or [first.value]
        for form in forms:
            pieces = [p for p in form.split("-") if p]
            kind = "prefix" if first.kind == "prefix" else "exact"
            entries.append((kind, "".join(pieces), body, width))
            if len(pieces) > 1:  # "non-compliant" also starts at the word "non"
                entries.append(("exact", pieces[0], body, width))
    return tuple(entries + _without_apostrophes(entries))


def _check_nesting(pattern: str) -> None:
    """Refuse groups nested more than MAX_NESTING deep: parsing and compiling recurse once per
    level, so a few hundred would stop with a RecursionError instead of one line."""
    depth = deepest = 0
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        deepest = max(deepest, depth)
    if deepest > MAX_NESTING:
        raise PatternSyntaxError(
            f"nested too deeply ({deepest} groups inside each other; at most {MAX_NESTING})"
        )


# "we're" without its apostrophe is "were": such spellings are not keys
_AMBIGUOUS_BARE = frozenset({"were", "well", "ill", "shell", "hell", "wed", "its", "shed"})


def _bare(word: str) -> str:
    if "'" not in word:
        return word
    bare = word.replace("'", "")
    return word if bare in _AMBIGUOUS_BARE or not bare else bare


def _without_apostrophes(entries: list[Entry]) -> list[Entry]:
    """The same entries keyed by apostrophe-less spellings ("didnt", "shes", "id")."""
    out: list[Entry] = []
    for kind, key, body, width in entries:
        if isinstance(key, str):
            bare_key: str | tuple[str, ...] = _bare(key)
        else:
            bare_key = tuple(_bare(w) for w in key)
        if bare_key != key:
            out.append((kind, bare_key, body, width))
    return out


def example_phrase(pattern: str) -> str:
    """One concrete phrase the pattern matches (first alternative, wildcards as "it")."""

    def words(seq: tuple[_Tok, ...]) -> list[str]:
        out: list[str] = []
        for tok in seq:
            if tok.kind == "alt":
                if not tok.optional:
                    out.extend(words(tok.alts[0]))
            elif tok.kind == "gap1":
                out.append("it")
            elif tok.kind != "gap3":
                out.append(tok.value)
        return out

    return " ".join(words(_parse(pattern)))


# The first word of a phrase, as a body starts with it: a lowercase literal, or a choice of
# literals (inflections), then the word's end. At most one way to match a given place.
_HEAD_WORD = re.compile(r"(?:[a-z]+|\(\?:[a-z]+(?:\|[a-z]+)*\))" + re.escape(_END))


def _shared_head(bodies: list[str]) -> str:
    r"""The first word (and the separator after it) that every body starts with, or "".

    A combined regex matches it once instead of once per marker group: `h(?:a()|b())` finds
    the same match and the same group as `ha()|hb()` because `h` can match in only one way.
    The separator is shared only when no body has a ``[-\s]?`` (a hyphen that may be a space):
    then nothing after a separator can start with a space, comma or hyphen, so the greedy
    separator never gives characters back and the shared one matches as each copy did."""
    m = _HEAD_WORD.match(bodies[0])
    if m is None:
        return ""
    head = m.group()
    if not all(b.startswith(head) for b in bodies):
        return ""
    with_sep = head + _SEP
    if all(b.startswith(with_sep) for b in bodies) and not any("[-\\s]" in b for b in bodies):
        return with_sep
    return head


Candidates = tuple[re.Pattern[str], tuple["Marker", ...]]
MAX_CACHED_WORDS = 200_000


class PhraseIndex:
    """Patterns indexed by their first word(s); per-key regexes are compiled on first use.

    Matching an entry is one pass over its words: a dict lookup per word (and per pair of
    words), and for the few places where a phrase can start, one `match` of a combined regex
    with a capture group per marker. Compiling lazily keeps loading a lexicon fast.
    """

    def __init__(self, markers: tuple[Marker, ...]) -> None:
        self._markers = markers
        # first word(s) -> (regex body, marker index, width: the order of a combined regex's
        # phrases) of every phrase that starts with them
        self._single: dict[str, list[Phrase]] = {}
        self._prefix: dict[str, list[Phrase]] = {}
        pairs: dict[tuple[str, ...], list[Phrase]] = {}
        self._cache: dict[str, Candidates | None] = {}
        seen: set[tuple[str, object, str]] = set()
        for idx, marker in enumerate(markers):
            for pattern in marker.patterns:
                for kind, key, body, width in compile_pattern(pattern):
                    if (kind, key, body) in seen:
                        continue  # the first marker that claims a phrase keeps it
                    seen.add((kind, key, body))
                    if kind in ("pair", "triple"):
                        assert isinstance(key, tuple)
                        pairs.setdefault(key, []).append((body, idx, width))
                    else:
                        assert isinstance(key, str)
                        table = self._single if kind == "exact" else self._prefix
                        table.setdefault(key, []).append((body, idx, width))
        self._prefix_lengths = sorted({len(k) for k in self._prefix})
        # every pair of words that starts a two- or three-word key -> (is it a two-word key,
        # the third words of its three-word keys): one C-level lookup per pair of words
        plans: dict[tuple[str, ...], tuple[bool, frozenset[str]]] = {}
        for key in pairs:
            is_pair, thirds = plans.get(key[:2], (False, frozenset()))
            if len(key) == 2:
                plans[key] = (True, thirds)
            else:
                plans[key[:2]] = (is_pair, thirds | {key[2]})
        # equal values share one object (~1,300 plans for ~26,000 pairs of words, ~2,700 lists
        # of phrases for ~66,000 keys), so a pickled index is smaller and loads faster
        shared: dict[Any, Any] = {}
        self.pair_plans = _Marshalled({k: shared.setdefault(v, v) for k, v in plans.items()})
        words = {*self._single, *(w for key in pairs for w in key)}
        self._pair_lists = _PairLists({k: shared.setdefault(tuple(v), v) for k, v in pairs.items()})
        # quick filters for single_at: words that start a phrase alone, and the first
        # letters of prefix keys (a word can only match a prefix key if its head is here)
        self.single_words = frozenset(self._single)
        self.prefix_head_len = min(self._prefix_lengths, default=1)
        self.prefix_heads = frozenset(k[: self.prefix_head_len] for k in self._prefix)
        self._single_at: dict[str, Candidates | None] = {}
        self.compiled = _CompiledPairs(self)
        self.regexes = RegexStore()  # set to one with a file by load_lexicon's cache
        # "tellin" -> "telling": keys hold the -ing spelling, and the matcher looks a dropped
        # g up by it (the phrase regexes accept both), instead of every key in two spellings
        self.dropped_g = {w[:-1]: w for w in words if _drops_g(w) and w[:-1] not in words}

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_single_at"] = {}  # a per-process cache of words seen in entries
        del state["compiled"]  # compiled on first use in each process
        del state["regexes"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.compiled = _CompiledPairs(self)
        self.regexes = RegexStore()

    def single_at(self, word: str) -> Candidates | None:
        """`single(word)`, or None at once for a word that starts no one-word-keyed phrase.

        Cached per word (the matcher looks up every word of an entry in the cache at once)."""
        found = (
            self.single(word)
            if word in self.single_words or word[: self.prefix_head_len] in self.prefix_heads
            else None
        )
        if len(self._single_at) > MAX_CACHED_WORDS:
            self._single_at.clear()  # a long-running process over a huge vocabulary
        self._single_at[word] = found
        return found

    def single(self, word: str) -> Candidates | None:
        """Combined regex for phrases keyed by the first word alone (or a prefix of it)."""
        try:
            return self._cache[word]
        except KeyError:
            pass
        found = list(self._single.get(word, ()))
        for n in self._prefix_lengths:
            if n > len(word):
                break
            found.extend(self._prefix.get(word[:n], ()))
        result = self._combine(found) if found else None
        self._cache[word] = result
        return result

    def _combine(self, found: list[Phrase]) -> Candidates:
        # one group per phrase, the longest (most specific) first: Python's alternation takes
        # the first alternative that matches, so the longest phrase wins whatever its marker.
        # The group is empty, at the phrase's end (`lastindex` still names the phrase that
        # matched): an alternative that opens with a letter rather than a group is skipped at
        # once where that letter is not next (matching an entry's phrases takes ~20% less)
        first_marker: dict[str, int] = {}
        widths: dict[str, Width] = {}
        for body, idx, width in sorted(found, key=lambda f: f[1]):
            first_marker.setdefault(body, idx)
            widths[body] = width
        bodies = sorted(first_marker, key=lambda b: (widths[b], b), reverse=True)
        cut = len(_shared_head(bodies))
        regex = bodies[0][:cut] + "(?:" + "|".join(b[cut:] + "()" for b in bodies) + ")"
        # a separator only starts at a non-word character: the word end before it is implied
        # (~10% less to compile, and less to run)
        regex = regex.replace(_END + _SEP, _SEP)
        compiled = self.regexes.compile(regex)  # run on lowercased text: literals are lowercase
        return compiled, tuple(self._markers[first_marker[b]] for b in bodies)


class WordIndex:
    """The learned markers' phrases, matched word for word (no regexes): they were learned as
    exact runs of words, so that is how they are found.

    ``phrases`` maps a run of words to its marker, in every spelling a writer may type: with
    or without its apostrophes ("mother's", "mothers") and with a dropped g ("tellin"), the
    spelling as learned first. ``first`` maps each word a phrase starts with to (the marker of
    that word alone or None, the length of its longest phrase of two or more words or 0), and
    ``pairs`` each pair of words a phrase starts with to the length of its longest phrase: most
    first words are followed by no phrase at all, and that takes one lookup to see.
    """

    def __init__(self, markers: tuple[Marker, ...]) -> None:
        self.phrases: dict[tuple[str, ...], Marker] = {}
        for marker in markers:
            for pattern in marker.patterns:
                self.phrases.setdefault(tuple(pattern.split()), marker)
        for words, marker in list(self.phrases.items()):
            for spelling in product(*map(_spellings, words)):
                self.phrases.setdefault(spelling, marker)
        longest: dict[str, int] = {}
        self.pairs: dict[tuple[str, ...], int] = {}
        for words in self.phrases:
            size = len(words) if len(words) > 1 else 0
            longest[words[0]] = max(size, longest.get(words[0], 0))
            if size:
                self.pairs[words[:2]] = max(size, self.pairs.get(words[:2], 0))
        self.first = {w: (self.phrases.get((w,)), n) for w, n in longest.items()}


def _spellings(word: str) -> list[str]:
    forms = [word, word.replace("'", "")]
    return forms + [form[:-1] for form in forms if _drops_g(form)]


_PLAIN_PHRASE = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*(?: [a-z0-9]+(?:'[a-z0-9]+)*)*")


class _CompiledPairs(dict[tuple[str, ...], Candidates]):
    """Two- or three-word key -> its combined regex, compiled on first use; later lookups
    are plain dict lookups."""

    def __init__(self, index: PhraseIndex) -> None:
        super().__init__()
        self.index = index
        self.by_list: dict[tuple[Phrase, ...], Candidates] = {}

    def __missing__(self, key: tuple[str, ...]) -> Candidates:
        phrases = tuple(self.index._pair_lists[key])
        # many keys have the same phrases (see PhraseIndex): compile them once
        found = self.by_list.get(phrases) or self.index._combine(list(phrases))
        self[key] = self.by_list[phrases] = found
        return found


class _Marshalled(dict[tuple[str, ...], Any]):
    """A dict of plain values (strings, numbers, tuples, frozensets) that pickles as one
    `marshal` blob: ~26,000 pairs of words unpickle ~5x faster so (every command that scores
    loads them)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_unmarshal, (type(self), marshal.dumps(dict(self))))


def _unmarshal(kind: type[dict[Any, Any]], blob: bytes) -> dict[Any, Any]:
    return kind(marshal.loads(blob))


class _PairLists:
    """Two- or three-word key -> its phrases, kept marshalled per first word and read on first
    use: a process scoring one text reads the few it needs, not ~66,000 keys (~50 ms)."""

    def __init__(self, lists: dict[tuple[str, ...], list[Phrase]]) -> None:
        groups: dict[str, dict[tuple[str, ...], list[Phrase]]] = {}
        for key, phrases in lists.items():
            groups.setdefault(key[0], {})[key] = phrases
        self._blobs = {word: marshal.dumps(group) for word, group in groups.items()}
        self._read: dict[str, dict[tuple[str, ...], list[Phrase]]] = {}

    def __getitem__(self, key: tuple[str, ...]) -> list[Phrase]:
        group = self._read.get(key[0])
        if group is None:
            group = self._read[key[0]] = marshal.loads(self._blobs[key[0]])
        return group[key]

    def __getstate__(self) -> dict[str, Any]:
        return {"_blobs": self._blobs, "_read": {}}


# --------------------------------------------------------------------------- validation


def _fail(path: str, where: str, problem: str) -> LexiconError:
    # ends as a sentence: a caller may add one ("… Your entry is kept as a draft …")
    return LexiconError(f"{path}: {where}: {problem}.")


def _list_problem(value: Any, example: str) -> str | None:
    """What is wrong with a list of non-empty strings (None if nothing)."""
    if not isinstance(value, list) or not value:
        return f"must be a non-empty list of strings, such as {example}"
    for n, item in enumerate(value, 1):
        if not isinstance(item, str):
            return f"item {n} ({item!r}) must be a string in quotes"
        if not item.strip():
            return f"item {n} is empty"
    return None


def _parse_marker(path: str, n: int, raw: Any, ids: dict[str, int]) -> Marker:
    if not isinstance(raw, dict):
        raise _fail(path, f"marker #{n}", "must be a table ([[marker]])")
    mid = raw.get("id")
    where = f"marker '{mid}'" if isinstance(mid, str) and mid else f"marker #{n}"
    for key in raw:
        if key not in _MARKER_FIELDS:
            hint = did_you_mean(key, _MARKER_FIELDS)
            raise _fail(path, where, f"field '{key}': unknown field{hint}")
    for key in _REQUIRED_FIELDS:
        if key not in raw:
            raise _fail(path, where, f"field '{key}': missing")
    if not isinstance(mid, str):
        shown = str(mid).lower() if isinstance(mid, bool) else repr(mid)  # as TOML writes it
        problem = f'must be text in quotes, such as id = "co_optation.jargon" (not {shown})'
        raise _fail(path, where, f"field 'id': {problem}")
    if not re.fullmatch(r"[a-z0-9_.-]+", mid):
        raise _fail(path, where, "field 'id': must be lowercase letters, digits, '_', '.', '-'")
    if mid in ids:
        problem = f"duplicate id (marker #{ids[mid]} has it too; this is marker #{n})"
        raise _fail(path, where, f"field 'id': {problem}")
    dim = raw["dimension"]
    if not isinstance(dim, str) or dim not in DIMENSIONS:
        known = ", ".join(DIMENSIONS)
        hint = did_you_mean(dim, DIMENSIONS) if isinstance(dim, str) else ""
        problem = f"{dim!r} is not a dimension{hint}; the dimensions are {known}"
        raise _fail(path, where, f"field 'dimension': {problem}")
    pol = raw["polarity"]
    if not isinstance(pol, str) or pol not in POLARITIES:
        raise _fail(path, where, f"field 'polarity': {pol!r} must be 'identity' or 'drift'")
    if dim in DRIFT_ONLY_DIMENSIONS and pol != "drift":
        raise _fail(path, where, f"field 'polarity': dimension '{dim}' is drift-only")
    if dim in IDENTITY_ONLY_DIMENSIONS and pol != "identity":
        raise _fail(path, where, f"field 'polarity': dimension '{dim}' is identity-only")
    weight = raw.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, int | float):
        shown = str(weight).lower() if isinstance(weight, bool) else repr(weight)  # TOML's
        problem = f"must be a number without quotes, such as 1.5 (not {shown})"
        raise _fail(path, where, f"field 'weight': {problem}")
    if not 0 < weight <= MAX_WEIGHT:
        problem = f"{weight:g} is out of range: it must be more than 0 and at most {MAX_WEIGHT:g}"
        raise _fail(path, where, f"field 'weight': {problem}")
    negation = raw.get("negation", "drop")
    if not isinstance(negation, str) or negation not in NEGATION_MODES:
        raise _fail(path, where, f"field 'negation': {negation!r} must be 'drop' or 'flip'")
    source = raw["source"]
    if not isinstance(source, str) or not source.strip():
        raise _fail(path, where, "field 'source': must be a non-empty string")
    wrong = _list_problem(raw["patterns"], '["you should", "told * to"]')
    if wrong:
        raise _fail(path, where, f"field 'patterns': {wrong}")
    patterns: list[str] = raw["patterns"]
    learned = raw.get("learned", False)
    if not isinstance(learned, bool):
        raise _fail(path, where, "field 'learned': must be true or false")
    if learned and not mid.startswith(LEARNED_PREFIX):
        problem = f"a learned marker's id starts with {LEARNED_PREFIX!r}"
        raise _fail(path, where, f"field 'id': {problem}")
    if not learned and mid.startswith(LEARNED_PREFIX):  # the id alone says learned downstream
        problem = (f"{LEARNED_PREFIX!r} is for generated markers (learned = true); give a "
                   "curated marker another id")
        raise _fail(path, where, f"field 'id': {problem}")
    if learned and negation != "drop":
        problem = "a learned marker's weight was learned for one polarity, so it cannot flip"
        raise _fail(path, where, f"field 'negation': {problem}")
    about = raw.get("about", "anyone")
    if not isinstance(about, str) or about not in ABOUT_MODES:
        raise _fail(path, where, f"field 'about': {about!r} must be 'anyone' or 'other'")
    if learned and about != "anyone":
        problem = "a learned marker's phrases are counted wherever they stand"
        raise _fail(path, where, f"field 'about': {problem}")
    for pattern in patterns:
        if learned:  # matched word for word (WordIndex)
            if not _PLAIN_PHRASE.fullmatch(pattern):
                problem = "a learned marker's phrases are lowercase words separated by spaces"
                raise _fail(path, where, f"field 'patterns': {pattern!r}: {problem}")
            continue
        try:
            compile_pattern(pattern)
        except PatternSyntaxError as exc:
            raise _fail(path, where, f"field 'patterns': {_shown(pattern)}: {exc}") from None
    ids[mid] = n
    return Marker(
        mid, dim, pol, float(weight), negation, source.strip(), tuple(patterns), learned, about
    )


def _shown(pattern: str, most: int = 60) -> str:
    """`pattern` quoted for a message, cut short if long (a message is one readable line)."""
    return repr(pattern) if len(pattern) <= most else repr(pattern[: most - 1]) + "…"


# tomllib's words for a `[marker]` written among `[[marker]]`s name the table, not the fix
_MARKER_TABLE_HINT = " Write each marker as [[marker]], with double brackets."


def parse_lexicon(
    data: bytes, path: str, progress: Callable[[bool], None] | None = None
) -> Lexicon:
    """Validate and compile lexicon bytes; `path` is only used in messages. Read as every
    TOML file is (`config.loads_toml`): an error, nesting too deep too, is one line.
    `progress` is called after each marker is checked (False) and once all are (True),
    before the index is built (`load_lexicon`'s announcement)."""
    try:
        doc = loads_toml(toml_text(data, path), path)
    except PeerJournalError as exc:
        hint = _MARKER_TABLE_HINT if "('marker'" in exc.message else ""
        raise LexiconError(exc.message + hint) from None
    if not doc:
        raise LexiconError(
            f"{path}: the file is empty; a lexicon needs [[marker]] entries (start from a copy "
            "of the shipped one: `peerjournal where` names it)."
        )
    for key in doc:
        if key not in _TOP_LEVEL:
            expected = "expected lexicon, labels, marker_labels, questions, marker"
            hint = did_you_mean(key, _TOP_LEVEL)
            raise _fail(path, f"table '{key}'", f"unknown table{hint} ({expected})")
    name = _name(path, doc.get("lexicon", {}))
    labels_raw = doc.get("labels", {})
    if not isinstance(labels_raw, dict):
        raise _fail(path, "table 'labels'", "must be a table of dimension = label")
    labels: dict[str, str] = {}
    for dim, label in labels_raw.items():
        if dim not in DIMENSIONS:
            hint = did_you_mean(dim, DIMENSIONS)
            raise _fail(path, "table 'labels'", f"field '{dim}': unknown dimension{hint}")
        if not isinstance(label, str) or not label.strip():
            raise _fail(path, "table 'labels'", f"field '{dim}': must be a non-empty string")
        labels[dim] = label
    questions_raw = doc.get("questions", {})
    if not isinstance(questions_raw, dict):
        raise _fail(path, "table 'questions'", "must be a table of dimension = [questions]")
    questions: dict[str, tuple[str, ...]] = {}
    for dim, qs in questions_raw.items():
        if dim not in DIMENSIONS:
            hint = did_you_mean(dim, DIMENSIONS)
            raise _fail(path, "table 'questions'", f"field '{dim}': unknown dimension{hint}")
        problem = _list_problem(qs, '["Whose choice was it?"]')
        if problem is None:
            unasked = [n for n, q in enumerate(qs, 1) if not q.rstrip().endswith("?")]
            problem = f"question {unasked[0]} does not end in '?'" if unasked else None
        if problem:
            raise _fail(path, "table 'questions'", f"field '{dim}': {problem}")
        questions[dim] = tuple(qs)
    raw_markers = doc.get("marker")
    if isinstance(raw_markers, dict):
        problem = "write each marker as [[marker]], with double brackets"
        raise _fail(path, "table 'marker'", problem)
    if not isinstance(raw_markers, list) or not raw_markers:
        raise _fail(path, "table 'marker'", "no [[marker]] entries")
    ids: dict[str, int] = {}
    markers = []
    for n, raw in enumerate(raw_markers, 1):
        markers.append(_parse_marker(path, n, raw, ids))
        if progress is not None:
            progress(False)
    if progress is not None:
        progress(True)
    curated = tuple(m for m in markers if not m.learned)
    learned = tuple(m for m in markers if m.learned)
    return Lexicon(
        path,
        content_version(data),
        name,
        tuple(markers),
        labels,
        _marker_labels(path, doc.get("marker_labels", {}), [m.id for m in curated]),
        questions,
        PhraseIndex(curated),
        WordIndex(learned) if learned else None,
    )


def _marker_labels(path: str, raw: Any, curated_ids: list[str]) -> dict[str, str]:
    """The [marker_labels] table: each key a curated marker of this lexicon, each value a
    non-empty string."""
    where = "table 'marker_labels'"
    if not isinstance(raw, dict):
        raise _fail(path, where, 'must be a table of "marker id" = label')
    for mid, label in raw.items():
        if mid not in curated_ids:
            hint = did_you_mean(mid, curated_ids)
            raise _fail(path, where, f"field '{mid}': no curated marker has this id{hint}")
        if not isinstance(label, str) or not label.strip():
            raise _fail(path, where, f"field '{mid}': must be a non-empty string")
    return {mid: label.strip() for mid, label in raw.items()}


def _name(path: str, meta: Any) -> str:
    """The [lexicon] table's name (the file's name without .toml if it has none)."""
    if not isinstance(meta, dict):
        raise _fail(path, "table 'lexicon'", 'must be a table: [lexicon] then name = "…"')
    for key in meta:
        if key not in _LEXICON_FIELDS:
            hint = did_you_mean(key, _LEXICON_FIELDS)
            raise _fail(path, "table 'lexicon'", f"field '{key}': unknown field{hint}")
    name = meta.get("name", Path(path).stem)
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, "table 'lexicon'", "field 'name': must be a non-empty string")
    return name.strip()


def content_version(data: bytes) -> str:
    """A lexicon's version: the start of its file's sha256 (so an edit is a new version)."""
    import hashlib

    return hashlib.sha256(data).hexdigest()[:12]


def lexicon_version(path: Path | None = None) -> str:
    """The version of a lexicon file without parsing it (the shipped one by default)."""
    return content_version(_read(path or DEFAULT_LEXICON))


# The shipped lexicon is ~0.4 MB; an organisation's may be larger, but not a hundred times: a
# file over this is the wrong file, refused before it is read (`--lexicon /dev/zero`, or a
# device or pipe named in config.toml, was read until the process ran out of memory).
MAX_LEXICON_BYTES = 50 * 1024 * 1024


def _read(path: Path) -> bytes:
    """A lexicon file's bytes; an error naming the file and the reason if it cannot be read
    (a folder, a device or pipe, a file over MAX_LEXICON_BYTES)."""
    from peerjournal.paths import NotAFileError, read_regular_file

    try:
        data = read_regular_file(path, MAX_LEXICON_BYTES + 1)
        if len(data) <= MAX_LEXICON_BYTES:
            return data
        problem = f"it is over {MAX_LEXICON_BYTES // (1024 * 1024)} MB, too large for a lexicon"
    except NotAFileError:
        what = "a folder" if Path(path).is_dir() else "not a file (a device or a pipe)"
        problem = f"it is {what}: give the lexicon's .toml file"
    except OSError as exc:
        problem = str(exc.strerror or exc)
    raise LexiconError(f"{path}: cannot read lexicon: {problem}.")


# The code that turns a lexicon into scores: when it changes, stored scores are stale too.
_SCORER_SOURCES = ("lexicon.py", "matcher.py", "score.py")


@cache
def scorer_version() -> str:
    """The version of the scoring code: the start of the sha256 of its source files, so that
    an upgrade that changes how text is scored marks the stored scores for `drift --rescore`
    (falls back to the package version where the sources cannot be read)."""
    import hashlib

    digest = hashlib.sha256()
    try:
        for name in _SCORER_SOURCES:
            digest.update(Path(__file__).with_name(name).read_bytes())
    except OSError:
        from peerjournal import __version__

        return __version__
    return digest.hexdigest()[:12]


_shipped: list[Lexicon] = []  # the shipped lexicon, once loaded in this process

# The shipped lexicon, parsed, is kept beside the package's bytecode as Python keeps .pyc
# files: it holds nothing of any journal, and every data dir would parse the same file (~2.5 s
# on the first command in a new one: a second PEERJOURNAL_HOME, a restore into a new journal).
# Like the drift modules' own regexes (regex_store), whatever PYTHONDONTWRITEBYTECODE says.
_SHIPPED_CACHE = Path(__file__).with_name("__pycache__") / "lexicon"


def _default_lexicon(cache_dir: Path | None) -> Lexicon:
    # One per process, whatever the cache dir: it is the same file (a test suite that gives
    # every test its own data dir would otherwise parse ~8,500 patterns for each).
    if not _shipped:
        path = str(DEFAULT_LEXICON)
        if cache_dir is None:
            _shipped.append(parse_lexicon(DEFAULT_LEXICON.read_bytes(), path))
        else:  # where the package folder is read-only (a system install), the data dir's
            folders = (_SHIPPED_CACHE, cache_dir)
            _shipped.append(_cached(_shipped_key(), DEFAULT_LEXICON.read_bytes, path, folders))
    return _shipped[0]


def _shipped_key() -> str:
    """The shipped lexicon's cache key, from the size and modification time of its file and of
    the code that parses it, as Python checks a .pyc against its source: they change only with
    an install or a developer's edit. Hashing their ~550 kB (and importing OpenSSL's `hashlib`
    to) took ~7 ms of every command that scores; an organisation's lexicon, a file anyone may
    edit twice within a clock tick, is keyed by its content (`_parse_cached`)."""
    from peerjournal import __version__

    stamps = []
    for name in (DEFAULT_LEXICON.name, *_SCORER_SOURCES):
        try:
            info = os.stat(DEFAULT_LEXICON.with_name(name))
        except OSError:  # a source left out of the install: scorer_version says so too
            stamps.append(f"{name}:-")
            continue
        stamps.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    code = f"{__version__}|{_CACHE_FORMAT}|{sys.implementation.cache_tag}"
    return text_digest("|".join([str(DEFAULT_LEXICON), code, *stamps])).hex()[:20]


def load_lexicon(
    path: Path | None = None,
    cache_dir: Path | None = None,
    announce: Callable[[str], None] | None = None,
) -> Lexicon:
    """The shipped lexicon (cached in memory), or an organisation's lexicon file.

    With `cache_dir`, the parsed lexicon is also kept on disk, keyed by the file's hash and
    this code's version: a later process loads it in ~25 ms instead of parsing ~8,500
    patterns (~2 s). The shipped lexicon's is kept in the package folder where it can be,
    keyed by its files' sizes and times (`_shipped_key`); so is the shipped file named by its
    path. `announce` is told, as a large organisation lexicon is parsed, that this will take
    a while (a minute for 8 MB): once it is found valid, or parsing has taken a while
    (`_announcer`), so that a broken file's error comes alone.
    """
    if path is None or is_shipped_file(path):  # (named by its path: the same file)
        return _default_lexicon(cache_dir)
    data = _read(path)
    said = (f"Reading the drift lexicon {path} ({len(data) / 1_000_000:.1f} MB) for the first "
            "time: this may take a while; later runs are quick.")
    progress = None
    if announce is not None and len(data) > ANNOUNCED_BYTES:
        progress = _announcer(lambda: announce(said))
    return _as_copy(_parse_cached(data, str(path), cache_dir, progress=progress), path)


ANNOUNCE_AFTER = 2.0  # seconds of checking a large lexicon before saying it takes a while


def _announcer(say: Callable[[], None]) -> Callable[[bool], None]:
    """A `parse_lexicon` progress that calls `say` once: when the file is known to be valid
    (indexing, as long again, is left), or when checking it has taken ANNOUNCE_AFTER
    seconds. A broken file's error is then its only line (and a file that is never cached
    is not told "later runs are quick"), unless finding the error took that long."""
    import time

    start = time.monotonic()
    said = False

    def progress(valid: bool) -> None:
        nonlocal said
        if not said and (valid or time.monotonic() - start > ANNOUNCE_AFTER):
            said = True
            say()

    return progress


SHIPPED_NAME = "peerjournal default"  # the shipped lexicon's [lexicon] name
# an uncached lexicon larger than this takes a second or more to parse: `load_lexicon` says so
ANNOUNCED_BYTES = 200_000


def name_as_read(name: str, path: Path) -> str:
    """A lexicon's name as peerjournal says it: an organisation's file started as a copy of
    the shipped one keeps its name, called "a copy of peerjournal default", so a reader can
    tell it from the shipped lexicon."""
    if name != SHIPPED_NAME or is_shipped_file(path):
        return name
    return f"a copy of {SHIPPED_NAME}"


def _as_copy(lexicon: Lexicon, path: Path) -> Lexicon:
    named = name_as_read(lexicon.name, path)
    if named == lexicon.name:
        return lexicon
    from dataclasses import replace

    return replace(lexicon, name=named)


def is_shipped_file(path: Path) -> bool:
    try:
        return os.path.samefile(path, DEFAULT_LEXICON)
    except OSError:
        return False


# Bumped when PhraseIndex's or WordIndex's pickled attributes, or the regex bodies compiled from
# patterns, change: an older pickle is then not reused.
_CACHE_FORMAT = "24"


def _parse_cached(
    data: bytes,
    path: str,
    *cache_dirs: Path | None,
    progress: Callable[[bool], None] | None = None,
) -> Lexicon:
    """parse_lexicon, through a pickle kept under the hash of the file's content, its
    resolved path and this code's version (see `_cached`); `progress` is parse_lexicon's,
    when there is none to load."""
    folders = [folder for folder in cache_dirs if folder is not None]
    if not folders:
        return parse_lexicon(data, path, progress)
    import hashlib

    from peerjournal import __version__

    # the code's own hash too: an upgrade that keeps the version number (an install from a
    # checkout) must not reuse what older code validated and compiled; and the interpreter's
    # tag, as the index holds `marshal` data, whose format is the interpreter's
    code = __version__ + scorer_version() + _CACHE_FORMAT + sys.implementation.cache_tag
    # the path resolved: "lex/../lex/org.toml" is the file already parsed as "lex/org.toml"
    key_data = data + _resolved(path).encode() + code.encode()
    key = hashlib.sha256(key_data).hexdigest()[:20]
    return _cached(key, lambda: data, path, folders, progress)


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # a symlink loop: the file was read, so hardly
        return path


def _cached(
    key: str,
    read: Callable[[], bytes],
    path: str,
    folders: Sequence[Path],
    progress: Callable[[bool], None] | None = None,
) -> Lexicon:
    """The lexicon kept under `key` in the first of `folders` that has it; else `read()` is
    parsed and written to the first that can be written (a cache: any problem means parse
    again)."""
    for folder in folders:
        lexicon = _load_cached(folder, key, path)
        if lexicon is not None:
            return lexicon
    lexicon = parse_lexicon(read(), path, progress) if progress else parse_lexicon(read(), path)
    kept_in = next((folder for folder in folders if _keep(lexicon, folder, key)), folders[0])
    lexicon.index.regexes = RegexStore(kept_in / f"regex-{key}-{TAG}.bin")
    return lexicon


def _load_cached(folder: Path, key: str, path: str) -> Lexicon | None:
    """The lexicon kept in `folder` under `key`, with its compiled regexes; None if it is
    not there or cannot be read."""
    import pickle

    cached = folder / f"lexicon-{key}.pickle"
    try:
        lexicon = pickle.loads(cached.read_bytes())
    except Exception:  # missing, stale or damaged cache: parse instead
        return None
    if not isinstance(lexicon, Lexicon):
        return None
    if lexicon.path != path:  # the same file named another way (the key holds it resolved)
        from dataclasses import replace

        lexicon = replace(lexicon, path=path)
    lexicon.index.regexes = RegexStore(folder / f"regex-{key}-{TAG}.bin")
    with contextlib.suppress(OSError):
        os.utime(cached)  # recently used: kept when the cache is pruned
    return lexicon


def _keep(lexicon: Lexicon, folder: Path, key: str) -> bool:
    """Write the parsed lexicon to `folder`; False if it cannot be (read-only, full)."""
    import pickle

    from peerjournal.paths import write_cache_file  # (0600 in the data folder)

    try:
        data = pickle.dumps(lexicon, protocol=pickle.HIGHEST_PROTOCOL)
        write_cache_file(folder / f"lexicon-{key}.pickle", data)
    except OSError:  # a read-only or full disk only costs the next run its speed
        return False
    _prune(folder)
    return True


KEPT_LEXICONS = 4  # parsed lexicons kept on disk: the shipped one and an organisation's few


def _prune(cache_dir: Path) -> None:
    """Drop all but the most recently used parsed lexicons and their regex files.

    Every edit of a lexicon file is a new version with files of its own (several MB for a
    large lexicon, up to `regex_store.MAX_BYTES` of regexes): without this, an organisation
    trying out its lexicon would fill the disk with versions that will never be used again.
    """
    by_age = sorted(
        cache_dir.glob("lexicon-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True
    )
    kept = {p.name.removeprefix("lexicon-").removesuffix(".pickle") for p in by_age[:KEPT_LEXICONS]}
    for old in by_age[KEPT_LEXICONS:]:
        old.unlink(missing_ok=True)
    for regexes in cache_dir.glob("regex-*.bin"):
        if regexes.name.split("-")[1] not in kept:
            regexes.unlink(missing_ok=True)
