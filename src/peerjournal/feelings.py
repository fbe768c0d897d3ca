"""The feelings a writer names, from a curated vocabulary (data/feelings.toml).

`named_feelings(text)` counts, per feelings family, the forms the writer uses about
themselves. Three things keep the count honest:

- negation: a negator in the same clause at most `NEGATION_WINDOW` words before the form
  ("not scared", "I wasn't anxious", "no longer ashamed", "didn't feel tired") drops it;
  "not only", "never felt so" are intensifiers, not negations;
- others' feelings: when the nearest person word before the form in the same clause is
  someone else ("she looked scared", "the team seemed annoyed"), it is theirs, not the
  writer's ("seeing him scared made me sad" counts only "sad"), unless the writer is with
  them ("me and her mum felt anxious") or joins in after ("Sam felt angry and so did I");
  a person word is also a name or an initial as the subject of a linking verb ("Priya felt
  anxious", "J. was scared", "Marcus's proud"), but not a place ("London felt lonely"): see
  `_is_named`; and a relative clause about someone else is theirs ("Sam, who was upset,
  left", "the man who was scared", "Sam, who I think was upset"; not "I, who was scared
  myself", "I'm someone who gets anxious"): see `_relative_about`;
- everyday words: forms listed as `cued` in the data ("down", "close", "heard") count only
  after a feeling cue ("felt", "so", "really", "and" …) a few words before them, or when
  they stand alone as a clause ("Steady.", "Flat, heavy.", "Tired. Steady though."): the
  text is the writer's answer to the feelings question, and the question is their cue.
  "I sat down" and "close to the station" stay uncounted;
- denial after the form: a feeling asked of the writer and answered no ("Anxious? Not
  really.", "Was I scared? No."; not someone else's question after it: "I felt guilty when
  he asked, can you stay? No.") or expected and then not felt ("I expected to feel anxious
  but didn't", "I thought I'd be ashamed, but I wasn't") is not counted: see `_denied_after`.
  A feeling the writer is unsure of ("I wasn't sure if I was angry", "Was I scared?") is
  still named.

Pure: no Rich, no database. The vocabulary is loaded once per process.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from peerjournal.drift import regex_store
from peerjournal.errors import PeerJournalError

NEGATION_WINDOW = 3  # words between a negator and the feeling it negates
CUE_WINDOW = 3  # words between a cue ("felt", "so") and a cued form
KINDS = ("obstructing", "utilising")

# (and the one letter whose lower case is two, so the lowered text keeps the offsets)
_TRANSLATE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u0130": "I"})
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
# A clause ends at punctuation or at a conjunction that starts a new clause.
_CLAUSE_BREAK = re.compile(
    r"[.,;:!?()\n\u2013\u2014]|\s-+\s"
    r"|(?<![\w'])(?:(?:but|yet|because|although|though|however|while|whilst|whereas|when"
    r"|until|unless|which|who|that)(?![\w'])"
    r"|and(?=\s+(?:i|he|she|they|we|you|it)(?![\w']))|so(?=\s+i(?![\w'])))"
)
# … but not at the period of an initial going on in lower case ("J. felt anxious"; "I met J.
# Felt anxious" ends a sentence), matched on the text as written, for its capitals.
_INITIAL_PERIOD = re.compile(r"[A-HJ-Z](?<![\w'][A-HJ-Z])(\.)(?=\s+[a-z])")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NEGATORS = _words("not no never nor neither without hardly barely nothing nobody none cannot")
_NOT_NEGATION = re.compile(
    r"(?:not\s+only|not\s+just|never\s+(?:felt|been|was)\s+(?:so|more|as))\s+(?:\w+\s+){0,2}$"
)
_NO_LONGER = re.compile(r"no\s+longer\s+(?:\w+\s+){0,2}$")
# A question that is the form, answered no: the form alone or after "was I", "did I feel",
# "am I feeling" … in its clause ("Anxious? Not really.", "Was I scared? No, proud."), a few
# words after it at most ("Scared of him? No."), and the answer right after its "?" (ending
# at punctuation or the text's end: "No idea" and "Not really sure" are no denial; "Not now,
# but earlier yes" is none either). "I felt guilty when he asked, can you stay? No." answers
# someone else's question: the feeling stays.
_ASKED_OF_SELF = re.compile(
    r"\s*(?:(?:and|so|but|then|ok|okay|honestly|well)\s+)?"
    r"(?:(?:(?:was|am|did|do|were|have|had)\s+i|(?:was|is)\s+it)\s+)?"
    r"(?:(?:feel|feeling|felt|been|really|actually|even|ever|at\s+all|a\s+bit|a\s+little"
    r"|too|very|that|so)\s+){0,3}"
)
ASKED_AFTER_WORDS = 4  # words between the form and its question mark, none quoted
_QUOTE = re.compile("[\"\u201c\u201d]")
_ANSWERED_NO = re.compile(
    r"\?\s*(?:no|nope|nah|never|hardly|not(?:\s+(?:really|at\s+all|much|very|so"
    r"\s+much|anymore|any\s+more|today))?|of\s+course\s+not)(?:\s+(?:really|at\s+all))?"
    r"\s*(?:[.,;!?\n\u2013\u2014]|$)(?!\s*but\s+(?:earlier|before|at\s+first|then|yes|i\s+was))"
)
# A feeling expected before the form in its sentence ("I expected to feel", "I thought I'd
# be", "I was worried I'd feel") …
_EXPECTED = re.compile(
    r"(?<![\w'])(?:expect(?:ed)?|thought|assumed|imagined|figured|feared|worried|braced"
    r"|predicted|was\s+sure)(?![\w'])[^.!?;\n]*$"
)
# … and not felt, right after it: "… but didn't", ", but I wasn't (at all)".
_NOT_FELT = re.compile(
    r"\s*,?\s*but\s+(?:i\s+)?(?:didn't|did\s+not|wasn't|was\s+not|never\s+(?:did|was))"
    r"(?:\s+(?:really|at\s+all|in\s+the\s+end|after\s+all))?\s*(?:[.,;!?\n]|$)"
)
_CUES = _words(
    "feel feels felt feeling am was were is are i'm im be been being so very really quite "
    "pretty bit little too and also still more most deeply incredibly genuinely totally "
    "utterly rather somewhat left made me"
)
# Words that may stand with a cued form in a clause of its own ("kind of flat", "down
# again", "heavy afterwards", "flat all day"): how much or when, never what or where.
_ALONE_BEFORE = _words(
    "kind sort of fairly slightly mostly mainly just oddly strangely weirdly surprisingly "
    "then now later afterwards both"
)
_ALONE_AFTER = _words(
    "though too now afterwards after later today tonight again still inside really mostly "
    "somehow anyway overall then all day"
)
_SELF = _words("i me my myself i'm i've i'd i'll we us our ourselves we're")
_OTHERS = _words(
    "he she they him her them his their he's she's they're everyone nobody team staff doctor "
    "doctors nurse nurses psychiatrist consultant manager colleague colleagues patient "
    "patients client clients person family mum dad mother father son daughter gp"
)
# Who else a relative clause ("the man, who was scared", "her mum that felt let down") may
# be about: the people of `_OTHERS` bar the pronouns ("told her that was scary"), and more.
_PEOPLE = (_OTHERS - _words("he she they him her them his their he's she's they're")) | _words(
    "man men woman women lad lads guy guys bloke girl girls boy boys kid kids child children "
    "baby lady ladies friend friends mate mates brother sister wife husband partner boyfriend "
    "girlfriend uncle aunt auntie cousin gran grandad grandma nan neighbour neighbours carer "
    "carers peer peers volunteer volunteers worker workers officer officers student students "
    "caller callers teacher boss someone somebody anyone anybody everybody people"
)
# A relative pronoun ending the text before a form's clause (the pronoun is a clause break),
# and the word the clause is about, before it past a comma, a bracket or a dash: "Sam, who
# was upset", "the man who was scared", "Sam (who was upset)", "Sam - who was upset -".
_RELATIVE = re.compile(r"(?<![\w'])(?:who|which|that)$")
_BEFORE_RELATIVE = re.compile(r"(?<![\w'])[^\W\d_]+(?:'[^\W\d_]+)*[\s,(\-\u2013\u2014]*$")
# The writer among the people before the form: "me and Sam felt", "I and her mum were".
_WRITER_WITH = re.compile(r"(?<![\w'])(?:i|me|we|us|myself)\s+(?:and|&)\s+(?:[\w']+\s+){0,2}$")
# … or joining in after it: "Sam felt angry and so did I", "Z. was furious and honestly so
# was I", "He was scared. Me too."
_WRITER_TOO = re.compile(
    r"[\s,;.!-]*(?:(?:and|but|honestly|really|[a-z]+ly)\s+){0,2}"
    r"(?:so\s+(?:did|was|were)\s+(?:i|we)|as\s+(?:did|was)\s+i|(?:i|we)\s+(?:did|was|were)\s+too"
    r"|me\s+too|same\s+here)(?![\w'])"
)
# A word, its apostrophes inside ("Priya's", "O'Neill"), in any script ("Zoë")
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
# What makes the word before it the subject of a feeling: a linking verb ("Priya felt",
# "Sam was", "J. seemed", "Dee really looked", "Jo had been", "Sam then felt", "Sam started to
# feel", "Sam began feeling"); "'s" before the form, or before such words only ("Priya's
# anxious", "Sam's anxiety", "Sam's been anxious"); or, in the middle of a sentence, nothing
# but how much between the word and the form ("Seeing Priya so anxious"). A name before any
# other verb is not the feeling's subject ("Priya scared me", "Went to Tesco and felt
# anxious"), nor one after a preposition ("Drove to Tesco anxious").
# (Not a gerund: "Love feeling useful", "Spent the day in Tallaght feeling like a fraud".)
_HOW_MUCH = (
    r"[a-z]+ly|just|still|also|always|even|really|so|very|quite|pretty|too|both|all|then|later"
    r"|now|soon|again|already"
)
_MODIFIERS = (
    rf"(?:\s+(?:{_HOW_MUCH}|had|has|have|must|might|may|could|would|will|been|be)(?![\w']))*"
)
_LINKED = re.compile(
    rf"\.?{_MODIFIERS}\s+"
    r"(?:felt|feels|feel|was|is|were|are|seemed|seems|looked|looks|got|gets|became|becomes"
    r"|sounded|sounds|appeared|appears|went|goes|grew|stayed|remained|been|acted|acts"
    r"|(?:started|starts|began|begins|kept|keeps)\s+(?:to\s+(?:feel|be|get|look|seem|become)"
    r"|feeling|being|getting|looking))(?![\w'])"
)
_AFTER_CONTRACTION = re.compile(rf"{_MODIFIERS}(?:\s+(?:feeling|getting|looking|got))?\s*")
_DIRECT = re.compile(rf"(?:\s+(?:{_HOW_MUCH})(?![\w']))*\s+")
_PREPOSITIONS = _words(
    "to at in on into onto from by near past through round around about for with without"
)
# What makes the head of a relative clause the writer: "I'm", "we're" or, with the writer the
# nearest person before it, "am", "was", "be", "felt", "as", "like" … ("I am a person who", "I've
# always been someone who", "I hid like someone who"), or "I," ("I, someone who gets anxious"),
# then how much and a noun phrase: "the kind of", "a very anxious" (one word that is no
# preposition, no "-ing": "I was the one helping someone who", "I was with someone who").
# "As someone who was scared, I went in": see `_writer_is`. ("I like someone who" is liking.)
_WRITER_HEAD = re.compile(
    r"(?<![\w'])(?:(?P<direct>i'?m|we're|(?:i|me|myself)\s*[,(\-\u2013\u2014]+)"
    r"|(?P<link>am|are|was|were|be|been|being|feel|feels|felt|as|(?<!\bi\s)(?<!\bwe\s)like))"
    rf"(?:\s+(?:{_HOW_MUCH})(?![\w']))*\s+(?:(?:a|an|the|such)\s+(?:(?:kind|sort|type)\s+of\s+)?"
    rf"(?:(?:{_HOW_MUCH})\s+)*(?:(?!(?:{'|'.join(sorted(_PREPOSITIONS))}|[a-z]+ing)\s)[a-z]+\s+)?)?$"
)
# … "As someone who was scared of hospitals, I went in": opening the sentence with "as",
# "like" or "being", the head is the subject that follows the relative clause's comma.
_WRITER_AFTER = re.compile(
    r"[^,.!?;:\n]*,\s*(?:[a-z]+ly\s+)?(?:i|i'[a-z]+|my|we|we're|our)(?![\w'])"
)
# The writer's opinion of someone else's feeling, opening a relative clause about them ("Sam,
# who I think was frustrated", "who I felt was let down"): theirs, as "I think Sam was" is.
_WRITER_THINKS = re.compile(
    rf"\s*i(?:\s+(?:{_HOW_MUCH}))*\s+(?:think|thought|feel|felt|guess|guessed|reckon|reckoned"
    r"|suppose|supposed|believe|believed|know|knew|imagine|imagined|assume|assumed|bet|expect"
    r"|expected|sense|sensed|(?:can|could)\s+tell)"
    rf"(?:\s+(?:{_HOW_MUCH}))*\s+(?=(?:was|is|were|are|had|has|must|might|may|could|would"
    r"|seemed|seems|looked|looks|felt|feels|got|gets|became|sounded|sounds)(?![\w']))"
)
# What stands between a subject and its verb without being either: a bracket ("Sam (new to
# the group) felt"), a relative clause between commas or dashes ("Sam, who I support, felt",
# "Sam - who I support - felt") and the comma of a repeated word ("very, very anxious").
# Blanked while looking for the subject.
_INSERTION = re.compile(
    r"\s*\([^()\n]*\)|,\s*(?:who|whom|whose|which)(?![\w'])[^,.;:!?()\n]*,"
    r"|\s+[-\u2013\u2014]+\s*(?:who|whom|whose|which)(?![\w'])[^.;:!?()\n]*?\s[-\u2013\u2014]+(?=\s)"
    r"|(?<![\w'])(?P<word>[a-z]{2,})(?P<comma>,)(?=\s+(?P=word)(?![\w']))"
)
# Capitalised words that open a diary sentence without being anyone, beyond the sentence
# openers namewords.py knows ("Kinda felt flat", "Life felt heavy", "God was I tired"), and the
# news no word list here knows ("Brexit felt tense").
_NOT_NAMES = _CUES | _ALONE_BEFORE | _words(
    "kinda sorta mega super def tbh ngl lowkey somehow fully truly bloody dead life day ward "
    "god gosh jeez blimey christmas xmas easter diwali eid ramadan hanukkah passover halloween"
    " thanksgiving brexit covid lockdown uk eu"
)
# Places that open a sentence as its subject ("London felt lonely", "Town was dead", "Tesco
# felt chaotic"): the kinds of place no word list here knows, the countries and the largest
# cities of the UK and Ireland and of the world, and the big shops; not those that are also
# given names (Jordan, Georgia, Florence, Sydney, Paris, Chelsea, Victoria, India, Austin).
# A place is the writer's setting: "London felt lonely" is the writer's loneliness.
_PLACES = _words(
    """
    town city village estate centre center airport market mall supermarket chapel mosque
    temple gurdwara synagogue cathedral canal seaside countryside abroad road
    england scotland wales ireland britain usa america canada australia france spain
    italy germany poland portugal greece turkey romania lithuania ukraine russia china japan
    pakistan bangladesh nigeria ghana kenya somalia jamaica mexico brazil europe africa
    london birmingham manchester leeds glasgow liverpool newcastle sheffield bristol
    edinburgh cardiff belfast dublin cork galway limerick leicester nottingham coventry
    bradford brighton southampton portsmouth plymouth hull stoke wolverhampton oxford
    cambridge york aberdeen dundee swansea norwich exeter derby sunderland middlesbrough
    blackpool bournemouth luton keynes tallaght swords
    berlin madrid rome amsterdam brussels lisbon warsaw vienna prague budapest athens
    istanbul moscow tokyo beijing shanghai delhi mumbai karachi lahore dhaka lagos cairo
    nairobi toronto vancouver melbourne chicago vegas zealand kong
    tesco asda aldi lidl morrisons sainsbury sainsburys primark ikea
    """
)
# What puts a word somewhere as a place, not a person: living, arriving or being in it,
# going to or from it ("lived in Leeds", "back in Ennis", "moved to Cork", "the train from
# Derby"); not "confided in" nor "went to" (a person too: "went to Priya for help").
_IN_PLACE = (
    r"(?<![\w'])(?i:(?:lived?|lives|living|based|born|raised|up|back|stay(?:ed|ing|s)?|holiday"
    r"|days?|nights?|weeks?|weekend|was|were|am|been|out|home)\s+in"
    r"|(?:move[ds]?|moving|flew|fly|flying|drove|driving|travell?(?:ed|ing)?|trip|train|bus"
    r"|flight|journey|commute)\s+(?:to|from|back\s+to|back\s+from))\s+"
)
_SENTENCE_ENDS = ".!?:;\n"

# A feeling verb with an object ("I encouraged him", "Excited the team", "upset her",
# "encouraged adherence") is an action: its object feels it, not the writer ("It encouraged
# me" is left to the subject rules). These verbs' experiencer is their object, so only their
# past forms are read this way ("-ed", "upset", "hurt"), never "hope" or "dread", and never
# after a linking verb or "so" ("I felt encouraged", "was excited", "so pleased").
_ACTION_FORM = re.compile(r"[a-z]+ed|upset|hurt")
_LINKING = _words(
    "feel feels felt feeling am was were is are i'm im be been being get gets got getting "
    "become became seem seems seemed look looked so very too quite pretty more most less "
    "rather somewhat bit little me us myself left"
)
# What follows a feeling without being its object: "Excited about", "Pleased overall",
# "Worried she would", "Scared stiff", "Encouraged though"; any other word starts one ("him",
# "the team", "Sam", "adherence").
_NOT_OBJECTS = _PREPOSITIONS | _ALONE_AFTER | _CUES | _words(
    "us myself ourselves and or but nor as than that if whether because enough sick stiff tbh "
    "lol honestly of up out off over before since yet i he she they we you it there what how"
)
# A finite verb a few words after the object: it was the subject of a clause the feeling is
# about ("Worried the client might relapse", "Relieved the session ended").
_FINITE = re.compile(
    r"(?:would|will|might|could|may|can|should|must|was|were|is|are|had|has|did|does|went"
    r"|got|came|made|said|took|ran|kept|gave|left|[a-z]+ed|[a-z]+n't)"
)
# How much, between a linking verb and the form ("was really encouraged"); and when, as what
# follows it ("Worried the whole shift", "Frustrated this morning").
_HOW = _words("really just also still even")
_WHEN = _words(
    "day days morning afternoon evening night week weekend month year time times while moment "
    "rest hour hours shift"
)
# Forms read as states even before a noun ("Tired body", "Exhausted all week"), not actions.
_STATES = _words("tired exhausted drained depleted knackered shattered isolated gutted")


@dataclass(frozen=True)
class Family:
    id: str
    label: str
    kind: str
    words: tuple[str, ...]
    cued: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # identity hash: the matcher cache must not hash every word
class Vocabulary:
    version: str
    families: tuple[Family, ...]

    def label(self, family_id: str) -> str:
        return self.by_id()[family_id].label

    def by_id(self) -> dict[str, Family]:
        return {f.id: f for f in self.families}

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.families)


def _invalid(source: str, problem: str) -> PeerJournalError:
    return PeerJournalError(f"The feelings vocabulary {source} is not valid: {problem}.")


def parse_vocabulary(data: dict[str, object], source: str = "") -> Vocabulary:
    """Validate the TOML structure; a typo is a clear error, not a silent gap."""
    unknown = set(data) - {"version", "family"}
    if unknown:
        raise _invalid(source, f"unknown key(s) {', '.join(sorted(unknown))}")
    raw_families = data.get("family")
    if not isinstance(raw_families, list) or not raw_families:
        raise _invalid(source, "it needs at least one [[family]]")
    families: list[Family] = []
    seen_forms: dict[str, str] = {}
    for raw in raw_families:
        if not isinstance(raw, dict):
            raise _invalid(source, "each [[family]] must be a table")
        extra = set(raw) - {"id", "label", "kind", "words", "cued"}
        if extra:
            raise _invalid(source, f"unknown key(s) {', '.join(sorted(extra))} in a family")
        fid, label, kind = raw.get("id"), raw.get("label"), raw.get("kind")
        if not (isinstance(fid, str) and fid and isinstance(label, str) and label):
            raise _invalid(source, "every family needs an id and a label")
        if kind not in KINDS:
            raise _invalid(source, f"family {fid!r} has kind {kind!r}; use one of {KINDS}")
        forms: dict[str, tuple[str, ...]] = {}
        for key in ("words", "cued"):
            values = raw.get(key, [])
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise _invalid(source, f"family {fid!r}: {key} must be a list of strings")
            forms[key] = tuple(" ".join(v.lower().split()) for v in values)
            for form in forms[key]:
                if form in seen_forms:
                    raise _invalid(source, f"{form!r} is in both {seen_forms[form]!r} and {fid!r}")
                seen_forms[form] = fid
        if not forms["words"]:
            raise _invalid(source, f"family {fid!r} has no words")
        families.append(Family(fid, label, str(kind), forms["words"], forms["cued"]))
    if len({f.id for f in families}) != len(families):
        raise _invalid(source, "family ids must be unique")
    return Vocabulary(str(data.get("version", "")), tuple(families))


@lru_cache(maxsize=4)
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """The packaged vocabulary, or one from `path`."""
    if path is None:
        # beside this module (importlib.resources costs every report ~4 ms to import)
        text = (Path(__file__).parent / "data" / "feelings.toml").read_text("utf-8")
        source = "(built in)"
    else:
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise PeerJournalError(f"Cannot read {path}: {exc.strerror}.") from None
        source = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _invalid(source, str(exc)) from None
    return parse_vocabulary(data, source)


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str]
    family_of: dict[str, str]
    cued: frozenset[str]


@lru_cache(maxsize=4)
def _matcher(vocabulary: Vocabulary) -> _Matcher:
    family_of: dict[str, str] = {}
    cued: set[str] = set()
    for family in vocabulary.families:
        for form in family.words:
            family_of[form] = family.id
        for form in family.cued:
            family_of[form] = family.id
            cued.add(form)
    forms = sorted(family_of, key=len, reverse=True)  # longest first: "worn out" before "out"
    alternation = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
    # through the store of compiled regexes: compiling this one took ~5 ms of every report
    pattern = regex_store.compile(rf"(?<![\w'])(?:{alternation})(?![\w'])")
    return _Matcher(pattern, family_of, frozenset(cued))


@dataclass(frozen=True)
class _Clauses:
    """Where the clause breaks of a text start and end (sorted offsets)."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, lowered: str, cased: str) -> _Clauses:
        initials = {m.start(1) for m in _INITIAL_PERIOD.finditer(cased)}
        spans = [m.span() for m in _CLAUSE_BREAK.finditer(lowered) if m.start() not in initials]
        return cls([s for s, _ in spans], [e for _, e in spans])

    def begin(self, start: int) -> int:
        """Where the clause holding `start` begins."""
        index = bisect_right(self.ends, start) - 1
        return self.ends[index] if index >= 0 else 0

    def after(self, text: str, end: int) -> str:
        """The text of the clause from `end` to its close (the next break or the text's end)."""
        index = bisect_left(self.starts, end)
        return text[end : self.starts[index] if index < len(self.starts) else len(text)]


