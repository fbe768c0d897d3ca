"""The on-disk store of compiled regexes: what it rebuilds behaves as `re.compile`, and a
damaged, torn, foreign or unwritable file costs speed only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.drift import load_lexicon, regex_store, score_text
from peerjournal.drift.lexicon import DEFAULT_LEXICON, _parse_cached
from peerjournal.drift.regex_store import RegexStore

pytestmark = pytest.mark.skipif(regex_store.TAG is None, reason="not CPython's regex engine")

WORDS = ["told", "her", "him", "she", "should", "what", "to", "do", "the", "team", "i", "not"]
WORDS += ["telling", "tell", "me", "my", "story", "'", ",", "-", " ", "  ", "\n"]


def lexicon_patterns() -> list[str]:
    """Real combined regexes of the shipped lexicon (some of the largest)."""
    index = load_lexicon().index
    return [index.single(word)[0].pattern for word in ("told", "tell", "telling", "shared")]


PATTERNS = [r"a(b|c)+d(?!\w)", r"(?i)hello (world|there)", r"x(?:(y)|(z))?$"]


def test_a_new_store_rebuilds_what_an_earlier_one_compiled(tmp_path: Path) -> None:
    path = tmp_path / "regex.bin"
    first = RegexStore(path)
    patterns = PATTERNS + lexicon_patterns()
    for pattern in patterns:
        assert first.compile(pattern).pattern == pattern
    assert (first.compiled, first.loaded) == (len(patterns), 0)
    again = RegexStore(path)
    rebuilt = [again.compile(pattern) for pattern in patterns]
    assert (again.compiled, again.loaded) == (0, len(patterns))
    assert [r.flags for r in rebuilt] == [re.compile(p).flags for p in patterns]
    assert [r.groups for r in rebuilt] == [re.compile(p).groups for p in patterns]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14))
def test_rebuilt_regexes_match_as_compiled_ones(
    tmp_path_factory: pytest.TempPathFactory, words: list[str]
) -> None:
    path = tmp_path_factory.getbasetemp() / "shared-regex.bin"
    RegexStore(path).compile(lexicon_patterns()[2])  # stored once, then rebuilt
    store = RegexStore(path)
    text = " ".join(words)
    for pattern in [lexicon_patterns()[2], *PATTERNS]:
        rebuilt, fresh = store.compile(pattern), re.compile(pattern)
        for at in range(len(text) + 1):
            found, expected = rebuilt.match(text, at), fresh.match(text, at)
            assert (found and (found.span(), found.lastindex)) == (
                expected and (expected.span(), expected.lastindex)
            )


def test_a_process_sees_what_another_appended_since_it_last_read(tmp_path: Path) -> None:
    path = tmp_path / "regex.bin"
    worker_a, worker_b = RegexStore(path), RegexStore(path)
    worker_b.compile(PATTERNS[0])  # b has read the file (then empty) and appended
    worker_a.compile(PATTERNS[1])
    worker_b.compile(PATTERNS[1])  # appended by a after b's last read
    assert (worker_b.compiled, worker_b.loaded) == (1, 1)


def test_a_damaged_record_starts_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "regex.bin"
    store = RegexStore(path)
    for pattern in PATTERNS:
        store.compile(pattern)
    data = bytearray(path.read_bytes())
    data[40] ^= 0xFF  # inside the first record's payload
    path.write_bytes(bytes(data))
    damaged = RegexStore(path)
    assert damaged.compile(PATTERNS[2]).match("xz")  # compiled afresh, still right
    assert (damaged.compiled, damaged.loaded) == (1, 0)
    assert RegexStore(path).compile(PATTERNS[2]).match("xz")
    assert len(path.read_bytes()) < len(data)  # the new file holds what was compiled since


def test_a_torn_last_record_loses_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "regex.bin"
    store = RegexStore(path)
    for pattern in PATTERNS:
        store.compile(pattern)
    path.write_bytes(path.read_bytes()[:-5])  # a writer stopped mid-record
    torn = RegexStore(path)
    for pattern in PATTERNS:
        assert torn.compile(pattern).pattern == pattern
    assert (torn.loaded, torn.compiled) == (2, 1)


def test_garbage_foreign_or_unwritable_files_only_cost_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00\xff" * 5000)
    assert RegexStore(garbage).compile(PATTERNS[0]).match("abcd")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    unwritable = RegexStore(blocked / "regex.bin")
    assert unwritable.compile(PATTERNS[0]).match("abcd")
    assert unwritable.path is None and unwritable.compiled == 1
    monkeypatch.setattr(regex_store, "TAG", None)  # another Python's regex engine
    assert RegexStore(tmp_path / "regex.bin").path is None


def test_named_groups_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "regex.bin"
    pattern = r"(?P<verb>said|told) (\w+) (?P<whom>him|her)"
    RegexStore(path).compile(pattern)
    store = RegexStore(path)
    found = store.compile(pattern).match("told them her")
    assert store.loaded == 1 and found is not None
    assert (found["verb"], found[2], found["whom"]) == ("told", "them", "her")
    assert store.compile(pattern).groupindex == re.compile(pattern).groupindex


def test_a_lexicon_from_the_disk_cache_rebuilds_its_regexes(tmp_path: Path) -> None:
    data = DEFAULT_LEXICON.read_bytes()
    text = "I told her she should take her meds. We sat and talked about her dog."
    first = _parse_cached(data, str(DEFAULT_LEXICON), tmp_path)
    expected = score_text(text, first).to_dict()
    assert first.index.regexes.compiled > 0 and first.index.regexes.loaded == 0
    [stored] = list(tmp_path.glob("regex-*.bin"))
    assert stored.stat().st_size > 0
    again = _parse_cached(data, str(DEFAULT_LEXICON), tmp_path)
    assert score_text(text, again).to_dict() == expected
    assert again.index.regexes.compiled == 0 and again.index.regexes.loaded > 0


def test_flags_are_kept_and_part_of_the_key(tmp_path: Path) -> None:
    path = tmp_path / "regex.bin"
    RegexStore(path).compile(r"^me:", re.MULTILINE)
    store = RegexStore(path)
    plain, multiline = store.compile(r"^me:"), store.compile(r"^me:", re.MULTILINE)
    assert (store.loaded, store.compiled) == (1, 1)  # the same pattern without the flag is new
    assert multiline.flags == re.compile(r"^me:", re.MULTILINE).flags
    assert multiline.search("x\nme: hi") and not plain.search("x\nme: hi")


def test_the_drift_modules_own_regexes_compile_through_a_store() -> None:
    found = regex_store.compile(r"\bcaught myself\b", re.IGNORECASE)
    assert found.search("I Caught Myself") and found.flags & re.IGNORECASE
