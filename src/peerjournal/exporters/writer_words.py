"""A marker's or a dimension's label, written to the writer ("sharing your recovery story",
"Are you looking after yourself?"), as an exported summary says it to the mentor who reads it:
about the writer ("sharing the writer's recovery story", "Is the writer looking after
themselves?"). English agreement is worked out word by word (`about_the_writer`); a
quotation in a label is left as it was said."""

from __future__ import annotations

import re
from functools import lru_cache

# a quotation in a label ('illness framing ("your condition")', "telling them 'you should'"):
# the words as said, kept; a single quote only where it opens or closes words, not the
# apostrophe inside one ("you're", "writer's", "don't")
_QUOTATION = re.compile(
    r"""("[^"]*"|“[^”]*”|(?<![\w'‘’])['‘](?=\w)(?:[^'‘’]|(?<=\w)['’](?=\w))*?"""
    r"""(?<=[\w.!?,…])['’](?![\w'’]))""")
# a label's words (a contraction is one: "you're", "don't"), and what lies between them
_WORDS = re.compile(r"([A-Za-z]+(?:['’][A-Za-z]+)*)")
# the writer, said to them in a label ("your", "yourself", "you're"), as said about them
_ABOUT_THE_WRITER = {
    "your": "the writer's", "yours": "the writer's", "yourself": "themselves",
    "you're": "the writer is", "you've": "the writer has", "you'll": "the writer will",
    "you'd": "the writer would", "yourselves": "themselves",
    "youre": "the writer is", "youve": "the writer has", "youll": "the writer will",
}
# text-speak for "you" words and "are" ("when u feel stuck", "ur story", "r u ok"), read as
# the words themselves where typed as text-speak (`_Label._texted`)
_TEXT_SPEAK = {"u": "you", "ur": "your", "urself": "yourself", "u're": "you're",
               "u've": "you've", "u'll": "you'll", "u'd": "you'd", "r": "are"}
# what may touch text-speak: a space, or the punctuation around a sentence's words ("u?",
# "(u)", "u: listen"); not a digit, "&", "/" or "." inside a token ("U2", "4u", "r&r", "u/s",
# "u.s.")
_TEXT_BEFORE = frozenset([*" \t\n([\"“", ""])  # "": the label's start
_TEXT_AFTER = frozenset([*" \t\n,;:!?)]\"”", ""])  # "": its end
# before "u", words that make it a letter ("the u in hub", "a u in maths", "vitamin u", "plan
# u", "mark it u", "mark it as u"), and after it, verbs "you" never takes ("u is a vowel")
_LETTER_BEFORE = frozenset({"the", "a", "an", "letter", "vitamin", "plan", "grade", "it"})
_LETTER_AFTER = frozenset({"is", "isn't", "isnt", "has", "hasn't", "hasnt", "does", "doesn't",
                           "doesnt"})
# after a capital "U" at a sentence's start, words that make it text-speak ("U ok?", "U r")
_VERB_OR_OK = frozenset({"ok", "okay", "alright", "r", "are", "were", "rock"})
# verbs that read otherwise after "the writer" than after "you" ("you are" -> "is")
_AFTER_YOU = {"are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't",
              "aren't": "isn't", "weren't": "wasn't", "haven't": "hasn't",
              "dont": "doesnt", "arent": "isnt", "werent": "wasnt", "havent": "hasnt"}
# the other contractions typed without their apostrophe ("you cant say no", "didnt you…"):
# no verb to agree, as "can't" is not
_UNTYPED = frozenset({
    "cant", "wont", "didnt", "isnt", "wasnt", "doesnt", "couldnt", "wouldnt", "shouldnt",
    "hadnt", "hasnt", "mustnt", "mightnt", "neednt", "aint", "shant",
})
# before "you", a verb that asks a question ("Do you…", "what did you…"): the verb after
# "you" stays as it is ("does the writer feel"); those in _AFTER_YOU change for "the writer"
_ASKING = frozenset({
    *_AFTER_YOU, "did", "didn't", "can", "can't", "could", "couldn't", "will", "won't",
    "would", "wouldn't", "should", "shouldn't", "shall", "may", "might", "must", "does",
    "doesn't", "had", "hadn't", "is", "isn't", "was", "wasn't", "has", "hasn't", *_UNTYPED,
})
# before "you", words after which "you" is the one doing something ("what you think", "when
# you feel", "and you check", "sure you learn") where a verb follows
_SUBJECT_AFTER = frozenset({
    "what", "how", "when", "where", "why", "if", "that", "because", "as", "while", "whether",
    "who", "once", "until", "till", "unless", "before", "after", "since", "though", "although",
    "than", "and", "or", "but", "so", "whatever", "whenever", "wherever", "however", "which",
    "sure", "certain", "glad", "afraid", "aware", "proud", "think", "thought", "feel", "felt",
    "know", "knew", "believe", "say", "said", "hope", "mean", "guess", "wish", "realise",
    "realize", "like",
})
# before "you", verbs of knowing that a clause with "you" as its subject follows ("you notice
# you drift", "staff forget you know"): not in _SUBJECT_AFTER, where a list joining "notice"
# to the verb before it would stop
_CLAUSE_VERBS = frozenset({
    "notice", "noticed", "remember", "remembered", "forget", "forgot", "admit", "admitted",
    "accept", "accepted", "assume", "assumed", "suppose", "pretend", "imagine", "sense",
    "suspect", "fear", "reckon", "notices", "forgets", "remembers",
})
# before "you", a noun it follows as the subject of a clause about it ("the people you support",
# "those you help", "whom you trust")
_NOUN_BEFORE = frozenset({
    "people", "person", "one", "ones", "someone", "anyone", "everyone", "somebody", "anybody",
    "everybody", "something", "anything", "everything", "nothing", "thing", "things", "way",
    "ways", "time", "times", "words", "word", "role", "work", "group", "team", "staff",
    "those", "whom",
})
# two words before "you": after these the word between is a noun ("the role you play")
_DETERMINERS = frozenset({
    "the", "a", "an", "my", "our", "their", "his", "her", "its", "every", "each", "any", "some",
    "no", "whose", "which", "other", "own", "first", "last", "only", "same", "many", "few",
})
# before "you" after "the" or a possessive: a noun, even one ending as a verb might ("the
# stories you tell", "the less you say", "the feeling you get")
_STRICT_DETERMINERS = frozenset({"the", "my", "our", "their", "its"})
_QUESTION_WORDS = frozenset({"what", "which", "whose", "how", "why", "where", "when", "who",
                             "whom"})