def _is_negated(clause: str) -> bool:
    if _NOT_NEGATION.search(clause):
        return False
    words = _WORD.findall(clause)[-NEGATION_WINDOW:]
    if any(w in _NEGATORS or w.endswith("n't") for w in words):
        return True
    return bool(_NO_LONGER.search(clause))


def _denied_after(lowered: str, clauses: _Clauses, clause: str, match: re.Match[str]) -> bool:
    """Whether the form `match` (`clause`: its clause before it) is denied after it: a question
    that is the form, answered no (`_ASKED_OF_SELF`, `_ANSWERED_NO`), or expected and then
    not felt (`_EXPECTED`, `_NOT_FELT`)."""
    start, end = match.span()
    rest = clauses.after(lowered, end)  # to the next break: a "?" ends it
    asked = end + len(rest)
    if (
        _ASKED_OF_SELF.fullmatch(clause)
        and len(rest.split()) <= ASKED_AFTER_WORDS
        and not _QUOTE.search(rest)
        and _ANSWERED_NO.match(lowered, asked)
    ):
        return True
    return bool(_NOT_FELT.match(lowered, end)) and bool(_EXPECTED.search(lowered, 0, start))


def _someone_else(cased: str, lowered: str, begin: int, start: int) -> int | None:
    """Where the nearest person word in the clause `begin:start` (before a form) starts, when
    it is someone else, the writer not among them."""
    for token in reversed(list(_TOKEN.finditer(cased, begin, start))):
        word = token.group().lower()
        if word in _SELF:
            return None
        if word in _OTHERS or _is_named(cased, lowered, token, start):
            return None if _WRITER_WITH.search(lowered, begin, token.start()) else token.start()
    return None


