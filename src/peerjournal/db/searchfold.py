"""The text the search index reads: the writer's words with full Unicode case folding.

SQLite's unicode61 tokenizer folds case one character at a time, and only by the simple
mappings of its own (older) Unicode tables: "Straße" is not "STRASSE", the ligature "ﬁ" of a
PDF copy-paste is not "fi", "ΟΔΟΣ" is not "οδός", "Ｈｏｕｓｉｎｇ" is not "housing".
Python's sqlite3 cannot register a tokenizer, so the store indexes `fold(text)` and searches
for `fold(query)`. Two spellings that Python's str.casefold makes equal fold to texts the
tokenizer (TOKENIZER) reads alike (checked for the upper, lower, title and case fold of every
letter, mark and number), so each finds the other.

The tokenizer reads combining marks as part of a word (revision 0009; unicode61 alone cut
words at them): the vowel signs, viramas, nuktas and anusvaras of Devanagari, Bengali, Tamil
and the other Indic scripts are kept, so "किताब" is one word, and not "कुतुब". `fold` drops
the marks a writer may leave out and still mean the same word: accents (below), the vowel
points and cantillation of Hebrew (ספר is סֵפֶר), the harakat of Arabic (كتاب is كِتَاب: tanwin,
fatha, damma, kasra, shadda, sukun, the superscript alef; not the hamza or madda of أ آ ؤ ئ,
which NFC writes as letters of their own), and variation selectors (❤️ is ❤, the emoji
presentation: never a word of its own).

`fold` leaves ASCII alone (unicode61 lowers it) and so keeps the text as it is wherever it
can: an entry whose fold is its own text needs no folded copy (`folded_or_none`), and FTS5
syntax in a query (AND, OR, NOT, NEAR, "phrases", prefix*, column:) is untouched. Other text
is put in NFC first, so spellings Unicode calls the same (canonically equivalent) fold alike in
every script: "и" with a combining breve (macOS and some keyboards paste accents apart) is
"й", Hangul jamo are their syllable, "क़" is "क" and a nukta. Then every character past ASCII
becomes its full case fold, after NFKC for the compatibility forms that only change
how a letter is drawn (ligatures, full-width and half-width forms, mathematical letters,
Arabic presentation forms): never for superscripts, fractions or circled numbers, whose
meaning would change. Four more follow the tokenizer's `remove_diacritics`, which knows
only precomposed Latin letters and the accents of U+0300-U+036F: Greek accents (ΟΔΟΣ, οδός),
the dotless ı of Turkish (ISI, ısı: the dotted İ already reads as i), every combining accent
of Latin, Greek and Cyrillic that NFC finds no letter for (some Greek letters casefold into
them; a Russian stress mark: "молоко́" is "молоко"; the rarer accents of U+1AB0-U+1AFF,
U+1DC0-U+1DFF, U+20D0-U+20FF, U+FE20-U+FE2F and the Cyrillic titlo too), and, as redaction
reads them (peerjournal.plain_letters; revision 0010), the letters with a stroke Unicode does
not decompose as their plain letter and æ œ þ spelled out: Łódź is "lodz", Đức "duc", Ærø
"aero".

Chinese and Japanese are written without spaces between words, and Korean words carry their
particles ("학교에"), so the tokenizer would read a whole run as one word: `fold` writes a space
on each side of each Han, Kana and Hangul character (revision 0010), and `fold_query` searches
a run of them as the phrase of its characters, which finds it inside a sentence. (Thai, Lao,
Khmer and Burmese are still read by whole runs: their words are more than one character, and
a character is not a syllable.)

Snippets come from the index, so they show folded text: `unfold_snippet` maps one back onto
the original words, highlights included (`Unfolder` maps each position).

The folds are stored (revisions 0006, 0008, 0009 and 0010 wrote them for older entries): a
change to `fold` needs a migration that folds every entry again, or old entries and new
queries would not agree.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from peerjournal.plain_letters import SPELLED_OUT, STROKED

if TYPE_CHECKING:
    import sqlite3

# Compatibility forms that only change how a letter is drawn (unicodedata.decomposition tags)
_DRAWN_ALIKE = frozenset(
    {"<compat>", "<wide>", "<narrow>", "<font>", "<initial>", "<medial>", "<final>", "<isolated>"}
)
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
_BEYOND_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
ELLIPSIS = "…"  # what FTS5's snippet() puts where it cuts a text (Store.search asks for it)
# FTS5's "at the start of a column" (^word), which the README does not offer: typed, it is a
# regular expression's habit or a slip, and `fold_query` drops it ("^housing" is "housing")
CARET = "^"
# "housing^2": other search tools' boost of a word (Lucene's), dropped with its number
BOOST = re.compile(r"(?<=\w)\^\d+(?:\.\d+)?")
# The search index's tokenizer, as revision 0009 made it (which keeps its own copy): letters,
# numbers, private-use characters and combining marks are parts of words.
TOKENIZER = "porter unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
# The combining marks `fold` drops (see the module's docstring): each range's marks only,
# (first, last).
_DROPPED_MARKS = (
    # accents typed apart from their letter (macOS pastes e and ´ for é, and casefold writes
    # some Greek letters so), as remove_diacritics drops the accents of a letter it knows;
    # not U+0345, the iota subscript, which folds to ι
    ("\u0300", "\u0344"),
    ("\u0346", "\u036f"),
    ("\u0483", "\u0489"),  # Cyrillic titlo and the like
    ("\u0591", "\u05c7"),  # Hebrew cantillation and vowel points
    ("\u064b", "\u0652"),  # Arabic tanwin, fatha, damma, kasra, shadda, sukun
    ("\u0656", "\u065e"),  # Arabic subscript alef and other vowel signs (not 065F: a hamza)
    ("\u0670", "\u0670"),  # Arabic superscript alef
    ("\u180b", "\u180f"),  # Mongolian variation selectors
    ("\u1ab0", "\u1aff"),  # Combining Diacritical Marks Extended
    ("\u1dc0", "\u1dff"),  # Combining Diacritical Marks Supplement
    ("\u20d0", "\u20ff"),  # Combining Diacritical Marks for Symbols (an emoji keycap too)
    ("\ufe00", "\ufe0f"),  # variation selectors
    ("\ufe20", "\ufe2f"),  # Combining Half Marks
    ("\U000e0100", "\U000e01ef"),  # variation selectors supplement
)

# A letter with a stroke read as its plain letter, æ œ þ spelled out as two (as redaction
# reads them), and the dotless ı as i (the dotted İ already reads as i): the small letters,
# as casefold leaves them.
_PLAIN = {
    **{letter: plain for letter, plain in STROKED.items() if letter.islower()},
    **SPELLED_OUT,
    "ı": "i",
}
# Scripts written without spaces between words (Han, Hiragana, Katakana), and Hangul, whose
# words carry their particles ("학교에", at school): each character is a word of its own to
# the index, so a word is found inside a sentence as the phrase of its characters
# (`fold_query`). Not ・ (U+30FB, a separator) nor conjoining jamo (NFC makes syllables).
_SPACED = re.compile(
    "[\u3005-\u3007\u3021-\u3029\u3031-\u3035\u303b\u3041-\u3096\u309d-\u309f"
    "\u30a1-\u30fa\u30fc-\u30ff\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7a3\uf900-\ufaff\U00020000-\U0003134f]"
)


def snippet_tokens(query: str) -> int:
    """How many of the index's words a search's snippet shows: 16 (about a line), or 32 for a
    query in a script of one character a word (whose 16 would be 16 characters: 32 fill a
    line as 16 words do)."""
    return 32 if _SPACED.search(query) else 16


# A "string" of FTS5 syntax (or an unclosed one, to the end): no operators inside
STRING = re.compile(r'"[^"]*(?:"|$)')
# … or else what `fold_query` makes a phrase: a run of spaced characters, or a word with an
# apostrophe in it (Jo's, don’t); or a ^, which `fold_query` drops. Only from a word's start
# (not after a letter or digit): tried from every position of a long run of letters (a pasted
# hash), each attempt reread the rest of it, and a 20,000-letter query took a minute
_APOSTROPHE_WORD = r"(?<!\w)\w+(?:['’]\w+)+"
_STRING_OR_PHRASE = re.compile(
    f"{STRING.pattern}|(?: {_SPACED.pattern} )+|{_APOSTROPHE_WORD}|{BOOST.pattern}"
    f"|{re.escape(CARET)}"
)


def _fold_char(ch: str) -> str:
    """One non-ASCII character's fold (a few characters for ß, ﬁ and the like)."""
    if _dropped_mark(ch):
        return ""
    text = ch
    tag = unicodedata.decomposition(ch).partition(" ")[0]
    if tag in _DRAWN_ALIKE and ch.isalnum():
        text = unicodedata.normalize("NFKC", ch)
    text = "".join(_PLAIN.get(c, c) for c in text.casefold())
    if any("\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff" for c in text):  # Greek
        text = "".join(
            c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
        )
    return f" {text} " if _SPACED.fullmatch(text) else text


