"""Names and identifiers out of anything that leaves the journal.

Pure functions over strings. A `Redactor` is built once from the people list and applied to
every piece of exported text (entry text, excerpts, tags, settings, the note, self-check
notes). It replaces, in one pass per kind so a replacement is never re-scanned:

1. identifiers: e-mail addresses, URLs, phone numbers, street addresses and postcodes,
   dates of birth (a date after "DOB", "born", "date of birth"…), long ID numbers; and,
   each with its own label, numbers told by the words before them: an NHS number ("NHS
   number 943 476 5919": "[nhs number]"), a sort code or account number, and an IBAN by its
   shape ("[bank details]"), a UK vehicle registration after "reg", "plate" or
   "registration" ("[vehicle registration]"), and a case, reference or National Insurance
   number after "case no.", "ref", "reference", "NI number"… ("[reference]");
2. names on the people list, matched case-insensitively with letter boundaries (so
   "Maria's", "MARIA", "“maria”" and "maria_visit" are caught, "Annual" is not for "Ann"),
   and for multi-word names also each part alone and each run of adjacent parts, written
   with or without the space or dash ("MaryJane", "SamJones"): see `name_forms`. A part that
   is also a common English word ("Will", "Grace", "Hope") or a name particle at the start
   or end of a name ("Van Nguyen", "Minh Le") is matched only when capitalised, so the verb
   "will" survives while "Will" does not; but "Will" and "May" are left where grammar makes
   them the verb, as a short form's are (see 3.: `_not_the_verb`), and the preview flags
   them (`nickname_like`). A title is no part alone ("Mrs" of "Mrs O'Neill"), and a form
   that in capitals is an abbreviation ("Ed": "ED") is not matched in capitals (see
   `_not_in_capitals`). A one-word listed name is always matched in every case: the writer
   listed exactly that word; but a name of one letter is an initial ("J said…"), matched
   only as that capital standing alone (see `initial`), and "A", "I" and "O" are refused.
   A text of one word (a tag), and a label (a setting, with `Redactor.label`), is matched
   in any case: tags are stored in lower case, reports show
   settings in lower case, and with no sentence around the word there is no telling the
   word from the name. A name may be hyphenated across a line ("Jo-\nnes", "Anne-\nMarie")
   and its apostrophe typed as a space or not at all ("O Neill", "ONeill"). A name is never
   the start of a contraction ("Don't", "can't", "won't" stay with Don, Can, Won listed), and
   a common-word part is matched in any case as a hashtag or handle ("#will", "@bob").
   The words of a name may also be joined as in a user name or a file name, by one "_", ".",
   "/" or "+", or one typed twice ("hope_walker", "will.turner.md", "hope__walker"), in any
   case, and a full name written surname first so ("walker_hope", "turner.will"); a handle
   or hashtag holding any form of a name in any case is replaced whole after its "@" or "#"
   ("@hope_walker99" is "@[person]"), and digits written straight after a name go with it
   ("hope_walker99").
   A form inside a word joined up of several, where a small letter meets a capital
   ("WillVisit", "visitWill", "JoWalk", "SamAndMe", "WillsCafe", "NgoziCarePlan.docx",
   "#JusticeForNgozi", "@TeamNgozi"), or before one capital ("HopeW"), and a user name of a
   surname and the first name's initial with a visible join ("SPatel", "wTurner",
   "turner_w", "w.turner") or in a handle, address or file name ("@wturner",
   "nokonkwo.pdf") are replaced with the word whole but a file name's extension
   ("[person].docx", "@[person]"): see `_where` and `_user_name`. Privacy first: in prose
   and labels only a brand or service (`JOINED_BRANDS`: "NatWest", "PowerPoint",
   "HopeLine") or an everyday word ("WillPower") joined up stays, and only for a part of a
   listed full name or a short form ("West" of Sarah West), never for a name listed as
   written ("Nat": "NatWest" is replaced; see `_kept_joined`); a user name that may be a
   word ("cooker", "warden", "wturner") stays in prose.
   A handle, hashtag or file name holding a listed name or part of four letters or more in
   any case is replaced whole too ("#justiceforngozi", "ngozicareplan.docx"); and one, or a
   label's word (a tag, a setting), with no join showing, that is any form of a listed name
   written together with everyday words ("#jowalk", "samvisit.pdf", the tag "willvisit",
   "teamsam"), unless the whole is an English word ("willing", "samples"): see
   `_name_among_words`. "McDonald" has a surname's prefix before it; "shall", "price" and
   "walkers" read as the word a letter makes of a short surname or a surname that is a
   word.
   An e-mail address or a link holding a name goes whole, as "[email]" or "[link]". A
   word-name that is a part or short form of a listed name, opening a sentence as the verb,
   is left, as "Will" is ("Hope he is safe", "Hope so", "Rose early", "Mark the date": see
   `VERB_NEXT`), unless a person's verb follows in the clause ("Mark the nurse rang"); a
   name listed alone ("Hope") never is, but as a modal verb ("I will try", "it may rain",
   "Will you come?": see `_the_modal`). So is one listed as a feeling ("Joy, relief.
   Hope."), unless a person's verb follows in the sentence; a one-word listed name is left
   in lower case where the sentence makes it the word ("I felt joy", "at dawn", "we hope
   so", "I hope Hope comes back": see `_the_word`), and in a few phrases that make it the
   word ("a nice guy", "max effort", "faith in", "said grace", "grace period", "bills are
   due": see `_IN_A_PHRASE`);
   anywhere else in lower case it is replaced ("I gave max a lift", "I sat beside grace").
   So is its plural ("Bills are due") and a set phrase ("Christmas Eve"). The preview flags
   each word left so;
3. with them, the everyday short forms of a listed name that do not start like it (Bob,
   Bobby and Bert for Robert; Bill, Billy, Liam and Will for William; Peggy and Maggie for
   Margaret; Pepe for José; Саша for Александр): see `short_forms` and `_SHORT_FORM_TABLE`.
   One that starts like the name (Sammy for Samuel) is left to the writer: the preview flags
   it wherever it is. A short form that is also a word ("Bill", "Will", "Jack", "May") is
   matched only when capitalised, never in the plural ("Bills"), and not when it is the verb
   opening a sentence before a bare verb ("Will follow up", "Will you come with me") or a
   question ("May I ask?", and after an opening word and its comma: "So, May I ask?"), which
   the preview flags instead.

Letter boundaries depend on the script of the letter at the edge of a name (see
`_NAME_START`):

- a letter of a script written without spaces between words (Han, Hiragana, Katakana,
  Hangul, Thai, Lao, Khmer, Myanmar, Tibetan, Yi…) is a boundary for a name in any other
  script: "Sam" is found in "我和Sam说话" and "Samのこと", never in "Samuel";
- a name in one of those scripts (or starting/ending with one of their letters) has no
  boundary on that side: "小明" is found anywhere ("我今天和小明聊天", "田中さん"); a
  Chinese name ("王小明") is found as its given name of two characters too ("小明"), and as
  its surname with a title ("王先生", "王阿姨"): see `_chinese_forms`;
- an Arabic or Hebrew name may have up to three of the one-letter prefixes those languages
  write attached (Arabic و ف ب ل ك and the article ال: "وأحمد", "بالأحمد"; Hebrew
  ו ה ב ל מ ש כ: "ולדוד"), themselves after a boundary;
- any other letter (Latin, Greek, Cyrillic, Arabic, Hebrew…) next to a name means the
  name is part of a longer word, and it is left alone.

Matching too much (a name inside a longer CJK word) is the accepted cost: a stray
"[person]" is a nuisance; a name that leaves is a breach.

Text is NFC-normalised first so a name typed with combining accents still matches. Names
are matched without regard to accents ("Sean" for "Seán", "Zoë" for "Zoe") or Unicode case
oddities ("ılker"/"İlker" for "Ilker", "Νίκος" for "ΝΙΚΟΣ", "Strauß" for "Strauss"), and a
character that draws nothing (a soft hyphen, a zero-width space, a control character) or an
uncomposed accent inside or after a name does not hide it: see `keyed`. Letters with a
stroke match their plain letter ("Lukasz" for Łukasz, "Duc" for Đức, "Soren" for Søren), and
"ae", "oe" and "th" match "æ", "œ" and "þ" either way. In Arabic script the tatweel draws
nothing, and letters written for one another match ("علی", "على" for علي; "فاطمه" for
فاطمة; "کریم" for كريم: see `_ARABIC_FOLDS`). A Cyrillic or Greek letter drawn as a
Latin one stands for it, and back ("Sаm" with a Cyrillic а, "Jοhn" with a Greek ο, "Oлег"
with a Latin O: see `_LOOK_ALIKE_GROUPS`), only where the whole word is drawn as the name.
A name in Cyrillic or Greek is matched with its case endings ("Дмитрия", "Петровым" for
Дмитрий Петров; "Γιώργου", "Μαρίας"), and so is a name written as Polish ("Łukasza",
"Agnieszkę", "Nowakiem", "Kowalskiego"): see `_inflected`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import count
from typing import NamedTuple

from peerjournal.errors import plain_hint

# (NAME_WORDS, ANSWER_WORDS and the two lists NAME_WORDS is made of: redact's to its callers)
from peerjournal.namewords import _FIRST_NAME_WORDS as _FIRST_NAME_WORDS
from peerjournal.namewords import _OPENS_AS_WORD as _OPENS_AS_WORD
from peerjournal.namewords import (
    ABBREVIATIONS,
    AFTER_A_SUBJECT,
    ALWAYS_CAPITALISED,
    BARE_VERBS,
    COMMON_WORD_CUES,
    COMMON_WORDS,
    EITHER_CUES,
    ELIDED_MODAL_VERBS,
    EVERYDAY_NAME_WORDS,
    FEELING_NAMES,
    FEELINGS,
    FUNCTION_WORDS,
    IMPERATIVES,
    INTENSIFIERS,
    JOINED_BRANDS,
    LABEL_ACRONYMS,
    MODAL_SUBJECTS,
    MODALS,
    OTHER_GIVEN_NAMES,
    PERSON_VERB_IN_CLAUSE,
    PERSON_VERBS,
    PET_FORM_WORDS,
    POSSESSIVE,
    SENTENCE_OPENERS,
    SENTENCE_WORDS,
    SUBJECTS,
    SWAPPED_WORDS,
    THING_VERBS,
    THREE_LETTER_WORDS,
    TITLES,
    TWO_LETTER_ACRONYMS,
    VERB_CUES,
    VERB_NEXT,
    as_person,
    common_opener,
    english_word,
    opener_key,
    pet_form_of,
    speaks,
    stems,
    used_as_name,
)
from peerjournal.namewords import ANSWER_WORDS as ANSWER_WORDS
from peerjournal.namewords import FOLDED_WORDS as FOLDED_WORDS
from peerjournal.namewords import NAME_WORDS as NAME_WORDS
from peerjournal.namewords import word_set as _words
from peerjournal.plain_letters import EMAIL, NHS_NUMBER, PHONE, phone_number
from peerjournal.plain_letters import SPELLED_OUT as _SPELLED_OUT
from peerjournal.plain_letters import STROKED as _STROKED
from peerjournal.plural import joined

PLACEHOLDER = "[person]"



# Words that join the parts of a name ("Ludwig van Beethoven", "Ibn bin Said", "Ali
# al-Hassan", "Máire Ní Bhriain"). In the middle of a name a particle is not redacted alone
# (so "Al-Anon" stays beside Ali al-Hassan, whose "al-Hassan" goes); first or last, it is a
# first name or surname ("Van Nguyen", "Minh Le"), redacted when capitalised. "St" (Saint) is
# never a name alone.
PARTICLES = _words(
    "da de del della der di du la le van von bin st al el ibn abu bint ní nic mac"
)
_NEVER_ALONE = frozenset({"st"})

# Everyday short forms of given names, and a few in other languages, as "names: short forms"
# (each name on the left goes by each form on the right). Compiled from the pet forms in
# Wikipedia's "Hypocorism" and "List of English given names" (and its Spanish, Italian,
# Polish, Russian and Greek name lists) and the genealogists' table of carltonnorthern/nicknames
# (names.csv, Apache-2.0), keeping forms still in use and leaving out those that are mostly an
# ordinary word ("Asia" for Joanna, "Daisy" for Margaret) or a slur.
_SHORT_FORM_TABLE = """
alexander alexandr aleksandr aleksander alessandro alejandro: alex alec sandy sasha sacha
    xander lex olek sandro sanya
alexandra aleksandra alessandra alejandra: alex lexie sandy sandra sasha sacha ola
albert: al bert bertie
alfred: alf alfie fred freddie
andrew: andy drew
anne ann anna: annie nancy nan nanette
anthony antony: tony ant
arthur: art artie
barbara: barb babs bobbie basia
benjamin: ben benny benji
catherine katherine kathryn katharine: kate katie kathy cathy kat kitty kay
charles: charlie chuck chaz chas chip
christopher: chris kit topher
christine christina: chris chrissie tina
daniel: dan danny
david: dave davy
deborah: deb debbie
donald: don donnie
dorothy: dot dottie dolly
edward: ed eddie ted teddy ned
eleanor elinor: ellie nell nellie nora
elizabeth: liz lizzie beth betty bess bessie betsy libby elsie eliza lisa
frances: fran frankie
francis: frank frankie
frederick: fred freddie
henry: harry hank hal
isabel isabella isobel: bella izzy issy
james: jim jimmy jamie
jennifer: jen jenny
john: jack johnny jon
joseph: joe joey
josephine: jo josie
katarzyna: kasia
lawrence laurence: larry laurie
leonard: len lenny leo
małgorzata: gosia małgosia
margaret: maggie meg peggy peg madge marge margie greta rita may
mary: molly polly mae may mamie
matilda: tilly tilda maud
michael: mike mikey mick micky
nicholas: nick nicky
patricia: pat patty patsy trish tricia
patrick: pat paddy
rebecca: becky becca
richard: rick ricky rich richie dick
robert: rob robbie bob bobby bert
samuel: sam sammy
sarah sara: sally sadie
stephen steven: steve stevie
susan: sue susie suzy
theodore: ted teddy theo
thomas: tom tommy
timothy: tim timmy
victoria: vicky tori
william: will willie billy bill liam
agnieszka: aga agusia
józef: józek
magdalena: magda
piotr: piotrek
tomasz: tomek
wojciech: wojtek
stanisław: staszek
francisco: paco pancho curro
josé: pepe
ignacio: nacho
dolores: lola
manuel: manolo
jesús: chucho chuy
giuseppe: beppe peppe pino
giovanni: gianni
dmitry dmitri dmitriy: dima
mikhail: misha
ivan: vanya
yekaterina ekaterina: katya
natalia natalya: natasha
tatiana tatyana: tanya
vladimir: vova volodya
yevgeny evgeny: zhenya
nikolai: kolya
александр: саша шура
александра: саша
дмитрий: дима митя
михаил: миша
иван: ваня
екатерина: катя
мария: маша
наталья: наташа
татьяна: таня
владимир: вова володя
евгений: женя
николай: коля
алексей: алёша лёша
ιωάννης: γιάννης
γεώργιος: γιώργος
κωνσταντίνος: κώστας ντίνος
δημήτριος: δημήτρης μήτσος
νικόλαος: νίκος
αικατερίνη: κατερίνα
"""

# Short forms that are also ordinary words ("a dot", "to nick", "my nan"): like the
# COMMON_WORDS, replaced only when capitalised.
_WORDLIKE_SHORT_FORMS = COMMON_WORDS | _words(
    "dick dolly dot kit kitty mae molly nacho nan nick patsy peg"
)
# Short forms that are also a word of another language, and the words after one that make
# it that word: the Welsh verb "Mae" (is, are) of Mary opens most Welsh sentences ("Mae
# hi'n well", "Mae'r tywydd yn oer", "Mae gen i…"); "Mae rang" is her
_WORD_OF_ANOTHER_LANGUAGE = {
    "mae": "hi e o fe fo nhw yn y yr ei eu ein eich fy dy na gen gyda ganddi ganddo "
    "ganddyn pawb popeth hwn hon hynny rhaid angen llawer wedi pethau",
}
# Short forms that also open questions as a verb ("May I…?"): see `_short_form_pattern`.
_QUESTION_VERBS = _words("may will")


def _short_forms_table(table: str) -> dict[str, frozenset[str]]:
    """Each name of the table (keyed, casefolded) -> its short forms."""
    short: dict[str, set[str]] = {}
    for line in re.sub(r"\n\s+", " ", table).strip().splitlines():
        names, forms = (side.split() for side in line.split(":"))
        for name in names:
            short.setdefault(_plain(name), set()).update(forms)
    return {name: frozenset(forms) for name, forms in short.items()}


@lru_cache(maxsize=8192)
def _plain(word: str) -> str:
    """`word` as names are compared: keyed (accents and strokes off), casefolded. Cached:
    each match of a word-name asks it of the same few words many times over."""
    return keyed(nfc(word)).replace(HIDDEN, "").casefold()


_APOSTROPHES = "'’ʼ"
# Any mark typed or pasted for an apostrophe in a name ("O´Brien", "O`Brien")
_NAME_APOSTROPHES = _APOSTROPHES + "‘`´′"
_DASHES = "-‐‑‒–—―−"
# Spaces with at most one line break among them (possessive: no backtracking over them).
_GAP = r"[^\S\n]*+\n?[^\S\n]*+"
# Inside a name ("O'Brien"), any mark typed for an apostrophe, or none ("OBrien", "O´Brien"),
# and a space or a line break after it or in its place ("O' Brien", "O Brien", "O'\nBrien");
# between its words, any run of spaces and dashes ("Martin–Okafor", "Mary\nAnn"), or none
# ("MaryJane", "SamJones").
_IN_NAME_APOSTROPHE = f"[{_NAME_APOSTROPHES}]?{_GAP}"
# A word hyphenated at the end of a line, between two of its letters ("Jo-\nnes", and
# "Jo\u00ad\nnes" with a soft hyphen, keyed HIDDEN; "Jo- nes" once an excerpt has made the
# line break a space), in keyed text: see `Redactor._replace_names`.
_LINE_BREAK = re.compile(
    rf"(?<=[^\W\d_])(?:\x00*[{re.escape(_DASHES)}]|\x00+)(?:[^\S\n]*\n|[^\S\n])[^\S\n]*"
    rf"(?=\x00*[^\W\d_])"
)


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
# Letters by category that draw nothing (Unicode's Default_Ignorable_Code_Point): the Hangul
# fillers, which a "Sa\u3164m" pasted to slip past a filter uses as an invisible letter.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
# Cyrillic and Greek letters drawn as a Latin one ("Sаm" with a Cyrillic а, "Jοhn" with a
# Greek ο), each group first the Latin letter, in one case (Cyrillic "Т" is a T, its small
# "т" is no t). From Unicode's confusables (UTS #39, confusables.txt), keeping the letters that
# look the same in an ordinary font; as keys (see `_key`: no accents, "ς" is "σ"). A word of
# the text made only of Latin letters and these is read as Latin (`_as_latin`): so Russian or
# Greek text is left alone unless a whole word of it is drawn as a listed name. A Cyrillic or
# Greek name's letters match their Latin look-alikes ("Oлег" for Олег: see `_char_pattern`).
_LOOK_ALIKE_GROUPS = (
    "AАΑ", "aаα", "BВΒ", "CСϹ", "cсϲ", "DԀ", "dԁ", "EЕΕ", "eе", "HНΗ", "hһ", "IІΙӀ",
    "iіι", "JЈ", "jј", "KКΚ", "MМΜ", "NΝ", "OОΟ", "oоο", "PРΡ", "pрρ", "QԚ", "qԛ", "SЅ",
    "sѕ", "TТΤ", "vν", "WԜ", "wԝ", "XХΧ", "xхχ", "YУҮΥ", "yуγ", "ZΖ",
)
_TO_LATIN = {ord(ch): group[0] for group in _LOOK_ALIKE_GROUPS for ch in group[1:]}
_ANY_LOOK_ALIKE = re.compile(f"[{''.join(map(chr, _TO_LATIN))}]")
_WORD_OF_KEYS = re.compile(r"(?:[^\W\d_]|\x00)+")  # letters, and HIDDEN among them
_LATIN_KEYS = re.compile(f"[A-Za-z\x00{''.join(map(chr, _TO_LATIN))}]+")
_LOOK_ALIKES = {ch: group for group in _LOOK_ALIKE_GROUPS for ch in group}


# Arabic-script letters written for one another, each as the one it is compared as: the
# Persian and Urdu yeh and the alef maksura (often written for a final yeh) as yeh ("علی",
# "على" for علي), keheh and swash kaf as kaf ("کریم"), teh marbuta and the Persian, Urdu and
# Kurdish hehs as heh ("فاطمه" for فاطمة), alef wasla as alef. Spellings, not transliteration.
_ARABIC_FOLDS = str.maketrans({
    "ی": "ي", "ى": "ي", "ے": "ي", "ې": "ي",
    "ک": "ك", "ڪ": "ك",
    "ة": "ه", "ۃ": "ه", "ہ": "ه", "ھ": "ه",
    "ە": "ه",
    "ٱ": "ا",
})
# The tatweel (kashida) stretches a word's joining line and draws no letter ("محـمد")
_TATWEEL = "ـ"


def _key(ch: str) -> str:
    if (unicodedata.category(ch) in _HIDDEN_CATEGORIES and not ch.isspace()) or (
        ch in _BLANK_LETTERS or ch == _TATWEEL
    ):
        return HIDDEN
    # compatibility forms too: a full-width "Ｍ" (an East Asian keyboard) is an "M"
    decomposed = unicodedata.normalize("NFKD", ch)
    if all(unicodedata.combining(m) for m in decomposed[1:]) and decomposed[0].isalpha():
        ch = decomposed[0]
    ch = _STROKED.get(ch, ch).translate(_ARABIC_FOLDS)
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
    for letter, spelled in _SPELLED_OUT.items():
        folds[spelled] = folds.get(spelled, "") + letter + letter.upper()
    return folds


_FOLDS = _multi_folds()


def _letter_forms(ch: str) -> set[str]:
    """The keys of `ch` in every case ("é": e, E; "ß": ß, ẞ, ss, SS, Ss)."""
    key = _key(ch)
    spelled = _SPELLED_OUT.get(key.lower()) or _umlaut_spelled(ch) or key
    forms = {keyed(f) for k in {key, spelled}
             for f in (k, k.lower(), k.upper(), k.casefold(), k.title())}
    for form in list(forms):
        if len(form) > 1:
            forms.update(_FOLDS.get(form.casefold(), ""))
    return forms


def _umlaut_spelled(ch: str) -> str:
    """"ue" for "ü" ("oe" for "ö", "ae" for "ä"), as German writes them without the dots
    ("Mueller" for Müller); "" for any other letter."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[:1], decomposed[1:]
    return f"{base.lower()}e" if marks == "\u0308" and base in "aouAOU" else ""


def _umlaut_written_out(name: str, i: int) -> bool:
    """Whether `name`[i:i+2] may be an umlaut as German writes it without the dots ("ue" of
    "Mueller", "oe" of "Goethe", "ae" of "Baer"): after a consonant. The name then also
    matches the umlaut itself ("Müller", "Bär"), as "Müller" matches "Mueller"
    (`_umlaut_spelled`); the bare vowel ("Muller") only as `_bare_vowel_kept` says."""
    pair, before = name[i : i + 2].lower(), name[i - 1 : i]
    return (
        pair in ("ue", "oe", "ae") and i > 0 and before.isalpha()
        and before.lower() not in "aeiouy"
    )


def _has_umlaut_written_out(name: str) -> bool:
    return any(_umlaut_written_out(name, i) for i in range(len(name)))


# What a bare vowel for an umlaut written out ("Bull" for Buell) must not be: a word of the
# tool's lists ("Rose" for Roese is someone else, or the flower)
_NOT_BARE = COMMON_WORDS | SENTENCE_OPENERS | FEELINGS | ANSWER_WORDS | IMPERATIVES


def _bare_vowel_kept(match: re.Match[str], text: str) -> bool:
    """Whether a match of the `bare` names pattern (`_compile_names`) names the person: each
    vowel it took for an umlaut written out has the dots ("Müller", "Bär" for Mueller,
    Baer), or, bare ("Muller"), is between a consonant and two more letters ("Baer" is no
    "Bar"), in a word written with a capital that is none of the tool's words (`_NOT_BARE`)
    and, opening a sentence, reads as a person ("Muller rang"). Never in lower case: "bull",
    "dull", "rose", "tows" are everyday words, and no word list of the tool holds them all."""
    bare = [
        match.start(group) for group in match.re.groupindex
        if group.startswith(_BARE_VOWEL_GROUP) and match.start(group) >= 0
    ]
    plain = [at for at in bare if not _umlaut_spelled(text[at - 1])]
    if not plain:
        return True
    word = text[match.start():match.end()]
    if word.islower() or _plain(word) in _NOT_BARE:
        return False
    for at in plain:
        consonant = text[at - 2 : at - 1]
        if not (consonant.isalpha() and consonant.lower() not in "aeiouy"
                and text[at : at + 2].isalpha() and len(text[at : at + 2]) == 2):
            return False
    return not _opens_sentence(text, match.start()) or as_person(
        word, text[match.end() :]) or _POSSESSIVE_AFTER.match(text, match.end()) is not None


def _char_pattern(ch: str) -> str:
    """One character of a name (keyed): every case form, apostrophes and separators
    interchangeable."""
    if ch in _NAME_APOSTROPHES:
        return _IN_NAME_APOSTROPHE
    if ch.isspace() or ch in _DASHES:
        return _BETWEEN_WORDS
    forms = _letter_forms(ch)
    if not ch.isascii():  # a Cyrillic or Greek name's letter: its Latin look-alike too
        forms |= {a for f in forms for a in _LOOK_ALIKES.get(f, "")}
    singles = "".join(sorted(f for f in forms if len(f) == 1))
    one = re.escape(singles) if len(singles) == 1 else f"[{re.escape(singles)}]"
    longer = sorted((_spelled(f) for f in forms if len(f) > 1), key=lambda f: (-len(f), f))
    return "(?:" + "|".join([*longer, one]) + ")" if longer else one


_ANY_HIDDEN = HIDDEN + "*"
# Between the words of a name: any run of spaces and dashes, or none ("Mary Jane",
# "Martin–Okafor", "MaryJane"); or one of the marks that join the words of a handle, a user
# name or a file name ("hope_walker", "will.turner", "hope/walker", "hope+walker"), maybe
# doubled ("hope__walker").
_HANDLE_MARKS = r"[_./+]{1,2}"  # one, or one typed twice ("hope__walker", "hope..walker")
_BETWEEN_WORDS = rf"(?:{_HANDLE_MARKS}|[\s{re.escape(_DASHES)}]*)"


def _spelled(word: str) -> str:
    """`word` literally, with any number of HIDDEN between its letters."""
    return _ANY_HIDDEN.join(map(re.escape, word))


def _as_latin(key: str) -> str:
    """`key` (keyed text) with each word drawn only in Latin letters and their Cyrillic and
    Greek look-alikes written in Latin ("Sаm" -> "Sam", "ЅАМ" -> "SAM"); the same length."""
    if not _ANY_LOOK_ALIKE.search(key):
        return key
    return _WORD_OF_KEYS.sub(
        lambda m: m[0].translate(_TO_LATIN) if _LATIN_KEYS.fullmatch(m[0]) else m[0], key
    )


# The empty named group marking where an umlaut written out ("ue" of "Mueller") was matched
# by its vowel alone ("Muller"), numbered on so no two in one pattern share a name (see
# `_bare_vowel_kept`)
_BARE_VOWEL_GROUP = "v"
_BARE_VOWELS = count()


def _name_pattern(name: str, polish: bool = False, bare: bool = False) -> str:
    """A listed name, to match in keyed text: case- and accent-insensitive, HIDDEN allowed
    between and after letters, letters that fold to one ("ss" ~ "ß") matched either way,
    and declined (see `_inflected`). With `bare`, an umlaut written out ("ue" of "Mueller")
    may be its vowel alone, "ü" keyed (`_umlaut_written_out`), an empty named group
    (`_BARE_VOWEL_GROUP`) marking where (see `_bare_vowels`)."""
    name = "".join(ch for ch in name if _key(ch) != HIDDEN)
    name, ending = _inflected(name, polish)
    pieces = []
    i = 0
    while i < len(name):
        if bare and _umlaut_written_out(name, i):
            vowel, e = _char_pattern(name[i]), _char_pattern(name[i + 1])
            marker = f"(?P<{_BARE_VOWEL_GROUP}{next(_BARE_VOWELS)}>)"
            pieces.append(f"{vowel}(?:{_ANY_HIDDEN}{e}|{marker})")
            i += 2
            continue
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
    return _ANY_HIDDEN.join(pieces) + _ANY_HIDDEN + ending


# A name in Cyrillic is declined: "Дмитрий" is "Дмитрия", "Дмитрию", "Дмитрием", and
# "Петров" "Петрова", "Петровым". Its stem (the name less its final vowels, soft sign and
# й, keeping two letters) is matched with a case ending: up to three vowels, then
# optionally м, х, в, го or му and up to two more (keyed: й is и, ё is е, ї is і).
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_VOWELS = "аеёиоуыэюяйьъіїє"
_H = "\x00*"  # HIDDEN, which may follow any letter of a name (see `keyed`)


def _letters(letters: str) -> str:
    """A character class of `letters` of a case ending (matched in any case) and the Latin
    letters they look like: a word drawn only in look-alikes is read as Latin (`_as_latin`),
    ending and all ("Вера" is "Bepa", "Μαρία" "Mapia"), as the stem is (`_char_pattern`)."""
    latin = {_LOOK_ALIKES[f][0] for ch in letters for f in (ch, ch.upper()) if f in _LOOK_ALIKES}
    return f"[{re.escape(letters + ''.join(sorted(latin)))}]"


_CYRILLIC_VOWEL = _letters("аеиоуыэюяьъіє")
_CYRILLIC_ENDING = (
    f"(?i:(?:{_CYRILLIC_VOWEL}{_H}){{0,3}}"
    f"(?:(?:{_letters('мхв')}|г{_H}{_letters('о')}|{_letters('м')}{_H}{_letters('у')}){_H})?"
    f"(?:{_CYRILLIC_VOWEL}{_H}){{0,2}})"
)
# So is a Greek name, the same way: "Γιώργος" is "Γιώργο", "Γιώργου", "Γιώργε"; "Δημήτρης"
# "Δημήτρη". The stem is the name less its final vowels and σ/ς, the ending up to three
# vowels and a σ or ν (keyed: accents off, ς is σ), which takes a surname's plural too (the
# family: "οι Παπαδόπουλοι"). A feminine name (in -α, -η or -ω) only takes its singular,
# whose one other form is the genitive ("Μαρία", "Μαρίας"; "Ελένη", "Ελένης"; "Φρόσω",
# "Φρόσως", formally "Φρόσους"): its plural (-ες, -ών) is rarely a person's and often a word
# ("Μέλισσα", "μέλισσες" bees; "Ελπίδα", "ελπίδες" hopes), and the word a looser ending makes
# of its stem is not her ("Αυγή", "αυγό" egg; "Κλειώ", "κλαίω" I cry).
# A name in Georgian takes its case ending, a postposition and a particle at its end ("ნინოს",
# "ნინოსთან", "ნინომ", "ნინოც" of ნინო; "ბერიძის", "ბერიძემ" of ბერიძე, "იაკობმა", "იაკობისთვის"
# of იაკობი, whose final a, e or i drops before some endings): the stem, then its final vowel
# or not, then those endings and no other letters: "იაკობიშვილი" and "იაკობიანი" are other
# people's surnames, not იაკობი. (Endings from the grammar: cases singular and plural,
# postpositions written joined, "ც" also, "ვე" the same.)
_GEORGIAN_LETTERS = "\u10d0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f"
_GEORGIAN = re.compile(f"[{_GEORGIAN_LETTERS}]")
_GEORGIAN_VOWELS = "აეი"
_GEORGIAN_CASES = _words(
    "ი მა მ ს ის ით თი ად დ ო ისა ითა ადა სა ებ ები ებმა ებს ების ებით ებად ებო"
)
_GEORGIAN_POSTPOSITIONS = _words("ში ზე თან თვის ვით კენ გან დან მდე ურთ ებრ ადმი")
_GEORGIAN_PARTICLES = _words("ც ვე")


def _georgian_stem(name: str) -> tuple[str, str]:
    """`_inflected` for a Georgian name: its final e or i drops before an ending when three
    letters are left ("ბერიძის", "იაკობმა"); a final a, as of "ანა", "მზია", stays ("ანას",
    "მზიამ"): a personal name keeps it, and without it "ან" ("or") and "მზის" ("of the sun")
    would be her."""
    final = _key(name[-1]).lower()
    if final in _GEORGIAN_VOWELS and final != "ა" and len(name) > 3:
        return name[:-1], _georgian_ending(final)
    return name, _georgian_ending("")


def _georgian_ending(dropped: str) -> str:
    """The ending of a Georgian name whose stem lost `dropped` (its final vowel, or ""):
    that vowel or not, then a case ending, a postposition and a particle, each or none; the
    stem alone is not the name ("იაკობ" is no იაკობი)."""
    def one_of(morphemes: Iterable[str]) -> str:
        return "(?:" + "|".join(
            "".join(f"[{ch}{ch.upper()}]{_H}" for ch in m)
            for m in sorted(morphemes, key=lambda m: (-len(m), m))
        ) + ")?"
    ending = "".join(
        one_of(parts) for parts in
        ({dropped} - {""}, _GEORGIAN_CASES, _GEORGIAN_POSTPOSITIONS, _GEORGIAN_PARTICLES)
        if parts
    )
    return f"(?=[{_GEORGIAN_LETTERS}]){ending}" if dropped else ending
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_GREEK_VOWELS = "αεηιουω"
_GREEK_ENDING = f"(?i:(?:{_letters(_GREEK_VOWELS)}{_H}){{0,3}}(?:{_letters('σν')}{_H})?)"
_GREEK_FEMININE = {"α": ("α", "ασ"), "η": ("η", "ησ"), "ω": ("ω", "ωσ", "ουσ")}
# And a Polish one, when it is written as Polish (see `_POLISH`): "Łukasz" is "Łukasza",
# "Łukaszowi", "Łukaszem", "Łukaszu"; "Marek" "Marka" (the e drops); "Agnieszka"
# "Agnieszki", "Agnieszkę", "Agnieszką", "Agnieszce"; "Kowalski" "Kowalskiego"; "Wiśniewska"
# "Wiśniewskiej". Keyed, ę is e and ą is a. A name in Latin letters that is not written as
# Polish is not declined ("Anna", "Piotr"): "Vera" would take "very", "Rosa" "rose".
_POLISH = re.compile(
    r"[ąćęłńóśźż]|sz|cz|rz|[sc]k[aiy]$|dzk[aiy]$|[aeiy]k$", re.IGNORECASE
)
# (and a surname's wife's and daughter's forms: "Nowakowa", "Nowakowej", "Nowakówna")
_PL_MASCULINE = _words("a owi em iem u ie owie ow ach ami om y i owa owej owna owny ownie ownej")
_PL_FEMININE = _words("a y i ii e ie o u iej ej")
# The last consonant of a stem before the -e of the dative and locative ("Agnieszce",
# "Marcie", "Magdzie", "Barbarze", "Oldze"; "Pawle", "Piotrze", "Robercie"), longest first.
_PL_SOFTENED = (("ch", "sze"), ("st", "scie"), ("k", "ce"), ("g", "dze"), ("t", "cie"),
                ("d", "dzie"), ("r", "rze"), ("l", "le"))
_PL_ADJECTIVAL = _words("i iego iemu im ich imi")


def _endings(endings: Iterable[str]) -> str:
    """A pattern for any one of `endings` (or none, if "" is one), in any case, HIDDEN
    allowed after each letter, a Greek letter's Latin look-alike too (see `_letters`)."""
    endings = set(endings)
    spelled = [
        _ANY_HIDDEN.join(re.escape(ch) if ch.isascii() else _letters(ch) for ch in e) + _H
        for e in sorted(endings, key=lambda e: (-len(e), e)) if e
    ]
    return "(?i:" + "|".join(spelled + [""] * ("" in endings)) + ")"


def _inflected(name: str, polish: bool = False) -> tuple[str, str]:
    """(the part of `name` to match letter by letter, a pattern for the case ending after
    it): a name ending in a Cyrillic or Greek letter is declined, and a Polish name
    (`polish`: its last word is written as Polish); any other name is not."""
    last = name[-1:]
    if _CYRILLIC.fullmatch(last):
        return _stem(name, _CYRILLIC_VOWELS), _CYRILLIC_ENDING
    if _GEORGIAN.fullmatch(last):
        return _georgian_stem(name)
    if _GREEK.fullmatch(last):
        feminine = _GREEK_FEMININE.get(_key(last).lower())
        if feminine and len(name) > 2:
            return name[:-1], _endings(feminine)
        return _stem(name, _GREEK_VOWELS, final="σ"), _GREEK_ENDING
    if polish and last.isalpha():
        return _polish_inflected(name)
    return name, ""


def _stem(name: str, vowels: str, final: str = "") -> str:
    """`name` less a last letter in `final`, then up to three `vowels` before it (keyed),
    keeping two letters: no more than an ending can put back, so that "Αναστάσιος" (its
    first σ not a final one) is matched, as "Γιώργος" is."""
    stem = name
    if len(stem) > 2 and _key(stem[-1]).lower() in final:
        stem = stem[:-1]
    for _ in range(3):
        if len(stem) <= 2 or _key(stem[-1]).lower() not in vowels:
            break
        stem = stem[:-1]
    return stem


def _polish_inflected(name: str) -> tuple[str, str]:
    """`_inflected` for a Polish name: feminine in -a, adjectival in -ki/-gi, else a
    masculine name ending in a consonant (with the e of -ek, -ec, -eł that drops)."""
    plain = keyed(name).lower()
    if plain.endswith("a") and len(plain) > 2:
        return _softened(name[:-1], plain[:-1], _PL_FEMININE | {""})
    if plain[-2:] in ("ki", "gi"):
        return name[:-1], _endings(_PL_ADJECTIVAL)
    if plain[-1] in "aeiouy":
        return name, ""
    if plain[-2:] in ("ek", "ec", "el") and len(plain) > 3:
        # the e drops: "Marka", "Pawła"; kept in the name itself
        last = plain[-1]
        forms = {f"{e}{last}{m}" for e in ("e", "") for m in _PL_MASCULINE | {""}}
        return name[:-2], _endings(forms | {f"{last}e"} if last == "l" else forms)
    return _softened(name, plain, _PL_MASCULINE | {""})