_SUBJECTS = frozenset({"i", "we", "they", "he", "she", "it", "staff", "people", "someone",
                       "everyone", "nobody", "others", "you"})
# words after "you" that are not a verb it does ("telling you what", "for you and", "you
# told", "you can"), whatever comes before
_NOT_A_VERB = frozenset({
    "and", "or", "but", "nor", "to", "in", "on", "at", "for", "of", "with", "as", "what", "how",
    "that", "the", "a", "an", "about", "back", "up", "down", "out", "off", "too", "well",
    "again", "there", "here", "when", "where", "why", "if", "because", "from", "by", "into",
    "over", "more", "less", "all", "both", "yourself", "your", "it", "them", "him", "her", "me",
    "us", "this", "these", "those", "so", "not", "okay", "ok", "alright", "sure", "alone",
    "right", "wrong", "now", "today", "guys", "lot", "who", "which", "than", "like",
    "can", "could", "will", "would", "should", "shall", "might", "must", "may", "did", "had",
    "does", "is", "was", "be", "been", "being", "got", "ought", "used", "better", "most",
    "least", "much", "plus", *_UNTYPED,
    # what "you" is called ("you legend", "u star", "you absolute gem")
    "legend", "star", "hero", "angel", "gem", "superstar", "champ", "hun", "babe", "genius",
})
# pronouns, never a verb after "you" ("you I…", "you they…")
_PRONOUNS = frozenset({"i", "we", "they", "he", "she", "me", "my", "our", "his", "their",
                       "its", "mine", "ours", "theirs", "hers", "him", "them", "us", "you",
                       "your", "yours", "yourself", "yourselves"})
# the second piece of a verb written with a hyphen ("follow-up", "check-in")
_PARTICLES = frozenset({"up", "in", "out", "back", "down", "off", "on", "over", "through"})
# past tenses that do not end in "ed" ("what you told yourself": no "s" to add)
_IRREGULAR_PAST = frozenset({
    "told", "said", "felt", "thought", "kept", "left", "went", "took", "gave", "made", "knew",
    "saw", "heard", "came", "became", "brought", "bought", "taught", "caught", "found", "held",
    "sent", "spent", "met", "paid", "sat", "stood", "spoke", "wrote", "began", "ran", "won",
    "lost", "meant", "slept", "wept", "built", "lent", "dealt", "chose", "drew", "fell", "forgot",
    "gone", "done", "seen", "known", "given", "taken", "spoken", "written", "chosen", "ate",
    "drove", "grew", "threw", "rose", "woke", "wore", "hid", "led", "fed", "fled", "bit", "shook",
    "stuck", "struck", "understood", "withdrew", "overlooked", "learnt", "burnt",
})
# verbs ending in "o" that are not everyday verbs (`_JOBS`: "go", "echo"); another word so
# ending after "you" is no verb to add "es" to ("u kno", "you bro")
_O_VERBS = frozenset({"veto", "undergo", "forgo", "outdo", "redo", "overdo", "solo", "lasso"})
# words ending in "ed" that are verbs in the present ("you embed it")
_ED_VERBS = frozenset({"embed", "imbed"})
# words between "you" and its verb that are no adverbs ("you each decide", "you alone know")
_FLOATING = frozenset({"each", "both", "alone", "too"})
# words after "and" or a comma that start a clause with a subject of its own ("…, they
# follow", "and each person answers", "and two people listen"): no verb joined to "you"'s
_NEW_SUBJECT = _SUBJECTS | _DETERMINERS | frozenset({
    "you", "he", "she", "this", "that", "these", "those", "all", "both", "most", "several",
    "none", "one", "two", "three", "four", "five", "six", "ten", "family", "friends",
})
# words that open an aside between commas after "you" ("you, not staff, decide", "you, the
# peer, decide", "you, like many peers, hold back"), where a list would not ("you, staff, family")
_ASIDE = _DETERMINERS | frozenset({"not", "as", "like", "being", "unlike"})
# words between "you" and its verb ("when you quietly go"): the verb after them takes the "s"
_ADVERBS = frozenset({
    "just", "often", "always", "never", "still", "also", "first", "then", "only", "even", "ever",
    "already", "sometimes", "seldom", "soon", "almost", "rather", "quite", "perhaps", "maybe",
    "mostly", "instead", "together", "once", "twice", "hardly", "barely", "nearly",
})
# words ending in "ly" that are verbs, not adverbs ("when you apply pressure")
_LY_VERBS = frozenset({"apply", "reply", "rely", "supply", "comply", "imply", "multiply",
                       "bully", "rally", "tally", "fly", "ally", "sully"})
