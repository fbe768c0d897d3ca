"""The lexicon: shipped data, validation with named errors, the pattern language."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import curated_score
from peerjournal.drift import DIMENSIONS, LexiconError, load_lexicon, score_text
from peerjournal.drift.lexicon import (
    DEFAULT_LEXICON,
    _drops_g,
    compile_pattern,
    example_phrase,
    inflections,
)
from peerjournal.errors import ExitCode, PeerJournalError

MINIMAL = """
[labels]
advice = "Advice"

[questions]
advice = ["What was happening for you when you moved toward telling?"]

[[marker]]
id = "advice.org"
dimension = "advice"
polarity = "drift"
source = "our practice guide, p. 3"
patterns = ["you (should|must)", "symptom*", "lecture~", "told * to", "shared ** story"]
"""


def write(tmp_path: Path, text: str, name: str = "org.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_lexicon_covers_every_dimension() -> None:
    lex = load_lexicon()
    dims = {m.dimension for m in lex.markers}
    assert dims == set(DIMENSIONS)
    for dim in DIMENSIONS:
        assert (lex.label(dim) and lex.label(dim) != dim) or dim == "advice"
        assert lex.questions.get(dim), dim
        assert all(q.endswith("?") for q in lex.questions[dim])
    assert lex.pattern_count >= 300


def test_shipped_lexicon_cites_its_sources() -> None:
    for marker in load_lexicon().markers:
        if marker.learned:
            assert "learn_markers.py" in marker.source and marker.id.startswith("learned.")
        else:
            assert "seed" in marker.source or ".txt" in marker.source or "guide" in marker.source


def test_default_is_cached_and_versioned() -> None:
    lex = load_lexicon()
    assert load_lexicon() is lex
    assert lex.version == hashlib.sha256(DEFAULT_LEXICON.read_bytes()).hexdigest()[:12]


def test_org_lexicon_loads_and_has_its_own_version(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    lex = load_lexicon(path)
    assert lex.version == hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    assert lex.version != load_lexicon().version
    assert lex.label("advice") == "Advice"
    assert lex.label("co_optation") == "Co optation"  # fallback when the file has no label
    assert score_text("You should rest.", lex).hits[0].marker == "advice.org"


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        ('source = "our', 'colour = "red"\nsource = "our', "marker 'advice.org': field 'colour'"),
        ('dimension = "advice"', 'dimension = "vibes"', "marker 'advice.org': field 'dimension'"),
        ('polarity = "drift"', 'polarity = "identity"', "marker 'advice.org': field 'polarity'"),
        (
            'polarity = "drift"',
            'polarity = "drift"\nweight = 0',
            "marker 'advice.org': field 'weight'",
        ),
        ('polarity = "drift"', 'polarity = "drift"\nweight = "x"', "field 'weight'"),
        ('polarity = "drift"', 'polarity = "drift"\nnegation = "x"', "field 'negation'"),
        ('"symptom*"', '"(broken"', "marker 'advice.org': field 'patterns'"),
        ('"symptom*"', '"* alone"', "field 'patterns'"),
        ("patterns = [", "patterns = [] #", "field 'patterns'"),
        ('source = "our practice guide, p. 3"\n', "", "field 'source': missing"),
        ('id = "advice.org"', 'id = "Advice Org"', "field 'id'"),
        ('toward telling?"', 'toward telling."', "table 'questions'"),
    ],
)
def test_errors_name_file_marker_and_field(
    tmp_path: Path, replace: str, by: str, expected: str
) -> None:
    assert replace in MINIMAL
    path = write(tmp_path, MINIMAL.replace(replace, by, 1))
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert str(path) in info.value.message
    assert expected in info.value.message


def test_duplicate_ids_and_bad_toml_and_missing_file(tmp_path: Path) -> None:
    dup = MINIMAL + MINIMAL.split("[questions]")[1].split("\n", 3)[3]
    with pytest.raises(LexiconError, match="duplicate id"):
        load_lexicon(write(tmp_path, dup, "dup.toml"))
    with pytest.raises(LexiconError, match="not valid TOML"):
        load_lexicon(write(tmp_path, "[[marker]\n", "bad.toml"))
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon(tmp_path / "nope.toml")
    with pytest.raises(LexiconError, match="no \\[\\[marker\\]\\]"):
        load_lexicon(write(tmp_path, "[labels]\n", "empty.toml"))
    for blank in ("", "\n  \n# only a comment\n"):  # was "table 'marker': no [[marker]] entries"
        with pytest.raises(LexiconError, match="the file is empty; a lexicon needs"):
            load_lexicon(write(tmp_path, blank, "blank.toml"))


def test_lexicon_error_is_a_user_error() -> None:
    err = LexiconError("x")
    assert isinstance(err, PeerJournalError)
    assert err.exit_code == ExitCode.USER_ERROR


def test_pattern_language(tmp_path: Path) -> None:
    lex = load_lexicon(write(tmp_path, MINIMAL))

    def texts(text: str) -> list[str]:
        return [h.text for h in score_text(text, lex).hits]

    assert texts("YOU MUST stop.") == ["YOU MUST"]
    assert texts("so symptomatic") == ["symptomatic"]  # prefix
    assert texts("she lectured, he lectures") == ["lectured", "lectures"]  # inflections
    assert texts("I told him to go") == ["told him to"]  # one-word wildcard
    # ... which is never the writer or the reader: someone telling the writer is not advice
    assert texts("I told Sam to go") == ["told Sam to"]
    for other in ("me", "you", "us", "myself"):
        assert texts(f"She told {other} to go") == []
    assert texts("shared my own story; shared story") == ["shared my own story", "shared story"]
    # a '**' gap does not run into a new clause: run-on text does not join two phrases
    assert texts("I shared, but my story stayed mine") == []
    assert texts("we shared then she said her story") == []
    assert texts("we shared some of my story") == ["shared some of my story"]


def test_a_dropped_g_matches_the_ing_form() -> None:
    """Tired typing and dialect drop the g of "-ing" ("tellin' her", "sharin my story"); the
    phrase is the same. Not in "thing" or "bring", whose stem has no vowel."""
    assert [h.text for h in curated_score("Tellin her what to do again.").hits] == [
        "Tellin her what to do"
    ]
    assert [h.text for h in curated_score("I was tellin' him he should go.").hits] == [
        "tellin' him he should"
    ]
    assert [h.marker for h in curated_score("Sharin my story felt good.").hits] == ["story.shared"]
    assert [h.text for h in curated_score("I was tellin him.").hits] == []
    assert not _drops_g("thing") and not _drops_g("bring") and _drops_g("during")


def test_hyphens_contractions_and_curly_apostrophes() -> None:
    assert [h.text for h in curated_score("noncompliant again").hits] == ["noncompliant"]
    assert [h.text for h in curated_score("non compliant again").hits] == ["non compliant"]
    assert [h.text for h in curated_score("non-compliant again").hits] == ["non-compliant"]
    assert score_text("I didn\u2019t want to rock the boat").hits[0].text.endswith("boat")
    assert any(h.text == "what's wrong" for h in score_text("we asked what's wrong").hits)


def test_inflections_and_examples() -> None:
    assert {"shares", "shared", "sharing"} <= set(inflections("share"))
    assert {"stories"} <= set(inflections("story"))
    assert {"stopped", "stopping"} <= set(inflections("stop"))
    assert example_phrase("(told|tell~) * ** (story|past)") == "told it story"


def test_the_disk_cache_gives_the_same_lexicon_and_survives_damage(tmp_path: Path) -> None:
    from peerjournal.drift import score_text
    from peerjournal.drift.lexicon import DEFAULT_LEXICON, _parse_cached

    data = DEFAULT_LEXICON.read_bytes()
    first = _parse_cached(data, str(DEFAULT_LEXICON), tmp_path)
    [cached] = list(tmp_path.glob("lexicon-*.pickle"))
    again = _parse_cached(data, str(DEFAULT_LEXICON), tmp_path)
    text = "The team called him non-compliant. I told him he should take his meds."
    assert again is not first and again.version == first.version
    assert score_text(text, again).to_dict() == score_text(text, first).to_dict()
    cached.write_bytes(b"not a pickle")
    assert _parse_cached(data, str(DEFAULT_LEXICON), tmp_path).version == first.version
    other = data + b"\n# an organisation's edit\n"
    assert _parse_cached(other, str(DEFAULT_LEXICON), tmp_path).version != first.version


def test_a_full_disk_leaves_no_part_written_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache is optional: when writing it fails half way (a full disk), the lexicon is
    still returned and no temporary file is left to keep the disk full."""
    from peerjournal.drift.lexicon import DEFAULT_LEXICON, _parse_cached

    def half_written(path: Path, data: bytes) -> int:
        with open(path, "wb") as f:
            f.write(data[:1000])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", half_written)
    lexicon = _parse_cached(DEFAULT_LEXICON.read_bytes(), str(DEFAULT_LEXICON), tmp_path)
    assert lexicon.markers
    assert list(tmp_path.iterdir()) == []