def _is_named(cased: str, lowered: str, token: re.Match[str], form_start: int) -> bool:
    """Whether `token` is a name or an initial as the subject of the feeling at `form_start`
    ("Priya felt", "J. was", "JR was", "Sam's anxiety"), not a capitalised word opening a
    sentence ("Honestly felt", "Still was"), a day or a month ("Monday felt"), an everyday word
    that is also a surname or a self-care answer ("Church felt safe", "Music felt calming"),
    a place ("London felt lonely": see `_no_one`) or an acronym ("NHS was")."""
    word = token.group()
    if not word[0].isupper():
        return False
    if word.endswith(("'s", "'S")):
        word = word[:-2]
        linked = _AFTER_CONTRACTION.fullmatch(lowered, token.end(), form_start) is not None
    else:
        linked = _LINKED.match(lowered, token.end()) is not None or _directly_before(
            lowered, token, form_start
        )
    if not linked or (len(word) > 2 and word.isupper()) or _no_one(cased, word):
        return False
    # only here (~2 ms to import), most texts never get this far
    from peerjournal.namewords import (
        ALWAYS_CAPITALISED,
        ANSWER_WORDS,
        COMMON_WORDS,
        NAME_WORDS,
        common_opener,
        used_as_name,
    )

    key = word.lower()
    everyday = (key in COMMON_WORDS or key in ANSWER_WORDS) and key not in NAME_WORDS
    if everyday or key in ALWAYS_CAPITALISED:
        return False
    if word.isupper() and len(word) > 1:  # initials ("JR"), or a word in capitals ("SO", "IT")
        return not common_opener(word)
    if not _opens_sentence(cased, token.start()):
        return True
    return not common_opener(word) or used_as_name(word, cased[token.end() : form_start])