_LY_NOUNS = frozenset({"family", "assembly", "belly", "jelly"})
# well-known verbs: one joined by "and"/"or" further along takes the "s" too ("sits with
# them and listens"), where a noun would not ("checks meds and bloods")
_KNOWN_VERBS = frozenset({
    "think", "feel", "know", "want", "need", "say", "see", "hear", "believe", "go", "get",
    "make", "take", "give", "tell", "ask", "work", "help", "care", "notice", "expect", "hope",
    "like", "try", "use", "bring", "share", "keep", "let", "find", "come", "sit", "listen",
    "learn", "look", "seem", "mean", "stay", "lead", "choose", "decide", "speak", "talk",
    "own", "hold", "carry", "walk", "stand", "agree", "call", "name", "offer", "plan", "owe",
    "check", "push", "step", "reach", "wait", "watch", "read", "write", "cope", "worry",
    "teach", "fix", "relax", "wish", "echo", "doubt", "apply", "dismiss", "rush", "catch",
    "play", "support", "miss", "cry", "finish", "act", "leave", "follow", "ring", "return",
})
# the everyday jobs of a peer supporter, joined in a list as the known verbs are ("fills in
# forms, chases meds and runs errands"); not known verbs elsewhere: as the first word of a
# label most are nouns ("visit you make", "answer you give")
_JOBS = _KNOWN_VERBS | frozenset({
    "chase", "run", "book", "fill", "sort", "fetch", "collect", "arrange", "cook", "clean",
    "sign", "explain", "reassure", "signpost", "refer", "answer", "cover", "visit", "nod",
    "smile", "laugh", "drop", "open", "print", "post", "pass", "greet", "welcome", "update",
    "celebrate", "mark", "enjoy", "savour", "spot", "track", "record", "note", "log", "reflect",
    "model", "validate", "advocate",
})

# words that open a clause ("hope you", "wish you") and are nouns right after a verb, what it
# does ("you model hope and share")
_NOUNS_TOO = frozenset({"hope", "wish"})
# words that end the stretch in which a verb can be joined to the one before ("thinks and
# feels"): a new clause ("…when they", "…what your")
_STOP_JOINING = (_SUBJECTS | _SUBJECT_AFTER | {"your", "yourself"}) - {"and", "or"}
# signs that join two words as "and" or "or" does ("listen & reflect", "write/record")
_JOINING_SIGNS = frozenset({"&", "/", "+"})
# after "you", words that make it a group the writer is one of or speaks to ("you lot", "you
# two", "you all", "you yourselves"): not "the writer", kept as said with its verb
_GROUP_AFTER = frozenset({
    "lot", "guys", "all", "both", "two", "three", "four", "five", "yourselves", "people",
    "folks", "lads", "everyone",
})
# after "you each", words that make "each" how often ("staff ring you each week"), not a group
# ("you each share")
_TIMES = frozenset({
    "day", "week", "fortnight", "month", "year", "time", "morning", "afternoon", "evening",
    "night", "weekend", "shift", "session", "visit", "meeting", "call", "round",
})
# before "of you": the same ("all of you", "each of you", "both of you")
_GROUP_OF = frozenset({
    "all", "each", "both", "some", "any", "none", "one", "either", "neither", "most", "many",
    "few", "several", "two", "three", "four", "five", "half", "those", "these",
})
# after a group, its own "you" words ("you each bring your own story")
_OWN_WORDS = frozenset({"your", "yours", "yourself", "yourselves"})
# words that open a clause of its own, whose "your" is no longer the group's before it
_NEW_CLAUSE = _SUBJECTS | _QUESTION_WORDS | frozenset({
    "when", "if", "because", "while", "whether", "once", "unless", "though", "although", "but",
    "so", "that", "whenever", "wherever", "whatever",
})
# verbs with "you" and then a verb it does ("makes you feel", "lets you rest"): before "you" a
# verb, even as the first word, where another word ending in "s" is a noun ("hopes you hold")
_CAUSATIVE = frozenset({"make", "let", "have", "help", "see", "hear", "watch", "feel", "bid"})
# verbs that take "you" and a second thing ("gives you hope", "keeps you quiet"), never a
# plural noun: before "you" a verb, not a noun it does something to
_GIVING = frozenset({
    "give", "keep", "get", "tell", "pay", "let", "make", "bring", "send", "put", "teach",
    "lend", "buy", "owe", "wake", "earn",
})
# verbs that take "you" and a second thing, and nouns as well ("hands you paperwork", "hands
# you hold"; "what leaves you drained", "leaves you take"): a noun only before a verb of "you"
_GIVING_OR_NOUN = frozenset({
    "hand", "leave", "show", "take", "lift", "set", "wear", "push", "pull", "turn", "throw",
    "sell", "save", "cost", "cause", "grant", "win", "drive", "offer",
})
# after one of those and "you", what it gives the writer, though a verb too ("what wins you
# respect", "offers you hope"): no verb of "you" that makes the word before a noun
_GIVEN = frozenset({
    "respect", "trust", "hope", "support", "help", "time", "space", "room", "credit", "praise",
    "comfort", "strength", "peace", "courage", "purpose", "work", "thanks", "cover", "access",
})
# before "you", words that make the next one a verb, not a noun ("they label you", "to
# remind you", "never tells you")
_BEFORE_A_VERB = _SUBJECTS | _ASKING | frozenset({
    "to", "and", "or", "who", "that", "which", "not", "never", "nobody", "he", "she", "it",
})
# before "you", verbs that take it as their object ("remind you", "trust you"), even first
_TAKES_YOU = _KNOWN_VERBS | _CAUSATIVE | frozenset({
    "remind", "trust", "show", "pay", "thank", "warn", "invite", "encourage", "allow", "force",
    "judge", "blame", "love", "hate", "meet", "join", "treat", "send", "put", "stop", "hurt",
    "upset", "scare", "bother", "rate", "praise", "value", "respect", "forgive", "mind", "pick",
    "text", "phone", "email", "drive", "bless", "excuse",
})
# words that are no noun before "you" ("for you", "if you", "tell you")
_NO_NOUN = (_NOT_A_VERB | _ASKING | _SUBJECTS | _SUBJECT_AFTER | _DETERMINERS
            | _QUESTION_WORDS | _TAKES_YOU | frozenset({"thanks", "of", "said", "says"}))