def _softened(stem: str, plain: str, endings: Iterable[str]) -> tuple[str, str]:
    """(stem less a last consonant that softens before -e, a pattern for that consonant and
    an ending, or its softened form): "Agnieszk" -> ("Agniesz", k+ending or "ce")."""
    for hard, softened in _PL_SOFTENED:
        if plain.endswith(hard) and len(plain) > len(hard) + 1:
            forms = {hard + e for e in endings} | {softened}
            return stem[: -len(hard)], _endings(forms)
    return stem, _endings(endings)


_HAN_LETTERS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Scripts written without spaces between words (and Hangul, which attaches particles to
# names: "민수가"), as they appear in keyed text (half-width kana are keyed full-width).
_SPACELESS = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u0f00-\u0fff"  # Tibetan
    "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f"  # Myanmar
    "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff\uffa0-\uffdc"  # Hangul
    "\u1780-\u17ff\u19e0-\u19ff"  # Khmer
    "\u1980-\u19df\u1a20-\u1aaf\uaa80-\uaadf"  # New Tai Lue, Tai Tham, Tai Viet
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3031-\u3035\u303b\u303c"  # CJK marks
    "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\U0001b000-\U0001b16f"  # Hiragana, Katakana
    "\u3100-\u312f\u31a0-\u31bf"  # Bopomofo
    f"{_HAN_LETTERS}"  # Han
    "\ua000-\ua4cf"  # Yi
)
# A run of letters of `_WORD_OF_KEYS` that joined-up names are read in: without the letters
# of a spaceless script, which have no words to join ("王小明和张三来了" is a sentence, and a
# name in such a script is found where it is: see `_NAME_START`)
_SPACED_WORD_OF_KEYS = re.compile(rf"(?:(?![{_SPACELESS}])[^\W\d_]|\x00)+")
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_HEBREW = "\u0590-\u05ff\ufb1d-\ufb4f"

# A letter that continues a word: any letter but one of a spaceless script. Digits and
# underscores do not protect a name. The modifier letter apostrophe (ʼ, "Mariaʼs") is a
# letter to Unicode but an apostrophe here.
_LETTER = rf"(?![ʼ{_SPACELESS}])[^\W\d_]"
_BEFORE = rf"(?<!{_LETTER})"
_AFTER = rf"(?!{_LETTER})"
_PLURAL = "(?:[eE]?[sS])?"


def _after_prefixes(prefixes: dict[int, str]) -> str:
    """After attached prefix letters that themselves follow a boundary: `prefixes` maps each
    width to a pattern of exactly that many letters (a lookbehind needs a fixed width)."""
    return "|".join(f"(?<={_BEFORE}(?:{p}))" for _, p in sorted(prefixes.items()))


_AR = "[وفبلك]"  # Arabic: wa, fa, bi, li, ka; and the article al, after up to two of them
_HE = "[והבלמשכ]"  # Hebrew: ve, ha, be, le, mi, she, ke
_AR_PREFIXES = {1: _AR, 2: f"{_AR}{{2}}|ال", 3: f"{_AR}{{3}}|{_AR}ال", 4: f"{_AR}{{2}}ال"}
_HE_PREFIXES = {n: f"{_HE}{{{n}}}" for n in (1, 2, 3)}
# Where a name may start and end (see the module docstring), decided by the letter of the
# text at its edge: anywhere next to a letter of a spaceless script; after a boundary, or
# attached prefixes that follow one, for an Arabic or Hebrew letter; else at a boundary
# (and at the end, after a plural "s"/"es": "the Smiths", "the Joneses' flat").
# Inside a word joined up of several ("NgoziCarePlan", "JusticeForNgozi", "TurnerW"), a
# small letter then a capital is a boundary too: see `_where`.
_CASED = range(0x41, 0x2000)  # Latin, Greek, Cyrillic, Armenian… (the scripts with capitals)
_SMALL = re.escape("".join(ch for ch in map(chr, _CASED) if ch.islower() and ch.isalpha()))
_CAPITAL = re.escape("".join(ch for ch in map(chr, _CASED) if ch.isupper()))
_CASE_CHANGE = f"(?<=[{_SMALL}])(?=[{_CAPITAL}])"
_A_CASE_CHANGE = re.compile(_CASE_CHANGE)
# A word in capitals glued before a capitalised one ("WILLVisit", "JOGroup"): its end
_CAPITALS_GLUED = f"(?<=[{_CAPITAL}]{{2}})(?=[{_CAPITAL}][{_SMALL}])"
_NAME_START = (
    f"(?:(?=[{_SPACELESS}])|{_BEFORE}|{_CASE_CHANGE}"
    f"|(?=[{_ARABIC}])(?:{_after_prefixes(_AR_PREFIXES)})"
    f"|(?=[{_HEBREW}])(?:{_after_prefixes(_HE_PREFIXES)}))"
)
# Never before the "'t" of a contraction: "Don't" is no "Don", "can't" no "Can", "won't" no "Won".
# (A plural, or "s" for "'s", before a case change too: "WillsCafe"; and a name in capitals
# before a capitalised word: "WILLVisit".)
_NAME_END = (
    f"(?:(?<=[{_SPACELESS}])|{_PLURAL}(?:{_AFTER}|{_CASE_CHANGE}|{_CAPITALS_GLUED}))"
    f"(?![{_APOSTROPHES}][tT]{_AFTER})"
)


_BETWEEN_PARTS = re.compile(rf"[\s{re.escape(_DASHES)}]+")


# A name part with a prefix of one or two letters and an apostrophe ("O'Neill", "D’Souza"):
# the rest of it, of three letters or more
_AFTER_PREFIX = re.compile(rf"[^\W\d_]{{1,2}}[{_NAME_APOSTROPHES}]([^\W\d_].{{2,}})")


def _a_word_part(part: str) -> bool:
    """Whether a part of a listed name is a word (or a particle), or one of `FOLDED_WORDS`
    with its accents off ("Văn", "Bär"), so matched alone only when capitalised (see
    `name_forms`). Not a particle's letters with an accent ("Dá" of Bb Dá): the name."""
    folded = part.casefold()
    return folded in COMMON_WORDS | PARTICLES | FUNCTION_WORDS or _plain(part) in FOLDED_WORDS


def _accented_name(word: str) -> bool:
    """Whether `word` is written with the accents of a listed part that, without them, is an
    everyday word ("Văn", "bär": `FOLDED_WORDS`): the name, never the word."""
    plain = _plain(word)
    return plain in FOLDED_WORDS and plain != word.casefold()


def name_forms(name: str) -> list[tuple[str, bool]]:
    """(form, case-sensitive?) pairs to redact for one listed name.

    A multi-word name also yields each part alone (first name, surname, each half of a
    hyphenated name) of two letters or more, so a name cut in half by an excerpt, or
    "Mr Lopez", never leaks (a title is no part alone: "Mrs" of "Mrs O'Neill" stays in
    "Mrs Patel"); and each run of two or more adjacent parts ("Mary-Jane" of
    "Mary-Jane Smith"), which like the whole name matches written with or without the space
    or dash ("MaryJane", "Mary Jane", "JaneSmith"). A particle ("van", "de") in the middle of
    a name is not a form alone ("Ludwig van Beethoven"); first or last it is a name
    ("Van Nguyen", "Minh Le"), as is any part. A part with a short prefix and an
    apostrophe is a form without it too ("Neill" of "O'Neill": an excerpt cut at "O' Neill"
    keeps it). Parts that are common English words, and particles, are matched only when
    capitalised (case-sensitive). A name of one letter ("J", "J.") is an initial: only that
    capital standing alone is its form (see `initial`).
    """
    name = " ".join(nfc(name).split())
    letter = initial(name)
    if letter:
        return [(letter, True)]
    forms: list[tuple[str, bool]] = [(name, False)]
    parts = [p.strip(".") for p in _BETWEEN_PARTS.split(name)]
    parts = [p for p in parts if p]
    if len(parts) > 2 and " " in name:  # "Martin-Okafor", "de la Cruz": the surname as a whole
        forms.append((name.split(" ", 1)[1], False))
    if len(parts) > 1:
        for n, part in enumerate(parts):
            folded = part.casefold()
            middle = 0 < n < len(parts) - 1
            letters = sum(ch.isalpha() for ch in part)
            if (
                letters < 2 or folded in _NEVER_ALONE or folded in TITLES
                or (middle and folded in PARTICLES)
            ):
                continue
            forms.append((part, _a_word_part(part)))
        for start in range(len(parts) - 1):
            for end in range(start + 2, len(parts) + 1):
                forms.append((" ".join(parts[start:end]), False))
    forms += [(form, False) for form in _chinese_forms(name)]
    for part in parts:  # "Neill" of "O'Neill": what an excerpt cut at "O' Neill" keeps
        after = _AFTER_PREFIX.fullmatch(part)
        if after:
            rest = after.group(1)
            forms.append((rest, _plain(rest) in COMMON_WORDS | FOLDED_WORDS))
    seen: set[tuple[str, bool]] = set()
    unique = []
    for form, case_sensitive in forms:
        key = (" ".join(_BETWEEN_PARTS.split(form)).casefold(), case_sensitive)
        if key not in seen:
            seen.add(key)
            unique.append((form, case_sensitive))
    return unique


# Chinese surnames of two characters (simplified and traditional)
_COMPOUND_SURNAMES = _words(
    """
    欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 司徒 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 夏侯
    令狐 轩辕 軒轅 端木 长孙 長孫 宇文 独孤 獨孤 南宫 南宮 西门 西門 澹台 澹臺
    """
)
# What a person is called by their surname: it before a title ("王先生", "王阿姨", "王医生",
# "王总", "王姐", in simplified or traditional characters: "王醫生", "王經理"). Not a title
# that is in everyday words after anything (老师, 伯), nor "小"/"老" before it: "上周老师"
# held 周老师, "小时" 小时 (for 周杰, 时晓东). A surname that ends an everyday word before one
# of these titles is that word (`_SURNAME_ENDS_A_WORD`: "上周医生说", "实习医生", "墨西哥");
# one that begins a word with the title is too (`_TITLED_WORDS`: "帅哥", "师姐"), as is "总"
# opening a word of its own (`_NOT_THE_BOSS`: "周总结"; see `_titled_in_a_word`).
_SURNAME_TITLES = sorted(_words(
    """
    先生 女士 小姐 阿姨 叔叔 太太 医生 醫生 大夫 经理 經理 主任 老板 老闆 律师 律師 教授
    总 總 姐 哥
    """
))
_TITLES_LONGEST_FIRST = sorted(_SURNAME_TITLES, key=len, reverse=True)
# A surname that ends everyday words, and the letters before it that make them: a week ("上周",
# "这周"), a time ("有时", "小时", "同时"), practice ("实习", "学习"), a shift or a class ("值班",
# "上班", "同班"), a country ("墨西哥"), a preposition ("关于"), in simplified and
# traditional characters
_SURNAME_ENDS_A_WORD = {
    "周": "这這上下每本一两兩几幾半整那当當",
    "时": "有平同那当这按及小准临随暂何此顿届过定适实即旧历彼",
    "時": "有平同那當這按及小準臨隨暫何此頓屆過定適實即舊歷彼",
    "习": "实学练复预见温补演研自",
    "習": "實學練複復預見溫補演研自",
    "班": "值上下加跟同全本各这這那早晚夜中大小排换換轮輪领領航",
    "西": "墨",
    "洛": "摩",
    # "关于", "终于": never the surname after them ("对于", "由于" may be "对/由 于医生")
    "于": "关终属基鉴等至",
    "於": "關終屬基鑑鉴等至",
}
# A surname and title that is an everyday word ("班主任": the class teacher; "帅哥": a
# handsome man; "师姐": a senior fellow student)
_TITLED_WORDS = _words("班主任 帅哥 帥哥 师姐 師姐 师哥 師哥")
# After a surname and "总", what makes "总" the start of another word ("周总结", "周总共")
_NOT_THE_BOSS = "结結共之算部体體数數和额額量计計价價值分"
_CHINESE_NAME = re.compile(f"[{_HAN_LETTERS}]{{2,4}}")


def _chinese_forms(name: str) -> list[str]:
    """For a Chinese name of two to four characters, a surname of one (or two: "欧阳") and a
    given name of one or two ("王小明", "王丽", "欧阳娜娜"), the forms it is called by: the
    surname with a title ("王先生", "王阿姨") and a given name of two characters alone
    ("小明"); never one character alone, which is in too many words. None for another name
    (four characters with no compound surname: "田中太郎" may be Japanese)."""
    if not _CHINESE_NAME.fullmatch(name):
        return []
    cut = 2 if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else 1
    surname, given = name[:cut], name[cut:]
    if len(given) > 2:
        return []
    return [
        *(surname + title for title in _SURNAME_TITLES),
        *([given] if len(given) == 2 else []),
    ]


SHORT_FORMS = _short_forms_table(_SHORT_FORM_TABLE)