def test_the_longest_phrase_wins_whatever_its_marker(tmp_path: Path) -> None:
    """At one start, the longest matching phrase wins, even when another marker has a longer
    pattern that does not match here."""
    text = MINIMAL + """
[[marker]]
id = "advice.short"
dimension = "advice"
polarity = "drift"
source = "test"
patterns = ["listened", "listened ** for hours on end without a single break"]

[[marker]]
id = "advice.long"
dimension = "advice"
polarity = "drift"
source = "test"
patterns = ["listened * to her"]
"""
    lex = load_lexicon(write(tmp_path, text))
    hits = score_text("I listened quietly to her.", lex).hits
    assert [(h.marker, h.text) for h in hits] == [("advice.long", "listened quietly to her")]
    hits = score_text("I listened.", lex).hits
    assert [(h.marker, h.text) for h in hits] == [("advice.short", "listened")]


def test_the_longest_match_wins_over_a_longer_pattern_source(tmp_path: Path) -> None:
    """A pattern of many one-word alternatives is long to write but matches little: the
    phrase that needs more of the text comes first."""
    text = MINIMAL + """
[[marker]]
id = "connection.listen"
dimension = "connection"
polarity = "identity"
source = "test"
patterns = [
  "(let|letting|lets) (her|him|them|*) (vent|talk|speak|cry|be|offload|rant|go at her own pace)",
]

[[marker]]
id = "voice.talked_over"
dimension = "voice"
polarity = "drift"
source = "test"
patterns = ["(let|letting) (her|him|them|*) talk over me"]
"""
    lex = load_lexicon(write(tmp_path, text))
    found = [(h.marker, h.text) for h in score_text("I let her talk over me.", lex).hits]
    assert found == [("voice.talked_over", "let her talk over me")]
    found = [(h.marker, h.text) for h in score_text("I let her talk.", lex).hits]
    assert found == [("connection.listen", "let her talk")]