def _dropped_mark(ch: str) -> bool:
    """A mark a writer may leave out (an optional vowel point, an accent, a variation selector)."""
    return unicodedata.category(ch)[0] == "M" and any(
        first <= ch <= last for first, last in _DROPPED_MARKS
    )


class _Folds(dict[int, str]):
    """Each character's fold, for str.translate: worked out the first time it is met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = folded = ch if code < 0x80 else _fold_char(ch)
        return folded


_FOLDS = _Folds()


def fold(text: str) -> str:
    """`text` as the search index reads it (see the module's docstring)."""
    return text if text.isascii() else _nfc(text).translate(_FOLDS)


def fold_query(query: str) -> str:
    """A query (FTS5 syntax) folded as `fold` folds the text it searches, each word of
    Han, Kana or Hangul outside a "string" made the phrase of its characters: "住房" finds
    "住房" inside "李伟和我一起去了住房办公室", and not an entry with 住 in one place and 房 in
    another. A word with an apostrophe is a "string" too, so one term: the index reads
    "Jo's" as the words jo and s, and FTS5 cannot read ' at all (`Sam OR Jo's` is
    `Sam OR "Jo's"`, not (Sam OR Jo) AND s). A ^ outside a "string" is dropped (CARET), with
    the number after it when it follows a word (BOOST)."""
    phrased = _phrased(query)
    widened = _widen_prefixes(_with_names_apart(phrased))
    return widened if widened == phrased else _anded(widened)


# FTS5 reads no AND from a space beside a bracket ("housing (office OR x)" is a syntax error):
# where `fold_query` made a group, the terms beside it are joined to it by an AND
_FTS_TOKEN = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_JOINS = ("AND", "OR", "NOT", "NEAR")


def _anded(query: str) -> str:
    tokens = list(_FTS_TOKEN.finditer(query))
    joined, done = [], 0
    for before, token in itertools.pairwise(tokens):
        if (before[0] == ")" or token[0] == "(") and before[0] != "(" and token[0] != ")" \
                and before[0] not in _JOINS and token[0] not in _JOINS \
                and not before[0].endswith(":"):
            joined += [query[done : token.start()], "AND "]
            done = token.start()
    return "".join([*joined, query[done:]])


def _phrased(query: str) -> str:
    """`fold_query` before its words are widened (`_with_names_apart`, `_widen_prefixes`)."""
    return _STRING_OR_PHRASE.sub(_as_term, fold(query))


# A word typed for a name written with an apostrophe after its O ("obrien", "ohara" for
# O’Brien, O'Hara; "oclock"), which the index reads as two words (o, brien): outside a
# "string" or a NEAR(…), not a prefix*, a column's name, nor after a - (FTS5 syntax)
_O_NAME = re.compile(
    rf'{STRING.pattern}|NEAR\s*\([^()]*\)?'
    r"|(?<![\w*\-:'’^])(?P<head>[Oo])(?P<rest>[A-Za-z]{3,})(?![\w*:'’])"
)


def _with_names_apart(query: str) -> str:
    """`query` with each word that may be an O' name ("obrien") also looking for it written
    with the apostrophe: `(obrien OR "o brien")` finds O’Brien, OBrien and O Brien."""

    def either(found: re.Match[str]) -> str:
        if found["head"] is None:
            return found[0]
        return f'({found[0]} OR "{found["head"]} {found["rest"]}")'

    return _O_NAME.sub(either, query) if "o" in query.lower() else query


# A prefix* as typed outside a "string" (and not after a - or inside a NEAR(…), where FTS5
# reads no OR); a "string" and a NEAR(…) are matched to be passed over
_PREFIX_OR_SKIPPED = re.compile(
    rf'{STRING.pattern}|NEAR\s*\([^()]*\)?|(?<![\w*"-])(?P<prefix>[A-Za-z]{{4,}})\*(?!\w)'
)
# The endings the porter stemmer takes off (with the doubled consonant before some), for
# `_stems_of_prefix` to end a prefix with: "manipula" may be "manipula|tive" or "-tion"
_ENDINGS = (
    "s", "es", "ed", "ing", "ings", "er", "ers", "ly", "ness", "ful", "fully", "fulness",
    "ment", "ments", "ion", "ions", "ation", "ations", "ative", "atives", "ate", "ated", "ates",
    "ating", "ator", "ive", "ively", "iveness", "ity", "ities", "al", "ally", "alism", "ance",
    "ances", "ence", "ences", "ant", "ent", "able", "ably", "ible", "ous", "ously", "ism",
    "ist", "ists", "ize", "ized", "izes", "izing", "ization", "ise", "ised", "ises", "ising",
    "isation", "ic", "ical", "ically", "y", "ies", "ied", "iness", "e", "ement",
)


def _widen_prefixes(query: str) -> str:
    """`query` with each prefix* also looking for the words it begins that it does not find
    (`p*` is `(p* OR word …)`): the index holds porter stems ("manipulative" as manipul,
    "slipped" as slip), which a prefix typed past the stem ("manipula*", "slipp*") does not
    begin. A word is looked for as its stem, so it also finds the other words of that stem
    ("slipp*" finds "slips")."""

    def widened(found: re.Match[str]) -> str:
        prefix = found["prefix"]
        if prefix is None:
            return found[0]
        words = _words_of_prefix(prefix.lower())  # (ASCII: the tokenizer lowers it)
        return f"({' OR '.join([found[0], *words])})" if words else found[0]

    return _PREFIX_OR_SKIPPED.sub(widened, query)


@functools.lru_cache(maxsize=256)
def _words_of_prefix(prefix: str) -> tuple[str, ...]:
    """Words that begin with `prefix` and end as English words do (`_ENDINGS`), one for each
    stem the index's tokenizer (TOKENIZER) makes of them that `prefix*` does not find:
    shorter than the prefix, or changed at its end ("happy" is happi). A query's word is
    stemmed as the text's are, so the word, not its stem, finds the stem ("hous" itself
    would be read as hou)."""
    words = sorted({prefix + ending[overlap:] for ending in ("", *_ENDINGS)
                    for overlap in range(len(ending) + 1) if prefix.endswith(ending[:overlap])})
    stem_of = dict(zip(words, _stems(words), strict=True))
    firsts: dict[str, str] = {}  # each stem's shortest word
    for word in sorted(words, key=len):
        firsts.setdefault(stem_of[word], word)
    return tuple(sorted(word for stem, word in firsts.items()
                        if len(stem) >= 3 and not stem.startswith(prefix)))


def _stems(words: list[str]) -> list[str]:
    """Each of `words` (of ASCII letters) as the index's tokenizer stems it (an FTS5 table
    in memory: Python's sqlite3 cannot call a tokenizer directly)."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        tokenizer = TOKENIZER.replace("'", "''")
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{tokenizer}')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        conn.execute("INSERT INTO t VALUES (?)", [" ".join(words)])
        by_place = dict(conn.execute("SELECT offset, term FROM v"))
        return [by_place[place] for place in range(len(words))]


def _as_term(found: re.Match[str]) -> str:
    """What `fold_query` makes of a match of _STRING_OR_PHRASE: a ^ is a space between words
    ("a^b" is two), a boost nothing."""
    if found[0] == CARET:
        return " "
    if found[0].startswith(CARET):
        return ""
    return found[0] if found[0].startswith('"') else f'"{found[0]}"'


def match_key(text: str) -> str:
    """`text` as the index matches a word: folded, without the accents the tokenizer's
    `remove_diacritics` drops ("Café" and "cafe" both "cafe"), and without full stops or
    dashes after it ("ward." is "ward"): for names the index does not hold (tags) to match as
    words in it do. So a tag stored with a full stop (by a hand edit: revision 0011 took them
    off, and `entry.normalise_tag` leaves them off) is found by `--tag ward.` as `tags` lists
    it, and by `--tag ward`."""
    folded = unicodedata.normalize("NFD", fold(text))
    return _nfc("".join(c for c in folded if not "\u0300" <= c <= "\u036f")).strip().rstrip(".-")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def folded_or_none(text: str) -> str | None:
    """What to store beside `text` for the index: its fold, or None when that is the text."""
    folded = fold(text)
    return None if folded == text else folded


def _clusters(text: str) -> Iterator[tuple[int, str]]:
    """`text` cut where NFC never joins two characters: each piece with where it starts.

    A cut goes before each character that is not a combining mark, unless NFC joins it to the
    piece before (Hangul jamo into a syllable, the second half of a two-part Indic vowel)."""
    piece, at = "", 0
    for start, ch in enumerate(text):
        if piece and not unicodedata.combining(ch) and _nfc(piece + ch) == _nfc(piece) + _nfc(ch):
            yield at, piece
            piece, at = "", start
        piece += ch
    if piece:
        yield at, piece


class Unfolder:
    """Maps positions in fold(text) back to positions in `text`.

    Most characters fold to one character, so only the others are listed (ß, ﬁ: two; a
    combining accent: none), and in text not in NFC each stretch that NFC changes (e and ´
    typed apart: one é): a snippet is mapped back without a Python step per ASCII character
    of its entry.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.odd = [  # (index in text, length there, length of its fold)
            (at, len(piece), length)
            for at, piece in self._pieces(text)
            if (length := len(_nfc(piece).translate(_FOLDS))) != 1 or len(piece) != 1
        ]
        self.folded_length = len(text) + sum(length - size for _, size, length in self.odd)

    @staticmethod
    def _pieces(text: str) -> Iterator[tuple[int, str]]:
        """The characters past ASCII, each with its index; where NFC changes the text, each
        stretch it changes is one piece."""
        if unicodedata.is_normalized("NFC", text):
            yield from ((m.start(), m[0]) for m in _BEYOND_ASCII.finditer(text))
            return
        done = 0  # NFC changes nothing outside a run past ASCII and the character before it
        for run in _BEYOND_ASCII_RUN.finditer(text):  # (no ASCII character joins another)
            start = max(run.start() - 1, done)
            stretch, done = text[start : run.end()], run.end()
            if unicodedata.is_normalized("NFC", stretch):
                yield from ((start + n, ch) for n, ch in enumerate(stretch))
                continue
            for at, piece in _clusters(stretch):
                if _nfc(piece) != piece:
                    yield start + at, piece
                else:
                    yield from ((start + at + n, ch) for n, ch in enumerate(piece))

    def index(self, pos: int, *, end: bool = False) -> int:
        """Where folded position `pos` is in the text: after any accents dropped just before
        it; inside a piece's fold (the "s|s" of ß, the é of e and ´ typed apart), at that
        piece's start, or with `end` (where a stretch of folded text ends) at its end, so it
        is never split."""
        grown = 0  # how much longer the fold is than the text, before the piece at hand
        for at, size, length in self.odd:
            folded_at = at + grown
            if pos < folded_at:
                break
            if pos < folded_at + length:
                return at + size if end and pos > folded_at else at
            grown += length - size
        return min(pos - grown, len(self.text))


_QUERY_WORD = re.compile(r"\w+")


def crowded(query: str, most: int) -> Callable[..., bool]:
    """Whether texts as the index reads them hold more than `most` matches of `query`, near
    enough (FTS5's snippet() takes time with the square of them): the words that start as a
    word of the query does, by its first three letters (the index's porter stemmer reads
    "housing", "houses" and "house" as one word; its stem is the word with, at most, its last
    letter changed)."""
    words = {word.casefold()[:3] for word in _QUERY_WORD.findall(_widen_prefixes(_phrased(query)))
             if word not in ("AND", "OR", "NOT", "NEAR")}
    starts = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words))) + ")", re.IGNORECASE
    )

    def many(*texts: bytes | str | None) -> bool:
        found = 0
        for text in texts:
            if isinstance(text, bytes):  # (read as bytes: text that is not UTF-8 fails a query)
                text = text.decode(errors="replace")
            for _ in starts.finditer(text or ""):
                found += 1
                if found > most:
                    return True
        return False

    return many if words else lambda *texts: False