def _related(table: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Each name or short form of the table (plain) -> those it goes with, both ways: Bob
    with Robert, Robert with Bob (for `nickname_like`)."""
    related: dict[str, set[str]] = {}
    for name, forms in table.items():
        for form in map(_plain, forms):
            related.setdefault(name, set()).add(form)
            related.setdefault(form, set()).add(name)
    return {name: frozenset(forms) for name, forms in related.items()}


_RELATED = _related(SHORT_FORMS)


def short_forms(name: str) -> list[tuple[str, bool]]:
    """(form, case-sensitive?) pairs of the short forms of a listed name's parts that are
    redacted with it: those in the table (`_SHORT_FORM_TABLE`: Bob, Bobby and Bert for
    Robert) that do not start like a part of the name. A listed short form does not bring
    its full names (Samuel, Samantha for Sam): it may be short for several.

    A short form that starts like the name (Sammy for Samuel, Liz for Elizabeth) is left
    to the writer, as README says: the preview flags it wherever it is (`nickname_like`),
    and `people add Sammy` redacts it. One that does not could not be flagged opening a
    sentence ("Bob was upset"), so it is redacted. A short form that is also a word ("Bill",
    "Will", "Jack", "Dot"), or of one or two letters ("Ed", "Al"), is matched only when
    capitalised, as a common-word part of a name is.
    """
    parts = _parts(name)
    plain = {_plain(p) for p in parts}
    forms: list[tuple[str, bool]] = []
    seen = set(plain)
    for part in parts:
        for form in sorted(SHORT_FORMS.get(_plain(part), ())):
            key = _plain(form)
            if key in seen or _starts_like(key, plain):
                continue
            seen.add(key)
            forms.append((_title(form), key in _WORDLIKE_SHORT_FORMS or len(key) <= 2))
    return forms


def _short_full_names(name: str) -> list[str]:
    """The full name with each short form of the first name that is a word ("Will Turner",
    "Bill Turner" of William Turner): matched alone only when capitalised, such a form is a
    person when the surname follows it ("met will turner"), so the pair is matched in any
    case, as the name is. (Other short forms are matched in any case already.)"""
    parts = _parts(name)
    if len(parts) < 2:
        return []
    rest = " ".join(parts[1:])
    return [f"{form} {rest}" for form, word in short_forms(parts[0]) if word]


# Welsh initial mutations: what a word's first letters become after the words that trigger
# them (soft: "i Ddafydd", "gyda Fethan", "i Wen" of Gwen; nasal: "fy Nghatrin"; aspirate:
# "a Chatrin"). Ch, Dd, Ff, Ng, Ph and Th are letters of their own: never mutated.
_WELSH_MUTATIONS = {
    "ll": ("l",), "rh": ("r",),
    "c": ("g", "ngh", "ch"), "p": ("b", "mh", "ph"), "t": ("d", "nh", "th"),
    "g": ("", "ng"), "b": ("f", "m"), "d": ("dd", "n"), "m": ("f",),
}
_WELSH_LETTERS = ("ch", "dd", "ff", "ng", "ph", "th")
_MUTATED_LETTERS = 3  # a mutated part shorter than this is left ("Ni" of Di, "Fo" of Mo)
_MUTATED_WORDS = (
    COMMON_WORDS | FUNCTION_WORDS | SENTENCE_OPENERS | ALWAYS_CAPITALISED | THREE_LETTER_WORDS
)


def _mutated(word: str) -> list[str]:
    """`word` with each Welsh mutation of its first letter, capitalised ("Catrin": "Gatrin",
    "Nghatrin", "Chatrin"); [] for one that does not mutate."""
    start = word[:2].casefold()
    if start in _WELSH_LETTERS:
        return []
    cut = 2 if start in _WELSH_MUTATIONS else 1
    return [_title(new + word[cut:]) for new in _WELSH_MUTATIONS.get(word[:cut].casefold(), ())]


def welsh_mutations(name: str) -> list[str]:
    """The Welsh mutated forms of a listed name and of each of its parts (not a particle or
    title): "Ddafydd ap Rhys", "Ddafydd", "Rys" of Dafydd ap Rhys. Redacted only when
    capitalised, as names are written. A part's form that is an everyday word of the lists
    here ("Not" of Dot, "Men" of Ben, "Ill" of Gill) or has fewer than `_MUTATED_LETTERS`
    letters is left out: such a form is far more often the word. (One in the English word list,
    "Fill" of Bill, "Race" of Grace, is kept where it is found: `_a_mutated_word`, which reads
    the list only then.)"""
    parts = _parts(name)
    forms: list[str] = []
    for n, part in enumerate(parts):
        if _plain(part) in PARTICLES or _plain(part) in TITLES:
            continue
        for form in _mutated(part):
            if n == 0 and len(parts) > 1:  # the whole name: its first word mutates
                forms.append(" ".join([form, *parts[1:]]))
            plain = _plain(form)
            if len(plain) >= _MUTATED_LETTERS and plain not in _MUTATED_WORDS:
                forms.append(form)
    return list(dict.fromkeys(forms))


# Welsh nouns (feminine, and "llys", "tŷ") a place's name opens with, before a soft-mutated
# adjective: "Eglwys Wen", "Llys Wen", "Heol Wen", "Tŷ Wen" are places, not Gwen
_WELSH_PLACE_NOUNS = _words(
    "eglwys llys heol carreg ffordd tref ynys afon pont nant ffynnon gallt ty tŷ plas "
    "bryn coed ysgol capel fferm cwm"
)


# Mutated forms that are everyday Welsh words too, in lower case in a tag: the word
_WELSH_WORDS = _words("wen")


def _a_mutated_word(match: re.Match[str]) -> bool:
    """Whether `match` is of a Welsh mutated form (`welsh_mutations`) that is an English word
    ("Fill" of Bill, "Race" of Grace), or a place's adjective after a Welsh noun
    (`_WELSH_PLACE_NOUNS`: "Llys Wen"): the word, kept."""
    if not _group(match).startswith(_MUTATED_GROUP):
        return False
    key = _plain(match.group())
    if match.group().islower() and key in _WELSH_WORDS:
        return True  # a tag "wen" (white: "llyswen"), where "#fethan" is Bethan
    before = _search_back(_WORD_BEFORE, match.string, match.start())
    return english_word(key) or (
        before is not None and _plain(before.group(1)) in _WELSH_PLACE_NOUNS
    )


def _parts(name: str) -> list[str]:
    """The words of a listed name (its parts: "Mary", "Jane", "Smith" of "Mary-Jane Smith")."""
    return [p for p in (p.strip(".") for p in _BETWEEN_PARTS.split(nfc(name).strip())) if p]


def _title(word: str) -> str:
    return word[:1].upper() + word[1:]


def _capitalised_pattern(word: str, upper: bool = True) -> str:
    """Title case or all capitals of `word` only (for common-word first names), title case
    alone without `upper`; and any case as a hashtag or handle ("#will", "@bob"), where it
    is no word of the sentence."""
    word = "".join(ch for ch in word if _key(ch) != HIDDEN)
    title = keyed(word[:1].upper() + word[1:].lower())
    spellings = [title, keyed(word.upper())] if upper else [title]
    lower = _spelled(keyed(word.lower()))
    tagged = f"(?<=[#@])(?i:{lower})"
    # and with upper, in a mix of cases ("wILL", "iF"): a disguise or a slip, never the word
    mixed = [rf"(?!{lower})(?i:{lower}){_ANY_HIDDEN}"] if upper else []
    return "(?:" + "|".join(
        [*(_spelled(w) + _ANY_HIDDEN for w in spellings), *mixed, tagged]
    ) + ")"


# After a short form that is also a verb opening a question ("May I ask?", "Will you
# come?"): a pronoun, and a question mark before the sentence ends.
_ASKING = (
    r"\s+(?i:i|you|he|she|it|we|they|this|that|there|anyone|anybody|someone|somebody|everyone)"
    rf"{_AFTER}[^.!?\n]*\?"
)


# After a question word, or a word that opens a sentence before its comma ("So, May I
# ask?", "Sorry, Will you say again?"), before "Will" or "May" asking (`_ASKING`: "How Will
# you cope?"); elsewhere it is the name ("Did you tell Will you were late?", "Was May there?")
_ASKED_AFTER = "|".join(
    [rf"(?<=(?<![^\W\d_])(?i:{word})\s)" for word in ("who", "what", "when", "where", "why", "how")]
    + [
        rf"(?<=(?<![^\W\d_])(?i:{word}),\s)"
        for word in ("so", "well", "now", "ok", "okay", "sorry", "please", "anyway", "right", "oh")
    ]
)


# Where a sentence starts, before a word of keyed text: the text's start, a line's, or after
# the end of a sentence, a colon or an opening quote or bracket (and a space or two).
_OPENS = (
    r"(?:(?<=^)|(?<=\n)|(?<=[.!?…:;\"“(])|(?<=[.!?…:;\"“(]\s)|(?<=[.!?…:;\"“(]\s\s)"
    r"|(?<=[.!?…][)\]\"”’']\s))"
)
# After "Will" or "May" opening a sentence as the verb: a bare verb ("Will follow up",
# "Will do.", "May need a lift"), or a pronoun and one ("Will you come with me, he asked"),
# maybe after "not" or an adverb ("Will also ring", "Will you not stay"). Not "I": "Will I
# think is doing better" may be the name (with a question mark, it is `_ASKING`).
_ADVERB = (
    r"(?:not|also|definitely|probably|just|still|never|always|maybe|certainly|then|well|really"
    r"|only|even|all|soon)\s+"
)


def _verb_next(verbs: frozenset[str]) -> str:
    """A pattern for one of `verbs` next, maybe after an adverb (`_ADVERB`)."""
    return rf"\s+(?:{_ADVERB})?(?i:{'|'.join(sorted(verbs))}){_AFTER}"


_BARE_VERB_NEXT = _verb_next(BARE_VERBS)
_PRONOUN = r"(?i:you|he|she|it|we|they)"
# After an elided "[I] will" verb, what makes the person do it: "me" in the clause, with no
# "I" of its own between ("Will show me", "Will play pool with me"; not "Will raise in
# supervision that I need a plan for myself")
_NOT_THE_WRITERS = (
    r"(?!(?:(?!(?<![^\W\d_])I(?![^\W\d_]))[^.!?;:,\n])*"
    r"(?<![^\W\d_])(?i:me|myself)(?![^\W\d_]))"
)
# After "Will" or "May" opening a sentence as the verb: a pronoun and a bare verb ("Will you
# come"), or with no subject only a verb of the writer's own plans (`ELIDED_MODAL_VERBS`)
_MODAL_NEXT = (
    rf"(?:\s+{_PRONOUN}{_BARE_VERB_NEXT}|{_verb_next(ELIDED_MODAL_VERBS)}{_NOT_THE_WRITERS})"
)


def _not_the_verb(plain: str) -> str:
    """For a word that is also a verb opening a question or a sentence ("will", "may",
    "hope", "rose"…), a pattern (to go before it) refusing it where it is that verb: opening
    a sentence before what only the verb is followed by (`VERB_NEXT`: "Hope he is safe",
    "Hope so", "Rose early", "Mark the date"); for "will" and "may", opening a sentence before
    a bare verb (`_MODAL_NEXT`: "Will follow up tomorrow", "Will do."), or opening one or
    after a question word before a pronoun and a question mark (`_ASKING`: "May I ask?",
    "How Will you cope?"; not "Did you tell Will you were late?"); "" for any other word."""
    word = r"(?:[^\W\d_]|\x00)+"
    refused = ""
    if plain in VERB_NEXT:
        subjects = "|".join(sorted(VERB_NEXT[plain] & SUBJECTS))
        others = "|".join(sorted(VERB_NEXT[plain] - SUBJECTS, key=lambda w: (-len(w), w)))
        # after a subject it is the verb ("Hope he is safe"); after another of these words,
        # only if no person's verb follows in the clause ("Mark the date", "Mark the nurse
        # rang")
        verb_next = [
            *([rf"(?i:{subjects}){_AFTER}"] if subjects else []),
            rf"(?i:{others}){_AFTER}(?!['’]s{_AFTER})"
            rf"(?!(?i:{PERSON_VERB_IN_CLAUSE.pattern}))",
        ]
        refused += rf"(?!{_OPENS}{word}[^\S\n]+(?:{'|'.join(verb_next)}))"
    if plain in _QUESTION_VERBS:
        refused += f"(?!{_OPENS}{word}{_MODAL_NEXT})(?!(?:{_OPENS}|{_ASKED_AFTER}){word}{_ASKING})"
    # read only where the word starts: each reads on to the end of the word it is at, and in
    # a script without spaces (Thai) a name may start at every letter of a paragraph
    return f"(?=(?i:{_char_pattern(plain[:1])})){refused}" if refused else ""


def _short_form_pattern(form: str, case_sensitive: bool, polish: bool) -> str:
    """A redacted short form (see `short_forms`), to match in keyed text. One that is also
    a word is matched in the plural too ("Wills", "BILLS": him), where its group
    (`_SHORT_WORD_GROUP`) has `_the_word` tell the word's plural ("Bills are due") and,
    when it is a verb, not opening a question ("May I ask?": the preview flags it there,
    see `nickname_like`); one that is also an abbreviation usually written in capitals
    ("ED") only in title case."""
    if not case_sensitive:
        return _name_pattern(form, polish)
    plain = _plain(form)
    body = _capitalised_pattern(form, upper=plain not in ALWAYS_CAPITALISED)
    if plain in _MONTHS:  # "Mays care home": a month's group reads no plural (`_the_month`)
        body += rf"(?![eE]?[sS]{_AFTER})"
    after = _WORD_OF_ANOTHER_LANGUAGE.get(plain)
    if after:  # ("Mae'r", "Mae hi'n": Welsh)
        words = "|".join(sorted(after.split(), key=len, reverse=True))
        body += rf"(?![{_APOSTROPHES}][rR]{_AFTER})(?![^\S\n]+(?i:{words}){_AFTER})"
    return _not_the_verb(plain) + body


@dataclass(frozen=True)
class _Rule:
    kind: str
    regex: re.Pattern[str]
    replace: str


def placeholders() -> frozenset[str]:
    """Every bracketed token the redactor writes (aliases aside)."""
    return frozenset({PLACEHOLDER, *(r.replace.rsplit(">", 1)[-1] for r in _identifier_rules())})


# A word of a reference number: four or more letters, digits and "/", "-" or "." between them,
# a digit among them ("2026/1234", "AB-1234", "12345678"; not "3", "2pm", "10")
_REFERENCE_WORD = r"(?=[A-Z0-9/\-.]*\d)(?=[A-Z0-9/\-.]{4})[A-Z0-9](?:[A-Z0-9/\-.]*[A-Z0-9])?"


# A National Insurance number: two letters, three pairs of digits, a letter A to D
_NI_NUMBER = r"[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]"
# An e-mail address read aloud or hidden from robots: "ksmith at gmail dot com",
# "k.smith (at) nhs (dot) net", "ksmith at gmail.com"
_SPOKEN_DOT = r"(?:\s+dot\s+|\s*[(\[]dot[)\]]\s*|\.)"
# (not a word that a website read aloud follows: "look at bbc dot co dot uk")
_SPOKEN_EMAIL = (
    r"(?<![\w@.+\-'])(?!(?:look|looked|looking|looks|is|was|were|are|am|be|been|it|me|you|him|her|us"
    r"|them|this|that|one|go|went|going|get|got|sign|signed|up|on|in|out|off|and|or|but|just"
    r"|only|still|even|there|here|online|web|site|website|page|email|e-mail|mail"
    # (nor a verb of where something is done: "I shop at tesco dot com", "applied at jobs
    # dot nhs dot uk")
    r"|shop|shops|work|works|stay|stays|live|lives|meet|meets|met|eat|eats|ate|buy|buys"
    r"|bought|order|orders|book|books|apply|applies|study|studies|volunteer|volunteers|sit"
    r"|sat|wait|waits|start|starts|found|find|finds|applied|worked|stayed|lived|shopped"
    r"|ordered|booked|studied|volunteered|started|waited|arrived|registered|working|living"
    r"|staying|shopping|studying|volunteering|waiting)\s)"
    # (a name read aloud in parts: "ngozi dot okonkwo at", "nick underscore ray at")
    # (each run of the name's characters read once, possessive: only its end can go on)
    r"[\w.+\-']*+(?<=\w)(?:(?:\s+(?:dot|underscore)\s+|\s*[(\[]dot[)\]]\s*)[\w.+\-']*+(?<=\w)){0,4}"
    r"(?:\s+at\s+|\s*[(\[]at[)\]]\s*)[\w\-]+"
    rf"(?:{_SPOKEN_DOT}[\w\-]+)*{_SPOKEN_DOT}"
    r"(?:com|org|net|uk|io|ie|edu|gov|info|me|co|nhs|ac)(?!\w|\.\w|\s+dot\b)"
)


_URL_CHARS = r"(?:\([^\s<>\"'“”‘’()]*\)|[^\s<>\"'“”‘’)])"
# A link ends before the punctuation of the sentence it is in ("see https://x.org/a, then"):
# the comma or full stop is the sentence's, kept outside "[link]"
_URL_END = r"(?<![.,;:!?])"


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
        _Rule("email", EMAIL, "[email]"),
        _Rule("email", re.compile(_SPOKEN_EMAIL, re.IGNORECASE), "[email]"),
        _Rule(
            "url",
            # a ")" only with its "(" ("wiki/Foo_(bar)"): a Markdown link's own closes it
            # ("[Rose](https://example.org)"). A scheme is of 32 characters at most, a
            # domain's part of 63 and a domain of 127 parts, as DNS has it (12 left a long
            # address's start out): each word of a long run of them ("ha-ha-ha…", "ha.ha.ha…",
            # 20,000 characters) was read on to the end of the run, which took 20 s
            re.compile(
                rf"(?:\b[a-z][a-z0-9+.\-]{{0,31}}://|\bwww\.){_URL_CHARS}+{_URL_END}"
                r"|\b[\w\-]{1,63}(?:\.[\w\-]{1,63}){0,126}"
                r"\.(?:com|org|net|io|co|uk|gov|edu|info|me|app)\b"
                rf"(?:/{_URL_CHARS}*{_URL_END})?",
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
        # numbers told by the words before them ("NHS number", "sort code", "reg", "case
        # no."), each kept, and an IBAN by its shape: before phone numbers, which they look like
        _Rule("nhs number", NHS_NUMBER, r"\g<cue>[nhs number]"),
        _Rule(
            "bank details",
            re.compile(
                r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![\w])"
                r"|(?P<cue>\b(?i:iban|sort\s*code|account(?:\s*(?:no\.?|number|num\.?))?)"
                r"(?i:\s*(?:no\.?|number|is|was|:|#))*\s*)\d[\d\s\-]{4,20}\d(?!\w)"
            ),
            r"\g<cue>[bank details]",
        ),
        _Rule(
            "vehicle registration",
            re.compile(
                r"(?P<cue>\b(?:reg(?:istration)?|(?:number\s+)?plates?)"
                r"(?:\s*(?:no\.?|number|plates?|is|was|:|#))*\s*)"
                r"(?-i:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])"
                r"(?!\w)",
                re.IGNORECASE,
            ),
            r"\g<cue>[vehicle registration]",
        ),
        # a National Insurance number by its shape alone ("NI JK 12 34 56 C"), in capitals
        _Rule("reference", re.compile(rf"\b{_NI_NUMBER}(?!\w)"), "[reference]"),
        _Rule(
            "reference",
            re.compile(
                r"(?P<cue>\b(?:(?:case|crime|claim|incident|ticket|file|policy|booking|order|"
                r"membership|member|customer|patient|hospital|passport|licence|license|"
                r"ni|national\s+insurance|tenancy|account)"
                r"(?:\s*(?:no\.?|number|num\.?|ref\.?|reference|#|:))+"
                r"|ref\.?|reference|crime\s+ref)(?:\s*(?:is|was|:|#))*\s*)"
                # a National Insurance number ("QQ 12 34 56 C"), or words that look like a
                # reference number, each with a digit ("2026/1234", "AB-1234", "ABC123"),
                # not a count or a time ("3 times", "2 weeks", "2pm", "10 Downing")
                rf"(?:{_NI_NUMBER}|{_REFERENCE_WORD}(?:\s{_REFERENCE_WORD})*)"
                r"(?!\w)(?!\s+(?:times?|pounds?|quid|pence|minutes?|mins?|hours?|hrs?|seconds?"
                r"|secs?|days?|nights?|weeks?|months?|years?|yrs?|am|pm|o'?clock)\b)",
                re.IGNORECASE,
            ),
            r"\g<cue>[reference]",
        ),
        _Rule(
            "address",
            re.compile(
                r"\b\d{1,5}[a-z]?,?\s+(?:[A-Z][\w'’\-]*\.?\s+){1,4}(?i:" + street + r")\b"
                r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
            ),
            "[address]",
        ),
        _Rule("phone", PHONE, "[phone]"),
        _Rule("id number", re.compile(r"\b[A-Za-z]{0,4}\d{6,}[A-Za-z]{0,2}\b"), "[id number]"),
    ]


class _Patterns(NamedTuple):
    """What a `Redactor` finds the names of one people list with (`_patterns`)."""

    names: tuple[re.Pattern[str] | None, dict[str, str]]
    initials: tuple[re.Pattern[str], dict[str, tuple[str, str, str]]] | None
    inside: tuple[re.Pattern[str], dict[str, str]] | None
    misspelt: tuple[re.Pattern[str], frozenset[str]] | None
    slip_parts: frozenset[str]
    # the short forms exports replace (Will of William), plain: "Wills flat" is his too
    short_keys: frozenset[str]
    bare: tuple[re.Pattern[str] | None, dict[str, str]]
    # the names as listed (`name_key`): never kept inside a brand joined up ("NatWest")
    as_written: frozenset[str]
    joined: tuple[frozenset[str], dict[str, str]] | None
    # any of those forms, in lower case, to find the words of prose that hold one
    forms_at: re.Pattern[str]


@lru_cache(maxsize=8)
def _patterns(people: tuple[Person, ...]) -> _Patterns:
    """A `Redactor`'s patterns for `people`, built once per list: hundreds of patterns that
    an export would otherwise build again for the file name, the summary and each check."""
    joined = _joined_forms(people)
    return _Patterns(
        names=_compile_names(people, welsh=True),
        initials=_compile_user_names(people),
        inside=_compile_inside(people),
        misspelt=_compile_misspelt(people),
        slip_parts=_slip_parts(people),
        short_keys=_short_keys_of(tuple(p.name for p in people)),
        bare=_compile_names(people, bare=True),
        as_written=frozenset(name_key(p.name) for p in people),
        joined=joined,
        forms_at=re.compile("|".join(
            map(re.escape, sorted(joined[0] if joined else (), key=len, reverse=True))
        ) or "(?!)"),
    )


@lru_cache(maxsize=8)
def _any_case_names(people: tuple[Person, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Every form of `people`'s names matched in any case (`Redactor._one_word_names`)."""
    return _compile_names(people, any_case=True, welsh=True)


@dataclass
class Redactor:
    """Apply with `redactor(text)`; `counts` tallies what was replaced, by kind, and
    `in_doubt` the listed word-names replaced opening a sentence that said nothing of whether
    they are the person or the word ("Ray" of "Ray seems odd." with Ray Smith listed), as
    written, with how often: the export names them for the writer to check."""

    people: Sequence[Person] = ()
    identifiers: bool = True
    counts: Counter[str] = field(default_factory=Counter)
    in_doubt: Counter[str] = field(default_factory=Counter)
    # each word joined up replaced whole for a listed name inside it, with every listed form
    # in it masked ("[person]Bet" of "SkyBet", "[person]meds" of "willmeds"): the writer is
    # told how many, never which (see `joined_note`)
    joined: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        # an alias that would itself name someone listed is not printed: "friend of Kim",
        # restored from a backup, then Kim added (see `unusable_aliases`)
        unusable = unusable_aliases(self.people)
        if unusable:
            self.people = [Person(p.name) if p.name in unusable else p for p in self.people]
        self._rules = _identifier_rules() if self.identifiers else []
        built = _patterns(tuple(self.people))
        self._names, self._lookup = built.names
        self._initials = built.initials
        self._inside = built.inside
        self._misspelt = built.misspelt
        self._slip_parts = built.slip_parts
        self._short_keys = built.short_keys
        self._bare = built.bare
        self._as_written = built.as_written
        self._joined = built.joined
        self._forms_at = built.forms_at

    def __call__(self, text: str) -> str:
        return self._redact(text, any_case=False)

    def label(self, text: str) -> str:
        """A label rather than prose (a setting: "will's flat"): every form of every name in
        any case, as for a text of one word. A label is often typed, or shown, in lower
        case, and has no sentence to tell the verb "will" from the name."""
        return self._redact(text, any_case=True)

    def _redact(self, text: str, any_case: bool) -> str:
        if not text:
            return text
        text = nfc(text)
        for rule in self._rules:
            text = rule.regex.sub(self._replacer(rule), text)
        if self._names is not None:
            text = self._replace_names(text, any_case)
        return text

    def _one_word_names(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """Every form matched in any case: for a text of one word (a tag, a setting)."""
        return _any_case_names(tuple(self.people))

    def _replace_names(self, text: str, any_case: bool) -> str:
        pieces, last = [], 0
        for start, end, stop, replacement in self.name_spans(text, any_case):
            self.counts["name"] += 1
            if replaced_in_doubt(text, start, end):
                self.in_doubt[text[start:end]] += 1
            masked = self._masked(text[start:end])
            if masked:
                self.joined[masked] += 1
            pieces += [text[last:start], replacement]
            last = stop
        return "".join([*pieces, text[last:]])

    def _masked(self, piece: str) -> str | None:
        """`piece`, replaced, with every listed form in it (`_joined_forms`) masked as
        `PLACEHOLDER`, where it is a word of letters holding one with two letters or more
        beside it ("[person]Line" of "HopeLine", "team[person]" of "teamal"); None for any
        other (a name, "Sams", a user name such as "jsmith", accents that change its
        letters' count, a name with kisses: "Kerryxx")."""
        plain = _plain(piece)
        if self._joined is None or not piece.isalpha() or len(plain) != len(piece):
            return None
        if any(_as_user_name(piece, p.name) for p in self.people):
            return None
        masked, i, beside = [], 0, 0
        forms = sorted((f for f in self._joined[0] if f in plain), key=len, reverse=True)
        while i < len(plain):
            form = next((f for f in forms if plain.startswith(f, i)), None)
            masked.append(PLACEHOLDER if form else piece[i])
            beside += not form
            i += len(form) if form else 1
        kisses = all(ch in "xX" for ch in "".join(masked).replace(PLACEHOLDER, ""))
        return "".join(masked) if forms and beside >= 2 and not kisses else None

    def label_spans(self, text: str) -> list[tuple[int, int]]:
        """Where in `text` (NFC) `label` would replace a name: each as found, without the full
        stop after it that an alias ending in one takes along ("sam." of "sam.md" with the
        alias "S.": the dot is the file name's)."""
        if self._names is None:
            return []
        spans = self.name_spans(text, any_case=True)
        return [(start, start + len(text[start:stop].rstrip("."))) for start, _, stop, _ in spans]

    def name_spans(self, text: str, any_case: bool) -> list[tuple[int, int, int, str]]:
        """(start, end, stop, replacement) of each name in `text` to replace, in order, none
        overlapping: the name's match is `start`:`end`, and the text goes on after it at
        `stop` (past any match overlapping it, and a full stop an alias ends with)."""
        regex, lookup = self._names, self._lookup
        label = any_case or not any(ch.isspace() for ch in text.strip())  # or a word alone
        if label:
            # tags are stored in lower case ("grace"), and a word alone has no sentence
            # around it to tell the word from the name: every form, in any case
            regex, lookup = self._one_word_names()
        assert regex is not None
        key = _as_latin(keyed(text))
        prose = regex is self._names
        lowered = _shouting_lowered(text) if prose else None
        found = [
            (*span, lookup[_group(m)]) for m in regex.finditer(key)
            if not _the_month(m, text) and not (prose and _the_word(m, text))
            and not (lowered and _the_word_shouted(m, regex, *lowered))
            and not _an_eponym(m, text) and not _a_mutated_word(m) and not _a_place(m, text)
            and (span := _where(m, text, key, self._as_written, label))
        ]
        breaks = [m.span() for m in _LINE_BREAK.finditer(key)]
        if breaks:
            # Again with each word hyphenated across a line joined up ("Jo\x00\x00nes"): a
            # second pass, not a longer pattern, as every letter of every name would pay
            # for it. A match that spans no break is one the first pass has already.
            joined = _LINE_BREAK.sub(lambda m: HIDDEN * len(m.group()), key)
            ends = [end for _, end in breaks]
            for m in regex.finditer(joined):
                # the first break after the match's start (a match starts at a letter), and
                # the match goes on past it: "Sam" of "Sam-\nnow" ends inside one
                n = bisect_right(ends, m.start())
                if (
                    n < len(breaks) and breaks[n][1] < m.end() and not _the_month(m, text)
                    and not (prose and _the_word(m, text)) and not _a_mutated_word(m)
                    and (span := _where(m, text, joined, self._as_written, label))
                ):
                    found.append((*span, lookup[_group(m)]))
        found += self._bare_vowels(text, key, prose)
        found = [(start, _digits_end(text, end), r) for start, end, r in found]
        found += self._user_names(text, key, 0, len(text))
        found += self._prose_user_names(text, key)
        found += self._misspelt_people(text)
        if label:
            found += self._pet_forms_in_label(text)
        found += self._handles(text, key)
        candidates = _join_candidates(key)
        found += self._inside_marked(key, [(0, len(key))] if label else candidates, label)
        found += self._joined_up(key, [(0, len(key))] if label else candidates, label)
        if not label:
            found += self._joined_in_prose(key)
        found += self._kissed(text, key)
        found.sort(key=lambda f: (f[0], -f[1]))
        spans: list[tuple[int, int, int, str]] = []
        for start, end, replacement in found:
            if spans and start < spans[-1][2]:  # inside, or overlapping, one already found
                at, to, stop, put = spans[-1]
                spans[-1] = (at, to, max(stop, end), put)
                continue
            # an alias's full stop is the sentence's too: "rang R." for "rang Robert."
            stop = end + (replacement.endswith(".") and text.startswith(".", end))
            spans.append((start, end, stop, replacement))
        return spans

    def _bare_vowels(self, text: str, key: str, prose: bool) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of each name with an umlaut written out found with the
        umlaut ("Müller", "Bär" for Mueller, Baer) or, where `_bare_vowel_kept` says, its
        vowel alone ("Muller")."""
        regex, lookup = self._bare
        if regex is None:
            return []
        return [
            (*span, lookup[_group(m)]) for m in regex.finditer(key)
            if _bare_vowel_kept(m, text) and not _the_month(m, text)
            and not (prose and _the_word(m, text))
            and (span := _where(m, text, key, self._as_written, not prose))
        ]

    def _kissed(self, text: str, key: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of each listed name (any form, in any case) with a text
        message's kisses glued on ("Kerryxx", "Siobhanxxx", "zoëxx", "O'Neillx"), the word
        whole. Two x's or more are always kisses: no English word ends so. One x is a kiss
        unless the word is an English word: never one of `_X_WORDS` ("annex" of Anne, "lynx"
        of Lyn), and one of `_X_WORDS_IN_USE` only where `_a_kiss` says, so it is left wherever
        it is used as the word ("cleaned with ajax", "her beaux", "a unix box", "Brix level
        high"); any other ("I think of benx often", "Kerryx and Kai rang") is a kiss."""
        kissed = [
            m for m in _KISSED.finditer(key) if len(m.group(1)) >= _KISSED_STEM - 1
            and (len(m.group(2)) > 1 or _one_kiss(text, m))
        ] if "x" in key or "X" in key else []
        if not kissed:
            return []
        regex, lookup = self._one_word_names()
        assert regex is not None
        found = []
        for m in kissed:
            start, end = m.span()
            for stem_end in range(m.start(2), m.start(2) + len(m.group(2))):
                name = regex.fullmatch(key, start, stem_end)
                if name and sum(ch.isalpha() for ch in name.group()) >= _KISSED_STEM:
                    found.append((start, end, lookup[_group(name)]))
                    break
        return found

    def _misspelt_people(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, `PLACEHOLDER`) of each word that is a listed part spelt otherwise
        (`_spelt_otherwise`: "kerri", "Zoey", "declen") where the sentence makes it a person:
        someone's verb after it ("kerri rang", "Zoey was", "declen came"), "'s" ("kerri's
        mum"), or a verb of meeting or telling before it ("met zoey"); and then that word
        anywhere in the text, in either case, so no "Kerri" is left beside a replaced "kerri".
        Never another given name (`OTHER_GIVEN_NAMES`: "jane" is no Jana), and never the
        listed person's alias: a guess must not say who it was. Elsewhere the export preview
        flags it, as it does a slip of the keys ("kery"): that is too often a word ("cooker"
        for Cooke) to replace."""
        if self._misspelt is None:
            return []
        regex, parts = self._misspelt
        words = [(m, _plain(m.group())) for m in regex.finditer(text)]
        people = {
            key for m, key in words
            if len(key) >= 4 and key not in OTHER_GIVEN_NAMES and (
                (_spelt_otherwise(key, parts) is not None and (
                    _a_person_here(text, *m.span()) or _a_person_or_aside(text, *m.span())
                ))
                or _slip_owning(text, *m.span(), key, parts)
            )
        }
        found = [(*m.span(), PLACEHOLDER) for m, key in words if key in people]
        owners = _owners_unmarked(text, parts, self._short_keys - parts)
        return found + _slips_of_the_keys(text, self._slip_parts) + owners

    def _pet_forms_in_label(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, `PLACEHOLDER`) of each piece of a label (a tag, a setting: split at
        its joins, `_LABEL_PIECE`) that is a listed part spelt otherwise (`_spelt_otherwise`:
        the tag "gracie" for Grace, "gracie-visit") or typed with two letters swapped or one
        typed thrice (`_swapped`: "grcae", "#visit-grcae", "willl"), as `_misspelt_people`
        replaces them in prose where a person stands: a label has no sentence to tell, and a
        tag beside "Gracie texted" must not name her. Not an everyday word (`english_word`:
        "gain" of Gian, "bard" of Brad, "sale" of Sal, "money-worries" of Mona; the few it
        does not know: "oil" of Oli, `THREE_LETTER_WORDS`; "brain" of Brian, `SWAPPED_WORDS`;
        "nana" of Nan, `PET_FORM_WORDS`), nor an acronym ("dna" of Dan: `LABEL_ACRONYMS`),
        nor another slip ("weight" of Wright, "cooker" of Cooke: words too often), which the
        preview lists (`nickname_spans`). The word list holds no name redaction knows
        (`name_words`), no given name and no pet form of one ("bonny" of Bonnie, "abbey" of
        Abbie: her name, replaced); nor does it save a listed part with a pet ending added or
        changed, a surname's too (`pet_form_of`: "snowy" of Snow, "posy" of Posie); and a
        listed part itself, or a short form of one, is matched by the name rules whatever the
        list says. A plural of such a slip is
        replaced as the slip is ("bonnys", "belles" of Bella), unless the whole is a word of
        the list ("denies" with Denise listed)."""
        if self._misspelt is None:
            return []
        _, parts = self._misspelt
        return [
            (*m.span(), PLACEHOLDER) for m in _LABEL_PIECE.finditer(text)
            if self._a_slip_in_label(key := _plain(m.group()), parts) or (
                key.endswith("s") and self._a_slip_in_label(key[:-1], parts)
                and not english_word(key)
            )
        ]

    def _a_slip_in_label(self, key: str, parts: frozenset[str]) -> bool:
        """Whether `key`, a piece of a label (plain), is a slip of one of the listed `parts`
        that `_pet_forms_in_label` replaces."""
        if key in OTHER_GIVEN_NAMES or key in parts or _a_label_word(key):
            return False
        return (_spelt_otherwise(key, parts) is not None or (
            key not in self._slip_parts and _swapped(key, self._slip_parts)
        )) and (  # (the word list read only for a slip; it saves no pet form of a listed part)
            not english_word(key) or pet_form_of(key, parts)
        )

    def _handles(self, text: str, key: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of each handle or hashtag ("@hope_walker99",
        "#mr.walker") holding a form of a listed name in any case, as a label does: the
        handle after its "@" or "#" whole, so no piece of it ("99", "_x") is left to point at
        them."""
        spans = [m.span(1) for m in _HANDLE.finditer(text)]
        if not spans:
            return []
        regex, lookup = self._one_word_names()
        assert regex is not None
        handles = []
        for start, end in spans:
            m = next(
                (m for m in regex.finditer(key, start, end)
                 if not _the_month(m, text) and _where(m, text, key, self._as_written)), None
            )
            if m:
                handles.append((start, end, lookup[_group(m)]))
            else:
                handles += [(start, end, r) for *_, r in self._user_names(text, key, start, end)]
        return handles

    def _inside_marked(
        self, key: str, candidates: list[tuple[int, int]], label: bool = False
    ) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of each handle, hashtag, address or file name (among the
        `candidates`: `_join_candidates`) holding a listed name or part of four letters or more
        anywhere, in any case ("#justiceforngozi", "@teamngozi", "ngozicareplan.docx"), the
        word whole; and in a `label` (a tag, a setting: `candidates` its whole), a run of
        letters holding one that is no everyday word (`everyday_name`: "ngozicare",
        "Carlisle" with Carl Green listed; not "Greenwich"), the run whole. Never inside an
        English word or a known name (`_inside_a_word`: "summary.md" with Mary listed,
        "willpower" with Max Power), nor in prose, so never the word."""
        if self._inside is None:
            return []
        regex, lookup = self._inside
        found = []
        for span in candidates:
            for m in regex.finditer(key, *span):
                start, end = m.span()
                marked = _marked(key, start)
                if not (marked or (label and self._inside_label(key, m))):
                    continue
                if not _inside_a_word(key, start, end):
                    where = _joined_word(key, start, end) if marked else _run_at(key, start)
                    found.append((*where, lookup[_group(m)]))
                    break
        return found

    def _inside_label(self, key: str, m: re.Match[str]) -> bool:
        """Whether the form `m` found inside a run of a label (not a file name, handle or
        hashtag) replaces the run: no everyday word ("ngozi", "carl"; not "green" of
        "Greenwich"), in no brand kept for a part of a full name ("powerpoint" with Max
        Power: `_kept_joined`)."""
        start, stop = _run_at(key, m.start())
        return not everyday_name(m.group()) and not _kept_joined(
            key[start:stop], m.group(), self._as_written
        )

    def _joined_up(
        self, key: str, spans: list[tuple[int, int]], label: bool
    ) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of each run of letters in `spans` of `key`, with no join
        showing, that is a listed name (any form, any case) written together with everyday
        words (`_name_among_words`: "willvisit", "jowalk", "teamsam", "samandme",
        "willsflat"): in a label (a tag, a setting, a file name typed for an export) the run
        written in one case (a tag is stored in lower case), and in prose a handle, hashtag,
        address or file name's word ("#jowalk", "samvisit.pdf": "#[person]", "[person].pdf"),
        as `_inside_marked` replaces one with a longer name anywhere. An English word stays
        ("willing", "samples", "marketing"), and so does a run that reads as everyday words
        alone ("totalcare" with Al listed); in a label, a word capitalised as one name is a
        place or a brand for a part of a listed full name or a short form ("Hopewell centre",
        "Deansgate" with Hope Walker and Dean Moss listed), never for a name listed as written
        ("Willvisit" with Will listed; a case change inside a word is `_where`'s:
        "WillVisit")."""
        if self._joined is None:
            return []
        forms, lookup = self._joined
        found = []
        for span in spans:
            for run in _SPACED_WORD_OF_KEYS.finditer(key, *span):
                marked = _marked(key, run.start())
                if not (label or marked):
                    continue
                # a case change inside the run is `_where`'s ("PearlyVisit": "[person]Visit")
                edge = _A_CASE_CHANGE.search(run.group()) is None
                form = _name_among_words(_plain(run.group()), forms, self._as_written, edge)
                listed = self._as_written
                if form is None or not (marked or _one_word_case(run.group(), form, listed)):
                    continue
                where = run.span() if label else _joined_word(key, *run.span())
                found.append((*where, lookup[form]))
        return found

    def _joined_in_prose(self, key: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of each word in lower case of running text that is a
        listed name written together with everyday words the lists know, all of them
        (`_name_among_words`, not at an edge alone: "i did the jovisit notes", "met at
        samsflat"), the word whole. Not a name glued to a word the lists lack ("samrota"), as
        a label's is: in prose that would take hundreds of everyday words the English list
        leaves out ("alking", "almart"), where this takes a dozen in the 450,000 words of the
        development journals. An English word stays ("willing", "samples", "mobile")."""
        if self._joined is None:
            return []
        forms, lookup = self._joined
        found, read = [], set()
        for m in self._forms_at.finditer(key):  # (only the words holding a form are read)
            start, end = _run_at(key, m.start(), _SPACED_WORD_OF_KEYS)
            word = key[start:end]
            if start in read or not word.islower() or len(word) - len(m.group()) < 3:
                continue
            read.add(start)
            form = _name_among_words(_plain(word), forms, self._as_written)
            if form is not None:
                found.append((*_joined_word(key, start, end), lookup[form]))
        return found

    def _user_names(self, text: str, key: str, pos: int, endpos: int) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of each user name made of a listed surname and the first
        name's initial ("SPatel", "turner_w", "@wturner", "nokonkwo.pdf" for Will Turner, Sanjay
        Patel, Ngozi Okonkwo) in `text`[pos:endpos], the word holding it whole (see
        `_joined_word`), unless it reads as an English word (see `_user_name`)."""
        if self._initials is None:
            return []
        regex, lookup = self._initials
        found = []
        for span in _join_candidates(key, pos, endpos):
            for m in regex.finditer(key, *span):
                replacement, letter, surname = lookup[_group(m)]
                typed = text[m.start() : m.end()]
                before = _group(m)[0] == "b"
                if _user_name(typed, letter, surname, before, _marked(key, m.start())):
                    found.append((*_joined_word(key, m.start(), m.end()), replacement))
        return found

    def _prose_user_names(self, text: str, key: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of each user name in prose, one case, that no English
        word could be ("jsmith", "wturner": see `_no_word_opens`); and of one that may be a
        word ("jedwards", "towen", "skelly": its initial and surname open words) where a person
        stands (`_a_user_here`: "emailed jedwards"), or in a list of people (`_users_listed`:
        "emailed jedwards, towen and kellis"). The others are left, and flagged in the preview
        (`user_names_left`): never one after a determiner ("the warden and Kai rang"), nor
        one joined to a word that is no one (`_after_a_thing`: "Fight or flee kicked in")."""
        if self._initials is None:
            return []
        regex, lookup = self._initials
        found, maybe = [], []
        for m in regex.finditer(key):
            replacement, letter, surname = lookup[_group(m)]
            typed = text[m.start() : m.end()]
            if _group(m)[0] != "b" or not _one_case(typed):
                continue
            if _no_word_opens(typed, letter, surname):
                found.append((m.start(), m.end(), replacement))
            elif _plain(typed) not in _NO_USER_NAME:
                maybe.append((m.start(), m.end(), replacement))
        sure = {(start, end) for start, end, _ in found}
        users = sure | {(start, end) for start, end, _ in maybe}
        return found + [
            (start, end, replacement) for start, end, replacement in maybe
            if (_a_user_here(text, start, end)
                and not self._after_a_thing(text, key, start, end, users))
            or _users_listed(text, start, end, sure, users)
        ]

    def _after_a_thing(
        self, text: str, key: str, start: int, end: int, users: set[tuple[int, int]]
    ) -> bool:
        """Whether the word at `start` of `text` that may be a user name is joined to a word
        before it that is no one, so that the verb after them is the pair's and no person
        stands there: by "or" to a word in lower case or opening the sentence (alternatives
        of one kind: "Fight or flee kicked in"), or by "and" to a noun after a determiner ("a
        belt and sash were red"; people are listed by "and": "mchen and flee came" is two).
        Not a name or a word that may be one (capitalised inside the sentence, listed, a
        user name, a given name), a pronoun ("her or flee") or a word for a person ("the
        nurse and flee"), nor after a verb of meeting or telling ("met the team and flee"); nor,
        joined by "or", before a person's verb that is not a thing's setting in ("Stay or flee
        rang" is a person; "Fight or flee kicked in" is not)."""
        before = _search_back(_JOINED_BEFORE, text, start)
        if before is None or before.span(1) in users:
            return False
        word, at = before.group(1), before.start(1)
        plain = word.casefold()
        if plain in _NOT_LISTED or plain in _PEOPLE_NOUNS or plain in OTHER_GIVEN_NAMES:
            return False
        head = _search_back(_WORD_BEFORE, text, at)
        determined = head is not None and head.group(1).casefold() in _DETERMINERS
        phrase = head.start(1) if head is not None and determined else at
        if _PERSON_BEFORE.search(text[max(0, phrase - 40) : phrase]):
            return False
        if before.group(2).casefold() == "and":
            return determined and word.islower()
        if _PERSON_NEXT_WORD.match(text, end) and not _SETS_IN_AFTER.match(text, end):
            return False  # "Stay or flee rang"
        if not _an_everyday_word(plain):
            return False  # "Kai or flee kicked in", "mchen or flee came": a person, or a user
        if word.islower():
            return True
        regex, _ = self._one_word_names()
        listed = regex is not None and regex.fullmatch(key, at, before.end(1)) is not None
        return word[1:].islower() and _opens_sentence(text, at) and not listed

    def _replacer(self, rule: _Rule) -> Callable[[re.Match[str]], str]:
        def replace(match: re.Match[str]) -> str:
            kept = ""
            if rule.kind == "phone":
                number = phone_number(match.group(0))
                if number is None:
                    return match.group(0)
                kept = number[0]
            self.counts[rule.kind] += 1
            return kept + match.expand(rule.replace)

        return replace


    def all(self, texts: Iterable[str]) -> list[str]:
        return [self(t) for t in texts]


def _a_label_word(key: str) -> bool:
    """Whether `key`, a piece of a label in lower case, is an everyday word or acronym of the
    lists held in memory that only looks like a listed name spelt otherwise or slipped (see
    `_pet_forms_in_label`, which asks the English word list only of a slip)."""
    return (
        key in PET_FORM_WORDS or key in THREE_LETTER_WORDS or key in SWAPPED_WORDS
        or key in LABEL_ACRONYMS or _an_everyday_word(key)
    )


# A piece of a label between its joins: a run of letters, split before a capital inside
# it ("GracieVisit": "Gracie" and "Visit"; "GRCAE" whole)
_LABEL_PIECE = re.compile(r"[A-Z]?[^\W\d_A-Z]+|[A-Z]+(?![^\W\d_A-Z])|[^\W\d_]+")
# A handle or hashtag ("@will.turner", "#hope_walker2"): its "@" or "#" after no letter or
# digit (an e-mail address is replaced before names are), and its word characters, dots and
# dashes, up to a letter or digit (group 1).
_HANDLE = re.compile(r"(?<![\w@#])[@#]((?:[\w.\-]|\x00)*[^\W_])")
# Digits written straight after a name ("hope_walker99", "Sam2"): a user name's, replaced
# with it.
_DIGITS_AFTER = re.compile(r"\d+(?![^\W\d_])")


def _digits_end(text: str, end: int) -> int:
    """`end`, or the end of the digits straight after it (see `_DIGITS_AFTER`)."""
    m = _DIGITS_AFTER.match(text, end)
    return m.end() if m else end


# Surname prefixes written with a capital after them ("McDonald", "DeShawn", "LaToya",
# "MacArthur"): a name inside such a word is no word joined up ("Donald" is not in "McDonald").
_CAPITAL_AFTER = _words("mc mac de di da du la le van von fitz o st san")
_WORD_CHAR = re.compile(rf"(?![{_SPACELESS}])[\w\x00]")
# A file name's extension, kept after a joined-up word replaced whole ("[person].docx")
_EXTENSION = re.compile(r"\.(?:[a-z][a-z0-9]{0,4}|[A-Z][A-Z0-9]{0,4})")


def _case_change(key: str, i: int) -> bool:
    """Whether a small letter is followed by a capital at `i` of `key`."""
    return 0 < i < len(key) and key[i - 1].islower() and key[i].isupper()


def _capitals_glued(key: str, i: int) -> bool:
    """Whether a word in capitals ends at `i` of `key` before a capitalised one ("WILL|Visit")."""
    return _CAPITALS_GLUED_AT.match(key, i) is not None


_CAPITALS_GLUED_AT = re.compile(_CAPITALS_GLUED)


def _where(
    match: re.Match[str], text: str, key: str, listed: frozenset[str] = frozenset(),
    label: bool = False,
) -> tuple[int, int] | None:
    """The span to replace for a name's match: the match (with an initial's full stop, see
    `_name_end`); if a case change bounds it inside a word joined up of several
    ("NgoziCarePlan.docx", "JusticeForNgozi", "WillVisit", "visitWill", "JoWalk", "HopeW",
    "WILLVisit"), that word whole, but for a file name's extension ("[person].docx"), so no
    piece of it ("OA" of "NgoziOA", "Visit" of "WillVisit") is left to point at them. None
    where the case change says nothing: an initial ("PhD" is no "D"), a form of two letters
    in a word with capitals side by side ("MoMA"; in prose only: not in a `label`, a file
    name, handle or hashtag: "JoCV", "JoCV.docx", "#TeamJoNHS"), a surname's prefix before it
    ("McDonald", "DeShawn"); and a brand or an everyday word joined up that holds a part of
    a listed full name or a short form, never a name of `listed` as written (see
    `_kept_joined`: "NatWest" with Sarah West listed, "WillPower" with Will Grant)."""
    start, end = match.start(), match.end()
    capitals = _capitals_glued(key, end)
    if not (_case_change(key, start) or _case_change(key, end) or capitals):
        return start, _name_end(match, text)
    if _group(match).startswith(_INITIAL_GROUP) or _after_a_prefix(key, start):
        return None
    word = _joined_word(key, start, end)
    if _marked(key, start) or _initial_after(key, end):
        return word  # a file name, handle or hashtag whole, acronym or not ("JoCV.docx")
    short = sum(ch.isalpha() for ch in key[start:end]) < 3
    if short and not (label or capitals) and _CAPITALS.search(key, *word):
        return None  # an abbreviation in prose ("MoMA" with Mo listed)
    if _kept_joined(key[word[0] : word[1]], key[start:end], listed):
        return None  # "NatWest", "PowerPoint", "WillPower"
    return word


# Two capitals side by side: a word with them is an abbreviation ("MoMA", "DoBs")
_CAPITALS = re.compile(f"[{_CAPITAL}]{{2}}")


def _after_a_prefix(key: str, start: int) -> bool:
    """Whether a case change at `start` of `key` follows a surname's prefix opening the word
    ("McDonald", "DeShawn", "MacArthur": `_CAPITAL_AFTER`): no word joined up."""
    if not _case_change(key, start):
        return False
    before = start
    while before > 0 and key[before - 1].isalpha():
        before -= 1
    return key[before:start].casefold() in _CAPITAL_AFTER


def _as_written(form: str, listed: frozenset[str]) -> bool:
    """Whether `form` (as found, maybe with a plural "s" or "es") is a name of `listed`
    (`name_key`s of the names as listed: "Nat" listed alone, not "West" of Sarah West)."""
    name = name_key(form)
    return any(name.endswith(ending) and name[: len(name) - len(ending)] in listed
               for ending in ("", "s", "es"))


def _kept_joined(word: str, form: str, listed: frozenset[str]) -> bool:
    """Whether a word joined up in prose or a label (`word`, as written) that holds `form` of a
    listed name at a case change is kept: a brand or service (`JOINED_BRANDS`: "NatWest",
    "HopeLine", "JohnLewis"), an everyday word ("WillPower", "JoyStick"), a name opening with
    a surname's prefix ("LeBron" with Minh Le listed) or a short word ("OhMyGod", "DoB"). Not
    where `form` is a name of `listed` as written (`_as_written`): the writer listed exactly
    that word ("Nat": "NatWest" is replaced; privacy first, and the preview shows it)."""
    if _as_written(form, listed):
        return False
    name = name_key(form)
    letters = "".join(ch for ch in _plain(word) if ch.isalpha())
    return (
        letters in JOINED_BRANDS or english_word(letters) or name in FUNCTION_WORDS
        or (name in _CAPITAL_AFTER and letters.startswith(name))
    )


# A word ending in a text message's kisses ("Kerryxx", "O'Neillx", "Zoëx's"): the word, and
# its x's
_KISSED = re.compile(
    r"(?<![^\W_])(?<![^\W_]['’])([^\W\d_](?:[^\W\d_\x00]|['’\-](?=[^\W\d_]))*?)([xX]{1,10})"
    r"(?![^\W_])(?!['’](?![sS](?![^\W_]))[^\W_])"
)
# Letters a name needs before kisses are taken to be glued to it ("Six" is no Si with a kiss)
_KISSED_STEM = 3


def _one_kiss(text: str, m: re.Match[str]) -> bool:
    """Whether the word `m` of `_KISSED`, ending in one x, is a name with a kiss glued on
    (see `Redactor._kissed`)."""
    word = _plain(m.group())
    if word in _X_WORDS:
        return False
    return word not in _X_WORDS_IN_USE or _a_kiss(text, *m.span())


def _a_kiss(text: str, start: int, end: int) -> bool:
    """Whether the word at `start`:`end` of `text` that ends in one x is a name with a kiss
    glued on, as a text message is signed: where a person stands (`_a_user_here`: "Zoëx
    rang", "met Kerryx", "Zoëx's mum"), or ending its sentence, line or clause ("love
    Kerryx", "Thank you Kerryx", "Thanks, Kerryx. Bye", "Kerryx - see you"); not as a noun
    after an article ("a unix box", "the Onyx"), or in lower case after another determiner
    or a preposition ("her beaux came", "cleaned with ajax."; "love you my Zoëx", "coffee
    with Kerryx." are her), nor inside a clause that holds no person ("Brix level high",
    "Beaux Arts style"). Capitalised, the word is a name in use ("Marx came up", "Unix was
    down"): a kiss only where it signs a message off (`_signed_off`: "love Marx", "Thanks,
    Unix.")."""
    if not text[start:end].islower():
        return _signed_off(text, start, end)
    if _a_user_here(text, start, end):
        return True
    before = _search_back(_WORD_BEFORE, text, start)
    cue = before.group(1).casefold() if before else ""
    if cue in _ARTICLES or cue in _DETERMINERS or cue in _A_THING_AFTER:
        return False
    return _ends_clause(text, end)


def _ends_clause(text: str, end: int) -> bool:
    """Whether a sentence, line or clause ends at `end` of `text` (marks aside)."""
    j = end
    while j < len(text) and not text[j].isalnum() and text[j] != "\n":
        j += 1
    return j == len(text) or text[j] == "\n" or any(ch in _KISS_ENDS for ch in text[end:j])


def _signed_off(text: str, start: int, end: int) -> bool:
    """Whether the word at `start`:`end` of `text` signs off a message: ending its clause,
    alone on its line or after a farewell or a thanks ("love Marx", "Thank you Marx!")."""
    if not _ends_clause(text, end):
        return False
    # (read in the few characters before it, not back to the line's start for every word:
    # nothing but spaces and marks there is alone)
    lo = max(0, start - _SIGN_OFF_LOOKBACK)
    lo = text.rfind("\n", lo, start) + 1 or lo
    alone = not any(ch.isalnum() for ch in text[lo:start])
    return alone or _SIGN_OFF_BEFORE.search(text, lo, start) is not None


# Before a name signing a message off, a farewell or a thanks ("love Marx", "thank you Unix"),
# in the characters before it
_SIGN_OFF_LOOKBACK = 24
_SIGN_OFF_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:love|thanks|thank[^\S\n]+you|thx|ty|cheers|bye|night|regards|hugs|from"
    r"|signed|x+)[^\w\n]*$"
)
# After a name signed with a kiss, what ends its sentence or clause
_KISS_ENDS = frozenset(".!?…,;:-–—")
# English words that are a name with an x after it (see `Redactor._kissed`)
_X_WORDS = _words(
    "annex lynx minx jinx manx codex apex latex index ibex helix remix rolex telex pyrex larynx "
    "sphinx climax syntax borax thorax flax flex flux crux hoax coax relax reflex complex "
    "convex vortex cortex duplex affix prefix suffix matrix phoenix appendix unisex sussex "
    "essex wessex middlesex halifax fairfax redox detox botox xerox kleenex tampax"
)
# English words that are a name with an x after it and may be a name signed with a kiss too
# ("Ajax won", "Ajax rang"): read by where they stand (`_a_kiss`)
_X_WORDS_IN_USE = _words(
    "ajax unix linux beaux onyx brix bronx marx faux roux prix deux styx knox lennox wilcox "
    "hendrix chateaux gateaux plateaux tableaux bordeaux bijoux"
)


# A token that is never prose: a handle or hashtag, an e-mail address, a path or a file name
# ("@TeamNgozi", "#JusticeForNgozi", "w.turner@x.org", "notes/wturner", "NgoziCarePlan.docx")
_TOKEN = re.compile(r"[^\s\"'“”‘’()<>\[\]{},;!?]+")
_MARKED_TOKEN = re.compile(
    r"(?:^[@#]|.@|[/\\])|\.(?:[a-z][a-z0-9]{1,4}|[A-Z][A-Z0-9]{1,4})[.:]?$"
)


def _marked(key: str, i: int) -> bool:
    """Whether the token (run of characters between spaces and brackets) at `i` of `key` is a
    handle, an e-mail address, a path or a file name (see `_MARKED_TOKEN`)."""
    start = i
    while start > 0 and _TOKEN.match(key, start - 1):
        start -= 1
    m = _TOKEN.match(key, start)
    return m is not None and _MARKED_TOKEN.search(m.group()) is not None


def _initial_after(key: str, end: int) -> bool:
    """Whether one capital, alone, is glued after a name at `end` ("HopeW", "TurnerW")."""
    return key[end : end + 1].isupper() and not key[end + 1 : end + 2].isalnum()


def _joined_word(key: str, start: int, end: int) -> tuple[int, int]:
    """The span of the word holding `key`[start:end]: its letters, digits, "_", and each "."
    or "-" between two of them ("NgoziOkonkwoNotes.txt", "okonkwoN-2"), less a file name's
    extension after the name ("[person].txt")."""

    def inside(i: int) -> bool:
        return 0 <= i < len(key) and _WORD_CHAR.match(key, i) is not None

    def joins(i: int) -> bool:
        return inside(i) or (key[i : i + 1] in (".", "-") and inside(i - 1) and inside(i + 1))

    while joins(start - 1):
        start -= 1
    stop = end
    while joins(stop):
        stop += 1
    dot = key.rfind(".", end, stop)
    if dot >= end and _EXTENSION.fullmatch(key, dot, stop):
        stop = dot
    return start, stop


# Letters of a run with no join showing read for a name written together with everyday words
# (`_name_among_words`); a longer run is no label's or handle's word
_JOINED_MAX = 40
# Everyday words that the lists leave out, read as words joined to a name ("willscafe",
# "samapp"): the English word list has no words of two letters, nor names such as "day" and
# "house", and a word of three letters is read only among `THREE_LETTER_WORDS`
_JOINED_EXTRA = _words("cafe cafes app apps goodwill")
# Letters of a word written next to a name of two letters ("jowalk", "teamjo"): shorter ones
# make too many words with it ("alice", "eddie", "maple" with Al, Ed, Le listed)
_BESIDE_TWO_LETTERS = 4
# Forms of two letters that end English words as often as they are a name ("delusional",
# "drawal" with Al listed): never read at the end of a run
_ENDINGS = _words("al ed an en er es ly ic le ty")


def _joined_forms(people: Sequence[Person]) -> tuple[frozenset[str], dict[str, str]] | None:
    """Every form of the listed names (`name_forms`, `short_forms`) of two letters or more,
    plain, with no space, dash or apostrophe ("will", "jo", "samjones", "oneill"), and what
    each is replaced with (whose it is, as `_compile_names` says: `_owners`). Not a particle
    or a short word that is a part of a longer name ("le" of Minh Le, "do" of Nguyen Do): too
    many words hold those ("lean", "lego"). None with nothing left."""
    forms = [
        (form, person.replacement) for person in people
        for form, _ in [*name_forms(person.name), *short_forms(person.name)]
        if initial(form) is None
    ]
    owners = _owners(people, forms)
    # a name listed alone, or the given name of a full one ("al" of Al Hart, "del" of Del
    # Boy): a person's, whatever else the word is
    listed = {name_key(person.name) for person in people} | {
        name_key(parts[0]) for person in people if len(parts := _parts(person.name)) > 1
    }
    lookup = {
        key: owners[key] for form, _ in forms
        if len(key := name_key(form)) >= 2 and key.isalpha()
        and (key in listed or not (key in PARTICLES or key in FUNCTION_WORDS))
    }
    return (frozenset(lookup), lookup) if lookup else None


def _one_word_case(typed: str, form: str, listed: frozenset[str]) -> bool:
    """Whether a label's word `typed` holding `form` (plain) of a listed name among everyday
    words is read as words joined up (`Redactor._joined_up`): written in one case (a tag is
    stored in lower case: "willvisit", "JOWALK"), or capitalised with `form` a name listed
    as written (`listed`: "Willvisit" with Will listed; "Hopewell" with Hope Walker is a
    place)."""
    return typed.islower() or typed.isupper() or _as_written(form, listed)


def _a_joined_word(piece: str, whole: bool) -> bool:
    """Whether `piece` (plain) is an everyday word written joined to others: one of four
    letters or more that the English word list or the lists held in memory know, one of
    three among those in memory (the English list's "hos" and "zed" would read
    "hospitalized" as words around Li), or, unless only `whole` words count, one of two
    among `FUNCTION_WORDS` ("me" of "samandme"). One of four or more whose plural the list
    knows is one too ("mobile" of "mobilephone": the list lacks a word that is a place)."""
    if len(piece) < 3:
        return not whole and len(piece) == 2 and piece in FUNCTION_WORDS
    known = (
        piece in COMMON_WORDS or piece in SENTENCE_WORDS or piece in THREE_LETTER_WORDS
        or piece in FUNCTION_WORDS or piece in _JOINED_EXTRA
    )
    return known or (len(piece) > 3 and (english_word(piece) or english_word(piece + "s")))


def _words_to(run: str, skip: frozenset[str] = frozenset(), whole: bool = False) -> list[bool]:
    """For each place i of `run`, whether `run`[:i] is everyday words written together
    (`_a_joined_word`), none of `skip`; True at 0 (no word)."""
    ok = [True] + [False] * len(run)
    for end in range(1, len(run) + 1):
        ok[end] = any(
            ok[start] and run[start:end] not in skip and _a_joined_word(run[start:end], whole)
            for start in range(end)
        )
    return ok


def _words_from(run: str) -> list[bool]:
    """For each place i of `run`, whether `run`[i:] is everyday words written together
    (`_a_joined_word`); True at its end (no word)."""
    ok = [False] * len(run) + [True]
    for start in range(len(run) - 1, -1, -1):
        ok[start] = any(
            ok[end] and _a_joined_word(run[start:end], whole=False)
            for end in range(start + 1, len(run) + 1)
        )
    return ok


@dataclass
class _Around:
    """Where the everyday words of a run (plain letters) may end and start (`_words_to`,
    `_words_from`), to read a form of a listed name among them (`_name_among_words`)."""

    run: str
    to: list[bool]
    start: list[bool]

    def before(self, at: int, least: int) -> bool:
        """Whether words end at `at`, the last of `least` letters or more (none at 0)."""
        return at == 0 or any(
            self.to[i] and _a_joined_word(self.run[i:at], whole=False)
            for i in range(at - least + 1)
        )

    def after(self, stop: int, least: int) -> bool:
        """Whether words start at `stop`, the first of `least` letters or more (none at the
        end)."""
        return stop == len(self.run) or any(
            self.start[i] and _a_joined_word(self.run[stop:i], whole=False)
            for i in range(stop + least, len(self.run) + 1)
        )

    def name_at(self, form: str, at: int, stop: int) -> bool:
        """Whether `form` at `at`, up to `stop` (past an "s" after it), is a name among the
        words around it: not the run whole, nor with fewer than three letters around it; a
        form of two letters only beside words of `_BESIDE_TWO_LETTERS` letters or more
        ("jowalk", "teamjovisit"), and not as a word's ending (`_ENDINGS`: "delusional" is
        no Al); longer words make those too often ("alice", "hospitalized")."""
        if len(self.run) - (stop - at) < 3:
            return False
        if len(form) > 2:
            return self.before(at, 2) and self.after(stop, 2)
        least = _BESIDE_TWO_LETTERS
        if at == 0:
            return self.after(stop, least)
        if stop == len(self.run):  # (an ending of `_ENDINGS` where no word ends so: "teamal")
            return self.before(at, least) and (
                form not in _ENDINGS or not _a_word_ending(self.run, self.run[:at])
            )
        return self.before(at, least) and self.after(stop, least)


def _a_word_or_name(run: str) -> bool:
    """Whether `run` (plain letters) is an English word or an inflection of one
    (`_a_joined_word`: "willing", "samples", "summary"), or a name redaction knows
    (`name_words`: "alice"): a listed name inside it is none."""
    return (
        run in EVERYDAY_NAME_WORDS or run in name_words()
        or any(_a_joined_word(stem, whole=True) for stem in stems(run))
        or english_word(run + "s")  # ("mobile": the list lacks a word that is a place too)
    )


# A run of letters and digits: in a label, the whole replaced for a listed name inside it
_LETTERS_AND_DIGITS = re.compile(r"(?:[^\W_]|\x00)+")


def _run_at(
    key: str, i: int, run: re.Pattern[str] = _LETTERS_AND_DIGITS
) -> tuple[int, int]:
    """The span of the `run` (of letters and digits, by default) of `key` holding `i`."""
    start = i
    while start > 0 and run.match(key, start - 1):
        start -= 1
    m = run.match(key, start)
    return (start, m.end()) if m else (i, i + 1)


def _inside_a_word(key: str, start: int, end: int) -> bool:
    """Whether the listed form at `start`:`end` of `key` is inside a word that is no name
    (`_a_word_or_name`), longer than it: its run of letters ("summary" of "summary.md" with
    Mary listed), or the piece of a word joined up that holds it ("Summary" of
    "SummaryNotes.md")."""
    run = _run_at(key, start)
    form = _plain(key[start:end])
    pieces = [run, *(
        (run[0] + m.start(), run[0] + m.end())
        for m in _LABEL_PIECE.finditer(key, *run) if m.start() <= start and end <= m.end()
    )]
    return any(
        (word := _plain(key[a:b])) != form and word.isalpha() and _a_word_or_name(word)
        for a, b in pieces
    )


def everyday_name(form: str) -> bool:
    """Whether a listed name's part, found inside a longer word, is an everyday word (Mark,
    Will, Hope, Green, Turner: that word's letters in "marketing", "Greenwich"), not a name
    such as Ngozi, Priya or Kerry that no English word holds by chance."""
    key = _plain(form.replace(HIDDEN, ""))
    return key in COMMON_WORDS or key in FOLDED_WORDS or _an_everyday_word(key)


def _name_among_words(
    run: str, forms: frozenset[str], listed: frozenset[str], edge: bool = False
) -> str | None:
    """The listed form (of `forms`, plain) that `run` (plain letters with no join showing)
    holds written together with everyday words before or after it, the form with an "s"
    after it or none ("willvisit", "jowalk", "teamsam", "samandme", "willsflat": see
    `_Around.name_at`). None for an English word or an inflection of one ("willing",
    "samples", "willpower", "knackered" with Ed listed) or a name redaction knows
    (`name_words`: "alice" with Al listed), a run that reads as everyday words alone, none
    of them a listed form ("totalcare" with Al listed, "sortedvisit" with Ed), and a brand
    that holds a part of a listed name (`_kept_joined`: "powerpoint" with Max Power; not
    "natwest" with Nat listed)."""
    found = [form for form in forms if form in run and form != run]
    if not found or len(run) > _JOINED_MAX or _a_word_or_name(run):
        return None
    plurals = {form + ending for form in forms for ending in ("s", "es")}
    if edge:
        form = _name_at_an_edge(run, found)
        if form is not None and not _in_a_word_at_the_edge(run, form, forms | plurals):
            return None if _kept_joined(run, form, listed) else form
    if _words_to(run, forms | plurals, whole=True)[-1]:
        return None
    around = _Around(run, _words_to(run), _words_from(run))
    for form in sorted(found, key=len, reverse=True):
        at = run.find(form)
        while at >= 0:
            end = at + len(form)
            # (an "s" after a name, "willsflat", "josflat"; after one of two letters only
            # opening the run: "dis…")
            s_after = run.startswith("s", end) and (len(form) > 2 or at == 0)
            stops = (end, end + 1) if s_after else (end,)
            if any(around.name_at(form, at, stop) for stop in stops):
                return None if _kept_joined(run, form, listed) else form
            at = run.find(form, at + 1)
    return None


def _name_at_an_edge(run: str, found: list[str]) -> str | None:
    """The longest of `found` (listed forms inside `run`, which is no English word nor known
    name) that opens `run` or ends it (with a possessive "s" or none), three letters or more
    left beside it, whatever those letters are, or two of an acronym (`TWO_LETTER_ACRONYMS`:
    "jocv", "gpsam"): a label, handle or file name ("willmeds", "edrota", "josflat",
    "teamjos"), where the word lists cannot know every word written joined to a name ("meds",
    "rota") and a name left is a leak. A form of two letters that ends English words
    (`_ENDINGS`) only where the run is not everyday words with it as one's ending
    (`_a_word_ending`: "selfcareneeded" stays; "teamal" goes)."""
    for form in sorted(found, key=len, reverse=True):
        if run.startswith(form) and _beside(run[len(form) :]):
            return form
        rest = run.removesuffix("s") if run.endswith(form + "s") else run
        if not (rest.endswith(form) and _beside(rest[: -len(form)])):
            continue
        if form == "ed" and rest[:-2] in TWO_LETTER_ACRONYMS:
            continue  # an acronym made a verb: "txed", "dxed" (treated, diagnosed)
        if not (len(form) == 2 and form in _ENDINGS and _a_word_ending(run, rest[:-2])):
            return form
    return None


def _in_a_word_at_the_edge(run: str, form: str, skip: frozenset[str]) -> bool:
    """Whether `form`, at an edge of `run`, is inside a word there of three letters more
    than it, the rest everyday words, none of `skip` ("mobile|phone" with Mo listed; not
    "jot|hat" nor "hoped|one" with Jo and Hope: a short word holding a name is as often
    the name glued to a word)."""
    least = len(form) + 3
    if run.startswith(form):
        return any(
            _a_joined_word(run[:i], whole=True) and _words_to(run[i:], skip, whole=True)[-1]
            for i in range(least, len(run) - 2)
        )
    return any(
        _a_joined_word(run[i:], whole=True) and _words_to(run[:i], skip, whole=True)[-1]
        for i in range(3, len(run) - least + 1)
    )


def _beside(letters: str) -> bool:
    """Whether `letters`, beside a listed form at an edge of a run, make the run a name
    joined to something (`_name_at_an_edge`): three or more, or a two-letter acronym."""
    return len(letters) >= 3 or letters in TWO_LETTER_ACRONYMS


def _a_word_ending(run: str, before: str) -> bool:
    """Whether `run`, `before` and a form of `_ENDINGS` (with an "s" or none), ends as an
    English word does, no name: it is everyday words written together, the last of them
    ending so ("selfcareneed|ed": "needed"), or words ending in "ion" before "al", as an
    adjective is made ("delusion|al", which the word list lacks; not "team|al")."""
    if _words_to(run, whole=True)[-1]:
        return True
    return run.endswith(("al", "als")) and before.endswith("ion") and _words_to(before)[-1]


# Two letters that open English words ("shall", "price", "tray": S. Hall, P. Rice, T. Ray):
# a one-case initial glued to a short surname so is more likely that word (see `_user_name`)
_ONSETS = _words(
    "bl br ch cl cr dr dw fl fr gh gl gn gr kh kl kn kr ph pl pr ps rh sc sh sk sl sm sn sp "
    "sq st sv sw th tr ts tw vl wh wr zh"
)
# Letters after which no English word ends that a word ends with ("belly", "hoped", "spark"):
# a surname with one of these glued after it is a user name ("turnerw")
_NO_WORD_AFTER = frozenset("bcfijquvwxz")
# Letters: an initial glued to a surname of no fewer (one more if the surname is a word:
# "spotter", "swalker") is taken for no English word
_LONG_SURNAME = 5


# A token where a user name can be seen: one with a "_" or "." inside, a case change, two
# capitals then a small letter, or a handle's, an address's or a path's mark ("w.turner",
# "wTurner", "SPatel", "@wturner"): only these are searched for one (see `_user_name`).
_JOIN_MARK = re.compile(r"[^\W_][_.][^\W_]|[a-z][A-Z]|[A-Z]{2}[a-z]|[@#/\\]")
_RUN = re.compile(r"\S+")


def _join_candidates(key: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    """The spans of the tokens (runs of characters between spaces) of `key`[pos:endpos] with a
    `_JOIN_MARK` in them. Each token read once: one pattern matching a whole token around its
    mark read a long one (10,000 letters of "haha", a Thai paragraph) again from each letter."""
    end = len(key) if endpos is None else endpos
    return [
        token.span() for token in _RUN.finditer(key, pos, end)
        if _JOIN_MARK.search(key, *token.span())
    ]


def _user_name(typed: str, letter: str, surname: str, before: bool, marked: bool) -> bool:
    """Whether `typed`, the initial `letter` glued `before` (or after) a listed `surname`
    (both plain), is a user name rather than an English word: so with a "_" or "." ("turner_w",
    "w.turner"), or a capital at the join ("SPatel", "wTurner", "TurnerW"); in one case only
    in a token that is `marked` a handle, address or file name ("@wturner", "nokonkwo.pdf";
    in prose "cooker" and "warden" are words), and there unless it may be the word: a listed
    word, or a surname shorter than `_LONG_SURNAME` glued after a vowel, before a vowel, or after a
    letter that opens English words with its first ("aware", "bash", "shall", "tray"), or
    with a letter after it that ends English words ("belly", "hoped"); never an "s" after
    it, the plural ("walkers")."""
    letters = [ch for ch in typed if ch.isalpha()]
    if any(ch in "_." for ch in typed) or len(letters) < 3:
        return len(letters) >= 3
    if before and letters[1].isupper() and (letters[0].islower() or letters[2].islower()):
        return True  # "SPatel", "HWalker", "wTurner"
    if not before and letters[-2].islower() and letters[-1].isupper():
        return True  # "TurnerW", "okonkwoN"
    if not marked:
        return False  # in prose "cooker", "warden" and "tennis" are words
    word = "".join(letters).casefold()
    if word in COMMON_WORDS or word in SENTENCE_OPENERS:
        return False
    unknown = len(surname) >= _LONG_SURNAME + (surname in COMMON_WORDS)
    if not before:
        return letter != "s" and (letter in _NO_WORD_AFTER or unknown)
    if letter in "aeiouy" or surname[0] in "aeiouy":
        return unknown
    return letter + surname[0] not in _ONSETS or unknown


# Pairs of consonants a few English words open with (other than `_ONSETS`: "mnemonic",
# "pneumonia", "ptosis", "czar", "tzar", "llama", "djinn"): glued, no user name in prose
_RARE_ONSETS = _words("mn pn pt cz tz dz sz ll dj pf sf ct gw")


def _no_word_opens(typed: str, letter: str, surname: str) -> bool:
    """Whether `typed`, the initial `letter` glued before a listed `surname` (both plain) in
    one case, or capitalised at the start only ("jsmith", "Jsmith", "WTURNER"), opens as no
    English word does: two consonants that open none ("js", "wt"; not "sk" of "skelly", which
    may be a word like "skillet"). Such a word in prose is the user name."""
    letters = "".join(ch for ch in typed if ch.isalpha())
    if len(letters) < 3 or not (letters[1:].islower() or letters.isupper()):
        return False
    pair = letter + surname[:1]
    return not any(ch in "aeiouy" for ch in pair) and pair not in _ONSETS | _RARE_ONSETS


def _one_case(typed: str) -> bool:
    """Whether the letters of `typed` are in one case, or capitalised at the start only."""
    letters = "".join(ch for ch in typed if ch.isalpha())
    return letters[1:].islower() or letters.isupper()


# Everyday words an initial glued to a listed surname may spell ("since" for Sam Ince, "fallen"
# for Fay Allen): never taken for the user name in prose, even where a person stands
_NO_USER_NAME = (
    COMMON_WORDS | SENTENCE_OPENERS | FEELINGS | ANSWER_WORDS | IMPERATIVES | FUNCTION_WORDS
)
# Words listed with one (`_listed_with`), at most, each way: a list is read once, not a text
_LIST_ITEMS = 12
_USER_LIST_BEFORE = re.compile(
    r"(?<![^\W\d_])([^\W\d_]++)[^\S\n]*(?:[,;/&]|[^\S\n](?:and|or))[^\S\n]*$", re.IGNORECASE
)


def _listed_with(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the word at `start`:`end` of `text` and of the words listed with it,
    one word each, by commas, "and", "or", "&" or "/" ("jedwards, towen and kellis"); not past
    a pronoun or a word like it ("when she leaves, she wants" is no list of people)."""
    spans = [(start, end)]
    at = start
    while len(spans) <= _LIST_ITEMS and (before := _search_back(_USER_LIST_BEFORE, text, at)):
        if _not_listed(before.group(1)):
            break
        spans.append(before.span(1))
        at = before.start(1)
    at = end
    while len(spans) <= 2 * _LIST_ITEMS and (after := _LIST_AFTER.match(text, at)):
        if _not_listed(after.group(1)):
            break
        spans.append(after.span(1))
        at = after.end(1)
    return spans


def _users_listed(
    text: str, start: int, end: int, sure: set[tuple[int, int]], users: set[tuple[int, int]]
) -> bool:
    """Whether the word that may be a user name at `start`:`end` of `text` is in a list of
    people (`_listed_with`), after no word that makes it a word (`COMMON_WORD_CUES`, "of":
    "the chart and Jo said", "it was gross and Ben laughed", "lots of smiles and Jo said"):
    a list after a verb of meeting or telling ("emailed jedwards, towen and kellis", "met
    Mark, towen and kellis"), or a list of user names only (`users`), one of them sure or
    where a person stands ("towen and kellis said no", "jsmith and towen came"). Not "the
    warden and Kai rang": Kai's verb makes no list of the words before it."""
    before = _search_back(_WORD_BEFORE, text, start)
    if before and before.group(1).casefold() in _NO_USER_BEFORE:
        return False
    spans = _listed_with(text, start, end)
    if _a_user_here(text, *min(spans)):
        return True
    return all(span in users for span in spans) and any(
        span in sure or _a_user_here(text, *span) for span in spans
    )


# Before a word, what makes it the word, not a user name in a list (see `_users_listed`)
_NO_USER_BEFORE = COMMON_WORD_CUES | _words("of this")
# Pronouns and function words: no person a list of names holds (see `_listed_with`)
_NOT_LISTED = FUNCTION_WORDS | _words(
    "i you he she it we they who me him her us them this that these those my your his our their"
)


def _not_listed(word: str) -> bool:
    return word.casefold() in _NOT_LISTED


def user_names_left(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """The spans of the words of `text` (prose, as redacted) that may be a listed person's
    user name left as written, as they may be English words ("skelly", "spatel" for Siobhan
    Kelly, Sam Patel; see `_user_name`), where a person stands (`_a_user_here`): for the
    preview to flag (redaction replaces most such: see `Redactor._prose_user_names`). Not
    "the warden was firm", "her trainer helped" (Wendy Arden, Tom Rainer): a word after a
    determiner is the word."""
    return [span for span in _user_name_forms(text, names) if _a_user_here(text, *span)]


def may_be_user_name(word: str, names: Sequence[str]) -> bool:
    """Whether `word`, all of it, may be a listed person's user name (see `user_names_left`)."""
    return _user_name_forms(word, names) == [(0, len(word))]


def _user_name_forms(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """The spans of the words of `text` made of a listed surname and the first name's
    initial that `_user_name` takes for a user name where it is one's place (a handle)."""
    compiled = _user_names_of(tuple(names))
    if compiled is None:
        return []
    regex, lookup = compiled
    key = _as_latin(keyed(text))
    spans = []
    for m in regex.finditer(key):
        _, letter, surname = lookup[_group(m)]
        typed = text[m.start() : m.end()]
        if _user_name(typed, letter, surname, _group(m)[0] == "b", marked=True):
            spans.append(m.span())
    return spans


# After a word, a verb that a thing does too, as it sets in or takes over ("fight or flee
# kicked in", "panic took over")
_SETS_IN_AFTER = re.compile(r"[^\S\n]+[^\W\d_]+[^\S\n]+(?i:in|over|off)(?![^\W\d_])")


def _a_user_here(text: str, start: int, end: int) -> bool:
    """Whether the word at `start`:`end` of `text` stands where a person does, with no
    determiner or possessive before it ("the warden", "everybody's story"): owning something
    ("skelly's mum"), before a person's verb ("spatel said"), or after a title or a verb of
    meeting or telling ("met spatel")."""
    before = _search_back(_WORD_BEFORE, text, start)
    if before and before.group(1).casefold() in _DETERMINERS:
        return False
    if _OWNER_BEFORE.search(text, max(0, start - _DETERMINER_LOOKBACK), start):
        return False
    return bool(
        _POSSESSIVE_AFTER.match(text, end) or _PERSON_NEXT_WORD.match(text, end)
        or _PERSON_BEFORE.search(text[max(0, start - 40) : start])
    )


@lru_cache(maxsize=4)
def _user_names_of(
    names: tuple[str, ...],
) -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]] | None:
    return _compile_user_names([Person(name) for name in names])


def _group(match: re.Match[str]) -> str:
    """The named group (one per name form) that matched."""
    assert match.lastgroup is not None
    return match.lastgroup


# The group name of an initial's form starts with this, of a month's name (May of May Chen)
# with the other (any other's with "n")
_INITIAL_GROUP = "i"
_MONTH_GROUP = "m"
# A full stop after an initial, then "'s", or (past closing brackets and quotes) a comma
# (or ; : ! ?) or a word: its letter, if any
_AFTER_INITIAL = re.compile(
    r"\.(?=['\u2019]s(?![\w'])|[)\]\"'\u2019\u201d]*(?:[,;:!?]|\s+([^\W\d_])))"
)


def _the_month(match: re.Match[str], text: str) -> bool:
    """Whether a name's match is a month in a date ("on 3 May", "in May", "May 2026" with May
    Chen, Mary or Margaret listed): a month used so is kept (see `month_in_date`)."""
    group = _group(match)
    month = group.startswith(_MONTH_GROUP) or (
        group.startswith(_LOWER_GROUP) and _plain(match.group()) in _MONTHS
    )
    return month and month_in_date(
        text, match.start(), match.end()
    ) is not None


# Things named after someone, by the name and the words after its "'s" ("Kerr's Pinks" are
# potatoes, "Bell's palsy" an illness): there the name is the thing's, kept (`_an_eponym`),
# where the phrase ends there (`_EPONYM_ENDS`: "Murphy's law struck again"), not before
# another noun ("murphy's law exam", "hobson's choice of college": the person's), and listed
# for the writer to check (`unlisted_capitalised`)
_EPONYM_ENDS = (
    r"(?=[^\S\n]*(?:[.,;:!?…)\]\"”]|$)|[^\S\n]+(?:[^\W\d_]+ed|(?i:is|isn['’]t|was|wasn['’]t|are"
    r"|were|has|had|have|will|would|can|could|may|might|must|should|does|did|do|and|or|but|so"
    r"|because|when|while|if|as|that|which|though|then|now|again|too|today|strikes|struck"
    r"|hits|hit|kicks|kicked|means|runs|gets|got|came|comes|affects|makes|made|in|for|at|on"
    r"|with|to|from|since|after|before|during|i|he|she|they|we|you|it))(?![\w'’-]))"
)
_EPONYMS = {
    name: re.compile(rf"['’][sS]?[^\S\n]+(?i:{after}){_EPONYM_ENDS}")
    for name, after in {
        "kerr": "pinks", "bell": "palsy", "down": "syndrome", "murphy": "law", "sod": "law",
        "hobson": "choice", "parkinson": "disease", "alzheimer": "disease",
        "crohn": "disease", "huntington": "disease", "addison": "disease",
        "asperger": "syndrome", "tourette": "syndrome", "hodgkin": "lymphoma|disease",
        "raynaud": "phenomenon|syndrome|disease", "graves": "disease", "bright": "disease",
    }.items()
}
_EPONYM_NAMES = frozenset(_EPONYMS)


def _an_eponym(match: re.Match[str], text: str) -> bool:
    """Whether a name's match names a thing after someone (`_EPONYMS`: "Kerr's Pinks")."""
    return _eponym_at(text, match.start(), match.end())


def _eponym_at(text: str, start: int, end: int) -> bool:
    """Whether the name at `start`:`end` of `text` names a thing after someone (`_EPONYMS`)."""
    after = _EPONYMS.get(_plain(text[start:end]))
    return after is not None and after.match(text, end) is not None


# The group name of a form that is also a word ("Hope", "Joy"; see `_the_word`)
_WORD_GROUP = "w"
# The group name of a listed full name of two parts or more, all of them in order ("Bb
# Bb", "Will Turner" of William Turner): a person wherever it stands, in any case, never
# the word by the grammar around it ("A BB BB", "THE HOPE WALKER")
_FULL_GROUP = "f"
# The group name of a part of a listed name, or a short form, that is a word, written in
# lower case ("frank" of Frank Miller; see `_lower_part_is_word`)
_LOWER_GROUP = "l"
# and of a Welsh mutated form's ("Fethan" of Bethan: see `welsh_mutations`)
_MUTATED_GROUP = "u"
# (of a short form that is also a word, capitalised: "Will", "Bill" of William)
_SHORT_WORD_GROUP = "p"
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]++)[^\S\n]+$")
# A list's separator: a comma, a semicolon, a slash, an ampersand, "and" or "or"; or the
# full stop between two answers of one word ("Joy, relief. Hope.")
_LIST_AFTER = re.compile(r"\s*(?:[,;/&]|\s(?:and|or)\s)\s*([^\W\d_]+)", re.IGNORECASE)
_LIST_BEFORE = re.compile(
    r"(?<![^\W\d_])([^\W\d_]++)\s*(?:[,;/&.]|\s(?:and|or))\s*$", re.IGNORECASE
)
_ALONE_AFTER = re.compile(r"\s*(?:[.!]|$)")
# Where a person's verb (`PERSON_VERBS`) starts (its space), and where a sentence ends: what
# `_person_verb_in_sentence` reads a person's verb later in the sentence from
_PERSON_VERB_AT = re.compile(rf"(?=\s(?:{PERSON_VERBS})(?![\w'’]))", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?\n]")


@lru_cache(maxsize=4)
def _verbs_and_stops(text: str) -> tuple[list[int], list[int]]:
    """The starts of a person's verb (`_PERSON_VERB_AT`) and of a sentence's end in `text`,
    found once per text (the names in it are looked at in turn)."""
    verbs = [m.start() for m in _PERSON_VERB_AT.finditer(text)]
    return verbs, [m.start() for m in _SENTENCE_STOP.finditer(text)]


def _person_verb_in_sentence(text: str, end: int) -> bool:
    """Whether a person's verb comes after `end` (its space may be the line break that ends
    the sentence) before the sentence ends: `PERSON_VERB_IN_CLAUSE` read to the sentence's
    end (`and`/`but`/`then` and `;:,` end no sentence). Matching such a pattern at every
    name took quadratic time over a long sentence full of names ("of hope of hope…")."""
    verbs, stops = _verbs_and_stops(text)
    i = bisect_left(verbs, end)
    if i == len(verbs):
        return False
    j = bisect_left(stops, end)
    return j == len(stops) or verbs[i] <= stops[j]


_NEXT_WORD = re.compile(r"[^\S\n]+([^\W\d_]+)(?![^\W\d_])")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_LIST_END = re.compile(r"\s*(?:[,;/&.!?)]|$|\s(?:and|or)\s)", re.IGNORECASE)


def _titled_in_a_word(text: str, start: int, end: int) -> bool:
    """Whether a surname with a title (`_chinese_forms`) at `start`:`end` of `text` is
    everyday words: the surname ends a word (`_SURNAME_ENDS_A_WORD`: "上周医生说", "有时总是"),
    the two are one (`_TITLED_WORDS`: "班主任"), or "总" starts a word ("周总结"), or is
    "always" after another word ("有时总是"; at the start, "王总是" is the boss)."""
    form = text[start:end]
    title = next((t for t in _TITLES_LONGEST_FIRST if form.endswith(t)), None)
    if title is None or len(form) == len(title):
        return False
    before = text[start - 1] if start else ""
    if before and before in _SURNAME_ENDS_A_WORD.get(form[:-len(title)], ""):
        return True
    if form in _TITLED_WORDS:
        return True
    if title in ("总", "總"):
        following = text[end : end + 1]
        return following != "" and (following in _NOT_THE_BOSS or (
            following == "是" and bool(re.match(f"[{_HAN_LETTERS}]", before))))
    return False


# A word, with its inner apostrophes ("DON'T"), to tell a run of words in capitals
_CAPS_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Two letters together, neither a small ASCII one: in any run of capitals (a quick test)
_TWO_CAPITALS = re.compile(r"[^\W\d_a-z]{2}")
# Between two words of one run of capitals: spaces and marks, no line break
_CAPS_GAP = re.compile(r"[^\w\n]{1,4}")


def _shouting_lowered(text: str) -> tuple[str, str] | None:
    """`text`, and its key, with each run of words written in capitals (a shouted text
    message: "I WILL NOT GO BACK") in lower case, the same length, so a listed word in it is
    read as it would be written (see `_the_word_shouted`); None where there is no such run."""
    if not _TWO_CAPITALS.search(text):
        return None
    words = list(_CAPS_WORD.finditer(text))
    shouted = [m.group().isupper() and (len(m.group()) > 1 or m.group() in "IA") for m in words]
    chars = list(text)
    any_run = False
    for n, m in enumerate(words):
        if not shouted[n]:
            continue
        beside = [
            n + step for step in (-1, 1) if 0 <= n + step < len(words) and shouted[n + step]
        ]
        if not any(
            _CAPS_GAP.fullmatch(text, *sorted((m.end(), words[b].start()) if b > n
                                              else (words[b].end(), m.start())))
            and len(words[b].group()) + len(m.group()) > 2
            for b in beside
        ):
            continue
        any_run = True
        for i in range(*m.span()):
            low = chars[i].lower()
            chars[i] = low if len(low) == 1 else chars[i]
    if not any_run:
        return None
    lowered = "".join(chars)
    return lowered, _as_latin(keyed(lowered))


def _the_word_shouted(
    match: re.Match[str], regex: re.Pattern[str], lowered: str, key: str
) -> bool:
    """Whether a listed word matched in a run of capitals is the word, read in the
    `lowered` text (its `key`): a month in a date ("IN MAY"), or where the grammar makes it
    the word for certain (`_surely_the_word`: "I WILL NOT GO", "IT MAY GET WORSE", "THE SUN
    ROSE"). Not by the lower-case rules, which leave a word in doubt as the word (flagged):
    in capitals that left "I TOLD WILL HE COULD COME", "THANK YOU WILL", "I PAID BILL"."""
    start, end = match.span()
    if key[start:end] == match.string[start:end] or _group(match).startswith(_FULL_GROUP):
        return False  # not in such a run, or a full name: a person wherever it stands
    again = regex.match(key, start)
    everyday = _plain(lowered[start:end]) in COMMON_WORDS | FEELINGS  # "A BB" is no word
    return (
        again is not None and again.end() == end
        and (_the_month(again, lowered) or (everyday and _surely_the_word(lowered, start, end)))
    )


def _surely_the_word(text: str, start: int, end: int) -> bool:
    """Whether the listed word in lower case at `start`:`end` of `text` is the word, as the
    grammar makes certain: a modal after its subject ("i will not go", "it may get worse",
    `_the_modal`); in a set phrase that holds no one (`_SURE_PHRASES`: "free will", "grace
    period"; not "paid bill"); after an article ("no hope left"; not after "my": "I SAW MY
    ROSE TODAY" is her); a verb after its subject or a
    season ("i hope so", "the sun rose", "last summer": `_the_verb_or_season`); or an
    adjective after "to be", or opening a sentence ("to be frank", "be frank with me")."""
    word_key = _plain(text[start:end])
    if _POSSESSIVE_AFTER.match(text, end):
        return False
    if (
        _the_modal(text, start, end) or _in_a_set_phrase(text, start, end)
        or _in_a_phrase(word_key, text, start, end, _SURE_PHRASES)
    ):
        return True
    before = _search_back(_WORD_BEFORE, text, start)
    cue = before.group(1).casefold() if before else ""
    if cue in _ARTICLES and not speaks(text[end:]):
        return True
    if before and cue == "be" and word_key in _ADJECTIVE_NAMES:
        head = _search_back(_WORD_BEFORE, text, before.start(1))
        return (head is not None and head.group(1) == "to") or _opens_sentence(
            text, before.start(1)
        )
    following = _NEXT_WORD.match(text, end)
    return _the_verb_or_season(
        text, start, end, word_key, cue, following.group(1).casefold() if following else ""
    )


def _the_word(match: re.Match[str], text: str) -> bool:
    """Whether a match of a listed form that is also a word ("Hope", "Joy") is that word:
    a feeling listed beside another ("Joy, relief", "relief and hope", a one-word answer
    after a list: "Joy, relief. Hope."), or, written in lower case (a one-word listed name
    is matched in any case), after a word that makes it the word (`COMMON_WORD_CUES`: "I
    felt joy", "at dawn"), or the verb between a pronoun and what follows the verb
    (`VERB_CUES`, `VERB_NEXT`: "I hope he is safe", "we hope so"). Never possessive ("Hope's
    mum"), nor inside a word joined up ("WillsCafe"; `_where` tells a brand: "WillPower")."""
    group = _group(match)
    if group.startswith(_FULL_GROUP) or _accented_name(text[match.start() : match.end()]):
        return False
    if _case_change(text, match.start()) or _case_change(text, match.end()):
        return False
    if _a_drug_here(text, *match.span()) or _in_a_known_compound(text, *match.span()):
        return True
    if _in_a_set_phrase(text, *match.span()):
        return True
    if not group.startswith(_INITIAL_GROUP) and _the_modal(text, *match.span()):
        return True
    if _titled_in_a_word(text, *match.span()):
        return True
    if (
        not group.startswith((_LOWER_GROUP, _INITIAL_GROUP))
        and sentence_start_reading(text, *match.span()) == _WORD
    ):
        return True
    if group.startswith(_LOWER_GROUP):
        return _lower_part_is_word(match, text)
    if group.startswith(_SHORT_WORD_GROUP):
        return _a_short_form_plural(match, text)
    if not group.startswith(_WORD_GROUP):
        return False
    return _a_word_here(text, *match.span())


# Names that are slang for a drug: in lower case, where the sentence makes it the drug ("a
# gram of charlie", "took molly at the rave", "on charlie all weekend", "the charlie got him
# through it"), the drug, kept; the export still asks the writer to check it (see
# `_listed_forms_in`)
_DRUG_NAMES = _words("charlie molly mandy tina")
# Before such a name, a measure of it ("a gram of", the drug whatever follows), or a verb of
# taking or dealing it, "the" or "some", which make it the drug only with `_DRUG_AFTER`
# ("took molly to the shop", "the charlie from group rang" are her, him)
_DRUG_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:(?:grams?|g|lines?|bags?|baggies?|wraps?|bits?|pills?|points?|eighths?"
    r"|ounces?|tabs?|caps?|dose|doses|load|loads|some|more|any)[^\S\n]+of|the|some|on"
    r"|snort|snorts|snorted|snorting|sniffed|sniffing|taking|took|takes"
    r"|bought|buying|buys|buy|sold|selling|sells|sell|scored|scoring|score|dealing|deals|dealt"
    r"|using|uses|used|doing|does|did|off)[^\S\n]+$"
)
# After such a name, what makes it the drug and not whom one took or bought for: none of what
# may follow a person as well ("took molly at her word", "dropped charlie at school", "took
# tina again", "bought charlie yesterday, a cake" are her, him); "at" only a rave or a club
_DRUG_AFTER = re.compile(
    r"[^\S\n]*(?:[.,;:!?)]|$|[^\S\n](?i:at[^\S\n]+(?:the|a)[^\S\n]+(?:rave|festival|club|party)"
    r"|regularly|daily|got|gets|was|is|had|has"
    r"|and[^\S\n]+(?:alcohol|booze|drink|weed|coke|pills|ket)"
    r"|or[^\S\n]+\w+|since|for[^\S\n]+(?:days|weeks|months|years|hours|the[^\S\n]+first)"
    r"|comedown|come[^\S\n]?down)(?![\w'’]))"
)
# Before such a name, what makes it the drug whatever follows ("a gram of", "snorted")
_DRUG_WHATEVER_AFTER = _words("of snort snorts snorted snorting sniffed sniffing")
# Before "on" or "off" such a name, what makes it the drug ("was on charlie", "came off molly")
_ON_A_DRUG = re.compile(
    r"(?<![^\W\d_])(?i:was|were|been|being|is|are|be|got|get|gets|getting|high|came|come|coming"
    r"|stayed|stay|went|go|going|binge|binged|clean|weekend|night)[^\S\n]+(?i:on|off)[^\S\n]+$"
)


def _a_drug_here(text: str, start: int, end: int) -> bool:
    """Whether the listed word at `start`:`end` of `text`, in lower case, is the drug it is
    slang for (`_DRUG_NAMES`), by the words around it."""
    word = text[start:end]
    if not word.islower() or word not in _DRUG_NAMES or _POSSESSIVE_AFTER.match(text, end):
        return False
    before = _DRUG_BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return False
    if before.group().split()[0].casefold() in ("on", "off"):  # ("relied on charlie")
        return _ON_A_DRUG.search(text, max(0, start - 40), start) is not None
    return (
        before.group().split()[-1].casefold() in _DRUG_WHATEVER_AFTER
        or _DRUG_AFTER.match(text, end) is not None
    )


def _a_listed_eponym(text: str, match: re.Match[str], names: Sequence[str]) -> bool:
    """Whether the word of `match` (in lower case, maybe with its "'s") is a part of one of
    `names` kept where it names a thing after someone (`_eponym_at`: "murphy's law")."""
    name = re.split("['’]", match.group(), maxsplit=1)[0]  # (also "parkinson'S")
    return _plain(name) in _listed_forms_in(tuple(names), _EPONYM_NAMES) and _eponym_at(
        text, match.start(), match.start() + len(name)
    )


@cache
def _listed_forms_in(names: tuple[str, ...], words: frozenset[str]) -> frozenset[str]:
    """The parts and short forms of `names` (plain: "tina" of Christina) that are in `words`:
    things named after someone (`_EPONYM_NAMES`) or drug slang (`_DRUG_NAMES`), which
    redaction keeps where the sentence makes them so, and the export flags for the writer."""
    return frozenset(
        key for name in names
        for form in [*_parts(name), *(form for form, _ in short_forms(name))]
        if (key := _plain(form)) in words
    )


# Hyphenated proper nouns that open with a listed short name ("Al-Anon" with Al listed): the
# group or channel, never the person
_KNOWN_COMPOUNDS = re.compile(r"[-‐‑](?:Anon|Ateen|Jazeera|Qaeda|Aqsa|Shabaab)(?![\w'’-])")


# Everyday compounds and abbreviations that hold a listed word-name: the keys' names
# ("Ctrl-Alt-Del"), an adjective ("sky-high"), a test written in capitals ("PAT test": portable
# appliance testing)
_COMPOUND_BEFORE = re.compile(r"(?i:ctrl|control)[-+‐‑](?i:alt)[-+‐‑]$")
_COMPOUND_AFTER = {
    "sky": re.compile(r"[-‐‑]high(?![\w'’-])", re.IGNORECASE),
    "pat": re.compile(r"[^\S\n]+(?i:test|tests|tested|testing|tester)(?![\w'’-])"),
}


# A saint's name before its "'s" ("St Mary's Hospital", "St Helen's"), and a word-name
# naming a street or a house ("Hope Street", "Rose Cottage"): a place. Only words that are
# seldom surnames follow ("Grace Park", "Rose Lane" may be someone).
_SAINT_BEFORE = re.compile(r"(?<![^\W\d_])(?:St\.?|ST\.?|st\.?|Saint|SAINT|saint)[^\S\n]+$")
_PLACE_AFTER = re.compile(
    r"[^\S\n]+(?:Street|Road|Avenue|Crescent|Terrace|Cottage|Gardens)(?![\w'’-])"
)


def _a_place(match: re.Match[str], text: str) -> bool:
    """Whether a one-word form of a listed name at `match` names a place: a saint's
    ("St Mary's"), or a street's or house's (`_PLACE_AFTER`: "Hope Street", in any case in a
    tag or setting: "hope street hub")."""
    group = _group(match)
    if group.startswith((_FULL_GROUP, _INITIAL_GROUP)) or " " in match.group().strip():
        return False
    start, end = match.span()
    if _POSSESSIVE_AFTER.match(text, end) and _SAINT_BEFORE.search(text, max(0, start - 8), start):
        return True
    after = _PLACE_AFTER.match(text, end)
    if after is None and text[start:end].islower():
        after = re.compile(_PLACE_AFTER.pattern, re.IGNORECASE).match(text, end)
    return after is not None


def _in_a_known_compound(text: str, start: int, end: int) -> bool:
    """Whether the listed name at `start`:`end` opens one of `_KNOWN_COMPOUNDS`, or is a word
    of an everyday compound (`_COMPOUND_BEFORE`, `_COMPOUND_AFTER`: "Ctrl-Alt-Del",
    "sky-high", "PAT test"; a "PAT" so only in capitals)."""
    word = text[start:end]
    if word == "Al" and _KNOWN_COMPOUNDS.match(text, end) is not None:
        return True
    if _COMPOUND_BEFORE.search(text, max(0, start - 9), start):
        return True
    after = _COMPOUND_AFTER.get(word.casefold())
    if after is None or (word.casefold() == "pat" and not word.isupper()):
        return False
    return after.match(text, end) is not None


# Prepositions after which a capitalised feeling or season that is a listed name is the
# person, in a list of feelings too ("Worried about Hope, proud of Sam", "Angry at Hope, sad
# after"); in lower case the word ("full of hope, relief")
_OBJECT_AFTER = _words("about at for with to from towards toward")


def _a_capital_after(cues: frozenset[str], word: str, text: str, start: int) -> bool:
    """Whether `word`, at `start` of `text` and not in lower case, follows one of `cues`."""
    if word.islower():
        return False
    before = _search_back(_WORD_BEFORE, text, start)
    return before is not None and before.group(1).casefold() in cues


def _a_word_here(text: str, start: int, end: int) -> bool:
    """Whether the word-name at `start`:`end` of `text` is the word, by the words around it
    (see `_the_word`)."""
    word = text[start:end]
    if _POSSESSIVE_AFTER.match(text, end):
        return False
    key = _plain(word)
    kind = FEELINGS if key in FEELING_NAMES else _SEASONS if key in _SEASONS else None
    if kind and not _person_verb_in_sentence(text, end) and not _a_capital_after(
        _OBJECT_AFTER, word, text, start
    ):
        # a list of feelings, or of seasons, not the name twice ("hope, HOPE"), and no one's
        # verb after it in the sentence ("Joy, relief, Hope and Grace came" are people;
        # "Summer, winter and I" is the season)
        after = _LIST_AFTER.match(text, end)
        if after and _plain(after.group(1)) in kind - {key}:
            return True
        before = _search_back(_LIST_BEFORE, text, start)
        if before and _plain(before.group(1)) in kind - {key}:
            # and the list ends or goes on after it: "relief, Hope rang" is Hope
            ends = _ALONE_AFTER if "." in text[before.end(1) : start] else _LIST_END
            if ends.match(text, end):
                return True
    before = _search_back(_WORD_BEFORE, text, start)
    cue = before.group(1).casefold() if before else ""
    if not word.islower():
        # "Bills are due", "Christmas Eve": the plural of a given name that is a word, or
        # the word in a set phrase, unless someone's verb follows ("the Bills rang")
        plural = key not in COMMON_WORDS and (key[:-1] in _FIRST_NAME_WORDS or (
            key.endswith("es") and key[:-2] in _FIRST_NAME_WORDS))
        if cue in _SET_PHRASES.get(key, ()):
            return True
        return plural and _a_plural_here(text, start, end, key, before)
    if before and cue in EITHER_CUES:
        # "I think of grace", "that grace…": her; "a ray of hope", "he is frank": the word
        head = _search_back(_WORD_BEFORE, text, before.start(1))
        # (an adjective ends its clause, or a preposition follows: "the thing is frank said
        # no" is him)
        adjective = cue == "is" and key in _ADJECTIVE_NAMES and (
            _CLAUSE_ENDS.match(text, end) or _AFTER_AN_ADJECTIVE.match(text, end))
        return bool(adjective) or _in_a_phrase(key, text, start, end) or (
            head is not None and head.group(1).casefold() in _HEADS.get(cue, ())
        )
    if _a_modal_with_no_verb(text, end, key, cue):
        return False  # "without will, the group felt empty": no verb; him (flagged)
    if _a_thing_said_of(text, start, end, key, before) and not _named_before(
        text, start, key, _no_parts
    ):
        return True  # "her hope is that he stays" (Hope listed: the word is flagged all the same)
    if cue in COMMON_WORD_CUES and (
        cue in _ARTICLES or not _PERSON_NEXT_WORD.match(text, end)
    ):  # "I felt joy", "the guy was kind"; not "I told her max would come"
        return True
    next_word = _NEXT_WORD.match(text, end)
    following = next_word.group(1).casefold() if next_word else ""
    if cue in VERB_CUES and following in VERB_NEXT.get(key.removesuffix("s"), ()):
        return True  # "we hope so" is the verb; "I hope HOPE is well" may be her
    return _in_a_phrase(key, text, start, end) or _the_verb_or_season(
        text, start, end, key, cue, following
    )


def _a_short_form_plural(match: re.Match[str], text: str) -> bool:
    """Whether a short form that is also a word, matched with an "s" ("Bills", "Wills" of
    William), is the word's plural there (`_a_plural_here`: "Bills are due"); never where
    it has none ("Will" is him wherever `_not_the_verb` let it match)."""
    start, end = match.span()
    key = _plain(text[start:end])
    if key[-1:] != "s" or _POSSESSIVE_AFTER.match(text, end):
        return False
    return _a_plural_here(text, start, end, key, _search_back(_WORD_BEFORE, text, start))


def _a_plural_here(text: str, start: int, end: int, key: str, before: re.Match[str] | None) -> bool:
    """Whether a listed word-name with an "s", capitalised, at `start`:`end` reads as the
    word's plural ("Bills are due", "The Wills flat", "Energy Bills Support"): a word ("Skys"
    is none), a word after it that is no person's verb (not a clause's end nor a dash: "I
    rang Wills.", "Wills-visit", "(Skys)" are him; the word said over is the word: "Bills,
    Bills, Bills."), where a capital may open it: a sentence's start, after an article, or
    after a capitalised word that does not open the sentence (or opens a title: "Energy
    Bills Support"). "I rang Wills then left" and "Saw Roses then left" are them, and so
    is one in capitals ("WILLS office"): a plural is seldom shouted."""
    if text[start:end].isupper() or not english_word(key) or _PERSON_NEXT_WORD.match(text, end):
        return False
    after, listed = _LIST_AFTER.match(text, end), _search_back(_LIST_BEFORE, text, start)
    if any(m and _plain(m.group(1)) == key for m in (after, listed)):
        return True  # the word said over ("Bills, Bills, Bills."): no one's name thrice
    if not _NEXT_WORD.match(text, end):
        return False
    word_before = before.group(1) if before else ""
    if word_before.casefold() in _ARTICLES or _opens_sentence(text, start):
        return True
    if not word_before[:1].isupper() or before is None:
        return False
    if _PERSON_BEFORE.search(text, max(0, start - 40), start):
        return False  # met, saw, rang… ("F7 Saw Roses then left", "Then Rang Bills again")
    # a capitalised word opening the sentence says nothing ("Saw Roses then left", "Saw
    # Graces Then home"), unless a title goes on after it ("Energy Bills Support Scheme")
    following = _NEXT_WORD.match(text, end)
    return not _opens_sentence(text, before.start(1)) or bool(
        following and following.group(1)[:1].isupper()
        and following.group(1).casefold() not in SENTENCE_WORDS | FUNCTION_WORDS
    )


# Seasons, and the words before one that make it the season ("next summer", "last winter")
_SEASONS = _words("summer winter autumn spring")
_SEASON_BEFORE = _words("this last next every each all early late mid")
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
# Subjects of a verb in the third person ("everyone hopes"), and words between a subject
# and its verb ("we all hope", "I still hope")
_THIRD_PERSON_SUBJECTS = _words(
    "he she it everyone everybody someone somebody nobody noone anyone anybody one who"
)
_PRONOUN_SUBJECTS = SUBJECTS | {"who"}
# Subjects that are never an object (unlike "you" and "it": "thank you hope", "I gave it
# hope"), after which a verb's bare form is the verb whatever follows it ("I hope Hope comes
# back", "we mark Sam's work")
_ONLY_SUBJECTS = _words("i we they")
_BETWEEN_SUBJECT_AND_VERB = _words("all still really just truly only both also so")
# Before a verb's bare form, with "to": what makes "to" the infinitive's ("I had to chase
# the GP", "I want to sue them"; "spoke to mark" is him)
_TO_HEADS = _words(
    """
    want wants wanted had have has need needs needed try tried trying going got plan planned
    decided able like used ought
    """
)
_NEGATIVE_OR_MODAL_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:(?:won|can|don|didn|doesn|wouldn|couldn|shouldn)['’]?t|cannot|never|not"
    r"|will|would|could|should|might|must)[^\S\n]+$"
)
_DETERMINERS = _words("the a an my your his her their our this that these those")
# Before a word in lower case, what makes it a thing, not a name signed with a kiss (see
# `_a_kiss`), as a determiner does: a preposition (not "to" or "from": "sent it to kerryx")
_A_THING_AFTER = _words("of with in on at into onto by for about like")
# Nouns that rise, before "rose" ("prices rose again", "her mood rose")
_RISING = _words(
    """
    prices price mood temperature temperatures sun moon level levels numbers number costs
    cost tension tensions voice voices water tide smoke anxiety stress rate rates bills rents
    rent fees demand tempers spirits pressure fever sales crime cases heat anger panic
    """
)


# After "rose" that follows what rises, what makes it the verb too ("her mood rose after
# lunch", "prices rose again")
_ROSE_NEXT = _words("after again sharply steadily slowly quickly by when as then further")


def _the_verb_or_season(
    text: str, start: int, end: int, key: str, cue: str, following: str
) -> bool:
    """Whether a word-name in lower case at `start`:`end` of `text` (`key`, after `cue`,
    before `following`) is a verb or a season by the words around it: a season after
    "this", "last", "next"… ("next summer we go camping"); a verb ending its clause after a
    subject ("we hope.", "we all hope.", "everyone hopes."), or after a negative, a modal or
    the infinitive's "to" before what follows the verb ("I won't sue them", "I had to chase
    the GP"); "rose" after what rises ("prices rose again", "her mood rose")."""
    if key in _SEASONS:  # ("last summer said" may be her)
        return cue in _SEASON_BEFORE and not speaks(text[end : end + 40])
    verb = key.removesuffix("s")
    if verb not in VERB_NEXT or verb in MODALS:  # (a modal: see `_the_modal`)
        return False
    subject = cue
    if cue in _BETWEEN_SUBJECT_AND_VERB:
        before = _search_back(_WORD_BEFORE, text, start - len(cue) - 1)
        subject = before.group(1).casefold() if before else ""
    if key == verb and subject in _ONLY_SUBJECTS:
        return True  # "I hope Hope comes back", "we all hope Sam is well": the verb
    subjects = _THIRD_PERSON_SUBJECTS if key != verb else _PRONOUN_SUBJECTS
    ends = bool(_CLAUSE_ENDS.match(text, end))
    if subject in subjects and (
        following in VERB_NEXT[verb] or (ends and subject not in _NOT_ONLY_SUBJECTS | {"it"})
    ):  # ("thank you hope.", "I gave it hope." may be her)
        return True
    if key == "rose":
        return cue in _RISING and (ends or following in VERB_NEXT[key] | _ROSE_NEXT)
    if key != verb or not (
        following in VERB_NEXT[verb] or following in _DETERMINERS
    ):
        return False
    if cue == "to":
        head = _search_back(_WORD_BEFORE, text, start - len(cue) - 1)
        return head is not None and head.group(1).casefold() in _TO_HEADS
    return bool(_NEGATIVE_OR_MODAL_BEFORE.search(text, max(0, start - 12), start))


# Before a part of a listed name written in lower case, what makes it a person: a title
# ("mr turner"), or a verb of meeting or telling, maybe with a preposition ("met frank",
# "told grace", "spoke to miller", "heard from may")
_TOLD_TO = (
    r"(?:said|say|says|saying|listened|listen|listens|listening|explained|explain|explaining"
    r"|apologised|apologise|apologising|apologized|apologize|apologizing|replied|reply|wrote"
    r"|write|writing|lied|lie|lying|mentioned|mention|complained|complain|confided|confide"
    r"|whispered|shouted|waved|wave|goodbye|bye|hello|hi|next|talking"
    r"|reached[^\S\n]+out|reach[^\S\n]+out|opened[^\S\n]+up|open[^\S\n]+up)"
)
_PERSON_BEFORE = re.compile(
    rf"(?<![^\W\d_])(?:(?:{'|'.join(sorted(TITLES))})\.?"
    r"|met|meet|meeting|saw|see|seeing|told|tell|telling|asked|ask|asking|rang|ring|ringing"
    r"|texted|text|texting|phoned|phone|phoning|emailed|email|emailing|messaged|message"
    r"|thanked|thank|hugged|hug|visited|visit|called|call|calling|introduced|supervised"
    r"|(?:spoke|speak|speaking|talked|talk|talking|chatted|chat|argued|arguing|heard|hear)"
    r"[^\S\n]+(?:to|with|from)"
    rf"|{_TOLD_TO}[^\S\n]+to"
    r"|(?:sat|sit|went|go|going|worked|working|met|meeting|walked|left)[^\S\n]+with"
    r")[^\S\n]+$",
    re.IGNORECASE,
)
def _a_person_here(text: str, start: int, end: int) -> bool:
    """Whether the word at `start`:`end` of `text` is in a person's place: someone's verb
    after it, "'s", or a verb of meeting or telling before it."""
    return bool(
        _PERSON_AFTER.match(text, end) or _POSSESSIVE_AFTER.match(text, end)
        or _PERSON_BEFORE.search(text, max(0, start - 40), start)
    )


# Before such a part, letting, helping or driving someone, and after it what makes it the
# person: "let frank decide", "let will go first" (a bare verb; after a feeling or a season
# only a verb of choosing: "let faith choose", not "let hope guide you", "let summer come");
# "helped grace with the forms", "helped will move" (not "helped mark papers", "helped mark
# out the route"); "drove grace home", "drove joy and her son to the clinic"
_LETTING = _words("let lets letting")
_HELPING = _words("helped help helping helps")
_DRIVING = _words("drove drive driving drives took take taking takes")
_CHOOSING = _words("decide choose pick lead know speak talk say tell answer ask explain")
_LET_PERSON_NEXT = BARE_VERBS | _CHOOSING | {"down"}
_HELP_PERSON_NEXT = BARE_VERBS | _CHOOSING | _words("with to move")
# After "helped" and a part in lower case, where they were helped to: "helped rose up the
# stairs", "helped grace into the car", "helped rose up again": after "helped", a person even
# where the part is a verb too (but an idiom of the verb: `_VERB_IDIOM`)
_HELPED_ALONG = _words("up down into onto off across through over along upstairs downstairs")
# After such a part that is a verb, an idiom of the verb: "the team I helped rose to the
# occasion", "the people I helped rose up in protest" are no one
_VERB_IDIOM = re.compile(
    r"[^\S\n]+(?i:to[^\S\n]+the[^\S\n]+(?:occasion|challenge)"
    r"|up[^\S\n]+(?:in[^\S\n]+(?:protest|arms|anger)|against))(?![\w'’])"
)
# After such a part that is a verb, a particle and a document or task worked on, the last
# word of its noun phrase, not a place one is helped along: "helped mark up the rota",
# "helped chase up the referral today" are no one; "helped mark up the stairs", "helped rose
# up the housing office steps", "helped mark down the notes room" are (a thing not listed
# here, or with a noun after it, is taken for a place; an office, "the council", is one)
_VERB_ON_A_THING = re.compile(
    r"[^\S\n]+(?:up|down|off|out)[^\S\n]+(?:(?:the|a|an|this|that|these|those|our|their|his|her"
    r"|my|your|some|all[^\S\n]+the|all)[^\S\n]+)?(?:new[^\S\n]+|weekly[^\S\n]+)?"
    r"(?:rota|notes?|text|document|draft|forms?|plan|list|sheets?|script|copy|pages?|changes"
    r"|prices?|register|chart|map|report|minutes|agenda|timetable|schedule|calendar"
    r"|diary|records?|referrals?|letters?|papers?|paperwork|posters?|leaflets?|files?|boxes"
    r"|results|scores|answers|tests?|essays?|homework|shifts?|slides|handouts?|boundaries"
    r"|spreadsheet|invoices?|claims?|bills?|appointments?|calls?|emails?|replies|responses"
    r"|repairs)"
    r"(?=[^\S\n]*(?:[.,;:!?)…]|$)|[^\S\n]+(?:for|with|to|and|but|or|then|so|on|at|in|before"
    r"|after|because|while|when|that|which|today|yesterday|tonight|again|together|first|later"
    r"|now|too|as|by|from|of|until|till|since|instead|properly|quickly|ready)(?![\w'’]))",
)
_DRIVEN = re.compile(
    r"(?:[^\S\n]+(?:and|&)[^\S\n]+(?:(?:her|his|their|my)[^\S\n]+)?[^\W\d_]+)?"
    r"[^\S\n]+(?:home|to|back|there|round|over|into)(?![\w'’])",
    re.IGNORECASE,
)


def _helped_person(text: str, end: int, key: str, cue: str) -> bool:
    """Whether a part in lower case (`key`, ending at `end` of `text`, after `cue`) is
    someone let, helped or driven, by what follows it (see `_LETTING`)."""
    next_word = _NEXT_WORD.match(text, end)
    following = next_word.group(1).casefold() if next_word else ""
    if cue in _LETTING:
        abstract = key in FEELINGS or key in _SEASONS
        return following in (_CHOOSING if abstract else _LET_PERSON_NEXT)
    if cue in _HELPING:
        if following == "out" and next_word is not None:
            return bool(_CLAUSE_ENDS.match(text, next_word.end()))  # "helped grace out."
        if key in MODALS and cue in ("help", "helps") and following != "with":
            return False  # "Help will come"
        if key in VERB_NEXT and _VERB_IDIOM.match(text, end):
            return False  # "the team I helped rose to the occasion"
        if key in VERB_NEXT and _VERB_ON_A_THING.match(text, end):
            return False  # "helped mark up the rota" (doubted, and flagged: `_DOUBT`)
        if following in _HELPED_ALONG:  # "helped grace up the stairs", "helped rose into bed";
            # not "helping hope along"
            return following != "along" or not (key in FEELINGS or key in _SEASONS)
        return following in _HELP_PERSON_NEXT
    return cue in _DRIVING and bool(_DRIVEN.match(text, end))


# Before a part in lower case, thanks: who is thanked where the clause ends or "for" follows
# ("thank you rose.", "thanks, will!", "thank you so much mark for…"), and after "thanks
# to" before "for" ("thanks to will for the tea"; "thanks to hope I kept going" is in doubt)
_THANKED_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:thank[^\S\n]+you|thankyou|thanks|cheers)"
    r"(?:[^\S\n]+(?i:so|very)[^\S\n]+much)?(?P<to>[^\S\n]+(?i:to))?[^\S\n]*,?[^\S\n]*$"
)
_THANKED_FOR = re.compile(r"[^\S\n]*,?[^\S\n]+(?i:for)(?![^\W\d_])")
_THANKED_ENDS = re.compile(
    r"[^\S\n]*(?:[.,;:!?…)]|$)|[^\S\n]+(?i:for|again|so[^\S\n]+much|x+)(?![^\W\d_])"
)
# Before such a part, a verb of giving, and after it a second object: only a person (or an
# animal) is given something so ("gave grace a lift", "sent hope a card", "bought mark the
# paper"; "it gave hope to many" is the word)
_GIVING = _words(
    """
    gave give gives giving sent send sends sending bought buy buys buying brought bring brings
    bringing handed hand hands handing lent lend lends lending showed show shows showing
    offered offer offers offering passed pass passes passing taught teach wished wish owe owed
    """
)
_SECOND_OBJECT = re.compile(
    r"[^\S\n]+(?i:a|an|the|some|my|his|her|their|our|your|this|that)(?![^\W\d_])"
)
# Such a part between commas after a word and before a person's verb: in apposition ("his
# brother, mark, came too", "the man, will, was upset")
_APPOSED_BEFORE = re.compile(r"[^\W\d_][^\S\n]*,[^\S\n]*$")
_APPOSED_AFTER = re.compile(rf"[^\S\n]*,[^\S\n]*(?:{PERSON_VERBS})(?![\w'’])", re.IGNORECASE)


