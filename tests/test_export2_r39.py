"""Round 39 export fixes, second pass (QA qa_changes1 F1, F3, F7, F8): a tag or setting keeps
the everyday words that merely hold a listed name's letters ("marketing", "Greenwich") and
loses a name joined into it ("ngozicare", "housing-[person]"); a lower-case given name in a
setting is flagged as a tag's is; the tool's alert words are no words to check; the
replaced-opening count is of places, not of redaction passes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.exporters.markdown import escape
from peerjournal.redact import Person, Redactor
from peerjournal.summary import label_words_in_doubt
from test_reports_r39 import WINDOW, _rising_singles, december  # noqa: F401 (a fixture)

SINCE = ("--since", "2026-11-01")
TEXT = "We talked about housing and the forms together at the office today."


def _people(cli: CLI, *names: str) -> None:
    for name in names:
        result = cli("people", "add", name)
        assert result.exit_code == 0, result.stderr


def _write(cli: CLI, *extra: str, text: str = TEXT) -> None:
    result = cli("write", "-x", text, "--share", "--date", "2026-11-18", *extra)
    assert result.exit_code == 0, result.stderr


def _export(cli: CLI, out: Path) -> tuple[str, dict[str, Any]]:
    """(the export's stderr on one line, its --json receipt)."""
    result = cli("export", "--yes", "--json", *SINCE, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stderr.split()), json.loads(result.stdout)


KEPT_TAGS = ["bookmark", "hopeful", "markers", "marketing", "may-2026", "trademark", "willpower"]
NAMED_TAGS = {"turner-prize": "[person]-prize", "housing-kai": "housing-[person]",
              "ngozicare": "[person]", "kerryvisit": "[person]", "kai_visit": "[person]_visit"}
KEPT_SETTINGS = ["Market Hall", "supermarket", "Willow ward", "Hopewell centre", "Primrose ward",
                 "Greenwich", "Deansgate", "the Hillside unit"]
NAMED_SETTINGS = {"ngozisflat": "[person]", "NgoziCare": "[person]",
                  "will's flat": "[person]'s flat", "kai-visit room": "[person]-visit room"}
LISTED = ("Mark Jones", "Will Turner", "Hope Walker", "Kai Smith", "Rose Hill", "Dean Moss",
          "Ngozi Okonkwo", "Kerry Smith")


def _labelled_journal(cli: CLI) -> None:
    _people(cli, *LISTED)
    for tag in [*KEPT_TAGS, *NAMED_TAGS]:
        _write(cli, "-t", tag)
    for setting in [*KEPT_SETTINGS, *NAMED_SETTINGS]:
        _write(cli, "-s", setting)


def test_tags_keep_everyday_words_and_lose_joined_names_in_json(cli: CLI, tmp_path: Path) -> None:
    """Was: every tag holding Mark, Will or Hope ("marketing", "willpower") was "[person]",
    and "housing-kai" lost "housing" too."""
    _labelled_journal(cli)
    out = tmp_path / "s.json"
    _export(cli, out)
    entries = json.loads(out.read_text(encoding="utf-8"))["shared_entries"]
    tags = sorted(t for e in entries for t in e["tags"])
    assert tags == sorted([*KEPT_TAGS, *NAMED_TAGS.values()])
    settings = sorted(e["setting"] for e in entries if e["setting"])
    assert settings == sorted([*KEPT_SETTINGS, *NAMED_SETTINGS.values()])
    assert cli("review", str(out)).exit_code == 0


def test_tags_and_settings_in_markdown(cli: CLI, tmp_path: Path) -> None:
    _labelled_journal(cli)
    out = tmp_path / "s.md"
    _export(cli, out)
    text = out.read_text(encoding="utf-8")
    for tag in [*KEPT_TAGS, *NAMED_TAGS.values()]:
        assert f"### 2026-11-18 · #{escape(tag)}\n" in text, tag
    for setting in [*KEPT_SETTINGS, *NAMED_SETTINGS.values()]:
        assert f"### 2026-11-18 · {escape(setting)}\n" in text, setting
    assert "ngozi" not in text.casefold() and "kerry" not in text.casefold()


def test_a_name_that_is_no_everyday_word_inside_a_word_is_replaced() -> None:
    """Privacy first: a name no English word holds by chance (Ngozi, Priya, Kerry, Carl) is
    replaced wherever it is inside a tag's or setting's word; an everyday one (Mark, Green)
    is not."""
    from peerjournal.summary import _label_redactor

    label = _label_redactor(Redactor([Person("Carl Green"), Person("Priya Patel")]))
    assert label("priyasmum") == "[person]"
    assert label("Carlisle") == "[person]"
    assert label("Greenwich") == "Greenwich"
    assert label("crisis-house") == "crisis-house"


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_a_lower_case_given_name_in_a_setting_is_flagged(
    cli: CLI, tmp_path: Path, fmt: str
) -> None:
    """Was: the tag "kasia" flagged, the setting's "jamal" (before "upset") not."""
    _people(cli, "Kerry Smith")
    _write(cli, "-s", "busy ward, jamal upset", "-t", "kasia")
    said, receipt = _export(cli, tmp_path / f"s.{fmt}")
    assert set(receipt["words_to_check"]) == {"jamal", "kasia"}
    assert "Check these words (in the summary):" in said and "jamal" in said


def test_setting_words_in_doubt() -> None:
    names = ["Will Turner", "Hope Walker"]

    def flagged(label: str) -> list[str]:
        return [label[a:b] for a, b in label_words_in_doubt(label, names)]

    assert flagged("ward, jamal shouting") == ["jamal"]
    assert flagged("kai upset, shouting") == ["kai"]
    assert flagged("busy ward, no beds") == []
    assert flagged("client upset") == [] and flagged("staff shouting") == []
    assert flagged("willvisit") == ["willvisit"] and flagged("hopesflat") == ["hopesflat"]
    assert flagged("willpower") == [] and flagged("hopeful") == []


@pytest.mark.usefixtures("december")
@pytest.mark.parametrize("fmt", ["md", "json"])
def test_the_tool_s_alert_words_are_not_words_to_check(
    cli: CLI, add: Callable[..., int], tmp_path: Path, fmt: str
) -> None:
    """Was: "Check these capitalised words: Worth", a word of the alert "…Worth a look in
    the table?" that the tool wrote."""
    _rising_singles(add, doubled=True)
    for entry in range(1, 10):
        assert cli("share", str(entry)).exit_code == 0
    out = tmp_path / f"s.{fmt}"
    result = cli("export", "--yes", "--json", *WINDOW, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "Worth a look in the table?" in out.read_text(encoding="utf-8")
    assert "Worth" not in json.loads(result.stdout)["words_to_check"]
    assert "Worth" not in result.stderr


def test_the_writer_s_own_words_in_an_alert_are_still_checked() -> None:
    from peerjournal.cli.export import _writers_texts

    summary = {"note": "", "alerts": [{"message": "Mostly advice in kasia's flat. Worth a look?"}],
               "markers": {"identity": [], "drift": []}, "intentions": [],
               "shared_entries": [], "dimensions": []}
    assert _writers_texts(summary) == [" advice in kasia's flat.  a look?"]


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_the_replaced_opening_count_is_of_places(cli: CLI, tmp_path: Path, fmt: str) -> None:
    """Was: "Ray (3)" for one sentence: the entry, its quote and its intention each counted."""
    _people(cli, "Ray")
    _write(cli, text="We walked to the housing office together and talked about the forms. "
                     "Ray too.")
    said, receipt = _export(cli, tmp_path / f"s.{fmt}")
    assert ("where it may be the everyday word and not the person: Ray. Check this sentence (as "
            "you wrote it): 2026-11-18 “Ray too.”") in said
    assert receipt["replaced_opening"] == ["Ray"]


def test_two_places_are_counted_twice(cli: CLI, tmp_path: Path) -> None:
    _people(cli, "Ray")
    _write(cli, text="We walked to the housing office and talked about the forms. Ray too.")
    result = cli("write", "-x", "Another shift at the housing office, forms again. Ray too.",
                 "--share", "--date", "2026-11-19")
    assert result.exit_code == 0, result.stderr
    said, _ = _export(cli, tmp_path / "s.md")
    assert "not the person: Ray (2). Check these sentences" in said


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_a_to_do_verb_a_person_s_verb_follows_is_like_a_listed_name(
    cli: CLI, tmp_path: Path, fmt: str
) -> None:
    """Was (round 39 regression): "Chase, Ring" with Chace Brown and Rina Patel listed, no
    "(like a listed name)": to-do verbs were never look-alikes, even where "rang" follows."""
    _people(cli, "Chace Brown", "Rina Patel")
    _write(cli, text="We walked to the housing office together. Chase rang me later about it. "
                     "Ring said she was fine. Check the forms.")
    said, receipt = _export(cli, tmp_path / f"s.{fmt}")
    assert ("Check these capitalised words (in the summary): Chase (like a listed name), "
            "Ring (like a listed name).") in said
    assert receipt["words_to_check"] == ["Chase", "Ring"]


# Round 39, final review of the reports (review_reports F7, F1, F2, F8, F9, F10)

PEER = ("Met Sam at the cafe and I shared my own story of waiting for a flat; we worked out "
        "together what he wanted.")
CLIN = "Sam was non-compliant again and I told him he needs to take his meds. He lacks insight."
FILL = ("We walked along the river and talked about the weather, the buses and the football "
        "scores before lunch. ")


def test_one_long_entry_does_not_hide_a_shift_and_the_summary_agrees_with_report(
    cli: CLI, tmp_path: Path
) -> None:
    """Was (F7, F1): one long peer entry, then peer entries, then four clinical ones: every
    dimension "steady" and "a spike rather than a trend", while `report` said rising."""
    days = ["2026-08-05", "2026-08-19", "2026-09-08", "2026-09-22",
            "2026-10-06", "2026-10-20", "2026-11-10", "2026-11-16"]
    # (the clinical entries 5 times over: the later half holds the 300 scored words a trend
    # needs, round 43)
    texts = [FILL * 20 + PEER, PEER, PEER, PEER, *[" ".join([CLIN] * 5)] * 4]
    for day, text in zip(days, texts, strict=True):
        result = cli("write", "-x", text, "-d", day, "-s", "community", "--share")
        assert result.exit_code == 0, result.stderr
    window = ("--since", "2026-08-01", "--by", "month")
    out = tmp_path / "j.json"
    result = cli("export", "--yes", *window, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    summary: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert all("longest_entry_words" not in p for p in summary["periods"])
    report = json.loads(cli("report", *window, "--json").stdout)
    for dim in summary["dimensions"]:
        trend = report["trend"]["dimensions"][dim["id"]]
        for polarity in ("identity", "drift"):
            assert dim[f"{polarity}_direction"] == trend[f"{polarity}_direction"], dim["id"]
    assert any(d["drift_direction"] == "up" for d in summary["dimensions"])
    review = " ".join(cli("review", str(out)).stdout.split())
    assert "one entry's" not in review and "Peer drift rose from" in review


def test_a_curated_phrase_outside_the_five_listed_gets_no_learned_caveat(
    cli: CLI, tmp_path: Path
) -> None:
    """Was (F2): "may rest on words learned from example entries" of Voice, whose curated
    "I let the doctor decide" counted 4 times but was sixth by count."""
    base = ("Sam was non-compliant again and I told him he needs to take his meds. He lacks "
            "insight. He was presenting with low mood. We talked about his symptoms and his "
            "diagnosis.")
    for day in ("2026-10-12", "2026-10-13", "2026-10-19", "2026-10-20"):
        assert cli("write", "-x", base + " We walked to the shops after that.", "-d", day,
                   "--share").exit_code == 0
    for day in ("2026-11-02", "2026-11-03", "2026-11-09", "2026-11-10"):
        assert cli("write", "-x", base + " I let the doctor decide for him.", "-d", day,
                   "--share").exit_code == 0
    out = tmp_path / "g.json"
    assert cli("export", "--yes", "--since", "2026-10-12", "-o", str(out)).exit_code == 0
    summary: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    voice = next(d for d in summary["dimensions"] if d["id"] == "voice")
    assert voice["curated"]["drift"] == 4
    review = " ".join(cli("review", str(out)).stdout.split())
    assert "learned from example entries" not in review
    assert cli("review", str(out)).exit_code == 0


def test_the_in_doubt_quote_shows_the_replaced_word(cli: CLI, tmp_path: Path) -> None:
    """Was (F8): the first 60 characters, 30 before "my hope"."""
    _people(cli, "Hope Walker")
    _write(cli, text="After a long afternoon of sorting out the housing forms with the whole team "
                     "at the office, my hope is gone. We talked about what he wanted.")
    said, _ = _export(cli, tmp_path / "l.md")
    assert "2026-11-18 “…forms with the whole team at the office, my hope is gone.”" in said


def test_the_preview_s_words_to_check_are_in_the_line_s_order(cli: CLI, tmp_path: Path) -> None:
    """Was (F9): with the preview, --json gave ['Sam', 'Priya', 'Chase']."""
    _people(cli, "Chace Brown")
    _write(cli, text="Chase rang me at lunch. Sam said hello. Sam left early. Sam came back with "
                     "Priya and Priya.")
    previewed = cli("export", "--json", *SINCE, "-o", str(tmp_path / "m2.md"), input="y\n")
    assert previewed.exit_code == 0, previewed.stderr
    _, told = _export(cli, tmp_path / "m1.md")
    assert json.loads(previewed.stdout)["words_to_check"] == told["words_to_check"]
    assert told["words_to_check"] == ["Chase", "Sam", "Priya"]


def test_abbreviations_letters_and_waiting_rooms_are_no_names() -> None:
    """Was (F10): "E" of "A&E waiting room" and "NHS" flagged."""
    for label in ("A&E waiting room", "NHS waiting room", "ED waiting", "GP upset"):
        assert label_words_in_doubt(label, ["Will Turner"]) == [], label
    assert [("kai waiting")[a:b] for a, b in label_words_in_doubt("kai waiting", [])] == ["kai"]