def unfold_snippet(
    snippet: str, texts: list[tuple[str, str | None]], marks: tuple[str, str]
) -> str:
    """A snippet of folded text (matches between `marks`, cut with ELLIPSIS) as the same
    stretch of the original text, with the same words marked.

    `texts`: the texts the snippet may come from (an entry's columns), each with its fold as
    indexed (`folded_or_none`: None where the index read the text itself). A snippet found in
    none of the folds (one already of original text) is returned as it is, and so is one of
    a fold that is not this text's fold any more (made by another Unicode version).
    """
    start, end = marks
    head = ELLIPSIS if snippet.startswith(ELLIPSIS) else ""
    tail = ELLIPSIS if snippet.endswith(ELLIPSIS) and len(snippet) > len(head) else ""
    body = snippet[len(head) : len(snippet) - len(tail)]
    plain = body.replace(start, "").replace(end, "")
    for text, folded in texts:
        if folded is None or (at := folded.find(plain)) < 0:
            continue
        unfolder = Unfolder(text)
        if unfolder.folded_length != len(folded):  # not what fold() makes of it now
            continue
        pieces, was, pos = [], unfolder.index(at), at  # `was`: how far `text` is written out
        for piece in re.split(f"([{start}{end}])", body):
            if piece in marks:
                here = unfolder.index(pos, end=piece == end)
                pieces += [text[was:here], piece]
                was = here
            else:
                pos += len(piece)
        pieces.append(text[was : unfolder.index(pos, end=True)])
        return head + "".join(pieces) + tail
    return snippet