def _addressed(text: str, start: int, end: int, key: str, cue: str) -> bool:
    """Whether a part in lower case at `start`:`end` of `text` (`key`, after `cue`) is someone
    thanked (`_THANKED_BEFORE`), given something (`_GIVING`), or named beside a word for them
    (`_APPOSED_BEFORE`)."""
    thanked = _THANKED_BEFORE.search(text, max(0, start - 40), start)
    if thanked and (_THANKED_FOR if thanked.group("to") else _THANKED_ENDS).match(text, end):
        return True
    if cue in _GIVING and _SECOND_OBJECT.match(text, end):
        return True
    return bool(
        _APPOSED_BEFORE.search(text, max(0, start - 8), start) and _APPOSED_AFTER.match(text, end)
    )


# Joined to such a part: a word before or after it by "and", "or", "&" or a comma
_JOINED_TO_BEFORE = re.compile(
    r"(?<![^\W\d_])([^\W\d_]+)(?:[^\S\n]*(,)|[^\S\n]*&|[^\S\n]+(?i:and|or))[^\S\n]+$"
)
_JOINED_TO_AFTER = re.compile(
    r"(?:[^\S\n]*(,)|[^\S\n]*&|[^\S\n]+(?i:and|or))[^\S\n]+([^\W\d_]+)(?![^\W\d_])"
)
_THE_WRITER = _words("i me myself")
_JOINED_HOPS = 2  # words read on down a list ("met rose, mark and will"): each costs a reading


