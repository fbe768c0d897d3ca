"""Round 35: a sentence does not end at the full stop of "Dr.", "Mrs.", "e.g." or an initial:
what the writer will do differently was cut there ("…and tell Dr."), in the export, in
`supervision prep` and in `review`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from peerjournal.intentions import intentions, sentence_ends, sentences

CLI = Callable[..., Any]
Add = Callable[..., int]
PLANS = ("Next time I will let Ngozi lead, and tell Dr. Patel less. Next time I will ask "
         "Mrs. Smith first. I will also stop giving advice e.g. about meds.")


@pytest.mark.parametrize(("text", "expected"), [
    (PLANS, ["Next time I will let Ngozi lead, and tell Dr. Patel less.",
             "Next time I will ask Mrs. Smith first.",
             "I will also stop giving advice e.g. about meds."]),
    ("I will ask K. what she wants. Then I'll wait.",
     ["I will ask K. what she wants.", "Then I'll wait."]),
    ("I saw K. I will ring her.", ["I saw K.", "I will ring her."]),  # "I" opens a sentence
    ("Bring forms, pens etc. Next time I will plan.", ["Bring forms, pens etc.",
                                                     "Next time I will plan."]),
    ("I will sleep 7.5 hours, i.e. more. Sgt. Kim, mr. jones vs. prof. Lee.",
     ["I will sleep 7.5 hours, i.e. more.", "Sgt. Kim, mr. jones vs. prof. Lee."]),
    ("Wow! Really? Yes.\nA line。其次", ["Wow!", "Really?", "Yes.", "A line。", "其次"]),
])
def test_sentences_end_where_sentences_end(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_ends_are_after_the_mark() -> None:
    text = "Met Dr. Patel. Then home."
    assert sentence_ends(text) == [len("Met Dr. Patel.")]


def test_intentions_are_whole_sentences() -> None:
    assert intentions(PLANS) == sentences(PLANS)
    assert intentions("I saw K. I will ring her.") == ["I will ring her."]


def test_export_prep_and_review_show_the_whole_sentence(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    assert cli("people", "add", "Ngozi Okonkwo").exit_code == 0
    add("Met the team.", "--share", "-e", PLANS)
    out = tmp_path / "s.json"
    assert cli("export", "--yes", "-o", str(out)).exit_code == 0
    shown = [i["text"] for i in json.loads(out.read_text())["intentions"]]
    assert shown == ["Next time I will let [person] lead, and tell Dr. Patel less.",
                     "Next time I will ask Mrs. Smith first.",
                     "I will also stop giving advice e.g. about meds."]
    review = " ".join(cli("review", str(out)).stdout.split())
    prep = " ".join(cli("supervision", "prep").stdout.split())
    for line in shown:
        assert line in review
    assert "tell Dr. Patel less." in prep and "advice e.g. about meds." in prep