# The endings an apostrophe cuts off as a word of their own (the index reads "can't" as can
# and t): "cant" typed for "can't", "dont", "didnt", "youre", "ive", "shes" (`word_near`)
_CONTRACTED = ("t", "s", "d", "m", "ll", "re", "ve")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The starts of names an apostrophe cuts off as a word of their own: D'Angelo, L'Estrange
_NAME_HEADS = ("d", "l", "o")
_LONGEST_GUESSED = 40  # letters of a word `word_near` finds a word near
# highlight marks: Unicode noncharacters, never in a writer's text (a \x01 pasted into an
# entry was read as one, and the journal text up to the hit given as the word meant)
_MARK_START, _MARK_END = "\ufdd0", "\ufdd1"
_MARKED = re.compile(f"{_MARK_START}([^{_MARK_START}{_MARK_END}]*){_MARK_END}")


def word_near(conn: sqlite3.Connection, word: str) -> str | None:
    """A word of the journal's live entries that `word`, found in none, is likely a slip for:
    the same word with an apostrophe ("cant": "can't"), or one an edit away (a letter more,
    less, changed, or two swapped: "handovr": "handover"), or another form of one ("walking"
    for "walkd", found by "walk"), as written in an entry: so it finds entries. None when
    there is none, or `word` is too short to guess from (every two letters are a word).

    One FTS5 query of all the edits at once (a few hundred terms, each a seek in the index):
    a few milliseconds, where reading the index's vocabulary costs a second on a large
    journal (fts5vocab counts every term's rows)."""
    word = fold(word).lower()
    # (a word longer than any written is a paste, not a slip: its edits, tens of thousands of
    # terms, took minutes and made a query too long for SQLite, exit 70)
    if not 3 <= len(word) <= _LONGEST_GUESSED or not word.isalpha():
        return None
    for tail in _CONTRACTED:
        head = word.removesuffix(tail)
        if head != word and len(head) > 1 and _marked_word(conn, f'"{head} {tail}"'):
            return f"{head}'{tail}"
    for head in _NAME_HEADS:  # "dangelo": D'Angelo (an O' name is found as it is typed)
        rest = word.removeprefix(head)
        if rest != word and len(rest) > 2 and _marked_word(conn, f'"{head} {rest}"'):
            return f"{head}'{rest}"
    # the word the match highlights, as the entry has it: an edit, or another form of an
    # edit's stem ("walking" for "walkd", found by "walk"), never the edit itself, which may
    # be no word ("walki") and find nothing
    return _marked_word(conn, " OR ".join(f'"{edit}"' for edit in sorted(_edits(word))))


