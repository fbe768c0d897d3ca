"""Round 40, the mentor's side (qa_mentor2): two writers who sign alike, a "Moved most" that
rests mostly on learned words, notes-to-self as plans, a listed name as the signature, and
several people shown as "[person]" in one entry."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from conftest import CLI
from peerjournal.drift.lexicon import lexicon_version
from peerjournal.exporters.common import glance
from peerjournal.intentions import evaluation_intentions
from test_qa19_mentor import turning_summary

# round 46: "Moved most" says which weeks each number covers
FELL = "fell from 5.0 in the first 2 weeks with entries to 0.0 in the last 2 weeks"


def _flat(text: str) -> str:
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def _ellis(cli: CLI, tmp_path: Path, days: tuple[str, ...], name: str, *db: str) -> Path:
    """A summary signed Ellis of 1–30 Nov of a journal (`db`: another) with entries on `days`."""
    for day in days:
        result = cli(*db, "write", "-x", f"We sat together on {day} and I listened.",
                     "--share", "--date", day)
        assert result.exit_code == 0, result.stderr
    out = tmp_path / name
    result = cli(*db, "export", "--yes", "--from", "Ellis", "--since", "2026-11-01",
                 "--until", "2026-11-30", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def test_two_writers_signed_alike_are_named_by_file_and_not_compared(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: one writer's "movement", and "the same entries are counted in more than one" for
    two journals that share no entry, in rows that could not be told apart."""
    first = _ellis(cli, tmp_path, ("2026-11-03", "2026-11-10"), "ellis-a.json")
    other = ["--db", str(tmp_path / "other.db")]
    second = _ellis(cli, tmp_path, ("2026-11-05", "2026-11-12"), "ellis-b.json", *other)
    result = cli("review", str(first), str(second))
    assert result.exit_code == 0, result.stderr
    out = _flat(result.stdout)
    assert re.search(r"Ellis 1 Nov .{0,60} ellis-a\.json Ellis 1 Nov .{0,60} ellis-b\.json", out)
    assert "signed alike but are read as different writers'" in out
    assert "same entries are counted" not in out
    assert "Between summaries" not in out and "Since the previous summary" not in out
    merged = json.loads(cli("review", "--json", str(first), str(second)).stdout)
    assert merged["between"] == []
    # the first writer's longer summary is compared with theirs alone, named by its files
    longer = tmp_path / "ellis-a-long.json"
    result = cli("export", "--yes", "--from", "Ellis", "--since", "2026-10-01", "--until",
                 "2026-11-30", "-o", str(longer))
    assert result.exit_code == 0, result.stderr
    result = cli("review", str(second), str(first), str(longer))
    out = _flat(result.stdout)
    assert "Ellis (ellis-a-long.json, ellis-a.json): 2 summaries" in out
    assert out.count("Since the previous summary") == 1
    merged = json.loads(cli("review", "--json", str(second), str(first), str(longer)).stdout)
    assert [c["files"] for c in merged["between"]] == [[str(longer), str(first)]]


def test_one_writers_overlapping_summaries_are_still_one_writer(
    cli: CLI, tmp_path: Path
) -> None:
    first = _ellis(cli, tmp_path, ("2026-11-03", "2026-11-10"), "nov.json")
    both = tmp_path / "oct-nov.json"
    result = cli("export", "--yes", "--from", "Ellis", "--since", "2026-10-01", "--until",
                 "2026-11-30", "-o", str(both))
    assert result.exit_code == 0, result.stderr
    out = _flat(cli("review", str(first), str(both)).stdout)
    assert "Ellis: 2 summaries" in out and "nov.json" not in out.split("Between")[0]
    assert "the same entries are counted in more than one" in out
    assert "signed alike" not in out
    merged = json.loads(cli("review", "--json", str(first), str(both)).stdout)
    assert [len(c["files"]) for c in merged["between"]] == [2]


def _mostly_learned(curated: int) -> dict[str, Any]:
    summary = turning_summary()
    summary["lexicon_versions"] = [lexicon_version()]
    for period in summary["periods"]:
        # co-optation's 2.5 per 100 of 1,200 words: 30 of evidence (300 words a week: each
        # half holds the words a trend needs, round 43)
        period["words"] = 300
    for dim in summary["dimensions"]:
        dim["curated"] = {"identity": 4, "drift": curated if dim["id"] == "co_optation" else 4}
    return summary


