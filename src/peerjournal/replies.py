"""What a line typed at a yes/no question is: an answer, a try at one to ask again, or words
(`yes_or_no_reply`, the guided write's [Y/n] questions; `confirm_reply`, the [y/N] questions
that destroy something). One table, so every question reads "yes please" and "ues" alike."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

# The replies to a [Y/n] question, in one place (`yes_or_no_reply`). A reply is read
# lower-cased, its spacing evened out and each word's trailing punctuation dropped ("Yes!",
# "y.", "yes\\" typed next to Enter).
# The everyday ways of saying yes or no are answers too, at every question ("yeah" was asked
# again, QA r48); a slip at one ("ye", "yess") or a hesitation ("maybe") is not (ASKED_AGAIN).
YES_WORDS = frozenset({
    "y", "yes", "yeah", "yea", "yep", "yup", "ya", "aye", "sure", "ok", "okay",
})
NO_WORDS = frozenset({"n", "no", "not yet", "nope", "nah"})
# ... but "ok" may say no more than that the question was read: a yes where nothing is lost
# by it, and asked again at a question that destroys something (`confirm_reply`)
ACKNOWLEDGING = frozenset({"ok", "okay"})
# A line that came inside a paste, or after the answer on standard input, is words unless it
# is one of these alone (`a_plain_answer`): "Sure." or "Nope." there is what someone said,
# the last line of the paste, not an answer (QA r48); typed alone, the everyday words answer
PLAIN_ANSWERS = {"y": True, "yes": True, "n": False, "no": False}
# "Save this entry?" answers these too
SAVE_ANSWERS = {"save": True, "save it": True, "done": True, "cancel": False}
# words that may follow a yes or no word, up to ANSWER_TAIL_WORDS of them, and leave it an
# answer ("yes please", "no thanks", "no, keep it as a draft"); "no idea why" is words
ANSWER_TAIL = frozenset({
    "please", "thanks", "thank", "you", "ta", "cheers", "it", "save", "keep", "not", "yet",
    "now", "that's", "thats", "right", "fine", "go", "ahead", "as", "a", "draft", "do", "sure",
    "ok", "okay",
})
ANSWER_TAIL_WORDS = 5
# hesitations: not words for the entry, nor taken as an answer (y or n says which), but
# asked again; so are they followed by ANSWER_TAIL words
ASKED_AGAIN = frozenset({
    "not now", "hmm", "hm", "um", "umm", "uh", "er", "erm", "wait", "skip", "maybe", "what",
    "huh", "pardon", "idk", "dunno", "not sure", "unsure",
    # not now: whether that means a draft (no) or a moment to think is for y or n to say
    "later", "maybe later", "not today", "in a bit", "in a minute", "one sec", "hang on",
    "hold on", "tomorrow",
})
# a wish to go back and change something, typed alone ("Save this entry?": n, then `--resume
# --editor`, as the question asked again says): never words for the entry, asked again
GO_BACK = frozenset({"back", "go back", "edit", "change", "fix", "undo", "redo"})
ASKED_AGAIN |= GO_BACK
# ... or said as a request to the tool (`wants_to_go_back`): "go back please", "let me edit",
# "can I fix a typo?", "wait, I want to change that", "no, go back". A statement about life
# ("I need to go back", "Things need to change", "I want to make a change") is words.
GO_BACK_MOST_WORDS = 10
# what may come before a request and say nothing of the entry ("no, let me edit", "wait, ...")
REQUEST_LEAD = frozenset({
    "no", "n", "nope", "nah", "not", "yet", "ok", "okay", "yeah", "yes", "y", "wait", "hang",
    "hold", "on", "up", "sorry", "oops", "oh", "actually", "hmm", "hm", "um", "umm", "erm", "er",
    "uh", "just", "one", "sec", "hey", "please",
})
_NO_LEADS = frozenset({"no", "n", "nope", "nah", "not"})  # at a [y/N] question, a no first
# how a request asks leave ("let me edit", "can I change it") ...
ASKING = tuple(tuple(words.split()) for words in (
    "let me", "lemme", "let's", "lets", "can i", "could i", "may i", "can we", "could we",
))
# ... or says a wish: a request only after REQUEST_LEAD ("wait, I want to change that") or of
# an EDITING verb ("I'd like to edit"); "I need to change" is about life
WISHING = tuple(tuple(words.split()) for words in (
    "i want to", "i wanna", "i'd like to", "id like to", "i would like to", "i need to",
))
# verbs of changing a text; "change", "fix", "go back" and "make a change" are of a life too
EDITING = frozenset({
    "edit", "amend", "rewrite", "revise", "retype", "rephrase", "redo", "undo", "tweak",
    "correct", "re-do", "re-write", "re-type",
})
CHANGING = EDITING | {"change", "fix", "back"}
MADE = frozenset({"change", "changes", "edit", "edits", "correction", "corrections", "tweak",
                  "tweaks", "fix", "fixes"})
# what may follow the verb of a request: what is changed (the entry, a part of it), how, and
# more of the request ("go back and edit it please")
REQUEST_TAIL = frozenset({
    "it", "that", "this", "them", "those", "these", "something", "some", "a", "an", "bit",
    "few", "couple", "of", "little", "small", "quick", "quickly", "the", "my", "entry",
    "answer", "answers", "evaluation", "feelings", "experience", "setting", "tags", "tag",
    "self-care", "note", "text", "typo", "typos", "spelling", "step", "steps", "one", "thing",
    "things", "words", "word", "line", "lines", "part", "bits", "first", "again", "please",
    "pls", "plz", "before", "saving", "save", "to", "start", "beginning", "top", "last",
    "previous", "earlier", "there", "sorry", "thanks", "and", "go", "back", "make", "i", "me",
    "let", "can", "now", "wait", "draft", *MADE, *CHANGING,
})
# At "Save this entry?" at a terminal, a wish to hear (or see) the whole entry first, whose
# review shows each part's first words: read out in full, then asked again
# (`GuidedSession._read_it_all`); "r" is what the question offers
READ_IT_ALL = frozenset({
    "r", "read", "read it", "read all", "read it all", "read it back", "read back",
    "read it out", "read out", "read the entry", "read the whole entry", "show all",
    "show it all", "show the whole entry", "whole entry", "the whole entry",
})
# The replies to the small-hours question "is this entry about yesterday?" beyond y and n
# (`named`, for `yes_or_no_reply`; `GuidedSession._which_day`): the day said, alone or after a
# yes or no that agrees ("yesterday", "last night", "yes, yesterday", "no, it's today"); never
# words for the entry. A yes and no at odds ("no, yesterday") are words, asked about again.
_DAY_WORDS = {
    True: ("yesterday", "last night", "yesterday's shift", "last night's shift"),
    False: ("today", "tonight", "this morning", "today's"),
}
_DAY_LEADS = ("", "it's", "its", "it is", "it was", "about", "it's about", "it was about")
DAY_ANSWERS = {
    " ".join(f"{agree} {lead} {day}".split()): value
    for value, days in _DAY_WORDS.items()
    for agree in ("", *(YES_WORDS if value else NO_WORDS - {"not yet"}))
    for lead in _DAY_LEADS
    for day in days
}
# ... and a yes or no at odds with the day ("no, yesterday", "yes, today"): asked again
ASKED_AGAIN |= {
    " ".join(f"{agree} {lead} {day}".split())
    for value, days in _DAY_WORDS.items()
    for agree in (NO_WORDS - {"not yet"} if value else YES_WORDS)
    for lead in _DAY_LEADS
    for day in days
}
# a yes or no typed with a stray space ("y es", "n o"): at most this many letters in all
SPACED_SLIP_LETTERS = 4
AGAIN = "again"  # a reply that is a try at an answer, or a hesitation: asked again
SHORTEST_START = 4  # letters of a named answer typed ("emergency" for "emergency department")


def yes_or_no_reply(
    line: str, named: dict[str, bool] | None = None, partial: bool = False,
    requests: bool = False,
) -> bool | str | None:
    """What a line typed at a [Y/n] question is: True or False, an answer; AGAIN, a try at
    one to ask again; None, words for the entry (kept).

    Enter, YES_WORDS and `named` True are yes; NO_WORDS and `named` False are no, also
    followed by a few ANSWER_TAIL words ("yes please"); `named` answers also with another
    case, spacing or full stop, or the start of one (SHORTEST_START letters or more) that
    starts answers of one kind only. A line of no letters, one of ASKED_AGAIN ("ok", "hmm",
    "maybe later"), a yes or no with a stray space in it ("y es"), or one word that is a
    letter, a question ("what?") or a slip at yes or no (one letter off, or a letter held
    down: "ues", "yesss", "nop") is AGAIN; with `requests` (a writer at a terminal, asked
    "Save this entry?"), so is a request to go back and change the entry (`wants_to_go_back`:
    "let me edit"), which piped in, or cut off by Ctrl-C, is words. `partial`: a line Ctrl-C
    cut off, where the start of any of these counts as it."""
    if not line.strip():
        return True
    if not any(character.isalpha() for character in line):
        return AGAIN
    words = _reply_words(line)
    reply = " ".join(words)
    answers = {" ".join(_reply_words(key)): value for key, value in (named or {}).items()}
    answers.update({word: True for word in YES_WORDS})
    answers.update({word: False for word in NO_WORDS})
    if reply in answers:
        return answers[reply]
    if reply in ASKED_AGAIN or (requests and wants_to_go_back(line)):  # a phrase ("maybe
        return AGAIN  # later", "let me edit"), not a word and its tail
    joined = "".join(words)
    if len(words) > 1 and len(joined) <= SPACED_SLIP_LETTERS and (
        joined in answers or _a_slip_at_yes_or_no(joined)
    ):
        return AGAIN  # "y es": a slip of the space bar, not words for the entry
    tail = words[1:]
    if partial and tail:  # the last word may be cut off ("yes plea")
        tail = [*tail[:-1], next((w for w in ANSWER_TAIL if w.startswith(tail[-1])), "?")]
    if len(tail) <= ANSWER_TAIL_WORDS and set(tail) <= ANSWER_TAIL:
        if words[0] in answers:
            # "yes not yet", "y do not": a yes taken back is no clear yes
            return AGAIN if answers[words[0]] and "not" in tail else answers[words[0]]
        if words[0] in ASKED_AGAIN or reply in ASKED_AGAIN:
            return AGAIN
    started = {value for key, value in answers.items() if key.startswith(reply)}
    if partial and (started or any(word.startswith(reply) for word in ASKED_AGAIN)):
        return AGAIN
    if len(reply) >= SHORTEST_START and started:
        return started.pop() if len(started) == 1 else AGAIN
    if len(words) == 1 and (
        sum(character.isalpha() for character in reply) == 1
        or reply.endswith("?")
        or _a_slip_at_yes_or_no(reply)
    ):
        return AGAIN
    return None


def a_plain_answer(line: str) -> bool | None:
    """A line that came in with others (pasted, or piped after the answer) as an answer: True
    or False for y, yes, n or no alone (PLAIN_ANSWERS; its case and end stop aside), else None:
    words ("Sure.", "No thanks.", "Yesterday" are what a paste says)."""
    return PLAIN_ANSWERS.get(" ".join(_reply_words(line)))


def reads_it_all(line: str) -> bool:
    """Whether `line` asks for the whole entry to be read out (READ_IT_ALL: "r", "Read it
    all.", "read it back please"), its case, spacing, end stop and ANSWER_TAIL words aside."""
    words = _reply_words(line)
    while len(words) > 1 and words[-1] in ANSWER_TAIL:  # ("read it back please")
        words.pop()
    return " ".join(words) in READ_IT_ALL


# The words a yes to a question about destroying something may have after it ("yes please",
# "yes, do it"): fewer than `ANSWER_TAIL`, where "yes, keep it" answers "Save this entry?"
CONFIRM_TAIL = frozenset({
    "please", "thanks", "thank", "you", "ta", "cheers", "do", "it", "go", "ahead", "ok", "okay",
    "sure", "now",
})


STOP_WORDS = ("q", "quit", "stop")  # typed alone at a prompt: stop for now


def confirm_reply(line: str) -> bool | str:
    """What a line typed at a [y/N] question (`AppContext.confirm`) is: True only for a clear
    yes (`yes_or_no_reply`, its tail words all `CONFIRM_TAIL`; none that acknowledges only,
    "ok"); AGAIN for a try at an answer, a yes with other words ("yes, keep it"), one with
    "ok" ("ok", "ok sure", "sure ok"), or a yes trailing off ("yes...", "yes…": a
    hesitation, where "yes." and "yes!" are a yes) or a request to go back ("wait, let me
    change that"), but for one led by a no ("no, go back"); False for Enter, q (quit, stop)
    and anything else."""
    if not line.strip() or line.strip().lower() in STOP_WORDS:  # (q stops the self-check too)
        return False
    reply, words = yes_or_no_reply(line, requests=True), _reply_words(line)
    if reply == AGAIN and wants_to_go_back(line) and words[0] in _NO_LEADS:
        return False
    if reply is True and (
        not set(words[1:]) <= CONFIRM_TAIL or _TRAILING_OFF.search(line)
        or ACKNOWLEDGING & set(words)  # ("ok sure" and "sure ok" alike)
    ):
        return AGAIN
    if reply is None and ACKNOWLEDGING & set(words) and (set(words) - ACKNOWLEDGING) & YES_WORDS:
        return AGAIN  # ("ok yes", as "yes ok": QA r48 found it read as a no)
    return AGAIN if reply == AGAIN else reply is True


def ask_yes_no(read: Callable[[], str | None], say: Callable[[str], None]) -> bool | None:
    """The answer to a [y/N] question, its lines read by `read()` (None at end of input): True
    for a clear yes, False for a no (`confirm_reply`), None for q (quit, stop) or end of input,
    a wish to stop, which a question whose no goes on tells apart; a try at an answer is asked
    again, `say` saying so."""
    while True:
        line = read()
        if line is None or line.strip().lower() in STOP_WORDS:
            return None
        reply = confirm_reply(line)
        if reply != AGAIN:
            return reply is True
        say("Please answer y or n.")


# typed alone on a line at a prompt of a guided write (not a [Y/n] question): back to the
# question before (`goes_back`); never words for the answer. ("edit", "change" or "fix" alone
# may be one: "What would you change?" "fix")
BACK_A_QUESTION = frozenset({
    "back", "go back", "undo", "previous", "previous question", "back a question",
})


def goes_back(line: str) -> bool:
    """Whether `line`, alone at a prompt of a guided write, asks to go back a question
    (BACK_A_QUESTION: "back", "Go back.", "undo!"), its case, spacing and end stop aside."""
    return " ".join(line.lower().split()).strip(" .!") in BACK_A_QUESTION


def wants_to_go_back(line: str) -> bool:
    """Whether `line` is one of GO_BACK ("back", "Edit!"), perhaps with ANSWER_TAIL words
    ("fix it"), or a request to the tool to go back and change the entry: at most
    GO_BACK_MOST_WORDS words, some REQUEST_LEAD words ("no, wait"), then an imperative ("go
    back to feelings", "fix a typo"), leave asked ("let me edit", "can I change it?") or,
    after a lead or of an EDITING verb, a wish ("sorry, I want to make a change", "I'd like
    to edit"), and nothing after but REQUEST_TAIL words."""
    words = [word.strip("?-\u2013\u2014").replace("\u2019", "'") for word in _reply_words(line)]
    words = [word for word in words if word]
    if not words:
        return False
    if " ".join(words) in GO_BACK or (words[0] in GO_BACK and set(words[1:]) <= ANSWER_TAIL):
        return True
    if len(words) > GO_BACK_MOST_WORDS:
        return False
    lead = next((n for n, word in enumerate(words) if word not in REQUEST_LEAD), len(words))
    rest = words[lead:]
    for opener in ASKING:
        if tuple(rest[: len(opener)]) == opener:
            return _a_change(rest[len(opener):])
    for opener in WISHING:
        if tuple(rest[: len(opener)]) == opener:
            return _a_change(rest[len(opener):], of_life=lead > 0)
    return _a_change(rest)


def _a_change(words: list[str], of_life: bool = True) -> bool:
    """Whether `words` ask for a change of the entry: a verb of CHANGING ("go back": "back";
    "make a change": "make" then one of MADE), or only of EDITING unless `of_life`, first;
    then only REQUEST_TAIL words."""
    start = list(itertools.dropwhile(lambda word: word in {"go", "just"}, words))
    if start[:1] == ["make"] and of_life:
        made = next((n for n, word in enumerate(start) if word in MADE), len(start))
        return made < len(start) and set(start[1:]) <= REQUEST_TAIL
    verbs = CHANGING if of_life else EDITING
    return bool(start) and start[0] in verbs and set(start[1:]) <= REQUEST_TAIL


# An ellipsis at the end of a reply, typed as dots ("yes..", "yes...") or as one character
# ("yes…"), a space or closing quote after it or not
_TRAILING_OFF = re.compile(r"(\.\.|…)[\s'\"]*$")


def holds_no_word(line: str) -> bool:
    """Whether a reply has something but no word of two letters or more ("x", ".", ";"): a
    stray key at a [Y/n] question, however fast a second Enter followed it, never words for
    the entry (y and n themselves are answers all the same)."""
    return bool(line.strip()) and _A_WORD.search(line) is None


_A_WORD = re.compile(r"[^\W\d_]{2,}")


def _reply_words(line: str) -> list[str]:
    """The words of a reply, lower-cased, each without the punctuation it ends in (but ?)."""
    words = (word.rstrip(".,!;:\\'\"") for word in line.lower().split())
    return [word for word in words if word]


def _a_slip_at_yes_or_no(word: str) -> bool:
    """Whether `word` is y, yes, n or no with a letter held down ("yesss", "nooo") and at
    most one letter wrong, missing, added or swapped ("ues", "ye", "nop", "on")."""
    from peerjournal.setting_names import edits

    once = re.sub(r"(.)\1+", r"\1", word)
    return any(
        edits(once, target, 1) <= 1 or edits(word, target, 1) <= 1
        for target in ("y", "yes", "n", "no")
    )
