"""The feelings vocabulary and negation-aware counting."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerjournal.errors import PeerJournalError
from peerjournal.feelings import load_vocabulary, named_feelings, parse_vocabulary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scared and ashamed.", {"fear": 1, "shame": 1}),
        ("Not scared, just tired.", {"tired": 1}),
        ("I wasn't anxious at all", {}),
        ("I didn't feel tired", {}),
        ("No longer ashamed of it.", {}),
        ("I felt scared but not ashamed", {"fear": 1}),
        ("never felt so calm", {"calm": 1}),  # an intensifier, not a negation
        ("not only scared but angry", {"fear": 1, "anger": 1}),
        ("Worn out. Burnt out. Exhausted.", {"tired": 3}),
        ("I feel like a fraud", {"shame": 1}),
        ("I felt down", {"sadness": 1}),
        ("I sat down with her", {}),  # an everyday word needs a feeling cue
        ("I felt heard", {"connected": 1}),
        ("I heard her say it", {}),
        ("She looked scared but I felt calm", {"calm": 1}),  # her fear is not mine
        ("Seeing him scared made me sad", {"sadness": 1}),
        ("Hopeless and hopeful", {"sadness": 1, "hope": 1}),
        ("I’m not nervous", {}),  # curly apostrophe
        ("", {}),
    ],
)
def test_named_feelings(text: str, expected: dict[str, int]) -> None:
    assert dict(named_feelings(text)) == expected


def test_shipped_vocabulary_has_the_families_the_brief_names() -> None:
    vocab = load_vocabulary()
    for family in (
        "fear",
        "shame",
        "anger",
        "sadness",
        "tired",
        "hope",
        "pride",
        "calm",
        "connected",
        "joy",
    ):
        assert family in vocab.ids
    kinds = {f.id: f.kind for f in vocab.families}
    assert kinds["shame"] == "obstructing" and kinds["hope"] == "utilising"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"family": [{"id": "x", "label": "X", "kind": "good", "words": ["a"]}]}, "kind"),
        ({"family": [{"id": "x", "label": "X", "kind": "utilising", "word": ["a"]}]}, "unknown"),
        ({"family": [{"id": "x", "label": "X", "kind": "utilising", "words": []}]}, "no words"),
        (
            {
                "family": [
                    {"id": "x", "label": "X", "kind": "utilising", "words": ["a"]},
                    {"id": "y", "label": "Y", "kind": "utilising", "words": ["a"]},
                ]
            },
            "both",
        ),
        ({"families": []}, "unknown"),
    ],
)
def test_invalid_vocabulary_is_a_clear_error(data: dict[str, object], problem: str) -> None:
    with pytest.raises(PeerJournalError, match=problem):
        parse_vocabulary(data, "test.toml")


def test_a_vocabulary_file_can_replace_the_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "feelings.toml"
    path.write_text(
        '[[family]]\nid = "wobbly"\nlabel = "wobbly"\nkind = "obstructing"\n'
        'words = ["wobbly", "all over the place"]\n',
        "utf-8",
    )
    vocab = load_vocabulary(path)
    assert dict(named_feelings("A bit wobbly, all over the place. Not wobbly now.", vocab)) == {
        "wobbly": 2
    }
    broken = tmp_path / "broken.toml"
    broken.write_text("[[family]\n", "utf-8")
    with pytest.raises(PeerJournalError, match="not valid"):
        load_vocabulary(broken)