def test_moved_most_says_when_most_of_it_is_learned_words() -> None:
    """Was: a caveat only when no curated phrase counted (1 of 6 did: no caveat)."""
    assert (f"Moved most: Co-optation (drift) {FELL}; most of what counts for it "
            "is words learned from example entries, which the marker list does not show: only "
            "1 phrase of the tool's own markers counted.") in glance(_mostly_learned(1))
    assert f"Moved most: Co-optation (drift markers) {FELL}." in glance(
        _mostly_learned(15))
    older = _mostly_learned(1)
    for period in older["periods"]:
        del period["words"]  # a summary that does not give its words: no caveat
    assert f"Moved most: Co-optation (drift markers) {FELL}." in glance(older)


def test_notes_to_self_that_say_when_are_plans() -> None:
    evaluation = ("It went well. Ask her what she needs next time. Check in with him next "
                  "week. Follow up with Sam in a week. Check she understood. Last time I "
                  "asked too much. Visit the ward.")
    assert evaluation_intentions(evaluation) == [
        "Ask her what she needs next time.", "Check in with him next week.",
        "Follow up with Sam in a week.",
    ]
    # an answer to "what will you do differently?" holds plans without a "when" too
    answers = [("What will you do differently?", "I will slow down. Visit her in the new room.")]
    assert evaluation_intentions("", answers) == ["I will slow down.",
                                                  "Visit her in the new room."]


def test_an_imperative_in_the_experience_is_not_a_plan(cli: CLI, tmp_path: Path) -> None:
    result = cli("write", "-x", "Ask her what she needs next time, the nurse told me.",
                 "-e", "Check in with her next week.", "--share", "--date", "2026-11-03")
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "s.json"
    result = cli("export", "--yes", "--since", "2026-11-01", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert [i["text"] for i in summary["intentions"]] == ["Check in with her next week."]


def test_a_listed_name_as_the_signature_is_said_once(cli: CLI, tmp_path: Path) -> None:
    """Was: also "Replaced opening a sentence …: Hope. Check those sentences", quoting none."""
    assert cli("people", "add", "Hope").exit_code == 0
    assert cli("write", "-x", "We walked by the river.", "--share", "--date",
               "2026-11-03").exit_code == 0
    result = cli("export", "--yes", "--since", "2026-11-01", "--from", "Hope", "-o",
                 str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    assert "Your signature (--from Hope) holds a name on the people list" in result.stderr
    assert "Replaced opening a sentence" not in result.stderr


def test_several_people_as_person_in_one_entry_get_an_alias_hint(
    cli: CLI, tmp_path: Path
) -> None:
    for name in ("Grace", "Femi"):
        assert cli("people", "add", name).exit_code == 0
    for day, text in (("2026-11-03", "Grace helped Femi with the queue ticket."),
                      ("2026-11-04", "Grace came alone. Grace smiled.")):
        assert cli("write", "-x", text, "--share", "--date", day).exit_code == 0
    result = cli("export", "--yes", "--since", "2026-11-01", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    hint = ("In a shared entry (2026-11-03) different people all show as [person], so your "
            "mentor cannot tell who did what. To keep them apart, give each an alias "
            "(`peerjournal people add NAME --alias A.`), then export again.")
    assert hint in " ".join(result.stderr.split())
    assert cli("people", "add", "Femi", "--alias", "F.").exit_code == 0
    result = cli("export", "--yes", "--since", "2026-11-01", "-o", str(tmp_path / "t.md"))
    assert result.exit_code == 0, result.stderr
    assert "different people all show as [person]" not in result.stderr


def test_one_person_written_two_ways_is_not_several(cli: CLI, tmp_path: Path) -> None:
    for name in ("Zoë", "Femi"):
        assert cli("people", "add", name).exit_code == 0
    assert cli("write", "-x", "Zoë led the check-in. Zoey (a typo) sat by me.", "--share",
               "--date", "2026-11-03").exit_code == 0
    result = cli("export", "--yes", "--since", "2026-11-01", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    assert "different people all show as [person]" not in result.stderr