def _no_one(cased: str, word: str) -> bool:
    """Whether the capitalised `word` is no one: an everyday word (`_NOT_NAMES`), a place
    (`_PLACES`), or a place the text itself puts somewhere ("Moved to Leeds in May. Leeds still
    feels lonely", "back in Ennis")."""
    if word.lower() in _NOT_NAMES or word.lower() in _PLACES:
        return True
    return re.search(rf"{_IN_PLACE}{re.escape(word)}(?![\w'])", cased) is not None


def _directly_before(lowered: str, token: re.Match[str], form_start: int) -> bool:
    """Whether nothing but how much stands between `token` and the form, the token inside a
    sentence and not after a preposition ("Seeing Priya so anxious", not "Drove to Tesco
    anxious" nor "Honestly anxious")."""
    if _DIRECT.fullmatch(lowered, token.end(), form_start) is None or _opens_sentence(
        lowered, token.start()
    ):
        return False
    before = lowered[max(0, token.start() - 20) : token.start()].split()
    return not before or before[-1] not in _PREPOSITIONS


def _opens_sentence(text: str, at: int) -> bool:
    """Whether nothing but spaces, quotes or a bullet is between a sentence's start and `at`."""
    while at > 0 and not text[at - 1].isalnum() and text[at - 1] not in _SENTENCE_ENDS:
        at -= 1
    return at == 0 or text[at - 1] in _SENTENCE_ENDS