def word_split(conn: sqlite3.Connection, word: str) -> str | None:
    """The two words, one after the other in a live entry, that `word` (found in none) is
    when split ("wellbeing": "well being", as the entry has them); None when there are none,
    or `word` is too short (or long) to split. A query per split: a dozen at most."""
    word = fold(word).lower()
    if not 5 <= len(word) <= _LONGEST_GUESSED or not word.isalpha():
        return None
    return next((f"{word[:i]} {word[i:]}" for i in range(2, len(word) - 1)
                 if _marked_word(conn, f'"{word[:i]} {word[i:]}"')), None)


def in_live_entry(conn: sqlite3.Connection, word: str) -> bool:
    """Whether a live entry has `word` (a plain word, as a query gives it; or a few: all of
    them): found in the index without ranking every entry that has it, as a search would
    (hundreds of milliseconds for a word of thousands of entries). A word FTS5 cannot read
    counts as found: not said to be missing."""
    import sqlite3

    try:
        return _marked_word(conn, fold_query(word)) is not None
    except sqlite3.OperationalError:
        return True


def _edits(word: str) -> set[str]:
    """The words one edit from `word` (Norvig's four kinds), over a-z and its own letters."""
    letters = set(_LETTERS) | set(word)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    edits.discard(word)
    return {edit for edit in edits if len(edit) > 1}


def _marked_word(conn: sqlite3.Connection, match: str) -> str | None:
    """The first word that FTS5 query `match` finds in a live entry, as the entry has it
    (lower case); None if it finds none."""
    columns = conn.execute("SELECT count(*) FROM pragma_table_info('entry_fts')").fetchone()[0]
    marked = " || ' ' || ".join(
        f"coalesce(highlight(entry_fts, {n}, char(0xFDD0), char(0xFDD1)), '')"
        for n in range(columns)
    )
    row = conn.execute(
        f"SELECT {marked} FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid "
        "WHERE entry_fts MATCH ? AND e.deleted_at IS NULL LIMIT 1", [match]
    ).fetchone()
    found = _MARKED.search(row[0]) if row else None
    return found[1].lower() if found else None