# before "and you", words that are not one who does something with the writer ("tell
# and you", "in and you")
_NOT_A_NAME = _TAKES_YOU | _NOT_A_VERB
# words before a subject that open its clause ("when Sam and you chat", "if the nurse and you")
_OPENS_CLAUSE = _SUBJECT_AFTER - {"and", "or", "than", "like"}
# nouns for people, which after "and" start a clause of their own ("and gran chats")
_PEOPLE = frozenset({
    "gran", "nan", "grandad", "mum", "dad", "mam", "partner", "nurse", "nurses", "doctor",
    "doctors", "carer", "carers", "family", "friends", "peers", "peer", "sister", "brother",
    "son", "daughter", "wife", "husband", "manager", "supervisor", "colleague", "colleagues",
    "worker", "workers", "client", "clients", "patient", "patients", "residents", "everybody",
})


def _adverb(word: str) -> bool:
    """A word between "you" and its verb ("really", "quietly", "always")."""
    w = word.casefold()
    return w in _ADVERBS or (w.endswith("ly") and len(w) > 4
                             and w not in _LY_VERBS and w not in _LY_NOUNS)


def _present(verb: str, low: str | None = None) -> str | None:
    """`verb` as said after "the writer" ("think" -> "thinks", "do" -> "does"); None for a
    word that is not a verb in the present ("told", "can't", "okay", "guys", a letter: "R").
    `low`: the word as read (`_Label.low`: text-speak "r" as "are")."""
    w = low if low is not None else verb.casefold().replace("’", "'")
    if w in _AFTER_YOU:
        return _in_case_of(verb, _AFTER_YOU[w])
    if (len(w) < 2 or "'" in w or w in _NOT_A_VERB or w in _PRONOUNS or w in _IRREGULAR_PAST
            or _adverb(w)
            or (w.endswith("ed") and len(w) > 3 and not w.endswith("eed")
                and w not in _ED_VERBS)
            or (w.endswith("s") and not w.endswith(("ss", "us", "is")))
            or (w.endswith("ing") and re.search("[aeiouy]", w[:-3]))
            or (w.endswith("o") and w not in _JOBS and w not in _O_VERBS)):  # "u kno"
        return None
    return _third_person(verb)