def _is_cued(clause: str) -> bool:
    words = _WORD.findall(clause)[-CUE_WINDOW:]
    return any(w in _CUES for w in words)


def _stands_alone(before: str, after: str) -> bool:
    """Whether a form is a clause of its own: nothing around it but how much or when."""
    return all(w in _ALONE_BEFORE for w in _WORD.findall(before)) and all(
        w in _ALONE_AFTER for w in _WORD.findall(after)
    )


@dataclass(frozen=True)
class _Subjects:
    """The text as searched for a feeling's subject: what stands between a subject and its
    verb blanked (`_INSERTION`), the offsets kept."""

    cased: str
    lowered: str
    clauses: _Clauses

    @classmethod
    def of(cls, cased: str, lowered: str, clauses: _Clauses) -> _Subjects:
        """(`clauses`: the text's own, which serve when nothing is blanked: most texts.)"""
        spans = [m.span("comma") if m["comma"] else m.span() for m in _INSERTION.finditer(lowered)]
        if not spans:
            return cls(cased, lowered, clauses)
        blanked = [cased, lowered]
        for start, end in spans:
            blanked = [t[:start] + " " * (end - start) + t[end:] for t in blanked]
        return cls(blanked[0], blanked[1], _Clauses.of(blanked[1], blanked[0]))

    def blanked(self, start: int, end: int) -> bool:
        return not self.lowered[start:end].strip()


