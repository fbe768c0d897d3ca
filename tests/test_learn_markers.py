"""benchmarks/learn_markers.py: the learned part of the shipped lexicon is reproducible and
holds only the kind of phrase its rules allow."""

from __future__ import annotations

from conftest import curated_lexicon
from learn_markers import (
    LEARNED_SECTION,
    MOOD_WORDS,
    SETTING_WORDS,
    STYLE_WORDS,
    curated_text,
    evidence,
    learned_lexicon_text,
    read_otherwise,
    usable,
)
from peerjournal.drift import load_lexicon
from peerjournal.drift.lexicon import DEFAULT_LEXICON
from peerjournal.drift.matcher import is_flag_cue


def test_the_shipped_lexicon_is_what_the_script_writes() -> None:
    shipped = DEFAULT_LEXICON.read_text(encoding="utf-8")
    assert shipped.count(LEARNED_SECTION) == 1
    assert shipped == learned_lexicon_text(), "run benchmarks/learn_markers.py"
    assert curated_text(shipped) == shipped[: shipped.index(LEARNED_SECTION)]


def test_learned_phrases_follow_the_rules() -> None:
    learned = [p for m in load_lexicon().markers if m.learned for p in m.patterns]
    assert len(learned) >= 500
    banned = MOOD_WORDS | SETTING_WORDS | STYLE_WORDS
    for phrase in learned:
        words = phrase.split()
        assert 1 <= len(words) <= 3 and not banned.intersection(words), phrase
        assert not any(map(is_flag_cue, words)), phrase


def test_what_is_not_learned() -> None:
    names = frozenset({"chidi"})
    assert not usable("chidi said", names)  # a name
    assert not usable("used to")  # a cue: it would count itself
    assert not usable("to check")  # starts with a function word
    assert not usable("rain")  # the weather
    assert not usable("brilliant")  # mood
    assert usable("sertraline") and usable("told her she")


def test_no_learned_phrase_is_only_function_words_numbers_or_ordinals() -> None:
    """"first", "himself" or "towards" listed as a learned hit is no evidence a writer can
    see; nor is "after my first" or "x". With a content word the phrase may be learned."""
    learned = [p for m in load_lexicon().markers if m.learned for p in m.patterns]
    assert [p for p in learned if not evidence(p)] == []
    for gram in ("first", "himself", "towards", "fourteen", "after my first", "st", "j"):
        assert not usable(gram), gram
    assert usable("first time") and usable("sat beside") and "first time" in learned


def test_no_phrase_whose_read_otherwise_is_learned() -> None:
    """'coping' leans drift, but "not coping" is a curated deficit phrase: negating a learned
    drift word must never add drift."""
    learned = {"coping": ("focus", "drift", 2.0), "sertraline": ("clinical_language", "drift", 4.0)}
    assert read_otherwise(learned, curated_lexicon()) == {"coping": learned["coping"]}
    shipped = {p for m in load_lexicon().markers if m.learned for p in m.patterns}
    assert "coping" not in shipped and "judgement" not in shipped