def _stem(word: str) -> str:
    """A word ending in "s" without it ("makes" -> "make", "watches" -> "watch")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-2] if word.endswith(("ches", "shes", "xes", "sses", "oes")) else word[:-1]


def _third_person(verb: str) -> str:
    """"think" as "the writer thinks" says it ("push" -> "pushes", "cry" -> "cries")."""
    if verb.casefold().endswith(("s", "sh", "ch", "x", "z", "o")):
        said = verb + "es"
    elif len(verb) > 1 and verb.casefold().endswith("y") and verb[-2] not in "aeiouAEIOU":
        said = verb[:-1] + "ies"
    else:
        said = verb + "s"
    return said.upper() if verb.isupper() and len(verb) > 1 else said


def _in_case_of(word: str, said: str, title: bool = False) -> str:
    """`said` in the case `word` was typed in: "YOUR" -> "THE WRITER'S", "Your" -> "The…";
    `title`: the label is in title case ("You Think" -> "The Writer Thinks")."""
    if word.isupper() and len(word) > 1:
        return said.upper()
    if title and word[:1].isupper():
        return " ".join(w[:1].upper() + w[1:] for w in said.split(" "))
    return said[:1].upper() + said[1:] if word[:1].isupper() else said


class _Label:
    """One stretch of a label (outside quotations) as its words and the text between them,
    rewritten word by word from "you" to "the writer" (`about_the_writer`)."""

    def __init__(self, text: str) -> None:
        parts = _WORDS.split(text)
        self.gaps, self.words = parts[0::2], parts[1::2]  # gaps[i] is before words[i]
        self.said = list(self.words)
        self.seen = False  # "the writer" said already: a second "your" is "the writer's own"
        self.kept: set[int] = set()  # words kept as said ("you yourselves")
        capitals = sum(w[:1].isupper() for w in self.words)
        self.title = len(self.words) > 1 and capitals > len(self.words) // 2  # "You Think"

    def low(self, i: int) -> str:
        """Word `i` in lower case, text-speak as the word it stands for ("u" as "you")."""
        if not 0 <= i < len(self.words):
            return ""
        w = self.words[i].casefold().replace("’", "'")
        return _TEXT_SPEAK[w] if w in _TEXT_SPEAK and self._texted(i) else w

    def _texted(self, i: int) -> bool:
        """Whether "u", "ur", "r" (word `i`) is text-speak: a word of its own in lower case
        ("r u ok", "when u feel"), not part of a token ("U2", "4u", "r&r", "u/s", "U.S."), a
        capital ("Ward U", "UR", "U R OK", "Ur is a city") or a letter ("the u in hub")."""
        word, after = self.words[i], self.gaps[i + 1]
        if not (word.islower() or self._texted_capital(i)) \
                or self.gaps[i][-1:] not in _TEXT_BEFORE:
            return False
        if after[:1] == ".":  # "see u.", not "u.s." nor "r. smith"
            return word != "r" and after[1:2] in _TEXT_AFTER
        if after[:1] not in _TEXT_AFTER:
            return False
        before = self.words[i - 1].casefold() if i > 0 and self.spaced(i) else ""
        if i > 1 and before in {"it", "as"} and self.spaced(i - 1):
            two = self.words[i - 2].casefold()
            before = "it" if (before, two) == ("as", "it") else before  # "mark it as u"
            before = "" if two in _ASKING else before  # "is it u?"
        return word != "u" or (before not in _LETTER_BEFORE and (
            i + 1 >= len(self.words) or self.words[i + 1].casefold() not in _LETTER_AFTER))

    def _texted_capital(self, i: int) -> bool:
        """Whether "U" or "R" (word `i`) is text-speak with the capital of a sentence: before
        a verb ("U ok?", "U can do it"), or "R" before "u" ("R u ok?"); not "U grade", "U of
        T", "U R OK"."""
        word = self.words[i]
        if word not in {"U", "R"} or not self.opens(i, comma=False) or i + 1 >= len(self.words):
            return False
        after = self.words[i + 1]
        if not self.spaced(i + 1) or not after.islower():
            return False
        if word == "R":
            return after in {"u", "you"}
        return after in _VERB_OR_OK or after in _TAKES_YOU or after in _JOBS or after in _ASKING

    def present(self, k: int) -> str | None:
        """Word `k` as said after "the writer" (`_present`), text-speak as read ("u r" ->
        "is")."""
        return _present(self.words[k], self.low(k))

    def opens(self, i: int, comma: bool = True) -> bool:
        """Whether word `i` starts the label, a sentence or a clause."""
        gap = self.gaps[i].strip()
        return i == 0 or any(c in gap for c in ".?!;:()—–" + ("," if comma else ""))

    def signed(self, i: int) -> bool:
        """Whether a sign joins word `i` to the one before it as "and"/"or" would ("listen &
        reflect", "write/record")."""
        return 0 < i < len(self.words) and self.gaps[i].strip() in _JOINING_SIGNS

    def spaced(self, i: int) -> bool:
        """Whether only spaces come before word `i` (no punctuation joins or splits it)."""
        return i < len(self.words) and not self.gaps[i].strip()

    def asks(self, i: int) -> bool:
        """Whether word `i` ("do", "have", "are") asks a question ("Have you…", "what do
        you…", "What strengths do you…"), not "staff have you run errands"."""
        if self.opens(i) or self.low(i - 1) in _QUESTION_WORDS | {"or"}:
            return True
        for back in range(i - 1, max(i - 5, -1), -1):
            if self.low(back) in _SUBJECTS or (back < i - 1 and self.opens(back + 1)):
                return False
            if self.low(back) in {"what", "which", "whose", "how"}:
                return True
        return False

    def role(self, i: int) -> str:
        """What "you" (word `i`) is: "asked" ("do you feel"), "subject" ("what you feel",
        "the people you support") or "object" ("telling you", "staff have you run")."""
        before = self.low(i - 1)
        if self._second_object(i):  # "it helps Sam & you cope", "lets him and you rest"
            return "object"
        if self.opens(i) or not before or self.signed(i):  # "when you're tired & you snap"
            return "subject"
        if before in _ASKING:
            return "asked" if before not in _AFTER_YOU or self.asks(i - 1) else "object"
        if before in _SUBJECT_AFTER or before in _CLAUSE_VERBS:
            return "subject"
        if before in _NOUN_BEFORE or self._hyphened_noun(i - 1) or self._initials(i - 1) or (
                self.spaced(i - 1) and (self._noun(i - 1) or self._bare_noun(i - 1))):
            return "subject"
        if self.spaced(i) and self.opens(i - 1, comma=False) and self._bare_noun(i - 1):
            return "subject"  # a sentence's first word ("Done. Stories you tell", "U.S. vets")
        return "object"

    def _second_object(self, i: int) -> bool:
        """Whether "you" (word `i`), joined by "and", "&" or "+" to the one before, is the
        second object of that one's verb ("it helps Sam & you cope", "lets him and you rest"),
        not a subject of its own ("you plan + you prepare", "you help Sam and you cope")."""
        if self.gaps[i].strip() in {"&", "+"}:
            first = i - 1
        elif self.low(i - 1) == "and" and self.spaced(i - 1) and self.spaced(i):
            first = i - 2
        else:
            return False
        verb = self.low(first - 1)
        stem = _stem(verb) if verb.endswith("s") else verb
        return first > 0 and self.spaced(first) and self.low(first - 2) != "you" \
            and (stem in _CAUSATIVE or stem in _GIVING or stem in _TAKES_YOU)

    def _initials(self, j: int) -> bool:
        """Whether word `j`, before "you", ends letters joined by "&" ("the Q&A you lead", "r&r
        you need", "A&E you visit"): a noun."""
        return j > 0 and self.gaps[j] == "&" and len(self.words[j]) <= 2 \
            and len(self.words[j - 1]) <= 2 and self.spaced(j + 1)

    def _hyphened_noun(self, j: int) -> bool:
        """Whether word `j`, before "you", ends a hyphened noun ("check-ins you do", "the
        follow-up you make"), not a hyphened verb ("co-facilitate you")."""
        if self.gaps[j] != "-" or not self.spaced(j + 1):
            return False
        start = j
        while start > 0 and self.gaps[start] == "-":
            start -= 1
        w = self.low(j)
        return self.low(start - 1) in _DETERMINERS or (w.endswith("s") and not w.endswith("ss"))

    def _noun(self, i: int) -> bool:
        """Whether word `i`, after a determiner, is a noun ("the role", "the stories", "the
        feeling"), not a verb or gerund ("each tells", "their telling")."""
        det, w = self.low(i - 1), self.low(i)
        if w.endswith("ing"):
            return det == "the"
        return det in _STRICT_DETERMINERS or (det in _DETERMINERS and not w.endswith(("ed", "s")))

    def _bare_noun(self, j: int) -> bool:
        """Whether word `j`, before "you" with no determiner, is a noun that "you" does
        something to ("stories you tell", "advice you give", "about labels you use"), not a
        verb with "you" its object ("tell you", "they label you", "makes you feel")."""
        w, before = self.low(j), self.low(j - 1)
        if w in _NO_NOUN or len(w) < 3 or w.endswith(("ing", "ed", "'s")) or _adverb(w):
            return False
        if not w.endswith("s") or w.endswith(("ss", "us", "is")):
            return self.opens(j)  # "advice you give", not "… staff remind you"
        stem = _stem(w)
        if stem in _CAUSATIVE or stem in _GIVING:
            return False
        if not (self.opens(j) or (self.spaced(j) and before not in _BEFORE_A_VERB
                                  and not _adverb(before) and not self._name(j - 1))):
            return False
        # a word that is a verb as well ("calls", "hopes", "drives"): a noun only where "you"
        # has a verb of its own that needs it ("calls you make"), not "drives you mad"
        if stem in _GIVING_OR_NOUN and self.low(j + 2) in _GIVEN and before in _QUESTION_WORDS:
            return False  # "what wins you respect", not "wins you celebrate", "causes you support"
        return (stem not in _TAKES_YOU and stem not in _GIVING_OR_NOUN) or self._known_verb(j + 2)

    def _known_verb(self, k: int) -> bool:
        """Whether word `k` (after adverbs) is a well-known verb in its plain form."""
        while self.spaced(k) and _adverb(self.words[k]):
            k += 1
        w = self.low(k)
        return self.spaced(k) and (w in _TAKES_YOU or w in _JOBS or w in _AFTER_YOU)

    def _name(self, j: int) -> bool:
        """Whether word `j` is a name ("Sam"): a capital inside a label not in title case."""
        word = self.words[j] if 0 <= j < len(self.words) else ""
        return (word[:1].isupper() and not word.isupper() and not self.opens(j)
                and not self.title)

    def _group(self, i: int) -> bool:
        """Whether "you" (word `i`) is a group the writer speaks to or is one of ("you lot",
        "you two", "all of you", "you each share", "you both ask and listen"): not the writer
        alone ("ring you each week" is). "you both" is two people, the writer and another,
        unless a "yourself" after it says it is one ("you both ask and check in with
        yourself")."""
        after = self.low(i + 1) if self.spaced(i + 1) else ""
        if after == "both":  # "yourself" further along in its sentence: the writer alone
            for k in range(i + 2, min(i + 16, len(self.words))):
                if self.opens(k, comma=False):
                    break
                if self.low(k) == "yourself":
                    return False
            return True
        if after == "each":
            return self.low(i + 2) not in _TIMES
        return after in _GROUP_AFTER or (self.low(i - 1) == "of" and self.spaced(i)
                                         and self.low(i - 2) in _GROUP_OF)

    def _with_another(self, i: int) -> bool:
        """Whether "you" (word `i`) is the second of two who do something together ("when
        Sam and you chat", "if the nurse & you agree"): their verb, not the writer's."""
        if self.low(i - 1) == "and" and self.spaced(i - 1) and self.spaced(i):
            first = i - 2
        elif self.gaps[i].strip() in {"&", "+"}:  # "when Sam & you chat"
            first = i - 1
        else:
            return False
        if self.low(first) in _NOT_A_NAME or self.low(first).endswith("ing"):
            return False
        while self.spaced(first) and first > 0 and self._owner(first - 1):
            first -= 1  # "the nurse", "your gran", "the person's mum"
        return first >= 0 and (self.opens(first) or self.low(first - 1) in _OPENS_CLAUSE)

    def _owner(self, j: int) -> bool:
        """Whether word `j` comes before a noun as its determiner or owner ("the", "your",
        "Sam's")."""
        w = self.low(j)
        return w in _DETERMINERS or w == "your" or (w.endswith("'s") and len(w) > 3)

    def _hyphened(self, k: int) -> int:
        """The piece of a hyphened word at `k` that takes the "s": the last ("co-facilitates",
        "double-checks"), or the one before its particle ("follows-up")."""
        while k + 1 < len(self.words) and self.gaps[k + 1] == "-":
            k += 1
        particle = self.low(k) in _PARTICLES and self.gaps[k] == "-"
        return k - 1 if particle else k

    def verbs(self, i: int) -> None:
        """The verb(s) "you" (word `i`) does, as "the writer" does them: past adverbs
        ("quietly goes"), and on along "and"/"or"/a list ("hears and sees")."""
        k = start = self._aside(i + 1)
        while self.spaced(k) and (_adverb(self.words[k]) or self.low(k) in _FLOATING):
            k += 2 if self.low(k) == "each" and self.low(k + 1) in _TIMES else 1  # "each day"
        after_aside = k == start and start > i + 1  # "you, not staff, decide"
        if not (self.spaced(k) or after_aside):
            return
        k = self._hyphened(k)
        if (said := self.present(k)) is None:
            return
        self.said[k] = said
        while (joined := self._joined(k)) is not None:
            k = joined
            self.said[k] = self.present(k) or self.words[k]

    def _aside(self, k: int) -> int:
        """Word `k` after "you", or the verb after an aside there ("you, not staff, decide",
        "you, the peer, decide", "you (the peer) decide", "you - the peer - decide", "you as a
        peer decide")."""
        if k >= len(self.words):
            return k
        if self.low(k) == "as" and self.low(k + 1) in {"a", "an", "the"} \
                and all(self.spaced(j) for j in range(k, k + 4)) and self.low(k + 3) in _JOBS:
            return k + 3
        gap = self.gaps[k].strip()
        closer = {"(": ")", ",": ",", "-": "-", "–": "–", "—": "—"}.get(gap)
        if closer is None or self.gaps[k] == "-" or self.low(k) in {"and", "or", "with", "plus"} \
                or (gap == "," and self.low(k) not in _ASIDE):
            return k  # no aside: "co-facilitate", "you (and Sam) decide", "you, staff, family"
        for j in range(k + 1, min(k + 6, len(self.words))):
            if closer in self.gaps[j]:  # the aside closes there and its verb comes next
                closes = self.gaps[j].strip() == closer
                return j if closes and self.present(j) is not None else k
        return k

    def _joined(self, verb: int) -> int | None:
        """The next verb joined to the one at `verb` ("thinks and feels", "feels, thinks",
        "sits with them and really listens", "asks questions, listens", "listens & reflects",
        "writes/records"), if any: not one with a subject of its own ("leads, they follow",
        "cares and staff notice")."""
        for k in range(verb + 1, min(verb + 8, len(self.words))):
            listed = k == verb + 1 and "," in self.gaps[k]
            thing = k == verb + 1 and self.low(k) in _NOUNS_TOO  # "models hope and shares"
            if not (listed or thing or self.signed(k)) and (self.opens(k, comma=False)
                                                            or self.low(k) in _STOP_JOINING):
                return None
            if not listed and "," in self.gaps[k] and self.low(k) in _JOBS \
                    and self.low(k + 1) not in _ASKING:
                return k  # a list further along ("asks questions, listens and waits")
            if self.low(k) not in {"and", "or"} and not (listed or self.signed(k)):
                continue
            first = k + 1 if self.low(k) in {"and", "or"} else k
            while self.low(first) in {"and", "or"}:  # "and/or"
                first += 1
            after = first
            while after < len(self.words) and _adverb(self.words[after]):
                after += 1
            after = self._hyphened(after) if after < len(self.words) else after
            if after >= len(self.words) or self.present(after) is None \
                    or self._subject(after):
                return None
            close = k == verb + 1 or after > first
            return after if close or self.low(after) in _JOBS else None
        return None

    def _subject(self, k: int) -> bool:
        """Whether word `k`, after "and" or a comma, starts a clause with a subject of its
        own: a pronoun, a determiner or number ("each person", "two people"), or a noun with
        its verb after it ("family notice")."""
        w = self.low(k)
        return w in _NEW_SUBJECT or w in _PEOPLE or self._name(k) or self.low(k + 1) in _ASKING or (
            w not in _KNOWN_VERBS and self.spaced(k + 1) and self.low(k + 1) in _KNOWN_VERBS)

    def writer(self, i: int) -> None:
        """"you" (word `i`) as "the writer", with its verb(s) where it does something."""
        title = self.spaced(i + 1) and self.words[i + 1][:1].isupper() \
            and not self.words[i + 1].isupper()
        said = "the writer"
        if self.low(i - 1) in {"the", "a"} and self.spaced(i) \
                and (self.words[i - 1] != "A" or self.opens(i - 1)):  # not "Q&A you led"
            said, self.said[i - 1], self.gaps[i] = self.words[i - 1] + " writer", "", ""
        self.said[i] = _in_case_of(self.words[i], said, title)
        if self.low(i + 1) == "who":  # "the writer who was there", "the writer, who listens"
            self.verbs(i + 1)
            return
        role = self.role(i)
        if self.low(i + 1) in _ABOUT_THE_WRITER and self.spaced(i + 1):  # "you yourself"
            self.word(i + 1)
            i += 1
        if role == "subject" and not self._with_another(i):
            self.verbs(i)

    def word(self, i: int) -> None:
        """Word `i` as said about the writer, where it is said to them."""
        w = self.low(i)
        if w == "you":
            keep = self.gaps[i].endswith("-") or (i + 1 < len(self.words)
                                                  and self.gaps[i + 1].startswith("-"))
            thanked = self.low(i - 1) == "thank" and (
                i == 1 or self.low(i - 2) in {"a", "the", "no", "any", "say", "says", "said",
                                               "saying", "big", "quick"})
            if keep or thanked:
                return
            if self._group(i):  # "you lot", "all of you": kept as said, with its verb
                self.kept.add(i + 1)
                self._keep_the_group_s(i + 2)
                return
            self.writer(i)
            self.seen = True
            return
        said = _ABOUT_THE_WRITER.get(w)
        if said is None:
            if w in _AFTER_YOU and self.low(i + 1) == "you" and self.spaced(i + 1) \
                    and self.low(i + 2) != "and" and not self._group(i + 1) and self.asks(i):
                self.said[i] = _in_case_of(self.words[i], _AFTER_YOU[w])
            return
        if self.words[i].casefold() == "your" and self.seen and self.low(i + 1) != "own" \
                and not self.low(i + 1).endswith("ing"):  # "ur"/"your doing": "you're"
            said = "the writer's own"  # "Has the writer shared the writer's own story?"
        if w == "you'd" and self._had(i + 1):
            said = "the writer had"
        title = self.spaced(i + 1) and self.words[i + 1][:1].isupper()
        self.said[i] = _in_case_of(self.words[i], said, title)
        self.seen = True

    def _keep_the_group_s(self, k: int) -> None:
        """A group's own "your", "yourselves" from word `k` on in its clause ("you each bring
        your own story", "you lot and your ideas"): theirs, kept as said."""
        while k < len(self.words) and not self.opens(k, comma=False):
            if self.low(k) in _OWN_WORDS:
                self.kept.add(k)
            elif self.low(k) in _NEW_CLAUSE:
                return  # "calling them you lot when your shift ends": the writer's
            k += 1

    def _had(self, k: int) -> bool:
        """Whether "you'd" before word `k` is "you had" ("you'd better", "you'd been",
        "you'd already told them"), not "you would" ("you'd like", "you'd have been")."""
        while self.spaced(k) and _adverb(self.words[k]):
            k += 1
        w = self.low(k)
        return self.spaced(k) and (w in {"better", "been"} or w in _IRREGULAR_PAST or (
            w.endswith("ed") and len(w) > 3 and not w.endswith("eed") and w not in _ED_VERBS))

    def text(self) -> str:
        for i in range(len(self.words)):
            if i not in self.kept and self.said[i] == self.words[i]:  # not yet said otherwise
                self.word(i)
        return "".join(g + s for g, s in zip(self.gaps, [*self.said, ""], strict=True))