def named_feelings(
    text: str, vocabulary: Vocabulary | None = None, names: Iterable[str] = ()
) -> Counter[str]:
    """Occurrences per feelings family the writer names about themselves in `text`, their
    answer to the feelings question (an entry's Feelings element), negation respected.
    `names`: the people list's names; a capitalised form that is one of them, or a part of one
    ("Hope" of Hope Walker), is that person (`_a_listed_name`)."""
    vocab = vocabulary or load_vocabulary()
    matcher = _matcher(vocab)
    cased = text.translate(_TRANSLATE)
    lowered = cased.lower()
    found: Counter[str] = Counter()
    counted: dict[int, str] = {}  # where each counted form starts -> its family
    clauses: _Clauses | None = None
    subjects: _Subjects | None = None
    matches = list(matcher.pattern.finditer(lowered))
    parts = _name_parts(names)
    for n, match in enumerate(matches):
        if parts and _a_listed_name(cased, lowered, matches, n, parts):
            continue
        if clauses is None or subjects is None:
            clauses = _Clauses.of(lowered, cased)
            subjects = _Subjects.of(cased, lowered, clauses)
        form = " ".join(match.group(0).split())
        begin = clauses.begin(match.start())
        clause = lowered[begin : match.start()]
        if _is_negated(clause) or _denied_after(lowered, clauses, clause, match):
            continue
        if _done_to_another(cased, clauses, form, clause, match.end()):
            continue
        subject = _subject_elsewhere(subjects, cased, lowered, clauses, match)
        if subject is None:
            subject = _relative_about(cased, lowered, begin, match.start())
        if subject is not None and not _WRITER_TOO.match(lowered, match.end()):
            _uncount(found, counted.pop(subject, None))  # the name was a form: "Hope felt"
            continue
        if (
            form in matcher.cued
            and not _is_cued(clause)
            and not _stands_alone(clause, clauses.after(lowered, match.end()))
        ):
            continue
        counted[match.start()] = matcher.family_of[form]
        found[matcher.family_of[form]] += 1
    return found