def _with_a_person(
    text: str, start: int, end: int, named: _Named, side: str = "both", hops: int = 0
) -> bool:
    """Whether the part in lower case at `start`:`end` of `text` is joined (`_JOINED_TO_BEFORE`,
    `_JOINED_TO_AFTER`) to the writer ("rose and me"), to another listed part the sentence
    makes a person (`named`: "met will and mark", "met rose, mark and will"), or, not by a
    comma, to a capitalised word inside the sentence ("with Rose and will", "Kai and mark"):
    a person too. A listed part is read on to one `side` only ("before", "after": down a
    list, never back), `hops` words further at most (a long list of parts took long)."""
    before = _search_back(_JOINED_TO_BEFORE, text, start) if side != "after" else None
    after = _JOINED_TO_AFTER.match(text, end) if side != "before" else None
    return bool(
        (before and _a_person_word(text, *before.span(1), bool(before.group(2)), named,
                                   "before", hops))
        or (after and _a_person_word(text, *after.span(2), bool(after.group(1)), named,
                                     "after", hops))
    )


def _a_person_word(
    text: str, start: int, end: int, comma: bool, named: _Named, side: str, hops: int
) -> bool:
    """Whether the word at `start`:`end` of `text`, joined to a part in lower case (by a
    `comma`, or not), makes that part a person: see `_with_a_person`."""
    word = text[start:end]
    if word.casefold() in _THE_WRITER:
        return not comma  # ("like rose, I felt tired" may be the flower: flagged)
    if named(start, end):
        return _lower_part_reading(text, start, end, named, side, hops) == _PERSON
    return (
        not comma and len(word) > 1 and word[0].isupper() and word[1:].islower()
        and word.casefold() not in ALWAYS_CAPITALISED and not _not_listed(word)
        and not _opens_sentence(text, start)
    )


def _the_verb_after(text: str, start: int, end: int, key: str, cue: str) -> bool:
    """After "to" or "you" (`cue`), whether a part in lower case that is a verb (`key`, at
    `start`:`end` of `text`) is the verb: before what follows the verb (`VERB_NEXT`, or a
    determiner: "to mark the essays", "you hope so"), or after a word that takes "to" and a
    verb (`_TO_HEADS`: "I want to hope")."""
    next_word = _NEXT_WORD.match(text, end)
    following = next_word.group(1).casefold() if next_word else ""
    if following in VERB_NEXT[key] or following in _DETERMINERS:
        return True
    head = _search_back(_WORD_BEFORE, text, start - len(cue) - 1)
    return cue == "to" and head is not None and head.group(1).casefold() in _TO_HEADS


# After such a part: "and" and another word before a person's verb ("frank and grace came")
_PAIR_BEFORE_A_PERSONS_VERB = re.compile(
    rf"[^\S\n]+(?:&|and)[^\S\n]+[^\W\d_]+[^\S\n]+(?:(?:both|all|also|then|too)[^\S\n]+)?"
    rf"(?:{PERSON_VERBS})(?![\w'’])",
    re.IGNORECASE,
)


def joined_to_a_person(after: str) -> bool:
    """Whether `after` (the text after a word) joins the word by "and" to another before a
    person's verb, so that both are people ("Chase and Kai left")."""
    return _PAIR_BEFORE_A_PERSONS_VERB.match(after) is not None


# After such a part: the rest of a list of people ending with the writer ("grace, frank
# and I had tea", "grace and me"); twelve names at most, each word whole (possessive): a long
# comma list was read on to its end from each listed part (5,000 "grace, " took 5.5 s)
_LISTED_WITH_ME = re.compile(
    r"(?:[^\S\n]*,[^\S\n]*[^\W\d_]++){0,12}[^\S\n]*,?[^\S\n]+(?:and|&)[^\S\n]+(?:I|me|myself)(?![\w'’])"
)
# The words (or none) before the subject of a clause, for `_LISTED_WITH_ME`
_CLAUSE_OPENERS = _words("so then and but when while because after before until since once") | {""}
_NOT_BEFORE_A_PAIR = _words(
    "a an the my your our their its his be been being was were is are am felt feel feels"
)
# After a modal that is such a part, what makes it the object of a verb of meeting or
# telling ("met will today", "told may about it", "texted will.")
_OBJECT_ENDS = re.compile(
    r"\s*(?:[.,;:!?…)]|$)|[^\S\n]+(?i:today|yesterday|tonight|earlier|later|again|about|to"
    r"|at|in|on|and|for|after|before|back|too|afterwards|this|last|that|twice|once|from|with"
    r"|how|what|why|if|whether|where|when)(?![^\W\d_])"
)
# Before such a part that is a verb ("mark", "hope"), the words that make it the verb
_VERB_BEFORE = VERB_CUES | _words("to not never don't didn't won't can't please")
# Before such a part, words that make it the word even before a person's verb ("every day
# was hard", "the next day went well")
_COUNTING_BEFORE = _words("every each next last same other whole one another first")


# Everyday words a list of people ending with the writer holds none of ("summer, winter and
# I"): seasons, feelings that are no names, days
_NO_ONE_LISTED = _SEASONS | (FEELINGS - _FIRST_NAME_WORDS - OTHER_GIVEN_NAMES) | _WEEKDAYS


# Whether the word at start:end of a text is a listed part in lower case (for the texts a
# redactor reads, one its pattern matches there: see `_listed_here`)
_Named = Callable[[int, int], bool]


def _words_listed(text: str, listed: re.Match[str], named: _Named) -> bool:
    """Whether the rest of a list ending with the writer (`listed`, a `_LISTED_WITH_ME`
    match in `text`) holds an everyday word in lower case (`_NO_ONE_LISTED`) that is no
    listed name (`named`): then it lists no people ("summer, winter and I"); "frank, summer
    and I" with Summer Jones listed does."""
    return any(
        w.group() in _NO_ONE_LISTED and not named(*w.span())
        for w in _LETTER_RUN.finditer(text, listed.start(), listed.end()) if w.group().islower()
    )


def _listed_here(match: re.Match[str]) -> _Named:
    """For a match of a redactor's name pattern, whether that pattern matches a part in lower
    case (`_LOWER_GROUP`) at start:end of the same text."""
    def named(start: int, end: int) -> bool:
        found = match.re.match(match.string, start)
        return found is not None and found.end() == end and _group(found).startswith(
            _LOWER_GROUP
        )
    return named


def _in_parts(text: str, parts: frozenset[str]) -> _Named:
    """Whether the word at start:end of `text` is one of `parts` (listed parts in lower case)."""
    return lambda start, end: text[start:end] in parts


def _lower_part_is_word(match: re.Match[str], text: str) -> bool:
    """Whether a part of a listed full name, or a short form, that is a word, written in
    lower case ("frank" of Frank Miller, "grace", "turner", "may", "bill" of William), is
    the word: unless the sentence makes it a person, it is (see `_lower_part_reading`)."""
    return _lower_part_reading(text, *match.span(), _listed_here(match)) != _PERSON


_PERSON, _WORD, _DOUBT = "person", "word", "doubt"
_DETERMINER_LOOKBACK = 40  # (how far back a determiner before a word is looked for)


def _lower_part_reading(
    text: str, start: int, end: int, named: _Named, coordinated: str = "both",
    hops: int = _JOINED_HOPS,
) -> str:
    """How the sentence reads a part of a listed full name (or a short form) that is a word,
    written in lower case at `start`:`end` of `text`: `_PERSON` where it is possessive
    ("frank's mum"; without its apostrophe, "franks mum", it is a plural as often, "good
    marks mum was proud": kept, and the preview lists it, `_short_forms_owning`), a person's
    verb follows ("frank was
    upset", "grace rang me", "may came too", "miller shouted", "frank and grace came"),
    or it follows a title or a verb of meeting or telling ("mr turner", "met frank",
    "spoke to miller"); `_WORD` where it is a modal before a bare verb or after its
    subject ("the meeting may start late", "you may go"), or after an article or a word
    that makes it the word (`_a_word_here`: "the bill was paid", "to be frank", "every
    day was hard"); else `_DOUBT`, left as the word and flagged in the preview
    (`unlisted_capitalised`: "frank drinks at night"). `named` tells the other listed
    parts in lower case (see `_words_listed`). Also `_PERSON` where thanked, given
    something or in apposition (`_addressed`: "thank you rose.", "gave grace a lift",
    "his brother, mark, came"), told or listened to ("said to mark", "next to hope"), or
    (`coordinated`: the sides read) joined to a person (`_with_a_person`: "met will and
    mark"). A possessive determiner does not make it the word: "his rose came round" is a
    person ("my hope is simple" is replaced too, and named: `replaced_in_doubt`; a name
    left is worse than a word lost), but for a clause no person is ("her hope is that he
    stays": `_a_thing_said_of`, kept as `_DOUBT`: the preview lists it)."""
    if _POSSESSIVE_AFTER.match(text, end):
        return _PERSON  # "frank's mum"
    before = _search_back(_WORD_BEFORE, text, start)
    cue = before.group(1).casefold() if before else ""
    key = _plain(text[start:end])
    if key in FUNCTION_WORDS and not (
        _OBJECT_ENDS.match(text, end) or _PERSON_NEXT_WORD.match(text, end)
    ):
        if _PERSON_BEFORE.search(text, max(0, start - 40), start) and not (
            key in _GOES_BEFORE_A_NOUN and _A_NOUN_AFTER.match(text, end)
        ):
            return _PERSON  # "I told do she was late", "sat with so while she cried"
        return _WORD  # "talked to an old man" (Nguyễn Văn An); "talked to an today" is him
    if _helped_person(text, end, key, cue) or _addressed(text, start, end, key, cue):
        return _PERSON  # (before the modal: "let will decide", "thank you will." are him)
    thanked = _THANKED_BEFORE.search(text, max(0, start - 40), start)
    if thanked and _a_persons_verb_after(text, end, key):
        return _PERSON  # "thanks, will rang me back", "thank you rose rang" ("you" is no subject)
    modal = key in MODALS
    if cue in _COUNTING_BEFORE or (key in _FEELING_PARTS and cue in _POSSESSIVES) or (modal and (
        cue in MODAL_SUBJECTS or _MODAL_VERB_AFTER.match(text, end)
    )):
        return _WORD
    if cue not in _NOT_BEFORE_A_PAIR and _PAIR_BEFORE_A_PERSONS_VERB.match(text, end):
        return _PERSON  # "so frank and grace came"; not "the bill and I paid", "I was frank and I…"
    listed = _LISTED_WITH_ME.match(text, end)
    if listed and (cue in _CLAUSE_OPENERS or "," in listed.group()) and not _words_listed(
        text, listed, named
    ):
        return _PERSON  # "grace, frank and I had tea", "so grace and I left"; not "with grace…"
    if _a_modal_with_no_verb(text, end, key, cue):
        return _PERSON  # "without will, the group felt empty" (flagged: `replaced_in_doubt`)
    if _a_thing_said_of(text, start, end, key, before) and not _named_before(
        text, start, key, named
    ):
        return _DOUBT  # "my hope is that he stays": the word, kept and listed for the writer
    if _a_word_here(text, start, end):
        return _WORD
    # after a title or a verb of meeting: a modal only before what ends its clause or a
    # preposition ("met will today", "told may about it"; "text may scroll" is the verb)
    person_before = _PERSON_BEFORE.search(text[max(0, start - 40) : start])
    if person_before and (  # (after "to" a modal is no verb: "next to will sat her dad")
        not modal or _OBJECT_ENDS.match(text, end) or person_before.group().rstrip()[-3:] == " to"
    ):
        return _PERSON
    if thanked:
        return _DOUBT  # "thanks to hope I kept going" (not thanks for: `_addressed`)
    if coordinated and hops and _with_a_person(text, start, end, named, coordinated, hops - 1):
        return _PERSON  # "met will and mark", "with Rose and will", "between rose and me"
    if cue in _VERB_BEFORE and key in VERB_NEXT:
        # "do not mark changed lines", "I want to hope", "to mark the essays"; but after "to"
        # or "you" only so ("It is hard to hope." and "you rose." are in doubt)
        plain_verb = cue not in ("to", "you") or _the_verb_after(text, start, end, key, cue)
        return _WORD if plain_verb else _DOUBT
    if _a_persons_verb_after(text, end, key):
        return _PERSON
    return _WORD if key in FUNCTION_WORDS else _DOUBT  # "an idea" is not worth a doubt


def _a_persons_verb_after(text: str, end: int, key: str) -> bool:
    """Whether a person's verb follows the part `key` of a listed name ending at `end` of
    `text`, alone or joined to another ("will rang me", "frank and grace came"); not what is
    said of a feeling ("love is all you need")."""
    return bool(_PAIR_BEFORE_A_PERSONS_VERB.match(text, end)) or bool(
        _PERSON_NEXT_WORD.match(text, end) and not _a_feeling_being(key, text, end)
    )


# After a short part of a listed name that is also a little word ("an", "so", "no", "my"),
# following a verb of meeting or telling: the word it goes before as the word ("talked to an
# old man", "spoke to so many", "told no one"); not a pronoun, a preposition or a conjunction
# ("I met an she was sad", "I met do outside the shop", "sat with so while she cried")
_GOES_BEFORE_A_NOUN = _words("a an the no my so")
_A_NOUN_AFTER = re.compile(
    r"[^\S\n]+(?!(?:i|i'm|i've|i'd|she|he|they|you|we|it|her|him|them|us|me|his|my|your|our"
    r"|their|its|this|that|these|those|because|while|when|as|so|and|but|or|if|though|although"
    r"|since|until|unless|whether|where|who|what|how|why|then|outside|inside|about|around"
    r"|after|before|at|in|on|by|for|from|with|without|into|onto|over|under|up|down|out|off"
    r"|near|behind|across|through|not|never|also|just|still|really|already|always|once"
    r"|the|some|any|all|each|every|both|either|neither|another|other|was|were|is|are|had|has"
    r"|did|does|said|can|could|would|will|should|might|must|may|shall|today|tomorrow"
    r"|yesterday|tonight|[a-z]{1,2})(?![^\W\d_]))[a-z][a-z'’-]*(?![^\W\d_])"
)


def sentence_start_reading(text: str, start: int, end: int) -> str | None:
    """How the sentence reads a capitalised listed word-name ("Ray", "Love", "Hope") opening
    it at `start`:`end` of `text`, where the capital says nothing: `_WORD` in a phrase that
    only makes it the word (`_OPENING_PHRASES`: "Ray of light fell", "Love was in the air":
    left, and the preview flags it), `_PERSON` where possessive or a person's verb follows
    ("Ray came by", "Ray's mum", "Love is all you need, said Sam Love": as a capitalised
    word-name is anywhere else), else `_DOUBT`: replaced, as privacy wins, and said
    (`Redactor.in_doubt`); but a short everyday word (`FUNCTION_WORDS`: "An hour later" with
    Nguyễn Văn An listed) is then `_WORD`. None for any other word, or one not opening its
    sentence."""
    word = text[start:end]
    key = _plain(word)
    if word.casefold() != key:  # ("DÓ" of Bb Dó: no English word is spelled with its accent)
        return None
    function_word = key in FUNCTION_WORDS
    if not (key in COMMON_WORDS or function_word) or word.islower() or not _opens_sentence(
        text, start
    ):
        return None
    if _POSSESSIVE_AFTER.match(text, end):
        return _PERSON
    if _in_a_phrase(key, text, start, end, _OPENING_PHRASES):
        return _WORD
    if _PAIR_BEFORE_A_PERSONS_VERB.match(text, end) or _PERSON_NEXT_WORD.match(text, end):
        return _PERSON
    return _WORD if function_word else _DOUBT  # "An hour later", "Do you?"