@lru_cache(maxsize=512)
def about_the_writer(label: str) -> str:
    """A marker's label, said to the writer ("sharing your recovery story", "looking after
    yourself", "what you think"), as the summary says it to the mentor who reads it: about
    the writer ("sharing the writer's recovery story", "looking after themselves", "what the
    writer thinks"). Not "their": the labels of what the person supported says use it
    ("their choices and hopes"), and "holding their story back" would read as that person's
    story. A quotation inside it ("you should…" or 'you should…') is left as it was said.

    A word after "you" that it does takes the "s" ("when the writer pushes back") unless it
    is not a verb in the present (`_present`: "told", "can", "okay"); "you" as the subject of
    a question keeps its verb ("Does the writer feel heard?"), and as an object has none
    ("letting staff have the writer run errands"). "you" after a noun is the subject ("labels
    the writer uses"); "you" with another ("Sam and the writer chat") shares their verb; a
    group ("you lot", "you two", "all of you", "you both") is not the writer alone and is
    kept as said, and so is a question's verb before it ("Are you guys listening?"), and its
    own "your" ("you each bring your own story"). Text-speak ("u", "ur", "r u ok") is read as
    the words it stands for; "&", "/" and "+" join verbs as "and" and "or" do. Only
    "you" words and verb endings change: no other word is dropped or added. Cached: an
    export says the same labels many times."""
    parts = _QUOTATION.split(label)
    return "".join(part if n % 2 else _Label(part).text() for n, part in enumerate(parts))