def _done_to_another(cased: str, clauses: _Clauses, form: str, clause: str, end: int) -> bool:
    """Whether the feeling verb `form` (ending at `end`) is an action done to someone else
    (`_ACTION_FORM`): "I encouraged him", "Excited the team", "encouraged adherence"; not "felt
    encouraged", "Excited about", "It encouraged me", "Worried the client might relapse",
    "Worried the whole shift"."""
    if not _ACTION_FORM.fullmatch(form) or form in _STATES:
        return False
    before = [w for w in _WORD.findall(clause) if w not in _HOW and not w.endswith("ly")]
    if before and before[-1] in _LINKING:
        return False
    words = _TOKEN.findall(clauses.after(cased, end))[:4]
    if not words or not cased[end : end + 1].isspace():
        return False
    first = words[0].lower()
    if first in _NOT_OBJECTS or first.endswith("ly"):
        return False
    for word in (w.lower() for w in words[1:]):  # the object is the subject of what follows
        if word in _WHEN or _FINITE.fullmatch(word):
            return False
        if word in _PREPOSITIONS:
            break
    return True


def _name_parts(names: Iterable[str]) -> frozenset[str]:
    """Each listed name and each word of it ("hope", "walker", "hope walker"), in lower case
    as forms are matched."""
    parts: set[str] = set()
    for name in names:
        lowered = " ".join(name.translate(_TRANSLATE).lower().split())
        parts.add(lowered)
        parts.update(_WORD.findall(lowered))
    return frozenset(parts)


