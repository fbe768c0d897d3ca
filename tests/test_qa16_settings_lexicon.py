"""An organisation's lexicon file as an admin writes it: the mistakes people make get a message
that names the file, the marker and the field and says what to do; the cache stays small and
never outlives the code that built it (QA round 16)."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.drift import lexicon as lexicon_module
from peerjournal.drift import load_lexicon
from test_drift_cli import DRIFT, ORG_LEXICON, ok, one_line_error, org_lexicon


def drift_error(cli: CLI, path: Path, *fragments: str) -> str:
    """`drift --text` with the lexicon at `path` fails with one line naming it."""
    return one_line_error(
        cli("drift", "--lexicon", str(path), "--text", DRIFT), 1, str(path), *fragments
    )


def changed(tmp_path: Path, old: str, new: str) -> Path:
    assert old in ORG_LEXICON
    return org_lexicon(tmp_path, ORG_LEXICON.replace(old, new, 1))


# -- how the file was saved ----------------------------------------------------------------------


def test_a_lexicon_saved_with_a_byte_order_mark_loads(cli: CLI, tmp_path: Path) -> None:
    """Windows Notepad saves UTF-8 with a BOM: that was 'Invalid statement (at line 1)'."""
    path = tmp_path / "org.toml"
    path.write_bytes(b"\xef\xbb\xbf" + ORG_LEXICON.encode())
    result = ok(cli("drift", "--lexicon", str(path), "--json", "--text", "I told her to rest."))
    assert '"marker": "org.advice"' in result.stdout
    # the version is still the file's own hash: an edit is a new version
    assert load_lexicon(path).version == hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def test_a_lexicon_in_another_encoding_says_which_line_and_what_to_do(
    cli: CLI, tmp_path: Path
) -> None:
    path = tmp_path / "org.toml"
    path.write_bytes(ORG_LEXICON.replace('"Our stories"', '"Nos récits"').encode("latin-1"))
    line = ORG_LEXICON.split("\n").index('story = "Our stories"') + 1
    message = drift_error(cli, path, f"line {line} is not UTF-8 text", "save the file as UTF-8")
    assert "codec" not in message and "0xe9" not in message


def test_a_lexicon_saved_as_utf16_says_so(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_bytes(ORG_LEXICON.encode("utf-16"))
    drift_error(cli, path, "saved as UTF-16; save it as UTF-8")


def test_a_binary_file_is_not_a_lexicon(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    drift_error(cli, path, "not a text file")


def test_a_folder_is_not_a_lexicon(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "lexicons"
    path.mkdir()
    drift_error(cli, path, "cannot read lexicon: it is a folder")


# -- what is in it -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        # a typo'd field is named with the field it was probably meant to be
        (
            'polarity = "drift"\nsource = "our practice guide, p. 1"',
            'polarity = "drift"\nwieght = 2\nsource = "our practice guide, p. 1"',
            ["marker 'org.advice'", "field 'wieght': unknown field (did you mean 'weight'?)"],
        ),
        # the value that is wrong is quoted, and what a right one looks like
        (
            'polarity = "drift"\nsource = "our practice guide, p. 1"',
            'polarity = "drift"\nweight = "high"\nsource = "our practice guide, p. 1"',
            ["marker 'org.advice'", "field 'weight'", "'high'", "such as 1.5"],
        ),
        (
            'polarity = "drift"\nsource = "our practice guide, p. 1"',
            'polarity = "drift"\nweight = 10\nsource = "our practice guide, p. 1"',
            ["field 'weight': 10 is out of range", "more than 0 and at most 5"],
        ),
        (
            'dimension = "story"',
            'dimension = "stories"',
            ["marker 'org.story'", "'stories' is not a dimension (did you mean 'story'?)"],
        ),
        # which pattern of the list is the empty one
        (
            '"peer café"]',
            '"peer café", " "]',
            ["marker 'org.story'", "field 'patterns': item 4 is empty"],
        ),
        (
            '"peer café"]',
            '"peer café", 3]',
            ["marker 'org.story'", "field 'patterns': item 4 (3) must be a string"],
        ),
        (
            'story = "Our stories"',
            'stroy = "Our stories"',
            ["table 'labels'", "field 'stroy': unknown dimension (did you mean 'story'?)"],
        ),
        (
            'story = ["ORG story, never asked of identity?"]',
            'story = "ORG story?"',
            ["table 'questions'", "field 'story'", 'such as ["Whose choice was it?"]'],
        ),
        (
            '"ORG advice two?"',
            '"ORG advice two"',
            ["table 'questions'", "field 'advice': question 2 does not end in '?'"],
        ),
        # the [lexicon] table is checked like the rest
        ('name = "our-org"', 'nmae = "our-org"', ["field 'nmae'", "did you mean 'name'?"]),
        ('name = "our-org"', "name = 5", ["table 'lexicon'", "field 'name'"]),
        ('[lexicon]\nname = "our-org"', 'lexicon = "our-org"', ["table 'lexicon'"]),
        ("[labels]", "[label]", ["table 'label'", "did you mean 'labels'?"]),
        # [marker_labels] names curated markers of this lexicon, in plain words
        (
            "[labels]",
            '[marker_labels]\n"org.advise" = "telling"\n\n[labels]',
            ["table 'marker_labels'", "field 'org.advise'", "did you mean 'org.advice'?"],
        ),
        (
            "[labels]",
            '[marker_labels]\n"org.advice" = " "\n\n[labels]',
            ["table 'marker_labels'", "field 'org.advice': must be a non-empty string"],
        ),
        ("[lexicon]", 'marker_labels = "x"\n\n[lexicon]', ["table 'marker_labels'", "a table"]),
    ],
)
def test_mistakes_name_file_marker_and_field_and_say_what_is_wrong(
    cli: CLI, tmp_path: Path, old: str, new: str, fragments: list[str]
) -> None:
    drift_error(cli, changed(tmp_path, old, new), *fragments)


def test_a_duplicate_id_names_both_markers(cli: CLI, tmp_path: Path) -> None:
    path = changed(tmp_path, 'id = "org.clinical"', 'id = "org.advice"')
    drift_error(cli, path, "marker 'org.advice'", "duplicate id (marker #1 has it too", "#3")


def test_one_bracket_pair_around_a_lone_marker_says_use_two(cli: CLI, tmp_path: Path) -> None:
    text = ORG_LEXICON.split("[[marker]]")[0] + "[marker]" + ORG_LEXICON.split("[[marker]]")[1]
    drift_error(cli, org_lexicon(tmp_path, text), "[[marker]], with double brackets")


def test_a_lexicon_error_ends_as_a_sentence_before_the_draft_is_named(
    cli: CLI, tmp_path: Path
) -> None:
    """`write` adds "Your entry is kept as a draft …" to the reason it could not save."""
    path = changed(tmp_path, 'dimension = "story"', 'dimension = "stories"')
    result = cli("--lexicon", str(path), "write", "-x", "We walked to the housing office.")
    assert result.exit_code == 1
    assert "advocacy. Your words are kept as draft" in result.stderr


# -- the cache -----------------------------------------------------------------------------------


def test_the_cache_is_not_reused_by_other_scoring_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade that keeps the version number (an install from a checkout) validated and
    compiled nothing again: a file the new code refuses kept loading from the old pickle."""
    path, cache = org_lexicon(tmp_path), tmp_path / "cache"
    parsed: list[str] = []
    real_parse = lexicon_module.parse_lexicon

    def parse(data: bytes, where: str) -> lexicon_module.Lexicon:
        parsed.append(where)
        return real_parse(data, where)

    monkeypatch.setattr(lexicon_module, "parse_lexicon", parse)
    load_lexicon(path, cache)
    load_lexicon(path, cache)
    assert len(parsed) == 1  # the second came from the cache
    monkeypatch.setattr(lexicon_module, "scorer_version", lambda: "newer-code")
    load_lexicon(path, cache)
    assert len(parsed) == 2


def test_the_cache_keeps_only_the_lexicons_used_last(tmp_path: Path) -> None:
    """An admin editing a lexicon makes a new version each time: the cache kept them all
    (several MB each for a large lexicon, and up to 64 MB of regexes)."""
    cache, kept = tmp_path / "cache", lexicon_module.KEPT_LEXICONS

    def load(n: int) -> None:
        text = ORG_LEXICON.replace("our-org", f"our-org-{n}")
        load_lexicon(org_lexicon(tmp_path, text, f"v{n}.toml"), cache)
        time.sleep(0.02)  # file times are coarse: one load, one time

    load(0)
    [first] = cache.glob("lexicon-*.pickle")
    regexes = cache / f"regex-{first.stem.removeprefix('lexicon-')}-tag.bin"
    regexes.write_bytes(b"its compiled regexes")
    for n in range(1, kept + 3):
        load(n)
        load(0)  # used again each time: it stays
    assert len(list(cache.glob("lexicon-*.pickle"))) == kept
    assert first.exists() and regexes.exists()
    for n in range(kept + 3, 2 * kept + 3):
        load(n)
    assert len(list(cache.glob("lexicon-*.pickle"))) == kept
    assert not first.exists() and not regexes.exists()  # no longer used: gone