_OPENING_LOOKBACK = 40  # characters read back for a sentence's start (`_SENTENCE_START`)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` of `text` opens a sentence (or the text, or a line), from
    the characters just before it."""
    return _SENTENCE_START.search(text, max(0, start - _OPENING_LOOKBACK), start) is not None


def _a_feeling_being(key: str, text: str, end: int) -> bool:
    """Whether `key`, a part in lower case ending at `end` of `text`, is one of
    `_FEELING_PARTS` before what is said of the feeling (`_SAID_OF_A_FEELING`: "love is all
    you need", not "love is upset")."""
    return key in _FEELING_PARTS and bool(_SAID_OF_A_FEELING.match(text, end))


# A modal verb that is a name ("Will", "May") as the verb: in lower case, right after a
# subject and before a bare verb or the end of a clause ("I will try", "it may rain", "they
# will not come", "I will."), or after a question word before a bare verb or a question
# ("who will come", "when will it end?"), never after another word ("Can will come?", "Let
# will go", "that will was sick"); capitalised, opening a sentence before a pronoun and a
# bare verb or a question ("Will you go", "May I ask?")
_MODAL_VERB_AFTER = re.compile(_BARE_VERB_NEXT)
# after its subject, a modal goes before a verb whose past is the same too ("I will let her")
_SUBJECT_MODAL_VERB_AFTER = re.compile(_verb_next(AFTER_A_SUBJECT))
_CLAUSE_ENDS = re.compile(r"\s*(?:[.,;:!?…)]|$)")
_NOT_ONLY_SUBJECTS = _words("you this there")
# what may follow an adjective that is a name after "is" ("he is frank about it")
_AFTER_AN_ADJECTIVE = re.compile(r"\s+(?i:about|with|and|but|to|enough|as|in|at|for|too)\b")
_QUESTION_WORDS = _words("who what when where why how which")
_OPENS_HERE = re.compile(_OPENS)
_MODAL_ASKS = re.compile(rf"\s+{_PRONOUN}{_BARE_VERB_NEXT}|{_ASKING}")
_ASKED_HERE = re.compile(_ASKED_AFTER)
_ASKING_HERE = re.compile(_ASKING)
# After a possessive or "the" opening its clause, a word-name whose sense takes a clause (a
# hope, a will, a faith: `_CLAUSE_NOUN_NAMES`), and a clause said of it that no person is:
# "her hope is that he stays", "his will was that we sell" (`_a_thing_said_of`). Anything
# else said of it may be said of a person ("his rose came round", "my will is poorly", "her
# grace was upset", "my hope is simple", "his will was strong"), and so may a name after a
# preposition or a verb ("the thing about grace is that she never listens"): replaced, and
# after a possessive named for the writer to check (`replaced_in_doubt`).
_OWNERS = _words("my your his her their our")
_CLAUSE_NOUN_NAMES = _words("hope will faith")
# Before such an owner word: what opens a clause ("My hope…", "…, and my hope…", "she said
# her hope…")
_CLAUSE_OPENS = re.compile(
    r"(?:^|[.!?…;:,(\"“—–]|\n|(?<![^\W\d_])(?i:and|but|so|because|though|although|that"
    r"|said|says|think|thinks|thought))"
    r"[^\S\n]*$"
)
_NAMED_LOOKBACK = 400  # characters read back for the same word-name read as a person
_NAMED_TIMES = 3  # (and how many of its times there at most)
# Prepositions after which a modal given name in lower case can be no verb ("without will",
# "for will", "with will"): the person, or the rarer noun (replaced, and flagged as in
# doubt). Not "to" ("to will"), "of" (`_HEADS`: "an act of will"), "at" ("at will"), "in"
# or "by" ("in may", "by will")
_NO_VERB_AFTER = _words(
    """
    without with for from against besides beside behind near like than about towards toward
    upon onto among amongst between beneath despite unlike except
    """
)
_NO_VERB_MODALS = MODALS - {"may"}  # ("booked it for may", "from may to june": the month)
# After such a modal, what is no verb, so no modal's: it ends the clause, or is a pronoun, a
# determiner, a preposition, a conjunction or a word of time ("without will the group…",
# "with will and me", "from will today"); before any other word it may be the modal ("the
# people I work with will arrive tomorrow"), read as any modal is (`_lower_part_reading`)
_NO_VERB_NEXT = _words(
    """
    and or but nor because while whilst when whenever where if unless though although as
    than once till until i me my mine you your he him his she her it its we us our they them
    their this that these those who whom whose which what here a an the some any every no
    another other many few several about above across after against along among around at
    before behind below beside besides between beyond by despite during for from in inside
    into like near of off on onto out outside over past since through throughout to toward
    towards under up upon with within without today tonight tomorrow yesterday earlier later
    again too ago home together alone instead anyway afterwards lately recently x xx xxx
    """
)
# Prepositions after which the word "will" is a noun as often ("without will", "with will",
# "from will and support", "a battle of will against will"): a modal name replaced there is
# named for the writer to check; not after the others ("I sat near will": the person)
_WILL_AS_A_NOUN_AFTER = _words("without with from like against between")
_SAID_OF_A_THING = re.compile(
    r"[^\S\n]+(?i:is|was)(?:[^\S\n]+(?i:still|simply|just|always))?[^\S\n]+(?i:that)"
    r"[^\S\n]+(?i:he|she|they|we|i|you|it|everyone|things|everything|someday|one[^\S\n]+day)"
    r"[^\S\n]+(?!(?i:and|or|but|nor)(?![\w'’]))[^\W\d_]"  # a verb on ("is that you?": a question)
)


def _a_modal_with_no_verb(text: str, end: int, key: str, cue: str) -> bool:
    """Whether `key`, a modal given name in lower case ending at `end` of `text`, after a
    preposition (`cue`: `_NO_VERB_AFTER`), has no verb after it to be the modal of: the clause
    ends, or no verb follows (`_NO_VERB_NEXT`, a participle: "sat with will watching tv")."""
    if key not in _NO_VERB_MODALS or cue not in _NO_VERB_AFTER:
        return False
    if _CLAUSE_ENDS.match(text, end):
        return True
    next_word = _NEXT_WORD.match(text, end)
    if next_word is None:
        return True  # a dash, a number, a bracket: no verb
    word = next_word.group(1).casefold()
    return word in _NO_VERB_NEXT or _a_participle(word)


def _a_participle(word: str) -> bool:
    """Whether `word` (in lower case) is a verb's -ing or -ed form, not a bare verb that ends
    so ("bring", "string", "need", "shed": no vowel before the ending, or "-eed")."""
    for ending in ("ing", "ed"):
        stem = word.removesuffix(ending)
        if stem != word and not word.endswith("eed"):
            return any(vowel in stem for vowel in "aeiouy")
    return False


def _a_thing_said_of(
    text: str, start: int, end: int, key: str, before: re.Match[str] | None
) -> bool:
    """Whether a word-name in lower case at `start`:`end` of `text` (`key`, after `before`)
    names a hope, a will or a faith (`_CLAUSE_NOUN_NAMES`) after an owner word or "the" that
    opens its clause, and a clause follows that is said of no person (`_SAID_OF_A_THING`:
    "my hope is that he stays"; not "the thing about hope is that she…", "hope is that you?")."""
    if key not in _CLAUSE_NOUN_NAMES or before is None or not _SAID_OF_A_THING.match(text, end):
        return False
    cue_at = before.start(1)
    return before.group(1).casefold() in _OWNERS | {"the"} and _CLAUSE_OPENS.search(
        text, max(0, cue_at - 12), cue_at
    ) is not None


def _named_before(text: str, start: int, key: str, named: _Named) -> bool:
    """Whether the word-name `key` at `start` of `text` stands earlier in `text` where the
    sentence makes it a person, or capitalised inside a sentence (`_NAMED_LOOKBACK`
    characters back, `_NAMED_TIMES` at most): "Me and faith talked; her faith is that…"."""
    same = re.compile(rf"(?<![^\W\d_]){re.escape(key)}(?![^\W\d_])", re.IGNORECASE)
    times = list(same.finditer(text, max(0, start - _NAMED_LOOKBACK), start))[-_NAMED_TIMES:]
    for time in times:
        at, to = time.span()
        if not time.group().islower():
            if not _opens_sentence(text, at) or sentence_start_reading(text, at, to) != _WORD:
                return True  # "Faith rang. My faith is that…"
        elif not _a_thing_said_of(text, at, to, key, _search_back(_WORD_BEFORE, text, at)) and (
            _lower_part_reading(text, at, to, named) == _PERSON
        ):
            return True
    return False


def joined_note(joined: Counter[str]) -> str:
    """What the writer is told of the words joined up replaced whole for a listed name inside
    them (`Redactor.joined`), "" with none: how many, and what to do if one is a brand, a
    place or a word and not the person. Not which: masked ("[person]Bet"), such a word still
    showed a listed name the masking did not know as a form ("[person]AlVisit" with Al Hart
    listed, a misspelt "Kerri"), and a name never goes to stderr."""
    if not joined:
        return ""
    from peerjournal.plural import counted

    words = len({word.casefold() for word in joined})  # ("[person]bet": a tag is stored lowered)
    return (
        f"{counted(words, 'word')} joined up with a listed name {'was' if words == 1 else 'were'}"
        f" replaced whole (each shows as {PLACEHOLDER}; not named here, as a name could show "
        "through). If one is a brand, a place or an everyday word and not the person, write it "
        "apart or otherwise where you wrote it, and export again."
    )


def replaced_in_doubt(text: str, start: int, end: int) -> bool:
    """Whether a listed word-name at `start`:`end` of `text`, replaced, may have been the
    everyday word: opening a sentence that says nothing of which it is
    (`sentence_start_reading`: "Ray seems odd."), or in lower case after a possessive ("his
    will was strong", "my hope is gone": replaced, as "his rose came round" is someone), or
    a modal with no verb after a preposition that "will" the noun follows as often
    (`_WILL_AS_A_NOUN_AFTER`: "without will, the group felt empty"; not "I sat near will"). The
    export names these for the writer to check."""
    if sentence_start_reading(text, start, end) == _DOUBT:
        return True
    word = text[start:end]
    if not word.islower() or _plain(word) not in COMMON_WORDS | FEELINGS:
        return False
    before = _search_back(_WORD_BEFORE, text, start)
    cue = before.group(1).casefold() if before else ""
    return cue in _OWNERS or (
        cue in _WILL_AS_A_NOUN_AFTER and _a_modal_with_no_verb(text, end, _plain(word), cue)
    )


def _the_modal(text: str, start: int, end: int) -> bool:
    """Whether the name at `start`:`end` of `text` is a modal verb (`MODALS`) used so; when
    in doubt it is the name ("Will came", "I saw Will", "will and I")."""
    word = text[start:end]
    if _plain(word) not in MODALS:
        return False
    if _OPENS_HERE.match(text, start) and _MODAL_ASKS.match(text, end):
        return True
    if _ASKED_HERE.match(text, start) and _ASKING_HERE.match(text, end):
        return True  # "So, May I ask?", "How Will you cope?"
    if not word.islower():
        return False
    before = _search_back(_WORD_BEFORE, text, start)
    subject = before.group(1).casefold() if before else ""
    if _POSSESSIVE_AFTER.match(text, end):
        return False
    if subject in _QUESTION_WORDS:  # "when will it end?"; "how will cope", "who will help": him
        return bool(_MODAL_ASKS.match(text, end))
    if subject not in MODAL_SUBJECTS:
        return False
    if _SUBJECT_MODAL_VERB_AFTER.match(text, end):  # "I will try", "it may rain", "we will
        return True  # cut back"; "there will knows": him
    # a clause's end only after a word that is only a subject here ("I will.", "I hope it may"):
    # "you", "this" and "there" are objects, a determiner or a place too ("thank you will.")
    return subject not in _NOT_ONLY_SUBJECTS and bool(_CLAUSE_ENDS.match(text, end))


# What only a person does, after a set phrase of "will" ("his last will rang" is Will; "a
# nice guy rang" is still a man)
_ONLY_A_PERSON_NEXT = re.compile(
    r"[^\S\n]+(?:rang|rings|smiled|smiles|laughed|laughs|cried|shouted|arrived|texted|phoned)"
    r"(?![\w'’])",
    re.IGNORECASE,
)


def _in_a_phrase(
    key: str, text: str, start: int, end: int, phrases: _Phrases | None = None,
) -> bool:
    """Whether the word-name `key` at `start`:`end` of `text` is in one of its `phrases`
    (`_IN_A_PHRASE`), and "will" not before what only a person does ("the last will rang")."""
    if key == "will" and _ONLY_A_PERSON_NEXT.match(text, end):
        return False
    return any(
        after.match(text, end) and before.search(text[max(0, start - 30) : start])
        for before, after in (_IN_A_PHRASE if phrases is None else phrases).get(key, ())
    )


def _search_back(regex: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """`regex.search(text, 0, end)` for a `regex` that matches up to `end` (`$`), starting a
    run of letters and reading it once (`_WORD_BEFORE`, `_LIST_BEFORE`), and whose match
    holds at most two runs of letters: searched for from three runs of letters back, where
    any match must start, rather than from the start of the text, which took quadratic time
    over a long text full of word-names (and one long word: "hahaha…")."""
    size = 64
    lo = max(0, end - size)
    while lo and len(_LETTER_RUN.findall(text, lo, end)) < 3:
        size *= 2
        lo = max(0, end - size)
    return regex.search(text, lo, end)


# Given names that are words and adjectives (or colours), the word after "is" too ("he is
# frank", "the light is amber"); after "of" a noun follows, and after "that" as often the
# person ("I know that frank drinks": "not that sunny" is replaced too)
_ADJECTIVE_NAMES = _words(
    """
    frank rich sunny rosy rusty misty precious major sandy crystal hazel amber black bright
    brown good gray green grey little long sharp short strong swift white wise young
    """
)
# Before one of `EITHER_CUES` and a word-name, the words that make it the word: "there is
# hope"; a noun of amount, sign, moment or act, or "full" or "out", before "of" ("a ray of
# hope", "a leap of faith", "a state of grace", "tears of joy", "a lot of love", "an act of
# will", "full of grace"), where a verb or another noun makes it the person ("I think of
# grace", "proud of hope", "the mum of joy").
_HEADS = {
    "is": _words("there"),
    "of": _words(
        """
        ray glimmer flicker spark sliver shred ounce hint touch sign signs sense feeling
        feelings moment moments state leap act acts lack loss source beacon bit lot lots tears
        bundle matter article crisis labour labor test strength force power message words gift
        kind sort full out
        """
    ),
}
# Words before a word-name that make it the word even before a verb ("the bill was paid")
_ARTICLES = _words("a an the this these those some any no much more less such")
# Before a given name that is a word, the words that make a set phrase of it ("Christmas Eve")
_SET_PHRASES = {"eve": _words("christmas year's year’s years hallows")}
# Set phrases that end with a short name as a word, by the words before it (as written, in
# lower case where the name would be capitalised): "New Year's Eve", "wait a mo", "half a
# mo", "under the lee", "2nd dan"
_PHRASE_BEFORE = {
    "eve": (re.compile(r"(?i:\b(?:christmas|new\s+year(?:['’]s|s)?|hallows)[^\S\n]+)$"), False),
    "mo": (re.compile(r"(?i:\b(?:wait|half|just|hang\s+on|one|give\s+me)[^\S\n]+a[^\S\n]+)$"),
           True),
    "lee": (re.compile(r"(?i:\b(?:the|a)[^\S\n]+)$"), True),
    "dan": (re.compile(r"(?i:\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth"
                       r"|seventh|eighth|ninth|tenth|black\s+belt)[^\S\n]+)$"), True),
}
_PHRASE_LOOKBACK = 24  # characters: the longest of `_PHRASE_BEFORE`, and its space


def _in_a_set_phrase(text: str, start: int, end: int) -> bool:
    """Whether the name at `start`:`end` of `text` ends a set phrase (`_PHRASE_BEFORE`) that
    makes it the word, and no "'s" or person's verb follows ("Under the lee." is the word)."""
    word = text[start:end]
    phrase = _PHRASE_BEFORE.get(_plain(word))
    if phrase is None or (phrase[1] and not word.islower()):
        return False
    if _POSSESSIVE_AFTER.match(text, end) or _PERSON_AFTER.match(text, end):
        return False
    return phrase[0].search(text, max(0, start - _PHRASE_LOOKBACK), start) is not None
# A verb of being or a modal, after which a name or a feeling may come
_BEING = (
    r"is|isn't|has|hasn't|seems|looks|will|won't|would|can|can't|could|should|might|must|does"
    r"|doesn't"
)
# After a given name that is a word: what a person does, or is ("the Bills rang")
_PERSON_NEXT_WORD = re.compile(
    rf"[^\S\n]+(?:{PERSON_VERBS}|{_BEING}|and\s+(?:i|me))(?![\w'’])", re.IGNORECASE
)
# Parts of a listed name that are a feeling and no given name ("love" of Sam Love): in lower
# case the feeling after a possessive ("his love was gone"); and left (and flagged) before a
# verb of being or a modal and what is said of the feeling ("love is all you need", "love
# will find a way", "love has no limits"), not of a person ("love is new", "love will ring")
_FEELING_PARTS = (FEELINGS & COMMON_WORDS) - _FIRST_NAME_WORDS
_POSSESSIVES = _words("my your his its our their")
_SAID_OF_A_FEELING = re.compile(
    rf"[^\S\n]+(?:{_BEING})(?:[^\S\n]+(?:not|so|very|always|never|still|just|really|be))*"
    r"[^\S\n]+(?:all[^\S\n]+(?:you|that|we|i|around)|everything|enough|blind|forever|eternal"
    r"|everywhere|what|find|conquer|heal|grow|last|fade|no[^\S\n]+(?:limits|bounds|end))"
    r"(?![\w'’])",
    re.IGNORECASE,
)


_Phrases = dict[str, list[tuple[re.Pattern[str], re.Pattern[str]]]]


def _phrases(table: str, sure: bool = False) -> _Phrases:
    """For "word: phrase | phrase" lines, each phrase with "_" where the word goes, as
    patterns of the words before it (to search the text just before) and after it (to
    match), compiled once; with `sure`, without those marked "~" (`_IN_DOUBT`)."""
    phrases: _Phrases = {}
    for line in table.strip().splitlines():
        word, _, rest = line.partition(":")
        for phrase in rest.split("|"):
            if sure and phrase.strip().startswith(_IN_DOUBT):
                continue
            before, _, after = phrase.strip().lstrip(_IN_DOUBT).partition("_")
            phrases.setdefault(word.strip(), []).append((
                re.compile(
                    r"(?<![^\W\d_])" + r"[^\S\n]+".join(map(re.escape, before.split()))
                    + r"[^\S\n]*$", re.IGNORECASE),
                re.compile(
                    r"[^\S\n]*" + r"[^\S\n]+".join(map(re.escape, after.split()))
                    + r"(?![^\W\d_])", re.IGNORECASE),
            ))
    return phrases


# Where a one-word listed name that is a word, in lower case, is only that word (besides
# after `COMMON_WORD_CUES`, "the guy", "at max", "the bill", "felt hope"): anywhere else it
# is replaced, so "I gave max a lift" and "I sat beside grace" are. The preview flags each
# one left. A phrase marked "~" (`_IN_DOUBT`) may hold the person too ("I paid Bill", "his
# name is Will he said"): in a run of capitals it is not enough (`_SURE_PHRASES`).
_IN_DOUBT = "~"
_IN_A_PHRASE_TABLE = """
    guy: nice _ | good _ | decent _ | lovely _ | funny _ | bad _
    guys: _
    max: _ effort | _ capacity | _ speed | _ power | _ level
    faith: ~_ in | ~have _ | ~has _ | ~had _ | ~lost _ | ~keep _ | ~losing _ | ~having _
    faith: good _ | bad _
    will: free _ | ill _ | good _ | ~is _ i | ~is _ you | ~is _ he | ~is _ she | ~is _ we
    will: ~is _ they
    will: _ power | _ powers | last _ and testament | his last _ | her last _ | my last _
    will: their last _ | your last _ | our last _ | the last _ | a last _ | against my _
    will: against his _ | against her _ | against their _ | against your _ | against our _
    grace: ~said _ | ~saying _ | ~say _ | _ period | _ periods | with good _ | with bad _
    hope: still _ for | there is still _ | there's still _
    eve: christmas _ | year's _ | year’s _ | years _ | hallows _
    bills: _ are due | _ to pay | ~pay _ | ~paid _
    bill: _ is due | ~pay _ | ~paid _
    bill: gas _ | electric _ | electricity _ | energy _ | phone _ | water _ | heating _
    bill: broadband _ | council tax _ | vet _ | vet's _ | vets _ | hospital _ | fuel _
    bills: gas _ | electric _ | electricity _ | energy _ | phone _ | water _ | heating _
    bills: household _ | utility _ | fuel _
    love: _ is in the air | _ was in the air
    rose: _ to the occasion | _ to the challenge
"""
_IN_A_PHRASE = _phrases(_IN_A_PHRASE_TABLE)
_SURE_PHRASES = _phrases(_IN_A_PHRASE_TABLE, sure=True)
# Where a listed word-name, capitalised opening its sentence, is only that word (see
# `sentence_start_reading`): anywhere else there it is replaced ("Will power is low" is Will).
_OPENING_PHRASES = _phrases(
    """
    ray: _ of light | _ of hope | _ of sunshine | _ of sun | _ of sunlight
    ash: _ tree | _ trees | _ cloud
    cat: _ food | _ flap | _ litter
    kit: _ bag | _ list
    jean: _ jacket | _ jackets
    love: _ is in the air | _ was in the air
    """
)


# Honorifics written joined after a given name ("Imranbhai", "Ayeshaji", "Zainabaji"):
# the whole word is the person, in running text too (a label reads it joined up already)
_HONORIFICS = _words("bhai bhaiya bhaijan baji aapi bhabhi bhabi sahib sahab jaan ji")
_HONORIFIC_AFTER = "(?:(?i:" + "|".join(sorted(_HONORIFICS, key=len, reverse=True)) + "))?"


def _honorific_after(form: str) -> str:
    """The pattern for an honorific joined after `form`: a name of three letters or more
    (two make words: "Alji"), "" for another."""
    return _HONORIFIC_AFTER if len(_plain(form)) >= 3 and " " not in form else ""


def _name_end(match: re.Match[str], text: str) -> int:
    """Where a name's match ends in `text`, with an initial's own full stop: "J. said",
    "J., my mentee", "(J.) today" and "J.'s plan" are "[person] said", "[person], my mentee",
    "([person]) today" and "[person]'s plan". Before a capital or at the end ("I saw J.
    Then…", "I saw J.") the "." may end the sentence, and is left to it."""
    end = match.end()
    if _group(match).startswith(_INITIAL_GROUP):
        stop = _AFTER_INITIAL.match(text, end)
        if stop and (stop.group(1) is None or stop.group(1).islower()):
            return end + 1
    return end


def _compile_names(
    people: Sequence[Person], any_case: bool = False, short: bool = True, bare: bool = False,
    welsh: bool = False,
) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One alternation over every form of every name (and its plural), longest first, one
    named group each; `any_case` matches the case-sensitive forms in any case too; `short`
    adds each name's short forms (`short_forms`), after the listed forms of the same
    length. Each form is replaced as `_owners` says whose it is. With `bare`, only the forms
    with an umlaut written out, which may be its vowel alone there (`_name_pattern`). With
    `welsh`, each name's Welsh mutated forms too (`welsh_mutations`): a `Redactor`'s, not
    the checks that ask it often of one word (`contains_name`)."""
    # (form, case-sensitive?, replacement, Polish?, short?, mutated?)
    forms: list[tuple[str, bool, str, bool, bool, bool]] = []
    full: set[str] = set()
    for person in people:
        listed = [(f, cs, False) for f, cs in name_forms(person.name)]
        extra = [(f, cs, True) for f, cs in short_forms(person.name)] if short else []
        if short:  # "will turner" of William Turner, in any case, as the full name is
            listed += [(f, False, False) for f in _short_full_names(person.name)]
        if len(_parts(person.name)) > 1:
            full |= {name_key(person.name), *map(name_key, _short_full_names(person.name))}
        # a form is declined by its last word (see `_inflected`) if that is written as
        # Polish, and a short form of a name that is ("Kasia" of Katarzyna: "Kasię")
        polish_name = any(_POLISH.search(part) for part in _parts(person.name))
        for form, case_sensitive, is_short in [*listed, *extra]:
            polish = bool(_POLISH.search(_parts(form)[-1])) or (is_short and polish_name)
            forms.append((
                form, case_sensitive and not any_case, person.replacement, polish, is_short, False
            ))
        # Welsh mutated forms: capitalised only in prose, in any case in a label (`any_case`:
        # a tag is stored in lower case, and has no sentence to mislead)
        for form in welsh_mutations(person.name) if welsh and not bare else ():
            forms.append((form, not any_case, person.replacement, False, True, True))
    if not forms:
        return None, {}
    forms.sort(key=lambda f: (-len(f[0]), f[4]))
    owners = _owners(people, [(f[0], f[2]) for f in forms])
    lookup: dict[str, str] = {}
    branches = []
    for n, (form, case_sensitive, _, polish, is_short, mutated) in enumerate(forms):
        group = f"{_INITIAL_GROUP if not is_short and initial(form) else 'n'}{n}"
        if not is_short and _plain(form) in COMMON_WORDS:
            group = f"{_WORD_GROUP}{n}"
        if _plain(form) in _MONTHS:
            group = f"{_MONTH_GROUP}{n}"
        if not is_short and name_key(form) in full:
            group = f"{_FULL_GROUP}{n}"
        if mutated:
            group = f"{_MUTATED_GROUP}{n}"
        elif is_short and case_sensitive and group.startswith("n") and (
            _plain(form) in _WORDLIKE_SHORT_FORMS
        ):
            group = f"{_SHORT_WORD_GROUP}{n}"
        lookup[group] = owners[name_key(form)]
        if bare:
            if is_short or not _has_umlaut_written_out(form):
                continue
            body = _name_pattern(form, polish, bare=True)
        elif is_short:
            body = _short_form_pattern(form, case_sensitive, polish)
        elif case_sensitive and len(form) == 1:  # an initial: "J's", never "Js"
            body = _capitalised_pattern(form, upper=False) + rf"(?![eE]?[sS]{_AFTER})"
        elif case_sensitive:  # a listed part that is a word: "Will" of Will Turner too
            body = _not_the_verb(_plain(form)) + _capitalised_pattern(form)
        else:  # a name listed alone ("Hope") goes wherever it is capitalised, "Hope so." too
            body = _name_pattern(form, polish) + _honorific_after(form)
        branches.append(f"(?P<{group}>{_not_in_capitals(form)}{body})")
        if not bare and not mutated and _has_lower_form(form, case_sensitive):
            # the same part in lower case ("frank was upset", "grace rang me"), replaced
            # where the sentence makes it a person (see `_lower_part_is_word`)
            lookup[f"{_LOWER_GROUP}{n}"] = lookup[group]
            branches.append(
                f"(?P<{_LOWER_GROUP}{n}>{_spelled(keyed(form.lower()))}{_ANY_HIDDEN})"
            )
    # a full name written surname first as a handle or a file name ("walker_hope",
    # "turner.will.md"), only joined by a handle's marks: first, as the longest
    reversed_branches: list[str] = []
    for person in people:
        parts = _parts(person.name)
        if len(parts) < 2 or (bare and not _has_umlaut_written_out(person.name)):
            continue
        group = f"r{len(reversed_branches)}"
        lookup[group] = owners.get(name_key(person.name), person.replacement)
        last, first = _name_pattern(parts[-1], bare=bare), _name_pattern(parts[0], bare=bare)
        reversed_branches.append(f"(?P<{group}>{last}{_HANDLE_MARKS}{first})")
    branches = reversed_branches + branches
    if not branches:
        return None, {}
    regex = re.compile(_NAME_START + "(?:" + "|".join(branches) + ")" + _NAME_END)
    return regex, lookup


def _compile_user_names(
    people: Sequence[Person],
) -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]] | None:
    """A pattern for each listed surname with the first name's initial glued before or after
    it, maybe by one "_" or "." ("wturner", "w.turner", "turnerw", "turner_w"), in any case, a
    word of its own (digits after it are the user name's); and for each group, (replacement,
    initial, surname), plain. None with no full name listed. See `_user_name`."""
    owners = _owners(people, [(f, p.replacement) for p in people for f, _ in name_forms(p.name)])
    branches: list[str] = []
    lookup: dict[str, tuple[str, str, str]] = {}
    for person in people:
        parts = [p for p in _parts(person.name) if _plain(p) not in TITLES]
        letter = _plain(parts[0])[:1] if len(parts) > 1 else ""
        if not letter.isalpha():
            continue
        for surname in parts[1:]:
            plain = _plain(surname)
            if plain in PARTICLES or sum(ch.isalpha() for ch in plain) < 3:
                continue
            n = len(branches)
            lookup[f"b{n}"] = lookup[f"a{n}"] = (
                owners.get(name_key(surname), PLACEHOLDER), letter, plain
            )
            initial_, body = _char_pattern(letter), _name_pattern(surname)
            branches.append(
                f"(?P<b{n}>{initial_}(?:[_.]{{1,2}})?{body})"
                f"|(?P<a{n}>{body}(?:[_.]{{1,2}})?{initial_})"
            )
    if not branches:
        return None
    regex = re.compile(r"(?<![^\W_])(?:" + "|".join(branches) + r")(?![^\W\d_])")
    return regex, lookup


# Letters of a name or part found anywhere inside a handle or a file name (see `_inside_marked`)
_INSIDE_LETTERS = 4


def _compile_inside(people: Sequence[Person]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """A pattern, in any case, for each listed name written without spaces and each of its
    parts of `_INSIDE_LETTERS` letters or more (not a particle or title), and what each
    group is replaced with; None if there is none."""
    forms = {
        _plain(form): person
        for person in people
        for form in [*_parts(person.name), "".join(_parts(person.name))]
        if sum(ch.isalpha() for ch in form) >= _INSIDE_LETTERS
        and _plain(form) not in PARTICLES and _plain(form) not in TITLES
    }
    if not forms:
        return None
    owners = _owners(people, [(f, p.replacement) for f, p in forms.items()])
    ordered = sorted(forms, key=len, reverse=True)
    lookup = {
        f"i{n}": owners.get(name_key(form), forms[form].replacement)
        for n, form in enumerate(ordered)
    }
    branches = [f"(?P<i{n}>{_name_pattern(form)})" for n, form in enumerate(ordered)]
    return re.compile("|".join(branches), re.IGNORECASE), lookup


def _not_in_capitals(form: str) -> str:
    """For a form that in capitals is an abbreviation ("Ed": "ED", see `ABBREVIATIONS`) and
    is not listed in capitals, a pattern that refuses it in capitals (and its plural "EDs"),
    in a text as in a label (a setting typed "ED"), unless a word in capitals is beside it;
    else ""."""
    # (the abbreviation as spelled: "Dí" in capitals, "DÍ", is no abbreviation but the name)
    if form.casefold() not in ABBREVIATIONS or form.isupper():
        return ""
    # (before a capitalised word too: "EDTriage"; not a plural's possessive, "EDS'": the
    # abbreviation's plural is "EDs", and "EDS'" is Ed's name with an s, shouted)
    capitals = (
        f"{_spelled(keyed(form.upper()))}{_ANY_HIDDEN}{_PLURAL}"
        f"(?!(?<=S)[{_NAME_APOSTROPHES}])(?:{_AFTER}|{_CAPITALS_GLUED})"
    )
    # but in a run of capitals it is the name shouted ("ED SAID", "SAW ED")
    return rf"(?!(?<![A-Z]{{2}}\s){capitals}(?!\s+[A-Z]{{2}}))"


def _owners(people: Sequence[Person], forms: Sequence[tuple[str, str]]) -> dict[str, str]:
    """What each form (`name_key`) of the (form, replacement) pairs is replaced with: the
    replacement of the one person it belongs to ("Jones" of Sam Jones, alias "S.": "S.", as
    the whole name is, so the mentor reads one person), of the person whose whole listed
    name it is ("Jones" beside Sam Jones), or, when it is a part of several people's names
    with other replacements (Sam Jones "S." and Ann Jones), PLACEHOLDER: either could be
    meant, and an alias would name the wrong one."""
    whole = {name_key(p.name): p.replacement for p in people}
    seen: dict[str, set[str]] = defaultdict(set)
    for form, replacement in forms:
        seen[name_key(form)].add(replacement)
    return {
        key: whole.get(key) or (next(iter(found)) if len(found) == 1 else PLACEHOLDER)
        for key, found in seen.items()
    }


def contains_name(
    text: str, people: Sequence[Person], short: bool = True, any_case: bool = False
) -> bool:
    """True when any form of a listed name (and, with `short`, a short form of one; with
    `any_case`, a form that is also a word in any case: "will" of Will Turner) is still in
    `text` (used to vet aliases, which are checked for listed forms only, in any case, and
    file names)."""
    regex = _contains_pattern(tuple(people), any_case, short)
    return bool(regex and regex.search(_searchable(text)))


@lru_cache(maxsize=256)
def _contains_pattern(
    people: tuple[Person, ...], any_case: bool, short: bool
) -> re.Pattern[str] | None:
    """`contains_name`'s pattern, built once per list: `summary.people_together` asks it of
    each word replaced by [person], person by person (about a millisecond each, built again
    for each word, took most of an `export` of 200 entries naming 12 people)."""
    return _compile_names(people, any_case=any_case, short=short)[0]


def names_in_label(label: str, people: Sequence[Person]) -> list[tuple[str, str]]:
    """What of `label` (a file name: no sentence around it, read as `Redactor.label` reads
    one) exports would replace, each with whose name it reads as: [("bills", "Bill, a short
    form of William"), ("jsmith", "Jo Smith")]. [] where none is there."""
    label = nfc(label)
    spans = Redactor(people=people, identifiers=False).label_spans(label)
    pieces = dict.fromkeys(label[start:stop] for start, stop in spans)
    return [(piece, _whose(piece, label, people)) for piece in pieces]


def _whose(piece: str, label: str, people: Sequence[Person]) -> str:
    """Whose name `piece` of `label` reads as: a listed name ("Grace"), a short form of one
    ("Bill, a short form of William"), or one written inside it or as a user name: only
    those whose own name finds all of `piece` when several share a part ("jsmith" is Jo
    Smith's user name, not Rose Smith's)."""
    listed = names_finder(p.name for p in people)(piece)
    if listed:
        return joined(_as_user_names(piece, sorted(listed)))
    for person in people:
        for form, _ in short_forms(person.name):
            if contains_name(piece, [Person(form)], short=False, any_case=True):
                return f"{form}, a short form of {person.name}"
    found = _found_whole(piece, label, people)
    return joined(_as_user_names(piece, found)) or "a name on the people list"


def _as_user_names(piece: str, names: list[str]) -> list[str]:
    """Of several `names` `piece` reads as, those it holds as a user name (`_as_user_name`)
    if any ("jsmith" is Jo Smith's, not Rose Smith's); else all."""
    return [n for n in names if _as_user_name(piece, n)] or names


def _as_user_name(piece: str, name: str) -> bool:
    """Whether `piece` holds `name` as a user name: its first name or that name's initial and
    its surname, either way round ("jsmith", "smithj", "jo_smith" for Jo Smith)."""
    parts = [_plain(part) for part in _parts(name)]
    if len(parts) < 2 or not parts[0]:
        return False
    letters = "".join(ch for ch in _plain(piece) if ch.isalpha())
    last = parts[-1]
    return any(f + last in letters or last + f in letters for f in (parts[0], parts[0][0]))


def _found_whole(piece: str, label: str, people: Sequence[Person]) -> list[str]:
    """The names of `people` whose own name, alone, finds `piece` whole in `label`."""
    return [
        p.name for p in people
        if piece in [label[a:b] for a, b in Redactor(people=[p], identifiers=False)
                     .label_spans(label)]
    ]


def _searchable(text: str) -> str:
    """`text` as the name patterns search it."""
    return _as_latin(keyed(nfc(text)))


@lru_cache(maxsize=64)
def _group_pattern(group: tuple[str, ...]) -> re.Pattern[str] | None:
    """The pattern of `names_finder` for a group of names, shared by every finder."""
    return _compile_names([Person(n) for n in group], any_case=True, short=False)[0]


def names_finder(names: Iterable[str]) -> Callable[[str], frozenset[str]]:
    """Which of `names` a text holds (as `contains_name` finds them: listed forms, in any
    case), for many names at once. Building a name pattern takes about 0.1 s, so rather than
    one per name there is one per group of names, split in halves only when it finds
    something: a group's pattern finds nothing unless one of its names' patterns does."""
    everyone = tuple(dict.fromkeys(names))

    def found(text: str, group: tuple[str, ...]) -> frozenset[str]:
        regex = _group_pattern(group)
        if not regex or not regex.search(text):
            return frozenset()
        if len(group) == 1:
            return frozenset(group)
        half = len(group) // 2
        return found(text, group[:half]) | found(text, group[half:])

    @cache
    def held(text: str) -> frozenset[str]:
        return found(_searchable(text), everyone)

    return held


# ------------------------------------------------------------------------- review helpers

# A word, with its inner hyphens, apostrophes and ampersands ("A&E" is one word, not two);
# after an opening quote ("said 'Priya rang'") or Markdown emphasis ("_Jide_ rang") too,
# but not after an apostrophe inside a word (the "Neill" of "O'Neill" is not read alone)
_CAPITALISED = re.compile(
    r"(?<![^\W_])(?<!&)(?<![^\W_]['’])[^\W\d_][^\W\d_'’\-&]*(?:[-'’&][^\W\d_]+)*"
)
# (a sentence's end may close a bracket or a quote first: "(Also the garden.) Was it calm?")
# (a writer's own Markdown heading, "### What helped", opens a sentence too)
_SENTENCE_START = re.compile(r"(?:^|[.!?…][)\]\"”’']*\s+|\n\s*(?:#+[ \t]+)?|[\"“(]\s*)$")


# A month's short name is a date, not a name, beside a day or a year ("5 Dec 2026", the
# summary's own alerts; "Sept 3rd"); alone it may be one ("Dec" for Declan, "Jan").
_SHORT_MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+$")
_NUMBER_AFTER = re.compile(r"\.?\s+\d{1,4}\b")


def _in_date(text: str, start: int, end: int) -> bool:
    return text[start:end].casefold() in _SHORT_MONTHS and bool(
        _DAY_BEFORE.search(text, max(0, start - 8), start) or _NUMBER_AFTER.match(text, end)
    )


# The months that are names too (COMMON_WORDS): one that is a listed name, or a part or
# short form of one (May of May Chen, and of Mary and Margaret; June of June Okafor), is not
# replaced where it is the month in a date (see `month_in_date`). Any other listed name is
# replaced in a date too ("Jan" in "3 Jan").
_MONTHS = _words(
    "january february march april may june july august september october november december"
) & COMMON_WORDS
# Before a month that is a date: a day ("3 May", "the 3rd of May"), or a part of the month
# ("early May", "mid-May", "last May", "the end of May"); not "the late May" (who died)
_DAY_OF = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)
_PART_OF_MONTH = re.compile(
    r"(?:\b(the|my|our|his|her|their)\s+)?\b(early|mid|late|last|next|this|every|each"
    r"|(?:end|start|beginning|middle|rest)\s+of)[^\S\n]*-?[^\S\n]*$",
    re.IGNORECASE,
)
# After a month that is a date: a day or a year ("May 3rd", "May 2026", "May, 2026", and a
# file name's "may-2026", "may_2026"), not a count ("rang May 12 times", "gave June 20
# pounds", "June 1:1 went well")
_COUNTED = (
    r"(?!\s*(?:[:×x/.]\d|[x×%](?![^\W\d_])|(?i:times|time|pounds?|quid|pence|p|euros?|dollars?"
    r"|minutes?|mins?|hours?|hrs?|h|seconds?|secs?|days?|nights?|weeks?|wks?|months?|years?"
    r"|yrs?|people|pages?|texts?|calls?|messages?|emails?|miles?|km|kg|percent|per|more|less"
    r"|of)(?![^\W\d_])))"
)
_DAY_OR_YEAR_AFTER = re.compile(
    rf"\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b{_COUNTED}|\.?,?\s+\d{{4}}\b{_COUNTED}"
    r"|[-_](?:19|20)\d\d(?!\d)"
)
# After a month: a holiday in it ("May bank holiday", "May half term", "May Day rally")
_HOLIDAY_AFTER = re.compile(
    r"[^\S\n]+(?i:bank[^\S\n]+holidays?|half[-\s]?terms?|day[^\S\n]+(?:bank[^\S\n]+holiday"
    r"|rally|parade|march|fair))(?![^\W\d_])"
)
# After a month: a verb that only a person's name takes ("May rang", "May arrived", "This May
# came to group"): never the month; "was", "had" may follow either ("3 May was busy")
_PERSON_AFTER = re.compile(rf"\s+(?:{PERSON_VERBS})(?![\w'’])", re.IGNORECASE)
_EITHER_AFTER = re.compile(r"\s+(?:was|wasn't|had|hadn't|did|didn't)(?![\w'’])", re.IGNORECASE)
# Before a month, a verb of giving or calling: "gave June 20", "rang May 12" may be her
_GIVEN_BEFORE = re.compile(
    r"\b(?:gave|give|gives|giving|owe|owed|lent|paid|pay|sent|send|rang|ring|called|call|"
    r"phoned|texted|told|tell|asked|ask|met|saw|visited|emailed|messaged|thanked)\s+$",
    re.IGNORECASE,
)
# Before a month that may be one, or someone ("in May", "since May", "by May"; "I confided
# in May", "helped by May")
_TIME_BEFORE = re.compile(
    r"\b(?:in|since|until|till|through|throughout|during|by|before|after)\s+$", re.IGNORECASE
)
_POSSESSIVE_AFTER = re.compile(r"['’][sS](?![^\W\d_])")


def month_in_date(text: str, start: int, end: int) -> str | None:
    """Whether the word at `start`:`end` of `text` is a month in a date: "date" where it
    can only be ("on 3 May", "May 2026", "early May"), "maybe" where it is most likely the
    month but may be someone ("in May", "by May": not "since May told me", "in May's
    room"), None where it is no such month (`_MONTHS`), or may well be a name ("May rang",
    "I met May"). Redaction keeps the month in either; the export preview flags it in the
    second if it is like a listed name."""
    key = _plain(text[start:end])
    if key not in _MONTHS:
        return None
    before = text[max(0, start - 40) : start]
    if _PERSON_AFTER.match(text, end) and not _EITHER_AFTER.match(text, end):
        return None  # "May rang", "At 9 May arrived late", "This May came"
    # a silent keep must be certain: a day or a part of the month before it, a day or a year
    # after it, and neither a person's verb after it ("3 May was busy" may be her) nor a verb
    # of giving or calling before it ("I rang May 12")
    certain = "maybe" if _EITHER_AFTER.match(text, end) else "date"
    if _HOLIDAY_AFTER.match(text, end):
        return "date"  # "the May bank holiday", "May half term"
    if _DAY_OR_YEAR_AFTER.match(text, end):
        return "maybe" if _GIVEN_BEFORE.search(before) else certain
    if _DAY_OF.search(before):
        return certain
    part = _PART_OF_MONTH.search(before)
    if part and not (part.group(1) and part.group(2).casefold() in ("late", "last")):
        return certain
    after = text[end:]
    if (
        _TIME_BEFORE.search(before) and not _POSSESSIVE_AFTER.match(after)
        and not as_person(text[start:end], after)
    ):
        return "maybe"
    return None


def capitalised_words(text: str) -> list[tuple[int, int]]:
    """Spans of every word that starts with a capital."""
    return [m.span() for m in _CAPITALISED.finditer(text) if m.group(0)[0].isupper()]


def unlisted_capitalised(
    text: str, names: Sequence[str] = (), lower: Iterable[str] = (),
    vocabulary: Iterable[str] = (),
) -> list[tuple[int, int]]:
    """Spans of capitalised words that might be names.

    At a sentence start every word is capitalised, so there a word is left out when it is a
    common word that opens sentences (`common_opener`): one of `SENTENCE_OPENERS`, or a word
    written in lower case elsewhere in `text` or in `lower` (the other texts being exported:
    see `lower_case_words`), or one of the tool's own words in `vocabulary` ("Tender.",
    "Long walk.") or a verb opening a to-do (`IMPERATIVES`: "Check on Margaret.") unless it
    reads as a person (`as_person`: "Long rang me", "Chase rang me"). A name opening
    its sentence ("Kerry was upset") is flagged all the same, and so is a word that looks
    like a short or pet form of one of the listed `names`, however common ("Sammy was
    upset" for Samuel Jones: see `nickname_like`).

    A one-word listed name that is also a word, which redaction left in lower case where
    the sentence makes it the word ("I felt joy" with Joy listed: see `_the_word`), is
    flagged too; and so is a part of a listed name (or a short form) that is a word, left
    in lower case where the sentence says nothing ("frank drinks at night" with Frank Miller
    listed; not "to be frank": see `_lower_part_reading`).

    The export preview highlights these so the writer can spot a name missing from the
    people list. Placeholders like "[person]" are lower case and never flagged.
    """
    known = lower_case_words([text]) | frozenset(lower)
    with_vocabulary = known | frozenset(vocabulary) | IMPERATIVES | INTENSIFIERS
    alone = _words_listed_alone(tuple(names)) | _listed_forms_in(tuple(names), _DRUG_NAMES)
    parts = _word_parts(tuple(names))
    labelled = _LABEL.search(text) is not None
    shouted = _shouting_lowered(text)
    spans = []
    for match in _CAPITALISED.finditer(text):
        word = match.group(0)
        if shouted and _shouted_word(match, shouted[0], with_vocabulary, names):
            continue  # "I WILL NOT GO BACK": NOT, GO, BACK are words, as "not", "go"…
        if labelled and _CUE_OF_LABEL.match(text, match.end()):
            continue  # "Reg plate [vehicle registration]", "IBAN [bank details]": the cue
        if _no_name_to_check(match, with_vocabulary, names):
            continue  # "[person] TOO.", "Unsure.", the "S" of "[person]'S DOG"
        if _a_listed_eponym(text, match, names):
            spans.append(match.span())  # a listed name kept in a thing's ("murphy's law")
            continue
        if word.islower():
            if (alone and _plain(possessor(word)) in alone) or (word in parts and (
                _lower_part_reading(text, match.start(), match.end(), _in_parts(text, parts))
                == _DOUBT
            )):  # a one-word listed name that is a word, left as the word ("I felt joy"),
                # or a part of one in lower case, left as no sentence made it the word
                spans.append((match.start(), match.end()))  # ("frank drinks at night")
            continue
        after = (shouted[0] if shouted else text)[match.end() :]  # ("WILL RANG ME": "rang")
        if (
            not word[0].isupper() or _never_a_name(word)
            or _in_date(text, match.start(), match.end())
            or month_in_date(text, match.start(), match.end()) == "date"
        ):  # in a date ("on 3 May"), even a listed name's May is the month
            continue
        if _always_capitalised(word) and not (
            used_as_name(word, after) or _MET_BEFORE.search(text, 0, match.start())
            or nickname_like(word, names)
        ):  # a month, unless it rings or is met ("April rang", "I met June"), or is listed
            continue
        if _opens_sentence(text, match.start()) and not nickname_like(
            word, names, person=joined_to_a_person(after)  # ("Chase and Kai left")
        ):
            common = known if _opens_as_person(word, after) else with_vocabulary
            if common_opener(word, common) and not used_as_name(word, after):
                continue
        spans.append((match.start(), match.end()))
    return spans


# Words a shouted note has in capitals ("[person] WAS SCREAMING"), besides the common ones
_SHOUTED = _words(
    """
    screaming scream screamed shouting shout shouted yelling yell yelled crying cry cried
    swearing swore sobbing door police help stop leave left argued arguing fight fighting
    kicked hit threw smashed banged slammed ran angry furious drunk late sorry please now never
    always nothing everything everyone nobody told again dog car house room phone
    """
)
# Feelings a one-word answer names ("Alert.", "Unsure.", "Bittersweet."), besides `FEELINGS`
_ONE_WORD_FEELINGS = _words(
    """
    alert unsure bittersweet uneasy restless flat low wired tense edgy irritable conflicted
    torn grounded settled unsettled heavy weary jittery raw tender fine good ok okay better
    worse mixed hopeful useful useless helpless calm tired anxious sad drained frazzled
    focused present connected disconnected awkward proud moved touched humbled
    """
)
_A_SENTENCE_OF_ONE_WORD = re.compile(r"[^\S\n]*(?:[.!…]|$)")


def _no_name_to_check(
    match: re.Match[str], common: frozenset[str], names: Sequence[str]
) -> bool:
    """Whether a capitalised word that `unlisted_capitalised` would flag is surely none: a
    common word in capitals outside a run of them ("[person] AND [person] ARGUED", "TOO"), a
    feeling that is a sentence alone ("Unsure."), or the "S" of a possessive in capitals
    after a placeholder ("[person]'S DOG"). Never a word like a listed name, nor a word that
    is also a name (`COMMON_WORDS`: "MARK", "ROSE", "BROWN")."""
    word, text, start = match.group(), match.string, match.start()
    if word == "S":
        return start > 1 and text[start - 1] in _APOSTROPHES and text[start - 2] == "]"
    if word.startswith("Al") and _KNOWN_COMPOUNDS.fullmatch(word, 2):
        return True  # "Al-Anon": the group (see `_in_a_known_compound`)
    key = _plain(word)
    if len(word) > 1 and word.isupper():
        surely = key in _SHOUTED or common_opener(word, common)
    else:
        surely = (
            word.istitle() and (key in FEELINGS or key in _ONE_WORD_FEELINGS)
            and _A_SENTENCE_OF_ONE_WORD.match(text, match.end()) is not None
            and _opens_sentence(text, start)
        )
    return surely and not (
        key in COMMON_WORDS or key in OTHER_GIVEN_NAMES or nickname_like(word, names)
    )


def _shouted_word(
    match: re.Match[str], lowered: str, common: frozenset[str], names: Sequence[str]
) -> bool:
    """Whether a word in a run of capitals (`_shouting_lowered`) is a common word, as one
    opening a sentence is (`common_opener`), and not like a listed name. A common first name
    ("MARK", "WILL") is that word only where its sentence, read in lower case, makes it so
    (`_lower_part_reading`: "I WILL NOT GO", "I HOPE SO"): the preview is the only guard for
    a name missing from the people list ("SAW ROSE AND MARK TODAY")."""
    word = match.group(0)
    start, end = match.span()
    return (
        lowered[start:end] != word and common_opener(word, common)
        and not nickname_like(word, names)
        and not used_as_name(word, match.string[end:])
        and (_plain(word) not in _FIRST_NAME_WORDS or _lower_part_reading(
            lowered, start, end, _no_parts
        ) == _WORD)
    )


def _no_parts(start: int, end: int) -> bool:
    """No listed part in lower case anywhere (for `_lower_part_reading` of an unlisted word)."""
    return False


def _opens_as_person(word: str, after: str) -> bool:
    """`as_person`, but an intensifier (`INTENSIFIERS`) is taken for a person only when
    possessive or before what only a person does ("Pretty rang"): "Pretty tired", "Bloody
    exhausted" go on with an adjective that looks like a verb's past tense."""
    if opener_key(word) in INTENSIFIERS:
        return POSSESSIVE.search(word) is not None or speaks(after)
    return as_person(word, after)


# After the words that tell an identifier (see `_identifier_rules`: "Case no.", "Reg plate",
# "IBAN"), up to two more of them and the label put in its place.
_LABEL = re.compile(r"\[(?:nhs number|bank details|vehicle registration|reference)\]")
_CUE_OF_LABEL = re.compile(rf"(?:\s+[^\W\d_]+\.?){{0,2}}\s*(?:[:#]\s*)?{_LABEL.pattern}")


@cache
def _words_listed_alone(names: tuple[str, ...]) -> frozenset[str]:
    """The one-word `names` that are also words ("Joy", "Hope"), plain: redaction leaves
    them where the sentence makes them the word ("I felt joy": see `_the_word`)."""
    return frozenset(
        key for name in names if len(_parts(name)) == 1
        and (key := _plain(name)) in COMMON_WORDS
    )


@cache
def _word_parts(names: tuple[str, ...]) -> frozenset[str]:
    """The parts and short forms of `names` that are words, matched alone only when
    capitalised ("frank" of Frank Miller, "will" of William), in lower case: redaction
    leaves them in lower case unless the sentence makes them a person (see
    `_lower_part_reading`)."""
    return frozenset(
        lower for name in names
        for form, case_sensitive in [*name_forms(name), *short_forms(name)]
        if _has_lower_form(form, case_sensitive)
        for lower in (form.lower(), _plain(form))  # "văn", and "van" (`FOLDED_WORDS`)
    )


def part_as_word(text: str, start: int, end: int, names: Sequence[str]) -> bool:
    """Whether the word at `start`:`end` of `text` is a part of one of `names` that is a word,
    in lower case, where the sentence reads it as the word ("I will call" with Will Turner
    listed): not to be counted or highlighted as the name where elsewhere it is in doubt.
    Never drug slang ("the molly was strong" with Mary listed): that word is the drug, or
    Molly, and the writer is asked."""
    word = text[start:end]
    return (
        word.islower() and word not in _DRUG_NAMES and word in _word_parts(tuple(names))
        and _lower_part_reading(text, start, end, _in_parts(text, _word_parts(tuple(names))))
        == _WORD
    )


def _has_lower_form(form: str, case_sensitive: bool) -> bool:
    """Whether a listed form, matched alone only when capitalised (a part or short form that
    is a word), is also matched in lower case (`_LOWER_GROUP`): `_compile_names` and
    `_word_parts` must agree on it for the preview to flag what redaction left."""
    return case_sensitive and len(form) > 1 and form.isalpha()


# A verb before a month that makes it someone: "I met June", "rang April".
_MET_BEFORE = re.compile(
    r"\b(?:met|saw|told|asked|rang|called|texted|phoned|visited|thanked|hugged)\s+$"
)


def _never_a_name(word: str) -> bool:
    """A title ("Dr", "Mrs"), an abbreviation in capitals ("ED"), or a weekday in the plural
    ("Mondays"): no name, wherever it is."""
    key = word.casefold().replace("’", "'")
    return (
        key in TITLES or (word.isupper() and key in ABBREVIATIONS)
        or key.removesuffix("s") in _WEEKDAYS
    )


def _always_capitalised(word: str) -> bool:
    """One of `ALWAYS_CAPITALISED` ("I'm", a month, "NHS"), so its capital says nothing;
    not a name it is in title case ("Ed", "Di": see `ABBREVIATIONS`)."""
    key = word.casefold().replace("’", "'")
    return key in ALWAYS_CAPITALISED and (word.isupper() or key not in ABBREVIATIONS)




def lower_case_words(texts: Iterable[str]) -> frozenset[str]:
    """The words written in lower case somewhere in `texts`, as `common_opener` compares
    them (casefolded, with what they may be inflections of: see `stems`)."""
    return frozenset().union(*map(_lower_case_keys, texts))


class _TextCache:
    """Results kept by the text they are of, least recently used dropped first, bounded by
    the characters of the texts held (a count would let a few huge texts hold much memory)."""

    def __init__(self, compute: Callable[[str], tuple[str, ...]], chars: int) -> None:
        self._compute, self._budget, self._held = compute, chars, 0
        self._kept: OrderedDict[str, tuple[str, ...]] = OrderedDict()

    def __call__(self, text: str) -> tuple[str, ...]:
        found = self._kept.get(text)
        if found is not None:
            self._kept.move_to_end(text)
            return found
        result = self._compute(text)
        if len(text) <= self._budget // 8:  # one text never takes most of it
            self._kept[text] = result
            self._held += len(text) + sum(map(len, result))
            while self._held > self._budget:
                old, value = self._kept.popitem(last=False)
                self._held -= len(old) + sum(map(len, value))
        return result

    @property
    def held(self) -> int:
        """The characters held (texts and results)."""
        return self._held


def _lower_case_keys_of(text: str) -> tuple[str, ...]:
    """`lower_case_words` of one text. A tuple, as a set would take several times the
    memory."""
    return tuple({
        stem for m in _CAPITALISED.finditer(text) if m.group(0)[0].islower()
        and not _a_name_in_lower_case(m)
        for stem in _stems(m.group(0))
    })


# After a word in lower case, what only a person does ("li ming rang", "kai texted")
_SPEAKS_NEXT = re.compile(
    r"[^\S\n]+(?i:rang|texted|phoned|emailed|messaged|said|told|cried|smiled|laughed|shouted"
    r"|arrived|came|called)(?![\w'’])"
)


_ROLES = _words(
    """
    visitor director coordinator member doc tutor head midwife solicitor sergeant bloke fella
    crew admin board council club lol lady guy man woman someone everyone nobody somebody
    anyone anybody chair officer volunteer volunteers receptionist consultant therapist
    counsellor counselor psychologist registrar clinician caseworker pastor coach
    """
)
# Words that join two names ("li and ming rang"): no name typed in lower case before one
_AND_OR = _words("and or")


def _a_name_in_lower_case(match: re.Match[str]) -> bool:
    """Whether a word in lower case (`_lower_case_keys_of`) stands as a name typed so ("li
    ming rang": then "Ming came." is no word written in lower case elsewhere, and is
    flagged): before what only a person does, and no everyday word ("the dog came")."""
    if not _SPEAKS_NEXT.match(match.string, match.end()):
        return False
    text, start = match.string, match.start()
    before = _search_back(_WORD_BEFORE, text, start)
    if not (_opens_sentence(text, start) or (before is not None and before.group(1).islower()
                                             and _plain(before.group(1)) not in _AND_OR
                                             and _a_name_word(_plain(before.group(1))))):
        return False  # ("li ming rang", "ming rang"; not "the coordinator rang")
    key = _plain(match.group())
    return _a_name_word(key)


def _a_name_word(key: str) -> bool:
    """Whether `key` (plain) may be a name typed in lower case: no everyday word."""
    return len(key) > 1 and key.isalpha() and key not in _ROLES and not (
        _an_everyday_word(key) or key in COMMON_WORDS or key in SUBJECTS
        or key in _DETERMINERS or key in _SHORT_WORDS or key in _PEOPLE_NOUNS
        or key.endswith("s")  # ("nurses came", "parents rang")
    )


# Each text's kept: an export's check for names reads each text's words twice (all the texts',
# then each one's own in `unlisted_capitalised`), which was an eighth of a year's export. Up
# to 8M characters (some tens of MB), a large journal's texts.
_lower_case_keys = _TextCache(_lower_case_keys_of, chars=1 << 23)


@lru_cache(maxsize=1 << 14)
def _stems(word: str) -> frozenset[str]:
    """`stems` of a word's `opener_key`, kept: a journal repeats its words."""
    return frozenset(stems(opener_key(word)))


_NICKNAME_PREFIX = 3  # letters a nickname shares with the name: Sam(my), Jon(ny), Liz(zie)


_LABEL_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LABEL_RUN = re.compile(rf"{_LABEL_WORD.pattern}(?:-{_LABEL_WORD.pattern})*")


def nickname_spans(
    label: str, names: Sequence[str], flagged: Iterable[str] = ()
) -> list[tuple[int, int]]:
    """Spans of the words of a label (a tag, a setting: lower case, so capitals say
    nothing) that may be a name: one that looks like a short form of one of the listed
    `names` ("sammy-visit"), a given name of the table of short forms that is no everyday
    word ("ben", "kasia"), or a word `flagged` elsewhere (the tag "priya" beside "Priya and
    Zoë met"; compared as `name_key` does). The spans leave out a possessive's 's. A
    hyphenated run of words flagged whole ("mary-kate" beside "Mary-Kate") is one span, so
    it is named once, as the name it is, and not also as its parts."""
    keys = {name_key(w) for w in flagged}
    spans = []
    for run in _LABEL_RUN.finditer(label):
        whole = possessor(run.group())
        if "-" in whole and name_key(whole) in keys:
            spans.append((run.start(), run.start() + len(whole)))
            continue
        for m in _LABEL_WORD.finditer(label, run.start(), run.end()):
            word = possessor(m.group())
            if (nickname_like(word, names) or name_key(word) in keys or _given_name(word)
                    or a_swapped_word(word, names)):
                spans.append((m.start(), m.start() + len(word)))
    return spans


def a_swapped_word(word: str, names: Sequence[str]) -> bool:
    """Whether `word` is an everyday word that is a listed part with two letters after its
    first swapped (`english_word` or `SWAPPED_WORDS`: "hair" of Hari, "oral" of Orla, "gain"
    of Gian, "bard" of Brad): listed by the preview for the writer to check; kept as the word
    in labels, and in prose unless the sentence makes it a person."""
    return _a_swapped_key(_plain(word), _name_parts(tuple(names)))


def _a_swapped_key(key: str, parts: frozenset[str]) -> bool:
    """`a_swapped_word` of a word's `key` (plain) and the listed `parts` (`_name_parts`);
    the word list is read only for a slip, and most words are passed over by their first
    letter and length (`_swap_shapes`: the preview asks of every word of every text)."""
    return (
        (key[:1], len(key)) in _swap_shapes(parts) and _swapped(key, parts)
        and (key in SWAPPED_WORDS or english_word(key))
    )


@cache
def _swap_shapes(parts: frozenset[str]) -> frozenset[tuple[str, int]]:
    """(first letter, length) of each word `_swapped` may find a slip of one of `parts` in:
    the part's own, and one letter more (a letter typed thrice)."""
    return frozenset((part[:1], len(part) + more) for part in parts for more in (0, 1))


def possessor(word: str) -> str:
    """`word` without a possessive's 's ("Priya's": "Priya"), the name to add."""
    return POSSESSIVE.sub("", word)


_GIVEN_NAMES = frozenset(SHORT_FORMS) | {_plain(f) for fs in SHORT_FORMS.values() for f in fs}


def _given_name(word: str) -> bool:
    key = _plain(word)
    return (
        key in _GIVEN_NAMES and len(key) > 2
        and key not in _WORDLIKE_SHORT_FORMS and key not in SENTENCE_OPENERS
    )


@cache
def name_words() -> frozenset[str]:
    """Every word (plain) that redaction knows as a given name, a short form or a surname:
    the table of short forms, the other given names, the words that are names too, and the
    names a drug or a disease is called by. None of them is in the English word list of the
    label rules (`english_word`; `benchmarks/make_wordlist.py` leaves them out)."""
    return (
        _GIVEN_NAMES | OTHER_GIVEN_NAMES | COMMON_WORDS | FOLDED_WORDS | _DRUG_NAMES
        | _EPONYM_NAMES
    )


# Characters that may be typed in a name and are matched as the same by redaction
# (`_char_pattern`): apostrophes, spaces and dashes, or none.
_NAME_JOINERS = re.compile(rf"[\s{re.escape(_DASHES)}{_NAME_APOSTROPHES}\x00]+")


def name_key(name: str) -> str:
    """`name` as redaction tells names apart: without accents, case, invisible characters,
    apostrophes, spaces and dashes; full-width and look-alike letters as plain Latin ones
    ("O’Neill", "O'Neill" and "ONeill"; "Zoë" and "Zoe" with a zero-width space)."""
    return _NAME_JOINERS.sub("", _as_latin(keyed(nfc(name)))).casefold()


# ----------------------------------------------------------------- scripts without capitals

# Where a letter's Unicode name says its script, what a writer calls it.
_SCRIPT_NAMES = {
    "CJK": "Chinese characters", "HIRAGANA": "Japanese kana", "KATAKANA": "Japanese kana",
    "HANGUL": "Korean Hangul",
}


# Scripts whose letters Unicode gives capitals (category Ll) that prose never uses: Georgian
# (Mtavruli capitals are for headings, never for a name)
_SMALL_ONLY_SCRIPTS = frozenset({"GEORGIAN"})


def caseless_letter(ch: str) -> bool:
    """Whether `ch` is a letter of a script whose prose has no capitals: category Lo
    (Chinese, Arabic, Thai…) or a small letter of `_SMALL_ONLY_SCRIPTS` (Georgian)."""
    return _script(ch) is not None


def _script(ch: str) -> str | None:
    """The script of a letter that has no capitals in prose (see `caseless_letter`), as
    `caseless_runs` names it; None for any other character."""
    category = unicodedata.category(ch)
    if category not in ("Lo", "Ll"):
        return None
    words = unicodedata.name(ch, "").split()
    if not words or words[0] in ("LATIN", "FEMININE", "MASCULINE"):
        return None
    if category == "Ll" and words[0] not in _SMALL_ONLY_SCRIPTS:
        return None
    named = next((_SCRIPT_NAMES[w] for w in words if w in _SCRIPT_NAMES), None)
    return named or f"{words[0].title()} script"


# After a caseless letter, what may go on its run (see `_caseless_or_mark`): a character, or
# the spaces before the run's next word.
_CASELESS_TAIL = re.compile(r"\S|[^\S\n]+")


def caseless_runs(text: str) -> list[tuple[str, str]]:
    """The runs of words in `text` written in a script without capital letters, each with
    that script's name ("王芳", "Chinese characters"; "محمد علي", "Arabic script"). Names in
    them cannot be found by their capitals, so the export preview asks the writer to read
    them."""
    runs: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        script = _script(text[i])
        if script is None:
            i += 1
            continue
        end = i + 1
        while end < len(text):
            m = _CASELESS_TAIL.match(text, end)
            if not m or not _caseless_or_mark(text[m.start():m.end()]):
                break
            end = m.end()
        runs.append((text[i:end].rstrip(" -" + _DASHES), script))
        i = end
    return runs


def _caseless_or_mark(piece: str) -> bool:
    """Whether `piece` (a character, or spaces or a dash) may go on a caseless run."""
    if not piece.strip() or piece in _DASHES:
        return True
    return _script(piece) is not None or unicodedata.category(piece) in ("Mn", "Mc", "Lm", "Cf")


@cache
def _name_parts(names: tuple[str, ...]) -> frozenset[str]:
    """The words of `names` as nicknames are compared with them (keyed, casefolded), but a
    title ("Mrs")."""
    words = (_plain(p) for name in names for p in re.split(r"[\W\d_]+", name))
    return frozenset(w for w in words if w and w not in TITLES)


def nickname_like(word: str, names: Sequence[str], person: bool = False) -> bool:
    """Whether `word` (or a part of a hyphenated one) could be a short or pet form of a part
    of a listed name: "Sam" or "Sammy's" for Samuel Jones, "Zoe" for Zoë. It is in the
    table of short forms ("Bob" for Robert, "Will" for William, "Robert" for Bob), or it
    starts with the part's first three letters (case and accents aside), is at most one
    letter longer, and is not a word that opens English sentences; or it is a part itself
    that redaction left as a word ("Will follow up" with Will Turner listed); or the initials
    of one in capitals ("AM" for Anne-Marie Dubois, "JP" for Jo Patel: `_initials_of`).
    `person`: the word stands where a person does ("Chase rang me"): a to-do verb is then
    like a listed name as any word is ("Chase" for Chace Brown), not the everyday verb."""
    if word.isupper() and word in _initials_of(tuple(names)):
        return True
    if _lower_initials(word, names):
        return True
    parts = _name_parts(tuple(names))
    for piece in re.split(r"[-&]", POSSESSIVE.sub("", word)):
        key = _plain(piece)
        if (
            any(key in _RELATED.get(part, ()) for part in parts)
            or (_starts_like(key, parts, person) and any(_pet_form(key, part) for part in parts))
            or _misspelt(key, _misspellable(parts))
            or (len(key) > 1 and key in parts and not (piece.isupper() and key in ABBREVIATIONS))
        ):
            return True
    return False


# Words of two or three letters, in lower case, that are not a listed name's initials ("am"
# of Anne-Marie, "jo" of…): the words, besides `FUNCTION_WORDS` and `SENTENCE_OPENERS`
_SHORT_WORDS = _words(
    """
    am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we ah eh
    ha hm mm ox ad ma pa ta yo ya aw ow uh um er re ex id pm mr ms dr st gp ae ed tv uk nhs
    ago all and any are ask bad big bit boy but can car cry cut day did die dog eat end far
    few for fun get got had has her him his hot how let lot low mad man may met mum new not
    now odd off old one our out own put ran red run sad sat saw say see she sit six son ten
    the too top try two use was way who why won yes yet you
    """
)


def _lower_initials(word: str, names: Sequence[str]) -> bool:
    """Whether `word` is in lower case the initials of a listed name (`_initials_of`: "mj"
    for Mary-Jane Smith, in "mj rang", the setting "mj's room", the tag "#mj") and no word."""
    if not 2 <= len(word) <= 5 or not word.islower():
        return False
    key = possessor(word)
    return (
        key.isalpha() and 2 <= len(key) <= 3
        and key.upper() in _initials_of(tuple(names))
        and key not in _SHORT_WORDS and key not in FUNCTION_WORDS and key not in SENTENCE_OPENERS
        and key not in COMMON_WORDS
    )


def lower_initials_spans(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the words of `text` that are a listed name's initials in lower case
    (`_lower_initials`), for the export preview to flag as it does "MJ"."""
    if not any(len(name.split()) > 1 or "-" in name for name in names):
        return []
    return [
        (m.start(), m.start() + len(possessor(m.group())))
        for m in _LABEL_WORD.finditer(text) if _lower_initials(m.group(), names)
    ]


def own_initials(word: str, name: str) -> bool:
    """Whether `word` is the initials of `name` in capitals ("SL" of Siân Llywelyn): an alias
    so is the writer's own choice, shown for them, no unknown name to check."""
    return word in _initials_of((name,))


@cache
def _initials_of(names: tuple[str, ...]) -> frozenset[str]:
    """The initials of each of `names` of two parts or more, in capitals: of all its parts
    ("AMD" of Anne-Marie Dubois), of all but the last ("AM"), and of the first and last ("AD")."""
    found = set()
    for name in names:
        letters = [part[0].upper() for part in re.split(r"[\s\-]+", name) if part[:1].isalpha()]
        if len(letters) >= 2:
            found |= {"".join(letters), letters[0] + letters[-1]}
            if len(letters) > 2:
                found.add("".join(letters[:-1]))
    return frozenset(found)


# A listed part whose lower-case misspellings are flagged: this many letters or more, and no
# everyday word (the near misses of "Turner" or "Grace" are words: "tuner", "trace")
_MISSPELT_PART = 5
_LOWER_WORD = re.compile(r"(?<![^\W\d_]['’-])(?<![^\W\d_])[^\W\d_]{4,}(?![^\W\d_]|-[^\W\d_])")


def _compile_misspelt(people: Sequence[Person]) -> tuple[re.Pattern[str], frozenset[str]] | None:
    """A pattern of the words, in either case, that may be a listed part spelt otherwise
    (opening with its first three letters: `_spelt_otherwise`), and the listed parts
    (plain); None with no one listed."""
    parts = frozenset(
        key for p in people for part in re.split(r"[\W\d_]+", p.name)
        if (key := _plain(part)) and key not in TITLES
    )
    openings = _prefixes(parts)
    if not openings:
        return None
    alternatives = "|".join(sorted(map(re.escape, openings), key=len, reverse=True))
    regex = re.compile(
        rf"(?<![^\W\d_]['’-])(?<![^\W\d_])(?:{alternatives})[^\W\d_]*+(?!-[^\W\d_])",
        re.IGNORECASE,
    )
    return regex, parts


def misspelt_names(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the words of `text` written in lower case that may be a listed name's part
    misspelt ("kery" for Kerry, "siobahn" for Siobhan, "ngozii", "priay"): typed with one
    slip (`_one_edit`) after its first two letters, of a part of `_MISSPELT_PART` letters or
    more that is no everyday word; not an everyday word itself. Redaction cannot tell them;
    the export preview lists them, as it does such words capitalised."""
    all_parts = _name_parts(tuple(names))
    if not all_parts:
        return []
    parts = _misspellable(all_parts)

    def misspelt(key: str) -> bool:
        return _misspelt(key, parts) or _spelt_otherwise(key, all_parts) is not None

    # (and one owning something without its apostrophe, "kerris mum", as "Kerris mum" is
    # flagged as a capitalised word); a word found by two of these is listed once
    return list(dict.fromkeys([
        m.span() for m in _LOWER_WORD.finditer(text)
        if m.group().islower() and (misspelt(key := _plain(m.group())) or (
            key.endswith("s") and key not in COMMON_WORDS and misspelt(key[:-1])
        ))
    ] + lower_initials_spans(text, names) + [
        m.span() for m in _CAPITALISED.finditer(text)
        if m.group().islower() and _a_name_in_lower_case(m)  # ("li ming rang")
    ] + short_words_slipped(text, names) + _short_forms_owning(text, names) + [
        m.span() for m in _LOWER_WORD.finditer(text)
        if m.group().islower() and _a_swapped_key(_plain(m.group()), all_parts)  # ("hair")
    ]))


def _slip_owning(text: str, start: int, end: int, key: str, parts: frozenset[str]) -> bool:
    """Whether the word at `start`:`end` of `text` (`key`) is a listed part typed with a slip
    (`_misspelt`: "siobahn" for Siobhan) owning something ("siobahn's mum"), as a part spelt
    otherwise there is ("kerri's mum"): a person's place, in either case. Not after an
    article or a possessive ("the cooker's door", "Mum's cooker's broken" with Cooke listed
    are the word), nor the part with an ending of everyday words (`_WORD_ENDING`: "Cooker's
    broken"). So too with the apostrophe left out before what a person has (`_OWNED_NEXT`:
    "siobahns mum"; not a plural, "the siobahns came")."""
    if not _POSSESSIVE_AFTER.match(text, end) or not _misspelt(key, _misspellable(parts)):
        if not (key.endswith("s") and key[-2:-1] not in _NAME_APOSTROPHES
                and _OWNED_NEXT.match(text, end)):
            return False
        key = key[:-1]  # "siobahns mum": owning, its apostrophe left out ("davids mum" is
        # David's, another's: `OTHER_GIVEN_NAMES`)
        if key in COMMON_WORDS | OTHER_GIVEN_NAMES or not _misspelt(key, _misspellable(parts)):
            return False
    if any(key == part + ending for part in parts for ending in _WORD_ENDING):
        return False
    return _no_owner_before(text, start)


def _no_owner_before(text: str, start: int) -> bool:
    """Whether no determiner or possessive is just before the word at `start` of `text`
    ("the Wills house", "Mum's cooker's": a thing, not one owning it)."""
    if _OWNER_BEFORE.search(text, max(0, start - 40), start):
        return False
    before = _search_back(_WORD_BEFORE, text, start)
    return before is None or before.group(1).casefold() not in _DETERMINERS


# A capitalised word that ends in "s", just before what it may own ("Wills flat")
_OWNER_UNMARKED = re.compile(r"(?<![^\W\d_]['’-])(?<![^\W\d_])[^\W\d_]+[sS]$")


def _unmarked_owners(text: str) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """(what is owned, the word before it ending in "s") of each word of `_OWNED_NEXT` in
    `text` after such a word ("Wills flat", "millers mum"): an owner with its apostrophe
    left out, or a plural ("the cookers broke"), for the rules below to tell."""
    for owned in _OWNED_NEXT.finditer(text):
        owner = _search_back(_OWNER_UNMARKED, text, owned.start())
        if owner is not None:
            yield owned, owner


def _owners_unmarked(
    text: str, parts: frozenset[str], short: frozenset[str]
) -> list[tuple[int, int, str]]:
    """(start, end, `PLACEHOLDER`) of each listed part (plain, in `parts`) or short form that
    exports replace (in `short`: Will of William) capitalised with an "s" and no
    apostrophe before what a person has (`_OWNED_NEXT`; for a short form
    `_OWNED_BY_A_SHORT_FORM`: "Wills flat was cold", "went to Graces house", not "Energy
    Bills Support Scheme"), after no determiner or possessive ("the Wills house"): the
    apostrophe is the commonest slip, and at a sentence's start no other check sees it. Not
    an abbreviation in capitals ("EDS support group", "EDs staff" with Ed listed:
    `ABBREVIATIONS`)."""
    found = []
    for owned, owner in _unmarked_owners(text):
        if not owner.group()[0].isupper():
            continue
        word = _plain(owner.group())
        stem = word[:-2] if word.endswith("es") and word[:-2] in parts | short else word[:-1]
        if stem not in parts and (
            stem not in short or not _OWNED_BY_A_SHORT_FORM.match(text, owned.start())
            or _in_a_title(text, owner.start())
        ):
            continue
        if word[:-1] in ABBREVIATIONS and owner.group()[:-1].isupper():
            continue  # "EDS support group", "EDs staff": the abbreviation (kept and listed)
        if _no_owner_before(text, owner.start()):
            found.append((owner.start(), owner.end(), PLACEHOLDER))
    return found


def _short_forms_owning(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the short forms of `names` capitalised with an "s" before what a person has
    (`_OWNED_NEXT`) that `_owners_unmarked` may keep ("Wills care plan", "Household Bills
    Team", "Bills plan"), and of a listed part or short form in lower case with an "s"
    before kin or a friend (`_OWNED_IN_LOWER_CASE`: "millers mum"): the preview lists
    them, where one left is still there."""
    short = _short_keys_of(tuple(names))
    parts = _name_parts(tuple(names)) | short
    found = []
    for _, owner in _unmarked_owners(text):
        if _plain(owner.group())[:-1] not in parts:
            continue
        if (owner.group()[0].isupper() and _plain(owner.group())[:-1] in short) or (
            owner.group().islower() and _OWNED_IN_LOWER_CASE.match(text, owner.end())
        ):  # ("millers mum rang": a surname, kept in lower case, listed)
            found.append(owner.span())
    return found


@lru_cache(maxsize=64)
def _short_keys_of(names: tuple[str, ...]) -> frozenset[str]:
    """The short forms of `names` (plain: "will", "bill" of William), once per people list."""
    return frozenset(_plain(form) for name in names for form, _ in short_forms(name))


def _in_a_title(text: str, start: int) -> bool:
    """Whether a capitalised word is just before `start` of `text`, in the sentence: a title
    or a service's name ("Household Bills Team", "Polka Dots School"), kept and listed."""
    before = _search_back(_WORD_BEFORE, text, start)
    return before is not None and before.group(1)[:1].isupper() and not _opens_sentence(
        text, before.start(1)
    )


# Letters that make an everyday word of a name typed whole before them ("cooker" of Cooke,
# "parked" of Parke): no slip of the keys
_WORD_ENDING = ("r", "s", "d")
# The word before another, joined to it by "and" or "or" (see `_after_a_thing`; a comma
# may end a clause: "when she leaves, towen said")
_JOINED_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]++)[^\S\n]+(and|or)[^\S\n]+$", re.IGNORECASE)
# Everyday words of these lists: one joined by "or" to a word that may be a user name makes
# the pair alternatives of one kind ("Fight or flee kicked in"); a word not known to be one
# may be a name ("Kai or flee kicked in", "mchen or flee came": people, both)
_EVERYDAY = (
    BARE_VERBS | AFTER_A_SUBJECT | IMPERATIVES | FEELINGS | ANSWER_WORDS | FUNCTION_WORDS
    | SENTENCE_OPENERS
)


def _an_everyday_word(plain: str) -> bool:
    """Whether `plain` (in lower case) is an everyday word of `_EVERYDAY`, or an inflection of
    one (`common_opener`), and no given name."""
    if plain in NAME_WORDS or plain in OTHER_GIVEN_NAMES:
        return False
    return plain in _EVERYDAY or common_opener(plain)


def _any_of(words: frozenset[str], any_case: bool = True) -> re.Pattern[str]:
    """One of `words`, whole, after spaces (what a word before it may own: `_OWNED_NEXT`)."""
    alternatives = "|".join(sorted(words))
    return re.compile(rf"[^\S\n]+(?{'i' if any_case else ''}:{alternatives})(?![\w'’])")


# Words for a person (with `_OWNED_THINGS`, what one owns: see `_OWNED_NEXT`)
_PEOPLE_NOUNS = _words(
    """
    mum mam mom mummy mother dad daddy father parent parents nan nana nanna gran granny grandma
    grandad grandpa grandmother grandfather sister brother sibling son daughter kid kids
    children child baby family aunt auntie uncle cousin niece nephew partner wife husband
    boyfriend girlfriend ex friend friends mate carer worker keyworker nurse doctor gp
    psychiatrist boss landlord neighbour manager colleague colleagues staff team teacher
    """
)
_OWNED_THINGS = _words(
    """
    house flat room home place phone number dog cat birthday funeral wedding appointment social
    support care plan meds medication case file notes review benefits name address school job
    car office
    """
)
# Just before a word, a possessive owning it ("Mum's cooker's")
_OWNER_BEFORE = re.compile(r"[^\W\d_]['’][sS][^\S\n]+$")
# What a person has, after one owning it with the apostrophe left out ("siobahns mum", as a
# plural is not: "the cookers broke"; see `_slip_owning`)
_OWNED_NEXT = _any_of(_PEOPLE_NOUNS | _OWNED_THINGS)
# What a short form (Bill of William) owns with the apostrophe left out: not a thing the
# word's plural goes before ("Energy Bills Support Scheme", "Wills review with the
# solicitor", "Bills case", "Bills plan", "Kits room"), kept as before and listed by the
# preview, unless a person's role follows ("Wills support worker rang")
_PLURAL_BEFORE = _words(
    "support review case file notes benefits number name plan care team school room"
)
_ROLE_AFTER = _any_of(_words("worker workers officer"), any_case=False)
_OWNED_BY_A_SHORT_FORM = re.compile(
    rf"{_any_of((_PEOPLE_NOUNS | _OWNED_THINGS) - _PLURAL_BEFORE).pattern}"
    rf"|{_any_of(_PLURAL_BEFORE).pattern}(?={_ROLE_AFTER.pattern})"
)
# Owned in lower case ("franks mum", listed for the writer to check: `_short_forms_owning`):
# kin or a friend only; a word's plural goes before the rest ("energy bills support", "other
# wards staff", "brought roses home", "village halls family day", "painted dots room")
_OWNED_IN_LOWER_CASE = _any_of(
    _PEOPLE_NOUNS - _words(
        """staff team colleague colleagues manager boss landlord worker keyworker nurse doctor gp
        psychiatrist teacher neighbour carer family"""
    ),
    any_case=False,
)


# A word, with an apostrophe inside ("O'Neil"), not one of "'s" ("Kerri's")
_SLIP_WORD = re.compile(
    r"(?<![^\W\d_]['’-])(?<![^\W\d_])[^\W\d_]+(?:['’](?![sS](?![^\W\d_]))[^\W\d_]+)?"
    r"(?![^\W\d_]|['’-][^\W\d_])"
)
# After such a word, what tells a person with an aside between: "Kerri, who was tired, left"
# ("who" alone tells it), "Kerri (as she typed it) said"
_WHO_AFTER = re.compile(r"[^\S\n]*,[^\S\n]*who(?![\w'’])", re.IGNORECASE)
_ASIDE_AFTER = re.compile(r"[^\S\n]*\([^()\n]{1,60}\)")
# Letters a listed part needs for a slip of the keys in it to be replaced where a person
# stands: 3 for two letters swapped or one typed twice ("Hpoe", "Grcae", "Zeo", "Willl"),
# `_MISSPELT_PART` for any other slip
_SWAPPED_PART = 3


def _slip_parts(people: Sequence[Person]) -> frozenset[str]:
    """Each listed name's parts (plain), and each word of it with its apostrophes and
    hyphens taken out ("oneill", "annemarie"), but titles."""
    words = {word for p in people for word in p.name.split()}
    parts = {_plain(piece) for word in words for piece in re.split(r"[\W\d_]+", word)}
    parts |= {_plain(re.sub(r"[\W\d_]+", "", word)) for word in words}
    return frozenset(part for part in parts if len(part) >= _SWAPPED_PART and part not in TITLES)


@lru_cache(maxsize=64)
def _slip_parts_of(names: tuple[str, ...]) -> frozenset[str]:
    """The `_slip_parts` of three letters of the people of `names` (those a slip may make an
    English word of: `_a_short_word`), worked out once per people list."""
    return frozenset(part for part in _slip_parts([Person(name) for name in names])
                     if len(part) == _SWAPPED_PART)


def _slips_of_the_keys(text: str, parts: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, `PLACEHOLDER`) of each word of `text` that is a listed part typed with one
    slip ("Brenan", "O'Neil", "Patle"; two letters swapped for a part that is a word, "Grcae",
    "Hpoe") where a person stands, after no determiner ("Brenan rang", "met Patle",
    "Kerri, who was tired, left"; not "the weight was" for Wright); never an everyday or
    other given name, nor an English word of three letters opening a sentence (`_a_short_word`:
    "Oil went everywhere" with Oli listed; the preview lists it: `short_words_slipped`)."""
    found = []
    slips = []
    for m, key in _slip_words(text, parts):
        slips.append((m.span(), key))
        if (_slip_at_a_person(text, m) or _a_short_slip_doing(text, m, key)) and not (
            _a_short_word(text, m, key)
        ):
            found.append((*m.span(), PLACEHOLDER))
    return _slips_everywhere(found, slips)


def _slip_words(text: str, parts: frozenset[str]) -> list[tuple[re.Match[str], str]]:
    """Each word of `text` that is a listed part (of `parts`) typed with one slip
    (`_slipped`), with its key; one of three letters only capitalised ("Zeo")."""
    if not parts:
        return []
    firsts = {part[0] for part in parts}
    shortest, longest = min(map(len, parts)) - 1, max(map(len, parts)) + 2
    words = []
    for m in _SLIP_WORD.finditer(text):
        word = m.group()
        if not shortest <= len(word) <= longest or word[0].casefold() not in firsts:
            continue
        key = _plain(word.replace("'", "").replace("’", ""))
        if key in parts or not _slipped(key, parts) or (len(key) < 4 and not word.istitle()):
            continue  # (a word of three letters, a slip of a part's, only capitalised: "Zeo")
        words.append((m, key))
    return words


def _slip_at_a_person(text: str, m: re.Match[str]) -> bool:
    """Whether the slip `m` of `text` stands where a person does, after no determiner."""
    if not (_a_person_or_aside(text, *m.span()) or _SLIP_BEING.match(text, m.end())):
        return False
    before = _search_back(_WORD_BEFORE, text, m.start())
    return before is None or before.group(1).casefold() not in _DETERMINERS


def _a_short_word(text: str, m: re.Match[str], key: str) -> bool:
    """Whether the slip `m` (`key`) of a listed part of three letters is an English word
    (`THREE_LETTER_WORDS`: "Oil" of Oli) opening a sentence, where its capital says nothing,
    before a verb a thing does too (`THING_VERBS`) with what only a thing's clause has after
    it (`_THINGS_AFTER`: "Oil went everywhere", "Oil was on the floor", "Aim was to help").
    Privacy first: not what a person does (`_a_persons_doing`: "Oil said", "Oil was upset"
    are Oli; so is "Oil, Ari and I left", with no verb after it), nor any other clause
    ("Ail went to see her mum", "Ail got sectioned", "Ail was drunk", "Ail left in tears")."""
    if key not in THREE_LETTER_WORDS or not _opens_sentence(text, m.start()):
        return False
    verb = _PERSON_AFTER.match(text, m.end())
    return (
        verb is not None and verb.group().strip().casefold() in THING_VERBS
        and not _a_persons_doing(text, m.end()) and _things_clause(text, verb)
    )


def _a_short_slip_doing(text: str, m: re.Match[str], key: str) -> bool:
    """Whether the slip `m` (`key`) of a listed part of three letters is an English word
    opening a sentence before a verb ("Ail was high", "Ail was sectioned"): the person,
    privacy first, unless the clause is a thing's (`_a_short_word`)."""
    return (
        key in THREE_LETTER_WORDS and _opens_sentence(text, m.start())
        and _PERSON_AFTER.match(text, m.end()) is not None
    )


def _things_clause(text: str, verb: re.Match[str]) -> bool:
    """Whether the verb `verb` of `text` and what follows it are only a thing's: a verb only
    a liquid's ("spilled", "leaked"), or `_THINGS_AFTER` next ("went everywhere")."""
    word = verb.group().strip().casefold()
    return word in _A_LIQUIDS_VERB or _THINGS_AFTER.match(text, verb.end()) is not None or (
        word == "was" and _TO_DO_AFTER.match(text, verb.end()) is not None  # "Aim was to help"
    )


_TO_DO_AFTER = re.compile(r"[^\S\n]+to[^\S\n]+(?!see|visit|stay)[^\W\d_]+(?![\w'’])")
_A_LIQUIDS_VERB = _words("spilled spilt leaked dripped splashed melted boiled")
# After a verb, what only a thing's clause has ("went everywhere", "came in through the
# window", "ran down the wall", "was on the floor", "was hot")
_THINGS_AFTER = re.compile(
    r"[^\S\n]+(?:everywhere|all[^\S\n]+over|(?:in[^\S\n]+)?through[^\S\n]+the"
    r"|down[^\S\n]+the[^\S\n]+(?:wall|walls|sink|drain|side|sides)"
    r"|on[^\S\n]+the[^\S\n]+(?:floor|carpet|table|worktop|counter|hob|cooker|rug|ground)"
    r"|(?:(?:so|too|very|really)[^\S\n]+)?(?:hot|cold|warm|thick|sticky|greasy|fresh|stale"
    r"|cheap|expensive|everywhere))(?![\w'’])",
    re.IGNORECASE,
)


def _a_persons_doing(text: str, end: int) -> bool:
    """Whether what follows `end` of `text` is what a person does: speaks (`speaks`), "who",
    a person's verb a thing does not do (`PERSON_VERBS` but `THING_VERBS`: "spoke", "hugged",
    "explained"), one done to someone ("got me", "took her home"), being or feeling a way
    ("was upset", "felt low") or coming round. Privacy first: "Oil was upset" is Oli; "Oil
    went everywhere", "Oil was on the floor" are the word."""
    if speaks(text[end : end + 40]) or _WHO_AFTER.match(text, end) or _BEING_OR_VISITING.match(
        text, end
    ):
        return True
    verb = _PERSON_AFTER.match(text, end)
    if verb is None:
        return False
    word = verb.group().strip().casefold()
    return word not in THING_VERBS or (
        word not in _WAS_OR_HAD and _DONE_TO_SOMEONE.match(text, verb.end()) is not None
    )


_WAS_OR_HAD = _words("was wasn't had hadn't did didn't")  # ("Oil was her…": no one done to)
# After a word, how a person is or feels ("was upset", "felt so low"), or a visit ("came round")
_BEING_OR_VISITING = re.compile(
    rf"[^\S\n]+(?:(?:was|is|felt|feels|seemed|looked)(?:[^\S\n]+(?:so|very|really|a\s+bit))?"
    rf"[^\S\n]+(?:{'|'.join(sorted(FEELINGS | _words('low down teary tearful crying')))})"
    r"|came[^\S\n]+(?:round|over|to[^\S\n]+see))(?![\w'’])",
    re.IGNORECASE,
)
# After a verb, someone it is done to ("hugged me", "took her home")
_DONE_TO_SOMEONE = re.compile(r"[^\S\n]+(?:me|us|him|her|them)(?![\w'’])", re.IGNORECASE)


def short_words_slipped(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the words of `text` that `_slips_of_the_keys` keeps as English words of three
    letters where a person would stand ("Oil went everywhere", with Oli listed): the export
    preview lists them for the writer to check."""
    parts = _slip_parts_of(tuple(names))
    if not parts:  # (most people lists: no part of three letters to slip into a word)
        return []
    return [
        m.span() for m, key in _slip_words(text, parts)
        if _slip_at_a_person(text, m) and _a_short_word(text, m, key)
    ]


@lru_cache(maxsize=4096)
def _slipped(key: str, parts: frozenset[str]) -> bool:
    if _swapped(key, parts):
        return True
    return _a_slip(key) and any(
        key[0] == part[0] and len(part) >= _MISSPELT_PART and part not in COMMON_WORDS
        and _one_edit(key, part) for part in parts
    )


@lru_cache(maxsize=4096)
def _swapped(key: str, parts: frozenset[str]) -> bool:
    """Whether `key` is one of `parts` with a doubled letter typed thrice ("Willl") or two
    letters after its first swapped ("Grcae", "Zeo"), and may be a slip (`_a_slip`)."""
    if not _a_slip(key):
        return False
    if any(_typed_twice(key, part) for part in parts):
        return True  # "Willl", "Gracce": a letter typed twice
    for part in parts:
        if key[0] != part[0] or len(key) != len(part):
            continue
        i = _shared(key, part)
        if key[i : i + 2] == part[i : i + 2][::-1] and key[i + 2 :] == part[i + 2 :]:
            return True
    return False


def _a_slip(key: str) -> bool:
    """Whether `key` may be a slip of a listed part: no word of the lists a slip is not."""
    return not (
        key in COMMON_WORDS or key in SENTENCE_OPENERS or key in FEELINGS or key in FUNCTION_WORDS
        or key in OTHER_GIVEN_NAMES or key in _NO_USER_NAME or len(key) < _SWAPPED_PART
    )


# After a slip of the keys, "was" and how a person was ("Grcae was tearful", "Siobahn was
# upset"): the person, where "was" alone may be a thing's ("Weight was": `_EITHER_AFTER`)
_SLIP_BEING = re.compile(
    r"[^\S\n]+(?i:was|wasn't|seemed|looked|felt)[^\S\n]+(?:(?i:very|so|really|quite|too|still"
    r"|clearly|a[^\S\n]+bit|visibly)[^\S\n]+)?(?i:"
    + "|".join(sorted(FEELINGS | _words(
        "tearful crying sobbing distressed agitated withdrawn quiet furious livid devastated "
        "gutted chatty cheerful unwell poorly drunk late"
    ))) + r")(?![\w'’])"
)


def _typed_twice(key: str, part: str) -> bool:
    """Whether `key` is `part` with a doubled letter of it typed three times ("willl" for
    Will): one typed twice is too often a word ("been" of Ben, "hall" of Hal)."""
    return len(key) == len(part) + 1 and any(
        key == part[: i + 1] + part[i:] for i in range(len(part) - 1) if part[i] == part[i + 1]
    )


def _slips_everywhere(
    found: list[tuple[int, int, str]], slips: list[tuple[tuple[int, int], str]]
) -> list[tuple[int, int, str]]:
    """`found`, and every other of `slips` (span, key) with the key of one found: a slip
    replaced where the sentence makes it a person is replaced everywhere else in the text,
    in either case ("grcae rang me" and then "Grcae" before)."""
    keys = {key for (start, _), key in slips if any(start == f[0] for f in found)}
    done = {f[0] for f in found}
    return found + [
        (start, end, PLACEHOLDER) for (start, end), key in slips
        if key in keys and start not in done
    ]


def _a_person_or_aside(text: str, start: int, end: int) -> bool:
    """`_a_person_here`, with an aside before the person's verb allowed ("Kerri (as she typed
    it) said"), or "who" after it; a person's verb that may be a thing's ("was", "had") is
    not enough alone ("Weight was": see `_EITHER_AFTER`)."""
    if _WHO_AFTER.match(text, end):
        return True
    aside = _ASIDE_AFTER.match(text, end)
    after = aside.end() if aside else end
    if _EITHER_AFTER.match(text, after) and not _PERSON_BEFORE.search(
        text, max(0, start - 40), start
    ):
        return False
    return _a_person_here(text, start, after)


def _spelt_otherwise(key: str, parts: frozenset[str]) -> str | None:
    """The listed part (plain) that `key`, a word in lower case and no everyday word, is
    another spelling of, the way a name is misheard or its ending changed: "kerri", "keri"
    and "kerrie" for Kerry, "zoey" for Zoë, "declen" for Declan. It shares the part's first
    three letters and all but its last two at most (`_shared`), and then ends in vowels (or
    "y") where the part ends otherwise, or in a vowel and "n" where the part does ("declen").
    Words end otherwise ("mood" is no Moore, "laugh" no Laura, "turn" no Turner, "fraud" no
    Frank); None for any other word, and for a listed part itself (the redactor reads those)."""
    if key[:_NICKNAME_PREFIX] not in _prefixes(parts) or key in parts:
        return None
    if key in COMMON_WORDS or key in SENTENCE_OPENERS or key in FEELINGS:
        return None
    return next((part for part in sorted(parts) if _another_ending(key, part)), None)


def _another_ending(key: str, part: str) -> bool:
    shared = _shared(key, part)
    if shared < _NICKNAME_PREFIX or len(part) - shared > 2:
        return False
    ends, part_ends = key[shared:], part[shared:]
    if not ends or ends == part_ends:
        return False
    vowels = "aeiouy"
    if all(ch in vowels for ch in ends) and len(ends) <= 2:
        return True
    return len(ends) == 2 == len(part_ends) and ends[0] in vowels and ends[1] == part_ends[1] == "n"


@cache
def _prefixes(parts: frozenset[str]) -> frozenset[str]:
    """The first three letters of each of `parts`, to pass over most words at once."""
    return frozenset(p[:_NICKNAME_PREFIX] for p in parts if len(p) >= _NICKNAME_PREFIX)


@cache
def _misspellable(parts: frozenset[str]) -> tuple[str, ...]:
    """The listed parts whose misspellings are flagged (see `misspelt_names`), worked out
    once per people list (`nickname_like` asks for every word it checks)."""
    return tuple(
        p for p in sorted(parts) if len(p) >= _MISSPELT_PART and p not in COMMON_WORDS
        and p.isalpha()
    )


def _misspelt(key: str, parts: Iterable[str]) -> bool:
    if key in SENTENCE_OPENERS or key in COMMON_WORDS or key in FEELINGS:
        return False
    return any(key != part and key[:2] == part[:2] and _one_edit(key, part) for part in parts)


# The rows of a QWERTY keyboard, each set half a key right of the one above
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keys_beside(row: int, at: int) -> frozenset[str]:
    """The letters beside the key at `at` of `_ROWS[row]`: in its row, and above and below."""
    spots = [(row, at - 1), (row, at + 1), (row - 1, at), (row - 1, at + 1),
             (row + 1, at - 1), (row + 1, at)]
    return frozenset(
        _ROWS[r][i] for r, i in spots if 0 <= r < len(_ROWS) and 0 <= i < len(_ROWS[r])
    )


# The letters a slip of the finger types for each letter
_BESIDE = {ch: _keys_beside(r, at) for r, keys in enumerate(_ROWS) for at, ch in enumerate(keys)}


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` is `b` typed with one slip: a letter added or dropped, two beside each
    other swapped, or one changed for a key beside it ("weight" for Wright; not "panel" for
    Patel, a word)."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = _shared(a, b)
    if len(a) == len(b):
        swapped = a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:]
        return swapped or (a[i + 1:] == b[i + 1:] and a[i] in _BESIDE.get(b[i], ()))
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _shared(a: str, b: str) -> int:
    """How many letters `a` and `b` start with in common."""
    differs = (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
    return next(differs, min(len(a), len(b)))


def _pet_form(key: str, part: str) -> bool:
    """Whether `key` ends as a pet form of `part` would after what they share: in at most two
    letters ("Sammy", "Kerri", "Mari"), or three after a doubled letter ("Sammie"); not
    "market" or "markup" for Maria."""
    shared = _shared(key, part)
    rest = key[shared:]
    return len(rest) <= 2 or (len(rest) == 3 and rest[0] == key[shared - 1])


def _starts_like(key: str, parts: Iterable[str], person: bool = False) -> bool:
    """Whether `key` (plain: see `_plain`) starts like one of `parts` and is at most one
    letter longer (see `nickname_like`), and is not a word that opens sentences, nor an
    inflection of one (`common_opener`: "Walked" for Walker), nor a to-do verb unless it
    stands as a `person` ("Check" is none of Chen; "Chase rang me" may be Chace)."""
    if len(key) < _NICKNAME_PREFIX or key.replace("’", "'") in SENTENCE_WORDS:
        return False
    if (common_opener(key) or (key in IMPERATIVES and not person)) and key not in parts:
        return False  # "Walked" is no pet form of Walker, "Check" none of Chen: a word
    return any(
        key[:_NICKNAME_PREFIX] == part[:_NICKNAME_PREFIX] and len(key) <= len(part) + 1
        for part in parts
    )


# ------------------------------------------------------------------------- the people list

MAX_NAME_CHARS = 100

# The English words of one letter, as they are written in a sentence: a name of one of these
# letters would take the word with it ("[person] nurse came in" for A), so none is listed.
_ONE_LETTER_WORDS = {"a": "a", "i": "I", "o": "O"}


def initial(name: str) -> str | None:
    """The letter of a name of one letter ("J", "J."), as a capital; None for any other.
    Such a name is written as an initial ("J said…"), so redaction takes only that capital
    standing alone (and its full stop before a word in lower case: see `_name_end`): not
    "j", and not inside a word. Only a letter with a capital: a name of one character in a
    script without (Thai "ก", Chinese "林") is matched as any name is."""
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) != 1 or not (letters[0].isupper() or letters[0].islower()):
        return None
    capital = letters[0].upper()
    return capital if len(capital) == 1 else None


def one_letter_word(text: str) -> str | None:
    """The English word ("a", "I", "O") that a name of one letter is too ("A", "i."), or an
    alias of only that letter; None for any other text."""
    letter = initial(text)
    return _ONE_LETTER_WORDS.get(letter.casefold()) if letter else None


def one_letter_word_note(name: str, hint: Callable[[str], str] = plain_hint) -> str | None:
    """A note on a listed name that is a word of one letter (listed before such names were
    refused, or restored from a backup), with `hint` making the command that takes it off;
    None for any other name."""
    word = one_letter_word(name)
    if word is None:
        return None
    return (
        f"Note: {name!r} is also the word {word!r}: exports replace it wherever it stands "
        f"alone as a capital. Take it off ({hint(f'people remove {name}')}) and add the full "
        "name instead."
    )


def check_name(raw: str, kept: bool = False) -> str:
    """A listed name, tidied: one line, single spaces, at least one letter, an initial
    ("j") as a capital. A `kept` name (read from a backup, or one already listed) is held
    only to the rule names had before bidi characters were refused (`refuse_control`): a
    backup always imports, and a name listed so can still be given an alias."""
    from peerjournal.errors import PeerJournalError

    name = " ".join(nfc(raw).split())
    refuse_control(name, "A name", kept)
    if not any(ch.isalpha() for ch in name):
        raise PeerJournalError(f"{raw!r} is not a name: it needs at least one letter.")
    if len(name) > MAX_NAME_CHARS:
        raise PeerJournalError(f"A name can be at most {MAX_NAME_CHARS} characters.")
    return name.upper() if initial(name) else name


# characters that turn the text after them around (embeddings, overrides, isolates: U+202E
# shows "Maria\u202eLopez" as "MariazepoL"); not the marks (U+200E, U+200F) nor ZWNJ (Persian)
_BIDI_FORMATTING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def refuse_control(text: str, what: str, kept: bool = False) -> None:
    """Refuse `what` ("A name", "An alias") when `text` holds a control character (ESC, BEL,
    NUL …), a line or paragraph separator or a character that turns text around
    (`_BIDI_FORMATTING`): an export would show it unseen, as an escape code, as a line break,
    or show the words about it in another order. Text `kept` (a backup's, a listed name),
    which older versions took, only for a control character."""
    from peerjournal.errors import PeerJournalError

    refused = ("Cc",) if kept else ("Cc", "Zl", "Zp")
    if any(unicodedata.category(ch) in refused or (ch in _BIDI_FORMATTING and not kept)
           for ch in text):
        raise PeerJournalError(
            f"{what} cannot hold control characters (such as a pasted escape code): "
            "type it again."
        )


def check_alias(name: str, alias: str | None, others: Sequence[Person]) -> None:
    """Refuse an alias that would itself reveal a listed name, or a name hidden in an alias,
    or that holds a control character (as a name cannot: `check_name`)."""
    from peerjournal.errors import PeerJournalError

    refuse_control(alias or "", "An alias")
    reason = alias_reveals(name, alias, others)
    if reason:
        raise PeerJournalError(f"The alias {alias!r} {reason}; choose one that doesn't.")
    other = alias_naming(name, others)
    if other:
        raise PeerJournalError(
            f"{other.name}'s alias {other.alias!r} contains {name!r}; change that alias first "
            "(`peerjournal people add NAME --alias TEXT`)."
        )


def alias_naming(
    name: str, others: Sequence[Person], held: Callable[[str], frozenset[str]] | None = None
) -> Person | None:
    """The first of `others` whose alias holds `name` (as it is printed: in any case);
    `held` is a `names_finder` that knows `name`, shared by many calls."""
    held = held or names_finder([name])
    return next((other for other in others if other.alias and name in held(other.alias)), None)


def unusable_aliases(people: Sequence[Person]) -> dict[str, str]:
    """Why the alias of each of `people` that cannot stand for them cannot (`alias_reveals`:
    it holds their name, or the name of another of them), by name: such an alias gets onto
    the list only from a backup (a name added after the alias naming it: "friend of Kim" for
    Alex Brown, then Kim) or a list kept before aliases were checked. Redaction shows
    [person] instead, as `people list` says."""
    return dict(_unusable_aliases(tuple(people)))  # (a copy: the cached one is shared)


@lru_cache(maxsize=8)
def _unusable_aliases(people: tuple[Person, ...]) -> dict[str, str]:
    """`unusable_aliases`, once per people list (each `Redactor` asks)."""
    aliased = [p for p in people if p.alias and p.alias.strip()]
    if not aliased:
        return {}
    held = names_finder(p.name for p in people)
    return {
        p.name: reason for p in aliased
        if (reason := alias_reveals(p.name, p.alias, people, held))
    }


def alias_reveals(
    name: str, alias: str | None, others: Sequence[Person],
    held: Callable[[str], frozenset[str]] | None = None,
) -> str | None:
    """Why `alias` cannot stand for `name` ("contains the name Lee itself, so it would not
    hide it"; "names Sam Jones, who is on the people list"), or None when it can: it holds
    a form of `name` or of one of `others` (listed forms, not short ones). `held` is a
    `names_finder` that knows `name` and the names of `others`, shared by many calls."""
    if not alias:
        return None
    found = (held or names_finder([name, *(p.name for p in others)]))(alias)
    # in any case: an alias is printed as it is, and "will" names Will Turner as "Will" does
    if name in found:
        # every word of the name (as redaction finds words: "Ѕаm" in Cyrillic letters is Sam)
        whole = all(
            contains_name(alias, [Person(part)], short=False, any_case=True)
            for part in name.split()
        )
        what = f"the name {name} itself" if whole else f"part of the name {name}"
        return f"contains {what}, so it would not hide it"
    named = [p.name for p in others if name_key(p.name) != name_key(name) and p.name in found]
    if not named:
        return None
    who = "who is" if len(named) == 1 else "who are"
    return f"names {joined(named)}, {who} on the people list"


def name_warnings(name: str, alias: str | None = None) -> list[str]:
    """What the writer should know about how this name will be matched, and about an alias
    that looks like a form of the name itself (a nickname: "Sammy" for Sam Jones), which
    exports would print as it is."""
    warnings = []
    letter = initial(name)
    if letter:
        warnings.append(
            f"Note: {name!r} is taken as an initial: exports replace a capital {letter} standing "
            f"alone ('{letter} said', \"{letter}'s\"), not '{letter.lower()}' or one inside a "
            "word. Add the full name too if you ever write it."
        )
    if alias and _looks_like_the_name(name, alias):
        warnings.append(
            f"Note: the alias {alias!r} is printed in exports in place of the name, so it "
            "should not identify them. If it is another name they go by, add it as a name "
            "of its own (`peerjournal people add NAME`) and choose an alias such as initials "
            "or 'my mentee'."
        )
    parts = name.split()
    for part in parts:
        meaning = ABBREVIATIONS.get(_plain(part))
        if meaning and not part.isupper():
            capitals = part.upper()
            warnings.append(
                f"Note: {capitals!r} is also an abbreviation ({meaning}), so exports replace "
                f"{part!r} but not {capitals!r}. If you write their name in capitals, list it "
                f"as {capitals} instead: then {capitals} is replaced wherever it is."
            )
    if len(parts) == 1 and (name.casefold() in COMMON_WORDS or _plain(name) in MODALS):
        warnings.append(_word_name_note(name))
    short = short_forms(name)
    if short:
        capitalised = [form for form, case_sensitive in short if case_sensitive]
        months = [form for form in capitalised if _plain(form) in _MONTHS]
        dates = f"; {joined(months)} not as the month in a date ('on 3 May')" if months else ""
        # (in lower case, where the sentence makes one a person: `_lower_part_reading`)
        lower = f"'met {capitalised[0].casefold()}'" if capitalised else ""
        only = (f" ({joined(capitalised)} in lower case only where the sentence makes "
                f"{'it' if len(capitalised) == 1 else 'them'} a person, as in {lower}{dates})"
                if capitalised else "")
        forms = "a short form" if len(short) == 1 else "short forms"
        warnings.append(
            f"Note: exports also replace {joined([form for form, _ in short])}, {forms} "
            f"of {name}{only}. Add any other name they go by with `peerjournal people add NAME`."
        )
    if any(_HAN_LETTER.match(ch) for ch in name):
        warnings.append(
            f"Note: exports replace {name} as written in Chinese characters, not romanised "
            "(pinyin such as 'Li Ming', 'liming' or 'Ming'): add each romanised form you "
            "write as a name of its own (`peerjournal people add \"Li Ming\"`)."
        )
    given = _korean_given_name(name)
    if given:
        warnings.append(
            f"Note: {given!r} alone (the given name, as friends call them: {given}이, "
            f"{given}아, {given} 씨) is not replaced: add it with "
            f"`peerjournal people add {given}` if you write it so."
        )
    first = next((p for p in parts if p.strip(".").casefold() not in TITLES), parts[0])
    if len(first) > _NICKNAME_PREFIX and first.isalpha():
        warnings.append(
            f"Note: a short form that starts like {first} ({first[:_NICKNAME_PREFIX]}…) is not "
            "replaced: add any they go by as a name of its own. The export preview flags words "
            "that look like one."
        )
    for form, case_sensitive in name_forms(name)[1:]:
        if not case_sensitive:
            continue
        kind = (
            "an English word" if form.casefold() in COMMON_WORDS
            else "a particle in other names (as in 'van', 'de')"
        )
        spellings = [form.capitalize()] + [form.upper()] * (_plain(form) not in ABBREVIATIONS)
        month = (
            f", and not as the month in a date ('on 3 {form}', 'in {form}')"
            if _plain(form) in _MONTHS else ""
        )
        example = f"{form} {_VERB_EXAMPLE.get(_plain(form), 'it')}"
        verb = (
            f", and not as the verb opening a sentence ('{example}'), which the preview flags"
            if _plain(form) in VERB_NEXT else ""
        )
        # an English word in lower case: where the sentence makes it a person
        # (`_lower_part_reading`: "met will", "will rang"); a particle, never
        low = form.casefold()
        lower = (f"; in lower case, only where the sentence makes it a person ('met {low}', "
                 f"'{low} rang')") if form.casefold() in COMMON_WORDS else ""
        when = "when" if lower else "only when"
        warnings.append(
            f"Note: {form!r} on its own is also {kind}, so it is replaced {when} "
            f"capitalised ({', '.join(spellings)}){month}{verb}{lower}."
        )
    return warnings


def _word_name_note(name: str) -> str:
    """The note for a one-word listed name that is an English word ("May", "Rose"): where
    exports replace it and where they keep it, shown by sentences redaction was run on
    (`_word_name_examples`), as "wherever it appears" and made-up phrases were not true."""
    replaced, kept = _word_name_examples(name)
    if _plain(name) in _MONTHS:
        month = _title(name.casefold())
        kept.append(f"on 3 {month}")
        where = "the word, or the month in a date"
    else:
        where = "the word"
    keeps = f", and keep it where the sentence makes it {where} ({_quoted(kept)})" if kept else ""
    return (
        f"Note: {name!r} is also an English word. Exports replace it, in any case, where the "
        f"sentence may mean the person ({_quoted(replaced)}){keeps}; the export preview "
        "flags those it cannot be sure of. Add the full name instead if that is too much."
    )


# Sentences to show what redaction does with a one-word listed name that is a word (see
# `_word_name_examples`): each shown only where redaction does so with it
_PERSON_EXAMPLES = ("{low} rang me", "I met {low}", "{name} said no")
_MODAL_EXAMPLES = ("I {low} try", "it {low} rain")
_WORD_EXAMPLES = ("the {low}", "next {low}", "felt {low}")


def _word_name_examples(name: str) -> tuple[list[str], list[str]]:
    """Two sentences where redaction replaces `name` (a one-word listed name that is an
    English word), and up to two where it keeps it as the word: as a modal verb, in the
    first of its set phrases (`_IN_A_PHRASE_TABLE`), then in `_WORD_EXAMPLES` ("felt" only
    before a feeling); each checked on a redactor."""
    redactor = Redactor(people=[Person(name)], identifiers=False)
    low = name.casefold()
    phrases = [
        phrase.strip().lstrip(_IN_DOUBT).replace("_", low)
        for line in _IN_A_PHRASE_TABLE.strip().splitlines()
        if line.partition(":")[0].strip() == _plain(name)
        for phrase in line.partition(":")[2].split("|")
    ]
    words = [t for t in _WORD_EXAMPLES if low in FEELINGS or not t.startswith("felt")]
    tried = [
        *(t.format(low=low) for t in _MODAL_EXAMPLES if _plain(name) in MODALS),
        *phrases[:1], *(t.format(low=low) for t in words),
    ]
    kept = [t for t in tried if redactor(t) == t][:2]
    person = [t.format(low=low, name=name) for t in _PERSON_EXAMPLES]
    return [t for t in person if redactor(t) != t][:2], kept


def _quoted(examples: list[str]) -> str:
    """"'a', 'b'"."""
    return ", ".join(f"'{e}'" for e in examples)


_HANGUL_SYLLABLES = re.compile(r"[\uac00-\ud7a3]{3}")
_HAN_LETTER = re.compile(f"[{_HAN_LETTERS}]")


def _korean_given_name(name: str) -> str | None:
    """The given name of a Korean name written in three Hangul syllables with no space
    ("민준" of 김민준: a family name of one syllable, a given name of two), which is often
    written alone; None for any other name. (A name written with a space, "김 민준", has its
    given name replaced as a part.)"""
    return name[1:] if _HANGUL_SYLLABLES.fullmatch(name) else None


# What follows a word-name opening a sentence as the verb, for `name_warnings`' example
_VERB_EXAMPLE = {
    "will": "do", "may": "I ask?", "rose": "early", "drew": "a map", "hope": "so",
    "mark": "the date", "pat": "it dry", "sue": "them", "rob": "them", "bill": "them",
    "chase": "it up", "win": "it back",
}


def _looks_like_the_name(name: str, alias: str) -> bool:
    """Whether a word of `alias` shares its first three letters with a part of `name`, or
    is a short form of it ("Bob" for Robert)."""
    def starts(text: str) -> set[str]:
        words = (keyed(nfc(w)).casefold() for w in re.split(r"[\W\d_]+", text))
        return {w[:3] for w in words if len(w) >= 3}

    return bool(starts(name) & starts(alias)) or any(
        nickname_like(word, [name]) for word in re.split(r"[\W\d_]+", alias) if word
    )


def people_to_add(
    listed: Sequence[Person], incoming: Iterable[Person], hint: Callable[[str], str] = plain_hint
) -> tuple[list[Person], list[str]]:
    """Who of `incoming` (a restored backup's people list) joins `listed`, and notes for
    the writer (naming commands as `hint` writes them: with the journal's --db).

    A name already listed (as `name_key` compares them), or twice in `incoming`, is added
    once and a listed person is left as they are. Every new name is added, even when its
    alias cannot be used (it would reveal a name listed or in `incoming`, before or after
    it: the name then shows as [person]) or a listed person's alias contains it (a note
    says so): leaving a name off the list would let it leave the journal.
    """
    everyone = list(listed)
    known = {name_key(p.name) for p in everyone}
    added: list[Person] = []
    notes: list[str] = []
    arriving = [(check_name(p.name, kept=True), p.alias) for p in incoming]
    held = names_finder([*(p.name for p in everyone), *(name for name, _ in arriving)])
    # an alias is printed as it is: one naming anyone on the list, even someone further on
    # in the backup ("Kim from group", then Kim), would let that name out
    named: dict[str, Person] = {}
    for person in [*everyone, *(Person(name) for name, _ in arriving)]:
        named.setdefault(name_key(person.name), person)
    all_named = list(named.values())
    for name, alias in arriving:
        if name_key(name) in known:
            continue
        alias = alias.strip() if alias and alias.strip() else None
        reason = alias_reveals(name, alias, all_named, held)
        if reason:
            notes.append(
                f"Added {name} without the alias {alias!r} (it {reason}): exports show "
                f"{PLACEHOLDER} for {name}."
            )
            alias = None
        note = one_letter_word_note(name, hint)
        if note:
            notes.append(note)
        other = alias_naming(name, everyone, held)
        if other:
            notes.append(
                f"Added {name}, whose name is in {other.name}'s alias {other.alias!r}: change "
                f"that alias ({hint('people add NAME --alias TEXT')})."
            )
        known.add(name_key(name))
        everyone.append(Person(name, alias))
        added.append(Person(name, alias))
    return added, notes