# Between two forms of a list of feelings: commas, full stops, "and", "or" ("Joy, relief.")
_IN_A_LIST = re.compile(r"[\s,.;/&]*(?:(?:and|or)(?![\w'])[\s,.;/&]*)?")
_LIST_END = re.compile(r"\s*(?:[,.;!?)]|$)")


def _a_listed_name(
    cased: str, lowered: str, matches: Sequence[re.Match[str]], n: int, parts: frozenset[str]
) -> bool:
    """Whether form `matches[n]` is a listed person at that place: capitalised, and a listed
    name or a part of one ("Hope Walker came to mind", "I rang Hope"), unless it stands in a
    list of feelings ("Joy, relief. Hope."), where redaction also leaves it as the word."""
    match = matches[n]
    if match.group() not in parts or not cased[match.start()].isupper():
        return False

    def beside(first: int, second: int) -> bool:  # forms `first` and `second`, in a list
        gap = (matches[first].end(), matches[second].start())
        return _IN_A_LIST.fullmatch(lowered, *gap) is not None

    if n + 1 < len(matches) and beside(n, n + 1):
        return False
    before = n > 0 and beside(n - 1, n)
    # the last of a list, unless a word follows it: "Felt hopeful and Hope rang" is someone
    return not (before and _LIST_END.match(lowered, match.end()))


def _subject_elsewhere(
    subjects: _Subjects, cased: str, lowered: str, clauses: _Clauses, match: re.Match[str]
) -> int | None:
    """Where the someone else the form `match` is about starts (see `_someone_else`), looked
    for past brackets and relative clauses unless the form is inside one."""
    if subjects.blanked(*match.span()):
        return _someone_else(cased, lowered, clauses.begin(match.start()), match.start())
    begin = subjects.clauses.begin(match.start())
    return _someone_else(subjects.cased, subjects.lowered, begin, match.start())


def _relative_about(cased: str, lowered: str, begin: int, start: int) -> int | None:
    """Where the someone else starts whom the relative clause holding the form at `start`
    (from `begin`, after its pronoun) is about, with no subject of its own before the form:
    "Sam, who was upset", "her mum, who felt let down", "the man that was scared", "asked
    who was upset"; not "I, who was scared myself", "me and Sam, who were", "the one who"
    (often the writer: "I'm the one who felt guilty"), the writer ("I'm someone who", "As a
    person who…, I": see `_writer_is`), a thing ("a shift that felt heavy") nor "Sam, who I
    let down"; "Sam, who I think was upset" is Sam's."""
    pronoun = _RELATIVE.search(lowered, max(0, begin - 5), begin)
    if pronoun is None:
        return None
    # ("which I think is useful" is about what was done, not the person before it)
    thinks = pronoun.group() != "which" and _WRITER_THINKS.match(lowered, begin, start)
    if any(w in _SELF for w in _WORD.findall(lowered, thinks.end() if thinks else begin, start)):
        return None
    head = _BEFORE_RELATIVE.search(lowered, max(0, pronoun.start() - 60), pronoun.start())
    if head is None:
        return None
    word = _WORD.match(lowered, head.start())
    if word is None or word.group() in _SELF or word.group() == "one":
        return None
    if _writer_is(cased, lowered, head.start()):
        return None
    if pronoun.group() != "who" and word.group() not in _PEOPLE:
        return None
    return None if _WRITER_WITH.search(lowered, 0, head.start()) else head.start()


def _writer_is(cased: str, lowered: str, head: int) -> bool:
    """Whether the head of a relative clause starting at `head` is the writer (`_WRITER_HEAD`):
    after "am", "as", "like" … the nearest person before it in the sentence is the writer ("I
    was someone who", not "I said Sam was someone who" nor "my mum was a person who"); with
    none, "as", "like" or "being" opening the sentence or a part of it, the subject after the
    clause is ("As someone who was scared, I went in"; not "…, Sam went in")."""
    link = _WRITER_HEAD.search(lowered, max(0, head - 60), head)
    if link is None:
        return False
    if link["direct"]:
        return True
    sentence = max(lowered.rfind(end, 0, link.start()) for end in _SENTENCE_ENDS) + 1
    for token in reversed(list(_TOKEN.finditer(cased, sentence, link.start()))):
        word = token.group().lower()
        if word in ("my", "our"):  # "my parents were people who"
            return False
        if word in _SELF:
            return True
        if word in _OTHERS or word in _PEOPLE or (
            token.group()[0].isupper() and not _opens_sentence(cased, token.start())
        ):
            return False
    before = lowered[sentence : link.start()].rstrip()
    return (
        link["link"] in ("as", "like", "being")
        and (not _WORD.search(before) or before.endswith(","))
        and _WRITER_AFTER.match(lowered, head) is not None
    )


def _uncount(found: Counter[str], family: str | None) -> None:
    if family is not None:
        found[family] -= 1
        if not found[family]:
            del found[family]