def _engine_width(body: str) -> tuple[int, int]:
    import re._parser as sre_parse  # type: ignore[import-not-found]  # re's own parser

    low, high = sre_parse.parse(body).getwidth()
    return low, min(high, 10_000)


@pytest.mark.parametrize(
    "pattern",
    [
        "symptom*",
        "non-compliant",
        "didn't (share~|tell~ (her|him) about) my (story|past)",
        "told * (that)? (she|he) should",
        "(she|he) ** (supported|helped) me",
        "self-doubt* (about|over)?",
        "i'd been (there|through it)",
        "(telling|bring~) her what to do",
        "nothing* (thing|sharing)",
    ],
)
def test_phrase_widths_are_what_the_regex_engine_computes(pattern: str) -> None:
    """A combined regex tries its phrases widest first; the width is computed from the pattern
    rather than by parsing each regex again (which cost ~1 s per process), and must agree with
    the regex engine's own."""
    bodies = {body: width for _, _, body, width in compile_pattern(pattern)}
    assert bodies and all(_engine_width(b) == w for b, w in bodies.items())


def test_phrase_widths_agree_with_the_engine_across_the_shipped_lexicon() -> None:
    patterns = [p for m in load_lexicon().markers for p in m.patterns][::5]
    bodies = {body: width for p in patterns for _, _, body, width in compile_pattern(p)}
    assert len(bodies) > 500
    assert [b for b, w in bodies.items() if _engine_width(b) != w] == []


def test_learned_must_be_true_or_false(tmp_path: Path) -> None:
    marker = 'id = "learned.a"\ndimension = "story"\npolarity = "identity"\nsource = "s"\n'
    marker += 'patterns = ["x y"]'
    path = tmp_path / "lex.toml"
    path.write_text(f"[[marker]]\n{marker}\nlearned = \"yes\"\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"'learned.a'.*field 'learned': must be true or false"):
        load_lexicon(path)
    path.write_text(f"[[marker]]\n{marker}\nlearned = true\n", encoding="utf-8")
    lex = load_lexicon(path)
    assert lex.markers[0].learned and lex.learned_index is not None
    # learned hits are found apart from the curated ones, so they may overlap them
    assert [h.text for h in score_text("so x y z", lex).hits] == ["x y"]


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ('negation = "flip"\npatterns = ["x y"]', r"field 'negation': .* cannot flip"),
        ('patterns = ["told * she"]', r"field 'patterns': 'told \* she': .* lowercase words"),
        ('patterns = ["Told her"]', r"field 'patterns': 'Told her': .* lowercase words"),
        ('id = "org.a"\npatterns = ["x y"]', r"field 'id': a learned marker's id starts with"),
    ],
)
def test_learned_markers_hold_plain_phrases_and_never_flip(
    tmp_path: Path, extra: str, problem: str
) -> None:
    marker = 'dimension = "story"\npolarity = "identity"\nsource = "s"\nlearned = true\n'
    if not extra.startswith("id"):
        marker = 'id = "learned.a"\n' + marker
    path = tmp_path / "lex.toml"
    path.write_text(f"[[marker]]\n{marker}{extra}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"marker '(learned|org)\.a'.*{problem}"):
        load_lexicon(path)


def test_the_shipped_lexicon_is_parsed_once_for_every_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its parse is kept in the package folder (it holds nothing of any journal): a new data
    dir starts without parsing it again, and without a copy of its own."""
    from peerjournal.drift import lexicon as module

    package = tmp_path / "site-packages" / "drift"
    package.mkdir(parents=True)
    monkeypatch.setattr(module, "_SHIPPED_CACHE", package / "__pycache__" / "lexicon")
    monkeypatch.setattr(module, "_shipped", [])
    first = load_lexicon(None, tmp_path / "home-1" / "cache")
    [kept] = (package / "__pycache__" / "lexicon").glob("lexicon-*.pickle")
    assert not (tmp_path / "home-1").exists()

    monkeypatch.setattr(module, "_shipped", [])
    with monkeypatch.context() as patch:
        patch.setattr(module, "parse_lexicon", lambda *_: pytest.fail("parsed again"))
        again = load_lexicon(None, tmp_path / "home-2" / "cache")
    assert again.version == first.version and not (tmp_path / "home-2").exists()
    # an organisation's lexicon stays in the data dir's cache
    load_lexicon(write(tmp_path, MINIMAL), tmp_path / "home-2" / "cache")
    assert list((tmp_path / "home-2" / "cache").glob("lexicon-*.pickle"))
    assert list(kept.parent.glob("lexicon-*.pickle")) == [kept]


def test_a_read_only_package_keeps_the_shipped_lexicon_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where nothing can be written beside the package (a system install), the data dir's
    cache keeps it: parsed once, then read from there."""
    from peerjournal.drift import lexicon as module

    package = tmp_path / "site-packages" / "drift"
    package.mkdir(parents=True)
    (package / "__pycache__").write_text("a file: no folder can be made here (even by root)")
    monkeypatch.setattr(module, "_SHIPPED_CACHE", package / "__pycache__" / "lexicon")
    monkeypatch.setattr(module, "_shipped", [])
    first = load_lexicon(None, tmp_path / "home" / "cache")
    assert list((tmp_path / "home" / "cache").glob("lexicon-*.pickle"))
    monkeypatch.setattr(module, "_shipped", [])
    with monkeypatch.context() as patch:
        patch.setattr(module, "parse_lexicon", lambda *_: pytest.fail("parsed again"))
        assert load_lexicon(None, tmp_path / "home" / "cache").version == first.version
